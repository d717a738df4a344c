"""The committed outputs are exactly what the pipeline produces from the committed corpus."""
from __future__ import annotations

import json

import pytest

from models.event import Event
from pipeline.extract import Pipeline, render_corpus
from pipeline.reading import read_corpus

from .conftest import REPO

CORPUS = REPO / "corpus"
OUTPUTS = REPO / "outputs"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(scope="module")
def rendered(pipeline):
    texts, errors, _listed = render_corpus(CORPUS, pipeline=pipeline)
    assert [str(error) for error in errors] == []
    return texts


def test_outputs_committed_files_equal_fresh_extraction(rendered):
    committed = sorted(path.relative_to(OUTPUTS).with_suffix("").as_posix() for path in OUTPUTS.rglob("*.jsonl"))
    assert committed == sorted(rendered)
    for doc_id, text in rendered.items():
        assert (OUTPUTS / f"{doc_id}.jsonl").read_bytes() == text.encode("utf-8"), f"outputs/{doc_id}.jsonl is stale"


def test_outputs_two_runs_are_byte_identical(rendered):
    again, _errors, _listed = render_corpus(CORPUS, pipeline=Pipeline())
    assert again == rendered


def test_outputs_events_validate_and_point_at_their_text(rendered):
    bodies = {document.id: document.body for document in read_corpus(CORPUS)}
    for doc_id, text in rendered.items():
        for line in text.splitlines():
            event = Event.model_validate(json.loads(line))
            assert event.doc_id == doc_id
            assert bodies[doc_id][event.evidence.start:event.evidence.end] == event.evidence.text


def test_outputs_no_event_from_the_bibliography(rendered):
    documents = {document.id: document for document in read_corpus(CORPUS)}
    for doc_id, text in rendered.items():
        for line in text.splitlines():
            event = json.loads(line)
            assert not documents[doc_id].is_excluded(event["evidence"]["start"], event["evidence"]["end"])
