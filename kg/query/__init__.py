"""Cypher queries on the graph: the query library, the two engines, result formatting.

>>> from kg.query import EmbeddedEngine, run_query, format_result
>>> with EmbeddedEngine(Path("out/store")) as engine:             # doctest: +SKIP
...     print(format_result(run_query("campaigns_by_agency", engine)))

Queries live in ``cypher/queries/NAME.cypher`` (Neo4j Cypher, with a header
naming the query, its purpose and its parameters' defaults); a
``NAME.ladybug.cypher`` beside one is its text for the embedded store.
"""

from kg.query.engines import EmbeddedEngine, Neo4jEngine
from kg.query.format import FORMATS, display_width, format_result
from kg.query.library import LibraryQuery, load_library, parameters_of
from kg.query.result import QueryError, QueryResult
from kg.query.run import run_query

__all__ = [
    "EmbeddedEngine", "FORMATS", "LibraryQuery", "Neo4jEngine", "QueryError", "QueryResult",
    "display_width", "format_result", "load_library", "parameters_of", "run_query",
]
