"""Bigger graphs from a real one, for load benchmarks and the server-gone test."""

from __future__ import annotations

import networkx as nx


def replicate(g: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``copies`` disjoint copies of ``g``; copy ``i`` has every node and edge id suffixed ``~i``.

    Copy 0 keeps the original ids; list values are shared between copies, not copied.
    """
    out = nx.MultiDiGraph(**g.graph)
    for i in range(copies):
        sfx = f"~{i}" if i else ""
        for n, a in g.nodes(data=True):
            out.add_node(f"{n}{sfx}", **{**a, "id": f"{n}{sfx}"})
        for u, v, k, a in g.edges(keys=True, data=True):
            eid = f"{a.get('id', k)}{sfx}"
            out.add_edge(f"{u}{sfx}", f"{v}{sfx}", key=eid, **{**a, "id": eid})
    return out
