"""Time kg.views on the sample corpus and on the same graph copied N times (ids suffixed).

    python tests/benchmarks/views_scale.py                       # builds data/corpus, 1x and 100x
    python tests/benchmarks/views_scale.py --graph out/graph.json --copies 100 --out /tmp/views_bench

Prints, per scale: nodes/edges of the graph, seconds to write the views, number of
pages, total and largest page size, the sizes of index/initiatives/overview/indicators,
and the seconds the indicators page takes on its own (its charts' data and HTML).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.sinks.exports import read_json
from kg.views import write_views

REPO = Path(__file__).resolve().parents[2]


def replicate(g: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``copies`` disjoint copies of ``g``: ids get ``~<i>``, document names ``#<i>``.

    Entities keep their names (the copies are different nodes with the same name,
    as in a corpus of many similar reports), so search and caps see realistic ties.
    """
    out = nx.MultiDiGraph(**g.graph)
    for i in range(copies):
        sid = f"~{i}"

        def doc(name: object) -> object:
            return f"{name}#{i}" if isinstance(name, str) else name

        for n, a in g.nodes(data=True):
            b = dict(a, id=f"{n}{sid}")
            if b.get("label") == "Document":
                b["name"] = doc(b.get("name"))
                b["title"] = f"{b.get('title') or ''} #{i}"
            if "doc" in b:
                b["doc"] = doc(b["doc"])
            if isinstance(b.get("docs"), list):
                b["docs"] = [doc(d) for d in b["docs"]]
            out.add_node(f"{n}{sid}", **b)
        for u, v, k, a in g.edges(keys=True, data=True):
            out.add_edge(f"{u}{sid}", f"{v}{sid}", key=f"{k}{sid}", **dict(a, id=f"{k}{sid}", doc=doc(a.get("doc"))))
    return out


def measure(g: nx.MultiDiGraph, folder: Path, **kwargs: int) -> dict:
    """Write the views of ``g`` into ``folder``; return time and sizes."""
    from kg.views.charts import indicators_page
    from kg.views.facts import graph_facts
    from kg.views.render import render_indicators

    t0 = time.perf_counter()
    pages = write_views(g, folder, **kwargs)
    seconds = time.perf_counter() - t0
    facts = graph_facts(g)
    t1 = time.perf_counter()
    charts = indicators_page(facts)
    render_indicators(charts)
    indicators = time.perf_counter() - t1
    sizes = {p.name: p.stat().st_size for p in pages}
    lib = sum(p.stat().st_size for p in (folder / "lib").iterdir())
    return {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "seconds": round(seconds, 2),
        "pages": len(pages), "total_kb": round(sum(sizes.values()) / 1024), "lib_kb": round(lib / 1024),
        "largest": max(sizes.items(), key=lambda kv: kv[1]),
        **{name: round(sizes[name] / 1024, 1) for name in ("index.html", "initiatives.html", "overview.html",
                                                             "indicators.html")},
        "indicators_seconds": round(indicators, 2), "charts": len(charts.charts),
        "chart_points": sum(len(c.data.points) for c in charts.charts),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", type=Path, help="graph.json from kg build (default: build data/corpus)")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--out", type=Path, default=None, help="where to write the pages (default: a temp folder)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-views-bench-"))
    if args.graph is None:
        from kg.pipeline import build

        build(REPO / "data" / "corpus", out / "build")
        args.graph = out / "build" / "graph.json"
    g = read_json(args.graph)
    results = {"1x": measure(g, out / "x1")}
    big = replicate(g, args.copies)
    results[f"{args.copies}x"] = measure(big, out / f"x{args.copies}")
    print(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"pages in {out}")


if __name__ == "__main__":
    main()
