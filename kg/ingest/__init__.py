"""Ingest: read a corpus folder into :class:`kg.model.SourceDocument` records.

BOOTSTRAP version (UTF-8 .txt only); the full reader replaces it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from kg.model import IngestProblem, SourceDocument

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}


def fold_width(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def read_document(path: Path, root: Path) -> SourceDocument:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix() if path != root else path.name
    return SourceDocument(name=name, path=path, text=text, norm=fold_width(text), encoding="utf-8",
                          format=path.suffix.lstrip("."), sha256=hashlib.sha256(text.encode()).hexdigest())


def read_corpus(root: Path) -> Iterator[SourceDocument | IngestProblem]:
    root = Path(root)
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    for p in paths:
        try:
            yield read_document(p, root if root.is_dir() else root.parent)
        except Exception as exc:  # noqa: BLE001
            yield IngestProblem(p.name, p, str(exc))
