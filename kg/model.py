"""Typed records passed between the stages.

ingest -> :class:`SourceDocument` (or :class:`IngestProblem`)
structure -> :class:`StructuredDocument` (sections, paragraphs, sentences, metadata)
extract -> :class:`DocExtraction` (mentions, metrics, relation mentions)
resolve -> :class:`Resolution` (entities with stable ids, mention -> entity id)
graph -> ``networkx.MultiDiGraph`` following :mod:`kg.schema`

All offsets are character offsets (``str`` indices) into
``SourceDocument.text``, the document text as read.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES: tuple[str, ...] = ("AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION")
RELATION_TYPES: tuple[str, ...] = ("CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES")
METRIC_KINDS: tuple[str, ...] = ("level", "change", "target")


# --------------------------------------------------------------------- ingest
@dataclass(slots=True)
class SourceDocument:
    """A document as read from disk.

    ``text`` is the decoded text (plain text extracted from .docx/.doc/.pdf/.html);
    ``norm`` has exactly the same length, with full-width forms folded to
    half-width for matching, so an offset in one is the same offset in the other.
    ``pages`` holds the start offset of each page in ``text`` (PDF only; empty
    for formats without pages); ``title`` and ``date`` are what the file itself
    states (a web page's headline and publication date), ``warnings`` what the
    reader could not do fully (one line each, without the document name).
    """

    name: str  # path relative to the corpus root, POSIX separators
    path: Path
    text: str
    norm: str
    encoding: str
    format: str  # txt | md | html | docx | doc | wps | pdf
    sha256: str
    chars: int = -1  # len(text); kept when a compact record drops the text
    pages: list[int] = field(default_factory=list)
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.norm):
            raise ValueError(f"{self.name}: normalised text must keep the length of the text")
        if self.chars < 0:
            self.chars = len(self.text)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding the character at ``offset``.

        Parameters
        ----------
        offset : int
            A character offset into ``text``.

        Returns
        -------
        int or None
            None for a format without pages or an offset outside the text.
        """
        if not self.pages or not 0 <= offset < self.chars:
            return None
        return bisect.bisect_right(self.pages, offset)


@dataclass(slots=True)
class IngestProblem:
    """A file that could not be read; the build goes on without it."""

    name: str
    path: Path
    reason: str

    def line(self) -> str:
        """One line for the user, naming the file and the problem."""
        return f"{self.name}: {self.reason}"


# ------------------------------------------------------------------ structure
@dataclass(slots=True)
class Section:
    """A heading and the text it governs: ``[start, end)`` covers heading and body."""

    id: str
    doc: str
    level: int  # 1 = 一、 ; 2 = （一） ; 3 = 1. ; 4 = （1） ; 5 = 一是/第一，
    marker: str  # the marker as written: "一、", "（二）", "3.", "一是"
    title: str  # heading text without the marker
    start: int
    end: int
    title_start: int
    title_end: int
    parent: str | None
    ordinal: int  # position among all sections of the document, from 0


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: str | None  # id of the innermost section containing it


@dataclass(slots=True)
class Jurisdiction:
    """Where a document speaks for, from the gazetteer of administrative divisions."""

    level: str  # province | city | county
    name: str  # the innermost division's full name, e.g. 英德市
    code: str  # GB/T 2260 six-digit code
    province: str | None = None
    city: str | None = None
    county: str | None = None

    @property
    def key(self) -> str:
        """Scope key used in entity ids: the division code."""
        return f"adcode:{self.code}"


@dataclass(slots=True)
class DocumentMeta:
    title: str
    years: list[int] = field(default_factory=list)
    period: str | None = None  # 全年 | 上半年 | 下半年 | 一季度 ... when stated
    kind: str = "report"  # speech | annual_report | half_year_summary | plan | report
    author: str | None = None  # the body the document speaks for, when the text says it
    jurisdiction: Jurisdiction | None = None
    date: str | None = None  # publication date (ISO), when the source gives one


@dataclass(slots=True)
class StructuredDocument:
    source: SourceDocument
    meta: DocumentMeta
    sections: list[Section]
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list, repr=False)
    warnings: list[str] = field(default_factory=list)  # one line each, without the document name
    places: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each gazetteer place in source.norm

    @property
    def name(self) -> str:
        return self.source.name

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search)."""
        if not self._starts or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def evidence(self, start: int, end: int) -> "Evidence":
        """Evidence for the span ``[start, end)``: its sentence and section."""
        sent = self.sentence_at(start)
        if sent is None:
            return Evidence(self.name, start, end, self.source.text[start:end], start, None)
        return Evidence(self.name, start, end, sent.text, sent.start, sent.section)


# -------------------------------------------------------------------- extract
# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class Evidence:
    """Where a fact was read: document, span, and the sentence around it."""

    doc: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    section: str | None


@dataclass(slots=True)
class Mention:
    """A surface form of an entity in one document.

    ``name`` is the canonical form the extractor proposes (quotes removed,
    short form expanded where the rule knows it); resolve may refine it.
    ``self_ref`` marks 我局/本局/我们/支队 style references to the author body;
    their ``name`` is the author's name.
    """

    doc: str
    label: str  # one of ENTITY_TYPES
    text: str
    start: int
    end: int
    name: str
    evidence: Evidence
    masked: bool = False
    self_ref: bool = False
    rule: str = ""

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.doc, self.start, self.end, self.label)


@dataclass(slots=True)
class MetricMention:
    """A number with its unit in one document.

    ``period`` and ``year`` are the ones stated around the number, else the
    document's; a change keeps its ``direction`` (up | down) and, where the
    text states it, its ``base`` (去年同期, 上年 …). ``reporter`` is the mention
    of the body that reports it (the subject of its clause or sentence, else
    the author's mention; None when neither is known) and ``reporter_how`` says
    which (subject | author).
    """

    doc: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str
    indicator: str
    kind: str  # one of METRIC_KINDS
    masked: bool
    evidence: Evidence
    period: str | None = None
    year: int | None = None
    direction: str | None = None  # up | down (a change's)
    base: str | None = None  # what a change is measured against: 去年同期, 上年, 2021年
    reporter: Mention | None = None
    reporter_how: str | None = None  # subject | author

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.doc, self.start, self.end, "METRIC")


@dataclass(slots=True)
class RelationMention:
    """A relation stated in one sentence. ``head`` is a Mention or a MetricMention."""

    doc: str
    rel: str  # one of RELATION_TYPES
    head: Mention | MetricMention
    tail: Mention
    evidence: Evidence
    trigger: str = ""


@dataclass(slots=True)
class DocExtraction:
    document: StructuredDocument
    mentions: list[Mention] = field(default_factory=list)
    metrics: list[MetricMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# -------------------------------------------------------------------- resolve
@dataclass(slots=True)
class Entity:
    """One real-world thing, with every mention of it across the corpus."""

    id: str
    label: str  # one of ENTITY_TYPES
    name: str
    scope: str  # national | adcode:NNNNNN | doc:NAME
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    masked: bool = False
    doc_names: dict[str, str] = field(default_factory=dict)  # doc -> its fullest name in that doc
    mention_count: int = 0  # len(mentions) when they are kept; the count alone in a streamed build


@dataclass(slots=True)
class GroupSummary:
    """The mentions of one thing within one document, reduced to what linking needs."""

    label: str  # one of ENTITY_TYPES
    key: str  # the fullest form the document uses
    link: str  # the link key (a campaign's signature, else ``key``)
    scope: str
    mentions: int
    aliases: tuple[str, ...]  # sorted surface forms (self-references left out) and ``key``
    joinable: bool = False  # a masked campaign/regulation that may join one unmasked name


@dataclass(slots=True)
class DocGroups:
    """One document's groups (:func:`kg.resolve.group_document`): the compact record linking reduces."""

    doc: str
    groups: list[GroupSummary]
    group_of: dict[tuple[str, int, int, str], int]  # Mention.key -> index in ``groups``
    jurisdiction: str = ""  # the division code of the document's jurisdiction ("" when unknown)


@dataclass(slots=True)
class Linking:
    """The corpus-wide reduce over :class:`DocGroups` (:func:`kg.resolve.link`)."""

    entities: dict[str, Entity]  # mentions left empty; ``mention_count`` set
    ids: dict[str, list[str]]  # doc -> entity id of each of its groups

    def entity_id(self, groups: DocGroups, mention: Mention) -> str | None:
        """The entity id of one mention of the document of ``groups`` (None when it was dropped)."""
        i = groups.group_of.get(mention.key)
        return None if i is None else self.ids[groups.doc][i]


@dataclass(slots=True)
class IndicatorSummary:
    """One indicator of one document (:func:`kg.resolve.indicators.document_indicators`): what linking adds up."""

    key: str  # core|dimension
    name: str  # the measured core (or the name a lexicon gives it)
    dimension: str
    unit: str  # the unit most of its metrics in the document are in
    aliases: tuple[str, ...]  # the indicator phrases that map to it, sorted
    metrics: int


@dataclass(slots=True)
class DocIndicators:
    """One document's indicators, and the indicator of each of its metrics."""

    doc: str
    indicators: list[IndicatorSummary]
    indicator_of: dict[tuple[str, int, int, str], int]  # MetricMention.key -> index in ``indicators``


@dataclass(slots=True)
class Indicator:
    """What metrics of the whole corpus measure: one node per key."""

    id: str
    key: str
    name: str
    dimension: str
    unit: str
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    metrics: int = 0


@dataclass(slots=True)
class Resolution:
    extractions: list[DocExtraction]
    entities: dict[str, Entity]
    entity_of: dict[tuple[str, int, int, str], str]  # Mention.key -> Entity.id
    indicators: dict[str, Indicator] = field(default_factory=dict)  # id -> Indicator
    indicator_of: dict[tuple[str, int, int, str], str] = field(default_factory=dict)  # MetricMention.key -> id

    def entity_for(self, mention: Mention) -> Entity:
        return self.entities[self.entity_of[mention.key]]
