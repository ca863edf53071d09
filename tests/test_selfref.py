"""Self-references to the author: pronouns, bare units opening a clause, the author's organs."""

from __future__ import annotations

from kg.extract.relations import extract_relations
from kg.extract.selfref import find_self_references, organ_name

from helpers import make_doc, mention

BUREAU = "清远市交通运输局"
CENTRE = "英德市港航海事服务中心"


def refs(text: str, author: str | None) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.kind) for r in find_self_references(text, author)]


def test_pronouns_and_the_bureau_of_a_news_item():
    text = "该局会同市应急管理局开展演练。我局扎实推进工作，全局干部职工团结一心，统筹全局工作。"
    assert refs(text, BUREAU) == [("该局", "pronoun"), ("我局", "pronoun"), ("全局", "pronoun")]
    assert refs(text, None) == []


def test_a_bare_unit_opening_a_clause_before_a_verb_is_the_author():
    text = "2023年，中心组织开展水上巡航。按照部署，中心与海事部门建立机制。抓好中心工作，理论学习中心组学习。\n中心持续推进。"
    assert refs(text, CENTRE) == [("中心", "pronoun"), ("中心", "pronoun"), ("中心", "pronoun")]
    # the same words in a bureau's report are no self-reference
    assert refs(text, BUREAU) == []


def test_organs_are_bodies_of_their_own_and_leadership_is_the_author():
    text = "局党组先后6次专题研究。局领导班子带头落实。本局党委部署。"
    assert refs(text, BUREAU) == [("局党组", "organ"), ("局领导班子", "pronoun"), ("本局党委", "organ")]
    assert organ_name("本局党委") == "局党委" and organ_name("局党组") == "局党组"


def test_an_organ_reference_stays_its_own_subject():
    sdoc = make_doc("b.txt", "局党组深入开展“清风行动”。我局组织开展“护航行动”。", author=BUREAU)
    spec = [mention(sdoc, "CAMPAIGN", "“清风行动”"), mention(sdoc, "CAMPAIGN", "“护航行动”")]
    res = extract_relations(sdoc, spec)
    assert {(r.head.name, r.head.self_ref, r.tail.name) for r in res.relations} == {
        ("局党组", False, "清风行动"), (BUREAU, True, "护航行动")}


def test_a_body_speaking_a_line_is_the_referent_on_that_line():
    text = ("记者：今年有哪些重点？\nXXX：我们将抓好三件事。\n"
            "英德市道路运输服务中心负责人：我们持续深化改革，中心与协会建立机制。\n记者：执法方面呢？\n"
            "市交通运输综合行政执法支队负责人：支队将深入开展执法行动。\n")
    got = [(text[r.start:r.end], r.name) for r in find_self_references(text, BUREAU)]
    assert got == [("我们", None), ("我们", "英德市道路运输服务中心"), ("中心", "英德市道路运输服务中心"),
                   ("支队", "市交通运输综合行政执法支队")]
    # a speaker's line needs no author of the document
    assert [r.name for r in find_self_references(text, None)] == [
        "英德市道路运输服务中心", "英德市道路运输服务中心", "市交通运输综合行政执法支队"]


def test_a_bare_team_in_another_body_s_document_is_the_team_the_text_names():
    text = ("5月X日，清新区交通运输综合行政执法大队联合区公安局交通警察大队开展治超行动。"
            "今年以来，大队会同区公安局交通警察大队开展联合执法12次。")
    bodies = {"清新区交通运输综合行政执法大队": [text.index("清新区")],
              "区公安局交通警察大队": [text.index("区公安局"), text.rindex("区公安局")]}
    got = find_self_references(text, "清新区交通运输局", bodies)
    assert [(text[r.start:r.end], r.name) for r in got] == [("大队", "清新区交通运输综合行政执法大队")]
    # a team named only as a partner is not the one meant
    partner_only = {"区公安局交通警察大队": bodies["区公安局交通警察大队"]}
    assert find_self_references(text, "清新区交通运输局", partner_only) == []


def test_a_bare_team_after_a_time_word_or_before_its_own_work_verb_is_the_team_the_text_names():
    text = ("县交通运输综合行政执法大队开展治超行动。全年大队共出动执法人员420人次。"
            "局安全股牵头检查企业6家。大队出动执法人员38人次。")
    bodies = {"县交通运输综合行政执法大队": [0]}
    got = find_self_references(text, "平江县交通运输局", bodies)
    assert [(text[r.start:r.end], r.name) for r in got] == [("大队", "县交通运输综合行政执法大队")] * 2


def test_a_bare_team_before_a_preposition_of_means_is_the_subject():
    text = "市交通运输综合行政执法支队参加会议。针对非法营运问题，支队依托热线线索开展精准执法。"
    bodies = {"市交通运输综合行政执法支队": [0]}
    got = find_self_references(text, "清远市交通运输局", bodies)
    assert [(text[r.start:r.end], r.name) for r in got] == [("支队", "市交通运输综合行政执法支队")]


def test_a_section_refers_to_itself_as_wo_ke():
    assert refs("我科全年审核文件30件。", "清远市交通运输局法制科") == [("我科", "pronoun")]


def test_a_companys_own_organs_opening_a_clause_are_bodies_of_their_own():
    company = "常德市公共交通集团有限公司"
    text = "集团党委深入开展主题教育。集团工会组织开展技能竞赛。常德公交集团党委书记讲话。"
    assert refs(text, company) == [("集团党委", "organ"), ("集团工会", "organ")]
    assert refs(text, BUREAU) == []  # a bureau's report: no company organs of its own


def test_an_associations_party_branch_opening_a_clause_is_a_body_of_its_own():
    text = "全年召开理事会2次；协会党支部开展主题党日活动8次。"
    assert refs(text, "通辽市交通运输协会") == [("协会党支部", "organ")]
    assert refs(text, BUREAU) == []  # a bureau's report: no association organs of its own


def test_a_companys_union_is_an_organisation_and_its_party_committee_a_public_body():
    company = "常德市公共交通集团有限公司"
    sdoc = make_doc("c.txt", "集团党委深入开展“清风行动”。集团工会组织开展“最美司机”评选。", author=company)
    spec = [mention(sdoc, "CAMPAIGN", "“清风行动”"), mention(sdoc, "CAMPAIGN", "“最美司机”评选")]
    res = extract_relations(sdoc, spec)
    heads = {(r.head.label, r.head.name, r.tail.name) for r in res.relations}
    assert ("AGENCY", "集团党委", "清风行动") in heads
    assert ("ORGANIZATION", "集团工会", "最美司机评选") in heads


def named(text: str, author: str, *bodies: str) -> list[tuple[str, str | None]]:
    at = {b: [i for i in range(len(text)) if text.startswith(b, i)] for b in bodies}
    return [(text[r.start:r.end], r.name) for r in find_self_references(text, author, at) if r.kind == "pronoun"]


def test_gai_ju_names_the_last_bureau_that_was_a_subject_before_it():
    province = "某省交通运输厅"
    text = ("某省交通运输厅赴甲市督导检查。\n座谈会上，甲市交通运输局汇报了工作。据介绍，该局会同乙市公安局开展检查，"
            "该局还组织应急演练。\n该局将持续推进。")
    # the partner after 会同 is no subject: 该局 stays the bureau that reported, also in the next paragraph
    assert named(text, province, "甲市交通运输局", "乙市公安局") == [
        ("该局", "甲市交通运输局"), ("该局", "甲市交通运输局"), ("该局", "甲市交通运输局")]
    # without a bureau named before it, 该局 in a 厅's news item refers to nobody
    assert named("该局会同乙市公安局开展检查。", province, "乙市公安局") == []


def test_gai_ju_names_the_bureau_whose_report_was_heard():
    province = "某省交通运输厅"
    text = "检查组来到甲市。\n检查组听取了甲市交通运输局关于春运工作的汇报。春运以来，该局会同乙市公安局开展检查。"
    assert named(text, province, "甲市交通运输局", "乙市公安局") == [("该局", "甲市交通运输局")]
    # a bureau named as an object of another verb is no antecedent
    text = "检查组检查了甲市交通运输局的台账。该局会同乙市公安局开展检查。"
    assert named(text, province, "甲市交通运输局", "乙市公安局") == []


def test_gai_ju_is_the_author_when_no_bureau_was_named_as_a_subject_nearby():
    text = ("按照县委和丙市交通运输局的部署，该局开展排查。\n一、强化部署\n6月1日，该局召开部署会。"
            "丁县交通运输局组织开展宣传。")
    # a body after 和 (a modifier of 部署) is no subject; a heading line lies between the next one and any body
    assert named(text, BUREAU, "丙市交通运输局") == [("该局", None), ("该局", None)]
    # a body named as a subject three paragraphs before is out of reach
    far = "丁县交通运输局组织开展宣传。\n第二段。\n第三段。\n该局召开会议。"
    assert named(far, BUREAU, "丁县交通运输局") == [("该局", None)]


def test_a_bare_unit_of_another_head_is_the_body_its_paragraph_opened_with():
    text = ("会上，甲市公路发展中心通报了养护情况。上半年，中心完成养护里程20公里，中心还与乙公司建立机制。\n"
            "中心持续推进工作。")
    # the 中心 of the paragraph that named it as a subject; not the next paragraph's, nor the bureau's own
    assert named(text, BUREAU, "甲市公路发展中心") == [("中心", "甲市公路发展中心"), ("中心", "甲市公路发展中心")]
    # a 中心 named only after 与 (a partner) is no antecedent; the author's own unit word stays the author's
    assert named("我局与甲市公路发展中心座谈。中心完成养护。", BUREAU, "甲市公路发展中心") == [("我局", None)]
    assert named("甲市公路发展中心汇报。局持续推进。", BUREAU, "甲市公路发展中心") == [("局", None)]


def test_a_bare_unit_of_a_reporting_body_is_the_subject_of_its_work():
    text = "乙市交通运输局召开会议。\n甲市公路发展中心通报了工作。上半年，中心实施“畅安”示范路创建42公里。\n"
    sdoc = make_doc("c.txt", text, author="乙市交通运输局")
    spec = [mention(sdoc, "AGENCY", "乙市交通运输局"), mention(sdoc, "AGENCY", "甲市公路发展中心"),
            mention(sdoc, "CAMPAIGN", "“畅安”示范路创建")]
    res = extract_relations(sdoc, spec)
    got = {(r.head.name, r.tail.name) for r in res.relations if r.rel == "CONDUCTS"}
    assert got == {("甲市公路发展中心", "畅安示范路创建")}



def test_a_bare_unit_after_a_partner_verb_that_goes_on_with_a_verb_is_the_author():
    text = "市出租汽车协会配合中心开展评选活动。协会协助中心组织培训。市培训中心开展考核。配合中心工作。"
    assert refs(text, CENTRE) == [("中心", "pronoun"), ("中心", "pronoun")]


def test_a_bare_law_enforcement_team_is_the_team_the_text_names():
    # 执法队 is a team word like 大队: opening a clause it is the 执法队 the notice names, not the 局 that wrote it;
    # inside the full name it is no reference of its own
    text = ("由县交通运输综合行政执法队具体实施。"
            "（二）集中整治阶段。执法队要会同县公安局交警大队开展联合执法。")
    bodies = {"县交通运输综合行政执法队": [text.index("县交通")], "县公安局交警大队": [text.index("县公安局")]}
    got = find_self_references(text, "平遥县交通运输局", bodies)
    assert [(text[r.start:r.end], r.name) for r in got] == [("执法队", "县交通运输综合行政执法队")]


def test_ju_li_is_the_bureau_named_as_a_subject_in_its_paragraph_or_the_one_before():
    office = "甲市人民政府新闻办公室"
    text = ("春运期间，甲市交通运输局会同甲市公安局、甲市应急管理局开展专项行动。\n\n"
            "为提升出行体验，局里组织开展“温暖回家路”服务活动。")
    # a later member of a list after 会同 is no subject; a blank line between paragraphs is no paragraph
    assert named(text, office, "甲市交通运输局", "甲市公安局", "甲市应急管理局") == [("局里", "甲市交通运输局")]
    # the author's own unit word with 里 is the author
    assert refs("今年以来，局里组织开展宣传活动。", BUREAU) == [("局里", "pronoun")]



def test_an_author_named_only_by_self_references_is_still_found_where_its_name_is_written(tmp_path):
    from kg.extract import build_nlp, extract_document
    from kg.ingest import read_document
    from kg.structure import structure_document

    path = tmp_path / "s.txt"
    path.write_text("甲县治超检测站多措并举开展秋季治超\n\n"
                    "9月以来，站里先后联合甲县公安局交通警察大队开展夜间联合治超8次。\n\n"
                    "截至10月31日，共查处超限超载车辆164辆。\n",
                    encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    ex = extract_document(sdoc, build_nlp())
    named = {m.text for m in ex.mentions if m.label == "AGENCY" and m.name == sdoc.meta.author and not m.self_ref}
    # 站里 stands for the station; its name, written in the title, stays a mention of it
    assert sdoc.meta.author == "甲县治超检测站" and named


def test_a_bare_organisation_head_is_the_organisation_the_text_names_or_the_author():
    text = ("柳州市出租汽车协会联合企业开展宣传。在高考期间，协会组织会员企业开展“爱心送考”活动。"
            "局里支持集团开展“平安港口”创建。")
    orgs = {"柳州市出租汽车协会": [0]}
    got = find_self_references(text, BUREAU, {}, orgs)
    # 集团 names no organisation before it and the bureau's name has no 集团: no reference
    assert [(text[r.start:r.end], r.kind, r.name) for r in got] == [("协会", "org", "柳州市出租汽车协会")]
    got = find_self_references(text, "重庆万州港务集团有限公司", {}, orgs)
    assert ("集团", "org", "重庆万州港务集团有限公司") in [(text[r.start:r.end], r.kind, r.name) for r in got]
    # the subject of the sentence is the association, not the bureau that wrote the report
    sdoc = make_doc("o.txt", text, author=BUREAU)
    spec = [mention(sdoc, "ORGANIZATION", "柳州市出租汽车协会"), mention(sdoc, "CAMPAIGN", "“爱心送考”活动")]
    res = extract_relations(sdoc, spec)
    assert {(r.head.name, r.tail.name) for r in res.relations if r.rel == "CONDUCTS"} == {("柳州市出租汽车协会", "爱心送考活动")}


def test_a_company_calls_itself_by_its_bare_group_company_or_company_word():
    company = "甲市交通发展集团有限公司"
    text = "集团公司深入开展“平安春运”行动。全年公司共发送旅客96万人次。下一步，公司将推进客运站改造。其全资子公司完成投资3亿元。"
    got = [(text[r.start:r.end], r.kind, r.name) for r in find_self_references(text, company, {}, {})]
    assert ("集团公司", "org", company) in got and ("公司", "org", company) in got
    # a subsidiary (子公司) is not the company
    assert text.index("子公司") + 1 not in {r.start for r in find_self_references(text, company, {}, {})}
