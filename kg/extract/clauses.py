"""Clauses: the comma-level units that a verb frame does not cross.

A sentence of these documents is a chain of clauses separated by ``，；：``
(``。！？`` end the sentence). A verb governs objects in its own clause, and a
clause without a subject takes the subject of an earlier clause of the same
sentence. Offsets are offsets into the document text; punctuation is matched
on the width-folded text (``SourceDocument.norm``), where ``，`` is ``,``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

#: characters that end a clause (full-width forms are folded to these in ``norm``)
CLAUSE_BREAKS = frozenset(",;:!?。！？；：，\n")
#: characters that end a sentence
SENTENCE_BREAKS = frozenset("。!?！？\n")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"
#: the characters :func:`split_clauses` acts on
_CLAUSE_MARKS = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_BREAKS)) + _OPEN_QUOTES + _CLOSE_QUOTES)}]")

#: enumeration and list markers at the start of a clause: 一是, 二要, 第一，, (三), 1. (used with match(pos));
#: an ordinal opening a name (第二大队, 第一分公司) is no marker
_ENUM = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+(?:[,、是]|(?=\s*$))|首先|其次|再次|最后|另一方面|一方面|再一方面"
    r"|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳])\s*"
)


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class Clause:
    """A clause ``[start, end)`` (end excludes the breaking punctuation)."""

    index: int
    start: int
    end: int
    sentence_start: int


def split_clauses(norm: str, start: int, end: int, protected: list[tuple[int, int]] | None = None) -> list[Clause]:
    """Split ``norm[start:end]`` into clauses.

    Parameters
    ----------
    norm : str
        The width-folded document text.
    start, end : int
        The span to split (usually a sentence).
    protected : list of (int, int), optional
        Spans (entity mentions) never split, so a comma inside a title stays in it.

    Returns
    -------
    list of Clause
        Clauses in order, empty ones dropped.
    """
    if protected:
        spans = sorted(protected)
        starts = [s for s, _ in spans]
        reach = list(itertools.accumulate([e for _, e in spans], max))  # the furthest end so far
    else:
        starts = reach = []
    clauses: list[Clause] = []
    cur = start
    depth = 0  # inside “...” quotes a comma does not break
    for m in _CLAUSE_MARKS.finditer(norm, start, end):
        i = m.start()
        ch = norm[i]
        if ch in _OPEN_QUOTES:
            depth += 1
            continue
        if ch in _CLOSE_QUOTES:
            if depth:
                depth -= 1
            continue
        if depth and ch not in SENTENCE_BREAKS:
            continue
        if starts:
            k = bisect.bisect_right(starts, i)
            if k and reach[k - 1] > i:
                continue  # inside a protected span
        if norm[cur:i].strip():
            clauses.append(Clause(len(clauses), cur, i, start))
        cur = i + 1
        if ch in SENTENCE_BREAKS:
            depth = 0
    if norm[cur:end].strip():
        clauses.append(Clause(len(clauses), cur, end, start))
    return clauses


def enum_marker_end(norm: str, clause: Clause) -> int:
    """Offset after an enumeration marker (一是, （三）, 1.) at the clause start, else the clause start."""
    m = _ENUM.match(norm, clause.start, clause.end)
    return m.end() if m else clause.start
