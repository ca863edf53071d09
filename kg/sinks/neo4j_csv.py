"""CSV files for ``neo4j-admin database import full``.

One node file per label (``nodes_Agency.csv`` ...) and one relationship file
per type (``rels_CONDUCTS.csv`` ...), with the header conventions of the import
tool: ``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed
properties (``mentions:int``, ``masked:boolean``, ``value:double``), and
arrays as ``aliases:string[]`` joined with ``;`` (a ``;`` inside an element is
written as the full-width ``；``). Empty cells are absent properties. Rows are
written by the ``csv`` module's default dialect (fields quoted only when needed,
``\\r\\n`` line ends). ``import.sh`` beside them holds the command line.

The rows are rendered by :func:`kg.sinks.files.render_chunk` (parts
``csv:nodes_<Label>.csv`` / ``csv:rels_<TYPE>.csv``) and the files assembled by
:func:`kg.sinks.files.write_files`, the code path of the build.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.sinks.files import ARRAY_DELIMITER, csv_headers, render_graph, write_files

__all__ = ["ARRAY_DELIMITER", "write_neo4j_import"]


def write_neo4j_import(g: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write the import CSV files and ``import.sh`` into ``folder``; return the CSV paths."""
    folder = Path(folder)
    write_files(folder, render_graph(g, ("neo4j",)), ("neo4j",), graph=g.graph, paths={"neo4j": folder})
    return [folder / name for name in csv_headers()]
