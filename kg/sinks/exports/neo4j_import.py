"""What both neo4j-admin exports (:mod:`.neo4j_csv`, :mod:`.parquet`) share: files, headers, ``import.sh``.

A label's file has the columns of :func:`kg.rows.label_schema`, a relationship type's those of
:func:`kg.rows.type_schema`: ``id`` is ``id:ID`` (one id space: kg ids are unique over labels),
``source``/``target`` are ``:START_ID``/``:END_ID`` (relationships have no id), every other
column a typed property (``mentions:long``, ``aliases:string[]``; nodes keep their ``label``
property, as ``kg load`` writes it). The command line gives each file its label or type.

``import.sh`` runs the import (database stopped) and then, with the server running, the schema step:
the constraints and indexes of ``cypher/schema.cypher`` and :func:`restore_statements`, so the database
holds the exact values, through ``cypher-shell`` and the ``schema.cypher`` beside it, else ``kg schema apply``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
import pyarrow as pa

from kg.rows import Rows, TableRows, batches, label_schema, split, to_networkx, type_schema
from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.exports.values import GUARD, text

#: every label, then every relationship type: one file each
NAMES = (*NODE_LABELS, *REL_TYPES)
#: Arrow type -> the import tool's type
CSV_TYPES = {pa.string(): "string", pa.int64(): "long", pa.float64(): "double", pa.bool_(): "boolean",
             pa.list_(pa.string()): "string[]", pa.list_(pa.int64()): "long[]"}
_SPECIAL = {"id": "id:ID", "source": ":START_ID", "target": ":END_ID"}


def typed_schema(name: str) -> pa.Schema:
    """The columns of a label's or a relationship type's file, in file order."""
    return label_schema(name) if name in NODE_LABELS else type_schema(name)


def header(name: str) -> list[str]:
    """The neo4j-admin header of a label's or type's file."""
    return [_SPECIAL.get(f.name) or f"{f.name}:{CSV_TYPES[f.type]}" for f in typed_schema(name)]


def file_name(name: str, suffix: str = ".csv") -> str:
    """``nodes_<Label><suffix>`` or ``rels_<TYPE><suffix>``."""
    return f"{'nodes' if name in NODE_LABELS else 'rels'}_{name}{suffix}"


def typed_tables(rows: Rows) -> Iterator[tuple[str, pa.Table]]:
    """(label or type, its rows with its typed columns) for each batch of ``rows``, nodes first."""
    for tables in (rows.node_tables(), rows.edge_tables()):
        for table in batches(tables, ahead=True):
            yield from split(table)


def typed_graph(parts: Iterable[tuple[str, pa.Table]]) -> nx.MultiDiGraph:
    """The graph of (label or type, typed table) pairs, as the files of :func:`typed_tables` hold them."""
    parts = list(parts)  # a label's table has its label column; a type's is given its type
    return to_networkx(TableRows([t for name, t in parts if name in NODE_LABELS],
                                 [t.append_column("type", pa.repeat(text(name), t.num_rows))
                                  for name, t in parts if name not in NODE_LABELS]))


def _property(name: str, types: tuple[str, ...]) -> tuple[str, str, str]:
    """(``MATCH`` of the owner as ``n``, property, its type) of a ``Label.property`` or ``TYPE.property`` name."""
    owner, _, prop = name.partition(".")
    props = NODE_PROPERTIES.get(owner) or (EDGE_PROPERTIES.get(owner) if owner in REL_TYPES else None)
    if not props or props.get(prop) not in types or prop in ("label", "type"):
        what = "list" if "str" not in types else "text"
        raise ValueError(f"{name}: not a {what} property of a kg.schema label or relationship type")
    return f"MATCH (n:{owner})" if owner in NODE_LABELS else f"MATCH ()-[n:{owner}]->()", prop, props[prop]


def restore_statements(guarded: Iterable[str] = (), empty_lists: Iterable[str] = ()) -> list[str]:
    """The Cypher updates that give an imported database the exact values CSV could not carry.

    ``guarded`` names ``Label.property`` or ``TYPE.property`` columns where the spreadsheet
    guard was written (one ``'`` comes off every value or list element that starts with it);
    ``empty_lists`` list columns that held empty lists and no null (an absent value becomes
    ``[]``). Raises ``ValueError`` for a name that is not such a property of :mod:`kg.schema`.
    """
    g = f'"{GUARD}"'
    out = []
    for name in guarded:
        match, prop, ptype = _property(name, ("str", "list[str]"))
        if ptype == "str":
            out.append(f"{match} WHERE n.{prop} STARTS WITH {g} SET n.{prop} = substring(n.{prop}, 1)")
        else:
            out.append(f"{match} WHERE any(x IN n.{prop} WHERE x STARTS WITH {g}) "
                       f"SET n.{prop} = [x IN n.{prop} | CASE WHEN x STARTS WITH {g} THEN substring(x, 1) ELSE x END]")
    for name in empty_lists:
        match, prop, _ = _property(name, ("list[str]", "list[int]"))
        out.append(f"{match} WHERE n.{prop} IS NULL SET n.{prop} = []")
    return out


def write_import_script(folder: Path, files: dict[str, str], options: str, guarded: Iterable[str] = (),
                        empty_lists: Iterable[str] = ()) -> None:
    """Write ``import.sh`` and ``schema.cypher`` into ``folder``: ``files`` gives each label and type its file(s)
    as neo4j-admin takes them, ``options`` the format's import options; ``guarded`` and ``empty_lists`` name the
    columns that :func:`restore_statements` restores."""
    from kg.sinks.neo4j import schema_statements

    statements = [*schema_statements(), *restore_statements(guarded, empty_lists), "CALL db.awaitIndexes(300)"]
    (folder / "schema.cypher").write_text("".join(f"{s};\n" for s in statements), encoding="utf-8")
    files = " \\\n    ".join(f"--{'nodes' if n in NODE_LABELS else 'relationships'}={n}={f}" for n, f in files.items())
    restore = "".join(f" --unguard {g}" for g in guarded) + "".join(f" --empty-list {e}" for e in empty_lists)
    script = f"""#!/bin/sh
# Load this folder into Neo4j (5.26 or later) in two steps:
#   sh import.sh import   with the database stopped: neo4j-admin database import full
#   sh import.sh schema   with the server running: kg's constraints and indexes, and the exact values
#                         where CSV needed help (the spreadsheet guard taken off, empty lists)
# Environment: DATABASE (default neo4j), NEO4J_ADMIN (default neo4j-admin); for the schema step
# NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and CYPHER_SHELL (default cypher-shell; without it: kg schema apply).
set -eu
cd "$(dirname "$0")"
DATABASE="${{DATABASE:-neo4j}}"
case "${{1:-}}" in
import)
  ${{NEO4J_ADMIN:-neo4j-admin}} database import full "$DATABASE" --overwrite-destination=true {options} \\
    {files}
  echo "import.sh: imported into $DATABASE; start the server, then run: sh import.sh schema" ;;
schema)
  if command -v "${{CYPHER_SHELL:-cypher-shell}}" >/dev/null 2>&1; then
    "${{CYPHER_SHELL:-cypher-shell}}" -a "${{NEO4J_URI:-bolt://localhost:7687}}" -u "${{NEO4J_USER:-neo4j}}" \\
      -p "${{NEO4J_PASSWORD:-}}" -d "$DATABASE" -f schema.cypher
  else
    ${{KG:-kg}} schema apply --database "$DATABASE"{restore}
  fi ;;
*) echo "usage: sh import.sh import|schema" >&2; exit 2 ;;
esac
"""
    (folder / "import.sh").write_text(script, encoding="utf-8")
    (folder / "import.sh").chmod(0o755)
