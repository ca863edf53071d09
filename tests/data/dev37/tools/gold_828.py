DOC = "828_sanmenxia_bureau_safety_three_year_action_notice.txt"
AUTHOR = "三门峡市交通运输局"
JURISDICTION = "三门峡市"
A = AUTHOR
ST = "省交通运输厅"
FA = "三门峡市交通运输安全生产治本攻坚三年行动实施方案（2024—2026年）"
SFA = "河南省交通运输安全生产治本攻坚三年行动方案（2024—2026年）"
SN = "交通运输安全生产治本攻坚三年行动"
AW = "市安全生产委员会"
AJ = "市局安全监督科"
DY = "市道路运输事业发展中心"
GL = "市公路事业发展中心"
ZD = "市交通运输综合行政执法支队"
JJ = "市公安局交通警察支队"
HS = "市地方海事局"
LB = "灵宝市交通运输局"
MC = "渑池县交通运输局"
SZ = "陕州区交通运输局"
KY = "市城市客运服务中心"
ZJ = "市交通运输工程质量监督站"
YJ = "市交通运输应急指挥中心"
YS = "市局运输科"
FG = "市局法规科"
GJ = "三门峡市公共交通有限公司"
JT = "河南交通投资集团有限公司三门峡分公司"
PC = "重大事故隐患专项排查整治"
SS = "公路安全设施提升工程"
SF = "公路安全生命防护工程"
LK = "两客一危车辆安全治理"
DU = "平安渡运专项行动"
YY = "安全生产月"
WL = "安全生产万里行活动"
PG = "平安工地建设"
BZ = "安全生产标准化建设"
ENT = [
    ("AGENCY", A, [A, "市局"]),
    ("AGENCY", ST, [ST, "省厅"]),
    ("AGENCY", AW, [AW]),
    ("AGENCY", AJ, [AJ]),
    ("AGENCY", DY, [DY]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", HS, [HS]),
    ("AGENCY", LB, [LB]),
    ("AGENCY", MC, [MC]),
    ("AGENCY", SZ, [SZ]),
    ("AGENCY", KY, [KY]),
    ("AGENCY", ZJ, [ZJ]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", YS, [YS]),
    ("AGENCY", FG, [FG]),
    ("AGENCY", "治本攻坚三年行动工作专班", ["治本攻坚三年行动工作专班"], True),
    ("ORGANIZATION", GJ, [GJ]),
    ("ORGANIZATION", JT, [JT]),
    ("REGULATION", FA, [FA]),
    ("REGULATION", SFA, [SFA]),
    ("REGULATION", "道路运输车辆动态监督管理办法", ["道路运输车辆动态监督管理办法"]),
    ("REGULATION", "公路水运工程安全生产监督管理办法", ["公路水运工程安全生产监督管理办法"]),
    ("CAMPAIGN", SN, [SN, "治本攻坚三年行动", "三年行动"]),
    ("CAMPAIGN", PC, [PC]),
    ("CAMPAIGN", SS, [SS]),
    ("CAMPAIGN", SF, [SF]),
    ("CAMPAIGN", LK, ["“两客一危”车辆安全治理"], True),
    ("CAMPAIGN", DU, ["“平安渡运”专项行动"]),
    ("CAMPAIGN", YY, ["“安全生产月”"]),
    ("CAMPAIGN", WL, ["“安全生产万里行”活动"]),
    ("CAMPAIGN", PG, ["“平安工地”建设"]),
    ("CAMPAIGN", BZ, [BZ], True),
    ("CAMPAIGN", "交通运输安全生产信用体系建设", ["交通运输安全生产信用体系建设"], True),
]
LOCAL = {AW, AJ, DY, GL, ZD, JJ, HS, KY, ZJ, YJ, YS, FG, "治本攻坚三年行动工作专班"}
LINK = {ST: "河南省交通运输厅"}
L, CH, T = "level", "change", "target"
MET = [
    ("15%", "道路运输行业事故起数下降", T, "较2023年分别下降15%和20%", "道路运输事故起数|ratio"),
    ("20%", "道路运输行业死亡人数下降", T, "分别下降15%和20%", "道路运输事故死亡人数|ratio"),
    ("99%", "两客一危重点营运车辆动态监控上线率", T, "动态监控上线率保持在99%以上", "重点营运车辆动态监控上线率|ratio"),
    ("120座", "公路危旧桥梁改造", T, "公路危旧桥梁改造完成120座", "危旧桥梁改造|count"),
    ("100%", "重点营运车辆驾驶员安全培训覆盖率", T, "安全培训覆盖率达到100%", "驾驶员安全培训覆盖率|ratio"),
    ("300公里", "每年完成农村公路安防工程", T, "农村公路安防工程不少于300公里", "农村公路安防工程|length"),
    ("100%", "智能视频监控报警装置安装率", T, "安装率达到100%", "智能视频监控安装率|ratio"),
    ("4次", "每年开展安全执法检查", T, "安全执法检查不少于4次", "安全执法检查|count"),
    ("100%", "平安工地建设覆盖率", T, "建设覆盖率达到100%", "平安工地建设覆盖率|ratio"),
    ("50%", "高速公路项目示范达标率", T, "示范达标率达到50%以上", "平安工地示范达标率|ratio"),
    ("1次", "每年组织综合应急演练", T, "至少组织开展1次综合应急演练", "应急演练|count"),
    ("5支", "专业应急抢险队伍", T, "建立不少于5支专业应急抢险队伍", "应急抢险队伍|count"),
    ("100%", "两客一危企业达标率", T, "“两客一危”企业达标率达到100%", "安全生产标准化达标率|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (I, A, FA),
    (I, ST, SFA),
    (C, A, SN),
    (C, ST, SN, True),
    (C, AW, SN, True),
    (C, AJ, PC),
    (C, DY, PC, True),
    (C, GL, PC, True),
    (C, ZD, PC, True),
    (C, GL, SS),
    (C, GL, SF, True),
    (C, DY, LK, True),
    (C, ZD, LK, True),
    (C, JJ, LK, True),
    (C, HS, DU),
    (C, LB, DU, True),
    (C, MC, DU, True),
    (C, SZ, DU, True),
    (C, ZD, YY),
    (C, ZD, WL),
    (C, ZJ, PG),
    (C, JT, PG, True),
    (C, YS, BZ, True),
    (C, YS, "交通运输安全生产信用体系建设", True),
    (M, "300公里", "农村公路安防工程不少于300公里", SS),
    (M, "300公里", "农村公路安防工程不少于300公里", SF, True),
    (M, "100%", "安装率达到100%", LK, True),
    (M, "4次", "安全执法检查不少于4次", YY, True),
    (M, "4次", "安全执法检查不少于4次", WL, True),
    (M, "100%", "建设覆盖率达到100%", PG),
    (M, "50%", "示范达标率达到50%以上", PG),
    (M, "100%", "“两客一危”企业达标率达到100%", BZ, True),
] + [(M, t, c, SN) for t, _, k, c, *_ in MET[:5]] + [(M, t, c, SN, True) for t, _, k, c, *_ in MET[5:]]
