"""The author body: titles and news forms, signatures, source lines, the speaker's own units,
and the completion of a level-only name with the place the text gives it elsewhere.

Every document here is made up; places are real divisions so that the gazetteer knows them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.ingest import fold_width
from kg.model import SourceDocument
from kg.structure import structure_document
from kg.structure.author import narrator


def author(text: str) -> str | None:
    src = SourceDocument("t.txt", Path("t.txt"), text, fold_width(text), "utf-8", "txt",
                         hashlib.sha256(text.encode()).hexdigest())
    return structure_document(src).meta.author


def test_a_news_title_opens_with_the_body_and_a_verb():
    assert author("清远市交通运输综合行政执法支队圆满完成春运保障任务\n3月1日，春运结束。支队出动执法人员。\n"
                  ) == "清远市交通运输综合行政执法支队"
    assert author("清远市交通运输局与清远港口集团有限公司签署合作协议\n双方将加强合作。\n") == "清远市交通运输局"
    # a speech title names a meeting: no body
    assert author("在全市交通运输工作会议上的讲话\n同志们：\n今天召开会议。\n") is None


def test_a_source_line_and_a_news_lead_name_the_publisher():
    text = "全市交通运输工作新闻发布会召开\n来源：清远市交通运输局　发布时间：2024-01-19\n1月18日，市政府新闻办举行发布会。\n"
    assert author(text) == "清远市交通运输局"
    text = "春运工作有序推进\n发布时间：2024-02-01\n1月31日，清远市交通运输局召开春运工作推进会。\n"
    assert author(text) == "清远市交通运输局"


def test_a_signature_before_a_masked_date():
    text = "关于做好汛期安全生产工作的通知\n各单位：\n现将有关事项通知如下。\n\n清新区交通运输局\n2024年6月XX日\n"
    assert author(text) == "清新区交通运输局"


def test_the_speaker_is_the_field_body_its_own_units_stand_for():
    text = ("在全市交通运输工作会议上的讲话\n同志们：\n过去一年，清远市交通运输局被评为先进单位。"
            "局党组高度重视安全生产。市公安局交警支队开展整治，我们联合市公安局开展行动。\n")
    assert author(text) == "清远市交通运输局"
    # the same speech without its body named: the police (inside 市公安局交警支队, or a partner) are not the speaker
    text = ("在全市交通运输工作会议上的讲话\n同志们：\n局党组高度重视安全生产。市公安局交警支队开展整治，"
            "市运输服务中心要与市邮政管理局建立机制。\n")
    assert author(text) is None


def test_an_organ_the_text_names_in_full_is_the_author():
    text = ("XXX同志在全面从严治党工作会议上的讲话\n同志们：\n这次会议是经清远市交通运输局党组研究决定召开的。\n"
            "一年来，局党组坚决扛起政治责任。局党组召开专题会议6次。\n")
    assert author(text) == "清远市交通运输局党组"


def test_a_level_only_author_is_completed_with_its_place():
    text = "省交通运输厅赴清远市督导检查汛期安全工作\n来源：广东省交通运输厅　发布时间：2023-06-26\n6月20日，省交通运输厅督导组赴清远。\n"
    assert author(text) == "广东省交通运输厅"
    # without the full name anywhere the level-only name stays
    assert author("省交通运输厅赴清远市督导检查汛期安全工作\n6月20日，督导组赴清远。\n") == "省交通运输厅"


def test_a_title_s_bare_body_is_completed_only_one_way():
    text = "交通运输局2023年上半年工作总结\n上半年，我局扎实推进各项工作。\n\n英德市交通运输局\n2023年7月5日\n"
    assert author(text) == "英德市交通运输局"
    text = ("交通运输局2023年上半年工作总结\n上半年，我局配合清远市交通运输局开展检查，"
            "英德市交通运输局组织培训。\n")
    assert author(text) == "交通运输局"


def test_a_title_opened_by_a_body_s_party_organ():
    assert author("清远市交通运输局党组2023年落实全面从严治党主体责任情况报告\n一年来，局党组扎实推进。\n"
                  ) == "清远市交通运输局党组"
    # a numbered branch of the body is the subject, not the body (第 does not open a period here)
    assert author("清远市交通运输局第二党支部开展主题党日活动\n7月1日，支部组织党员参观。\n"
                  ) == "清远市交通运输局第二党支部"
    assert author("清远市交通运输局第三季度安全生产工作会议召开\n会议强调。\n") == "清远市交通运输局"
    assert author("清远市交通运输综合行政执法支队第二大队开展夜查行动\n3月1日，大队出动执法人员。\n"
                  ) == "清远市交通运输综合行政执法支队第二大队"
    assert author("清远市交通运输局第一党总支召开会议\n会议强调。\n") == "清远市交通运输局第一党总支"
    assert author("清远市交通运输局第二次党组会议召开\n会议强调。\n") == "清远市交通运输局"
    # the body's leadership reporting on its year: the body speaks
    assert author("清远市公路事业发展中心领导班子2026年度述职述廉报告\n一年来，中心党委扎实推进。\n"
                  ) == "清远市公路事业发展中心"


def test_the_byline_under_a_speech_title_names_the_speaker_s_body():
    text = "在全市春运工作会议上的讲话\n清远市人民政府副市长　李XX\n（2024年1月XX日）\n同志们：\n今天召开会议。\n"
    assert author(text) == "清远市人民政府"
    text = "在全市交通运输工作会议上的讲话\n清远市交通运输局党组书记、局长　王XX\n同志们：\n"
    assert author(text) == "清远市交通运输局"

    text = "在全市治超工作会议上的讲话\n清远市交通运输局党组成员、副局长　王XX\n同志们：\n今天召开会议。\n"
    assert author(text) == "清远市交通运输局"
    # a byline that leaves the speaker's name out: the body, not the organ the speech names (局党组)
    text = ("在全局党风廉政建设工作会议上的讲话\n清远市交通运输局党组书记、局长\n同志们：\n"
            "一年来，局党组认真履行主体责任，清远市交通运输局党组召开专题会议6次。\n")
    assert author(text) == "清远市交通运输局"


def test_a_brief_s_masthead_names_the_body_its_office_edits_it_for():
    text = ("交通工作简报\n\n第3期\n\n英德市公路事业发展中心办公室　　　　2024年11月30日\n\n"
            "1.中心召开安全形势分析会\n\n11月20日，会议通报了今年的工作。\n")
    assert author(text) == "英德市公路事业发展中心"
    text = "交通工作简报\n\n第3期\n\n英德市交通运输局　　2024年11月30日\n\n会议通报了今年的工作。\n"
    assert author(text) == "英德市交通运输局"
    # a date alone, or a body in a sentence with a date, is no masthead
    text = "交通工作简报\n\n第3期\n\n2024年11月30日\n\n会议通报了今年的工作。\n"
    assert author(text) is None

def test_the_host_of_a_visit_publishes_the_news_of_it():
    text = ("省交通运输厅督导组到英德市督导检查安全生产工作\n来源：英德市交通运输局　发布时间：2024-04-XX\n"
            "4月X日，督导组到英德市检查。\n")
    assert author(text) == "英德市交通运输局"
    # a body's own event published by its parent stays the body's
    text = ("清远市交通运输综合行政执法支队召开工作讲评会\n来源：清远市交通运输局\n"
            "4月9日，支队召开讲评会。\n")
    assert author(text) == "清远市交通运输综合行政执法支队"


def test_a_section_of_a_bureau_is_an_author_by_its_title_and_its_signature():
    assert author("清远市交通运输局法制科2024年工作总结\n我科全年审核文件30件。\n") == "清远市交通运输局法制科"
    text = "关于规范执法文书的报告\n我科全年审核文件30件。\n\n清远市交通运输局法制科\n2024年6月XX日\n"
    assert author(text) == "清远市交通运输局法制科"


def test_a_distribution_line_names_recipients_not_the_author():
    text = ("工作简报\n第X期\n\n全县农村公路建设有序推进\n今年，县交通运输局完成投资2亿元。在市交通运输局指导下，"
            "我局推进路长制。我局还将争创示范县。\n\n（报：市交通运输局；送：县委办；发：局属各单位）\n")
    assert author(text) != "市交通运输局"
    text = "关于做好汛期安全工作的通知\n各单位：\n我局将认真落实汛期安全工作。\n抄送：市交通运输局\n"
    assert author(text) is None


def test_a_signature_above_a_distribution_line():
    text = ("关于市人大代表第8号建议的答复\n王代表：\n该建议由我局承办。市城市管理综合行政执法局配合开展治理。\n"
            "我局会同市公安局推进停车治理。\n\n阳山县交通运输局\n2024年6月XX日\n\n抄送：市人大代表工作委员会\n")
    assert author(text) == "阳山县交通运输局"


def test_a_news_item_speaks_for_the_body_its_facts_come_from():
    assert author("全市路网运行平稳\n记者从清远市交通运输局获悉，春运期间全市发送旅客100万人次。\n") == "清远市交通运输局"
    assert author("春运平稳有序\n据清远市交通运输局介绍，春运期间全市发送旅客100万人次。\n") == "清远市交通运输局"
    assert author("春运平稳有序\n春运期间全市发送旅客100万人次。\n（清远市交通运输局供图）\n") == "清远市交通运输局"
    # a title that opens with the body and 通报
    assert author("清远市交通运输局通报春运工作成果\n春运期间全市发送旅客100万人次。\n") == "清远市交通运输局"
    # a source phrase deep in a newspaper's own article sources that paragraph only
    text = ("凌晨治超行动\n衡阳日报记者　XXX\n6月X日凌晨，多部门开展联合治超。\n执法人员检查货车30辆。\n"
            "交警同步开展检查。\n记者从衡南县交通运输局了解到，该县今年已约谈企业12家。\n")
    assert author(text) is None


def test_a_discipline_group_is_an_author_by_its_title_and_its_signature():
    text = ("市纪委监委驻市交通运输局纪检监察组2025年工作总结\n一年来，纪检监察组聚焦监督第一职责。\n\n"
            "市纪委监委驻市交通运输局纪检监察组\n2026年1月12日\n")
    assert author(text) == "市纪委监委驻市交通运输局纪检监察组"
    text = "2025年工作总结\n一年来，我们聚焦监督第一职责。\n\n县纪委监委驻县交通运输局纪检组\n2026年1月12日\n"
    assert author(text) == "县纪委监委驻县交通运输局纪检组"


def test_a_quoted_slogan_between_the_title_s_body_and_its_verb():
    assert author("宜章县交通运输执法大队“三个强化”推进夜间治超\n近段时间，大队强化路面管控。\n"
                  ) == "宜章县交通运输执法大队"
    # a quoted name with no verb after it is no news title
    assert author("清远市交通运输局“四好农村路”\n一年来，我们扎实推进。\n") is None


def test_a_place_ending_a_list_of_places_does_not_complete_the_author():
    text = ("在全市治超工作会议上的讲话\n市交通运输局党组成员、副局长　王XX\n同志们：\n"
            "衡阳县、衡南县、耒阳市交通运输局要落实源头监管。\n")
    assert author(text) == "市交通运输局"
    # a place of its own before the name still completes it
    text = ("在全市治超工作会议上的讲话\n市交通运输局党组成员、副局长　王XX\n同志们：\n"
            "衡阳市交通运输局今年查处案件XX起。\n")
    assert author(text) == "衡阳市交通运输局"


def test_a_party_organ_signing_for_the_title_s_body_is_the_author():
    text = ("甲县交通运输局2024年机关党建工作总结\n2024年，局党组坚持抓好党建。\n一、强化政治引领\n"
            "局党组全年召开党组会议24次。\n中共乙市甲县交通运输局党组\n2024年12月20日\n")
    assert author(text) == "中共乙市甲县交通运输局党组"
    # an organ of another body signing leaves the title's body the author
    other = text.replace("中共乙市甲县交通运输局党组", "中共乙市丙县交通运输局党组")
    assert author(other) == "甲县交通运输局"


def test_an_association_is_the_author_of_its_own_report():
    text = "清远市道路运输协会2025年工作总结\n一年来，协会组织会员企业开展安全培训。\n清远市道路运输协会\n2025年12月20日\n"
    assert author(text) == "清远市道路运输协会"


def test_a_speech_at_a_body_s_meeting_is_by_the_speaker_s_body_on_the_byline():
    text = ("在清远市交通运输局2026年党风廉政建设工作会议上的讲话\n"
            "市纪委监委派驻市交通运输局纪检监察组组长　XXX\n同志们：\n下面，我讲三点意见。\n")
    assert author(text) == "市纪委监委派驻市交通运输局纪检监察组"
    # without a byline the preposition never opens the body's name
    assert not (author("在清远市交通运输局2026年工作会议上的讲话\n同志们：\n今天召开会议。\n") or "").startswith("在")


def test_a_masthead_with_one_space_before_its_date():
    text = "全市春运工作圆满收官\n英德市交通运输局　2024年2月24日\n\n春运期间，全市发送旅客10万人次。\n"
    assert author(text) == "英德市交通运输局"


def test_the_body_alone_on_the_line_under_the_title_issues_the_report():
    text = ("英德市2026年物流发展情况报告\n\n英德市现代物流发展联合办公室\n（市商务局 市交通运输局）\n\n"
            "2026年，全市物流总额同比增长7.9%。现将有关情况报告如下。\n")
    assert author(text) == "英德市现代物流发展联合办公室"


def test_a_meeting_news_item_is_by_the_body_whose_head_gives_the_work_report():
    text = ("英德召开2027年全市交通运输工作会议\n\n1月12日，英德市召开全市交通运输工作会议。副市长刘XX出席会议并讲话，"
            "英德市交通运输局党组书记、局长王XX作工作报告。\n\n会议指出，全市完成投资8亿元。\n")
    assert author(text) == "英德市交通运输局"
    # a leader's visit is not a meeting the body holds: the head there leads a visit (test below)
    visit = ("市交通运输局主要负责同志赴英德市督导防汛工作\n\n6月18日，清远市交通运输局党组书记、局长XXX带队赴英德市，"
             "督导防汛工作。\n\n督导组要求，持续深化隐患排查。\n")
    assert author(visit) == "清远市交通运输局"


def test_the_news_of_a_leader_s_visit_is_by_the_visiting_body():
    text = ("省交通运输厅厅长赴英德市调研农村公路建设\n\n12月2日，广东省交通运输厅党组书记、厅长带队赴英德市，"
            "调研农村公路建设。英德市交通运输局负责同志陪同。\n")
    assert author(text) == "广东省交通运输厅"
    text = ("市交通运输局领导带队暗访检查春运安全工作\n\n1月20日晚，暗访组乘坐出租车进站。\n")
    assert author(text) == "市交通运输局"
    text = ("清远市交通运输局副局长刘XX带队的检查组一行深入英德港检查。\n\n检查组先后来到码头。\n")
    assert author(text) == "清远市交通运输局"
    # the head of a body leading its own staff in a study is no visit
    assert author("学习会议\n\n清远市交通运输局局长带领全局干部学习文件。\n") is None


def test_a_joint_document_s_issuers_line_names_the_leading_issuer():
    text = ("清远市财政局　清远市交通运输局\n关于印发《清远市农村公路养护资金管理办法》的通知\n"
            "各县（市、区）财政局、交通运输局：\n现将办法印发给你们，请遵照执行。\n")
    assert author(text) == "清远市财政局"


def test_this_measure_is_not_a_self_reference_to_an_office():
    text = ("关于印发《清远市农村公路养护资金管理办法》的通知\n各县（市、区）交通运输局：\n"
            "现将办法印发给你们。\n本办法自2026年4月1日起施行。\n")
    assert author(text) is None


def test_a_lead_s_joint_subject_names_no_single_author():
    text = "货运服务季启动\n5月20日，由包头市物流行业协会和包头市道路运输协会联合主办的启动仪式举行。\n活动持续三个月。\n"
    assert author(text) is None
    text = "货运服务季启动\n5月20日，由包头市道路运输协会联合包头市物流行业协会举办启动仪式。\n活动持续三个月。\n"
    assert author(text) == "包头市道路运输协会"


def test_a_bare_unit_as_subject_is_the_body_the_text_names_with_that_head():
    text = ("大竹县路政大队集中清理一处超限车辆聚集点\n本报讯 10月23日凌晨，大竹县路政大队联合县公安局交警大队开展清理。\n"
            "大队随即调集执法人员。\n下一步，大队将加强源头监管。\n")
    assert author(text) == "大竹县路政大队"


def test_a_joint_document_s_issuers_opening_its_title_name_the_leading_issuer():
    text = ("清远市交通运输局　清远市公安局　清远市应急管理局关于做好冬季道路交通安全工作的通知\n"
            "各县（市、区）交通运输局、公安局、应急管理局：\n现将有关事项通知如下。\n")
    assert author(text) == "清远市交通运输局"


def test_a_news_lead_s_organiser_of_the_event_is_the_author():
    text = ("清远市举行2026年高速公路隧道应急演练\n\n11月5日上午，由清远市交通运输局、清远市应急管理局主办的应急演练"
            "在隧道举行。\n\n演练共出动车辆20辆。\n")
    assert author(text) == "清远市交通运输局"
    text = ("北江航道疏浚工程顺利完工\n\n本报讯 11月28日，随着最后一艘挖泥船驶离作业水域，由清远市航道事务中心组织实施的"
            "北江航道疏浚工程顺利完工。\n\n工程总投资2360万元。\n")
    assert author(text) == "清远市航道事务中心"
    # organisers joined by 和 are a joint author: no single one speaks
    text = ("货运服务季启动\n\n5月20日，由清远市物流行业协会和清远市道路运输协会联合主办的启动仪式举行。\n\n活动持续三个月。\n")
    assert author(text) is None


def test_a_union_is_a_body_that_can_author_its_report():
    text = "清远市交通运输局机关工会2024年工作总结\n\n2024年，局机关工会组织职工开展劳动竞赛。\n"
    assert author(text) == "清远市交通运输局机关工会"


def test_the_visiting_body_is_no_default_subject_unless_the_text_speaks_for_it():
    def sdoc(text):
        src = SourceDocument("t.txt", Path("t.txt"), text, fold_width(text), "utf-8", "txt",
                             hashlib.sha256(text.encode()).hexdigest())
        return structure_document(src)
    lead = "\n\n12月2日，广东省交通运输厅党组书记、厅长带队赴英德市，调研农村公路建设。\n"
    visit = sdoc("省交通运输厅厅长赴英德市调研农村公路建设" + lead)
    assert visit.meta.author == "广东省交通运输厅" and narrator(visit) is None
    # a source line names the publisher, who speaks: the default subject stays
    sourced = sdoc("省交通运输厅厅长赴英德市调研农村公路建设" + lead + "来源：广东省交通运输厅\n")
    assert narrator(sourced) == "广东省交通运输厅"


def test_a_signature_whose_place_holds_a_function_word():
    # 都 and 和 are function words, but inside a place (于都县, 和平区) they do not make the line a clause
    text = "农村公路养护工作方案\n一、目标\n全年完成养护任务。\n二、措施\n加强巡查。\n\n于都县公路事业发展中心\n2025年4月8日\n"
    assert author(text) == "于都县公路事业发展中心"
    text = "汛期安全工作方案\n一、目标\n确保安全。\n二、措施\n加强值守。\n\n沈阳市和平区交通运输局\n2025年6月1日\n"
    assert author(text) == "沈阳市和平区交通运输局"
    # a clause on the last line is still no signature
    text = "汛期安全工作方案\n一、目标\n确保安全。\n二、措施\n加强值守。\n\n各单位都要做好值班\n2025年6月1日\n"
    assert author(text) is None


def test_a_source_line_in_brackets_closing_a_news_item():
    text = ("全市开展货车安全检查\n\n5月14日，检查组对货运企业开展检查。\n\n共检查车辆58辆。\n\n下一步将持续开展检查。\n\n"
            "同时加强宣传。\n\n（来源：赣州市交通运输局）\n")
    assert author(text) == "赣州市交通运输局"


def test_speaking_on_behalf_of_a_body_before_a_comma():
    text = ("全县农村公路工作情况汇报\n\n尊敬的各位领导：\n\n首先，我代表瑞金市交通运输局，对各位领导莅临检查表示欢迎。\n\n"
            "一、工作成效\n\n全年新改建农村公路50公里。\n")
    assert author(text) == "瑞金市交通运输局"
