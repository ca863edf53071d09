"""Coordinated campaigns an item opens with: a metric whose clause names one's object measures that one."""

from __future__ import annotations

from kg.extract.measure_coordination import named_in_clause

from helpers import measures


def test_a_metric_naming_one_coordinated_campaigns_object_measures_that_one(tmp_path):
    text = "局工会开展“职工书屋”建设和“最美交通人”评选，评出“最美交通人”10名。"
    got = measures(tmp_path, text, ["“职工书屋”建设", "“最美交通人”评选"])
    assert got == {("10名", "最美交通人评选")}


def test_a_metric_naming_neither_measures_both(tmp_path):
    text = "大队开展“铁拳”治超行动和“清源”专项行动，全年检查货运企业120家。"
    got = measures(tmp_path, text, ["“铁拳”治超行动", "“清源”专项行动"])
    assert got == {("120家", "铁拳治超行动"), ("120家", "清源专项行动")}


def test_a_generic_head_or_a_short_overlap_names_no_campaign():
    text = "开展青年岗位能手评选和交通青年讲堂活动，累计选树青年岗位能手26名"
    at = text.index("26名")
    assert named_in_clause(text, at, ["青年岗位能手评选", "交通青年讲堂活动"]) == {"青年岗位能手评选"}
    text = "开展平安港航专项行动和港口危险货物安全专项整治，全年检查港口企业186家次"
    at = text.index("186家次")
    assert named_in_clause(text, at, ["平安港航专项行动", "港口危险货物安全专项整治"]) == {
        "平安港航专项行动", "港口危险货物安全专项整治"}


def test_a_calendar_event_coordinated_with_a_drive_is_the_time_of_the_drives_work(tmp_path):
    text = "全系统深入开展安全生产治本攻坚三年行动和“安全生产月”活动，全系统排查安全隐患3260处。"
    got = measures(tmp_path, text, ["安全生产治本攻坚三年行动", "“安全生产月”活动"])
    assert got == {("3260处", "安全生产治本攻坚三年行动")}
    # two calendar events both keep it
    text = "组织开展“节能宣传周”和“全国低碳日”活动，发放宣传资料1.2万份。"
    got = measures(tmp_path, text, ["“节能宣传周”", "“全国低碳日”活动"])
    assert got == {("1.2万份", "节能宣传周"), ("1.2万份", "全国低碳日活动")}
    # so is it with other work that is no drive (the gold of dev6, dev35 and dev36 gives it to that work alone)
    text = "组织开展“安全生产月”和“安全宣传进企业”活动，全年开展安全培训60场次。"
    got = measures(tmp_path, text, ["“安全生产月”", "“安全宣传进企业”活动"])
    assert got == {("60场次", "安全宣传进企业活动")}
