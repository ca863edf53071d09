"""GEXF 1.3 for Gephi, streamed from rows.

Nodes, edges and their attributes as in :mod:`.graphml` (the node's ``label``, what Gephi shows, its display label,
its kg label as ``kg_label``; a list its JSON text: GEXF's ``liststring`` has no escape for its separator), declared
static with typed ``<attribute>`` elements whose ids are their titles. An edge's ``label`` and its GEXF 1.3 ``kind``
are its type, so Gephi tells the edge types apart; ``type`` is no attribute (Gephi's edge ``Type`` column holds
directed/undirected). No modification date, so the same rows give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.rows import as_rows, batches, edge_schema, node_schema
from kg.sinks.exports.graphml import EDGE_PLACE, attribute_values, attributes, kg_graph, start_tag
from kg.sinks.exports.tables import MERGED_SCHEMA, display_labels, edge_batches, join_rows, write_text
from kg.sinks.exports.values import fragment

NS = "http://gexf.net/1.3"


def _declarations(attrs: list, kind: str) -> str:
    lines = "".join(f'<attribute id="{name}" title="{name}" type="{t}"/>\n' for name, _, t in attrs)
    return f'<attributes class="{kind}" mode="static">\n{lines}</attributes>\n'


def _attvalues(table, attrs: list) -> list:
    values = attribute_values(table, attrs)
    return ["<attvalues>", *(fragment(f'<attvalue for="{k}" value="', v, '"/>') for k, v in values), "</attvalues>"]


def write_gexf(graph, path: str | Path, *, merge_parallel: bool = False) -> Path:
    """Write GEXF 1.3 to ``path`` and return it.

    Parameters
    ----------
    graph, path, merge_parallel
        The rows (streamed a batch at a time), the file, and one edge per (source, target, type) or not: see
        :mod:`kg.sinks.exports` and :func:`~kg.sinks.exports.tables.merged_edges`.
    """
    rows, path = as_rows(graph), Path(path)
    nodes = attributes(node_schema())
    edges = attributes(MERGED_SCHEMA if merge_parallel else edge_schema(), reserved=("type",))  # its label and kind
    with path.open("wb") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="{NS}" version="1.3">\n'
                 '<meta><creator>kg</creator></meta>\n<graph defaultedgetype="directed" mode="static">\n'
                 f'{_declarations(nodes, "node")}{_declarations(edges, "edge")}<nodes>\n'.encode())
        for table in batches(rows.node_tables(), ahead=True):
            tag = start_tag("node", table, [("id", "id"), ("label", display_labels(table))])
            write_text(fh, join_rows([*tag, *_attvalues(table, nodes), "</node>\n"]))
        fh.write(b"</nodes>\n<edges>\n")
        for table in edge_batches(rows, merge_parallel):
            tag = start_tag("edge", table, [*EDGE_PLACE, ("label", "type"), ("kind", "type")])
            write_text(fh, join_rows([*tag, *_attvalues(table, edges), "</edge>\n"]))
        fh.write(b"</edges>\n</graph>\n</gexf>\n")
    return path


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_gexf` (with networkx's GEXF reader; the type from the edge label)."""
    return kg_graph(nx.read_gexf(str(path), node_type=str, version="1.3"), "label")
