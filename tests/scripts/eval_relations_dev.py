#!/usr/bin/env python3
"""Score relation extraction (CONDUCTS, ISSUES, COOPERATES_WITH) against the gold.

Two modes:

``e2e``   ingest + structure + extract (``kg.extract.build_nlp`` /
          ``extract_document``) over the corpus, as the pipeline runs.
``gold``  the relation rules in isolation: entity mentions are made by locating
          every gold mention string in the text (longest first, no overlaps),
          so relation logic is measured apart from entity errors.

Writes entity and relation records to a jsonl and runs
``/work/shared/eval/score.py`` on three gold subsets: all, dev (all but the
hold-out) and the hold-out alone (002 by default; keep it out while tuning).

Examples
--------
python tests/scripts/eval_relations_dev.py --mode gold --author-from-gold
python tests/scripts/eval_relations_dev.py --mode e2e --verbose
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.ids import stable_id
from kg.model import Mention, RelationMention, StructuredDocument
REPO_DIR = Path(__file__).resolve().parents[2]

GOLD = Path(__file__).resolve().parents[3] / "shared" / "annotation" / "gold"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
CORPUS = REPO_DIR / "data" / "corpus"
REL_TYPES = ("CONDUCTS", "ISSUES", "COOPERATES_WITH")


def doc_key(name: str) -> str:
    return Path(name).name.split("_")[0].split(".")[0]


def load_gold(gold_dir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))
            if p.name != "links.json"}


def structured_docs(corpus: Path) -> list[StructuredDocument]:
    from kg.ingest import read_corpus
    from kg.model import SourceDocument
    from kg.structure import structure_document

    return [structure_document(s) for s in read_corpus(corpus) if isinstance(s, SourceDocument)]


def gold_mentions(sdoc: StructuredDocument, gold: dict) -> list[Mention]:
    """Mentions made by finding each gold surface form in the text (longest first, no overlap)."""
    text = sdoc.source.text
    forms = []
    for ent in gold["entities"]:
        for form in {ent["name"], *ent.get("mentions", [])}:
            if form:
                forms.append((form, ent))
    forms.sort(key=lambda f: -len(f[0]))
    taken = [False] * len(text)
    out = []
    for form, ent in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not any(taken[at:end]):
                for i in range(at, end):
                    taken[i] = True
                out.append(Mention(sdoc.name, ent["type"], form, at, end, ent["name"],
                                   sdoc.evidence(at, end), rule="gold"))
            at = text.find(form, at + 1)
    return sorted(out, key=lambda m: m.start)


def records(doc: str, mentions: list[Mention], relations: list[RelationMention], names=None) -> list[dict]:
    """Scorer records; ``names(head, tail)`` gives the ends' names (default: ``Mention.name``)."""
    out = [{"doc": doc, "type": m.label, "text": m.text, "start": m.start, "end": m.end, "name": m.name,
            "id": stable_id(m.label, m.name, doc)} for m in mentions]
    seen = set()
    for r in relations:
        if r.rel not in REL_TYPES:
            continue
        head, tail = names(r.head, r.tail) if names else (r.head.name, r.tail.name)
        key = (r.rel, head, tail)
        if key in seen:  # the gold lists each relation once
            continue
        seen.add(key)
        out.append({"doc": doc, "type": "RELATION", "rel": r.rel, "from": head, "to": tail,
                    "trigger": r.trigger, "sentence": r.evidence.sentence})
    return out


def run(mode: str, corpus: Path, gold: dict[str, dict], author_from_gold: bool, resolved: bool = False) -> list[dict]:
    out: list[dict] = []
    extractions = []
    sdocs = structured_docs(corpus)
    if mode == "e2e":
        from kg.extract import build_nlp, extract_document

        nlp = build_nlp()
    else:
        from kg.extract.relations import RelationExtractor

        extractor = RelationExtractor()
    for sdoc in sdocs:
        g = gold.get(doc_key(sdoc.name))
        if author_from_gold and g is not None and not sdoc.meta.author:
            sdoc.meta.author = g.get("author")
        if mode == "e2e":
            ext = extract_document(sdoc, nlp)
            extractions.append(ext)
            if not resolved:
                out += records(sdoc.name, ext.mentions, ext.relations)
        elif g is not None:
            res = extractor.extract(sdoc, gold_mentions(sdoc, g))
            out += records(sdoc.name, res.mentions, res.relations)
    if mode == "e2e" and resolved:
        from kg.graph import relation_names
        from kg.resolve import resolve

        res = resolve(extractions, nlp.user_data.get("kg_lexicon"))
        for ext in extractions:
            out += records(ext.document.name, ext.mentions, ext.relations, lambda h, t: relation_names(res, h, t))
    return out


def score(pred: Path, gold_dir: Path, keys: list[str], corpus: Path, verbose: bool) -> str:
    """Run the shared scorer on the gold files of ``keys`` only."""
    with tempfile.TemporaryDirectory() as tmp:
        sub = Path(tmp)
        for k in keys:
            (sub / f"{k}.json").symlink_to(gold_dir / f"{k}.json")
        cmd = [sys.executable, str(SCORER), "--pred", str(pred), "--gold", str(sub), "--corpus", str(corpus)]
        if verbose:
            cmd.append("--verbose")
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def add_own_total(table: str) -> str:
    """Add a row summing CONDUCTS, ISSUES and COOPERATES_WITH (the scorer's RELATIONS includes MEASURES)."""
    tp = fp = fn = 0
    lines = table.splitlines()
    at = None
    for i, line in enumerate(lines):
        cols = line.split()
        if cols and cols[0] in {f"REL:{t}" for t in REL_TYPES}:
            tp, fp, fn = tp + int(cols[-3]), fp + int(cols[-2]), fn + int(cols[-1])
            at = i
    if at is None:
        return table
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    lines.insert(at + 1, f"{'REL:C+I+CW':18} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5} {fp:5} {fn:5}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=("e2e", "gold"), default="gold")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--holdout", default="002", help="gold key kept out of tuning, scored alone")
    ap.add_argument("--author-from-gold", action="store_true",
                    help="use the gold author where the structure stage found none")
    ap.add_argument("--resolved", action="store_true",
                    help="e2e: name relation ends by their resolved entity (as the graph does), not Mention.name")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg_relations_pred.jsonl")
    ap.add_argument("--verbose", action="store_true", help="print the scorer's FN/FP lines (dev subset)")
    ap.add_argument("--relations-only", action="store_true", help="print only the relation rows")
    a = ap.parse_args()

    gold = load_gold(a.gold)
    recs = run(a.mode, a.corpus, gold, a.author_from_gold, a.resolved)
    a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    keys = sorted(gold)
    dev = [k for k in keys if k != a.holdout]
    for title, ks, verbose in (("all", keys, False), ("dev", dev, a.verbose), (f"hold-out {a.holdout}", [a.holdout], a.verbose)):
        if not ks or not all(k in gold for k in ks):
            continue
        out = score(a.out, a.gold, ks, a.corpus, verbose)
        out = add_own_total(out)
        if a.relations_only:
            out = "\n".join(l for l in out.splitlines() if l.startswith(("REL:", "RELATIONS", " ", "[")) or not l[:1].isalpha())
        print(f"== {a.mode} {title} ({', '.join(ks)})\n{out}")
    print(f"predictions: {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
