DOC = "543_tianjin_vice_mayor_flood_inspection_news.txt"
AUTHOR = None
JURISDICTION = "天津市"
HS = "天津海事局"
MT = "天津港XX集装箱码头有限公司"
KY = "天津XX客运集团有限公司"
PG = "汛期平安港专项检查"
JW = "市交通运输委员会"
YJ = "市应急管理局"
ENT = [
    ("AGENCY", HS, [HS]),
    ("AGENCY", JW, [JW]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", "市政府办公厅", ["市政府办公厅"]),
    ("ORGANIZATION", MT, [MT]),
    ("ORGANIZATION", KY, [KY]),
    ("ORGANIZATION", "天津日报", ["天津日报"]),
    ("CAMPAIGN", PG, ["“汛期平安港”专项检查"]),
    ("REGULATION", "24小时值班值守制度", ["24小时值班值守制度"], True),
]
LOCAL = {JW, YJ, "市政府办公厅"}
LINK = {JW: "天津市交通运输委员会"}
L, CH, T = "level", "change", "target"
MET = [
    ("3次", "组织防汛应急演练", L, "组织防汛应急演练3次", "组织应急演练|count", MT),
    ("1.2万袋", "储备防汛沙袋", L, "储备防汛沙袋1.2万袋", "储备防汛沙袋|count", MT),
    ("426艘次", "检查船舶", L, "已检查船舶426艘次", "检查船舶|vehicles", HS),
    ("56项", "发现隐患", L, "26艘次，发现隐患56项", "排查安全隐患|count", HS),
    ("1.8万人次", "日均发送旅客", L, "日均发送旅客1.8万人次", "发送旅客|people", KY),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, HS, PG),
    (C, MT, PG, True),
    (M, "426艘次", "已检查船舶426艘次", PG),
    (M, "56项", "26艘次，发现隐患56项", PG),
    (CO, JW, YJ),
    (CO, JW, HS),
]
