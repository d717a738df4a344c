"""Scoring extraction against ACLED's own coding (`sahel-events evaluate --acled FILE.csv`).

Each ACLED event's `notes` (its one-to-three-sentence description) becomes a plain-text document
named after the event id; the pipeline extracts it; its events are scored against the ACLED
coding of that event. The figures are those of the project's benchmark script
(`shared/bench/score_acled.py`), computed the same way: event recall, type and sub-type accuracy
of the best-matching event, actor recall and precision over folded ACLED actor names, location
accuracy (same name, or within `LOCATION_KM` kilometres), exact fatalities, and date accuracy
on the notes that state a full date.
"""
from __future__ import annotations

import csv
import math
import re
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from ..diffing import parse_jsonl
from ..errors import LocatedError
from ..extract import Pipeline, PipelineConfig, render_corpus_detailed
from ..gazetteer import Gazetteer, alias_key

REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
    "assoc_actor_2", "location", "admin2", "admin3", "latitude", "longitude", "fatalities", "notes",
)
ACTOR_COLUMNS: tuple[str, ...] = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
# a predicted location this close to ACLED's counts as right
LOCATION_KM = 25
# the longest place name, in words, looked for in a note ("Ti n Tegrin", "Gomso Baroua")
PLACE_NAME_WORDS = 4
EARTH_DIAMETER_KM = 12742

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a note states a full date: "5 March 2013", "March 5th, 2013"
DATE_IN_TEXT = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}),? \d{{4}}\b|\b(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"
)


class AcledFileError(LocatedError):
    """An ACLED export that cannot be read or lacks the columns scoring needs."""


def fold(text: Optional[str]) -> str:
    """Lower case, accents dropped, every run of non-alphanumerics a single space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def actor_key(label: Optional[str]) -> str:
    """'MNLA: National Movement …' -> 'mnla'; 'Military Forces of Mali (2013-2020)' -> 'military forces of mali'."""
    if not label:
        return ""
    label = label.split(":")[0] if ":" in label else label
    return fold(re.sub(r"\([^()]*\)", " ", label))


def distance_km(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine)."""
    (lat1, lon1), (lat2, lon2) = first, second
    radians = math.pi / 180
    h = (math.sin((lat2 - lat1) * radians / 2) ** 2
         + math.cos(lat1 * radians) * math.cos(lat2 * radians) * math.sin((lon2 - lon1) * radians / 2) ** 2)
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(h))


def predicted_actor_keys(event: dict, roles: Optional[set[str]] = None) -> set[str]:
    """The folded actor keys of an event (ACLED name first, then name, then id), optionally by role."""
    keys = set()
    for actor in event.get("actors") or []:
        if roles and actor.get("role") not in roles:
            continue
        key = actor_key(actor.get("acled_name") or "") or actor_key(actor.get("name") or "") or fold(actor.get("id") or "")
        if key:
            keys.add(key)
    return keys


def read_acled_csv(path: Path, limit: int = 0) -> list[dict[str, str]]:
    """The rows of an ACLED export that have notes, in file order (the first `limit` if given).

    Raises:
        AcledFileError: naming the file when it cannot be read or lacks a needed column.
    """
    shown = path.as_posix()
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
            if missing:
                raise AcledFileError(shown, 1, f"lacks the ACLED columns {', '.join(missing)} (an ACLED export has them all)")
            rows = [row for row in reader if (row["notes"] or "").strip()]
    except (OSError, UnicodeDecodeError) as error:
        raise AcledFileError(shown, None, f"cannot be read as UTF-8 CSV: {error}") from None
    return rows[:limit] if limit else rows


def score_events(rows: list[dict[str, str]], events_by_id: dict[str, list[dict]]) -> dict[str, Any]:
    """Score each row's predicted events against its ACLED coding.

    Args:
        rows: ACLED rows (with notes).
        events_by_id: predicted events by ACLED `event_id_cnty` (missing ids count as no event).

    Returns:
        The benchmark's figures, in its order, without the timing ones.
    """
    count: Counter = Counter()
    for row in rows:
        events = events_by_id.get(row["event_id_cnty"], [])
        count["events"] += len(events)
        if not events:
            continue
        count["any_event"] += 1
        gold = {actor_key(name) for column in ACTOR_COLUMNS for name in row[column].split(";") if name.strip()}
        gold.discard("")

        def rank(event: dict) -> tuple:
            return (event.get("event_type") == row["event_type"], event.get("sub_event_type") == row["sub_event_type"],
                    len(predicted_actor_keys(event) & gold))

        best, first = max(events, key=rank), events[0]
        count["type_best"] += best.get("event_type") == row["event_type"]
        count["type_first"] += first.get("event_type") == row["event_type"]
        count["subtype_best"] += best.get("sub_event_type") == row["sub_event_type"]
        predicted = set().union(*(predicted_actor_keys(event) for event in events))
        count["gold_actors"] += len(gold)
        count["actor_hit"] += len(gold & predicted)
        count["pred_actors"] += len(predicted)
        count["pred_actor_hit"] += len(predicted & gold)
        count["actor1_ok"] += actor_key(row["actor1"]) in predicted_actor_keys(best, {"actor1", "assoc_actor_1"})
        location = best.get("location") or next((event.get("location") for event in events if event.get("location")), None)
        if location:
            right = fold(location.get("name") or "") in {fold(row["location"]), fold(row["admin3"]), fold(row["admin2"])}
            try:
                right = right or distance_km((float(location["lat"]), float(location["lon"])),
                                             (float(row["latitude"]), float(row["longitude"]))) <= LOCATION_KM
            except (TypeError, ValueError, KeyError):
                pass
            count["loc_ok"] += right
        fatalities = best.get("fatalities") or {}
        count["fat_ok"] += (fatalities.get("min") or 0) == int(row["fatalities"] or 0)
        if DATE_IN_TEXT.search(row["notes"]):
            count["dated"] += 1
            event_date = best.get("date") or {}
            count["date_ok"] += event_date.get("start") == row["event_date"] and event_date.get("end", row["event_date"]) == row["event_date"]
    notes = len(rows)
    return {
        "notes": notes,
        "event_recall": round(count["any_event"] / notes, 3),
        "events_per_note": round(count["events"] / notes, 3),
        "type_acc_best": round(count["type_best"] / notes, 3),
        "type_acc_first": round(count["type_first"] / notes, 3),
        "subtype_acc_best": round(count["subtype_best"] / notes, 3),
        "actor_recall": round(count["actor_hit"] / max(1, count["gold_actors"]), 3),
        "actor_precision": round(count["pred_actor_hit"] / max(1, count["pred_actors"]), 3),
        "actor1_acc": round(count["actor1_ok"] / notes, 3),
        "location_acc": round(count["loc_ok"] / notes, 3),
        "fatalities_exact": round(count["fat_ok"] / notes, 3),
        "date_acc_on_dated": round(count["date_ok"] / max(1, count["dated"]), 3),
        "dated_notes": count["dated"],
    }


# the years of an ACLED label: "Military Forces of Mali (2013-2020)", "MINUSMA: … (2020-)"
_LABEL_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def label_years_right(rows: list[dict[str, str]], events_by_id: dict[str, list[dict]]) -> float:
    """Of the predicted ACLED labels that carry years and match one of the note's coded labels
    once the years are set aside, the share whose years are right too: what an analyst joining
    the output to ACLED needs, which the other figures, comparing labels without years, ignore."""
    right = total = 0
    for row in rows:
        coded = {name.strip() for column in ACTOR_COLUMNS for name in row[column].split(";") if name.strip()}
        by_base = {_LABEL_YEARS.sub("", name): name for name in coded if _LABEL_YEARS.search(name)}
        for event in events_by_id.get(row["event_id_cnty"], []):
            for actor in event.get("actors") or []:
                label = actor.get("acled_name") or ""
                base = _LABEL_YEARS.sub("", label)
                if base != label and base in by_base:
                    total += 1
                    right += by_base[base] == label
    return round(right / max(1, total), 3)


def _word_runs(words: list[str], longest: int) -> set[str]:
    """Every run of one to `longest` consecutive words, joined by single spaces."""
    return {" ".join(words[start:start + size]) for size in range(1, longest + 1) for start in range(len(words) - size + 1)}


def names_coded_place(row: dict[str, str], gazetteer: Gazetteer, longest: int = PLACE_NAME_WORDS) -> bool:
    """Whether the note's words could place it where ACLED codes it: they hold the coded place's
    name (or its admin2 or admin3 name), or name a place or landmark the gazetteer knows within
    `LOCATION_KM` of it. A note that does neither is right under `location_acc` only by a guess."""
    coded = {fold(row[column]) for column in ("location", "admin3", "admin2")} - {""}
    if coded & _word_runs(fold(row["notes"]).split(), longest):
        return True
    try:
        point = (float(row["latitude"]), float(row["longitude"]))
    except ValueError:
        return False
    for run in _word_runs(re.findall(r"[a-z0-9]+", alias_key(row["notes"])), longest):
        for place_id in gazetteer.place_index.get(run, set()) | gazetteer.landmark_index.get(run, set()):
            place = gazetteer.places[place_id]
            if distance_km((place.lat, place.lon), point) <= LOCATION_KM:
                return True
    return False


def location_named(rows: list[dict[str, str]], gazetteer: Gazetteer) -> float:
    """The share of notes that name their coded place (see `names_coded_place`): the most
    `location_acc` can reach by reading the notes."""
    return round(sum(names_coded_place(row, gazetteer) for row in rows) / max(1, len(rows)), 3)


def write_notes_corpus(rows: Iterable[dict[str, str]], corpus: Path) -> None:
    """Write each row's notes as `corpus/<event_id_cnty>.txt`, as the benchmark does."""
    corpus.mkdir(parents=True, exist_ok=True)
    for row in rows:
        (corpus / f"{row['event_id_cnty']}.txt").write_text(row["notes"].strip() + "\n", encoding="utf-8")


def evaluate_acled(path: Path, config: PipelineConfig = PipelineConfig(), *, jobs: int = 1, limit: int = 0,
                   pipeline: Optional[Pipeline] = None) -> dict[str, Any]:
    """Extract the notes of an ACLED export and score the events against its coding.

    Args:
        path: an ACLED CSV export.
        config: the pipeline's gazetteer and GeoNames files.
        jobs: worker processes for extraction.
        limit: score only the first `limit` notes (0: all).
        pipeline: an already built pipeline.

    Returns:
        `score_events`' figures, with `words_per_s` and `wall_s` of the extraction after `notes`,
        then `label_years_right` (see `label_years_right`) and `location_named` (see
        `location_named`).
    """
    rows = read_acled_csv(path, limit)
    if not rows:
        raise AcledFileError(path.as_posix(), None, "has no row with notes to score")
    with tempfile.TemporaryDirectory(prefix="acled-eval-") as folder:
        corpus = Path(folder) / "corpus"
        write_notes_corpus(rows, corpus)
        started = time.perf_counter()
        # (built once: `location_named` reads its gazetteer, GeoNames included)
        pipeline = pipeline or Pipeline(config)
        result = render_corpus_detailed(corpus, config, jobs=jobs, pipeline=pipeline)
        wall = time.perf_counter() - started
    events = {doc_id: parse_jsonl(text, f"{doc_id}.jsonl") for doc_id, text in result.rendered.items()}
    scores = score_events(rows, events)
    words = sum(len(row["notes"].split()) for row in rows)
    return {"notes": scores.pop("notes"), "words_per_s": round(words / wall, 1), "wall_s": round(wall, 2), **scores,
            "label_years_right": label_years_right(rows, events), "location_named": location_named(rows, pipeline.gazetteer)}
