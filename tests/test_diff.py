"""The semantic diff of outputs between a git revision and the working tree."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.diffing import (
    DiffError,
    diff_as_json,
    diff_documents,
    diff_output_folder,
    compare_events,
    format_diff,
    parse_jsonl,
    read_output_revision,
)
from pipeline.errors import OutputError


def event(event_id: str, **changes) -> dict:
    record = {
        "id": event_id, "doc_id": "doc", "event_type": "Battles", "sub_event_type": "Armed clash",
        "date": {"start": "2012-01-17", "end": "2012-01-17", "precision": "day", "text": "17 January 2012", "source": "sentence"},
        "actors": [{"id": "mnla", "name": "MNLA", "role": "actor1"}, {"id": "fama", "name": "FAMa", "role": "actor2"}],
        "location": {"id": "aguelhok", "name": "Aguelhok", "lat": 19.46, "lon": 0.86},
        "fatalities": None, "evidence": {"text": f"Sentence of {event_id}.", "start": 0, "end": 10},
        "trigger": "attacked", "status": "asserted", "confidence": 0.9, "rules": ["trigger:attack"],
    }
    record.update(changes)
    return record


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def git(repo: Path, *arguments: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
                          cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture()
def repo(tmp_path) -> Path:
    git(tmp_path, "init", "-q")
    return tmp_path


def test_diff_compare_events_keys_actors_by_role_and_keeps_other_lists_whole():
    old = event("e1", actors=[{"id": "a", "role": "actor1"}, {"id": "b", "role": "assoc_actor_1"}])
    new = event("e1", actors=[{"id": "a", "role": "actor1"}, {"id": "b", "role": "assoc_actor_1"},
                              {"id": "c", "role": "assoc_actor_1"}], rules=["trigger:attack", "date"])
    assert [(change.path, change.old, change.new) for change in compare_events(old, new)] == [
        ("actors[assoc_actor_1#2]", None, {"id": "c"}), ("rules", ["trigger:attack"], ["trigger:attack", "date"]),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ([event("e1")], [event("e1")], None),
        ([], [event("e1")], ("added", 1, 0, [])),
        ([event("e1")], [], ("removed", 0, 1, [])),
        ([event("e1")], [event("e1", date=None)],
         ("changed", 0, 0, [["date"]])),
        ([event("e1")], [event("e1", fatalities={"min": 3, "max": 3})], ("changed", 0, 0, [["fatalities"]])),
        ([event("e1")], [event("e1", location={"id": "gao", "name": "Gao", "lat": 19.46, "lon": 0.86})],
         ("changed", 0, 0, [["location.id", "location.name"]])),
        ([event("e1")], [event("e1", actors=[{"id": "mnla", "name": "MNLA", "role": "actor1"}])],
         ("changed", 0, 0, [["actors[actor2]"]])),
        ([event("e1"), event("e2")], [event("e2"), event("e3")], ("changed", 1, 1, [])),
    ],
)
def test_diff_documents_added_removed_changed(old, new, expected):
    result = diff_documents("doc", "outputs/doc.jsonl", old, new)
    if expected is None:
        assert result is None
        return
    status, added, removed, fields = expected
    assert (result.status, len(result.added), len(result.removed)) == (status, added, removed)
    assert [[change.path for change in item.fields] for item in result.changed] == fields


def test_diff_event_whose_id_changed_is_matched_by_trigger_and_evidence():
    old = event("old-id", evidence={"text": "Same words.", "start": 0, "end": 11})
    new = event("new-id", evidence={"text": "Same  words.", "start": 40, "end": 52}, confidence=0.75)
    result = diff_documents("doc", "outputs/doc.jsonl", [old], [new])
    [change] = result.changed
    assert (change.id, change.old_id) == ("new-id", "old-id")
    assert [(item.path, item.old, item.new) for item in change.fields] == [
        ("evidence.text", "Same words.", "Same  words."), ("evidence.start", 0, 40), ("evidence.end", 11, 52),
        ("confidence", 0.9, 0.75),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [("{broken\n", "where.jsonl:1: not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
     ('{"id": 1}\n\n[1]\n', "where.jsonl:3: expected an event object, got list")],
)
def test_diff_parse_jsonl_names_file_and_line(text, message):
    with pytest.raises(OutputError) as caught:
        parse_jsonl(text, "where.jsonl")
    assert str(caught.value) == message


def test_diff_against_head_in_a_repository(repo):
    out = repo / "outputs"
    (out / "sub").mkdir(parents=True)
    (out / "a.jsonl").write_text(jsonl(event("a1"), event("a2")), encoding="utf-8")
    (out / "sub" / "b.jsonl").write_text(jsonl(event("b1")), encoding="utf-8")
    (out / "gone.jsonl").write_text(jsonl(event("g1")), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "outputs")
    assert read_output_revision(out)["sub/b"][0]["id"] == "b1"
    (out / "a.jsonl").write_text(jsonl(event("a1", location=None), event("a3")), encoding="utf-8")
    (out / "gone.jsonl").unlink()
    (out / "new.jsonl").write_text(jsonl(event("n1")), encoding="utf-8")
    result = diff_output_folder(out)
    assert [(doc.doc_id, doc.status) for doc in result.documents] == [("a", "changed"), ("gone", "removed"), ("new", "added")]
    assert result.counts() == {"documents": 3, "added": 2, "removed": 2, "changed": 1}
    lines = format_diff(result)
    assert lines[0] == f"{out.as_posix()}/a.jsonl (changed document a): 1 added, 1 removed, 1 changed"
    assert "  ~ a1  Battles / Armed clash  2012-01-17" in lines
    assert '      location: {"id": "aguelhok", "name": "Aguelhok", "lat": 19.46, "lon": 0.86} -> (none)' in lines
    assert lines[-1] == "3 documents differ from HEAD: 2 events added, 2 removed, 1 changed"
    data = json.loads(json.dumps(diff_as_json(result)))
    assert data["documents"][0]["changed"][0]["fields"][0] == {
        "path": "location", "old": {"id": "aguelhok", "name": "Aguelhok", "lat": 19.46, "lon": 0.86}, "new": None}


def test_diff_older_revision_and_colour(repo):
    out = repo / "outputs"
    out.mkdir()
    (out / "a.jsonl").write_text(jsonl(event("a1")), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    (out / "a.jsonl").write_text(jsonl(event("a1"), event("a2")), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "two")
    result = diff_output_folder(out, "HEAD~1")
    assert result.counts()["added"] == 1
    assert format_diff(result, colour=True)[1].startswith("\x1b[32m  + a2")


def test_diff_repository_without_commits_shows_everything_added(repo):
    (repo / "outputs").mkdir()
    (repo / "outputs" / "a.jsonl").write_text(jsonl(event("a1")), encoding="utf-8")
    assert diff_output_folder(repo / "outputs").counts() == {"documents": 1, "added": 1, "removed": 0, "changed": 0}


def test_diff_unknown_revision_is_named(repo):
    (repo / "f").write_text("x", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    with pytest.raises(DiffError) as caught:
        diff_output_folder(repo / "outputs", "nope")
    assert str(caught.value) == f"{repo.resolve().as_posix()}: 'nope' names no commit of this repository (try HEAD, HEAD~1, a branch or a tag)"


def test_diff_outside_a_repository_is_refused(tmp_path):
    with pytest.raises(DiffError, match="is not inside a git repository"):
        diff_output_folder(tmp_path / "outputs")


def test_diff_no_difference_says_so(repo):
    assert format_diff(diff_output_folder(repo / "outputs")) == ["no event differs from HEAD"]
