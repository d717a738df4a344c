"""The whole pipeline, stage after stage: reading → sentences → entities → dates → events → writing.

`Pipeline` holds the heavy objects (gazetteer, matchers), built once; `extract_corpus` runs a
corpus folder into an output folder, over several processes if asked, with outputs that are
byte-identical whatever the number of processes. These are the functions the CLI calls and a
notebook user can call directly.
"""
from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from models.document import Document, Sentence
from models.event import Event
from models.mention import EntityMention

from .cache import ExtractionCache, config_fingerprint, document_key
from .dates import DateAnalysis, normalise_dates
from .entities import EntityRecognizer
from .errors import CorpusError, ExtractionError, LocatedError
from .events import EventAssembler
from .gazetteer import DEFAULT_GAZETTEER_DIR, Gazetteer, load_gazetteer
from .geonames import LANDMARK_CLASSES, load_geonames
from .reading import document_id, list_corpus, parse_document
from .sentences import document_sentences
from .writing import AtomicBatch, output_path, serialise_events, stale_outputs


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
            landmarks: list = []
            self.gazetteer.add_places(load_geonames(path, landmark_classes=LANDMARK_CLASSES, landmarks=landmarks),
                                      origin=f"geonames:{path.name}")
            self.gazetteer.add_places(landmarks, origin=f"geonames:{path.name}:landmarks", landmarks=True)
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
    """What an extraction run did, per document id.

    `extracted` are the documents the stages ran on; the others were served from the cache.
    """

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[LocatedError] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    events: int = 0
    documents: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ParallelSettings:
    """How documents are spread over worker processes.

    chunks_per_worker: each worker is handed about this many chunks, so a slow document at the
        end of the corpus leaves little time in which a single worker runs alone.
    max_chunk: the largest chunk, whatever the corpus size.
    """

    chunks_per_worker: int = 16
    max_chunk: int = 32


DEFAULT_PARALLEL = ParallelSettings()


@dataclass
class CorpusRender:
    """The result of running a corpus in memory (see `render_corpus_detailed`).

    rendered: JSONL text by document id; errors: files that could not be read; listed: every id
    found, including failed ones (whose existing outputs must be kept); extracted: the ids the
    stages ran on (the rest came from the cache).
    """

    rendered: dict[str, str] = field(default_factory=dict)
    errors: list[LocatedError] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)


# A worker's pipeline and documents. When the caller hands over a built pipeline, workers are
# forked from it and inherit it; otherwise each worker loads the cache's snapshot (or builds the
# pipeline) itself, so that on a machine with idle cores the load runs once per core at the same
# time instead of before any worker starts. A task is just a position in the document list.
_WORKER: Optional[Pipeline] = None
_WORKER_DOCUMENTS: list[Document] = []


def _start_worker(config: PipelineConfig, cache_directory: Optional[Path], fingerprint: str,
                  languages: list[str], documents: list[Document], snapshot_claim) -> None:
    """Load or build this worker's pipeline; of workers that build it, only the first to claim
    `snapshot_claim` (a shared flag) stores the snapshot."""
    global _WORKER, _WORKER_DOCUMENTS

    def claim() -> bool:
        with snapshot_claim.get_lock():
            claimed, snapshot_claim.value = snapshot_claim.value, 1
        return not claimed

    cache = ExtractionCache(cache_directory) if cache_directory is not None else None
    _WORKER, _WORKER_DOCUMENTS = _warm_pipeline(config, cache, fingerprint, languages, may_store=claim), documents


def _extract_safely(pipeline: Pipeline, document: Document) -> tuple[str, Optional[str], str]:
    """(doc id, JSONL text, "") or, when a stage fails on the document, (doc id, None, why).

    A failure is a bug to report with the document's name, not a reason to lose the others.
    """
    try:
        return document.id, serialise_events(pipeline.extract(document)), ""
    except Exception as error:  # noqa: BLE001 - reported per document, never swallowed
        return document.id, None, f"extraction failed: {type(error).__name__}: {error}"


def _extract_in_worker(position: int) -> tuple[str, Optional[str], str]:
    return _extract_safely(_WORKER, _WORKER_DOCUMENTS[position])


def _extract_serially(pipeline: Pipeline, documents: Sequence[Document]) -> Iterator[tuple[str, Optional[str], str]]:
    for document in documents:
        yield _extract_safely(pipeline, document)


@dataclass(frozen=True)
class _WorkerSource:
    """Where workers get their pipeline: `pipeline` when built (inherited by fork), else loaded
    or built in each worker from `config` and the cache's snapshot."""

    config: PipelineConfig
    pipeline: Optional[Pipeline] = None
    cache_directory: Optional[Path] = None
    fingerprint: str = ""


def _extract_in_parallel(
    source: _WorkerSource, documents: list[Document], jobs: int, settings: ParallelSettings
) -> Iterator[tuple[str, Optional[str], str]]:
    global _WORKER, _WORKER_DOCUMENTS
    chunk = max(1, min(settings.max_chunk, len(documents) // (jobs * settings.chunks_per_worker)))
    languages = sorted({document.language for document in documents})
    if source.pipeline is not None and "fork" in multiprocessing.get_all_start_methods():
        context, initializer, initargs = multiprocessing.get_context("fork"), None, ()
        for language in languages:  # built once here rather than in every worker
            source.pipeline.recognizer(language), source.pipeline.assembler(language)
        _WORKER, _WORKER_DOCUMENTS = source.pipeline, documents
        # objects that exist before the fork are never collected in the children, so their
        # pages stay shared instead of being copied when the collector touches them
        gc.freeze()
    else:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context, initializer = multiprocessing.get_context(method), _start_worker
        initargs = (source.config, source.cache_directory, source.fingerprint, languages, documents, context.Value("b", 0))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
            yield from pool.map(_extract_in_worker, range(len(documents)), chunksize=chunk)
    finally:
        gc.unfreeze()
        _WORKER, _WORKER_DOCUMENTS = None, []


def _warm_pipeline(config: PipelineConfig, cache: Optional[ExtractionCache], fingerprint: str,
                   languages: list[str], may_store: Callable[[], bool] = lambda: True) -> Pipeline:
    """The pipeline from the cache's snapshot, or built with its matchers for `languages` and
    snapshotted (unless `may_store` says another process does it)."""
    pipeline = cache.load_pipeline(fingerprint) if cache is not None else None
    if pipeline is None:
        pipeline = Pipeline(config)
        for language in languages:
            pipeline.recognizer(language), pipeline.assembler(language)
        if cache is not None and may_store():
            cache.store_pipeline(fingerprint, pipeline)
    return pipeline


def render_corpus_detailed(
    corpus: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    jobs: int = 1,
    pipeline: Optional[Pipeline] = None,
    progress: Optional[Callable[[int, int], None]] = None,
    cache: Optional[ExtractionCache] = None,
    parallel: ParallelSettings = DEFAULT_PARALLEL,
    on_rendered: Optional[Callable[[str, str], None]] = None,
) -> CorpusRender:
    """Extract every document of `corpus` in memory, taking what it can from `cache`.

    Args:
        corpus: the corpus folder.
        config: gazetteer and GeoNames files.
        jobs: worker processes for the documents not in the cache; outputs do not depend on it.
        pipeline: an already built pipeline (built from `config` only when some document needs it).
        progress: called with (documents done, documents to extract) as extraction advances.
        cache: where outputs are looked up before and stored after extraction; None for no cache.
        parallel: how documents are spread over workers.
        on_rendered: called with (doc id, JSONL text) as soon as a document's text is ready, so
            that writing it overlaps the extraction of the others.
    """
    listing = list_corpus(corpus)
    result = CorpusRender(errors=list(listing.errors))
    fingerprint = config_fingerprint(config) if cache is not None else ""
    pending: list[Document] = []
    keys: dict[str, str] = {}
    for path in listing.files:
        doc_id = document_id(path, corpus)
        result.listed.append(doc_id)
        try:
            raw = path.read_bytes()
        except OSError as error:
            result.errors.append(CorpusError(path.as_posix(), None, f"cannot be read: {error.strerror}"))
            continue
        if cache is not None:
            keys[doc_id] = document_key(fingerprint, doc_id, raw)
            cached = cache.get(keys[doc_id])
            if cached is not None:
                result.rendered[doc_id] = cached
                if on_rendered is not None:
                    on_rendered(doc_id, cached)
                continue
        try:
            pending.append(parse_document(raw, doc_id, path.as_posix()))
        except CorpusError as error:
            result.errors.append(error)
    if pending:
        if jobs > 1 and len(pending) > 1:
            source = _WorkerSource(config, pipeline, cache.directory if cache is not None else None, fingerprint)
            outputs = _extract_in_parallel(source, pending, jobs, parallel)
        else:
            pipeline = pipeline or _warm_pipeline(config, cache, fingerprint, sorted({document.language for document in pending}))
            outputs = _extract_serially(pipeline, pending)
        paths = {document.id: document.path for document in pending}
        for done, (doc_id, text, failure) in enumerate(outputs, start=1):
            if text is None:
                result.errors.append(ExtractionError(paths[doc_id], None, failure))
                continue
            result.rendered[doc_id] = text
            result.extracted.append(doc_id)
            if on_rendered is not None:
                on_rendered(doc_id, text)
            if cache is not None:
                cache.put(keys[doc_id], text)
            if progress is not None:
                progress(done, len(pending))
    result.rendered = {doc_id: result.rendered[doc_id] for doc_id in sorted(result.rendered)}
    return result


def render_corpus(
    corpus: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    jobs: int = 1,
    pipeline: Optional[Pipeline] = None,
    progress: Optional[Callable[[int, int], None]] = None,
    cache: Optional[ExtractionCache] = None,
) -> tuple[dict[str, str], list[CorpusError], list[str]]:
    """Extract every document of `corpus` in memory.

    Returns:
        (JSONL text by document id, errors for files that could not be read, every id listed —
        including failed ones, whose existing outputs must be kept).
    """
    result = render_corpus_detailed(corpus, config, jobs=jobs, pipeline=pipeline, progress=progress, cache=cache)
    return result.rendered, result.errors, result.listed


def extract_corpus(
    corpus: Path,
    out_dir: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    jobs: int = 1,
    progress: Optional[Callable[[int, int], None]] = None,
    cache: Optional[ExtractionCache] = None,
    pipeline: Optional[Pipeline] = None,
) -> RunReport:
    """Extract `corpus` into `out_dir`: one JSONL file per document.

    A document that fails to read is reported and its existing output kept untouched; the
    outputs of documents no longer in the corpus are removed; unchanged outputs are not
    rewritten. With a `cache`, only documents whose content (or whose gazetteer or pipeline
    version) changed since they were last extracted run through the stages.
    """
    with AtomicBatch() as batch:
        staged = set()

        def stage(doc_id: str, text: str) -> None:
            if batch.stage(output_path(out_dir, doc_id), text):
                staged.add(doc_id)

        result = render_corpus_detailed(corpus, config, jobs=jobs, progress=progress, cache=cache, pipeline=pipeline,
                                        on_rendered=stage)
    report = RunReport(errors=result.errors, documents=len(result.rendered), extracted=result.extracted)
    for doc_id, text in result.rendered.items():
        report.events += text.count("\n")
        (report.written if doc_id in staged else report.unchanged).append(doc_id)
    if corpus.is_dir():
        for path in stale_outputs(out_dir, result.listed):
            path.unlink()
            report.removed.append(path.relative_to(out_dir).with_suffix("").as_posix())
    return report


def analyse_text(text: str, pipeline: Pipeline, doc_id: str = "text", published=None, language: str = "en") -> DocumentAnalysis:
    """Analyse a string as a document (for notebooks and quick checks)."""
    document = parse_document(text, doc_id).model_copy(update={"published": published, "language": language})
    return pipeline.analyse(document)


def iter_output_ids(out_dir: Path) -> Sequence[str]:
    """The document ids that have an output file under `out_dir`."""
    return sorted(path.relative_to(out_dir).with_suffix("").as_posix() for path in out_dir.rglob("*.jsonl"))
