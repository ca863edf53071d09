"""Every library query gives the same rows on a live Neo4j and on the embedded store (sample corpus)."""

from __future__ import annotations

import pytest

from kg.pipeline.outputs import CacheRows
from kg.query import EmbeddedEngine, Neo4jEngine, QueryError, load_library, run_query
from kg.sinks.neo4j import load_rows
from neo4j_dump import assert_same_rows

pytestmark = pytest.mark.neo4j

LIBRARY = load_library()


@pytest.fixture(scope="module")
def engines(neo4j_server, neo4j_driver, sample_build):
    """The sample build in both engines: (its embedded store, Neo4j loaded from its cache)."""
    with neo4j_driver.session(database=neo4j_server.database) as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass
    load_rows(CacheRows.of_build(sample_build.out), neo4j_server)
    embedded = EmbeddedEngine(sample_build.out / "store")
    neo = Neo4jEngine(neo4j_server)
    yield embedded, neo
    embedded.close()
    neo.close()


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_query_gives_the_same_rows_on_both_engines(engines, name):
    assert_same_rows(name, *engines, LIBRARY)


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
