"""Plain text out of each supported file format (.txt/.md, .html/.htm, .docx)."""

from __future__ import annotations

import io
import re
import zipfile

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from kg.ingest.decode import DecodeError, decode_bytes

#: File suffix -> format name recorded on the document.
FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx"}

_HTML_DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_HTML_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "ul", "body", "html",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class FormatError(ValueError):
    """The file is not a readable instance of its format; the message says why."""


def text_of_plain(data: bytes) -> tuple[str, str]:
    """Text and encoding of a .txt or .md file (Markdown is kept as written)."""
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _html_encoding(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in {"gb2312", "gbk", "gb18030", "cp936"} else name


def _visible_text(node: Tag, out: list[str], pre: bool = False) -> None:
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


def text_of_html(data: bytes) -> tuple[str, str]:
    """Visible text of an HTML page: block elements become line breaks, scripts and styles are dropped.

    The page title (``<title>``) becomes the first line when the body does not
    already start with it.
    """
    decoded = None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # not UTF-8: a declared <meta charset> comes before detection
        declared = _html_encoding(data)
        if declared and declared not in {"utf-8", "utf8"}:
            try:
                decoded = (data.decode(declared), declared)
            except (LookupError, UnicodeDecodeError):
                decoded = None
    if decoded is None:
        d = decode_bytes(data)
        decoded = (d.text, d.encoding)
    html, encoding = decoded
    soup = BeautifulSoup(html, "html.parser")
    parts: list[str] = []
    _visible_text(soup, parts)
    lines = [line.strip(" ") for line in "".join(parts).split("\n")]
    body = "\n".join(line for line in lines if line)
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text(" ")).strip() if title_tag else ""
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    return body, encoding


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


def text_of_docx(data: bytes) -> tuple[str, str]:
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
    return "\n".join(_docx_blocks(document)), "utf-8"


def extract_text(data: bytes, fmt: str) -> tuple[str, str]:
    """Text and encoding of a file's bytes in the given format (``txt``, ``md``, ``html``, ``docx``).

    Raises
    ------
    DecodeError, FormatError
        When the bytes cannot be read as that format.
    """
    if fmt == "docx":
        return text_of_docx(data)
    if fmt == "html":
        return text_of_html(data)
    return text_of_plain(data)


__all__ = ["FORMATS", "DecodeError", "FormatError", "extract_text"]
