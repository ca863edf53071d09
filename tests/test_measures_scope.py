"""MEASURES scope: which metrics a campaign reaches in its sentence, its item and its document."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.given_campaigns import campaign_mentions_for
from kg.extract.measures import MeasuresFinder
from kg.extract.metrics import MetricExtractor
from kg.ingest import read_document
from kg.structure import structure_document

from helpers import measures


def test_a_campaign_that_only_sets_the_time_is_a_frame(tmp_path):
    text = "春运期间，支队组织开展“春运护航”专项执法行动，与高铁站建立联勤联动机制，累计出动执法人员5420人次。"
    assert measures(tmp_path, text, ["春运", "“春运护航”专项执法行动"]) == {("5420人次", "春运护航专项执法行动")}


def test_a_date_clause_does_not_keep_a_campaign_from_opening_its_sentence(tmp_path):
    text = "6月1日，该局召开“安全生产月”活动动员部署会，明确5个方面18项具体任务。"
    assert measures(tmp_path, text, ["“安全生产月”活动"]) == {("5个", "安全生产月活动"), ("18项", "安全生产月活动")}


def test_the_opening_campaign_reaches_past_clauses_without_numbers_before_its_metrics(tmp_path):
    text = ("岳阳市交通运输局汇报，入汛以来，该局组织开展“迎汛保安”专项行动，会同海事局建立信息共享机制，"
            "共排查安全隐患120处，隐患整改率96%。")
    assert measures(tmp_path, text, ["“迎汛保安”专项行动"]) == {("120处", "迎汛保安专项行动"),
                                                            ("96%", "迎汛保安专项行动")}


def test_a_clause_naming_another_campaign_ends_the_reach(tmp_path):
    text = "深入推进“四好农村路”建设，新改建农村公路612公里，实施农村公路安全生命防护工程450公里。"
    assert measures(tmp_path, text, ["“四好农村路”建设", "农村公路安全生命防护工程"]) == {
        ("612公里", "四好农村路建设"), ("450公里", "农村公路安全生命防护工程")}


def test_a_metric_whose_clause_joins_other_work_stays_with_that_work(tmp_path):
    text = "所党支部扎实开展主题教育，组织集中学习6次，配合驻局纪检组开展廉政谈话12人次。"
    assert measures(tmp_path, text, ["主题教育"]) == {("6次", "主题教育")}


def test_help_given_before_the_campaigns_first_number_is_its_work(tmp_path):
    # right after the campaign clause, 配合… is the campaign's own work
    text = "所党支部深化“清廉交通”建设，配合驻局纪检组开展廉政谈话12人次，排查廉政风险点8个。"
    assert measures(tmp_path, text, ["“清廉交通”建设"]) == {
        ("12人次", "清廉交通建设"), ("8个", "清廉交通建设")}
    # an item whose title carries the campaign out, its next sentence opening with 配合
    text = ("（二）专项整治扎实有效。一是开展“铁拳”治超行动，查处车辆18辆。二是开展水上交通安全专项整治。"
            "配合某海事处检查船舶41艘次，纠正违章行为9起。\n")
    got = measures(tmp_path, text, ["“铁拳”治超行动", "水上交通安全专项整治"])
    assert ("41艘次", "水上交通安全专项整治") in got and ("9起", "水上交通安全专项整治") in got
    # an item of a paragraph's campaign that itself opens with 配合 is other work
    text = ("大队扎实开展安全生产专项整治三年行动。一是排查隐患21处。二是配合县海事处开展汛期水上交通安全检查，"
            "检查渡口渡船12处。\n")
    got = measures(tmp_path, text, ["安全生产专项整治三年行动"])
    assert ("21处", "安全生产专项整治三年行动") in got and ("12处", "安全生产专项整治三年行动") not in got
    # joining a contest is still other work
    text = "所党支部扎实开展主题教育，参加全市党务知识竞赛3名。"
    assert measures(tmp_path, text, ["主题教育"]) == set()


def test_the_stationed_discipline_inspection_groups_work_is_not_the_bodys_campaign(tmp_path):
    text = "局党组扎实开展党纪学习教育，组织专题学习8次，驻局纪检监察组全年开展监督检查11次，开展廉政谈话20人次。"
    assert measures(tmp_path, text, ["党纪学习教育"]) == {("8次", "党纪学习教育")}
    text = "（三）深入开展党纪学习教育。局党组举办读书班2期。县纪委监委派驻第五纪检监察组对局机关开展廉政谈话18人次。\n"
    assert ("18人次", "党纪学习教育") not in measures(tmp_path, text, ["党纪学习教育"])
    # the group carrying out a campaign of its own is measured by its own clause
    text = "驻局纪检监察组会同机关纪委开展“四风”问题专项检查，发现问题12个。"
    assert measures(tmp_path, text, ["“四风”问题专项检查"]) == {("12个", "四风问题专项检查")}
    # in the group's own report its work is the author's
    text = ("中共某市纪委监委驻市交通运输局纪检监察组2024年工作报告\n\n一、深化专项整治\n"
            "深入推进群众身边不正之风和腐败问题集中整治，把工程建设作为监督重点。"
            "纪检监察组会同局计划建设科对在建项目开展专项检查9次，发现问题23个。\n\n"
            "中共某市纪委监委驻市交通运输局纪检监察组\n2024年12月30日\n")
    assert measures(tmp_path, text, ["群众身边不正之风和腐败问题集中整治"]) == {
        ("9次", "群众身边不正之风和腐败问题集中整治"), ("23个", "群众身边不正之风和腐败问题集中整治")}


def test_a_head_count_of_participants_measures_the_work_it_follows(tmp_path):
    text = "二、扎实开展党纪学习教育\n局党组组织开展党纪学习教育。举办专题读书班2期，开展警示教育4场，参加党员干部210人次。"
    got = measures(tmp_path, text, ["党纪学习教育"])
    assert ("210人次", "党纪学习教育") in got and ("4场", "党纪学习教育") in got
    text = "所党支部扎实开展主题教育，组织集中学习6次，参加全市党务知识竞赛3名。"
    assert measures(tmp_path, text, ["主题教育"]) == {("6次", "主题教育")}  # joining a contest: other work


def test_a_head_count_right_after_the_opening_campaign_clause_measures_it(tmp_path):
    # the sentence rules read past the clause's number to see the head count (参与人数达到430人)
    text = "集团组织驾驶员开展“安全驾驶承诺”签名活动，参与人数达到430人。"
    assert measures(tmp_path, text, ["“安全驾驶承诺”签名活动"]) == {("430人", "安全驾驶承诺签名活动")}
    text = "协会党支部开展“红色寄递”主题党日活动，参与党员210人次。"
    assert measures(tmp_path, text, ["“红色寄递”主题党日活动"]) == {("210人次", "红色寄递主题党日活动")}
    text = "协会开展“红色寄递”主题党日活动，参与全市党务知识竞赛3次。"  # joining a contest: other work
    assert measures(tmp_path, text, ["“红色寄递”主题党日活动"]) == set()


def test_items_of_a_sentence_are_read_on_their_own(tmp_path):
    text = ("2024年，大队将围绕“交通强县”建设目标，重点抓好两个方面：一是持续推进“铁腕治超”行动，"
            "力争超限率控制在1%以内；二是新增非现场执法检测点3个。")
    assert measures(tmp_path, text, ["“交通强县”建设", "“铁腕治超”行动"]) == {("1%", "铁腕治超行动")}


def test_a_campaign_whose_deployment_is_followed_is_carried_out(tmp_path):
    text = "按照市支队“春雷”治超行动部署，本所联合公安交管大队开展联合治超，查处超限超载车辆93辆。"
    assert measures(tmp_path, text, ["“春雷”治超行动"]) == {("93辆", "春雷治超行动")}
    cited = "按照“双公示”工作要求，X%报送行政许可和行政处罚信息。"
    assert measures(tmp_path, cited, ["“双公示”"]) == set()


def test_a_campaign_taken_as_an_occasion_is_a_frame(tmp_path):
    text = ("下一步，该局将以“安全生产月”活动为契机，持续深化隐患排查整治专项行动，健全长效机制，"
            "确保隐患整改率达到100%。")
    assert measures(tmp_path, text, ["“安全生产月”活动", "隐患排查整治专项行动"]) == {
        ("100%", "隐患排查整治专项行动")}


def test_a_campaign_taken_as_an_aim_is_a_frame_and_one_taken_as_the_vehicle_is_not(tmp_path):
    aim = "2025年，我局将以交通强国建设试点县为目标，力争完成交通固定资产投资16亿元，新改建农村公路110公里。"
    assert measures(tmp_path, aim, ["交通强国建设试点"]) == set()
    vehicle = "大队以“清风护客”行动为抓手，查处非法营运车辆17辆。"
    assert measures(tmp_path, vehicle, ["“清风护客”行动"]) == {("17辆", "清风护客行动")}


def test_an_item_title_claims_only_the_campaign_it_carries_out(tmp_path):
    text = ("市中心负责人：我们持续深化“放管服”改革，道路运输高频事项实现“跨省通办”。"
            "去年推出定制客运线路12条。\n")
    assert measures(tmp_path, text, ["“放管服”改革", "“跨省通办”"]) == {("12条", "放管服改革")}


def test_a_report_on_one_campaign_gives_it_the_metrics_no_sentence_claims(tmp_path):
    text = ("某县交通运输局组织开展“安全生产月”系列活动\n一、广泛宣传\n全县发放宣传资料3200份。\n"
            "二、排查隐患\n配合县应急局检查企业12家次。\n")
    assert measures(tmp_path, text, ["“安全生产月”系列活动"]) == {("3200份", "安全生产月系列活动")}
    # a notice launching the campaign sets its targets: the plan rule gives it its body
    notice = "关于开展“安全生产月”系列活动的通知\n一、广泛宣传\n全县发放宣传资料不少于3200份。\n"
    assert measures(tmp_path, notice, ["“安全生产月”系列活动"]) == {("3200份", "安全生产月系列活动")}


def test_the_lead_of_a_news_item_names_its_campaign(tmp_path):
    text = ("某支队圆满完成春运执法保障任务\n来源：某支队\n"
            "3月5日，为期40天的春运工作圆满结束。春运期间，支队组织开展“春运护航”专项执法行动，全力保障群众出行。\n"
            "春运期间，支队累计出动执法人员6850人次，查处违法案件386宗。\n")
    assert measures(tmp_path, text, ["“春运护航”专项执法行动"]) == {
        ("6850人次", "春运护航专项执法行动"), ("386宗", "春运护航专项执法行动")}
    headed = text.replace("春运期间，支队累计", "一、执法保障\n春运期间，支队累计")
    assert measures(tmp_path, headed, ["“春运护航”专项执法行动"]) == set()


def test_a_travel_season_in_the_lead_is_the_time_of_the_campaign_carried_out_in_it(tmp_path):
    text = ("某支队圆满完成春运执法保障任务\n来源：某支队\n"
            "3月5日，为期40天的2024年春运工作圆满结束。期间，支队组织开展“春运护航”专项执法行动，全力保障群众出行。\n"
            "春运期间，支队累计出动执法人员6850人次，查处违法案件386宗。\n")
    # the 40 days are the season's length, not a result of it
    assert measures(tmp_path, text, ["“春运护航”专项执法行动", "2024年春运"]) == {
        ("6850人次", "春运护航专项执法行动"), ("386宗", "春运护航专项执法行动")}
    alone = text.replace("为期40天的2024年春运工作圆满结束。期间，支队组织开展“春运护航”专项执法行动", "支队组织开展2024年春运执法保障")
    assert measures(tmp_path, alone, ["2024年春运"]) == {("6850人次", "2024年春运"), ("386宗", "2024年春运")}


def test_a_paragraph_lead_campaign_reaches_the_items_that_name_none(tmp_path):
    text = ("按照县安委会部署，大队扎实开展安全生产专项整治三年行动巩固提升工作。一是加强“两客一危”监管，"
            "排查安全隐患86处，整改率100%。二是开展“安全生产月”活动，组织应急演练3场。\n")
    assert measures(tmp_path, text, ["安全生产专项整治三年行动", "“安全生产月”活动"]) == {
        ("86处", "安全生产专项整治三年行动"), ("100%", "安全生产专项整治三年行动"), ("3场", "安全生产月活动")}


def test_a_first_item_or_a_lists_first_task_is_no_lead_for_the_items_after_it(tmp_path):
    text = "一是持续开展作风建设专项整治“回头看”，巩固整治成果；二是加强监督，开展廉政谈话130人次。\n"
    assert measures(tmp_path, text, ["作风建设专项整治“回头看”"]) == set()
    text = "一是巩固专项行动成果，开展“打非治违”专项行动。二是推动非现场执法，年内新建治超检测点5处。\n"
    assert measures(tmp_path, text, ["“打非治违”专项行动"]) == set()
    text = "下半年将抓好三项工作：（一）开展道路运输非法营运专项整治；（二）培训从业人员380人次。\n"
    assert measures(tmp_path, text, ["道路运输非法营运专项整治"]) == set()


def test_work_done_around_a_campaign_reports_on_it_but_a_goal_it_modifies_only_frames(tmp_path):
    text = "围绕“服务质量提升年”活动，我局督促企业落实岗前培训，全年培训从业人员4200人次。"
    assert measures(tmp_path, text, ["“服务质量提升年”活动"]) == {("4200人次", "服务质量提升年活动")}
    goal = "围绕“交通强县”建设目标，我局新增非现场执法检测点3个。"
    assert measures(tmp_path, goal, ["“交通强县”建设"]) == set()


def test_the_plan_of_one_campaign_gives_it_every_metric_of_its_body(tmp_path):
    text = ("某县交通运输局关于印发《某县货运“百日攻坚”行动实施方案》的通知\n"
            "现将《某县货运“百日攻坚”行动实施方案》印发给你们。\n"
            "一、工作目标\n全县检查企业不少于120家次，隐患整改率达到100%。\n"
            "二、工作措施\n开展“安全宣传周”活动，发放资料不少于2000份。\n")
    got = measures(tmp_path, text, ["货运“百日攻坚”行动", "“安全宣传周”活动"])
    assert {("120家次", "货运百日攻坚行动"), ("100%", "货运百日攻坚行动"), ("2000份", "货运百日攻坚行动"),
            ("2000份", "安全宣传周活动")} <= got
    assert ("120家次", "安全宣传周活动") not in got


def test_a_plans_task_the_text_gives_another_work_measures_that_work_only(tmp_path):
    text = ("某县交通运输局关于印发《某县公交“优先发展”三年行动实施方案》的通知\n"
            "现将《某县公交“优先发展”三年行动实施方案》印发给你们。\n"
            "一、工作目标\n全县公交分担率达到45%。\n"
            "二、工作措施\n开展“零碳公交”示范线创建，新开通示范线路3条。"
            "结合“安全宣传月”活动，开展公交安全宣讲4场。\n")
    got = measures(tmp_path, text, ["公交“优先发展”三年行动", "“零碳公交”示范线创建", "“安全宣传月”活动"])
    assert {("45%", "公交优先发展三年行动"), ("3条", "零碳公交示范线创建"), ("4场", "安全宣传月活动"),
            ("4场", "公交优先发展三年行动")} <= got
    assert ("3条", "公交优先发展三年行动") not in got


def _outside_titles(norm: str, c) -> bool:
    """Whether mention ``c`` lies on a line holding no 《》 (the pipeline makes none inside a document's title)."""
    return "《" not in norm[norm.rfind("\n", 0, c.start) + 1:norm.find("\n", c.start)]


def _measures_past_titles(tmp_path, text: str, campaigns: list[str]) -> set[tuple[str, str]]:
    """:func:`helpers.measures` without the campaign mentions of lines holding a 《》."""
    return measures(tmp_path, text, campaigns, keep=_outside_titles)


def test_a_plan_whose_preamble_names_its_campaign_then_goes_on_gives_it_every_metric(tmp_path):
    # the plan's title (in the notice's 《》) holds no mention; the preamble names the campaign whole, then 制定本方案
    text = ("某市交通运输局关于印发《某市农村客货邮融合发展“畅通三级网”行动方案》的通知\n"
            "现将《某市农村客货邮融合发展“畅通三级网”行动方案》印发给你们。\n"
            "为加快完善农村物流网络，市局决定组织实施农村客货邮融合发展“畅通三级网”行动，制定本方案。\n"
            "一、工作目标\n到2026年底，开通客货邮融合线路不少于40条。\n")
    got = _measures_past_titles(tmp_path, text, ["农村客货邮融合发展“畅通三级网”行动"])
    assert got == {("40条", "农村客货邮融合发展畅通三级网行动")}


def test_a_forwarded_notices_campaign_named_in_the_preamble_gets_no_whole_body(tmp_path):
    text = ("某省交通运输厅关于转发《某部关于开展2025年“安全生产月”活动的通知》的通知\n"
            "现将《某部关于开展2025年“安全生产月”活动的通知》转发给你们。\n"
            "一、提高思想认识。各地要认真组织开展“安全生产月”活动，结合实际抓好落实。\n"
            "二、及时报送信息。各地发放资料不少于5万份。\n")
    assert _measures_past_titles(tmp_path, text, ["“安全生产月”活动"]) == set()


def test_a_plans_title_holding_a_campaigns_name_inside_a_longer_word_is_not_its_plan(tmp_path):
    # 三年行动 stands in 《…品质提升三年行动实施方案》 but does not open a name there
    text = ("某市交通运输局关于印发《某市客运服务品质提升三年行动实施方案》的通知\n"
            "现将《某市客运服务品质提升三年行动实施方案》印发给你们。\n"
            "为巩固三年行动成效，制定本方案。\n"
            "一、工作目标\n到2026年底，新增城乡公交线路不少于20条。\n")
    assert _measures_past_titles(tmp_path, text, ["三年行动"]) == set()


def test_the_notice_launching_one_campaign_gives_it_every_metric_of_its_body(tmp_path):
    text = ("某市交通运输局关于开展“清风2025”货运专项整治行动的通知\n"
            "各县（区）交通运输局：\n市局决定在全市开展“清风2025”货运专项整治行动。现将有关事项通知如下。\n"
            "一、主要任务\n（一）开展企业隐患排查。各县局要检查企业不少于300家次。\n"
            "（二）强化培训。全市培训驾驶员不少于2000人次。\n")
    got = measures(tmp_path, text, ["“清风2025”货运专项整治行动"])
    assert got == {("300家次", "清风2025货运专项整治行动"), ("2000人次", "清风2025货运专项整治行动")}


def test_a_notice_about_other_work_gives_its_body_to_no_campaign(tmp_path):
    text = ("某市交通运输局关于做好“四好农村路”建设工作的通知\n各县（区）交通运输局：\n"
            "一、主要任务\n（一）加强养护。全年完成养护里程不少于300公里。\n")
    assert measures(tmp_path, text, ["“四好农村路”建设"]) == set()


def test_a_plan_covering_many_campaigns_gives_none_its_whole_body(tmp_path):
    text = ("某县交通运输局2025年工作要点\n一、安全生产\n深入开展“平安交通”创建，排查隐患不少于100处。\n"
            "二、农村公路\n推进“四好农村路”建设，新改建农村公路50公里。\n")
    got = measures(tmp_path, text, ["“平安交通”创建", "“四好农村路”建设"])
    assert got == {("100处", "平安交通创建"), ("50公里", "四好农村路建设")}


def test_the_campaign_a_sentence_opens_in_takes_its_metrics_past_other_campaigns(tmp_path):
    text = ("结合“安全生产月”活动，我站开展“安全大讲堂”巡回宣讲8场，培训从业人员3650人次。"
            "在“安全生产月”活动中，中心开展“安全宣传咨询日”活动，发放宣传资料2300份。")
    got = measures(tmp_path, text, ["“安全生产月”活动", "“安全大讲堂”巡回宣讲", "“安全宣传咨询日”活动"])
    assert {("8场", "安全生产月活动"), ("3650人次", "安全生产月活动"), ("2300份", "安全生产月活动"),
            ("8场", "安全大讲堂巡回宣讲")} <= got
    season = "春运期间，支队组织开展“春运护航”专项执法行动，累计出动执法人员5420人次。"
    assert measures(tmp_path, season, ["春运", "“春运护航”专项执法行动"]) == {("5420人次", "春运护航专项执法行动")}


def test_an_item_title_carrying_a_campaign_out_measures_its_metrics_past_other_campaigns(tmp_path):
    text = ("2.深入推进“四好农村路”建设。新改建农村公路100公里，实施农村公路安全生命防护工程60公里。\n"
            "3.安全生产专项整治成效明显。会同县公安局开展“打非治违”联合行动，查处车辆12辆。\n")
    got = measures(tmp_path, text, ["“四好农村路”建设", "农村公路安全生命防护工程", "安全生产专项整治",
                                    "“打非治违”联合行动"])
    assert {("100公里", "四好农村路建设"), ("60公里", "四好农村路建设"),
            ("60公里", "农村公路安全生命防护工程"), ("12辆", "打非治违联合行动")} <= got
    assert ("12辆", "安全生产专项整治") not in got  # a title that only opens with it is its topic


def test_a_campaign_after_a_verb_of_result_is_an_object_not_the_subject(tmp_path):
    text = "全年新改建农村公路186公里，完成农村公路安全生命防护工程210公里，完成投资3.6亿元，同比增长11.2%。"
    got = measures(tmp_path, text, ["农村公路安全生命防护工程"])
    assert got == {("210公里", "农村公路安全生命防护工程")}
    subject = "某船闸工程完成年度投资3520万元，占年度计划的78.22%。"
    assert measures(tmp_path, subject, ["某船闸工程"]) == {("3520万元", "某船闸工程"), ("78.22%", "某船闸工程")}


def test_a_paragraph_saying_what_the_year_is_for_a_campaign_does_not_give_it_the_paragraph(tmp_path):
    text = ("2024年是“畅通某市”三年行动的攻坚之年。主要目标是：新改建农村公路800公里，改造危桥50座；"
            "道路客运量力争达到2000万人次。")
    assert measures(tmp_path, text, ["“畅通某市”三年行动"]) == set()
    opening = "“畅通某市”三年行动成效明显。新改建农村公路800公里，改造危桥50座。"
    assert measures(tmp_path, opening, ["“畅通某市”三年行动"]) == {("800公里", "畅通某市三年行动"),
                                                               ("50座", "畅通某市三年行动")}


def test_a_narrative_first_sentence_gives_its_paragraph_only_the_metrics_no_other_campaign_claims(tmp_path):
    narrative = ("局机关党委深入开展“模范机关”创建，落实主题党日制度。开展“党建+项目”行动，组建党员先锋队8支。"
                 "签订共建协议6份。")
    got = measures(tmp_path, narrative, ["“模范机关”创建", "“党建+项目”行动"])
    assert got == {("8支", "党建+项目行动"), ("6份", "模范机关创建")}
    headline = "2.深入推进“模范机关”创建。开展“党建+项目”行动，组建党员先锋队8支。签订共建协议6份。"
    got = measures(tmp_path, headline, ["“模范机关”创建", "“党建+项目”行动"])
    assert ("8支", "模范机关创建") in got and ("8支", "党建+项目行动") in got


def test_a_narrative_item_title_listing_several_campaigns_gives_its_metrics_to_none(tmp_path):
    text = ("（三）安全形势平稳\n\n全面落实“平安交通”三年行动任务，深入开展“安全生产月”活动和隐患排查整治。"
            "全年排查安全隐患150处，整改到位148处；组织应急演练6场。\n")
    assert measures(tmp_path, text, ["“平安交通”三年行动", "“安全生产月”活动"]) == set()


def test_a_narrative_item_title_with_one_campaign_still_gives_it_the_item(tmp_path):
    text = ("（三）安全形势平稳\n\n支队扎实推进“平安交通”三年行动，压实企业主体责任。"
            "全年排查安全隐患150处，整改到位148处。\n")
    assert measures(tmp_path, text, ["“平安交通”三年行动"]) == {("150处", "平安交通三年行动"),
                                                            ("148处", "平安交通三年行动")}


def test_a_whole_areas_figures_for_a_period_are_not_the_results_of_the_heading_campaign(tmp_path):
    # under a heading naming a campaign, the area's figures for a calendar period (even past a
    # semicolon) are statistics, not its results; work done under it stays its results
    text = ("一、工作情况\n（一）扎实推进“美丽航道”示范工程。\n"
            "1至10月，全市完成航道疏浚土方86万立方米，同比增长5.4%；清除碍航物3120处。\n"
            "去年同期，全市共检查企业426家次。\n完成航道整治12公里。\n"
            "春运期间，全市检查客渡船30艘次。\n")
    assert measures(tmp_path, text, ["“美丽航道”示范工程"]) == {("12公里", "美丽航道示范工程"),
                                                            ("30艘次", "美丽航道示范工程")}


def test_a_whole_areas_figures_for_a_period_are_not_the_results_of_a_news_items_campaign(tmp_path):
    lead = ("甲市启动“温暖公交”服务提升行动\n"
            "11月1日，甲市交通运输局组织开展“温暖公交”服务提升行动，全力保障市民冬季出行。\n")
    got = measures(tmp_path, lead + "行动期间，新增定制公交线路8条。\n今年以来，全市公交累计更新新能源公交车586辆。\n",
                   ["“温暖公交”服务提升行动"])
    assert got == {("8条", "温暖公交服务提升行动")}


def test_what_a_body_has_and_sourced_area_figures_are_not_the_results_of_a_news_items_campaign(tmp_path):
    lead = ("甲市启动“温暖公交”服务提升行动\n"
            "11月1日，甲市交通运输局组织开展“温暖公交”服务提升行动，全力保障市民冬季出行。\n")
    got = measures(tmp_path, lead + "行动期间，新增定制公交线路8条。\n据了解，甲市公交协会现有会员企业42家。\n"
                   "据统计，截至去年底，全市共有公交车1200辆。\n", ["“温暖公交”服务提升行动"])
    assert got == {("8条", "温暖公交服务提升行动")}


def test_a_bare_season_word_given_to_a_named_campaign_does_not_stand_for_it(tmp_path):
    text = ("局里组织开展“温暖回家路”春运服务活动，开通夜间公交专线9条。\n"
            "保障物资运输方面，市交通运输局建立春运充电保障机制，新增充电桩126个。\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {"“温暖回家路”春运服务活动": "温暖回家路春运服务活动"})
    at = sdoc.source.norm.index("春运充电")
    # the resolver may give a later bare 春运 to the campaign whose name holds it: it still names the season
    camps.append(replace(camps[0], text="春运", start=at, end=at + 2))
    got = {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}
    assert got == {("9条", "温暖回家路春运服务活动")}


SUMMARY = ("某市交通运输综合行政执法支队“护航”专项行动工作总结\n\n"
           "今年以来，支队在全市组织开展了交通运输领域“护航”专项行动，取得了阶段性成效。现将有关情况总结如下。\n\n"
           "一、主要做法\n"
           "东城大队聚焦客运站周边，出动执法人员320人次，查处非法营运车辆16辆。\n")


def _named(tmp_path, text, mentions, name):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {m: name for m in mentions})
    return {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}


def test_a_summary_titled_with_one_campaign_gives_it_the_unclaimed_metrics(tmp_path):
    got = _named(tmp_path, SUMMARY, ["“护航”专项行动", "交通运输领域“护航”专项行动"], "交通运输领域护航专项行动")
    assert got == {("320人次", "交通运输领域护航专项行动"), ("16辆", "交通运输领域护航专项行动")}


def test_a_summary_title_campaign_never_taken_up_again_claims_nothing(tmp_path):
    # the title's mention names a campaign the body never speaks of again: no subject to report on
    text = SUMMARY.replace("交通运输领域“护航”专项行动", "各项执法工作")
    assert _named(tmp_path, text, ["“护航”专项行动"], "护航专项行动") == set()


def test_a_season_summary_does_not_give_the_season_its_figures(tmp_path):
    text = ("某市交通运输局2024年春运工作总结\n\n2024年春运自1月26日开始，至3月5日结束。现将有关情况总结如下。\n\n"
            "一、基本情况\n春运期间全市道路客运量完成1200万人次，出动执法人员320人次。\n")
    got = _named(tmp_path, text, ["2024年春运"], "2024年春运")
    assert ("1200万人次", "2024年春运") not in got and ("320人次", "2024年春运") not in got


def test_a_summary_title_campaign_taken_up_again_by_a_fuller_name(tmp_path):
    # before linking, the title's short form and the body's fuller form are mentions of different names
    path = tmp_path / "t.txt"
    path.write_text(SUMMARY, encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {"“护航”专项行动": "护航专项行动",
                                         "交通运输领域“护航”专项行动": "交通运输领域护航专项行动"})
    got = {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}
    assert {head for head, _ in got} == {"320人次", "16辆"}


def test_campaigns_named_as_examples_of_a_kind_of_work_do_not_take_the_run_after_them(tmp_path):
    text = ("全市交通运输系统持续推进“平安交通”建设，开展“平安运输行”“护航畅行”等活动，组织应急演练120场，"
            "培训驾驶员3000人次。")
    assert measures(tmp_path, text, ["“平安交通”建设", "“平安运输行”", "“护航畅行”"]) == set()


def test_examples_opening_an_item_take_only_the_figures_of_a_clause_naming_them(tmp_path):
    text = "市公交公司联合出租车协会开展“暖心助考”“扶老出行”等志愿服务，组织志愿者300余人，全年暖心助考车辆120辆次。"
    got = measures(tmp_path, text, ["“暖心助考”", "“扶老出行”"])
    assert ("300余人", "暖心助考") not in got and ("300余人", "扶老出行") not in got
    assert ("120辆次", "暖心助考") in got


def test_a_count_right_after_the_examples_counts_their_kind_not_one_of_them(tmp_path):
    text = "各区县制定工作方案，部署“畅行护航”“净路清障”等6项重点任务，组织开展“净路清障”行动检查3次。"
    got = measures(tmp_path, text, ["“畅行护航”", "“净路清障”"])
    assert ("6项", "畅行护航") not in got and ("6项", "净路清障") not in got
    assert ("3次", "净路清障") in got
    # a kind noun between 等 and the count, and the clause after it: neither example's figures (review 18, 7)
    text = "我局开展“安全进校园”“安全进企业”等宣传活动6场，培训驾驶员460人次。"
    assert measures(tmp_path, text, ["“安全进校园”", "“安全进企业”"]) == set()


def test_a_single_campaign_of_a_later_clause_still_takes_the_run_after_it(tmp_path):
    text = ("全市交通运输系统持续推进“平安交通”建设，开展“护航畅行”等活动，组织应急演练120场，"
            "培训驾驶员3000人次。")
    assert measures(tmp_path, text, ["“平安交通”建设", "“护航畅行”"]) == {
        ("120场", "护航畅行"), ("3000人次", "护航畅行")}


def test_two_campaigns_of_a_later_clause_give_the_run_to_the_one_its_clause_names_only(tmp_path):
    # review 16 (1.7): a writer lists the campaigns in any order; when the run's clause names neither, the
    # run is neither's alone, whichever comes first
    text = "全市交通运输系统持续推进“平安交通”建设，开展“平安运输行”和“护航畅行”活动，组织应急演练120场。"
    assert measures(tmp_path, text, ["“平安交通”建设", "“平安运输行”", "“护航畅行”活动"]) == set()
    text = "全市交通运输系统持续推进“平安交通”建设，开展“护航畅行”和“平安运输行”活动，组织应急演练120场。"
    assert measures(tmp_path, text, ["“平安交通”建设", "“平安运输行”活动", "“护航畅行”"]) == set()
    # the clause names the second one's object: that one
    text = "全市交通运输系统持续推进“平安交通”建设，开展“平安运输行”和“护航畅行”活动，组织护航畅行应急演练120场。"
    assert measures(tmp_path, text, ["“平安交通”建设", "“平安运输行”", "“护航畅行”活动"]) == {
        ("120场", "护航畅行活动")}


def test_a_whole_areas_figures_for_a_period_are_not_the_results_of_an_items_campaign(tmp_path):
    # an item whose title carries a campaign out: its work is the campaign's, the area's figures
    # for a calendar period in it are statistics (as under a heading or in a news item)
    text = ("二是深入推进“畅安舒美”示范路创建。新建示范路12公里，完善沿线设施36处。"
            "今年以来，全市完成交通固定资产投资86.4亿元，同比增长11.3%。\n")
    assert measures(tmp_path, text, ["“畅安舒美”示范路创建"]) == {("12公里", "畅安舒美示范路创建"),
                                                              ("36处", "畅安舒美示范路创建")}


def test_a_campaign_as_the_driving_force_of_other_work_is_a_frame(tmp_path):
    text = "以“交通强省”示范创建为牵引，全年新改建农村公路612公里，改造危桥38座。"
    assert measures(tmp_path, text, ["“交通强省”示范创建"]) == set()


def test_a_campaign_in_the_purpose_of_the_work_is_a_frame(tmp_path):
    text = "为推动道路运输安全专项整治落地见效，6月9日至20日，市局抽调人员组成4个暗访组，对全市6个县开展暗访督查。"
    assert measures(tmp_path, text, ["道路运输安全专项整治"]) == set()


def test_the_length_of_a_travel_season_measures_no_campaign(tmp_path):
    text = "2025年春运自1月14日开始，至2月22日结束，共40天。春运期间，全市发送旅客512万人次。"
    got = measures(tmp_path, text, ["2025年春运"])
    assert ("40天", "2025年春运") not in got
    text = "支队组织开展“岗位大练兵”活动，选派18名业务骨干集中封闭训练45天。"
    assert ("45天", "岗位大练兵活动") in measures(tmp_path, text, ["“岗位大练兵”活动"])


def test_figures_since_a_date_or_at_a_ceremony_are_not_a_heading_campaigns_results(tmp_path):
    text = ("一、深入开展“春雷”专项行动\n"
            "支队组织开展联合执法12次，查处违法车辆93辆。今年以来，市交通运输局12328热线受理出租汽车投诉326件。"
            "启动仪式上，6家企业代表宣读了倡议书。\n")
    got = measures(tmp_path, text, ["“春雷”专项行动"])
    assert ("93辆", "春雷专项行动") in got
    assert ("326件", "春雷专项行动") not in got and ("6家", "春雷专项行动") not in got


def test_a_sentence_opening_with_the_span_of_the_work_just_told_measures_its_campaign(tmp_path):
    text = ("大队召开“路政宣传月”启动会，对宣传月各项工作作了安排。活动期间，大队共发放宣传资料4200余份，设置宣传咨询点6个。\n"
            "支队组织开展“铁腕治超”春季攻坚行动，设置联合检查点3个。期间查处超限超载车辆263辆。\n")
    got = measures(tmp_path, text, ["“路政宣传月”", "“铁腕治超”春季攻坚行动"])
    assert {("4200余份", "路政宣传月"), ("6个", "路政宣传月"), ("263辆", "铁腕治超春季攻坚行动")} <= got
    assert ("263辆", "路政宣传月") not in got


def test_the_jurisdictions_figures_for_a_period_are_not_an_items_campaigns_results(tmp_path):
    text = ("二是深入推进“碧水护航”专项行动。检查船舶152艘次。"
            "全年辖区船舶生活垃圾接收量达到386吨，联单闭环率达到99.2%。\n")
    assert measures(tmp_path, text, ["“碧水护航”专项行动"]) == {("152艘次", "碧水护航专项行动")}


def test_integrity_talks_measure_only_an_integrity_campaign(tmp_path):
    # a study campaign the sentence opens with: its study sessions, not the body's integrity talks
    text = "局党组深入开展党纪学习教育，组织集中学习8次，局领导班子成员开展廉政谈话86人次。"
    assert measures(tmp_path, text, ["党纪学习教育"]) == {("8次", "党纪学习教育")}
    text = "局党组将持续巩固党纪学习教育成果，确保廉政谈话覆盖率100%。"
    assert measures(tmp_path, text, ["党纪学习教育"]) == set()
    # an integrity campaign is measured by them
    text = "中心党支部深化“清廉交通”建设，开展廉政谈话28人次，排查廉政风险点8个。"
    assert measures(tmp_path, text, ["“清廉交通”建设"]) == {("28人次", "清廉交通建设"), ("8个", "清廉交通建设")}


def test_a_season_heading_a_section_or_an_item_does_not_take_its_figures(tmp_path):
    text = ("某集团公司2027年春运工作总结\n\n2027年春运自1月14日开始，至2月22日结束。现将有关情况总结如下。\n\n"
            "一、2027年春运基本情况\n\n集团公司累计发送旅客96.8万人次，投入营运客车628辆。\n\n"
            "二、“春风行动”开展情况\n\n集团公司在各客运站设立爱心服务台8个，帮扶重点旅客3260人次。\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {"2027年春运": "2027年春运", "“春风行动”": "春风行动"})
    got = {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}
    assert not any(name == "2027年春运" for _, name in got)
    assert ("8个", "春风行动") in got and ("3260人次", "春风行动") in got
