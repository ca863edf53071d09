"""A section heading that reports progress on a field of work names a topic, not a campaign.

``（七）行业文明创建成效显著。`` or ``（三）安全生产专项整治深入开展`` heads a section about a field
of work: an unquoted phrase there that the document names nowhere else is the topic of the
section. A quoted name (``（二）“平安工地”建设扎实推进``) or one the text names again keeps its mention.
"""

from __future__ import annotations

import re

#: a heading's number at the start of a line: （七）, (3), 二、
_NUMBER = re.compile(r"(?:^|\n)[ \t\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[ \t\u3000]*$")
#: the progress a heading reports, closing it: 成效显著。, 深入开展 (end of line)
_PROGRESS = re.compile(r"(?:成效显著|成果丰硕|成效明显|取得实效|取得新成效|深入开展|扎实推进|有序推进|稳步推进|"
                       r"持续深化|纵深推进|走深走实)(?:。|[ \t\u3000]*(?:\n|$))")


def is_topic_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the whole topic of a numbered heading that reports progress.

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        The span of an unquoted campaign candidate.

    Returns
    -------
    bool
        True for ``行业文明创建`` in ``（七）行业文明创建成效显著。``.
    """
    return _NUMBER.search(text, max(0, start - 12), start) is not None and _PROGRESS.match(text, end) is not None
