"""indicators.html in headless Chromium: plotly.js draws every point offline, masked ones hollow, 50 stay readable."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from browser import Chromium, Page, chromium  # noqa: F401  (session fixture: one browser)
from kg.views import write_views
from test_views_browser import SCREENS
from test_views_indicators import chart_data
from views_graphs import PAYLOAD_IMG, PAYLOAD_SCRIPT, hostile_indicator_graph, series_graph

pytestmark = pytest.mark.browser
SETTLED = "document.body && document.body.dataset.settled === '1'"
BOX = "document.querySelectorAll('.kg-chart')[{i}]"


@pytest.fixture(scope="module")
def page(chromium: Chromium) -> Page:  # noqa: F811
    return chromium.new_page(1400, 900)


def _open(page: Page, path: Path) -> None:
    page.open(path.as_uri(), ready=SETTLED, timeout=30)
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert any(url.endswith("/lib/plotly-basic.min.js") for url in page.requests)
    assert page.errors == [], page.errors


def _draw(page: Page, i: int) -> None:
    """Scroll chart ``i`` into view and wait until plotly.js has drawn it."""
    page.evaluate(f"{BOX.format(i=i)}.scrollIntoView(); true")
    deadline = time.monotonic() + 20
    while page.evaluate(f"{BOX.format(i=i)}.dataset.drawn") != "1":
        assert time.monotonic() < deadline, f"chart {i} not drawn"
        time.sleep(0.05)
    time.sleep(0.3)  # let the scroll settle before a screenshot
    assert page.errors == [], page.errors


def _points_per_trace(page: Page, i: int) -> list[int]:
    """SVG markers drawn per trace, in the order of the figure's data (a trace's group is named by its uid)."""
    return page.evaluate(f"(box => box._fullData.map(t => {{ const g = box.querySelector('.trace' + t.uid);"
                         f" return g ? g.querySelectorAll('path.point').length : 0; }}))({BOX.format(i=i)})")


def _hover(page: Page, i: int, trace: int, point: int) -> str:
    """Show the hover of one point (plotly.js drops hovers closer than 50 ms apart: wait between them)."""
    time.sleep(0.12)
    page.evaluate(f"Plotly.Fx.hover({BOX.format(i=i)}, [{{curveNumber: {trace}, pointNumber: {point}}}]); true")
    time.sleep(0.12)
    return page.evaluate(f"{BOX.format(i=i)}.querySelector('.hoverlayer').textContent")


def test_charts_draw_every_point_offline_with_masked_points_hollow(page: Page, tmp_path: Path) -> None:
    write_views(series_graph(), tmp_path)
    path = tmp_path / "indicators.html"
    _open(page, path)
    figures = chart_data(path)
    names = page.evaluate("Array.from(document.querySelectorAll('.kg-indicator h2'))"
                          ".map(h => h.firstChild.textContent.trim())")
    assert names == ["查处违法案件", "检测货车"]
    for i, fig in enumerate(figures):
        _draw(page, i)
        assert page.evaluate(f"{BOX.format(i=i)}.querySelectorAll('svg.main-svg').length") >= 1
        # every point of every trace is an SVG marker: stated ones on their lines, masked ones hollow
        drawn = _points_per_trace(page, i)
        want = [sum(y is not None for y in t["y"]) for t in fig["data"]]
        assert drawn == want, (i, drawn, want)
        for k, t in enumerate(fig["data"]):
            if t.get("meta") == "masked":
                assert t["marker"]["symbol"] == "circle-open" and len(set(t["y"])) == 1 and t["y"][0] > 0
                tip = _hover(page, i, k, 0)
                assert "masked (number redacted)" in tip and "X" in tip
    # the 50-point chart: 43 stated + 7 masked markers, and a hover carries the evidence sentence
    assert sum(_points_per_trace(page, 1)) == 50
    tip = _hover(page, 1, 0, 2)
    assert "2020年 上半年" in tip and "十堰市交通运输局共检测货车5837辆" in tip and "jurisdiction: 十堰市" in tip
    status = page.evaluate("document.getElementById('kg-status').textContent")
    assert status == "2 of 2 charts drawn"


def test_fifty_points_stay_readable(page: Page, tmp_path: Path) -> None:
    write_views(series_graph(), tmp_path)
    _open(page, tmp_path / "indicators.html")
    _draw(page, 1)
    box = page.evaluate(f"""(() => {{ const box = {BOX.format(i=1)};
        const rect = e => {{ const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }};
        return {{ticks: Array.from(box.querySelectorAll('.xtick text')).map(rect),
                 legend: rect(box.querySelector('.legend')), plot: rect(box.querySelector('.nsewdrag')),
                 chart: rect(box)}}; }})()""")
    ticks = sorted(box["ticks"])
    assert len(ticks) == 10  # every period labelled
    assert all(a[1] <= b[0] for a, b in zip(ticks, ticks[1:])), "x tick labels overlap"
    assert box["legend"][0] >= box["plot"][1], "the legend covers the plot"
    assert box["legend"][1] <= box["chart"][1] and all(t[3] <= box["chart"][3] for t in ticks)  # nothing cut off
    shot = page.screenshot(tmp_path / "indicators_50_points.png")
    assert shot.stat().st_size > 20_000
    _draw(page, 0)
    masked = page.evaluate(f"{BOX.format(i=0)}.data.findIndex(t => t.meta === 'masked')")
    _hover(page, 0, masked, 0)
    shot2 = page.screenshot(tmp_path / "indicators_masked_hover.png")
    SCREENS.mkdir(parents=True, exist_ok=True)
    for s in (shot, shot2):
        shutil.copyfile(s, SCREENS / s.name)


def test_clicking_a_point_opens_its_document(page: Page, tmp_path: Path) -> None:
    write_views(series_graph(), tmp_path)
    _open(page, tmp_path / "indicators.html")
    _draw(page, 0)
    href = page.evaluate(f"{BOX.format(i=0)}.data[0].customdata[0]")
    assert href.startswith("doc_") and (tmp_path / href).exists()
    page.evaluate(f"{BOX.format(i=0)}.emit('plotly_click', {{points: [{{customdata: '{href}'}}]}}); true")
    deadline = time.monotonic() + 10
    while not str(page.evaluate("location.href")).endswith(href):
        assert time.monotonic() < deadline, "no navigation"
        time.sleep(0.05)
    # a customdata that is not one of kg's document pages is not followed
    _open(page, tmp_path / "indicators.html")
    _draw(page, 0)
    bad = "{points: [{customdata: 'javascript:window.__pwned=1'}]}"
    page.evaluate(f"{BOX.format(i=0)}.emit('plotly_click', {bad}); true")
    time.sleep(0.3)
    assert str(page.evaluate("location.href")).endswith("indicators.html")
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_hostile_indicator_text_runs_nothing_and_shows_as_text(page: Page, tmp_path: Path) -> None:
    write_views(hostile_indicator_graph(), tmp_path)
    _open(page, tmp_path / "indicators.html")
    _draw(page, 0)
    for k in range(len(chart_data(tmp_path / "indicators.html")[0]["data"]) - 1):
        _hover(page, 0, k, 0)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('.kg-chart img, .kg-chart script, .kg-page img').length") == 0
    legend = page.evaluate(f"{BOX.format(i=0)}.querySelector('.legend').textContent")
    assert f"市交通运输局{PAYLOAD_IMG}" in legend  # the payload, shown as text
    heading = page.evaluate("document.querySelector('.kg-indicator h2').textContent")
    assert f"查处{PAYLOAD_SCRIPT}案件" in heading
