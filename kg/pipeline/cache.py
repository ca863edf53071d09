"""The content-hash cache of a build output folder (``OUT/cache``), in plain data.

A document's key is a hash of the code and data that extract it, the user
lexicons, its name and its bytes. Per key the cache holds, in ``docs/``:

- ``<key>.json.z``: the compact record (:class:`DocRecord`: the groups linking
  needs, the entity ids its rows carry, its indicators, counts, warnings) and the size and CRC-32
  of each of the files below, as zstd-compressed JSON (one frame; a third of zlib's time to unpack);
- ``<key>.nodes.arrow`` and ``<key>.edges.arrow``: the document's rows
  (:mod:`kg.rows`) as Arrow IPC streams;
- ``<key>.jsonl``: its records of ``extractions.jsonl``.

The blobs are stored zstd-compressed, each as one frame (a document's rows are
small: per-buffer compression inside the IPC stream compresses them less).

``entities.arrow`` holds the entity and indicator rows of the last build and
``manifest.json`` what the last build wrote (documents, whether the store
matches them, the summary). Nothing is pickled: a file that does not parse, or
whose size or checksum differs from its record, is reported in one line and the
document is processed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from kg.model import GroupSummary, IndicatorSummary
from kg.resources import DATA_DIR

#: bump when the cache layout changes
LAYOUT = "kg-cache/7"
_PACKAGE = Path(__file__).resolve().parent.parent
#: the blobs a document has beside its record
BLOBS = ("nodes.arrow", "edges.arrow", "jsonl")
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
    local_ids: list[str]  # each group's entity id if nothing else is linked to it
    ids: list[str]  # the ids its cached rows and records carry
    stats: DocStats
    warnings: list[str]
    blobs: dict[str, list[int]] = field(default_factory=dict)  # blob -> [stored size, crc32, size]
    indicators: list[IndicatorSummary] = field(default_factory=list)  # what its metrics measure

    def ids_digest(self) -> str:
        """A short hash of :attr:`ids` (the manifest's way to notice a document's ids changed)."""
        return hashlib.sha1("\x1f".join(self.ids).encode()).hexdigest()[:16]

    def to_json(self) -> str:
        # asdict would copy every group and indicator deeply, only to be replaced below
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["stats"] = asdict(self.stats)
        data["groups"] = [[g.label, g.key, g.link, g.scope, g.mentions, list(g.aliases), g.joinable]
                          for g in self.groups]
        data["indicators"] = [[i.key, i.name, i.dimension, i.unit, list(i.aliases), i.metrics] for i in self.indicators]
        return json.dumps({"layout": LAYOUT, **data}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "DocRecord":
        data = json.loads(text)
        if data.pop("layout", None) != LAYOUT:
            raise ValueError("written by another version of kg")
        # positional arguments: a rebuild makes ~240,000 of these, keywords cost twice the time
        data["groups"] = [GroupSummary(label, key, link, scope, mentions, tuple(aliases), joinable)
                          for label, key, link, scope, mentions, aliases, joinable in data["groups"]]
        data["indicators"] = [IndicatorSummary(key, name, dimension, unit, tuple(aliases), metrics)
                              for key, name, dimension, unit, aliases, metrics in data["indicators"]]
        data["stats"] = DocStats(**data["stats"])
        return cls(**data)


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

    def record(self, key: str) -> DocRecord | None:
        """The document's record when its entry is complete (sizes checked), else None.

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
            rec = DocRecord.from_json(text.decode("utf-8"))
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
        text = rec.to_json().encode("utf-8")
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

    # ------------------------------------------------------------------ build state
    def manifest(self) -> dict | None:
        """What the last build wrote, or None (none, or unreadable)."""
        try:
            data = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("layout") == LAYOUT else None

    def put_manifest(self, manifest: dict) -> None:
        _write(self.folder / "manifest.json",
               json.dumps({**manifest, "layout": LAYOUT}, ensure_ascii=False).encode("utf-8"))

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
        for p in self.docs.iterdir():
            key = p.name.split(".", 1)[0]
            if key not in keep or p.name.endswith(".tmp"):
                p.unlink(missing_ok=True)
