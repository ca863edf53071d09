"""Streaming file exports: render rows into byte chunks once, assemble files by concatenation.

Every file export of the graph (``graph.json``, ``graph.graphml``, ``graph.gexf`` and
``neo4j-import/``) is made in two steps that never need the whole graph in memory:

1. :func:`render_chunk` turns some rows -- nodes ``(id, attrs)`` and edges
   ``(source, target, key, attrs)`` with the attributes :func:`kg.graph.build_graph`
   puts on them -- into a :data:`Chunk`: a dict from *part name* to the rendered bytes
   of those rows in one format, without headers or footers. A chunk can be cached on
   disk and reused as long as its rows do not change.
2. :func:`write_files` writes the files from a stream of chunks in one pass: each
   file's header, then every chunk's node part in chunk order, then every chunk's
   edge part in chunk order, then the footer. Memory is bounded by the largest
   chunk, not by the corpus.

Writing a graph as one chunk or as any split of its rows into consecutive chunks
gives byte-identical files.

Incremental updates
-------------------
:func:`write_files_with_layout` also returns a :class:`Layout`: for every file,
where each chunk's node and edge bytes landed (offset and length, four integers
per chunk and file, picklable). :func:`update_files` takes that layout and a list
of items -- ``i`` for old chunk ``i`` unchanged, a :data:`Chunk` for new bytes --
and makes the files of ``write_files`` over the resolved list byte for byte,
copying the unchanged bytes from the files in place (``os.copy_file_range``, one
call per run of old parts that stand together) and writing only the new chunks.
Files in place that do not fit the layout raise :class:`LayoutMismatch` (a
``ValueError``) before anything is replaced: write in full then.

Part names
----------
``json:nodes``, ``json:edges``
    node-link JSON objects joined by ``,`` (no brackets); :func:`write_files` puts
    the ``,`` between the non-empty parts of consecutive chunks.
``graphml:nodes``, ``graphml:edges``, ``gexf:nodes``, ``gexf:edges``
    one XML element per line, each line ending in ``\\n``.
``csv:nodes_<Label>.csv``, ``csv:rels_<TYPE>.csv``
    one part per :data:`kg.schema.NODE_LABELS` and per :data:`kg.schema.REL_TYPES`:
    CSV rows (``\\r\\n`` terminated) for ``neo4j-admin database import``; a row goes
    to the part of its node label / relationship type; nodes and edges whose label
    or type is outside the schema have no CSV row (as before).
``jsonl:records`` (:data:`JSONL_PART`)
    JSON Lines records (each line ending in ``\\n``), written to ``extractions.jsonl``
    as they are when the format ``jsonl`` is asked for; :func:`render_chunk` does not
    make this part (records are not graph rows): the caller adds it to the chunk.

A chunk holds only the non-empty parts of the formats it was rendered for.

Formats
-------
:data:`FORMATS` (the default) are the graph exports below; :data:`ALL_FORMATS` adds
``jsonl``, written only when asked for: ``extractions.jsonl``, the chunks'
``jsonl:records`` parts concatenated (no header, separator or footer).

``json``: ``networkx.node_link_data(G, edges="edges")`` written with
``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``, byte for byte (a lone
surrogate in a string is written as its ``\\uXXXX`` escape, so it reads back).

``graphml``: keys declared up front from :data:`kg.schema.NODE_PROPERTIES` /
:data:`kg.schema.EDGE_PROPERTIES` (ids ``n_<name>``, ``e_<name>``, ``g_<name>`` for
node, edge and graph attributes; ``attr.type`` long, double, boolean or string), lists
as JSON text named by the graph attribute ``kg_json_attrs``, ``None`` left out, an
edge's key as the ``id`` of its ``<edge>`` element.

``gexf``: GEXF 1.2draft; a node's GEXF ``label`` is its ``name``; the attributes GEXF
reserves travel renamed (``label`` -> ``kg_label``, ``start`` -> ``char_start``,
``end`` -> ``char_end``, ``type`` -> ``rel_type``); node ids and edge ids (the ``id``
attribute, which is also the edge's key) are the element ids; attribute declarations
(numeric ids) up front from the schema; no modification date, so a rebuild of the
same graph gives the same bytes.

Both XML formats write one ``<node>``/``<edge>`` element per line.

An attribute that the schema does not declare cannot be declared in a GraphML or
GEXF header written before the rows, so rendering such a row for those formats
raises ``ValueError`` naming it (JSON and CSV do not need declarations).

XML text: ``&``, ``<``, ``>``, ``"`` and ``'`` are escaped, and ``\\t``, ``\\n``, ``\\r``
written as character references (so attribute values keep them). Characters that
XML 1.0 forbids -- C0 controls other than tab, newline and carriage return, lone
surrogates, U+FFFE and U+FFFF -- are replaced by U+FFFD (the replacement
character ``�``), so the file always parses; such a value reads back with ``�``
in place of each of those characters. Booleans are ``true``/``false``, floats
``repr`` (``NaN``, ``INF``, ``-INF`` for the special values).

``neo4j``: ``neo4j-import/nodes_<Label>.csv`` and ``rels_<TYPE>.csv`` (one per label
and type, a header only when empty) and ``import.sh``; see :mod:`kg.sinks.neo4j_csv`
for the dialect. In CSV a lone surrogate is replaced by U+FFFD.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import shutil
import sys
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type

#: part name -> rendered bytes of some rows (no headers or footers)
Chunk = dict[str, bytes]

#: the graph exports, written by default
FORMATS: tuple[str, ...] = ("json", "graphml", "gexf", "neo4j")
#: every format :func:`write_files` knows: the graph exports and ``jsonl`` (``extractions.jsonl``, on request)
ALL_FORMATS: tuple[str, ...] = (*FORMATS, "jsonl")
#: the part of the ``jsonl`` format: JSON Lines records, written as they are (no header, footer or separator)
JSONL_PART = "jsonl:records"
#: where :func:`write_files` puts each format inside ``out``
DEFAULT_NAMES: dict[str, str] = {
    "json": "graph.json", "graphml": "graph.graphml", "gexf": "graph.gexf", "neo4j": "neo4j-import",
    "jsonl": "extractions.jsonl",
}
#: the graph attributes of a kg graph (what ``build_graph`` sets)
DEFAULT_GRAPH_ATTRS: dict[str, object] = {"kg_schema": "kg/1"}
JSON_ATTRS = "kg_json_attrs"
GEXF_RENAME: dict[str, str] = {"label": "kg_label", "start": "char_start", "end": "char_end", "type": "rel_type"}
ARRAY_DELIMITER = ";"

_BUFFER = 1 << 18


# --------------------------------------------------------------------------- schema tables

def _merged(tables: Iterable[dict[str, str]]) -> dict[str, str]:
    """Attribute name -> schema type over several labels/types, in first-seen order."""
    out: dict[str, str] = {}
    for props in tables:
        for name, ptype in props.items():
            if out.setdefault(name, ptype) != ptype:
                raise ValueError(f"kg.schema gives {name!r} two types: {out[name]} and {ptype}")
    return out


NODE_ATTRS: dict[str, str] = _merged(NODE_PROPERTIES.values())
EDGE_ATTRS: dict[str, str] = _merged(EDGE_PROPERTIES.values())
#: the attributes whose values are lists, written as JSON text in GraphML and GEXF
LIST_ATTRS: tuple[str, ...] = tuple(sorted(
    {k for attrs in (NODE_ATTRS, EDGE_ATTRS) for k, t in attrs.items() if t.startswith("list")}
))
_XML_TYPE = {"str": "string", "int": "long", "float": "double", "bool": "boolean",
             "list[str]": "string", "list[int]": "string"}
_CSV_TYPE = {"str": "string", "int": "int", "float": "double", "bool": "boolean",
             "list[str]": "string[]", "list[int]": "int[]"}

# GEXF: numeric attribute ids (node and edge ids are element ids, not attvalues)
_GX_NODE_ATTRS = [k for k in NODE_ATTRS if k != "id"]
_GX_EDGE_ATTRS = [k for k in EDGE_ATTRS if k != "id"]
_GX_NODE_ID = {k: str(i) for i, k in enumerate(_GX_NODE_ATTRS)}
_GX_EDGE_ID = {k: str(i + len(_GX_NODE_ATTRS)) for i, k in enumerate(_GX_EDGE_ATTRS)}


# --------------------------------------------------------------------------- value rendering

_XML_BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_XML_SPECIAL = re.compile(f"[&<>\"'\t\n\r{_XML_BAD}]")
_XML_TABLE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&apos;",
              ord("\t"): "&#9;", ord("\n"): "&#10;", ord("\r"): "&#13;"}
_XML_TABLE.update({c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                         *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _xml_clean(s: str) -> bool:
    """True when ``s`` needs no escaping (a quick test; False may still need none)."""
    # every character XML 1.0 forbids, and tab, newline, carriage return, is not printable
    return s.isprintable() and not ("&" in s or "<" in s or ">" in s or '"' in s or "'" in s)


def xml_escape(s: str) -> str:
    """``s`` escaped for XML text and attribute values; characters XML 1.0 forbids become U+FFFD."""
    if _xml_clean(s) or _XML_SPECIAL.search(s) is None:
        return s
    return s.translate(_XML_TABLE)


def _xml_float(v: float) -> str:
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "INF" if v > 0 else "-INF"
    return repr(v)


def _utf8(s: str) -> bytes:
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s).encode("utf-8")


def _xml_row_error(what: str, ident: object, name: str) -> ValueError:
    return ValueError(f"{what} {ident!r}: attribute {name!r} is not in kg.schema, so GraphML/GEXF cannot declare it")


# CSV cells the csv module would not write as before: bools true/false, lists joined with ";"

def _cell_bool(v: object) -> str:
    if v is None:
        return ""
    return "true" if v else "false"


def _cell_list(v: object) -> str:
    if v is None:
        return ""
    return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, "；") for x in v)  # type: ignore[union-attr]


def csv_header(name: str, ptype: str) -> str:
    """The neo4j-admin import header of a property (``mentions:int``, ``aliases:string[]``, ``name``)."""
    return name if ptype == "str" else f"{name}:{_CSV_TYPE[ptype]}"


def node_csv_name(label: str) -> str:
    return f"nodes_{check_label(label)}.csv"


def rel_csv_name(rel: str) -> str:
    return f"rels_{check_rel_type(rel)}.csv"


def csv_headers() -> dict[str, list[str]]:
    """CSV file name -> header row, for every label and relationship type (in schema order)."""
    out = {}
    for label in NODE_LABELS:
        props = {k: t for k, t in NODE_PROPERTIES[label].items() if k not in ("id", "label")}
        out[node_csv_name(label)] = ["id:ID"] + [csv_header(k, t) for k, t in props.items()] + [":LABEL"]
    for rel in REL_TYPES:
        props = {k: t for k, t in EDGE_PROPERTIES[rel].items() if k != "type"}
        out[rel_csv_name(rel)] = [":START_ID", ":END_ID"] + [csv_header(k, t) for k, t in props.items()] + [":TYPE"]
    return out


def import_script(files: Iterable[str]) -> str:
    """The ``import.sh`` for the given CSV file names (node files, then relationship files)."""
    files = list(files)
    args = " \\\n  ".join([f"--nodes={f}" for f in files if f.startswith("nodes_")]
                          + [f"--relationships={f}" for f in files if f.startswith("rels_")])
    return ("#!/bin/sh\n# Run from this folder with the database stopped; DATABASE defaults to neo4j.\n"
            f'neo4j-admin database import full "${{DATABASE:-neo4j}}" --overwrite-destination \\\n'
            f"  --array-delimiter=';' --multiline-fields=true \\\n  {args}\n")


# --------------------------------------------------------------------------- rendering
#
# Rows come in few "shapes": the types of their ids, their label (type), their
# attribute names in order and the types of the values. For each shape one Python
# function is generated and compiled (once; see _compile) that renders a row of that
# shape in every format with f-strings: no loop over attributes, no per-value type
# tests, no templates parsed per row. The JSON it writes is what json.dumps(...,
# ensure_ascii=False, separators=(",", ":")) writes (the same string encoder, int and
# float repr, NaN/Infinity, null, the C encoder for anything else); the CSV cells are
# those of the previous writer, quoted by the csv module whenever a cell needs quotes.

_JSON_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_JSON_LIST = json.JSONEncoder(ensure_ascii=False)  # lists in GraphML/GEXF: "[2021, 2022]" as before
_MAX_SHAPES = 4096
_NONE = type(None)
_LISTLIKE = (list, tuple, set, dict)
#: (kind, formats) -> shape -> compiled row renderer
_RENDERERS: dict[tuple, dict[tuple, object]] = {}


def _json_float(v: float) -> str:
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return float.__repr__(v)


def _json_list_text(v: object) -> str:
    return _JSON_LIST.encode(sorted(v) if isinstance(v, set) else v)


def _csv_json(v: object) -> str:
    return json.dumps(v, ensure_ascii=False)


def _csv_row(cells: tuple) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(cells)
    return buf.getvalue()


#: names the generated code refers to
_GLOBALS = {
    "_jstr": json.encoder.encode_basestring,  # what json.dumps(ensure_ascii=False) uses for str
    "_jany": _JSON_COMPACT.encode, "_jfloat": _json_float, "_irepr": int.__repr__, "_frepr": float.__repr__,
    "_B": ("false", "true"), "_PyB": ("False", "True"), "_xfloat": _xml_float, "_xjson": _json_list_text,
    "_esc": xml_escape, "_cbool": _cell_bool, "_clist": _cell_list, "_cjson": _csv_json, "_crow": _csv_row,
}


def _fstr(pieces: list[tuple[bool, str]]) -> str:
    """Source of an f-string from (is code, text) pieces: literals via repr, code as {code}."""
    out = [f'f"{{{text}}}"' if is_code else repr(text) for is_code, text in pieces]
    return " ".join(out) if out else '""'


class _Source:
    """Lines of a generated function and a counter for fresh names."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0

    def add(self, line: str) -> None:
        self.lines.append("    " + line)

    def name(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"


def _json_code(src: _Source, fields: dict[object, tuple[str, type]]) -> str:
    """f-string source of a JSON object with ``fields`` (name -> (variable, type))."""
    pieces: list[tuple[bool, str]] = [(False, "{")]
    for i, (k, (var, t)) in enumerate(fields.items()):
        pieces.append((False, ("," if i else "") + _JSON_COMPACT.encode({k: 0})[1:-2]))
        if t is str:
            pieces.append((True, f"_jstr({var})"))
        elif t is int:
            pieces.append((True, f"_irepr({var})"))
        elif t is bool:
            pieces.append((True, f"_B[{var}]"))
        elif t is _NONE:
            pieces.append((False, "null"))
        elif t is float:
            pieces.append((True, f"_jfloat({var})"))
        else:
            pieces.append((True, f"_jany({var})"))
    pieces.append((False, "}"))
    return _fstr(pieces)


def _xml_code(src: _Source, kind: str, ident: object, ids: list[tuple[str, type]], keys: tuple,
              types: tuple, gm: bool, gx: bool) -> None:
    """Lines that append the GraphML and/or GEXF element of the row."""
    declared = NODE_ATTRS if kind == "node" else EDGE_ATTRS
    checked: list[str] = []  # text variables that may need escaping

    def text(var: str, t: type) -> str:
        if t is str:
            name = src.name("t")
            src.add(f"{name} = {var}")
            checked.append(name)
            return name
        if t is int:
            return f"_irepr({var})"
        if t is bool:
            return f"_B[{var}]"
        if t is float:
            return f"_xfloat({var})"
        name = src.name("t")
        src.add(f"{name} = {'_xjson' if issubclass(t, _LISTLIKE) else 'str'}({var})")
        checked.append(name)
        return name

    id_texts = [text(var, t) for var, t in ids]
    values: dict[str, str] = {}
    for i, (k, t) in enumerate(zip(keys, types)):
        if t is _NONE:
            continue
        if k not in declared:
            raise _xml_row_error(kind, ident, k)
        if issubclass(t, _LISTLIKE) and k not in LIST_ATTRS:
            raise ValueError(f"{kind} {ident!r}: attribute {k!r} holds a list but kg.schema says it does not")
        values[k] = text(f"x{i}", t)
    if checked:
        joined = checked[0] if len(checked) == 1 else _fstr([(True, c) for c in checked])
        src.add(f"c = {joined}")
        src.add("if not (c.isprintable() and '&' not in c and '<' not in c and '>' not in c"
                " and '\"' not in c and \"'\" not in c):")
        src.add(f"    {', '.join(checked)}, = {', '.join(f'_esc({c})' for c in checked)},")
    if kind == "node":
        (tn,) = id_texts
        gm_head = [(False, '<node id="'), (True, tn), (False, '">')]
        gx_head = [(False, '<node id="'), (True, tn), (False, '" label="'), (True, values.get("name", tn)),
                   (False, '"><attvalues>')]
        gx_ids, prefix = _GX_NODE_ID, "n_"
    else:
        tu, tv, tk = id_texts
        gm_head = [(False, '<edge source="'), (True, tu), (False, '" target="'), (True, tv), (False, '" id="'),
                   (True, tk), (False, '">')]
        gx_head = [(False, '<edge source="'), (True, tu), (False, '" target="'), (True, tv), (False, '" id="'),
                   (True, values.get("id", tk)), (False, '"><attvalues>')]
        gx_ids, prefix = _GX_EDGE_ID, "e_"
    if gm:
        pieces = list(gm_head)
        for k, code in values.items():
            pieces += [(False, f'<data key="{prefix}{k}">'), (True, code), (False, "</data>")]
        pieces.append((False, f"</{kind}>"))
        src.add(f"gm({_fstr(pieces)})")
    if gx:
        pieces = list(gx_head)
        for k, code in values.items():
            if k != "id":
                pieces += [(False, f'<attvalue for="{gx_ids[k]}" value="'), (True, code), (False, '"/>')]
        pieces.append((False, f"</attvalues></{kind}>"))
        src.add(f"gx({_fstr(pieces)})")


def _csv_code(src: _Source, part: str, ids: list[tuple[str, type]], cols: dict[str, str], keys: tuple,
              types: tuple, last: str) -> None:
    """Lines that append the row's CSV line to its part (the cells of kg.sinks.neo4j_csv)."""
    where = {k: i for i, k in enumerate(keys)}
    cells: list[tuple[bool, str]] = []  # (is code, text)
    checked: list[str] = []

    def cell(code: str, check: bool) -> None:
        if check:
            name = src.name("c")
            src.add(f"{name} = {code}")
            checked.append(name)
            code = name
        cells.append((True, code))

    for var, t in ids:
        cell(var if t is str else f"str({var})", True)
    for k, ptype in cols.items():
        i = where.get(k)
        t = _NONE if i is None else types[i]
        var = f"x{i}"
        if t is _NONE:
            cells.append((False, ""))
        elif ptype == "bool":
            cell(f"_B[{var}]" if t is bool else f"_cbool({var})", False)
        elif ptype.startswith("list"):
            cell(f"_clist({var})", True)
        elif t is str:
            cell(var, True)
        elif t is int:
            cell(f"_irepr({var})", False)
        elif t is float:
            cell(f"_frepr({var})", False)
        elif t is bool:
            cell(f"_PyB[{var}]", False)
        elif issubclass(t, (list, dict)):
            cell(f"_cjson({var})", True)
        else:
            cell(f"str({var})", True)
    cells.append((False, last))
    line: list[tuple[bool, str]] = []
    for i, piece in enumerate(cells):
        if i:
            line.append((False, ","))
        line.append(piece)
    line.append((False, "\r\n"))
    if checked:
        joined = checked[0] if len(checked) == 1 else _fstr([(True, c) for c in checked])
        src.add(f"q = {joined}")
        src.add("if ',' in q or '\"' in q or '\\n' in q or '\\r' in q:")
        src.add(f"    lines[{part!r}].append(_crow(({', '.join(c if code else repr(c) for code, c in cells)},)))")
        src.add("else:")
        src.add(f"    lines[{part!r}].append({_fstr(line)})")
    else:
        src.add(f"lines[{part!r}].append({_fstr(line)})")


def _compile(kind: str, shape: tuple, row_ident: object, formats: tuple[bool, bool, bool, bool]):
    """The renderer of rows of ``shape`` (see render_chunk), generated and compiled."""
    do_json, do_gm, do_gx, do_csv = formats
    nid = 1 if kind == "node" else 3
    id_types, tag = shape[:nid], shape[nid]
    m = (len(shape) - nid - 1) // 2
    keys, types = shape[nid + 1:nid + 1 + m], shape[nid + 1 + m:]
    id_vars = ["n"] if kind == "node" else ["u", "v", "kk"]
    ids = list(zip(id_vars, id_types))
    src = _Source()
    if m:
        src.add(f"{', '.join(f'x{i}' for i in range(m))}, = a.values()")
    if do_json:  # as networkx.node_link_data: {**a, "id": n} / {**a, "source": u, "target": v, "key": k}
        fields: dict[object, tuple[str, type]] = {k: (f"x{i}", t) for i, (k, t) in enumerate(zip(keys, types))}
        if kind == "node":
            fields["id"] = ids[0]
        else:
            fields["source"], fields["target"], fields["key"] = ids
        src.add(f"js({_json_code(src, fields)})")
    if do_csv:
        spec = (_CSV_NODE_COLS if kind == "node" else _CSV_REL_COLS).get(tag)
        if spec is not None:
            part, cols = spec
            _csv_code(src, part, ids[:2], cols, keys, types, tag)  # an edge's key is not a column
    if do_gm or do_gx:
        _xml_code(src, kind, row_ident, ids, keys, types, do_gm, do_gx)
    params = "n, a" if kind == "node" else "u, v, kk, a"
    code = f"def render({params}, js, gm, gx, lines):\n" + ("\n".join(src.lines) or "    pass") + "\n"
    namespace = dict(_GLOBALS)
    exec(compile(code, f"<kg.sinks.files {kind} renderer>", "exec"), namespace)  # noqa: S102 - our own source
    fn = namespace["render"]
    fn.source = code  # for debugging: print(fn.source)
    cache = _RENDERERS.setdefault((kind, formats), {})
    if len(cache) >= _MAX_SHAPES:
        cache.clear()
    cache[shape] = fn
    return fn


# label -> (part name, {column: schema type}); likewise per relationship type
_CSV_NODE_COLS = {label: ("csv:" + node_csv_name(label),
                          {k: t for k, t in NODE_PROPERTIES[label].items() if k not in ("id", "label")})
                  for label in NODE_LABELS}
_CSV_REL_COLS = {rel: ("csv:" + rel_csv_name(rel), {k: t for k, t in EDGE_PROPERTIES[rel].items() if k != "type"})
                 for rel in REL_TYPES}


def render_chunk(
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, str, dict]],
    formats: Iterable[str] = FORMATS,
) -> Chunk:
    """Render rows in every export format (or only ``formats``).

    Parameters
    ----------
    nodes : iterable of (node id, attrs)
        Node rows as ``G.nodes(data=True)`` gives them.
    edges : iterable of (source, target, key, attrs)
        Edge rows as ``G.edges(keys=True, data=True)`` gives them.
    formats : iterable of str
        A subset of :data:`ALL_FORMATS` (``"neo4j"`` renders the ``csv:`` parts;
        ``"jsonl"`` renders nothing: its records are not graph rows, the caller
        puts them in the chunk as :data:`JSONL_PART`).

    Returns
    -------
    Chunk
        The non-empty parts (see the module docstring for the names).

    Raises
    ------
    ValueError
        For GraphML or GEXF, a row with an attribute that :mod:`kg.schema` does not
        declare, or a list in an attribute the schema does not type as a list.
    """
    formats = frozenset(formats)
    unknown = formats - set(ALL_FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    flags = ("json" in formats, "graphml" in formats, "gexf" in formats, "neo4j" in formats)
    js_n: list[str] = []
    js_e: list[str] = []
    gm_n: list[str] = []
    gm_e: list[str] = []
    gx_n: list[str] = []
    gx_e: list[str] = []
    lines: defaultdict[str, list[str]] = defaultdict(list)

    cache = _RENDERERS.setdefault(("node", flags), {})
    js, gm, gx = js_n.append, gm_n.append, gx_n.append
    for n, a in nodes:
        tag = a.get("label")
        shape = (type(n), tag if type(tag) is str else None, *a, *map(type, a.values()))
        fn = cache.get(shape)
        if fn is None:
            fn = _compile("node", shape, n, flags)
            cache = _RENDERERS[("node", flags)]
        fn(n, a, js, gm, gx, lines)

    cache = _RENDERERS.setdefault(("edge", flags), {})
    js, gm, gx = js_e.append, gm_e.append, gx_e.append
    for u, v, key, a in edges:
        tag = a.get("type")
        shape = (type(u), type(v), type(key), tag if type(tag) is str else None, *a, *map(type, a.values()))
        fn = cache.get(shape)
        if fn is None:
            fn = _compile("edge", shape, key, flags)
            cache = _RENDERERS[("edge", flags)]
        fn(u, v, key, a, js, gm, gx, lines)

    chunk: Chunk = {}
    if js_n:
        chunk["json:nodes"] = _json_join(js_n)
    if js_e:
        chunk["json:edges"] = _json_join(js_e)
    if gm_n:
        chunk["graphml:nodes"] = _lines(gm_n)
    if gm_e:
        chunk["graphml:edges"] = _lines(gm_e)
    if gx_n:
        chunk["gexf:nodes"] = _lines(gx_n)
    if gx_e:
        chunk["gexf:edges"] = _lines(gx_e)
    for part, part_lines in lines.items():
        chunk[part] = _utf8("".join(part_lines))
    return chunk


def _json_dumps(obj: object) -> str:
    return _JSON_COMPACT.encode(obj)


def _json_join(items: list[str]) -> bytes:
    # a lone surrogate can only stand inside a JSON string: its \uXXXX escape reads back as itself
    return ",".join(items).encode("utf-8", "backslashreplace")


def _lines(items: list[str]) -> bytes:
    items.append("")
    return "\n".join(items).encode("utf-8")


def render_graph(g, formats: Iterable[str] = FORMATS, batch: int = 1000) -> Iterator[Chunk]:
    """Chunks of ``g`` (a ``networkx.MultiDiGraph``): its nodes, then its edges, ``batch`` rows at a time."""
    formats = tuple(formats)
    rows: list = []
    for row in g.nodes(data=True):
        rows.append(row)
        if len(rows) >= batch:
            yield render_chunk(rows, (), formats)
            rows = []
    if rows:
        yield render_chunk(rows, (), formats)
        rows = []
    for row in g.edges(keys=True, data=True):
        rows.append(row)
        if len(rows) >= batch:
            yield render_chunk((), rows, formats)
            rows = []
    if rows:
        yield render_chunk((), rows, formats)


# --------------------------------------------------------------------------- headers and footers

def _graph_scalars(graph: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in graph.items() if isinstance(v, (str, int, float, bool)) and k != JSON_ATTRS}


def _graph_text(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return _xml_float(v) if isinstance(v, float) else str(v)


def _python_xml_type(v: object) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    return "string"


def json_header(graph: Mapping[str, object]) -> bytes:
    head = _json_dumps({"directed": True, "multigraph": True, "graph": dict(graph)})
    return (head[:-1] + ',"nodes":[').encode("utf-8", "backslashreplace")


JSON_MIDDLE = b'],"edges":['
JSON_FOOTER = b"]}"


def graphml_header(graph: Mapping[str, object]) -> bytes:
    scalars = _graph_scalars(graph)
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for k, v in scalars.items():
        lines.append(f'<key id="g_{xml_escape(k)}" for="graph" attr.name="{xml_escape(k)}" '
                     f'attr.type="{_python_xml_type(v)}"/>')
    lines.append(f'<key id="g_{JSON_ATTRS}" for="graph" attr.name="{JSON_ATTRS}" attr.type="string"/>')
    for k, t in NODE_ATTRS.items():
        lines.append(f'<key id="n_{k}" for="node" attr.name="{k}" attr.type="{_XML_TYPE[t]}"/>')
    for k, t in EDGE_ATTRS.items():
        lines.append(f'<key id="e_{k}" for="edge" attr.name="{k}" attr.type="{_XML_TYPE[t]}"/>')
    lines.append('<graph edgedefault="directed">')
    for k, v in scalars.items():
        lines.append(f'<data key="g_{xml_escape(k)}">{xml_escape(_graph_text(v))}</data>')
    lines.append(f'<data key="g_{JSON_ATTRS}">{xml_escape(json.dumps(list(LIST_ATTRS)))}</data>')
    lines.append("")
    return "\n".join(lines).encode("utf-8")


GRAPHML_MIDDLE = b""
GRAPHML_FOOTER = b"</graph>\n</graphml>\n"


def gexf_header() -> bytes:
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
        "<meta><creator>kg</creator></meta>",
        '<graph defaultedgetype="directed" mode="static" name="">',
        '<attributes mode="static" class="node">',
    ]
    for k in _GX_NODE_ATTRS:
        lines.append(f'<attribute id="{_GX_NODE_ID[k]}" title="{GEXF_RENAME.get(k, k)}" '
                     f'type="{_XML_TYPE[NODE_ATTRS[k]]}"/>')
    lines.append("</attributes>")
    lines.append('<attributes mode="static" class="edge">')
    for k in _GX_EDGE_ATTRS:
        lines.append(f'<attribute id="{_GX_EDGE_ID[k]}" title="{GEXF_RENAME.get(k, k)}" '
                     f'type="{_XML_TYPE[EDGE_ATTRS[k]]}"/>')
    lines.append("</attributes>")
    lines.append("<nodes>")
    lines.append("")
    return "\n".join(lines).encode("utf-8")


GEXF_MIDDLE = b"</nodes>\n<edges>\n"
GEXF_FOOTER = b"</edges>\n</graph>\n</gexf>\n"


# --------------------------------------------------------------------------- assembly
#
# Every output file is one or two *sections* between fixed bytes:
#   graph.json / .graphml / .gexf   header, node section, middle, edge section, footer
#   neo4j-import/*.csv              header row, one section
#   extractions.jsonl               one section (no header or footer)
# A section is the chunks' parts of that file in chunk order (JSON puts "," between
# non-empty ones). The writers note where each chunk's part landed: a Layout.


class LayoutMismatch(ValueError):
    """The files in place are not the ones a :class:`Layout` describes (missing, other size or bytes, written again).

    :func:`update_files` raises it before it writes anything the caller could see;
    write the files in full with :func:`write_files` instead.
    """


_SPANS = "q"  # array typecode of spans: signed 64-bit


@dataclass
class FileLayout:
    """Where the bytes of one written file are.

    ``nodes`` and ``edges`` hold two integers per chunk, ``offset, length``: the
    bytes of that chunk's part in the file (without the ``,`` JSON puts between
    parts; a chunk without that part has length 0 and the offset where it would
    be). Files with one section (CSV, JSONL) have their parts in ``nodes`` and an
    empty ``edges``.
    """

    size: int  #: bytes of the whole file
    header: int  #: bytes of the header, at offset 0
    middle: tuple[int, int]  #: (offset, length) of the bytes between the two sections; length 0 if one section
    footer: tuple[int, int]  #: (offset, length) of the footer; ``(size, 0)`` when there is none
    nodes: array = field(default_factory=lambda: array(_SPANS))
    edges: array = field(default_factory=lambda: array(_SPANS))
    #: (st_ino, st_mtime_ns) of the file when written: a file written again since (even with the
    #: same size) no longer fits; None: not checked. Not compared by ``==``.
    stamp: tuple[int, int] | None = field(default=None, compare=False)

    def node_span(self, i: int) -> tuple[int, int]:
        """(offset, length) of chunk ``i``'s node part (the only part of a one-section file)."""
        return self.nodes[2 * i], self.nodes[2 * i + 1]

    def edge_span(self, i: int) -> tuple[int, int]:
        """(offset, length) of chunk ``i``'s edge part."""
        return self.edges[2 * i], self.edges[2 * i + 1]


@dataclass
class Layout:
    """Where every chunk's bytes landed in the files of one :func:`write_files_with_layout`.

    Picklable and small: four integers per chunk and file (arrays of int64). Keys
    of ``files``: the format for ``json``, ``graphml``, ``gexf``, ``jsonl``, and
    ``neo4j/<file name>`` for each CSV file of ``neo4j-import`` (``import.sh`` is
    not tracked; :func:`update_files` writes it again).
    """

    chunks: int  #: how many chunks were written
    formats: tuple[str, ...]  #: the formats written
    files: dict[str, FileLayout] = field(default_factory=dict)


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class _Sink:
    """An output file written through its fd: small writes gathered, ranges of another file copied in the kernel."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.fh = open(tmp, "wb", buffering=0)  # noqa: SIM115 - closed in close/abort
        self.fd = self.fh.fileno()
        self.buf = bytearray()
        self.pos = 0

    def write(self, data: bytes) -> None:
        self.pos += len(data)
        if len(data) >= _BUFFER:
            self.flush()
            _write_all(self.fd, data)
            return
        self.buf += data
        if len(self.buf) >= _BUFFER:
            self.flush()

    def flush(self) -> None:
        if self.buf:
            _write_all(self.fd, self.buf)
            self.buf.clear()

    def copy(self, src_fd: int, offset: int, count: int) -> None:
        if count <= 0:
            return
        self.flush()
        copy_range(src_fd, self.fd, offset, count)
        self.pos += count

    def close(self) -> None:
        self.flush()
        self.fh.close()

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


#: errors of os.copy_file_range that mean "not here": copy through user space instead
_NO_COPY_FILE_RANGE = {errno.ENOSYS, errno.EXDEV, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPERM,
                       errno.EACCES, errno.ETXTBSY}


def copy_range(src_fd: int, dst_fd: int, offset: int, count: int) -> None:
    """Append ``count`` bytes of ``src_fd`` from ``offset`` at ``dst_fd``'s position.

    ``os.copy_file_range`` (in the kernel, no copy through Python) where the system
    has it, else a ``pread``/``write`` loop. Raises :class:`LayoutMismatch` if the
    source ends first.
    """
    cfr = getattr(os, "copy_file_range", None)
    while count > 0:
        n = 0
        if cfr is not None:
            try:
                n = cfr(src_fd, dst_fd, min(count, 1 << 30), offset)
            except OSError as exc:
                if exc.errno not in _NO_COPY_FILE_RANGE:
                    raise
                cfr = None
                continue
            if n == 0:  # some file systems copy nothing rather than fail: try the plain way
                cfr = None
                continue
        else:
            data = os.pread(src_fd, min(count, 1 << 20), offset)
            if not data:
                raise LayoutMismatch(f"the file ended {count} bytes before the layout says")
            _write_all(dst_fd, data)
            n = len(data)
        offset += n
        count -= n


class _Stream:
    """One output file: header, node parts, middle, edge parts (spooled to a temp file beside it), footer.

    A one-section file (CSV, JSONL) has only node parts and no middle or footer.
    """

    def __init__(self, path: Path, header: bytes, middle: bytes = b"", footer: bytes = b"", sep: bytes = b"",
                 two: bool = True) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.edges_tmp = path.with_name(path.name + ".edges.tmp")
        self.header, self.middle, self.footer, self.sep, self.two = header, middle, footer, sep, two
        self.fh: IO[bytes] = open(self.tmp, "wb", buffering=_BUFFER)  # noqa: SIM115 - closed in finish/abort
        self.efh: IO[bytes] | None = None
        self.fh.write(header)
        self.pos = len(header)  # bytes in fh
        self.epos = 0  # bytes in the edge spool
        self.nodes, self.edges = array(_SPANS), array(_SPANS)
        self.n_span = self.e_span = None  # this chunk's spans, until end_chunk
        self.size = 0

    def node(self, data: bytes) -> None:
        if self.sep and self.pos > len(self.header):
            self.fh.write(self.sep)
            self.pos += len(self.sep)
        self.fh.write(data)
        self.n_span = (self.pos, len(data))
        self.pos += len(data)

    def edge(self, data: bytes) -> None:
        if self.efh is None:
            self.efh = open(self.edges_tmp, "w+b", buffering=_BUFFER)  # noqa: SIM115
        if self.sep and self.epos:
            self.efh.write(self.sep)
            self.epos += len(self.sep)
        self.efh.write(data)
        self.e_span = (self.epos, len(data))
        self.epos += len(data)

    def end_chunk(self) -> None:
        self.nodes.extend(self.n_span or (self.pos, 0))
        if self.two:
            self.edges.extend(self.e_span or (self.epos, 0))  # spool offsets; moved in finish
        self.n_span = self.e_span = None

    def finish(self) -> None:
        """Write middle, edge parts and footer into ``NAME.tmp`` (moved into place by ``_replace_all``)."""
        self.fh.write(self.middle)
        base = self.pos + len(self.middle)
        if self.efh is not None:
            self.efh.flush()
            self.efh.seek(0)
            shutil.copyfileobj(self.efh, self.fh, 1 << 20)
            self.efh.close()
            self.efh = None
            os.unlink(self.edges_tmp)
        self.fh.write(self.footer)
        self.fh.close()
        if base:
            for i in range(0, len(self.edges), 2):
                self.edges[i] += base
        self.size = base + self.epos + len(self.footer)

    def layout(self) -> FileLayout:
        mid = (self.pos, len(self.middle))
        return FileLayout(size=self.size, header=len(self.header), middle=mid,
                          footer=(self.size - len(self.footer), len(self.footer)), nodes=self.nodes, edges=self.edges)

    def abort(self) -> None:
        for fh in (self.fh, self.efh):
            if fh is not None:
                with contextlib.suppress(OSError):
                    fh.close()
        for p in (self.tmp, self.edges_tmp):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(p)


def _csv_header_bytes(header: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerow(header)
    return buf.getvalue().encode("utf-8")


@dataclass
class _FileSpec:
    """What one output file is made of."""

    key: str  # Layout.files key
    path: Path
    header: bytes
    middle: bytes
    footer: bytes
    sep: bytes
    node_part: str
    edge_part: str | None  # None: a one-section file


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(formats))
    unknown = set(formats) - set(ALL_FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    return formats


def _targets(out: str | Path, formats: tuple[str, ...], paths: Mapping[str, str | Path] | None) -> dict[str, Path]:
    out = Path(out)
    targets = {f: Path(paths[f]) if paths and f in paths else out / DEFAULT_NAMES[f] for f in formats}
    for f, p in targets.items():
        (p if f == "neo4j" else p.parent).mkdir(parents=True, exist_ok=True)
    return targets


def _specs(targets: dict[str, Path], graph: Mapping[str, object]) -> list[_FileSpec]:
    specs = []
    if "json" in targets:
        specs.append(_FileSpec("json", targets["json"], json_header(graph), JSON_MIDDLE, JSON_FOOTER, b",",
                               "json:nodes", "json:edges"))
    if "graphml" in targets:
        specs.append(_FileSpec("graphml", targets["graphml"], graphml_header(graph), GRAPHML_MIDDLE,
                               GRAPHML_FOOTER, b"", "graphml:nodes", "graphml:edges"))
    if "gexf" in targets:
        specs.append(_FileSpec("gexf", targets["gexf"], gexf_header(), GEXF_MIDDLE, GEXF_FOOTER, b"",
                               "gexf:nodes", "gexf:edges"))
    if "neo4j" in targets:
        for name, header in csv_headers().items():
            specs.append(_FileSpec("neo4j/" + name, targets["neo4j"] / name, _csv_header_bytes(header), b"", b"",
                                   b"", "csv:" + name, None))
    if "jsonl" in targets:
        specs.append(_FileSpec("jsonl", targets["jsonl"], b"", b"", b"", b"", JSONL_PART, None))
    return specs


def _skipped(targets: Mapping[str, Path]) -> tuple[set[str], bool]:
    """Part names of formats not asked for (ignored), and whether ``csv:`` parts are ignored."""
    skip = {f"{f}:{side}" for f in ("json", "graphml", "gexf") if f not in targets for side in ("nodes", "edges")}
    if "jsonl" not in targets:
        skip.add(JSONL_PART)
    return skip, "neo4j" not in targets


def _stamp(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


#: hold replaced files open across os.replace and close them on a thread (POSIX: an open file can be replaced)
_DEFER_FREE = os.name == "posix"


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


_RENAMEAT2 = _load_renameat2()
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _move(tmp: Path, path: Path) -> None:
    """Put ``tmp`` in place of ``path`` atomically.

    Where Linux can swap the two names (renameat2 RENAME_EXCHANGE) they are
    swapped and the old file, now under the temporary name, is removed: ext4
    flushes a file renamed over another at once (``auto_da_alloc``), which
    made the move of a gigabyte of exports cost seconds; a swap does not.
    Elsewhere, or when the swap fails (no ``path`` yet, another filesystem),
    it is ``os.replace``.
    """
    if _RENAMEAT2 is not None and os.path.exists(path):
        if _RENAMEAT2(_AT_FDCWD, os.fsencode(tmp), _AT_FDCWD, os.fsencode(path), _RENAME_EXCHANGE) == 0:
            os.unlink(tmp)
            return
    os.replace(tmp, path)


def _replace_all(moves: list[tuple[Path, Path]], held: list[int] | None = None) -> None:
    """``os.replace(tmp, path)`` for each move; the files replaced are freed on a thread.

    Freeing the blocks of a large file takes time (on this ext4, mounted with
    ``discard``, about 0.5 s per GB), paid by whoever drops its last reference. With
    the replaced file still open (``held``: open fds of the paths; ``None``: open
    each path that exists) ``os.replace`` only drops the name, and the last close,
    which frees the blocks, runs on a background (non-daemon) thread. Where an open
    file cannot be replaced (not POSIX) the files are closed first.
    """
    fds = list(held or ())
    posix = _DEFER_FREE
    if not posix:
        _close_all(fds)
        fds = []
    try:
        for tmp, path in moves:
            if posix and held is None:
                with contextlib.suppress(OSError):
                    fds.append(os.open(path, os.O_RDONLY))
            _move(tmp, path)
    finally:
        if fds:
            threading.Thread(target=_close_all, args=(fds,), name="kg-files-free", daemon=False).start()


def _write_import_script(folder: Path) -> None:
    script = folder / "import.sh"
    tmp = script.with_name("import.sh.tmp")
    tmp.write_text(import_script(csv_headers()), encoding="utf-8")
    os.replace(tmp, script)


def write_files(
    out: str | Path,
    chunks: Iterable[Chunk],
    formats: Iterable[str] = FORMATS,
    *,
    graph: Mapping[str, object] | None = None,
    paths: Mapping[str, str | Path] | None = None,
) -> dict[str, Path]:
    """Write the file exports from ``chunks`` in one pass.

    Parameters
    ----------
    out : path
        The output folder (created): ``graph.json``, ``graph.graphml``, ``graph.gexf``
        and ``neo4j-import/`` go there, ``extractions.jsonl`` when ``"jsonl"`` is
        asked for (see :data:`DEFAULT_NAMES`).
    chunks : iterable of Chunk
        From :func:`render_chunk`, in row order; parts of formats not asked for are ignored.
    formats : iterable of str
        Which of :data:`ALL_FORMATS` to write (default :data:`FORMATS`, without ``jsonl``).
    graph : mapping, optional
        The graph attributes (default :data:`DEFAULT_GRAPH_ATTRS`): JSON keeps them all,
        GraphML the scalar ones, GEXF none.
    paths : mapping, optional
        Format -> destination instead of the default inside ``out`` (a file; for
        ``neo4j`` a folder).

    Returns
    -------
    dict
        Format -> the path written (for ``neo4j`` the folder).

    Every file is written as ``NAME.tmp`` (edge parts spooled to ``NAME.edges.tmp``)
    and moved into place with ``os.replace`` when all chunks are in; on an error the
    temp files are removed and files of an earlier build stay as they were. Memory
    is bounded by the largest chunk. :func:`write_files_with_layout` does the same
    and also says where each chunk's bytes landed.
    """
    return write_files_with_layout(out, chunks, formats, graph=graph, paths=paths)[0]


def write_files_with_layout(
    out: str | Path,
    chunks: Iterable[Chunk],
    formats: Iterable[str] = FORMATS,
    *,
    graph: Mapping[str, object] | None = None,
    paths: Mapping[str, str | Path] | None = None,
) -> tuple[dict[str, Path], Layout]:
    """:func:`write_files`, returning also the :class:`Layout` of the files written.

    Keep the layout (it pickles) to make the next files with :func:`update_files`.
    """
    formats = _check_formats(formats)
    graph = dict(DEFAULT_GRAPH_ATTRS if graph is None else graph)
    targets = _targets(out, formats, paths)
    streams: dict[str, _Stream] = {}  # Layout key -> writer
    routes: dict[str, tuple[_Stream, bool]] = {}  # part name -> (writer, is edge part)
    try:
        for spec in _specs(targets, graph):
            s = _Stream(spec.path, spec.header, spec.middle, spec.footer, spec.sep, two=spec.edge_part is not None)
            streams[spec.key] = s
            routes[spec.node_part] = (s, False)
            if spec.edge_part is not None:
                routes[spec.edge_part] = (s, True)
        skip, skip_csv = _skipped(targets)
        writers = list(streams.values())

        n = 0
        for chunk in chunks:
            for part, data in chunk.items():
                if not data:
                    continue
                route = routes.get(part)
                if route is None:
                    if part in skip or (skip_csv and part.startswith("csv:")):
                        continue
                    raise ValueError(f"unknown chunk part: {part!r}")
                w, is_edge = route
                if is_edge:
                    w.edge(data)
                else:
                    w.node(data)
            for w in writers:
                w.end_chunk()
            n += 1
        for w in writers:
            w.finish()
        _replace_all([(w.tmp, w.path) for w in writers])
        if "neo4j" in targets:
            _write_import_script(targets["neo4j"])
    except BaseException:
        for w in streams.values():
            w.abort()
        raise
    files = {k: w.layout() for k, w in streams.items()}
    for k, w in streams.items():
        files[k].stamp = _stamp(w.path)
    return targets, Layout(chunks=n, formats=formats, files=files)


def _old_file(spec: _FileSpec, fl: FileLayout | None, chunks: int) -> int:
    """Open the file in place for reading after checking it against its layout; its fd."""
    if fl is None:
        raise LayoutMismatch(f"{spec.path}: not in the layout")
    if not isinstance(fl.nodes, array) or not isinstance(fl.edges, array):
        raise LayoutMismatch(f"{spec.path}: not a layout of this kg")
    if len(fl.nodes) != 2 * chunks or len(fl.edges) != (2 * chunks if spec.edge_part is not None else 0):
        raise LayoutMismatch(f"{spec.path}: the layout has spans for another number of chunks")
    try:
        fd = os.open(spec.path, os.O_RDONLY)
    except FileNotFoundError:
        raise LayoutMismatch(f"{spec.path}: missing") from None
    try:
        st = os.fstat(fd)
        if st.st_size != fl.size:
            raise LayoutMismatch(f"{spec.path}: {st.st_size} bytes, the layout says {fl.size}")
        if fl.stamp is not None and fl.stamp != (st.st_ino, st.st_mtime_ns):
            raise LayoutMismatch(f"{spec.path}: written again since the layout was made")
        for (off, n), want in ((fl.middle, spec.middle), (fl.footer, spec.footer)):
            if n != len(want) or os.pread(fd, n, off) != want:
                raise LayoutMismatch(f"{spec.path}: not the bytes the layout says at offset {off}")
        if spec.edge_part is None and spec.header:  # a CSV header row is fixed: check it too
            if fl.header != len(spec.header) or os.pread(fd, fl.header, 0) != spec.header:
                raise LayoutMismatch(f"{spec.path}: another header than the layout's")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _update_section(sink: _Sink, src: int, items: list, old: array, part: str, sep: bytes) -> array:
    """Write one section of the new file: old parts copied (consecutive ones in one copy), new ones written."""
    spans = array(_SPANS)
    k = len(sep)
    pos = sink.pos  # logical position: sink.pos plus the pending run
    run_off = run_end = -1  # the old byte range still to copy
    started = False  # a non-empty part is in the section (JSON needs a separator before the next)
    for item in items:
        if type(item) is int:
            off, n = old[2 * item], old[2 * item + 1]
            if n == 0:
                spans.extend((pos, 0))
                continue
            if started:
                pos += k
            if run_end >= 0 and off == run_end + k:  # the next non-empty part in the old file: same run
                run_end = off + n
            else:
                if run_end >= 0:
                    sink.copy(src, run_off, run_end - run_off)
                if started:
                    sink.write(sep)
                run_off, run_end = off, off + n
            spans.extend((pos, n))
            pos += n
        else:
            data = item.get(part)
            if not data:
                spans.extend((pos, 0))
                continue
            if run_end >= 0:
                sink.copy(src, run_off, run_end - run_off)
                run_off = run_end = -1
            if started:
                sink.write(sep)
                pos += k
            sink.write(data)
            spans.extend((pos, len(data)))
            pos += len(data)
        started = True
    if run_end >= 0:
        sink.copy(src, run_off, run_end - run_off)
    assert sink.pos == pos, (sink.pos, pos)
    return spans


def update_files(
    out: str | Path,
    old: Layout,
    items: Sequence[int | Chunk],
    formats: Iterable[str] = FORMATS,
    *,
    graph: Mapping[str, object] | None = None,
    paths: Mapping[str, str | Path] | None = None,
) -> tuple[dict[str, Path], Layout]:
    """Make new files from the files in place and a few new chunks.

    Parameters
    ----------
    out, formats, graph, paths
        As for :func:`write_files`; the files in place (at those paths) are the ones
        ``old`` describes.
    old : Layout
        The layout of the files in place, from :func:`write_files_with_layout` or
        an earlier :func:`update_files`.
    items : sequence of int or Chunk
        The chunks of the new files, in order: an ``int`` ``i`` is chunk ``i`` of the
        old files, unchanged (its bytes are copied from the file in place), a
        :data:`Chunk` is new (the new chunks are held in memory: meant for a few).

    Returns
    -------
    (dict, Layout)
        Format -> the path written, and the layout of the new files.

    The files are byte for byte those of ``write_files(out, chunks)`` with every
    ``int`` replaced by the old chunk it names. Runs of old parts that stand next to
    each other in the old file are copied with one ``os.copy_file_range`` (a
    ``pread``/``write`` loop where that is missing); headers, separators and
    footers are written anew. Each file is written as ``NAME.tmp``; the files are
    moved into place with ``os.replace`` once all are written, and on an error the
    temp files are removed and the files in place stay as they were.

    Raises
    ------
    LayoutMismatch
        (a ``ValueError``) A file in place is missing, has another size or other
        bytes where the layout puts fixed ones, or a format was not in the old
        layout: call :func:`write_files_with_layout` with all chunks instead.
    IndexError
        An ``int`` item outside ``range(old.chunks)``.
    ValueError
        Unknown formats or chunk parts, as :func:`write_files`.
    """
    formats = _check_formats(formats)
    missing = [f for f in formats if f not in old.formats]
    if missing:
        raise LayoutMismatch(f"the old layout has no {', '.join(missing)} files")
    graph = dict(DEFAULT_GRAPH_ATTRS if graph is None else graph)
    targets = _targets(out, formats, paths)
    specs = _specs(targets, graph)
    known = {spec.node_part for spec in specs} | {spec.edge_part for spec in specs if spec.edge_part}
    skip, skip_csv = _skipped(targets)
    resolved: list[int | Chunk] = []
    for item in items:
        if isinstance(item, Mapping):
            for part, data in item.items():
                if data and part not in known and not (part in skip or (skip_csv and part.startswith("csv:"))):
                    raise ValueError(f"unknown chunk part: {part!r}")
        elif isinstance(item, bool) or not isinstance(item, int) or not 0 <= item < old.chunks:
            raise IndexError(f"item {item!r} is not a chunk of the old layout (0 to {old.chunks - 1})")
        else:
            item = int(item)
        resolved.append(item)
    items = resolved

    fds: dict[str, int] = {}
    sinks: list[_Sink] = []
    files: dict[str, FileLayout] = {}
    try:
        for spec in specs:  # check every file before writing any
            fds[spec.key] = _old_file(spec, old.files.get(spec.key), old.chunks)
        for spec in specs:
            fl, src = old.files[spec.key], fds[spec.key]
            sink = _Sink(spec.path.with_name(spec.path.name + ".tmp"))
            sinks.append(sink)
            sink.write(spec.header)
            nodes = _update_section(sink, src, items, fl.nodes, spec.node_part, spec.sep)
            edges = array(_SPANS)
            middle = (sink.pos, len(spec.middle))
            if spec.edge_part is not None:
                sink.write(spec.middle)
                edges = _update_section(sink, src, items, fl.edges, spec.edge_part, spec.sep)
            footer = (sink.pos, len(spec.footer))
            sink.write(spec.footer)
            sink.close()
            files[spec.key] = FileLayout(size=sink.pos, header=len(spec.header), middle=middle, footer=footer,
                                         nodes=nodes, edges=edges)
        held = list(fds.values())
        fds.clear()
        _replace_all([(sink.tmp, spec.path) for spec, sink in zip(specs, sinks)], held)
        if "neo4j" in targets:
            _write_import_script(targets["neo4j"])
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    finally:
        for fd in fds.values():
            os.close(fd)
    for spec in specs:
        files[spec.key].stamp = _stamp(spec.path)
    return targets, Layout(chunks=len(items), formats=formats, files=files)
