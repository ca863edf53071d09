"""kg_measures: which metric reports on which campaign, on small documents and on the sample gold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy

from kg.extract.given_campaigns import campaign_mentions_for
from kg.extract.measures import MeasuresFinder
from kg.extract.metrics import MetricExtractor
from kg.ingest import read_corpus, read_document
from kg.model import Mention, MetricMention, RelationMention, StructuredDocument
from kg.structure import structure_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "annotation" / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def make_doc(tmp_path: Path, text: str) -> StructuredDocument:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return structure_document(read_document(path, tmp_path))


def measures(tmp_path: Path, text: str, campaigns: list[str]) -> set[tuple[str, str]]:
    """(metric text, campaign name) pairs found in ``text`` with the given campaign names."""
    sdoc = make_doc(tmp_path, text)
    metrics = MetricExtractor().extract(sdoc)
    camps = campaign_mentions_for(sdoc, {c: c for c in campaigns})
    return {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, metrics, camps)}


def test_same_clause_links_only_that_clause(tmp_path):
    got = measures(tmp_path, "我局召开普速铁路会议8次，开展护路爱路宣传活动10次，共开展路地联动治理、检查3次。\n",
                   ["护路爱路宣传活动"])
    assert got == {("10次", "护路爱路宣传活动")}


def test_opening_clause_governs_the_sentence(tmp_path):
    got = measures(tmp_path, "深入开展“我为群众办实事”实践活动，办理群众实事X余件。持续加大宣传，刊发信息X余篇。\n",
                   ["“我为群众办实事”实践活动"])
    assert got == {("X余件", "“我为群众办实事”实践活动")}


def test_a_duration_before_the_campaign_does_not_stop_the_opening_clause(tmp_path):
    text = "集中开展了为期X个月的安全隐患大排查大整治，对城区X家危险货运企业进行全面体检，发现整改安全隐患X个。\n"
    got = measures(tmp_path, text, ["安全隐患大排查大整治"])
    # the length itself (为期X个月的…) measures nothing: kg.extract.measure_durations
    assert {m for m, _ in got} == {"X家", "X个"}


def test_a_run_of_metric_clauses_after_a_campaign_clause(tmp_path):
    text = ("统筹开展路政、超限治理等执法工作，扎实开展“路政宣传月”活动，处理路政案件X起，拆除非公路标志X块，"
            "加强宣传，检测车辆X台次。\n")
    got = measures(tmp_path, text, ["路政宣传月"])
    assert got == {("X起", "路政宣传月"), ("X块", "路政宣传月")}


def test_a_cited_campaign_is_not_measured(tmp_path):
    got = measures(tmp_path, "按照“双公示”工作要求，X%报送行政许可和行政处罚信息。\n", ["双公示"])
    assert got == set()


def test_item_title_covers_the_item(tmp_path):
    text = ("一、工作情况\n二是全面推进执法领域突出问题专项整治工作情况。制定了实施方案。截至6月，共召开推进会1次，"
            "印发专项整治简报5期。三是做好矛盾纠纷排查调处。处理投诉300余宗。\n")
    got = measures(tmp_path, text, ["执法领域突出问题专项整治"])
    assert got == {("1次", "执法领域突出问题专项整治"), ("5期", "执法领域突出问题专项整治")}


def test_no_link_across_sentences_without_a_title(tmp_path):
    text = ("一是强化驾培行业监管。制定关于驾培企业的工作方案，开展驾培企业安全生产专项检查。"
            "截至目前，发现存在问题69个。\n")
    assert measures(tmp_path, text, ["驾培企业安全生产专项检查"]) == set()


def test_an_item_heading_does_not_claim_a_metric_its_own_sentence_ties_to_another_campaign(tmp_path):
    text = ("第二，安全生产专项整治三年行动成效明显。排查整治隐患2.4万项。会同省公安厅开展“打非治违”联合行动，"
            "查处非法营运车辆XXXX辆。\n")
    got = measures(tmp_path, text, ["安全生产专项整治三年行动", "“打非治违”联合行动"])
    assert got == {("2.4万项", "安全生产专项整治三年行动"), ("XXXX辆", "“打非治违”联合行动")}


def test_breakdown_clause_lists_the_campaigns(tmp_path):
    text = "共参与各部门组织的安全生产培训3次，含“安全生产大讲堂”、“重大隐患安全培训”。\n"
    got = measures(tmp_path, text, ["安全生产大讲堂", "重大隐患安全培训"])
    assert got == {("3次", "安全生产大讲堂"), ("3次", "重大隐患安全培训")}


def test_relation_records_and_the_spacy_component(tmp_path):
    sdoc = make_doc(tmp_path, "全市村村通客车率X%，全市已通公交客运行政村X个。\n")
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_metrics")
    nlp.add_pipe("kg_measures")
    doc = nlp.make_doc(sdoc.source.norm)
    doc._.kg_document = sdoc
    doc._.kg_mentions = campaign_mentions_for(sdoc, {"村村通客车": "村村通客车"})
    doc._.kg_metrics, doc._.kg_relations = [], []
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    rels = doc._.kg_relations
    assert {(r.head.text, r.trigger) for r in rels} == {("X%", "clause"), ("X个", "subject")}
    for r in rels:
        assert isinstance(r, RelationMention) and r.rel == "MEASURES"
        assert isinstance(r.head, MetricMention) and isinstance(r.tail, Mention)
        assert r.tail.label == "CAMPAIGN"
        assert r.evidence.start == min(r.head.start, r.tail.start)
        assert r.evidence.end == max(r.head.end, r.tail.end)


def test_campaign_mentions_for_accepts_missing_quotes(tmp_path):
    sdoc = make_doc(tmp_path, "开展“百日攻坚”行动，后来百日攻坚行动结束。\n")
    ms = campaign_mentions_for(sdoc, {"“百日攻坚”行动": "百日攻坚行动"})
    assert [m.text for m in ms] == ["“百日攻坚”行动", "百日攻坚行动"]
    assert all(sdoc.source.text[m.start:m.end] == m.text for m in ms)


# ------------------------------------------------------------- sample gold
def _load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared gold and scorer not on this machine")
def test_measures_score_on_the_sample_gold_with_gold_campaigns():
    score = _load_scorer()
    gold = score.load_gold(GOLD, CORPUS)
    extractor, finder = MetricExtractor(), MeasuresFinder()
    tp = fp = fn = 0
    for src in read_corpus(CORPUS):
        key = src.name[:3]
        if key not in gold:
            continue
        sdoc = structure_document(src)
        g = gold[key]
        forms = {f: e["name"] for e in g["entities"] if e["type"] == "CAMPAIGN" for f in [e["name"], *e["mentions"]]}
        rels = finder.find(sdoc, extractor.extract(sdoc), campaign_mentions_for(sdoc, forms))
        pred = {"relations": [{"rel": "MEASURES", "from": r.head.text, "to": r.tail.name, "start": r.head.start,
                               "end": r.head.end} for r in rels]}
        res = score.score_relations(g, pred, [])["MEASURES"]
        tp, fp, fn = tp + res["tp"], fp + res["fp"], fn + res["fn"]
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.7, (tp, fp, fn)
    assert fn <= 2


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not on this machine")
def test_docs_without_measures_in_gold_get_few():
    """002 has one metric and no MEASURES; nothing may be invented there."""
    g = json.loads((GOLD / "002.json").read_text(encoding="utf-8"))
    src = next(d for d in read_corpus(CORPUS) if d.name.startswith("002"))
    sdoc = structure_document(src)
    forms = {f: e["name"] for e in g["entities"] if e["type"] == "CAMPAIGN" for f in [e["name"], *e["mentions"]]}
    rels = MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), campaign_mentions_for(sdoc, forms))
    assert rels == []


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared gold and scorer not on this machine")
def test_measures_end_to_end_with_the_entity_extractor():
    """The whole extract pipeline: campaigns from kg_entities, metrics, MEASURES."""
    from kg.extract import build_nlp, extract_document

    score = _load_scorer()
    gold = score.load_gold(GOLD, CORPUS)
    nlp = build_nlp()
    tp = fp = fn = campaigns = 0
    for src in read_corpus(CORPUS):
        key = src.name[:3]
        if key not in gold:
            continue
        ext = extract_document(structure_document(src), nlp)
        campaigns += sum(m.label == "CAMPAIGN" for m in ext.mentions)
        pred = {"relations": [{"rel": r.rel, "from": r.head.text, "to": r.tail.name, "start": r.head.start,
                               "end": r.head.end} for r in ext.relations if r.rel == "MEASURES"]}
        res = score.score_relations(gold[key], pred, [])["MEASURES"]
        tp, fp, fn = tp + res["tp"], fp + res["fp"], fn + res["fn"]
    if campaigns == 0:
        pytest.skip("kg_entities finds no campaigns yet")
    assert 2 * tp / (2 * tp + fp + fn) >= 0.6, (tp, fp, fn)


def test_section_heading_names_the_campaign_but_not_as_a_frame(tmp_path):
    text = ("一、工作情况\n（一）扎实推进交通强国建设试点。\n细化分解XX项任务，已完成XX项。\n"
            "（二）以供给侧结构性改革为抓手，提升运输服务。\n新建候车亭X个。\n")
    got = measures(tmp_path, text, ["交通强国建设试点", "供给侧结构性改革"])
    assert got == {("XX项", "交通强国建设试点")}  # both XX项 metrics, one pair after dedup
    sdoc = make_doc(tmp_path, text)
    rels = MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc),
                                 campaign_mentions_for(sdoc, {"交通强国建设试点": "交通强国建设试点"}))
    assert [(r.head.text, r.trigger) for r in rels] == [("XX项", "section"), ("XX项", "section")]


def test_the_span_of_a_campaigns_work_opens_a_sentence_of_its_results(tmp_path):
    # a named campaign's span (…活动期间，) gives the sentence's metrics to it; a travel season's does not
    text = "“安全生产月”活动期间，全县共排查隐患30处，整改率100%。\n春运期间，全县发送旅客12万人次。\n"
    got = measures(tmp_path, text, ["“安全生产月”活动", "春运"])
    assert got == {("30处", "“安全生产月”活动"), ("100%", "“安全生产月”活动")}


def test_a_bare_head_referring_back_to_a_campaign_of_its_paragraph_gives_it_the_results(tmp_path):
    from kg.extract.measures import MeasuresFinder as Finder
    from kg.extract.relations import extract_relations
    from test_relations import mentions_of

    def got(body: str) -> set[tuple[str, str, str]]:
        sdoc = make_doc(tmp_path, body)
        res = extract_relations(sdoc, mentions_of(sdoc, {"支队": "AGENCY", "“利剑”专项整治": "CAMPAIGN",
                                                         "“护航”宣传活动": "CAMPAIGN"}), author="甲市执法支队")
        camps = [m for m in res.mentions if m.label == "CAMPAIGN"]
        return {(r.head.text, r.tail.name, r.trigger)
                for r in Finder().find(sdoc, MetricExtractor().extract(sdoc), camps)}

    lead = "甲市执法支队工作动态\n支队深入开展“利剑”专项整治和“护航”宣传活动，紧盯货运源头。"
    # 专项整治中，… refers back to the 专项整治 of its paragraph: the sentence's metrics are its results
    assert got(lead + "专项整治中，全市共出动执法人员900人次。\n") == {("900人次", "利剑专项整治", "umbrella")}
    # named in the paragraph before, it is too far back for a whole sentence to be its work
    assert got(lead + "\n专项整治中，全市共出动执法人员900人次。\n") == set()


def test_a_plan_under_a_header_naming_its_issuer_measures_its_campaign(tmp_path):
    text = ("甲市交通运输综合行政执法支队\n关于开展“利剑”专项整治行动的实施方案\n"
            "为保障道路运输安全，支队决定开展“利剑”专项整治行动。现制定如下方案。\n一、工作目标\n"
            "全市超限超载率控制在1%以内，查处违法车辆不少于500辆。\n甲市交通运输综合行政执法支队\n2025年3月1日\n")
    sdoc = make_doc(tmp_path, text)
    # the header line is the title the structure stage reads, and the issuer the author
    assert sdoc.meta.title == sdoc.meta.author == "甲市交通运输综合行政执法支队"
    got = measures(tmp_path, text, ["“利剑”专项整治行动"])
    assert {("1%", "“利剑”专项整治行动"), ("500辆", "“利剑”专项整治行动")} <= got
    # the same lines with a header that is not the issuer's name alone: no plan title, no plan rule
    other = text.replace("甲市交通运输综合行政执法支队\n", "甲市交通运输综合行政执法支队工作动态\n", 1)
    assert ("500辆", "“利剑”专项整治行动") not in measures(tmp_path, other, ["“利剑”专项整治行动"])


def test_a_number_qualifying_a_rate_measures_nothing(tmp_path):
    text = "深入实施线网优化三年行动，新开通线路4条，公交站点500米覆盖率达到95%。\n"
    got = measures(tmp_path, text, ["线网优化三年行动"])
    assert {m for m, _ in got} == {"4条", "95%"}



def test_a_count_before_a_rate_is_a_metric_of_its_own(tmp_path):
    text = "深入实施线网优化三年行动，检测车辆1200辆次合格率98%，培训驾驶员300人次合格率100%。\n"
    got = measures(tmp_path, text, ["线网优化三年行动"])
    assert {"1200辆次", "300人次"} <= {m for m, _ in got}


def test_a_campaign_framing_a_paragraph_opening_does_not_title_it(tmp_path):
    text = ("王某强调，各单位要坚持稳中求进，聚焦交通强国建设试点任务，加快推进重点项目。"
            "要推动执法规范化建设，确保全年完成交通固定资产投资90亿元以上。\n")
    got = measures(tmp_path, text, ["交通强国建设试点"])
    assert got == set()


def test_the_time_before_a_campaign_only_frames_its_clause(tmp_path):
    text = "2027年春运前，联合执法支队对全部营运客车进行安全检查，排查整改隐患86项。\n"
    assert measures(tmp_path, text, ["2027年春运"]) == set()


def test_the_span_of_a_campaigns_own_work_still_titles_its_paragraph(tmp_path):
    text = "净路护航专项整治行动期间，各地积极创新监管方式。太原市交通运输局累计核查电子运单31.6万单。\n"
    got = measures(tmp_path, text, ["净路护航专项整治行动"])
    assert ("31.6万单", "净路护航专项整治行动") in got


def test_a_paragraph_opening_with_the_span_of_a_campaign_told_before_is_its_work(tmp_path):
    import dataclasses

    text = ("某县交通运输局2025年工作总结\n全省开展净路护航专项整治行动。\n"
            "专项整治期间，各地积极创新监管方式。太原市交通运输局累计核查电子运单31.6万单。\n")
    sdoc = make_doc(tmp_path, text)
    metrics = MetricExtractor().extract(sdoc)
    camps = campaign_mentions_for(sdoc, {"净路护航专项整治行动": "净路护航专项整治行动",
                                         "专项整治": "净路护航专项整治行动"})
    camps = [dataclasses.replace(c, rule="anaphor") if c.text == "专项整治" else c for c in camps]
    got = {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, metrics, camps)}
    assert ("31.6万单", "净路护航专项整治行动") in got


def test_the_attendance_right_after_a_campaigns_sessions_counts_it(tmp_path):
    text = "会同区税务局开展“惠企政策进企业”宣讲活动6场，培训从业人员460人次，发放宣传资料3000份。\n"
    got = measures(tmp_path, text, ["惠企政策进企业宣讲活动"])
    assert got == {("6场", "惠企政策进企业宣讲活动"), ("460人次", "惠企政策进企业宣讲活动")}
    # not the results of other work after the sessions, nor a count that is not of people
    text = "联合交警开展夜查行动12次，查处非法营运车辆41辆，培训驾驶员30人次。\n"
    got = measures(tmp_path, text, ["夜查行动"])
    assert got == {("12次", "夜查行动")}
    text = "局团支部组织青年志愿者开展“春运暖冬”志愿服务12场次，服务旅客3600余人次。\n"
    assert ("3600余人次", "“春运暖冬”志愿服务") in measures(tmp_path, text, ["“春运暖冬”志愿服务"])
    # nor the people the sessions caught or talked to
    text = "联合交警开展夜查行动8次，查处酒驾人员15人。\n"
    assert measures(tmp_path, text, ["夜查行动"]) == {("8次", "夜查行动")}
    text = "开展“护航”专项行动5次，约谈驾驶员20名。\n"
    assert measures(tmp_path, text, ["“护航”专项行动"]) == {("5次", "“护航”专项行动")}


def test_the_results_after_a_campaigns_sessions_count_it_up_to_cases_handled(tmp_path):
    text = "联合质监站开展“平安工地”专项检查4次，检查在建项目51个次，发现隐患127处，整改率100%。\n"
    got = measures(tmp_path, text, ["平安工地专项检查"])
    assert got == {(m, "平安工地专项检查") for m in ("4次", "51个次", "127处", "100%")}
    text = "开展“交通安全进校园”宣传活动21场次，发放宣传资料1.2万份，覆盖师生3.6万人次。\n"
    got = measures(tmp_path, text, ["交通安全进校园宣传活动"])
    assert {m for m, _ in got} == {"21场次", "1.2万份", "3.6万人次"}
    # cases handled end the run (开展宣传活动6场次，办理行政处罚案件X件)
    text = "开展“送法进企业”宣传活动6场次，走访企业30家，办理行政处罚案件12件，罚款3万元。\n"
    got = measures(tmp_path, text, ["送法进企业宣传活动"])
    assert {m for m, _ in got} == {"6场次", "30家"}
    # wherever the clause names them (对3家违规企业进行处罚: the penalty after the number)
    text = "联合质监站开展“平安工地”专项检查4次，检查在建项目51个次，对3家违规企业进行处罚，整改率100%。\n"
    got = measures(tmp_path, text, ["平安工地专项检查"])
    assert {m for m, _ in got} == {"4次", "51个次"}
    # a clause opening a wider period or scope ends the run
    text = "开展“平安工地”专项检查4次，检查在建项目51个次，全年完成交通投资5.2亿元，新改建农村公路86公里。\n"
    got = measures(tmp_path, text, ["平安工地专项检查"])
    assert {m for m, _ in got} == {"4次", "51个次"}
    text = "开展“平安工地”专项检查4次，全市共完成交通投资5.2亿元。\n"
    assert measures(tmp_path, text, ["平安工地专项检查"]) == {("4次", "平安工地专项检查")}
    # review 16 (1.5): a scope alone, with no aggregate, opens the drive's own result
    text = "开展“平安工地”专项检查4次，全市在建项目检查覆盖率100%。\n"
    assert measures(tmp_path, text, ["平安工地专项检查"]) == {("4次", "平安工地专项检查"), ("100%", "平安工地专项检查")}
    # an integrity talk (廉政约谈) is the work of an integrity campaign, not a case handled
    text = "一是开展“清风”专项行动3次，廉政约谈12人次，覆盖党员干部300人次。\n"
    got = measures(tmp_path, text, ["“清风”专项行动"])
    assert {m for m, _ in got} == {"3次", "12人次", "300人次"}


def test_a_count_of_its_clauses_subject_measures_nothing(tmp_path):
    text = "组织开展“亮剑护路”百日攻坚行动，开展联合执法126次，全市6个超限检测站共检测货车182.5万辆次。\n"
    got = measures(tmp_path, text, ["亮剑护路百日攻坚行动"])
    assert got == {("126次", "亮剑护路百日攻坚行动"), ("182.5万辆次", "亮剑护路百日攻坚行动")}
    text = "组织开展“亮剑护路”百日攻坚行动，开展联合执法126次，全市6个超限检测站共计检测货车182.5万辆次。\n"
    got = measures(tmp_path, text, ["亮剑护路百日攻坚行动"])
    assert got == {("126次", "亮剑护路百日攻坚行动"), ("182.5万辆次", "亮剑护路百日攻坚行动")}


def test_a_campaigns_work_since_it_began_opens_a_sentence_of_its_results(tmp_path):
    # …活动开展以来，… / …行动自6月启动以来，… is the span of the campaign's work (past a source: 据了解，),
    # as …活动期间 is: every metric of the sentence is its result, past the sessions the sentence names
    text = ("据了解，“安全生产月”活动开展以来，县交通运输局已组织开展安全宣传咨询活动6场，发放宣传资料3500余份，"
            "排查安全隐患28处。\n")
    got = measures(tmp_path, text, ["“安全生产月”活动", "安全宣传咨询活动"])
    assert {("6场", "“安全生产月”活动"), ("3500余份", "“安全生产月”活动"), ("28处", "“安全生产月”活动")} <= got
    text = "“百日治超”攻坚行动自6月启动以来，县交通运输局开展联合执法活动12次，查处超限车辆213辆。\n"
    got = measures(tmp_path, text, ["“百日治超”攻坚行动", "联合执法活动"])
    assert ("213辆", "“百日治超”攻坚行动") in got


def test_a_bare_head_since_it_began_refers_back_to_the_campaign_of_that_head(tmp_path):
    from kg.extract.relations import extract_relations
    from test_relations import mentions_of

    text = ("甲市维修协会工作动态\n6月16日，甲市“诚信维修”主题活动启动。\n"
            "活动开展以来，协会组织开展培训班3期，培训企业负责人410人次。\n")
    sdoc = make_doc(tmp_path, text)
    res = extract_relations(sdoc, mentions_of(sdoc, {"协会": "ORGANIZATION", "“诚信维修”主题活动": "CAMPAIGN"}))
    camps = [m for m in res.mentions if m.label == "CAMPAIGN"]
    # 活动开展以来 names the 活动 told before it, as 活动期间 does: the figures after it are its results
    assert [(m.text, m.name) for m in camps if m.rule == "anaphor"] == [("活动", "诚信维修主题活动")]
    got = {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}
    assert {("3期", "诚信维修主题活动"), ("410人次", "诚信维修主题活动")} <= got
