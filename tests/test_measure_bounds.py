"""measure_bounds: a condition's bound and a count of the titles listed before it measure nothing."""

from __future__ import annotations

from helpers import measures


def test_a_bound_that_picks_a_conditions_objects_measures_nothing(tmp_path):
    text = ("支队开展“安全护航”专项行动，检查客运企业36家，对动态监控上线率低于85%的企业约谈负责人，"
            "对超速4次以上的驾驶员实行停班学习，对3次以上被查处的车主移送公安机关。")
    got = measures(tmp_path, text, ["“安全护航”专项行动"])
    assert ("36家", "安全护航专项行动") in got
    assert ("85%", "安全护航专项行动") not in got
    assert ("4次", "安全护航专项行动") not in got
    assert ("3次", "安全护航专项行动") not in got


def test_a_target_bound_stays(tmp_path):
    text = "支队开展“安全护航”专项行动，组织不少于3轮的督导检查，对全县52家企业开展检查。"
    got = measures(tmp_path, text, ["“安全护航”专项行动"])
    assert ("3轮", "安全护航专项行动") in got
    assert ("52家", "安全护航专项行动") in got


def test_a_count_of_the_titles_listed_before_it_measures_nothing(tmp_path):
    text = "局党组开展“作风提升”专项活动，出台《公务用车管理办法》《考勤管理规定》等5项制度，开展谈话42人次。"
    got = measures(tmp_path, text, ["“作风提升”专项活动"])
    assert ("5项", "作风提升专项活动") not in got
    assert ("42人次", "作风提升专项活动") in got
    text = text.replace("等5项制度", "等制度5项")
    got = measures(tmp_path, text, ["“作风提升”专项活动"])
    assert ("5项", "作风提升专项活动") in got


def test_a_count_of_the_means_work_relies_on_measures_nothing(tmp_path):
    text = "大队开展“清路”治超行动，依托全县5个超限检测站实行驻站执法，通过非现场执法查处案件38宗。"
    got = measures(tmp_path, text, ["“清路”治超行动"])
    assert ("5个", "清路治超行动") not in got
    assert ("38宗", "清路治超行动") in got
