"""kg.sinks.files: chunked rendering and assembly of the file exports.

The JSON must equal networkx.node_link_data byte for byte, the CSV files what the
previous writer (kept below) produced, any split of the rows into chunks the same
files as one chunk, and awkward text must neither break the XML nor get lost.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.exports import read_gexf, read_graphml, read_json, write_all
from kg.sinks.files import FORMATS, render_chunk, render_graph, write_files
from kg.sinks.neo4j_csv import write_neo4j_import

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://www.gexf.net/1.2draft}"
FILES = ("graph.json", "graph.graphml", "graph.gexf")


# ---------------------------------------------------------------- the previous CSV writer, as it was

_OLD_CSV_TYPE = {"str": "string", "int": "int", "float": "double", "bool": "boolean",
                 "list[str]": "string[]", "list[int]": "int[]"}


def _old_cell(value, ptype):
    if value is None:
        return ""
    if ptype.startswith("list"):
        return ";".join(str(v).replace(";", "；") for v in value)
    if ptype == "bool":
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _old_header(name, ptype):
    return name if ptype == "str" else f"{name}:{_OLD_CSV_TYPE[ptype]}"


def old_write_neo4j_import(g: nx.MultiDiGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    node_files, rel_files = [], []
    for label in NODE_LABELS:
        props = {k: t for k, t in NODE_PROPERTIES[label].items() if k not in ("id", "label")}
        path = folder / f"nodes_{label}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID"] + [_old_header(k, t) for k, t in props.items()] + [":LABEL"])
            for n, a in g.nodes(data=True):
                if a.get("label") == label:
                    w.writerow([n] + [_old_cell(a.get(k), t) for k, t in props.items()] + [label])
        node_files.append(path.name)
    for rel in REL_TYPES:
        props = {k: t for k, t in EDGE_PROPERTIES[rel].items() if k != "type"}
        path = folder / f"rels_{rel}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID"] + [_old_header(k, t) for k, t in props.items()] + [":TYPE"])
            for u, v, a in g.edges(data=True):
                if a.get("type") == rel:
                    w.writerow([u, v] + [_old_cell(a.get(k), t) for k, t in props.items()] + [rel])
        rel_files.append(path.name)
    args = " \\\n  ".join([f"--nodes={f}" for f in node_files] + [f"--relationships={f}" for f in rel_files])
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Run from this folder with the database stopped; DATABASE defaults to neo4j.\n"
        f'neo4j-admin database import full "${{DATABASE:-neo4j}}" --overwrite-destination \\\n'
        f"  --array-delimiter=';' --multiline-fields=true \\\n  {args}\n",
        encoding="utf-8",
    )


# ---------------------------------------------------------------- graphs

@pytest.fixture(scope="module")
def corpus_graph(sample_build) -> nx.MultiDiGraph:
    g = sample_build.graph
    assert g.number_of_nodes() > 500 and g.number_of_edges() > 500, "the sample build made a tiny graph"
    return g


def awkward_graph(sentence: str) -> nx.MultiDiGraph:
    """Every label and type once, with values that need quoting, escaping or are None."""
    g = nx.MultiDiGraph(kg_schema="kg/1")
    # a comma, a quote, a newline and a carriage return, each in rows of its own
    g.add_node("d1", id="d1", label="Document", name="a,b.txt", title="报告", years=[2021, 2022],
               period=None, kind="report", author=None, jurisdiction="英德市", province="广东省",
               city=None, county="英德市", adcode="441881", encoding="gb18030", format="txt", chars=12,
               sha256="ab" * 32)
    g.add_node("s1", id="s1", label="Section", name="一、总体\n情况", doc="a.txt", level=1, marker="一、",
               title="总体\n情况", start=0, end=10, ordinal=0)
    g.add_node("ag", id="ag", label="Agency", name="英德市交通运输局", type="AGENCY", scope="",
               aliases=["局;本局", "英德市交通运输局", 'x"y'], docs=["a.txt"], mentions=2, masked=False)
    g.add_node("or", id="or", label="Organization", name="<协会>", type="ORGANIZATION", scope="doc:a",
               aliases=[], docs=["a.txt"], mentions=1, masked=True)
    g.add_node("ca", id="ca", label="Campaign", name='"百日攻坚"行动', type="CAMPAIGN", scope="",
               aliases=['"百日攻坚"行动'], docs=["a.txt"], mentions=1, masked=False)
    g.add_node("re", id="re", label="Regulation", name="《条例》", type="REGULATION", scope="",
               aliases=["《条例》"], docs=["a.txt"], mentions=1, masked=False)
    g.add_node("me", id="me", label="Metric", name="24.228万宗", text="24.228万宗", value=242280.0, unit="宗",
               indicator="查处案件", kind="level", masked=False, period=None, doc="a.txt", start=3, end=11,
               sentence=sentence)
    g.add_node("m2", id="m2", label="Metric", name="*宗", text="*宗", value=float("nan"), unit="宗",
               indicator="回车\r", kind="level", masked=True, period="2021", doc="a.txt", start=1, end=2,
               sentence="x")
    edges = [
        ("d1", "s1", "HAS_SECTION", {}),
        ("ag", "s1", "MENTIONED_IN", {"text": "本局", "name": "英德市交通运输局", "self_ref": True}),
        ("me", "s1", "MENTIONED_IN", {"text": "24.228万宗", "name": "24.228万宗", "self_ref": False}),
        ("ag", "ca", "CONDUCTS", {"trigger": "开展", "head_start": 0, "head_end": 2, "tail_start": 4, "tail_end": 8}),
        ("ag", "re", "ISSUES", {"trigger": "印发", "head_start": 0, "head_end": 2, "tail_start": 4, "tail_end": 8}),
        ("ag", "or", "COOPERATES_WITH", {"trigger": "联合", "head_start": 0, "head_end": 2, "tail_start": 4,
                                         "tail_end": 8}),
        ("me", "ca", "MEASURES", {"trigger": "", "head_start": 3, "head_end": 11, "tail_start": 4, "tail_end": 8}),
    ]
    for i, (u, v, rel, extra) in enumerate(edges):
        eid = f"{rel.lower()}_{i}"
        g.add_edge(u, v, key=eid, id=eid, type=rel, doc="a.txt", start=i, end=i + 5,
                   sentence=sentence if rel != "HAS_SECTION" else "", **extra)
    return g


AWKWARD = ('英德市交通运输局开展“百日攻坚”行动，查处案件24.228万宗。<script>alert("x&y")</script>'
           "；x;y,z 'q'\t制表\n换行\r回车")
BAD_XML = "坏\x00字\x0b符\x1f与\ud800孤\udfff立\ufffe和\uffff完"


def canonical(g: nx.MultiDiGraph):
    def norm(v):
        return None if isinstance(v, float) and math.isnan(v) else v
    nodes = {n: {k: norm(v) for k, v in a.items() if v is not None} for n, a in g.nodes(data=True)}
    edges = {k: (u, v, {kk: norm(vv) for kk, vv in a.items() if vv is not None})
             for u, v, k, a in g.edges(keys=True, data=True)}
    return nodes, edges


def read_all(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in FILES if (out / name).exists()}
    folder = out / "neo4j-import"
    if folder.exists():
        files.update({f"neo4j-import/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())})
    return files


def read_folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def node_link_bytes(g: nx.MultiDiGraph) -> bytes:
    return json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, separators=(",", ":")).encode()


# ---------------------------------------------------------------- contracts

def test_json_is_node_link_data_byte_for_byte(corpus_graph, tmp_path):
    write_files(tmp_path, render_graph(corpus_graph), ("json",), graph=corpus_graph.graph)
    assert (tmp_path / "graph.json").read_bytes() == node_link_bytes(corpus_graph)
    assert canonical(read_json(tmp_path / "graph.json")) == canonical(corpus_graph)


def odd_graph() -> nx.MultiDiGraph:
    """Rows kg never makes but networkx allows: the JSON must still be node_link_data's."""
    import enum

    class Level(enum.IntEnum):
        CITY = 2

    class Name(str):
        pass

    g = nx.MultiDiGraph(kg_schema="kg/1", note="x")
    g.add_node(1, label="Agency", name=Name("局"), aliases=("a", "b"), mentions=Level.CITY, masked=0)
    g.add_node("n2", id="other", label="Metric", value=float("inf"), period=None, text='"q"\n', masked=True,
               unit=["元"], docs={"k": [1, 2.5, None]})
    g.add_node("n3", label=None, sentence="s")
    g.add_node("n4", id="n4", label="Section", level=-0.0, start=True, end=None, ordinal=float("-inf"))
    g.add_edge(1, "n2", key=0, type="MEASURES", source="overwritten", key2=[1], start=1.5, doc=None)
    g.add_edge("n2", 1, "k", id="k", type="HAS_SECTION", sentence="\x00\u2028", end=10 ** 30)
    g.edges["n2", 1, "k"]["key"] = "x"  # an attribute named like node_link_data's own field
    g.add_edge("n3", "n4", key=("t", 1), type=["not", "a", "type"])
    return g


def test_json_equals_node_link_data_for_rows_kg_never_makes(tmp_path):
    g = odd_graph()
    write_files(tmp_path, render_graph(g, ("json",), batch=2), ("json",), graph=g.graph)
    assert (tmp_path / "graph.json").read_bytes() == node_link_bytes(g)
    # and the CSV of such rows is still the previous writer's
    old_write_neo4j_import(g, tmp_path / "old")
    write_neo4j_import(g, tmp_path / "new")
    assert read_folder(tmp_path / "new") == read_folder(tmp_path / "old")


@pytest.mark.parametrize("which", ["corpus", "awkward"])
def test_neo4j_csv_files_equal_the_previous_writer(which, corpus_graph, tmp_path):
    g = corpus_graph if which == "corpus" else awkward_graph(AWKWARD)
    old_write_neo4j_import(g, tmp_path / "old")
    written = write_neo4j_import(g, tmp_path / "new")
    assert [p.name for p in written] == [f"nodes_{x}.csv" for x in NODE_LABELS] + [f"rels_{x}.csv" for x in REL_TYPES]
    old, new = read_folder(tmp_path / "old"), read_folder(tmp_path / "new")
    assert sorted(old) == sorted(new) and len(old) == len(NODE_LABELS) + len(REL_TYPES) + 1
    for name in old:
        assert new[name] == old[name], name
    if which == "awkward":  # the awkward values really went through the quoting rules
        agency = (tmp_path / "new" / "nodes_Agency.csv").read_bytes().decode("utf-8")
        assert '"局；本局;英德市交通运输局;x""y"' in agency
        conducts = (tmp_path / "new" / "rels_CONDUCTS.csv").read_bytes().decode("utf-8")
        assert '\t制表\n换行\r回车"' in conducts
        assert '"""百日攻坚""行动"' in (tmp_path / "new" / "nodes_Campaign.csv").read_bytes().decode("utf-8")
        assert '"一、总体\n情况"' in (tmp_path / "new" / "nodes_Section.csv").read_bytes().decode("utf-8")
        assert '"回车\r"' in (tmp_path / "new" / "nodes_Metric.csv").read_bytes().decode("utf-8")


def test_awkward_values_round_trip_through_every_reader(tmp_path):
    g = awkward_graph(AWKWARD)
    write_all(g, tmp_path)
    for read, name in ((read_json, "graph.json"), (read_graphml, "graph.graphml"), (read_gexf, "graph.gexf")):
        back = read(tmp_path / name)
        assert canonical(back) == canonical(g), name
        assert back.edges["ag", "ca", "conducts_3"]["sentence"] == AWKWARD  # quotes, tab, newline, CR kept
        assert back.nodes["ag"]["aliases"] == ["局;本局", "英德市交通运输局", 'x"y']


def test_characters_xml_forbids_are_replaced_and_the_files_parse(tmp_path):
    g = awkward_graph(BAD_XML)
    write_files(tmp_path, render_graph(g), graph=g.graph)
    replaced = "坏\ufffd字\ufffd符\ufffd与\ufffd孤\ufffd立\ufffd和\ufffd完"
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(tmp_path / name)  # well-formed XML 1.0
        assert replaced in (tmp_path / name).read_text(encoding="utf-8")
    for back in (read_graphml(tmp_path / "graph.graphml"), read_gexf(tmp_path / "graph.gexf")):
        assert back.nodes["me"]["sentence"] == replaced
        assert back.edges["ag", "ca", "conducts_3"]["sentence"] == replaced
        assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    # JSON keeps the text exactly (a lone surrogate as its \u escape), CSV is valid UTF-8 with U+FFFD
    assert read_json(tmp_path / "graph.json").nodes["me"]["sentence"] == BAD_XML
    metric = (tmp_path / "neo4j-import" / "nodes_Metric.csv").read_text(encoding="utf-8")
    assert "坏\x00字\x0b符\x1f与\ufffd孤\ufffd立\ufffe和\uffff完" in metric


def test_graphml_and_gexf_declarations(corpus_graph, tmp_path):
    write_all(corpus_graph, tmp_path)
    root = ET.parse(tmp_path / "graph.graphml").getroot()
    keys = root.findall(f"{GRAPHML_NS}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids)), "GraphML key ids must be unique"
    graph = root.find(f"{GRAPHML_NS}graph")
    used = {d.get("key") for d in graph.iter(f"{GRAPHML_NS}data")}
    assert used <= set(ids)
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types[("node", "mentions")] == "long" and types[("node", "masked")] == "boolean"
    assert types[("node", "value")] == "double" and types[("edge", "sentence")] == "string"
    json_attrs = next(d.text for d in graph.findall(f"{GRAPHML_NS}data") if d.get("key") == "g_kg_json_attrs")
    assert json.loads(json_attrs) == ["aliases", "docs", "years"]
    # plain networkx reads it too, edge keys are the edge ids
    plain = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert {k for *_, k in plain.edges(keys=True)} == {k for *_, k in corpus_graph.edges(keys=True)}
    assert plain.graph["kg_schema"] == "kg/1"

    root = ET.parse(tmp_path / "graph.gexf").getroot()
    assert root.get("version") == "1.2"
    graph = root.find(f"{GEXF_NS}graph")
    declared = {}
    for attrs in graph.findall(f"{GEXF_NS}attributes"):
        titles = {a.get("id"): a.get("title") for a in attrs.findall(f"{GEXF_NS}attribute")}
        declared[attrs.get("class")] = titles
    assert "kg_label" in declared["node"].values() and "label" not in declared["node"].values()
    assert {"rel_type", "char_start", "char_end"} <= set(declared["edge"].values())
    assert not set(declared["node"]) & set(declared["edge"])
    node = graph.find(f"{GEXF_NS}nodes/{GEXF_NS}node")
    assert node.get("label") == corpus_graph.nodes[node.get("id")]["name"]


# ---------------------------------------------------------------- chunking

def _runs_by_doc(rows, doc_of):
    return [list(group) for _, group in itertools.groupby(rows, key=doc_of)]


def _node_doc(row):
    n, a = row
    return a.get("doc") or (a["name"] if a.get("label") == "Document" else "")


def test_any_split_into_chunks_gives_the_same_files(corpus_graph, tmp_path):
    g = corpus_graph
    nodes = list(g.nodes(data=True))
    edges = list(g.edges(keys=True, data=True))
    write_files(tmp_path / "one", [render_chunk(nodes, edges)], graph=g.graph)
    one = read_all(tmp_path / "one")
    assert len(one) == 3 + len(NODE_LABELS) + len(REL_TYPES) + 1
    assert one["graph.json"] == node_link_bytes(g)

    # per document: each chunk holds a run of nodes and a run of edges, as the build caches them
    node_runs = _runs_by_doc(nodes, _node_doc)
    edge_runs = _runs_by_doc(edges, lambda e: e[3]["doc"])
    assert len(node_runs) > 5 and len(edge_runs) > 5
    per_doc = [render_chunk(ns, es) for ns, es in itertools.zip_longest(node_runs, edge_runs, fillvalue=[])]
    # random cuts, single rows, and empty chunks between them
    rnd = random.Random(6)
    cuts = sorted(rnd.sample(range(1, len(nodes)), 40))
    pieces = [nodes[a:b] for a, b in zip([0, *cuts], [*cuts, len(nodes)])]
    random_chunks = [render_chunk(p, []) for p in pieces] + [{}] + [render_chunk([], [e]) for e in edges[:50]]
    random_chunks += [render_chunk([], edges[50:]), render_chunk([], [])]
    for name, chunks in (("per_doc", per_doc), ("random", random_chunks)):
        write_files(tmp_path / name, chunks, graph=g.graph)
        assert read_all(tmp_path / name) == one, name


def test_a_subset_of_formats_from_chunks_of_all_formats(corpus_graph, tmp_path):
    chunks = list(render_graph(corpus_graph, batch=300))
    assert len(chunks) > 5
    write_files(tmp_path / "all", chunks, graph=corpus_graph.graph)
    paths = write_files(tmp_path / "json", chunks, ("json",), graph=corpus_graph.graph)
    assert set(paths) == {"json"} and not (tmp_path / "json" / "graph.graphml").exists()
    assert (tmp_path / "json" / "graph.json").read_bytes() == (tmp_path / "all" / "graph.json").read_bytes()
    # rendering only some formats gives the same parts
    only = list(render_graph(corpus_graph, ("gexf", "neo4j"), batch=300))
    for full, part in zip(chunks, only):
        assert part == {k: v for k, v in full.items() if k.startswith(("gexf:", "csv:"))}


def test_chunk_part_names():
    g = awkward_graph("s")
    chunk = render_chunk(g.nodes(data=True), g.edges(keys=True, data=True))
    expected = {f"{f}:{side}" for f in ("json", "graphml", "gexf") for side in ("nodes", "edges")}
    expected |= {f"csv:nodes_{x}.csv" for x in NODE_LABELS} | {f"csv:rels_{x}.csv" for x in REL_TYPES}
    assert set(chunk) == expected
    assert all(isinstance(v, bytes) and v for v in chunk.values())
    assert chunk["graphml:nodes"].count(b"\n") == g.number_of_nodes()
    only_nodes = render_chunk(g.nodes(data=True), [], ("json",))
    assert set(only_nodes) == {"json:nodes"}


def test_empty_graph_and_empty_chunks(tmp_path):
    empty = nx.MultiDiGraph(kg_schema="kg/1")
    write_files(tmp_path / "a", [], graph=empty.graph)
    write_files(tmp_path / "b", [{}, render_chunk([], []), {"json:nodes": b"", "gexf:edges": b""}])
    a, b = read_all(tmp_path / "a"), read_all(tmp_path / "b")
    assert a == b
    assert a["graph.json"] == node_link_bytes(empty)
    old_write_neo4j_import(empty, tmp_path / "old")
    for name, data in read_folder(tmp_path / "old").items():
        assert a[f"neo4j-import/{name}"] == data
    for read, name in ((read_json, "graph.json"), (read_graphml, "graph.graphml"), (read_gexf, "graph.gexf")):
        back = read(tmp_path / "a" / name)
        assert back.number_of_nodes() == 0 and back.number_of_edges() == 0
    write_all(empty, tmp_path / "c")
    assert {k: v for k, v in read_all(tmp_path / "c").items()} == {k: a[k] for k in FILES}
    assert not list((tmp_path / "a").glob("**/*.tmp"))


def test_an_attribute_outside_the_schema(tmp_path):
    g = awkward_graph("s")
    g.nodes["ag"]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        render_chunk(g.nodes(data=True), [], ("graphml",))
    # JSON needs no declaration; CSV keeps its schema columns
    chunk = render_chunk(g.nodes(data=True), [], ("json", "neo4j"))
    assert b'"colour":"red"' in chunk["json:nodes"]
    assert b"red" not in chunk["csv:nodes_Agency.csv"]
    with pytest.raises(ValueError, match="formats"):
        render_chunk([], [], ("yaml",))


def test_a_failed_write_keeps_the_files_of_the_last_build(tmp_path):
    g = awkward_graph("s")
    write_files(tmp_path, render_graph(g), graph=g.graph)
    before = read_all(tmp_path)

    def broken():
        yield render_chunk(g.nodes(data=True), [])
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_files(tmp_path, broken(), graph=g.graph)
    assert read_all(tmp_path) == before
    assert not list(tmp_path.glob("**/*.tmp"))
    with pytest.raises(ValueError, match="unknown chunk part"):
        write_files(tmp_path / "x", [{"yaml:nodes": b"x"}])


def test_formats_constant_and_paths(tmp_path):
    assert FORMATS == ("json", "graphml", "gexf", "neo4j")
    g = awkward_graph("s")
    paths = write_files(tmp_path / "out", render_graph(g), graph=g.graph,
                        paths={"gexf": tmp_path / "elsewhere" / "g.gexf", "neo4j": tmp_path / "csv"})
    assert paths["gexf"] == tmp_path / "elsewhere" / "g.gexf" and paths["gexf"].exists()
    assert (tmp_path / "csv" / "import.sh").exists() and (tmp_path / "out" / "graph.json").exists()
