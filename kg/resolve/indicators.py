"""Indicators: what a metric measures, the same across documents.

A metric's indicator phrase as written (``全年共查处违法案件``, ``道路客运发送旅客同比增长``)
becomes a *core*, the counted object and the action (``查处违法案件``, ``发送旅客``), and
its unit a *dimension* (宗 -> cases, % -> ratio); the key ``core|dimension`` names
the indicator in every document, and its id is ``stable_id("Indicator", key, "national")``.

The core of a phrase (:meth:`IndicatorNormaliser.core`), with the word lists of
``data/lexicon/indicators.tsv``:

1. quotes, brackets and what they hold as a note (（PQI）), list markers and blanks go;
2. everything up to the last body of the metric's sentence the phrase names goes
   (指导A公司和B公司新开通城乡公交线路: the bodies act, the lines are counted), and
   so does the body that reports it;
3. from the start, again and again: time words (2023年, 1-6月, 春运期间, 今年以来),
   places (the gazetteer's names and short names, with 市/县/区/港 …), and the
   ``lead`` words (全市, 累计, 共, 力争, 不少于, 对 …); from the end, comparisons and
   change words (同比增长) and the ``trail`` words (达到, 的);
4. words of the same meaning take one wording (``synonym``: 客运量 = 发送旅客,
   罚没款 = 罚款, 新建 = 建成);
5. a ``scope`` word at the start (道路客运, 农村公路: the field, not what is counted)
   and, unless the core names a rate or an index, the words before its first
   ``verb`` (12328热线受理投诉 -> 受理投诉) go;
6. a ``light`` verb at the start (完成, 开展) goes when something follows.

A user lexicon line ``INDICATOR<TAB>name<TAB>alias|alias`` gives the core ``name``
to every phrase or core that is ``name`` or an alias. Nothing here imports
spaCy: a document's indicators are worked out from its extraction
(:func:`document_indicators`) and linked across the corpus by key
(:func:`link_indicators`), a single pass over compact records.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.ids import stable_id
from kg.lexicon import Lexicon
from kg.model import DocExtraction, DocIndicators, Indicator, IndicatorSummary, Mention
from kg.resources import LEXICON_DIR

INDICATORS_PATH: Path = LEXICON_DIR / "indicators.tsv"
ROLES = ("dimension", "lead", "trail", "scope", "light", "verb", "synonym")
#: the dimension of a unit not in the table, and of a compound unit (元/人次)
OTHER = "other"
_DROP = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉 \t\u3000")
_NOTE = re.compile(r"[(（][^()（）]{0,20}[)）]")
_LIST_MARK = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[,、]?|[(（][一二三四五六七八九十\d]{1,2}[)）]"
                        r"|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．](?!\d)|[①-⑳])")
#: time words at the start of a phrase
_TIME = re.compile(
    r"^(?:(?:20\d\d|[〇○零一二三四五六七八九]{4})年(?:度|底|末|初)?(?:以来)?|"
    r"\d{1,2}(?:[-~至]\d{1,2})?月(?:份|底|末|初)?(?:以来)?|[一二三四五六七八九十]{1,2}(?:至[一二三四五六七八九十]{1,3})?月(?:份)?|"
    r"截至[^,，;；]{0,10}?(?:月底|月末|年底|目前|底)|[^,，;；]{1,6}?期间|[^,，;；]{1,4}?以来|汛期|节前|节后|第?[一二三四]季度|"
    r"(?:上|下)半年|年底前|年内)"
)
#: a place's suffix after a gazetteer name (常德市, 衡阳港, 郭家坝港区)
_PLACE_TAIL = re.compile(r"^(?:省|市|县|区|州|港区|港|镇|乡|段|境内|辖区)?")
#: the end of a phrase that compares it or states its change: 同比增长, 较上年提高, 年均增长
_CHANGE_TAIL = re.compile(
    r"(?:同比|环比|年均|(?:比|较|与)(?:去年|上年|上一年|20\d\d年)(?:同期)?(?:相比)?)?(?:分别)?"
    r"(?:增长|增加|下降|减少|提高|提升|降低|上升|回落|下滑|增幅|降幅|增速|减|增|降)(?:了)?$"
)
#: a core that names a rate or an index: the words before its verb say which one it is
_RATE = re.compile(r"(?:率|指数|比例|比重|占比|覆盖面)$")


@dataclass(frozen=True, slots=True)
class IndicatorKey:
    """What one metric measures."""

    core: str
    dimension: str

    @property
    def key(self) -> str:
        """``core|dimension``: the same in every document that measures the same thing."""
        return f"{self.core}|{self.dimension}"

    @property
    def id(self) -> str:
        """The node id of the indicator."""
        return indicator_id(self.key)


def indicator_id(key: str) -> str:
    """The node id of the indicator with ``key`` (``core|dimension``)."""
    return stable_id("Indicator", key, "national")


@dataclass
class IndicatorWords:
    """The word lists of ``data/lexicon/indicators.tsv`` by role."""

    dimensions: dict[str, str] = field(default_factory=dict)  # unit -> dimension
    lead: tuple[str, ...] = ()
    trail: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    light: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)  # phrase -> canonical wording


@lru_cache(maxsize=4)
def load_indicator_words(path: Path = INDICATORS_PATH) -> IndicatorWords:
    """Read the word lists (``role, word[, value]``); a line of an unknown role or without its value is an error.

    Raises
    ------
    ValueError
        One line naming the file, the line and the problem.
    """
    words: dict[str, list[str]] = defaultdict(list)
    out = IndicatorWords()
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        role = cells[0]
        if role not in ROLES or len(cells) < 2 or not cells[1]:
            raise ValueError(f"{path}:{no}: expected 'role<TAB>word' with a role of {', '.join(ROLES)}: {line!r}")
        if role in ("dimension", "synonym"):
            if len(cells) < 3 or not cells[2]:
                raise ValueError(f"{path}:{no}: a {role} line needs a third column: {line!r}")
            (out.dimensions if role == "dimension" else out.synonyms)[cells[1]] = cells[2]
        else:
            words[role].append(cells[1])
    by_length = {role: tuple(sorted(ws, key=len, reverse=True)) for role, ws in words.items()}
    out.lead, out.trail, out.scope = by_length.get("lead", ()), by_length.get("trail", ()), by_length.get("scope", ())
    out.light, out.verbs = by_length.get("light", ()), by_length.get("verb", ())
    return out


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DROP)


class IndicatorNormaliser:
    """Phrase and unit -> :class:`IndicatorKey`.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Its place names (the gazetteer) and ``INDICATOR`` lines.
    words : IndicatorWords, optional
        Defaults to ``data/lexicon/indicators.tsv``.
    """

    def __init__(self, lexicon: Lexicon | None = None, words: IndicatorWords | None = None) -> None:
        self.words = words if words is not None else load_indicator_words()
        self.places = frozenset(p for p in (lexicon.places if lexicon is not None else ()) if len(p) >= 2)
        self._place_len = max((len(p) for p in self.places), default=0)
        self.names = {_fold(k): _fold(v) for k, v in (lexicon.indicator_names() if lexicon is not None else {}).items()}
        syn = sorted(self.words.synonyms, key=len, reverse=True)
        self._synonyms = re.compile("|".join(map(re.escape, syn))) if syn else None
        self._verbs = re.compile("|".join(map(re.escape, self.words.verbs))) if self.words.verbs else None
        self._memo: dict[tuple[str, tuple[str, ...]], str] = {}

    def dimension(self, unit: str) -> str:
        """The dimension a unit measures (``辆次`` -> vehicles); a compound unit (元/人次) is ``other``."""
        return OTHER if "/" in unit else self.words.dimensions.get(unit, OTHER)

    def normalise(self, phrase: str, unit: str, bodies: Iterable[str] = ()) -> IndicatorKey:
        """The indicator of a metric: its phrase's core and its unit's dimension.

        Parameters
        ----------
        phrase : str
            The indicator phrase as written (``MetricMention.indicator``).
        unit : str
            The metric's unit (``MetricMention.unit``).
        bodies : iterable of str
            Names of the bodies of the metric's sentence, as written (the reporter among them).

        Returns
        -------
        IndicatorKey
        """
        return IndicatorKey(self.core(phrase, bodies), self.dimension(unit))

    def core(self, phrase: str, bodies: Iterable[str] = ()) -> str:
        """The measured core of an indicator phrase (see the module docstring); the phrase itself when nothing is left."""
        bodies = tuple(sorted({_fold(b) for b in bodies if b}, key=len, reverse=True))
        memo = (phrase, bodies)
        got = self._memo.get(memo)
        if got is None:
            got = self._core(phrase, bodies)
            if len(self._memo) < 100_000:
                self._memo[memo] = got
        return got

    def _core(self, phrase: str, bodies: tuple[str, ...]) -> str:
        text = _fold(phrase)
        named = self.names.get(text)
        if named is not None:
            return named
        text = _NOTE.sub("", text)
        text = _LIST_MARK.sub("", text)
        cut = max((text.rfind(b) + len(b) for b in bodies if b in text), default=0)
        if cut and cut < len(text):
            text = text[cut:]
        text = self._trim(text)
        if self._synonyms is not None:
            text = self._synonyms.sub(lambda m: self.words.synonyms[m.group()], text)
        text = self._trim(self._strip_scope(text))
        if self._verbs is not None and not _RATE.search(text):
            m = self._verbs.search(text, 1)
            if m is not None and len(text) - m.start() >= 3:
                text = text[m.start():]
        text = self._trim(self._strip_light(text))
        core = text or _fold(phrase)
        return self.names.get(core, core)

    def _trim(self, text: str) -> str:
        """Time words, places and lead words off the start, changes and trail words off the end, until none is left."""
        while True:
            before = text
            m = _TIME.match(text)
            if m and m.end() < len(text):
                text = text[m.end():]
            text = self._strip_place(text)
            for w in self.words.lead:
                if text.startswith(w) and len(text) > len(w) and not self._protected(text, w):
                    text = text[len(w):]
                    break
            m = _CHANGE_TAIL.search(text)
            if m and m.start() > 0:
                text = text[:m.start()]
            for w in self.words.trail:
                if text.endswith(w) and len(text) > len(w):
                    text = text[:-len(w)]
                    break
            if text == before:
                return text

    def _protected(self, text: str, lead: str) -> bool:
        """A lead word that is the start of a longer word here: 共同, 新增设, 计划内 are kept whole."""
        nxt = text[len(lead):len(lead) + 1]
        return (lead == "共" and nxt in "同享建") or (lead in ("计划", "目标") and nxt in "的内外")

    def _strip_place(self, text: str) -> str:
        for n in range(min(self._place_len, len(text) - 1), 1, -1):
            if text[:n] in self.places:
                rest = text[n:]
                rest = rest[_PLACE_TAIL.match(rest).end():]
                return rest if len(rest) >= 2 else text
        return text

    def _strip_scope(self, text: str) -> str:
        for w in self.words.scope:
            if text.startswith(w) and len(text) - len(w) >= 2:
                return text[len(w):]
        return text

    def _strip_light(self, text: str) -> str:
        for w in self.words.light:
            if text.startswith(w) and len(text) - len(w) >= 2:
                return text[len(w):]
        return text


# --------------------------------------------------------------- documents and the corpus
def _sentence_bodies(ext: DocExtraction) -> dict[int, list[str]]:
    """The names (as written) of the AGENCY and ORGANIZATION mentions of each sentence, by sentence start."""
    out: dict[int, list[str]] = defaultdict(list)
    for m in ext.mentions:
        if m.label in ("AGENCY", "ORGANIZATION") and not m.self_ref:
            sent = ext.document.sentence_at(m.start)
            if sent is not None:
                out[sent.start].append(m.text)
    return out


def document_indicators(ext: DocExtraction, lexicon: Lexicon | None = None,
                        normaliser: IndicatorNormaliser | None = None) -> DocIndicators:
    """The indicators of one document's metrics.

    Parameters
    ----------
    ext : DocExtraction
    lexicon : Lexicon, optional
        Places and ``INDICATOR`` lines (used when no ``normaliser`` is given).
    normaliser : IndicatorNormaliser, optional

    Returns
    -------
    DocIndicators
        One summary per key (its metrics counted, its phrases as aliases, the
        unit most of them are in), and the index of each metric's.
    """
    norm = normaliser if normaliser is not None else IndicatorNormaliser(lexicon)
    bodies = _sentence_bodies(ext) if ext.metrics else {}
    by_key: dict[str, int] = {}
    summaries: list[tuple[IndicatorKey, set[str], Counter]] = []
    indicator_of: dict[tuple[str, int, int, str], int] = {}
    for m in ext.metrics:
        names = bodies.get(m.evidence.sentence_start, [])
        reporter: Mention | None = m.reporter
        if reporter is not None and not reporter.self_ref:
            names = names + [reporter.text]
        ik = norm.normalise(m.indicator, m.unit, names)
        i = by_key.get(ik.key)
        if i is None:
            i = by_key[ik.key] = len(summaries)
            summaries.append((ik, set(), Counter()))
        if m.indicator:
            summaries[i][1].add(m.indicator)
        summaries[i][2][m.unit] += 1
        indicator_of[m.key] = i
    out = [IndicatorSummary(key=ik.key, name=ik.core, dimension=ik.dimension,
                            unit=max(units, key=lambda u: (units[u], u)), aliases=tuple(sorted(aliases)),
                            metrics=sum(units.values()))
           for ik, aliases, units in summaries]
    return DocIndicators(doc=ext.document.name, indicators=out, indicator_of=indicator_of)


def link_indicators(docs: Iterable[tuple[str, Iterable[IndicatorSummary]]]) -> dict[str, Indicator]:
    """The corpus's indicators: one per key, with the documents, phrases and metrics of every document.

    Parameters
    ----------
    docs : iterable of (document name, its indicator summaries)

    Returns
    -------
    dict
        Indicator id -> :class:`~kg.model.Indicator`; the unit is the one most of its metrics are in.
    """
    found: dict[str, Indicator] = {}
    units: dict[str, Counter] = defaultdict(Counter)
    for doc, summaries in docs:
        for s in summaries:
            ident = indicator_id(s.key)
            ind = found.get(ident)
            if ind is None:
                ind = found[ident] = Indicator(id=ident, key=s.key, name=s.name, dimension=s.dimension, unit=s.unit)
            ind.aliases.update(s.aliases)
            ind.docs.add(doc)
            ind.metrics += s.metrics
            units[ident][s.unit] += s.metrics
    for ident, ind in found.items():
        ind.unit = max(units[ident], key=lambda u: (units[ident][u], u))
    return found


__all__ = ["IndicatorKey", "IndicatorNormaliser", "IndicatorWords", "document_indicators", "indicator_id",
           "link_indicators", "load_indicator_words"]
