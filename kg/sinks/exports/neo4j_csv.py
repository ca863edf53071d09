"""CSV files for ``neo4j-admin database import full``, with ``import.sh``; and a reader.

One file per label (``nodes_Agency.csv`` ...) and per relationship type
(``rels_CONDUCTS.csv`` ...), a header only when empty, in the import tool's header
dialect: ``id:ID`` (one id space: kg ids are unique over labels) and ``:LABEL`` for
nodes, ``:START_ID``, ``:END_ID`` and ``:TYPE`` for relationships, typed properties
(``mentions:long``, ``value:double``, ``masked:boolean``, ``aliases:string[]``).
The node's kg ``label`` is its Neo4j label and the edge's ``type`` its type, so
neither is also a property, as ``kg load`` writes them. Cells are written by
:func:`kg.sinks.exports.values.csv_cell` through pyarrow's CSV writer: text quoted,
a null an empty unquoted cell (neo4j-admin then leaves the property absent), list
elements joined by U+001F (``--array-delimiter=U+001F``), and text that a spreadsheet
would run as a formula guarded by a leading ``'``.

``import.sh`` runs the import (``sh import.sh import``, database stopped) and then,
with the server running, the schema step (``sh import.sh schema``): the constraints
and indexes of ``cypher/schema.cypher`` and, for each column where a guard was
written, one Cypher update that takes it off again (:func:`unguard_statements`), so
the database holds the exact values. It uses ``cypher-shell`` with the
``schema.cypher`` written beside it when there is one, else ``kg schema apply``.
CSV cannot tell an empty list from none: neo4j-admin imports neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kg.rows import TableRows, edge_schema, label_schema, node_schema, select, to_networkx, type_schema
from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.exports.tables import as_rows, batches, widen
from kg.sinks.exports.values import ARRAY_DELIMITER, GUARD, csv_cell, unguard

CSV_TYPES = {"str": "string", "int": "long", "float": "double", "bool": "boolean",
             "list[str]": "string[]", "list[int]": "long[]"}
_NODE_SPECIAL = {"id": "id:ID", "label": ":LABEL"}
_REL_SPECIAL = {"source": ":START_ID", "target": ":END_ID", "type": ":TYPE"}
_ARRAY_OPTION = f"U+{ord(ARRAY_DELIMITER):04X}"


def columns(name: str) -> list[str]:
    """The row columns of a label's or type's file, in file order (ids first, label or type last)."""
    if name in NODE_LABELS:
        return ["id", *(c for c in label_schema(name).names if c not in ("id", "label")), "label"]
    return ["source", "target", *(c for c in type_schema(name).names if c not in ("source", "target", "type")), "type"]


def header(name: str) -> list[str]:
    """The neo4j-admin header of a label's or type's file."""
    props = NODE_PROPERTIES[name] if name in NODE_LABELS else EDGE_PROPERTIES[name]
    special = _NODE_SPECIAL if name in NODE_LABELS else _REL_SPECIAL
    return [special.get(c) or f"{c}:{CSV_TYPES[props[c]]}" for c in columns(name)]


def file_name(name: str, suffix: str = ".csv") -> str:
    """``nodes_<Label><suffix>`` or ``rels_<TYPE><suffix>``."""
    return f"{'nodes' if name in NODE_LABELS else 'rels'}_{name}{suffix}"


def unguard_statements(guarded: Iterable[str]) -> list[str]:
    """The Cypher updates that take the CSV guard off the columns ``guarded`` after an import.

    Parameters
    ----------
    guarded : iterable of str
        ``Label.property`` or ``TYPE.property``; checked against :mod:`kg.schema`.

    Raises
    ------
    ValueError
        A name that is not a text property of a label or relationship type of the schema.
    """
    out = []
    for name in guarded:
        owner, _, prop = name.partition(".")
        props = NODE_PROPERTIES.get(owner) or (EDGE_PROPERTIES.get(owner) if owner in REL_TYPES else None)
        if not props or props.get(prop) not in ("str", "list[str]") or prop in ("label", "type"):
            raise ValueError(f"{name}: not a text property of a kg.schema label or relationship type")
        match = f"MATCH (n:{owner})" if owner in NODE_LABELS else f"MATCH ()-[n:{owner}]->()"
        g = f'"{GUARD}"'
        if props[prop] == "str":
            out.append(f"{match} WHERE n.{prop} STARTS WITH {g} SET n.{prop} = substring(n.{prop}, 1)")
        else:
            out.append(f"{match} WHERE any(x IN n.{prop} WHERE x STARTS WITH {g}) "
                       f"SET n.{prop} = [x IN n.{prop} | CASE WHEN x STARTS WITH {g} THEN substring(x, 1) ELSE x END]")
    return out


def write_import_script(folder: Path, nodes: list[str], rels: list[str], options: str, guarded: list[str]) -> None:
    """Write ``import.sh`` and the ``schema.cypher`` of its cypher-shell route into ``folder``."""
    from kg.sinks.neo4j import schema_statements

    statements = [*schema_statements(), *unguard_statements(guarded), "CALL db.awaitIndexes(300)"]
    (folder / "schema.cypher").write_text("".join(f"{s};\n" for s in statements), encoding="utf-8")
    files = " \\\n    ".join([*(f"--nodes={n}" for n in nodes), *(f"--relationships={r}" for r in rels)])
    unguard = "".join(f" --unguard {g}" for g in guarded)
    script = f"""#!/bin/sh
# Load this folder into Neo4j (5.26 or later) in two steps:
#   sh import.sh import   with the database stopped: neo4j-admin database import full
#   sh import.sh schema   with the server running: kg's constraints and indexes (and, when the CSV
#                         guard against spreadsheet formulas was written, its removal)
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
    ${{KG:-kg}} schema apply --database "$DATABASE"{unguard}
  fi ;;
*) echo "usage: sh import.sh import|schema" >&2; exit 2 ;;
esac
"""
    (folder / "import.sh").write_text(script, encoding="utf-8")
    (folder / "import.sh").chmod(0o755)


def _cells(table: pa.Table, name: str, guarded: set[str]) -> pa.Table:
    arrays = []
    for col in columns(name):
        cells, hit = csv_cell(table[col].combine_chunks())
        if hit and col not in ("source", "target"):  # ends match the guarded ids as written
            guarded.add(f"{name}.{col}")
        arrays.append(cells)
    return pa.table(arrays, names=header(name))


def write_neo4j_csv(graph, folder: str | Path) -> Path:
    """Write the import CSV files, ``import.sh`` and ``schema.cypher`` into ``folder``.

    Parameters
    ----------
    graph : kg.rows.Rows or networkx.MultiDiGraph
        The graph's rows (streamed, one batch at a time) or a graph following :mod:`kg.schema`.
    folder : str or Path
        The folder to write (made if missing).

    Returns
    -------
    Path
        ``folder``.
    """
    rows, folder = as_rows(graph), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    guarded: set[str] = set()
    files, writers = {}, {}
    try:
        for name in (*NODE_LABELS, *REL_TYPES):
            files[name] = (folder / file_name(name)).open("wb")
            files[name].write((",".join(header(name)) + "\n").encode())
        for kind, tables in (("label", rows.node_tables()), ("type", rows.edge_tables())):
            for table in batches(tables):
                for name in pc.unique(table[kind]).to_pylist():
                    cells = _cells(select(table, name), name, guarded)
                    if name not in writers:
                        writers[name] = pacsv.CSVWriter(files[name], cells.schema,
                                                        write_options=pacsv.WriteOptions(include_header=False))
                    writers[name].write_table(cells)
    finally:
        for w in writers.values():
            w.close()
        for f in files.values():
            f.close()
    options = f"--id-type=string --array-delimiter={_ARRAY_OPTION} --multiline-fields=true"
    write_import_script(folder, [file_name(n) for n in NODE_LABELS], [file_name(r) for r in REL_TYPES], options,
                        sorted(guarded))
    return folder


def _decode(cells: pa.Array, ptype: str) -> pa.Array:
    if ptype == "str":
        return unguard(cells)
    if ptype.startswith("list"):
        items = pc.split_pattern(pc.if_else(pc.equal(cells, ""), None, cells), ARRAY_DELIMITER)
        items = pc.if_else(pc.equal(cells, ""), pa.scalar([], items.type), items)
        values = items.flatten()
        values = unguard(values) if ptype == "list[str]" else pc.cast(values, pa.int64())
        return pa.ListArray.from_arrays(items.offsets, values, mask=items.is_null() if items.null_count else None)
    if ptype == "bool":
        return pc.equal(cells, "true")
    return pc.cast(cells, pa.int64() if ptype == "int" else pa.float64())


def read_neo4j_csv(folder: str | Path) -> nx.MultiDiGraph:
    """Read the files written by :func:`write_neo4j_csv` back into a graph (guards taken off)."""
    folder = Path(folder)
    nodes, edges = [], []
    for name in (*NODE_LABELS, *REL_TYPES):
        path = folder / file_name(name)
        cols = columns(name)
        props = NODE_PROPERTIES[name] if name in NODE_LABELS else {**EDGE_PROPERTIES[name], "source": "str",
                                                                   "target": "str"}
        table = pacsv.read_csv(path, read_options=pacsv.ReadOptions(column_names=cols, skip_rows=1),
                               convert_options=pacsv.ConvertOptions(
                                   column_types={c: pa.string() for c in cols}, strings_can_be_null=True,
                                   quoted_strings_can_be_null=False))
        decoded = pa.table([_decode(table[c].combine_chunks(), props[c]) for c in cols], names=cols)
        if name in NODE_LABELS:
            nodes.append(widen(decoded, node_schema()))
        else:
            edges.append(widen(decoded, edge_schema()))
    return to_networkx(TableRows(nodes, edges))
