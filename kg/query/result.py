"""Query results as plain Python values, the same from either engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


class QueryError(Exception):
    """A query could not be run (unknown name, bad parameter, engine error): one-line message."""


@dataclass
class QueryResult:
    """Column names and rows of plain values (str, int, float, bool, None, lists, dicts)."""

    columns: list[str]
    rows: list[list] = field(default_factory=list)

    def records(self) -> list[dict]:
        """The rows as dictionaries keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def _props(d: dict, extra: dict) -> dict:
    """Non-null properties plus the label (nodes) or type (relationships), keys sorted."""
    props = {k: v for k, v in d.items() if v is not None}
    props.update(extra)
    return {k: plain(v) for k, v in sorted(props.items())}


def _ladybug_entity(d: dict) -> dict:
    kind = "type" if "_SRC" in d else "label"
    return _props({k: v for k, v in d.items() if not k.startswith("_")}, {kind: d.get("_LABEL")})


def plain(value: object) -> object:
    """Normalise one value from ladybug or the neo4j driver to plain Python.

    Nodes and relationships become the dict of their non-null properties with
    ``label`` (nodes) or ``type`` (relationships), as in :mod:`kg.schema`,
    paths ``{"nodes": [...], "rels": [...]}``, decimals int or float, and
    temporal values ISO text.
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {"nodes": [plain(n) for n in value["_NODES"]], "rels": [plain(r) for r in value["_RELS"]]}
        if "_LABEL" in value and "_ID" in value:
            return _ladybug_entity(value)
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return _plain_neo4j(value)


def _plain_neo4j(value: object) -> object:
    try:
        from neo4j.graph import Node, Path, Relationship
    except ImportError:  # pragma: no cover - neo4j is a dependency
        return str(value)
    if isinstance(value, Node):
        return _props(dict(value), {"label": min(value.labels)} if value.labels else {})
    if isinstance(value, Relationship):
        return _props(dict(value), {"type": value.type})
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "rels": [plain(r) for r in value.relationships]}
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return iso()
    return str(value)
