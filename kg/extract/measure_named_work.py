"""A clause that carries out a work by its name, where no campaign mention was found: 全面推行农村公路“路长制”，
设立市级路长1名; 深入推进城乡交通运输一体化，全县开通…线路136条; 开展“局长进窗口”活动10次.

A report on one campaign tells much other work in its sections; a writer gives the figures after such a clause to
the work it names, not to the campaign of the report's title. The ``document`` rule passes them by. The report's
own campaign, by its name, a fuller one (:func:`~kg.extract.measure_titles.takes_up`) or a deictic reference
(开展此次专项整治; 扎实开展本次行动), is not other work.
"""

from __future__ import annotations

import bisect
import re

from kg.extract.measure_titles import takes_up
from kg.model import Mention, MetricMention

#: a verb carrying out a work, then the work's name: a quoted name (推行“支部+项目”工作法, 开展“护路”夜查行动)
#: or a programme's head closing the clause: a drive's (开展农村客运安全隐患排查整治，) or an integration's
#: (深化城乡交通运输一体化，; 推进客货邮融合，: writers of dev24, dev29 and dev36 give its figures to it, not to the
#: report's campaign); not a deictic reference to the work told (开展此次专项整治，; 扎实开展本次行动，)
NAMED_WORK_RE = re.compile(
    r"(?:开展|推行|推进|实施|深化|依托|坚持|落实)"
    r"(?!(?:全[市县区省州盟旗])?(?:此次|本次|这次|该|上述))"
    r"(?:[^，,。；;“”\"\d]{0,12}[“\"][^”\"]{1,12}[”\"][^，,。；;\d]{0,10}"
    r"|[^，,。；;“”\"\d]{2,16}(?:专项整治|专项行动|专项检查|行动|活动|整治|一体化|融合)(?=[，,；;。]))")
#: where the part of a sentence a named work reaches ends (a semicolon starts another's)
_PART_END_RE = re.compile("[。！？!?\n；;]")


def after_named_work(norm: str, metrics: list[MetricMention], camps: list[Mention], own: Mention) -> set[int]:
    """The metrics that follow, in their part of a sentence, a clause carrying out a work by its name
    (开展“护路”夜查行动8次; 全面推行农村公路“路长制”，设立市级路长1名) that does not take up the campaign
    ``own`` by its name or a fuller one (a mention of another campaign no narrower rule took still names other work).

    The parts' bounds are found in one scan of the text, and each part is searched once, however many
    metrics it holds and however long it runs.

    Parameters
    ----------
    norm : str
        The width-folded text.
    metrics : list of MetricMention
        The document's metrics, sorted by offset.
    camps : list of Mention
        The document's campaign mentions, sorted by offset.
    own : Mention
        The mention of the campaign the report is on.

    Returns
    -------
    set of int
        The indices into ``metrics`` of those metrics.
    """
    c_starts = [c.start for c in camps]
    ends = [e.start() for e in _PART_END_RE.finditer(norm)]
    out: set[int] = set()
    found: dict[int, int] = {}  # part index -> end of its first named work (-1: none)
    for mi, m in enumerate(metrics):
        k = bisect.bisect_left(ends, m.start)  # the part runs from after ends[k - 1] to ends[k]
        if k not in found:
            found[k] = -1
            start, stop = ends[k - 1] + 1 if k else 0, ends[k] if k < len(ends) else len(norm)
            for hit in NAMED_WORK_RE.finditer(norm, start, stop):
                j = bisect.bisect_left(c_starts, hit.end())
                if j == 0 or camps[j - 1].end <= hit.start() or not takes_up(own, camps[j - 1]):
                    found[k] = hit.end()
                    break
        if 0 <= found[k] <= m.start:
            out.add(mi)
    return out
