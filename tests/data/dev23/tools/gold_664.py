DOC = "664_shuicheng_enforcement_station_snow_rescue_news.txt"
AUTHOR = None
JURISDICTION = "水城区"
A = "水城区交通运输综合行政执法大队玉舍执法所"
DD = "水城区交通运输综合行政执法大队"
GL = "水城区公路管理段"
ND = "暖冬行动"
ENT = [
    ("AGENCY", A, [A, "玉舍执法所", "执法所"]),
    ("AGENCY", DD, [DD], True),
    ("AGENCY", GL, [GL]),
    ("CAMPAIGN", ND, ["“暖冬行动”"]),
]
LOCAL = set()
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("18吨", "货车满载蔬菜", L, "一辆满载18吨蔬菜的重型货车", "货车载货|weight", ""),
    ("3个小时", "驾驶员被困时间", L, "已在车内被困近3个小时", "被困时间|time", ""),
    ("150米", "在车后摆放警示标志距离", L, "在车后150米处摆放警示标志", "警示标志距离|length", A),
    ("2小时", "处置时间", L, "经过近2小时的处置", "处置时间|time", A),
    ("14辆", "其余滞留车辆有序通行", L, "其余14辆滞留车辆也有序通行", "滞留车辆|vehicles", A),
    ("620余人次", "为司乘人员提供服务", L, "充电等服务620余人次", "服务司乘人员|people", A),
    ("7起", "协助处置车辆滞留险情", L, "协助处置车辆滞留险情7起", "处置车辆滞留险情|cases", A),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, ND),
    (CW, A, GL, True),
    (M, "620余人次", "充电等服务620余人次", ND),
    (M, "7起", "协助处置车辆滞留险情7起", ND),
]
