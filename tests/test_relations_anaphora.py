"""A campaign referred back to (此次行动由A牵头), the body under whose deployment a sentence acts, and the
bodies that take part (C、D 共同参与)."""

from __future__ import annotations

from kg.extract.relations import extract_relations
from test_relations import make_doc, mentions_of
from test_relations_clauses import AUTHOR, TITLE, A, C, relations


def test_this_operation_names_the_last_campaign_of_its_paragraph(tmp_path):
    body = ("5月3日夜，一场“春雷”联合夜查行动在国道展开。此次行动由市治超办牵头组织实施，共检查货车80辆。\n"
            "另讯，该行动由县公安局组织实施。")
    got = relations(tmp_path, body, {AUTHOR: A, "市治超办": A, "县公安局": A, "“春雷”联合夜查行动": C})
    assert ("CONDUCTS", "市治超办", "春雷联合夜查行动") in got
    # the paragraph before still holds the antecedent
    assert ("CONDUCTS", "县公安局", "春雷联合夜查行动") in got


def test_an_anaphor_with_no_campaign_near_before_it_refers_to_nothing(tmp_path):
    body = "局里开展“春雷”行动。\n第二段。\n第三段。\n此次行动由市治超办牵头组织实施。应该检查的车辆都已检查。"
    sdoc = make_doc(tmp_path, TITLE + body + "\n", AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: A, "市治超办": A, "“春雷”行动": C}))
    assert ("CONDUCTS", "市治超办", "春雷行动") not in {(r.rel, r.head.name, r.tail.name) for r in res.relations}
    assert not [m for m in res.mentions if m.rule == "anaphor"]


def test_the_deploying_body_and_the_bodies_taking_part_carry_the_campaign_out(tmp_path):
    body = ("在市交通运输局的统一部署下，我局牵头组织开展“清零”行动，县运输中心、市执法支队共同参与。"
            "市执法支队参与检查。")
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "县运输中心": A, "市执法支队": A,
                                     "“清零”行动": C, "我局": A})
    assert {("CONDUCTS", AUTHOR, "清零行动"), ("CONDUCTS", "市交通运输局", "清零行动"),
            ("CONDUCTS", "县运输中心", "清零行动"), ("CONDUCTS", "市执法支队", "清零行动")} <= got


def test_a_deployment_or_participation_without_a_campaign_adds_nothing(tmp_path):
    body = "在市交通运输局的统一部署下，我局加强执法检查，县运输中心共同参与。"
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "县运输中心": A, "我局": A})
    assert not {r for r in got if r[0] == "CONDUCTS"}


def test_a_bare_head_noun_before_a_span_of_time_names_the_last_campaign_of_that_head(tmp_path):
    body = ("市交通运输局牵头开展“净网”专项整治。\n"
            "按照部署，支队同步开展“清源”行动。\n"
            "据统计，整治期间全市共检查车辆900台次，查处违法案件30件。")
    sdoc = make_doc(tmp_path, TITLE + body + "\n", AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: A, "市交通运输局": A, "支队": A,
                                                     "“净网”专项整治": C, "“清源”行动": C}))
    refs = [m for m in res.mentions if m.rule == "anaphor"]
    # 整治 is the head of the 专项整治, not of the 行动 named after it
    assert [(m.text, m.name) for m in refs] == [("整治", "净网专项整治")]
    # a head inside a name, or a head with no campaign of its kind before it, refers to nothing
    body = "开展“清源”行动。\n“春运”专项整治期间，活动期间检查车辆10台次。"
    sdoc = make_doc(tmp_path, TITLE + body + "\n", AUTHOR)
    res = extract_relations(sdoc, mentions_of(sdoc, {AUTHOR: A, "“清源”行动": C, "“春运”专项整治": C}))
    assert not [m for m in res.mentions if m.rule == "anaphor"]


def test_bodies_taking_part_with_no_object_in_a_news_item_take_part_in_its_campaign(tmp_path):
    body = ("今年以来，市交通运输局牵头组织开展“净网”专项整治，取得明显成效。\n"
            "支队会同县执法大队开展“清源”行动，查处案件20件。\n"
            "在源头治理方面，市交通运输局建立约谈机制。县运输中心积极参与，组织培训12场。")
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "支队": A, "县执法大队": A, "县运输中心": A,
                                     "“净网”专项整治": C, "“清源”行动": C})
    assert ("CONDUCTS", "县运输中心", "净网专项整治") in got
    assert ("CONDUCTS", "县运输中心", "清源行动") not in got  # the news item is about its first campaign


def test_taking_part_in_a_sentence_that_names_a_campaign_is_not_the_topic(tmp_path):
    body = ("市交通运输局牵头组织开展“净网”专项整治。\n"
            "“清源”行动中，县运输中心积极参与。")
    got = relations(tmp_path, body, {AUTHOR: A, "市交通运输局": A, "县运输中心": A,
                                     "“净网”专项整治": C, "“清源”行动": C})
    assert ("CONDUCTS", "县运输中心", "净网专项整治") not in got


def test_a_clause_naming_who_leads_the_campaign_before_gives_it_to_that_body(tmp_path):
    body = ("我局于5月起启动“铁拳治超”专项行动，由治超中队具体承办，仓山中队参与。"
            "我局以“清风护客”行动为抓手，城区中队牵头，会同县运输中心开展常态化整治。"
            "城区中队牵头负责，县运输中心参与检查。")
    got = relations(tmp_path, body, {AUTHOR: A, "我局": A, "治超中队": A, "仓山中队": A, "城区中队": A,
                                     "县运输中心": A, "“铁拳治超”专项行动": C, "“清风护客”行动": C})
    assert ("CONDUCTS", "治超中队", "铁拳治超专项行动") in got
    assert ("CONDUCTS", "城区中队", "清风护客行动") in got
    assert ("CONDUCTS", "城区中队", "铁拳治超专项行动") not in got  # another sentence's campaign
    assert ("CONDUCTS", "县运输中心", "清风护客行动") not in got  # 会同 B 开展 other work
