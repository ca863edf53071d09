"""The Neo4j sink without a server: statements, the checks before writing, chunks of whole documents, the report."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from kg.pipeline.outputs import CacheRows
from kg.rows import TableRows, graph_rows
from kg.schema import ENTITY_LABELS, GLOBAL_LABELS, NODE_LABELS
from kg.sinks import neo4j_rows as sink
from kg.sinks.neo4j import (
    LoadReport,
    admin_import_commands,
    config_from_env,
    create_nodes_query,
    create_rels_query,
    schema_statements,
    update_nodes_query,
)
from neo4j_testgraphs import replicate_rows, small_graph


@pytest.fixture(scope="module")
def rows(sample_build) -> TableRows:
    """The sample build's rows, two copies (ten documents), one node and one edge table per document."""
    base = CacheRows.of_build(sample_build.out)
    return replicate_rows(TableRows(list(base.node_tables()), list(base.edge_tables())), 2)


def _doc_of_nodes(nodes: pa.Table) -> list[str]:
    return pc.if_else(pc.equal(nodes["label"], "Document"), nodes["name"], nodes["doc"]).to_pylist()


def test_statements_take_rows_as_lists_and_only_allowlisted_names():
    q = create_nodes_query("Sentence")
    assert q.startswith("UNWIND $rows AS r CREATE (n:Sentence {`id`: r[0], `label`: r[1], `doc`: r[2]")
    assert q.endswith("RETURN collect(elementId(n)) AS e")
    assert "SET n = {`id`: r[1]" in update_nodes_query("Agency")
    rel = create_rels_query("MENTIONED_IN")
    assert "elementId(a) = r[0]" in rel and "elementId(b) = r[1]" in rel and "`start`: r[2]" in rel
    assert create_rels_query("PART_OF").endswith("CREATE (a)-[:PART_OF]->(b)")
    for bad in ("Agency) DETACH DELETE (n", "agency", ""):
        with pytest.raises(ValueError):
            create_nodes_query(bad)
    with pytest.raises(ValueError):
        create_rels_query("KNOWS")


def test_schema_file_covers_every_label(tmp_path):
    stmts = schema_statements()
    assert all("IF NOT EXISTS" in s for s in stmts)
    text = "\n".join(stmts)
    for label in NODE_LABELS:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text
    for label in ("Section", "Sentence", "Metric"):
        assert f"FOR (n:{label}) ON (n.doc)" in text  # a delta deletes a document's rows by these
    ft = [s for s in stmts if "entity_names" in s][0]
    assert all(lb in ft for lb in ENTITY_LABELS) and "'cjk'" in ft
    bad = tmp_path / "bad.cypher"
    bad.write_text("// x\nCREATE INDEX x IF NOT EXISTS FOR (n:Person) ON (n.name);\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Person"):
        schema_statements(bad)


def test_rows_outside_the_schema_are_refused_naming_the_culprit():
    g = small_graph()
    g.add_node("x1", id="x1", label="Person", name="某人")
    with pytest.raises(sink.RowsError, match=r"^cannot load into Neo4j: node x1: label 'Person' is not in kg.schema.NODE_LABELS$"):
        sink.scan(graph_rows(g), 100)
    g = small_graph()
    g.add_edge("section_0", "document_0", type="HAS_SECTION")
    with pytest.raises(sink.RowsError, match="HAS_SECTION section_0 -> document_0 goes Section -> Document"):
        sink.scan(graph_rows(g), 100)
    g = small_graph()
    g.add_edge("document_0", "section_0", type="DELETE_ALL")
    with pytest.raises(sink.RowsError, match="document_0 -> section_0: relationship type 'DELETE_ALL' is not in kg.schema.REL_TYPES"):
        sink.scan(graph_rows(g), 100)


def test_scan_gives_entities_keys_and_row_count(rows):
    build = sink.scan(rows, 1000)
    assert build.rows == sum(t.num_rows for t in rows.nodes + rows.edges)
    assert len(build.keys) == 10 and all(build.keys.values())
    assert set(build.keys) == {d for t in rows.nodes for d in _doc_of_nodes(t) if d}
    n_entities = sum(pc.sum(pc.is_in(t["label"], value_set=pa.array(GLOBAL_LABELS))).as_py() or 0 for t in rows.nodes)
    assert build.entities.num_rows == n_entities > 0


@pytest.mark.parametrize("size", [1, 700, 100_000])
def test_chunks_hold_whole_documents_and_every_row_once(rows, size):
    build = sink.scan(rows, 1000)
    stale = set(sorted(build.keys)[::2])
    chunks = list(sink.chunks(rows, stale, size))
    seen: Counter = Counter()
    ids = []
    for nodes, edges in chunks:
        chunk_docs = set(_doc_of_nodes(nodes))
        seen.update(chunk_docs)
        ids += nodes["id"].to_pylist()
        sem = edges.filter(pc.is_valid(edges["doc"]))
        assert set(sem["doc"].to_pylist()) <= chunk_docs
        assert not pc.any(pc.is_in(nodes["label"], value_set=pa.array(GLOBAL_LABELS))).as_py()
    assert set(seen) == stale and set(seen.values()) == {1}, "a document split over two chunks"
    assert len(ids) == len(set(ids))
    want = sum(1 for t in rows.nodes for d in _doc_of_nodes(t) if d in stale)
    assert len(ids) == want
    if size == 1:
        assert len(chunks) == len(stale)
    if size == 100_000:
        assert len(chunks) == 1


def test_a_graph_in_one_table_is_split_by_document():
    rows = graph_rows(small_graph(copies=30))
    chunks = list(sink.chunks(rows, {f"测试{i}.txt" for i in range(30)}, 20))
    assert len(chunks) > 3
    for nodes, edges in chunks:
        assert nodes.num_rows % 3 == 0 and edges.num_rows == nodes.num_rows  # Document, Section, Sentence


def test_report_line_says_what_changed():
    r = LoadReport(documents=Counter(added=0, changed=1, removed=1, unchanged=3), seconds=0.25)
    r.created.update(Sentence=3, MENTIONED_IN=2)
    r.deleted.update(Sentence=4)
    assert r.line() == ("1 changed, 1 removed, 3 unchanged; created MENTIONED_IN 2, Sentence 3; "
                        "deleted Sentence 4 (0.2 s)")
    assert LoadReport(documents=Counter(unchanged=5)).line() == "5 unchanged; nothing changed (0.0 s)"


def test_admin_import_commands_use_the_neo4j_csv_export(tmp_path):
    cmds = admin_import_commands(tmp_path / "out")
    assert cmds[0] == f"kg export {tmp_path / 'out'} --format neo4j-csv"
    assert cmds[2] == f"sh {tmp_path / 'out' / 'neo4j-import' / 'import.sh'} import"
    assert cmds[-1].endswith("import.sh schema")


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


def test_a_chunk_names_the_entities_it_links_to(rows):
    """Two chunks in flight never link to the same entity: the writer waits on the ends a chunk names."""
    from kg.sinks.neo4j import _chunk_unit

    build = sink.scan(rows, 1000)
    entities = set(build.entities["id"].to_pylist())
    for nodes, edges in sink.chunks(rows, set(build.keys), 700):
        unit = _chunk_unit(nodes, edges)
        linked = {i for _, rels in unit.rels for r in rels for i in r[:2]}
        assert unit.ends == linked & entities and unit.ends
        assert nodes.num_rows + edges.num_rows == sum(len(r) for _, r in unit.nodes + unit.rels)
