"""Indicators: what a metric measures, the same across documents.

Each metric gets an indicator key ``core|dimension`` (:mod:`kg.resolve.indicator_core`:
the measured core of its phrase and the dimension of its unit), read in the context of
its sentence where the phrase says too little (:func:`document_indicators`); its id is
``stable_id("Indicator", key, "national")``, so every document that measures the same
thing names the same node, and :func:`link_indicators` adds up the documents' compact
records into the corpus's Indicator nodes in one pass.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from kg.lexicon import Lexicon
from kg.model import DocExtraction, DocIndicators, Indicator, IndicatorSummary
from kg.resolve.indicator_core import (
    IndicatorKey,
    IndicatorNormaliser,
    IndicatorWords,
    fold,
    indicator_id,
    load_indicator_words,
)

def _sentence_bodies(ext: DocExtraction) -> dict[int, list[str]]:
    """The surface forms of the AGENCY and ORGANIZATION mentions of each sentence, by sentence start."""
    out: dict[int, list[str]] = defaultdict(list)
    for m in ext.mentions:
        if m.label in ("AGENCY", "ORGANIZATION"):
            out[m.evidence.sentence_start].append(m.text)
    return out


#: what separates the items of a coordinated phrase (A、B和C分别…)
_ITEMS = re.compile(r"、|和|及|以及")


def _phrases(ext: DocExtraction) -> list[str]:
    """Each metric's phrase; a run of metrics of one sentence that share a coordinated phrase (A、B分别下降X%和Y%)
    takes its items in order."""
    metrics = ext.metrics
    out = [m.indicator for m in metrics]
    i = 0
    while i < len(metrics):
        j = i + 1
        while (j < len(metrics) and metrics[j].indicator == metrics[i].indicator
               and metrics[j].evidence.sentence_start == metrics[i].evidence.sentence_start):
            j += 1
        items = [p for p in _ITEMS.split(metrics[i].indicator) if p]
        if j - i > 1 and len(items) == j - i:
            out[i:j] = items
        i = j
    return out


def _in_context(norm: IndicatorNormaliser, text: str, metrics: list, cores: list[str]) -> list[str]:
    """The cores of one sentence's metrics, with what the metrics before them say (see :func:`document_indicators`)."""
    out = list(cores)
    generic = [norm.is_generic(c) for c in cores]
    k = 0
    while k < len(metrics):
        m = metrics[k]
        if m.direction is not None and "分别" in text[max(m.evidence.sentence_start, m.start - 12):m.start]:
            run = k
            while run < len(metrics) and metrics[run].direction is not None:
                run += 1
            levels = [c for c, x in zip(out[:k], metrics[:k]) if x.direction is None]
            if len(levels) >= run - k:
                out[k:run] = levels[len(levels) - (run - k):]
                k = run
                continue
        prev = out[k - 1] if k else ""
        dimension = norm.dimension(m.unit)
        if prev and norm.is_bare_rate(out[k]):  # 排查隐患X处，整改率100%
            out[k] = norm.object_of(prev) + out[k]
        elif prev and norm.is_bare_verb(out[k]) and norm.dimension(metrics[k - 1].unit) == dimension:
            out[k] = norm.core(out[k] + norm.object_of(prev), (), dimension)  # 排查隐患X处，整改X处
        elif prev and norm.is_generic(out[k]):
            if m.direction is not None and norm.is_relative(out[k]):
                levels = [c for c, x, g in zip(out[:k], metrics[:k], generic) if x.direction is None and not g]
                out[k] = levels[-1] if levels else out[k]
            elif not norm.is_generic(prev):
                out[k] = norm.core(prev + out[k], (), dimension)
        k += 1
    season = norm.season(text[metrics[0].evidence.sentence_start:metrics[0].start]) if metrics else ""
    return [season + c if season and norm.seasonal(c) else c for c in out]


def document_indicators(ext: DocExtraction, lexicon: Lexicon | None = None,
                        normaliser: IndicatorNormaliser | None = None) -> DocIndicators:
    """The indicators of one document's metrics.

    Each metric's core comes from its phrase (:meth:`IndicatorNormaliser.core`), and from the metrics before
    it in its sentence where the phrase says too little: a run of changes stated together (同比分别下降X%和Y%)
    measures the levels before them, in order; a bare rate (整改率) is the rate of what the metric before it
    counts (排查隐患X处，整改率100% -> 隐患整改率), and a bare verb (整改X处) counts its object in the same
    dimension; a generic core (投资, 目标) belongs to the metric before it (a change: to the level that
    changed). A generic core with nothing before it in its sentence, and a vague one (企业, 问题), is the
    document's own: its key is ``core|dimension|doc:NAME`` and links to no other document.

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
    text = ext.document.source.norm
    bodies = _sentence_bodies(ext) if ext.metrics else {}
    by_key: dict[str, int] = {}
    summaries: list[tuple[str, str, str, set[str], dict[str, int]]] = []  # key, core, dimension, aliases, units
    indicator_of: dict[tuple[str, int, int, str], int] = {}
    metrics, phrases = ext.metrics, _phrases(ext)
    i = 0
    while i < len(metrics):
        j = i
        while j < len(metrics) and metrics[j].evidence.sentence_start == metrics[i].evidence.sentence_start:
            j += 1
        sentence = metrics[i].evidence.sentence_start
        names = [b for b in map(fold, bodies.get(sentence, ())) if b]
        cores = []
        for m, phrase in zip(metrics[i:j], phrases[i:j]):
            reporter = [fold(m.reporter.text)] if m.reporter is not None else []
            cores.append(norm.folded_core(phrase, names + reporter, norm.dimension(m.unit)))
        for k, core in enumerate(_in_context(norm, text, metrics[i:j], cores)):
            m = metrics[i + k]
            dimension = norm.dimension(m.unit)
            own = norm.is_generic(core) or norm.is_vague(core)
            key = f"{core}|{dimension}" + (f"|doc:{ext.document.name}" if own else "")
            n = by_key.get(key)
            if n is None:
                n = by_key[key] = len(summaries)
                summaries.append((key, core, dimension, set(), {}))  # units: a dict costs far less to make than a Counter
            if m.indicator:
                summaries[n][3].add(m.indicator)
            units = summaries[n][4]
            units[m.unit] = units.get(m.unit, 0) + 1
            indicator_of[m.key] = n
        i = j
    out = [IndicatorSummary(key=key, name=core, dimension=dimension,
                            unit=max(units, key=lambda u: (units[u], u)), aliases=tuple(sorted(aliases)),
                            metrics=sum(units.values()))
           for key, core, dimension, aliases, units in summaries]
    return DocIndicators(doc=ext.document.name, indicators=out, indicator_of=indicator_of)


_PLACE = itemgetter(0, 1)  # a summary's (doc, index in the doc)
_DOC, _SUMMARY = itemgetter(0), itemgetter(2)
_ALIASES = attrgetter("aliases")


class IndicatorLinker:
    """Add up the documents' indicator summaries in two phases: ``IndicatorLinker(first)`` then :meth:`finish`.

    The first phase's documents are added up at once (a rebuild's cached documents, while the worker
    processes the new ones); :meth:`finish` adds the rest and redoes only the keys they hold, so the result
    is exactly one pass over all documents in name order: each key's summaries in document order (its name
    from the first, its phrases and documents in that order) and the keys in the order they first appear.

    Parameters
    ----------
    docs : iterable of (document name, its indicator summaries)
    """

    def __init__(self, docs: Iterable[tuple[str, Iterable[IndicatorSummary]]] = ()) -> None:
        self.names: set[str] = set()
        self.parts: dict[str, list[tuple[str, int, IndicatorSummary]]] = {}  # key -> (doc, index, summary)
        self.units: dict[str, dict[str, int]] = {}  # key -> unit -> metrics (added up as the documents come)
        self._add(docs, base=True)
        self.order = list(self.parts)  # first appearance: documents in name order
        self.found = {key: _indicator(key, parts, self.units[key]) for key, parts in self.parts.items()}

    def _add(self, docs: Iterable[tuple[str, Iterable[IndicatorSummary]]], base: bool = False) -> set[str]:
        """File each summary under its key (``base``: the first phase, whose documents come in order) and add up its
        metrics by unit; the keys filed."""
        keys: set[str] = set()
        parts_of, units_of = self.parts, self.units
        for doc, summaries in sorted(((doc, list(s)) for doc, s in docs), key=lambda d: d[0]):
            if doc in self.names:
                raise ValueError(f"{doc}: linked twice")
            self.names.add(doc)
            for j, s in enumerate(summaries):
                key, part = s.key, (doc, j, s)
                parts = parts_of.get(key)
                if parts is None:
                    parts_of[key], units_of[key] = [part], {s.unit: s.metrics}
                else:
                    if base:
                        parts.append(part)
                    else:  # in document order among the first phase's, as one pass adds them up
                        bisect.insort(parts, part, key=_PLACE)
                    units = units_of[key]
                    units[s.unit] = units.get(s.unit, 0) + s.metrics
                if not base:
                    keys.add(key)
        return keys

    def finish(self, docs: Iterable[tuple[str, Iterable[IndicatorSummary]]] = ()) -> dict[str, Indicator]:
        """Add the second phase's documents: indicator id -> :class:`~kg.model.Indicator`, as one pass over all."""
        touched = self._add(docs)
        moved = []
        for key in touched:
            parts = self.parts[key]
            self.found[key] = _indicator(key, parts, self.units[key])
            moved.append(((parts[0][0], parts[0][1]), key))
        if moved:  # the touched keys where they now first appear, the others as they were
            rest = ((self.parts[key][0][:2], key) for key in self.order if key not in touched)
            self.order = [key for _, key in heapq.merge(rest, sorted(moved))]
        return {ind.id: ind for ind in map(self.found.__getitem__, self.order)}


def _indicator(key: str, parts: list[tuple[str, int, IndicatorSummary]], units: dict[str, int]) -> Indicator:
    """One key's indicator from its summaries in document order (its name and dimension the first's) and the metrics
    in each unit; the unit is the one most of them are in."""
    s = parts[0][2]
    unit = max(units, key=lambda u: (units[u], u))
    return Indicator(id=indicator_id(key), key=key, name=s.name, dimension=s.dimension, unit=unit,
                     aliases=set().union(*map(_ALIASES, map(_SUMMARY, parts))), docs=set(map(_DOC, parts)),
                     metrics=sum(units.values()))


def link_indicators(docs: Iterable[tuple[str, Iterable[IndicatorSummary]]]) -> dict[str, Indicator]:
    """The corpus's indicators: one per key, with the documents, phrases and metrics of every document.

    An :class:`IndicatorLinker` with every document, finished.

    Parameters
    ----------
    docs : iterable of (document name, its indicator summaries)

    Returns
    -------
    dict
        Indicator id -> :class:`~kg.model.Indicator`; the unit is the one most of its metrics are in.
    """
    return IndicatorLinker(docs).finish()


__all__ = ["IndicatorKey", "IndicatorLinker", "IndicatorNormaliser", "IndicatorWords", "document_indicators",
           "indicator_id", "link_indicators", "load_indicator_words"]
