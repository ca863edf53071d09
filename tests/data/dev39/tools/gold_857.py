DOC = "857_ziyang_bureau_15th_fiveyear_plan_compilation_work_plan.txt"
AUTHOR = "资阳市交通运输局"
JURISDICTION = "资阳市"
A = AUTHOR
LD = "资阳市“十五五”综合交通运输发展规划编制工作领导小组"
GH = "规划建设科"
ZY = "综合运输科"
GL = "公路管理科"
AJ = "安全监督科"
CW_ = "财务审计科"
GZ = "资阳市公路事业发展中心"
YS = "资阳市道路运输事业发展中心"
ZD = "市交通运输综合行政执法支队"
FG = "市发展和改革委员会"
ZR = "市自然资源和规划局"
ZF = "市人民政府"
SB = "四川省人民政府办公厅"
KC = "四川省交通勘察设计研究院有限公司"
GHW = "资阳市“十五五”综合交通运输发展规划"
TZ = "四川省人民政府办公厅关于做好“十五五”规划编制工作的通知"
ZX = "资阳市“十五五”专项规划编制工作方案"
CY = "成渝地区双城经济圈综合交通运输发展规划"
LT = "四川省综合立体交通网规划"
ENT = [
    ("AGENCY", A, [A]),
    ("AGENCY", LD, [LD], True),
    ("AGENCY", GH, [GH]),
    ("AGENCY", ZY, [ZY]),
    ("AGENCY", GL, [GL]),
    ("AGENCY", AJ, [AJ]),
    ("AGENCY", CW_, [CW_]),
    ("AGENCY", GZ, [GZ]),
    ("AGENCY", YS, [YS]),
    ("AGENCY", ZD, [ZD]),
    ("AGENCY", FG, [FG]),
    ("AGENCY", ZR, [ZR]),
    ("AGENCY", ZF, [ZF]),
    ("AGENCY", SB, [SB]),
    ("ORGANIZATION", KC, [KC]),
    ("REGULATION", GHW, [GHW]),
    ("REGULATION", TZ, [TZ]),
    ("REGULATION", ZX, [ZX]),
    ("REGULATION", CY, [CY]),
    ("REGULATION", LT, [LT]),
    ("REGULATION", "十四五规划", ["“十四五”规划"], True),
]
LOCAL = {GH, ZY, GL, AJ, CW_, ZD, FG, ZR, ZF}
LINK = {}
L, CH, T = "level", "change", "target"
MET = [
    ("180万元", "规划编制服务费预算", T, "服务费预算控制在180万元以内", "规划编制经费|money"),
    ("6个", "完成专题研究报告", T, "等6个专题研究报告", "专题研究报告|count"),
    ("5000份", "发放出行需求调查问卷", T, "计划发放问卷不少于5000份", "发放调查问卷|count"),
    ("120个", "初步储备项目", T, "初步储备项目不少于120个", "储备项目|count"),
    ("1500亿元", "储备项目总投资", T, "总投资不低于1500亿元", "项目总投资|money"),
    ("2次", "召开专家评审会", T, "召开专家评审会不少于2次", "召开专家评审会|count"),
    ("3个", "同步编制行业专项规划", T, "交通物流等3个行业专项规划", "编制专项规划|count"),
    ("1名", "明确分管领导", T, "要明确1名分管领导", "明确联络人员|people"),
    ("1名", "明确联络员", T, "和1名联络员", "明确联络人员|people"),
    ("30日", "征求意见期限", T, "征求意见期限不少于30日", "征求意见期限|time"),
]
C, I, CW, M = "CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"
REL = [
    (I, A, GHW),
    (I, ZF, GHW, True),
    (I, SB, TZ),
    (CW, A, FG, True),
    (CW, A, ZR, True),
    (CW, A, KC, True),
]
