"""Gazetteer.find (which only looks where a name may start) finds what a scan of every offset finds."""

import random

from kg.structure.gazetteer import Gazetteer, PlaceMention, gazetteer


def scan_every_offset(g: Gazetteer, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    end = len(text) if end is None else end
    out, i = [], start
    while i < end:
        for n in sorted({len(name) for name in g._names}, reverse=True):
            hit = g._names.get(text[i:i + n]) if i + n <= end else None
            if hit:
                codes = [c for c, _ in hit]
                full = any(f for _, f in hit)
                if g._credible(text, i, text[i:i + n], full, codes):
                    out.append(PlaceMention(i, i + n, text[i:i + n], tuple(dict.fromkeys(codes)), full))
                    i += n
                    break
        else:
            i += 1
    return out


def test_find_equals_a_scan_of_every_offset():
    g = gazetteer()
    rng = random.Random(6)
    names = sorted(g._names)
    for _ in range(300):
        text = "".join(rng.choice(names)[:rng.randrange(1, 6)] + rng.choice(["", "交通", "港", "市委", "人民", "、"])
                       for _ in range(6))
        assert g.find(text) == scan_every_offset(g, text), text
        s = rng.randrange(len(text))
        e = rng.randrange(s, len(text) + 1)
        assert g.find(text, s, e) == scan_every_offset(g, text, s, e), (text, s, e)


def test_find_with_one_character_names():
    from kg.structure.gazetteer import Division
    g = Gazetteer([Division("1", "甲", "", "province", None), Division("2", "甲乙市", "甲乙", "city", "1"),
                   Division("3", "乙县", "", "county", "2")])
    for text in ["甲乙市交通", "甲", "乙县甲", "甲甲乙交通乙县", "丙甲乙"]:
        assert g.find(text) == scan_every_offset(g, text), text
