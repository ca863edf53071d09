"""Standing duties a campaign told before them does not measure.

An integrity talk (廉政谈话, 廉政约谈) is the routine supervision a party body owes its cadres, the work the
stationed discipline inspection group oversees: a count of such talks (开展廉政谈话86人次, 廉政谈话覆盖率100%)
reports on an integrity campaign (“清廉交通”建设, “廉洁工程”创建, “清风交通”品牌创建), not on a study
campaign (党纪学习教育), a party brand or a work-style drive the sentence or the document opens with.

Cases handled (查处…车辆, 办理行政处罚案件, 约谈…) are an enforcement body's standing work: after a campaign
counted in its sessions (开展夜查行动12次，查处非法营运车辆41辆) they are not told as its results, wherever
the clause names them (对3家违规企业进行处罚); an integrity talk (廉政约谈) is the work of an integrity campaign.
A clause opening a wider period or scope (全年…, 全市…, 今年以来…) ends those results too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from kg.extract.measure_docs import WIDER_CLAUSE_RE
from kg.extract.numbers import clause_start
from kg.model import MetricMention

class _Span(Protocol):
    """A clause: anything with a ``start`` and an ``end`` in the text."""

    start: int
    end: int


#: an integrity talk named in a metric's clause before its number
INTEGRITY_TALK_RE = re.compile(r"廉[政洁](?:谈话|约谈)")
#: a campaign whose own work integrity talks are
INTEGRITY_CAMPAIGN_RE = re.compile(r"清廉|廉洁|廉政|清风")
#: before a number in its clause: cases handled, penalties and summonses
CASES_RE = re.compile(r"查处|查获|处罚|立案|罚款|罚没|约谈|办理[^，,；;。]{0,6}案件")
#: how far back from its number a metric's clause is read
_REACH = 40


def integrity_talks(norm: str, metrics: list[MetricMention]) -> set[int]:
    """Indexes of the metrics that count integrity talks: their clause names one before the number.

    Parameters
    ----------
    norm : str
        The width-folded text of the document.
    metrics : list of MetricMention
        The document's metrics, sorted by position.

    Returns
    -------
    set of int
        Indexes into ``metrics``.
    """
    return {mi for mi, m in enumerate(metrics)
            if INTEGRITY_TALK_RE.search(norm, clause_start(norm, m.start, max(0, m.start - _REACH)), m.start)}


def measures_duty(campaign_name: str) -> bool:
    """Whether a campaign named ``campaign_name`` is measured by counts of integrity talks."""
    return INTEGRITY_CAMPAIGN_RE.search(campaign_name) is not None


def handles_cases(norm: str, start: int, end: int, duty: bool = False) -> bool:
    """Whether the clause ``norm[start:end]`` counts cases handled, penalties or summonses (查处, 约谈).

    Parameters
    ----------
    norm : str
        The width-folded text of the document.
    start, end : int
        The clause's span.
    duty : bool
        Whether the campaign is measured by integrity talks (:func:`measures_duty`): 廉政约谈 is then its work.

    Returns
    -------
    bool
    """
    talks = [t.span() for t in INTEGRITY_TALK_RE.finditer(norm, start, end)] if duty else []
    return any(not any(a <= h.start() and h.end() <= b for a, b in talks) for h in CASES_RE.finditer(norm, start, end))


def session_results(norm: str, reach: Sequence[_Span], duty: bool = False) -> Sequence[_Span]:
    """The clauses of ``reach`` (objects with ``start`` and ``end``) that report a campaign's sessions: those
    before the first that counts cases handled (:func:`handles_cases`) or opens a wider period or scope.

    Parameters
    ----------
    norm : str
        The width-folded text of the document.
    reach : sequence of objects with ``start`` and ``end``
        The metric clauses after the campaign's clause, in order.
    duty : bool
        Whether the campaign is measured by integrity talks.

    Returns
    -------
    sequence of objects with ``start`` and ``end``
        A prefix of ``reach``.
    """
    for j, x in enumerate(reach):
        if handles_cases(norm, x.start, x.end, duty) or WIDER_CLAUSE_RE.match(norm, x.start, x.end):
            return reach[:j]
    return reach


__all__ = ["CASES_RE", "INTEGRITY_TALK_RE", "WIDER_CLAUSE_RE", "handles_cases", "integrity_talks", "measures_duty",
           "session_results"]
