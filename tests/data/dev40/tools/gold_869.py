DOC = "869_fangchenggang_enforcement_squadron_night_muck_truck_check_news.txt"
AUTHOR = "防城港市交通运输综合行政执法支队港口中队"
JURISDICTION = "防城港市"
A = AUTHOR
CG = "港口区城市管理综合执法局"
JJ = "市公安局交警支队一大队"
YC = "渣土车夜间专项检查"
LT = "蓝天保卫战"
ENT = [
    ("AGENCY", A, [A, "港口执法中队", "中队"]),
    ("AGENCY", "防城港市交通运输综合行政执法支队", ["防城港市交通运输综合行政执法支队"], True),
    ("AGENCY", CG, [CG]),
    ("AGENCY", JJ, [JJ]),
    ("CAMPAIGN", YC, [YC, "渣土车夜查行动"]),
    ("CAMPAIGN", LT, ["“蓝天保卫战”"]),
]
LOCAL = {JJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("26人次", "出动执法人员", L, "共出动执法人员26人次", "出动执法人员|people"),
    ("7台次", "出动执法车辆", L, "此次行动共出动执法人员26人次、执法车辆7台次", "出动执法车辆|vehicles"),
    ("41辆", "检查渣土运输车辆", L, "检查渣土运输车辆41辆", "检查车辆|vehicles"),
    ("3辆", "查处未按规定办理道路运输证车辆", L, "办理道路运输证车辆3辆", "查处无证运输车辆|vehicles"),
    ("5辆", "查处车厢未密闭撒漏车辆", L, "车厢未密闭撒漏车辆5辆", "查处渣土车撒漏|vehicles"),
    ("2处", "责令清理路面撒漏点", L, "责令清理路面撒漏点2处", "清理路面撒漏点|count"),
    ("17次", "累计开展夜查行动", L, "已累计开展夜查行动17次", "开展夜查|count"),
    ("64起", "查处渣土车违规行为", L, "查处渣土车违规行为64起", "查处渣土车违规行为|cases"),
    ("2次", "每周开展夜查", T, "下一步将把夜查作为常态，每周开展不少于2次", "开展夜查|count"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, YC),
    (CW, A, CG),
    (CW, A, JJ),
    (C, A, LT, True),
    (M, "17次", "已累计开展夜查行动17次", YC, True),
    (M, "64起", "查处渣土车违规行为64起", YC, True),
] + [(M, t, c, YC) for t, _, k, c, *_ in MET[:6]]
