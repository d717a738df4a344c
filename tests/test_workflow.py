"""The README's walkthrough, step by step through the real command line in a fresh git repository:
add → extract → diff → commit → check → add again → extract only the new article → diff → review."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import FIXTURES

GAZETTEER = str(FIXTURES / "workflow" / "gazetteer")
ARTICLES = FIXTURES / "workflow" / "articles"


def sahel_events(*arguments: str, code: int = 0):
    result = CliRunner().invoke(app, [*map(str, arguments), *(["--gazetteer", GAZETTEER] if arguments[0] in ("extract", "check", "review") else [])])
    assert result.exit_code == code, result.output
    return result


def git(*arguments: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.org", *arguments],
                          capture_output=True, text=True, check=True).stdout


def test_workflow_readme_walkthrough(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git("init", "-q")

    added = sahel_events("add", ARTICLES / "kidal-raid.html")
    first = Path("corpus/2012-01-20_rebels-raid-army-post-near-kidal.txt")
    assert added.stdout.endswith(f"-> {first.as_posix()}\n") and first.is_file()

    assert "(1 extracted, 0 from cache)" in sahel_events("extract").stdout
    diff = sahel_events("diff").stdout.splitlines()
    assert diff[0].startswith("outputs/2012-01-20_rebels-raid-army-post-near-kidal.jsonl (added document")
    assert diff[-1].startswith("1 documents differ from HEAD: ")

    git("add", "corpus", "outputs")
    git("commit", "-q", "-m", "First article")
    assert sahel_events("check").stdout == "outputs are up to date\n"

    refused = sahel_events("add", ARTICLES / "gao-clash.txt", code=1)
    assert "give them with --title TEXT, --source NAME, --published YYYY-MM-DD" in refused.stderr
    sahel_events("add", ARTICLES / "gao-clash.txt", "--title", "Clash near Gao", "--source", "Test Wire", "--published", "2013-03-04")
    stale = sahel_events("check", code=1)
    assert stale.stderr == ("missing: outputs/2013-03-04_clash-near-gao.jsonl has no events yet for document "
                            "2013-03-04_clash-near-gao (run `sahel-events extract`)\n")

    untouched = (Path("outputs") / f"{first.stem}.jsonl").stat().st_mtime_ns
    extracted = sahel_events("extract").stdout
    # `check` has just extracted the new article into the cache, so nothing runs again
    assert "1 written, 1 unchanged" in extracted and extracted.endswith("(0 extracted, 2 from cache)\n")
    assert (Path("outputs") / f"{first.stem}.jsonl").stat().st_mtime_ns == untouched

    changes = json.loads(sahel_events("diff", "--json").stdout)
    assert [(doc["doc_id"], doc["status"]) for doc in changes["documents"]] == [("2013-03-04_clash-near-gao", "added")]
    assert changes["counts"]["added"] >= 1
    sahel_events("check")

    git("add", "corpus", "outputs")
    git("commit", "-q", "-m", "Second article")
    assert sahel_events("diff", "--exit-code").stdout == "no event differs from HEAD\n"
    assert git("status", "--porcelain") == ""  # the cache ignores itself

    reviewed = sahel_events("review").stdout
    assert reviewed == "2 pages written, 0 unchanged; open review/index.html\n"
    index = Path("review/index.html").read_text(encoding="utf-8")
    assert 'href="documents/2013-03-04_clash-near-gao.html"' in index and '<svg id="map"' in index
