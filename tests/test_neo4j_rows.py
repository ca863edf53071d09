"""Parameter rows and queries of the Neo4j sink (no server needed)."""

from __future__ import annotations

import pytest

from kg.schema import ENTITY_LABELS, NODE_LABELS, REL_TYPES
from kg.sinks.neo4j import config_from_env, node_query, rel_query, schema_statements
from kg.sinks.neo4j_rows import GraphContractError, batches, neo4j_value, node_groups, rel_groups
from neo4j_testgraphs import small_graph


def test_values_neo4j_can_store():
    assert neo4j_value(None) is None
    assert neo4j_value("英德市交通运输局") == "英德市交通运输局"
    assert neo4j_value({"b", "a"}) == ["a", "b"]
    assert neo4j_value((2023, 2024)) == [2023, 2024]
    assert neo4j_value([1, 2.5]) == [1.0, 2.5]
    assert neo4j_value(["a", None, "b"]) == ["a", "b"]
    assert neo4j_value(["a", 1]) == ["a", "1"]
    assert neo4j_value({"k": [1]}) == '{"k": [1]}'
    assert neo4j_value(True) is True


def test_groups_by_label_and_by_type_with_end_labels():
    g = small_graph(copies=3)
    nodes = {ng.label: ng.rows for ng in node_groups(g)}
    assert sorted(nodes) == ["Agency", "Document", "Section"]
    row = nodes["Agency"][0]
    assert "label" not in row["props"] and "id" not in row["props"]
    assert row["props"]["aliases"] == ["交通局", "英德市交通运输局"]
    assert row["props"]["period"] is None  # kept: SET += null removes a stale property
    rels = {(rg.type, rg.start_label, rg.end_label): rg.rows for rg in rel_groups(g)}
    assert set(rels) == {("HAS_SECTION", "Document", "Section"), ("MENTIONED_IN", "Agency", "Section")}
    assert len(rels["MENTIONED_IN", "Agency", "Section"]) == 3
    assert all("type" not in r["props"] for rs in rels.values() for r in rs)


def test_contract_violations_name_the_culprit():
    g = small_graph()
    g.nodes["agency_0"]["label"] = "Person"
    with pytest.raises(GraphContractError, match="agency_0.*'Person'"):
        node_groups(g)
    g = small_graph()
    g.add_edge("section_0", "agency_0", key="r", id="r", type="CONDUCTS")
    with pytest.raises(GraphContractError, match="CONDUCTS goes Section -> Agency"):
        rel_groups(g)


def test_batches():
    assert [len(b) for b in batches(list(range(7)), 3)] == [3, 3, 1]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches([1], 0))


def test_queries_take_only_allowlisted_names():
    assert "MERGE (n:Agency {id: row.id})" in node_query("Agency")
    q = rel_query("MENTIONED_IN", "Agency", "Section")
    assert "MATCH (a:Agency {id: row.start})" in q and "[r:MENTIONED_IN {id: row.id}]" in q
    for bad in ("Agency) DETACH DELETE (n", "agency", ""):
        with pytest.raises(ValueError):
            node_query(bad)
    with pytest.raises(ValueError):
        rel_query("KNOWS", "Agency", "Section")


def test_schema_file_covers_every_label_and_type(tmp_path):
    stmts = schema_statements()
    assert all("IF NOT EXISTS" in s for s in stmts)
    for label in NODE_LABELS:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in stmts_text(stmts)
    for rtype in REL_TYPES:
        assert f"FOR ()-[r:{rtype}]-() REQUIRE r.id IS UNIQUE" in stmts_text(stmts)
    ft = [s for s in stmts if "entity_names" in s][0]
    assert all(lb in ft for lb in ENTITY_LABELS) and "'cjk'" in ft
    bad = tmp_path / "bad.cypher"
    bad.write_text("// x\nCREATE INDEX x IF NOT EXISTS FOR (n:Person) ON (n.name);\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Person"):
        schema_statements(bad)


def stmts_text(stmts: list[str]) -> str:
    return "\n".join(stmts)


def test_config_options_win_over_environment(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://env:7687")
    monkeypatch.setenv("NEO4J_USER", "envuser")
    monkeypatch.setenv("NEO4J_PASSWORD", "envpw")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    cfg = config_from_env()
    assert (cfg.uri, cfg.user, cfg.password, cfg.database) == ("bolt://env:7687", "envuser", "envpw", None)
    cfg = config_from_env(uri="bolt://opt:1", password="p", database="db")
    assert (cfg.uri, cfg.user, cfg.password, cfg.database) == ("bolt://opt:1", "envuser", "p", "db")
    assert "envpw" not in repr(config_from_env())
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var)
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    cfg = config_from_env()
    assert (cfg.uri, cfg.user) == ("bolt://localhost:7687", "neo4j")
