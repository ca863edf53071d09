DOC = "950_ningbo_port_group_safety_inspection_bulletin.txt"
AUTHOR = "宁波舟山港集团有限公司"
JURISDICTION = "宁波市"
A = AUTHOR
AB = "集团安全监督部"
BU = "交通运输部"
ST = "浙江省交通运输厅"
GH = "宁波市港航管理中心"
HS = "宁波海事局"
O1 = "宁波港镇海港埠有限公司"
O2 = "宁波大榭招商国际码头有限公司"
O3 = "宁波北仑第三集装箱码头有限公司"
O4 = "宁波舟山港北仑矿石码头有限公司"
O5 = "宁波北仑国际集装箱码头有限公司"
O6 = "宁波梅山岛国际集装箱码头有限公司"
O7 = "宁波港北仑第一集装箱码头分公司"
O8 = "宁波舟山港穿山码头分公司"
ZB = "安全生产治本攻坚三年行动"
JC = "第三季度安全生产综合检查"
PA = "平安港口建设"
WH = "危险货物港口作业安全专项整治"
HT = "回头看"
AY = "安全生产月"
KH = "安全生产责任制考核办法"
ENT = [
    ("ORGANIZATION", A, [A, "集团"]),
    ("ORGANIZATION", AB, [AB], True),
    ("AGENCY", BU, [BU]),
    ("AGENCY", ST, [ST]),
    ("AGENCY", GH, [GH]),
    ("AGENCY", HS, [HS]),
    ("ORGANIZATION", O1, [O1]),
    ("ORGANIZATION", O2, [O2]),
    ("ORGANIZATION", O3, [O3]),
    ("ORGANIZATION", O4, [O4]),
    ("ORGANIZATION", O5, [O5]),
    ("ORGANIZATION", O6, [O6]),
    ("ORGANIZATION", O7, [O7]),
    ("ORGANIZATION", O8, [O8]),
    ("CAMPAIGN", ZB, [ZB]),
    ("CAMPAIGN", JC, [JC], True),
    ("CAMPAIGN", PA, ["“平安港口”建设"]),
    ("CAMPAIGN", WH, [WH]),
    ("CAMPAIGN", HT, ["“回头看”"], True),
    ("CAMPAIGN", AY, ["“安全生产月”"]),
    ("REGULATION", "中华人民共和国安全生产法", ["中华人民共和国安全生产法"]),
    ("REGULATION", "港口危险货物安全管理规定", ["港口危险货物安全管理规定"]),
    ("REGULATION", KH, [KH]),
]
LOCAL = set()
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("3个", "组成检查组", L, "宁波海事局组成3个检查组", "组成检查组|count"),
    ("12家", "集团所属码头公司", L, "对集团所属12家码头公司", "检查码头企业|count"),
    ("46处", "抽查作业现场", L, "本次检查共抽查作业现场46处", "抽查作业现场|count"),
    ("8个", "检查危险货物储罐区", L, "检查危险货物储罐区8个", "检查储罐区|count"),
    ("217台", "检查特种设备", L, "检查特种设备217台（套）", "检查特种设备|count"),
    ("184项", "发现各类问题隐患", L, "共发现各类问题隐患184项", "发现隐患|count"),
    ("181项", "一般隐患", L, "其中一般隐患181项", "一般隐患|count"),
    ("3项", "重大事故隐患", L, "一般隐患181项、重大事故隐患3项", "重大事故隐患|count"),
    ("162项", "已整改完成隐患", L, "已整改完成162项", "整改隐患|count"),
    ("88.0%", "隐患整改率", L, "已整改完成162项，整改率88.0%", "隐患整改率|ratio"),
    ("3项", "挂牌督办重大事故隐患", L, "3项重大事故隐患全部实行挂牌督办", "重大事故隐患|count"),
    ("2台", "门座起重机限位装置失效", L, "2台门座起重机限位装置失效", "问题设备|count", O3),
    ("91.5%", "相关方作业人员持证率", L, "相关方作业人员持证率仅为91.5%", "作业人员持证率|ratio"),
    ("32名", "抽查岗位员工", L, "抽查的32名岗位员工中有5名", "抽查员工|people"),
    ("5名", "不能正确使用防毒面具和气体检测仪的员工", L, "32名岗位员工中有5名不能正确使用", "不会使用防护设备员工|people"),
    ("1次", "上半年组织应急演练", L, "上半年仅组织应急演练1次", "开展应急演练|count", O5),
    ("2次", "每半年组织应急演练", T, "未达到每半年不少于2次的要求", "开展应急演练|count"),
    ("1次", "每季度组织综合应急演练", T, "每季度至少组织1次综合应急演练", "开展应急演练|count"),
    ("100%", "岗位员工应急技能培训覆盖率", T, "应急技能培训覆盖率达到100%", "应急培训覆盖率|ratio"),
    ("5分", "扣减年度安全生产考核分", T, "扣减年度安全生产考核分5分", "扣减考核分|points"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, ZB),
    (C, A, JC, True), (C, AB, JC, True), (C, GH, JC, True), (C, HS, JC, True),
    (CW, GH, A), (CW, HS, A), (CW, GH, HS, True), (CW, GH, AB, True), (CW, HS, AB, True),
    (C, O6, PA), (C, O7, PA), (C, O8, PA),
    (C, A, WH),
    (C, A, HT, True),
    (I, A, KH),
    (C, A, AY, True), (C, A, PA, True),
    (M, "1次", "每季度至少组织1次综合应急演练", PA, True),
    (M, "100%", "应急技能培训覆盖率达到100%", PA, True),
] + [(M, t, c, JC, True) for t, _, k, c, *_ in MET[:13]] + [(M, t, c, ZB, True) for t, _, k, c, *_ in MET[:13]]
