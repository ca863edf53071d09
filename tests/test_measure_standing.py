"""measure_standing: a sector's throughput and a body's permit and complaint figures are no campaign's results
but a travel season's and (the service figures) a service drive's."""

from __future__ import annotations

from helpers import measures


def test_a_sectors_throughput_is_not_the_campaigns_result(tmp_path):
    text = "市港航中心扎实开展安全生产“强基固本”年活动，排查隐患36处，全年完成港口货物吞吐量2860万吨，同比增长7.5%。"
    got = measures(tmp_path, text, ["安全生产“强基固本”年活动"])
    assert ("2860万吨", "安全生产强基固本年活动") not in got
    assert ("7.5%", "安全生产强基固本年活动") not in got
    assert ("36处", "安全生产强基固本年活动") in got


def test_permit_figures_are_not_a_reforms_result(tmp_path):
    text = "县行政审批股深化“放管服”改革，新增“跨省通办”事项12项，全年办理行政许可1863件，按时办结率100%。"
    got = measures(tmp_path, text, ["“放管服”改革"])
    assert ("1863件", "放管服改革") not in got
    assert ("100%", "放管服改革") not in got
    assert ("12项", "放管服改革") in got


def test_a_seasons_passengers_and_a_service_drives_complaints_stay(tmp_path):
    text = ("全市圆满完成2025年春运保障任务，道路客运发送旅客512万人次。"
            "公交集团开展“温馨出行”服务提升行动，受理乘客投诉312件，投诉办结率100%。")
    got = measures(tmp_path, text, ["2025年春运", "“温馨出行”服务提升行动"])
    assert ("512万人次", "2025年春运") in got
    assert ("312件", "温馨出行服务提升行动") in got
    assert ("100%", "温馨出行服务提升行动") in got


def test_a_plans_item_keeps_the_targets_it_sets(tmp_path):
    text = ("某县交通运输局2025年工作要点\n"
            "一、重点任务\n"
            "4.深化“放管服”改革。推行高频政务服务事项“跨省通办”，确保行政许可按时办结率100%。\n")
    got = measures(tmp_path, text, ["“放管服”改革"])
    assert ("100%", "放管服改革") in got


def test_a_reports_lone_figure_stays_its_campaigns(tmp_path):
    report = ("关于“温馨出行”服务提升行动工作总结\n\n市交通运输局：\n\n"
              "集团开展“温馨出行”服务提升行动以来，进展顺利。\n\n一、工作开展情况\n\n{}\n")
    got = measures(tmp_path, report.format("全年集团公交客运量达到1.28亿人次。"), ["“温馨出行”服务提升行动"])
    assert ("1.28亿人次", "温馨出行服务提升行动") in got
    # a campaign of its own sentence was refused the figure first: the report's campaign does not take it either
    text = report.format("集团同步开展“平安公交”专项行动，全年集团公交客运量达到1.28亿人次。")
    got = measures(tmp_path, text, ["“温馨出行”服务提升行动", "“平安公交”专项行动"])
    assert not {m for m in got if m[0] == "1.28亿人次"}


def test_a_work_figure_after_a_standing_one_in_its_clause_stays(tmp_path):
    text = "县交通运输局开展“平安交通”专项行动，全年办理行政许可1863件、查处非法营运车辆45辆。"
    got = measures(tmp_path, text, ["“平安交通”专项行动"])
    assert ("1863件", "平安交通专项行动") not in got
    assert ("45辆", "平安交通专项行动") in got


def test_a_change_against_a_named_year_or_told_as_a_rate_stays_standing(tmp_path):
    for change in ("较2024年增长7.5%", "增幅达7.5%"):
        text = f"市港航中心扎实开展“强基固本”年活动，排查隐患36处，全年完成港口货物吞吐量2860万吨，{change}。"
        got = measures(tmp_path, text, ["“强基固本”年活动"])
        assert ("7.5%", "强基固本年活动") not in got
        assert ("36处", "强基固本年活动") in got


def test_a_campaign_keeps_the_standing_figure_of_its_own_field(tmp_path):
    text = "省铁投集团开展“公转铁”运输结构调整专项行动，铁路货运量完成1.2亿吨，同比增长12%。"
    got = measures(tmp_path, text, ["“公转铁”运输结构调整专项行动"])
    assert {("1.2亿吨", "公转铁运输结构调整专项行动"), ("12%", "公转铁运输结构调整专项行动")} <= got
    text = "县交通运输局开展“项目建设攻坚年”活动，完成交通固定资产投资56亿元。"
    got = measures(tmp_path, text, ["“项目建设攻坚年”活动"])
    assert ("56亿元", "项目建设攻坚年活动") in got
    text = "县交通运输局开展“平安交通”专项行动，完成交通固定资产投资56亿元。"
    assert ("56亿元", "平安交通专项行动") not in measures(tmp_path, text, ["“平安交通”专项行动"])
