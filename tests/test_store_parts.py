"""The embedded store from rendered parts (render_store_parts in the workers, write_store_parts in the build).

Every check compares whole stores (every node and relationship with all of its
properties) against the store write_store makes from the whole graph.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest
from test_store_stream import assert_same, dump

import kg.sinks.embedded as embedded
from kg.ids import stable_id
from kg.sinks.embedded import (
    LATER_PART,
    StoreError,
    render_store_parts,
    write_store,
    write_store_parts,
)
from kg.sinks.files import render_chunk


def _doc_of(attrs: dict) -> str | None:
    return attrs.get("name") if attrs.get("label") == "Document" else attrs.get("doc")


def per_document(g: nx.MultiDiGraph) -> list[tuple[list, list]]:
    """The rows as the build has them: the entity nodes, then each document's nodes and edges."""
    ents, docs = [], {}
    for n, a in g.nodes(data=True):
        d = _doc_of(a)
        if d is None:
            ents.append((n, dict(a)))
        else:
            docs.setdefault(d, ([], []))[0].append((n, dict(a)))
    for u, v, k, a in g.edges(keys=True, data=True):
        docs.setdefault(a["doc"], ([], []))[1].append((u, v, k, dict(a)))
    return [(ents, [])] + [docs[d] for d in sorted(docs)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_build):
    g = sample_build.graph
    return g, per_document(g), dump(write_store(g, tmp_path_factory.mktemp("parts") / "store"))


def test_per_document_parts_make_the_same_store_as_the_graph(sample, tmp_path):
    g, groups, want = sample
    assert len(groups) > 2 and groups[0][0], "the sample should have entities and several documents"
    chunks = [render_store_parts(nodes, edges) for nodes, edges in groups]
    assert all(name.startswith("store:") for c in chunks for name in c)
    assert {"store:node:Agency", "store:rel:CONDUCTS:Agency:Campaign"} <= {n for c in chunks for n in c}
    assert_same(dump(write_store_parts(tmp_path / "store", iter(chunks))), want)
    assert [p.name for p in tmp_path.iterdir()] == ["store"], "spool folder left behind"


def test_parts_are_the_bytes_of_the_whole_graph_split_by_document(sample):
    g, groups, _ = sample
    whole = render_store_parts(g.nodes(data=True), g.edges(keys=True, data=True))
    chunks = [render_store_parts(nodes, edges) for nodes, edges in groups]
    # nodes first in both: compare each part's bytes (node rows come in another order, so as sorted lines)
    for name, data in whole.items():
        joined = b"".join(c.get(name, b"") for c in chunks)
        assert sorted(joined.split(b"\n")) == sorted(data.split(b"\n")), name
    assert set(whole) == {n for c in chunks for n in c}


def test_chunks_split_differently_give_the_same_store(sample, tmp_path, monkeypatch):
    g, groups, want = sample
    nodes = [r for n, _ in groups for r in n]
    edges = [r for _, e in groups for r in e]
    rng = random.Random(6)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    # nodes and edges in separate chunks of random sizes, edges first: every endpoint label from its id
    chunks, i = [], 0
    for rows, as_edges in ((edges, True), (nodes, False)):
        i = 0
        while i < len(rows):
            j = i + rng.randint(1, 400)
            chunks.append(render_store_parts([], rows[i:j]) if as_edges else render_store_parts(rows[i:j], []))
            i = j
    monkeypatch.setattr(embedded, "_PART_BYTES", 30000)  # several COPY statements per table
    assert_same(dump(write_store_parts(tmp_path / "a", chunks)), want)
    # the whole graph as one chunk, with the file export parts in it (ignored)
    one = {**render_chunk(g.nodes(data=True), g.edges(keys=True, data=True)),
           **render_store_parts(g.nodes(data=True), g.edges(keys=True, data=True))}
    assert any(not name.startswith("store:") for name in one)
    assert_same(dump(write_store_parts(tmp_path / "b", [one])), want)


def test_an_endpoint_without_a_label_prefix_is_refused(tmp_path):
    c = stable_id("Campaign", "春运", "national")
    nodes = [(c, {"id": c, "label": "Campaign", "name": "春运"})]
    with pytest.raises(StoreError, match=r"^edge e: endpoint person_0123456789abcdef is not a node given, "
                                         r"and its id names no label of kg.schema.NODE_LABELS$"):
        render_store_parts(nodes, [("person_0123456789abcdef", c, "e", {"id": "e", "type": "CONDUCTS"})])
    with pytest.raises(StoreError, match=r"^edge e: endpoint x is not a node given"):
        render_store_parts([], [("x", c, "e", {"id": "e", "type": "CONDUCTS"})])
    a = stable_id("Agency", "甲局", "national")
    with pytest.raises(StoreError, match=r"^edge e: CONDUCTS from Agency to Agency is not in kg.schema.REL_ENDPOINTS$"):
        render_store_parts([], [(a, a, "e", {"id": "e", "type": "CONDUCTS"})])


def test_an_edge_to_a_node_no_chunk_provides_is_one_line_and_keeps_the_old_store(sample, tmp_path):
    g, groups, want = sample
    path = write_store_parts(tmp_path / "store", [render_store_parts(n, e) for n, e in groups])
    ghost = stable_id("Campaign", "不存在的行动", "national")
    agency = next(n for n, a in g.nodes(data=True) if a["label"] == "Agency")
    bad = render_store_parts([], [(agency, ghost, "e-ghost", {"id": "e-ghost", "type": "CONDUCTS", "doc": "x.txt"})])
    chunks = [render_store_parts(n, e) for n, e in groups] + [bad]
    with pytest.raises(StoreError) as err:
        write_store_parts(path, chunks)
    assert str(err.value) == f"{path}: edge e-ghost: endpoint {ghost} is not a node of the store"
    assert_same(dump(path), want)
    assert [p.name for p in tmp_path.iterdir()] == ["store"], "spool folder or new store left behind"


def test_an_unknown_store_part_is_refused(tmp_path):
    with pytest.raises(StoreError, match=r"^part 'store:node:Person' is not a table of the embedded store$"):
        write_store_parts(tmp_path / "store", [{"store:node:Person": b'"p"\n'}])
    assert not (tmp_path / "store").exists()


def test_text_that_is_not_valid_is_refused():
    with pytest.raises(StoreError, match=r"^a value is not valid text: surrogates not allowed"):
        render_store_parts([("d", {"id": "d", "label": "Document", "name": "a\ud800.txt"})], [])


def test_lists_the_csv_cannot_carry_arrive_through_parts(tmp_path, monkeypatch):
    from kg.schema import EDGE_PROPERTIES

    monkeypatch.setitem(EDGE_PROPERTIES, "CONDUCTS", {**EDGE_PROPERTIES["CONDUCTS"], "tags": "list[str]"})
    odd = ["", "a\x1fb", "\x1e", " 两边空格 ", 'x,"y"]', "[1,2]", "'q'"]
    a1, a2 = stable_id("Agency", "甲局", "national"), stable_id("Agency", "乙局", "national")
    c = stable_id("Campaign", "春运", "national")
    ents = [
        (a1, {"id": a1, "label": "Agency", "name": "甲局", "aliases": odd, "docs": ["", "d.txt"], "masked": False}),
        (a2, {"id": a2, "label": "Agency", "name": "乙局", "aliases": odd[3:], "docs": ["d.txt"]}),
        (c, {"id": c, "label": "Campaign", "name": "春运", "aliases": [], "docs": None}),
    ]
    doc = [
        (a1, c, "e1", {"id": "e1", "type": "CONDUCTS", "doc": "d.txt", "tags": ["", "x"]}),
        (a2, c, "e2", {"id": "e2", "type": "CONDUCTS", "doc": "d.txt", "tags": ["x", "y"]}),
    ]
    chunks = [render_store_parts([], doc), render_store_parts(ents, [])]  # the edges' chunk first
    assert LATER_PART in chunks[0] and LATER_PART in chunks[1]
    got = dump(write_store_parts(tmp_path / "store", chunks))
    assert got[a1][1]["aliases"] == odd and got[a1][1]["docs"] == ["", "d.txt"]
    assert got[a2][1]["aliases"] == odd[3:] and got[c][1]["aliases"] == [] and got[c][1]["docs"] is None
    assert got[("rel", "e1")][3]["tags"] == ["", "x"] and got[("rel", "e2")][3]["tags"] == ["x", "y"]


def test_a_bad_later_line_is_one_line_error(tmp_path):
    with pytest.raises(StoreError, match=r"^store:later: not a value of the store: \[\"node\", \"Person\""):
        write_store_parts(tmp_path / "store", [{LATER_PART: b'["node", "Person", "aliases", "p", ["a"]]\n'}])
    assert not (tmp_path / "store").exists()
