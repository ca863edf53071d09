"""Ingest: read a corpus folder into :class:`kg.model.SourceDocument` records.

Supported: .txt and .md (as text), .html/.htm (visible text), .docx
(paragraphs and table cells). Text files are decoded as UTF-8 (with or
without BOM), UTF-16/32 with BOM, or GB18030, else as charset-normalizer
detects. Line endings become ``\\n`` before anything else: offsets refer to
that text. Files that cannot be read become :class:`kg.model.IngestProblem`.
"""

from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.normalize import fold_width, normalize_newlines
from kg.ingest.reader import IngestError, corpus_files, document_from_bytes, read_corpus, read_document

__all__ = [
    "DecodeError",
    "IngestError",
    "corpus_files",
    "decode_bytes",
    "document_from_bytes",
    "fold_width",
    "normalize_newlines",
    "read_corpus",
    "read_document",
]
