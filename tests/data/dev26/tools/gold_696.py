DOC = "696_jiangmen_bureau_work_bulletin.txt"
AUTHOR = "江门市交通运输局"
JURISDICTION = "江门市"
A = AUTHOR
ZD = "市交通运输综合行政执法支队"
JY = "市教育局"
JJ = "市公安局交警支队"
GL = "市公路事务中心"
YS = "局运输科"
CZ = "市财政局"
JG = "局机关党委"
GY = "广东冠粤路桥有限公司"
HH = "护航开学季校车及学生运输专项检查"
QL = "清廉交通主题党日活动"
XZ = "江门市巡游出租汽车新能源更新补助实施细则"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", "江门市交通运输局办公室", ["江门市交通运输局办公室"], True),
    ("AGENCY", ZD, [ZD, "执法支队"]),
    ("AGENCY", JY, [JY]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", YS, [YS, "运输科"]),
    ("AGENCY", CZ, [CZ]),
    ("AGENCY", JG, [JG]),
    ("AGENCY", "市委办", ["市委办"]),
    ("AGENCY", "市政府办", ["市政府办"]),
    ("AGENCY", "省交通运输厅办公室", ["省交通运输厅办公室"]),
    ("ORGANIZATION", GY, [GY]),
    ("CAMPAIGN", HH, ["“护航开学季”校车及学生运输专项检查", "“护航开学季”专项检查"]),
    ("CAMPAIGN", QL, ["“清廉交通”主题党日活动"]),
    ("REGULATION", XZ, [XZ]),
    ("REGULATION", "中国共产党廉洁自律准则", ["中国共产党廉洁自律准则"]),
]
LOCAL = {ZD, JY, JJ, GL, YS, CZ, JG, "市委办", "市政府办", "省交通运输厅办公室"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("412辆次", "检查校车、客运车辆", L, "检查校车、客运车辆412辆次", "检查车辆|vehicles", ZD),
    ("17辆", "查处非法营运车辆", L, "查处非法营运车辆17辆", "查处非法营运车辆|vehicles", ZD),
    ("3辆", "查处黑校车", L, "其中“黑校车”3辆", "查处非法营运校车|vehicles", ZD),
    ("68处", "国省道灾损点位", L, "全市国省道发生灾损点位68处", "公路灾损点位|count", GL),
    ("520人次", "出动抢险人员", L, "出动抢险人员520人次", "出动抢险人员|people", GL),
    ("24小时", "恢复通行用时", L, "在24小时内全部恢复通行", "抢通用时|time", GL),
    ("1.5万元", "每辆更新补助", L, "每辆补助1.5万元", "出租车新能源更新补助标准|money", YS),
    ("41%", "去年同期新能源化率", L, "由去年同期的41%提高到67.2%", "巡游出租车新能源化率|ratio", YS),
    ("67.2%", "巡游出租车新能源化率", L, "由去年同期的41%提高到67.2%", "巡游出租车新能源化率|ratio", YS),
    ("60余人", "参加主题党日活动党员干部", L, "组织党员干部60余人", "参加活动党员干部|people", JG),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, ZD, HH),
    (CW, ZD, JY),
    (CW, ZD, JJ),
    (C, JY, HH, True),
    (C, JJ, HH, True),
    (CW, GL, GY),
    (CW, YS, CZ),
    (I, YS, XZ),
    (I, CZ, XZ),
    (C, JG, QL),
    (M, "60余人", "组织党员干部60余人", QL),
] + [(M, t, c, HH) for t, _, k, c, *_ in MET[:3]]
