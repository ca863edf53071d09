"""Benchmark: what a graph's indicators cost against its build (not a test).

Issue 12: "a graph of 2,000 documents builds its indicators within 5% of the build
time". The indicators cost in two places:

- in each document's task, :func:`kg.resolve.indicators.document_indicators` (the core
  and dimension of every metric, the document's summaries): measured on ``--sample``
  documents of the corpus in this process, as a share of the CPU time of the whole task
  (:func:`kg.pipeline.work.process`: read, structure, extract, group, indicators, rows);
  with the normaliser's memo kept from document to document, as in a worker, and emptied
  before each document;
- at link time, :func:`kg.resolve.indicators.link_indicators` over the records of every
  document and the Indicator rows (:func:`kg.graph.indicator_rows`, ``node_table``),
  timed on the records of the build's cache.

The build: ``kg.pipeline.build(corpus, out, workers=1, store=False, views=False)`` over
``--docs`` copies of the sample documents (:mod:`kg.bench.corpus`), timed whole (wall and
CPU). The indicators' share = (task share x the build's extract stage + link-time seconds)
/ the build's seconds, and the same without the memo. Prints JSON.

Usage::

    python tests/benchmarks/indicators_cost.py [--docs 2000] [--sample 100] [--work /tmp/kgi]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.bench import corpus as bench_corpus
from kg.bench.corpus import make_corpus
from kg.extract import extract_document
from kg.graph import indicator_rows
from kg.ingest import document_from_bytes
from kg.pipeline import build
from kg.pipeline.cache import Cache
from kg.pipeline.tasks import Settings, Task
from kg.pipeline.work import pipeline_for, process
from kg.resolve.indicators import document_indicators, link_indicators
from kg.rows import node_table
from kg.structure import structure_document


def _cpu() -> float:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def task_share(corpus: Path, sample: int) -> dict:
    """CPU seconds of the whole per-document task (:func:`kg.pipeline.work.process`) and of its indicators, on
    ``sample`` documents taken in order, as a worker takes them (one normaliser, its memo kept), and with the
    normaliser's memo emptied before each document (as if no two documents shared a phrase)."""
    settings = Settings()
    lexicon, nlp, normaliser = pipeline_for(settings)
    paths = sorted(corpus.glob("*.txt"))[:sample]
    task = kept = fresh = 0.0
    metrics = 0
    for p in paths:
        data = p.read_bytes()
        c0 = time.process_time()
        process(Task(name=p.name, path=str(p), data=data, key="bench"), settings)
        task += time.process_time() - c0
        ext = extract_document(structure_document(document_from_bytes(data, p.name, p)), nlp)
        memo = dict(normaliser._memo)
        normaliser._memo.clear()
        c0 = time.process_time()
        document_indicators(ext, normaliser=normaliser)
        fresh += time.process_time() - c0
        normaliser._memo.clear()
        normaliser._memo.update(memo)
        c0 = time.process_time()
        document_indicators(ext, normaliser=normaliser)
        kept += time.process_time() - c0
        metrics += len(ext.metrics)
    return {"documents": len(paths), "metrics": metrics, "task_cpu_seconds": round(task, 3),
            "indicator_cpu_seconds": round(kept, 4), "share": round(kept / task, 4) if task else None,
            "indicator_cpu_seconds_without_memo": round(fresh, 4),
            "share_without_memo": round(fresh / task, 4) if task else None}


def link_time(out: Path) -> dict:
    """Seconds to aggregate the indicators of every record of the build's cache into Indicator rows."""
    cache = Cache(out / "cache")
    records = [cache.record(key) for key in cache.manifest()["docs"].values()]
    t0 = time.perf_counter()
    found = link_indicators((r.name, r.indicators) for r in records)
    table = node_table(indicator_rows(found[i] for i in sorted(found)))
    seconds = time.perf_counter() - t0
    return {"records": len(records), "indicators": len(found), "rows": table.num_rows,
            "cross_document": sum(1 for ind in found.values() if len(ind.docs) > 1), "seconds": round(seconds, 4)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=100, help="documents whose task is timed in this process")
    ap.add_argument("--work", help="folder for the corpus and the build (default: a temporary one, removed)")
    args = ap.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-indicators-"))
    try:
        corpus, out = work / "corpus", work / "out"
        if not corpus.is_dir():
            # kg.bench.corpus reports progress with a log() it does not define (kg.bench's): give it one
            bench_corpus.log = getattr(bench_corpus, "log", lambda msg: print(msg, file=sys.stderr))
            make_corpus(corpus, args.docs)
        shutil.rmtree(out, ignore_errors=True)
        print(f"building {args.docs} documents …", file=sys.stderr)
        c0, t0 = _cpu(), time.perf_counter()
        result = build(corpus, out, workers=1, store=False, views=False)
        wall, cpu = time.perf_counter() - t0, _cpu() - c0
        share = task_share(corpus, args.sample)
        link = link_time(out)
        extract = result.summary["stages"].get("extract", 0.0)
        cost = share["share"] * extract + link["seconds"]
        cost_fresh = share["share_without_memo"] * extract + link["seconds"]
        report = {
            "docs": result.summary["documents"], "metrics": result.summary["metrics"],
            "build": {"wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "stages": result.summary["stages"]},
            "task": share, "link": link,
            "indicator_seconds": round(cost, 3), "share_of_build": round(cost / wall, 4),
            "share_of_build_without_memo": round(cost_fresh / wall, 4),
            "link_share_of_build": round(link["seconds"] / wall, 5),
            "target": "share_of_build <= 0.05",
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return report
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
