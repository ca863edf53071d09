"""Views in headless Chromium: vis draws every node and edge, nothing leaves the machine, no script runs from data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from browser import Chromium, Page, chromium  # noqa: F401  (session fixture: one browser)
from kg.views import write_views
from test_views import page_data
from views_graphs import hostile_graph, sample_graph

pytestmark = pytest.mark.browser
SCREENS = Path("/tmp/kg_screens")
READY = "document.body && (document.body.dataset.settled === '1' || document.body.classList.contains('kg-index'))"


@pytest.fixture(scope="module")
def page(chromium: Chromium) -> Page:  # noqa: F811
    return chromium.new_page()


def _open(page: Page, path: Path) -> float:
    seconds = page.open(path.as_uri(), ready=READY, timeout=30)
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert page.errors == [], page.errors
    return seconds


def _drawn(page: Page) -> tuple[int, int]:
    return tuple(page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]"))


def test_every_page_draws_its_graph_offline(page: Page, tmp_path: Path) -> None:
    pages = write_views(sample_graph(), tmp_path)
    for p in pages:
        seconds = _open(page, p)
        assert seconds < 10, (p.name, seconds)
        if p.name == "index.html":
            links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
            assert set(links) == {q.name for q in pages[1:]}
            continue
        if p.name == "indicators.html":  # charts, not a graph: test_views_charts_browser.py
            assert page.evaluate("document.querySelectorAll('.kg-chart').length") == 0  # no indicator here
            continue
        data = page_data(p)
        # every node; every edge except those behind a checkbox (none on the sample graph's pages but the map)
        drawn_edges = [e for e in data["edges"] if "kg_layer" not in e]
        assert _drawn(page) == (len(data["nodes"]), len(drawn_edges)), p.name
        assert page.evaluate("document.getElementById('kg-status').textContent") == \
            f"{len(data['nodes'])} nodes · {len(drawn_edges)} edges drawn"
        # the layout settled and physics is off
        assert page.evaluate("network.physics.physicsEnabled") is False
        assert {"lib/vis-network.min.js", "lib/kg-views.js"} <= {
            u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1] for u in page.requests}


def test_overview_counts_match_the_graph(page: Page, tmp_path: Path) -> None:
    g = sample_graph()
    write_views(g, tmp_path)
    _open(page, tmp_path / "overview.html")
    entity = [n for n, a in g.nodes(data=True) if a["label"] in ("Agency", "Organization", "Campaign", "Regulation")]
    measuring = {u for u, _, a in g.edges(data=True) if a["type"] == "MEASURES"}
    nodes, _ = _drawn(page)
    assert nodes == len(entity) + len(measuring)
    kinds = page.evaluate("network.body.data.edges.get().map(e => e.kind)")
    semantic = sum(1 for _, _, a in g.edges(data=True) if a["type"] in ("CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"))
    assert len([k for k in kinds if k != "CO_MENTION"]) == semantic  # one relation per pair here


def _tick(page: Page, layer: str, on: bool) -> None:
    page.evaluate(f"(b => {{ b.checked = {'true' if on else 'false'}; b.dispatchEvent(new Event('change')); }})"
                  f"(document.querySelector('input[data-layer=\"{layer}\"]')); true")


def test_initiatives_checkboxes_draw_the_hidden_links(page: Page, tmp_path: Path) -> None:
    write_views(sample_graph(loose=True), tmp_path)
    path = tmp_path / "initiatives.html"
    _open(page, path)
    data = page_data(path)
    layer = {k: {e["id"] for e in data["edges"] if e.get("kg_layer") == k} for k in ("agency", "document")}
    substantive = {e["id"] for e in data["edges"] if "kg_layer" not in e}
    assert len(substantive) == 6 and len(layer["agency"]) == 2 and len(layer["document"]) == 3

    def drawn() -> set[str]:
        return set(page.evaluate("network.body.data.edges.getIds()"))

    assert drawn() == substantive
    # the visible checkbox draws the document-only links, and says how many there are
    box = "document.querySelector('input[data-layer=\"document\"]')"
    assert page.evaluate(f"{box}.offsetParent !== null && !{box}.checked")
    assert "show links that only share a document (3 hidden)" in page.evaluate(f"{box}.parentElement.textContent")
    _tick(page, "document", True)
    assert drawn() == substantive | layer["document"]
    for where in ("kg-status", "kg-counts"):  # header and side panel
        assert page.evaluate(f"document.getElementById('{where}').textContent") == "7 nodes · 9 edges drawn"
    _tick(page, "agency", True)
    assert drawn() == {e["id"] for e in data["edges"]}
    # vis-network drew them: the canvas knows every edge between two nodes
    assert page.evaluate("Object.keys(network.body.edges).length") == len(data["edges"])
    _tick(page, "document", False)
    _tick(page, "agency", False)
    assert drawn() == substantive
    assert page.evaluate("network.physics.physicsEnabled") is False


def test_loose_campaign_is_set_aside_and_listed(page: Page, tmp_path: Path) -> None:
    write_views(sample_graph(loose=True), tmp_path)
    _open(page, tmp_path / "initiatives.html")
    loose = page.evaluate("network.body.data.nodes.get({filter: n => n.kg_aside}).map(n => n.id)")
    assert len(loose) == 1
    pos = page.evaluate("network.getPositions()")
    others = [p for n, p in pos.items() if n not in loose]
    x, y = pos[loose[0]]["x"], pos[loose[0]]["y"]
    # beside the map (right of it or below it), clear of every linked node
    assert x > max(p["x"] for p in others) or y > max(p["y"] for p in others)
    # the side panel lists it; its button selects it
    page.evaluate("document.querySelector('button[data-node]').click(); true")
    assert page.evaluate("network.getSelectedNodes()") == loose
    assert "安全生产月" in page.evaluate("document.getElementById('kg-detail').textContent")


def test_search_box_selects_and_details_escape(page: Page, tmp_path: Path) -> None:
    write_views(sample_graph(), tmp_path)
    _open(page, tmp_path / "overview.html")
    page.evaluate("document.getElementById('kg-q').value = '宣传月';"
                  "document.getElementById('kg-search').requestSubmit(); true")
    selected = page.evaluate("network.getSelectedNodes().map(id => network.body.data.nodes.get(id).kg_name)")
    assert selected == ["路政宣传月"]
    assert "路政宣传月" in page.evaluate("document.getElementById('kg-detail').textContent")
    assert page.evaluate("document.getElementById('kg-matches').querySelectorAll('button').length") == 1


def test_hostile_names_and_sentences_run_nothing(page: Page, tmp_path: Path) -> None:
    pages = write_views(hostile_graph(), tmp_path)
    for p in pages:
        _open(page, p)
        assert page.evaluate("typeof window.__pwned") == "undefined", p.name
        if p.name in ("index.html", "indicators.html"):
            continue
        # show every tooltip element in the detail panel too: still nothing runs, payload shown as text
        page.evaluate("network.body.data.nodes.getIds().forEach(id => { network.selectNodes([id]);"
                      " network.emit('click', {nodes: [id], edges: []}); }); true")
        page.evaluate("new Promise(r => setTimeout(r, 200))")
        assert page.evaluate("typeof window.__pwned") == "undefined", p.name
        assert page.evaluate("document.querySelectorAll('#kg-detail img, #kg-detail script').length") == 0
    page.open((tmp_path / "overview.html").as_uri(), ready=READY)
    labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
    # shown as raw text on the canvas (labels are cut and wrapped: "</script\n><scrip…")
    assert any("</script><scrip" in label.replace("\n", "") for label in labels)
    assert any("<img" in label.replace("\n", "") for label in labels)


def test_screenshots(page: Page, tmp_path: Path) -> None:
    from kg.pipeline import build

    corpus = Path(__file__).resolve().parent.parent / "data" / "corpus"
    g = build(corpus, tmp_path / "out").graph
    # the sample corpus while extraction is thin: fall back to the hand-built graph for a populated picture
    populated = any(a["label"] == "Campaign" for _, a in g.nodes(data=True))
    pages = write_views(g if populated else sample_graph(), tmp_path / "views")
    ego = next((p for p in pages if p.name.startswith("ego_")), None)
    shots = []
    for p in [pages[0], tmp_path / "views" / "initiatives.html", *([ego] if ego else [])]:
        _open(page, p)
        shot = page.screenshot(tmp_path / f"{p.stem}.png")
        assert shot.stat().st_size > 5_000
        shots.append(shot)
    SCREENS.mkdir(parents=True, exist_ok=True)
    for shot in shots:
        shutil.copyfile(shot, SCREENS / shot.name)
    (SCREENS / "source.json").write_text(json.dumps({"graph": "corpus" if populated else "sample_graph"}))
