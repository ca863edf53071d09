"""The library API: build a knowledge graph from a corpus folder.

>>> from kg.pipeline import build
>>> result = build("data/corpus", "out")          # doctest: +SKIP
>>> result.summary["entities"]                     # doctest: +SKIP

Only this package and :mod:`kg.cli` import every stage: :mod:`~kg.pipeline.work`
is the per-document task, :mod:`~kg.pipeline.executors` runs it (this process,
worker processes, Dask), :mod:`~kg.pipeline.cache` keeps its results, and this
module links, writes and reports.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.lexicon import LexiconError, read_entries
from kg.graph import EdgeRow, NodeRow, document_rows, entity_rows, groups_ref
from kg.ingest import DEFAULT_MAX_BYTES, IngestError, display_name, read_file, scan_corpus
from kg.model import Linking
from kg.pipeline import executors
from kg.pipeline.cache import Cache, build_fingerprint, document_key
from kg.pipeline.work import Compact, Failed, Settings, Task, render
from kg.resolve import link
from kg.sinks.files import ALL_FORMATS, DEFAULT_NAMES, LayoutMismatch, render_chunk, update_files, write_files_with_layout

#: progress callback: (stage, done, total, item name)
Progress = Callable[[str, int, int, str], None]
#: below this many bytes to extract, starting worker processes costs more than it saves
IN_PROCESS_BYTES = 1_000_000
#: names of the cache's records of what the last build wrote
FILES_STATE, STORE_STATE = "files", "store"
#: every output file, extractions.jsonl included
OUTPUT_FORMATS = ALL_FORMATS
#: the store and the files are updated in place when at most 1/this of the documents changed, else written anew
UPDATE_SHARE = 10
#: views draw from the whole graph in memory; above this many nodes they are left out
VIEWS_MAX_NODES = 250_000


class BuildError(Exception):
    """A build step that could not write its output (one line; the files before it are kept)."""


@dataclass
class BuildResult:
    """What :func:`build` made; ``graph`` is read from ``out/graph.json`` when first asked for."""

    out: Path
    summary: dict
    warnings: list[str] = field(default_factory=list)
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph as a ``networkx.MultiDiGraph`` (loaded on first use)."""
        if self._graph is None:
            from kg.sinks.exports import read_json

            self._graph = read_json(self.out / "graph.json")
        return self._graph


def _noop(stage: str, done: int, total: int, item: str) -> None:
    return None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Scan:
    todo: list[tuple[str, Path, str]] = field(default_factory=list)  # (name, path, key)
    todo_bytes: int = 0
    cached: list[Compact] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    total: int = 0
    skipped: dict[str, list[str]] = field(default_factory=dict)  # reason -> names of the entries not read


def _scan(corpus: Path, fingerprint: str, cache: Cache, max_bytes: int = DEFAULT_MAX_BYTES) -> _Scan:
    """Hash every file of the corpus; sort them into cached and to do; name the entries not read."""
    scan = _Scan()
    found = scan_corpus(corpus, max_bytes)
    scan.skipped = found.skipped_by_reason()
    for f in found.files:
        scan.total += 1
        try:
            data = read_file(f.path, max_bytes)
        except IngestError as exc:
            scan.failed.append(Failed(f.name, str(exc)))
            continue
        key = document_key(fingerprint, f.name, data)
        if cache.has(key):
            scan.cached.append(cache.compact(key))
        else:
            scan.todo.append((f.name, f.path, key))
            scan.todo_bytes += len(data)
    return scan


def _nothing_read(corpus: Path, scan: _Scan) -> str:
    """The one line of a build that has no document: what was skipped and what failed."""
    parts = []
    if scan.skipped:
        n = sum(len(names) for names in scan.skipped.values())
        parts.append(f"{n} skipped: " + ", ".join(f"{reason} ×{len(names)}" for reason, names in scan.skipped.items()))
    if scan.failed:
        more = ", …" if len(scan.failed) > 1 else ""
        parts.append(f"{len(scan.failed)} failed: {min(scan.failed, key=lambda f: f.name).line()}{more}")
    return f"{display_name(str(corpus))}: no readable documents ({'; '.join(parts) or 'the folder is empty'})"


def _tasks(todo: list[tuple[str, Path, str]], failed: list[Failed], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Task]:
    for name, path, key in todo:
        try:
            data = read_file(path, max_bytes)
        except IngestError as exc:
            failed.append(Failed(name, str(exc)))
            continue
        yield Task(name=name, path=str(path), data=data, key=key)


def _final_chunks(docs: list[Compact], linking: Linking, cache: Cache) -> int:
    """Re-render the chunks whose entity ids linking changed (a masked name joined another); count them."""
    n = 0
    for c in docs:
        ids = linking.ids[c.name]
        if ids == c.chunk_ids:
            continue
        ext, groups = pickle.loads(cache.record(c.key))
        files, store, stats = render(ext, groups, ids)
        c.stats.nodes, c.stats.edges, c.stats.relations = stats.nodes, stats.edges, stats.relations
        c.chunk_ids = ids
        cache.replace_chunks(c.key, files, store)
        n += 1
    return n


class _Background:
    """Run ``fn(*args)`` on a thread; :meth:`result` waits and re-raises what it raised."""

    def __init__(self, fn: Callable, *args: object) -> None:
        self._value: object = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn, args), name="kg-store", daemon=True)
        self._thread.start()

    def _run(self, fn: Callable, args: tuple) -> None:
        try:
            self._value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in result()
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> object:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _layout_intact(out: Path, layout) -> bool:
    """True when every file of ``layout`` is still the one that was written (size, inode, mtime)."""
    for name, fl in layout.files.items():
        fmt, _, csv_name = name.partition("/")
        path = out / "neo4j-import" / csv_name if fmt == "neo4j" else out / DEFAULT_NAMES[fmt]
        try:
            st = path.stat()
        except OSError:
            return False
        if st.st_size != fl.size or (fl.stamp is not None and fl.stamp != (st.st_ino, st.st_mtime_ns)):
            return False
    return True


def _write_outputs(out: Path, docs: list[Compact], linking: Linking, cache: Cache) -> str:
    """Write the output files: from the previous files' unchanged byte ranges when few documents
    changed since they were written, else by streaming every document's cached chunk."""
    ents = render_chunk(entity_rows(linking.entities[i] for i in sorted(linking.entities)), [])
    order = [(c.key, tuple(c.chunk_ids)) for c in docs]
    old = cache.take_state(FILES_STATE)
    layout = None
    ents_hash = hashlib.sha1(pickle.dumps(sorted(ents.items()), protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    if (old is not None and old.get("order") == order and old.get("entities") == ents_hash
            and _layout_intact(out, old["layout"])):
        layout, how = old["layout"], "unchanged"  # nothing to write: the files on disk are this build's
    elif old is not None:
        position = {ident: i + 1 for i, ident in enumerate(old["order"])}  # chunk 0 holds the entities
        new = sum(1 for ident in order if ident not in position)
        if new <= max(1, len(docs) // UPDATE_SHARE):
            items: list[int | dict[str, bytes]] = [ents]
            items += [position[ident] if ident in position else cache.chunk(c.key, "files")
                      for c, ident in zip(docs, order)]
            try:
                _, layout = update_files(out, old["layout"], items, OUTPUT_FORMATS)
                how = "updated"
            except (LayoutMismatch, OSError):
                layout = None  # files changed or gone since: write them anew
    if layout is None:
        chunks = itertools.chain([ents], (cache.chunk(c.key, "files") for c in docs))
        _, layout = write_files_with_layout(out, chunks, OUTPUT_FORMATS)
        how = "written"
    cache.put_state(FILES_STATE, {"layout": layout, "order": order, "entities": ents_hash})
    return how


def _doc_rows(c: Compact, cache: Cache) -> tuple[list[NodeRow], list[EdgeRow]]:
    ext, groups = pickle.loads(cache.record(c.key))
    return document_rows(ext, groups_ref(groups, c.chunk_ids))


def _entity_hashes(rows: list[NodeRow]) -> dict[str, str]:
    return {ident: hashlib.sha1(json.dumps(attrs, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
            for ident, attrs in rows}


def _write_store(path: Path, docs: list[Compact], linking: Linking, cache: Cache) -> str:
    """Write the embedded store, or update it in place when only a few documents changed since it was written."""
    from kg.sinks.embedded import StoreError, render_store_parts, update_store, write_store_parts

    ents = entity_rows(linking.entities[i] for i in sorted(linking.entities))
    state = {"docs": {c.name: (c.key, tuple(c.chunk_ids)) for c in docs}, "entities": _entity_hashes(ents)}
    old = cache.take_state(STORE_STATE)
    if not path.exists():
        old = None
    try:
        changed = None if old is None else {n for n, v in state["docs"].items() if old["docs"].get(n) != v}
        if changed is not None and len(changed) <= max(1, len(docs) // UPDATE_SHARE):
            removed = set(old["docs"]) - set(state["docs"])
            gone = set(old["entities"]) - set(state["entities"])
            ent_changed = [(i, a) for i, a in ents if old["entities"].get(i) != state["entities"][i]]
            nodes, edges = list(ent_changed), []
            for c in docs:
                if c.name in changed:
                    n, e = _doc_rows(c, cache)
                    nodes += n
                    edges += e
            if changed or removed or gone or ent_changed:
                update_store(path, remove_docs=changed | removed, remove_nodes=gone, nodes=nodes, edges=edges)
                how = "updated"
            else:
                how = "unchanged"
        else:
            chunks = itertools.chain([render_store_parts(ents, [])], (cache.chunk(c.key, "store") for c in docs))
            write_store_parts(path, chunks)
            how = "written"
    except StoreError as exc:
        raise BuildError(f"{path}: embedded store not written: {exc}") from exc
    cache.put_state(STORE_STATE, state)
    return how


def _node_count(docs: list[Compact], linking: Linking) -> int:
    return len(linking.entities) + sum(c.stats.nodes for c in docs)


def summarise(docs: list[Compact], linking: Linking, warnings: list[str], failed: int, seconds: float) -> dict:
    """The numbers a user sees at the end of a build."""
    ent_types = Counter(e.label for e in linking.entities.values())
    mentions: Counter = Counter()
    relations: Counter = Counter()
    for c in docs:
        mentions.update(c.stats.mentions)
        relations.update(c.stats.relations)
    return {
        "documents": len(docs),
        "documents_failed": failed,
        "sections": sum(c.stats.sections for c in docs),
        "sentences": sum(c.stats.sentences for c in docs),
        "entities": dict(sorted(ent_types.items())),
        "entity_mentions": dict(sorted(mentions.items())),
        "cross_document_entities": sum(1 for e in linking.entities.values() if len(e.docs) > 1),
        "metrics": sum(c.stats.metrics for c in docs),
        "metrics_masked": sum(c.stats.metrics_masked for c in docs),
        "relations": dict(sorted(relations.items())),
        "nodes": _node_count(docs, linking),
        "edges": sum(c.stats.edges for c in docs),
        "warnings": warnings,
        "seconds": round(seconds, 2),
    }


def build(
    corpus: str | Path,
    out: str | Path,
    *,
    lexicons: list[Path] | None = None,
    progress: Progress = _noop,
    store: bool = True,
    views: bool = True,
    workers: int | None = None,
    dask: str | None = None,
    cache: bool = True,
) -> BuildResult:
    """Build the knowledge graph of ``corpus`` and write its files into ``out``.

    Documents are processed in parallel and streamed: each is read, extracted
    and rendered once, its result cached in ``out/cache`` by content hash, and
    only compact records stay in memory for linking. A rebuild processes only
    new and changed documents and gives the same files as a clean build.

    Parameters
    ----------
    corpus : path
        A folder of .txt/.md/.html/.docx/.doc/.wps/.pdf documents (searched recursively), or one file.
    out : path
        The output folder (created).
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

    Returns
    -------
    BuildResult
        The summary (also written as ``summary.json``) and, on demand, the graph.

    Raises
    ------
    BuildError
        A bad user lexicon, a corpus without a readable document, a failed executor or an output
        that could not be written (one line).
    """
    t0 = time.perf_counter()
    corpus, out = Path(corpus), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        for path in lexicons or []:
            read_entries(Path(path))  # a bad user lexicon stops the build before any work
        settings = Settings.from_paths(list(lexicons or []))
    except (LexiconError, FileNotFoundError, UnicodeDecodeError) as exc:
        raise BuildError(str(exc)) from exc
    tmp_cache = None if cache else tempfile.mkdtemp(prefix="kg-cache-", dir=out)
    if not cache:
        # this build rewrites the files and the store: a kept cache's record of them goes stale
        Cache.drop_states(out / "cache")
    doc_cache = Cache(Path(tmp_cache) if tmp_cache else out / "cache")
    try:
        return _build(corpus, out, settings, doc_cache, progress, store, views, workers, dask, t0)
    finally:
        if tmp_cache:
            shutil.rmtree(tmp_cache, ignore_errors=True)


def _build(corpus: Path, out: Path, settings: Settings, cache: Cache, progress: Progress, store: bool,
           views: bool, workers: int | None, dask: str | None, t0: float) -> BuildResult:
    stages: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(stage: str) -> None:
        now = time.perf_counter()
        stages[stage] = round(stages.get(stage, 0.0) + now - clock[0], 3)
        clock[0] = now

    scan = _scan(corpus, build_fingerprint(settings.lexicons), cache)
    lap("scan")
    workers = default_workers() if workers is None else max(1, workers)
    if not dask and scan.todo_bytes < IN_PROCESS_BYTES:
        workers = 1
    workers = min(workers, max(1, len(scan.todo)))
    docs = {c.name: c for c in scan.cached}
    done = len(docs)
    progress("extract", done, scan.total, "")
    try:
        for res in executors.run(_tasks(scan.todo, scan.failed), settings, workers=workers, dask=dask):
            done += 1
            if isinstance(res, Failed):
                scan.failed.append(res)
                progress("extract", done, scan.total, res.name)
                continue
            c = res.compact
            cache.put(c.key, c, res.record, res.files, res.store)
            docs[c.name] = c
            progress("extract", done, scan.total, c.name)
    except executors.ExecutorError as exc:
        cache.save(set(cache.index))  # keep what was done for the next run
        raise BuildError(str(exc)) from exc
    if not docs:
        raise BuildError(_nothing_read(corpus, scan))
    lap("extract")
    ordered = [docs[n] for n in sorted(docs)]
    progress("resolve", 0, 1, "")
    linking = link(c.groups for c in ordered)
    _final_chunks(ordered, linking, cache)
    lap("link")
    progress("write", 0, 1, "")
    # the store's database engine loads without holding the GIL: it runs beside the file writing
    store_job = _Background(_write_store, out / "store", ordered, linking, cache) if store else None
    try:
        files_how = _write_outputs(out, ordered, linking, cache)
    except BaseException:
        if store_job:
            store_job.wait()
        raise
    lap("write")
    store_how = store_job.result() if store_job else None
    lap("store")
    cache.save({c.key for c in ordered})
    lap("cache")
    result_warnings = [f.line() for f in sorted(scan.failed, key=lambda f: f.name)]
    result_warnings += [f"{c.name}: {w}" for c in ordered for w in c.warnings]
    result = BuildResult(out=out, summary={}, warnings=result_warnings)
    nodes = _node_count(ordered, linking)
    if views and nodes > VIEWS_MAX_NODES:
        result_warnings.append(f"{out / 'visualizations'}: views not written: the graph has {nodes} nodes "
                               f"(more than {VIEWS_MAX_NODES}); run kg views {out} to write them anyway")
    elif views:
        from kg.views import write_views

        progress("views", 0, 1, "")
        write_views(result.graph, out / "visualizations")
        lap("views")
    summary = summarise(ordered, linking, result_warnings, len(scan.failed), time.perf_counter() - t0)
    summary["corpus"] = display_name(str(corpus.resolve()))
    summary["skipped"] = scan.skipped
    summary["processed"] = len(ordered) - len(scan.cached)
    summary["cached"] = len(scan.cached)
    summary["workers"] = 0 if dask else workers
    summary["stages"] = stages
    summary["store"] = store_how
    summary["files"] = files_how
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    result.summary = summary
    return result
