"""The per-document table of `kg eval --verbose`."""

from __future__ import annotations

import json
import subprocess
import sys

from kg.evaluation import evaluate, format_per_doc, per_doc_rows

TEXT_A = "青山县交通运输局开展“护航行动”，查处车辆12辆。"
TEXT_B = "市公安局联合市交通运输局开展整治。"


def _write(tmp_path):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "001_a.txt").write_text(TEXT_A, encoding="utf-8")
    (corpus / "002_b.txt").write_text(TEXT_B, encoding="utf-8")
    ga = {"doc": "001_a.txt", "entities": [
        {"type": "AGENCY", "name": "青山县交通运输局", "mentions": ["青山县交通运输局"]},
        {"type": "CAMPAIGN", "name": "护航行动", "mentions": ["“护航行动”"]}],
        "metrics": [{"text": "12辆", "value": 12.0, "unit": "辆", "indicator": "查处车辆", "kind": "level",
                     "masked": False, "context": "查处车辆12辆"}],
        "relations": [{"type": "CONDUCTS", "from": "青山县交通运输局", "to": "护航行动"}]}
    gb = {"doc": "002_b.txt", "entities": [
        {"type": "AGENCY", "name": "市公安局", "mentions": ["市公安局"]},
        {"type": "AGENCY", "name": "市交通运输局", "mentions": ["市交通运输局"]}],
        "metrics": [], "relations": [{"type": "COOPERATES_WITH", "from": "市公安局", "to": "市交通运输局"}]}
    (gold / "001.json").write_text(json.dumps(ga, ensure_ascii=False), encoding="utf-8")
    (gold / "002.json").write_text(json.dumps(gb, ensure_ascii=False), encoding="utf-8")
    pred = tmp_path / "extractions.jsonl"
    recs = [
        {"doc": "001_a.txt", "type": "AGENCY", "text": "青山县交通运输局", "name": "青山县交通运输局", "id": "a1"},
        {"doc": "001_a.txt", "type": "CAMPAIGN", "text": "“护航行动”", "name": "护航行动", "id": "c1"},
        {"doc": "001_a.txt", "type": "METRIC", "text": "12辆", "start": 20, "end": 23, "value": 12.0, "unit": "辆"},
        {"doc": "002_b.txt", "type": "AGENCY", "text": "市公安局", "name": "市公安局", "id": "a2"},
        {"doc": "002_b.txt", "type": "AGENCY", "text": "交通运输局", "name": "交通运输局", "id": "a3"},
    ]
    pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    return pred, gold, corpus


def test_per_document_rows_and_table(tmp_path):
    pred, gold, corpus = _write(tmp_path)
    report = evaluate(pred, gold, corpus)
    rows = per_doc_rows(report)
    assert rows["001"]["ENTITIES"]["f1"] == 1.0 and rows["001"]["CONDUCTS"]["r"] == 0.0
    assert (rows["002"]["AGENCY"]["tp"], rows["002"]["AGENCY"]["fp"], rows["002"]["AGENCY"]["fn"]) == (1, 1, 1)
    table = format_per_doc(report).splitlines()
    assert table[0].split() == ["doc", "AGENCY", "ORG", "CAMP", "REG", "ENT", "METRIC", "COND.R", "REL", "REP", "IND"]
    assert table[1].split() == ["001", "1.000", "-", "1.000", "-", "1.000", "1.000", "0.000", "0.000", "-", "-"]
    assert table[2].split() == ["002", "0.500", "-", "-", "-", "0.500", "-", "-", "0.000", "-", "-"]
    assert max(len(line) for line in table) <= 80  # a terminal's width: the console does not wrap it


def test_cli_verbose_prints_the_table_before_the_misses(tmp_path):
    pred, gold, corpus = _write(tmp_path)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--gold", str(gold), "--corpus", str(corpus),
                          "--pred", str(pred), "-v"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = run.stdout.splitlines()
    head = next(i for i, line in enumerate(out) if line.split()[:2] == ["doc", "AGENCY"])
    assert out[head + 1].startswith("001") and out[head + 2].startswith("002")
    assert out.index("[001]") > head + 2
