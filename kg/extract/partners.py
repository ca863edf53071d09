"""Partners of a relation frame: the bodies listed after 会同/联合/配合/与, and which of them issue a title.

``A 会同 B、C 联合印发《X》``: B and C co-sign X; so they do when A 会同 B enacts or publishes it
(会同 B 制定/修订/出台《X》), not when A 会同 B drafts it (会同 B 编制《X》: B only helps);
``配合 B 修订《X》``: B revises X, the subject only assists.
"""

from __future__ import annotations

import re

from kg.extract.clauses import Clause
from kg.extract.subjects import PARTNER_LABELS, PIVOT_ANY, SUBJECT_COORD
from kg.extract.triggers import TriggerHit
from kg.lexicon import Lexicon
from kg.lexicon.charmatch import SuffixTrie
from kg.model import Mention

#: coordination between list items
COORD = re.compile(r"(?:[、和及与并]|以及|或|等)+")
#: a bare place first in a list whose head it shares with the next item (甲区、乙区人民政府)
_ELIDED_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?[省市县区旗镇乡]、")
#: the most characters of a body the entity rules left untagged in a list (:func:`_untagged_item`)
_UNTAGGED_REACH = 14
#: after 会同 B: a joint word before the publishing verb makes B co-sign it (会同 B 联合印发)
_JOINTLY = re.compile(r"\s*(?:等(?:相关)?(?:部门|单位))?(?:共同|联合)\s*")
#: between the bodies that issue a title together, before an attributive verb (A、B 印发的《X》): the bodies
#: coordinated as one subject
_CO_AGENTS = SUBJECT_COORD
#: ... and before a joint one (A 与 B 联合制定的《X》, A 会同 B 联合印发的《X》: 与, 会同 join them there)
_JOINT_AGENTS = re.compile(r"[、和及与同]|以及|会同")
#: verbs that enact or publish a title: after 会同 B, B issues it too (会同 B 制定《X》; not a drafting verb, 编制)
ENACTING = ("印发", "发布", "出台", "下发", "颁布", "制定", "制订", "修订")
#: between the partners of 会同 and an enacting verb (会同 B 研究制定, 会同 B 制定出台)
_ENACT_GAP = re.compile(r"\s*(?:等(?:相关)?(?:部门|单位))?(?:研究|共同|联合)?(?:制定|制订|修订)?\s*")
#: partner words whose partner is the one acting, the subject only assisting (配合 B 修订《X》); closing a clause,
#: the bodies before them assist a lead (由 A 牵头，B、C 配合)
ASSISTING: tuple[str, ...] = ("配合", "协助")
#: between the partner of an assisting word and the issuing verb (配合 B 研究制定《X》)
_ASSIST_GAP = re.compile(r"\s*(?:研究|共同)?\s*")


def _untagged_item(norm: str, pos: int, by_start: dict[int, Mention], heads: SuffixTrie) -> int | None:
    """Where the tagged body after an untagged one at ``pos`` starts (会同长江航务管理局、九江海事局), or None.

    The untagged body is 2-14 name characters without 的, closed by one of ``heads``, the body head
    nouns of the lexicon (局, 部, 委员会, 中心, 支队 …); a coordination (、 和 及 与) joins it to a tagged body.
    """
    for end in range(pos + 2, min(len(norm), pos + _UNTAGGED_REACH) + 1):
        ch = norm[end - 1]
        if not "\u4e00" <= ch <= "\u9fff" or ch == "的":
            return None  # 负责的所有中心: a clause, no body's name
        if heads.longest_ending_at(norm, end, pos) is None:
            continue
        sep = COORD.match(norm, end)
        if sep is not None and "等" not in sep.group() and sep.end() in by_start:
            return sep.end()
    return None


def partners_at(norm: str, pos: int, in_scope: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """A list of AGENCY/ORGANIZATION mentions of ``in_scope`` starting at ``pos`` (A、B 和 C).

    A body the entity rules left untagged may stand in the list before a tagged one when a head noun of
    ``lexicon`` (the document's) closes it (会同长江航务管理局、九江海事局).

    Parameters
    ----------
    norm : str
        The width-folded text.
    pos : int
        Where the list opens (right after the partner word).
    in_scope : list of Mention
        The mentions the partners are read from.
    lexicon : Lexicon
        The document's lexicon; its agency heads close an untagged body.

    Returns
    -------
    list of Mention
        The partners in text order; empty when no body opens at ``pos``.
    """
    out: list[Mention] = []
    heads = lexicon.trie("agency_heads")
    by_start = {m.start: m for m in in_scope if m.label in PARTNER_LABELS}
    cur = pos
    elided = _ELIDED_PLACE.match(norm, pos)
    if pos not in by_start and elided and elided.end() in by_start:
        cur = elided.end()  # 会同甲区、乙区人民政府: 甲区 shares the head of the next item
    while True:
        m = by_start.get(cur)
        if m is None:
            nxt = _untagged_item(norm, cur, by_start, heads)
            m = by_start.get(nxt) if nxt is not None else None
            if m is None:
                break
        out.append(m)
        sep = COORD.match(norm, m.end)
        if sep is None or norm[m.end:sep.end()].endswith("等"):
            break
        cur = sep.end()
    return out


def _partners_before(norm: str, hit: TriggerHit, hits: list[TriggerHit], in_clause: list[Mention], lexicon: Lexicon,
                     skip: tuple[str, ...] = ()) -> tuple[TriggerHit | None, list[Mention]]:
    """The nearest partner word before ``hit`` (not one of ``skip``) and the bodies right after it."""
    before = [h for h in hits if h.rel == "COOPERATES_WITH" and h.frame == "partner"
              and h.end <= hit.start and h.word not in skip]
    if not before:
        return None, []
    p = max(before, key=lambda h: h.end)
    return p, partners_at(norm, p.end, in_clause, lexicon)


def only_assists(norm: str, hit: TriggerHit, hits: list[TriggerHit], in_clause: list[Mention],
                 lexicon: Lexicon) -> bool:
    """True when the subject of ``hit`` only helps the bodies it names: ``配合 B 修订《X》`` (B issues X).

    Parameters
    ----------
    norm : str
        The width-folded text.
    hit : TriggerHit
        The verb whose subject is judged.
    hits : list of TriggerHit
        Trigger hits of the verb's clause; the nearest partner word before ``hit`` is read.
    in_clause : list of Mention
        The clause's mentions.
    lexicon : Lexicon
        The document's lexicon.

    Returns
    -------
    bool
        True when an assisting word (配合, 协助) names partners right before the verb.
    """
    p, partners = _partners_before(norm, hit, hits, in_clause, lexicon)
    return bool(partners) and p.word in ASSISTING and _ASSIST_GAP.fullmatch(norm, partners[-1].end, hit.start) is not None


def co_issuers(norm: str, hit: TriggerHit, hits: list[TriggerHit], in_clause: list[Mention], lexicon: Lexicon,
               publishing: tuple[str, ...], co_signing: tuple[str, ...]) -> list[Mention]:
    """The partners that issue a title with the subject of the issuing verb ``hit``.

    Parameters
    ----------
    norm : str
        The width-folded text.
    hit : TriggerHit
        The ISSUES verb (印发, 修订…).
    hits : list of TriggerHit
        Trigger hits of the verb's clause; the nearest 会同/配合 partner word before ``hit`` is read.
    in_clause : list of Mention
        Mentions of the clause.
    lexicon : Lexicon
        The document's dictionaries (the head nouns of a partner the entity rules left untagged).
    publishing : tuple of str
        Verbs that publish a document (印发, 出台…): only these are co-signed (会同 B 联合印发).
    co_signing : tuple of str
        Partner words whose partners co-sign by themselves (联合 B 印发), read elsewhere.

    Returns
    -------
    list of Mention
        Empty when no partner issues the title.
    """
    p, partners = _partners_before(norm, hit, hits, in_clause, lexicon, co_signing)
    if not partners:
        return []
    gap = norm[partners[-1].end:hit.start]
    if p.word in ASSISTING and _ASSIST_GAP.fullmatch(gap):
        return partners
    if hit.word in publishing and _JOINTLY.fullmatch(gap):
        return partners
    if p.word == "会同" and hit.word in ENACTING and _ENACT_GAP.fullmatch(gap):
        return partners
    return []


def attributive_issuers(norm: str, before: list[Mention], verb: bool, joint: bool) -> list[Mention]:
    """The bodies that issue the title an attributive phrase ends at (省厅印发的《X》, 交通运输部《X》).

    Parameters
    ----------
    norm : str
        The width-folded text.
    before : list of Mention
        The AGENCY mentions of the clause before the title, in text order; the last one stands
        right before the title or its verb.
    verb : bool
        An issuing verb stands between the last body and the title (印发的). Bodies coordinated
        before the last one issue the title too, with or without it (A、B 印发的《X》, A、B《X》).
    joint : bool
        The verb is joint (联合制定的): bodies joined by 与/会同 issue it too (A 与 B 联合制定的《X》).

    Returns
    -------
    list of Mention
        The issuers, in text order.
    """
    if not verb:  # 县委、县政府《X》: the coordinated bodies issue it together
        return coordinated(norm, before, _CO_AGENTS)
    return coordinated(norm, before, _JOINT_AGENTS if joint else _CO_AGENTS)


def coordinated(norm: str, before: list[Mention], link: re.Pattern) -> list[Mention]:
    """The last mention of ``before`` with the ones listed right before it, each joined to the next by ``link``
    (A、B 和 C), in text order."""
    out = [before[-1]]
    for m in reversed(before[:-1]):
        if link.fullmatch(norm, m.end, out[0].start) is None:
            break
        out.insert(0, m)
    return out


#: 在 B (等部门)的(大力)配合下: the words between the helpers and the assisting word, and what closes the frame
_HELPED_LINK = re.compile(r"(?:等(?:相关)?(?:部门|单位))?的?\s*(?:大力|积极|密切|全力|主动)?\s*")
_HELPED_END = re.compile(r"\s*下")


def helpers_of(norm: str, hit: TriggerHit, in_scope: list[Mention]) -> list[Mention]:
    """The bodies of ``在 B、C 的配合下`` when ``hit`` is its assisting word (配合, 协助), else nothing.

    The one acting in that clause's sentence works together with them; who that is, the caller decides.
    """
    if hit.word not in ASSISTING or not _HELPED_END.match(norm, hit.end):
        return []
    before = [m for m in in_scope if m.end <= hit.start and m.label in PARTNER_LABELS]
    if not before or not _HELPED_LINK.fullmatch(norm, before[-1].end, hit.start):
        return []
    bodies = coordinated(norm, before, _CO_AGENTS)
    return bodies if norm[bodies[0].start - 1:bodies[0].start] == "在" else []


#: the longest untagged object of a pivot verb (推动茂名港东湖港区与…)
_PIVOT_OBJECT = 12
#: before a pivot word that is a noun, the object of a basis (根据要求, 按照省厅要求)
_NOT_PIVOT_BEFORE = re.compile(r"(?:根据|按照|依据|依照|遵照)[^，,。;；]*$")
#: what opens no pivot object: 下 (在…指导下), an adverb (积极, 主动, 及时), the subject's own staff (组织人员)
_NOT_PIVOT_OBJECT = re.compile(r"下|积极|主动|及时|认真|进一步|切实|大力|全力|努力|深入|持续|不断|共同"
                               r"|(?:执法|工作|技术)?(?:人员|干部|职工|党员|力量|骨干)")


def pivot_object_before(norm: str, clause: Clause, pos: int, in_clause: list[Mention]) -> bool:
    """An untagged noun after a pivot verb ends at ``pos``: in 推动X港区与B合作 X, not the subject, is B's partner.

    Parameters
    ----------
    norm : str
        The normalised text.
    clause : Clause
        The clause ``pos`` lies in.
    pos : int
        Where the noun ends (a 与 or 同 starts there).
    in_clause : list of Mention
        The clause's mentions.

    Returns
    -------
    bool
        True when a pivot verb is followed by two to ``_PIVOT_OBJECT`` ideographs that hold no mention up to ``pos``;
        not when the verb is a noun (根据要求, 在…指导下) or the ideographs open with an adverb or name the
        subject's own staff (组织人员).
    """
    lo = max(clause.start, pos - _PIVOT_OBJECT - 2)
    verbs = list(PIVOT_ANY.finditer(norm, lo, pos))
    if not verbs:
        return False
    verb, start = verbs[-1].start(), verbs[-1].end()
    noun = norm[start:pos]
    if _NOT_PIVOT_BEFORE.search(norm, max(clause.start, verb - _PIVOT_OBJECT), verb) or _NOT_PIVOT_OBJECT.match(noun):
        return False  # 根据要求积极与B, 在省厅指导下与B, 组织人员与B: the noun 要求/指导, or the subject's own staff
    return 2 <= len(noun) <= _PIVOT_OBJECT and all("\u4e00" <= ch <= "\u9fff" for ch in noun) \
        and not any(start <= m.start < pos for m in in_clause)
