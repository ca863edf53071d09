"""Graph: the rows of the resolved corpus (see :mod:`kg.schema` and :mod:`kg.rows`).

:func:`document_rows` gives one document's nodes and edges, :func:`entity_rows`
the entities of a linking and :func:`indicator_rows` the indicators of the
corpus; :func:`build_graph` puts a resolved corpus into a
``networkx.MultiDiGraph`` through the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import pyarrow as pa

from kg.ids import stable_id
from kg.model import (
    DocExtraction,
    DocGroups,
    Entity,
    Evidence,
    Indicator,
    Linking,
    Mention,
    MetricMention,
    Resolution,
    StructuredDocument,
)
from kg.rows import (EdgeRow, NodeRow, TableRows, column_tables, edge_schema, edge_table, label_of_id,
                     node_schema, node_table, row_columns, to_networkx)
from kg.schema import LABEL_OF_TYPE


def document_id(name: str) -> str:
    """Node id of a document (by its name relative to the corpus)."""
    return stable_id("Document", name, "")


def metric_id(m: MetricMention) -> str:
    """Node id of a metric: one node per stated number."""
    return stable_id("Metric", f"{m.start}:{m.end}:{m.text}", f"doc:{m.doc}")


def sentence_id(doc: str, start: int) -> str:
    """Node id of the sentence of ``doc`` that starts at ``start``."""
    return stable_id("Sentence", str(start), f"doc:{doc}")


#: a mention -> (its entity id, the name its document gives the entity), or None when resolve dropped it
MentionRef = Callable[[Mention], "tuple[str, str] | None"]


def resolution_ref(res: Resolution) -> MentionRef:
    """The :data:`MentionRef` of an in-memory :class:`~kg.model.Resolution`."""

    def ref(m: Mention) -> tuple[str, str] | None:
        ident = res.entity_of.get(m.key)
        if ident is None:
            return None
        ent = res.entities[ident]
        return ident, ent.doc_names.get(m.doc, ent.name)

    return ref


def groups_ref(groups: DocGroups, ids: list[str]) -> MentionRef:
    """The :data:`MentionRef` of one document whose groups have the entity ids ``ids``."""

    def ref(m: Mention) -> tuple[str, str] | None:
        i = groups.group_of.get(m.key)
        return None if i is None else (ids[i], groups.groups[i].key)

    return ref


def linking_ref(linking: Linking, groups: DocGroups) -> MentionRef:
    """The :data:`MentionRef` of one document under a corpus :class:`~kg.model.Linking`."""
    return groups_ref(groups, linking.ids[groups.doc])


def entity_rows(entities: Iterable[Entity]) -> list[NodeRow]:
    """The node rows of entities."""
    return [
        (ent.id, {"id": ent.id, "label": LABEL_OF_TYPE[ent.label], "name": ent.name, "type": ent.label,
                  "scope": ent.scope, "aliases": sorted(ent.aliases), "docs": sorted(ent.docs),
                  "mentions": ent.mention_count, "masked": ent.masked})
        for ent in entities
    ]


def indicator_rows(indicators: Iterable[Indicator]) -> list[NodeRow]:
    """The node rows of indicators (corpus nodes, like the entities)."""
    return [
        (ind.id, {"id": ind.id, "label": "Indicator", "name": ind.name, "dimension": ind.dimension,
                  "unit": ind.unit, "aliases": sorted(ind.aliases), "docs": sorted(ind.docs), "metrics": ind.metrics})
        for ind in indicators
    ]


#: MetricMention.key -> the id of the indicator it reports
IndicatorOf = dict[tuple[str, int, int, str], str]


#: the properties of each kind of row, in the order a row gives them (``id`` and ``label`` open every node's)
_DOCUMENT = ("id", "label", "name", "title", "date", "years", "period", "kind", "author", "jurisdiction", "province",
             "city", "county", "adcode", "encoding", "format", "chars", "sha256")
_SECTION = ("id", "label", "name", "doc", "level", "marker", "title", "start", "end", "ordinal")
_SENTENCE = ("id", "label", "doc", "start", "end", "page", "text")
_METRIC = ("id", "label", "name", "text", "value", "unit", "indicator", "kind", "masked", "period", "year",
           "direction", "base", "doc", "start", "end")
_TYPE = ("type",)
_MENTIONED_IN = ("type", "start", "end", "text", "name", "self_ref")
_REPORTED_BY = ("type", "how")
_RELATION = ("type", "doc", "start", "end", "sentence", "trigger", "head_start", "head_end", "tail_start", "tail_end")


class _Rows:
    """One document's rows being made: nodes by id, edges by what makes them distinct, each sentence once.

    A row is kept as its property names (one of the tuples above) and its values, so the tables can be made
    column by column without a dict per row (:func:`document_tables`).
    """

    def __init__(self, sdoc: StructuredDocument) -> None:
        self.sdoc = sdoc
        self.did = document_id(sdoc.name)
        self.nodes: dict[str, tuple[tuple[str, ...], tuple]] = {}  # id -> (names, values)
        self.edges: dict[tuple, tuple[str, str, tuple[str, ...], tuple]] = {}  # -> (source, target, names, values)

    def sentence(self, ev: Evidence) -> str:
        """The id of the evidence's Sentence node, added with its PART_OF edge on first use."""
        sid = sentence_id(ev.doc, ev.sentence_start)
        if sid not in self.nodes:
            self.nodes[sid] = (_SENTENCE, (sid, "Sentence", ev.doc, ev.sentence_start,
                                           ev.sentence_start + len(ev.sentence),
                                           self.sdoc.source.page_at(ev.sentence_start), ev.sentence))
            self.edges[("PART_OF", sid)] = (sid, ev.section or self.did, _TYPE, ("PART_OF",))
        return sid

    def mention(self, node: str, ev: Evidence, text: str, name: str, self_ref: bool) -> None:
        self.edges[("MENTIONED_IN", node, ev.start, ev.end)] = (
            node, self.sentence(ev), _MENTIONED_IN, ("MENTIONED_IN", ev.start, ev.end, text, name, self_ref))


def _document_rows(ext: DocExtraction, ref: MentionRef, indicators: IndicatorOf | None) -> _Rows:
    sdoc = ext.document
    src, meta = sdoc.source, sdoc.meta
    j = meta.jurisdiction
    rows = _Rows(sdoc)
    did = rows.did
    rows.nodes[did] = (_DOCUMENT, (
        did, "Document", src.name, meta.title, meta.date, list(meta.years), meta.period, meta.kind, meta.author,
        j.name if j else None, j.province if j else None, j.city if j else None, j.county if j else None,
        j.code if j else None, src.encoding, src.format, src.chars, src.sha256))
    for s in sdoc.sections:
        rows.nodes[s.id] = (_SECTION, (s.id, "Section", f"{s.marker}{s.title}", src.name, s.level, s.marker, s.title,
                                       s.start, s.end, s.ordinal))
        rows.edges[("HAS_SECTION", s.id)] = (s.parent or did, s.id, _TYPE, ("HAS_SECTION",))
    for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
        hit = ref(m)
        if hit is not None:
            rows.mention(hit[0], m.evidence, m.text, hit[1], m.self_ref)
    for m in ext.metrics:
        mid = metric_id(m)
        rows.nodes[mid] = (_METRIC, (mid, "Metric", m.text, m.text, m.value, m.unit, m.indicator, m.kind, m.masked,
                                     m.period, m.year, m.direction, m.base, m.doc, m.start, m.end))
        rows.mention(mid, m.evidence, m.text, m.text, False)
        ind = (indicators or {}).get(m.key)
        if ind is not None:
            rows.edges[("OF_INDICATOR", mid)] = (mid, ind, _TYPE, ("OF_INDICATOR",))
        hit = ref(m.reporter) if m.reporter is not None else None
        if hit is not None:
            rows.edges[("REPORTED_BY", mid)] = (mid, hit[0], _REPORTED_BY, ("REPORTED_BY", m.reporter_how))
    for r in ext.relations:
        if isinstance(r.head, MetricMention):
            head = metric_id(r.head)
        else:
            hit = ref(r.head)
            head = hit[0] if hit else None
        hit = ref(r.tail)
        tail = hit[0] if hit else None
        if head is None or tail is None or head == tail:
            continue
        key = (r.rel, head, tail, r.head.start, r.tail.start)
        if key in rows.edges:
            continue
        ev = r.evidence
        rows.edges[key] = (head, tail, _RELATION, (r.rel, r.doc, ev.start, ev.end, ev.sentence, r.trigger,
                                                    r.head.start, r.head.end, r.tail.start, r.tail.end))
    return rows


def document_rows(ext: DocExtraction, ref: MentionRef,
                  indicators: IndicatorOf | None = None) -> tuple[list[NodeRow], list[EdgeRow]]:
    """The nodes and edges one document contributes (all but the entity and indicator nodes).

    Parameters
    ----------
    ext : DocExtraction
        One extracted document.
    ref : MentionRef
        Entity id and name of a mention (:func:`resolution_ref`, :func:`linking_ref`).
    indicators : dict, optional
        The indicator id of each metric (by ``MetricMention.key``): its OF_INDICATOR edge.

    Returns
    -------
    (nodes, edges)
        The document, its sections, the sentences that state its facts and its
        metrics; HAS_SECTION, PART_OF, MENTIONED_IN, relation, OF_INDICATOR and
        REPORTED_BY edges. Ids include the document, so no two documents share a row.
    """
    rows = _document_rows(ext, ref, indicators)
    return ([(i, dict(zip(names, values))) for i, (names, values) in rows.nodes.items()],
            [(u, v, dict(zip(names, values))) for u, v, names, values in rows.edges.values()])


class DocumentTables(NamedTuple):
    """One document's rows as tables (see :func:`document_tables`)."""

    nodes: Iterator[pa.Table]  # tables of kg.rows.node_schema, made as they are read
    edges: Iterator[pa.Table]  # tables of kg.rows.edge_schema, made as they are read
    node_count: int
    edge_types: list[str]  # the type of each edge, in order


def document_tables(ext: DocExtraction, ref: MentionRef, indicators: IndicatorOf | None = None, key: str | None = None,
                    rows_per_table: int | None = None) -> DocumentTables:
    """The tables that :func:`kg.rows.node_table` and :func:`kg.rows.edge_table` make of :func:`document_rows`,
    made column by column (no dict per row), with ``key`` as the Document row's ``key`` when given.

    Each table holds at most ``rows_per_table`` rows (all of them by default).
    """
    rows = _document_rows(ext, ref, indicators)
    if key is not None:
        names, values = rows.nodes[rows.did]
        rows.nodes[rows.did] = ((*names, "key"), (*values, key))
    node_ids = list(rows.nodes)
    nodes = list(rows.nodes.values())
    edges = list(rows.edges.values())
    del rows
    labels = {i: values[names.index("label")] for i, (names, values) in zip(node_ids, nodes)}
    node_cols = row_columns(nodes, len(nodes))
    node_cols["id"] = [None if i == "" else i for i in node_ids]
    edge_cols = row_columns([(names, values) for _, _, names, values in edges], len(edges))
    edge_cols["source"] = [None if u == "" else u for u, _, _, _ in edges]
    edge_cols["target"] = [None if v == "" else v for _, v, _, _ in edges]
    edge_cols["source_label"] = [labels.get(u) or label_of_id(u) for u, _, _, _ in edges]
    edge_cols["target_label"] = [labels.get(v) or label_of_id(v) for _, v, _, _ in edges]
    return DocumentTables(column_tables(node_cols, len(nodes), node_schema(), rows_per_table),
                          column_tables(edge_cols, len(edges), edge_schema(), rows_per_table),
                          len(nodes), [values[0] for _, _, _, values in edges])


def build_graph(res: Resolution):
    """Build the knowledge graph of a resolved corpus (through the build's rows).

    Parameters
    ----------
    res : Resolution
        The output of :func:`kg.resolve.resolve`.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by id and edges keyed by id, with the properties of :mod:`kg.schema`.
    """
    ref = resolution_ref(res)
    rows = TableRows([node_table(entity_rows(res.entities.values()) + indicator_rows(res.indicators.values()))], [])
    for ext in res.extractions:
        nodes, edges = document_rows(ext, ref, res.indicator_of)
        rows.nodes.append(node_table(nodes))
        rows.edges.append(edge_table(edges, {i: a["label"] for i, a in nodes}))
    return to_networkx(rows)


def relation_names(res: Resolution, head: Mention | MetricMention, tail: Mention) -> tuple[str, str]:
    """The names of a relation's ends as its document writes them (the guideline's canonical names)."""
    if isinstance(head, MetricMention):
        h = head.text
    else:
        e = res.entity_for(head)
        h = e.doc_names.get(head.doc, e.name)
    t = res.entity_for(tail)
    return h, t.doc_names.get(tail.doc, t.name)
