"""The graph as parameter rows for batched Cypher writes.

Nodes are grouped by label and relationships by (type, start label, end
label), so each group is written by one statement with fixed labels. Every
label and type is checked against :mod:`kg.schema`, and every relationship's
end labels against :data:`kg.schema.REL_ENDPOINTS`, before anything is written.

Values become what Neo4j can store: scalars stay, sets and tuples become
lists, lists are made homogeneous (``None`` elements dropped, mixed elements
written as JSON text), maps become JSON text. ``None`` stays ``None``: with
``SET n += row.props`` it removes a property that a previous load wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from kg.schema import REL_ENDPOINTS, check_label, check_rel_type

#: graph attributes that are the Neo4j key or type, not properties
_NODE_SKIP = frozenset({"id"})
_EDGE_SKIP = frozenset({"type"})
_SCALARS = (bool, int, float, str)


class GraphContractError(ValueError):
    """The graph does not follow :mod:`kg.schema` (one line naming the node or edge)."""


@dataclass
class NodeGroup:
    """The nodes of one label: rows ``{"id": str, "props": dict}``."""

    label: str
    rows: list[dict] = field(default_factory=list)


@dataclass
class RelGroup:
    """The relationships of one type between two labels: rows ``{"start", "end", "props"}``."""

    type: str
    start_label: str
    end_label: str
    rows: list[dict] = field(default_factory=list)


def neo4j_value(value: object) -> object:
    """A value Neo4j can store as a property (``None`` stays ``None``).

    Parameters
    ----------
    value : object
        A graph attribute value.

    Returns
    -------
    object
        ``bool``/``int``/``float``/``str``, a homogeneous list of those, or ``None``.
    """
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [v for v in (sorted(value) if isinstance(value, (set, frozenset)) else value) if v is not None]
        kinds = {type(v) for v in items}
        if kinds <= {int, float} and float in kinds:
            return [float(v) for v in items]
        if len(kinds) <= 1 and kinds <= set(_SCALARS):
            return list(items)
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in items]
    if hasattr(value, "item"):  # numpy scalars
        return neo4j_value(value.item())
    return str(value)


def _props(attrs: dict, skip: frozenset[str]) -> dict:
    return {k: neo4j_value(v) for k, v in attrs.items() if k not in skip}


def node_label(g: nx.MultiDiGraph, node: object) -> str:
    """The checked label of ``node``; :class:`GraphContractError` if it has none allowed."""
    label = g.nodes[node].get("label")
    try:
        return check_label(label)
    except ValueError:
        raise GraphContractError(f"node {node!r} has label {label!r}, not one of kg.schema.NODE_LABELS") from None


def node_groups(g: nx.MultiDiGraph) -> list[NodeGroup]:
    """The nodes of ``g`` grouped by label, in the order of first appearance."""
    groups: dict[str, NodeGroup] = {}
    for n, attrs in g.nodes(data=True):
        label = node_label(g, n)
        groups.setdefault(label, NodeGroup(label)).rows.append({"id": str(n), "props": _props(attrs, _NODE_SKIP)})
    return list(groups.values())


def rel_groups(g: nx.MultiDiGraph) -> list[RelGroup]:
    """The edges of ``g`` grouped by (type, start label, end label).

    Raises
    ------
    GraphContractError
        An edge type is not allowed, or its ends have labels :data:`kg.schema.REL_ENDPOINTS` does not allow.
    """
    labels = {n: node_label(g, n) for n in g.nodes}
    groups: dict[tuple[str, str, str], RelGroup] = {}
    for u, v, attrs in g.edges(data=True):
        rtype = attrs.get("type")
        try:
            check_rel_type(rtype)
        except ValueError:
            raise GraphContractError(
                f"edge {u} -> {v} has type {rtype!r}, not one of kg.schema.REL_TYPES") from None
        starts, ends = REL_ENDPOINTS[rtype]
        if labels[u] not in starts or labels[v] not in ends:
            raise GraphContractError(
                f"edge {rtype} {u} -> {v} goes {labels[u]} -> {labels[v]}, which kg.schema.REL_ENDPOINTS does not allow")
        gkey = (rtype, labels[u], labels[v])
        row = {"start": str(u), "end": str(v), "props": _props(attrs, _EDGE_SKIP)}
        groups.setdefault(gkey, RelGroup(*gkey)).rows.append(row)
    return list(groups.values())


def batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    """``rows`` in consecutive slices of at most ``size``."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
