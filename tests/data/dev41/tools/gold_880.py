DOC = "880_heyuan_director_safety_month_launch_speech.txt"
AUTHOR = "河源市交通运输局"
JURISDICTION = "河源市"
A = AUTHOR
ZD = "市交通运输综合行政执法支队"
YJ = "市应急管理局"
GA = "市公安局"
KY = "市客运集团有限公司"
AY = "安全生产月活动"
ZB = "安全生产治本攻坚三年行动"
DF = "打非治违联合行动"
ENT = [
    ("AGENCY", A, [A, "市局"]),
    ("AGENCY", "河源市港航事务中心", ["河源市港航事务中心"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", GA, [GA]),
    ("ORGANIZATION", KY, [KY]),
    ("CAMPAIGN", AY, ["“安全生产月”活动"]),
    ("CAMPAIGN", ZB, [ZB]),
    ("CAMPAIGN", DF, ["“打非治违”联合行动"]),
    ("REGULATION", "中华人民共和国安全生产法", ["中华人民共和国安全生产法"]),
    ("REGULATION", "广东省安全生产条例", ["广东省安全生产条例"]),
]
LOCAL = {ZD, YJ, GA, KY}
LINK = {ZB: "交通运输安全生产治本攻坚三年行动"}
L, CH, T = "level", "change", "target"
MET = [
    ("2436项", "排查整治隐患", L, "全年排查整治隐患2436项", "排查安全隐患|count"),
    ("11.2%", "事故起数同比下降", CH, "同比分别下降11.2%和9.8%", "一般安全生产事故|ratio"),
    ("9.8%", "死亡人数同比下降", CH, "同比分别下降11.2%和9.8%", "事故死亡人数|ratio"),
    ("100%", "重大隐患整改率", T, "整改率必须达到100%", "隐患整改率|ratio"),
    ("20场", "组织开展应急演练", T, "组织开展应急演练不少于20场", "开展应急演练|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, AY),
    (C, A, ZB),
    (C, A, DF),
    (C, YJ, DF),
    (C, GA, DF),
    (CW, A, YJ),
    (CW, A, GA),
    (M, "2436项", "全年排查整治隐患2436项", ZB),
    (M, "11.2%", "同比分别下降11.2%和9.8%", ZB),
    (M, "9.8%", "同比分别下降11.2%和9.8%", ZB),
    (M, "20场", "组织开展应急演练不少于20场", AY),
]
