"""Metric extraction: numbers with their unit (the METRIC type of the annotation guideline).

A metric is a number written in Arabic digits, or a mask (``X``, ``XX``,
``x``, ``*``) standing for one, followed by an optional approximation word
(余/多), an optional multiplier (万/亿/千万...) and a unit from
``data/lexicon/units.tsv`` or a percent sign: ``24.228万人次``, ``X余篇``,
``X元/人次``, ``XX％``, ``100多人``. The number grammar is applied to the
width-folded text (``SourceDocument.norm``); ``text`` is copied from the
original text at the same offsets.

Not metrics: years, dates and times (the unit table has no 年/月/日 except as a
denominator), ordinals (第38届), numbers inside names (12328热线, 5G,
“十四五”, 《...》 titles, 5+X), numbers in Chinese characters (近千人).

Each metric gets a ``kind``: ``target`` (计划投资X万元, 力争, 确保, 不少于X份,
到2025年, a goal list 主要预期目标是：…, the future tense 中心将…, anything in
a plan section or a plan document unless the sentence reports the past; a
planned change is a target), ``change`` (同比增加75宗, 下降7%) or ``level``;
an ``indicator`` copied from its clause without list markers, plan verbs or
bounds (一是力争完成投资X亿元 -> 完成投资); and a ``period`` (上半年, 全年,
1-6月 ...) when the sentence states one. Cue words live in
``data/lexicon/metric_cues.tsv``.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.spans import PatternIndex, SpanSet
from kg.model import MetricMention, StructuredDocument
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
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_UP_TO_LAST_CLAUSE_SEP = re.compile(f".*[{re.escape(CLAUSE_SEPS)}]", re.DOTALL)
_UP_TO_LAST_PHRASE_SEP = re.compile(f".*[{re.escape(PHRASE_SEPS)}]", re.DOTALL)
#: where the words after a metric that may name its indicator end: a phrase separator, or a
#: number or comparison word (the two kinds are told apart by the first alternative)
_POST_END = re.compile(f"([{re.escape(PHRASE_SEPS)}、])|[0-9Xx*]|同比|环比|比|较")
_SENTENCE_MARK = re.compile("[。；;\n]")
_NUMBER_START = re.compile(r"[0-9Xx*]")
_NUMBER_CHARS = re.compile(r"[0-9Xx*]+")
RANGE_JOINERS = "-~～—–至到"
PERIOD_RE = re.compile(
    r"上半年|下半年|全年|前[两三]季度|第?[一二三四1-4]季度|"
    r"\d{1,2}\s*[-—–~～至]\s*\d{1,2}月(?:份)?|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,3}月|"
    r"截至(?:\d{4}年)?\d{1,2}月(?:底|末)?|\d{1,2}月份|今年以来|年初以来"
)
_EXCEEDS = re.compile(r"超(?:出|过)?[^，,；;]*(?:目标|计划)(?:任务)?$")
_TIME_OF_DAY = ("上午", "下午", "晚上", "凌晨", "早上", "中午", "晚")
#: a list marker at the start of an indicator: 一是, （二）, 3.
_LIST_MARK = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[,、]?|[(（][一二三四五六七八九十\d]{1,2}[)）]"
                        r"|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．](?!\d)|[①-⑳])\s*")
#: bounds between an indicator and its number: 不少于X份, 稳定在X%
_BOUNDS = ("不少于", "不低于", "不超过", "不高于", "突破", "稳定在", "保持在", "控制在", "保持")
#: a deadline in the future tense: 到2025年, 至2026年底 (截至2023年 reports the past)
_BY_YEAR = re.compile(r"(?<!截)(?:到|至)\s*20\d\d年(?:底|末)?(?!以来|同期)")
#: 将 or 要 of the future tense before a verb of planning or doing (中心将力争…, 要与…建立); 将 before a
#: number or a noun is the object marker (将XX项纳入)
_FUTURE = re.compile(r"(?<![主重需必只即])(?:将|要)(?=力争|确保|争取|进一步|继续|持续|重点|全面|加快|深入|着力|大力|积极|"
                     r"会同|配合|联合|与|同|紧盯|围绕|坚持|推进|推动|实施|开展|完成|建成|新建|抓好|做好|组织|启动)")
#: the end of a clause that introduces a list of goals: 主要预期目标是, 工作目标为
_TARGET_LEAD = re.compile(r"(?:目标|计划|指标)(?:任务)?(?:是|为)?\s*$")


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


def _tsv_rows(path: Path, min_cols: int) -> list[tuple[int, list[str]]]:
    """Data rows of a tab-separated lexicon; a bad line is reported and skipped."""
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
    for _lineno, cols in _tsv_rows(path, 3):
        table.add(Unit(cols[0], cols[1], cols[2], cols[3] if len(cols) > 3 else ""))
    return table


@lru_cache(maxsize=8)
def load_cues(path: Path = CUES_PATH) -> MetricCues:
    """Read the cue words (``role, word``), longest words first within a role."""
    words: dict[str, list[str]] = {}
    for _lineno, cols in _tsv_rows(path, 2):
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


def _ends_with(text: str, words: tuple[str, ...]) -> str | None:
    if not text.endswith(words):
        return None
    for w in words:
        if text.endswith(w):
            return w
    return None


def _strip_words(text: str, words: tuple[str, ...], *, left: bool = False) -> str:
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
        _, p = self._token_at(norm, text, s)
        token = norm[s:p]
        masked = any(c in MASK_CHARS for c in token)
        if protected[s]:
            return None
        prev = norm[s - 1] if s > 0 else ""
        if prev.isascii() and prev.isalpha():  # G75, ADAS..., V2X
            return None
        if prev in "第+/×这那此该" or (prev in "-~～—–" and s > 1 and (norm[s - 2].isdigit() or norm[s - 2] in MASK_CHARS)):
            return None
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


class _SentenceCues:
    """Where one sentence states the future, the past and a list of goals, found once for all its metrics."""

    def __init__(self, start: int, end: int, norm: str, past: tuple[str, ...], is_goal_lead) -> None:
        self.start = start
        m = _FUTURE.search(norm, start, end)
        self._future = m.start() if m else end
        hits = [norm.find(w, start, end) for w in past]
        self._past = min((h for h in hits if h >= 0), default=end)
        self._colons: list[int] = []  # colons of the sentence, and whether the clause before each lists goals
        self._goal: list[bool] = []
        at = norm.find(":", start, end)
        while at >= 0:
            self._colons.append(at)
            self._goal.append(is_goal_lead(norm[clause_start(norm, at, max(start, at - 40)):at]))
            at = norm.find(":", at + 1, end)

    def future_before(self, pos: int) -> bool:
        return self._future < pos

    def past_before(self, pos: int) -> bool:
        return self._past < pos

    def goal_list_before(self, pos: int) -> bool:
        """The last colon before ``pos`` follows a list of goals (主要预期目标是：…)."""
        i = bisect.bisect_left(self._colons, pos) - 1
        return i >= 0 and self._goal[i]


def _sentence_end(norm: str, pos: int) -> int:
    m = _SENTENCE_END.search(norm, pos)
    return m.end() if m else len(norm)


# ------------------------------------------------------------- plan sections
def _is_plan_title(title: str, cues: MetricCues) -> bool:
    return any(w in title for w in cues["plan_title"]) and not any(w in title for w in cues["plan_title_no"])


def plan_spans(sdoc: StructuredDocument, norm: str, cues: MetricCues) -> list[tuple[int, int]]:
    """Spans of the document that are plans (下一步计划, 重点工作 ...).

    Uses the top two heading levels of ``sdoc.sections``; without sections,
    paragraphs that start with 一、/（一）/1. are taken as headings.
    """
    if sdoc.meta.kind == "plan":
        return [(0, len(norm))]
    spans = []
    if sdoc.sections:
        for sec in sdoc.sections:
            if sec.level <= 2 and _is_plan_title(sec.title, cues):
                spans.append((sec.start, sec.end))
        return spans
    # fallback: level-1 headings 一、 among the paragraphs
    heads = [p for p in sdoc.paragraphs if re.match(r"\s*[一二三四五六七八九十]+、", norm[p.start:p.end])]
    for i, p in enumerate(heads):
        end = heads[i + 1].start if i + 1 < len(heads) else len(norm)
        if _is_plan_title(norm[p.start:min(p.end, p.start + 60)], cues):
            spans.append((p.start, end))
    return spans


# ----------------------------------------------------------------- extractor
class MetricExtractor:
    """Find the metrics of a structured document.

    Parameters
    ----------
    units : UnitTable, optional
        Defaults to ``data/lexicon/units.tsv``.
    cues : MetricCues, optional
        Defaults to ``data/lexicon/metric_cues.tsv``.
    """

    def __init__(self, units: UnitTable | None = None, cues: MetricCues | None = None) -> None:
        self.units = units if units is not None else load_units()
        self.cues = cues if cues is not None else load_cues()
        self.grammar = NumberGrammar(self.units, self.cues)
        # a deadline year, or any target word (overlapping occurrences: a look-ahead group)
        self._target_re = re.compile(_BY_YEAR.pattern + "|(?=(" + "|".join(map(re.escape, self.cues["target"])) + "))")
        self._change_long = tuple(w for w in self.cues["change"] if len(w) > 1)
        self._change_single = tuple(w for w in self.cues["change"] if len(w) == 1)

    def extract(self, sdoc: StructuredDocument, norm: str | None = None) -> list[MetricMention]:
        """Metrics of ``sdoc`` in text order.

        Parameters
        ----------
        sdoc : StructuredDocument
        norm : str, optional
            The width-folded text (``sdoc.source.norm`` by default).

        Returns
        -------
        list of MetricMention
        """
        norm = sdoc.source.norm if norm is None else norm
        text = sdoc.source.text
        protected = protected_spans(norm)
        numbers = self.grammar.find(norm, text, protected)
        plans = SpanSet(plan_spans(sdoc, norm, self.cues))
        periods = PatternIndex(PERIOD_RE, norm)
        out: list[MetricMention] = []
        cues: _SentenceCues | None = None
        for i, num in enumerate(numbers):
            sent = sdoc.sentence_at(num.start)
            s0 = sent.start if sent else max(norm.rfind(ch, 0, num.start) for ch in "。！？!?\n") + 1
            if cues is None or cues.start != s0:
                s1 = sent.end if sent else _sentence_end(norm, num.end)
                cues = _SentenceCues(s0, s1, norm, self.cues["past"], self._is_goal_lead)
            prev = numbers[i - 1] if i > 0 and numbers[i - 1].start >= s0 else None
            kind = self._kind(norm, num, s0, prev, out[-1].kind if prev else None, plans, cues)
            indicator = self._indicator(norm, num, s0, prev, out[-1] if prev and out else None, kind)
            out.append(MetricMention(
                doc=sdoc.name, text=text[num.start:num.end], start=num.start, end=num.end,
                value=num.value, unit=num.unit, indicator=indicator, kind=kind, masked=num.masked,
                evidence=sdoc.evidence(num.start, num.end), period=self._period(periods, num.start, s0),
            ))
        return out

    # -- kind
    def _is_target_cue(self, clause: str, at: int, word: str) -> bool:
        if any(w in clause[:at] for w in self.cues["past"]):
            return False  # 累计为项目争取授信XX亿元: obtained, not planned
        before = clause[max(0, at - 6):at]
        after = clause[at + len(word):at + len(word) + 1]
        if any(w in before for w in self.cues["not_target"]) or (after and after in "、，,；;。和及"):
            return False  # 占年度投资计划78.22%; XX项量化目标、XX项重点任务
        for w in self.cues["not_target_word"]:
            k = clause.find(w, max(0, at - len(w) + 1))
            if k >= 0 and k <= at < k + len(w):
                return False
        return True

    def _target_in(self, clause: str) -> bool:
        # every occurrence of every cue word, longest first at a position (as the cue table is sorted)
        for m in self._target_re.finditer(clause):
            word = m.group(1)
            if word is None or self._is_target_cue(clause, m.start(), word):
                return True
        return False

    def _is_change(self, pre: str, prev_kind: str | None, between_prev: str | None) -> bool:
        core = _strip_words(pre, ("了", "约", "近", "达", "分别", "共", "均"))
        compare = any(w in pre for w in self.cues["compare"])
        if core and core[-1] in self.cues["change_to"] and len(core) > 1:
            stem = core[:-1]
            if _ends_with(stem, self._change_long) or _ends_with(stem, self._change_single):
                return False
        if _ends_with(core, self._change_long):
            return True
        if compare and (_ends_with(core, self._change_single) or core.endswith(("多", "少"))):
            return True
        if _EXCEEDS.search(core):
            return True
        return prev_kind == "change" and between_prev is not None and between_prev.strip() in ("、", "和", "及", "与")

    def _kind(self, norm: str, num: NumberMatch, s0: int, prev: NumberMatch | None, prev_kind: str | None,
              plans: SpanSet, cues: "_SentenceCues") -> str:
        """level, change or target (``prev`` = the previous metric of the sentence, if any).

        A target is stated by a cue in the metric's clause (力争, 确保, 不少于,
        到2025年), by a cue before a colon that opens a list (主要预期目标是：),
        by the future tense earlier in the sentence (中心将力争…), by a run of
        target clauses, or by a plan section or plan document (unless the
        sentence reports the past before the metric). A planned change
        (力争增长5%) is a target.
        """
        c0 = clause_start(norm, num.start, s0)
        pre = norm[c0:num.start]
        # a metric right after another in the same clause: only the words in between count
        local = norm[prev.end:num.start] if prev is not None and prev.end > c0 else pre
        if self._target_in(pre) or cues.goal_list_before(c0):
            return "target"
        past = cues.past_before(num.start)
        if cues.future_before(num.start) and not past:
            return "target"
        # a run of target clauses in the sentence: 计划投资X万元，重点项目X个，...
        if prev_kind == "target" and not any(w in pre for w in self.cues["level"]):
            # the previous metric is in this clause or in the clause right before it
            if prev.end > c0 or not any(ch in CLAUSE_SEPS for ch in norm[prev.end:c0 - 1]):
                return "target"
        if not past and plans.covers(num.start, num.start + 1):
            return "target"
        between = norm[prev.end:num.start] if prev is not None and prev.end > c0 else None
        if self._is_change(local, prev_kind, between):
            return "change"
        return "level"

    def _is_goal_lead(self, lead: str) -> bool:
        """A clause ending in a target cue before a colon: 主要预期目标是."""
        return _TARGET_LEAD.search(lead) is not None and self._target_in(lead)

    # -- indicator
    def _indicator(self, norm: str, num: NumberMatch, s0: int, prev: NumberMatch | None,
                   prev_metric: MetricMention | None, kind: str) -> str:
        last_sep = _UP_TO_LAST_PHRASE_SEP.match(norm, s0, num.start)
        start = last_sep.end() if last_sep else s0
        if prev is not None and prev.end > start:  # enumeration: 类X起、投诉举报类X起; X家企业、20多个乡镇
            between = norm[prev.end:num.start]
            start = prev.end + between.rfind("、") + 1 if "、" in between else prev.end
            while start < num.start and norm[start] in "、和及与 ）)":
                start += 1
        pre = norm[start:num.start].strip()
        pre = _strip_words(pre, ("其中", "含", "包括", "共有", "共计", "共", "合计", "总计", "及", "和", "、", "是"),
                           left=True)
        pre = _LIST_MARK.sub("", pre, count=1)
        # the plan or the bound is the kind, not what is counted: 一是力争完成投资X亿元, 不少于X份
        pre = _strip_words(pre, self.cues["target"] + ("要", "将"), left=True)
        pre = _strip_words(pre, self.cues["filler"] + _BOUNDS)
        stop = _POST_END.search(norm, num.end)
        after = norm[num.end:stop.start()] if stop else norm[num.end:]
        # the words up to a number or a comparison keep their blanks; up to a separator they do not
        after = after.lstrip() if stop and stop.group(1) is None else after.strip()
        post = _strip_words(after, ("以上", "以下", "左右", "之多", "的"), left=True)
        for w in self.cues["change"]:
            k = post.find(w)
            while 0 <= k < len(post):
                after = post[k + len(w):k + len(w) + 1]
                if len(w) > 1 or (after and after in self.cues["change_to"]):
                    post = post[:k]
                    break
                k = post.find(w, k + 1)
        post = _strip_words(post, ("和", "及", "与", "、", "或"))
        rest = _strip_words(pre, self.cues["compare"] + ("分别", "了", "约"), left=True)
        rest = _strip_words(rest, self.cues["change_to"] + self.cues["change"] + ("分别", "了", "约"))
        if prev_metric is not None and ((pre and not rest) or not (pre or post)):
            # 同比增加75宗, 降至X元/人次, 分别下降X%和X%: what the previous metric counts
            pre = prev_metric.indicator + pre
        ind = pre + post if pre and post else (pre or post)
        if len(ind) > 40:
            ind = ind[-40:]
        return ind

    # -- period
    @staticmethod
    def _period(periods: PatternIndex, pos: int, s0: int) -> str | None:
        """The last period expression of the sentence before the metric (上半年, 1-6月 ...)."""
        found = periods.within(s0, pos)
        return found[-1].group() if found else None


# ----------------------------------------------------------------- component
class MetricsComponent:
    """spaCy component: ``doc._.kg_metrics`` = the metrics of ``doc._.kg_document``."""

    def __init__(self, units_path: str | None = None, cues_path: str | None = None) -> None:
        units = load_units(Path(units_path)) if units_path else load_units()
        cues = load_cues(Path(cues_path)) if cues_path else load_cues()
        self.extractor = MetricExtractor(units, cues)

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        existing = list(doc._.kg_metrics or [])
        if sdoc is not None:
            existing += self.extractor.extract(sdoc)
        doc._.kg_metrics = existing
        return doc


@Language.factory("kg_metrics", default_config={"units_path": None, "cues_path": None})
def make_kg_metrics(nlp: Language, name: str, units_path: str | None, cues_path: str | None) -> MetricsComponent:
    """Factory of the ``kg_metrics`` component."""
    return MetricsComponent(units_path, cues_path)


__all__ = [
    "MetricCues", "MetricExtractor", "MetricsComponent", "NumberGrammar", "NumberMatch", "Unit",
    "UnitTable", "clause_spans", "load_cues", "load_units", "plan_spans", "protected_spans",
]
