#!/usr/bin/env python3
"""Run kg_metrics and kg_measures over a corpus and score them with the shared scorer.

Writes METRIC records and MEASURES relation records to a jsonl file, then runs
``score.py`` on it. Until kg_entities finds campaigns, ``--gold-campaigns``
builds CAMPAIGN mentions from the gold annotations (every written form of
every gold campaign, found in the text) so that MEASURES can be measured on
its own.

Usage::

    python tests/scripts/eval_metrics_dev.py [--corpus data/corpus] [--out /tmp/metrics_dev.jsonl]
        [--gold /work/shared/annotation/gold] [--gold-campaigns] [--verbose] [--show 001]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from kg.extract import build_nlp
from kg.extract.given_campaigns import campaign_mentions_for
from kg.ingest import read_corpus
from kg.model import IngestProblem, Mention
from kg.structure import structure_document

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def gold_campaigns(gold_dir: Path, doc_name: str) -> dict[str, str]:
    """Written form -> canonical name for the gold campaigns of one document."""
    path = gold_dir / f"{doc_name.split('_')[0]}.json"
    if not path.exists():
        return {}
    g = json.loads(path.read_text(encoding="utf-8"))
    forms: dict[str, str] = {}
    for e in g["entities"]:
        if e["type"] == "CAMPAIGN":
            for form in [e["name"], *e.get("mentions", [])]:
                forms.setdefault(form, e["name"])
    return forms


def run(corpus: Path, gold_dir: Path, use_gold_campaigns: bool) -> list[dict]:
    nlp = build_nlp()
    records: list[dict] = []
    for item in read_corpus(corpus):
        if isinstance(item, IngestProblem):
            print(item.line(), file=sys.stderr)
            continue
        sdoc = structure_document(item)
        doc = nlp.make_doc(item.norm)
        doc._.kg_document = sdoc
        doc._.kg_lexicon = nlp.user_data.get("kg_lexicon")
        doc._.kg_mentions, doc._.kg_metrics, doc._.kg_relations = [], [], []
        for name, proc in nlp.pipeline:
            if name == "kg_measures" and use_gold_campaigns:
                doc._.kg_mentions = [m for m in doc._.kg_mentions if m.label != "CAMPAIGN"]
                doc._.kg_mentions += campaign_mentions_for(sdoc, gold_campaigns(gold_dir, item.name))
            doc = proc(doc)
        for m in doc._.kg_metrics:
            records.append({"doc": item.name, "type": "METRIC", "text": m.text, "start": m.start, "end": m.end,
                            "value": m.value, "unit": m.unit, "indicator": m.indicator, "kind": m.kind,
                            "masked": m.masked, "period": m.period})
        for r in doc._.kg_relations:
            if r.rel != "MEASURES" or not isinstance(r.tail, Mention):
                continue
            records.append({"doc": item.name, "type": "RELATION", "rel": "MEASURES", "from": r.head.text,
                            "to": r.tail.name, "start": r.head.start, "end": r.head.end, "trigger": r.trigger})
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("data/corpus"))
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "annotation" / "gold")
    ap.add_argument("--out", type=Path, default=Path("/tmp/metrics_dev.jsonl"))
    ap.add_argument("--gold-campaigns", action="store_true", help="CAMPAIGN mentions from the gold files")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--show", help="print the records of the documents whose name starts with this")
    a = ap.parse_args()
    records = run(a.corpus, a.gold, a.gold_campaigns)
    with a.out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if a.show:
        for r in records:
            if r["doc"].startswith(a.show):
                print(json.dumps(r, ensure_ascii=False))
    if SCORER.exists():
        cmd = [sys.executable, str(SCORER), "--pred", str(a.out), "--gold", str(a.gold), "--corpus", str(a.corpus)]
        subprocess.run(cmd + (["--verbose"] if a.verbose else []), check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
