DOC = "922_zunyi_bureau_national_day_holiday_safety_notice.txt"
AUTHOR = "遵义市交通运输局"
JURISDICTION = "遵义市"
A = AUTHOR
ST = "省交通运输厅"
ZD = "市交通运输综合行政执法支队"
JJ = "市公安局交通警察支队"
GL = "市公路管理处"
YJ = "局应急办"
QX = "气象部门"
HH = "国庆护航专项行动"
TZ = "关于做好2026年国庆节期间交通运输安全生产工作的通知"
SB = "三不进站、六不出站制度"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", ST, [ST]),
    ("AGENCY", "党中央", ["党中央"]),
    ("AGENCY", "国务院", ["国务院"]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", YJ, [YJ], True),
    ("AGENCY", QX, [QX], True),
    ("CAMPAIGN", HH, ["“国庆护航”专项行动"]),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", SB, ["“三不进站、六不出站”制度"]),
]
LOCAL = {ST, ZD, JJ, GL, YJ, QX}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("8天", "国庆节假期天数", L, "2026年国庆节假期共8天", "假期天数|time"),
    ("126万人次", "全市公路客运量", T, "预计全市公路客运量将达到126万人次", "发送旅客|people"),
    ("100%", "检查企业数量占辖区企业总数比例", T, "不少于辖区企业总数的100%", "检查覆盖率|ratio"),
    ("200人次", "每日出动执法人员", T, "每日出动执法人员不少于200人次", "出动执法人员|people", ZD),
    ("12处", "临水临崖、急弯陡坡路段", L, "对全市12处临水临崖、急弯陡坡路段", "排查危险路段|count", GL),
    ("100%", "危险品查堵率", T, "确保危险品查堵率达到100%", "危险品查堵率|ratio"),
    ("98%", "动态监控系统上线率", T, "动态监控系统上线率保持在98%以上", "动态监控上线率|ratio"),
    ("24小时", "值班", L, "严格执行24小时值班和领导带班制度", "值守时长|time"),
    ("30分钟", "电话报告时限", L, "要在30分钟内电话报告", "报告时限|time"),
    ("1小时", "书面报告时限", L, "话报告、1小时内书面报告", "报告时限|time"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, ZD, HH),
    (C, JJ, HH),
    (CW, ZD, JJ),
    (I, ST, TZ, True),
    (CW, A, QX, True),
    (M, "200人次", "每日出动执法人员不少于200人次", HH),
]
