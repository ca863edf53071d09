"""Head-noun rules: a name is a head noun plus the modifiers on its left.

AGENCY      [place] [level] (stem | parent unit)* HEAD   市交通运输局党组, 省厅执法局
            parsed right to left over dictionary words only, so it stops by
            itself before verbs (代表支队党委 -> 支队党委); the head says
            what must stand directly before it (委 needs a level: 市委).
ORGANIZATION brand + HEAD                                   滴滴公司, 天海石油集团公司
            the brand runs left until a stop word, a class noun or another name.
CAMPAIGN    free modifiers + HEAD (专项行动, 实践活动, 转型年, 示范县 ...)
REGULATION  free modifiers + HEAD (制度, 责任制, 清单 ...)   六项制度
            modifiers run left until a stop word (开展, 推进, 全市 ...), with
            和/及/与 crossed inside names (道路交通安全和运输执法领域 ...).

Each rule returns :class:`~kg.extract.phrases.Candidate` records; the
component in :mod:`kg.extract.entities` chooses among them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import AgencyHead
from kg.extract.phrases import MASK_CHARS, Candidate, PhraseScanner, is_masked

#: determiners that make a body phrase a collective (各级交通运输局, 相关部门)
COLLECTIVE_DETS = frozenset({"各", "各级", "各类", "各地", "相关", "有关", "上级", "下级", "其他", "其它",
                             "所有", "部分", "多家", "一些", "全国各", "基层", "沿线", "辖区"})
#: determiners and quantifiers that make an organisation phrase a class (全市小微客车租赁公司)
ORG_CLASS_DETS = COLLECTIVE_DETS | {"全市", "全省", "全县", "全区", "一批", "家"}
#: a list of bodies closed by a collective noun: 公安交警等相关部门, 市公安交管、经信等七部门
_ENUM_TAIL = re.compile(r"等(?:[0-9一二三四五六七八九十两Xx]+个?)?(?:相关|有关)?(?:部门|单位)")

HEAD, STEM, UNIT, LEVEL, PLACE, MASK, CONJ = "HEAD", "STEM", "UNIT", "LEVEL", "PLACE", "MASK", "CONJ"
ENUM_MARK = "、"
#: a conjunction that may join two stems inside one name (县城市管理和综合执法局)
CONJ_IN_NAME = "和"
#: characters a place name may end with: 和县 after 县政府 is 和 + 县 (县委、县政府和县交通运输局)
_LEVEL_END = frozenset("省市州县区盟旗")
#: what sends a party body to another body: 驻局纪检监察组, 县纪委监委派驻县交通运输局纪检监察组
_SENT = re.compile(r"(?:派驻|驻)$")
#: office heads that take a free modifier after their parent body: 支队法制科, 局法规科
OFFICE_HEADS = ("科", "股", "室", "处")
_OFFICE_MODIFIER = (2, 4)
#: bare unit words that stand for a parent body at a clause start (局法规科, 支队法制科)
_PARENT_WORDS = ("支队", "大队", "中队", "中心", "局", "厅", "所", "站")
#: a count right after a body name: the name is a class of facilities (建成综合服务中心XX个)
_COUNTED = re.compile(r"[0-9XxＸ*一二三四五六七八九十百千两]+(?:个|家|座|所|处)")


@dataclass(frozen=True, slots=True)
class Part:
    """One dictionary word of an agency name."""

    kind: str
    start: int
    end: int
    word: str


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
    """
    text, lx = sc.text, sc.lx
    stems, heads, levels, places = lx.trie("stems"), lx.trie("agency_heads"), lx.trie("levels"), lx.trie("places")
    parts: list[Part] = []
    while pos > 0:
        options: list[tuple[int, int, str, str]] = []  # (length, preference, kind, word)
        if state in (HEAD, STEM, UNIT, CONJ):
            hit = stems.longest_ending_at(text, pos)
            if hit:
                options.append((len(hit[1]), 3, STEM, hit[1]))
        if state in (HEAD, STEM, UNIT):
            hit = heads.longest_ending_at(text, pos)
            if hit and hit[2].cls in ("unit", "team", "gov"):
                options.append((len(hit[1]), 2, UNIT, hit[1]))
        if state == STEM and text[pos - 1] in CONJ_IN_NAME and stems.longest_ending_at(text, pos - 1):
            options.append((1, 0, CONJ, text[pos - 1]))
        if state in (HEAD, STEM, UNIT, PLACE, MASK):
            hit = levels.longest_ending_at(text, pos)
            if hit:
                options.append((len(hit[1]), 1, LEVEL, hit[1]))
        if state in (HEAD, STEM, UNIT, LEVEL):
            hit = places.longest_ending_at(text, pos)
            if hit and not _verb_first(sc, hit[1]) and not _conj_place(sc, hit[0]):
                options.append((len(hit[1]), 4, PLACE, hit[1]))
            elif state != LEVEL:
                short = _doc_short_place_ending_at(sc, pos)
                if short:
                    options.append((len(short), 4, PLACE, short))
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
    and before 和 that no level or place opens."""
    stems = sc.lx.stems
    for i, p in enumerate(parts):
        if p.kind == CONJ and not any(q.kind in (LEVEL, PLACE, MASK) for q in parts[i + 1:]):
            return _trim_parts(sc, parts[:i])
        kind = stems.get(p.word) if p.kind == STEM else None
        if kind == "generic" or kind == "inner" and not _field_before(stems, parts[i + 1:]):
            return parts[:i]
    if parts and parts[-1].kind == CONJ:
        return parts[:-1]
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


def _conj_place(sc: PhraseScanner, start: int) -> bool:
    """A place that starts with 和 right after another word is read as 和 + level (县政府和县交通运输局)."""
    text = sc.text
    return (text[start] in CONJ_IN_NAME and start > 0 and sc.is_name_char(start - 1)
            and text[start - 1] not in _LEVEL_END)


def _verb_first(sc: PhraseScanner, place: str) -> bool:
    """A place name that begins with a verb (会同县 after 会同 "together with") is read as verb + level."""
    return any(sc.lx.stopwords.get(place[:n]) == "verb" for n in (2, 3) if n < len(place))


#: suffixes whose removal gives a document's short form of a place it names in full
_PLACE_SUFFIXES = ("市", "县", "区", "州", "盟")
_PLACE_SUFFIX = re.compile(f"[{''.join(_PLACE_SUFFIXES)}]")


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
        if hit and len(hit[1]) >= 3 and not _verb_first(sc, hit[1]):
            shorts.add(hit[1][:-1])
    sc.doc_places = shorts
    return shorts


def _doc_short_place_ending_at(sc: PhraseScanner, pos: int) -> str | None:
    shorts = doc_short_places(sc)
    for n in (4, 3, 2):
        if pos >= n and (w := sc.text[pos - n:pos]) in shorts:
            return w
    return None


def _drop_determined_level(sc: PhraseScanner, parts: list[Part]) -> list[Part]:
    """Drop a leading level that belongs to a determiner: 全市, 我市, 全省 are not 市, 省."""
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
    first = parts[0]
    stem_kind = _first_stem_kind(sc, parts) if first.kind == STEM else None
    if head.cls == "dept":  # 部门 names a body only after a body stem: 市场监管部门, 海事部门
        return stem_kind == "body"
    if "any" in head.needs and (first.kind in (LEVEL, PLACE, MASK, UNIT) or stem_kind):
        return True
    if "stem" in head.needs and stem_kind:
        return True
    return "level" in head.needs and first.kind in (LEVEL, PLACE, MASK)


def _collective(sc: PhraseScanner, start: int, parts: list[Part]) -> bool:
    """各级交通运输局, 相关部门, and the distributive 市、县党委 name no one body."""
    text, levels = sc.text, sc.lx.trie("levels")
    pos = start
    while True:  # 各市州交通运输局, 各县（市、区）交通运输局: look past other levels
        lvl = levels.longest_ending_at(text, pos)
        if lvl is not None:
            if parts and parts[-1].kind == LEVEL and parts[-1].start == start and pos == start:
                return True  # 乡镇人民政府, 市县交通运输部门: two levels at once name every body of both
            pos = lvl[0]
            continue
        if pos > 0 and text[pos - 1] in ")）":
            open_at = max(text.rfind("(", 0, pos - 1), text.rfind("（", 0, pos - 1))
            inner = text[open_at + 1:pos - 1] if open_at >= 0 else ""
            if inner and all(w in sc.lx.levels for w in inner.split("、")):
                pos = open_at
                continue
        break
    if sc.det_before(start) in COLLECTIVE_DETS or sc.det_before(pos) in COLLECTIVE_DETS:
        return True
    if pos > 0 and text[pos - 1] == "等":
        return True  # 涪城、游仙等执法大队: a list's bodies, not one
    if start >= 2 and sc.text[start - 1] == "、" and parts and parts[-1].kind == LEVEL:
        return sc.lx.trie("levels").longest_ending_at(sc.text, start - 1) is not None
    return False


def agency_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Public bodies found from their head nouns (see the module docstring)."""
    text = sc.text
    out: list[Candidate] = []
    for end, hits in sc.matches("agency_heads").by_end.items():
        if _COUNTED.match(text, end):
            continue  # 建成综合服务中心XX个: a kind of facility counted, not one body
        best: Candidate | None = None
        for hstart, word, head in hits:  # longest head first: 管理局, then 局
            parts = _drop_determined_level(sc, parse_agency_parts(sc, hstart))
            if text.startswith(head.not_before, end) and not _head_despite(sc, head, parts, hstart, end):
                continue
            if not _head_ok(head, parts, sc):
                continue
            start = parts[-1].start if parts else hstart
            if head.cls == "team" and not _scoped(parts) and not _bounded(sc, start):
                continue  # 媒体宣传支队, 7个派出执法中队: a field and a team with a word before them name no body
            if _collective(sc, start, parts):
                break
            if best is not None and start >= best.start:
                continue  # a shorter head wins only with a longer name: 市场监督管理 + 局, not 监督 + 管理局
            kinds = tuple(p.kind for p in reversed(parts))
            best = Candidate("AGENCY", start, end, text[start:end], "agency.head", tier=1)
            best.info = {"kinds": kinds, "head": word, "words": tuple(p.word for p in reversed(parts)),
                         "cls": head.cls}
        if best is not None:
            out.append(best)
    out += _coordinated_scopes(sc, out)
    out += _sent_bodies(sc, out)
    out += _offices(sc, out)
    out += _bare_bodies(sc)
    out += _party_commissions(sc)
    return out


#: a commission of a party committee: 县委全面依法治县委员会(办公室), 市委网络安全和信息化委员会
_COMMISSION = re.compile(r"(?:[省市县区州旗]|自治区|自治州)委(?P<mod>[\u4e00-\u9fff]{2,14}?)委员会(?:办公室)?")
#: characters a commission's own name never holds (县委书记任主任的…委员会 is a sentence, not a name)
_NOT_IN_COMMISSION = frozenset("的由任在对与是为将把被了及等")


def _party_commissions(sc: PhraseScanner) -> list[Candidate]:
    """A commission that a party committee names after itself (县委全面依法治县委员会办公室)."""
    text = sc.text
    out: list[Candidate] = []
    for m in _COMMISSION.finditer(text):
        start = m.start()
        if set(m.group("mod")) & _NOT_IN_COMMISSION or not _bounded(sc, start):
            continue
        cand = Candidate("AGENCY", start, m.end(), m.group(), "agency.commission", tier=1)
        cand.info = {"kinds": (LEVEL, UNIT), "head": "委员会", "words": (m.group(),), "cls": "party"}
        out.append(cand)
    return out


#: continuations that make a head a verb (处在, 所要) unless a field stem stands right before it (县海事处在…,
#: 运管所要…); not 所需, 所要求 (执法所需: what enforcement needs)
_VERB_AFTER = re.compile(r"在|于|要(?!求)")


def _head_despite(sc: PhraseScanner, head: AgencyHead, parts: list[Part], hstart: int, end: int) -> bool:
    """Whether a head followed by one of its ``not_before`` words still ends a name.

    A field stem before 处/所 makes a body whatever follows (县海事处在…,
    运管所要…); a party body sent to another (驻局纪检监察组) is named even
    before its leader's title (驻局纪检监察组组长).
    """
    text = sc.text
    if _VERB_AFTER.match(text, end) and parts and parts[0].kind == STEM \
            and sc.lx.stems.get(parts[0].word) in ("body", "domain", "short"):
        return True
    start = parts[-1].start if parts else hstart
    return head.cls == "party" and _SENT.search(text, max(0, start - 2), start) is not None


def _scoped(parts: list[Part]) -> bool:
    return any(p.kind in (LEVEL, PLACE, MASK) for p in parts)


def _bounded(sc: PhraseScanner, start: int) -> bool:
    """A name starting at ``start`` stands after punctuation, a stop word or another name, not inside a phrase."""
    return (start == 0 or not sc.is_name_char(start - 1) or sc.stopword_ending_at(start) is not None
            or start in sc.blocked_ends or _conj_place(sc, start - 1))


def _sent_bodies(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """A party body sent to another body: 驻局纪检监察组, 县纪委监委派驻县交通运输局纪检监察组.

    The name takes 驻/派驻 and, when a body is named right before it, the
    sending body too.
    """
    text = sc.text
    by_end: dict[int, Candidate] = {}
    for a in agencies:
        if a.end not in by_end or a.start < by_end[a.end].start:
            by_end[a.end] = a
    out: list[Candidate] = []
    for a in agencies:
        if a.info.get("cls") != "party":
            continue
        m = _SENT.search(text, max(0, a.start - 2), a.start)
        if m is None:
            continue
        start = m.start()
        sender = by_end.get(start)
        if sender is not None:
            start = sender.start
        cand = Candidate("AGENCY", start, a.end, text[start:a.end], "agency.sent", tier=1)
        cand.info = dict(a.info)
        out.append(cand)
    return out


def _offices(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
    """An office inside a body, with a free modifier: 支队法制科, 局法规科, 市交通运输局综合科.

    The parent is a body found before, or a bare unit word (支队, 局) that
    opens its clause; the modifier is 2-4 characters with no stop word.
    """
    text = sc.text
    ends = {a.end: a for a in agencies}
    covered = {a.end for a in agencies}
    out: list[Candidate] = []
    lo_mod, hi_mod = _OFFICE_MODIFIER
    for end, hits in sc.matches("agency_heads").by_end.items():
        if end in covered:
            continue
        hstart, word, head = hits[-1]  # the shortest head: 科, 股, 室, 处
        if word not in OFFICE_HEADS or text.startswith(head.not_before, end):
            continue
        for n in range(lo_mod, hi_mod + 1):
            p = hstart - n
            if p <= 0 or not all(sc.is_name_char(i) for i in range(p, hstart)):
                break
            if any(sc.stopword_ending_at(i) is not None for i in range(p + 1, hstart + 1)):
                break
            parent = ends.get(p)
            start = parent.start if parent is not None else _bare_parent(sc, p)
            if start is None:
                continue
            cand = Candidate("AGENCY", start, end, text[start:end], "agency.office", tier=1)
            cand.info = {"kinds": (UNIT,), "head": word, "words": (text[start:p],), "cls": "unit"}
            out.append(cand)
            break
    return out


def _bare_parent(sc: PhraseScanner, pos: int) -> int | None:
    """Start of a bare unit word (局, 支队) ending at ``pos`` that opens its clause or follows a stop word."""
    text = sc.text
    heads = sc.lx.agency_heads
    for w in _PARENT_WORDS:
        s = pos - len(w)
        if s >= 0 and text.startswith(w, s):
            if w in heads and text.startswith(heads[w].not_before, pos):
                return None  # 局部 is no 局
            if s == 0 or not sc.is_name_char(s - 1) or sc.stopword_ending_at(s) is not None:
                return s
            return None
    return None


#: what a bare short body name (海事, 运管) is followed by when the sentence treats it as a body
_BODY_VERB = re.compile(r"(?:要|应当|应(?![急对用])|负责|牵头|会同|联合|配合|协同|督促|加强|做好|抓好|组织)")
_CLAUSE_OPEN = frozenset("。;；,，:：\n、 ")


def _bare_bodies(sc: PhraseScanner) -> list[Candidate]:
    """A body stem or a field's short name used alone as a subject: 海事要会同…, 运管负责….

    Only at a clause start and before a verb of duty or action, where it
    cannot be a field word modifying something.
    """
    text, stems = sc.text, sc.lx.stems
    out: list[Candidate] = []
    for end, hits in sc.matches("stems").by_end.items():
        start, word, _ = hits[0]
        if stems.get(word) not in ("body", "short") or word in sc.lx.stopwords or not _BODY_VERB.match(text, end):
            continue  # 组织 is a verb before it is a body
        if start > 0 and text[start - 1] not in _CLAUSE_OPEN:
            continue
        cand = Candidate("AGENCY", start, end, word, "agency.bare", tier=0)
        cand.info = {"kinds": (STEM,), "head": "", "words": (word,)}
        out.append(cand)
    return out


def _coordinated_scopes(sc: PhraseScanner, agencies: list[Candidate]) -> list[Candidate]:
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
            if parts[0].kind != LEVEL and not parts[0].word.endswith(_PLACE_SUFFIXES):
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
    for end in ends:
        pos = end
        while pos > 0:
            item = _enum_item(sc, pos)
            if item is None:
                break
            start, parts = item
            if _collective(sc, start, parts):
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


# ------------------------------------------------------------ organisations
#: how far left of its head an organisation's brand may run (湖南常德公路桥梁建设集团有限公司)
ORG_BRAND_REACH = 16
#: the longest brand after a body's name that makes the body part of an institution's name
#: (交通运输部科学研究院, 中铁XX局集团有限公司)
ORG_AFTER_BODY = 4


def organization_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Enterprises, associations and schools: a brand before an organisation head.

    The brand runs left to a stop word, punctuation or the end of a body
    (but a body right before a short brand is part of the name:
    中铁XX局集团有限公司, 交通运输部科学研究院);
    past a one-character stop word when a place name opens the longer
    brand (福建德化瓷都运输有限公司). Each name ends at its own head, so
    ``A和B`` and ``A、B`` give two names.
    """
    text, lx = sc.text, sc.lx
    out: list[Candidate] = []
    for end, hits in sc.matches("org_heads").by_end.items():
        hstart, word, head = hits[0]
        if head.weak and not text.startswith(head.after, end):
            continue
        pos = _brand_start(sc, hstart)
        brand = text[pos:hstart]
        if not brand or sc.is_generic(brand, numerals=False) or (len(brand) < 2 and not is_masked(brand)):
            continue  # 进学校 (进企业、进学校) is no school
        if sc.det_before(pos) in ORG_CLASS_DETS:
            continue
        if head.weak and (not 2 <= len(brand) <= 4 or lx.is_word(brand) or pos in sc.blocked_ends):
            continue
        cand = Candidate("ORGANIZATION", pos, end, text[pos:end], "organization.head", tier=1)
        out.append(cand)
    return out


def _brand_start(sc: PhraseScanner, hstart: int) -> int:
    """Where the brand before an organisation head starting at ``hstart`` begins."""
    text = sc.text
    lo = max(0, hstart - ORG_BRAND_REACH)
    pos = hstart
    while pos > lo:
        if pos in sc.blocked_ends and not 0 < hstart - pos <= ORG_AFTER_BODY:
            break
        if not sc.is_name_char(pos - 1) or _conj_place(sc, pos - 1):
            break
        stop = sc.stopword_ending_at(pos)
        if stop is not None:
            if stop[0] == pos - 1 and sc.lx.stopwords.get(stop[1]) == "adverb" \
                    and (further := _place_opened(sc, pos - 1, lo)) is not None:
                pos = further
                continue
            break
        pos -= 1
    return pos


def _place_opened(sc: PhraseScanner, stop_at: int, lo: int) -> int | None:
    """Start of a brand that a place name opens and a one-character stop word sits inside (瓷都).

    Walks left from ``stop_at`` to the next boundary; the span must start
    with a place name of the gazetteer.
    """
    text, places = sc.text, sc.lx.trie("places")
    pos = stop_at
    while pos > lo and sc.is_name_char(pos - 1) and sc.stopword_ending_at(pos) is None \
            and (pos == stop_at or pos not in sc.blocked_ends):
        pos -= 1
    if pos == stop_at:
        return None
    for e in range(min(stop_at, pos + 4), pos + 1, -1):
        hit = places.longest_ending_at(text, e, pos)
        if hit is not None and hit[0] == pos:
            return pos
    return None


# --------------------------------------------------- campaigns, regulations
def _free_head_candidates(sc: PhraseScanner, label: str, trie_name: str, rule: str) -> list[Candidate]:
    text, lx = sc.text, sc.lx
    out: list[Candidate] = []
    for end, hits in sc.matches(trie_name).by_end.items():
        for hstart, word, head in hits:
            if label == "CAMPAIGN":
                if head.quoted_only:
                    continue
                anaphor, strong = head.anaphor, head.strong
            else:
                if "any" not in head.where:
                    continue
                anaphor, strong = False, False
            if text.startswith(head.not_before, end):
                continue
            if sc.in_title(hstart, end):
                continue
            start = sc.extend_left(hstart)
            if label == "CAMPAIGN":
                if start > 0 and text[start - 1] == ENUM_MARK and not strong and start < hstart \
                        and not _names_before_enum(sc, start - 1):
                    break  # 安全宣传进企业、进站场活动: listed activities, no one named campaign
                code = _ROAD_CODE.search(text, max(0, start - 6), start)
                if code and start < hstart:
                    start = code.start()  # G207安化段改建工程: a route number opens the name
            modifier = text[start:hstart]
            named = bool(modifier) and (strong or not sc.is_generic(sc.last_conjunct(modifier))
                                        or (label == "REGULATION" and sc.is_numbered(modifier)))
            if modifier in lx.slogans:
                named = False
            if named:
                out.append(Candidate(label, start, end, text[start:end], rule, tier=1))
            elif anaphor:
                out.append(Candidate(label, hstart, end, word, rule + ".bare", tier=0, bare_head=word))
            break  # the longest head that may stand here decides
    return out


#: a national, provincial or county route number right before a name: G207, S312, X035
_ROAD_CODE = re.compile(r"(?<![A-Za-z0-9])[GSXYZ][0-9]{1,4}$")


def _names_before_enum(sc: PhraseScanner, pos: int) -> bool:
    """True when the list item ending at ``pos`` (before 、) is itself a name (ends with a head or a quote)."""
    if pos > 0 and sc.text[pos - 1] in "”’」』\"":
        return True
    return sc._ends_with_head(pos, ("campaign_heads", "regulation_heads", "agency_heads", "org_heads"))


def campaign_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Named initiatives from their head nouns (专项整治行动, 实践活动, 转型年 ...)."""
    return _free_head_candidates(sc, "CAMPAIGN", "campaign_heads", "campaign.head")


def regulation_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Named rule sets in running text (六项制度, 党风廉政建设责任制 ...)."""
    return _free_head_candidates(sc, "REGULATION", "regulation_heads", "regulation.head")
