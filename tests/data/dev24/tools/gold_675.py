DOC = "675_dazhu_road_administration_brigade_overload_point_news.txt"
AUTHOR = None
JURISDICTION = "大竹县"
A = "大竹县路政大队"
JJ = "县公安局交警大队"
FZX = "达州市公路事业发展中心大竹分中心"
BR = "百日治超专项行动"
ENT = [
    ("AGENCY", A, [A, "路政大队", "大队"]),
    ("AGENCY", JJ, [JJ]),
    ("AGENCY", FZX, [FZX]),
    ("CAMPAIGN", BR, ["“百日治超”专项行动"]),
    ("REGULATION", "公路安全保护条例", ["公路安全保护条例"]),
    ("REGULATION", "超限运输车辆行驶公路管理规定", ["超限运输车辆行驶公路管理规定"]),
]
LOCAL = {JJ}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("18名", "调集执法人员", L, "调集执法人员18名", "出动执法人员|people", A),
    ("5台", "调集执法车辆", L, "执法车辆5台", "出动执法车辆|vehicles", A),
    ("7辆", "查处超限运输车辆", L, "查处超限运输车辆7辆", "查处超限超载车辆|vehicles", A),
    ("86%", "最高超限率", L, "最高超限率达86%", "超限率|ratio", A),
    ("132吨", "卸载转运石料", L, "现场卸载转运石料132吨", "卸载货物|weight", A),
    ("1个", "增设流动检测点", L, "在附近增设流动检测点1个", "设置检查点|count", A),
    ("24小时", "轮班值守", L, "实行24小时轮班值守", "值守时长|time", A),
    ("2.3万辆次", "检测货车", L, "累计检测货车2.3万辆次", "检测货车|vehicles", A),
    ("214辆", "查处超限超载车辆", L, "查处超限超载车辆214辆", "查处超限超载车辆|vehicles", A),
    ("0.8%", "国省干线货车超限率", L, "货车超限率下降到0.8%", "货车超限超载率|ratio", A),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (C, A, BR),
    (CW, A, JJ),
    (CW, A, FZX),
    (M, "2.3万辆次", "累计检测货车2.3万辆次", BR),
    (M, "214辆", "查处超限超载车辆214辆", BR),
    (M, "0.8%", "货车超限率下降到0.8%", BR),
]
