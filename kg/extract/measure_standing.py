"""Standing figures: what a sector carries and what a body's service desks handle, not a campaign's results.

A throughput or investment total (全年完成港口货物吞吐量2860万吨; 全市道路客运发送旅客186.5万人次;
全年完成交通固定资产投资1056.3亿元) and the routine figures of permits and complaints (全年办理行政许可1.86万件，
按时办结率100%; 12328热线受理投诉2137件，投诉办结率99.6%), with the change told right after such a figure
(…2860万吨，同比增长7.5%), tell the year of a whole sector or a body's service, even where the sentence opens
with a campaign (深化“放管服”改革，…; 扎实开展安全生产“强基固本”年活动，全年完成港口…).
They are no campaign's results or targets, but for the campaigns whose own work they count: a travel season
(2024年春运: the passengers carried in it), a campaign named for the figure's field (“公转铁”运输结构调整专项行动:
the rail freight; data/lexicon/standing_fields.tsv) and, for the service figures, a service drive (…服务提升行动,
我为群众办实事实践活动: the complaints it handled). Three rules keep them: the plan of one campaign (``plan``),
the item of a plan that sets its task's targets (4.深化“放管服”改革。…确保行政许可按时办结率100%; ``segment``,
``section``), and a report on one campaign (``document``) for a figure no campaign of its own sentence reached
for (全年集团公交客运量达到1.28亿人次 in the report of a bus company's service drive).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.extract.named_heads import is_season
from kg.extract.numbers import clause_start, tsv_rows
from kg.model import MetricMention
from kg.resources import LEXICON_DIR

#: figure -> the keys of the campaign names whose work is its field (``data/lexicon/standing_fields.tsv``)
FIELDS_PATH: Path = LEXICON_DIR / "standing_fields.tsv"
#: the figure word of a service figure (permits, complaints)
SERVICE = "服务"

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


def standing_figures(norm: str, metrics: list[MetricMention]) -> dict[int, str]:
    """The metrics whose clause counts a sector's throughput or a body's permits and complaints.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    dict of int to str
        The indices into ``metrics`` of these figures, each mapped to its figure word (吞吐量, 货运量, …) or,
        for a service figure (permits, complaints), :data:`SERVICE`.
    """
    out: dict[int, str] = {}
    for mi, m in enumerate(metrics):
        start = clause_start(norm, m.start, max(0, m.start - _WINDOW))
        if mi and start < metrics[mi - 1].end <= m.start:  # 办理行政许可1863件、查处…45辆: from the figure before
            start = metrics[mi - 1].end
        head = norm[start:m.start]
        if hit := THROUGHPUT_RE.search(head):
            out[mi] = hit.group()
        elif SERVICE_RE.search(head):
            out[mi] = SERVICE
        elif mi - 1 in out and _CHANGE_HEAD_RE.fullmatch(head) and _JOIN_RE.fullmatch(norm, metrics[mi - 1].end, start):
            out[mi] = out[mi - 1]  # …吞吐量2860万吨，同比增长7.5%: the change of the figure before it
        elif mi - 1 in out and _LIST_JOIN_RE.fullmatch(head):
            out[mi] = out[mi - 1]  # 吞吐量、客运量分别完成2860万吨、186万人次
    return out


@lru_cache(maxsize=4)
def load_fields(path: Path = FIELDS_PATH) -> dict[str, tuple[str, ...]]:
    """Figure word -> the keys of the campaign names whose work is its field (货运量 -> 公转铁, 货运, …).

    Parameters
    ----------
    path : Path
        A TSV of ``figure<TAB>key|key…`` (default ``data/lexicon/standing_fields.tsv``).

    Returns
    -------
    dict of str to tuple of str
    """
    return {cols[0]: tuple(k for k in cols[1].split("|") if k) for _no, cols in tsv_rows(path, 2)}


def counts_for(name: str, figure: str) -> bool:
    """Whether a standing figure may be a result of the campaign ``name``.

    Parameters
    ----------
    name : str
        The campaign's name.
    figure : str
        The figure word :func:`standing_figures` gave the metric.

    Returns
    -------
    bool
        True for a travel season, a service drive's own service figures, and a campaign whose name holds a
        key of the figure's field (开展“公转铁”运输结构调整专项行动: 铁路货运量).
    """
    if is_season(name) or (figure == SERVICE and SERVICE_DRIVE_RE.search(name) is not None):
        return True
    return any(k in name for k in load_fields().get(figure, ()))


def owns_standing(rule: str, in_plan: bool, refused: bool) -> bool:
    """Whether ``rule`` keeps a standing figure for a campaign that does not count it (:func:`counts_for`).

    Parameters
    ----------
    rule : str
        The MEASURES rule linking the figure.
    in_plan : bool
        Whether the document is a plan.
    refused : bool
        Whether a rule before it was refused the figure.

    Returns
    -------
    bool
        True for ``plan``; for ``segment`` and ``section`` in a plan; for ``document`` when no rule before it
        was refused the figure.
    """
    return rule == "plan" or (in_plan and rule in ITEM_RULES) or (rule == "document" and not refused)


__all__ = ["FIELDS_PATH", "ITEM_RULES", "SERVICE", "SERVICE_DRIVE_RE", "SERVICE_RE", "THROUGHPUT_RE", "counts_for",
           "load_fields", "owns_standing", "standing_figures"]
