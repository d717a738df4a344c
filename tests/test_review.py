"""Review pages: highlights, events table and an offline map; checked in headless Chromium too."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.extract import Pipeline, PipelineConfig, analyse_text
from pipeline.review import (
    INDEX_PAGE,
    Highlight,
    MapPoint,
    RegionOutline,
    convex_hull,
    document_highlights,
    highlighted_text,
    map_svg,
    read_stamp,
    region_outlines,
    write_review,
)

from .conftest import FIXTURES

CONFIG = PipelineConfig(gazetteer_dir=FIXTURES / "workflow" / "gazetteer")
TEXT = "MNLA fighters attacked the Malian army in Aguelhok on 17 January 2012.\nVillagers fled to Gao.\n"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(CONFIG)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "north").mkdir(parents=True)
    (folder / "aguelhok.txt").write_text(f"---\ntitle: Fighting in Aguelhok\nsource: Test Wire\npublished: 2012-01-20\n---\n{TEXT}",
                                         encoding="utf-8")
    (folder / "north" / "gao.txt").write_text("The MNLA clashed with the Malian army near Gao on 3 March 2013.\n", encoding="utf-8")
    return folder


class _Elements(HTMLParser):
    """Counts tags with their classes/ids, and collects resource addresses a page would load."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize(
    ("points", "hull"),
    [
        ([(0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0.5)], [(0, 0), (1, 0), (1, 1), (0, 1)]),
        ([(0, 0), (2, 0), (1, 0)], [(0, 0), (2, 0)]),
        ([(3, 3)], [(3, 3)]),
    ],
)
def test_review_convex_hull(points, hull):
    assert convex_hull(points) == hull


def test_review_highlights_every_kind_without_overlap(pipeline):
    analysis = analyse_text(TEXT, pipeline)
    highlights = document_highlights(analysis)
    assert {(TEXT[h.start:h.end], h.label) for h in highlights} >= {
        ("MNLA", "ACTOR"), ("Malian army", "ACTOR"), ("Aguelhok", "PLACE"), ("17 January 2012", "DATE"), ("attacked", "TRIGGER"),
    }
    assert all(first.end <= second.start for first, second in zip(highlights, highlights[1:]))


def test_review_highlighted_text_escapes_and_marks():
    html = highlighted_text("<b>Gao</b> & Kidal", [Highlight(3, 6, "PLACE")])
    assert "&lt;b&gt;" in html and "&amp;" in html
    assert re.search(r'<mark class="entity" style="background: #90be6d[^>]*>\s*Gao\s*<span[^>]*>PLACE</span>', html)


def test_review_map_is_inline_svg_with_points_and_regions():
    svg = map_svg([MapPoint(19.46, 0.86, "e1: Armed clash, Aguelhok")],
                  [RegionOutline("Kidal", ((18.4, 1.4), (19.5, 0.9), (20.2, 1.0)))])
    tags = elements(svg)
    assert tags[0][0] == "svg" and tags[0][1]["id"] == "map"
    assert [attrs.get("class") for tag, attrs in tags if tag in ("circle", "polygon")] == ["region", "event-point"]
    assert "<title>e1: Armed clash, Aguelhok</title>" in svg and "http://www.w3.org/2000/svg" in svg
    assert "href" not in svg


def test_review_region_outlines_come_from_the_gazetteer(pipeline):
    assert [(region.name, len(region.outline)) for region in region_outlines(pipeline)] == [("Kidal", 3)]


def test_review_writes_pages_and_index_then_only_what_changed(corpus, tmp_path, pipeline):
    report_dir = tmp_path / "review"
    first = write_review(corpus, report_dir, CONFIG, pipeline=pipeline)
    assert (first.written, first.unchanged, first.errors) == (["aguelhok", "north/gao"], [], [])
    page = (report_dir / "documents" / "aguelhok.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<!-- sahel-events review ")
    assert read_stamp(report_dir / "documents" / "aguelhok.html")["title"] == "Fighting in Aguelhok"
    assert 'href="../../index.html"' in (report_dir / "documents" / "north" / "gao.html").read_text(encoding="utf-8")
    for html in (page, (report_dir / INDEX_PAGE).read_text(encoding="utf-8")):
        loads = [attrs for tag, attrs in elements(html) if tag in ("script", "link", "img", "iframe")]
        assert loads == [] and "@import" not in html
    (corpus / "north" / "gao.txt").write_text("The MNLA clashed with the Malian army near Kidal on 3 March 2013.\n", encoding="utf-8")
    (corpus / "new.txt").write_text("Villagers fled to Gao.\n", encoding="utf-8")
    second = write_review(corpus, report_dir, CONFIG, pipeline=pipeline)
    assert (second.written, second.unchanged) == (["new", "north/gao"], ["aguelhok"])
    (corpus / "new.txt").unlink()
    write_review(corpus, report_dir, CONFIG, pipeline=pipeline)
    assert not (report_dir / "documents" / "new.html").exists()
    assert 'href="documents/north/gao.html"' in (report_dir / INDEX_PAGE).read_text(encoding="utf-8")


def test_review_bad_file_is_named_and_the_rest_written(corpus, tmp_path, pipeline):
    (corpus / "bad.txt").write_bytes(b"\xff")
    report = write_review(corpus, tmp_path / "review", CONFIG, pipeline=pipeline)
    assert [str(error) for error in report.errors] == [f"{(corpus / 'bad.txt').as_posix()}:1: invalid UTF-8 at byte 0 (b'\\xff'); save the file as UTF-8"]
    assert report.written == ["aguelhok", "north/gao"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "Debian's chromium is not installed (.ci/run installs it): the review pages cannot be checked in a browser"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_review_page_in_headless_chromium(corpus, tmp_path, pipeline):
    chromium = _chromium()
    write_review(corpus, tmp_path / "review", CONFIG, pipeline=pipeline)
    page = (tmp_path / "review" / "documents" / "aguelhok.html").resolve().as_uri()
    # every host name resolves to nothing: the page must render offline
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
              "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1200,1600"]
    dom = subprocess.run([*common, "--dump-dom", page], capture_output=True, text=True, timeout=120, check=True).stdout
    tags = elements(dom)
    labels = re.findall(r'<mark class="entity"[^>]*>\s*[^<]+?\s*<span[^>]*>([A-Z]+)</span>', dom)
    assert {"ACTOR", "PLACE", "DATE", "TRIGGER"} <= set(labels)
    assert [attrs.get("id") for tag, attrs in tags if tag == "table"] == ["events"]
    assert sum(1 for tag, attrs in tags if tag == "tr") == 2
    assert [attrs.get("class") for tag, attrs in tags if tag == "svg"] == ["map"]
    assert sum(1 for tag, attrs in tags if tag == "circle" and attrs.get("class") == "event-point") == 1
    screenshot = tmp_path / "aguelhok.png"
    subprocess.run([*common, f"--screenshot={screenshot}", page], capture_output=True, timeout=120, check=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
