"""What a benchmark build wrote: its documents' jurisdictions, the size of OUT, each export's speed, kg/sinks' lines."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from kg.bench.corpus import log

MB = 1024 * 1024
_PACKAGE = Path(__file__).resolve().parent.parent


def document_jurisdictions(out: Path) -> dict[str, str | None]:
    """Document name -> adcode (None when the build found no jurisdiction), from the build's cache."""
    from kg.pipeline.outputs import CacheRows
    from kg.rows import select

    result: dict[str, str | None] = {}
    for table in CacheRows.of_build(out).node_tables():
        for row in select(table, "Document").select(["name", "adcode"]).to_pylist():
            result[row["name"]] = row["adcode"]
    return result


def jurisdiction_report(out: Path, corpus: dict) -> dict:
    """Distinct jurisdictions over the Document nodes, overall and per sample."""
    found = document_jurisdictions(out)
    planned, source = corpus["planned"], corpus["source"]
    per_sample: dict[str, dict] = {}
    for sample in sorted(set(source.values())):
        names = [n for n in source if source[n] == sample]
        codes = [found.get(n) for n in names]
        per_sample[sample] = {
            "copies": len(names),
            "distinct_jurisdictions": len({c for c in codes if c}),
            "without_jurisdiction": sum(1 for c in codes if not c),
            "candidate_jurisdictions": corpus["capacity"].get(sample, 0),
            "as_planned": sum(1 for n in names if found.get(n) == planned[n]),
        }
    codes = [found.get(n) for n in source]
    return {
        "distinct_jurisdictions": len({c for c in codes if c}),
        "documents_without_jurisdiction": sum(1 for c in codes if not c),
        "jurisdictions_as_planned": sum(1 for n in source if found.get(n) == planned[n]),
        "by_sample": per_sample,
    }


def tree_bytes(folder: Path) -> int:
    """The bytes of every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_outputs(out: Path, corpus_bytes: int, work: Path) -> dict:
    """The size of a build's OUT against its corpus, each export's speed, and the lines of kg/sinks."""
    from kg.pipeline import export
    from kg.sinks.exports import FORMATS

    size = tree_bytes(out)
    report = {"out_bytes": size, "corpus_bytes": corpus_bytes, "out_ratio": round(size / corpus_bytes, 3),
              "out_parts": {p.name: (tree_bytes(p) if p.is_dir() else p.stat().st_size) for p in out.iterdir()}}
    from kg.pipeline.outputs import CacheRows

    rows = CacheRows.of_build(out)
    data_bytes = sum(t.nbytes for t in rows.node_tables()) + sum(t.nbytes for t in rows.edge_tables())
    report["rows_arrow_bytes"] = data_bytes
    exports = {}
    for fmt in FORMATS:
        dest = work / "exports" / fmt
        log(f"export {fmt} -> {dest}")
        t = time.perf_counter()
        path = export(out, fmt, dest)
        seconds = time.perf_counter() - t
        written = tree_bytes(path) if path.is_dir() else path.stat().st_size
        exports[fmt] = {"bytes": written, "seconds": round(seconds, 3), "mb_per_s": round(written / MB / seconds, 1),
                        "rows_mb_per_s": round(data_bytes / MB / seconds, 1)}
        shutil.rmtree(dest, ignore_errors=True) if dest.is_dir() else dest.unlink(missing_ok=True)
    report["exports"] = exports
    report["sinks_lines"] = sum(len(p.read_text(encoding="utf-8").splitlines())
                                for p in (_PACKAGE / "sinks").rglob("*.py"))
    return report
