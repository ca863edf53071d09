"""Benchmark: the Neo4j load of a graph of ~1M rows, against a one-MERGE-per-call writer and neo4j-admin import.

    python tests/benchmarks/neo4j_load.py [--rows 1000000] [--batch-rows 10000] [--naive-rows 20000]

Builds the sample corpus, copies its rows (ids and document names suffixed per
copy, one node and one edge table per document as a build's cache gives them)
until they hold ``--rows`` rows, and in one run against the live Neo4j 5.26
(``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` if set, else the Maven test
harness started here) measures:

- fresh: :func:`kg.sinks.neo4j.load_rows` into an empty database with no schema,
  in all and without its schema step (the constraints and indexes made after);
- reload: the same rows again (nothing changed);
- delta: one document changed (a new key and one sentence's text), twice (the
  first delta runs the server's first plans of its statements), then one
  document removed (the entities that named it updated);
- naive: ``--naive-rows`` rows, every node then every relationship by its own
  auto-commit MERGE, into an empty database with kg's schema (the end state of
  the fresh load);
- packing: rows/s of the driver's packer alone for the fresh load's parameters
  (with the Rust extension when it is installed);
- admin: ``neo4j-admin database import full`` (the harness's 5.26 jars) of the
  same rows as its CSV files (written here with pyarrow in the layout of the
  neo4j-csv export, not timed: what is timed is the import), wall time including
  the JVM's start; its indexes come after, as ``import.sh schema`` makes them.

A warm-up load (x20 of the sample) runs first for the JVM's JIT. Prints one JSON
object with rows/s of each and the ratios.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from neo4j import GraphDatabase

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "tests" / "neo4j_harness"), str(REPO / "tests")]

from launch import CLASSPATH, JAR, start_server, wait_for_bolt  # noqa: E402
from neo4j_testgraphs import replicate_rows  # noqa: E402

from kg.pipeline import build  # noqa: E402
from kg.pipeline.outputs import CacheRows  # noqa: E402
from kg.rows import TableRows, select, type_schema  # noqa: E402
from kg.schema import EDGE_PROPERTIES, GLOBAL_LABELS, NODE_LABELS, NODE_PROPERTIES, REL_TYPES  # noqa: E402
from kg.sinks.neo4j import BATCH_ROWS, WORKERS, _chunk_unit, apply_schema, config_from_env, load_rows  # noqa: E402
from kg.sinks.neo4j_rows import chunks, scan  # noqa: E402


def reset(driver, database: str | None) -> None:
    """Delete every node in chunks, then every constraint and index: a fresh database."""
    with driver.session(database=database) as s:
        while s.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass
        for r in s.run("SHOW CONSTRAINTS YIELD name").data():
            s.run(f"DROP CONSTRAINT `{r['name']}`").consume()
        for r in s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").data():
            s.run(f"DROP INDEX `{r['name']}`").consume()


def counts(driver, database: str | None) -> tuple[int, int]:
    rec = driver.execute_query("MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r",
                               database_=database).records[0]
    return rec["n"], rec["r"]


def naive_load(driver, database: str | None, rows: TableRows) -> tuple[int, float]:
    """Every node, then every relationship of ``rows``, each by its own auto-commit MERGE."""
    nodes, rels = [], []
    for table in rows.nodes:
        for label in set(table["label"].to_pylist()):
            q = f"MERGE (n:{label} {{id: $id}}) SET n += $p"
            nodes += [(q, {"id": r["id"], "p": r}) for r in select(table, label).to_pylist()]
    for table in rows.edges:
        for r in table.to_pylist():
            props = {k: r[k] for k in type_schema(r["type"]).names[2:] if r[k] is not None}
            q = (f"MATCH (a:{r['source_label']} {{id: $a}}) MATCH (b:{r['target_label']} {{id: $b}}) "
                 f"MERGE (a)-[x:{r['type']} {{{', '.join(f'`{k}`: $p.`{k}`' for k in props)}}}]->(b)")
            rels.append((q, {"a": r["source"], "b": r["target"], "p": props}))
    t0 = time.perf_counter()
    with driver.session(database=database) as s:
        for q, params in nodes + rels:
            s.run(q, **params).consume()
    return len(nodes) + len(rels), time.perf_counter() - t0


def sample(rows: TableRows, target: int) -> TableRows:
    """The first documents of ``rows`` (their entities with them) up to about ``target`` rows."""
    out, n = TableRows(), 0
    docs = [t for t in rows.nodes if not pc.any(pc.is_in(t["label"], value_set=pa.array(GLOBAL_LABELS))).as_py()]
    names = []
    for nodes, edges in zip(docs, rows.edges):
        out.nodes.append(nodes)
        out.edges.append(edges)
        names += pc.unique(pc.coalesce(nodes["doc"], nodes["name"])).to_pylist()
        n += nodes.num_rows + edges.num_rows
        if n >= target:
            break
    ents = pa.concat_tables([t for t in rows.nodes if t not in docs])
    mine = pc.is_in(pc.list_element(ents["docs"], 0), value_set=pa.array(names))
    out.nodes.insert(0, ents.filter(mine))
    return out


def changed(rows: TableRows, doc: str) -> TableRows:
    """``rows`` with document ``doc`` edited: a new key and its first sentence's text."""
    nodes = []
    for t in rows.nodes:
        if pc.any(pc.equal(t["name"], doc)).as_py():
            is_doc = pc.equal(t["name"], doc)
            t = t.set_column(t.schema.get_field_index("key"), "key",
                             pc.if_else(is_doc, pa.scalar("edited"), t["key"]))
            first = pc.equal(t["id"], t.filter(pc.equal(t["label"], "Sentence"))["id"][0])
            t = t.set_column(t.schema.get_field_index("text"), "text",
                             pc.if_else(first, pa.scalar("改过的句子。"), t["text"]))
        nodes.append(t)
    return TableRows(nodes, rows.edges)


def removed(rows: TableRows, doc: str) -> TableRows:
    """``rows`` without document ``doc``: its tables dropped, entities that named it without it (or gone)."""
    nodes, edges = [], list(rows.edges)
    docs_seen = 0
    for t in rows.nodes:
        if pc.any(pc.is_in(t["label"], value_set=pa.array(GLOBAL_LABELS))).as_py():
            rest = pa.array([[d for d in ds if d != doc] for ds in t["docs"].to_pylist()], pa.list_(pa.string()))
            t = t.set_column(t.schema.get_field_index("docs"), "docs", rest).filter(pc.greater(pc.list_value_length(rest), 0))
            nodes.append(t)
        elif pc.any(pc.equal(t["name"], doc)).as_py():
            del edges[docs_seen]
        else:
            nodes.append(t)
            docs_seen += 1
    return TableRows(nodes, edges)


CSV_TYPES = {"str": "string", "int": "long", "float": "double", "bool": "boolean", "list[str]": "string[]",
             "list[int]": "long[]"}


def write_import_csv(rows: TableRows, folder: Path) -> list[str]:
    """neo4j-admin's CSV files of ``rows``, one per label and type (lists joined by U+001F); their options."""
    folder.mkdir(parents=True)
    args = []
    for kind, tables, names in (("nodes", rows.nodes, NODE_LABELS), ("relationships", rows.edges, REL_TYPES)):
        table = pa.concat_tables(tables)
        for name in names:
            part = select(table, name)
            props = NODE_PROPERTIES[name] if kind == "nodes" else EDGE_PROPERTIES[name]
            cols, head = [], []
            for col in part.column_names:
                values = part[col]
                if props.get(col, "").startswith("list"):
                    values = pc.binary_join(pc.cast(values, pa.list_(pa.string())), "\x1f")
                cols.append(values)
                head.append({"id": "id:ID", "source": ":START_ID", "target": ":END_ID"}.get(col)
                            or f"{col}:{CSV_TYPES[props[col]]}")
            cols.append(pa.array([name] * part.num_rows, pa.string()))
            head.append(":LABEL" if kind == "nodes" else ":TYPE")
            path = folder / f"{name}.csv"
            pacsv.write_csv(pa.table(cols, names=head), path)
            args.append(f"--{kind}={path}")
    return args


def admin_import(rows: TableRows, tmp: Path) -> dict:
    """Time ``neo4j-admin database import full`` (the harness's 5.26 jars) of ``rows`` written as its CSV files."""
    t0 = time.perf_counter()
    files = write_import_csv(rows, tmp / "csv")
    csv_s = time.perf_counter() - t0
    home = tmp / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    cmd = ["java", "-Xmx3g", "-cp", f"{JAR}{os.pathsep}{CLASSPATH.read_text().strip()}",
           "org.neo4j.server.startup.Neo4jAdminCommand", "database", "import", "full", "neo4j",
           "--overwrite-destination=true", "--id-type=string", "--array-delimiter=U+001F", "--multiline-fields=true",
           *files]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
                          capture_output=True, text=True, cwd=tmp)  # its import.report goes there
    secs = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"neo4j-admin import failed: {(proc.stdout + proc.stderr)[-2000:]}")
    imported = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", proc.stdout)
    return {"csv_seconds": round(csv_s, 1), "seconds": round(secs, 1),
            "imported": [int(imported.group(1)), int(imported.group(2))] if imported else proc.stdout[-300:]}


def packing(rows: TableRows, batch_rows: int) -> dict:
    """Rows/s of the driver's packer for the fresh load's parameters (the client's share; the Rust extension's)."""
    from neo4j._codec.packstream.v1 import PackableBuffer, Packer

    params = []
    for nodes, edges in chunks(rows, set(scan(rows, batch_rows).keys), batch_rows):
        unit = _chunk_unit(nodes, edges)
        params += [r for _, r in unit.nodes + unit.rels]
    t0 = time.perf_counter()
    for p in params:
        Packer(PackableBuffer()).pack(p)
    secs = time.perf_counter() - t0
    try:
        import neo4j._rust  # noqa: F401
        ext = True
    except ImportError:
        ext = False
    return {"neo4j_rust_ext": ext, "rows_per_s": round(sum(map(len, params)) / secs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows (nodes and relationships) of the scaled graph")
    ap.add_argument("--batch-rows", type=int, default=BATCH_ROWS)
    ap.add_argument("--workers", type=int, default=WORKERS)
    ap.add_argument("--naive-rows", type=int, default=20_000, help="about this many rows for the naive writer")
    ap.add_argument("--heap", default="3g", help="-Xmx of the harness JVM")
    ap.add_argument("--no-admin", action="store_true", help="skip neo4j-admin import")
    args = ap.parse_args(argv)
    result: dict = {}

    with tempfile.TemporaryDirectory() as tmp:
        build(REPO / "data" / "corpus", Path(tmp) / "out", views=False)
        base = CacheRows.of_build(Path(tmp) / "out")
        base = TableRows(list(base.node_tables()), list(base.edge_tables()))
    base_rows = sum(t.num_rows for t in base.nodes + base.edges)
    copies = math.ceil(args.rows / base_rows)
    rows = replicate_rows(base, copies)
    n = sum(t.num_rows for t in rows.nodes + rows.edges)
    result["graph"] = {"copies": copies, "rows": n, "documents": len(rows.edges)}
    result["packing"] = packing(rows, args.batch_rows)

    server = None
    if os.environ.get("NEO4J_URI"):
        cfg = config_from_env()
        wait_for_bolt(cfg, 30)
    else:
        server = start_server(heap=args.heap)
        cfg = server.config
    try:
        with GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password)) as driver:
            reset(driver, cfg.database)
            opts = {"batch_rows": args.batch_rows, "workers": args.workers}
            load_rows(replicate_rows(base, 20), cfg, **opts)  # JIT warm-up, not timed
            reset(driver, cfg.database)

            t0, written = time.perf_counter(), [0.0]
            rep = load_rows(rows, cfg, progress=lambda done, total: written.__setitem__(0, time.perf_counter() - t0),
                            **opts)
            assert counts(driver, cfg.database) == (sum(t.num_rows for t in rows.nodes),
                                                    sum(t.num_rows for t in rows.edges))
            result["fresh"] = {"seconds": round(rep.seconds, 1), "rows_per_s": round(n / rep.seconds),
                               "without_schema_step_s": round(written[0], 1),
                               "rows_per_s_without_schema_step": round(n / written[0]),
                               "transactions": rep.transactions, **opts}
            print(json.dumps(result, ensure_ascii=False), file=sys.stderr, flush=True)
            again = load_rows(rows, cfg, **opts)
            assert not again.created and not again.deleted
            result["reload_unchanged_s"] = round(again.seconds, 2)

            names = [d for t in rows.nodes for d in pc.filter(t["name"], pc.equal(t["label"], "Document")).to_pylist()]
            delta = {}
            for i, doc in enumerate((names[len(names) // 3], names[2 * len(names) // 3])):
                one = load_rows(changed(rows, doc), cfg, **opts)  # the first runs its statements the first time
                assert one.documents["changed"] == 1, one.line()
                delta[f"changed_one_s_{('first', 'second')[i]}"] = round(one.seconds, 2)
                load_rows(rows, cfg, **opts)
            gone = load_rows(removed(rows, doc), cfg, **opts)
            assert gone.documents["removed"] == 1, gone.line()
            result["delta"] = {**delta, "removed_one_s": round(gone.seconds, 2), "changed": one.line(),
                               "removed": gone.line()}
            print(json.dumps(result, ensure_ascii=False), file=sys.stderr, flush=True)
            reset(driver, cfg.database)
            apply_schema(driver, cfg.database)  # the same end state as the fresh load: kg's constraints and indexes
            k, secs = naive_load(driver, cfg.database, sample(rows, args.naive_rows))
            result["naive"] = {"rows": k, "seconds": round(secs, 1), "rows_per_s": round(k / secs)}
            reset(driver, cfg.database)
    finally:
        if server is not None:
            server.stop(graceful=False)
    result["fresh_vs_naive"] = round(result["fresh"]["rows_per_s"] / result["naive"]["rows_per_s"], 1)
    if not args.no_admin:
        with tempfile.TemporaryDirectory() as tmp:
            admin = admin_import(rows, Path(tmp))
        admin["rows_per_s"] = round(n / admin["seconds"])
        result["admin"] = admin
        result["fresh_vs_admin"] = round(result["fresh"]["rows_per_s"] / admin["rows_per_s"], 2)
    print(json.dumps(result, ensure_ascii=False, indent=1))

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
