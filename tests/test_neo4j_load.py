"""A build's rows in a live Neo4j: a fresh load writes every row and property, a second load changes nothing."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kg.pipeline.outputs import CacheRows
from kg.rows import to_networkx
from kg.schema import ENTITY_LABELS, NODE_LABELS
from kg.sinks.neo4j import apply_schema, load_rows, schema_statements
from neo4j_dump import db_dump, rows_dump

pytestmark = pytest.mark.neo4j

CJK = re.compile(r"[\u4e00-\u9fff]")
LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@pytest.fixture(scope="module")
def rows(sample_build) -> CacheRows:
    return CacheRows.of_build(sample_build.out)


@pytest.fixture(scope="module")
def graph(rows):
    return to_networkx(rows)


def _phrase(text: str) -> str:
    return '"' + LUCENE_SPECIAL.sub(r"\\\1", text) + '"'


def test_a_fresh_load_creates_every_row_with_every_property(neo4j_clean, neo4j_driver, rows, graph):
    seen = []
    report = load_rows(rows, neo4j_clean, batch_rows=300, on_plan=lambda r: seen.append((r.fresh, r.rows)))
    assert seen == [(True, graph.number_of_nodes() + graph.number_of_edges())]
    assert report.fresh and not report.deleted and not report.updated
    assert report.documents == Counter(added=5, changed=0, removed=0, unchanged=0)
    want = Counter(a["label"] for _, a in graph.nodes(data=True)) + Counter(a["type"] for *_, a in graph.edges(data=True))
    assert report.created == want
    assert report.transactions > 5  # whole documents, several per transaction of about 300 rows
    assert db_dump(neo4j_driver) == rows_dump(graph)
    chinese = [(n, a["name"]) for n, a in graph.nodes(data=True) if CJK.search(a.get("name") or "")]
    got = {r["id"]: r["name"] for r in neo4j_driver.execute_query(
        "MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name", ids=[n for n, _ in chinese]).records}
    assert chinese and got == dict(chinese)


def test_a_second_load_changes_nothing(neo4j_clean, neo4j_driver, rows, graph):
    load_rows(rows, neo4j_clean)
    before = {r["id"]: r["e"] for r in neo4j_driver.execute_query("MATCH (n) RETURN n.id AS id, elementId(n) AS e").records}
    again = load_rows(rows, neo4j_clean)
    assert not again.fresh and not (again.created or again.updated or again.deleted)
    assert again.documents == Counter(added=0, changed=0, removed=0, unchanged=5)
    assert again.line().startswith("5 unchanged; nothing changed")
    after = {r["id"]: r["e"] for r in neo4j_driver.execute_query("MATCH (n) RETURN n.id AS id, elementId(n) AS e").records}
    assert after == before and db_dump(neo4j_driver) == rows_dump(graph)


def test_the_schema_is_there_after_a_load(neo4j_clean, neo4j_driver, rows):
    load_rows(rows, neo4j_clean)
    apply_schema(neo4j_driver, neo4j_clean.database)  # idempotent: a second run adds nothing
    cons = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties").records
    unique = {r["labelsOrTypes"][0] for r in cons if r["type"].endswith("UNIQUENESS") and r["properties"] == ["id"]}
    assert set(NODE_LABELS) <= unique
    idx = {r["name"]: r for r in neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options").records}
    assert all(r["state"] == "ONLINE" for r in idx.values())
    ft = idx["entity_names"]
    assert ft["type"] == "FULLTEXT" and set(ft["labelsOrTypes"]) == set(ENTITY_LABELS)
    assert set(ft["properties"]) == {"name", "aliases"}
    assert ft["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    ranged = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in idx.values() if r["type"] == "RANGE"}
    assert {(lb, ("doc",)) for lb in ("Section", "Sentence", "Metric")} <= ranged
    assert len(cons) + len([r for r in idx.values() if r["type"] != "LOOKUP"]) >= len(schema_statements())


def test_fulltext_finds_chinese_names(neo4j_clean, neo4j_driver, rows, graph):
    load_rows(rows, neo4j_clean)
    titled = [(n, a["title"]) for n, a in graph.nodes(data=True)
              if a["label"] in ("Document", "Section") and len(CJK.findall(a.get("title") or "")) >= 2]
    n, title = max(titled, key=lambda t: len(t[1]))
    hits = [r["id"] for r in neo4j_driver.execute_query(
        "CALL db.index.fulltext.queryNodes('titles', $q) YIELD node RETURN node.id AS id", q=_phrase(title)).records]
    assert n in hits
    ents = [(n, a) for n, a in graph.nodes(data=True) if a["label"] in ENTITY_LABELS and len(CJK.findall(a["name"])) >= 2]
    for n, a in sorted(ents, key=lambda e: -len(e[1]["name"]))[:5]:
        hits = [r["id"] for r in neo4j_driver.execute_query(
            "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id LIMIT 500",
            q=_phrase(a["name"])).records]
        assert n in hits, f"full-text search for {a['name']!r} does not find {n}"
