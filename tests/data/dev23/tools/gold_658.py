DOC = "658_shanxian_enforcement_brigade_rectification_plan.txt"
AUTHOR = "单县交通运输综合行政执法大队"
JURISDICTION = "单县"
A = "单县交通运输综合行政执法大队"
ZD = "菏泽市交通运输综合行政执法支队"
LD = "专项整治工作领导小组"
ZH = "大队综合科"
JJ = "县公安局交警大队"
SJ = "县市场监督管理局"
GL = "县公路事业发展中心"
MT = "单县融媒体中心"
QY = "道路运输市场清源净网专项整治行动"
NL = "能力作风建设年活动"
YD = "菏泽市交通运输综合行政执法支队2027年执法工作要点"
GX = "单县交通运输执法信息共享制度"
ENT = [
    ("AGENCY", A, [A, "大队"]),
    ("AGENCY", "省厅", ["省厅"]),
    ("AGENCY", "市局", ["市局"]),
    ("AGENCY", ZD, [ZD], True),
    ("AGENCY", LD, [LD], True),
    ("AGENCY", ZH, [ZH], True),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", GL, [GL]),
    ("ORGANIZATION", MT, [MT]),
    ("CAMPAIGN", QY, ["道路运输市场“清源净网”专项整治行动", "专项整治"]),
    ("CAMPAIGN", NL, ["“能力作风建设年”活动"]),
    ("REGULATION", "山东省道路运输条例", ["山东省道路运输条例"]),
    ("REGULATION", YD, [YD]),
    ("REGULATION", GX, [GX]),
    ("REGULATION", "三项制度", ["“三项制度”"]),
    ("REGULATION", "交通运输行政执法人员管理规定", ["交通运输行政执法人员管理规定"]),
]
LOCAL = {"市局", LD, ZH, JJ, SJ, GL}
LINK = {"省厅": "山东省交通运输厅"}
L, CH, T = "level", "change", "target"
MET = [
    ("20%", "非法营运车辆查处数量较上年同期增长", T, "较上年同期增长20%以上", "查处非法营运车辆|ratio"),
    ("100%", "重点货运源头单位监管覆盖率", T, "监管覆盖率达到100%", "源头单位监管覆盖率|ratio"),
    ("1%", "普通国省道货车违法超限超载率", T, "违法超限超载率控制在1%以内", "货车违法超限超载率|ratio"),
    ("98%", "道路运输投诉办结率", T, "投诉办结率达到98%以上", "投诉办结率|ratio"),
    ("2个", "设置固定检查点", T, "设置固定检查点2个", "设置检查点|count"),
    ("4个", "设置流动巡查组", T, "流动巡查组4个", "设置流动巡查组|count"),
    ("23家", "检查驾驶员培训机构", L, "对全县23家驾驶员培训机构", "检查驾培机构|count"),
    ("46家", "驻站监管重点货运源头单位", L, "对全县46家重点货运源头单位", "监管货运源头单位|count"),
    ("8次", "每月联合执法", T, "每月联合执法不少于8次", "开展联合执法|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, QY),
    (C, A, NL, True),
    (C, JJ, QY, True),
    (C, SJ, QY, True),
    (C, GL, QY, True),
    (CW, A, JJ),
    (CW, A, SJ),
    (CW, A, GL),
    (I, A, GX, True),
    (I, ZD, YD, True),
] + [(M, t, c, QY) for t, _, k, c, *_ in MET if k == T] + [(M, t, c, QY, True) for t, _, k, c, *_ in MET if k != T]
