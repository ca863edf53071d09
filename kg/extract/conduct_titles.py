"""CONDUCTS frames of a document's title and its section headings.

``title``    the plan of a campaign (A2025年“X”专项整治行动实施方案, …工作方案) or the report on its work
             (“X”建设工作情况汇报): the body its title names, else the author, carries X out (:func:`plan_title`);
             a plan issued or forwarded in the title (A关于印发《X实施方案》的通知) whose name opens with X
``heading``  a heading that names a task with no one doing it (（四）开展货运源头监管“清源”行动。):
             the bodies opening its body carry the task out (:func:`heading_agents`)

The other CONDUCTS frames are in :mod:`kg.extract.conducts`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from kg.extract.clauses import split_clauses
from kg.extract.measure_titles import PLAN_OF_RE, plan_name_opens, plan_title_paragraph
from kg.extract.subjects import PARTNER_LABELS, clause_subjects
from kg.extract.triggers import TriggerHit
from kg.lexicon import Lexicon
from kg.model import Mention, Paragraph, StructuredDocument

#: after a plan's 方案 in its title: nothing, or the notice that issues it (关于印发…方案的通知); a title's note
#: in brackets may follow 方案 (…实施方案（2024—2026年）》的通知, …方案（试行）, （征求意见稿）, （2025年版）)
_PLAN_END = re.compile(r"\s*(?:[(（][^（()）、，,]{1,14}[)）])?\s*[》〉]?(?:的通知)?\s*")
#: after a plan named in a title: the notice that issues it (关于印发《…》的通知)
_NOTICE_END = re.compile(r"\s*[》〉]?(?:的通知)?\s*")
#: a report on one campaign's work closing the title (“四好农村路”建设工作情况汇报, …巩固提升工作情况的汇报,
#: “四好农村路”建设暨农村公路路长制工作情况报告, “安全生产月”活动总结)
_REPORT_END = re.compile(r"[”\"]?(?:的)?(?:建设|创建|工作|活动|行动|巩固提升|提质增效)*(?:暨[^，,。;；“”《》\s]{1,16}?)?"
                         r"(?:工作)?(?:开展|推进|进展|实施|落实)?(?:情况)?(?:的)?(?:总结|汇报|报告)\s*")


#: the author's mention nearest a position (or None): what a title with no body of its own falls back to
AuthorAt = Callable[[int], "Mention | None"]


def plan_title(sdoc: StructuredDocument, mentions: list[Mention], author_mention: AuthorAt,
               labels: tuple[str, ...], lexicon: Lexicon) -> Iterator[tuple[str, Mention, Mention, TriggerHit]]:
    """CONDUCTS for the campaign a plan's title organises (A2025年“X”专项整治行动实施方案), or a report's title
    reports on (A“X”建设工作情况汇报, A关于X开展情况的总结).

    The title is the document's first paragraph (or the line after a header naming the issuing body
    alone, :func:`~kg.extract.measure_docs.plan_title_paragraph`); a campaign right before 方案
    (实施方案, 工作方案, 活动方案) is the plan's. The body the title opens with
    carries it out, else the author (``author_mention(pos)``, often only in the
    signature line).

    Parameters
    ----------
    sdoc : StructuredDocument
        The document.
    mentions : list of Mention
        Its mentions.
    author_mention : callable
        ``author_mention(pos)`` gives the author's mention for a position, or None.
    labels : tuple of str
        The labels the body carrying the campaign out may have (AGENCY, ORGANIZATION).
    lexicon : Lexicon
        The document's lexicon; it tells where a plan's name opens
        (:func:`~kg.extract.measure_titles.plan_name_opens`).

    Yields
    ------
    tuple
        ``("CONDUCTS", body, campaign, trigger)`` for each campaign the title gives its body.
    """
    paras = sdoc.paragraphs
    if not paras or not sdoc.meta.title or sdoc.source.text[paras[0].start:paras[0].end].strip() != sdoc.meta.title.strip():
        return
    norm, p0 = sdoc.source.norm, plan_title_paragraph(sdoc) or paras[0]
    in_title = [m for m in mentions if p0.start <= m.start and m.end <= p0.end]
    for camp in (m for m in in_title if m.label == "CAMPAIGN"):
        plan = PLAN_OF_RE.match(norm, camp.end, p0.end)
        if plan is None or not _PLAN_END.fullmatch(norm, plan.end(), p0.end):
            plan = _REPORT_END.fullmatch(norm, camp.end, p0.end)  # the report on the campaign's work
            if plan is None:
                continue  # not the plan's own campaign (…方案编制工作)
        bodies = [m for m in in_title if m.label in labels and m.end <= camp.start]
        head = bodies[0] if bodies and bodies[0].start == p0.start else author_mention(camp.start)
        if head is not None and head.label in labels:
            word = "方案" if "方案" in plan.group() or "通知" in plan.group() else "报告"
            yield ("CONDUCTS", head, camp, TriggerHit("CONDUCTS", word, "title", camp.start, plan.end()))
    yield from _issued_plan(norm, p0, in_title, mentions, author_mention, labels, lexicon)


def _issued_plan(norm: str, p0: Paragraph, in_title: list[Mention], mentions: list[Mention], author_mention: AuthorAt,
                 labels: tuple[str, ...], lexicon: Lexicon) -> Iterator[tuple[str, Mention, Mention, TriggerHit]]:
    """A关于印发《X实施方案（2024—2026年）》的通知: the plan closing the title holds its campaign X untagged;
    X is tagged in the body, and the title's body (else the author) carries it out.

    X must open the plan's name at a boundary (三年行动 is no campaign of 《X三年行动实施方案》). A forwarded
    plan or notice (关于转发《…》的通知) counts too: the gold credits the forwarder (dev20 622, dev21 643).
    """
    names = {m.name: m for m in reversed(mentions) if m.label == "CAMPAIGN" and m.start >= p0.end}
    for reg in (m for m in in_title if m.label == "REGULATION"):
        if not _NOTICE_END.fullmatch(norm, reg.end, p0.end):
            continue
        for name in sorted(names, key=len, reverse=True):
            at = reg.name.rfind(name)
            if at < 0 or not plan_name_opens(reg.name, at, lexicon):
                continue
            plan = PLAN_OF_RE.match(reg.name, at + len(name))
            if plan is None or not _PLAN_END.fullmatch(reg.name, plan.end()):
                continue
            bodies = [m for m in in_title if m.label in labels and m.end <= reg.start]
            head = bodies[0] if bodies and bodies[0].start == p0.start else author_mention(names[name].start)
            if head is not None and head.label in labels:
                yield ("CONDUCTS", head, names[name], TriggerHit("CONDUCTS", "方案", "title", reg.start, reg.end))
            break


#: what the first clause of a section's body may not name for its bodies to take up the heading's task
_OBJECT_LABELS = ("CAMPAIGN", "REGULATION")


def heading_agents(sdoc: StructuredDocument, mentions: list[Mention], relations: list, labels: tuple[str, ...]):
    """CONDUCTS for the bodies that open a section's body, of the campaigns its heading carries out.

    ``（四）开展货运源头监管“清源”行动。支队路政执法科会同…``: the heading names the task and no one
    doing it (no body in the heading), the first clause of its body opens with the bodies that do it
    (with those coordinated to them: A、B 要…). ``relations`` are the document's relations so far.
    """
    norm = sdoc.source.norm
    found = sorted((r for r in relations if r.rel == "CONDUCTS"), key=lambda r: r.tail.start)
    if not found or not sdoc.sections:
        return
    tail_starts = [r.tail.start for r in found]
    spans = sorted((m.start, m.end) for m in mentions)
    bodies = sorted((m for m in mentions if m.label in PARTNER_LABELS), key=lambda m: m.start)
    starts = [m.start for m in bodies]
    objects = sorted(m.start for m in mentions if m.label in _OBJECT_LABELS)
    sent_starts = [t.start for t in sdoc.sentences]
    for sec in sdoc.sections:
        in_title = found[bisect.bisect_left(tail_starts, sec.title_start):bisect.bisect_left(tail_starts, sec.title_end)]
        tails = {r.tail.key: r for r in in_title if r.tail.end <= sec.title_end}
        lo = bisect.bisect_left(starts, sec.title_start)
        if not tails or (lo < len(bodies) and bodies[lo].start < sec.title_end):
            continue  # no task here, or the heading names its own body (（三）省厅部署开展…)
        k = bisect.bisect_left(sent_starts, sec.title_end)
        sent = sdoc.sentences[k] if k < len(sent_starts) else None
        if sent is None or sent.start >= sec.end or sent.section != sec.id:
            continue  # the body opens with a sub-heading, or the section has no body
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        in_sent = bodies[lo:hi]
        if not in_sent:
            continue
        protected = spans[bisect.bisect_left(spans, (sent.start, 0)):bisect.bisect_left(spans, (sent.end, 0))]
        first = split_clauses(norm, sent.start, sent.end, protected)[0]
        if bisect.bisect_left(objects, first.start) < bisect.bisect_left(objects, first.end):
            continue  # the bodies do other work (局行政审批科要深化“高效办成一件事”改革), or speak of the task
        agents = clause_subjects(norm, first, [m for m in in_sent if m.end <= first.end])
        for rel in tails.values():
            hit = TriggerHit("CONDUCTS", rel.trigger, "heading", sent.start, first.end)
            for agent in agents:
                if agent.label in labels:
                    yield ("CONDUCTS", agent, rel.tail, hit)
