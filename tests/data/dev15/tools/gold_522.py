DOC = "522_zhanjiang_safety_committee_meeting_news.txt"
AUTHOR = "湛江市交通运输局"
JURISDICTION = "湛江市"
A = AUTHOR
ZD = "市交通运输综合行政执法支队"
GH = "市港航事业发展中心"
JJ = "市公安局交通警察支队"
AW = "局安委会"
AWB = "局安委会办公室"
ZB = "安全生产治本攻坚三年行动"
PJ = "平安交通创建"
YD = "湛江市交通运输局2025年安全生产工作要点"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", "局党组", ["局党组"], True),
    ("AGENCY", AW, [AW]),
    ("AGENCY", AWB, [AWB]),
    ("AGENCY", ZD, [ZD, "执法支队"]),
    ("AGENCY", "市公路事业发展中心", ["市公路事业发展中心"]),
    ("AGENCY", GH, [GH, "港航中心"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", "湛江海事局", ["湛江海事局"]),
    ("ORGANIZATION", "湛江交通投资集团有限公司", ["湛江交通投资集团有限公司"]),
    ("CAMPAIGN", ZB, [ZB]),
    ("CAMPAIGN", "安全生产月", ["“安全生产月”"]),
    ("CAMPAIGN", PJ, ["“平安交通”创建"]),
    ("REGULATION", "2025年度安全生产目标管理责任书", ["2025年度安全生产目标管理责任书"], True),
    ("REGULATION", YD, [YD]),
]
LOCAL = {"局党组", AW, AWB, ZD, "市公路事业发展中心", GH, JJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("28起", "交通事故起数", L, "共发生交通事故起数28起", "交通事故起数|cases"),
    ("12.5%", "交通事故起数同比下降", CH, "同比下降12.5%", "交通事故起数|ratio"),
    ("9人", "事故死亡人数", L, "事故死亡人数9人", "事故死亡人数|people"),
    ("1862处", "排查安全隐患", L, "排查安全隐患1862处", "排查安全隐患|count"),
    ("99.1%", "隐患整改率", L, "隐患整改率99.1%", "隐患整改率|ratio"),
    ("36场", "组织应急演练", L, "组织应急演练36场", "组织应急演练|count"),
    ("5家", "签订安全生产承诺书企业", L, "等5家企业签订了安全生产承诺书", "签订安全生产承诺书企业|count"),
    ("32项", "明确重点任务", L, "明确重点任务32项", "安全生产重点任务|count", AWB),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, ZB),
    (C, A, "安全生产月"),
    (C, A, PJ),
    (CO, ZD, JJ),
    (CO, GH, "湛江海事局"),
    (I, AWB, YD),
    (I, A, YD, True),
    (I, A, "2025年度安全生产目标管理责任书", True),
]
