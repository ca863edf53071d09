"""CONDUCTS frames that are not a verb before its object.

The verb frame itself (开展 X, X 深入开展) is read by
:class:`kg.extract.relations.RelationExtractor`; these functions find the
other ways a text says who carries a campaign out, each returning a
:class:`~kg.extract.triggers.TriggerHit` whose ``frame`` names it:

``during``, ``lever``   在 X 中, 以 X 为契机, 把 X 作为…来抓, 是 X 的重要内容 (:mod:`kg.extract.campaign_frames`)
``pre``      X 由 A 牵头组织实施, 《X》由 A 印发: the bodies after 由 act
             (:func:`by_agent`, for ISSUES too)
``post``     X（工作）深入开展 with X opening its clause
``deploy``   按照 [A] X 部署，…: A deploys X and the subject of the sentence
             carries it out (按照…支队“春雷”治超行动部署，本所…); so do A、B 和 C in
             根据 A、B 和 C 关于开展 X 的统一部署(要求)
``title``    the plan of a campaign (A2025年“X”专项整治行动实施方案, …工作方案) or the report on its work
             (“X”建设工作情况汇报): the body its title names, else the author, carries X out
             (:func:`kg.extract.conduct_titles.plan_title`)
``heading``  a heading that names a task with no one doing it (（四）开展货运源头监管“清源”行动。):
             the bodies opening its body carry the task out (:func:`kg.extract.conduct_titles.heading_agents`)
``topic``    a heading naming a campaign as its section's work, with no verb frame (2.“四好农村路”建设):
             the author carries it out (:func:`kg.extract.heading_topics.heading_topics`)

and the agents a verb frame has besides its subject (:func:`sentence_agents`: 在 A 的统一部署下,
C、D 共同参与 add A, C and D to the sentence's CONDUCTS): the agency before a verb
used as an attribute (省厅组织开展的 X; A、B 牵头实施的 X) and the partners of a
joint verb (运管所与公交公司共同推进 X: the company carries X out too). A clause naming lead
bodies alone (由 A、B 联合主办，C 承办的 X; 由 A 牵头，B 配合，组织开展 X) gives them the
sentence's CONDUCTS, and the leads cooperate with the bodies that assist them
(:func:`lead_support`). The partners after a subject's 会同/联合 share its first deed
(``A 联合 B、C 等会员单位开展 X``, ``A 会同 B 部署开展 X``: :func:`carried_partners`).
"""

from __future__ import annotations

import re

from kg.extract.clauses import Clause, enum_marker_end
from kg.extract.named_heads import is_season
from kg.extract.partners import coordinated
from kg.extract.subjects import GENERIC, PARTNER_LABELS, SUBJECT_COORD, clause_subjects, subject_prefix
from kg.extract.triggers import TriggerHit
from kg.model import Mention

#: between a campaign that opens its clause and a verb after it (专项整治工作深入开展, “四好农村路”建设纵深推进)
POST_LINK = re.compile(r"[”\"]?(?:工作|活动|建设|创建)?(?:已经|已|正在|均|都|全面|深入|纵深|扎实|有序|稳步|持续|顺利|正式|积极|广泛|大力|逐步|不断|得到|有效|"
                       r"在(?:全[省市县区州盟旗镇乡]|辖区|各地|各县(?:市区)?|各区县?))*")
#: X 由 A 牵头组织实施: between the object (its closing mark when the name leaves it out) and 由
_BY = re.compile(r"[》〉”\"]?(?:工作|活动)?(?:将|均|统一|主要)?由")
#: after the agent of 由 and before its verb (由 A 具体/负责 牵头组织实施)
_BY_LINK = re.compile(r"(?:具体|负责|统一|直接|共同|联合)*")
#: 按照 … X 部署: X is deployed and carried out
_DEPLOY = re.compile(r"[”\"]?(?:建设|创建|工作)?(?:的)?(?:统一)?(?:工作)?(?:决策)?(?:部署|安排)(?:要求)?\s*$")
#: between the deploying bodies and X: 按照 A“X”部署, 根据 A 关于开展2024年全国“X”的统一部署
_DEPLOYER_LINK = re.compile(r"的?[“\"]?|关于(?:组织|深入)?(?:开展|推进|实施)?(?:20\d\d年度?)?(?:全国|全省|全市|全区|全县)?[“\"]?")
#: what joins the campaigns one deployment names (关于开展“A”活动和B行动的部署)
_CAMPAIGN_GLUE = re.compile(r"[”\"]?(?:[、和及与]|以及)[“\"]?")
#: (not SUBJECT_COORD: 与 joins deploying bodies, A 与 B 关于…的部署, where before a verb it names a partner)
_DEPLOYERS = re.compile(r"[、和及与]|以及")
#: the basis: 按照/根据 …, and (为)(深入)贯彻落实 … 关于 X 的部署要求 (the deployment the sentence follows)
#: (a modal or adverb after the subject may come first: 市局将按照…部署)
_BASIS = re.compile(r"\s*(?:将|要|还|也|均|已|继续){0,2}(?:为)?(?:深入|认真|全面|坚决|进一步)*"
                    r"(?:按照|根据|依据|依照|遵照|贯彻落实|贯彻|落实)")
#: a generic plural subject (subjects.GENERIC) before the basis (各大队能够按照支队“X”部署): the deployer still deploys X
_GENERIC_OPEN = re.compile(r"\s*(?=" + GENERIC.pattern + r")各[^，,。;；、“”\s]{1,6}?(?:能够|均能|要|应|均|都|须|必须)?(?="
                           + _BASIS.pattern + ")")
#: a short alias in brackets after the last partner (联合市农业农村局（渔政）开展 X)
_ALIAS = r"(?:\([^()，,。;；:：]{1,10}\))?"
#: 与 B 共同/联合/协同 + verb: the partners act too (与 B 将联合开展, 与 B 还共同推进: a modal or aspect adverb first)
_JOINT = re.compile(_ALIAS + r"\s*(?:将|还|也|拟|要|已|正|并|再)?(?:共同|联合|协同|一起|携手|合作)(?:深入|扎实|持续|全面|积极)?\s*")
#: between 会同/联合 B and the verb B carries out with the subject (会同交警大队组织开展 X; 会同交警大队在疏港道路开展 X:
#: a place phrase first)
_ALONG = re.compile(_ALIAS + r"\s*(?:等(?:相关)?(?:部门|单位))?(?:在[^，,。;；、：:“”《》]{1,16}?)?"
                    r"(?:共同|联合|一起|深入|扎实|持续|全面|积极|集中|组织)*\s*")
#: nouns a campaign may modify, which a verb before the campaign governs instead (围绕“交通强县”建设目标)
_HEAD_NOUN_AFTER = re.compile(r"的?(?:工作)?(?:目标|要求|精神)")


def by_agent(norm: str, target: Mention, pool: list[TriggerHit], partners_at) -> tuple[TriggerHit, list[Mention]] | None:
    """X 由 A（、B）牵头组织实施 / 《X》由 A 印发: the hit, and the bodies after 由 that carry X out or issue it.

    ``pool`` are the verbs of the relation in the clause; ``partners_at(pos)``
    lists the bodies coordinated from ``pos`` on.
    """
    m = _BY.match(norm, target.end)
    if m is None:
        return None
    agents = partners_at(m.end())
    if not agents:
        return None
    link = _BY_LINK.match(norm, agents[-1].end)
    hit = next((h for h in pool if h.start == link.end()), None)
    return (hit, agents) if hit is not None else None


def deployed(norm: str, clause: Clause, camp: Mention, in_clause: list[Mention]) -> tuple[TriggerHit, list[Mention]] | None:
    """按照 [A] X 部署: the hit, and the bodies A that deploy X (those the text names: 根据 A、B 和 C 关于开展 X 的部署).

    The basis opens the clause or follows its subject (中队按照大队“护路”行动部署，…). A season's
    部署 (按照市局春运工作部署) is the work of the season, not a campaign carried out.
    """
    first, last = _deployed_list(norm, camp, in_clause)
    if not _DEPLOY.match(norm, last.end, clause.end) or is_season(camp.name):
        return None
    generic = _GENERIC_OPEN.match(norm, clause.start, first.start)
    if not _BASIS.match(norm, generic.end() if generic else clause.start, first.start):
        subjects = clause_subjects(norm, clause, in_clause)
        if not subjects or subjects[-1].end >= first.start or not _BASIS.match(norm, subjects[-1].end, first.start):
            return None
    hit = TriggerHit("CONDUCTS", "按照…部署", "deploy", clause.start, clause.end)
    before = [m for m in in_clause if m.label in PARTNER_LABELS and m.end <= first.start]
    if not before or not _DEPLOYER_LINK.fullmatch(norm, before[-1].end, first.start):
        return hit, []
    return hit, coordinated(norm, before, _DEPLOYERS)


def _deployed_list(norm: str, camp: Mention, in_clause: list[Mention]) -> tuple[Mention, Mention]:
    """The first and last campaign of the list ``camp`` stands in (关于开展A和B的部署: A and B are deployed together)."""
    camps = sorted((m for m in in_clause if m.label == "CAMPAIGN"), key=lambda m: m.start)
    i = j = next((k for k, m in enumerate(camps) if m is camp), None)
    if i is None:
        return camp, camp
    while i > 0 and _CAMPAIGN_GLUE.fullmatch(norm, camps[i - 1].end, camps[i].start):
        i -= 1
    while j + 1 < len(camps) and _CAMPAIGN_GLUE.fullmatch(norm, camps[j].end, camps[j + 1].start):
        j += 1
    return camps[i], camps[j]


def post_verb(norm, begin, camp, upto, rest, post, in_clause, gap_ok) -> TriggerHit | None:
    """X（工作）深入开展: a campaign (or a list of them) opening its clause, a verb after it.

    ``upto`` are the campaigns of the clause up to ``camp``, ``rest`` those
    from it on; ``gap_ok(norm, start, end, same, limit)`` says whether a span
    may separate coordinated items.
    """
    first = upto[0].start - (norm[upto[0].start - 1:upto[0].start] in ("“", '"'))  # a quoted name: its quote opens
    if not subject_prefix(norm, begin, first):
        return None
    if not gap_ok(norm, upto[0].start, camp.start, upto, 0):
        return None
    j = 0  # the end of the coordinated list the campaign is in
    while j + 1 < len(rest) and gap_ok(norm, rest[j].end, rest[j + 1].start, [], 0):
        j += 1
    last = rest[j]
    for h in post:
        if h.start < last.end:
            continue
        link = norm[last.end:h.start]
        if POST_LINK.fullmatch(link) and not any(last.end <= m.start < h.start for m in in_clause):
            return h
        break
    return None


def governs_head_noun(norm: str, camp: Mention) -> bool:
    """True when the campaign modifies a noun that the verb before it governs (围绕 X 建设目标)."""
    return _HEAD_NOUN_AFTER.match(norm, camp.end) is not None


def attributive_agents(norm: str, hit: TriggerHit, pool: list[TriggerHit], in_clause: list[Mention]) -> list[Mention]:
    """The bodies right before a verb used as an attribute (省厅组织开展的 X; A、B 牵头实施的 X)."""
    if norm[hit.end:hit.end + 1] != "的":
        return []
    start = hit.start
    while True:  # 组织开展的: step back over adjacent triggers
        before = next((h for h in pool if h.end == start), None)
        if before is None:
            break
        start = before.start
    bodies = [m for m in in_clause if m.label in PARTNER_LABELS and m.end <= start]
    if not bodies or bodies[-1].end != start:
        return []
    out = [bodies[-1]]
    for m in reversed(bodies[:-1]):  # the bodies coordinated before it
        if SUBJECT_COORD.fullmatch(norm, m.end, out[0].start) is None:
            break
        out.insert(0, m)
    return out


def joint_partners(norm: str, hit: TriggerHit, prep_hits: list[TriggerHit], partners_at) -> list[Mention]:
    """The partners of a joint verb right before the verb ``hit``: ``与 B 共同`` (运管所与公交公司共同推进 X)
    and ``会同/联合/配合 B`` (支队会同交警大队开展 X: the 交警大队 carries X out too).

    ``prep_hits`` are the 与/同 hits and the 会同/联合 hits before their partner;
    ``partners_at(pos)`` lists the bodies coordinated from ``pos`` on.
    """
    # one hit per position: 联合 is read both as a partner word and as a joint word
    before = list({(p.start, p.end): p for p in prep_hits if p.end <= hit.start}.values())
    for last in before[:-3:-1]:  # 与 B 联合开展: 联合 has no partner after it, 与 has
        partners = partners_at(last.end)
        link = _JOINT if last.frame == "prep" else _ALONG
        if partners and link.fullmatch(norm, partners[-1].end, hit.start):
            return partners
    return []


#: 在 A 的统一部署下 opening a sentence: A deploys what the sentence carries out; so it does after the
#: sentence's subject (B 在 A 的统一部署下，开展 X), where 在 A 的领导下 is leadership, no deployment
_UNDER_OPEN = re.compile(r"\s*(?:在|按照)\s*$")
_UNDER = re.compile(r"(?:在|按照)\s*$")
_UNDER_TAIL = re.compile(r"的?(?:统一|直接|精心)?(?:部署|领导|组织|安排|指挥|调度)(?:下|之下)")
_UNDER_DEPLOY = re.compile(r"的?(?:统一|直接|精心)?(?:部署|组织|安排|指挥|调度)(?:下|之下)")
#: B 牵头, 由 B 具体承办 closing a clause with no object: B leads the campaign before
#: (由 A、B 联合主办，C 承办的 X: joint organisers lead it too)
_LEAD = re.compile(r"(?:联合|共同)?(?:具体|负责)?(?:承办|主办|牵头|牵头负责|负责实施|组织实施|牵头实施)|具体负责")
#: a short topic and 由 before the lead bodies (此项工作由 A 牵头)
_TOPIC_LEAD = re.compile(r"[^\s,，。;；:：、“”《》]{1,8}由")
#: C、D 配合 closing the clause after a lead clause (由 A 牵头，C、D 配合; 由 A 主办，C、D 会办): C and D assist the lead
_SUPPORT = re.compile(r"(?:等(?:相关)?(?:部门|单位))?(?:积极|全力|协同|共同)?(?:配合|协助|会办|协办)")
#: B、C 共同参与 closing a clause with no object: they take part in the campaign before
_TAKE_PART = re.compile(r"(?:等(?:相关)?(?:部门|单位))?(?:共同|积极|全程|全力|协同)?(?:参与|参加|配合)(?:其中|进来)?")


def sentence_agents(norm: str, sent_start: int, clauses: list[Clause], mentions: list[Mention],
                    done: list, own, labels: tuple[str, ...], topic: Mention | None = None):
    """CONDUCTS for the bodies that carry out what a sentence's CONDUCTS relations ``done`` carry out.

    ``在 A 的统一部署下，B 开展 X``: A deploys X (``按照 A 部署，B 开展 X``: B alone carries X out); ``B 牵头开展 X，C、D 共同参与``:
    C and D take part in X; ``B 开展 X，由 C 具体承办`` (or ``C 牵头``): C leads it, and so do the lead bodies after a task
    named alone (``X 工作，由 C 牵头，D 具体负责``). In a sentence that carries out no campaign and names
    none, ``C、D 积极参与`` takes part in ``topic`` (the campaign a news item is
    about). ``own(m)`` maps a self-reference to its body.
    """
    done = [r for r in done if r.rel == "CONDUCTS"]
    tails = [r.tail for r in done]
    # a task named alone before its lead bodies (X工作，由 A 牵头，B 具体负责): they lead it
    opening = _opening_task(norm, clauses, mentions) if not done else None
    if not done:
        if opening is not None:
            tails = [opening]
        elif topic is None or any(m.label == "CAMPAIGN" for m in mentions):
            return
        else:
            tails = [topic]
    out: list[Mention] = []
    bodies = [m for m in mentions if m.label in PARTNER_LABELS]
    if done and bodies and _UNDER_OPEN.match(norm, sent_start, bodies[0].start) and _UNDER_TAIL.match(norm, bodies[0].end):
        out.append(bodies[0])
    elif done:  # B 在 A 的统一部署下，开展 X (not 在 A 的领导下: leadership, no deployment of X)
        out += [m for m in bodies if _UNDER.search(norm, max(sent_start, m.start - 4), m.start)
                and _UNDER_DEPLOY.match(norm, m.end)]
    for ci, clause in enumerate(clauses):
        inner = [m for m in bodies if clause.start <= m.start and m.end <= clause.end]
        if not inner:
            continue
        leads = (done or opening is not None) and _leads(norm, clause, inner)
        if ci == 0 and (done or opening is not None) and not leads:
            continue  # the first clause holds the subject of what the sentence carries out
        if not leads and not _TAKE_PART.fullmatch(norm, inner[-1].end, clause.end):
            continue
        out += _coordinated_before(norm, inner)
    hit = TriggerHit("CONDUCTS", "部署/参与", "pre", sent_start, clauses[-1].end)
    for agent in map(own, out):
        if agent.label in labels:
            for tail in tails:
                yield ("CONDUCTS", agent, tail, hit)
    yield from _along_before(norm, clauses, bodies, done, labels)
    yield from carried_partners(norm, bodies, done, labels)


def _leads(norm: str, clause: Clause, inner: list[Mention], topic: bool = False) -> bool:
    """True when ``clause`` is (由) A、B 牵头 (主办, 承办 …) with no object: A and B lead what the sentence names.

    With ``topic``, a short topic may open the clause (此项工作由 A 牵头: A leads that task, not the sentence's).
    """
    opening = norm[enum_marker_end(norm, clause):inner[0].start].strip(" （(")
    return _LEAD.fullmatch(norm, inner[-1].end, clause.end) is not None \
        and (opening in ("", "由") or topic and _TOPIC_LEAD.fullmatch(opening) is not None)


def _coordinated_before(norm: str, inner: list[Mention]) -> list[Mention]:
    """The last body of a clause and the bodies coordinated before it (A、B 和 C)."""
    part = [inner[-1]]
    for m in reversed(inner[:-1]):
        if SUBJECT_COORD.fullmatch(norm, m.end, part[0].start) is None:
            break
        part.insert(0, m)
    return part


def lead_support(norm: str, clauses: list[Clause], mentions: list[Mention], own, labels: tuple[str, ...]):
    """COOPERATES_WITH from the lead bodies to those that assist them: ``由 A 牵头，C、D 配合``.

    A clause naming the leads alone (:func:`_leads`) right before a clause closing on 配合/协助
    after its bodies; ``own(m)`` maps a self-reference to its body, ``labels`` are those a
    cooperating body may have.
    """
    bodies = [m for m in mentions if m.label in PARTNER_LABELS]
    for clause, nxt in zip(clauses, clauses[1:]):
        inner = [m for m in bodies if clause.start <= m.start and m.end <= clause.end]
        helpers = [m for m in bodies if nxt.start <= m.start and m.end <= nxt.end]
        if not inner or not helpers or not _leads(norm, clause, inner, topic=True) \
                or norm[nxt.start:helpers[0].start].strip() \
                or not _SUPPORT.fullmatch(norm, helpers[-1].end, nxt.end):
            continue
        hit = TriggerHit("COOPERATES_WITH", "牵头…配合", "pre", clause.start, nxt.end)
        for lead in map(own, _coordinated_before(norm, inner)):
            for helper in map(own, _coordinated_before(norm, helpers)):
                if lead.label in labels and helper.name != lead.name:
                    yield ("COOPERATES_WITH", lead, helper, hit)


#: a clause that is a task's name alone (“X”创建工作，)
_TASK_ONLY = re.compile(r"\s*[”\"]?(?:的)?(?:工作|任务)?\s*")


def _opening_task(norm: str, clauses: list[Clause], mentions: list[Mention]) -> Mention | None:
    """The campaign a sentence's first clause consists of, when a later clause names who leads it."""
    if len(clauses) < 2:
        return None
    first = clauses[0]
    inner = [m for m in mentions if first.start <= m.start and m.end <= first.end]
    if len(inner) != 1 or inner[0].label != "CAMPAIGN":
        return None
    camp = inner[0]
    begin = enum_marker_end(norm, first)
    if norm[begin:camp.start].strip(" “\"") or not _TASK_ONLY.fullmatch(norm, camp.end, first.end):
        return None
    return camp


#: a clause closing on 会同/联合 B（、C 等部门）, the verb in the next one (A 会同 B，持续开展 X)
_ALONG_CLAUSE = re.compile(r"(?:会同|联合)\s*$")
_ALONG_CLOSE = re.compile(r"\s*(?:等(?:相关)?(?:部门|单位))?\s*")
#: (会同 B，在 X 路段开展 Y: a place phrase first; 联合 B，在枢纽站举行 X 启动仪式; 联合 B、C，共同发起 X)
#: the deeds partners share with the subject (not a lever: 联合 B，围绕 X…)
_DEED = r"(?:开展|实施|推进|举行|举办|启动|发起)"
#: a place, or the object fronted, before the deed the partners share (在 X 路段开展 Y; 对重点路段开展 Y)
_PLACE = r"(?:[在对][^，,。;；、：:“”《》]{1,16}?)?"
#: adverbs, and verbs of arranging (组织开展, 部署开展), between the partners and the deed they share
_ADVERBS = r"(?:要|将|还|也|共同|联合|一起|持续|深入|扎实|全面|积极|集中|组织|部署)*"
_ALONG_NEXT = re.compile(r"\s*" + _PLACE + _ADVERBS + _DEED)


def _along_before(norm: str, clauses: list[Clause], bodies: list[Mention], done: list, labels: tuple[str, ...]):
    """``A 会同 B，持续开展 X``: the partners closing a clause carry out what the next clause opens with.

    Apart from :func:`carried_partners`, which shares its constants: here no subject need precede 会同
    (``会同 B，开展 X``: the author's) and the partners take every CONDUCTS of the next clause, whatever its head.
    """
    for clause, nxt in zip(clauses, clauses[1:]):
        inner = [m for m in bodies if clause.start <= m.start and m.end <= clause.end]
        if not inner or not _ALONG_CLOSE.fullmatch(norm, inner[-1].end, clause.end) \
                or not _ALONG_NEXT.match(norm, nxt.start, nxt.end):
            continue
        part = _coordinated_before(norm, inner)
        if not _ALONG_CLAUSE.search(norm, clause.start, part[0].start):
            continue
        hit = TriggerHit("CONDUCTS", "会同…", "pre", clause.start, nxt.end)
        for r in done:
            if nxt.start <= r.tail.start < nxt.end:
                for agent in part:
                    if agent.label in labels:
                        yield ("CONDUCTS", agent, r.tail, hit)


#: right after a subject: 会同/联合 and the partners (A 将会同 B、C 等会员单位…)
_WITH_PARTNERS = re.compile(r"\s*(?:将|还|也|拟|要|已|正|并|再|积极|主动)?(?:会同|联合)\s*")
#: between the last partner and the verb they carry out with the subject: the partners' kind (等会员单位),
#: a clause break, a place and adverbs, no verb phrase of their own (会同 B 制定《Y》，开展 X: B only makes Y)
_PARTNERS_TO_VERB = re.compile(_ALIAS + r"\s*(?:等(?:会员|成员|相关|有关)?(?:单位|部门|企业))?\s*[，,]?\s*"
                               + _PLACE + _ADVERBS + r"\s*")


def carried_partners(norm: str, bodies: list[Mention], done: list, labels: tuple[str, ...]):
    """``A 会同 B、C 等单位(，在…)开展 X``: the partners of the subject carry out what its first verb carries out.

    A CONDUCTS whose head is a body followed by 会同/联合 and its coordinated partners gives them X
    when only their kind (等会员单位), a clause break, a place or a fronted object (在…, 对…) and
    adverbs stand between them and the verb (会同 B 部署开展 X; 联合 B、C 等会员单位开展 X).

    Parameters
    ----------
    norm : str
        The document's normalised text (mention offsets index it).
    bodies : list of Mention
        The sentence's bodies (``PARTNER_LABELS``) in text order.
    done : list
        The sentence's CONDUCTS relations found so far (with ``head``, ``tail`` and ``trigger``).
    labels : tuple of str
        The labels a partner must have to carry out a campaign.

    Yields
    ------
    tuple of (str, Mention, Mention, TriggerHit)
        ``("CONDUCTS", partner, campaign, hit)`` for each partner other than the subject itself.
    """
    for r in done:
        head = r.head
        at = next((k for k, m in enumerate(bodies) if m.start == head.start and m.end == head.end), None)
        if at is None or at + 1 >= len(bodies) or r.tail.start < head.end:
            continue
        link = _WITH_PARTNERS.match(norm, head.end, bodies[at + 1].start)
        if link is None or link.end() != bodies[at + 1].start:
            continue
        part = [bodies[at + 1]]
        for m in bodies[at + 2:]:
            if m.start > r.tail.start or SUBJECT_COORD.fullmatch(norm, part[-1].end, m.start) is None:
                break
            part.append(m)
        verb = norm.rfind(r.trigger, part[-1].end, r.tail.start) if r.trigger else -1
        if verb < 0 or not _PARTNERS_TO_VERB.fullmatch(norm, part[-1].end, verb) \
                or not re.search(_DEED + "$", r.trigger):
            continue
        hit = TriggerHit("CONDUCTS", "会同…", "pre", head.start, r.tail.end)
        for agent in part:
            if agent.label in labels and agent.name != head.name:
                yield ("CONDUCTS", agent, r.tail, hit)
