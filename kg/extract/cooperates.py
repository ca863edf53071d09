"""COOPERATES_WITH in one clause: who cooperates with whom around a 会同/联合/配合/与 word.

Frames (trigger words in ``data/lexicon/relation_triggers.tsv``): subject + 会同/联合/配合 + partners;
subject + 与/同 + partners + 联合/建立/共同... (A 与 B 联合印发: A is the subject; A、B 与 C…: A and B
with C; not 推动X港区与B合作, :func:`kg.extract.partners.pivot_object_before`); coordinated subjects
A、B 联合…: A with B (not A、B 配合…: both assist); 在 B 的配合下，A…: A with B
(:func:`kg.extract.partners.helpers_of`). The clause loop is :class:`kg.extract.relations.RelationExtractor`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.extract.clauses import Clause
from kg.extract.partners import ASSISTING, coordinated, helpers_of, partners_at, pivot_object_before
from kg.extract.selfref import names_author
from kg.extract.spans import starting_in
from kg.extract.subjects import PARTNER_LABELS, SUBJECT_COORD
from kg.extract.triggers import TriggerHit
from kg.lexicon import Lexicon
from kg.model import Mention

#: the labels that head a COOPERATES_WITH
LEADS: tuple[str, ...] = ("AGENCY",)
#: an untagged last item of a partner list (与 A、B 建立): no punctuation, no quote
_LIST_ITEM_MAX = 22
#: joint words that make a cooperation only after a prep frame (与 C 建立…): A、B 建立了…制度 is each one's own deed
_NOT_MUTUAL = ("建立",)
_LIST_TAIL = re.compile(r"[、和及]\s*[^，。；、：“”《》\s]{2,20}")

Found = tuple[str, Mention, Mention, TriggerHit]


def co_subjects(norm: str, clause: Clause, subjects: list[Mention], hits: list[TriggerHit],
                in_clause: list[Mention], max_partner_tail: int, lexicon: Lexicon) -> Iterator[Found]:
    """A、B 联合/共同…: the first coordinated subject (the first agency) cooperates with the others.

    Not when the subjects act together with someone else: a prep frame stands between them and the
    joint word (A、B 要与 C 建立…), or the joint word takes partners of its own (A、B 会同 C / 联合 C
    开展…); nor before a bare 建立 (A、B 建立了…制度: each built its own).

    Parameters
    ----------
    norm : str
        The normalised text.
    clause : Clause
    subjects : list of Mention
        The clause's coordinated subjects.
    hits : list of TriggerHit
        The trigger hits of the sentence.
    in_clause : list of Mention
        The clause's mentions.
    max_partner_tail : int
        Characters between the last subject and the joint word.
    lexicon : Lexicon
        Head nouns of the bodies a partner list may leave untagged.

    Yields
    ------
    tuple
        ``("COOPERATES_WITH", lead, other, hit)``.
    """
    lead = next((s for s in subjects if s.label in LEADS), None)
    if len(subjects) < 2 or lead is None:
        return  # A 协会、B 中心联合…: the first agency leads the cooperation (an organisation cannot)
    after = subjects[-1].end
    near = starting_in(hits, after, min(clause.end, after + max_partner_tail))
    joint = [h for h in near if h.rel == "COOPERATES_WITH" and h.frame in ("joint", "partner")]
    if not joint or joint[0].word in ASSISTING + _NOT_MUTUAL:
        return  # A、B 配合（C）…: both assist, neither is the other's partner
    if any(h.frame == "prep" and (h.start == after or h.start < joint[0].start) for h in near):
        return  # A、B 与 C 建立…: each cooperates with C (see cooperates)
    if partners_at(norm, joint[0].end, in_clause, lexicon):
        return  # A、B 会同 C…: each cooperates with C
    for other in subjects:
        if other.name != lead.name:
            yield ("COOPERATES_WITH", lead, other, joint[0])


def cooperates(norm: str, clause: Clause, in_clause: list[Mention], chits: list[TriggerHit],
               next_clause: Clause | None, sent_hits: list[TriggerHit],
               subject_for: Callable[[int], list[Mention]], own: Callable[[Mention], Mention],
               ahead: Callable[[], list[Mention]], author: str | None, max_partner_tail: int,
               lexicon: Lexicon) -> Iterator[Found]:
    """The cooperations a partner or prep word of ``clause`` states (会同 B, 与 B 联合, 在 B 的配合下).

    Parameters
    ----------
    norm : str
        The normalised text.
    clause, next_clause : Clause
        The clause and the one after it in the sentence (None at its end).
    in_clause : list of Mention
        The clause's mentions.
    chits, sent_hits : list of TriggerHit
        The trigger hits of the clause and of its sentence.
    subject_for : callable
        The subjects acting at an offset of the clause.
    own : callable
        A mention, or the speaker it stands for.
    ahead : callable
        The subjects opening the next clause.
    author : str or None
        The author body.
    max_partner_tail : int
        Characters between a 与/同 partner list and the joint word.
    lexicon : Lexicon
        Head nouns of the bodies a partner list may leave untagged.

    Yields
    ------
    tuple
        ``("COOPERATES_WITH", head, partner, hit)``.
    """
    for h in chits:
        if h.rel != "COOPERATES_WITH" or h.frame not in ("partner", "prep"):
            continue
        helpers = helpers_of(norm, h, in_clause)
        if helpers:  # 在 B 的配合下，A…: A cooperates with B
            for head in ahead() or subject_for(clause.end):
                for p in helpers:
                    if head.label in LEADS and p.name != head.name:
                        yield ("COOPERATES_WITH", head, p, h)
            continue
        start = h.end + (1 if norm[h.end:h.end + 1] == "了" else 0)
        partners = partners_at(norm, start, in_clause, lexicon)
        if not partners:
            continue
        if h.frame == "prep":
            tail_end = partners[-1].end
            scope_end = clause.end
            if next_clause is not None and not norm[tail_end:clause.end].strip("等相关部门单位 "):
                scope_end = next_clause.end
            reach = tail_end + max_partner_tail + 2
            window = starting_in(sent_hits, tail_end, min(scope_end, reach + _LIST_ITEM_MAX))
            # 与 A、B 建立…: a list item the entity rules did not tag (B) still belongs to the list
            joint = [j for j in window if j.rel == "COOPERATES_WITH" and j.frame in ("joint", "partner")
                     and (j.start < reach or _LIST_TAIL.fullmatch(norm, tail_end, j.start))]
            if not joint:
                continue
            before = [m for m in in_clause if m.end == h.start]
            if before:  # A 与 B 联合…: A is the subject (A、B 与 C 建立…: A and B)
                bodies = [m for m in in_clause if m.label in PARTNER_LABELS and m.end <= h.start]
                listed = coordinated(norm, bodies, SUBJECT_COORD) if bodies and bodies[-1] is before[0] else before[:1]
                heads = [own(m) for m in listed]
            elif pivot_object_before(norm, clause, h.start, in_clause):
                continue  # 推动X港区与B合作: the subject brings X and B together, it is no partner
            else:
                heads = subject_for(h.start)
            trigger = TriggerHit(h.rel, f"{h.word}…{joint[0].word}", h.frame, h.start, joint[0].end)
        else:
            heads = subject_for(h.start)
            trigger = h
        led = h.word in ASSISTING and h.frame == "partner"
        for head in heads:
            others = partners
            if led and head.label in PARTNER_LABELS and not names_author(head.name, author):
                # B 配合我局开展…: the author leads the work, B assists it (as 由我局牵头，B 配合)
                mine = [p for p in partners if names_author(p.name, author) and p.label in LEADS]
                for p in mine:
                    yield ("COOPERATES_WITH", p, head, trigger)
                others = [p for p in partners if p not in mine]
            if head.label not in LEADS:
                # 协会配合厅运输处开展…: an organisation's agency partners are the agencies it cooperates with
                for p in others:
                    if head.label in PARTNER_LABELS and p.label in LEADS:
                        yield ("COOPERATES_WITH", p, head, trigger)
                continue
            for p in others:
                if p.name != head.name:
                    yield ("COOPERATES_WITH", head, p, trigger)
