"""`kg eval`: indicator links as pairs of gold metrics in different documents, and REPORTED_BY as a relation."""

from __future__ import annotations

import json
import subprocess
import sys

from kg.evaluation import evaluate, format_per_doc, format_report

TEXTS = {"001_a.txt": "查处违法案件12宗，检查车辆30辆。", "002_b.txt": "办理违法案件9件，检查车辆40辆。",
         "003_c.txt": "查处违法案件7宗。"}


def _gold_metric(text: str, ctx: str, key: str, reporter: str | None) -> dict:
    return {"text": text, "value": None, "unit": "", "indicator": "", "kind": "level", "masked": False,
            "context": ctx, "indicator_key": key, "reported_by": reporter}


def _write(tmp_path, with_keys: bool = True):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    for name, text in TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    golds = {
        "001": [("12宗", "查处违法案件12宗", "查处违法案件|cases", "甲局"), ("30辆", "检查车辆30辆", "检查车辆|vehicles", "甲局")],
        "002": [("9件", "办理违法案件9件", "查处违法案件|cases", "乙局"), ("40辆", "检查车辆40辆", "检查车辆|vehicles", "")],
        "003": [("7宗", "查处违法案件7宗", "查处违法案件|cases", None)],
    }
    for (key, mets), name in zip(golds.items(), TEXTS):
        metrics = [_gold_metric(*m) for m in mets]
        if not with_keys:
            for m in metrics:
                del m["indicator_key"], m["reported_by"]
        ents = [{"type": "AGENCY", "name": n, "mentions": [n]} for n in ("甲局", "乙局")]
        (gold / f"{key}.json").write_text(json.dumps({"doc": name, "entities": ents, "metrics": metrics,
                                                       "relations": []}, ensure_ascii=False), encoding="utf-8")
    # predicted: 001 and 002's cases share an id, 003's does not; 001's and 002's vehicles share one
    # with 003's cases (a wrong link)
    preds = [("001_a.txt", "12宗", 6, "ind_cases"), ("001_a.txt", "30辆", 13, "ind_veh"),
             ("002_b.txt", "9件", 6, "ind_cases"), ("002_b.txt", "40辆", 12, "ind_veh"),
             ("003_c.txt", "7宗", 6, "ind_veh")]
    reporters = {("001_a.txt", "12宗"): "甲局", ("001_a.txt", "30辆"): "乙局", ("002_b.txt", "40辆"): "乙局"}
    recs = [{"doc": d, "type": "METRIC", "text": t, "start": s, "end": s + len(t), "unit": "",
             "indicator_key": i, "reported_by": reporters.get((d, t))} for d, t, s, i in preds]
    pred = tmp_path / "extractions.jsonl"
    pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    return pred, gold, corpus


def test_indicator_links_are_scored_over_pairs_of_documents(tmp_path):
    pred, gold, corpus = _write(tmp_path)
    s = evaluate(pred, gold, corpus).summary["INDICATORS"]
    # gold pairs: cases 001-002, 001-003, 002-003; vehicles 001-002. predicted: cases 001-002 (right),
    # vehicles 001-002 (right), 003's case with both vehicles (two wrong)
    assert (s["tp"], s["fp"], s["fn"]) == (2, 2, 2)


def test_reported_by_is_scored_like_a_relation_from_the_metric(tmp_path):
    pred, gold, corpus = _write(tmp_path)
    report = evaluate(pred, gold, corpus)
    s = report.summary["REL:REPORTED_BY"]
    # gold: 12宗 甲局, 30辆 甲局, 9件 乙局 (40辆 and 7宗: none). found 12宗; 30辆 to the wrong body; 40辆 has none
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 2)
    assert "RELATIONS" in report.summary and report.summary["RELATIONS"]["tp"] == 0  # the guideline's four only
    assert "  FN REPORTED_BY: 9件 -> 乙局" in report.details
    table = format_report(report)
    assert "REL:REPORTED_BY" in table and "INDICATORS" in table
    per_doc = format_per_doc(report).splitlines()
    assert per_doc[0].split()[-2:] == ["REP", "IND"]
    assert per_doc[1].split()[-2:] == ["0.500", "0.667"]  # 001: REPORTED_BY 1/2/1; pairs of 001: 2 tp, 1 fp, 1 fn


def test_gold_without_keys_and_reporters_scores_neither(tmp_path):
    pred, gold, corpus = _write(tmp_path, with_keys=False)
    summary = evaluate(pred, gold, corpus).summary
    assert "INDICATORS" not in summary and "REL:REPORTED_BY" not in summary


def test_kg_eval_prints_both_rows(tmp_path):
    pred, gold, corpus = _write(tmp_path)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--gold", str(gold), "--corpus", str(corpus),
                          "--pred", str(pred)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = {line.split()[0]: line.split()[1:4] for line in run.stdout.splitlines()[1:] if line.strip()}
    assert rows["INDICATORS"] == ["0.500", "0.500", "0.500"]
    assert rows["REL:REPORTED_BY"] == ["0.333", "0.333", "0.333"]
