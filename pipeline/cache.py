"""The extraction cache: a document's JSONL output, keyed by everything it depends on.

A key is the digest of the document's id and bytes, of every gazetteer file (and GeoNames dump)
the run reads, and of the pipeline's own version: its package version, its source code and the
versions of the libraries that shape its output. Any change to one of these gives a new key, so
a cached output is always what a fresh run would write. A change to the gazetteer therefore
re-runs every document (and switching back to an earlier gazetteer finds the earlier outputs
again), while adding or editing one article re-runs that article alone.

Entries live in one SQLite table in the cache folder (`outputs.sqlite`, key → JSONL text): a
file per entry would cost a file creation per document, which on a full run of short documents
takes longer than the writes of the outputs themselves. The cache is only a shortcut, so it is
written without waiting for the disk, and a damaged database is replaced by an empty one. The
folder carries its own `.gitignore` so it is never committed.

The cache also keeps a snapshot of the built pipeline (gazetteer, GeoNames places, matchers) for
the current fingerprint, since building it costs seconds that a run extracting one article
would otherwise spend on every start.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from .gazetteer import DEFAULT_GAZETTEER_DIR
from .writing import write_atomic, write_bytes_atomic

if TYPE_CHECKING:  # pragma: no cover
    from .extract import Pipeline, PipelineConfig

DEFAULT_CACHE_DIR = Path(".sahel-cache")
PACKAGE = "sahel-events"
# libraries whose version can change what the pipeline writes
OUTPUT_SHAPING_LIBRARIES: tuple[str, ...] = ("spacy", "spacy-lookups-data", "dateparser", "rapidfuzz", "pydantic")
# files stages read from the bundled gazetteer whatever folder a run names (date words)
BUNDLED_FILES_ALWAYS_READ: tuple[str, ...] = ("time_words.yaml",)
SOURCE_FOLDERS: tuple[Path, ...] = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "models")


def _installed_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The pipeline's version for cache keys: package and library versions plus a digest of its code."""
    digest = hashlib.sha256()
    for name in (PACKAGE, *OUTPUT_SHAPING_LIBRARIES):
        digest.update(f"{name}={_installed_version(name)}\n".encode())
    for folder in SOURCE_FOLDERS:
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{_installed_version(PACKAGE)}+{digest.hexdigest()[:12]}"


def _digest_files(digest, paths: Iterable[Path]) -> None:
    for path in paths:
        digest.update(path.as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        digest.update(b"\0")


def config_fingerprint(config: "PipelineConfig") -> str:
    """A digest of the pipeline version and of every data file a run with `config` reads.

    Every YAML file of the run's gazetteer folder counts, and so do the bundled files that
    stages read whatever folder the run names (`BUNDLED_FILES_ALWAYS_READ`).
    """
    digest = hashlib.sha256(pipeline_version().encode() + b"\0")
    folder = Path(config.gazetteer_dir).resolve()
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]
    bundled = [DEFAULT_GAZETTEER_DIR.resolve() / name for name in BUNDLED_FILES_ALWAYS_READ]
    _digest_files(digest, [*files, *(path for path in bundled if path not in files)])
    _digest_files(digest, [Path(path).resolve() for path in config.geonames])
    return digest.hexdigest()


def document_key(fingerprint: str, doc_id: str, raw: bytes) -> str:
    """The cache key of one document under a run fingerprint."""
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(b"\0" + doc_id.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


@dataclass
class ExtractionCache:
    """Rendered JSONL by document key, stored in a SQLite database under `directory`."""

    directory: Path = DEFAULT_CACHE_DIR
    _connection: Optional[sqlite3.Connection] = field(default=None, init=False, repr=False, compare=False)

    @property
    def database(self) -> Path:
        return self.directory / "outputs.sqlite"

    def _connect(self, create: bool) -> Optional[sqlite3.Connection]:
        """The open database; None when it does not exist and `create` is false."""
        if self._connection is None:
            if not create and not self.database.is_file():
                return None
            self.put_marker()
            try:
                self._connection = self._open()
            except sqlite3.DatabaseError:  # not a database any more: the cache starts afresh
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.database}{suffix}").unlink(missing_ok=True)
                self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.database, isolation_level=None, timeout=30)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def get(self, key: str) -> Optional[str]:
        """The cached output for `key`, or None."""
        connection = self._connect(create=False)
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT text FROM outputs WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else row[0]

    def put(self, key: str, text: str) -> None:
        """Store `text` under `key` (a lost write only costs a later re-extraction)."""
        connection = self._connect(create=True)
        try:
            connection.execute("INSERT OR REPLACE INTO outputs (key, text) VALUES (?, ?)", (key, text))
        except sqlite3.DatabaseError:
            pass

    def close(self) -> None:
        """Close the database (it is reopened on the next use)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _snapshot_path(self, fingerprint: str) -> Path:
        return self.directory / "pipelines" / f"{fingerprint}.pickle"

    def load_pipeline(self, fingerprint: str) -> Optional["Pipeline"]:
        """The pipeline snapshot stored for `fingerprint`, or None (none stored, or unreadable)."""
        try:
            with self._snapshot_path(fingerprint).open("rb") as stream:
                return pickle.load(stream)
        except FileNotFoundError:
            return None
        # a damaged or truncated snapshot is only a lost shortcut: the caller builds the pipeline
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def store_pipeline(self, fingerprint: str, pipeline: "Pipeline") -> None:
        """Keep a snapshot of `pipeline` for `fingerprint`, replacing snapshots of other fingerprints."""
        path = self._snapshot_path(fingerprint)
        self.put_marker()
        write_bytes_atomic(path, pickle.dumps(pipeline, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        for other in path.parent.glob("*.pickle"):
            if other != path:
                other.unlink(missing_ok=True)

    def put_marker(self) -> None:
        """Create the folder with the `.gitignore` that keeps it out of git."""
        if not (self.directory / ".gitignore").is_file():
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(self.directory / ".gitignore", "# written by sahel-events: a local cache, never committed\n*\n", durable=False)
