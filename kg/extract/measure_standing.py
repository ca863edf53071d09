"""Standing figures: what a sector carries and what a body's service desks handle, not a campaign's results.

A throughput or investment total (全年完成港口货物吞吐量2860万吨; 全市道路客运发送旅客186.5万人次;
全年完成交通固定资产投资1056.3亿元) and the routine figures of permits and complaints (全年办理行政许可1.86万件，
按时办结率100%; 12328热线受理投诉2137件，投诉办结率99.6%), with the change told right after such a figure
(…2860万吨，同比增长7.5%), tell the year of a whole sector or a body's service, even where the sentence opens
with a campaign (深化“放管服”改革，…; 扎实开展安全生产“强基固本”年活动，全年完成港口…).
They are no campaign's results or targets, but for the campaigns whose own work they count: a travel season
(2024年春运: the passengers carried in it) and, for the service figures, a service drive (…服务提升行动,
我为群众办实事实践活动: the complaints it handled). Three rules keep them: the plan of one campaign (``plan``),
the item of a plan that sets its task's targets (4.深化“放管服”改革。…确保行政许可按时办结率100%; ``segment``,
``section``), and a report on one campaign (``document``) for a figure no campaign of its own sentence reached
for (全年集团公交客运量达到1.28亿人次 in the report of a bus company's service drive).
"""

from __future__ import annotations

import re

from kg.extract.named_heads import is_season
from kg.extract.numbers import clause_start
from kg.model import MetricMention

#: before a number in its clause: a sector's throughput or investment total
THROUGHPUT_RE = re.compile(r"吞吐量|[发运]送旅客|旅客发送量|客运量|货运量|周转量|固定资产投资")
#: before a number in its clause: the figures of permits and complaints handled
SERVICE_RE = re.compile(r"按时办结率|投诉办结率|办理(?:各类)?(?:行政许可|政务服务|海事政务)|受理[^，,；;。]{0,12}投诉")
#: a campaign whose own work is service: its service figures are its results
SERVICE_DRIVE_RE = re.compile(r"服务|办实事")
#: the rules over a plan's item (its heading's task)
ITEM_RULES = ("segment", "section")
#: a clause that only gives the change of the figure just before it (…吞吐量2860万吨，同比增长7.5%;
#: …，较2024年增长7.5%; …，增幅达7.5%)
_CHANGE_HEAD_RE = re.compile(r"\s*(?:(?:同比|较|比)[^，,；;。]{0,8}?)?(?:分别)?(?:增长|下降|提高|减少|增加)\s*"
                             r"|\s*(?:增幅|降幅|增速)(?:达到?|为)?\s*")
#: what may stand between that figure and the clause of its change
_JOIN_RE = re.compile(r"\s*[，,]\s*")
#: between two figures of one list (2860万吨、186万人次)
_LIST_JOIN_RE = re.compile(r"\s*[、和及与]?\s*")
#: the longest clause head read before a number
_WINDOW = 40


def standing_figures(norm: str, metrics: list[MetricMention]) -> dict[int, bool]:
    """The metrics whose clause counts a sector's throughput or a body's permits and complaints.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    dict of int to bool
        The indices into ``metrics`` of these figures, each mapped to whether it is a service figure
        (permits, complaints) rather than a throughput.
    """
    out: dict[int, bool] = {}
    for mi, m in enumerate(metrics):
        start = clause_start(norm, m.start, max(0, m.start - _WINDOW))
        if mi and start < metrics[mi - 1].end <= m.start:  # 办理行政许可1863件、查处…45辆: from the figure before
            start = metrics[mi - 1].end
        head = norm[start:m.start]
        if THROUGHPUT_RE.search(head):
            out[mi] = False
        elif SERVICE_RE.search(head):
            out[mi] = True
        elif mi - 1 in out and _CHANGE_HEAD_RE.fullmatch(head) and _JOIN_RE.fullmatch(norm, metrics[mi - 1].end, start):
            out[mi] = out[mi - 1]  # …吞吐量2860万吨，同比增长7.5%: the change of the figure before it
        elif mi - 1 in out and _LIST_JOIN_RE.fullmatch(head):
            out[mi] = out[mi - 1]  # 吞吐量、客运量分别完成2860万吨、186万人次
    return out


def counts_for(name: str, service: bool) -> bool:
    """Whether a standing figure (``service``: of permits and complaints) may be a result of the campaign
    ``name``: a travel season's, or a service drive's own service figures."""
    return is_season(name) or (service and SERVICE_DRIVE_RE.search(name) is not None)


def owns_standing(rule: str, in_plan: bool, refused: bool) -> bool:
    """Whether ``rule`` keeps a standing figure: ``plan``; ``segment`` and ``section`` in a plan; ``document``
    when no rule before it was refused the figure (``refused``)."""
    return rule == "plan" or (in_plan and rule in ITEM_RULES) or (rule == "document" and not refused)


__all__ = ["ITEM_RULES", "SERVICE_DRIVE_RE", "SERVICE_RE", "THROUGHPUT_RE", "counts_for", "owns_standing",
           "standing_figures"]
