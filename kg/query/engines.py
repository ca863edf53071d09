"""The two places a query runs: the embedded ladybug store and a live Neo4j.

Both engines take Cypher and parameters and give a :class:`QueryResult` of
plain values, read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.query.result import QueryError, QueryResult, plain

if TYPE_CHECKING:  # the config type belongs to the Neo4j sink
    from kg.sinks.neo4j import Neo4jConfig


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _check_params(cypher: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters ``cypher`` uses; a missing one is an error (ladybug would bind it to null)."""
    from kg.query.library import parameters_of

    used = parameters_of(cypher)
    missing = sorted(used - set(params))
    if missing:
        raise QueryError(f"missing parameter(s): {', '.join(missing)} (give --param NAME=VALUE)")
    return {k: v for k, v in params.items() if k in used}


class EmbeddedEngine:
    """Queries on the embedded store written by :func:`kg.sinks.store.write_store`.

    Parameters
    ----------
    store_path : Path
        The store (``OUT/store``), opened read-only.
    """

    dialect = "ladybug"

    def __init__(self, store_path: Path) -> None:
        import ladybug

        self.path = Path(store_path)
        if not self.path.exists():
            raise QueryError(f"{self.path}: no embedded store here (run 'kg build' first)")
        try:
            self._db = ladybug.Database(str(self.path), read_only=True)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise QueryError(f"{self.path}: cannot open the store: {_first_line(exc)}") from exc

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run ``cypher`` with ``params``; engine errors become :class:`QueryError`."""
        args = _check_params(cypher, params or {})
        try:
            res = self._conn.execute(cypher, args)
            if isinstance(res, list):  # several statements: the last one answers
                res = res[-1]
            columns = list(res.get_column_names())
            rows = []
            while res.has_next():
                rows.append([plain(v) for v in res.get_next()])
            res.close()
        except RuntimeError as exc:
            raise QueryError(f"ladybug: {_first_line(exc)}") from exc
        return QueryResult(columns, rows)

    def close(self) -> None:
        """Close the connection and the database."""
        self._conn.close()
        self._db.close()

    def __enter__(self) -> "EmbeddedEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Neo4jEngine:
    """Queries on a live Neo4j, in read transactions, with the official driver.

    Parameters
    ----------
    config : kg.sinks.neo4j.Neo4jConfig
        ``uri``, ``user``, ``password`` and ``database``.
    """

    dialect = "neo4j"

    def __init__(self, config: "Neo4jConfig") -> None:
        import neo4j

        self.config = config
        try:
            self._driver = neo4j.GraphDatabase.driver(config.uri, auth=(config.user, config.password))
            self._driver.verify_connectivity()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, ValueError, OSError) as exc:
            raise QueryError(f"neo4j at {config.uri}: {_first_line(exc)}") from exc

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run ``cypher`` with ``params`` in a read transaction."""
        import neo4j

        args = _check_params(cypher, params or {})

        def work(tx: "neo4j.ManagedTransaction") -> QueryResult:
            res = tx.run(cypher, args)
            columns = list(res.keys())
            return QueryResult(columns, [[plain(v) for v in record.values()] for record in res])

        try:
            with self._driver.session(database=getattr(self.config, "database", None) or None,
                                      default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except neo4j.exceptions.Neo4jError as exc:
            raise QueryError(f"neo4j: {_first_line(exc.message or exc)}") from exc
        except neo4j.exceptions.DriverError as exc:
            raise QueryError(f"neo4j at {self.config.uri}: {_first_line(exc)}") from exc

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()

    def __enter__(self) -> "Neo4jEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
