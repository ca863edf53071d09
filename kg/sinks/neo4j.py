"""Load the graph's rows into a live Neo4j over Bolt: everything into a fresh database, else only the delta.

>>> report = load_rows(CacheRows.of_build("out"), config_from_env())  # doctest: +SKIP
>>> print(report.line())                                            # doctest: +SKIP

One code path: the load writes what the database lacks (a fresh one, with no kg node, lacks everything).

1. The Document nodes' ``key`` (the build's cache key of the document) tell the documents the database
   holds as the build has them; the others are stale (added or changed) or removed. If any are, the
   nodes of the corpus (entities and indicators: ``docs``, not one ``doc``) that name one are compared
   with the build's; documents whose mentions moved between entities are stale too.
2. Stale and removed documents are deleted, a few per transaction; gone entities are deleted, changed
   ones updated, new ones created.
3. Stale documents are written with CREATE, never MERGE: the nodes, then the relationships of whole
   documents in ONE transaction of about ``batch_rows`` rows, up to ``workers`` transactions at once
   but never two that link to the same entity (both would lock it: a deadlock). A load that stops half
   way leaves whole documents; the next one writes the rest.
4. ``cypher/schema.cypher`` last: a fresh database populates its constraints and indexes once, cheaper
   than row by row. Relationship ends are found by the ``elementId`` that CREATE returned, not by ``id``.

Statements take rows as lists and every value as a parameter; labels and types come from :mod:`kg.schema`
allowlists. The driver's managed transactions retry transient errors (deadlocks, a leader switch) for
``max_retry_seconds``; every failure is a :class:`Neo4jLoadError` of one line. One load at a time per database.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (AuthError, ConfigurationError, DriverError, Neo4jError, ResultFailedError, ServiceUnavailable,
                              SessionExpired)

from kg.resources import CYPHER_DIR
from kg.rows import Rows, as_rows, label_schema, split, type_schema
from kg.schema import DOC_LABELS, GLOBAL_LABELS, NODE_LABELS, SEMANTIC_REL_TYPES, check_label, check_rel_type
from kg.sinks.neo4j_rows import Build, RowsError, chunks, scan, touching, values

SCHEMA_FILE = CYPHER_DIR / "schema.cypher"
#: rows per write transaction, and transactions in flight (tests/benchmarks/neo4j_load.py on 2 cores)
BATCH_ROWS = 5_000
WORKERS = 2
#: a first load of at least this many rows is worth neo4j-admin import (:func:`admin_import_commands`): measured
#: on 2 cores, neo4j-admin takes ~14 s (the JVM) + ~15 s per million rows, a Bolt load ~42 s per million, and
#: the import needs the server stopped and started again
ADMIN_IMPORT_ROWS = 4_000_000
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
        parts = [f"{what} {_counts(getattr(self, what))}" for what in ("created", "updated", "deleted")
                 if getattr(self, what)]
        return f"{docs}; {'; '.join(parts) or 'nothing changed'} ({self.seconds:.1f} s)"


def _counts(c: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if v) or "nothing"


def config_from_env(uri: str | None = None, user: str | None = None, password: str | None = None,
                    database: str | None = None) -> Neo4jConfig:
    """A :class:`Neo4jConfig` from the arguments, else ``NEO4J_URI``, ``NEO4J_USER`` (or ``NEO4J_USERNAME``),
    ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``, else ``bolt://localhost:7687``, ``neo4j``, no password and
    the server's default database."""
    env = os.environ
    return Neo4jConfig(uri or env.get("NEO4J_URI") or "bolt://localhost:7687",
                       user or env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or "neo4j",
                       password if password is not None else env.get("NEO4J_PASSWORD", ""),
                       database or env.get("NEO4J_DATABASE") or None)


_RULE_NAME = re.compile(r"CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+)")


def schema_statements(path: str | Path = SCHEMA_FILE) -> list[str]:
    """The statements of a schema file (``//`` lines dropped, ``;`` ends one), labels and types checked.

    Raises
    ------
    ValueError
        A statement names a label or relationship type outside the allowlists.
    """
    text = re.sub(r"(?m)^\s*//.*$", "", Path(path).read_text(encoding="utf-8"))
    statements = [" ".join(s.split()) for s in text.split(";") if s.strip()]
    for stmt in statements:
        for labels in re.findall(r"\(\s*\w*\s*:\s*([\w|]+)\s*\)", stmt):  # (n:A|B)
            for label in labels.split("|"):
                check_label(label)
        for rtype in re.findall(r"\[\s*\w*\s*:\s*(\w+)\s*\]", stmt):  # [r:TYPE]
            check_rel_type(rtype)
        if not _RULE_NAME.match(stmt):
            raise ValueError(f"not a named CREATE CONSTRAINT or CREATE INDEX: {stmt[:60]}")
    return statements


def apply_schema(driver: Driver, database: str | None = None) -> None:
    """Create the constraints and indexes of ``cypher/schema.cypher`` and wait until they are online.

    Rules the database has (by name) are left alone. Idempotent, also beside another client doing the same:
    each statement is a managed transaction in its own session, so a transient error (a deadlock with the other's
    schema change) is retried by the driver, a ResultFailedError up to three times here, and a rule the other
    created first is taken as done.
    """
    with driver.session(database=database) as session:
        there = {r["name"] for q in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name") for r in session.run(q)}
    for stmt in (s for s in schema_statements() if _RULE_NAME.match(s).group(1) not in there):
        for attempt in range(3):  # each in its own session: a failure another client caused stays in its session
            try:
                with driver.session(database=database) as session:
                    session.execute_write(lambda tx: tx.run(stmt).consume())
            except ResultFailedError:  # the transaction failed beside another client's schema change: again
                if attempt == 2:
                    raise
                continue
            except Neo4jError as exc:  # another client created it between IF NOT EXISTS and the commit
                if not (exc.code or "").endswith("EquivalentSchemaRuleAlreadyExists"):
                    raise
            break
    with driver.session(database=database) as session:
        session.execute_read(lambda tx: tx.run("CALL db.awaitIndexes(300)").consume())


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
            f"SET n = {{{_props(label_schema(label).names, 1)}}} RETURN count(n) AS {label}")


def create_rels_query(rel: str) -> str:
    """CREATE ``rel`` relationships (rows: the two ends' elementIds, then the type's property values)."""
    names = type_schema(rel).names[2:]
    props = f" {{{_props(names, 2)}}}" if names else ""
    return (f"UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r[0] MATCH (b) WHERE elementId(b) = r[1] "
            f"CREATE (a)-[:{check_rel_type(rel)}{props}]->(b)")


#: relationships found by a Section or Sentence end
_DOC_ENDS = {"HAS_SECTION": "()-[r:HAS_SECTION]->(n:Section)", "PART_OF": "(n:Sentence)-[r:PART_OF]->()",
             "MENTIONED_IN": "()-[r:MENTIONED_IN]->(n:Sentence)"}
#: deletes the rows of the documents named in ``$rows``, counted per label and type, in ONE statement (the first
#: delta after the server starts plans it once, not once per part)
_DELETE_DOCS = " ".join(
    [f"CALL {{ MATCH ()-[r:{t}]->() WHERE r.doc IN $rows DELETE r RETURN count(r) AS {t} }}"
     for t in SEMANTIC_REL_TYPES]
    + [f"CALL {{ MATCH {ends} WHERE n.doc IN $rows DELETE r RETURN count(r) AS {t} }}" for t, ends in _DOC_ENDS.items()]
    + [f"CALL {{ MATCH (n:{lb}) WHERE n.doc IN $rows DETACH DELETE n RETURN count(n) AS {lb} }}" for lb in DOC_LABELS]
    + ["CALL { MATCH (n:Document) WHERE n.name IN $rows DETACH DELETE n RETURN count(n) AS Document }",
       "RETURN " + ", ".join([*SEMANTIC_REL_TYPES, *_DOC_ENDS, *DOC_LABELS, "Document"])])


@dataclass
class _Unit:
    """One write transaction."""

    counted: list[tuple[str, list]] = field(default_factory=list)  # (query, rows), returning counts per label
    nodes: list[tuple[str, list[tuple]]] = field(default_factory=list)  # (label, rows; id first)
    rels: list[tuple[str, list[tuple]]] = field(default_factory=list)  # (type, rows; the ends' ids first)
    #: ids of the existing nodes it links to (no two units in flight share one); None: any, so it runs alone
    ends: frozenset[str] | None = frozenset()


def _chunk_unit(nodes: pa.Table, edges: pa.Table) -> _Unit:
    ends = pa.chunked_array(edges["source"].chunks + edges["target"].chunks, pa.string())
    ends = pc.unique(ends.filter(pc.invert(pc.is_in(ends, nodes["id"].combine_chunks()))))
    return _Unit(nodes=[(label, values(part)) for label, part in split(nodes)],
                 rels=[(rel, values(part)) for rel, part in split(edges)], ends=frozenset(ends.to_pylist()))


def _transact(tx: ManagedTransaction, unit: _Unit, known: dict[str, str]) -> tuple[Counter, dict[str, str]]:
    """Run ``unit``; return what it did per label and type, and the elementIds of the nodes it created."""
    done: Counter = Counter()
    made: dict[str, str] = {}
    for query, rows in unit.counted:
        done.update(tx.run(query, rows=rows).single(strict=True))
    for label, rows in unit.nodes:
        eids = tx.run(create_nodes_query(label), rows=rows).single(strict=True)["e"]
        made.update(zip((r[0] for r in rows), eids))
        done[label] += len(eids)
    for rel, rows in unit.rels:
        try:
            rows = [(made.get(r[0]) or known[r[0]], made.get(r[1]) or known[r[1]], *r[2:]) for r in rows]
        except KeyError as exc:
            raise Neo4jLoadError(f"cannot load a {rel} relationship into Neo4j: its end {exc.args[0]} is neither "
                                 "among the rows nor in the database") from None
        done[rel] += tx.run(create_rels_query(rel), rows=rows).consume().counters.relationships_created
    return done, made


class _Writer:
    """Commits units in ``pool``, up to ``workers`` at once, and adds up what they did into the report."""

    def __init__(self, driver: Driver, database: str | None, pool: ThreadPoolExecutor, workers: int,
                 report: LoadReport, progress: LoadProgress | None) -> None:
        self.driver, self.database, self.pool, self.workers = driver, database, pool, workers
        self.report, self.progress = report, progress or (lambda written, total: None)
        self.pending: list[tuple[Future, _Unit, Counter, bool]] = []
        self.known: dict[str, str] = {}  # id -> elementId of the entities
        self.written = 0

    def _commit(self, unit: _Unit) -> tuple[Counter, dict[str, str]]:
        with self.driver.session(database=self.database) as session:
            return session.execute_write(_transact, unit, self.known)

    def submit(self, unit: _Unit, target: Counter, keep: bool = False) -> None:
        """Commit ``unit``, adding what it did to ``target``; ``keep`` the elementIds it made."""
        if any(u.ends is None or unit.ends is None or not u.ends.isdisjoint(unit.ends) for _, u, _, _ in self.pending):
            self.drain()  # it would lock a node that a transaction in flight locks: a deadlock to retry
        self.pending.append((self.pool.submit(self._commit, unit), unit, target, keep))
        self.drain(self.workers - 1)

    def drain(self, leave: int = 0) -> None:
        """Wait until at most ``leave`` units are in flight (a later step depends on the others)."""
        while len(self.pending) > leave:
            future, unit, target, keep = self.pending.pop(0)
            done, made = future.result()
            target.update({k: v for k, v in done.items() if v})
            if keep:
                self.known.update(made)
            self.report.transactions += 1
            self.written += sum(len(rows) for _, rows in unit.nodes + unit.rels)
            self.progress(self.written, self.report.rows)


_ANY_ENTITY = " OR ".join(f"n:{label}" for label in GLOBAL_LABELS)
_ENTITY_COUNTS = "RETURN " + ", ".join(f"COUNT {{ MATCH (:{label}) }} AS {label}" for label in GLOBAL_LABELS)


def _entity_diff(session, build: Build, touched: set[str], known: dict[str, str]) -> tuple[dict, dict, dict, set]:
    """Entities to create, update and delete (label -> rows), and the documents whose mentions moved.

    Compares the entities that name a ``touched`` (stale or removed) document, in the build or in the database
    (keeping their elementIds in ``known``): an entity no such document names has the same row as before.
    Documents whose mentions moved (the symmetric difference of an entity's ``docs``) are touched too, until no
    more move; should the entity counts not add up, every entity is compared.
    """
    new, want = build.entities, Counter(build.entities["label"].to_pylist())
    while True:
        create, update, delete, moved, old = {}, {}, {}, set(), {}
        names = pa.array(sorted(touched), pa.string())
        hit = touching(new["docs"], names)
        for r in session.run(f"MATCH (n) WHERE ({_ANY_ENTITY}) AND (n.id IN $ids OR any(d IN n.docs WHERE d IN $docs)) "
                             "RETURN elementId(n) AS e, labels(n)[0] AS l, properties(n) AS p",
                             ids=pc.filter(new["id"], hit).to_pylist(), docs=names.to_pylist()):
            old[r["p"]["id"]] = (r["l"], r["p"])
            known[r["p"]["id"]] = r["e"]
        for row in new.filter(pc.or_(hit, pc.is_in(new["id"], value_set=pa.array(list(old), pa.string())))).to_pylist():
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
        if any(held[lb] + len(create.get(lb, ())) - len(delete.get(lb, ())) != want[lb] for lb in GLOBAL_LABELS):
            every = session.run("MATCH (n:Document) RETURN collect(n.name) AS d").single()["d"]
            touched = touched | set(build.keys) | set(every)  # an entity changed that no touched document names
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
    with ThreadPoolExecutor(max_workers=workers) as pool:
        writer = _Writer(driver, config.database, pool, workers, report, progress)
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
            writer.submit(_Unit(counted=[(_DELETE_DOCS, docs)], ends=None), report.deleted)
        writer.drain()
        for label, eids in delete.items():
            query = (f"UNWIND $rows AS e MATCH (n:{check_label(label)}) WHERE elementId(n) = e DETACH DELETE n "
                     f"RETURN count(n) AS {label}")
            for part in _batches(eids, batch_rows):
                writer.submit(_Unit(counted=[(query, part)]), report.deleted)
        for label, items in update.items():
            for part in _batches(items, batch_rows):
                writer.submit(_Unit(counted=[(update_nodes_query(label), part)]), report.updated)
        for label, items in create.items():
            for part in _batches(items, batch_rows):
                writer.submit(_Unit(nodes=[(label, part)]), report.created, keep=True)
        writer.drain()
        for nodes, edges in chunks(rows, stale, batch_rows) if stale else ():
            writer.submit(_chunk_unit(nodes, edges), report.created)
        writer.drain()


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
    try:
        rows = as_rows(rows)
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
        except (Neo4jError, DriverError, OSError) as exc:
            gone = "went away during" if isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)) else "failed in"
            raise Neo4jLoadError(f"Neo4j at {config.uri} {gone} the {step} after {report.transactions} "
                                 f"transactions ({_counts(report.created)} created): {_reason(exc)}") from None
    report.seconds = time.perf_counter() - t0
    return report


@dataclass(frozen=True)
class Neo4jSink:
    """Neo4j as a :class:`kg.rows.Sink`: ``write`` and ``apply`` are both :func:`load_rows`, which works out the
    delta against what the database holds (it may hold any build, or another client's edits), not the pipeline's."""

    config: Neo4jConfig
    batch_rows: int = BATCH_ROWS
    on_plan: Callable[[LoadReport], None] | None = None

    def write(self, rows: Rows) -> LoadReport:
        return load_rows(rows, self.config, batch_rows=self.batch_rows, on_plan=self.on_plan)

    def apply(self, delta: object, rows: Rows) -> LoadReport:
        return self.write(rows)


def admin_import_commands(out: str | Path) -> list[str]:
    """The commands that load the build in ``out`` into an empty database with ``neo4j-admin database import``:
    the neo4j-csv export, its ``import.sh`` with the server stopped, then with it running the schema step."""
    script = Path(out) / "neo4j-import" / "import.sh"
    return [f"kg export {out} --format neo4j-csv", "neo4j stop", f"sh {script} import", "neo4j start",
            f"sh {script} schema"]


def _driver(config: Neo4jConfig) -> Driver:
    if config.uri.partition("://")[0] not in ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
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
        if m := re.search(r"reason:? (?:\[Errno -?\d+\] )?([^)\n]+)", msg):
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
