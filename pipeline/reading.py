"""Stage 1 — reading: corpus files to `Document` records, with errors that name file and line.

A document is a UTF-8 `.txt` or `.md` file anywhere under the corpus folder, optionally opening
with YAML front matter between two `---` lines. Its id is its path relative to the corpus
folder without the extension. The body is the text after the front matter in Unicode NFC form
(identical to the file for the usual composed text); every offset the pipeline writes indexes it;
reference sections and numbered footnotes are marked as excluded spans so they yield no events.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional, Union

import yaml
from pydantic import ValidationError

from models.document import DATELINE, Document, FrontMatter, TextSpan

from .errors import CorpusError, format_validation_error


@dataclass(frozen=True)
class ReadingSettings:
    """Tunables of the reader.

    suffixes: file endings read as documents.
    max_bytes: a larger file is refused (it is almost surely not an article).
    reference_headings: a line matching this (case-insensitive) opens a reference section
        that runs to the end of the document.
    footnote_line: a line matching this is a numbered footnote.
    dateline: a paragraph opening matching this is a news dateline ("BAMAKO (Reuters) -",
        "GAO, Mali —", "Bamako (AFP) -"): it tells where the story was filed, not where its events
        happened, so the names in it are no mentions; the sentence it opens is read.
    english_words, french_words: function words that tell a document's language when its front
        matter does not state it; French needs at least `language_min_words` of its own among the
        first `language_sample_words` words, and twice as many as English has ("UN peacekeeper
        injured" holds one French-looking "un").
    """

    suffixes: tuple[str, ...] = (".txt", ".md")
    max_bytes: int = 5_000_000
    reference_headings: str = (
        r"(works cited|references|bibliography|sources|notes|footnotes|endnotes|"
        r"r[ée]f[ée]rences|bibliographie|notes de bas de page)\b[^.\n]{0,40}"
    )
    footnote_line: str = r"\[\d{1,3}\]\s|\d{1,3}\)\s"
    # a place in capitals, or in any case with the agency's name in brackets; what follows it
    # before the agency ("Mali", "March 18") has no dash or full stop
    dateline: str = (
        r"(?:[A-Z][A-Z'’-]{2,}(?:[ ][A-Z][A-Z'’-]+){0,2}(?:,[^\n.—–()-]{1,30})?(?:[ ]\([^)\n]{1,30}\))?"
        r"|[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2}(?:,[^\n.—–()-]{1,30})?[ ]\([^)\n]{1,30}\))[ ]*(?:—|–|--?)[ ]+"
    )
    control_characters: str = r"[\x00-\x08\x0b\x0e-\x1f\x7f]"
    english_words: frozenset[str] = frozenset({
        "the", "of", "and", "to", "in", "was", "were", "is", "are", "by", "with", "on", "at", "from", "that", "which",
        "has", "have", "had", "their", "its", "after", "killed", "attacked"})
    french_words: frozenset[str] = frozenset({
        "le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "en", "un", "une", "est", "sont", "dans", "par",
        "pour", "sur", "avec", "qui", "que", "été", "ont", "leur", "après", "tués", "contre"})
    language_sample_words: int = 2000
    language_min_words: int = 3


DEFAULT_SETTINGS = ReadingSettings()


def _first_bad_line(raw: bytes, position: int) -> int:
    return raw.count(b"\n", 0, position) + 1


def decode_text(raw: bytes, path: str, settings: ReadingSettings = DEFAULT_SETTINGS) -> str:
    """Decode a file's bytes as UTF-8 text, refusing empty, huge, binary or mis-encoded input."""
    if len(raw) > settings.max_bytes:
        raise CorpusError(path, None, f"file is {len(raw):,} bytes; at most {settings.max_bytes:,} are read")
    if not raw.strip():
        raise CorpusError(path, None, "file is empty")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise CorpusError(path, _first_bad_line(raw, nul), "file is binary (NUL byte); expected UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(
            path,
            _first_bad_line(raw, error.start),
            f"invalid UTF-8 at byte {error.start} ({raw[error.start:error.start + 1]!r}); "
            "save the file as UTF-8",
        ) from None
    control = re.search(settings.control_characters, text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise CorpusError(path, line, f"control character {control.group()!r} in text; expected plain text")
    return text.removeprefix("\ufeff")


def split_front_matter(text: str, path: str) -> tuple[FrontMatter, str, int]:
    """Split `text` into validated front matter, body, and the 1-based line the body starts on.

    Raises:
        CorpusError: unterminated front matter, YAML that does not parse (with its line), a
            header that is not a mapping, or keys/values `FrontMatter` refuses.
    """
    if not re.match(r"---[ \t]*\r?\n", text):
        return FrontMatter(), text, 1
    closing = re.compile(r"^---[ \t]*$", re.MULTILINE)
    first_newline = text.index("\n") + 1
    end = closing.search(text, first_newline)
    if end is None:
        raise CorpusError(path, 1, "front matter opened with '---' is never closed by a '---' line")
    header = text[first_newline:end.start()]
    body_start = end.end()
    if text.startswith("\r\n", body_start):
        body_start += 2
    elif text.startswith("\n", body_start):
        body_start += 1
    body_first_line = text.count("\n", 0, body_start) + 1
    try:
        values = yaml.safe_load(header)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(error, "problem", None) or str(error)
        raise CorpusError(path, line, f"front matter is not valid YAML: {problem}") from None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise CorpusError(path, 2, f"front matter must be a mapping of keys to values, got {type(values).__name__}")
    try:
        front = FrontMatter.model_validate(values)
    except ValidationError as error:
        key = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else ""
        line = _key_line(header, key)
        allowed = ", ".join(FrontMatter.model_fields)
        raise CorpusError(
            path, line, f"front matter {format_validation_error(error)} (keys allowed: {allowed})"
        ) from None
    return front, text[body_start:], body_first_line


def _key_line(header: str, key: str) -> int:
    for number, line in enumerate(header.splitlines(), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 2


def find_excluded_spans(body: str, settings: ReadingSettings = DEFAULT_SETTINGS) -> list[TextSpan]:
    """Mark the spans of `body` that must yield no events or no mentions.

    A heading line such as "Works Cited (Harvard-style)" or "References" opens a reference
    section that runs to the end of the body; a line opening with a footnote number ("[3] …")
    is a footnote. A news dateline opening a paragraph ("BAMAKO (Reuters) - ") yields no
    mentions, and the sentence it opens is still read (see `TextSpan.blocks_events`).
    """
    spans: list[TextSpan] = []
    heading = re.compile(rf"^[ \t]*{settings.reference_headings}[ \t]*$", re.IGNORECASE | re.MULTILINE)
    section = heading.search(body)
    limit = section.start() if section else len(body)
    for line in re.finditer(rf"^[ \t]*(?:{settings.footnote_line})[^\n]*", body[:limit], re.MULTILINE):
        spans.append(TextSpan(start=line.start(), end=line.end(), reason="footnote"))
    for opening in re.finditer(rf"^[ \t]*(?:{settings.dateline})", body[:limit], re.MULTILINE):
        spans.append(TextSpan(start=opening.start(), end=opening.end(), reason=DATELINE))
    if section:
        spans.append(TextSpan(start=section.start(), end=len(body), reason="reference section"))
    return spans


def document_id(path: Path, corpus: Path) -> str:
    """The id of the document at `path`: its path under `corpus` without the extension."""
    return path.relative_to(corpus).with_suffix("").as_posix()


def read_document(
    path: Path, corpus: Optional[Path] = None, settings: ReadingSettings = DEFAULT_SETTINGS
) -> Document:
    """Read one corpus file into a `Document`.

    Args:
        path: the file.
        corpus: the corpus folder the id is relative to; defaults to the file's folder.
        settings: reader tunables.

    Raises:
        CorpusError: naming the file (and line where there is one) for any bad input.
    """
    corpus = corpus or path.parent
    shown = path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(shown, None, f"cannot be read: {error.strerror}") from None
    return parse_document(raw, document_id(path, corpus), shown, settings)


def guess_language(body: str, settings: ReadingSettings = DEFAULT_SETTINGS) -> str:
    """"fr" when the body's first words hold clearly more French function words than English ones
    ("Des hommes armés ont attaqué le poste de …"), else "en": a document's language when its
    front matter does not say."""
    words = re.findall(r"[^\W\d_]+", body.lower())[:settings.language_sample_words]
    french = sum(word in settings.french_words for word in words)
    english = sum(word in settings.english_words for word in words)
    return "fr" if french >= settings.language_min_words and french > 2 * english else "en"


def parse_document(
    raw: Union[bytes, str], doc_id: str, path: str = "<text>", settings: ReadingSettings = DEFAULT_SETTINGS
) -> Document:
    """Build a `Document` from file content (bytes or already decoded text)."""
    text = decode_text(raw.encode("utf-8") if isinstance(raw, str) else raw, path, settings)
    front, body, first_line = split_front_matter(text, path)
    # composed characters, so "Ménaka" typed with a combining accent is one letter per letter
    # and every offset the pipeline writes points into this very string
    body = unicodedata.normalize("NFC", body)
    if not body.strip():
        raise CorpusError(path, first_line, "document has front matter but no body text")
    return Document(
        id=doc_id,
        path=path,
        title=front.title,
        source=front.source,
        url=front.url,
        published=front.published,
        language=front.language or guess_language(body, settings),
        body=body,
        body_first_line=first_line,
        excluded=find_excluded_spans(body, settings),
    )


@dataclass
class CorpusListing:
    """The document files under a corpus folder, in id order, with id clashes reported."""

    files: list[Path] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)


def list_corpus(corpus: Path, settings: ReadingSettings = DEFAULT_SETTINGS) -> CorpusListing:
    """Find the document files under `corpus` (sorted by id; hidden files and folders skipped)."""
    listing = CorpusListing()
    if not corpus.is_dir():
        listing.errors.append(CorpusError(corpus.as_posix(), None, "corpus folder does not exist"))
        return listing
    seen: dict[str, Path] = {}
    candidates = sorted(
        path
        for path in corpus.rglob("*")
        if path.suffix.lower() in settings.suffixes
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(corpus).parts)
    )
    for path in sorted(candidates, key=lambda item: document_id(item, corpus)):
        doc_id = document_id(path, corpus)
        if doc_id in seen:
            listing.errors.append(
                CorpusError(path.as_posix(), None, f"has the same id {doc_id!r} as {seen[doc_id].as_posix()}")
            )
            continue
        seen[doc_id] = path
        listing.files.append(path)
    return listing


def read_corpus(
    corpus: Path, settings: ReadingSettings = DEFAULT_SETTINGS
) -> Iterator[Union[Document, CorpusError]]:
    """Yield each document of the corpus in id order, or the error that stopped it."""
    listing = list_corpus(corpus, settings)
    yield from listing.errors
    for path in listing.files:
        try:
            yield read_document(path, corpus, settings)
        except CorpusError as error:
            yield error
