"""A section heading that reports progress on a field of work names a topic, not a campaign.

``（七）行业文明创建成效显著。`` or ``（三）安全生产专项整治深入开展`` heads a section about a field
of work: an unquoted phrase there that the document names nowhere else is the topic of the
section. A quoted name (``（二）“平安工地”建设扎实推进``) or one the text names again keeps its mention.
"""

from __future__ import annotations

import re

#: a heading's number at the start of a line: （七）, (3), 二、
_NUMBER = re.compile(r"(?:^|\n)[ \t\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[ \t\u3000]*$")
#: the progress a heading reports on its work (one list, shared with :mod:`kg.extract.heading_topics`): a
#: four-character progress idiom (提质扩面, 提档升级, 走深走实, 扎实推进, 持续深化) or results reported (成效显著,
#: 取得新进展, 成果丰硕)
PROGRESS = (r"提[质档](?:扩面|升级|增效)|扩面提质|走深走实|走实走深"
            r"|(?:深入|扎实|有序|稳步|持续|纵深)(?:推进|开展|深化)"
            r"|取得新?(?:进展|成效)|取得实效|成效(?:明显|显著)|成果丰硕")
#: the progress closing a heading: 成效显著。, 深入开展 (end of line)
_PROGRESS = re.compile(rf"(?:{PROGRESS})(?:。|[ \t\u3000]*(?:\n|$))")


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
