"""Loading the sample corpus graph into a live Neo4j: counts, properties, idempotence, increments, schema."""

from __future__ import annotations

import math
import re
import shutil
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.pipeline import build
from kg.schema import ENTITY_LABELS, NODE_LABELS, REL_TYPES
from kg.pipeline import BuildResult
from kg.sinks.neo4j import apply_schema, load_graph, schema_statements
from kg.sinks.neo4j_rows import neo4j_value

pytestmark = pytest.mark.neo4j

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
CJK = re.compile(r"[\u4e00-\u9fff]")
LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@pytest.fixture(scope="module")
def sample(sample_build):
    """The sample corpus built once: (graph, output folder)."""
    return sample_build.graph, sample_build.out


def _db_counts(driver) -> tuple[Counter, Counter]:
    labels = Counter()
    for r in driver.execute_query("MATCH (n) RETURN labels(n) AS l, count(*) AS c").records:
        labels[":".join(sorted(r["l"]))] += r["c"]
    types = Counter({r["t"]: r["c"] for r in
                     driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c").records})
    return labels, types


def _graph_counts(g: nx.MultiDiGraph) -> tuple[Counter, Counter]:
    return (Counter(a["label"] for _, a in g.nodes(data=True)),
            Counter(a["type"] for _, _, a in g.edges(data=True)))


def _expected(attrs: dict, skip: str) -> dict:
    return {k: neo4j_value(v) for k, v in attrs.items() if k != skip and v is not None}


def _db_nodes(driver) -> dict[str, tuple[list[str], dict, str]]:
    rows = driver.execute_query("MATCH (n) RETURN n.id AS id, labels(n) AS l, properties(n) AS p, "
                                "elementId(n) AS e").records
    return {r["id"]: (r["l"], r["p"], r["e"]) for r in rows}


def _db_rels(driver) -> dict[str, tuple[str, str, str, dict]]:
    rows = driver.execute_query("MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS t, a.id AS a, b.id AS b, "
                                "properties(r) AS p").records
    return {r["id"]: (r["t"], r["a"], r["b"], r["p"]) for r in rows}


def _phrase(text: str) -> str:
    return '"' + LUCENE_SPECIAL.sub(r"\\\1", text) + '"'


def test_counts_per_label_and_type_match_the_graph(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    report = load_graph(g, neo4j_clean, batch_size=50)
    labels, types = _db_counts(neo4j_driver)
    want_labels, want_types = _graph_counts(g)
    assert labels == want_labels
    assert types == want_types
    assert (report.node_count, report.relationship_count) == (g.number_of_nodes(), g.number_of_edges())
    assert (report.nodes_written, report.relationships_written) == (g.number_of_nodes(), g.number_of_edges())
    assert (report.nodes_created, report.relationships_created) == (g.number_of_nodes(), g.number_of_edges())
    groups = Counter(a["label"] for _, a in g.nodes(data=True))
    rel_groups = Counter((a["type"], g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, a in g.edges(data=True))
    assert report.batches == sum(math.ceil(c / 50) for c in [*groups.values(), *rel_groups.values()])


def test_every_property_round_trips(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    load_graph(g, neo4j_clean)
    nodes = _db_nodes(neo4j_driver)
    assert set(nodes) == set(g.nodes)
    for n, attrs in g.nodes(data=True):
        labels, props, _ = nodes[n]
        assert labels == [attrs["label"]]
        assert props == _expected(attrs, "label"), n
    rels = _db_rels(neo4j_driver)
    assert len(rels) == g.number_of_edges()
    for u, v, attrs in g.edges(data=True):
        rtype, a, b, props = rels[attrs["id"]]
        assert (rtype, a, b) == (attrs["type"], u, v)
        assert props == _expected(attrs, "type"), attrs["id"]
    # a Chinese name or title, read back byte for byte
    chinese = [(n, k, a[k]) for n, a in g.nodes(data=True) for k in ("name", "title")
               if isinstance(a.get(k), str) and CJK.search(a[k])]
    assert chinese, "the sample corpus graph has no Chinese name or title"
    for n, k, text in chinese[:50]:
        assert nodes[n][1][k] == text


def test_entity_aliases_round_trip_as_lists(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    ents = [(n, a) for n, a in g.nodes(data=True) if a["label"] in ENTITY_LABELS and a.get("aliases")]
    if not ents:
        pytest.skip("the sample graph has no entity with aliases yet")
    load_graph(g, neo4j_clean)
    n, a = max(ents, key=lambda e: len(e[1]["aliases"]))
    rec = neo4j_driver.execute_query("MATCH (e {id: $id}) RETURN e.aliases AS aliases, e.name AS name",
                                     id=n).records[0]
    assert rec["aliases"] == list(a["aliases"]) and rec["name"] == a["name"]


def test_metric_value_round_trips_as_float(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    metrics = [(n, a) for n, a in g.nodes(data=True) if a["label"] == "Metric" and a.get("value") is not None]
    if not metrics:
        pytest.skip("the sample graph has no Metric with a value yet")
    load_graph(g, neo4j_clean)
    got = {r["id"]: r["v"] for r in neo4j_driver.execute_query(
        "MATCH (m:Metric) WHERE m.value IS NOT NULL RETURN m.id AS id, m.value AS v").records}
    assert got == {n: float(a["value"]) for n, a in metrics}


def test_loading_twice_changes_nothing(neo4j_clean, neo4j_driver, sample):
    g, out = sample
    load_graph(g, neo4j_clean, batch_size=200)
    before = (_db_nodes(neo4j_driver), _db_rels(neo4j_driver))
    # the second load reads the build from its cache, as `kg load OUT --neo4j` does
    again = load_graph(BuildResult(out=out, summary={}).graph, neo4j_clean, batch_size=200)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert (again.node_count, again.relationship_count) == (g.number_of_nodes(), g.number_of_edges())
    assert (_db_nodes(neo4j_driver), _db_rels(neo4j_driver)) == before


def test_one_more_document_adds_only_what_is_new(neo4j_clean, neo4j_driver, tmp_path):
    docs = sorted(CORPUS.glob("*.txt"))
    assert len(docs) >= 2
    small, full = tmp_path / "c4", tmp_path / "c5"
    small.mkdir()
    for p in docs[:-1]:
        shutil.copy(p, small / p.name)
    shutil.copytree(small, full)
    shutil.copy(docs[-1], full / docs[-1].name)
    g4 = build(small, tmp_path / "o4").graph
    g5 = build(full, tmp_path / "o5").graph

    load_graph(g4, neo4j_clean)
    first = _db_nodes(neo4j_driver)
    first_rels = set(_db_rels(neo4j_driver))
    assert set(first) == set(g4.nodes)
    report = load_graph(g5, neo4j_clean)
    second = _db_nodes(neo4j_driver)
    second_rels = set(_db_rels(neo4j_driver))

    assert set(g4.nodes) <= set(g5.nodes), "adding a document changed ids of existing nodes"
    assert set(second) == set(g5.nodes)
    assert report.nodes_created == len(set(g5.nodes) - set(g4.nodes)) > 0
    assert report.relationships_created == len(second_rels - first_rels)
    assert second_rels == {a["id"] for _, _, a in g5.edges(data=True)}
    # old nodes were merged in place, not recreated
    assert all(second[n][2] == first[n][2] for n in first)
    new_doc = [n for n, a in g5.nodes(data=True) if a["label"] == "Document" and a["name"] == docs[-1].name]
    assert len(new_doc) == 1 and new_doc[0] in second and new_doc[0] not in first


def test_schema_constraints_and_indexes(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    load_graph(g, neo4j_clean)
    apply_schema(neo4j_driver, neo4j_clean.database)  # idempotent: a second run adds nothing
    cons = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties").records
    unique = {(r["entityType"], r["labelsOrTypes"][0]) for r in cons
              if r["type"].endswith("UNIQUENESS") and r["properties"] == ["id"]}
    assert {("NODE", lb) for lb in NODE_LABELS} <= unique
    assert {("RELATIONSHIP", t) for t in REL_TYPES} <= unique
    idx = {r["name"]: r for r in neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options").records}
    assert all(r["state"] == "ONLINE" for r in idx.values())
    ft = idx["entity_names"]
    assert ft["type"] == "FULLTEXT" and set(ft["labelsOrTypes"]) == set(ENTITY_LABELS)
    assert set(ft["properties"]) == {"name", "aliases"}
    assert ft["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    assert idx["titles"]["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    ranged = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in idx.values() if r["type"] == "RANGE"}
    assert {(lb, ("name",)) for lb in NODE_LABELS} | {("Section", ("doc",)), ("Metric", ("doc",))} <= ranged
    n_statements = len(schema_statements())
    assert len(cons) + len([r for r in idx.values() if r["type"] != "LOOKUP"]) >= n_statements


def test_fulltext_finds_chinese_names(neo4j_clean, neo4j_driver, sample):
    g, _ = sample
    load_graph(g, neo4j_clean)
    titled = [(n, a["title"]) for n, a in g.nodes(data=True)
              if a["label"] in ("Document", "Section") and len(CJK.findall(a.get("title") or "")) >= 2]
    assert titled, "no Chinese document or section title in the sample graph"
    n, title = max(titled, key=lambda t: len(t[1]))
    hits = [r["id"] for r in neo4j_driver.execute_query(
        "CALL db.index.fulltext.queryNodes('titles', $q) YIELD node RETURN node.id AS id", q=_phrase(title)).records]
    assert n in hits
    ents = [(n, a) for n, a in g.nodes(data=True)
            if a["label"] in ENTITY_LABELS and len(CJK.findall(a["name"])) >= 2]
    for n, a in sorted(ents, key=lambda e: -len(e[1]["name"]))[:5]:
        terms = [a["name"]] + [x for x in a.get("aliases") or [] if x != a["name"] and len(CJK.findall(x)) >= 2][:2]
        for term in terms:
            hits = [r["id"] for r in neo4j_driver.execute_query(
                "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id LIMIT 500",
                q=_phrase(term)).records]
            assert n in hits, f"full-text search for {term!r} does not find {n}"
