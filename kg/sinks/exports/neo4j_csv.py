"""CSV files for ``neo4j-admin database import full``, with ``import.sh`` (:mod:`.neo4j_import`); and a reader.

One file per label (``nodes_Agency.csv`` ...) and per relationship type (``rels_CONDUCTS.csv`` ...), a
header only when empty. Cells are :func:`kg.sinks.exports.values.csv_cell` (spreadsheet-safe, list elements
joined by U+001F) through pyarrow's CSV writer: text quoted, null an empty unquoted cell (the property absent).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kg.rows import as_rows
from kg.sinks.exports.neo4j_import import (
    NAMES, file_name, header, typed_graph, typed_schema, typed_tables, write_import_script,
)
from kg.sinks.exports.values import ARRAY_DELIMITER, csv_cell, relist, unguard


def write_neo4j_csv(graph, folder: str | Path) -> Path:
    """Write the import CSV files, ``import.sh`` and ``schema.cypher`` into ``folder`` (made if missing); return it.

    Parameters
    ----------
    graph, folder
        The rows (streamed a batch at a time, see :mod:`kg.sinks.exports`) and the folder to write into.
    """
    rows, folder = as_rows(graph), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    seen = {"guarded": set(), "empty": set(), "null": set()}  # "Label.column"s that needed the guard, held [], null
    for name in NAMES:
        (folder / file_name(name)).write_bytes((",".join(header(name)) + "\n").encode())
    for name, table in typed_tables(rows):
        cells = []
        for col in table.column_names:
            values, key = table[col].combine_chunks(), f"{name}.{col}"
            text, hit = csv_cell(values)
            if hit and col not in ("source", "target"):  # ends match the guarded ids as written
                seen["guarded"].add(key)
            if pa.types.is_list(values.type) and pc.any(pc.equal(pc.list_value_length(values), 0)).as_py():
                seen["empty"].add(key)
            if values.null_count:
                seen["null"].add(key)
            cells.append(text)
        with (folder / file_name(name)).open("ab") as fh:
            pacsv.write_csv(pa.table(cells, names=header(name)), fh, pacsv.WriteOptions(include_header=False))
    write_import_script(folder, {n: file_name(n) for n in NAMES},
                        f"--id-type=string --array-delimiter=U+{ord(ARRAY_DELIMITER):04X} --multiline-fields=true",
                        sorted(seen["guarded"]), sorted(seen["empty"] - seen["null"]))
    return folder


def _decode(cells: pa.Array, ptype: pa.DataType) -> pa.Array:
    if pa.types.is_list(ptype):
        items = pc.split_pattern(cells, ARRAY_DELIMITER)
        items = pc.if_else(pc.equal(cells, ""), pa.scalar([], items.type), items)  # "" is the empty list
        return relist(items, _decode(items.flatten(), ptype.value_type))
    return unguard(cells) if pa.types.is_string(ptype) else pc.cast(cells, ptype)  # Arrow parses our numbers, booleans


def read_neo4j_csv(folder: str | Path) -> nx.MultiDiGraph:
    """Read the files written by :func:`write_neo4j_csv` back into a graph (guards taken off)."""
    parts = []
    for name in NAMES:  # every cell as text, null where it is empty and unquoted
        schema = typed_schema(name)
        names = pacsv.ReadOptions(column_names=schema.names, skip_rows=1)
        text = pacsv.ConvertOptions(column_types=dict.fromkeys(schema.names, pa.string()), strings_can_be_null=True,
                                    quoted_strings_can_be_null=False)
        cells = pacsv.read_csv(Path(folder) / file_name(name), names, convert_options=text)
        parts.append((name, pa.table([_decode(cells[f.name].combine_chunks(), f.type) for f in schema], schema=schema)))
    return typed_graph(parts)
