"""Metric text helpers that search with regular expressions answer as character scans do."""

import random

from kg.extract.numbers import CLAUSE_SEPS, clause_spans, clause_start, protected_spans, strip_words

_ALPHABET = list("交通12X，,；;：:。！？!?\n（()）、《》“”「」〈〉") + ["了", "约", "其中"]


def scan_clause_start(text, pos, floor=0):
    i = pos - 1
    while i >= floor and text[i] not in CLAUSE_SEPS:
        i -= 1
    return i + 1


def scan_clause_spans(text, start, end, protected=None):
    spans, s = [], start
    for i in range(start, end):
        if text[i] in CLAUSE_SEPS and not (protected and protected[i]):
            if i > s:
                spans.append((s, i))
            s = i + 1
    if end > s:
        spans.append((s, end))
    return spans


def scan_protected(text, max_quote=12):
    mark = [False] * len(text)
    for open_, close, limit in (("《", "》", 80), ("“", "”", max_quote), ("「", "」", max_quote), ("〈", "〉", 80)):
        start = text.find(open_)
        while start >= 0:
            end = text.find(close, start + 1)
            if end < 0:
                break
            if end - start - 1 <= limit and not any(c in "。；;\n" for c in text[start + 1:end]):
                for i in range(start, end + 1):
                    mark[i] = True
            start = text.find(open_, end + 1)
    return mark


def scan_strip(text, words, left=False):
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if left and text.startswith(w):
                text, changed = text[len(w):], True
            elif not left and text.endswith(w):
                text, changed = text[:-len(w)], True
    return text


def test_helpers_equal_character_scans():
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 20)))
        a = rng.randrange(0, len(text) + 1)
        b = rng.randrange(0, len(text) + 1)
        assert clause_start(text, a, b) == scan_clause_start(text, a, b), (text, a, b)
        protected = protected_spans(text, 3)
        assert list(protected) == scan_protected(text, 3), text
        lo, hi = min(a, b), max(a, b)
        assert clause_spans(text, lo, hi, protected) == scan_clause_spans(text, lo, hi, protected), text
        assert clause_spans(text, lo, hi) == scan_clause_spans(text, lo, hi), text
        words = tuple(rng.sample(["了", "约", "其中", "，", "X", "交通", "通"], 3))
        left = rng.random() < 0.5
        assert strip_words(text, words, left=left) == scan_strip(text, words, left), (text, words)
