"""The ``kg`` command line: a thin layer over the library API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graphs from Chinese transport-administration documents.")
console = Console()
err = Console(stderr=True)


NeoUri = Annotated[Optional[str], typer.Option("--uri", help="Neo4j URI (default $NEO4J_URI or bolt://localhost:7687).")]
NeoUser = Annotated[Optional[str], typer.Option("--user", help="Neo4j user (default $NEO4J_USER or neo4j).")]
NeoPassword = Annotated[Optional[str], typer.Option("--password", help="Neo4j password (default $NEO4J_PASSWORD).")]
NeoDatabase = Annotated[Optional[str], typer.Option("--database", help="Neo4j database (default $NEO4J_DATABASE or the server's default).")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch when writing to Neo4j.")]


@app.callback()
def _root() -> None:
    """Knowledge graphs from Chinese transport-administration documents."""


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit non-zero."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


#: how many names a skipped line shows, and at most how many characters of each
SKIPPED_NAMES, NAME_CHARS = 3, 60


def _short(name: str) -> str:
    half = NAME_CHARS // 2 - 1
    return name if len(name) <= NAME_CHARS else f"{name[:half]}…{name[-half:]}"


def print_summary(summary: dict, out: Path) -> None:
    t = Table(title=f"kg build → {out}", show_header=False, box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column()
    skipped = summary.get("skipped", {})
    n_skipped = sum(len(names) for names in skipped.values())
    t.add_row("documents", f"{summary['documents']} built, {summary['documents_failed']} failed, {n_skipped} skipped")
    for i, (reason, names) in enumerate(sorted(skipped.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        shown = ", ".join(map(_short, names[:SKIPPED_NAMES])) + (", …" if len(names) > SKIPPED_NAMES else "")
        t.add_row("skipped" if i == 0 else "", Text(f"{len(names)} {reason}: {shown}"))  # Text: names hold no markup
    t.add_row("structure", f"{summary['sections']} sections, {summary['sentences']} sentences")
    ents = summary["entities"]
    t.add_row("entities", ", ".join(f"{k} {v}" for k, v in ents.items()) + f"  (total {sum(ents.values())})")
    t.add_row("linked", f"{summary['cross_document_entities']} entities appear in two or more documents")
    t.add_row("metrics", f"{summary['metrics']} ({summary['metrics_masked']} masked)")
    rels = summary["relations"]
    t.add_row("relations", ", ".join(f"{k} {v}" for k, v in rels.items()) or "none")
    t.add_row("graph", f"{summary['nodes']} nodes, {summary['edges']} edges")
    how = f"{summary.get('processed', 0)} documents processed, {summary.get('cached', 0)} from the cache"
    t.add_row("time", f"{summary['seconds']} s ({how})")
    console.print(t)
    for w in summary["warnings"]:
        err.print(f"[yellow]warning:[/] {escape(w)}", highlight=False, soft_wrap=True)


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of .txt/.md/.html/.docx documents (recursive), or one file.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="User lexicon file (repeatable).")] = None,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Also load the graph into Neo4j (NEO4J_URI/USER/PASSWORD or the options).")] = False,
    uri: NeoUri = None,
    user: NeoUser = None,
    password: NeoPassword = None,
    database: NeoDatabase = None,
    batch_size: BatchSize = 1000,
    views: Annotated[bool, typer.Option("--views/--no-views", help="Write the HTML views into OUT/visualizations.")] = True,
    store: Annotated[bool, typer.Option("--store/--no-store", help="Write the embedded Cypher store into OUT/store.")] = True,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes (default: the machine's cores).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Process documents on this Dask scheduler (tcp://host:8786).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse OUT/cache: only new and changed documents are processed.")] = True,
    export: Annotated[Optional[str], typer.Option("--export", metavar="FORMAT,...", help="Also write these file exports into OUT (json, graphml, gexf, neo4j-csv, parquet).")] = None,
    max_file_size: Annotated[int, typer.Option("--max-file-size", metavar="MB", min=1, help="Skip files larger than this many megabytes.")] = 64,
) -> None:
    """Build the knowledge graph of CORPUS into OUT: the embedded store, extractions.jsonl, summary.json and the views.

    A rebuild into the same OUT processes only new and changed documents. File exports
    come from kg export (or --export here).
    """
    from kg.pipeline import BuildError, build as build_graph

    if not corpus.exists():
        fail(f"{corpus}: no such file or folder")
    formats = _formats(export)
    for lx in lexicon or []:
        if not lx.is_file():
            fail(f"{lx}: lexicon file not found")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[item]}"), TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None, item="")

        def progress(stage: str, done: int, total: int, item: str) -> None:
            bar.update(task, description=stage, completed=done, total=total or None, item=item)

        try:
            result = build_graph(corpus, out, lexicons=list(lexicon or []), progress=progress, views=views,
                                 store=store, workers=workers, dask=dask, cache=cache, exports=formats,
                                 max_bytes=max_file_size * 1024 * 1024)
        except BuildError as exc:
            fail(str(exc))
    print_summary(result.summary, out)
    for fmt, path in result.summary.get("exports", {}).items():
        console.print(f"{fmt}: {path}", highlight=False)
    if neo4j:
        _load_neo4j(out, uri, user, password, database, batch_size)


def _formats(spec: str | None) -> tuple[str, ...]:
    """The export formats of ``--export a,b`` (an unknown one is an error naming the known ones)."""
    names = tuple(f.strip() for f in (spec or "").split(",") if f.strip())
    if not names:
        return names
    from kg.sinks.exports import FORMATS

    for name in names:
        if name not in FORMATS:
            fail(f"--export {name}: unknown format; choose from {', '.join(FORMATS)}")
    return names


def _load_neo4j(out: Path, uri, user, password, database, batch_size: int) -> None:
    from kg.pipeline import BuildError, BuildResult
    from kg.sinks.neo4j import Neo4jLoadError, config_from_env, load_graph

    config = config_from_env(uri=uri, user=user, password=password, database=database)
    try:
        graph = BuildResult(out=out, summary={}).graph
    except BuildError as exc:
        fail(str(exc))
    try:
        report = load_graph(graph, config, batch_size=batch_size)
    except Neo4jLoadError as exc:
        fail(str(exc))
    console.print(
        f"Neo4j {config.uri}: wrote {report.nodes_written} nodes and {report.relationships_written} relationships "
        f"in {report.batches} batches ({report.seconds:.1f} s); the database now holds {report.node_count} nodes "
        f"and {report.relationship_count} relationships.", highlight=False)


@app.command()
def load(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")] = Path("out"),
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Load into Neo4j (the only target; required).")] = False,
    uri: NeoUri = None,
    user: NeoUser = None,
    password: NeoPassword = None,
    database: NeoDatabase = None,
    batch_size: BatchSize = 1000,
) -> None:
    """Load a finished build (its cache in OUT) into Neo4j."""
    if not neo4j:
        fail("kg load needs --neo4j (the embedded store is written by kg build)")
    _load_neo4j(out, uri, user, password, database, batch_size)


@app.command()
def query(
    name_or_cypher: Annotated[str, typer.Argument(help="A library query name (see --list) or a Cypher string.")] = "",
    out: Annotated[Path, typer.Option("-o", "--out", help="The build whose embedded store to query.")] = Path("out"),
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter k=v (repeatable).")] = None,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Query Neo4j instead of the embedded store.")] = False,
    uri: NeoUri = None,
    user: NeoUser = None,
    password: NeoPassword = None,
    database: NeoDatabase = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the library queries.")] = False,
) -> None:
    """Run a library query by name, or ad hoc Cypher, on the embedded store or on Neo4j."""
    from kg.query import EmbeddedEngine, Neo4jEngine, QueryError, format_result, load_library, run_query

    library = load_library()
    if list_ or not name_or_cypher:
        t = Table("name", "purpose", "parameters (default)", box=None)
        for q in sorted(library.values(), key=lambda q: q.name):
            t.add_row(q.name, q.purpose, ", ".join(f"{k}={v}" for k, v in q.params.items()))
        console.print(t)
        return
    if fmt not in ("table", "csv", "json"):
        fail(f"--format {fmt}: choose table, csv or json")
    params = {}
    for p in param or []:
        if "=" not in p:
            fail(f"--param {p}: expected k=v")
        k, v = p.split("=", 1)
        params[k.strip()] = v
    try:
        if neo4j:
            from kg.sinks.neo4j import config_from_env

            engine = Neo4jEngine(config_from_env(uri=uri, user=user, password=password, database=database))
        else:
            store = out / "store"
            if not store.exists():
                fail(f"{store}: no embedded store; run kg build first (or use --neo4j)")
            engine = EmbeddedEngine(store)
        try:
            result = run_query(name_or_cypher, engine, params, library=library)
        finally:
            engine.close()
    except QueryError as exc:
        fail(str(exc))
    sys.stdout.write(format_result(result, fmt).rstrip("\n") + "\n")


@app.command("export")
def export_(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")] = Path("out"),
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="json, graphml, gexf, neo4j-csv or parquet.")] = "json",
    to: Annotated[Optional[Path], typer.Option("--to", help="Where to write (default: the format's usual name in OUT).")] = None,
    merge_parallel: Annotated[bool, typer.Option("--merge-parallel", help="One edge per (source, target, type) with a count and the evidence list.")] = False,
) -> None:
    """Write a file export of a build, streamed from its cache."""
    from kg.pipeline import BuildError, export

    _formats(fmt)
    try:
        path = export(out, fmt, to, merge_parallel=merge_parallel)
    except (BuildError, OSError) as exc:
        fail(str(exc))
    console.print(f"{fmt}: {path}", highlight=False)


@app.command("views")
def views_(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")] = Path("out"),
    to: Annotated[Optional[Path], typer.Option("--to", help="Folder for the pages (default OUT/visualizations).")] = None,
) -> None:
    """Write the interactive HTML views of a build."""
    from kg.pipeline import BuildError, BuildResult
    from kg.views import write_views

    target = to or out / "visualizations"
    try:
        graph = BuildResult(out=out, summary={}).graph
    except BuildError as exc:
        fail(str(exc))
    pages = write_views(graph, target)
    console.print(f"{len(pages)} pages in {target}; open {target / 'index.html'}", highlight=False)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold files in the guideline's format.")],
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder of the documents the gold files name.")] = Path("data/corpus"),
    pred: Annotated[Optional[Path], typer.Option("--pred", help="extractions.jsonl to score (default: build CORPUS now).")] = None,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="Where to build when --pred is not given (default: a temporary folder).")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="User lexicon file for the build (repeatable).")] = None,
    only: Annotated[Optional[list[str]], typer.Option("--only", help="Score only this document key, e.g. 002 (repeatable).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A table of each document's scores, then every miss and false positive.")] = False,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON.")] = None,
) -> None:
    """Score extraction against your own gold annotations: P/R/F1 per type, metrics, relations, links."""
    import tempfile

    from kg.evaluation import GoldError, evaluate, format_per_doc, format_report

    if not gold.is_dir():
        fail(f"{gold}: gold folder not found")
    if not corpus.is_dir():
        fail(f"{corpus}: corpus folder not found")
    with tempfile.TemporaryDirectory() as tmp:
        if pred is None:
            from kg.pipeline import build as build_graph

            target = out or Path(tmp)
            build_graph(corpus, target, lexicons=list(lexicon or []))
            pred = target / "extractions.jsonl"
        elif not pred.is_file():
            fail(f"{pred}: predictions file not found")
        try:
            report = evaluate(pred, gold, corpus, only=set(only) if only else None)
        except GoldError as exc:
            fail(str(exc))
    console.print(format_report(report), highlight=False)
    if verbose:
        console.print("\n" + format_per_doc(report) + "\n", highlight=False)
        console.print("\n".join(report.details), highlight=False)
    if json_out:
        json_out.write_text(json.dumps({"summary": report.summary, "per_doc": report.per_doc}, ensure_ascii=False, indent=1),
                            encoding="utf-8")


lexicon_app = typer.Typer(help="Work with lexicons.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("suggest")
def lexicon_suggest(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")] = Path("out"),
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="The documents (default: the build's corpus).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many candidates.")] = 40,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, or lexicon (lines to paste into a user lexicon).")] = "table",
) -> None:
    """Rank phrases that look like campaigns, regulations or agencies but were not typed."""
    from kg.suggest import as_lexicon_lines, suggest

    for needed in ("extractions.jsonl", "summary.json"):
        if not (out / needed).is_file():
            fail(f"{out / needed}: not found; run kg build first")
    if corpus is not None and not corpus.exists():
        fail(f"{corpus}: no such folder")
    candidates = suggest(out, corpus, limit)
    if fmt == "lexicon":
        sys.stdout.write(as_lexicon_lines(candidates))
        return
    t = Table("#", "type?", "phrase", "count", "docs", "how", "example", box=None)
    for i, c in enumerate(candidates, 1):
        t.add_row(str(i), c.label, c.phrase, str(c.count), str(len(c.docs)), c.how, c.example[:60])
    console.print(t)


schema_app = typer.Typer(help="The Neo4j schema of the graph.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")


@schema_app.command("apply")
def schema_apply(
    uri: NeoUri = None,
    user: NeoUser = None,
    password: NeoPassword = None,
    database: NeoDatabase = None,
    unguard: Annotated[Optional[list[str]], typer.Option(
        "--unguard", metavar="LABEL.PROPERTY", help="Take the CSV guard off this column (repeatable; import.sh names them).")] = None,
    empty_list: Annotated[Optional[list[str]], typer.Option(
        "--empty-list", metavar="LABEL.PROPERTY", help="Set this list column to [] where the import left it out (repeatable).")] = None,
) -> None:
    """Create the constraints and indexes of cypher/schema.cypher on a running Neo4j (after neo4j-admin import)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.sinks.exports.neo4j_import import restore_statements
    from kg.sinks.neo4j import apply_schema, config_from_env

    try:
        statements = restore_statements(unguard or [], empty_list or [])
    except ValueError as exc:
        fail(str(exc))
    config = config_from_env(uri=uri, user=user, password=password, database=database)
    try:
        with GraphDatabase.driver(config.uri, auth=(config.user, config.password)) as driver:
            apply_schema(driver, config.database)
            with driver.session(database=config.database) as session:
                for stmt in statements:
                    session.run(stmt).consume()
    except (DriverError, Neo4jError, OSError) as exc:
        fail(f"Neo4j {config.uri}: {exc}")
    console.print(f"Neo4j {config.uri}: schema applied, {len(statements)} columns restored", highlight=False)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
