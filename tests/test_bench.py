"""The scaled corpus of ``python -m kg.bench``: copies name other, real divisions (the benchmark itself is not run)."""

from __future__ import annotations

from kg.bench import make_corpus, parse_args
from kg.ingest import read_document
from kg.structure.document import structure_document


def test_copies_speak_for_the_planned_distinct_jurisdictions(tmp_path):
    corpus = make_corpus(tmp_path, 15)
    names = sorted(corpus["texts"])
    assert len(names) == 15 and sorted(p.name for p in tmp_path.iterdir()) == names
    by_sample: dict[str, list[str]] = {}
    for name in names:
        by_sample.setdefault(corpus["source"][name], []).append(name)
        j = structure_document(read_document(tmp_path / name, tmp_path)).meta.jurisdiction
        assert (j.code if j else None) == corpus["planned"][name], name
    for sample, copies in by_sample.items():
        planned = {corpus["planned"][n] for n in copies}
        texts = [corpus["texts"][n] for n in copies]
        if planned == {None}:  # 002 names no division: its copies stay identical
            assert len(set(texts)) == 1
        else:
            assert len(planned) == len(copies), sample  # three copies, three jurisdictions
            assert max(map(len, texts)) - min(map(len, texts)) <= 10  # only names change


def test_workers_list():
    assert parse_args(["--workers-list", "1,2", "--docs", "5"]).workers == [1, 2]
