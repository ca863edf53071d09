"""Numbers that bound a condition, count the titles listed before them or the means work relies on, not
what the work achieved.

A number that picks the objects of a condition (对动态监控上线率低于90%的企业进行约谈; 对超速3次以上的驾驶员实行…;
对日均客流低于10人次的线路推行…) is a threshold; a count right after the 等 closing a list of titles
(出台《A办法》《B规定》等4项制度) counts those documents; a count of what work relies on (依托全市9个超限检测站…)
counts the means at hand. None of them measures a campaign. A bound that is itself a target (不低于, 不超过,
不少于: 开展不少于2轮的督导检查), a count with a noun of its own after the 等 (等制度12项, 等宣传资料500份) and
a result reached through the means (通过非现场执法查处案件126宗) stay.
"""

from __future__ import annotations

import re

from kg.model import MetricMention

#: a comparison opening the number in its clause, not a negated one (不低于, 不超过 give a target); group 1 is
#: the 对 or rate framing it (对…低于, 上线率低于)
_COMPARED_RE = re.compile(r"(对[^，,。；;：:、\d]{0,14}|[率速])?(?<!不)(?:低于|高于|超过|少于|多于|不足)"
                          r"[^，,。；;：:、\d]{0,6}$")
#: 对 opening the objects a condition picks, before the number in its clause; not right after 的 (对发现的120个以上的
#: 隐患: the number counts the noun)
_PICKED_RE = re.compile(r"对[^，,。；;：:、\d]{0,20}(?<!的)$")
#: after a compared number: the 的 of the noun it qualifies (低于90%的企业, 超过12人的)
_COMPARED_AFTER_RE = re.compile(r"(?:以上|以下|以内)?的")
#: after a compared number with no frame: the 的 of objects counted apart (低于80分的3家企业); 超过1200辆次的车辆
#: counts the objects themselves
_BARE_COMPARED_AFTER_RE = re.compile(r"(?:以上|以下|以内)?的\d")
#: after a picked number: a bound, then the 的 of the noun (3次以上的驾驶员, 2次以上被查处的驾驶员)
_PICKED_AFTER_RE = re.compile(r"(?:以上|以下)[^，,。；;：:\d]{0,8}?的")
#: the 等 closing a list of titles right before the number (《A》《B》等4项制度; 《A》等共3个文件)
_TITLES_BEFORE_RE = re.compile(r"》等共?$")
#: the counters of documents: only these count the titles (《A》等30余场 counts sessions)
_TITLE_COUNTERS = frozenset("项部件份个本")
#: 依托 with the number as its object: a scope word, or a means joined by 和 (依托全省18个超限检测站;
#: 依托县治超站和2个不停车检测点); 依托平台查处案件38宗 counts a result
_MEANS_BEFORE_RE = re.compile(r"依托(?:全[省市县区]|辖区内?|本[省市县区级]|各)?(?:[^，,。；;：:、\d]{1,6}和)?$")


def condition_bounds(norm: str, metrics: list[MetricMention]) -> set[int]:
    """The metrics that bound the objects of a condition (对报警处置率低于90%的企业; 对2次以上违法的企业),
    count the titles listed right before them (《A》《B》等4项制度) or the means work relies on (依托全市9个超限检测站):
    they measure no campaign.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics.

    Returns
    -------
    set of int
        The indices into ``metrics`` of these bounds and counts.
    """
    out = set()
    for mi, m in enumerate(metrics):
        before = norm[max(0, m.start - 24):m.start]
        titles = _TITLES_BEFORE_RE.search(before) and norm[m.end - 1] in _TITLE_COUNTERS
        if (titles or _MEANS_BEFORE_RE.search(before)
                or ((cm := _COMPARED_RE.search(before))
                    and (_COMPARED_AFTER_RE if cm.group(1) else _BARE_COMPARED_AFTER_RE).match(norm, m.end))
                or (_PICKED_RE.search(before) and _PICKED_AFTER_RE.match(norm, m.end))):
            out.add(mi)
    return out


__all__ = ["condition_bounds"]
