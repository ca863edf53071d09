DOC = "548_lhasa_ride_hailing_forum_news.txt"
AUTHOR = "拉萨市道路运输管理局"
JURISDICTION = "拉萨市"
A = AUTHOR
ZX = "网约车市场秩序专项整治"
ZD = "市交通运输综合行政执法支队"
SJ = "市市场监督管理局"
P1 = "XX出行科技有限公司拉萨分公司"
P2 = "XX打车平台西藏运营中心"
XH = "拉萨市出租汽车协会"
ENT = [
    ("AGENCY", A, [A, "市道路运输管理局", "运管局"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", SJ, [SJ]),
    ("ORGANIZATION", P1, [P1]),
    ("ORGANIZATION", P2, [P2, "XX打车平台"]),
    ("ORGANIZATION", XH, [XH]),
    ("CAMPAIGN", ZX, [ZX]),
    ("REGULATION", "网络预约出租汽车经营服务管理暂行办法", ["网络预约出租汽车经营服务管理暂行办法"]),
]
LOCAL = {ZD, SJ}
LINK = {ZD: "拉萨市交通运输综合行政执法支队"}
L, CH, T = "level", "change", "target"
MET = [
    ("3126辆", "取得许可的网约车", L, "全市取得许可的网约车3126辆", "网约车数量|vehicles"),
    ("82%", "驾驶员双证合规率", L, "驾驶员双证合规率82%", "网约车合规率|ratio"),
    ("11个百分点", "合规率较年初提高", CH, "较年初提高11个百分点", "网约车合规率|ratio"),
    ("1580辆", "巡游出租汽车", L, "巡游出租汽车1580辆", "巡游出租汽车数量|vehicles"),
    ("346件", "12328热线受理出租汽车投诉", L, "受理出租汽车投诉346件", "受理投诉|cases"),
    ("98.8%", "投诉办结率", L, "投诉办结率98.8%", "投诉办结率|ratio"),
    ("430辆", "清退不合规车辆", L, "将清退不合规车辆430辆", "清退不合规车辆|vehicles", P2),
    ("90%", "合规率", T, "推动合规率年底前达到90%以上", "网约车合规率|ratio"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CO, A, ZD),
    (CO, A, SJ),
    (C, A, ZX),
    (C, ZD, ZX, True),
    (C, SJ, ZX, True),
    (CO, A, P1, True),
    (CO, A, P2, True),
    (M, "90%", "推动合规率年底前达到90%以上", ZX, True),
]
