"""Bodies named in a list that a collective noun or a named body closes (公安、运管、路政等部门).

Split from :mod:`kg.extract.heads`, whose agency parse it uses.
"""

from __future__ import annotations

import re

from kg.extract.heads import STEM, collective, parse_agency_parts
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
    ``同公安、市场监管部门`` gives 公安 next to 市场监管部门.
    """
    text = sc.text
    ends = [m.start() for m in _ENUM_TAIL.finditer(text)]
    ends += [a.start - 1 for a in agencies if a.start > 0 and text[a.start - 1] == "、"]
    out: list[Candidate] = []
    walked: set[int] = set()  # a walk that reaches one of these would only repeat an earlier one
    for end in ends:
        pos = end
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
            out.append(cand)
            if start > 0 and text[start - 1] == "、":
                pos = start - 1
                continue
            break
    return out
