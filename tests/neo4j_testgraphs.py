"""Small hand-made graphs that follow kg.schema, for the Neo4j sink's unit and failure tests."""

from __future__ import annotations

import networkx as nx


def small_graph(copies: int = 1) -> nx.MultiDiGraph:
    """Per copy ``i``: Document ``document_i`` -HAS_SECTION-> Section ``section_i`` <-MENTIONED_IN- Agency ``agency_i``."""
    g = nx.MultiDiGraph()
    for i in range(copies):
        d, s, a, doc = f"document_{i}", f"section_{i}", f"agency_{i}", f"测试{i}.txt"
        g.add_node(d, id=d, label="Document", name=doc, title="交通运输工作报告", years=[2023], period=None)
        g.add_node(s, id=s, label="Section", name="一、总体情况", doc=doc, level=1, marker="一、",
                   title="总体情况", start=0, end=40, ordinal=0)
        g.add_node(a, id=a, label="Agency", name="英德市交通运输局", type="AGENCY", scope="adcode:441881",
                   aliases={"英德市交通运输局", "交通局"}, docs=[doc], mentions=1, masked=False, period=None)
        g.add_edge(d, s, key=f"hs_{i}", id=f"hs_{i}", type="HAS_SECTION", doc=doc, start=0, end=40, sentence="")
        g.add_edge(a, s, key=f"mi_{i}", id=f"mi_{i}", type="MENTIONED_IN", doc=doc, start=10, end=18,
                   sentence="英德市交通运输局开展治超行动。", text="英德市交通运输局", name="英德市交通运输局",
                   self_ref=False)
    return g
