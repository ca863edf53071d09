"""The ``kg`` command line: a thin layer over the library API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graphs from Chinese transport-administration documents.")
console = Console()
err = Console(stderr=True)


NeoUri = Annotated[Optional[str], typer.Option("--uri", help="Neo4j URI (default $NEO4J_URI or bolt://localhost:7687).")]
NeoUser = Annotated[Optional[str], typer.Option("--user", help="Neo4j user (default $NEO4J_USER or neo4j).")]
NeoPassword = Annotated[Optional[str], typer.Option("--password", help="Neo4j password (default $NEO4J_PASSWORD).")]
NeoDatabase = Annotated[Optional[str], typer.Option("--database", help="Neo4j database (default $NEO4J_DATABASE or the server's default).")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Rows per Neo4j write transaction (whole documents each).")]


@app.callback()
def _root() -> None:
    """Knowledge graphs from Chinese transport-administration documents."""


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit non-zero."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def print_summary(summary: dict, out: Path) -> None:
    t = Table(title=f"kg build → {out}", show_header=False, box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column()
    t.add_row("documents", f"{summary['documents']} built, {summary['documents_failed']} failed")
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
        err.print(f"[yellow]warning:[/] {w}", highlight=False, soft_wrap=True)


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
    batch_size: BatchSize = 5000,
    views: Annotated[bool, typer.Option("--views/--no-views", help="Write the HTML views into OUT/visualizations.")] = True,
    store: Annotated[bool, typer.Option("--store/--no-store", help="Write the embedded Cypher store into OUT/store.")] = True,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes (default: the machine's cores).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Process documents on this Dask scheduler (tcp://host:8786).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse OUT/cache: only new and changed documents are processed.")] = True,
    export: Annotated[Optional[str], typer.Option("--export", metavar="FORMAT,...", help="Also write these file exports into OUT (json, graphml, gexf, neo4j-csv, parquet).")] = None,
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
                                 store=store, workers=workers, dask=dask, cache=cache, exports=formats)
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
    from kg.pipeline import BuildError
    from kg.pipeline.outputs import CacheRows
    from kg.sinks.neo4j import ADMIN_IMPORT_ROWS, Neo4jLoadError, admin_import_commands, config_from_env, load_rows

    config = config_from_env(uri=uri, user=user, password=password, database=database)

    def hint(plan) -> None:
        if plan.fresh and plan.rows >= ADMIN_IMPORT_ROWS:
            steps = "; ".join(admin_import_commands(out))
            err.print(f"note: {config.uri} is empty and the build has {plan.rows:,} rows: neo4j-admin import loads "
                      f"them faster (stop this load with Ctrl-C, then: {steps})", highlight=False, soft_wrap=True)

    try:
        report = load_rows(CacheRows.of_build(out), config, batch_rows=batch_size, on_plan=hint)
    except (BuildError, Neo4jLoadError) as exc:
        fail(str(exc))
    console.print(f"Neo4j {config.uri}: {report.line()}", highlight=False, soft_wrap=True)


@app.command()
def load(
    out: Annotated[Path, typer.Argument(help="A build's output folder.")] = Path("out"),
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Load into Neo4j (the only target; required).")] = False,
    uri: NeoUri = None,
    user: NeoUser = None,
    password: NeoPassword = None,
    database: NeoDatabase = None,
    batch_size: BatchSize = 5000,
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss and false positive.")] = False,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON.")] = None,
) -> None:
    """Score extraction against your own gold annotations: P/R/F1 per type, metrics, relations, links."""
    import tempfile

    from kg.evaluation import GoldError, evaluate, format_report

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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
