"""What a build writes from its cache: ``extractions.jsonl``, the store, the views, exports.

The rows of every output come from one place, :class:`CacheRows` (the entity
and indicator rows of the build, then each document's cached rows). The store gets either
everything or, when few documents changed since the manifest of the last
build, the :class:`~kg.rows.Delta` worked out here once.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kg.graph import entity_rows, indicator_rows
from kg.model import Indicator, Linking
from kg.pipeline.cache import Cache, CacheError, DocRecord
from kg.rows import Delta, TableRows, node_schema, node_table

#: the store is updated in place when at most 1/this of the documents changed, else written anew
UPDATE_SHARE = 10
#: views draw from the whole graph in memory; above this many nodes they are left out
VIEWS_MAX_NODES = 250_000


class BuildError(Exception):
    """A build step that could not write its output (one line; the files before it are kept)."""


class CacheRows:
    """:class:`kg.rows.Rows` of a build: its entity rows, then each document's cached rows.

    :meth:`watched` gives the same rows reporting each document read to a progress callback.
    """

    def __init__(self, cache: Cache, docs: list[DocRecord], entities: pa.Table,
                 progress: Callable[[str, int, int, str], None] | None = None, stage: str = "") -> None:
        self.cache, self.docs, self.entities = cache, docs, entities
        self.progress, self.stage = progress, stage

    def watched(self, progress: Callable[[str, int, int, str], None], stage: str) -> "CacheRows":
        """These rows, calling ``progress(stage, done, total, name)`` as documents are read (nodes, then edges)."""
        return CacheRows(self.cache, self.docs, self.entities, progress, stage)

    @classmethod
    def of_build(cls, out: Path) -> "CacheRows":
        """The rows of the last build into ``out`` (raises :class:`BuildError` when there is none)."""
        cache = Cache(Path(out) / "cache")
        manifest, entities = cache.manifest(), cache.entities()
        if manifest is None or entities is None:
            raise BuildError(f"{out}: no finished build with a cache here (run kg build first)")
        docs = []
        for name, key in sorted(manifest["docs"].items()):
            try:
                rec = cache.record(key, rows_only=True)
            except CacheError as exc:
                raise BuildError(str(exc)) from None
            if rec is None:
                raise BuildError(f"{out}: the cache lacks {name}; run kg build again")
            docs.append(rec)
        return cls(cache, docs, entities)

    def _tables(self, blob: str, done: int) -> Iterator[pa.Table]:
        total = 2 * len(self.docs)
        for i, rec in enumerate(self.docs, done + 1):
            try:
                table = self.cache.table(rec, blob)
            except CacheError as exc:
                raise BuildError(str(exc)) from None
            if self.progress is not None:
                self.progress(self.stage, i, total, rec.name)
            yield table

    def node_tables(self) -> Iterator[pa.Table]:
        yield self.entities
        yield from self._tables("nodes.arrow", 0)

    def edge_tables(self) -> Iterator[pa.Table]:
        yield from self._tables("edges.arrow", len(self.docs))


class OutputLock:
    """An exclusive lock on an output folder for the length of a build (one build per OUT)."""

    def __init__(self, out: Path) -> None:
        self.path = Path(out) / ".kg-build.lock"
        self.fd = -1

    def __enter__(self) -> "OutputLock":
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            os.close(self.fd)
            raise BuildError(f"{self.path.parent}: another kg build is writing here ({holder}); "
                             "wait for it to finish or build into another folder") from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"pid {os.getpid()}".encode(), 0)
        return self

    def __exit__(self, *exc: object) -> None:
        os.ftruncate(self.fd, 0)
        os.close(self.fd)  # closing releases the lock


class _Staging:
    """Outputs written into a folder beside the ones in place and moved over them together once all
    are written, so a build that fails half way (a full disk) leaves the previous outputs as they were. The outputs
    replaced are deleted in a thread (freeing a rebuild's ~160 MB of them costs ~0.06 s) that :meth:`discard` joins."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out / f".staged.tmp-{os.getpid()}"
        self.freeing: threading.Thread | None = None

    def path(self, name: str = "") -> Path:
        """Where to write the new ``name`` (the staging folder itself for outputs that name themselves)."""
        self.folder.mkdir(exist_ok=True)
        return self.folder / name if name else self.folder

    def commit(self) -> None:
        if not self.folder.is_dir():
            return
        replaced = []
        for new in sorted(self.folder.iterdir()):
            final, old = self.out / new.name, self.out / f".{new.name}.old.tmp-{os.getpid()}"
            if final.is_dir() and not final.is_symlink():
                os.replace(final, old)
                replaced.append(old)
            elif final.is_file() and not final.is_symlink():
                try:
                    os.link(final, old)  # (the old file lives on under this name until the thread deletes it)
                    replaced.append(old)
                except OSError:  # no hard links here: the replace deletes it
                    pass
            os.replace(new, final)
        # (so is the staging folder: removing even an empty folder waits ~0.04 s for the file system here)
        self.freeing = threading.Thread(target=_delete, args=([*replaced, self.folder],), name="kg-freeing")
        self.freeing.start()

    def discard(self) -> None:
        if self.freeing is not None:
            self.freeing.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _delete(paths: list[Path]) -> None:
    for p in paths:
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() and not p.is_symlink() else p.unlink(missing_ok=True)


def _write_extractions(path: Path, cache: Cache, docs: list[DocRecord], progress: Callable,
                       kept: tuple[Path, dict[str, tuple[int, int]]] | None = None) -> None:
    """Write extractions.jsonl: each document's records from its cache entry, or, for those ``kept`` (the last build's
    file, and name -> offset and size in it), copied from that file (runs of them at once)."""
    old = os.open(kept[0], os.O_RDONLY) if kept else -1
    kept = kept[1] if kept else {}
    run = [0, 0]  # the run of kept records not copied yet: offset, size

    def copy() -> None:
        while run[1]:
            n = _copy_range(old, fh.fileno(), run[1], run[0])
            run[0] += n
            run[1] -= n

    try:
        with open(path, "wb", buffering=0) as fh:
            for i, rec in enumerate(docs, 1):
                at = kept.get(rec.name)
                if at is not None and run[0] + run[1] == at[0]:
                    run[1] += at[1]
                else:
                    copy()
                    if at is not None:
                        run[:] = at
                    else:
                        fh.write(cache.blob(rec, "jsonl"))
                progress("records", i, len(docs), rec.name)
            copy()
    finally:
        if old >= 0:
            os.close(old)


def _copy_range(src: int, dst: int, size: int, offset: int) -> int:
    """Copy up to ``size`` bytes at ``offset`` of ``src`` to the end of ``dst`` (in the kernel where it can); the bytes
    copied."""
    try:
        n = os.copy_file_range(src, dst, size, offset)
    except (OSError, AttributeError):
        n = 0
    if n <= 0:  # (not in the kernel here: another file system, or not Linux)
        n = os.write(dst, os.pread(src, min(size, 1 << 24), offset))
    if n <= 0:
        raise OSError("extractions.jsonl: the last build's file ended early")
    return n


def kept_records(out: Path, manifest: dict | None, docs: list[DocRecord]
                 ) -> tuple[Path, dict[str, tuple[int, int]]] | None:
    """The last build's extractions.jsonl and where the records of the documents with the same key and entity ids
    since are in it (name -> offset and size), when that file is the one the manifest describes
    (:func:`extractions_state`), else None."""
    state, path = (manifest or {}).get("extractions"), out / "extractions.jsonl"
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not state or state["stat"] != [st.st_ino, st.st_size, st.st_mtime_ns] \
            or len(state["sizes"]) != len(manifest["docs"]) or sum(state["sizes"]) != st.st_size:
        return None
    at, offset, ids = {}, 0, manifest.get("ids", {})
    for name, size in zip(sorted(manifest["docs"]), state["sizes"]):
        at[name], offset = (offset, size), offset + size
    return path, {r.name: at[r.name] for r in docs if manifest["docs"].get(r.name) == r.key
                  and ids.get(r.name) == r.ids_digest() and at[r.name][1] == r.blobs["jsonl"][2]}


def extractions_state(out: Path, docs: list[DocRecord]) -> dict:
    """What the manifest says of the extractions.jsonl just written from ``docs`` (in their order): the file's inode,
    size and modification time, and the size of each document's records."""
    st = os.stat(out / "extractions.jsonl")
    return {"stat": [st.st_ino, st.st_size, st.st_mtime_ns], "sizes": [r.blobs["jsonl"][2] for r in docs]}


def _comparable(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column as strings (a list as its items joined), null where the value is null."""
    if pa.types.is_list(col.type):
        col = pc.binary_join(pc.cast(col, pa.list_(pa.string())), "\x1f")
    return pc.cast(col, pa.string())


def _changed(new: pa.Table, old: pa.Table, columns: dict[str, set[str]]) -> pa.Table:
    """The rows of ``new`` unlike the row of ``old`` beside them (a null is the same as a null only), compared column
    by column; adds to ``columns`` per label the properties that differ in them (setting an unchanged string column
    of a large table costs the store's checkpoint ~0.1 s)."""
    same = []
    for a, b in zip(new.columns, old.columns):
        a, b = _comparable(a), _comparable(b)
        same.append(pc.fill_null(pc.or_kleene(pc.equal(a, b), pc.and_(pc.is_null(a), pc.is_null(b))), False))
    differ = pc.invert(functools.reduce(pc.and_, same))
    labels = new["label"].filter(differ)
    for name, col in zip(new.column_names, same):
        for label in pc.unique(labels.filter(pc.invert(col.filter(differ)))).to_pylist():
            columns.setdefault(label, set()).add(name)
    return new.filter(differ)


def _row_text(table: pa.Table) -> pa.ChunkedArray:
    """Each row's values as one string (null as NUL), to compare rows as multisets."""
    return pc.binary_join_element_wise(*(pc.fill_null(_comparable(c), "\0") for c in table.columns), "\x1e")


def _edit(delta: Delta, sets: list[pa.Table], new: tuple[pa.Table, pa.Table], old: tuple[pa.Table, pa.Table]) -> None:
    """Add to ``delta`` what an edited document changed: nodes gone, set (``sets``: kept by id, other values; their
    properties that differ in ``delta.columns``) or new; for each group of edges (type, ends, ``doc``) whose rows differ, the group to remove and its new rows. A
    document's edges have one of its nodes at an end or its name as ``doc``: no other document's edge is in a group."""
    (nodes, edges), (old_nodes, old_edges) = new, old
    at = pc.index_in(nodes["id"], value_set=old_nodes["id"])
    kept = pc.is_valid(at)
    delta.rows.nodes.append(nodes.filter(pc.invert(kept)))
    sets.append(_changed(nodes.filter(kept), old_nodes.take(at.filter(kept)), delta.columns))
    gone = old_nodes["id"].filter(pc.invert(pc.is_in(old_nodes["id"], nodes["id"])))
    delta.remove_nodes |= set(gone.to_pylist())
    groups: dict[str, tuple[int, list, list]] = {}  # group -> (its first old row, old rows, new rows)
    for i, (table, kind) in enumerate(((old_edges, 1), (edges, 2))):
        keys = pc.binary_join_element_wise(table["type"], table["source"], table["target"],
                                           pc.fill_null(table["doc"], ""), "\x1e")
        for at_row, (key, text) in enumerate(zip(keys.to_pylist(), _row_text(table).to_pylist())):
            groups.setdefault(key, (at_row if i == 0 else -1, [], []))[kind].append(text)
        if i == 1:
            changed = [key for key, (_, was, now) in groups.items() if sorted(was) != sorted(now)]
            delta.rows.edges.append(edges.filter(pc.is_in(keys, pa.array(changed, pa.string()))))
    first = old_edges.take(pa.array([groups[key][0] for key in changed if groups[key][0] >= 0], pa.int64()))
    # a group with a node gone at an end goes with the node
    first = first.filter(pc.invert(pc.or_(pc.is_in(first["source"], gone), pc.is_in(first["target"], gone))))
    delta.remove_edges = pa.concat_tables([t for t in (delta.remove_edges, first) if t is not None])


def _touched(docs: list[DocRecord], manifest: dict | None) -> set[str] | None:
    """The documents changed, added or removed since the manifest's build (a document whose entity ids a masked join
    moved has other ids), or None when there is no manifest or more than 1/:data:`UPDATE_SHARE` of them changed."""
    if not manifest:
        return None
    old_docs, old_ids = manifest.get("docs", {}), manifest.get("ids", {})
    touched = {r.name for r in docs if old_docs.get(r.name) != r.key or old_ids.get(r.name) != r.ids_digest()}
    touched |= set(old_docs) - {r.name for r in docs}
    return touched if len(touched) <= max(1, len(docs) // UPDATE_SHARE) else None


def _ordered(table: pa.Table) -> pa.Table:
    """Entity rows in a full build's order: the entities by id, then the indicators by id."""
    key = pc.equal(table["label"], "Indicator")
    return table.append_column("_indicator", key).sort_by([("_indicator", "ascending"), ("id", "ascending")]) \
        .drop_columns(["_indicator"]).combine_chunks()


def _merged(old: pa.Table, rows: pa.Table, ids: set[str]) -> pa.Table:
    """:func:`_ordered` of ``old`` without the rows of ``ids`` and with ``rows`` (none of them in ``old``): when ``old``
    is in that order (as a build writes it), made of slices of it and the new rows (a filter and a sort of every
    column of the whole table cost ~0.1 s)."""
    old_ids = old["id"].combine_chunks()
    keep = pc.invert(pc.is_in(old_ids, value_set=pa.array(sorted(ids), pa.string())))
    flags = [pc.equal(t["label"], "Indicator").combine_chunks() for t in (old, rows)]
    ordered = pc.all(pc.or_(pc.less(flags[0][:-1], flags[0][1:]), pc.and_(
        pc.equal(flags[0][:-1], flags[0][1:]), pc.less(old_ids[:-1], old_ids[1:])))).as_py() is not False
    kept = pc.indices_nonzero(keep).to_numpy().astype(np.int64)
    if not ordered or not len(kept) or any(t.column(c).null_count for t in (old, rows) for c in ("id", "label")):
        return _ordered(pa.concat_tables([old.filter(keep), rows]))
    keys = pa.table({"f": pa.concat_arrays([flags[0].filter(keep), flags[1]]),
                     "i": pa.concat_arrays([old_ids.filter(keep), rows["id"].combine_chunks()])})
    order = pc.sort_indices(keys, [("f", "ascending"), ("i", "ascending")]).to_numpy().astype(np.int64)
    # each place of the result: an old row (>= 0) or a new one (-1 - its row)
    at = np.where(order < len(kept), kept[np.minimum(order, len(kept) - 1)], len(kept) - 1 - order)
    breaks = np.flatnonzero((at[1:] != at[:-1] + 1) | (at[1:] < 0) | (at[:-1] < 0)) + 1
    parts = []
    for run in np.split(at, breaks):
        parts.append(old.slice(int(run[0]), len(run)) if run[0] >= 0 else rows.slice(-1 - int(run[0]), 1))
    return pa.concat_tables(parts or [old.slice(0, 0)]).combine_chunks()


@dataclass
class EntityPatch:
    """The entity rows a few changed documents can change: ``rows`` (new, in table order), ``was`` (the old row of
    each, null for a new id) and ``gone`` (old ids no longer built)."""

    rows: pa.Table
    was: pa.Table
    gone: set[str]


def entity_table(linking: Linking, indicators: dict[str, Indicator], old: pa.Table | None,
                 touched: set[str] | None) -> tuple[pa.Table, EntityPatch | None]:
    """The entity and indicator rows of a build, and what changed since ``old`` (the last build's) when patched.

    An entity's row comes only from its member groups (an indicator's from its documents' summaries), and its
    ``docs`` are their documents: a row can differ from the old one only when its old or new ``docs`` hold a
    ``touched`` document. Only those rows are made anew; the others are the old table's.
    """
    if old is None or touched is None or old.schema != node_schema():
        return node_table(entity_rows(linking.entities[i] for i in sorted(linking.entities))
                          + indicator_rows(indicators[i] for i in sorted(indicators))), None
    docs = old["docs"].combine_chunks()
    hit = pc.is_in(pc.list_flatten(docs), value_set=pa.array(sorted(touched), pa.string()))
    ids = {i for i, ent in linking.entities.items() if not ent.docs.isdisjoint(touched)}
    ids.update(i for i, ind in indicators.items() if not ind.docs.isdisjoint(touched))
    ids.update(old["id"].take(pc.unique(pc.list_parent_indices(docs).filter(hit))).to_pylist())
    rows = node_table(entity_rows(linking.entities[i] for i in sorted(ids) if i in linking.entities)
                      + indicator_rows(indicators[i] for i in sorted(ids) if i in indicators))  # in table order
    table = _merged(old, rows, ids)
    was = old.take(pc.index_in(rows["id"], value_set=old["id"]))
    return table, EntityPatch(rows, was, ids - set(rows["id"].to_pylist()))


def _delta(cache: Cache, docs: list[DocRecord], manifest: dict, touched: set[str], patch: EntityPatch) -> Delta:
    """The store's delta since the last build (``touched``: the documents changed, added or removed). A document
    whose rows the cache still holds under its old key (pruned only at the end of the build) is compared row by row
    (:func:`_edit`); any other changed document is removed and added whole."""
    old_docs = manifest.get("docs", {})
    delta = Delta(remove_docs=set(old_docs) - {r.name for r in docs}, remove_nodes=set(patch.gone), columns={})
    sets = [_changed(patch.rows, patch.was, delta.columns)]  # a new row's every column differs from null
    for rec in docs:
        if rec.name in touched:
            new = cache.rows(rec)
            try:
                was = cache.record(old_docs[rec.name]) if old_docs.get(rec.name, rec.key) != rec.key else None
                old = cache.rows(was) if was is not None else None
            except CacheError:  # the old entry is dropped; the document's rows are replaced whole
                old = None
            if old is not None and (old[0].schema, old[1].schema) == (new[0].schema, new[1].schema):
                _edit(delta, sets, new, old)
            else:
                delta.remove_docs.add(rec.name)
                delta.rows.nodes.append(new[0])
                delta.rows.edges.append(new[1])
    delta.entities = pa.concat_tables(sets)
    return delta


class Draft:
    """What writing a rebuild's outputs needs whatever its new documents hold, made while it waits for its workers
    (:meth:`prepare`): the last build's entity rows and, when the store is likely to be updated in place, its copy,
    opened in the staging folder (~0.4 s). :func:`write_outputs` makes what was not prepared; :meth:`discard` drops
    what it did not use."""

    def __init__(self, out: Path, cache: Cache, manifest: dict | None, wanted: dict) -> None:
        self.out, self.cache, self.manifest, self.wanted = out, cache, manifest, wanted
        self.staging = _Staging(out)
        self.entities: pa.Table | None = None
        self.update = None  # a kg.sinks.store.StoreUpdate

    def prepare(self, keys: dict[str, str]) -> None:
        """Prepare when few enough documents of ``keys`` (name -> key) are not the last build's for an update."""
        old = self.manifest.get("docs", {}) if self.manifest else {}
        changed = sum(old.get(name) != key for name, key in keys.items()) + len(old.keys() - keys)
        if not self.manifest or changed > max(1, len(keys) // UPDATE_SHARE):
            return
        self.entities = self.cache.entities()
        path = self.out / "store"
        if self.wanted["store"] and self.manifest.get("outputs", {}).get("store") and path.exists():
            from kg.sinks.store import StoreError, StoreUpdate

            try:
                self.update = StoreUpdate(path, self.staging.path("store"))
            except StoreError:  # (updating it in its turn says what is wrong)
                self.update = None

    def store_update(self):
        """The prepared update of the store (once), else a new one."""
        from kg.sinks.store import StoreUpdate

        update, self.update = self.update, None
        return update or StoreUpdate(self.out / "store", self.staging.path("store"))

    def discard(self) -> None:
        """Drop the store's copy if it was not used."""
        if self.update is not None:
            self.update.discard()
            self.update = None


def write_outputs(out: Path, cache: Cache, docs: list[DocRecord], linking: Linking, manifest: dict | None,
                  wanted: dict, progress: Callable, warnings: list[str], lap: Callable[[str], None],
                  indicators: dict[str, Indicator] | None = None, draft: Draft | None = None) -> dict:
    """Write extractions.jsonl, the store, the views and the exports asked for; say how each was written.

    Everything is staged beside the outputs in place and moved over them only when all is written; ``draft`` is what
    was prepared of it (it is used up, or discarded).
    """
    from kg.sinks.store import Store, StoreError

    draft = draft or Draft(out, cache, manifest, wanted)
    how: dict = {"files": "written", "store": None, "views": None, "exports": {}}
    touched = _touched(docs, manifest)
    old = None if touched is None else draft.entities if draft.entities is not None else cache.entities()
    entities, patch = entity_table(linking, indicators or {}, old, touched)
    cache.forget_manifest()  # until everything below is written, the outputs are not the manifest's
    staging = draft.staging
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="kg-records") as pool:  # left when the thread is done
            # extractions.jsonl is written in a thread while the store is (file reads, zstd and writes release the GIL;
            # the store's database calls stay in this thread); "write" is the time waited for it after the store
            records = pool.submit(_write_extractions, staging.path("extractions.jsonl"), cache, docs, progress,
                                  kept_records(out, manifest, docs))
            written = pool.submit(cache.put_entities, entities)  # (after the records, while the store is written)
            rows = CacheRows(cache, docs, entities)
            if wanted["store"]:
                path = out / "store"
                delta = _delta(cache, docs, manifest, touched, patch) if patch is not None \
                    and manifest.get("outputs", {}).get("store") and path.exists() else None
                if delta is None:
                    draft.discard()
                    how["store"] = "written"
                    how["store_changes"] = Store(path, staging.path("store")).write(rows.watched(progress, "store"))
                elif delta:
                    how["store"] = "updated"
                    how["store_changes"] = draft.store_update().apply(delta)
                else:
                    draft.discard()
                    how["store"] = "unchanged"
                lap("store")
            records.result(), written.result()
            lap("write")
            nodes = len(linking.entities) + len(indicators or {}) + sum(r.stats.nodes for r in docs)
            if wanted["views"] and nodes > VIEWS_MAX_NODES:
                warnings.append(f"{out / 'visualizations'}: views not written: the graph has {nodes} nodes "
                                f"(more than {VIEWS_MAX_NODES}); run kg views {out} to write them anyway")
            elif wanted["views"]:
                from kg.rows import to_networkx
                from kg.views import write_views

                write_views(to_networkx(rows.watched(progress, "views")), staging.path("visualizations"))
                how["views"] = "written"
                lap("views")
            if wanted["exports"]:
                from kg.sinks.exports import FORMATS, FileExport  # networkx and the writers: only when exporting
            for fmt in wanted["exports"]:
                FileExport(fmt, staging.path()).write(rows.watched(progress, f"export {fmt}"))
                how["exports"][fmt] = str(out / FORMATS[fmt].default_name)
                lap("export")
            staging.commit()
    except (StoreError, CacheError, OSError) as exc:
        draft.discard()
        staging.discard()
        raise BuildError(str(exc) if not isinstance(exc, OSError) else f"{out}: {exc.strerror or exc}") from exc
    return how
