"""Graphs for the export tests: a small one with hostile values, and how to compare graphs."""

from __future__ import annotations

import json
import math

import networkx as nx

DOC = "a&b <c>.txt"


def hostile_graph() -> nx.MultiDiGraph:
    """A graph of :mod:`kg.schema` whose values try to break every format.

    XML specials, quotes, newlines, carriage returns and tabs; names that a spreadsheet
    would run (``=``, ``+``, ``-``, ``@``, tab) or that already start with the CSV guard
    ``'``; lists with ``;``, an empty list, a missing one; NaN and infinite floats, a
    missing float; parallel edges.
    """
    g = nx.MultiDiGraph()
    g.add_node("document_1", id="document_1", label="Document", name=DOC, title='<标题> & "引号" \'单\'',
               years=[], chars=120, date="2023-01-02", adcode="441881")
    g.add_node("section_1", id="section_1", label="Section", name="一、=SUM(A1)", doc=DOC, level=1, marker="一、",
               title="=SUM(A1)", start=0, end=100, ordinal=0)
    g.add_node("sentence_1", id="sentence_1", label="Sentence", doc=DOC, start=0, end=20,
               text="第一行\r\n第二行\t<b>&amp;</b> \"q\"")
    g.add_node("agency_1", id="agency_1", label="Agency", name='=HYPERLINK("http://x")', type="AGENCY",
               scope="national", aliases=["a;b", "=1+2", "+x", "-y", "@z", "\tt", "'q", "\r回车"], docs=[DOC],
               mentions=2, masked=False)
    g.add_node("campaign_1", id="campaign_1", label="Campaign", name="'已引号", type="CAMPAIGN", scope="national",
               aliases=[], docs=[DOC], mentions=1, masked=True)
    for i, value in enumerate([float("nan"), float("inf"), float("-inf"), 242280.0, None, -1e-7]):
        g.add_node(f"metric_{i}", id=f"metric_{i}", label="Metric", name=f"-{i}万", text=f"-{i}万", value=value,
                   unit="宗", indicator="@查处", kind="level", masked=bool(i % 2), doc=DOC, start=i, end=i + 2)
    g.add_edge("document_1", "section_1", type="HAS_SECTION")
    g.add_edge("sentence_1", "section_1", type="PART_OF")
    for text, start in (("+1", 0), ("@home", 5), ("\t=x", 9)):
        g.add_edge("agency_1", "sentence_1", type="MENTIONED_IN", start=start, end=start + 2, text=text,
                   name="\r回车", self_ref=start == 5)
    g.add_edge("campaign_1", "sentence_1", type="MENTIONED_IN", start=3, end=5, text="'已引号", name="已引号",
               self_ref=False)
    g.add_edge("agency_1", "campaign_1", type="CONDUCTS", doc=DOC, start=0, end=9,
               sentence="第一行\r\n", trigger="-", head_start=0, head_end=2, tail_start=3, tail_end=5)
    g.add_edge("metric_0", "campaign_1", type="MEASURES", doc=DOC, start=1, end=2,
               sentence="<&>", trigger="=", head_start=1, head_end=2, tail_start=3, tail_end=5)
    return g


def canonical(g: nx.MultiDiGraph) -> tuple[dict, list]:
    """Nodes by id, and the sorted list of edges with their ends (edges have no id); every non-null
    attribute; NaN made equal to itself."""
    def norm(v):
        return "NaN" if isinstance(v, float) and math.isnan(v) else v
    nodes = {n: {k: norm(v) for k, v in a.items() if v is not None} for n, a in g.nodes(data=True)}
    edges = sorted(json.dumps([u, v, {x: norm(y) for x, y in a.items() if y is not None}], ensure_ascii=False,
                              sort_keys=True, default=str) for u, v, a in g.edges(data=True))
    return nodes, edges
