"""Export speed: each format written from a scaled graph, in MB of output per second, as JSON.

The sample corpus (data/corpus) is built without the pipeline (tests/corpus_rows.py)
and replicated with new ids to about ``--rows`` rows (nodes + edges), one node and one
edge table per document as a build hands them over; each format is then written by
:func:`kg.sinks.exports.export` and, with ``--check``, read back and compared with the
rows (nodes, edges, every attribute, ids)::

    .venv/bin/python tests/benchmarks/exports.py --rows 500000 --check

Prints one JSON object: the rows (``union_bytes``: their Arrow tables as a build hands
them over, every label's and type's columns; ``arrow_bytes``: the Arrow data the exports
write, each row with its own label's or type's typed columns) and per format the bytes
written, seconds, ``MB_per_s`` of file written (10^6 bytes), ``arrow_MB_per_s`` of Arrow
data written (the fair measure for Parquet, whose zstd file of replicated rows is tiny)
and, with ``--check``, whether it read back equal (nodes, and edges as a multiset of
ends and attributes: edges have no id) and the seconds the reader took. ``cpu_seconds``
(all threads) and ``MB_per_cpu_s`` say what the numbers are worth on a shared machine;
``load_average`` is the machine's before the first format. Each format is first written
once for the unscaled corpus, so the timed run does not pay Arrow's first-call setup.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_rows import sample_rows, scaled_rows  # noqa: E402
from export_graphs import canonical  # noqa: E402

from kg.rows import to_networkx  # noqa: E402
from kg.sinks.exports import FORMATS, export  # noqa: E402
from kg.sinks.exports.neo4j_import import typed_tables  # noqa: E402


def size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500_000, help="about this many rows (nodes + edges)")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    ap.add_argument("--check", action="store_true", help="read each export back and compare with the rows")
    args = ap.parse_args()
    base = sample_rows()
    per_copy = sum(t.num_rows for t in base.nodes) + sum(t.num_rows for t in base.edges)
    rows = scaled_rows(base, max(1, round(args.rows / per_copy)))
    arrow_bytes = sum(t.nbytes for _, t in typed_tables(rows))
    result = {"nodes": sum(t.num_rows for t in rows.nodes), "edges": sum(t.num_rows for t in rows.edges),
              "tables": len(rows.nodes) + len(rows.edges), "arrow_bytes": arrow_bytes,
              "union_bytes": sum(t.nbytes for t in rows.nodes) + sum(t.nbytes for t in rows.edges),
              "load_average": os.getloadavg(), "formats": {}}
    expected = canonical(to_networkx(rows)) if args.check else None
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            export(base, fmt, Path(tmp) / "warm-up" / fmt)  # the first call of each Arrow kernel pays its setup
            start, cpu = time.perf_counter(), time.process_time()
            path = export(rows, fmt, Path(tmp) / fmt)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            out = {"bytes": size(path), "seconds": round(seconds, 3), "MB_per_s": round(size(path) / 1e6 / seconds, 1),
                   "arrow_MB_per_s": round(arrow_bytes / 1e6 / seconds, 1), "cpu_seconds": round(cpu, 3),
                   "MB_per_cpu_s": round(size(path) / 1e6 / cpu, 1)}
            if args.check:
                start = time.perf_counter()
                out["round_trip_equal"] = canonical(FORMATS[fmt].read(path)) == expected
                out["read_seconds"] = round(time.perf_counter() - start, 1)
            result["formats"][fmt] = out
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
