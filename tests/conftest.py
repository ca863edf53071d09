"""Shared fixtures: the live Neo4j test server.

``neo4j_server`` (session) yields a :class:`kg.sinks.neo4j.Neo4jConfig`: the server at
``NEO4J_URI`` (with ``NEO4J_USER``/``NEO4J_PASSWORD``) when that is set, else the in-process
Neo4j of ``tests/neo4j_harness`` (built with Maven once, started on a free port, stopped at
the end). Without java or mvn the Neo4j tests are skipped, except under ``CI=true`` where
they fail. ``neo4j_clean`` empties the database (schema kept) before a test.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from kg.sinks.neo4j import Neo4jConfig, config_from_env

_LAUNCH = Path(__file__).resolve().parent / "neo4j_harness" / "launch.py"


def _load_launcher():
    spec = importlib.util.spec_from_file_location("kg_neo4j_harness_launch", _LAUNCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


harness = _load_launcher()


def neo4j_unavailable(reason: str) -> None:
    """Skip with ``reason``; under ``CI=true`` fail instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Neo4j test server unavailable under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jConfig]:
    """A live Neo4j: ``NEO4J_URI`` if set, else the Maven-built in-process harness."""
    if os.environ.get("NEO4J_URI"):
        config = config_from_env()
        try:
            harness.wait_for_bolt(config, timeout=30)
        except harness.HarnessError as exc:
            neo4j_unavailable(str(exc))
        yield config
        return
    missing = harness.missing_tools()
    if missing:
        neo4j_unavailable(f"{' and '.join(missing)} not on PATH: cannot build the Neo4j test server")
    try:
        server = harness.start_server()
    except (harness.HarnessError, OSError) as exc:
        neo4j_unavailable(str(exc))
    try:
        yield server.config
    finally:
        server.stop(graceful=False)  # a throwaway database: no need for Neo4j's clean shutdown


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Neo4jConfig) -> Iterator[Driver]:
    """A driver for :func:`neo4j_server`."""
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        yield driver


@pytest.fixture
def neo4j_clean(neo4j_server: Neo4jConfig, neo4j_driver: Driver) -> Neo4jConfig:
    """The server with every node and relationship deleted (constraints and indexes stay)."""
    with neo4j_driver.session(database=neo4j_server.database) as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass
    return neo4j_server


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample corpus built once per session with every output; tests only read it."""
    from kg.pipeline import build

    return build(Path(__file__).resolve().parent.parent / "data" / "corpus", tmp_path_factory.mktemp("sample") / "out")
