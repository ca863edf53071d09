DOC = "926_anshun_bureau_party_group_central_study_group_report.txt"
AUTHOR = "中共安顺市交通运输局党组"
JURISDICTION = "安顺市"
A = AUTHOR
ZX = "中共安顺市交通运输局党组理论学习中心组"
XC = "市委宣传部"
JG = "局机关党委"
JW = "驻局纪检监察组"
DX = "市委党校"
DJ = "党纪学习教育"
SH = "四好农村路"
SX = "书香机关读书活动"
GZ = "中国共产党党委（党组）理论学习中心组学习规则"
SY = "安顺市交通运输局关于推进农村公路高质量发展的实施意见"
YS = "局党组议事规则"
SZ = "三重一大事项集体决策制度"
DY = "第一议题制度"
ENT = [
    ("AGENCY", A, [A, "局党组"]),
    ("AGENCY", ZX, [ZX, "局党组理论学习中心组", "中心组"]),
    ("AGENCY", XC, [XC]),
    ("AGENCY", JG, [JG]),
    ("AGENCY", JW, [JW]),
    ("AGENCY", DX, [DX], True),
    ("CAMPAIGN", DJ, [DJ]),
    ("CAMPAIGN", SH, ["“四好农村路”"]),
    ("CAMPAIGN", SX, ["“书香机关”读书活动"]),
    ("REGULATION", GZ, [GZ]),
    ("REGULATION", "党章", ["党章"]),
    ("REGULATION", "中国共产党纪律处分条例", ["中国共产党纪律处分条例"]),
    ("REGULATION", "中国共产党廉洁自律准则", ["中国共产党廉洁自律准则"]),
    ("REGULATION", "关于新形势下党内政治生活的若干准则", ["关于新形势下党内政治生活的若干准则"]),
    ("REGULATION", SY, [SY]),
    ("REGULATION", YS, [YS]),
    ("REGULATION", SZ, ["“三重一大”事项集体决策制度"]),
    ("REGULATION", DY, ["“第一议题”制度"]),
]
LOCAL = {ZX, XC, JG, JW, DX, YS}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("14次", "开展集中学习", L, "共开展集中学习14次", "中心组集中学习|count", ZX),
    ("6次", "专题研讨", L, "集中学习14次，其中专题研讨6次", "专题研讨|count", ZX),
    ("48篇", "形成研讨发言材料", L, "形成研讨发言材料48篇", "形成研讨材料|count", ZX),
    ("4次", "开展党纪学习教育专题学习", L, "党纪学习教育专题学习4次", "专题学习|count", ZX),
    ("9篇", "形成调研报告", L, "班子成员共形成调研报告9篇", "形成调研报告|count", ZX),
    ("37条", "提出意见建议", L, "告9篇，提出意见建议37条", "提出意见建议|count", ZX),
    ("26条", "转化为具体措施", L, "已转化为具体措施的26条", "意见建议转化|count", ZX),
    ("2次", "专题辅导", L, "委党校教授作专题辅导2次", "专题辅导|count", ZX),
    ("1次", "现场教学", L, "纪念馆开展现场教学1次", "现场教学|count", ZX),
    ("1.8万分", "班子成员人均学习积分", L, "人均学习积分达到1.8万分", "学习积分|points", ZX),
    ("86个", "局系统党支部", L, "带动局系统86个党支部", "党支部数|count", JG),
    ("320余次", "开展主题党日活动", L, "开展主题党日活动320余次", "主题党日活动|count", JG),
    ("12次", "开展集中学习", T, "开展集中学习不少于12次", "中心组集中学习|count", ZX),
    ("6次", "专题研讨", T, "其中专题研讨不少于6次", "专题研讨|count", ZX),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, ZX, DJ),
    (C, A, DJ, True),
    (C, JG, SX),
    (C, ZX, SH, True),
    (CW, JG, ZX, True),
    (I, A, SY),
    (I, A, YS),
    (I, A, SZ),
    (M, "4次", "党纪学习教育专题学习4次", DJ),
]
