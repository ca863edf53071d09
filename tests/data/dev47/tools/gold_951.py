DOC = "951_hefei_driving_skills_competition_news.txt"
AUTHOR = "合肥市交通运输局"
JURISDICTION = "合肥市"
A = AUTHOR
ZG = "市总工会"
RS = "市人力资源和社会保障局"
XH = "市道路运输协会"
GJ = "合肥公交集团有限公司"
KY = "安徽省合肥汽车客运有限公司"
CY = "合肥长运危险品运输有限公司"
JS = "合肥市第五届道路运输驾驶员职业技能竞赛"
JN = "技能合肥建设"
GW = "岗位建功劳动竞赛"
AJ = "安全驾驶月"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", ZG, [ZG]),
    ("AGENCY", RS, [RS]),
    ("ORGANIZATION", XH, [XH]),
    ("ORGANIZATION", GJ, [GJ]),
    ("ORGANIZATION", KY, [KY]),
    ("ORGANIZATION", CY, [CY]),
    ("CAMPAIGN", JS, [JS]),
    ("CAMPAIGN", JN, ["“技能合肥”建设"]),
    ("CAMPAIGN", GW, ["“岗位建功”劳动竞赛"]),
    ("CAMPAIGN", AJ, ["“安全驾驶月”"]),
]
LOCAL = {ZG, RS, XH}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("3个", "竞赛组别", L, "城市公交驾驶员3个组别", "竞赛组别|count"),
    ("42家", "参赛道路运输企业", L, "来自全市42家道路运输企业", "参赛单位|count"),
    ("186名", "参赛选手", L, "42家道路运输企业的186名选手参赛", "参赛选手|people"),
    ("8个", "实操考核项目", L, "应急处置等8个考核项目", "竞赛项目|count"),
    ("3名", "个人一等奖", L, "比赛共决出个人一等奖3名", "获奖选手|people"),
    ("6名", "二等奖", L, "一等奖3名、二等奖6名", "获奖选手|people"),
    ("9名", "三等奖", L, "二等奖6名、三等奖9名", "获奖选手|people"),
    ("2.6万人次", "累计培训道路运输驾驶员", L, "累计培训道路运输驾驶员2.6万人次", "培训驾驶员|people"),
    ("30%", "道路运输行业高技能人才占比", T, "高技能人才占比达到30%", "高技能人才占比|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, JS), (C, ZG, JS), (C, RS, JS), (C, XH, JS), (C, GJ, JS),
    (CW, A, ZG), (CW, A, RS), (CW, A, XH), (CW, A, GJ, True), (CW, ZG, RS, True),
    (C, A, JN, True), (C, A, GW, True), (C, A, AJ),
    (M, "2.6万人次", "累计培训道路运输驾驶员2.6万人次", AJ, True),
    (M, "30%", "高技能人才占比达到30%", JN, True),
] + [(M, t, c, JS) for t, _, k, c, *_ in MET[:7]]
