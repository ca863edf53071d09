"""The content-hash cache of a build output folder (``OUT/cache``), in plain data.

A document's key is a hash of the code and data that extract it, the user
lexicons, its name and its bytes. Per key the cache holds, in ``docs/``:

- ``<key>.json.z``: the compact record (:class:`DocRecord`: the groups linking
  needs, the entity ids its rows carry, its indicators, counts, warnings) and the size and CRC-32
  of each of the files below, as zstd-compressed JSON (one frame; a third of zlib's time to unpack),
  its redundant parts left out (:meth:`DocRecord.to_list`);
- ``<key>.nodes.arrow`` and ``<key>.edges.arrow``: the document's rows
  (:mod:`kg.rows`) as Arrow IPC streams;
- ``<key>.jsonl``: its records of ``extractions.jsonl``.

The blobs are stored zstd-compressed, each as one frame (a document's rows are
small: per-buffer compression inside the IPC stream compresses them less).

``entities.arrow`` holds the entity and indicator rows of the last build,
``manifest.json`` what the last build wrote (documents, whether the store
matches them, the summary, each file's status when it was hashed: a rebuild
does not read a file whose status is the same, :func:`kg.pipeline.scan.scan_keys`)
and ``records.z`` the records of a build's documents
in one file (:meth:`Cache.snapshot`; a rebuild reads it instead of thousands of
files, and parses a record's indicators only when it needs them);
``indicators.arrow`` the last build's indicator link
(:mod:`kg.pipeline.indicator_link`). Nothing is pickled: a file that does not parse, or whose size or
checksum differs from its record, is reported in one line and the document is
processed again.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson
import pyarrow as pa

from kg.model import GroupSummary, IndicatorSummary
from kg.resources import DATA_DIR

#: bump when the cache layout changes
LAYOUT = "kg-cache/9"
_PACKAGE = Path(__file__).resolve().parent.parent
#: the blobs a document has beside its record
BLOBS = ("nodes.arrow", "edges.arrow", "jsonl")
#: the files of a document's entry
FILES = ("json.z", *BLOBS)
#: the snapshot of the records (:meth:`Cache.snapshot`)
SNAPSHOT = "records.z"
#: the snapshot is written anew when more than 1/this of a build's records are not in it as they are
SNAPSHOT_SHARE = 20
_ZSTD = pa.Codec("zstd", compression_level=3)
#: a record: its size (4 bytes, little-endian), then its JSON as one zstd frame (level 6: as small as zlib's)
_RECORD_ZSTD = pa.Codec("zstd", compression_level=6)
_SIZE = struct.Struct("<I")


class CacheError(Exception):
    """A cache entry that cannot be used (one line; the entry is dropped and rebuilt next time)."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of kg's source files and shipped data (everything a document's output depends on)."""
    h = hashlib.sha256(LAYOUT.encode())
    files = [(p, p.relative_to(_PACKAGE)) for p in sorted(_PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts]
    files += [(p, p.relative_to(DATA_DIR)) for p in sorted(DATA_DIR.rglob("*"))
              if p.is_file() and p.suffix in (".tsv", ".txt", ".json") and "corpus" not in p.relative_to(DATA_DIR).parts]
    for path, rel in files:
        h.update(rel.as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build_fingerprint(lexicons: tuple[tuple[str, str], ...]) -> str:
    """The code fingerprint combined with the user lexicons' contents."""
    h = hashlib.sha256(code_fingerprint().encode())
    for name, text in lexicons:
        h.update(b"\x00" + name.encode() + b"\x00" + text.encode())
    return h.hexdigest()


def document_key(fingerprint: str, name: str, data: bytes) -> str:
    """The cache key of one document (``name`` may hold escaped bytes of a non-UTF-8 file name)."""
    h = hashlib.sha256(fingerprint.encode())
    h.update(b"\x00" + name.encode("utf-8", "surrogateescape") + b"\x00")
    h.update(data)
    return h.hexdigest()[:40]


@dataclass
class DocStats:
    """The counts of one document that the build summary adds up."""

    sections: int = 0
    sentences: int = 0
    metrics: int = 0
    metrics_masked: int = 0
    mentions: dict[str, int] = field(default_factory=dict)  # label -> mentions, self-references left out
    nodes: int = 0
    edges: int = 0
    relations: dict[str, int] = field(default_factory=dict)  # semantic type -> edges


@dataclass
class DocRecord:
    """What the build keeps in memory of a document, and the cache keeps on disk."""

    name: str
    key: str
    groups: list[GroupSummary]
    ids: list[str]  # the ids its cached rows and records carry
    stats: DocStats
    warnings: list[str]
    blobs: dict[str, list[int]] = field(default_factory=dict)  # blob -> [stored size, crc32, size]
    jurisdiction: str = ""  # the division code of its jurisdiction: linking short forms asks (kg.resolve.short_links)
    indicators: list[IndicatorSummary] = field(default_factory=list)  # what its metrics measure
    #: :attr:`indicators` as the snapshot holds them, not parsed yet (a rebuild with the last build's indicator link
    #: needs only a changed document's: :meth:`Snapshot.take`); :meth:`summaries` parses them
    raw_indicators: bytes | None = field(default=None, repr=False, compare=False)

    def summaries(self) -> list[IndicatorSummary]:
        """:attr:`indicators`, parsed from :attr:`raw_indicators` first when they are not yet."""
        if self.raw_indicators is not None:
            self.indicators, self.raw_indicators = _summaries(orjson.loads(self.raw_indicators)), None
        return self.indicators

    def ids_digest(self) -> str:
        """A short hash of :attr:`ids` (the manifest's way to notice a document's ids changed)."""
        return hashlib.sha1("\x1f".join(self.ids).encode()).hexdigest()[:16]

    def to_list(self) -> list:
        """The record as plain data, without what :meth:`from_list` can tell: a group's link key or aliases when
        they are its key, an indicator's key when it is ``name|dimension`` (most of them: a third of the size)."""
        return [*self._head(), self._indicator_list()]

    def _head(self) -> list:
        s = self.stats
        return [self.name, self.key,
                [[g.label, g.key, None if g.link == g.key else g.link, g.scope, g.mentions,
                  None if g.aliases == (g.key,) else g.aliases, g.joinable] for g in self.groups],
                self.ids, [s.sections, s.sentences, s.metrics, s.metrics_masked, s.mentions, s.nodes, s.edges,
                           s.relations],
                self.warnings, self.blobs, self.jurisdiction]

    def _indicator_list(self) -> list:
        return [[i.name, i.dimension, i.unit, i.aliases, i.metrics]
                if i.key == f"{i.name}|{i.dimension}" else [i.name, i.dimension, i.unit, i.aliases, i.metrics, i.key]
                for i in self.summaries()]

    def snapshot_line(self, signature: list[int]) -> bytes:
        """The record's line of the snapshot (:meth:`Cache.put_snapshot`): its key, then ``signature`` and
        :meth:`to_list` as JSON, the indicators apart after a tab (JSON holds no raw tab) to be parsed apart."""
        indicators = self.raw_indicators if self.raw_indicators is not None else orjson.dumps(self._indicator_list())
        return b"%s %s\t%s\n" % (self.key.encode(), orjson.dumps([signature, *self._head()]), indicators)

    @classmethod
    def from_list(cls, data: list) -> "DocRecord":
        """The record of :meth:`to_list` (raises ValueError, TypeError or IndexError for other data)."""
        name, key, groups, ids, stats, warnings, blobs, jurisdiction, indicators = data
        # positional arguments: a rebuild makes ~240,000 of these, keywords cost twice the time
        return cls(name, key,
                   [GroupSummary(label, k, k if link is None else link, scope, mentions,
                                 (k,) if aliases is None else tuple(aliases), joinable)
                    for label, k, link, scope, mentions, aliases, joinable in groups],
                   ids, DocStats(*stats), warnings, blobs, jurisdiction, _summaries(indicators))

    def to_json(self) -> bytes:
        """The record as the cache stores it (:meth:`to_list` as JSON, after the layout)."""
        return orjson.dumps([LAYOUT, *self.to_list()])

    @classmethod
    def from_json(cls, text: bytes, rows_only: bool = False) -> "DocRecord":
        """The record of :meth:`to_json` (raises ValueError for another layout or data that is no record); with
        ``rows_only``, only what reading its rows needs (name, key, blobs; half the time: no groups, indicators)."""
        layout, *data = orjson.loads(text)
        if layout != LAYOUT:
            raise ValueError("written by another version of kg")
        return cls(data[0], data[1], [], [], DocStats(), [], data[6]) if rows_only else cls.from_list(data)


def _summaries(data: list) -> list[IndicatorSummary]:
    """The indicator summaries of :meth:`DocRecord.to_list`."""
    return [IndicatorSummary(f"{i[0]}|{i[1]}" if len(i) == 5 else i[5], i[0], i[1], i[2], tuple(i[3]), i[4])
            for i in data]


#: a blob as the cache stores it: one zstd frame, and the size of what it holds
Packed = tuple[bytes, int]


def pack(data: bytes | pa.Buffer) -> Packed:
    """``data`` as one zstd frame, with its size (a worker packs its blobs: less to send, less to hold)."""
    return _ZSTD.compress(data, asbytes=True), len(data)


def ipc_bytes(tables: Iterable[pa.Table], schema: pa.Schema) -> pa.Buffer:
    """Arrow tables of ``schema`` as the bytes of one IPC stream (one table at a time in memory)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as writer:
        for table in tables:
            writer.write_table(table)
    return sink.getvalue()  # pack() compresses the buffer without a copy into bytes


def read_ipc(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def file_token(data: bytes) -> str:
    """The token of a file's ``data`` that a manifest keeps (its CRC-32 and size), for the snapshot and the
    indicator link alike.

    Parameters
    ----------
    data : bytes
        The file's contents.

    Returns
    -------
    str
        ``"<crc32 in hex>-<size>"``.
    """
    return f"{zlib.crc32(data):08x}-{len(data)}"


class Cache:
    """The cache folder of one output folder (a build without a cache uses a temporary one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.docs = self.folder / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)
        self._docs = str(self.docs)

    def _path(self, key: str, blob: str) -> Path:
        return self.docs / f"{key}.{blob}"

    def _name(self, key: str, blob: str) -> str:
        """:meth:`_path` as a string (a rebuild opens ~8,000 of these: pathlib costs more than the reads)."""
        return f"{self._docs}/{key}.{blob}"

    def record(self, key: str, rows_only: bool = False) -> DocRecord | None:
        """The document's record when its entry is complete (sizes checked), else None (``rows_only``: see
        :meth:`DocRecord.from_json`).

        Raises
        ------
        CacheError
            The entry exists but is damaged (it is removed, so the document is processed again).
        """
        path = self._name(key, "json.z")
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._damaged(key, path, exc.strerror)
        try:
            (raw,) = _SIZE.unpack_from(data)
            text = _RECORD_ZSTD.decompress(memoryview(data)[_SIZE.size:], decompressed_size=raw, asbytes=True)
            if len(text) != raw:
                raise ValueError("not the size its header says")
            rec = DocRecord.from_json(text, rows_only)
        except (ValueError, TypeError, KeyError, IndexError, struct.error, pa.ArrowException, OSError) as exc:
            self._damaged(key, path, (str(exc) or type(exc).__name__).splitlines()[0])
        for blob, (size, *_) in rec.blobs.items():
            blob_path = self._name(key, blob)
            try:
                actual = os.stat(blob_path).st_size
            except OSError as exc:
                self._damaged(key, blob_path, exc.strerror)
            if actual != size:
                self._damaged(key, blob_path, "not the size its record says")
        return rec

    def has(self, key: str) -> bool:
        """Whether the cache has a record for ``key`` (complete or not: :meth:`record` says)."""
        return os.path.exists(self._name(key, "json.z"))  # (asked of every document while the corpus is hashed)

    def _damaged(self, key: str, path: Path | str, why: str) -> None:
        self.drop(key)
        raise CacheError(f"{path}: damaged cache entry ({why}); the document is processed again by the next build")

    def put(self, rec: DocRecord, blobs: dict[str, Packed]) -> None:
        """Store a processed document: its packed blobs, then its record (which makes the entry complete)."""
        rec.blobs = {}
        for blob in BLOBS:
            data, raw = blobs[blob]
            _write(self._path(rec.key, blob), data)
            rec.blobs[blob] = [len(data), zlib.crc32(data), raw]
        self.put_record(rec)

    def put_record(self, rec: DocRecord) -> None:
        text = rec.to_json()
        _write(self._path(rec.key, "json.z"), _SIZE.pack(len(text)) + _RECORD_ZSTD.compress(text, asbytes=True))

    def blob(self, rec: DocRecord, blob: str) -> bytes:
        """One blob of a document, checked against its record."""
        path = self._name(rec.key, blob)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self._damaged(rec.key, path, exc.strerror)
        size, crc, raw = rec.blobs.get(blob) or (-1, -1, -1)
        if (len(data), zlib.crc32(data)) != (size, crc):
            self._damaged(rec.key, path, "checksum")
        return _ZSTD.decompress(data, decompressed_size=raw, asbytes=True)

    def verify(self, rec: DocRecord) -> None:
        """Check every blob of a document against its record (raises :class:`CacheError`, dropping the entry)."""
        for blob in BLOBS:
            path = self._name(rec.key, blob)
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                self._damaged(rec.key, path, exc.strerror)
            if [len(data), zlib.crc32(data)] != rec.blobs.get(blob, [])[:2]:
                self._damaged(rec.key, path, "checksum")

    def table(self, rec: DocRecord, blob: str) -> pa.Table:
        """The document's node table (``nodes.arrow``) or edge table (``edges.arrow``)."""
        try:
            return read_ipc(self.blob(rec, blob))
        except pa.ArrowException as exc:
            self._damaged(rec.key, self._path(rec.key, blob), str(exc).splitlines()[0])

    def rows(self, rec: DocRecord) -> tuple[pa.Table, pa.Table]:
        """The document's node and edge tables."""
        return self.table(rec, "nodes.arrow"), self.table(rec, "edges.arrow")

    def drop(self, key: str) -> None:
        """Delete a document's entry, and the manifest: the next build processes the document again."""
        for blob in ("json.z", *BLOBS):
            self._path(key, blob).unlink(missing_ok=True)
        self.forget_manifest()

    # ------------------------------------------------------------------ the records in one file
    def signature(self, key: str) -> list[int]:
        """The files of an entry as they are on disk (inode, size, modification and change times of each): a write
        of any of them changes it. Raises OSError when one is missing."""
        sig = []
        for blob in FILES:
            st = os.stat(self._name(key, blob))
            sig += (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        return sig

    def put_snapshot(self, recs: Iterable[DocRecord]) -> str:
        """Write the records ``recs`` with the signatures of their entries into one file (a line per record, one
        zstd stream); its token, for the manifest (:meth:`snapshot` trusts the file only with it)."""
        path = self.folder / SNAPSHOT
        tmp = path.with_name(path.name + ".tmp")
        with pa.CompressedOutputStream(str(tmp), "zstd") as out:
            for rec in recs:
                out.write(rec.snapshot_line(self.signature(rec.key)))
        token = file_token(tmp.read_bytes())
        os.replace(tmp, path)
        return token

    def renew_snapshot(self, recs: list[DocRecord], token: str | None, taken: int) -> str:
        """The token of a snapshot of ``recs``: ``token`` (the last one's) while the records not ``taken`` from it as
        they are now are few (they are read from their entries), else a new snapshot's."""
        if token and taken > 0 and (len(recs) - taken) * SNAPSHOT_SHARE <= len(recs):
            return token
        return self.put_snapshot(recs)

    def snapshot(self, token: str | None) -> "Snapshot":
        """The records :meth:`put_snapshot` wrote with ``token`` (the manifest's): none when the file is missing,
        another or damaged."""
        try:
            with open(self.folder / SNAPSHOT, "rb") as fh:
                data = fh.read()
            if token and file_token(data) == token:
                return Snapshot(self, pa.CompressedInputStream(pa.BufferReader(data), "zstd").read())
        except (OSError, ValueError, UnicodeDecodeError, pa.ArrowException):
            pass
        return Snapshot(self)

    # ------------------------------------------------------------------ build state
    def manifest(self) -> dict | None:
        """What the last build wrote, or None (none, or unreadable)."""
        try:
            data = orjson.loads((self.folder / "manifest.json").read_bytes())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("layout") == LAYOUT else None

    def put_manifest(self, manifest: dict) -> None:
        _write(self.folder / "manifest.json", orjson.dumps({**manifest, "layout": LAYOUT}))

    def forget_manifest(self) -> None:
        """Say nothing about the outputs until the build writing them has finished."""
        (self.folder / "manifest.json").unlink(missing_ok=True)

    def entities(self) -> pa.Table | None:
        """The entity rows of the last build, or None."""
        try:
            return read_ipc((self.folder / "entities.arrow").read_bytes())
        except (OSError, pa.ArrowException):
            return None

    def put_entities(self, table: pa.Table) -> None:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as writer:
            writer.write_table(table)
        _write(self.folder / "entities.arrow", sink.getvalue().to_pybytes())

    def prune(self, keep: set[str]) -> None:
        """Delete every document entry not in ``keep``, and leftovers of interrupted writes."""
        for name in os.listdir(self._docs):  # (names, not paths: a rebuild lists ~8,000, a quarter of pathlib's time)
            if name.split(".", 1)[0] not in keep or name.endswith(".tmp"):
                Path(self._docs, name).unlink(missing_ok=True)


class Snapshot:
    """The records of :meth:`Cache.put_snapshot` by key; :meth:`take` gives one whose entry's files are as they were
    when it was written (:meth:`Cache.signature`), so what the build since wrote, dropped or damaged is read from the
    entry instead (and its checksums checked there)."""

    def __init__(self, cache: Cache, data: bytes = b"") -> None:
        self.cache, self.data, self.hits = cache, memoryview(data), 0
        self.at: dict[str, tuple[int, int, int]] = {}  # key -> where its line's JSON is, and its indicators'
        start = 0
        while start < len(data):
            space, end = data.index(b" ", start), data.index(b"\n", start)
            self.at[data[start:space].decode("ascii")] = (space + 1, data.find(b"\t", space, end), end)
            start = end + 1

    def take(self, key: str, indicators: bool = True) -> DocRecord | None:
        """The record of ``key`` when the snapshot holds it and its entry is unchanged, else None (once per key);
        without ``indicators`` parsed (:attr:`DocRecord.raw_indicators`)."""
        where = self.at.pop(key, None)
        if where is None or where[1] < 0:
            return None
        try:
            signature, *data = orjson.loads(self.data[where[0]:where[1]])
            if signature != self.cache.signature(key):
                return None
            raw = self.data[where[1] + 1:where[2]]
            rec = DocRecord.from_list([*data, orjson.loads(raw) if indicators else []])
        except (OSError, ValueError, TypeError, IndexError):
            return None
        if rec.key != key:
            return None
        if not indicators:
            rec.raw_indicators = raw
        self.hits += 1
        return rec
