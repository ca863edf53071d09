"""Floors on the development sets (tests/data/dev, dev2 … dev47): entities, links, relations, metrics.

The cold scores (before the author, bare agency names, relations across clauses,
campaign precision, MEASURES scope and metric kinds were worked on) were ENTITIES F1
0.823, LINKS F1 0.969, RELATIONS F1 0.559, CONDUCTS recall
0.564, CAMPAIGN precision 0.796, MEASURES precision 0.591 and METRIC F1 0.994,
with 70 of 113 target metrics given another kind. Before metrics had indicators
and reporters, linking metrics by the phrase as written scored INDICATORS P 0.986
R 0.484 and nothing was REPORTED_BY. dev2's cold scores (written after that work,
gold first) were ENTITIES 0.846, RELATIONS 0.659, CONDUCTS recall 0.587, MEASURES
0.593, INDICATORS R 0.697 (tests/data/README.md); dev3's (after two rounds) ENTITIES 0.875,
RELATIONS 0.601, CONDUCTS recall 0.613; dev4's (after three) ENTITIES 0.865, RELATIONS 0.639,
CONDUCTS recall 0.452; dev5's (after five) ENTITIES 0.869, RELATIONS 0.651, CONDUCTS recall 0.641;
dev6's (after seven) ENTITIES 0.884, RELATIONS 0.697, CONDUCTS recall 0.658; dev7's (after twelve)
ENTITIES 0.910, RELATIONS 0.657, CONDUCTS recall 0.652; dev8's (after thirteen) ENTITIES 0.924, RELATIONS 0.705,
CONDUCTS recall 0.803; dev9's (after fourteen) ENTITIES 0.909, RELATIONS 0.720, CONDUCTS recall 0.737;
dev10's (after fifteen) ENTITIES 0.903, RELATIONS 0.667, CONDUCTS recall 0.689; dev11's (after sixteen, and
unchanged by rounds 17 to 19) ENTITIES 0.906, RELATIONS 0.694, CONDUCTS recall 0.706; dev12's and dev13's (after
twenty rounds) ENTITIES 0.901 and 0.898, RELATIONS 0.722 and 0.732, CONDUCTS recall 0.564 and 0.787; dev14's (after
twenty-one, unchanged by the twenty-second) ENTITIES 0.931, RELATIONS 0.635, CONDUCTS recall 0.698; dev15's (after twenty-two) ENTITIES 0.901,
RELATIONS 0.675, CONDUCTS recall 0.625; dev16's (after twenty-three, unchanged by the twenty-fourth) ENTITIES 0.905,
RELATIONS 0.838, CONDUCTS recall 0.969, METRIC 0.975; dev17's (cold) ENTITIES 0.932, RELATIONS 0.837, CONDUCTS
recall 0.842, METRIC 0.986; dev18's (after twenty-five) ENTITIES 0.956, RELATIONS 0.612, CONDUCTS recall 0.812,
METRIC 0.957; dev19's (after twenty-six) ENTITIES 0.948, RELATIONS 0.806, CONDUCTS recall 0.846, METRIC 0.986; dev20's (after
twenty-six too) ENTITIES 0.948, RELATIONS 0.744, CONDUCTS recall 0.843, METRIC 0.990; dev21's (after twenty-seven)
ENTITIES 0.928, RELATIONS 0.577, CONDUCTS recall 0.618, METRIC 0.998; dev22's (after twenty-eight and
twenty-nine alike) ENTITIES 0.954, RELATIONS 0.701, CONDUCTS recall 0.729, METRIC 0.986; dev23's (after twenty-eight)
ENTITIES 0.939, RELATIONS 0.761, CONDUCTS recall 0.702, METRIC 0.994; dev24's to dev27's (after thirty, all four
written at once) ENTITIES 0.950, 0.899, 0.930 and 0.911, RELATIONS 0.847, 0.696, 0.775 and 0.734, CONDUCTS recall
0.825, 0.791, 0.744 and 0.767; dev28's to dev31's (after thirty-two, all four written at once) ENTITIES 0.875,
0.910, 0.917 and 0.910, RELATIONS 0.583, 0.587, 0.646 and 0.695, CONDUCTS recall 0.586, 0.565, 0.774 and 0.597; dev32's and dev33's (after thirty-six)
ENTITIES 0.930 and 0.917, RELATIONS 0.727 and 0.679, CONDUCTS recall 0.824 and 0.721; dev34's and dev35's (after
thirty-six too) ENTITIES 0.904 and 0.923, RELATIONS 0.723 and 0.635, CONDUCTS recall 0.690 and 0.651; dev36's and
dev37's (after thirty-nine) ENTITIES 0.932 and 0.922, RELATIONS 0.573 and 0.653, CONDUCTS recall 0.680 and 0.654; dev38's and dev39's (after forty) ENTITIES 0.942 and
0.907, RELATIONS 0.853 and 0.754, CONDUCTS recall 0.796 and 0.857; dev40's to dev43's (after forty-two) ENTITIES 0.932,
0.920, 0.946 and 0.950, RELATIONS 0.721, 0.821, 0.748 and 0.790, CONDUCTS recall 0.717, 0.915, 0.860 and 0.864; dev44's to
dev47's (after forty-four) ENTITIES 0.950, 0.932, 0.939 and 0.899, RELATIONS 0.835, 0.822, 0.678 and 0.712, CONDUCTS recall
0.942, 0.917, 0.611 and 0.638. The
floors sit under
what the mechanisms reach, so that a regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluation import evaluate, load_gold
from kg.pipeline import build

DATA = Path(__file__).resolve().parent / "data"
DEV = DATA / "dev"
CORPUS, GOLD = DEV / "corpus", DEV / "gold"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev_out")
    build(CORPUS, out)
    return out


@pytest.fixture(scope="module")
def report(built):
    return evaluate(built / "extractions.jsonl", GOLD, CORPUS)


@pytest.fixture(scope="module")
def dev2(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev2_out")
    build(DATA / "dev2" / "corpus", out)
    return evaluate(out / "extractions.jsonl", DATA / "dev2" / "gold", DATA / "dev2" / "corpus").summary


def _scores(tmp_path_factory, name: str) -> dict:
    out = tmp_path_factory.mktemp(f"{name}_out")
    build(DATA / name / "corpus", out)
    return evaluate(out / "extractions.jsonl", DATA / name / "gold", DATA / name / "corpus").summary


@pytest.mark.parametrize("name, floors", [
    ("dev3", {"ENTITIES": 0.94, "CAMPAIGN": 0.90, "RELATIONS": 0.81, "CONDUCTS R": 0.83, "LINKS": 0.95,
              "REL:REPORTED_BY": 0.95}),
    ("dev4", {"ENTITIES": 0.91, "CAMPAIGN": 0.90, "RELATIONS": 0.80, "CONDUCTS R": 0.72, "LINKS": 0.92,
              "REL:REPORTED_BY": 0.90}),
    ("dev5", {"ENTITIES": 0.92, "CAMPAIGN": 0.88, "RELATIONS": 0.78, "CONDUCTS R": 0.84, "LINKS": 0.77,
              "REL:REPORTED_BY": 0.92}),
    ("dev6", {"ENTITIES": 0.90, "CAMPAIGN": 0.83, "RELATIONS": 0.81, "CONDUCTS R": 0.81, "LINKS": 0.97,
              "REL:REPORTED_BY": 0.92}),
    ("dev7", {"ENTITIES": 0.94, "CAMPAIGN": 0.92, "RELATIONS": 0.80, "CONDUCTS R": 0.77, "LINKS": 0.92,
              "REL:REPORTED_BY": 0.85}),
    # dev8's LINKS: 0.988 until session 17, whose cross-document rule links a campaign with and without the transport
    # field it opens with (most sets' gold does; dev8's keeps two such pairs apart)
    ("dev8", {"ENTITIES": 0.92, "CAMPAIGN": 0.86, "RELATIONS": 0.78, "CONDUCTS R": 0.87, "LINKS": 0.95,
              "REL:REPORTED_BY": 0.93}),
    ("dev9", {"ENTITIES": 0.93, "CAMPAIGN": 0.89, "RELATIONS": 0.76, "CONDUCTS R": 0.80, "LINKS": 0.97,
              "REL:REPORTED_BY": 0.88}),
    ("dev10", {"ENTITIES": 0.91, "CAMPAIGN": 0.86, "RELATIONS": 0.74, "CONDUCTS R": 0.77, "LINKS": 0.83,
               "REL:REPORTED_BY": 0.85}),
    # dev11 floors sit under its cold score, to catch a rule that breaks text nobody tuned to
    ("dev11", {"ENTITIES": 0.88, "CAMPAIGN": 0.75, "RELATIONS": 0.67, "CONDUCTS R": 0.68, "LINKS": 0.93,
               "REL:REPORTED_BY": 0.90}),
    ("dev12", {"ENTITIES": 0.91, "CAMPAIGN": 0.84, "RELATIONS": 0.72, "CONDUCTS R": 0.67, "LINKS": 0.92,
               "REL:REPORTED_BY": 0.84}),
    # round 27 (extract-cb): LINKS .857 -> .828 once 488's 中央八项规定 is found (it was 未发生违反中央八项规定): it
    # links to 485's (gold 中央八项规定及其实施细则, with the mention 中央八项规定), a pair links.json does not group
    ("dev13", {"ENTITIES": 0.88, "CAMPAIGN": 0.80, "RELATIONS": 0.72, "CONDUCTS R": 0.76, "LINKS": 0.82,
               "REL:REPORTED_BY": 0.85}),
    # dev14: cold RELATIONS 0.635, CONDUCTS R 0.698; tuned on in round 23 (entities, CONDUCTS, MEASURES: a summary
    # titled with its campaign); the floors sit under the merged round's scores
    ("dev14", {"ENTITIES": 0.93, "CAMPAIGN": 0.87, "RELATIONS": 0.72, "CONDUCTS R": 0.74, "LINKS": 0.95,
               "REL:REPORTED_BY": 0.85}),
    # dev15: cold ENTITIES 0.903, CAMPAIGN 0.763, RELATIONS 0.675, CONDUCTS P 0.581 / R 0.625; tuned on in round 24
    # (entities and the author; relations: 按照 A X 部署 after the subject, 责任单位 after 牵头单位, a head count after
    # 参加); the floors sit under the merged round's scores
    ("dev15", {"ENTITIES": 0.90, "CAMPAIGN": 0.75, "RELATIONS": 0.70, "CONDUCTS R": 0.64, "LINKS": 0.93,
               "REL:REPORTED_BY": 0.88}),
    # dev16: written gold first during round 24 and never tuned on; the floors sit under its cold scores (ENTITIES
    # 0.905, RELATIONS 0.838, CONDUCTS R 0.969, METRIC 0.975: its writer counts unit-less index changes as metrics)
    # round 25 (extract-ax) raised dev16's ENTITIES to 0.914
    ("dev16", {"ENTITIES": 0.90, "CAMPAIGN": 0.90, "RELATIONS": 0.82, "CONDUCTS R": 0.95, "LINKS": 0.88,
               "REL:REPORTED_BY": 0.89, "METRIC": 0.97}),
    # dev17: written gold first during round 24 and scored cold (ENTITIES 0.932, CAMPAIGN 0.930, RELATIONS 0.837,
    # CONDUCTS R 0.842, METRIC 0.986, LINKS 0.844: its writer splits 安全生产月 from 安全生产月活动, other writers link
    # them); tuned on in round 25; the floors sit under the merged round's scores
    ("dev17", {"ENTITIES": 0.92, "CAMPAIGN": 0.92, "RELATIONS": 0.83, "CONDUCTS R": 0.83, "LINKS": 0.83,
               "REL:REPORTED_BY": 0.93}),
    # dev18: written gold first before round 26 and scored cold (ENTITIES 0.956, RELATIONS 0.612, CONDUCTS R 0.812,
    # METRIC 0.957: its writer links few metrics to campaigns and counts unit-less index values); scored again after
    # round 26 before its misses were read (RELATIONS 0.626), then its entity and unit misses fixed as classes
    ("dev18", {"ENTITIES": 0.94, "CAMPAIGN": 0.90, "RELATIONS": 0.60, "CONDUCTS R": 0.78, "LINKS": 0.83,
               "REL:REPORTED_BY": 0.77, "METRIC": 0.96}),
    # dev19: written gold first during round 26 and scored cold after it (ENTITIES 0.948, RELATIONS 0.806, CONDUCTS R
    # 0.846, METRIC 0.986, LINKS 0.986); never tuned on
    ("dev19", {"ENTITIES": 0.93, "CAMPAIGN": 0.92, "RELATIONS": 0.78, "CONDUCTS R": 0.82, "LINKS": 0.95,
               "REL:REPORTED_BY": 0.85}),
    # dev20: written gold first at the start of round 27 and scored cold (ENTITIES 0.948, RELATIONS 0.744, CONDUCTS R
    # 0.843, METRIC 0.990, LINKS 0.960); never tuned on (after round 27: ENTITIES 0.950, RELATIONS 0.750)
    ("dev20", {"ENTITIES": 0.93, "CAMPAIGN": 0.88, "RELATIONS": 0.72, "CONDUCTS R": 0.82, "LINKS": 0.94,
               "REL:REPORTED_BY": 0.88}),
    # dev21: written gold first at the start of round 28 and scored cold (ENTITIES 0.928, RELATIONS 0.577, CONDUCTS R
    # 0.618, METRIC 0.998, LINKS 0.933), then evidence for round 28's entity rules (ENTITIES 0.949, RELATIONS 0.653)
    ("dev21", {"ENTITIES": 0.93, "CAMPAIGN": 0.82, "RELATIONS": 0.63, "CONDUCTS R": 0.74, "LINKS": 0.85,
               "REL:REPORTED_BY": 0.91}),
    # dev22: written gold first at the start of round 29 and scored cold before and after it (the same extractions:
    # ENTITIES 0.954, RELATIONS 0.701, CONDUCTS R 0.729, METRIC 0.986, LINKS 1.000), then evidence for round 30
    # (ENTITIES 0.976, RELATIONS 0.774)
    ("dev22", {"ENTITIES": 0.96, "CAMPAIGN": 0.91, "RELATIONS": 0.75, "CONDUCTS R": 0.77, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.92}),
    # dev23: written gold first during round 29 and scored cold after rounds 28, 29 and 30 (ENTITIES 0.939, 0.942,
    # 0.942; RELATIONS 0.761 each time, CONDUCTS R 0.702, METRIC 0.994, LINKS 0.960), then evidence for round 31
    # (ENTITIES 0.980, RELATIONS 0.819, CONDUCTS R 0.915)
    ("dev23", {"ENTITIES": 0.96, "CAMPAIGN": 0.94, "RELATIONS": 0.79, "CONDUCTS R": 0.88, "LINKS": 0.94,
               "REL:REPORTED_BY": 0.86}),
    # dev24 to dev27: written gold first together after round 30 and scored cold then (ENTITIES 0.950,
    # 0.899, 0.930, 0.911; RELATIONS 0.847, 0.696, 0.775, 0.734); dev24 and dev26 then evidence for round 32, dev25
    # and dev27 never tuned on
    ("dev24", {"ENTITIES": 0.94, "CAMPAIGN": 0.91, "RELATIONS": 0.82, "CONDUCTS R": 0.80, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.94}),
    ("dev25", {"ENTITIES": 0.89, "CAMPAIGN": 0.81, "RELATIONS": 0.67, "CONDUCTS R": 0.76, "LINKS": 0.92,
               "REL:REPORTED_BY": 0.76}),
    ("dev26", {"ENTITIES": 0.93, "CAMPAIGN": 0.86, "RELATIONS": 0.79, "CONDUCTS R": 0.79, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.74}),
    ("dev27", {"ENTITIES": 0.89, "CAMPAIGN": 0.84, "RELATIONS": 0.71, "CONDUCTS R": 0.74, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.85}),
    # dev28 to dev31: written gold first together in session 13 and scored cold after round 32 (ENTITIES 0.875,
    # 0.910, 0.917, 0.910; RELATIONS 0.583, 0.587, 0.646, 0.695; CONDUCTS R 0.586, 0.565, 0.774, 0.597); dev28 and
    # dev30 then evidence for round 34, all four for rounds 37 to 39
    ("dev28", {"ENTITIES": 0.88, "CAMPAIGN": 0.81, "RELATIONS": 0.71, "CONDUCTS R": 0.85, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.89}),
    ("dev29", {"ENTITIES": 0.92, "CAMPAIGN": 0.83, "RELATIONS": 0.68, "CONDUCTS R": 0.70, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.91}),
    ("dev30", {"ENTITIES": 0.92, "CAMPAIGN": 0.86, "RELATIONS": 0.66, "CONDUCTS R": 0.76, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.90}),
    ("dev31", {"ENTITIES": 0.91, "CAMPAIGN": 0.85, "RELATIONS": 0.75, "CONDUCTS R": 0.71, "LINKS": 0.94,
               "REL:REPORTED_BY": 0.82}),
    # dev32 and dev33: written gold first at the end of session 13, scored cold with its final code (ENTITIES 0.930,
    # 0.917; RELATIONS 0.727, 0.679; CONDUCTS R 0.824, 0.721); tuned on from session 15 (rounds 40 to 42)
    ("dev32", {"ENTITIES": 0.91, "CAMPAIGN": 0.82, "RELATIONS": 0.82, "CONDUCTS R": 0.80, "LINKS": 0.88,
               "REL:REPORTED_BY": 0.92}),
    ("dev33", {"ENTITIES": 0.90, "CAMPAIGN": 0.79, "RELATIONS": 0.71, "CONDUCTS R": 0.70, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.92}),
    # dev34 and dev35: written gold first at the start of session 14, scored cold with session 13's final code
    # (ENTITIES 0.904, 0.923; RELATIONS 0.723, 0.635; CONDUCTS R 0.690, 0.651); tuned on from session 16 (round 43)
    ("dev34", {"ENTITIES": 0.89, "CAMPAIGN": 0.82, "RELATIONS": 0.74, "CONDUCTS R": 0.66, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.90}),
    ("dev35", {"ENTITIES": 0.91, "CAMPAIGN": 0.84, "RELATIONS": 0.67, "CONDUCTS R": 0.74, "LINKS": 0.90,
               "REL:REPORTED_BY": 0.89}),
    # dev36 and dev37: written gold first at the start of session 15, scored cold with session 14's final code
    # (ENTITIES 0.932, 0.922; RELATIONS 0.573, 0.653; CONDUCTS R 0.680, 0.654); tuned on from session 16 (round 43)
    ("dev36", {"ENTITIES": 0.92, "CAMPAIGN": 0.85, "RELATIONS": 0.57, "CONDUCTS R": 0.68, "LINKS": 0.91,
               "REL:REPORTED_BY": 0.72}),
    ("dev37", {"ENTITIES": 0.92, "CAMPAIGN": 0.91, "RELATIONS": 0.65, "CONDUCTS R": 0.65, "LINKS": 0.85,
               "REL:REPORTED_BY": 0.79}),
    # dev38 and dev39: written gold first in session 15 after round 40, scored cold with its code (ENTITIES 0.942,
    # 0.907; RELATIONS 0.853, 0.754; CONDUCTS R 0.796, 0.857); evidence in round 41
    ("dev38", {"ENTITIES": 0.92, "CAMPAIGN": 0.85, "RELATIONS": 0.83, "CONDUCTS R": 0.77, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.90}),
    ("dev39", {"ENTITIES": 0.89, "CAMPAIGN": 0.84, "RELATIONS": 0.77, "CONDUCTS R": 0.90, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.91}),
    # dev40 to dev43: written gold first at the start of session 16 by four writers, scored cold with session 15's
    # final code (ENTITIES 0.932, 0.920, 0.946, 0.950; RELATIONS 0.721, 0.821, 0.748, 0.790; CONDUCTS R 0.717, 0.915,
    # 0.860, 0.864); tuned on from session 17 (round 45)
    ("dev40", {"ENTITIES": 0.92, "CAMPAIGN": 0.87, "RELATIONS": 0.75, "CONDUCTS R": 0.89, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.85}),
    ("dev41", {"ENTITIES": 0.91, "CAMPAIGN": 0.90, "RELATIONS": 0.82, "CONDUCTS R": 0.91, "LINKS": 0.75,
               "REL:REPORTED_BY": 0.87}),
    ("dev42", {"ENTITIES": 0.93, "CAMPAIGN": 0.85, "RELATIONS": 0.84, "CONDUCTS R": 0.87, "LINKS": 0.90,
               "REL:REPORTED_BY": 0.93}),
    ("dev43", {"ENTITIES": 0.93, "CAMPAIGN": 0.92, "RELATIONS": 0.78, "CONDUCTS R": 0.88, "LINKS": 0.92,
               "REL:REPORTED_BY": 0.92}),
    # dev44 to dev47: written gold first at the start of session 17 by four writers, scored cold with session 16's
    # final code (ENTITIES 0.950, 0.932, 0.939, 0.899; RELATIONS 0.835, 0.822, 0.678, 0.712; CONDUCTS R 0.942, 0.917,
    # 0.611, 0.638); dev46 and dev47 tuned on in round 46, dev44 and dev45 never
    ("dev44", {"ENTITIES": 0.93, "CAMPAIGN": 0.89, "RELATIONS": 0.80, "CONDUCTS R": 0.92, "LINKS": 0.90,
               "REL:REPORTED_BY": 0.88}),
    ("dev45", {"ENTITIES": 0.91, "CAMPAIGN": 0.89, "RELATIONS": 0.79, "CONDUCTS R": 0.89, "LINKS": 0.65,
               "REL:REPORTED_BY": 0.87}),
    ("dev46", {"ENTITIES": 0.93, "CAMPAIGN": 0.92, "RELATIONS": 0.70, "CONDUCTS R": 0.75, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.91}),
    ("dev47", {"ENTITIES": 0.90, "CAMPAIGN": 0.83, "RELATIONS": 0.75, "CONDUCTS R": 0.71, "LINKS": 0.97,
               "REL:REPORTED_BY": 0.91}),
])
def test_floors_on_the_later_development_sets(tmp_path_factory, name, floors):
    s = _scores(tmp_path_factory, name)
    floors = {"METRIC": 0.98, **floors}
    got = {k: s["REL:CONDUCTS"]["r"] if k == "CONDUCTS R" else s[k]["f1"] for k in floors}
    assert all(got[k] >= floor for k, floor in floors.items()), (got, floors)


def test_floors_on_the_second_development_set(dev2):
    s = dev2
    assert s["ENTITIES"]["f1"] >= 0.96, s["ENTITIES"]
    for t in ("AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION"):
        assert s[t]["f1"] >= 0.93, (t, s[t])
    assert s["RELATIONS"]["f1"] >= 0.89 and s["REL:CONDUCTS"]["r"] >= 0.89, (s["RELATIONS"], s["REL:CONDUCTS"])
    assert s["REL:MEASURES"]["f1"] >= 0.84, s["REL:MEASURES"]
    assert s["METRIC"]["f1"] >= 0.98 and s["LINKS"]["f1"] >= 0.97, (s["METRIC"], s["LINKS"])
    assert s["INDICATORS"]["p"] >= 0.97 and s["INDICATORS"]["r"] >= 0.75, s["INDICATORS"]
    assert s["REL:REPORTED_BY"]["f1"] >= 0.96, s["REL:REPORTED_BY"]


def test_relation_floor_on_the_development_set(report):
    s = report.summary
    assert s["RELATIONS"]["f1"] >= 0.93, s["RELATIONS"]
    assert s["REL:CONDUCTS"]["r"] >= 0.93, s["REL:CONDUCTS"]
    assert s["REL:MEASURES"]["p"] >= 0.90 and s["REL:MEASURES"]["f1"] >= 0.90, s["REL:MEASURES"]


def test_entity_and_link_floor_on_the_development_set(report):
    s = report.summary
    assert s["ENTITIES"]["f1"] >= 0.95, s["ENTITIES"]
    for t in ("AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION"):
        assert s[t]["f1"] >= 0.85, (t, s[t])
    assert s["LINKS"]["f1"] >= 0.92, s["LINKS"]


def test_campaign_and_metric_floor_on_the_development_set(report):
    s = report.summary
    assert s["CAMPAIGN"]["p"] >= 0.95 and s["CAMPAIGN"]["f1"] >= 0.95, s["CAMPAIGN"]
    assert s["METRIC"]["f1"] >= 0.98, s["METRIC"]


def test_metric_kinds_on_the_development_set(built):
    gold = load_gold(GOLD, CORPUS)
    pred: dict[str, list[dict]] = {}
    for line in (built / "extractions.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("type") == "METRIC":
            pred.setdefault(rec["doc"].split("_")[0], []).append(rec)
    same = total = 0
    for doc, g in gold.items():
        for gm in g["metrics"]:
            pm = next((m for m in pred.get(doc, []) if m["start"] < gm["end"] and gm["start"] < m["end"]), None)
            if pm is not None:
                total += 1
                same += pm["kind"] == gm["kind"]
    assert total >= 600 and same / total >= 0.98, (same, total)


def test_indicator_and_reporter_floor_on_the_development_set(report):
    s = report.summary
    assert s["INDICATORS"]["p"] >= 0.97 and s["INDICATORS"]["r"] >= 0.93, s["INDICATORS"]
    assert s["REL:REPORTED_BY"]["f1"] >= 0.97, s["REL:REPORTED_BY"]
