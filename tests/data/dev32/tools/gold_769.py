DOC = "769_shengzhou_bureau_party_group_study_news.txt"
AUTHOR = "嵊州市交通运输局"
JURISDICTION = "嵊州市"
A = AUTHOR
DZ = "嵊州市交通运输局党组"
DJ = "党纪学习教育"
QL = "清廉交通建设"
BS = "我为群众办实事实践活动"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", DZ, [DZ, "局党组"]),
    ("AGENCY", "局机关党委", ["局机关党委"]),
    ("AGENCY", "驻局纪检监察组", ["驻局纪检监察组"]),
    ("CAMPAIGN", DJ, [DJ]),
    ("CAMPAIGN", QL, ["“清廉交通”建设"]),
    ("CAMPAIGN", BS, ["“我为群众办实事”实践活动"]),
    ("CAMPAIGN", "主题党日活动", ["主题党日活动"], True),
    ("REGULATION", "中国共产党纪律处分条例", ["中国共产党纪律处分条例"]),
    ("REGULATION", "浙江省交通运输行业党风廉政建设责任制实施办法", ["浙江省交通运输行业党风廉政建设责任制实施办法"]),
    ("REGULATION", "三会一课制度", ["“三会一课”制度"]),
]
LOCAL = {"局机关党委", "驻局纪检监察组"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("12次", "组织集中学习", L, "组织集中学习12次", "组织集中学习|count", DZ),
    ("4场", "开展警示教育", L, "开展警示教育4场", "开展警示教育|count", DZ),
    ("320人次", "覆盖党员干部", L, "覆盖党员干部320人次", "教育覆盖党员干部|people", DZ),
    ("15项", "完成民生实事项目", T, "确保年底前完成民生实事项目15项", "完成民生实事项目|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, DZ, DJ),
    (C, A, QL),
    (C, A, BS),
    (C, DZ, QL, True),
    (C, DZ, BS, True),
    (M, "12次", "组织集中学习12次", DJ),
    (M, "4场", "开展警示教育4场", DJ),
    (M, "320人次", "覆盖党员干部320人次", DJ),
    (M, "15项", "确保年底前完成民生实事项目15项", BS),
]
