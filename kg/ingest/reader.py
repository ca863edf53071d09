"""Read files and folders into :class:`~kg.model.SourceDocument` records or :class:`~kg.model.IngestProblem`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.decode import DecodeError
from kg.ingest.formats import FORMATS, FormatError, extract_text
from kg.ingest.normalize import TRADITIONAL_SHARE, fold_width, normalize_newlines, traditional_share
from kg.ingest.scan import DEFAULT_MAX_BYTES, IngestError, Skipped, display_name, read_file, scan_corpus
from kg.model import IngestProblem, SourceDocument


def read_document(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one file.

    Line endings are normalised to ``\\n`` right after decoding, so all
    offsets in kg refer to the text with ``\\n`` line endings (not to the bytes
    on disk).

    Parameters
    ----------
    path : Path
        The file (a suffix of :data:`kg.ingest.formats.FORMATS`).
    root : Path
        The corpus root; the document name is ``path`` relative to it.
    max_bytes : int
        Larger files are refused.

    Returns
    -------
    SourceDocument

    Raises
    ------
    IngestError
        With a one-line reason: unsupported type, unreadable, not a regular
        file, too large, empty, whitespace-only, binary or undecodable,
        corrupt .docx or PDF, a PDF without a text layer.
    """
    path, root = Path(path), Path(root)
    if FORMATS.get(path.suffix.lower()) is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        rel = path.relative_to(root)
        name = rel.as_posix() if rel.parts else path.name
    except ValueError:
        name = path.name
    return document_from_bytes(read_file(path, max_bytes), display_name(name), path)


def document_from_bytes(data: bytes, name: str, path: Path) -> SourceDocument:
    """Decode the bytes of one file already read (by a worker that may not see the disk).

    Parameters
    ----------
    data : bytes
        The file's contents.
    name : str
        The document name (its path relative to the corpus root).
    path : Path
        Where the file lives; its suffix gives the format.

    Returns
    -------
    SourceDocument

    Raises
    ------
    IngestError
        As :func:`read_document`.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}")
    if not data:
        raise IngestError("empty file")
    try:
        ex = extract_text(data, fmt)
    except (DecodeError, FormatError) as exc:
        raise IngestError(str(exc)) from None
    text = ex.text
    if not ex.pages:  # a reader with pages gives its text normalised already (offsets hold)
        text = normalize_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise IngestError("no text (whitespace only)")
    warnings = list(ex.warnings)
    if (share := traditional_share(text)) > TRADITIONAL_SHARE:
        warnings.append(f"written in Traditional characters ({share:.0%} of its Chinese characters are not "
                        "Simplified): kg's dictionaries and rules are Simplified, so it finds fewer names here")
    return SourceDocument(
        name=name,
        path=path,
        text=text,
        norm=fold_width(text),
        encoding=ex.encoding,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=ex.pages,
        title=ex.title,
        date=ex.date,
        warnings=warnings,
    )


def read_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[SourceDocument | IngestProblem]:
    """Read every file under ``root`` that :func:`~kg.ingest.scan.scan_corpus` lists, in name order.

    Never raises: an entry that is skipped or cannot be read gives an
    :class:`IngestProblem` (see :meth:`IngestProblem.line`) and the others are
    still read.

    Parameters
    ----------
    root : Path
        A corpus folder (searched recursively) or a single file.
    max_bytes : int
        Larger files are skipped.

    Yields
    ------
    SourceDocument or IngestProblem
    """
    root = Path(root)
    scan = scan_corpus(root, max_bytes)
    items = sorted([*scan.files, *scan.skipped], key=lambda item: item.name)
    for item in items:
        name = item.name
        if isinstance(item, Skipped):
            yield IngestProblem(name, root / name if root.is_dir() else root, item.reason)
            continue
        try:
            yield document_from_bytes(read_file(item.path, max_bytes), name, item.path)
        except IngestError as exc:
            yield IngestProblem(name, item.path, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the corpus
            yield IngestProblem(name, item.path, f"unreadable ({exc.__class__.__name__}: {exc})")
