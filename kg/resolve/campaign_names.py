"""The name of a campaign group: its fullest surface, less a place the text also leaves out.

A group's keys are the surfaces its mentions were read as. The fullest one
names the group, except when it is another of the group's surfaces with a
place before it (平遥县道路运输市场秩序专项整治行动 / 道路运输市场秩序专项整治行动):
the place only says whose campaign it is, and the text names it without.
When what is left is no surface of its own, the fullest other surface of the
same campaign (the same :func:`campaign_signature`, no place) names it
(曲靖市出租汽车行业突出问题专项整治 / 出租汽车行业突出问题专项整治行动).
A scope word (全省, 全市) is no place and stays: writers keep it. 活动 after a
themed period and an edition year before a season stay too: writers differ.
"""

from __future__ import annotations

from collections.abc import Collection

from kg.resolve.names import campaign_signature
from kg.resolve.scope import opens_with_place
from kg.structure.gazetteer import gazetteer

#: the shortest surface a fuller one may be shortened to
_MIN_NAME = 4


def campaign_name(fullest: str, surfaces: Collection[str]) -> str:
    """The name of a campaign group.

    Parameters
    ----------
    fullest : str
        The group's fullest key (its longest surface).
    surfaces : collection of str
        The group's keys: the surfaces its mentions were read as.

    Returns
    -------
    str
        ``fullest`` without the division name it opens with, when what is
        left is one of ``surfaces`` (of at least 4 characters); else the
        fullest surface with no place and the same signature as what is left;
        else ``fullest``.
    """
    hits = gazetteer().find(fullest, 0, len(fullest))
    if hits and hits[0].start == 0:
        rest = fullest[hits[0].end:]
        if len(rest) < _MIN_NAME:
            return fullest
        if rest in surfaces:
            return rest
        sig = campaign_signature(rest)
        same = [k for k in surfaces if k != fullest and campaign_signature(k) == sig and not opens_with_place(k)]
        if same:
            return max(same, key=lambda k: (len(k), k))
    return fullest
