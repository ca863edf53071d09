"""Duty lines of work plans: the lead bodies (牵头单位) carry out the campaigns of their task."""

from __future__ import annotations

from kg.extract.duties import duty_lines
from test_relations import make_doc, mentions_of
from test_relations_clauses import relations

AUTHOR = "某县交通运输局"
TITLE = f"{AUTHOR}2025年工作要点\n"
A, C, O = "AGENCY", "CAMPAIGN", "ORGANIZATION"


def test_the_lead_body_of_a_task_carries_out_its_campaign_and_the_partner_does_not(tmp_path):
    body = ("一、安全生产\n"
            "1.深入开展“平安交通”创建活动。全年开展专项检查不少于20次。\n"
            "牵头单位：局安全股；配合单位：县运输中心、县执法大队。\n"
            "2.推进“四好农村路”建设。新改建农村公路50公里。\n"
            "牵头单位：县公路中心；配合单位：局规划股。\n")
    spec = {AUTHOR: A, "局安全股": A, "县运输中心": A, "县执法大队": A, "县公路中心": A, "局规划股": A,
            "“平安交通”创建活动": C, "“四好农村路”建设": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert ("局安全股", "平安交通创建活动") in conducts
    assert ("县公路中心", "四好农村路建设") in conducts
    assert ("局安全股", "四好农村路建设") not in conducts  # the next task is not the first line's
    assert ("县公路中心", "平安交通创建活动") not in conducts
    assert not any(h in ("县运输中心", "县执法大队", "局规划股") for h, _ in conducts)


def test_a_bracketed_responsibility_at_the_end_of_a_task_names_its_lead_first(tmp_path):
    body = "深入开展“清风行动”专项整治，严厉打击非法营运。（责任单位：县执法大队、县运输中心、县公交公司）\n"
    spec = {AUTHOR: A, "县执法大队": A, "县运输中心": A, "县公交公司": O, "“清风行动”专项整治": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    assert ("CONDUCTS", "县执法大队", "清风行动专项整治") in got
    # the bodies after the first share the task: the lead is listed first
    assert ("CONDUCTS", "县运输中心", "清风行动专项整治") not in got
    assert ("CONDUCTS", "县公交公司", "清风行动专项整治") not in got


def test_responsible_bodies_after_the_lead_list_share_the_task_but_do_not_lead_it(tmp_path):
    body = ("1.深入开展“清风行动”专项整治，严厉打击非法营运。（牵头单位：局运输股；责任单位：县执法大队、县运输中心）\n"
            "2.推进“畅通工程”建设。（责任单位：县公路中心）\n")
    spec = {AUTHOR: A, "局运输股": A, "县执法大队": A, "县运输中心": A, "县公路中心": A,
            "“清风行动”专项整治": C, "“畅通工程”建设": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert ("局运输股", "清风行动专项整治") in conducts
    assert not any(h in ("县执法大队", "县运输中心") for h, _ in conducts)
    assert ("县公路中心", "畅通工程建设") in conducts  # a 责任单位 list alone names the leads
    assert not any(r == "COOPERATES_WITH" and t in ("县执法大队", "县运输中心") for r, _, t in got)


def test_an_office_answering_for_a_task_does_not_carry_out_its_campaign(tmp_path):
    body = ("1.深入开展“清风行动”专项整治，严厉打击非法营运。\n责任单位：安全股、稽查股\n"
            "2.推进“清廉运管”创建活动。\n责任单位：所党支部、办公室\n"
            "3.实施“畅通工程”建设。\n责任单位：县公路中心\n")
    spec = {AUTHOR: A, "安全股": A, "稽查股": A, "所党支部": A, "办公室": A, "县公路中心": A,
            "“清风行动”专项整治": C, "“清廉运管”创建活动": C, "“畅通工程”建设": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert not any(h in ("安全股", "稽查股", "所党支部", "办公室") for h, _ in conducts)
    assert ("县公路中心", "畅通工程建设") in conducts  # a body of its own still leads the task
    # a lead label still makes the office lead it
    got = relations(tmp_path, "1.深入开展“清风行动”专项整治。\n牵头单位：安全股\n", spec, title=TITLE, author=AUTHOR)
    assert ("CONDUCTS", "安全股", "清风行动专项整治") in got
    # a government's or a party committee's office is a body of its own, not an office inside the author
    spec = {AUTHOR: A, "县政府办公室": A, "“清风行动”专项整治": C}
    got = relations(tmp_path, "1.深入开展“清风行动”专项整治。\n责任单位：县政府办公室\n", spec, title=TITLE, author=AUTHOR)
    assert ("CONDUCTS", "县政府办公室", "清风行动专项整治") in got


def test_a_task_without_a_campaign_gives_its_lead_nothing(tmp_path):
    body = ("1.完善行业信用体系。建立信用评价制度。\n"
            "牵头单位：局运输股；配合单位：县运输中心。\n")
    got = relations(tmp_path, body, {AUTHOR: A, "局运输股": A, "县运输中心": A}, title=TITLE, author=AUTHOR)
    assert not any(r == "CONDUCTS" for r, _, _ in got)


def test_duty_lines_read_the_leads_up_to_the_partner_label(tmp_path):
    sdoc = make_doc(tmp_path, TITLE + "1.推进“放管服”改革。\n牵头单位：局法规股、局审批股；配合单位：县运输中心。\n",
                    AUTHOR)
    lines = duty_lines(sdoc, mentions_of(sdoc, {"局法规股": A, "局审批股": A, "县运输中心": A}))
    assert [[m.name for m in line.leads] for line in lines] == [["局法规股", "局审批股"]]
    assert "放管服" in sdoc.source.norm[lines[0].start:lines[0].end]


def test_a_plan_title_gives_its_campaign_to_the_body_it_names(tmp_path):
    title = "某市交通运输局2025年“平安交通”专项整治行动实施方案\n"
    body = "为加强安全管理，制定本方案。\n一、工作目标\n全年排查隐患200处。\n某市交通运输局\n2025年3月1日\n"
    got = relations(tmp_path, body, {"某市交通运输局": A, "“平安交通”专项整治行动": C}, title=title,
                    author="某市交通运输局")
    assert ("CONDUCTS", "某市交通运输局", "平安交通专项整治行动") in got


def test_a_plan_title_without_a_body_gives_its_campaign_to_the_signing_author(tmp_path):
    title = "“护路护航”百日行动工作方案\n"
    body = "为加强路政管理，制定本方案。\n一、工作任务\n清理违法建筑30处。\n某县交通运输局\n2025年4月1日\n"
    got = relations(tmp_path, body, {"某县交通运输局": A, "“护路护航”百日行动": C}, title=title,
                    author="某县交通运输局")
    assert ("CONDUCTS", "某县交通运输局", "护路护航百日行动") in got


def test_a_report_title_on_a_campaigns_work_gives_it_to_the_signing_author(tmp_path):
    body = "今年以来，全县农村公路发展较快。\n某县交通运输局\n2025年7月1日\n"
    for title in ("某县“四好农村路”建设工作情况汇报\n", "某县2024年“四好农村路”建设暨农村公路路长制工作情况报告\n",
                  "关于“四好农村路”巩固提升工作情况的汇报\n"):
        got = relations(tmp_path, body, {"某县交通运输局": A, "“四好农村路”": C}, title=title,
                        author="某县交通运输局")
        assert ("CONDUCTS", "某县交通运输局", "四好农村路") in got, title
    # a report on something else the campaign only names gives nothing
    got = relations(tmp_path, body, {"某县交通运输局": A, "“四好农村路”": C},
                    title="某县“四好农村路”沿线群众满意度调查报告\n", author="某县交通运输局")
    assert not any(r == "CONDUCTS" for r, _, _ in got)


def test_a_title_that_only_mentions_a_campaign_before_other_words_gives_nothing(tmp_path):
    title = "某县交通运输局“护路护航”百日行动方案编制说明\n"
    body = "本说明介绍编制过程。\n某县交通运输局\n2025年4月1日\n"
    got = relations(tmp_path, body, {"某县交通运输局": A, "“护路护航”百日行动": C}, title=title,
                    author="某县交通运输局")
    assert not any(r == "CONDUCTS" for r, _, _ in got)


def test_the_partners_of_a_task_cooperate_with_its_lead_body(tmp_path):
    body = ("（一）整治重点车辆。全年查处违法案件不少于100宗。\n"
            "牵头单位：县执法大队\n"
            "配合单位：各县（市、区）交通运输局、县公安局\n\n"
            "（二）推进驾驶员培训。培训从业人员1000人次。\n"
            "牵头单位：县运输中心；协办单位：县总工会。\n")
    spec = {AUTHOR: A, "县执法大队": A, "县公安局": A, "县运输中心": A, "县总工会": O}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    coop = {(h, t) for r, h, t in got if r == "COOPERATES_WITH"}
    assert ("县执法大队", "县公安局") in coop  # past the bracket inside the first item of the list
    assert ("县运输中心", "县总工会") in coop  # a partner label after a semicolon
    assert ("县运输中心", "县公安局") not in coop and ("县执法大队", "县总工会") not in coop
    assert not any(h in ("县公安局", "县总工会") for h, _ in coop)  # the partners lead nothing


def test_a_campaign_the_task_is_set_in_is_not_carried_out_by_its_lead(tmp_path):
    body = ("（一）强化从业人员培训。结合“安全生产月”，开展“安全进企业”宣讲活动。\n"
            "牵头单位：局安全股\n")
    spec = {AUTHOR: A, "局安全股": A, "“安全生产月”": C, "“安全进企业”宣讲活动": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert ("局安全股", "安全进企业宣讲活动") in conducts
    assert ("局安全股", "安全生产月") not in conducts  # 结合 X: the task is set in X


def test_a_bracket_closing_a_task_names_its_lead_before_qiantou(tmp_path):
    body = ("1.深入开展“清风行动”专项整治。全年检查不少于20次。（局运输股牵头，县执法大队配合）\n"
            "2.推进“畅通工程”建设。新建公路10公里。（县公路中心、局规划股牵头）\n"
            "3.推进“绿色出行”创建。（由各乡镇牵头）\n")
    spec = {AUTHOR: A, "局运输股": A, "县执法大队": A, "县公路中心": A, "局规划股": A,
            "“清风行动”专项整治": C, "“畅通工程”建设": C, "“绿色出行”创建": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert ("局运输股", "清风行动专项整治") in conducts
    assert ("县公路中心", "畅通工程建设") in conducts and ("局规划股", "畅通工程建设") in conducts
    assert not any(h == "县执法大队" for h, _ in conducts)  # the helper only helps
    assert ("局运输股", "畅通工程建设") not in conducts  # the next task is not the first bracket's


def test_a_bracket_lead_may_open_with_you_and_must_close_in_its_paragraph(tmp_path):
    # review 18 (12): 由 before the lead is the commonest form; an open bracket does not run on to a later ）
    body = ("1.深入开展“清风行动”专项整治。（由市应急管理局牵头，县执法大队配合）\n"
            "2.推进“绿色出行”创建。（局运输股牵头，县执法大队配合\n"
            "3.推进“畅通工程”建设。\n牵头单位：县公路中心\n"
            "4.其他事项（见附件）\n")
    spec = {AUTHOR: A, "市应急管理局": A, "局运输股": A, "县执法大队": A, "县公路中心": A,
            "“清风行动”专项整治": C, "“畅通工程”建设": C, "“绿色出行”创建": C}
    got = relations(tmp_path, body, spec, title=TITLE, author=AUTHOR)
    conducts = {(h, t) for r, h, t in got if r == "CONDUCTS"}
    assert ("市应急管理局", "清风行动专项整治") in conducts
    assert ("县公路中心", "畅通工程建设") in conducts  # not hidden by the open bracket before it
    assert ("局运输股", "畅通工程建设") not in conducts
    sdoc = make_doc(tmp_path, TITLE + body, AUTHOR)
    lines = duty_lines(sdoc, mentions_of(sdoc, spec))
    assert [m.name for m in lines[0].leads] == ["市应急管理局"]  # 由 opens the lead list
