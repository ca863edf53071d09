"""What the writers share: rows from a graph, batches of rows, element ids, merged edges, rendering into a file.

:func:`batches` joins a build's small per-document tables into tables of 64k rows, so
the fixed cost of each Arrow kernel call is paid rarely while memory stays one batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc

from kg.rows import ARROW_TYPES, EDGE_COLUMNS, ENDPOINTS, NODE_COLUMNS, Rows, graph_rows
from kg.sinks.exports.values import decode, fragment, text

#: the graph attribute every export carries (as :func:`kg.rows.to_networkx` sets it)
GRAPH_ATTRS = {"kg_schema": "kg/2"}
#: rows per rendered batch
BATCH_ROWS = 65536
#: the columns of a merged edge (see :func:`merged_edges`) and their types
MERGED_COLUMNS = {"source": "str", "target": "str", "id": "str", "type": "str", "count": "int", "docs": "list[str]",
                  "starts": "list[int]", "ends": "list[int]"}
MERGED_SCHEMA = pa.schema([(name, ARROW_TYPES[ptype]) for name, ptype in MERGED_COLUMNS.items()])
#: the columns that place an element rather than describe it: its id, an edge's ends and their labels
PLACE = ("id", *ENDPOINTS)
_SURROGATE = re.compile("[\ud800-\udfff]")


def as_rows(graph) -> Rows:
    """``graph`` as :class:`kg.rows.Rows`: Rows as they are, a ``networkx`` graph through :func:`kg.rows.graph_rows`.

    Raises ``ValueError`` naming the node or edge and attribute of a lone surrogate (UTF-8 has no code for it).
    """
    if hasattr(graph, "node_tables"):
        return graph
    try:
        return graph_rows(graph)
    except UnicodeEncodeError:
        items = [*((f"node {n!r}", a) for n, a in graph.nodes(data=True)),
                 *((f"{a.get('type')} edge {u!r} -> {v!r} (key {k!r})", a)
                   for u, v, k, a in graph.edges(keys=True, data=True))]
        where = next((f"{w} attribute {k!r}" for w, a in items for k, v in a.items()
                      for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and _SURROGATE.search(x)),
                     "a value")
        raise ValueError(f"{where}: a lone surrogate cannot be written (UTF-8 has no code for it)") from None


def typed_attributes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` as read from a file with each attribute decoded by its column's type and each node's ``id`` set."""
    for n, attrs in g.nodes(data=True):
        attrs.update({k: decode(v, NODE_COLUMNS.get(k, "str")) for k, v in attrs.items()}, id=n)
    for *_, attrs in g.edges(data=True):
        attrs.update({k: decode(v, EDGE_COLUMNS.get(k) or MERGED_COLUMNS.get(k, "str")) for k, v in attrs.items()})
    return g


def merged(parts: Iterable[tuple[pa.Table, ...]], rows: int) -> Iterator[tuple[pa.Table, ...]]:
    """Consecutive tuples of tables (empty ones left out) joined item by item until they hold about ``rows`` rows,
    each column one chunk."""
    held, size = [], 0
    for part in parts:
        if any(t.num_rows for t in part):
            held.append(part)
            size += sum(t.num_rows for t in part)
        if size >= rows:
            yield tuple(pa.concat_tables(t).combine_chunks() for t in zip(*held))
            held, size = [], 0
    if held:
        yield tuple(pa.concat_tables(t).combine_chunks() for t in zip(*held))


def batches(tables: Iterable[pa.Table], rows: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """The rows of ``tables`` in order, as tables of about ``rows`` rows, each column one chunk."""
    return (table for (table,) in merged(zip(tables), rows))


def edge_batches(rows: Rows, merge_parallel: bool = False) -> Iterator[pa.Table]:
    """The edges of ``rows`` in batches with an element id each (``id``): ``e0``, ``e1``, … in stream order
    (edges carry no id of their own), or merged by :func:`merged_edges`."""
    if merge_parallel:
        yield from merged_edges(rows.edge_tables())
        return
    done = 0
    for table in batches(rows.edge_tables()):
        ids = fragment("e", pc.cast(pa.arange(done, done + table.num_rows), pa.string()))
        done += table.num_rows
        yield table.append_column("id", ids)


def column(table: pa.Table, name: str) -> pa.Array:
    """One column of a batch as a single array."""
    return table[name].combine_chunks()


def display_labels(table: pa.Table) -> pa.Array:
    """What a tool shows for each node: its name, a Sentence its text, else its title, else its id."""
    return pc.coalesce(*(column(table, c) for c in ("name", "text", "title", "id")))


def merged_edges(tables: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """One edge per (source, target, type) in tables of :data:`MERGED_SCHEMA`, in order of first appearance.

    A merged edge has the id ``TYPE:source->target``, ``count`` and the evidence of the
    edges it stands for, in their order: ``docs``, ``starts`` and ``ends``, each left out
    (null) where its type has no such property (a mention's document is its sentence's;
    structural edges have none). Unlike the other writers this holds the key columns of
    every edge (ends, docs, offsets; no text) in memory at once.
    """
    keys, evidence = ["source", "target", "type"], ["doc", "start", "end"]
    parts = [t.select([*keys, *evidence]) for t in tables if t.num_rows]
    if not parts:
        return
    table = pa.concat_tables(parts).combine_chunks()
    table = table.append_column("order", pa.array(range(table.num_rows), pa.int64()))
    grouped = table.group_by(keys, use_threads=False).aggregate(
        [("order", "min"), ("order", "count"), *((c, "list") for c in evidence), *((c, "count") for c in evidence)])
    grouped = grouped.sort_by("order_min")
    lists = [pc.if_else(pc.greater(grouped[f"{c}_count"], 0), grouped[f"{c}_list"],
                        pa.scalar(None, grouped[f"{c}_list"].type)) for c in evidence]
    ident = join_rows([grouped["type"], ":", grouped["source"], "->", grouped["target"]])
    merged = pa.table([grouped["source"], grouped["target"], ident, grouped["type"], grouped["order_count"], *lists],
                      schema=MERGED_SCHEMA)
    for start in range(0, merged.num_rows, BATCH_ROWS):
        yield merged.slice(start, BATCH_ROWS).combine_chunks()


def join_rows(parts: list) -> pa.Array:
    """Each row's parts (arrays or strings) joined, null parts left out.

    Every row needs a part that is not null: pyarrow 26 drops rows whose parts are all null.
    """
    parts = [text(p) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*parts, text(""), null_handling="skip")


def write_text(fh, lines: pa.Array, skip: int = 0) -> None:
    """Write a string array's characters to a binary file as they lie in its buffer, less the first ``skip`` bytes."""
    if not len(lines):
        return
    offsets = pa.Array.from_buffers(pa.int32(), len(lines) + 1, [None, lines.buffers()[1]], offset=lines.offset)
    start, end = offsets[0].as_py() + skip, offsets[-1].as_py()
    fh.write(memoryview(lines.buffers()[2])[start:end])
