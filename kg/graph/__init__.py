"""Graph: the resolved corpus as a ``networkx.MultiDiGraph`` (see :mod:`kg.schema`)."""

from __future__ import annotations

import networkx as nx

from kg.ids import stable_id
from kg.model import Evidence, Mention, MetricMention, Resolution, StructuredDocument
from kg.schema import LABEL_OF_TYPE


def document_id(name: str) -> str:
    """Node id of a document (by its name relative to the corpus)."""
    return stable_id("Document", name, "")


def metric_id(m: MetricMention) -> str:
    """Node id of a metric: one node per stated number."""
    return stable_id("Metric", f"{m.start}:{m.end}:{m.text}", f"doc:{m.doc}")


def _edge_id(kind: str, *parts: object) -> str:
    return stable_id(kind, "\x1e".join(str(p) for p in parts), "edge")


def _add_document(g: nx.MultiDiGraph, sdoc: StructuredDocument) -> None:
    src, meta = sdoc.source, sdoc.meta
    j = meta.jurisdiction
    did = document_id(src.name)
    g.add_node(
        did, id=did, label="Document", name=src.name, title=meta.title, years=list(meta.years),
        period=meta.period, kind=meta.kind, author=meta.author,
        jurisdiction=j.name if j else None, province=j.province if j else None,
        city=j.city if j else None, county=j.county if j else None, adcode=j.code if j else None,
        encoding=src.encoding, format=src.format, chars=len(src.text), sha256=src.sha256,
    )
    for s in sdoc.sections:
        g.add_node(
            s.id, id=s.id, label="Section", name=f"{s.marker}{s.title}", doc=src.name, level=s.level,
            marker=s.marker, title=s.title, start=s.start, end=s.end, ordinal=s.ordinal,
        )
        parent = s.parent or did
        eid = _edge_id("HAS_SECTION", parent, s.id)
        g.add_edge(parent, s.id, key=eid, id=eid, type="HAS_SECTION", doc=src.name,
                   start=s.start, end=s.end, sentence="")


def _container(sdoc: StructuredDocument, ev: Evidence) -> str:
    return ev.section or document_id(sdoc.name)


def _mentioned_in(g: nx.MultiDiGraph, node: str, sdoc: StructuredDocument, ev: Evidence,
                  text: str, name: str, self_ref: bool) -> None:
    eid = _edge_id("MENTIONED_IN", node, ev.doc, ev.start, ev.end)
    g.add_edge(node, _container(sdoc, ev), key=eid, id=eid, type="MENTIONED_IN", doc=ev.doc,
               start=ev.start, end=ev.end, sentence=ev.sentence, text=text, name=name, self_ref=self_ref)


def build_graph(res: Resolution) -> nx.MultiDiGraph:
    """Build the knowledge graph of a resolved corpus.

    Parameters
    ----------
    res : Resolution
        The output of :func:`kg.resolve.resolve`.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by id and edges keyed by id, with the properties of :mod:`kg.schema`.
    """
    g = nx.MultiDiGraph(kg_schema="kg/1")
    for ext in res.extractions:
        _add_document(g, ext.document)
    for ent in res.entities.values():
        g.add_node(
            ent.id, id=ent.id, label=LABEL_OF_TYPE[ent.label], name=ent.name, type=ent.label,
            scope=ent.scope, aliases=sorted(ent.aliases), docs=sorted(ent.docs),
            mentions=ent.mention_count, masked=ent.masked,
        )
    by_doc = {ext.document.name: ext.document for ext in res.extractions}
    for ent in res.entities.values():
        for m in ent.mentions:
            sdoc = by_doc[m.doc]
            _mentioned_in(g, ent.id, sdoc, m.evidence, m.text, ent.doc_names.get(m.doc, ent.name), m.self_ref)
    for ext in res.extractions:
        sdoc = ext.document
        for m in ext.metrics:
            mid = metric_id(m)
            g.add_node(
                mid, id=mid, label="Metric", name=m.text, text=m.text, value=m.value, unit=m.unit,
                indicator=m.indicator, kind=m.kind, masked=m.masked, period=m.period, doc=m.doc,
                start=m.start, end=m.end, sentence=m.evidence.sentence,
            )
            _mentioned_in(g, mid, sdoc, m.evidence, m.text, m.text, False)
        for r in ext.relations:
            head = metric_id(r.head) if isinstance(r.head, MetricMention) else res.entity_of.get(r.head.key)
            tail = res.entity_of.get(r.tail.key)
            if head is None or tail is None or head == tail:
                continue
            eid = _edge_id(r.rel, head, tail, r.doc, r.head.start, r.tail.start)
            if g.has_edge(head, tail, key=eid):
                continue
            ev = r.evidence
            g.add_edge(
                head, tail, key=eid, id=eid, type=r.rel, doc=r.doc, start=ev.start, end=ev.end,
                sentence=ev.sentence, trigger=r.trigger, head_start=r.head.start, head_end=r.head.end,
                tail_start=r.tail.start, tail_end=r.tail.end,
            )
    return g


def relation_names(res: Resolution, head: Mention | MetricMention, tail: Mention) -> tuple[str, str]:
    """The names of a relation's ends as its document writes them (the guideline's canonical names)."""
    if isinstance(head, MetricMention):
        h = head.text
    else:
        e = res.entity_for(head)
        h = e.doc_names.get(head.doc, e.name)
    t = res.entity_for(tail)
    return h, t.doc_names.get(tail.doc, t.name)
