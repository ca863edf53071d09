"""Shared machinery of the entity rules: candidates, boundaries, generic checks.

A :class:`PhraseScanner` wraps one document's normalised text and the
:class:`~kg.lexicon.Lexicon`, and answers the questions every rule
asks: where does a name stop on the left (punctuation, a verb of conducting,
a determiner, the end of another name), is a modifier only generic words, is
a character part of a mask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.numbers import load_units, tsv_rows
from kg.extract.spans import SpanSet
from kg.lexicon.charmatch import TextMatches
from kg.lexicon import Lexicon
from kg.resources import LEXICON_DIR

#: characters that stand for masked names or numbers (after width folding)
MASK_CHARS = frozenset("Xx*")
#: numerals and count words: a modifier made only of these names nothing
_NUMERAL = frozenset("0123456789一二三四五六七八九十百千万亿两几零〇Xx*")
_COUNT = frozenset("个项次条年批名家")
#: what closes a time word into a time phrase (年底前, 年初以后 is a stop word of its own)
_TIME_AFTER = frozenset("前后")
#: units of quantity: after digits one ends a name on the left (5.5公里安防工程)
_UNITS = load_units()
#: unit categories that stay in names after digits (2024年春运)
_NOT_NAME_STOPS = frozenset({"time", "per"})
#: multipliers and approximations between digits and a unit (2420万元, 30余家)
_MULTIPLIERS = frozenset("万亿千百余多")
#: coordinators that may stand inside a name (道路交通安全和运输执法领域 ...)
CONJ = frozenset("和及与")
ENUM = "、"
#: the most characters a walk to the left spends on one body's name (the longest of the samples has 13)
MAX_BODY = 40
_MASK_RE = re.compile(r"[Xx*＊Ｘｘ]")
#: verbs that also head a noun compound after a service field (客运服务, 交通服务保障年)
_NOUN_VERBS = frozenset({"服务", "保障"})
#: the service fields that make them nouns (data/lexicon/service_fields.tsv)
_SERVICE_FIELDS = frozenset(cols[0] for _no, cols in tsv_rows(LEXICON_DIR / "service_fields.tsv", 1))
#: a capital-letter acronym written into a name before an ideograph (LNG动力, ETC服务)
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?=[\u4e00-\u9fff])")


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def is_masked(text: str) -> bool:
    """True when ``text`` contains a mask (X, XX, x, *)."""
    return bool(_MASK_RE.search(text))


@dataclass(slots=True)
class Candidate:
    """A span a rule proposes as an entity mention.

    ``name`` is the canonical proposal before lexicon aliases are applied;
    ``bare_head`` marks a bare generic head (专项整治) that may only stand for
    a full campaign of the same document.
    """

    label: str
    start: int
    end: int
    name: str
    rule: str
    tier: int = 0  # higher wins ties between equally long spans
    bare_head: str = ""
    info: dict = field(default_factory=dict)  # rule-specific detail (agency parts ...)

    @property
    def length(self) -> int:
        return self.end - self.start


class PhraseScanner:
    """Boundary and vocabulary questions about one document's text.

    Parameters
    ----------
    text : str
        The normalised document text (``SourceDocument.norm``).
    lexicon : Lexicon
    """

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lx = lexicon
        self.blocked_ends: set[int] = set()  # ends of names already found (agencies ...)
        self.title_spans: list[tuple[int, int]] = []  # inner spans of 《》 titles
        self.quote_spans: SpanSet = SpanSet(())  # inner spans of quotation marks (set by the caller)
        self.doc_places: set[str] | None = None  # short forms of places named in full (heads.doc_short_places)
        self._matches: dict[str, TextMatches] = {}
        self._titles: tuple[int, SpanSet] | None = None  # title_spans indexed for in_title
        self._acronym_chars = {i for m in _ACRONYM.finditer(text) for i in range(m.start(), m.end())}

    def matches(self, kind: str) -> TextMatches:
        """Every occurrence in the text of the words of one vocabulary (``Lexicon.trie(kind)``), made once."""
        got = self._matches.get(kind)
        if got is None:
            got = self._matches[kind] = self.lx.trie(kind).matches(self.text)
        return got

    # ------------------------------------------------------------ characters
    def is_name_char(self, i: int) -> bool:
        """A character that may be part of an unquoted name (ideograph, mask, or a capital acronym before an ideograph)."""
        ch = self.text[i]
        return is_cjk(ch) or ch in MASK_CHARS or i in self._acronym_chars

    def in_title(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a 《》 title."""
        if self._titles is None or self._titles[0] != len(self.title_spans):
            self._titles = (len(self.title_spans), SpanSet(self.title_spans))
        return self._titles[1].covers(start, end)

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside quotation marks."""
        return self.quote_spans.covers(start, end)

    # ----------------------------------------------------------- vocabulary
    def stopword_ending_at(self, pos: int, lo: int = 0) -> tuple[int, str, str] | None:
        """The longest stop word ending at ``pos`` that no content word swallows.

        A content word (stem, field word, known name, protected word) that
        covers the stop word and is longer wins: ``党的`` is not stopped by
        ``的``, ``文化和旅游`` not by ``和``, ``供给侧`` not by ``给``, the place
        name ``从江`` not by ``从``.
        """
        if (unit := self._unit_after_digits(pos)) is not None:
            return unit
        if pos > lo + 1 and self.text[pos - 1] in _TIME_AFTER and (time := self._time_word_ending_at(pos - 1, lo)):
            return time[0], time[1] + self.text[pos - 1], time[2]  # 年底前|路基工程: 前 closes the time word
        return self._stop_ending_at(pos, lo)

    def _time_word_ending_at(self, pos: int, lo: int) -> tuple[int, str, str] | None:
        stop = self._stop_ending_at(pos, lo)
        return stop if stop is not None and self.lx.stopwords.get(stop[1]) == "time" else None

    def _stop_ending_at(self, pos: int, lo: int) -> tuple[int, str, str] | None:
        for stop in self.lx.trie("stopwords").ending_at(self.text, pos, lo):
            if self.lx.stopwords.get(stop[1]) == "measure" and not self._after_number(stop[0]):
                continue  # 场 stops 3场 but not 机场
            if self._covered(stop[0], pos):
                return None
            return stop
        return None

    def _unit_after_digits(self, pos: int) -> tuple[int, str, str] | None:
        """A unit of quantity ending at ``pos`` right after Arabic digits (5.5公里安防工程, 2座危桥):
        the measure word goes with its number, never with the name after it.

        Time units are left out (2024年春运, 岳阳市2024年春运工作方案 name the year), and so are
        road codes (G207段).
        """
        text, units = self.text, _UNITS.units
        for k in range(min(_UNITS.max_len, pos), 0, -1):
            word = text[pos - k:pos]
            unit = units.get(word)
            if unit is None or unit.category in _NOT_NAME_STOPS:
                continue
            i = pos - k
            if i > 0 and text[i - 1] in _MULTIPLIERS:
                i -= 1  # 2420万元
            if i > 0 and text[i - 1].isdigit() and text[i - 1].isascii():
                j = i - 1
                while j > 0 and (text[j - 1].isdigit() or text[j - 1] == "."):
                    j -= 1
                if j > 0 and text[j - 1].isascii() and text[j - 1].isalpha():
                    return None  # G207: a road code
                return (pos - k, word, "measure")
            return None
        return None

    def _after_number(self, i: int) -> bool:
        return i > 0 and (self.text[i - 1] in _NUMERAL or self.text[i - 1] in "多余每几")

    def _covered(self, start: int, end: int) -> bool:
        """True when a content word longer than ``[start, end)`` covers it."""
        text = self.text
        part = text[start:end]
        for kind in ("domain", "stems", "known", "words", "places"):
            for offset, word in self.lx.trie(kind).containing(part):
                if start >= offset and text.startswith(word, start - offset):
                    return True
        return False

    def stopword_starting_at(self, i: int, kinds: frozenset[str]) -> str | None:
        """A stop word of one of ``kinds`` that starts at ``i`` (for scans to the right)."""
        stops = self.lx.stopwords
        for e in range(i + 1, min(len(self.text), i + self.lx.trie("stopwords").max_len) + 1):
            word = self.text[i:e]
            if word in stops and stops[word] in kinds and not self._covered(i, e):
                return word
        return None

    def det_before(self, pos: int) -> str | None:
        """A determiner or quantifier word ending at ``pos`` (各级, 全市, X家 ...)."""
        hit = self.lx.trie("stopwords").longest_ending_at(self.text, pos)
        if hit is not None and self.lx.stopwords.get(hit[1]) in ("det", "measure"):
            return hit[1]
        return None

    def is_generic(self, modifier: str, numerals: bool = True) -> bool:
        """True when ``modifier`` is made only of generic words, stop words and numerals.

        Such a modifier plus a head is a common noun phrase (走访慰问活动,
        问题清单, 三年行动), not a name. With ``numerals=False`` numbers count
        as name words (inside quotes: “百千万工程”).
        """
        s = modifier.strip()
        if not s:
            return True
        pos = len(s)
        generic, stops = self.lx.trie("generic"), self.lx.trie("stopwords")
        while pos > 0:
            ch = s[pos - 1]
            if numerals and (ch in _NUMERAL or (ch in _COUNT and pos >= 2 and s[pos - 2] in _NUMERAL)):
                pos -= 1
                continue
            hit = generic.longest_ending_at(s, pos) or stops.longest_ending_at(s, pos)
            if hit is None:
                return False
            pos = hit[0]
        return True

    def is_numbered(self, modifier: str) -> bool:
        """True for a count-named modifier such as ``六项``, ``X项工作``, ``五条``."""
        return bool(re.match(r"^[0-9一二三四五六七八九十两Xx*]+[项条个]", modifier))

    # -------------------------------------------------------- left extension
    def extend_left(self, end: int, limit: int = 30, allow_conj: bool = True,
                    head_tries: tuple[str, ...] = ("campaign_heads", "regulation_heads", "agency_heads")) -> int:
        """Where a free-text name ending at ``end`` starts.

        Walks left over ideographs and masks and stops at punctuation, digits,
        a stop word, the end of a name found before, or after ``limit``
        characters. ``和/及/与`` are crossed when the conjunct on their left is
        short and is not itself a name (does not end with a head); ``、`` only
        inside ``A、B及C`` chains.
        """
        text = self.text
        pos = end
        lo = max(0, end - limit)
        crossed_conj = False
        while pos > lo:
            if pos in self.blocked_ends and pos != end:
                break
            ch = text[pos - 1]
            if ch in CONJ and (stop := self.stopword_ending_at(pos)) is not None and len(stop[1]) > 1:
                break  # 参与, 给与: a verb that ends with a conjunction's character
            if ch in CONJ or ch == ENUM:
                if not allow_conj or (ch == ENUM and not crossed_conj):
                    break
                if text[pos - 2:pos] == "以及":
                    break
                left = self.extend_left(pos - 1, limit=12, allow_conj=False, head_tries=head_tries)
                conj = text[left:pos - 1]
                if not conj or left <= lo or self._ends_with_head(pos - 1, head_tries) or self.is_generic(conj):
                    break
                crossed_conj = True
                pos = left
                continue
            if not self.is_name_char(pos - 1):
                if text[pos - 1].isdigit() and pos < end and text[pos] in _COUNT:
                    pos += 1  # 2025年|作风建设专项整治: the counter belongs to the number
                break
            if (stop := self.stopword_ending_at(pos, lo)) is not None:
                if pos < end and self._noun_use(stop, lo):
                    pos = stop[0]  # 海岛客运服务|品质提升三年行动: 服务 is a noun after a modifier
                    continue
                if self._opens_word_after_verb(stop, pos, end):
                    pos -= 1  # 落实|行政执法: the verb 实行 straddles 落实 and the name's first word
                break
            pos -= 1
        return pos

    def _noun_use(self, stop: tuple[int, str, str], lo: int) -> bool:
        """True when a verb of :data:`_NOUN_VERBS` ending inside a name is used as a noun.

        It is so when a service field (:data:`_SERVICE_FIELDS`) that no stop
        word ends at stands right before it (客运服务, 暖心服务); after a verb or
        adverb (强化服务, 持续服务, 精准服务) it stays a stop.
        """
        at = stop[0]
        if stop[1] not in _NOUN_VERBS or at <= lo or not self.is_name_char(at - 1):
            return False
        if not any(self.text.startswith(w, at - len(w)) for w in _SERVICE_FIELDS if len(w) <= at - lo):
            return False
        if self.text[at - 1] in CONJ or self.text[at - 1] == ENUM:
            return False
        return self.stopword_ending_at(at, lo) is None

    def _opens_word_after_verb(self, stop: tuple[int, str, str], pos: int, end: int) -> bool:
        """True when the last character of a stop word ending at ``pos`` opens a content word of the name.

        That is read so only when another stop word ends right before that
        character and overlaps the first (落实行政: 落实|行政, not 落|实行|政).
        """
        if len(stop[1]) < 2 or pos >= end:
            return False
        before = self.stopword_ending_at(pos - 1)
        if before is None or before[0] >= stop[0] or len(before[1]) < 2:
            return False
        return any(hit[0] == pos - 1
                   for kind in ("domain", "stems")
                   for e in range(pos + 1, min(end, pos + 5) + 1)
                   if (hit := self.lx.trie(kind).longest_ending_at(self.text, e, pos - 1)) is not None)

    def _ends_with_head(self, pos: int, tries: tuple[str, ...]) -> bool:
        return any(self.matches(t).ending_at(pos) for t in tries)

    def domain_prefix(self, start: int) -> int:
        """Extend ``start`` left over field words ending in an anchor (交通运输领域, 党建)."""
        hit = self.lx.trie("domain").longest_ending_at(self.text, start)
        if hit is None or self.lx.domain.get(hit[1]) != "anchor":
            return start
        return self.field_run_start(hit[0])

    def field_run_start(self, end: int, lo: int = 0) -> int:
        """Where the field words right before ``end`` start (交通运输, 执法队伍), not before ``lo``; ``end`` if none."""
        trie, pos = self.lx.trie("domain"), end
        while pos > lo and (hit := trie.longest_ending_at(self.text, pos, lo)) is not None:
            pos = hit[0]
        return pos

    @staticmethod
    def last_conjunct(modifier: str) -> str:
        """The part of a modifier after its last 和/及/与/、 (the one the head attaches to)."""
        cut = max(modifier.rfind(c) for c in "和及与、")
        return modifier[cut + 1:] if cut >= 0 else modifier
