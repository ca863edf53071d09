"""Small builders for tests: a structured document and mentions from plain text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from kg.model import (
    DocExtraction, DocumentMeta, Jurisdiction, Mention, Paragraph, Sentence, SourceDocument, StructuredDocument,
)
from kg.structure.gazetteer import gazetteer


def fold_width(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


def make_doc(name: str, text: str, author: str | None = None, jurisdiction: Jurisdiction | None = None) -> StructuredDocument:
    """A one-paragraph document whose sentences end at 。"""
    src = SourceDocument(name=name, path=Path(name), text=text, norm=fold_width(text), encoding="utf-8",
                         format="txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。" or i == len(text) - 1:
            sentences.append(Sentence(len(sentences), start, i + 1, text[start:i + 1], 0, None))
            start = i + 1
    places = [(p.start, p.end) for p in gazetteer().find(src.norm)]
    return StructuredDocument(src, DocumentMeta(title=name, author=author, jurisdiction=jurisdiction),
                              [], [Paragraph(0, 0, len(text))], sentences, places=places)


def mention(sdoc: StructuredDocument, label: str, surface: str, nth: int = 0, name: str | None = None,
            self_ref: bool = False) -> Mention:
    """The ``nth`` occurrence of ``surface`` in the document as a mention."""
    at = -1
    for _ in range(nth + 1):
        at = sdoc.source.text.index(surface, at + 1)
    return Mention(sdoc.name, label, surface, at, at + len(surface), name or surface.replace("“", "").replace("”", ""),
                   sdoc.evidence(at, at + len(surface)), self_ref=self_ref)


def extraction(sdoc: StructuredDocument, *mentions: Mention) -> DocExtraction:
    return DocExtraction(sdoc, list(mentions))


SHIYAN = Jurisdiction(level="city", name="十堰市", code="420300", province="湖北省", city="十堰市")
YINGDE = Jurisdiction(level="county", name="英德市", code="441881", province="广东省", city="清远市", county="英德市")


def measures(tmp_path: Path, text: str, campaigns: list[str],
             keep: Callable[[str, Mention], bool] | None = None) -> set[tuple[str, str]]:
    """(metric text, campaign name) pairs MEASURES finds in ``text`` (structured as a file) with the given
    campaigns (quotes left out of names); ``keep(norm, mention)``, if given, says which mentions to pass on."""
    from kg.extract.given_campaigns import campaign_mentions_for
    from kg.extract.measures import MeasuresFinder
    from kg.extract.metrics import MetricExtractor
    from kg.ingest import read_document
    from kg.structure import structure_document

    path = tmp_path / "t.txt"
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    sdoc = structure_document(read_document(path, tmp_path))
    camps = campaign_mentions_for(sdoc, {c: c.replace("“", "").replace("”", "") for c in campaigns})
    if keep is not None:
        camps = [c for c in camps if keep(sdoc.source.norm, c)]
    return {(r.head.text, r.tail.name) for r in MeasuresFinder().find(sdoc, MetricExtractor().extract(sdoc), camps)}
