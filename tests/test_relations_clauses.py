"""Relations across clauses: speakers, semicolons, pivot verbs, deployments, levers, joint verbs, attributes."""

from __future__ import annotations

from pathlib import Path

from kg.extract.clauses import split_clauses
from kg.extract.conducts import deployed
from kg.extract.relations import extract_relations
from test_relations import make_doc, mentions_of

AUTHOR = "某市交通运输局"
TITLE = f"{AUTHOR}2023年工作总结\n"


def relations(tmp_path: Path, body: str, spec: dict[str, str], author: str | None = AUTHOR,
              title: str = TITLE) -> set[tuple[str, str, str]]:
    """(relation, head, tail) found in ``title + body`` with a mention for every written form of ``spec``."""
    sdoc = make_doc(tmp_path, title + body + "\n", author)
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    return {(r.rel, r.head.name, r.tail.name) for r in res.relations}


A, C, R, O = "AGENCY", "CAMPAIGN", "REGULATION", "ORGANIZATION"


def test_a_speaker_acts_for_the_whole_paragraph_and_is_we(tmp_path):
    body = ("市运输服务中心负责人：我们持续深化“放管服”改革。去年，中心与市道路运输协会建立联络机制。\n"
            "下一步，深入推进“一件事一次办”改革。")
    got = relations(tmp_path, body, {AUTHOR: A, "市运输服务中心": A, "市道路运输协会": O,
                                     "“放管服”改革": C, "“一件事一次办”改革": C})
    assert got == {("CONDUCTS", "市运输服务中心", "放管服改革"),
                   ("COOPERATES_WITH", "市运输服务中心", "市道路运输协会"),
                   ("CONDUCTS", AUTHOR, "一件事一次办改革")}


def test_a_subject_goes_on_past_a_semicolon_but_not_past_a_full_stop(tmp_path):
    body = ("支队会同市公路中心开展路域环境集中整治；联合市海事局开展“清江”水上巡查行动。"
            "联合市公安局开展“百日攻坚”行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "支队": A, "市公路中心": A, "市海事局": A, "市公安局": A,
                                     "路域环境集中整治": C, "“清江”水上巡查行动": C, "“百日攻坚”行动": C})
    assert ("COOPERATES_WITH", "支队", "市海事局") in got
    assert ("CONDUCTS", "支队", "清江水上巡查行动") in got
    assert ("CONDUCTS", AUTHOR, "百日攻坚行动") in got and ("COOPERATES_WITH", AUTHOR, "市公安局") in got


def test_the_body_after_a_pivot_verb_carries_the_campaign_out(tmp_path):
    got = relations(tmp_path, "督促市道路运输协会组织会员企业开展“安全驾驶万里行”活动。",
                    {AUTHOR: A, "市道路运输协会": O, "“安全驾驶万里行”活动": C})
    assert got == {("CONDUCTS", "市道路运输协会", "安全驾驶万里行活动")}


def test_a_deployed_campaign_is_carried_out_by_the_subject_and_its_deployer(tmp_path):
    body = "按照泉州市支队“春雷”治超行动部署，本所联合县公安局开展联合治超。"
    got = relations(tmp_path, body, {AUTHOR: A, "泉州市支队": A, "本所": A, "县公安局": A, "“春雷”治超行动": C},
                    author="德化县路政执法所", title="德化县路政执法所2024年上半年工作总结\n")
    assert ("CONDUCTS", "泉州市支队", "春雷治超行动") in got
    assert ("CONDUCTS", "德化县路政执法所", "春雷治超行动") in got  # 本所: the author


def test_a_subject_before_the_basis_carries_the_deployed_campaign_out(tmp_path):
    body = "中队按照县交通运输局“护路保畅”专项整治行动部署，查处超限车辆12辆。"
    got = relations(tmp_path, body, {AUTHOR: A, "县交通运输局": A, "中队": A, "“护路保畅”专项整治行动": C})
    assert ("CONDUCTS", "县交通运输局", "护路保畅专项整治行动") in got
    assert ("CONDUCTS", "中队", "护路保畅专项整治行动") in got
    body = "春运期间，支队按照市交通运输局春运工作部署，加强客运站检查。"
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "支队": A, "春运": C})
    assert not any(r == "CONDUCTS" for r, _, _ in got)  # a season is worked through, not carried out


def test_a_modal_between_the_subject_and_the_basis_keeps_the_deployed_campaign_the_subjects(tmp_path):
    body = "下一步，县运输中心将按照全县“清风护航”专项行动部署，持续开展联合检查。"
    got = relations(tmp_path, body, {AUTHOR: A, "县运输中心": A, "“清风护航”专项行动": C})
    assert ("CONDUCTS", "县运输中心", "清风护航专项行动") in got
    body = "县运输中心还要按照“清风护航”专项行动部署，加强夜间巡查。"
    got = relations(tmp_path, body, {AUTHOR: A, "县运输中心": A, "“清风护航”专项行动": C})
    assert ("CONDUCTS", "县运输中心", "清风护航专项行动") in got


def test_campaigns_listed_in_one_deployment_are_each_the_deployers(tmp_path):
    body = "根据市交通运输局关于开展“平安工地”创建活动和桥梁安全隐患排查专项行动的工作部署，本站对在建项目开展检查。"
    spec = {AUTHOR: A, "市交通运输局": A, "本站": A, "“平安工地”创建活动": C, "桥梁安全隐患排查专项行动": C}
    got = relations(tmp_path, body, spec)
    assert ("CONDUCTS", "市交通运输局", "平安工地创建活动") in got
    assert ("CONDUCTS", "市交通运输局", "桥梁安全隐患排查专项行动") in got


def test_a_generic_subject_before_the_basis_leaves_the_deployer_its_campaign(tmp_path):
    body = "从检查情况看，各中队能够按照县交通运输局“护路保畅”专项整治行动部署，认真落实检查制度。"
    got = relations(tmp_path, body, {AUTHOR: A, "县交通运输局": A, "“护路保畅”专项整治行动": C})
    # the generic 各中队 is nobody's subject, the author's neither
    assert {(h, t) for r, h, t in got if r == "CONDUCTS"} == {("县交通运输局", "护路保畅专项整治行动")}


def test_only_a_generic_plural_subject_may_stand_before_the_basis_of_a_deployment(tmp_path):
    # the generic subjects are subjects.GENERIC's: 各大队 is one, the topic 各项工作 is none
    for sentence, found in [("各大队要按照县政府“清洁家园”行动部署，认真推进。", True),
                            ("各项工作要按照县政府“清洁家园”行动部署，认真推进。", False)]:
        sdoc = make_doc(tmp_path, TITLE + sentence + "\n", AUTHOR)
        ms = mentions_of(sdoc, {"县政府": A, "“清洁家园”行动": C})
        norm, camp = sdoc.source.norm, next(m for m in ms if m.label == C)
        clause = next(c for c in split_clauses(norm, 0, len(norm), [(m.start, m.end) for m in ms])
                      if c.start <= camp.start < c.end)
        in_clause = [m for m in ms if clause.start <= m.start < clause.end]
        assert (deployed(norm, clause, camp, in_clause) is not None) == found, sentence


def test_a_deployment_followed_by_carrying_it_out_names_its_deployer(tmp_path):
    body = ("为深入贯彻落实省交通运输厅关于开展“百日攻坚”行动的部署要求，支队决定在全市开展检查。"
            "局党组认真落实省交通运输厅党组关于开展“清廉交通”建设的部署，推行阳光公开。")
    got = relations(tmp_path, body, {AUTHOR: A, "省交通运输厅": A, "省交通运输厅党组": A, "支队": A, "局党组": A,
                                     "“百日攻坚”行动": C, "“清廉交通”": C})
    assert ("CONDUCTS", "省交通运输厅", "百日攻坚行动") in got
    assert ("CONDUCTS", "省交通运输厅党组", "清廉交通") in got
    # a regulation applied is not a deployment: 贯彻落实 A《X》 gives A no campaign
    body = "为深入贯彻落实省交通运输厅关于“百日攻坚”行动的宣传报道，支队开展检查。"
    got = relations(tmp_path, body, {AUTHOR: A, "省交通运输厅": A, "支队": A, "“百日攻坚”行动": C})
    assert ("CONDUCTS", "省交通运输厅", "百日攻坚行动") not in got


def test_the_lead_bodies_after_a_task_named_alone_carry_it_out(tmp_path):
    body = "“四好农村路”示范创建工作，由局规划科牵头，市公路中心具体负责，力争年底前通过评估。"
    got = relations(tmp_path, body, {AUTHOR: A, "局规划科": A, "市公路中心": A, "“四好农村路”示范创建": C})
    assert got == {("CONDUCTS", "局规划科", "四好农村路示范创建"), ("CONDUCTS", "市公路中心", "四好农村路示范创建")}
    # a campaign that is not the whole first clause is no task handed out
    body = "今年“四好农村路”示范创建取得成效，局规划科牵头，力争年底前通过评估。"
    got = relations(tmp_path, body, {AUTHOR: A, "局规划科": A, "“四好农村路”示范创建": C})
    assert ("CONDUCTS", "局规划科", "四好农村路示范创建") not in got


def test_a_body_whose_deployment_is_followed_is_not_the_subject(tmp_path):
    body = "按照市交通运输局统一部署，支队联合市公安局开展“治超百日攻坚”行动。"
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "支队": A, "市公安局": A,
                                     "“治超百日攻坚”行动": C})
    # the partner of 联合 carries the campaign out with the subject; the deploying body does not (issue 10:
    # 按照/根据 X 部署，Y 开展 Z gives Y CONDUCTS Z, not X; several writers' gold gives X too)
    assert got == {("CONDUCTS", "支队", "治超百日攻坚行动"), ("CONDUCTS", "市公安局", "治超百日攻坚行动"),
                   ("COOPERATES_WITH", "支队", "市公安局")}


def test_coordinated_bodies_before_an_attributive_verb_all_carry_it_out(tmp_path):
    body = "赣州市交通运输局、吉安市交通运输局牵头实施的农村客货邮融合发展试点顺利通过验收。"
    got = relations(tmp_path, body, {AUTHOR: A, "赣州市交通运输局": A, "吉安市交通运输局": A,
                                     "农村客货邮融合发展试点": C})
    assert got == {("CONDUCTS", "赣州市交通运输局", "农村客货邮融合发展试点"),
                   ("CONDUCTS", "吉安市交通运输局", "农村客货邮融合发展试点")}


def test_a_campaign_taken_as_a_lever_is_carried_out(tmp_path):
    got = relations(tmp_path, "以“证照分离”改革为契机，全面推行道路运输证照电子化。",
                    {AUTHOR: A, "“证照分离”改革": C})
    assert got == {("CONDUCTS", AUTHOR, "证照分离改革")}


def test_a_lever_may_name_the_campaign_unquoted_and_the_work_it_stands_for(tmp_path):
    # a name without its quotation marks (a lexicon match), and 建设/创建 after it
    got = relations(tmp_path, "全年，县交通运输局以“城乡客运一体化”建设为抓手，新开通公交线路8条。",
                    {AUTHOR: A, "县交通运输局": A, "城乡客运一体化": C})
    assert got == {("CONDUCTS", "县交通运输局", "城乡客运一体化")}
    got = relations(tmp_path, "把“平安交通”创建作为重点工作来抓。", {AUTHOR: A, "平安交通": C})
    assert got == {("CONDUCTS", AUTHOR, "平安交通")}
    # 建设 that is not the campaign's work but a goal it modifies is no lever
    got = relations(tmp_path, "以“城乡客运一体化”建设目标为抓手。", {AUTHOR: A, "城乡客运一体化": C})
    assert got == set()
    # review 16 (2.4): nor a goal with more words after it before 为
    got = relations(tmp_path, "以“城乡客运一体化”建设目标任务为抓手。", {AUTHOR: A, "城乡客运一体化": C})
    assert got == set()


def test_a_themed_day_is_carried_out_by_the_subject_of_the_next_clause(tmp_path):
    got = relations(tmp_path, "6月16日“安全宣传咨询日”当天，由运管所牵头，会同执法大队设立咨询点。",
                    {AUTHOR: A, "运管所": A, "执法大队": A, "“安全宣传咨询日”": C})
    assert ("CONDUCTS", "运管所", "安全宣传咨询日") in got
    assert ("CONDUCTS", AUTHOR, "安全宣传咨询日") not in got


def test_a_campaign_period_opening_a_clause_is_carried_out_by_the_next_subject_or_the_author(tmp_path):
    got = relations(tmp_path, "“百日护路”专项行动期间，市执法支队共查处违法案件30起。",
                    {AUTHOR: A, "市执法支队": A, "“百日护路”专项行动": C})
    assert ("CONDUCTS", "市执法支队", "百日护路专项行动") in got
    assert ("CONDUCTS", AUTHOR, "百日护路专项行动") not in got
    got = relations(tmp_path, "“安全生产月”期间，组织应急演练9场。", {AUTHOR: A, "“安全生产月”": C})
    assert ("CONDUCTS", AUTHOR, "安全生产月") in got


def test_a_period_word_inside_a_clause_is_no_campaign_frame(tmp_path):
    got = relations(tmp_path, "市执法支队表示，“安全生产月”期间事故下降。", {AUTHOR: A, "市执法支队": A, "“安全生产月”": C})
    assert not {r for r in got if r[0] == "CONDUCTS"}
    # a travel season only gives the time of the work
    got = relations(tmp_path, "2024年春运圆满结束。春运期间，市执法支队查处违法案件30起。",
                    {AUTHOR: A, "市执法支队": A, "2024年春运": C})
    assert not {r for r in got if r[0] == "CONDUCTS"}


def test_a_campaign_modifying_a_goal_is_not_the_object(tmp_path):
    got = relations(tmp_path, "大队将围绕县交通运输局“交通强县”建设目标，重点抓好四个方面。",
                    {AUTHOR: A, "县交通运输局": A, "“交通强县”建设": C})
    assert got == set()


def test_the_partners_of_a_joint_verb_carry_the_campaign_out_too(tmp_path):
    got = relations(tmp_path, "运管所与高台县公共交通有限公司共同推进城乡公交“镇村通”工程。",
                    {AUTHOR: A, "运管所": A, "高台县公共交通有限公司": O, "城乡公交“镇村通”工程": C})
    assert ("CONDUCTS", "运管所", "城乡公交镇村通工程") in got
    assert ("CONDUCTS", "高台县公共交通有限公司", "城乡公交镇村通工程") in got
    got = relations(tmp_path, "推动县公交公司与县邮政分公司合作开展“客货邮”融合试点。",
                    {AUTHOR: A, "县公交公司": O, "县邮政分公司": O, "“客货邮”融合试点": C})
    assert {("CONDUCTS", "县公交公司", "客货邮融合试点"), ("CONDUCTS", "县邮政分公司", "客货邮融合试点")} <= got


def test_the_partners_of_huitong_or_lianhe_carry_the_campaign_out_too(tmp_path):
    spec = {AUTHOR: A, "执法大队": A, "县公安局": A, "县自然资源局": A, "“清路”专项行动": C}
    got = relations(tmp_path, "执法大队会同县公安局、县自然资源局组织开展“清路”专项行动。", spec)
    assert {("CONDUCTS", "执法大队", "清路专项行动"), ("CONDUCTS", "县公安局", "清路专项行动"),
            ("CONDUCTS", "县自然资源局", "清路专项行动")} <= got
    got = relations(tmp_path, "驻局纪检组与执法大队联合开展“清路”专项行动。", spec | {"驻局纪检组": A})
    assert ("CONDUCTS", "执法大队", "清路专项行动") in got
    # a partner of other work in an earlier clause does not carry out the campaign
    got = relations(tmp_path, "执法大队会同县公安局建立联勤机制，开展“清路”专项行动。", spec)
    assert ("CONDUCTS", "县公安局", "清路专项行动") not in got
    assert ("CONDUCTS", "执法大队", "清路专项行动") in got


def test_a_campaign_taken_as_the_main_line_of_the_work_is_carried_out(tmp_path):
    got = relations(tmp_path, "大队紧扣“执法规范年”工作主线，统筹抓好治超治限。", {AUTHOR: A, "大队": A, "“执法规范年”": C})
    assert got == {("CONDUCTS", "大队", "执法规范年")}
    got = relations(tmp_path, "大队紧扣“交通强县”建设目标，统筹抓好治超治限。", {AUTHOR: A, "大队": A, "“交通强县”建设": C})
    assert got == set()


def test_a_new_trigger_builds_a_brand(tmp_path):
    got = relations(tmp_path, "机关党委持续打造“交通先锋”党建品牌。", {AUTHOR: A, "机关党委": A, "“交通先锋”党建品牌": C})
    assert got == {("CONDUCTS", "机关党委", "交通先锋党建品牌")}


def test_issues_frames_around_titles(tmp_path):
    spec = {AUTHOR: A, "株洲市交通运输局": A, "县文旅局": A, "大队": A, "“铁腕治超”行动": C,
            "《关于印发“铁腕治超”三年行动方案的通知》": R, "《安全生产法》": R, "《旅游公路建设三年行动方案》": R}
    body = ("根据株洲市交通运输局《关于印发“铁腕治超”三年行动方案的通知》要求，大队牵头实施“铁腕治超”行动。"
            "重点宣传新修订的《安全生产法》。会同县文旅局编制《旅游公路建设三年行动方案》。")
    got = relations(tmp_path, body, spec)
    assert ("ISSUES", "株洲市交通运输局", "关于印发铁腕治超三年行动方案的通知") in got
    assert not any(r == "ISSUES" and t == "安全生产法" for r, _, t in got)
    assert ("ISSUES", AUTHOR, "旅游公路建设三年行动方案") in got
    assert ("ISSUES", "县文旅局", "旅游公路建设三年行动方案") not in got


def test_without_an_author_pivots_and_speakers_still_act(tmp_path):
    body = ("督促市道路运输协会开展“安全驾驶万里行”活动。深入开展“百日攻坚”行动。\n"
            "市运输服务中心负责人：我们持续深化“放管服”改革。")
    got = relations(tmp_path, body, {"市道路运输协会": O, "市运输服务中心": A, "“安全驾驶万里行”活动": C,
                                     "“百日攻坚”行动": C, "“放管服”改革": C}, author=None, title="工作动态\n")
    assert got == {("CONDUCTS", "市道路运输协会", "安全驾驶万里行活动"),
                   ("CONDUCTS", "市运输服务中心", "放管服改革")}  # 深入开展“百日攻坚”行动: no one stated


def test_a_year_or_a_theme_between_the_verb_and_the_campaign_names_it(tmp_path):
    body = ("组织开展以“人人讲安全、个个会应急”为主题的2024年“安全生产月”活动。"
            "举办第三届“最美司机”评选。开展为期三个月的“清风”专项整治行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "“安全生产月”活动": C, "“最美司机”评选": C, "“清风”专项整治行动": C})
    assert got == {("CONDUCTS", AUTHOR, "安全生产月活动"), ("CONDUCTS", AUTHOR, "最美司机评选"),
                   ("CONDUCTS", AUTHOR, "清风专项整治行动")}


def test_titles_coordinated_or_listed_after_an_issuing_verb_are_issued(tmp_path):
    spec = {AUTHOR: A, "《农村公路管理养护办法》": R, "《网约车管理实施细则》": R, "《行政处罚裁量基准》": R,
            "《执法办案规程》": R, "《执法人员行为规范》": R}
    body = ("制定出台《农村公路管理养护办法》和《网约车管理实施细则》，修订《行政处罚裁量基准》。"
            "先后印发了一批制度，包括《执法办案规程》、《执法人员行为规范》。")
    got = relations(tmp_path, body, spec)
    assert got == {("ISSUES", AUTHOR, t) for t in ("农村公路管理养护办法", "网约车管理实施细则", "行政处罚裁量基准",
                                                  "执法办案规程", "执法人员行为规范")}


def test_a_company_author_carries_out_what_its_subject_less_sentences_do(tmp_path):
    company = "某市公共交通集团有限公司"
    got = relations(tmp_path, "全年开展“安全行车百日无事故”竞赛活动。\n" + company + "\n",
                    {company: O, "“安全行车百日无事故”竞赛活动": C},
                    author=company, title=f"{company}2023年工作总结\n")
    assert got == {("CONDUCTS", company, "安全行车百日无事故竞赛活动")}


def test_the_agent_after_you_carries_out_or_issues_the_topic(tmp_path):
    got = relations(tmp_path, "“春雷”行动由市交通运输局、市公安局牵头组织实施。《甲办法》由市治超办印发。",
                    {AUTHOR: A, "市交通运输局": A, "市公安局": A, "市治超办": A, "“春雷”行动": C, "《甲办法》": R})
    assert got == {("CONDUCTS", "市交通运输局", "春雷行动"), ("CONDUCTS", "市公安局", "春雷行动"),
                   ("ISSUES", "市治超办", "甲办法")}


def test_a_campaign_taken_up_as_main_line_or_key_work_is_carried_out(tmp_path):
    body = "中心以“清零”行动为主线，加强检查。中心把“护航”行动作为重点工作来抓。中心把“护航”行动的经验推广。"
    got = relations(tmp_path, body, {AUTHOR: A, "中心": A, "“清零”行动": C, "“护航”行动": C})
    assert got == {("CONDUCTS", "中心", "清零行动"), ("CONDUCTS", "中心", "护航行动")}
    assert relations(tmp_path, "把“护航”行动的经验推广到全市。", {AUTHOR: A, "“护航”行动": C}) == set()


def test_the_partner_of_a_joint_publication_signs_it_but_not_a_helper(tmp_path):
    got = relations(tmp_path, "市治超办联合市公安局印发了《甲规程》。",
                    {AUTHOR: A, "市治超办": A, "市公安局": A, "《甲规程》": R})
    assert ("ISSUES", "市公安局", "甲规程") in got and ("ISSUES", "市治超办", "甲规程") in got
    got = relations(tmp_path, "会同县文旅局编制《乙方案》。", {AUTHOR: A, "县文旅局": A, "《乙方案》": R})
    assert ("ISSUES", AUTHOR, "乙方案") in got and ("ISSUES", "县文旅局", "乙方案") not in got


def test_partners_joined_by_a_joint_word_co_issue_and_an_assisted_body_issues(tmp_path):
    spec = {AUTHOR: A, "省财政厅": A, "省农业农村厅": A, "县文旅局": A, "省人大常委会": A,
            "《甲实施方案》": R, "《乙方案》": R, "《丙条例》": R}
    body = ("厅会同省财政厅、省农业农村厅联合印发《甲实施方案》。会同县文旅局编制《乙方案》。"
            "配合省人大常委会修订《丙条例》。")
    got = relations(tmp_path, body, spec)
    assert {("ISSUES", "省财政厅", "甲实施方案"), ("ISSUES", "省农业农村厅", "甲实施方案"),
            ("ISSUES", "省人大常委会", "丙条例")} <= got
    assert ("ISSUES", "县文旅局", "乙方案") not in got  # 会同 B 编制 without a joint word: B only helps


def test_a_named_team_opening_a_task_with_yao_carries_it_out(tmp_path):
    body = ("会上，市交通运输综合行政执法支队汇报了执法工作。\n"
            "支队要联合市道路运输协会，组织实施“安全驾驶进企业”宣讲活动。")
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输综合行政执法支队": A, "市道路运输协会": O,
                                     "“安全驾驶进企业”宣讲活动": C})
    assert ("CONDUCTS", "市交通运输综合行政执法支队", "安全驾驶进企业宣讲活动") in got
    assert ("COOPERATES_WITH", "市交通运输综合行政执法支队", "市道路运输协会") in got
    assert not any(h == AUTHOR for _, h, _ in got)


def test_a_partner_list_with_an_untagged_last_item_still_reaches_its_joint_word(tmp_path):
    spec = {AUTHOR: A, "甲物流集团有限公司": O}
    # 与 A、B 建立…: B is no mention, but the list still ends at the joint word
    got = relations(tmp_path, "中心与甲物流集团有限公司、乙港口（集团）有限责任公司建立“服务直通车”机制。", spec)
    assert ("COOPERATES_WITH", AUTHOR, "甲物流集团有限公司") in got
    # a full stop, a quote or a clause between them is no list
    got = relations(tmp_path, "中心与甲物流集团有限公司、乙公司负责人座谈，研究建立对接机制。", spec)
    assert ("COOPERATES_WITH", AUTHOR, "甲物流集团有限公司") not in got


def test_gongjian_after_a_partner_list_is_a_cooperation(tmp_path):
    spec = {AUTHOR: A, "甲邮政分公司": O, "乙供销合作社": O}
    got = relations(tmp_path, "深化“交邮融合”，与甲邮政分公司、乙供销合作社共建农村物流服务站点15个。", spec)
    assert {("COOPERATES_WITH", AUTHOR, "甲邮政分公司"), ("COOPERATES_WITH", AUTHOR, "乙供销合作社")} <= got


def test_a_bare_place_sharing_the_head_of_the_next_partner_does_not_end_the_list(tmp_path):
    spec = {AUTHOR: A, "乙区人民政府": A, "“美丽农村路”样板工程": C}
    got = relations(tmp_path, "会同甲区、乙区人民政府共同实施了“美丽农村路”样板工程。", spec)
    assert {("COOPERATES_WITH", AUTHOR, "乙区人民政府"), ("CONDUCTS", "乙区人民政府", "美丽农村路样板工程"),
            ("CONDUCTS", AUTHOR, "美丽农村路样板工程")} <= got
    # a place that is not a list item before a partner is not skipped
    got = relations(tmp_path, "会同甲区乙区人民政府实施了“美丽农村路”样板工程。", spec)
    assert ("COOPERATES_WITH", AUTHOR, "乙区人民政府") not in got


def test_tuixing_carries_out_a_reform(tmp_path):
    spec = {AUTHOR: A, "“证照分离”改革": C}
    got = relations(tmp_path, "持续推行港口经营“证照分离”改革，办结率100%。", spec)
    assert ("CONDUCTS", AUTHOR, "证照分离改革") in got


def test_a_clause_with_a_generic_plural_subject_is_not_the_authors(tmp_path):
    body = ("本局将组织开展“路政宣传月”活动。各县区交通运输局要结合“平安交通”创建，研究制定配套措施。\n"
            "下一步，各单位要积极开展“安全生产月”活动。")
    got = relations(tmp_path, body, {AUTHOR: A, "本局": A, "“路政宣传月”活动": C, "“平安交通”创建": C,
                                     "“安全生产月”活动": C})
    assert ("CONDUCTS", AUTHOR, "路政宣传月活动") in got
    assert not any(r[2] in ("平安交通创建", "安全生产月活动") for r in got)


def test_a_generic_subject_under_a_bodys_deployment_leaves_the_deployer(tmp_path):
    body = "全年，在本局的统一部署下，各县治超站开展“亮剑”夜查行动12次。"
    got = relations(tmp_path, body, {AUTHOR: A, "本局": A, "“亮剑”夜查行动": C})
    assert ("CONDUCTS", AUTHOR, "亮剑夜查行动") in got


def test_a_campaign_opening_its_clause_spread_over_the_area_is_carried_out_by_the_subject(tmp_path):
    body = "全年新开通客运班线2条，“金通工程”在全县全面铺开，投放客车46辆。“清风”行动全面展开。“护航”行动的成效在全县展开评估。"
    got = relations(tmp_path, body, {AUTHOR: A, "“金通工程”": C, "“清风”行动": C, "“护航”行动": C})
    assert {r for r in got if r[0] == "CONDUCTS"} == {("CONDUCTS", AUTHOR, "金通工程"), ("CONDUCTS", AUTHOR, "清风行动")}


def test_a_body_reporting_at_a_meeting_acts_for_the_rest_of_its_paragraph(tmp_path):
    body = ("市公路中心通报了养护工作。上半年，全面推进“畅通”示范路创建。\n"
            "会议要求，深入推进“一件事一次办”改革。\n"
            "市海事局、市公路中心分别作交流发言。扎实开展“清江”行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "市公路中心": A, "市海事局": A,
                                     "“畅通”示范路创建": C, "“一件事一次办”改革": C, "“清江”行动": C})
    # the next paragraph is the author's again; two bodies speaking in turn (分别) give no one the floor
    assert {r for r in got if r[0] == "CONDUCTS"} == {("CONDUCTS", "市公路中心", "畅通示范路创建"),
                                                       ("CONDUCTS", AUTHOR, "一件事一次办改革"),
                                                       ("CONDUCTS", AUTHOR, "清江行动")}


def test_a_joint_verb_after_a_with_b_is_carried_out_by_both_parties(tmp_path):
    body = ("中心党支部与县执法大队党支部开展结对共建，联合推进“党建+安全”示范岸线创建。"
            "大队与县运输公司建立联系机制，联合县道路运输协会举办“送法进企业”活动。\n"
            "县公路中心与县公安局召开座谈会。共同开展“护路”行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "中心党支部": A, "县执法大队党支部": A, "大队": A, "县运输公司": O,
                                     "县道路运输协会": O, "县公路中心": A, "县公安局": A,
                                     "“党建+安全”示范岸线创建": C, "“送法进企业”活动": C, "“护路”行动": C})
    conducts = {r for r in got if r[0] == "CONDUCTS"}
    assert {("CONDUCTS", "中心党支部", "党建+安全示范岸线创建"),
            ("CONDUCTS", "县执法大队党支部", "党建+安全示范岸线创建")} <= conducts
    # 联合 before a partner is no joint adverb; the parties of an earlier sentence do not carry over
    assert ("CONDUCTS", "县运输公司", "送法进企业活动") not in conducts
    assert ("CONDUCTS", "县公安局", "护路行动") not in conducts


def test_partners_closing_a_clause_carry_out_what_the_next_clause_opens(tmp_path):
    body = ("市执法支队会同市公安局交警支队，持续开展“利剑”治超专项行动。"
            "市执法支队会同市公安局交警支队召开会议，研究开展“雷霆”行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "市执法支队": A, "市公安局交警支队": A,
                                     "“利剑”治超专项行动": C, "“雷霆”行动": C})
    assert ("CONDUCTS", "市公安局交警支队", "利剑治超专项行动") in got
    assert ("CONDUCTS", "市执法支队", "利剑治超专项行动") in got
    assert ("CONDUCTS", "市公安局交警支队", "雷霆行动") not in got


def test_a_body_whose_deployment_a_sentence_follows_carries_out_none_of_it(tmp_path):
    body = "按照交通运输部部署，本局牵头开展“护航”行动，会同市公安局深入开展“清网”行动。"
    got = relations(tmp_path, body, {AUTHOR: A, "本局": A, "交通运输部": A, "市公安局": A,
                                     "“护航”行动": C, "“清网”行动": C})
    assert ("CONDUCTS", AUTHOR, "护航行动") in got and ("CONDUCTS", AUTHOR, "清网行动") in got
    assert not {r for r in got if r[1] == "交通运输部"}


def test_the_agent_after_a_short_topic_and_by_is_the_subject_of_the_clauses_after(tmp_path):
    body = ("这批制度由市法规科牵头起草，会同市公路中心、市海事局共同研究制定。"
            "此项工作由市执法支队牵头，联合市公安局开展“百日攻坚”行动。")
    got = relations(tmp_path, body, {AUTHOR: A, "市法规科": A, "市公路中心": A, "市海事局": A,
                                     "市执法支队": A, "市公安局": A, "“百日攻坚”行动": C})
    assert ("COOPERATES_WITH", "市法规科", "市公路中心") in got
    assert ("COOPERATES_WITH", "市法规科", "市海事局") in got
    assert ("COOPERATES_WITH", AUTHOR, "市公路中心") not in got
    assert ("COOPERATES_WITH", "市执法支队", "市公安局") in got
    assert ("CONDUCTS", "市执法支队", "百日攻坚行动") in got


def test_the_partner_of_a_body_enacting_a_title_issues_it_too(tmp_path):
    spec = {AUTHOR: A, "县财政局": A, "市发展改革委": A, "县文旅局": A,
            "《甲办法》": R, "《乙细则》": R, "《丙规划》": R}
    body = ("我局会同县财政局制定出台《甲办法》。局会同市发展改革委研究修订《乙细则》。"
            "会同县文旅局编制《丙规划》。")
    got = relations(tmp_path, body, spec)
    assert {("ISSUES", "县财政局", "甲办法"), ("ISSUES", "市发展改革委", "乙细则")} <= got
    assert ("ISSUES", AUTHOR, "甲办法") in got
    assert ("ISSUES", "县文旅局", "丙规划") not in got  # 会同 B 编制: drafting, B only helps


def test_joint_organisers_before_an_attributive_host_carry_the_event_out(tmp_path):
    body = "近日，由某省交通运输厅、省总工会联合主办，省公路中心承办的全省公路养护技能竞赛在省城举行。"
    got = relations(tmp_path, body, {AUTHOR: A, "某省交通运输厅": A, "省总工会": O, "省公路中心": A,
                                     "全省公路养护技能竞赛": C})
    assert {("CONDUCTS", b, "全省公路养护技能竞赛") for b in ("某省交通运输厅", "省总工会", "省公路中心")} <= got


def test_partners_closing_a_clause_before_a_placed_event_carry_it_out(tmp_path):
    body = "某市交通运输局联合市公交集团有限公司、市出租汽车协会，在火车站广场举行“文明出行”服务提升行动启动仪式。"
    got = relations(tmp_path, body, {AUTHOR: A, "市公交集团有限公司": O, "市出租汽车协会": O,
                                     "“文明出行”服务提升行动": C})
    assert {("CONDUCTS", b, "文明出行服务提升行动") for b in (AUTHOR, "市公交集团有限公司", "市出租汽车协会")} <= got
    # a clause after the partners that opens with no verb of carrying out gives them nothing
    body = "某市交通运输局联合市出租汽车协会，在火车站广场的“文明出行”服务提升行动中表现突出。"
    got = relations(tmp_path, body, {AUTHOR: A, "市出租汽车协会": O, "“文明出行”服务提升行动": C})
    assert ("CONDUCTS", "市出租汽车协会", "文明出行服务提升行动") not in got


def test_partners_closing_a_clause_before_a_joint_launch_carry_it_out(tmp_path):
    body = "市出租汽车协会联合甲出租汽车有限公司和乙出租车有限公司，共同发起“文明出行”服务提升行动，特发出如下倡议。"
    got = relations(tmp_path, body, {AUTHOR: A, "市出租汽车协会": O, "甲出租汽车有限公司": O, "乙出租车有限公司": O,
                                     "“文明出行”服务提升行动": C})
    assert {("CONDUCTS", b, "文明出行服务提升行动")
            for b in ("市出租汽车协会", "甲出租汽车有限公司", "乙出租车有限公司")} <= got


def test_a_lead_with_its_assistants_before_the_verb_carries_out_and_cooperates(tmp_path):
    body = "（一）由局规划科牵头，市质监站、市公路中心配合，组织开展在建项目“平安工地”建设考核。"
    got = relations(tmp_path, body, {AUTHOR: A, "局规划科": A, "市质监站": A, "市公路中心": A,
                                     "“平安工地”建设": C})
    assert ("CONDUCTS", "局规划科", "平安工地建设") in got
    assert {("COOPERATES_WITH", "局规划科", "市质监站"), ("COOPERATES_WITH", "局规划科", "市公路中心")} <= got
    # the assistants assist the lead, not each other
    assert ("COOPERATES_WITH", "市质监站", "市公路中心") not in got
    # a lead and assistants after the task name cooperate too, with no verb in the sentence
    body = "此项工作由市执法支队牵头，市公安局交警支队配合。"
    got = relations(tmp_path, body, {AUTHOR: A, "市执法支队": A, "市公安局交警支队": A})
    assert got == {("COOPERATES_WITH", "市执法支队", "市公安局交警支队")}
    # a first clause that is the subject of a verb is no lead clause
    body = "局规划科牵头开展“平安工地”建设，市质监站配合。"
    got = relations(tmp_path, body, {AUTHOR: A, "局规划科": A, "市质监站": A, "“平安工地”建设": C})
    assert ("COOPERATES_WITH", "局规划科", "市质监站") not in got
    # a lead clause naming its own task leads that task, not what a later clause's subject carries out
    body = "护航行动由某市交通运输局牵头，市公安局配合推进，市道路运输协会将组织会员企业参与“安全行车承诺”活动。"
    got = relations(tmp_path, body, {AUTHOR: A, "某市交通运输局": A, "市公安局": A, "市道路运输协会": O,
                                     "“安全行车承诺”活动": C})
    assert ("CONDUCTS", "某市交通运输局", "安全行车承诺活动") not in got


def test_the_bodies_that_co_handle_a_proposal_cooperate_with_its_handler(tmp_path):
    body = "该建议由某市交通运输局主办，市财政局、市城市管理局会办。经研究，现答复如下。"
    got = relations(tmp_path, body, {AUTHOR: A, "某市交通运输局": A, "市财政局": A, "市城市管理局": A})
    assert got == {("COOPERATES_WITH", "某市交通运输局", "市财政局"), ("COOPERATES_WITH", "某市交通运输局", "市城市管理局")}


def test_an_ordinal_opening_a_body_name_is_no_enumeration_marker(tmp_path):
    body = "第二大队联合市公安局开展夜查。第二，支队会同县公路中心开展巡查。"
    got = relations(tmp_path, body, {AUTHOR: A, "支队": A, "第二大队": A, "市公安局": A, "县公路中心": A})
    assert ("COOPERATES_WITH", "第二大队", "市公安局") in got
    assert ("COOPERATES_WITH", AUTHOR, "市公安局") not in got
    assert ("COOPERATES_WITH", "支队", "县公路中心") in got  # 第二， still opens an item


def test_coordinated_subjects_that_assist_or_meet_a_partner_are_not_each_others_partners(tmp_path):
    spec = {AUTHOR: A, "县执法大队": A, "县公路中心": A, "县应急管理局": A, "县公安局": A}
    got = relations(tmp_path, "县执法大队、县公路中心要配合县应急管理局开展联合演练。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    assert {("COOPERATES_WITH", "县执法大队", "县应急管理局"), ("COOPERATES_WITH", "县公路中心", "县应急管理局")} <= got
    got = relations(tmp_path, "县执法大队、县公路中心配合开展夜间巡查。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    got = relations(tmp_path, "县执法大队、县公路中心与县公安局建立联合执法机制。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    assert {("COOPERATES_WITH", "县执法大队", "县公安局"), ("COOPERATES_WITH", "县公路中心", "县公安局")} <= got
    # a joint word right after the coordinated subjects still makes them partners
    got = relations(tmp_path, "县执法大队、县公路中心联合开展夜间巡查。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") in got


def test_coordinated_subjects_acting_with_another_body_or_building_are_not_each_others_partners(tmp_path):
    spec = {AUTHOR: A, "县执法大队": A, "县公路中心": A, "县应急管理局": A, "县公安局": A}
    # the joint word takes partners of its own: each subject cooperates with them, not with the other
    got = relations(tmp_path, "县执法大队、县公路中心要会同县应急管理局开展联合演练。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    assert ("COOPERATES_WITH", "县执法大队", "县应急管理局") in got
    got = relations(tmp_path, "县执法大队、县公路中心联合县公安局开展夜间巡查。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    # a modal or an adverb before the prep frame
    got = relations(tmp_path, "县执法大队、县公路中心要与县公安局建立会商机制。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got
    assert ("COOPERATES_WITH", "县公路中心", "县公安局") in got
    # a bare 建立: each built its own
    got = relations(tmp_path, "县执法大队、县公路中心建立了隐患排查台账制度。", spec)
    assert ("COOPERATES_WITH", "县执法大队", "县公路中心") not in got


def test_clauses_after_a_generic_subject_are_not_the_authors(tmp_path):
    spec = {AUTHOR: A, "县执法大队": A, "“文明出行”活动": C}
    got = relations(tmp_path, "各企业要对照考评中发现的问题，深入开展“文明出行”活动。", spec)
    assert ("CONDUCTS", AUTHOR, "文明出行活动") not in got
    got = relations(tmp_path, "各乡（镇）人民政府：落实乡级路长职责，组织开展“文明出行”活动。", spec)
    assert ("CONDUCTS", AUTHOR, "文明出行活动") not in got
    # a body's subject going on past a generic co-participant still acts
    got = relations(tmp_path, "县执法大队牵头，各单位参与，深入开展“文明出行”活动。", spec)
    assert ("CONDUCTS", "县执法大队", "文明出行活动") in got


def test_coordinating_a_body_is_no_cooperation(tmp_path):
    spec = {AUTHOR: A, "县自然资源局": A, "县政府": A, "县公安局": A}
    got = relations(tmp_path, "由分管副局长协调县自然资源局和县政府，7月15日前拿出解决方案。", spec)
    assert not any(r == "COOPERATES_WITH" for r, _, _ in got)
    got = relations(tmp_path, "局里会同县公安局开展联合检查。", spec)
    assert ("COOPERATES_WITH", AUTHOR, "县公安局") in got


def test_zuohao_doing_a_piece_of_work_well_carries_out_no_campaign(tmp_path):
    spec = {AUTHOR: A, "县自然资源局": A, "“美丽乡村”建设": C}
    got = relations(tmp_path, "县自然资源局：配合做好农村公路用地保障和与“美丽乡村”建设的衔接。", spec)
    assert not any(r == "CONDUCTS" for r, _, _ in got)
    got = relations(tmp_path, "县自然资源局深入开展“美丽乡村”建设。", spec)
    assert ("CONDUCTS", "县自然资源局", "美丽乡村建设") in got


def test_the_news_of_a_leader_s_visit_gives_the_visiting_body_no_default_subject(tmp_path):
    spec = {"清远市交通运输局": A, "英德市交通运输局": A, "“平安春运”专项行动": C, "“文明出行”活动": C}
    title = "清远市交通运输局局长带队赴英德市督导春运工作\n"
    body = ("1月29日，清远市交通运输局党组书记、局长周XX带队赴英德市督导春运工作。"
            "督导组要求，要深入开展“平安春运”专项行动。英德市交通运输局开展了“文明出行”活动。")
    got = relations(tmp_path, body, spec, author="清远市交通运输局", title=title)
    assert ("CONDUCTS", "清远市交通运输局", "平安春运专项行动") not in got
    assert ("CONDUCTS", "英德市交通运输局", "文明出行活动") in got
    # the same instructions in the body's own news are its own
    got = relations(tmp_path, "督导组要求，要深入开展“平安春运”专项行动。", spec, author="清远市交通运输局",
                    title="清远市交通运输局召开春运工作会议\n")
    assert ("CONDUCTS", "清远市交通运输局", "平安春运专项行动") in got


def test_a_quoted_name_may_carry_a_longer_descriptive_prefix_after_its_verb(tmp_path):
    body = "区交通运输局在全区开展网约车平台停放秩序“清朗行动”，在全区开展网约车平台停放秩序清朗专项整治。\n"
    spec = {"区交通运输局": A, "“清朗行动”": C, "清朗专项整治": C}
    got = relations(tmp_path, body, spec)
    assert ("CONDUCTS", "区交通运输局", "清朗行动") in got
    # an unquoted name has no such prefix: the words before it are no part of it
    assert ("CONDUCTS", "区交通运输局", "清朗专项整治") not in got


def test_a_deed_that_is_part_of_a_campaign_makes_its_subject_carry_the_campaign_out(tmp_path):
    body = ("本次培训是全市“平安交通”专项行动的重要内容。区公路中心此次检查也是“畅通工程”建设的具体举措。"
            "本次检查是“春运护航”期间的重点工作。\n")
    spec = {AUTHOR: A, "区公路中心": A, "“平安交通”专项行动": C, "“畅通工程”建设": C, "“春运护航”": C}
    got = {(h, t) for r, h, t in relations(tmp_path, body, spec) if r == "CONDUCTS"}
    assert (AUTHOR, "平安交通专项行动") in got
    assert ("区公路中心", "畅通工程建设") in got
    assert not any(t == "春运护航" for _, t in got)  # a period's work names no part of it
    negated = relations(tmp_path, "本次培训不是“平安交通”专项行动的重要内容。\n", {AUTHOR: A, "“平安交通”专项行动": C})
    assert not any(r == "CONDUCTS" for r, _, _ in negated)  # a negation states no part of X
