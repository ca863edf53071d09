"""What a Neo4j database holds, and what a graph says it should hold, in one comparable form."""

from __future__ import annotations

import json
from collections import Counter


def _key(*parts) -> str:
    return json.dumps(parts, ensure_ascii=False, sort_keys=True)


def db_dump(driver, database: str | None = None) -> tuple[dict, Counter]:
    """Nodes by id (labels, properties) and the multiset of relationships (type, ends' ids, properties)."""
    nodes = {r["id"]: (r["l"], r["p"]) for r in driver.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS l, properties(n) AS p", database_=database).records}
    rels = Counter(_key(r["t"], r["a"], r["b"], r["p"]) for r in driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p", database_=database).records)
    return nodes, rels


def rows_dump(g) -> tuple[dict, Counter]:
    """:func:`db_dump` of a graph from :func:`kg.rows.to_networkx` (null properties are absent)."""
    nodes = {n: ([a["label"]], {k: v for k, v in a.items() if v is not None}) for n, a in g.nodes(data=True)}
    rels = Counter(_key(a["type"], u, v, {k: x for k, x in a.items() if k != "type" and x is not None})
                   for u, v, a in g.edges(data=True))
    return nodes, rels


def _ordered(cypher: str) -> bool:
    """True when the final RETURN is sorted (an ORDER BY after the last RETURN)."""
    import re

    tail = re.split(r"\bRETURN\b", cypher, flags=re.IGNORECASE)[-1]
    return re.search(r"\bORDER\s+BY\b", tail, flags=re.IGNORECASE) is not None and "UNION" not in cypher.upper()


def assert_same_rows(name: str, embedded, neo, library) -> None:
    """Library query ``name`` gives the same columns and rows on both engines (in order when it sorts)."""
    from kg.query import run_query

    q = library[name]
    a = run_query(name, embedded, library=library)
    b = run_query(name, neo, library=library)
    assert a.columns == b.columns
    assert a.rows, f"{name}: no rows with its defaults, so nothing is compared"
    if _ordered(q.cypher) and (q.ladybug_cypher is None or _ordered(q.ladybug_cypher)):
        assert a.rows == b.rows, name
    else:
        assert sorted(a.rows, key=lambda r: _key(*r)) == sorted(b.rows, key=lambda r: _key(*r)), name
