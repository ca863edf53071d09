"""Head-noun rules: a name is a head noun plus the modifiers on its left.

AGENCY      [place] [level] (stem | parent unit)* HEAD   市交通运输局党组, 省厅执法局
            parsed right to left over dictionary words only, so it stops by
            itself before verbs (代表支队党委 -> 支队党委); the head says
            what must stand directly before it (委 needs a level or a body
            stem: 市委, 发改委). A generic stem counts inside a name after a
            field (道路运输管理所); 和 joins stems inside a name a level opens
            (县城市管理和综合执法局). Places, townships and station
            localities are found in :mod:`kg.extract.localities`. Bodies the
            parse does not give whole are in :mod:`kg.extract.bodies`, organisations in
            :mod:`kg.extract.organizations`, campaigns and rule sets in
            :mod:`kg.extract.named_heads`.

Each rule returns :class:`~kg.extract.phrases.Candidate` records; the
component in :mod:`kg.extract.entities` chooses among them. The candidates of
every head (:func:`head_candidate`), bridged over words the dictionary lacks or
named by an office's task, are gathered in :mod:`kg.extract.agency_phrases`.
"""

from __future__ import annotations

import re

from kg.lexicon import AgencyHead
from kg.extract.phrases import MASK_CHARS, MAX_BODY, Candidate, PhraseScanner
from kg.extract.waterways import WATER_STEMS, waters_before
from kg.extract.localities import (CONJ, HEAD, LEVEL, MASK, PLACE, PLACE_SUFFIXES, PREDICATE_ADVERBS, STEM, UNIT,
                                   TOWN_NAME, Part, bounded, conj_place, doc_short_place_ending_at,
                                   doc_short_places, no_town_name, relevelled_place, scoped, station_locality, town_name,
                                   verb_first)

#: determiners that make a body phrase a collective (各级交通运输局, 相关部门)
COLLECTIVE_DETS = frozenset({"各", "各级", "各类", "各地", "相关", "有关", "上级", "下级", "其他", "其它",
                             "所有", "部分", "少数", "个别", "多家", "一些", "全国各", "基层", "沿线", "辖区"})

ENUM_MARK = "、"
#: conjunctions that may join two stems inside one name (县城市管理和综合执法局, 县公路与运输管理中心)
CONJ_IN_NAME = "和与"
#: what sends a party body to another body: 驻局纪检监察组, 县纪委监委派驻县交通运输局纪检监察组
SENT = re.compile(r"(?:派驻|驻)$")
#: field stems that are also verbs: right after a body's head they are its verb (市大数据局建设…中心), no sub-body
VERB_STEMS = frozenset({"建设", "服务"})
#: heads of a section inside a body (局建设管理科): a verb stem before them is the section's field, not a verb
SECTION_HEADS = frozenset("科股处室")
#: heads of a branch named by its place after its parent body (合肥市生态环境局肥西分局, 养护中心桃江分中心)
BRANCH_HEADS = frozenset({"分局", "分中心"})
#: teams named by their number inside a longer name (支队一大队党支部)
_NUMBERED_TEAMS = frozenset({"大队", "中队"})
#: the number of a team among its parent's (第一中队, 第3大队)
#: a numbered team of its parent: 第一中队, 直属一大队 (a team under the parent directly), and a bare number right
#: after the detachment or brigade it belongs to (交警支队一大队, 执法大队三中队)
_ORDINAL = re.compile(r"(?:第[一二三四五六七八九十0-9]{1,3}|直属[一二三四五六七八九十]{1,2}|(?<=支队|大队)[一二三四五六七八九十]{1,2})$")
#: the party before one of its organs named with a place (中共曲靖市交通运输局党组, 中共XX县委), and the
#: Youth League before its committees (共青团攀枝花市委员会, 团市委): part of the name
PARTY_PREFIX = re.compile(r"(?:中国共产党|中共)$")
LEAGUE_PREFIX = re.compile(r"(?:中国共产主义青年团|共青团)$")
#: a count right after a body name: the name is a class of facilities (建成综合服务中心XX个)
COUNTED = re.compile(r"[0-9XxＸ*一二三四五六七八九十百千两]+(?:个|家|座|所|处)")


# ----------------------------------------------------------------- agencies
def _mask_ending_at(text: str, pos: int) -> int | None:
    i = pos
    while i > 0 and text[i - 1] in MASK_CHARS:
        i -= 1
    return i if i < pos else None


def parse_agency_parts(sc: PhraseScanner, pos: int, state: str = HEAD) -> list[Part]:
    """Dictionary words of an agency name ending at ``pos``, right to left.

    ``state`` is the kind of the word to the right of ``pos``; it decides
    what may come next: after a head, stem or unit anything; after a level
    only a place or a mask; after a place or mask only a level (广东省清远市).
    A generic stem (管理) counts only with a field stem on its left
    (道路运输管理所); 和 joins two stems only inside a name that a level or a
    place opens (县城市管理和综合执法局).
    The walk ends :data:`~kg.extract.phrases.MAX_BODY` characters before ``pos``.
    """
    text, lx = sc.text, sc.lx
    stems, levels, places = lx.trie("stems"), lx.trie("levels"), lx.trie("places")
    heads, known = sc.matches("agency_heads"), sc.matches("known")  # found in the whole text once
    parts: list[Part] = []
    lo = max(0, pos - MAX_BODY)
    section = state == HEAD and text[pos:pos + 1] in SECTION_HEADS
    while pos > lo:
        options: list[tuple[int, int, str, str]] = []  # (length, preference, kind, word)
        if state in (HEAD, STEM, UNIT, CONJ):
            hit = stems.longest_ending_at(text, pos)
            if hit:
                word = hit[1]
                for cut in range(hit[0] + 1, pos - 1):  # 公共|交通管理处: a stem reaching further left takes the overlap
                    left = stems.longest_ending_at(text, cut)
                    if left and left[0] < hit[0] and text[cut:pos] in lx.stems:
                        word = text[cut:pos]
                        break
                options.append((len(word), 3, STEM, word))
        if state in (HEAD, STEM, UNIT):
            hit = heads.longest_ending_at(pos)
            if hit and hit[2].cls in ("unit", "team", "gov") and not (state == STEM and parts and parts[-1].word in VERB_STEMS
                                                                          and not section):
                options.append((len(hit[1]), 2, UNIT, hit[1]))
            if (hit := known.longest_ending_at(pos)) and hit[2][0] == "AGENCY":
                # a body the lexicon knows as parent: 国务院安委会, 国务院安委会办公室
                options.append((len(hit[1]), 2, UNIT, hit[1]))
        if (state == HEAD or state == UNIT and parts[-1].word in _NUMBERED_TEAMS) \
                and (m := _ORDINAL.search(text, max(0, pos - 5), pos)):
            # 第一中队, 支队一大队党支部: a numbered team of its parent, also as the parent of a body of its own
            options.append((m.end() - m.start(), 3, STEM, m.group()))
        if state == STEM and text[pos - 1] in CONJ_IN_NAME and stems.longest_ending_at(text, pos - 1):
            options.append((1, 0, CONJ, text[pos - 1]))
        if state in (HEAD, STEM, UNIT, PLACE, MASK):
            hit = levels.longest_ending_at(text, pos)
            if hit:
                options.append((len(hit[1]), 1, LEVEL, hit[1]))
        if state in (HEAD, STEM, UNIT, LEVEL):
            hit = places.longest_ending_at(text, pos)
            if hit and not verb_first(sc, hit[1]) and not conj_place(sc, hit[0]):
                options.append((len(hit[1]), 4, PLACE, hit[1]))
            elif state != LEVEL:
                short = doc_short_place_ending_at(sc, pos)
                if short:
                    options.append((len(short), 4, PLACE, short))
            if state != LEVEL and (moved := relevelled_place(sc, pos)):
                options.append((len(moved), 5, PLACE, moved))
            m = _mask_ending_at(text, pos)
            if m is not None:
                options.append((pos - m, 0, MASK, text[m:pos]))
        if not options:
            break
        length, _, kind, word = max(options)
        parts.append(Part(kind, pos - length, pos, word))
        pos -= length
        state = kind
    return _trim_parts(sc, parts)


def _trim_parts(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """Cut a parse before a generic stem, before an inner one (管理) with no field on its left,
    and before 和 that no level or place opens; a verb stem (建设) that opens the name before another
    field leaves no name."""
    stems = sc.lx.stems
    for i, p in enumerate(parts):
        if p.kind == CONJ and not any(q.kind in (LEVEL, PLACE, MASK) for q in parts[i + 1:]):
            return _trim_parts(sc, parts[:i])
        kind = stems.get(p.word) if p.kind == STEM else None
        if kind == "generic" or kind == "inner" and not _field_before(stems, parts[i + 1:]):
            return parts[:i]
    if parts and parts[-1].kind == CONJ:
        return parts[:-1]
    if len(parts) > 1 and parts[-1].kind == STEM and parts[-1].word in VERB_STEMS and parts[-2].kind == STEM \
            and stems.get(parts[-2].word) not in ("inner", "generic"):
        return []  # 加快建设综合运输服务中心: a verb before a field, with no level or place, opens no name
    return parts


def _field_before(stems: dict[str, str], parts: list[Part]) -> bool:
    """A non-generic stem among the stems that open ``parts``."""
    for p in parts:
        if p.kind != STEM or stems.get(p.word) == "generic":
            return False
        if stems.get(p.word) != "inner":
            return True
    return False


def _first_stem_kind(sc: PhraseScanner, parts: list[Part]) -> str | None:
    """The kind of the stem nearest the head, past generic stems (管理 in 道路运输管理所)."""
    for p in parts:
        if p.kind != STEM:
            return None
        kind = sc.lx.stems.get(p.word)
        if kind != "inner":
            return kind
    return None


def drop_determined_level(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """Drop a leading level that belongs to a determiner: 全市, 我市, 全省 are not 市, 省.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    parts : list of Part
        The parse of a name, right to left (:func:`parse_agency_parts`).

    Returns
    -------
    list of Part
        ``parts`` without the levels a determiner holds.
    """
    while parts and parts[-1].kind == LEVEL:
        p = parts[-1]
        stop = sc.lx.trie("stopwords").longest_ending_at(sc.text, p.end)
        if stop is None or stop[0] >= p.start:
            break
        parts = parts[:-1]
    return parts


def _head_ok(head: AgencyHead, parts: list[Part], sc: PhraseScanner) -> bool:
    if "none" in head.needs:
        return True
    if not parts:
        return False
    if "scope" in head.needs and any(p.kind in (LEVEL, PLACE, MASK) for p in parts):
        return True  # X执法大队, 南阳执法支队
    if parts[0].kind == STEM and _ORDINAL.fullmatch(parts[0].word):
        # a numbered unit of the body before it (局第一党支部, 支队第二中队) or of its own field (机关第一党支部)
        return len(parts) > 1 and (parts[1].kind == UNIT or _head_ok(head, parts[1:], sc))
    first = parts[0]
    stem_kind = _first_stem_kind(sc, parts) if first.kind == STEM else None
    if stem_kind == "bureau" and not head.head.endswith("局"):
        return False  # 数据中心 is a facility, 县数据局 a body
    if "stem+scope" in head.needs:  # 县…安全监督站, not 绵阳站 or 综合服务站
        return stem_kind is not None and scoped(parts)
    if head.cls == "dept":  # 部门 names a body only after a body stem: 市场监管部门, 海事部门
        return stem_kind == "body"
    if "any" in head.needs and (first.kind in (LEVEL, PLACE, MASK, UNIT) or stem_kind):
        return True
    if "stem" in head.needs and stem_kind:
        return True
    if "unit" in head.needs and first.kind == UNIT:
        return True  # 国务院安委会, 交通运输部办公厅
    return "level" in head.needs and first.kind in (LEVEL, PLACE, MASK)


def _post_of_parent(sc: PhraseScanner, head: AgencyHead, parts: list[Part]) -> bool:
    """A station named only by a post's field right after its parent body (中心养护站, 大队治超站): a post of that
    body, which is the one named; a station named by its place (北界养护站) or by a body's field (局运输管理站,
    局工程质量监督站) is a body of its own."""
    if "stem+scope" not in head.needs:
        return False
    own = next((i for i, p in enumerate(parts) if p.kind != STEM), len(parts))
    return (0 < own < len(parts) and parts[own].kind == UNIT
            and all(p.word in sc.lx.post_stems for p in parts[:own]))


def _verb_stem_alone(sc: PhraseScanner, parts: list[Part], head: str) -> bool:
    """组织局党组…, 组织党支部…, 服务中心: a stem that is also a verb, alone before a head, is the verb
    (or a kind of facility); only its own 部 makes it a body (组织部)."""
    return (len(parts) == 1 and parts[0].kind == STEM and head != "部"
            and sc.lx.stopwords.get(parts[0].word) == "verb")


def collective(sc: PhraseScanner, start: int, parts: list[Part]) -> bool:
    """各级交通运输局, 相关部门, and the distributive 市、县党委 name no one body."""
    text, levels = sc.text, sc.lx.trie("levels")
    if not parts and text[start - 1:start] == "级":
        return True  # 县级人民政府, 本级人民政府: a rank of body, no one body
    pos = start
    lo = max(0, start - MAX_BODY)
    glossed = False
    while pos > lo:  # 各市州交通运输局, 各县（市、区）交通运输局: look past other levels
        lvl = levels.longest_ending_at(text, pos)
        if lvl is not None:
            if parts and parts[-1].kind == LEVEL and parts[-1].start == start and pos == start:
                return True  # 乡镇人民政府, 市县交通运输部门: two levels at once name every body of both
            if glossed:
                return True  # 县（市、区）交通运输局: a level glossed with the others of its rank names all their bodies
            pos = lvl[0]
            continue
        if text[pos - 1] in ")）":
            open_at = max(text.rfind("(", lo, pos - 1), text.rfind("（", lo, pos - 1))
            inner = text[open_at + 1:pos - 1] if open_at >= 0 else ""
            if inner and all(w in sc.lx.levels for w in inner.split("、")):
                pos = open_at
                glossed = True
                continue
        break
    if sc.det_before(start) in COLLECTIVE_DETS or sc.det_before(pos) in COLLECTIVE_DETS:
        return True
    if pos > 0 and text[pos - 1] == "等":
        return True  # 涪城、游仙等执法大队: a list's bodies, not one
    if start >= 2 and sc.text[start - 1] == "、" and parts and parts[-1].kind == LEVEL:
        return sc.lx.trie("levels").longest_ending_at(sc.text, start - 1) is not None
    return False


def head_candidate(sc: PhraseScanner, end: int, hits: list[tuple[int, str, AgencyHead]]) -> Candidate | None:
    """The body whose name the parse of dictionary words gives for the agency heads ending at ``end``.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    end : int
        Where the heads end.
    hits : list of (int, str, AgencyHead)
        The heads ending there, longest first (管理局, then 局), as :meth:`PhraseScanner.matches` gives them.

    Returns
    -------
    Candidate or None
        The longest name a head closes, or None when none does (a collective, a verb, a post).
    """
    text = sc.text
    best: Candidate | None = None
    for hstart, word, head in hits:  # longest head first: 管理局, then 局
        parts = drop_determined_level(sc, parse_agency_parts(sc, hstart))
        if word in BRANCH_HEADS:
            parts += _branch_parent(sc, parts)
        elif head.cls in ("unit", "team"):
            parts += _sub_body_parent(sc, parts, hstart)
        parts += town_name(sc, parts)
        parts += station_locality(sc, head, parts)
        parts += _waterway(sc, parts)
        if text.startswith(head.not_before, end) and not _head_despite(sc, head, parts, hstart, end):
            continue
        if not _head_ok(head, parts, sc) or _verb_stem_alone(sc, parts, word) or _post_of_parent(sc, head, parts):
            continue
        start = parts[-1].start if parts else hstart
        if head.cls == "team" and not scoped(parts) and not bounded(sc, start):
            continue  # 媒体宣传支队, 7个派出执法中队: a field and a team with a word before them name no body
        if collective(sc, start, parts):
            break
        if best is not None and start >= best.start:
            continue  # a shorter head wins only with a longer name: 市场监督管理 + 局, not 监督 + 管理局
        if (head.cls == "party" or word in ("委", "委员会")) and scoped(parts) \
                and (party := PARTY_PREFIX.search(text, max(0, start - 5), start)):
            start = party.start()
        elif word in ("委", "委员会") and scoped(parts) and (
                (league := LEAGUE_PREFIX.search(text, max(0, start - 9), start))
                or (word == "委" and text[start - 1:start] == "团" and end - start <= 2
                    and (start < 2 or text[start - 2] not in "集社军乐剧"))):
            start = league.start() if league else start - 1
        kinds = tuple(p.kind for p in reversed(parts))
        best = Candidate("AGENCY", start, end, text[start:end], "agency.head", tier=1)
        best.info = {"kinds": kinds, "head": word, "words": tuple(p.word for p in reversed(parts)),
                     "cls": head.cls}
    return best


#: continuations that make a head a verb (处在, 所要) unless a field stem stands right before it (县海事处在…,
#: 运管所要…); not 所需, 所要求 (执法所需: what enforcement needs)
_VERB_AFTER = re.compile(r"在|于|要(?!求)|组(?:织|建|成)")
#: 会同 "together with" after a head whose 会 would make a meeting (党委会, 党组会)
_PARTNER_AFTER = "会同"
#: how far after 会同 the partner body's head must end (县交通运输综合行政执法大队)
_PARTNER_REACH = 14


def _partner_follows(sc: PhraseScanner, at: int) -> bool:
    """Whether 会同 at ``at`` is the partner verb: its 同 opens no known word (党委会同意, 党组会同时) and a body's
    head closes within reach before the clause ends (局党组会同县财政局…, not 党组会同步传达, 党委会同志们)."""
    text = sc.text
    if sc.lx.in_word(text, at + 1, within=(at + 1, len(text))):
        return False  # a word opening at 同 (会同 itself is a word, so only words from 同 on are read)
    heads = sc.matches("agency_heads")
    for e in range(at + 3, min(len(text), at + 2 + _PARTNER_REACH) + 1):
        if not sc.is_name_char(e - 1):
            return False
        if heads.ending_at(e, at + 2):
            return True
    return False


def _head_despite(sc: PhraseScanner, head: AgencyHead, parts: list[Part], hstart: int, end: int) -> bool:
    """Whether a head followed by one of its ``not_before`` words still ends a name.

    A field stem before 处/所/中心 makes a body whatever follows (县海事处在…,
    运管所要…, 公路养护中心组织…, 道路运输发展中心组织…, not 中心组 the
    study group); a named head before 部署 is a body deploying (省质监局部署);
    a party body sent to another (驻局纪检监察组) is named even before its
    leader's title (驻局纪检监察组组长); a head before the partner verb 会同 ends a name
    (局党组会同…, not 党组会 the meeting).
    """
    text = sc.text
    fields = [sc.lx.stems.get(p.word) for p in parts if p.kind == STEM]
    if _VERB_AFTER.match(text, end) and parts and parts[0].kind == STEM and (fields[0] in ("body", "domain", "short")
                                                                             or fields[0] == "inner" and "domain" in fields):
        return True  # 道路运输发展中心组织…: an inner stem after a field names the body too
    if parts and text.startswith("部署", end):
        return True  # 省质监局部署…: 部署 is the verb after the name, not the 部 of 局部
    if parts and text.startswith(_PARTNER_AFTER, end) and _partner_follows(sc, end):
        return True  # 局党组会同…, 市发展改革委会同…: the partner verb after the name, not a meeting (党委会)
    start = parts[-1].start if parts else hstart
    return head.cls == "party" and SENT.search(text, max(0, start - 2), start) is not None


def _branch_parent(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """The parent body before a branch named by its place: 合肥市生态环境局 + 肥西 + 分局.

    ``parts`` are the words before the branch head; when they are a place (and
    its level) right after a unit head that names a body, the unit and its own
    words are returned to extend the name.
    """
    if not parts or parts[-1].kind != PLACE or any(p.kind not in (PLACE, LEVEL) for p in parts):
        return []
    at = parts[-1].start
    hit = sc.lx.trie("agency_heads").longest_ending_at(sc.text, at)
    if hit is None or hit[2].cls != "unit":
        return []
    above = parse_agency_parts(sc, hit[0])
    if not _head_ok(hit[2], above, sc):
        return []
    return [Part(UNIT, hit[0], at, hit[1]), *above]


def _waterway(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """The water before a maritime or waterway body it names (see :func:`waters_before`)."""
    if not parts or parts[-1].kind not in (PLACE, STEM) or not any(p.word in WATER_STEMS for p in parts):
        return []
    return [Part(PLACE, *w) for w in waters_before(sc, parts[-1].start, parts[-1].kind == STEM)]


def _sub_body_parent(sc: PhraseScanner, parts: list[Part], hstart: int) -> list[Part]:
    """The parent body written right before a sub-body named by its place: 长江航道局 + 万州航道处,
    X执法大队 + 大店执法所, 县公安局交警大队 + 大店中队.

    The sub-body's own name is a place the parse read (万州) or two or three
    name characters that are no known word (大店, 荣家湾: a township the
    gazetteer does not hold); right before it a unit or team head must end a body of its own,
    with a scope (a place, a level or a mask). The parent's words and the
    sub-body's name are returned to extend the name.
    """
    text = sc.text
    at = parts[-1].start if parts else hstart
    if parts and parts[-1].kind == PLACE:
        return _parent_before(sc, [], at)
    if parts and parts[-1].kind != STEM:
        return []
    if not any(_unit_or_team_ending_at(sc, at - length) for length in TOWN_NAME if at >= length):
        return []  # no parent can end before the name: the checks below would find nothing (a cheap test first)
    for length in TOWN_NAME:
        start = at - length
        if start < 0 or not all(sc.is_name_char(i) for i in range(start, at)):
            return []
        name = text[start:at]
        if name[0] in PREDICATE_ADVERBS or no_town_name(sc, start, at):
            return []
        found = _parent_before(sc, [Part(PLACE, start, at, name)], start)
        if found:
            return found
    return []


def _unit_or_team_ending_at(sc: PhraseScanner, at: int) -> bool:
    """Whether the longest agency head ending at ``at`` is a unit's or a team's (what :func:`_parent_before` needs)."""
    hit = sc.matches("agency_heads").longest_ending_at(at)
    return hit is not None and hit[2].cls in ("unit", "team")


def _parent_before(sc: PhraseScanner, own: list[Part], at: int) -> list[Part]:
    """``own`` with the scoped unit or team body ending at ``at`` (its head and words), or nothing."""
    hit = sc.lx.trie("agency_heads").longest_ending_at(sc.text, at)
    if hit is None or hit[2].cls not in ("unit", "team"):
        return []
    above = drop_determined_level(sc, parse_agency_parts(sc, hit[0]))
    above += _waterway(sc, above)
    if not scoped(above) or not _head_ok(hit[2], above, sc):
        return []
    return [*own, Part(UNIT, hit[0], at, hit[1]), *above]


