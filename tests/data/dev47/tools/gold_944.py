DOC = "944_yongxin_county_executive_meeting_transport_news.txt"
AUTHOR = "永新县政府"
JURISDICTION = "永新县"
A = AUTHOR
JT = "县交通运输局"
JJ = "县公安局交警大队"
YJ = "县应急管理局"
CZ = "县财政局"
ZR = "县自然资源局"
SH = "四好农村路示范创建"
PC = "道路运输安全隐患排查整治行动"
YT = "城乡交通运输一体化示范县创建"
GX = "G319永新段改建"
BF = "永新县农村公路养护管理办法（修订稿）"
ENT = [
    ("AGENCY", A, [A, "县政府"]),
    ("AGENCY", JT, [JT]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", CZ, [CZ]),
    ("AGENCY", ZR, [ZR]),
    ("CAMPAIGN", SH, ["“四好农村路”示范创建"]),
    ("CAMPAIGN", PC, [PC]),
    ("CAMPAIGN", YT, [YT]),
    ("CAMPAIGN", GX, [GX], True),
    ("REGULATION", BF, [BF]),
]
LOCAL = {JT, JJ, YJ, CZ, ZR}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("6.82亿元", "完成交通固定资产投资", L, "全县完成交通固定资产投资6.82亿元", "完成交通固定资产投资|money", JT),
    ("11.4%", "交通固定资产投资同比增长", CH, "6.82亿元，同比增长11.4%", "完成交通固定资产投资|ratio", JT),
    ("128.6公里", "新改建农村公路", L, "新改建农村公路128.6公里", "新改建农村公路|length", JT),
    ("14座", "完成危桥改造", L, "完成危桥改造14座", "危桥改造|count", JT),
    ("100%", "建制村通客车率", L, "全县建制村通客车率保持100%", "建制村通客车率|ratio", JT),
    ("46家次", "检查客货运企业", L, "检查客货运企业46家次", "检查运输企业|count", JT),
    ("93处", "整改隐患", L, "整改隐患93处", "整改隐患|count", JT),
    ("8亿元", "全年完成交通投资", T, "确保全年完成交通投资8亿元以上", "完成交通固定资产投资|money"),
    ("3条", "新开通城乡公交线路", T, "力争年内新开通城乡公交线路3条", "开通公交线路|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, JT, SH, True),
    (C, JT, PC),
    (C, JJ, PC, True),
    (C, YJ, PC, True),
    (CW, JT, JJ),
    (CW, JT, YJ),
    (C, JT, YT),
    (C, JT, GX, True),
    (CW, CZ, ZR, True),
    (CW, JT, CZ, True),
    (CW, JT, ZR, True),
    (I, JT, BF),
    (I, A, BF, True),
    (M, "46家次", "检查客货运企业46家次", PC),
    (M, "93处", "整改隐患93处", PC),
    (M, "3条", "力争年内新开通城乡公交线路3条", YT, True),
]
