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
