"""The issuers of a joint document side by side, parted by spaces, in its title or its signature block."""

from __future__ import annotations

from pathlib import Path

from kg.extract.relations import extract_relations

from test_relations import make_doc, mentions_of

A, O = "AGENCY", "ORGANIZATION"


def coop(tmp_path: Path, text: str, spec: dict[str, str]) -> set[tuple[str, str]]:
    sdoc = make_doc(tmp_path, text, None)
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    return {(r.head.name, r.tail.name) for r in res.relations if r.rel == "COOPERATES_WITH"}


def test_the_first_issuer_in_a_joint_title_cooperates_with_the_others(tmp_path):
    text = ("甲县交通运输局 甲县教育局 甲县公安局关于做好学生暑期出行安全工作的通知\n各乡镇：\n"
            "现将有关事项通知如下。一、各校要加强宣传教育。\n")
    spec = {"甲县交通运输局": A, "甲县教育局": A, "甲县公安局": A}
    assert coop(tmp_path, text, spec) == {("甲县交通运输局", "甲县教育局"), ("甲县交通运输局", "甲县公安局")}


def test_the_first_body_of_a_two_body_signature_cooperates_with_the_second(tmp_path):
    text = ("关于下达农村公路养护补助资金的通知\n各县区：\n现将补助资金下达给你们，请按规定使用。\n\n"
            "乙市财政局\u3000\u3000乙市交通运输局\n2024年5月XX日\n")
    spec = {"乙市财政局": A, "乙市交通运输局": A}
    assert coop(tmp_path, text, spec) == {("乙市财政局", "乙市交通运输局")}


def test_bodies_in_a_list_or_a_line_that_goes_on_are_no_issuers(tmp_path):
    # a 、 list on a title opens a clause (read by the clause rules); a body line that goes on is a sentence
    text = ("关于下达资金的通知\n丙市财政局 丙市交通运输局负责资金监管。\n现将资金下达。\n\n"
            "丙市交通运输局\n2024年5月XX日\n")
    assert coop(tmp_path, text, {"丙市财政局": A, "丙市交通运输局": A}) == set()
    # a company cannot lead a cooperation
    text = "丁公交有限公司 丁县交通运输局关于调整公交线路的公告\n自6月1日起调整线路。\n"
    assert coop(tmp_path, text, {"丁公交有限公司": O, "丁县交通运输局": A}) == set()


def test_a_section_of_the_issuer_beside_it_is_no_co_issuer(tmp_path):
    # review 18 (6): a body's own section on its masthead line
    text = "英德市交通运输局 政策法规股\n关于开展2024年普法工作的通知\n各股室：\n现将有关事项通知如下。\n"
    assert coop(tmp_path, text, {"英德市交通运输局": A, "政策法规股": A}) == set()
    text = "戊市交通运输局 戊市交通运输局综合执法支队关于开展检查的通知\n各县区：\n现将有关事项通知如下。\n"
    assert coop(tmp_path, text, {"戊市交通运输局": A, "戊市交通运输局综合执法支队": A}) == set()
