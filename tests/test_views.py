"""Views: what each page draws, escaping, offline pages (no browser needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.sinks.exports import read_json, write_json
from kg.views import write_views
from kg.views.escape import mark, script_json
from kg.views.facts import graph_facts
from kg.views.render import ASSETS
from kg.views.selections import initiatives_view, overview_view
from views_graphs import PAYLOAD_IMG, PAYLOAD_SCRIPT, hostile_graph, sample_graph

EXTERNAL = re.compile(r"https?://|//cdn|\bsrc=[\"']?//", re.I)
#: URLs inside the vendored vis-network: licence comments and the SVG namespace, never fetched
VIS_URLS = {"http://almende.com", "http://opensource.org/licenses/MIT", "http://www.apache.org/licenses/LICENSE-2.0",
            "http://www.w3.org/2000/svg", "https://github.com/uuidjs/uuid", "https://github.com/visjs",
            "https://github.com/zloirock/core-js", "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
            "https://visjs.github.io/vis-network/"}


def page_data(path: Path) -> dict:
    """The JSON a page hands to vis-network."""
    html = path.read_text(encoding="utf-8")
    found = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, path
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("views")
    return folder, write_views(sample_graph(), folder)


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"name": "</script><script>alert(1)</SCRIPT >", "c": "<!-- x --><?x", "amp": "a&b\u2028"}
    out = script_json(data)
    assert not re.search(r"<[/!?]", out) and "\u2028" not in out
    assert json.loads(out) == data


def test_mark_escapes_and_marks_every_needle() -> None:
    html = mark("市交通运输局<b>开展</b>路政宣传月，市交通运输局牵头。", ["市交通运输局", "路政宣传月"])
    assert html.count("<mark>市交通运输局</mark>") == 2
    assert "<mark>路政宣传月</mark>" in html
    assert "&lt;b&gt;开展&lt;/b&gt;" in html and "<b>" not in html
    long = "前" * 600 + "专项行动" + "后" * 600
    cut = mark(long, ["专项行动"], limit=100)
    assert "<mark>专项行动</mark>" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 140


def test_pages_written_with_shared_scripts_once(sample: tuple[Path, list[Path]]) -> None:
    folder, pages = sample
    names = [p.name for p in pages]
    assert names[:3] == ["index.html", "initiatives.html", "overview.html"]
    assert {"doc_1.html", "doc_2.html"} <= set(names)
    assert sum(n.startswith("ego_") for n in names) == 7  # every linked agency (4) and campaign (3)
    assert sorted(p.name for p in (folder / "lib").iterdir()) == sorted(ASSETS)
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert "vis-network.min.js\"" not in html or 'src="lib/vis-network.min.js"' in html
        assert len(html) < 60_000, "the vis-network library must not be inlined"
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in names[1:]:
        assert f'href="{name}"' in index


def test_ego_pages_for_most_connected(tmp_path: Path) -> None:
    pages = write_views(sample_graph(), tmp_path, ego_count=1)
    egos = [p.name for p in pages if p.name.startswith("ego_")]
    facts = graph_facts(sample_graph())
    bureau = next(n for n in facts.entities if facts.name(n) == "市交通运输局")
    assert len(egos) == 2 and f"ego_{bureau}.html" in egos


def test_no_external_url_in_pages_or_scripts(sample: tuple[Path, list[Path]]) -> None:
    folder, pages = sample
    for p in [*pages, folder / "lib" / "kg-views.js", folder / "lib" / "kg-views.css"]:
        assert not EXTERNAL.search(p.read_text(encoding="utf-8")), p
    for vendored in ("vis-network.min.js", "vis-network.min.css"):
        found = set(re.findall(r"https?://[A-Za-z0-9./_-]+", (folder / "lib" / vendored).read_text(encoding="utf-8")))
        assert found <= VIS_URLS, found - VIS_URLS
        assert "//cdn" not in (folder / "lib" / vendored).read_text(encoding="utf-8")


def test_overview_draws_entity_graph_without_structure() -> None:
    g = sample_graph()
    facts = graph_facts(g)
    view = overview_view(facts, cap=1500)
    labels = {n.label for n in view.nodes}
    assert "Document" not in labels and "Section" not in labels
    related_metrics = {u for u, v, a in g.edges(data=True) if a["type"] == "MEASURES"}
    entities = [n for n, a in g.nodes(data=True) if a["label"] in ("Agency", "Organization", "Campaign", "Regulation")]
    assert {n.id for n in view.nodes} == set(entities) | related_metrics
    assert any("1 metric(s) not tied to a campaign" in note for note in view.notes)
    sizes = {n.name: n.size for n in view.nodes}
    assert sizes["市交通运输局"] > sizes["小微客车租赁公司"]
    kinds = {e.kind for e in view.edges}
    assert {"CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES", "CO_MENTION"} <= kinds


def test_overview_cap_keeps_most_connected_and_says_so() -> None:
    facts = graph_facts(sample_graph())
    view = overview_view(facts, cap=3)
    assert len(view.nodes) == 3
    assert "市交通运输局" in {n.name for n in view.nodes}
    kept = {n.id for n in view.nodes}
    assert all(e.source in kept and e.target in kept for e in view.edges)
    assert any(note.startswith("Showing the 3 most connected of 11 entity nodes; left out 8 (Agency 3, Campaign 1, Metric 2, "
                              "Organization 1, Regulation 1), each with at most 2 connections") for note in view.notes)


def test_initiatives_link_campaigns_by_what_they_share() -> None:
    facts = graph_facts(sample_graph())
    view = initiatives_view(facts, cap=1500)
    by_name = {n.name: n.id for n in view.nodes}
    c2, c3 = by_name["大战一百天、打非保平安专项行动"], by_name["路政宣传月"]
    shares = {(e.source, e.target): e for e in view.edges if e.kind == "SHARES"}
    edge = shares[tuple(sorted((c2, c3)))]
    # both conducted by 市交通运输局, both measured by 622家次 (strength 2), both in 002_sample.txt (not counted)
    assert edge.weight == 2 and not edge.dashes and edge.layer == ""
    assert "agencies (1)" in edge.tooltip and "市交通运输局" in edge.tooltip
    assert "metrics (1)" in edge.tooltip and "622家次" in edge.tooltip
    assert "documents (1)" in edge.tooltip
    assert {n.label for n in view.nodes} == {"Campaign", "Agency"}
    conducts = [e for e in view.edges if e.kind == "CONDUCTS"]
    assert len(conducts) == 5 and all("<mark>" in e.tooltip and not e.layer for e in conducts)
    # 专项整治 shares only 市交通运输局 with each of the others: the agency's star shows that, so the
    # campaign-to-campaign line waits behind the "through a shared agency" checkbox
    c1 = by_name["交通执法领域突出问题专项整治行动"]
    for other in (c2, c3):
        assert shares[tuple(sorted((c1, other)))].layer == "agency"
    assert not any(n.aside for n in view.nodes)


def test_initiatives_hide_document_only_links_and_set_loose_campaigns_aside() -> None:
    facts = graph_facts(sample_graph(loose=True))
    view = initiatives_view(facts, cap=1500)
    loose = next(n for n in view.nodes if n.name == "安全生产月")
    assert loose.aside and [n.name for n in view.nodes if n.aside] == ["安全生产月"]
    touching = [e for e in view.edges if loose.id in (e.source, e.target)]
    # 002_sample.txt names all three other campaigns
    assert len(touching) == 3 and all(e.layer == "document" and e.dashes and e.weight == 1 for e in touching)
    assert all("documents (1)" in e.tooltip and "agencies" not in e.tooltip for e in touching)
    assert view.layer_count("document") == 3 and view.layer_count("agency") == 2
    assert len(view.drawn_edges) == len(view.edges) - 5 == 6  # 5 CONDUCTS + 1 shared-metric line
    assert set(view.layers) == {"agency", "document"}
    # every drawn campaign label is short; the full name stays in the data and the tooltip
    data = page_data_of(view)
    labels = {n["kg_name"]: n["label"] for n in data["nodes"]}
    assert labels["大战一百天、打非保平安专项行动"] == "大战一百天、\n打非保平安…"
    assert all(len(label.replace("\n", "")) <= 12 for label in labels.values())


def page_data_of(view) -> dict:  # noqa: ANN001
    from kg.views.render import render_view

    found = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', render_view(view), re.S)
    assert found
    return json.loads(found.group(1))


def test_initiatives_page_offers_the_hidden_links(tmp_path: Path) -> None:
    pages = write_views(sample_graph(loose=True), tmp_path)
    html = (tmp_path / "initiatives.html").read_text(encoding="utf-8")
    assert 'data-layer="document"> show links that only share a document <small>(3 hidden)</small>' in html
    assert 'data-layer="agency"> show links through a shared agency only <small>(2 hidden)</small>' in html
    assert "7 nodes · 6 edges drawn" in html
    assert re.search(r'<button type="button" data-node="campaign_\w+">安全生产月</button>', html)
    data = page_data(tmp_path / "initiatives.html")
    assert sum("kg_layer" in e for e in data["edges"]) == 5
    assert [n["kg_name"] for n in data["nodes"] if n.get("kg_aside")] == ["安全生产月"]
    index = pages[0].read_text(encoding="utf-8")
    assert "(7 nodes, 6 edges; 5 more behind its checkboxes)" in index
    # other pages have no checkbox and draw every edge
    overview = (tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "data-layer" not in overview and not any("kg_layer" in e for e in page_data(tmp_path / "overview.html")["edges"])
    # the overview sets aside (and lists) the entities it draws no edge to: 安全生产月 shares no sentence
    assert [n["kg_name"] for n in page_data(tmp_path / "overview.html")["nodes"] if n.get("kg_aside")] == ["安全生产月"]
    assert re.search(r'data-node="campaign_\w+">安全生产月</button>', overview)


def test_wrapped_label() -> None:
    from kg.views.style import wrapped_label

    assert wrapped_label("路政宣传月", 6) == "路政宣传月"
    assert wrapped_label("百吨王专项整治", 6) == "百吨王专\n项整治"
    assert wrapped_label("交通强国建设试点", 6) == "交通强国\n建设试点"
    assert wrapped_label("道路运输安全隐患大排查大整治专项行动", 6) == "道路运输安全\n隐患大排查…"
    assert wrapped_label("道路运输安全隐患大排查大整治专项行动", 6, lines=3) == "道路运输安全\n隐患大排查大\n整治专项行动"
    assert wrapped_label("百吨王专项整治", 6, lines=1) == "百吨王专项…"
    with pytest.raises(ValueError):
        wrapped_label("x", 0)


def test_tooltips_carry_evidence_and_metric_fields(sample: tuple[Path, list[Path]]) -> None:
    folder, _ = sample
    data = page_data(folder / "doc_2.html")
    metric = next(n for n in data["nodes"] if n["kg_name"] == "622家次")
    assert "<b>value:</b> 622" in metric["title_html"] and "家次" in metric["title_html"]
    assert "<mark>622家次</mark>" in metric["title_html"]
    masked = next(n for n in data["nodes"] if n["kg_name"] == "X起")
    assert "yes (number redacted)" in masked["title_html"]
    bureau = next(n for n in data["nodes"] if n["kg_name"] == "市交通运输局")
    assert "我局" in bureau["title_html"] and "市交通运输局2022年上半年工作总结" in bureau["title_html"]
    mentions = [e for e in data["edges"] if e["kind"] == "MENTIONED_IN" and e["from"] == bureau["id"]]
    assert mentions and all("<mark>" in e["title_html"] for e in mentions)
    sections = [n for n in data["nodes"] if n["kg_label"] == "Section"]
    assert {n["kg_name"] for n in sections} == {"一、上半年工作开展情况", "二、下半年工作打算"}
    assert {e["kind"] for e in data["edges"]} >= {"HAS_SECTION", "MENTIONED_IN", "CONDUCTS", "MEASURES"}
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])


def test_hostile_strings_are_escaped_everywhere(tmp_path: Path) -> None:
    pages = write_views(hostile_graph(), tmp_path)
    for p in pages:
        html = p.read_text(encoding="utf-8")
        markup, _, data_block = html.partition('<script id="kg-data" type="application/json">')
        data_block = data_block.rsplit("</script>", 1)[0]
        assert "<script>window" not in markup and not re.search(r"<[^<>]*__pwned", markup)
        assert "onerror=\"" not in markup and "<img" not in markup and "<!--" not in markup
        assert not re.search(r"<[/!?]", data_block)  # nothing in the data can close its element
        assert markup.count("<script") == markup.count("</script>")  # only the page's own script elements
        if p.name != "index.html":
            data = page_data(p)  # parses: the JSON survived intact
            assert data["nodes"] if p.name != "indicators.html" else data == {"charts": []}
    data = page_data(tmp_path / "overview.html")
    names = {n["kg_name"] for n in data["nodes"]}
    assert f"市交通运输局{PAYLOAD_IMG}" in names and f"{PAYLOAD_SCRIPT}专项行动" in names
    tips = " ".join(n["title_html"] for n in data["nodes"]) + " ".join(e["title_html"] for e in data["edges"])
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in tips
    assert "<img" not in tips and "<script" not in tips and "onmouseover=\"" not in tips


def test_real_corpus_pages(tmp_path: Path) -> None:
    from kg.pipeline import build

    result = build(Path(__file__).resolve().parent.parent / "data" / "corpus", tmp_path / "out")
    g = result.graph
    pages = write_views(g, tmp_path / "views")
    docs = sorted(p.name for p in pages if p.name.startswith("doc_"))
    assert docs == [f"doc_{i}.html" for i in range(1, result.summary["documents"] + 1)]
    for i, doc in enumerate(sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document"), 1):
        data = page_data(tmp_path / "views" / f"doc_{i}.html")
        sections = [n for n, a in g.nodes(data=True) if a["label"] == "Section" and a["doc"] == doc]
        assert sum(n["kg_label"] == "Section" for n in data["nodes"]) == len(sections)
    overview = page_data(tmp_path / "views" / "overview.html")
    ents = [n for n, a in g.nodes(data=True) if a["label"] in ("Agency", "Organization", "Campaign", "Regulation")]
    assert len(overview["nodes"]) >= min(len(ents), 1500)


def test_views_read_back_from_json_export(tmp_path: Path) -> None:
    from kg.rows import graph_rows, to_networkx

    g = to_networkx(graph_rows(sample_graph()))  # the graph as the row model holds it ('' is null)
    write_json(g, tmp_path / "graph.json")
    a = write_views(g, tmp_path / "a")
    b = write_views(read_json(tmp_path / "graph.json"), tmp_path / "b")
    assert [p.read_text(encoding="utf-8") for p in a] == [p.read_text(encoding="utf-8") for p in b]
