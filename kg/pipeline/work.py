"""The per-document task: bytes in, a compact record and rendered output chunks out.

It runs wherever the executor puts it (this process, a local worker process,
a Dask worker on another machine), so it takes the file's bytes rather than a
path, and builds its extraction pipeline once per process.
"""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import Lexicon, build_nlp, extract_document, load_lexicon
from kg.graph import document_rows, groups_ref
from kg.ids import stable_id
from kg.ingest import IngestError, document_from_bytes
from kg.model import DocExtraction, DocGroups
from kg.resolve import group_document
from kg.schema import LABEL_OF_TYPE
from kg.sinks.extractions import document_records, render_records
from kg.sinks.embedded import render_store_parts
from kg.sinks.files import JSONL_PART, render_chunk
from kg.structure import structure_document


@dataclass(frozen=True)
class Settings:
    """What every worker needs to extract like the others: the user lexicons, by content."""

    lexicons: tuple[tuple[str, str], ...] = ()  # (file name, text)

    @classmethod
    def from_paths(cls, paths: list[Path]) -> "Settings":
        return cls(tuple((Path(p).name, Path(p).read_text(encoding="utf-8")) for p in paths))


@dataclass(frozen=True)
class Task:
    """One document to process."""

    name: str  # relative to the corpus root
    path: str
    data: bytes
    key: str  # its cache key


@dataclass
class DocStats:
    """The counts of one document that the build summary adds up."""

    sections: int = 0
    sentences: int = 0
    metrics: int = 0
    metrics_masked: int = 0
    mentions: Counter = field(default_factory=Counter)  # label -> mentions, self-references left out
    nodes: int = 0
    edges: int = 0
    relations: Counter = field(default_factory=Counter)  # type -> edges (HAS_SECTION, MENTIONED_IN left out)


@dataclass
class Compact:
    """What the build keeps in memory of a processed document."""

    name: str
    key: str
    groups: DocGroups  # ``group_of`` emptied: linking needs only the groups
    local_ids: list[str]  # the entity id of each group if nothing else is linked to it
    chunk_ids: list[str]  # the ids the cached chunk was rendered with
    stats: DocStats
    warnings: list[str]


@dataclass
class Processed:
    """A worker's result: the compact record and the blobs for the cache."""

    compact: Compact
    record: bytes  # pickled (slim DocExtraction, DocGroups with group_of)
    files: bytes  # pickled chunk of the output files, rendered with ``compact.local_ids``
    store: bytes  # pickled chunk of the embedded store, likewise


@dataclass
class Failed:
    """A document that could not be read or processed (one line for the user)."""

    name: str
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.reason}"


_STATE: dict[Settings, tuple[Lexicon, object]] = {}


def pipeline_for(settings: Settings):
    """The lexicon and spaCy pipeline of this process for ``settings`` (built once)."""
    if settings not in _STATE:
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for i, (name, text) in enumerate(settings.lexicons):
                p = Path(tmp) / f"{i:03d}_{name}"
                p.write_text(text, encoding="utf-8")
                paths.append(p)
            lexicon = load_lexicon(paths)
        _STATE.clear()
        _STATE[settings] = (lexicon, build_nlp(lexicon))
    return _STATE[settings]


def local_ids(groups: DocGroups) -> list[str]:
    """Entity ids of a document's groups before linking (what :func:`kg.resolve.link` gives unless a masked name joins another)."""
    return [stable_id(LABEL_OF_TYPE[g.label], g.link, g.scope) for g in groups.groups]


def slim(ext: DocExtraction) -> DocExtraction:
    """The extraction without the document's text, paragraphs and sentences (evidence keeps its sentences)."""
    sdoc = ext.document
    source = dataclasses.replace(sdoc.source, text="", norm="", chars=sdoc.source.chars)
    document = dataclasses.replace(sdoc, source=source, paragraphs=[], sentences=[], _starts=[])
    return dataclasses.replace(ext, document=document)


def _dump(obj: object) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def render(ext: DocExtraction, groups: DocGroups, ids: list[str]) -> tuple[bytes, bytes, DocStats]:
    """Render one document's rows and records with the entity ids ``ids`` of its groups.

    Returns the pickled chunks of the output files and of the embedded store, and the counts.
    """
    ref = groups_ref(groups, ids)
    nodes, edges = document_rows(ext, ref)
    chunk = render_chunk(nodes, edges)
    chunk[JSONL_PART] = render_records(document_records(ext, ref)).encode("utf-8")
    store = render_store_parts(nodes, edges)
    stats = DocStats(nodes=len(nodes), edges=len(edges))
    stats.relations.update(a["type"] for *_, a in edges if a["type"] not in ("HAS_SECTION", "MENTIONED_IN"))
    return _dump(chunk), _dump(store), stats


def process(task: Task, settings: Settings) -> Processed | Failed:
    """Read, structure, extract, group and render one document.

    Never raises for a bad document: it gives :class:`Failed` with a one-line reason.
    """
    try:
        src = document_from_bytes(task.data, task.name, Path(task.path))
    except IngestError as exc:
        return Failed(task.name, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the corpus
        return Failed(task.name, f"unreadable ({type(exc).__name__}: {exc})")
    lexicon, nlp = pipeline_for(settings)
    try:
        ext = extract_document(structure_document(src), nlp)
        groups = group_document(ext, lexicon)
        ids = local_ids(groups)
        files, store, stats = render(ext, groups, ids)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus
        return Failed(task.name, f"could not be processed: {type(exc).__name__}: {exc}")
    sdoc = ext.document
    stats.sections, stats.sentences = len(sdoc.sections), len(sdoc.sentences)
    stats.metrics = len(ext.metrics)
    stats.metrics_masked = sum(1 for m in ext.metrics if m.masked)
    stats.mentions.update(m.label for m in ext.mentions if not m.self_ref)
    compact = Compact(
        name=task.name, key=task.key,
        groups=DocGroups(doc=groups.doc, groups=groups.groups, group_of={}),
        local_ids=ids, chunk_ids=ids, stats=stats, warnings=src.warnings + ext.warnings,
    )
    record = _dump((slim(ext), groups))
    return Processed(compact, record, files, store)


def process_many(tasks: list[Task], settings: Settings) -> list[Processed | Failed]:
    """:func:`process` over a batch (one round trip per batch for remote executors)."""
    return [process(t, settings) for t in tasks]
