DOC = "849_duyun_brigade_help_stranded_truck_driver_news.txt"
AUTHOR = "都匀市交通运输综合行政执法大队"
JURISDICTION = "都匀市"
A = AUTHOR
ZD = "都匀市交通运输综合行政执法大队第二中队"
BS = "我为群众办实事实践活动"
ENT = [
    ("AGENCY", A, [A, "大队"]),
    ("AGENCY", ZD, [ZD]),
    ("CAMPAIGN", BS, ["“我为群众办实事”实践活动"]),
]
LOCAL = set()
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("32吨", "运送建材", L, "运送约32吨建材前往广西", "货车载重|weight"),
    ("3个小时", "等待时间", L, "已在寒风中等待近3个小时", "等待时长|time"),
    ("150米", "摆放警示标志距离", L, "在车后方150米处摆放警示标志", "警示标志距离|length"),
    ("63次", "为过往司乘人员提供帮助", L, "累计为过往司乘人员提供帮助63次", "帮助司乘人员|count"),
    ("21辆", "协助处置抛锚车辆", L, "协助处置抛锚车辆21辆", "协助处置抛锚车辆|vehicles"),
    ("4个", "增设临时服务点", L, "增设临时服务点4个", "设立便民服务点|count"),
    ("24小时", "轮流值守", L, "安排执法人员24小时轮流值守", "值守时长|time"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, BS),
    (M, "63次", "累计为过往司乘人员提供帮助63次", BS),
    (M, "21辆", "协助处置抛锚车辆21辆", BS, True),
]
