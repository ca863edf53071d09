"""Indexes that answer questions about many spans of one document.

Rules ask the same question of many spans of one document (the period words
before each metric, the trigger words of each sentence, is this inside a
title or a plan section). Scanning each span again, or checking every title,
costs for every question as much as the document has, which grows with the
square of its length: :class:`PatternIndex` scans the text once,
:class:`SpanSet` sorts the spans once, :class:`SectionIndex` sweeps over the
sections once, :class:`MentionIndex` sorts the mentions once.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re

from kg.model import Mention, Section, StructuredDocument


class PatternIndex:
    """The matches of ``pattern`` in ``text``, for many spans of the text.

    Parameters
    ----------
    pattern : re.Pattern
        A pattern without look-arounds or anchors that never matches the empty
        string: then a match of the whole text that lies inside a span is a
        match of the span alone.
    text : str
    start, end : int, optional
        Scan only ``text[start:end]`` (then ask only for spans inside it).
    """

    def __init__(self, pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> None:
        self.pattern = pattern
        self.text = text
        self.matches = list(pattern.finditer(text, start, len(text) if end is None else end))
        self._starts = [m.start() for m in self.matches]

    def within(self, start: int, end: int) -> list[re.Match[str]]:
        """What ``pattern.finditer(text, start, end)`` gives.

        The matches of the whole text that lie in ``[start, end)`` are those
        of the span, unless a match of the whole text crosses one of its ends
        (the span's own scan then matches differently there): then the span
        is scanned.
        """
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, i)
        if (i > 0 and self.matches[i - 1].end() > start) or (j > 0 and self.matches[j - 1].end() > end):
            return list(self.pattern.finditer(self.text, start, end))
        return self.matches[i:j]


class SpanSet:
    """Spans ``(start, end)``, possibly overlapping, for "does one of them cover this?".

    Parameters
    ----------
    spans : iterable of (int, int)
    """

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far

    def covers(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


class SectionIndex:
    """The sections of a document by id, and :meth:`~kg.model.StructuredDocument.section_at` for offsets in text order.

    Offsets asked in ascending order are answered by one sweep over the
    sections (those that have begun, on a heap by level and position)
    instead of a look at every section; an offset before the last one
    asked falls back to ``section_at``.

    Parameters
    ----------
    sdoc : StructuredDocument
    """

    def __init__(self, sdoc: StructuredDocument) -> None:
        self.sdoc = sdoc
        self.by_id = {s.id: s for s in sdoc.sections}
        self._order = sorted(range(len(sdoc.sections)), key=lambda i: sdoc.sections[i].start)
        self._next = 0
        self._open: list[tuple[int, int, Section]] = []  # (-level, -position, section)
        self._last = -1

    def at(self, pos: int) -> Section | None:
        """The innermost section containing ``pos`` (the deepest level; the later one of a tie)."""
        if pos < self._last:
            return self.sdoc.section_at(pos)
        self._last = pos
        sections = self.sdoc.sections
        while self._next < len(self._order) and sections[self._order[self._next]].start <= pos:
            i = self._order[self._next]
            heapq.heappush(self._open, (-sections[i].level, -i, sections[i]))
            self._next += 1
        while self._open and self._open[0][2].end <= pos:  # ended: never open again for later offsets
            heapq.heappop(self._open)
        return self._open[0][2] if self._open else None


class MentionIndex:
    """Mentions of one document sorted by start, with span look-ups."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.items]
        self.spans = sorted((m.start, m.end) for m in mentions)
        self.span_ends = [e for _, e in self.spans]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside some mention."""
        i = bisect.bisect_right(self.spans, (start, float("inf")))
        # the spans before i start at or before ``start``
        return i > 0 and max(self.span_ends[max(0, i - 50):i]) >= end


def starting_in(hits: list, start: int, end: int) -> list:
    """The hits (trigger hits or mentions, by start) that start in ``[start, end)``."""
    lo = bisect.bisect_left(hits, start, key=lambda h: h.start)
    return hits[lo:bisect.bisect_left(hits, end, lo, key=lambda h: h.start)]


def inside(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (mentions or trigger hits, by start; ``starts`` their starts) that lie in ``[start, end)``."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    if lo == hi:
        return []  # most sentences and clauses hold none of what is asked for
    return [x for x in items[lo:hi] if x.end <= end]
