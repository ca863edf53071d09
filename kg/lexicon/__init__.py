"""Dictionaries for entity extraction: shipped vocabulary plus user lexicons.

:func:`load_lexicon` reads the files shipped in ``data/lexicon/`` (head nouns,
levels, department stems, stop words, generic words, slogans, known national
bodies and programmes; see ``data/lexicon/README.md``), the place names of the
gazetteer in ``data/gazetteer/divisions.tsv``, and then every user lexicon
given with ``--lexicon``.

User lexicon format
-------------------
A UTF-8 text file, one entry a line, fields separated by a TAB::

    # comment lines start with '#'; blank lines are ignored
    TYPE<TAB>name<TAB>alias1|alias2|...

``TYPE`` is one of ``AGENCY``, ``ORGANIZATION``, ``CAMPAIGN``, ``REGULATION``,
``STOP`` or ``INDICATOR``. The aliases column is optional.

- An entity line makes ``name`` and each alias a phrase that is always
  recognised as a mention of that type wherever it occurs in a document; the
  mention's canonical name is ``name``. Aliases also tell the resolve stage
  that the surface forms are one entity (:meth:`Lexicon.canonical`).
- A ``STOP`` line suppresses the phrase (and its aliases): no mention whose
  surface text or canonical name equals it is emitted, whatever rule found it.
- An ``INDICATOR`` line names what metrics measure (:mod:`kg.resolve.indicators`):
  a metric whose indicator phrase, or the measured core worked out from it,
  is ``name`` or one of the aliases has the core ``name``. It merges
  indicators (the aliases' metrics join ``name``'s) or renames one (an alias
  that is a core gets ``name``); the unit still gives the dimension.
- Later files win: a user line overrides a shipped line for the same phrase.

Example::

    AGENCY	省交通运输厅	省厅|交通运输厅
    CAMPAIGN	春运	春运工作
    STOP	专班
    INDICATOR	查处违法案件	办理违法案件|查办案件
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from kg.lexicon.charmatch import SuffixTrie
from kg.lexicon.places import autonomous_short_form
from kg.model import ENTITY_TYPES
from kg.resources import GAZETTEER_DIR, LEXICON_DIR

ENTRY_TYPES: tuple[str, ...] = ENTITY_TYPES + ("STOP", "INDICATOR")
QUOTES = "“”‘’「」『』\"'《》〈〉"
_NO_QUOTES = str.maketrans("", "", QUOTES)


def strip_quotes(text: str) -> str:
    """``text`` without quotation marks and title brackets (masks kept)."""
    return text.translate(_NO_QUOTES)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One line of a lexicon in the user format."""

    label: str  # one of ENTRY_TYPES
    name: str
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def phrases(self) -> tuple[str, ...]:
        """The name and the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class AgencyHead:
    """A head noun of a public body (局, 厅, 党委, 支队 ...)."""

    head: str
    cls: str  # unit | party | gov | team | dept
    needs: frozenset[str]  # stem | level | any | none
    not_before: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrgHead:
    """A head noun of an organisation (集团, 公司, 协会 ...)."""

    head: str
    weak: bool = False
    after: tuple[str, ...] = ()
    placed: bool = False  # names an organisation only after a place and a brand (睢阳区顺通汽车修理厂)


@dataclass(frozen=True, slots=True)
class CampaignHead:
    """A head noun of a named initiative (专项行动, 实践活动, 转型年 ...)."""

    head: str
    quoted_only: bool = False
    not_before: tuple[str, ...] = ()
    anaphor: bool = False
    strong: bool = False  # the head is distinctive: any modifier makes a name (执法转型年)


@dataclass(slots=True)
class RegulationHead:
    """A head of a rule set or of a normative 《》 title (制度, 清单, 办法 ...)."""

    head: str
    where: set[str] = field(default_factory=set)  # any | quoted | title
    not_before: tuple[str, ...] = ()


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names file and line."""


@dataclass
class Lexicon:
    """Everything the entity rules look words up in.

    Build it with :func:`load_lexicon`; the tries are made on first use.
    """

    entries: list[LexiconEntry] = field(default_factory=list)
    agency_heads: dict[str, AgencyHead] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)  # stem -> body | domain | generic
    post_stems: set[str] = field(default_factory=set)  # fields naming a post of the parent before 站
    org_heads: dict[str, OrgHead] = field(default_factory=dict)
    campaign_heads: dict[str, CampaignHead] = field(default_factory=dict)
    regulation_heads: dict[str, RegulationHead] = field(default_factory=dict)
    stopwords: dict[str, str] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)
    domain: dict[str, str] = field(default_factory=dict)  # field word -> anchor | field
    words: set[str] = field(default_factory=set)  # content words that protect a stop character
    slogans: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    waterways: tuple[str, ...] = ()  # rivers that name maritime and waterway bodies (长江)
    district_kinds: set[str] = field(default_factory=set)  # kinds of special districts (经济技术开发)
    works_parts: dict[str, str] = field(default_factory=dict)  # before 工程: part | rank of one project's works
    user_phrases: set[str] = field(default_factory=set)  # phrases of user files (quotes removed)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)
    _tries: dict[str, SuffixTrie] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------- entries
    @property
    def stops(self) -> set[str]:
        """Phrases suppressed by ``STOP`` lines, quotes removed."""
        got = self._cache.get("stops")
        if got is None:
            got = {strip_quotes(p) for e in self.entries if e.label == "STOP" for p in e.phrases}
            self._cache["stops"] = got
        return got  # type: ignore[return-value]

    def known(self) -> dict[str, tuple[str, str]]:
        """Phrase (quotes removed) -> (label, canonical name) for entity lines; later lines win."""
        got = self._cache.get("known")
        if got is None:
            got = {}
            for e in self.entries:
                if e.label in ("STOP", "INDICATOR"):
                    continue
                for p in e.phrases:
                    got[strip_quotes(p)] = (e.label, strip_quotes(e.name))
            self._cache["known"] = got
        return got  # type: ignore[return-value]

    def indicator_names(self) -> dict[str, str]:
        """Phrase (quotes removed) -> the indicator name of an ``INDICATOR`` line; later lines win."""
        got = self._cache.get("indicators")
        if got is None:
            got = {strip_quotes(p): strip_quotes(e.name) for e in self.entries if e.label == "INDICATOR"
                   for p in e.phrases}
            self._cache["indicators"] = got
        return got  # type: ignore[return-value]

    def canonical(self, label: str, name: str) -> str:
        """The canonical name a lexicon gives ``name`` of type ``label``, else ``name``.

        Parameters
        ----------
        label : str
            Entity type (``AGENCY`` ...).
        name : str
            A surface form or proposed name; quotation marks are ignored.

        Returns
        -------
        str
            The lexicon entry's name when ``name`` is that entry's name or one
            of its aliases, otherwise ``name`` unchanged.
        """
        hit = self.known().get(strip_quotes(name))
        if hit is not None and hit[0] == label:
            return hit[1]
        return name

    def aliases(self, label: str, name: str) -> set[str]:
        """Every phrase that the lexicon says names the same entity as ``name``."""
        canon = self.canonical(label, name)
        return {p for p, (lab, c) in self.known().items() if lab == label and c == canon} | {canon}

    def is_stopped(self, *texts: str) -> bool:
        """True when any of ``texts`` (quotes ignored) is a STOP phrase."""
        stops = self.stops
        return any(strip_quotes(t) in stops for t in texts)

    # --------------------------------------------------------------- tries
    def trie(self, kind: str) -> SuffixTrie:
        """A suffix trie over one vocabulary, by name.

        ``kind`` is one of ``known``, ``agency_heads``, ``levels``, ``stems``,
        ``places``, ``org_heads``, ``campaign_heads``, ``regulation_heads``,
        ``stopwords``, ``generic``, ``domain``, ``words``, ``district_kinds``, ``works_parts``.
        """
        got = self._tries.get(kind)
        if got is None:
            words: dict[str, object]
            if kind == "known":
                words = dict(self.known())
            elif kind in ("generic", "domain", "places", "words", "district_kinds"):
                words = {w: True for w in getattr(self, kind)}
            else:
                words = dict(getattr(self, kind))
            got = SuffixTrie(words)
            self._tries[kind] = got
        return got

    def is_word(self, text: str) -> bool:
        """True when ``text`` is a known common word of any vocabulary (not a brand)."""
        return (
            text in self.stopwords or text in self.generic or text in self.stems
            or text in self.domain or text in self.levels or text in self.words
        )

    def in_word(self, text: str, i: int, longest: int = 4, kinds: tuple[str, ...] | None = None,
                end: int | None = None, within: tuple[int, int] | None = None) -> bool:
        """Whether the character at ``i`` lies inside a known word of ``text`` (the 应 of 应急, the 市 of 城市公交).

        Parameters
        ----------
        text : str
            The text the character is read in.
        i : int
            The character's offset.
        longest : int
            The longest word looked for.
        kinds : tuple of str, optional
            The vocabularies read (``domain``, ``stems``, ``generic``, ``words``…); every common
            word of :meth:`is_word` by default.
        end : int, optional
            With it, the word must hold all of ``text[i:end]`` and be longer (the 有 of 国有 in 国有资产);
            ``i + 1`` by default.
        within : tuple of int, optional
            ``(lo, hi)``: the word must lie inside ``text[lo:hi]``; the whole text by default.

        Returns
        -------
        bool
            True when a word of two to ``longest`` characters holds ``i`` (or ``text[i:end]``).
        """
        end = i + 1 if end is None else end
        lo, hi = (0, len(text)) if within is None else (max(0, within[0]), min(within[1], len(text)))
        vocabs = None if kinds is None else [getattr(self, k) for k in kinds]
        for a in range(max(lo, end - longest), i + 1):
            for b in range(max(a + 2, end, a + end - i + 1), min(hi, a + longest) + 1):
                w = text[a:b]
                if self.is_word(w) if vocabs is None else any(w in v for v in vocabs):
                    return True
        return False


# ------------------------------------------------------------------ loading
def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-comment lines of a TSV file, split on TAB, with their line numbers."""
    out = []
    with path.open(encoding="utf-8-sig") as fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t") if "\t" in line else line.split()
            out.append((no, [c.strip() for c in cells]))
    return out


def _cell(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _alts(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def read_entries(path: Path) -> list[LexiconEntry]:
    """Read a lexicon in the user format (``TYPE<TAB>name<TAB>aliases``).

    Raises
    ------
    LexiconError
        On an unknown type or a line without a name.
    """
    out = []
    for no, cells in _rows(path):
        label = cells[0].upper()
        if label not in ENTRY_TYPES:
            raise LexiconError(f"{path}:{no}: unknown type {cells[0]!r} (expected one of {', '.join(ENTRY_TYPES)})")
        name = _cell(cells, 1)
        if not name:
            raise LexiconError(f"{path}:{no}: {label} line without a name")
        out.append(LexiconEntry(label, name, _alts(_cell(cells, 2)), f"{path.name}:{no}"))
    return out


def _read_places(path: Path) -> set[str]:
    """Division names and short names from the gazetteer (``code name short level parent``)."""
    if not path.exists():
        return set()
    places: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            for key in ("name", "short"):
                val = (row.get(key) or "").strip()
                if len(val) >= 2:
                    places.add(val)
            if alias := autonomous_short_form(row.get("name") or ""):
                places.add(alias)
    return places


def load_lexicon(paths: list[Path] | None = None, lexicon_dir: Path | None = None,
                 gazetteer: Path | None = None) -> Lexicon:
    """Load the shipped dictionaries, then the user lexicons ``paths``.

    Parameters
    ----------
    paths : list of Path
        User lexicon files in the format of this module's docstring.
    lexicon_dir : Path, optional
        Folder of the shipped dictionaries (default ``data/lexicon``).
    gazetteer : Path, optional
        Gazetteer TSV with ``name`` and ``short`` columns (default
        ``data/gazetteer/divisions.tsv``); missing is fine.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        A user file with a malformed line.
    FileNotFoundError
        A user file that does not exist.
    """
    d = Path(lexicon_dir or LEXICON_DIR)
    lx = Lexicon()
    lx.entries = read_entries(d / "entries.tsv") if (d / "entries.tsv").exists() else []
    for _, c in _rows(d / "agency_heads.tsv"):
        lx.agency_heads[c[0]] = AgencyHead(c[0], _cell(c, 1) or "unit", frozenset(_alts(_cell(c, 2)) or ("any",)),
                                           _alts(_cell(c, 3)))
    for _, c in _rows(d / "agency_levels.tsv"):
        lx.levels[c[0]] = _cell(c, 1)
    for _, c in _rows(d / "agency_stems.tsv"):
        lx.stems[c[0]] = _cell(c, 1) or "domain"
        if _cell(c, 2) == "post":
            lx.post_stems.add(c[0])
    for _, c in _rows(d / "org_heads.tsv"):
        lx.org_heads[c[0]] = OrgHead(c[0], _cell(c, 1) == "weak", _alts(_cell(c, 2)), _cell(c, 1) == "placed")
    for _, c in _rows(d / "campaign_heads.tsv"):
        lx.campaign_heads[c[0]] = CampaignHead(c[0], _cell(c, 1) == "quoted", _alts(_cell(c, 2)),
                                               _cell(c, 3) == "yes", _cell(c, 4) == "yes")
    for _, c in _rows(d / "regulation_heads.tsv"):
        rh = lx.regulation_heads.setdefault(c[0], RegulationHead(c[0]))
        rh.where.add(_cell(c, 1) or "any")
        rh.not_before = rh.not_before + _alts(_cell(c, 2))
    for _, c in _rows(d / "stopwords.tsv"):
        lx.stopwords[c[0]] = _cell(c, 1)
    lx.generic = {c[0] for _, c in _rows(d / "generic_words.tsv")}
    lx.domain = {c[0]: _cell(c, 1) or "field" for _, c in _rows(d / "domain_words.tsv")}
    lx.words = {c[0] for _, c in _rows(d / "words.tsv")} if (d / "words.tsv").exists() else set()
    lx.slogans = {c[0] for _, c in _rows(d / "slogans.tsv")}
    kinds = [(c[0], _cell(c, 1)) for _, c in _rows(d / "place_kinds.tsv")] if (d / "place_kinds.tsv").exists() else []
    lx.waterways = tuple(w for w, k in kinds if k == "waterway")
    lx.district_kinds = {w for w, k in kinds if k == "district"}
    lx.works_parts = {c[0]: _cell(c, 1) for _, c in _rows(d / "works_parts.tsv")} \
        if (d / "works_parts.tsv").exists() else {}
    lx.places = _read_places(Path(gazetteer) if gazetteer else GAZETTEER_DIR / "divisions.tsv")
    for p in paths or []:
        p = Path(p)
        if not p.exists():
            raise FileNotFoundError(f"{p}: lexicon file not found")
        user = read_entries(p)
        lx.entries.extend(user)
        lx.user_phrases.update(strip_quotes(ph) for e in user for ph in e.phrases)
    return lx


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped dictionaries alone, loaded once (what the extractors use when given no lexicon).

    Returns
    -------
    Lexicon
        The same object on every call: callers must not change it.
    """
    return load_lexicon([])


__all__ = ["ENTRY_TYPES", "Lexicon", "LexiconEntry", "LexiconError", "default_lexicon", "load_lexicon", "read_entries", "strip_quotes"]
