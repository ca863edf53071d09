"""Node-link JSON: what ``networkx.node_link_data(G, edges="edges")`` gives, streamed from rows.

One object per line: a node's attributes (``id`` among them); an edge's ``source``,
``target``, ``key`` (its element id: ``e0``, ``e1``, … in stream order, or a merged edge's;
edges carry no id attribute) and attributes (``type`` among them); nulls left out.
Non-finite floats, which JSON cannot hold, are the strings ``"NaN"``, ``"Infinity"``,
``"-Infinity"``; :func:`read_json` turns them back by the column's type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyarrow as pa

from kg.rows import as_rows, batches
from kg.sinks.exports.tables import GRAPH_ATTRS, PLACE, column, edge_batches, join_rows, typed_attributes, write_text
from kg.sinks.exports.values import fragment, json_escape, json_value

_SEP = ",\n"


def _objects(fh, tables: Iterable[pa.Table], place: list[tuple[str, str]]) -> None:
    """Write one JSON object per row, ``,\n`` before each but the first: the ``place`` members (name, column), then
    each attribute that is not null."""
    for i, table in enumerate(tables):
        parts = [_SEP + "{"]
        for j, (member, name) in enumerate(place):  # text: the quotes go with the key, one copy less
            parts.append(fragment(f'{"," if j else ""}"{member}":"', json_escape(column(table, name)), '"'))
        for f in table.schema:
            col, q = column(table, f.name), '"' if pa.types.is_string(f.type) else ""
            if f.name not in PLACE and col.null_count < len(col):
                parts.append(fragment(f',{json.dumps(f.name)}:{q}', json_escape(col) if q else json_value(col), q))
        write_text(fh, join_rows([*parts, "}"]), skip=0 if i else len(_SEP))


def write_json(graph, path: str | Path, *, merge_parallel: bool = False) -> Path:
    """Write node-link JSON to ``path`` and return it.

    Parameters
    ----------
    graph, path, merge_parallel
        The rows (streamed a batch at a time), the file, and one edge per (source, target, type) or not: see
        :mod:`kg.sinks.exports` and :func:`~kg.sinks.exports.tables.merged_edges`.
    """
    rows, path = as_rows(graph), Path(path)
    head = json.dumps({"directed": True, "multigraph": True, "graph": GRAPH_ATTRS}, separators=(",", ":"))[:-1]
    with path.open("wb") as fh:
        fh.write(f'{head},"nodes":['.encode())
        _objects(fh, batches(rows.node_tables(), ahead=True), [("id", "id")])
        fh.write(b'\n],"edges":[')
        _objects(fh, edge_batches(rows, merge_parallel), [("source", "source"), ("target", "target"), ("key", "id")])
        fh.write(b"\n]}\n")
    return path


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json` (or by ``networkx.node_link_data``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return typed_attributes(nx.node_link_graph(data, directed=True, multigraph=True, edges="edges"))
