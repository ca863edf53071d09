DOC = "705_jingde_transport_management_office_service_brand_news.txt"
AUTHOR = None
JURISDICTION = "旌德县"
YG = "旌德县道路运输管理所"
PP = "旌运暖心服务品牌"
BS = "我为群众办实事实践活动"
ENT = [
    ("AGENCY", YG, [YG, "旌德县运管所", "运管所"]),
    ("AGENCY", "县政务服务中心", ["县政务服务中心"]),
    ("AGENCY", "县交通运输局", ["县交通运输局"]),
    ("AGENCY", "县总工会", ["县总工会"], True),
    ("CAMPAIGN", PP, ["“旌运暖心”服务品牌"]),
    ("CAMPAIGN", BS, ["“我为群众办实事”实践活动"]),
]
LOCAL = {"县政务服务中心", "县交通运输局", "县总工会"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("8项", "推出便民举措", L, "上门办等8项便民举措", "推出便民举措|count", ""),
    ("11个", "设立驿站的乡镇", L, "在全县11个乡镇设立", "设立服务驿站乡镇|count", YG),
    ("5236件", "办理各类道路运输业务", L, "共办理各类道路运输业务5236件", "办理道路运输业务|count", YG),
    ("99.6%", "群众满意率", L, "群众满意率达到99.6%", "群众满意率|ratio", YG),
    ("40%", "办理时限平均压缩", CH, "办理时限平均压缩40%", "业务办理时限|ratio", YG),
    ("20名", "颁发证书的优秀货车司机", L, "为20名优秀货车司机颁发", "表彰优秀驾驶员|people", YG),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, YG, PP),
    (C, YG, BS, True),
    (CW, YG, "县总工会", True),
    (M, "8项", "上门办等8项便民举措", PP),
    (M, "11个", "在全县11个乡镇设立", PP),
    (M, "5236件", "共办理各类道路运输业务5236件", PP, True),
    (M, "99.6%", "群众满意率达到99.6%", PP, True),
    (M, "40%", "办理时限平均压缩40%", PP, True),
]
