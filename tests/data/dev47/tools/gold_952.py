DOC = "952_xian_bureau_summons_ride_hailing_platforms_news.txt"
AUTHOR = "西安市交通运输局"
JURISDICTION = "西安市"
A = AUTHOR
GA = "市公安局"
SJ = "市市场监督管理局"
WX = "市网信办"
ZD = "市交通运输综合执法支队"
XH = "市出租汽车协会"
P = ["滴滴出行", "T3出行", "曹操出行", "高德打车", "花小猪出行", "享道出行"]
ZZ = "网约车市场秩序专项整治行动"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", GA, [GA]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", WX, [WX]),
    ("AGENCY", ZD, [ZD]),
    ("ORGANIZATION", XH, [XH]),
] + [("ORGANIZATION", p, [p]) for p in P] + [
    ("CAMPAIGN", ZZ, [ZZ]),
    ("REGULATION", "网络预约出租汽车经营服务管理暂行办法", ["网络预约出租汽车经营服务管理暂行办法"]),
    ("REGULATION", "西安市网络预约出租汽车经营服务管理实施细则", ["西安市网络预约出租汽车经营服务管理实施细则"]),
]
LOCAL = {GA, SJ, WX, ZD, XH}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("6家", "约谈网约车平台公司", L, "西安市交通运输局约谈6家网约车平台公司", "约谈平台公司|count"),
    ("6家", "约谈网约车平台公司", L, "享道出行等6家网约车平台公司", "约谈平台公司|count"),
    ("1274宗", "查处网约车违规经营案件", L, "查处网约车违规经营案件1274宗", "查处网约车违法案件|cases", ZD),
    ("836.5万元", "罚款金额", L, "罚款金额达到836.5万元", "罚没款|money", ZD),
    ("4180件", "12345热线受理网约车投诉", L, "受理网约车投诉4180件", "受理网约车投诉|cases"),
    ("23.7%", "网约车投诉同比上升", CH, "4180件，同比上升23.7%", "受理网约车投诉|ratio"),
    ("78.4%", "网约车驾驶员合规率", L, "全市网约车驾驶员合规率为78.4%", "网约车驾驶员合规率|ratio"),
    ("81.2%", "网约车车辆合规率", L, "车辆合规率为81.2%", "网约车车辆合规率|ratio"),
    ("90%", "网约车双合规率", T, "双合规率提升到90%以上", "网约车双合规率|ratio"),
    ("27%", "平台抽成比例上限", T, "抽成比例上限不得高于27%", "平台抽成比例|ratio"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, GA), (CW, A, SJ), (CW, A, WX),
    (C, A, ZZ), (C, GA, ZZ, True), (C, SJ, ZZ, True),
]
