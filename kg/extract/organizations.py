"""Organisation names: a brand before an organisation head (集团, 公司, 协会, 学校 ...).

The brand runs left from the head over name characters; see
:func:`organization_candidates` for where it stops.
"""

from __future__ import annotations

import re

from kg.extract.heads import COLLECTIVE_DETS, CONJ_IN_NAME, ENUM_MARK, conj_place
from kg.extract.localities import doc_short_place_ending_at
from kg.extract.metric_time import PERIOD_RE
from kg.extract.phrases import Candidate, PhraseScanner, is_masked
from kg.extract.waterways import water_name_before
from kg.structure.headings import CN_DIGITS

#: determiners and quantifiers that make an organisation phrase a class (全市小微客车租赁公司)
ORG_CLASS_DETS = COLLECTIVE_DETS | {"全市", "全省", "全县", "全区", "一批", "家"}
#: how far left of its head an organisation's brand may run (湖南常德公路桥梁建设集团有限公司)
ORG_BRAND_REACH = 16
#: the longest brand after a body's name that makes the body part of an institution's name
#: (交通运输部科学研究院, 中铁XX局集团有限公司)
ORG_AFTER_BODY = 4
#: a brand in Latin letters and digits before a weak head (T3出行)
_LATIN_BRAND = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,7}$")
#: marks that list organisations of one kind
_LIST_MARKS = "、和与及"
#: heads of a branch named by its parent and a place (中国XX集团有限公司XX县分公司)
BRANCH_HEADS = frozenset({"分公司", "子公司", "分行", "支行", "分会"})
#: what after a head shows it is another word (分会场: the side venue of a meeting)
_NOT_BEFORE = {"分会": "场"}
#: the number a branch is named by (第三分公司)
_ORDINAL = re.compile(f"第[{CN_DIGITS}]{{1,3}}$")
#: legal forms: the line of business right before one is part of the name (汽车维修服务有限公司)
LEGAL_FORMS = frozenset({"公司", "有限公司", "股份有限公司", "有限责任公司", "集团公司"})
#: heads of a registered company, whose name a place opens (广州港集团有限公司); an association's may not
_COMPANY_HEADS = tuple(LEGAL_FORMS | {"集团"})
#: a period of a report (四季度, 上半年) ending where a brand would start
_PERIOD_BEFORE = re.compile(f"(?:{PERIOD_RE.pattern})$")
#: what after a legal form makes it a word of its own (市公路局公司化改革, 集团公司制): no brand's legal form
_LEGAL_WORD_AFTER = "化制"


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
    by_end: dict[int, Candidate] = {}
    head_at: dict[int, str] = {}  # end -> head word of the organisations found
    for end, hits in sorted(sc.matches("org_heads").by_end.items()):
        hstart, word, head = hits[0]
        if word in _NOT_BEFORE and text.startswith(_NOT_BEFORE[word], end):
            continue
        if (cls := sc.stopword_ending_at(end)) is not None and cls[0] < hstart and lx.stopwords.get(cls[1]) == "noun":
            continue  # 集团全资子公司X公司: a class noun in apposition ends with the head and names nothing
        branch = word in BRANCH_HEADS
        pos = _brand_start(sc, hstart, by_end if branch else {}, _is_legal_form(sc, word, hstart, end))
        if pos == hstart and head.weak and (latin := _LATIN_BRAND.search(text, max(0, hstart - 8), hstart)):
            pos = latin.start()  # T3出行
        if head.weak and not text.startswith(head.after, end) \
                and not (pos > 0 and text[pos - 1] in _LIST_MARKS and head_at.get(pos - 1) == word):
            continue  # 滴滴出行、曹操出行建立…: a weak head listed after one of its kind needs no continuation
        if not branch:
            pos = _place_opened_brand(sc, pos, hstart)
        ordinal = _ORDINAL.search(text, max(0, hstart - 4), hstart) if branch else None
        if ordinal is not None and ordinal.start() < pos:
            pos = ordinal.start()  # 第三分公司: a branch named by its number (第 stops a brand)
        brand = text[pos:hstart]
        if not brand or (sc.is_generic(brand, numerals=False) and ordinal is None) \
                or (len(brand) < 2 and not is_masked(brand)):
            continue  # 进学校 (进企业、进学校) is no school
        if sc.det_before(pos) in ORG_CLASS_DETS:
            continue
        if head.weak and (not 2 <= len(brand) <= 4 or lx.is_word(brand) or pos in sc.blocked_ends):
            continue
        if head.placed and not _placed_brand(sc, pos, hstart):
            continue
        if branch and pos in by_end:
            pos = by_end[pos].start  # the parent's name opens the branch's
        if word in LEGAL_FORMS and (unit_end := _placed_unit_end(sc, end)) is not None:
            end = unit_end  # 安徽省交通控股集团有限公司黄山管理处: a company's office named by its place
        cand = Candidate("ORGANIZATION", pos, end, text[pos:end], "organization.head", tier=1)
        out.append(cand)
        by_end[end] = cand
        head_at[end] = word
    return out


#: words before a place inside a brand that make them a phrase of their own (车站运营方天津XX客运集团有限公司)
_PREFIX_BEFORE_PLACE = 3
#: what a national enterprise's name opens with, before a province that names its company there
_NATIONAL = "中国"


#: a list of enterprises closed by their kind: 中通、圆通、韵达等快递品牌, 滴滴出行、货拉拉等平台, A、B、C3家企业
_LISTED_KIND = re.compile(r"(?:等(?:[0-9Xx一二两三四五六七八九十多几]+家)?|(?<!等)([0-9一二两三四五六七八九十]+)家)"
                          r"(快递|寄递|物流|网约车)?(?:企业|平台|公司|品牌)")
#: the longest bare brand in such a list (顺丰速运, 花小猪出行)
_LISTED_BRAND = 6


def listed_brands(sc: PhraseScanner, orgs: list[Candidate]) -> list[Candidate]:
    """Bare brands listed before their kind of enterprise: 中通、圆通、韵达等快递企业, 滴滴出行、货拉拉等平台.

    The kind names a line of business (快递企业, 网约车平台), or the list is
    counted and the count is its length (美团单车、哈啰出行、青桔单车3家企业), or
    one item of the list is an organisation already; every other item of two to six name
    characters that is no known or generic word is an organisation too.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the document's text.
    orgs : list of Candidate
        The organisations found so far.

    Returns
    -------
    list of Candidate
        The brands found, as organisations.
    """
    text, out = sc.text, []
    org_ends = {c.end for c in orgs}
    for m in _LISTED_KIND.finditer(text):
        items, end = [], m.start()
        while True:
            start = end
            while start > 0 and end - start <= _LISTED_BRAND and sc.is_name_char(start - 1) \
                    and (start == end or sc.stopword_ending_at(start) is None):
                start -= 1
            if start == end or end - start > _LISTED_BRAND:
                break
            items.append((start, end))
            if start < 2 or text[start - 1] != ENUM_MARK:
                break
            end = start - 1
        counted = m.group(1) is not None and _count(m.group(1)) == len(items)
        if len(items) < 2 or not (m.group(2) or counted or any(e in org_ends for _, e in items)):
            continue
        for start, end in items:
            brand = text[start:end]
            if end in org_ends or end in sc.blocked_ends or len(brand) < 2 or sc.lx.is_word(brand) \
                    or sc.is_generic(brand, numerals=False):
                continue
            out.append(Candidate("ORGANIZATION", start, end, brand, "organization.list", tier=1))
    return out


def _count(num: str) -> int | None:
    """The number a count of items states (3, 三, 两), or None past ten."""
    if num.isdigit():
        return int(num)
    if num == "两":
        return 2
    return CN_DIGITS.index(num) + 1 if len(num) == 1 else None


def _place_opened_brand(sc: PhraseScanner, pos: int, hstart: int) -> int:
    """Where a brand that a place name opens starts, when the walk took words before the place.

    An enterprise's registered name opens with its place (天津XX客运集团有限公司); three or more
    characters before the first place name are a role or a clause (车站运营方, 集团全资子公司,
    局班子成员包保), not part of the name, unless they name a port (北部湾港钦州码头有限公司).
    A branch is named after its parent and keeps the words.
    """
    text, trie, stems = sc.text, sc.lx.trie("places"), sc.lx.trie("stems")
    first = None
    for e in range(pos + 2, hstart + 1):
        for s, w, _ in trie.ending_at(text, e, lo=pos):
            if (first is None or s < first) and not any(a < s for a, _, _ in stems.ending_at(text, s + 1, lo=pos)):
                first = s  # 铁路南昌: 路南 is no place inside the word 铁路
    if first is None or first - pos < _PREFIX_BEFORE_PLACE or text[first - 1] in "（(":
        return pos  # 顺丰速运（拉萨）有限公司: a place in brackets registers the company there
    prefix = text[pos:first]
    if prefix.startswith(_NATIONAL) or any(h in prefix for h in sc.lx.org_heads):
        return pos  # 中国移动通信集团江西有限公司: a group's name before its provincial company's place
    if (water := water_name_before(sc, first)) is not None and water[0] == pos:
        return pos  # 北部湾港钦州码头有限公司: the port before the place of its terminal company
    return first


def _is_legal_form(sc: PhraseScanner, word: str, hstart: int, end: int) -> bool:
    """Whether the head ``word`` at ``hstart:end`` is a legal form, not the start of a word (公司化, 公司治理)."""
    if word not in LEGAL_FORMS:
        return False
    text = sc.text
    if end < len(text) and text[end] in _LEGAL_WORD_AFTER:
        return False
    starts = [s for s in range(hstart, end) if text[s:end] in LEGAL_FORMS]  # 公司 inside 集团公司
    return not any(sc.lx.is_word(text[s:end + k]) for s in starts for k in (1, 2))  # 公司治理


def _brand_start(sc: PhraseScanner, hstart: int, parents: dict[int, Candidate], legal: bool) -> int:
    """Where the brand before an organisation head starting at ``hstart`` begins.

    The brand of a branch stops at the end of an organisation in ``parents``;
    before a legal form (``legal``) a verb-like word right before the head is
    the line of business and part of the brand (维修服务有限公司).
    """
    text = sc.text
    lo = max(0, hstart - ORG_BRAND_REACH)
    pos = hstart
    while pos > lo:
        if pos in parents and pos < hstart:
            break
        if legal and (opened := _bracketed_start(sc, pos, lo)) is not None:
            pos = opened  # 重庆XX港口（集团）有限责任公司, X（中国）网络技术有限公司: the bracketed part is inside the name
            continue
        if pos in sc.blocked_ends and not (0 < hstart - pos <= ORG_AFTER_BODY or legal and pos == hstart):
            break  # a legal form right after a body's name makes the body the company's brand (中交X航道局有限公司)
        if not sc.is_name_char(pos - 1) or conj_place(sc, pos - 1) or _PERIOD_BEFORE.search(text, max(0, pos - 8), pos):
            break  # 四季度集团…: a period of the report closes the brand, as a time word does
        stop = sc.stopword_ending_at(pos)
        if stop is not None and legal and pos == hstart and sc.lx.stopwords.get(stop[1]) == "verb":
            pos = stop[0]
            continue
        if stop is not None and stop[1] == "第" and text[pos] in CN_DIGITS and stop[0] - 1 > lo \
                and sc.is_name_char(stop[0] - 1) and sc.stopword_ending_at(stop[0]) is None:
            pos = stop[0]  # 中交第一公路工程局有限公司: a group's company named by its number
            continue
        if stop is not None:
            if stop[0] == pos - 1 and (sc.lx.stopwords.get(stop[1]) == "adverb" or _inner_conj(sc, stop[0], hstart))\
                    and (further := _place_opened(sc, pos - 1, lo)) is not None:
                pos = further
                continue
            break
        pos -= 1
    return pos


#: the longest place after a company that opens the name of one of its offices (石家庄, 普洱)
_UNIT_PLACE = 4
#: a route word after the head: the head is a station of a route (南京站至黄山线路), no office
_ROUTE_AFTER = re.compile(r"[至到—－-]")
#: stem classes that may stand between that place and the office's head (普洱管理处, 南昌管理中心)
_UNIT_STEMS = frozenset({"inner", "domain"})


def _placed_unit_end(sc: PhraseScanner, end: int) -> int | None:
    """The end of an office a company names by a place right after the company's name.

    云南省公路投资开发有限公司普洱管理处, 江西省交通投资集团有限责任公司南昌管理中心,
    中国铁路北京局集团有限公司石家庄站: a place, at most one body stem and a
    unit head right after a legal form name one unit of the company.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    end : int
        Where the company's name ends.

    Returns
    -------
    int or None
        Where the office's name ends, or None when no place and unit head follow, or a route word
        follows the head (XX客运有限公司南京站至黄山线路).
    """
    text, lx = sc.text, sc.lx
    places, heads = lx.trie("places"), sc.matches("agency_heads")
    for at in range(min(len(text), end + _UNIT_PLACE), end + 1, -1):
        hit = places.longest_ending_at(text, at, end)
        if not (hit is not None and hit[0] == end or doc_short_place_ending_at(sc, at) == text[end:at]):
            continue
        for hend in range(at + 1, min(len(text), at + 5) + 1):
            for hstart, word, head in heads.by_end.get(hend, ()):
                stem = text[at:hstart]
                if hstart >= at and head.cls == "unit" and (not stem or lx.stems.get(stem) in _UNIT_STEMS) \
                        and not text.startswith(head.not_before, hend) and not _ROUTE_AFTER.match(text, hend):
                    return hend
        # a shorter place at the same start may still open an office: try it
    return None


def _placed_brand(sc: PhraseScanner, pos: int, hstart: int) -> bool:
    """A place opens the brand at ``pos`` and a mask or two name characters that are no generic word
    follow it before the head (费县XXX驾校, 睢阳区顺通汽车修理厂; not 某驾校 or 县驾校)."""
    text, places = sc.text, sc.lx.trie("places")
    ends = [e for e in range(pos + 1, hstart) if (hit := places.longest_ending_at(text, e, pos)) and hit[0] == pos]
    if not ends:
        return False
    rest = text[max(ends):hstart]
    return is_masked(rest) or (len(rest) >= 2 and not sc.is_generic(rest, numerals=False))


#: a short bracketed part right before a legal form (（集团）, （中国）)
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{1,4})[）)]$")


def _bracketed_start(sc: PhraseScanner, pos: int, lo: int) -> int | None:
    """Start of a short bracketed part of ideographs ending at ``pos`` with a name character before it
    (no ordinal: （一） numbers a point of the text; no stop word before it: 对（涉事）, 约谈（第一批）, 和（乙）
    open the name after the bracket)."""
    m = _BRACKETED.search(sc.text, max(lo, pos - 6), pos)
    if m is None or m.start() == 0 or not sc.is_name_char(m.start() - 1) or all(c in CN_DIGITS for c in m.group(1)) \
            or sc.stopword_ending_at(m.start()) is not None:
        return None
    return m.start()


def _inner_conj(sc: PhraseScanner, at: int, hstart: int) -> bool:
    """A 与/和 at ``at`` between two field words of one name: what precedes it ends no body or organisation
    (X市出租车协会和网约车协会 names two), and before a company's head at ``hstart`` no place name opens
    what follows it (X港区与广州港集团有限公司 names two; 内河与江海联运协会 is one)."""
    if sc.text[at] not in CONJ_IN_NAME or at in sc.blocked_ends \
            or sc.text.startswith(_COMPANY_HEADS, hstart) and _place_opens(sc, at + 1):
        return False
    return sc.lx.trie("org_heads").longest_ending_at(sc.text, at) is None \
        and sc.lx.trie("agency_heads").longest_ending_at(sc.text, at) is None


def _place_opens(sc: PhraseScanner, pos: int) -> bool:
    """A place name of the gazetteer starts at ``pos``."""
    places = sc.lx.trie("places")
    return any((hit := places.longest_ending_at(sc.text, e, pos)) is not None and hit[0] == pos
               for e in range(pos + 2, min(len(sc.text), pos + 6) + 1))


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


__all__ = ["ORG_CLASS_DETS", "listed_brands", "organization_candidates"]
