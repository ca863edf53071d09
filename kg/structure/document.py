"""Assemble a :class:`~kg.model.StructuredDocument` from a source document."""

from __future__ import annotations

from kg.ingest.normalize import fold_width
from kg.model import DocumentMeta, Paragraph, Section, Sentence, SourceDocument, StructuredDocument
from kg.structure import metadata
from kg.structure.author import find_author
from kg.structure.gazetteer import Gazetteer, gazetteer
from kg.structure.headings import build_sections, find_headings
from kg.structure.jurisdiction import choose_jurisdiction
from kg.structure.segment import MAX_RUN, MAX_SENTENCE, Span, cut_long, lines, sentence_spans

#: How many paragraphs after the title count as the opening.
OPENING_PARAGRAPHS = 2


def _innermost(sections: list[Section], starts: list[int]) -> list[str | None]:
    """Innermost section id at each offset of ``starts`` (ascending), by a sweep over nested sections."""
    out: list[str | None] = []
    stack: list[Section] = []
    k = 0
    for pos in starts:
        while k < len(sections) and sections[k].start <= pos:
            while stack and stack[-1].end <= sections[k].start:
                stack.pop()
            stack.append(sections[k])
            k += 1
        while stack and stack[-1].end <= pos:
            stack.pop()
        out.append(stack[-1].id if stack else None)
    return out


def _opening(paragraphs: list[Span], title: Span | None) -> list[Span]:
    body = paragraphs[1:] if title is not None else paragraphs
    out = []
    for p in body:
        out.append(p)
        if len(out) >= OPENING_PARAGRAPHS:
            break
    return out


def structure_document(src: SourceDocument, gaz: Gazetteer | None = None) -> StructuredDocument:
    """Headings, paragraphs, sentences and metadata of one document.

    Parameters
    ----------
    src : SourceDocument
        The document as read by :mod:`kg.ingest`.
    gaz : Gazetteer, optional
        Divisions for the jurisdiction; the shipped gazetteer by default.

    Returns
    -------
    StructuredDocument
        Offsets are into ``src.text``. Every sentence lies inside one
        paragraph and carries the id of the innermost section containing
        its start (None before the first heading); a sentence too long for
        the rules (:func:`~kg.structure.segment.cut_long`) is cut into
        pieces, which one line of ``warnings`` reports.
    """
    g = gaz or gazetteer()
    text, norm = src.text, src.norm
    para_spans = lines(text)
    paragraphs = [Paragraph(i, p.start, p.end) for i, p in enumerate(para_spans)]
    sections = build_sections(text, src.name, find_headings(norm, para_spans))

    spans: list[tuple[Span, int]] = []
    cut: list[int] = []
    for i, p in enumerate(para_spans):
        pieces, long = cut_long(norm, sentence_spans(norm, p.start, p.end))
        spans.extend((s, i) for s in pieces)
        cut += long
    section_ids = _innermost(sections, [s.start for s, _ in spans])
    sentences = [
        Sentence(k, s.start, s.end, text[s.start : s.end], para, sid)
        for k, ((s, para), sid) in enumerate(zip(spans, section_ids))
    ]

    title_span = metadata.page_title_line(text, para_spans, src.title) or metadata.title_line(norm, para_spans)
    opening = _opening(para_spans, title_span)
    opening_norm = "\n".join(norm[p.start : p.end] for p in opening)
    title_norm = norm[title_span.start : title_span.end] if title_span else None
    if src.title:
        title_norm = fold_width(src.title)
    period = metadata.period(title_norm, opening_norm)
    # a speech opens with 同志们 on a line of its own: look at the first line too
    kind = metadata.kind(title_norm, norm[: opening[-1].end] if opening else "", period)
    if src.title:
        title = src.title
    elif title_span is not None:
        title = text[title_span.start : title_span.end].strip()
    else:
        title = metadata.summary_title(text, norm, para_spans, kind == "speech") or src.name
    opening_end = opening[-1].end if opening else 0
    places = g.find(norm)
    meta = DocumentMeta(
        title=title,
        years=metadata.years(norm),
        period=period,
        kind=kind,
        author=find_author(norm, text, title_span, para_spans, g, places),
        jurisdiction=choose_jurisdiction(
            g, norm, (title_span.start, title_span.end) if title_span else None, opening_end, places
        ),
        date=src.date,
    )
    warnings = []
    if cut:
        warnings.append(f"{len(cut)} sentence{'s' if len(cut) > 1 else ''} cut into pieces for extraction "
                        f"(longer than {MAX_SENTENCE} characters or with {MAX_RUN} characters without "
                        f"punctuation; the longest has {max(cut)})")
    return StructuredDocument(src, meta, sections, paragraphs, sentences, warnings=warnings,
                              places=[(p.start, p.end) for p in places])
