DOC = "920_provincial_director_supervises_expressway_project_news.txt"
AUTHOR = "省交通运输厅"
JURISDICTION = None
A = AUTHOR
JS = "厅建设管理处"
JT = "省交通建设集团有限公司"
ZH = "项目指挥部"
ZT = "中铁二十局集团有限公司"
ZJ = "中交第二公路工程局有限公司"
QL = "贵州桥梁建设集团有限责任公司"
LT = "贵州陆通工程管理咨询有限公司"
PA = "平安工地建设活动"
QX = "根治欠薪专项行动"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", JS, [JS]),
    ("AGENCY", "省交通运输厅党组", ["省交通运输厅党组"], True),
    ("AGENCY", "省委", ["省委"]),
    ("AGENCY", "省政府", ["省政府"]),
    ("ORGANIZATION", JT, [JT]),
    ("ORGANIZATION", ZH, [ZH, "指挥部"], True),
    ("ORGANIZATION", ZT, [ZT]),
    ("ORGANIZATION", ZJ, [ZJ]),
    ("ORGANIZATION", QL, [QL]),
    ("ORGANIZATION", LT, [LT]),
    ("CAMPAIGN", PA, ["“平安工地”建设活动"]),
    ("CAMPAIGN", QX, [QX]),
    ("REGULATION", "公路水运工程安全生产监督管理办法", ["公路水运工程安全生产监督管理办法"]),
]
LOCAL = {A, JS, "省交通运输厅党组", "省委", "省政府", JT, ZH}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("58.6公里", "沿印高速全长", L, "沿印高速全长58.6公里", "高速公路里程|length", ZH),
    ("96.4亿元", "总投资", L, "公里，总投资96.4亿元", "项目总投资|money", ZH),
    ("61.2亿元", "累计完成投资", L, "已累计完成投资61.2亿元", "完成投资|money", ZH),
    ("63.5%", "完成投资占总投资比例", L, "占总投资的63.5%", "投资完成率|ratio", ZH),
    ("91%", "桥梁桩基完成", L, "5%；桥梁桩基完成91%", "桥梁桩基完成率|ratio", ZH),
    ("12.8公里", "隧道掘进完成", L, "隧道掘进完成12.8公里", "隧道掘进|length", ZH),
    ("3家", "施工单位", L, "3家施工单位现场投入", "施工单位数|count", ZH),
    ("2300余人", "现场投入管理和作业人员", L, "管理和作业人员2300余人", "投入作业人员|people", ZH),
    ("410台", "大型机械设备", L, "大型机械设备410台（套）", "投入机械设备|vehicles", ZH),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, ZH, PA, True),
    (C, ZH, QX, True),
]
