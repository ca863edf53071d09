"""Every sink follows kg.rows.Sink: after ``write`` of one graph and ``apply`` of the delta to the next, it holds
what a clean ``write`` of the next graph gives."""

from __future__ import annotations

import json

import pytest

from kg.rows import Delta, Sink, graph_rows, node_table
from kg.sinks.exports import FORMATS, FileExport
from kg.sinks.store import Store
from test_store import _doc_rows, dump


def _contents(sink: Sink) -> object:
    if isinstance(sink, Store):
        return dump(sink.dest)
    g = FORMATS[sink.fmt].read(sink.dest / FORMATS[sink.fmt].default_name)
    return (sorted(json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) for _, a in g.nodes(data=True)),
            sorted(json.dumps([u, v, a], ensure_ascii=False, sort_keys=True, default=str)
                   for u, v, a in g.edges(data=True)))


def _make(kind: str, folder) -> Sink:
    return Store(folder / "store") if kind == "store" else FileExport(kind, folder)


@pytest.mark.parametrize("kind", ["store", *FORMATS])
def test_a_delta_applied_gives_what_a_clean_write_gives(kind, sample_build, tmp_path):
    g = sample_build.graph
    gone = sorted(a["name"] for _, a in g.nodes(data=True) if a["label"] == "Document")[0]
    new = g.copy()
    new.remove_nodes_from(n for n, _ in _doc_rows(g, gone)[0])
    new.remove_edges_from([(u, v, k) for u, v, k, a in g.edges(keys=True, data=True) if a.get("doc") == gone])
    new.remove_nodes_from([n for n, a in new.nodes(data=True) if "docs" in a and a["docs"] == [gone]])
    changed = [n for n, a in new.nodes(data=True) if "docs" in a and gone in a["docs"]]
    for n in changed:
        new.nodes[n]["docs"] = [d for d in new.nodes[n]["docs"] if d != gone]
    removed = {n for n, a in g.nodes(data=True) if "docs" in a} - set(new)
    assert changed and removed, "the sample's first document should share some entities and own others"
    delta = Delta(remove_docs={gone}, remove_nodes=removed, entities=node_table((n, new.nodes[n]) for n in changed))
    sink, clean = _make(kind, tmp_path / "a"), _make(kind, tmp_path / "b")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    sink.write(graph_rows(g))
    sink.apply(delta, graph_rows(new))
    clean.write(graph_rows(new))
    assert _contents(sink) == _contents(clean)
    assert _contents(sink) != _contents(_written(kind, tmp_path / "c", g))


def _written(kind: str, folder, g) -> Sink:
    folder.mkdir()
    sink = _make(kind, folder)
    sink.write(graph_rows(g))
    return sink
