DOC = "935_duqiao_enforcement_station_night_check_info.txt"
AUTHOR = "临海市交通运输行政执法队杜桥执法所"
JURISDICTION = "临海市"
A = AUTHOR
PCS = "杜桥镇派出所"
ZD = "临海市公安局交警大队杜桥中队"
CY = "春运护航专项行动"
ENT = [
    ("AGENCY", A, [A, "杜桥执法所"]),
    ("AGENCY", PCS, [PCS]),
    ("AGENCY", ZD, [ZD]),
    ("CAMPAIGN", CY, ["“春运护航”专项行动"]),
    ("REGULATION", "浙江省道路运输条例", ["浙江省道路运输条例"]),
]
LOCAL = set()
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("12人次", "出动执法人员", L, "共出动执法人员12人次", "出动执法人员|people"),
    ("4辆次", "出动执法车辆", L, "执法车辆4辆次", "出动执法车辆|vehicles"),
    ("37辆", "检查各类车辆", L, "检查各类车辆37辆", "检查车辆|vehicles"),
    ("2起", "查处“黑车”非法营运", L, "查处“黑车”非法营运2起", "查处非法营运|cases"),
    ("1起", "查处客车超员", L, "查处客车超员1起", "查处客车超员|cases"),
    ("5起", "现场纠正违规行为", L, "现场纠正违规行为5起", "纠正违规行为|cases"),
    ("30余份", "发放宣传资料", L, "发放宣传资料30余份", "发放宣传资料|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, PCS),
    (CW, A, ZD),
    (C, A, CY),
    (M, "12人次", "共出动执法人员12人次", CY, True),
    (M, "37辆", "检查各类车辆37辆", CY, True),
    (M, "2起", "查处“黑车”非法营运2起", CY, True),
]
