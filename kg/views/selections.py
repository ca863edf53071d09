"""Which nodes and links each page draws: the overview, the initiatives map,
the document pages and the ego pages.

A :class:`View` is plain data (ids, names, tooltips as safe HTML); rendering
it is :mod:`kg.views.render`'s job.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from kg.views.facts import GraphFacts, Link
from kg.views.style import LABEL_LINE, node_size
from kg.views.tooltips import link_tooltip, node_tooltip, shared_tooltip, short_title


@dataclass(slots=True)
class ViewNode:
    """A node as drawn: ``label`` is its kg label (type), ``tooltip`` safe HTML."""

    id: str
    label: str
    name: str
    aliases: list[str]
    tooltip: str
    size: float
    centre: bool = False
    #: no edge is drawn to it by default: the page places it aside and lists it in the side panel
    aside: bool = False
    #: largest label font size (None: the renderer's default)
    font: int | None = None
    #: label characters per line, before the ``…`` (the full name stays in the tooltip)
    label_chars: int = LABEL_LINE
    #: label lines (``label_chars`` each)
    label_lines: int = 2


@dataclass(slots=True)
class ViewEdge:
    """A drawn edge; ``kind`` is a relation type, ``CO_MENTION``, ``SHARES``, ``MENTIONED_IN`` or ``HAS_SECTION``."""

    source: str
    target: str
    kind: str
    tooltip: str
    weight: int = 1
    arrows: bool = True
    dashes: bool = False
    #: "" = drawn; otherwise the key of a :attr:`View.layers` entry whose checkbox draws it
    layer: str = ""

    @property
    def width(self) -> float:
        return round(1 + min(6.0, 1.5 * math.log2(max(self.weight, 1))), 2)


@dataclass(slots=True)
class View:
    """One page: its file name, title, one-line description, what it draws and what it left out."""

    file: str
    title: str
    description: str
    nodes: list[ViewNode] = field(default_factory=list)
    edges: list[ViewEdge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: optional edge layers, off by default: key -> checkbox text ("show links that …")
    layers: dict[str, str] = field(default_factory=dict)
    #: layout: "spread" separates clusters and labels more (for dense maps of long labels)
    layout: str = "default"
    #: heading of the side-panel list of the nodes placed aside
    aside_title: str = ""
    #: a campaign's metrics by indicator (:class:`kg.views.indicators.MetricGroup`), shown in the side panel
    metric_groups: list = field(default_factory=list)

    @property
    def drawn_edges(self) -> list[ViewEdge]:
        """The edges drawn when the page opens (every layer off)."""
        return [e for e in self.edges if not e.layer]

    def layer_count(self, key: str) -> int:
        return sum(1 for e in self.edges if e.layer == key)


def _node(facts: GraphFacts, n: str, size: float, centre: bool = False) -> ViewNode:
    a = facts.g.nodes[n]
    aliases = [str(x) for x in a.get("aliases") or []]
    tip = facts.node_tips.get(n)
    if tip is None:
        tip = facts.node_tips[n] = node_tooltip(facts, n)
    return ViewNode(n, facts.label(n), facts.name(n), aliases, tip, size, centre)


def _link_edge(facts: GraphFacts, link: Link) -> ViewEdge:
    co = link.kind == "CO_MENTION"
    return ViewEdge(link.source, link.target, link.kind, link_tooltip(facts, link), link.count,
                    arrows=not co, dashes=co)


def _entity_edges(facts: GraphFacts, keep: set[str]) -> list[ViewEdge]:
    """Relations among ``keep``, and co-mentions of pairs that no relation already joins."""
    edges, related = [], set()
    for (u, v, _rel), link in sorted(facts.relations.items()):
        if u in keep and v in keep:
            edges.append(_link_edge(facts, link))
            related.add((min(u, v), max(u, v)))
    for (u, v), link in sorted(facts.co_mentions.items()):
        if u in keep and v in keep and (u, v) not in related:
            edges.append(_link_edge(facts, link))
    return edges


def _by_label(facts: GraphFacts, nodes: list[str]) -> str:
    c = Counter(facts.label(n) for n in nodes)
    return ", ".join(f"{lab} {k}" for lab, k in sorted(c.items()))


def _cap(facts: GraphFacts, nodes: list[str], cap: int, score: dict[str, float]) -> tuple[list[str], list[str]]:
    """Keep the ``cap`` best-scored nodes (ties by name, id); return (kept, left out)."""
    ranked = sorted(nodes, key=lambda n: (-score.get(n, 0), facts.name(n), n))
    return ranked[:cap], ranked[cap:]


def _left_out_note(facts: GraphFacts, kept: list[str], dropped: list[str], score: dict[str, float],
                   what: str) -> list[str]:
    if not dropped:
        return []
    best = max(score.get(n, 0) for n in dropped)
    return [f"Showing the {len(kept)} most connected of {len(kept) + len(dropped)} {what}; "
            f"left out {len(dropped)} ({_by_label(facts, dropped)}), each with at most {best:g} connections, "
            f"and their edges."]


def _set_aside_unlinked(view: View) -> None:
    """Mark the nodes no drawn edge touches: the page sets them out beside the map and lists them."""
    linked = {n for e in view.drawn_edges for n in (e.source, e.target)}
    for n in view.nodes:
        n.aside = n.id not in linked


def overview_view(facts: GraphFacts, cap: int) -> View:
    """The entity graph: entities and related metrics, relations and co-mentions, no Document/Section."""
    related = {n for key in facts.relations for n in key[:2]}
    metrics = [m for m in facts.metrics if m in related]
    candidates = facts.entities + metrics
    degree = {n: facts.degree(n) for n in candidates}
    kept, dropped = _cap(facts, candidates, cap, degree)
    keep = set(kept)
    view = View("overview.html", "Overview · 全图",
                "Every entity (agencies, organisations, campaigns, regulations) and the metrics tied to a "
                "campaign; solid edges are stated relations, dashed edges co-mentions in a sentence; "
                "size = number of connections.", layout="spread",
                aside_title="Entities linked to nothing (no relation, no co-mention)")
    view.nodes = [_node(facts, n, node_size(degree[n])) for n in kept]
    view.edges = _entity_edges(facts, keep)
    view.notes = _left_out_note(facts, kept, dropped, degree, "entity nodes")
    _set_aside_unlinked(view)
    for n in view.nodes:  # the spread layout is drawn smaller when fitted: larger type
        n.font = 24
    loose = len(facts.metrics) - len(metrics)
    if loose:
        view.notes.append(f"{loose} metric(s) not tied to a campaign by MEASURES are left out "
                          f"(the document pages show them).")
    view.notes.append("Document and Section nodes are not drawn here (see the document pages).")
    return view


def initiatives_view(facts: GraphFacts, cap: int) -> View:
    """Campaigns linked when they share agencies, regulations, metrics or documents; their agencies around them."""
    g = facts.g
    campaigns = [n for n in facts.entities if facts.label(n) == "Campaign"]
    cset = set(campaigns)
    conductors: dict[str, set[str]] = defaultdict(set)
    issued: dict[str, set[str]] = defaultdict(set)
    measured: dict[str, set[str]] = defaultdict(set)
    conducts: dict[tuple[str, str], Link] = {}
    for (u, v, rel), link in facts.relations.items():
        if rel == "CONDUCTS" and v in cset:
            conductors[v].add(u)
            conducts[(u, v)] = link
        elif rel == "ISSUES":
            issued[u].add(v)
        elif rel == "MEASURES" and v in cset:
            measured[v].add(u)
    regs: dict[str, set[str]] = defaultdict(set)
    for c in campaigns:
        for agency in conductors[c]:
            regs[c] |= issued[agency]
    for a, b in facts.co_mentions:
        for c, r in ((a, b), (b, a)):
            if c in cset and facts.label(r) == "Regulation":
                regs[c].add(r)
    things = {
        "agencies": conductors,
        "regulations": regs,
        "metrics": measured,
        "documents": {c: set(g.nodes[c].get("docs") or []) for c in campaigns},
    }
    shared: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: {k: [] for k in things})
    for kind, of in things.items():
        holders: dict[str, list[str]] = defaultdict(list)
        for c in campaigns:
            for t in of.get(c, ()):
                holders[t].append(c)
        for t, cs in holders.items():
            for a, b in combinations(sorted(cs), 2):
                shared[(a, b)][kind].append(t)
    def strength(what: dict[str, list[str]]) -> int:
        return len(what["agencies"]) + len(what["regulations"]) + len(what["metrics"])

    def through_agency(what: dict[str, list[str]]) -> bool:
        """Only shared conductors and the regulations those conductors issued: the agency's star shows it."""
        implied = set().union(*(issued[x] for x in what["agencies"])) if what["agencies"] else set()
        return bool(what["agencies"]) and not what["metrics"] and set(what["regulations"]) <= implied

    links = Counter()
    for (a, b), what in shared.items():
        if strength(what):
            links[a] += 1
            links[b] += 1
    score = {c: links[c] + len(conductors[c]) for c in campaigns}
    kept, dropped = _cap(facts, campaigns, cap, score)
    keep = set(kept)
    agencies = sorted({a for c in kept for a in conductors[c]})
    view = View("initiatives.html", "Initiatives map · 专项行动",
                "Campaigns (diamonds) around the agencies that conduct them; a line joins two campaigns that "
                "share a metric or a regulation of their own (width = how many shared agencies, regulations "
                "and metrics; tooltip = which). Links through a shared agency only, or through a shared "
                "document only, are behind the checkboxes.",
                layout="spread", aside_title="Campaigns linked to no agency, regulation or metric")
    view.layers = {"agency": "show links through a shared agency only",
                   "document": "show links that only share a document"}
    view.nodes = [_node(facts, c, node_size(score[c])) for c in kept]
    conducted = Counter(a for c in kept for a in conductors[c])
    view.nodes += [_node(facts, a, node_size(conducted[a])) for a in agencies]
    for (a, b), what in sorted(shared.items()):
        if a in keep and b in keep:
            weight = strength(what)
            layer = "document" if not weight else "agency" if through_agency(what) else ""
            view.edges.append(ViewEdge(a, b, "SHARES", shared_tooltip(facts, a, b, what),
                                       weight or len(what["documents"]), arrows=False, dashes=not weight,
                                       layer=layer))
    for (u, v), link in sorted(conducts.items()):
        if v in keep:
            view.edges.append(_link_edge(facts, link))
    _set_aside_unlinked(view)
    for n in view.nodes:
        n.font, n.label_chars, n.label_lines = (24, 6, 2) if n.label == "Campaign" else (30, 9, 1)
    view.notes = _left_out_note(facts, kept, dropped, score, "campaigns")
    if not campaigns:
        view.notes.append("No campaign was found in this corpus.")
    return view


def document_view(facts: GraphFacts, doc: str, number: int, cap: int) -> View:
    """One document: its section tree and, hanging from each section, what the section mentions."""
    g = facts.g
    name = str(g.nodes[doc].get("name", doc))
    sections = facts.sections_of.get(name, [])
    containers = [doc, *sections]
    in_doc: dict[str, list[Link]] = defaultdict(list)
    for c in containers:
        for link in facts.mentioned_in.get(c, ()):
            in_doc[link.source].append(link)
    count = {n: sum(link.count for link in links) for n, links in in_doc.items()}
    kept, dropped = _cap(facts, list(in_doc), cap, count)
    keep = set(kept)
    view = View(facts.doc_files[name], f"Document {number} · {short_title(facts.doc_title.get(name, name))}",
                f"{name}: its sections (boxes) and what each section mentions; size = mentions in this document.",
                layout="spread")
    view.nodes = [_node(facts, doc, 30)]
    view.nodes += [_node(facts, s, 22 - 2 * min(int(g.nodes[s].get("level") or 1), 5)) for s in sections]
    view.nodes += [_node(facts, n, node_size(count[n])) for n in kept]
    for u, v in facts.has_section.get(name, ()):
        view.edges.append(ViewEdge(u, v, "HAS_SECTION", "<b>HAS_SECTION</b>", 1))
    for n in kept:
        for link in in_doc[n]:
            # a metric's own tooltip already shows its sentence
            tip = link_tooltip(facts, link, evidence=facts.label(n) != "Metric")
            view.edges.append(ViewEdge(n, link.target, "MENTIONED_IN", tip, link.count, arrows=False, dashes=True))
    for u, v, rel in facts.relations_in.get(name, ()):
        if u in keep and v in keep:
            here = [ev for ev in facts.relations[(u, v, rel)].evidence if ev.doc == name]
            view.edges.append(_link_edge(facts, Link(u, v, rel, here)))
    view.notes = _left_out_note(facts, kept, dropped, count, "mentioned entities and metrics")
    for n in view.nodes[1:]:  # the spread layout is drawn smaller when fitted: larger type
        n.font = 24
    return view


def ego_view(facts: GraphFacts, centre: str, file: str, cap: int) -> View:
    """``centre`` and everything within two hops of it in the entity graph."""
    hop1 = set(facts.neighbours.get(centre, ()))
    hop2 = {m for n in hop1 for m in facts.neighbours.get(n, ())} - hop1 - {centre}
    # nearer first, then more connected
    score = {n: 2e9 + facts.degree(n) for n in hop1} | {n: facts.degree(n) for n in hop2}
    kept, dropped = _cap(facts, sorted(hop1 | hop2), max(cap - 1, 0), score)
    keep = set(kept) | {centre}
    name = facts.name(centre)
    view = View(file, f"{facts.label(centre)} · {name}",
                f"{name} and everything within two hops ({len(hop1)} direct, {len(hop2)} at two hops); "
                f"size = number of connections.", layout="spread")
    view.nodes = [_node(facts, centre, node_size(facts.degree(centre)) + 8, centre=True)]
    view.nodes += [_node(facts, n, node_size(facts.degree(n))) for n in kept]
    view.edges = _entity_edges(facts, keep)
    for n in view.nodes:  # the spread layout is drawn smaller when fitted: larger type
        n.font = 34 if n.centre else 28
    if dropped:
        view.notes.append(f"Showing {len(kept)} of {len(hop1 | hop2)} neighbours (direct ones first, then the "
                          f"most connected); left out {len(dropped)} ({_by_label(facts, dropped)}).")
    return view


def ego_centres(facts: GraphFacts, count: int) -> list[str]:
    """The ``count`` most connected agencies, then the ``count`` most connected campaigns."""
    out: list[str] = []
    for label in ("Agency", "Campaign"):
        nodes = [n for n in facts.entities if facts.label(n) == label and facts.degree(n) > 0]
        out += sorted(nodes, key=lambda n: (-facts.degree(n), facts.name(n), n))[:count]
    return out


__all__ = ["View", "ViewEdge", "ViewNode", "document_view", "ego_centres", "ego_view",
           "initiatives_view", "overview_view"]
