"""CSV files for ``neo4j-admin database import full``, with ``import.sh``; and a reader.

One file per label (``nodes_Agency.csv`` ...) and per relationship type
(``rels_CONDUCTS.csv`` ...), a header only when empty, in the import tool's header
dialect: ``id:ID`` (one id space: kg ids are unique over labels) and ``:LABEL`` for
nodes, ``:START_ID``, ``:END_ID`` and ``:TYPE`` for relationships, typed properties
(``mentions:long``, ``value:double``, ``masked:boolean``, ``aliases:string[]``).
The kg ``label``/``type`` is the Neo4j label/type, not also a property (as ``kg load``).
Cells come from :func:`kg.sinks.exports.values.csv_cell` through pyarrow's CSV writer:
text quoted, null an empty unquoted cell (the property absent), list elements joined
by U+001F, text a spreadsheet would run guarded by a leading ``'``. ``import.sh`` and
``schema.cypher`` load the folder with the exact values (:mod:`.neo4j_import`).
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kg.rows import TableRows, edge_schema, node_schema, select, to_networkx
from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES
from kg.sinks.exports.neo4j_import import columns, file_name, header, write_import_script
from kg.sinks.exports.tables import as_rows, batches, widen
from kg.sinks.exports.values import ARRAY_DELIMITER, csv_cell, unguard

_ARRAY_OPTION = f"U+{ord(ARRAY_DELIMITER):04X}"


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
    """Write the import CSV files, ``import.sh`` and ``schema.cypher`` into ``folder`` (made if missing); return it.

    Parameters
    ----------
    graph : kg.rows.Rows or networkx.MultiDiGraph
        Streamed a batch at a time (see :mod:`kg.sinks.exports`).
    folder : str or Path
    """
    rows, folder = as_rows(graph), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    seen, writers = _Columns(), {}
    with ExitStack() as stack:
        files = {n: stack.enter_context((folder / file_name(n)).open("wb")) for n in (*NODE_LABELS, *REL_TYPES)}
        for name, fh in files.items():
            fh.write((",".join(header(name)) + "\n").encode())
        for kind, tables in (("label", rows.node_tables()), ("type", rows.edge_tables())):
            for table in batches(tables):
                for name in pc.unique(table[kind]).to_pylist():
                    cells = seen.cells(select(table, name), name)
                    if name not in writers:
                        writers[name] = stack.enter_context(pacsv.CSVWriter(
                            files[name], cells.schema, write_options=pacsv.WriteOptions(include_header=False)))
                    writers[name].write_table(cells)
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
