"""Benchmark: what one very long line and one very large document cost to build (not a test).

Makes from the sample corpus (``data/corpus``)

- ``line_nopunct``: one line of ``--line-mb`` MB (UTF-8) of its text with every line break,
  punctuation mark and blank removed (one sentence as far as punctuation goes);
- ``line``: one line of ``--line-mb`` MB of its text with only the line breaks removed;
- ``document``: one document of ``--doc-mb`` MB, the sample texts one after the other, repeated;

and builds each alone with ``kg.pipeline.build(workers=1, store=False, views=False,
cache=False)`` in a fresh Python process, so the peak resident memory (``ru_maxrss``) is that
of the one build. Prints JSON: per case its size, seconds (wall clock, and the CPU time of the
build, which a busy machine inflates less), the build's stages, peak RSS in MB, what the build
found and its warnings. A case that runs longer than ``--timeout`` seconds is stopped and
reported so.

Usage (targets: the 20 MB document in under 60 s and 1 GB, a 2 MB line in a few seconds)::

    python tests/benchmarks/linear_cost.py [--line-mb 2] [--doc-mb 20] [--cases line_nopunct,line,document]

To measure another checkout (say the code before a change), run the script with
``PYTHONPATH`` pointing at that checkout's copy of ``kg``.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "corpus"
CASES = ("line_nopunct", "line", "document")
_NOT_TEXT = re.compile(r"[^\w]|_")  # punctuation, symbols and blanks (\w keeps ideographs, letters, digits)


def _fill(unit: str, megabytes: float) -> str:
    """``unit`` repeated to ``megabytes`` of UTF-8 (cut at a character)."""
    size = int(megabytes * 1_000_000)
    reps = size // len(unit.encode("utf-8")) + 1
    return (unit * reps).encode("utf-8")[:size].decode("utf-8", "ignore")


def make_text(case: str, line_mb: float, doc_mb: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    if case == "line_nopunct":
        return _fill(_NOT_TEXT.sub("", "".join(texts)), line_mb)
    if case == "line":
        return _fill("".join(t.replace("\n", "") for t in texts), line_mb)
    if case == "document":
        return _fill("\n".join(texts) + "\n", doc_mb)
    raise ValueError(f"unknown case {case!r}")


def build_one(corpus: Path, out: Path) -> dict:
    """Build ``corpus`` in this process and report seconds, peak RSS and counts."""
    from kg.pipeline import build

    t0, c0 = time.perf_counter(), time.process_time()
    result = build(corpus, out, workers=1, store=False, views=False, cache=False)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    s = result.summary
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "stages": s["stages"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences": s["sentences"],
        "mentions": sum(s["entity_mentions"].values()),
        "metrics": s["metrics"],
        "relations": sum(s["relations"].values()),
        "nodes": s["nodes"],
        "edges": s["edges"],
        "warnings": result.warnings,
    }


def run_case(case: str, line_mb: float, doc_mb: float, timeout: float, tmp: Path) -> dict:
    corpus = tmp / case / "corpus"
    corpus.mkdir(parents=True)
    text = make_text(case, line_mb, doc_mb)
    path = corpus / f"{case}.txt"
    path.write_text(text, encoding="utf-8")
    row = {"case": case, "mb": round(path.stat().st_size / 1e6, 2), "chars": len(text), "lines": text.count("\n") + 1}
    cmd = [sys.executable, __file__, "--one", str(corpus), str(tmp / case / "out")]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        row["error"] = f"not finished in {timeout:.0f} s"
        return row
    if done.returncode != 0:
        row["error"] = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return row
    row.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--line-mb", type=float, default=2.0)
    ap.add_argument("--doc-mb", type=float, default=20.0)
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one case")
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(build_one(Path(a.one[0]), Path(a.one[1])), ensure_ascii=False))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in a.cases.split(","):
            rows.append(run_case(case, a.line_mb, a.doc_mb, a.timeout, Path(tmp)))
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    print(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
