"""Stage 2 — sentence splitting that survives citations, titles, initials and footnote digits.

spaCy's rule-based `sentencizer` breaks after "p." and "pp." in citations such as
"(McGregor, 2017, p. 10)" and after titles such as "Col.", so this stage splits by rule:
every line break ends a sentence (articles keep one paragraph per line), and inside a line a
sentence ends at ., ! or ? followed by space and a capital, unless the word before the stop is a
known abbreviation or an initial. A parenthetical citation right after a sentence stays with
that sentence, and a footnote number glued after the stop ("atrocities.3 As") ends it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.document import Document, Sentence


@dataclass(frozen=True)
class SentenceSettings:
    """Tunables of the splitter.

    abbreviations: words (lower case, without the final stop) after which a stop never ends
        a sentence: citation markers, military and civil titles, months, Latin abbreviations.
    heading_max_chars: a line this short without final punctuation is a heading.
    footnote_max_digits: digits glued after a stop that are read as a footnote number.
    """

    abbreviations: frozenset[str] = field(
        default_factory=lambda: frozenset(
            """p pp para paras vol vols no nos ed eds fig cf al etc ibid op cit e.g i.e vs viz approx
            col lt gen maj brig capt cpt sgt cmdr adm mr mrs ms dr prof rev st mt ft gov sen rep pres
            jan feb mar apr jun jul aug sep sept oct nov dec sq km kms est ca inc ltd co corp jr sr
            art arts mme mlle m mm gal lieut""".split()
        )
    )
    heading_max_chars: int = 90
    footnote_max_digits: int = 2


DEFAULT_SETTINGS = SentenceSettings()

_TERMINAL = re.compile(r"[.!?…]")
_CLOSERS = "\"'”’»)]"
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ.]+)$")


def _is_abbreviation(line: str, stop: int, settings: SentenceSettings) -> bool:
    """True when the '.' at `stop` closes an abbreviation or an initial rather than a sentence."""
    if line[stop] != ".":
        return False
    match = _WORD_BEFORE.search(line[:stop])
    if not match:
        return False
    word = match.group(1).strip(".")
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "A. Lebovich", "J. R. R."
    if "." in word:
        return True  # "U.S.", "e.g."
    return word.lower() in settings.abbreviations


def _starts_sentence(text: str) -> bool:
    """True when `text` (what follows the gap after a stop) can open a sentence."""
    if not text:
        return False
    first = text[0]
    if first in "\"'“‘«([":
        return len(text) > 1 and (text[1].isupper() or text[1].isdigit())
    return first.isupper() or first.isdigit()


def _closing_paren(line: str, open_at: int) -> int:
    """Index just past the ')' matching the '(' at `open_at`, or -1 when unbalanced."""
    depth = 0
    for index in range(open_at, len(line)):
        if line[index] == "(":
            depth += 1
        elif line[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def split_line(line: str, settings: SentenceSettings = DEFAULT_SETTINGS) -> list[tuple[int, int]]:
    """Split one line (a paragraph) into sentence spans, as (start, end) offsets into `line`.

    Spans are trimmed of surrounding white space; an empty line gives no span.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    index = 0
    length = len(line)
    while index < length:
        if not _TERMINAL.match(line, index) or _is_abbreviation(line, index, settings):
            index += 1
            continue
        end = index + 1
        while end < length and (line[end] in _CLOSERS or _TERMINAL.match(line, end)):
            end += 1
        digits = re.match(r"\d{1,%d}(?=\s)" % settings.footnote_max_digits, line[end:])
        if digits:
            end += digits.end()
        gap = end
        while gap < length and line[gap].isspace():
            gap += 1
        if gap == length:
            break
        if gap > end and line[gap] == "(":
            # a citation right after the stop belongs to the sentence it supports
            close = _closing_paren(line, gap)
            if close > 0:
                after = close
                while after < length and line[after].isspace():
                    after += 1
                if after == length:
                    break
                if _starts_sentence(line[after:]):
                    spans.append((start, close))
                    start = index = after
                    continue
            index = gap
            continue
        if gap > end and _starts_sentence(line[gap:]):
            spans.append((start, end))
            start = index = gap
            continue
        index = end
    spans.append((start, length))
    trimmed = []
    for span_start, span_end in spans:
        text = line[span_start:span_end]
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if right > left:
            trimmed.append((span_start + left, span_start + right))
    return trimmed


def _is_heading(text: str, settings: SentenceSettings) -> bool:
    return len(text) <= settings.heading_max_chars and not re.search(r"[.!?:;,”\"]$", text)


def split_sentences(
    body: str,
    language: str = "en",
    excluded: list | tuple = (),
    settings: SentenceSettings = DEFAULT_SETTINGS,
) -> list[Sentence]:
    """Split a document body into sentences with offsets into `body`.

    Args:
        body: the document text after front matter.
        language: "en" or "fr"; the abbreviation list covers both.
        excluded: spans (objects with `start` and `end`) that yield no events; sentences
            overlapping them are marked `is_excluded`, unless a span says it does not block
            events (`blocks_events` false: a dateline).
        settings: splitter tunables; defaults to `DEFAULT_SETTINGS`.

    Returns:
        Sentences in text order, indexed from 0. Short lines without final punctuation are
        marked `is_heading`.
    """
    sentences: list[Sentence] = []
    lines = [match for match in re.finditer(r"[^\r\n]+", body) if match.group().strip()]
    for number, line_match in enumerate(lines):
        line = line_match.group()
        offset = line_match.start()
        # a heading introduces what follows it: the last line of a text is never one
        can_be_heading = number < len(lines) - 1
        for span_start, span_end in split_line(line, settings):
            start, end = offset + span_start, offset + span_end
            text = body[start:end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text,
                    is_heading=can_be_heading
                    and span_start == len(line) - len(line.lstrip())
                    and span_end == len(line.rstrip())
                    and _is_heading(text, settings),
                    is_excluded=any(span.start < end and start < span.end and getattr(span, "blocks_events", True)
                                    for span in excluded),
                )
            )
    return sentences


def document_sentences(document: Document, settings: SentenceSettings = DEFAULT_SETTINGS) -> list[Sentence]:
    """`split_sentences` over a document's body, honouring its excluded spans."""
    return split_sentences(document.body, document.language, document.excluded, settings)
