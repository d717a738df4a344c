"""Shared fixtures: a tiny gazetteer written for the tests, and helpers to build documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gazetteer import load_gazetteer
from pipeline.reading import parse_document
from pipeline.sentences import document_sentences

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def fixture_gazetteer_dir() -> Path:
    return FIXTURES / "matching"


@pytest.fixture(scope="session")
def fixture_gazetteer(fixture_gazetteer_dir):
    return load_gazetteer(fixture_gazetteer_dir)


def make_document(text: str, doc_id: str = "test", **front):
    """A `Document` (and its sentences) from text, with optional front matter keys."""
    if front:
        header = "".join(f"{key}: {value}\n" for key, value in front.items())
        text = f"---\n{header}---\n{text}"
    document = parse_document(text, doc_id)
    return document, document_sentences(document)
