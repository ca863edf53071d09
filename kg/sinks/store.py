"""The embedded Cypher store: the graph in a ladybug (Kùzu) database file.

One node table per label and one relationship table per type (:func:`schema_statements`), so a query names a
relationship by its type on either engine. A node's key is a serial ``_n`` with no hash index (which would be most
of the file), ``id`` an ordinary property; relationships are copied with their ends' serials (:class:`_Ends`).
:func:`write_store` writes a new database with ladybug's bulk ``COPY`` (nodes from a Parquet spool, one COPY per
label; relationships from Arrow tables), :func:`update_store` applies a :class:`kg.rows.Delta`; either way the
database is made beside the store and moved over it, so a reader sees the old store or the new one.

Ladybug's parser reserves some property names (``end``): write them with backticks (``n.`end```), which Neo4j
reads as well.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kg.rows import (Delta, Rows, as_rows, batches, endpoint_pairs, label_of_id, label_schema, off_schema, select,
                     split, type_schema)
from kg.schema import DOC_LABELS, GLOBAL_LABELS, NODE_LABELS, REL_TYPES, SEMANTIC_REL_TYPES, check_label, check_rel_type

#: schema type (as written in kg.schema) -> ladybug column type
LADYBUG_TYPES: dict[pa.DataType, str] = {pa.string(): "STRING", pa.int64(): "INT64", pa.float64(): "DOUBLE",
                                         pa.bool_(): "BOOLEAN", pa.list_(pa.string()): "STRING[]",
                                         pa.list_(pa.int64()): "INT64[]"}
#: ladybug's buffer pool while writing (its default is ~80% of the machine's memory); a load that
#: fills it is retried with a pool twice as large, up to MAX_BUFFER_POOL_SIZE
BUFFER_POOL_SIZE = 512 * 1024 * 1024
MAX_BUFFER_POOL_SIZE = 8 * 1024 * 1024 * 1024
#: rows read per batch; relationship rows held for COPY (a COPY into a table that holds rows costs ~0.1 s beyond its
#: rows, so each endpoint pair's rows wait until HELD_ROWS are held in all, then the largest are copied)
COPY_ROWS = 200_000
HELD_ROWS = 1_000_000


class StoreError(Exception):
    """The graph could not be written to the embedded store (one-line message)."""


def _q(name: str) -> str:
    """Backtick-quote a column name (``end``, ``type`` ... are keywords to the parser)."""
    if "`" in name:
        raise ValueError(f"property name not allowed: {name!r}")
    return f"`{name}`"


def _param(field: pa.Field) -> str:
    """The column ``field`` of an UNWIND row ``r``, cast to its type (the engine types a column of Python rows that is
    null in every row STRING)."""
    kind = pa.list_(field.type.value_type) if pa.types.is_list(field.type) else field.type  # Parquet's "element"
    return f"CAST(r.{_q(field.name)} AS {LADYBUG_TYPES[kind]})"


def schema_statements() -> list[str]:
    """The DDL of the store (:mod:`kg.rows`): node tables keyed by a serial ``_n``, then relationship tables
    (FROM/TO pairs; both directions, as an undirected path needs)."""
    stmts = []
    for label in NODE_LABELS:
        cols = ", ".join(f"{_q(f.name)} {LADYBUG_TYPES[f.type]}" for f in label_schema(label))
        stmts.append(f"CREATE NODE TABLE {check_label(label)}(_n SERIAL, {cols}, PRIMARY KEY(_n))")
    for rel in REL_TYPES:
        parts = [f"FROM {check_label(a)} TO {check_label(b)}" for a, b in endpoint_pairs(rel)]
        parts += [f"{_q(f.name)} {LADYBUG_TYPES[f.type]}" for f in list(type_schema(rel))[2:]]  # after source, target
        stmts.append(f"CREATE REL TABLE {check_rel_type(rel)}({', '.join(parts)})")
    return stmts


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class _Database:
    """A ladybug database opened for writing; a COPY that fills the buffer pool is retried with a larger one."""

    def __init__(self, path: Path, checkpoint_once: bool = False) -> None:
        self.path, self.pool, self.checkpoint_once = path, BUFFER_POOL_SIZE, checkpoint_once
        self._open()

    def _open(self) -> None:
        import ladybug

        self._db = ladybug.Database(str(self.path), buffer_pool_size=self.pool)
        self._conn = ladybug.Connection(self._db)
        if self.checkpoint_once:
            # a COPY into a table that holds rows otherwise checkpoints the database after itself (~0.05 s each);
            # the statements go to the write-ahead log, which closing the database writes into the file once
            self._conn.execute("CALL auto_checkpoint=false")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._db.close()
        self._db = self._conn = None

    def execute(self, stmt: str, params: dict | None = None):  # a ladybug.QueryResult
        return self._conn.execute(stmt, params or {})

    def copy(self, table: str, data: pa.Table | Path, pair: tuple[str, str] | None = None) -> int:
        """COPY ``data`` (rows, or a Parquet file of them) into ``table`` (for a relationship table: its endpoint
        ``pair``); the rows copied."""
        options = f" (from='{check_label(pair[0])}', to='{check_label(pair[1])}')" if pair else ""
        source, params = (f"'{data}'", {}) if isinstance(data, Path) else ("$rows", {"rows": data})
        while True:
            try:
                self._conn.execute(f"COPY {table} FROM {source}{options}", params)
                return pq.ParquetFile(data).metadata.num_rows if isinstance(data, Path) else data.num_rows
            except RuntimeError as exc:
                if "buffer pool is full" not in str(exc) or self.pool * 2 > MAX_BUFFER_POOL_SIZE:
                    raise StoreError(f"{table}: {_first_line(exc)}") from exc
                self.pool *= 2
                self.close()
                self._open()


@contextmanager
def _new_database(dest: Path, source: Path | None = None) -> Iterator[_Database]:
    """A database beside ``dest`` (new, or a copy of the store at ``source``, checkpointed once at the end), moved
    over ``dest`` when the block succeeds; a failure is a one-line :class:`StoreError`, and the old store is kept."""
    new = dest.with_name(f".{dest.name}.new-{os.getpid()}")
    leftovers = (new, Path(f"{new}.wal"))
    try:
        for p in leftovers:
            p.unlink(missing_ok=True)
        if source:
            shutil.copyfile(source, new)
        db = _Database(new, checkpoint_once=source is not None)
        try:
            yield db
        finally:
            db.close()  # checkpoints (an explicit CHECKPOINT before it cost ~0.1 s more)
        if leftovers[1].exists():
            raise StoreError(f"{dest}: the database was closed with its write-ahead log not written into it")
        os.replace(new, dest)
        Path(f"{dest}.wal").unlink(missing_ok=True)
    except (RuntimeError, StoreError, OSError) as exc:
        path = source or dest
        if shutil.disk_usage(path.parent).free < 1 << 20:  # the database engine does not say when the disk is full
            raise StoreError(f"{path}: No space left on device (the store was not written; the previous one is kept)")
        raise exc if isinstance(exc, StoreError) else StoreError(f"{path}: {_first_line(exc)}") from exc
    finally:
        for p in leftovers:
            p.unlink(missing_ok=True)


class _Ends:
    """The serial ``_n`` of nodes by label and id, to copy relationships with: those of a COPY, else looked up."""

    def __init__(self, db: _Database, new: bool) -> None:
        self.db, self.new, self.known = db, new, {}

    def copy(self, label: str, spooled: Path) -> int:
        """Add the node rows spooled for ``label``: one COPY into a new store's table (ladybug copies nodes into no
        table that holds or held rows when it has no hash index), else a CREATE per row (a delta's few)."""
        if self.new:
            copied = self.db.copy(label, spooled)
            self.known[label] = self.db.execute(f"MATCH (n:{label}) RETURN n.id AS id, n._n AS _n").get_as_arrow()
            return copied
        data = pq.read_table(spooled)
        props = ", ".join(f"{_q(f.name)}: {_param(f)}" for f in data.schema)
        found = self.db.execute(f"UNWIND $rows AS r CREATE (n:{label} {{{props}}}) RETURN n.id AS id, n._n AS _n",
                                {"rows": data.to_pylist()}).get_as_arrow()
        self.known[label] = pa.concat_tables([self.known[label], found]) if label in self.known else found
        return data.num_rows

    def serials(self, label: str, ids: pa.ChunkedArray) -> pa.ChunkedArray:
        """The serials of the ``label`` nodes ``ids``."""
        known = self.known.get(label)
        at = pc.index_in(ids, value_set=known["id"]) if known is not None else pa.nulls(len(ids), pa.int32())
        if not at.null_count:
            return pc.take(known["_n"], at)
        wanted = pc.unique(pc.filter(ids, pc.is_null(at)))
        found = self.db.execute(f"UNWIND $ids AS i MATCH (n:{label}) WHERE n.id = i RETURN n.id AS id, n._n AS _n",
                                {"ids": wanted.to_pylist()}).get_as_arrow()
        if (gone := set(wanted.to_pylist()) - set(found["id"].to_pylist())):
            raise StoreError(f"{label} {min(gone)}: the end of a relationship is not a node of the store")
        self.known[label] = found if known is None else pa.concat_tables([known, found])
        return self.serials(label, ids)


def _by_kind(table: pa.Table | None) -> Iterator[tuple[tuple[str, str, str], pa.Table]]:
    """((type, from label, to label), :func:`kg.rows.select` of its rows) for each kind an edge table holds."""
    if table is None or not table.num_rows:
        return
    if (bad := off_schema(table)) is not None:
        raise StoreError(bad)
    kinds = pc.binary_join_element_wise(table["type"], table["source_label"], table["target_label"], " ")
    for kind in sorted(pc.unique(kinds).to_pylist()):  # "type source_label target_label"
        rel, a, b = kind.split(" ")
        yield (rel, check_label(a), check_label(b)), select(table.filter(pc.equal(kinds, kind)), rel)


def _load(db: _Database, rows: Rows, new: bool) -> Counter:
    """Nodes first, each label spooled to a Parquet file and copied at once, then relationships in few large
    COPYs per endpoint pair."""
    created, held, ends = Counter(), {}, _Ends(db, new)  # held: (type, endpoint pair) -> tables to copy

    def flush(key: tuple) -> None:
        (rel, pair), data = key, pa.concat_tables(held.pop(key))
        data = pa.table([ends.serials(pair[0], data["from"]), ends.serials(pair[1], data["to"]), *data.columns[2:]],
                        names=data.column_names)
        created[rel] += db.copy(rel, data, pair)

    with tempfile.TemporaryDirectory(prefix="kg-store-") as spool, ExitStack() as files:
        if "'" in spool:
            raise StoreError(f"{spool}: the temporary folder's name has a quote")
        writers: dict[str, pq.ParquetWriter] = {}
        for table in batches(rows.node_tables(), COPY_ROWS):
            if (bad := off_schema(table)) is not None:
                raise StoreError(bad)
            for label, part in split(table):
                if label not in writers:
                    writers[label] = files.enter_context(pq.ParquetWriter(Path(spool, f"{label}.parquet"),
                                                                          part.schema, compression="none"))
                writers[label].write_table(part)
        for label, writer in writers.items():
            writer.close()
            created[label] += ends.copy(label, Path(spool, f"{label}.parquet"))
    for table in batches(rows.edge_tables(), COPY_ROWS):
        for (rel, *pair), data in _by_kind(table):
            held.setdefault((rel, tuple(pair)), []).append(data.rename_columns(["from", "to", *data.column_names[2:]]))
            while sum(t.num_rows for parts in held.values() for t in parts) > HELD_ROWS:
                flush(max(held, key=lambda k: sum(t.num_rows for t in held[k])))
    for key in list(held):
        flush(key)
    return created


def write_store(rows: Rows, path: str | Path) -> dict:
    """Write ``rows`` (:class:`kg.rows.Rows`, or a ``networkx.MultiDiGraph`` that follows :mod:`kg.schema`) into a
    new embedded ladybug database at ``path`` (replacing one there); returns ``{"created": {label or type: count}}``.
    A row outside the schema or a database error raises a one-line :class:`StoreError`, and the old store is kept."""
    path = Path(path)
    try:
        rows = as_rows(rows)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        raise StoreError(f"{path}: a row does not fit kg.schema: {_first_line(exc)}") from None
    with _new_database(path) as db:
        db.execute("CALL enable_default_hash_index=false")  # the hash index on the key would be most of the file
        for stmt in schema_statements():
            db.execute(stmt)
        created = _load(db, rows, True)
    return {"created": dict(created)}


def update_store(path: str | Path, delta: Delta, dest: str | Path | None = None) -> dict:
    """Apply ``delta`` to the store at ``path`` on a copy, then move the copy over ``dest`` (default ``path``);
    returns ``{"created": {...}, "updated": {...}, "deleted": {...}}``, counts per label and type."""
    return StoreUpdate(path, dest).apply(delta)


class _Discarded(Exception):  # thrown into an update's database to drop its copy unapplied
    pass


class StoreUpdate:
    """:func:`update_store` in two steps: the copy of the store at ``path`` is made and opened beside ``dest`` when
    this is made (a rebuild does it while it waits for its workers), :meth:`apply` applies a delta to it and moves it
    over ``dest``; :meth:`discard` drops it unapplied. A failure is a one-line :class:`StoreError`."""

    def __init__(self, path: str | Path, dest: str | Path | None = None) -> None:
        self._stack = ExitStack()
        self._db = self._stack.enter_context(_new_database(Path(dest or path), Path(path)))

    def apply(self, delta: Delta) -> dict:
        """Apply ``delta`` and move the database over ``dest``; counts as :func:`update_store` gives them."""
        with self._stack:
            return _apply(self._db, delta)

    def discard(self) -> None:
        """Close and delete the copy (nothing is moved; once applied, nothing is left to discard)."""
        self._stack.__exit__(_Discarded, _Discarded(), None)


def _apply(db: _Database, delta: Delta) -> dict:
    docs, gone = sorted(delta.remove_docs), {}
    for node in delta.remove_nodes:
        gone.setdefault(check_label(label_of_id(node) or "?"), []).append(node)
    # a document's nodes and the edges between entities that it states go with it; other nodes by their id
    deletes = [*((rel, f"()-[n:{rel}]->()", "doc") for rel in SEMANTIC_REL_TYPES),
               *((label, f"(n:{label})", "doc") for label in DOC_LABELS), ("Document", "(n:Document)", "name")]
    deletes = [(*d, docs) for d in deletes if docs] + [(label, f"(n:{label})", "id", sorted(ids))
                                                       for label, ids in sorted(gone.items())]
    deleted, updated = Counter(), Counter()
    for name, pattern, key, values in deletes:
        how = "DELETE" if name in REL_TYPES else "DETACH DELETE"
        deleted[name] += db.execute(f"MATCH {pattern} WHERE n.{key} IN $values {how} n RETURN count(*)",
                                    {"values": values}).get_all()[0][0]
    for (rel, a, b), part in _by_kind(delta.remove_edges):  # every edge of a type between two nodes (of a doc)
        doc = " AND e.doc = r.doc" if "doc" in part.column_names else ""
        deleted[rel] += db.execute(f"UNWIND $rows AS r MATCH (a:{a})-[e:{rel}]->(b:{b}) WHERE a.id = r.source "
                                   f"AND b.id = r.target{doc} DELETE e RETURN count(*)",
                                   {"rows": part.to_pylist()}).get_all()[0][0]
    for label, part in split(delta.entities) if delta.entities is not None else ():
        updated[label] += part.num_rows
        sets = ", ".join(f"n.{_q(f.name)} = {_param(f)}" for f in label_schema(label)
                         if f.name != "id" and f.name in (delta.columns or {}).get(label, (f.name,)))
        db.execute(f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET {sets}", {"rows": part.to_pylist()})
    created = _load(db, delta.rows, False)
    return {"created": dict(created), "updated": dict(updated), "deleted": {k: v for k, v in deleted.items() if v}}


class Store:
    """The store as a :class:`kg.rows.Sink`: the database at ``path``, written (or updated) to ``dest``."""

    def __init__(self, path: str | Path, dest: str | Path | None = None) -> None:
        self.path, self.dest = Path(path), Path(dest or path)

    def write(self, rows: Rows) -> dict:
        return write_store(rows, self.dest)

    def apply(self, delta: Delta, rows: Rows) -> dict:
        return update_store(self.path, delta, self.dest) if delta else {}
