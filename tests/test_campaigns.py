"""Campaign names: what stands before a quote, programmes, shared heads, verb phrases, years and phases."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.entities import find_mentions
from kg.ingest import read_document
from kg.structure import structure_document


@pytest.fixture
def campaigns(tmp_path):
    def run(text: str) -> list[str]:
        path = tmp_path / "t.txt"
        path.write_text(text + "\n", encoding="utf-8")
        sdoc = structure_document(read_document(path, tmp_path))
        return [m.name for m in find_mentions(sdoc) if m.label == "CAMPAIGN"]
    return run


@pytest.mark.parametrize("text, name", [
    ("局里深入开展道路运输“打非治违”专项行动。", "道路运输打非治违专项行动"),
    ("局里组织开展安全宣传“五进”活动。", "安全宣传五进活动"),
    ("鼎城区积极争创全国“四好农村路”示范县。", "全国四好农村路示范县"),
    ("局里率先开展市级“四好农村路”示范乡镇创建。", "市级四好农村路示范乡镇创建"),
    ("常德市“四好农村路”提质增效三年行动累计完成投资。", "常德市四好农村路提质增效三年行动"),
])
def test_field_place_and_level_words_before_a_quote_open_the_name(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_place_before_a_quoted_name_alone_only_says_where(campaigns):
    assert campaigns("局里组织开展英德市“安全生产月”宣讲。") == ["安全生产月"]


def test_a_verb_or_generic_word_before_a_quote_is_not_part_of_the_name(campaigns):
    assert campaigns("局里全面深化“放管服”改革。") == ["放管服改革"]
    assert campaigns("机关党委持续擦亮“交通先锋”党建品牌。") == ["交通先锋党建品牌"]


def test_a_programme_with_a_weak_head_is_the_programme(campaigns):
    assert campaigns("深入推进“四好农村路”建设，新改建农村公路500公里。") == ["四好农村路"]
    assert campaigns("扎实开展“平安工地”建设。") == ["平安工地建设"]


def test_coordinated_quotes_share_the_head_of_the_last(campaigns):
    assert campaigns("开展“清廉家访”和“廉政家书”活动。") == ["清廉家访活动", "廉政家书活动"]


def test_a_head_after_an_adverb_or_a_verb_is_no_name(campaigns):
    assert campaigns("鼎城区成功创建“四好农村路”全国示范县。") == ["四好农村路全国示范县"]
    assert campaigns("力争到2025年累计创建120公里以上。") == []
    assert campaigns("要注重活动实效，防止走过场。") == []


def test_a_field_word_alone_before_a_head_names_nothing(campaigns):
    assert campaigns("一、持续开展治超攻坚。开展治超专项整治。") == []


def test_a_year_between_a_name_and_its_head_belongs_to_the_name(campaigns):
    assert campaigns("深入开展重大事故隐患专项排查整治2023行动。") == ["重大事故隐患专项排查整治2023行动"]


def test_a_phase_of_a_campaign_is_a_campaign_of_its_own(campaigns):
    assert campaigns("配合开展安全生产专项整治三年行动“回头看”。") == ["安全生产专项整治三年行动回头看"]
    assert campaigns("组织开展交通运输执法领域突出问题专项整治巩固提升行动。") == [
        "交通运输执法领域突出问题专项整治巩固提升行动"]
    assert campaigns("9月至12月开展“打非治违”专项行动“回头看”。") == ["打非治违专项行动回头看"]
    assert campaigns("开展“平安交通”专项整治“回头看”。") == ["平安交通专项整治回头看"]


def test_an_award_given_after_a_quoted_name_is_a_campaign(campaigns):
    assert campaigns("在全市推行“星级驾驶员”评定。") == ["星级驾驶员评定"]
    assert campaigns("工程质量评定均为合格，强化路况检测评定。") == []


def test_quoted_and_distinctive_heads(campaigns):
    assert campaigns("6月16日“安全宣传咨询日”当天设置咨询台。") == ["安全宣传咨询日"]
    assert campaigns("深入推进“八五”普法。落实“谁执法谁普法”责任。") == ["八五普法"]
    assert campaigns("开展“安全生产大培训”。") == ["安全生产大培训"]
    assert campaigns("全面开展群众身边不正之风和腐败问题集中整治。") == ["群众身边不正之风和腐败问题集中整治"]


def test_creating_a_model_county_is_named_as_the_text_writes_it(campaigns):
    assert campaigns("加快城乡交通运输一体化示范县创建。") == ["城乡交通运输一体化示范县创建"]
    assert campaigns("津市市、汉寿县城乡交通运输一体化示范县创建通过省级中期评估。") == ["城乡交通运输一体化示范县创建"]
    assert campaigns("汉寿县成功创建城乡交通运输一体化示范县。") == ["城乡交通运输一体化示范县"]
    assert campaigns("争创省级示范县创建。") == []


def test_a_quote_with_a_head_of_its_own_does_not_take_the_shared_one(campaigns):
    assert campaigns("组织开展“宪法宣传周”和“法律进企业”活动。") == ["宪法宣传周", "法律进企业活动"]


def test_a_head_after_a_list_names_the_kind_of_its_items_not_the_document_campaign(campaigns):
    text = ("扎实开展交通执法领域突出问题专项整治行动。"
            "开展“路政宣传月”、公路限高设施等专项整治活动。深化专项整治，巩固成果。")
    assert campaigns(text) == ["交通执法领域突出问题专项整治行动", "路政宣传月", "交通执法领域突出问题专项整治行动"]


def test_a_quantified_bare_head_names_a_kind_of_work_not_the_document_campaign(campaigns):
    text = "扎实开展交通执法领域突出问题专项整治行动。以规范执法为主线，扎实开展各类专项整治，深化专项整治。"
    assert campaigns(text) == ["交通执法领域突出问题专项整治行动", "交通执法领域突出问题专项整治行动"]


def test_quotes_listed_before_a_kind_are_each_a_campaign(campaigns):
    assert campaigns("开展了“治超百日攻坚”“打非治违”等行动。") == ["治超百日攻坚", "打非治违"]
    assert campaigns("组织“平安春运”“平安假日”系列行动。") == ["平安春运", "平安假日"]
    assert campaigns("开展“安全生产月”、“安全生产宣讲行”等宣传活动。") == ["安全生产月", "安全生产宣讲行"]
    # a head that counts only after a quote is the kind when it follows 等 alone; 工作 is never a kind
    assert campaigns("联合开展“暖心助考”“扶老出行”等志愿服务。") == ["暖心助考", "扶老出行"]
    assert campaigns("推行“一站一档”“一线一策”等工作。") == []
    # not a kind of campaign after 等, and quotes written back to back before one head stay one name
    assert campaigns("针对“寻租”等方面问题进行专项整治。") == []
    assert campaigns("开展“党员先锋车”“党员示范线”创建活动。") == ["党员先锋车党员示范线创建活动"]


def test_a_quoted_contest_is_a_campaign(campaigns):
    assert campaigns("参加市交通运输局举办的“平安交通”知识竞赛。组织“安全知识网络竞赛”。") == [
        "平安交通知识竞赛", "安全知识网络竞赛"]
    assert campaigns("竞赛结果另行通知。") == []


def test_a_time_or_scope_word_and_a_verb_before_a_head_name_no_campaign(campaigns):
    assert campaigns("年内创建示范点不少于10个，全系统评选文明窗口56个，全年遴选创建示范项目3个。") == []


def test_works_before_a_quote_name_the_field_of_the_quoted_programme(campaigns):
    assert "公路水运工程" not in campaigns("站里组织开展公路水运工程“平安工地”建设考核。")


def test_field_words_of_an_industry_open_a_quoted_name(campaigns):
    assert campaigns("中心开展驾培行业“清源”专项整治行动。") == ["驾培行业清源专项整治行动"]
    assert campaigns("会同住建部门开展建筑施工领域“打非治违”专项行动。") == ["建筑施工领域打非治违专项行动"]


def test_a_known_reform_named_after_its_field_is_the_reform(campaigns):
    assert campaigns("持续深化交通运输领域“放管服”改革。") == ["放管服改革"]


def test_quoted_service_reforms_themed_years_and_branch_partnerships(campaigns):
    assert campaigns("推进“企业开办一件事”，围绕“路网管理提质增效年”工作主线，深化“党建+执法”支部共建，"
                     "开展“安全生产大讲堂”巡回宣讲5场。") == [
        "企业开办一件事", "路网管理提质增效年", "党建+执法支部共建", "安全生产大讲堂巡回宣讲"]


def test_a_multi_year_action_after_a_tackling_head_is_one_name(campaigns):
    assert campaigns("把安全工作作为安全生产治本攻坚三年行动的重要内容。") == ["安全生产治本攻坚三年行动"]


def test_kinds_of_works_and_operations_are_no_campaigns(campaigns):
    assert campaigns("完成养护工程投资4亿元，路面大中修工程86公里，实施预防性养护工程152公里。") == []
    assert campaigns("开展夜间执法行动，组织水上搜救行动11次，推行服务模式改革。") == []
    # a verb before a short name ends the name: 报送百日行动工作总结
    assert campaigns("开展安全生产百日行动。7月10日前报送百日行动工作总结。") == ["安全生产百日行动", "百日行动"]


@pytest.mark.parametrize("text, name", [
    ("局里开展“拒绝酒驾”专项警示教育。", "拒绝酒驾专项警示教育"),
    ("局里参与“清洁家园”城乡环境综合整治。", "清洁家园城乡环境综合整治"),
    ("支队开展“争先创优”劳动竞赛。", "争先创优劳动竞赛"),
    ("中心开展“应急处置提升”集中培训。", "应急处置提升集中培训"),
])
def test_drill_contest_training_and_clean_up_heads_after_a_quote(campaigns, text, name):
    assert campaigns(text) == [name]


def test_these_heads_without_a_quote_name_nothing(campaigns):
    assert campaigns("组织党员观看警示教育片，开展技能竞赛。") == []


def test_a_quoted_name_keeps_its_head_before_de_and_before_jianshe(campaigns):
    assert campaigns("这是“平安交通宣传周”活动的重要内容。") == ["平安交通宣传周活动"]
    assert campaigns("启动“数字港口”示范工程建设。") == ["数字港口示范工程"]
    assert campaigns("推进港口工程建设。") == []


def test_a_title_ranked_only_by_a_level_is_no_programme(campaigns):
    assert campaigns("全年新增省级示范县3个，力争创建全国示范县。") == []
    assert campaigns("推进城乡公交一体化示范县创建。") == ["城乡公交一体化示范县创建"]


def test_verbs_and_time_words_before_a_head_stay_outside_the_name(campaigns):
    assert campaigns("积极申报全国城乡公交一体化示范县。") == ["全国城乡公交一体化示范县"]
    assert campaigns("开展“春雷”集中行动，全市统一行动5次。") == ["春雷集中行动"]
    assert campaigns("推进湘江高等级航道提升工程。") == ["湘江高等级航道提升工程"]
    # a time word closed by 前/后 stays outside as a whole (年底前|安全专项整治行动)
    assert campaigns("力争年底前安全专项整治行动完成，6月底前隐患排查专项整治完成。") == [
        "安全专项整治行动", "隐患排查专项整治"]


def test_the_parts_of_one_projects_works_are_no_campaigns(campaigns):
    assert campaigns("路基工程完成92%，桥梁工程完成78%，隧道工程完成71%，年底前路基工程完成98%。") == []
    assert campaigns("该项目是全区的核心工程，隧道是控制性工程。") == []
    # the works hidden by later works and the built works themselves (not their records)
    assert campaigns("抽检隐蔽工程影像资料，共抽检实体工程指标300个。") == []
    assert campaigns("全年实施维护性疏浚工程3处，其中疏浚工程2处。") == []
    # further left a part is what a named programme works on
    assert campaigns("实施农村公路桥梁安全工程。") == ["农村公路桥梁安全工程"]


def test_a_place_level_or_field_before_a_quoted_themed_month_or_year_only_says_where(campaigns):
    assert campaigns("开展2024年道路运输“平安交通宣传周”活动。") == ["平安交通宣传周活动"]
    assert campaigns("这是岳阳市“路政宣传月”活动的重要内容。") == ["路政宣传月活动"]
    assert campaigns("按照全国“安全生产月”活动的部署。") == ["安全生产月活动"]
    assert campaigns("推进岳阳市“绿色公路”提质增效三年行动。") == ["岳阳市绿色公路提质增效三年行动"]
    assert campaigns("开展道路运输安全生产“治本攻坚”百日行动。") == ["道路运输安全生产治本攻坚百日行动"]


def test_a_quote_before_a_column_or_programme_noun_is_a_title_not_a_campaign(campaigns):
    assert campaigns("晚报开设“平安出行在行动”专栏。") == []


def test_a_quoted_themed_year_of_the_genre_is_a_campaign(campaigns):
    assert campaigns("以“工程建设提速年”为抓手，全力推进。") == ["工程建设提速年"]


def test_a_field_word_before_a_quoted_name_with_its_own_head_opens_the_name(campaigns):
    assert campaigns("联合公安开展出租汽车“净化行动”。") == ["出租汽车净化行动"]
    assert campaigns("局里全面深化“放管服改革”。") == ["放管服改革"]


def test_a_market_the_field_names_opens_a_quoted_campaign(campaigns):
    assert campaigns("在全市开展道路运输市场“清风护航”专项整治行动。") == ["道路运输市场清风护航专项整治行动"]


def test_a_years_travel_season_is_a_campaign_and_the_bare_season_stands_for_it(campaigns):
    assert campaigns("局里召开2025年春运工作动员会。春运期间发送旅客增长。") == ["2025年春运", "2025年春运"]
    assert campaigns("圆满完成2023年暑运保障任务。") == ["2023年暑运"]


def test_another_years_season_is_a_comparison_or_a_target_no_campaign(campaigns):
    # the document's own season is its most often dated one; last year's and next year's are no campaign
    assert campaigns("2025年春运自1月14日开始。2025年春运期间运力充足。2024年春运期间发送旅客90万人次。"
                     "力争2026年春运电子客票比例达到85%。") == ["2025年春运", "2025年春运"]


def test_the_season_a_title_dates_is_the_documents_own(campaigns):
    # the body dates only last year's season (twice, to compare); the title's season is the one the report is on
    found = campaigns("2025年春运工作总结\n今年春运期间发送旅客100万人次，比2024年春运增长5%。"
                      "2024年春运期间发送旅客95万人次。")
    assert "2024年春运" not in found and "2025年春运" in found, found


def test_a_quoted_rank_of_other_work_after_a_copula_and_de_is_no_campaign(campaigns):
    assert campaigns("征地拆迁是项目建设的“头号工程”。全面开展“百日攻坚行动”。") == ["百日攻坚行动"]


def test_a_bare_travel_season_without_a_year_names_no_campaign(campaigns):
    assert campaigns("春运期间发送旅客增长，做好春运工作。") == []


def test_a_compound_field_word_opens_a_quoted_name(campaigns):
    # 农村客运 is one field: 农村 is not dropped before 客运
    assert campaigns("局里开展农村客运“平安出行”护航行动。") == ["农村客运平安出行护航行动"]


@pytest.mark.parametrize("text, names", [
    ("品质工程创建稳步推进，中心工程科负责组织。", ["品质工程创建"]),
    ("市里成立深化改革办牵头推进。", []),
    ("局里开展危险货物运输安全专项整治，专项整治办牵头巡查。", ["危险货物运输安全专项整治"]),
])
def test_a_head_followed_at_once_by_a_body_head_is_part_of_the_bodys_name(campaigns, text, names):
    assert campaigns(text) == names


def test_a_head_inside_a_quoted_rule_name_is_no_campaign(campaigns):
    assert campaigns("各标段实行“首件工程认可制”，首件合格率达到98%。") == []


@pytest.mark.parametrize("text, names", [
    ("集团把安全生产作为“一号工程”来抓。", []),
    ("局里作为“百日攻坚”行动的牵头单位。", ["百日攻坚行动"]),
])
def test_a_quoted_rank_given_after_zuowei_is_no_campaign(campaigns, text, names):
    assert campaigns(text) == names


@pytest.mark.parametrize("text", ["部分省份已率先行动。", "（五）持之以恒抓改革。"])
def test_a_head_used_as_a_verb_after_an_adverb_or_verb_is_no_name(campaigns, text):
    assert campaigns(text) == []


def test_a_demonstrative_with_ci_is_not_part_of_the_name(campaigns):
    names = campaigns("部署开展农村客运“安全出行”护航行动。此次护航行动聚焦重点车辆。")
    assert "次护航行动" not in names
    assert names[0] == "农村客运安全出行护航行动"


def test_quotes_written_back_to_back_share_one_name(campaigns):
    assert campaigns("公司开展“党员先锋车”“党员示范线”创建活动。") == ["党员先锋车党员示范线创建活动"]


def test_back_to_back_quotes_that_each_end_with_a_head_stay_apart(campaigns):
    names = campaigns("推行“执法规范提升年”“路政宣传月”集成服务。")
    assert names == ["执法规范提升年", "路政宣传月"]


def test_a_list_of_places_to_go_before_a_head_names_no_campaign(campaigns):
    assert campaigns("组织开展安全宣传进企业、进站场、进学校、进家庭活动。") == []


def test_a_verb_of_seeking_or_joining_before_a_title_is_not_part_of_it():
    from kg.extract.entities import find_candidates
    from kg.lexicon import default_lexicon

    def campaigns(t: str) -> set[str]:
        return {c.name for c in find_candidates(t, default_lexicon(), t) if c.label == "CAMPAIGN"}

    # 争创 is a verb; what is left (省级示范县) is a title ranked only by a level
    assert campaigns("我局将积极争创省级示范县。") == set()
    # 参与 ends with 与 but is a verb, not a conjunction inside a name
    assert campaigns("积极参与城乡交通运输一体化示范县创建。") == {"城乡交通运输一体化示范县创建"}
    # 希望 is a verb of hoping (局长希望协会…), but 希望工程 is a national programme
    assert campaigns("团县委积极参与希望工程，资助学生20名。") == {"希望工程"}


def test_a_head_whose_last_character_opens_the_next_word_ends_no_name(campaigns):
    assert campaigns("对全区152艘营运船舶实行动态监控。") == []


def test_a_head_before_a_field_marker_names_a_field(campaigns):
    assert campaigns("在公路水运工程领域，市中心牵头组织检查。") == []


def test_a_counter_after_a_number_opens_no_name(campaigns):
    assert campaigns("全区30辆客车安全护航行动顺利完成。") == ["客车安全护航行动"]


def test_a_work_noun_after_a_quote_with_its_own_head_is_not_part_of_the_name(campaigns):
    assert campaigns("局党组开展“清廉交通·阳光工程”建设的部署。") == ["清廉交通·阳光工程"]
    assert campaigns("扎实开展“平安工地”建设。") == ["平安工地建设"]
    assert campaigns("开展“廉洁交通工程”共建活动。")[0].startswith("廉洁交通工程共建")


def test_nominal_big_verb_heads_name_a_campaign_with_a_modifier(campaigns):
    assert campaigns("以“汛前大排查”为抓手，全面检查桥梁。") == ["汛前大排查"]
    assert campaigns("局里开展汛期公路安全大巡查，每日巡查。") == ["汛期公路安全大巡查"]
    assert campaigns("对执法队伍来了一次作风大整治、大提升。") == []


@pytest.mark.parametrize("text, name", [
    ("支队组织开展春运“打非治违”专项行动。", "春运打非治违专项行动"),
    ("中心开展汛期“平安水上”专项整治行动。", "汛期平安水上专项整治行动"),
    ("按照全省治超“百日攻坚”行动部署。", "全省治超百日攻坚行动"),
    ("关于开展全区公路治超“百日会战”，各大队要高度重视。", "全区公路治超百日会战"),
])
def test_a_season_or_a_provinces_scope_before_a_quote_opens_the_name(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_citys_or_countys_scope_before_a_quote_only_says_where(campaigns):
    assert campaigns("全县“清廉机关”创建活动有序推进。") == ["清廉机关创建活动"]


def test_a_year_before_a_quoted_name_is_in_the_mention_not_in_the_name(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("中心组织开展2025年“汛期保安”水上交通安全专项行动。\n", encoding="utf-8")
    ms = [m for m in find_mentions(structure_document(read_document(path, tmp_path))) if m.label == "CAMPAIGN"]
    assert [(m.text, m.name) for m in ms] == [("2025年“汛期保安”水上交通安全专项行动", "汛期保安水上交通安全专项行动")]


@pytest.mark.parametrize("text, names", [
    ("各县（市、区）交通运输局要紧盯三年行动的阶段任务。", []),
    ("支队要深入开展“铁腕治超”专项整治行动。", ["铁腕治超专项整治行动"]),
    ("聚焦重要物资运输保障，开展主要通道安全专项整治行动。", ["主要通道安全专项整治行动"]),
])
def test_a_modal_yao_and_a_verb_of_focus_end_a_name(campaigns, text, names):
    assert campaigns(text) == names


def test_a_content_word_holding_du_does_not_cut_a_name(campaigns):
    assert campaigns("共同推进国家公交都市建设示范工程深化提升。") == ["国家公交都市建设示范工程"]


@pytest.mark.parametrize("text, names", [
    ("为建设黄河流域生态保护和高质量发展先行区示范市贡献交通力量。", []),
    ("深化交通运输改革，推进农村公路管理养护体制改革。", ["农村公路管理养护体制改革"]),
])
def test_a_goal_and_a_fields_reform_are_no_named_campaign(campaigns, text, names):
    assert campaigns(text) == names


@pytest.mark.parametrize("text, names", [
    ("配合开展“蒙A护路”交叉执法检查。", ["蒙A护路交叉执法检查"]),
    ("开展道路运输“秋冬攻坚”安全大检查。", ["道路运输秋冬攻坚安全大检查"]),
    ("开展农村客运“平安行”专项检查。", ["农村客运平安行专项检查"]),
    ("对“两客一危”企业安全检查全覆盖，开展“回头看”督导检查和“体检式”检查。", []),
    ("全系统开展“安全生产月”执法检查。", ["安全生产月"]),
])
def test_a_quoted_theme_before_an_inspection_head_names_an_inspection_drive(campaigns, text, names):
    assert campaigns(text) == names


@pytest.mark.parametrize("text, name", [
    ("扎实开展深入贯彻中央八项规定精神学习教育，组织党员学习。", "深入贯彻中央八项规定精神学习教育"),
    ("局党组深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", "学习贯彻习近平新时代中国特色社会主义思想主题教育"),
])
def test_an_adverb_bound_to_the_verb_of_an_education_drive_is_part_of_its_name(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_body_and_a_verb_of_allotting_are_no_part_of_a_name(campaigns):
    assert campaigns("支队安排专项整治工作经费45万元。") == []


def test_the_theme_of_an_n_year_action_stands_for_the_action(campaigns):
    text = "全市以安全生产治本攻坚三年行动为主线。（一）深化治本攻坚。各单位要推进。"
    assert campaigns(text) == ["安全生产治本攻坚三年行动", "安全生产治本攻坚三年行动"]
    assert campaigns("（一）深化治本攻坚。各单位要推进。") == ["治本攻坚"]


def test_a_field_before_a_themed_year_names_its_sector_but_not_before_a_month(campaigns):
    assert campaigns("局里深入开展交通运输“服务质量提升年”活动。") == ["交通运输服务质量提升年活动"]
    assert campaigns("局里开展交通运输“安全生产月”活动。") == ["安全生产月活动"]


def test_a_drive_against_a_formula_is_a_campaign_the_formula_alone_is_not(campaigns):
    assert campaigns("纪检组开展“四风”问题专项检查，对2名人员诫勉谈话。") == ["四风问题专项检查"]
    assert campaigns("持续开展“四风”问题专项整治。") == ["四风问题专项整治"]
    assert campaigns("严防“四风”问题反弹回潮。") == []
    assert campaigns("推进“四风”整治。") == []


def test_a_verb_of_meeting_or_looking_opens_no_name(campaigns):
    assert campaigns("迎接全国示范县创建中期评估。") == []
    assert campaigns("调研组实地察看工程收尾情况。") == []


# ------------------------------------------------- a quoted drive and its 宣传; themed days in a list
def test_a_quoted_drive_followed_by_its_publicity_is_named_with_it(campaigns):
    assert campaigns("处里开展“水上交通安全进校园”宣传，发放资料300份。") == ["水上交通安全进校园宣传"]
    # a later head wins: the whole drive is named
    assert campaigns("开展“防溺水”宣传进校园活动。") == ["防溺水宣传进校园活动"]
    # a themed month keeps its own name; 宣传 is work in it
    assert campaigns("开展“安全生产月”宣传，发放资料。") == ["安全生产月"]
    # 宣传 as a noun of materials or effort, or after a slogan, names nothing
    assert campaigns("加大“平安交通”宣传力度，发放“平安交通”宣传资料。") == []
    assert campaigns("围绕“两个确立”宣传教育。") == []


def test_themed_safety_days_listed_in_quotes_are_each_named(campaigns):
    assert sorted(campaigns("各县要结合“安全生产月”“全国交通安全日”等节点开展集中宣传。")) == [
        "全国交通安全日", "安全生产月"]


def test_a_pilot_run_verb_after_a_place_is_no_pilot_programme(campaigns):
    # 试点推行: "try out" a practice at a place, no named pilot
    assert campaigns("在县汽车客运站试点推行“候车室”服务。") == []
    assert campaigns("推进城乡交通运输一体化试点。") == ["城乡交通运输一体化试点"]


@pytest.mark.parametrize("text, name", [
    ("局里组织开展“安全驾驶·文明出行”驾驶员培训。", "安全驾驶·文明出行驾驶员培训"),
    ("局里组织开展“技能提升”全员培训。", "技能提升全员培训"),
    ("局里持续推进“清风交通”廉洁文化建设。", "清风交通廉洁文化建设"),
    ("局里实施“司机之家”暖心驿站建设。", "司机之家暖心驿站建设"),
])
def test_object_words_between_a_headless_quote_and_a_weak_head_belong_to_the_name(campaigns, text, name):
    assert campaigns(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("中心组织“港航大讲堂”业务培训5期。", "港航大讲堂"),
    ("局里推进“智慧高速”示范工程建设。", "智慧高速示范工程"),
])
def test_a_weak_head_after_a_quote_with_a_head_of_its_own_adds_nothing(campaigns, text, name):
    assert campaigns(text) == [name]


@pytest.mark.parametrize("text", [
    "防汛工作是“一把手”工程。",
    "各单位要把安全生产作为“一把手”工程，配齐配强安全管理人员。",
])
def test_a_quote_and_head_closing_a_copula_clause_are_a_metaphor_not_a_campaign(campaigns, text):
    assert campaigns(text) == []


@pytest.mark.parametrize("text, name", [
    ("二是“四好农村路”提质工程，完成投资5亿元。", "四好农村路提质工程"),
    ("茶陵县交通运输局作为“信用交通县”创建试点，完成各项任务。", "信用交通县创建试点"),
])
def test_points_counted_with_shi_and_roles_other_than_projects_still_name_campaigns(campaigns, text, name):
    assert campaigns(text) == [name]


def test_field_words_before_a_quote_include_logistics(campaigns):
    assert campaigns("局里推进农村物流“最后一公里”提升行动。") == ["农村物流最后一公里提升行动"]


def test_a_quoted_class_and_its_object_open_the_quoted_name_after_them(campaigns):
    assert campaigns("深入开展“两客一危”重点车辆“清零”行动，排查隐患。") == ["两客一危重点车辆清零行动"]


def test_a_quote_with_a_head_of_its_own_or_a_verb_between_stays_apart(campaigns):
    assert campaigns("结合“安全生产月”开展“百日攻坚”行动。") == ["安全生产月", "百日攻坚行动"]


@pytest.mark.parametrize("text, name", [
    # the act of earning a title after it names the programme, also when a list follows (创建名单)
    ("7个县入选全省“四好农村路”示范县创建名单。", "全省四好农村路示范县创建"),
    ("同步开展市级“公交都市”创建示范县评定。", "市级公交都市创建示范县评定"),
    ("推进城乡公交一体化示范县评定。", "城乡公交一体化示范县评定"),
])
def test_the_act_of_earning_a_title_after_it_is_part_of_the_name(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_recheck_of_a_title_held_is_no_part_of_its_name(campaigns):
    assert campaigns("做好“四好农村路”示范县复核迎检。") == ["四好农村路示范县"]


@pytest.mark.parametrize("text", [
    "局里选取安达驾校、通顺驾校等5家驾校试点，学员签约率达到72%。",
    "在东坪、西坪等6个乡镇试点客货邮融合发展。",
])
def test_units_counted_before_a_head_name_no_programme(campaigns, text):
    assert campaigns(text) == []


def test_a_campaign_head_inside_a_company_name_makes_the_company(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("对涉及青山绿水交通工程有限公司的一起围标串标问题进行查处。\n", encoding="utf-8")
    mentions = find_mentions(structure_document(read_document(path, tmp_path)))
    assert [(m.label, m.name) for m in mentions] == [("ORGANIZATION", "青山绿水交通工程有限公司")]


@pytest.mark.parametrize("text, name", [
    ("省中心承办了全省交通运输行业职业技能大赛，决出一等奖选手15名。", "全省交通运输行业职业技能大赛"),
    ("支队选派队员参加全市执法技能竞赛，获团体三等奖。", "全市执法技能竞赛"),
    ("协会组织开展驾驶员技能竞赛。", "驾驶员技能竞赛"),
])
def test_a_skills_contest_is_named_with_the_level_it_is_held_at(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_scope_word_before_another_head_still_only_says_where(campaigns):
    assert "全市" not in "".join(campaigns("局里开展全市道路运输安全专项整治行动。"))


@pytest.mark.parametrize("text, name", [
    ("局里组织实施公交车辆“以旧换新”行动。", "公交车辆以旧换新行动"),
    ("执法科部署开展公路保护“清障行动”，清理路域环境。", "公路保护清障行动"),
    ("局里实施交通运输人才“育苗工程”，选派干部。", "交通运输人才育苗工程"),
])
def test_the_object_of_a_launch_verb_before_a_quote_opens_the_name(campaigns, text, name):
    assert name in campaigns(text)


def test_no_object_run_after_a_stop_word_or_before_a_weak_head(campaigns):
    assert campaigns("支队在全市开展“亮身份、树形象”行动。") == ["亮身份、树形象行动"]
    assert campaigns("局里开展执法队伍“四基四化”建设。") != ["执法队伍四基四化建设"]


def test_a_capital_acronym_inside_an_unquoted_name_belongs_to_it(campaigns):
    assert campaigns("中心参与全省内河船舶LNG动力改造试点。") == ["内河船舶LNG动力改造试点"]


def test_a_year_counter_before_a_name_belongs_to_the_number(campaigns):
    assert campaigns("局里印发2025年作风建设专项整治实施方案。") == ["作风建设专项整治"]
    assert "年创建" not in campaigns("力争2026年创建成为省级示范县。")


def test_a_name_right_after_an_items_number_is_no_list_item(campaigns):
    # 一、 numbers a heading: the name after it is whole (安全宣传进企业、进站场活动 is still a list of activities)
    assert campaigns("一、道路运输安全专项整治行动扎实推进\n全年检查车辆300辆。") == ["道路运输安全专项整治行动"]
    assert campaigns("12、安全生产专项整治三年行动\n排查隐患30处。") == ["安全生产专项整治三年行动"]
    assert campaigns("局里开展安全宣传进企业、进站场活动。") == []
    # an adverb before a drive head is a verb phrase, not a name
    assert campaigns("一、全力攻坚重点项目建设\n完成投资42亿元。") == []


def test_a_heading_that_a_campaign_opens_before_its_verb_gives_the_author_the_campaign(tmp_path):
    from kg.extract import build_nlp, extract_document

    nlp = build_nlp()
    for body in ("二、“四好农村路”建设纵深推进\n新改建农村公路30公里。", "一、道路运输安全专项整治行动扎实推进\n检查车辆300辆。"):
        path = tmp_path / "t.txt"
        path.write_text("湖州市交通运输局2024年工作总结\n" + body + "\n", encoding="utf-8")
        ex = extract_document(structure_document(read_document(path, tmp_path)), nlp)
        assert [(r.head.name, r.tail.name) for r in ex.relations if r.rel == "CONDUCTS"] == [
            ("湖州市交通运输局", "四好农村路" if "四好" in body else "道路运输安全专项整治行动")]


@pytest.fixture
def surfaces(tmp_path):
    from kg.extract import build_nlp, extract_document

    nlp = build_nlp()

    def run(text: str) -> dict[str, set[str]]:
        path = tmp_path / "t.txt"
        path.write_text(text + "\n", encoding="utf-8")
        ext = extract_document(structure_document(read_document(path, tmp_path)), nlp)
        out: dict[str, set[str]] = {}
        for m in ext.mentions:
            if m.label == "CAMPAIGN":
                out.setdefault(m.name, set()).add(m.text)
        return out
    return run


def test_a_themed_periods_quoted_name_is_a_surface_of_the_activity_held_in_it(surfaces):
    assert surfaces("县交通运输局扎实开展“安全生产月”活动，排查隐患12处。") == {
        "安全生产月活动": {"“安全生产月”活动", "“安全生产月”"}}
    assert surfaces("支队持续开展出租汽车行业“文明服务月”活动。") == {
        "出租汽车行业文明服务月活动": {"出租汽车行业“文明服务月”活动", "出租汽车行业“文明服务月”"}}
    assert surfaces("关于开展2024年“安全生产月”活动的通知") == {
        "安全生产月活动": {"2024年“安全生产月”活动", "“安全生产月”"}}


def test_a_quoted_name_that_is_no_themed_period_has_one_surface(surfaces):
    assert surfaces("局里组织开展“送法进企业”活动。") == {"送法进企业活动": {"“送法进企业”活动"}}
    assert surfaces("局里组织开展“安全生产月”宣讲。") == {"安全生产月": {"“安全生产月”"}}
    assert surfaces("局机关党委牵头组织“安全生产月”主题普法活动。") == {
        "安全生产月主题普法活动": {"“安全生产月”主题普法活动"}}


@pytest.mark.parametrize("text, name", [
    ("立山大队结合公路保护“清障行动”，重点清理违法堆放。", "公路保护清障行动"),
    ("我们组织实施了国省干线公路“畅安舒美”提升行动，完成路面改造。", "国省干线公路畅安舒美提升行动"),
])
def test_object_words_after_any_verb_open_a_quoted_name(campaigns, text, name):
    assert campaigns(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("选派12名党员参与区级“助企纾困”行动。", "助企纾困行动"),
    ("中心还参与了自治区“交通安全进万家”宣传活动。", "交通安全进万家宣传活动"),
    ("这项工作借鉴了交通运输部“交通运输服务品牌”创建的做法。", "交通运输服务品牌创建"),
    ("局党组把农村公路工作作为践行“我为群众办实事”实践活动的重要内容。", "我为群众办实事实践活动"),
    ("力争2026年创建成为自治区级“四好农村路”示范县。", "四好农村路示范县"),
])
def test_a_place_a_level_a_body_or_a_verb_after_a_verb_opens_no_quoted_name(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_supervision_method_is_no_campaign(campaigns):
    assert campaigns("专项检查采取“双随机、一公开”方式进行。推行“双随机、一公开”监管，随机抽查企业12家。") == []


def test_a_quoted_name_and_a_weak_head_before_a_goal_noun_are_a_goal(campaigns):
    assert campaigns("紧紧围绕“交通强市”建设目标，稳投资、强服务。") == []
    assert campaigns("组织开展“交通强省”建设试点，确保完成任务。") == ["交通强省建设试点"]


def test_a_special_inspection_a_headline_names_is_a_campaign_wherever_the_text_names_it(campaigns):
    text = ("玉林市道路运输发展中心关于开展2025年全市机动车驾驶员培训机构专项检查的通知\n"
            "中心决定在全市开展机动车驾驶员培训机构专项检查。同时配合开展旅游包车专项检查。")
    assert campaigns(text) == ["机动车驾驶员培训机构专项检查", "机动车驾驶员培训机构专项检查"]
    assert campaigns("呼图壁县道路运输管理所\n【我所启动驾培市场春季专项检查】\n检查驾校7家。") == ["驾培市场春季专项检查"]


def test_a_special_inspection_no_headline_names_is_no_campaign(campaigns):
    assert campaigns("某县交通运输局2024年工作总结\n开展旅游包车专项检查，检查车辆12辆。") == []
    assert campaigns("吉林市交通运输局关于开展2027年元旦春节期间交通运输安全生产大检查的通知\n现将有关事项通知如下。") == []


def test_the_field_or_objects_before_a_quoted_themed_year_or_drive_open_its_name(campaigns):
    assert campaigns("总队组织实施全省执法队伍“素质提升年”活动。") == ["执法队伍素质提升年活动"]
    assert campaigns("积极参与全省交通建设工程质量监督“大练兵、大比武”。") == ["交通建设工程质量监督大练兵、大比武"]
    # a place before a themed year only says where, as before a month
    assert campaigns("局里开展英德市“执法规范年”活动。") == ["执法规范年活动"]


def test_a_verb_inside_the_objects_of_a_launch_verb_is_a_noun_of_the_name(campaigns):
    assert campaigns("在检测站举行超限超载联合治理“铁腕护路”行动启动仪式。") == ["超限超载联合治理铁腕护路行动"]
    assert campaigns("组织实施冬季冰雪旅游交通保障“暖冬行动”。") == ["冬季冰雪旅游交通保障暖冬行动"]
    # a verb that opens the objects governs the quote
    assert campaigns("局里推进深化“放管服”改革。") == ["放管服改革"]


@pytest.mark.parametrize("text, name", [
    ("局里参与了县政府牵头的“美丽东湖”城乡环境整治，清理堆积物3处。", "美丽东湖城乡环境整治"),
    ("大队围绕“夏季路域环境整治”部署，强化路面管控。", "夏季路域环境整治"),
])
def test_a_quoted_name_makes_a_plain_zhengzhi_a_campaign(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_quoted_list_of_counted_methods_is_no_campaign(campaigns):
    assert campaigns("局里采取“一看二查三整治”的办法，对租赁公司进行摸排。") == []


@pytest.mark.parametrize("text", [
    "局里推出“开办物流企业一件事”“船员从业一件事”等3个主题套餐服务。",
    "局里将6个事项整合为“开办物流企业一件事”，材料精简一半。",
    "局里推行“开办物流企业一件事”“船员从业一件事”集成服务。",
])
def test_a_listed_or_merged_yijianshi_bundle_is_no_campaign(campaigns, text):
    assert campaigns(text) == []


def test_the_yijianshi_reform_itself_stays_a_campaign(campaigns):
    assert campaigns("局里持续推进“高效办成一件事”，压缩时限。") == ["高效办成一件事"]


@pytest.mark.parametrize("progress", ["成效显著。", "提质扩面", "取得新进展"])  # one progress list with heading_topics
def test_an_unquoted_topic_of_a_progress_heading_is_no_campaign(campaigns, progress):
    assert campaigns(f"一、工作成效\n（五）窗口文明创建{progress}\n局里组织干部学习。") == []


@pytest.mark.parametrize("text, names", [
    ("（二）“平安港区”建设扎实推进\n局里组织干部学习。", ["平安港区建设"]),
    ("（二）品质工程创建稳步推进。局里深入开展品质工程创建。", ["品质工程创建", "品质工程创建"]),
])
def test_a_quoted_or_repeated_heading_topic_stays_a_campaign(campaigns, text, names):
    assert campaigns(text) == names


def test_a_model_title_counted_like_a_prize_is_no_campaign(campaigns):
    assert campaigns("全省新增全国“美丽农村路”示范县3个，成效明显。") == []
    assert campaigns("东湖区积极争创全国“美丽农村路”示范县。") == ["全国美丽农村路示范县"]


def test_building_a_title_belongs_to_its_name(campaigns):
    assert campaigns("推动新区开展智慧交通先行示范区建设，力争覆盖全省。") == ["智慧交通先行示范区建设"]


def test_a_verb_after_a_quoted_name_and_its_head_opens_a_new_clause(campaigns):
    found = campaigns("各单位要把“百日清零”行动作为安全生产治本攻坚三年行动的重要抓手。")
    assert "百日清零行动" in found and "安全生产治本攻坚三年行动" in found


@pytest.mark.parametrize("text, name", [
    ("县局按照九江市“畅通九江”农村路网提升行动部署推进工作。", "畅通九江农村路网提升行动"),
    ("中心积极参与十堰市“四好农村路”示范县创建。", "四好农村路示范县创建"),
])
def test_a_place_after_a_joining_verb_or_preposition_only_says_whose_campaign(campaigns, text, name):
    assert campaigns(text) == [name]


def test_a_place_after_other_verbs_names_the_bodys_own_campaign(campaigns):
    assert campaigns("巩固贺兰县“四好农村路”提质增效三年行动成果。") == ["贺兰县四好农村路提质增效三年行动"]


def test_main_is_a_generic_word_that_names_no_activity(campaigns):
    assert campaigns("三、主要活动内容\n（一）开展安全生产宣传。") == []


@pytest.mark.parametrize("text, names", [
    ("中心将联合执法支队开展巡游车、网约车服务质量专项整治，并纳入考核。", ["巡游车、网约车服务质量专项整治"]),
    ("运输管理科牵头开展网约车、货运平台信用监管试点，对企业开展检查。", ["网约车、货运平台信用监管试点"]),
    ("开展安全宣传进企业、进站场活动。", []),
])
def test_objects_listed_after_a_launch_verb_belong_to_one_campaign(campaigns, text, names):
    assert campaigns(text) == names


def test_titles_listed_before_a_creation_are_no_one_campaign(campaigns):
    assert "平安工地、平安公路示范创建" not in campaigns("持续开展平安工地、平安公路示范创建，力争创建一批示范路。")


@pytest.mark.parametrize("text, name", [
    ("巩固提升城乡交通运输一体化示范县创建成果，优化城乡公交线网。", "城乡交通运输一体化示范县创建"),
    ("我们紧扣全省“百县千镇万村高质量发展工程”部署，推进项目建设。", "全省百县千镇万村高质量发展工程"),
])
def test_verbs_of_consolidating_and_following_open_no_name(campaigns, text, name):
    assert campaigns(text) == [name]


@pytest.mark.parametrize("text", [
    "联合韶关日报社、韶关广播电视台开设专项整治专栏，各县同步开设。",
    "一、充分认识专项行动的重要意义",
])
def test_verbs_before_a_bare_head_make_no_name(campaigns, text):
    assert not any(("开设" in n or "认识" in n) for n in campaigns(text))


def test_a_scoped_field_before_a_themed_month_only_says_where_it_is_held(campaigns):
    found = campaigns("组织开展全市交通运输行业“安全生产月”活动，结合我市实际。")
    assert found and all(not n.startswith(("全市", "交通运输")) for n in found)
    assert campaigns("开展出租汽车行业“文明服务月”活动，对投诉排名靠后的企业约谈。") == ["出租汽车行业文明服务月活动"]


def test_the_kind_after_a_list_closed_by_deng_names_no_campaign(campaigns):
    # round 30: “爱心送考”“爱心送老兵”等公益活动 gave the campaign 公益活动
    assert campaigns("积极参与“爱心送考”“爱心送老兵”等公益活动。") == ["爱心送考", "爱心送老兵"]


def test_a_making_head_before_a_quote_is_the_verb_that_earns_the_quoted_title(campaigns):
    assert campaigns("临川区交通运输局创建“美丽公路”省级示范县工作通过验收。") == ["美丽公路省级示范县"]


def test_a_themed_year_head_inside_a_word_of_time_is_no_name(campaigns):
    assert campaigns("部分农村公路建设年代早、技术等级低。") == []
    assert campaigns("确保航道养护质量年度目标全部完成。") == []


def test_a_head_after_an_interrogative_names_no_campaign(campaigns):
    assert campaigns("记者问：上半年在治超方面开展了哪些专项行动？") == []


@pytest.mark.parametrize("text", [
    "开工建设国道204线改扩建工程，全年完成投资。",
    "国道107驻马店段改线工程等一批重大项目加快推进。",
])
def test_a_name_cut_out_of_a_numbered_word_is_a_fragment(campaigns, text):
    assert campaigns(text) == []


@pytest.mark.parametrize("text, names", [
    ("每年组织开展公交主题宣传活动不少于2次。", []),
    ("（一）规范主题党日活动。机关党委制定方案。", []),
    ("支部开展“学党纪、明规矩”主题党日活动。", ["学党纪、明规矩主题党日活动"]),
])
def test_a_themed_activity_is_named_by_its_quoted_theme(campaigns, text, names):
    assert campaigns(text) == names


def test_pilot_as_a_verb_before_a_quoted_object_names_no_pilot(campaigns):
    assert campaigns("平顺县推行“预约响应”式客运，沁县试点“定时定点”班车。") == []


def test_service_after_a_modifier_is_a_noun_inside_the_name(campaigns):
    assert campaigns("局里实施海岛客运服务品质提升三年行动。") == ["海岛客运服务品质提升三年行动"]
    assert campaigns("局里实施ETC服务提升行动。") == ["ETC服务提升行动"]
    assert campaigns("局里持续服务乡村振兴专项行动。") == ["乡村振兴专项行动"]
    assert campaigns("局里精准服务乡村振兴专项行动。") == ["乡村振兴专项行动"]


def test_a_finished_work_before_a_coordinator_is_not_part_of_the_next_name(campaigns):
    assert campaigns("局里推进城乡公交一体化和国家公交都市建设示范工程。") == ["国家公交都市建设示范工程"]
    assert campaigns("开展机动车维修和驾驶员培训行业专项检查。") == ["机动车维修和驾驶员培训行业专项检查"]


@pytest.mark.parametrize("text, name", [
    ("局里实施文化和旅游融合发展示范工程。", "文化和旅游融合发展示范工程"),  # a two-character X化 word
    ("局里实施城区绿化和美化提升工程。", "城区绿化和美化提升工程"),
])
def test_a_coordinator_after_a_word_ending_in_a_process_word_joins_one_name(campaigns, text, name):
    assert campaigns(text) == [name]


@pytest.mark.parametrize("text", ["节前，局里开展安全专项检查。", "局里开展节前专项检查。", "支队在重点区域开展夜间专项检查。"])
def test_a_check_held_at_a_time_or_in_one_field_is_no_campaign(campaigns, text):
    assert campaigns(text) == []


def test_special_sweeps_and_checks_are_named_by_their_modifiers(campaigns):
    assert campaigns("局里开展重大事故隐患专项排查整治，检查企业。") == ["重大事故隐患专项排查整治"]
    assert campaigns("局里开展动态监控“回头看”专项检查。") == ["动态监控回头看专项检查"]


def test_reform_inside_the_name_of_a_commission_is_no_campaign(campaigns):
    assert campaigns("4月，市发展改革委会同市交通运输局印发方案。") == []


@pytest.mark.parametrize("text", [
    "一是工会活动覆盖面还不够广。",
    "职工参加过工会组织的集体活动；职工文体活动形式单一。",
    "局党组理论学习中心组开展学法活动24次。",
    "发放宣传资料，开展安全咨询和体验活动。",
])
def test_an_activity_named_only_by_its_kind_is_no_campaign(campaigns, text):
    assert campaigns(text) == []


@pytest.mark.parametrize("text, names", [
    ("张北县成功创建省级“四好农村路”示范县，怀来县入选全国“四好农村路”示范县。", []),
    ("确保年底前通过省级“四好农村路”示范县验收。", []),
    ("下一步，我局将积极争创全省“金通工程”示范县。", ["全省金通工程示范县"]),
])
def test_a_ranked_model_title_is_an_honour_unless_a_body_strives_for_it(campaigns, text, names):
    assert campaigns(text) == names


def test_works_before_their_amount_or_progress_are_no_campaign(campaigns):
    # round 41: 总工程量 (dev38 839) and 询问工程进度 (dev33 777) gave 总工程 and 详细询问工程
    assert campaigns("年底前完成总工程量的90%，详细询问工程进度。") == []


def test_the_last_character_of_a_determiners_word_names_no_campaign(campaigns):
    # round 41: 本周行动 (dev39 850), 本地区行动 (dev32 768), 混合所有制改革 (dev28 721) gave 周行动, 区行动, 制改革
    assert campaigns("各中队报送本周行动情况，负责本地区行动的实施，完成混合所有制改革。") == []
    # review 16 (2.1): so does any one-character stop word's (了 of 了解): 解工程 is no programme
    assert campaigns("详细了解工程进展情况。") == []
    # nor one character after a stop word of any length (完成 + 总): 总工程 is no programme
    assert campaigns("完成总工程的八成。") == []
    # works followed by a noun of amount or progress are the works measured (询问工程进展), unless quoted
    assert campaigns("详细询问工程进展。") == []
    assert campaigns("完成路基工程量的80%。") == []
    assert campaigns("“金通工程”进展顺利。") == ["金通工程"]
    # a known word holding the stop character (降本) does not cut the name
    assert campaigns("组织实施物流降本增效专项行动。") == ["物流降本增效专项行动"]


def test_a_making_head_before_a_rank_or_a_comparison_is_a_verb(campaigns):
    # round 43: 创建 with its ranked object or as the time a comparison counts from names nothing
    assert campaigns("指导高速公路改扩建项目创建自治区级“品质工程”示范项目。") == ["品质工程"]
    assert campaigns("优良中等路率达到82.3%，比创建前提高9.6个百分点。") == []
    # any rank: a level of the lexicon before 级 (州级, 乡级, 盟级), or a rank a quote follows (地市级“…”)
    assert campaigns("指导项目创建州级“品质工程”。") == ["品质工程"]
    assert campaigns("指导项目创建盟级“品质工程”。") == ["品质工程"]
    assert "项目创建" not in campaigns("指导项目创建地市级“品质工程”。")
    assert campaigns("推动站所创建乡级“平安站所”。") == []


def test_a_quoted_phase_after_a_named_work_is_a_campaign(campaigns):
    # round 43: the work re-checked need not end with a campaign head
    assert campaigns("二是开展桥梁隧道安全运行“回头看”，对四类桥梁进行检查。") == ["桥梁隧道安全运行回头看"]
    # any verb that carries out a campaign opens the work, also with aspect 了 (组织开展了, 部署, 启动)
    assert campaigns("组织开展了桥梁隧道安全运行“回头看”。") == ["桥梁隧道安全运行回头看"]
    assert campaigns("部署桥梁隧道安全运行“回头看”。") == ["桥梁隧道安全运行回头看"]
    assert campaigns("全面启动桥梁隧道安全运行“回头看”。") == ["桥梁隧道安全运行回头看"]
    assert campaigns("局里对整改情况开展“回头看”。") == []
    assert campaigns("市局将于第四季度对其开展“回头看”检查。") == []
    assert campaigns("开展专项整治“回头看”，总结经验。") == []
    # only the whole object of a launch verb: a modifier cut from a longer phrase (企业 stops the walk) names no work
    assert campaigns("中心开展道路运输企业安全生产标准化建设“回头看”，检查企业。") == []


def test_a_phase_written_after_a_quoted_campaign_belongs_to_it(campaigns):
    assert campaigns("扎实开展“交通运输执法领域突出问题专项整治”回头看，排查整改问题9个。") == [
        "交通运输执法领域突出问题专项整治回头看"]


def test_pairing_work_is_generic_and_its_verb_does_not_cut_a_quoted_name(campaigns):
    # round 43: 结对共建活动 is a kind of party-branch work, no name; 结对 holds 对 (no preposition there)
    assert campaigns("局机关党支部与村党支部开展结对共建活动，共同开展学习。") == []
    assert campaigns("全年结对共建活动不少于20次。") == []
    assert campaigns("第一党支部联合开展“党建+交通”结对共建活动，与街道开展活动。") == ["党建+交通结对共建活动"]
    assert campaigns("开展“党建+养护”支部共建。") == ["党建+养护支部共建"]


def test_a_special_rectification_named_by_its_conduct_is_a_campaign(campaigns):
    # 专项整顿 heads a drive as 专项整治 does; the bare head stands for the document's full one
    assert campaigns("支队在全系统开展了窗口服务作风专项整顿，专项整顿成效明显。") == [
        "窗口服务作风专项整顿", "窗口服务作风专项整顿"]


def test_a_name_is_not_cut_at_the_stop_character_inside_a_content_word(campaigns):
    # 为 is a preposition, but 行为 is one noun of the name: the name runs on to 规范
    assert campaigns("大队开展规范收费行为专项整治。") == ["规范收费行为专项整治"]


def test_a_bound_range_word_closes_a_level_and_opens_no_name(campaigns):
    # 以上/以下 close a rank (县级以上, 科级以下): their second character never opens a campaign's name
    assert campaigns("全年共承担县级以上重大活动保障任务12次。") == []
    assert campaigns("组织科级以下干部观摩庭审活动3次。") == ["干部观摩庭审活动"]


def test_a_head_ranked_only_by_its_weight_names_nothing(campaigns):
    # 重大/重要 rank a work as 重点 does: 重要活动 is any important event, no named campaign
    assert campaigns("办公室要及时报送重要活动和典型经验。") == []
    assert campaigns("局里开展重大事故隐患专项排查整治。") == ["重大事故隐患专项排查整治"]


def test_a_launch_verb_inside_the_object_of_another_is_a_word_of_the_name(campaigns):
    # 实施 governs 港航企业改革深化提升行动: the inner 深化 does not cut the name; after an adverb (并) it is a verb
    assert campaigns("集团深入实施港航企业改革深化提升行动，完成改制。") == ["港航企业改革深化提升行动"]
    assert campaigns("开展安全检查并深化专项整治行动。") == []
    # after an activity that is no campaign's head, or before a name of its own, it is a second clause's verb
    assert campaigns("全面开展隐患排查深化专项整治行动。") == []
    assert campaigns("开展安全检查推进治超专项行动。") == []
    assert campaigns("认真开展学习深化作风建设年活动。") == ["作风建设年活动"]
    assert campaigns("推进道路运输转型升级实施品质提升行动。") == ["品质提升行动"]


def test_a_contest_is_named_with_its_edition_and_the_place_holding_it(campaigns):
    # 第N届 numbers one edition of a recurring contest: with the place holding it, it opens the name
    assert campaigns("昆明市第四届出租汽车驾驶员职业技能竞赛成功举办。") == ["昆明市第四届出租汽车驾驶员职业技能竞赛"]
    assert campaigns("协会承办全市第2届机动车维修职业技能大赛。") == ["机动车维修职业技能大赛"]


def test_a_bare_body_head_after_a_verb_owns_the_campaign_and_is_not_in_its_name(campaigns):
    # 按照集团X安排, 成立局X工作专班: the bare head is the document's own body; 局部 is a word of the name
    assert campaigns("按照集团港区安全隐患专项整治三年行动安排，开展检查。") == ["港区安全隐患专项整治三年行动"]
    assert campaigns("成立局道路运输安全专项整治行动工作专班。") == ["道路运输安全专项整治行动"]
    assert campaigns("开展局部路段专项整治行动。") == ["局部路段专项整治行动"]
    # a head that opens a word of the name (公司化, 公司制, 局域网, 公司治理) is no owner
    assert campaigns("开展公司化改革专项行动。") == ["公司化改革专项行动"]
    assert campaigns("推进公司制改革三年行动。") == ["公司制改革三年行动"]
    assert campaigns("开展局域网安全专项行动。") == ["局域网安全专项行动"]
    assert campaigns("实施公司治理提升行动。") == ["公司治理提升行动"]
    # a head that opens a body with the word after it (局系统, 厅系统, 局机关, 公司内部) stays in the name
    assert campaigns("组织局系统作风纪律专项整治活动。") == ["局系统作风纪律专项整治活动"]
    assert campaigns("在全厅开展厅系统作风建设年活动。") == ["厅系统作风建设年活动"]
    assert campaigns("推进局机关作风建设年活动。") == ["局机关作风建设年活动"]
    assert campaigns("开展公司内部安全生产专项检查行动。") == ["公司内部安全生产专项检查行动"]
