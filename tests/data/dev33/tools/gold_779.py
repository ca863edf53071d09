DOC = "779_yongchuan_district_bureau_hazard_notice.txt"
AUTHOR = "重庆市永川区交通运输局"
JURISDICTION = "永川区"
A = AUTHOR
DZ = "安全隐患大排查大整治行动"
ZD = "区交通运输综合行政执法支队"
JX = "区公安局交巡警支队"
YJ = "区应急管理局"
GL = "区公路事务中心"
GH = "区港航管理所"
SJ = "市交通局"
TZ = "关于深入开展交通运输行业安全生产隐患排查整治的通知"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", "局党委", ["局党委"]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", "局安全监督科", ["局安全监督科", "安全监督科"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", JX, [JX]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", GH, [GH]),
    ("AGENCY", "行动领导小组", ["行动领导小组"], True),
    ("CAMPAIGN", DZ, ["“安全隐患大排查大整治”行动"]),
    ("CAMPAIGN", "平安工地建设", ["“平安工地”建设"]),
    ("REGULATION", "中华人民共和国安全生产法", ["中华人民共和国安全生产法"]),
    ("REGULATION", "重庆市安全生产条例", ["重庆市安全生产条例"]),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", "交通运输企业安全生产隐患排查清单", ["交通运输企业安全生产隐患排查清单"]),
    ("REGULATION", "重庆市安全生产约谈办法", ["重庆市安全生产约谈办法"]),
    ("REGULATION", "周报告制度", ["周报告制度"], True),
]
LOCAL = {"局党委", SJ, "局安全监督科", ZD, JX, YJ, GL, GH, "行动领导小组"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("100%", "排查覆盖率", T, "实现排查覆盖率100%", "隐患排查覆盖率|ratio"),
    ("98%", "一般隐患整改率", T, "一般隐患整改率达到98%以上", "一般隐患整改率|ratio"),
    ("100%", "重大隐患整改率", T, "重大隐患整改率100%", "重大隐患整改率|ratio"),
    ("10%", "亡人事故起数同比下降", T, "亡人事故起数同比下降10%以上", "亡人事故起数|ratio"),
    ("1次", "局领导每月带队督查", T, "每月至少带队督查1次", "带队督查|count"),
    ("186辆", "客运车辆纳入排查", L, "全区186辆客运车辆", "客运车辆数|vehicles"),
    ("92辆", "危险货物运输车辆纳入排查", L, "92辆危险货物运输车辆全部纳入排查范围", "危险货物运输车辆数|vehicles"),
    ("47座", "公路桥梁", L, "以及全区47座公路桥梁", "公路桥梁数量|count"),
    ("3座", "隧道", L, "桥梁、3座隧道的技术状况", "公路隧道数量|count"),
    ("11个", "渡口", L, "情况，确保全区11个渡口", "渡口数量|count"),
    ("15艘", "渡船", L, "15艘渡船安全设施配备率100%", "渡船数量|vehicles"),
    ("100%", "渡口渡船安全设施配备率", T, "渡船安全设施配备率100%", "渡船安全设施配备率|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, DZ),
    (C, "局党委", DZ, True),
    (C, ZD, DZ, True),
    (C, GL, DZ, True),
    (C, GH, DZ, True),
    (C, A, "平安工地建设", True),
    (I, SJ, TZ),
    (CW, ZD, JX),
    (CW, ZD, YJ),
] + [(M, t, c, DZ) for t, _, k, c, *_ in MET if k == T and "渡船" not in c and t != "1次"] + [
    (M, t, c, DZ, True) for t, _, k, c, *_ in MET if k == L or "渡船" in c or t == "1次"]
