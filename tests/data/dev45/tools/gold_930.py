DOC = "930_kunming_transport_meteorology_joint_consultation_news.txt"
AUTHOR = "昆明市交通运输局"
JURISDICTION = "昆明市"
A = AUTHOR
QX = "市气象局"
JG = "市公安局交通管理支队"
GL = "云南省公路局昆明分局"
JT = "云南省交通投资建设集团有限公司昆明管理处"
QXT = "市气象台"
QXB = "气象部门"
WN = "温暖春运活动"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", QX, [QX]),
    ("AGENCY", JG, [JG, "交警支队"]),
    ("AGENCY", GL, [GL]),
    ("ORGANIZATION", JT, [JT]),
    ("AGENCY", QXT, [QXT], True),
    ("AGENCY", QXB, [QXB], True),
    ("CAMPAIGN", WN, ["“温暖春运”活动"]),
]
LOCAL = {QX, JG, QXT, QXB}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("6℃", "最低气温", L, "最低气温可达零下6℃", "气温|other", QXT),
    ("40天", "春运天数", L, "输局通报，今年春运40天", "春运天数|time", A),
    ("420万人次", "道路客运量", T, "全市道路客运量将达到420万人次", "发送旅客|people", A),
    ("5.2%", "道路客运量同比增长", T, "420万人次，同比增长5.2%", "发送旅客|ratio", A),
    ("24小时", "提前发布道路结冰预警", T, "提前24小时发布道路结冰预警", "预警提前时间|time", QXB),
    ("860吨", "储备融雪剂", T, "冰路段储备融雪剂860吨", "储备融雪剂|weight"),
    ("1.2万立方米", "储备防滑料", T, "防滑料1.2万立方米", "储备防滑料|volume"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, QX),
    (C, A, WN),
    (CW, A, JG, True),
    (CW, A, GL, True),
    (CW, A, JT, True),
]
