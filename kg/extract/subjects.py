"""Subjects of relation frames: who carries out a verb.

The subject of a verb (:meth:`Subjects.resolver`) is, in order:

1. a body right after a pivot verb before it (督促市道路运输协会组织…开展 X: the
   协会 carries X out), or in the clause before when its verb has not come there
   (督促局党组以《条例》为重点，组织开展 X);
2. the AGENCY or ORGANIZATION mention opening the verb's clause (after time
   and place adverbials and 由), with those coordinated to it (A、B和C联合…);
3. the subject of an earlier clause of the sentence, or of the sentence
   before it when a semicolon ends that one (支队会同…开展…；联合…);
4. the speaker of the paragraph, when it opens with one (市道路运输服务中心
   负责人：我们持续深化…; 市公路发展中心通报了…: a body reporting at a meeting);
5. the subject of a section heading in which it acts (（三）省厅部署开展…);
6. the author body (``DocumentMeta.author``), the nearest mention of it.

A clause opened by a generic plural (各市交通运输局要…) or by places (常德市、郴州市
成功创建…) has those as its subject: none of 3-6 applies to it, nor to the clauses
after it in the sentence that name no one (各企业要对照…，深入开展 X), unless a body's
subject went on to it from before (A 牵头，各单位参与，…: A).

Self-references (我们, 我局) in a speaker's paragraph stand for the speaker.
Without an author, a verb none of 1-5 reaches has no subject.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from kg.extract.clauses import Clause, enum_marker_end, split_clauses
from kg.extract.selfref import TIME_WORDS
from kg.extract.spans import SpanSet
from kg.model import Mention, Sentence, StructuredDocument

PARTNER_LABELS: tuple[str, ...] = ("AGENCY", "ORGANIZATION")

#: what may stand before a clause subject: time and place adverbials, 由 (agent marker)
SUBJECT_PREFIX = re.compile(
    r"(?:\s|目前|当前|现阶段|同时|此外|另外|其中|今年|去年|明年|前年|当年|全年|上半年|下半年|年初|年中|年底|年内|"
    r"近年来|近年|近期|近日|日前|今后|下一步|下步|随后|之后|最终|"
    r"截至(?:目前|今年)?(?:\d+年)?(?:\d+(?:-\d+)?月)?(?:底|初|中旬|末)?(?:\d+日)?|"
    r"\d+年(?:\d+(?:-\d+)?月)?(?:\d+日)?(?:以来|上半年|下半年|初|底|末|前|后)?|\d+(?:-\d+)?月(?:份|底|初|\d+日)?(?:以来)?|"
    r"[一二三四]季度|春节|节后|节前|期间|以来|"
    r"我市|全市|本市|我省|全省|我区|全区|我县|全县|我州|全州|由)*"
)
#: the longest stretch read as adverbials before a subject (the longest of the samples has 10
#: characters): the pattern's words overlap (2023年以来, 以来), so a long stretch that fails costs
#: time exponential in its length
MAX_SUBJECT_PREFIX = 24
#: a short topic before 由 and its agent (此项工作由 A 牵头, 这批制度由 A 牵头起草): A is the clause's subject
_TOPIC_BY = re.compile(r"[^\s,，。;；:：、]{1,8}由")
#: between coordinated subjects (A、B和C联合…); 与/同 introduce a partner instead
SUBJECT_COORD = re.compile(r"[、和及]|以及")
#: verbs whose object carries out the verb after it: 督促 X 开展, 指导 X 组织, 支持 X 创建
_PIVOT = re.compile(r"(?:督促|指导|组织|要求|支持|鼓励|引导|推动|动员|委托)$")
#: the same verbs anywhere (they are nouns too: 根据要求, 在…指导下, 组织人员)
PIVOT_ANY = re.compile(r"督促|指导|组织|要求|支持|鼓励|引导|推动|动员|委托")
#: a plural pronoun standing for the parties of an agreement: 双方将…, 两家联合…, 三部门协同… (not 第三方)
_PARTIES = re.compile(r"(?<!第)(?:双方|两家|三方|四方|[两三四五]部门)")
#: a count of departments among them
_DEPARTMENTS = re.compile(r"([两三四五])部门")
#: a joint adverb opening a clause with no subject, after A 与 B … in its sentence: 联合推进…, 共同开展… (A and B do it)
_JOINT_OPEN = re.compile(r"(?:并|还|将)?(?:联合|共同|携手)(?=推进|推动|开展|实施|组织|举办|打造|创建|落实|深化|做好|抓好)")
#: a clause after 在A的统一部署下 (the deployer carries out what it does)
_DEPLOYED = re.compile(r"(?:部署|领导|组织|安排|指挥|调度)(?:下|之下)\s*[,，]?\s*$")
#: between places listed as a subject (常德市、郴州市和怀化市辰溪县)
_PLACE_LINK = re.compile(r"[、和及与]|以及")
#: a count closing a list of places (长沙、株洲、湘潭三市; 浏阳市、汝城县等8个县（市）), or a bare 等 (成都市、绵竹市等已开展)
_PLACE_COUNT = re.compile(r"等?[\d一二三四五六七八九十两]+个?(?:省|市|县|区|州|地|盟|旗)(?:[(（][市县区、]+[)）])?|等(?=[^的\d])")
#: what a place acting as a subject goes on with: adverbs or a verb of doing, 以 of 以 X 为抓手 (not a body's name)
#: (成功创建; 要继续推进)
_PLACE_VERB = re.compile(r"(?:要|将|已|已经|均|都|先后|分别|率先|成功|积极|持续|继续|全面|深入|扎实|相继|也|还|正在)*"
                         r"(?:开展|推行|推进|推动|实施|创建|建成|启动|组织|举办|落实|完成|通过|入选|获评|获批|争创|打造|以)")
#: a generic plural subject opening a clause: 各市（地）交通运输局要…, 各县区…, 各单位…, 各有关部门… (not the author)
GENERIC = re.compile(r"各(?:级|地|市|县|区|州|盟|省|乡|镇|单位|部门|成员单位|处室|科室|有关|相关|直属|支队|大队|中队|企业)")
#: a sentence that opens with the work of whoever opened the sentence before it in its paragraph (中心党委严格落实…。
#: 深入开展党纪学习教育，… / 以“能力作风建设年”为载体，…): no time, place or body of its own first
_GOES_ON = re.compile(rf"\s*(?:(?:{'|'.join(TIME_WORDS)}|同时|此外)[,，]?)?"
                      r"(?:深入|扎实|持续|全面|认真|积极|大力|广泛|稳步|有序|先后|还|并|同步|着力|组织|牵头)*"
                      r"(?:开展|推进|实施|推动|深化|启动|举办|创建|打造|以[^，,。；;]{1,30}?为)")
#: a party organ (局党组, 中心党委, 局机关党委, 党总支): the paragraph it opens reports its own work (a section or an
#: office opening one does not make the work after it its own: 支队…。深化“放管服”改革 stays the author's)
_PARTY_ORGAN = re.compile(r"(?:党组|党委|党总支|党支部|党工委)$")
#: what follows the body that opens a paragraph of its report at a meeting: 市公路发展中心通报了…, 支队汇报了…
_REPORTS = re.compile(r"(?:在会上|会上)?(?:汇报了?|通报了?|介绍了?|交流了?|作了?(?:交流|典型|表态)?发言)")
#: what follows the body that opens a speaker's paragraph: 市道路运输服务中心负责人：
_SPEAKER = re.compile(r"(?:的)?(?:主要|有关|相关)?(?:负责人|负责同志|党委书记|党组书记|书记|局长|副局长|主任|副主任|"
                      r"支队长|大队长|所长|站长|董事长|总经理)(?:表示|介绍|说)?\s*:")


def subject_prefix(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` may stand before a clause subject: time and place adverbials, 由."""
    end = max(start, end)  # as the slice: empty when the end comes first
    return end - start <= MAX_SUBJECT_PREFIX and SUBJECT_PREFIX.fullmatch(norm, start, end) is not None


def clause_subjects(norm: str, clause: Clause, in_clause: list[Mention]) -> list[Mention]:
    """AGENCY/ORGANIZATION mentions opening the clause (after adverbials), with those coordinated to them.

    ``A、B和C联合…``: all three are subjects. A partner after 与/同 is not; a
    body followed by 的 or 之 modifies a noun and is no subject either.
    """
    begin = enum_marker_end(norm, clause)
    first = next((m for m in in_clause if m.label in PARTNER_LABELS and m.start >= begin), None)
    if first is None or not (subject_prefix(norm, begin, first.start)
                             or _TOPIC_BY.fullmatch(norm, begin, first.start)):
        return []
    subjects = [first]
    by_start = {m.start: m for m in in_clause if m.label in PARTNER_LABELS}
    while True:
        sep = SUBJECT_COORD.match(norm, subjects[-1].end)
        nxt = by_start.get(sep.end()) if sep else None
        if nxt is None:
            break
        subjects.append(nxt)
    if norm[subjects[-1].end:subjects[-1].end + 1] in ("的", "之"):
        return []
    return subjects


def speaker_of(norm: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The body a paragraph starting at ``start`` gives the floor to: its head speaks (市道路运输服务中心
    负责人：…) or it reports at a meeting (市公路发展中心通报了…, 支队汇报了…, 市道路运输发展中心介绍，…)."""
    first = next((m for m in mentions if m.label in PARTNER_LABELS and m.start >= start), None)
    if first is None or norm[start:first.start].strip():
        return None
    return first if _SPEAKER.match(norm, first.end) or _REPORTS.match(norm, first.end) else None


def pivot_agent(norm: str, clause: Clause, pos: int, in_clause: list[Mention]) -> list[Mention]:
    """Bodies after a pivot verb before ``pos`` in the clause: 督促X、Y开展… gives X and Y."""
    bodies = [m for m in in_clause if m.label in PARTNER_LABELS and clause.start <= m.start and m.end <= pos]
    for i in range(len(bodies) - 1, -1, -1):
        m = bodies[i]
        if _PIVOT.search(norm, max(clause.start, m.start - 2), m.start):
            out = [m]
            for nxt in bodies[i + 1:]:  # the bodies coordinated to it
                sep = SUBJECT_COORD.fullmatch(norm, out[-1].end, nxt.start)
                if sep is None:
                    break
                out.append(nxt)
            return out
    return []


def heading_subjects(sdoc: StructuredDocument, within: Callable[[int, int], list[Mention]],
                     acts: Callable[[int, int, int], bool]) -> dict[str, list[Mention]]:
    """The subject of each heading that makes it the agent of a verb (（三）省厅部署开展…), by section id.

    ``within(start, end)`` lists the mentions in a span; ``acts(start, end,
    after)`` tells whether a verb frame stands in ``[start, end)`` after
    ``after``. A heading that only names a body (（一）市委高度重视…) governs
    nothing.
    """
    out: dict[str, list[Mention]] = {}
    norm = sdoc.source.norm
    for sec in sdoc.sections:
        in_title = within(sec.title_start, sec.title_end)
        for clause in split_clauses(norm, sec.title_start, sec.title_end, [(m.start, m.end) for m in in_title])[:1]:
            subj = clause_subjects(norm, clause, [m for m in in_title if m.end <= clause.end])
            if subj and acts(clause.start, clause.end, subj[-1].end):
                out[sec.id] = subj
    return out


def section_subject(sdoc: StructuredDocument, headings: dict[str, list[Mention]]) -> Callable[[Sentence], list[Mention]]:
    """Sentence -> the subject of the innermost heading above it that has one (see :func:`heading_subjects`).

    Sentences must come in text order: the open sections are kept on a stack
    as the sentences pass their starts and ends.
    """
    sections = sorted(sdoc.sections, key=lambda s: (s.start, -s.end)) if headings else []
    stack: list = []
    k = 0

    def at(sent: Sentence) -> list[Mention]:
        nonlocal k
        pos = sent.start
        while k < len(sections) and sections[k].start <= pos:
            stack.append(sections[k])
            k += 1
        stack[:] = [s for s in stack if s.end > pos]
        for sec in reversed(stack):
            subj = headings.get(sec.id)
            if subj and subj[0].start < pos:
                return subj
        return []

    return at


def _opening(pattern: re.Pattern, norm: str, clause: Clause, in_clause: list[Mention], slack: int) -> int | None:
    """Where ``pattern`` opens ``clause`` (after its enumeration marker and adverbials, before any mention), else None."""
    begin = enum_marker_end(norm, clause)
    hit = pattern.search(norm, begin, min(clause.end, begin + MAX_SUBJECT_PREFIX + slack))
    if hit is None or not subject_prefix(norm, begin, hit.start()) or any(m.start < hit.start() for m in in_clause):
        return None
    return hit.start()


class Subjects:
    """Who acts in each clause of one document, read sentence by sentence in text order.

    Parameters
    ----------
    sdoc : StructuredDocument
    author : str or None
        The body the text speaks for, the clauses' default subject (:func:`kg.structure.author.narrator`:
        not the body named only as the leader of a visit the news tells of).
    mentions : list of Mention
        The document's mentions (self-references resolved); a mention of the
        author found in the text is appended when none names it.
    added : list of Mention
        Mentions added to the document's list (shared with the caller).
    section_subject : callable
        Sentence -> the subject of the section heading governing it (or []),
        see :func:`section_subject`.
    """

    def __init__(self, sdoc: StructuredDocument, author: str | None, mentions: list[Mention], added: list[Mention],
                 section_subject: Callable[[Sentence], list[Mention]]) -> None:
        self.sdoc = sdoc
        self.author = author
        self.mentions = mentions
        self.added = added
        self.section_subject = section_subject
        self._author_mentions: list[Mention] | None = None
        self._places = dict(sdoc.places)  # start -> end of each place the structure stage found
        self._author_starts: list[int] = []
        self._paragraph = -1
        self.speaker: Mention | None = None
        self.topic: list[Mention] = []
        self.carried: list[Mention] = []
        self.generic_carried = False  # the last clause with a subject had a generic one (各企业要…，开展…)
        self.opened: list[Mention] = []  # the subject opening the last sentence of the paragraph that had one
        self._first_clause = True
        self.context: list[Mention] = []
        self._last_end = 0
        self.parties: list[Mention] = []
        self.pending: list[Mention] = []
        self._sentence = -1
        self._parties_sentence = -2
        self._section: str | None = None

    # ----------------------------------------------------------- progress
    def start_sentence(self, norm: str, sent: Sentence, sent_mentions: list[Mention], go_on: bool = False) -> None:
        """Begin a sentence: a new paragraph clears the topic (or sets its speaker), a new section the parties.

        A sentence after a semicolon of the same paragraph goes on with the
        subject of the one before (支队会同…开展…；联合…海事局开展…). With ``go_on``, so does a
        sentence that opens with a verb of work (深入开展 X，…) with the party organ that opened the last
        sentence of the paragraph that named a body, and with the author it acts for
        (中心党委严格落实…。深入开展党纪学习教育: 中心党委 and the 中心).

        Parameters
        ----------
        norm : str
            The document's normalised text.
        sent : Sentence
            The sentence that begins.
        sent_mentions : list of Mention
            The mentions inside it.
        go_on : bool, optional
            Let a sentence of the same paragraph that opens with a verb of work go on with the party
            organ that opened the paragraph's last sentence naming a body, and with the author (default False).
        """
        if sent.paragraph != self._paragraph:
            self._paragraph = sent.paragraph
            self.speaker = speaker_of(norm, sent.start, sent_mentions)
            self.topic = [self.speaker] if self.speaker is not None else []
            self.carried, self.generic_carried, self.opened = [], False, []
        elif not norm[self._last_end - 1:self._last_end] == ";":
            self.carried, self.generic_carried = [], False
            if go_on and self.opened and all(_PARTY_ORGAN.search(m.name) for m in self.opened) \
                    and _GOES_ON.match(norm, sent.start):
                # the organ acts for the body the document speaks for: both carry the work out
                author = self.author_mention(sent.start)
                self.carried = list(self.opened) + ([author] if author is not None else [])
        if sent.section != self._section:
            self._section, self.parties = sent.section, []  # the parties of an agreement stay in its section
        self._first_clause = True
        self._last_end = sent.end
        self._sentence = sent.index
        self.pending = []
        self.context = self.section_subject(sent)

    def subjects_of(self, norm: str, clause: Clause, in_clause: list[Mention]) -> list[Mention]:
        """The clause's own subjects, self-references in a speaker's paragraph standing for the speaker.

        A clause opening with 双方/两家/三方 (after adverbials) has the parties of
        the last cooperation before it as its subjects (see :meth:`note_parties`), and so
        does a clause opening with a joint verb (联合推进, 共同开展) after one in its sentence.
        """
        subj = [self.own(m) for m in clause_subjects(norm, clause, in_clause)]
        if subj or not self.parties:
            return subj
        found = _opening(_PARTIES, norm, clause, in_clause, 2)
        if found is not None and self._counts_parties(_PARTIES.match(norm, found).group()):
            return list(self.parties)
        if self._parties_sentence == self._sentence and _opening(_JOINT_OPEN, norm, clause, in_clause, 1) is not None:
            return list(self.parties)  # A 与 B 开展结对共建，联合推进…: both carry it out
        return []

    def note_parties(self, norm: str, relations: list) -> None:
        """Remember the parties of the last ``A 与 B …`` among ``relations`` (COOPERATES_WITH, A right before 与/和/同)."""
        for r in reversed(relations):
            head = r.head
            if r.rel == "COOPERATES_WITH" and r.tail.start == head.end + 1 and norm[head.end] in "与和同":
                tails = {t.tail.name: t.tail for t in relations
                         if t.rel == "COOPERATES_WITH" and t.head is head and t.tail.start > head.end}
                self.parties = [head, *tails.values()]
                self._parties_sentence = self._sentence
                return

    def _counts_parties(self, word: str) -> bool:
        """Whether ``word`` (双方, 三部门) may stand for the last parties: a count of departments (三部门) must
        equal theirs (else it counts a list of its own: A、B 和 C 签署…。三部门…)."""
        count = _DEPARTMENTS.fullmatch(word)
        return count is None or "两三四五".index(count.group(1)) + 2 == len(self.parties)

    def own(self, m: Mention) -> Mention:
        """``m``, or the speaker when ``m`` is a self-reference in the speaker's paragraph."""
        return self.speaker if self.speaker is not None and m.self_ref else m

    def end_clause(self, subj: list[Mention], pending: list[Mention] | None = None, generic: bool = False) -> None:
        """After a clause: its subjects carry on to the clauses after it.

        ``pending`` are the bodies a pivot verb of the clause set to work whose verb has not come
        yet (督促局党组以《条例》为重点，组织开展…): they act in the next clause when it names no one.
        ``generic``: the clause, naming no body as subject, opens with a generic one (各企业要…): when no
        subject goes on from before it, the clauses after it that name no one are that generic
        subject's, not the author's.
        """
        if self._first_clause:
            self.opened = subj or self.opened
            self._first_clause = False
        if subj:
            self.carried, self.generic_carried = subj, False
        elif generic and not self.carried:  # (A 牵头，各单位参与，…: A goes on)
            self.generic_carried = True
        self.pending = pending or []

    @staticmethod
    def pending_agents(norm: str, clause: Clause, in_clause: list[Mention], verbs: list) -> list[Mention]:
        """Bodies after a pivot verb that closes ``clause`` with no verb of theirs after them (see
        :meth:`end_clause`); ``verbs`` are the clause's relation verbs (hits with a ``start``)."""
        agents = pivot_agent(norm, clause, clause.end, in_clause)
        if not agents or any(v.start >= agents[-1].end for v in verbs):
            return []
        # 指导市协会，开展…: a pivot whose object closes the clause has its object only; the author goes on
        rest = norm[agents[-1].end:clause.end].strip(" ,，;；。")
        return agents if rest.lstrip("等") else []

    # ----------------------------------------------------------- look-up
    def resolver(self, norm: str, clause: Clause, in_clause: list[Mention],
                 subj: list[Mention]) -> Callable[[int], list[Mention]]:
        """``subject_for(pos)``: the subject of a verb at ``pos`` in ``clause`` (see the module docstring)."""
        find = self.sourced_resolver(norm, clause, in_clause, subj)
        return lambda pos: find(pos)[0]

    def sourced_resolver(self, norm: str, clause: Clause, in_clause: list[Mention], subj: list[Mention],
                         pivots: bool = True) -> Callable[[int], tuple[list[Mention], str]]:
        """Like :meth:`resolver`, with the step that gave the subject: ``pivot``, ``clause`` (1-2),
        ``carried``, ``speaker``, ``section`` or ``author`` (``none`` when none did).

        ``pivots=False`` leaves out step 1 (who reports a number is not the body a pivot verb
        sets to work).
        """
        carried, topic, context = self.carried, self.topic, self.context
        generic_carried = self.generic_carried
        pending = self.pending if pivots and not subj else []
        pivots = pivots and PIVOT_ANY.search(norm, clause.start, clause.end) is not None
        generic: list[int | None] = []  # read once, when a verb gets past the clause's own subjects

        def subject_for(pos: int) -> tuple[list[Mention], str]:
            agents = pivot_agent(norm, clause, pos, in_clause) if pivots else []
            if agents:
                return agents, "pivot"
            if subj and subj[0].end <= pos:
                return [m for m in subj if m.end <= pos], "clause"
            if pending:
                return pending, "pivot"
            if not generic:
                generic.append(self.generic_subject(norm, clause, in_clause))
            if generic[0] is not None and generic[0] < pos:
                return [], "none"  # 各市交通运输局要…: not the author's, nor an earlier clause's subject
            if carried:
                return carried, "carried"
            if generic_carried:
                return [], "none"  # 各企业要…，深入开展 X: the generic subject's
            if topic:
                return topic, "speaker"
            if context:
                return context, "section"
            author = self.author_mention(pos)
            return ([author], "author") if author is not None else ([], "none")

        return subject_for

    def generic_subject(self, norm: str, clause: Clause, in_clause: list[Mention]) -> int | None:
        """Where a generic plural subject (各市交通运输局, 各单位) or a place (常德市、郴州市成功创建…,
        长沙、株洲三市推行…) opens ``clause`` after adverbials, else ``None``."""
        if _DEPLOYED.search(norm, max(0, clause.start - 4), clause.start):
            return None  # 在A的统一部署下，各县治超办开展X: the deploying body's work (sentence_agents)
        found = _opening(GENERIC, norm, clause, in_clause, 1)
        return found if found is not None else self._place_subject(norm, clause, in_clause)

    def _place_subject(self, norm: str, clause: Clause, in_clause: list[Mention]) -> int | None:
        """Where places acting as a subject open ``clause``: a place, or a list of them, that no mention
        takes in, followed by neither 的 nor a name (the place of a body is part of the body's mention)."""
        begin = enum_marker_end(norm, clause)
        first = next((i for i in range(begin, min(clause.end, begin + MAX_SUBJECT_PREFIX + 1)) if i in self._places),
                     None)
        if first is None or not subject_prefix(norm, begin, first):
            return None
        end = self._places[first]
        while True:  # 常德市、郴州市和怀化市辰溪县
            sep = _PLACE_LINK.match(norm, end)
            nxt = sep.end() if sep else end
            if nxt not in self._places:
                break
            end = self._places[nxt]
        count = _PLACE_COUNT.match(norm, end)
        end = count.end() if count else end
        if any(m.start < end for m in in_clause if m.end > first) or norm[end:end + 1] in ("的", "之", ""):
            return None
        if not _PLACE_VERB.match(norm, end):
            return None
        return first

    def author_mention(self, pos: int) -> Mention | None:
        """A mention of the author near ``pos``: the nearest before it, else the first after it."""
        if not self.author:
            return None
        if self._author_mentions is None:
            target = self.author
            cands = [m for m in self.mentions if m.label in PARTNER_LABELS and (m.name == target or m.text == target)]
            if all(m.self_ref for m in cands):  # only 站里, 我局: the name is still written somewhere (the title)
                made = self._locate_author()
                cands += [made] if made else []
            self._author_mentions = sorted(cands, key=lambda m: m.start)
            self._author_starts = [m.start for m in self._author_mentions]
        cands = self._author_mentions
        if not cands:
            return None
        i = bisect.bisect_right(self._author_starts, pos) - 1
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
