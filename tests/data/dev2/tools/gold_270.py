DOC = "270_renshou_joint_enforcement_news.txt"
AUTHOR = "仁寿县交通运输局"            # the source line
JURISDICTION = "仁寿县"
A = AUTHOR
DD = "仁寿县交通运输综合行政执法大队"
JJ = "县公安局交通警察大队"
SJ = "县市场监督管理局"
YJ = "县应急管理局"
HL = "护路保畅专项整治"
LX = "货运源头治超联合执法行动"
ENT = [
    ("AGENCY", A, [A, "县交通运输局"]),
    ("AGENCY", DD, [DD, "大队"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", SJ, [SJ]),
    ("AGENCY", YJ, [YJ]),
    ("AGENCY", "眉山市交通运输综合行政执法支队", ["眉山市交通运输综合行政执法支队"]),
    ("CAMPAIGN", HL, ["“护路保畅”专项整治"]),
    ("CAMPAIGN", LX, [LX, "货运源头治超执法行动"], True),
    # 《致广大货车驾驶员的一封信》 is a leaflet, not a regulation
    ("REGULATION", "公路安全保护条例", ["公路安全保护条例"]),
    ("REGULATION", "超限运输车辆行驶公路管理规定", ["超限运输车辆行驶公路管理规定"]),
]
LOCAL = {JJ, SJ, YJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("4个", "检查组", L, "执法人员分成4个检查组", "组建检查组|count"),
    ("X家", "检查砂石料场、商砼站等货运源头单位", L, "，对辖区X家砂石料场", "检查货运源头单位|count"),
    ("86人次", "出动执法人员", L, "共出动执法人员86人次", "出动执法人员|people"),
    ("XX台次", "出动执法车辆", L, "次、执法车辆XX台次", "出动执法车辆|vehicles"),
    ("312辆", "检查车辆", L, "次，检查车辆312辆", "检查车辆|vehicles"),
    ("17辆", "查处超限超载车辆", L, "查处超限超载车辆17辆", "查处超限超载车辆|vehicles"),
    ("XXX吨", "卸载货物", L, "辆，卸载货物XXX吨", "卸载货物|weight"),
    ("2家", "约谈违规放行超限车辆的源头企业负责人", L, "对2家违规放行超限车辆", "约谈企业|count"),
    ("X台", "未按期检定的地磅", L, "发现X台地磅未按期检定", "未按期检定地磅|count", SJ),
    ("XXX份", "发放宣传资料", L, "》等宣传资料XXX份", "发放宣传资料|count"),
    ("XX次", "开展联合执法", L, "队开展联合执法XX次", "开展联合执法行动|count", DD),
    ("146辆", "累计查处超限超载车辆", L, "累计查处超限超载车辆146辆", "查处超限超载车辆|vehicles", DD),
    ("XX万元", "罚款", L, "46辆，罚款XX万元", "罚款|money", DD),
    ("2%", "普通公路超限率", T, "超限率控制在2%以内", "超限率|ratio"),
]
C, I, CO, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, HL),                                  # 县交通运输局深化“护路保畅”专项整治
    (C, DD, HL, True),
    (C, DD, LX, True),
    (C, JJ, LX, True),
    (C, SJ, LX, True),
    (C, YJ, LX, True),
    (CO, DD, JJ),
    (CO, DD, SJ),
    (CO, DD, YJ),
    (M, "86人次", "共出动执法人员86人次", HL),
    (M, "312辆", "次，检查车辆312辆", HL),
    (M, "17辆", "查处超限超载车辆17辆", HL),
    (M, "XXX吨", "辆，卸载货物XXX吨", HL),
    (M, "XX台次", "次、执法车辆XX台次", HL, True),
    (M, "X家", "，对辖区X家砂石料场", HL, True),
    (M, "2家", "对2家违规放行超限车辆", HL, True),
    (M, "X台", "发现X台地磅未按期检定", HL, True),
    (M, "XXX份", "》等宣传资料XXX份", HL, True),
    (M, "4个", "执法人员分成4个检查组", HL, True),
    (M, "XX次", "队开展联合执法XX次", HL, True),
    (M, "146辆", "累计查处超限超载车辆146辆", HL, True),
    (M, "XX万元", "46辆，罚款XX万元", HL, True),
    (M, "2%", "超限率控制在2%以内", HL, True),
    (M, "4个", "执法人员分成4个检查组", LX, True),
    (M, "X家", "，对辖区X家砂石料场", LX, True),
    (M, "86人次", "共出动执法人员86人次", LX, True),
    (M, "XX台次", "次、执法车辆XX台次", LX, True),
    (M, "312辆", "次，检查车辆312辆", LX, True),
    (M, "17辆", "查处超限超载车辆17辆", LX, True),
    (M, "XXX吨", "辆，卸载货物XXX吨", LX, True),
    (M, "2家", "对2家违规放行超限车辆", LX, True),
    (M, "X台", "发现X台地磅未按期检定", LX, True),
    (M, "XXX份", "》等宣传资料XXX份", LX, True),
]
