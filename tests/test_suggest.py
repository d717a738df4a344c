"""`gazetteer suggest`: names the gazetteer lacks, without dates, citations or known names."""
from __future__ import annotations

import pytest

from pipeline.extract import Pipeline, PipelineConfig
from pipeline.suggest import SuggestSettings, candidate_names, suggest_entries


@pytest.fixture(scope="module")
def pipeline(fixture_gazetteer_dir):
    return Pipeline(PipelineConfig(gazetteer_dir=fixture_gazetteer_dir))


def test_suggest_lists_unknown_names_and_near_misses(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text(
        "In June 2014 the Front Zorglub attacked Kidal with the MNLA. (Dupontel, 2019, p. 4)\n"
        "The Coordination of Azawad Movemints met the FZLA in Kidal.\n"
        "Meanwhile the Front Zorglub withdrew.\n",
        encoding="utf-8",
    )
    found = {suggestion.text: suggestion for suggestion in suggest_entries(tmp_path, pipeline)}
    assert found["Front Zorglub"].count == 2 and found["Front Zorglub"].kind == "name"
    assert found["FZLA"].kind == "acronym"
    assert "June" not in found and "Dupontel" not in found and "Meanwhile" not in found
    assert "MNLA" not in found and "Kidal" not in found


def test_suggest_min_count(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text("The Front Zorglub and the Front Zorglub met Bob Rarename.\n", encoding="utf-8")
    found = [s.text for s in suggest_entries(tmp_path, pipeline, SuggestSettings(min_count=2))]
    assert found == ["Front Zorglub"]


def test_suggest_near_miss_has_closest_alias(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text("They said Timbuctu was quiet.\n", encoding="utf-8")
    (suggestion,) = suggest_entries(tmp_path, pipeline)
    assert suggestion.kind == "near-miss" and suggestion.closest == "timbuktu" and suggestion.score >= 85


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Iyad Ag Ghali met Hussein Ould al-Moctar.", ["Iyad Ag Ghali", "Hussein Ould al-Moctar"]),
        ("The CMFPR-II met McGregor", ["The CMFPR-II", "McGregor"]),
    ],
)
def test_suggest_candidate_names(text, names):
    assert [name for _start, _end, name in candidate_names(text)] == names
