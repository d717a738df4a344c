"""Stage 6 — writing: events to `OUTDIR/<doc id>.jsonl`, byte-deterministic and atomic.

One writer for every output: keys in the order the `Event` model declares them, records in
document order, `ensure_ascii=False`, one event per line with a final newline. A file is
replaced by rename after its new content is fully written, so a crash or a bad document never
truncates what is already there; a file whose content has not changed is not touched.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from functools import partial
from pathlib import Path
from typing import Iterable

import jsonlines

from models.event import Event

OUTPUT_SUFFIX = ".jsonl"

_dumps = partial(json.dumps, ensure_ascii=False)


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# temporary files are created private (0600); a written file gets the mode a plain open() gives
_NEW_FILE_MODE = _file_mode()


def serialise_events(events: Iterable[Event]) -> str:
    """The JSONL text for a document's events (empty string for none)."""
    buffer = io.StringIO()
    with jsonlines.Writer(buffer, dumps=_dumps) as writer:
        for event in events:
            writer.write(event.model_dump(mode="json"))
    return buffer.getvalue()


def output_path(out_dir: Path, doc_id: str) -> Path:
    """Where a document's events are written: its id with `.jsonl`, sub-folders kept."""
    return out_dir / f"{doc_id}{OUTPUT_SUFFIX}"


def _write_temporary(path: Path, data: bytes, durable: bool) -> str:
    """Write `data` to a new temporary file beside `path`; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, _NEW_FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def write_atomic(path: Path, text: str, *, durable: bool = True) -> bool:
    """Write `text` to `path` through a temporary file and a rename.

    Args:
        path: the file to write.
        text: its new content.
        durable: flush the data to disk before the rename (off for caches, which can be rebuilt).

    Returns:
        True when the file was written, False when it already held exactly `text`.
    """
    return write_bytes_atomic(path, text.encode("utf-8"), durable=durable)


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """`write_atomic` for bytes: True when written, False when `path` already held `data`."""
    if path.is_file() and path.read_bytes() == data:
        return False
    temporary = _write_temporary(path, data, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


class AtomicBatch:
    """Files written together: each is staged in a temporary file beside it as its text comes,
    then one `os.sync` makes them all durable (one flush instead of one per file, which would
    dominate a full run's writing) and only then are they renamed into place. Staging as texts
    come lets the writing overlap the extraction of later documents. Use it as a context
    manager: leaving it by an exception removes the temporary files and leaves every existing
    file as it was.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []
        self.written: list[Path] = []

    def stage(self, path: Path, text: str) -> bool:
        """Stage `text` for `path`; False (and nothing staged) when `path` already holds it."""
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            return False
        self._pending.append((_write_temporary(path, data, durable=False), path))
        return True

    def commit(self) -> list[Path]:
        """Flush and rename every staged file; returns the paths written, in staging order."""
        if self._pending:
            os.sync()
        for position, (temporary, path) in enumerate(self._pending):
            try:
                os.replace(temporary, path)
            except BaseException:
                del self._pending[:position]
                raise
            self.written.append(path)
        self._pending.clear()
        return self.written

    def abort(self) -> None:
        """Remove the temporary files of every file not yet renamed."""
        for temporary, _path in self._pending:
            Path(temporary).unlink(missing_ok=True)
        self._pending.clear()

    def __enter__(self) -> "AtomicBatch":
        return self

    def __exit__(self, kind, _value, _traceback) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            self.abort()


def stale_outputs(out_dir: Path, doc_ids: Iterable[str]) -> list[Path]:
    """Output files under `out_dir` that belong to no document of the corpus any more."""
    if not out_dir.is_dir():
        return []
    expected = {output_path(out_dir, doc_id) for doc_id in doc_ids}
    return sorted(path for path in out_dir.rglob(f"*{OUTPUT_SUFFIX}") if path not in expected and path.is_file())
