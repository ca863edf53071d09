"""Failures of the Neo4j load: each is a Neo4jLoadError with one line, and nothing is written silently."""

from __future__ import annotations

import re
import socket
from dataclasses import replace

import pytest

from kg.sinks.neo4j import Neo4jConfig, Neo4jLoadError, load_graph

from conftest import harness, neo4j_unavailable
from neo4j_testgraphs import small_graph

pytestmark = pytest.mark.neo4j


def _node_count(driver) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]


def _one_line(exc: Exception) -> str:
    text = str(exc)
    assert text and "\n" not in text
    return text


def test_wrong_password(neo4j_clean, neo4j_driver):
    bad = replace(neo4j_clean, password=neo4j_clean.password + "-wrong")
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(small_graph(), bad)
    line = _one_line(err.value)
    assert line == f"Neo4j at {bad.uri} rejected user '{bad.user}': wrong user or password"
    assert bad.password not in line
    assert _node_count(neo4j_driver) == 0


def test_closed_port():
    with socket.socket() as s:  # a port that was free a moment ago and has no listener
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = Neo4jConfig(f"bolt://127.0.0.1:{port}", "neo4j", "x")
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(small_graph(), cfg)
    assert _one_line(err.value) == f"cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused"


def test_not_a_bolt_uri():
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(small_graph(), Neo4jConfig("http://127.0.0.1:7474", "neo4j", "x"))
    assert _one_line(err.value).startswith("invalid Neo4j URI 'http://127.0.0.1:7474'")


def test_graph_outside_the_schema_is_refused_before_writing(neo4j_clean, neo4j_driver):
    g = small_graph()
    g.add_node("x1", id="x1", label="Person", name="某人")
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(g, neo4j_clean)
    assert "'Person'" in _one_line(err.value)
    g = small_graph()
    g.add_edge("section_0", "document_0", key="bad", id="bad", type="HAS_SECTION", doc="d",
               start=0, end=1, sentence="")
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(g, neo4j_clean)
    assert "Section -> Document" in _one_line(err.value)
    g = small_graph()
    g.add_edge("document_0", "section_0", key="b2", id="b2", type="DELETE_ALL", doc="d")
    with pytest.raises(Neo4jLoadError) as err:
        load_graph(g, neo4j_clean)
    assert "'DELETE_ALL'" in _one_line(err.value)
    assert _node_count(neo4j_driver) == 0


def test_server_gone_mid_load():
    """A second server is killed after 3 batches: the error says how much was written."""
    if harness.missing_tools():
        neo4j_unavailable(f"{' and '.join(harness.missing_tools())} not on PATH: cannot start a second Neo4j")
    server = harness.start_server(heap="512m")
    try:
        cfg = replace(server.config, max_retry_seconds=2.0)
        g = small_graph(copies=20)  # 3 labels x 20 nodes, 2 types x 20 relationships -> 6 + 4 batches of 10

        def kill_after_three(done: int, total: int) -> None:
            if done == 3:
                server.kill()

        with pytest.raises(Neo4jLoadError) as err:
            load_graph(g, cfg, batch_size=10, progress=kill_after_three)
        line = _one_line(err.value)
        assert re.fullmatch(rf"Neo4j at {re.escape(cfg.uri)} went away after 3/10 batches "
                            r"\(30 nodes, 0 relationships written\): .+", line), line
    finally:
        server.stop()
