"""MEASURES over paragraph items and sections: the ``segment`` and ``section`` rules of
:class:`kg.extract.measures.MeasuresFinder`, with the item and frame patterns they share with it.

``link(metric index, campaign index, rule)`` records a relation; the caller decides which metrics a rule
may still claim.
"""

from __future__ import annotations

import bisect
import re

from kg.extract.measure_docs import CONDUCT_VERBS, SENTENCE_END, clause_from, joins_other_work, other_work_re
from kg.model import Mention, MetricMention, StructuredDocument
from kg.structure.segment import MAX_SENTENCE

#: markers that open a paragraph item
ITEM_MARK_RE = re.compile(
    r"(?:^|(?<=[。；;！？!?]))\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|"
    r"其[一二三四五六七八九十][，,、]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))"
)
#: opening words of a clause that only frames time or scope (截至目前，今年，2023年上半年，) or a source (据了解，)
FRAME_RE = re.compile(
    r"^\s*(?:截至|截止|今年|去年|同时|此外|另外|目前|一年来|近年来|当前|近期|据(?:了解|悉|介绍|统计)|"
    r"(?:20\d\d|二〇[二〇一二三四五六七八九〇]{2})年|[上下]半年|全年|[一二三四]季度)"
)
#: a clause that opens an item of an enumeration inside a sentence: 一是, 第二, （三）, 4.
ITEM_START_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[（(][一二三四五六七八九十]+[）)]"
                           r"|\d{1,2}[.．、](?!\d))")
#: a heading clause that uses a campaign as a frame for other work: 以供给侧改革为抓手
FRAMING_RE = re.compile(r"^\s*(?:坚持)?(?:以|按照|根据|围绕|结合|聚焦|在|对标|对照)")
CLAUSE_SEP_RE = re.compile(r"[，,；;：:]")
FULL_STOP_RE = re.compile(r"[。！？!?]")
#: a copula before a campaign: the campaign is said of something else (今年是…行动的攻坚之年)
COPULA_RE = re.compile(r"(?:是|为)\s*[“\"]?$")


def segment_rules(sdoc: StructuredDocument, norm: str, metrics: list[MetricMention],
                  camps: list[Mention], link, carried_link, framed: set[int] = frozenset()) -> None:
    """The ``segment`` rule: the metrics of a paragraph item whose title sentence carries out or opens with a
    campaign and has no number, and of the items of a paragraph opening with such a sentence.

    ``carried_link`` records the metrics of an item whose one-clause title carries the campaign out
    (besides the campaigns their own sentences name); ``link`` the others. The campaigns in ``framed``
    (indexes into ``camps``) only frame their clause and title no item.
    """
    m_starts = [m.start for m in metrics]  # metrics come in text order
    c_starts = [c.start for c in camps]
    firsts: dict[int, int] = {}
    for p in sdoc.paragraphs:
        text = norm[p.start:p.end]
        cuts = sorted({0, *(m.start() for m in ITEM_MARK_RE.finditer(text))})
        lead: list[int] = []  # campaigns the paragraph opens with, before its items (一是…二是…)
        for i, cut in enumerate(cuts):
            seg0 = p.start + cut
            seg1 = p.start + cuts[i + 1] if i + 1 < len(cuts) else p.end
            # the title: the item's first sentence, cut as the structure stage cuts a long one
            stop = SENTENCE_END.search(norm, seg0, min(seg1, seg0 + MAX_SENTENCE))
            title_end = min(seg1, stop.start() + 1 if stop else seg0 + MAX_SENTENCE)
            lo, hi = bisect.bisect_left(c_starts, seg0), bisect.bisect_left(c_starts, title_end)
            in_title = [ci for ci in range(lo, hi) if camps[ci].end <= title_end
                        and ci not in framed and _topic_of(norm, camps[ci], seg0)]
            m_lo, m_title = bisect.bisect_left(m_starts, seg0), bisect.bisect_left(m_starts, title_end)
            if i == 0 and len(cuts) > 1 and title_end >= seg1 and m_title == m_lo:
                # 大队扎实开展…三年行动巩固提升工作。一是…，排查隐患86处…: a lead sentence, not the first item
                # (一是持续开展…“回头看”；二是…) nor a list's first task (将抓好四项工作：（一）开展…整治；)
                if not ITEM_MARK_RE.match(text) and FULL_STOP_RE.match(norm, title_end - 1):
                    lead = in_title
                continue
            if lead and hi == lo:  # an item without a campaign of its own reports on the paragraph's
                for mi in range(m_lo, bisect.bisect_left(m_starts, seg1)):
                    if not own_work(sdoc, norm, metrics[mi], firsts):  # 三是配合…: the item is other work
                        for ci in lead:
                            link(mi, ci, "segment")
                continue
            if title_end >= seg1 or not in_title:  # a one-sentence item: the sentence rules decide
                continue
            if m_title > m_lo:  # the title has its own number: the sentence rules decide
                continue
            # a title that carries the campaign out (2.深入推进“四好农村路”建设。) makes the item its work:
            # its metrics measure it besides the campaigns their own sentences name
            # (a headline of one clause; a narrative first sentence, 局机关党委深入开展…，落实…。, gives
            # only the metrics no campaign of their own sentence claims)
            headline = not CLAUSE_SEP_RE.search(norm, seg0, title_end)
            if not headline and len({camps[ci].name for ci in in_title}) > 1:
                continue  # a narrative sentence listing several works: no one of them owns the item
            carried = [headline and _carried_out(norm, camps[ci], seg0) for ci in in_title]
            floor = m_starts[m_title] if m_title < len(m_starts) else seg1
            for mi in range(m_title, bisect.bisect_left(m_starts, seg1)):
                if not own_work(sdoc, norm, metrics[mi], firsts, floor):
                    for ci, done in zip(in_title, carried):
                        (carried_link if done else link)(mi, ci, "segment")

def _carried_out(norm: str, camp: Mention, floor: int) -> bool:
    """A campaign that its clause carries out with a verb before it (二是全面推进…)."""
    return any(v in norm[clause_from(norm, camp.start, floor):camp.start] for v in CONDUCT_VERBS)

def _topic_of(norm: str, camp: Mention, floor: int) -> bool:
    """A campaign that an item title carries out (二是全面推进…) or opens with (第二，…三年行动成效明显)."""
    if _carried_out(norm, camp, floor):
        return True
    before = norm[clause_from(norm, camp.start, floor):camp.start]
    before = ITEM_START_RE.sub("", before, count=1)
    if COPULA_RE.search(before):
        return False  # 2024年是“畅通常德”三年行动的攻坚之年: the title speaks of the year, not the campaign's work
    return len(FRAME_RE.sub("", before).strip(" “\"")) <= 2

def own_work(sdoc: StructuredDocument, norm: str, m: MetricMention, firsts: dict, assist_floor: int = -1) -> bool:
    """A metric whose sentence joins the work of others before it (配合…支队开展跨区域联合执法行动3次).

    ``firsts`` caches, by sentence start, where the sentence first joins other work. Help given
    (配合…) before ``assist_floor``, the first number of the item or section whose campaign is read,
    is that campaign's work (三是开展…专项整治。配合…海事处检查船舶412艘次) and does not count.
    """
    others = other_work_re(sdoc)
    sent = sdoc.sentence_at(m.start)
    if sent is None:
        return joins_other_work(norm, clause_from(norm, m.start), m.start, others)
    key = (sent.start, assist_floor)
    at = firsts.get(key)
    if at is None:
        found = others.search(norm, sent.start, sent.end)
        while found is not None and found.group() == "配合" and found.start() < assist_floor:
            found = others.search(norm, found.end(), sent.end)
        at = firsts[key] = found.start() if found else sent.end
    return at < m.start

def section_rules(sdoc: StructuredDocument, metrics: list[MetricMention], camps: list[Mention],
                  link) -> None:
    """The ``section`` rule: every metric of a section whose heading names a campaign, not as a frame, and
    whose heading sentence has no number."""
    norm = sdoc.source.norm
    m_starts = [m.start for m in metrics]
    c_starts = [c.start for c in camps]
    firsts: dict[int, int] = {}
    for sec in sdoc.sections:
        lo, hi = bisect.bisect_left(c_starts, sec.title_start), bisect.bisect_left(c_starts, sec.title_end)
        in_title = [ci for ci in range(lo, hi) if camps[ci].end <= sec.title_end
                    and not FRAMING_RE.match(norm[clause_from(norm, camps[ci].start, sec.title_start):camps[ci].start])]
        if not in_title:
            continue
        # the sentence the heading opens (a heading may be cut short of its sentence)
        sent = sdoc.sentence_at(sec.title_start)
        head_end = max(sec.title_end, sent.end if sent is not None else 0)
        lo = bisect.bisect_left(m_starts, sec.title_start)
        first = bisect.bisect_left(m_starts, head_end, lo)
        if first > lo:
            continue  # the heading sentence has its own numbers: the sentence rules decide
        floor = m_starts[first] if first < len(m_starts) else sec.end
        for mi in range(first, bisect.bisect_left(m_starts, sec.end, first)):
            if not own_work(sdoc, norm, metrics[mi], firsts, floor):
                for ci in in_title:
                    link(mi, ci, "section")


__all__ = ["CLAUSE_SEP_RE", "FRAME_RE", "ITEM_START_RE", "own_work", "section_rules", "segment_rules"]
