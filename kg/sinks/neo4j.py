"""Load the graph into a live Neo4j over Bolt, in batches, idempotently.

>>> cfg = config_from_env()                                   # doctest: +SKIP
>>> report = load_graph(build("data/corpus", "out").graph, cfg)  # doctest: +SKIP

The load first runs ``cypher/schema.cypher`` (constraints, indexes, full-text
indexes), then merges nodes label by label and relationships by (type, start
label, end label), ``batch_size`` rows per managed write transaction, so
transient errors are retried by the driver and a batch is either written
whole or not at all. Nodes and relationships are merged on ``id``: loading the
same graph again changes nothing, and a graph with more documents adds only
what is new. Labels and types come from :mod:`kg.schema` allowlists and are
checked before they are put in a query; every value is a parameter.

Every failure is a :class:`Neo4jLoadError` whose text is one line saying what
failed, where, and how much had been written.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from kg.resources import CYPHER_DIR
from kg.schema import SEMANTIC_REL_TYPES, check_label, check_rel_type
from kg.sinks.neo4j_rows import GraphContractError, NodeGroup, RelGroup, batches, node_groups, rel_groups

SCHEMA_FILE = CYPHER_DIR / "schema.cypher"
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: (batches done, batches in all) after each written batch
LoadProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Neo4jConfig:
    """Where and as whom to connect.

    ``database`` None means the server's default database. ``max_retry_seconds``
    bounds how long the driver retries a batch after transient errors.
    """

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None
    max_retry_seconds: float = 30.0


class Neo4jLoadError(Exception):
    """A load or schema step failed; ``str(e)`` is one line for the user."""


@dataclass
class LoadReport:
    """What a load wrote, and what the database holds afterwards.

    ``nodes_written``/``relationships_written`` are the rows merged (new or
    updated); ``nodes_created``/``relationships_created`` the ones that were new;
    ``node_count``/``relationship_count`` count the whole database after the load.
    """

    nodes_written: int
    relationships_written: int
    batches: int
    seconds: float
    node_count: int
    relationship_count: int
    nodes_created: int = 0
    relationships_created: int = 0


def config_from_env(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Neo4jConfig:
    """A :class:`Neo4jConfig` from the arguments, else the environment, else defaults.

    Parameters
    ----------
    uri, user, password, database : str, optional
        Win over ``NEO4J_URI``, ``NEO4J_USER`` (or ``NEO4J_USERNAME``), ``NEO4J_PASSWORD``
        and ``NEO4J_DATABASE``. Defaults: ``bolt://localhost:7687``, ``neo4j``, empty
        password, the server's default database.
    """
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


def schema_statements(path: str | Path = SCHEMA_FILE) -> list[str]:
    """The statements of a schema file, with every label and type checked against :mod:`kg.schema`.

    ``//`` comment lines are dropped and statements end with ``;``.

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
    return statements


def apply_schema(driver: Driver, database: str | None = None) -> None:
    """Create the constraints and indexes of ``cypher/schema.cypher`` (idempotent) and wait for them online.

    Parameters
    ----------
    driver : neo4j.Driver
        An open driver.
    database : str, optional
        The database; None for the server's default.
    """
    with driver.session(database=database) as session:
        for stmt in schema_statements():
            session.run(stmt).consume()
        session.run("CALL db.awaitIndexes(300)").consume()


# ----------------------------------------------------------------------- load
def node_query(label: str) -> str:
    """The batched MERGE of nodes with ``label`` (checked against the allowlist)."""
    label = check_label(label)
    return (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props "
            "RETURN count(n) AS written")


def rel_query(rel_type: str, start_label: str, end_label: str) -> str:
    """The batched CREATE of ``rel_type`` relationships between nodes found by id."""
    rel_type, start_label, end_label = check_rel_type(rel_type), check_label(start_label), check_label(end_label)
    return (f"UNWIND $rows AS row MATCH (a:{start_label} {{id: row.start}}) "
            f"MATCH (b:{end_label} {{id: row.end}}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.props "
            "RETURN count(r) AS written")


#: before a load, the documents it holds are removed with everything that belongs to them
#: (relationships carry no id: a document's are written again, not merged)
_CLEAR_DOCS = [
    *(f"MATCH ()-[r:{t}]->() WHERE r.doc IN $docs DELETE r" for t in SEMANTIC_REL_TYPES),
    *(f"MATCH (n:{label}) WHERE n.doc IN $docs DETACH DELETE n" for label in ("Section", "Sentence", "Metric")),
    "MATCH (n:Document) WHERE n.name IN $docs DETACH DELETE n",
]


@dataclass
class _Step:
    what: str  # "Agency nodes", "MENTIONED_IN Agency->Section relationships"
    query: str
    rows: list[dict]
    is_node: bool


def _plan(ngroups: list[NodeGroup], rgroups: list[RelGroup], batch_size: int) -> list[_Step]:
    steps = []
    for ng in ngroups:
        q = node_query(ng.label)
        steps += [_Step(f"{ng.label} nodes", q, b, True) for b in batches(ng.rows, batch_size)]
    for rg in rgroups:
        q = rel_query(rg.type, rg.start_label, rg.end_label)
        what = f"{rg.type} {rg.start_label}->{rg.end_label} relationships"
        steps += [_Step(what, q, b, False) for b in batches(rg.rows, batch_size)]
    return steps


def _write(tx: ManagedTransaction, query: str, rows: list[dict]) -> tuple[int, int, int]:
    result = tx.run(query, rows=rows)
    written = result.single(strict=True)["written"]
    c = result.consume().counters
    return written, c.nodes_created, c.relationships_created


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


def load_graph(
    g: nx.MultiDiGraph,
    config: Neo4jConfig,
    batch_size: int = 1000,
    *,
    progress: LoadProgress | None = None,
) -> LoadReport:
    """Merge the graph into Neo4j: schema first, then nodes, then relationships, in batches.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A graph following :mod:`kg.schema` (from :func:`kg.graph.build_graph` or ``read_json``).
    config : Neo4jConfig
        Server, user, password and database.
    batch_size : int
        Rows per write transaction.
    progress : callable, optional
        Called as ``progress(done, total)`` after each batch.

    Returns
    -------
    LoadReport

    Raises
    ------
    Neo4jLoadError
        The graph breaks the schema contract, the server cannot be reached, refuses the
        user, or fails or goes away during the load; the message says how much was written.
    """
    t0 = time.perf_counter()
    try:
        steps = _plan(node_groups(g), rel_groups(g), batch_size)
    except (GraphContractError, ValueError) as exc:
        raise Neo4jLoadError(f"cannot load the graph into Neo4j: {exc}") from None
    scheme = config.uri.partition("://")[0] if "://" in config.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jLoadError(f"invalid Neo4j URI {config.uri!r}: it must start with bolt:// or neo4j:// "
                             "(or their +s / +ssc forms)")
    try:
        driver = GraphDatabase.driver(config.uri, auth=(config.user, config.password), connection_timeout=10.0,
                                      max_transaction_retry_time=config.max_retry_seconds)
    except (ConfigurationError, ValueError) as exc:
        raise Neo4jLoadError(f"invalid Neo4j URI {config.uri!r}: {_reason(exc)}") from None

    done = nodes = rels = nodes_new = rels_new = 0
    with driver:
        try:
            driver.verify_connectivity()
            apply_schema(driver, config.database)
        except (Neo4jError, DriverError, OSError) as exc:
            raise _connect_error(exc, config) from None
        docs = sorted(str(a["name"]) for _, a in g.nodes(data=True) if a.get("label") == "Document")
        try:
            with driver.session(database=config.database) as session:
                for stmt in _CLEAR_DOCS:
                    session.run(stmt, docs=docs).consume()
                for step in steps:
                    written, created_n, created_r = session.execute_write(_write, step.query, step.rows)
                    if written != len(step.rows):
                        raise Neo4jLoadError(
                            f"Neo4j at {config.uri}: batch {done + 1}/{len(steps)} of {step.what} wrote "
                            f"{written} of {len(step.rows)} rows (an end node is missing); {done} batches "
                            f"({nodes} nodes, {rels} relationships) were written before it")
                    done += 1
                    if step.is_node:
                        nodes += written
                    else:
                        rels += written
                    nodes_new += created_n
                    rels_new += created_r
                    if progress is not None:
                        progress(done, len(steps))
                node_count = session.run("MATCH (n) RETURN count(n) AS c").single(strict=True)["c"]
                rel_count = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single(strict=True)["c"]
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise Neo4jLoadError(
                f"Neo4j at {config.uri} went away after {done}/{len(steps)} batches "
                f"({nodes} nodes, {rels} relationships written): {_reason(exc)}") from None
        except (Neo4jError, DriverError) as exc:
            where = (f"at batch {done + 1}/{len(steps)} ({steps[done].what})" if done < len(steps)
                     else f"counting after all {done} batches")
            raise Neo4jLoadError(
                f"Neo4j at {config.uri} failed {where} after {nodes} nodes, {rels} relationships "
                f"written: {_reason(exc)}") from None
    return LoadReport(
        nodes_written=nodes, relationships_written=rels, batches=done, seconds=time.perf_counter() - t0,
        node_count=node_count, relationship_count=rel_count, nodes_created=nodes_new,
        relationships_created=rels_new,
    )
