"""Plain text out of each supported file format: .txt/.md, .html/.htm, .docx, .doc/.wps, .pdf."""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.extracted import Extracted, FormatError

if TYPE_CHECKING:
    from bs4 import Tag

#: File suffix -> format name recorded on the document.
FORMATS: dict[str, str] = {
    ".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".doc": "doc", ".wps": "wps",
    ".pdf": "pdf",
}
#: the formats read through LibreOffice (:mod:`kg.ingest.office`)
OFFICE_FORMATS = frozenset({"doc", "wps"})
#: main text shorter than this (a menu, a link) means trafilatura found no article in the page
MIN_MAIN_TEXT = 10
HTML_FALLBACK = "no main text found in the page: its whole visible text is read (menus and footer included)"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_HTML_DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_HTML_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "ul", "body", "html",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


def text_of_plain(data: bytes) -> Extracted:
    """Text and encoding of a .txt or .md file (Markdown is kept as written)."""
    decoded = decode_bytes(data)
    return Extracted(decoded.text, decoded.encoding)


def _html_encoding(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in {"gb2312", "gbk", "gb18030", "cp936"} else name


def _visible_text(node: Tag, out: list[str], pre: bool = False) -> None:
    from bs4 import Comment, Doctype, NavigableString, ProcessingInstruction, Tag  # (imported by whole_page_text)

    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            s = str(child)
            out.append(s if pre else _SPACES.sub(" ", s.replace("\n", " ")))
            continue
        if not isinstance(child, Tag) or child.name in _HTML_DROP:
            continue
        block = child.name in _HTML_BLOCK
        if block:
            out.append("\n")
        _visible_text(child, out, pre or child.name == "pre")
        if block:
            out.append("\n")


def _decode_html(data: bytes) -> tuple[str, str]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # not UTF-8: a declared <meta charset> comes before detection
        declared = _html_encoding(data)
        if declared and declared not in {"utf-8", "utf8"}:
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    d = decode_bytes(data)
    return d.text, d.encoding


def whole_page_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page and its ``<title>``: block elements become line breaks,
    scripts and styles are dropped."""
    from bs4 import BeautifulSoup  # only for web pages: a build of text files (or a rebuild) does without it

    soup = BeautifulSoup(html, "html.parser")
    parts: list[str] = []
    _visible_text(soup, parts)
    lines = [line.strip(" ") for line in "".join(parts).split("\n")]
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text(" ")).strip() if title_tag else ""
    return "\n".join(line for line in lines if line), title


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    # the default (250) is for alphabetic text: a short Chinese notice would go to cruder fallbacks
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(2**31))  # the corpus scan limits the size
    return config


def text_of_html(data: bytes) -> Extracted:
    """The article of a web page (trafilatura), with the page's headline and publication date.

    Navigation, breadcrumbs, share links and the footer are left out. The
    headline becomes the first line when the article does not start with it.
    A page whose main text trafilatura cannot find is read whole, with a
    warning. Nothing is fetched: the page's links are not followed.
    """
    import trafilatura

    html, encoding = _decode_html(data)
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                            deduplicate=False, config=_trafilatura_config())
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup: read it whole
        found = None
    title = _SPACES.sub(" ", found.title or "").strip() if found is not None else ""
    date = found.date if found is not None and _ISO_DATE.fullmatch(found.date or "") else None
    warnings = []
    body = (found.text or "").strip() if found is not None else ""
    if len(body) < MIN_MAIN_TEXT:
        body, page_title = whole_page_text(html)
        title = title or page_title
        warnings.append(HTML_FALLBACK)
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    return Extracted(body, encoding, title=title or None, date=date, warnings=warnings)


def _docx_blocks(container) -> list[str]:
    """Paragraph texts of a document or table cell, nested tables included, in reading order."""
    from docx.table import Table

    out: list[str] = []
    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            out.append(block.text)
            continue
        for row in block.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell repeats across the columns it spans
                    continue
                seen.add(id(cell._tc))
                out.extend(_docx_blocks(cell))
    return out


def text_of_docx(data: bytes) -> Extracted:
    """Paragraphs and table cells of a .docx joined with line breaks (python-docx)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FormatError("corrupt .docx (not a zip archive)")
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise FormatError("corrupt .docx (not a Word document package)") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds on broken packages
        raise FormatError(f"corrupt .docx ({exc.__class__.__name__}: {exc})") from None
    return Extracted("\n".join(_docx_blocks(document)), "utf-8")


def extract_text(data: bytes, fmt: str) -> Extracted:
    """Text of a file's bytes in the given format (a value of :data:`FORMATS`).

    Raises
    ------
    DecodeError, FormatError
        When the bytes cannot be read as that format.
    """
    if fmt == "docx":
        return text_of_docx(data)
    if fmt in OFFICE_FORMATS:
        from kg.ingest.office import convert_to_docx

        return text_of_docx(convert_to_docx(data, f".{fmt}"))
    if fmt == "pdf":
        from kg.ingest.pdf import text_of_pdf

        return text_of_pdf(data)
    if fmt == "html":
        return text_of_html(data)
    return text_of_plain(data)


__all__ = ["FORMATS", "OFFICE_FORMATS", "DecodeError", "Extracted", "FormatError", "extract_text"]
