"""A rebuild's indicator link from the last build's table equals a full link (kg.pipeline.indicator_link)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from kg.model import IndicatorSummary
from kg.pipeline import build
from kg.pipeline.cache import DocRecord, DocStats
from kg.pipeline.indicator_link import IndicatorRelink, keep_state, read_state, state_table, write_state
from kg.resolve.indicators import IndicatorLinker, link_indicators

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
KEYS = [f"指标{i}|{d}" for i in range(12) for d in ("数量", "比例")]


def _record(rng: random.Random, name: str, version: int) -> DocRecord:
    summaries = [IndicatorSummary(key, key.split("|")[0] + rng.choice("甲乙"), key.split("|")[1],
                                  rng.choice(["个", "%", "次"]),
                                  tuple(sorted(rng.sample(["a", "b", "c", "d"], rng.randint(1, 3)))), rng.randint(1, 5))
                 for key in rng.sample(KEYS, rng.randint(0, 8))]
    return DocRecord(name, f"{name}-{version}", [], [], DocStats(), [], {}, summaries)


def _full(recs: list[DocRecord]):
    linker = IndicatorLinker((r.name, r.indicators) for r in recs)
    found = linker.finish()
    return found, state_table(linker.order, linker.found, linker.parts)


@pytest.mark.parametrize("seed", range(40))
def test_a_relink_equals_a_full_link(seed):
    rng = random.Random(seed)
    docs = {f"d{i:02d}": _record(rng, f"d{i:02d}", 0) for i in range(rng.randint(1, 25))}
    _, table = _full(list(docs.values()))
    old_docs = {name: r.key for name, r in docs.items()}
    new = dict(docs)
    for name in rng.sample(sorted(docs), rng.randint(0, min(3, len(docs)))):
        if rng.random() < 0.3:
            del new[name]
        else:
            new[name] = _record(rng, name, 1)
    for i in range(rng.randint(0, 2)):
        name = rng.choice(["a", "d05x", "z"]) + str(i)
        new[name] = _record(rng, name, 1)
    if not new:
        return
    cached = [r for name, r in sorted(new.items()) if old_docs.get(name) == r.key]
    relink = IndicatorRelink(table, old_docs)
    relink.start(cached)
    got = relink.finish([new[n] for n in sorted(new)])
    expected, expected_table = _full([new[n] for n in sorted(new)])
    assert list(got.items()) == list(expected.items())
    assert list(got.items()) == list(link_indicators((r.name, r.indicators) for r in new.values()).items())
    assert relink.state().equals(expected_table)


def test_the_state_is_believed_only_with_its_token(tmp_path):
    rng = random.Random(1)
    _, table = _full([_record(rng, f"d{i}", 0) for i in range(5)])
    token = write_state(tmp_path, table)
    keep_state(tmp_path)
    warnings: list[str] = []
    assert read_state(tmp_path, token, warnings).equals(table) and not warnings
    assert read_state(tmp_path, None, warnings) is None and not warnings
    (tmp_path / "indicators.arrow").write_bytes(b"\x00" * 100)
    assert read_state(tmp_path, token, warnings) is None
    assert len(warnings) == 1 and "linked from the records" in warnings[0]


def _table(path):
    return pa.ipc.open_stream(pa.py_buffer(path.read_bytes())).read_all()


def _outputs(out):
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    counts = {k: v for k, v in summary.items() if k in ("entities", "indicators", "cross_document_indicators", "nodes",
                                                       "edges", "metrics", "relations")}
    return (out / "extractions.jsonl").read_bytes(), counts


def test_rebuilds_link_the_indicators_from_the_last_build_and_equal_clean_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(p, corpus / p.name)
    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)
    changes = [lambda: (corpus / "zz_new.txt").write_text("市交通运输局查处案件12宗，客运量增长5%。", encoding="utf-8"),
               lambda: (corpus / "zz_new.txt").write_text("市交通运输局查处案件15宗。", encoding="utf-8"),
               lambda: sorted(corpus.glob("*.txt"))[0].unlink()]
    for i, change in enumerate(changes):
        change()
        result = build(corpus, out, views=False, workers=1)
        assert result._held[5].relink is not None and not result.warnings
        clean = tmp_path / f"clean{i}"
        build(corpus, clean, views=False, workers=1, cache=False)
        assert _outputs(out) == _outputs(clean)
        full = tmp_path / f"full{i}"
        build(corpus, full, views=False, workers=1)
        for name in ("indicators.arrow", "entities.arrow"):
            assert _table(out / "cache" / name).equals(_table(full / "cache" / name))


def test_a_damaged_link_file_is_one_line_and_the_records_are_linked(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)
    (out / "cache" / "indicators.arrow").write_bytes(b"\x00" * 64)
    (corpus / "zz_new.txt").write_text("市交通运输局查处案件12宗。", encoding="utf-8")
    result = build(corpus, out, views=False, workers=1)
    assert result._held[5].relink is None
    assert [w for w in result.warnings if "indicator link" in w] == [w for w in result.warnings]
    assert len(result.warnings) == 1
    clean = tmp_path / "clean"
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _outputs(out) == _outputs(clean)


def test_a_link_file_not_saved_is_one_warning_and_the_next_rebuild_links_the_records(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)

    def fail(folder, table):
        raise OSError("disk full")

    monkeypatch.setattr("kg.pipeline.write_state", fail)
    (corpus / "zz_new.txt").write_text("市交通运输局查处案件12宗，客运量增长5%。", encoding="utf-8")
    result = build(corpus, out, views=False, workers=1)
    assert len(result.warnings) == 1 and "indicators.arrow: not kept (disk full)" in result.warnings[0]
    assert not (out / "cache" / "indicators.arrow.tmp").exists()
    monkeypatch.undo()
    (corpus / "zz_new.txt").write_text("市交通运输局查处案件15宗。", encoding="utf-8")
    result = build(corpus, out, views=False, workers=1)
    assert result._held[5].relink is None and not result.warnings
    clean = tmp_path / "clean"
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _outputs(out) == _outputs(clean)
