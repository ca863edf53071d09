"""Exports load back with networkx, every attribute intact; neo4j-admin CSV headers."""

import csv
import math

import networkx as nx
import pytest

from kg.graph import build_graph
from kg.model import Evidence, MetricMention, RelationMention
from kg.resolve import resolve
from kg.sinks.exports import read_gexf, read_graphml, read_json, write_all, write_gexf, write_graphml, write_json
from kg.sinks.neo4j_csv import write_neo4j_import

from helpers import YINGDE, extraction, make_doc, mention


@pytest.fixture(scope="module")
def small_graph() -> nx.MultiDiGraph:
    d = make_doc("a.txt", "英德市交通运输局开展“百日攻坚”行动，查处案件24.228万宗。<script>alert(1)</script>；x;y。",
                 author="英德市交通运输局", jurisdiction=YINGDE)
    agency = mention(d, "AGENCY", "英德市交通运输局")
    campaign = mention(d, "CAMPAIGN", "“百日攻坚”行动")
    ext = extraction(d, agency, campaign)
    at = d.source.text.index("24.228万宗")
    metric = MetricMention("a.txt", "24.228万宗", at, at + 8, 242280.0, "宗", "查处案件", "level", False,
                           d.evidence(at, at + 8), period=None)
    ext.metrics.append(metric)
    ev: Evidence = d.evidence(0, campaign.end)
    ext.relations.append(RelationMention("a.txt", "CONDUCTS", agency, campaign, ev, "开展"))
    ext.relations.append(RelationMention("a.txt", "MEASURES", metric, campaign, d.evidence(at, at + 8), ""))
    return build_graph(resolve([ext]))


@pytest.fixture(scope="module")
def corpus_graph(sample_build) -> nx.MultiDiGraph:
    return sample_build.graph


def canonical(g: nx.MultiDiGraph):
    def norm(v):
        if isinstance(v, float) and math.isnan(v):
            return None
        return v
    nodes = {n: {k: norm(v) for k, v in a.items() if v is not None} for n, a in g.nodes(data=True)}
    edges = {k: (u, v, {kk: vv for kk, vv in a.items() if vv is not None}) for u, v, k, a in g.edges(keys=True, data=True)}
    return nodes, edges


@pytest.mark.parametrize("write,read,suffix", [
    (write_json, read_json, "json"), (write_graphml, read_graphml, "graphml"), (write_gexf, read_gexf, "gexf"),
])
@pytest.mark.parametrize("which", ["small_graph", "corpus_graph"])
def test_round_trip_keeps_every_attribute(write, read, suffix, which, request, tmp_path):
    g = request.getfixturevalue(which)
    path = tmp_path / f"graph.{suffix}"
    write(g, path)
    back = read(path)
    assert canonical(back) == canonical(g)


def test_small_graph_has_the_facts_with_evidence(small_graph):
    labels = sorted(a["label"] for _, a in small_graph.nodes(data=True))
    assert labels == ["Agency", "Campaign", "Document", "Metric"]
    conducts = [a for _, _, a in small_graph.edges(data=True) if a["type"] == "CONDUCTS"]
    assert len(conducts) == 1 and conducts[0]["trigger"] == "开展"
    assert "英德市交通运输局开展“百日攻坚”行动" in conducts[0]["sentence"]
    metric = next(a for _, a in small_graph.nodes(data=True) if a["label"] == "Metric")
    assert (metric["value"], metric["unit"], metric["masked"]) == (242280.0, "宗", False)
    mentions = [a for _, _, a in small_graph.edges(data=True) if a["type"] == "MENTIONED_IN"]
    assert {a["text"] for a in mentions} == {"英德市交通运输局", "“百日攻坚”行动", "24.228万宗"}


def test_neo4j_import_csv_headers_and_rows(small_graph, tmp_path):
    write_neo4j_import(small_graph, tmp_path)
    with (tmp_path / "nodes_Campaign.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "id:ID" and rows[0][-1] == ":LABEL"
    assert "aliases:string[]" in rows[0] and "masked:boolean" in rows[0] and "mentions:int" in rows[0]
    assert rows[1][rows[0].index("name")] == "百日攻坚行动"
    assert set(rows[1][rows[0].index("aliases:string[]")].split(";")) == {"百日攻坚行动", "“百日攻坚”行动"}
    with (tmp_path / "nodes_Metric.csv").open(encoding="utf-8") as fh:
        metric = list(csv.DictReader(fh))
    assert metric[0]["value:double"] == "242280.0"
    with (tmp_path / "rels_CONDUCTS.csv").open(encoding="utf-8") as fh:
        rels = list(csv.DictReader(fh))
    assert len(rels) == 1 and rels[0][":TYPE"] == "CONDUCTS" and rels[0]["trigger"] == "开展"
    ids = set()
    for f in tmp_path.glob("nodes_*.csv"):
        with f.open(encoding="utf-8") as fh:
            ids |= {r["id:ID"] for r in csv.DictReader(fh)}
    for f in tmp_path.glob("rels_*.csv"):
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                assert r[":START_ID"] in ids and r[":END_ID"] in ids
    assert "neo4j-admin database import full" in (tmp_path / "import.sh").read_text()


def test_write_all_is_the_chunked_writer(corpus_graph, tmp_path):
    """The networkx-style writers and the build's chunk assembly are one code path: same bytes."""
    from kg.sinks.files import render_chunk, write_files

    paths = write_all(corpus_graph, tmp_path / "a")
    assert sorted(paths) == ["gexf", "graphml", "json"]
    chunks = [render_chunk([row], []) for row in corpus_graph.nodes(data=True)]
    chunks += [render_chunk([], corpus_graph.edges(keys=True, data=True))]
    write_files(tmp_path / "b", chunks, ("json", "graphml", "gexf"), graph=corpus_graph.graph)
    for name in ("graph.json", "graph.graphml", "graph.gexf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    write_neo4j_import(corpus_graph, tmp_path / "a" / "neo4j-import")
    write_files(tmp_path / "b", chunks, ("neo4j",))
    for p in (tmp_path / "a" / "neo4j-import").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / "neo4j-import" / p.name).read_bytes(), p.name
