DOC = "924_qujing_detachment_thunder_special_action_plan.txt"
AUTHOR = "曲靖市交通运输综合行政执法支队"
JURISDICTION = "曲靖市"
A = AUTHOR
ST = "云南省交通运输厅"
JT = "市交通运输局"
LD = "雷霆行动领导小组"
FZ = "支队法制科"
JJ = "市公安局交通警察支队"
SJ = "市市场监督管理局"
GS = "高速公路执法二支队曲靖大队"
QL = "麒麟大队"
ZY = "沾益大队"
XW = "宣威大队"
JZ = "支队纪检组"
LT = "雷霆2026道路运输市场秩序专项整治行动"
HK = "回头看"
TZ = "关于开展2026年道路运输市场秩序专项整治的通知"
CX = "交通运输行政执法程序规定"
SX = "行政执法三项制度"
SB = "交通运输行政执法十不准"
ENT = [
    ("AGENCY", A, [A, "支队"]),
    ("AGENCY", ST, [ST]),
    ("AGENCY", JT, [JT]),
    ("AGENCY", LD, ["“雷霆”行动领导小组"], True),
    ("AGENCY", FZ, [FZ], True),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", GS, [GS]),
    ("AGENCY", QL, [QL]),
    ("AGENCY", ZY, [ZY]),
    ("AGENCY", XW, [XW]),
    ("AGENCY", JZ, [JZ]),
    ("CAMPAIGN", LT, ["“雷霆2026”道路运输市场秩序专项整治行动", "“雷霆”行动", "“雷霆2026”专项整治行动"]),
    ("CAMPAIGN", HK, ["“回头看”"], True),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", CX, [CX]),
    ("REGULATION", SX, ["行政执法“三项制度”"]),
    ("REGULATION", SB, ["交通运输行政执法“十不准”"]),
]
LOCAL = {JT, LD, FZ, JJ, SJ, GS, QL, ZY, XW, JZ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("20%", "非法营运案件查处数量较2025年同期增长", T, "较2025年同期增长20%以上", "查处非法营运案件|ratio"),
    ("100%", "重点货运源头企业监管覆盖率", T, "源头企业监管覆盖率达到100%", "源头企业监管覆盖率|ratio"),
    ("0.5%", "高速公路入口超限率", T, "高速公路入口超限率控制在0.5%以内", "货车超限超载率|ratio"),
    ("100%", "群众投诉举报办结率", T, "群众投诉举报办结率达到100%", "投诉办结率|ratio"),
    ("3次", "每周夜查", T, "按照“每周不少于3次夜查", "开展夜查|count"),
    ("2次", "每月联合执法", T, "每月不少于2次联合执法", "开展联合执法|count"),
    ("24小时", "固定检查点值守", T, "检查点，实行24小时值守", "值守时长|time"),
    ("1名", "信息员", T, "各大队要明确1名信息员", "信息员|people"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, LT),
    (C, LD, LT, True),
    (C, QL, LT, True),
    (C, ZY, LT, True),
    (C, XW, LT, True),
    (C, A, HK, True),
    (CW, A, JJ),
    (CW, A, SJ),
    (CW, A, GS),
    (I, ST, TZ, True),
    (M, "20%", "较2025年同期增长20%以上", LT),
    (M, "100%", "源头企业监管覆盖率达到100%", LT),
    (M, "0.5%", "高速公路入口超限率控制在0.5%以内", LT),
    (M, "100%", "群众投诉举报办结率达到100%", LT),
    (M, "3次", "按照“每周不少于3次夜查", LT),
    (M, "2次", "每月不少于2次联合执法", LT),
    (M, "24小时", "检查点，实行24小时值守", LT, True),
]
