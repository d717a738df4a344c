"""A semantic diff of `outputs/` between a git revision and the working tree (`sahel-events diff`).

Events are matched by their stable id; events whose id changed because their sentence was
edited are matched again by trigger and evidence text. A matched pair is compared field by
field: nested records give dotted paths (`date.start`, `location.name`), a record that appears
or disappears whole is one change (`date: {...} -> (none)`), actors are keyed by their role
(`actors[actor2].name`) so that adding one actor does not shift the others, and other lists are
compared whole. The result is rendered for a terminal or as JSON for tools.
"""
from __future__ import annotations

import json
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from .errors import LocatedError, OutputError
from .writing import OUTPUT_SUFFIX

Record = dict[str, Any]


class DiffError(LocatedError):
    """A revision or repository the diff cannot read."""


@dataclass(frozen=True)
class FieldChange:
    """One field of an event that differs: its dotted path, old and new value (None when absent)."""

    path: str
    old: Any
    new: Any


@dataclass
class EventChange:
    """An event present on both sides whose fields differ."""

    id: str
    old_id: str
    label: str
    fields: list[FieldChange]


@dataclass
class DocumentDiff:
    """What changed in one document's output: `status` is added, removed or changed."""

    doc_id: str
    path: str
    status: str
    added: list[Record] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    changed: list[EventChange] = field(default_factory=list)


@dataclass
class OutputDiff:
    """The diff of an output folder between `revision` and the working tree, by document id."""

    revision: str
    documents: list[DocumentDiff] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Documents changed and events added, removed and changed in all."""
        return {
            "documents": len(self.documents),
            "added": sum(len(doc.added) for doc in self.documents),
            "removed": sum(len(doc.removed) for doc in self.documents),
            "changed": sum(len(doc.changed) for doc in self.documents),
        }


def parse_jsonl(text: str, where: str) -> list[Record]:
    """The records of a JSONL output.

    Raises:
        OutputError: naming `where:line` for a line that is not a JSON object.
    """
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise OutputError(where, number, f"not valid JSON: {error.msg} (column {error.colno})") from None
        if not isinstance(record, dict):
            raise OutputError(where, number, f"expected an event object, got {type(record).__name__}")
        records.append(record)
    return records


def read_output_tree(out_dir: Path) -> dict[str, list[Record]]:
    """The events of every `*.jsonl` under `out_dir`, by document id (empty when it does not exist)."""
    if not out_dir.is_dir():
        return {}
    return {
        path.relative_to(out_dir).with_suffix("").as_posix(): parse_jsonl(path.read_text(encoding="utf-8"), path.as_posix())
        for path in sorted(out_dir.rglob(f"*{OUTPUT_SUFFIX}"))
        if not any(part.startswith(".") for part in path.relative_to(out_dir).parts)
    }


def _git(arguments: list[str], cwd: Path, stdin: Optional[bytes] = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], cwd=cwd, input=stdin, capture_output=True, check=False)


def _repository_root(out_dir: Path) -> Path:
    start = next((folder for folder in (out_dir, *out_dir.resolve().parents) if folder.is_dir()), Path.cwd())
    found = _git(["rev-parse", "--show-toplevel"], start)
    if found.returncode != 0:
        raise DiffError(out_dir.as_posix(), None, "is not inside a git repository; `diff` compares outputs with a revision")
    return Path(found.stdout.decode().strip()).resolve()


def read_output_revision(out_dir: Path, revision: str = "HEAD") -> dict[str, list[Record]]:
    """The events of the outputs under `out_dir` as committed at `revision`, by document id.

    A repository without any commit yet has no outputs at HEAD (everything is added).

    Raises:
        DiffError: when `out_dir` is not in a git repository or `revision` names no commit.
    """
    root = _repository_root(out_dir)
    folder = out_dir.resolve().relative_to(root).as_posix()
    if _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).returncode != 0:
        if revision == "HEAD" and _git(["rev-parse", "--verify", "--quiet", "HEAD"], root).returncode != 0:
            return {}
        raise DiffError(root.as_posix(), None, f"{revision!r} names no commit of this repository (try HEAD, HEAD~1, a branch or a tag)")
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", revision, "--", folder], root)
    if listing.returncode != 0:
        raise DiffError(root.as_posix(), None, f"cannot list {folder} at {revision}: {listing.stderr.decode().strip()}")
    blobs: list[tuple[str, str]] = []
    for entry in listing.stdout.decode("utf-8").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        relative = Path(path).relative_to(folder) if folder != "." else Path(path)
        if meta.split()[1] == "blob" and path.endswith(OUTPUT_SUFFIX) and not any(part.startswith(".") for part in relative.parts):
            blobs.append((relative.with_suffix("").as_posix(), meta.split()[2]))
    if not blobs:
        return {}
    batch = _git(["cat-file", "--batch"], root, "".join(f"{sha}\n" for _doc, sha in blobs).encode())
    data, position, outputs = batch.stdout, 0, {}
    for doc_id, _sha in blobs:
        header_end = data.index(b"\n", position)
        size = int(data[position:header_end].split()[2])
        content = data[header_end + 1:header_end + 1 + size]
        position = header_end + 1 + size + 1
        outputs[doc_id] = parse_jsonl(content.decode("utf-8"), f"{revision}:{folder}/{doc_id}{OUTPUT_SUFFIX}")
    return outputs


def _by_role(actors: list) -> Optional[dict[str, Any]]:
    """Actors keyed by role ("actor2", "assoc_actor_1#2" for a second one), or None for another list."""
    if not all(isinstance(item, dict) and "role" in item for item in actors):
        return None
    keyed: dict[str, Any] = {}
    for item in actors:
        key, number = item["role"], 1
        while key in keyed:
            number += 1
            key = f"{item['role']}#{number}"
        keyed[key] = {name: value for name, value in item.items() if name != "role"}
    return keyed


def _compare(old: Any, new: Any, path: str, changes: list[FieldChange]) -> None:
    if isinstance(old, list) and isinstance(new, list) and old != new:
        old_roles, new_roles = _by_role(old), _by_role(new)
        if old_roles is not None and new_roles is not None:
            for role in list(new_roles) + [role for role in old_roles if role not in new_roles]:
                _compare(old_roles.get(role), new_roles.get(role), f"{path}[{role}]", changes)
            return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(new) + [key for key in old if key not in new]:
            _compare(old.get(key), new.get(key), f"{path}.{key}" if path else key, changes)
    elif old != new:
        changes.append(FieldChange(path, old, new))


def compare_events(old: Record, new: Record) -> list[FieldChange]:
    """The fields in which two versions of an event differ, in the new event's field order.

    A record that appears or disappears whole (a date, a location, an actor) is one change.
    """
    changes: list[FieldChange] = []
    _compare({k: v for k, v in old.items() if k != "id"}, {k: v for k, v in new.items() if k != "id"}, "", changes)
    return changes


def event_label(record: Record) -> str:
    """A one-line summary: type / sub-type, date, place."""
    parts = [f"{record.get('event_type', '?')} / {record.get('sub_event_type', '?')}"]
    if record.get("date"):
        parts.append(str(record["date"].get("start")))
    if record.get("location"):
        parts.append(str(record["location"].get("name")))
    return "  ".join(parts)


def _rematch_key(record: Record) -> tuple:
    return (record.get("trigger"), " ".join(str((record.get("evidence") or {}).get("text", "")).split()))


def diff_documents(doc_id: str, path: str, old: list[Record], new: list[Record]) -> Optional[DocumentDiff]:
    """The diff of one document's events, or None when they are the same."""
    status = "added" if not old and new else "removed" if old and not new else "changed"
    result = DocumentDiff(doc_id, path, status)
    old_by_id = {record.get("id"): record for record in old}
    new_ids = {record.get("id") for record in new}
    unmatched_old = [record for record in old if record.get("id") not in new_ids]
    pairs: list[tuple[Record, Record]] = []
    unmatched_new: list[Record] = []
    for record in new:
        if record.get("id") in old_by_id:
            pairs.append((old_by_id[record.get("id")], record))
        else:
            unmatched_new.append(record)
    leftover_new = []
    for record in unmatched_new:
        twin = next((candidate for candidate in unmatched_old if _rematch_key(candidate) == _rematch_key(record)), None)
        if twin is None:
            leftover_new.append(record)
        else:
            unmatched_old.remove(twin)
            pairs.append((twin, record))
    result.added, result.removed = leftover_new, unmatched_old
    for before, after in pairs:
        changes = compare_events(before, after)
        if changes or before.get("id") != after.get("id"):
            result.changed.append(EventChange(str(after.get("id")), str(before.get("id")), event_label(after), changes))
    if not (result.added or result.removed or result.changed):
        return None
    return result


def diff_outputs(old: dict[str, list[Record]], new: dict[str, list[Record]], revision: str, out_dir: Path) -> OutputDiff:
    """The diff of two output sets (document id -> events), documents in id order."""
    diff = OutputDiff(revision)
    for doc_id in sorted(set(old) | set(new)):
        path = (out_dir / f"{doc_id}{OUTPUT_SUFFIX}").as_posix()
        document = diff_documents(doc_id, path, old.get(doc_id, []), new.get(doc_id, []))
        if document is not None:
            diff.documents.append(document)
    return diff


def diff_output_folder(out_dir: Path, revision: str = "HEAD") -> OutputDiff:
    """The semantic diff of `out_dir` between `revision` and the working tree."""
    return diff_outputs(read_output_revision(out_dir, revision), read_output_tree(out_dir), revision, out_dir)


def diff_as_json(diff: OutputDiff) -> dict[str, Any]:
    """The diff as plain data (for `--json`): revision, counts, and per document the events."""
    return {"revision": diff.revision, "counts": diff.counts(), "documents": [asdict(document) for document in diff.documents]}


_COLOURS = {"+": "\x1b[32m", "-": "\x1b[31m", "~": "\x1b[33m", "title": "\x1b[1m", "end": "\x1b[0m"}


def _value(value: Any) -> str:
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False)


def format_diff(diff: OutputDiff, colour: bool = False) -> list[str]:
    """The diff as terminal lines, one block per document, with a closing summary line."""

    def paint(kind: str, text: str) -> str:
        return f"{_COLOURS[kind]}{text}{_COLOURS['end']}" if colour else text

    lines: list[str] = []
    for document in diff.documents:
        counts = f"{len(document.added)} added, {len(document.removed)} removed, {len(document.changed)} changed"
        lines.append(paint("title", f"{document.path} ({document.status} document {document.doc_id}): {counts}"))
        for sign, records in (("+", document.added), ("-", document.removed)):
            for record in records:
                lines.append(paint(sign, f"  {sign} {record.get('id')}  {event_label(record)}"))
                lines.append(f"      {_value((record.get('evidence') or {}).get('text'))}")
        for change in document.changed:
            renamed = f" (was {change.old_id})" if change.old_id != change.id else ""
            lines.append(paint("~", f"  ~ {change.id}{renamed}  {change.label}"))
            for item in change.fields:
                lines.append(f"      {item.path}: {_value(item.old)} -> {_value(item.new)}")
    counts = diff.counts()
    if counts["documents"]:
        lines.append(
            f"{counts['documents']} documents differ from {diff.revision}: {counts['added']} events added, "
            f"{counts['removed']} removed, {counts['changed']} changed"
        )
    else:
        lines.append(f"no event differs from {diff.revision}")
    return lines
