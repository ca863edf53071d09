"""A clause whose campaigns only frame it: 春运期间, 按照“双公示”工作要求, 以“安全生产月”活动为契机,
围绕“交通强县”建设目标, 为推动安全生产治本攻坚三年行动落地见效. Such a campaign is cited, not reported on:
:mod:`kg.extract.measures` links it no metric of the clause.
"""

from __future__ import annotations

import re

from kg.model import Mention

#: a clause that cites a campaign as the basis of the work: 按照…要求, 根据…部署
REFERENCE_RE = re.compile(r"^\s*(?:按照|根据|依据|依照|对照|遵照|按)")
REFERENCE_END_RE = re.compile(r"(?:要求|精神|规定|标准)\s*$")
#: a campaign that only sets the time of its clause: 春运期间, 在“安全生产月”活动中, 春运前
DURING_RE = re.compile(r"\s*(?:在|于)?#(?:的)?(?:工作|活动)?(?:期间|中|以来|之际|前)\s*")
#: a campaign taken as the occasion, the aim or the driving force of other work, not its vehicle:
#: 以“安全生产月”活动为契机, 以交通强国建设试点县为目标, 以…示范市创建为牵引
#: (以…为抓手/主线/载体 names the campaign the work is done through)
OCCASION_RE = re.compile(r"以#[^#，,；;]{0,8}?为(?:契机|目标|导向|牵引)")
#: a clause giving the purpose of the work after it: 为推动安全生产治本攻坚三年行动落地见效，…
PURPOSE_RE = re.compile(r"^\s*为了?(?:推动|推进|深入推进|扎实推进|全面推进|加快推进|深化|巩固|落实|确保|保障|做好|抓好)")
#: before a campaign followed by the noun it modifies, words that make it the frame of other work:
#: 围绕“交通强县”建设目标
CITE_FRAME_RE = re.compile(r"(?:围绕|聚焦|对标|对照)[^,;:]{0,6}$")


def only_framed(norm: str, start: int, end: int, campaigns: list[int], camps: list[Mention]) -> bool:
    """Whether the campaigns of a clause only frame it (春运期间, 按照“双公示”工作要求, 围绕“交通强县”建设目标).

    Parameters
    ----------
    norm : str
        The width-folded text.
    start, end : int
        The clause's span.
    campaigns : list of int
        The indices into ``camps`` of the clause's campaign mentions.
    camps : list of Mention
        The document's campaign mentions.

    Returns
    -------
    bool
        False for a clause without campaigns.
    """
    if not campaigns:
        return False
    text = norm[start:end]
    if REFERENCE_RE.match(text) and REFERENCE_END_RE.search(text):
        return True  # cited, not reported on (a 部署 of a campaign is carried out)
    if PURPOSE_RE.match(text):
        return True  # the aim of the work that follows, which names its own means
    rest, cur = [], start
    for ci in sorted(campaigns, key=lambda i: camps[i].start):
        rest.append(norm[cur:camps[ci].start])
        cur = max(cur, camps[ci].end)
    rest.append(norm[cur:end])
    if DURING_RE.fullmatch("#".join(rest)) or OCCASION_RE.search("#".join(rest)):
        return True
    # 围绕“交通强县”建设目标 frames; 围绕“服务质量提升年”活动, the whole object, is the work's campaign
    before = norm[start:min(camps[ci].start for ci in campaigns)]
    return CITE_FRAME_RE.search(before) is not None and bool(rest[-1].strip(" ”\"，,；;。"))


__all__ = ["only_framed"]
