"""What the writers share: element ids, merged edges, typed attributes read back, rendering into a file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc

from kg.rows import ARROW_TYPES, BATCH_ROWS, EDGE_COLUMNS, ENDPOINTS, NODE_COLUMNS, Rows, batches
from kg.sinks.exports.values import decode, fragment, text

#: the graph attribute every export carries (as :func:`kg.rows.to_networkx` sets it)
GRAPH_ATTRS = {"kg_schema": "kg/2"}
#: the columns of a merged edge (see :func:`merged_edges`) and their types
MERGED_COLUMNS = {"source": "str", "target": "str", "id": "str", "type": "str", "count": "int", "docs": "list[str]",
                  "starts": "list[int]", "ends": "list[int]"}
MERGED_SCHEMA = pa.schema([(name, ARROW_TYPES[ptype]) for name, ptype in MERGED_COLUMNS.items()])
#: the columns that place an element rather than describe it: its id, an edge's ends and their labels
PLACE = ("id", *ENDPOINTS)


def typed_attributes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` as read from a file with each attribute decoded by its column's type and each node's ``id`` set."""
    for n, attrs in g.nodes(data=True):
        attrs.update({k: decode(v, NODE_COLUMNS.get(k, "str")) for k, v in attrs.items()}, id=n)
    for *_, attrs in g.edges(data=True):
        attrs.update({k: decode(v, EDGE_COLUMNS.get(k) or MERGED_COLUMNS.get(k, "str")) for k, v in attrs.items()})
    return g


def edge_batches(rows: Rows, merge_parallel: bool = False) -> Iterator[pa.Table]:
    """The edges of ``rows`` in batches with an element id each (``id``): ``e0``, ``e1``, … in stream order
    (edges carry no id of their own), or merged by :func:`merged_edges`."""
    if merge_parallel:
        yield from merged_edges(rows.edge_tables())
        return
    done = 0
    for table in batches(rows.edge_tables(), ahead=True):
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

    A merged edge has the id ``TYPE:source->target``, ``count`` and the evidence of the edges it stands for, in
    their order: ``docs``, ``starts`` and ``ends``, each null where its type has no such property (a mention's
    document is its sentence's; structural edges have none). Unlike the other writers this holds the key columns
    of every edge (ends, docs, offsets; no text) in memory at once.
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
