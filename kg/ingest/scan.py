"""The corpus scan: the files to read and, for every other entry, why it is not read.

Only regular files are read. A symbolic link is followed only to a regular
file; named pipes, devices and sockets are named and never opened, and
:func:`read_file` opens without blocking and checks what it opened, so no
entry can hang a build or feed it without end. Every entry that is not read
gets a reason: hidden, unsupported type, over the size limit, not a regular
file, a folder that cannot be listed, a path too long for the system. File
names that are not valid UTF-8 are shown with the bad bytes escaped
(``report\\xb1.txt``) and read like any other.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.formats import FORMATS, OFFICE_FORMATS
from kg.ingest.office import NOT_INSTALLED, soffice

#: the largest file read by default (bytes): real reports, scanned annexes included, stay well below
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_READ_CHUNK = 1 << 20

HIDDEN = "hidden (the name starts with a dot)"
LOCK_FILE = "Office lock file (~$ name)"
LINK_TO_FOLDER = "symbolic link to a folder (not followed)"
BROKEN_LINK = "broken symbolic link"
PATH_TOO_LONG = "path too long for the system"
NAME_CLASH = "same name as another file once its non-UTF-8 bytes are escaped"


class IngestError(ValueError):
    """A file kg cannot read; ``str(err)`` is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class CorpusFile:
    """A file to read: its document name (relative to the corpus root, POSIX separators), path and size."""

    name: str
    path: Path
    size: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the corpus that is not read, and why (one short reason, shared by entries alike)."""

    name: str
    reason: str


@dataclass(slots=True)
class CorpusScan:
    """What :func:`scan_corpus` found: the files to read and the entries skipped, each sorted by name."""

    files: list[CorpusFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_by_reason(self) -> dict[str, list[str]]:
        """The skipped names grouped by reason, reasons sorted."""
        out: dict[str, list[str]] = {}
        for s in self.skipped:
            out.setdefault(s.reason, []).append(s.name)
        return dict(sorted(out.items()))


def _scan_roots(roots: list[Path], max_bytes: int) -> CorpusScan:
    out = CorpusScan()
    seen: dict[str, int] = {}
    for root in roots:
        label = display_name(root.name or str(root))
        seen[label] = seen.get(label, 0) + 1
        prefix = label if seen[label] == 1 else f"{label}~{seen[label]}"
        part = scan_corpus(root, max_bytes)
        single = not root.is_dir()
        out.files += [CorpusFile(f.name if single else f"{prefix}/{f.name}", f.path, f.size) for f in part.files]
        out.skipped += [Skipped(s.name if single else f"{prefix}/{s.name}", s.reason) for s in part.skipped]
    out.files.sort(key=lambda f: f.name)
    out.skipped.sort(key=lambda s: s.name)
    return out


def display_name(name: str) -> str:
    """``name`` as valid text: bytes that are not UTF-8 (surrogate escapes from the file system) become ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def size_limit_reason(max_bytes: int) -> str:
    """The skip reason of a file over ``max_bytes``."""
    return f"larger than the size limit ({_human(max_bytes)})"


def _human(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:g} {unit}"
    return f"{n} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def _os_reason(exc: OSError, what: str) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return PATH_TOO_LONG
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, PermissionError):
        return f"{what} (permission denied)"
    return f"{what} ({exc.strerror or exc})"


class _Scanner:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.scan = CorpusScan()
        self.names: set[str] = set()
        self.office = soffice() is not None

    def skip(self, name: str, reason: str) -> None:
        self.scan.skipped.append(Skipped(name, reason))

    def file(self, path: str | Path, name: str, size: int) -> None:
        base = name.rpartition("/")[2]
        suffix = os.path.splitext(base)[1].lower()
        fmt = FORMATS.get(suffix)
        if base.startswith("~$"):
            self.skip(name, LOCK_FILE)
        elif fmt is None:
            self.skip(name, f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)")
        elif fmt in OFFICE_FORMATS and not self.office:
            self.skip(name, NOT_INSTALLED)
        elif size > self.max_bytes:
            self.skip(name, size_limit_reason(self.max_bytes))
        elif name in self.names:
            self.skip(name, NAME_CLASH)
        else:
            self.names.add(name)
            self.scan.files.append(CorpusFile(name, Path(path), size))

    def entry(self, entry: os.DirEntry, rel: str) -> str | None:
        """Sort one folder entry; return its relative name when it is a folder to descend into."""
        name = display_name(rel)
        try:
            if entry.name.startswith("."):
                self.skip(name + ("/" if entry.is_dir(follow_symlinks=False) else ""), HIDDEN)
            elif entry.is_symlink():
                try:
                    st = entry.stat()
                except FileNotFoundError:
                    self.skip(name, BROKEN_LINK)
                    return None
                if stat.S_ISREG(st.st_mode):
                    self.file(entry.path, name, st.st_size)
                elif stat.S_ISDIR(st.st_mode):
                    self.skip(name, LINK_TO_FOLDER)
                else:
                    self.skip(name, f"symbolic link to a {_kind(st.st_mode)}")
            elif entry.is_dir(follow_symlinks=False):
                return rel
            else:
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode):
                    self.file(entry.path, name, st.st_size)
                else:
                    self.skip(name, f"not a regular file ({_kind(st.st_mode)})")
        except OSError as exc:
            self.skip(name, _os_reason(exc, "unreadable"))
        return None

    def walk(self, root: Path) -> None:
        folders = [""]
        while folders:
            rel = folders.pop()
            try:
                with os.scandir(os.path.join(root, rel) if rel else root) as it:
                    entries = list(it)
            except OSError as exc:
                self.skip(display_name(rel or root.name) + "/", _os_reason(exc, "folder cannot be listed"))
                continue
            for entry in entries:
                sub = self.entry(entry, f"{rel}/{entry.name}" if rel else entry.name)
                if sub is not None:
                    folders.append(sub)


def scan_corpus(root: str | Path | Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> CorpusScan:
    """The files under ``root`` to read, and every other entry with the reason it is not read.

    Parameters
    ----------
    root : path, or a sequence of paths
        A corpus folder (searched recursively; symbolic links to folders are
        not followed) or a single file; or several of them.
    max_bytes : int
        Files larger than this are skipped.

    Returns
    -------
    CorpusScan
        Names are relative to ``root`` (a single file: its own name) with POSIX
        separators; folders that are skipped end with ``/``. With several roots a
        name starts with its root's name (``2022/report.txt``; a second root of the
        same name is ``2022~2/``).
    """
    if not isinstance(root, (str, Path)):
        roots = [Path(r) for r in root]
        if len(roots) != 1:
            return _scan_roots(roots, max_bytes)
        root = roots[0]
    root = Path(root)
    scanner = _Scanner(max_bytes)
    shown = display_name(root.name or str(root))
    try:
        st = root.stat()
    except FileNotFoundError:
        scanner.skip(shown, "no such file or folder")
    except OSError as exc:
        scanner.skip(shown, _os_reason(exc, "unreadable"))
    else:
        if stat.S_ISDIR(st.st_mode):
            scanner.walk(root)
        elif stat.S_ISREG(st.st_mode):
            scanner.file(root, shown, st.st_size)
        else:
            scanner.skip(shown, f"not a regular file ({_kind(st.st_mode)})")
    scan = scanner.scan
    scan.files.sort(key=lambda f: f.name)
    scan.skipped.sort(key=lambda s: s.name)
    return scan


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` bytes.

    The file is opened without blocking (a named pipe cannot hang it) and
    checked on the open descriptor: anything but a regular file is refused,
    and at most ``max_bytes + 1`` bytes are read, so a file that grew past
    the limit since it was scanned is refused too.

    Raises
    ------
    IngestError
        With a one-line reason.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise IngestError("unreadable (no such file)") from None
    except OSError as exc:
        raise IngestError(_os_reason(exc, "unreadable")) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IngestError("unreadable (is a directory)")
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(f"not a regular file ({_kind(st.st_mode)})")
        if st.st_size > max_bytes:
            raise IngestError(size_limit_reason(max_bytes))
        data = bytearray()
        while len(data) <= max_bytes:
            chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - len(data)))
            if not chunk:
                break
            data += chunk
        if len(data) > max_bytes:
            raise IngestError(size_limit_reason(max_bytes))
        return bytes(data)
    except OSError as exc:
        raise IngestError(_os_reason(exc, "unreadable")) from None
    finally:
        os.close(fd)
