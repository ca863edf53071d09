"""Entity helpers that jump between marks answer as character scans do."""

import random

from kg.extract.quotes import _CLOSERS, _MAX_INNER, _PAIRS, Bracketed, find_brackets


def scan_brackets(text):
    out, last_open, ascii_open = [], {}, None
    for i, ch in enumerate(text):
        if ch == "\n":
            last_open.clear()
            ascii_open = None
        elif ch in _PAIRS:
            last_open[ch] = i
        elif ch in _CLOSERS:
            open_ch, kind = _CLOSERS[ch]
            j = last_open.pop(open_ch, None)
            if j is not None and 0 < i - j - 1 <= _MAX_INNER[kind]:
                out.append(Bracketed(j, i, kind))
        elif ch == '"':
            if ascii_open is None:
                ascii_open = i
            else:
                if 0 < i - ascii_open - 1 <= _MAX_INNER["quote"]:
                    out.append(Bracketed(ascii_open, i, "quote"))
                ascii_open = None
    out.sort(key=lambda b: b.open)
    return out


def test_find_brackets_equals_a_character_scan():
    rng = random.Random(6)
    alphabet = list("交通\n\"“”‘’「」『』《》〈〉")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert find_brackets(text) == scan_brackets(text), text


def test_scanner_word_questions_equal_full_walks():
    from pathlib import Path

    from kg.extract import load_lexicon
    from kg.extract.phrases import PhraseScanner
    from kg.ingest import read_corpus

    lx = load_lexicon([])
    root = Path(__file__).resolve().parent / "data" / "unseen" / "corpus"
    text = next(iter(read_corpus(root))).norm[:1500]
    sc = PhraseScanner(text, lx)

    def covered(start, end):
        for kind in ("domain", "stems", "known", "words", "places"):
            trie = lx.trie(kind)
            for e in range(end, min(len(text), end + trie.max_len) + 1):
                for s, _, _ in trie.ending_at(text, e):
                    if s <= start and e - s > end - start:
                        return True
        return False

    def starting_at(i, kinds):
        trie = lx.trie("stopwords")
        for e in range(i + 1, min(len(text), i + trie.max_len) + 1):
            for s, word, _ in trie.ending_at(text, e, i):
                if s == i and lx.stopwords.get(word) in kinds and not covered(s, e):
                    return word
        return None

    kinds = frozenset({"func", "prep", "det", "time"})
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 4) + 1):
            assert sc._covered(start, end) == covered(start, end), (start, end)
        assert sc.stopword_starting_at(start, kinds) == starting_at(start, kinds), start
