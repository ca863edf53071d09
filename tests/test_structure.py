"""Structure: headings, sentences, metadata and jurisdiction on written documents and the sample corpus."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from kg.ids import stable_id
from kg.ingest import fold_width, read_corpus
from kg.model import SourceDocument, StructuredDocument
from kg.resources import GAZETTEER_DIR
from kg.structure import gazetteer, structure_document

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def doc(text: str, name: str = "t.txt") -> StructuredDocument:
    src = SourceDocument(name, Path(name), text, fold_width(text), "utf-8", "txt",
                         hashlib.sha256(text.encode()).hexdigest())
    return structure_document(src)


@pytest.fixture(scope="module")
def corpus() -> dict[str, StructuredDocument]:
    return {d.name[:3]: structure_document(d) for d in read_corpus(CORPUS)}


def check_invariants(sd: StructuredDocument) -> None:
    text = sd.source.text
    by_id = {s.id: s for s in sd.sections}
    assert len(by_id) == len(sd.sections)
    for k, s in enumerate(sd.sections):
        assert s.ordinal == k
        assert s.id == stable_id("Section", f"{s.ordinal}:{s.marker}{s.title}", sd.name)
        assert text[s.start :].startswith(s.marker)
        assert text[s.title_start : s.title_end] == s.title
        assert s.start <= s.title_start <= s.title_end <= s.end
        if s.parent is not None:
            p = by_id[s.parent]
            assert p.level < s.level and p.start < s.start and s.end <= p.end
    for k, sent in enumerate(sd.sentences):
        assert sent.index == k
        assert text[sent.start : sent.end] == sent.text and sent.text.strip() == sent.text
        para = sd.paragraphs[sent.paragraph]
        assert para.start <= sent.start < sent.end <= para.end
        inner = sd.section_at(sent.start)
        assert sent.section == (inner.id if inner else None)
    starts = [s.start for s in sd.sentences]
    assert starts == sorted(starts)


WRITTEN = """XX县交通运输局2022年工作总结
2022年，我局在县委县政府的领导下开展工作。
一、主要工作
（一）抓党建
1.强化理论学习。一是组织学习，提升素养；二是开展培训。
（1）每月学习一次
（2）每季度考核一次
2、加强队伍建设
(二)抓安全
1．安全检查。第一，排查隐患。第二，整改到位。
二、存在问题
首先，人员不足。其次，经费紧张。
"""


def test_every_heading_level_on_a_written_document() -> None:
    sd = doc(WRITTEN)
    check_invariants(sd)
    got = [(s.level, s.marker, s.title) for s in sd.sections]
    assert got == [
        (1, "一、", "主要工作"),
        (2, "（一）", "抓党建"),
        (3, "1.", "强化理论学习"),
        (5, "一是", "组织学习，提升素养"),
        (5, "二是", "开展培训"),
        (4, "（1）", "每月学习一次"),
        (4, "（2）", "每季度考核一次"),
        (3, "2、", "加强队伍建设"),
        (2, "(二)", "抓安全"),
        (3, "1．", "安全检查"),
        (5, "第一，", "排查隐患"),
        (5, "第二，", "整改到位"),
        (1, "二、", "存在问题"),
        (5, "首先，", "人员不足"),
        (5, "其次，", "经费紧张"),
    ]
    by_title = {s.title: s for s in sd.sections}
    parent = {s.title: next((p.title for p in sd.sections if p.id == s.parent), None) for s in sd.sections}
    assert parent["主要工作"] is None
    assert parent["抓党建"] == "主要工作" and parent["抓安全"] == "主要工作"
    assert parent["强化理论学习"] == "抓党建" and parent["组织学习，提升素养"] == "强化理论学习"
    assert parent["每月学习一次"] == "强化理论学习" and parent["加强队伍建设"] == "抓党建"
    assert parent["排查隐患"] == "安全检查" and parent["人员不足"] == "存在问题"
    # a section runs to the next heading of the same or a higher level
    text = sd.source.text
    one = by_title["主要工作"]
    assert text[one.start : one.end].endswith("第二，整改到位。")
    party = by_title["抓党建"]
    assert text[party.start : party.end].endswith("2、加强队伍建设")
    assert by_title["经费紧张"].end == len(text.rstrip())
    # the opening sentence before the first heading belongs to no section
    assert sd.sentences[1].text.startswith("2022年，我局") and sd.sentences[1].section is None


def test_stray_enumerators_are_prose() -> None:
    sd = doc("一、总体情况\n统一是前提。二是没有一是的列表项。唯一是关键，其次要注意。\n一、二级公路完成改造。\n")
    assert [(s.level, s.marker) for s in sd.sections] == [(1, "一、")]


def test_nested_list_inside_an_item_keeps_the_outer_list() -> None:
    sd = doc("一、要求\n一是抓落实。要做到两点，一是常态化评估。\n二是提能力。\n三要强作风。\n")
    fives = [(s.marker, s.title) for s in sd.sections if s.level == 5]
    assert fives == [("一是", "抓落实"), ("二是", "提能力"), ("三要", "强作风")]


def test_sentence_splitting_keeps_quotes_and_titles() -> None:
    text = "他强调：“要抓好落实。”会议印发了《关于做好安全生产。工作的通知》；全面完成任务！还有“两客一危”车辆。最后一句"
    sd = doc(text)
    check_invariants(sd)
    assert [s.text for s in sd.sentences] == [
        "他强调：“要抓好落实。”",
        "会议印发了《关于做好安全生产。工作的通知》；",
        "全面完成任务！",
        "还有“两客一危”车辆。",
        "最后一句",
    ]


def test_sentences_split_at_newlines_and_full_width_marks() -> None:
    sd = doc("　第一段没有句号\n\n第二段。第二句？第三句；\r\n")
    assert [s.text for s in sd.sentences] == ["第一段没有句号", "第二段。", "第二句？", "第三句；"]
    assert [p.index for p in sd.paragraphs] == [0, 1]


def test_markdown_headings() -> None:
    sd = doc("# 一、总体情况\n内容。\n## （一）具体工作\n内容。\n")
    assert [(s.level, s.marker, s.title) for s in sd.sections] == [(1, "一、", "总体情况"), (2, "（一）", "具体工作")]


def test_sample_004_has_every_main_level(corpus: dict[str, StructuredDocument]) -> None:
    sd = corpus["004"]
    check_invariants(sd)
    levels = {s.level for s in sd.sections}
    assert {1, 2, 3, 5} <= levels
    tops = [s.title for s in sd.sections if s.level == 1]
    assert tops == ["主要工作情况", "存在问题", "下一步计划"]
    first3 = next(s for s in sd.sections if s.level == 3)
    assert (first3.marker, first3.title) == ("1.", "着力抓好政治建设，坚决拥护“两个确立”、坚决做到“两个维护”")
    parent = next(s for s in sd.sections if s.id == first3.parent)
    assert (parent.marker, parent.title) == ("（一）", "稳步推进党建工作，党的领导和党的建设全面加强")
    items = [s for s in sd.sections if s.parent == first3.id]
    assert [(s.marker, s.title) for s in items] == [
        ("一是", "加强思想教育，做好理论武装"),
        ("二是", "严格落实管党治党政治责任和严肃党内政治生活"),
        ("三是", "加强意识形态工作"),
    ]
    # the sentence with the 24.228万人次 figure sits in an 一是 item of （二）
    i = sd.source.text.index("24.228万人次")
    sec = sd.section_at(i)
    assert sec is not None and sec.marker == "一是" and sd.sentence_at(i).section == sec.id


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_sample_invariants_and_headings(corpus: dict[str, StructuredDocument], key: str) -> None:
    sd = corpus[key]
    check_invariants(sd)
    assert [s.marker for s in sd.sections if s.level == 1][:3] == ["一、", "二、", "三、"]
    assert len(sd.sentences) > 80
    # the sentence tiling covers every non-blank character of every paragraph
    covered = sum(len(s.text) for s in sd.sentences)
    assert covered >= 0.98 * sum(len(sd.source.text[p.start : p.end].replace(" ", "")) for p in sd.paragraphs)


def test_sample_000_structure(corpus: dict[str, StructuredDocument]) -> None:
    sd = corpus["000"]
    assert [s.title for s in sd.sections if s.level == 2][:2] == ["突破困局，安全监管迈出坚实步伐", "开创新局，交通执法取得丰硕成果"]
    assert sum(1 for s in sd.sections if s.level == 5) >= 30


def test_sample_001_numbered_lists(corpus: dict[str, StructuredDocument]) -> None:
    fives = [s.marker for s in corpus["001"].sections if s.level == 5]
    assert fives == ["一是", "二是", "三是", "四是", "第一，", "第二，", "第三，", "第四，", "一是", "二是", "三要", "四是"]


def test_sample_metadata(corpus: dict[str, StructuredDocument]) -> None:
    m = {k: sd.meta for k, sd in corpus.items()}
    assert m["004"].title == "英德市交通运输局2023年上半年工作总结及下半年工作计划"
    assert (m["004"].kind, m["004"].period, m["004"].author) == ("half_year_summary", "上半年", "英德市交通运输局")
    assert 2023 in m["004"].years
    assert m["000"].title == "在全市道路交通运输工作会议上的讲话"
    assert m["000"].years == [2021, 2022]  # written 二〇二一年 / 二〇二二年
    assert (m["000"].kind, m["000"].author) == ("speech", "支队")
    assert m["001"].kind == "speech" and m["001"].title == "在2022年全省交通运输执法工作会议上的讲话"
    assert m["001"].years == [2021, 2022]
    assert (m["002"].kind, m["002"].author) == ("speech", "*执法局")
    assert (m["003"].kind, m["003"].period, m["003"].author) == ("annual_report", "全年", "省交通运输厅")
    assert m["003"].title.startswith("一年来，在省委、省政府的坚强领导下") and len(m["003"].title) <= 31


def test_sample_jurisdictions(corpus: dict[str, StructuredDocument]) -> None:
    j = corpus["004"].meta.jurisdiction
    assert j is not None
    assert (j.level, j.name, j.code, j.county, j.city, j.province) == (
        "county", "英德市", "441881", "英德市", "清远市", "广东省")
    assert j.key == "adcode:441881"
    j0 = corpus["000"].meta.jurisdiction  # 郧阳区, 郧西, 竹溪县 … and 全市: the city they share
    assert j0 is not None and (j0.name, j0.province) == ("十堰市", "湖北省")
    assert corpus["002"].meta.jurisdiction is None  # every place is masked
    j3 = corpus["003"].meta.jurisdiction  # 湄潭县, 习水县, 都匀市 … and 全省
    assert j3 is not None and (j3.level, j3.name) == ("province", "贵州省")


def test_jurisdiction_rules_on_written_documents() -> None:
    # common words that are also division names never count
    assert doc("城区、新区和开发区的公交线路。东区完成改造。\n").meta.jurisdiction is None
    # a county of a city named in the opening wins over the city
    j = doc("清远市英德市交通运输局工作总结\n全市完成任务。\n").meta.jurisdiction
    assert j is not None and j.name == "英德市"
    j = doc("今年以来，清远市交通运输系统扎实推进工作，英德市、连州市完成改造。\n清远市加快建设。\n").meta.jurisdiction
    assert j is not None and j.name == "清远市"
    # an ambiguous name (朝阳区 is in Beijing and in Changchun) follows the other places
    j = doc("北京市交通委员会工作会议在朝阳区召开。\n海淀区、朝阳区完成任务，全市推进。\n").meta.jurisdiction
    assert j is not None and j.code.startswith("11") and j.province == "北京市"
    # county short names need a place word after them
    assert doc("推广安装设备，形成县市联动，示范县创建。\n").meta.jurisdiction is None
    j = doc("郧西客运站、郧西汽车站完成改造。\n").meta.jurisdiction
    assert j is not None and (j.name, j.city) == ("郧西县", "十堰市")


def test_author_rules_on_written_documents() -> None:
    assert doc("同志们：\n经市交通运输局党组同意，今天召开全市工作会议。\n").meta.author == "市交通运输局"
    signed = "一、工作情况\n我局完成了任务。\n\nXX县交通运输局\n2023年7月1日\n"
    assert doc(signed).meta.author == "XX县交通运输局"
    selfref = "今年以来，我局扎实推进工作。\n*公路局是一支队伍。本局干部认真履职，*公路局系统作风好转。\n"
    assert doc(selfref).meta.author == "*公路局"
    assert doc("今年以来，各项工作有序推进。\n").meta.author is None


def test_a_speech_names_its_body_through_its_own_units() -> None:
    speech = ("同志们：\n今天召开全省安全生产工作会议。刚才，厅安全监督处通报了情况。\n"
              "第一，责任进一步压实。厅党组先后X次专题研究。会同省公安厅、省应急管理厅开展联合行动。\n"
              "省交通运输厅将抓紧制定实施方案。\n")
    assert doc(speech).meta.author == "省交通运输厅"  # not 省公安厅, named only as a partner
    assert doc("同志们：\n会同省公安厅开展行动。厅党组高度重视。\n").meta.author is None


def test_years_and_periods() -> None:
    m = doc("关于二〇二一年和2022年一季度工作的报告\n2019—2021年累计完成。\n").meta
    assert m.years == [2019, 2021, 2022]
    assert m.period == "一季度"
    assert doc("同志们：\n今天召开会议。\n").meta.kind == "speech"
    speech = doc("各位领导、同志们：\n今天召开全市交通运输安全生产工作会议，部署工作。\n").meta
    assert (speech.kind, speech.title) == ("speech", "在全市交通运输安全生产工作会议上的讲话")
    assert doc("市交通运输局2024年工作要点\n一、总体要求\n").meta.kind == "plan"
    assert doc("市交通运输局2023年度工作总结\n一、总体情况\n").meta.kind == "annual_report"
    assert doc("关于道路运输情况的报告\n一、总体情况\n").meta.kind == "report"


def test_gazetteer_table() -> None:
    tsv = GAZETTEER_DIR / "divisions.tsv"
    assert tsv.stat().st_size < 400_000
    g = gazetteer()
    yingde = g.by_code["441881"]
    assert (yingde.name, yingde.short, yingde.level, yingde.parent) == ("英德市", "英德", "county", "441800")
    assert [d.name for d in g.chain("420322")] == ["郧西县", "十堰市", "湖北省"]
    assert g.by_code["450000"].short == "广西" and g.by_code["422800"].short == "恩施"
    assert g.by_code["441825"].short == ""  # 连山 is shared by two divisions


def test_autonomous_divisions_by_their_short_forms() -> None:
    from kg.lexicon.places import autonomous_short_form

    assert autonomous_short_form("恩施土家族苗族自治州") == "恩施州"
    assert autonomous_short_form("伊犁哈萨克自治州") == "伊犁州"  # no 族
    assert autonomous_short_form("白沙黎族自治县") == "白沙县"
    assert autonomous_short_form("莫力达瓦达斡尔族自治旗") == "莫力达瓦旗"
    assert autonomous_short_form("新疆维吾尔自治区") == "新疆" and autonomous_short_form("鄂温克族自治旗") is None
    assert autonomous_short_form("十堰市") is None
    found = gazetteer().find("昌吉州交通运输局会同恩施州公路局")
    assert [(p.text, p.codes) for p in found] == [("昌吉州", ("652300",)), ("恩施州", ("422800",))]  # not 吉州(区)
    j = doc("昌吉州交通运输局2025年工作总结\n今年以来，全州完成任务。\n").meta.jurisdiction
    assert j is not None and (j.name, j.province) == ("昌吉回族自治州", "新疆维吾尔自治区")


def test_structuring_the_corpus_is_fast() -> None:
    docs = list(read_corpus(CORPUS))
    gazetteer()
    t0 = time.perf_counter()
    for d in docs:
        structure_document(d)
    assert time.perf_counter() - t0 < 1.0


def test_invariants_hold_on_scrambled_documents() -> None:
    import random

    pieces = ["一、", "（二）", "(三)", "1.", "2、", "（1）", "一是", "二是", "第一，", "第二，", "首先，", "其次，",
              "工作", "“引号。”", "《文件。名》", "。", "；", "！", "\n", "\n\n", "　", " ", "X", "*", "英德市", "郧西客运站",
              "2023年", "二〇二一年", "“未闭合", "》", "同志们：", "我局", "代表支队党委向"]
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        sd = doc(text)
        check_invariants(sd)
        assert isinstance(sd.meta.title, str)
