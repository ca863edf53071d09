"""The per-document task: bytes in, a compact record and the document's rows out.

It runs wherever the executor puts it (this process, a local worker process,
a Dask worker on another machine), so it takes the file's bytes rather than a
path, and builds its extraction pipeline once per process.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from kg.graph import document_tables, groups_ref
from kg.ids import stable_id
from kg.ingest import IngestError, document_from_bytes
from kg.lexicon import Lexicon, load_lexicon
from kg.model import DocExtraction, DocGroups, DocIndicators
from kg.pipeline.cache import DocRecord, DocStats, Packed, ipc_bytes, pack
from kg.pipeline.collection import fewer_collections
from kg.pipeline.tasks import Failed, Processed, Settings, Task
from kg.resolve import group_document
from kg.resolve.indicators import IndicatorNormaliser, document_indicators, indicator_id
from kg.rows import edge_schema, node_schema
from kg.schema import LABEL_OF_TYPE, SEMANTIC_REL_TYPES
from kg.sinks.extractions import document_records, render_records
from kg.structure import structure_document
from kg.workers import import_spacy_without_cli

import_spacy_without_cli()  # (its command line, ~0.25 s of CPU at import, is never run: a worker does this too)
from kg.extract import build_nlp, extract_document  # noqa: E402

#: rows per Arrow table while a document's rows are written
ROWS_PER_TABLE = 20_000
_STATE: dict[Settings, tuple[Lexicon, object, IndicatorNormaliser]] = {}


def pipeline_for(settings: Settings):
    """The lexicon, spaCy pipeline and indicator normaliser of this process for ``settings`` (built once)."""
    if settings not in _STATE:
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for i, (name, text) in enumerate(settings.lexicons):
                p = Path(tmp) / f"{i:03d}_{name}"
                p.write_text(text, encoding="utf-8")
                paths.append(p)
            lexicon = load_lexicon(paths)
        _STATE.clear()
        _STATE[settings] = (lexicon, build_nlp(lexicon), IndicatorNormaliser(lexicon))
    return _STATE[settings]


def local_ids(groups: DocGroups) -> list[str]:
    """Entity ids of a document's groups before linking (what :func:`kg.resolve.link` gives unless a masked name joins another)."""
    return [stable_id(LABEL_OF_TYPE[g.label], g.link, g.scope) for g in groups.groups]


def render(ext: DocExtraction, groups: DocGroups, ids: list[str], key: str,
           indicators: DocIndicators | None = None) -> tuple[dict[str, Packed], DocStats]:
    """The document's packed cache blobs (rows and records) with the entity ids ``ids`` of its groups and
    the indicators of its metrics, and its counts.

    Rows become Arrow a table of :data:`ROWS_PER_TABLE` at a time, so a very large
    document does not hold all of them twice.
    """
    ref = groups_ref(groups, ids)
    indicator_of = {} if indicators is None else {
        k: indicator_id(indicators.indicators[i].key) for k, i in indicators.indicator_of.items()}
    keys = {} if indicators is None else {indicator_id(s.key): s.key for s in indicators.indicators}
    tables = document_tables(ext, ref, indicator_of, key, ROWS_PER_TABLE)
    sdoc = ext.document
    stats = DocStats(
        sections=len(sdoc.sections), sentences=len(sdoc.sentences), metrics=len(ext.metrics),
        metrics_masked=sum(1 for m in ext.metrics if m.masked),
        mentions=dict(Counter(m.label for m in ext.mentions if not m.self_ref)),
        nodes=tables.node_count, edges=len(tables.edge_types),
        relations=dict(Counter(t for t in tables.edge_types if t in SEMANTIC_REL_TYPES)))
    # each part is packed and let go before the next is made (a very large document holds one at a time)
    blobs = {"nodes.arrow": pack(ipc_bytes(tables.nodes, node_schema()))}
    blobs["edges.arrow"] = pack(ipc_bytes(tables.edges, edge_schema()))
    del tables
    blobs["jsonl"] = pack(render_records(document_records(ext, ref, indicator_of, keys)))
    return blobs, stats


def process(task: Task, settings: Settings) -> Processed | Failed:
    """Read, structure, extract, group and render one document.

    Never raises for a bad document: it gives :class:`Failed` with a one-line reason.
    """
    with fewer_collections():
        return _process(task, settings)


def _process(task: Task, settings: Settings) -> Processed | Failed:
    try:
        src = document_from_bytes(task.data, task.name, Path(task.path))
    except IngestError as exc:
        return Failed(task.name, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the corpus
        return Failed(task.name, f"unreadable ({type(exc).__name__}: {exc})")
    lexicon, nlp, normaliser = pipeline_for(settings)
    try:
        ext = extract_document(structure_document(src), nlp)
        groups = group_document(ext, lexicon)
        ids = local_ids(groups)
        indicators = document_indicators(ext, normaliser=normaliser)
        blobs, stats = render(ext, groups, ids, task.key, indicators)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus
        return Failed(task.name, f"could not be processed: {type(exc).__name__}: {exc}")
    record = DocRecord(name=task.name, key=task.key, groups=groups.groups, ids=ids, jurisdiction=groups.jurisdiction,
                       stats=stats, warnings=src.warnings + ext.warnings, indicators=indicators.indicators)
    return Processed(record, blobs)


def process_many(tasks: list[Task], settings: Settings) -> list[Processed | Failed]:
    """:func:`process` over a batch (one round trip per batch for remote executors)."""
    return [process(t, settings) for t in tasks]
