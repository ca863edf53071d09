"""A campaign referred back to: 此次行动、该活动、这次专项整治 … name the last campaign before them.

A news item or a report names a campaign once (一场“雷霆”联合治超夜查行动悄然展开)
and then says who carries it out with a definite noun phrase (此次行动由市治超办
牵头组织实施). :func:`campaign_anaphora` adds a CAMPAIGN mention for each such
phrase, named as its antecedent: the last campaign mentioned before it in the
same paragraph, else in the paragraph before. A bare head noun opening a span
of time (据统计，整治期间全市共出动…; 行动期间; 专项整治中，…; 活动开展以来，…) refers back too: to the last
campaign before it whose name ends in that head (整治 → the 专项整治, not a
行动 named since). The relation frames then read the phrase as they read the
name itself.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kg.model import Mention, StructuredDocument

#: a demonstrative and a campaign head noun: 此次行动, 该专项行动, 这次集中整治, 本次活动
_ANAPHOR = re.compile(
    r"(?:此次|本次|这次|该次|该项|此项|(?<!应)该|这一)"
    r"(?:专项|联合|集中|统一)?(?:行动|活动|整治|检查|排查|攻坚|竞赛|评选|创建)"
)

#: a bare campaign head noun opening a span of time: 整治期间，… / 行动期间 / 专项整治中， / 活动开展以来， — the campaign
#: of that head
_DURING = re.compile(r"(?<![\u4e00-\u9fff“”\"])(?:专项|集中)?(行动|活动|整治|攻坚)(?=期间|中[,，]|(?:开展|启动|实施)以来[,，])")


def _bare_heads(norm: str, camps: list[Mention], spans: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    """(start, end, antecedent) for each 整治期间: the last campaign before it whose name ends in its head noun."""
    out = []
    by_head: dict[str, list[Mention]] = {}
    for m in camps:
        for head in ("行动", "活动", "整治", "攻坚"):
            if m.name.endswith(head):
                by_head.setdefault(head, []).append(m)
    ends = {head: [m.end for m in same] for head, same in by_head.items()}
    for hit in _DURING.finditer(norm):
        start, end = hit.start(), hit.end()
        j = bisect.bisect_right(spans, (start, len(norm)))
        if j and spans[j - 1][1] > start or j < len(spans) and spans[j][0] < end:
            continue
        same = by_head.get(hit.group(1), [])
        k = bisect.bisect_right(ends[hit.group(1)], start) - 1 if same else -1
        if k >= 0:
            out.append((start, end, same[k]))
    return out


def campaign_anaphora(sdoc: StructuredDocument, mentions: list[Mention]) -> list[Mention]:
    """CAMPAIGN mentions for the phrases that refer back to a campaign named before them.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        The document's mentions; a phrase inside one of them is not an anaphor.

    Returns
    -------
    list of Mention
        One mention per anaphor, spanning the phrase, named as its antecedent.
    """
    norm = sdoc.source.norm
    camps = sorted((m for m in mentions if m.label == "CAMPAIGN" and not m.masked), key=lambda m: m.start)
    if not camps:
        return []
    ends = [m.end for m in camps]
    spans = sorted((m.start, m.end) for m in mentions)
    para_starts = [p.start for p in sdoc.paragraphs]
    out: list[Mention] = []
    for hit in _ANAPHOR.finditer(norm):
        start, end = hit.start(), hit.end()
        j = bisect.bisect_right(spans, (start, len(norm)))
        if j and spans[j - 1][1] > start or j < len(spans) and spans[j][0] < end:
            continue  # part of a named mention
        k = bisect.bisect_right(ends, start) - 1
        if k < 0:
            continue
        ante = camps[k]
        p = bisect.bisect_right(para_starts, start) - 1
        floor = sdoc.paragraphs[p - 1].start if p > 0 else 0
        if ante.start < floor:
            continue  # named too far back to be what the phrase means
        out.append(replace(ante, text=sdoc.source.text[start:end], start=start, end=end,
                           evidence=sdoc.evidence(start, end), rule="anaphor"))
    for start, end, ante in _bare_heads(norm, camps, spans):
        out.append(replace(ante, text=sdoc.source.text[start:end], start=start, end=end,
                           evidence=sdoc.evidence(start, end), rule="anaphor"))
    return out
