"""The rows of a build as the Neo4j sink writes them: :func:`scan` checks every row before anything is written,
:func:`chunks` cuts the rows of the documents to write into chunks of whole documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import pyarrow as pa
import pyarrow.compute as pc

from kg.rows import Rows, batches, merged, node_schema, off_schema
from kg.schema import GLOBAL_LABELS

_GLOBAL_SET = pa.array(GLOBAL_LABELS)


class RowsError(ValueError):
    """The rows break :mod:`kg.schema` or do not pair node and edge tables (one line naming the culprit)."""


def values(table: pa.Table) -> list[tuple]:
    return list(zip(*(col.to_pylist() for col in table.columns)))


@dataclass
class Build:
    """What :func:`scan` found: the rows of the corpus's nodes (entities and indicators,
    :data:`kg.schema.GLOBAL_LABELS`), each document's key, the row count."""

    entities: pa.Table  # in kg.rows.node_schema()
    keys: dict[str, str | None]
    rows: int


def scan(rows: Rows, size: int) -> Build:
    """The :class:`Build` of ``rows``, every row checked (:class:`RowsError` names the first that breaks the schema)."""
    entities, keys, n = [node_schema().empty_table()], {}, 0
    for table in chain(batches(rows.node_tables(), size), batches(rows.edge_tables(), size)):
        n += table.num_rows
        if (bad := off_schema(table)) is not None:
            raise RowsError(f"cannot load into Neo4j: {bad}")
        if "source" not in table.column_names:  # a node table
            entities.append(table.filter(pc.is_in(table["label"], value_set=_GLOBAL_SET)).select(node_schema().names))
            is_doc = pc.equal(table["label"], "Document")
            keys.update(zip(pc.filter(table["name"], is_doc).to_pylist(), pc.filter(table["key"], is_doc).to_pylist()))
    return Build(pa.concat_tables(entities).combine_chunks(), keys, n)


def _by_document(table: pa.Table, docs: pa.Array) -> dict[str, pa.Table]:
    """The rows of ``table`` per document (``docs``: each row's), in their order."""
    runs = pc.run_end_encode(docs)
    if len(pc.unique(runs.values)) < len(runs.values):  # a document's rows lie apart: sort them together
        order = pc.sort_indices(docs)
        return _by_document(table.take(order), docs.take(order))
    ends = runs.run_ends.to_pylist()
    return {doc: table.slice(start, end - start) for doc, start, end in zip(runs.values.to_pylist(), [0, *ends], ends)}


def _documents(rows: Rows, stale: set[str]) -> Iterator[tuple[pa.Table, pa.Table]]:
    """(nodes, edges) of each ``stale`` document.

    The k-th node table with document rows goes with the k-th edge table (a build's rows come a document
    at a time, a graph's in one table of each). An edge's document is its ``doc``, else that of an end.
    """
    want, edge_tables = pa.array(sorted(stale), pa.string()), rows.edge_tables()
    for table in rows.node_tables():
        docs = pc.if_else(pc.equal(table["label"], "Document"), table["name"], table["doc"]).combine_chunks()
        if docs.null_count == len(docs):
            continue  # the nodes of the corpus
        edges = next(edge_tables, None)
        if edges is None:
            raise RowsError("cannot load into Neo4j: the rows have more node tables than edge tables")
        if not pc.any(pc.is_in(docs, value_set=want)).as_py():
            continue
        mine = pc.invert(pc.is_in(table["label"], value_set=_GLOBAL_SET)).combine_chunks()
        nodes, docs = table.filter(mine), docs.filter(mine)
        ids = nodes["id"].combine_chunks()
        edge_docs = pc.coalesce(edges["doc"], pc.take(docs, pc.index_in(edges["target"], value_set=ids)),
                                pc.take(docs, pc.index_in(edges["source"], value_set=ids))).combine_chunks()
        if edge_docs.null_count:
            bad = edges.filter(pc.is_null(edge_docs)).slice(0, 1).to_pylist()[0]
            raise RowsError(f"cannot load into Neo4j: edge {bad['type']} {bad['source']} -> {bad['target']} "
                            "has no document among its rows")
        node_rows, edge_rows = _by_document(nodes, docs), _by_document(edges, edge_docs)
        for doc in sorted(stale & node_rows.keys()):
            yield node_rows[doc], edge_rows.get(doc, edges.slice(0, 0))
    if next(edge_tables, None) is not None:
        raise RowsError("cannot load into Neo4j: the rows have more edge tables than node tables")


def chunks(rows: Rows, stale: set[str], size: int) -> Iterator[tuple[pa.Table, pa.Table]]:
    """(nodes, edges) of whole ``stale`` documents, about ``size`` rows a chunk."""
    return merged(_documents(rows, stale), size)


def touching(docs: pa.ChunkedArray, names: pa.Array) -> pa.Array:
    """Per row, whether its list of documents names one of ``names``."""
    docs = docs.combine_chunks()
    rows = pc.filter(pc.list_parent_indices(docs), pc.is_in(pc.list_flatten(docs), value_set=names))
    return pc.is_in(pa.array(range(len(docs)), pa.int64()), value_set=rows)
