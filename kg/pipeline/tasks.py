"""What travels between the build and its workers: settings, tasks, results (no extraction imported here).

:mod:`kg.pipeline.work` does the per-document work; this module holds the plain
records it takes and gives, so the build can scan, link and write without
loading the extraction pipeline when there is nothing to extract.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyarrow as pa

from kg.pipeline.cache import DocRecord, Packed, ipc_bytes, pack, read_ipc
from kg.sinks.extractions import render_records
from kg.workers import Settings  # noqa: F401 - what every worker needs (defined where the CLI can start one early)


@dataclass(frozen=True)
class Task:
    """One document to process."""

    name: str  # relative to the corpus root
    path: str
    data: bytes
    key: str  # its cache key


@dataclass
class Processed:
    """A worker's result: the record and the blobs of the cache (see :mod:`kg.pipeline.cache`)."""

    record: DocRecord
    blobs: dict[str, bytes]


@dataclass
class Failed:
    """A document that could not be read or processed (one line for the user)."""

    name: str
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.reason}"


def remap(blobs: dict[str, bytes], mapping: dict[str, str]) -> dict[str, Packed]:
    """The blobs (as read from the cache) with entity ids replaced by ``mapping`` (old id -> new id),
    packed again, after linking joined names."""
    def swap(table: pa.Table, columns: tuple[str, ...]) -> pa.Table:
        for col in columns:
            values = [mapping.get(v, v) for v in table[col].to_pylist()]
            table = table.set_column(table.schema.get_field_index(col), col, pa.array(values, pa.string()))
        return table

    records = []
    for line in blobs["jsonl"].decode("utf-8").splitlines():
        rec = json.loads(line)
        for k in ("id", "from_id", "to_id", "reported_by_id"):
            if k in rec:
                rec[k] = mapping.get(rec[k], rec[k])
        records.append(rec)
    edges = swap(read_ipc(blobs["edges.arrow"]), ("source", "target"))
    return {"nodes.arrow": pack(blobs["nodes.arrow"]),
            "edges.arrow": pack(ipc_bytes([edges], edges.schema)),
            "jsonl": pack(render_records(iter(records)))}
