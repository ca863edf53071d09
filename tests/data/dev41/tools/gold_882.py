DOC = "882_yangjiang_zhapo_maritime_fishing_boat_rescue_news.txt"
AUTHOR = None
JURISDICTION = "阳江市"
ZP = "闸坡海事处"
SJ = "阳江市海上搜救中心"
NH = "交通运输部南海救助局"
HJ = "阳江海警局"
ENT = [
    ("AGENCY", ZP, [ZP]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", NH, [NH]),
    ("AGENCY", HJ, [HJ]),
    ("AGENCY", "海事部门", ["海事部门"]),
]
LOCAL = {"海事部门"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("6名", "获救渔民", L, "6名渔民全部获救", "救助遇险人员|people", ZP),
    ("6名", "遇险渔船载有渔民", L, "一艘载有6名渔民的渔船", "遇险人员|people", ""),
    ("18海里", "遇险海域距海陵岛", L, "以南约18海里海域", "遇险位置距离|length", ""),
    ("2艘", "参与搜救的附近渔船", L, "附近2艘渔船参与搜救", "参与搜救船舶|vehicles", SJ),
    ("3小时", "连续作业时长", L, "经过约3小时的连续作业", "搜救作业时长|time", ""),
    ("6名", "安全转移遇险渔民", L, "将6名遇险渔民全部安全转移", "救助遇险人员|people", ""),
    ("4小时", "救助全程历时", L, "全程历时约4小时", "搜救作业时长|time", ""),
    ("4艘次", "出动搜救船舶", L, "共出动搜救船舶4艘次", "出动搜救船舶|vehicles", ""),
    ("23次", "组织海上搜救行动", L, "共组织海上搜救行动23次", "组织海上搜救|count", ZP),
    ("142人", "成功救助遇险人员", L, "成功救助遇险人员142人", "救助遇险人员|people", ZP),
    ("98.6%", "救助成功率", L, "救助成功率达到98.6%", "搜救成功率|ratio", ZP),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, ZP, HJ),
    (CW, SJ, NH, True),
]
