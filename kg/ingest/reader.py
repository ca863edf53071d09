"""Read files and folders into :class:`~kg.model.SourceDocument` records or :class:`~kg.model.IngestProblem`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.decode import DecodeError
from kg.ingest.formats import FORMATS, FormatError, extract_text
from kg.ingest.normalize import fold_width, normalize_newlines
from kg.model import IngestProblem, SourceDocument


class IngestError(ValueError):
    """A file kg cannot read; ``str(err)`` is the reason shown to the user."""


def _name(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        return path.name
    return rel.as_posix() if rel.parts else path.name


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise IngestError("unreadable (permission denied)") from None
    except IsADirectoryError:
        raise IngestError("unreadable (is a directory)") from None
    except FileNotFoundError:
        raise IngestError("unreadable (no such file)") from None
    except OSError as exc:
        raise IngestError(f"unreadable ({exc.strerror or exc})") from None


def read_document(path: Path, root: Path) -> SourceDocument:
    """Read one file.

    Line endings are normalised to ``\\n`` right after decoding, so all
    offsets in kg refer to the text with ``\\n`` line endings (not to the bytes
    on disk).

    Parameters
    ----------
    path : Path
        The file (.txt, .md, .html, .htm or .docx).
    root : Path
        The corpus root; the document name is ``path`` relative to it.

    Returns
    -------
    SourceDocument

    Raises
    ------
    IngestError
        With a one-line reason: unsupported type, unreadable, empty,
        whitespace-only, binary or undecodable, corrupt .docx.
    """
    path, root = Path(path), Path(root)
    if FORMATS.get(path.suffix.lower()) is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}")
    return document_from_bytes(_read_bytes(path), _name(path, root), path)


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
        text, encoding = extract_text(data, fmt)
    except (DecodeError, FormatError) as exc:
        raise IngestError(str(exc)) from None
    text = normalize_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise IngestError("no text (whitespace only)")
    return SourceDocument(
        name=name,
        path=path,
        text=text,
        norm=fold_width(text),
        encoding=encoding,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def corpus_files(root: Path) -> list[Path]:
    """Supported files under ``root`` (or ``root`` itself), sorted by their path relative to it.

    Hidden files and folders (``.git``) and Office lock files (``~$x.docx``)
    are skipped; symbolic links to folders are not followed.
    """
    root = Path(root)
    if root.is_file():
        return [root]
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if fn.startswith((".", "~$")) or Path(fn).suffix.lower() not in FORMATS:
                continue
            p = Path(dirpath) / fn
            found.append((p.relative_to(root).as_posix(), p))
    return [p for _, p in sorted(found)]


def read_corpus(root: Path) -> Iterator[SourceDocument | IngestProblem]:
    """Read every supported file under ``root``, in a deterministic order.

    Never raises: a file that cannot be read gives an :class:`IngestProblem`
    (see :meth:`IngestProblem.line`) and the others are still read.

    Parameters
    ----------
    root : Path
        A corpus folder (searched recursively) or a single file.

    Yields
    ------
    SourceDocument or IngestProblem
    """
    root = Path(root)
    if not root.exists():
        yield IngestProblem(root.name or str(root), root, "no such file or folder")
        return
    base = root.parent if root.is_file() else root
    try:
        paths = corpus_files(root)
    except OSError as exc:
        yield IngestProblem(root.name, root, f"unreadable folder ({exc.strerror or exc})")
        return
    for path in paths:
        try:
            yield read_document(path, base)
        except IngestError as exc:
            yield IngestProblem(_name(path, base), path, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the corpus
            yield IngestProblem(_name(path, base), path, f"unreadable ({exc.__class__.__name__}: {exc})")
