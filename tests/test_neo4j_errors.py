"""Failures of the Neo4j load: each is a Neo4jLoadError of one line, nothing is written silently, and transient
errors (deadlocks between clients that apply the schema at once) are retried."""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import replace

import pytest

from kg.sinks.neo4j import Neo4jConfig, Neo4jLoadError, apply_schema, load_rows, schema_statements

from conftest import harness, neo4j_unavailable
from neo4j_testgraphs import small_graph

pytestmark = pytest.mark.neo4j


def _node_count(driver) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]


def _one_line(exc: Exception) -> str:
    text = str(exc)
    assert text and "\n" not in text
    return text


def _drop_schema(driver) -> None:
    for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records:
        driver.execute_query(f"DROP CONSTRAINT `{r['name']}`")
    for r in driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").records:
        driver.execute_query(f"DROP INDEX `{r['name']}`")


def test_wrong_password(neo4j_clean, neo4j_driver):
    bad = replace(neo4j_clean, password=neo4j_clean.password + "-wrong")
    with pytest.raises(Neo4jLoadError) as err:
        load_rows(small_graph(), bad)
    line = _one_line(err.value)
    assert line == f"Neo4j at {bad.uri} rejected user '{bad.user}': wrong user or password"
    assert bad.password not in line
    assert _node_count(neo4j_driver) == 0


def test_closed_port():
    with socket.socket() as s:  # a port that was free a moment ago and has no listener
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(Neo4jLoadError) as err:
        load_rows(small_graph(), Neo4jConfig(f"bolt://127.0.0.1:{port}", "neo4j", "x"))
    assert _one_line(err.value) == f"cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused"


def test_not_a_bolt_uri():
    with pytest.raises(Neo4jLoadError) as err:
        load_rows(small_graph(), Neo4jConfig("http://127.0.0.1:7474", "neo4j", "x"))
    assert _one_line(err.value).startswith("invalid Neo4j URI 'http://127.0.0.1:7474'")


def test_rows_outside_the_schema_are_refused_before_writing(neo4j_clean, neo4j_driver):
    g = small_graph(copies=3)
    g.add_node("x1", id="x1", label="Person", name="某人")
    with pytest.raises(Neo4jLoadError) as err:
        load_rows(g, neo4j_clean)
    assert "'Person'" in _one_line(err.value)
    g = small_graph(copies=3)
    g.add_edge("section_0", "document_0", type="HAS_SECTION")
    with pytest.raises(Neo4jLoadError) as err:
        load_rows(g, neo4j_clean)
    assert "Section -> Document" in _one_line(err.value)
    assert _node_count(neo4j_driver) == 0


def test_concurrent_schema_steps_retry_their_deadlocks(neo4j_clean, neo4j_driver):
    """Three clients create the schema at once (issue 15: DeadlockDetected was not retried)."""
    errors: list[str] = []

    def apply() -> None:
        try:
            apply_schema(neo4j_driver, neo4j_clean.database)
        except Exception as exc:  # noqa: BLE001 - the test reports whatever escaped
            errors.append(f"{type(exc).__name__}: {exc}")

    for _ in range(4):
        _drop_schema(neo4j_driver)
        threads = [threading.Thread(target=apply) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    names = {r["name"] for r in neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    names |= {r["name"] for r in neo4j_driver.execute_query("SHOW INDEXES YIELD name").records}
    assert {re.match(r"CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)", s).group(1) for s in schema_statements()} <= names


def test_server_gone_mid_load():
    """A second server is killed after 3 transactions: the error says how far the load got."""
    if harness.missing_tools():
        neo4j_unavailable(f"{' and '.join(harness.missing_tools())} not on PATH: cannot start a second Neo4j")
    server = harness.start_server(heap="512m")
    try:
        cfg = replace(server.config, max_retry_seconds=2.0)

        def kill_after_three(done: int, total: int, calls=[0]) -> None:
            calls[0] += 1
            if calls[0] == 3:
                server.kill()

        with pytest.raises(Neo4jLoadError) as err:  # 40 entities, 10 per transaction, then the documents
            load_rows(small_graph(copies=40), cfg, batch_rows=10, workers=1, progress=kill_after_three)
        line = _one_line(err.value)
        assert re.fullmatch(rf"Neo4j at {re.escape(cfg.uri)} went away during the load after 3 transactions "
                            r"\(Agency 30 created\): .+", line), line
    finally:
        server.stop()
