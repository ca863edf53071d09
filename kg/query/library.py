"""The query library: ``cypher/queries/NAME.cypher`` files with a header.

Each file starts with comment lines::

    // name: campaigns_by_agency
    // purpose: Campaigns an agency conducts, with the documents that say so.
    // param: agency = 英德市交通运输局

``param`` lines (any number) give each ``$parameter`` a default that answers
on the sample corpus. A file ``NAME.ladybug.cypher`` beside it, when present,
is the same query in the embedded store's dialect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.resources import CYPHER_DIR
from kg.query.result import QueryError

#: ``$name`` parameters used by a Cypher text (string literals are not scanned)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_HEADER = re.compile(r"^//\s*(name|purpose|param)\s*:\s*(.*?)\s*$")
_LADYBUG_SUFFIX = ".ladybug.cypher"

DEFAULT_FOLDER = CYPHER_DIR / "queries"


@dataclass
class LibraryQuery:
    """One library query: its header and its Cypher for Neo4j (and, if it differs, for ladybug)."""

    name: str
    purpose: str
    params: dict[str, str]
    cypher: str
    ladybug_cypher: str | None
    path: Path
    ladybug_path: Path | None = field(default=None, repr=False)

    def cypher_for(self, dialect: str) -> str:
        """The text to run on an engine of ``dialect`` (``neo4j`` or ``ladybug``)."""
        if dialect == "ladybug" and self.ladybug_cypher:
            return self.ladybug_cypher
        return self.cypher


def parameters_of(cypher: str) -> set[str]:
    """The ``$parameter`` names a Cypher text uses (outside string literals and comments)."""
    body = "\n".join(line.split("//", 1)[0] if line.lstrip().startswith("//") else line
                     for line in cypher.splitlines())
    return set(_PARAM.findall(_STRING.sub("''", body)))


def _parse(path: Path) -> tuple[dict, str]:
    """Split a file into its header fields and the Cypher body (header lines removed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read: {exc}") from exc
    header: dict = {"params": {}}
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("//")):
        m = _HEADER.match(lines[i].strip())
        if m:
            key, value = m.groups()
            if key == "param":
                k, sep, default = value.partition("=")
                if not sep or not k.strip().isidentifier():
                    raise QueryError(f"{path}: bad param line (want 'param: name = default'): {value!r}")
                header["params"][k.strip()] = default.strip()
            else:
                header[key] = value
        i += 1
    return header, "\n".join(lines[i:]).strip() + "\n"


def _check(name: str, cypher: str, params: dict[str, str], path: Path) -> None:
    if not cypher.strip():
        raise QueryError(f"{path}: no Cypher after the header")
    undeclared = sorted(parameters_of(cypher) - set(params))
    if undeclared:
        raise QueryError(f"{path}: parameter(s) without a 'param:' default: {', '.join(undeclared)}")


def load_query(path: Path) -> LibraryQuery:
    """Read one library file (and its ``.ladybug.cypher`` override, if any)."""
    path = Path(path)
    header, cypher = _parse(path)
    stem = path.name.removesuffix(".cypher")
    name = header.get("name")
    if name != stem:
        raise QueryError(f"{path}: header 'name:' must be {stem!r}, found {name!r}")
    if not header.get("purpose"):
        raise QueryError(f"{path}: header has no 'purpose:' line")
    params = header["params"]
    _check(name, cypher, params, path)
    override = path.with_name(stem + _LADYBUG_SUFFIX)
    ladybug_cypher = None
    if override.is_file():
        _, ladybug_cypher = _parse(override)
        _check(name, ladybug_cypher, params, override)
    return LibraryQuery(name=name, purpose=header["purpose"], params=params, cypher=cypher,
                        ladybug_cypher=ladybug_cypher, path=path,
                        ladybug_path=override if ladybug_cypher else None)


def load_library(folder: Path = DEFAULT_FOLDER) -> dict[str, LibraryQuery]:
    """Load every ``*.cypher`` query of ``folder``, by name (sorted).

    Raises
    ------
    QueryError
        The folder is missing, a header is malformed, a ``$parameter`` has no
        default, or an override has no base query.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise QueryError(f"{folder}: no query library folder")
    queries: dict[str, LibraryQuery] = {}
    for path in sorted(folder.glob("*.cypher")):
        if path.name.endswith(_LADYBUG_SUFFIX):
            base = path.with_name(path.name.removesuffix(_LADYBUG_SUFFIX) + ".cypher")
            if not base.is_file():
                raise QueryError(f"{path}: override without a base query {base.name}")
            continue
        q = load_query(path)
        queries[q.name] = q
    return queries
