"""Paragraphs (non-blank lines) and sentences, with offsets into the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Sentence terminators as they appear in the width-folded text (！？； fold to !?;).
TERMINATORS = frozenset("。!?;")
#: Closing marks kept with the sentence they end.
CLOSERS = frozenset("”’」』)】》")
_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_CLOSE_OF = {v: k for k, v in _PAIRS.items()}
#: A quotation longer than this is not protected from splitting (an unbalanced mark is likelier).
MAX_PROTECTED = 300
#: A sentence longer than this is cut into pieces no longer (the longest of the sample reports
#: has 265 characters): the rules that read a sentence compare its parts with each other, and
#: every mention quotes its sentence.
MAX_SENTENCE = 1000
#: A stretch of a sentence longer than this without a punctuation mark or a blank is cut into
#: pieces this long (the longest of the sample reports has 51 characters): text without
#: punctuation has no sentences, and its pieces should cost what a sentence does.
MAX_RUN = 200
#: Where a sentence may be cut: after a punctuation mark or a blank.
_CUT_AFTER = re.compile(r"[,;:、。!? \t\u3000]")
_BLANK = " \t\r\u3000\u00a0\ufeff"
_MARKS = re.compile(f"[{re.escape(''.join(_PAIRS) + ''.join(_CLOSE_OF))}]")
_TERMINATOR = re.compile(f"[{re.escape(''.join(sorted(TERMINATORS)))}]")
_TERMINATOR_TAIL = re.compile(f"[{re.escape(''.join(sorted(TERMINATORS | CLOSERS)))}]*")


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class Span:
    start: int
    end: int


def lines(text: str) -> list[Span]:
    """Non-blank lines of ``text`` with surrounding blanks trimmed: the paragraphs."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        lead = len(line) - len(line.lstrip(_BLANK))
        trail = len(line) - len(line.rstrip(_BLANK))
        if start + lead < end - trail:
            out.append(Span(start + lead, end - trail))
    return out


def protected_spans(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Balanced 《》 “” 「」 『』 pairs inside ``[start, end)`` as ``(open, close, opener)``."""
    stack: list[tuple[str, int]] = []
    # where each kind of opener stands in ``stack``, so a closer finds its opener without a scan
    depths: dict[str, list[int]] = {ch: [] for ch in _PAIRS}
    spans: list[tuple[int, int, str]] = []
    for m in _MARKS.finditer(norm, start, end):
        i, ch = m.start(), m.group()
        if ch in _PAIRS:
            depths[ch].append(len(stack))
            stack.append((ch, i))
        elif ch in _CLOSE_OF:
            opener = _CLOSE_OF[ch]
            if depths[opener]:
                k = depths[opener][-1]
                o = stack[k][1]
                while len(stack) > k:  # the opener and the unclosed marks after it
                    depths[stack.pop()[0]].pop()
                if i - o <= MAX_PROTECTED:
                    spans.append((o, i, opener))
    return spans


def sentence_spans(norm: str, start: int, end: int) -> list[Span]:
    """Sentences of one paragraph ``[start, end)``.

    Splits after 。！？； (and their half-width forms), keeping closing quotes
    and brackets with the sentence they end. Never splits inside 《》; inside
    “”/「」 only where the terminator is the last character before the
    closing quote (``……做好。”`` ends a sentence).
    """
    inside = bytearray(end - start)
    for o, c, opener in protected_spans(norm, start, end):
        stop = c
        if opener != "《" and norm[c - 1] in TERMINATORS:
            stop = c - 1  # a quotation ending in 。” may still end the sentence after the quote
        if stop > o + 1:
            inside[o + 1 - start : stop - start] = b"\x01" * (stop - o - 1)
    out: list[Span] = []
    s = start
    for m in _TERMINATOR.finditer(norm, start, end):
        i = m.start()
        if i < s or inside[i - start]:
            continue
        j = _TERMINATOR_TAIL.match(norm, i + 1, end).end()
        out.append(Span(s, j))
        s = j
    if s < end:
        out.append(Span(s, end))
    return [t for sp in out if (t := _trim(norm, sp.start, sp.end)) is not None]


def cut_long(norm: str, spans: list[Span], limit: int = MAX_SENTENCE, run: int = MAX_RUN
             ) -> tuple[list[Span], list[int]]:
    """Cut the sentences that are longer than ``limit`` or hold a stretch of ``run`` characters without a mark.

    A long sentence is cut after punctuation marks or blanks into pieces of
    at most ``limit`` characters, each as long as it may be; a stretch of
    more than ``run`` characters without a mark or a blank is cut every
    ``run`` characters. Blanks at the ends of a piece are trimmed.

    Parameters
    ----------
    norm : str
        The width-folded text.
    spans : list of Span
        Sentences.
    limit, run : int

    Returns
    -------
    tuple of (list of Span, list of int)
        The sentences with the cut ones replaced by their pieces, and the
        lengths of the sentences that were cut.
    """
    out: list[Span] = []
    cut: list[int] = []
    for sp in spans:
        pieces = _pieces(norm, sp, limit, run) if sp.end - sp.start > run else [sp]
        if len(pieces) == 1:
            out.append(sp)
            continue
        cut.append(sp.end - sp.start)
        out.extend(t for a, b in pieces if (t := _trim(norm, a, b)) is not None)
    return out, cut


def _pieces(norm: str, sp: Span, limit: int, run: int) -> list[tuple[int, int]]:
    """The pieces of one sentence (see :func:`cut_long`), as ``(start, end)``."""
    pieces: list[tuple[int, int]] = []
    a = prev = sp.start  # the piece under way is [a, prev)
    for e in [m.end() for m in _CUT_AFTER.finditer(norm, sp.start, sp.end)] + [sp.end]:
        if e - prev > run:  # the stretch [prev, e) has no mark: close the piece, cut the stretch
            if prev > a:
                pieces.append((a, prev))
            a = prev
            while e - a > run:
                pieces.append((a, a + run))
                a += run
        elif e - a > limit:
            pieces.append((a, prev))
            a = prev
        prev = e
    if prev > a:
        pieces.append((a, prev))
    return pieces


def _trim(norm: str, a: int, b: int) -> Span | None:
    while a < b and norm[a] in _BLANK:
        a += 1
    while b > a and norm[b - 1] in _BLANK:
        b -= 1
    return Span(a, b) if a < b else None
