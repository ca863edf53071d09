"""The gazetteer of Chinese administrative divisions (``data/gazetteer/divisions.tsv``) and place matching.

The TSV is written by ``tests/scripts/make_gazetteer.py`` from the ``cpca``
package's table; kg reads only the TSV at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.lexicon.places import autonomous_short_form
from kg.resources import GAZETTEER_DIR

DIVISIONS_TSV = GAZETTEER_DIR / "divisions.tsv"

#: Full names that are also ordinary words (城区 "urban area", 新区 "new district"): never matched.
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区", "市中区", "城中区", "新城区"})
#: What may follow a county-level short name (英德, 郧西) or a two-character full name (房县) for it to
#: count as a place: an institution, facility or place word. Without one such names are too often
#: parts of ordinary words (示范县, 形成县市).
PLACE_CONTEXT = (
    "港", "站", "客运", "交通", "公路", "高速", "执法", "支队", "大队", "分厅", "分局", "人民", "籍", "境内",
    "辖区", "片区", "机场", "大桥", "火车", "汽车", "公交", "码头", "县委", "县政府", "市委", "市政府",
    "区委", "区政府", "党委", "政府", "交通运输局", "段",
)
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # province | city | county
    parent: str | None

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self.level]


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class PlaceMention:
    """A division named in the text; ``codes`` has several entries when the name is ambiguous."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    full: bool  # the full name (英德市) rather than the short one (英德)


class Gazetteer:
    """Divisions by code, with name lookup and place matching.

    Parameters
    ----------
    divisions : list[Division]
        The rows of the TSV.
    """

    def __init__(self, divisions: list[Division]) -> None:
        self.by_code: dict[str, Division] = {d.code: d for d in divisions}
        self._names: dict[str, list[tuple[str, bool]]] = {}
        for d in divisions:
            if d.name not in GENERIC_NAMES:
                self._names.setdefault(d.name, []).append((d.code, True))
            if d.short:
                self._names.setdefault(d.short, []).append((d.code, False))
            if (alias := autonomous_short_form(d.name)) and alias not in self._names:
                self._names.setdefault(alias, []).append((d.code, False))
        # the lengths of the names that open with each one- or two-character prefix, longest first
        lengths: dict[str, list[int]] = {}
        for name in self._names:
            lengths.setdefault(name[:2], []).append(len(name))
        self._lengths: dict[str, tuple[int, ...]] = {prefix: tuple(sorted(set(ns), reverse=True))
                                                     for prefix, ns in lengths.items()}
        # where a name may start: its first two characters (or a one-character name) stand there
        self._prefixes = frozenset(name[:2] for name in self._names)
        firsts = "".join(sorted({p[0] for p in self._prefixes if len(p) == 2}))
        seconds = "".join(sorted({p[1] for p in self._prefixes if len(p) == 2}))
        singles = "".join(sorted(p for p in self._prefixes if len(p) == 1))
        alts = [f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])"] if firsts else []
        alts += [f"[{re.escape(singles)}]"] if singles else []
        self._starts = re.compile("|".join(alts) or "(?!)")

    @classmethod
    def load(cls, path: Path = DIVISIONS_TSV) -> Gazetteer:
        """Read ``divisions.tsv`` (columns code, name, short, level, parent)."""
        divisions = []
        with path.open(encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                code, name, short, level, parent = line.rstrip("\n").split("\t")
                divisions.append(Division(code, name, short, level, parent or None))
        return cls(divisions)

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, innermost first."""
        out = []
        cur: str | None = code
        while cur and cur in self.by_code:
            out.append(self.by_code[cur])
            cur = self.by_code[cur].parent
        return out

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or lies inside it."""
        return any(d.code == ancestor for d in self.chain(code))

    def _credible(self, text: str, start: int, name: str, full: bool, codes: list[str]) -> bool:
        level = min(self.by_code[c].rank for c in codes)
        if full and len(name) >= 3:
            return True
        if not full and level < 2 and len(name) >= 2:
            return True  # province and city short names (广东, 十堰) are used alone
        after = text[start + len(name) : start + len(name) + 5]
        return after.startswith(PLACE_CONTEXT)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Division names in ``text[start:end]``, leftmost-longest, not overlapping.

        Full names of three or more characters always count; province and
        city short names count alone; county short names and two-character
        full names count only before a place word (``郧西客运站``, ``英德人民大桥``).
        """
        end = len(text) if end is None else end
        out: list[PlaceMention] = []
        free = start  # the first offset not inside a name already found
        lengths_of = self._lengths
        for m in self._starts.finditer(text, start, end):
            i = m.start()
            if i < free:
                continue
            # a name opens with the two characters here, or is the one character here
            lengths = lengths_of.get(text[i : i + 2], ()) + lengths_of.get(text[i], ())
            for n in lengths:
                if i + n <= end and (hit := self._names.get(text[i : i + n])):
                    codes = [c for c, _ in hit]
                    full = any(f for _, f in hit)
                    if self._credible(text, i, text[i : i + n], full, codes):
                        out.append(PlaceMention(i, i + n, text[i : i + n], tuple(dict.fromkeys(codes)), full))
                        free = i + n
                        break
        return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    return Gazetteer.load()
