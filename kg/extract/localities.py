"""Places in agency names and the words a name is parsed into.

A parsed agency name is a list of :class:`Part` records (a place, a level, a
stem, a parent unit ...; see :mod:`kg.extract.heads`). The places come from
the gazetteer, from the document's own short forms of places it names in full
(南平 once 南平市 is written), and, where the gazetteer holds none, from the
two or three name characters before a township's level (严店乡) or a field
station's stem (北界养护站).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import AgencyHead
from kg.extract.phrases import PhraseScanner

HEAD, STEM, UNIT, LEVEL, PLACE, MASK, CONJ = "HEAD", "STEM", "UNIT", "LEVEL", "PLACE", "MASK", "CONJ"
#: the conjunction that also opens place names (和县, 和平区)
_PLACE_CONJ = "和"
#: characters a place name may end with: 和县 after 县政府 is 和 + 县 (县委、县政府和县交通运输局)
_LEVEL_END = frozenset("省市州县区盟旗")
#: closing marks: a title or quote before 和 is the first conjunct (《…条例》和县委…部署)
_CLOSING = frozenset("》”」』）)")


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class Part:
    """One dictionary word of an agency name."""

    kind: str
    start: int
    end: int
    word: str


def conj_place(sc: PhraseScanner, start: int) -> bool:
    """A place that starts with 和 right after another word or a closed title is read as 和 + level
    (县政府和县交通运输局, 《条例》和县委).

    Parameters
    ----------
    sc : PhraseScanner
        The scanner over the text.
    start : int
        Where the place found in the gazetteer starts.

    Returns
    -------
    bool
        True when the place is to be read as 和 + level.
    """
    text = sc.text
    return (text[start] in _PLACE_CONJ and start > 0
            and ((sc.is_name_char(start - 1) and text[start - 1] not in _LEVEL_END)
                 or text[start - 1] in _CLOSING))


def verb_first(sc: PhraseScanner, place: str) -> bool:
    """A place name that begins with a verb (会同县 after 会同 "together with") is read as verb + level."""
    return any(sc.lx.stopwords.get(place[:n]) == "verb" for n in (2, 3) if n < len(place))


#: suffixes whose removal gives a document's short form of a place it names in full
PLACE_SUFFIXES = ("市", "县", "区", "州", "盟")
_PLACE_SUFFIX = re.compile(f"[{''.join(PLACE_SUFFIXES)}]")


def doc_short_places(sc: PhraseScanner) -> set[str]:
    """Short forms of the places the document names in full (南平 once 南平市 is written).

    The gazetteer leaves out short forms that are ambiguous across the
    country; inside one document that names the full place they are not.
    """
    if sc.doc_places is not None:
        return sc.doc_places
    text, trie = sc.text, sc.lx.trie("places")
    shorts: set[str] = set()
    for m in _PLACE_SUFFIX.finditer(text):  # the longest place ending here ends with the suffix
        hit = trie.longest_ending_at(text, m.end())
        if hit and len(hit[1]) >= 3 and not verb_first(sc, hit[1]):
            shorts.add(hit[1][:-1])
    sc.doc_places = shorts
    return shorts


def doc_short_place_ending_at(sc: PhraseScanner, pos: int) -> str | None:
    shorts = doc_short_places(sc)
    for n in (4, 3, 2):
        if pos >= n and (w := sc.text[pos - n:pos]) in shorts:
            return w
    return None


#: adverbs that open a predicate after a subject (支队共查处…, 大队均处…): no name of a sub-body or office begins with one
PREDICATE_ADVERBS = frozenset("共均已另并又再")
#: levels of a township, whose names the gazetteer does not hold
_TOWN_LEVELS = frozenset({"乡", "镇"})
#: the lengths of a township's name before its level (严店 in 严店乡, 荣家湾 in 荣家湾镇), shortest first
TOWN_NAME = (2, 3)


#: county-level suffixes a division takes on a change of level (水城县 -> 水城区, 无为县 -> 无为市)
_COUNTY_SUFFIXES = "区市县"


def relevelled_place(sc: PhraseScanner, pos: int) -> str | None:
    """A county-level division the gazetteer knows under its former level, named with its new one:
    水城区 (水城县), 无为市 (无为县).

    The two to four characters before a county-level suffix ending at ``pos``
    are the place when the gazetteer holds them with another county-level suffix.
    """
    text, places = sc.text, sc.lx.places
    suffix = text[pos - 1:pos]
    if not suffix or suffix not in _COUNTY_SUFFIXES:
        return None
    for n in (4, 3, 2):
        name = text[pos - 1 - n:pos - 1]
        if len(name) == n and any(name + other in places for other in _COUNTY_SUFFIXES if other != suffix) \
                and not verb_first(sc, name + suffix):  # 会同市… is 会同 "together with" + 市
            return name + suffix
    return None


def no_town_name(sc: PhraseScanner, start: int, at: int) -> bool:
    """True when ``text[start:at]`` cannot be a township's own name: a known word, a level, a determiner or a stop word."""
    name = sc.text[start:at]
    return sc.lx.is_word(name) or bool(set(name) & (_LEVEL_END | _TOWN_LEVELS)) or sc.is_generic(name) \
        or any(sc.stopword_ending_at(i) is not None for i in range(start + 1, at + 1))


def town_name(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """The name of a township or district the gazetteer does not know, before its level: 严店 + 乡人民政府,
    襄都 + 区交通运输局, 平潭综合实验 + 区交通运输局.

    Two or three name characters that are no known word, standing after a boundary
    (三河镇、严店乡人民政府), make the place; before 区 a special district's
    kind (综合实验, 经济技术开发, 高新, 新) may stand between them and the level.
    """
    if not parts or parts[-1].kind != LEVEL or parts[-1].word not in _TOWN_LEVELS | {"区"}:
        return []
    at = parts[-1].start
    # a special district (平潭综合实验区, X高新区): its kind (data/lexicon/place_kinds.tsv) stands before 区
    if parts[-1].word == "区" and (kind := sc.lx.trie("district_kinds").longest_ending_at(sc.text, at)):
        name = doc_short_place_ending_at(sc, kind[0]) or sc.lx.trie("places").longest_ending_at(sc.text, kind[0])
        if isinstance(name, tuple):
            name = name[1]
        if name and bounded(sc, kind[0] - len(name)):
            return [Part(PLACE, kind[0] - len(name), at, sc.text[kind[0] - len(name):at])]
    for length in TOWN_NAME:
        start = at - length
        if start < 0 or not all(sc.is_name_char(i) for i in range(start, at)) \
                or not (bounded(sc, start) or _county_before(sc, start) is not None):
            continue
        if no_town_name(sc, start, at):
            return []  # 各乡镇…, 城乡…: a determiner or another level, no name
        town = [Part(PLACE, start, at, sc.text[start:at])]
        county = _county_before(sc, start)
        return town + [Part(PLACE, county, start, sc.text[county:start])] if county is not None else town
    return []


def _county_before(sc: PhraseScanner, start: int) -> int | None:
    """Where a known county-level place starts that ends at ``start``: the township lies in it (泰兴市 + 虹桥镇)."""
    hit = sc.lx.trie("places").longest_ending_at(sc.text, start)
    return hit[0] if hit is not None and sc.text[start - 1] in _COUNTY_SUFFIXES else None


def station_locality(sc: PhraseScanner, head: AgencyHead, parts: list[Part]) -> list[Part]:
    """The locality a field station is named after, before its field stem: 北界 + 养护站, 铁厂沟 + 治超站.

    Only for heads that need a scope with their stem (站, 段); the locality is
    two or three name characters that are no known word, standing after a
    boundary (、铁厂沟养护站), as for a township's name.
    """
    if "stem+scope" not in head.needs or len(parts) != 1 or parts[0].kind != STEM:
        return []
    at = parts[0].start
    for length in TOWN_NAME:
        start = at - length
        if start < 0 or not all(sc.is_name_char(i) for i in range(start, at)) or not bounded(sc, start):
            continue
        if start > 0 and sc.text[start - 1].isalnum():
            return []  # G108周家山治超站: part of a longer name with a road code
        if no_town_name(sc, start, at) or sc.text[start] in PREDICATE_ADVERBS \
                or sc.text[start:at] in _STATION_KINDS:
            return []
        return [Part(PLACE, start, at, sc.text[start:at])]
    return []


#: words that tell a station's kind or rank, not its place (综合服务站, 基层养护站)
_STATION_KINDS = frozenset({"综合", "公共", "便民", "基层", "一线", "中心", "临时", "流动"})


def scoped(parts: list[Part]) -> bool:
    return any(p.kind in (LEVEL, PLACE, MASK) for p in parts)


def bounded(sc: PhraseScanner, start: int) -> bool:
    """A name starting at ``start`` stands after punctuation, a stop word or another name, not inside a phrase."""
    return (start == 0 or not sc.is_name_char(start - 1) or sc.stopword_ending_at(start) is not None
            or start in sc.blocked_ends or conj_place(sc, start - 1))
__all__ = ["CONJ", "HEAD", "LEVEL", "MASK", "PLACE", "PLACE_SUFFIXES", "PREDICATE_ADVERBS", "STEM", "TOWN_NAME", "UNIT", "Part",
           "bounded", "conj_place", "doc_short_place_ending_at", "doc_short_places", "no_town_name", "relevelled_place", "scoped",
           "station_locality", "town_name", "verb_first"]
