DOC = "833_shangqiu_bureau_illegal_operation_modification_action_plan.txt"
AUTHOR = "商丘市交通运输局"
JURISDICTION = "商丘市"
A = AUTHOR
GA = "市公安局"
SJ = "市市场监督管理局"
LX = "市打击非法营运和货车非法改装专项行动领导小组"
ZD = "市交通运输综合行政执法支队"
JJ = "市公安局交通警察支队"
DY = "市道路运输事业发展中心"
QY = "清源净路打击非法营运和货车非法改装专项行动"
FA = "商丘市打击非法营运和货车非法改装专项行动方案"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", GA, [GA]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", LX, [LX]),
    ("AGENCY", "领导小组办公室", ["领导小组办公室"], True),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", DY, [DY]),
    ("CAMPAIGN", QY, ["“清源净路”打击非法营运和货车非法改装专项行动", "打击非法营运和货车非法改装专项行动"]),
    ("REGULATION", FA, [FA], True),
    ("REGULATION", "中华人民共和国道路运输条例", ["中华人民共和国道路运输条例"]),
    ("REGULATION", "公路安全保护条例", ["公路安全保护条例"]),
    ("REGULATION", "超限运输车辆行驶公路管理规定", ["超限运输车辆行驶公路管理规定"]),
    ("REGULATION", "交通运输行政执法程序规定", ["交通运输行政执法程序规定"]),
    ("REGULATION", "行政执法三项制度", ["行政执法“三项制度”"]),
]
LOCAL = {GA, SJ, LX, "领导小组办公室", ZD, JJ, DY}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("20%", "非法营运车辆查处数量较上年增长", T, "查处数量较上年增长20%以上", "查处非法营运车辆|ratio"),
    ("100%", "货车非法改装问题整改率", T, "问题整改率达到100%", "非法改装整改率|ratio"),
    ("0.5%", "普通公路货车超限率", T, "货车超限率控制在0.5%以内", "货车超限率|ratio"),
    ("2次", "每周开展联合执法", T, "每周开展联合执法不少于2次", "联合执法|count", JJ),
    ("4次", "每月开展集中整治", T, "每月开展不少于4次集中整治", "集中整治|count"),
    ("24小时", "轮班执法", T, "开展24小时轮班执法", "执法时长|time", ZD),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, QY),
    (C, GA, QY),
    (C, SJ, QY),
    (CW, A, GA),
    (CW, A, SJ),
    (I, A, FA, True),
    (C, LX, QY, True),
    (C, ZD, QY, True),
    (C, JJ, QY, True),
    (C, DY, QY, True),
    (CW, ZD, JJ),
    (CW, JJ, ZD, True),
    (M, "20%", "查处数量较上年增长20%以上", QY),
    (M, "100%", "问题整改率达到100%", QY),
    (M, "0.5%", "货车超限率控制在0.5%以内", QY),
    (M, "2次", "每周开展联合执法不少于2次", QY, True),
    (M, "4次", "每月开展不少于4次集中整治", QY, True),
    (M, "24小时", "开展24小时轮班执法", QY, True),
]
