"""neo4j-admin imports the neo4j-csv and Parquet exports; import.sh's schema step makes them answer like ``kg load``.

For each format: the export of the sample corpus and of the hostile graph is imported
into a fresh database by neo4j-admin 5.26 (assembled from the test harness's jars),
a Neo4j server starts on it, ``sh import.sh schema`` runs (through ``kg schema apply``:
the harness has no cypher-shell), and then the database must hold every value exactly,
answer the full-text query, and give every library query the rows it gives on a
database that ``kg load`` wrote. (neo4j-admin does not import an empty list from CSV:
the schema step puts them back, see :func:`kg.sinks.exports.neo4j_import.restore_statements`.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx
import pytest
from neo4j import GraphDatabase

from conftest import harness, neo4j_unavailable
from corpus_rows import sample_rows
from export_graphs import canonical, hostile_graph
from kg.query import Neo4jEngine, load_library, run_query
from kg.rows import TableRows, graph_rows, to_networkx
from kg.sinks.exports import export
from kg.sinks.neo4j import load_rows

pytestmark = pytest.mark.neo4j
LIBRARY = load_library()


def _rows() -> TableRows:
    corpus, hostile = sample_rows(), graph_rows(hostile_graph())
    return TableRows(corpus.nodes + hostile.nodes, corpus.edges + hostile.edges)


def _run(args: list[str], cwd, env: dict) -> None:
    proc = subprocess.run(args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{' '.join(args)}: {(proc.stdout + proc.stderr)[-3000:]}"


@pytest.fixture(scope="module", params=["neo4j-csv", "parquet"])
def imported(request, tmp_path_factory):
    """(format, a driver on the imported database with the schema step done)."""
    missing = harness.missing_tools()
    if missing:
        neo4j_unavailable(f"{' and '.join(missing)} not on PATH: cannot assemble neo4j-admin")
    tmp = tmp_path_factory.mktemp(request.param)
    folder = export(_rows(), request.param, tmp)
    home = tmp / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    admin = harness.admin_command()
    assert not any(" " in part for part in admin), "import.sh splits NEO4J_ADMIN on spaces"
    _run(["sh", "import.sh", "import"], folder,
         {"NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"), "NEO4J_ADMIN": " ".join(admin)})
    server = harness.start_server(data=home)
    try:
        c = server.config
        _run(["sh", "import.sh", "schema"], folder,
             {"NEO4J_URI": c.uri, "NEO4J_USER": c.user, "NEO4J_PASSWORD": c.password,
              "CYPHER_SHELL": "kg-test-no-cypher-shell", "KG": f"{sys.executable} -m kg.cli"})
        with GraphDatabase.driver(c.uri, auth=(c.user, c.password)) as driver:
            yield request.param, driver, c
    finally:
        server.stop(graceful=False)


@pytest.fixture(scope="module")
def loaded(neo4j_server, neo4j_driver):
    """The session's Neo4j with the same rows written by ``kg load``."""
    with neo4j_driver.session(database=neo4j_server.database) as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass
    load_rows(to_networkx(_rows()), neo4j_server)
    engine = Neo4jEngine(neo4j_server)
    yield engine
    engine.close()


def test_the_database_holds_every_value_exactly(imported):
    """Nodes with their label as label and as property (as ``kg load`` writes them); relationships compared as a
    multiset of (start, end, type and properties): they carry no id."""
    _, driver, _ = imported
    g = nx.MultiDiGraph()
    for r in driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records:
        assert r["l"] == [r["p"]["label"]]
        g.add_node(r["p"]["id"], **r["p"])
    for r in driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t, properties(r) AS p").records:
        g.add_edge(r["a"], r["b"], **r["p"], type=r["t"])
    got_nodes, got_edges = canonical(g)
    want_nodes, want_edges = canonical(to_networkx(_rows()))
    assert got_nodes == want_nodes
    assert got_edges == want_edges


def test_the_full_text_index_answers(imported):
    _, driver, _ = imported
    hits = {r["id"] for r in driver.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', '\"交通运输局\"') YIELD node RETURN node.id AS id").records}
    g = to_networkx(_rows())
    want = {n for n, a in g.nodes(data=True) if a["label"] in ("Agency", "Organization", "Campaign", "Regulation")
            and any("交通运输局" in s for s in [a["name"], *a.get("aliases", [])])}
    assert want and hits == want


def _key(row: list) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_library_query_answers_as_after_kg_load(imported, loaded, name):
    _, _, config = imported
    engine = Neo4jEngine(config)
    try:
        got = run_query(name, engine, library=LIBRARY)
    finally:
        engine.close()
    want = run_query(name, loaded, library=LIBRARY)
    assert got.columns == want.columns
    assert sorted(got.rows, key=_key) == sorted(want.rows, key=_key)
