DOC = "408_mianxian_overload_station_info.txt"
AUTHOR = "勉县交通运输综合行政执法大队G108周家山治超站"
JURISDICTION = "勉县"
A = AUTHOR
DD = "勉县交通运输综合行政执法大队"
JJ = "勉县公安局交通警察大队"
GLJ = "汉中市公路局勉县分局"
HL = "护路安民治超百日攻坚行动"
ENT = [
    ("AGENCY", A, [A, "G108周家山治超站", "治超站"]),
    ("AGENCY", DD, [DD, "大队"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", GLJ, [GLJ]),
    ("AGENCY", "县交通运输局", ["县交通运输局"]),
    ("REGULATION", "致货车司机的一封信", ["致货车司机的一封信"], True),
    ("CAMPAIGN", HL, ["“护路安民”治超百日攻坚行动"]),
]
LOCAL = {"县交通运输局"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("5条", "报送源头企业线索", L, "报送源头企业线索5条", "报送源头企业线索|count"),
    ("3812辆", "检测货车", L, "共检测货车3812辆", "检测货车|vehicles"),
    ("64辆", "查处超限超载车辆", L, "查处超限超载车辆64辆", "查处超限超载车辆|vehicles"),
    ("1126吨", "卸载转运货物", L, "卸载、转运货物1126吨", "卸载货物|weight"),
    ("38.4万元", "罚款", L, "1126吨，罚款38.4万元", "罚款|money"),
    ("1.7%", "超限率", L, "超限率控制在1.7%以内", "超限率|ratio"),
    ("21.9%", "查处超限超载车辆数同比下降", CH, "查处超限超载车辆数下降21.9%", "查处超限超载车辆|ratio"),
    ("200余份", "发放致货车司机的一封信", L, "的一封信》200余份", "发放宣传资料|count"),
    ("2%", "国道货车超限率", T, "货车超限率不高于2%", "超限率|ratio"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CO, A, JJ),
    (CO, A, GLJ),
    (C, A, HL),
    (C, DD, HL, True),
    (CO, A, DD, True),
    (M, "2%", "货车超限率不高于2%", HL, True),
]
