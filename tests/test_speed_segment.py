"""Sentence splitting that jumps between marks gives what a scan of every character gives."""

import random

from kg.structure.headings import _lead_title
from kg.structure.segment import _BLANK, CLOSERS, MAX_PROTECTED, TERMINATORS, Span, protected_spans, sentence_spans

_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_CLOSE_OF = {v: k for k, v in _PAIRS.items()}


def scan_protected(norm, start, end):
    stack, spans = [], []
    for i in range(start, end):
        ch = norm[i]
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSE_OF:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == _CLOSE_OF[ch]:
                    o = stack[k][1]
                    del stack[k:]
                    if i - o <= MAX_PROTECTED:
                        spans.append((o, i, _CLOSE_OF[ch]))
                    break
    return spans


def scan_sentences(norm, start, end):
    inside = bytearray(end - start)
    for o, c, opener in scan_protected(norm, start, end):
        for i in range(o + 1, c):
            if opener != "《" and i == c - 1 and norm[i] in TERMINATORS:
                continue
            inside[i - start] = 1
    out, s, i = [], start, start
    while i < end:
        if norm[i] in TERMINATORS and not inside[i - start]:
            j = i + 1
            while j < end and (norm[j] in TERMINATORS or norm[j] in CLOSERS):
                j += 1
            out.append(Span(s, j))
            s = i = j
            continue
        i += 1
    if s < end:
        out.append(Span(s, end))
    trimmed = []
    for sp in out:
        a, b = sp.start, sp.end
        while a < b and norm[a] in _BLANK:
            a += 1
        while b > a and norm[b - 1] in _BLANK:
            b -= 1
        if a < b:
            trimmed.append(Span(a, b))
    return trimmed


def test_sentences_equal_a_character_scan():
    rng = random.Random(6)
    alphabet = list("交通局。!?;”’」』)】》“《「『 ,") + ["\u3000"]
    for _ in range(3000):
        norm = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        start = rng.randrange(0, len(norm) + 1)
        end = rng.randrange(start, len(norm) + 1)
        assert protected_spans(norm, start, end) == scan_protected(norm, start, end), norm
        assert sentence_spans(norm, start, end) == scan_sentences(norm, start, end), (norm, start, end)


def scan_lead_title(norm, start, end, limit):
    while start < end and norm[start] == " ":
        start += 1
    protected = set()
    for o, c, _ in scan_protected(norm, start, end):
        protected.update(range(o + 1, c))
    stop = end
    for i in range(start, end):
        if norm[i] in TERMINATORS and i not in protected:
            stop = i
            break
    if stop - start > limit:
        cut = next((i for i in range(start, start + limit) if norm[i] in ",:" and i not in protected), None)
        stop = cut if cut is not None else start + limit
    while stop > start and norm[stop - 1] in " ,:、":
        stop -= 1
    return start, stop


def test_lead_title_equals_a_character_scan():
    rng = random.Random(6)
    alphabet = list("交通局。!?;”》“《 ,:、")
    for _ in range(3000):
        norm = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        start = rng.randrange(0, len(norm) + 1)
        end = rng.randrange(start, len(norm) + 1)
        limit = rng.randrange(1, 12)
        assert _lead_title(norm, start, end, limit) == scan_lead_title(norm, start, end, limit), (norm, start, end)
