"""The division a document speaks for, from the places it names."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kg.model import Jurisdiction
from kg.structure.gazetteer import Gazetteer, PlaceMention

#: Share of the current division's weight a sub-division must hold to be chosen instead.
DESCEND_SHARE = 0.6
#: Least weight (one full name, or two short ones) for a division to be chosen at all.
MIN_WEIGHT = 1.0
OPENING_FACTOR = 2.0
_LEVEL_WORDS = {
    "province": re.compile(r"全省|我省|本省|省委|省政府"),
    "city": re.compile(r"全市|我市|本市|市委|市政府"),
    "county": re.compile(r"全县|我县|本县|县委|县政府"),
}
_LEVEL_SUFFIX = {"province": "省", "city": "市", "county": "县"}


@dataclass(frozen=True, slots=True)
class _Weighted:
    code: str
    weight: float
    raw: float
    start: int
    full: bool


def level_hint(norm: str) -> str | None:
    """The level the document speaks at (全省/全市/全县 words), when one clearly dominates."""
    counts = {level: len(p.findall(norm)) for level, p in _LEVEL_WORDS.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


def _disambiguate(g: Gazetteer, mentions: list[PlaceMention]) -> list[tuple[PlaceMention, str]]:
    """One code per mention: an ambiguous name goes to the reading that shares a province with the others."""
    province_weight: dict[str, float] = defaultdict(float)
    for m in mentions:
        if len(m.codes) == 1:
            province_weight[g.chain(m.codes[0])[-1].code] += 1.0
    out = []
    for m in mentions:
        if len(m.codes) == 1:
            out.append((m, m.codes[0]))
            continue
        scored = sorted(((province_weight.get(g.chain(c)[-1].code, 0.0), c) for c in m.codes), reverse=True)
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            out.append((m, scored[0][1]))
    return out


def to_jurisdiction(g: Gazetteer, code: str) -> Jurisdiction:
    """A :class:`Jurisdiction` for a division code, with its province, city and county filled in."""
    chain = g.chain(code)
    names = {d.level: d.name for d in chain}
    d = chain[0]
    return Jurisdiction(
        level=d.level, name=d.name, code=d.code,
        province=names.get("province"), city=names.get("city"), county=names.get("county"),
    )


def choose_jurisdiction(
    g: Gazetteer, norm: str, title: tuple[int, int] | None, opening_end: int,
    places: list[PlaceMention] | None = None,
) -> Jurisdiction | None:
    """Pick the jurisdiction of a document.

    A division named in the title wins (the innermost one there). Otherwise
    the places named anywhere (those in the opening paragraphs count double)
    are weighed up the division tree, and the choice descends from the
    province to the city to the county while one sub-division holds most
    of the weight, no deeper than the level the document speaks at
    (全省/全市/全县); a division inside the choice that the opening names
    explicitly (and alone: not side by side with its siblings) then wins
    over it.

    Parameters
    ----------
    g : Gazetteer
    norm : str
        The width-folded document text.
    title : tuple[int, int] or None
        Offsets of the document title line, when the document has one.
    opening_end : int
        End offset of the opening paragraphs.
    places : list of PlaceMention, optional
        ``g.find(norm)``, when already known.

    Returns
    -------
    Jurisdiction or None
        None when no division is named credibly enough.
    """
    resolved = _disambiguate(g, g.find(norm) if places is None else places)
    if not resolved:
        return None
    if title is not None:
        in_title = [(m, c) for m, c in resolved if title[0] <= m.start < title[1]]
        if in_title:
            best = max(in_title, key=lambda mc: (g.by_code[mc[1]].rank, -mc[0].start))
            return to_jurisdiction(g, best[1])
    weighted = []
    for m, c in resolved:
        w = 1.0 if m.full and len(m.text) >= 3 else 0.5
        weighted.append(_Weighted(c, w * OPENING_FACTOR if m.start < opening_end else w, w, m.start, m.full))
    mass: dict[str, float] = defaultdict(float)
    raw: dict[str, float] = defaultdict(float)  # without the opening bonus
    for w in weighted:
        for d in g.chain(w.code):
            mass[d.code] += w.weight
            raw[d.code] += w.raw
    hint = level_hint(norm)
    hint_rank = {"province": 0, "city": 1, "county": 2}.get(hint or "", 2)
    current: str | None = None
    current_mass = sum(w.weight for w in weighted)
    while True:
        children = [c for c in mass if g.by_code[c].parent == current]
        if not children:
            break
        best = max(children, key=lambda c: (mass[c], c))
        if raw[best] < MIN_WEIGHT or mass[best] < DESCEND_SHARE * current_mass:
            break
        current, current_mass = best, mass[best]
        if g.by_code[best].rank >= hint_rank:
            break
    if current is None:
        return None
    inner = [
        w for w in weighted
        if w.start < opening_end and w.full and w.code != current and g.is_within(w.code, current)
        and (g.by_code[w.code].rank <= hint_rank or g.by_code[w.code].name.endswith(_LEVEL_SUFFIX.get(hint or "", "")))
    ]
    if inner:
        deepest = max(inner, key=lambda w: (g.by_code[w.code].rank, -w.start)).code
        # only when the opening names one place inside the choice (not 英德市、连州市 side by side)
        if all(g.is_within(deepest, w.code) for w in inner):
            current = deepest
    return to_jurisdiction(g, current)
