"""Duty lines of work plans: ``牵头单位：X；配合单位：Y`` under a task.

Work points and implementation plans close each task with the bodies that
answer for it (``牵头单位：局规划建设股；配合单位：县财政局``, or in brackets at
the end of the task: ``（责任单位：县公安局、县交通运输局）``). The lead bodies of a
line carry out what the task carries out: every campaign of a CONDUCTS relation
found in the task's text is conducted by each lead body too, except an office or party branch of
the writing body that a ``责任单位：`` line names (``责任单位：安全股``, ``所党支部``): it answers for the task
inside its body, which carries the task out (a ``牵头单位：局安全股`` line does make the office lead it).
A ``责任单位：`` list of several
bodies names the lead first (``责任单位：县交通运输局、县商务局``): the first body leads, the others
share the task and get no relation. The partners
(``配合单位：``, right after the lead list or on the next line) cooperate with each
lead body (COOPERATES_WITH); they do not conduct the task's campaigns. A ``责任单位：`` list
right after a ``牵头单位：`` one names bodies that share the task under the lead: they
get no relation from the line (a ``责任单位：`` list alone names the leads).

A task's text runs from the start of the innermost section holding the line
(``1.全力推进重点项目建设。…``), else of the paragraph before a line that is a
paragraph of its own (else of its paragraph), and never back past the line
before it.

A bracket closing a task may name the lead without a label (``（局安全股牵头，县运输中心配合）``,
``（由市应急管理局牵头，我局配合）``): the bodies before 牵头 lead the task like a ``牵头单位：`` list; those
after it only help and get no relation, not even COOPERATES_WITH (the gold of such brackets pairs no helper
with the lead, unlike a ``配合单位：`` line). A bracket not closed in its paragraph names no lead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extract.triggers import TriggerHit
from kg.model import Mention, StructuredDocument

#: the label of the bodies that lead a task (牵头单位：, 责任部门：)
LEAD_LABEL = re.compile(r"(?:牵头|责任|主责|主办)(?:单位|部门|处室|科室)\s*[:：]")
#: a label naming the leading bodies as such (牵头单位：), after which a 责任单位： list only shares the task
_LEAD_FIRST = re.compile(r"(?:牵头|主办)(?:单位|部门|处室|科室)\s*[:：]")
#: what ends a label's list: the next label (配合单位：), a semicolon, a full stop, a bracket, a line end
_LIST_END = re.compile(r"[;；。)）\n]|(?:配合|协办|参与|协助|牵头|责任|主责|主办)(?:单位|部门|处室|科室)\s*[:：]")
#: a short bracket inside a list item (各县（市、区）交通运输局), which does not end the list
_INNER_BRACKET = re.compile(r"[(（][^()（）\n]{1,8}[)）]")
#: the label of the bodies that help with a task, right after the lead list (；配合单位：, or on the next line)
PARTNER_LABEL = re.compile(r"[;；,，。\s]*(?:配合|协办|协助|参与)(?:单位|部门|处室|科室)\s*[:：]")
_LABELS = ("AGENCY", "ORGANIZATION")
#: a bracket naming the lead bodies before 牵头 (（局安全股牵头，县运输中心配合）): the bodies are group 1
_BRACKET_LEAD = re.compile(r"[(（]由?([^()（）\n，,；;。：:]{2,60}?)牵头(?:负责)?(?=[，,；;)）])")
#: what may stand between the bodies of a bracketed lead list
_LIST_GLUE = re.compile(r"[、和及与\s]*")
#: an office or party branch inside a body (安全股, 运输服务科, 安全监督部, 所党支部)
_INTERNAL = re.compile(r"^(?![\u4e00-\u9fff]*(?:[省市县区州旗]|政府|党委|县委|市委)[\u4e00-\u9fff]*(?:办公室|科|股)$)"
                       r"[\u4e00-\u9fff]*(?:[科股室]|(?:监督|安全|业务|运营|工程)部|党支部|党总支)$")


@dataclass(frozen=True, slots=True)
class DutyLine:
    """The lead bodies of one task, its partner bodies, and the task's text ``[start, end)`` (up to the line)."""

    start: int
    end: int
    line_start: int
    line_end: int
    leads: tuple[Mention, ...]
    partners: tuple[Mention, ...] = ()


def duty_lines(sdoc: StructuredDocument, mentions: list[Mention]) -> list[DutyLine]:
    """The duty lines of a document, in text order, each with the task it closes.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        The document's entity mentions (AGENCY and ORGANIZATION ones are read).

    Returns
    -------
    list of DutyLine
        Lines naming at least one lead body.
    """
    norm = sdoc.source.norm
    bodies = sorted((m for m in mentions if m.label in _LABELS), key=lambda m: m.start)
    starts = [m.start for m in bodies]
    para_starts = [p.start for p in sdoc.paragraphs]
    para_ends = [p.end for p in sdoc.paragraphs]
    sections = sorted(sdoc.sections, key=lambda s: (s.start, -s.end))
    stack: list = []
    k = 0
    out: list[DutyLine] = []
    floor = 0
    labels = sorted([*LEAD_LABEL.finditer(norm), *_BRACKET_LEAD.finditer(norm)], key=lambda x: x.start())
    for label in labels:
        partners: tuple[Mention, ...] = ()
        if label.re is _BRACKET_LEAD:
            p = bisect.bisect_right(para_starts, label.start()) - 1
            end = norm.find("）" if label.group()[0] == "（" else ")", label.end(),
                            para_ends[p] if p >= 0 else len(norm))
            if end < 0:
                continue  # a bracket left open in its paragraph
            leads = _bracket_leads(label, bodies, starts)
        else:
            end = _list_end(norm, label.end())
            leads = _bodies_in(bodies, starts, label.end(), end)
        if label.re is LEAD_LABEL and (helper := PARTNER_LABEL.match(norm, end)):
            p_end = _list_end(norm, helper.end())
            partners = _bodies_in(bodies, starts, helper.end(), p_end)
            end = p_end
        at = label.start()
        while k < len(sections) and sections[k].start <= at:
            stack.append(sections[k])
            k += 1
        stack[:] = [s for s in stack if s.end > at]
        if stack:
            begin = stack[-1].start
        else:
            p = bisect.bisect_right(para_starts, at) - 1
            own = p >= 0 and not norm[para_starts[p]:at].strip(" \t(（")
            begin = para_starts[p - 1] if own and p > 0 else (para_starts[p] if p >= 0 else 0)
        if out and out[-1].line_end == floor and len(norm[floor:at]) <= 2 and "\n" not in norm[floor:at]:
            last = out[-1]  # 牵头单位：A；责任单位：B: one task, A leads it (B answers for its part, no relation)
            keep = leads if not _LEAD_FIRST.match(norm, last.line_start) else ()
            out[-1] = DutyLine(last.start, last.end, last.line_start, end, last.leads + keep, last.partners + partners)
            floor = end
            continue
        begin = max(begin, floor)
        floor = end
        if label.re is LEAD_LABEL and not _LEAD_FIRST.match(norm, at):
            leads = leads[:1]  # 责任单位：A、B: A leads
        if leads and begin < at:
            out.append(DutyLine(begin, at, at, end, leads, partners))
    return out


def _bodies_in(bodies: list[Mention], starts: list[int], lo: int, hi: int) -> tuple[Mention, ...]:
    """The bodies (sorted, ``starts`` their starts) lying wholly within ``[lo, hi)``."""
    return tuple(m for m in bodies[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)] if m.end <= hi)


def _bracket_leads(hit: re.Match, bodies: list[Mention], starts: list[int]) -> tuple[Mention, ...]:
    """The bodies of a bracketed lead list (（A、B牵头…）), or none unless bodies fill the list."""
    lo, hi = hit.start(1), hit.end(1)
    found = _bodies_in(bodies, starts, lo, hi)
    pos = lo
    for m in found:
        if m.start < pos or _LIST_GLUE.fullmatch(hit.string, pos, m.start) is None:
            return ()
        pos = m.end
    return found if found and pos == hi else ()


def _list_end(norm: str, pos: int) -> int:
    """Where the list of bodies after a label at ``pos`` ends (past brackets inside an item)."""
    while stop := _LIST_END.search(norm, pos):
        inner = _INNER_BRACKET.search(norm, max(0, stop.start() - 10), stop.end())
        if stop.group() not in ")）" or inner is None or inner.end() != stop.end() or inner.start() < pos:
            return stop.start()
        pos = stop.end()
    return len(norm)


#: triggers naming a campaign a task is set in, not one it carries out (结合“安全生产月”，开展…)
_CONTEXT_TRIGGERS = frozenset({"结合"})


def lead_conducts(lines: list[DutyLine], relations: list) -> list[tuple[Mention, Mention, DutyLine]]:
    """The lead bodies of each task paired with the campaigns the task carries out.

    Parameters
    ----------
    lines : list of DutyLine
        The document's duty lines.
    relations : list of RelationMention
        The relations found so far (others than CONDUCTS are skipped).

    Returns
    -------
    list of tuple of (Mention, Mention, DutyLine)
        (lead body, campaign, line) for each CONDUCTS relation whose campaign stands in a task of ``lines``.
    """
    found = sorted((r.tail.start, i) for i, r in enumerate(relations)
                   if r.rel == "CONDUCTS" and r.trigger not in _CONTEXT_TRIGGERS)
    starts = [s for s, _ in found]
    out = []
    for line in lines:
        for _, i in found[bisect.bisect_left(starts, line.start):bisect.bisect_left(starts, line.end)]:
            out += [(lead, relations[i].tail, line) for lead in line.leads]
    return out


def duty_relations(sdoc: StructuredDocument, mentions: list[Mention], relations: list) -> list[tuple]:
    """The relations the duty lines of a document give.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        The document's entity mentions.
    relations : list of RelationMention
        The relations found so far.

    Returns
    -------
    list of tuple
        ``("CONDUCTS", lead body, campaign, hit)`` for the lead bodies of each task, and
        ``("COOPERATES_WITH", lead agency, partner body, hit)`` for its partners. The hit is the duty
        line's label (``牵头单位``) over the whole line, frame ``duty``.
    """
    norm = sdoc.source.norm
    out = []
    lines = duty_lines(sdoc, mentions)
    for line in lines:
        hit = TriggerHit("COOPERATES_WITH", "配合单位", "duty", line.line_start, line.line_end)
        out += [("COOPERATES_WITH", lead, partner, hit) for lead in line.leads if lead.label == "AGENCY"
                for partner in line.partners if partner.name != lead.name]
    for lead, camp, line in lead_conducts(lines, relations):
        word = LEAD_LABEL.match(norm, line.line_start)
        label = word.group().rstrip(" :：") if word else "牵头"
        if label.startswith("责任") and _INTERNAL.search(lead.name):
            continue  # 责任单位：安全股: the office answers for the task inside its body, the body carries it out
        out.append(("CONDUCTS", lead, camp, TriggerHit("CONDUCTS", label, "duty", line.line_start, line.line_end)))
    return out


__all__ = ["DutyLine", "LEAD_LABEL", "duty_lines", "duty_relations", "lead_conducts"]
