DOC = "683_suining_bureau_notice_issuing_plan.txt"
AUTHOR = "遂宁市交通运输局"
JURISDICTION = "遂宁市"
A = "遂宁市交通运输局"
ZD = "市交通运输综合行政执法支队"
BU = "交通运输部"
YZ = "市邮政管理局"
SW = "市商务局"
JJ = "市公安局交通警察支队"
CZ = "市财政"
LD = "城乡客运一体化工作领导小组"
YF = "运输服务科"
CX = "城乡客运一体化高质量发展"
SF = "城乡交通运输一体化示范县"
KH = "客货邮融合发展试点"
PC = "农村客运安全隐患排查整治"
HC = "护村行动"
FA = "遂宁市城乡客运一体化高质量发展实施方案"
ZY = "关于推动农村客运高质量发展的指导意见"
SC = "四川省城乡交通运输一体化发展三年行动计划"
GD = "道路旅客运输及客运站管理规定"
BT = "遂宁市城乡客运补贴资金管理办法"
ENT = [
    ("AGENCY", A, [A, "市局"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", BU, [BU]),
    ("AGENCY", YZ, [YZ]),
    ("AGENCY", SW, [SW]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", CZ, [CZ], True),
    ("AGENCY", LD, [LD], True),
    ("AGENCY", YF, [YF], True),
    ("CAMPAIGN", CX, [CX], True),
    ("CAMPAIGN", SF, [SF], True),
    ("CAMPAIGN", KH, ["“客货邮”融合发展试点", "“客货邮”融合发展"]),
    ("CAMPAIGN", PC, [PC], True),
    ("CAMPAIGN", HC, ["“护村行动”"]),
    ("REGULATION", FA, [FA]),
    ("REGULATION", ZY, [ZY]),
    ("REGULATION", SC, [SC]),
    ("REGULATION", GD, [GD]),
    ("REGULATION", BT, [BT]),
]
LOCAL = {ZD, YZ, SW, JJ, CZ, LD, YF}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("100%", "建制村通客车率", T, "建制村通客车率保持100%", "行政村通公交率|ratio"),
    ("160条", "城乡公交一体化线路", T, "城乡公交一体化线路达到160条", "城乡公交线路|count"),
    ("85%", "镇村公交覆盖率", T, "镇村公交覆盖率达到85%以上", "镇村公交覆盖率|ratio"),
    ("300辆", "新增和更新新能源城乡公交车辆", T, "新能源城乡公交车辆300辆", "新增更新新能源公交车|vehicles"),
    ("90%", "群众满意度", T, "群众满意度达到90%以上", "群众满意率|ratio"),
    ("60%", "城乡客运一体化发展水平达到5A级的县（市、区）比例", T, "（市、区）比例达到60%", "城乡客运一体化5A级县比例|ratio"),
    ("20人次", "线路日均客流量", L, "客流量低于日均20人次", "线路日均客流量|people"),
    ("80条", "完成农村客运班线公交化改造", T, "农村客运班线公交化改造80条", "城乡客运班线公交化改造|count"),
    ("5个", "建成县级客货邮综合服务中心", T, "客货邮综合服务中心5个", "建成客货邮服务中心|count"),
    ("40个", "建成乡镇服务站", T, "乡镇服务站40个", "建成乡镇客货邮服务站|count"),
    ("100%", "农村客运车辆动态监控入网率", T, "动态监控入网率达到100%", "动态监控入网率|ratio"),
    ("2次", "每季度开展联合执法检查", T, "联合执法检查不少于2次", "开展联合执法|count", ZD),
    ("3000万元", "每年安排城乡客运一体化专项资金", T, "城乡客运一体化专项资金3000万元", "城乡客运一体化专项资金|money", CZ),
    ("5万元", "新能源城乡公交车辆购置每辆补贴", T, "给予每辆5万元补贴", "新能源公交车购置补贴|money", CZ),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (I, A, FA),
    (I, BU, ZY, True),
    (C, A, CX, True),
    (C, A, SF, True),
    (C, A, KH),
    (C, A, PC, True),
    (CW, A, YZ),
    (CW, A, SW),
    (C, ZD, HC),
    (C, JJ, HC, True),
    (CW, ZD, JJ),
    (M, "2次", "联合执法检查不少于2次", HC),
    (M, "5个", "客货邮综合服务中心5个", KH),
    (M, "40个", "乡镇服务站40个", KH),
    (M, "100%", "动态监控入网率达到100%", PC, True),
] + [(M, t, c, CX, True) for t, _, k, c, *_ in MET if k == T and t not in ("2次", "5个", "40个")]
