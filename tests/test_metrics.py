"""kg_metrics: number grammar, units, kinds, non-metrics, offsets, and the score on the sample gold."""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path

import pytest
import spacy

from kg.extract import build_nlp, extract_document
from kg.extract.metrics import MetricExtractor, load_units
from kg.ingest import read_corpus, read_document
from kg.model import MetricMention, StructuredDocument
from kg.structure import structure_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "annotation" / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def make_doc(tmp_path: Path, text: str, name: str = "t.txt") -> StructuredDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return structure_document(read_document(path, tmp_path))


def metrics_of(tmp_path: Path, text: str) -> list[MetricMention]:
    return MetricExtractor().extract(make_doc(tmp_path, text))


def by_text(ms: list[MetricMention]) -> dict[str, MetricMention]:
    return {m.text: m for m in ms}


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, StructuredDocument]:
    return {d.name[:3]: structure_document(d) for d in read_corpus(CORPUS)}


# ------------------------------------------------------------------ grammar
def test_multipliers_decimals_and_units(tmp_path):
    ms = by_text(metrics_of(tmp_path, "今年春运，汽车客运共发送旅客约24.228万人次，累计完成投资19.69亿元，"
                                      "货物周转量138403.942万吨公里，旅客周转量5480.0765万人公里。\n"))
    assert ms["24.228万人次"].value == pytest.approx(242280.0)
    assert ms["24.228万人次"].unit == "人次"
    assert ms["19.69亿元"].value == pytest.approx(1.969e9)
    assert ms["19.69亿元"].unit == "元"
    assert ms["138403.942万吨公里"].unit == "吨公里"
    assert ms["138403.942万吨公里"].value == pytest.approx(1384039420.0)
    assert ms["5480.0765万人公里"].unit == "人公里"
    assert all(not m.masked for m in ms.values())


def test_case_files_and_percentage_points(tmp_path):
    ms = by_text(metrics_of(tmp_path, "评查案卷XXX卷，指数同比提高2.1个百分点。\n"))
    assert (ms["XXX卷"].unit, ms["XXX卷"].value, ms["XXX卷"].masked) == ("卷", None, True)
    assert (ms["2.1个百分点"].unit, ms["2.1个百分点"].value) == ("百分点", 2.1)


def test_percent_full_and_half_width_keep_the_written_text(tmp_path):
    ms = metrics_of(tmp_path, "占年度投资计划78.22%，满意率XX％，办结率100％。\n")
    assert [m.text for m in ms] == ["78.22%", "XX％", "100％"]
    assert [m.unit for m in ms] == ["%", "%", "%"]
    assert [m.value for m in ms] == [pytest.approx(78.22), None, pytest.approx(100.0)]


def test_masked_approximate_and_compound_forms(tmp_path):
    text = ("通过主流媒体刊发各类信息X余篇，继续教育费用由X元/人次降至X元/人次，局因酒驾被开除达*人，"
            "追回运费XXX余万元，累计支付XXX万余元，组织集中学习共计100多人次，为期X个月，X成以上通公交，"
            "拉动GDP增长XX个百分点。\n")
    ms = metrics_of(tmp_path, text)
    got = [(m.text, m.unit, m.value, m.masked) for m in ms]
    assert got == [
        ("X余篇", "篇", None, True),
        ("X元/人次", "元/人次", None, True),
        ("X元/人次", "元/人次", None, True),
        ("*人", "人", None, True),
        ("XXX余万元", "元", None, True),
        ("XXX万余元", "元", None, True),
        ("100多人次", "人次", 100.0, False),
        ("X个月", "月", None, True),
        ("X成", "成", None, True),
        ("XX个百分点", "百分点", None, True),
    ]


def test_a_count_of_visits_keeps_its_times_unit(tmp_path):
    ms = by_text(metrics_of(tmp_path, "全年检查在建项目XXX个次，检查企业28家次。"))
    assert ms["XXX个次"].unit == "个次" and ms["28家次"].unit == "家次"


def test_bare_multiplier_is_money_only_in_a_money_context(tmp_path):
    ms = metrics_of(tmp_path, "今年全市站场建设项目X个，预计完成投资X亿。全市人口约30万。\n")
    assert [(m.text, m.unit) for m in ms] == [("X个", "个"), ("X亿", "元")]


def test_ranges_keep_the_lower_bound(tmp_path):
    ms = by_text(metrics_of(tmp_path, "办理时限压缩至3-5个工作日，运量增长10%-15%。\n"))
    assert ms["3-5个工作日"].value == 3.0
    assert ms["3-5个工作日"].unit == "工作日"
    assert ms["10%-15%"].value == 10.0
    assert ms["10%-15%"].unit == "%"


def test_thousands_separator_only_when_written_as_ascii_comma(tmp_path):
    ms = metrics_of(tmp_path, "共检测车辆12,080辆次，查处3，500元。\n")
    assert [(m.text, m.value) for m in ms] == [("12,080辆次", 12080.0), ("500元", 500.0)]


@pytest.mark.parametrize("text", [
    "2021年全省交通运输工作会议于6月28日召开，2023年1-7月共办理。\n",
    "二〇二二年是党的二十大召开之年，近千人参加，两次会议。\n",
    "平塘大桥荣获第38届“古斯塔夫·林德撒尔奖”，排全国第X位。\n",
    "通过12328热线和12345电话受理，推广5G和XG视频监控。\n",
    "实施“十四五”发展规划，构建“5+X”舆情分析机制，水运“1+10”制度。\n",
    "印发《关于2021年度X个试点的通知》。\n",
    "X县获评示范县，X执法大队开出罚单，XX交职院与X市合作，注销了X至杭州线路。\n",
    "新（改）建XXX吨级货船，X处长到会，X项目推进，X人民群众满意。\n",
    "我把这5个任务形容为人型工程，这4个方面都很重要。\n",
    "实行7×24小时值班，本办法自X起施行，X对全市工作进行了部署，X月X日召开，1/3的企业。\n",
])
def test_non_metrics(tmp_path, text):
    assert metrics_of(tmp_path, text) == []


# -------------------------------------------------------------------- kinds
def test_change_after_a_level(tmp_path):
    ms = metrics_of(tmp_path, "立案查处345宗，同比增加75宗；罚没收入189.72万元，同比增加60.24万元；"
                              "与去年同期（26.0574万人次）比下降7%，群众来访批次和人数分别下降XX%、XX%。\n")
    assert [(m.text, m.kind) for m in ms] == [
        ("345宗", "level"), ("75宗", "change"), ("189.72万元", "level"), ("60.24万元", "change"),
        ("26.0574万人次", "level"), ("7%", "change"), ("XX%", "change"), ("XX%", "change"),
    ]
    assert ms[1].indicator == "立案查处同比增加"


def test_target_runs_until_a_completion(tmp_path):
    ms = metrics_of(tmp_path, "二〇二一年站场项目计划投资X万元，重点项目X个，候车亭X个，"
                              "全年累计完成固定资产X万元，完成全年计划的X%，占年度投资计划78.22%。\n")
    assert [m.kind for m in ms] == ["target", "target", "target", "level", "level", "level"]


def test_decrease_to_is_a_level_and_obtained_is_not_a_target(tmp_path):
    ms = metrics_of(tmp_path, "费用由X元/人次降至X元/人次，每年减负X余万元。争取到位中央补助资金XXX亿元。\n")
    assert [m.kind for m in ms] == ["level", "level", "change", "level"]


def test_plan_section_makes_targets(tmp_path):
    text = ("一、上半年工作情况\n上半年新建候车亭12个。\n"
            "二、下一步工作计划\n下半年新建候车亭20个，力争客运量增长5%，去年已建成8个。\n")
    ms = metrics_of(tmp_path, text)
    assert [(m.text, m.kind) for m in ms] == [("12个", "level"), ("20个", "target"), ("5%", "target"),
                                              ("8个", "level")]


def test_period_indicator_and_evidence(tmp_path):
    text = "一、工作情况\n2023年上半年，共出动执法人员8411人次。全年召开会议X次。1-6月查处案件15宗。\n"
    sdoc = make_doc(tmp_path, text)
    ms = MetricExtractor().extract(sdoc)
    assert [(m.text, m.period) for m in ms] == [("8411人次", "上半年"), ("X次", "全年"), ("15宗", "1-6月")]
    assert ms[0].indicator == "出动执法人员"
    assert ms[0].evidence.sentence.startswith("2023年上半年")
    assert ms[0].doc == sdoc.name


# ---------------------------------------------------------------- lexicons
def test_units_table_skips_a_bad_line_and_names_the_file(tmp_path, caplog):
    path = tmp_path / "units.tsv"
    path.write_text("# comment\n宗\t宗\tcount\n坏行没有列\n件\t件\tcount\t事\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        table = load_units(path)
    assert set(table.units) == {"宗", "件"}
    assert table.units["件"].blocked_next == "事"
    assert any("units.tsv:3" in r.getMessage() for r in caplog.records)


def test_measure_words_of_films_sacks_orders_devices_and_containers(tmp_path):
    ms = by_text(metrics_of(tmp_path, "观看警示教育片8部，储备沙袋1.2万袋，派送快递1.3万单，配备灭火器420具，"
                                      "完成集装箱吞吐量865万标准箱。\n"))
    assert {t: (m.unit, m.value) for t, m in ms.items()} == {
        "8部": ("部", 8.0), "1.2万袋": ("袋", 12000.0), "1.3万单": ("单", 13000.0), "420具": ("具", 420.0),
        "865万标准箱": ("标准箱", 8650000.0)}
    # the same characters opening another word are no unit
    assert metrics_of(tmp_path, "联合3部门开展检查，2单位参加，做好1具体工作。\n") == []


def test_shipped_units_table_covers_the_common_measure_words():
    table = load_units()
    for unit in ("人次", "宗", "元", "台", "辆", "家", "个", "起", "件", "公里", "吨", "平方米", "%", "篇", "次",
                 "人", "条", "本", "场次"):
        assert unit in table.units, unit
    assert table.units["个月"].canonical == "月"
    assert table.units["年"].category == "per"


def test_ferry_and_machine_shift_counters(tmp_path):
    sdoc = make_doc(tmp_path, "共检查渡口47道，为30道渡口安装监控，投入机械520台班，巡查326点次。途经3道口。\n")
    got = [(m.text, m.unit) for m in MetricExtractor().extract(sdoc)]
    assert got == [("47道", "道"), ("30道", "道"), ("520台班", "台班"), ("326点次", "点次")]  # 道口 is a crossing


# ------------------------------------------------------- pipeline and corpus
def test_component_in_a_spacy_pipeline(tmp_path):
    sdoc = make_doc(tmp_path, "共审核误报数据20447条。\n")
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_metrics")
    doc = nlp.make_doc(sdoc.source.norm)
    doc._.kg_document = sdoc
    doc._.kg_metrics = []
    doc = nlp.get_pipe("kg_metrics")(doc)
    assert [(m.text, m.value) for m in doc._.kg_metrics] == [("20447条", 20447.0)]


def test_offsets_match_the_original_text_on_the_corpus(corpus_docs):
    extractor = MetricExtractor()
    total = 0
    for sdoc in corpus_docs.values():
        for m in extractor.extract(sdoc):
            assert sdoc.source.text[m.start:m.end] == m.text
            assert m.kind in ("level", "change", "target")
            assert m.evidence.start == m.start and m.evidence.doc == sdoc.name
            total += 1
    assert total > 300


def test_extract_document_returns_the_metrics(corpus_docs):
    sdoc = corpus_docs["004"]
    ext = extract_document(sdoc, build_nlp())
    texts = [m.text for m in ext.metrics]
    assert "24.228万人次" in texts and "189.72万元" in texts


def _load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared gold and scorer not on this machine")
def test_metric_scores_on_the_sample_gold(corpus_docs):
    score = _load_scorer()
    gold = score.load_gold(GOLD, CORPUS)
    extractor = MetricExtractor()
    tp = fp = fn = exact = 0
    for key, g in gold.items():
        sdoc = corpus_docs[key]
        pred = {"metrics": [{"text": m.text, "start": m.start, "end": m.end, "value": m.value, "unit": m.unit}
                            for m in extractor.extract(sdoc)]}
        res = score.score_metrics(g, pred, [])
        tp, fp, fn = tp + res["tp"], fp + res["fp"], fn + res["fn"]
        exact += round(res["value_unit_accuracy"] * res["tp"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (tp, fp, fn)
    assert exact / tp >= 0.98


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not on this machine")
def test_kinds_agree_with_the_gold(corpus_docs):
    extractor = MetricExtractor()
    agree = total = 0
    for path in sorted(GOLD.glob("0*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        sdoc = corpus_docs[path.stem]
        pred = extractor.extract(sdoc)
        text = sdoc.source.text
        for gm in g["metrics"]:
            at = text.find(gm["context"])
            start = at + gm["context"].find(gm["text"])
            hit = [m for m in pred if m.start == start]
            if hit:
                total += 1
                agree += hit[0].kind == gm["kind"]
    assert total > 200 and agree / total >= 0.97
