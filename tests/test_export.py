"""Exports: ACLED columns and precision codes, flat CSV, GeoJSON."""
from __future__ import annotations

import csv
import io
import json

import pytest

from pipeline.export import (
    ACLED_COLUMNS,
    FLAT_COLUMNS,
    acled_date,
    acled_row,
    export_events,
    geo_precision,
    read_events,
)

from .test_diff import event, jsonl

KINDS = {"mnla": "rebel group", "fama": "state forces", "civilians": "civilians"}


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2012-01-17", "2012-01-17", "day", ("2012-01-17", "1")),
        ("2012-01-16", "2012-01-22", "week", ("2012-01-19", "2")),
        ("2012-01-01", "2012-01-31", "month", ("2012-01-16", "3")),
        ("2012-01-10", "2012-01-12", "range", ("2012-01-11", "2")),
        ("2012-01-01", "2012-12-31", "year", ("2012-07-01", "3")),
    ],
)
def test_export_acled_date_and_time_precision(start, end, precision, expected):
    assert acled_date({"start": start, "end": end, "precision": precision}) == expected


@pytest.mark.parametrize(
    ("location", "code"),
    [(None, ""), ({"precision": "point"}, "1"), ({"precision": "approximate"}, "2"), ({"precision": "admin2"}, "2"),
     ({"precision": "admin1"}, "3"),
     ({"precision": "country"}, "3")],
)
def test_export_geo_precision(location, code):
    assert geo_precision(location) == code


@pytest.mark.parametrize(
    ("actors", "inter1", "inter2", "interaction"),
    [
        ([{"id": "mnla", "role": "actor1"}, {"id": "fama", "role": "actor2"}], "2", "1", "12"),
        ([{"id": "fama", "role": "actor1"}], "1", "", "10"),
        ([{"id": "mnla", "role": "actor1"}, {"id": "civilians", "role": "actor2"}], "2", "7", "27"),
        ([{"id": "unknown", "role": "actor1"}], "", "", ""),
    ],
)
def test_export_acled_inter_codes(actors, inter1, inter2, interaction):
    row = acled_row(event("e1", actors=actors), KINDS, {})
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)


def test_export_acled_row_columns():
    record = event("doc#1", actors=[{"id": "mnla", "name": "MNLA", "acled_name": "MNLA: National Movement", "role": "actor1"},
                                    {"id": "x", "name": "Ganda Koy", "role": "assoc_actor_1"},
                                    {"id": "y", "name": "Ganda Izo", "acled_name": None, "role": "assoc_actor_1"}],
                   location={"id": "aguelhok", "name": "Aguelhok", "admin1": "Kidal", "admin2": "Tessalit", "country": "Mali",
                             "lat": 19.4614, "lon": 0.8586, "precision": "point"},
                   fatalities={"min": 20, "max": 25})
    row = acled_row(record, KINDS, {"doc": "Sahel Wire"})
    assert list(row) == list(ACLED_COLUMNS)
    assert {key: row[key] for key in ("iso", "iso3", "region", "event_id_cnty", "event_date", "year", "actor1", "assoc_actor_1",
                                      "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                                      "fatalities")} == {
        "iso": "466", "iso3": "MLI", "region": "Western Africa", "event_id_cnty": "doc#1", "event_date": "2012-01-17",
        "year": "2012", "actor1": "MNLA: National Movement", "assoc_actor_1": "Ganda Koy; Ganda Izo", "admin1": "Kidal",
        "location": "Aguelhok", "latitude": "19.4614", "longitude": "0.8586", "geo_precision": "1", "source": "Sahel Wire",
        "notes": "Sentence of doc#1.", "fatalities": "20",
    }


def test_export_formats_from_an_output_folder(tmp_path):
    (tmp_path / "b.jsonl").write_text(jsonl(event("b1", location=None)), encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(jsonl(event("a1", doc_id="a"), event("a2", doc_id="a")), encoding="utf-8")
    events = read_events(tmp_path)
    assert [record["id"] for record in events] == ["a1", "a2", "b1"]
    acled = list(csv.DictReader(io.StringIO(export_events(events, "acled-csv", actor_kinds=KINDS))))
    assert [row["event_id_cnty"] for row in acled] == ["a1", "a2", "b1"] and acled[2]["geo_precision"] == ""
    flat = list(csv.reader(io.StringIO(export_events(events, "csv"))))
    assert tuple(flat[0]) == FLAT_COLUMNS and len(flat) == 4
    assert dict(zip(flat[0], flat[1]))["actor2"] == "FAMa"
    collection = json.loads(export_events(events, "geojson"))
    assert [feature["id"] for feature in collection["features"]] == ["a1", "a2"]
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [0.86, 19.46]}
    assert collection["features"][0]["properties"]["location"] == "Aguelhok"
    assert export_events(events, "geojson") == export_events(read_events(tmp_path), "geojson")


def test_export_unknown_format_lists_the_accepted_ones():
    with pytest.raises(ValueError) as caught:
        export_events([], "xlsx")
    assert str(caught.value) == "unknown export format 'xlsx'; one of: acled-csv, csv, geojson"
