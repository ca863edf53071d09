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
        data = page_data(p)
        assert _drawn(page) == (len(data["nodes"]), len(data["edges"])), p.name
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
        if p.name == "index.html":
            continue
        # show every tooltip element in the detail panel too: still nothing runs, payload shown as text
        page.evaluate("network.body.data.nodes.getIds().forEach(id => { network.selectNodes([id]);"
                      " network.emit('click', {nodes: [id], edges: []}); }); true")
        page.evaluate("new Promise(r => setTimeout(r, 200))")
        assert page.evaluate("typeof window.__pwned") == "undefined", p.name
        assert page.evaluate("document.querySelectorAll('#kg-detail img, #kg-detail script').length") == 0
    page.open((tmp_path / "overview.html").as_uri(), ready=READY)
    labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
    assert any("<img src=x" in label or "</script>" in label for label in labels)  # shown as text on the canvas


def test_screenshots(page: Page, tmp_path: Path) -> None:
    from kg.pipeline import build
    from kg.sinks.exports import read_json

    corpus = Path(__file__).resolve().parent.parent / "data" / "corpus"
    build(corpus, tmp_path / "out")
    g = read_json(tmp_path / "out" / "graph.json")
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
