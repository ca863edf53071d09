"""Write tests/data/unseen/gold/*.json from the hand annotations in gold_1*.py.

The annotations were written from the documents alone, before any extractor
output was looked at. This script only expands them into the gold format
(value/unit/masked derived from the metric text) and checks that every
context occurs in its document and every relation end is an annotated entity.
"""
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MASK = re.compile(r"^(X+|x+|\*+)")
MULT = {"万": 1e4, "亿": 1e8}


def parse(text):
    m = re.match(r"^([0-9.]+|X+|x+|\*+)(余)?([万亿])?(.*)$", text)
    num, _, mult, unit = m.groups()
    if unit.startswith("个") and unit[1:] in ("月", "百分点", "小时", "工作日"):
        unit = unit[1:]  # the shared gold's convention: X个月 has the unit 月
    masked = not num[0].isdigit()
    value = None if masked else float(num) * MULT.get(mult or "", 1)
    if value is not None:
        value = round(value, 6)
    return value, unit, masked


def build(mod):
    text = (ROOT / "corpus" / mod.DOC).read_text(encoding="utf-8")
    ents = []
    names = set()
    for row in mod.ENT:
        t, name, mentions = row[:3]
        opt = len(row) > 3 and row[3]
        for s in mentions:
            assert s in text, (mod.DOC, s)
        # a name split by coordination (A、B交通运输局) has no surface form of its own
        ents.append({"type": t, "name": name, "mentions": mentions, "optional": bool(opt)})
        names.add(name)
    mets = []
    keys = set()
    for txt, ind, kind, ctx in mod.MET:
        assert ctx in text, (mod.DOC, ctx)
        assert txt in ctx, (mod.DOC, txt, ctx)
        assert 10 <= len(ctx) <= 30 or len(ctx) >= 6, ctx
        value, unit, masked = parse(txt)
        mets.append({"text": txt, "value": value, "unit": unit, "indicator": ind, "kind": kind,
                     "masked": masked, "context": ctx, "optional": False})
        keys.add((txt, ctx))
    rels = []
    for row in mod.REL:
        if row[0] == "MEASURES":
            _, txt, ctx, to = row[:4]
            opt = len(row) > 4 and row[4]
            assert (txt, ctx) in keys, (mod.DOC, txt, ctx)
            assert to in names, (mod.DOC, to)
            rels.append({"type": "MEASURES", "from": txt, "context": ctx, "to": to, "optional": bool(opt)})
        else:
            t, frm, to = row[:3]
            opt = len(row) > 3 and row[3]
            assert frm in names and to in names, (mod.DOC, frm, to)
            rels.append({"type": t, "from": frm, "to": to, "optional": bool(opt)})
    return {"doc": mod.DOC, "author": mod.AUTHOR, "entities": ents, "metrics": mets, "relations": rels}


def main():
    out = ROOT / "gold"
    out.mkdir(exist_ok=True)
    for path in sorted(HERE.glob("gold_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        g = build(mod)
        key = mod.DOC.split("_")[0]
        (out / f"{key}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(key, len(g["entities"]), len(g["metrics"]), len(g["relations"]))
    links = {"groups": [
        [["100", "安全生产治本攻坚三年行动"], ["101", "安全生产治本攻坚三年行动"],
         ["102", "安全生产治本攻坚三年行动"], ["103", "安全生产治本攻坚三年行动"]],
        [["100", "放管服改革"], ["103", "放管服改革"]],
        [["100", "党纪学习教育"], ["102", "党纪学习教育"]],
        [["102", "交通运输部"], ["103", "交通运输部"]],
        [["100", "行政执法三项制度"], ["101", "三项制度"]],
    ]}
    (out / "links.json").write_text(json.dumps(links, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
