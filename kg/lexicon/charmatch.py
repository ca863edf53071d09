"""Dictionary matching on characters: a trie of reversed words.

The extractor reads Chinese text one character at a time (``spacy.blank("zh")``
segments into characters), so dictionaries are matched on characters, never
on a word segmenter's guesses. A :class:`SuffixTrie` answers "which words end
at this offset", which is what left-extension from a head noun needs, and
scanning every offset finds every occurrence (Aho-Corasick style, with the
short words of a dictionary this costs a few steps per character).
:meth:`SuffixTrie.matches` does that scan once for a whole text, walking
only from the offsets where some word may end (found by a regular
expression over the words' last two characters), and answers the same
questions from a table.
"""

from __future__ import annotations

import bisect
import re
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
        self._words = tuple(w for w in words if w)
        self._containing: dict[str, tuple[tuple[int, str], ...]] = {}
        self._joined: tuple[str, list[int]] | None = None  # the words, one a line, and where each starts
        self._word_ends: re.Pattern[str] | None = None
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
        """The longest word ending at ``end`` (and starting at or after ``lo``), or None."""
        best = None
        node = self._root
        i = end - 1
        while i >= lo:
            node = node.children.get(text[i])
            if node is None:
                break
            if node.word is not None:
                best = (i, node.word, node.value)
            i -= 1
        return best

    def containing(self, part: str) -> tuple[tuple[int, str], ...]:
        """The words longer than ``part`` that contain it, with its offset in each: ``(offset, word)``.

        Worked out once per ``part`` (the words never change).
        """
        got = self._containing.get(part)
        if got is None:
            got = tuple(self._occurrences(part))
            self._containing[part] = got
        return got

    def _occurrences(self, part: str) -> Iterator[tuple[int, str]]:
        if "\n" in part or not part:
            yield from ((i, w) for w in self._words if len(w) > len(part) and part in w
                        for i in range(len(w) - len(part) + 1) if w.startswith(part, i))
            return
        if self._joined is None:
            starts, pos = [], 0
            for w in self._words:
                starts.append(pos)
                pos += len(w) + 1
            self._joined = ("\n".join(self._words), starts)
        joined, starts = self._joined
        at = joined.find(part)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            if len(self._words[k]) > len(part):
                yield at - starts[k], self._words[k]
            at = joined.find(part, at + 1)

    def __contains__(self, word: str) -> bool:
        node = self._root
        for ch in reversed(word):
            node = node.children.get(ch)
            if node is None:
                return False
        return node.word is not None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, object]]:
        """Every occurrence of every word: ``(start, end, word, value)``, by end offset."""
        return iter(self.matches(text))

    def matches(self, text: str) -> TextMatches:
        """Every occurrence of every word in ``text``, indexed by end offset.

        Parameters
        ----------
        text : str

        Returns
        -------
        TextMatches
            Answers :meth:`ending_at` and :meth:`longest_ending_at` for
            ``text`` without walking the trie again.
        """
        if self._word_ends is None:
            self._word_ends = self._end_pattern()
        by_end: dict[int, tuple[tuple[int, str, object], ...]] = {}
        root = self._root
        for m in self._word_ends.finditer(text):
            end = m.end()
            # ending_at(text, end), walked here: this runs for every place a word may end
            got = None
            node, i = root, end - 1
            while i >= 0:
                node = node.children.get(text[i])
                if node is None:
                    break
                if node.word is not None:
                    if got is None:
                        got = [(i, node.word, node.value)]
                    else:
                        got.append((i, node.word, node.value))
                i -= 1
            if got is not None:
                got.reverse()
                by_end[end] = tuple(got)
        return TextMatches(by_end)

    def _end_pattern(self) -> re.Pattern[str]:
        """Where a word may end: its last two characters, or a one-character word, stand before."""
        words = self._words
        last = "".join(sorted({w[-1] for w in words if len(w) > 1}))
        before_last = "".join(sorted({w[-2] for w in words if len(w) > 1}))
        single = "".join(sorted({w for w in words if len(w) == 1}))
        ends = [f"[{re.escape(last)}](?<=[{re.escape(before_last)}].)"] if last else []
        ends += [f"[{re.escape(single)}]"] if single else []
        return re.compile("|".join(ends) or "(?!)")


class TextMatches:
    """The words of one :class:`SuffixTrie` that occur in one text (see :meth:`SuffixTrie.matches`).

    Parameters
    ----------
    by_end : dict
        End offset -> the matches ``(start, word, value)`` ending there,
        longest first; ends in ascending order.
    """

    __slots__ = ("by_end",)

    def __init__(self, by_end: dict[int, tuple[tuple[int, str, object], ...]]) -> None:
        self.by_end = by_end

    def ending_at(self, end: int, lo: int = 0) -> tuple[tuple[int, str, object], ...]:
        """Words that end at ``end`` and start at or after ``lo``, longest first (as :meth:`SuffixTrie.ending_at`)."""
        got = self.by_end.get(end, ())
        if got and got[0][0] < lo:
            return tuple(g for g in got if g[0] >= lo)
        return got

    def longest_ending_at(self, end: int, lo: int = 0) -> tuple[int, str, object] | None:
        """The longest word ending at ``end`` and starting at or after ``lo``, or None."""
        for got in self.by_end.get(end, ()):
            if got[0] >= lo:
                return got
        return None

    def __iter__(self) -> Iterator[tuple[int, int, str, object]]:
        """Every occurrence ``(start, end, word, value)``, by end offset, longest first."""
        for end, got in self.by_end.items():
            for start, word, value in got:
                yield start, end, word, value
