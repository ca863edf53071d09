"""Score extractions against gold annotations in the guideline's format.

The matching rules are those of the annotation guideline's scorer:

- an entity is found when a predicted entity of its type (grouped by ``id``)
  shares a normalised name or surface form with it; predicted entities that
  match no gold entity are false positives; optional gold items count neither way;
- a metric is found when a predicted metric's span overlaps it (value and unit
  are then compared: ``value_unit_accuracy``);
- a relation is found when both ends match the gold entity's names (for
  MEASURES, the metric's span and the campaign);
- links are scored over pairs of gold entities in different documents: two
  are the same thing when they share a group of ``links.json``, and predicted
  the same when their mentions resolved to one id;
- indicator links (``INDICATORS``) are scored the same way over pairs of gold
  metrics in different documents: the same thing when their ``indicator_key``
  is the same, predicted the same when the predicted metrics they match carry
  one ``indicator_key`` (a gold metric that no prediction matches links to
  nothing);
- ``REL:REPORTED_BY`` scores the gold ``reported_by`` of each metric as a
  relation from the metric (its span) to the body, like MEASURES. RELATIONS
  adds up the four relations of the guideline only. Both rows are scored when
  the gold metrics carry ``indicator_key`` / ``reported_by``.

Gold files: one JSON per document (``000.json`` for ``000_xxx.txt``) with
``doc``, ``entities`` [{type, name, mentions, optional}], ``metrics`` [{text,
value, unit, indicator, kind, masked, context[, indicator_key, reported_by]}],
``relations`` [{type, from, to, context (MEASURES)}], and optionally
``links.json`` {"groups": [[[doc, name], ...]]} (see tests/data/README.md).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION")
REL_TYPES = ("CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES")
#: relations from a metric, scored by the metric's span
METRIC_RELS = ("MEASURES", "REPORTED_BY")
_STRIP = {ord(c): None for c in "“”‘’\"'「」『』《》〈〉 \t\r\n"}
ROWS = (list(ENTITY_TYPES) + ["ENTITIES", "METRIC"] + [f"REL:{t}" for t in REL_TYPES] + ["RELATIONS", "LINKS"]
        + ["REL:REPORTED_BY", "INDICATORS"])


class GoldError(Exception):
    """A gold file that cannot be used (one line naming the file and the problem)."""


def _norm(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s).translate(_STRIP) if s else ""


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def doc_key(name: str) -> str:
    """``000_ed33.txt`` and ``000.json`` both map to ``000``."""
    return Path(name).name.split("_")[0].split(".")[0]


@dataclass
class Report:
    """Scores: ``summary[row]`` for each row of :data:`ROWS`, per document, and the misses."""

    summary: dict
    per_doc: dict
    details: list[str] = field(default_factory=list)


def load_gold(gold_dir: Path, corpus_dir: Path) -> dict[str, dict]:
    """Read the gold files and locate each metric in its document."""
    gold: dict[str, dict] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        if path.name == "links.json":
            continue
        try:
            g = json.loads(path.read_text(encoding="utf-8"))
            text = (Path(corpus_dir) / g["doc"]).read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError) as exc:
            raise GoldError(f"{path}: {type(exc).__name__}: {exc}") from exc
        cursor: dict[str, int] = defaultdict(int)
        for m in g.get("metrics", []):
            ctx = m["context"]
            at = text.find(ctx, cursor[ctx])
            if at < 0:
                at = text.find(ctx)
            if at < 0:
                raise GoldError(f"{path}: metric context not found in {g['doc']}: {ctx!r}")
            cursor[ctx] = at + 1
            off = ctx.find(m["text"])
            if off < 0:
                raise GoldError(f"{path}: metric text {m['text']!r} not in its context")
            m["start"] = at + off
            m["end"] = m["start"] + len(m["text"])
            if "reported_by" in m:
                g["reporting"] = True
                if m["reported_by"] and not m.get("optional"):
                    g.setdefault("relations", []).append(
                        {"type": "REPORTED_BY", "from": m["text"], "context": ctx, "to": m["reported_by"]})
        gold[doc_key(g["doc"])] = g
    return gold


def load_predictions(path: Path) -> dict[str, dict]:
    """Read an ``extractions.jsonl`` into entities, metrics and relations per document (a metric's
    ``reported_by`` is its REPORTED_BY relation)."""
    pred: dict = defaultdict(lambda: {"entities": [], "metrics": [], "relations": []})
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            d = pred[doc_key(rec["doc"])]
            kind = rec.get("type")
            if kind == "METRIC":
                d["metrics"].append(rec)
                if rec.get("reported_by"):
                    d["relations"].append({"rel": "REPORTED_BY", "from": rec["text"], "to": rec["reported_by"],
                                           "start": rec["start"], "end": rec["end"]})
            elif kind == "RELATION":
                d["relations"].append(rec)
            elif kind in ENTITY_TYPES:
                d["entities"].append(rec)
    return pred


def _entity_keys(e: dict) -> set[str]:
    return {k for k in {_norm(e.get("name"))} | {_norm(m) for m in e.get("mentions", [])} if k}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _score_entities(g: dict, p: dict, out: list[str]) -> dict:
    res = {}
    for t in ENTITY_TYPES:
        keys_of: dict[str, set[str]] = defaultdict(set)
        for e in p["entities"]:
            if e["type"] == t:
                pid = e.get("id") or _norm(e.get("name")) or _norm(e.get("text"))
                keys_of[pid] |= {k for k in (_norm(e.get("name")), _norm(e.get("text"))) if k}
        tp = fn = 0
        matched: set[str] = set()
        for ge in (e for e in g["entities"] if e["type"] == t):
            hits = [pid for pid, ks in keys_of.items() if ks & _entity_keys(ge)]
            matched.update(hits)
            if ge.get("optional"):
                continue
            if hits:
                tp += 1
            else:
                fn += 1
                out.append(f"  FN {t}: {ge['name']}")
        fp = 0
        for pid, ks in keys_of.items():
            if pid not in matched:
                fp += 1
                out.append(f"  FP {t}: {sorted(ks)[0]}")
        res[t] = _prf(tp, fp, fn)
    return res


def _score_metrics(g: dict, p: dict, out: list[str]) -> dict:
    preds = [m for m in p["metrics"] if m.get("start") is not None]
    used: set[int] = set()
    tp = fn = exact = 0

    def take(gm: dict) -> int | None:
        for i, pm in enumerate(preds):
            if i not in used and _overlaps(pm["start"], pm["end"], gm["start"], gm["end"]):
                used.add(i)
                return i
        return None

    for gm in (m for m in g.get("metrics", []) if not m.get("optional")):
        i = take(gm)
        if i is None:
            fn += 1
            out.append(f"  FN METRIC: {gm['text']} ({gm['context']})")
            continue
        tp += 1
        pm = preds[i]
        gv, pv = gm.get("value"), pm.get("value")
        same = (gv is None and pv is None) or (
            gv is not None and pv is not None and abs(gv - pv) <= 1e-6 * max(1.0, abs(gv)))
        if same and _norm(gm.get("unit")).replace("％", "%") == _norm(pm.get("unit")).replace("％", "%"):
            exact += 1
        else:
            out.append(f"  VALUE METRIC: gold {gm['text']}={gv} {gm.get('unit')} pred {pm.get('text')}={pv} {pm.get('unit')}")
    for gm in (m for m in g.get("metrics", []) if m.get("optional")):
        take(gm)
    fp = len(p["metrics"]) - len(used)
    out += [f"  FP METRIC: {pm.get('text')}" for i, pm in enumerate(preds) if i not in used]
    res = _prf(tp, fp, fn)
    res["exact"] = exact
    res["value_unit_accuracy"] = round(exact / tp, 4) if tp else 0.0
    return res


def _score_relations(g: dict, p: dict, out: list[str]) -> dict:
    """The relations of :data:`REL_TYPES`, and REPORTED_BY when the gold says who reports its metrics."""
    keys_by_name = {_norm(e["name"]): _entity_keys(e) for e in g["entities"]}
    spans = {(_norm(m["text"]), _norm(m["context"])): (m["start"], m["end"]) for m in g.get("metrics", [])}

    def end_ok(gold_name: str, pred_name: str) -> bool:
        return _norm(pred_name) in keys_by_name.get(_norm(gold_name), {_norm(gold_name)})

    res = {}
    for rt in REL_TYPES + (("REPORTED_BY",) if g.get("reporting") else ()):
        gold_r = sorted((r for r in g.get("relations", []) if r["type"] == rt), key=lambda r: bool(r.get("optional")))
        pred_r = [r for r in p["relations"] if r.get("rel") == rt]
        used: set[int] = set()
        tp = fn = 0
        for gr in gold_r:
            hit = None
            for i, pr in enumerate(pred_r):
                if i in used:
                    continue
                if rt in METRIC_RELS:
                    span = spans.get((_norm(gr["from"]), _norm(gr.get("context", ""))))
                    from_ok = span is not None and pr.get("start") is not None and _overlaps(
                        pr["start"], pr["end"], *span)
                else:
                    from_ok = end_ok(gr["from"], pr.get("from", ""))
                if from_ok and end_ok(gr["to"], pr.get("to", "")):
                    hit = i
                    break
            if hit is not None:
                used.add(hit)
            if gr.get("optional"):
                continue
            if hit is None:
                fn += 1
                out.append(f"  FN {rt}: {gr['from']} -> {gr['to']}")
            else:
                tp += 1
        out += [f"  FP {rt}: {pr.get('from')} -> {pr.get('to')}" for i, pr in enumerate(pred_r) if i not in used]
        res[rt] = _prf(tp, len(pred_r) - len(used), fn)
    return res


def _score_links(gold: dict, pred: dict, links: Path) -> dict | None:
    if not links.exists():
        return None
    group_of = {}
    for gi, members in enumerate(json.loads(links.read_text(encoding="utf-8"))["groups"]):
        for doc, name in members:
            group_of[(doc, _norm(name))] = gi
    resolved = []
    for doc, g in gold.items():
        p = pred.get(doc)
        if p is None:
            continue
        for ge in g["entities"]:
            if ge.get("optional"):
                continue
            keys = _entity_keys(ge)
            ids = frozenset(e.get("id") for e in p["entities"] if e["type"] == ge["type"] and e.get("id")
                            and ({_norm(e.get("name")), _norm(e.get("text"))} & keys))
            if ids:
                resolved.append((doc, ge["type"], _norm(ge["name"]), ids))
    tp = fp = fn = 0
    for i, (d1, t1, n1, ids1) in enumerate(resolved):
        for d2, t2, n2, ids2 in resolved[i + 1:]:
            if d1 == d2 or t1 != t2:
                continue
            g1, g2 = group_of.get((d1, n1)), group_of.get((d2, n2))
            same_gold, same_pred = g1 is not None and g1 == g2, bool(ids1 & ids2)
            tp += same_gold and same_pred
            fn += same_gold and not same_pred
            fp += same_pred and not same_gold
    return _prf(tp, fp, fn)


def _indicator_pairs(gold: dict, pred: dict) -> tuple[dict, dict[str, list[int]]]:
    """Indicator links over pairs of gold metrics in different documents: the scores, and each document's
    counts (a pair counts for both of its documents)."""
    found = []  # (doc, gold key, predicted id or None)
    for doc, g in gold.items():
        preds = [m for m in pred.get(doc, {}).get("metrics", []) if m.get("start") is not None]
        used: set[int] = set()
        for gm in g.get("metrics", []):
            if gm.get("optional") or not gm.get("indicator_key"):
                continue
            hit = next((i for i, pm in enumerate(preds)
                        if i not in used and _overlaps(pm["start"], pm["end"], gm["start"], gm["end"])), None)
            if hit is not None:
                used.add(hit)
            found.append((doc, gm["indicator_key"], preds[hit].get("indicator_key") if hit is not None else None))
    per_doc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for i, (d1, k1, p1) in enumerate(found):
        for d2, k2, p2 in found[i + 1:]:
            if d1 == d2:
                continue
            same_gold, same_pred = k1 == k2, p1 is not None and p1 == p2
            if not (same_gold or same_pred):
                continue
            part = 0 if same_gold and same_pred else (1 if same_pred else 2)
            per_doc[d1][part] += 1
            per_doc[d2][part] += 1
    totals = [sum(c[i] for c in per_doc.values()) // 2 for i in range(3)]
    return _prf(*totals), per_doc


def evaluate(pred_path: Path, gold_dir: Path, corpus_dir: Path, links: Path | None = None,
             only: set[str] | None = None) -> Report:
    """Score ``pred_path`` (an extractions.jsonl) against the gold files of ``gold_dir``.

    Parameters
    ----------
    pred_path, gold_dir, corpus_dir : Path
        Predictions, gold folder, and the folder of the documents the gold names.
    links : Path, optional
        Cross-document groups; ``gold_dir/links.json`` by default.
    only : set of str, optional
        Score only these document keys (``{"002"}``), e.g. a held-out document.

    Returns
    -------
    Report
    """
    gold = load_gold(gold_dir, corpus_dir)
    if only:
        gold = {k: v for k, v in gold.items() if k in only}
    pred = load_predictions(pred_path)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_doc, details = {}, []
    exact = mtp = 0
    for doc, g in gold.items():
        p = pred.get(doc, {"entities": [], "metrics": [], "relations": []})
        out: list[str] = [f"[{doc}]"]
        ents, mets, rels = _score_entities(g, p, out), _score_metrics(g, p, out), _score_relations(g, p, out)
        per_doc[doc] = {"entities": ents, "metrics": mets, "relations": rels}
        for k, v in [*ents.items(), ("METRIC", mets), *((f"REL:{t}", v) for t, v in rels.items())]:
            for i, part in enumerate(("tp", "fp", "fn")):
                totals[k][i] += v[part]
        exact += mets["exact"]
        mtp += mets["tp"]
        details += out
    summary = {k: _prf(*v) for k, v in totals.items()}
    summary["ENTITIES"] = _prf(*(sum(totals[t][i] for t in ENTITY_TYPES) for i in range(3)))
    summary["RELATIONS"] = _prf(*(sum(totals[f"REL:{t}"][i] for t in REL_TYPES) for i in range(3)))
    if "METRIC" in summary:
        summary["METRIC"]["value_unit_accuracy"] = round(exact / mtp, 4) if mtp else 0.0
    link = _score_links(gold, pred, links or Path(gold_dir) / "links.json")
    if link is not None:
        summary["LINKS"] = link
    if any(m.get("indicator_key") for g in gold.values() for m in g.get("metrics", [])):
        summary["INDICATORS"], counts = _indicator_pairs(gold, pred)
        for doc in per_doc:
            per_doc[doc]["indicators"] = _prf(*counts.get(doc, [0, 0, 0]))
    return Report(summary=summary, per_doc=per_doc, details=details)


def format_report(report: Report) -> str:
    """The scores as the aligned table that the shared scorer prints."""
    lines = [f"{'':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k in ROWS:
        if k in report.summary:
            s = report.summary[k]
            extra = f"  value+unit {s['value_unit_accuracy']:.3f}" if k == "METRIC" else ""
            lines.append(f"{k:18} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['tp']:5} {s['fp']:5} {s['fn']:5}{extra}")
    return "\n".join(lines)


#: the columns of the per-document table: (heading, row of the per-document scores, measure)
PER_DOC_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("AGENCY", "AGENCY", "f1"), ("ORG", "ORGANIZATION", "f1"), ("CAMP", "CAMPAIGN", "f1"), ("REG", "REGULATION", "f1"),
    ("ENT", "ENTITIES", "f1"), ("METRIC", "METRIC", "f1"), ("COND.R", "CONDUCTS", "r"), ("REL", "RELATIONS", "f1"),
    ("REP", "REPORTED_BY", "f1"), ("IND", "INDICATORS", "f1"),
)


def per_doc_rows(report: Report) -> dict[str, dict[str, dict]]:
    """Each document's scores by row name (the entity types, ENTITIES, METRIC, the relations, RELATIONS)."""
    out: dict[str, dict[str, dict]] = {}
    for doc, s in report.per_doc.items():
        ents, rels = s["entities"], s["relations"]
        row = {**ents, "METRIC": s["metrics"], **rels}
        row["ENTITIES"] = _prf(*(sum(ents[t][k] for t in ENTITY_TYPES) for k in ("tp", "fp", "fn")))
        row["RELATIONS"] = _prf(*(sum(rels[t][k] for t in REL_TYPES) for k in ("tp", "fp", "fn")))
        if "indicators" in s:
            row["INDICATORS"] = s["indicators"]
        out[doc] = row
    return out


def format_per_doc(report: Report) -> str:
    """One line per document: F1 of each entity type, of the entities, metrics and relations, CONDUCTS
    recall, F1 of REPORTED_BY and of the indicator links of its metrics; ``-`` where the gold has nothing
    of that row and nothing was predicted."""
    lines = [f"{'doc':8}" + "".join(f"{h:>7}" for h, _, _ in PER_DOC_COLUMNS)]
    for doc, row in sorted(per_doc_rows(report).items()):
        cells = []
        for _, key, measure in PER_DOC_COLUMNS:
            s = row.get(key) or _prf(0, 0, 0)
            cells.append(f"{s[measure]:7.3f}" if s["tp"] + s["fp"] + s["fn"] else f"{'-':>7}")
        lines.append(f"{doc:8}" + "".join(cells))
    return "\n".join(lines)

