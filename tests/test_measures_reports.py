"""MEASURES over whole reports and plans: which titles make a document the account of one campaign."""

from __future__ import annotations

import pytest

from helpers import measures


PROGRESS = ("某市港航中心关于船舶碰撞桥梁隐患专项整治进展情况的报告\n\n市交通运输局：\n\n"
            "我中心自5月起组织开展船舶碰撞桥梁隐患专项整治。现将进展情况报告如下。\n\n"
            "一、工作开展情况\n\n（一）加强巡航。中心查处船舶超高违法行为114起，罚款83.2万元。\n")


def test_a_report_about_a_drives_progress_gives_it_the_unclaimed_metrics(tmp_path):
    got = measures(tmp_path, PROGRESS, ["船舶碰撞桥梁隐患专项整治"])
    assert got == {("114起", "船舶碰撞桥梁隐患专项整治"), ("83.2万元", "船舶碰撞桥梁隐患专项整治")}


def test_a_report_about_a_standing_system_gives_it_no_metrics(tmp_path):
    text = PROGRESS.replace("船舶碰撞桥梁隐患专项整治", "路长制")
    assert measures(tmp_path, text, ["路长制"]) == set()


def test_a_whole_areas_figures_for_a_year_told_by_a_speaker_are_not_a_news_items_results(tmp_path):
    lead = ("甲市启动“铁腕护路”行动\n"
            "11月1日，甲市交通运输局组织开展“铁腕护路”行动，严厉打击超限超载。\n")
    got = measures(tmp_path, lead + "当日共查处超限车辆9辆。\n据介绍，2025年全市共检测货运车辆186.4万辆次。\n",
                   ["“铁腕护路”行动"])
    assert got == {("9辆", "铁腕护路行动")}


def test_a_problems_section_states_shortfalls_not_a_report_campaigns_results(tmp_path):
    text = (PROGRESS + "\n二、存在问题\n\n部分码头接收设施利用率仅为65%，12艘船舶尚未完成改造。\n\n"
            "下一步，中心将力争年底前隐患整改率达到100%。\n")
    got = measures(tmp_path, text, ["船舶碰撞桥梁隐患专项整治"])
    assert ("114起", "船舶碰撞桥梁隐患专项整治") in got and ("100%", "船舶碰撞桥梁隐患专项整治") in got
    assert ("65%", "船舶碰撞桥梁隐患专项整治") not in got and ("12艘", "船舶碰撞桥梁隐患专项整治") not in got


def test_nearly_in_a_problems_section_is_no_turn_to_the_work_ahead(tmp_path):
    text = PROGRESS + "\n二、存在问题\n\n部分码头接收设施利用率仅为65%，将近12艘船舶尚未完成改造。\n"
    got = measures(tmp_path, text, ["船舶碰撞桥梁隐患专项整治"])
    assert ("114起", "船舶碰撞桥梁隐患专项整治") in got
    assert ("65%", "船舶碰撞桥梁隐患专项整治") not in got and ("12艘", "船舶碰撞桥梁隐患专项整治") not in got


def test_a_paragraph_opening_with_a_wider_period_is_no_news_items_result(tmp_path):
    lead = ("甲区交通运输局第一党支部开展“红色领航”主题党日活动\n\n"
            "7月1日，甲区交通运输局第一党支部组织全体党员开展“红色领航”主题党日活动。\n\n"
            "活动中，党员们参观展区4个。\n\n")
    later = "据了解，今年以来，局机关党委持续加强支部建设。上半年，3个党支部共召开支委会24次。\n"
    got = measures(tmp_path, lead + later, ["“红色领航”主题党日活动"])
    assert got == {("4个", "红色领航主题党日活动")}
    # a paragraph that only goes on with the action keeps it
    got = measures(tmp_path, lead + "活动结束后，党员们又为群众办实事11件。\n", ["“红色领航”主题党日活动"])
    assert ("11件", "红色领航主题党日活动") in got


def test_what_an_area_has_is_no_plans_target(tmp_path):
    text = ("甲市驾培机构“清风”专项整治行动实施方案\n\n"
            "为规范驾培市场，决定开展“清风”专项整治行动。\n\n"
            "一、基本情况\n\n全市现有驾培机构47家、教练车2680辆。\n\n"
            "二、工作目标\n\n检查驾培机构不少于40家。\n")
    got = measures(tmp_path, text, ["“清风”专项整治行动"])
    assert ("40家", "清风专项整治行动") in got
    assert not {("47家", "清风专项整治行动"), ("2680辆", "清风专项整治行动")} & got


def test_what_a_speaker_says_an_area_has_is_no_news_items_result(tmp_path):
    text = ("乙镇开展“平安回家”农村客运安全宣传活动\n\n"
            "9月28日，乙镇交管站开展“平安回家”农村客运安全宣传活动。\n\n"
            "活动中，发放宣传资料600份。镇交管站站长介绍，乙镇现有农村客运班线9条。"
            "辖区共有客运渡口6道、渡船19艘。\n")
    got = measures(tmp_path, text, ["“平安回家”农村客运安全宣传活动"])
    assert ("600份", "平安回家农村客运安全宣传活动") in got
    assert not {("9条", "平安回家农村客运安全宣传活动"), ("6道", "平安回家农村客运安全宣传活动"),
                ("19艘", "平安回家农村客运安全宣传活动")} & got


def test_an_areas_network_total_is_no_reports_result(tmp_path):
    text = ("关于“净路”专项整治行动进展情况的报告\n\n"
            "3月起，我局开展“净路”专项整治行动。全市普通国省干线公路总里程1846公里，其中国道612公里。"
            "行动中清理非公路标志486块。全县新改建农村公路总里程128公里。\n")
    got = measures(tmp_path, text, ["“净路”专项整治行动"])
    assert {("486块", "净路专项整治行动"), ("128公里", "净路专项整治行动")} <= got
    assert not {("1846公里", "净路专项整治行动"), ("612公里", "净路专项整治行动")} & got


@pytest.mark.parametrize("total", ["总里程达1846公里", "总里程约为1846公里", "总里程达到1846公里"])
def test_an_areas_total_is_a_stock_whatever_verb_gives_it(tmp_path, total):
    # review 16 (1.4): no verb after 总里程 marks a result; only the drive's work in the clause does
    text = ("关于“净路”专项整治行动进展情况的报告\n\n"
            f"3月起，我局开展“净路”专项整治行动。行动中清理非公路标志486块。全市普通国省干线公路{total}。\n")
    got = measures(tmp_path, text, ["“净路”专项整治行动"])
    assert got == {("486块", "净路专项整治行动")}


def test_a_results_count_with_gongyou_is_no_stock(tmp_path):
    text = ("关于“清风”专项整治行动进展情况的报告\n\n"
            "3月起，我局开展“清风”专项整治行动。全市共检查驾培机构120家，共有38家存在问题。\n")
    got = measures(tmp_path, text, ["“清风”专项整治行动"])
    assert {("120家", "清风专项整治行动"), ("38家", "清风专项整治行动")} <= got


def test_a_plans_target_on_what_an_area_has_is_a_target(tmp_path):
    text = ("甲市“畅通”专项行动实施方案\n\n"
            "为保障道路畅通，决定开展“畅通”专项行动。\n\n"
            "一、工作目标\n\n完成现有28座危桥改造，新建桥梁5座。"
            "全市新能源公交车保有量达到1200辆，公交站点覆盖率达到100%。\n")
    got = measures(tmp_path, text, ["“畅通”专项行动"])
    assert {("28座", "畅通专项行动"), ("5座", "畅通专项行动"), ("1200辆", "畅通专项行动"),
            ("100%", "畅通专项行动")} <= got


def test_a_drives_report_opening_with_a_wider_period_keeps_its_results(tmp_path):
    text = ("关于“蓝天”专项整治进展情况的报告\n\n"
            "近年来，我局把治超作为重点工作。执法大队累计检查车辆3200辆，查处违法车辆45辆。\n\n"
            "下一步，我局将持续推进“蓝天”专项整治。\n")
    got = measures(tmp_path, text, ["“蓝天”专项整治"])
    assert {("3200辆", "蓝天专项整治"), ("45辆", "蓝天专项整治")} <= got


def test_a_report_titled_below_its_issuing_bodys_line_gives_its_campaign_the_unclaimed_metrics(tmp_path):
    text = ("某市公路事业发展中心\n关于2026年冬春“路域环境整治”行动工作总结\n\n"
            "市中心于2025年12月至2026年4月开展了冬春“路域环境整治”行动。现将工作开展情况总结如下。\n\n"
            "一、基本情况\n\n中心共出动路政人员1200人次，清除非公路标志牌486块。\n")
    got = measures(tmp_path, text, ["冬春“路域环境整治”行动"])
    assert got == {("1200人次", "冬春路域环境整治行动"), ("486块", "冬春路域环境整治行动")}


def test_a_cut_off_name_in_a_reports_title_claims_nothing(tmp_path):
    # the mention opens inside a word of the title (降本|增效): the campaign's name was cut, not reported on
    text = ("关于全市物流降本增效专项行动推进情况的报告\n\n市政府：\n\n我市开展增效专项行动以来，进展顺利。\n\n"
            "一、工作开展情况\n\n全市港口集装箱吞吐量完成28.6万标箱，新开通班列5条。\n")
    assert measures(tmp_path, text, ["增效专项行动"]) == set()
    text = text.replace("关于全市物流降本增效专项行动", "关于全市增效专项行动")
    assert measures(tmp_path, text, ["增效专项行动"]) != set()


def test_a_word_ending_like_a_body_or_a_year_opens_no_name_in_a_title(tmp_path):
    # 青年|文明号: 年 ends a word here, not a year; 社会|… likewise ends no body's name
    text = ("关于全市青年文明号创建活动开展情况的报告\n\n市政府：\n\n我市开展文明号创建活动以来，进展顺利。\n\n"
            "一、工作开展情况\n\n全市港口集装箱吞吐量完成28.6万标箱，新开通班列5条。\n")
    assert measures(tmp_path, text, ["文明号创建活动"]) == set()
    from kg.extract.measure_titles import opens_name
    title = "某市公路中心文明号创建活动工作总结"
    assert opens_name(title, 0, 6, {6}) and not opens_name(title, 0, 6)
    assert opens_name("关于2026年度文明号创建活动", 0, 8)


def test_a_reports_title_moves_to_the_second_line_only_below_its_authors_name(tmp_path):
    # the first line is a short heading, not the issuing body: it stays the title, and the campaign of the
    # second line is no report's subject
    text = ("工作简况\n关于“路域环境整治”行动工作总结\n\n"
            "“路域环境整治”行动开展以来进展顺利。\n\n一、基本情况\n\n中心共出动路政人员1200人次。\n")
    assert ("1200人次", "路域环境整治行动") not in measures(tmp_path, text, ["“路域环境整治”行动"])


JINTONG = ("某县交通运输局关于农村客运“金通工程”建设情况的报告\n\n县人民政府：\n\n"
           "2023年以来，我局把“金通工程”作为重点工作，全力推进农村客运提档升级。现将有关情况报告如下。\n\n"
           "一、建设成效\n\n（一）线路网络持续完善。全县优化调整农村客运班线48条，新开通公交线路16条。\n")


def test_a_drives_report_taken_up_by_its_quoted_core_gives_it_the_unclaimed_metrics(tmp_path):
    # the body names the project by the quoted core of the title's name (“金通工程”), the title says 建设情况的报告
    got = measures(tmp_path, JINTONG, ["农村客运“金通工程”", "“金通工程”"])
    assert {("48条", "农村客运金通工程"), ("16条", "农村客运金通工程")} <= got


def test_a_drives_report_taken_up_by_its_core_in_corner_brackets_gives_it_the_unclaimed_metrics(tmp_path):
    text = JINTONG.replace("我局把“金通工程”", "我局把「金通工程」")
    got = measures(tmp_path, text, ["农村客运“金通工程”", "「金通工程」"])
    assert {("48条", "农村客运金通工程"), ("16条", "农村客运金通工程")} <= got


def test_a_standing_creation_taken_up_by_its_quoted_core_gets_no_whole_summary(tmp_path):
    text = ("某区交通运输局\n2026年交通运输行业“平安交通”创建工作总结\n\n"
            "2026年，我局以“平安交通”创建为总抓手，全区安全形势总体平稳。现将有关情况总结如下。\n\n"
            "一、健全责任体系\n\n全年开展安全检查43次，检查企业586家。\n")
    assert measures(tmp_path, text, ["交通运输行业“平安交通”创建", "“平安交通”创建"]) == set()


@pytest.mark.parametrize("clause", ["全面推行农村公路“路长制”，设立村级路长335名",
                                    "中心联合交警开展“护路”夜查行动8次",
                                    "深入推进城乡交通运输一体化，开通城乡公交线路86条",
                                    "推进客货邮融合，开通客货邮合作线路9条",
                                    "中心开展码头防污染设施专项检查，检查码头企业12家"])
def test_a_clause_carrying_out_other_work_by_its_name_keeps_its_figures_from_the_reports_campaign(tmp_path, clause):
    text = PROGRESS + f"\n（二）统筹推进。{clause}。\n"
    got = measures(tmp_path, text, ["船舶碰撞桥梁隐患专项整治"])
    assert ("114起", "船舶碰撞桥梁隐患专项整治") in got
    assert not {m for m, c in got if c == "船舶碰撞桥梁隐患专项整治"} & {"335名", "8次", "86条", "9条", "12家"}
    # the report's own campaign carried out by name keeps them
    own = PROGRESS + "\n（二）统筹推进。中心深入推进船舶碰撞桥梁隐患专项整治，检查码头企业12家。\n"
    assert ("12家", "船舶碰撞桥梁隐患专项整治") in measures(tmp_path, own, ["船舶碰撞桥梁隐患专项整治"])


def test_a_named_works_part_of_a_sentence_reaches_its_figures_however_long_it_runs(tmp_path):
    # one part (no 。；) of well over 200 characters: the named work opening it still takes the figure at its end
    filler = "，".join(["加强组织领导", "压实各方责任", "完善工作机制", "强化督导检查", "健全长效机制"] * 8)
    text = PROGRESS + f"\n（二）统筹推进。全面推行农村公路“路长制”，{filler}，设立村级路长335名。\n"
    got = measures(tmp_path, text, ["船舶碰撞桥梁隐患专项整治"])
    assert ("114起", "船舶碰撞桥梁隐患专项整治") in got
    assert ("335名", "船舶碰撞桥梁隐患专项整治") not in got


@pytest.mark.parametrize("clause", ["中心集中开展此次专项整治，检查码头企业12家",
                                    "扎实开展本次专项整治，检查码头企业12家",
                                    "全面推进上述专项整治，检查码头企业12家"])
def test_a_deictic_reference_to_the_reports_own_campaign_is_not_other_work(tmp_path, clause):
    text = PROGRESS + f"\n（二）统筹推进。{clause}。\n"
    assert ("12家", "船舶碰撞桥梁隐患专项整治") in measures(tmp_path, text, ["船舶碰撞桥梁隐患专项整治"])


def test_the_reports_own_campaign_under_a_fuller_name_is_not_other_work():
    from kg.extract.measure_named_work import after_named_work
    from kg.model import Evidence, Mention, MetricMention

    text = "（二）统筹推进。中心深入开展“清风”专项整治行动，检查码头企业12家；开展“护路”夜查行动8次。"

    def ev(a: int, b: int) -> Evidence:
        return Evidence("t", a, b, "", 0, None)

    def campaign(shown: str, start: int | None = None) -> Mention:
        k = text.find(shown) if start is None else start
        return Mention("t", "CAMPAIGN", shown, k, k + len(shown), shown.replace("“", "").replace("”", ""),
                       ev(k, k + len(shown)))

    def metric(shown: str) -> MetricMention:
        k = text.find(shown)
        return MetricMention("t", shown, k, k + len(shown), None, "", "", "count", False, ev(k, k + len(shown)))

    own = campaign("“清风”专项整治", start=-100)  # the title's mention
    camps = [campaign("“清风”专项整治行动"), campaign("“护路”夜查行动")]
    assert after_named_work(text, [metric("12家"), metric("8次")], camps, own) == {1}


def test_the_document_rule_itself_passes_by_other_named_works_figures_with_the_chosen_campaign(tmp_path):
    # no cache keyed on whichever campaign the first link happens to carry: the rule decides with the one it chose
    from kg.extract.given_campaigns import campaign_mentions_for
    from kg.extract.measure_docs import document_rule
    from kg.extract.metrics import MetricExtractor
    from kg.ingest import read_document
    from kg.structure import structure_document

    path = tmp_path / "t.txt"
    path.write_text(PROGRESS + "\n（二）统筹推进。全面推行农村公路“路长制”，设立村级路长335名。\n", encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {"船舶碰撞桥梁隐患专项整治": "船舶碰撞桥梁隐患专项整治"})
    metrics = MetricExtractor().extract(sdoc)
    linked: set[str] = set()
    document_rule(sdoc, sdoc.source.norm, metrics, camps, lambda mi, ci, rule: linked.add(metrics[mi].text))
    assert "114起" in linked and "335名" not in linked


def test_a_report_about_a_special_rectification_gives_it_the_unclaimed_metrics(tmp_path):
    text = ("某市执法支队关于窗口服务作风专项整顿工作的总结\n\n支队于6月起在全系统开展了窗口服务作风专项整顿。现总结如下。\n\n"
            "一、主要做法\n\n（一）查摆问题。支队共查摆问题清单75条，已完成整改70条。\n")
    got = measures(tmp_path, text, ["窗口服务作风专项整顿"])
    assert got == {("75条", "窗口服务作风专项整顿"), ("70条", "窗口服务作风专项整顿")}


def test_a_report_on_a_stage_of_a_drive_gives_it_the_unclaimed_metrics(tmp_path):
    text = ("某县执法大队关于桥下空间专项整治行动阶段性工作总结\n\n今年6月以来，我大队在全县开展了桥下空间专项整治行动。现总结如下。\n\n"
            "一、主要做法\n\n（一）排查隐患。大队共排查桥梁64座，清理堆积物120处。\n")
    got = measures(tmp_path, text, ["桥下空间专项整治行动"])
    assert got == {("64座", "桥下空间专项整治行动"), ("120处", "桥下空间专项整治行动")}


@pytest.mark.parametrize("verb", ["成功举办", "圆满落幕"])
def test_a_news_title_of_an_event_held_gives_it_the_unclaimed_metrics(tmp_path, verb):
    text = (f"甲市第二届公交驾驶员职业技能竞赛{verb}\n\n"
            "9月5日，由甲市交通运输局主办、甲市公交集团有限公司承办的甲市第二届公交驾驶员职业技能竞赛在甲市举行。\n\n"
            "本届竞赛设理论和实操2个环节，来自全市15家企业的80名选手参赛。\n")
    got = measures(tmp_path, text, ["甲市第二届公交驾驶员职业技能竞赛"])
    assert got == {(n, "甲市第二届公交驾驶员职业技能竞赛") for n in ("2个", "15家", "80名")}


def test_a_speakers_account_of_a_wider_period_is_no_news_items_result(tmp_path):
    text = ("甲市第二届公交驾驶员职业技能竞赛成功举办\n\n"
            "9月5日，由甲市交通运输局主办的甲市第二届公交驾驶员职业技能竞赛在甲市举行。\n\n"
            "来自全市15家企业的80名选手参赛。局长张某在闭幕式上表示，近年来全市累计培训驾驶员3000人次。\n")
    got = measures(tmp_path, text, ["甲市第二届公交驾驶员职业技能竞赛"])
    assert got == {(n, "甲市第二届公交驾驶员职业技能竞赛") for n in ("15家", "80名")}


@pytest.mark.parametrize("since", ["近年来", "2024年以来", "二〇二四年以来", "3月以来"])
def test_a_speakers_account_since_any_date_is_no_news_items_result(tmp_path, since):
    # one list of periods since a date for every branch (review 20 #6): 二〇二四年以来 and 3月以来 too
    text = ("甲市第二届公交驾驶员职业技能竞赛成功举办\n\n"
            "9月5日，由甲市交通运输局主办的甲市第二届公交驾驶员职业技能竞赛在甲市举行。\n\n"
            f"来自全市15家企业的80名选手参赛。局长张某表示，{since}全市累计培训驾驶员3000人次。\n")
    got = measures(tmp_path, text, ["甲市第二届公交驾驶员职业技能竞赛"])
    assert got == {(n, "甲市第二届公交驾驶员职业技能竞赛") for n in ("15家", "80名")}
