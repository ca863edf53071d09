"""A catalogue of the ways the genre states that a body carried out a campaign (CONDUCTS), one made-up sentence each."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.relations import extract_relations
from test_relations import make_doc, mentions_of

AUTHOR = "某市交通运输局"
TITLE = f"{AUTHOR}2023年工作总结\n"
A, C, O = "AGENCY", "CAMPAIGN", "ORGANIZATION"
SPEC = {AUTHOR: A, "市公路中心": A, "市公安局": A, "县交通运输局": A, "省交通运输厅": A, "支队": A,
        "市运输协会": O, "“平安交通”专项行动": C, "“清风”行动": C}
X, Y = "平安交通专项行动", "清风行动"
HUB, POL, CTY = "市公路中心", "市公安局", "县交通运输局"


def conducts(tmp_path: Path, body: str) -> set[tuple[str, str]]:
    """(head, tail) of every CONDUCTS found in ``TITLE + body``."""
    text = TITLE + body + "\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {k: v for k, v in SPEC.items() if k in text}))
    return {(r.head.name, r.tail.name) for r in res.relations if r.rel == "CONDUCTS"}


VERBS = ["开展", "组织开展", "部署开展", "深入开展", "持续开展", "扎实开展", "启动", "推进", "实施", "推行", "牵头",
         "组织实施", "承办", "参与", "全力推进", "大力实施", "集中开展", "认真组织", "积极参与", "积极参加", "广泛开展",
         "常态化开展", "深化", "落实", "举办", "开展了", "全面启动", "启动实施", "统筹推进", "稳步推进"]


@pytest.mark.parametrize("verb", VERBS)
def test_a_body_before_a_verb_of_carrying_out(tmp_path, verb):
    assert conducts(tmp_path, f"市公路中心{verb}“平安交通”专项行动。") == {(HUB, X)}


FRAMES = [
    "市公路中心在全市范围内开展“平安交通”专项行动。",
    "市公路中心于3月至6月开展“平安交通”专项行动。",
    "市公路中心以“平安交通”专项行动为抓手，整治隐患。",
    "市公路中心以“平安交通”专项行动为载体，做好服务。",
    "市公路中心以“平安交通”专项行动为契机，组织学习。",
    "市公路中心坚持以“平安交通”专项行动为主线，扎实推进各项工作。",
    "市公路中心坚持稳中求进，以“平安交通”专项行动高质量发展为主线，统筹抓好治超。",
    "市公路中心以“平安交通”专项行动提质增效为主线，统筹抓好治超。",  # any short work noun phrase before 为
    "市公路中心以“平安交通”专项行动提档升级为抓手，统筹抓好治超。",
    "今年以来，市公路中心紧扣“平安交通”专项行动工作主线，统筹抓好治超。",
    "“平安交通”专项行动由市公路中心组织实施。",
    "市公路中心组织的“平安交通”专项行动取得实效。",
    "市公路中心承建的“平安交通”专项行动完成改造12公里。",  # the contractor of a works programme
    "市公路中心召开“平安交通”专项行动推进会。",
    "市公路中心召开“平安交通”专项行动动员部署会。",
    "“平安交通”专项行动期间，市公路中心排查隐患10处。",
    "在“平安交通”专项行动中，市公路中心排查隐患10处。",
    "市公路中心在“平安交通”专项行动中排查隐患10处。",
    "针对超限运输问题，市公路中心开展“平安交通”专项行动。",
    "市公路中心把“平安交通”专项行动作为重点工作。",
    "市公路中心加强路面巡查，开展“平安交通”专项行动。",
    "市公路中心通过开展“平安交通”专项行动，排查隐患。",
    "市公路中心结合“平安交通”专项行动，排查隐患。",
    "市公路中心决定自2026年4月至9月在全县范围内开展“平安交通”专项行动。",
    "按照省交通运输厅部署，市公路中心开展“平安交通”专项行动。",  # the deployer does not (issue 10)
    "市公路中心要求各地开展“平安交通”专项行动。",
]


@pytest.mark.parametrize("body", FRAMES)
def test_a_frame_of_carrying_out_gives_the_subject(tmp_path, body):
    assert conducts(tmp_path, body) == {(HUB, X)}


AUTHOR_CASES = [
    "我局开展“平安交通”专项行动。",
    "本局开展“平安交通”专项行动。",
    "我们开展“平安交通”专项行动。",
    "一、安全生产\n开展“平安交通”专项行动。",
    "市公路中心加强路面巡查。同时开展“平安交通”专项行动。",  # the subject stops at a full stop
    "经局党组研究，决定在全县交通运输系统开展“平安交通”专项行动。",
    "（二）“平安交通”专项行动稳步推进。\n全年排查隐患10处。",
]


@pytest.mark.parametrize("body", AUTHOR_CASES)
def test_the_author_carries_out_what_it_states_without_another_subject(tmp_path, body):
    assert conducts(tmp_path, body) == {(AUTHOR, X)}


def test_several_bodies_and_several_campaigns(tmp_path):
    assert conducts(tmp_path, "市公路中心、市公安局和县交通运输局开展“平安交通”专项行动。") == {(HUB, X), (POL, X), (CTY, X)}
    assert conducts(tmp_path, "市公路中心会同市公安局开展“平安交通”专项行动。") == {(HUB, X), (POL, X)}
    assert conducts(tmp_path, "市公路中心联合市运输协会开展“平安交通”专项行动。") == {(HUB, X), ("市运输协会", X)}
    # a short alias in brackets after the last partner (联合市农业农村局（渔政）开展)
    assert conducts(tmp_path, "市公路中心联合市公安局（交警）开展“平安交通”专项行动。") == {(HUB, X), (POL, X)}
    assert conducts(tmp_path, "市公路中心与市公安局（交警）共同开展“平安交通”专项行动。") == {(HUB, X), (POL, X)}
    for body in ("市公路中心开展“平安交通”专项行动和“清风”行动。", "市公路中心启动“平安交通”专项行动暨“清风”行动。",
                 "市公路中心先后开展“平安交通”专项行动、“清风”行动。",
                 "市公路中心深入推进“平安交通”专项行动，持续开展“清风”行动。"):
        assert conducts(tmp_path, body) == {(HUB, X), (HUB, Y)}


def test_the_partners_of_the_subject_carry_out_its_first_deed(tmp_path):
    # 会同/联合 B、C 等单位 (their kind), a clause break, a place, 部署: B and C carry X out with the subject
    for body in ("市公路中心联合市公安局、县交通运输局等成员单位开展“平安交通”专项行动。",
                 "市公路中心会同市公安局部署开展“平安交通”专项行动。",
                 "市公路中心联合市公安局等相关单位，在全市开展“平安交通”专项行动。"):
        got = conducts(tmp_path, body)
        assert (HUB, X) in got and (POL, X) in got, body
    # a deed of their own first (制定…, 建立…机制), or a lever (围绕 X): the subject alone
    for body in ("市公路中心会同市公安局制定考核办法，开展“平安交通”专项行动。",
                 "市公路中心联合市公安局，围绕“平安交通”专项行动加强巡查。"):
        assert (POL, X) not in conducts(tmp_path, body), body


def test_the_partners_share_a_deed_on_a_fronted_object(tmp_path):
    # 对 + the object fronted before the deed, where a place (在…) stands as well
    for body in ("市公路中心会同市公安局对重点路段开展“平安交通”专项行动。",
                 "市公路中心联合市公安局等单位，对重点路段开展“平安交通”专项行动。",
                 "会同市公安局，对重点路段开展“平安交通”专项行动。"):
        got = conducts(tmp_path, body)
        assert (POL, X) in got and (CTY, X) not in got, body


def test_partners_closing_a_clause_share_the_next_deed_with_the_same_adverbs(tmp_path):
    # no subject before 会同 (the author's): the partners closing the clause carry out the next clause's deed,
    # after the same adverbs and verbs of arranging as after a subject's partners (一起, 部署开展)
    for body in ("会同市公安局，部署开展“平安交通”专项行动。", "会同市公安局，一起开展“平安交通”专项行动。"):
        assert conducts(tmp_path, body) == {(AUTHOR, X), (POL, X)}, body


def test_a_body_made_to_carry_it_out_is_the_one_that_does(tmp_path):
    for verb in ("督促", "指导", "组织"):
        assert conducts(tmp_path, f"市公路中心{verb}县交通运输局开展“平安交通”专项行动。") == {(CTY, X)}


# 围绕 X 目标: the goal is the object (tried as CONDUCTS: pooled dev…dev8 +2 TP, +4 FP on 交通强X建设 goals)
NEGATIVES = ["学习“平安交通”专项行动精神。", "市公路中心紧紧围绕“平安交通”专项行动目标，全力抓好安全监管。", "市公路中心宣传“平安交通”专项行动。",
             "市公路中心按照“平安交通”专项行动要求，排查隐患。", "“平安交通”专项行动取得明显成效。"]


@pytest.mark.parametrize("body", NEGATIVES)
def test_no_carrying_out(tmp_path, body):
    assert conducts(tmp_path, body) == set()


# a heading names a task and no one doing it; the bodies opening its body carry it out (issue 10, round 28)
HEADING_TASKS = [
    ("一、重点任务\n（一）开展“平安交通”专项行动。市公路中心会同市公安局对重点路段实行驻点监管。\n",
     {(AUTHOR, X), (HUB, X)}),
    ("一、重点任务\n（一）开展“平安交通”专项行动。市公路中心、县交通运输局要加强路面巡查。\n",
     {(AUTHOR, X), (HUB, X), (CTY, X)}),
    # the heading's own body, the body's bodies doing other work, a generic subject: the author alone
    ("一、重点任务\n（一）市公路中心开展“平安交通”专项行动。县交通运输局加强路面巡查。\n", {(HUB, X)}),
    ("一、重点任务\n（一）开展“平安交通”专项行动。县交通运输局要深入开展“清风”行动。\n",
     {(AUTHOR, X), (CTY, Y)}),
    ("一、重点任务\n（一）开展“平安交通”专项行动。各县区要加强路面巡查。\n", {(AUTHOR, X)}),
]


@pytest.mark.parametrize("body,expected", HEADING_TASKS)
def test_the_bodies_opening_a_task_heading_body_carry_the_task_out(tmp_path, body, expected):
    assert conducts(tmp_path, body) == expected


@pytest.mark.parametrize("body", [
    "市公路中心2名职工在“平安交通”专项行动中获个人三等奖。",
    "在“平安交通”专项行动中，市公路中心代表队荣获团体第二名。",
])
def test_a_prize_won_in_a_contest_is_no_carrying_out(tmp_path, body):
    assert conducts(tmp_path, body) == set()


def test_a_result_reached_during_a_campaign_is_still_carrying_out(tmp_path):
    assert conducts(tmp_path, "市公路中心在“平安交通”专项行动中取得明显成效。") == {(HUB, X)}
    # a seizure (查获) is no prize, and a head count no ranking
    assert conducts(tmp_path, "市公路中心在“平安交通”专项行动中查获违法人员5名。") == {(HUB, X)}


PARTY = "局党组"


@pytest.mark.parametrize("body", [
    "局党组严格落实“第一议题”制度，召开会议12次。深入开展“平安交通”专项行动，组织学习8次。",
    "局党组严格落实“第一议题”制度。同时，以“平安交通”专项行动为载体，组织岗位练兵。",
])
def test_a_party_organ_opening_its_paragraph_goes_on_with_its_work(tmp_path, body):
    SPEC[PARTY] = A
    try:
        assert conducts(tmp_path, body) == {(PARTY, X), (AUTHOR, X)}
    finally:
        del SPEC[PARTY]


@pytest.mark.parametrize("body", [
    "市公路中心严格落实养护制度，召开会议12次。深入开展“平安交通”专项行动，组织学习8次。",  # not a party organ
    "局党组严格落实“第一议题”制度。\n深入开展“平安交通”专项行动，组织学习8次。",  # another paragraph
    "局党组严格落实“第一议题”制度。全年排查隐患10处，开展“平安交通”专项行动。",  # not its work first
])
def test_the_author_keeps_what_a_paragraph_states_without_a_subject(tmp_path, body):
    SPEC[PARTY] = A
    try:
        assert conducts(tmp_path, body) == {(AUTHOR, X)}
    finally:
        del SPEC[PARTY]


@pytest.mark.parametrize("heading", ["“平安交通”专项行动", "“平安交通”专项行动开展情况", "“平安交通”专项行动全面落实",
                                     "助力“平安交通”专项行动", "“平安交通”专项行动提质扩面",
                                     "“平安交通”专项行动走深走实", "“平安交通”专项行动纵深推进",  # a progress idiom
                                     "“平安交通”专项行动持续深化。", "“平安交通”专项行动取得进展",  # progress reported
                                     "“平安交通”专项行动成效明显。", "“平安交通”专项行动取得新成效"])
def test_a_heading_naming_a_campaign_as_its_work_is_the_authors(tmp_path, heading):
    body = f"一、总体情况\n全年完成投资5亿元。\n二、{heading}\n全年排查隐患10处，整改率100%。"
    assert conducts(tmp_path, body) == {(AUTHOR, X)}


@pytest.mark.parametrize("heading", ["以“平安交通”专项行动成果推动安全发展",  # a frame of other work
                                     "“平安交通”专项行动成果巩固",  # another head noun
                                     "市公路中心“平安交通”专项行动",  # a body of its own
                                     "配合“平安交通”专项行动", "督导“平安交通”专项行动",  # assisting, supervising
                                     "下一步“平安交通”专项行动"])  # a plan
def test_a_heading_naming_a_campaign_otherwise_is_no_ones(tmp_path, heading):
    body = f"一、总体情况\n全年完成投资5亿元。\n二、{heading}\n全年排查隐患10处，整改率100%。"
    assert (AUTHOR, X) not in conducts(tmp_path, body)


def test_a_heading_whose_body_opens_with_a_body_is_not_the_authors(tmp_path):
    body = "一、总体情况\n全年完成投资5亿元。\n二、“平安交通”专项行动\n市公路中心牵头，排查隐患10处。"
    assert (AUTHOR, X) not in conducts(tmp_path, body)


PLAN = "甲市客运服务品质提升三年行动"


@pytest.mark.parametrize("title, expected", [
    # the plan's name holds its campaign, tagged only in the body; a period in brackets may close it
    (f"{AUTHOR}关于印发《{PLAN}实施方案（2024—2026年）》的通知\n", {(AUTHOR, PLAN)}),
    (f"{AUTHOR}关于印发《{PLAN}工作方案》的通知\n", {(AUTHOR, PLAN)}),
    # a plan for drafting the campaign's plan is no plan of the campaign
    (f"{AUTHOR}关于印发《{PLAN}实施方案编制工作要点》的通知\n", set()),
    # any short note in brackets may close the plan's name
    (f"{AUTHOR}关于印发《{PLAN}实施方案（征求意见稿）》的通知\n", {(AUTHOR, PLAN)}),
    (f"{AUTHOR}关于印发《{PLAN}工作方案（2025年版）》的通知\n", {(AUTHOR, PLAN)}),
    # a title on the plan that does not issue it (a reading of it)
    (f"{AUTHOR}关于《{PLAN}实施方案》的政策解读\n", set()),
    # the gold credits the body forwarding a plan too (dev20, dev21)
    (f"{AUTHOR}关于转发《{PLAN}实施方案》的通知\n", {(AUTHOR, PLAN)}),
])
def test_the_body_issuing_a_campaigns_plan_in_its_title_carries_the_campaign_out(tmp_path, title, expected):
    reg = title[title.index("《") + 1:title.index("》")]
    body = f"各县交通运输局：\n现将《{reg}》印发给你们。\n{PLAN}的目标是提升服务品质。\n{AUTHOR}\n"
    sdoc = make_doc(tmp_path, title + body, AUTHOR)
    spec = {AUTHOR: A, reg: "REGULATION", PLAN: C}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert {(r.head.name, r.tail.name) for r in res.relations if r.rel == "CONDUCTS"} == expected


def test_a_campaign_named_inside_a_plans_name_is_not_the_plans(tmp_path):
    """三年行动 is tagged in the body, but it does not open the name of 《甲市客运服务品质提升三年行动实施方案》."""
    reg = f"{PLAN}实施方案"
    title = f"{AUTHOR}关于印发《{reg}》的通知\n"
    body = f"各县交通运输局：\n现将《{reg}》印发给你们。\n三年行动的目标是提升服务品质。\n{AUTHOR}\n"
    sdoc = make_doc(tmp_path, title + body, AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: A, reg: "REGULATION", "三年行动": C}))
    assert not [r for r in res.relations if r.rel == "CONDUCTS"]


@pytest.mark.parametrize("reg, camp, expected", [
    # review 16 (1.3): the campaign opens the plan's name after the issuing body's name or a township
    ("省交通运输厅平安工地建设实施方案", "平安工地建设", True),
    ("甲镇农村公路提升行动方案", "农村公路提升行动", True),
    # 市 inside 城市公交 ends no place: 公交优先发展行动 opens nothing
    ("城市公交优先发展行动方案", "公交优先发展行动", False),
])
def test_a_campaign_opens_a_plans_name_after_a_body_or_a_place(tmp_path, reg, camp, expected):
    title = f"{AUTHOR}关于印发《{reg}》的通知\n"
    body = f"各县交通运输局：\n现将《{reg}》印发给你们。\n{camp}的目标是提升服务品质。\n{AUTHOR}\n"
    sdoc = make_doc(tmp_path, title + body, AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: A, reg: "REGULATION", camp: C}))
    got = {(r.head.name, r.tail.name) for r in res.relations if r.rel == "CONDUCTS"}
    assert got == ({(AUTHOR, camp)} if expected else set())
