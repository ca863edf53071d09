"""The indicators page: one plotly.js chart per indicator reported in two or more documents.

Charts are plotly.js figures (``data`` and ``layout``) built here as plain
JSON; the page script (``lib/kg-charts.js``) hands each to the vendored
plotly.js basic bundle (``lib/plotly-basic.min.js``) when it scrolls into
view. plotly.js renders names, tick labels and hover text as its own small
HTML dialect and decodes entities, so every document string goes through
:func:`kg.views.escape.chart_text` first and shows as text.

Masked numbers keep their place: the line of a series breaks where its number
is masked, and a hollow marker stands at a placeholder height (the median of
the stated values on that axis) with "masked" in its hover; never at zero.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from kg.views.escape import chart_text as text
from kg.views.facts import GraphFacts
from kg.views.indicators import IndicatorData, Point, Series, all_indicators, number, series_of
from kg.views.style import FONT_FACE
from kg.views.tooltips import short_title

#: charts the page draws at most (the indicators in most documents first), and the most points they hold
#: together (a chart that would pass it is listed instead, unless it is the first): the rest are listed
CHART_CAP = 300
POINT_BUDGET = 20_000
#: rows of the table of points under a chart
TABLE_ROWS = 200
#: hover text: characters per line of the evidence sentence, and most characters shown of it
HOVER_LINE = 34
HOVER_CHARS = 136
#: series colours (plotly.js's default colour cycle)
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")
KIND_TITLE = {"level": "", "change": "变化 change", "target": "目标 target"}
_DASH = {"level": "solid", "change": "dash", "target": "dot"}
_SYMBOL = {"level": "circle", "change": "triangle-up", "target": "diamond"}


def evidence_lines(sentence: str, needle: str, width: int = HOVER_LINE, limit: int = HOVER_CHARS) -> list[str]:
    """The evidence sentence for a hover: cut around ``needle``, in lines of ``width``, escaped, ``needle`` bold."""
    at = sentence.find(needle) if needle else -1
    lo, hi = 0, len(sentence)
    if hi > limit:
        lo = max(0, min((at if at >= 0 else 0) - limit // 3, hi - limit))
        hi = lo + limit
    span = (at, at + len(needle)) if at >= 0 else (-1, -1)
    lines = []
    for s in range(lo, hi, width):
        e = min(s + width, hi)
        b0, b1 = max(span[0], s), min(span[1], e)
        if b0 < b1:
            line = text(sentence[s:b0]) + f"<b>{text(sentence[b0:b1])}</b>" + text(sentence[b1:e])
        else:
            line = text(sentence[s:e])
        lines.append(line)
    if lines and lo > 0:
        lines[0] = "…" + lines[0]
    if lines and hi < len(sentence):
        lines[-1] += "…"
    return lines


def hover(p: Point, series: str) -> str:
    """The hover of a point: series, period and value (or masked), kind, body, jurisdiction, sentence, document."""
    value = "masked (number redacted)" if p.masked or p.value is None else f"{number(p.value)} {text(p.unit)}"
    lines = [f"<b>{text(series)}</b>", f"{text(p.label)}: <b>{value}</b>"]
    if p.kind != "level":
        arrow = {"up": " ↑ up", "down": " ↓ down"}.get(p.direction or "", "")
        base = f" · base: {text(p.base)}" if p.base else ""
        lines.append(f"{text(KIND_TITLE.get(p.kind, p.kind))}{arrow}{base}")
    if p.body:
        lines.append(f"reported by {text(p.body)}" + (f" ({text(p.how)})" if p.how else ""))
    lines.append(f"jurisdiction: {text(p.jurisdiction or '—')}")
    lines += evidence_lines(p.sentence, p.text)
    lines.append(f"<i>{text(short_title(p.title, 30))}</i>")
    return "<br>".join(lines)


def _placeholder(values: list[float]) -> float:
    """Height of the masked markers on an axis: the median stated value, never zero."""
    if not values:
        return 1.0
    mid = statistics.median(values)
    return mid if mid != 0 else (max(abs(v) for v in values) or 1.0)


def series_title(s: Series) -> str:
    kind = KIND_TITLE.get(s.kind, s.kind)
    return f"{s.name} · {kind}" if kind else s.name


def figure(data: IndicatorData, series: list[Series]) -> dict:
    """The plotly.js figure of an indicator: ``{"data": [...], "layout": {...}}`` (document text escaped).

    The x axis lists the periods in time order; values in the indicator's unit
    are on the left axis, others (a change in %) on a right axis. Each series
    is a line of its stated values (broken at a masked one) and a hollow
    marker per masked value at :func:`_placeholder` height, in one legend group.
    """
    categories = [text(lab) for lab in dict.fromkeys(p.label for p in data.points)]
    main_unit = data.unit or (series[0].unit if series else "")
    axis_of = {s.unit: ("y" if s.unit == main_unit else "y2") for s in series}
    stated = {ax: [p.signed for s in series for p in s.points if axis_of[s.unit] == ax and p.signed is not None]
              for ax in ("y", "y2")}
    height = {ax: _placeholder(vals) for ax, vals in stated.items()}
    traces: list[dict] = []
    for k, s in enumerate(series):
        colour, ax, title = COLOURS[k % len(COLOURS)], axis_of[s.unit], series_title(s)
        group = f"s{k}"
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": text(title), "legendgroup": group,
            "x": [text(p.label) for p in s.points], "y": [p.signed for p in s.points],
            "hovertext": [hover(p, title) for p in s.points], "hoverinfo": "text",
            "customdata": [p.href for p in s.points], "yaxis": ax, "connectgaps": False,
            "line": {"color": colour, "width": 2, "dash": _DASH.get(s.kind, "solid")},
            "marker": {"color": colour, "size": 8, "symbol": _SYMBOL.get(s.kind, "circle")},
        })
        masked = [p for p in s.points if p.signed is None]
        if masked:
            traces.append({
                "type": "scatter", "mode": "markers", "name": text(f"{title} · masked"), "legendgroup": group,
                "showlegend": False, "x": [text(p.label) for p in masked], "y": [height[ax]] * len(masked),
                "hovertext": [hover(p, title) for p in masked], "hoverinfo": "text",
                "customdata": [p.href for p in masked], "yaxis": ax, "meta": "masked",
                "marker": {"color": colour, "size": 11, "symbol": "circle-open", "line": {"width": 2}},
            })
    if any(t.get("meta") == "masked" for t in traces):  # a legend key for the hollow markers
        traces.append({"type": "scatter", "mode": "markers", "name": "masked number (placeholder height)",
                       "x": [None], "y": [None], "hoverinfo": "skip", "legendgroup": "masked",
                       "marker": {"color": "#5b6770", "size": 11, "symbol": "circle-open", "line": {"width": 2}}})
    many = len(categories) > 6
    layout: dict = {
        "height": 440, "margin": {"l": 70, "r": 20, "t": 16, "b": 20}, "hovermode": "closest",
        "font": {"family": FONT_FACE, "size": 13}, "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "hoverlabel": {"align": "left", "font": {"family": FONT_FACE, "size": 12}, "bgcolor": "#ffffff"},
        "xaxis": {"type": "category", "categoryorder": "array", "categoryarray": categories,
                  "tickangle": -40 if many else 0, "automargin": True, "nticks": 24, "showgrid": False,
                  "title": {"text": "期间 period"}},
        "yaxis": _axis(main_unit, data.dimension, bool(stated["y"])),
        "legend": {"x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top", "font": {"size": 12},
                   "bgcolor": "rgba(255,255,255,0.9)", "title": {"text": "series"}},
    }
    if any(a == "y2" for a in axis_of.values()):
        units = sorted({text(u) for u, a in axis_of.items() if a == "y2"})
        layout["yaxis2"] = {**_axis(" / ".join(units), "", bool(stated["y2"]), raw=True),
                            "overlaying": "y", "side": "right", "showgrid": False, "tickmode": "auto", "nticks": 6}
        layout["legend"]["x"] = 1.1
    return {"data": traces, "layout": layout}


def _axis(unit: str, dimension: str, scaled: bool, raw: bool = False) -> dict:
    """A value axis titled with its unit; without a stated value its ticks say nothing (only masked points)."""
    title = (unit if raw else text(unit)) + (f" ({text(dimension)})" if dimension else "")
    axis = {"title": {"text": title or "value"}, "automargin": True, "rangemode": "tozero", "zeroline": True,
            "gridcolor": "#eef1f3", "exponentformat": "none", "separatethousands": True}
    if not scaled:
        axis.update(showticklabels=False, title={"text": f"{title or 'value'}: every number masked"})
    return axis


@dataclass(slots=True)
class Chart:
    """One chart of the indicators page: the indicator, its series and its plotly.js figure."""

    data: IndicatorData
    by: str
    series: list[Series]
    figure: dict


@dataclass(slots=True)
class IndicatorsPage:
    """What ``indicators.html`` shows: the charts, and the indicators it lists without one."""

    charts: list[Chart]
    #: indicators in two or more documents beyond :data:`CHART_CAP`
    uncharted: list[IndicatorData]
    #: indicators of one document
    single: list[IndicatorData]
    total: int

    def links(self) -> dict[str, str]:
        """Indicator id -> its chart's link (``indicators.html#…``)."""
        return {c.data.id: f"indicators.html#{c.data.anchor}" for c in self.charts}


def indicators_page(facts: GraphFacts, min_docs: int = 2, cap: int = CHART_CAP,
                    budget: int = POINT_BUDGET) -> IndicatorsPage:
    """The charts of the indicators reported in at least ``min_docs`` documents.

    At most ``cap`` charts holding at most ``budget`` points together (the
    first chart is drawn whatever its size); the other indicators are listed.
    """
    everything = all_indicators(facts)
    charts, uncharted, used = [], [], 0
    for d in everything:
        if len(d.documents) < min_docs:
            continue
        if len(charts) >= cap or (charts and used + len(d.points) > budget):
            uncharted.append(d)
            continue
        by, series = series_of(d)
        charts.append(Chart(d, by, series, figure(d, series)))
        used += len(d.points)
    single = [d for d in everything if 0 < len(d.documents) < min_docs]
    return IndicatorsPage(charts, uncharted, single, len(everything))


__all__ = ["Chart", "IndicatorsPage", "evidence_lines", "figure", "hover", "indicators_page"]
