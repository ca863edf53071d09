DOC = "566_harbin_bureau_strategic_cooperation_news.txt"
AUTHOR = None
JURISDICTION = "哈尔滨市"
JT = "哈尔滨市交通运输局"
BK = "中国建设银行股份有限公司哈尔滨分行"
TZ = "哈尔滨交通投资集团有限公司"
TG = "农村公路提质改造工程"
JR = "金融助企运输保畅专项服务活动"
ENT = [
    ("AGENCY", JT, [JT, "市交通运输局"]),
    ("AGENCY", "市政府", ["市政府"]),
    ("AGENCY", "市财政局", ["市财政局"]),
    ("AGENCY", "市发展改革委", ["市发展改革委"]),
    ("ORGANIZATION", BK, [BK, "建设银行哈尔滨分行"]),
    ("ORGANIZATION", TZ, [TZ, "哈尔滨交通投资集团"]),
    ("CAMPAIGN", "四好农村路", ["“四好农村路”"]),
    ("CAMPAIGN", TG, [TG]),
    ("CAMPAIGN", JR, ["“金融助企·运输保畅”专项服务活动"]),
    ("CAMPAIGN", "交通强国建设试点", ["交通强国建设试点"]),
]
LOCAL = {"市政府", "市财政局", "市发展改革委"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("5年", "融资支持期限", T, "将在未来5年内为全市", "融资支持期限|time", BK),
    ("200亿元", "意向性融资支持", T, "提供不超过200亿元的意向性融资支持", "意向性融资支持|money", BK),
    ("360公里", "农村公路提质改造", T, "计划完成改造360公里", "农村公路提质改造|length", TZ),
    ("15亿元", "首批授信额度", L, "首批授信额度达到15亿元", "授信额度|money"),
    ("320家", "惠及企业", T, "预计惠及企业320家", "惠及企业|count"),
    ("2万张", "ETC货车信用卡发卡", T, "发卡目标不低于2万张", "ETC货车信用卡发卡|count", BK),
    ("86.4亿元", "完成交通固定资产投资", L, "完成交通固定资产投资86.4亿元", "完成交通固定资产投资|money", JT),
    ("11.3%", "交通固定资产投资同比增长", CH, "同比增长11.3%", "完成交通固定资产投资|ratio", JT),
]
C = "CONDUCTS"
REL = [
    (C, JT, "四好农村路", True),
    (C, TZ, TG),
    (C, JT, JR), (C, BK, JR), (C, TZ, JR),
    (C, JT, "交通强国建设试点"),
    ("COOPERATES_WITH", JT, BK),
    ("COOPERATES_WITH", JT, TZ),
    ("COOPERATES_WITH", JT, "市财政局"),
    ("COOPERATES_WITH", JT, "市发展改革委"),
    ("MEASURES", "360公里", "计划完成改造360公里", TG),
    ("MEASURES", "15亿元", "首批授信额度达到15亿元", JR),
    ("MEASURES", "320家", "预计惠及企业320家", JR),
]
