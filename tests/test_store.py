"""The embedded ladybug store: tables from kg.schema, every row and property equal to the graph,
updates by a Delta equal to a clean write, and a store replaced as a whole."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import ladybug
import networkx as nx
import pyarrow as pa
import pytest

from kg.pipeline.outputs import _edit
from kg.query import EmbeddedEngine
from kg.rows import Delta, TableRows, edge_table, endpoint_pairs, graph_rows, node_table, select
from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.store import StoreError, StoreUpdate, schema_statements, update_store, write_store

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_build):
    """The sample corpus graph and its store, written by write_store into a folder of our own."""
    out = tmp_path_factory.mktemp("store")
    g = sample_build.graph
    assert g.number_of_nodes() > 0, "the sample build made an empty graph"
    write_store(g, out / "store")
    return g, out / "store"


def _all(path, cypher: str, params: dict | None = None) -> list[list]:
    db = ladybug.Database(str(path), read_only=True)
    conn = ladybug.Connection(db)
    try:
        return conn.execute(cypher, params or {}).get_all()
    finally:
        conn.close()
        db.close()


def dump(path) -> dict[str, list[str]]:
    """Every node and relationship of a store, as sorted JSON lines per label and type."""
    out = {}
    for label in NODE_LABELS:
        out[label] = sorted(json.dumps({k: v for k, v in r[0].items() if not k.startswith("_")},
                                       ensure_ascii=False, sort_keys=True, default=str)
                            for r in _all(path, f"MATCH (n:{label}) RETURN n"))
    for rel in REL_TYPES:
        out[rel] = sorted(json.dumps([r[0], r[1], {k: v for k, v in r[2].items() if not k.startswith("_")}],
                                     ensure_ascii=False, sort_keys=True, default=str)
                          for r in _all(path, f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r"))
    return out


def test_schema_has_a_table_per_label_and_type():
    stmts = schema_statements()
    names = [re.match(r"CREATE (?:NODE|REL) TABLE (\w+)\(", s).group(1) for s in stmts]
    assert names == list(NODE_LABELS) + list(REL_TYPES)
    mentioned = stmts[len(NODE_LABELS) + REL_TYPES.index("MENTIONED_IN")]
    for a, b in endpoint_pairs("MENTIONED_IN"):
        assert f"FROM {a} TO {b}" in mentioned
    assert "`years` INT64[]" in stmts[NODE_LABELS.index("Document")]
    assert "`aliases` STRING[]" in stmts[NODE_LABELS.index("Agency")]
    metric = stmts[NODE_LABELS.index("Metric")]
    assert "`value` DOUBLE" in metric and "`masked` BOOLEAN" in metric
    assert "`text` STRING" in stmts[NODE_LABELS.index("Sentence")]


def test_node_counts_per_table_equal_the_graph(sample):
    g, path = sample
    want = Counter(a["label"] for _, a in g.nodes(data=True))
    for label in NODE_LABELS:
        assert _all(path, f"MATCH (n:{label}) RETURN count(n)")[0][0] == want.get(label, 0), label
    assert want["Sentence"] > 0


def test_relationship_counts_per_type_and_endpoint_pair_equal_the_graph(sample):
    g, path = sample
    want = Counter((a["type"], g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, a in g.edges(data=True))
    total = 0
    for rel in REL_TYPES:
        for a, b in endpoint_pairs(rel):
            got = _all(path, f"MATCH (:{a})-[r:{rel}]->(:{b}) RETURN count(r)")[0][0]
            assert got == want.get((rel, a, b), 0), (rel, a, b)
            total += got
    assert total == g.number_of_edges()


def test_every_node_property_round_trips(sample):
    g, path = sample
    for label in NODE_LABELS:
        props = NODE_PROPERTIES[label]
        got = {r[0]["id"]: {k: r[0][k] for k in props} for r in _all(path, f"MATCH (n:{label}) RETURN n")}
        want = {n: {k: a.get(k) for k in props} for n, a in g.nodes(data=True) if a["label"] == label}
        assert got == want, label


def test_every_relationship_keeps_its_ends_and_properties(sample):
    g, path = sample
    for rel in REL_TYPES:
        props = EDGE_PROPERTIES[rel]
        got = sorted(json.dumps([r[0], r[1], {k: r[2][k] for k in props}], ensure_ascii=False, sort_keys=True)
                     for r in _all(path, f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r"))
        want = sorted(json.dumps([u, v, {k: a.get(k) for k in props}], ensure_ascii=False, sort_keys=True)
                      for u, v, a in g.edges(data=True) if a["type"] == rel)
        assert got == want, rel


def test_a_sentence_is_written_once_and_every_mention_points_at_it(sample):
    g, path = sample
    rows = _all(path, "MATCH (e)-[m:MENTIONED_IN]->(s:Sentence) RETURN s.doc, s.start, s.`end`, s.text, m.start, m.`end`")
    assert rows
    for doc, s_start, s_end, text, m_start, m_end in rows:
        assert s_start <= m_start < m_end <= s_end and len(text) == s_end - s_start
    texts = _all(path, "MATCH (s:Sentence) RETURN s.doc, s.start")
    assert len(texts) == len({tuple(t) for t in texts})


def test_a_chinese_name_is_found_by_parameter(sample):
    g, path = sample
    named = sorted((a["name"], a["label"], n) for n, a in g.nodes(data=True)
                   if a["label"] in ("Document", "Section", "Agency", "Campaign", "Metric") and CJK.search(a["name"]))
    assert named, "no node with a Chinese name in the sample graph"
    name, label, node = named[0]
    assert [node] in _all(path, f"MATCH (n:{label}) WHERE n.name = $name RETURN n.id", {"name": name})


def _awkward() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    text = '他说：“a,b”\n第二行 \\ 反斜杠 \'单\' "双" [列表]'
    g.add_node("document_1", label="Document", name="报告,1.txt", title=text, years=[], period=None,
               kind="report", author="", jurisdiction=None, chars=0, sha256="")
    g.add_node("sentence_1", label="Sentence", doc="报告,1.txt", start=0, end=len(text), text=text)
    g.add_node("agency_1", label="Agency", name="英德市交通运输局", type="AGENCY", scope="adcode:441881",
               aliases=["英德市交通运输局", "我局", 'x,"y"]', ""], docs=["报告,1.txt"], mentions=2, masked=False)
    g.add_node("metric_1", label="Metric", name="XX万元", text="XX万元", value=None, unit="万元",
               indicator="投资", kind="level", masked=True, period=None, doc="报告,1.txt", start=1, end=5)
    g.add_edge("sentence_1", "document_1", type="PART_OF")
    g.add_edge("agency_1", "sentence_1", type="MENTIONED_IN", start=0, end=3, text="我局",
               name="英德市交通运输局", self_ref=True)
    return g


def test_awkward_values_round_trip_and_the_empty_string_is_null(tmp_path):
    g = _awkward()
    path = tmp_path / "store"
    write_store(g, path)
    text = g.nodes["sentence_1"]["text"]
    doc = _all(path, "MATCH (d:Document) RETURN d")[0][0]
    assert (doc["title"], doc["years"], doc["author"], doc["period"], doc["sha256"]) == (text, [], None, None, None)
    assert _all(path, "MATCH (a:Agency) RETURN a.aliases, a.masked, a.mentions")[0] == [
        ["英德市交通运输局", "我局", 'x,"y"]', ""], False, 2]
    assert _all(path, "MATCH (s:Sentence) RETURN s.text")[0] == [text]
    rel = _all(path, "MATCH (:Agency)-[r:MENTIONED_IN]->(s:Sentence) RETURN r.self_ref, r.text, s.text")[0]
    assert rel == [True, "我局", text]


def test_a_new_store_replaces_the_old_while_a_reader_keeps_the_old(sample, tmp_path):
    g, _ = sample
    path = tmp_path / "store"
    write_store(_awkward(), path)
    reader = EmbeddedEngine(path)
    try:
        write_store(g, path)
        assert reader.run("MATCH (n) RETURN count(n) AS c").rows == [[4]]  # the old store, whole
    finally:
        reader.close()
    assert _all(path, "MATCH (n) RETURN count(n)")[0][0] == g.number_of_nodes()
    assert [p.name for p in tmp_path.iterdir()] == ["store"]  # nothing left beside it


def test_a_label_outside_the_schema_is_one_line_error(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("person_1", label="Person", name="某人")
    with pytest.raises(StoreError, match=r"^node person_1: label 'Person' is not in kg.schema.NODE_LABELS$"):
        write_store(g, tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_an_endpoint_pair_outside_the_schema_is_refused(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("campaign_1", label="Campaign", name="专项整治行动")
    g.add_node("document_1", label="Document", name="a.txt")
    g.add_edge("campaign_1", "document_1", type="CONDUCTS", doc="a.txt", start=0, end=1)
    with pytest.raises(StoreError, match="CONDUCTS campaign_1 -> document_1 goes Campaign -> Document"):
        write_store(g, tmp_path / "store")


def test_a_value_of_the_wrong_type_is_one_line_error(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("section_1", label="Section", name="一、", level="第一级")
    with pytest.raises(StoreError) as err:
        write_store(g, tmp_path / "store")
    assert "level" in str(err.value) or "第一级" in str(err.value)
    assert "\n" not in str(err.value)


def test_numbers_keep_every_digit(tmp_path):
    g = nx.MultiDiGraph()
    values = [0.1 + 0.2, 1e300, -0.0, 5e-324, 123456789.123456789, 2.0 ** 53 + 1]
    for i, value in enumerate(values):
        g.add_node(f"metric_{i}", label="Metric", name="x", value=value, start=-(2 ** 62) + i, end=2 ** 62,
                   masked=bool(i % 2), indicator="\r\n" if i else "a")
    write_store(g, tmp_path / "store")
    got = {r[0]: r[1:] for r in _all(tmp_path / "store",
                                     "MATCH (m:Metric) RETURN m.id, m.value, m.start, m.`end`, m.masked, m.indicator")}
    for i, value in enumerate(values):
        assert got[f"metric_{i}"] == [value, -(2 ** 62) + i, 2 ** 62, bool(i % 2), "\r\n" if i else "a"], i
    assert str(got["metric_2"][0]) == "-0.0"


def _doc_rows(g: nx.MultiDiGraph, doc: str) -> tuple:
    """The nodes and edges of one document of ``g`` (its Document, Sections, Sentences, Metrics, and the
    edges from its metrics to the corpus's indicators and bodies)."""
    mine = {n for n, a in g.nodes(data=True) if a.get("doc") == doc or (a["label"] == "Document" and a["name"] == doc)}
    edges = [(u, v, a) for u, v, a in g.edges(data=True)
             if v in mine and u in mine or a.get("doc") == doc or (a["type"] == "MENTIONED_IN" and v in mine)
             or (a["type"] in ("OF_INDICATOR", "REPORTED_BY") and u in mine)]
    return [(n, g.nodes[n]) for n in mine], edges


def test_a_delta_gives_the_store_a_clean_write_gives(sample, tmp_path):
    """Remove one document and change an entity: the updated store equals the store of the new graph."""
    g, _ = sample
    docs = sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    gone = docs[0]
    new = g.copy()
    mine, _ = _doc_rows(g, gone)
    new.remove_nodes_from(n for n, _ in mine)
    new.remove_edges_from([(u, v, k) for u, v, k, a in g.edges(keys=True, data=True) if a.get("doc") == gone])
    entity = next(n for n, a in new.nodes(data=True) if a["label"] == "Campaign")
    new.nodes[entity]["aliases"] = [*new.nodes[entity]["aliases"], "新的别名"]
    clean, updated = tmp_path / "clean", tmp_path / "updated"
    write_store(new, clean)
    write_store(g, updated)
    changed = node_table([(entity, new.nodes[entity])])
    report = update_store(updated, Delta(remove_docs={gone}, entities=changed))
    assert report["deleted"]["Document"] == 1 and report["updated"] == {"Campaign": 1}
    assert dump(updated) == dump(clean)
    # and adding the document back gives the first store again
    nodes, edges = _doc_rows(g, gone)
    labels = {n: a["label"] for n, a in g.nodes(data=True)}
    back = Delta(entities=node_table([(entity, g.nodes[entity])]),
                 rows=TableRows([node_table(nodes)], [edge_table(edges, labels)]))
    update_store(updated, back)
    original = tmp_path / "original"
    write_store(g, original)
    assert dump(updated) == dump(original)


def test_an_updated_store_is_whole_in_its_one_file(sample, tmp_path):
    """The update checkpoints once at its end (not after every COPY): the file moved over the store holds the whole
    delta, with no write-ahead log left beside it; a copy of the file alone reads as the new graph."""
    g, _ = sample
    docs = sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    nodes, edges = _doc_rows(g, docs[0])
    labels = {n: a["label"] for n, a in g.nodes(data=True)}
    path, alone = tmp_path / "store", tmp_path / "alone" / "store"
    write_store(g, path)
    before = dump(path)
    update_store(path, Delta(remove_docs={docs[0]}))
    report = update_store(path, Delta(rows=TableRows([node_table(nodes)], [edge_table(edges, labels)])))
    assert sum(report["created"].values()) == len(nodes) + len(edges)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no .wal, no leftovers
    alone.parent.mkdir()
    alone.write_bytes(path.read_bytes())
    assert dump(alone) == before


def test_an_update_opened_early_applies_later_or_is_discarded_without_a_trace(sample, tmp_path):
    """A rebuild opens the copy of its store while its workers extract (:class:`StoreUpdate`) and applies the delta
    when it has it, or drops the copy (the store is written anew, or nothing changed)."""
    g, _ = sample
    docs = sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    path, staged = tmp_path / "store", tmp_path / "staged" / "store"
    write_store(g, path)
    before = dump(path)
    staged.parent.mkdir()
    StoreUpdate(path, staged).discard()
    assert not list(staged.parent.iterdir()) and dump(path) == before
    update = StoreUpdate(path, staged)
    assert update.apply(Delta(remove_docs={docs[0]}))["deleted"]["Document"] == 1
    assert [p.name for p in staged.parent.iterdir()] == ["store"] and dump(path) == before
    update.discard()  # (applied: nothing is left to drop)
    assert staged.exists()


def test_select_gives_one_label_with_its_typed_columns(sample):
    g, _ = sample
    rows = graph_rows(g)
    agencies = select(rows.nodes[0], "Agency")
    assert agencies.column_names == list(NODE_PROPERTIES["Agency"])
    assert agencies.num_rows == sum(1 for _, a in g.nodes(data=True) if a["label"] == "Agency")
    mentions = select(rows.edges[0], "MENTIONED_IN")
    assert mentions.column_names == ["source", "target", *EDGE_PROPERTIES["MENTIONED_IN"]]


def test_a_delta_that_fails_keeps_the_old_store_whole(sample, tmp_path):
    """A delta whose new edge points at a node the store does not hold is one line, and the store is as it was."""
    g, written = sample
    path = tmp_path / "store"
    write_store(g, path)
    before = dump(path)
    doc = next(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    sentence = next(n for n, a in g.nodes(data=True) if a["label"] == "Sentence")
    bad = edge_table([("agency_not_there", sentence, {"type": "MENTIONED_IN", "start": 0, "end": 1, "text": "x",
                                                       "name": "x", "self_ref": False})],
                     {"agency_not_there": "Agency", sentence: "Sentence"})
    with pytest.raises(StoreError, match=r"^Agency agency_not_there: the end of a relationship is not a node") as err:
        update_store(path, Delta(remove_docs={doc}, rows=TableRows([], [bad])))
    assert "\n" not in str(err.value)
    assert dump(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


@pytest.mark.parametrize("how", ["whole", "compared"])
def test_an_edited_document_updates_to_a_clean_write(sample, tmp_path, how):
    """A document edited in places (a sentence's text changed, one sentence gone with its edges, one mention
    dropped, one mention stated twice, a new sentence): the updated store equals a clean write of the edited graph,
    whether the delta replaces the document whole or is the pipeline's row-by-row comparison (which sets, removes
    and adds only what differs)."""
    g, _ = sample
    doc = sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")[0]
    new = g.copy()
    sentences = sorted(n for n, a in new.nodes(data=True) if a["label"] == "Sentence" and a["doc"] == doc
                       and any(d["type"] == "MENTIONED_IN" for _, _, d in new.in_edges(n, data=True)))
    assert len(sentences) >= 3, "the sample's first document has too few sentences with mentions"
    edited, dropped, mentioned = sentences[:3]
    new.nodes[edited]["text"] = new.nodes[edited]["text"] + "（改）"
    gone_edges = Counter(a["type"] for _, _, a in [*new.in_edges(dropped, data=True),
                                                   *new.out_edges(dropped, data=True)])
    new.remove_node(dropped)
    (u, _, k, attrs), *_ = [e for e in new.in_edges(mentioned, keys=True, data=True) if e[3]["type"] == "MENTIONED_IN"]
    new.remove_edge(u, mentioned, k)
    twice = next(e for e in new.in_edges(edited, data=True) if e[2]["type"] == "MENTIONED_IN")
    new.add_edge(twice[0], edited, **twice[2])
    section = next(v for _, v, a in new.out_edges(edited, data=True) if a["type"] == "PART_OF")
    new.add_node("sentence-added", **{**new.nodes[edited], "id": "sentence-added", "text": "新增的一句。"})
    new.add_edge("sentence-added", section, type="PART_OF")
    clean, updated = tmp_path / "clean", tmp_path / "updated"
    write_store(new, clean)
    write_store(g, updated)
    nodes, edges = _doc_rows(new, doc)
    labels = {n: a["label"] for n, a in new.nodes(data=True)}
    rows = (node_table(nodes), edge_table(edges, labels))
    if how == "whole":
        delta = Delta(remove_docs={doc}, rows=TableRows([rows[0]], [rows[1]]))
    else:
        old_nodes, old_edges = _doc_rows(g, doc)
        delta, sets = Delta(columns={}), []
        old_labels = {n: a["label"] for n, a in g.nodes(data=True)}
        _edit(delta, sets, rows, (node_table(old_nodes), edge_table(old_edges, old_labels)))
        delta.entities = pa.concat_tables(sets)
        assert delta.remove_nodes == {dropped} and not delta.remove_docs
        assert delta.entities["id"].to_pylist() == [edited] and delta.columns == {"Sentence": {"text"}}
        assert pa.concat_tables(delta.rows.nodes)["id"].to_pylist() == ["sentence-added"]
        assert sorted(delta.remove_edges["type"].to_pylist()) == ["MENTIONED_IN", "MENTIONED_IN"]  # two groups
        assert sum(t.num_rows for t in delta.rows.edges) == 3  # the mention twice, and the new sentence's PART_OF
    report = update_store(updated, delta)
    assert gone_edges["MENTIONED_IN"] and gone_edges["PART_OF"]  # the dropped sentence had edges to lose
    assert dump(updated) == dump(clean)
    if how == "compared":
        assert report["deleted"] == {"Sentence": 1, "MENTIONED_IN": 2} and report["updated"] == {"Sentence": 1}


def test_a_store_closed_with_its_log_unwritten_is_not_moved_over_the_old_one(sample, tmp_path, monkeypatch):
    """Closing the database writes its log into the file (no explicit CHECKPOINT); should a log be left beside the
    new file, the update is one line and the old store is kept, with nothing left beside it."""
    import kg.sinks.store as store

    g, _ = sample
    path = tmp_path / "store"
    write_store(g, path)
    before = dump(path)
    close = store._Database.close

    def close_leaving_a_log(self):
        close(self)
        Path(f"{self.path}.wal").write_bytes(b"unwritten")

    monkeypatch.setattr(store._Database, "close", close_leaving_a_log)
    doc = next(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    with pytest.raises(StoreError, match="write-ahead log not written"):
        update_store(path, Delta(remove_docs={doc}))
    assert dump(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["store"]
