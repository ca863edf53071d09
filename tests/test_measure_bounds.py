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
    # a bare comparison whose objects are counted apart bounds them too
    got = measures(tmp_path, "支队开展“安全护航”专项行动，检查客运企业36家。考核低于80分的3家企业，约谈负责人。",
                   ["“安全护航”专项行动"])
    assert ("80分", "安全护航专项行动") not in got


def test_a_count_of_the_picked_or_compared_objects_themselves_stays(tmp_path):
    # the number after 的 counts the noun; a bare comparison with no 对 or rate counts the objects
    text = "支队开展“安全护航”专项行动，对检查中发现的120个以上的隐患进行整改，超过1200辆次的车辆完成整改。"
    got = measures(tmp_path, text, ["“安全护航”专项行动"])
    assert ("120个", "安全护航专项行动") in got
    assert ("1200辆次", "安全护航专项行动") in got


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
    # a counter of no document after 》等 counts sessions, a result
    text = "局党组开展“作风提升”专项活动，组织学习《安全生产法》《道路运输条例》等30余场。"
    got = measures(tmp_path, text, ["“作风提升”专项活动"])
    assert ("30余场", "作风提升专项活动") in got


def test_a_count_of_the_means_work_relies_on_measures_nothing(tmp_path):
    text = "大队开展“清路”治超行动，依托全县5个超限检测站实行驻站执法，通过非现场执法查处案件38宗。"
    got = measures(tmp_path, text, ["“清路”治超行动"])
    assert ("5个", "清路治超行动") not in got
    assert ("38宗", "清路治超行动") in got
    # a verb and its object after the means: the number counts a result
    text = "大队开展“清路”治超行动，依托平台查处案件38宗，依托平台发现问题41个。"
    got = measures(tmp_path, text, ["“清路”治超行动"])
    assert ("38宗", "清路治超行动") in got
    assert ("41个", "清路治超行动") in got
