"""Relations between entity mentions: CONDUCTS, ISSUES, COOPERATES_WITH.

The ``kg_relations`` component (:mod:`kg.extract.relation_component`) runs after ``kg_entities`` and ``kg_metrics``.
It reads ``doc._.kg_mentions``, resolves self-references (我局, 我们, 支队 in
a 支队's report) to the author body, and appends
:class:`kg.model.RelationMention` records to ``doc._.kg_relations``.

Frames (trigger words in ``data/lexicon/relation_triggers.tsv``):

CONDUCTS         subject + 开展/推进/深化... + CAMPAIGN (a coordinated list
                 counts: 开展 A、B 和 C; a list introduced by 含/包括 takes the
                 verb of the clause before; not a campaign that only modifies
                 a goal: 围绕 X 建设目标); A 与 B 共同/合作推进 X (B too); the
                 frames of :mod:`kg.extract.conducts` (X 深入开展, 按照 A X 部署,
                 省厅组织的 X, X 由 A 牵头实施) and of
                 :mod:`kg.extract.campaign_frames` (在 X 中, X当天, 以 X 为契机,
                 把 X 作为…). A negated
                 verb (未开展) states nothing. The lead bodies of a work-plan task
                 (牵头单位：X) carry out its campaigns (:mod:`kg.extract.duties`).
ISSUES           (:mod:`kg.extract.issues`) subject + 印发/制定/出台... + REGULATION, and the titles
                 coordinated with it or listed after 包括 (not 新修订的《X》);
                 《X》修编工作 (not after 按照/落实...); 《X》由 A 印发; A 联合 B
                 印发《X》 and A 会同 B (联合)印发/制定《X》 (B too; not 会同 B 编制);
                 A 与 B 联合制定的《X》 and A、B 印发的《X》 (both);
                 配合 B 修订《X》 (B; :mod:`kg.extract.partners`); AGENCY《X》
                 (交通运输部《…办法》, 根据市局《…》要求) and 省厅印发的《X》.
COOPERATES_WITH  (:mod:`kg.extract.cooperates`) subject + 会同/联合/配合 + partners; subject + 与/同 +
                 partners + 联合/建立/共同...; coordinated subjects A、B 联合…: A with B; 在 B 的配合下，A…:
                 A with B; the first issuer of a joint document with the others (:mod:`kg.extract.joint_issuers`).

Who the subject of a verb is, when its clause names no one, is decided by
:mod:`kg.extract.subjects` (earlier clauses, the paragraph's speaker, a
section heading, the author body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import campaign_frames, conduct_titles, conducts
from kg.extract.anaphora import campaign_anaphora
from kg.extract.clauses import Clause, enum_marker_end, split_clauses
from kg.extract.duties import duty_relations
from kg.extract.heading_topics import heading_topics
from kg.extract.issues import issues_in_clause, notice_campaigns
from kg.extract.joint_issuers import joint_issuers
from kg.extract.cooperates import LEADS, co_subjects, cooperates
from kg.extract.partners import COORD as _COORD, partners_at
from kg.extract.selfref import resolve_self_references
from kg.extract.spans import MentionIndex, SpanSet, inside
from kg.extract.subjects import Subjects, heading_subjects, section_subject
from kg.extract.triggers import TextTriggers, TriggerHit, TriggerLexicon, load_triggers
from kg.lexicon import Lexicon, default_lexicon
from kg.model import Evidence, Mention, RelationMention, StructuredDocument
from kg.structure.author import narrator

SUBJECT_LABELS: dict[str, tuple[str, ...]] = {
    "CONDUCTS": ("AGENCY", "ORGANIZATION"),
    "ISSUES": ("AGENCY",),
    "COOPERATES_WITH": LEADS,
}

#: verb complements and particles allowed right after a trigger (开展了, 开展好)
_COMPLEMENT = re.compile(r"^[了好过起]{0,2}")
#: a clause that continues the list of the clause before (…培训3次，含“A”、“B”)
_INTRODUCER = re.compile(r"(?:含|包含|包括|其中包括|主要包括|主要有|如|即|分别为|分别是)[:]?")
#: quotes and brackets, which do not count in the gap between a trigger and its object
_GAP_CHARS = "“”‘’\"'「」『』《》()（）"
#: words between a verb and its object that say which one it is: a year, a theme, a session, a duration
_NAMING = re.compile(r"以[“\"][^”\"]{1,40}[”\"]为主题的?|主题为[“\"][^”\"]{1,40}[”\"]的|(?:20\d\d|二〇[〇一二三四五六七八九]{2})年度?"
                     r"|第[\d一二三四五六七八九十]+[届期批]|为期[\dXx一二三四五六七八九十两半]+个?(?:天|周|月|年)的")
#: a negation right before a trigger (未开展, 没有落实); 不断 is not one
_NEGATION = re.compile(r"(?:未|没|没有|尚未|并未|从未|不再|不予|不)$")


@dataclass(slots=True)
class RelationSettings:
    """Tunable limits of the rules.

    Attributes
    ----------
    max_gap : int
        Characters allowed between a trigger and its object once quotes,
        coordinated items and verb complements are removed (开展了第七届“X”).
    quoted_prefix : int
        Characters a quoted campaign's descriptive prefix may add to ``max_gap``
        (开展为期一个月的共享单车停放秩序“净街行动”); not a regulation's (印发通知要求执行“十不准”规定).
    max_post_gap : int
        Characters between a regulation and a trigger after it (what may stand there: ``kg.extract.issues``).
    max_partner_tail : int
        Characters between a 与/同 partner list and the joint word.
    use_section_subject : bool
        Let the subject of a section heading govern its body.
    """

    max_gap: int = 8
    quoted_prefix: int = 6
    max_post_gap: int = 14
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


class RelationExtractor:
    """Rule-based relation extraction over one structured document.

    Parameters
    ----------
    triggers : TriggerLexicon, optional
        Trigger words; defaults to the shipped ``relation_triggers.tsv``.
    settings : RelationSettings, optional
    lexicon : Lexicon, optional
        The dictionaries the entities were found with (shipped plus ``--lexicon`` files); the shipped
        ones alone by default. Partner lists and plan titles read their head nouns and places.
    """

    def __init__(self, triggers: TriggerLexicon | None = None, settings: RelationSettings | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.triggers = triggers if triggers is not None else load_triggers()
        self.settings = settings or RelationSettings()
        self.lexicon = lexicon if lexicon is not None else default_lexicon()

    # ------------------------------------------------------------------ public
    def extract(self, sdoc: StructuredDocument, mentions: list[Mention], author: str | None = None) -> RelationResult:
        """Find relations among ``mentions`` of ``sdoc``.

        Parameters
        ----------
        sdoc : StructuredDocument
        mentions : list of Mention
            Entity mentions of the document (offsets into its text).
        author : str, optional
            The author body; defaults to ``sdoc.meta.author`` when the text speaks for it
            (:func:`kg.structure.author.narrator`: not the visiting body of the news of a visit).

        Returns
        -------
        RelationResult
        """
        norm = sdoc.source.norm
        author = author if author is not None else narrator(sdoc)
        mentions, added = resolve_self_references(sdoc, list(mentions), author)
        referred = campaign_anaphora(sdoc, mentions)
        mentions, added = mentions + referred, added + referred
        index = MentionIndex(mentions)
        relations: list[RelationMention] = []
        seen: set[tuple] = set()
        found = self.triggers.in_text(norm)
        headings: dict[str, list[Mention]] = {}
        if self.settings.use_section_subject:
            headings = heading_subjects(sdoc, index.within, lambda a, b, after: any(
                h.frame in ("pre", "partner") and h.start >= after for h in self._hits(norm, a, b, index, found)))
        subjects = Subjects(sdoc, author, mentions, added, section_subject(sdoc, headings))
        campaigns: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.label == "CAMPAIGN":
                campaigns.setdefault(m.name, []).append(m)
        for sent in sdoc.sentences:
            sent_mentions = index.within(sent.start, sent.end)
            if not sent_mentions:
                continue  # every rule needs a mention in the sentence
            subjects.start_sentence(norm, sent, sent_mentions, go_on=True)
            clauses = split_clauses(norm, sent.start, sent.end, [(m.start, m.end) for m in sent_mentions])
            hits = self._hits(norm, sent.start, sent.end, index, found)
            first = len(relations)
            m_starts, h_starts = [m.start for m in sent_mentions], [h.start for h in hits]
            for ci, clause in enumerate(clauses):
                in_clause = inside(sent_mentions, m_starts, clause.start, clause.end)
                if not in_clause:  # every rule needs a mention in the clause
                    if parties := subjects.subjects_of(norm, clause, []):
                        subjects.end_clause(parties)  # 双方将以此为契机，联合开展 X: the parties go on
                    elif subjects.generic_subject(norm, clause, []) is not None:
                        subjects.end_clause([], subjects.pending, generic=True)
                    continue
                subj = subjects.subjects_of(norm, clause, in_clause)
                chits = inside(hits, h_starts, clause.start, clause.end)
                prev = clauses[ci - 1] if ci else None
                prev_hits = inside(hits, h_starts, prev.start, prev.end) if prev else []
                next_clause = clauses[ci + 1] if ci + 1 < len(clauses) else None
                subject_for = subjects.resolver(norm, clause, in_clause, subj)

                def ahead(_next=next_clause) -> list[Mention]:
                    """The subjects opening the next clause of the sentence."""
                    if _next is None:
                        return []
                    return subjects.subjects_of(norm, _next, inside(sent_mentions, m_starts, _next.start, _next.end))

                for rel in self._conducts(norm, clause, in_clause, chits, prev_hits, subject_for, ahead):
                    self._add(relations, seen, sdoc, rel)
                for rel in issues_in_clause(norm, clause, in_clause, chits, prev_hits, subject_for, self._governing,
                                            self.triggers.get("ISSUES", "pre"), self.settings.max_post_gap,
                                            self.lexicon):
                    self._add(relations, seen, sdoc, rel)
                    if rel[3].frame != "attr":  # 印发《关于开展 X 的通知》: the issuer carries X out
                        for camp in notice_campaigns(rel[2], campaigns):
                            self._add(relations, seen, sdoc, ("CONDUCTS", rel[1], camp, rel[3]))
                for rel in cooperates(norm, clause, in_clause, chits, next_clause, hits, subject_for, subjects.own,
                                      ahead, author, self.settings.max_partner_tail, self.lexicon):
                    self._add(relations, seen, sdoc, rel)
                for rel in co_subjects(norm, clause, subj, hits, in_clause, self.settings.max_partner_tail,
                                       self.lexicon):
                    self._add(relations, seen, sdoc, rel)
                subjects.note_parties(norm, relations[first:])
                verbs = [h for h in chits if h.frame == "pre" and h.rel in ("CONDUCTS", "ISSUES")]
                generic = not subj and subjects.generic_subject(norm, clause, in_clause) is not None
                subjects.end_clause(subj, subjects.pending_agents(norm, clause, in_clause, verbs), generic)
            # a news item (no sections) is about the first campaign it carries out
            topic = None if sdoc.sections else next((r.tail for r in relations if r.rel == "CONDUCTS"), None)
            for rel in conducts.sentence_agents(norm, sent.start, clauses, sent_mentions, relations[first:],
                                                subjects.own, SUBJECT_LABELS["CONDUCTS"], topic):
                self._add(relations, seen, sdoc, rel)
            for rel in conducts.lead_support(norm, clauses, sent_mentions, subjects.own, SUBJECT_LABELS["COOPERATES_WITH"]):
                self._add(relations, seen, sdoc, rel)
        for rel in conduct_titles.plan_title(sdoc, subjects.mentions, subjects.author_mention, SUBJECT_LABELS["CONDUCTS"],
                                                  self.lexicon):
            self._add(relations, seen, sdoc, rel)
        for rel in conduct_titles.heading_agents(sdoc, subjects.mentions, relations, SUBJECT_LABELS["CONDUCTS"]):
            self._add(relations, seen, sdoc, rel)
        for rel in heading_topics(sdoc, subjects.mentions, relations, subjects.author_mention,
                                  SUBJECT_LABELS["CONDUCTS"]):
            self._add(relations, seen, sdoc, rel)
        for rel in duty_relations(sdoc, subjects.mentions, relations):
            self._add(relations, seen, sdoc, rel)
        for rel in joint_issuers(sdoc, subjects.mentions):
            self._add(relations, seen, sdoc, rel)
        return RelationResult(relations, subjects.mentions, subjects.added)

    # ------------------------------------------------------------ triggers
    def _hits(self, norm: str, start: int, end: int, index: MentionIndex, found: TextTriggers) -> list[TriggerHit]:
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
        list punctuation and verb complements do not count towards ``limit``,
        nor do a year, a theme, a session or a duration that name the object
        (开展以“人人讲安全”为主题的2024年“安全生产月”活动).
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
            if limit and len(p) > limit:
                p = _NAMING.sub("", p)
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
        limit = self.settings.max_gap
        if target.label == "CAMPAIGN" and norm[target.start:target.start + 1] in "“\"":
            limit += self.settings.quoted_prefix  # a quoted campaign's descriptive prefix
        for h in sorted((h for h in pool if h.end <= target.start), key=lambda h: -h.end):
            if self._gap_ok(norm, h.end, target.start, same, limit):
                return h
            break
        if prev_hits:
            begin = enum_marker_end(norm, clause)
            intro = _INTRODUCER.match(norm, begin, target.start)
            if intro and self._gap_ok(norm, intro.end(), target.start, same, 0):
                return prev_hits[-1]
        return None

    # ------------------------------------------------------------ relations
    def _conducts(self, norm, clause, in_clause, chits, prev_hits, subject_for, ahead):
        campaigns = [m for m in in_clause if m.label == "CAMPAIGN"]
        if not campaigns:
            return
        pool = [h for h in chits if h.rel == "CONDUCTS" and h.frame == "pre"]
        post = [h for h in chits if h.rel == "CONDUCTS" and h.frame == "post"]
        preps = [h for h in chits if h.rel == "COOPERATES_WITH" and h.frame in ("prep", "partner")]
        prev_pool = [h for h in prev_hits if h.rel == "CONDUCTS" and h.frame == "pre"]
        begin = enum_marker_end(norm, clause)
        for i, camp in enumerate(campaigns):
            dep = conducts.deployed(norm, clause, camp, in_clause)
            if dep is not None:  # 按照 A X 部署，B…: A deploys X, B carries it out
                hit, owners = dep
                heads = owners + (ahead() or subject_for(clause.end))
                for head in heads:
                    if head.label in SUBJECT_LABELS["CONDUCTS"]:
                        yield ("CONDUCTS", head, camp, hit)
                continue
            hit = self._governing(norm, clause, camp, pool, campaigns, prev_pool)
            if hit is not None and conducts.governs_head_noun(norm, camp):
                hit = None  # 围绕“交通强县”建设目标: the verb's object is the goal
            agents = conducts.attributive_agents(norm, hit, pool, in_clause) if hit is not None else []
            if agents:
                # 省厅组织的 X: the agency carries X out; 参加省厅组织的 X: and so does the subject of 参加
                for agent in agents:
                    if agent.label in SUBJECT_LABELS["CONDUCTS"]:
                        yield ("CONDUCTS", agent, camp, hit)
                outer = [h for h in pool if h.end <= agents[0].start]
                hit = self._governing(norm, clause, camp, outer, campaigns + agents)
                if hit is None:
                    continue
            if hit is None:
                passive = conducts.by_agent(norm, camp, pool, lambda pos: partners_at(norm, pos, in_clause, self.lexicon))
                if passive is not None:  # X 由 A 牵头组织实施
                    for head in passive[1]:
                        yield ("CONDUCTS", head, camp, passive[0])
                    continue
                hit = (campaign_frames.during(norm, clause, camp) or campaign_frames.lever(norm, camp)
                       or campaign_frames.taken_up(norm, camp) or campaign_frames.part_of(norm, clause.start, camp))
            if hit is None and post:
                hit = conducts.post_verb(norm, begin, camp, campaigns[: i + 1], campaigns[i:], post, in_clause,
                                         self._gap_ok)
            if hit is None:
                continue
            heads = subject_for(min(hit.start, camp.start))
            if hit.frame == "during" and hit.end == clause.end:  # X当天/X期间，B…: B carries X out
                heads = ahead() or heads
            if hit.frame == "pre":
                heads = heads + conducts.joint_partners(norm, hit, preps,
                                                        lambda pos: partners_at(norm, pos, in_clause, self.lexicon))
            for head in heads:
                if head.label in SUBJECT_LABELS["CONDUCTS"]:
                    yield ("CONDUCTS", head, camp, hit)

    # --------------------------------------------------------------- output
    @staticmethod
    def _add(relations: list[RelationMention], seen: set, sdoc: StructuredDocument, found: tuple) -> None:
        rel, head, tail, hit = found
        key = (rel, head.key, tail.key)
        if key in seen:
            return
        seen.add(key)
        relations.append(RelationMention(sdoc.name, rel, head, tail, _evidence(sdoc, head, tail, hit), hit.word))


def _evidence(sdoc: StructuredDocument, head: Mention, tail: Mention, hit: TriggerHit) -> Evidence:
    """Evidence covering both ends when they share a sentence, else the trigger and the tail."""
    hs, ts = sdoc.sentence_at(head.start), sdoc.sentence_at(tail.start)
    if hs is not None and hs is ts:
        return sdoc.evidence(min(head.start, tail.start, hit.start), max(head.end, tail.end, hit.end))
    return sdoc.evidence(min(hit.start, tail.start), max(hit.end, tail.end))


def extract_relations(
    sdoc: StructuredDocument, mentions: list[Mention], triggers: TriggerLexicon | None = None,
    author: str | None = None, settings: RelationSettings | None = None, lexicon: Lexicon | None = None,
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
    lexicon : Lexicon, optional
        The dictionaries the mentions were found with; the shipped ones alone by default.

    Returns
    -------
    RelationResult
        Relations, and the mention list with self-references resolved.
    """
    return RelationExtractor(triggers, settings, lexicon).extract(sdoc, mentions, author)
