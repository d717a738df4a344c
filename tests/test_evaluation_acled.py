"""The ACLED comparison computes the same figures as the project's benchmark script."""
from __future__ import annotations

import csv
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluation.acled import (
    AcledFileError, actor_key, evaluate_acled, label_years_right, location_named, names_coded_place, read_acled_csv,
    score_events,
)
from pipeline.extract import PipelineConfig
from pipeline.gazetteer import load_gazetteer

from .conftest import FIXTURES, SHARED
from .test_diff import event, jsonl

SCRIPT = SHARED / "bench" / "score_acled.py"
CONFIG = PipelineConfig(gazetteer_dir=FIXTURES / "workflow" / "gazetteer")
COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
           "location", "admin1", "admin2", "admin3", "latitude", "longitude", "fatalities", "notes")
ROWS = [
    ("MLI1", "2012-01-17", "Battles", "Armed clash", "MNLA: National Movement for the Liberation of Azawad", "",
     "Military Forces of Mali (2012-2013)", "", "Aguelhok", "Kidal", "Tessalit", "Aguelhok", "19.4614", "0.8586", "20",
     "On 17 January 2012, MNLA fighters attacked the Malian army in Aguelhok, killing 20 soldiers."),
    ("MLI2", "2013-03-03", "Violence against civilians", "Attack", "Unidentified Armed Group (Mali)", "",
     "Civilians (Mali)", "Fulani Ethnic Group (Mali); Farmers (Mali)", "Gao", "Gao", "Gao", "Gao", "16.2717", "-0.0447", "0",
     "Gunmen attacked villagers near Gao."),
    ("MLI3", "2014-05-05", "Battles", "Armed clash", "MNLA: National Movement for the Liberation of Azawad", "", "", "",
     "Kidal", "Kidal", "Kidal", "Kidal", "18.4411", "1.4078", "3", "The MNLA clashed with the Malian army near Kidal."),
    ("MLI4", "2014-06-01", "Protests", "Peaceful protest", "Protesters (Mali)", "", "", "", "Bamako", "Bamako", "Bamako",
     "Bamako", "12.65", "-8.0", "0", "Residents of Bamako marched on 1 June 2014."),
    ("MLI5", "2014-06-02", "Protests", "Peaceful protest", "Protesters (Mali)", "", "", "", "Bamako", "Bamako", "Bamako",
     "Bamako", "12.65", "-8.0", "0", "   "),
]
# predicted events by note: type right or wrong, actors by acled_name, name or id, a place named
# differently but within 25 km, fatalities right and wrong, a date right and a note without events
PREDICTED = {
    "MLI1": [event("MLI1#1", event_type="Strategic developments", sub_event_type="Other", actors=[]),
             event("MLI1#2", actors=[{"id": "mnla", "name": "MNLA", "role": "actor1",
                                      "acled_name": "MNLA: National Movement for the Liberation of Azawad"},
                                     {"id": "fama", "name": "Military Forces of Mali", "role": "actor2", "acled_name": None}],
                   fatalities={"min": 20, "max": 20})],
    "MLI2": [event("MLI2#1", event_type="Violence against civilians", sub_event_type="Attack",
                   actors=[{"id": "fulani", "name": "Fulani Ethnic Group (Mali)", "role": "actor2"},
                           {"id": "gunmen", "name": "", "role": "actor1"}],
                   location={"id": "x", "name": "Gao airport", "lat": 16.25, "lon": -0.0}, date={"start": "2013-03-03"})],
    "MLI3": [event("MLI3#1", location={"id": "y", "name": "Elsewhere", "lat": "bad", "lon": 1.0}, date=None,
                   fatalities={"min": 3, "max": 3})],
}


def write_acled_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)
    return path


def script_figures(acled_csv: Path, command: str) -> dict:
    if not SCRIPT.is_file():
        message = f"{SCRIPT} is missing: the benchmark script lives in shared/ beside the checkout"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([sys.executable, str(SCRIPT), str(acled_csv), "--cmd", command, "--json"],
                          capture_output=True, text=True, check=True, timeout=300)
    figures = json.loads(done.stdout)
    del figures["words_per_s"], figures["wall_s"]
    return figures


@pytest.mark.parametrize(
    ("label", "key"),
    [("MNLA: National Movement for the Liberation of Azawad", "mnla"), ("Military Forces of Mali (2013-2020)", "military forces of mali"),
     ("Civilians (Mali)", "civilians"), ("", "")],
)
def test_acled_actor_key(label, key):
    assert actor_key(label) == key


def test_acled_scores_agree_with_the_benchmark_script_on_given_events(tmp_path):
    acled_csv = write_acled_csv(tmp_path / "acled.csv")
    prepared = tmp_path / "prepared"
    prepared.mkdir()
    for event_id, events in PREDICTED.items():
        (prepared / f"{event_id}.jsonl").write_text(jsonl(*events), encoding="utf-8")
    copy = f"{shlex.quote(sys.executable)} -c 'import shutil, sys; shutil.copytree(sys.argv[1], sys.argv[2])' {shlex.quote(str(prepared))} {{out}}"
    mine = score_events(read_acled_csv(acled_csv), PREDICTED)
    assert mine == script_figures(acled_csv, copy)
    assert (mine["event_recall"], mine["type_acc_best"], mine["fatalities_exact"], mine["location_acc"], mine["dated_notes"]) == (0.75, 0.75, 0.75, 0.5, 1)


def test_acled_evaluate_agrees_with_the_benchmark_script_on_real_extraction(tmp_path):
    acled_csv = write_acled_csv(tmp_path / "acled.csv")
    extract = (f"{shlex.quote(sys.executable)} -m pipeline.cli extract {{corpus}} --out {{out}} --no-cache "
               f"--gazetteer {shlex.quote(str(CONFIG.gazetteer_dir))}")
    mine = evaluate_acled(acled_csv, CONFIG, jobs=2)
    assert list(mine)[:3] == ["notes", "words_per_s", "wall_s"] and mine["notes"] == 4
    assert list(mine)[-2:] == ["label_years_right", "location_named"] and mine["location_named"] == 1.0
    del mine["words_per_s"], mine["wall_s"], mine["label_years_right"], mine["location_named"]
    assert mine == script_figures(acled_csv, extract)
    assert mine["event_recall"] > 0


def test_acled_missing_columns_are_named(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("event_id_cnty,notes\nX,Text\n", encoding="utf-8")
    with pytest.raises(AcledFileError) as caught:
        read_acled_csv(path)
    assert str(caught.value).startswith(f"{path.as_posix()}:1: lacks the ACLED columns event_date, event_type, sub_event_type,")


def test_acled_limit_keeps_the_first_notes(tmp_path):
    assert [row["event_id_cnty"] for row in read_acled_csv(write_acled_csv(tmp_path / "a.csv"), limit=2)] == ["MLI1", "MLI2"]


def _coded(notes: str, location: str, lat: str, lon: str, admin2: str = "", admin3: str = "") -> dict[str, str]:
    return {"notes": notes, "location": location, "admin2": admin2, "admin3": admin3, "latitude": lat, "longitude": lon}


@pytest.mark.parametrize(
    ("row", "named"),
    [
        # the coded name itself, in any case and with its accents, among the note's words
        (_coded("Gunmen attacked villagers near TÉSSALIT.", "Tessalit", "20.2", "1.0"), True),
        # the admin2 name stands for the place (ACLED codes vaguer events at its seat)
        (_coded("Gunmen attacked villagers in the cercle.", "Anefis", "18.05", "0.3", admin2="Cercle"), True),
        # a place the gazetteer knows by another name within 25 km of the coded point
        (_coded("Gunmen attacked villagers in Aguel'hoc.", "Tinkar", "19.5", "0.9"), True),
        # a place the gazetteer knows, but far from the coded point
        (_coded("Gunmen attacked villagers in Aguel'hoc.", "Bamako", "12.65", "-8.0"), False),
        # no place at all: only a guess could be right
        (_coded("Soldier assassinated overnight in his house.", "Bamako", "12.65", "-8.0"), False),
        # a name inside a longer word is no mention of it
        (_coded("The Gaos family was attacked.", "Gao", "16.27", "-0.04"), False),
        # coordinates that are not numbers: only the name can say
        (_coded("Gunmen attacked villagers in Aguelhok.", "Tinkar", "", ""), False),
    ],
)
def test_acled_a_note_names_its_coded_place_by_name_or_by_a_place_near_it(row, named):
    assert names_coded_place(row, load_gazetteer(CONFIG.gazetteer_dir)) is named


def test_acled_location_named_is_the_share_of_notes_naming_their_place(tmp_path):
    rows = read_acled_csv(write_acled_csv(tmp_path / "a.csv"))
    # MLI1 Aguelhok, MLI2 Gao, MLI3 Kidal and MLI4 Bamako are named; a note naming nothing halves it
    assert location_named(rows, load_gazetteer(CONFIG.gazetteer_dir)) == 1.0
    rows[3]["notes"] = "Residents marched on 1 June 2014."
    assert location_named(rows, load_gazetteer(CONFIG.gazetteer_dir)) == 0.75


def test_acled_label_years_right_counts_labels_matching_but_for_their_years(tmp_path):
    rows = read_acled_csv(write_acled_csv(tmp_path / "a.csv"))
    army = {"id": "fama", "role": "actor2"}
    predicted = {
        # the coded "Military Forces of Mali (2012-2013)", with its years right, then wrong
        "MLI1": [event("MLI1#1", actors=[{**army, "acled_name": "Military Forces of Mali (2012-2013)"}]),
                 event("MLI1#2", actors=[{**army, "acled_name": "Military Forces of Mali (2013-2020)"}])],
        # labels without years, or matching no coded label, are not counted
        "MLI2": [event("MLI2#1", actors=[{"id": "gunmen", "role": "actor1", "acled_name": "Unidentified Armed Group (Mali)"},
                                         {**army, "acled_name": "Military Forces of Mali (2013-2020)"}])],
    }
    assert label_years_right(rows, predicted) == 0.5
    assert label_years_right(rows, {}) == 0.0
