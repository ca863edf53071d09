"""Graph: the rows of the resolved corpus (see :mod:`kg.schema` and :mod:`kg.rows`).

:func:`document_rows` gives one document's nodes and edges, :func:`entity_rows`
the entities of a linking and :func:`indicator_rows` the indicators of the
corpus; :func:`build_graph` puts a resolved corpus into a
``networkx.MultiDiGraph`` through the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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
from kg.rows import EdgeRow, NodeRow, TableRows, edge_table, node_table, to_networkx
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


class _Rows:
    """One document's rows being made: nodes by id, edges by what makes them distinct, each sentence once."""

    def __init__(self, sdoc: StructuredDocument) -> None:
        self.sdoc = sdoc
        self.did = document_id(sdoc.name)
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple, EdgeRow] = {}

    def sentence(self, ev: Evidence) -> str:
        """The id of the evidence's Sentence node, added with its PART_OF edge on first use."""
        sid = sentence_id(ev.doc, ev.sentence_start)
        if sid not in self.nodes:
            self.nodes[sid] = {"id": sid, "label": "Sentence", "doc": ev.doc, "start": ev.sentence_start,
                               "end": ev.sentence_start + len(ev.sentence),
                               "page": self.sdoc.source.page_at(ev.sentence_start), "text": ev.sentence}
            self.edges[("PART_OF", sid)] = (sid, ev.section or self.did, {"type": "PART_OF"})
        return sid

    def mention(self, node: str, ev: Evidence, text: str, name: str, self_ref: bool) -> None:
        self.edges[("MENTIONED_IN", node, ev.start, ev.end)] = (
            node, self.sentence(ev),
            {"type": "MENTIONED_IN", "start": ev.start, "end": ev.end, "text": text, "name": name,
             "self_ref": self_ref})


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
    sdoc = ext.document
    src, meta = sdoc.source, sdoc.meta
    j = meta.jurisdiction
    rows = _Rows(sdoc)
    did = rows.did
    rows.nodes[did] = {
        "id": did, "label": "Document", "name": src.name, "title": meta.title, "date": meta.date,
        "years": list(meta.years), "period": meta.period, "kind": meta.kind, "author": meta.author,
        "jurisdiction": j.name if j else None, "province": j.province if j else None,
        "city": j.city if j else None, "county": j.county if j else None, "adcode": j.code if j else None,
        "encoding": src.encoding, "format": src.format, "chars": src.chars, "sha256": src.sha256,
    }
    for s in sdoc.sections:
        rows.nodes[s.id] = {"id": s.id, "label": "Section", "name": f"{s.marker}{s.title}", "doc": src.name,
                            "level": s.level, "marker": s.marker, "title": s.title, "start": s.start,
                            "end": s.end, "ordinal": s.ordinal}
        rows.edges[("HAS_SECTION", s.id)] = (s.parent or did, s.id, {"type": "HAS_SECTION"})
    for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
        hit = ref(m)
        if hit is not None:
            rows.mention(hit[0], m.evidence, m.text, hit[1], m.self_ref)
    for m in ext.metrics:
        mid = metric_id(m)
        rows.nodes[mid] = {"id": mid, "label": "Metric", "name": m.text, "text": m.text, "value": m.value,
                           "unit": m.unit, "indicator": m.indicator, "kind": m.kind, "masked": m.masked,
                           "period": m.period, "year": m.year, "direction": m.direction, "base": m.base,
                           "doc": m.doc, "start": m.start, "end": m.end}
        rows.mention(mid, m.evidence, m.text, m.text, False)
        ind = (indicators or {}).get(m.key)
        if ind is not None:
            rows.edges[("OF_INDICATOR", mid)] = (mid, ind, {"type": "OF_INDICATOR"})
        hit = ref(m.reporter) if m.reporter is not None else None
        if hit is not None:
            rows.edges[("REPORTED_BY", mid)] = (mid, hit[0], {"type": "REPORTED_BY", "how": m.reporter_how})
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
        rows.edges[key] = (head, tail, {
            "type": r.rel, "doc": r.doc, "start": ev.start, "end": ev.end, "sentence": ev.sentence,
            "trigger": r.trigger, "head_start": r.head.start, "head_end": r.head.end,
            "tail_start": r.tail.start, "tail_end": r.tail.end})
    return list(rows.nodes.items()), list(rows.edges.values())


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
