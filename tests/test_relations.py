"""Relation extraction (kg/extract/relations.py): verb frames, subjects, self-references."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.extract.relations import RelationExtractor, extract_relations
from kg.extract.selfref import find_self_references
from kg.extract.triggers import load_triggers
from kg.ingest import read_document
from kg.model import Mention, StructuredDocument
from kg.structure import structure_document

import helpers

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "annotation" / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

EXTRACTOR = RelationExtractor()


def make_doc(tmp_path: Path, text: str, author: str | None) -> StructuredDocument:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    sdoc.meta.author = author
    return sdoc


def mentions_of(sdoc: StructuredDocument, spec: dict[str, str]) -> list[Mention]:
    """Mentions for every occurrence of each surface form (``{form: label}``), longest first."""
    text = sdoc.source.text
    taken = [False] * len(text)
    out = []
    for form, label in sorted(spec.items(), key=lambda kv: -len(kv[0])):
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not any(taken[at:end]):
                taken[at:end] = [True] * (end - at)
                name = form.replace("“", "").replace("”", "").strip("《》")
                out.append(Mention(sdoc.name, label, form, at, end, name, sdoc.evidence(at, end)))
            at = text.find(form, at + 1)
    return sorted(out, key=lambda m: m.start)


def triples(result) -> set[tuple[str, str, str]]:
    return {(r.rel, r.head.name, r.tail.name) for r in result.relations}


AUTHOR = "某市交通运输局"
TITLE = f"{AUTHOR}2023年上半年工作总结\n"


def test_conducts_without_subject_goes_to_author(tmp_path):
    sdoc = make_doc(tmp_path, TITLE + "一是扎实开展“百日攻坚”行动，全面整治非法营运。\n", AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: "AGENCY", "“百日攻坚”行动": "CAMPAIGN"}))
    assert triples(res) == {("CONDUCTS", AUTHOR, "百日攻坚行动")}
    rel = res.relations[0]
    assert rel.trigger == "开展"
    assert "扎实开展" in rel.evidence.sentence
    assert rel.head.start == 0  # the author's mention in the title


def test_explicit_subject_in_clause_wins_over_author(tmp_path):
    text = TITLE + "省交通运输厅部署开展交通运输执法领域突出问题专项整治行动。我局积极推进岗位大练兵。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "省交通运输厅": "AGENCY", "交通运输执法领域突出问题专项整治行动": "CAMPAIGN",
            "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {
        ("CONDUCTS", "省交通运输厅", "交通运输执法领域突出问题专项整治行动"),
        ("CONDUCTS", AUTHOR, "岗位大练兵"),
    }


def test_self_reference_resolves_to_author_and_becomes_a_mention(tmp_path):
    sdoc = make_doc(tmp_path, TITLE + "截至6月底，我局制定了《网约车管理实施细则》，并印发执行。\n", AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {"《网约车管理实施细则》": "REGULATION"}))
    assert triples(res) == {("ISSUES", AUTHOR, "网约车管理实施细则")}
    head = res.relations[0].head
    assert head.self_ref and head.text == "我局" and head.name == AUTHOR and head.label == "AGENCY"
    assert head in res.added and head in res.mentions
    assert head.evidence.sentence.startswith("截至6月底")


def test_bare_unit_is_self_reference_only_for_that_author():
    text = "支队一次性更新了X台执法车辆，执法支队配合，我们坚持，支队长讲话。"
    got = [text[r.start:r.end] for r in find_self_references(text, "十堰市道路运输执法支队")]
    assert got == ["支队", "我们"]
    assert [text[r.start:r.end] for r in find_self_references(text, "某市交通运输局")] == ["我们"]
    assert find_self_references(text, None) == []


def test_coordinated_objects_share_the_verb(tmp_path):
    text = TITLE + "开展“双建”促基层党建引领行动和学习宣传党的二十大活动，扎实开展“路政宣传月”、公路限高设施等专项整治活动。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "“双建”促基层党建引领行动": "CAMPAIGN", "学习宣传党的二十大活动": "CAMPAIGN",
            "“路政宣传月”": "CAMPAIGN", "公路限高设施等专项整治活动": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert {t for _, _, t in triples(res)} == {"双建促基层党建引领行动", "学习宣传党的二十大活动", "路政宣传月",
                                               "公路限高设施等专项整治活动"}
    assert all(r.rel == "CONDUCTS" and r.head.name == AUTHOR for r in res.relations)


def test_cooperation_frames(tmp_path):
    text = TITLE + ("会同市公安局、市场监管局对滴滴公司进行约谈。与市公安交管局联合出台公路治超文件。"
                    "积极同公安交警、海事部门，建立联合执法机制。市公安局和市场监管局参加会议。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市场监管局": "AGENCY", "滴滴公司": "ORGANIZATION",
            "市公安交管局": "AGENCY", "公安交警": "AGENCY", "海事部门": "AGENCY"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    coop = {t for r, h, t in triples(res) if r == "COOPERATES_WITH" and h == AUTHOR}
    assert coop == {"市公安局", "市场监管局", "市公安交管局", "公安交警", "海事部门"}
    assert "滴滴公司" not in {t for _, _, t in triples(res)}


def test_coordinated_subjects_all_act_and_cooperate(tmp_path):
    text = TITLE + "市公安局和市场监管局联合开展“百日攻坚”行动。市公安局与滴滴公司共同推进岗位大练兵。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市场监管局": "AGENCY", "滴滴公司": "ORGANIZATION",
            "“百日攻坚”行动": "CAMPAIGN", "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {
        ("CONDUCTS", "市公安局", "百日攻坚行动"), ("CONDUCTS", "市场监管局", "百日攻坚行动"),
        ("COOPERATES_WITH", "市公安局", "市场监管局"),
        ("CONDUCTS", "市公安局", "岗位大练兵"), ("COOPERATES_WITH", "市公安局", "滴滴公司"),
        ("CONDUCTS", "滴滴公司", "岗位大练兵"),  # A 与 B 共同推进 X: B carries X out too
    }


def test_an_organisation_first_among_coordinated_subjects_cooperates_with_the_agency_after_it(tmp_path):
    text = TITLE + "市出租汽车协会、市运输服务中心联合向全市驾驶员发出倡议。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市出租汽车协会": "ORGANIZATION", "市运输服务中心": "AGENCY"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {("COOPERATES_WITH", "市运输服务中心", "市出租汽车协会")}


def test_verb_used_as_attribute_names_its_own_agent(tmp_path):
    text = TITLE + "积极参加省交通运输厅组织开展的“百日攻坚”行动。市公安局部署的岗位大练兵取得成效。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "省交通运输厅": "AGENCY", "市公安局": "AGENCY",
            "“百日攻坚”行动": "CAMPAIGN", "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {
        ("CONDUCTS", "省交通运输厅", "百日攻坚行动"), ("CONDUCTS", AUTHOR, "百日攻坚行动"),
        ("CONDUCTS", "市公安局", "岗位大练兵"),
    }
    assert {r.trigger for r in res.relations} == {"开展", "参加", "部署"}


def test_agency_before_title_issued_it_but_applying_a_title_is_not_issuing(tmp_path):
    text = TITLE + "认真贯彻落实交通运输部《小微型客车租赁经营服务管理办法》。按照《安全生产法》要求开展检查。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "交通运输部": "AGENCY", "《小微型客车租赁经营服务管理办法》": "REGULATION",
            "《安全生产法》": "REGULATION"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {("ISSUES", "交通运输部", "小微型客车租赁经营服务管理办法")}


def test_bodies_before_an_attributive_issuing_verb_all_issue_the_title(tmp_path):
    text = TITLE + ("会议宣读了市公安局与市应急管理局联合制定的《冬季安全工作方案》。"
                    "学习了市总工会、市财政局印发的《职工疗休养办法》。"
                    "市人社局与县教育局交流了省人社厅印发的《技能培训规定》。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市应急管理局": "AGENCY", "市总工会": "AGENCY",
            "市财政局": "AGENCY", "市人社局": "AGENCY", "县教育局": "AGENCY", "省人社厅": "AGENCY",
            "《冬季安全工作方案》": "REGULATION", "《职工疗休养办法》": "REGULATION", "《技能培训规定》": "REGULATION"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    issues = {t for t in triples(res) if t[0] == "ISSUES"}
    assert issues == {
        ("ISSUES", "市公安局", "冬季安全工作方案"), ("ISSUES", "市应急管理局", "冬季安全工作方案"),
        ("ISSUES", "市总工会", "职工疗休养办法"), ("ISSUES", "市财政局", "职工疗休养办法"),
        ("ISSUES", "省人社厅", "技能培训规定"),
    }


def test_setting_up_a_system_is_not_issuing_it(tmp_path):
    text = TITLE + "市公安局会同市应急管理局建立了联席会议制度，制定了《联合执法工作规范》。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市应急管理局": "AGENCY",
            "联席会议制度": "REGULATION", "《联合执法工作规范》": "REGULATION"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert {t for t in triples(res) if t[0] == "ISSUES"} == {("ISSUES", "市公安局", "联合执法工作规范")}


def test_the_bodies_whose_deployment_a_sentence_follows_carry_the_campaign_out(tmp_path):
    text = TITLE + ("根据省应急管理厅、省交通运输厅和省公安厅关于开展2024年全省“平安出行”百日行动的统一部署，"
                    "我局开展检查。按照市公安局关于“春雷”治超行动的部署要求，我局加强路面执法。"
                    "按照省交通运输厅要求，我局启动“护路”专项行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "省应急管理厅": "AGENCY", "省交通运输厅": "AGENCY", "省公安厅": "AGENCY",
            "市公安局": "AGENCY", "“平安出行”百日行动": "CAMPAIGN", "“春雷”治超行动": "CAMPAIGN",
            "“护路”专项行动": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert {t for t in triples(res) if t[0] == "CONDUCTS"} == {
        ("CONDUCTS", body, "平安出行百日行动") for body in ("省应急管理厅", "省交通运输厅", "省公安厅", AUTHOR)
    } | {("CONDUCTS", "市公安局", "春雷治超行动"), ("CONDUCTS", AUTHOR, "春雷治超行动"),
         ("CONDUCTS", AUTHOR, "护路专项行动")}


def test_a_title_issued_by_an_agent_after_it_whether_or_not_its_marks_are_in_the_name(tmp_path):
    text = TITLE + "《举报奖励办法》由市公安局印发。《信用评价办法》由市财政局印发。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市财政局": "AGENCY",
            "举报奖励办法": "REGULATION", "《信用评价办法》": "REGULATION"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert {t for t in triples(res) if t[0] == "ISSUES"} == {
        ("ISSUES", "市公安局", "举报奖励办法"), ("ISSUES", "市财政局", "信用评价办法")}


def test_no_trigger_no_relation(tmp_path):
    text = TITLE + "“百日攻坚”行动取得明显成效，省交通运输厅和《道路运输条例》都被提到。X县获评“城乡交通运输一体化示范县”。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "“百日攻坚”行动": "CAMPAIGN", "省交通运输厅": "AGENCY",
            "《道路运输条例》": "REGULATION", "“城乡交通运输一体化示范县”": "CAMPAIGN"}
    assert extract_relations(sdoc, mentions_of(sdoc, spec)).relations == []


def test_post_verb_during_frame_and_negation(tmp_path):
    text = TITLE + ("“双千”活动和“百吨王”专项整治深入开展。在路政宣传月期间，查处案件X起。"
                    "部分单位未开展岗位大练兵。岗位大练兵取得成效。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "“双千”活动": "CAMPAIGN", "“百吨王”专项整治": "CAMPAIGN",
            "路政宣传月": "CAMPAIGN", "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {("CONDUCTS", AUTHOR, t) for t in ("双千活动", "百吨王专项整治", "路政宣传月")}
    assert {r.trigger for r in res.relations} == {"开展", "在…期间"}


@pytest.mark.parametrize("verb, governs", [("统筹部署安全工作", True), ("高度重视安全工作", False)])
def test_subject_of_a_heading_governs_its_body_when_it_acts_there(tmp_path, verb, governs):
    from kg.model import Section

    heading = "（一）省交通运输厅" + verb
    text = TITLE + heading + "\n深入开展“百日攻坚”行动。\n（二）加强党建\n深入开展岗位大练兵。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    h1, h2 = text.index(heading), text.index("（二）")
    sdoc.sections = [
        Section("s1", sdoc.name, 2, "（一）", heading[3:], h1, h2, h1 + 3, h1 + len(heading), None, 0),
        Section("s2", sdoc.name, 2, "（二）", "加强党建", h2, len(text), h2 + 3, h2 + 7, None, 1),
    ]
    spec = {AUTHOR: "AGENCY", "省交通运输厅": "AGENCY", "“百日攻坚”行动": "CAMPAIGN", "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    agent = "省交通运输厅" if governs else AUTHOR
    assert triples(res) == {("CONDUCTS", agent, "百日攻坚行动"), ("CONDUCTS", AUTHOR, "岗位大练兵")}


def test_unknown_author_is_not_invented(tmp_path):
    text = "工作总结\n我局扎实开展“百日攻坚”行动。市公安局组织开展岗位大练兵。\n"
    sdoc = make_doc(tmp_path, text, None)
    spec = {"“百日攻坚”行动": "CAMPAIGN", "市公安局": "AGENCY", "岗位大练兵": "CAMPAIGN"}
    res = extract_relations(sdoc, mentions_of(sdoc, spec))
    assert triples(res) == {("CONDUCTS", "市公安局", "岗位大练兵")}
    assert res.added == [] and not any(m.self_ref for m in res.mentions)


def test_pipeline_component_appends_relations_and_self_mentions(tmp_path):
    from kg.extract import build_nlp

    nlp = build_nlp()
    sdoc = make_doc(tmp_path, TITLE + "我局深入推进“放管服”改革。\n", AUTHOR)
    doc = nlp.make_doc(sdoc.source.norm)
    doc._.kg_document = sdoc
    doc._.kg_mentions = mentions_of(sdoc, {"“放管服”改革": "CAMPAIGN"})
    doc._.kg_relations = []
    doc = nlp.get_pipe("kg_relations")(doc)
    assert [(r.rel, r.head.text, r.tail.name) for r in doc._.kg_relations] == [("CONDUCTS", "我局", "放管服改革")]
    assert any(m.self_ref and m.text == "我局" for m in doc._.kg_mentions)


def test_trigger_file_rejects_bad_rows(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("CONDUCTS\t开展\tpre\nKNOWS\t认识\tpre\n", encoding="utf-8")
    with pytest.raises(ValueError, match="t.tsv:2"):
        load_triggers([bad])
    assert "开展" in load_triggers().get("CONDUCTS", "pre")


# ---------------------------------------------------------------- gold floor
def _scorer():
    spec = importlib.util.spec_from_file_location("kg_gold_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold_mentions(sdoc: StructuredDocument, gold: dict) -> list[Mention]:
    text = sdoc.source.text
    forms = sorted(((f, e) for e in gold["entities"] for f in {e["name"], *e.get("mentions", [])}),
                   key=lambda fe: -len(fe[0]))
    taken = [False] * len(text)
    out = []
    for form, ent in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not any(taken[at:end]):
                taken[at:end] = [True] * (end - at)
                out.append(Mention(sdoc.name, ent["type"], form, at, end, ent["name"], sdoc.evidence(at, end)))
            at = text.find(form, at + 1)
    return out


@pytest.mark.skipif(not (GOLD.is_dir() and SCORER.is_file()), reason="shared gold not mounted")
def test_gold_relation_score_floor_on_gold_mentions():
    """Relation rules in isolation (gold entity mentions, gold author): F1 floor per type."""
    score = _scorer()
    totals = {t: [0, 0, 0] for t in ("CONDUCTS", "ISSUES", "COOPERATES_WITH")}
    for gold_path in sorted(GOLD.glob("0*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = CORPUS / gold["doc"]
        sdoc = structure_document(read_document(path, CORPUS))
        sdoc.meta.author = sdoc.meta.author or gold["author"]
        res = EXTRACTOR.extract(sdoc, _gold_mentions(sdoc, gold))
        pred = {"relations": sorted({(r.rel, r.head.name, r.tail.name) for r in res.relations})}
        pred["relations"] = [{"rel": r, "from": h, "to": t} for r, h, t in pred["relations"]]
        g = score.load_gold(GOLD, CORPUS)[gold_path.stem]
        for rel, prf in score.score_relations(g, pred, []).items():
            if rel in totals:
                for i, k in enumerate(("tp", "fp", "fn")):
                    totals[rel][i] += prf[k]
    f1 = {rel: score.prf(*v)["f1"] for rel, v in totals.items()}
    overall = score.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))["f1"]
    assert all(v >= 0.8 for v in f1.values()), f1
    assert overall >= 0.85, (overall, f1)


@pytest.mark.skipif(not (GOLD.is_dir() and SCORER.is_file()), reason="shared gold not mounted")
def test_gold_relation_score_floor_end_to_end():
    """ingest + structure + extract (entities from kg_entities, author from the structure stage)."""
    from kg.extract import build_nlp, extract_document

    score = _scorer()
    nlp = build_nlp()
    golds = score.load_gold(GOLD, CORPUS)
    totals = {t: [0, 0, 0] for t in ("CONDUCTS", "ISSUES", "COOPERATES_WITH")}
    for key, g in golds.items():
        ext = extract_document(structure_document(read_document(CORPUS / g["doc"], CORPUS)), nlp)
        rels = sorted({(r.rel, r.head.name, r.tail.name) for r in ext.relations if r.rel in totals})
        pred = {"relations": [{"rel": r, "from": h, "to": t} for r, h, t in rels]}
        for rel, prf in score.score_relations(g, pred, []).items():
            if rel in totals:
                for i, k in enumerate(("tp", "fp", "fn")):
                    totals[rel][i] += prf[k]
    f1 = {rel: score.prf(*v)["f1"] for rel, v in totals.items()}
    overall = score.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))["f1"]
    assert all(v >= 0.6 for v in f1.values()), f1
    assert overall >= 0.75, (overall, f1)


def test_parties_of_an_agreement_conduct_what_both_sides_do(tmp_path):
    text = TITLE + ("某市交通运输局与某某集团有限公司签署战略合作协议。\n"
                    "根据协议，双方将联合开展“平安路网”专项行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {
        "某市交通运输局": "AGENCY", "某某集团有限公司": "ORGANIZATION", "“平安路网”专项行动": "CAMPAIGN"}))
    got = {h for r, h, t in triples(res) if r == "CONDUCTS" and t == "平安路网专项行动"}
    assert got == {"某市交通运输局", "某某集团有限公司"}


def test_a_count_of_departments_stands_for_the_parties_of_an_agreement(tmp_path):
    text = TITLE + ("某市交通运输局与某市气象局、某市公安局交警支队签署合作协议。\n"
                    "近年来，三部门协同开展“平安路网”专项行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {
        "某市交通运输局": "AGENCY", "某市气象局": "AGENCY", "某市公安局交警支队": "AGENCY",
        "“平安路网”专项行动": "CAMPAIGN"}))
    got = {h for r, h, t in triples(res) if r == "CONDUCTS" and t == "平安路网专项行动"}
    assert got == {"某市交通运输局", "某市气象局", "某市公安局交警支队"}
    # a count that is not the parties' counts a list of its own; the parties of another section are not meant
    spec = {"我局": "AGENCY", AUTHOR: "AGENCY", "市气象局": "AGENCY", "市交通运输局": "AGENCY", "市公安局": "AGENCY",
            "市应急管理局": "AGENCY", "“平安路网”专项行动": "CAMPAIGN"}
    for body in ["我局与市气象局签订合作协议。市交通运输局、市公安局和市应急管理局签署联动协议。"
                 "三部门将联合开展“平安路网”专项行动。\n",
                 "一、签订协议\n我局与市气象局、市公安局签订合作协议。\n二、开展行动\n"
                 "三部门将联合开展“平安路网”专项行动。\n"]:
        sdoc = make_doc(tmp_path, TITLE + body, AUTHOR)
        res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, spec))
        got = {h for r, h, t in triples(res) if r == "CONDUCTS" and t == "平安路网专项行动"}
        assert "市气象局" not in got, body


def test_parties_opening_a_clause_without_a_mention_act_in_the_clause_after_it(tmp_path):
    text = TITLE + ("某市交通运输局与某市气象局签署合作协议。\n"
                    "局长表示，双方将以此为契机，联合开展“平安路网”专项行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {
        "某市交通运输局": "AGENCY", "某市气象局": "AGENCY", "“平安路网”专项行动": "CAMPAIGN"}))
    got = {h for r, h, t in triples(res) if r == "CONDUCTS" and t == "平安路网专项行动"}
    assert got == {"某市交通运输局", "某市气象局"}


def test_parties_come_from_an_a_with_b_clause_not_a_partner_list(tmp_path):
    # 联合 X (the author the subject) is no 'A 与 B' agreement: 双方 still means the signing parties
    text = TITLE + ("某市交通运输局与某职业技术学院签署合作协议。\n"
                    "某市交通运输局将联合某市公路中心开展培训。双方将共同开展“数字交通”创建活动。\n"
                    "第三方将开展“诚信经营”评选活动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {
        "某市交通运输局": "AGENCY", "某职业技术学院": "ORGANIZATION", "某市公路中心": "AGENCY",
        "“数字交通”创建活动": "CAMPAIGN", "“诚信经营”评选活动": "CAMPAIGN"}))
    conducts = {(h, t) for r, h, t in triples(res) if r == "CONDUCTS"}
    assert {h for h, t in conducts if t == "数字交通创建活动"} == {"某市交通运输局", "某职业技术学院"}
    assert ("某职业技术学院", "诚信经营评选活动") not in conducts


def test_a_title_opening_with_a_body_and_guanyu_is_issued_by_that_body():
    text = "现将《甲部办公厅关于开展安全检查的通知》转发给你们。乙局印发《关于加强管理的意见》。"
    sdoc = helpers.make_doc("r.txt", text, author="丙省交通运输厅")
    spec = [helpers.mention(sdoc, "REGULATION", "甲部办公厅关于开展安全检查的通知"), helpers.mention(sdoc, "AGENCY", "甲部办公厅"),
            helpers.mention(sdoc, "AGENCY", "乙局"), helpers.mention(sdoc, "REGULATION", "关于加强管理的意见")]
    res = extract_relations(sdoc, sorted(spec, key=lambda m: (m.start, -m.end)))
    got = {(r.head.name, r.tail.name) for r in res.relations if r.rel == "ISSUES"}
    # the relaying author issues nothing; a title without a body before 关于 is issued by the verb's subject
    assert got == {("甲部办公厅", "甲部办公厅关于开展安全检查的通知"), ("乙局", "关于加强管理的意见")}


def test_partners_of_a_joint_verb_after_yu_act_and_sign_too(tmp_path):
    # A 与 B、C 联合印发《X》: B and C co-sign X; A 与 B 将联合开展 X: a modal adverb before the joint word
    text = TITLE + ("我局与市公安局、市发展改革委联合印发《货车违法超限运输联合惩戒办法》。"
                    "市交通运输局与市公安局将联合开展“亮灯行动”。与市公安局开展“净路”行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市交通运输局": "AGENCY", "市公安局": "AGENCY", "市发展改革委": "AGENCY",
            "《货车违法超限运输联合惩戒办法》": "REGULATION", "“亮灯行动”": "CAMPAIGN", "“净路”行动": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    law = "货车违法超限运输联合惩戒办法"
    assert {h for r, h, t in got if r == "ISSUES" and t == law} == {AUTHOR, "市公安局", "市发展改革委"}
    assert {h for r, h, t in got if r == "CONDUCTS" and t == "亮灯行动"} == {"市交通运输局", "市公安局"}
    # no joint word: the partner after 与 does not carry the campaign out
    assert {h for r, h, t in got if r == "CONDUCTS" and t == "净路行动"} == {AUTHOR}


def test_a_pivot_object_whose_verb_comes_in_the_next_clause_acts_there(tmp_path):
    # 督促 X 以…为重点，组织开展 Y: X carries Y out; 指导 X，开展 Y: X is only the object, the author acts
    text = TITLE + ("督促局党组以《纪律处分条例》为重点，组织开展党纪学习教育，局机关党委举办读书班3期。"
                    "指导市道路运输协会，开展“百日攻坚”行动。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "局党组": "AGENCY", "局机关党委": "AGENCY", "市道路运输协会": "ORGANIZATION",
            "《纪律处分条例》": "REGULATION", "党纪学习教育": "CAMPAIGN", "“百日攻坚”行动": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {(h, t) for r, h, t in got if r == "CONDUCTS"} == {("局党组", "党纪学习教育"), (AUTHOR, "百日攻坚行动")}


def test_an_organisation_cooperating_with_an_agency_gives_the_agency_as_head(tmp_path):
    # COOPERATES_WITH runs from an AGENCY: 协会配合厅运输服务处开展… is the 处 cooperating with the 协会
    text = TITLE + "湖南省道路运输协会配合厅运输服务处开展企业质量信誉考核。市公交集团有限公司与市出租汽车协会联合开展培训。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "湖南省道路运输协会": "ORGANIZATION", "厅运输服务处": "AGENCY",
            "市公交集团有限公司": "ORGANIZATION", "市出租汽车协会": "ORGANIZATION"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {t for t in got if t[0] == "COOPERATES_WITH"} == {("COOPERATES_WITH", "厅运输服务处", "湖南省道路运输协会")}


def test_places_opening_a_clause_are_its_subject_not_the_author(tmp_path):
    # 常德市、郴州市和怀化市辰溪县成功创建 X / 长沙、株洲、湘潭三市推行 Y: the places act, not the author;
    # a place inside a body's name (长沙市交通运输局) or after 在 is no such subject
    text = TITLE + ("常德市、郴州市和怀化市辰溪县成功创建“四好农村路”示范市。长沙、株洲、湘潭三市推行“绿色出行”宣传月。"
                    "长沙市交通运输局开展“春风”行动。在长沙市开展“百日攻坚”行动。宾阳县以“四好农村路”创建为抓手，养护公路10公里。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "长沙市交通运输局": "AGENCY", "“四好农村路”示范市": "CAMPAIGN",
            "“绿色出行”宣传月": "CAMPAIGN", "“春风”行动": "CAMPAIGN", "“百日攻坚”行动": "CAMPAIGN",
            "“四好农村路”创建": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {(h, t) for r, h, t in got if r == "CONDUCTS"} == {("长沙市交通运输局", "春风行动"), (AUTHOR, "百日攻坚行动")}


def test_places_before_adverbs_or_a_bare_deng_are_the_subject_not_the_author(tmp_path):
    # 兰州市、天水市要继续推进 X (several adverbs); 成都市、绵竹市等已开展 Y (a list closed by 等 with no count)
    text = TITLE + "兰州市、天水市、酒泉市要继续推进“公交都市”创建。成都市、绵竹市等已开展“金通工程”建设。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "“公交都市”创建": "CAMPAIGN", "“金通工程”建设": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert not any(r == "CONDUCTS" for r, _, _ in got)


def test_the_partner_assisted_in_drafting_a_title_issues_it_after_yanjiu(tmp_path):
    # 配合 B 研究制定《X》: B drafts X (研究 does not part B from the verb); 联合 B 研究制定: B only helps
    text = TITLE + "配合市公安局研究制定《网约车驾驶员从业行为规范》。联合市财政局研究制定《农村公路养护资金补助办法》。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市公安局": "AGENCY", "市财政局": "AGENCY",
            "《网约车驾驶员从业行为规范》": "REGULATION", "《农村公路养护资金补助办法》": "REGULATION"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert ("ISSUES", "市公安局", "网约车驾驶员从业行为规范") in got
    assert {h for r, h, t in got if r == "ISSUES" and t == "农村公路养护资金补助办法"} == {AUTHOR}


def test_partners_of_xietong_after_yu_carry_the_campaign_out_too(tmp_path):
    # A 与 B 协同推进 X reads like 与 B 共同推进 X: both carry X out, also when B is the author's 我局
    text = TITLE + ("全年查处超限车辆97辆。与市数据局协同推进政务服务“一网通办”。"
                    "市行政审批服务局与我局协同推进“一件事一次办”改革。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "市数据局": "AGENCY", "市行政审批服务局": "AGENCY",
            "政务服务“一网通办”": "CAMPAIGN", "“一件事一次办”改革": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {h for r, h, t in got if r == "CONDUCTS" and t == "政务服务一网通办"} == {AUTHOR, "市数据局"}
    assert {h for r, h, t in got if r == "CONDUCTS" and t == "一件事一次办改革"} == {AUTHOR, "市行政审批服务局"}


def test_a_partner_after_huitong_acts_too_when_a_place_phrase_comes_before_the_verb(tmp_path):
    text = TITLE + "甲区大队会同甲区公安分局在疏港道路开展“百日治超”攻坚行动。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {"甲区大队": "AGENCY", "甲区公安分局": "AGENCY", "“百日治超”攻坚行动": "CAMPAIGN"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {h for r, h, t in got if r == "CONDUCTS"} == {"甲区大队", "甲区公安分局"}


@pytest.mark.parametrize("partners, expected", [
    # an untagged body heads the list: the tagged ones after it are still partners
    ("长江航务管理局、甲区公安分局", {"甲区公安分局"}),
    ("甲区公安分局、长江航务管理局、甲区应急管理局", {"甲区公安分局", "甲区应急管理局"}),
    # a list that ends on an untagged body keeps what came before it
    ("甲区公安分局、长江航务管理局", {"甲区公安分局"}),
    # review 16 (2.3): any head of the lexicon closes the untagged body, and any coordination joins it
    ("市委宣传部、甲区公安分局", {"甲区公安分局"}),
    ("长江航务管理局和甲区公安分局", {"甲区公安分局"}),
    # a clause with 的 is no untagged body
    ("负责的所有中心、甲区公安分局", set()),
])
def test_an_untagged_body_in_a_partner_list_does_not_end_it(tmp_path, partners, expected):
    text = TITLE + f"甲区大队会同{partners}，于10月组织服务质量考核。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {"甲区大队": "AGENCY", "甲区公安分局": "AGENCY", "甲区应急管理局": "AGENCY"}
    got = triples(extract_relations(sdoc, mentions_of(sdoc, spec)))
    assert {t for r, h, t in got if r == "COOPERATES_WITH" and h == "甲区大队"} == expected


def test_a_body_assisting_the_author_cooperates_from_the_author(tmp_path):
    # B 配合我局开展…: the author leads the work and B assists it, as in 由我局牵头，B 配合 (author -> B);
    # the author's level-led short name (市交通运输局) counts as the author; B 配合 another body stays B -> it
    text = TITLE + ("甲县交通运输局、乙县交通运输局积极配合我局开展县道抢通。市港航中心配合县海事处开展安全检查。"
                    "丙县应急管理局：配合市交通运输局做好灾害性天气预警。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "甲县交通运输局": "AGENCY", "乙县交通运输局": "AGENCY", "市港航中心": "AGENCY",
            "县海事处": "AGENCY", "丙县应急管理局": "AGENCY", "市交通运输局": "AGENCY"}
    got = {(h, t) for r, h, t in triples(extract_relations(sdoc, mentions_of(sdoc, spec))) if r == "COOPERATES_WITH"}
    assert {(AUTHOR, "甲县交通运输局"), (AUTHOR, "乙县交通运输局"), ("市港航中心", "县海事处"),
            ("市交通运输局", "丙县应急管理局")} <= got
    assert not {("甲县交通运输局", AUTHOR), ("乙县交通运输局", AUTHOR), ("丙县应急管理局", "市交通运输局")} & got
    # the other partners of one 配合 with the author keep their own relation (B 配合我局和C: B -> C)
    text = TITLE + "县应急管理局积极配合我局和县公安局开展联合检查。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "县应急管理局": "AGENCY", "县公安局": "AGENCY"}
    got = {(h, t) for r, h, t in triples(extract_relations(sdoc, mentions_of(sdoc, spec))) if r == "COOPERATES_WITH"}
    assert {(AUTHOR, "县应急管理局"), ("县应急管理局", "县公安局")} <= got


def test_a_body_under_whose_deployment_the_subject_acts_carries_the_campaign_out(tmp_path):
    # B 在 A 的统一部署下，开展 X: A deploys X as when the 在 phrase opens the sentence; 在 A 的领导下 after a
    # subject is leadership, no deployment of X
    text = TITLE + ("为保障学生出行安全，9月至11月，区执法大队在区交通运输局的统一部署下，开展“护路护学”联合行动。"
                    "今年以来，行政审批科在局党组的领导下，推进“一件事一次办”改革。\n")
    sdoc = make_doc(tmp_path, text, AUTHOR)
    spec = {AUTHOR: "AGENCY", "区执法大队": "AGENCY", "区交通运输局": "AGENCY", "行政审批科": "AGENCY",
            "局党组": "AGENCY", "“护路护学”联合行动": "CAMPAIGN", "“一件事一次办”改革": "CAMPAIGN"}
    got = {(h, t) for r, h, t in triples(extract_relations(sdoc, mentions_of(sdoc, spec))) if r == "CONDUCTS"}
    assert {("区执法大队", "护路护学联合行动"), ("区交通运输局", "护路护学联合行动"),
            ("行政审批科", "一件事一次办改革")} <= got
    assert ("局党组", "一件事一次办改革") not in got


def test_the_untagged_object_of_a_pivot_verb_is_the_partner_not_the_subject(tmp_path):
    # 推动 X 与 B 合作: the subject brings X and B together; with X untagged it is still no partner of B
    text = TITLE + "推动青山港东湖港区与某某港口集团有限公司合作开通航线2条。\n我局与某某物流有限公司签署合作协议。\n"
    sdoc = make_doc(tmp_path, text, AUTHOR)
    res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {
        AUTHOR: "AGENCY", "某某港口集团有限公司": "ORGANIZATION", "某某物流有限公司": "ORGANIZATION"}))
    coop = {t for r, h, t in triples(res) if r == "COOPERATES_WITH"}
    assert coop == {"某某物流有限公司"}
    # a noun that is also a pivot verb (要求, 指导下), an adverb or the subject's own staff is no untagged object
    for sentence, partner in [("我局根据要求积极与某某港口集团有限公司合作开通航线2条。", "某某港口集团有限公司"),
                              ("我局在省厅指导下主动与某某物流有限公司合作建设物流园。", "某某物流有限公司"),
                              ("我局按照要求及时与某某客运有限公司合作开通线路。", "某某客运有限公司"),
                              ("我局组织人员与某某客运有限公司合作开展培训。", "某某客运有限公司")]:
        sdoc = make_doc(tmp_path, TITLE + sentence + "\n", AUTHOR)
        res = EXTRACTOR.extract(sdoc, mentions_of(sdoc, {AUTHOR: "AGENCY", "我局": "AGENCY", partner: "ORGANIZATION"}))
        assert ("COOPERATES_WITH", AUTHOR, partner) in triples(res), sentence
