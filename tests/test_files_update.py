"""kg.sinks.files: layouts and incremental updates of the file exports.

``update_files(out, layout, items)`` must give byte for byte the files of
``write_files(out, resolved items)`` -- whatever the order of the old chunks, the
new ones in between, empty chunks and parts, and the JSON separators -- copying
the unchanged bytes from the files in place; files that do not match their layout
must be refused before anything is written.
"""

from __future__ import annotations

import errno
import os
import pickle
import random
from pathlib import Path

import networkx as nx
import pytest

from kg.sinks import files as F
from kg.sinks.files import (
    ALL_FORMATS, FORMATS, JSONL_PART, Layout, LayoutMismatch, render_chunk, render_graph, update_files, write_files,
    write_files_with_layout,
)

from kg.sinks.exports import read_json
from test_files import awkward_graph


# ---------------------------------------------------------------- helpers

def read_tree(out: Path) -> dict[str, bytes]:
    """Every file under ``out`` (relative name -> bytes)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def records(tag: str) -> bytes:
    return f'{{"doc":"{tag}","type":"X"}}\n{{"doc":"{tag}","type":"Y"}}\n'.encode()


def per_doc_rows(g: nx.MultiDiGraph) -> list[tuple[list, list]]:
    """(nodes, edges) per document, as the build caches them (the graph's edges regrouped by document)."""
    def node_doc(row):
        a = row[1]
        return a.get("doc") or (a["name"] if a.get("label") == "Document" else "")

    docs: dict[str, tuple[list, list]] = {"": ([], [])}  # the entities first, then each document
    for row in g.nodes(data=True):
        docs.setdefault(node_doc(row), ([], []))[0].append(row)
    for row in g.edges(keys=True, data=True):
        docs.setdefault(row[3].get("doc") or "", ([], []))[1].append(row)
    return list(docs.values())


def doc_chunk(i: int, ns: list, es: list) -> dict[str, bytes]:
    c = render_chunk(ns, es)
    if i % 3 != 1:  # some chunks without records
        c[JSONL_PART] = records(str(i))
    return c


def resolve(items, old_chunks):
    return [old_chunks[x] if isinstance(x, int) else x for x in items]


def assert_update_equals_write(tmp_path: Path, old_chunks, items, formats=ALL_FORMATS, graph=None,
                               new_graph=None, paths=None) -> Layout:
    """Write old_chunks, update them with items, and compare with writing the resolved items afresh."""
    graph = graph if graph is not None else {"kg_schema": "kg/1"}
    new_graph = new_graph if new_graph is not None else graph
    upd, fresh = tmp_path / "upd", tmp_path / "fresh"
    _, old = write_files_with_layout(upd, old_chunks, formats, graph=graph, paths=paths)
    old = pickle.loads(pickle.dumps(old))  # as the build keeps it
    targets, new = update_files(upd, old, items, formats, graph=new_graph, paths=paths)
    fresh_paths = {k: fresh / Path(v).relative_to(upd) for k, v in paths.items()} if paths else None
    fresh_targets, want = write_files_with_layout(fresh, resolve(items, old_chunks), formats, graph=new_graph,
                                                  paths=fresh_paths)
    got_files, want_files = read_tree(upd), read_tree(fresh)
    assert sorted(got_files) == sorted(want_files)
    for name in want_files:
        assert got_files[name] == want_files[name], name
    assert new == want  # the layout of an update is the layout of a full write
    assert {k: Path(v).relative_to(upd) for k, v in targets.items()} == \
        {k: Path(v).relative_to(fresh) for k, v in fresh_targets.items()}
    assert not [n for n in got_files if n.endswith(".tmp")]
    return new


@pytest.fixture(scope="module")
def doc_rows(sample_build) -> tuple[dict, list[tuple[list, list]]]:
    g = sample_build.graph
    rows = per_doc_rows(g)
    assert len(rows) > 5
    return g.graph, rows


@pytest.fixture(scope="module")
def doc_chunks(doc_rows) -> tuple[dict, list[dict[str, bytes]]]:
    graph, rows = doc_rows
    return graph, [doc_chunk(i, ns, es) for i, (ns, es) in enumerate(rows)]


def small_chunks() -> list[dict[str, bytes]]:
    """Eight small chunks of the awkward graph: nodes only, edges only, both, empty, empty parts."""
    g = awkward_graph("句子，带“引号”")
    nodes = list(g.nodes(data=True))
    edges = list(g.edges(keys=True, data=True))
    chunks = [
        render_chunk(nodes[:2], []),                       # nodes, no edges
        {},                                                # empty chunk
        render_chunk(nodes[2:4], edges[:2]),               # both
        render_chunk([], edges[2:4]),                      # edges, no nodes
        {"json:nodes": b"", "gexf:edges": b"", JSONL_PART: b""},   # empty parts
        render_chunk(nodes[4:6], []),
        render_chunk(nodes[6:], edges[4:]),
        render_chunk([], []),
    ]
    for i, c in enumerate(chunks):
        if c and i != 5:
            c[JSONL_PART] = records(f"s{i}")
    return chunks


def fresh_chunk(tag: str, nodes: bool = True, edges: bool = True) -> dict[str, bytes]:
    """A new chunk with rows no old chunk has."""
    ns = [(f"new_{tag}", {"id": f"new_{tag}", "label": "Agency", "name": f"新{tag}局", "type": "AGENCY",
                          "scope": "", "aliases": [], "docs": [f"{tag}.txt"], "mentions": 1, "masked": False})]
    es = [(f"new_{tag}", "ag", f"e_{tag}", {"id": f"e_{tag}", "type": "COOPERATES_WITH", "doc": f"{tag}.txt",
                                            "start": 1, "end": 2, "sentence": f"句{tag}", "trigger": "联合"})]
    c = render_chunk(ns if nodes else [], es if edges else [])
    c[JSONL_PART] = records(tag)
    return c


# ---------------------------------------------------------------- layouts

def test_the_layout_says_where_every_part_is(doc_chunks, tmp_path):
    graph, chunks = doc_chunks
    chunks = chunks + [{}] + small_chunks()
    targets, layout = write_files_with_layout(tmp_path, chunks, ALL_FORMATS, graph=graph)
    assert layout.chunks == len(chunks) and layout.formats == ALL_FORMATS
    assert set(layout.files) == {"json", "graphml", "gexf", "jsonl"} | {
        "neo4j/" + p.name for p in targets["neo4j"].glob("*.csv")}
    for key, fl in layout.files.items():
        path = targets[key] if "/" not in key else targets["neo4j"] / key.split("/", 1)[1]
        data = path.read_bytes()
        assert fl.size == len(data)
        two = key in ("json", "graphml", "gexf")
        node_part = {"json": "json:nodes", "graphml": "graphml:nodes", "gexf": "gexf:nodes",
                     "jsonl": JSONL_PART}.get(key, "csv:" + key.split("/")[-1])
        for i, c in enumerate(chunks):
            off, n = fl.node_span(i)
            assert data[off:off + n] == c.get(node_part, b""), (key, i)
            if two:
                off, n = fl.edge_span(i)
                assert data[off:off + n] == c.get(key + ":edges", b""), (key, i)
        assert len(fl.edges) == (2 * len(chunks) if two else 0)
        off, n = fl.middle
        assert data[off:off + n] == {"json": F.JSON_MIDDLE, "gexf": F.GEXF_MIDDLE}.get(key, b"")
        off, n = fl.footer
        assert off + n == fl.size
        assert data[off:] == {"json": F.JSON_FOOTER, "graphml": F.GRAPHML_FOOTER, "gexf": F.GEXF_FOOTER}.get(key, b"")
        assert data[:fl.header] == {"json": F.json_header(graph), "graphml": F.graphml_header(graph),
                                    "gexf": F.gexf_header(), "jsonl": b""}.get(key, data[:fl.header])
    # small: a few integers per chunk and file
    assert len(pickle.dumps(layout)) < 2000 + 40 * len(chunks) * len(layout.files)


def test_write_files_is_unchanged_and_jsonl_only_on_request(doc_chunks, tmp_path):
    graph, chunks = doc_chunks
    assert FORMATS == ("json", "graphml", "gexf", "neo4j") and ALL_FORMATS == (*FORMATS, "jsonl")
    paths = write_files(tmp_path / "default", chunks, graph=graph)
    assert set(paths) == set(FORMATS) and not (tmp_path / "default" / "extractions.jsonl").exists()
    targets, _ = write_files_with_layout(tmp_path / "layout", chunks, graph=graph)
    assert read_tree(tmp_path / "default") == read_tree(tmp_path / "layout")
    # jsonl: the records part of every chunk, concatenated
    paths = write_files(tmp_path / "jsonl", chunks, ("jsonl",))
    assert paths == {"jsonl": tmp_path / "jsonl" / "extractions.jsonl"}
    assert paths["jsonl"].read_bytes() == b"".join(c.get(JSONL_PART, b"") for c in chunks)
    assert read_tree(tmp_path / "jsonl") == {"extractions.jsonl": paths["jsonl"].read_bytes()}
    write_files(tmp_path / "none", [], ("jsonl",))
    assert (tmp_path / "none" / "extractions.jsonl").read_bytes() == b""
    # render_chunk takes the format (and renders no records: they are not graph rows)
    g = awkward_graph("s")
    assert render_chunk(g.nodes(data=True), [], ("json", "jsonl")) == render_chunk(g.nodes(data=True), [], ("json",))
    with pytest.raises(ValueError, match="unknown formats"):
        write_files(tmp_path / "x", [], ("jsonl", "yaml"))


# ---------------------------------------------------------------- update == write

SMALL_CASES = {
    "unchanged": lambda n: list(range(n)),
    "reversed": lambda n: list(range(n))[::-1],
    "shuffled": lambda n: random.Random(1).sample(range(n), n),
    "dropped first": lambda n: list(range(1, n)),
    "dropped last": lambda n: list(range(n - 1)),
    "dropped some": lambda n: [0, 2, 3, 6],
    "dropped all": lambda n: [],
    "first replaced": lambda n: [fresh_chunk("a")] + list(range(1, n)),
    "first replaced by nodes only": lambda n: [fresh_chunk("a", edges=False)] + list(range(1, n)),
    "first replaced by edges only": lambda n: [fresh_chunk("a", nodes=False)] + list(range(1, n)),
    "first replaced by empty": lambda n: [{}] + list(range(1, n)),
    "insert at start": lambda n: [fresh_chunk("a")] + list(range(n)),
    "insert in the middle": lambda n: list(range(3)) + [fresh_chunk("a")] + list(range(3, n)),
    "insert at end": lambda n: list(range(n)) + [fresh_chunk("a")],
    "middle replaced": lambda n: [0, 1, fresh_chunk("a"), 3, 4, 5, 6, 7],
    "only new": lambda n: [fresh_chunk("a"), {}, fresh_chunk("b", nodes=False), fresh_chunk("c", edges=False)],
    "empties between": lambda n: [0, {}, 1, {"json:nodes": b"", "yaml:nodes": b""}, 2, render_chunk([], []), 3],
    "repeated": lambda n: [2, 2, 0, 0, 6, 6],
    "new between neighbours": lambda n: [2, fresh_chunk("a", edges=False), 3, fresh_chunk("b", nodes=False), 6],
    "swapped pairs": lambda n: [1, 0, 3, 2, 5, 4, 7, 6],
}


@pytest.mark.parametrize("case", list(SMALL_CASES))
@pytest.mark.parametrize("formats", [ALL_FORMATS, ("json",), ("gexf", "jsonl"), ("neo4j",)],
                         ids=["all", "json", "gexf+jsonl", "neo4j"])
def test_update_equals_a_full_write(case, formats, tmp_path):
    old = small_chunks()
    assert_update_equals_write(tmp_path, old, SMALL_CASES[case](len(old)), formats)


def test_update_of_a_sample_build_one_document_changed(doc_rows, doc_chunks, tmp_path):
    graph, chunks = doc_chunks
    n = len(chunks)
    mid = n // 2
    ns, es = doc_rows[1][mid]
    assert ns and es
    ns = [(ns[0][0], {**ns[0][1], "name": ns[0][1]["name"] + "（改）"}), *ns[1:]]
    changed = doc_chunk(mid, ns, es[1:])
    changed[JSONL_PART] = records("changed")
    for name, items in (
        ("middle changed", [*range(mid), changed, *range(mid + 1, n)]),
        ("first changed", [changed, *range(1, n)]),
        ("last removed", list(range(n - 1))),
        ("one added", [*range(mid), fresh_chunk("z"), *range(mid, n)]),
        ("graph attributes changed", list(range(n))),
    ):
        new_graph = {**graph, "built": 2} if name == "graph attributes changed" else graph
        assert_update_equals_write(tmp_path / name.replace(" ", "_"), chunks, items, graph=graph, new_graph=new_graph)
    # the files still read back: the changed node is there
    back = read_json(tmp_path / "middle_changed" / "upd" / "graph.json")
    assert back.number_of_nodes() == sum(c.get("graphml:nodes", b"").count(b"\n") for c in chunks)
    assert back.nodes[ns[0][0]]["name"].endswith("（改）")


def test_random_updates_in_a_chain(tmp_path):
    """Update after update from the layout each returned, against a full write every time."""
    rnd = random.Random(6)
    g = awkward_graph("s")
    pool = [render_chunk([r], []) for r in g.nodes(data=True)] + \
           [render_chunk([], [e]) for e in g.edges(keys=True, data=True)] + small_chunks() + \
           [fresh_chunk(str(i), nodes=i % 2 == 0, edges=i % 3 != 0) for i in range(6)]
    current = [rnd.choice(pool) for _ in range(12)]
    out = tmp_path / "chain"
    _, layout = write_files_with_layout(out, current, ALL_FORMATS, graph=g.graph)
    for step in range(25):
        items: list = []
        for i in range(len(current)):
            roll = rnd.random()
            if roll < 0.6:
                items.append(i)
            elif roll < 0.75:
                items.append(rnd.choice(pool))
            elif roll < 0.85:
                continue
            else:
                items.append(rnd.randrange(len(current)))
        if rnd.random() < 0.3:
            rnd.shuffle(items)
        items.insert(rnd.randrange(len(items) + 1), rnd.choice(pool))
        _, layout = update_files(out, pickle.loads(pickle.dumps(layout)), items, ALL_FORMATS, graph=g.graph)
        current = resolve(items, current)
        fresh = tmp_path / f"fresh{step}"
        _, want = write_files_with_layout(fresh, current, ALL_FORMATS, graph=g.graph)
        assert read_tree(out) == read_tree(fresh), step
        assert layout == want


def test_paths_of_the_formats(tmp_path):
    old = small_chunks()
    paths = {"gexf": tmp_path / "upd" / "elsewhere" / "g.gexf", "neo4j": tmp_path / "upd" / "csv",
             "jsonl": tmp_path / "upd" / "x" / "records.jsonl"}
    assert_update_equals_write(tmp_path, old, [fresh_chunk("a"), 4, 5, 0], ALL_FORMATS, paths=paths)
    assert (tmp_path / "upd" / "x" / "records.jsonl").exists() and (tmp_path / "upd" / "csv" / "import.sh").exists()


# ---------------------------------------------------------------- copying

def test_consecutive_unchanged_parts_are_copied_at_once(doc_chunks, tmp_path, monkeypatch):
    graph, chunks = doc_chunks
    n, mid = len(chunks), len(chunks) // 2
    _, layout = write_files_with_layout(tmp_path, chunks, ALL_FORMATS, graph=graph)
    calls: list[int] = []
    real = F.copy_range

    def counting(src, dst, offset, count):
        calls.append(count)
        real(src, dst, offset, count)

    monkeypatch.setattr(F, "copy_range", counting)
    update_files(tmp_path, layout, [*range(mid), fresh_chunk("m"), *range(mid + 1, n)], ALL_FORMATS, graph=graph)
    sections = sum(2 if k in ("json", "graphml", "gexf") else 1 for k in layout.files)
    assert len(calls) <= 2 * sections  # the parts before the new chunk, the parts after it
    copied = sum(calls)
    total = sum(fl.size for fl in layout.files.values())
    assert copied > 0.9 * total


@pytest.mark.parametrize("how", ["missing", "ENOSYS", "EXDEV", "copies nothing"])
def test_without_copy_file_range(how, tmp_path, monkeypatch):
    if how == "missing":
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    else:
        def fake(src, dst, count, offset_src=None, offset_dst=None):
            if how == "copies nothing":
                return 0
            raise OSError(getattr(errno, how), os.strerror(getattr(errno, how)))

        monkeypatch.setattr(os, "copy_file_range", fake, raising=False)
    old = small_chunks()
    assert_update_equals_write(tmp_path, old, [6, 5, fresh_chunk("a"), 0, 1, 2, 3], ALL_FORMATS)


def test_other_copy_errors_are_raised_and_the_files_stay(tmp_path, monkeypatch):
    old = small_chunks()
    _, layout = write_files_with_layout(tmp_path, old, ALL_FORMATS)
    before = read_tree(tmp_path)

    def full(src, dst, count, offset_src=None, offset_dst=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "copy_file_range", full, raising=False)
    with pytest.raises(OSError, match="No space"):
        update_files(tmp_path, layout, [0, fresh_chunk("a"), 2], ALL_FORMATS)
    assert read_tree(tmp_path) == before


# ---------------------------------------------------------------- refusals

def test_files_that_do_not_match_the_layout(tmp_path):
    old = small_chunks()
    out = tmp_path / "out"
    _, layout = write_files_with_layout(out, old, ALL_FORMATS)
    before = read_tree(out)

    def refused(match, items=(0, 1), formats=ALL_FORMATS, lay=layout):
        with pytest.raises(LayoutMismatch, match=match):
            update_files(out, lay, list(items), formats)
        assert not list(out.rglob("*.tmp"))

    assert issubclass(LayoutMismatch, ValueError)
    # a format the old files did not have
    _, json_only = write_files_with_layout(tmp_path / "j", old, ("json",))
    refused("no graphml", formats=("json", "graphml"), lay=json_only)
    # a file written again since, even with the same bytes
    gexf = out / "graph.gexf"
    gexf.write_bytes(before["graph.gexf"])
    refused("written again")
    # without the stamps: the size and the fixed bytes are still checked
    unstamped = pickle.loads(pickle.dumps(layout))
    for fl in unstamped.files.values():
        fl.stamp = None
    assert unstamped == layout  # stamps are not compared
    gexf.write_bytes(before["graph.gexf"] + b"\n")
    refused("bytes, the layout says", lay=unstamped)
    gexf.write_bytes(before["graph.gexf"].replace(b"</gexf>", b"</gexF>"))  # same size, other footer
    refused("not the bytes", lay=unstamped)
    gexf.unlink()
    refused("missing", lay=unstamped)
    gexf.write_bytes(before["graph.gexf"])
    csv = out / "neo4j-import" / "nodes_Agency.csv"
    csv.write_bytes(csv.read_bytes().replace(b"id:ID", b"ID:id"))
    refused("header", lay=unstamped)
    csv.write_bytes(before["neo4j-import/nodes_Agency.csv"])
    assert read_tree(out) == before
    update_files(out, unstamped, [1, 0], ALL_FORMATS)  # the same bytes: fine without stamps
    _, layout = write_files_with_layout(out, old, ALL_FORMATS)
    # a layout of another number of chunks
    _, other = write_files_with_layout(tmp_path / "o", old[:3], ALL_FORMATS)
    other.chunks = len(old)
    refused("number of chunks", lay=other)
    # and a caller's mistakes
    with pytest.raises(IndexError):
        update_files(out, layout, [0, len(old)], ALL_FORMATS)
    with pytest.raises(IndexError):
        update_files(out, layout, [-1], ALL_FORMATS)
    with pytest.raises(ValueError, match="unknown chunk part"):
        update_files(out, layout, [0, {"yaml:nodes": b"x"}], ALL_FORMATS)
    with pytest.raises(IndexError):
        update_files(out, layout, [True], ALL_FORMATS)
    assert read_tree(out) == before
    # the parts of formats not asked for are ignored, as by write_files
    update_files(out, layout, [0, 1], ("json",))


def test_a_failed_update_keeps_the_files_in_place(tmp_path, monkeypatch):
    old = small_chunks()
    _, layout = write_files_with_layout(tmp_path, old, ALL_FORMATS)
    before = read_tree(tmp_path)
    real, n = F.copy_range, [0]

    def failing(*args):
        n[0] += 1
        if n[0] == 5:
            raise RuntimeError("disk on fire")
        real(*args)

    monkeypatch.setattr(F, "copy_range", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        update_files(tmp_path, layout, [fresh_chunk("a"), *range(len(old))], ALL_FORMATS)
    assert read_tree(tmp_path) == before
    monkeypatch.setattr(F, "copy_range", real)
    update_files(tmp_path, layout, [fresh_chunk("a"), *range(len(old))], ALL_FORMATS)  # the layout still holds


def test_graph_exports_from_render_graph(tmp_path):
    """Chunks of render_graph (nodes and edges in separate chunks), one batch replaced."""
    g = awkward_graph("s")
    chunks = list(render_graph(g, batch=2))
    assert len(chunks) > 4
    new = render_chunk([("extra", {"id": "extra", "label": "Campaign", "name": "新行动", "type": "CAMPAIGN",
                                   "scope": "", "aliases": [], "docs": [], "mentions": 1, "masked": False})], [])
    assert_update_equals_write(tmp_path, chunks, [0, 1, new, *range(2, len(chunks))], FORMATS, graph=g.graph)
