"""Frames in which a clause's subject carries out a campaign without a verb before it.

``during``   在 X 中 / 在 X 期间, and a themed day or a period opening the clause: “安全宣传咨询日”当天，… / “安全生产月”期间，…
``lever``    以 X 为契机/抓手/主线 (the subject takes X as the lever of its work), 把 X 作为…来抓 (the subject takes
             X up), 是 X 的重要内容 (the deed told of is part of X)

Each function returns a :class:`~kg.extract.triggers.TriggerHit` whose ``frame`` names the frame, or None; the
relation extractor gives X to the clause's subject (else the author).
"""

from __future__ import annotations

import re

from kg.extract.clauses import Clause
from kg.extract.named_heads import is_season
from kg.extract.subjects import subject_prefix
from kg.extract.triggers import TriggerHit
from kg.model import Mention

_DURING = re.compile(r"(?:的)?(?:工作)?(?:中|期间|过程中|之际)")
#: a prize won in a contest: 在“X”技能竞赛中获团体三等奖, 中，我市代表队荣获第二名
_PRIZE = re.compile(r"[，,]?[^，,。；;]{0,14}?(?:荣获|获得|获评|(?<![查破截抓缴捕])获|夺得)[^，,。；;]{0,10}?(?:奖|第[一二三四五六七八九十\d]+名|称号|佳绩|先进)")
#: a themed day or a period that opens its clause: 6月16日“安全宣传咨询日”当天， / “百日护路”专项行动期间，
_ON_THE_DAY = re.compile(r"(?:活动)?(?:当天|期间)\s*$")
#: 以 X 为契机: X is the lever of the subject's work
#: the noun a campaign's name may carry as the work it stands for (以“四好农村路”建设为抓手)
_WORK = r"(?:的)?(?:工作|建设|创建|活动|行动)?"
#: 以 X 为主线 with a short noun phrase of X's work before 为 (以“四好农村路”高质量发展为主线, 以“X”提档升级为抓手):
#: no mark, no 为 and no second campaign between
_LEVER = re.compile(r"(?:的)?[^，,。；;、：:“”\"《》()（）\s为以和与及]{0,6}?为(?:总)?(?:契机|抓手|载体|牵引|突破口|切入点|主线|引领|重点|平台)")
#: 把 X 作为…来抓 / 将 X 列为…: the subject takes X up as its work
_TAKE_UP = re.compile(_WORK + r"(?:作为|列为|当作)")
#: a goal noun anywhere between X and 为 (以“交通强县”建设目标任务为抓手): the goal is the lever, not X
_GOAL = re.compile(r"目标|要求|精神")


def during(norm: str, clause: Clause, camp: Mention) -> TriggerHit | None:
    """在 X 中 / 在 X 期间, or X当天 / X期间 opening its clause: X is being carried out."""
    if camp.start > 0 and norm[camp.start - 1] == "在":
        m = _DURING.match(norm, camp.end)
        if m is not None and _PRIZE.match(norm, m.end()):
            return None  # 在 X 竞赛中获三等奖: the body took part and won a prize, it did not carry X out
        if m is not None:
            word = "在…" + re.sub(r"^的?(?:工作)?", "", m.group())
            return TriggerHit("CONDUCTS", word, "during", camp.start - 1, m.end())
    if subject_prefix(norm, clause.start, camp.start):
        m = _ON_THE_DAY.match(norm, camp.end, clause.end)
        # 春运期间 and 活动期间 (a season, a bare head referring back) give the time only
        if m is not None and m.group().strip().endswith("期间") and (
                camp.rule == "anaphor" or is_season(camp.name) or is_season(camp.text.strip("“”\""))):
            return None
        if m is not None:
            return TriggerHit("CONDUCTS", "…" + m.group().strip()[-2:], "during", camp.start, clause.end)
    return None


def _unquoted(norm: str, camp: Mention) -> tuple[int, int]:
    """The campaign's span with the quotation marks around a name that leaves them out (以“四好农村路”建设)."""
    if 0 < camp.start < len(norm) and norm[camp.start - 1] in "“\"" and norm[camp.end:camp.end + 1] in ("”", "\""):
        return camp.start - 1, camp.end + 1
    return camp.start, camp.end


def lever(norm: str, camp: Mention) -> TriggerHit | None:
    """以 X 为契机 (为抓手, 为载体 …)."""
    at, after = _unquoted(norm, camp)
    if at == 0 or norm[at - 1] != "以":
        return None
    m = _LEVER.match(norm, after)
    if m is None or _GOAL.search(m.group(), 0, m.group().index("为")):
        return None  # 以 X 建设目标为抓手: the goal X modifies is the lever
    word = m.group()[m.group().index("为"):]
    return TriggerHit("CONDUCTS", "以…" + word, "lever", at - 1, m.end())


#: 是（全市）X 的重要内容: what the clause tells of is part of X (before it: 是 and a short scope, no mark)
_PART_BEFORE = re.compile(r"(?<![不否])是(?!否)[^，,。；;、：:“”\"《》\s]{0,6}$")
_PART_AFTER = re.compile(_WORK + r"的?(?:重要|具体|有力)?(?:内容|组成部分|举措|环节)")


def part_of(norm: str, clause_start: int, camp: Mention) -> TriggerHit | None:
    """本次演练是全市“安全生产月”活动的重要内容 (是落实 X 的具体举措 has its verb; not 不是, 是否): the deed is part of X.

    Parameters
    ----------
    norm : str
        The normalised text.
    clause_start : int
        Where the clause of ``camp`` starts (是 must stand in it).
    camp : Mention
        The campaign.

    Returns
    -------
    TriggerHit or None
        A ``lever`` hit from 是 to the noun after X (内容, 组成部分, 举措, 环节), or None.
    """
    at, after = _unquoted(norm, camp)
    before = _PART_BEFORE.search(norm, max(clause_start, at - 7), at)
    if before is None or _PART_AFTER.match(norm, after) is None:
        return None
    return TriggerHit("CONDUCTS", "是…的重要内容", "lever", before.start(), _PART_AFTER.match(norm, after).end())


def taken_up(norm: str, camp: Mention) -> TriggerHit | None:
    """把 X 作为重点工作来抓 (将 X 列为…): the subject takes X up."""
    at, after = _unquoted(norm, camp)
    if at == 0 or norm[at - 1] not in "把将":
        return None
    m = _TAKE_UP.match(norm, after)
    if m is None:
        return None
    word = re.sub(r"^.*?(?=作为|列为|当作)", "", m.group())
    return TriggerHit("CONDUCTS", norm[at - 1] + "…" + word, "lever", at - 1, m.end())
