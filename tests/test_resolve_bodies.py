"""One body, one node: short forms join the full name of their document, level-only names link
under their division's full name, and bare names without a known author stay in their document."""

from __future__ import annotations

from kg.lexicon import default_lexicon
from kg.model import Jurisdiction
from kg.resolve import resolve
from kg.resolve.scope import entity_link, is_bare_body

from helpers import SHIYAN, YINGDE, extraction, make_doc, mention

ZHUZHOU = Jurisdiction(level="city", name="株洲市", code="430200", province="湖南省", city="株洲市")
HENGYANG = Jurisdiction(level="city", name="衡阳市", code="430400", province="湖南省", city="衡阳市")


def nodes(res, label: str = "AGENCY") -> dict[str, set[str]]:
    """Entity name -> the surface forms of its mentions."""
    return {e.name: {m.text for m in e.mentions} for e in res.entities.values() if e.label == label}


def test_short_forms_join_the_one_full_name_they_shorten():
    d = make_doc("a.txt", "英德市道路运输管理所上半年工作总结。运管所加强监管。英德市交通运输局部署，市交通运输局督导。"
                          "执法大队开展巡查，英德市交通运输综合行政执法大队通报。", jurisdiction=YINGDE)
    ext = extraction(d, *(mention(d, "AGENCY", s) for s in (
        "英德市道路运输管理所", "运管所", "英德市交通运输局", "市交通运输局", "执法大队", "英德市交通运输综合行政执法大队")))
    got = nodes(resolve([ext], default_lexicon()))
    assert got == {"英德市道路运输管理所": {"英德市道路运输管理所", "运管所"},
                   "英德市交通运输局": {"英德市交通运输局", "市交通运输局"},
                   "英德市交通运输综合行政执法大队": {"英德市交通运输综合行政执法大队", "执法大队"}}


def test_a_short_form_that_fits_several_bodies_joins_the_author_or_none():
    text = "英德市交通运输局党组研究部署。翁源县交通运输局党组交流发言。局党组坚决扛起责任。"
    d = make_doc("a.txt", text, author="英德市交通运输局党组", jurisdiction=YINGDE)
    ms = [mention(d, "AGENCY", s) for s in ("英德市交通运输局党组", "翁源县交通运输局党组", "局党组")]
    got = nodes(resolve([extraction(d, *ms)], default_lexicon()))
    assert got["英德市交通运输局党组"] == {"英德市交通运输局党组", "局党组"}
    d = make_doc("a.txt", text, author=None, jurisdiction=YINGDE)
    ms = [mention(d, "AGENCY", s) for s in ("英德市交通运输局党组", "翁源县交通运输局党组", "局党组")]
    assert len(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == 3


def test_the_authors_bare_level_name_or_place_short_name_is_no_short_form_of_another_body():
    # the structure stage left 市交通运输局 bare: 临湘市 is one of the counties listed, not the author's place
    d = make_doc("a.txt", "岳阳县、华容县、临湘市交通运输局作了交流发言。市交通运输局要加强督导。", author="市交通运输局")
    ms = [mention(d, "AGENCY", "临湘市交通运输局"), mention(d, "AGENCY", "市交通运输局")]
    assert set(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == {"临湘市交通运输局", "市交通运输局"}
    d = make_doc("b.txt", "海城大队联合海城市公安局交通警察大队开展夜查。", author="海城大队")
    ms = [mention(d, "AGENCY", "海城大队"), mention(d, "AGENCY", "海城市公安局交通警察大队")]
    assert set(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == {"海城大队", "海城市公安局交通警察大队"}
    # a unit named under its parent is still that unit
    d = make_doc("c.txt", "莒南县交通运输综合行政执法大队大店执法所开展整治。", author="大店执法所")
    ms = [mention(d, "AGENCY", "莒南县交通运输综合行政执法大队大店执法所"), mention(d, "AGENCY", "大店执法所")]
    assert set(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == {"莒南县交通运输综合行政执法大队大店执法所"}


def test_a_short_form_with_its_place_joins_the_full_name_of_that_place():
    text = ("湘潭市交通运输执法支队开展行动。湘潭市交通运输综合行政执法支队与湘潭市公安局交通警察支队联合检查。"
            "延边州交通运输局、延边朝鲜族自治州交通运输局。湘潭市交通运输局、湘潭市交通运输局执法局。")
    d = make_doc("a.txt", text, author="湘潭市交通运输执法支队")
    ms = [mention(d, "AGENCY", s) for s in ("湘潭市交通运输执法支队", "湘潭市交通运输综合行政执法支队", "湘潭市公安局交通警察支队",
                                             "延边州交通运输局", "延边朝鲜族自治州交通运输局", "湘潭市交通运输局",
                                             "湘潭市交通运输局执法局")]
    got = nodes(resolve([extraction(d, *ms)], default_lexicon()))
    assert got["湘潭市交通运输综合行政执法支队"] == {"湘潭市交通运输执法支队", "湘潭市交通运输综合行政执法支队"}
    assert got["延边朝鲜族自治州交通运输局"] == {"延边州交通运输局", "延边朝鲜族自治州交通运输局"}
    # another division's body, or a unit named under the short form's body, is another body
    assert {"湘潭市公安局交通警察支队", "湘潭市交通运输局", "湘潭市交通运输局执法局"} <= set(got)
    d = make_doc("b.txt", "长沙市交通运输执法支队通报。湘潭市交通运输综合行政执法支队通报。")
    ms = [mention(d, "AGENCY", s) for s in ("长沙市交通运输执法支队", "湘潭市交通运输综合行政执法支队")]
    assert len(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == 2


def test_a_committee_short_form_in_wei_joins_its_full_name_in_weiyuanhui():
    text = "团市委、共青团攀枝花市委员会联合开展。市委部署。市发展改革委会同马鞍山市发展和改革委员会。"
    d = make_doc("a.txt", text)
    ms = [mention(d, "AGENCY", s) for s in ("团市委", "共青团攀枝花市委员会", "市委", "市发展改革委", "马鞍山市发展和改革委员会")]
    got = nodes(resolve([extraction(d, *ms)], default_lexicon()))
    assert got == {"共青团攀枝花市委员会": {"团市委", "共青团攀枝花市委员会"}, "市委": {"市委"},
                   "马鞍山市发展和改革委员会": {"市发展改革委", "马鞍山市发展和改革委员会"}}


def test_an_organ_named_in_full_only_inside_a_title_keeps_the_name_the_text_gives_it():
    text = "局党组修订了《天水市交通运输局党组议事规则》。局党组与驻局纪检监察组建立会商机制。"
    d = make_doc("a.txt", text, author="天水市交通运输局机关党委")
    ms = [mention(d, "AGENCY", "局党组"), mention(d, "AGENCY", "天水市交通运输局党组"),
          mention(d, "REGULATION", "天水市交通运输局党组议事规则")]
    got = nodes(resolve([extraction(d, *ms)], default_lexicon()))
    assert got == {"局党组": {"局党组", "天水市交通运输局党组"}}
    # a level name in a title still completes the text's short form
    d = make_doc("b.txt", "转发《江苏省交通运输厅关于开展专项行动的通知》。省交通运输厅要求各地落实。")
    ms = [mention(d, "AGENCY", "江苏省交通运输厅"), mention(d, "AGENCY", "省交通运输厅"),
          mention(d, "REGULATION", "江苏省交通运输厅关于开展专项行动的通知")]
    assert set(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == {"江苏省交通运输厅"}


def test_a_masked_or_placed_name_is_no_short_form():
    d = make_doc("a.txt", "X市、XX市交通运输局作交流发言。")
    ms = [mention(d, "AGENCY", "X市", name="X市交通运输局"), mention(d, "AGENCY", "XX市交通运输局")]
    assert len(nodes(resolve([extraction(d, *ms)], default_lexicon()))) == 2


def test_a_level_only_name_links_with_the_full_name_of_its_division():
    a = make_doc("a.txt", "省交通运输厅部署安全生产工作。", jurisdiction=ZHUZHOU)
    b = make_doc("b.txt", "湖南省交通运输厅督导检查。", jurisdiction=HENGYANG)
    c = make_doc("c.txt", "省交通运输厅部署安全生产工作。", jurisdiction=SHIYAN)
    res = resolve([extraction(a, mention(a, "AGENCY", "省交通运输厅")),
                   extraction(b, mention(b, "AGENCY", "湖南省交通运输厅")),
                   extraction(c, mention(c, "AGENCY", "省交通运输厅"))])
    docs = sorted(sorted(e.docs) for e in res.entities.values())
    assert docs == [["a.txt", "b.txt"], ["c.txt"]]
    assert entity_link("AGENCY", "省交通运输厅", "a.txt", ZHUZHOU) == ("湖南省交通运输厅", "adcode:430000")
    assert entity_link("AGENCY", "英德市交通运输局", "a.txt", None) == ("英德市交通运输局", "adcode:441881")


def test_banner_and_league_names_are_level_only_names():
    banner = Jurisdiction(level="county", name="达拉特旗", code="150621", province="内蒙古自治区", city="鄂尔多斯市",
                          county="达拉特旗")
    assert entity_link("AGENCY", "旗市场监督管理局", "a.txt", banner) == ("达拉特旗市场监督管理局", "adcode:150621")
    assert entity_link("AGENCY", "盟交通运输局", "a.txt", banner) == ("鄂尔多斯市交通运输局", "adcode:150600")


def test_an_office_named_by_the_departments_organ_word_belongs_to_the_province():
    a = make_doc("a.txt", "厅法规处参加会议。", jurisdiction=ZHUZHOU)
    b = make_doc("b.txt", "厅法规处作说明。", jurisdiction=HENGYANG)
    res = resolve([extraction(a, mention(a, "AGENCY", "厅法规处")), extraction(b, mention(b, "AGENCY", "厅法规处"))])
    assert [sorted(e.docs) for e in res.entities.values()] == [["a.txt", "b.txt"]]
    assert entity_link("AGENCY", "厅法规处", "a.txt", ZHUZHOU) == ("湖南省厅法规处", "adcode:430000")
    assert entity_link("AGENCY", "厅法规处", "a.txt", None)[1] == "doc:a.txt"


def test_bare_names_without_an_author_stay_in_their_document():
    assert is_bare_body("支队") and is_bare_body("局党组") and is_bare_body("中心党支部")
    assert not is_bare_body("市委") and not is_bare_body("执法支队")
    a = make_doc("a.txt", "支队开展“护航行动”。", author="支队", jurisdiction=SHIYAN)
    b = make_doc("b.txt", "支队开展“护航行动”。", author=None, jurisdiction=SHIYAN)
    res = resolve([extraction(a, mention(a, "AGENCY", "支队")), extraction(b, mention(b, "AGENCY", "支队"))])
    assert sorted(e.scope for e in res.entities.values()) == ["doc:a.txt", "doc:b.txt"]
    # with an author named in full, a bare organ belongs to the jurisdiction's body
    assert entity_link("AGENCY", "局党组", "a.txt", SHIYAN, "十堰市交通运输局") == ("局党组", "adcode:420300")


def test_a_level_only_organisation_is_bound_to_its_division():
    assert entity_link("ORGANIZATION", "县道路运输协会", "a.txt", YINGDE) == ("英德市道路运输协会", "adcode:441881")
    assert entity_link("ORGANIZATION", "滴滴公司", "a.txt", YINGDE) == ("滴滴公司", "global")


def test_an_author_written_as_a_short_form_joins_the_name_the_rules_gave_it():
    d = make_doc("a.txt", "省厅部署安全生产工作。我厅扎实推进。", author="省厅", jurisdiction=SHIYAN)
    short = mention(d, "AGENCY", "省厅", name="省交通运输厅")
    self_ref = mention(d, "AGENCY", "我厅", name="省厅", self_ref=True)
    res = resolve([extraction(d, short, self_ref)])
    assert nodes(res) == {"省交通运输厅": {"省厅", "我厅"}}


def test_a_party_organ_with_and_without_the_party_before_it_is_one_body():
    d = make_doc("a.txt", "中共英德市交通运输局党组工作总结。修订《英德市交通运输局党组工作规则》。",
                 author="中共英德市交通运输局党组", jurisdiction=YINGDE)
    ms = [mention(d, "AGENCY", s) for s in ("中共英德市交通运输局党组", "英德市交通运输局党组")]
    assert nodes(resolve([extraction(d, *ms)], default_lexicon())) == {
        "中共英德市交通运输局党组": {"中共英德市交通运输局党组", "英德市交通运输局党组"}}


def test_a_company_short_form_joins_its_registered_name_in_the_document():
    text = ("市交通运输局与山东XX集团签署协议。山东XX集团有限公司出席。东方XX公司参加，东方XX有限责任公司致辞。"
            "XX港口（集团）有限责任公司和XX港口集团交流。南方XX集团发言。")
    d = make_doc("a.txt", text, jurisdiction=YINGDE)
    ms = [mention(d, "ORGANIZATION", s) for s in ("山东XX集团", "山东XX集团有限公司", "东方XX公司", "东方XX有限责任公司",
                                                  "XX港口（集团）有限责任公司", "XX港口集团", "南方XX集团")]
    got = nodes(resolve([extraction(d, *ms)], default_lexicon()), "ORGANIZATION")
    assert got == {"山东XX集团有限公司": {"山东XX集团", "山东XX集团有限公司"},
                   "东方XX有限责任公司": {"东方XX公司", "东方XX有限责任公司"},
                   "XX港口(集团)有限责任公司": {"XX港口（集团）有限责任公司", "XX港口集团"},
                   "南方XX集团": {"南方XX集团"}}
