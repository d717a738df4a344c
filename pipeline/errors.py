"""Error types, one per kind of failure, each naming the file, the line and what was expected."""
from __future__ import annotations

from typing import Optional

from pydantic import ValidationError


def format_validation_error(error: ValidationError) -> str:
    """Render pydantic failures as `[field -> field] message` clauses joined by '; '."""
    parts = []
    for item in error.errors():
        where = " -> ".join(str(part) for part in item["loc"])
        parts.append(f"[{where}] {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


class LocatedError(ValueError):
    """A failure in an input file: `path:line: message`."""

    def __init__(self, path: str, line: Optional[int], message: str):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class CorpusError(LocatedError):
    """A corpus file that cannot be read as a document."""


class GazetteerError(LocatedError):
    """A gazetteer file or entry that does not validate."""


class OutputError(LocatedError):
    """An output that cannot be written or does not match what the pipeline produces."""


class ExtractionError(LocatedError):
    """A document that was read but that a pipeline stage failed on (a bug to report)."""
