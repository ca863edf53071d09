"""Write every view of a graph into one folder, with an index page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.schema import ENTITY_LABELS, SEMANTIC_REL_TYPES
from kg.views.charts import IndicatorsPage, indicators_page
from kg.views.facts import GraphFacts, graph_facts
from kg.views.indicators import campaign_metrics
from kg.views.render import render_index, render_indicators, render_view, write_assets
from kg.views.selections import View, document_view, ego_centres, ego_view, initiatives_view, overview_view


@dataclass(frozen=True, slots=True)
class PageEntry:
    """One line of the index page."""

    href: str
    title: str
    description: str
    nodes: int
    edges: int
    #: edges behind the page's checkboxes (not drawn when it opens)
    hidden: int = 0


def ego_file(node_id: str, taken: set[str]) -> str:
    """``ego_<id>.html`` with the id reduced to ``[A-Za-z0-9_-]`` (and made unique in ``taken``)."""
    base = "ego_" + re.sub(r"[^A-Za-z0-9_-]", "_", node_id)
    name, i = f"{base}.html", 1
    while name in taken:
        i += 1
        name = f"{base}_{i}.html"
    taken.add(name)
    return name


def all_views(facts: GraphFacts, *, overview_cap: int = 1500, ego_count: int = 10,
              charts: IndicatorsPage | None = None) -> dict[str, list[View]]:
    """The views of the graph, grouped as the index lists them: maps, documents, egos.

    A campaign's ego page lists its metrics by indicator, linked to their charts in ``charts``.
    """
    docs = [document_view(facts, d, i, overview_cap) for i, d in enumerate(facts.documents, 1)]
    taken: set[str] = set()
    egos = [ego_view(facts, c, ego_file(c, taken), overview_cap) for c in ego_centres(facts, ego_count)]
    links = charts.links() if charts is not None else {}
    for view, centre in zip(egos, ego_centres(facts, ego_count)):
        if facts.label(centre) == "Campaign":
            view.metric_groups = campaign_metrics(facts, centre, links)
    return {"maps": [initiatives_view(facts, overview_cap), overview_view(facts, overview_cap)],
            "documents": docs, "egos": egos}


def _counts(facts: GraphFacts) -> list[tuple[str, int]]:
    c = facts.counts()
    names = {"Document": "documents", "Section": "sections", "Agency": "agencies",
             "Organization": "organisations", "Campaign": "campaigns", "Regulation": "regulations",
             "Metric": "metrics", "Indicator": "indicators"}
    out = [(names[k], c[k]) for k in ("Document", "Section", *ENTITY_LABELS, "Metric")]
    out.append(("masked metrics", c["masked metrics"]))
    out.append((names["Indicator"], c["Indicator"]))
    out += [(f"{t} relations", c[t]) for t in SEMANTIC_REL_TYPES]
    return out


def write_views(g: nx.MultiDiGraph, folder: Path, *, overview_cap: int = 1500, ego_count: int = 10) -> list[Path]:
    """Write the HTML views of ``g`` into ``folder``.

    Pages: ``index.html`` (entry page), ``initiatives.html``, ``overview.html``,
    ``indicators.html`` (a chart per indicator reported in two or more
    documents, see :mod:`kg.views.charts`), ``doc_<n>.html`` per document
    (ordered by name) and ``ego_<id>.html`` for the most connected agencies
    and campaigns (a campaign's lists its metrics by indicator). vis-network,
    plotly.js and the shared page scripts/style are written once into
    ``folder/lib``; pages reference them relatively and fetch nothing else, so
    they open from the file system offline. Document text is escaped everywhere.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A graph following :mod:`kg.schema` (e.g. from
        :func:`kg.sinks.exports.read_json`).
    folder : Path
        Output folder (created).
    overview_cap : int
        Most nodes a page draws; the most connected are kept and the page says
        what was left out.
    ego_count : int
        Ego pages for this many agencies and this many campaigns.

    Returns
    -------
    list of Path
        The pages written, ``index.html`` first (the ``lib/`` files are not listed).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_assets(folder)
    facts = graph_facts(g)
    charts = indicators_page(facts)
    groups = all_views(facts, overview_cap=overview_cap, ego_count=ego_count, charts=charts)
    written: list[Path] = []
    entries: dict[str, list[PageEntry]] = {}
    for group, views in groups.items():
        if group == "documents":  # the index lists the indicators page between the maps and the documents
            written.append(folder / "indicators.html")
            written[-1].write_text(render_indicators(charts), encoding="utf-8")
            entries["indicators"] = [PageEntry("indicators.html", "Indicators · 指标",
                                               f"{len(charts.charts)} indicators reported in two or more "
                                               f"documents, each a chart of its values by period", 0, 0)]
        entries[group] = []
        for view in views:
            path = folder / view.file
            path.write_text(render_view(view), encoding="utf-8")
            written.append(path)
            drawn = len(view.drawn_edges)
            entries[group].append(PageEntry(view.file, view.title, view.description,
                                            len(view.nodes), drawn, len(view.edges) - drawn))
    index = folder / "index.html"
    index.write_text(render_index(counts=_counts(facts), **entries), encoding="utf-8")
    return [index, *written]
