"""`kg eval` agrees with the shared scorer on the shared gold."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluation import evaluate, format_report

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "annotation" / "gold"
SCORER = SHARED / "eval" / "score.py"
CORPUS = Path("data/corpus")

if not SCORER.exists():
    pytest.skip(f"the shared scorer is not beside the checkout ({SCORER})", allow_module_level=True)


@pytest.fixture(scope="module")
def predictions(sample_build) -> Path:
    return sample_build.out / "extractions.jsonl"


def shared_scores(pred: Path, tmp: Path) -> dict:
    report = tmp / "report.json"
    subprocess.run([sys.executable, str(SCORER), "--pred", str(pred), "--gold", str(GOLD), "--corpus", str(CORPUS),
                    "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))["summary"]


def test_same_scores_as_the_shared_scorer(predictions, tmp_path):
    ours = evaluate(predictions, GOLD, CORPUS).summary
    theirs = shared_scores(predictions, tmp_path)
    assert set(ours) == set(theirs)
    for row, s in theirs.items():
        for k in ("tp", "fp", "fn", "p", "r", "f1"):
            assert ours[row][k] == s[k], (row, k)
    assert ours["METRIC"]["value_unit_accuracy"] == theirs["METRIC"]["value_unit_accuracy"]


def test_same_scores_on_damaged_predictions(predictions, tmp_path):
    # drop every third record and rename some entities: both scorers must see the same damage
    damaged = tmp_path / "damaged.jsonl"
    lines = predictions.read_text(encoding="utf-8").splitlines()
    kept = []
    for i, line in enumerate(lines):
        if i % 3 == 0:
            continue
        rec = json.loads(line)
        if i % 5 == 0 and rec["type"] not in ("METRIC", "RELATION"):
            rec["name"] = rec["text"] = rec["text"] + "某"
        if i % 7 == 0 and rec["type"] == "METRIC" and rec.get("value") is not None:
            rec["value"] += 1
        kept.append(json.dumps(rec, ensure_ascii=False))
    damaged.write_text("\n".join(kept), encoding="utf-8")
    ours = evaluate(damaged, GOLD, CORPUS).summary
    theirs = shared_scores(damaged, tmp_path)
    for row, s in theirs.items():
        assert (ours[row]["tp"], ours[row]["fp"], ours[row]["fn"]) == (s["tp"], s["fp"], s["fn"]), row


def test_cli_eval_prints_the_table_and_scores_one_document(predictions):
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--gold", str(GOLD), "--corpus", str(CORPUS),
                          "--pred", str(predictions), "--only", "002"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].split() == ["P", "R", "F1", "tp", "fp", "fn"]
    only = evaluate(predictions, GOLD, CORPUS, only={"002"})
    assert set(only.per_doc) == {"002"}
    assert format_report(only).splitlines()[1] in run.stdout


def test_cli_eval_reports_a_broken_gold_file(tmp_path, predictions):
    (tmp_path / "000.json").write_text("{not json", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--gold", str(tmp_path), "--corpus", str(CORPUS),
                          "--pred", str(predictions)], capture_output=True, text=True)
    assert run.returncode != 0
    assert "000.json" in run.stderr and len(run.stderr.strip().splitlines()) == 1
