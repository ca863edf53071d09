"""The issuers of a joint document: ``A局　B局关于…的通知``, a signature ``A局　B局``.

A joint document names its issuers side by side, parted by spaces only: opening
its title before 关于, or alone on a line of its heading or of its signature
block. The first issuer leads the document and cooperates with each of the
others (COOPERATES_WITH), whatever its body says. A section or sub-body of the first
issuer beside it (``英德市交通运输局 政策法规股``) is no co-issuer: a name with no place or
level of its own, or one that opens with the first issuer's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.selfref import LEVEL_CHARS
from kg.extract.triggers import TriggerHit
from kg.model import Mention, StructuredDocument

#: what parts two issuers: spaces only (a 、 or 和 list is a clause's subject, read there)
_GAP = re.compile(r"[ \t\u3000]+")
#: what may follow the last issuer on its line: nothing, or the title's 关于
_AFTER = re.compile(r"[ \t\u3000]*(?:关于|$)")
#: the lines that can carry the issuers: the heading's first ones, the signature block's last ones
_HEAD_LINES, _TAIL_LINES = 3, 4
_LEAD_LABELS = ("AGENCY",)
_LABELS = ("AGENCY", "ORGANIZATION")
#: what opens a national or party body's name in place of a place (中共, 国家税务总局)
_NATIONAL = ("中共", "中国", "国家", "全国", "共青团")


def _issuers(norm: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The run of two or more bodies parted by spaces that opens ``norm[start:end]`` and ends it (or 关于)."""
    at = start + len(norm[start:end]) - len(norm[start:end].lstrip())
    run: list[Mention] = []
    for m in mentions:
        if m.start < at:
            continue
        if m.start != at or m.end > end or m.label not in _LABELS:
            break
        run.append(m)
        gap = _GAP.match(norm, m.end, end)
        if gap is None:
            break
        at = gap.end()
    if len(run) < 2 or _AFTER.match(norm, run[-1].end, end) is None:
        return []
    return run


def joint_issuers(sdoc: StructuredDocument, mentions: list[Mention]) -> Iterator[tuple]:
    """COOPERATES_WITH from the first issuer of a joint document to each other issuer.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        The document's entity mentions.

    Yields
    ------
    tuple
        ``("COOPERATES_WITH", first issuer, other issuer, hit)``.
    """
    paragraphs = sdoc.paragraphs
    lines = paragraphs[:_HEAD_LINES] + [p for p in paragraphs[-_TAIL_LINES:] if p not in paragraphs[:_HEAD_LINES]]
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    norm = sdoc.source.norm
    for p in lines:
        within = [m for m in ordered if p.start <= m.start < p.end]
        run = _issuers(norm, p.start, p.end, within)
        if not run or run[0].label not in _LEAD_LABELS:
            continue
        hit = TriggerHit("COOPERATES_WITH", "联合行文", "joint", run[0].start, run[-1].end)
        for other in run[1:]:
            if other.name != run[0].name and not _part_of(sdoc, run[0], other):
                yield ("COOPERATES_WITH", run[0], other, hit)


def _placed(sdoc: StructuredDocument, m: Mention) -> bool:
    """Whether the name of ``m`` has a place or level of its own (乙市财政局, 中共XX县委宣传部)."""
    return (m.name.startswith(_NATIONAL) or any(c in LEVEL_CHARS for c in m.name[:-1])
            or any(m.start <= s < m.end for s, _ in sdoc.places))


def _part_of(sdoc: StructuredDocument, first: Mention, other: Mention) -> bool:
    """Whether ``other`` is a section or sub-body of the first issuer (英德市交通运输局 政策法规股)."""
    return other.name.startswith(first.name) or (_placed(sdoc, first) and not _placed(sdoc, other))
