"""The embedded ladybug store: tables from kg.schema, counts and every property equal to the graph."""

from __future__ import annotations

import re
from collections import Counter

import ladybug
import networkx as nx
import pytest

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.embedded import StoreError, endpoint_pairs, schema_statements, write_store

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_build):
    """The sample corpus graph and its store, written by write_store into a folder of our own."""
    out = tmp_path_factory.mktemp("embedded")
    g = sample_build.graph
    assert g.number_of_nodes() > 0, "the sample build made an empty graph"
    return g, write_store(g, out / "store")


@pytest.fixture(scope="module")
def conn(sample):
    db = ladybug.Database(str(sample[1]), read_only=True)
    c = ladybug.Connection(db)
    yield c
    c.close()
    db.close()


def _all(conn, cypher: str, params: dict | None = None) -> list[list]:
    res = conn.execute(cypher, params or {})
    return res.get_all()


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


def test_node_counts_per_table_equal_the_graph(sample, conn):
    g, _ = sample
    want = Counter(a["label"] for _, a in g.nodes(data=True))
    for label in NODE_LABELS:
        assert _all(conn, f"MATCH (n:{label}) RETURN count(n)")[0][0] == want.get(label, 0), label


def test_relationship_counts_per_type_and_endpoint_pair_equal_the_graph(sample, conn):
    g, _ = sample
    want = Counter((a["type"], g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, a in g.edges(data=True))
    total = 0
    for rel in REL_TYPES:
        for a, b in endpoint_pairs(rel):
            got = _all(conn, f"MATCH (:{a})-[r:{rel}]->(:{b}) RETURN count(r)")[0][0]
            assert got == want.get((rel, a, b), 0), (rel, a, b)
            total += got
    assert total == g.number_of_edges()


def _expected(attrs: dict, props: dict[str, str]) -> dict:
    return {k: attrs.get(k) for k in props}


def test_every_node_property_round_trips(sample, conn):
    g, _ = sample
    for label in NODE_LABELS:
        props = NODE_PROPERTIES[label]
        rows = _all(conn, f"MATCH (n:{label}) RETURN n")
        got = {r[0]["id"]: {k: r[0][k] for k in props} for r in rows}
        want = {n: _expected(a, props) for n, a in g.nodes(data=True) if a["label"] == label}
        assert got == want, label


def test_every_relationship_keeps_id_endpoints_and_properties(sample, conn):
    g, _ = sample
    for rel in REL_TYPES:
        props = EDGE_PROPERTIES[rel]
        rows = _all(conn, f"MATCH (a)-[r:{rel}]->(b) RETURN a.id, b.id, r")
        got = {r[2]["id"]: (r[0], r[1], {k: r[2][k] for k in props}) for r in rows}
        want = {a["id"]: (u, v, _expected(a, props)) for u, v, a in g.edges(data=True) if a["type"] == rel}
        assert got == want, rel


def test_a_chinese_name_is_found_by_parameter(sample, conn):
    g, _ = sample
    named = sorted((a["name"], a["label"], n) for n, a in g.nodes(data=True)
                   if a["label"] in ("Document", "Section", "Agency", "Campaign", "Metric") and CJK.search(a["name"]))
    assert named, "no node with a Chinese name in the sample graph"
    name, label, node = named[0]
    rows = _all(conn, f"MATCH (n:{label}) WHERE n.name = $name RETURN n.id", {"name": name})
    assert [node] in rows


def test_awkward_values_round_trip_exactly(tmp_path):
    g = nx.MultiDiGraph()
    text = '他说：“a,b”\n第二行 \\ 反斜杠 \'单\' "双" [列表]'
    g.add_node("d1", id="d1", label="Document", name="报告,1.txt", title=text, years=[], period=None,
               kind="report", author="", jurisdiction=None, chars=0, sha256="")
    g.add_node("a1", id="a1", label="Agency", name="英德市交通运输局", type="AGENCY", scope="adcode:441881",
               aliases=["英德市交通运输局", "我局", 'x,"y"]'], docs=["报告,1.txt"], mentions=2, masked=False)
    g.add_node("m1", id="m1", label="Metric", name="XX万元", text="XX万元", value=None, unit="万元",
               indicator="投资", kind="level", masked=True, period=None, doc="报告,1.txt", start=1, end=5,
               sentence=text)
    g.add_edge("a1", "d1", key="e1", id="e1", type="MENTIONED_IN", doc="报告,1.txt", start=0, end=3,
               sentence=text, text="我局", name="英德市交通运输局", self_ref=True)
    path = write_store(g, tmp_path / "store")
    db = ladybug.Database(str(path), read_only=True)
    c = ladybug.Connection(db)
    try:
        doc = _all(c, "MATCH (d:Document) RETURN d")[0][0]
        assert (doc["title"], doc["years"], doc["author"], doc["period"]) == (text, [], "", None)
        agency = _all(c, "MATCH (a:Agency) RETURN a.aliases, a.masked, a.mentions")[0]
        assert agency == [["英德市交通运输局", "我局", 'x,"y"]'], False, 2]
        metric = _all(c, "MATCH (m:Metric) RETURN m.value, m.masked, m.sentence")[0]
        assert metric == [None, True, text]
        rel = _all(c, "MATCH (:Agency)-[r:MENTIONED_IN]->(:Document) RETURN r.id, r.self_ref, r.sentence")[0]
        assert rel == ["e1", True, text]
    finally:
        c.close()
        db.close()


def test_write_store_replaces_an_existing_store(sample, tmp_path):
    g, _ = sample
    path = tmp_path / "store"
    write_store(g, path)
    write_store(g, path)
    db = ladybug.Database(str(path), read_only=True)
    c = ladybug.Connection(db)
    try:
        assert _all(c, "MATCH (n) RETURN count(n)")[0][0] == g.number_of_nodes()
    finally:
        c.close()
        db.close()


def test_a_label_outside_the_schema_is_one_line_error(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("x", id="x", label="Person", name="某人")
    with pytest.raises(StoreError, match=r"^node x: label 'Person' is not in kg.schema.NODE_LABELS$"):
        write_store(g, tmp_path / "store")


def test_an_endpoint_pair_outside_the_schema_is_refused(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("c", id="c", label="Campaign", name="专项整治行动")
    g.add_node("d", id="d", label="Document", name="a.txt")
    g.add_edge("c", "d", key="e", id="e", type="CONDUCTS", doc="a.txt", start=0, end=1, sentence="")
    with pytest.raises(StoreError, match="CONDUCTS from Campaign to Document is not in kg.schema.REL_ENDPOINTS"):
        write_store(g, tmp_path / "store")


def test_a_value_of_the_wrong_type_names_node_and_property(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("s", id="s", label="Section", name="一、", level="第一级")
    with pytest.raises(StoreError, match=r"node s\.level: value '第一级' is not int"):
        write_store(g, tmp_path / "store")


def test_numbers_keep_every_digit(tmp_path):
    g = nx.MultiDiGraph()
    values = [0.1 + 0.2, 1e300, -0.0, 5e-324, 123456789.123456789, 2.0 ** 53 + 1]
    for i, value in enumerate(values):
        g.add_node(f"m{i}", id=f"m{i}", label="Metric", name="x", value=value, start=-(2 ** 62) + i, end=2 ** 62,
                   masked=bool(i % 2), sentence="\r\n" if i else "")
    db = ladybug.Database(str(write_store(g, tmp_path / "store")), read_only=True)
    c = ladybug.Connection(db)
    try:
        got = {r[0]: r[1:] for r in _all(c, "MATCH (m:Metric) RETURN m.id, m.value, m.start, m.`end`, m.masked, m.sentence")}
    finally:
        c.close()
        db.close()
    for i, value in enumerate(values):
        assert got[f"m{i}"] == [value, -(2 ** 62) + i, 2 ** 62, bool(i % 2), "\r\n" if i else ""], i
    assert str(got["m2"][0]) == "-0.0"
