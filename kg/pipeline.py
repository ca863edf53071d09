"""The library API: build a knowledge graph from a corpus folder.

>>> from kg.pipeline import build
>>> result = build("data/corpus", "out")          # doctest: +SKIP
>>> result.summary["entities"]                     # doctest: +SKIP

Only this module and :mod:`kg.cli` import every stage.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.extract import Lexicon, build_nlp, extract_document, load_lexicon
from kg.extract.lexicon import LexiconError
from kg.ingest import read_corpus
from kg.model import DocExtraction, IngestProblem, Resolution
from kg.resolve import resolve
from kg.graph import build_graph
from kg.sinks.exports import write_all
from kg.sinks.extractions import write_extractions
from kg.sinks.neo4j_csv import write_neo4j_import
from kg.structure import structure_document

#: progress callback: (stage, done, total, item name)
Progress = Callable[[str, int, int, str], None]


class BuildError(Exception):
    """A build step that could not write its output (one line; the files before it are kept)."""


@dataclass
class BuildResult:
    """What :func:`build` made."""

    out: Path
    graph: nx.MultiDiGraph
    resolution: Resolution
    summary: dict
    warnings: list[str] = field(default_factory=list)


def _noop(stage: str, done: int, total: int, item: str) -> None:
    return None


def extract_corpus(
    corpus: str | Path,
    lexicon: Lexicon | None = None,
    progress: Progress = _noop,
) -> tuple[list[DocExtraction], list[str], int]:
    """Read, structure and extract every document of ``corpus``.

    A document that cannot be read or processed adds one warning line naming it
    and the problem; the others are still extracted.

    Returns
    -------
    (extractions, warnings, failed)
        The extracted documents, the warning lines, and how many documents failed.
    """
    nlp = build_nlp(lexicon)
    warnings: list[str] = []
    items = list(read_corpus(Path(corpus)))
    extractions: list[DocExtraction] = []
    for i, item in enumerate(items, 1):
        progress("extract", i, len(items), item.name)
        if isinstance(item, IngestProblem):
            warnings.append(item.line())
            continue
        try:
            ext = extract_document(structure_document(item), nlp)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus
            warnings.append(f"{item.name}: could not be processed: {type(exc).__name__}: {exc}")
            continue
        warnings += [f"{item.name}: {w}" for w in ext.warnings]
        extractions.append(ext)
    return extractions, warnings, len(items) - len(extractions)


def summarise(res: Resolution, g: nx.MultiDiGraph, warnings: list[str], failed: int, seconds: float) -> dict:
    """The numbers a user sees at the end of a build."""
    ent_types = Counter(e.label for e in res.entities.values())
    mention_types = Counter(m.label for x in res.extractions for m in x.mentions if not m.self_ref)
    rel_types = Counter(a["type"] for _, _, a in g.edges(data=True)
                        if a["type"] not in ("HAS_SECTION", "MENTIONED_IN"))
    metrics = [m for x in res.extractions for m in x.metrics]
    return {
        "documents": len(res.extractions),
        "documents_failed": failed,
        "sections": sum(len(x.document.sections) for x in res.extractions),
        "sentences": sum(len(x.document.sentences) for x in res.extractions),
        "entities": dict(sorted(ent_types.items())),
        "entity_mentions": dict(sorted(mention_types.items())),
        "cross_document_entities": sum(1 for e in res.entities.values() if len(e.docs) > 1),
        "metrics": len(metrics),
        "metrics_masked": sum(1 for m in metrics if m.masked),
        "relations": dict(sorted(rel_types.items())),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
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
) -> BuildResult:
    """Build the knowledge graph of ``corpus`` and write its files into ``out``.

    Parameters
    ----------
    corpus : path
        A folder of .txt/.md/.html/.docx documents (searched recursively), or one file.
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

    Returns
    -------
    BuildResult
        The graph, the resolution and the summary (also written as ``summary.json``).
    """
    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        lexicon = load_lexicon(lexicons or [])
    except (LexiconError, FileNotFoundError) as exc:
        raise BuildError(str(exc)) from exc
    extractions, warnings, failed = extract_corpus(corpus, lexicon, progress)
    progress("resolve", 0, 1, "")
    res = resolve(extractions, lexicon)
    g = build_graph(res)
    progress("write", 0, 1, "")
    write_extractions(res, out / "extractions.jsonl")
    write_all(g, out)
    write_neo4j_import(g, out / "neo4j-import")
    if store:
        from kg.sinks.embedded import StoreError, write_store  # loads the database engine only when asked

        progress("store", 0, 1, "")
        try:
            write_store(g, out / "store")
        except StoreError as exc:
            raise BuildError(f"{out / 'store'}: embedded store not written: {exc}") from exc
    if views:
        from kg.views import write_views

        progress("views", 0, 1, "")
        write_views(g, out / "visualizations")
    summary = summarise(res, g, warnings, failed, time.perf_counter() - t0)
    summary["corpus"] = str(Path(corpus).resolve())
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return BuildResult(out=out, graph=g, resolution=res, summary=summary, warnings=warnings)
