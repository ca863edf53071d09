"""When a metric holds and what a change is measured against: period, year, direction, base.

- ``period``: the last period expression of the metric's sentence before it
  (上半年, 全年, 1-6月, 截至6月底, 今年以来, 一季度), else the document's
  (``DocumentMeta.period``);
- ``year``: the last year the sentence names before the metric (2022年, 二〇二二年,
  到2025年 for a target), not one that is a change's base (比2021年, 2019年同期)
  or the start of a span (2021年以来); else a relative year (去年 = the document's
  year - 1, 今年, 明年), not one that is a base (较去年, 去年同期); else the year
  of the section heading above it; else the document's year: the year its title
  names, else the year its text names most often (the latest on a tie), else
  the year of its date;
- ``direction`` of a change: the change word nearest before the number, up
  (增长, 增加, 提高, 上升 …) or down (下降, 减少, 降低 …), from the ``up`` and
  ``down`` cue words of ``data/lexicon/metric_cues.tsv``;
- ``base`` of a change: what its clause compares with before the number:
  同比 = 去年同期, 环比 = 上期, 比/较/与 + 去年同期, 上年, 2021年 …

Every look-up is a bisection into matches found once per document.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.spans import PatternIndex, SectionIndex
from kg.model import StructuredDocument

PERIOD_RE = re.compile(
    r"上半年|下半年|全年|前[两三]季度|第?[一二三四1-4]季度|"
    r"\d{1,2}\s*[-—–~～至]\s*\d{1,2}月(?:份)?|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,3}月|"
    r"截至(?:\d{4}年)?\d{1,2}月(?:底|末)?|\d{1,2}月份|今年以来|年初以来"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "o": 0}
#: a year: 2022年, 二〇二二年 (group 1 or 2), with what makes it no year of the metric: a base
#: before it (比/较/与/同) or after it (同期), or 以来 (the start of a span)
#: (this and RELATIVE_RE open with a look-ahead for the characters a match starts with: it lets re skip the
#: other offsets, which it does not past a leading optional group; keep it in step with the alternatives)
YEAR_RE = re.compile(r"(?=[比较与同对2〇○零Oo一二三四五六七八九])(?P<cmp>(?:比|较|与|同|对比)\s*)?(?:(20\d\d)|([〇○零Oo一二三四五六七八九]{4}))年"
                     r"(?P<after>同期|以来)?")
#: a year named relative to the document's: 去年 (-1), 今年 (0), 明年 (+1)
RELATIVE_RE = re.compile(r"(?=[比较与同对去上前今本当明])(?P<cmp>(?:比|较|与|同|对比)\s*)?(?P<word>去年|上年|上一年|前年|今年|本年|当年|明年)"
                         r"(?P<after>同期)?")
_RELATIVE = {"去年": -1, "上年": -1, "上一年": -1, "前年": -2, "今年": 0, "本年": 0, "当年": 0, "明年": 1}
#: what a change is measured against, before its number in the clause
BASE_RE = re.compile(r"同比|环比|(?:比|较|与|同|对比)\s*(去年同期|上年同期|上一年|去年|上年|同期|上月|上季度|上半年|"
                     r"(?:20\d\d|[〇○零一二三四五六七八九]{4})年(?:同期|底|末)?)")


def _year_value(m: re.Match[str]) -> int:
    if m.group(2):
        return int(m.group(2))
    return int("".join(str(_CN_DIGITS[c]) for c in m.group(3)))


def document_year(sdoc: StructuredDocument) -> int | None:
    """The year a document reports on: the one its title names, else the one its text names most
    often (the latest of a tie), else the year of its date."""
    title = [_year_value(m) for m in YEAR_RE.finditer(sdoc.meta.title or "") if 1949 <= _year_value(m) <= 2099]
    if title:
        return title[0]
    counts = Counter(y for m in YEAR_RE.finditer(sdoc.source.norm)
                     if not m.group("cmp") and not m.group("after") and 1949 <= (y := _year_value(m)) <= 2099)
    if counts:
        return max(counts, key=lambda y: (counts[y], y))
    date = sdoc.meta.date or ""
    return int(date[:4]) if date[:4].isdigit() else None


class MetricTime:
    """Period, year, direction and base of the metrics of one document.

    Parameters
    ----------
    sdoc : StructuredDocument
    norm : str
        Its width-folded text.
    up, down : tuple of str
        Change words of each direction (longest first).
    """

    def __init__(self, sdoc: StructuredDocument, norm: str, up: tuple[str, ...], down: tuple[str, ...]) -> None:
        self.norm = norm
        self._sentence: tuple[int, int, dict[re.Pattern[str], PatternIndex]] = (-1, -1, {})
        self.doc_year = document_year(sdoc)
        self.doc_period = sdoc.meta.period
        self.sections = SectionIndex(sdoc)
        self.parent = {s.id: s for s in sdoc.sections}
        self._words = sorted(((w, "up") for w in up), key=lambda x: -len(x[0])) + \
            sorted(((w, "down") for w in down), key=lambda x: -len(x[0]))
        self._heading_year: dict[str, int | None] = {}

    def _within(self, pattern: re.Pattern[str], s0: int, s1: int, pos: int) -> list[re.Match[str]]:
        """``pattern.finditer(norm, s0, pos)``, from one scan of the sentence ``[s0, s1)`` per pattern
        (only sentences with metrics are scanned)."""
        if pos > s1:
            return list(pattern.finditer(self.norm, s0, pos))
        if self._sentence[:2] != (s0, s1):
            self._sentence = (s0, s1, {})
        found = self._sentence[2].get(pattern)
        if found is None:
            found = self._sentence[2][pattern] = PatternIndex(pattern, self.norm, s0, s1)
        return found.within(s0, pos)

    def period(self, pos: int, s0: int, s1: int) -> str | None:
        """The last period expression of the sentence ``[s0, s1)`` before ``pos``, else the document's."""
        found = self._within(PERIOD_RE, s0, s1, pos)
        return found[-1].group() if found else self.doc_period

    def year(self, pos: int, s0: int, s1: int) -> int | None:
        """The year of a metric at ``pos`` of the sentence ``[s0, s1)`` (see the module docstring)."""
        for m in reversed(self._within(YEAR_RE, s0, s1, pos)):
            if not m.group("cmp") and not m.group("after"):
                return _year_value(m)
        for m in reversed(self._within(RELATIVE_RE, s0, s1, pos)):
            if not m.group("cmp") and not m.group("after") and self.doc_year is not None:
                return self.doc_year + _RELATIVE[m.group("word")]
        return self._section_year(pos) or self.doc_year

    def _section_year(self, pos: int) -> int | None:
        sec = self.sections.at(pos)
        while sec is not None:
            if sec.id not in self._heading_year:
                title = self.norm[sec.title_start:sec.title_end]
                got = [_year_value(m) for m in YEAR_RE.finditer(title) if not m.group("cmp") and not m.group("after")]
                self._heading_year[sec.id] = got[0] if got else None
            if self._heading_year[sec.id] is not None:
                return self._heading_year[sec.id]
            sec = self.parent.get(sec.parent) if sec.parent else None
        return None

    def direction(self, pre: str) -> str | None:
        """up or down: the change word nearest the end of ``pre`` (the words before the number)."""
        best, where = None, -1
        for word, way in self._words:
            at = pre.rfind(word)
            if at >= 0 and at + len(word) > where:
                best, where = way, at + len(word)
        return best

    @staticmethod
    def base(pre: str) -> str | None:
        """What the words before a change's number compare it with (同比 = 去年同期), or None."""
        found = list(BASE_RE.finditer(pre))
        if not found:
            return None
        m = found[-1]
        if m.group() == "同比":
            return "去年同期"
        if m.group() == "环比":
            return "上期"
        return m.group(1)


__all__ = ["BASE_RE", "PERIOD_RE", "MetricTime", "document_year"]
