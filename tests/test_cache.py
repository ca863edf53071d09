"""The build cache is plain data: nothing in it is executed or unpickled, and a damaged entry is one
warning line and is rebuilt, never a traceback."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from kg.pipeline import build

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


class _Payload:
    """Unpickling this creates the file named in it: proof that a pickle was read."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[2:4]:
        shutil.copy(p, folder / p.name)
    return folder


def _build(corpus: Path, out: Path):
    return build(corpus, out, views=False, workers=1)


def _records(out: Path) -> bytes:
    return (out / "extractions.jsonl").read_bytes()


def test_pickles_planted_in_the_cache_are_never_loaded(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    marker = tmp_path / "pwned"
    blob = pickle.dumps(_Payload(str(marker)))
    cache = out / "cache"
    for path in (cache / "index.pkl", cache / "files.state", cache / "manifest.json", cache / "entities.arrow",
                 *sorted((cache / "docs").iterdir())):
        path.write_bytes(blob)
    (corpus / "new.txt").write_text("市交通运输局开展“护航行动”专项整治。", encoding="utf-8")
    result = _build(corpus, out)
    assert not marker.exists()
    assert result.summary["documents"] == 3 and result.summary["processed"] == 3
    assert all("\n" not in w for w in result.warnings)


def _add_document(corpus: Path) -> None:
    (corpus / "zz_new.txt").write_text("市交通运输局开展“护航行动”专项整治，查处案件12宗。", encoding="utf-8")


@pytest.mark.parametrize("blob", ["nodes.arrow", "edges.arrow", "jsonl", "json.z"])
def test_a_truncated_entry_is_one_line_and_rebuilt(corpus, tmp_path, blob):
    out = tmp_path / "out"
    _build(corpus, out)
    victim = sorted((out / "cache" / "docs").glob(f"*.{blob}"))[0]
    os.truncate(victim, 10)
    _add_document(corpus)
    result = _build(corpus, out)
    lines = [w for w in result.warnings if victim.name in w]
    assert len(lines) == 1 and ("damaged" in lines[0] or "unreadable" in lines[0]), result.warnings
    assert result.summary["processed"] == 2 and result.summary["cached"] == 1
    fresh = tmp_path / "fresh"
    _build(corpus, fresh)
    assert _records(out) == _records(fresh)
    assert not [w for w in _build(corpus, out).warnings if "cache" in w]  # and then it is whole again


def test_a_damaged_entry_found_by_an_export_is_one_line_and_the_next_build_rebuilds_it(corpus, tmp_path):
    from kg.pipeline import BuildError, BuildResult

    out = tmp_path / "out"
    _build(corpus, out)
    victim = sorted((out / "cache" / "docs").glob("*.nodes.arrow"))[0]
    os.truncate(victim, 10)
    with pytest.raises(BuildError) as err:
        BuildResult(out=out, summary={}).graph
    assert victim.name in str(err.value) and "\n" not in str(err.value)
    again = _build(corpus, out)  # not a no-op: the damaged entry is gone
    assert again.summary["processed"] == 1
    assert BuildResult(out=out, summary={}).graph.number_of_nodes() > 0


def test_a_blob_of_the_right_size_but_other_bytes_is_caught_by_its_checksum(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    victim = sorted((out / "cache" / "docs").glob("*.edges.arrow"))[0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    _add_document(corpus)
    result = _build(corpus, out)
    assert [w for w in result.warnings if victim.name in w and "checksum" in w]
    assert result.summary["processed"] == 2


def test_garbage_manifest_and_entities_mean_a_full_write(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    (out / "cache" / "manifest.json").write_text("{not json", encoding="utf-8")
    (out / "cache" / "entities.arrow").write_bytes(b"\x00" * 64)
    again = _build(corpus, out)
    assert again.summary["store"] == "written" and again.summary["processed"] == 0
    assert again.summary["entities"] == first.summary["entities"]
    assert json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))["docs"]


def test_a_file_name_that_is_not_utf8_gets_a_key(tmp_path):
    from kg.pipeline.cache import document_key

    name = os.fsdecode(b"\xe5\xa4\xa7\xff.txt")  # 大 and a byte that is not UTF-8
    assert len(document_key("f", name, b"x")) == 40


def test_a_build_leaves_garbage_collection_as_it_found_it(corpus, tmp_path):
    """Loading, linking and writing run without cyclic collection and the records are frozen while extracting;
    after the build (a rebuild, and one that fails) collection is on and nothing stays frozen."""
    import gc

    from kg.pipeline import BuildError

    out = tmp_path / "out"
    _build(corpus, out)
    _add_document(corpus)
    assert _build(corpus, out).summary["cached"] == 2
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(BuildError):
        _build(tmp_path / "empty_corpus_that_is_missing", tmp_path / "out2")
    assert gc.isenabled() and gc.get_freeze_count() == 0


def _spy_pool_runs(monkeypatch, made: list[bool] | None = None) -> list[list[str]]:
    """The documents each early worker run was given (the run itself is kept); ``made`` gets, per run, whether it
    was made before its documents were known (a worker started while the corpus was hashed)."""
    from kg.pipeline import executors

    started: list[list[str]] = []
    real = executors.PoolRun

    class Spy(real):
        def __init__(self, tasks, settings, workers):
            if made is not None:
                made.append(tasks is None)
            super().__init__(None if tasks is None else list(tasks), settings, workers)

        def feed(self, tasks):
            tasks = list(tasks)
            started.append([t.name for t in tasks])
            super().feed(tasks)

    monkeypatch.setattr(executors, "PoolRun", Spy)
    return started


def test_a_new_document_is_extracted_in_a_worker_while_the_cache_loads(corpus, tmp_path, monkeypatch):
    """A rebuild that has cached records to load starts a worker on the documents the cache lacks before loading;
    the outputs are those of a clean build of the same corpus."""
    out, clean = tmp_path / "out", tmp_path / "clean"
    build(corpus, out, views=False, workers=2)
    (corpus / "new.txt").write_text("市交通运输局开展“护航行动”专项整治。", encoding="utf-8")
    made: list[bool] = []
    started = _spy_pool_runs(monkeypatch, made)
    result = build(corpus, out, views=False, workers=2)
    assert started == [["new.txt"]]
    assert made == [True]  # its worker was started while the corpus was hashed, before the records were loaded
    assert result.summary["processed"] == 1 and result.summary["cached"] == 2 and result.summary["workers"] == 1
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _records(out) == _records(clean)


def test_a_damaged_entry_found_while_a_worker_extracts_is_processed_too(corpus, tmp_path, monkeypatch):
    out, clean = tmp_path / "out", tmp_path / "clean"
    build(corpus, out, views=False, workers=2)
    (corpus / "new.txt").write_text("市交通运输局开展“护航行动”专项整治。", encoding="utf-8")
    record = next((out / "cache" / "docs").glob("*.json.z"))
    record.write_bytes(b"not zlib")
    made: list[bool] = []
    started = _spy_pool_runs(monkeypatch, made)
    result = build(corpus, out, views=False, workers=2)
    assert started == [["new.txt"]]
    assert made == [True]  # its worker was started while the corpus was hashed, before the records were loaded
    assert result.summary["processed"] == 2 and result.summary["documents"] == 3
    assert sum("damaged cache entry" in w for w in result.warnings) == 1
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _records(out) == _records(clean)


def test_one_worker_means_no_worker_process(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out, views=False, workers=1)
    (corpus / "new.txt").write_text("市交通运输局开展“护航行动”专项整治。", encoding="utf-8")
    started = _spy_pool_runs(monkeypatch)
    assert build(corpus, out, views=False, workers=1).summary["processed"] == 1
    assert started == []


@pytest.mark.parametrize("damage", ["size", "frame"])
def test_a_record_whose_size_or_frame_lies_is_one_line_and_rebuilt(corpus, tmp_path, damage):
    """A record is its JSON's size (4 bytes) and one zstd frame: a wrong size or a broken frame is a damaged entry."""
    import struct

    out = tmp_path / "out"
    _build(corpus, out)
    victim = sorted((out / "cache" / "docs").glob("*.json.z"))[0]
    data = bytearray(victim.read_bytes())
    (size,) = struct.unpack_from("<I", data)
    if damage == "size":
        struct.pack_into("<I", data, 0, size + 7)
    else:
        data[4:8] = b"\x00\x00\x00\x00"  # the frame's magic number
    victim.write_bytes(bytes(data))
    _add_document(corpus)
    result = _build(corpus, out)
    lines = [w for w in result.warnings if victim.name in w]
    assert len(lines) == 1 and "damaged cache entry" in lines[0] and "\n" not in lines[0], result.warnings
    assert result.summary["processed"] == 2 and result.summary["cached"] == 1
    fresh = tmp_path / "fresh"
    _build(corpus, fresh)
    assert _records(out) == _records(fresh)


def test_workers_start_without_this_process_main():
    """A worker would import the caller's ``__main__`` again (the CLI); the pool starts its workers without it."""
    from multiprocessing import spawn

    from kg.workers import without_main

    main = sys.modules["__main__"]
    with without_main():
        data = spawn.get_preparation_data("w")
    assert "init_main_from_name" not in data and "init_main_from_path" not in data
    assert sys.modules["__main__"] is main


def test_no_worker_is_started_early_when_the_last_build_used_other_lexicons(corpus, tmp_path, monkeypatch):
    """A worker starts while the corpus is hashed only when the last build had this fingerprint (code and lexicons):
    after a change of lexicons every document is new, and this process extracts them as a full build would."""
    out = tmp_path / "out"
    build(corpus, out, views=False, workers=2)
    lex = tmp_path / "user.tsv"
    lex.write_text("CAMPAIGN\t护航行动\n", encoding="utf-8")
    made: list[bool] = []
    _spy_pool_runs(monkeypatch, made)
    assert build(corpus, out, views=False, workers=2, lexicons=[lex]).summary["processed"] == 2
    assert made == []


def _entries_read(monkeypatch) -> list[str]:
    """The keys whose record the build reads from its entry (not from the snapshot)."""
    from kg.pipeline.cache import Cache

    read: list[str] = []
    real = Cache.record

    def record(self, key):
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(Cache, "record", record)
    return read


def test_a_rebuild_takes_the_records_from_the_snapshot_and_equals_a_clean_build(corpus, tmp_path, monkeypatch):
    out, clean = tmp_path / "out", tmp_path / "clean"
    _build(corpus, out)
    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["snapshot"]
    _add_document(corpus)
    read = _entries_read(monkeypatch)
    result = _build(corpus, out)
    assert result.summary["processed"] == 1 and result.summary["cached"] == 2
    assert not set(read) & set(manifest["docs"].values())  # (the new document's key is looked up)
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _records(out) == _records(clean)


def test_an_entry_written_after_the_snapshot_is_read_from_its_files(corpus, tmp_path, monkeypatch):
    """The snapshot gives a record only while its entry's files are the ones it was taken of: an entry written
    again since (a relink rewrites records) is read from the entry."""
    from kg.pipeline.cache import Cache

    out = tmp_path / "out"
    _build(corpus, out)
    cache = Cache(out / "cache")
    key, other = sorted(json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))["docs"].values())
    cache.put_record(cache.record(key))  # the same record, a new file
    _add_document(corpus)
    read = _entries_read(monkeypatch)
    assert _build(corpus, out).summary["cached"] == 2
    assert key in read and other not in read


@pytest.mark.parametrize("damage", ["garbage", "another build's", "flipped byte"])
def test_a_snapshot_that_is_not_the_manifests_is_not_believed(corpus, tmp_path, monkeypatch, damage):
    out, other = tmp_path / "out", tmp_path / "other"
    _build(corpus, out)
    snapshot = out / "cache" / "records.z"
    if damage == "garbage":
        snapshot.write_bytes(b"\x00" * 64)
    elif damage == "another build's":
        _build(corpus, other)  # (its manifest names its own snapshot)
        shutil.copy(other / "cache" / "records.z", snapshot)
    else:
        data = bytearray(snapshot.read_bytes())
        data[len(data) // 2] ^= 0xFF
        snapshot.write_bytes(bytes(data))
    _add_document(corpus)
    read = _entries_read(monkeypatch)
    result = _build(corpus, out)
    assert result.summary["cached"] == 2 and len(set(read)) == 3
    assert not [w for w in result.warnings if "cache" in w]
    fresh = tmp_path / "fresh"
    _build(corpus, fresh)
    assert _records(out) == _records(fresh)


def test_a_rebuild_copies_the_records_of_unchanged_documents_from_the_last_extractions(corpus, tmp_path, monkeypatch):
    """Only a changed document's records are read from its cache entry; the others are copied from the last build's
    extractions.jsonl while it is the file the manifest describes (a file put in its place is not copied from)."""
    from kg.pipeline.cache import Cache

    out, clean = tmp_path / "out", tmp_path / "clean"
    _build(corpus, out)
    _add_document(corpus)
    read: list[str] = []
    real = Cache.blob

    def blob(self, rec, name):
        if name == "jsonl":
            read.append(rec.name)
        return real(self, rec, name)

    monkeypatch.setattr(Cache, "blob", blob)
    _build(corpus, out)
    assert read == ["zz_new.txt"]
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _records(out) == _records(clean)
    path = out / "extractions.jsonl"
    path.write_bytes(path.read_bytes())  # written again: the same bytes, another modification time
    (corpus / "zz_new.txt").write_text("市交通运输局开展“护航行动”专项整治，查处案件13宗。", encoding="utf-8")
    read.clear()
    _build(corpus, out)
    assert sorted(read) == sorted(p.name for p in corpus.iterdir())
    shutil.rmtree(clean)
    build(corpus, clean, views=False, workers=1, cache=False)
    assert _records(out) == _records(clean)


def test_a_rebuild_reads_only_the_files_whose_status_changed(corpus, tmp_path, monkeypatch):
    import kg.pipeline.scan as scan

    monkeypatch.setattr(scan, "SETTLED_NS", 0)  # (the files were written just now)
    out = tmp_path / "out"
    first = _build(corpus, out)
    read = []
    monkeypatch.setattr(scan, "read_file", lambda path, *a: read.append(Path(path).name) or Path(path).read_bytes())
    again = _build(corpus, out)
    assert read == [] and again.summary["processed"] == 0
    assert set(again.summary["stages"]) == {"scan"}  # the no-op's own stage, not the last build's
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三是加强队伍建设。\n", encoding="utf-8")
    result = _build(corpus, out)
    assert read == [changed.name, changed.name] and result.summary["processed"] == 1  # hashed, then extracted
    clean = build(corpus, tmp_path / "clean", views=False, workers=1, cache=False)
    assert _records(out) == _records(tmp_path / "clean") and result.summary["entities"] == clean.summary["entities"]
    assert first.summary["documents"] == result.summary["documents"]
