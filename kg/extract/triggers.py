"""Trigger words for relations, read from ``data/lexicon/relation_triggers.tsv``.

Each row names a relation type, a word and the *frame* the word appears in
(see the file's header): ``pre`` (verb before its object), ``post``
(nominalised verb after its object), ``partner`` (verb whose object is a
cooperation partner), ``prep`` (preposition introducing a partner) and
``joint`` (word that turns a ``prep`` frame into a cooperation); ``block``
lists words that contain a trigger without being one (党组织, 实施方案).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.spans import PatternIndex
from kg.model import RELATION_TYPES
from kg.resources import LEXICON_DIR

TRIGGERS_FILE = LEXICON_DIR / "relation_triggers.tsv"
FRAMES: tuple[str, ...] = ("pre", "post", "partner", "prep", "joint", "block")


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class TriggerHit:
    """One occurrence of a trigger word in a text: ``[start, end)``."""

    rel: str
    word: str
    frame: str
    start: int
    end: int


@dataclass(slots=True)
class TriggerLexicon:
    """Trigger words by ``(relation type, frame)``.

    Attributes
    ----------
    words : dict
        ``(rel, frame) -> set of words``.
    """

    words: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    _patterns: dict[tuple[str, str], re.Pattern[str]] = field(default_factory=dict, repr=False)

    def add(self, rel: str, word: str, frame: str) -> None:
        """Add ``word`` as a trigger of ``rel`` in ``frame``.

        Raises
        ------
        ValueError
            If the relation type or the frame is unknown, or the word is empty.
        """
        if rel not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {rel!r}")
        if frame not in FRAMES:
            raise ValueError(f"unknown trigger frame {frame!r}")
        if not word:
            raise ValueError("empty trigger word")
        self.words.setdefault((rel, frame), set()).add(word)
        self._patterns.pop((rel, frame), None)

    def get(self, rel: str, frame: str) -> set[str]:
        """The words of ``rel`` in ``frame`` (empty set if none)."""
        return self.words.get((rel, frame), set())

    def find(self, text: str, rel: str, frame: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
        """Non-overlapping occurrences in ``text[start:end]``, longest word first at a position.

        Offsets of the hits are offsets into ``text``.
        """
        pat = self._pattern(rel, frame)
        if pat is None:
            return []
        end = len(text) if end is None else end
        return [TriggerHit(rel, m.group(), frame, m.start(), m.end()) for m in pat.finditer(text, start, end)]

    def _pattern(self, rel: str, frame: str) -> re.Pattern[str] | None:
        """The words of ``rel`` in ``frame`` as one alternation, longest first (None without words)."""
        key = (rel, frame)
        pat = self._patterns.get(key)
        if pat is None:
            words = self.get(rel, frame)
            if not words:
                return None
            alts = sorted(words, key=lambda w: (-len(w), w))
            pat = re.compile("|".join(re.escape(w) for w in alts))
            self._patterns[key] = pat
        return pat

    def in_text(self, text: str) -> TextTriggers:
        """Every trigger occurrence in ``text``, found once, for many :meth:`find` calls on spans of it."""
        return TextTriggers(self, text)


class TextTriggers:
    """The trigger occurrences of one text, by ``(rel, frame)`` (see :meth:`TriggerLexicon.in_text`).

    Parameters
    ----------
    lexicon : TriggerLexicon
    text : str
    """

    def __init__(self, lexicon: TriggerLexicon, text: str) -> None:
        self.lexicon = lexicon
        self.text = text
        self._found: dict[tuple[str, str], PatternIndex] = {}
        for key in lexicon.words:
            pat = lexicon._pattern(*key)
            if pat is not None:
                self._found[key] = PatternIndex(pat, text)

    def find(self, rel: str, frame: str, start: int, end: int) -> list[TriggerHit]:
        """What ``TriggerLexicon.find(text, rel, frame, start, end)`` gives (see :meth:`PatternIndex.within`)."""
        found = self._found.get((rel, frame))
        if found is None:
            return []
        return [TriggerHit(rel, m.group(), frame, m.start(), m.end()) for m in found.within(start, end)]


def load_triggers(paths: list[Path] | None = None) -> TriggerLexicon:
    """Read trigger files into a :class:`TriggerLexicon`.

    Parameters
    ----------
    paths : list of Path, optional
        TSV files with ``rel<TAB>word<TAB>frame`` rows (``#`` starts a comment);
        defaults to the shipped ``data/lexicon/relation_triggers.tsv``.

    Returns
    -------
    TriggerLexicon

    Raises
    ------
    ValueError
        On a malformed row, naming the file and line.
    """
    lex = TriggerLexicon()
    for path in paths if paths is not None else [TRIGGERS_FILE]:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) == 2:
                cols.append("pre")
            if len(cols) != 3:
                raise ValueError(f"{path}:{n}: expected rel<TAB>word<TAB>frame, got {line!r}")
            try:
                lex.add(cols[0], cols[1], cols[2])
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
    return lex
