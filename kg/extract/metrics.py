"""Metric extraction: numbers with their unit (the METRIC type of the annotation guideline).

The number grammar (:mod:`kg.extract.numbers`) finds the numbers; ``text`` is
copied from the original text at the same offsets. Not metrics: years, dates
and times (the unit table has no 年/月/日 except as a denominator), ordinals
(第38届), numbers inside names (12328热线, 5G, “十四五”, 《...》 titles, 5+X),
numbers in Chinese characters (近千人).

Each metric gets a ``kind``: ``target`` (计划投资X万元, 力争, 确保, 不少于X份,
到2025年, a goal list 主要预期目标是：…, the future tense 中心将…, anything in
a plan section or a plan document unless the sentence reports the past; a
planned change is a target), ``change`` (同比增加75宗, 下降7%) or ``level``;
an ``indicator`` copied from its clause without list markers, plan verbs or
bounds (一是力争完成投资X亿元 -> 完成投资); and its time, direction and base
(:mod:`kg.extract.metric_time`): ``period`` and ``year`` as stated around it or
else the document's, a change's ``direction`` (up | down) and ``base``
(去年同期 …). Cue words live in ``data/lexicon/metric_cues.tsv``. Who reports
a metric is found later, once self-references are known
(:mod:`kg.extract.reporters`).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.metric_time import PERIOD_RE, MetricTime
from kg.extract.numbers import (
    CLAUSE_SEPS,
    PHRASE_SEPS,
    MetricCues,
    NumberGrammar,
    NumberMatch,
    Unit,
    UnitTable,
    clause_spans,
    clause_start,
    ends_with,
    load_cues,
    load_units,
    protected_spans,
    strip_words,
)
from kg.extract.spans import SpanSet
from kg.model import MetricMention, StructuredDocument
from kg.structure.headings import LIST_MARK

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_UP_TO_LAST_PHRASE_SEP = re.compile(f".*[{re.escape(PHRASE_SEPS)}]", re.DOTALL)
#: where the words after a metric that may name its indicator end: a phrase separator, or a
#: number or comparison word (the two kinds are told apart by the first alternative)
_POST_END = re.compile(f"([{re.escape(PHRASE_SEPS)}、])|[0-9Xx*]|同比|环比|比|较")
#: a short note in brackets that ends where it is searched up to (（PQI）, （含X）), and one anywhere
_NOTE_BEFORE = re.compile(r"[（(][^（()）\n，,；;。：:、]{1,12}[)）]$")
_NOTE = re.compile(r"(?<=[^\s（()）])[（(][^（()）\n，,；;。：:、]{1,12}[)）](?=\S)")
#: the base a comparison word names before a change: (较)上年, (比)去年同期, (与)2022年相比
_COMPARED_BASE = re.compile(r"^(?:上年|去年|上一年|前一年|20\d\d年|年初)(?:同期)?(?:相比)?(?:分别)?")
_EXCEEDS = re.compile(r"超(?:出|过)?[^，,；;]*(?:目标|计划)(?:任务)?$")
#: bounds between an indicator and its number: 不少于X份, 稳定在X%
_BOUNDS = ("不少于", "不低于", "不超过", "不高于", "突破", "稳定在", "保持在", "控制在", "保持")
#: a deadline in the future tense: 到2025年, 至2026年底 (截至2023年 reports the past)
_BY_YEAR = re.compile(r"(?<!截)(?:到|至)\s*20\d\d年(?:底|末)?(?!以来|同期)")
#: 将 or 要 of the future tense before a verb of planning or doing (中心将力争…, 要与…建立); 将 before a
#: number or a noun is the object marker (将XX项纳入); the class comes first so that a search skips to 将 and 要
_FUTURE = re.compile(r"[将要](?<![主重需必只即][将要])(?=力争|确保|争取|进一步|继续|持续|重点|全面|加快|深入|着力|大力|积极|"
                     r"会同|配合|联合|与|同|紧盯|围绕|坚持|推进|推动|实施|开展|完成|建成|新建|抓好|做好|组织|启动)")
#: the end of a clause that introduces a list of goals: 主要预期目标是, 工作目标为
_TARGET_LEAD = re.compile(r"(?:目标|计划|指标)(?:任务)?(?:是|为)?\s*$")


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
        # cheap first checks: no 到/至 and no target word, no target cue; no change word, nothing to cut
        self._target_any = re.compile("|".join(map(re.escape, ("到", "至", *self.cues["target"]))))
        self._change_any = re.compile("|".join(map(re.escape, self.cues["change"])) or "(?!)")
        self._change_long = tuple(w for w in self.cues["change"] if len(w) > 1)
        self._change_single = tuple(w for w in self.cues["change"] if len(w) == 1)
        # the words _indicator strips, joined once
        self._strip_target = self.cues["target"] + ("要", "将")
        self._strip_filler = self.cues["filler"] + _BOUNDS
        self._strip_compare = self.cues["compare"] + ("分别", "了", "约")
        self._strip_change = self.cues["change_to"] + self.cues["change"] + ("分别", "了", "约")

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
        when = MetricTime(sdoc, norm, self.cues["up"], self.cues["down"])
        out: list[MetricMention] = []
        cues: _SentenceCues | None = None
        s1 = -1
        for i, num in enumerate(numbers):
            sent = sdoc.sentence_at(num.start)
            s0 = sent.start if sent else max(norm.rfind(ch, 0, num.start) for ch in "。！？!?\n") + 1
            if cues is None or cues.start != s0:
                s1 = sent.end if sent else _sentence_end(norm, num.end)
                cues = _SentenceCues(s0, s1, norm, self.cues["past"], self._is_goal_lead)
            prev = numbers[i - 1] if i > 0 and numbers[i - 1].start >= s0 else None
            kind = self._kind(norm, num, s0, prev, out[-1].kind if prev else None, plans, cues)
            indicator = self._indicator(norm, num, s0, prev, out[-1] if prev and out else None, kind)
            direction, base = self._change_of(norm, num, s0, prev, out[-1] if prev else None, kind, when)
            out.append(MetricMention(
                doc=sdoc.name, text=text[num.start:num.end], start=num.start, end=num.end,
                value=num.value, unit=num.unit, indicator=indicator, kind=kind, masked=num.masked,
                evidence=sdoc.evidence(num.start, num.end), period=when.period(num.start, s0, s1),
                year=when.year(num.start, s0, s1), direction=direction, base=base,
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
        if self._target_any.search(clause) is None:
            return False
        # every occurrence of every cue word, longest first at a position (as the cue table is sorted)
        for m in self._target_re.finditer(clause):
            word = m.group(1)
            if word is None or self._is_target_cue(clause, m.start(), word):
                return True
        return False

    def _is_change(self, pre: str, prev_kind: str | None, between_prev: str | None) -> bool:
        core = strip_words(pre, ("了", "约", "近", "达", "分别", "共", "均"))
        compare = any(w in pre for w in self.cues["compare"])
        if core and core[-1] in self.cues["change_to"] and len(core) > 1:
            stem = core[:-1]
            if ends_with(stem, self._change_long) or ends_with(stem, self._change_single):
                return False
        if ends_with(core, self._change_long):
            return True
        if compare and (ends_with(core, self._change_single) or core.endswith(("多", "少"))):
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
    @staticmethod
    def _phrase_sep(norm: str, s0: int, end: int) -> re.Match | None:
        """The last phrase separator before ``end`` in the sentence from ``s0``, passing over a note in
        brackets inside the phrase (路面技术状况指数（PQI）达到X分)."""
        sep = _UP_TO_LAST_PHRASE_SEP.match(norm, s0, end)
        while sep and sep.end() < end:
            note = _NOTE_BEFORE.search(norm, max(s0, sep.end() - 16), sep.end())
            if note is None or note.start() <= s0 or norm[note.start() - 1] in PHRASE_SEPS:
                break
            sep = _UP_TO_LAST_PHRASE_SEP.match(norm, s0, note.start())
        return sep

    def _indicator(self, norm: str, num: NumberMatch, s0: int, prev: NumberMatch | None,
                   prev_metric: MetricMention | None, kind: str) -> str:
        last_sep = self._phrase_sep(norm, s0, num.start)
        start = last_sep.end() if last_sep else s0
        if prev is not None and prev.end > start:  # enumeration: 类X起、投诉举报类X起; X家企业、20多个乡镇
            between = norm[prev.end:num.start]
            start = prev.end + between.rfind("、") + 1 if "、" in between else prev.end
            while start < num.start and norm[start] in "、和及与 ）)":
                start += 1
        pre = _NOTE.sub("", norm[start:num.start]).strip()
        pre = strip_words(pre, ("其中", "含", "包括", "共有", "共计", "共", "合计", "总计", "及", "和", "、", "是"),
                           left=True)
        pre = LIST_MARK.sub("", pre, count=1)
        # the plan or the bound is the kind, not what is counted: 一是力争完成投资X亿元, 不少于X份
        pre = strip_words(pre, self._strip_target, left=True)
        pre = strip_words(pre, self._strip_filler)
        stop = _POST_END.search(norm, num.end)
        after = norm[num.end:stop.start()] if stop else norm[num.end:]
        # the words up to a number or a comparison keep their blanks; up to a separator they do not
        after = after.lstrip() if stop and stop.group(1) is None else after.strip()
        post = strip_words(after, ("以上", "以下", "左右", "之多", "的"), left=True)
        for w in self.cues["change"] if self._change_any.search(post) else ():
            k = post.find(w)
            while 0 <= k < len(post):
                after = post[k + len(w):k + len(w) + 1]
                if len(w) > 1 or (after and after in self.cues["change_to"]):
                    post = post[:k]
                    break
                k = post.find(w, k + 1)
        post = strip_words(post, ("和", "及", "与", "、", "或"))
        rest = strip_words(pre, self._strip_compare, left=True)
        if len(rest) < len(pre):  # the base compared with: 较上年, 比去年同期
            rest = _COMPARED_BASE.sub("", rest, count=1)
        rest = strip_words(rest, self._strip_change)
        moved = strip_words(pre, self.cues["change"], left=True)
        raised_to = moved != pre and moved.startswith(self.cues["change_to"])  # (由年初的X)提高到年底的Y
        if prev_metric is not None and ((pre and not rest) or not (pre or post) or raised_to):
            # 同比增加75宗, 降至X元/人次, 分别下降X%和X%: what the previous metric counts
            pre = prev_metric.indicator + pre
        ind = pre + post if pre and post else (pre or post)
        if len(ind) > 40:
            ind = ind[-40:]
        return ind

    # -- direction and base
    def _change_of(self, norm: str, num: NumberMatch, s0: int, prev: NumberMatch | None,
                   prev_metric: MetricMention | None, kind: str, when: MetricTime) -> tuple[str | None, str | None]:
        """A change's direction and base (a planned change too: 力争增长5%); (None, None) for a level.

        Two changes in one clause share what the first states: 同比分别增长X%和X%.
        """
        c0 = clause_start(norm, num.start, s0)
        local = norm[prev.end:num.start] if prev is not None and prev.end > c0 else norm[c0:num.start]
        if kind == "target" and not self._is_change(local, None, None):
            return None, None
        if kind not in ("change", "target"):
            return None, None
        direction = when.direction(local)
        shared = prev_metric is not None and prev is not None and prev.end > c0 and prev_metric.direction
        if direction is None and shared:
            direction = prev_metric.direction
        base = when.base(norm[c0:num.start]) if direction else None
        return direction, base


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
