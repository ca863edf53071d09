"""Self-references: 我局, 本局, 该局, 我们, 我支队, bare 支队 in a 支队's report, 局党组.

These documents mostly narrate what their author did. A self-reference is
resolved to the author body (``DocumentMeta.author``) and becomes an AGENCY
mention with ``self_ref=True`` and ``name`` = the author's name. Without a
known author nothing is resolved: no author is invented.

Forms (the unit word is the one the author's name ends with):

``pronoun``  我们, 我单位; 我局, 本所; 全局 before
             its staff (全局干部职工); a bare 支队/大队/中队 anywhere it is not part of a
             longer name; a bare unit word (中心, 所, 厅, 局) that opens a clause
             and is followed by a verb or an adverb (中心组织开展…, 厅与…签订; 局里组织…), or does so
             after a partner verb (协会配合中心开展…);
             the author's leadership (局领导班子). All stand for the author.
``该局``     a news item's "the bureau": the nearest body with that head named before it
             as a clause's subject, in its paragraph or the one before (桂林市交通运输局汇报…
             该局会同…); the author when no such body was named.
``organ``    the author's party organs (局党组, 支队党委, 本局党委, a company's 集团党委, an association's 协会党支部): bodies of
             their own, named by what the text writes without 我/本 (局党组).
``team``     a bare team word (支队, 大队, 执法队) of another head than the author's opening a clause,
             maybe after a time word (全年大队共出动…), before a verb: the team the text names.
``org``      a bare organisation head (协会, 集团, 集团公司, 公司, 学院, 联合会) opening a clause before a verb,
             or after a pivot or partner word (支持集团开展…, 与集团建立…): the author when its name
             has that head, else the organisation with that head named last before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from kg.model import Mention, StructuredDocument
from kg.structure.author import HEADS as AUTHOR_HEADS, OWN_ORGANS, PARTNER_VERB, best_body

#: unit words a pronoun can combine with (我局, 本支队), longest first
UNIT_WORDS: tuple[str, ...] = ("委员会", "支队", "大队", "中队", "中心", "局", "厅", "委", "处", "科", "股", "站", "队", "所",
                               "办")
#: unit words that stand alone for the author anywhere (支队 in a 支队's report)
BARE_UNITS: tuple[str, ...] = ("支队", "大队", "中队")
#: team words that open a clause for the team the text names, in another body's document (大队会同…, 执法队要…)
TEAM_WORDS: tuple[str, ...] = BARE_UNITS + ("执法队",)
#: unit words that stand alone for the author only opening a clause before a verb (中心组织开展…)
CLAUSE_UNITS: tuple[str, ...] = ("中心", "局", "厅", "所", "处", "站")
#: heads of organisations that stand alone for the one the text names (协会组织会员企业…, 支持集团开展…)
ORG_HEADS: tuple[str, ...] = ("联合会", "协会", "集团公司", "集团", "公司", "学院")
#: what an organisation's name must hold to have a head (集团公司 for X集团有限公司)
_HEAD_PARTS: dict[str, tuple[str, ...]] = {"集团公司": ("集团", "公司")}
#: what may stand right before a bare organisation head besides a clause opening: a pivot or partner word
_ORG_BEFORE = re.compile(rf"(?:支持|指导|督促|鼓励|推动|引导|与|同|{PARTNER_VERB})$")
#: self-references that name no unit and always mean the author
PLAIN_FORMS: tuple[str, ...] = ("我们", "我单位", "本单位", "本机关", "我机关")
#: the author's leadership: stands for the author
LEADERSHIP_WORDS: tuple[str, ...] = ("领导班子",)
#: the author's party organs named by its bare head (局党组): bodies of their own
ORGAN_WORDS: tuple[str, ...] = OWN_ORGANS
#: what 全局 / 全支队 must be followed by to mean the author's whole staff (not 全局性, 统筹全局)
_WHOLE_STAFF = "干部|职工|上下|党员|人员|同志|系统"
#: the level a short name of the author opens with (县交通运输局 for 伊宁县交通运输局)
LEVEL_CHARS = "省市县区州盟旗"
#: characters that end a name, so a unit word after them is part of the name (执法支队, 第一支队)
_NAME_FINAL = frozenset("法政管路属警安输通市县区省州盟旗镇乡村各该总分直驻第一二三四五六七八九十百XxＸ*＊")
#: where a clause opens: after punctuation, a line break or an enumeration marker (一是, （二）, 3.)
_CLAUSE_OPEN = re.compile(r"(?:^|[\n。;；,，:：!?！？、]|[一二三四五六七八九十]是|[)）]|\d\.)[ \t\u3000]*$")
#: what follows a bare unit word that opens a clause as its subject: a verb, an adverb, a preposition
_SUBJECT_NEXT = re.compile(
    r"(?:组织|开展|深入|扎实|持续|积极|认真|全面|切实|始终|坚持|按照|围绕|紧扣|聚焦|结合|联合|会同|配合|牵头|"
    r"与|同|在|对|还|也|将|要|已|先后|共|累计|全年|上半年|今年|主动|严格|加强|推进|落实|制定|印发|出台|召开|完成|"
    r"建立|实施|启动|获得|荣获|被|依托|通过|利用|针对|进一步|不断|及时|迅速)")


#: a team's own work verbs, after a bare team word as its subject (大队出动执法人员…, 支队查处…)
_TEAM_NEXT = "出动|查处|查扣"
#: time adverbials that open a clause before its subject or its verb (全年大队共出动…, 上半年出动执法人员…)
TIME_WORDS: tuple[str, ...] = ("全年", "上半年", "下半年", "今年", "今年以来", "年内", "同期", "当月", "期间")
#: a time adverbial between a clause's opening and the team word that is its subject (全年大队共出动…)
_TIME_BEFORE = re.compile(rf"(?:{'|'.join(TIME_WORDS)})$")
#: a partner verb before a bare unit word that goes on with a verb: the author is the partner (协会配合中心开展…)
_PARTNER_BEFORE = re.compile(rf"(?:{PARTNER_VERB})$")
#: a body whose report is heard (检查组听取了X关于…的汇报): the subject of what the report tells next
_HEARD = re.compile(r"听取了?$")


#: a line a body speaks (a press conference, an interview): 市道路运输服务中心负责人：我们…
_SPEAKER = re.compile(
    rf"^(?P<who>[^\s:：,，。;；、“”《》()（）]{{2,30}}?(?:{'|'.join(AUTHOR_HEADS)}))"
    r"(?:主要|有关|相关)?(?:负责人|负责同志|新闻发言人|发言人)[:：]", re.MULTILINE)


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class SelfReference:
    """A self-reference found in the text.

    ``kind`` is ``pronoun`` (stands for the author and nothing else) or
    ``organ`` (局党组: a party organ of the author, a body of its own).
    ``name`` is the body referred to when it is not the document's author
    (a body that speaks a line of a press conference: 中心负责人：我们…).
    """

    start: int
    end: int
    kind: str
    name: str | None = None


def author_unit(author: str | None) -> str | None:
    """The unit word the author's name ends with (``支队`` for ``十堰市道路运输执法支队``)."""
    if not author:
        return None
    for unit in UNIT_WORDS:
        if author.endswith(unit):
            return unit
    return None


def names_author(name: str, author: str | None) -> bool:
    """Whether ``name`` is the author or its level-led short form (县交通运输局 for 伊宁县交通运输局).

    Parameters
    ----------
    name : str
        A body's name as the text gives it.
    author : str or None
        The document's author body.

    Returns
    -------
    bool
        True when ``name`` names the author in full or by its short form.
    """
    if not author:
        return False
    return name == author or (len(name) >= 4 and name[0] in LEVEL_CHARS and author.endswith(name))


def _unit_matches(unit: str, author_u: str) -> bool:
    # 我队 may stand for a 支队 or 大队; 我委 for a 委员会
    return unit == author_u or (unit == "队" and author_u.endswith("队")) or (unit == "委" and author_u == "委员会")


def _patterns(unit: str | None) -> list[tuple[str, str]]:
    """(regex, kind) of the forms that refer to an author whose name ends with ``unit``."""
    pats: list[tuple[str, str]] = [(re.escape(f), "pronoun") for f in PLAIN_FORMS]
    if not unit:
        return pats
    alt = "|".join(re.escape(u) for u in UNIT_WORDS if _unit_matches(u, unit))
    organs = "|".join(ORGAN_WORDS + LEADERSHIP_WORDS)
    u = re.escape(unit)
    pats.append((rf"[我本](?:{alt})(?:{organs})?(?!长)", "pronoun"))
    pats.append((rf"全(?:{alt})(?={_WHOLE_STAFF})", "pronoun"))
    # a bare unit, or an organ 局党组 / 厅领导班子: the unit first (a literal the search can skip to), then not after 我/本
    organ_req = "?" if unit in BARE_UNITS else ""
    pats.append((rf"{u}(?<![我本该全]{u})(?!长|员)(?:{organs}){organ_req}", "bare"))
    if unit in CLAUSE_UNITS:
        pats.append((rf"{u}(?<![我本该全]{u})里?(?={_SUBJECT_NEXT.pattern})", "clause"))
    return pats


def find_self_references(norm: str, author: str | None,
                         bodies: dict[str, list[int]] | None = None,
                         orgs: dict[str, list[int]] | None = None) -> list[SelfReference]:
    """Find self-references to ``author`` in the width-folded text.

    On a line that a body speaks (``X负责人：…``) the self-references are
    that body's (``name`` set), whether or not the author is known. In a
    document whose author is not a team, a bare team word (支队, 大队) opening
    a clause before a verb stands for the team of the document's field the
    text names in ``bodies`` (not one named only as a partner); ``name`` is
    that team.

    Parameters
    ----------
    norm : str
        ``SourceDocument.norm``.
    author : str or None
        The author body; ``None`` finds none outside speakers' lines.
    bodies : dict of str to list of int, optional
        Names of the bodies the text names, with where each is named.
    orgs : dict of str to list of int, optional
        Names of the organisations the text names, with where each is named.

    Returns
    -------
    list of SelfReference
        Non-overlapping, in text order.
    """
    speakers = [(m.end(), _line_end(norm, m.end()), m.group("who")) for m in _SPEAKER.finditer(norm)]
    found = _references(norm, author, 0, len(norm), None) if author else []
    if author:
        found += _company_organs(norm, author)
        found += _demonstratives(norm, author, bodies or {})
    if author and bodies:
        found += _named_teams(norm, author, bodies)
        found += _named_units(norm, author, bodies)
    if author:
        found += _named_orgs(norm, author, orgs or {})
    if speakers:
        starts = [s for s, _, _ in speakers]

        def on_a_speakers_line(pos: int) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and pos < speakers[i][1]

        found = [r for r in found if not on_a_speakers_line(r.start)]
        for s, e, who in speakers:
            found += _references(norm, who, s, e, who)
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[SelfReference] = []
    for r in found:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


def _line_end(norm: str, pos: int) -> int:
    end = norm.find("\n", pos)
    return len(norm) if end < 0 else end


def _references(norm: str, body: str, start: int, end: int, name: str | None) -> list[SelfReference]:
    """Self-references to ``body`` in ``norm[start:end]``."""
    found: list[SelfReference] = []
    for pat, kind in _patterns(author_unit(body)):
        for m in re.compile(pat).finditer(norm, start, end):
            s, e = m.start(), m.end()
            if kind in ("bare", "clause") and s > 0 and norm[s - 1] in _NAME_FINAL:
                continue
            if kind == "clause" and s > 0 and not _CLAUSE_OPEN.search(norm, max(0, s - 3), s) \
                    and not _PARTNER_BEFORE.search(norm, max(0, s - 2), s):
                continue
            k = "organ" if m.group().endswith(ORGAN_WORDS) else "pronoun"
            found.append(SelfReference(s, e, k, name))
    return found


def _clause_subjects(norm: str, bodies: dict[str, list[int]]) -> tuple[list[tuple[int, str]], list[int]]:
    """(where, name) of the bodies named opening a clause or as the one whose report is heard (听取了X的汇报),
    in text order, and their starts."""
    named = sorted((at, name) for name, ats in bodies.items() for at in ats
                   if author_unit(name) and (at == 0 or _CLAUSE_OPEN.search(norm, max(0, at - 3), at)
                                             or _HEARD.search(norm, max(0, at - 3), at))
                   and not norm[max(0, at - 1):at] == "、")  # a later member of a list (会同A、B) is no subject
    return named, [at for at, _ in named]


def _window(norm: str, pos: int) -> int:
    """The start of the paragraph before the one of ``pos`` (its own when it is the first); blank lines
    between paragraphs do not count as one."""
    para = norm.rfind("\n", 0, pos)
    if para <= 0:
        return 0
    while para > 0 and norm[para - 1] in "\n\r \t\u3000":
        para -= 1
    return norm.rfind("\n", 0, para) + 1


def _nearest(named: list[tuple[int, str]], starts: list[int], pos: int, unit: str,
             floor: int) -> tuple[int, str] | None:
    """(where, name) of the last body with head ``unit`` named opening a clause in ``[floor, pos)``."""
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and starts[i] >= floor:
        if _unit_matches(unit, author_unit(named[i][1]) or ""):
            return named[i]
        i -= 1
    return None


def _demonstratives(norm: str, author: str, bodies: dict[str, list[int]]) -> list[SelfReference]:
    """该局, 该支队: the nearest body with that head named before it as a clause's subject (or named
    by an earlier 该X), in its paragraph or the one before; else the author when the head is the author's."""
    own = author_unit(author)
    alt = "|".join(re.escape(u) for u in UNIT_WORDS)
    named, starts = _clause_subjects(norm, bodies)
    found: list[SelfReference] = []
    for m in re.finditer(rf"该(?P<unit>{alt})(?!长|员)", norm):
        s, unit = m.start(), m.group("unit")
        window = _window(norm, s)
        near = _nearest(named, starts, s, unit, window)
        name = near[1] if near else None
        earlier = next((r for r in reversed(found) if r.start >= window and (r.start > near[0] if near else True)
                        and _unit_matches(unit, author_unit(r.name or author) or "")), None)
        if earlier is not None:
            name = earlier.name or author
        if name is None and not (own and _unit_matches(unit, own)):
            continue
        found.append(SelfReference(s, m.end(), "pronoun", None if name in (None, author) else name))
    return found


def _named_units(norm: str, author: str, bodies: dict[str, list[int]]) -> list[SelfReference]:
    """A bare unit word of another head than the author's (中心, 局, 站) opening a clause before a verb:
    the body with that head its paragraph opened a clause with, named before it (市公路发展中心通报了…。
    上半年，中心完成…: the 中心 is the 市公路发展中心, not the 局 that wrote the news)."""
    own = author_unit(author)
    named, starts = _clause_subjects(norm, bodies)
    if not named:
        return []
    alt = "|".join(re.escape(u) for u in CLAUSE_UNITS if u != own)
    found: list[SelfReference] = []
    for m in re.finditer(rf"(?P<unit>{alt})(?P<li>里)?(?={_SUBJECT_NEXT.pattern})", norm):
        s = m.start()
        if s > 0 and (norm[s - 1] in _NAME_FINAL or norm[s - 1] in "我本该全"
                      or not _CLAUSE_OPEN.search(norm, max(0, s - 3), s)):
            continue
        # 局里, 厅里: a news item's "the bureau", reaching back a paragraph like 该局
        para = _window(norm, s) if m.group("li") else norm.rfind("\n", 0, s) + 1
        near = _nearest(named, starts, s, m.group("unit"), para)
        if near is not None:
            found.append(SelfReference(s, m.end(), "pronoun", near[1]))
    return found


def _named_teams(norm: str, author: str, bodies: dict[str, list[int]]) -> list[SelfReference]:
    """Bare team words (支队, 大队, 执法队) that open a clause as its subject in a document of another body:
    the team the text names (大队会同… after 仁寿县交通运输综合行政执法大队联合…)."""
    found: list[SelfReference] = []
    own = author_unit(author)
    for unit in TEAM_WORDS:
        if unit == own:
            continue
        team = best_body(norm, {n: at for n, at in bodies.items() if n.endswith(unit) and n != author})
        if team is None:
            continue
        for m in re.finditer(rf"{unit}(?<![我本该全]{unit})(?={_SUBJECT_NEXT.pattern}|{_TEAM_NEXT})", norm):
            s = m.start()
            if s > 0 and norm[s - 1] in _NAME_FINAL:
                continue
            when = _TIME_BEFORE.search(norm, max(0, s - 3), s)  # 。全年大队共出动…
            if s > 0 and not _CLAUSE_OPEN.search(norm, max(0, (when.start() if when else s) - 3), when.start() if when else s):
                continue
            found.append(SelfReference(s, m.end(), "pronoun", team))
    return found


def _has_head(name: str, head: str) -> bool:
    """Whether an organisation's ``name`` has the bare ``head`` (集团公司: X集团有限公司)."""
    return all(part in name for part in _HEAD_PARTS.get(head, (head,)))


def _named_orgs(norm: str, author: str, orgs: dict[str, list[int]]) -> list[SelfReference]:
    """Bare organisation heads (协会, 集团) acting as a subject or a pivot's or partner's object: the author
    when its name has the head, else the organisation with that head named last before it."""
    named = sorted((at, name) for name, starts in orgs.items() for at in starts)
    found: list[SelfReference] = []
    for m in re.finditer(rf"(?P<head>{'|'.join(ORG_HEADS)})(?={_SUBJECT_NEXT.pattern})", norm):
        s, head = m.start(), m.group("head")
        if s > 0 and (norm[s - 1] in _NAME_FINAL or norm[s - 1] in "我本该全"
                      or not (_CLAUSE_OPEN.search(norm, max(0, s - 3), s) or _ORG_BEFORE.search(norm, max(0, s - 2), s))):
            continue
        if _has_head(author, head):
            name = author
        else:
            name = next((n for at, n in reversed(named) if at < s and _has_head(n, head)), None)
            if name is None:
                continue
        found.append(SelfReference(s, m.end(), "org", name))
    return found


#: what a company calls itself before its own organs (集团党委, 公司工会)
_COMPANY_WORDS: tuple[str, ...] = ("集团", "公司")
#: a company's party and mass organs: the party ones are public bodies, a union an organisation (not
#: PARTY_ORGANS: a company has a 纪委 and a 工会, and no 党组)
_COMPANY_ORGANS = "党委|纪委|工会"
#: an association's party organs (协会党支部; the ones an association has, of PARTY_ORGANS)
_ASSOCIATION_ORGANS = "党支部|党总支|党委"


def _company_organs(norm: str, author: str) -> list[SelfReference]:
    """A company's or an association's own organs opening a clause (集团党委深入开展…, 集团工会组织…,
    协会党支部开展…): bodies of their own."""
    if author.endswith("公司"):
        words, organs = "|".join(w for w in _COMPANY_WORDS if w in author), _COMPANY_ORGANS
    elif author.endswith("协会"):
        words, organs = "协会", _ASSOCIATION_ORGANS
    else:
        return []
    found: list[SelfReference] = []
    for m in re.finditer(rf"(?:{words})(?:{organs})", norm):
        s = m.start()
        if s > 0 and not _CLAUSE_OPEN.search(norm, max(0, s - 3), s):
            continue  # 宜春公交集团党委: a name of its own, read by the entity rules
        found.append(SelfReference(s, m.end(), "organ"))
    return found


def organ_name(text: str) -> str:
    """The name of an organ self-reference: what the text writes, without 我/本/该 (本局党组 -> 局党组)."""
    return text[1:] if text[:1] in "我本该" else text


def self_mention(sdoc: StructuredDocument, ref: SelfReference, author: str | None) -> Mention:
    """The AGENCY mention of a self-reference: the body referred to (``ref.name``, else the author)
    for a pronoun, the organ's own name for an organ."""
    text = sdoc.source.text[ref.start:ref.end]
    if ref.kind == "org":
        return Mention(doc=sdoc.name, label="ORGANIZATION", text=text, start=ref.start, end=ref.end, name=ref.name,
                       evidence=sdoc.evidence(ref.start, ref.end), self_ref=ref.name == author, rule="selfref:org")
    if ref.kind == "organ":
        label = "ORGANIZATION" if text.endswith("工会") else "AGENCY"
        return Mention(doc=sdoc.name, label=label, text=text, start=ref.start, end=ref.end,
                       name=organ_name(text), evidence=sdoc.evidence(ref.start, ref.end), rule="selfref:organ")
    return Mention(
        doc=sdoc.name, label="AGENCY", text=text, start=ref.start, end=ref.end, name=ref.name or author,
        evidence=sdoc.evidence(ref.start, ref.end), self_ref=True, rule=f"selfref:{ref.kind}",
    )


def resolve_self_references(
    sdoc: StructuredDocument, mentions: list[Mention], author: str | None
) -> tuple[list[Mention], list[Mention]]:
    """Mark the self-references among ``mentions`` and add those the entity rules missed.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        Entity mentions of the document; a tagged pronoun-like form (支队, 我局) is replaced in place.
    author : str, optional
        The author body; without one nothing is resolved.

    Returns
    -------
    tuple of (list of Mention, list of Mention)
        All mentions (input plus added), and the added self-reference mentions.
    """
    if not author:
        return mentions, []
    added: list[Mention] = []
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions) if m.label == "AGENCY"}
    spans = sorted((m.start, m.end) for m in mentions)
    bodies: dict[str, list[int]] = {}
    orgs: dict[str, list[int]] = {}
    for m in mentions:
        if m.label == "AGENCY" and not m.self_ref:
            bodies.setdefault(m.name, []).append(m.start)
        elif m.label == "ORGANIZATION" and not m.self_ref:
            orgs.setdefault(m.name, []).append(m.start)
    for ref in find_self_references(sdoc.source.norm, author, bodies, orgs):
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
