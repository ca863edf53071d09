"""The kg_entities component: each type on written sentences, the guideline's negatives,
《》 titles, quoted campaigns, user lexicons, the sample corpus, and a score floor on the gold."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import pytest
import spacy

import kg.extract  # noqa: F401  (registers components and Doc extensions)
from kg.extract.entities import find_mentions
from kg.lexicon import load_lexicon
from kg.ingest import read_corpus
from kg.model import Mention, SourceDocument
REPO_DIR = Path(__file__).resolve().parents[1]
from kg.structure import structure_document

CORPUS = REPO_DIR / "data" / "corpus"
SHARED = REPO_DIR.parent / "shared"
GOLD = SHARED / "annotation" / "gold"
SCORER = SHARED / "eval" / "score.py"


def run_component(path: Path, lexicons: list[Path] | None = None) -> list[Mention]:
    """ingest + structure + a blank zh pipeline with kg_entities, as the pipeline runs it."""
    src = next(iter(read_corpus(path)))
    assert isinstance(src, SourceDocument)
    sdoc = structure_document(src)
    lexicon = load_lexicon(lexicons or [])
    nlp = spacy.blank("zh")
    nlp.user_data = {"kg_lexicon": lexicon}
    nlp.add_pipe("kg_entities")
    doc = nlp.make_doc(src.norm)
    doc._.kg_document, doc._.kg_lexicon, doc._.kg_mentions = sdoc, lexicon, []
    doc = nlp.get_pipe("kg_entities")(doc)
    return doc._.kg_mentions


@pytest.fixture
def extract(tmp_path):
    def _extract(text: str, lexicons: list[Path] | None = None) -> list[Mention]:
        p = tmp_path / "doc.txt"
        p.write_text(text, encoding="utf-8")
        mentions = run_component(p, lexicons)
        for m in mentions:  # offsets point at the surface, evidence at the sentence
            assert text[m.start:m.end] == m.text
            assert m.evidence.start == m.start and m.text in m.evidence.sentence
        return mentions
    return _extract


def names(mentions: list[Mention], label: str | None = None) -> set[str]:
    return {m.name for m in mentions if label is None or m.label == label}


# ------------------------------------------------------------------- agencies
def test_agency_names_from_heads_levels_and_stems(extract):
    ms = extract("经市交通运输局党组同意，召开会议。协调省文化和旅游厅尽快同意。与市公安交管局联合出台文件。"
                 "被市创文指挥部授予集体。积极搭建全市交通运输应急指挥中心。清远市交通运输局组织培训。")
    assert names(ms, "AGENCY") == {"市交通运输局党组", "省文化和旅游厅", "市公安交管局", "市创文指挥部",
                                   "交通运输应急指挥中心", "清远市交通运输局"}
    first = ms[0]
    assert (first.text, first.start, first.end, first.rule) == ("市交通运输局党组", 1, 9, "agency.head")


def test_a_merged_bureau_named_by_several_fields_keeps_every_field(extract):
    ms = extract("中心配合市文化广电新闻出版旅游局开展检查。县文化局、县新闻出版局联合开展宣传。")
    assert names(ms, "AGENCY") == {"市文化广电新闻出版旅游局", "县文化局", "县新闻出版局"}


def test_agency_party_bodies_masks_and_short_forms(extract):
    ms = extract("在市委市政府的领导下。我谨代表支队党委表示感谢。X执法大队开出罚单。"
                 "接受省交通运输厅初验。运用省厅新运政系统。厅党组提出要求。")
    agencies = {m.text: m for m in ms if m.label == "AGENCY"}
    assert set(agencies) == {"市委", "市政府", "支队党委", "X执法大队", "省交通运输厅", "省厅", "厅党组"}
    assert agencies["省厅"].name == "省交通运输厅" and agencies["省厅"].rule == "agency.short"
    assert agencies["X执法大队"].masked and not agencies["市委"].masked


def test_agencies_listed_before_a_collective_noun(extract):
    ms = extract("会同市公安交管、经信等七部门，对企业进行约谈。积极同公安、市场监管部门建立机制。")
    assert names(ms, "AGENCY") == {"市公安交管", "经信", "公安", "市场监管部门"}
    assert {m.rule for m in ms if m.name in ("经信", "公安")} == {"agency.list"}


def test_a_list_of_body_kinds_without_a_level_or_place_names_no_body(extract):
    ms = extract("形成交通、公安、应急、气象等部门联动保障的工作格局。与市场监管、城管等部门建立信息共享机制。"
                 "与公安交警等相关部门加强联合执法。")
    assert names(ms, "AGENCY") == {"公安交警"}


def test_generic_collectives_and_self_references_are_not_agencies(extract):
    ms = extract("全省各级交通运输部门认真贯彻。请相关部门和管理部门配合。行业管理部门加强监管。"
                 "我局加强领导，本局干部和支队同志们。市、县党委政府高度重视。局属各单位要落实。"
                 "上级交通运输主管部门给予指导。用好执法部门和执法机构的力量。各县（市、区）交通运输局：请各市州交通运输局、"
                 "各乡镇人民政府配合。")
    assert names(ms, "AGENCY") == set()


def test_a_shorter_head_is_tried_when_the_longest_names_nothing(extract):
    ms = extract("联合市公安局交警支队、市应急管理局开展联合执法。市纪委监委进行监督。")
    assert names(ms, "AGENCY") == {"市公安局交警支队", "市应急管理局", "市纪委监委"}


# -------------------------------------------------------------- organisations
def test_organisations_from_brand_and_head(extract):
    ms = extract("对滴滴公司进行约谈。指导试点企业天海石油集团公司建成司机之家。兼并了东风出行网约车。"
                 "据中国道路运输协会统计。顺强出租车驾驶员梁勇获奖。XX交职院与XX县政府共建基地。"
                 "XX机场集团有限公司共同推进。开展3场培训。")
    assert names(ms, "ORGANIZATION") == {"滴滴公司", "天海石油集团公司", "东风出行", "中国道路运输协会",
                                         "顺强出租车", "XX交职院", "XX机场集团有限公司"}
    assert "XX县政府" in names(ms, "AGENCY")


def test_generic_organisation_classes_are_not_names(extract):
    ms = extract("集中对全市小微客车租赁公司进行摸排。督促运输企业落实责任。成立合资公司。"
                 "提高了出租车驾驶员收入。保障群众出行需求。")
    assert names(ms, "ORGANIZATION") == set()


# ------------------------------------------------------------------ campaigns
def test_quoted_campaigns_keep_quotes_in_text_not_in_name(extract):
    ms = extract("认真落实“百日攻坚”行动要求。在全市开展“大战一百天、打非保平安”专项行动。"
                 "深入开展“我为群众办实事”实践活动。拓展“双十星”创建工作。深化交通运输领域“证照分离”改革。"
                 "开展“双建”促基层党建引领基层治理效能提升行动和学习宣传党的二十大活动。扎实开展“路政宣传月”。")
    got = {m.text: m.name for m in ms if m.label == "CAMPAIGN"}
    assert got == {
        "“百日攻坚”行动": "百日攻坚行动",
        "“大战一百天、打非保平安”专项行动": "大战一百天、打非保平安专项行动",
        "“我为群众办实事”实践活动": "我为群众办实事实践活动",
        "“双十星”创建工作": "双十星创建",
        "交通运输领域“证照分离”改革": "证照分离改革",  # a known reform, named after its field
        "“双建”促基层党建引领基层治理效能提升行动": "双建促基层党建引领基层治理效能提升行动",
        "学习宣传党的二十大活动": "学习宣传党的二十大活动",
        "“路政宣传月”": "路政宣传月",
    }


def test_campaign_boundaries_strip_verbs_and_keep_coordination_inside(extract):
    ms = extract("扎实开展交通执法领域突出问题专项整治行动，全面落实制度。"
                 "以开展道路交通安全和运输执法领域突出问题专项整治工作为契机。"
                 "高标准推进传统道路货运领域党的建设试点工作。继续贯彻落实新一轮基层党建三年行动计划。"
                 "今年开展执法转型年。持续深入开展岗位大练兵。")
    assert names(ms, "CAMPAIGN") == {"交通执法领域突出问题专项整治行动", "道路交通安全和运输执法领域突出问题专项整治",
                                     "传统道路货运领域党的建设试点", "新一轮基层党建三年行动计划", "执法转型年",
                                     "岗位大练兵"}


def test_bare_head_stands_for_the_documents_full_campaign(extract):
    ms = extract("开展交通运输执法领域突出问题专项整治，成效显著。可以说专项整治为我们争了光。")
    bare = [m for m in ms if m.text == "专项整治"]
    assert len(bare) == 1 and bare[0].name == "交通运输执法领域突出问题专项整治"
    assert bare[0].rule == "campaign.anaphor"
    assert names(extract("今年开展专项整治和执法行动，组织各类活动。")) == set()


def test_one_name_for_a_campaign_with_and_without_a_trailing_head(extract):
    ms = extract("开展道路交通安全和运输执法领域突出问题专项整治工作。在道路交通安全和运输执法领域突出问题专项整治行动中检查。")
    assert [m.name for m in ms] == ["道路交通安全和运输执法领域突出问题专项整治行动"] * 2
    assert ms[1].text.endswith("行动")


def test_the_shorter_surface_of_a_campaign_takes_its_full_name(extract):
    ms = extract("货运站超限超载专项整治阶段性总结。今年开展了为期60天的货运站超限超载专项整治行动。"
                 "开展“平安码头”创建活动，持续推进“平安码头”创建。")
    got = [m.name for m in ms if m.label == "CAMPAIGN"]
    assert got == ["货运站超限超载专项整治行动"] * 2 + ["平安码头创建活动"] * 2
    # a themed period keeps the period's own name
    ms = extract("组织“质量提升年”活动。“质量提升年”成效明显。")
    assert {m.name for m in ms if m.label == "CAMPAIGN"} == {"质量提升年"}


def test_slogans_goals_and_generic_activities_are_not_campaigns(extract):
    ms = extract("坚决捍卫“两个确立”，坚决做到“两个维护”，增强“四个意识”。坚持稳中求进工作总基调。"
                 "实现“一无两降”目标。通过“三不两清一消号”措施。开展最美货车司机评选和走访慰问活动。"
                 "举办新进人员队列训练、岗前培训活动。")
    assert names(ms) == {"最美货车司机评选"}


# ---------------------------------------------------------------- regulations
def test_titles_of_normative_documents_are_regulations(extract):
    ms = extract("认真贯彻落实交通运输部《小微型客车租赁经营服务管理办法》。对照《交通运输领域轻微违法行为依法免予"
                 "处罚高频事项清单（试行）》执行。印发了《进一步做好农村道路客运油补数据复核工作》。"
                 "收到市创文指挥部《感谢信》。作品《月乡苗伊》获奖。")
    regs = {m.name: m for m in ms if m.label == "REGULATION"}
    assert set(regs) == {"小微型客车租赁经营服务管理办法", "交通运输领域轻微违法行为依法免予处罚高频事项清单（试行）",
                         "进一步做好农村道路客运油补数据复核工作"}
    assert all(m.rule == "regulation.title" for m in regs.values())
    assert {"交通运输部", "市创文指挥部"} <= names(ms, "AGENCY")


def test_an_emergency_plan_or_an_outline_in_title_brackets_is_a_regulation(extract):
    ms = extract("严格落实《湖南省交通运输防汛抗旱应急预案》，督促驾培机构落实《机动车驾驶员培训教学与考试大纲》。")
    assert names(ms, "REGULATION") == {"湖南省交通运输防汛抗旱应急预案", "机动车驾驶员培训教学与考试大纲"}


def test_a_title_shortened_to_its_charter_is_a_regulation(extract):
    # 党章 is the short title of 中国共产党章程: a 《》 title ending in 章 is a charter
    ms = extract("要把学习《条例》与贯彻落实《党章》结合起来。组织党员认真学习《团章》。")
    assert names(ms, "REGULATION") == {"党章", "团章"}


def test_named_rule_sets(extract):
    ms = extract("严格执行“八六四”工作纪律。全面落实行政执法“六项制度”。出台道路运输“五条军规”。"
                 "督促企业严格按照船舶污染物接收、转运及处置联单制度做好台账。对照检查结果和问题清单整改。")
    assert names(ms, "REGULATION") == {"八六四工作纪律", "六项制度", "五条军规", "船舶污染物接收、转运及处置联单制度"}


def test_a_rule_set_word_before_a_word_of_its_weakness_is_no_head(extract):
    assert names(extract("剖析案发原因，深挖制度漏洞，补齐制度短板。"), "REGULATION") == set()


def test_rules_of_every_body_and_of_higher_law_are_no_named_rule_sets(extract):
    text = ("修订完善内控制度42项，健全内部管理制度，研究制定长效管理制度。"
            "《人员行为规范》等法规制度。对不符合上位法规定的文件予以废止。")
    assert names(extract(text), "REGULATION") == {"人员行为规范"}
    assert names(extract("落实局机关内部管理制度。"), "REGULATION") == {"局机关内部管理制度"}


def test_a_verb_before_a_bare_head_names_no_campaign(extract):
    assert names(extract("副市长出席并宣布行动启动。"), "CAMPAIGN") == set()


def test_a_lexicon_name_takes_the_words_before_its_quote(extract):
    ms = extract("全面推行行政执法“三项制度”。严格执行“第一议题”制度。")
    assert names(ms, "REGULATION") == {"行政执法三项制度", "第一议题制度"}
    # the quoted rule set is the mention, the field words before it are the name's only
    assert [m.text for m in ms if m.label == "REGULATION"] == ["“三项制度”", "“第一议题”制度"]
    assert names(extract("执法“三项制度”全面落地。"), "REGULATION") == {"行政执法三项制度"}


# --------------------------------------------------------------- user lexicon
def test_user_lexicon_adds_and_stop_suppresses(extract, tmp_path):
    text = "全力做好春运保障。经市交通运输局党组同意召开会议。"
    assert "春运" not in names(extract(text))
    user = tmp_path / "user.tsv"
    user.write_text("CAMPAIGN\t春运\nSTOP\t市交通运输局党组\n", encoding="utf-8")
    ms = extract(text, [user])
    assert [(m.label, m.text, m.rule) for m in ms] == [("CAMPAIGN", "春运", "lexicon")]


def test_user_alias_sets_the_canonical_name(extract, tmp_path):
    user = tmp_path / "user.tsv"
    user.write_text("AGENCY\t英德市交通运输局\t我市交通局|市交通局\n", encoding="utf-8")
    ms = extract("市交通局召开会议。", [user])
    assert [(m.text, m.name) for m in ms] == [("市交通局", "英德市交通运输局")]


# -------------------------------------------------------------- sample corpus
@lru_cache(maxsize=None)
def corpus_mentions() -> dict[str, list[Mention]]:
    lexicon = load_lexicon([])
    out = {}
    for src in read_corpus(CORPUS):
        assert isinstance(src, SourceDocument)
        out[src.name.split("_")[0]] = find_mentions(structure_document(src), lexicon)
    return out


def test_known_mentions_of_the_sample_corpus_with_offsets():
    ms = corpus_mentions()
    text004 = next(p for p in CORPUS.glob("004_*.txt")).read_text(encoding="utf-8")
    first = ms["004"][0]
    assert (first.label, first.text, first.start, first.end) == ("AGENCY", "英德市交通运输局", 0, 8)
    sheng = [m for m in ms["004"] if m.text == "省厅"]
    assert sheng and all(m.name == "省交通运输厅" for m in sheng)
    at = text004.index("北江航道扩能升级工程")
    assert any(m.start == at and m.name == "北江航道扩能升级工程" and m.label == "CAMPAIGN" for m in ms["004"])
    assert ("ORGANIZATION", "亨运集团") in {(m.label, m.name) for m in ms["000"]}
    assert ("REGULATION", "八六四工作纪律") in {(m.label, m.name) for m in ms["001"]}
    assert ("AGENCY", "厅党委") in {(m.label, m.name) for m in ms["003"]}
    for doc in ms.values():
        assert all(m.name and "“" not in m.name and "《" not in m.name for m in doc)
        assert not any(m.name in ("我局", "本局", "支队", "各级交通运输部门", "相关部门") for m in doc)


def _load_scorer():
    spec = importlib.util.spec_from_file_location("kg_gold_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not GOLD.is_dir() or not SCORER.exists(), reason="shared gold annotations not present")
def test_score_floor_on_the_gold():
    score = _load_scorer()
    from kg.ids import stable_id

    gold = score.load_gold(GOLD, CORPUS)
    totals = {t: [0, 0, 0] for t in score.ENTITY_TYPES}
    for key, g in gold.items():
        pred = {"entities": [{"type": m.label, "name": m.name, "text": m.text, "id": stable_id(m.label, m.name, key)}
                             for m in corpus_mentions()[key]]}
        for t, r in score.score_entities(g, pred, []).items():
            totals[t] = [a + b for a, b in zip(totals[t], (r["tp"], r["fp"], r["fn"]))]
    per_type = {t: score.prf(*v)["f1"] for t, v in totals.items()}
    overall = score.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))["f1"]
    assert overall >= 0.90, (overall, per_type)
    assert all(f >= 0.85 for f in per_type.values()), per_type


# ------------------------------------------- mechanisms found on unseen documents
def test_longest_agency_over_all_heads_and_the_documents_short_place_names(extract):
    ms = extract("联合市市场监督管理局开展检查。南平市综合执法支队会同南平海事局检查渡口。"
                 "会同县文化旅游广电体育局编制方案。联合市公安局水上分局开展整治。")
    got = names(ms, "AGENCY")
    assert {"市市场监督管理局", "南平海事局", "县文化旅游广电体育局", "市公安局水上分局"} <= got
    assert not got & {"监督管理局", "海事局", "会同县文化旅游广电体育局", "市公安局"}
    # without the full place name the short form is not a place: 南平 alone stays unread
    assert "南平海事局" not in names(extract("会同南平海事局检查渡口。"), "AGENCY")


def test_places_listed_before_one_body_name_each_name_a_body(extract):
    ms = extract("与武夷山市、邵武市交通运输综合执法大队建立协作机制。X市、XX市交通运输局作了交流发言。"
                 "市、县交通运输局要加强监管。")
    assert names(ms, "AGENCY") == {"武夷山市交通运输综合执法大队", "邵武市交通运输综合执法大队",
                                   "X市交通运输局", "XX市交通运输局"}


def test_campaign_names_with_stop_characters_route_works_and_lists(extract):
    ms = extract("深入开展安全生产治本攻坚三年行动。G207安化段改建工程完成路基工程XX公里。"
                 "开展安全宣传进企业、进站场活动12次。力争每个市州至少创建X个示范县。"
                 "推动临港物流园区创建省级示范物流园区。持续深化“港航先锋”党建品牌建设。聚焦在建工程等领域。")
    assert names(ms, "CAMPAIGN") == {"安全生产治本攻坚三年行动", "港航先锋党建品牌建设"}  # no 安化段改建工程 either


def test_a_title_may_end_with_a_year_range_note(extract):
    ms = extract("积极配合做好《XX市港口总体规划（2021-2035年）》修编报批工作。")
    assert names(ms, "REGULATION") == {"XX市港口总体规划（2021-2035年）"}


def test_lists_and_duty_rules_of_generic_words_are_no_rule_sets(extract):
    ms = extract("落实领导带班和24小时值班制度，建立问题清单、任务清单和责任清单，制定年度工作清单。"
                 "健全行业管理制度，对突出问题实行清单化管理，建立热点问题月度会商和督办通报制度，"
                 "落实汽车排放检验与维护制度。")
    assert names(ms, "REGULATION") == {"汽车排放检验与维护制度"}


def test_a_system_of_meetings_is_no_rule_set(extract):
    ms = extract("市交通运输局要建立项目要素保障联席会议制度，各方将建立季度会商制度，落实车辆例检制度。")
    assert names(ms, "REGULATION") == {"车辆例检制度"}
    assert names(extract("成立厅际联席会议制度，共排查整治铁路沿线隐患。"), "REGULATION") == set()


def test_a_verb_of_working_on_a_list_or_rule_set_opens_no_name(extract):
    ms = extract("党组织要深入学习贯彻中央八项规定精神，查处违反中央八项规定精神问题3起。"
                 "梳理问题清单18项，细化年度任务清单，编制年度普法责任清单，对路长制等作出规定。"
                 "各地总结行动成效，全面总结三年行动成效，系统梳理行动成效，全年抽检工程12项。")
    assert names(ms, "REGULATION") == {"中央八项规定", "年度普法责任清单"}
    assert names(ms, "CAMPAIGN") == set()


def test_a_comparison_or_a_declared_short_form_opens_no_name(extract):
    ms = extract("12328热线涉及非法营运的投诉件数较行动前下降38%。"
                 "在全市组织开展“利剑护航”百日行动（以下简称百日行动）。")
    assert names(ms, "CAMPAIGN") == {"利剑护航百日行动", "百日行动"}


def test_a_verb_inside_a_compound_noun_does_not_cut_a_name(extract):
    ms = extract("（二）开展窗口服务规范行动。培训从业人员460人次。浑南区新能源物流车推广应用试点中，我局牵头制定办法。"
                 "中心将继续开展巡游车、网约车服务质量专项整治。")
    assert names(ms, "CAMPAIGN") == {"窗口服务规范行动", "浑南区新能源物流车推广应用试点",
                                     "巡游车、网约车服务质量专项整治"}  # no 质量专项整治 fragment


def test_verbs_of_study_still_open_an_education_drive(extract):
    ms = extract("扎实开展深入贯彻中央八项规定精神学习教育，组织学习贯彻习近平新时代中国特色社会主义思想主题教育。")
    assert names(ms, "CAMPAIGN") == {"深入贯彻中央八项规定精神学习教育", "学习贯彻习近平新时代中国特色社会主义思想主题教育"}


def test_duty_rules_of_leaders_on_shift_are_no_rule_sets(extract):
    ms = extract("春运期间严格执行24小时值班和领导带班制度，大队严格落实领导带班和全天候值班制度。")
    assert names(ms, "REGULATION") == set()


def test_a_fields_duty_system_is_no_rule_set_unless_quoted(extract):
    ms = extract("督促企业落实全员安全生产责任制，通报全市交通运输系统目标责任制考核结果，全面落实“谁执法谁普法”普法责任制。")
    assert names(ms, "REGULATION") == {"谁执法谁普法普法责任制"}


def test_a_rectification_list_and_an_adverb_before_a_head_make_no_name(extract):
    ms = extract("公交公司要针对重复投诉问题，制定整改清单。力争局属党支部全部创建为“四强”党支部。")
    assert names(ms, "REGULATION") == set()
    assert not any(n.endswith("创建") for n in names(ms, "CAMPAIGN"))


def test_building_works_on_one_route_or_in_one_phase_are_no_programme(extract):
    ms = extract("完成S205湄潭至凤冈段改扩建工程等12个项目，延伸至农村公路安全生命防护工程。"
                 "港区二期工程完成投资2.3亿元，德山港区三期码头工程开工，G207安化段改建工程完工。")
    assert names(ms, "CAMPAIGN") == {"农村公路安全生命防护工程"}


def test_building_works_on_a_site_or_a_class_of_road_are_no_programme(extract):
    ms = extract("中心完成国省干线大中修工程28公里，实施国省道预防性养护工程48.6公里，皖河航道整治工程疏浚土方42万立方米，"
                 "洛栾高速扩容工程开工，福厦高铁配套工程完工，深入推进“四好农村路”提质工程和农村公路畅通工程。")
    assert names(ms, "CAMPAIGN") == {"四好农村路提质工程", "农村公路畅通工程"}


def test_works_of_a_field_or_a_kind_are_no_programme(extract):
    ms = extract("全年实施重点交通工程12项，全面加强在建交通工程安全质量管理，完成剩余路段的大修工程。"
                 "（三）公路水路工程。实施农村公路畅通工程和农村公路安全生命防护工程。")
    assert names(ms, "CAMPAIGN") == {"农村公路畅通工程", "农村公路安全生命防护工程"}


def test_the_results_of_a_creation_campaign_name_the_campaign(extract):
    ms = extract("巩固“畅通福路”示范路创建成果。")
    assert names(ms, "CAMPAIGN") == {"畅通福路示范路创建"}


def test_operating_rules_and_charters_in_title_brackets_are_regulations():
    from kg.extract.entities import find_candidates
    from kg.lexicon import default_lexicon
    text = "认真执行《客运站安全操作规程》和《协会章程》。"
    assert {c.name for c in find_candidates(text, default_lexicon(), text) if c.label == "REGULATION"} == {
        "客运站安全操作规程", "协会章程"}


def test_a_quoted_item_of_a_list_closed_as_rule_sets_is_a_regulation():
    from kg.extract.entities import find_candidates
    from kg.lexicon import default_lexicon
    text = "严格落实“两会一课”、谈心谈话等制度，坚持“两个维护”。"
    assert [(c.label, c.name) for c in find_candidates(text, default_lexicon(), text)] == [("REGULATION", "“两会一课”")]


def test_an_ordinal_word_stays_inside_a_rule_set_name():
    from kg.extract.entities import find_candidates
    from kg.lexicon import default_lexicon
    text = "制定第一责任人责任清单。"
    assert [c.name for c in find_candidates(text, default_lexicon(), text)] == ["第一责任人责任清单"]


def test_titles_listed_after_an_issuing_verb_or_before_rule_sets_are_all_regulations(extract):
    ms = extract("制定出台《某市客运执法裁量基准》《驾驶员服务守则》和《文明乘车公约》等5项制度。"
                 "印发《站务人员规范八条》。修订《执法工作手册》。阅读《平凡的世界》和《人民日报》。")
    assert names(ms, "REGULATION") == {"某市客运执法裁量基准", "驾驶员服务守则", "文明乘车公约",
                                       "站务人员规范八条", "执法工作手册"}


def test_a_verb_straddling_two_words_does_not_eat_a_names_first_character(extract):
    ms = extract("严格落实行政执法三项制度。全面推行行政执法三项制度。")
    assert names(ms, "REGULATION") == {"行政执法三项制度"}


def test_a_quoted_rule_set_being_carried_out_is_named_and_a_quoted_plan_is_not(extract):
    ms = extract("实地查看客运站“三不进站、六不出站”制度落实情况。要围绕“十五五”规划编制，谋划储备项目。")
    assert names(ms, "REGULATION") == {"三不进站、六不出站制度"}


def test_a_branch_of_an_association_keeps_its_parents_name(extract):
    ms = extract("市局与四川省道路运输协会南充分会建立行业自律机制。各县区设分会场。")
    assert names(ms, "ORGANIZATION") == {"四川省道路运输协会南充分会"}


def test_a_title_that_counts_its_prohibitions_is_a_code_of_conduct(extract):
    ms = extract("严格执行《交通运输行政执法人员“十不准”》和《公路养护作业“十条禁令”》，阅读《十万个为什么》。")
    assert names(ms, "REGULATION") == {"交通运输行政执法人员十不准", "公路养护作业十条禁令"}


def test_a_verb_of_taking_or_agreeing_opens_no_name(extract):
    ms = extract("威县引入威县通达公交有限公司运营城乡公交。会议同意天水市道路运输协会承办竞赛。"
                 "内丘县交通运输局参照交通运输部的做法开展评选。")
    assert names(ms, "ORGANIZATION") == {"威县通达公交有限公司", "天水市道路运输协会"}
    assert names(ms, "AGENCY") == {"内丘县交通运输局", "交通运输部"}
    ms = extract("局领导陪同宜昌公交集团有限责任公司负责人调研，邀请宜昌市出租汽车协会参加，表彰湖北中通快递有限公司。")
    assert names(ms, "ORGANIZATION") == {"宜昌公交集团有限责任公司", "宜昌市出租汽车协会", "湖北中通快递有限公司"}


def test_a_duration_with_its_number_opens_a_rule_sets_name(extract):
    # round 25: 24小时值班值守制度 keeps its number (the duration is part of the name)
    assert names(extract("严格落实24小时值班值守制度。"), "REGULATION") == {"24小时值班值守制度"}


def test_a_party_committees_inspection_group_or_office_and_a_planning_section(extract):
    # round 25: 巡察组/巡察办 after the committee that sends it need no number; 计划 is a department's field
    assert "市委巡察办" in names(extract("根据市委巡察办反馈意见，巡察组组长讲话。"), "AGENCY")
    assert "市委巡察组" in names(extract("全年办理市委巡察组移交问题。"), "AGENCY")
    assert "局计划建设科" in names(extract("纪检监察组会同局计划建设科开展检查。"), "AGENCY")
    assert not names(extract("按照工作计划部署，计划投资5亿元，完成计划的90%。"), "AGENCY")


def test_a_measure_word_after_digits_goes_with_its_number_not_the_name(extract):
    # round 30: 5.5公里安防工程 gave 公里安防工程; a year (2024年春运) and a duration stay in the name
    ms = extract("确保年底前完成剩余5.5公里安防工程和2座危桥改造工程。推进2420万元农村公路提质工程。")
    assert not {n for n in names(ms) if n[:1] in "公座万元"}
    assert names(extract("全力做好2024年春运保障。"), "CAMPAIGN") == {"2024年春运"}


def test_a_verb_of_docking_ends_before_a_company_or_body(extract):
    # round 30: 积极对接河南交通投资集团有限公司 gave 接河南交通投资集团有限公司
    ms = extract("积极对接河南交通投资集团有限公司，谋划推进前期工作。主动衔接湖南省交通运输厅。")
    assert names(ms, "ORGANIZATION") == {"河南交通投资集团有限公司"}
    assert "湖南省交通运输厅" in names(ms, "AGENCY")


def test_a_verb_of_seeking_covering_opening_or_keeping_or_a_minority_opens_no_name(extract):
    # round 34: 争取国家开发银行河北省分行, 覆盖中小学校, 希望协会, 少数分公司, 严守中央八项规定, 共查阅运营管理制度
    ms = extract("四是争取国家开发银行河北省分行等金融机构支持。宣讲覆盖中小学校24所。开通大学城通勤专线4条。"
                 "局长希望协会加强行业自律。三是少数分公司隐患整改不及时，个别驾校管理松散。")
    assert names(ms, "ORGANIZATION") == {"国家开发银行河北省分行"}
    ms = extract("严守中央八项规定及其实施细则精神。评估组共查阅运营管理制度和台账资料2860份。")
    assert "中央八项规定" in names(ms, "REGULATION")
    assert not {n for n in names(ms) if n.startswith(("严守", "查阅", "共查阅"))}


def test_a_lake_or_port_before_a_maritime_body_or_a_terminal_company_is_in_the_name(extract):
    # round 30: 郴州东江湖海事处 gave 海事处, 北部湾港钦州码头有限公司 gave 钦州码头有限公司
    ms = extract("配合郴州东江湖海事处检查船舶。协调北部湾港钦州码头有限公司开展演练。长江万州海事局参加。")
    assert {"郴州东江湖海事处", "长江万州海事局"} <= names(ms, "AGENCY")
    assert names(ms, "ORGANIZATION") == {"北部湾港钦州码头有限公司"}


def test_a_list_of_problems_tasks_or_projects_is_no_rule_set(extract):
    # round 30: 列出问题清单, 县三级任务清单, 民生实事清单, 项目清单 were regulations; a duty list stays
    ms = extract("对照《条例》列出问题清单12条。明确省、市、县三级任务清单。梳理民生实事清单15项。"
                 "研究确定全市交通运输重点项目清单。制定班子成员一岗双责清单。")
    assert names(ms, "REGULATION") == {"班子成员一岗双责清单"}
