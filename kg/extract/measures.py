"""MEASURES relations: a metric reports a result or a target of a campaign.

A metric measures a campaign when the text ties the two together. The rules,
from the narrowest to the widest, each named in ``RelationMention.trigger``:

``clause``     the campaign and the metric are in the same clause:
               开展护路爱路宣传活动10次, 全市村村通客车率X%.
``intro``      the campaign is in the opening clause of the sentence and no
               number follows it in that clause (深入开展“我为群众办实事”实践活动，
               办理…群众实事X余件; 开展了为期X个月的…大整治，…X家): every later
               metric of the sentence. Not when the clause only cites the
               campaign (按照“双公示”工作要求，…).
``run``        the campaign clause has no number and the clauses right after it
               do (…等专项整治活动，处理路政案件X起，拆除…X块): that run of
               metric clauses.
``subject``    the campaign opens its clause as its subject (…船闸工程完成年度
               投资3520万元，占…78.22%): that clause and the run after it.
``breakdown``  a 含/包括 clause listing campaigns right after a metric clause
               (培训3次，含“…大讲堂”、…): the metrics of that clause.
``segment``    a paragraph item (the paragraph start, 一是/二是…, （一）) whose
               title sentence names the campaign and has no number: every metric
               of the item (二是全面推进…专项整治工作情况。…召开推进会1次…).
``section``    a section (from the structure stage) whose heading names the
               campaign, not as a frame (以供给侧改革为抓手), and whose heading
               sentence has no number: every metric of its body.

The sentence rules (clause … breakdown) come first; ``segment`` and
``section`` only reach metrics that no campaign of their own sentence claims.

Campaign mentions come from ``doc._.kg_mentions`` (label ``CAMPAIGN``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.metrics import clause_spans, clause_start, protected_spans
from kg.model import Evidence, Mention, MetricMention, RelationMention, StructuredDocument
from kg.structure.segment import MAX_SENTENCE

#: markers that open a paragraph item
ITEM_MARK_RE = re.compile(
    r"(?:^|(?<=[。；;！？!?]))\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|"
    r"其[一二三四五六七八九十][，,、]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))"
)
#: opening words of a clause that only frames time or scope (截至目前，今年，2023年上半年，)
FRAME_RE = re.compile(
    r"^\s*(?:截至|截止|今年|去年|同时|此外|另外|目前|一年来|近年来|当前|近期|"
    r"(?:20\d\d|二〇[二〇一二三四五六七八九〇]{2})年|[上下]半年|全年|[一二三四]季度)"
)
#: a clause that cites a campaign as the basis of the work: 按照…要求, 根据…部署
REFERENCE_RE = re.compile(r"^\s*(?:按照|根据|依据|依照|对照|遵照|按)")
REFERENCE_END_RE = re.compile(r"(?:要求|部署|精神|规定|安排|标准)\s*$")
#: a heading clause that uses a campaign as a frame for other work: 以供给侧改革为抓手
FRAMING_RE = re.compile(r"^\s*(?:坚持)?(?:以|按照|根据|围绕|结合|聚焦|在|对标|对照)")
BREAKDOWN_RE = re.compile(r"^\s*(?:其中)?(?:含|包括|包含)")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
CONDUCT_VERBS = ("开展", "推进", "实施", "组织", "举办", "推动", "落实", "启动", "部署", "参与", "参加",
                 "深化", "抓好", "做好", "结合", "创建", "获评", "贯彻")


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    sentence: int
    index: int  # position within its sentence
    metrics: list[int]  # indexes into the metric list
    campaigns: list[int]  # indexes into the campaign list


def _in(spans: list[_Clause], starts: list[int], pos: int) -> _Clause | None:
    """The clause containing ``pos`` (``starts`` = the clause starts, sorted)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i].start <= pos < spans[i].end:
        return spans[i]
    return None


class MeasuresFinder:
    """Link metrics to the campaigns they measure, in one document."""

    def find(self, sdoc: StructuredDocument, metrics: list[MetricMention], campaigns: list[Mention],
             norm: str | None = None) -> list[RelationMention]:
        """MEASURES relations of one document.

        Parameters
        ----------
        sdoc : StructuredDocument
        metrics : list of MetricMention
        campaigns : list of Mention
            Mentions with label ``CAMPAIGN`` (others are ignored).
        norm : str, optional
            The width-folded text (``sdoc.source.norm`` by default).

        Returns
        -------
        list of RelationMention
            One relation per (metric, campaign name), head = metric, tail = the
            campaign mention the rule used.
        """
        norm = sdoc.source.norm if norm is None else norm
        metrics = sorted(metrics, key=lambda m: (m.start, m.end))
        camps = sorted((c for c in campaigns if c.label == "CAMPAIGN"), key=lambda c: (c.start, -c.end))
        if not metrics or not camps:
            return []
        protected = protected_spans(norm)
        clauses = self._clauses(sdoc, norm, protected, [c.start for c in camps])
        by_sentence: dict[int, list[_Clause]] = {}
        for c in clauses:
            by_sentence.setdefault(c.sentence, []).append(c)
        starts = [c.start for c in clauses]
        for mi, m in enumerate(metrics):
            c = _in(clauses, starts, m.start)
            if c is not None:
                c.metrics.append(mi)
        for ci, cm in enumerate(camps):
            c = _in(clauses, starts, cm.start)
            if c is not None:
                c.campaigns.append(ci)

        links: dict[tuple[int, str], tuple[int, str]] = {}  # (metric, campaign name) -> (campaign, rule)

        def link(mi: int, ci: int, rule: str) -> None:
            links.setdefault((mi, camps[ci].name), (ci, rule))

        for sent_clauses in by_sentence.values():
            self._sentence_rules(norm, sent_clauses, metrics, camps, link)
        # a metric its own sentence ties to a campaign is not also claimed by an item's
        # or a section's heading (第二，专项整治成效明显。…开展“打非治违”联合行动，查处…X辆)
        in_sentence = {mi for mi, _ in links}

        def wide_link(mi: int, ci: int, rule: str) -> None:
            if mi not in in_sentence:
                link(mi, ci, rule)

        self._segment_rules(sdoc, norm, metrics, camps, wide_link)
        self._section_rules(sdoc, metrics, camps, wide_link)

        out = []
        for (mi, _name), (ci, rule) in sorted(links.items(), key=lambda kv: (metrics[kv[0][0]].start, kv[0][1])):
            m, cm = metrics[mi], camps[ci]
            out.append(RelationMention(sdoc.name, "MEASURES", m, cm, self._evidence(sdoc, m, cm), rule))
        return out

    # -- structure
    def _clauses(self, sdoc: StructuredDocument, norm: str, protected: list[bool],
                 camp_starts: list[int]) -> list[_Clause]:
        """The clauses of the sentences in which a campaign starts (``camp_starts``, sorted)."""
        out = []
        sentences = sdoc.sentences or []
        if not sentences:  # no sentence split: one sentence per paragraph
            spans = [(p.start, p.end) for p in sdoc.paragraphs] or [(0, len(norm))]
        else:
            spans = [(s.start, s.end) for s in sentences]
        for si, (a, b) in enumerate(spans):
            first = bisect.bisect_left(camp_starts, a)
            if first == len(camp_starts) or camp_starts[first] >= b:
                continue  # no campaign: the sentence rules have nothing to link here
            for k, (c0, c1) in enumerate(clause_spans(norm, a, b, protected)):
                out.append(_Clause(c0, c1, si, k, [], []))
        return out

    @staticmethod
    def _is_frame(norm: str, c: _Clause) -> bool:
        text = norm[c.start:c.end]
        return len(text) <= 14 and bool(FRAME_RE.match(text)) and not c.campaigns

    # -- rules inside one sentence
    def _sentence_rules(self, norm: str, clauses: list[_Clause], metrics: list[MetricMention],
                        camps: list[Mention], link) -> None:
        first = next((k for k, c in enumerate(clauses) if not self._is_frame(norm, c)), None)
        for k, c in enumerate(clauses):
            if not c.campaigns:
                continue
            for ci in c.campaigns:
                for mi in c.metrics:
                    link(mi, ci, "clause")
            ctext = norm[c.start:c.end]
            if REFERENCE_RE.match(ctext) and REFERENCE_END_RE.search(ctext):
                continue  # 按照“双公示”工作要求: the campaign is cited, not reported on
            run_from, rule = None, "run"
            # metrics after the campaign in its clause count the campaign itself (宣传活动10次)
            counted = [mi for mi in c.metrics if metrics[mi].start >= min(camps[ci].end for ci in c.campaigns)]
            if k == first and not counted:
                for later in clauses[k + 1:]:
                    for mi in later.metrics:
                        for ci in c.campaigns:
                            link(mi, ci, "intro")
            if not c.metrics:
                run_from = k + 1
                if BREAKDOWN_RE.match(norm[c.start:c.end]) and k > 0:
                    for mi in clauses[k - 1].metrics:
                        for ci in c.campaigns:
                            link(mi, ci, "breakdown")
            else:
                lead = norm[c.start:min(camps[ci].start for ci in c.campaigns)]
                lead = FRAME_RE.sub("", lead).strip()
                if len(lead) <= 2 and not any(v in lead for v in CONDUCT_VERBS):
                    run_from, rule = k + 1, "subject"
            if run_from is None:
                continue
            for later in clauses[run_from:]:
                if not later.metrics or later.campaigns:
                    break
                for mi in later.metrics:
                    for ci in c.campaigns:
                        link(mi, ci, rule)

    # -- paragraph items
    def _segment_rules(self, sdoc: StructuredDocument, norm: str, metrics: list[MetricMention],
                       camps: list[Mention], link) -> None:
        m_starts = [m.start for m in metrics]  # metrics come in text order
        c_starts = [c.start for c in camps]
        for p in sdoc.paragraphs:
            text = norm[p.start:p.end]
            cuts = sorted({0, *(m.start() for m in ITEM_MARK_RE.finditer(text))})
            for i, cut in enumerate(cuts):
                seg0 = p.start + cut
                seg1 = p.start + cuts[i + 1] if i + 1 < len(cuts) else p.end
                # the title: the item's first sentence, cut as the structure stage cuts a long one
                stop = _SENTENCE_END.search(norm, seg0, min(seg1, seg0 + MAX_SENTENCE))
                title_end = min(seg1, stop.start() + 1 if stop else seg0 + MAX_SENTENCE)
                if title_end >= seg1:  # a one-sentence item: the sentence rules decide
                    continue
                lo, hi = bisect.bisect_left(c_starts, seg0), bisect.bisect_left(c_starts, title_end)
                in_title = [ci for ci in range(lo, hi) if camps[ci].end <= title_end]
                if not in_title:
                    continue
                m_lo, m_title = bisect.bisect_left(m_starts, seg0), bisect.bisect_left(m_starts, title_end)
                if m_title > m_lo:  # the title has its own number: the sentence rules decide
                    continue
                for mi in range(m_title, bisect.bisect_left(m_starts, seg1)):
                    for ci in in_title:
                        link(mi, ci, "segment")

    def _section_rules(self, sdoc: StructuredDocument, metrics: list[MetricMention], camps: list[Mention],
                       link) -> None:
        norm = sdoc.source.norm
        m_starts = [m.start for m in metrics]  # both lists come in text order
        c_starts = [c.start for c in camps]
        for sec in sdoc.sections:
            lo, hi = bisect.bisect_left(c_starts, sec.title_start), bisect.bisect_left(c_starts, sec.title_end)
            in_title = [ci for ci in range(lo, hi) if camps[ci].end <= sec.title_end and not FRAMING_RE.match(
                norm[clause_start(norm, camps[ci].start, sec.title_start):camps[ci].start])]
            if not in_title:
                continue
            # the sentence the heading opens (a heading may be cut short of its sentence)
            sent = sdoc.sentence_at(sec.title_start)
            head_end = max(sec.title_end, sent.end if sent is not None else 0)
            first = bisect.bisect_left(m_starts, sec.title_start)
            if first < len(m_starts) and m_starts[first] < head_end:
                continue  # the heading sentence has its own numbers: the sentence rules decide
            for mi in range(bisect.bisect_left(m_starts, head_end), bisect.bisect_left(m_starts, sec.end)):
                for ci in in_title:
                    link(mi, ci, "section")

    @staticmethod
    def _evidence(sdoc: StructuredDocument, m: MetricMention, c: Mention) -> Evidence:
        ev = m.evidence
        return Evidence(sdoc.name, min(m.start, c.start), max(m.end, c.end), ev.sentence, ev.sentence_start,
                        ev.section)


def campaign_mentions_for(sdoc: StructuredDocument, forms: dict[str, str]) -> list[Mention]:
    """CAMPAIGN mentions for known campaign names, found in the text.

    Used to measure MEASURES against a given list of campaigns (the gold
    annotations, or a user's list) independently of the entity extractor.

    Parameters
    ----------
    sdoc : StructuredDocument
    forms : dict of str to str
        Written form -> canonical name. Quotation marks in a form are optional
        in the text (“百日攻坚”行动 also matches 百日攻坚行动).

    Returns
    -------
    list of Mention
        Longest forms first, no two overlapping, in text order.
    """
    norm = sdoc.source.norm
    taken = [False] * len(norm)
    out = []
    for form in sorted(forms, key=len, reverse=True):
        bare = form.replace("“", "").replace("”", "")
        rx = re.compile("[“”\"]?".join(re.escape(ch) for ch in bare))  # quotes optional anywhere
        for m in rx.finditer(norm):
            s, e = m.start(), m.end()
            if s > 0 and norm[s - 1] == "“":
                s -= 1
            if e < len(norm) and norm[e] == "”" and norm[s] == "“":
                e += 1
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            out.append(Mention(sdoc.name, "CAMPAIGN", sdoc.source.text[s:e], s, e, forms[form],
                               sdoc.evidence(s, e), rule="given"))
    return sorted(out, key=lambda m: m.start)


class MeasuresComponent:
    """spaCy component: append MEASURES relations to ``doc._.kg_relations``."""

    def __init__(self) -> None:
        self.finder = MeasuresFinder()

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        relations = list(doc._.kg_relations or [])
        if sdoc is not None:
            campaigns = [m for m in (doc._.kg_mentions or []) if m.label == "CAMPAIGN"]
            relations += self.finder.find(sdoc, list(doc._.kg_metrics or []), campaigns)
        doc._.kg_relations = relations
        return doc


@Language.factory("kg_measures")
def make_kg_measures(nlp: Language, name: str) -> MeasuresComponent:
    """Factory of the ``kg_measures`` component."""
    return MeasuresComponent()


__all__ = ["MeasuresComponent", "MeasuresFinder", "campaign_mentions_for"]
