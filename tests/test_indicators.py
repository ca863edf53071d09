"""Indicators: a metric's core and dimension, the lexicon's INDICATOR lines, the context of a sentence,
linking across documents, and the Indicator rows of the in-memory graph and of a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import build_nlp, extract_document
from kg.graph import build_graph
from kg.ingest import read_corpus, read_document
from kg.lexicon import LexiconError, load_lexicon, read_entries
from kg.model import IndicatorSummary
from kg.pipeline import build
from kg.resolve import resolve
from kg.resolve.indicators import (
    IndicatorNormaliser,
    document_indicators,
    indicator_id,
    link_indicators,
    load_indicator_words,
)
from kg.structure import structure_document


@pytest.fixture(scope="module")
def norm():
    return IndicatorNormaliser(load_lexicon([]))


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


# ------------------------------------------------------------------ dimension
@pytest.mark.parametrize("unit,dimension", [
    ("宗", "cases"), ("件", "cases"), ("起", "cases"), ("辆", "vehicles"), ("台次", "vehicles"), ("艘次", "vehicles"),
    ("人次", "people"), ("名", "people"), ("元", "money"), ("公里", "length"), ("米", "length"), ("吨", "weight"),
    ("%", "ratio"), ("百分点", "ratio"), ("家次", "count"), ("处", "count"), ("项", "count"), ("平方米", "area"),
    ("元/人次", "other"), ("光年", "other"),
])
def test_the_unit_gives_the_dimension(norm, unit, dimension):
    assert norm.dimension(unit) == dimension


# ------------------------------------------------------------------ core
@pytest.mark.parametrize("phrase,core", [
    ("一是查处违法案件", "查处违法案件"),                   # list marker
    ("（二）检查车辆", "检查车辆"),
    ("2023年上半年查处违法案件", "查处违法案件"),           # time words
    ("1-6月检查车辆", "检查车辆"),
    ("今年以来查处违法案件", "查处违法案件"),
    ("春运和国庆期间出动执法人员", "出动执法人员"),
    ("常德市查处违法案件", "查处违法案件"),                 # a place of the gazetteer
    ("全市累计查处违法案件", "查处违法案件"),               # scope and intensifiers
    ("全年共计检查车辆", "检查车辆"),
    ("力争查处违法案件", "查处违法案件"),                   # plan and bound words
    ("不少于检查车辆", "检查车辆"),
    ("查处违法案件同比增长", "查处违法案件"),               # a change of it
    ("超限率由2022年的", "超限率"),
    ("全市普通公路超限率由2022年的", "超限率"),             # the road class is the field
    ("立案查处各类违法案件", "查处违法案件"),               # words that only qualify
    ("办理行政处罚案件", "查处违法案件"),                   # synonyms: 查处/办理 … 案件
    ("道路客运量", "发送旅客"),                             # 客运量 = 发送旅客, 道路 is the field
    ("运送旅客", "发送旅客"),
    ("收缴罚没款", "罚款"),
    ("新开通城乡公交线路", "开通城乡公交线路"),
    ("12328热线受理投诉", "受理投诉"),                      # a topic before the verb
    ("对重点岗位干部开展廉政谈话", "廉政谈话"),
    ("完成危桥改造", "改造危桥"),                           # a verb at the end goes first
    ("年底前完工危桥改造", "改造危桥"),                     # 完工 is a light verb: the work is done
    ("上半年开工改造危桥", "开工改造危桥"),                 # 开工 only starts it: another measure
    ("完成货运量", "货运量"),                               # a light verb
    ("约谈企业负责人", "约谈企业负责人"),                   # 约谈 is not 约 (about) + 谈
    ("水路客运量", "水路发送旅客"),                         # a mode of transport makes another measure
    ("全省水路完成货运量", "水路货运量"),
    ("查处出租汽车拒载、议价等违规行为", "查处违规行为"),  # an enumeration before 等 (and a sector)
    ("落实不力的约谈企业负责人", "约谈企业负责人"),         # an attributive clause
    ("查处违法改装的货运车辆", "查处违法改装的货运车辆"),   # (not one that holds the action)
    ("隐患整改率", "隐患整改率"),
    ("重大事故隐患整改率", "隐患整改率"),
    ("防汛应急演练", "应急演练"),                           # an activity and the word before it
    ("举办隧道坍塌应急救援演练", "应急演练"),               # 应急救援演练 = 应急演练
    ("向驾驶员发放《致驾驶员的一封信》《明白纸》等宣传资料", "发放宣传资料"),  # titles given as examples
    ("城区、郧阳区共注销道路运输证", "注销道路运输证"),     # places in a list
    ("约束性任务", "约束性"),                                 # 约 of 约束 is no lead word
])
def test_the_core_of_a_phrase(norm, phrase, core):
    assert norm.core(phrase) == core


@pytest.mark.parametrize("phrase,core", [
    ("检查农村客运车辆", "检查车辆"),                       # a sector between the verb and what it counts
    ("抽查道路运输企业", "检查企业"),
    ("受理港航服务投诉", "受理投诉"),
    ("办理港航行政许可", "办理行政许可"),
    ("约谈货运源头企业负责人", "约谈企业负责人"),
    ("受理出租汽车类投诉", "受理出租汽车类投诉"),           # a category breakdown stays
    ("检查客运站", "检查客运站"),                           # nothing left to count without it
    ("客运企业", "客运企业"),                               # no verb: the sector is what is counted
    ("抽查车辆", "检查车辆"),                               # a spot check is a check
    ("行政许可事项按时办结率", "按时办结率"),
    ("发现安全隐患", "排查隐患"),                           # hazards found are hazards screened
    ("当场整改", "整改"),                                   # a manner adverb
])
def test_a_sector_after_the_verb_does_not_split_an_indicator(norm, phrase, core):
    assert norm.core(phrase) == core


def test_the_dimension_tells_sessions_from_what_they_act_on(norm):
    assert norm.core("组织执法人员培训", (), "people") == "培训执法人员"
    assert norm.core("开展执法案卷评查", (), "count") == "案卷评查"
    assert norm.core("执法案卷评查", (), "count") == "评查案卷"


def test_the_reporting_body_and_the_bodies_of_the_sentence_are_not_counted(norm):
    assert norm.core("市道路运输服务中心新开通城乡公交线路", ["市道路运输服务中心"]) == "开通城乡公交线路"
    assert norm.core("指导甲公司和乙公司新开通城乡公交线路", ["甲公司", "乙公司"]) == "开通城乡公交线路"


def test_the_key_is_core_and_dimension_and_the_id_comes_from_it(norm):
    ik = norm.normalise("全年共查处违法案件", "宗")
    assert ik.key == "查处违法案件|cases"
    assert ik.id == indicator_id("查处违法案件|cases") == norm.normalise("办理违法案件", "件").id
    assert ik.id != norm.normalise("查处违法案件同比增长", "%").id  # a percentage change: ratio


def test_an_indicator_line_merges_and_renames(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("INDICATOR\t治超检测车辆\t检测货车|检查车辆\n", encoding="utf-8")
    norm = IndicatorNormaliser(load_lexicon([user]))
    assert norm.core("全年检测货车") == "治超检测车辆"      # the core of the phrase is an alias: merged
    assert norm.core("检查车辆") == "治超检测车辆"
    assert norm.normalise("检测货车", "辆次").key == "治超检测车辆|vehicles"
    assert norm.core("查处违法案件") == "查处违法案件"
    # an INDICATOR line names no entity
    assert "检测货车" not in load_lexicon([user]).known()


def test_a_bad_indicator_table_line_names_the_file_and_line(tmp_path):
    bad = tmp_path / "indicators.tsv"
    bad.write_text("# words\nlead\t全年\nweird\t词\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"indicators.tsv:3: expected 'role<TAB>word'"):
        load_indicator_words(bad)
    bad.write_text("dimension\t宗\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"indicators.tsv:1: a dimension line needs a third column"):
        load_indicator_words(bad)
    user = tmp_path / "user.tsv"
    user.write_text("INDICATOR\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="INDICATOR line without a name"):
        read_entries(user)


# ------------------------------------------------------------------ the context of a sentence
def _indicators(tmp_path: Path, nlp, text: str, name: str = "t.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    ext = extract_document(structure_document(read_document(tmp_path / name, tmp_path)), nlp)
    found = document_indicators(ext, load_lexicon([]))
    return {m.text: found.indicators[found.indicator_of[m.key]] for m in ext.metrics}, found


def test_a_bare_rate_is_the_rate_of_what_the_metric_before_it_counts(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "排查安全隐患86处，整改率100%。受理投诉20件，办结率95%。\n")
    assert got["100%"].key == "隐患整改率|ratio"
    assert got["95%"].key == "投诉办结率|ratio"


def test_a_bare_verb_counts_what_the_metric_before_it_counts_in_the_same_dimension(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "排查安全隐患86处，整改80处。检查车辆30辆，查处12宗。\n")
    assert got["80处"].key == "整改隐患|count"
    assert got["12宗"].key == "查处|cases"  # vehicles are not what the cases count


def test_changes_stated_together_measure_the_levels_before_them(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "发生一般交通事故3起，死亡2人，同比分别下降20%和10%。\n")
    assert got["3起"].key == "交通事故|cases" and got["20%"].key == "交通事故|ratio"
    assert got["2人"].key == "事故死亡|people" and got["10%"].key == "事故死亡|ratio"


def test_a_coordinated_phrase_gives_each_metric_its_item(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "交通事故起数、事故死亡人数分别下降12%和9%。\n")
    assert got["12%"].key == "交通事故|ratio" and got["9%"].key == "事故死亡|ratio"
    got, _ = _indicators(tmp_path, nlp, "群众来访批次和人数分别下降20%、10%。\n", "u.txt")
    assert got["20%"].key == "群众来访批次|ratio" and got["10%"].key == "人数|ratio|doc:u.txt"  # too vague to link


def test_a_note_in_brackets_does_not_cut_the_phrase_and_a_compared_change_measures_the_level(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "全市普通国省道路面技术状况指数（PQI）达到87.6分，较上年提高1.8分。"
                                       "回访满意率97.3%，比去年同期提高0.5个百分点。\n")
    assert got["87.6分"].key == got["1.8分"].key == "路面技术状况指数|points"
    assert got["0.5个百分点"].key == got["97.3%"].key == "回访满意率|ratio"
    got, _ = _indicators(tmp_path, nlp, "全市订单合规率由年初的61.2%提高到年底的83.5%，提高22.3个百分点。\n", "v.txt")
    assert got["61.2%"].key == got["83.5%"].key == got["22.3个百分点"].key == "订单合规率|ratio"  # raised to
    got, _ = _indicators(tmp_path, nlp, "部分县（市、区）超限率超过3%。\n", "u.txt")
    assert got["3%"].key == "超限率|ratio"  # a list in brackets is not a note: the phrase starts after it


def test_a_generic_core_belongs_to_the_metric_before_it_or_to_its_document(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "完成交通固定资产投资46.8亿元，占年度目标任务的55.1%，同比增长9.3%。"
                                       "全年完成投资2亿元。\n")
    assert got["46.8亿元"].key == "交通固定资产投资|money"
    assert got["55.1%"].key == "交通固定资产投资目标|ratio"
    assert got["9.3%"].key == "交通固定资产投资|ratio"  # the level that changed, not the share of the target
    assert got["2亿元"].key == "投资|money|doc:t.txt"  # no metric before it: the document's own


def test_a_travel_season_opening_the_sentence_makes_passengers_another_measure(tmp_path, nlp):
    got, _ = _indicators(tmp_path, nlp, "春运期间，全县道路客运累计发送旅客41.7万人次，出动执法人员300人次。\n")
    assert got["41.7万人次"].key == "春运发送旅客|people"
    assert got["300人次"].key == "出动执法人员|people"


def test_a_documents_summary_counts_its_metrics_and_keeps_every_phrase(tmp_path, nlp):
    got, found = _indicators(tmp_path, nlp, "上半年查处违法案件12宗。全年共查处违法案件XX宗。检查车辆30辆。\n")
    ind = got["12宗"]
    assert ind is got["XX宗"] and ind.metrics == 2 and ind.unit == "宗"
    assert ind.aliases == ("上半年查处违法案件", "全年共查处违法案件")
    assert len(found.indicators) == 2


# ------------------------------------------------------------------ linking
def test_indicators_link_across_documents_by_key():
    a = IndicatorSummary("查处违法案件|cases", "查处违法案件", "cases", "宗", ("查处违法案件",), 2)
    b = IndicatorSummary("查处违法案件|cases", "查处违法案件", "cases", "件", ("办理违法案件", "查处违法案件"), 3)
    c = IndicatorSummary("检查车辆|vehicles", "检查车辆", "vehicles", "辆次", ("检查车辆",), 1)
    got = link_indicators([("a.txt", [a, c]), ("b.txt", [b])])
    ind = got[indicator_id("查处违法案件|cases")]
    assert ind.docs == {"a.txt", "b.txt"} and ind.metrics == 5 and ind.unit == "件"
    assert ind.aliases == {"查处违法案件", "办理违法案件"}
    assert got[indicator_id("检查车辆|vehicles")].docs == {"a.txt"}


# ------------------------------------------------------------------ graph rows
CORPUS_TEXTS = {
    "a.txt": "安化县交通运输局2023年工作总结\n上半年查处违法案件12宗，同比增长20%。检查车辆XX辆次。\n",
    "b.txt": "南平市交通运输综合执法支队2022年工作报告\n全年办理违法案件30件。检查车辆500辆次。\n",
}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("ind_corpus")
    for name, text in CORPUS_TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _indicator_nodes(g) -> dict[str, dict]:
    return {n: a for n, a in g.nodes(data=True) if a["label"] == "Indicator"}


def test_the_graph_links_metrics_to_indicators_and_reporters(small_corpus, nlp):
    exts = [extract_document(structure_document(d), nlp) for d in read_corpus(small_corpus)]
    g = build_graph(resolve(exts, load_lexicon([])))
    inds = _indicator_nodes(g)
    cases = inds[indicator_id("查处违法案件|cases")]
    assert cases["docs"] == ["a.txt", "b.txt"] and cases["metrics"] == 2 and cases["dimension"] == "cases"
    vehicles = inds[indicator_id("检查车辆|vehicles")]
    assert vehicles["metrics"] == 2
    of = {u: v for u, v, a in g.edges(data=True) if a["type"] == "OF_INDICATOR"}
    metrics = {n: a for n, a in g.nodes(data=True) if a["label"] == "Metric"}
    assert set(of) == set(metrics)  # every metric, masked ones too
    masked = next(n for n, a in metrics.items() if a["masked"])
    assert metrics[masked]["value"] is None and of[masked] == indicator_id("检查车辆|vehicles")
    change = next(a for a in metrics.values() if a["text"] == "20%")
    assert (change["direction"], change["base"], change["year"], change["period"]) == ("up", "去年同期", 2023, "上半年")
    reported = [(g.nodes[u]["text"], g.nodes[v]["name"], a["how"]) for u, v, a in g.edges(data=True)
                if a["type"] == "REPORTED_BY"]
    assert ("12宗", "安化县交通运输局", "author") in reported
    assert ("30件", "南平市交通运输综合执法支队", "author") in reported


def test_a_build_gives_the_indicator_nodes_of_the_in_memory_graph(small_corpus, nlp, tmp_path):
    result = build(small_corpus, tmp_path / "out", views=False)
    exts = [extract_document(structure_document(d), nlp) for d in read_corpus(small_corpus)]
    expected = _indicator_nodes(build_graph(resolve(exts, load_lexicon([]))))
    assert _indicator_nodes(result.graph) == expected
    assert result.summary["indicators"] == len(expected) and result.summary["cross_document_indicators"] == 2
    records = [json.loads(line) for line in (tmp_path / "out" / "extractions.jsonl").read_text("utf-8").splitlines()]
    metrics = [r for r in records if r["type"] == "METRIC"]
    assert all(indicator_id(r["indicator_key"]) in expected for r in metrics)
    assert not any(r.get("rel") == "REPORTED_BY" for r in records)  # on the metric's record
    assert all(r["reported_by"] and r["reported_by_id"] and r["reported_how"] in ("subject", "author")
               for r in metrics)
    assert not any(v is None for r in records for v in r.values())
