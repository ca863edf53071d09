DOC = "940_jiujiang_joint_hazardous_chemicals_transport_check_news.txt"
AUTHOR = "九江市交通运输局"
JURISDICTION = "九江市"
A = AUTHOR
JJ = "市公安局交警支队"
YJ = "市应急管理局"
ZB = "安全生产治本攻坚三年行动"
AQ = "安全生产月活动"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", YJ, [YJ]),
    ("ORGANIZATION", "九江石化", ["九江石化"]),
    ("ORGANIZATION", "江西星火有机硅厂", ["江西星火有机硅厂"]),
    ("ORGANIZATION", "九江石化物流有限公司", ["九江石化物流有限公司"]),
    ("ORGANIZATION", "九江市宏达危险品运输有限公司", ["九江市宏达危险品运输有限公司"]),
    ("ORGANIZATION", "江西顺安化工物流有限公司", ["江西顺安化工物流有限公司"]),
    ("CAMPAIGN", ZB, [ZB]),
    ("CAMPAIGN", AQ, ["“安全生产月”活动"]),
    ("REGULATION", "危险货物道路运输安全管理办法", ["危险货物道路运输安全管理办法"]),
]
LOCAL = {JJ, YJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("3家", "检查运输企业", L, "江西顺安化工物流有限公司等3家运输企业", "检查企业|count"),
    ("58辆", "检查危险货物运输车辆", L, "共检查危险货物运输车辆58辆", "检查车辆|vehicles"),
    ("6起", "查处违法行为", L, "查处违法行为6起", "查处违法行为|cases"),
    ("2起", "未随车携带危险货物运单", L, "未随车携带危险货物运单2起", "查处违法行为|cases"),
    ("4起", "车辆安全设施不齐全", L, "车辆安全设施不齐全4起", "查处违法行为|cases"),
    ("11项", "责令企业整改安全隐患", L, "责令企业整改安全隐患11项", "排查安全隐患|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, JJ),
    (CW, A, YJ),
    (C, A, ZB),
    (C, A, AQ, True),
]
