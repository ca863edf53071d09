"""Rule sets named by a free modifier before 制度 or 清单, and the working arrangements that are none.

A body's 联席会议制度 or 会商制度 is how bodies meet, and a 问题清单 or 任务清单 lists items to
work through: neither is a rule set (GUIDELINE: REGULATION), though both end with a rule-set head.
"""

from __future__ import annotations

import re

from kg.extract.phrases import PhraseScanner

#: the head of a working system and the meetings it may hold instead of rules (联席会议制度, 会商制度)
_SYSTEM_HEAD = "制度"
_MEETINGS = ("会议", "会商")
#: the head of a list and the items it may list instead of rules (问题清单, 任务清单, 项目清单, 实事清单)
_LIST_HEAD = "清单"
_ITEMS = re.compile(r"(?:问题|任务|项目|实事)$")


def working_arrangement(sc: PhraseScanner, head: str, start: int, hstart: int) -> bool:
    """Whether the modifier ``[start, hstart)`` before a rule-set ``head`` names a working arrangement.

    A 制度 of meetings (建立联席会议制度, 季度会商制度) or a 清单 of items to work through
    (列出问题清单, 县三级任务清单, 民生实事清单) is no rule set.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    head : str
        The rule-set head noun found at ``hstart``.
    start, hstart : int
        Where the modifier starts and where the head starts.

    Returns
    -------
    bool
        True when the phrase names no rule set.
    """
    if head == _SYSTEM_HEAD:
        return sc.text[start:hstart].endswith(_MEETINGS)
    return head == _LIST_HEAD and _items_list(sc, start, hstart)


def _items_list(sc: PhraseScanner, start: int, hstart: int) -> bool:
    """True when the modifier ``[start, hstart)`` of a 清单 ends with the items listed and names
    no field before them (安全与防污染联合监管检查问题清单 and a quoted “四风”问题清单 stay)."""
    text = sc.text
    items = _ITEMS.search(text, start, hstart)
    if items is None or any(c in "“”" for c in text[start:hstart]):
        return False
    domain = sc.lx.trie("domain")
    return not any(domain.longest_ending_at(text, e, start) is not None for e in range(start + 1, items.start() + 1))


__all__ = ["working_arrangement"]
