"""The `sahel-events` command line: a thin shell over the pipeline's functions."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from models.event import Event

app = typer.Typer(
    help="Turn narrative reporting on the Sahel conflicts into ACLED-style event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Validate the gazetteer and find what it lacks.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

CorpusArgument = Annotated[Path, typer.Argument(help="Corpus folder of .txt/.md articles.")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder the JSONL outputs are written to.")]
GeonamesOption = Annotated[
    Optional[list[Path]],
    typer.Option("--geonames", help="GeoNames country dump (19-column .txt) to add behind the curated places; repeatable."),
]
GazetteerOption = Annotated[
    Optional[Path], typer.Option("--gazetteer", help="Gazetteer folder (default: the bundled gazetteer/).")
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]


def _config(gazetteer: Optional[Path], geonames: Optional[list[Path]]):
    from .extract import PipelineConfig
    from .gazetteer import DEFAULT_GAZETTEER_DIR

    for path in geonames or []:
        if not path.is_file():
            raise typer.BadParameter(f"{path}: no such file", param_hint="--geonames")
    return PipelineConfig(gazetteer_dir=gazetteer or DEFAULT_GAZETTEER_DIR, geonames=tuple(geonames or ()))


def _fail(message: str, code: int = 2) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    corpus: CorpusArgument = Path("corpus"),
    out: OutOption = Path("outputs"),
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
    jobs: JobsOption = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Extract events from every document of CORPUS into OUT/<doc id>.jsonl."""
    from .errors import GazetteerError
    from .extract import extract_corpus
    from .geonames import GeonamesError

    if not corpus.is_dir():
        _fail(f"{corpus}: corpus folder does not exist")
    try:
        config = _config(gazetteer, geonames)
        report = _run_with_progress(lambda progress: extract_corpus(corpus, out, config, jobs=jobs, progress=progress), quiet)
    except (GazetteerError, GeonamesError) as error:
        _fail(f"error: {error}")
    for error in report.errors:
        typer.echo(f"error: {error}", err=True)
    if not quiet:
        typer.echo(
            f"{report.documents} documents, {report.events} events: {len(report.written)} written, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, {len(report.errors)} failed"
        )
    if report.errors:
        raise typer.Exit(1)


def _run_with_progress(run, quiet: bool):
    """Run with a rich progress bar on an interactive terminal, silently otherwise."""
    if quiet or not sys.stderr.isatty():
        return run(None)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        return run(lambda done, total: progress.update(task, completed=done, total=total))


@app.command()
def check(
    corpus: CorpusArgument = Path("corpus"),
    out: OutOption = Path("outputs"),
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """Exit non-zero, naming them, when outputs are stale, missing or orphaned."""
    from .outputs import find_stale_outputs

    problems = find_stale_outputs(corpus, out, _config(gazetteer, geonames))
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo("outputs are up to date")


@app.command()
def schema() -> None:
    """Print the JSON Schema of an event record."""
    typer.echo(json.dumps(Event.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def dates(
    text: Annotated[str, typer.Argument(help="Text to read time expressions from.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) anchoring 'yesterday', 'last week'.")] = None,
    language: Annotated[str, typer.Option(help="en or fr.")] = "en",
) -> None:
    """Print the time expressions found in TEXT, one JSON object per line."""
    from .dates import parse_date_text

    anchor = None
    if published:
        try:
            anchor = date.fromisoformat(published)
        except ValueError:
            raise typer.BadParameter(f"{published!r} is not an ISO date (YYYY-MM-DD)", param_hint="--published")
    analysis = parse_date_text(text, anchor, language)
    for expression in analysis.expressions:
        typer.echo(json.dumps(expression.model_dump(mode="json"), ensure_ascii=False))


@gazetteer_app.command("check")
def gazetteer_check(gazetteer: GazetteerOption = None) -> None:
    """Validate every gazetteer file; list each problem with file, line and entry."""
    from .gazetteer import DEFAULT_GAZETTEER_DIR, check_gazetteer

    problems = check_gazetteer(gazetteer or DEFAULT_GAZETTEER_DIR)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problems", err=True)
        raise typer.Exit(1)
    typer.echo("gazetteer is valid")


@gazetteer_app.command("suggest")
def gazetteer_suggest(
    corpus: CorpusArgument = Path("corpus"),
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
    min_count: Annotated[int, typer.Option(min=1, help="List names seen at least this often.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List names and acronyms in CORPUS that the gazetteer does not resolve, with near-misses."""
    from .extract import Pipeline
    from .suggest import SuggestSettings, suggest_entries

    pipeline = Pipeline(_config(gazetteer, geonames))
    for suggestion in suggest_entries(corpus, pipeline, SuggestSettings(min_count=min_count)):
        if as_json:
            typer.echo(json.dumps({**vars(suggestion), "kind": suggestion.kind}, ensure_ascii=False))
        else:
            near = f"  ~ {suggestion.closest!r} ({suggestion.score:g})" if suggestion.kind == "near-miss" else ""
            typer.echo(f"{suggestion.count:4d}  {suggestion.kind:9s} {suggestion.text}{near}  [{', '.join(suggestion.documents[:3])}]")


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
