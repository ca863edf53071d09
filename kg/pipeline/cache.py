"""The content-hash cache of a build output folder (``OUT/cache``).

A document's key is a hash of the code and data that extract it, the user
lexicons, its name and its bytes. Per key the cache holds the document's
compact record (in ``index.pkl``), its extraction (``<key>.rec``), its
rendered share of the output files (``<key>.files``) and of the embedded store
(``<key>.store``); ``<name>.state`` files say what the last build wrote. A rebuild reads every file, hashes it,
and processes only the documents whose key it has not seen; keys no longer in
the corpus are pruned at the end of the build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from kg.resources import DATA_DIR

#: bump when the cache layout changes
LAYOUT = "kg-cache/2"
_PACKAGE = Path(__file__).resolve().parent.parent
#: the files a document has in the cache
_KINDS = ("rec", "files", "store")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of kg's source files and shipped data (everything a document's output depends on)."""
    h = hashlib.sha256(LAYOUT.encode())
    files = sorted(p for p in _PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    files += sorted(p for p in Path(DATA_DIR).rglob("*") if p.is_file() and p.suffix in (".tsv", ".txt", ".json")
                    and "corpus" not in p.relative_to(DATA_DIR).parts)
    for p in files:
        h.update(p.as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def build_fingerprint(lexicons: tuple[tuple[str, str], ...]) -> str:
    """The code fingerprint combined with the user lexicons' contents."""
    h = hashlib.sha256(code_fingerprint().encode())
    for name, text in lexicons:
        h.update(b"\x00" + name.encode() + b"\x00" + text.encode())
    return h.hexdigest()


def document_key(fingerprint: str, name: str, data: bytes) -> str:
    """The cache key of one document."""
    h = hashlib.sha256(fingerprint.encode())
    h.update(b"\x00" + name.encode() + b"\x00")
    h.update(data)
    return h.hexdigest()[:40]


class Cache:
    """The cache folder of one output folder (a build without a cache uses a temporary one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.index: dict[str, object] = {}
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with (self.folder / "index.pkl").open("rb") as fh:
                self.index = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            self.index = {}  # no cache yet, or one an older kg wrote: start over

    def _path(self, key: str, kind: str) -> Path:
        return self.folder / f"{key}.{kind}"

    def has(self, key: str) -> bool:
        return key in self.index and all(self._path(key, k).exists() for k in _KINDS)

    def compact(self, key: str):
        return self.index[key]

    def put(self, key: str, compact: object, record: bytes, files: bytes, store: bytes) -> None:
        """Store a processed document: its record and its pickled file and store chunks."""
        self.index[key] = compact
        self._write(self._path(key, "rec"), record)
        self.replace_chunks(key, files, store)

    def record(self, key: str) -> bytes:
        return self._path(key, "rec").read_bytes()

    def chunk(self, key: str, kind: str) -> dict[str, bytes]:
        """The document's chunk for ``files`` or ``store``."""
        return pickle.loads(self._path(key, kind).read_bytes())

    def replace_chunks(self, key: str, files: bytes, store: bytes) -> None:
        self._write(self._path(key, "files"), files)
        self._write(self._path(key, "store"), store)

    def take_state(self, name: str) -> object | None:
        """What the last build said it wrote (``None`` if unknown); the record is removed
        until :meth:`put_state`, as what it describes is about to change."""
        path = self.folder / f"{name}.state"
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        finally:
            path.unlink(missing_ok=True)

    @staticmethod
    def drop_states(folder: Path) -> None:
        """Forget what the builds into ``folder``'s output folder wrote (they were overwritten without it)."""
        for path in Path(folder).glob("*.state"):
            path.unlink(missing_ok=True)

    def put_state(self, name: str, state: object) -> None:
        self._write(self.folder / f"{name}.state", pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    def save(self, keep: set[str]) -> None:
        """Write the index of the keys in ``keep`` and delete every other entry's files."""
        self.index = {k: v for k, v in self.index.items() if k in keep}
        tmp = self.folder / "index.pkl.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(self.index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "index.pkl")
        for p in self.folder.iterdir():
            stem, _, kind = p.name.partition(".")
            if kind.removesuffix(".tmp") in _KINDS and stem not in keep:
                p.unlink(missing_ok=True)
