"""ISSUES frames: who issues a regulation (a title in 《》 or a named rule set).

subject + 印发/制定/出台... + REGULATION, and the titles coordinated with it or listed after 包括
(not 新修订的《X》); 《X》修编工作 (not after 按照/落实...); 《X》由 A 印发; A 联合 B 印发《X》 and
A 会同 B (联合)印发/制定《X》 (B too; not 会同 B 编制); A 与 B 联合制定的《X》 and A、B 印发的《X》
(both); 配合 B 修订《X》 (B, not the subject, which only helps: :mod:`kg.extract.partners`); AGENCY《X》 (交通运输部《…办法》,
根据市局《…》要求) and 省厅印发的《X》; a title opening with a body and 关于 (《交通运输部关于…的通知》).

A body that issues a notice or plan on carrying out a campaign (印发《关于开展 X 的通知》, 《A关于开展 X 的实施方案》)
carries the campaign out (:func:`notice_campaigns`); not when another's notice is only cited (按照 A《关于开展 X 的通知》要求).
"""

from __future__ import annotations

import re

from kg.extract import conducts
from kg.extract.partners import ASSISTING, attributive_issuers, co_issuers, only_assists, partners_at
from kg.extract.triggers import TriggerHit

#: the labels an issuer may have
_LABELS = ("AGENCY",)
#: verbs that publish a document, and the partner words that make its partners co-sign it (A 联合 B 印发)
_CO_SIGNED = ("印发", "发布", "出台", "下发", "颁布")
_CO_SIGNING = ("联合", "联手", "携手")
#: between a title (its mention may stop before 》) and a nominalised verb: 《X》的修编, 《X》正式印发, 《X》于5月出台
_POST_LINK = re.compile(r"[》〉]?(?:的|已经?|于[^，,。;；、《》“”]{1,10}?|近日|日前)?(?:正式|顺利)?")
#: the unnamed co-issuers after a body (交通运输部等九部门, 等部门)
_OTHER_BODIES = r"(?:等[一二三四五六七八九十\d]*个?(?:部门|部委|单位))?"
#: before a regulation, words that mean it is applied rather than issued
_APPLIES = ("按照", "根据", "依据", "对照", "落实", "贯彻", "执行", "遵照", "参照", "依照", "对标", "学习", "按")
#: what parts two titles of one list (《A》《B》和《C》)
_TITLE_LIST = re.compile(r"[》〉]?[、和及与]?[《〈]?")
#: a notice or plan on carrying out a campaign: 关于开展2025年“X”活动的通知, A关于开展“X”的实施方案,
#: 关于在全局开展 X 的实施方案
_NOTICE_OF = re.compile(r"关于(?:在[^，,。;；]{1,8}?)?(?:组织|深入|全面)?(?:开展|实施|启动)(?P<what>.+?)的?(?:通知|方案)$")


def notice_campaigns(reg, campaigns: dict[str, list]) -> list:
    """The campaigns a notice or plan on carrying them out (``reg``: 关于开展“X”活动的通知) names.

    ``campaigns`` maps each campaign name of the document to its mentions; a
    campaign named inside another one found is left out. One mention of each
    is returned (the campaign mentions of a title are not mentions of their own).

    Parameters
    ----------
    reg : Mention
        The regulation an ISSUES relation names (its ``name`` is read).
    campaigns : dict
        Campaign name -> its mentions in the document.

    Returns
    -------
    list of Mention
        One mention of each campaign the notice names.
    """
    m = _NOTICE_OF.search(reg.name)
    if m is None:
        return []
    found = [n for n in campaigns if len(n) >= 4 and n in m.group("what")]
    return [campaigns[n][0] for n in found if not any(n != o and n in o for o in found)]


def issues_in_clause(norm, clause, in_clause, chits, prev_hits, subject_for, governing, issue_words, max_post_gap,
                     lexicon):
    """``("ISSUES", issuer, regulation, hit)`` for the regulations of one clause.

    Parameters
    ----------
    norm : str
        The width-folded text.
    clause : Clause
    in_clause : list of Mention
        The mentions of the clause.
    chits, prev_hits : list of TriggerHit
        The trigger hits of the clause and of the clause before it.
    subject_for : callable
        ``subject_for(pos)``: the subject of a verb at ``pos`` (:meth:`kg.extract.subjects.Subjects.resolver`).
    governing : callable
        ``governing(norm, clause, target, pool, same, prev_hits)``: the verb of ``pool`` that governs ``target``.
    issue_words : list of str
        The ISSUES verbs that stand before a title (印发, 制定…).
    max_post_gap : int
        Characters allowed between a title and a nominalised verb after it.
    lexicon : Lexicon
        The document's dictionaries (:func:`kg.extract.partners.partners_at`).

    Yields
    ------
    tuple
    """
    regs = [m for m in in_clause if m.label == "REGULATION"]
    if not regs:
        return
    pre = [h for h in chits if h.rel == "ISSUES" and h.frame == "pre"]
    prev_pre = [h for h in prev_hits if h.rel == "ISSUES" and h.frame == "pre"]
    post = [h for h in chits if h.rel == "ISSUES" and h.frame == "post"]
    preps = [h for h in chits if h.rel == "COOPERATES_WITH" and (h.frame == "prep" or h.word in _CO_SIGNING)]
    def partners(pos: int) -> list:
        return partners_at(norm, pos, in_clause, lexicon)

    for reg in regs:
        # 《交通运输部办公厅关于开展…的通知》: a title opening with a body and 关于 names its issuer,
        # whoever relays or cites it (现将《…》转发给你们)
        issuer = next((m for m in in_clause if m.label == "AGENCY" and reg.start <= m.start <= reg.start + 1
                       and m.end < reg.end and norm.startswith("关于", m.end)), None)
        if issuer is not None:
            yield ("ISSUES", issuer, reg, TriggerHit("ISSUES", "关于", "title", issuer.end, issuer.end + 2))
            continue
        before = [m for m in in_clause if m.end <= reg.start and m.label == "AGENCY"]
        # 交通运输部《…》 / 省厅印发的《…》: the agency right before the title issued it
        if before:
            agency = before[-1]
            link = norm[agency.end:reg.start]
            words = "|".join(re.escape(w) for w in issue_words)
            # 交通运输部《…》 (the title is its own), 省厅印发的《…》 (attributive); 省厅印发《…》 is a clause
            # 交通运输部等九部门《…》 / 交通运输部等部门印发的《…》: the named body issues it with the others
            attr = re.fullmatch(rf"{_OTHER_BODIES}(?:(?P<joint>联合|共同)?(?P<verb>{words})了?的)?[《〈]?", link)
            if attr or re.fullmatch(rf"{_OTHER_BODIES}的[《〈]?", link):
                trig = attr.group("verb") if attr else None
                hit = TriggerHit("ISSUES", trig or "", "attr", agency.end, reg.start)
                for head in attributive_issuers(norm, before, bool(trig), bool(attr and attr.group("joint"))):
                    yield ("ISSUES", head, reg, hit)
                continue
        hit = governing(norm, clause, reg, pre, regs, prev_pre)
        if hit is not None and norm[hit.end:hit.end + 1] == "的":
            continue  # 新修订的《安全生产法》: the verb describes the title, no one here issues it
        if hit is None:
            passive = conducts.by_agent(norm, reg, pre, partners)
            if passive is not None:  # 《X》由 A 印发
                for head in passive[1]:
                    if head.label in _LABELS:
                        yield ("ISSUES", head, reg, passive[0])
                continue
        if hit is None:
            after = [h for h in post if h.start >= reg.end and h.start - reg.end <= max_post_gap
                     and _POST_LINK.fullmatch(norm, reg.end, h.start)]
            first = reg  # 依据《A》《B》和《C》制定: the words before the list apply C too
            for other in reversed(regs[:regs.index(reg)]):
                if _TITLE_LIST.fullmatch(norm, other.end, first.start) is None:
                    break
                first = other
            lead = norm[max(clause.start, first.start - 4):first.start]
            assisted = any(h.word in ASSISTING and h.end <= reg.start for h in chits)
            if after and not any(w in lead for w in _APPLIES) and not assisted:
                hit = after[0]  # not 配合 B 完成《X》的起草: the subject only helps
        if hit is None:
            continue
        # 配合 B 修订《X》: B issues X, the subject only helps
        heads = [] if only_assists(norm, hit, chits, in_clause, lexicon) else subject_for(min(hit.start, reg.start))
        if hit.word in _CO_SIGNED:  # A 联合 B 印发《X》: B signs it too (会同 B 编制: B only helps)
            heads = heads + conducts.joint_partners(norm, hit, preps, partners)
        heads = heads + co_issuers(norm, hit, chits, in_clause, lexicon, _CO_SIGNED, _CO_SIGNING)
        for head in heads:
            if head.label in _LABELS:
                yield ("ISSUES", head, reg, hit)
