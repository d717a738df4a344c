"""The `sahel-events` command line: a thin shell over the pipeline's functions."""
from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from models.event import Event

from .cache import DEFAULT_CACHE_DIR

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
CacheOption = Annotated[
    Path, typer.Option("--cache", help="Folder of the extraction cache (keyed by document, gazetteer and pipeline version).")
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Extract every document afresh, reading and writing no cache.")]


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
    cache: CacheOption = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Extract events from every document of CORPUS into OUT/<doc id>.jsonl.

    Only documents that changed since the last run (or whose gazetteer or pipeline changed) are
    extracted again; outputs whose content is unchanged are not touched.
    """
    from .extract import extract_corpus

    if not corpus.is_dir():
        _fail(f"{corpus}: corpus folder does not exist")
    config = _config(gazetteer, geonames)
    report = _with_data_errors(lambda: _run_with_progress(
        lambda progress: extract_corpus(corpus, out, config, jobs=jobs, progress=progress, cache=_cache(cache, no_cache)),
        quiet,
    ))
    for error in report.errors:
        typer.echo(f"error: {error}", err=True)
    if not quiet:
        typer.echo(
            f"{report.documents} documents, {report.events} events: {len(report.written)} written, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, {len(report.errors)} failed "
            f"({len(report.extracted)} extracted, {report.documents - len(report.extracted)} from cache)"
        )
    if report.errors:
        raise typer.Exit(1)


def _cache(folder: Path, disabled: bool):
    from .cache import ExtractionCache

    return None if disabled else ExtractionCache(folder)


def _with_data_errors(run):
    """Run, turning a broken gazetteer or GeoNames file into a message and exit status 2."""
    from .errors import GazetteerError
    from .geonames import GeonamesError

    try:
        return run()
    except (GazetteerError, GeonamesError) as error:
        _fail(f"error: {error}")


# documents to extract before a progress bar is worth drawing, and the least time between redraws
PROGRESS_MIN_DOCUMENTS = 20
PROGRESS_REDRAW_SECONDS = 0.1


def _run_with_progress(run, quiet: bool):
    """Run with a rich progress bar on an interactive terminal for long runs, silently otherwise."""
    if quiet or not sys.stderr.isatty():
        return run(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # no refresh thread: extraction forks worker processes, and a fork must not copy a thread
    # that may hold the console's lock
    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, auto_refresh=False,
    ) as progress:
        task = progress.add_task("extracting", total=None, visible=False)
        last_redraw = [0.0]

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, visible=total >= PROGRESS_MIN_DOCUMENTS)
            if done == total or time.monotonic() - last_redraw[0] >= PROGRESS_REDRAW_SECONDS:
                last_redraw[0] = time.monotonic()
                progress.refresh()

        return run(advance)


@app.command()
def check(
    corpus: CorpusArgument = Path("corpus"),
    out: OutOption = Path("outputs"),
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
    cache: CacheOption = DEFAULT_CACHE_DIR,
    no_cache: NoCacheOption = False,
) -> None:
    """Exit non-zero, naming them, when outputs are stale, missing or orphaned (for CI and pre-commit)."""
    from .outputs import find_stale_outputs

    config = _config(gazetteer, geonames)
    problems = _with_data_errors(lambda: find_stale_outputs(corpus, out, config, cache=_cache(cache, no_cache)))
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


@app.command()
def add(
    paths: Annotated[list[Path], typer.Argument(help="Articles to add: .txt, .md or saved .html pages.")],
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus folder the articles are written to.")] = Path("corpus"),
    title: Annotated[Optional[str], typer.Option(help="Title, when the file does not state it (or to replace it).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Publisher or site, e.g. 'Reuters'.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Address of the original article.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    language: Annotated[Optional[str], typer.Option(help="en or fr.")] = None,
) -> None:
    """Add articles to CORPUS with front matter; refuse exact duplicates, warn on near-duplicates.

    Main text, title, site, address and date of a saved web page are read from the page; a
    required field the file does not state must be given as an option.
    """
    from .adding import ArticleMetadata, add_articles

    if language is not None and language not in ("en", "fr"):
        raise typer.BadParameter(f"{language!r} is not a supported language; one of: en, fr", param_hint="--language")
    given = ArticleMetadata(title=title, source=source, url=url, published=_iso_date(published, "--published"), language=language)
    report = add_articles(paths, corpus, given)
    for added in report.added:
        typer.echo(f"added {added.source.as_posix()} -> {added.written.as_posix()}")
        for near in added.near_duplicates:
            typer.echo(f"warning: {added.written.as_posix()} shares {near.share:.0%} of its text with document "
                       f"{near.doc_id!r}: the same story from another site?", err=True)
    for error in report.errors:
        typer.echo(f"error: {error}", err=True)
    if report.errors:
        raise typer.Exit(1)


def _iso_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option) from None


@app.command()
def diff(
    revision: Annotated[str, typer.Argument(help="Git revision to compare with.")] = "HEAD",
    out: OutOption = Path("outputs"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document for tools.")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when some event differs.")] = False,
) -> None:
    """Show what changed in OUT's events between REVISION (default HEAD) and the working tree.

    Events added, removed and changed field by field, per document.
    """
    from .diffing import DiffError, diff_as_json, diff_output_folder, format_diff
    from .errors import OutputError

    try:
        result = diff_output_folder(out, revision)
    except (DiffError, OutputError) as error:
        _fail(f"error: {error}")
    if as_json:
        typer.echo(json.dumps(diff_as_json(result), ensure_ascii=False, indent=1))
    else:
        for line in format_diff(result, colour=sys.stdout.isatty()):
            typer.echo(line)
    if exit_code and result.documents:
        raise typer.Exit(1)


@app.command()
def review(
    corpus: CorpusArgument = Path("corpus"),
    report: Annotated[Path, typer.Option("--report", help="Folder the HTML pages are written to.")] = Path("review"),
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """Write a static HTML page per document (highlighted text, events table, map) and an index."""
    from .review import write_review

    if not corpus.is_dir():
        _fail(f"{corpus}: corpus folder does not exist")
    config = _config(gazetteer, geonames)
    result = _with_data_errors(lambda: write_review(corpus, report, config))
    for error in result.errors:
        typer.echo(f"error: {error}", err=True)
    typer.echo(f"{len(result.written)} pages written, {len(result.unchanged)} unchanged; open {result.index.as_posix()}")
    if result.errors:
        raise typer.Exit(1)


@app.command()
def export(
    export_format: Annotated[str, typer.Option("--format", "-f", help="acled-csv, csv or geojson.")],
    out: OutOption = Path("outputs"),
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus whose front matter gives the ACLED `source` column.")] = Path("corpus"),
    output: Annotated[Optional[Path], typer.Option("--output", help="File to write (default: standard output).")] = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """Export the events of OUT as ACLED-compatible CSV, flat CSV or GeoJSON (for QGIS)."""
    from .errors import OutputError
    from .export import FORMATS, export_events, read_events

    if export_format not in FORMATS:
        raise typer.BadParameter(f"{export_format!r} is not a format; one of: {', '.join(FORMATS)}", param_hint="--format")
    kinds, sources = {}, {}
    if export_format == "acled-csv":
        from .gazetteer import DEFAULT_GAZETTEER_DIR, load_gazetteer
        from .reading import read_corpus

        actors = _with_data_errors(lambda: load_gazetteer(gazetteer or DEFAULT_GAZETTEER_DIR)).actors
        kinds = {actor_id: actor.kind for actor_id, actor in actors.items()}
        sources = {item.id: item.source or "" for item in read_corpus(corpus) if not isinstance(item, Exception)}
    try:
        text = export_events(read_events(out), export_format, actor_kinds=kinds, sources=sources)
    except OutputError as error:
        _fail(f"error: {error}")
    if output is None:
        typer.echo(text, nl=False)
    else:
        from .writing import write_atomic

        write_atomic(output, text)
        typer.echo(f"wrote {output.as_posix()}", err=True)


@app.command()
def evaluate(
    acled: Annotated[Path, typer.Option("--acled", help="An ACLED export (CSV) whose notes are extracted and scored.")],
    limit: Annotated[int, typer.Option(min=0, help="Score only the first N notes (0: all).")] = 0,
    jobs: JobsOption = 1,
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Extract the notes of an ACLED export and score the events against ACLED's coding."""
    from .evaluation.acled import AcledFileError, evaluate_acled

    config = _config(gazetteer, geonames)
    try:
        scores = _with_data_errors(lambda: evaluate_acled(acled, config, jobs=jobs, limit=limit))
    except AcledFileError as error:
        _fail(f"error: {error}")
    if as_json:
        typer.echo(json.dumps(scores))
    else:
        for name, value in scores.items():
            typer.echo(f"{name:20s} {value}")


@app.command()
def bench(
    corpus: Annotated[Optional[Path], typer.Argument(help="Corpus whose documents are copied into the benchmark corpus.")] = None,
    acled: Annotated[Optional[Path], typer.Option("--acled", help="Build the corpus from the notes of an ACLED export instead.")] = None,
    documents: Annotated[int, typer.Option(min=1, help="Documents in the benchmark corpus.")] = 1000,
    words_per_document: Annotated[int, typer.Option(min=0, help="Least words of a benchmark document, joining source documents (0: copy them as they are).")] = 600,
    jobs: JobsOption = 1,
    geonames: GeonamesOption = None,
    gazetteer: GazetteerOption = None,
    repeat: Annotated[int, typer.Option(min=1, help="Full runs to time, each from an empty cache; the median is reported.")] = 1,
    compare_serial: Annotated[bool, typer.Option("--compare-serial", help="Also time --jobs 1 before each full run and print the speed-up.")] = False,
) -> None:
    """Time a full extraction and the run after adding one article; print words/s, documents/s and peak memory."""
    import tempfile

    from .bench import BenchError, run_bench

    config = _config(gazetteer, geonames)
    with tempfile.TemporaryDirectory(prefix="sahel-bench-notes-") as folder:
        if acled is not None:
            from .evaluation.acled import AcledFileError, read_acled_csv, write_notes_corpus

            try:
                write_notes_corpus(read_acled_csv(acled), Path(folder))
            except AcledFileError as error:
                _fail(f"error: {error}")
            corpus = Path(folder)
        corpus = corpus or Path("corpus")
        if not corpus.is_dir():
            _fail(f"{corpus}: corpus folder does not exist")
        try:
            report = _with_data_errors(lambda: run_bench(corpus, config, documents=documents, jobs=jobs, words_per_document=words_per_document,
                                                           repeat=repeat, compare_serial=compare_serial))
        except BenchError as error:
            _fail(f"error: {error}")
    for line in report.lines():
        typer.echo(line)


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
