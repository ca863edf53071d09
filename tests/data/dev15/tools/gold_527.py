DOC = "527_baotou_associations_joint_event_news.txt"
AUTHOR = None
JURISDICTION = "包头市"
WL = "包头市物流行业协会"
DX = "包头市道路运输协会"
JT = "包头市交通运输局"
ZD = "市交通运输综合行政执法支队"
AN = "货运行业安全暖心服务季"
PH = "平安货运示范企业创建"
NY = "货车司机暖心驿站共建"
ENT = [
    ("ORGANIZATION", WL, [WL]),
    ("ORGANIZATION", DX, [DX, "道路运输协会"]),
    ("AGENCY", JT, [JT, "市交通运输局"]),
    ("AGENCY", ZD, [ZD, "执法支队"]),
    ("ORGANIZATION", "内蒙古包钢钢联物流有限公司", ["内蒙古包钢钢联物流有限公司"]),
    ("ORGANIZATION", "包头市鹿城运输集团有限公司", ["包头市鹿城运输集团有限公司"]),
    ("ORGANIZATION", "满帮集团", ["满帮集团"]),
    ("ORGANIZATION", "满帮集团包头分公司", ["满帮集团包头分公司"]),
    ("CAMPAIGN", AN, ["货运行业“安全暖心”服务季", "“安全暖心”服务季"]),
    ("CAMPAIGN", PH, ["“平安货运”示范企业创建"]),
    ("CAMPAIGN", NY, ["货车司机“暖心驿站”共建"]),
    ("REGULATION", "货运行业安全诚信经营倡议书", ["货运行业安全诚信经营倡议书"], True),
    ("REGULATION", "包头市道路货运企业安全服务公约", ["包头市道路货运企业安全服务公约"], True),
]
LOCAL = {ZD}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("46家", "会员企业", L, "等46家会员企业代表", "参加会员企业|count", ""),
    ("200余人", "货车司机参加活动", L, "货车司机200余人参加活动", "参加活动人员|people", ""),
    ("3000人次", "培训从业人员", T, "计划培训从业人员3000人次", "培训从业人员|people", ""),
    ("1500辆", "免费检测车辆", T, "免费检测车辆1500辆", "免费检测车辆|vehicles", ""),
    ("5个", "新建司机之家", L, "已新建“司机之家”5个", "新建司机之家|count", ""),
    ("2.3万人次", "服务货车司机", L, "累计服务货车司机2.3万人次", "服务货车司机|people", ""),
    ("1200份", "发放宣传资料", L, "发放宣传资料1200份", "发放宣传资料|count", ZD),
    ("80余人次", "解答司机咨询", L, "解答司机咨询80余人次", "解答群众咨询|people", ZD),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, WL, AN),
    (C, DX, AN),
    (C, JT, AN, True),
    (C, "内蒙古包钢钢联物流有限公司", AN, True),
    (C, "包头市鹿城运输集团有限公司", AN, True),
    (C, "满帮集团", AN, True),
    (M, "3000人次", "计划培训从业人员3000人次", AN),
    (M, "1500辆", "免费检测车辆1500辆", AN),
    (M, "46家", "等46家会员企业代表", AN, True),
    (M, "1200份", "发放宣传资料1200份", AN, True),
    (CO, JT, WL),
    (CO, JT, DX),
    (C, JT, PH),
    (C, WL, PH, True),
    (C, DX, PH, True),
    (C, "满帮集团包头分公司", NY),
    (C, WL, NY),
    (C, DX, NY),
]
