"""The library API: build a knowledge graph from a corpus folder, export it.

>>> from kg.pipeline import build, export
>>> result = build("data/corpus", "out")           # doctest: +SKIP
>>> result.summary["entities"]                      # doctest: +SKIP
>>> export("out", "graphml")                        # doctest: +SKIP

Only this package and :mod:`kg.cli` import every stage: :mod:`~kg.pipeline.work`
is the per-document task (:mod:`~kg.pipeline.tasks` its records), :mod:`~kg.pipeline.executors`
runs it (this process, worker processes, Dask), :mod:`~kg.pipeline.cache` keeps its results,
:mod:`~kg.pipeline.scan` finds the documents and what the cache holds of them, :mod:`~kg.pipeline.link` links them
(a rebuild's indicators from the last build's link, :mod:`~kg.pipeline.indicator_link`),
:mod:`~kg.pipeline.outputs` writes what a build writes, :mod:`~kg.pipeline.collection` keeps the garbage collector
from walking its records, and this module reports.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from kg.ingest import DEFAULT_MAX_BYTES, display_name
from kg.lexicon import LexiconError, read_entries
from kg.model import Linking
from kg.pipeline.cache import Cache, CacheError, DocRecord, build_fingerprint
from kg.pipeline.collection import fewer_collections, no_collection
from kg.pipeline.indicator_link import STATE, IndicatorRelink, keep_state, read_state, write_state
from kg.pipeline.link import TwoPhaseLink
from kg.pipeline.outputs import BuildError, CacheRows, Draft, OutputLock, extractions_state, write_outputs
from kg.pipeline.scan import Progress, Scan, load_cached, nothing_read, scan_keys, tasks
from kg.pipeline.tasks import Failed, Settings, remap

__all__ = ["BuildError", "BuildResult", "build", "export"]


#: below this many bytes to extract, starting worker processes costs more than it saves
IN_PROCESS_BYTES = 1_000_000


@dataclass
class BuildResult:
    """What :func:`build` made; ``graph`` is read from the build's cache when first asked for."""

    out: Path
    summary: dict
    warnings: list[str] = field(default_factory=list)
    _graph: object = field(default=None, repr=False)
    #: the build's records and links, freed with the result (a program that ends after the build need not free them)
    _held: object = field(default=None, repr=False)

    @property
    def graph(self):
        """The whole graph as a ``networkx.MultiDiGraph`` (loaded on first use; needs the cache)."""
        if self._graph is None:
            from kg.rows import to_networkx

            self._graph = to_networkx(CacheRows.of_build(self.out))
        return self._graph


def _noop(stage: str, done: int, total: int, item: str) -> None:
    return None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _relink(docs: list[DocRecord], linking: Linking, cache: Cache) -> int:
    """Rewrite the cached rows whose entity ids linking changed (a masked name joined another); count them."""
    n = 0
    for rec in docs:
        ids = linking.ids[rec.name]
        if ids == rec.ids:
            continue
        mapping = {old: new for old, new in zip(rec.ids, ids) if old != new}
        blobs = remap({b: cache.blob(rec, b) for b in ("nodes.arrow", "edges.arrow", "jsonl")}, mapping)
        rec.ids = list(ids)
        cache.put(rec, blobs)
        n += 1
    return n


def _extract(scan: Scan, settings: Settings, cache: Cache, docs: dict[str, DocRecord], workers: int,
             dask: str | None, progress: Progress, max_bytes: int, early: Iterable | None = None,
             linker: TwoPhaseLink | None = None, freeze: bool = False,
             meanwhile: Callable[[], object] | None = None) -> None:
    """Process the documents to do on the executor (after those of an ``early`` run); cache each result as it comes.

    The cached documents are linked (``linker``'s first phase) once the executor has its work, while ``meanwhile``
    runs in a thread, before its results are taken."""
    from kg.pipeline import executors

    done = len(docs)
    progress("extract", done, scan.total, "")
    try:
        with fewer_collections():
            runs = [early] if early is not None else []
            if scan.todo:
                runs.append(executors.run(tasks(scan.todo, scan.failed, max_bytes), settings, workers=workers,
                                          dask=dask))
            with ThreadPoolExecutor(1, thread_name_prefix="kg-draft") as pool:  # (its file reads and copies overlap)
                prepared = pool.submit(meanwhile) if meanwhile is not None else None
                if linker is not None and scan.cached:
                    with no_collection(freeze):
                        linker.start(scan.cached)
            if prepared is not None:
                prepared.result()
            for res in chain.from_iterable(runs):
                done += 1
                if isinstance(res, Failed):
                    scan.failed.append(res)
                    progress("extract", done, scan.total, res.name)
                    continue
                cache.put(res.record, res.blobs)
                docs[res.record.name] = res.record
                progress("extract", done, scan.total, res.record.name)
    except executors.ExecutorError as exc:
        raise BuildError(str(exc)) from exc  # what was done is cached for the next run


class _Prestart:
    """Starts one worker process while the corpus is hashed, at the first document the cache does not hold (or takes
    the one ``kg build`` started before it loaded this library, :func:`kg.workers.start_early`), when the
    last build finished with this code and lexicons (so the rest is likely cached: a one-document rebuild). The
    worker loads spaCy while this process hashes the rest and loads the records; :func:`_start_early` gives it the
    documents, or closes it."""

    def __init__(self, cache: Cache, settings: Settings, manifest: dict | None, fingerprint: str,
                 workers: int | None, dask: str | None) -> None:
        self.cache, self.settings, self.run = cache, settings, None
        self.same_code = manifest is not None and manifest.get("fingerprint") == fingerprint
        self.armed = not dask and (default_workers() if workers is None else workers) >= 2 and self.same_code
        if not self.armed:  # every document is likely new: the one ``kg build`` started early is not the way
            from kg.workers import discard

            discard()

    def seen(self, key: str) -> None:
        if self.armed and not self.cache.has(key):
            from kg.pipeline import executors

            self.armed = False
            self.run = executors.PoolRun(None, self.settings, 1)

    def take(self):
        """The started run (once), or None."""
        run, self.run, self.armed = self.run, None, False
        return run


def _start_early(scan: Scan, settings: Settings, cache: Cache, workers: int | None, dask: str | None,
                 max_bytes: int, started=None):
    """When cached records are to be loaded and some documents are not in the cache at all, start extracting those in
    worker processes now (or in the one ``started`` already), so spaCy loads and they are processed while this
    process loads the records.

    Returns the run (a :class:`~kg.pipeline.executors.PoolRun`) and the number of workers, or (None, 0): nothing new,
    nothing cached to overlap with, Dask, or one core (or ``workers=1``: documents are processed in this process).
    """
    fresh = [item for item in scan.todo if not cache.has(item[2])]
    workers = default_workers() if workers is None else max(1, workers)
    if dask or workers < 2 or not fresh or len(fresh) == len(scan.todo):
        if started is not None:
            started.close()
        return None, 0
    from kg.pipeline import executors

    if sum(path.stat().st_size for _, path, _ in fresh) < IN_PROCESS_BYTES:
        workers = 1  # one process: it works beside this one
    workers = min(workers, len(fresh))
    taken = {key for _, _, key in fresh}
    scan.todo = [item for item in scan.todo if item[2] not in taken]
    if started is not None and workers == 1:
        started.feed(tasks(fresh, scan.failed, max_bytes))
        return started, 1
    if started is not None:
        started.close()
    return executors.PoolRun(tasks(fresh, scan.failed, max_bytes), settings, workers), workers


def _warm_up() -> None:
    """Import what writing the outputs imports in any case (pandas, by pyarrow's first array of Python values or the
    store's COPY; the store), in a thread while this process waits for workers (~0.25 s of a rebuild's write)."""
    try:
        import pyarrow as pa

        pa.array([0])
        import kg.sinks.store  # noqa: F401
    except Exception:  # noqa: BLE001 - the import that needs it says what is wrong, in its place
        pass


def summarise(docs: list[DocRecord], linking: Linking, warnings: list[str], failed: int, seconds: float) -> dict:
    """The numbers a user sees at the end of a build."""
    ent_types = Counter(e.label for e in linking.entities.values())
    mentions: Counter = Counter()
    relations: Counter = Counter()
    for rec in docs:
        mentions.update(rec.stats.mentions)
        relations.update(rec.stats.relations)
    return {
        "documents": len(docs),
        "documents_failed": failed,
        "sections": sum(r.stats.sections for r in docs),
        "sentences": sum(r.stats.sentences for r in docs),
        "entities": dict(sorted(ent_types.items())),
        "entity_mentions": dict(sorted(mentions.items())),
        "cross_document_entities": sum(1 for e in linking.entities.values() if len(e.docs) > 1),
        "metrics": sum(r.stats.metrics for r in docs),
        "metrics_masked": sum(r.stats.metrics_masked for r in docs),
        "relations": dict(sorted(relations.items())),
        "nodes": len(linking.entities) + sum(r.stats.nodes for r in docs),
        "edges": sum(r.stats.edges for r in docs),
        "warnings": warnings,
        "seconds": round(seconds, 2),
    }


def build(
    corpus: str | Path | Sequence[str | Path],
    out: str | Path,
    *,
    lexicons: list[Path] | None = None,
    progress: Progress = _noop,
    store: bool = True,
    views: bool = True,
    workers: int | None = None,
    dask: str | None = None,
    cache: bool = True,
    exports: tuple[str, ...] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildResult:
    """Build the knowledge graph of ``corpus`` and write it into ``out``.

    Documents are processed in parallel and streamed: each is read, extracted
    and turned into rows once, its result cached in ``out/cache`` by content
    hash, and only compact records stay in memory for linking. A rebuild
    processes only new and changed documents and applies the difference to the
    store; a rebuild with nothing changed writes nothing.

    Parameters
    ----------
    corpus : path, or a sequence of paths
        Folders of .txt/.md/.html/.docx/.doc/.wps/.pdf documents (searched recursively)
        or single files; with several, a document's name starts with its folder's name.
    out : path
        The output folder (created): ``store``, ``extractions.jsonl``,
        ``summary.json``, ``visualizations/`` and ``cache/``.
    lexicons : list of path, optional
        User lexicon files (see the README).
    progress : callable, optional
        Called as ``progress(stage, done, total, item)``.
    store : bool
        Write the embedded Cypher store into ``out/store``.
    views : bool
        Write the HTML views into ``out/visualizations``.
    workers : int, optional
        Local worker processes (default: the machine's cores; 1 = this process).
    dask : str, optional
        Address of a Dask distributed scheduler: documents are processed on its workers.
    cache : bool
        Reuse and keep ``out/cache``; ``False`` processes everything and leaves no cache.
    exports : tuple of str
        File exports to write into ``out`` as well (see :func:`export`).
    max_bytes : int
        Files larger than this are skipped (named in the summary).

    Returns
    -------
    BuildResult
        The summary (also written as ``summary.json``) and, on demand, the graph.

    Raises
    ------
    BuildError
        A bad user lexicon, another build writing ``out``, a corpus without a readable document,
        a failed executor or an output that could not be written (one line; what was written before stays).
    """
    t0 = time.perf_counter()
    corpus = [Path(corpus)] if isinstance(corpus, (str, Path)) else [Path(c) for c in corpus]
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    try:
        for path in lexicons or []:
            read_entries(Path(path))  # a bad user lexicon stops the build before any work
        settings = Settings.from_paths(list(lexicons or []))
    except (LexiconError, FileNotFoundError, UnicodeDecodeError) as exc:
        raise BuildError(str(exc)) from exc
    with OutputLock(out):
        remove_leftovers(out)
        tmp_cache = None
        caller_froze = gc.get_freeze_count() > 0
        try:
            tmp_cache = None if cache else tempfile.mkdtemp(prefix=".kg-cache-", dir=out)
            if not cache and (out / "cache").is_dir():
                # this build rewrites every output: what the kept cache says about them goes stale
                Cache(out / "cache").forget_manifest()
            doc_cache = Cache(Path(tmp_cache) if tmp_cache else out / "cache")
            return _build(corpus, out, settings, doc_cache, progress, store, views, workers, dask, exports,
                          max_bytes, t0)
        except OSError as exc:  # a full disk, a folder that went away: one line, what was written stays
            where = exc.filename or out
            raise BuildError(f"{where}: {exc.strerror or exc}") from None
        finally:
            if not caller_froze:
                gc.unfreeze()
            if tmp_cache:
                shutil.rmtree(tmp_cache, ignore_errors=True)


def remove_leftovers(out: Path) -> None:
    """Delete what a killed build left in ``out``: temporary files and folders beside the outputs."""
    for p in out.iterdir():
        if p.name.startswith(".") and any(tag in p.name for tag in (".tmp-", ".new-", ".kg-cache-")):
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def _build(corpus: list[Path], out: Path, settings: Settings, cache: Cache, progress: Progress, store: bool,
           views: bool, workers: int | None, dask: str | None, exports: tuple[str, ...], max_bytes: int,
           t0: float) -> BuildResult:
    stages: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(stage: str) -> None:
        now = time.perf_counter()
        stages[stage] = round(stages.get(stage, 0.0) + now - clock[0], 3)
        clock[0] = now

    warnings: list[str] = []
    freeze = not gc.get_freeze_count()  # (a caller that froze objects itself keeps its own arrangement)
    fingerprint = build_fingerprint(settings.lexicons)
    manifest = cache.manifest()
    prestart = _Prestart(cache, settings, manifest, fingerprint, workers, dask)
    try:
        known = (manifest.get("status", {}), manifest.get("docs", {})) if prestart.same_code else None
        scan = scan_keys(corpus, fingerprint, progress, max_bytes, prestart.seen, known)
    except BaseException:
        if prestart.run is not None:
            prestart.take().close()
        raise
    wanted = {"store": store, "views": views, "exports": sorted(exports)}
    unread = {"failed": sorted(f.line() for f in scan.failed), "skipped": scan.skipped}
    if manifest and manifest.get("docs") == scan.keys and manifest.get("unread") == unread and not exports \
            and manifest.get("outputs", {}).get("store", False) >= store \
            and manifest.get("outputs", {}).get("views", False) >= views \
            and (not store or (out / "store").exists()) and (out / "extractions.jsonl").exists():
        if prestart.run is not None:  # (an entry went missing: the outputs stand as they are)
            prestart.take().close()
        summary = {**manifest["summary"], "processed": 0, "cached": len(scan.keys), "files": "unchanged",
                   "store": "unchanged" if store else None, "seconds": round(time.perf_counter() - t0, 2)}
        summary["stages"] = {"scan": summary["seconds"]}  # (not the last build's)
        (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        return BuildResult(out=out, summary=summary, warnings=list(summary["warnings"]))
    draft = Draft(out, cache, manifest, wanted)  # prepared while the workers extract
    early, early_workers = _start_early(scan, settings, cache, workers, dask, max_bytes, prestart.take())
    try:  # (a draft not written is dropped)
        try:
            state = read_state(cache.folder, manifest.get("indicators") if prestart.same_code else None, warnings)
            relink = IndicatorRelink(state, manifest["docs"]) if state is not None else None
            with no_collection(freeze):  # the records live to the end: no collection while extracting walks them
                load_cached(scan, cache, warnings, cache.snapshot(manifest.get("snapshot") if manifest else None),
                            manifest["docs"] if relink is not None else None)
            lap("scan")

            workers = default_workers() if workers is None else max(1, workers)
            if not dask and scan.todo_bytes < IN_PROCESS_BYTES:
                workers = 1
            workers = max(early_workers, min(workers, max(1, len(scan.todo))))
            docs = {rec.name: rec for rec in scan.cached}
            warm = None
            if early is not None or (scan.todo and (workers > 1 or dask)):  # this process waits for others
                warm = threading.Thread(target=_warm_up, name="kg-warm-up", daemon=True)
                warm.start()
            linker = TwoPhaseLink(progress, relink)
            if scan.todo or early is not None:
                _extract(scan, settings, cache, docs, workers, dask, progress, max_bytes, early, linker, freeze,
                         lambda: draft.prepare(scan.keys))
            if warm is not None:
                warm.join()
        finally:
            if early is not None:
                early.close()
        if not docs:
            raise BuildError(nothing_read(corpus, scan))
        lap("extract")

        ordered = [docs[n] for n in sorted(docs)]
        with no_collection(freeze):
            linking, indicators = linker.finish(ordered)
            try:
                relinked = _relink(ordered, linking, cache)
            except CacheError as exc:
                raise BuildError(str(exc)) from None
        lap("link")
        keep = ThreadPoolExecutor(1, thread_name_prefix="kg-state")  # the next rebuild's indicator link, meanwhile
        state = keep.submit(lambda: write_state(cache.folder, linker.state()))
        keep.shutdown(wait=False)

        cache_notes = warnings  # damaged cache entries: said once, not again by a rebuild with nothing to do
        warnings = [f.line() for f in sorted(scan.failed, key=lambda f: f.name)] + cache_notes
        warnings += [f"{r.name}: {w}" for r in ordered for w in r.warnings]
        result = BuildResult(out=out, summary={}, warnings=warnings)
        with no_collection(freeze):
            how = write_outputs(out, cache, ordered, linking, manifest, wanted, progress, warnings, lap, indicators,
                                draft)
        summary = summarise(ordered, linking, warnings, len(scan.failed), time.perf_counter() - t0)
        summary["indicators"] = len(indicators)
        summary["cross_document_indicators"] = sum(1 for ind in indicators.values() if len(ind.docs) > 1)
        summary["nodes"] += len(indicators)
        summary.update(corpus=[display_name(str(c.resolve())) for c in corpus] if len(corpus) > 1
                       else display_name(str(corpus[0].resolve())), skipped=scan.skipped,
                       processed=len(ordered) - len(scan.cached),
                       cached=len(scan.cached), workers=0 if dask else workers, stages=stages, **how)
        (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        token = cache.renew_snapshot(ordered, manifest.get("snapshot") if manifest else None, scan.snapped - relinked)
        try:  # (only there to speed up the next rebuild: losing it costs a warning, not the build)
            ind_token = state.result()
            keep_state(cache.folder)
        except Exception as exc:  # noqa: BLE001
            warnings.append(f"{cache.folder / STATE}: not kept ({exc}); the next rebuild links the indicators from "
                            "the records")
            ind_token = None
        cache.put_manifest({"docs": {r.name: r.key for r in ordered}, "unread": unread, "fingerprint": fingerprint,
                            "snapshot": token, "extractions": extractions_state(out, ordered),
                            "indicators": ind_token,
                            "ids": {r.name: r.ids_digest() for r in ordered}, "status": scan.status,
                            "outputs": {"store": store, "views": views and how.get("views") is not None},
                            "summary": {**summary, "warnings": [w for w in warnings if w not in cache_notes]}})
        cache.prune({r.key for r in ordered})
        result.summary = summary
        result._held = (scan, docs, ordered, linking, indicators, linker, cache)  # (~0.13 s to free one by one)
        return result
    finally:
        draft.discard()
        draft.staging.discard()


def export(out: str | Path, fmt: str, to: str | Path | None = None, *, merge_parallel: bool = False) -> Path:
    """Write one file export of the build in ``out``, streamed from its cache.

    Parameters
    ----------
    out : path
        A build's output folder (with its cache).
    fmt : str
        One of :data:`kg.sinks.exports.FORMATS`.
    to : path, optional
        The folder to write into (default: ``out``); the export keeps its usual name there.
    merge_parallel : bool
        One edge per (source, target, type), with a count and the evidence list (json, graphml, gexf).

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    BuildError
        No finished build in ``out``, a damaged cache entry, an unknown format (one line).
    """
    from kg.sinks.exports import FileExport

    out = Path(out)
    rows = CacheRows.of_build(out)
    try:
        return FileExport(fmt, Path(to) if to else out, merge_parallel).write(rows)
    except ValueError as exc:
        raise BuildError(str(exc)) from None
