"""The text layer of a PDF (pypdfium2), as paragraphs with the start offset of each page.

A page's lines come in the order of its content stream (the order they were
written, which is the reading order for the reports kg reads). Running headers
and footers (lines that repeat at the top or bottom of most pages, page numbers
aside) and bare page numbers ("- 3 -", "第3页", "3/12") at a page's top or
bottom are dropped. A line that reaches the right margin is joined with the next
one when that one is not indented, across a page break too, so a paragraph
wrapped over several lines becomes one line of text as in a .txt file.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kg.ingest.extracted import Extracted, FormatError

NO_TEXT_LAYER = "no text layer (a scanned PDF?); OCR is not supported"
#: how many lines at the top and at the bottom of a page may be a running header, footer or page number
EDGE_LINES = 3
#: a line ends at the right margin when it stops less than this many character heights before it
FULL_LINE_EMS = 1.5
#: a document wraps its text only where at least this many lines, and this share of all, reach its right margin
MIN_FULL_LINES, FULL_SHARE = 3, 0.1
#: a line is indented when it starts this many character heights right of the left margin
INDENT_EMS = 0.8
#: two lines of one paragraph are at most this many character heights apart, baseline to top
LINE_GAP_EMS = 1.2
#: the width of a half-width (Latin) character in character heights, about
HALF_WIDTH_EMS = 0.6
#: above this share of unmapped characters (U+FFFD, private use) the text layer is refused as garbled
GARBLED_SHARE = 0.3

_PAGE_NUMBER = re.compile(
    r"[-—–_·•~\s]*(?:"
    r"(?:第\s*)?\d{1,4}\s*页?(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r")[-—–_·•~\s]*",
    re.IGNORECASE,
)
# PDFium is not thread-safe: a Dask worker runs tasks on several threads of one process
_PDFIUM = threading.Lock()
_DIGITS = re.compile(r"\d+")
_LEADING_WORD = re.compile(r"[!-~]+")
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]")


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # the height of its characters: about the font size


def _line(chars: list[tuple[float, str, bool, tuple[float, float, float, float] | None]]) -> _Line | None:
    """One line from its characters ``(x, char, generated, box)``, put in left-to-right order.

    A PDF may write a line's characters in any order (a word processor writes
    the runs of a fallback font, quotation marks, after the rest); their
    positions give the order. A space pdfium made up for a gap is kept between
    Latin characters only: in Chinese text such gaps are spacing, not spaces.
    """
    chars.sort(key=lambda c: c[0])
    boxes = [c[3] for c in chars if c[3] is not None]
    if not boxes:
        return None
    following = [""] * len(chars)  # the next character that is not a space, for each position
    for k in range(len(chars) - 2, -1, -1):
        following[k] = chars[k + 1][1] if chars[k + 1][3] is not None else following[k + 1]
    out: list[str] = []
    for k, (_, ch, generated, box) in enumerate(chars):
        if box is None and generated:
            before = out[-1] if out else ""
            if before == " " or not (before.isascii() and following[k].isascii()):
                continue
        out.append(ch)
    heights = sorted(b[3] - b[2] for b in boxes)
    return _Line("".join(out).strip(), min(b[0] for b in boxes), max(b[1] for b in boxes),
                 max(b[3] for b in boxes), min(b[2] for b in boxes), max(heights[len(heights) // 2], 1.0))


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    """The non-blank lines of a page in content-stream order, each read left to right, with its box."""
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        rect = pdfium_c.FS_RECTF()
        ref = ctypes.byref(rect)
        unicode_of, box_of, generated = (pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox,
                                         pdfium_c.FPDFText_IsGenerated)
        lines: list[_Line] = []
        chars: list = []
        high = 0  # a UTF-16 high surrogate waiting for its pair
        for i in range(textpage.count_chars()):
            cp = unicode_of(raw, i)
            if 0xD800 <= cp < 0xDC00:
                high = cp
                continue
            if 0xDC00 <= cp < 0xE000:
                cp, high = (0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00) if high else 0xFFFD), 0
            if cp in (10, 13):
                line = _line(chars) if chars else None
                if line is not None and line.text:
                    lines.append(line)
                chars = []
                continue
            ch = chr(cp)
            if ch.isspace() or cp == 0:
                x = chars[-1][0] + 1e-3 if chars else 0.0  # a space stays behind the character it follows
                chars.append((x, " ", generated(raw, i) == 1, None))
            elif box_of(raw, i, ref):
                chars.append((rect.left, ch, False, (rect.left, rect.right, rect.bottom, rect.top)))
        line = _line(chars) if chars else None
        if line is not None and line.text:
            lines.append(line)
        return lines
    finally:
        textpage.close()


def _edge_key(line: _Line) -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text but the numbers, and its height on the page."""
    return _DIGITS.sub("#", "".join(line.text.split())), round(line.top / 2)


def _edges(lines: list[_Line]) -> tuple[list[int], list[int]]:
    """Indices of the top and the bottom :data:`EDGE_LINES` lines of a page, by position."""
    order = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    return order[:EDGE_LINES], order[::-1][:EDGE_LINES]


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Each page's lines without running headers, footers and page numbers."""
    edges = [_edges(lines) for lines in pages]
    counts = (Counter(), Counter())
    for lines, zones in zip(pages, edges):
        for counter, zone in zip(counts, zones):
            counter.update({_edge_key(lines[i]) for i in zone})
    need = max(2, math.ceil(len(pages) / 2))
    repeated = [{k for k, c in counter.items() if c >= need} for counter in counts]
    out = []
    for lines, zones in zip(pages, edges):
        drop = set()
        for keys, zone in zip(repeated, zones):
            for i in zone:
                if _edge_key(lines[i]) in keys or _PAGE_NUMBER.fullmatch(lines[i].text):
                    drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    # pages of nothing but lines alike (a form, a table of figures) have no header to drop
    return out if any(out) else pages


def _join(prev: _Line, line: _Line, same_page: bool, left: float, right: float) -> bool:
    """True when ``line`` goes on the paragraph that ``prev`` wraps."""
    if prev.size <= 1.0 or line.size <= 1.0:  # a line without boxes: keep it apart
        return False
    # a Latin word or number that did not fit moved to the next line whole: the wrapped line stops earlier
    word = _LEADING_WORD.match(line.text)
    room = (FULL_LINE_EMS + HALF_WIDTH_EMS * (word.end() if word else 0)) * prev.size
    if prev.right < right - room or line.left > left + INDENT_EMS * line.size:
        return False
    if same_page:
        gap = prev.bottom - line.top
        return -0.5 * line.size <= gap <= LINE_GAP_EMS * line.size
    return True


def _edge(values: list[float], tol: float, need: int, widest: bool) -> float | None:
    """The outermost value that at least ``need`` values lie within ``tol`` of (on the inner side), or None."""
    asc = sorted(values)
    for v in (reversed(asc) if widest else asc):
        inner = bisect.bisect_right(asc, v) - bisect.bisect_left(asc, v - tol) if widest else \
            bisect.bisect_right(asc, v + tol) - bisect.bisect_left(asc, v)
        if inner >= need:
            return v
    return None


def _margins(pages: list[list[_Line]]) -> tuple[float, float]:
    """The body's left and right margins: the outermost edges that many lines start or end at.

    A stray line wider than the text (a table, a long link) is not a margin; where
    no :data:`MIN_FULL_LINES` lines (and :data:`FULL_SHARE` of all) end alike, the
    text does not wrap at a margin (a page of a few short lines): the right margin is
    infinite and no line is joined.
    """
    lines = [line for page in pages for line in page if line.size > 1.0]
    if not lines:
        return 0.0, math.inf
    tol = FULL_LINE_EMS * statistics.median(line.size for line in lines)
    need = max(MIN_FULL_LINES, math.ceil(FULL_SHARE * len(lines)))
    left = _edge([line.left for line in lines], tol, need, widest=False)
    right = _edge([line.right for line in lines], tol, need, widest=True)
    return (min(line.left for line in lines) if left is None else left), (math.inf if right is None else right)


def _glue(prev: str, nxt: str) -> str:
    return " " if prev[-1:].isascii() and prev[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum() else ""


def _read_pages(data: bytes) -> list[list[_Line]]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise FormatError("encrypted PDF (it needs a password)") from None
        raise FormatError(f"corrupt PDF ({exc})") from None
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                pages.append(_page_lines(page))
            finally:
                page.close()
        return pages
    except pdfium.PdfiumError as exc:
        raise FormatError(f"corrupt PDF ({exc})") from None
    finally:
        pdf.close()


def text_of_pdf(data: bytes) -> Extracted:
    """The text layer of a PDF as paragraphs, one per line, and where each page starts.

    Raises
    ------
    FormatError
        For an encrypted or corrupt PDF, one without a text layer (a scan) or
        one whose text layer maps its characters to nothing readable.
    """
    with _PDFIUM:
        pages = _read_pages(data)
    empty = [i + 1 for i, lines in enumerate(pages) if not lines]
    if len(empty) == len(pages):
        raise FormatError(NO_TEXT_LAYER)
    body = _drop_running_lines(pages)
    left, right = _margins(body)
    parts: list[str] = []
    starts: list[int] = []
    size = 0
    prev: _Line | None = None
    for lines in body:
        starts.append(size + (1 if parts else 0))
        for k, line in enumerate(lines):
            text = line.text
            sep = ""
            if prev is not None:
                sep = _glue(prev.text, text) if _join(prev, line, k > 0, left, right) else "\n"
            if k == 0:
                starts[-1] = size + len(sep)
            parts.append(sep + text)
            size += len(sep) + len(text)
            prev = line
    text = "".join(parts)
    if len(_UNMAPPED.findall(text)) > GARBLED_SHARE * len(text):
        raise FormatError("garbled text layer (its fonts map characters to no Unicode text)")
    warnings = []
    if empty:
        many = len(empty) > 1
        warnings.append(f"no text layer on page{'s' if many else ''} {_ranges(empty)} "
                        f"(scanned?); {'their' if many else 'its'} text is missing")
    return Extracted(text, "pdf-text", pages=starts, warnings=warnings)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``1-3, 5``."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)
