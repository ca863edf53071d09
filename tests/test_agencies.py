"""Agency and organisation names the head rules read without a place or with a body inside a body.

Made-up sentences of the genre: a field stem and a head with no place (路政执法所),
a generic word inside a name after its field (道路运输管理所), sub-offices with a free
modifier (支队督察科), party bodies sent to another body (驻局纪检组), 和 inside a name
and 和 before a level, a field's short name used alone as a subject, and organisations
whose brand carries a place, a body's name or a one-character adverb.
"""

from __future__ import annotations

from kg.extract.entities import find_candidates
from kg.lexicon import default_lexicon


def agencies(text: str) -> set[str]:
    return {c.name for c in find_candidates(text, default_lexicon(), text) if c.label == "AGENCY"}


def organisations(text: str) -> set[str]:
    return {c.name for c in find_candidates(text, default_lexicon(), text) if c.label == "ORGANIZATION"}


# ------------------------------------------------------------ heads and stems
def test_field_stem_and_head_need_no_place():
    assert agencies("今年路政执法所加强巡查。运管所要督促企业整改。") == {"路政执法所", "运管所"}
    # integrated transport is a field of its own (综合运输科), not the adverb 综合 before 运输
    assert agencies("由局综合运输科牵头，综合运输科负责统筹。") == {"局综合运输科", "综合运输科"}
    # a verb stem (建设) before another field, with no level or place, opens no name: the thing being built
    assert agencies("加快建设综合运输服务中心。") == set()
    assert agencies("加快建设公路服务中心。") == set()


def test_a_generic_word_counts_inside_a_name_only_after_a_field():
    assert agencies("清水县道路运输管理所召开会议，市港口航运管理中心参加。") == {
        "清水县道路运输管理所", "市港口航运管理中心"}
    # 管理 alone, or after a determiner, names no body
    assert agencies("请各级管理部门和相关管理部门配合。") == set()
    # a centre's function (信息, 保障) after a field names a body; alone it names none
    assert agencies("县交通运输信息中心、县交通运输应急保障中心参加。") == {"县交通运输信息中心", "县交通运输应急保障中心"}
    assert agencies("加强信息中心建设，完善后勤保障中心。") == set()


def test_public_transport_is_a_field_of_a_bodys_name():
    # round 34: 区公共交通服务中心 gave 交通服务中心, 市公安局公共交通分局 gave 市公安局 + 交通分局
    assert agencies("区公共交通服务中心开展检查。") == {"区公共交通服务中心"}
    assert agencies("市公安局公共交通分局参加联合检查。") == {"市公安局公共交通分局"}
    assert agencies("城市公共交通管理部门要加强监管。") == set()
    assert agencies("市公共交通管理处开展检查。") == {"市公共交通管理处"}
    assert agencies("市公共交通管理中心开展检查。") == {"市公共交通管理中心"}

def test_other_departments_and_bodies_of_people_congresses():
    assert agencies("会同县消防救援大队、市气象局建立机制，接受县人大常委会和县政协监督，按照县安委会部署。") == {
        "县消防救援大队", "市气象局", "县人大常委会", "县政协", "县安委会"}
    # 人大代表, 政协委员 are people, not bodies
    assert agencies("办理人大代表建议和政协委员提案。") == set()


def test_a_body_inside_a_body_is_one_name():
    # the police's own fields name units inside the public security bureau
    assert agencies("联合区公安局水上警察支队、市公安局治安支队和县公安局特警大队巡航。") == {
        "区公安局水上警察支队", "市公安局治安支队", "县公安局特警大队"}
    assert agencies("联合县公安局交通管理大队开展整治，与县公安局水上派出所巡航，市人民政府新闻办公室发布消息。") == {
        "县公安局交通管理大队", "县公安局水上派出所", "市人民政府新闻办公室"}
    assert agencies("中心联合县应急管理局、县公安局交巡警大队建立联动机制。") == {"县应急管理局", "县公安局交巡警大队"}


def test_an_office_takes_a_free_modifier_after_its_parent():
    assert agencies("会上，支队督察科通报情况，由局综合科牵头，办公室设在局安全监督股。") == {
        "支队督察科", "局综合科", "局安全监督股"}
    # 局部 is not 局: 局部应急处置 names no office
    assert agencies("坚持常态化防控和局部应急处置有机结合。") == set()


def test_a_party_body_sent_to_a_body_keeps_both():
    assert agencies("驻局纪检组组长XXX讲话。市纪委监委派驻市交通运输局纪检监察组开展监督。") == {
        "驻局纪检组", "市纪委监委派驻市交通运输局纪检监察组"}


def test_party_branches_of_a_unit():
    assert agencies("大队党支部落实“三会一课”制度。") == {"大队党支部"}
    assert agencies("健全道路货物运输行业党支部制度。") == set()
    # a general branch (党总支) is a party body like a branch
    assert agencies("中心党总支深入开展学习教育，党总支书记XXX讲党课。") == {"中心党总支"}


def test_a_party_branch_of_a_numbered_squad_or_of_an_office_is_the_body_named():
    # the numbered squad is the parent of the branch, not the end of the name
    assert agencies("县交通运输执法支队三大队党支部获评先进。") == {"县交通运输执法支队三大队党支部"}
    assert agencies("县交通运输执法支队三大队开展巡查。") == {"县交通运输执法支队三大队"}
    # an office with a free modifier keeps its own branch, also as the subject opening a clause
    assert agencies("由支队督察科党支部牵头。") == {"支队督察科党支部"}
    assert agencies("今年，督察科党支部开展主题党日。") == {"督察科党支部"}
    # the secretary of the branch is a post: the office stays the body named
    assert agencies("局督察科党支部书记讲党课。") == {"局督察科"}


def test_conjunctions_inside_names_and_before_levels():
    # 和 joins two stems inside a name a level opens
    assert agencies("会同县城市管理和综合执法局开展整治。") == {"县城市管理和综合执法局"}
    # 与 between two field stems right before a head is inside the name as well
    assert agencies("（牵头单位：县公路与运输管理中心）由市公路与运输管理中心负责。") == {
        "县公路与运输管理中心", "市公路与运输管理中心"}
    # but not after a head, nor with no level or place opening the name
    assert agencies("县交通运输局与县公安局联合开展整治。") == {"县交通运输局", "县公安局"}
    assert agencies("推动公路与运输管理中心协同。") == {"运输管理中心"}
    # 和县 after another body is 和 + 县 (not the county 和县)
    assert agencies("在县委、县政府和县交通运输局的领导下。") == {"县委", "县政府", "县交通运输局"}
    # and after a closed title
    assert agencies("根据《中国共产党巡视工作条例》和县委巡察工作统一部署。") == {"县委"}


def test_a_head_read_as_a_verb_after_a_qualified_name():
    assert agencies("6月8日，县海事处在江上组织演练。") == {"县海事处"}
    assert agencies("这项工作处在关键阶段，所要解决的问题很多，保障信息化执法所需。") == set()


def test_a_county_the_gazetteer_holds_under_its_former_level():
    # 水城县 became 水城区, 无为县 became 无为市: the name with the new suffix is still the place
    assert agencies("一边联系水城区公路管理段调派除雪车辆。无为市交通运输局作交流。") == {
        "水城区公路管理段", "无为市交通运输局"}


def test_data_bureaus_are_bodies_and_data_centres_facilities():
    assert agencies("会同市数据资源局推进电子证照，县数据局牵头，与市政务服务数据管理局完善热线。") == {
        "市数据资源局", "县数据局", "市政务服务数据管理局"}
    assert agencies("建设交通运输数据中心和港航数据资源中心。") == set()


def test_a_stem_that_is_also_a_verb_alone_before_a_head_is_the_verb():
    assert agencies("组织局党组理论学习中心组学习12次，组织党支部开展专题学习，设立便民服务中心。") == set()
    assert agencies("由市委组织部牵头，组织部负责考核。") == {"市委组织部", "组织部"}


def test_a_field_short_name_alone_is_a_body_only_as_a_subject():
    assert agencies("二、强化水上监管。海事要会同沿湖乡镇加强巡查。") == {"海事"}
    assert agencies("加强海事监管，组织应急演练。") == set()


def test_collectives_and_counted_facilities_are_no_bodies():
    assert agencies("会同沿线乡镇人民政府开展整治，建成县级综合服务中心12个。") == set()
    # a count after a list of bodies counts the names listed: the last one is a body too
    assert agencies("表彰局运输科党支部、局安全监督科党支部2个先进集体。") == {"局运输科党支部", "局安全监督科党支部"}
    assert agencies("建成乡镇综合服务站、县级综合服务中心12个。") == set()
    # a rank of body (县级, 本级) before a bare 人民政府 names no one body
    assert agencies("实行县级人民政府统一领导，报本级人民政府批准。") == set()
    assert agencies("来源：清水县人民政府门户网站。来源：清水县人民政府网") == set()


# -------------------------------------------------------------- organisations
def test_organisation_brands_with_places_and_bodies():
    assert organisations("与湖南青山公路桥梁建设集团有限公司合作，与中铁XX局集团有限公司签约。") == {
        "湖南青山公路桥梁建设集团有限公司", "中铁XX局集团有限公司"}
    assert organisations("与国家开发银行湖南省分行签订协议，与青山客运集团枫林分公司建立机制。") == {
        "国家开发银行湖南省分行", "青山客运集团枫林分公司"}
    # a body right before a short brand is part of an institution's name
    assert organisations("厅与交通运输部科学研究院签订协议。") == {"交通运输部科学研究院"}


def test_a_one_character_adverb_inside_a_brand_a_place_opens():
    assert organisations("执法所还与福建德化瓷都运输有限公司签订协议。") == {"福建德化瓷都运输有限公司"}
    # 与 and 和 split two names; a place that starts with 和 is no place after another name
    assert organisations("枫林县交通运输局与九江港口集团有限公司签约。") == {"九江港口集团有限公司"}
    assert organisations("依托县道路运输协会和县驾驶员培训学校开展培训。") == {"县道路运输协会", "县驾驶员培训学校"}
    # a place right after 与 opens a second name: the words before it are no field words of one name
    assert organisations("推动长沙港霞凝港区与广州港集团有限公司合作。") == {"广州港集团有限公司"}
    # before an association's head a district-named field after 与 (江海, 南海) is still one name
    assert organisations("广东省内河与江海联运协会召开年会。") == {"广东省内河与江海联运协会"}
    assert organisations("广州市港口与南海航运协会参加。") == {"广州市港口与南海航运协会"}


def test_a_line_of_business_alone_is_no_brand():
    assert organisations("协调保险公司为驾驶员投保，与青山保险公司签约。") == {"青山保险公司"}


def test_a_verb_before_an_organisation_is_no_brand():
    assert organisations("公司下设枫林县青山客运有限公司等子公司。") == {"枫林县青山客运有限公司"}
    assert organisations("九江顺达汽车维修有限公司：承担集团车辆维修保养。") == {"九江顺达汽车维修有限公司"}


def test_a_kind_head_names_an_organisation_after_a_place_and_a_brand():
    assert organisations("睢阳区顺通汽车修理厂被责令停业整改。1.费县XXX驾校。2.河东区*****汽修厂。") == {
        "睢阳区顺通汽车修理厂", "费县XXX驾校", "河东区*****汽修厂"}
    assert organisations("检查全县7家驾校，查处17家修理厂。3.沂水县某驾校。严厉打击“黑驾校”。") == set()


def test_a_finance_section_keeps_its_field_before_a_body_stem():
    assert agencies("综合规划科、财务审计科等3个科室评定为优秀。") == {"综合规划科", "财务审计科"}
    assert agencies("加强财务管理，规范财务部门工作。") == set()


def test_a_township_the_gazetteer_does_not_know_after_its_county_keeps_the_county():
    assert agencies("海事处联合宜兴市虹桥镇人民政府开展整治。") == {"海事处", "宜兴市虹桥镇人民政府"}


def test_a_hospital_is_an_organisation_after_a_place_and_a_brand():
    assert organisations("伤员送往雅安市人民医院、广元市中心医院救治。") == {"雅安市人民医院", "广元市中心医院"}
    assert organisations("现场急救后转送医院，学校、医院周边增设停车位。") == set()


def test_a_media_centre_after_its_county_is_an_organisation():
    assert organisations("通过单县融媒体中心、“单县交通”微信公众号等平台发布公告。") == {"单县融媒体中心"}


def test_brands_listed_before_their_line_of_business_or_beside_an_organisation():
    assert organisations("园区引进中通、圆通、韵达等快递企业区域分拨中心。") == {"中通", "圆通", "韵达"}
    assert organisations("对滴滴出行、货拉拉等平台开展约谈。") == {"滴滴出行", "货拉拉"}
    # kinds of business listed before 企业 or 平台 are no brands
    assert organisations("对城市公交、出租汽车、驾培维修等企业检查。利用“辽宁交通”客户端、12328热线等平台。") == set()


def test_brands_listed_and_counted_or_closed_by_a_brand_kind_are_organisations():
    assert organisations("约谈了运营的美团单车、哈啰出行、青桔单车3家企业负责人。") == {"美团单车", "哈啰出行", "青桔单车"}
    assert organisations("中通、圆通、韵达等快递品牌与邮政合作。") == {"中通", "圆通", "韵达"}
    # a count that is not the list's length names no brands
    assert organisations("对城市公交、出租汽车5家企业检查。") == set()


def test_verbs_and_single_characters_are_no_brands():
    assert organisations("续聘青山律师事务所为法律顾问。") == {"青山律师事务所"}
    assert organisations("开展安全宣传进企业、进学校活动，保障旅客平安出行。") == set()


def test_a_period_of_the_report_closes_a_brand():
    assert organisations("一季度XX物流集团有限公司完成货运量。") == {"XX物流集团有限公司"}
    assert organisations("二季度集团召开安全例会。") == set()


def test_a_field_and_a_team_or_committee_head_need_no_place_after_a_boundary():
    assert agencies("会同执法大队开展巡查，交警大队配合，协调发改委。") == {"执法大队", "交警大队", "发改委"}
    # a verb or a counted kind before them, or a list closed by 等: no one body
    assert agencies("通过主流媒体宣传支队工作。设有7个派出执法中队。涪城、游仙等执法大队坚持巡查。") == set()


def test_a_bare_level_and_head_take_the_field_stem_not_another_department():
    def short_names(text: str) -> dict[str, str]:
        return {text[c.start:c.end]: c.name for c in find_candidates(text, default_lexicon(), text)
                if c.rule == "agency.short"}

    assert short_names("省厅会同省发展改革委、省财政厅出台办法。") == {"省厅": "省交通运输厅"}
    assert short_names("市局会同市公路局开展检查。") == {"市局": "市公路局"}


def test_a_bare_level_and_head_take_the_stem_of_a_body_named_with_a_place_of_that_level():
    def short_names(text: str) -> dict[str, str]:
        return {text[c.start:c.end]: c.name for c in find_candidates(text, default_lexicon(), text)
                if c.rule == "agency.short"}

    # 河北省 is of the 省 level and 公路管理局 ends with 局: 省局 is that body
    assert short_names("河北省公路管理局通报检查情况。省局组织开展渡口排查。") == {"省局": "省公路管理局"}
    # a place of another level, or another head, says nothing of 市局 / 省厅
    assert short_names("河北省公路管理局通报。市局组织排查。省厅部署。") == {"市局": "市交通运输局", "省厅": "省交通运输厅"}
    # the transport stem of the level still wins
    assert short_names("河北省公路管理局会同省交通运输局通报。省局组织排查。") == {"省局": "省交通运输局"}
    # a body of another province, not the document's own, says nothing of 省局
    assert short_names("学习借鉴浙江省港航管理局经验。省局组织开展渡口排查。") == {"省局": "省交通运输局"}


def test_short_names_of_fields_in_a_list_of_bodies():
    assert agencies("运管、路政、海事等部门联合执法。") == {"运管", "路政", "海事"}
    # field words in a list of kinds of work are no bodies
    assert agencies("加强运管、路政等执法工作。") == set()


def test_a_squad_named_by_its_area_listed_next_to_a_known_squad():
    assert agencies("支队下属渝水大队、青柳湾大队按辖区分工负责。") == {"渝水大队", "青柳湾大队"}
    assert agencies("同时联合青柳湾中队、迎仙中队开展流动治超。") == {"青柳湾中队", "迎仙中队"}
    # a collective word or a title after the mark is no squad
    assert agencies("渝水大队、各中队要落实，渝水大队、全体中队长参加。") == {"渝水大队"}
    # a rank or a relation is no squad's area
    assert agencies("渝水大队、先进大队参加。渝水大队、兄弟大队参加。") == {"渝水大队"}
    assert agencies("渝水大队、属地大队、基层大队参加。") == {"渝水大队"}


def test_a_commission_named_after_its_party_committee():
    assert agencies("按照市委网络安全和信息化委员会办公室部署，落实省交通运输厅和县委全面深化改革委员会的要求。") == {
        "市委网络安全和信息化委员会办公室", "省交通运输厅", "县委全面深化改革委员会"}
    # a sentence between 县委 and 委员会 is no name
    assert "县委书记任主任的县安全生产委员会" not in agencies("成立县委书记任主任的县安全生产委员会。")


def test_a_team_inside_a_department_named_by_its_field():
    assert agencies("会同县公安局交通警察大队、市公安局交通警察支队车辆管理所开展检查。") == {
        "县公安局交通警察大队", "市公安局交通警察支队车辆管理所"}
    assert agencies("市发展和改革委员会、县数据和政务服务局、市文化广电旅游局参加。") == {
        "市发展和改革委员会", "县数据和政务服务局", "市文化广电旅游局"}


def test_a_branch_named_by_its_place_keeps_its_parent():
    assert agencies("由南平市生态环境局延平分局、市公安局建阳分局负责。") == {
        "南平市生态环境局延平分局", "市公安局建阳分局"}
    # a branch with no parent before it is named by its place alone
    assert agencies("延平分局参加。") == {"延平分局"}


def test_a_station_names_a_body_with_a_field_and_a_level():
    assert agencies("县交通建设工程质量安全监督站和站党支部开展检查。") == {
        "县交通建设工程质量安全监督站", "站党支部"}
    # a place's station or a service station is a facility
    assert agencies("在南平站、综合服务站设点。") == set()


def test_an_organisation_branch_keeps_its_parent_and_its_place():
    assert organisations("中国邮政集团有限公司延平区分公司与XX集团有限公司建阳分公司签约。") == {
        "中国邮政集团有限公司延平区分公司", "XX集团有限公司建阳分公司"}


def test_a_companys_office_named_by_a_place_after_it_is_one_organisation():
    # round 41: dev30 744, dev38 842, dev39 855 gave the company alone
    assert organisations("会同云南省公路投资开发有限公司普洱管理处、市交通运输局开展检查。") == {
        "云南省公路投资开发有限公司普洱管理处"}
    assert organisations("由中国铁路北京局集团有限公司石家庄站组织。") == {"中国铁路北京局集团有限公司石家庄站"}
    # a place with no unit head after it, or a verb after the head, leaves the company alone
    assert organisations("XX运输有限公司北京开展检查，XX运输有限公司南京处理投诉。") == {"XX运输有限公司"}
    # review 16 (2.7): a station a route runs from is no office of the company
    assert organisations("开通XX客运有限公司南京站至黄山线路。") == {"XX客运有限公司"}


def test_a_branch_named_by_its_number_is_an_organisation():
    assert organisations("年初，公司与第一分公司、第二分公司签订责任书。") == {"第一分公司", "第二分公司"}
    assert organisations("与XX公交集团有限公司第三分公司党支部签订共建协议。") == {"XX公交集团有限公司第三分公司"}


def test_a_role_or_clause_before_the_place_that_opens_a_brand_is_not_part_of_the_name():
    assert organisations("组织车站运营方天津XX客运集团有限公司开展演练。") == {"天津XX客运集团有限公司"}
    assert organisations("局班子成员包保辽宁中集物流有限公司。") == {"辽宁中集物流有限公司"}
    # a short brand opening before the place stays (中铁上海工程局), and so does a branch's parent
    assert organisations("与中铁上海工程局集团有限公司签约。") == {"中铁上海工程局集团有限公司"}
    assert organisations("与国家开发银行湖南省分行签订协议。") == {"国家开发银行湖南省分行"}
    # a place inside a word is none (铁路南昌: 路南), and a national group's name keeps its province's company
    assert organisations("与中国铁路南昌局集团有限公司合作。") == {"中国铁路南昌局集团有限公司"}
    assert organisations("与中国移动通信集团江西有限公司九江分公司签约。") == {"中国移动通信集团江西有限公司九江分公司"}
    # a name that opens with a region's short name, and a place in brackets that registers a company, stay whole
    assert organisations("由新疆交建路桥养护有限公司施工。") == {"新疆交建路桥养护有限公司"}
    assert organisations("顺丰速运（拉萨）有限公司参加培训。") == {"顺丰速运（拉萨）有限公司"}


def test_a_company_named_by_its_number_within_a_group_keeps_the_group():
    assert organisations("中交第一公路工程局有限公司承建。") == {"中交第一公路工程局有限公司"}
    assert organisations("与XX公司第三分公司签约。") == {"XX公司第三分公司"}


def test_a_legal_form_right_after_a_bodys_name_makes_the_body_the_companys_brand():
    text = "由中铁广州航道局有限公司负责疏浚。"
    assert organisations(text) == {"中铁广州航道局有限公司"} and agencies(text) == set()
    # a bare 公司 after a body starts a word of its own: the body stays
    assert agencies("推进市公路局公司化改革。") == {"市公路局"}


def test_the_line_of_business_before_a_legal_form_is_part_of_the_brand():
    assert organisations("约谈南平市安达汽车维修服务有限公司、福建宏达运输服务有限公司。") == {
        "南平市安达汽车维修服务有限公司", "福建宏达运输服务有限公司"}
    assert organisations("组织开展服务有限公司") == set()


def test_a_leading_group_named_after_its_task():
    assert agencies("成立百日行动领导小组，成立县治超工作领导小组。") == {"百日行动领导小组", "县治超工作领导小组"}
    # a group named by a bare head or by generic words leads no named task
    assert agencies("成立以局长为组长的活动领导小组和工作领导小组。") == set()


def test_a_body_the_lexicon_knows_is_a_parent_unit():
    assert agencies("贯彻国务院安委会部署，交通运输部办公厅印发通知，省政府办公厅转发。") == {
        "国务院安委会", "交通运输部办公厅", "省政府办公厅"}
    # a committee after a field word alone is no body
    assert agencies("安全生产安委会") == set()


def test_platform_classes_award_titles_and_school_classes_are_no_organisations():
    assert organisations("取得许可的平台公司14家，评选“最美出租车驾驶员”20名，深入中小学校宣传。") == set()


def test_weak_heads_in_a_list_and_latin_brands():
    assert organisations("约谈滴滴出行、T3出行等平台，与嘀嗒出行、曹操出行建立数据对接机制。") == {
        "滴滴出行", "T3出行", "嘀嗒出行", "曹操出行"}


def test_a_township_the_gazetteer_does_not_know_before_its_level():
    assert agencies("配合单位：城关镇、柳店乡人民政府。") == {"柳店乡人民政府"}
    # a determiner or a second level before the level is no township's name
    assert agencies("督促各乡镇人民政府、各乡镇交通运输管理站落实。") == set()


def test_a_field_verb_after_a_body_starts_no_sub_body():
    # 建设 right after 局 is what the bureau does: no 局建设…中心, and a data centre built is a facility
    assert agencies("会同市大数据局建设港航数据资源中心。") == {"市大数据局"}
    assert agencies("县数据资源管理局、局规划建设股参加。") == {"县数据资源管理局", "局规划建设股"}


def test_expressway_police_numbered_teams_and_road_sections():
    assert agencies("会同省高速公路管理局、市公安局高速公路交通警察支队、县交通运输综合行政执法大队第一中队、"
                    "县公路管理段参加。") == {
        "省高速公路管理局", "市公安局高速公路交通警察支队", "县交通运输综合行政执法大队第一中队", "县公路管理段"}
    # a numbered team standing alone is a squad of the author's force; a route's section and a stretch
    # of road are no bodies
    assert agencies("第二中队参加。完成G207安化段改建，整治重点路段，高速公路段。") == {"第二中队"}


# ------------------------------------------------- fields and heads of the genre
def test_newer_fields_and_a_government_office_unit_name_bodies():
    assert agencies("县乡村振兴局、市急救中心和区政府督查室联合检查。") == {
        "县乡村振兴局", "市急救中心", "区政府督查室"}


def test_a_development_centre_of_a_field_is_a_body():
    assert agencies("省航道发展中心与县河长制办公室召开会议。") == {"省航道发展中心", "县河长制办公室"}


def test_newspapers_broadcasters_and_cooperative_unions_are_organisations():
    assert organisations("岳阳晚报、岳阳广播电视台报道了活动，县供销合作社联合社参加。") == {
        "岳阳晚报", "岳阳广播电视台", "县供销合作社联合社"}


def test_an_office_of_a_body_the_lexicon_knows_is_a_body():
    assert agencies("根据国务院安委会办公室的部署。") == {"国务院安委会办公室"}


def test_a_verb_before_an_office_head_is_no_office():
    assert agencies("市公安局负责查处违法行为。") == {"市公安局"}
    assert organisations("推动本地网约车平台公司设立分支机构。") == set()


def test_a_leading_group_named_after_a_quoted_or_dated_campaign():
    assert agencies("成立岳阳市“清风护航”专项行动领导小组，由副市长任组长。") == {"岳阳市“清风护航”专项行动领导小组"}
    assert agencies("成立岳阳市交通运输局2024年“平安交通宣传周”活动领导小组。") == {
        "岳阳市交通运输局2024年“平安交通宣传周”活动领导小组"}


def test_the_office_of_a_leading_group_is_the_body_named():
    assert agencies("市防汛工作领导小组办公室设在我局。") == {"市防汛工作领导小组办公室"}
    assert agencies("成立县治超工作领导小组，由县长任组长。") == {"县治超工作领导小组"}


# ------------------------------------------------------------ 中心 and its branches
def test_a_centre_named_by_its_fields_is_a_body_before_the_verb_zuzhi():
    # 中心组织 is the centre organising; 中心组 alone is a party study group
    assert agencies("县公路养护中心组织抢险队伍，理论学习中心组集中学习。") == {"县公路养护中心"}
    assert agencies("清水县交通建设工程管理中心印发方案。") == {"清水县交通建设工程管理中心"}


def test_a_branch_centre_after_its_parent_and_place():
    assert agencies("益阳市公路养护中心沅江分中心组织人员巡查。") == {"益阳市公路养护中心沅江分中心"}


def test_a_section_of_the_author_written_after_its_head_keeps_it():
    # 建设 is the section's field before 科, not a verb after the body
    assert "局建设管理科" in agencies("局规划科牵头，局建设管理科配合。")
    assert "市局建设科" in agencies("市局建设科牵头建立项目调度机制。")
    assert agencies("市大数据局建设数据中心。") == {"市大数据局"}


def test_offices_and_bodies_inside_bodies_are_kept_whole():
    assert agencies("送：县委办、县政府办。") == {"县委办", "县政府办"}
    assert "县政府" not in agencies("抄送县政府办。")
    assert agencies("联合省公安厅交警总队开展治超。") == {"省公安厅交警总队"}
    # 组建 after 中心 is a verb, not 中心组 the study group
    assert agencies("县公路养护中心组建专业养护队伍。") == {"县公路养护中心"}
    assert agencies("各委办局要落实。") == set()


def test_the_party_before_a_placed_party_organ_is_part_of_its_name():
    assert agencies("中共英德市交通运输局党组召开会议。") == {"中共英德市交通运输局党组"}
    assert "中共清水县委" in agencies("在中共清水县委的领导下，县交通运输局推进工作。")
    # 中共 before a bare organ or a body that is no party organ stays out
    assert agencies("中共党员带头，局党组部署。") == {"局党组"}


def test_the_youth_league_before_its_committee_is_part_of_its_name():
    assert agencies("共青团清水县交通运输局委员会开展志愿服务。") == {"共青团清水县交通运输局委员会"}
    assert agencies("共青团清水市委员会、清水市交通运输局联合举行启动仪式。") == {"共青团清水市委员会", "清水市交通运输局"}
    # 团市委 is the league's committee, not the party's 市委
    assert agencies("在团市委的指导下开展活动。") == {"团市委"}
    # 集团 before a body is no league
    assert "集团市委" not in agencies("集团市委组织部部署。")


def test_a_sub_body_named_by_its_place_keeps_its_parent_written_before_it():
    assert agencies("清水县交通运输综合行政执法大队王庄执法所组织巡查。") == {"清水县交通运输综合行政执法大队王庄执法所"}
    assert agencies("联合县公安局交警大队王庄中队开展巡查。") == {"县公安局交警大队王庄中队"}
    # a parent with no scope of its own is no parent: the sub-body alone
    assert "局综合科" not in agencies("县交通运输局综合科牵头。")


def test_a_river_before_its_maritime_and_waterway_bodies_is_part_of_the_name():
    assert agencies("联合长江宜昌海事局开展检查。") == {"长江宜昌海事局"}
    assert agencies("与长江航道局宜昌航道处建立机制。") == {"长江航道局宜昌航道处"}
    # a river before another field's body is not its name
    assert agencies("保护长江市场监管局参加。") == {"市场监管局"}


def test_a_special_district_is_the_place_of_its_bodies():
    assert agencies("各设区市交通运输局、平潭综合实验区交通运输局负责同志参加。") == {"平潭综合实验区交通运输局"}
    assert "辖区交通运输局" not in agencies("辖区交通运输局加强监管。")


def test_a_conjunction_between_field_words_of_a_placed_brand_stays_inside_the_name():
    assert "临沂市物流与采购协会" in organisations("市交通运输局还与临沂市物流与采购协会签约。")
    # after a whole organisation's name the conjunction joins two names
    assert "临沂市出租车协会和网约车协会" not in organisations("临沂市出租车协会和网约车协会参加。")


def test_a_bracketed_part_before_a_legal_form_is_inside_the_name():
    assert organisations("中心与重庆XX物流集团有限公司、重庆XX港口（集团）有限责任公司建立机制。") == {
        "重庆XX物流集团有限公司", "重庆XX港口（集团）有限责任公司"}
    # a bracket that stands after a whole name is no part of the next one
    assert organisations("（牵头单位：XX公司）有限公司要整改。") == {"XX公司"}


def test_a_centre_named_by_a_field_and_an_inner_stem_is_a_body_before_zuzhi():
    assert agencies("市道路运输发展中心组织对客运企业开展检查。") == {"市道路运输发展中心"}
    assert agencies("党委理论学习中心组集体学习。") == set()


def test_a_team_named_by_its_field_and_place_ends_with_dui():
    assert agencies("由市交通运输综合行政执法队跟踪督办。") == {"市交通运输综合行政执法队"}
    assert agencies("加强执法队伍建设，执法队员持证上岗，组建志愿车队。") == set()


# ------------------------------------------------- short forms, offices and numbered units
def test_short_department_stems_with_a_level_name_bodies():
    assert agencies("县交通运输局联合县工信局开展整治，市能源局、市医保局参加。") == {
        "县交通运输局", "县工信局", "市能源局", "市医保局"}


def test_a_trade_union_federation_with_a_level_is_a_body():
    assert agencies("局党组联合市总工会开展慰问。") == {"局党组", "市总工会"}
    assert "集团总工会" not in agencies("集团总工会组织活动。")


def test_an_abbreviated_office_before_huitong_is_a_body():
    assert agencies("治超方面，县治超办会同县公安局开展联合执法。") == {"县治超办", "县公安局"}


def test_a_road_chief_office_is_a_body():
    assert agencies("配合县总路长办公室开展考核，县路长制办公室牵头。") == {"县总路长办公室", "县路长制办公室"}


def test_a_bare_office_opening_its_clause_before_a_verb_is_a_body():
    assert agencies("年内，法制科牵头修订制度。培训科组织开展轮训。") == {"法制科", "培训科"}
    assert agencies("本科学历人员占比提升。") == set()


def test_a_numbered_squad_standing_alone_is_a_body():
    assert agencies("直属一大队、二大队与县公安局联合执法。") == {"直属一大队", "二大队", "县公安局"}
    assert agencies("大队长带队检查。") == set()
    assert agencies("第一大队在车站周边开展检查，第二大队会同县公安局开展整治。") == {"第一大队", "第二大队", "县公安局"}
    assert agencies("（三）第三中队。负责水路执法。") == {"第三中队"}


def test_a_numbered_party_branch_is_a_body_with_its_parent_or_alone():
    # round 35: 机关第一党支部 and 区交通运输局第一党支部 were cut or dropped, 第二党支部 alone was missed
    assert agencies("机关第一党支部创建党建品牌，机关第二党支部开展学习。") == {"机关第一党支部", "机关第二党支部"}
    assert agencies("龙港区交通运输局第一党支部组织党员开展活动。") == {"龙港区交通运输局第一党支部"}
    assert agencies("第二党支部结合路政执法工作实际，第三党支部组织党员开展志愿服务。") == {"第二党支部", "第三党支部"}
    assert agencies("局机关第二党支部开展学习。") == {"局机关第二党支部"}
    # a numbered team right after its parent takes the parent (no scope needed)
    assert agencies("执法支队第二中队开展检查。") == {"执法支队第二中队"}
    # a numbered branch before 创建 is the body, not a campaign 一党支部创建
    labels = {(c.label, c.name) for c in find_candidates("力争将第一党支部创建为五星级党支部。", default_lexicon(),
                                                         "力争将第一党支部创建为五星级党支部。")}
    assert labels == {("AGENCY", "第一党支部")}


def test_a_squad_named_by_its_place_opening_a_clause_before_its_work_is_a_body():
    assert agencies("上半年共查处案件520宗。其中，铁东大队查处案件146宗，铁西大队查处案件128宗。") == {"铁东大队", "铁西大队"}
    assert agencies("由治超中队具体承办，仓山中队、辑庆中队参与。") == {"治超中队", "仓山中队", "辑庆中队"}
    # a collective is no place's squad
    assert agencies("各中队开展夜查。执法大队查处案件12宗。") == {"执法大队"}
    assert agencies("执法大队加强督导。下属中队开展夜查，所属大队对站点开展检查。") == {"执法大队"}


def test_a_numbered_working_group_after_its_sender_is_a_body():
    assert "市委第六指导组" in agencies("在市委第六指导组的指导下，局党组扎实推进学习教育。")
    assert agencies("分为第六指导组开展工作。") == set()


# ------------------------------------------------- sub-units, branches and the verb after a body
def test_a_predicate_adverb_after_a_body_is_no_office_name():
    # 共查处: the adverb and the verb 查处, not an office 共查处 of the 支队
    assert agencies("市交通运输综合行政执法支队共查处超限车辆86辆。") == {"市交通运输综合行政执法支队"}
    assert agencies("县公路局均处于满负荷状态，县公路局另设分局。") >= {"县公路局"}
    assert not any(a.endswith("处") for a in agencies("县运管所共查处违规车辆12辆。"))
    # an office with a free modifier is still named
    assert agencies("支队法制科牵头修订制度。") == {"支队法制科"}


def test_a_directly_attached_numbered_team_extends_its_parent():
    assert agencies("市综合行政执法支队直属二大队、县交通运输局等单位参加。") == {
        "市综合行政执法支队直属二大队", "县交通运输局"}
    assert agencies("直属一大队会同市公安局交通警察支队开展整治。") == {"直属一大队", "市公安局交通警察支队"}
    # a bare number right after the detachment numbers one of its squads
    assert agencies("联合市公安局交警支队二大队、市城管局开展整治。") == {"市公安局交警支队二大队", "市城管局"}


def test_vehicle_administration_office_under_the_traffic_police():
    assert agencies("联合市公安局交通警察支队车管所开展培训。") == {"市公安局交通警察支队车管所"}


def test_party_branches_named_by_their_section_and_work_committees_of_the_organs():
    assert agencies("完成综合规划支部、运输管理支部换届，各支部开展研讨。") == {"综合规划支部", "运输管理支部"}
    assert agencies("在市直机关工委的领导下，“五星支部”创建和支部标准化建设推进。") == {"市直机关工委"}


# ------------------------------------------- customs, department stems, townships
def test_customs_after_a_place_is_a_body():
    assert agencies("市港航中心会同青岛海关开展联合检查。") == {"市港航中心", "青岛海关"}
    assert agencies("配合海关总署开展查验。") == set()


def test_the_short_official_form_of_housing_and_construction_is_one_stem():
    assert agencies("配合单位：市自然资源局、市住房城乡建设局。") == {"市自然资源局", "市住房城乡建设局"}


def test_a_township_of_three_characters_opens_its_body():
    assert agencies("中队联合柳树湾镇人民政府开展夜查。") == {"柳树湾镇人民政府"}
    assert agencies("各乡镇人民政府要落实属地责任。") == set()


def test_a_post_named_by_a_three_character_place_extends_its_parent():
    assert agencies("中队联合县公安局交警大队柳树湾中队开展夜查。") == {"县公安局交警大队柳树湾中队"}
    assert agencies("清河县交通运输执法大队中队长到场。") == {"清河县交通运输执法大队"}


def test_a_field_station_named_after_its_locality():
    found = agencies("大风期间，铁厂沟养护站、庙尔沟养护站提前待命。")
    assert {"铁厂沟养护站", "庙尔沟养护站"} <= found
    # a station's kind or rank, a road code before it, or a count name no station
    assert not agencies("新建综合服务站项目3个，基层养护站全部落实值守。") & {"综合服务站", "基层养护站"}
    assert "周家山治超站" not in agencies("检查G108周家山治超站的运行情况。")


def test_a_station_named_only_by_its_field_after_its_parent_is_the_parent():
    assert agencies("抽查了县公路事业发展中心养护站的巡查台账。") == {"县公路事业发展中心"}
    assert agencies("走访了蓬莱区交通运输综合行政执法大队治超站。") == {"蓬莱区交通运输综合行政执法大队"}
    # a station named by its place after its parent keeps its own name
    assert agencies("县公路事业发展中心北界养护站开展巡查。") == {"县公路事业发展中心北界养护站"}


def test_a_named_bureau_before_bushu_deploys():
    # 局部署 is the bureau and the verb 部署 when a name stands before 局, not 局部 (local)
    assert agencies("按照省质监局部署，站里组织检查。") == {"省质监局"}
    assert agencies("秭归海事处按照市地方海事局部署开展整治。") >= {"市地方海事局"}
    assert agencies("坚持局部署理，按照局部署要求。") == set()


def test_policy_science_and_water_departments_are_fields():
    assert agencies("（牵头单位：政策法规科）区里协调科技信息处和县水务局参加。") == {
        "政策法规科", "科技信息处", "县水务局"}


def test_a_verb_of_moving_in_is_no_part_of_the_hall_s_name():
    assert agencies("78项政务服务事项全部进驻区政务服务中心，企业入驻县物流园。") >= {"区政务服务中心"}
    assert not any(n.startswith(("进驻", "入驻")) for n in agencies("事项全部进驻区政务服务中心。"))


def test_a_sub_body_named_by_its_place_after_its_parent():
    # _sub_body_parent: a place or two or three name characters right after a unit or team head
    assert agencies("长江航道局万州航道处加强巡查。") == {"长江航道局万州航道处"}
    assert agencies("县公安局交警大队大店中队开展检查。") == {"县公安局交警大队大店中队"}
    assert agencies("X执法大队大店执法所开展检查。") == {"X执法大队大店执法所"}


def test_an_autonomous_division_by_its_short_form_opens_a_name():
    # 昌吉州 is how texts write 昌吉回族自治州; its 吉州 is not the 吉州区 of 吉安
    assert agencies("昌吉州交通运输局会同恩施州公路局、长阳县交通运输局开展检查。") == {
        "昌吉州交通运输局", "恩施州公路局", "长阳县交通运输局"}


def test_a_word_that_ties_a_body_to_its_parent_opens_no_name():
    assert agencies("县公路中心所属养护大队同步开展巡查。") >= {"养护大队"}
    assert "县公路中心所属养护大队" not in agencies("县公路中心所属养护大队同步开展巡查。")
    assert organisations("公司会同下属青山客运有限公司开展检查。") == {"青山客运有限公司"}
    assert organisations("集团全资子公司青山广告传媒有限公司完成改制。") == {"青山广告传媒有限公司"}
    # 其中 closes a count: the name after it opens with its place, not with 中
    assert organisations("列入黑名单9家，其中青山华通物流有限公司被约谈。") == {"青山华通物流有限公司"}


def test_the_organs_directly_under_a_department_name_their_party_committee():
    assert agencies("厅直机关工委组织开展主题宣传，厅直机关党委加强监督。") == {"厅直机关工委", "厅直机关党委"}


def test_a_station_named_by_a_bodys_field_after_its_parent_is_its_own_body():
    assert agencies("市交通运输局工程质量监督站对3个在建项目开展抽检。") == {"市交通运输局工程质量监督站"}
    assert agencies("县交通运输局运输管理站开展检查。") == {"县交通运输局运输管理站"}
    assert "市公路事业发展中心" not in agencies("市公路事业发展中心公路段开展巡查。")
    assert "县公路局" not in agencies("县公路局路政队开展巡查。")


def test_a_level_and_a_task_word_before_ban_name_the_office_of_that_task():
    # round 40: 市创建办, 县政务公开办, 市委依法治市办 (no body stem before 办) and 市委网信办的 (办的) were missed
    assert agencies("市创建办要建立台账。") == {"市创建办"}
    assert agencies("在市委依法治市办、市司法局的指导下开展。") == {"市委依法治市办", "市司法局"}
    assert agencies("按照县政务公开办的统一部署，市绩效办对各单位考核。") == {"县政务公开办", "市绩效办"}
    assert agencies("按照市委网信办的统一部署开展。") == {"市委网信办"}
    # 办 after a verb's first half, or after the level's own affix, is no office
    assert "市政府督办" not in agencies("市政府督办的事项，省里举办的培训，县里开办的驾校。")
    assert agencies("县里开办的驾校，省里举办的培训。") == set()


def test_a_predicate_before_ban_is_no_task_word():
    # review 15 (1.1): a modal, an adverb or a rank before 办 makes it a predicate, not an office
    assert agencies("县交通运输局要认真办，不得推诿。") == {"县交通运输局"}
    assert agencies("由省统一办，市县两级同步办。") == set()
    assert agencies("县域新办的企业，各乡镇自办。") == set()
    # the office must close its clause's subject or owner (no 办理), and the task word stops at 的和与及
    assert agencies("市创建办理工作") == set()
    assert agencies("市的创建办要") == set()
    # review 16 (1.6): a modal inside a known word (应急) is no modal
    assert agencies("县应急联动办要加强值守。") == {"县应急联动办"}
    assert agencies("县交通运输局将统筹办。") == {"县交通运输局"}
    # a scoped unit opens the office too: 市委 + 依法治市 + 办
    assert agencies("市委依法治市办要") == {"市委依法治市办"}


def test_a_collective_level_before_a_task_office_names_no_one_office():
    # review 15 (1.2): 各县创建办 is every county's office
    assert agencies("各县创建办要建立台账。") == set()
    assert agencies("全省各市创建办要建立台账。") == set()


def test_a_level_glossed_with_the_others_of_its_rank_names_every_body_of_them():
    # round 40: 县（市、区）交通运输局 without 各, and 各市、县（区）交通运输局, gave a bare 交通运输局
    assert agencies("局负责同志及县（市、区）交通运输局负责同志参加。") == set()
    assert agencies("各市、县（区）交通运输局，厅公路管理局：") == {"厅公路管理局"}
    assert agencies("市、县（区）交通运输局要加强监管。") == set()
    # review 16 (4.2): a named body before 和 and a glossed level keeps its own name (regression guard)
    assert agencies("丰都县交通运输局和市、县交通运输局参加。") == {"丰都县交通运输局"}


def test_a_level_opens_a_field_body_over_words_the_dictionary_lacks():
    # round 41: 县文体广电旅游局 (dev39 850), 市海上搜救中心 (dev28 725, dev33 776) gave the field's body alone
    assert agencies("县文体广电旅游局组织检查，市海上搜救中心开展演练。") == {"县文体广电旅游局", "市海上搜救中心"}
    assert agencies("经市国有资产监督管理委员会批准。") == {"市国有资产监督管理委员会"}
    # a stop word between, or a collective level, leaves the body alone
    assert agencies("县有关监督管理委员会") == set()
    # review 16 (2.2): a stop word inside a known word of the gap (依 of 依法, 有 of 国有) does not stop the bridge
    assert agencies("县依法行政监督中心组织检查。") == {"县依法行政监督中心"}
    # review 16 (1.2): a collective level leaves no fragment of the body behind either
    assert agencies("各县文体广电旅游局要加强检查。") == set()
    assert agencies("各市海上搜救中心要开展演练。") == set()
    assert agencies("各县、市文体广电旅游局要加强检查。") == set()


def test_a_level_that_ends_a_word_opens_no_field_body():
    # review 16 (1.1): 市 of 城市, 都市 ends a word, it opens no name; after a stop word (由县) it does
    assert agencies("加快城市海上搜救中心建设。") == agencies("加快海上搜救中心建设。")
    assert agencies("打造都市文体旅游中心。") == agencies("打造文体旅游中心。")
    assert agencies("由县文体广电旅游局负责。") == {"县文体广电旅游局"}


def test_a_police_bodys_unit_is_named_by_its_work():
    # round 43: 市公安局轨道交通分局 gave 市公安局 + 交通分局; a police unit's work is no dictionary word
    assert agencies("与市公安局轨道交通分局、市消防救援支队联合开展演练。") == {"市公安局轨道交通分局", "市消防救援支队"}
    assert agencies("我局联合市公安局网络安全保卫支队开展检查。") == {"市公安局网络安全保卫支队"}
    assert agencies("会同承德市公安局交通警察支队高速交警二大队开展夜查。") == {"承德市公安局交通警察支队高速交警二大队"}
    assert agencies("联合高速公路公安交警支队伊春大队开展巡查。") == {"高速公路公安交警支队伊春大队"}
    # a verb after the bureau is no unit's name
    assert agencies("县公安局指导派出所开展工作。") == {"县公安局"}
    assert agencies("市公安局交警支队联合执法大队检查。") == {"市公安局交警支队", "执法大队"}
    # a verb that is no stop word names no unit either; the modifier must hold a place or a field
    assert agencies("市公安局通报派出所开展排查。") == {"市公安局"}
    assert agencies("县公安局督导派出所落实整改。") == {"县公安局"}
    # the unit's head starts inside the run of name characters, never past a punctuation mark
    assert "市公安局党委、分局" not in agencies("市公安局党委、分局负责同志参加会议。")


def test_a_body_before_the_partner_verb_is_named():
    # round 43: 党委会/党组会 is a meeting, so 局党组会同… lost its subject
    assert agencies("局党组会同县财政局开展检查。") == {"局党组", "县财政局"}
    assert agencies("局机关党委会同县运管所开展创建。") == {"局机关党委", "县运管所"}
    assert agencies("市发展改革委会同市交通运输局印发方案。") == {"市发展改革委", "市交通运输局"}
    # the meeting agreeing, or meeting at the same time, names no body
    assert agencies("经局党委会同意，召开局党组会同时研究。") == set()
    # nor the meeting doing a thing in step, its members, or meeting in the same period: no body follows 会同
    assert agencies("县交通运输局党组会同步传达学习了会议精神。") == {"县交通运输局"}
    assert agencies("局党委会同志们认真学习。局党委会同期召开。") == set()
    # a word opening at 同 rules 会同 out even when a body follows it
    assert agencies("经局党委会同意县交通运输局上报的方案。") == {"县交通运输局"}


def test_fields_of_coastal_and_border_bodies_name_them():
    # round 43: 海洋, 渔业, 口岸, 河道, 国家安全 were no fields, so their bodies went unnamed in six sets
    assert agencies("台州市港航口岸和渔业管理局要与台州海事局建立机制。") == {"台州市港航口岸和渔业管理局", "台州海事局"}
    assert agencies("联合市海洋与渔业执法大队、市海洋发展局开展检查。") == {"市海洋与渔业执法大队", "市海洋发展局"}
    assert agencies("联合湖北省汉江河道管理局、市国家安全局开展检查。") == {"湖北省汉江河道管理局", "市国家安全局"}
    assert agencies("加强河道管理，发展海洋渔业，维护国家安全。") == set()


def test_the_preposition_gei_before_a_company_is_no_part_of_its_name():
    assert organisations("将日常保洁委托给华南清洁服务有限公司承担。") == {"华南清洁服务有限公司"}
    # 给 inside a content word (给排水) stays in the name
    assert organisations("由东方给排水工程有限公司施工。") == {"东方给排水工程有限公司"}


def test_a_bracketed_place_inside_a_registered_name_is_part_of_it():
    assert organisations("会同东方快递（北京）物流有限公司开展检查。") == {"东方快递（北京）物流有限公司"}
    # an ordinal in brackets numbers a point of the text, no part of a name
    assert not any("（一）" in n for n in organisations("要求（一）运输有限公司整改。"))


def test_a_bracket_after_a_stop_word_opens_no_company_name():
    # review 20 #1: a verb, preposition or 和 before the bracket: the bracket is no part of the name
    assert organisations("执法人员对（涉事）顺达运输有限公司立案查处。") == {"顺达运输有限公司"}
    assert organisations("约谈（第一批）顺达运输有限公司负责人。") == {"顺达运输有限公司"}
    assert organisations("对（甲）顺达物流有限公司和（乙）通达物流有限公司进行检查。") == {"顺达物流有限公司", "通达物流有限公司"}
