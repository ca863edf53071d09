"""Run a library query by name, or ad hoc Cypher, on an engine."""

from __future__ import annotations

import re
from typing import Any, Protocol

from kg.query.library import LibraryQuery, load_library
from kg.query.result import QueryError, QueryResult

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Engine(Protocol):
    """What :func:`run_query` needs of an engine."""

    dialect: str

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult: ...


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return None


def cast_param(value: str, default: str | None, name: str = "") -> object:
    """Cast a ``k=v`` string: to int/float when the default is numeric (ad hoc: when it reads as one)."""
    if not isinstance(value, str):
        return value
    like = _number(default) if default is not None else _number(value)
    if like is None:
        return value
    number = _number(value)
    if number is None:
        raise QueryError(f"parameter {name + ' ' if name else ''}value {value!r} is not a number (default {default!r})")
    return float(number) if isinstance(like, float) else number


def library_params(query: LibraryQuery, params: dict[str, str] | None) -> dict[str, object]:
    """The query's defaults, overridden by ``params`` (cast like the defaults)."""
    given = dict(params or {})
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        takes = ", ".join(query.params) or "no parameters"
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(unknown)} (takes {takes})")
    return {k: cast_param(given.get(k, d), d, k) for k, d in query.params.items()}


def run_query(
    name_or_cypher: str,
    engine: Engine,
    params: dict[str, str] | None = None,
    library: dict[str, LibraryQuery] | None = None,
) -> QueryResult:
    """Run a library query or ad hoc Cypher.

    Parameters
    ----------
    name_or_cypher : str
        A library query name (see :func:`kg.query.load_library`) or Cypher text.
    engine : EmbeddedEngine or Neo4jEngine
        Where to run it; the embedded engine gets the ``.ladybug.cypher``
        override when the query has one.
    params : dict of str to str, optional
        ``--param k=v`` values. For a library query they override its defaults
        and are cast to int/float where the default is numeric; for ad hoc
        Cypher a value that reads as a number is passed as one.
    library : dict, optional
        The library to look names up in (default: :func:`load_library`).

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        Unknown name, unknown or missing parameter, or an engine error.
    """
    text = name_or_cypher.strip()
    if _NAME.match(text):
        lib = library if library is not None else load_library()
        if text not in lib:
            names = ", ".join(sorted(lib)) or "none"
            raise QueryError(f"no library query named {text!r} (have: {names})")
        query = lib[text]
        return engine.run(query.cypher_for(engine.dialect), library_params(query, params))
    if not text:
        raise QueryError("empty query")
    return engine.run(text, {k: cast_param(v, None) for k, v in (params or {}).items()})
