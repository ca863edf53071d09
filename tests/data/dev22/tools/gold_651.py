DOC = "651_tongcheng_bureau_winter_holiday_safety_notice.txt"
AUTHOR = "桐城市交通运输局"
JURISDICTION = "桐城市"
A = AUTHOR
AQ = "安庆市交通运输局"
AQG = "局安全股"
ZF = "执法大队"
JJ = "市公安局交警大队"
GL = "公路中心"
SN = "道路运输安全生产治本攻坚三年行动"
DJ = "元旦春节期间道路运输安全大检查"
DH = "冬季护航联合执法行动"
TZ = "关于做好冬季道路运输安全生产工作的通知"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", AQ, [AQ]),
    ("AGENCY", AQG, [AQG], True),
    ("AGENCY", ZF, [ZF]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", GL, [GL]),
    ("ORGANIZATION", "桐城市汽车运输有限责任公司", ["桐城市汽车运输有限责任公司"]),
    ("ORGANIZATION", "桐城市公共交通有限公司", ["桐城市公共交通有限公司"]),
    ("CAMPAIGN", SN, [SN]),
    ("CAMPAIGN", DJ, [DJ], True),
    ("CAMPAIGN", DH, ["“冬季护航”联合执法行动"]),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", "道路旅客运输及客运站管理规定", ["道路旅客运输及客运站管理规定"]),
    ("REGULATION", "三不进站、六不出站制度", ["“三不进站、六不出站”制度"]),
]
LOCAL = {AQG, ZF, JJ, GL}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("326辆", "计划投入营运客车", T, "全市计划投入营运客车326辆", "投入营运客车|vehicles"),
    ("48万人次", "预计发送旅客", T, "预计发送旅客48万人次", "发送旅客|people"),
    ("100%", "客运站三品查堵率", T, "“三品”查堵率达到100%", "三品查堵率|ratio"),
    ("98%", "重点营运车辆动态监控上线率", T, "上线率不低于98%", "动态监控上线率|ratio"),
    ("2学时", "驾驶员冬季安全驾驶专题培训", T, "专题培训不少于2学时", "驾驶员安全培训时长|time"),
    ("1次", "每周检查重点企业、客运站", T, "客运站检查不少于1次", "检查重点场站|count", AQG),
    ("200吨", "储备融雪剂", T, "储备融雪剂不少于200吨", "储备融雪剂|weight", GL),
    ("500立方米", "储备防滑料", T, "防滑料不少于500立方米", "储备防滑料|volume", GL),
    ("24小时", "值班", T, "实行24小时值班", "值班时长|time"),
    ("30分钟", "突发事件电话报告时限", T, "须在30分钟内电话报告", "突发事件报告时限|time"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, SN, True),
    (C, AQG, DJ, True),
    (C, A, DJ, True),
    (C, ZF, DH),
    (C, JJ, DH),
    (CW, ZF, JJ),
    (I, AQ, TZ, True),
    (M, "1次", "客运站检查不少于1次", DJ, True),
]
