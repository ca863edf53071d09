"""Numbers with their unit, and the tables the metric rules read (units, cue words).

A metric is a number written in Arabic digits, or a mask (``X``, ``XX``,
``x``, ``*``) standing for one, followed by an optional approximation word
(余/多), an optional multiplier (万/亿/千万...) and a unit from
``data/lexicon/units.tsv`` or a percent sign: ``24.228万人次``, ``X余篇``,
``X元/人次``, ``XX％``, ``100多人``. :class:`NumberGrammar` applies that
grammar to the width-folded text (``SourceDocument.norm``); the clause helpers
here are shared by the metric, period and MEASURES rules.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from kg.resources import LEXICON_DIR

log = logging.getLogger(__name__)

UNITS_PATH: Path = LEXICON_DIR / "units.tsv"
CUES_PATH: Path = LEXICON_DIR / "metric_cues.tsv"

#: multipliers written between the number and the unit, longest first
MULTIPLIERS: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6,
    "十万": 1e5, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2,
}
_MULTIPLIER_STARTS = frozenset(w[0] for w in MULTIPLIERS)
APPROX = "余多"
MASK_CHARS = "Xx*"
#: characters ending a clause (the width-folded forms of ，；：。！？ included)
CLAUSE_SEPS = "，,；;：:。！？!?\n"
#: characters that also end an indicator phrase
PHRASE_SEPS = CLAUSE_SEPS + "（()）"
_CLAUSE_SEP = re.compile(f"[{re.escape(CLAUSE_SEPS)}]")
_UP_TO_LAST_CLAUSE_SEP = re.compile(f".*[{re.escape(CLAUSE_SEPS)}]", re.DOTALL)
_SENTENCE_MARK = re.compile("[。；;\n]")
_NUMBER_START = re.compile(r"[0-9Xx*]")
_NUMBER_CHARS = re.compile(r"[0-9Xx*]+")
RANGE_JOINERS = "-~～—–至到"
_TIME_OF_DAY = ("上午", "下午", "晚上", "凌晨", "早上", "中午", "晚")


# --------------------------------------------------------------------- lexicons
@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the units table."""

    text: str  # as written after the number
    canonical: str  # stored on the metric
    category: str  # count, money, ratio, time ... ; ``per`` = only as a denominator
    blocked_next: str = ""  # characters after the unit that make it another word


@dataclass(slots=True)
class UnitTable:
    """Units by surface form, with longest-match lookup."""

    units: dict[str, Unit] = field(default_factory=dict)
    max_len: int = 0

    def add(self, unit: Unit) -> None:
        self.units[unit.text] = unit
        self.max_len = max(self.max_len, len(unit.text))

    def match(self, text: str, pos: int, *, denominator: bool = False) -> Unit | None:
        """The longest unit written at ``text[pos:]``.

        Parameters
        ----------
        text : str
            Width-folded text.
        pos : int
            Where the unit would start.
        denominator : bool
            Also accept ``per`` units (年, 月, 日) that only count after a slash.

        Returns
        -------
        Unit or None
        """
        for n in range(min(self.max_len, len(text) - pos), 0, -1):
            unit = self.units.get(text[pos:pos + n])
            if unit is not None and (denominator or unit.category != "per"):
                return unit
        return None


@dataclass(slots=True)
class MetricCues:
    """Cue words by role (see ``data/lexicon/metric_cues.tsv``)."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, role: str) -> tuple[str, ...]:
        return self.words.get(role, ())


def tsv_rows(path: Path, min_cols: int) -> list[tuple[int, list[str]]]:
    """Data rows of a tab-separated lexicon of ``data/lexicon`` (the shared reader of the extraction lexicons).

    Blank lines and lines starting with ``#`` are skipped; a line with fewer than ``min_cols`` non-empty leading
    columns, or a file that cannot be read, is reported in the log and skipped.

    Parameters
    ----------
    path : Path
        A UTF-8 tab-separated file.
    min_cols : int
        The columns every data row must fill.

    Returns
    -------
    list of (int, list of str)
        Each data row's line number and its columns, stripped.
    """
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s: cannot read lexicon: %s", path, exc)
        return rows
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols or not all(c.strip() for c in cols[:min_cols]):
            log.warning("%s:%d: expected %d tab-separated columns, skipped: %r", path, lineno, min_cols, line)
            continue
        rows.append((lineno, [c.strip() for c in cols]))
    return rows


@lru_cache(maxsize=8)
def load_units(path: Path = UNITS_PATH) -> UnitTable:
    """Read the units table (``unit, canonical, category[, blocked_next]``).

    Parameters
    ----------
    path : Path
        A tab-separated file; ``#`` starts a comment line.

    Returns
    -------
    UnitTable
    """
    table = UnitTable()
    for _lineno, cols in tsv_rows(path, 3):
        table.add(Unit(cols[0], cols[1], cols[2], cols[3] if len(cols) > 3 else ""))
    return table


@lru_cache(maxsize=8)
def load_cues(path: Path = CUES_PATH) -> MetricCues:
    """Read the cue words (``role, word``), longest words first within a role."""
    words: dict[str, list[str]] = {}
    for _lineno, cols in tsv_rows(path, 2):
        words.setdefault(cols[0], []).append(cols[1])
    return MetricCues({r: tuple(sorted(ws, key=len, reverse=True)) for r, ws in words.items()})


# ---------------------------------------------------------------- text helpers
def protected_spans(text: str, max_quote: int = 12) -> bytearray:
    """Mark characters inside 《...》 titles and short quotes (names, slogans) with 1.

    A number there is part of a name (“十四五”, “5+X”, 《...2021年...》).
    """
    mark = bytearray(len(text))
    for open_, close, limit in (("《", "》", 80), ("“", "”", max_quote), ("「", "」", max_quote),
                                ("〈", "〉", 80)):
        start = text.find(open_)
        while start >= 0:
            end = text.find(close, start + 1)
            if end < 0:
                break
            if end - start - 1 <= limit and not _SENTENCE_MARK.search(text, start + 1, end):
                mark[start:end + 1] = b"\x01" * (end + 1 - start)
            start = text.find(open_, end + 1)
    return mark


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Offset just after the last clause separator before ``pos`` (not before ``floor``)."""
    if pos <= floor:
        return pos
    last_sep = _UP_TO_LAST_CLAUSE_SEP.match(text, floor, pos)
    return last_sep.end() if last_sep else floor


def clause_spans(text: str, start: int, end: int, protected: list[bool] | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into clauses at ，；：。！？ (not inside titles or quotes)."""
    spans, s = [], start
    for m in _CLAUSE_SEP.finditer(text, start, end):
        i = m.start()
        if not (protected and protected[i]):
            if i > s:
                spans.append((s, i))
            s = i + 1
    if end > s:
        spans.append((s, end))
    return spans


def ends_with(text: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ``text`` ends with (the first listed), or None."""
    if not text.endswith(words):
        return None
    for w in words:
        if text.endswith(w):
            return w
    return None


def strip_words(text: str, words: tuple[str, ...], *, left: bool = False) -> str:
    """``text`` without any run of ``words`` at its end (at its start with ``left``)."""
    changed = True
    while changed and text:
        if not (text.startswith(words) if left else text.endswith(words)):
            break  # no word to strip: the loop below would change nothing
        changed = False
        for w in words:
            if left and text.startswith(w):
                text, changed = text[len(w):], True
            elif not left and text.endswith(w):
                text, changed = text[:-len(w)], True
    return text


# ------------------------------------------------------------------- grammar
@dataclass(slots=True)
class NumberMatch:
    """A number with its multiplier and unit, before kind and indicator are known."""

    start: int
    end: int
    value: float | None
    unit: str
    masked: bool
    category: str


def _scaled(token: str, factor: float) -> float | None:
    """The number written as ``token`` times ``factor`` (decimal arithmetic: 2.3亿 = 230000000.0)."""
    if any(c in MASK_CHARS for c in token):
        return None
    return float(Decimal(token.replace(",", "")) * Decimal(repr(factor)))


class NumberGrammar:
    """Find numbers with units in width-folded text.

    Parameters
    ----------
    units : UnitTable
        Units that may follow a number.
    cues : MetricCues
        Cue words; ``money`` words make a bare 万/亿 a sum in 元.
    """

    def __init__(self, units: UnitTable, cues: MetricCues) -> None:
        self.units = units
        self.cues = cues

    @staticmethod
    def _token_at(norm: str, text: str, s: int) -> tuple[int, int]:
        """The number starting at ``s`` (a digit or a mask): one decimal point, thousands commas only as ASCII ','."""
        pos = _NUMBER_CHARS.match(norm, s).end()
        seen_dot = False
        while norm[pos:pos + 1] in (".", ",") and (grp := _NUMBER_CHARS.match(norm, pos + 1)) is not None:
            if norm[pos] == ".":
                if seen_dot:
                    break
                seen_dot = True
            elif text[pos] != "," or seen_dot or not (grp.end() - pos == 4 and grp.group().isdigit()):
                break
            pos = grp.end()
        return s, pos

    def find(self, norm: str, text: str, protected: bytearray) -> list[NumberMatch]:
        """All numbers with a unit in ``norm`` (``text`` is the original, for commas).

        Parameters
        ----------
        norm : str
            Width-folded text.
        text : str
            The text as read (same length).
        protected : bytearray
            Characters inside titles and short quotes (see :func:`protected_spans`).

        Returns
        -------
        list of NumberMatch
        """
        found: list[NumberMatch] = []
        pos = 0
        while (m := _NUMBER_START.search(norm, pos)) is not None:
            got = self._match_at(norm, text, protected, m.start())
            if got is not None:
                found.append(got)
                pos = got.end
            else:  # resume after the well-formed part: 3，500 is 3 then 500
                pos = self._token_at(norm, text, m.start())[1]
        return found

    def _number_at(self, norm: str, text: str, pos: int) -> tuple[int, int] | None:
        return self._token_at(norm, text, pos) if _NUMBER_START.match(norm, pos) else None

    def _match_at(self, norm: str, text: str, protected: bytearray, s: int) -> NumberMatch | None:
        if protected[s]:
            return None
        prev = norm[s - 1] if s > 0 else ""
        if prev.isascii() and prev.isalpha():  # G75, ADAS..., V2X
            return None
        if prev in "第+/×这那此该" or (prev in "-~～—–" and s > 1 and (norm[s - 2].isdigit() or norm[s - 2] in MASK_CHARS)):
            return None
        _, p = self._token_at(norm, text, s)
        token = norm[s:p]
        masked = any(c in MASK_CHARS for c in token)
        # a range: 3-5个, 10%-15% (the value is the lower bound)
        range_end = None
        if p < len(norm) and norm[p] in RANGE_JOINERS:
            nxt = self._number_at(norm, text, p + 1)
            if nxt is not None:
                range_end = nxt
        pos = range_end[1] if range_end else p
        approx = ""
        if pos < len(norm) and norm[pos] in APPROX:
            approx, pos = norm[pos], pos + 1
        if approx == "" and norm.startswith(" ", pos) and self.units.match(norm, pos + 1) is not None:
            pos += 1
        mult = 1.0
        unit = self.units.match(norm, pos)
        if (unit is None or unit.text[0] not in "十百千万亿") and norm[pos:pos + 1] in _MULTIPLIER_STARTS:
            for word, factor in MULTIPLIERS.items():
                if norm.startswith(word, pos):
                    mult, pos = factor, pos + len(word)
                    if pos < len(norm) and norm[pos] in APPROX:
                        pos += 1
                    unit = self.units.match(norm, pos)
                    break
        if unit is None:
            if mult == 1.0 or not self._money_context(norm, s):
                return None
            return NumberMatch(s, pos, _scaled(token, mult), "元", masked, "money")
        end = pos + len(unit.text)
        canonical = unit.canonical
        # a percent range written 10%-15%
        if unit.category == "ratio" and range_end is None and end < len(norm) and norm[end] in RANGE_JOINERS:
            nxt = self._number_at(norm, text, end + 1)
            if nxt is not None and self.units.match(norm, nxt[1]) == unit:
                end = nxt[1] + len(unit.text)
        # compound unit: 元/人次, 公里/小时
        if end < len(norm) and norm[end] == "/":
            den = self.units.match(norm, end + 1, denominator=True)
            if den is not None:
                canonical = f"{canonical}/{den.canonical}"
                end = end + 1 + len(den.text)
        nxt_ch = norm[end] if end < len(norm) else ""
        if nxt_ch and (nxt_ch in unit.blocked_next or nxt_ch in "级型+"):
            return None
        if nxt_ch.isascii() and nxt_ch.isalnum() and unit.text.isascii():
            return None
        if unit.text == "起" and prev in "自从":  # 自X起施行
            return None
        if unit.text == "分" and (prev in "时点:" or nxt_ch.isdigit()):  # 8时30分, 8:30分: a time
            return None
        if unit.text == "点" and (nxt_ch.isdigit() or norm[max(0, s - 2):s].endswith(_TIME_OF_DAY)):
            return None
        return NumberMatch(s, end, _scaled(token, mult), canonical, masked, unit.category)

    def _money_context(self, norm: str, pos: int) -> bool:
        pre = norm[clause_start(norm, pos, max(0, pos - 40)):pos]
        return any(w in pre for w in self.cues["money"])


__all__ = [
    "CLAUSE_SEPS", "PHRASE_SEPS", "MetricCues", "NumberGrammar", "NumberMatch", "Unit", "UnitTable",
    "clause_spans", "clause_start", "ends_with", "load_cues", "load_units", "protected_spans", "strip_words",
]
