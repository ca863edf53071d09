"""The build's first step: hash every file of the corpus into its cache key, load what the cache holds, and feed
the rest to the executor as tasks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import DEFAULT_MAX_BYTES, IngestError, display_name, read_file, scan_corpus
from kg.pipeline.cache import Cache, CacheError, DocRecord, Snapshot, document_key
from kg.pipeline.tasks import Failed, Task

#: progress callback: (stage, done, total, item name)
Progress = Callable[[str, int, int, str], None]
#: a file's status is kept for the next build only when it last changed this long before the scan (a write within
#: the file system's timestamp granularity of the status taken could leave the status as it was)
SETTLED_NS = 2_000_000_000


@dataclass
class Scan:
    """The corpus as the build sees it: documents to process, documents cached, and what was not read."""

    todo: list[tuple[str, Path, str]] = field(default_factory=list)  # (name, path, key)
    todo_bytes: int = 0
    cached: list[DocRecord] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # name -> key, every readable document
    failed: list[Failed] = field(default_factory=list)
    total: int = 0
    snapped: int = 0  # records taken from the cache's snapshot
    status: dict[str, list[int]] = field(default_factory=dict)  # name -> inode, size, mtime, ctime when it was hashed
    skipped: dict[str, list[str]] = field(default_factory=dict)  # reason -> names of the entries not read


def scan_keys(corpus: list[Path], fingerprint: str, progress: Progress, max_bytes: int = DEFAULT_MAX_BYTES,
              seen: Callable[[str], object] | None = None, known: tuple[dict, dict] | None = None) -> Scan:
    """Hash every file of the corpus into its cache key; name the entries not read. ``seen`` is called with each
    key as soon as it is known (the build starts a worker at the first one the cache does not hold). ``known`` is
    the last build's status and key of each file (by name), when its fingerprint is this one: a file whose inode,
    size, modification and change times are those is not read again (a write changes its change time)."""
    scan = Scan()
    found = scan_corpus(corpus, max_bytes)
    scan.skipped = found.skipped_by_reason()
    settled = time.time_ns() - SETTLED_NS
    status_of, key_of = known or ({}, {})
    for i, f in enumerate(found.files):
        scan.total += 1
        progress("scan", i + 1, len(found.files), f.name)
        try:
            st = os.stat(f.path)  # (before the file is read: a write after it changes the status)
            status = [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
        except OSError:
            status = None
        key = key_of.get(f.name) if status is not None and status_of.get(f.name) == status else None
        if key is None:
            try:
                data = read_file(f.path, max_bytes)
            except IngestError as exc:
                scan.failed.append(Failed(f.name, str(exc)))
                continue
            key = document_key(fingerprint, f.name, data)
        if status is not None and max(status[2], status[3]) < settled:
            scan.status[f.name] = status
        scan.keys[f.name] = key
        if seen is not None:
            seen(key)
        scan.todo.append((f.name, f.path, key))
        scan.todo_bytes += f.size
    return scan


def load_cached(scan: Scan, cache: Cache, warnings: list[str], snapshot: Snapshot | None = None,
                unchanged: dict[str, str] | None = None) -> None:
    """Move the documents the cache holds from ``todo`` to ``cached`` (a damaged entry: one warning), their records
    taken from ``snapshot`` where it has them as they are (the indicators not parsed of a document whose key is its
    key in ``unchanged``)."""
    todo, scan.todo_bytes = [], 0
    unchanged = unchanged or {}
    for name, path, key in scan.todo:
        try:
            rec = snapshot.take(key, unchanged.get(name) != key) if snapshot is not None else None
            if rec is None:
                rec = cache.record(key)
                if rec is not None:
                    cache.verify(rec)
        except CacheError as exc:
            warnings.append(str(exc))
            rec = None
        if rec is not None and rec.name == name:
            scan.cached.append(rec)
        else:
            todo.append((name, path, key))
            scan.todo_bytes += path.stat().st_size
    scan.todo = todo
    scan.snapped = snapshot.hits if snapshot is not None else 0


def nothing_read(corpus: list[Path], scan: Scan) -> str:
    """The one line of a build that has no document: what was skipped and what failed."""
    parts = []
    if scan.skipped:
        n = sum(len(names) for names in scan.skipped.values())
        parts.append(f"{n} skipped: " + ", ".join(f"{reason} ×{len(names)}" for reason, names in scan.skipped.items()))
    if scan.failed:
        more = ", …" if len(scan.failed) > 1 else ""
        parts.append(f"{len(scan.failed)} failed: {min(scan.failed, key=lambda f: f.name).line()}{more}")
    where = ", ".join(display_name(str(c)) for c in corpus)
    return f"{where}: no readable documents ({'; '.join(parts) or 'the folder is empty'})"


def tasks(todo: list[tuple[str, Path, str]], failed: list[Failed], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Task]:
    for name, path, key in todo:
        try:
            data = read_file(path, max_bytes)
        except IngestError as exc:
            failed.append(Failed(name, str(exc)))
            continue
        yield Task(name=name, path=str(path), data=data, key=key)
