"""Short forms across documents (kg.resolve.short_links): a short campaign or regulation name joins the one
fuller name that ends with it in a document of the same jurisdiction."""

from kg.resolve import resolve
from kg.resolve.short_links import short_form_targets

from helpers import SHIYAN, YINGDE, extraction, make_doc, mention


def _campaign_docs(res):
    return sorted(sorted(e.docs) for e in res.entities.values() if e.label == "CAMPAIGN")


def _resolve(label, *docs):
    """Resolve one mention of ``label`` per document: ``docs`` are (text, surface, jurisdiction), named a.txt, b.txt …"""
    out = []
    for name, (text, surface, place) in zip("abcdefg", docs):
        d = make_doc(f"{name}.txt", text, jurisdiction=place)
        out.append(extraction(d, mention(d, label, surface)))
    return resolve(out)


def test_a_short_campaign_joins_the_fuller_name_of_a_document_of_its_jurisdiction():
    res = _resolve("CAMPAIGN", ("开展道路运输“清风护航”联合执法行动。", "道路运输“清风护航”联合执法行动", SHIYAN),
                   ("继续开展“清风护航”联合执法行动。", "“清风护航”联合执法行动", SHIYAN))
    assert _campaign_docs(res) == [["a.txt", "b.txt"]]


def test_a_short_regulation_joins_its_fuller_name_too():
    res = _resolve("REGULATION", ("制定《某某大队执法办案细则》。", "《某某大队执法办案细则》", YINGDE),
                   ("落实《执法办案细则》。", "《执法办案细则》", YINGDE))
    assert len(res.entities) == 1


def test_a_generic_regulation_title_stays_apart():
    res = _resolve("REGULATION", ("印发《十堰市出租汽车管理办法》。", "《十堰市出租汽车管理办法》", SHIYAN),
                   ("落实《管理办法》。", "《管理办法》", SHIYAN))
    assert len(res.entities) == 2


def test_a_short_campaign_of_another_jurisdiction_stays_apart():
    res = _resolve("CAMPAIGN", ("开展水路运输安全生产提升三年行动。", "水路运输安全生产提升三年行动", SHIYAN),
                   ("开展安全生产提升三年行动。", "安全生产提升三年行动", YINGDE))
    assert _campaign_docs(res) == [["a.txt"], ["b.txt"]]


def test_a_short_campaign_used_in_two_divisions_joins_only_in_the_division_of_the_fuller_name():
    res = _resolve("CAMPAIGN", ("开展水路运输安全生产提升三年行动。", "水路运输安全生产提升三年行动", SHIYAN),
                   ("开展安全生产提升三年行动。", "安全生产提升三年行动", YINGDE),
                   ("开展安全生产提升三年行动。", "安全生产提升三年行动", SHIYAN))
    assert _campaign_docs(res) == [["a.txt", "c.txt"], ["b.txt"]]


def test_a_short_campaign_that_two_fuller_names_end_with_stays_apart():
    res = _resolve("CAMPAIGN", ("开展公路养护百日会战行动。", "公路养护百日会战行动", SHIYAN),
                   ("开展港口建设百日会战行动。", "港口建设百日会战行动", SHIYAN), ("开展百日会战行动。", "百日会战行动", SHIYAN))
    assert _campaign_docs(res) == [["a.txt"], ["b.txt"], ["c.txt"]]


def test_a_chain_of_short_forms_joins_the_fullest_name():
    places = {("CAMPAIGN", "甲乙丙丁戊己", "global"): {"420300"}, ("CAMPAIGN", "乙丙丁戊己", "global"): {"420300"},
              ("CAMPAIGN", "丙丁戊己", "global"): {"420300"}}
    full = ("CAMPAIGN", "甲乙丙丁戊己", "global")
    assert short_form_targets(places) == {(("CAMPAIGN", "乙丙丁戊己", "global"), code): full for code in ("420300", "")} | {
        (("CAMPAIGN", "丙丁戊己", "global"), code): full for code in ("420300", "")}


def test_a_bare_body_of_a_document_with_no_author_is_the_one_of_its_jurisdiction():
    a = make_doc("a.txt", "十堰市交通运输局召开局党组会议。", author="十堰市交通运输局", jurisdiction=SHIYAN)
    b = make_doc("b.txt", "局党组研究部署全年工作。", jurisdiction=SHIYAN)
    c = make_doc("c.txt", "局党组研究部署全年工作。", jurisdiction=YINGDE)
    res = resolve([extraction(a, mention(a, "AGENCY", "局党组")), extraction(b, mention(b, "AGENCY", "局党组")),
                   extraction(c, mention(c, "AGENCY", "局党组"))])
    assert sorted(sorted(e.docs) for e in res.entities.values()) == [["a.txt", "b.txt"], ["c.txt"]]


def test_a_bare_body_of_a_document_with_no_author_stays_apart_when_two_bureaus_of_its_city_name_one():
    a = make_doc("a.txt", "十堰市交通运输局召开局党组会议。", author="十堰市交通运输局", jurisdiction=SHIYAN)
    b = make_doc("b.txt", "十堰市公安局召开局党组会议。", author="十堰市公安局", jurisdiction=SHIYAN)
    c = make_doc("c.txt", "局党组研究部署全年工作。", jurisdiction=SHIYAN)
    res = resolve([extraction(a, mention(a, "AGENCY", "局党组")), extraction(b, mention(b, "AGENCY", "局党组")),
                   extraction(c, mention(c, "AGENCY", "局党组"))])
    assert ["c.txt"] in [sorted(e.docs) for e in res.entities.values()]
