"""Scale benchmark of ``kg build`` (issue #6): a script, not a timed test.

Builds a scaled corpus from the sample documents in ``data/corpus`` and measures,
in one run, what the targets of issue #6 are about:

- end-to-end throughput of ``kg build CORPUS -o OUT --workers N --no-views`` (wall
  clock of the build process, from start to exit, interpreter start-up included) in
  characters per second, for each worker count of ``--workers-list``;
- the reference: characters per second of ``jieba.cut`` over the very same texts in
  the same run (``list(jieba.cut(text))`` per document, after ``jieba.initialize()``,
  which is not timed), and the ratio of the two;
- the speed-up of 2 workers over 1.

The reference brackets each build. A host's speed can move by a third between minutes
(one run timed jieba at 63 s and the next at 47 s, the builds between them at 82 s and
111 s), so a jieba time taken minutes before a build is no fair reference for it. jieba
cuts half of the documents (every other one, so each half holds the same mix of samples)
right before the first build, the other half right after it, the first half again after
the second build, and so on: each build is bracketed by one cut of the whole text, half
before it and half after it, and is compared with that (``ratio_to_jieba``: the
build's characters per second per worker against the whole text's characters over the
bracketing halves' seconds). The halves' times and the ratio against each half alone are
reported beside it (``ratio_to_jieba_each``, ``jieba_runs``, ``jieba_reference`` of each
build), so a reader sees how far the machine drifted. The speed-up of 2 workers over 1
(``speedup_2_over_1``, the target's value) is taken against the same references: each
build's time over its bracketing jieba time, so a host that slows between the two builds
does not count as a worse speed-up; the raw wall-clock ratio is ``speedup_2_over_1_wall``.
This costs half a jieba cut per build more than one jieba run at the start. Each jieba run's
``cpu_share`` (CPU over wall seconds) tells a slower host (CPU time moves with wall time; the
brackets even it out) from other processes taking the core (the share drops below 1; nothing
in one run evens that out: compare CPU times then, ``ratio_to_jieba_cpu_1_worker``, which
brackets the same way).
- peak resident memory of the build: the sum of the RSS of the build process and all
  its descendants (the workers), sampled every ``--interval`` seconds with psutil, and
  the peak of the main process alone. The RSS sum counts pages that forked workers
  share with their parent once per process, so it overstates real use; on Linux the
  peak summed PSS (proportional set size) is reported too;
- the incremental rebuild: after the full build, one document is changed (a sentence is
  appended) and the same command is run into the same OUT, which re-extracts only the
  changed document from OUT/cache; its time as a fraction of the full build. A rebuild
  with nothing changed is timed too.

The scaled corpus (:mod:`kg.bench.corpus`): copies of the samples whose place names name
other, real divisions, so copies are distinct jurisdictions. ``distinct_jurisdictions``
counts the distinct ``adcode`` values the build gave the Document nodes;
``jurisdictions_as_planned`` how many documents got the jurisdiction the substitution
aimed at.

The outputs (issue #11), after the full build at the first worker count:

- ``out_bytes``: every byte under OUT (store, cache, extractions.jsonl, summary; no
  views, no exports) against the corpus's bytes: ``out_ratio`` (target <= 6);
- ``exports``: each format of :data:`kg.sinks.exports.FORMATS` written by
  :func:`kg.pipeline.export` from the build's cache, in this process: bytes written,
  seconds, MB/s (target >= 50 each);
- ``sinks_lines``: the lines of ``kg/sinks`` (target <= 1,800);
- the one-document rebuild and the no-op rebuild as fractions of the full build
  (targets 0.05 and 0.02).

Run it from the checkout (jieba and psutil are needed: the ``bench`` extra)::

    python -m kg.bench --docs 2000                    # all measurements, JSON on stdout
    python -m kg.bench --docs 10000 --memory-only     # the memory target: one build
    python -m kg.bench --docs 200 --keep --work /tmp/kgb --json-out bench.json

Before the builds, the benchmark byte-compiles the kg package they import (:mod:`kg.bench.bytecode`: ``compileall``
writes ``__pycache__`` beside the sources, as ``pip install`` does), so that no build compiles kg's sources as it
starts (with ``PYTHONDONTWRITEBYTECODE`` set no build writes them, and a module with a stale ``.pyc`` is compiled at
every start: ~0.1 s of a one-document rebuild's main process, more in its worker). Runs before issue #11's session 12
did not: their builds compiled every kg module without a current ``.pyc``. ``--no-compile`` measures that way; the
JSON's ``bytecode`` says what was found and done.

Progress goes to stderr, the JSON (``ensure_ascii=False``, ``indent=1``) to stdout.
Wall-clock numbers need an otherwise idle machine: each build also reports its CPU
seconds (build and workers) and the load average before it. The cache key includes a
fingerprint of kg's code, so editing kg while the benchmark runs makes the rebuilds
extract everything again (a warning says so); to measure a checkout that is being
edited, copy ``kg/`` and ``data/`` elsewhere and run there with ``PYTHONPATH`` set to
the copy (from a folder that holds no ``kg/``).

Targets: per-worker end-to-end throughput >= 0.54 x jieba's (issue #11: no slower than
before it); 2 workers >= 1.7 x 1 worker; peak memory <= 1.5 GB for 10,000 documents (the
tree RSS of a build at the default worker count; on a smaller corpus the value is reported
against the same threshold with ``at_docs``); a rebuild of one changed document <= 5 % of
a full build and a rebuild with nothing changed <= 2 %; OUT <= 6 x the corpus; every export
>= 50 MB/s; kg/sinks <= 1,800 lines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.bench.bytecode import compile_kg
from kg.bench.corpus import log, make_corpus
from kg.bench.outputs import jurisdiction_report, measure_outputs, tree_bytes
from kg.bench.run import run_build

#: Appended to one document before the incremental rebuild.
CHANGE = "三是加强队伍建设。"
MARKER = ".kg-bench"

TARGETS = {
    "throughput_per_worker_vs_jieba": 0.54,
    "speedup_2_over_1": 1.7,
    "peak_memory_mb_10000_docs": 1536.0,
    "incremental_fraction": 0.05,
    "noop_fraction": 0.02,
    "out_ratio": 6.0,
    "export_mb_per_s": 50.0,
    "sinks_lines": 1800,
}


def _jieba_cut(jieba, texts: list[str]) -> dict:
    """Wall and CPU seconds of ``list(jieba.cut(text))`` over ``texts``, and its characters per second."""
    chars = sum(len(x) for x in texts)
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        list(jieba.cut(text))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    # cpu_share well below 1: other processes took the core (contention), not a slower host (CPU time moves with it)
    return {"chars": chars, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "cpu_share": round(cpu / seconds, 3), "chars_per_s": round(chars / seconds)}


def _bracket(build: dict, before: dict, after: dict, chars: int, workers: int) -> dict:
    """A build against the jieba halves cut right before and right after it (together: the whole text)."""
    seconds = before["seconds"] + after["seconds"]
    per_worker = chars / build["seconds"] / workers
    return {
        "seconds_before": before["seconds"], "seconds_after": after["seconds"],
        "seconds": round(seconds, 3), "cpu_seconds": round(before["cpu_seconds"] + after["cpu_seconds"], 3),
        "chars_per_s_before": before["chars_per_s"], "chars_per_s_after": after["chars_per_s"],
        "chars_per_s": round(chars / seconds),
        "ratio": round(per_worker * seconds / chars, 4),
        "ratio_before": round(per_worker / before["chars_per_s"], 4),
        "ratio_after": round(per_worker / after["chars_per_s"], 4),
    }


def _check_cache(r: dict, expected: int) -> None:
    if r["processed"] is not None and r["processed"] != expected:
        log(f"warning: the rebuild extracted {r['processed']} documents, not {expected}: the cache was not used "
            "(did the kg code change during the run? the cache key includes a fingerprint of the code)")


def _change_one(corpus_dir: Path, name: str) -> None:
    path = corpus_dir / name
    text = path.read_text(encoding="utf-8")
    sep = "" if text.endswith("\n") else "\n"
    path.write_text(text + sep + CHANGE + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# main


def _target(value: float | None, threshold: float, higher_is_better: bool, **extra) -> dict:
    if value is None:
        ok = None
    else:
        ok = value >= threshold if higher_is_better else value <= threshold
    return {"value": value, "threshold": threshold, "pass": ok, **extra}


def _work_dir(arg: str | None) -> Path:
    if arg is None:
        work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    else:
        work = Path(arg).resolve()
        if work.exists() and any(work.iterdir()) and not (work / MARKER).exists():
            raise SystemExit(f"kg.bench: {work} is not empty and was not made by kg.bench; give another --work")
        work.mkdir(parents=True, exist_ok=True)
    (work / MARKER).write_text("made by python -m kg.bench\n", encoding="utf-8")
    return work


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m kg.bench", description="Scale benchmark of kg build (issue #6); prints JSON.",
    )
    ap.add_argument("--docs", type=int, default=2000, help="documents in the scaled corpus (default 2000)")
    ap.add_argument("--workers-list", default="1,2", help="worker counts to build with, comma-separated (default 1,2)")
    ap.add_argument("--work", help="work folder for the corpus and the builds (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--skip-incremental", action="store_true", help="no incremental or no-op rebuild")
    ap.add_argument("--memory-only", action="store_true",
                    help="one build at the last worker count of --workers-list, for the memory target")
    ap.add_argument("--no-store", action="store_true", help="pass --no-store to kg build (no embedded database)")
    ap.add_argument("--interval", type=float, default=0.05, help="memory sampling interval in seconds (default 0.05)")
    ap.add_argument("--json-out", type=Path, help="also write the JSON into this file")
    ap.add_argument("--no-compile", action="store_true",
                    help="do not byte-compile kg before the builds (kg.bench.bytecode; as the checkout is)")
    a = ap.parse_args(argv)
    try:
        a.workers = [int(w) for w in a.workers_list.split(",") if w.strip()]
    except ValueError:
        ap.error("--workers-list takes comma-separated integers, e.g. 1,2")
    if not a.workers or min(a.workers) < 1:
        ap.error("--workers-list needs at least one worker count >= 1")
    if a.docs < 1:
        ap.error("--docs must be at least 1")
    return a


def main(argv: list[str] | None = None) -> dict:
    a = parse_args(argv)
    try:
        import psutil
    except ImportError:
        raise SystemExit("kg.bench needs psutil and jieba: pip install -e '.[bench]'") from None
    jieba = None
    if not a.memory_only:
        try:
            import jieba
        except ImportError:
            raise SystemExit("kg.bench needs psutil and jieba: pip install -e '.[bench]'") from None

    started = time.perf_counter()
    work = _work_dir(a.work)
    corpus_dir = work / "corpus"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    try:
        log(f"work folder {work}; writing {a.docs} documents")
        t = time.perf_counter()
        corpus = make_corpus(corpus_dir, a.docs)
        texts = corpus["texts"]
        chars = sum(len(x) for x in texts.values())
        log(f"corpus: {len(texts)} documents, {chars} characters in {time.perf_counter() - t:.1f} s")
        report: dict = {
            "docs": len(texts),
            "chars": chars,
            "distinct_texts": len(set(texts.values())),
            "bytecode": compile_kg(not a.no_compile),  # (as an install compiles it; --no-compile: as it is)
        }

        jieba_runs: list[dict] = []
        if jieba is not None:
            import logging

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            ordered = list(texts.values())
            halves = [ordered[0::2], ordered[1::2]]

            def cut_half(when: str) -> None:
                half = len(jieba_runs) % 2
                jieba_runs.append({"when": when, **_jieba_cut(jieba, halves[half]),
                                   "documents": "even" if half == 0 else "odd"})
                log(f"jieba, {jieba_runs[-1]['documents']} half, {when}: {jieba_runs[-1]['chars_per_s']} chars/s")

        extra = ["--no-store"] if a.no_store else []
        worker_counts = [a.workers[-1]] if a.memory_only else a.workers
        if jieba is not None:
            cut_half(f"before the {worker_counts[0]}-worker build")
        builds: dict[str, dict] = {}
        outs: dict[int, Path] = {}
        for w in worker_counts:
            out = work / f"out-w{w}"
            if out.exists():
                shutil.rmtree(out)
            log(f"full build, {w} worker(s) -> {out}")
            r = run_build(corpus_dir, out, w, extra, work / f"build-w{w}.log", a.interval, psutil)
            r["chars_per_s"] = round(chars / r["seconds"])
            r["chars_per_s_per_worker"] = round(chars / r["seconds"] / w)
            if r["cpu_seconds"]:
                r["chars_per_cpu_s"] = round(chars / r["cpu_seconds"])
            builds[str(w)] = r
            if r["workers_used"] is not None and r["workers_used"] != w:
                log(f"note: kg build used {r['workers_used']} worker(s), not {w} (corpus too small for a pool?)")
            outs[w] = out
            log(f"full build, {w} worker(s): {r['seconds']:.1f} s, {r['chars_per_s']} chars/s, "
                f"peak RSS {r['peak_rss_mb']} MB (main {r['peak_rss_main_mb']} MB)")
            if jieba is not None:
                cut_half(f"after the {w}-worker build")
                r["jieba_reference"] = _bracket(r, jieba_runs[-2], jieba_runs[-1], chars, w)
            if "distinct_jurisdictions" not in report:
                jr = jurisdiction_report(out, corpus)
                report["distinct_jurisdictions"] = jr.pop("distinct_jurisdictions")
                report.update(jr)
                log(f"jurisdictions: {report['distinct_jurisdictions']} distinct over {len(texts)} documents")
        report["workers"] = builds
        if not a.memory_only and not a.no_store:
            corpus_bytes = tree_bytes(corpus_dir)
            report["outputs"] = measure_outputs(outs[worker_counts[0]], corpus_bytes, work)

        ratio: dict[str, float] = {}
        if jieba_runs:
            report["jieba_runs"] = jieba_runs
            ref_w = "1" if "1" in builds else str(worker_counts[0])
            ref = builds[ref_w]["jieba_reference"]
            # jieba over the whole text, half right before and half right after the (1-worker) build
            report["jieba_seconds"] = ref["seconds"]
            report["jieba_cpu_seconds"] = ref["cpu_seconds"]
            report["jieba_chars_per_s"] = ref["chars_per_s"]
            each: dict[str, dict] = {}
            for w, r in builds.items():
                key = "1_worker" if w == "1" else f"{w}_workers_per_worker"
                ratio[key] = r["jieba_reference"]["ratio"]
                each[key] = {"before": r["jieba_reference"]["ratio_before"],
                             "after": r["jieba_reference"]["ratio_after"]}
            report["ratio_to_jieba"] = ratio
            report["ratio_to_jieba_each"] = each
            if builds.get("1", {}).get("chars_per_cpu_s") and builds["1"]["jieba_reference"]["cpu_seconds"]:
                # the same ratio in CPU time: what the wall-clock ratio would be on an idle machine, roughly
                report["ratio_to_jieba_cpu_1_worker"] = round(
                    builds["1"]["chars_per_cpu_s"] / (chars / builds["1"]["jieba_reference"]["cpu_seconds"]), 4)
        speedup = None
        if "1" in builds and "2" in builds:
            wall = round(builds["1"]["seconds"] / builds["2"]["seconds"], 3)
            report["speedup_2_over_1_wall"] = wall
            speedup = wall
            if jieba_runs:  # each build's time in units of the jieba time that brackets it
                speedup = round((builds["1"]["seconds"] / builds["1"]["jieba_reference"]["seconds"])
                                / (builds["2"]["seconds"] / builds["2"]["jieba_reference"]["seconds"]), 3)
            report["speedup_2_over_1"] = speedup

        incremental: dict[str, dict] = {}
        if not a.memory_only and not a.skip_incremental:
            changed = sorted(texts)[0]
            _change_one(corpus_dir, changed)
            report["changed_document"] = changed
            order = sorted(outs, key=lambda w: (w != 2, w))  # the default configuration first
            for w in order:
                log(f"incremental rebuild, {w} worker(s), {changed} changed")
                r = run_build(corpus_dir, outs[w], w, extra, work / f"incremental-w{w}.log", a.interval, psutil)
                _check_cache(r, 1)
                incremental[str(w)] = {
                    "incremental_processed": r["processed"],
                    "incremental_seconds": r["seconds"],
                    "incremental_fraction": round(r["seconds"] / builds[str(w)]["seconds"], 4),
                    "incremental_peak_rss_mb": r["peak_rss_mb"],
                    "incremental_stages": r.get("stages"),
                }
            for w in order:
                log(f"no-op rebuild, {w} worker(s)")
                r = run_build(corpus_dir, outs[w], w, extra, work / f"noop-w{w}.log", a.interval, psutil)
                _check_cache(r, 0)
                incremental[str(w)]["noop_processed"] = r["processed"]
                incremental[str(w)]["noop_rebuild_seconds"] = r["seconds"]
                incremental[str(w)]["noop_fraction"] = round(r["seconds"] / builds[str(w)]["seconds"], 4)
                incremental[str(w)]["noop_files"] = r.get("files")
                incremental[str(w)]["noop_stages"] = r.get("stages")
            main_w = str(order[0])
            report["incremental_workers"] = int(main_w)
            report["incremental_seconds"] = incremental[main_w]["incremental_seconds"]
            report["incremental_fraction"] = incremental[main_w]["incremental_fraction"]
            report["noop_rebuild_seconds"] = incremental[main_w]["noop_rebuild_seconds"]
            report["noop_fraction"] = incremental[main_w]["noop_fraction"]
            report["incremental"] = incremental

        mem_w = str(2 if "2" in builds else worker_counts[-1])
        targets: dict[str, dict] = {}
        if not a.memory_only:
            targets["throughput_per_worker_vs_jieba"] = _target(
                ratio.get("1_worker"), TARGETS["throughput_per_worker_vs_jieba"], True,
                measured_as="1-worker end-to-end chars/s / jieba chars/s over the whole text, cut half right "
                            "before and half right after the build",
                **({"value_against_half_before": report["ratio_to_jieba_each"]["1_worker"]["before"],
                    "value_against_half_after": report["ratio_to_jieba_each"]["1_worker"]["after"]}
                   if "1_worker" in ratio else {}),
                **({"value_2_workers_per_worker": ratio["2_workers_per_worker"]} if "2_workers_per_worker" in ratio else {}),
            )
            targets["speedup_2_over_1"] = _target(
                speedup, TARGETS["speedup_2_over_1"], True,
                measured_as="(1-worker build / its bracketing jieba time) / (2-worker build / its bracketing jieba time)",
                **({"value_wall": report["speedup_2_over_1_wall"]} if "speedup_2_over_1_wall" in report else {}),
            )
        targets["peak_memory_mb"] = _target(
            builds[mem_w]["peak_rss_mb"], TARGETS["peak_memory_mb_10000_docs"], False,
            measured_as=f"peak RSS of the build process tree, {mem_w} worker(s)", at_docs=len(texts),
            applies_at_docs=10000,
        )
        if "incremental_fraction" in report:
            targets["incremental_fraction"] = _target(
                report["incremental_fraction"], TARGETS["incremental_fraction"], False,
                measured_as=f"rebuild after one changed document / full build, {report['incremental_workers']} worker(s)",
            )
        if "noop_fraction" in report:
            targets["noop_fraction"] = _target(report["noop_fraction"], TARGETS["noop_fraction"], False,
                                               measured_as="rebuild with nothing changed / full build")
        if "outputs" in report:
            o = report["outputs"]
            targets["out_ratio"] = _target(o["out_ratio"], TARGETS["out_ratio"], False,
                                           measured_as="bytes under OUT (no views, no exports) / corpus bytes")
            for fmt, e in o["exports"].items():
                # a Parquet file is many times smaller than its rows (zstd): its speed is that of the rows it takes
                value, what = (e["rows_mb_per_s"], "Arrow bytes of the rows / seconds") if fmt == "parquet" else \
                    (e["mb_per_s"], "bytes written / seconds")
                targets[f"export_{fmt}_mb_per_s"] = _target(value, TARGETS["export_mb_per_s"], True,
                                                            measured_as=f"{what}, in process")
            targets["sinks_lines"] = _target(o["sinks_lines"], TARGETS["sinks_lines"], False,
                                             measured_as="lines of kg/sinks/**/*.py")
        report["targets"] = targets
        report["machine"] = {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            # set: no build writes kg's bytecode; what has none is compiled at each start (see "bytecode")
            "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        }
        report["bench_seconds"] = round(time.perf_counter() - started, 1)
        if a.keep:
            report["work"] = str(work)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)

    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if a.json_out:
        a.json_out.write_text(text + "\n", encoding="utf-8")
    log(f"done in {report['bench_seconds']} s")
    return report
