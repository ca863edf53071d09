"""A metric's period and year, a change's direction and base, and who reports it: rules on short made-up texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import build_nlp, extract_document
from kg.extract.metric_time import document_year
from kg.ingest import read_document
from kg.model import MetricMention, StructuredDocument
from kg.structure import structure_document


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def structured(tmp_path: Path, text: str, name: str = "t.txt") -> StructuredDocument:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return structure_document(read_document(tmp_path / name, tmp_path))


def metrics(tmp_path: Path, nlp, text: str) -> dict[str, MetricMention]:
    return {m.text: m for m in extract_document(structured(tmp_path, text), nlp).metrics}


# ------------------------------------------------------------------ period and year
def test_the_period_stated_before_a_metric_in_its_sentence_is_its_own(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n1-6月，查处违法案件12宗。全年检查车辆300辆次。\n")
    assert ms["12宗"].period == "1-6月"
    assert ms["300辆次"].period == "全年"


def test_without_a_stated_period_a_metric_takes_the_documents(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年上半年工作总结\n查处违法案件12宗。今年以来检查车辆300辆次。\n")
    assert ms["12宗"].period == "上半年"  # the title's
    assert ms["300辆次"].period == "今年以来"


def test_a_year_stated_before_a_metric_is_its_own_and_a_base_year_is_not(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n"
                                "2022年查处违法案件12宗。查处违法案件15宗，比2022年增长25%。"
                                "到2025年，新改建农村公路500公里。\n")
    assert ms["12宗"].year == 2022
    assert ms["15宗"].year == 2023  # the title's year
    assert ms["25%"].year == 2023 and ms["25%"].base == "2022年"
    assert ms["500公里"].year == 2025


def test_a_relative_year_counts_from_the_documents_and_a_base_is_no_year(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n去年查处违法案件12宗。查处违法案件15宗，较去年增加3宗。"
                                "明年力争查处违法案件20宗。\n")
    assert ms["12宗"].year == 2022
    assert ms["15宗"].year == 2023
    assert ms["3宗"].year == 2023 and ms["3宗"].base == "去年"
    assert ms["20宗"].year == 2024


def test_the_documents_year_is_its_titles_else_the_one_its_text_names_most(tmp_path):
    assert document_year(structured(tmp_path, "2021年工作总结\n2022年计划查处违法案件12宗。\n", "a.txt")) == 2021
    sdoc = structured(tmp_path, "工作总结\n2022年查处违法案件12宗，2022年检查车辆3辆。2021年检查企业2家。\n", "b.txt")
    assert document_year(sdoc) == 2022


def test_a_section_heading_gives_the_year_of_its_body(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "全市交通运输工作会议讲话\n一、2021年工作回顾\n查处违法案件12宗。\n"
                                "二、2022年工作安排\n力争查处违法案件20宗。\n2021年共检查车辆5辆。\n")
    assert ms["12宗"].year == 2021
    assert ms["20宗"].year == 2022


# ------------------------------------------------------------------ direction and base
def test_a_change_keeps_its_direction_and_base(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "查处违法案件1128宗，同比增长6.3%。事故起数较上年下降12%。卸载货物30吨，比去年同期减少5吨。"
                                "检查车辆300辆次。\n")
    assert (ms["6.3%"].kind, ms["6.3%"].direction, ms["6.3%"].base) == ("change", "up", "去年同期")
    assert (ms["12%"].direction, ms["12%"].base) == ("down", "上年")
    assert (ms["5吨"].direction, ms["5吨"].base) == ("down", "去年同期")
    assert ms["300辆次"].direction is None and ms["300辆次"].base is None
    assert ms["1128宗"].direction is None


def test_changes_stated_together_share_what_the_first_states(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "发生交通事故3起、死亡2人，同比分别下降20%和10%。\n")
    assert ms["20%"].direction == ms["10%"].direction == "down"
    assert ms["20%"].base == ms["10%"].base == "去年同期"


def test_a_planned_change_is_a_target_with_a_direction(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "力争港口货物吞吐量同比增长5%。\n")
    assert ms["5%"].kind == "target" and ms["5%"].direction == "up"


def test_masked_values_stay_masked_with_their_time(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n上半年查处违法案件XX宗，同比下降X%。\n")
    assert ms["XX宗"].masked and ms["XX宗"].value is None and ms["XX宗"].period == "上半年" and ms["XX宗"].year == 2023
    assert ms["X%"].masked and ms["X%"].direction == "down"


# ------------------------------------------------------------------ reporter
def test_the_subject_of_a_metrics_clause_reports_it(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n"
                                "县公安局交警大队查处酒驾12起，检查车辆300辆次。全县排查隐患40处。\n")
    assert ms["12起"].reporter.text == "县公安局交警大队" and ms["12起"].reporter_how == "subject"
    assert ms["300辆次"].reporter.text == "县公安局交警大队"  # the subject carries to the next clause
    assert ms["40处"].reporter_how == "author" and ms["40处"].reporter.name == "安化县交通运输局"


def test_a_body_goes_on_reporting_its_own_enforcement_figures_in_the_next_sentence(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n"
                                "县交通运输综合行政执法大队持续开展治超工作。上半年出动执法人员860人次，检查车辆1200辆次。"
                                "全年发送旅客12万人次。\n")
    assert ms["860人次"].reporter.text == "县交通运输综合行政执法大队"
    assert ms["1200辆次"].reporter.text == "县交通运输综合行政执法大队"
    # a sector's figure is the author's, not the body's named before
    assert ms["12万人次"].reporter.name == "安化县交通运输局" and ms["12万人次"].reporter_how == "author"


def test_a_partner_or_a_body_set_to_work_does_not_report(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n"
                                "我局联合县公安局开展整治，查处车辆12辆。督促县道路运输协会组织培训3次。\n")
    assert ms["12辆"].reporter.name == "安化县交通运输局"
    assert ms["3次"].reporter.name == "安化县交通运输局" and ms["3次"].reporter_how == "author"


def test_bodies_the_metric_counts_do_not_report_it(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "安化县交通运输局2023年工作总结\n"
                                "安化县顺达驾驶员培训有限公司、安化县平安驾校等6所机构被评为AAA级。\n")
    assert ms["6所"].reporter.name == "安化县交通运输局" and ms["6所"].reporter_how == "author"


def test_without_an_author_or_a_subject_a_metric_has_no_reporter(tmp_path, nlp):
    ms = metrics(tmp_path, nlp, "会议纪要\n会议指出，全年查处违法案件12宗。\n")
    assert ms["12宗"].reporter is None and ms["12宗"].reporter_how is None
