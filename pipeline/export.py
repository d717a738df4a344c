"""Exporting the events of `outputs/` (`sahel-events export`): ACLED CSV, flat CSV and GeoJSON.

`acled-csv` writes the columns of an ACLED export (as in ACLED's Mali files), with ACLED's
precision codes:

- time_precision 1 when the day is known; 2 when the event is known to a week (a span of at most
  `ExportSettings.week_days` days); 3 when only the month, or a longer span, is known. As ACLED
  does, an imprecise date is coded as the middle day of its span.
- geo_precision 1 for a town, village or site; 2 for a place known to its second-level unit
  (a cercle) or only as a distance and bearing from a named place ("90km west of Douentza");
  3 when only the region (or country) is known.

`inter1`/`inter2` and `interaction` follow ACLED's actor categories, read from the gazetteer.
`csv` writes one flat row per event, `geojson` a FeatureCollection of the located events with
the same fields as properties (coordinates in longitude, latitude order, for QGIS). Every
format lists events in document order, documents in id order, so exports are deterministic.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

from .diffing import read_output_tree

FORMATS = ("acled-csv", "csv", "geojson")

ACLED_COLUMNS: tuple[str, ...] = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "event_type", "sub_event_type", "date_start", "date_end", "date_precision", "date_text",
    "date_source", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location_id", "location", "admin1",
    "admin2", "country", "latitude", "longitude", "location_precision", "fatalities_min", "fatalities_max",
    "fatalities_qualifier", "trigger", "status", "confidence", "evidence", "evidence_start", "evidence_end", "rules",
)

# ACLED's `inter` code of each actor kind of the gazetteer; identity and social groups are
# coded with civilians, as ACLED does when they are the target
INTER_CODES: dict[str, int] = {
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "identity group": 7, "social group": 7, "external/other forces": 8,
}

# ISO 3166 numeric and alpha-3 codes and ACLED's world region of the countries the gazetteer covers
COUNTRY_CODES: dict[str, tuple[int, str, str]] = {
    "Mali": (466, "MLI", "Western Africa"),
    "Niger": (562, "NER", "Western Africa"),
    "Burkina Faso": (854, "BFA", "Western Africa"),
    "Mauritania": (478, "MRT", "Western Africa"),
    "Senegal": (686, "SEN", "Western Africa"),
    "Guinea": (324, "GIN", "Western Africa"),
    "Ivory Coast": (384, "CIV", "Western Africa"),
    "Nigeria": (566, "NGA", "Western Africa"),
    "Ghana": (288, "GHA", "Western Africa"),
    "Togo": (768, "TGO", "Western Africa"),
    "Benin": (204, "BEN", "Western Africa"),
    "Gambia": (270, "GMB", "Western Africa"),
    "Guinea-Bissau": (624, "GNB", "Western Africa"),
    "Algeria": (12, "DZA", "Northern Africa"),
    "Libya": (434, "LBY", "Northern Africa"),
    "Morocco": (504, "MAR", "Northern Africa"),
    "Chad": (148, "TCD", "Middle Africa"),
    "Cameroon": (120, "CMR", "Middle Africa"),
    "Sudan": (729, "SDN", "Northern Africa"),
}


@dataclass(frozen=True)
class ExportSettings:
    """Tunables of the exports.

    week_days: the longest date span coded with ACLED time precision 2 (a week).
    """

    week_days: int = 7


DEFAULT_SETTINGS = ExportSettings()


def read_events(out_dir: Path) -> list[dict[str, Any]]:
    """Every event under `out_dir`, documents in id order, events in document order."""
    return [event for _doc_id, events in sorted(read_output_tree(out_dir).items()) for event in events]


def _actors(event: dict, role: str) -> list[dict]:
    return [actor for actor in event.get("actors") or [] if actor.get("role") == role]


def _actor_names(event: dict, role: str) -> str:
    return "; ".join(actor.get("acled_name") or actor.get("name") or "" for actor in _actors(event, role))


def acled_date(event_date: Optional[dict], settings: ExportSettings = DEFAULT_SETTINGS) -> tuple[str, str]:
    """ACLED's (event_date, time_precision) for an event's date: the middle day of imprecise spans."""
    if not event_date:
        return "", ""
    start, end = date.fromisoformat(event_date["start"]), date.fromisoformat(event_date["end"])
    days = (end - start).days + 1
    if event_date.get("precision") == "day" and days == 1:
        return start.isoformat(), "1"
    middle = date.fromordinal(start.toordinal() + (days - 1) // 2)
    return middle.isoformat(), "2" if days <= settings.week_days else "3"


def geo_precision(location: Optional[dict]) -> str:
    """ACLED's geo_precision for an event location (blank when there is none)."""
    if not location:
        return ""
    return {"point": "1", "approximate": "2", "admin2": "2"}.get(location.get("precision", "point"), "3")


def acled_row(event: dict, actor_kinds: dict[str, str], sources: dict[str, str],
              settings: ExportSettings = DEFAULT_SETTINGS) -> dict[str, str]:
    """One event as a row of ACLED columns.

    Args:
        event: an event record as written in outputs/.
        actor_kinds: gazetteer actor id -> kind, for the inter codes.
        sources: document id -> its source, for the source column.
    """
    event_date, time_precision = acled_date(event.get("date"), settings)
    location = event.get("location") or {}
    country = location.get("country", "")
    iso, iso3, region = COUNTRY_CODES.get(country, ("", "", ""))
    inters = []
    for role in ("actor1", "actor2"):
        actors = _actors(event, role)
        code = INTER_CODES.get(actor_kinds.get(actors[0]["id"], "")) if actors else None
        inters.append("" if code is None else str(code))
    codes = sorted(int(code) for code in inters if code)
    interaction = "".join(str(code) for code in codes) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")
    fatalities = event.get("fatalities") or {}
    row = {
        "data_id": "", "iso": str(iso), "event_id_cnty": event["id"], "event_id_no_cnty": "",
        "event_date": event_date, "year": event_date[:4], "time_precision": time_precision,
        "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": _actor_names(event, "actor1"), "assoc_actor_1": _actor_names(event, "assoc_actor_1"), "inter1": inters[0],
        "actor2": _actor_names(event, "actor2"), "assoc_actor_2": _actor_names(event, "assoc_actor_2"), "inter2": inters[1],
        "interaction": interaction, "region": region, "country": country,
        "admin1": location.get("admin1") or "", "admin2": location.get("admin2") or "", "admin3": "",
        "location": location.get("name", ""), "latitude": _number(location.get("lat")), "longitude": _number(location.get("lon")),
        "geo_precision": geo_precision(location), "source": sources.get(event["doc_id"], ""), "source_scale": "",
        "notes": event["evidence"]["text"], "fatalities": str(fatalities.get("min", 0)), "timestamp": "", "iso3": iso3,
    }
    return row


def _number(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def flat_row(event: dict) -> dict[str, str]:
    """One event as a row of `FLAT_COLUMNS`, every nested field spelled out."""
    event_date = event.get("date") or {}
    location = event.get("location") or {}
    fatalities = event.get("fatalities") or {}
    evidence = event["evidence"]
    values = {
        "id": event["id"], "doc_id": event["doc_id"], "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "date_start": event_date.get("start"), "date_end": event_date.get("end"), "date_precision": event_date.get("precision"),
        "date_text": event_date.get("text"), "date_source": event_date.get("source"),
        "actor1": _actor_names(event, "actor1"), "assoc_actor_1": _actor_names(event, "assoc_actor_1"),
        "actor2": _actor_names(event, "actor2"), "assoc_actor_2": _actor_names(event, "assoc_actor_2"),
        "location_id": location.get("id"), "location": location.get("name"), "admin1": location.get("admin1"),
        "admin2": location.get("admin2"), "country": location.get("country"), "latitude": _number(location.get("lat")),
        "longitude": _number(location.get("lon")), "location_precision": location.get("precision"),
        "fatalities_min": fatalities.get("min"), "fatalities_max": fatalities.get("max"),
        "fatalities_qualifier": fatalities.get("qualifier"), "trigger": event.get("trigger"), "status": event.get("status"),
        "confidence": _number(event.get("confidence")), "evidence": evidence["text"], "evidence_start": evidence["start"],
        "evidence_end": evidence["end"], "rules": " ".join(event.get("rules") or []),
    }
    return {column: "" if values[column] is None else str(values[column]) for column in FLAT_COLUMNS}


def _csv(rows: Iterable[dict[str, str]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def geojson(events: Iterable[dict]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the located events; properties are the flat columns."""
    features = []
    for event in events:
        location = event.get("location")
        if not location:
            continue
        properties = {key: value for key, value in flat_row(event).items() if key not in ("latitude", "longitude")}
        features.append({
            "type": "Feature", "id": event["id"],
            "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}


def export_events(events: list[dict], export_format: str, *, actor_kinds: Optional[dict[str, str]] = None,
                  sources: Optional[dict[str, str]] = None, settings: ExportSettings = DEFAULT_SETTINGS) -> str:
    """The events in `export_format` (one of `FORMATS`), as text.

    Raises:
        ValueError: for an unknown format, naming the ones accepted.
    """
    if export_format == "acled-csv":
        return _csv((acled_row(event, actor_kinds or {}, sources or {}, settings) for event in events), ACLED_COLUMNS)
    if export_format == "csv":
        return _csv((flat_row(event) for event in events), FLAT_COLUMNS)
    if export_format == "geojson":
        return json.dumps(geojson(events), ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown export format {export_format!r}; one of: {', '.join(FORMATS)}")
