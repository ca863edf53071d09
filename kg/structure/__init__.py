"""Structure: headings, paragraphs, sentences and metadata of a document.

BOOTSTRAP version (paragraphs and sentences only); the full stage replaces it.
"""
from __future__ import annotations

import re

from kg.model import DocumentMeta, Paragraph, Sentence, SourceDocument, StructuredDocument

_SENT_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』]?|\n|$)")


def structure_document(src: SourceDocument) -> StructuredDocument:
    text = src.text
    paragraphs, sentences = [], []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        paragraphs.append(Paragraph(len(paragraphs), start, end))
        for m in _SENT_END.finditer(line):
            if m.group().strip():
                s, e = start + m.start(), start + m.end()
                sentences.append(Sentence(len(sentences), s, e, text[s:e], len(paragraphs) - 1, None))
    title = next((text[p.start:p.end].strip() for p in paragraphs), src.name)
    return StructuredDocument(src, DocumentMeta(title=title), [], paragraphs, sentences)
