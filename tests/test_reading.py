"""Reading: front matter, ids, excluded spans, and every bad-input message."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import CorpusError
from pipeline.reading import ReadingSettings, find_excluded_spans, list_corpus, parse_document, read_corpus, read_document


def test_reading_front_matter_and_body_offsets(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Kidal falls\npublished: 2012-03-30\nlanguage: en\n---\nRebels took Kidal.\n", encoding="utf-8")
    document = read_document(path, tmp_path)
    assert document.id == "a"
    assert document.title == "Kidal falls"
    assert document.published == date(2012, 3, 30)
    assert document.body == "Rebels took Kidal.\n"
    assert document.body_first_line == 6


def test_reading_without_front_matter_keeps_text_verbatim(tmp_path):
    text = "\ufeffLine one.\r\nLine two – with a dash.\r\n"
    path = tmp_path / "b.txt"
    path.write_bytes(text.encode("utf-8"))
    document = read_document(path, tmp_path)
    assert document.body == text.removeprefix("\ufeff")
    assert document.published is None


def test_reading_id_keeps_subfolders(tmp_path):
    (tmp_path / "mali" / "2012").mkdir(parents=True)
    path = tmp_path / "mali" / "2012" / "kidal.txt"
    path.write_text("Text.", encoding="utf-8")
    assert read_document(path, tmp_path).id == "mali/2012/kidal"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "bad.txt: file is empty"),
        (b"  \n\n", "bad.txt: file is empty"),
        (b"Kidal\x00\x01", "bad.txt:1: file is binary (NUL byte); expected UTF-8 text"),
        (b"line one\nKidal \xe9t\xe9\n", "bad.txt:2: invalid UTF-8 at byte 15 (b'\\xe9'); save the file as UTF-8"),
        (b"---\ntitle: x\nno closing line\n", "bad.txt:1: front matter opened with '---' is never closed by a '---' line"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "bad.txt:3: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"),
        (b"---\n- a list\n---\nBody.\n", "bad.txt:2: front matter must be a mapping of keys to values, got list"),
        (b"---\ntitle: x\nauthor: y\n---\nBody.\n", "bad.txt:3: front matter [author] Extra inputs are not permitted (keys allowed: title, source, url, published, language)"),
        (b"---\npublished: 12 May\n---\nBody.\n", "bad.txt:2: front matter [published] Input should be a valid date or datetime, input is too short (keys allowed: title, source, url, published, language)"),
        (b"---\ntitle: x\n---\n\n", "bad.txt:4: document has front matter but no body text"),
        (b"text \x07 bell\n", "bad.txt:1: control character '\\x07' in text; expected plain text"),
    ],
)
def test_reading_bad_input_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CorpusError) as caught:
        read_document(path, tmp_path)
    assert str(caught.value) == message.replace("bad.txt", path.as_posix(), 1)


def test_reading_refuses_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(CorpusError, match="file is 2,000 bytes; at most 1,000 are read"):
        read_document(path, tmp_path, ReadingSettings(max_bytes=1000))


def test_reading_marks_reference_section_and_footnotes():
    body = "Fighting broke out.\n[1] A footnote about 2012.\nMore text.\nWorks Cited (Harvard-style)\n(1) - Author (2012) 'Title'.\n"
    spans = find_excluded_spans(body)
    reasons = [(span.reason, body[span.start:span.end]) for span in spans]
    assert ("footnote", "[1] A footnote about 2012.") in reasons
    assert reasons[-1][0] == "reference section"
    assert body[spans[-1].start:].startswith("Works Cited")


def test_reading_reference_word_inside_prose_is_not_a_section():
    body = "Sources said the town fell.\nNotes were taken.\n"
    assert find_excluded_spans(body) == []


@pytest.mark.parametrize(
    ("body", "dateline"),
    [
        ("BAMAKO (Reuters) - Gunmen killed 12 soldiers.", "BAMAKO (Reuters) - "),
        ("GAO, Mali — Gunmen killed 12 soldiers.", "GAO, Mali — "),
        ("Bamako (AFP) – Gunmen killed 12 soldiers.", "Bamako (AFP) – "),
        ("BAMAKO, March 18 (Reuters) -- Gunmen killed 12 soldiers.", "BAMAKO, March 18 (Reuters) -- "),
        ("First paragraph.\nTIMBUKTU — Gunmen killed 12 soldiers.", "TIMBUKTU — "),
        # a name in running case without an agency, an acronym that acts, a dash inside a paragraph
        ("Gao - the town was attacked again.", None),
        ("MNLA fighters attacked the Gao - Kidal road.", None),
        ("The army said: BAMAKO — calm returned.", None),
    ],
)
def test_reading_marks_a_news_dateline_that_blocks_no_events(body, dateline):
    spans = [span for span in find_excluded_spans(body) if span.reason == "dateline"]
    assert [body[span.start:span.end] for span in spans] == ([dateline] if dateline else [])
    assert not any(span.blocks_events for span in spans)


def test_reading_corpus_continues_after_bad_file(tmp_path):
    (tmp_path / "a.txt").write_text("Good one.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "c.md").write_text("Good two.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Skipped.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    results = list(read_corpus(tmp_path))
    assert [item.id for item in results if not isinstance(item, Exception)] == ["a", "c"]
    errors = [item for item in results if isinstance(item, CorpusError)]
    assert len(errors) == 1 and errors[0].path.endswith("b.txt")


def test_reading_same_id_twice_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Two.", encoding="utf-8")
    listing = list_corpus(tmp_path)
    assert [path.name for path in listing.files] == ["a.md"]
    assert "has the same id 'a' as" in str(listing.errors[0])


def test_reading_missing_corpus_is_reported(tmp_path):
    listing = list_corpus(tmp_path / "nope")
    assert str(listing.errors[0]).endswith("nope: corpus folder does not exist")


def test_reading_parse_document_accepts_text():
    document = parse_document("---\nlanguage: fr\n---\nLe MNLA a pris Kidal.", "fr/one")
    assert document.language == "fr" and document.body == "Le MNLA a pris Kidal."


def test_reading_body_is_composed_unicode(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text("Me\u0301naka fell.", encoding="utf-8")
    document = read_document(path, tmp_path)
    assert document.body == "Ménaka fell." and len(document.body) == 12


@pytest.mark.parametrize(("text", "language"), [
    # with no language in the front matter, the text's own function words tell it
    ("Le 12 mars 2020, des hommes armés ont attaqué le poste de Ténenkou, tuant deux gendarmes.", "fr"),
    ("On 12 March 2020, gunmen attacked the post in Tenenkou, killing two gendarmes.", "en"),
    # one French-looking word ("un") makes no French, nor do too few words to tell
    ("UN peacekeeper injured when vehicle struck explosive device near Kidal city.", "en"),
    ("Gunmen attacked Boni.", "en"),
    # the front matter, when it says, is what counts
    ("---\nlanguage: en\n---\nDes manifestants ont marché à Bamako.", "en"),
    ("---\nlanguage: fr\n---\nThe MNLA took Kidal.", "fr"),
])
def test_reading_tells_the_language_when_the_front_matter_does_not(text, language):
    assert parse_document(text, "doc").language == language
