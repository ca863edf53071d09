"""Coordinated campaigns a clause carries out: the one a metric's clause names.

``开展“职工书屋”建设和“最美交通人”评选，评出“最美交通人”10名``: the intro rule gives the
metric to both campaigns of the opening clause; its own clause names what it counts
(最美交通人), which is the work of one of them only. After a later clause (the ``run`` rule:
组织开展“安全生产月”活动和“平安工地”创建，全年开展安全检查286次) a metric whose clause names
none of them is the first one's.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kg.extract.measure_docs import calendar_event, clause_from, examples_end
from kg.model import Mention, MetricMention

#: the generic heads of a campaign's name, which say nothing of what it works on
GENERIC_RE = re.compile(r"专项行动|专项整治|集中整治|联合执法|专项|行动|活动|工程|评选|建设|创建|竞赛|整治|系列")
#: how long a stretch of a name a clause must repeat to name that campaign's object
MIN_SHARED = 3


def _longest_shared(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def named_in_clause(norm: str, metric_start: int, names: list[str]) -> set[str]:
    """The campaigns among ``names`` whose object the clause of a metric names.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metric_start : int
        Where the metric starts.
    names : list of str
        The coordinated campaigns the metric is linked to.

    Returns
    -------
    set of str
        The names sharing at least :data:`MIN_SHARED` characters (generic heads
        left out) with the clause before the metric; all of ``names`` when none
        or all of them do.
    """
    text = re.sub("[“”\"]", "", norm[clause_from(norm, metric_start):metric_start])
    named = {n for n in names if _longest_shared(text, GENERIC_RE.sub("|", n)) >= MIN_SHARED}
    return named if named and len(named) < len(names) else set(names)


def keep_named(norm: str, metrics: list[MetricMention], camps: list[Mention],
               links: dict[tuple[int, str], tuple[int, str]]) -> None:
    """Of the coordinated campaigns a clause carries out, the one a metric's clause names
    (开展“职工书屋”建设和“最美交通人”评选，评出“最美交通人”10名) takes the metric.

    A later clause's campaigns (``run``: 开展“平安运输行”和“护航畅行”活动，组织应急演练120场)
    give a metric whose clause names none of them to none (the order they are listed in says
    nothing). An item's opening campaigns (``intro``) all keep it, unless they are examples
    closed by 等 (开展“A”“B”等志愿服务，组织志愿者600余人: the kind's figure). A calendar event
    coordinated with other work, a drive or not, is the time of that work: the other work
    alone keeps the metric (开展安全生产治本攻坚三年行动和“安全生产月”活动，排查隐患3260处;
    组织开展“安全生产月”和“安全宣传进企业”活动，开展安全培训60场次; “安全生产月”和“平安公交”创建活动).

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.
    camps : list of Mention
        The document's campaign mentions.
    links : dict
        ``(metric index, campaign name) -> (campaign index, rule)``; pruned in place.
    """
    told: dict[int, list[tuple[int, str, str, int]]] = {}
    for (mi, name), (ci, rule) in links.items():
        if rule in ("intro", "run"):
            told.setdefault(mi, []).append((camps[ci].start, name, rule, ci))
    for mi, told_mi in told.items():
        if len(told_mi) > 1:
            names = [n for _, n, _, _ in sorted(told_mi)]
            text = re.sub("[“”\"]", "", norm[clause_from(norm, metrics[mi].start):metrics[mi].start])
            named = {n for n in names if _longest_shared(text, GENERIC_RE.sub("|", n)) >= MIN_SHARED}
            if named:
                keep = named
            else:  # a run whose clause names none of the later clause's campaigns is none of theirs alone,
                # nor are examples closed by 等 (开展“A”“B”等志愿服务，组织志愿者600余人: the kind's)
                examples = examples_end(norm, camps, [ci for *_, ci in told_mi]) is not None
                keep = set() if examples or all(r == "run" for _, _, r, _ in told_mi) else set(names)
            if any(calendar_event(n) for n in keep) and not all(calendar_event(n) for n in keep):
                keep = {n for n in keep if not calendar_event(n)}  # the month is the time of the other work
            for name in set(names) - keep:
                del links[(mi, name)]


__all__ = ["keep_named", "named_in_clause"]
