"""The indicators page and the campaign metric tables: series, masked points, jurisdictions, escaping (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.views import write_views
from kg.views.charts import evidence_lines, figure, indicators_page
from kg.views.facts import graph_facts
from kg.views.indicators import (
    MAX_SERIES, NO_BODY, all_indicators, campaign_metrics, jurisdiction, period_label, period_order, series_of,
)
from views_graphs import PAYLOAD_IMG, PAYLOAD_SCRIPT, GraphMaker, hostile_indicator_graph, series_graph


def chart_data(path: Path) -> list[dict]:
    """The plotly.js figures embedded in indicators.html."""
    html = path.read_text(encoding="utf-8")
    found = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, path
    return json.loads(found.group(1))["charts"]


@pytest.fixture(scope="module")
def charts():
    return indicators_page(graph_facts(series_graph()))


def test_charts_of_indicators_in_two_or_more_documents(charts) -> None:
    assert [c.data.name for c in charts.charts] == ["查处违法案件", "检测货车"]
    assert [d.name for d in charts.single] == ["出动执法人员"] and not charts.uncharted and charts.total == 3
    cases = charts.charts[0]
    assert cases.by == "body" and len(cases.data.points) == 10 and len(cases.data.documents) == 4
    series = [(s.name, s.kind, s.unit, len(s.points)) for s in cases.series]
    assert series == [("英德市交通运输局", "level", "宗", 4), ("英德市交通运输局", "change", "%", 1),
                      ("清远市交通运输局", "level", "宗", 2), (f"十堰市 {NO_BODY}", "level", "宗", 1),
                      ("南阳市交通运输局", "level", "宗", 1), ("广东省交通运输厅", "level", "宗", 1)]
    # points in time order, the 1-6月 before 上半年 in 2023 by name only (both end in June)
    labels = [p.label for p in cases.data.points]
    assert labels[0] == "2020年 全年" and labels[-2:] == ["2023年 1-6月", "2023年 上半年"]


def test_masked_points_stay_in_their_series_never_at_zero(charts) -> None:
    trucks = charts.charts[1]
    assert len(trucks.data.points) == 50 and sum(p.masked for p in trucks.data.points) == 7
    fig = trucks.figure
    lines = [t for t in fig["data"] if t.get("mode") == "lines+markers"]
    hollow = [t for t in fig["data"] if t.get("meta") == "masked"]
    assert len(lines) == 5 and sum(len(t["x"]) for t in lines) == 50  # every period of every body is on its line
    assert sum(y is None for t in lines for y in t["y"]) == 7  # the line breaks at a masked number ...
    assert sum(len(t["y"]) for t in hollow) == 7  # ... where a hollow marker stands
    stated = sorted(y for t in lines for y in t["y"] if y is not None)
    import statistics

    mid = statistics.median(stated)
    assert {y for t in hollow for y in t["y"]} == {mid} and mid > 0
    assert all(t["marker"]["symbol"] == "circle-open" and t["showlegend"] is False for t in hollow)
    assert {t["legendgroup"] for t in hollow} <= {t["legendgroup"] for t in lines}  # toggled with their series
    assert all("masked (number redacted)" in h for t in hollow for h in t["hovertext"])
    key = fig["data"][-1]
    assert key["name"].startswith("masked number") and key["x"] == [None]
    # readable at 50 points: periods in order and rotated, legend outside the plot on the right
    xaxis = fig["layout"]["xaxis"]
    assert xaxis["categoryarray"] == [f"{y}年 {p}" for y in range(2019, 2024) for p in ("上半年", "全年")]
    assert xaxis["tickangle"] == -40 and fig["layout"]["legend"]["x"] > 1


def test_change_in_another_unit_goes_on_the_right_axis(charts) -> None:
    fig = charts.charts[0].figure
    change = next(t for t in fig["data"] if t["name"].endswith("变化 change"))
    assert change["yaxis"] == "y2" and change["line"]["dash"] == "dash" and change["y"] == [30.0]
    assert fig["layout"]["yaxis2"]["overlaying"] == "y" and fig["layout"]["yaxis2"]["title"]["text"] == "%"
    assert "↑ up · base: 去年同期" in change["hovertext"][0]
    # every masked one of 查处违法案件 sits at the median of the stated counts on the left axis
    hollow = [y for t in fig["data"] if t.get("meta") == "masked" for y in t["y"]]
    assert len(hollow) == 4 and set(hollow) == {156.0}  # median of 95, 120, 156, 210, 830


def test_a_fall_is_drawn_below_zero_and_an_axis_of_masked_numbers_shows_no_scale() -> None:
    m = GraphMaker()
    ind = m.indicator("违规行为", "ratio", "%")
    for n, (text, value, direction) in enumerate((("7%", 7.0, "down"), ("X%", None, None))):
        name = f"d{n}.txt"
        sec = m.section(m.document(name, f"文{n}", (2021 + n,)), name, "一、", "成效")
        mid = m.metric(sec, name, f"违规行为同比下降{text}。", text, value, "%", masked=value is None,
                       indicator="违规行为", kind="change", period="全年", year=2021 + n, direction=direction)
        m.of_indicator(mid, ind)
    chart = indicators_page(graph_facts(m.g)).charts[0]
    line = next(t for t in chart.figure["data"] if t.get("mode") == "lines+markers")
    assert line["y"] == [-7.0, None]
    only_masked = GraphMaker()
    ind = only_masked.indicator("罚款", "money", "元")
    for n in (1, 2):
        name = f"m{n}.txt"
        sec = only_masked.section(only_masked.document(name, f"文{n}"), name, "一、", "成效")
        mid = only_masked.metric(sec, name, "罚款X万元。", "X万元", None, "元", masked=True, indicator="罚款", year=2022)
        only_masked.of_indicator(mid, ind)
    fig = indicators_page(graph_facts(only_masked.g)).charts[0].figure
    yaxis = fig["layout"]["yaxis"]
    assert yaxis["showticklabels"] is False and "every number masked" in yaxis["title"]["text"]
    assert {y for t in fig["data"] if t.get("meta") == "masked" for y in t["y"]} == {1.0}


def test_jurisdiction_of_a_reporting_body() -> None:
    doc = {"jurisdiction": "英德市", "province": "广东省", "city": "清远市", "county": "英德市", "adcode": "441881"}
    divisions = {"441881": "英德市", "420300": "十堰市"}
    assert jurisdiction(None, doc, divisions) == "英德市"
    assert jurisdiction({"scope": "national"}, doc, divisions) == "全国"
    assert jurisdiction({"scope": "doc:a.txt"}, doc, divisions) == "英德市"
    assert jurisdiction({"scope": "global"}, doc, divisions) is None
    assert jurisdiction({"scope": "adcode:441881"}, doc, divisions) == "英德市"
    assert jurisdiction({"scope": "adcode:441800"}, doc, divisions) == "清远市"
    assert jurisdiction({"scope": "adcode:440000"}, doc, divisions) == "广东省"
    assert jurisdiction({"scope": "adcode:420300"}, doc, divisions) == "十堰市"  # named by its own documents
    assert jurisdiction({"scope": "adcode:411300"}, doc, divisions) == "adcode:411300"  # named by nothing
    assert jurisdiction({"scope": "adcode:441800"}, {"jurisdiction": None}, {}) == "adcode:441800"


def test_periods_sort_by_year_then_the_month_they_end() -> None:
    keys = [(2022, "全年"), (2022, "1-3月"), (None, "上半年"), (2022, "上半年"), (2021, "1至9月"), (2022, "今年以来"),
            (2022, None)]
    ordered = sorted(keys, key=lambda k: period_order(*k))
    assert ordered == [(2021, "1至9月"), (2022, "1-3月"), (2022, "上半年"), (2022, "全年"), (2022, None),
                       (2022, "今年以来"), (None, "上半年")]
    assert period_label(2022, "上半年") == "2022年 上半年" and period_label(None, "全年") == "全年"
    assert period_label(2022, None) == "2022年" and period_label(None, None) == "—"
    assert period_label(2023, "截至2023年6月底") == "截至2023年6月底"


def _many_bodies(bodies: int, places: int) -> nx.MultiDiGraph:
    m = GraphMaker()
    ind = m.indicator("查处违法案件", "cases", "宗")
    for n in range(bodies):
        name = f"{n:02d}.txt"
        place = f"地{n % places}市"
        sec = m.section(m.document(name, f"文{n}", (2022,), None, (place, "省", place, None, None)), name, "一、", "成效")
        body = m.entity("Agency", f"{place}局{n}", scope=f"doc:{name}")
        mid = m.metric(sec, name, f"查处违法案件{n + 1}宗。", f"{n + 1}宗", float(n + 1), "宗", indicator="查处违法案件",
                       year=2022, period="全年")
        m.of_indicator(mid, ind)
        m.reported_by(mid, body)
    return m.g


def test_too_many_bodies_are_drawn_by_jurisdiction_then_pooled() -> None:
    data = all_indicators(graph_facts(_many_bodies(MAX_SERIES + 2, 4)))[0]
    by, series = series_of(data)
    assert by == "jurisdiction" and sorted(s.name for s in series) == ["地0市", "地1市", "地2市", "地3市"]
    data = all_indicators(graph_facts(_many_bodies(30, 15)))[0]
    by, series = series_of(data)
    assert by == "jurisdiction" and len(series) == MAX_SERIES
    assert series[-1].name == f"other ({15 - MAX_SERIES + 1} jurisdictions)"
    assert sum(len(s.points) for s in series) == 30


def test_evidence_lines_cut_wrap_escape_and_bold_the_number() -> None:
    lines = evidence_lines("前" * 200 + "查处<b>违法</b>案件156宗" + "后" * 200, "156宗", width=20, limit=60)
    assert len(lines) == 3 and lines[0].startswith("…") and lines[-1].endswith("…")
    assert "&lt;b&gt;违法&lt;/b&gt;" in lines[0] and "<b>156宗</b>" in lines[1]


def test_indicators_page_is_linked_and_escaped(tmp_path: Path) -> None:
    pages = write_views(series_graph(), tmp_path)
    assert [p.name for p in pages[:4]] == ["index.html", "initiatives.html", "overview.html", "indicators.html"]
    index = pages[0].read_text(encoding="utf-8")
    assert 'href="indicators.html"' in index and "<b>3</b> indicators" in index
    html = (tmp_path / "indicators.html").read_text(encoding="utf-8")
    assert 'src="lib/plotly-basic.min.js"' in html and (tmp_path / "lib" / "plotly-basic.min.js").stat().st_size > 1e6
    assert html.count('class="kg-chart"') == 2 and "出动执法人员" in html  # the one-document indicator, listed
    assert len(re.findall(r'<a href="doc_\d\.html">', html)) == 60  # every point's document, linked
    figures = chart_data(tmp_path / "indicators.html")
    assert len(figures) == 2 and all(c["layout"]["xaxis"]["type"] == "category" for c in figures)


def test_hostile_indicator_text_is_escaped(tmp_path: Path) -> None:
    write_views(hostile_indicator_graph(), tmp_path)
    html = (tmp_path / "indicators.html").read_text(encoding="utf-8")
    markup, _, data_block = html.partition('<script id="kg-data" type="application/json">')
    data_block = data_block.rsplit("</script>", 1)[0]
    assert "<img" not in markup and "<script>window" not in markup and "<!--" not in markup
    assert markup.count("<script") == markup.count("</script>") == 2  # plotly.js and the page script
    assert not re.search(r"<[/!?]", data_block)
    fig = chart_data(tmp_path / "indicators.html")[0]
    strings = [t["name"] for t in fig["data"]] + [h for t in fig["data"] for h in t.get("hovertext", [])]
    strings += fig["layout"]["xaxis"]["categoryarray"] + [fig["layout"]["yaxis"]["title"]["text"]]
    for s in strings:  # plotly.js reads tags in these: only kg's own <b>, <i>, <br> may appear
        assert not re.sub(r"</?(b|i|br)>", "", s).count("<"), s
    assert any(f"市交通运输局{PAYLOAD_IMG.replace('<', '&lt;').replace('>', '&gt;')}" in s for s in strings)
    sentence = "".join(fig["data"][0]["hovertext"]).replace("<br>", "")  # the sentence, wrapped in lines
    assert PAYLOAD_SCRIPT.replace("<", "&lt;").replace(">", "&gt;") in sentence


def test_campaign_ego_page_lists_its_metrics_by_indicator(tmp_path: Path) -> None:
    g = series_graph()
    facts = graph_facts(g)
    campaign = next(n for n in facts.entities if facts.name(n) == "治超专项行动")
    links = indicators_page(facts).links()
    groups = campaign_metrics(facts, campaign, links)
    assert [(grp.name, len(grp.points)) for grp in groups] == [("查处违法案件", 2), ("检测货车", 1)]
    assert all(grp.href.startswith("indicators.html#ind-indicator_") for grp in groups)
    assert [(p.label, p.value, p.masked) for p in groups[0].points] == [("2021年 全年", None, True),
                                                                      ("2022年 全年", 830.0, False)]
    write_views(g, tmp_path)
    page = (tmp_path / f"ego_{campaign}.html").read_text(encoding="utf-8")
    assert "Metrics by indicator" in page and f'href="{groups[0].href}"' in page
    assert re.search(r"<td>masked\s*</td>", page)
    assert re.search(r"<td>830 宗\s*</td>", page) and '<a href="doc_3.html">' in page
    agency = next(n for n in facts.entities if facts.name(n) == "清远市交通运输局")
    assert "Metrics by indicator" not in (tmp_path / f"ego_{agency}.html").read_text(encoding="utf-8")


#: URLs inside the vendored plotly.js: licence comments, XML namespaces, docs, the topojson base of geo traces
#: (not in the basic bundle) and Chart Studio's export link (off unless a page's config turns it on): never fetched
PLOTLY_URLS = {"http://getify.mit-license.org", "http://syntheti.cc", "http://www.w3.org/1999/xhtml",
               "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg", "http://www.w3.org/2000/xmlns/",
               "http://www.w3.org/XML/1998/namespace", "https://cdn.plot.ly/un/", "https://cloud.plotly.com/newchart",
               "https://github.com/d3/d3-format/tree/v1.4.5", "https://github.com/d3/d3-time-format/tree/v2.2.3",
               "https://github.com/voidqk/polybooljs", "https://plotly.com/",
               "https://plotly.com/javascript/animations/"}


def test_vendored_plotly_is_the_recorded_npm_file_and_pages_fetch_nothing(tmp_path: Path) -> None:
    import hashlib

    from kg.views.render import STATIC

    write_views(series_graph(), tmp_path)
    data = (tmp_path / "lib" / "plotly-basic.min.js").read_bytes()
    readme = (STATIC / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in readme and "plotly.js-basic-dist-min@4.1.1" in readme
    assert data.startswith(b"/**\n* plotly.js (basic - minified) v4.1.1") and b"MIT" in data[:200]
    assert set(re.findall(r"https?://[A-Za-z0-9./_-]+", data.decode("utf-8"))) <= PLOTLY_URLS
    for page in ("indicators.html", "lib/kg-charts.js"):
        assert not re.search(r"https?://|//cdn", (tmp_path / page).read_text(encoding="utf-8")), page


def test_chart_cap_and_point_budget_list_the_rest(tmp_path: Path) -> None:
    facts = graph_facts(series_graph())
    page = indicators_page(facts, cap=1)
    assert [c.data.name for c in page.charts] == ["查处违法案件"] and [d.name for d in page.uncharted] == ["检测货车"]
    page = indicators_page(facts, budget=30)  # 10 + 50 points: the second would pass the budget
    assert [c.data.name for c in page.charts] == ["查处违法案件"] and [d.name for d in page.uncharted] == ["检测货车"]
    page = indicators_page(facts, budget=5)  # the first chart is drawn whatever its size
    assert len(page.charts) == 1
    from kg.views.render import render_indicators

    html = render_indicators(indicators_page(facts))
    assert html.count("<tr") == 2 + 10 + 50  # two header rows and every point: under TABLE_ROWS
