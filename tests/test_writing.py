"""Writing outputs: atomic, never truncating, untouched when unchanged."""
from __future__ import annotations

import os

import pytest

from pipeline import writing
from pipeline.writing import AtomicBatch, output_path, stale_outputs, write_atomic


@pytest.mark.parametrize("durable", [True, False])
def test_writing_write_atomic_writes_then_leaves_equal_content_alone(tmp_path, durable):
    path = tmp_path / "sub" / "a.jsonl"
    assert write_atomic(path, "one\n", durable=durable) is True
    before = path.stat().st_mtime_ns
    assert write_atomic(path, "one\n", durable=durable) is False
    assert path.stat().st_mtime_ns == before
    assert path.read_text(encoding="utf-8") == "one\n"
    assert [item.name for item in path.parent.iterdir()] == ["a.jsonl"]


def test_writing_written_files_are_not_private(tmp_path):
    path = tmp_path / "a.jsonl"
    write_atomic(path, "x\n")
    assert path.stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_writing_atomic_batch_writes_only_changed_files(tmp_path):
    same, changed, new = (tmp_path / name for name in ("same.jsonl", "changed.jsonl", "new.jsonl"))
    same.write_text("same\n", encoding="utf-8")
    changed.write_text("old\n", encoding="utf-8")
    untouched = same.stat().st_mtime_ns
    with AtomicBatch() as batch:
        staged = [batch.stage(same, "same\n"), batch.stage(changed, "new\n"), batch.stage(new, "fresh\n")]
        assert changed.read_text(encoding="utf-8") == "old\n"  # nothing is in place before the batch ends
    assert staged == [False, True, True] and batch.written == [changed, new]
    assert same.stat().st_mtime_ns == untouched
    assert changed.read_text(encoding="utf-8") == "new\n" and new.read_text(encoding="utf-8") == "fresh\n"


def test_writing_atomic_batch_failure_keeps_every_existing_file(tmp_path, monkeypatch):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("old a\n", encoding="utf-8")
    second.write_text("old b\n", encoding="utf-8")

    def failing_sync() -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writing.os, "sync", failing_sync)
    with pytest.raises(OSError, match="disk full"):
        with AtomicBatch() as batch:
            batch.stage(first, "new a\n"), batch.stage(second, "new b\n")
    assert first.read_text(encoding="utf-8") == "old a\n" and second.read_text(encoding="utf-8") == "old b\n"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl"]


def test_writing_stale_outputs_ignores_listed_and_temporary_files(tmp_path):
    for name in ("a.jsonl", "gone.jsonl", "sub/b.jsonl", ".a.jsonl.x1.tmp"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert stale_outputs(tmp_path, ["a", "sub/b"]) == [tmp_path / "gone.jsonl"]
    assert output_path(tmp_path, "sub/b") == tmp_path / "sub" / "b.jsonl"
