DOC = "845_baoshan_transport_skills_competition_news.txt"
AUTHOR = "保山市交通运输局"
JURISDICTION = "保山市"
A = AUTHOR
ZG = "保山市总工会"
ZD = "保山市交通运输综合行政执法支队"
TC = "腾冲市大队"
RS = "市人力资源和社会保障局"
XH = "保山市道路运输协会"
GJ = "保山市公共交通有限公司"
SD = "保山顺达汽车维修有限公司"
JD = "云南骏达机动车检测有限公司"
JS = "保山市第三届交通运输行业职业技能竞赛"
JB = "技能保山行动"
LB = "岗位大练兵活动"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", ZG, [ZG, "市总工会"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", TC, [TC]),
    ("AGENCY", RS, [RS]),
    ("ORGANIZATION", XH, [XH]),
    ("ORGANIZATION", GJ, [GJ]),
    ("ORGANIZATION", SD, [SD]),
    ("ORGANIZATION", JD, [JD]),
    ("CAMPAIGN", JS, [JS]),
    ("CAMPAIGN", JB, ["“技能保山”行动"]),
    ("CAMPAIGN", "交通执法开放日活动", ["“交通执法开放日”活动"]),
    ("CAMPAIGN", LB, ["“岗位大练兵”活动"]),
]
LOCAL = {RS}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("4个", "竞赛项目", L, "交通运输执法人员4个项目", "竞赛项目|count"),
    ("38家", "参赛单位", L, "交通运输行业38家单位", "参赛单位|count"),
    ("216名", "参赛选手", L, "38家单位的216名选手参赛", "参赛选手|people"),
    ("64人", "参赛人数较上届增加", CH, "参赛人数较上届增加64人", "参赛选手|people"),
    ("4名", "个人一等奖", L, "共评出个人一等奖4名", "获奖选手|people"),
    ("8名", "二等奖", L, "一等奖4名、二等奖8名", "获奖选手|people"),
    ("12名", "三等奖", L, "三等奖12名，团体奖项6个", "获奖选手|people"),
    ("6个", "团体奖项", L, "三等奖12名，团体奖项6个", "团体奖项|count"),
    ("3个月", "竞赛历时", L, "本届竞赛历时3个月", "竞赛历时|time"),
    ("1100余名", "初赛参与职工", L, "初赛阶段共有1100余名职工参与", "参赛选手|people"),
    ("40余名", "邀请市民代表", L, "邀请40余名市民代表", "邀请市民代表|people", ZD),
    ("1260人", "累计培养高技能人才", L, "累计培养高技能人才1260人", "培养高技能人才|people"),
    ("31.5%", "高技能人才占技能人才比例", L, "技能人才总量的比例达到31.5%", "高技能人才占比|ratio"),
    ("35%", "高技能人才占比目标", T, "高技能人才占比达到35%", "高技能人才占比|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
def ctx(t, i=0):
    return [c for x, _, _, c, *_ in MET if x == t][i]
REL = [
    (C, A, JS),
    (C, ZG, JS),
    (C, ZD, JS),
    (C, XH, JS),
    (C, A, JB, True),
    (C, A, LB),
    (C, GJ, JS, True),
    (C, TC, JS, True),
    (CW, A, ZG),
    (C, ZD, "交通执法开放日活动"),
    (M, "40余名", "邀请40余名市民代表", "交通执法开放日活动"),
    (M, "3个月", "本届竞赛历时3个月", JS),
    (M, "1100余名", "初赛阶段共有1100余名职工参与", JS),
    (CW, ZD, XH, True),
] + [(M, t, ctx(t), JS) for t in ("4个", "38家", "216名", "64人", "4名", "8名", "12名", "6个")] + [
    (M, t, ctx(t), LB, True) for t in ("1260人", "31.5%", "35%")] + [
    (M, t, ctx(t), JB, True) for t in ("216名",)]
