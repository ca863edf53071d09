"""Re-check phases named by the work they look back at: 桥梁隧道安全运行“回头看”.

A phase written after a campaign's head (专项整治“回头看”) is read with that head
(:func:`kg.extract.named_heads.campaign_end`); this rule names the phase after a
free-text work that is no campaign of its own.
"""

from __future__ import annotations

import re

from kg.extract.phrases import Candidate, PhraseScanner
from kg.extract.triggers import load_triggers


#: a quoted re-check phase (“回头看”) and what before it is the state of things looked back at (整改情况)
_QUOTED_PHASE = re.compile(r"[“\"]回头看[”\"]")
_STATE_WORDS = ("情况", "成果", "成效", "事项", "问题")
#: the verbs that carry out a campaign (the CONDUCTS "pre" triggers: 开展, 部署, 启动…), perhaps with aspect 了
_LAUNCH = re.compile("(?:" + "|".join(sorted(load_triggers().words[("CONDUCTS", "pre")], key=len, reverse=True))
                     + ")了?$")


def phase_candidates(sc: PhraseScanner) -> list[Candidate]:
    """A re-check of a piece of work that the text names before a quoted “回头看” (桥梁隧道安全运行“回头看”).

    The work's name is its free-text modifier, read like a head's, and only where a verb that carries out a
    campaign (开展, 组织开展了, 部署, 启动: the CONDUCTS "pre" triggers) opens it (a name cut short on its left, or 对…工作, is no work of its own). A head after the phase
    names a drive of it (动态监控“回头看”专项检查, the head rule's), and a state of things checked again
    (对整改情况开展“回头看”) or a generic modifier names no work.

    Parameters
    ----------
    sc : PhraseScanner
        The document's scanner.

    Returns
    -------
    list of Candidate
        One CAMPAIGN candidate (tier 1, rule ``campaign.phase``) per phase found.
    """
    text, out = sc.text, []
    for m in _QUOTED_PHASE.finditer(text):
        pos = m.start()
        if sc.in_title(pos, m.end()) or any(h[0] == m.end() for e in range(m.end() + 1, m.end() + 8)
                                            for h in sc.matches("campaign_heads").ending_at(e)):
            continue
        start = sc.extend_left(pos, limit=16)
        modifier = text[start:pos]
        if start == pos or modifier.endswith(_STATE_WORDS) or sc.is_generic(sc.last_conjunct(modifier)) \
                or not _LAUNCH.search(text, max(0, start - 5), start):
            continue  # only the whole object of a launch verb: 企业|安全生产标准化建设 would be cut from a name
        out.append(Candidate("CAMPAIGN", start, m.end(), text[start:m.end()], "campaign.phase", tier=1))
    return out


__all__ = ["phase_candidates"]
