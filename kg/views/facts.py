"""What the views need to know about a graph, computed once per graph.

Only :mod:`kg.schema` attributes are read; nothing here knows how the graph
was extracted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.schema import ENTITY_LABELS, SEMANTIC_REL_TYPES


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that supports a node, edge or link, with the words to mark in it."""

    doc: str
    sentence: str
    marks: tuple[str, ...]
    start: int = 0
    trigger: str = ""


@dataclass(slots=True)
class Link:
    """Edges of one kind between two nodes, aggregated for drawing.

    ``kind`` is a relation type of :data:`kg.schema.SEMANTIC_REL_TYPES`,
    ``CO_MENTION`` (named together in a sentence), or ``MENTIONED_IN``.
    """

    source: str
    target: str
    kind: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.evidence)


@dataclass(slots=True)
class GraphFacts:
    """Indexes over a kg graph (see :func:`graph_facts`).

    Attributes
    ----------
    g : networkx.MultiDiGraph
        The graph.
    documents : list of str
        Document node ids, ordered by document name.
    entities : list of str
        Ids of Agency/Organization/Campaign/Regulation nodes.
    metrics : list of str
        Ids of Metric nodes.
    relations : dict
        ``(head, tail, type)`` -> :class:`Link` of the semantic relations.
    co_mentions : dict
        ``(a, b)`` with ``a < b`` -> :class:`Link` of the sentences naming both
        entities (metrics take part only through their relations).
    neighbours : dict
        Node -> set of nodes linked by a relation or a co-mention.
    mentions : dict
        Node -> its MENTIONED_IN edges as :class:`Link` per container
        (section or document).
    doc_title : dict
        Document name -> title.
    sections_of : dict
        Document name -> its Section ids in reading order.
    has_section : dict
        Document name -> its HAS_SECTION edges as ``(parent, child)``.
    mentioned_in : dict
        Container (section or document id) -> the :class:`Link` of each node it mentions.
    relations_in : dict
        Document name -> keys of :attr:`relations` with evidence in it, sorted.
    node_tips : dict
        Cache of node tooltips (filled by the views).
    indicators : list of str
        Ids of Indicator nodes, ordered by name.
    indicator_of : dict
        Metric id -> the Indicator it reports (OF_INDICATOR).
    reporter_of : dict
        Metric id -> ``(body id, how)`` of its REPORTED_BY edge.
    doc_node : dict
        Document name -> Document node id.
    doc_files : dict
        Document name -> its page (``doc_<n>.html``, numbered in the order of :attr:`documents`).
    """

    g: nx.MultiDiGraph
    documents: list[str]
    entities: list[str]
    metrics: list[str]
    relations: dict[tuple[str, str, str], Link]
    co_mentions: dict[tuple[str, str], Link]
    neighbours: dict[str, set[str]]
    mentions: dict[str, dict[str, Link]]
    doc_title: dict[str, str]
    sections_of: dict[str, list[str]] = field(default_factory=dict)
    has_section: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    mentioned_in: dict[str, list[Link]] = field(default_factory=dict)
    relations_in: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    node_tips: dict[str, str] = field(default_factory=dict)
    indicators: list[str] = field(default_factory=list)
    indicator_of: dict[str, str] = field(default_factory=dict)
    reporter_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    doc_node: dict[str, str] = field(default_factory=dict)
    doc_files: dict[str, str] = field(default_factory=dict)

    def degree(self, node: str) -> int:
        """Number of distinct nodes linked to ``node`` by relations or co-mentions."""
        return len(self.neighbours.get(node, ()))

    def label(self, node: str) -> str:
        return str(self.g.nodes[node].get("label", ""))

    def name(self, node: str) -> str:
        a = self.g.nodes[node]
        return str(a.get("name") or a.get("title") or node)

    def counts(self) -> dict[str, int]:
        """Corpus counts for the index page: nodes per label, relations per type."""
        labels = Counter(str(a.get("label")) for _, a in self.g.nodes(data=True))
        rels = Counter(str(a.get("type")) for _, _, a in self.g.edges(data=True))
        out = {lab: labels.get(lab, 0) for lab in ("Document", "Section", *ENTITY_LABELS, "Metric", "Indicator")}
        out.update({t: rels.get(t, 0) for t in SEMANTIC_REL_TYPES})
        out["masked metrics"] = sum(1 for m in self.metrics if self.g.nodes[m].get("masked"))
        return out


def _surface(mention_text: dict[tuple[str, str, int], str], g: nx.MultiDiGraph, node: str,
             doc: str, start: object) -> str:
    """How the document wrote ``node`` at ``start`` (falls back to its name)."""
    found = mention_text.get((node, doc, start)) if isinstance(start, int) else None
    if found:
        return found
    a = g.nodes[node]
    return str(a.get("text") or a.get("name") or "")


def graph_facts(g: nx.MultiDiGraph) -> GraphFacts:
    """Index ``g`` for the views.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A graph following :mod:`kg.schema`.

    Returns
    -------
    GraphFacts
    """
    nodes = g.nodes
    documents = sorted((n for n, a in g.nodes(data=True) if a.get("label") == "Document"),
                       key=lambda n: (str(nodes[n].get("name", "")), n))
    entities = [n for n, a in g.nodes(data=True) if a.get("label") in ENTITY_LABELS]
    metrics = [n for n, a in g.nodes(data=True) if a.get("label") == "Metric"]
    kinds = set(ENTITY_LABELS) | {"Metric"}

    # a mention points at its Sentence; the sentence is PART_OF its section (or document)
    container = {u: v for u, v, a in g.edges(data=True) if a.get("type") == "PART_OF"}
    mention_text: dict[tuple[str, str, int], str] = {}
    mentions: dict[str, dict[str, Link]] = defaultdict(dict)
    by_sentence: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for u, s, a in g.edges(data=True):
        if a.get("type") != "MENTIONED_IN" or nodes[u].get("label") not in kinds:
            continue
        sentence = nodes[s]
        doc, sent, surface = str(sentence.get("doc", "")), str(sentence.get("text") or ""), str(a.get("text") or "")
        v = container.get(s, s)
        mention_text[(u, doc, a.get("start"))] = surface
        link = mentions[u].get(v)
        if link is None:
            link = mentions[u][v] = Link(u, v, "MENTIONED_IN")
        link.evidence.append(Evidence(doc, sent, (surface,), int(a.get("start") or 0)))
        if sent and nodes[u].get("label") in ENTITY_LABELS:
            by_sentence[(doc, sent)].setdefault(u, surface)

    relations: dict[tuple[str, str, str], Link] = {}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for u, v, a in g.edges(data=True):
        rel = a.get("type")
        if rel not in SEMANTIC_REL_TYPES or u == v:
            continue
        doc = str(a.get("doc", ""))
        marks = (_surface(mention_text, g, u, doc, a.get("head_start")),
                 _surface(mention_text, g, v, doc, a.get("tail_start")), str(a.get("trigger") or ""))
        link = relations.setdefault((u, v, rel), Link(u, v, rel))
        link.evidence.append(Evidence(doc, str(a.get("sentence") or ""), marks,
                                      int(a.get("start") or 0), str(a.get("trigger") or "")))
        neighbours[u].add(v)
        neighbours[v].add(u)

    co_mentions: dict[tuple[str, str], Link] = {}
    for (doc, sent), named in by_sentence.items():
        for a_, b_ in combinations(sorted(named), 2):
            link = co_mentions.setdefault((a_, b_), Link(a_, b_, "CO_MENTION"))
            link.evidence.append(Evidence(doc, sent, (named[a_], named[b_])))
            neighbours[a_].add(b_)
            neighbours[b_].add(a_)

    for link in (*relations.values(), *co_mentions.values(), *(l for d in mentions.values() for l in d.values())):
        link.evidence.sort(key=lambda e: (e.doc, e.start, e.sentence))
    doc_title = {str(nodes[d].get("name", d)): str(nodes[d].get("title") or nodes[d].get("name") or d)
                 for d in documents}
    sections_of: dict[str, list[str]] = defaultdict(list)
    for n, a in sorted(g.nodes(data=True), key=lambda na: (na[1].get("ordinal") or 0, na[0])):
        if a.get("label") == "Section":
            sections_of[str(a.get("doc"))].append(n)
    has_section: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u, v, a in g.edges(data=True):
        if a.get("type") == "HAS_SECTION":
            has_section[str(nodes[v].get("doc"))].append((u, v))
    mentioned_in: dict[str, list[Link]] = defaultdict(list)
    for by_container in mentions.values():
        for container, link in by_container.items():
            mentioned_in[container].append(link)
    relations_in: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in sorted(relations):
        for doc in sorted({ev.doc for ev in relations[key].evidence}):
            relations_in[doc].append(key)
    indicator_of: dict[str, str] = {}
    reporter_of: dict[str, tuple[str, str]] = {}
    for u, v, a in g.edges(data=True):
        if a.get("type") == "OF_INDICATOR":
            indicator_of[u] = v
        elif a.get("type") == "REPORTED_BY":
            reporter_of[u] = (v, str(a.get("how") or ""))
    indicators = sorted((n for n, a in g.nodes(data=True) if a.get("label") == "Indicator"),
                        key=lambda n: (str(nodes[n].get("name", "")), n))
    names = [str(nodes[d].get("name", d)) for d in documents]
    return GraphFacts(g, documents, entities, metrics, relations, co_mentions, dict(neighbours),
                      dict(mentions), doc_title, dict(sections_of), dict(has_section), dict(mentioned_in),
                      dict(relations_in), indicators=indicators, indicator_of=indicator_of,
                      reporter_of=reporter_of, doc_node=dict(zip(names, documents)),
                      doc_files={name: f"doc_{i}.html" for i, name in enumerate(names, 1)})
