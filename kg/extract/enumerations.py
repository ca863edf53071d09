"""Bodies named in a list that a collective noun or a named body closes (公安、运管、路政等部门), and places
listed before one shared body name (武夷山市、邵武市交通运输综合执法大队).

Split from :mod:`kg.extract.heads`, whose agency parse it uses.
"""

from __future__ import annotations

import re

from kg.extract.heads import PLACE_SUFFIXES, ENUM_MARK, HEAD, LEVEL, MASK, PLACE, STEM, collective, parse_agency_parts
from kg.extract.phrases import Candidate, PhraseScanner

#: a list of bodies closed by a collective noun: 公安交警等相关部门, 市公安交管、经信等七部门
_ENUM_TAIL = re.compile(r"等(?:[0-9一二三四五六七八九十两Xx]+个?)?(?:相关|有关)?(?:部门|单位)")


def _enum_item(sc: PhraseScanner, end: int) -> tuple[int, list[Part]] | None:
    """A list item made only of levels, places and stems that ends at ``end``."""
    parts = parse_agency_parts(sc, end, state=STEM)
    if not parts:
        return None
    start = parts[-1].start
    if not any(p.kind == STEM and sc.lx.stems.get(p.word) in ("body", "short") for p in parts):
        return None  # 公安、运管、路政等部门: bodies, or a field's short name for its body
    if start > 0:
        if sc.is_name_char(start - 1):
            if sc.stopword_ending_at(start) is None:
                return None
        elif sc.text[start - 1] not in "、，,；;：:。 \n\t“”(（":
            return None
    return start, parts


def enumeration_candidates(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """Bodies named in a list that a collective noun or a named body closes.

    ``会同市公安交管、经信等七部门`` gives 市公安交管 and 经信;
    ``同公安、市场监管部门`` gives 公安 next to 市场监管部门; ``公安交警等相关部门``
    gives 公安交警. Two or more items before 等部门 of which none names a level, a
    place or a field's own body (公安、应急、气象等部门) name kinds of body, not bodies, and give none.
    """
    text = sc.text
    ends = [(m.start(), False) for m in _ENUM_TAIL.finditer(text)]
    ends += [(a.start - 1, True) for a in agencies if a.start > 0 and text[a.start - 1] == "、"]
    out: list[Candidate] = []
    walked: set[int] = set()  # a walk that reaches one of these would only repeat an earlier one
    for end, by_body in ends:
        pos = end
        found: list[Candidate] = []
        while pos > 0 and pos not in walked:
            walked.add(pos)
            item = _enum_item(sc, pos)
            if item is None:
                break
            start, parts = item
            if collective(sc, start, parts):
                break
            cand = Candidate("AGENCY", start, pos, text[start:pos], "agency.list", tier=0)
            cand.info = {"kinds": tuple(p.kind for p in reversed(parts)), "head": "",
                         "words": tuple(p.word for p in reversed(parts))}
            found.append(cand)
            if start > 0 and text[start - 1] == "、":
                pos = start - 1
                continue
            break
        if by_body or len(found) < 2 or any(_names_one(sc, c.info) for c in found):
            out += found
    return out


def _names_one(sc: PhraseScanner, info: dict) -> bool:
    """Whether a list item names one body: with its level or place (市公安交管), or by a field's short name
    for the body of that field (运管, 路政)."""
    return any(k in (LEVEL, PLACE, MASK) for k in info["kinds"]) \
        or any(sc.lx.stems.get(w) == "short" for w in info["words"])


def coordinated_scope_candidates(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """Places listed before one shared body name: 武夷山市、邵武市交通运输综合执法大队, X市、XX市交通运输局.

    Each listed place (with its level, or a mask with a level) names its own
    body: the place plus the rest of the name that follows the last place.
    The candidate spans the listed place; its name is the whole body's.
    """
    text = sc.text
    out: list[Candidate] = []
    for a in agencies:
        kinds, words = a.info.get("kinds", ()), a.info.get("words", ())
        if not kinds or kinds[0] not in (PLACE, MASK):
            continue
        n = 0
        while n < len(kinds) and kinds[n] in (PLACE, MASK, LEVEL):
            n += 1
        if n == len(kinds):
            continue
        rest = text[a.start + sum(len(w) for w in words[:n]):a.end]
        pos = a.start
        while pos > 1 and text[pos - 1] == ENUM_MARK:
            parts = parse_agency_parts(sc, pos - 1, state=HEAD)
            parts = [p for p in parts if p.kind in (PLACE, MASK, LEVEL)]
            if not parts or parts[0].end != pos - 1 or not any(p.kind in (PLACE, MASK) for p in parts):
                break
            if parts[0].kind != LEVEL and not parts[0].word.endswith(PLACE_SUFFIXES):
                break  # 武夷山市 or X市, not a bare short form
            start = parts[-1].start
            if start > 0 and sc.is_name_char(start - 1) and sc.stopword_ending_at(start) is None:
                break
            prefix = text[start:pos - 1]
            cand = Candidate("AGENCY", start, pos - 1, prefix + rest, "agency.coordinated", tier=1)
            cand.info = {"kinds": tuple(p.kind for p in reversed(parts)) + kinds[n:], "head": a.info.get("head", ""),
                         "words": tuple(p.word for p in reversed(parts)) + words[n:]}
            out.append(cand)
            pos = start
    return out


#: squads named by the area they patrol, which no gazetteer lists (泉河中队): listed next to a known one
_AREA_SQUADS = ("大队", "中队")
#: the longest area name of such a squad
_AREA_NAME = 4


def listed_squads(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """Squads listed next to a squad of the same head: 渝水大队、分宜大队、X湖大队 gives X湖大队.

    A list item of two to four name characters, no stop word or generic word, before the head of
    a neighbouring squad the rules found names a squad too; a rank or a relation (先进, 兄弟, 基层:
    generic words) names none.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    agencies : list of Candidate
        The agencies found so far; squads among them (大队, 中队) seed the walk.

    Returns
    -------
    list of Candidate
        The squads listed next to a found one, each also a neighbour for the next item.
    """
    text, out = sc.text, []
    ends = {a.end for a in agencies}
    starts = {a.start for a in agencies}
    todo = [a for a in agencies if a.name.endswith(_AREA_SQUADS)]
    while todo:
        a = todo.pop()
        head = a.name[-2:]
        items = []
        if a.start > 0 and text[a.start - 1] == ENUM_MARK and text.endswith(head, 0, a.start - 1):
            items.append(_squad_before(sc, a.start - 1 - len(head), a.start - 1))
        after = a.end + 1
        if text.startswith(ENUM_MARK, a.end):
            hend = text.find(head, after, after + _AREA_NAME + len(head))
            if hend >= 0 and (hend + len(head) >= len(text) or text[hend + len(head)] not in "长员"):
                items.append((after, hend + len(head)) if _squad_brand(sc, after, hend) else None)
        for item in items:
            if item is None or item[1] in ends or item[0] in starts:
                continue
            cand = Candidate("AGENCY", item[0], item[1], text[item[0]:item[1]], "agency.list", tier=1)
            cand.info = {"kinds": (), "head": head, "words": (cand.name,), "cls": "team"}
            out.append(cand)
            ends.add(cand.end)
            starts.add(cand.start)
            todo.append(cand)
    return out


def _squad_before(sc: PhraseScanner, hstart: int, end: int) -> tuple[int, int] | None:
    """The squad ending at ``end`` whose area name runs left from its head at ``hstart`` to a stop word."""
    pos = hstart
    while pos > 0 and hstart - pos < _AREA_NAME and sc.is_name_char(pos - 1) and sc.stopword_ending_at(pos) is None:
        pos -= 1
    if pos > 0 and sc.is_name_char(pos - 1) and sc.stopword_ending_at(pos) is None:
        return None  # the name runs on: no short area name
    return (pos, end) if _squad_brand(sc, pos, hstart) else None


def _squad_brand(sc: PhraseScanner, start: int, end: int) -> bool:
    """Two to four name characters with no stop word inside that are no generic or known word."""
    brand = sc.text[start:end]
    return 2 <= len(brand) <= _AREA_NAME and all(sc.is_name_char(i) for i in range(start, end)) \
        and not any(sc.stopword_ending_at(i, start) for i in range(start + 1, end + 1)) \
        and not sc.is_generic(brand, numerals=False) and not sc.lx.is_word(brand)
