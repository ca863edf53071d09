"""The ``kg`` program ends a finished build without tearing its objects down (os._exit after every output is
written, closed and flushed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from kg.pipeline import build

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
ROOT = Path(__file__).resolve().parent.parent

#: the kg program, with an exit handler that says whether the interpreter was torn down
PROGRAM = ("import atexit, sys; atexit.register(lambda: print('TORN DOWN', flush=True)); "
           "sys.argv = ['kg', *sys.argv[1:]]; from kg.cli import main; main()")


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, cwd=ROOT)


def test_a_finished_build_ends_the_program_at_once_with_every_output_whole(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(p, corpus / p.name)
    out = tmp_path / "out"
    for change in (False, True):  # a full build, then a rebuild with one document changed
        if change:
            first = sorted(corpus.glob("*.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\n市交通运输局开展专项整治。\n", encoding="utf-8")
        run = _kg("build", str(corpus), "-o", str(out), "--no-views")
        assert run.returncode == 0, run.stderr
        assert "TORN DOWN" not in run.stdout  # ended without the interpreter's teardown
        assert "kg build →" in run.stdout and "documents" in run.stdout  # what it printed is all there
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["processed"] == 1 and summary["cached"] == 3
    fresh = tmp_path / "fresh"
    build(corpus, fresh, views=False, workers=1)
    assert (out / "extractions.jsonl").read_bytes() == (fresh / "extractions.jsonl").read_bytes()
    query = "MATCH (n) RETURN count(n) AS n"
    answers = [subprocess.run([sys.executable, "-m", "kg.cli", "query", query, "--out", str(o), "--format", "json"],
                              capture_output=True, text=True, cwd=ROOT) for o in (out, fresh)]
    assert answers[0].returncode == 0, answers[0].stderr  # the store was closed and moved into place
    assert answers[0].stdout == answers[1].stdout


def test_a_failed_build_and_other_commands_end_the_usual_way(tmp_path):
    run = _kg("build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert run.returncode == 1 and "no such file or folder" in run.stderr
    assert "TORN DOWN" in run.stdout
    run = _kg("--help")
    assert run.returncode == 0 and "TORN DOWN" in run.stdout

