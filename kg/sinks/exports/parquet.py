"""Parquet: ``nodes_<Label>.parquet``, ``rels_<TYPE>.parquet`` (:mod:`.neo4j_import`), typed columns; and a reader.

The columns keep Parquet's own types (null as null, an empty list as an empty list): pandas, Polars, DuckDB
and Spark read them as they are. Beside each file, ``<file>.header.csv`` is the name-mapping header that
``neo4j-admin database import full --input-type=parquet`` (Neo4j 5.25 or later) takes for ``import.sh``
(a row in the import tool's header dialect, a row of Parquet column names).
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq

from kg.rows import as_rows
from kg.sinks.exports.neo4j_import import (
    NAMES, file_name, header, typed_graph, typed_schema, typed_tables, write_import_script,
)


def write_parquet(graph, folder: str | Path) -> Path:
    """Write the Parquet files, their neo4j-admin headers, ``import.sh`` and ``schema.cypher`` into ``folder``.

    Parameters
    ----------
    graph, folder
        The rows (streamed a batch at a time, see :mod:`kg.sinks.exports`) and the folder to write into.
    """
    rows, folder = as_rows(graph), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        writers = {n: stack.enter_context(pq.ParquetWriter(folder / file_name(n, ".parquet"), typed_schema(n),
                                                           compression="zstd")) for n in NAMES}
        for name, table in typed_tables(rows):
            writers[name].write_table(table)
    for name in NAMES:
        mapping = f"{','.join(header(name))}\n{','.join(typed_schema(name).names)}\n"
        (folder / file_name(name, ".header.csv")).write_text(mapping, encoding="utf-8")
    write_import_script(folder, {n: f"{file_name(n, '.header.csv')},{file_name(n, '.parquet')}" for n in NAMES},
                        "--input-type=parquet --id-type=string")
    return folder


def read_parquet(folder: str | Path) -> nx.MultiDiGraph:
    """Read the files written by :func:`write_parquet` back into a graph."""
    return typed_graph((n, pq.read_table(Path(folder) / file_name(n, ".parquet"))) for n in NAMES)
