#!/usr/bin/env python3
"""Score entity extraction (the ``kg_entities`` component alone) against the gold.

Runs ingest + structure + a blank ``zh`` pipeline holding only
``kg_entities`` over the corpus, writes entity records
``{"doc","type","text","start","end","name","id"}`` (id =
``stable_id(label, name, doc)``) to a jsonl, and runs
``/work/shared/eval/score.py`` on three gold subsets: all, dev (all but the
hold-out) and the hold-out alone (002 by default; keep it out while tuning).

Examples
--------
python tests/scripts/eval_entities_dev.py
python tests/scripts/eval_entities_dev.py --verbose --subset dev
python tests/scripts/eval_entities_dev.py --dump 001        # print a document's mentions
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy

import kg.extract  # noqa: F401  (registers the components and Doc extensions)
from kg.lexicon import load_lexicon
from kg.ids import stable_id
from kg.ingest import read_corpus
from kg.model import Mention, SourceDocument
REPO_DIR = Path(__file__).resolve().parents[2]
from kg.schema import LABEL_OF_TYPE
from kg.structure import structure_document

GOLD = Path(__file__).resolve().parents[3] / "shared" / "annotation" / "gold"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
CORPUS = REPO_DIR / "data" / "corpus"


def doc_key(name: str) -> str:
    return Path(name).name.split("_")[0].split(".")[0]


def run(corpus: Path, lexicons: list[Path]) -> dict[str, list[Mention]]:
    """Mentions per document name."""
    nlp = spacy.blank("zh")
    lexicon = load_lexicon(lexicons)
    nlp.user_data = {"kg_lexicon": lexicon}  # as kg.extract.build_nlp does
    nlp.add_pipe("kg_entities")
    out: dict[str, list[Mention]] = {}
    for src in read_corpus(corpus):
        if not isinstance(src, SourceDocument):
            print(f"skipped: {src.line()}", file=sys.stderr)
            continue
        sdoc = structure_document(src)
        doc = nlp.make_doc(src.norm)
        doc._.kg_document, doc._.kg_lexicon, doc._.kg_mentions = sdoc, lexicon, []
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out[sdoc.name] = list(doc._.kg_mentions)
    return out


def records(mentions: dict[str, list[Mention]]) -> list[dict]:
    return [{"doc": m.doc, "type": m.label, "text": m.text, "start": m.start, "end": m.end, "name": m.name,
             "id": stable_id(LABEL_OF_TYPE[m.label], m.name, f"doc:{m.doc}"), "rule": m.rule}
            for ms in mentions.values() for m in ms]


def score(pred: Path, keys: list[str], corpus: Path, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        for k in keys:
            (Path(tmp) / f"{k}.json").symlink_to(GOLD / f"{k}.json")
        cmd = [sys.executable, str(SCORER), "--pred", str(pred), "--gold", tmp, "--corpus", str(corpus)]
        if verbose:
            cmd.append("--verbose")
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = res.stdout.splitlines()
    keep = [ln for ln in lines if ln.startswith(("  ", "[", " ", "AGENCY", "ORGANIZATION", "CAMPAIGN",
                                                 "REGULATION", "ENTITIES")) and "METRIC" not in ln
            and not any(w in ln for w in ("REL", "CONDUCTS", "ISSUES", "COOPERATES", "MEASURES"))]
    return "\n".join(keep)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg_entities_dev.jsonl")
    ap.add_argument("--holdout", default="002")
    ap.add_argument("--subset", choices=("all", "dev", "holdout", "each"), default="each")
    ap.add_argument("--lexicon", type=Path, action="append", default=[])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--dump", help="print the mentions of the document with this key (e.g. 001)")
    a = ap.parse_args()

    mentions = run(a.corpus, a.lexicon)
    recs = records(mentions)
    a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    if a.dump:
        for r in recs:
            if doc_key(r["doc"]) == a.dump:
                print(f"{r['start']:6} {r['type']:12} {r['text']:30} -> {r['name']}  [{r['rule']}]")
        return 0
    gold_keys = sorted(p.stem for p in GOLD.glob("*.json") if p.name != "links.json")
    subsets = {"all": gold_keys, "dev": [k for k in gold_keys if k != a.holdout], "holdout": [a.holdout]}
    for name, keys in subsets.items():
        if a.subset not in ("each", name):
            continue
        print(f"== {name}: {' '.join(keys)}")
        print(score(a.out, keys, a.corpus, a.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
