"""A rebuild's indicator link from the last build's (``OUT/cache/indicators.arrow``): only the indicators a changed
document holds, before or after its change, are added up again.

A full build adds up every document's indicator summaries (:class:`~kg.resolve.indicators.IndicatorLinker`); in a
rebuild of one document of 2,000, parsing their ~167,000 summaries and adding them up again cost ~0.3 s. The build
keeps the result in one Arrow table, a row per indicator in link order: its key, id, unit, aliases and metrics, and the
summaries it was added up from, in document order (document, place in it, name, dimension, unit, phrases, metrics).
A rebuild takes every other indicator from it as it is, adds up the touched ones again from their rows' summaries of
unchanged documents and the changed documents' own (itself, by the linker's rules: name and dimension from the first
summary, the unit most metrics are in), and orders the keys by their first summary as one pass does: the same
indicators in the same order as a full link.

The table is trusted only with the manifest's token (its CRC-32 and size), for the documents that manifest names; a
file that is another or damaged is said in one line and the indicators are linked from the records.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kg.model import Indicator, IndicatorSummary
from kg.pipeline.cache import DocRecord, file_token

#: the file in the cache folder
STATE = "indicators.arrow"
_TEXTS = pa.list_(pa.string())
SCHEMA = pa.schema([("key", pa.string()), ("id", pa.string()), ("unit", pa.string()), ("metrics", pa.int64()),
                    ("aliases", _TEXTS), ("doc", _TEXTS), ("at", pa.list_(pa.int64())), ("name", _TEXTS),
                    ("dimension", _TEXTS), ("units", _TEXTS), ("phrases", pa.list_(_TEXTS)),
                    ("counts", pa.list_(pa.int64()))])

#: the list columns, one item per summary, and the table of summaries they flatten into (``row``: the indicator's)
_PARTS = ("doc", "at", "name", "dimension", "units", "phrases", "counts")
_PART_SCHEMA = pa.schema([("row", pa.int64()), *((c, SCHEMA.field(c).type.value_type) for c in _PARTS)])

Part = tuple[str, int, IndicatorSummary]  # (document, place among its summaries, summary)

#: more runs of consecutive rows than this and :func:`_take` takes the rows (review 12's measure)
_RUNS = 256


def state_table(keys: Iterable[str], found: dict[str, Indicator], parts_of: dict[str, list[Part]]) -> pa.Table:
    """The rows of the indicators of ``keys``: the table :func:`write_state` keeps.

    Parameters
    ----------
    keys : iterable of str
        The indicators' keys, in link order.
    found : dict
        Key -> :class:`~kg.model.Indicator`.
    parts_of : dict
        Key -> its summaries as (document, place among its summaries, summary), in document order.

    Returns
    -------
    pyarrow.Table
        One row per indicator, in the order of ``keys``, with :data:`SCHEMA`.
    """
    inds = [found[key] for key in keys]
    groups = [parts_of[ind.key] for ind in inds]
    parts = [p for group in groups for p in group]
    summaries = [p[2] for p in parts]
    offsets = pa.array(np.cumsum([0, *map(len, groups)], dtype=np.int64).astype(np.int32))
    phrases = pa.ListArray.from_arrays(
        pa.array(np.cumsum([0, *(len(s.aliases) for s in summaries)], dtype=np.int64).astype(np.int32)),
        pa.array([a for s in summaries for a in s.aliases], pa.string()))
    values = [[p[0] for p in parts], [p[1] for p in parts], [s.name for s in summaries],
              [s.dimension for s in summaries], [s.unit for s in summaries], phrases, [s.metrics for s in summaries]]
    return pa.table([[i.key for i in inds], [i.id for i in inds], [i.unit for i in inds], [i.metrics for i in inds],
                     [sorted(i.aliases) for i in inds],
                     *(pa.ListArray.from_arrays(offsets, pa.array(v, SCHEMA.field(c).type.value_type))
                       for c, v in zip(_PARTS, values))], schema=SCHEMA)


def _take(table: pa.Table, indices: np.ndarray) -> pa.Table:
    """``table.take(indices)`` as slices of ``table`` where the indices run on (a take copies nested lists item by
    item: ~0.1 s for the whole table); a take itself when the runs are many (slicing every other row of 167,000 and
    joining the slices cost ~0.4 s)."""
    if not len(indices):
        return table.slice(0, 0)
    runs = np.split(indices, np.flatnonzero(np.diff(indices) != 1) + 1)
    if len(runs) > _RUNS:
        return table.take(indices)
    return pa.concat_tables([table.slice(int(run[0]), len(run)) for run in runs])


def write_state(folder: Path, table: pa.Table) -> str:
    """Write ``table`` into ``folder`` under a temporary name (:func:`keep_state` puts it in place).

    Parameters
    ----------
    folder : Path
        The cache folder.
    table : pyarrow.Table
        A :func:`state_table` (or :meth:`IndicatorRelink.state`).

    Returns
    -------
    str
        The file's token (:func:`~kg.pipeline.cache.file_token`), for the manifest.
    """
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, SCHEMA, options=pa.ipc.IpcWriteOptions(compression="zstd")) as writer:
        writer.write_table(table)
    data = sink.getvalue().to_pybytes()
    (folder / f"{STATE}.tmp").write_bytes(data)
    return file_token(data)


def keep_state(folder: Path) -> None:
    """Put the table :func:`write_state` wrote in place (just before the manifest that names its token): a build that
    fails before leaves the last build's file as it was.

    Parameters
    ----------
    folder : Path
        The cache folder.
    """
    os.replace(folder / f"{STATE}.tmp", folder / STATE)


def read_state(folder: Path, token: str | None, warnings: list[str]) -> pa.Table | None:
    """The table :func:`write_state` wrote with ``token`` (the manifest's).

    Parameters
    ----------
    folder : Path
        The cache folder.
    token : str or None
        The manifest's token of the file.
    warnings : list of str
        Gets one line when the file is another or damaged.

    Returns
    -------
    pyarrow.Table or None
        The table; None with no token, or a file that is another or damaged.
    """
    if not token:
        return None
    path = folder / STATE
    try:
        data = path.read_bytes()
        if file_token(data) == token:
            table = pa.ipc.open_stream(pa.py_buffer(data)).read_all()
            if table.schema.equals(SCHEMA):
                return table
    except (OSError, pa.ArrowException):
        pass
    warnings.append(f"{path}: not the last build's indicator link; the indicators are linked from the records")
    return None


class IndicatorRelink:
    """The indicators of a rebuild from the last build's link: :meth:`start` with the cached records (while the
    workers extract), :meth:`finish` with all, then :meth:`state` for the next rebuild.

    Parameters
    ----------
    table : pyarrow.Table
        The last build's :func:`state_table` (:func:`read_state`).
    old_docs : dict
        Document name -> its key in the last build's manifest.
    """

    def __init__(self, table: pa.Table, old_docs: dict[str, str]) -> None:
        self.table, self.old_docs = table, old_docs
        self.same: set[str] = set()
        self.found: dict[str, Indicator] = {}  # key -> indicator, as it was (none of its documents changed)
        self.first: dict[str, tuple[str, int]] = {}  # key -> its first summary's (document, place)
        self.hit: set[int] = set()  # the rows a changed document's summary is in
        self.changed = pa.array([], pa.string())  # the documents changed or removed since the last build
        self.keys: list[str] = []
        self.row_of: dict[str, int] = {}
        self._kept: tuple[dict[int, list], pa.Table] = ({}, _PART_SCHEMA.empty_table())
        self._finished: tuple | None = None

    def start(self, recs: list[DocRecord]) -> None:
        """Take the indicators that no document changed since the last build holds, and add up the unchanged
        documents' summaries of the others.

        Parameters
        ----------
        recs : list of DocRecord
            The documents cached (the others are being extracted).
        """
        self.same = {r.name for r in recs if self.old_docs.get(r.name) == r.key}
        t = self.table
        docs = t["doc"].combine_chunks()
        self.changed = pa.array(sorted(set(self.old_docs) - self.same), pa.string())
        hit = pc.is_in(pc.list_flatten(docs), value_set=self.changed)
        self.hit = set(pc.unique(pc.list_parent_indices(docs).filter(hit)).to_pylist())
        self.keys, self.ids = t["key"].to_pylist(), t["id"].to_pylist()
        self.row_of = {key: i for i, key in enumerate(self.keys)}
        bounds = docs.offsets.to_numpy().tolist()  # (into all of ``values``, for a slice too)
        flat = docs.values.to_pylist()
        cols = [self.keys, self.ids, pc.list_element(t["name"], 0).to_pylist(),
                pc.list_element(t["dimension"], 0).to_pylist(), t["unit"].to_pylist(), t["aliases"].to_pylist(),
                t["metrics"].to_pylist(), pc.list_element(t["at"], 0).to_pylist()]
        for i, (key, iid, name, dimension, unit, aliases, metrics, at) in enumerate(zip(*cols)):
            if i not in self.hit:
                begin = bounds[i]
                self.found[key] = Indicator(iid, key, name, dimension, unit, set(aliases),
                                            set(flat[begin:bounds[i + 1]]), metrics)
                self.first[key] = (flat[begin], at)
        self._kept = self._gather(sorted(self.hit))

    def _gather(self, rows: list[int]) -> tuple[dict[int, list], pa.Table]:
        """The summaries of unchanged documents in the table's ``rows`` (ascending), as a table sorted by row,
        document and place, and added up by row (:meth:`_sums`)."""
        sub = _take(self.table, np.array(rows, np.int64))
        parent = pc.list_parent_indices(sub["doc"].combine_chunks())
        parts = pa.table([pa.array(np.array(rows, np.int64)).take(parent),
                          *(pc.list_flatten(sub[c].combine_chunks()) for c in _PARTS)], schema=_PART_SCHEMA)
        parts = parts.filter(pc.invert(pc.is_in(parts["doc"], value_set=self.changed))).combine_chunks()
        return self._sums(parts), parts

    @staticmethod
    def _sums(parts: pa.Table) -> dict[int, list]:
        """Row -> [its first summary's (document, place), its name, its dimension, metrics by unit, phrases,
        documents] of ``parts`` (sorted by row, document and place)."""
        row = parts["row"].to_numpy()
        if not len(row):
            return {}
        starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
        units: dict[int, dict[str, int]] = {}
        sums = parts.group_by(["row", "units"], use_threads=False).aggregate([("counts", "sum")]).to_pydict()
        for r, unit, n in zip(sums["row"], sums["units"], sums["counts_sum"]):
            units.setdefault(r, {})[unit] = n
        flat = parts["phrases"]
        pairs = pa.table({"row": pa.array(row).take(pc.list_parent_indices(flat)), "alias": pc.list_flatten(flat)})
        aliases: dict[int, set[str]] = {}
        pairs = pairs.group_by(["row", "alias"], use_threads=False).aggregate([]).to_pydict()
        for r, alias in zip(pairs["row"], pairs["alias"]):
            aliases.setdefault(r, set()).add(alias)
        docs, ats = parts["doc"].to_pylist(), parts["at"].to_pylist()
        names, dimensions = parts["name"].take(starts).to_pylist(), parts["dimension"].take(starts).to_pylist()
        out = {}
        for i, (s, e) in enumerate(zip(starts.tolist(), [*starts[1:].tolist(), len(row)])):
            r = int(row[s])
            out[r] = [(docs[s], ats[s]), names[i], dimensions[i], units[r], aliases.get(r, set()), set(docs[s:e])]
        return out

    def finish(self, ordered: list[DocRecord]) -> dict[str, Indicator]:
        """The indicators of every document, as a full link gives them: the touched ones are what :meth:`start` added
        up, and the changed documents' summaries.

        Parameters
        ----------
        ordered : list of DocRecord
            Every document of the build, in name order.

        Returns
        -------
        dict
            Indicator id -> :class:`~kg.model.Indicator`, in link order.
        """
        from kg.resolve.indicators import indicator_id

        fresh = [(r.name, j, s) for r in ordered if r.name not in self.same for j, s in enumerate(r.summaries())]
        new_keys = sorted({s.key for _, _, s in fresh} - set(self.row_of))
        row_of = {**self.row_of, **{key: len(self.keys) + i for i, key in enumerate(new_keys)}}
        sums, kept = self._kept
        extra = sorted({row_of[s.key] for _, _, s in fresh} - self.hit - {row_of[key] for key in new_keys})
        if extra:  # (indicators the changed documents hold now, not before)
            more, parts = self._gather(extra)
            sums, kept = {**sums, **more}, pa.concat_tables([kept, parts])
            for r in extra:
                self.found.pop(self.keys[r])
        for doc, j, s in fresh:
            r = row_of[s.key]
            acc = sums.get(r)
            if acc is None:
                sums[r] = [(doc, j), s.name, s.dimension, {s.unit: s.metrics}, set(s.aliases), {doc}]
                continue
            if (doc, j) < acc[0]:
                acc[:3] = (doc, j), s.name, s.dimension
            acc[3][s.unit] = acc[3].get(s.unit, 0) + s.metrics
            acc[4].update(s.aliases)
            acc[5].add(doc)
        keys = [*self.keys, *new_keys]
        touched: dict[str, Indicator] = {}
        for r, (_, name, dimension, units, aliases, docs) in sums.items():
            key = keys[r]
            touched[key] = Indicator(self.ids[r] if r < len(self.ids) else indicator_id(key), key, name, dimension,
                                     max(units, key=lambda u: (units[u], u)), aliases, docs, sum(units.values()))
        moved = sorted((sums[row_of[key]][0], key) for key in touched)
        order = [key for _, key in heapq.merge(((self.first[key], key) for key in self.found), moved)]
        self._finished = (kept, fresh, row_of, touched, moved, order)
        return {ind.id: ind for ind in (touched[key] if key in touched else self.found[key] for key in order)}

    def state(self) -> pa.Table:
        """The :func:`state_table` of the indicators :meth:`finish` gave (made after it, beside the outputs).

        Returns
        -------
        pyarrow.Table
            One row per indicator, in link order, with :data:`SCHEMA`.
        """
        kept, fresh, row_of, touched, moved, order = self._finished
        new = pa.table([[row_of[s.key] for _, _, s in fresh], [d for d, _, _ in fresh], [j for _, j, _ in fresh],
                        *([getattr(s, a) for _, _, s in fresh] for a in ("name", "dimension", "unit")),
                        [list(s.aliases) for _, _, s in fresh], [s.metrics for _, _, s in fresh]], schema=_PART_SCHEMA)
        parts = pa.concat_tables([kept, new]).combine_chunks()
        parts = _take(parts, pc.sort_indices(parts, [("row", "ascending"), ("doc", "ascending"), ("at", "ascending")])
                      .to_numpy()).combine_chunks()
        row = parts["row"].to_numpy()
        starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else np.array([], np.int64)
        group = {int(r): i for i, r in enumerate(row[starts])}
        offsets = pa.array(np.r_[starts, len(parts)].astype(np.int32))
        at = pa.array([group[row_of[key]] for _, key in moved], pa.int64())
        inds = [touched[key] for _, key in moved]
        rows = pa.table([[i.key for i in inds], [i.id for i in inds], [i.unit for i in inds], [i.metrics for i in inds],
                         [sorted(i.aliases) for i in inds],
                         *(pa.ListArray.from_arrays(offsets, parts[c].combine_chunks()).take(at) for c in _PARTS)],
                        schema=SCHEMA)
        at_new = {key: len(self.table) + i for i, (_, key) in enumerate(moved)}
        return _take(pa.concat_tables([self.table, rows]),
                     np.array([at_new[key] if key in touched else self.row_of[key] for key in order], np.int64))
