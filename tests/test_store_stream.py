"""The embedded store from streamed rows (write_store_rows) and updated in place (update_store).

Every check compares whole stores: every node and relationship of every table with
all of its properties, against a store written by write_store from the final graph.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import ladybug
import networkx as nx
import pytest

import kg.sinks.embedded as embedded
from kg.schema import NODE_LABELS, REL_TYPES
from kg.sinks.embedded import StoreError, update_store, write_store, write_store_rows

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
CHANGED = "004_05378b4c232db4bf.txt"


def dump(path: Path) -> dict:
    """Every node (by id) and relationship (by id) of the store with its table, endpoints and properties."""
    db = ladybug.Database(str(path), read_only=True)
    conn = ladybug.Connection(db)
    out: dict = {}
    try:
        for label in NODE_LABELS:
            for (n,) in conn.execute(f"MATCH (n:{label}) RETURN n").get_all():
                assert n["id"] not in out, f"node id {n['id']} twice"
                out[n["id"]] = (label, {k: v for k, v in n.items() if not k.startswith("_")})
        for rel in REL_TYPES:
            for a, b, r in conn.execute(f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r").get_all():
                assert ("rel", r["id"]) not in out, f"relationship id {r['id']} twice"
                out[("rel", r["id"])] = (rel, a, b, {k: v for k, v in r.items() if not k.startswith("_")})
    finally:
        conn.close()
        db.close()
    return out


def assert_same(got: dict, want: dict) -> None:
    missing = [k for k in want if k not in got]
    extra = [k for k in got if k not in want]
    differ = [k for k in want if k in got and got[k] != want[k]]
    assert not (missing or extra or differ), (
        f"{len(missing)} missing, {len(extra)} extra, {len(differ)} differ; "
        f"first: {missing[:2]} {extra[:2]} {[(got[k], want[k]) for k in differ[:1]]}")


def rows(g: nx.MultiDiGraph):
    """The graph as the streaming pipeline hands it over: generators, all nodes first."""
    return ((n, dict(a)) for n, a in g.nodes(data=True)), ((u, v, k, dict(a)) for u, v, k, a in g.edges(keys=True, data=True))


def _doc_of(attrs: dict) -> str | None:
    return attrs.get("name") if attrs.get("label") == "Document" else attrs.get("doc")


def delta(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict:
    """update_store's arguments that turn a store of ``old`` into one of ``new``.

    Changed documents: those whose Document, Section or Metric nodes or whose
    edges differ. Their nodes and edges are rewritten whole; entities that
    differ are upserted, entities that are gone are removed.
    """
    changed = set()
    for n in set(old) | set(new):
        a, b = old.nodes.get(n), new.nodes.get(n)
        if a != b:
            changed |= {d for d in (_doc_of(a or {}), _doc_of(b or {})) if d is not None}
    e_old = {k: (u, v, a) for u, v, k, a in old.edges(keys=True, data=True)}
    e_new = {k: (u, v, a) for u, v, k, a in new.edges(keys=True, data=True)}
    for k in e_old.keys() | e_new.keys():
        if e_old.get(k) != e_new.get(k):
            changed |= {x[2]["doc"] for x in (e_old.get(k), e_new.get(k)) if x is not None}
    return {
        "remove_docs": sorted(changed),
        "remove_nodes": sorted(n for n in old if n not in new),
        "nodes": [(n, a) for n, a in new.nodes(data=True) if old.nodes.get(n) != a or _doc_of(a) in changed],
        "edges": [(u, v, k, a) for u, v, k, a in new.edges(keys=True, data=True) if a["doc"] in changed],
    }


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_build):
    g = sample_build.graph
    return g, write_store(g, tmp_path_factory.mktemp("stream") / "store")


@pytest.fixture(scope="module")
def changed_graph(tmp_path_factory):
    """The sample corpus with one document changed: its second half cut, a new paragraph with new names."""
    from kg.pipeline import build

    corpus = tmp_path_factory.mktemp("corpus2") / "corpus"
    shutil.copytree(CORPUS, corpus)
    doc = corpus / CHANGED
    text = doc.read_text(encoding="utf-8")
    lines = text.splitlines()
    text = "\n".join(lines[: len(lines) // 2]) + (
        "\n（九）开展新的专项行动\n"
        "英德市交通运输局联合英德市公安局开展“春风护航专项整治行动”，检查营运车辆1234辆次，"
        "查处违法行为56宗，并印发《英德市道路运输安全管理办法》。\n")
    doc.write_text(text, encoding="utf-8")
    return build(corpus, tmp_path_factory.mktemp("out2") / "out", store=False, views=False).graph


# ------------------------------------------------------------------ write_store_rows
def test_streamed_rows_make_the_same_store_as_the_graph(sample_store, tmp_path):
    g, path = sample_store
    assert_same(dump(write_store_rows(tmp_path / "store", *rows(g))), dump(path))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.spool")], "spool folder left behind"


def test_small_spool_parts_give_the_same_store(sample_store, tmp_path, monkeypatch):
    g, path = sample_store
    monkeypatch.setattr(embedded, "_PART_BYTES", 20000)  # many COPY statements per table
    monkeypatch.setattr(embedded, "_BATCH_ROWS", 50)
    assert_same(dump(write_store_rows(tmp_path / "store", *rows(g))), dump(path))


def test_lists_the_csv_cannot_carry_are_set_by_parameter(tmp_path):
    g = nx.MultiDiGraph()
    odd = ["", "a\x1fb", "\x1e", " 两边空格 ", 'x,"y"]', "[1,2]", "'q'"]
    g.add_node("a1", id="a1", label="Agency", name="甲局", type="AGENCY", scope="", aliases=odd,
               docs=["", "d.txt"], mentions=1, masked=False)
    g.add_node("a2", id="a2", label="Agency", name="乙局", type="AGENCY", scope="", aliases=odd[3:],
               docs=[f"{i:05d}.txt" for i in range(5000)], mentions=1, masked=False)
    g.add_node("a3", id="a3", label="Agency", name="丙局", type="AGENCY", scope="", aliases=[],
               docs=None, mentions=0, masked=True)
    g.add_node("d1", id="d1", label="Document", name="d.txt", title="", years=[2023, 2024], chars=1)
    g.add_edge("a1", "d1", key="e1", id="e1", type="MENTIONED_IN", doc="d.txt", start=0, end=1,
               sentence="\n", text="甲", name="甲局", self_ref=False)
    got = dump(write_store(g, tmp_path / "store"))
    assert got["a1"][1]["aliases"] == odd and got["a1"][1]["docs"] == ["", "d.txt"]
    assert got["a2"][1]["aliases"] == odd[3:] and len(got["a2"][1]["docs"]) == 5000
    assert got["a3"][1]["aliases"] == [] and got["a3"][1]["docs"] is None
    assert got["d1"][1]["years"] == [2023, 2024] and got["d1"][1]["title"] == ""
    assert got[("rel", "e1")][3]["sentence"] == "\n"


def test_an_edge_before_its_node_is_refused(tmp_path):
    nodes = [("a", {"id": "a", "label": "Agency", "name": "甲局"})]
    edges = [("a", "c", "e", {"id": "e", "type": "CONDUCTS", "doc": "x.txt"})]
    with pytest.raises(StoreError, match=r"^edge e: endpoint c is not a node of the store$"):
        write_store_rows(tmp_path / "store", nodes, edges)


def test_a_bad_row_leaves_the_old_store_and_no_spool(sample_store, tmp_path):
    g, _ = sample_store
    path = write_store(g, tmp_path / "store")
    bad = [("s", {"id": "s", "label": "Section", "name": "一、", "level": "第一级"})]
    with pytest.raises(StoreError, match=r"node s\.level: value '第一级' is not int"):
        write_store_rows(path, bad, [])
    assert len([k for k in dump(path) if not isinstance(k, tuple)]) == g.number_of_nodes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"] or all(
        not p.name.startswith(".store.spool") for p in tmp_path.iterdir())


# ------------------------------------------------------------------ update_store
def test_update_after_one_changed_document_equals_a_fresh_store(sample_build, changed_graph, tmp_path):
    g1, g2 = sample_build.graph, changed_graph
    d = delta(g1, g2)
    assert d["remove_docs"] == [CHANGED], "the change should touch only the changed document"
    assert d["remove_nodes"], "cutting half a document should make some entity disappear"
    assert any(a.get("name") == "春风护航专项整治行动" for _, a in d["nodes"]), "the new campaign was not extracted"
    store = write_store_rows(tmp_path / "store", *rows(g1))
    update_store(store, **d)
    assert_same(dump(store), dump(write_store(g2, tmp_path / "fresh")))


def test_update_back_and_forth_and_twice(sample_build, changed_graph, tmp_path):
    g1, g2 = sample_build.graph, changed_graph
    store = write_store(g2, tmp_path / "store")
    update_store(store, **delta(g2, g1))
    update_store(store, **delta(g2, g1))  # the same update again changes nothing
    assert_same(dump(store), dump(write_store(g1, tmp_path / "fresh")))


def test_update_removes_a_deleted_document_and_its_entities(sample_build, tmp_path):
    g1 = sample_build.graph
    g2 = g1.copy()
    g2.remove_nodes_from([n for n, a in g1.nodes(data=True) if _doc_of(a) == CHANGED])
    for n, a in list(g2.nodes(data=True)):
        if "docs" in a and CHANGED in a["docs"]:
            if a["docs"] == [CHANGED]:
                g2.remove_node(n)
            else:
                g2.nodes[n].update(docs=[x for x in a["docs"] if x != CHANGED], mentions=a["mentions"] - 1)
    g2.remove_edges_from([(u, v, k) for u, v, k, a in g2.edges(keys=True, data=True) if a["doc"] == CHANGED])
    store = write_store(g1, tmp_path / "store")
    update_store(store, **delta(g1, g2))
    assert_same(dump(store), dump(write_store(g2, tmp_path / "fresh")))


def test_a_failed_update_changes_nothing(sample_store, tmp_path):
    g, path = sample_store
    store = write_store(g, tmp_path / "store")
    doc = next(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")
    with pytest.raises(StoreError, match=r"^edge e: endpoint nowhere is neither in the given nodes nor in the store$"):
        update_store(store, remove_docs=[doc], nodes=[], edges=[
            ("nowhere", next(iter(g)), "e", {"id": "e", "type": "MENTIONED_IN", "doc": doc})])
    with pytest.raises(StoreError, match=r"^edge e: type 'LIKES' is not in kg.schema.REL_TYPES$"):
        update_store(store, remove_docs=[doc], edges=[("a", "b", "e", {"id": "e", "type": "LIKES"})])
    assert_same(dump(store), dump(path))


def test_update_needs_a_store(tmp_path):
    with pytest.raises(StoreError, match="no embedded store here"):
        update_store(tmp_path / "nothing", remove_docs=["a.txt"])
    assert not (tmp_path / "nothing").exists()


def test_a_load_that_fills_the_buffer_pool_is_retried_with_a_larger_one(tmp_path, monkeypatch):
    pools = []
    real_open = embedded._Database._open

    def spy(self):
        pools.append(self.pool)
        real_open(self)

    monkeypatch.setattr(embedded, "BUFFER_POOL_SIZE", 8 * 1024 * 1024)
    monkeypatch.setattr(embedded._Database, "_open", spy)
    nodes = ((f"s{i}", {"id": f"s{i}", "label": "Section", "name": "节" * 300, "doc": "d.txt", "ordinal": i})
             for i in range(5000))
    got = dump(write_store_rows(tmp_path / "store", nodes, []))
    assert max(pools) > 8 * 1024 * 1024, "the load did not fill the small pool: nothing was retried"
    assert len(got) == 5000 and got["s4999"][1]["ordinal"] == 4999 and got["s0"][1]["name"] == "节" * 300


def test_an_edge_list_the_csv_cannot_carry_is_set_by_parameter(tmp_path, monkeypatch):
    from kg.schema import EDGE_PROPERTIES

    monkeypatch.setitem(EDGE_PROPERTIES, "CONDUCTS", {**EDGE_PROPERTIES["CONDUCTS"], "tags": "list[str]"})
    g = nx.MultiDiGraph()
    g.add_node("a", id="a", label="Agency", name="甲局")
    g.add_node("c", id="c", label="Campaign", name="春运")
    g.add_edge("a", "c", key="e1", id="e1", type="CONDUCTS", doc="d.txt", tags=["", "x"])
    g.add_edge("a", "c", key="e2", id="e2", type="CONDUCTS", doc="d.txt", tags=["x", "y"])
    got = dump(write_store(g, tmp_path / "store"))
    assert got[("rel", "e1")][3]["tags"] == ["", "x"] and got[("rel", "e2")][3]["tags"] == ["x", "y"]
