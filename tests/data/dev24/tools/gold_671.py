DOC = "671_huangshi_bureau_special_action_notice.txt"
AUTHOR = "黄石市交通运输局"
JURISDICTION = "黄石市"
A = AUTHOR
ZD = "市交通运输综合行政执法支队"
ST = "省交通运输厅"
GL = "市公路事业发展中心"
YS = "市道路运输事业发展中心"
AJ = "市局安全监督科"
FG = "市发展和改革委员会"
JY = "净源护航道路货运安全专项行动"
AY = "安全生产月活动"
CS = "关于加强道路货运安全监管的若干措施"
FA = "黄石市安全生产治本攻坚三年行动实施方案"
ENT = [
    ("AGENCY", A, [A, "市局"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", ST, [ST]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", YS, [YS]),
    ("AGENCY", AJ, [AJ, "局安全监督科"]),
    ("AGENCY", FG, [FG]),
    ("CAMPAIGN", JY, ["“净源护航”道路货运安全专项行动"]),
    ("CAMPAIGN", AY, ["“安全生产月”活动"]),
    ("REGULATION", CS, [CS]),
    ("REGULATION", FA, [FA]),
]
LOCAL = {ZD, GL, YS, AJ, FG}
LINK = {ST: "湖北省交通运输厅"}
L, CH, T = "level", "change", "target"
MET = [
    ("100%", "重点货运源头单位监管覆盖率", T, "重点货运源头单位监管覆盖率达到100%", "源头单位监管覆盖率|ratio"),
    ("98%", "普通货运企业动态监控入网率", T, "动态监控入网率达到98%以上", "动态监控入网率|ratio"),
    ("1%", "货车超限超载率", T, "货车超限超载率控制在1%以内", "货车超限超载率|ratio"),
    ("2次", "每周开展联合夜查", T, "每周开展联合夜查不少于2次", "开展联合执法|count"),
    ("90%", "超速疲劳驾驶报警处置率约谈线", T, "报警处置率低于90%的企业予以约谈", "动态监控报警处置率|ratio", YS),
    ("3000人次", "组织货运驾驶员安全教育培训", T, "全年培训不少于3000人次", "安全教育培训|people"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, JY),
    (C, ZD, JY),
    (C, GL, JY, True),
    (C, YS, JY, True),
    (C, AJ, JY, True),
    (C, AJ, AY, True),
    (C, A, AY, True),
    (I, ST, CS, True),
    (CW, YS, FG, True),
    (CW, ZD, FG, True),
    (CW, A, FG, True),
    (M, "100%", "重点货运源头单位监管覆盖率达到100%", JY),
    (M, "98%", "动态监控入网率达到98%以上", JY),
    (M, "1%", "货车超限超载率控制在1%以内", JY),
    (M, "2次", "每周开展联合夜查不少于2次", JY),
    (M, "3000人次", "全年培训不少于3000人次", JY),
    (M, "90%", "报警处置率低于90%的企业予以约谈", JY, True),
    (M, "3000人次", "全年培训不少于3000人次", AY, True),
]
