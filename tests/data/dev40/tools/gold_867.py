DOC = "867_hunan_dept_meteorology_traffic_police_cooperation_news.txt"
AUTHOR = "湖南省交通运输厅"
JURISDICTION = "湖南省"
A = AUTHOR
QX = "湖南省气象局"
JZ = "湖南省公安厅交通警察总队"
GA = "省公安厅"
GS = "湖南省高速公路集团有限公司"
ZF = "省交通运输综合行政执法局"
PC = "平安春运专项行动"
YX = "雨雪冰冻天气保通保畅专项行动"
JQ = "交通强国建设试点"
XY = "交通气象安全保障战略合作协议"
GH = "湖南省综合交通运输体系规划（2021—2035年）"
ENT = [
    ("AGENCY", A, [A, "省交通运输厅", "省厅"]),
    ("AGENCY", QX, [QX, "省气象局"]),
    ("AGENCY", JZ, [JZ, "省公安厅交警总队", "交警总队"]),
    ("AGENCY", GA, [GA], True),
    ("AGENCY", ZF, [ZF]),
    ("AGENCY", "省交通运输厅党组", ["省交通运输厅党组"], True),
    ("AGENCY", "省气象局党组", ["省气象局党组"], True),
    ("AGENCY", "省公安厅党委", ["省公安厅党委"], True),
    ("ORGANIZATION", GS, [GS]),
    ("CAMPAIGN", PC, ["“平安春运”"]),
    ("CAMPAIGN", YX, ["“雨雪冰冻天气保通保畅”"]),
    ("CAMPAIGN", JQ, [JQ]),
    ("CAMPAIGN", "春运", ["春运"], True),
    ("REGULATION", XY, [XY], True),
    ("REGULATION", GH, [GH]),
]
LOCAL = {GA, ZF, "省交通运输厅党组", "省气象局党组", "省公安厅党委"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("120个", "新建公路交通气象站", T, "新建公路交通气象站120个", "建设交通气象站|count"),
    ("100%", "高速公路团雾多发路段监测覆盖率", T, "监测覆盖率达到100%", "团雾路段监测覆盖率|ratio"),
    ("30分钟", "气象预警信息发布提前量", T, "发布提前量不少于30分钟", "预警发布提前量|time"),
    ("3260条", "发布交通气象预警信息", L, "发布交通气象预警信息3260条", "发布预警信息|count"),
    ("218次", "实施临时交通管制", L, "实施临时交通管制218次", "实施交通管制|count"),
    ("14个", "派出保通保畅工作组", T, "联合派出保通保畅工作组14个", "派出工作组|count"),
    ("90%", "高速公路视频监控与气象观测数据共享接入率", T, "数据共享接入率达到90%以上", "数据共享接入率|ratio"),
    ("18.4%", "高速公路因恶劣天气导致的交通事故同比下降", CH, "交通事故同比下降18.4%", "恶劣天气交通事故|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, QX),
    (CW, A, JZ),
    (CW, QX, JZ, True),
    (C, A, PC),
    (C, A, YX),
    (C, QX, PC),
    (C, QX, YX),
    (C, JZ, PC),
    (C, JZ, YX),
    (M, "14个", "联合派出保通保畅工作组14个", YX, True),
    (C, A, "春运", True),
    (M, "14个", "联合派出保通保畅工作组14个", "春运", True),
    (C, A, JQ, True),
    (M, "18.4%", "交通事故同比下降18.4%", YX, True),
    (M, "18.4%", "交通事故同比下降18.4%", PC, True),
]
