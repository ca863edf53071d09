"""GraphML for Gephi, Cytoscape, yEd and graph libraries, streamed from rows.

Attribute names are those of graph.json (``attr.name``; the key ids are ``n_<name>``, ``e_<name>``) with one
exception: ``label`` is what tools show, so a node's ``label`` is its display label
(:func:`~kg.sinks.exports.tables.display_labels`) and an edge's its type; the node's kg label travels as
``kg_label``. Keys are typed (``long``, ``double``, ``boolean``, ``string``); a list is its JSON text (GraphML has
no list type), a null is left out. Node and edge ids are the element ids. Text is escaped by
:func:`kg.sinks.exports.values.xml_text`. One element per line.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyarrow as pa

from kg.rows import as_rows, batches, edge_schema, node_schema
from kg.sinks.exports.tables import (
    GRAPH_ATTRS, MERGED_SCHEMA, PLACE, column, display_labels, edge_batches, join_rows, typed_attributes, write_text,
)
from kg.sinks.exports.values import fragment, xml_text

NS = "http://graphml.graphdrawing.org/xmlns"
#: the attributes that place an edge element (attribute name, column)
EDGE_PLACE = [("id", "id"), ("source", "source"), ("target", "target")]


def attributes(schema: pa.Schema, reserved: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(name in the file, column, XML type) of what a node's or edge's ``schema`` gives besides the display label:
    a node's kg label as ``kg_label``, then every column that neither places the element nor is ``reserved``."""
    names = [] if "source" in schema.names else [("kg_label", "label")]
    names += [(f.name, f.name) for f in schema if f.name not in (*PLACE, "label", *reserved)]
    types = {pa.bool_(): "boolean", pa.int64(): "long", pa.float64(): "double"}
    return [(n, c, types.get(schema.field(c).type, "string")) for n, c in names]


def attribute_values(table: pa.Table, attrs: list[tuple[str, str, str]]) -> list[tuple[str, pa.Array]]:
    """(name in the file, XML text) of each attribute that holds a value in a batch."""
    cols = [(name, column(table, c)) for name, c, _ in attrs]
    return [(name, xml_text(col)) for name, col in cols if col.null_count < len(col)]


def start_tag(tag: str, table: pa.Table, place: list[tuple[str, pa.Array | str]]) -> list[pa.Array]:
    """``<tag name="value" …>`` for each row; a value is an array or the name of a column of ``table``."""
    values = [(n, column(table, v) if isinstance(v, str) else v) for n, v in place]
    return [*(fragment(f'{"" if i else "<" + tag} {n}="', xml_text(v), '"') for i, (n, v) in enumerate(values)), ">"]


def write_graphml(graph, path: str | Path, *, merge_parallel: bool = False) -> Path:
    """Write GraphML to ``path`` and return it.

    Parameters
    ----------
    graph, path, merge_parallel
        The rows (streamed a batch at a time), the file, and one edge per (source, target, type) or not: see
        :mod:`kg.sinks.exports` and :func:`~kg.sinks.exports.tables.merged_edges`.
    """
    rows, path = as_rows(graph), Path(path)
    nodes, edges = attributes(node_schema()), attributes(MERGED_SCHEMA if merge_parallel else edge_schema())
    label = [("label", "label", "string")]
    keys = "".join(f'<key id="{kind[0]}_{name}" for="{kind}" attr.name="{name}" attr.type="{t}"/>\n'
                   for kind, attrs in [("graph", [(k, k, "string") for k in GRAPH_ATTRS]), ("node", label + nodes),
                                       ("edge", label + edges)] for name, _, t in attrs)
    graph_data = "".join(f'<data key="g_{k}">{xml_text(pa.array([v]))[0]}</data>\n' for k, v in GRAPH_ATTRS.items())
    with path.open("wb") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="{NS}">\n{keys}'
                 f'<graph id="G" edgedefault="directed">\n{graph_data}'.encode())
        for table in batches(rows.node_tables(), ahead=True):
            values = [("label", xml_text(display_labels(table))), *attribute_values(table, nodes)]
            parts = [fragment(f'<data key="n_{k}">', v, "</data>") for k, v in values]
            write_text(fh, join_rows([*start_tag("node", table, [("id", "id")]), *parts, "</node>\n"]))
        for table in edge_batches(rows, merge_parallel):  # ids e0, e1, … (or a merged edge's)
            values = [("label", xml_text(column(table, "type"))), *attribute_values(table, edges)]
            parts = [fragment(f'<data key="e_{k}">', v, "</data>") for k, v in values]
            write_text(fh, join_rows([*start_tag("edge", table, EDGE_PLACE), *parts, "</edge>\n"]))
        fh.write(b"</graph>\n</graphml>\n")
    return path


def kg_graph(raw: nx.Graph, edge_type: str) -> nx.MultiDiGraph:
    """A graph networkx read from GraphML or GEXF as :mod:`kg.schema` has it (edge type from ``edge_type``)."""
    g = nx.MultiDiGraph(**GRAPH_ATTRS)
    for n, attrs in raw.nodes(data=True):  # the file's label is the display label; kg's is kg_label
        g.add_node(n, **{"label" if k == "kg_label" else k: v for k, v in attrs.items() if k != "label"})
    # networkx's GEXF reader makes a DiGraph when no two edges are parallel
    for u, v, key, attrs in nx.MultiDiGraph(raw).edges(keys=True, data=True):
        key, kind = attrs.pop("id", key), attrs.pop(edge_type)
        g.add_edge(u, v, key=key, **{k: x for k, x in attrs.items() if k != "label"}, type=kind)
    return typed_attributes(g)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml` (with networkx's GraphML reader)."""
    return kg_graph(nx.read_graphml(str(path), force_multigraph=True), "type")
