"""Numbers that give how long work runs or how it is manned, not what it achieved.

A travel season's length in days (2025年春运自1月14日开始，至2月22日结束，共40天),
a campaign's own length told before its name (开展为期4个月的危险货物道路运输安全专项整治; 开展了为期100天的
超限超载专项整治行动) and a round-the-clock regime (实行24小时驻站执法; 对“两客一危”车辆实行24小时动态监控;
实行“24小时”轮班值守) measure nothing: no rule makes them a campaign's results or targets. A length told as the
campaign's predicate (此次行动为期3个月) and a span of time worked (开展志愿服务1200余小时) or a deadline
(24小时内全部恢复通行) stay.
"""

from __future__ import annotations

import re

from kg.model import MetricMention

#: a travel season just before a number of days: the days are the season's length (春运自…至…，共40天;
#: 为期40天的2024年春运; 春运40天全省发送旅客…; 去年春运…。40天里，…)
SEASON_BEFORE_RE = re.compile(r"(?:春运|暑运)[^。！？!?]{0,40}$")


def season_spans(norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics that give the length of a travel season in days: they measure no campaign.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of these lengths.
    """
    out = set()
    for mi, m in enumerate(metrics):
        if m.unit == "天" and (SEASON_BEFORE_RE.search(norm, max(0, m.start - 40), m.start)
                              or re.match(r"[^。！？!?]{0,12}?(?:春运|暑运)", norm[m.end:m.end + 14])
                              or norm.startswith("里", m.end)):
            out.add(mi)
    return out


#: before a number: 为期 and its kin (开展为期4个月的…, 开展了历时4个月的…, 持续3个月的…)
_LENGTH_BEFORE_RE = re.compile(r"(?:为期|历时|持续|时长|期限)\s*(?:约|近|共)?\s*$")
#: after it: the 的 that makes the length an attribute of the work named next
_LENGTH_AFTER_RE = re.compile(r"\s*的")
#: after 24 hours (round the clock): the work noun it qualifies (24小时值守, 24小时驻站执法, “24小时”轮班值守), not a
#: deadline or a bound (24小时内, 24小时以上, 24小时之后)
_REGIME_AFTER_RE = re.compile(r"[”\"]?\s*(?![内以之的后前左余多])[\u4e00-\u9fff]")


def work_lengths(norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics that give a campaign's length before its name (为期4个月的…专项整治) or a round-the-clock
    regime (实行24小时驻站执法): they measure no campaign.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of these lengths.
    """
    out: set[int] = set()
    for mi, m in enumerate(metrics):
        if _LENGTH_BEFORE_RE.search(norm, max(0, m.start - 6), m.start) and _LENGTH_AFTER_RE.match(norm, m.end):
            out.add(mi)
        elif m.text.endswith("小时") and m.value == 24 and _REGIME_AFTER_RE.match(norm, m.end):
            out.add(mi)
    return out
