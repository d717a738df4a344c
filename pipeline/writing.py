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


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` through a temporary file and a rename.

    Returns:
        True when the file was written, False when it already held exactly `text`.
    """
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def stale_outputs(out_dir: Path, doc_ids: Iterable[str]) -> list[Path]:
    """Output files under `out_dir` that belong to no document of the corpus any more."""
    if not out_dir.is_dir():
        return []
    expected = {output_path(out_dir, doc_id).resolve() for doc_id in doc_ids}
    return sorted(
        path for path in out_dir.rglob(f"*{OUTPUT_SUFFIX}") if path.is_file() and path.resolve() not in expected
    )
