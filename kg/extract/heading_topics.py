"""CONDUCTS for the author of a campaign that a section heading names as the work the section reports.

``三、“证照分离”改革全面落实``, ``2.“四好农村路”建设``, ``四、“品质工程”创建情况`` (:func:`heading_topics`);
the verb frames of a heading, and the bodies opening its section, are read in :mod:`kg.extract.conducts`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cache

from kg.extract.conducts import POST_LINK
from kg.extract.partners import ASSISTING
from kg.extract.subjects import PARTNER_LABELS
from kg.extract.topic_headings import PROGRESS
from kg.extract.triggers import TriggerHit, load_triggers
from kg.model import Mention, RelationMention, StructuredDocument


#: verbs that frame other work with a campaign rather than carry it out (结合“安全生产月”…)
_FRAMING = frozenset({"结合", "围绕", "紧扣"})
#: words of a plan or of the future: a heading that plans the work reports none done (下一步“平安交通”专项行动)
_PLAN_RE = re.compile(r"下一步|明年|来年|计划|拟|将|\d{4}年")


@cache
def _topic_before() -> re.Pattern[str]:
    """What may stand before a campaign a heading names as its work: nothing, or a verb of carrying
    it out with up to two characters before it (助力“司机之家”建设, 深入开展“X”行动); not a verb of
    assisting (配合, 协助) nor a supervisor's (督导)."""
    verbs = sorted((load_triggers().get("CONDUCTS", "pre") - _FRAMING) | {"助力"}, key=len, reverse=True)
    alt = "|".join(map(re.escape, verbs))
    return re.compile(rf"(?!以|按照|根据|聚焦|在|对标|对照|关于|各)(?:[^，,。；;、“\"]{{0,2}}?(?:{alt}))?[“\"]?")


#: after it: its work noun, how the work goes on (a progress idiom: 提质扩面, 走深走实; progress reported: 持续深化,
#: 取得进展, 成效明显), and a report's 情况 (“证照分离”改革全面落实, “品质工程”创建情况); not another head noun
#: (“四好农村路”高质量发展, 专项整治成果巩固)
_TOPIC_AFTER = re.compile(POST_LINK.pattern + rf"(?:落实|推进|实施|开展|见效|深化|{PROGRESS})?"
                          r"(?:工作)?(?:情况|进展)?[。.]?\s*")


def heading_topics(sdoc: StructuredDocument, mentions: list[Mention], relations: list[RelationMention],
                   author_mention: Callable[[int], Mention | None],
                   labels: tuple[str, ...]) -> Iterator[tuple[str, Mention, Mention, TriggerHit]]:
    """CONDUCTS for the author of a campaign a heading names as the work its section reports.

    ``三、“证照分离”改革全面落实``, ``2.“四好农村路”建设``, ``四、“品质工程”创建情况``: the heading names no
    body and no verb frame gives the campaign a conductor there; the document's own work is reported.
    A heading that frames other work with it (以 X 成果推动…), or names it as the modifier of another
    head (“四好农村路”高质量发展), does not; nor does an item of running text (一是…), nor a section whose
    body opens with another body's name (市公路中心牵头，…).

    Parameters
    ----------
    sdoc : StructuredDocument
        The document with its sections and sentences.
    mentions : list of Mention
        The document's mentions.
    relations : list of RelationMention
        The relations found so far; a campaign that already has a conductor is left alone.
    author_mention : callable
        ``author_mention(pos)``: the mention of the author nearest a position, or None.
    labels : tuple of str
        The labels a conductor may have.

    Yields
    ------
    tuple of (str, Mention, Mention, TriggerHit)
        ``("CONDUCTS", author, campaign, hit)``, one per heading.
    """
    if not sdoc.sections:
        return
    done = {(r.tail.start, r.tail.end) for r in relations if r.rel == "CONDUCTS"}
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    norm = sdoc.source.norm
    sent_starts = [t.start for t in sdoc.sentences]
    for sec in sdoc.sections:
        inner = ordered[bisect.bisect_left(starts, sec.title_start):bisect.bisect_left(starts, sec.title_end)]
        inner = [m for m in inner if m.end <= sec.title_end]
        camps = [m for m in inner if m.label == "CAMPAIGN"]
        if sec.level == 5 or len(camps) != 1 or any(m.label in PARTNER_LABELS for m in inner):
            continue  # 一是/第一 items are running text; a list of campaigns names no one section's work
        camp = camps[0]
        before = norm[sec.title_start:camp.start]
        if (not _topic_before().fullmatch(before) or _PLAN_RE.search(before) or any(w in before for w in ASSISTING)
                or not _TOPIC_AFTER.fullmatch(norm, camp.end, sec.title_end)):
            continue
        if (camp.start, camp.end) in done:
            continue  # a verb frame of the heading gave the campaign its conductors
        author = author_mention(sec.title_start)
        if author is None or author.label not in labels or _body_opener(sdoc, sec, sent_starts, ordered, starts, author):
            continue
        hit = TriggerHit("CONDUCTS", "小标题", "topic", sec.title_start, sec.title_end)
        yield ("CONDUCTS", author, camp, hit)


def _body_opener(sdoc: StructuredDocument, sec, sent_starts: list[int], ordered: list[Mention], starts: list[int],
                 author: Mention) -> bool:
    """True when the section's body opens with the name of a body other than the author (市公路中心牵头，…)."""
    k = bisect.bisect_left(sent_starts, sec.title_end)
    if k == len(sdoc.sentences) or sdoc.sentences[k].section != sec.id:
        return False
    sent = sdoc.sentences[k]
    norm, lo = sdoc.source.norm, bisect.bisect_left(starts, sent.start)
    first = ordered[lo] if lo < len(ordered) else None
    return (first is not None and first.label in PARTNER_LABELS and not norm[sent.start:first.start].strip()
            and first.name != author.name)
