"""The embedded Cypher store: the graph in a ladybug (Kùzu) database file.

One node table per label of :data:`kg.schema.NODE_LABELS` and one relationship
table per type of :data:`kg.schema.REL_TYPES`, with every FROM/TO pair of
:data:`kg.schema.REL_ENDPOINTS`, so a query names a relationship by its type on
either engine. Columns and their types come from
:data:`kg.schema.NODE_PROPERTIES` and :data:`kg.schema.EDGE_PROPERTIES`.

Rows are bulk-loaded with ``COPY <table> FROM (UNWIND $rows ...)``: the values
travel as query parameters, so Chinese text, quotes, commas, newlines, empty
strings, ``None`` and lists arrive exactly as they are in the graph, with no
CSV quoting rules in between.

Ladybug's parser reserves some property names (``end``): write them with
backticks (``n.`end```), which Neo4j reads as well.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.schema import (
    EDGE_PROPERTIES,
    NODE_LABELS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_TYPES,
    check_label,
    check_rel_type,
)

#: schema type (as written in kg.schema) -> ladybug column type
LADYBUG_TYPES: dict[str, str] = {
    "str": "STRING",
    "int": "INT64",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "list[str]": "STRING[]",
    "list[int]": "INT64[]",
}

#: rows per COPY statement (bounds the size of one parameter list)
_CHUNK = 20000


class StoreError(Exception):
    """The graph could not be written to the embedded store (one-line message)."""


def _q(name: str) -> str:
    """Backtick-quote a column name (``end``, ``type`` ... are keywords to the parser)."""
    if "`" in name:
        raise ValueError(f"property name not allowed: {name!r}")
    return f"`{name}`"


def _columns(props: dict[str, str]) -> str:
    return ", ".join(f"{_q(k)} {LADYBUG_TYPES[t]}" for k, t in props.items())


def schema_statements() -> list[str]:
    """The DDL of the store, derived from :mod:`kg.schema`.

    Returns
    -------
    list of str
        ``CREATE NODE TABLE`` statements (primary key ``id``) for every label,
        then one ``CREATE REL TABLE`` per relationship type listing all of its
        FROM/TO pairs.
    """
    stmts = []
    for label in NODE_LABELS:
        stmts.append(f"CREATE NODE TABLE {check_label(label)}({_columns(NODE_PROPERTIES[label])}, PRIMARY KEY(`id`))")
    for rel in REL_TYPES:
        pairs = ", ".join(f"FROM {check_label(a)} TO {check_label(b)}" for a, b in endpoint_pairs(rel))
        stmts.append(f"CREATE REL TABLE {check_rel_type(rel)}({pairs}, {_columns(EDGE_PROPERTIES[rel])})")
    return stmts


def endpoint_pairs(rel: str) -> list[tuple[str, str]]:
    """Every (from label, to label) pair allowed for relationship type ``rel``."""
    froms, tos = REL_ENDPOINTS[rel]
    return [(a, b) for a in froms for b in tos]


def _coerce(value: object, kind: str, where: str) -> object:
    if value is None:
        return None
    try:
        if kind == "str":
            return str(value)
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return bool(value)
        if kind == "list[str]":
            return [str(v) for v in value]
        if kind == "list[int]":
            return [int(v) for v in value]
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{where}: value {value!r} is not {kind}") from exc
    raise StoreError(f"{where}: unknown schema type {kind!r}")


def _row(attrs: dict, props: dict[str, str], where: str) -> dict[str, object]:
    return {k: _coerce(attrs.get(k), t, f"{where}.{k}") for k, t in props.items()}


def _copy(conn, table: str, columns: Iterable[str], rows: list[dict], options: str = "") -> None:
    cols = list(columns)
    ret = ", ".join(f"r.{_q(c)}" for c in cols)
    stmt = f"COPY {table} FROM (UNWIND $rows AS r RETURN {ret}){options}"
    for i in range(0, len(rows), _CHUNK):
        conn.execute(stmt, {"rows": rows[i:i + _CHUNK]})


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def write_store(g: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph into a new embedded ladybug database at ``path``.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A graph following :mod:`kg.schema` (from :func:`kg.graph.build_graph`
        or :func:`kg.sinks.exports.read_json`).
    path : Path
        The database (``OUT/store``); an existing store there is replaced.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    StoreError
        A node label, relationship type or endpoint pair outside the schema,
        a value of the wrong type, or a database error.
    """
    import ladybug

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove(path)

    nodes: dict[str, list[dict]] = defaultdict(list)
    label_of: dict[str, str] = {}
    for n, attrs in g.nodes(data=True):
        label = attrs.get("label")
        if label not in NODE_LABELS:
            raise StoreError(f"node {n}: label {label!r} is not in kg.schema.NODE_LABELS")
        row = _row({**attrs, "id": attrs.get("id", n)}, NODE_PROPERTIES[label], f"node {n}")
        label_of[n] = label
        nodes[label].append(row)

    rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, k, attrs in g.edges(keys=True, data=True):
        rel = attrs.get("type")
        if rel not in REL_TYPES:
            raise StoreError(f"edge {k}: type {rel!r} is not in kg.schema.REL_TYPES")
        pair = (label_of[u], label_of[v])
        if pair not in endpoint_pairs(rel):
            raise StoreError(f"edge {k}: {rel} from {pair[0]} to {pair[1]} is not in kg.schema.REL_ENDPOINTS")
        row = _row({**attrs, "id": attrs.get("id", k)}, EDGE_PROPERTIES[rel], f"edge {k}")
        rels[(rel, *pair)].append({"_from": u, "_to": v, **row})

    db = ladybug.Database(str(path))
    try:
        conn = ladybug.Connection(db)
        try:
            for stmt in schema_statements():
                conn.execute(stmt)
            for label in NODE_LABELS:
                if nodes[label]:
                    _copy(conn, label, NODE_PROPERTIES[label], nodes[label])
            for rel in REL_TYPES:
                for a, b in endpoint_pairs(rel):
                    rows = rels.get((rel, a, b))
                    if rows:
                        _copy(conn, rel, ["_from", "_to", *EDGE_PROPERTIES[rel]], rows,
                              f" (from='{a}', to='{b}')")
        finally:
            conn.close()
    except RuntimeError as exc:
        raise StoreError(f"{path}: {str(exc).splitlines()[0]}") from exc
    finally:
        db.close()
    return path
