"""Sentence splitting: citations, titles, initials, footnote digits, headings, offsets."""
from __future__ import annotations

import pytest

from models.document import TextSpan
from pipeline.sentences import split_line, split_sentences


def texts(body: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # citations with page markers stay inside their sentence
        (
            "The group was weak (Smith, 2019, p. 10; Jones, 2020, pp. 661, 663). It split later.",
            ["The group was weak (Smith, 2019, p. 10; Jones, 2020, pp. 661, 663).", "It split later."],
        ),
        # a citation after the stop belongs to the sentence before it
        (
            "Fighting resumed in Gao. (Reuters, 2013) The army withdrew.",
            ["Fighting resumed in Gao. (Reuters, 2013)", "The army withdrew."],
        ),
        ("Rebels held the town. (AFP, 2012)", ["Rebels held the town. (AFP, 2012)"]),
        # military titles and initials
        (
            "Col. Ag Habi defected. Gen. Gamou was appointed by Lt. Col. Goita.",
            ["Col. Ag Habi defected.", "Gen. Gamou was appointed by Lt. Col. Goita."],
        ),
        ("A report by N. Desgrais and A. Lebovich appeared. It was cited.", ["A report by N. Desgrais and A. Lebovich appeared.", "It was cited."]),
        ("The U.S. military built a base. Drones flew.", ["The U.S. military built a base.", "Drones flew."]),
        # a footnote number glued after the stop ends the sentence with it
        ("Atrocities followed.3 As well as that, recruits came.", ["Atrocities followed.3", "As well as that, recruits came."]),
        # a digit glued to a name is not a boundary
        ("Many rallied to MOJWA2 following the clashes. Others fled.", ["Many rallied to MOJWA2 following the clashes.", "Others fled."]),
        # abbreviations followed by lower case do not end a sentence
        ("It held 800,000 sq. km. of land. Gao was its capital.", ["It held 800,000 sq. km. of land.", "Gao was its capital."]),
        # quotes close the sentence they end
        ('He called it “feudal.” Nobody agreed.', ["He called it “feudal.”", "Nobody agreed."]),
        ("Was it over? No! It went on.", ["Was it over?", "No!", "It went on."]),
        # line breaks always end a sentence
        ("First line without stop\nSecond line.", ["First line without stop", "Second line."]),
    ],
)
def test_sentences_split(body, expected):
    assert texts(body) == expected


def test_sentences_offsets_index_the_body():
    body = "  Intro line\n\nOn 18 January, rebels attacked. (AFP, 2012) Troops fled.\n"
    for sentence in split_sentences(body):
        assert body[sentence.start:sentence.end] == sentence.text
    assert [sentence.index for sentence in split_sentences(body)] == [0, 1, 2]


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("January–May 2012", True),
        ("Tuareg-Islamist Rebellion (2012)", True),
        ("The army retook the town.", False),
        ("A very long line without a stop that goes on and on describing things in detail for many words indeed", False),
    ],
)
def test_sentences_headings(line, is_heading):
    first, _following = split_sentences(f"{line}\nThe story goes on.")
    assert first.is_heading is is_heading


def test_sentences_last_line_is_never_a_heading():
    # a one-line report without a final stop is a sentence, not a heading
    (sentence,) = split_sentences("Rebels take over a border town")
    assert not sentence.is_heading


def test_sentences_marks_excluded_spans():
    body = "Fighting broke out.\nWorks Cited\n(1) Author (2012) Title.\n"
    start = body.index("Works")
    sentences = split_sentences(body, excluded=[TextSpan(start=start, end=len(body), reason="reference section")])
    assert [sentence.is_excluded for sentence in sentences] == [False, True, True]


def test_sentences_split_line_spans_are_trimmed():
    assert split_line("  One.  Two.  ") == [(2, 6), (8, 12)]
