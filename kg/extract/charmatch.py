"""Dictionary matching on characters: a trie of reversed words.

The extractor reads Chinese text one character at a time (``spacy.blank("zh")``
segments into characters), so dictionaries are matched on characters, never
on a word segmenter's guesses. A :class:`SuffixTrie` answers "which words end
at this offset", which is what left-extension from a head noun needs, and
scanning every offset finds every occurrence (Aho-Corasick style, with the
short words of a dictionary this costs a few steps per character).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    word: str | None = None
    value: object = None


class SuffixTrie:
    """Words stored reversed, so lookups walk left from an end offset.

    Parameters
    ----------
    words : dict
        Word -> value (any object, returned with the match).
    """

    def __init__(self, words: dict[str, object]) -> None:
        self._root = _Node()
        self.max_len = 0
        for w, v in words.items():
            if not w:
                continue
            node = self._root
            for ch in reversed(w):
                node = node.children.setdefault(ch, _Node())
            node.word, node.value = w, v
            self.max_len = max(self.max_len, len(w))

    def ending_at(self, text: str, end: int, lo: int = 0) -> list[tuple[int, str, object]]:
        """Words that end at ``end`` (exclusive) and start at or after ``lo``, longest first.

        Returns
        -------
        list of (start, word, value)
        """
        out = []
        node = self._root
        i = end - 1
        while i >= lo:
            node = node.children.get(text[i])
            if node is None:
                break
            if node.word is not None:
                out.append((i, node.word, node.value))
            i -= 1
        out.reverse()
        return out

    def longest_ending_at(self, text: str, end: int, lo: int = 0) -> tuple[int, str, object] | None:
        """The longest word ending at ``end``, or None."""
        got = self.ending_at(text, end, lo)
        return got[0] if got else None

    def __contains__(self, word: str) -> bool:
        node = self._root
        for ch in reversed(word):
            node = node.children.get(ch)
            if node is None:
                return False
        return node.word is not None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, object]]:
        """Every occurrence of every word: ``(start, end, word, value)``, by end offset."""
        for end in range(1, len(text) + 1):
            for start, word, value in self.ending_at(text, end):
                yield start, end, word, value
