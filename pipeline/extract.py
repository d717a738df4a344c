"""The whole pipeline, stage after stage: reading → sentences → entities → dates → events → writing.

`Pipeline` holds the heavy objects (gazetteer, matchers), built once; `extract_corpus` runs a
corpus folder into an output folder, over several processes if asked, with outputs that are
byte-identical whatever the number of processes. These are the functions the CLI calls and a
notebook user can call directly.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from models.document import Document, Sentence
from models.event import Event
from models.mention import EntityMention

from .dates import DateAnalysis, normalise_dates
from .entities import EntityRecognizer
from .errors import CorpusError
from .events import EventAssembler
from .gazetteer import DEFAULT_GAZETTEER_DIR, Gazetteer, load_gazetteer
from .geonames import load_geonames
from .reading import list_corpus, read_document
from .sentences import document_sentences
from .writing import output_path, serialise_events, stale_outputs, write_atomic


@dataclass(frozen=True)
class PipelineConfig:
    """What a run depends on besides the corpus.

    gazetteer_dir: folder of `actors.yaml`, `places.yaml`, `triggers.yaml`, `cues.yaml`.
    geonames: GeoNames country dumps whose places are added behind the curated ones.
    """

    gazetteer_dir: Path = DEFAULT_GAZETTEER_DIR
    geonames: tuple[Path, ...] = ()


@dataclass
class DocumentAnalysis:
    """Everything the stages found in one document, for review and debugging."""

    document: Document
    sentences: list[Sentence]
    mentions: list[EntityMention]
    dates: DateAnalysis
    events: list[Event]


class Pipeline:
    """The stages, built once from a configuration; call `analyse` or `extract` per document."""

    def __init__(self, config: PipelineConfig = PipelineConfig(), gazetteer: Optional[Gazetteer] = None):
        self.config = config
        self.gazetteer = gazetteer or load_gazetteer(config.gazetteer_dir)
        for path in config.geonames:
            self.gazetteer.add_places(load_geonames(path), origin=f"geonames:{path.name}")
        self._recognizers: dict[str, EntityRecognizer] = {}
        self._assemblers: dict[str, EventAssembler] = {}

    def recognizer(self, language: str) -> EntityRecognizer:
        if language not in self._recognizers:
            self._recognizers[language] = EntityRecognizer(self.gazetteer, language=language)
        return self._recognizers[language]

    def assembler(self, language: str) -> EventAssembler:
        if language not in self._assemblers:
            self._assemblers[language] = EventAssembler(
                self.gazetteer, language=language, gazetteer_dir=self.config.gazetteer_dir
            )
        return self._assemblers[language]

    def analyse(self, document: Document) -> DocumentAnalysis:
        """Run every stage on one document."""
        sentences = document_sentences(document)
        mentions = self.recognizer(document.language)(document, sentences)
        dates = normalise_dates(document.body, sentences, document.published, document.language)
        events = self.assembler(document.language)(document, sentences, mentions, dates)
        return DocumentAnalysis(document, sentences, mentions, dates, events)

    def extract(self, document: Document) -> list[Event]:
        """The events of one document, in document order."""
        return self.analyse(document).events


@dataclass
class RunReport:
    """What an extraction run did, per document id."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)
    events: int = 0
    documents: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


_WORKER: Optional[Pipeline] = None


def _start_worker(config: PipelineConfig) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _render_in_worker(task: tuple[str, str]) -> Union[tuple[str, str, int], CorpusError]:
    path, corpus = task
    return _render_file(_WORKER, Path(path), Path(corpus))


def _render_file(pipeline: Pipeline, path: Path, corpus: Path) -> Union[tuple[str, str, int], CorpusError]:
    try:
        document = read_document(path, corpus)
    except CorpusError as error:
        return error
    events = pipeline.extract(document)
    return document.id, serialise_events(events), len(events)


def render_corpus(
    corpus: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    jobs: int = 1,
    pipeline: Optional[Pipeline] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> tuple[dict[str, str], list[CorpusError], list[str]]:
    """Extract every document of `corpus` in memory.

    Returns:
        (JSONL text by document id, errors for files that could not be read, every id listed —
        including failed ones, whose existing outputs must be kept).
    """
    listing = list_corpus(corpus)
    errors = list(listing.errors)
    rendered: dict[str, str] = {}
    listed = [path.relative_to(corpus).with_suffix("").as_posix() for path in listing.files]
    results: Iterable
    if jobs > 1 and len(listing.files) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(config,)) as pool:
            tasks = [(str(path), str(corpus)) for path in listing.files]
            results = list(_with_progress(pool.map(_render_in_worker, tasks, chunksize=8), len(tasks), progress))
    else:
        pipeline = pipeline or Pipeline(config)
        results = _with_progress(
            (_render_file(pipeline, path, corpus) for path in listing.files), len(listing.files), progress
        )
    for result in results:
        if isinstance(result, CorpusError):
            errors.append(result)
        else:
            doc_id, text, _count = result
            rendered[doc_id] = text
    return rendered, errors, listed


def _with_progress(results: Iterable, total: int, progress: Optional[Callable[[int, int], None]]):
    for done, result in enumerate(results, start=1):
        if progress is not None:
            progress(done, total)
        yield result


def extract_corpus(
    corpus: Path,
    out_dir: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    jobs: int = 1,
    progress: Optional[Callable[[int, int], None]] = None,
) -> RunReport:
    """Extract `corpus` into `out_dir`: one JSONL file per document.

    A document that fails to read is reported and its existing output kept untouched; the
    outputs of documents no longer in the corpus are removed; unchanged outputs are not
    rewritten.
    """
    rendered, errors, listed = render_corpus(corpus, config, jobs=jobs, progress=progress)
    report = RunReport(errors=errors, documents=len(rendered))
    for doc_id in sorted(rendered):
        text = rendered[doc_id]
        report.events += text.count("\n")
        if write_atomic(output_path(out_dir, doc_id), text):
            report.written.append(doc_id)
        else:
            report.unchanged.append(doc_id)
    if corpus.is_dir():
        for path in stale_outputs(out_dir, listed):
            path.unlink()
            report.removed.append(path.relative_to(out_dir).with_suffix("").as_posix())
    return report


def analyse_text(text: str, pipeline: Pipeline, doc_id: str = "text", published=None, language: str = "en") -> DocumentAnalysis:
    """Analyse a string as a document (for notebooks and quick checks)."""
    document = Document(id=doc_id, path="<text>", body=text, published=published, language=language)
    return pipeline.analyse(document)


def iter_output_ids(out_dir: Path) -> Sequence[str]:
    """The document ids that have an output file under `out_dir`."""
    return sorted(path.relative_to(out_dir).with_suffix("").as_posix() for path in out_dir.rglob("*.jsonl"))
