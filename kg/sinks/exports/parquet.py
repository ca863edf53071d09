"""Parquet: one file per label and per relationship type, typed columns; and a reader.

``nodes_<Label>.parquet`` has the columns of :func:`kg.rows.label_schema`,
``rels_<TYPE>.parquet`` those of :func:`kg.rows.type_schema`, in Parquet's own types
(null as null, an empty list as an empty list): pandas, Polars, DuckDB and Spark read
them as they are. Beside each, ``<file>.header.csv`` is the name-mapping header that
``neo4j-admin database import full --input-type=parquet`` (Neo4j 5.25 or later) takes
(a row in the import tool's header dialect, a row of Parquet column names); ``import.sh``
and ``schema.cypher`` are those of :mod:`kg.sinks.exports.neo4j_import`.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import networkx as nx
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kg.rows import TableRows, edge_schema, label_schema, node_schema, select, to_networkx, type_schema
from kg.schema import NODE_LABELS, REL_TYPES
from kg.sinks.exports.neo4j_import import columns, file_name, header, write_import_script
from kg.sinks.exports.tables import as_rows, batches, widen


def _schema(name: str):
    return label_schema(name) if name in NODE_LABELS else type_schema(name)


def write_parquet(graph, folder: str | Path) -> Path:
    """Write the Parquet files, their neo4j-admin headers, ``import.sh`` and ``schema.cypher`` into ``folder``.

    Parameters
    ----------
    graph : kg.rows.Rows or networkx.MultiDiGraph
        Streamed a batch at a time (see :mod:`kg.sinks.exports`).
    folder : str or Path
    """
    rows, folder = as_rows(graph), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = (*NODE_LABELS, *REL_TYPES)
    with ExitStack() as stack:
        writers = {n: stack.enter_context(pq.ParquetWriter(folder / file_name(n, ".parquet"), _schema(n),
                                                           compression="zstd")) for n in names}
        for kind, tables in (("label", rows.node_tables()), ("type", rows.edge_tables())):
            for table in batches(tables):
                for name in pc.unique(table[kind]).to_pylist():
                    writers[name].write_table(select(table, name))
    for name in names:
        mapping = [",".join(header(name)), ",".join(columns(name))]
        (folder / file_name(name, ".header.csv")).write_text("\n".join(mapping) + "\n", encoding="utf-8")
    files = [f"{file_name(n, '.header.csv')},{file_name(n, '.parquet')}" for n in names]
    n = len(NODE_LABELS)
    write_import_script(folder, files[:n], files[n:], "--input-type=parquet --id-type=string")
    return folder


def read_parquet(folder: str | Path) -> nx.MultiDiGraph:
    """Read the files written by :func:`write_parquet` back into a graph."""
    folder = Path(folder)
    nodes = [widen(pq.read_table(folder / file_name(n, ".parquet")), node_schema()) for n in NODE_LABELS]
    edges = [widen(pq.read_table(folder / file_name(t, ".parquet")), edge_schema()) for t in REL_TYPES]
    return to_networkx(TableRows(nodes, edges))
