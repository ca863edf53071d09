DOC = "805_tieling_bureau_party_group_inspection_rectification_meeting_news.txt"
AUTHOR = "铁岭市交通运输局党组"
JURISDICTION = "铁岭市"
A = AUTHOR
XC = "市委第三巡察组"
JW = "市纪委监委驻市交通运输局纪检监察组"
ZZB = "市委组织部干部二科"
ZG = "巡察整改"
BF = "局机关公务接待管理办法"
ENT = [
    ("AGENCY", A, [A, "市交通运输局党组", "局党组"]),
    ("AGENCY", XC, [XC, "市委巡察组"]),
    ("AGENCY", JW, [JW]),
    ("AGENCY", ZZB, [ZZB]),
    ("CAMPAIGN", ZG, [ZG], True),
    ("CAMPAIGN", "以案促改警示教育", ["“以案促改”警示教育"]),
    ("CAMPAIGN", "回头看", ["“回头看”"], True),
    ("REGULATION", BF, [BF]),
]
LOCAL = {XC, JW, ZZB}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("37条", "班子成员查摆问题", L, "局党组班子成员共查摆问题37条", "查摆问题|count"),
    ("52项", "制定整改措施", L, "37条，制定整改措施52项", "制定整改措施|count"),
    ("43条", "征求意见建议", L, "干部职工意见建议43条", "征求意见建议|count"),
    ("26人次", "开展谈心谈话", L, "开展谈心谈话26人次", "谈心谈话|people"),
    ("4个", "巡察反馈问题方面", L, "反馈的4个方面21个问题", "巡察反馈问题方面|count"),
    ("21个", "巡察反馈问题", L, "反馈的4个方面21个问题", "巡察反馈问题|count"),
    ("18个", "已完成整改问题", L, "21个问题，已完成整改18个", "完成整改问题|count"),
    ("85.7%", "整改完成率", L, "整改完成率85.7%", "整改完成率|ratio"),
    ("11项", "建立健全制度", L, "公务接待管理办法》等制度11项", "建立制度|count"),
    ("3名", "诫勉谈话相关责任人", L, "对3名相关责任人进行了诫勉谈话", "诫勉谈话|people"),
    ("3个", "尚未完成整改的问题", L, "对尚未完成的3个问题", "未完成整改问题|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, ZG, True),
    (I, A, BF),
    (C, A, "以案促改警示教育"),
    (C, A, "回头看", True),
    (M, "18个", "21个问题，已完成整改18个", ZG, True),
    (M, "85.7%", "整改完成率85.7%", ZG, True),
]
