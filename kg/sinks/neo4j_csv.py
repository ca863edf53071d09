"""CSV files for ``neo4j-admin database import full``.

One node file per label (``nodes_Agency.csv`` ...) and one relationship file
per type (``rels_CONDUCTS.csv`` ...), with the header conventions of the import
tool: ``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed
properties (``mentions:int``, ``masked:boolean``, ``value:double``), and
arrays as ``aliases:string[]`` joined with ``;`` (a ``;`` inside an element is
written as the full-width ``；``). Empty cells are absent properties.
``import.sh`` beside them holds the command line.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type

_CSV_TYPE = {"str": "string", "int": "int", "float": "double", "bool": "boolean",
             "list[str]": "string[]", "list[int]": "int[]"}
ARRAY_DELIMITER = ";"


def _cell(value: object, ptype: str) -> str:
    if value is None:
        return ""
    if ptype.startswith("list"):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in value)
    if ptype == "bool":
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _header(name: str, ptype: str) -> str:
    return name if ptype == "str" else f"{name}:{_CSV_TYPE[ptype]}"


def write_neo4j_import(g: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write the import CSV files and ``import.sh`` into ``folder``; return the CSV paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    node_files, rel_files = [], []
    for label in NODE_LABELS:
        check_label(label)
        props = {k: t for k, t in NODE_PROPERTIES[label].items() if k not in ("id", "label")}
        path = folder / f"nodes_{label}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID"] + [_header(k, t) for k, t in props.items()] + [":LABEL"])
            for n, a in g.nodes(data=True):
                if a.get("label") == label:
                    w.writerow([n] + [_cell(a.get(k), t) for k, t in props.items()] + [label])
        written.append(path)
        node_files.append(path.name)
    for rel in REL_TYPES:
        check_rel_type(rel)
        props = {k: t for k, t in EDGE_PROPERTIES[rel].items() if k != "type"}
        path = folder / f"rels_{rel}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID"] + [_header(k, t) for k, t in props.items()] + [":TYPE"])
            for u, v, a in g.edges(data=True):
                if a.get("type") == rel:
                    w.writerow([u, v] + [_cell(a.get(k), t) for k, t in props.items()] + [rel])
        written.append(path)
        rel_files.append(path.name)
    args = " \\\n  ".join([f"--nodes={f}" for f in node_files] + [f"--relationships={f}" for f in rel_files])
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Run from this folder with the database stopped; DATABASE defaults to neo4j.\n"
        f'neo4j-admin database import full "${{DATABASE:-neo4j}}" --overwrite-destination \\\n'
        f"  --array-delimiter=';' --multiline-fields=true \\\n  {args}\n",
        encoding="utf-8",
    )
    return written
