DOC = "381_changchun_nongan_research_news.txt"
AUTHOR = "长春市交通运输局"
JURISDICTION = "长春市"
A = AUTHOR
NA = "农安县交通运输局"
GL = "农安县公路事业发展中心"
JJ = "县公安局交警大队"
SF = "全国四好农村路示范县创建"
ENT = [
    ("AGENCY", A, [A, "市局"]),
    ("AGENCY", "市局综合规划处", ["市局综合规划处"]),
    ("AGENCY", "安全监督处", ["安全监督处"], True),
    ("AGENCY", NA, [NA, "县交通运输局"]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", "执法大队", ["执法大队"]),
    ("ORGANIZATION", "XX物流有限公司", ["XX物流有限公司"]),
    ("CAMPAIGN", "四好农村路", ["“四好农村路”"]),
    ("CAMPAIGN", SF, ["全国“四好农村路”示范县创建"]),
]
LOCAL = {"市局综合规划处", "安全监督处", "执法大队"}
LINK = {JJ: "农安县公安局交警大队"}
L, CH, T = "level", "change", "target"
MET = [
    ("186公里", "新改建农村公路", L, "完成新改建农村公路186公里", "新改建农村公路|length", GL),
    ("3420公里", "养护里程", L, "养护里程达到3420公里", "养护里程|length", GL),
    ("11座", "改造危桥", L, "0公里，改造危桥11座", "改造危桥|count", GL),
    ("82.6", "路面技术状况指数", L, "路面技术状况指数达到82.6", "路面技术状况指数|points", GL),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, NA, SF, True),
    (C, NA, "四好农村路", True),
    (CO, NA, JJ),
    (M, "186公里", "完成新改建农村公路186公里", "四好农村路", True),
]
ENT += [("CAMPAIGN", "冬季利剑专项执法行动", ["“冬季利剑”专项执法行动"])]
REL += [(C, "执法大队", "冬季利剑专项执法行动")]
