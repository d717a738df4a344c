"""Static HTML review pages (`sahel-events review`): one per document, and an index.

A page shows the document's text with the actors, places, dates and triggers the pipeline found
highlighted by displaCy, its events as a table, and a map of the event locations. The map is
inline SVG drawn from latitude and longitude: the outline of each region is the convex hull of
the gazetteer's places in it, so the page needs no tile server, script or network to open.

Pages are rebuilt only for documents whose extraction key changed (see `pipeline.cache`); each
page records its key and a summary of its events in a comment on its second line, from which the index
is built without analysing unchanged documents again.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from models.event import Event

from .cache import config_fingerprint, document_key
from .errors import CorpusError
from .extract import DocumentAnalysis, Pipeline, PipelineConfig
from .reading import document_id, list_corpus, parse_document
from .writing import write_atomic

PAGE_SUFFIX = ".html"
INDEX_PAGE = "index.html"
PAGES_FOLDER = "documents"
_STAMP = re.compile(r"^<!-- sahel-events review (\{.*\}) -->$")


@dataclass(frozen=True)
class ReviewSettings:
    """Tunables of the review pages.

    colours: highlight colour of each label (ACTOR, PLACE, DATE, TRIGGER).
    map_width: width of a map in pixels (its height follows the area shown).
    map_padding_degrees: margin around the event locations on a document's map.
    map_min_span_degrees: the least width and height of the area a map shows.
    outline_min_places: a region is outlined when the gazetteer has at least this many of its places.
    evidence_chars: evidence longer than this is cut in the event table.
    """

    colours: tuple[tuple[str, str], ...] = (
        ("ACTOR", "#f9c74f"), ("PLACE", "#90be6d"), ("DATE", "#8ecae6"), ("TRIGGER", "#f4978e"),
    )
    map_width: int = 640
    map_padding_degrees: float = 1.5
    map_min_span_degrees: float = 4.0
    outline_min_places: int = 3
    evidence_chars: int = 240


DEFAULT_SETTINGS = ReviewSettings()


@dataclass(frozen=True)
class Highlight:
    """A labelled character range of a document body."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class MapPoint:
    """A point on a map with the text shown when it is pointed at."""

    lat: float
    lon: float
    label: str


@dataclass(frozen=True)
class RegionOutline:
    """A region drawn on maps: its name and outline (lat, lon) vertices."""

    name: str
    outline: tuple[tuple[float, float], ...]


@dataclass
class ReviewReport:
    """What `write_review` did: pages written or left as they were, files that failed, the index."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)
    index: Optional[Path] = None


def trigger_span(body: str, event: Event) -> Optional[tuple[int, int]]:
    """Where an event's trigger stands in the body: its first occurrence inside the evidence."""
    if not event.trigger:
        return None
    position = body.find(event.trigger, event.evidence.start, event.evidence.end)
    return (position, position + len(event.trigger)) if position >= 0 else None


def document_highlights(analysis: DocumentAnalysis) -> list[Highlight]:
    """Actor, place, date and trigger spans of a document, without overlaps (longer spans win)."""
    spans = [Highlight(m.start, m.end, "ACTOR" if m.kind == "actor" else "PLACE") for m in analysis.mentions]
    spans += [Highlight(e.char_start, e.char_end, "DATE") for e in analysis.dates.expressions]
    for event in analysis.events:
        found = trigger_span(analysis.document.body, event)
        if found is not None:
            spans.append(Highlight(*found, "TRIGGER"))
    kept: list[Highlight] = []
    for span in sorted(spans, key=lambda item: (-(item.end - item.start), item.start, item.label)):
        if span.end > span.start and all(span.end <= other.start or other.end <= span.start for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda item: item.start)


def highlighted_text(body: str, highlights: Sequence[Highlight], settings: ReviewSettings = DEFAULT_SETTINGS) -> str:
    """The body as displaCy entity HTML with the highlights marked."""
    from spacy import displacy

    colours = dict(settings.colours)
    data = {"text": body, "ents": [{"start": h.start, "end": h.end, "label": h.label} for h in highlights], "title": None}
    return displacy.render(data, style="ent", manual=True, page=False, options={"colors": colours, "ents": list(colours)})


def convex_hull(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of (x, y) points, counter-clockwise (Andrew's monotone chain)."""
    unique = sorted(set(points))
    if len(unique) < 3:
        return unique

    def cross(o, a, b) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for point in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def region_outlines(pipeline: Pipeline, settings: ReviewSettings = DEFAULT_SETTINGS) -> list[RegionOutline]:
    """An outline per admin1 region: the hull of the gazetteer's places in it (regions and countries excluded)."""
    by_region: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for place in pipeline.gazetteer.places.values():
        if place.admin1 and place.kind not in ("region", "country"):
            by_region[(place.country, place.admin1)].append((place.lat, place.lon))
    outlines = []
    for (_country, name), points in sorted(by_region.items()):
        hull = convex_hull(points)
        if len(points) >= settings.outline_min_places and len(hull) >= 3:
            outlines.append(RegionOutline(name, tuple(hull)))
    return outlines


def map_svg(points: Sequence[MapPoint], regions: Sequence[RegionOutline], settings: ReviewSettings = DEFAULT_SETTINGS,
            title: str = "Event locations") -> str:
    """An inline SVG map: region outlines, a one-degree graticule, and the points with tooltips.

    The area shown is the points' bounding box with a margin (or the regions' when there are
    no points), in an equirectangular projection scaled by the cosine of its middle latitude.
    """
    lats = [p.lat for p in points] or [lat for region in regions for lat, _ in region.outline] or [0.0]
    lons = [p.lon for p in points] or [lon for region in regions for _, lon in region.outline] or [0.0]
    pad = settings.map_padding_degrees
    south, north, west, east = min(lats) - pad, max(lats) + pad, min(lons) - pad, max(lons) + pad
    for low, high, setter in ((south, north, "lat"), (west, east, "lon")):
        if high - low < settings.map_min_span_degrees:
            middle = (low + high) / 2
            low, high = middle - settings.map_min_span_degrees / 2, middle + settings.map_min_span_degrees / 2
            if setter == "lat":
                south, north = low, high
            else:
                west, east = low, high
    x_scale = math.cos(math.radians((south + north) / 2))
    scale = settings.map_width / ((east - west) * x_scale)
    height = round((north - south) * scale)

    def xy(lat: float, lon: float) -> str:
        return f"{(lon - west) * x_scale * scale:.1f},{(north - lat) * scale:.1f}"

    parts = [
        f'<svg id="map" class="map" xmlns="http://www.w3.org/2000/svg" width="{settings.map_width}" height="{height}" '
        f'viewBox="0 0 {settings.map_width} {height}" role="img" aria-label="{html.escape(title)}">',
        f"<title>{html.escape(title)}</title>",
        f'<rect width="{settings.map_width}" height="{height}" fill="#f6f8fa" stroke="#999"/>',
    ]
    for lat in range(math.ceil(south), math.floor(north) + 1):
        parts.append(f'<polyline class="graticule" points="{xy(lat, west)} {xy(lat, east)}" stroke="#e1e4e8" fill="none"/>')
        parts.append(f'<text x="2" y="{(north - lat) * scale - 2:.1f}" font-size="9" fill="#999">{lat}°</text>')
    for lon in range(math.ceil(west), math.floor(east) + 1):
        parts.append(f'<polyline class="graticule" points="{xy(north, lon)} {xy(south, lon)}" stroke="#e1e4e8" fill="none"/>')
        parts.append(f'<text x="{(lon - west) * x_scale * scale + 2:.1f}" y="{height - 2}" font-size="9" fill="#999">{lon}°</text>')
    for region in regions:
        outline = " ".join(xy(lat, lon) for lat, lon in region.outline)
        centre_lat = sum(lat for lat, _ in region.outline) / len(region.outline)
        centre_lon = sum(lon for _, lon in region.outline) / len(region.outline)
        parts.append(f'<polygon class="region" points="{outline}" fill="#dfe7d8" fill-opacity="0.6" stroke="#6b8f5a"><title>{html.escape(region.name)}</title></polygon>')
        x, y = xy(centre_lat, centre_lon).split(",")
        parts.append(f'<text class="region-name" x="{x}" y="{y}" font-size="11" fill="#4a6340" text-anchor="middle">{html.escape(region.name)}</text>')
    for point in points:
        x, y = xy(point.lat, point.lon).split(",")
        parts.append(f'<circle class="event-point" cx="{x}" cy="{y}" r="5" fill="#d62828" fill-opacity="0.8" stroke="#fff"><title>{html.escape(point.label)}</title></circle>')
    parts.append("</svg>")
    return "\n".join(parts)


def event_points(events: Iterable[Event]) -> list[MapPoint]:
    """The located events as map points labelled with id, type and place."""
    return [
        MapPoint(event.location.lat, event.location.lon, f"{event.id}: {event.sub_event_type}, {event.location.name}")
        for event in events if event.location is not None
    ]


def events_table(events: Sequence[Event], settings: ReviewSettings = DEFAULT_SETTINGS) -> str:
    """The events as an HTML table: type, date, actors, place, fatalities, evidence."""
    rows = []
    for event in events:
        actors = "<br>".join(f"{html.escape(actor.role)}: {html.escape(actor.acled_name or actor.name)}" for actor in event.actors)
        date = f"{event.date.start}" + (f" – {event.date.end}" if event.date and event.date.end != event.date.start else "") if event.date else ""
        date += f" ({event.date.precision})" if event.date else ""
        place = html.escape(f"{event.location.name} ({event.location.precision})") if event.location else ""
        deaths = html.escape(f"{event.fatalities.min}" + (f"–{event.fatalities.max}" if event.fatalities.max != event.fatalities.min else "")) if event.fatalities else ""
        evidence = event.evidence.text if len(event.evidence.text) <= settings.evidence_chars else event.evidence.text[:settings.evidence_chars] + "…"
        rows.append(
            f'<tr id="{html.escape(event.id)}"><td>{html.escape(event.event_type)}<br><small>{html.escape(event.sub_event_type)}</small></td>'
            f"<td>{html.escape(date)}</td><td>{actors}</td><td>{place}</td><td>{deaths}</td>"
            f"<td>{html.escape(event.status)}<br><small>{event.confidence:g}</small></td><td>{html.escape(evidence)}</td></tr>"
        )
    body = "\n".join(rows) or '<tr><td colspan="7">no events</td></tr>'
    return (
        '<table id="events" class="events"><thead><tr><th>type</th><th>date</th><th>actors</th><th>place</th>'
        f"<th>fatalities</th><th>status</th><th>evidence</th></tr></thead><tbody>\n{body}\n</tbody></table>"
    )


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
.meta { color: #555; }
.legend span { padding: 0.2em 0.5em; border-radius: 0.3em; margin-right: 0.5em; }
section { margin: 1.5em 0; }
"""


def _page(title: str, stamp: dict, content: str) -> str:
    # the stamp follows the doctype: a comment before it would put browsers in quirks mode
    return (
        "<!DOCTYPE html>\n"
        f"<!-- sahel-events review {json.dumps(stamp, ensure_ascii=False, sort_keys=True)} -->\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head>\n<body>\n{content}\n</body></html>\n"
    )


def document_page(analysis: DocumentAnalysis, key: str, regions: Sequence[RegionOutline],
                  settings: ReviewSettings = DEFAULT_SETTINGS, index_href: str = INDEX_PAGE) -> str:
    """The review page of one document."""
    document = analysis.document
    title = document.title or document.id
    points = event_points(analysis.events)
    stamp = {"key": key, "title": title, "events": len(analysis.events),
             "points": [[p.lat, p.lon, p.label] for p in points], "published": str(document.published or "")}
    meta = " · ".join(html.escape(part) for part in (document.source or "", str(document.published or ""), document.path) if part)
    link = f' · <a href="{html.escape(document.url)}">original</a>' if document.url else ""
    legend = "".join(f'<span style="background: {colour}">{label}</span>' for label, colour in settings.colours)
    content = (
        f'<p><a href="{html.escape(index_href)}">← all documents</a></p>\n'
        f"<h1>{html.escape(title)}</h1>\n<p class=\"meta\">{meta}{link} · document {html.escape(document.id)}</p>\n"
        f'<section><h2>Map</h2>\n{map_svg(points, regions, settings)}\n</section>\n'
        f"<section><h2>Events ({len(analysis.events)})</h2>\n{events_table(analysis.events, settings)}\n</section>\n"
        f'<section><h2>Text</h2><p class="legend">{legend}</p>\n'
        f'<div id="text">{highlighted_text(document.body, document_highlights(analysis), settings)}</div>\n</section>'
    )
    return _page(title, stamp, content)


def index_page(stamps: dict[str, dict], regions: Sequence[RegionOutline], settings: ReviewSettings = DEFAULT_SETTINGS) -> str:
    """The index: every document with its event count, and a map of all located events."""
    rows = []
    points = []
    for doc_id, stamp in sorted(stamps.items()):
        href = html.escape(f"{PAGES_FOLDER}/{doc_id}{PAGE_SUFFIX}")
        rows.append(f'<tr><td><a href="{href}">{html.escape(doc_id)}</a></td><td>{html.escape(stamp["title"])}</td>'
                    f'<td>{html.escape(stamp.get("published", ""))}</td><td>{stamp["events"]}</td></tr>')
        points += [MapPoint(lat, lon, label) for lat, lon, label in stamp["points"]]
    total = sum(stamp["events"] for stamp in stamps.values())
    content = (
        f"<h1>Review: {len(stamps)} documents, {total} events</h1>\n"
        f"<section><h2>Map</h2>\n{map_svg(points, regions, settings, title='All event locations')}\n</section>\n"
        '<section><h2>Documents</h2>\n<table id="documents"><thead><tr><th>document</th><th>title</th><th>published</th>'
        f"<th>events</th></tr></thead><tbody>\n{''.join(rows)}\n</tbody></table>\n</section>"
    )
    return _page("sahel-events review", {"documents": len(stamps), "events": total}, content)


def read_stamp(path: Path) -> Optional[dict]:
    """The summary a review page records on its second line, or None."""
    try:
        with path.open(encoding="utf-8") as stream:
            stream.readline()
            match = _STAMP.match(stream.readline().rstrip("\n"))
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return json.loads(match.group(1)) if match else None


def write_review(
    corpus: Path,
    report_dir: Path,
    config: PipelineConfig = PipelineConfig(),
    *,
    pipeline: Optional[Pipeline] = None,
    settings: ReviewSettings = DEFAULT_SETTINGS,
) -> ReviewReport:
    """Write `report_dir/documents/<doc id>.html` for every document of `corpus`, and `report_dir/index.html`.

    Pages of documents unchanged since they were written (same extraction key) are kept; pages
    of documents no longer in the corpus are removed. A file that cannot be read is reported
    and the others are still written.
    """
    report = ReviewReport()
    listing = list_corpus(corpus)
    report.errors.extend(listing.errors)
    fingerprint = config_fingerprint(config)
    stamps: dict[str, dict] = {}
    regions: Optional[list[RegionOutline]] = None
    listed = {document_id(path, corpus) for path in listing.files}
    pages = report_dir / PAGES_FOLDER
    for path in listing.files:
        doc_id = document_id(path, corpus)
        page = pages / f"{doc_id}{PAGE_SUFFIX}"
        try:
            raw = path.read_bytes()
            key = document_key(fingerprint, doc_id, raw)
            stamp = read_stamp(page)
            if stamp is not None and stamp.get("key") == key:
                stamps[doc_id] = stamp
                report.unchanged.append(doc_id)
                continue
            document = parse_document(raw, doc_id, path.as_posix())
        except OSError as error:
            report.errors.append(CorpusError(path.as_posix(), None, f"cannot be read: {error.strerror}"))
            continue
        except CorpusError as error:
            report.errors.append(error)
            continue
        pipeline = pipeline or Pipeline(config)
        regions = region_outlines(pipeline, settings) if regions is None else regions
        text = document_page(pipeline.analyse(document), key, regions, settings, index_href="../" * (doc_id.count("/") + 1) + INDEX_PAGE)
        write_atomic(page, text)
        stamps[doc_id] = read_stamp(page)
        report.written.append(doc_id)
    if pages.is_dir():
        for page in sorted(pages.rglob(f"*{PAGE_SUFFIX}")):
            if page.relative_to(pages).with_suffix("").as_posix() not in listed and read_stamp(page) is not None:
                page.unlink()
    if regions is None:
        pipeline = pipeline or Pipeline(config)
        regions = region_outlines(pipeline, settings)
    report.index = report_dir / INDEX_PAGE
    write_atomic(report.index, index_page(stamps, regions, settings))
    return report
