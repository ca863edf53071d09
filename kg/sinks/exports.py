"""File exports of the graph: node-link JSON, GraphML and GEXF, with readers.

networkx-style: ``write_json(G, path)`` / ``read_json(path)`` and likewise for
GraphML and GEXF. GraphML and GEXF hold only scalars, so list values are
written as JSON text and the names of those attributes are kept in a graph
attribute (``kg_json_attrs``); ``None`` values are left out. The readers undo
both, so every format loads back to the same graph.

GEXF reserves ``label``, ``start``, ``end`` and ``type``: there the node's
``label`` shows its name (what Gephi displays) and our attributes travel as
``kg_label``, ``char_start``, ``char_end`` and ``rel_type``.

The writers render the graph's rows with :func:`kg.sinks.files.render_chunk` and
assemble the files with :func:`kg.sinks.files.write_files` (the code path of the
build, which never holds the whole graph); that module documents the formats.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.sinks.files import GEXF_RENAME, JSON_ATTRS, LIST_ATTRS, render_graph, write_files

_JSON_ATTRS = JSON_ATTRS
_GEXF_BACK = {v: k for k, v in GEXF_RENAME.items()}
_SCHEMA_LISTS = set(LIST_ATTRS)


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write node-link JSON (``networkx.node_link_data`` with ``edges="edges"``)."""
    write_files(Path(path).parent, render_graph(g, ("json",)), ("json",), graph=g.graph, paths={"json": path})


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for n, attrs in g.nodes(data=True):
        attrs["id"] = n  # node-link keeps a node's id only as its key
    return g


def _unflatten(g: nx.MultiDiGraph, rename: dict[str, str] | None = None) -> nx.MultiDiGraph:
    rename = rename or {}
    # GEXF keeps no graph attributes: the schema says which attributes are lists
    json_attrs = set(json.loads(g.graph.pop(_JSON_ATTRS, "[]"))) | _SCHEMA_LISTS

    def unflat(attrs: dict) -> dict:
        res = {}
        for k, v in attrs.items():
            k = rename.get(k, k)
            res[k] = json.loads(v) if k in json_attrs and isinstance(v, str) else v
        return res

    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    for n, attrs in g.nodes(data=True):
        out.add_node(n, **unflat(attrs))
    for u, v, k, attrs in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **unflat(attrs))
    return out


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write GraphML that Gephi, Cytoscape and yEd open (lists as JSON text)."""
    write_files(Path(path).parent, render_graph(g, ("graphml",)), ("graphml",), graph=g.graph,
                paths={"graphml": path})


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml`, lists restored."""
    g = nx.read_graphml(str(path), force_multigraph=True)
    for u, v, k, attrs in g.edges(keys=True, data=True):
        attrs.pop("key", None)
    return _unflatten(nx.MultiDiGraph(g))


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write GEXF 1.2 for Gephi; a node's GEXF label is its name."""
    write_files(Path(path).parent, render_graph(g, ("gexf",)), ("gexf",), graph=g.graph, paths={"gexf": path})


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_gexf`."""
    raw = nx.read_gexf(str(path), node_type=str)
    # GEXF keeps ids as element ids, not as attributes; its reader returns a
    # DiGraph when no two edges are parallel, so rebuild the multigraph by edge id
    g = nx.MultiDiGraph()
    g.graph.update(raw.graph)
    for n, attrs in raw.nodes(data=True):
        attrs.pop("label", None)
        g.add_node(n, **{**attrs, "id": n})
    for u, v, attrs in raw.edges(data=True):
        attrs.pop("label", None)
        key = attrs.pop("networkx_key", None) or attrs["id"]
        g.add_edge(u, v, key=key, **{**attrs, "id": attrs["id"]})
    return _unflatten(g, _GEXF_BACK)


def write_all(g: nx.MultiDiGraph, out: str | Path) -> dict[str, Path]:
    """Write ``graph.json``, ``graph.graphml`` and ``graph.gexf`` into ``out`` (one pass over ``g``)."""
    formats = ("json", "graphml", "gexf")
    return write_files(out, render_graph(g, formats), formats, graph=g.graph)
