"""measure_durations: a campaign's length before its name and a round-the-clock regime measure nothing."""

from __future__ import annotations

from helpers import measures


def test_a_campaigns_length_before_its_name_measures_nothing(tmp_path):
    text = "市局自5月起在全市范围内开展为期4个月的危险货物运输专项整治，检查企业28家。"
    got = measures(tmp_path, text, ["危险货物运输专项整治"])
    assert ("4个月", "危险货物运输专项整治") not in got
    assert ("28家", "危险货物运输专项整治") in got
    text = text.replace("开展为期", "开展了历时")
    got = measures(tmp_path, text, ["危险货物运输专项整治"])
    assert ("4个月", "危险货物运输专项整治") not in got
    assert ("28家", "危险货物运输专项整治") in got


def test_a_campaigns_length_as_its_predicate_still_measures_it(tmp_path):
    text = "市交通运输局启动“文明服务”提升行动，此次“文明服务”提升行动为期3个月。"
    got = measures(tmp_path, text, ["“文明服务”提升行动"])
    assert ("3个月", "文明服务提升行动") in got


def test_a_round_the_clock_regime_measures_nothing(tmp_path):
    text = "大队开展“铁腕治超”攻坚行动，在两个治超点实行24小时联合执法，查处超限车辆126辆。"
    got = measures(tmp_path, text, ["“铁腕治超”攻坚行动"])
    assert ("24小时", "铁腕治超攻坚行动") not in got
    assert ("126辆", "铁腕治超攻坚行动") in got


def test_hours_worked_stay(tmp_path):
    text = "支队开展“雷锋”志愿服务活动，志愿服务1200余小时，服务旅客3000人次。"
    got = measures(tmp_path, text, ["“雷锋”志愿服务活动"])
    assert ("1200余小时", "雷锋志愿服务活动") in got


def test_hours_worked_before_their_work_stay(tmp_path):
    text = "支队开展“雷锋”志愿服务活动，累计开展120小时志愿服务，巡航360小时覆盖水域120平方公里。"
    got = measures(tmp_path, text, ["“雷锋”志愿服务活动"])
    assert ("120小时", "雷锋志愿服务活动") in got
    assert ("360小时", "雷锋志愿服务活动") in got
