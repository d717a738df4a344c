"""The extraction cache: keys follow every input, and extraction runs only what changed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cache import ExtractionCache, config_fingerprint, document_key, pipeline_version
from pipeline.extract import Pipeline, PipelineConfig, extract_corpus

from .conftest import FIXTURES

GAZETTEER = FIXTURES / "workflow" / "gazetteer"
DOCUMENTS = {
    "a.txt": "MNLA fighters attacked the Malian army in Aguelhok on 17 January 2012.\n",
    "b.txt": "The MNLA clashed with the Malian army near Gao on 3 March 2013.\n",
    "c.txt": "Villagers fled to Kidal.\n",
}


@pytest.fixture()
def gazetteer(tmp_path) -> Path:
    folder = tmp_path / "gazetteer"
    shutil.copytree(GAZETTEER, folder)
    return folder


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_cache_pipeline_version_names_package_and_code():
    assert pipeline_version().startswith("0.") and "+" in pipeline_version()


@pytest.mark.parametrize("edit", ["actors.yaml", "triggers.yaml", "cues.yaml", "new.yaml"])
def test_cache_fingerprint_follows_every_gazetteer_file(gazetteer, edit):
    before = config_fingerprint(PipelineConfig(gazetteer_dir=gazetteer))
    with (gazetteer / edit).open("a", encoding="utf-8") as stream:
        stream.write("\n# edited\n")
    assert config_fingerprint(PipelineConfig(gazetteer_dir=gazetteer)) != before


def test_cache_fingerprint_follows_geonames_content(gazetteer, tmp_path):
    dump = tmp_path / "ML.txt"
    dump.write_text("1\tKidal\n", encoding="utf-8")
    config = PipelineConfig(gazetteer_dir=gazetteer, geonames=(dump,))
    before = config_fingerprint(config)
    assert before != config_fingerprint(PipelineConfig(gazetteer_dir=gazetteer))
    dump.write_text("1\tGao\n", encoding="utf-8")
    assert config_fingerprint(config) != before


@pytest.mark.parametrize(
    "other", [("fingerprint-2", "a", b"text"), ("fingerprint", "b", b"text"), ("fingerprint", "a", b"text!")]
)
def test_cache_document_key_follows_fingerprint_id_and_bytes(other):
    assert document_key("fingerprint", "a", b"text") == document_key("fingerprint", "a", b"text")
    assert document_key(*other) != document_key("fingerprint", "a", b"text")


def test_cache_store_round_trips_and_ignores_itself_in_git(tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, "{}\n")
    assert cache.get("ab" * 32) == "{}\n"
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.fixture()
def run(corpus, gazetteer, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    out = tmp_path / "outputs"

    def extract(config: PipelineConfig = None):
        return extract_corpus(corpus, out, config or PipelineConfig(gazetteer_dir=gazetteer), cache=cache)

    return extract


def test_cache_second_run_extracts_nothing_and_touches_no_output(run, tmp_path):
    first = run()
    assert first.extracted == ["a", "b", "c"]
    stamps = {path: path.stat().st_mtime_ns for path in (tmp_path / "outputs").iterdir()}
    second = run()
    assert second.extracted == [] and second.written == [] and second.unchanged == ["a", "b", "c"]
    assert {path: path.stat().st_mtime_ns for path in (tmp_path / "outputs").iterdir()} == stamps


def test_cache_adding_one_document_extracts_only_it(run, corpus):
    run()
    (corpus / "d.txt").write_text("MNLA fighters attacked Kidal on 2 February 2012.\n", encoding="utf-8")
    report = run()
    assert report.extracted == ["d"] and report.written == ["d"]


def test_cache_editing_a_document_extracts_only_it(run, corpus):
    run()
    (corpus / "b.txt").write_text(DOCUMENTS["b.txt"] + "MNLA fighters attacked Kidal.\n", encoding="utf-8")
    assert run().extracted == ["b"]


def test_cache_gazetteer_change_reruns_every_document_and_matches_a_fresh_run(run, gazetteer, corpus, tmp_path):
    run()
    with (gazetteer / "places.yaml").open("a", encoding="utf-8") as stream:
        stream.write("- id: tessalit-camp\n  name: Amachach\n  kind: site\n  country: Mali\n  admin1: Kidal\n"
                     "  lat: 20.1\n  lon: 1.0\n")
    (corpus / "c.txt").write_text("MNLA fighters attacked the Malian army at Amachach on 2 February 2012.\n", encoding="utf-8")
    report = run()
    assert report.extracted == ["a", "b", "c"]
    fresh = tmp_path / "fresh"
    extract_corpus(corpus, fresh, PipelineConfig(gazetteer_dir=gazetteer), pipeline=Pipeline(PipelineConfig(gazetteer_dir=gazetteer)))
    for name in ("a", "b", "c"):
        assert (tmp_path / "outputs" / f"{name}.jsonl").read_bytes() == (fresh / f"{name}.jsonl").read_bytes()
    assert "Amachach" in (fresh / "c.jsonl").read_text(encoding="utf-8")


def test_cache_reverting_the_gazetteer_finds_the_earlier_outputs(run, gazetteer):
    run()
    original = (gazetteer / "cues.yaml").read_text(encoding="utf-8")
    (gazetteer / "cues.yaml").write_text(original + "\n# edited\n", encoding="utf-8")
    assert run().extracted == ["a", "b", "c"]
    (gazetteer / "cues.yaml").write_text(original, encoding="utf-8")
    assert run().extracted == []


def test_cache_a_tampered_output_is_restored_from_the_cache(run, tmp_path):
    run()
    (tmp_path / "outputs" / "a.jsonl").write_text("broken\n", encoding="utf-8")
    report = run()
    assert report.extracted == [] and report.written == ["a"]
    assert (tmp_path / "outputs" / "a.jsonl").read_text(encoding="utf-8").startswith('{"id": "a#')


def test_cache_pipeline_snapshot_spares_the_next_run_its_build(run, corpus, tmp_path, monkeypatch):
    run()
    assert len(list((tmp_path / "cache" / "pipelines").glob("*.pickle"))) == 1

    def no_build(*_arguments, **_settings):
        raise AssertionError("the pipeline was built again")

    monkeypatch.setattr(Pipeline, "__init__", no_build)
    (corpus / "d.txt").write_text("MNLA fighters attacked Kidal on 2 February 2012.\n", encoding="utf-8")
    assert run().extracted == ["d"]


def test_cache_damaged_pipeline_snapshot_is_rebuilt(run, corpus, tmp_path):
    run()
    [snapshot] = (tmp_path / "cache" / "pipelines").glob("*.pickle")
    snapshot.write_bytes(snapshot.read_bytes()[:100])
    (corpus / "d.txt").write_text("MNLA fighters attacked Kidal on 2 February 2012.\n", encoding="utf-8")
    report = run()
    assert report.extracted == ["d"] and "Kidal" in (tmp_path / "outputs" / "d.jsonl").read_text(encoding="utf-8")
    assert snapshot.stat().st_size > 100


def test_cache_damaged_database_is_replaced_and_the_run_goes_on(run, corpus, gazetteer, tmp_path):
    run()
    database = ExtractionCache(tmp_path / "cache").database
    for leftover in (tmp_path / "cache").glob("outputs.sqlite-*"):
        leftover.unlink()
    database.write_bytes(b"this is not a database\n" * 100)
    fresh = ExtractionCache(tmp_path / "cache")
    report = extract_corpus(corpus, tmp_path / "outputs", PipelineConfig(gazetteer_dir=gazetteer), cache=fresh)
    assert report.ok and report.extracted == ["a", "b", "c"] and report.written == []
    again = extract_corpus(corpus, tmp_path / "outputs", PipelineConfig(gazetteer_dir=gazetteer), cache=fresh)
    assert again.extracted == []


def test_cache_entries_are_seen_by_another_process_handle(tmp_path):
    writer, reader = ExtractionCache(tmp_path / "cache"), ExtractionCache(tmp_path / "cache")
    writer.put("cd" * 32, "{}\n")
    assert reader.get("cd" * 32) == "{}\n"
