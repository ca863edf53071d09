DOC = "546_manas_county_safety_interview_notice.txt"
AUTHOR = "玛纳斯县交通运输局"
JURISDICTION = "玛纳斯县"
A = AUTHOR
ZB = "道路运输安全生产治本攻坚三年行动"
DJC = "道路运输企业安全生产大检查"
HK = "回头看"
DD = "县交通运输综合行政执法大队"
JJ = "县公安局交通警察大队"
KY = "玛纳斯县XX客运有限公司"
WL = "新疆XX物流有限公司"
WH = "玛纳斯县顺通危险货物运输有限公司"
ENT = [
    ("AGENCY", A, [A, "县交通运输局"]),
    ("AGENCY", "县应急管理局", ["县应急管理局"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", DD, [DD]),
    ("AGENCY", "县安委会办公室", ["县安委会办公室"]),
    ("ORGANIZATION", KY, [KY, "XX客运有限公司"]),
    ("ORGANIZATION", WL, [WL]),
    ("ORGANIZATION", WH, [WH]),
    ("CAMPAIGN", ZB, [ZB]),
    ("CAMPAIGN", DJC, [DJC], True),
    ("CAMPAIGN", HK, ["“回头看”"], True),
    ("REGULATION", "安全生产法", ["安全生产法"]),
    ("REGULATION", "道路运输车辆动态监督管理办法", ["道路运输车辆动态监督管理办法"]),
]
LOCAL = {"县应急管理局", JJ, DD, "县安委会办公室"}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("6人", "约谈企业负责人", L, "约谈，约谈企业负责人6人", "约谈企业负责人|people"),
    ("58家次", "检查企业", L, "大检查，检查企业58家次", "检查企业|count"),
    ("94处", "排查安全隐患", L, "家次，排查安全隐患94处", "排查安全隐患|count"),
    ("88.3%", "隐患整改率", L, "隐患整改率仅88.3%", "隐患整改率|ratio"),
    ("61%", "动态监控报警处置率", L, "动态监控报警处置率仅为61%", "动态监控报警处置率|ratio"),
    ("137起", "驾驶员超速、疲劳驾驶违法行为", L, "疲劳驾驶违法行为累计137起", "驾驶员超速疲劳驾驶违法行为|cases"),
    ("4学时", "驾驶员警示教育学时", T, "每名驾驶员学时不少于4学时", "驾驶员警示教育学时|time"),
    ("100%", "报警处置率", T, "报警处置率必须达到100%", "动态监控报警处置率|ratio"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, ZB),
    (CO, A, "县应急管理局"),
    (CO, A, JJ),
    (M, "6人", "约谈，约谈企业负责人6人", ZB, True),
    (C, A, DJC, True),
    (M, "58家次", "大检查，检查企业58家次", DJC, True),
    (M, "94处", "家次，排查安全隐患94处", DJC, True),
    (M, "88.3%", "隐患整改率仅88.3%", DJC, True),
    (C, DD, HK, True),
]
