DOC = "680_wangcang_bureau_safety_meeting_news.txt"
AUTHOR = None
JURISDICTION = "旺苍县"
A = "旺苍县交通运输局"
DD = "县交通运输综合行政执法大队"
YG = "县道路运输管理所"
GL = "县公路事业发展中心"
JJ = "县公安局交警大队"
BR = "冬季百日安全攻坚行动"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", "省厅", ["省厅"]),
    ("AGENCY", "市局", ["市局"]),
    ("AGENCY", DD, [DD, "执法大队"]),
    ("AGENCY", YG, [YG]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", JJ, [JJ]),
    ("CAMPAIGN", BR, ["“冬季百日安全攻坚”行动"]),
    ("REGULATION", "四川省道路运输条例", ["四川省道路运输条例"]),
    ("REGULATION", "24小时值班制度", ["24小时值班制度"], True),
]
LOCAL = {"市局", DD, YG, GL, JJ}
LINK = {"省厅": "四川省交通运输厅"}
L, CH, T = "level", "change", "target"
MET = [
    ("12家", "参会客运、危货运输企业", L, "全县12家客运、危货运输企业", "参会运输企业|count", ""),
    ("40余人", "参加会议人员", L, "共计40余人参加会议", "参会人员|people", ""),
    ("86次", "开展安全检查", L, "全县共开展安全检查86次", "开展安全检查|count", A),
    ("214处", "排查整改安全隐患", L, "排查整改安全隐患214处", "排查整改安全隐患|count", A),
    ("100%", "春运前各类隐患整改率", T, "各类隐患整改率达到100%", "隐患整改率|ratio", A),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, BR),
    (CW, DD, JJ),
    (M, "100%", "各类隐患整改率达到100%", BR, True),
]
