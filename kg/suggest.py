"""Lexicon suggestions: phrases that look like names the extractor did not type.

``kg lexicon suggest OUT`` reads a build (its ``extractions.jsonl`` and the
corpus recorded in ``summary.json``) and ranks candidates for a person to
review and copy into a user lexicon:

- quoted names “…” and the head that follows them (“双随机、一公开”监管),
- 《》 titles,
- phrases that end in a head noun of the shipped dictionaries (…行动, …改革,
  …制度, …中心) and recur,

leaving out every span the build already typed, the stop phrases, and what
the dictionaries call generic. The guessed type comes from the head.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import read_corpus
from kg.model import SourceDocument
from kg.lexicon import Lexicon, load_lexicon

_CJK_RUN = re.compile(r"[\u4e00-\u9fffXx*＊]+")
_QUOTED = re.compile(r"“([^“”\n]{2,20})”([\u4e00-\u9fff]{0,6})")
_TITLE = re.compile(r"《([^《》\n]{2,60})》")
MIN_LEN, MAX_LEN = 4, 20


@dataclass
class Candidate:
    """A phrase that may deserve a lexicon line."""

    phrase: str
    label: str  # guessed type
    count: int = 0
    docs: set[str] = field(default_factory=set)
    example: str = ""
    how: str = ""  # quoted | title | head

    @property
    def score(self) -> float:
        bonus = {"quoted": 2.0, "title": 1.5, "head": 1.0}[self.how]
        return bonus * (self.count + len(self.docs)) + min(len(self.phrase), 12) / 12


def _heads(lx: Lexicon) -> list[tuple[str, str]]:
    """(head, guessed type) from the dictionaries, longest head first."""
    heads = [(h, "CAMPAIGN") for h, ch in lx.campaign_heads.items() if not ch.quoted_only and len(h) >= 2]
    heads += [(h, "REGULATION") for h, rh in lx.regulation_heads.items() if "any" in rh.where]
    # two-character agency heads: a one-character head (局, 委) ends too many ordinary words
    heads += [(h, "AGENCY") for h, ah in lx.agency_heads.items() if len(h) >= 2 and ah.cls in ("unit", "team")]
    heads += [(h, "ORGANIZATION") for h in lx.org_heads if len(h) >= 2]
    return sorted(set(heads), key=lambda x: -len(x[0]))


def _trim_left(phrase: str, stopwords: list[str]) -> str:
    """Cut the phrase after the last stop word in it (开展…, 推进… start no name)."""
    cut = 0
    for w in stopwords:
        at = phrase.rfind(w)
        if at >= 0 and at + len(w) > cut and at + len(w) < len(phrase):
            cut = at + len(w)
    return phrase[cut:]


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "。！？；\n") + 1
    ends = [e for e in (text.find(c, at) for c in "。！？；\n") if e >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))].strip()


def suggest(out: Path, corpus: Path | None = None, limit: int = 50) -> list[Candidate]:
    """Rank candidate lexicon entries for a build.

    Parameters
    ----------
    out : Path
        A build folder (``extractions.jsonl``, ``summary.json``).
    corpus : Path, optional
        The documents; by default the corpus recorded in ``summary.json``.
    limit : int
        How many candidates to return.

    Returns
    -------
    list of Candidate
        Best first.
    """
    out = Path(out)
    if corpus is None:
        corpus = Path(json.loads((out / "summary.json").read_text(encoding="utf-8"))["corpus"])
    typed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    typed_names: set[str] = set()
    with (out / "extractions.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["type"] not in ("METRIC", "RELATION"):
                typed[rec["doc"]].append((rec["start"], rec["end"]))
                typed_names.add(rec["name"])
    lx = load_lexicon([])
    stops = lx.generic | lx.slogans | lx.stops
    stopwords = sorted(lx.stopwords, key=len, reverse=True)
    heads = _heads(lx)
    stops |= {h for h, _ in heads}
    found: dict[str, Candidate] = {}

    def add(doc: SourceDocument, phrase: str, label: str, start: int, end: int, how: str) -> None:
        if not (MIN_LEN - 2 <= len(phrase) <= MAX_LEN) or phrase in stops or phrase in typed_names:
            return
        if any(s < end and start < e for s, e in typed[doc.name]):
            return
        c = found.setdefault(phrase, Candidate(phrase, label, how=how))
        c.count += 1
        c.docs.add(doc.name)
        c.example = c.example or _sentence(doc.text, start)

    for doc in read_corpus(corpus):
        if not isinstance(doc, SourceDocument):
            continue
        text = doc.text
        for m in _QUOTED.finditer(text):
            inner, tail = m.group(1), m.group(2)
            head = next(((h, lab) for h, lab in heads if tail.startswith(h)), None)
            if head:
                add(doc, inner + head[0], head[1], m.start(), m.start(2) + len(head[0]), "quoted")
            elif text.count(f"“{inner}”") >= 2:
                add(doc, inner, "CAMPAIGN", m.start(), m.end(1) + 1, "quoted")
        for m in _TITLE.finditer(text):
            add(doc, m.group(1), "REGULATION", m.start(), m.end(), "title")
        for run in _CJK_RUN.finditer(text):
            phrase_run = run.group()
            for h, label in heads:
                for at in (i for i in range(len(phrase_run)) if phrase_run.startswith(h, i)):
                    end = at + len(h)
                    phrase = _trim_left(phrase_run[max(0, end - MAX_LEN):end], stopwords)
                    if len(phrase) >= MIN_LEN and phrase != h:
                        add(doc, phrase, label, run.start() + end - len(phrase), run.start() + end, "head")
    ranked = [c for c in found.values() if c.how != "head" or c.count >= 2]
    # a recurring phrase cut short on the left is the same candidate as its fuller form
    ranked = [c for c in ranked if not any(
        o is not c and o.phrase.endswith(c.phrase) and o.count >= c.count for o in ranked)]
    ranked.sort(key=lambda c: (-c.score, c.phrase))
    return ranked[:limit]


def as_lexicon_lines(candidates: list[Candidate]) -> str:
    """The candidates as user-lexicon lines, commented out for review."""
    lines = ["# TYPE\tname\taliases (| separated) — remove the leading '# ' to accept a line"]
    for c in candidates:
        lines.append(f"# {c.label}\t{c.phrase}\t\t# {c.count}x in {len(c.docs)} doc(s), {c.how}")
    return "\n".join(lines) + "\n"
