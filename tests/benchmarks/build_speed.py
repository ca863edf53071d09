"""Benchmark: how fast `kg build` processes a corpus (not a test).

Copies the sample corpus N times (each copy a distinct document) and times the
stages of a build. Usage:

    python tests/benchmarks/build_speed.py [--copies 20] [--views] [--store]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from kg.pipeline import build

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--views", action="store_true", help="also write the HTML views")
    ap.add_argument("--store", action="store_true", help="also write the embedded store")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        chars = 0
        for i in range(a.copies):
            for p in sorted(SAMPLE.glob("*.txt")):
                shutil.copy(p, corpus / f"{i:03d}_{p.name}")
                chars += len(p.read_text(encoding="utf-8"))
        stages: dict[str, float] = {}
        last = [time.perf_counter(), "start"]

        def progress(stage: str, done: int, total: int, item: str) -> None:
            now = time.perf_counter()
            stages[last[1]] = stages.get(last[1], 0.0) + now - last[0]
            last[:] = [now, stage]

        t0 = time.perf_counter()
        result = build(corpus, Path(tmp) / "out", progress=progress, views=a.views, store=a.store)
        total = time.perf_counter() - t0
        stages[last[1]] = stages.get(last[1], 0.0) + time.perf_counter() - last[0]
        docs = result.summary["documents"]
        print(f"{docs} documents, {chars} characters, {result.summary['nodes']} nodes, "
              f"{result.summary['edges']} edges in {total:.2f} s")
        print(f"{docs / total:.1f} documents/s, {chars / total / 1000:.1f} k characters/s")
        for stage, sec in stages.items():
            if stage != "start":
                print(f"  {stage:10} {sec:7.2f} s")


if __name__ == "__main__":
    main()
