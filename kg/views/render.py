"""Render a :class:`~kg.views.selections.View` to an offline HTML page.

Nodes and edges are collected in a :class:`pyvis.network.Network` (pyvis
0.3.2) and written with kg's own Jinja template: pyvis's template links
vis-network, bootstrap and tom-select from CDNs, ours links only the files
:func:`write_assets` puts in ``lib/`` beside the pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network

from kg.views.charts import TABLE_ROWS, IndicatorsPage
from kg.views.escape import script_json
from kg.views.indicators import number
from kg.views.selections import View
from kg.views.style import EDGE_COLOUR, FONT_FACE, NODE_STYLE, wrapped_label
from kg.views.tooltips import short_title

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
#: files written once into ``lib/`` beside the pages: target name -> source
ASSETS: dict[str, Path] = {
    "vis-network.min.js": VIS_DIR / "vis-network.min.js",
    "vis-network.min.css": VIS_DIR / "vis-network.css",
    "kg-views.js": STATIC / "kg-views.js",
    "kg-views.css": STATIC / "kg-views.css",
    # plotly.js basic bundle, vendored from npm (see static/README.md)
    "plotly-basic.min.js": STATIC / "plotly-basic.min.js",
    "kg-charts.js": STATIC / "kg-charts.js",
}
#: pages with more nodes than this get cheaper physics and straight edges
LARGE = 300

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def write_assets(folder: Path) -> list[Path]:
    """Copy vis-network, plotly.js and the kg page scripts/style into ``folder/lib`` (once per folder)."""
    lib = folder / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    out = []
    for name, src in ASSETS.items():
        dst = lib / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
        out.append(dst)
    return out


def vis_options(node_count: int, layout: str = "default") -> dict:
    """vis-network options: physics that stabilises (then the page script turns it off), CJK fonts.

    ``layout="spread"`` repels harder and lengthens the springs, so clusters and their labels
    stand apart (for maps of many long-named nodes).
    """
    large = node_count > LARGE
    if layout == "spread":
        solver = {"gravitationalConstant": -300, "centralGravity": 0.02, "springLength": 200,
                  "springConstant": 0.05, "damping": 0.6, "avoidOverlap": 1.0}
    else:
        solver = {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.3}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": node_count <= 150, "randomSeed": 7},
        "nodes": {"font": {"face": FONT_FACE, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False if large else {"type": "continuous"}, "color": {"inherit": False},
                  "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "keyboard": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": solver,
            "stabilization": {"enabled": True, "iterations": 150 if large else 300, "updateInterval": 25,
                              "fit": True},
            "minVelocity": 1.0,
        },
    }


def label_size(label: str, size: float, most: int | None = None) -> int:
    """Label font size: bigger for hubs and document boxes, so they stay readable when the page is fitted.

    ``most`` caps it (and scales the growth down with it) for crowded maps.
    """
    if label == "Document":
        return 26 if most is None else max(26, most + 6)
    if label == "Section":
        return 18 if most is None else most
    if most is not None:
        return int(min(float(most), most - 2 + max(0.0, size - 10) * 0.25))
    return int(min(22.0, 14 + max(0.0, size - 10) * 0.5))


def to_network(view: View) -> Network:
    """The view's nodes and edges as a pyvis network (tooltips kept as HTML in ``title_html``)."""
    net = Network(height="100%", width="100%", directed=True)
    for n in view.nodes:
        colour, shape = NODE_STYLE.get(n.label, ("#888888", "dot"))
        extra = {"borderWidth": 4, "color": {"background": colour, "border": "#111111"}} if n.centre else {}
        if n.aside:
            extra["kg_aside"] = True
        label = wrapped_label(n.name, n.label_chars, n.label_lines)
        net.add_node(n.id, label=label, shape=shape, color=extra.pop("color", colour),
                     size=n.size, font={"size": label_size(n.label, n.size, n.font)}, kg_label=n.label,
                     title_html=n.tooltip, kg_name=n.name, kg_aliases=n.aliases, **extra)
    ids = set(net.node_ids)
    for i, e in enumerate(view.edges):
        if e.source not in ids or e.target not in ids:
            raise ValueError(f"{view.file}: edge {e.kind} {e.source} -> {e.target} has no drawn end")
        # pyvis's add_edge checks its endpoints in a list (quadratic); checked above instead
        edge = {"id": f"e{i}", "from": e.source, "to": e.target, "kind": e.kind,
                "title_html": e.tooltip, "width": e.width, "dashes": e.dashes,
                "arrows": "to" if e.arrows else "",
                "color": EDGE_COLOUR["WEAK" if e.kind == "SHARES" and e.dashes else e.kind]}
        if e.layer:
            if e.layer not in view.layers:
                raise ValueError(f"{view.file}: edge layer {e.layer!r} has no checkbox")
            edge["kg_layer"] = e.layer
        net.edges.append(edge)
    net.options = vis_options(len(view.nodes), view.layout)
    return net


def legend(view: View) -> list[tuple[str, str, int]]:
    """(label, colour, count) of the node types on the page."""
    counts: dict[str, int] = {}
    for n in view.nodes:
        counts[n.label] = counts.get(n.label, 0) + 1
    return [(lab, NODE_STYLE.get(lab, ("#888888", ""))[0], counts[lab]) for lab in NODE_STYLE if lab in counts]


def render_view(view: View) -> str:
    """The page's HTML: no external URL, data embedded as script-safe JSON."""
    net = to_network(view)
    nodes, edges, _heading, _h, _w, _options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": net.options}
    kinds = sorted({e.kind for e in view.edges})
    layers = [(key, text, view.layer_count(key)) for key, text in view.layers.items() if view.layer_count(key)]
    aside = [(n.id, n.name) for n in view.nodes if n.aside]
    return _env.get_template("graph.html").render(
        view=view, legend=legend(view), edge_kinds=[(k, EDGE_COLOUR.get(k, "#999999")) for k in kinds],
        data_json=script_json(data), node_count=len(nodes), edge_count=len(view.drawn_edges),
        layers=layers, aside=aside, number=number, short=lambda t: short_title(t, 16))


def render_indicators(page: IndicatorsPage) -> str:
    """``indicators.html``: the charts' figures embedded as script-safe JSON, every table cell escaped."""
    data = {"charts": [c.figure for c in page.charts]}
    return _env.get_template("indicators.html").render(page=page, data_json=script_json(data), number=number,
                                                       short=lambda t: short_title(t, 24), table_rows=TABLE_ROWS)


def render_index(**context: object) -> str:
    """The entry page (see :func:`kg.views.site.write_views`)."""
    return _env.get_template("index.html").render(**context)
