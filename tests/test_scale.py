"""Parallel, incremental and distributed builds give the same files as a clean one-process build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.pipeline import BuildError, build

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def outputs(out: Path) -> dict[str, object]:
    """What a build writes that must not depend on how it was built: the records and the store's rows."""
    from test_store import dump

    assert not [p.name for p in out.iterdir() if ".tmp" in p.name or ".new-" in p.name]
    return {"extractions.jsonl": (out / "extractions.jsonl").read_bytes(), "store": dump(out / "store")}


def assert_same_outputs(a: Path, b: Path) -> None:
    fa, fb = outputs(a), outputs(b)
    for name in fa:
        assert fa[name] == fb[name], f"{name} differs between {a} and {b}"


def fast_build(corpus: Path, out: Path, **kw):
    return build(corpus, out, views=False, **kw)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The sample corpus built in this process, without a cache."""
    out = tmp_path_factory.mktemp("clean") / "out"
    fast_build(CORPUS, out, workers=1, cache=False)
    return out


def copy_corpus(tmp_path: Path, names: list[str] | None = None) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        if names is None or p.name in names:
            shutil.copy(p, corpus / p.name)
    return corpus


def test_no_cache_leaves_no_cache_folder(clean):
    assert not (clean / "cache").exists()
    assert not any("kg-cache-" in p.name for p in clean.iterdir())


def test_a_rebuild_with_nothing_changed_leaves_the_store_alone(tmp_path):
    corpus = copy_corpus(tmp_path, [sorted(p.name for p in CORPUS.glob("*.txt"))[0]])
    out = tmp_path / "out"
    build(corpus, out, store=True, views=False, workers=1)
    again = build(corpus, out, store=True, views=False, workers=1)
    assert again.summary["store"] == "unchanged" and again.summary["files"] == "unchanged"
    assert again.summary["processed"] == 0


def test_a_no_cache_build_between_two_cached_ones_leaves_a_right_store(tmp_path):
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out, store=True, views=False, workers=1)
    doc = sorted(corpus.iterdir())[1]
    original = doc.read_text(encoding="utf-8")
    doc.write_text(original + "\n开展“路域环境整治月”活动。\n", encoding="utf-8")
    build(corpus, out, store=True, views=False, workers=1, cache=False)  # the store now has the new text
    doc.write_text(original, encoding="utf-8")
    back = build(corpus, out, store=True, views=False, workers=1)
    assert back.summary["processed"] == 0 and back.summary["store"] == "written"
    fresh = tmp_path / "fresh"
    build(corpus, fresh, store=True, views=False, workers=1, cache=False)
    assert_same_outputs(out, fresh)


def test_worker_processes_give_the_same_files(clean, tmp_path, monkeypatch):
    # the sample corpus is small enough to run in process: lower the bar so workers really start
    monkeypatch.setattr("kg.pipeline.IN_PROCESS_BYTES", 0)
    result = fast_build(CORPUS, tmp_path / "out", workers=2)
    assert result.summary["workers"] == 2 and result.summary["processed"] == 5
    assert_same_outputs(clean, tmp_path / "out")


def test_rebuild_processes_only_what_changed_and_equals_a_clean_build(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.outputs.UPDATE_SHARE", 1)  # update the store in place even for 2 of 5
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    first = fast_build(corpus, out, workers=1)
    assert first.summary["processed"] == 5 and first.summary["cached"] == 0

    again = fast_build(corpus, out, workers=1)
    assert again.summary["processed"] == 0 and again.summary["cached"] == 5
    assert again.summary["files"] == "unchanged" and again.summary["store"] == "unchanged"

    names = sorted(p.name for p in corpus.iterdir())
    changed = corpus / names[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三是加强队伍建设，开展“执法素质提升年”活动。\n",
                       encoding="utf-8")
    (corpus / names[4]).unlink()
    shutil.copy(CORPUS / names[4], corpus / "added.txt")
    third = fast_build(corpus, out, workers=1)
    assert third.summary["processed"] == 2 and third.summary["cached"] == 3
    assert third.summary["store"] == "updated"
    assert "执法素质提升年" in (out / "extractions.jsonl").read_text(encoding="utf-8")

    fresh = tmp_path / "fresh"
    fast_build(corpus, fresh, workers=1, cache=False)
    assert_same_outputs(out, fresh)
    # entries of documents no longer in the corpus are pruned
    cached = {p.name.split(".")[0] for p in (out / "cache" / "docs").iterdir()}
    assert len(cached) == 5


def test_a_new_document_that_changes_another_documents_links(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.outputs.UPDATE_SHARE", 1)
    # 002 names a masked campaign (*执法领域突出问题专项整治行动) that joins 003's unmasked one
    # only when 003 is in the corpus: adding 003 must re-link 002's cached chunk too
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    corpus = copy_corpus(tmp_path, [names[2]])
    out = tmp_path / "out"
    fast_build(corpus, out, workers=1)
    masked = [json.loads(line) for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    before = {r["id"] for r in masked if r.get("name", "").startswith("*执法领域")}
    assert before, "002 no longer names the masked campaign this test relies on"

    shutil.copy(CORPUS / names[3], corpus / names[3])
    result = fast_build(corpus, out, workers=1)
    assert result.summary["processed"] == 1 and result.summary["store"] == "updated"
    records = [json.loads(line) for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    after = {r["id"] for r in records if r.get("name", "").startswith("*执法领域")}
    assert after and after != before
    fresh = tmp_path / "fresh"
    fast_build(corpus, fresh, workers=1, cache=False)
    assert_same_outputs(out, fresh)


def test_user_lexicon_change_invalidates_the_cache(tmp_path):
    corpus = copy_corpus(tmp_path, [sorted(p.name for p in CORPUS.glob("*.txt"))[2]])
    out = tmp_path / "out"
    fast_build(corpus, out, workers=1)
    lexicon = tmp_path / "user.tsv"
    lexicon.write_text("CAMPAIGN\t平安交通创建\n", encoding="utf-8")
    result = fast_build(corpus, out, workers=1, lexicons=[lexicon])
    assert result.summary["processed"] == 1 and result.summary["cached"] == 0


def test_bad_files_are_one_line_each_and_the_rest_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.IN_PROCESS_BYTES", 0)
    corpus = copy_corpus(tmp_path)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = fast_build(corpus, tmp_path / "out", workers=2)
    assert result.summary["documents"] == 5 and result.summary["documents_failed"] == 3
    lines = [w for w in result.warnings if w.split(":")[0] in ("empty.txt", "binary.txt", "broken.docx")]
    assert len(lines) == 3 and all("\n" not in w for w in lines)
    # failures are not cached: the next build tries them again, and only them
    again = fast_build(corpus, tmp_path / "out", workers=2)
    assert again.summary["processed"] == 0 and again.summary["documents_failed"] == 3


def test_unreachable_dask_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.executors.CONNECT_TIMEOUT", "2s")
    with pytest.raises(BuildError) as err:
        fast_build(copy_corpus(tmp_path), tmp_path / "out", dask="tcp://127.0.0.1:9", cache=False)
    assert "tcp://127.0.0.1:9" in str(err.value) and "\n" not in str(err.value)


def test_dask_cluster_of_worker_processes_gives_the_same_files(clean, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster:
        result = fast_build(CORPUS, tmp_path / "out", dask=cluster.scheduler_address, cache=False)
        assert result.summary["processed"] == 5
        workers = cluster.scheduler_info["workers"]
        assert len(workers) == 2
    assert_same_outputs(clean, tmp_path / "out")


def test_views_of_a_graph_too_large_are_left_out_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.outputs.VIEWS_MAX_NODES", 100)
    result = build(CORPUS, tmp_path / "out", store=False, views=True, workers=1, cache=False)
    assert not (tmp_path / "out" / "visualizations").exists()
    lines = [w for w in result.warnings if "views not written" in w]
    assert len(lines) == 1 and str(result.summary["nodes"]) in lines[0] and "kg views" in lines[0]


def test_rebuild_updates_the_store_in_place_to_what_a_clean_build_writes(tmp_path):
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    build(corpus, out, store=True, views=False, workers=1)
    names = sorted(p.name for p in corpus.iterdir())
    doc = corpus / names[3]
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text[: len(text) // 2] + "\n开展“平安交通示范创建”专项行动，查处违法案件12起。\n", encoding="utf-8")
    result = build(corpus, out, store=True, views=False, workers=1)
    assert result.summary["processed"] == 1 and result.summary["store"] == "updated"
    changes = result.summary["store_changes"]  # the edited document's rows compared: its node set in place
    assert changes["updated"]["Document"] == 1 and "Document" not in changes["deleted"]
    assert changes["deleted"]["Sentence"] and changes["created"]["Sentence"]
    fresh = tmp_path / "fresh"
    clean = build(corpus, fresh, store=True, views=False, workers=1, cache=False)
    assert clean.summary["store"] == "written"
    assert_same_outputs(out, fresh)
