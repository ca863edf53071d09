"""Graphs for the Neo4j sink's tests and benchmark: a small hand-made one and big ones scaled from a build."""

from __future__ import annotations

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc

from kg.rows import Rows, TableRows
from kg.schema import GLOBAL_LABELS


def small_graph(copies: int = 1) -> nx.MultiDiGraph:
    """Per copy ``i``: Document ``document_i`` -HAS_SECTION-> Section ``section_i`` <-PART_OF- Sentence
    ``sentence_i`` <-MENTIONED_IN- Agency ``agency_i``."""
    g = nx.MultiDiGraph()
    for i in range(copies):
        d, s, t, a, doc = f"document_{i}", f"section_{i}", f"sentence_{i}", f"agency_{i}", f"测试{i}.txt"
        g.add_node(d, id=d, label="Document", name=doc, title="交通运输工作报告", years=[2023], key=f"k{i}")
        g.add_node(s, id=s, label="Section", name="一、总体情况", doc=doc, level=1, marker="一、",
                   title="总体情况", start=0, end=40, ordinal=0)
        g.add_node(t, id=t, label="Sentence", doc=doc, start=0, end=15, text="英德市交通运输局开展治超行动。")
        g.add_node(a, id=a, label="Agency", name="英德市交通运输局", type="AGENCY", scope="adcode:441881",
                   aliases=["交通局", "英德市交通运输局"], docs=[doc], mentions=1, masked=False)
        g.add_edge(d, s, type="HAS_SECTION")
        g.add_edge(t, s, type="PART_OF")
        g.add_edge(a, t, type="MENTIONED_IN", start=0, end=8, text="英德市交通运输局", name="英德市交通运输局",
                   self_ref=False)
    return g


def _suffix(col: pa.ChunkedArray | pa.Array, sfx: str):
    if isinstance(col, pa.ChunkedArray):
        col = col.combine_chunks()
    if pa.types.is_list(col.type):
        values = pc.binary_join_element_wise(col.values, sfx, "")
        return pa.ListArray.from_arrays(col.offsets, values, mask=col.is_null() if col.null_count else None)
    return pc.binary_join_element_wise(col, sfx, "")


def _renamed(table: pa.Table, columns: tuple[str, ...], sfx: str) -> pa.Table:
    for name in columns:
        if name == "name":  # only a Document's name is its document's name
            doc = pc.equal(table["label"], "Document")
            table = table.set_column(table.schema.get_field_index(name), name,
                                     pc.if_else(doc, _suffix(table[name], sfx), table[name]))
        else:
            table = table.set_column(table.schema.get_field_index(name), name, _suffix(table[name], sfx))
    return table


def replicate_rows(rows: Rows, copies: int) -> TableRows:
    """``copies`` disjoint copies of a build's rows: copy ``i`` > 0 suffixes every id and document name ``~i``.

    Entity and indicator tables come first, then every copy's documents, one node and one edge table each, as a build's do.
    """
    node_tables, edge_tables = list(rows.node_tables()), list(rows.edge_tables())
    is_entity = [pc.is_in(t["label"], value_set=pa.array(GLOBAL_LABELS)) for t in node_tables]
    entities = pa.concat_tables([t.filter(m) for t, m in zip(node_tables, is_entity)])
    docs = [t.filter(pc.invert(m)) for t, m in zip(node_tables, is_entity)]
    docs = [t for t in docs if t.num_rows]
    out = TableRows()
    for i in range(copies):
        sfx = f"~{i}" if i else ""
        out.nodes.append(_renamed(entities, ("id", "docs"), sfx) if i else entities)
    for i in range(copies):
        sfx = f"~{i}" if i else ""
        for nodes, edges in zip(docs, edge_tables):
            out.nodes.append(_renamed(nodes, ("id", "doc", "name"), sfx) if i else nodes)
            out.edges.append(_renamed(edges, ("source", "target", "doc"), sfx) if i else edges)
    return out
