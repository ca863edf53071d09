"""The embedded Cypher store: the graph in a ladybug (Kùzu) database file.

One node table per label of :data:`kg.schema.NODE_LABELS` and one relationship
table per type of :data:`kg.schema.REL_TYPES`, with every FROM/TO pair of
:data:`kg.schema.REL_ENDPOINTS`, so a query names a relationship by its type on
either engine. Columns and their types come from
:data:`kg.schema.NODE_PROPERTIES` and :data:`kg.schema.EDGE_PROPERTIES`.

Writing a new store happens in two steps, so that the first can run where each
document's rows are rendered (a worker process) and the second is little more
than the bulk loads:

1. :func:`render_store_parts` renders rows into *parts*: a dict from part name to
   bytes, ``store:node:<Label>`` and ``store:rel:<TYPE>:<From>:<To>`` (see
   :func:`node_part`, :func:`rel_part`) holding CSV lines of one table, and
   ``store:later`` (:data:`LATER_PART`) holding JSON lines of the values the
   CSV cannot carry. An edge endpoint that is not among the rows' nodes takes
   its label from its id (every node id is a :func:`kg.ids.stable_id`,
   ``<label lower>_<16 hex>``).
2. :func:`write_store_parts` appends the parts of a stream of chunks to CSV
   spool files, per table (a new file every ``_PART_BYTES`` bytes), in a
   temporary folder beside the store, then creates the database there, loads
   each file with one ``COPY <table> FROM '<file>'`` (ladybug's own CSV reader;
   node tables first) and deletes it, sets the ``store:later`` values by
   parameter, and moves the database over the old store. The database runs
   with a capped buffer pool and one thread and is reopened after every load,
   which gives that load's memory back.

:func:`write_store_rows` (and :func:`write_store` on top of it) renders rows in
batches and hands them to :func:`write_store_parts`; what it keeps in memory is
one entry per node (id -> label), to check every edge's endpoints up front.

The CSV is written so that every value comes back exactly as it is in the graph:

- every string is quoted (``"`` doubled); ``None`` is an empty unquoted field,
  which the reader takes as NULL, while a quoted ``""`` is the empty string;
- ``list[int]`` is ladybug's list literal ``"[1,2]"``;
- ``list[str]`` cannot use the list literal (ladybug keeps quotes inside list
  elements and trims spaces), so a list is written as one string with its
  elements joined by U+001F and split again by ``string_split`` in a
  ``COPY ... FROM (LOAD ... RETURN ...)`` subquery (``[]`` is the empty
  string). ``string_split`` drops empty elements, so a list with an empty
  element or one containing U+001F is written as NULL and set afterwards with
  a parameterised query (those rows go to a spool file of their own);
- floats are written with ``repr`` (shortest text that reads back to the same
  double), booleans as ``true``/``false``.

:func:`update_store` changes an existing store in place for a few changed
documents, with parameterised ``MERGE``/``DELETE`` queries in one transaction.

Ladybug's parser reserves some property names (``end``): write them with
backticks (``n.`end```), which Neo4j reads as well.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
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

#: rows per parameterised statement in :func:`update_store`
_CHUNK = 2000

#: ladybug's buffer pool while writing (its default is ~80% of the machine's memory); a bulk load
#: that fills it is retried with a pool twice as large, up to MAX_BUFFER_POOL_SIZE
BUFFER_POOL_SIZE = 512 * 1024 * 1024
MAX_BUFFER_POOL_SIZE = 8 * 1024 * 1024 * 1024

#: bytes per spool file (a new file once a table's file has reached it), which bounds what one COPY reads
_PART_BYTES = 32 * 1024 * 1024

#: rows per chunk that write_store_rows renders and hands to write_store_parts
_BATCH_ROWS = 20_000

#: CSV options of every spool file (no header, no dialect sniffing; quoted newlines need PARALLEL=false)
_CSV_OPTIONS = "HEADER=false, PARALLEL=false, DELIM=',', QUOTE='\"', ESCAPE='\"', AUTO_DETECT=false"

#: list[str] element separator in the spool files
_SEP = "\x1f"


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


_PAIRS: dict[str, frozenset[tuple[str, str]]] = {rel: frozenset(endpoint_pairs(rel)) for rel in REL_TYPES}


# ------------------------------------------------------------------ values
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


def _row(attrs: dict, props: dict[str, str], where: str, id_: object) -> dict[str, object]:
    """The schema properties of one node or edge, coerced (``id`` from ``id_``)."""
    return {k: _coerce(id_ if k == "id" else attrs.get(k), t, f"{where}.{k}") for k, t in props.items()}


def _csv_str(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _splits_back(v: list[str]) -> bool:
    """Whether ``string_split(join(v))`` gives ``v`` back (it drops empty elements)."""
    return all(e and _SEP not in e for e in v)


def _field(value: object, kind: str, prop: str, what: str, bad: list) -> str:
    """The CSV field of a non-None value that is not already of its column's Python type.

    The value is coerced (a :class:`StoreError` naming ``what.prop`` if it
    cannot be); a list[str] that the CSV cannot carry is appended to ``bad``
    as ``(prop, value)`` and written as NULL.
    """
    v = _coerce(value, kind, f"{what}.{prop}")
    if kind == "str":
        return _csv_str(v)
    if kind == "int":
        return str(v)
    if kind == "float":
        return repr(v)
    if kind == "bool":
        return "true" if v else "false"
    if kind == "list[int]":
        return '"[' + ",".join(map(str, v)) + ']"'
    if not _splits_back(v):  # list[str]
        bad.append((prop, v))
        return ""
    return _csv_str(_SEP.join(v))


#: (properties, relationship table?) -> its line function, generated once
_LINES: dict[tuple, Callable[..., str]] = {}

#: schema type -> the generated test and text of a value that needs no coercion
_FAST: dict[str, tuple[str, str]] = {
    "str": ("type({x}) is str", "'\"' + {x}.replace('\"', '\"\"') + '\"'"),
    "int": ("type({x}) is int", "str({x})"),
    "float": ("type({x}) is float", "repr({x})"),
}


def _line_function(props: dict[str, str], rel: bool) -> Callable[..., str]:
    """The function that renders one CSV line (with ``\\n``) of a table with ``props``.

    ``line(attrs, id_, key, bad)`` for a node table, ``line(attrs, id_, key,
    bad, u, v)`` for a relationship table (whose first two fields are the
    endpoints' ids ``u`` and ``v``): every schema property of ``attrs`` (``id``
    from ``id_``) in schema order, ``None`` as an empty field; a list[str] the
    CSV cannot carry is written as NULL and appended to ``bad`` as
    ``(property, value)``; ``key`` names the row in errors. The code is
    generated per table (1.6 times as fast as a loop over the properties).
    """
    cache_key = (tuple(props.items()), rel)
    fn = _LINES.get(cache_key)
    if fn is not None:
        return fn
    what = "edge" if rel else "node"
    src = [f"def line(attrs, id_, key, bad{', u, v' if rel else ''}):", "    get = attrs.get"]
    names = []
    if rel:
        for e in ("u", "v"):
            src.append(f"    {e} = {e} if type({e}) is str else str({e})")
            src.append(f"    {e} = " + _FAST["str"][1].format(x=e))
        names += ["u", "v"]
    for i, (k, t) in enumerate(props.items()):
        x = f"x{i}"
        names.append(x)
        src.append(f"    {x} = id_" if k == "id" else f"    {x} = get({k!r})")
        src.append(f"    if {x} is None: {x} = ''")
        if t == "bool":
            src.append(f"    elif {x} is True: {x} = 'true'")
            src.append(f"    elif {x} is False: {x} = 'false'")
        elif t in _FAST:
            test, text = _FAST[t]
            src.append(f"    elif {test.format(x=x)}: {x} = {text.format(x=x)}")
        src.append(f"    else: {x} = _field({x}, {t!r}, {k!r}, {what!r} + ' ' + str(key), bad)")
    src.append(f"    return ','.join(({', '.join(names)},)) + '\\n'")
    namespace = {"_field": _field}
    exec("\n".join(src), namespace)  # noqa: S102 - the source is made here from the schema's names
    fn = _LINES[cache_key] = namespace["line"]
    return fn


def _decode_list(col: str) -> str:
    """The subquery expression that turns a spooled list[str] column back into STRING[].

    (Not ``list_transform``: in ladybug 0.22 it blanks elements of long lists.)
    """
    return f"CASE WHEN {col} = '' THEN CAST([] AS STRING[]) ELSE string_split({col}, '\\u001f') END"


def _literal(path: Path) -> str:
    return "'" + str(path).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _copy_statement(table: str, props: dict[str, str], file: Path, pair: tuple[str, str] | None = None) -> str:
    """``COPY`` of one spool file; through a ``LOAD`` subquery when list[str] columns need decoding.

    ``pair`` (from label, to label) for a relationship file, whose first two
    columns are the endpoints' ids.
    """
    options = f" (from='{check_label(pair[0])}', to='{check_label(pair[1])}')" if pair else ""
    if "list[str]" not in props.values():
        inner = f", from='{pair[0]}', to='{pair[1]}'" if pair else ""
        return f"COPY {table} FROM {_literal(file)} ({_CSV_OPTIONS}{inner})"
    types = (["STRING", "STRING"] if pair else []) + ["STRING" if t == "list[str]" else LADYBUG_TYPES[t]
                                                      for t in props.values()]
    decode = ([False, False] if pair else []) + [t == "list[str]" for t in props.values()]
    header = ", ".join(f"c{i} {t}" for i, t in enumerate(types))
    ret = ", ".join(_decode_list(f"c{i}") if d else f"c{i}" for i, d in enumerate(decode))
    return (f"COPY {table} FROM (LOAD WITH HEADERS ({header}) FROM {_literal(file)} ({_CSV_OPTIONS}) "
            f"RETURN {ret}){options}")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def _node_label(n: object, attrs: dict) -> str:
    label = attrs.get("label")
    if label not in NODE_LABELS:
        raise StoreError(f"node {n}: label {label!r} is not in kg.schema.NODE_LABELS")
    return label


# ------------------------------------------------------------------ rendering rows into parts
#: every part name of the embedded store starts with this
PART_PREFIX = "store:"
#: the part of the list[str] values the CSV cannot carry (JSON lines, set by parameter after the copies)
LATER_PART = "store:later"

#: ``kg.ids.stable_id`` prefix (the label in lower case) -> label
_LABEL_OF_PREFIX: dict[str, str] = {label.lower(): label for label in NODE_LABELS}


def node_part(label: str) -> str:
    """The part name of the CSV rows of node table ``label`` (``store:node:Agency``)."""
    return f"{PART_PREFIX}node:{check_label(label)}"


def rel_part(rel: str, a: str, b: str) -> str:
    """The part name of the CSV rows of ``rel`` from ``a`` to ``b`` (``store:rel:CONDUCTS:Agency:Campaign``)."""
    return f"{PART_PREFIX}rel:{check_rel_type(rel)}:{check_label(a)}:{check_label(b)}"


def label_of_id(node: object) -> str | None:
    """The label named by a node id of :func:`kg.ids.stable_id` (``agency_1f3a...`` -> ``Agency``), else None."""
    prefix, sep, _ = str(node).partition("_")
    return _LABEL_OF_PREFIX.get(prefix) if sep else None


def _tables() -> list[tuple[str, str, dict[str, str], tuple[str, str] | None]]:
    """(part name, table, properties, endpoint pair) of every table, in load order (node tables first)."""
    out = [(node_part(label), label, NODE_PROPERTIES[label], None) for label in NODE_LABELS]
    out += [(rel_part(rel, a, b), rel, EDGE_PROPERTIES[rel], (a, b)) for rel in REL_TYPES for a, b in endpoint_pairs(rel)]
    return out


class _Render:
    """Renders rows into the lines of the store's parts; :meth:`take` gives them as a chunk.

    ``label_of`` (node id -> label) gets every node rendered; an edge endpoint
    not in it takes its label from its id when ``by_prefix``, else is an error.
    """

    def __init__(self, label_of: dict, by_prefix: bool) -> None:
        self.label_of = label_of
        self.by_prefix = by_prefix
        self.lines: dict[str, list[str]] = {}
        self.later: list[str] = []
        self._nodes = {label: (node_part(label), _line_function(NODE_PROPERTIES[label], False))
                       for label in NODE_LABELS}
        self._rels = {rel: _line_function(EDGE_PROPERTIES[rel], True) for rel in REL_TYPES}
        self._rel_parts = {(rel, a, b): rel_part(rel, a, b) for rel in REL_TYPES for a, b in endpoint_pairs(rel)}

    def nodes(self, rows: Iterable[tuple[str, dict]]) -> None:
        label_of, lines, tables, bad = self.label_of, self.lines, self._nodes, []
        for n, attrs in rows:
            label = attrs.get("label")
            if label not in tables:
                raise StoreError(f"node {n}: label {label!r} is not in kg.schema.NODE_LABELS")
            part, line = tables[label]
            id_ = attrs.get("id", n)
            text = line(attrs, id_, n, bad)
            if part in lines:
                lines[part].append(text)
            else:
                lines[part] = [text]
            label_of[n] = label
            if bad:
                for k, v in bad:
                    self.later.append(json.dumps(["node", label, k, id_, v], ensure_ascii=False) + "\n")
                bad.clear()

    def _endpoint(self, end: object, k: object) -> str:
        """The label of an endpoint that is not among the nodes rendered."""
        label = label_of_id(end) if self.by_prefix else None
        if label is None:
            if self.by_prefix:
                raise StoreError(f"edge {k}: endpoint {end} is not a node given, and its id names no label "
                                 "of kg.schema.NODE_LABELS")
            raise StoreError(f"edge {k}: endpoint {end} is not a node of the store")
        return label

    def edges(self, rows: Iterable[tuple[str, str, str, dict]]) -> None:
        label_of, lines, rels, rel_parts, bad = self.label_of, self.lines, self._rels, self._rel_parts, []
        for u, v, k, attrs in rows:
            rel = attrs.get("type")
            if rel not in rels:
                raise StoreError(f"edge {k}: type {rel!r} is not in kg.schema.REL_TYPES")
            a = label_of.get(u) or self._endpoint(u, k)
            b = label_of.get(v) or self._endpoint(v, k)
            part = rel_parts.get((rel, a, b))
            if part is None:
                raise StoreError(f"edge {k}: {rel} from {a} to {b} is not in kg.schema.REL_ENDPOINTS")
            id_ = attrs.get("id", k)
            text = rels[rel](attrs, id_, k, bad, u, v)
            if part in lines:
                lines[part].append(text)
            else:
                lines[part] = [text]
            if bad:
                for key, value in bad:
                    self.later.append(json.dumps(["rel", rel, a, b, key, str(u), str(v), id_, value],
                                                 ensure_ascii=False) + "\n")
                bad.clear()

    def take(self) -> dict[str, bytes]:
        """The parts rendered since the last call (non-empty ones only)."""
        lines, later = self.lines, self.later
        self.lines, self.later = {}, []
        try:
            chunk = {part: "".join(rows).encode("utf-8") for part, rows in lines.items()}
            if later:
                chunk[LATER_PART] = "".join(later).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise StoreError(f"a value is not valid text: {exc.reason} ({exc.object[exc.start:exc.end]!r})") from exc
        return chunk


def render_store_parts(
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, str, dict]],
) -> dict[str, bytes]:
    """Render rows into the parts of the embedded store (for :func:`write_store_parts`).

    Meant for one document's rows in the process that renders its chunk: the
    parts are exactly the bytes these rows add to the store's spool files.

    Parameters
    ----------
    nodes : iterable of (node id, attrs)
        As for :func:`write_store_rows`.
    edges : iterable of (source, target, key, attrs)
        Read after ``nodes``. An endpoint that is one of ``nodes`` has that
        node's label; any other endpoint (an entity rendered in another chunk)
        has the label its :func:`kg.ids.stable_id` id names
        (``campaign_1f3a...`` -> ``Campaign``). That the node exists is only
        checked when the store is loaded.

    Returns
    -------
    dict of str to bytes
        The non-empty parts: :func:`node_part` (``store:node:<Label>``) and
        :func:`rel_part` (``store:rel:<TYPE>:<From>:<To>``), UTF-8 CSV lines
        (see the module docstring), and :data:`LATER_PART` (``store:later``),
        UTF-8 JSON lines of the list[str] values the CSV cannot carry.

    Raises
    ------
    StoreError
        A node label, relationship type or endpoint pair outside the schema,
        an endpoint that is neither a node given nor an id with a label
        prefix, a value of the wrong type or one that is not valid text (one line).
    """
    render = _Render({}, by_prefix=True)
    render.nodes(nodes)
    render.edges(edges)
    return render.take()


# ------------------------------------------------------------------ writing a new store
class _Spool:
    """Spool files per part name, a new file every ``_PART_BYTES`` bytes, and the file of :data:`LATER_PART`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names = {part: part[len(PART_PREFIX):].replace(":", ".") for part, *_ in _tables()}
        self.files: dict[str, list[Path]] = {}
        self.later = folder / "later.jsonl"
        self._open: dict[str, object] = {}
        self._size: dict[str, int] = {}

    def add(self, chunk: dict[str, bytes]) -> None:
        for part, data in chunk.items():
            if not data or not part.startswith(PART_PREFIX):
                continue
            f = self._open.get(part)
            if part == LATER_PART:
                if f is None:
                    f = self._open[part] = open(self.later, "wb")
            elif f is None or self._size[part] >= _PART_BYTES:
                if part not in self.names:
                    raise StoreError(f"part {part!r} is not a table of the embedded store")
                if f is not None:
                    f.close()
                files = self.files.setdefault(part, [])
                files.append(self.folder / f"{self.names[part]}.{len(files)}.csv")
                f = self._open[part] = open(files[-1], "wb", buffering=1 << 20)
                self._size[part] = 0
            f.write(data)
            if part != LATER_PART:
                self._size[part] += len(data)

    def close(self) -> None:
        for f in self._open.values():
            f.close()
        self._open.clear()


def write_store_parts(path: Path, chunks: Iterable[dict[str, bytes]]) -> Path:
    """Write a new embedded ladybug database at ``path`` from rendered parts.

    One pass over ``chunks`` appends every part whose name starts with
    :data:`PART_PREFIX` to its spool file in a temporary folder beside
    ``path`` (other parts are ignored; memory is bounded by the largest
    chunk); then ladybug loads each file with one ``COPY ... FROM`` (node
    tables first), the list[str] values of :data:`LATER_PART` are set by
    parameter, and the new database replaces ``path``.

    Parameters
    ----------
    path : Path
        The database (``OUT/store``). An existing store there is replaced once
        the new one is complete; any error leaves it as it was.
    chunks : iterable of dict of str to bytes
        From :func:`render_store_parts`, in row order: a chunk with the nodes
        that other chunks' edges end at (the entities) may come anywhere, as
        every node table is loaded before the relationships.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    StoreError
        A part name outside the store's tables, an edge whose endpoint no
        chunk provides (``edge <id>: endpoint <node> is not a node of the
        store``), or another database error (one line).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    spool_dir = Path(tempfile.mkdtemp(prefix=f".{path.name}.spool-", dir=path.parent))
    try:
        spool = _Spool(spool_dir)
        try:
            for chunk in chunks:
                spool.add(chunk)
        finally:
            spool.close()
        new = spool_dir / path.name
        try:
            with _Database(new) as db:
                for stmt in schema_statements():
                    db.execute(stmt)
                for part, table, props, pair in _tables():
                    for file in spool.files.get(part, []):
                        try:
                            db.copy(_copy_statement(table, props, file, pair))
                        except RuntimeError as exc:
                            raise _copy_error(path, exc, file, table, pair) from exc
                        file.unlink()
                if spool.later.exists():
                    _apply_later(db, spool.later)
        except RuntimeError as exc:
            raise StoreError(f"{path}: {_first_line(exc)}") from exc
        _replace(new, path)
    finally:
        shutil.rmtree(spool_dir, ignore_errors=True)
    return path


def _copy_error(path: Path, exc: RuntimeError, file: Path, table: str, pair: tuple[str, str] | None) -> StoreError:
    """The one-line error of a failed ``COPY``; for an edge to a missing node, the edge and the node."""
    msg = _first_line(exc)
    marker = "Unable to find primary key value "
    if pair is not None and marker in msg:
        node = msg.split(marker, 1)[1].removesuffix(".")
        try:
            with open(file, encoding="utf-8", newline="") as f:
                for row in csv.reader(f):
                    if node in row[:2]:
                        return StoreError(f"{path}: edge {row[2]}: endpoint {node} is not a node of the store")
        except (OSError, csv.Error, IndexError):
            pass
        return StoreError(f"{path}: a {table} edge from {pair[0]} to {pair[1]}: endpoint {node} is not a node of the store")
    return StoreError(f"{path}: {table}: {msg}")


def _replace(new: Path, path: Path) -> None:
    """Move the closed database ``new`` to ``path``, replacing the store there."""
    for p in (path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock")):
        p.unlink(missing_ok=True)
    if path.is_dir():
        shutil.rmtree(path)
    os.replace(new, path)
    wal = new.with_name(new.name + ".wal")
    if wal.exists():
        os.replace(wal, path.with_name(path.name + ".wal"))


def write_store_rows(
    path: Path,
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, str, dict]],
) -> Path:
    """Write a new embedded ladybug database at ``path`` from streamed rows.

    :func:`write_store_parts` over the rows rendered by
    :func:`render_store_parts` in batches of ``_BATCH_ROWS``. Memory does not
    grow with the number of rows, except for one small entry per node (node
    id -> label, to pick each edge's FROM/TO pair and check that it ends at a
    node): the rows go into CSV spool files in a temporary folder beside
    ``path`` (removed at the end; about as large as the CSV, 1.3 GB for 10,000
    documents).

    Parameters
    ----------
    path : Path
        The database (``OUT/store``). An existing store there is replaced, but
        only once the new one is complete: a row that fails the checks or a
        database error leaves it as it was.
    nodes : iterable of (node id, attrs)
        As :func:`kg.graph.build_graph` puts them on the networkx nodes
        (``attrs`` has ``label`` and ``id``; the stored id is ``attrs['id']``,
        else the node id). Each node once.
    edges : iterable of (source, target, key, attrs)
        ``attrs`` has ``type`` and ``id`` (else ``key``). ``edges`` is read only
        after ``nodes`` is exhausted and every endpoint must be one of the
        nodes: give all nodes first, then all edges.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    StoreError
        A node label, relationship type or endpoint pair outside the schema, an
        endpoint that is not a node, a value of the wrong type, or a database
        error (one line).
    """
    render = _Render({}, by_prefix=False)

    def chunks() -> Iterator[dict[str, bytes]]:
        for rows, method in ((nodes, render.nodes), (edges, render.edges)):
            it = iter(rows)
            while batch := list(itertools.islice(it, _BATCH_ROWS)):
                method(batch)
                yield render.take()

    return write_store_parts(path, chunks())


class _Database:
    """A ladybug database opened for writing, with a capped buffer pool and one thread.

    :meth:`copy` reopens the database after each bulk load, which gives the
    memory of that load back (ladybug keeps it otherwise, and a build's peak
    memory would grow with the store), and retries a load that filled the
    buffer pool with one twice as large (up to :data:`MAX_BUFFER_POOL_SIZE`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pool = BUFFER_POOL_SIZE
        self._db = self._conn = None

    def __enter__(self) -> _Database:
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()

    def _open(self) -> None:
        import ladybug

        self._db = ladybug.Database(str(self.path), buffer_pool_size=self.pool, max_num_threads=1)
        self._conn = ladybug.Connection(self._db)

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._db is not None:
            self._db.close()
        self._db = self._conn = None

    def execute(self, stmt: str, params: dict | None = None):
        return self._conn.execute(stmt, params or {})

    def copy(self, stmt: str) -> None:
        while True:
            try:
                self._conn.execute(stmt)
                break
            except RuntimeError as exc:
                if "buffer pool is full" not in str(exc) or self.pool * 2 > MAX_BUFFER_POOL_SIZE:
                    raise
                self.pool *= 2
                self._close()
                self._open()
        self._close()
        self._open()


def _set_node(label: str, key: str) -> str:
    return f"UNWIND $rows AS r MATCH (n:{check_label(label)} {{id: r.id}}) SET n.{_q(key)} = r.v"


def _set_rel(rel: str, a: str, b: str, key: str) -> str:
    return (f"UNWIND $rows AS r MATCH (:{check_label(a)} {{id: r.from}})-[e:{check_rel_type(rel)}]->"
            f"(:{check_label(b)} {{id: r.to}}) WHERE e.id = r.id SET e.{_q(key)} = r.v")


def _later_statement(row: object) -> tuple[str, dict]:
    """The statement and parameter row of one line of :data:`LATER_PART`."""
    try:
        if row[0] == "node" and len(row) == 5:
            _, label, key, id_, value = row
            if NODE_PROPERTIES[check_label(label)].get(key) == "list[str]":
                return _set_node(label, key), {"id": id_, "v": value}
        elif row[0] == "rel" and len(row) == 9:
            _, rel, a, b, key, u, v, id_, value = row
            if EDGE_PROPERTIES[check_rel_type(rel)].get(key) == "list[str]" and (a, b) in _PAIRS[rel]:
                return _set_rel(rel, a, b, key), {"from": u, "to": v, "id": id_, "v": value}
    except (LookupError, TypeError, ValueError):
        pass
    raise StoreError(f"{LATER_PART}: not a value of the store: {json.dumps(row, ensure_ascii=False)[:200]}")


def _apply_later(conn: _Database, file: Path) -> None:
    """Set the spooled list[str] values, consecutive rows of one statement in one call."""
    stmt, rows = None, []
    with open(file, encoding="utf-8") as f:
        for line in f:
            try:
                s, row = _later_statement(json.loads(line))
            except json.JSONDecodeError as exc:
                raise StoreError(f"{LATER_PART}: not JSON: {line[:200]!r}") from exc
            if s != stmt or len(rows) >= _CHUNK:
                if rows:
                    conn.execute(stmt, {"rows": rows})
                stmt, rows = s, []
            rows.append(row)
    if rows:
        conn.execute(stmt, {"rows": rows})


def write_store(g: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph into a new embedded ladybug database at ``path``.

    The same as :func:`write_store_rows` with the graph's nodes and edges.

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
    return write_store_rows(path, g.nodes(data=True), g.edges(keys=True, data=True))


# ------------------------------------------------------------------ updating a store in place
def _sets(var: str, props: dict[str, str]) -> str:
    """``SET`` items of every schema property but ``id``, each cast to its column type.

    (The cast fixes the type of a parameter column that is all NULL or empty
    lists in one batch, which ladybug would otherwise infer as STRING.)
    """
    return ", ".join(f"{var}.{_q(k)} = CAST(r.{_q(k)} AS {LADYBUG_TYPES[t]})"
                     for k, t in props.items() if k != "id")


def _chunks(rows: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def update_store(
    path: Path,
    *,
    remove_docs: Iterable[str] = (),
    remove_nodes: Iterable[str] = (),
    nodes: Iterable[tuple[str, dict]] = (),
    edges: Iterable[tuple[str, str, str, dict]] = (),
) -> Path:
    """Update an existing store in place after a few documents changed.

    In one transaction, in this order:

    1. delete every relationship whose ``doc`` is in ``remove_docs``, every
       node whose ``doc`` is in ``remove_docs`` (Section, Metric) and every
       Document whose ``name`` is in ``remove_docs``, with their relationships;
    2. delete the nodes with an id in ``remove_nodes`` (entities that are gone),
       with their relationships;
    3. upsert ``nodes``: ``MERGE`` by id, then ``SET`` every schema property
       (entities whose properties changed, and the changed documents' own
       Document, Section and Metric nodes);
    4. insert ``edges`` (``MERGE`` by id between the endpoints, then ``SET``
       every schema property); an endpoint is one of ``nodes`` or a node
       already in the store.

    With ``remove_docs`` = the changed (and deleted) documents, ``remove_nodes``
    = the ids that are no longer in the graph, ``nodes`` = the new or changed
    nodes plus every node of the changed documents, and ``edges`` = every edge
    of the changed documents, the store ends equal to one written from scratch
    by :func:`write_store_rows` from the new graph. The rows are held in memory:
    this is for a few documents, not for a corpus.

    Parameters
    ----------
    path : Path
        A store written by :func:`write_store_rows` or :func:`write_store`.
    remove_docs : iterable of str
        Document names (``Document.name``, the ``doc`` property elsewhere).
    remove_nodes : iterable of str
        Node ids, of any label.
    nodes, edges : iterables
        As for :func:`write_store_rows`.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    StoreError
        No store at ``path``, a row outside the schema or with a value of the
        wrong type, an edge endpoint that is in neither ``nodes`` nor the
        store, or a database error (one line); the store is left unchanged.
    """
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path}: no embedded store here")
    docs = sorted({str(d) for d in remove_docs})
    gone = sorted({str(n) for n in remove_nodes})

    upserts: dict[str, list[dict]] = {}
    label_of: dict[object, str] = {}
    for n, attrs in nodes:
        label = _node_label(n, attrs)
        upserts.setdefault(label, []).append(_row(attrs, NODE_PROPERTIES[label], f"node {n}", attrs.get("id", n)))
        label_of[n] = label
    edge_rows = []
    for u, v, k, attrs in edges:
        rel = attrs.get("type")
        if rel not in REL_TYPES:
            raise StoreError(f"edge {k}: type {rel!r} is not in kg.schema.REL_TYPES")
        edge_rows.append((u, v, k, rel, _row(attrs, EDGE_PROPERTIES[rel], f"edge {k}", attrs.get("id", k))))

    try:
        with _Database(path) as db:
            db.execute("BEGIN TRANSACTION")
            try:
                _update(db, docs, gone, upserts, label_of, edge_rows)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
    except RuntimeError as exc:
        raise StoreError(f"{path}: {_first_line(exc)}") from exc
    return path


def _update(conn: _Database, docs: list[str], gone: list[str], upserts: dict[str, list[dict]],
            label_of: dict[object, str], edge_rows: list[tuple]) -> None:
    if docs:
        for rel in REL_TYPES:
            conn.execute(f"MATCH ()-[r:{check_rel_type(rel)}]->() WHERE r.doc IN $docs DELETE r", {"docs": docs})
        for label in NODE_LABELS:
            key = "name" if label == "Document" else "doc"
            if key in NODE_PROPERTIES[label]:  # Document by name, Section and Metric by doc; entities have none
                conn.execute(f"MATCH (n:{check_label(label)}) WHERE n.{_q(key)} IN $docs DETACH DELETE n",
                             {"docs": docs})
    if gone:
        for label in NODE_LABELS:
            for ids in _chunks(gone):
                conn.execute(f"UNWIND $ids AS i MATCH (n:{check_label(label)} {{id: i}}) DETACH DELETE n", {"ids": ids})

    for label, rows in upserts.items():
        stmt = f"UNWIND $rows AS r MERGE (n:{check_label(label)} {{id: r.id}}) SET {_sets('n', NODE_PROPERTIES[label])}"
        for chunk in _chunks(rows):
            conn.execute(stmt, {"rows": chunk})

    # endpoints that are not among the upserted nodes: their labels from the store
    unknown = sorted({str(x) for u, v, *_ in edge_rows for x in (u, v) if x not in label_of})
    for label in NODE_LABELS:
        for ids in _chunks(unknown):
            res = conn.execute(f"UNWIND $ids AS i MATCH (n:{check_label(label)} {{id: i}}) RETURN n.id", {"ids": ids})
            for (found,) in res.get_all():
                label_of.setdefault(found, label)

    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, k, rel, row in edge_rows:
        a, b = label_of.get(u), label_of.get(v)
        for end, label in ((u, a), (v, b)):
            if label is None:
                raise StoreError(f"edge {k}: endpoint {end} is neither in the given nodes nor in the store")
        if (a, b) not in _PAIRS[rel]:
            raise StoreError(f"edge {k}: {rel} from {a} to {b} is not in kg.schema.REL_ENDPOINTS")
        grouped.setdefault((rel, a, b), []).append({"_from": u, "_to": v, **row})
    for (rel, a, b), rows in grouped.items():
        # two MATCH clauses: one pattern with both ends is planned as a cross product of two table scans
        stmt = (f"UNWIND $rows AS r MATCH (a:{check_label(a)} {{id: r._from}}) MATCH (b:{check_label(b)} {{id: r._to}}) "
                f"MERGE (a)-[e:{check_rel_type(rel)} {{id: r.id}}]->(b) SET {_sets('e', EDGE_PROPERTIES[rel])}")
        for chunk in _chunks(rows):
            conn.execute(stmt, {"rows": chunk})
