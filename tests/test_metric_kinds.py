"""Metric kinds and indicators: targets stated by bounds, goal lists, the future tense and plan documents."""

from __future__ import annotations

from pathlib import Path

from kg.extract.metrics import MetricExtractor
from kg.ingest import read_document
from kg.model import MetricMention, StructuredDocument
from kg.structure import structure_document


def make_doc(tmp_path: Path, text: str) -> StructuredDocument:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return structure_document(read_document(path, tmp_path))


def kinds(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in MetricExtractor().extract(make_doc(tmp_path, text))]


def metrics(tmp_path: Path, text: str) -> dict[str, MetricMention]:
    return {m.text: m for m in MetricExtractor().extract(make_doc(tmp_path, text))}


def test_a_lower_bound_is_a_target(tmp_path):
    assert kinds(tmp_path, "一、工作情况\n全县检查企业不少于80家次，考试合格率不低于95%。\n") == [
        ("80家次", "target"), ("95%", "target")]


def test_a_goal_list_after_a_colon_makes_every_number_a_target(tmp_path):
    text = "一、工作情况\n主要预期目标是：完成交通投资90亿元以上，新改建农村公路500公里，改造危桥30座。\n"
    assert kinds(tmp_path, text) == [("90亿元", "target"), ("500公里", "target"), ("30座", "target")]


def test_a_colon_without_a_goal_word_changes_nothing(tmp_path):
    assert kinds(tmp_path, "一、工作情况\n主要成效是：完成交通投资90亿元，改造危桥30座。\n") == [
        ("90亿元", "level"), ("30座", "level")]


def test_the_future_tense_makes_a_target_and_the_object_marker_does_not(tmp_path):
    text = ("一、工作情况\n今年，中心将配合省中心实施养护工程300公里。"
            "梳理事项共40项，其中将12项纳入清单。\n")
    assert kinds(tmp_path, text) == [("300公里", "target"), ("40项", "level"), ("12项", "level")]


def test_a_deadline_year_is_a_target_but_a_date_in_the_past_is_not(tmp_path):
    text = ("一、工作情况\n到2025年建成服务站30个。截至2023年底建成服务站18个。"
            "客运量恢复至2019年同期的91.3%。\n")
    assert kinds(tmp_path, text) == [("30个", "target"), ("18个", "level"), ("91.3%", "level")]


def test_a_planned_change_is_a_target(tmp_path):
    assert kinds(tmp_path, "一、工作情况\n计划投资800万元，同比增长10%。去年客运量同比增长6%。\n") == [
        ("800万元", "target"), ("10%", "target"), ("6%", "change")]


def test_a_target_word_after_a_past_cue_means_obtained(tmp_path):
    assert kinds(tmp_path, "一、工作情况\n此前已累计为项目争取授信额度20亿元。\n") == [("20亿元", "level")]


def test_a_notice_or_an_implementation_plan_is_a_plan_document(tmp_path):
    notice = make_doc(tmp_path, "关于开展安全宣传活动的通知\n各单位：\n活动期间发放宣传资料6000份。\n")
    assert notice.meta.kind == "plan"
    assert [m.kind for m in MetricExtractor().extract(notice)] == ["target"]
    report = make_doc(tmp_path, "某县交通运输局开展安全宣传活动\n活动期间发放宣传资料6000份。\n")
    assert report.meta.kind == "report"
    assert [m.kind for m in MetricExtractor().extract(report)] == ["level"]


def test_an_indicator_has_no_list_marker_plan_verb_or_bound(tmp_path):
    ms = metrics(tmp_path, "一、工作情况\n重点抓好以下工作：一是力争完成交通投资1200亿元以上；"
                           "二是新改建农村公路5000公里；三是确保全年发送旅客不低于55万人次。\n")
    assert ms["1200亿元"].indicator == "完成交通投资"
    assert ms["5000公里"].indicator == "新改建农村公路"
    assert ms["55万人次"].indicator == "全年发送旅客"


def test_score_points_are_metrics_and_duty_hours_or_clock_times_are_not(tmp_path):
    text = "一、工作情况\n平均成绩较上年提高6.5分，技术状况指数不低于80分。落实24小时值班制度，8时30分召开会议。\n"
    assert kinds(tmp_path, text) == [("6.5分", "change"), ("80分", "target")]
    assert {m.unit for m in MetricExtractor().extract(make_doc(tmp_path, text))} == {"分"}
