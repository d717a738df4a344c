"""Adding articles to the corpus (`sahel-events add`): text, Markdown or saved web pages in, corpus files out.

A saved page's main text is taken out with trafilatura, which also finds its title, site,
address and publication date where the page states them. Every article is written as UTF-8 text
with YAML front matter in a fixed key order, under a readable name built from its date and title,
and is read back with the corpus reader before it is kept, so what `add` writes always extracts.
An article whose text is already in the corpus is refused; one whose text mostly is (the same
story from another site) is added with a warning naming the look-alike.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from .errors import CorpusError, LocatedError
from .gazetteer import fold_text
from .reading import decode_text, list_corpus, parse_document, read_document, split_front_matter
from .writing import write_atomic


class ArticleError(LocatedError):
    """An article that cannot be added: unreadable, missing a required field, or a duplicate."""


@dataclass(frozen=True)
class AddSettings:
    """Tunables of `add_articles`.

    required_fields: front matter every added article must have, found in the file or given.
    near_duplicate_share: an article sharing at least this share of its word shingles with a
        corpus document (counted on the shorter of the two) is reported as a near-duplicate.
    near_duplicate_min_shared: and shares at least this many shingles, so that a short note
        quoted inside a long article is not taken for a copy of it.
    shingle_words: words per shingle when comparing texts.
    html_suffixes / text_suffixes: file endings read as saved web pages / as text articles.
    max_name_chars: the longest title slug in a new file name.
    min_page_words: a page whose main text is shorter than this holds no article (only menus or
        a cookie notice were found).
    """

    required_fields: tuple[str, ...] = ("title", "source", "published")
    near_duplicate_share: float = 0.8
    near_duplicate_min_shared: int = 20
    shingle_words: int = 5
    html_suffixes: tuple[str, ...] = (".html", ".htm")
    text_suffixes: tuple[str, ...] = (".txt", ".md")
    max_name_chars: int = 60
    min_page_words: int = 8


DEFAULT_SETTINGS = AddSettings()

FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "source", "url", "published", "language")
# how to give each field on the command line, for messages about missing ones
FIELD_HINTS = {
    "title": "--title TEXT",
    "source": "--source NAME",
    "url": "--url URL",
    "published": "--published YYYY-MM-DD",
    "language": "--language en|fr",
}


@dataclass(frozen=True)
class ArticleMetadata:
    """Front matter given by the user; a field set here wins over what the file says."""

    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    language: Optional[str] = None


@dataclass
class Article:
    """An article ready to be written: its front matter (in `FRONT_MATTER_KEYS` order) and body."""

    path: Path
    front: dict[str, object]
    body: str

    def text(self) -> str:
        """The corpus file: front matter between `---` lines, then the body with a final newline."""
        lines = ["---"]
        for key in FRONT_MATTER_KEYS:
            value = self.front.get(key)
            if value is None:
                continue
            shown = value.isoformat() if isinstance(value, date) else json.dumps(str(value), ensure_ascii=False)
            lines.append(f"{key}: {shown}")
        lines.append("---")
        return "\n".join(lines) + "\n" + self.body.strip("\n") + "\n"


@dataclass(frozen=True)
class NearDuplicate:
    """A corpus document that shares most of an added article's text."""

    doc_id: str
    share: float


@dataclass
class AddedArticle:
    """One article written to the corpus."""

    source: Path
    written: Path
    doc_id: str
    near_duplicates: list[NearDuplicate] = field(default_factory=list)


@dataclass
class AddReport:
    """What `add_articles` did: articles written, and the files refused with why."""

    added: list[AddedArticle] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)


def extract_html(raw: bytes, path: str, settings: AddSettings = DEFAULT_SETTINGS) -> tuple[dict[str, object], str]:
    """The metadata a saved page states (title, source, url, published, language) and its main text.

    Raises:
        ArticleError: when no article text can be found in the page.
    """
    import lxml.html
    import trafilatura

    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    text = (found.text or "").strip() if found is not None else ""
    if len(text.split()) < settings.min_page_words:
        raise ArticleError(path, None, f"no article text found in the page ({len(text.split())} words of main text; "
                                       f"at least {settings.min_page_words} expected): is it a saved article page?")
    title = (found.title or "").strip() or None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    try:
        language = (lxml.html.fromstring(raw).get("lang") or "").split("-")[0].lower() or None
    except (ValueError, lxml.etree.ParserError):
        language = None
    front = {
        "title": title,
        "source": (found.sitename or found.hostname or "").strip() or None,
        "url": (found.url or "").strip() or None,
        "published": _parse_date(found.date),
        "language": language if language in ("en", "fr") else None,
    }
    return front, "\n".join(lines)


def _parse_date(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_article(path: Path, given: ArticleMetadata = ArticleMetadata(), settings: AddSettings = DEFAULT_SETTINGS) -> Article:
    """Read a .txt, .md or saved .html article and complete its front matter with `given`.

    Raises:
        ArticleError: naming the file (and line) when it cannot be read, has unusable front
            matter, or lacks a required field that `given` does not supply.
    """
    shown = path.as_posix()
    suffix = path.suffix.lower()
    if suffix not in settings.html_suffixes + settings.text_suffixes:
        allowed = ", ".join(settings.text_suffixes + settings.html_suffixes)
        raise ArticleError(shown, None, f"cannot add a {suffix or 'suffix-less'} file; expected one of {allowed}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(shown, None, f"cannot be read: {error.strerror}") from None
    try:
        if suffix in settings.html_suffixes:
            front, body = extract_html(raw, shown, settings)
        else:
            header, body, _line = split_front_matter(decode_text(raw, shown), shown)
            front = header.model_dump()
    except CorpusError as error:
        raise ArticleError(error.path, error.line, error.message) from None
    for key, value in vars(given).items():
        if value is not None:
            front[key] = value
    missing = [key for key in settings.required_fields if not front.get(key)]
    if missing:
        hints = ", ".join(FIELD_HINTS[key] for key in missing)
        found_in = "the page does not state" if suffix in settings.html_suffixes else "the file's front matter lacks"
        raise ArticleError(shown, None, f"{found_in} {', '.join(missing)}; give {'it' if len(missing) == 1 else 'them'} with {hints}")
    return Article(path, {key: front.get(key) for key in FRONT_MATTER_KEYS}, body)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold_text(text).lower())


def text_digest(body: str) -> str:
    """A digest of a body's words, blind to case, accents, punctuation and line breaks."""
    return hashlib.sha256(" ".join(_words(body)).encode()).hexdigest()


def shingles(body: str, size: int) -> frozenset[str]:
    """The set of `size`-word runs of a body (its words, when it is shorter than that)."""
    words = _words(body)
    if len(words) <= size:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[start:start + size]) for start in range(len(words) - size + 1))


def shared_share(first: frozenset[str], second: frozenset[str]) -> float:
    """The share of the smaller shingle set found in the other (1.0: one text contains the other)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def article_file_name(article: Article, settings: AddSettings = DEFAULT_SETTINGS) -> str:
    """A readable file stem: the publication date and a slug of the title ("2024-03-05_attack-in-mali")."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold_text(str(article.front.get("title") or "article")).lower()).strip("-")
    slug = slug[:settings.max_name_chars].rstrip("-") or "article"
    published = article.front.get("published")
    return f"{published.isoformat()}_{slug}" if isinstance(published, date) else slug


@dataclass
class _CorpusText:
    doc_id: str
    digest: str
    shingles: frozenset[str]


def _corpus_texts(corpus: Path, settings: AddSettings) -> list[_CorpusText]:
    texts = []
    for path in list_corpus(corpus).files:
        try:
            document = read_document(path, corpus)
        except CorpusError:
            continue  # a broken corpus file is `extract`'s to report, not a reason to refuse additions
        texts.append(_CorpusText(document.id, text_digest(document.body), shingles(document.body, settings.shingle_words)))
    return texts


def add_articles(
    paths: Sequence[Path],
    corpus: Path,
    given: ArticleMetadata = ArticleMetadata(),
    settings: AddSettings = DEFAULT_SETTINGS,
) -> AddReport:
    """Write each article of `paths` into `corpus` with front matter.

    A file that cannot be added is reported in `errors` (naming it) while the others are still
    added. An exact duplicate of a corpus document (or of an article added just before) is
    refused; a near-duplicate is added and listed in `near_duplicates`.

    Args:
        paths: .txt, .md or saved .html files.
        corpus: the corpus folder (created if missing).
        given: front matter that wins over what the files state (e.g. a date a page lacks).
        settings: tunables.
    """
    report = AddReport()
    known = _corpus_texts(corpus, settings) if corpus.is_dir() else []
    for path in paths:
        try:
            article = read_article(path, given, settings)
            digest = text_digest(article.body)
            same = next((text for text in known if text.digest == digest), None)
            if same is not None:
                raise ArticleError(path.as_posix(), None, f"is already in the corpus as document {same.doc_id!r} (same text)")
            article_shingles = shingles(article.body, settings.shingle_words)
            near = sorted(
                (NearDuplicate(text.doc_id, round(shared_share(article_shingles, text.shingles), 2)) for text in known
                 if len(article_shingles & text.shingles) >= settings.near_duplicate_min_shared
                 and shared_share(article_shingles, text.shingles) >= settings.near_duplicate_share),
                key=lambda item: (-item.share, item.doc_id),
            )
            target = _free_path(corpus, article_file_name(article, settings), ".md" if path.suffix.lower() == ".md" else ".txt")
            text = article.text()
            doc_id = target.relative_to(corpus).with_suffix("").as_posix()
            try:
                parse_document(text, doc_id, target.as_posix())
            except CorpusError as error:
                raise ArticleError(path.as_posix(), None, f"would not read back as a corpus document: {error.message}") from None
            write_atomic(target, text)
        except ArticleError as error:
            report.errors.append(error)
            continue
        known.append(_CorpusText(doc_id, digest, article_shingles))
        report.added.append(AddedArticle(path, target, doc_id, near))
    return report


def _free_path(corpus: Path, stem: str, suffix: str) -> Path:
    """`corpus/stem.suffix`, or `stem-2`, `stem-3`… when that id is taken by another file."""
    taken = {path.with_suffix("").name for path in corpus.glob(f"{stem}*")} if corpus.is_dir() else set()
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return corpus / f"{candidate}{suffix}"

