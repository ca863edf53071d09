"""Faults give one line and a non-zero exit, and never a half-written output: a second build into one
OUT, a full disk, a killed build's workers and leftovers, a query while the store is updated."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from kg.pipeline import BuildError, build
from kg.pipeline.outputs import OutputLock
from kg.query import EmbeddedEngine, QueryError

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
KG = [sys.executable, "-m", "kg.cli"]


def _copy(tmp_path: Path, n: int = 5) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for p in sorted(CORPUS.glob("*.txt"))[:n]:
        shutil.copy(p, corpus / p.name)
    return corpus


def test_a_second_build_into_a_busy_out_is_one_line_naming_the_holder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        with pytest.raises(BuildError, match=rf"another kg build is writing here \(pid {os.getpid()}\)"):
            build(CORPUS, out, views=False)
        run = subprocess.run(KG + ["build", str(CORPUS), "-o", str(out), "--no-views"], capture_output=True, text=True)
        assert run.returncode != 0 and len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert f"pid {os.getpid()}" in run.stderr
    assert build(CORPUS, out, views=False).summary["documents"] == 5  # the lock went with its holder


def test_two_concurrent_builds_leave_one_complete_out(tmp_path):
    corpus = _copy(tmp_path)
    out = tmp_path / "out"
    runs = [subprocess.Popen(KG + ["build", str(corpus), "-o", str(out), "--no-views"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in runs]
    assert any(code == 0 for code, _ in results), results
    for code, err in results:
        if code != 0:
            assert len(err.strip().splitlines()) == 1 and "another kg build" in err
    final = build(corpus, out, views=False)  # what is there is whole: a rebuild has nothing to do
    assert final.summary["processed"] == 0 and final.summary["store"] == "unchanged"
    assert final.summary["documents"] == 5


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".store.new-12345").write_bytes(b"half a database")
    (out / ".store.new-12345.wal").write_bytes(b"x")
    (out / ".extractions.jsonl.tmp-12345").write_text("{", encoding="utf-8")
    (out / ".kg-cache-abc").mkdir()
    (out / ".kg-cache-abc" / "docs").mkdir()
    build(_copy(tmp_path, 1), out, views=False)
    assert sorted(p.name for p in out.iterdir()) == [".kg-build.lock", "cache", "extractions.jsonl", "store",
                                                      "summary.json"]


def _unshare_available() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-rm", "true"], capture_output=True).returncode == 0


def test_a_full_disk_is_one_line_and_the_previous_output_stays(tmp_path):
    """OUT on a small tmpfs (in a mount namespace of its own): the first build fits, the second does not."""
    assert _unshare_available(), "unshare -rm (util-linux, user and mount namespaces) is needed for this test"
    small, full = _copy(tmp_path / "a", 1), _copy(tmp_path / "b", 5)
    out = tmp_path / "disk"
    out.mkdir()
    script = f"""
set -e
mount -t tmpfs -o size=24m tmpfs {out}
{sys.executable} -m kg.cli build {small} -o {out}/o --no-views > {tmp_path}/first.out 2> {tmp_path}/first.err
cp {out}/o/extractions.jsonl {tmp_path}/first.jsonl
head -c 19000000 /dev/zero > {out}/filler
set +e
{sys.executable} -m kg.cli build {full} -o {out}/o --no-views > {tmp_path}/second.out 2> {tmp_path}/second.err
echo $? > {tmp_path}/second.code
cmp {out}/o/extractions.jsonl {tmp_path}/first.jsonl && echo same > {tmp_path}/kept
{sys.executable} -m kg.cli query "MATCH (d:Document) RETURN count(d) AS n" -o {out}/o --format csv > {tmp_path}/query.out
"""
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "second.code").read_text().strip() != "0"
    err = (tmp_path / "second.err").read_text(encoding="utf-8").strip()
    assert len(err.splitlines()) == 1 and "No space left on device" in err, err
    assert (tmp_path / "kept").exists(), "the first build's records were not kept"
    assert (tmp_path / "query.out").read_text().split() == ["n", "1"]


def test_a_killed_build_takes_its_workers_with_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):  # enough work for the workers to be busy when the build is killed
        for p in sorted(CORPUS.glob("*.txt")):
            shutil.copy(p, corpus / f"{i:03d}_{p.name}")
    proc = subprocess.Popen(KG + ["build", str(corpus), "-o", str(tmp_path / "out"), "--no-views", "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    workers: list[psutil.Process] = []
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2:
        workers = [c for c in parent.children(recursive=True) if "spawn" in " ".join(c.cmdline())]
        time.sleep(0.2)
    assert len(workers) >= 2, "the build started no worker processes"
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, [p.pid for p in alive]


def test_a_query_during_a_store_update_reads_a_whole_store(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.pipeline.outputs.UPDATE_SHARE", 1)
    corpus = _copy(tmp_path)
    out = tmp_path / "out"
    build(corpus, out, views=False)
    counts = {build(corpus, tmp_path / "again", views=False).summary["nodes"]}
    seen, errors, stop = set(), [], threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                with EmbeddedEngine(out / "store") as engine:
                    seen.add(engine.run("MATCH (n) RETURN count(n) AS c").rows[0][0])
            except QueryError as exc:
                errors.append(str(exc))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(3):
            doc = corpus / sorted(p.name for p in corpus.iterdir())[i]
            doc.write_text(doc.read_text(encoding="utf-8") + f"\n开展“第{i}次专项整治”行动。\n", encoding="utf-8")
            result = build(corpus, out, views=False)
            assert result.summary["store"] == "updated"
            counts.add(result.summary["nodes"])
    finally:
        stop.set()
        thread.join()
    assert not errors, errors[:3]
    assert seen and seen <= counts  # every answer is the count of one whole store
