DOC = "744_puer_bureau_civilized_city_work_plan.txt"
AUTHOR = "普洱市交通运输局"
JURISDICTION = "普洱市"
A = AUTHOR
CZ = "市创文指挥部"
LDXZ = "局创文工作领导小组"
YS = "局运输服务科"
AJ = "局安全监督科"
JDW = "局机关党委"
ZD = "市交通运输综合行政执法支队"
GA = "市公安局交通警察支队"
CG = "市城市管理局"
GL = "市公路事业发展中心"
GJ = "普洱市公共交通有限责任公司"
XH = "普洱市出租汽车协会"
KY = "普洱云岭客运有限公司"
GT = "云南省公路投资开发有限公司普洱管理处"
CW_ = "创建全国文明城市"
ZT = "公交车站亭提升行动"
CZZ = "出租汽车文明服务专项整治"
KZ = "客运站场环境卫生整治"
ZY = "学雷锋·文明交通志愿服务活动"
YX = "公路沿线环境整治"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", "市委", ["市委"]),
    ("AGENCY", "市政府", ["市政府"]),
    ("AGENCY", CZ, [CZ]),
    ("AGENCY", LDXZ, [LDXZ, "领导小组"]),
    ("AGENCY", "局创文工作领导小组办公室", ["局创文工作领导小组办公室"], True),
    ("AGENCY", "局办公室", ["局办公室"], True),
    ("AGENCY", YS, [YS]),
    ("AGENCY", AJ, [AJ]),
    ("AGENCY", JDW, [JDW]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", GA, [GA]),
    ("AGENCY", CG, [CG]),
    ("AGENCY", GL, [GL]),
    ("ORGANIZATION", GJ, [GJ]),
    ("ORGANIZATION", XH, [XH]),
    ("ORGANIZATION", KY, [KY]),
    ("ORGANIZATION", GT, [GT]),
    ("CAMPAIGN", CW_, [CW_, "创文"]),
    ("CAMPAIGN", ZT, [ZT]),
    ("CAMPAIGN", CZZ, [CZZ]),
    ("CAMPAIGN", KZ, [KZ]),
    ("CAMPAIGN", ZY, ["“学雷锋·文明交通”志愿服务活动"]),
    ("CAMPAIGN", YX, [YX]),
    ("REGULATION", "普洱市创建全国文明城市三年行动计划（2025—2027年）", ["普洱市创建全国文明城市三年行动计划（2025—2027年）"]),
    ("REGULATION", "2027年创文工作任务分解表", ["2027年创文工作任务分解表"]),
    ("REGULATION", "全国文明城市测评体系操作手册", ["全国文明城市测评体系操作手册"]),
    ("REGULATION", "门前三包制度", ["“门前三包”制度"]),
]
LOCAL = {"市委", "市政府", CZ, LDXZ, "局创文工作领导小组办公室", "局办公室", YS, AJ, JDW, ZD, GA, CG, GL}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("100%", "创文测评指标达标率", T, "测评指标达标率达到100%", "创文测评指标达标率|ratio"),
    ("95%", "城市公交准点率", T, "城市公交准点率达到95%以上", "城市公交准点率|ratio"),
    ("0.5‰", "出租汽车服务质量投诉率", T, "投诉率控制在0.5‰以下", "出租汽车服务质量投诉率|ratio"),
    ("186个", "清洗维护公交站亭", T, "对中心城区186个公交站亭", "维护公交站亭|count"),
    ("24座", "更换破损候车亭", T, "更换破损候车亭24座", "更换候车亭|count"),
    ("100%", "公交站牌信息准确率", T, "公交站牌信息准确率达到100%", "公交站牌信息准确率|ratio"),
    ("12次", "开展夜间集中整治", T, "开展夜间集中整治不少于12次", "开展集中整治|count"),
    ("5个", "落实门前三包的客运站场", T, "思茅客运站等5个客运站场", "整治客运站场|count"),
    ("2000小时", "志愿服务时长", T, "全年志愿服务时长不少于2000小时", "志愿服务时长|time"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, CW_),
    (C, "市委", CW_, True),
    (C, "市政府", CW_, True),
    (C, CZ, CW_, True),
    (I, CZ, "2027年创文工作任务分解表", True),
    (C, YS, ZT),
    (C, GJ, ZT, True),
    (C, CG, ZT, True),
    (CW, YS, GJ, True),
    (CW, YS, CG, True),
    (C, ZD, CZZ),
    (C, YS, CZZ, True),
    (C, GA, CZZ, True),
    (C, XH, CZZ, True),
    (CW, ZD, YS, True),
    (CW, ZD, GA, True),
    (CW, ZD, XH, True),
    (C, AJ, KZ),
    (C, KY, KZ, True),
    (CW, AJ, KY, True),
    (C, JDW, ZY),
    (C, GL, YX),
    (C, GT, YX, True),
    (C, ZD, YX, True),
    (CW, GL, GT, True),
    (CW, GL, ZD, True),
    (C, A, ZT, True),
    (C, A, CZZ, True),
    (C, A, KZ, True),
    (C, A, ZY, True),
    (C, A, YX, True),
    (M, "100%", "测评指标达标率达到100%", CW_),
    (M, "95%", "城市公交准点率达到95%以上", CW_),
    (M, "0.5‰", "投诉率控制在0.5‰以下", CW_),
    (M, "186个", "对中心城区186个公交站亭", ZT),
    (M, "24座", "更换破损候车亭24座", ZT),
    (M, "100%", "公交站牌信息准确率达到100%", ZT),
    (M, "12次", "开展夜间集中整治不少于12次", CZZ),
    (M, "5个", "思茅客运站等5个客运站场", KZ, True),
    (M, "2000小时", "全年志愿服务时长不少于2000小时", ZY),
]
