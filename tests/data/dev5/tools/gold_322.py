DOC = "322_guangxi_guilin_inspection_news.txt"
AUTHOR = "广西壮族自治区交通运输厅"
JURISDICTION = "广西壮族自治区"
A = AUTHOR
GL = "桂林市交通运输局"
ZD = "市交通运输综合行政执法支队"
LJ = "漓江水上交通安全联合检查"
HH = "护航国庆道路运输执法检查"
SN = "安全生产治本攻坚三年行动"
ZD24 = "重大事故隐患专项排查整治2024行动"
ENT = [
    ("AGENCY", A, [A, "自治区交通运输厅"]),
    ("AGENCY", "厅安全监督处", ["厅安全监督处"]),
    ("AGENCY", "厅综合执法局", ["厅综合执法局"]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", "市公安局", ["市公安局"]),
    ("AGENCY", "市文化广电和旅游局", ["市文化广电和旅游局"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", "漓江海事部门", ["漓江海事部门"], True),
    ("ORGANIZATION", "桂林市公共交通有限公司", ["桂林市公共交通有限公司"]),
    ("CAMPAIGN", LJ, [LJ], True),
    ("CAMPAIGN", HH, ["“护航国庆”道路运输执法检查"]),
    ("CAMPAIGN", SN, [SN]),
    ("CAMPAIGN", ZD24, [ZD24]),
    ("REGULATION", "三不进站、六不出站制度", ["“三不进站、六不出站”制度"]),
    ("REGULATION", "广西壮族自治区水上交通安全管理条例", ["广西壮族自治区水上交通安全管理条例"]),
]
LOCAL = {"厅安全监督处", "厅综合执法局", "市公安局", "市文化广电和旅游局", ZD}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("XXX艘", "检查游船竹筏等船舶", L, "游船、竹筏等船舶XXX艘", "检查船舶|vehicles", GL),
    ("46处", "排查安全隐患", L, "X艘，排查安全隐患46处", "排查安全隐患|count", GL),
    ("1280台次", "检查客运车辆", L, "检查客运车辆1280台次", "检查车辆|vehicles", ZD),
    ("27起", "查处违法案件", L, "台次，查处违法案件27起", "查处违法案件|cases", ZD),
    ("85万人次", "国庆期间发送旅客", T, "全市发送旅客85万人次", "发送旅客|people", GL),
    ("6.5%", "发送旅客同比增长", T, "85万人次，同比增长6.5%", "发送旅客|ratio", GL),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CO, GL, "市公安局"),
    (CO, GL, "市文化广电和旅游局"),
    (C, GL, LJ, True),
    (C, "市公安局", LJ, True),
    (C, "市文化广电和旅游局", LJ, True),
    (C, ZD, HH),
    (C, GL, SN, True),
    (C, GL, ZD24, True),
    (C, A, SN, True),
    (C, A, ZD24, True),
    (CO, GL, "漓江海事部门", True),
    (M, "XXX艘", "游船、竹筏等船舶XXX艘", LJ, True),
    (M, "46处", "X艘，排查安全隐患46处", LJ, True),
    (M, "1280台次", "检查客运车辆1280台次", HH),
    (M, "27起", "台次，查处违法案件27起", HH),
]
