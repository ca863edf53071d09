DOC = "946_zhuzhou_bureau_safety_root_cause_campaign_plan.txt"
AUTHOR = "株洲市交通运输局"
JURISDICTION = "株洲市"
A = AUTHOR
AW = "国务院安委会"
ST = "省交通运输厅"
AJ = "局安全监督科"
ZD = "市交通运输综合行政执法支队"
DY = "市道路运输服务中心"
GL = "市公路建设养护中心"
GH = "局规划建设科"
RS = "市人力资源和社会保障局"
ZG = "市总工会"
SY = "市交通运输事业发展中心"
JJ = "市公安局交通警察支队"
YJ = "市应急管理局"
GA = "市港航事务中心"
ZJ = "市交通建设工程质量安全监督站"
HS = "株洲海事处"
DZ = "局党组"
JW = "驻局纪检监察组"
ZB = "局安全生产治本攻坚三年行动工作专班"
RB = "株洲日报"
ZBGJ = "安全生产治本攻坚三年行动"
XG = "重大事故隐患判定标准宣贯行动"
QL = "重大事故隐患动态清零行动"
KJ = "科技兴安行动"
SM = "公路安全生命防护工程"
SZ = "安全素质能力提升行动"
AY = "安全生产月"
AK = "安康杯竞赛"
ZZ = "道路运输安全专项整治"
DF = "道路运输打非治违专项整治行动"
SS = "水上交通和工程建设安全专项治理"
DK = "渡口渡船安全整治"
PA = "平安工地建设"
YC = "夜查行动"
GWF = "安全生产治本攻坚三年行动方案（2024—2026年）"
SF = "全省交通运输安全生产治本攻坚三年行动实施方案"
BZ = "道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）"
FA = "株洲市交通运输局安全生产治本攻坚三年行动实施方案（2024—2026年）"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", AW, [AW]),
    ("AGENCY", ST, [ST]),
    ("AGENCY", AJ, [AJ]),
    ("AGENCY", ZD, [ZD, "执法支队"]),
    ("AGENCY", DY, [DY]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", GH, [GH]),
    ("AGENCY", RS, [RS]),
    ("AGENCY", ZG, [ZG], True),
    ("AGENCY", SY, [SY]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", GA, [GA]),
    ("AGENCY", ZJ, [ZJ]),
    ("AGENCY", HS, [HS]),
    ("AGENCY", DZ, [DZ]),
    ("AGENCY", JW, [JW]),
    ("AGENCY", ZB, [ZB], True),
    ("ORGANIZATION", RB, [RB], True),
    ("CAMPAIGN", ZBGJ, [ZBGJ, "治本攻坚行动"]),
    ("CAMPAIGN", XG, [XG]),
    ("CAMPAIGN", QL, [QL]),
    ("CAMPAIGN", KJ, ["“科技兴安”行动"]),
    ("CAMPAIGN", SM, [SM]),
    ("CAMPAIGN", SZ, [SZ]),
    ("CAMPAIGN", AY, ["“安全生产月”"]),
    ("CAMPAIGN", AK, ["“安康杯”竞赛"]),
    ("CAMPAIGN", ZZ, [ZZ], True),
    ("CAMPAIGN", DF, ["道路运输“打非治违”专项整治行动"]),
    ("CAMPAIGN", SS, [SS], True),
    ("CAMPAIGN", DK, [DK], True),
    ("CAMPAIGN", PA, ["“平安工地”建设"]),
    ("CAMPAIGN", YC, ["“夜查”行动"]),
    ("REGULATION", GWF, [GWF]),
    ("REGULATION", SF, [SF]),
    ("REGULATION", BZ, [BZ]),
    ("REGULATION", FA, [FA], True),
]
LOCAL = {ST, AJ, ZD, DY, GL, GH, RS, ZG, SY, JJ, YJ, GA, ZJ, DZ, JW, ZB}
LINK = {ST: "湖南省交通运输厅"}
L, CH, T = "level", "change", "target"
MET = [
    ("10%", "事故起数和死亡人数较2023年下降", T, "较2023年分别下降10%以上", "事故起数和死亡人数|ratio"),
    ("98%", "重点营运车辆动态监控上线率", T, "动态监控上线率保持在98%以上", "动态监控上线率|ratio"),
    ("100%", "两客一危车辆主动安全智能防控装置安装率", T, "智能防控装置安装率达到100%", "主动安全装置安装率|ratio"),
    ("1200名", "组织企业负责人和安全管理人员参加专题培训", T, "组织全市1200名以上企业主要负责人", "培训企业负责人和安全管理人员|people"),
    ("100%", "重大事故隐患整改率", T, "挂牌督办，整改率达到100%", "隐患整改率|ratio"),
    ("320公里", "国省干线公路安防设施提升", T, "国省干线公路安防设施提升320公里", "国省干线公路安防设施提升|length"),
    ("900公里", "农村公路安防设施完善", T, "农村公路安防设施完善900公里", "农村公路安防设施完善|length"),
    ("45座", "改造危旧桥梁", T, "改造危旧桥梁45座", "危桥改造|count"),
    ("800人次", "每年培训两类人员", T, "培训“两类人员”不少于800人次", "培训两类人员|people"),
    ("300辆", "每年查处非法营运车辆", T, "查处非法营运车辆不少于300辆", "查处非法营运车辆|vehicles"),
    ("58个", "渡口", L, "对全市58个渡口、63艘渡船", "渡口数量|count"),
    ("63艘", "渡船", L, "58个渡口、63艘渡船开展全覆盖检查", "渡船数量|vehicles"),
    ("100%", "平安工地建设达标率", T, "“平安工地”建设达标率达到100%", "平安工地达标率|ratio"),
    ("2次", "执法支队每月开展夜查行动", T, "每月开展“夜查”行动不少于2次", "开展夜查行动|count", ZD),
    ("90%", "两客一危企业安全生产标准化达标率", T, "安全生产标准化达标率达到90%以上", "安全生产标准化达标率|ratio"),
    ("95%", "重点营运车辆动态监控报警处置率", T, "动态监控报警处置率达到95%以上", "动态监控报警处置率|ratio"),
    ("2000项", "完成整改隐患", T, "完成整改隐患2000项以上", "整改隐患|count"),
    ("2起", "每季度曝光典型案例", T, "每季度曝光典型案例不少于2起", "曝光典型案例|cases"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (I, AW, GWF),
    (I, ST, SF),
    (I, A, FA, True),
    (C, A, ZBGJ),
    (C, AW, ZBGJ, True),
    (C, ST, ZBGJ, True),
    (C, A, XG, True), (C, AJ, XG), (C, ZD, XG, True), (C, DY, XG, True),
    (C, A, QL, True), (C, ZD, QL),
    (C, A, KJ, True), (C, GL, KJ), (C, GH, KJ, True),
    (C, GL, SM), (C, A, SM, True), (C, GH, SM, True),
    (C, A, SZ, True), (C, AJ, SZ), (C, SY, SZ, True),
    (C, A, AY), (C, A, AK), (C, AJ, AY, True), (C, AJ, AK, True),
    (C, RS, AY, True), (C, RS, AK, True), (C, ZG, AK, True),
    (CW, A, RS), (CW, A, ZG, True), (CW, AJ, RS, True),
    (C, A, ZZ, True), (C, ZD, ZZ, True),
    (C, A, DF), (C, ZD, DF), (C, DY, DF, True), (C, JJ, DF, True), (C, YJ, DF, True),
    (CW, A, JJ), (CW, A, YJ), (CW, ZD, YJ, True),
    (C, A, SS, True), (C, GA, SS, True), (C, ZJ, SS, True),
    (C, A, DK, True), (C, GA, DK, True), (C, A, PA), (C, GA, PA, True), (C, ZJ, PA),
    (CW, A, HS), (CW, GA, HS, True),
    (C, ZD, YC), (C, JJ, YC, True), (C, A, YC, True), (CW, ZD, JJ),
    (M, "2次", "每月开展“夜查”行动不少于2次", YC),
    (M, "90%", "安全生产标准化达标率达到90%以上", ZBGJ),
    (M, "95%", "动态监控报警处置率达到95%以上", ZBGJ),
    (M, "10%", "较2023年分别下降10%以上", ZBGJ),
    (M, "98%", "动态监控上线率保持在98%以上", ZBGJ),
    (M, "100%", "智能防控装置安装率达到100%", ZBGJ),
    (M, "2000项", "完成整改隐患2000项以上", ZBGJ),
    (M, "2起", "每季度曝光典型案例不少于2起", ZBGJ, True),
    (M, "1200名", "组织全市1200名以上企业主要负责人", XG),
    (M, "100%", "挂牌督办，整改率达到100%", QL),
    (M, "320公里", "国省干线公路安防设施提升320公里", KJ),
    (M, "900公里", "农村公路安防设施完善900公里", KJ),
    (M, "45座", "改造危旧桥梁45座", KJ),
    (M, "320公里", "国省干线公路安防设施提升320公里", SM, True),
    (M, "900公里", "农村公路安防设施完善900公里", SM, True),
    (M, "800人次", "培训“两类人员”不少于800人次", SZ),
    (M, "300辆", "查处非法营运车辆不少于300辆", DF),
    (M, "300辆", "查处非法营运车辆不少于300辆", ZZ, True),
    (M, "58个", "对全市58个渡口、63艘渡船", DK, True),
    (M, "63艘", "58个渡口、63艘渡船开展全覆盖检查", DK, True),
    (M, "100%", "“平安工地”建设达标率达到100%", PA),
    (M, "100%", "“平安工地”建设达标率达到100%", SS, True),
]
