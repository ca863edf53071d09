"""Benchmark: batched Neo4j load vs one MERGE per auto-commit call.

    python tests/benchmarks/neo4j_load.py [--copies N] [--batch-size 1000] [--naive-sample 20000]

Builds the sample corpus graph, copies it until it has at least 100k nodes
and 300k relationships (ids suffixed per copy), and loads it into Neo4j
(``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` if set, else the Maven test
harness started here) with :func:`kg.sinks.neo4j.load_graph`. The naive writer
sends the same MERGE statements one row per auto-commit call; it is timed on a
sample of whole copies (about ``--naive-sample`` nodes and their relationships)
into an empty database with the same schema. Both run after a warm-up load (the JVM's JIT).
Prints rows/s for both and the ratio.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from neo4j import GraphDatabase

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "neo4j_harness"))

from launch import start_server, wait_for_bolt  # noqa: E402
from scale import replicate  # noqa: E402

from kg.pipeline import build  # noqa: E402
from kg.sinks.neo4j import apply_schema, config_from_env, load_graph, node_query, rel_query  # noqa: E402
from kg.sinks.neo4j_rows import node_groups, rel_groups  # noqa: E402

MIN_NODES, MIN_RELS = 100_000, 300_000


def wipe(driver, database: str | None) -> None:
    """Delete everything in chunks (schema kept)."""
    with driver.session(database=database) as s:
        while s.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass


def naive_load(driver, database: str | None, g: nx.MultiDiGraph) -> tuple[int, float]:
    """Every node, then every relationship of ``g``, each by its own auto-commit MERGE."""
    node_rows = [(ng.label, r) for ng in node_groups(g) for r in ng.rows]
    rel_rows = [(rg, r) for rg in rel_groups(g) for r in rg.rows]
    t0 = time.perf_counter()
    with driver.session(database=database) as s:
        for label, row in node_rows:
            s.run(node_query(label), rows=[row]).consume()
        for rg, row in rel_rows:
            s.run(rel_query(rg.type, rg.start_label, rg.end_label), rows=[row]).consume()
    return len(node_rows) + len(rel_rows), time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=0, help="copies of the sample graph (default: enough for 100k/300k)")
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--naive-sample", type=int, default=20_000, help="about this many nodes for the naive writer")
    ap.add_argument("--heap", default="3g", help="-Xmx of the harness JVM")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        base = build(REPO / "data" / "corpus", tmp).graph
        print(f"sample graph: {base.number_of_nodes()} nodes, {base.number_of_edges()} relationships "
              f"(built in {time.perf_counter() - t0:.1f}s)")
    copies = args.copies or max(math.ceil(MIN_NODES / base.number_of_nodes()),
                                math.ceil(MIN_RELS / base.number_of_edges()))
    g = replicate(base, copies)
    rows = g.number_of_nodes() + g.number_of_edges()
    print(f"scaled x{copies}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships")

    server = None
    if os.environ.get("NEO4J_URI"):
        cfg = config_from_env()
        wait_for_bolt(cfg, 30)
    else:
        t0 = time.perf_counter()
        server = start_server(heap=args.heap)
        cfg = server.config
        print(f"harness at {cfg.uri} (ready in {time.perf_counter() - t0:.1f}s)")
    try:
        with GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password)) as driver:
            apply_schema(driver, cfg.database)
            wipe(driver, cfg.database)
            t0 = time.perf_counter()
            load_graph(replicate(base, 10), cfg, batch_size=args.batch_size)  # JIT warm-up, not timed
            wipe(driver, cfg.database)
            print(f"warm-up  : {time.perf_counter() - t0:.1f}s (x10 sample loaded and wiped)")
            rep = load_graph(g, cfg, batch_size=args.batch_size)
            assert (rep.node_count, rep.relationship_count) == (g.number_of_nodes(), g.number_of_edges())
            batched = rows / rep.seconds
            print(f"batched  : {rows} rows in {rep.seconds:.1f}s, {rep.batches} batches of <= {args.batch_size}"
                  f" -> {batched:,.0f} rows/s")
            again = load_graph(g, cfg, batch_size=args.batch_size)
            assert (again.nodes_created, again.relationships_created) == (0, 0)
            print(f"reload   : {rows} rows in {again.seconds:.1f}s (nothing new) -> {rows / again.seconds:,.0f} rows/s")

            wipe(driver, cfg.database)
            sample = replicate(base, max(1, math.ceil(args.naive_sample / base.number_of_nodes())))
            n, secs = naive_load(driver, cfg.database, sample)
            naive = n / secs
            print(f"naive    : {n} rows in {secs:.1f}s, one auto-commit MERGE each -> {naive:,.0f} rows/s")
            print(f"speed-up : {batched / naive:.1f}x")
            wipe(driver, cfg.database)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
