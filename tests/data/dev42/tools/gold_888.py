DOC = "888_xianxian_bureau_crackdown_illegal_operation_notice.txt"
AUTHOR = "献县交通运输局"
JURISDICTION = "献县"
A = AUTHOR
DD = "县交通运输综合行政执法大队"
YG = "县运输管理所"
GL = "县公路中心"
CZ = "沧州市交通运输局"
JJ = "县公安局交通警察大队"
SJ = "县市场监督管理局"
DF = "道路运输打非治违专项行动"
TZ = "关于开展全市道路运输“打非治违”专项行动的通知"
SELF = "献县交通运输局关于开展道路运输“打非治违”专项行动的通知"
ENT = [
    ("AGENCY", A, [A, "县交通运输局", "县局"]),
    ("AGENCY", DD, [DD, "执法大队"]),
    ("AGENCY", YG, [YG]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", CZ, [CZ]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", "专项行动领导小组", ["专项行动领导小组"], True),
    ("AGENCY", "县局运输科", ["县局运输科"], True),
    ("CAMPAIGN", DF, ["道路运输“打非治违”专项行动"]),
    ("REGULATION", "中华人民共和国道路运输条例", ["中华人民共和国道路运输条例"]),
    ("REGULATION", "河北省道路运输条例", ["河北省道路运输条例"]),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", "道路运输车辆动态监督管理办法", ["道路运输车辆动态监督管理办法"]),
    ("REGULATION", SELF, [SELF], True),
]
LOCAL = {DD, YG, GL, JJ, SJ, "专项行动领导小组", "县局运输科"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("20%", "群众投诉举报量同比下降", T, "投诉举报量同比下降20%以上", "受理投诉举报|ratio"),
    ("98%", "重点营运车辆动态监控上线率", T, "动态监控上线率达到98%以上", "动态监控上线率|ratio"),
    ("90%", "约谈企业的动态监控上线率线", T, "动态监控上线率低于90%的企业", "动态监控上线率|ratio", YG),
    ("4次", "每月开展联合执法检查", T, "每月开展联合执法检查不少于4次", "联合执法检查|count", DD),
    ("1小时", "重大案件报告时限", T, "群体性事件的，要在1小时内报告", "信息报告时限|time"),
    ("30%", "动态监控平台抽查比例", T, "抽查比例不低于30%", "动态监控平台抽查比例|ratio", YG),
    ("6个", "设立固定检查点", T, "重点乡镇设立固定检查点6个", "设立检查点|count", DD),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, DF),
    (C, DD, DF),
    (C, YG, DF, True),
    (C, GL, DF, True),
    (C, JJ, DF, True),
    (C, SJ, DF, True),
    (CW, A, JJ),
    (CW, A, SJ),
    (I, CZ, TZ),
    (I, A, SELF, True),
    (M, "20%", "投诉举报量同比下降20%以上", DF),
    (M, "98%", "动态监控上线率达到98%以上", DF),
    (M, "4次", "每月开展联合执法检查不少于4次", DF),
    (M, "30%", "抽查比例不低于30%", DF, True),
    (M, "6个", "重点乡镇设立固定检查点6个", DF),
]
