DOC = "825_zhumadian_transport_meteorology_cooperation_news.txt"
AUTHOR = "驻马店市交通运输局"
JURISDICTION = "驻马店市"
A = AUTHOR
QX = "驻马店市气象局"
YJ = "市交通运输应急指挥中心"
JJ = "市公安局交通警察支队"
GW = "国网驻马店供电公司"
ZH = "智慧交通气象工程"
PA = "平安冬运专项行动"
XY = "交通气象保障战略合作协议"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", QX, [QX, "市气象局"]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", "市交通运输局应急办", ["市交通运输局应急办"], True),
    ("AGENCY", "市气象台", ["市气象台"]),
    ("AGENCY", JJ, [JJ]),
    ("ORGANIZATION", GW, [GW]),
    ("CAMPAIGN", ZH, ["“智慧交通气象”工程"]),
    ("CAMPAIGN", PA, ["“平安冬运”专项行动"]),
    ("REGULATION", XY, [XY], True),
]
LOCAL = {YJ, "市交通运输局应急办", "市气象台", JJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("12条", "推送气象预报的国省干线公路", L, "推送全市12条国省干线公路", "国省干线公路|count", QX),
    ("3条", "推送气象预报的高速公路", L, "和3条高速公路沿线气象预报", "高速公路|count", QX),
    ("24小时", "灾害性天气预警提前时间", T, "至少提前24小时发布预警", "预警提前时间|time", QX),
    ("15个", "联合建设路面气象观测站", T, "建设路面气象观测站15个", "建设路面气象观测站|count"),
    ("80%", "重点路段覆盖率", T, "重点路段覆盖率达到80%以上", "路面气象观测覆盖率|ratio"),
    ("1260家", "推送预警信息的道路运输企业", L, "推送至全市1260家道路运输企业", "道路运输企业|count"),
    ("4.2万辆", "推送预警信息的营运车辆", L, "4.2万辆营运车辆", "营运车辆|vehicles"),
    ("1名", "联络员", L, "各确定1名联络员", "确定联络员|people"),
    ("46次", "因恶劣天气实施交通管制", L, "共实施交通管制46次", "实施交通管制|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CW, A, QX),
    (CW, A, JJ),
    (CW, A, GW),
    (C, A, ZH),
    (C, QX, ZH),
    (C, A, PA),
    (C, QX, PA),
    (I, A, XY, True),
    (I, QX, XY, True),
    (M, "15个", "建设路面气象观测站15个", ZH, True),
    (M, "80%", "重点路段覆盖率达到80%以上", ZH, True),
]
