"""The rows of a build as the Neo4j sink writes them: checked, scanned once, cut into chunks of whole documents.

:func:`scan` reads every row once: it checks labels, types and end labels against
:mod:`kg.schema` (before anything is written), and keeps the rows of entities and indicators, each
document's key and the documents of each node table. :func:`chunks` gives the
rows of the documents to write, whole documents per chunk of about ``size`` rows,
reading only the tables that hold one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kg.rows import Rows, edge_schema, node_schema
from kg.schema import GLOBAL_LABELS, NODE_LABELS, REL_ENDPOINTS, REL_TYPES

_GLOBAL_SET = pa.array(GLOBAL_LABELS)


class RowsError(ValueError):
    """The rows break :mod:`kg.schema` or do not pair node and edge tables (one line naming the culprit)."""


def values(table: pa.Table) -> list[tuple]:
    return list(zip(*(col.to_pylist() for col in table.columns)))


def _check_nodes(nodes: pa.Table) -> None:
    ok = pc.fill_null(pc.is_in(nodes["label"], value_set=pa.array(NODE_LABELS)), False)
    if not pc.all(ok).as_py():
        bad = nodes.filter(pc.invert(ok))
        raise RowsError(f"cannot load into Neo4j: node {bad['id'][0]} has label {bad['label'][0].as_py()!r}, "
                             "not one of kg.schema.NODE_LABELS")


def only(table: pa.Table, mask: pa.Array) -> pa.Table | None:
    """``table`` filtered by ``mask`` (None when nothing is kept; the table itself when all is)."""
    if not pc.any(mask).as_py():
        return None
    return table if pc.all(mask).as_py() else table.filter(mask)


def _check_edges(edges: pa.Table) -> None:
    for e in edges.group_by(["type", "source_label", "target_label"]).aggregate([]).to_pylist():
        if e["type"] not in REL_TYPES:
            raise RowsError(f"cannot load into Neo4j: an edge has type {e['type']!r}, not one of kg.schema.REL_TYPES")
        starts, ends = REL_ENDPOINTS[e["type"]]
        if e["source_label"] not in starts or e["target_label"] not in ends:
            raise RowsError(f"cannot load into Neo4j: an edge {e['type']} goes {e['source_label']} -> "
                                 f"{e['target_label']}, which kg.schema.REL_ENDPOINTS does not allow")


def _merged(tables: Iterator[pa.Table], size: int) -> Iterator[tuple[pa.Table, list[int]]]:
    """Consecutive tables concatenated to at least ``size`` rows (a build gives one small table per document),
    with the row count of each."""
    part: list[pa.Table] = []
    for table in tables:
        part.append(table)
        if sum(t.num_rows for t in part) >= size:
            yield pa.concat_tables(part), [t.num_rows for t in part]
            part = []
    if part:
        yield pa.concat_tables(part), [t.num_rows for t in part]


def _node_docs(nodes: pa.Table) -> pa.Array:
    """Each node's document (``doc``; a Document's ``name``); null for a node of the corpus (an entity, an
    indicator)."""
    return pc.if_else(pc.equal(nodes["label"], "Document"), nodes["name"], nodes["doc"]).combine_chunks()


@dataclass
class Build:
    """A first pass over the rows, checking every row: the rows of the corpus's nodes (entities and indicators,
    :data:`kg.schema.GLOBAL_LABELS`), document keys, the documents of each node table (none: corpus nodes only),
    the row count."""

    entities: pa.Table  # in kg.rows.node_schema()
    keys: dict[str, str | None]
    table_docs: list[set[str]]
    rows: int


def scan(rows: Rows, size: int) -> Build:
    entities, keys, table_docs, n = [], {}, [], 0
    for table, sizes in _merged(rows.node_tables(), size):
        _check_nodes(table)
        n += table.num_rows
        entities.append(only(table, pc.is_in(table["label"], value_set=_GLOBAL_SET)))
        is_doc = pc.equal(table["label"], "Document")
        keys.update(zip(pc.filter(table["name"], is_doc).to_pylist(), pc.filter(table["key"], is_doc).to_pylist()))
        first = len(table_docs)
        table_docs += [set() for _ in sizes]
        where = pa.table({"t": np.repeat(np.arange(len(sizes)), sizes), "d": _node_docs(table)})
        for r in where.filter(pc.is_valid(where["d"])).group_by(["t", "d"]).aggregate([]).to_pylist():
            table_docs[first + r["t"]].add(r["d"])
    for table, _ in _merged(rows.edge_tables(), size):
        _check_edges(table)
        n += table.num_rows
    entities = [t.select(node_schema().names) for t in entities if t is not None]
    return Build(pa.concat_tables(entities) if entities else node_schema().empty_table(), keys, table_docs, n)


def _pairs(rows: Rows, build: Build, stale: set[str], size: int) -> Iterator[tuple[pa.Table, pa.Table]]:
    """(nodes, edges) of the table pairs that hold a ``stale`` document, concatenated to at least ``size`` rows.

    The k-th node table with document rows goes with the k-th edge table (a build's rows
    come a document at a time, a graph's in one table of each).
    """
    edge_tables = rows.edge_tables()
    part, n = [], 0
    for table, docs in zip(rows.node_tables(), build.table_docs):
        if not docs:
            continue
        edges = next(edge_tables, None)
        if edges is None:
            raise RowsError("cannot load into Neo4j: the rows have more node tables than edge tables")
        if docs.isdisjoint(stale):
            continue
        nodes = only(table, pc.invert(pc.is_in(table["label"], value_set=_GLOBAL_SET)))
        part.append((nodes, edges))
        n += nodes.num_rows + edges.num_rows
        if n >= size:
            yield pa.concat_tables([p[0] for p in part]), pa.concat_tables([p[1] for p in part])
            part, n = [], 0
    if next(edge_tables, None) is not None:
        raise RowsError("cannot load into Neo4j: the rows have more edge tables than node tables")
    if part:
        yield pa.concat_tables([p[0] for p in part]), pa.concat_tables([p[1] for p in part])


def chunks(rows: Rows, build: Build, stale: set[str], size: int) -> Iterator[tuple[pa.Table, pa.Table]]:
    """(nodes, edges) of whole ``stale`` documents, about ``size`` rows a chunk."""
    want = pa.array(sorted(stale), pa.string())
    out, n = [], 0
    for nodes, edges in _pairs(rows, build, stale, size):
        node_docs = _node_docs(nodes)
        keep_nodes = pc.is_in(node_docs, value_set=want)
        if not pc.any(keep_nodes).as_py():
            continue
        ids = nodes["id"].combine_chunks()
        edge_docs = pc.coalesce(edges["doc"], pc.take(node_docs, pc.index_in(edges["target"], value_set=ids)),
                                pc.take(node_docs, pc.index_in(edges["source"], value_set=ids))).combine_chunks()
        if edge_docs.null_count:
            bad = edges.filter(pc.is_null(edge_docs)).slice(0, 1).to_pylist()[0]
            raise RowsError(f"cannot load into Neo4j: edge {bad['type']} {bad['source']} -> {bad['target']} "
                                 "has no document among its rows")
        keep_edges = pc.is_in(edge_docs, value_set=want)
        nodes, node_docs = only(nodes, keep_nodes), only(node_docs, keep_nodes)
        edges, edge_docs = only(edges, keep_edges), only(edge_docs, keep_edges)
        if edges is None:
            edges, edge_docs = edge_schema().empty_table(), pa.array([], pa.string())
        docs = pc.unique(node_docs).to_pylist()
        per = max(1, len(docs) * size // max(1, nodes.num_rows + edges.num_rows))
        for i in range(0, len(docs), per):  # a graph's rows come in one table: split it by document
            names = pa.array(docs[i:i + per], pa.string()) if per < len(docs) else None
            out.append((nodes.filter(pc.is_in(node_docs, value_set=names)) if names else nodes,
                        edges.filter(pc.is_in(edge_docs, value_set=names)) if names else edges))
            n += out[-1][0].num_rows + out[-1][1].num_rows
            if n >= size:
                yield pa.concat_tables([p[0] for p in out]), pa.concat_tables([p[1] for p in out])
                out, n = [], 0
    if out:
        yield pa.concat_tables([p[0] for p in out]), pa.concat_tables([p[1] for p in out])


def touching(docs: pa.ChunkedArray, names: pa.Array) -> pa.Array:
    """Per row, whether its list of documents names one of ``names``."""
    docs = docs.combine_chunks()
    rows = pc.filter(pc.list_parent_indices(docs), pc.is_in(pc.list_flatten(docs), value_set=names))
    return pc.is_in(pa.array(range(len(docs)), pa.int64()), value_set=rows)
