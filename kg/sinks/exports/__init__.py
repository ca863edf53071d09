"""File exports of the graph, written on request from rows in one pass, never patched.

One module per format, reader beside writer, in the style of ``networkx.readwrite``:

========== ============================= ============================================
format     writer (default name)          reader
========== ============================= ============================================
json       :func:`write_json` (graph.json)           :func:`read_json`
graphml    :func:`write_graphml` (graph.graphml)     :func:`read_graphml`
gexf       :func:`write_gexf` (graph.gexf)           :func:`read_gexf`
neo4j-csv  :func:`write_neo4j_csv` (neo4j-import/)   :func:`read_neo4j_csv`
parquet    :func:`write_parquet` (parquet/)          :func:`read_parquet`
========== ============================= ============================================

Every writer takes :class:`kg.rows.Rows` (or a ``networkx`` graph that follows
:mod:`kg.schema`) and streams it: rows are rendered a batch at a time by Arrow
compute, so memory is bounded by one batch, not by the graph. Values are written by
the one encoder of :mod:`kg.sinks.exports.values`. The graph writers (json, graphml,
gexf) take ``merge_parallel=True`` for one edge per (source, target, type) with its
count and evidence (:func:`kg.sinks.exports.tables.merged_edges`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.rows import Rows
from kg.sinks.exports.gexf import read_gexf, write_gexf
from kg.sinks.exports.graphml import read_graphml, write_graphml
from kg.sinks.exports.json import read_json, write_json
from kg.sinks.exports.neo4j_csv import read_neo4j_csv, write_neo4j_csv
from kg.sinks.exports.parquet import read_parquet, write_parquet


@dataclass(frozen=True)
class Format:
    """A file export: its writer and reader, the file or folder it makes by default, and whether it merges edges."""

    write: Callable
    read: Callable
    default_name: str
    merges: bool  # takes merge_parallel


FORMATS: dict[str, Format] = {
    "json": Format(write_json, read_json, "graph.json", True),
    "graphml": Format(write_graphml, read_graphml, "graph.graphml", True),
    "gexf": Format(write_gexf, read_gexf, "graph.gexf", True),
    "neo4j-csv": Format(write_neo4j_csv, read_neo4j_csv, "neo4j-import", False),
    "parquet": Format(write_parquet, read_parquet, "parquet", False),
}


def export(rows: Rows, fmt: str, dest: str | Path, *, merge_parallel: bool = False) -> Path:
    """Write ``rows`` in format ``fmt`` into the folder ``dest``, under the format's default name.

    Parameters
    ----------
    rows : kg.rows.Rows or networkx.MultiDiGraph
        The graph.
    fmt : str
        A name of :data:`FORMATS`.
    dest : str or Path
        The folder to write into (made if missing).
    merge_parallel : bool
        One edge per (source, target, type); only for json, graphml and gexf.

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    ValueError
        An unknown format, or ``merge_parallel`` for a format that keeps every edge.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    spec = FORMATS[fmt]
    if merge_parallel and not spec.merges:
        raise ValueError(f"{fmt}: merge_parallel is for json, graphml and gexf (neo4j-csv and parquet keep every edge)")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / spec.default_name
    return spec.write(rows, target, merge_parallel=True) if merge_parallel else spec.write(rows, target)


__all__ = [
    "FORMATS", "Format", "export", "read_gexf", "read_graphml", "read_json", "read_neo4j_csv", "read_parquet",
    "write_gexf", "write_graphml", "write_json", "write_neo4j_csv", "write_parquet",
]
