"""The embedded Cypher store: the graph in a ladybug (Kùzu) database file.

One node table per label of :data:`kg.schema.NODE_LABELS` and one relationship
table per type of :data:`kg.schema.REL_TYPES`, with every FROM/TO pair of
:data:`kg.schema.REL_ENDPOINTS`, so a query names a relationship by its type on
either engine. Columns and their types come from
:data:`kg.schema.NODE_PROPERTIES` and :data:`kg.schema.EDGE_PROPERTIES`.

Writing (:func:`write_store_rows`, and :func:`write_store` on top of it) streams
the rows into CSV spool files, per node label and per relationship type and
endpoint pair (a new part every ``_PART_CHARS`` characters), in a temporary
folder beside the store, then loads each file with one ``COPY <table> FROM
'<file>'`` (ladybug's own CSV reader) and deletes it. The database runs with a
capped buffer pool and one thread and is reopened after every load, which gives
that load's memory back; what Python keeps is one entry per node (id -> label).
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

import io
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
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

#: characters per spool file, which bounds what one COPY statement reads
_PART_CHARS = 32 * 1024 * 1024

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


#: schema type -> CSV field text of a coerced, non-None value
_FIELD: dict[str, Callable[[object], str]] = {
    "str": _csv_str,
    "int": str,
    "float": repr,
    "bool": lambda v: "true" if v else "false",
    "list[int]": lambda v: '"[' + ",".join(map(str, v)) + ']"',
    "list[str]": lambda v: _csv_str(_SEP.join(v)),
}


#: schema type -> the Python type whose values need no coercion
_EXACT: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def _splits_back(v: list[str]) -> bool:
    """Whether ``string_split(join(v))`` gives ``v`` back (it drops empty elements)."""
    return all(e and _SEP not in e for e in v)


def _csv_line(
    attrs: dict, props: dict[str, str], where: str, id_: object,
    later: Callable[[str, list[str]], None], prefix: str = "",
) -> str:
    """One CSV line (with ``\\n``) of the schema properties of a node or edge.

    A list[str] value that the CSV cannot carry is written as NULL and handed
    to ``later(property, value)``.
    """
    fields = [prefix] if prefix else []
    for k, t in props.items():
        v = id_ if k == "id" else attrs.get(k)
        if v is None:
            fields.append("")
            continue
        if type(v) is not _EXACT.get(t):
            v = _coerce(v, t, f"{where}.{k}")
        if t == "list[str]" and not _splits_back(v):
            later(k, v)
            fields.append("")
        else:
            fields.append(_FIELD[t](v))
    return ",".join(fields) + "\n"


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


def _edge_pair(u: object, v: object, k: object, attrs: dict, label_of: Callable[[object], str | None]) -> tuple[str, str, str]:
    rel = attrs.get("type")
    if rel not in REL_TYPES:
        raise StoreError(f"edge {k}: type {rel!r} is not in kg.schema.REL_TYPES")
    a, b = label_of(u), label_of(v)
    for end, label in ((u, a), (v, b)):
        if label is None:
            raise StoreError(f"edge {k}: endpoint {end} is not a node of the store")
    if (a, b) not in _PAIRS[rel]:
        raise StoreError(f"edge {k}: {rel} from {a} to {b} is not in kg.schema.REL_ENDPOINTS")
    return rel, a, b


# ------------------------------------------------------------------ writing a new store
def write_store_rows(
    path: Path,
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, str, dict]],
) -> Path:
    """Write a new embedded ladybug database at ``path`` from streamed rows.

    Memory does not grow with the number of rows, except for one small entry
    per node (node id -> label, to pick each edge's FROM/TO pair, about 120
    bytes): the rows go into CSV spool files in a temporary folder beside
    ``path`` (removed at the end; about as large as the CSV, 1.3 GB for 10,000
    documents), which ladybug then loads with one ``COPY ... FROM`` per file.

    Parameters
    ----------
    path : Path
        The database (``OUT/store``). An existing store there is replaced, but
        only once every row has been read and checked: a row that fails the
        checks leaves it as it was.
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
        error (one line). A database error leaves no store at ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    spool = Path(tempfile.mkdtemp(prefix=f".{path.name}.spool-", dir=path.parent))
    try:
        copies, later = _spool(spool, nodes, edges)
        _remove(path)
        try:
            with _Database(path) as db:
                for stmt in schema_statements():
                    db.execute(stmt)
                for stmt, file in copies:
                    db.copy(stmt)
                    file.unlink()
                _apply_later(db, later)
        except RuntimeError as exc:
            _remove(path)
            raise StoreError(f"{path}: {_first_line(exc)}") from exc
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    return path


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


class _Parts:
    """CSV spool files per table key (label, or type + endpoint labels), a new part every ``_PART_CHARS``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[tuple[str, ...], list[Path]] = {}
        self._open: dict[tuple[str, ...], io.TextIOWrapper] = {}
        self._size: dict[tuple[str, ...], int] = {}

    def write(self, key: tuple[str, ...], line: str) -> None:
        f = self._open.get(key)
        if f is None or self._size[key] >= _PART_CHARS:
            if f is not None:
                f.close()
            parts = self.files.setdefault(key, [])
            parts.append(self.folder / f"{'.'.join(key)}.{len(parts)}.csv")
            f = self._open[key] = open(parts[-1], "w", encoding="utf-8", newline="", buffering=1 << 20)
            self._size[key] = 0
        f.write(line)
        self._size[key] += len(line)

    def close(self) -> None:
        for f in self._open.values():
            f.close()
        self._open.clear()


def _spool(
    folder: Path,
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, str, dict]],
) -> tuple[list[tuple[str, Path]], Path]:
    """Write the rows into CSV files in ``folder``.

    Returns the ``COPY`` statements with their files, in load order (node
    tables first), and the JSON-lines file of the values to set after the
    copies (``[statement, row]``).
    """
    label_index = {label: i for i, label in enumerate(NODE_LABELS)}
    label_of: dict[str, int] = {}
    parts = _Parts(folder)
    later_file = folder / "later.jsonl"
    later_out: list[io.TextIOWrapper] = []

    def later(stmt: str, row: dict) -> None:
        if not later_out:
            later_out.append(open(later_file, "w", encoding="utf-8"))
        later_out[0].write(json.dumps([stmt, row], ensure_ascii=False) + "\n")

    try:
        for n, attrs in nodes:
            label = _node_label(n, attrs)
            id_ = attrs.get("id", n)
            parts.write((label,), _csv_line(
                attrs, NODE_PROPERTIES[label], f"node {n}", id_,
                lambda k, v: later(_set_node(label, k), {"id": id_, "v": v})))
            label_of[n] = label_index[label]

        def lookup(n: object) -> str | None:
            i = label_of.get(n)
            return None if i is None else NODE_LABELS[i]

        for u, v, k, attrs in edges:
            rel, a, b = _edge_pair(u, v, k, attrs, lookup)
            id_ = attrs.get("id", k)
            parts.write((rel, a, b), _csv_line(
                attrs, EDGE_PROPERTIES[rel], f"edge {k}", id_,
                lambda key, value: later(_set_rel(rel, a, b, key), {"from": u, "to": v, "id": id_, "v": value}),
                prefix=f"{_csv_str(str(u))},{_csv_str(str(v))}"))
    except UnicodeEncodeError as exc:
        raise StoreError(f"a value is not valid text: {exc.reason} ({exc.object[exc.start:exc.end]!r})") from exc
    finally:
        parts.close()
        for f in later_out:
            f.close()

    copies = []
    for label in NODE_LABELS:
        for file in parts.files.get((label,), []):
            copies.append((_copy_statement(label, NODE_PROPERTIES[label], file), file))
    for rel in REL_TYPES:
        for a, b in endpoint_pairs(rel):
            for file in parts.files.get((rel, a, b), []):
                copies.append((_copy_statement(rel, EDGE_PROPERTIES[rel], file, (a, b)), file))
    return copies, later_file


def _apply_later(conn: _Database, file: Path) -> None:
    """Run the spooled ``[statement, row]`` lines, consecutive rows of one statement in one call."""
    if not file.exists():
        return
    stmt, rows = None, []
    with open(file, encoding="utf-8") as f:
        for line in f:
            s, row = json.loads(line)
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
