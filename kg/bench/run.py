"""One ``kg build`` of the benchmark as a subprocess: wall clock, CPU and the peak memory of its process tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

MB = 1024 * 1024


def _tree_memory(proc, psutil, pss: bool) -> tuple[int, int, int]:
    """(RSS of the tree, RSS of the process, PSS of the tree or 0), in bytes."""
    try:
        main = proc.memory_full_info() if pss else proc.memory_info()
        procs = proc.children(recursive=True)
    except psutil.Error:
        return 0, 0, 0
    rss, pss_sum = main.rss, getattr(main, "pss", 0)
    for p in procs:
        try:
            mi = p.memory_full_info() if pss else p.memory_info()
        except psutil.Error:
            continue
        rss += mi.rss
        pss_sum += getattr(mi, "pss", 0)
    return rss, main.rss, pss_sum


def run_build(corpus: Path, out: Path, workers: int | None, extra: list[str], log_file: Path,
              interval: float, psutil) -> dict:
    """Run ``kg build`` as a subprocess; wall-clock time and peak memory of its process tree."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--no-views"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    cmd += extra
    pss = sys.platform.startswith("linux") and os.path.exists("/proc/self/smaps_rollup")
    peak = {"tree": 0, "main": 0, "pss": 0, "samples": 0}
    stop = threading.Event()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    with log_file.open("w", encoding="utf-8") as fh:
        t0 = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "120"})

        def sample() -> None:
            while not stop.is_set():
                tree, main, pss_sum = _tree_memory(proc, psutil, pss)
                peak["tree"] = max(peak["tree"], tree)
                peak["main"] = max(peak["main"], main)
                peak["pss"] = max(peak["pss"], pss_sum)
                peak["samples"] += 1
                stop.wait(interval)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        rc = proc.wait()
        seconds = time.perf_counter() - t0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
        stop.set()
        th.join()
    if rc != 0:
        tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise SystemExit(f"kg.bench: `{' '.join(cmd)}` exited with {rc}:\n" + "\n".join(tail))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    result = {
        "seconds": round(seconds, 3),
        "build_seconds_reported": summary.get("seconds"),
        # user+sys of the build and its workers: less sensitive than wall clock to other load on the machine
        "cpu_seconds": round(ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime, 3) if ru0 and ru1 else None,
        "load_average_before": round(load, 2) if load is not None else None,
        "workers_used": summary.get("workers"),  # kg build runs a small corpus in-process
        "processed": summary.get("processed"),  # documents extracted in this run
        "cached": summary.get("cached"),  # documents taken from OUT/cache
        "documents": summary.get("documents"),
        "files": summary.get("files"),
        "store": summary.get("store"),
        "nodes": summary.get("nodes"),
        "edges": summary.get("edges"),
        "peak_rss_mb": round(peak["tree"] / MB, 1),
        "peak_rss_main_mb": round(peak["main"] / MB, 1),
        "memory_samples": peak["samples"],
    }
    if "stages" in summary:
        result["stages"] = summary["stages"]
    if pss:
        result["peak_pss_mb"] = round(peak["pss"] / MB, 1)
    return result
