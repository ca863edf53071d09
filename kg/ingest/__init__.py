"""Ingest: scan a corpus folder and read its files into :class:`kg.model.SourceDocument` records.

Read: .txt and .md (as text), .html/.htm (the article, with the page's
headline and date), .docx (paragraphs and table cells), .doc/.wps (through
LibreOffice), .pdf (the text layer, without running headers, footers and page
numbers, with the start of each page). Text files are decoded as UTF-8 (with
or without BOM), UTF-16/32 with BOM, GB18030, Big5 (CP950 or Big5-HKSCS), else
as charset-normalizer detects. Line endings become ``\n`` before anything
else: offsets refer to that text. :func:`scan_corpus` names every entry it
does not read and why; files that cannot be read become
:class:`kg.model.IngestProblem`.
"""

from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.normalize import fold_width, normalize_newlines
from kg.ingest.reader import document_from_bytes, read_corpus, read_document
from kg.ingest.scan import (
    DEFAULT_MAX_BYTES, CorpusFile, CorpusScan, IngestError, Skipped, display_name, read_file, scan_corpus,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CorpusFile",
    "CorpusScan",
    "DecodeError",
    "IngestError",
    "Skipped",
    "decode_bytes",
    "display_name",
    "document_from_bytes",
    "fold_width",
    "normalize_newlines",
    "read_corpus",
    "read_document",
    "read_file",
    "scan_corpus",
]
