"""Expand hand annotations into gold files: ``python tests/data/goldtool.py tests/data/dev``.

A set folder holds ``corpus/`` (the documents), ``tools/gold_NNN.py`` (one hand
annotation per document, written from the document alone) and ``gold/`` (what this
script writes: ``NNN.json`` per document and ``links.json``, whose ``groups`` are the
entity links the shared scorer reads and whose ``indicators`` are the metric groups).
The format of the annotation modules and of the files written is in
``tests/data/README.md``. The script checks that every surface form and metric
context occurs in its document and that every relation end is an annotated entity,
and stops with one line naming the first problem.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

MULT = {"万": 1e4, "亿": 1e8}
TYPES = ("AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION")
RELS = ("CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES")
KINDS = ("level", "change", "target")
DIMENSIONS = ("cases", "vehicles", "people", "money", "length", "weight", "area", "ratio",
              "points", "count", "time", "energy", "volume", "other")


class GoldProblem(Exception):
    pass


def parse(text: str) -> tuple[float | None, str, bool]:
    """value, unit and masked of a metric text (``24.228万人次`` -> 242280.0, 人次, False)."""
    m = re.match(r"^([0-9][0-9,.]*|X+|x+|\*+)(余|多)?([万亿])?(.*)$", text)
    if not m:
        raise GoldProblem(f"metric text does not start with a number or a mask: {text!r}")
    num, _, mult, unit = m.groups()
    if unit.startswith("个") and unit[1:] in ("月", "百分点", "小时", "工作日"):
        unit = unit[1:]  # the shared gold's convention: X个月 has the unit 月
    unit = unit.replace("％", "%")
    masked = not num[0].isdigit()
    value = None if masked else round(float(num.replace(",", "")) * MULT.get(mult or "", 1), 6)
    return value, unit, masked


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build(mod, corpus: Path) -> dict:
    where = mod.DOC
    text = (corpus / mod.DOC).read_text(encoding="utf-8")
    author = getattr(mod, "AUTHOR", None)
    ents, names = [], set()
    for row in mod.ENT:
        t, name, mentions = row[:3]
        if t not in TYPES:
            raise GoldProblem(f"{where}: unknown entity type {t!r}")
        for s in mentions:
            if s not in text:
                raise GoldProblem(f"{where}: mention not in the document: {s!r}")
        ents.append({"type": t, "name": name, "mentions": list(mentions),
                     "optional": bool(len(row) > 3 and row[3])})
        names.add(name)
    if author and author not in names:
        raise GoldProblem(f"{where}: AUTHOR {author!r} is not an annotated entity")
    mets, keys = [], set()
    for row in mod.MET:
        txt, ind, kind, ctx, key = row[:5]
        reported = row[5] if len(row) > 5 else author
        if kind not in KINDS:
            raise GoldProblem(f"{where}: unknown metric kind {kind!r} ({txt})")
        if ctx not in text:
            raise GoldProblem(f"{where}: context not in the document: {ctx!r}")
        if txt not in ctx:
            raise GoldProblem(f"{where}: metric text not in its context: {txt!r} / {ctx!r}")
        if not 6 <= len(ctx) <= 40:
            raise GoldProblem(f"{where}: context should be 10-30 characters: {ctx!r}")
        core, sep, dim = key.partition("|")
        if not core or not sep or dim not in DIMENSIONS:
            raise GoldProblem(f"{where}: indicator key must be 'core|dimension' with a dimension of "
                              f"{', '.join(DIMENSIONS)}: {key!r}")
        if reported and reported not in names:
            raise GoldProblem(f"{where}: reported_by {reported!r} is not an annotated entity ({txt})")
        value, unit, masked = parse(txt)
        mets.append({"text": txt, "value": value, "unit": unit, "indicator": ind, "kind": kind,
                     "masked": masked, "context": ctx, "optional": False,
                     "indicator_key": key, "reported_by": reported or None})
        keys.add((txt, ctx))
    rels = []
    for row in mod.REL:
        if row[0] not in RELS:
            raise GoldProblem(f"{where}: unknown relation type {row[0]!r}")
        if row[0] == "MEASURES":
            _, txt, ctx, to = row[:4]
            if (txt, ctx) not in keys:
                raise GoldProblem(f"{where}: MEASURES from a metric that is not annotated: {txt!r} / {ctx!r}")
            if to not in names:
                raise GoldProblem(f"{where}: MEASURES to an entity that is not annotated: {to!r}")
            rels.append({"type": "MEASURES", "from": txt, "context": ctx, "to": to,
                         "optional": bool(len(row) > 4 and row[4])})
        else:
            t, frm, to = row[:3]
            for end in (frm, to):
                if end not in names:
                    raise GoldProblem(f"{where}: {t} end is not an annotated entity: {end!r}")
            rels.append({"type": t, "from": frm, "to": to, "optional": bool(len(row) > 3 and row[3])})
    return {"doc": mod.DOC, "author": author, "jurisdiction": getattr(mod, "JURISDICTION", None),
            "entities": ents, "metrics": mets, "relations": rels}


def links(mods: list, golds: list[dict]) -> dict:
    """Entities of one type and one identity in different documents.

    The identity is the canonical name, or ``LINK[name]`` where a document names a
    thing differently from the others; names in ``LOCAL`` (bodies known only by a
    level word: 县委, 市政府, 局党组) are the same thing only within one JURISDICTION.
    """
    members: dict[tuple, list] = defaultdict(list)
    for mod, g in zip(mods, golds):
        key = mod.DOC.split("_")[0]
        local, link = set(getattr(mod, "LOCAL", ())), dict(getattr(mod, "LINK", {}))
        for e in g["entities"]:
            if e["optional"]:
                continue
            ident = link.get(e["name"], e["name"])
            if e["name"] in local:
                if not g["jurisdiction"]:
                    continue
                ident = (ident, g["jurisdiction"])
            members[(e["type"], ident)].append([key, e["name"]])
    groups = [m for _, m in sorted(members.items(), key=lambda kv: str(kv[0])) if len({d for d, _ in m}) > 1]
    return {"groups": groups}


def indicators(mods: list, golds: list[dict]) -> list[dict]:
    """Metrics of one indicator key in two or more documents."""
    members: dict[str, list] = defaultdict(list)
    for mod, g in zip(mods, golds):
        key = mod.DOC.split("_")[0]
        for m in g["metrics"]:
            members[m["indicator_key"]].append([key, m["text"], m["context"]])
    groups = {k: v for k, v in sorted(members.items()) if len({d for d, *_ in v}) > 1}
    return [{"key": k, "members": v} for k, v in groups.items()]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    root = Path(argv[0])
    corpus, out = root / "corpus", root / "gold"
    out.mkdir(exist_ok=True)
    mods, golds = [], []
    try:
        for path in sorted((root / "tools").glob("gold_*.py")):
            mod = _load(path)
            mods.append(mod)
            golds.append(build(mod, corpus))
    except GoldProblem as exc:
        print(f"goldtool: {exc}", file=sys.stderr)
        return 1
    for mod, g in zip(mods, golds):
        key = mod.DOC.split("_")[0]
        (out / f"{key}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(key, len(g["entities"]), "entities", len(g["metrics"]), "metrics", len(g["relations"]), "relations")
    data = {**links(mods, golds), "indicators": indicators(mods, golds)}
    (out / "links.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("links.json:", len(data["groups"]), "entity groups,", len(data["indicators"]), "indicator groups")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
