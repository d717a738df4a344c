"""Running a corpus: the same bytes whatever the number of processes, bad files reported by name."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cache import ExtractionCache
from pipeline.extract import Pipeline, PipelineConfig, extract_corpus, render_corpus, render_corpus_detailed

from .conftest import FIXTURES

CONFIG = PipelineConfig(gazetteer_dir=FIXTURES / "workflow" / "gazetteer")
SENTENCES = (
    "MNLA fighters attacked the Malian army in Aguelhok on 17 January 2012.",
    "The MNLA clashed with the Malian army near Gao on 3 March 2013.",
    "Villagers fled to Kidal after MNLA fighters attacked them on 5 May 2014.",
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(CONFIG)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    for number in range(12):
        path = folder / ("nested" if number % 4 == 0 else "") / f"doc{number:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{SENTENCES[number % 3]}\nReport number {number}.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [2, 3])
def test_extract_jobs_give_byte_identical_outputs(corpus, pipeline, jobs):
    serial = render_corpus_detailed(corpus, CONFIG, jobs=1, pipeline=pipeline)
    parallel = render_corpus_detailed(corpus, CONFIG, jobs=jobs, pipeline=pipeline)
    assert parallel.rendered == serial.rendered
    assert list(parallel.rendered) == sorted(parallel.rendered)
    assert parallel.extracted == serial.extracted and len(serial.extracted) == 12
    assert sum(text.count("\n") for text in serial.rendered.values()) >= 12


def test_extract_progress_counts_every_extracted_document(corpus, pipeline):
    calls = []
    render_corpus_detailed(corpus, CONFIG, jobs=2, pipeline=pipeline, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(done, 12) for done in range(1, 13)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.txt", b"\xff\xfe broken", "corpus/bad.txt:1: invalid UTF-8 at byte 0"),
        ("empty.txt", b"  \n", "corpus/empty.txt: file is empty"),
        ("open.md", b"---\ntitle: x\nno end\n", "corpus/open.md:1: front matter opened with '---' is never closed"),
    ],
)
def test_extract_bad_file_is_named_while_the_rest_runs(corpus, tmp_path, pipeline, monkeypatch, name, content, message):
    monkeypatch.chdir(tmp_path)
    out = Path("outputs")
    (out / "bad.jsonl").parent.mkdir(parents=True)
    kept = out / f"{Path(name).stem}.jsonl"
    kept.write_text("kept\n", encoding="utf-8")
    (corpus / name).write_bytes(content)
    report = extract_corpus(Path("corpus"), out, CONFIG, jobs=2, pipeline=pipeline)
    assert [str(error) for error in report.errors][0].startswith(message)
    assert report.documents == 12 and not report.ok
    assert kept.read_text(encoding="utf-8") == "kept\n"


def test_extract_render_corpus_keeps_its_tuple_interface(corpus, pipeline):
    rendered, errors, listed = render_corpus(corpus, CONFIG, pipeline=pipeline)
    assert errors == [] and listed == sorted(listed) and sorted(rendered) == sorted(listed)
    assert "nested/doc00" in listed


def test_extract_removes_outputs_of_documents_gone(corpus, tmp_path, pipeline):
    out = tmp_path / "outputs"
    extract_corpus(corpus, out, CONFIG, pipeline=pipeline)
    (corpus / "doc01.txt").unlink()
    report = extract_corpus(corpus, out, CONFIG, pipeline=pipeline)
    assert report.removed == ["doc01"] and not (out / "doc01.jsonl").exists()
    assert report.written == [] and len(report.unchanged) == 11


class _FailsOnOneDocument(Pipeline):
    """A pipeline with a stage bug that only one document triggers."""

    def extract(self, document):
        if "Report number 5." in document.body:
            raise ValueError("boom in a stage")
        return super().extract(document)


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_stage_failure_is_named_and_the_rest_is_written(corpus, tmp_path, jobs):
    out = tmp_path / "outputs"
    report = extract_corpus(corpus, out, CONFIG, jobs=jobs, pipeline=_FailsOnOneDocument(CONFIG))
    assert [str(error) for error in report.errors] == [
        f"{(corpus / 'doc05.txt').as_posix()}: extraction failed: ValueError: boom in a stage"
    ]
    assert report.documents == 11 and not report.ok
    assert not (out / "doc05.jsonl").exists() and (out / "doc06.jsonl").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_interrupted_run_leaves_outputs_and_no_temporary_file(corpus, tmp_path, pipeline, jobs):
    out = tmp_path / "outputs"
    extract_corpus(corpus, out, CONFIG, pipeline=pipeline)
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    for path in corpus.rglob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "MNLA fighters attacked Kidal.\n", encoding="utf-8")

    def interrupt(done: int, _total: int) -> None:
        if done == 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_corpus(corpus, out, CONFIG, pipeline=pipeline, jobs=jobs, progress=interrupt)
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before


def test_extract_workers_load_their_own_pipeline_with_identical_outputs(corpus, pipeline, tmp_path, monkeypatch):
    serial = render_corpus_detailed(corpus, CONFIG, jobs=1, pipeline=pipeline)
    cache = ExtractionCache(tmp_path / "cache")
    built = render_corpus_detailed(corpus, CONFIG, jobs=2, cache=cache)
    assert built.rendered == serial.rendered and len(built.extracted) == 12
    assert len(list((tmp_path / "cache" / "pipelines").glob("*.pickle"))) == 1
    cache.close()
    (tmp_path / "cache" / "outputs.sqlite").unlink()

    def no_build(*_arguments, **_settings):
        raise AssertionError("a worker built the pipeline instead of loading the snapshot")

    monkeypatch.setattr(Pipeline, "__init__", no_build)  # forked workers inherit the patch
    loaded = render_corpus_detailed(corpus, CONFIG, jobs=2, cache=ExtractionCache(tmp_path / "cache"))
    assert loaded.rendered == serial.rendered and len(loaded.extracted) == 12
