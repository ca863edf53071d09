"""File exports of the graph, written on request from rows in one pass, never patched.

One module per format, reader beside writer, ``networkx.readwrite`` style: :mod:`.json`
(graph.json, node-link), :mod:`.graphml`, :mod:`.gexf`, :mod:`.neo4j_csv` (neo4j-import/,
for neo4j-admin) and :mod:`.parquet` (parquet/). Every writer takes :class:`kg.rows.Rows`
(or a ``networkx`` graph that follows :mod:`kg.schema`) and streams it: rows are rendered
a batch at a time by Arrow compute (:mod:`.tables`) while the next is read, so memory is bounded
by two batches, not by the graph; values are written by the one encoder of :mod:`.values`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.rows import Delta, Rows
from kg.sinks.exports.gexf import read_gexf, write_gexf
from kg.sinks.exports.graphml import read_graphml, write_graphml
from kg.sinks.exports.json import read_json, write_json
from kg.sinks.exports.neo4j_csv import read_neo4j_csv, write_neo4j_csv
from kg.sinks.exports.parquet import read_parquet, write_parquet


@dataclass(frozen=True)
class Format:
    """A file export: writer, reader, the file or folder it makes, and whether it takes ``merge_parallel``."""

    write: Callable
    read: Callable
    default_name: str
    merges: bool


FORMATS: dict[str, Format] = {
    "json": Format(write_json, read_json, "graph.json", True),
    "graphml": Format(write_graphml, read_graphml, "graph.graphml", True),
    "gexf": Format(write_gexf, read_gexf, "graph.gexf", True),
    "neo4j-csv": Format(write_neo4j_csv, read_neo4j_csv, "neo4j-import", False),
    "parquet": Format(write_parquet, read_parquet, "parquet", False),
}


def export(rows: Rows, fmt: str, dest: str | Path, *, merge_parallel: bool = False) -> Path:
    """Write ``rows`` as ``fmt`` (a name of :data:`FORMATS`) into the folder ``dest``, under its default name.

    ``merge_parallel`` (json, graphml and gexf) writes one edge per (source, target, type)
    with the evidence of the edges it stands for. Returns the file or folder written;
    raises ``ValueError`` for an unknown format or ``merge_parallel`` where it does not apply.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    spec = FORMATS[fmt]
    if merge_parallel and not spec.merges:
        raise ValueError(f"{fmt}: merge_parallel is for json, graphml and gexf (neo4j-csv and parquet keep every edge)")
    Path(dest).mkdir(parents=True, exist_ok=True)
    target = Path(dest) / spec.default_name
    return spec.write(rows, target, merge_parallel=True) if merge_parallel else spec.write(rows, target)


@dataclass(frozen=True)
class FileExport:
    """A file export as a :class:`kg.rows.Sink`: ``fmt`` into the folder ``dest``, written anew for a delta too."""

    fmt: str
    dest: str | Path
    merge_parallel: bool = False

    def write(self, rows: Rows) -> Path:
        return export(rows, self.fmt, self.dest, merge_parallel=self.merge_parallel)

    def apply(self, delta: Delta, rows: Rows) -> Path:
        return self.write(rows)


__all__ = ["FORMATS", "FileExport", "Format", "export", "read_gexf", "read_graphml", "read_json", "read_neo4j_csv",
           "read_parquet", "write_gexf", "write_graphml", "write_json", "write_neo4j_csv", "write_parquet"]
