"""Load the graph's rows into a live Neo4j over Bolt: everything into a fresh database, else only the delta.

>>> report = load_rows(CacheRows.of_build("out"), config_from_env())  # doctest: +SKIP
>>> print(report.line())                                            # doctest: +SKIP

One code path: the load works out what the database lacks and writes only that,
so a fresh database (no kg nodes) is the delta "add everything".

1. The Document nodes' ``key`` (the build's cache key of the document) say which
   documents the database holds as the build has them; the others are stale
   (added or changed) or removed. Only when some are does the load read the
   nodes of the corpus (entities and indicators: they have ``docs``, not one
   ``doc``) and compare them with the build's: those new, changed or
   gone, and the documents whose mentions moved between entities (the
   symmetric difference of an entity's ``docs``) are stale too.
2. Stale and removed documents are deleted, a few documents per transaction
   (their nodes, the relationships with their ``doc`` and those of their
   Section and Sentence ends); gone entities are deleted, changed ones updated,
   new ones created.
3. Stale documents are written with CREATE, never MERGE: every node of a group
   of whole documents, then their relationships, in ONE transaction of about
   ``batch_rows`` rows (Document node included), up to ``workers`` transactions
   at once, but never two that link to the same entity (they would lock it both
   and deadlock). A load that stops half way leaves whole documents; the next
   one writes the rest.
4. ``cypher/schema.cypher`` last: on a fresh database its constraints and
   indexes are populated once, which is cheaper than keeping them up to date
   row by row. Relationship ends are therefore found by the ``elementId`` that
   CREATE returned (or that the entity read gave), not by an index on ``id``.

Statements take rows as lists (no key repeated per row) and every value as a
parameter; labels and types come from :mod:`kg.schema` allowlists. Transient
errors (deadlocks, a leader switch) are retried by the driver's managed
transactions for ``max_retry_seconds``; every failure is a :class:`Neo4jLoadError`
of one line. One load at a time per database.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from kg.resources import CYPHER_DIR
from kg.rows import Rows, graph_rows, label_schema, select, type_schema
from kg.schema import GLOBAL_LABELS, NODE_LABELS, SEMANTIC_REL_TYPES, check_label, check_rel_type
from kg.sinks.neo4j_rows import Build, RowsError, chunks, scan, touching, values

SCHEMA_FILE = CYPHER_DIR / "schema.cypher"
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: rows per write transaction, and transactions in flight (tests/benchmarks/neo4j_load.py on 2 cores)
BATCH_ROWS = 5_000
WORKERS = 2
#: a first load of at least this many rows is worth neo4j-admin import (:func:`admin_import_commands`): measured
#: on 2 cores, neo4j-admin takes ~14 s (the JVM) + ~15 s per million rows, a Bolt load ~42 s per million, and
#: the import needs the server stopped and started again
ADMIN_IMPORT_ROWS = 4_000_000
#: per-document node labels (found by ``doc``; a Document by ``name``) and the relationships found by their ends
DOC_LABELS = ("Section", "Sentence", "Metric")
_STRUCTURE_ENDS = {"HAS_SECTION": "()-[r:HAS_SECTION]->(n:Section)", "PART_OF": "(n:Sentence)-[r:PART_OF]->()",
                   "MENTIONED_IN": "()-[r:MENTIONED_IN]->(n:Sentence)"}

#: (rows written, rows to write) after each transaction
LoadProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Neo4jConfig:
    """Where and as whom to connect; ``database`` None is the server's default."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None
    max_retry_seconds: float = 30.0


class Neo4jLoadError(Exception):
    """A load or schema step failed; ``str(e)`` is one line for the user."""


@dataclass
class LoadReport:
    """What a load found and changed: documents by fate, nodes and relationships per label and type."""

    fresh: bool = False  # the database had no kg node
    rows: int = 0  # rows of the build (nodes and relationships)
    documents: Counter = field(default_factory=Counter)  # added, changed, removed, unchanged
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    transactions: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """One line: documents by fate, then what was created, updated and deleted per label and type."""
        docs = ", ".join(f"{n} {k}" for k, n in self.documents.items() if n) or "no documents"
        parts = [f"{what} {_counts(c)}" for what, c in (("created", self.created), ("updated", self.updated),
                                                       ("deleted", self.deleted)) if c]
        return f"{docs}; {'; '.join(parts) or 'nothing changed'} ({self.seconds:.1f} s)"


def _counts(c: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if v) or "nothing"


def config_from_env(uri: str | None = None, user: str | None = None, password: str | None = None,
                    database: str | None = None) -> Neo4jConfig:
    """A :class:`Neo4jConfig` from the arguments, else ``NEO4J_URI``, ``NEO4J_USER`` (or ``NEO4J_USERNAME``),
    ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``, else ``bolt://localhost:7687``, ``neo4j``, no password and
    the server's default database."""
    env = os.environ
    return Neo4jConfig(
        uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
        user=user or env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or DEFAULT_USER,
        password=password if password is not None else env.get("NEO4J_PASSWORD", ""),
        database=database or env.get("NEO4J_DATABASE") or None,
    )


# ---------------------------------------------------------------------- schema
_NODE_PATTERN = re.compile(r"\(\s*\w*\s*:\s*([\w|]+)\s*\)")
_REL_PATTERN = re.compile(r"\[\s*\w*\s*:\s*(\w+)\s*\]")


_RULE_NAME = re.compile(r"CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+)")


def schema_statements(path: str | Path = SCHEMA_FILE) -> list[str]:
    """The statements of a schema file (``//`` lines dropped, ``;`` ends one), labels and types checked.

    Raises
    ------
    ValueError
        A statement names a label or relationship type outside the allowlists.
    """
    text = "\n".join(line for line in Path(path).read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    statements = [" ".join(s.split()) for s in text.split(";") if s.strip()]
    for stmt in statements:
        for labels in _NODE_PATTERN.findall(stmt):
            for label in labels.split("|"):
                check_label(label)
        for rtype in _REL_PATTERN.findall(stmt):
            check_rel_type(rtype)
        if not _RULE_NAME.match(stmt):
            raise ValueError(f"not a named CREATE CONSTRAINT or CREATE INDEX: {stmt[:60]}")
    return statements


def _run(tx: ManagedTransaction, stmt: str) -> None:
    tx.run(stmt).consume()


def apply_schema(driver: Driver, database: str | None = None) -> None:
    """Create the constraints and indexes of ``cypher/schema.cypher`` and wait until they are online.

    Rules the database has (by name) are left alone. Idempotent, also beside another client
    doing the same: each statement is a managed transaction, so a transient error (a deadlock
    with the other's schema change) is retried by the driver, and a rule the other created
    first is taken as done.
    """
    with driver.session(database=database) as session:
        there = {r["name"] for q in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name") for r in session.run(q)}
        for stmt in schema_statements():
            if _RULE_NAME.match(stmt).group(1) in there:
                continue
            try:
                session.execute_write(_run, stmt)
            except Neo4jError as exc:  # another client created it between IF NOT EXISTS and the commit
                if not (exc.code or "").endswith("EquivalentSchemaRuleAlreadyExists"):
                    raise
        session.execute_read(_run, "CALL db.awaitIndexes(300)")


# ------------------------------------------------------------------ statements
def _props(names: list[str], first: int) -> str:
    return ", ".join(f"`{name}`: r[{i}]" for i, name in enumerate(names, first))


def create_nodes_query(label: str) -> str:
    """CREATE ``label`` nodes from rows of :func:`kg.rows.label_schema` values; returns their elementIds in order
    (in one record: a record per node costs the client more than the server's CREATE)."""
    return (f"UNWIND $rows AS r CREATE (n:{check_label(label)} {{{_props(label_schema(label).names, 0)}}}) "
            "RETURN collect(elementId(n)) AS e")


def update_nodes_query(label: str) -> str:
    """Replace every property of nodes found by elementId (rows: the elementId, then the label's values)."""
    return (f"UNWIND $rows AS r MATCH (n:{check_label(label)}) WHERE elementId(n) = r[0] "
            f"SET n = {{{_props(label_schema(label).names, 1)}}} RETURN count(n) AS c")


def create_rels_query(rel: str) -> str:
    """CREATE ``rel`` relationships (rows: the two ends' elementIds, then the type's property values)."""
    names = type_schema(rel).names[2:]
    props = f" {{{_props(names, 2)}}}" if names else ""
    return (f"UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r[0] MATCH (b) WHERE elementId(b) = r[1] "
            f"CREATE (a)-[:{check_rel_type(rel)}{props}]->(b)")


def _delete_docs_query() -> str:
    """One query that deletes the rows of the documents named in ``$rows`` and counts them per label and type
    (one statement: the first delta after the server starts pays its planning once, not once per part)."""
    parts = [f"MATCH ()-[r:{t}]->() WHERE r.doc IN $rows DELETE r RETURN count(r) AS {t}" for t in SEMANTIC_REL_TYPES]
    parts += [f"MATCH {ends} WHERE n.doc IN $rows DELETE r RETURN count(r) AS {t}" for t, ends in _STRUCTURE_ENDS.items()]
    parts += [f"MATCH (n:{lb}) WHERE n.doc IN $rows DETACH DELETE n RETURN count(n) AS {lb}" for lb in DOC_LABELS]
    parts.append("MATCH (n:Document) WHERE n.name IN $rows DETACH DELETE n RETURN count(n) AS Document")
    names = [*SEMANTIC_REL_TYPES, *_STRUCTURE_ENDS, *DOC_LABELS, "Document"]
    return " ".join(f"CALL {{ {p} }}" for p in parts) + " RETURN " + ", ".join(names)


# ------------------------------------------------------------------ transactions
@dataclass
class _Unit:
    """One write transaction: counted statements, nodes to create, relationships to create between known ends."""

    counted: list[tuple[str, str, list]] = field(default_factory=list)  # (what, query, rows) returning c or counts
    nodes: list[tuple[str, list[tuple]]] = field(default_factory=list)  # (label, rows; id first)
    rels: list[tuple[str, list[str], list[str], list[tuple]]] = field(default_factory=list)  # (type, ids, ids, props)
    rows: int = 0
    #: ids of the existing nodes it links to (no two units in flight share one); None: any, so it runs alone
    ends: frozenset[str] | None = frozenset()


def _chunk_unit(nodes: pa.Table, edges: pa.Table) -> _Unit:
    unit = _Unit(rows=nodes.num_rows + edges.num_rows)
    for label in sorted(pc.unique(nodes["label"]).to_pylist()):
        unit.nodes.append((label, values(nodes.select(label_schema(label).names).filter(
            pc.equal(nodes["label"], label)))))
    for rel in sorted(pc.unique(edges["type"]).to_pylist()) if edges.num_rows else ():
        part = edges.select(type_schema(rel).names).filter(pc.equal(edges["type"], rel))
        props = values(part.drop_columns(["source", "target"])) if part.num_columns > 2 else [()] * part.num_rows
        unit.rels.append((rel, part["source"].to_pylist(), part["target"].to_pylist(), props))
    made = set(nodes["id"].to_pylist())
    unit.ends = frozenset(i for _, sources, targets, _ in unit.rels for i in (*sources, *targets) if i not in made)
    return unit


def _transact(tx: ManagedTransaction, unit: _Unit, known: dict[str, str]) -> tuple[Counter, dict[str, str]]:
    """Run ``unit``; return what it did per label and type, and the elementIds of the nodes it created."""
    done: Counter = Counter()
    made: dict[str, str] = {}
    for what, query, rows in unit.counted:
        done.update({what if k == "c" else k: v for k, v in tx.run(query, rows=rows).single(strict=True).items()})
    for label, rows in unit.nodes:
        eids = tx.run(create_nodes_query(label), rows=rows).single(strict=True)["e"]
        made.update(zip((r[0] for r in rows), eids))
        done[label] += len(eids)
    for rel, sources, targets, props in unit.rels:
        try:
            rows = [(made.get(a) or known[a], made.get(b) or known[b], *p) for a, b, p in zip(sources, targets, props)]
        except KeyError as exc:
            raise Neo4jLoadError(f"cannot load a {rel} relationship into Neo4j: its end {exc.args[0]} is neither "
                                 "among the rows nor in the database") from None
        done[rel] += tx.run(create_rels_query(rel), rows=rows).consume().counters.relationships_created
    return done, made


class _Writer:
    """Commits units, up to ``workers`` at once, and adds up what they did into the report."""

    def __init__(self, driver: Driver, database: str | None, workers: int, report: LoadReport, total: int,
                 progress: LoadProgress | None) -> None:
        self.driver, self.database, self.report, self.total, self.progress = driver, database, report, total, progress
        self.pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
        self.workers, self.pending, self.written = workers, [], 0
        self.known: dict[str, str] = {}  # id -> elementId of the entities

    def _commit(self, unit: _Unit) -> tuple[Counter, dict[str, str]]:
        with self.driver.session(database=self.database) as session:
            return session.execute_write(_transact, unit, self.known)

    def _done(self, result: tuple[Counter, dict], target: Counter, unit: _Unit, keep: bool) -> None:
        target.update({k: v for k, v in result[0].items() if v})
        if keep:
            self.known.update(result[1])
        self.report.transactions += 1
        self.written += unit.rows
        if self.progress is not None:
            self.progress(self.written, self.total)

    def submit(self, unit: _Unit, target: Counter, keep: bool = False) -> None:
        """Commit ``unit`` (in the background when there are workers); ``keep`` the elementIds it made."""
        if self.pool is None:
            return self._done(self._commit(unit), target, unit, keep)
        if any(u.ends is None or unit.ends is None or not u.ends.isdisjoint(unit.ends) for _, _, u, _ in self.pending):
            self.drain()  # it would lock a node that a transaction in flight locks: a deadlock to retry
        self.pending.append((self.pool.submit(self._commit, unit), target, unit, keep))
        if len(self.pending) >= self.workers:
            self.drain(self.workers - 1)

    def drain(self, leave: int = 0) -> None:
        """Wait until at most ``leave`` units are in flight (a later step depends on the others)."""
        while len(self.pending) > leave:
            future, target, unit, keep = self.pending.pop(0)
            self._done(future.result(), target, unit, keep)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------- the load
_ANY_ENTITY = " OR ".join(f"n:{label}" for label in GLOBAL_LABELS)
_ENTITY_COUNTS = "RETURN " + ", ".join(f"COUNT {{ MATCH (:{label}) }} AS {label}" for label in GLOBAL_LABELS)


def _entity_pass(session, build: Build, touched: set[str], known: dict[str, str]) -> tuple[dict, dict, dict, set]:
    create, update, delete, moved = {}, {}, {}, set()
    names = pa.array(sorted(touched), pa.string())
    new = build.entities
    hit = touching(new["docs"], names)
    old = {}
    for r in session.run(f"MATCH (n) WHERE ({_ANY_ENTITY}) AND (n.id IN $ids OR any(d IN n.docs WHERE d IN $docs)) "
                         "RETURN elementId(n) AS e, labels(n)[0] AS l, properties(n) AS p",
                         ids=pc.filter(new["id"], hit).to_pylist(), docs=names.to_pylist()):
        old[r["p"]["id"]] = (r["l"], r["p"])
        known[r["p"]["id"]] = r["e"]
    asked = pc.or_(hit, pc.is_in(new["id"], value_set=pa.array(list(old), pa.string())))
    for row in new.filter(asked).to_pylist():
        label, was = old.pop(row["id"], (row["label"], None))
        cols = label_schema(label).names
        if was is None:
            create.setdefault(label, []).append(tuple(row[c] for c in cols))
            moved.update(row["docs"] or ())
        elif was != {c: row[c] for c in cols if row[c] is not None}:
            update.setdefault(label, []).append((known[row["id"]], *(row[c] for c in cols)))
            moved.update(set(row["docs"] or ()) ^ set(was.get("docs") or ()))
    for ident, (label, was) in sorted(old.items()):  # named a touched document and is not in the build
        delete.setdefault(label, []).append(known.pop(ident))
        moved.update(was.get("docs") or ())
    held = session.run(_ENTITY_COUNTS).single()
    want = Counter(new["label"].to_pylist())
    if any(held[lb] + len(create.get(lb, ())) - len(delete.get(lb, ())) != want[lb] for lb in GLOBAL_LABELS):
        return {}, {}, {}, None  # an entity changed that no touched document names
    return create, update, delete, moved


def _entity_diff(session, build: Build, touched: set[str], known: dict[str, str]) -> tuple[dict, dict, dict, set]:
    """Entities to create, update and delete (label -> rows), and the documents whose mentions moved.

    Compares the entities that name a ``touched`` (stale or removed) document, in the build
    or in the database, and keeps their elementIds in ``known``. An entity no such document
    names has the same documents as before, so the same row. Documents whose mentions moved
    are touched too, until no more move; should the entity counts not add up, every
    entity is compared.
    """
    while True:
        create, update, delete, moved = _entity_pass(session, build, touched, known)
        if moved is None:
            every = session.run("MATCH (n:Document) RETURN collect(n.name) AS d").single()["d"]
            touched = touched | set(build.keys) | set(every)
        elif moved <= touched:
            return create, update, delete, moved
        else:
            touched = touched | moved


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _apply(driver: Driver, config: Neo4jConfig, rows: Rows, report: LoadReport, batch_rows: int, workers: int,
           progress: LoadProgress | None, on_plan: Callable[[LoadReport], None] | None) -> None:
    build = scan(rows, batch_rows)
    report.rows = build.rows
    writer = _Writer(driver, config.database, workers, report, build.rows, progress)
    try:
        with driver.session(database=config.database) as session:
            held = {r["name"]: r["key"] for r in session.run("MATCH (d:Document) RETURN d.name AS name, d.key AS key")}
            report.fresh = not held and not any(
                session.run(f"MATCH (n:{lb}) RETURN count(n) AS c").single()["c"] for lb in NODE_LABELS)
            removed = set(held) - set(build.keys)
            stale = {d for d, key in build.keys.items() if held.get(d) != key or key is None}
            create = update = delete = {}
            if stale or removed:
                create, update, delete, moved = _entity_diff(session, build, stale | removed, writer.known)
                stale |= moved & set(build.keys)
        report.documents.update(added=len(stale - set(held)), changed=len(stale & set(held)),
                                removed=len(removed), unchanged=len(build.keys) - len(stale))
        if on_plan is not None:
            on_plan(report)
        for docs in _batches(sorted(removed | (stale & set(held))), max(1, batch_rows // 1000)):
            writer.submit(_Unit(counted=[("", _delete_docs_query(), docs)], ends=None), report.deleted)
        writer.drain()
        for label, eids in delete.items():
            q = f"UNWIND $rows AS e MATCH (n:{check_label(label)}) WHERE elementId(n) = e DETACH DELETE n RETURN count(n) AS c"
            for part in _batches(eids, batch_rows):
                writer.submit(_Unit(counted=[(label, q, part)]), report.deleted)
        for label, items in update.items():
            for part in _batches(items, batch_rows):
                writer.submit(_Unit(counted=[(label, update_nodes_query(label), part)]), report.updated)
        for label, items in create.items():
            for part in _batches(items, batch_rows):
                writer.submit(_Unit(nodes=[(label, part)], rows=len(part)), report.created, keep=True)
        writer.drain()
        for nodes, edges in chunks(rows, stale, batch_rows) if stale else ():
            writer.submit(_chunk_unit(nodes, edges), report.created)
        writer.drain()
    finally:
        writer.close()


def load_rows(rows: Rows, config: Neo4jConfig, *, batch_rows: int = BATCH_ROWS, workers: int = WORKERS,
              progress: LoadProgress | None = None, on_plan: Callable[[LoadReport], None] | None = None) -> LoadReport:
    """Bring the Neo4j database to the graph of ``rows``: a fresh one gets everything, else the delta.

    Parameters
    ----------
    rows : kg.rows.Rows or networkx.MultiDiGraph
        The build's rows (:meth:`kg.pipeline.outputs.CacheRows.of_build`) or a graph following :mod:`kg.schema`.
    config : Neo4jConfig
        Server, user, password and database.
    batch_rows : int
        About this many rows per write transaction (whole documents each).
    workers : int
        Write transactions in flight at once.
    progress : callable, optional
        Called as ``progress(rows written, rows of the build)`` after each transaction.
    on_plan : callable, optional
        Called with the report once the delta is known (``fresh``, ``rows``, ``documents``), before any write.

    Returns
    -------
    LoadReport

    Raises
    ------
    Neo4jLoadError
        The rows break :mod:`kg.schema` (found before anything is written), the server cannot be
        reached or refuses the user, or a step fails after the driver's retries (one line).
    """
    t0 = time.perf_counter()
    if batch_rows < 1 or workers < 1:
        raise ValueError(f"batch_rows and workers must be at least 1, got {batch_rows} and {workers}")
    if not hasattr(rows, "node_tables"):
        try:
            rows = graph_rows(rows)
        except (pa.ArrowException, ValueError, TypeError) as exc:
            raise Neo4jLoadError(f"cannot load the graph into Neo4j: a row does not fit kg.schema: {exc}") from None
    report = LoadReport()
    with _driver(config) as driver:
        try:
            driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError) as exc:
            raise _connect_error(exc, config) from None
        step = "load"
        try:
            _apply(driver, config, rows, report, batch_rows, workers, progress, on_plan)
            step = "schema step"
            apply_schema(driver, config.database)
        except RowsError as exc:
            raise Neo4jLoadError(str(exc)) from None
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise Neo4jLoadError(f"Neo4j at {config.uri} went away during the {step} after {report.transactions} "
                                 f"transactions ({_counts(report.created)} created): {_reason(exc)}") from None
        except (Neo4jError, DriverError) as exc:
            raise Neo4jLoadError(f"Neo4j at {config.uri} failed in the {step} after {report.transactions} "
                                 f"transactions ({_counts(report.created)} created): {_reason(exc)}") from None
    report.seconds = time.perf_counter() - t0
    return report


@dataclass(frozen=True)
class Neo4jSink:
    """Neo4j as a :class:`kg.rows.Sink`. The database may hold any build (or another client's edits), so a
    delta is worked out against what it holds (the Document keys, then the entities), not taken from the pipeline:
    ``apply`` and ``write`` are both :func:`load_rows`."""

    config: Neo4jConfig
    batch_rows: int = BATCH_ROWS
    on_plan: Callable[[LoadReport], None] | None = None

    def write(self, rows: Rows) -> LoadReport:
        return load_rows(rows, self.config, batch_rows=self.batch_rows, on_plan=self.on_plan)

    def apply(self, delta: object, rows: Rows) -> LoadReport:
        return self.write(rows)


def admin_import_commands(out: str | Path) -> list[str]:
    """The commands that load the build in ``out`` into an empty database with ``neo4j-admin database import``.

    They write the neo4j-csv export (``nodes_<Label>.csv``, ``rels_<TYPE>.csv`` and ``import.sh``
    in ``OUT/neo4j-import``), import it with the server stopped, and apply the schema once it runs.
    """
    folder = Path(out) / "neo4j-import"
    return [f"kg export {out} --format neo4j-csv", "neo4j stop", f"sh {folder / 'import.sh'} import",
            "neo4j start", f"sh {folder / 'import.sh'} schema"]


# ----------------------------------------------------------------------- errors
def _driver(config: Neo4jConfig) -> Driver:
    scheme = config.uri.partition("://")[0] if "://" in config.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jLoadError(f"invalid Neo4j URI {config.uri!r}: it must start with bolt:// or neo4j:// "
                             "(or their +s / +ssc forms)")
    try:
        return GraphDatabase.driver(config.uri, auth=(config.user, config.password), connection_timeout=10.0,
                                    max_transaction_retry_time=config.max_retry_seconds,
                                    notifications_min_severity="OFF")
    except (ConfigurationError, ValueError) as exc:
        raise Neo4jLoadError(f"invalid Neo4j URI {config.uri!r}: {_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    """The cause of ``exc`` in a few words, on one line."""
    if isinstance(exc, Neo4jError):
        msg = f"{exc.code}: {exc.message}" if exc.code else str(exc.message or exc)
    else:
        msg = str(exc)
        m = re.search(r"reason:? (?:\[Errno -?\d+\] )?([^)\n]+)", msg)
        if m:
            msg = m.group(1).strip().lower()
    return " ".join(msg.split()) or type(exc).__name__


def _connect_error(exc: BaseException, cfg: Neo4jConfig) -> Neo4jLoadError:
    if isinstance(exc, AuthError):
        why = "no password given (set NEO4J_PASSWORD)" if not cfg.password else "wrong user or password"
        return Neo4jLoadError(f"Neo4j at {cfg.uri} rejected user {cfg.user!r}: {why}")
    if isinstance(exc, (ServiceUnavailable, SessionExpired)):
        return Neo4jLoadError(f"cannot reach Neo4j at {cfg.uri}: {_reason(exc)}")
    if isinstance(exc, Neo4jError) and exc.code and "DatabaseNotFound" in exc.code:
        return Neo4jLoadError(f"Neo4j at {cfg.uri} has no database {cfg.database!r}")
    return Neo4jLoadError(f"Neo4j at {cfg.uri} failed before anything was written: {_reason(exc)}")
