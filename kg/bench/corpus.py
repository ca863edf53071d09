"""The scaled corpus of the benchmark: copies of the sample documents that name other, real divisions.

Document ``k`` is a copy of sample ``k % 5`` in which every division of the gazetteer
(``data/gazetteer/divisions.tsv``) that the text names is replaced, full name by full
name and short name by short name, by another real division of the same level and the
same place in the tree (the counties of one city go to counties of one other city, that
city to a city of the new province, ...). The division the document speaks for (its
jurisdiction) goes to a different division for each copy while there are unused ones of
its level; the other places are drawn at random (seeded by the copy number, so the
corpus is the same on every run). A copy is accepted only when the gazetteer finds
exactly the planned places in the new text.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.resources import SAMPLE_CORPUS
from kg.structure.gazetteer import GENERIC_NAMES, Gazetteer, PlaceMention, gazetteer

SAMPLE_DIR = SAMPLE_CORPUS


def log(msg: str) -> None:
    """One progress line on stderr."""
    print(f"[kg.bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

#: Candidates tried per division before the substitution backtracks.
MAX_TRIES = 12
#: Fresh draws per copy before the next candidate jurisdiction is tried.
ATTEMPTS = 4


@dataclass
class _Sample:
    """One sample document and the divisions it names, ready to be substituted."""

    name: str
    text: str
    mentions: list[tuple[PlaceMention, str]]  # mention, resolved code
    fixed: list[PlaceMention]  # ambiguous mentions left as they are
    home: str | None  # the jurisdiction the build gives the sample
    kids: dict[str | None, list[str]] = field(default_factory=dict)  # involved tree: parent -> children
    forms: dict[str, set[str]] = field(default_factory=dict)  # code -> {"full", "short"}
    home_candidates: list[str] = field(default_factory=list)
    pointer: int = 0


class CorpusMaker:
    """Copies of the sample documents whose place names name other divisions.

    Parameters
    ----------
    samples : list[Path]
        The sample documents (UTF-8 text).
    g : Gazetteer, optional
        The divisions; the shipped gazetteer by default.
    """

    def __init__(self, samples: list[Path], g: Gazetteer | None = None) -> None:
        from kg.ingest import read_document
        from kg.structure.document import structure_document
        from kg.structure.jurisdiction import _disambiguate

        self.g = g or gazetteer()
        self.children: dict[str | None, list[str]] = defaultdict(list)
        for d in self.g.by_code.values():
            self.children[d.parent].append(d.code)
        self.samples: list[_Sample] = []
        for path in samples:
            src = read_document(path, path.parent)
            meta = structure_document(src, self.g).meta
            found = self.g.find(src.text)
            resolved = _disambiguate(self.g, found)
            done = {id(m) for m, _ in resolved}
            s = _Sample(
                name=path.name, text=src.text, mentions=resolved,
                fixed=[m for m in found if id(m) not in done],
                home=meta.jurisdiction.code if meta.jurisdiction else None,
            )
            involved: set[str] = set()
            for m, code in resolved:
                s.forms.setdefault(code, set()).add("full" if m.full else "short")
                involved.update(d.code for d in self.g.chain(code))
            if s.home is not None and s.home not in involved:  # inferred, never named: keep it in the tree
                involved.update(d.code for d in self.g.chain(s.home))
            for code in sorted(involved):
                s.kids.setdefault(self.g.by_code[code].parent, []).append(code)
            if s.home is not None:
                s.home_candidates = self._home_candidates(s)
                random.Random(f"home:{s.name}").shuffle(s.home_candidates)
            self.samples.append(s)

    # -- fitting divisions -------------------------------------------------

    def _fits(self, s: _Sample, src: str, dst: str) -> bool:
        """``dst`` can stand for ``src`` in the text: same level and usable in the same forms."""
        a, b = self.g.by_code[src], self.g.by_code[dst]
        if a.level != b.level or b.name in GENERIC_NAMES:
            return False
        forms = s.forms.get(src, set())
        if "full" in forms and (len(a.name) >= 3) != (len(b.name) >= 3):
            return False  # a three-character full name always counts, a shorter one needs context
        if "short" in forms and (not b.short or len(b.short) < 2 or b.short == b.name):
            return False
        return True

    def _size(self, s: _Sample, code: str) -> int:
        return 1 + sum(self._size(s, c) for c in s.kids.get(code, []))

    def _home_candidates(self, s: _Sample) -> list[str]:
        assert s.home is not None
        chain = self.g.chain(s.home)
        levels = [d.level for d in chain]
        out = []
        for d in self.g.by_code.values():
            other = self.g.chain(d.code)
            if [x.level for x in other] == levels and all(
                self._fits(s, a.code, b.code) for a, b in zip(chain, other, strict=True)
            ):
                out.append(d.code)
        return sorted(out)

    def _assign(self, s: _Sample, src: str, dst: str, taken: set[str], forced: dict[str, str],
                rng: random.Random) -> dict[str, str] | None:
        """Map ``src`` to ``dst`` and its involved sub-divisions under ``dst``, one to one."""
        mapping = {src: dst}
        taken = taken | {dst}
        kids = sorted(s.kids.get(src, []), key=lambda c: (c not in forced, -self._size(s, c), c))
        for child in kids:
            if child in forced:
                cands = [forced[child]] if forced[child] not in taken else []
            else:
                cands = [x for x in sorted(self.children[dst]) if x not in taken and self._fits(s, child, x)]
                rng.shuffle(cands)
            for x in cands[:MAX_TRIES]:
                sub = self._assign(s, child, x, taken, forced, rng)
                if sub is not None:
                    mapping.update(sub)
                    taken |= set(sub.values())
                    break
            else:
                return None
        return mapping

    def _mapping(self, s: _Sample, home_target: str | None, rng: random.Random) -> dict[str, str] | None:
        forced: dict[str, str] = {}
        if s.home is not None and home_target is not None:
            for a, b in zip(self.g.chain(s.home), self.g.chain(home_target), strict=True):
                forced[a.code] = b.code
        # the places left as they are (ambiguous names) are not targets
        taken = {c for m in s.fixed for c in m.codes}
        mapping = self._assign(s, None, None, taken, forced, rng)  # type: ignore[arg-type]  # None: the root
        if mapping is not None:
            mapping.pop(None)  # type: ignore[call-overload]
        return mapping

    # -- one copy ----------------------------------------------------------

    def _substitute(self, s: _Sample, mapping: dict[str, str]) -> str | None:
        """The text with every resolved place renamed, or None when the gazetteer would read it otherwise."""
        pieces: list[str] = []
        expected: list[tuple[int, int, tuple[str, ...]]] = []
        items = sorted([(m, mapping[c]) for m, c in s.mentions] + [(m, None) for m in s.fixed], key=lambda x: x[0].start)
        pos = 0
        length = 0
        for m, target in items:
            pieces.append(s.text[pos : m.start])
            length += m.start - pos
            if target is None:
                new, codes = m.text, m.codes
            else:
                d = self.g.by_code[target]
                new, codes = (d.name if m.full else d.short), (target,)
            pieces.append(new)
            expected.append((length, length + len(new), codes))
            length += len(new)
            pos = m.end
        pieces.append(s.text[pos:])
        text = "".join(pieces)
        found = [(m.start, m.end, m.codes) for m in self.g.find(text)]
        return text if found == expected else None

    def copy(self, k: int) -> tuple[str, str, str | None]:
        """Document ``k``: its file name, its text, and the jurisdiction code it is meant to get."""
        s = self.samples[k % len(self.samples)]
        i = k // len(self.samples)
        name = f"{i:05d}_{s.name}"
        if not s.mentions:
            return name, s.text, s.home
        while True:
            home_target = None
            if s.home_candidates:
                s.pointer %= len(s.home_candidates)
                home_target = s.home_candidates[s.pointer]
            for attempt in range(ATTEMPTS):
                rng = random.Random(f"{s.name}:{i}:{attempt}")
                mapping = self._mapping(s, home_target, rng)
                text = self._substitute(s, mapping) if mapping is not None else None
                if text is not None:
                    s.pointer += 1
                    planned = mapping[s.home] if s.home is not None else None  # type: ignore[index]
                    return name, text, planned
            if home_target is None:
                return name, s.text, s.home  # nothing fits: the copy keeps the sample's places
            s.home_candidates.pop(s.pointer)  # this jurisdiction cannot host the sample


def make_corpus(dest: Path, n_docs: int, sample_dir: Path = SAMPLE_DIR) -> dict:
    """Write ``n_docs`` substituted copies of the samples into ``dest``.

    Returns
    -------
    dict
        ``texts`` (name -> text), ``planned`` (name -> planned adcode or None),
        ``source`` (name -> sample name) and ``capacity`` (sample -> number of
        candidate jurisdictions for its copies: divisions of the right level and
        shape, less those found unfit while copying, so an upper bound).
    """
    samples = sorted(sample_dir.glob("*.txt"))
    if not samples:
        raise SystemExit(f"kg.bench: no sample documents in {sample_dir}")
    maker = CorpusMaker(samples)
    capacity = {s.name: len(s.home_candidates) for s in maker.samples}
    dest.mkdir(parents=True, exist_ok=True)
    texts, planned, source = {}, {}, {}
    for k in range(n_docs):
        name, text, code = maker.copy(k)
        (dest / name).write_text(text, encoding="utf-8")
        texts[name], planned[name] = text, code
        source[name] = maker.samples[k % len(maker.samples)].name
        if (k + 1) % 1000 == 0:
            log(f"corpus: {k + 1}/{n_docs} documents")
    capacity = {s.name: min(capacity[s.name], len(s.home_candidates)) for s in maker.samples}
    return {"texts": texts, "planned": planned, "source": source, "capacity": capacity}


# ---------------------------------------------------------------------------
# builds


