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

Part names
----------
``json:nodes``, ``json:edges``
    node-link JSON objects joined by ``,`` (no brackets); :func:`write_files` puts
    the ``,`` between the non-empty parts of consecutive chunks.
``graphml:nodes``, ``graphml:edges``, ``gexf:nodes``, ``gexf:edges``
    one XML element per line, each line ending in ``\\n``.
``csv:nodes_<Label>.csv`` (one per :data:`kg.schema.NODE_LABELS`), ``csv:rels_<TYPE>.csv`` (one per :data:`kg.schema.REL_TYPES`)
    CSV rows (``\\r\\n`` terminated) for ``neo4j-admin database import``; a row goes
    to the part of its node label / relationship type; nodes and edges whose label
    or type is outside the schema have no CSV row (as before).

A chunk holds only the non-empty parts of the formats it was rendered for.

Formats
-------
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
import io
import json
import operator
import os
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from kg.schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type

#: part name -> rendered bytes of some rows (no headers or footers)
Chunk = dict[str, bytes]

FORMATS: tuple[str, ...] = ("json", "graphml", "gexf", "neo4j")
#: where :func:`write_files` puts each format inside ``out``
DEFAULT_NAMES: dict[str, str] = {
    "json": "graph.json", "graphml": "graph.graphml", "gexf": "graph.gexf", "neo4j": "neo4j-import",
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
    {k for k, t in NODE_ATTRS.items() if t.startswith("list")} | {k for k, t in EDGE_ATTRS.items() if t.startswith("list")}
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
# JSON: the rows as node_link_data makes them, through json's C encoder once per chunk.
# XML: rows of one "shape" (the names of their attributes with a value, in order) share
# a %-template per format; a row costs one list of escaped value texts and one % each.

_JSON_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_JSON_LIST = json.JSONEncoder(ensure_ascii=False)  # lists in GraphML/GEXF: "[2021, 2022]" as before
_BOOL_TEXT = ("false", "true")
_MAX_SHAPES = 4096
_NODE_XML: dict[tuple, tuple] = {}
_EDGE_XML: dict[tuple, tuple] = {}


def _lit(s: str) -> str:
    """Literal text for a %-template."""
    return s.replace("%", "%%")


def _remember(cache: dict, keys: tuple, value):
    if len(cache) >= _MAX_SHAPES:
        cache.clear()
    cache[keys] = value
    return value


def _node_xml_templates(keys: tuple, n: object) -> tuple:
    """(GraphML template, GEXF template, GEXF picker) of nodes whose attributes with a value are ``keys``."""
    for k in keys:
        if k not in NODE_ATTRS:
            raise _xml_row_error("node", n, k)
    # texts: 0 = node id, i = value of keys[i - 1]; GEXF: id, label (the name), then all but "id"
    gm = '<node id="%s">' + "".join(f'<data key="n_{_lit(k)}">%s</data>' for k in keys) + "</node>"
    rest = [i for i, k in enumerate(keys, 1) if k != "id"]
    gx = ('<node id="%s" label="%s"><attvalues>'
          + "".join(f'<attvalue for="{_GX_NODE_ID[keys[i - 1]]}" value="%s"/>' for i in rest)
          + "</attvalues></node>")
    label = keys.index("name") + 1 if "name" in keys else 0
    return _remember(_NODE_XML, keys, (gm, gx, operator.itemgetter(0, label, *rest)))


def _edge_xml_templates(keys: tuple, key: object) -> tuple:
    """(GraphML template, GEXF template, GEXF picker) of edges whose attributes with a value are ``keys``."""
    for k in keys:
        if k not in EDGE_ATTRS:
            raise _xml_row_error("edge", key, k)
    # texts: 0 = source, 1 = target, 2 = key, 2 + i = value of keys[i - 1]; GEXF: element id = the "id" attribute
    gm = ('<edge source="%s" target="%s" id="%s">' + "".join(f'<data key="e_{_lit(k)}">%s</data>' for k in keys)
          + "</edge>")
    rest = [i for i, k in enumerate(keys, 3) if k != "id"]
    gx = ('<edge source="%s" target="%s" id="%s"><attvalues>'
          + "".join(f'<attvalue for="{_GX_EDGE_ID[keys[i - 3]]}" value="%s"/>' for i in rest)
          + "</attvalues></edge>")
    gx_id = keys.index("id") + 3 if "id" in keys else 2
    return _remember(_EDGE_XML, keys, (gm, gx, operator.itemgetter(0, 1, gx_id, *rest)))


def _json_text(v: object) -> str:
    return _JSON_LIST.encode(sorted(v) if isinstance(v, set) else v)


def _slow_text(what: str, ident: object, k: str, v: object) -> str:
    """The XML text (not yet escaped) of a value that is not a str, int or bool."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return _xml_float(v)
    if isinstance(v, (list, tuple, set, dict)):
        if k not in LIST_ATTRS:
            raise ValueError(f"{what} {ident!r}: attribute {k!r} holds a list but kg.schema says it does not")
        return _json_text(v)
    return str(v)


def _xml_texts(what: str, ident: object, head: int, keys: tuple, vals: list) -> list[str]:
    """``vals`` (``head`` ids, then the values of ``keys``, no None) as escaped XML texts."""
    texts = [v if (t := type(v)) is str else int.__repr__(v) if t is int
             else _BOOL_TEXT[v] if t is bool else None for v in vals]
    if None in texts:
        for i, v in enumerate(vals):
            if texts[i] is None:
                texts[i] = str(v) if i < head else _slow_text(what, ident, keys[i - head], v)
    if _xml_clean("".join(texts)):
        return texts
    return [xml_escape(t) for t in texts]


def _csv_spec(props: dict[str, str], skip: tuple[str, ...], first: int) -> tuple[tuple[str, ...], tuple, tuple]:
    cols = tuple(k for k in props if k not in skip)
    bools = tuple(i + first for i, k in enumerate(cols) if props[k] == "bool")
    lists = tuple(i + first for i, k in enumerate(cols) if props[k].startswith("list"))
    return cols, bools, lists


# label -> (part name, columns, indexes of bool columns, indexes of list columns) in a row; likewise per type
_CSV_NODE_ROWS = {label: ("csv:" + node_csv_name(label), *_csv_spec(NODE_PROPERTIES[label], ("id", "label"), 1))
                  for label in NODE_LABELS}
_CSV_REL_ROWS = {rel: ("csv:" + rel_csv_name(rel), *_csv_spec(EDGE_PROPERTIES[rel], ("type",), 2))
                 for rel in REL_TYPES}


def _csv_cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _csv_line(row: list, bools: tuple, lists: tuple) -> str:
    """One CSV line as csv.writer writes it (QUOTE_MINIMAL, CRLF) with kg.sinks.neo4j_csv's cells."""
    for i in bools:
        row[i] = _cell_bool(row[i])
    for i in lists:
        row[i] = _cell_list(row[i])
    cells = [v if (t := type(v)) is str else int.__repr__(v) if t is int else _csv_cell(v) for v in row]
    line = ",".join(cells)
    if line.count(",") >= len(cells) or '"' in line or "\n" in line or "\r" in line:
        buf = io.StringIO()
        csv.writer(buf).writerow(cells)
        return buf.getvalue()
    return line + "\r\n"


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
        A subset of :data:`FORMATS` (``"neo4j"`` renders the ``csv:`` parts).

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
    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    do_json, do_gm, do_gx, do_csv = ("json" in formats, "graphml" in formats, "gexf" in formats,
                                     "neo4j" in formats)
    do_xml = do_gm or do_gx
    js_n: list[dict] = []
    js_e: list[dict] = []
    gm_n: list[str] = []
    gm_e: list[str] = []
    gx_n: list[str] = []
    gx_e: list[str] = []
    lines: dict[str, list[str]] = {}

    xml_shapes = _NODE_XML
    for n, a in nodes:
        if do_json:  # as node_link_data: {**a, "id": n}
            js_n.append(a if a.get("id", _NOTHING) is n else {**a, "id": n})
        if do_xml:
            keys, vals = tuple(a), list(a.values())
            if None in vals:
                xkeys = tuple([k for k, v in a.items() if v is not None])
                xvals = [n, *[v for v in vals if v is not None]]
            else:
                xkeys, xvals = keys, [n, *vals]
            gm, gx, pick = xml_shapes.get(xkeys) or _node_xml_templates(xkeys, n)
            texts = _xml_texts("node", n, 1, xkeys, xvals)
            if do_gm:
                gm_n.append(gm % tuple(texts))
            if do_gx:
                gx_n.append(gx % pick(texts))
        if do_csv:
            label = a.get("label")
            spec = _CSV_NODE_ROWS.get(label) if isinstance(label, str) else None
            if spec is not None:
                part, cols, bools, lists = spec
                line = _csv_line([n, *map(a.get, cols), label], bools, lists)
                try:
                    lines[part].append(line)
                except KeyError:
                    lines[part] = [line]

    xml_shapes = _EDGE_XML
    for u, v, key, a in edges:
        if do_json:  # as node_link_data
            js_e.append({**a, "source": u, "target": v, "key": key})
        if do_xml:
            keys, vals = tuple(a), list(a.values())
            if None in vals:
                xkeys = tuple([k for k, x in a.items() if x is not None])
                xvals = [u, v, key, *[x for x in vals if x is not None]]
            else:
                xkeys, xvals = keys, [u, v, key, *vals]
            gm, gx, pick = xml_shapes.get(xkeys) or _edge_xml_templates(xkeys, key)
            texts = _xml_texts("edge", key, 3, xkeys, xvals)
            if do_gm:
                gm_e.append(gm % tuple(texts))
            if do_gx:
                gx_e.append(gx % pick(texts))
        if do_csv:
            rel = a.get("type")
            spec = _CSV_REL_ROWS.get(rel) if isinstance(rel, str) else None
            if spec is not None:
                part, cols, bools, lists = spec
                line = _csv_line([u, v, *map(a.get, cols), rel], bools, lists)
                try:
                    lines[part].append(line)
                except KeyError:
                    lines[part] = [line]

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


_NOTHING = object()


def _json_dumps(obj: object) -> str:
    return _JSON_COMPACT.encode(obj)


def _json_join(items: list[dict]) -> bytes:
    # a lone surrogate can only stand inside a JSON string: its \uXXXX escape reads back as itself
    return _JSON_COMPACT.encode(items)[1:-1].encode("utf-8", "backslashreplace")


def _lines(items: list[str]) -> bytes:
    items.append("")
    return "\n".join(items).encode("utf-8")


def render_graph(g, formats: Iterable[str] = FORMATS, batch: int = 20000) -> Iterator[Chunk]:
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

class _Stream:
    """One output file: header, node parts, then edge parts (spooled to a temp file beside it), footer."""

    def __init__(self, path: Path, header: bytes, middle: bytes, footer: bytes, sep: bytes = b"") -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.edges_tmp = path.with_name(path.name + ".edges.tmp")
        self.middle, self.footer, self.sep = middle, footer, sep
        self.fh: IO[bytes] = open(self.tmp, "wb", buffering=_BUFFER)  # noqa: SIM115 - closed in finish/abort
        self.efh: IO[bytes] | None = None
        self.any_node = self.any_edge = False
        self.fh.write(header)

    def node(self, data: bytes) -> None:
        if self.sep and self.any_node:
            self.fh.write(self.sep)
        self.fh.write(data)
        self.any_node = True

    def edge(self, data: bytes) -> None:
        if self.efh is None:
            self.efh = open(self.edges_tmp, "w+b", buffering=_BUFFER)  # noqa: SIM115
        if self.sep and self.any_edge:
            self.efh.write(self.sep)
        self.efh.write(data)
        self.any_edge = True

    def finish(self) -> None:
        self.fh.write(self.middle)
        if self.efh is not None:
            self.efh.flush()
            self.efh.seek(0)
            shutil.copyfileobj(self.efh, self.fh, 1 << 20)
            self.efh.close()
            self.efh = None
            os.unlink(self.edges_tmp)
        self.fh.write(self.footer)
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        for fh in (self.fh, self.efh):
            if fh is not None:
                with contextlib.suppress(OSError):
                    fh.close()
        for p in (self.tmp, self.edges_tmp):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(p)


class _CsvFile:
    """One CSV file of neo4j-import: header row, then its rows in chunk order."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.fh: IO[bytes] = open(self.tmp, "wb", buffering=_BUFFER)  # noqa: SIM115
        buf = io.StringIO()
        csv.writer(buf).writerow(header)
        self.fh.write(buf.getvalue().encode("utf-8"))

    def node(self, data: bytes) -> None:
        self.fh.write(data)

    edge = node

    def finish(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


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
        and ``neo4j-import/`` go there (see :data:`DEFAULT_NAMES`).
    chunks : iterable of Chunk
        From :func:`render_chunk`, in row order; parts of formats not asked for are ignored.
    formats : iterable of str
        Which of :data:`FORMATS` to write.
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
    is bounded by the largest chunk.
    """
    formats = tuple(dict.fromkeys(formats))
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    out = Path(out)
    graph = dict(DEFAULT_GRAPH_ATTRS if graph is None else graph)
    targets = {f: Path(paths[f]) if paths and f in paths else out / DEFAULT_NAMES[f] for f in formats}
    for f, p in targets.items():
        (p if f == "neo4j" else p.parent).mkdir(parents=True, exist_ok=True)

    streams: dict[str, _Stream | _CsvFile] = {}  # part prefix -> writer
    routes: dict[str, tuple[_Stream | _CsvFile, bool]] = {}  # part name -> (writer, is edge part)
    try:
        if "json" in targets:
            s = _Stream(targets["json"], json_header(graph), JSON_MIDDLE, JSON_FOOTER, sep=b",")
            streams["json"] = s
            routes["json:nodes"], routes["json:edges"] = (s, False), (s, True)
        if "graphml" in targets:
            s = _Stream(targets["graphml"], graphml_header(graph), GRAPHML_MIDDLE, GRAPHML_FOOTER)
            streams["graphml"] = s
            routes["graphml:nodes"], routes["graphml:edges"] = (s, False), (s, True)
        if "gexf" in targets:
            s = _Stream(targets["gexf"], gexf_header(), GEXF_MIDDLE, GEXF_FOOTER)
            streams["gexf"] = s
            routes["gexf:nodes"], routes["gexf:edges"] = (s, False), (s, True)
        if "neo4j" in targets:
            for name, header in csv_headers().items():
                c = _CsvFile(targets["neo4j"] / name, header)
                streams["csv:" + name] = c
                routes["csv:" + name] = (c, False)
        skip = {f"{f}:{side}" for f in ("json", "graphml", "gexf") if f not in targets for side in ("nodes", "edges")}

        for chunk in chunks:
            for part, data in chunk.items():
                if not data:
                    continue
                route = routes.get(part)
                if route is None:
                    if part in skip or (part.startswith("csv:") and "neo4j" not in targets):
                        continue
                    raise ValueError(f"unknown chunk part: {part!r}")
                w, is_edge = route
                if is_edge:
                    w.edge(data)
                else:
                    w.node(data)
        for w in streams.values():
            w.finish()
        if "neo4j" in targets:
            script = targets["neo4j"] / "import.sh"
            tmp = script.with_name("import.sh.tmp")
            tmp.write_text(import_script(csv_headers()), encoding="utf-8")
            os.replace(tmp, script)
    except BaseException:
        for w in streams.values():
            w.abort()
        raise
    return targets
