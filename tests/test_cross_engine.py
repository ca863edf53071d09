"""Every library query gives the same rows on a live Neo4j and on the embedded store (sample corpus)."""

from __future__ import annotations

import json
import re

import pytest

from kg.query import EmbeddedEngine, Neo4jEngine, QueryError, load_library, run_query
from kg.sinks.store import write_store
from kg.sinks.neo4j import load_graph

pytestmark = pytest.mark.neo4j

LIBRARY = load_library()


@pytest.fixture(scope="module")
def engines(neo4j_server, neo4j_driver, tmp_path_factory, sample_build):
    """The sample graph in both engines: (embedded, neo4j)."""
    out = tmp_path_factory.mktemp("cross")
    g = sample_build.graph
    with neo4j_driver.session(database=neo4j_server.database) as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass
    load_graph(g, neo4j_server)
    write_store(g, out / "store")
    embedded = EmbeddedEngine(out / "store")
    neo = Neo4jEngine(neo4j_server)
    yield embedded, neo
    embedded.close()
    neo.close()


def _ordered(cypher: str) -> bool:
    """True when the final RETURN is sorted (an ORDER BY after the last RETURN)."""
    tail = re.split(r"\bRETURN\b", cypher, flags=re.IGNORECASE)[-1]
    return re.search(r"\bORDER\s+BY\b", tail, flags=re.IGNORECASE) is not None and "UNION" not in cypher.upper()


def _key(row: list) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


#: queries of Indicator nodes and REPORTED_BY edges (issue 12); test_queries.py also compares them on a hand-built graph
METRIC_LINK_QUERIES = {"indicator_series", "indicators_in_several_documents", "compare_bodies", "metrics_by_body"}


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_query_gives_the_same_rows_on_both_engines(engines, sample_build, name):
    embedded, neo = engines
    linked = any(a["label"] == "Indicator" for _, a in sample_build.graph.nodes(data=True))
    if name in METRIC_LINK_QUERIES and not linked:
        pytest.skip("the sample graph has no Indicator yet (issue 12's data is not merged): see test_queries.py")
    q = LIBRARY[name]
    a = run_query(name, embedded, library=LIBRARY)
    b = run_query(name, neo, library=LIBRARY)
    assert a.columns == b.columns
    assert a.rows, f"{name}: no rows with its defaults, so nothing is compared"
    if _ordered(q.cypher) and (q.ladybug_cypher is None or _ordered(q.ladybug_cypher)):
        assert a.rows == b.rows
    else:
        assert sorted(a.rows, key=_key) == sorted(b.rows, key=_key)


def test_nodes_and_relationships_come_back_as_the_same_dicts(engines):
    embedded, neo = engines
    cypher = ("MATCH (a:Agency)-[r:MENTIONED_IN]->(s:Sentence) RETURN a, r, s "
              "ORDER BY a.id, r.start LIMIT 20")
    a = run_query(cypher, embedded)
    b = run_query(cypher, neo)
    assert a.rows and a.rows == b.rows
    node, rel, _ = a.rows[0]
    assert node["label"] == "Agency" and rel["type"] == "MENTIONED_IN" and isinstance(node["aliases"], list)


def test_neo4j_errors_are_one_line_and_reads_cannot_write(engines):
    _, neo = engines
    with pytest.raises(QueryError) as err:
        run_query("MATCH (n:Agency RETURN n", neo)
    assert str(err.value).startswith("neo4j: ") and "\n" not in str(err.value)
    with pytest.raises(QueryError, match="^neo4j: "):
        run_query("CREATE (:Agency {id: 'written'}) RETURN 1 AS one", neo)
    assert run_query("MATCH (n:Agency {id: 'written'}) RETURN count(n) AS c", neo).rows == [[0]]
