"""Relations between entity mentions: CONDUCTS, ISSUES, COOPERATES_WITH.

The ``kg_relations`` component runs after ``kg_entities`` and ``kg_metrics``.
It reads ``doc._.kg_mentions``, resolves self-references (我局, 我们, 支队 in
a 支队's report) to the author body, and appends
:class:`kg.model.RelationMention` records to ``doc._.kg_relations``.

Frames (trigger words in ``data/lexicon/relation_triggers.tsv``):

CONDUCTS         subject + 开展/推进/深化... + CAMPAIGN (a coordinated list
                 counts: 开展 A、B 和 C; a list introduced by 含/包括 takes the
                 verb of the clause before); X（工作）深入开展 with X opening
                 its clause; 在 X 中/期间; 省厅组织的 X (the agency before a verb
                 used as an attribute carries X out, and the subject of 参加
                 省厅组织的 X too). A negated verb (未开展) states nothing.
ISSUES           subject + 印发/制定/出台... + REGULATION; 《X》修编工作 (not
                 after 按照/落实...); AGENCY《X》 (交通运输部《…办法》).
COOPERATES_WITH  subject + 会同/联合/配合 + partners; subject + 与/同 +
                 partners + 联合/建立/共同... (A 与 B 联合印发: A is the
                 subject); coordinated subjects A、B 联合…: A with B.

The subject of a verb is the AGENCY or ORGANIZATION mention (with those
coordinated to it) opening its clause, else that of an earlier clause of the
sentence, else that of a section heading in which it acts (（三）省厅部署开展…),
else the author body (``DocumentMeta.author``): these documents mostly
narrate what the author did. Without an author, a relation with no stated
subject is not made. Self-references are resolved by :mod:`kg.extract.selfref`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.clauses import Clause, enum_marker_end, split_clauses
from kg.extract.selfref import find_self_references, self_mention
from kg.extract.spans import SectionIndex, SpanSet
from kg.extract.triggers import TextTriggers, TriggerHit, TriggerLexicon, load_triggers
from kg.model import Evidence, Mention, RelationMention, StructuredDocument

SUBJECT_LABELS: dict[str, tuple[str, ...]] = {
    "CONDUCTS": ("AGENCY", "ORGANIZATION"),
    "ISSUES": ("AGENCY",),
    "COOPERATES_WITH": ("AGENCY",),
}
PARTNER_LABELS: tuple[str, ...] = ("AGENCY", "ORGANIZATION")

#: what may stand before a clause subject: time and place adverbials, 由 (agent marker)
_SUBJECT_PREFIX = re.compile(
    r"(?:\s|目前|当前|现阶段|同时|此外|另外|其中|今年|去年|明年|前年|当年|全年|上半年|下半年|年初|年中|年底|年内|"
    r"近年来|近年|近期|近日|日前|今后|下一步|下步|随后|之后|最终|"
    r"截至(?:目前|今年)?(?:\d+年)?(?:\d+(?:-\d+)?月)?(?:底|初|中旬|末)?(?:\d+日)?|"
    r"\d+年(?:\d+(?:-\d+)?月)?(?:\d+日)?(?:以来|上半年|下半年|初|底|末|前|后)?|\d+(?:-\d+)?月(?:份|底|初)?(?:以来)?|"
    r"[一二三四]季度|春节|节后|节前|期间|以来|"
    r"我市|全市|本市|我省|全省|我区|全区|我县|全县|我州|全州|由)*"
)
#: the longest stretch read as adverbials before a subject (the longest of the samples has 10
#: characters): the pattern's words overlap (2023年以来, 以来), so a long stretch that fails costs
#: time exponential in its length
MAX_SUBJECT_PREFIX = 24
#: coordination between list items
_COORD = re.compile(r"(?:[、和及与并]|以及|或|等)+")
#: verb complements and particles allowed right after a trigger (开展了, 开展好)
_COMPLEMENT = re.compile(r"^[了好过起]{0,2}")
#: a clause that continues the list of the clause before (…培训3次，含“A”、“B”)
_INTRODUCER = re.compile(r"(?:含|包含|包括|其中包括|主要包括|主要有|如|即|分别为|分别是)[:]?")
#: quotes and brackets, which do not count in the gap between a trigger and its object
_GAP_CHARS = "“”‘’\"'「」『』《》()（）"
#: between coordinated subjects (A、B和C联合…); 与/同 introduce a partner instead
_SUBJECT_COORD = re.compile(r"[、和及]|以及")
#: a negation right before a trigger (未开展, 没有落实); 不断 is not one
_NEGATION = re.compile(r"(?:未|没|没有|尚未|并未|从未|不再|不予|不)$")
#: between a campaign that opens its clause and a verb after it (专项整治工作深入开展)
_POST_LINK = re.compile(r"(?:工作|活动)?(?:已经|已|正在|均|都|全面|深入|扎实|有序|稳步|持续|顺利|正式|积极|广泛|大力|逐步|不断|得到|有效)*")
#: 在 X 中 / 在 X 期间: the subject is carrying out X
_DURING = re.compile(r"(?:的)?(?:工作)?(?:中|期间|过程中|之际)")
#: before a regulation, words that mean it is applied rather than issued
_APPLIES = ("按照", "根据", "依据", "对照", "落实", "贯彻", "执行", "遵照", "参照", "依照", "对标", "学习", "按")


@dataclass(slots=True)
class RelationSettings:
    """Tunable limits of the rules.

    Attributes
    ----------
    max_gap : int
        Characters allowed between a trigger and its object once quotes,
        coordinated items and verb complements are removed (开展了第七届“X”).
    max_post_gap : int
        Characters between a regulation and a nominalised trigger after it.
    max_partner_tail : int
        Characters between a 与/同 partner list and the joint word.
    use_section_subject : bool
        Let the subject of a section heading govern its body.
    """

    max_gap: int = 8
    max_post_gap: int = 3
    max_partner_tail: int = 14
    use_section_subject: bool = True


@dataclass(slots=True)
class RelationResult:
    """Output of :func:`extract_relations`.

    ``mentions`` is the input mention list with self-references marked
    (replaced in place) and new self-reference or author mentions appended.
    """

    relations: list[RelationMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    added: list[Mention] = field(default_factory=list)


class _Index:
    """Mentions of one document sorted by start, with span look-ups."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.items]
        self.spans = sorted((m.start, m.end) for m in mentions)
        self.span_ends = [e for _, e in self.spans]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside some mention."""
        i = bisect.bisect_right(self.spans, (start, float("inf")))
        # the spans before i start at or before ``start``
        return i > 0 and max(self.span_ends[max(0, i - 50):i]) >= end


def _subject_prefix(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` may stand before a clause subject: time and place adverbials, 由."""
    end = max(start, end)  # as the slice: empty when the end comes first
    return end - start <= MAX_SUBJECT_PREFIX and _SUBJECT_PREFIX.fullmatch(norm, start, end) is not None


def _starting_in(hits: list[TriggerHit], start: int, end: int) -> list[TriggerHit]:
    """The hits (by start) that start in ``[start, end)``."""
    lo = bisect.bisect_left(hits, start, key=lambda h: h.start)
    return hits[lo:bisect.bisect_left(hits, end, lo, key=lambda h: h.start)]


def _inside(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (mentions or trigger hits, by start; ``starts`` their starts) that lie in ``[start, end)``."""
    return [x for x in items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if x.end <= end]


class RelationExtractor:
    """Rule-based relation extraction over one structured document.

    Parameters
    ----------
    triggers : TriggerLexicon, optional
        Trigger words; defaults to the shipped ``relation_triggers.tsv``.
    settings : RelationSettings, optional
    """

    def __init__(self, triggers: TriggerLexicon | None = None, settings: RelationSettings | None = None) -> None:
        self.triggers = triggers if triggers is not None else load_triggers()
        self.settings = settings or RelationSettings()

    # ------------------------------------------------------------------ public
    def extract(self, sdoc: StructuredDocument, mentions: list[Mention], author: str | None = None) -> RelationResult:
        """Find relations among ``mentions`` of ``sdoc``.

        Parameters
        ----------
        sdoc : StructuredDocument
        mentions : list of Mention
            Entity mentions of the document (offsets into its text).
        author : str, optional
            The author body; defaults to ``sdoc.meta.author``.

        Returns
        -------
        RelationResult
        """
        author = author if author is not None else sdoc.meta.author
        norm = sdoc.source.norm
        mentions, added = self._self_references(sdoc, list(mentions), author)
        index = _Index(mentions)
        doc_state = _DocState(sdoc, author, mentions, added)
        relations: list[RelationMention] = []
        seen: set[tuple] = set()
        found = self.triggers.in_text(norm)
        section_subjects = self._section_subjects(sdoc, index, found) if self.settings.use_section_subject else {}
        sections = SectionIndex(sdoc)
        for sent in sdoc.sentences:
            sent_mentions = index.within(sent.start, sent.end)
            if not sent_mentions:
                continue  # every rule needs a mention in the sentence
            clauses = split_clauses(norm, sent.start, sent.end, [(m.start, m.end) for m in sent_mentions])
            hits = self._hits(norm, sent.start, sent.end, index, found)
            m_starts, h_starts = [m.start for m in sent_mentions], [h.start for h in hits]
            carried: list[Mention] = []
            context = self._context_subject(sections, sent.start, section_subjects)
            for ci, clause in enumerate(clauses):
                in_clause = _inside(sent_mentions, m_starts, clause.start, clause.end)
                if not in_clause:
                    continue  # every rule needs a mention in the clause
                subj = self._clause_subjects(norm, clause, in_clause)
                chits = _inside(hits, h_starts, clause.start, clause.end)
                prev = clauses[ci - 1] if ci else None
                prev_hits = _inside(hits, h_starts, prev.start, prev.end) if prev else []
                next_clause = clauses[ci + 1] if ci + 1 < len(clauses) else None

                def subject_for(pos: int, _subj=subj, _carried=carried, _ctx=context) -> list[Mention]:
                    if _subj and _subj[0].end <= pos:
                        return [m for m in _subj if m.end <= pos]
                    if _carried or _ctx:
                        return _carried or _ctx
                    author = doc_state.author_mention(pos)
                    return [author] if author is not None else []

                for rel in self._conducts(norm, clause, in_clause, chits, prev_hits, subject_for):
                    self._add(relations, seen, sdoc, rel)
                for rel in self._issues(norm, clause, in_clause, chits, subject_for):
                    self._add(relations, seen, sdoc, rel)
                for rel in self._cooperates(norm, clause, in_clause, chits, next_clause, hits, subject_for):
                    self._add(relations, seen, sdoc, rel)
                for rel in self._co_subjects(norm, clause, subj, hits):
                    self._add(relations, seen, sdoc, rel)
                if subj:
                    carried = subj
        return RelationResult(relations, doc_state.mentions, doc_state.added)

    # -------------------------------------------------------- self-references
    def _self_references(
        self, sdoc: StructuredDocument, mentions: list[Mention], author: str | None
    ) -> tuple[list[Mention], list[Mention]]:
        if not author:
            return mentions, []
        added: list[Mention] = []
        by_span = {(m.start, m.end): i for i, m in enumerate(mentions) if m.label == "AGENCY"}
        spans = sorted((m.start, m.end) for m in mentions)
        for ref in find_self_references(sdoc.source.norm, author):
            i = by_span.get((ref.start, ref.end))
            if i is not None:
                m = mentions[i]
                # a pronoun-like form the entity rules tagged (支队, 我局): it is the author
                if ref.kind == "pronoun" and (m.name != (ref.name or author) or not m.self_ref):
                    mentions[i] = replace(m, name=ref.name or author, self_ref=True, rule=m.rule or f"selfref:{ref.kind}")
                continue
            j = bisect.bisect_left(spans, (ref.end, -1))
            if any(s < ref.end and ref.start < e for s, e in spans[max(0, j - 50):j + 1]):
                continue
            added.append(self_mention(sdoc, ref, author))
        return mentions + added, added

    # ------------------------------------------------------------ subjects
    def _clause_subjects(self, norm: str, clause: Clause, in_clause: list[Mention]) -> list[Mention]:
        """AGENCY/ORGANIZATION mentions opening the clause (after adverbials), with those coordinated to them.

        ``A、B和C联合…``: all three are subjects. A partner after 与/同 is not.
        """
        begin = enum_marker_end(norm, clause)
        first = next((m for m in in_clause if m.label in PARTNER_LABELS and m.start >= begin), None)
        if first is None or not _subject_prefix(norm, begin, first.start):
            return []
        subjects = [first]
        by_start = {m.start: m for m in in_clause if m.label in PARTNER_LABELS}
        while True:
            sep = _SUBJECT_COORD.match(norm, subjects[-1].end)
            nxt = by_start.get(sep.end()) if sep else None
            if nxt is None:
                break
            subjects.append(nxt)
        if norm[subjects[-1].end:subjects[-1].end + 1] in ("的", "之"):
            return []
        return subjects

    def _co_subjects(self, norm: str, clause: Clause, subjects: list[Mention], hits: list[TriggerHit]):
        """A、B 联合/共同…: the first coordinated subject cooperates with the others."""
        if len(subjects) < 2 or subjects[0].label not in SUBJECT_LABELS["COOPERATES_WITH"]:
            return
        after = subjects[-1].end
        joint = [h for h in _starting_in(hits, after, min(clause.end, after + self.settings.max_partner_tail))
                 if h.rel == "COOPERATES_WITH" and h.frame in ("joint", "partner")]
        if not joint:
            return
        for other in subjects[1:]:
            if other.name != subjects[0].name:
                yield ("COOPERATES_WITH", subjects[0], other, joint[0])

    def _section_subjects(self, sdoc: StructuredDocument, index: _Index,
                          found: TextTriggers) -> dict[str, list[Mention]]:
        """Subject of a heading that makes it the agent of a trigger (（三）省厅部署开展…), by section id.

        A heading that only names a body (（一）市委高度重视…) does not govern its body.
        """
        out: dict[str, list[Mention]] = {}
        norm = sdoc.source.norm
        for sec in sdoc.sections:
            in_title = index.within(sec.title_start, sec.title_end)
            for clause in split_clauses(norm, sec.title_start, sec.title_end, [(m.start, m.end) for m in in_title])[:1]:
                subj = self._clause_subjects(norm, clause, [m for m in in_title if m.end <= clause.end])
                if subj and any(h.frame in ("pre", "partner") and h.start >= subj[-1].end
                                for h in self._hits(norm, clause.start, clause.end, index, found)):
                    out[sec.id] = subj
        return out

    @staticmethod
    def _context_subject(sections: SectionIndex, pos: int, section_subjects: dict[str, list[Mention]]) -> list[Mention]:
        if not section_subjects:
            return []
        sec = sections.at(pos)
        while sec is not None:
            subj = section_subjects.get(sec.id)
            if subj and subj[0].start < pos:
                return subj
            sec = sections.by_id.get(sec.parent) if sec.parent else None
        return []

    # ------------------------------------------------------------ triggers
    def _hits(self, norm: str, start: int, end: int, index: _Index, found: TextTriggers) -> list[TriggerHit]:
        """Trigger occurrences in ``[start, end)``, minus those inside mentions or blocked words."""
        blocked: list[tuple[int, int]] = []
        hits: list[TriggerHit] = []
        for (rel, frame) in list(self.triggers.words):
            got = found.find(rel, frame, start, end)
            if frame == "block":
                blocked += [(h.start, h.end) for h in got]
            else:
                hits += got
        blocked_spans = SpanSet(blocked)
        # a hit inside a longer hit is not a word of its own (与 in 参与): one that starts before it
        # and reaches its end, or one that starts with it and ends after it
        before = SpanSet((h.start + 1, h.end) for h in hits)
        longest_at: dict[int, int] = {}
        for h in hits:
            longest_at[h.start] = max(longest_at.get(h.start, h.end), h.end)
        return sorted(
            (h for h in hits
             if not index.covers(h.start, h.end)
             and not (h.frame == "pre" and _NEGATION.search(norm, max(start, h.start - 2), h.start))
             and not blocked_spans.covers(h.start, h.end)
             and not before.covers(h.start, h.end) and longest_at[h.start] <= h.end),
            key=lambda h: (h.start, -h.end),
        )

    def _gap_ok(self, norm: str, start: int, end: int, same: list[Mention], limit: int) -> bool:
        """Whether ``norm[start:end]`` may separate a trigger from its object.

        Coordinated items (``same``: mentions of the object's label), quotes,
        list punctuation and verb complements do not count towards ``limit``.
        """
        if end < start:
            return False
        parts, cur = [], start
        for m in same:
            if m.start >= start and m.end <= end:
                parts.append(norm[cur:m.start])
                cur = m.end
        parts.append(norm[cur:end])
        rest = 0
        for i, p in enumerate(parts):
            p = "".join(ch for ch in p if ch not in _GAP_CHARS)
            if any(ch in ",;:。!?" for ch in p):
                return False
            if i == 0:
                p = _COMPLEMENT.sub("", p, count=1)
            rest += len(_COORD.sub("", p.strip()))
        return rest <= limit

    def _governing(
        self, norm: str, clause: Clause, target: Mention, pool: list[TriggerHit], same: list[Mention],
        prev_hits: list[TriggerHit] | None = None,
    ) -> TriggerHit | None:
        """The nearest trigger before ``target`` in its clause that governs it."""
        for h in sorted((h for h in pool if h.end <= target.start), key=lambda h: -h.end):
            if self._gap_ok(norm, h.end, target.start, same, self.settings.max_gap):
                return h
            break
        if prev_hits:
            begin = enum_marker_end(norm, clause)
            intro = _INTRODUCER.match(norm, begin, target.start)
            if intro and self._gap_ok(norm, intro.end(), target.start, same, 0):
                return prev_hits[-1]
        return None

    # ------------------------------------------------------------ relations
    def _conducts(self, norm, clause, in_clause, chits, prev_hits, subject_for):
        campaigns = [m for m in in_clause if m.label == "CAMPAIGN"]
        if not campaigns:
            return
        pool = [h for h in chits if h.rel == "CONDUCTS" and h.frame == "pre"]
        post = [h for h in chits if h.rel == "CONDUCTS" and h.frame == "post"]
        prev_pool = [h for h in prev_hits if h.rel == "CONDUCTS" and h.frame == "pre"]
        begin = enum_marker_end(norm, clause)
        for i, camp in enumerate(campaigns):
            hit = self._governing(norm, clause, camp, pool, campaigns, prev_pool)
            agent = self._attributive_agent(norm, hit, pool, in_clause) if hit is not None else None
            if agent is not None:
                # 省厅组织的 X: the agency carries X out; 参加省厅组织的 X: and so does the subject of 参加
                if agent.label in SUBJECT_LABELS["CONDUCTS"]:
                    yield ("CONDUCTS", agent, camp, hit)
                outer = [h for h in pool if h.end <= agent.start]
                hit = self._governing(norm, clause, camp, outer, campaigns + [agent])
                if hit is None:
                    continue
            if hit is None:
                hit = self._during(norm, camp)
            if hit is None and post:
                hit = self._post_verb(norm, begin, camp, campaigns[: i + 1], campaigns[i:], post, in_clause)
            if hit is None:
                continue
            for head in subject_for(min(hit.start, camp.start)):
                if head.label in SUBJECT_LABELS["CONDUCTS"]:
                    yield ("CONDUCTS", head, camp, hit)

    @staticmethod
    def _attributive_agent(norm: str, hit: TriggerHit, pool: list[TriggerHit], in_clause: list[Mention]) -> Mention | None:
        """The mention right before a verb used as an attribute (省厅组织开展的 X), if any."""
        if norm[hit.end:hit.end + 1] != "的":
            return None
        start = hit.start
        while True:  # 组织开展的: step back over adjacent triggers
            before = next((h for h in pool if h.end == start), None)
            if before is None:
                break
            start = before.start
        return next((m for m in in_clause if m.end == start and m.label in PARTNER_LABELS), None)

    def _during(self, norm: str, camp: Mention) -> TriggerHit | None:
        """在 X 中 / 在 X 期间: X is being carried out."""
        if camp.start == 0 or norm[camp.start - 1] != "在":
            return None
        m = _DURING.match(norm, camp.end)
        if m is None:
            return None
        word = "在…" + re.sub(r"^的?(?:工作)?", "", m.group())
        return TriggerHit("CONDUCTS", word, "during", camp.start - 1, m.end())

    def _post_verb(self, norm, begin, camp, upto, rest, post, in_clause) -> TriggerHit | None:
        """X（工作）深入开展: a campaign (or a list of them) opening its clause, a verb after it."""
        if not _subject_prefix(norm, begin, upto[0].start):
            return None
        if not self._gap_ok(norm, upto[0].start, camp.start, upto, 0):
            return None
        j = 0  # the end of the coordinated list the campaign is in
        while j + 1 < len(rest) and self._gap_ok(norm, rest[j].end, rest[j + 1].start, [], 0):
            j += 1
        last = rest[j]
        for h in post:
            if h.start < last.end:
                continue
            link = norm[last.end:h.start]
            if _POST_LINK.fullmatch(link) and not any(last.end <= m.start < h.start for m in in_clause):
                return h
            break
        return None

    def _issues(self, norm, clause, in_clause, chits, subject_for):
        regs = [m for m in in_clause if m.label == "REGULATION"]
        if not regs:
            return
        pre = [h for h in chits if h.rel == "ISSUES" and h.frame == "pre"]
        post = [h for h in chits if h.rel == "ISSUES" and h.frame == "post"]
        for reg in regs:
            before = [m for m in in_clause if m.end <= reg.start and m.label == "AGENCY"]
            # 交通运输部《…》 / 省厅印发的《…》: the agency right before the title issued it
            if before:
                agency = before[-1]
                link = norm[agency.end:reg.start]
                words = "|".join(re.escape(w) for w in self.triggers.get("ISSUES", "pre"))
                if re.fullmatch(rf"(?:(?:{words})了?)?的?", link):
                    trig = re.match(rf"(?:{words})", link)
                    yield ("ISSUES", agency, reg, TriggerHit("ISSUES", trig.group() if trig else "", "attr",
                                                               agency.end, reg.start))
                    continue
            hit = self._governing(norm, clause, reg, pre, regs)
            if hit is None:
                after = [h for h in post if h.start >= reg.end and h.start - reg.end <= self.settings.max_post_gap
                         and re.fullmatch(r"的?", norm[reg.end:h.start])]
                lead = norm[max(clause.start, reg.start - 4):reg.start]
                if after and not any(w in lead for w in _APPLIES):
                    hit = after[0]
            if hit is None:
                continue
            for head in subject_for(min(hit.start, reg.start)):
                if head.label in SUBJECT_LABELS["ISSUES"]:
                    yield ("ISSUES", head, reg, hit)

    def _partners(self, norm: str, pos: int, in_scope: list[Mention]) -> list[Mention]:
        """A list of AGENCY/ORGANIZATION mentions starting at ``pos`` (A、B 和 C)."""
        out: list[Mention] = []
        by_start = {m.start: m for m in in_scope if m.label in PARTNER_LABELS}
        cur = pos
        while True:
            m = by_start.get(cur)
            if m is None:
                break
            out.append(m)
            sep = _COORD.match(norm, m.end)
            if sep is None or norm[m.end:sep.end()].endswith("等"):
                break
            cur = sep.end()
        return out

    def _cooperates(self, norm, clause, in_clause, chits, next_clause, sent_hits, subject_for):
        for h in chits:
            if h.rel != "COOPERATES_WITH" or h.frame not in ("partner", "prep"):
                continue
            start = h.end + (1 if norm[h.end:h.end + 1] == "了" else 0)
            partners = self._partners(norm, start, in_clause)
            if not partners:
                continue
            if h.frame == "prep":
                tail_end = partners[-1].end
                scope_end = clause.end
                if next_clause is not None and not norm[tail_end:clause.end].strip("等相关部门单位 "):
                    scope_end = next_clause.end
                window = _starting_in(sent_hits, tail_end, min(scope_end, tail_end + self.settings.max_partner_tail + 2))
                joint = [j for j in window if j.rel == "COOPERATES_WITH" and j.frame in ("joint", "partner")]
                if not joint:
                    continue
                before = [m for m in in_clause if m.end == h.start]
                if before:  # A 与 B 联合…: A is the subject
                    heads = before[:1]
                else:
                    heads = subject_for(h.start)
                trigger = TriggerHit(h.rel, f"{h.word}…{joint[0].word}", h.frame, h.start, joint[0].end)
            else:
                heads = subject_for(h.start)
                trigger = h
            for head in heads:
                if head.label not in SUBJECT_LABELS["COOPERATES_WITH"]:
                    continue
                for p in partners:
                    if p.name != head.name:
                        yield ("COOPERATES_WITH", head, p, trigger)

    # --------------------------------------------------------------- output
    @staticmethod
    def _add(relations: list[RelationMention], seen: set, sdoc: StructuredDocument, found: tuple) -> None:
        rel, head, tail, hit = found
        key = (rel, head.key, tail.key)
        if key in seen:
            return
        seen.add(key)
        relations.append(RelationMention(sdoc.name, rel, head, tail, _evidence(sdoc, head, tail, hit), hit.word))


class _DocState:
    """Per-document state: the mention list and the author mention for implicit subjects."""

    def __init__(self, sdoc: StructuredDocument, author: str | None, mentions: list[Mention], added: list[Mention]):
        self.sdoc = sdoc
        self.author = author
        self.mentions = mentions
        self.added = added
        self._author_mentions: list[Mention] | None = None

    def author_mention(self, pos: int) -> Mention | None:
        """A mention of the author near ``pos``: the nearest before it, else the first after it."""
        if not self.author:
            return None
        if self._author_mentions is None:
            target = self.author
            cands = [m for m in self.mentions if m.label == "AGENCY" and (m.name == target or m.text == target)]
            if not cands:
                made = self._locate_author()
                cands = [made] if made else []
            self._author_mentions = sorted(cands, key=lambda m: m.start)
        cands = self._author_mentions
        if not cands:
            return None
        i = bisect.bisect_right(cands, pos, key=lambda m: m.start) - 1
        return cands[i] if i >= 0 else cands[0]

    def _locate_author(self) -> Mention | None:
        """A mention of the author's name where the text writes it, if nothing else names it."""
        spans = SpanSet((m.start, m.end) for m in self.mentions)
        text = self.sdoc.source.text
        at = text.find(self.author)
        while at >= 0:
            end = at + len(self.author)
            if not spans.overlaps(at, end):
                m = Mention(self.sdoc.name, "AGENCY", self.author, at, end, self.author,
                            self.sdoc.evidence(at, end), rule="author")
                self.mentions.append(m)
                self.added.append(m)
                return m
            at = text.find(self.author, at + 1)
        return None


def _evidence(sdoc: StructuredDocument, head: Mention, tail: Mention, hit: TriggerHit) -> Evidence:
    """Evidence covering both ends when they share a sentence, else the trigger and the tail."""
    hs, ts = sdoc.sentence_at(head.start), sdoc.sentence_at(tail.start)
    if hs is not None and hs is ts:
        return sdoc.evidence(min(head.start, tail.start, hit.start), max(head.end, tail.end, hit.end))
    return sdoc.evidence(min(hit.start, tail.start), max(hit.end, tail.end))


def extract_relations(
    sdoc: StructuredDocument, mentions: list[Mention], triggers: TriggerLexicon | None = None,
    author: str | None = None, settings: RelationSettings | None = None,
) -> RelationResult:
    """Find CONDUCTS, ISSUES and COOPERATES_WITH relations in one document.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        Entity mentions (from ``kg_entities``).
    triggers : TriggerLexicon, optional
        Defaults to the shipped trigger list.
    author : str, optional
        Author body; defaults to ``sdoc.meta.author``.
    settings : RelationSettings, optional

    Returns
    -------
    RelationResult
        Relations, and the mention list with self-references resolved.
    """
    return RelationExtractor(triggers, settings).extract(sdoc, mentions, author)


class RelationComponent:
    """The ``kg_relations`` pipeline component."""

    def __init__(self, extractor: RelationExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        if sdoc is None:
            return doc
        mentions = doc._.kg_mentions if doc._.kg_mentions is not None else []
        result = self.extractor.extract(sdoc, mentions)
        mentions[:] = result.mentions
        doc._.kg_mentions = mentions
        if doc._.kg_relations is None:
            doc._.kg_relations = []
        doc._.kg_relations.extend(result.relations)
        return doc


@Language.factory("kg_relations")
def make_kg_relations(nlp: Language, name: str) -> RelationComponent:
    """spaCy factory for :class:`RelationComponent` with the shipped trigger list."""
    return RelationComponent(RelationExtractor())
