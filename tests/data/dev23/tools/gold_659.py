DOC = "659_shandong_dept_notice_ferry_management_measures.txt"
AUTHOR = "山东省交通运输厅"
JURISDICTION = "山东省"
A = "山东省交通运输厅"
SC = "厅水路交通管理处"
BF = "山东省乡镇渡口渡船安全管理办法"
NH = "中华人民共和国内河交通安全管理条例"
SL = "山东省水路交通管理条例"
AQ = "中华人民共和国安全生产法"
DK = "内河渡口渡船安全管理规定"
ZX = "山东省乡镇渡口安全管理暂行办法"
QD = "渡口渡船安全管理责任清单"
PA = "平安渡运专项行动"
ENT = [
    ("AGENCY", A, [A, "省厅", "省交通运输厅"]),
    ("AGENCY", SC, [SC]),
    ("CAMPAIGN", PA, ["“平安渡运”专项行动"]),
    ("REGULATION", BF, [BF]),
    ("REGULATION", NH, [NH]),
    ("REGULATION", SL, [SL]),
    ("REGULATION", AQ, [AQ]),
    ("REGULATION", DK, [DK]),
    ("REGULATION", ZX, [ZX]),
    ("REGULATION", QD, [QD]),
]
LOCAL = set()
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("2名", "渡口管理人员配备", T, "配备不少于2名经培训合格的渡口管理人员", "配备渡口管理人员|people"),
    ("12人", "渡船载客定额", L, "渡船载客定额在12人以下的", "渡船载客定额|people"),
    ("1名", "持证船员配备", T, "应当至少配备1名持证船员", "配备持证船员|people"),
    ("12人", "渡船载客定额", L, "载客定额超过12人的", "渡船载客定额|people"),
    ("2名", "持证船员配备", T, "应当配备不少于2名持证船员", "配备持证船员|people"),
    ("125%", "按载客定额配备救生衣", T, "按照载客定额的125%配备救生衣", "救生衣配备比例|ratio"),
    ("1次", "每年渡口安全评估", T, "每年开展不少于1次安全评估", "开展渡口安全评估|count"),
    ("2000元", "未按规定配备管理人员或救生设施罚款下限", L, "处2000元以上1万元以下罚款", "罚款金额|money"),
    ("1万元", "未按规定配备管理人员或救生设施罚款上限", L, "处2000元以上1万元以下罚款", "罚款金额|money"),
    ("1次", "每季度渡口渡船安全检查", T, "开展安全检查不少于1次", "开展安全检查|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (I, A, BF),
    (I, A, ZX, True),
    (C, A, PA, True),
]
