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
    t.add_row("time", f"{summary['seconds']} s")
    console.print(t)
    for w in summary["warnings"]:
        err.print(f"[yellow]warning:[/] {w}", highlight=False, soft_wrap=True)


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of .txt/.md/.html/.docx documents (recursive), or one file.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="User lexicon file (repeatable).")] = None,
) -> None:
    """Build the knowledge graph of CORPUS and write it with its exports into OUT."""
    from kg.pipeline import build as build_graph

    if not corpus.exists():
        fail(f"{corpus}: no such file or folder")
    for lx in lexicon or []:
        if not lx.is_file():
            fail(f"{lx}: lexicon file not found")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[item]}"), TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None, item="")

        def progress(stage: str, done: int, total: int, item: str) -> None:
            bar.update(task, description=stage, completed=done, total=total or None, item=item)

        result = build_graph(corpus, out, lexicons=list(lexicon or []), progress=progress)
    print_summary(result.summary, out)


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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
