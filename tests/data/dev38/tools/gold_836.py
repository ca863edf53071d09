DOC = "836_tongxu_bureau_two_festivals_safety_meeting_news.txt"
AUTHOR = "通许县交通运输局"
JURISDICTION = "通许县"
A = AUTHOR
DD = "县交通运输综合行政执法大队"
GL = "县农村公路管理所"
JJ = "县公安局交警大队"
AQ = "局安全监督股"
BR = "道路运输安全生产百日攻坚行动"
TL = "河南省道路运输条例"
ZB = "领导带班和值班值守制度"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", DD, [DD, "执法大队"]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", AQ, [AQ]),
    ("AGENCY", "省交通运输厅", ["省交通运输厅"]),
    ("CAMPAIGN", BR, ["道路运输安全生产“百日攻坚”行动"]),
    ("REGULATION", TL, [TL]),
    ("REGULATION", ZB, [ZB], True),
]
LOCAL = {"省交通运输厅", DD, GL, JJ, AQ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("12家", "参会客货运输企业", L, "县内12家客货运输企业", "运输企业|count"),
    ("3家", "参会汽车客运站", L, "3家汽车客运站负责人", "汽车客运站|count"),
    ("60余人", "参加会议人数", L, "负责人共60余人参加会议", "参会人员|people"),
    ("286次", "开展安全检查", L, "全年共开展安全检查286次", "开展安全检查|count"),
    ("415处", "排查整改安全隐患", L, "排查整改安全隐患415处", "排查安全隐患|count"),
    ("98.6%", "隐患整改率", L, "整改率达到98.6%", "隐患整改率|ratio"),
    ("24小时", "两客一危车辆动态监控值守", T, "动态监控实行24小时值守", "动态监控值守|time"),
    ("30人", "节日期间每天投入执法人员", T, "每天投入执法人员不少于30人", "投入执法人员|people", DD),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, BR),
    (CW, A, JJ),
    (M, "24小时", "动态监控实行24小时值守", BR, True),
]
