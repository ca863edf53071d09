"""The one row model every sink reads: typed Arrow tables derived from :mod:`kg.schema`.

A graph travels between the stages and the sinks as *rows*. One document's rows
(or the entities of a build, or a whole ``networkx`` graph) are two Arrow tables:

- a node table of :func:`node_schema`: the union of every label's properties
  (:data:`kg.schema.NODE_PROPERTIES`), a row filling only its label's columns;
- an edge table of :func:`edge_schema`: ``type``, ``source``, ``target``,
  ``source_label``, ``target_label`` and the union of every relationship type's
  properties (edges have no id).

:class:`Rows` is what a sink reads: node tables, then edge tables, in a stable
order, without holding the whole graph. :func:`select` narrows a union table to
one label or relationship type with that label's typed columns, which is what
typed sinks (the embedded store, Parquet, neo4j-admin CSV) write. Every sink takes :func:`as_rows` (Rows, or a
``networkx`` graph) and reads it in :func:`batches`.

Values follow one rule on every route: the empty string is not a value, so it is
stored as null, as a missing value is; lists are kept as lists (an empty list is
a value). Sinks that cannot hold null leave the property out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_ENDPOINTS, REL_TYPES, check_label, check_rel_type

#: a node: (id, attributes); an edge: (source, target, attributes with its ``type``)
NodeRow = tuple[str, dict]
EdgeRow = tuple[str, str, dict]

#: schema type (as written in kg.schema) -> Arrow type
ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list[str]": pa.list_(pa.string()),
    "list[int]": pa.list_(pa.int64()),
}
#: the columns that place an edge: its two ends and their labels (its ``type`` comes first, beside them)
ENDPOINTS = ("source", "target", "source_label", "target_label")
#: rows per batch (:func:`batches`)
BATCH_ROWS = 65536
#: id prefix (``agency`` of ``agency_1f3a…``, see :func:`kg.ids.stable_id`) -> label
_LABEL_OF_PREFIX = {label.lower(): label for label in NODE_LABELS}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _union(tables: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for props in tables:
        for name, ptype in props.items():
            if out.setdefault(name, ptype) != ptype:
                raise ValueError(f"kg.schema gives {name!r} two types: {out[name]} and {ptype}")
    return out


#: property -> schema type over every label / every relationship type
NODE_COLUMNS: dict[str, str] = _union(NODE_PROPERTIES[label] for label in NODE_LABELS)
EDGE_COLUMNS: dict[str, str] = {"type": "str", **{e: "str" for e in ENDPOINTS},
                                **_union(EDGE_PROPERTIES[t] for t in REL_TYPES)}


def _schema(columns: dict[str, str]) -> pa.Schema:
    return pa.schema([pa.field(name, ARROW_TYPES[ptype]) for name, ptype in columns.items()])


@lru_cache(maxsize=None)
def node_schema() -> pa.Schema:
    """The union schema of node tables."""
    return _schema(NODE_COLUMNS)


@lru_cache(maxsize=None)
def edge_schema() -> pa.Schema:
    """The union schema of edge tables."""
    return _schema(EDGE_COLUMNS)


@lru_cache(maxsize=None)
def label_schema(label: str) -> pa.Schema:
    """The typed columns of one node label (its properties, ``id`` first)."""
    return _schema(NODE_PROPERTIES[check_label(label)])


@lru_cache(maxsize=None)
def type_schema(rel: str) -> pa.Schema:
    """The typed columns of one relationship type: ``source``, ``target``, then its properties."""
    return _schema({"source": "str", "target": "str", **EDGE_PROPERTIES[check_rel_type(rel)]})


def label_of_id(node: str) -> str | None:
    """The label a :func:`kg.ids.stable_id` names (``agency_1f3a…`` -> ``Agency``), or None."""
    prefix, sep, _ = str(node).partition("_")
    return _LABEL_OF_PREFIX.get(prefix) if sep else None


def _columns(schema: pa.Schema, n: int) -> dict[str, list]:
    return {name: [None] * n for name in schema.names}


def _fill(columns: dict[str, list], i: int, attrs: dict) -> None:
    """Row ``i`` of ``columns`` from ``attrs``, "" as null, only the columns it has
    (``pa.Table.from_pylist`` looks up every column of the schema in every row)."""
    for k, v in attrs.items():
        col = columns.get(k)
        if col is not None:
            col[i] = None if v == "" else v


def node_table(nodes: Iterable[NodeRow]) -> pa.Table:
    """A node table of ``(id, attributes)`` rows (attributes as :mod:`kg.schema` names them)."""
    nodes = list(nodes)
    schema = node_schema()
    columns = _columns(schema, len(nodes))
    ids = columns["id"]
    for i, (ident, attrs) in enumerate(nodes):
        _fill(columns, i, attrs)
        ids[i] = None if ident == "" else ident
    return pa.Table.from_arrays(list(columns.values()), schema=schema)


def edge_table(edges: Iterable[EdgeRow], labels: dict[str, str] | None = None) -> pa.Table:
    """An edge table of ``(source, target, attributes)`` rows (the attributes hold the ``type``).

    Endpoint labels come from ``labels`` (node id -> label) or else from the ids.
    """
    labels = labels or {}
    edges = list(edges)
    schema = edge_schema()
    columns = _columns(schema, len(edges))
    sources, targets = columns["source"], columns["target"]
    source_labels, target_labels = columns["source_label"], columns["target_label"]
    for i, (u, v, attrs) in enumerate(edges):
        _fill(columns, i, attrs)
        sources[i], targets[i] = (None if u == "" else u), (None if v == "" else v)
        source_labels[i] = labels.get(u) or label_of_id(u)
        target_labels[i] = labels.get(v) or label_of_id(v)
    return pa.Table.from_arrays(list(columns.values()), schema=schema)


def row_columns(rows: list[tuple[tuple[str, ...], tuple]], n: int) -> dict[str, list]:
    """The columns of ``n`` rows given as (property names, values), "" as null: the rows that share their names
    are turned into columns at once, and their values put in place."""
    groups: dict[int, tuple[tuple[str, ...], list[int], list[tuple]]] = {}
    for i, (names, values) in enumerate(rows):
        group = groups.get(id(names))
        if group is None:
            groups[id(names)] = (names, [i], [values])
        else:
            group[1].append(i)
            group[2].append(values)
    columns: dict[str, list] = {}
    for names, where, values in groups.values():
        for name, column in zip(names, zip(*values)):
            col = columns.get(name)
            if col is None:
                col = columns[name] = [None] * n
            if "" in column:
                column = [None if v == "" else v for v in column]
            for i, v in zip(where, column):
                col[i] = v
    return columns


def column_tables(columns: dict[str, list], n: int, schema: pa.Schema, rows: int | None = None) -> Iterator[pa.Table]:
    """Tables of ``schema`` (of at most ``rows`` rows each) from ``columns`` of ``n`` values; a column missing
    from ``columns`` is null."""
    step = rows or max(n, 1)
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        whole = lo == 0 and hi == n  # the usual case: no copy of the columns
        yield pa.Table.from_arrays(
            [pa.array(columns[f.name] if whole else columns[f.name][lo:hi], f.type) if f.name in columns
             else pa.array([None] * (hi - lo), f.type) if pa.types.is_list(f.type) else pa.nulls(hi - lo, f.type)
             for f in schema], schema=schema)


def select(table: pa.Table, name: str) -> pa.Table:
    """The rows of one label (node table) or relationship type (edge table), with its typed columns."""
    if "type" in table.column_names and "source" in table.column_names:  # select, then filter: fewer columns
        return table.select(type_schema(name).names).filter(pc.equal(table["type"], check_rel_type(name)))
    return table.select(label_schema(name).names).filter(pc.equal(table["label"], check_label(name)))


def split(table: pa.Table) -> Iterator[tuple[str, pa.Table]]:
    """(label or relationship type, :func:`select` of its rows) for each one a node or edge table holds, sorted."""
    for name in pc.unique(table["type" if "source" in table.column_names else "label"]).sort().to_pylist():
        yield name, select(table, name)


def endpoint_pairs(rel: str) -> list[tuple[str, str]]:
    """Every (from label, to label) that :data:`kg.schema.REL_ENDPOINTS` allows for ``rel``."""
    starts, ends = REL_ENDPOINTS[check_rel_type(rel)]
    return [(a, b) for a in starts for b in ends]


@lru_cache(maxsize=1)
def _edge_kinds() -> pa.Array:
    """"type source_label target_label" of every edge that kg.schema.REL_ENDPOINTS allows (made when first needed:
    pyarrow loads pandas when it makes an array of Python values)."""
    return pa.array([f"{rel} {a} {b}" for rel in REL_TYPES for a, b in endpoint_pairs(rel)])


def off_schema(table: pa.Table) -> str | None:
    """The first row of a node table whose label, or of an edge table whose type and end labels, :mod:`kg.schema`
    does not allow (null is not allowed either), named in one line for an error message; None if every row fits."""
    edges = "source" in table.column_names
    if edges:
        kinds = pc.binary_join_element_wise(table["type"], table["source_label"], table["target_label"], " ")
        ok = pc.fill_null(pc.is_in(kinds, value_set=_edge_kinds()), False)
    else:
        ok = pc.fill_null(pc.is_in(table["label"], value_set=pa.array(NODE_LABELS)), False)
    if pc.all(ok).as_py():
        return None
    bad = table.filter(pc.invert(ok)).slice(0, 1).to_pylist()[0]
    if not edges:
        return f"node {bad['id']}: label {bad['label']!r} is not in kg.schema.NODE_LABELS"
    edge = f"edge {bad['type']} {bad['source']} -> {bad['target']}"
    if bad["type"] not in REL_TYPES:
        return f"{edge}: relationship type {bad['type']!r} is not in kg.schema.REL_TYPES"
    return f"{edge} goes {bad['source_label']} -> {bad['target_label']}, which kg.schema.REL_ENDPOINTS does not allow"


class Rows(Protocol):
    """Rows of a graph as a sink reads them: node tables, then edge tables, in a stable order."""

    def node_tables(self) -> Iterator[pa.Table]:
        """Node tables of :func:`node_schema` (entities first, then each document's)."""
        ...

    def edge_tables(self) -> Iterator[pa.Table]:
        """Edge tables of :func:`edge_schema`, each document's in order."""
        ...


@dataclass
class TableRows:
    """:class:`Rows` held in memory."""

    nodes: list[pa.Table] = field(default_factory=list)
    edges: list[pa.Table] = field(default_factory=list)

    def node_tables(self) -> Iterator[pa.Table]:
        return iter(self.nodes)

    def edge_tables(self) -> Iterator[pa.Table]:
        return iter(self.edges)


def graph_rows(g) -> TableRows:
    """The rows of a ``networkx.MultiDiGraph`` that follows :mod:`kg.schema`."""
    labels = {n: a.get("label") for n, a in g.nodes(data=True)}
    nodes = node_table(g.nodes(data=True))
    edges = edge_table(g.edges(data=True), labels)
    return TableRows([nodes], [edges])


def as_rows(graph) -> Rows:
    """``graph`` as :class:`Rows`: Rows as they are, a ``networkx`` graph through :func:`graph_rows`.

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


def batches(tables: Iterable[pa.Table], rows: int = BATCH_ROWS, ahead: bool = False) -> Iterator[pa.Table]:
    """The rows of ``tables`` in order, as tables of about ``rows`` rows, each column one chunk: a build's small
    per-document tables joined, so the fixed cost of each Arrow kernel call is paid rarely while memory stays one
    batch. With ``ahead``, the next batch is read and joined in a thread while the caller works on this one (two
    batches in memory; reading the cache and Arrow's kernels release the GIL)."""
    parts = merged(zip(tables), rows)
    if not ahead:
        yield from (table for (table,) in parts)
        return
    with ThreadPoolExecutor(1) as pool:
        coming = pool.submit(next, parts, None)
        while (batch := coming.result()) is not None:
            coming = pool.submit(next, parts, None)
            yield batch[0]


@dataclass
class Delta:
    """What changed since a sink was last written, worked out once by the pipeline.

    A sink applies it in this order: delete every row of ``remove_docs`` (the
    document's nodes, and every edge whose ``doc`` is one of them), the nodes
    ``remove_nodes`` (ids; entities, or nodes an edited document lost) with their edges, and for each row of
    ``remove_edges`` (``type``, ``source``, ``target``, their labels, ``doc``) every edge of that type between
    those ends (stated by that ``doc`` when the type has one); merge the node rows of ``entities`` (new or
    changed attributes: entities, and nodes an edited document kept; per label, only the properties ``columns``
    names, when it names the label's); add ``rows`` (nodes, then edges).
    """

    remove_docs: set[str] = field(default_factory=set)
    remove_nodes: set[str] = field(default_factory=set)
    remove_edges: pa.Table | None = None
    entities: pa.Table | None = None
    columns: dict[str, set[str]] | None = None
    rows: TableRows = field(default_factory=TableRows)

    def __bool__(self) -> bool:
        return bool(self.remove_docs or self.remove_nodes
                    or any(t is not None and t.num_rows for t in (self.remove_edges, self.entities))
                    or any(t.num_rows for t in self.rows.nodes) or any(t.num_rows for t in self.rows.edges))


class Sink(Protocol):
    """What the store (:class:`kg.sinks.store.Store`), Neo4j (:class:`kg.sinks.neo4j.Neo4jSink`) and the file
    exports (:class:`kg.sinks.exports.FileExport`) do with a build's rows.

    ``write`` puts everything; ``apply`` brings the sink from the last build's graph to this one's
    given the :class:`Delta` the pipeline works out once (with all ``rows`` for a sink that rewrites
    anyway). Both return a report of what was written.
    """

    def write(self, rows: Rows) -> object:
        """Write every row (replacing what the sink held)."""
        ...

    def apply(self, delta: Delta, rows: Rows) -> object:
        """Apply ``delta`` (documents removed, added or changed; entities changed); ``rows`` are the whole build."""
        ...


def to_networkx(rows: Rows):
    """A ``networkx.MultiDiGraph`` of ``rows``: every property of a node's label (null as None), and an
    edge's ``type`` with every property of its type."""
    import networkx as nx

    g = nx.MultiDiGraph(kg_schema="kg/2")
    for table in rows.node_tables():
        for label in _present(table, "label", NODE_LABELS):
            for row in select(table, label).to_pylist():
                g.add_node(row["id"], **row)
    for table in rows.edge_tables():
        for rel in _present(table, "type", REL_TYPES):
            for row in select(table, rel).to_pylist():
                u, v = row.pop("source"), row.pop("target")
                g.add_edge(u, v, type=rel, **row)
    return g


def _present(table: pa.Table, column: str, order: tuple[str, ...]) -> list[str]:
    """The values of ``column`` in ``table``, in the order of ``order``."""
    there = set(pc.unique(table[column]).to_pylist()) if table.num_rows else set()
    return [name for name in order if name in there]
