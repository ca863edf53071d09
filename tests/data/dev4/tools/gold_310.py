DOC = "310_changde_university_signing_news.txt"
AUTHOR = "常德市交通运输局"              # the source line; 我局/我市 in the text
JURISDICTION = "常德市"
A = AUTHOR
XY = "湖南交通职业技术学院"
GY = "常德市公路建设养护中心"
GJ = "湖南常德公交集团有限公司"
SX = "交通运输人才实训基地"
SF = "四好农村路示范创建"
TG = "农村公路提质改造工程"
SZ = "数字交通建设"
QJ = "交通人才强基工程"
ENT = [
    ("AGENCY", A, [A, "市交通运输局"]),
    ("AGENCY", "市交通运输局党组", ["市交通运输局党组"], True),
    ("AGENCY", GY, [GY]),
    ("ORGANIZATION", XY, [XY]),
    ("ORGANIZATION", GJ, [GJ]),
    ("REGULATION", "联席会议制度", ["联席会议制度"], True),
    ("CAMPAIGN", SX, ["“交通运输人才实训基地”"], True),
    ("CAMPAIGN", SF, ["“四好农村路”示范创建"]),
    ("CAMPAIGN", TG, [TG], True),
    ("CAMPAIGN", SZ, ["“数字交通”建设"], True),
    ("CAMPAIGN", QJ, ["“交通人才强基工程”"]),
]
LOCAL = {"市交通运输局党组"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("1000人次", "每年培训从业人员", T, "培训从业人员不少于1000人次", "培训从业人员|people"),
    ("200个", "提供实习岗位", T, "提供实习岗位200个以上", "提供实习岗位|count"),
    ("X个", "共建校外实践教学基地", T, "共建X个校外实践教学基地", "共建实践教学基地|count"),
    ("X名", "选派专业教师挂职", T, "选派X名专业教师", "选派挂职教师|people", XY),
    ("3项", "联合申报省级以上科研课题", T, "科研课题不少于3项", "申报科研课题|count"),
    ("500名", "共同培养专业技术人才", T, "专业技术人才500名以上", "培养专业技术人才|people"),
    ("1260余名", "输送交通类毕业生", L, "输送交通类毕业生1260余名", "输送毕业生|people", XY),
    ("XX所", "建立合作关系的高校", L, "已与XX所高校建立合作关系", "合作高校|count"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (CO, A, XY),
    (C, A, SX, True),
    (C, XY, SX, True),
    (C, XY, SF),
    (C, A, SF, True),
    (C, XY, TG, True),
    (C, A, TG, True),
    (CO, A, GY),
    (CO, A, GJ),
    (C, A, QJ),
    (C, A, SZ, True),
    (M, "1000人次", "培训从业人员不少于1000人次", SX, True),
    (M, "XX所", "已与XX所高校建立合作关系", QJ, True),
]
