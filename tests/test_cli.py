"""The command line, driven through the real app: arguments in, the pipeline's results and exit codes out."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import FIXTURES
from .test_evaluation_acled import write_acled_csv

GAZETTEER = str(FIXTURES / "workflow" / "gazetteer")
ARTICLES = FIXTURES / "workflow" / "articles"
runner = CliRunner()


def run(*arguments: str):
    return runner.invoke(app, [str(argument) for argument in arguments])


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("MNLA fighters attacked the Malian army in Aguelhok on 17 January 2012.\n",
                                               encoding="utf-8")
    (tmp_path / "corpus" / "b.txt").write_text("The MNLA clashed with the Malian army near Gao on 3 March 2013.\n", encoding="utf-8")
    return tmp_path


def test_cli_extract_then_again_from_cache(project):
    first = run("extract", "--gazetteer", GAZETTEER)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("2 documents, ") and first.stdout.endswith("(2 extracted, 0 from cache)\n")
    second = run("extract", "--gazetteer", GAZETTEER)
    assert "0 written, 2 unchanged" in second.stdout and second.stdout.endswith("(0 extracted, 2 from cache)\n")
    assert (project / ".sahel-cache" / ".gitignore").is_file()
    assert run("extract", "--gazetteer", GAZETTEER, "--no-cache", "--jobs", "2").stdout.endswith("(2 extracted, 0 from cache)\n")


def test_cli_extract_bad_file_exit_1_and_others_written(project):
    (project / "corpus" / "bad.txt").write_bytes(b"\xff")
    result = run("extract", "--gazetteer", GAZETTEER, "--quiet")
    assert result.exit_code == 1
    assert result.stderr == f"error: corpus/bad.txt:1: invalid UTF-8 at byte 0 (b'\\xff'); save the file as UTF-8\n"
    assert sorted(path.name for path in (project / "outputs").iterdir()) == ["a.jsonl", "b.jsonl"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["extract", "nowhere"], "nowhere: corpus folder does not exist"),
        (["extract", "--gazetteer", "missing"], "error: missing/actors.yaml: gazetteer file is missing"),
        (["review", "nowhere"], "nowhere: corpus folder does not exist"),
    ],
)
def test_cli_usage_errors_exit_2(project, arguments, message):
    result = run(*arguments)
    assert result.exit_code == 2 and result.stderr.strip() == message


def test_cli_check_names_missing_stale_and_orphaned_outputs(project):
    result = run("check", "--gazetteer", GAZETTEER)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"missing: outputs/{doc}.jsonl has no events yet for document {doc} (run `sahel-events extract`)" for doc in ("a", "b")
    ]
    run("extract", "--gazetteer", GAZETTEER)
    assert run("check", "--gazetteer", GAZETTEER).stdout == "outputs are up to date\n"
    (project / "outputs" / "a.jsonl").write_text("", encoding="utf-8")
    (project / "outputs" / "old.jsonl").write_text("", encoding="utf-8")
    result = run("check", "--gazetteer", GAZETTEER)
    assert result.exit_code == 1 and result.stderr.splitlines() == [
        "stale: outputs/a.jsonl differs from a fresh extraction of document a",
        "orphaned: outputs/old.jsonl belongs to no document of corpus",
    ]
    assert run("check", "--gazetteer", GAZETTEER, "--no-cache").exit_code == 1


def test_cli_add_reports_each_file(project):
    result = run("add", ARTICLES / "kidal-raid.html", ARTICLES / "undated.html", ARTICLES / "kidal-raid.html")
    assert result.exit_code == 1
    assert result.stdout == f"added {(ARTICLES / 'kidal-raid.html').as_posix()} -> corpus/2012-01-20_rebels-raid-army-post-near-kidal.txt\n"
    assert result.stderr.splitlines() == [
        f"error: {(ARTICLES / 'undated.html').as_posix()}: the page does not state source, published; give them with "
        "--source NAME, --published YYYY-MM-DD",
        f"error: {(ARTICLES / 'kidal-raid.html').as_posix()}: is already in the corpus as document "
        "'2012-01-20_rebels-raid-army-post-near-kidal' (same text)",
    ]
    added = run("add", ARTICLES / "undated.html", "--source", "Radio", "--published", "2012-02-01", "--language", "en")
    assert added.exit_code == 0 and added.stdout.endswith("corpus/2012-02-01_clashes-reported-in-the-north.txt\n")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--published", "1 May", "'1 May' is not an ISO date (YYYY-MM-DD)"), ("--language", "de", "'de' is not a supported language")],
)
def test_cli_add_bad_option_value(project, option, value, message):
    result = run("add", ARTICLES / "gao-clash.txt", option, value)
    assert result.exit_code == 2 and message in result.output


def test_cli_add_near_duplicate_warns_on_stderr(project, tmp_path):
    run("add", ARTICLES / "kidal-raid.html")
    copy = tmp_path / "copy.html"
    copy.write_text((ARTICLES / "kidal-raid.html").read_text(encoding="utf-8").replace("Sahel Wire", "Desert Post")
                    .replace("</article>", "<p>Follow our live coverage of the Sahel for more.</p></article>"), encoding="utf-8")
    result = run("add", copy)
    assert result.exit_code == 0
    assert result.stderr == ("warning: corpus/2012-01-20_rebels-raid-army-post-near-kidal-2.txt shares 100% of its text with "
                             "document '2012-01-20_rebels-raid-army-post-near-kidal': the same story from another site?\n")


def test_cli_diff_outside_git_and_bad_output(project):
    result = run("diff")
    assert result.exit_code == 2 and "is not inside a git repository" in result.stderr


@pytest.mark.parametrize("export_format", ["acled-csv", "csv", "geojson"])
def test_cli_export_formats(project, export_format):
    run("extract", "--gazetteer", GAZETTEER)
    result = run("export", "--format", export_format, "--gazetteer", GAZETTEER)
    assert result.exit_code == 0, result.output
    if export_format == "geojson":
        assert json.loads(result.stdout)["type"] == "FeatureCollection"
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert len(rows) == 2 and ("event_id_cnty" in rows[0]) == (export_format == "acled-csv")
    written = run("export", "--format", export_format, "--gazetteer", GAZETTEER, "--output", "events.out")
    assert written.stderr == "wrote events.out\n" and (project / "events.out").read_text(encoding="utf-8") == result.stdout


def test_cli_export_unknown_format(project):
    result = run("export", "--format", "xlsx")
    assert result.exit_code == 2 and "'xlsx' is not a format" in result.output


def test_cli_review_writes_index(project):
    result = run("review", "--gazetteer", GAZETTEER)
    assert result.exit_code == 0 and result.stdout == "2 pages written, 0 unchanged; open review/index.html\n"
    assert run("review", "--gazetteer", GAZETTEER).stdout == "0 pages written, 2 unchanged; open review/index.html\n"


def test_cli_evaluate_prints_the_figures(project):
    acled_csv = write_acled_csv(project / "acled.csv")
    result = run("evaluate", "--acled", acled_csv, "--gazetteer", GAZETTEER, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["notes"] == 4
    table = run("evaluate", "--acled", acled_csv, "--gazetteer", GAZETTEER, "--limit", "2")
    assert table.stdout.splitlines()[0] == "notes                2"


def test_cli_evaluate_bad_csv(project):
    (project / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("evaluate", "--acled", "x.csv")
    assert result.exit_code == 2 and result.stderr.startswith("error: x.csv:1: lacks the ACLED columns event_id_cnty,")


def test_cli_bench_prints_its_figures(project):
    result = run("bench", "corpus", "--documents", "4", "--gazetteer", GAZETTEER)
    assert result.exit_code == 0, result.output
    assert [line.split("  ")[0] for line in result.stdout.splitlines()] == [
        "documents", "words", "jobs", "full run", "words per second", "documents per s", "one added article",
        "pipeline build", "peak memory",
    ]
    assert result.stdout.startswith("documents          4\n")


def test_cli_schema_still_prints_the_event_schema():
    assert json.loads(run("schema").stdout)["title"] == "Event"


def test_cli_pre_commit_hook_runs_the_check_command():
    import yaml

    from .conftest import REPO

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *arguments = hook["entry"].split()
    assert (hook["id"], program, hook["pass_filenames"]) == ("sahel-events-check", "sahel-events", False)
    assert run(*arguments, "--help").exit_code == 0
