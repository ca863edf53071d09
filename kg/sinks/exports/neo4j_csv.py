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
and indexes of ``cypher/schema.cypher`` and the updates of :func:`restore_statements`
for the columns that need them, so the database holds the exact values: the guard
comes off, and empty lists, which neo4j-admin does not import from CSV, come back
(where a column has no null list; a column with both keeps nulls and empties absent).
It uses ``cypher-shell`` with the ``schema.cypher`` written beside it when there is
one, else ``kg schema apply``.
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


def _property(name: str, types: tuple[str, ...]) -> tuple[str, str, str]:
    owner, _, prop = name.partition(".")
    props = NODE_PROPERTIES.get(owner) or (EDGE_PROPERTIES.get(owner) if owner in REL_TYPES else None)
    if not props or props.get(prop) not in types or prop in ("label", "type"):
        raise ValueError(f"{name}: not a {' or '.join(types)} property of a kg.schema label or relationship type")
    return owner, prop, props[prop]


def _match(owner: str) -> str:
    return f"MATCH (n:{owner})" if owner in NODE_LABELS else f"MATCH ()-[n:{owner}]->()"


def restore_statements(guarded: Iterable[str] = (), empty_lists: Iterable[str] = ()) -> list[str]:
    """The Cypher updates that give an imported database the exact values CSV could not carry.

    Parameters
    ----------
    guarded : iterable of str
        ``Label.property`` or ``TYPE.property`` columns where the spreadsheet guard was written:
        one ``'`` comes off every value (or list element) that starts with it.
    empty_lists : iterable of str
        List columns that held empty lists and no null, which neo4j-admin leaves out: an
        absent value becomes ``[]`` again.

    Raises
    ------
    ValueError
        A name that is not a text (or list) property of a label or relationship type of :mod:`kg.schema`.
    """
    g = f'"{GUARD}"'
    out = []
    for name in guarded:
        owner, prop, ptype = _property(name, ("str", "list[str]"))
        if ptype == "str":
            out.append(f"{_match(owner)} WHERE n.{prop} STARTS WITH {g} SET n.{prop} = substring(n.{prop}, 1)")
        else:
            out.append(f"{_match(owner)} WHERE any(x IN n.{prop} WHERE x STARTS WITH {g}) "
                       f"SET n.{prop} = [x IN n.{prop} | CASE WHEN x STARTS WITH {g} THEN substring(x, 1) ELSE x END]")
    for name in empty_lists:
        owner, prop, _ = _property(name, ("list[str]", "list[int]"))
        out.append(f"{_match(owner)} WHERE n.{prop} IS NULL SET n.{prop} = []")
    return out


def write_import_script(folder: Path, nodes: list[str], rels: list[str], options: str, guarded: list[str] = (),
                        empty_lists: list[str] = ()) -> None:
    """Write the import CSV files, ``import.sh`` and ``schema.cypher`` into ``folder`` (made if missing); return it.

    Parameters
    ----------
    graph : kg.rows.Rows or networkx.MultiDiGraph
        Streamed a batch at a time (see :mod:`kg.sinks.exports`).
    folder : str or Path
    """
    from kg.sinks.neo4j import schema_statements

    statements = [*schema_statements(), *restore_statements(guarded, empty_lists), "CALL db.awaitIndexes(300)"]
    (folder / "schema.cypher").write_text("".join(f"{s};\n" for s in statements), encoding="utf-8")
    files = " \\\n    ".join([*(f"--nodes={n}" for n in nodes), *(f"--relationships={r}" for r in rels)])
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


class _Columns:
    """What the cells of each column needed: the guard, an empty list, a null list."""

    def __init__(self) -> None:
        self.guarded: set[str] = set()
        self.empty: set[str] = set()
        self.null: set[str] = set()

    def cells(self, table: pa.Table, name: str) -> pa.Table:
        arrays = []
        for col in columns(name):
            values = table[col].combine_chunks()
            cells, hit = csv_cell(values)
            if hit and col not in ("source", "target"):  # ends match the guarded ids as written
                self.guarded.add(f"{name}.{col}")
            if pa.types.is_list(values.type):
                if pc.any(pc.equal(pc.list_value_length(values), 0)).as_py():
                    self.empty.add(f"{name}.{col}")
                if values.null_count:
                    self.null.add(f"{name}.{col}")
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
    seen = _Columns()
    files, writers = {}, {}
    try:
        for name in (*NODE_LABELS, *REL_TYPES):
            files[name] = (folder / file_name(name)).open("wb")
            files[name].write((",".join(header(name)) + "\n").encode())
        for kind, tables in (("label", rows.node_tables()), ("type", rows.edge_tables())):
            for table in batches(tables):
                for name in pc.unique(table[kind]).to_pylist():
                    cells = seen.cells(select(table, name), name)
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
                        sorted(seen.guarded), sorted(seen.empty - seen.null))
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
