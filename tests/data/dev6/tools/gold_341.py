DOC = "341_lanzhou_night_inspection_news.txt"
AUTHOR = "兰州市交通运输局"
JURISDICTION = "兰州市"
A = AUTHOR
ZD = "市交通运输综合行政执法支队"
CY = "春运道路运输秩序专项整治"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", "局运输管理科", ["局运输管理科"]),
    ("AGENCY", ZD, [ZD, "支队"]),
    ("AGENCY", "市公安局交通警察支队", ["市公安局交通警察支队"]),
    ("ORGANIZATION", "兰州汽车运输集团有限公司", ["兰州汽车运输集团有限公司"]),
    ("CAMPAIGN", CY, [CY]),
    ("AGENCY", "兰州市交通运输局党组", ["兰州市交通运输局党组"], True),
]
LOCAL = {"局运输管理科", ZD, "市公安局交通警察支队"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("3个", "发现问题", L, "不打表议价等问题3个", "暗访发现问题|count"),
    ("1260人次", "出动执法人员", L, "出动执法人员1260人次", "出动执法人员|people", ZD),
    ("3410辆次", "检查车辆", L, "检查车辆3410辆次", "检查车辆|vehicles", ZD),
    ("27辆", "查处非法营运车辆", L, "查处非法营运车辆27辆", "查处非法营运车辆|vehicles", ZD),
    ("9人", "约谈企业负责人", L, "约谈企业负责人9人", "约谈企业负责人|people", ZD),
    ("3日", "整改时限", T, "要求其在3日内完成整改", "整改时限|time"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, ZD, CY),
    (C, "市公安局交通警察支队", CY, True),
    (CO, ZD, "市公安局交通警察支队"),
    (M, "1260人次", "出动执法人员1260人次", CY, True),
    (M, "3410辆次", "检查车辆3410辆次", CY, True),
    (M, "27辆", "查处非法营运车辆27辆", CY, True),
    (M, "9人", "约谈企业负责人9人", CY, True),
]
