"""Indexes that answer questions about many spans of one document.

Rules ask the same question of many spans of one document (the period words
before each metric, the trigger words of each sentence, is this inside a
title or a plan section). Scanning each span again, or checking every title,
costs for every question as much as the document has, which grows with the
square of its length: :class:`PatternIndex` scans the text once,
:class:`SpanSet` sorts the spans once, :class:`SectionIndex` sweeps over the
sections once.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re

from kg.model import Section, StructuredDocument


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
