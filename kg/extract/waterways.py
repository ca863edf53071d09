"""Waters that name bodies: a river, lake or port before a maritime or waterway body or a port company.

长江 + 万州海事局 (a river of the lexicon), 郴州 + 东江湖 + 海事处 (a lake the gazetteer does not hold),
北部湾港 + 钦州码头有限公司 (a port before the place of its terminal company).
"""

from __future__ import annotations

from kg.extract.phrases import PhraseScanner

#: stems of the bodies of a waterway
WATER_STEMS = frozenset({"海事", "航道", "航务", "航运", "港航"})
#: what the name of a lake, bay or port ends with (东江湖, 北部湾, 北部湾港)
WATER_ENDS = frozenset("湖湾港")
#: the most characters of such a name (洞庭湖, 北部湾港)
_MAX_WATER = 4
#: the most characters of a place before such a name
_MAX_PLACE = 8


def waters_before(sc: PhraseScanner, at: int, lakes: bool) -> list[tuple[int, int, str]]:
    """The water named right before a body's words starting at ``at``, as ``(start, end, word)`` parts.

    A river of the lexicon (长江 + 万州海事局, 长江 + 航道局); with ``lakes`` (the body's
    stem comes right after) also a lake, bay or port the gazetteer does not hold, with the
    place of the gazetteer before it (郴州 + 东江湖 + 海事处).
    """
    if (river := river_before(sc, at)) is not None:
        return [(river[0], at, river[1])]
    if not lakes or (water := water_name_before(sc, at)) is None:
        return []
    found = [(water[0], at, water[1])]
    place = sc.lx.trie("places").longest_ending_at(sc.text, water[0], max(0, water[0] - _MAX_PLACE))
    if place is not None:
        found.append((place[0], water[0], place[1]))
    return found


def river_before(sc: PhraseScanner, at: int) -> tuple[int, str] | None:
    """A river of the lexicon (``place_kinds.tsv``, waterway) ending at ``at``: ``(start, river)``."""
    for river in sc.lx.waterways:
        if sc.text.startswith(river, at - len(river)):
            return at - len(river), river
    return None


def water_name_before(sc: PhraseScanner, at: int) -> tuple[int, str] | None:
    """The name of a lake, bay or port ending at ``at`` (东江湖, 北部湾港): ``(start, name)``, or None.

    The name is two to four name characters ending in 湖, 湾 or 港 with no stop word
    inside; on its left stands a place of the gazetteer or a boundary (punctuation,
    a stop word, another name), so that a clause is never read as a name.
    """
    text = sc.text
    if at < 2 or text[at - 1] not in WATER_ENDS:
        return None
    for size in range(min(_MAX_WATER, at), 1, -1):
        start = at - size
        if not all(sc.is_name_char(i) for i in range(start, at)):
            continue
        if any(sc.stopword_ending_at(e) is not None and e > start for e in range(start + 1, at + 1)) \
                or sc.lx.trie("places").longest_ending_at(text, at, start) is not None:
            continue  # 钦州港 is a place of the gazetteer, no lake
        if _bounded_left(sc, start):
            return start, text[start:at]
    return None


def _bounded_left(sc: PhraseScanner, start: int) -> bool:
    """A place of the gazetteer, punctuation, a stop word or another name ends at ``start``."""
    return (start == 0 or not sc.is_name_char(start - 1) or sc.stopword_ending_at(start) is not None
            or start in sc.blocked_ends or sc.lx.trie("places").longest_ending_at(sc.text, start) is not None)


__all__ = ["WATER_ENDS", "WATER_STEMS", "river_before", "water_name_before", "waters_before"]
