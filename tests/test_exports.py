"""kg.sinks.exports: every format reads back equal; tools see names, kg labels and edge types; CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpus_rows import sample_rows
from export_graphs import DOC, canonical, hostile_graph
from kg.rows import TableRows, edge_schema, graph_rows, label_schema, node_schema, to_networkx, type_schema
from kg.schema import NODE_LABELS, REL_TYPES
from kg.sinks.exports import FORMATS, export, read_gexf, read_graphml, write_gexf, write_graphml, write_json
from kg.sinks.exports.neo4j_import import restore_statements
from kg.sinks.exports.values import GUARD

JS = Path(__file__).resolve().parent / "js"
GRAPH_FORMATS = [f for f, spec in FORMATS.items() if spec.merges]


@pytest.fixture(scope="module")
def corpus() -> TableRows:
    return sample_rows()


@pytest.fixture(scope="module")
def hostile() -> TableRows:
    return graph_rows(hostile_graph())


def _rows(request, which: str) -> TableRows:
    return request.getfixturevalue(which)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("which", ["hostile", "corpus"])
def test_every_format_reads_back_equal(fmt, which, request, tmp_path):
    rows = _rows(request, which)
    path = export(rows, fmt, tmp_path)
    assert path == tmp_path / FORMATS[fmt].default_name
    assert canonical(FORMATS[fmt].read(path)) == canonical(to_networkx(rows))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_one_table_or_many_give_the_same_files(fmt, corpus, tmp_path):
    """Streaming does not depend on how the rows are split into tables."""
    whole = TableRows([pa.concat_tables(corpus.nodes)], [pa.concat_tables(corpus.edges)])
    a, b = export(corpus, fmt, tmp_path / "a"), export(whole, fmt, tmp_path / "b")
    files = sorted(p.relative_to(a) for p in a.rglob("*")) if a.is_dir() else [Path()]
    for rel in files:
        if (a / rel).is_file() and rel.suffix != ".parquet":  # Parquet row groups follow the batches
            assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_a_networkx_graph_is_written_as_its_rows(tmp_path):
    g = hostile_graph()
    write_graphml(g, tmp_path / "g.graphml")
    write_graphml(graph_rows(g), tmp_path / "r.graphml")
    assert (tmp_path / "g.graphml").read_bytes() == (tmp_path / "r.graphml").read_bytes()


def _objects(objects: list[dict]) -> list[str]:
    return sorted(json.dumps(o, ensure_ascii=False, sort_keys=True) for o in objects)


def test_json_is_networkx_node_link_data(corpus, tmp_path):
    """The objects networkx writes for the graph without its nulls (in the rows' order, where networkx groups
    them by label); an edge's key is its element id, e0, e1, … in the order of the rows."""
    got = json.loads(write_json(corpus, tmp_path / "graph.json").read_text(encoding="utf-8"))
    g = to_networkx(corpus)
    for attrs in [*(a for _, a in g.nodes(data=True)), *(a for *_, a in g.edges(data=True))]:
        for k in [k for k, v in attrs.items() if v is None]:
            del attrs[k]
    want = nx.node_link_data(g, edges="edges")
    assert [e.pop("key") for e in got["edges"]] == [f"e{i}" for i in range(g.number_of_edges())]
    for e in want["edges"]:
        del e["key"]  # networkx numbers parallel edges 0, 1, …
    for part in ("nodes", "edges"):
        got[part], want[part] = _objects(got[part]), _objects(want[part])
    assert got == want


def test_json_writes_non_finite_floats_as_strings(hostile, tmp_path):
    text = write_json(hostile, tmp_path / "graph.json").read_text(encoding="utf-8")
    values = {n["id"]: n.get("value") for n in json.loads(text)["nodes"] if n["label"] == "Metric"}
    assert values == {"metric_0": "NaN", "metric_1": "Infinity", "metric_2": "-Infinity", "metric_3": 242280.0,
                      "metric_4": None, "metric_5": -1e-07}
    assert "NaN," not in text and "Infinity," not in text  # strict JSON: every parser takes it


def test_a_lone_surrogate_is_refused_with_its_place(tmp_path):
    g = hostile_graph()
    g.nodes["agency_1"]["name"] = "bad\ud800name"
    with pytest.raises(ValueError, match=r"node 'agency_1' attribute 'name'.*lone surrogate"):
        write_json(g, tmp_path / "graph.json")
    g.nodes["agency_1"]["name"] = "ok"
    g.edges["agency_1", "sentence_1", 2]["text"] = "\udc80"
    g.nodes["campaign_1"]["aliases"] = ["x", "\udfff"]
    with pytest.raises(ValueError, match=r"node 'campaign_1' attribute 'aliases'.*lone surrogate"):
        write_json(g, tmp_path / "graph.json")
    g.nodes["campaign_1"]["aliases"] = []
    with pytest.raises(ValueError, match=r"MENTIONED_IN edge 'agency_1' -> 'sentence_1' \(key 2\) attribute 'text'.*"
                                         "lone surrogate"):
        write_json(g, tmp_path / "graph.json")


@pytest.mark.parametrize("write,read", [(write_graphml, read_graphml), (write_gexf, read_gexf)])
def test_xml_replaces_only_what_xml_cannot_hold(write, read, tmp_path):
    g = hostile_graph()
    g.nodes["sentence_1"]["text"] = "\x00a\x01b\x1fc\ufffed\te\nf"
    path = write(g, tmp_path / "g.xml")
    ET.parse(path)  # well-formed
    assert read(path).nodes["sentence_1"]["text"] == "\ufffda\ufffdb\ufffdc\ufffdd\te\nf"


@pytest.mark.parametrize("fmt", ["json", "neo4j-csv", "parquet"])
def test_json_csv_and_parquet_keep_control_characters(fmt, tmp_path):
    g = hostile_graph()
    g.nodes["sentence_1"]["text"] = "\x00a\x01b\x1fc\x7f\ufffe\\\"\x08\x0c"
    back = FORMATS[fmt].read(export(g, fmt, tmp_path))
    assert back.nodes["sentence_1"]["text"] == g.nodes["sentence_1"]["text"]


def _display(attrs: dict) -> str:
    return attrs.get("name") or attrs.get("text") or attrs.get("title") or attrs["id"]


def _graph_json_names(rows: TableRows) -> tuple[set, set]:
    g = to_networkx(rows)
    return ({k for _, a in g.nodes(data=True) for k in a}, {k for *_, a in g.edges(keys=True, data=True) for k in a})


def test_gexf_labels_kinds_and_attribute_names(corpus, tmp_path):
    g = to_networkx(corpus)
    root = ET.parse(write_gexf(corpus, tmp_path / "graph.gexf")).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    assert root.get("version") == "1.3"
    for node in root.iterfind(".//g:node", ns):
        attrs = g.nodes[node.get("id")]
        assert node.get("label") == _display(attrs)
        assert {v.get("for"): v.get("value") for v in node.iterfind(".//g:attvalue", ns)}["kg_label"] == attrs["label"]
    edges = list(root.iterfind(".//g:edge", ns))
    assert [e.get("id") for e in edges] == [f"e{i}" for i in range(g.number_of_edges())]
    assert all(e.get("label") == e.get("kind") for e in edges)
    assert (sorted((e.get("source"), e.get("target"), e.get("label")) for e in edges)
            == sorted((u, v, a["type"]) for u, v, a in g.edges(data=True)))
    node_names, edge_names = _graph_json_names(corpus)
    titles = {c: {a.get("title") for a in root.iterfind(f".//g:attributes[@class='{c}']/g:attribute", ns)}
              for c in ("node", "edge")}
    # declared from the schema before the rows: every graph.json name, renamed only where GEXF reserves it
    assert (node_names - {"id", "label"}) | {"kg_label"} <= titles["node"] <= set(node_schema().names) | {"kg_label"}
    assert edge_names - {"id", "type"} <= titles["edge"] <= set(edge_schema().names)


def test_graphml_labels_and_attribute_names(corpus, tmp_path):
    root = ET.parse(write_graphml(corpus, tmp_path / "graph.graphml")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", ns)}
    g = to_networkx(corpus)
    for node in root.iterfind(".//g:node", ns):
        data = {keys[d.get("key")]: d.text for d in node.iterfind("g:data", ns)}
        assert (data["label"], data["kg_label"]) == (_display(g.nodes[node.get("id")]), g.nodes[node.get("id")]["label"])
    for edge in root.iterfind(".//g:edge", ns):
        data = {keys[d.get("key")]: d.text for d in edge.iterfind("g:data", ns)}
        assert data["label"] == data["type"]
    node_names, edge_names = _graph_json_names(corpus)
    declared = {k.get("for"): set() for k in root.iterfind("g:key", ns)}
    for k in root.iterfind("g:key", ns):
        declared[k.get("for")].add(k.get("attr.name"))
    assert node_names - {"id"} <= declared["node"] - {"kg_label"} | {"label"}
    assert edge_names - {"id"} <= declared["edge"]


def _graphology(fmt: str, path: Path) -> dict:
    if not (JS / "node_modules").is_dir() or shutil.which("node") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("graphology is not installed (bash .ci/js.sh)")
        pytest.skip("graphology is not installed: bash .ci/js.sh")
    out = subprocess.run(["node", str(JS / "read.js"), fmt, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("which", ["hostile", "corpus"])
def test_graphology_reads_labels_attributes_and_edge_types(fmt, which, request, tmp_path):
    """An independent reader (graphology, JavaScript) sees what Gephi and sigma.js users will see."""
    rows = _rows(request, which)
    g = to_networkx(rows)
    read = _graphology(fmt, export(rows, fmt, tmp_path))
    assert read["options"]["multi"] and read["options"]["type"] == "directed"
    assert {n["key"] for n in read["nodes"]} == set(g.nodes)
    for node in read["nodes"]:
        attrs, want = node["attributes"], g.nodes[node["key"]]
        assert attrs["label"] == _display(want) and attrs["kg_label"] == want["label"]
        for name in ("name", "text", "title", "mentions", "masked", "start"):
            if name in want:
                assert attrs[name] == want[name], (node["key"], name)
        if "aliases" in want:
            assert json.loads(attrs["aliases"]) == want["aliases"]
    assert [e["key"] for e in read["edges"]] == [f"e{i}" for i in range(g.number_of_edges())]
    shown = ("doc", "start", "text", "trigger")
    got = [(e["source"], e["target"], e["attributes"]["label"], e["attributes"]["kind" if fmt == "gexf" else "type"],
            [e["attributes"].get(k) for k in shown]) for e in read["edges"]]
    want = [(u, v, a["type"], a["type"], [a.get(k) for k in shown]) for u, v, a in g.edges(data=True)]
    assert sorted(got, key=str) == sorted(want, key=str)


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
@pytest.mark.parametrize("which", ["hostile", "corpus"])
def test_merge_parallel_keeps_each_edge_with_its_own_evidence(fmt, which, request, tmp_path):
    rows = _rows(request, which)
    g = to_networkx(rows)
    groups: dict[tuple, list] = {}
    for u, v, a in g.edges(data=True):  # a type's edges in the order of the rows
        groups.setdefault((u, v, a["type"]), []).append(a)
    merged = FORMATS[fmt].read(export(rows, fmt, tmp_path, merge_parallel=True))
    assert merged.number_of_nodes() == g.number_of_nodes()
    assert merged.number_of_edges() == len(groups) < g.number_of_edges()
    for u, v, key, a in merged.edges(keys=True, data=True):
        parts = groups[(u, v, a["type"])]
        assert key == f"{a['type']}:{u}->{v}" and "id" not in a
        assert a["count"] == len(parts)
        for name, prop in (("docs", "doc"), ("starts", "start"), ("ends", "end")):  # absent where the type has none
            assert a.get(name) == ([p[prop] for p in parts] if parts[0].get(prop) is not None else None)


def test_merge_parallel_is_only_for_the_graph_formats(corpus, tmp_path):
    with pytest.raises(ValueError, match="merge_parallel"):
        export(corpus, "neo4j-csv", tmp_path, merge_parallel=True)
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export(corpus, "xlsx", tmp_path)


def _cells(folder: Path) -> dict[str, list[list[str]]]:
    return {p.name: list(csv.reader(p.open(encoding="utf-8", newline=""))) for p in folder.glob("*.csv")}


def test_neo4j_csv_headers_and_cells(hostile, tmp_path):
    folder = export(hostile, "neo4j-csv", tmp_path)
    files = _cells(folder)
    assert sorted(files) == sorted([f"nodes_{x}.csv" for x in NODE_LABELS] + [f"rels_{t}.csv" for t in REL_TYPES])
    head, row = files["nodes_Agency.csv"]
    assert head == ["id:ID", "label:string", "name:string", "type:string", "scope:string", "aliases:string[]",
                    "docs:string[]", "mentions:long", "masked:boolean"]
    assert row[head.index("aliases:string[]")].split("\x1f") == ["a;b", "'=1+2", "'+x", "'-y", "'@z", "'\tt", "''q",
                                                                  "'\r回车"]
    assert row[head.index("name:string")] == GUARD + '=HYPERLINK("http://x")' and row[1] == "Agency"
    # a relationship file: its ends and its type's own properties (no id; the type is given to neo4j-admin)
    assert files["rels_MENTIONED_IN.csv"][0] == [":START_ID", ":END_ID", "start:long", "end:long", "text:string",
                                                 "name:string", "self_ref:boolean"]
    assert files["rels_PART_OF.csv"] == [[":START_ID", ":END_ID"], ["sentence_1", "section_1"]]
    assert files["rels_CONDUCTS.csv"][0][2:5] == ["doc:string", "start:long", "end:long"]
    assert files["nodes_Organization.csv"] == [files["nodes_Organization.csv"][0]]  # a header only
    # no text cell a spreadsheet would run: every one that starts like a formula carries the guard
    # (numbers, such as -1e-07 or -Infinity in a double column, are numbers)
    for name, (head, *lines) in files.items():
        text = [i for i, h in enumerate(head) if h.endswith((":string", ":string[]", ":ID", "_ID"))]
        for line in lines:
            assert not any(line[i][:1] in ("=", "+", "-", "@", "\t", "\r") for i in text), (name, line)


def test_neo4j_csv_writes_null_and_empty_list_apart(hostile, tmp_path):
    text = (export(hostile, "neo4j-csv", tmp_path) / "nodes_Document.csv").read_text(encoding="utf-8")
    cells = text.splitlines()[1].split(",")
    header = text.splitlines()[0].split(",")
    assert cells[header.index("years:long[]")] == '""'  # an empty list: neo4j-admin leaves it out
    assert cells[header.index("period:string")] == ""  # null: an empty unquoted cell, the property absent


def test_import_script_takes_the_guard_off_what_it_guarded(hostile, tmp_path):
    folder = export(hostile, "neo4j-csv", tmp_path)
    script = (folder / "import.sh").read_text()
    guarded = ["Agency.aliases", "Agency.name", "CONDUCTS.trigger", "Campaign.name", "MEASURES.trigger",
               "MENTIONED_IN.name", "MENTIONED_IN.text", "Metric.indicator", "Metric.name", "Metric.text",
               "Section.title"]
    empty = ["Campaign.aliases", "Document.years"]
    assert ('schema apply --database "$DATABASE"' + "".join(f" --unguard {g}" for g in guarded)
            + "".join(f" --empty-list {e}" for e in empty)) in script
    assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script
    statements = (folder / "schema.cypher").read_text()
    assert all(s + ";" in statements for s in restore_statements(guarded, empty))
    assert "CREATE FULLTEXT INDEX entity_names" in statements
    subprocess.run(["sh", "-n", str(folder / "import.sh")], check=True)


@pytest.mark.parametrize("name", ["Agency.mentions", "Agency.label", "Foo.name", "Agency.name) DETACH DELETE n //",
                                  "MENTIONED_IN.type", "name"])
def test_restore_takes_only_properties_of_the_schema(name):
    with pytest.raises(ValueError, match="property of a kg.schema label"):
        restore_statements([name])
    with pytest.raises(ValueError, match="property of a kg.schema label"):
        restore_statements([], [name if name != "Agency.mentions" else "Agency.name"])


def test_parquet_files_are_typed_and_read_by_duckdb(hostile, corpus, tmp_path):
    folder = export(hostile, "parquet", tmp_path / "h")
    for name in (*NODE_LABELS, *REL_TYPES):
        kind = "nodes" if name in NODE_LABELS else "rels"
        schema = pq.read_schema(folder / f"{kind}_{name}.parquet")
        assert schema.remove_metadata() == (label_schema(name) if name in NODE_LABELS else type_schema(name))
        header = (folder / f"{kind}_{name}.header.csv").read_text().splitlines()
        assert len(header) == 2 and sorted(header[1].split(",")) == sorted(schema.names)
    con = duckdb.connect()
    agency = con.sql(f"SELECT name, aliases, docs FROM '{folder / 'nodes_Agency.parquet'}'").fetchall()
    assert agency == [('=HYPERLINK("http://x")', ["a;b", "=1+2", "+x", "-y", "@z", "\tt", "'q", "\r回车"], [DOC])]
    years = con.sql(f"SELECT years, period FROM '{folder / 'nodes_Document.parquet'}'").fetchall()
    assert years == [([], None)]
    values = dict(con.sql(f"SELECT id, value FROM '{folder / 'nodes_Metric.parquet'}'").fetchall())
    assert str(values["metric_0"]) == "nan" and values["metric_1"] == float("inf") and values["metric_4"] is None
    folder = export(corpus, "parquet", tmp_path / "c")
    counts = con.sql(f"SELECT label, count(*) FROM read_parquet('{folder}/nodes_*.parquet', union_by_name=true) "
                     "GROUP BY label").fetchall()
    want = to_networkx(corpus)
    assert dict(counts) == {lb: sum(1 for _, a in want.nodes(data=True) if a["label"] == lb) for lb, _ in counts}
    assert sum(dict(counts).values()) == want.number_of_nodes()



def test_kg_schema_apply_refuses_a_column_outside_the_schema_before_connecting():
    from click.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["schema", "apply", "--uri", "bolt://127.0.0.1:9", "--unguard", "Agency.name",
                                      "--empty-list", "Agency.name) DETACH DELETE n //"])
    assert result.exit_code == 1
    assert "Agency.name) DETACH DELETE n //: not a list property of a kg.schema label" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_kg_export_writes_a_build_from_its_cache(fmt, sample_build, tmp_path):
    """``kg export OUT --format F --to DIR`` streams the build's rows from its cache: the build's graph reads back."""
    from click.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["export", str(sample_build.out), "--format", fmt, "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert canonical(FORMATS[fmt].read(tmp_path / FORMATS[fmt].default_name)) == canonical(sample_build.graph)
    if not FORMATS[fmt].merges:
        result = CliRunner().invoke(app, ["export", str(sample_build.out), "-f", fmt, "--to", str(tmp_path / "m"),
                                          "--merge-parallel"])
        assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
        assert f"{fmt}: merge_parallel is for json, graphml and gexf" in result.output
