"""The ``kg`` command line: a thin layer over the library API (click)."""

from __future__ import annotations

import difflib
import json
import os
import sys
from pathlib import Path

import click


class _Console:
    """A rich console made on first use: ``kg build`` starts its worker before it imports rich (~50 ms)."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr, self._console = stderr, None

    def get(self):
        """The console (a ``rich.console.Console``)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self.stderr)
        return self._console

    def print(self, *args, **kwargs) -> None:
        self.get().print(*args, **kwargs)


def escape(text: str) -> str:
    """``text`` with rich's markup escaped."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


console = _Console()
err = _Console(stderr=True)
PATH = click.Path(path_type=Path)
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS_HELP = "json, graphml, gexf, neo4j-csv or parquet"
#: how many names a skipped line shows, and at most how many characters of each
SKIPPED_NAMES, NAME_CHARS = 3, 60


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit non-zero."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise SystemExit(code)


def neo4j_options(f):
    """The options that say which Neo4j to talk to (the environment gives the defaults)."""
    for decorator in reversed([
        click.option("--uri", metavar="URI", help="Neo4j URI (default $NEO4J_URI or bolt://localhost:7687)."),
        click.option("--user", metavar="NAME", help="Neo4j user (default $NEO4J_USER or neo4j)."),
        click.option("--password", metavar="SECRET", help="Neo4j password (default $NEO4J_PASSWORD)."),
        click.option("--database", metavar="NAME", help="Neo4j database (default $NEO4J_DATABASE or the server's)."),
    ]):
        f = decorator(f)
    return f


def _config(uri, user, password, database):
    from kg.sinks.neo4j import config_from_env

    return config_from_env(uri=uri, user=user, password=password, database=database)


class _App(click.Group):
    """The command group; run as the ``kg`` program, a finished build ends the process without tearing it down.

    A build leaves ~10^6 objects (records, linking) whose teardown cost the program ~0.17 s after every output was
    written and closed. Only the program ends this way (``app()``: the console script, ``python -m kg.cli``), and only
    after a build that succeeded, with stdout and stderr flushed; ``app.main`` (click's test runner, a caller's own
    process) returns as usual.
    """

    #: set by a build command that finished: every output is written, closed and moved into place
    finished = False
    #: set while running as the program; then a build's result is kept here, never freed (:attr:`held`)
    program = False
    held: object = None

    def __call__(self, *args, **kwargs):
        _App.finished, _App.program = False, True
        try:
            return self.main(*args, **kwargs)
        except SystemExit as exc:
            if _App.finished and exc.code in (None, 0):
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(0)  # the workers die with this process (they ask Linux for that)
            raise
        finally:
            _App.program, _App.held = False, None


@click.group(cls=_App, context_settings=CONTEXT)
def app() -> None:
    """Knowledge graphs from Chinese transport-administration documents."""


def _short(name: str) -> str:
    half = NAME_CHARS // 2 - 1
    return name if len(name) <= NAME_CHARS else f"{name[:half]}…{name[-half:]}"


def print_summary(summary: dict, out: Path) -> None:
    from rich.table import Table
    from rich.text import Text

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
    if "indicators" in summary:
        t.add_row("indicators", f"{summary['indicators']} ({summary['cross_document_indicators']} reported in two or "
                  "more documents)")
    rels = summary["relations"]
    t.add_row("relations", ", ".join(f"{k} {v}" for k, v in rels.items()) or "none")
    t.add_row("graph", f"{summary['nodes']} nodes, {summary['edges']} edges")
    how = f"{summary.get('processed', 0)} documents processed, {summary.get('cached', 0)} from the cache"
    t.add_row("time", f"{summary['seconds']} s ({how})")
    console.print(t)
    for w in summary["warnings"]:
        err.print(f"[yellow]warning:[/] {escape(w)}", highlight=False, soft_wrap=True)


def _formats(spec: str | None, option: str = "--export") -> tuple[str, ...]:
    """The export formats of ``a,b`` (an unknown one is an error naming the known ones and the likeliest)."""
    names = tuple(f.strip() for f in (spec or "").split(",") if f.strip())
    if not names:
        return names
    from kg.sinks.exports import FORMATS

    for name in names:
        if name not in FORMATS:
            fail(f"{option} {name}: unknown format{_did_you_mean(name, FORMATS)}; choose from {', '.join(FORMATS)}")
    return names


def _did_you_mean(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    return f" (did you mean {close[0]}?)" if close else ""


@app.command(context_settings=CONTEXT)
@click.argument("corpus", nargs=-1, required=True, type=PATH)
@click.option("-o", "--out", type=PATH, default=Path("out"), show_default=True, help="Output folder.")
@click.option("--lexicon", type=PATH, multiple=True, metavar="FILE", help="User lexicon file (repeatable).")
@click.option("--export", "export", metavar="FORMAT,...", help=f"Also write these file exports into OUT ({FORMATS_HELP}).")
@click.option("--views/--no-views", default=True, show_default=True, help="Write the HTML views into OUT/visualizations.")
@click.option("--store/--no-store", default=True, show_default=True, help="Write the embedded Cypher store into OUT/store.")
@click.option("-w", "--workers", type=click.IntRange(min=1), metavar="N", help="Worker processes (default: the machine's cores).")
@click.option("--dask", metavar="ADDRESS", help="Process documents on this Dask scheduler (tcp://host:8786).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse OUT/cache: only new and changed documents are processed.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=64, show_default=True, metavar="MB",
              help="Skip files larger than this many megabytes.")
@click.option("--neo4j", is_flag=True, help="Also load the graph into Neo4j (NEO4J_URI/USER/PASSWORD or the options).")
@neo4j_options
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True, metavar="ROWS",
              help="Rows per Neo4j write transaction (whole documents each).")
def build(corpus, out, lexicon, export, views, store, workers, dask, cache, max_file_size, neo4j,
          uri, user, password, database, batch_size) -> None:
    """Build the knowledge graph of CORPUS (folders or files) into OUT.

    OUT gets the embedded store, extractions.jsonl, summary.json and the views. A
    rebuild into the same OUT processes only new and changed documents. File exports
    come from kg export (or --export here).
    """
    from kg.workers import discard, start_early

    start_early(out, list(corpus), list(lexicon), workers, dask, cache)  # it loads spaCy while kg.pipeline loads
    try:
        _build(corpus, out, lexicon, export, views, store, workers, dask, cache, max_file_size)
    finally:
        discard()
    if neo4j:
        _load_neo4j(out, _config(uri, user, password, database), batch_size)
    _App.finished = True


def _build(corpus, out, lexicon, export, views, store, workers, dask, cache, max_file_size) -> None:
    from kg.pipeline import BuildError, build as build_graph

    for c in corpus:
        if not c.exists():
            fail(f"{c}: no such file or folder")
    formats = _formats(export)
    for lx in lexicon:
        if not lx.is_file():
            fail(f"{lx}: lexicon file not found")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[item]}"), TimeElapsedColumn(), console=err.get(), transient=True) as bar:
        task = bar.add_task("reading", total=None, item="")

        def progress(stage: str, done: int, total: int, item: str) -> None:
            bar.update(task, description=stage, completed=done, total=total or None, item=_short(item))

        try:
            result = build_graph(list(corpus), out, lexicons=list(lexicon), progress=progress, views=views,
                                 store=store, workers=workers, dask=dask, cache=cache, exports=formats,
                                 max_bytes=max_file_size * 1024 * 1024)
        except BuildError as exc:
            fail(str(exc))
    if _App.program:  # the program ends after it: its records need not be freed one by one
        _App.held = result
    print_summary(result.summary, out)
    for fmt, path in result.summary.get("exports", {}).items():
        console.print(f"{fmt}: {path}", highlight=False)


def _load_neo4j(out: Path, config, batch_size: int) -> None:
    from kg.pipeline import BuildError
    from kg.pipeline.outputs import CacheRows
    from kg.sinks.neo4j import ADMIN_IMPORT_ROWS, Neo4jLoadError, Neo4jSink, admin_import_commands

    def hint(plan) -> None:
        if plan.fresh and plan.rows >= ADMIN_IMPORT_ROWS:
            steps = "; ".join(admin_import_commands(out))
            err.print(f"note: {config.uri} is empty and the build has {plan.rows:,} rows: neo4j-admin import loads "
                      f"them faster (stop this load with Ctrl-C, then: {escape(steps)})", highlight=False,
                      soft_wrap=True)

    try:
        report = Neo4jSink(config, batch_size, hint).write(CacheRows.of_build(out))
    except (BuildError, Neo4jLoadError) as exc:
        fail(str(exc))
    console.print(f"Neo4j {config.uri}: {report.line()}", highlight=False, soft_wrap=True)


@app.command(context_settings=CONTEXT)
@click.argument("out", type=PATH, default=Path("out"))
@click.option("--neo4j", is_flag=True, help="Load into Neo4j (the only target; required).")
@neo4j_options
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True, metavar="ROWS",
              help="Rows per Neo4j write transaction (whole documents each).")
def load(out, neo4j, uri, user, password, database, batch_size) -> None:
    """Load a finished build (its cache in OUT) into Neo4j."""
    if not neo4j:
        fail("kg load needs --neo4j (the embedded store is written by kg build)")
    _load_neo4j(out, _config(uri, user, password, database), batch_size)


def _query_list(library) -> None:
    """Every library query: its name, purpose and parameters with their defaults, whole (never cut)."""
    for q in sorted(library.values(), key=lambda q: q.name):
        params = ", ".join(f"{k}={v}" for k, v in q.params.items()) or "(none)"
        click.echo(f"{q.name}\n    {q.purpose}\n    parameters: {params}")


@app.command(context_settings=CONTEXT)
@click.argument("name_or_cypher", metavar="NAME|CYPHER", required=False, default="")
@click.option("-o", "--out", type=PATH, default=Path("out"), show_default=True, help="The build whose embedded store to query.")
@click.option("-p", "--param", multiple=True, metavar="KEY=VALUE", help="Query parameter (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--list", "list_", is_flag=True, help="List the library queries with their parameters and defaults.")
@click.option("--neo4j", is_flag=True, help="Query Neo4j instead of the embedded store.")
@neo4j_options
def query(name_or_cypher, out, param, fmt, list_, neo4j, uri, user, password, database) -> None:
    """Run a library query by NAME, or ad hoc CYPHER, on the embedded store or on Neo4j."""
    from kg.query import EmbeddedEngine, Neo4jEngine, QueryError, format_result, load_library, run_query

    library = load_library()
    if list_ or not name_or_cypher:
        _query_list(library)
        return
    looks_like_name = all(ch.isalnum() or ch == "_" for ch in name_or_cypher)
    if looks_like_name and name_or_cypher not in library:
        fail(f"no library query named {name_or_cypher!r}{_did_you_mean(name_or_cypher, library)}; "
             "kg query --list shows them")
    params = {}
    for p in param:
        if "=" not in p:
            fail(f"--param {p}: expected KEY=VALUE")
        k, v = p.split("=", 1)
        params[k.strip()] = v
    try:
        if neo4j:
            engine = Neo4jEngine(_config(uri, user, password, database))
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


@app.command("export", context_settings=CONTEXT)
@click.argument("out", type=PATH, default=Path("out"))
@click.option("-f", "--format", "fmt", metavar="FORMAT", default="json", show_default=True, help=f"{FORMATS_HELP}.")
@click.option("--to", type=PATH, metavar="FOLDER", help="Where to write (default: OUT); the export keeps its usual name.")
@click.option("--merge-parallel", is_flag=True,
              help="One edge per (source, target, type) with a count and the evidence list (json, graphml, gexf).")
def export_(out, fmt, to, merge_parallel) -> None:
    """Write a file export of the build in OUT, streamed from its cache."""
    from kg.pipeline import BuildError, export

    _formats(fmt, "--format")
    try:
        path = export(out, fmt, to, merge_parallel=merge_parallel)
    except (BuildError, OSError) as exc:
        fail(str(exc))
    console.print(f"{fmt}: {path}", highlight=False)


@app.command("views", context_settings=CONTEXT)
@click.argument("out", type=PATH, default=Path("out"))
@click.option("--to", type=PATH, metavar="FOLDER", help="Folder for the pages (default OUT/visualizations).")
def views_(out, to) -> None:
    """Write the interactive HTML views of the build in OUT."""
    from kg.pipeline import BuildError, BuildResult
    from kg.views import write_views

    target = to or out / "visualizations"
    try:
        graph = BuildResult(out=out, summary={}).graph
    except BuildError as exc:
        fail(str(exc))
    pages = write_views(graph, target)
    console.print(f"{len(pages)} pages in {target}; open {target / 'index.html'}", highlight=False)


@app.command("eval", context_settings=CONTEXT)
@click.option("--gold", type=PATH, required=True, metavar="FOLDER", help="Folder of gold files in the guideline's format.")
@click.option("--corpus", type=PATH, default=Path("data/corpus"), show_default=True, metavar="FOLDER",
              help="Folder of the documents the gold files name.")
@click.option("--pred", type=PATH, metavar="FILE", help="extractions.jsonl to score (default: build CORPUS now).")
@click.option("-o", "--out", type=PATH, metavar="FOLDER",
              help="Where to build when --pred is not given (default: a temporary folder).")
@click.option("--lexicon", type=PATH, multiple=True, metavar="FILE", help="User lexicon file for the build (repeatable).")
@click.option("--only", multiple=True, metavar="KEY", help="Score only this document key, e.g. 002 (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="A table of each document's scores, then every miss and false positive.")
@click.option("--json", "json_out", type=PATH, metavar="FILE", help="Also write the scores as JSON.")
def eval_(gold, corpus, pred, out, lexicon, only, verbose, json_out) -> None:
    """Score extraction against your own gold annotations: P/R/F1 per type, metrics, relations, links."""
    import tempfile

    from kg.evaluation import GoldError, evaluate, format_per_doc, format_report

    if not gold.is_dir():
        fail(f"{gold}: gold folder not found")
    if not corpus.is_dir():
        fail(f"{corpus}: corpus folder not found")
    with tempfile.TemporaryDirectory() as tmp:
        if pred is None:
            from kg.pipeline import BuildError, build as build_graph

            target = out or Path(tmp)
            try:
                build_graph(corpus, target, lexicons=list(lexicon))
            except BuildError as exc:
                fail(str(exc))
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
        json_out.write_text(json.dumps({"summary": report.summary, "per_doc": report.per_doc}, ensure_ascii=False,
                                       indent=1), encoding="utf-8")


@app.group(context_settings=CONTEXT)
def lexicon() -> None:
    """Work with lexicons."""


@lexicon.command("suggest", context_settings=CONTEXT)
@click.argument("out", type=PATH, default=Path("out"))
@click.option("--corpus", type=PATH, metavar="FOLDER", help="The documents (default: the build's corpus).")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=40, show_default=True, help="How many candidates.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "lexicon"]), default="table", show_default=True,
              help="A table, or lines to paste into a user lexicon.")
def lexicon_suggest(out, corpus, limit, fmt) -> None:
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
    from rich.table import Table
    from rich.text import Text

    t = Table("#", "type?", "phrase", "count", "docs", "how", "example", box=None)
    for i, c in enumerate(candidates, 1):
        t.add_row(str(i), c.label, Text(c.phrase), str(c.count), str(len(c.docs)), c.how, Text(c.example[:60]))
    console.print(t)


@app.group(context_settings=CONTEXT)
def schema() -> None:
    """The Neo4j schema of the graph."""


@schema.command("apply", context_settings=CONTEXT)
@neo4j_options
@click.option("--unguard", multiple=True, metavar="LABEL.PROPERTY",
              help="Take the CSV guard off this column (repeatable; import.sh names them).")
@click.option("--empty-list", multiple=True, metavar="LABEL.PROPERTY",
              help="Set this list column to [] where the import left it out (repeatable).")
def schema_apply(uri, user, password, database, unguard, empty_list) -> None:
    """Create the constraints and indexes of cypher/schema.cypher on a running Neo4j (after neo4j-admin import)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.sinks.exports.neo4j_import import restore_statements
    from kg.sinks.neo4j import apply_schema

    try:
        statements = restore_statements(list(unguard), list(empty_list))
    except ValueError as exc:
        fail(str(exc))
    config = _config(uri, user, password, database)
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
    main()
