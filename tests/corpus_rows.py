"""The sample corpus as rows, without the pipeline: ingest, structure, extract, resolve, kg.graph.

:func:`sample_rows` gives :class:`kg.rows.TableRows` as a build gives them (the
entities' table, then one node and one edge table per document); :func:`scaled_rows`
replicates them with new ids, for benchmarks at any size.
"""

from __future__ import annotations

from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from kg.extract import build_nlp, extract_document
from kg.graph import document_rows, entity_rows, resolution_ref
from kg.ingest import read_corpus
from kg.lexicon import load_lexicon
from kg.model import SourceDocument
from kg.resolve import resolve
from kg.resources import SAMPLE_CORPUS
from kg.rows import TableRows, edge_table, node_table
from kg.structure import structure_document


@lru_cache(maxsize=1)
def sample_rows() -> TableRows:
    """The rows of the sample corpus (data/corpus), per document as a build writes them."""
    lexicon = load_lexicon()
    nlp = build_nlp(lexicon)
    exts = [extract_document(structure_document(src), nlp) for src in read_corpus(SAMPLE_CORPUS)
            if isinstance(src, SourceDocument)]
    res = resolve(exts, lexicon)
    ref = resolution_ref(res)
    rows = TableRows([node_table(entity_rows(res.entities.values()))], [])
    for ext in res.extractions:
        nodes, edges = document_rows(ext, ref)
        rows.nodes.append(node_table(nodes))
        rows.edges.append(edge_table(edges, {i: a["label"] for i, a in nodes}))
    return rows


def _suffixed(table: pa.Table, columns: tuple[str, ...], suffix: str) -> pa.Table:
    for name in columns:
        i = table.schema.get_field_index(name)
        table = table.set_column(i, name, pc.binary_join_element_wise(table[name], suffix, ""))
    return table


def scaled_rows(rows: TableRows, copies: int) -> TableRows:
    """``copies`` copies of ``rows``, each with its own ids (``<id>~<copy>``), tables in the same order."""
    out = TableRows()
    for k in range(copies):
        out.nodes += [_suffixed(t, ("id",), f"~{k}") for t in rows.nodes]
        out.edges += [_suffixed(t, ("source", "target"), f"~{k}") for t in rows.edges]
    return out
