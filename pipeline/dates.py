"""Stage 3 — date normalisation: time expressions found, resolved to intervals, and the story clock.

The recogniser is data-driven: `gazetteer/time_words.yaml` holds, per language, the words
(months, fuzzy parts, determiners, connectors) and the templates that combine them; this
module compiles them once into regular expressions and knows only how to *resolve* what a
template captured. dateparser is used for one thing it does better than a template: all-digit
dates ("18/01/2012", "2012-01-18") whose day/month order depends on the language.

Resolution follows the story. Each event expression, in text order, may move a narrative
reference time ("the clock"); relative expressions ("the following March", "later that month",
a bare "In September") resolve against it, deictic ones ("last year", "on Tuesday") against
the publication date. Headings move the clock for what follows. Excluded sentences, citations,
page ranges and titles of cited works yield nothing and never move the clock.

Decisions the contract leaves open, taken here:

- Signals are not part of an expression's text: "since 2012" gives text "2012" with role
  `since`; "between September 2022 and July 2023" gives text "September 2022 and July 2023".
- role `since`: start = the boundary's start, end = the publication date (when known and not
  earlier; `DateSettings.since_end`), precision "range". Role `until` ("until 2023",
  "by December 2015", "before 2012"): the boundary interval itself, with its own precision,
  since the start of such a state is unknown; the role tells consumers it is an upper bound.
  Neither role moves the clock (the model says they never date an event).
- A bare month or day-month takes the year of the clock's start when the clock was set by the
  story (absolute, relative or heading); when the clock is the present (no clock yet, or set by
  a deictic expression) it counts back from the publication date, or forward when the sentence
  speaks of the future ("is due to", "will") — `DateSettings.undated_direction`.
- Fuzzy parts ("early 2012", "mid-May 2014", "the end of the year") are intervals from
  settings, precision "range", never "day"; named seasons have precision "season".
- The clock does not move to an expression that spans more than `reference_max_days`
  (decades, multi-year ranges), to an attributive date ("the 2015 Algiers Accord"), nor to an
  expression that contains the current clock (so "in 2012" after "on June 8th" keeps the day).
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, NamedTuple, Optional

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from models.document import Sentence
from models.mention import TimeExpression

from .errors import GazetteerError, format_validation_error

PART_NAMES = ("early", "beginning", "mid", "late", "end", "first_half", "second_half")
SEASON_NAMES = ("spring", "summer", "autumn", "winter")
UNIT_NAMES = ("day", "week", "month", "year", "decade")
RULES = (
    "date",
    "numeric",
    "deictic_word",
    "deictic_unit",
    "deictic_month",
    "deictic_season",
    "deictic_weekday",
    "ago",
    "later_this",
    "later_that",
    "narrative_unit",
    "narrative_month",
    "narrative_word",
    "shift",
    "weekday",
    "present",
    "ignore",
)
DATE_ORDERS = ("DMY", "MDY", "YMD")
DEFAULT_VOCABULARY = Path(__file__).resolve().parents[1] / "gazetteer" / "time_words.yaml"


class DateSettingsError(ValueError):
    """A `DateSettings` value (or a language) the date stage cannot work with."""


class TimeVocabularyError(GazetteerError):
    """A time vocabulary file (`gazetteer/time_words.yaml`) that does not load or validate."""


# --------------------------------------------------------------------------------------------
# Settings


def _default_month_parts() -> dict[str, tuple[int, int]]:
    return {
        "early": (1, 10),
        "beginning": (1, 10),
        "mid": (11, 20),
        "late": (21, 31),
        "end": (21, 31),
        "first_half": (1, 15),
        "second_half": (16, 31),
    }


def _default_year_parts() -> dict[str, tuple[int, int]]:
    return {
        "early": (1, 4),
        "beginning": (1, 4),
        "mid": (5, 8),
        "late": (9, 12),
        "end": (9, 12),
        "first_half": (1, 6),
        "second_half": (7, 12),
    }


def _default_decade_parts() -> dict[str, tuple[int, int]]:
    return {
        "early": (0, 3),
        "beginning": (0, 3),
        "mid": (3, 6),
        "late": (6, 9),
        "end": (6, 9),
        "first_half": (0, 4),
        "second_half": (5, 9),
    }


def _default_seasons() -> dict[str, tuple[int, int]]:
    return {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class DateSettings:
    """Every tunable of the date stage, with its default.

    vocabulary_path: the YAML time vocabulary (words and templates per language).
    extra_languages: vocabularies applied on top of the document's language (e.g. ("fr",)
        for English reports that quote French dates).
    year_range: (first, last) four-digit numbers read as years; others are quantities.
    max_years_after_published: a year this far past the publication year is not a date
        ("Resolution 2085"), when the publication date is known.
    max_range_years: "1990–2010" is a range only when the end is after the start and at most
        this many years later.
    month_parts: fuzzy part -> (first day, last day) of a month; 31 means the month's last day.
        "mid-May 2014" = May 11–20.
    year_parts: fuzzy part -> (first month, last month) of a year. "early 2012" = Jan–Apr 2012.
    decade_parts: fuzzy part -> (first, last) year offset in a decade. "the early 2000s" =
        2000–2003.
    seasons: season -> (first month, last month); a last month before the first runs into the
        next year (winter 2012 = Dec 2012 – Feb 2013).
    since_end: where a `since` interval ends: "published" (the publication date, falling back
        to the boundary's end when unknown) or "boundary" (the boundary's own end).
    undated_direction: a bare month/day/weekday resolved against the publication date counts
        "past" (most recent, ACLED reports describe past events) or "future"; a future cue in the
        sentence always counts forward.
    reference_max_days: an expression spanning more days does not move the narrative clock
        (headings excepted): decades and multi-year ranges are background, not story time.
    keep_finer_reference: an expression that contains the clock ("in 2012" after "on June 8th")
        leaves the finer clock in place.
    attributive_dates_move_reference: whether "the 2015 Algiers Accord" (a date used as an
        attribute of a noun, usually a named past event) moves the clock.
    dateless_heading_resets_reference: whether a heading without a date stops the clock
        (captions are often mistaken for headings, so off by default).
    weekday_window_days: a weekday resolved against a day-precise story clock is the nearest
        such day within this many days of it.
    numeric_date_order: language -> order of all-digit dates ("DMY", "MDY", "YMD"); a first
        number above 12 swaps day and month.
    title_case_ratio: a quoted span whose words (4+ letters) are capitalised at least this
        often is a title of a cited work, and its dates are ignored.
    title_min_words: ... when it has at least this many such words.
    """

    vocabulary_path: Path = DEFAULT_VOCABULARY
    extra_languages: tuple[str, ...] = ()
    year_range: tuple[int, int] = (1800, 2100)
    max_years_after_published: int = 30
    max_range_years: int = 100
    month_parts: dict[str, tuple[int, int]] = field(default_factory=_default_month_parts)
    year_parts: dict[str, tuple[int, int]] = field(default_factory=_default_year_parts)
    decade_parts: dict[str, tuple[int, int]] = field(default_factory=_default_decade_parts)
    seasons: dict[str, tuple[int, int]] = field(default_factory=_default_seasons)
    since_end: Literal["published", "boundary"] = "published"
    undated_direction: Literal["past", "future"] = "past"
    reference_max_days: int = 400
    keep_finer_reference: bool = True
    attributive_dates_move_reference: bool = False
    dateless_heading_resets_reference: bool = False
    weekday_window_days: int = 3
    numeric_date_order: dict[str, str] = field(default_factory=lambda: {"en": "MDY", "fr": "DMY"})
    title_case_ratio: float = 0.6
    title_min_words: int = 3

    def __post_init__(self) -> None:
        _check_parts("month_parts", self.month_parts, 1, 31)
        _check_parts("year_parts", self.year_parts, 1, 12)
        _check_parts("decade_parts", self.decade_parts, 0, 9)
        if set(self.seasons) != set(SEASON_NAMES):
            raise DateSettingsError(
                f"settings.seasons has keys {sorted(self.seasons)}: expected exactly {', '.join(SEASON_NAMES)}"
            )
        for name, (first, last) in self.seasons.items():
            if not (1 <= first <= 12 and 1 <= last <= 12):
                raise DateSettingsError(
                    f"settings.seasons[{name!r}] = {(first, last)}: expected (first month, last month) within 1..12"
                )
        first_year, last_year = self.year_range
        if not 1000 <= first_year < last_year <= 9999:
            raise DateSettingsError(
                f"settings.year_range = {self.year_range}: expected (first, last) four-digit years, first < last"
            )
        for name in ("max_years_after_published", "max_range_years", "reference_max_days", "title_min_words"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise DateSettingsError(f"settings.{name} = {value!r}: expected a whole number >= 1")
        if not isinstance(self.weekday_window_days, int) or not 0 <= self.weekday_window_days <= 6:
            raise DateSettingsError(
                f"settings.weekday_window_days = {self.weekday_window_days!r}: expected a whole number in 0..6"
            )
        _check_choice("since_end", self.since_end, ("published", "boundary"))
        _check_choice("undated_direction", self.undated_direction, ("past", "future"))
        for language, order in self.numeric_date_order.items():
            if order not in DATE_ORDERS:
                raise DateSettingsError(
                    f"settings.numeric_date_order[{language!r}] = {order!r}: expected one of {', '.join(DATE_ORDERS)}"
                )
        if not 0.0 <= self.title_case_ratio <= 1.0:
            raise DateSettingsError(f"settings.title_case_ratio = {self.title_case_ratio!r}: expected a number in 0..1")


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise DateSettingsError(f"settings.{name} = {value!r}: expected one of {', '.join(allowed)}")


def _check_parts(name: str, parts: dict, low: int, high: int) -> None:
    if set(parts) != set(PART_NAMES):
        raise DateSettingsError(f"settings.{name} has keys {sorted(parts)}: expected exactly {', '.join(PART_NAMES)}")
    for part, bounds in parts.items():
        if not (isinstance(bounds, tuple) and len(bounds) == 2 and low <= bounds[0] <= bounds[1] <= high):
            raise DateSettingsError(
                f"settings.{name}[{part!r}] = {bounds!r}: expected a (first, last) pair with {low} <= first <= last <= {high}"
            )


# --------------------------------------------------------------------------------------------
# Vocabulary: the records `gazetteer/time_words.yaml` must satisfy


class Template(BaseModel):
    """One recognition template: a regular expression over vocabulary slots, and its rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Literal[RULES]  # type: ignore[valid-type]
    pattern: str
    fixed: dict[str, int | str] = {}


class RoleWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    since: list[str]
    until: list[str]
    since_suffixes: list[str] = []


class RangeWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    between: list[tuple[str, str]]
    from_to: list[tuple[str, str]]
    infix: list[str]


class LanguageTimeWords(BaseModel):
    """The time vocabulary of one language (see the header of `time_words.yaml`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[str, int]
    months_needing_cue: list[str] = []
    months_needing_day_or_year: list[str] = []
    capitalised: list[Literal["month", "weekday", "season"]] = []
    lower_case: list[Literal["month", "weekday", "season"]] = []
    weekdays: dict[str, int]
    seasons: dict[str, Literal["spring", "summer", "autumn", "winter"]]
    season_cues: list[str] = []
    seasons_needing_year: list[str] = []
    parts: dict[str, Literal["early", "beginning", "mid", "late", "end", "first_half", "second_half"]]
    day_suffixes: list[str] = []
    day_words: dict[str, int] = {}
    number_words: dict[str, int] = {}
    ordinal_words: dict[str, int] = {}
    units: dict[str, Literal["day", "week", "month", "year", "decade"]]
    unit_plurals: dict[str, Literal["day", "week", "month", "year", "decade"]] = {}
    deictic_words: dict[str, int] = {}
    deictic_determiners: dict[str, int] = {}
    deictic_postfixes: dict[str, int] = {}
    narrative_determiners: dict[str, int] = {}
    narrative_postfixes: dict[str, int] = {}
    narrative_words: dict[str, int] = {}
    later_words: dict[str, Literal["later", "earlier"]] = {}
    shift_directions: dict[str, int] = {}
    before_after: dict[str, int] = {}
    present_words: list[str] = []
    decade_pattern: str
    month_cues: list[str] = []
    year_cues: list[str] = []
    count_nouns: list[str] = []
    number_prefixes: list[str] = []
    determiners: list[str] = []
    name_heads: list[str] = []
    future_cues: list[str] = []
    reporting_verbs: list[str] = []
    roles: RoleWords
    ranges: RangeWords
    templates: list[Template]

    @field_validator("months")
    @classmethod
    def _months_in_range(cls, months: dict[str, int]) -> dict[str, int]:
        for word, number in months.items():
            if not 1 <= number <= 12:
                raise ValueError(f"month {word!r} -> {number}: expected a month number 1..12")
        return months

    @field_validator("weekdays")
    @classmethod
    def _weekdays_in_range(cls, weekdays: dict[str, int]) -> dict[str, int]:
        for word, number in weekdays.items():
            if not 1 <= number <= 7:
                raise ValueError(f"weekday {word!r} -> {number}: expected an ISO weekday 1 (Monday)..7 (Sunday)")
        return weekdays


@functools.lru_cache(maxsize=8)
def load_time_vocabulary(path: Path = DEFAULT_VOCABULARY) -> dict[str, LanguageTimeWords]:
    """Load and validate the time vocabulary, language code -> words and templates.

    Raises:
        TimeVocabularyError: naming the file (and line for YAML syntax errors) and the field
            path of what does not validate.
    """
    shown = Path(path).as_posix()
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except OSError as error:
        raise TimeVocabularyError(shown, None, f"cannot be read: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise TimeVocabularyError(shown, line, f"is not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(raw, dict) or not raw:
        raise TimeVocabularyError(shown, None, "expected a mapping of language codes (en, fr, ...) to vocabularies")
    vocabulary = {}
    for language, words in raw.items():
        try:
            vocabulary[str(language)] = LanguageTimeWords.model_validate(words)
        except ValidationError as error:
            raise TimeVocabularyError(shown, None, f"[{language}] {format_validation_error(error)}") from None
    for language, words in vocabulary.items():
        for index, template in enumerate(words.templates):
            try:
                _compile_template(template.pattern, _slot_patterns(words))
            except (re.error, KeyError, ValueError) as error:
                raise TimeVocabularyError(
                    shown, None, f"[{language} -> templates -> {index}] pattern {template.pattern!r}: {error}"
                ) from None
    return vocabulary


# --------------------------------------------------------------------------------------------
# Grammar: the vocabulary compiled into regular expressions, once per (file, language)

_YEAR = r"(?<![\d,.])(?:1\d|2\d)\d\d(?!\d|[.,]\d)"
_YEAR_END = r"(?:\d{4}|\d{2})(?!\d)"
_NUMERIC = r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}(?!\d)"
_CENTURY_DIGITS = r"\d{1,2}(?:st|nd|rd|th|e|ème)|[IVX]{1,5}(?:e|ème)"
_SLOT = re.compile(r"\{([A-Z_]+)\}")
_APOSTROPHE = "['’]"


def _word_alternation(words) -> str:
    """A regex alternation of words, longest first, spaces flexible, apostrophes either way."""
    parts = []
    for word in sorted(set(words), key=lambda item: (-len(item), item)):
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE).replace("’", _APOSTROPHE)
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _slot_patterns(words: LanguageTimeWords) -> dict[str, str]:
    day_digits = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    if words.day_suffixes:
        day_digits += r"(?:" + "|".join(re.escape(s) for s in sorted(words.day_suffixes, key=len, reverse=True)) + r")?"
    day = r"(?:" + day_digits + r"(?![\d]|[.,]\d)"
    if words.day_words:
        day += "|" + _word_alternation(words.day_words)
    day += ")"
    numbers = r"(?:\d{1,3}(?!\d)" + ("|" + _word_alternation(words.number_words) if words.number_words else "") + ")"
    century = r"(?:" + _CENTURY_DIGITS + ("|" + _word_alternation(words.ordinal_words) if words.ordinal_words else "") + ")"
    return {
        "MONTH": _word_alternation(words.months),
        "DAY": day,
        "DAY_END": day,
        "YEAR": _YEAR,
        "YEAR_END": _YEAR_END,
        "NUM": numbers,
        "NUMERIC": _NUMERIC,
        "DECADE": "(?:" + words.decade_pattern + ")",
        "CENTURY": century,
        "PART": _word_alternation(words.parts),
        "SEASON": _word_alternation(words.seasons),
        "WEEKDAY": _word_alternation(words.weekdays),
        "UNIT": _word_alternation(words.units),
        "UNITS": _word_alternation({**words.units, **words.unit_plurals}),
        "DDET": _word_alternation(words.deictic_determiners),
        "DPOST": _word_alternation(words.deictic_postfixes),
        "NDET": _word_alternation(words.narrative_determiners),
        "NPOST": _word_alternation(words.narrative_postfixes),
        "DWORD": _word_alternation(words.deictic_words),
        "NWORD": _word_alternation(words.narrative_words),
        "LATER": _word_alternation(words.later_words),
        "SHIFTDIR": _word_alternation(words.shift_directions),
        "BEFAFT": _word_alternation(words.before_after),
        "PRESENT": _word_alternation(words.present_words),
    }


def _compile_template(pattern: str, slots: dict[str, str]) -> re.Pattern:
    seen: set[str] = set()

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in slots:
            raise KeyError(f"unknown slot {{{name}}}; known slots: {', '.join(sorted(slots))}")
        if name in seen:
            raise ValueError(f"slot {{{name}}} is used twice")
        seen.add(name)
        return f"(?P<{name.lower()}>{slots[name]})"

    spaced = pattern.replace(" ", r"\s+")
    return re.compile(r"(?<!\w)(?:" + _SLOT.sub(expand, spaced) + r")(?!\w)", re.IGNORECASE)


def _phrase_at_end(words) -> str:
    """Regex: one of `words` ending the text, as a whole word (elided forms glue to what follows)."""
    forms = []
    for word in sorted(set(words), key=lambda item: (-len(item), item)):
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE).replace("’", _APOSTROPHE)
        tail = r"\s*" if word[-1:] in "'’" else r"\s+"
        forms.append(escaped + tail)
    if not forms:
        return r"(?!x)x"
    return r"(?:^|(?<=[^\w'’]))(?:" + "|".join(forms) + r")(?:(?:the|le|la|les|l['’])\s*)?$"


@dataclass(frozen=True)
class _Grammar:
    """One language's vocabulary, compiled."""

    language: str
    words: LanguageTimeWords
    templates: tuple[tuple[str, re.Pattern, tuple[tuple[str, int | str], ...]], ...]
    month_cue: re.Pattern
    month_connector_cue: re.Pattern
    season_cue: re.Pattern
    year_cue: re.Pattern
    number_prefix: re.Pattern
    determiner_before: re.Pattern
    name_after: Optional[re.Pattern]
    future_cue: re.Pattern
    since_before: re.Pattern
    until_before: re.Pattern
    since_after: re.Pattern
    between_pairs: tuple[tuple[re.Pattern, re.Pattern], ...]
    from_pairs: tuple[tuple[re.Pattern, re.Pattern], ...]
    infix: re.Pattern
    narrative_citation: re.Pattern


@functools.lru_cache(maxsize=16)
def _grammar(path: Path, language: str) -> _Grammar:
    vocabulary = load_time_vocabulary(path)
    if language not in vocabulary:
        raise DateSettingsError(
            f"language {language!r} has no time vocabulary in {Path(path).as_posix()}: expected one of {', '.join(sorted(vocabulary))}"
        )
    words = vocabulary[language]
    slots = _slot_patterns(words)
    templates = tuple(
        (template.rule, _compile_template(template.pattern, slots), tuple(sorted(template.fixed.items())))
        for template in words.templates
    )
    connectors = [second for _, second in words.ranges.between] + [second for _, second in words.ranges.from_to]
    connectors += words.ranges.infix
    symbols = [c for c in connectors if not c[:1].isalpha()]
    word_connectors = [c for c in connectors if c[:1].isalpha()]
    connector = "(?:" + "|".join(
        [r"\s*" + re.escape(s) + r"\s*" for s in symbols] + [r"\s+" + _word_alternation([w]) + r"\s+" for w in word_connectors]
    ) + ")"
    month_connector_cue = re.compile(
        r"(?<!\w)" + slots["MONTH"] + r"(?:,?\s+" + _YEAR + r")?" + connector + r"$", re.IGNORECASE
    )
    infix_forms = [r"\s*" + re.escape(s) + r"\s*" for s in words.ranges.infix if not s[:1].isalpha()]
    infix_forms += [r"\s+" + _word_alternation([w]) + r"\s+" for w in words.ranges.infix if w[:1].isalpha()]
    reporting = _word_alternation(words.reporting_verbs)
    return _Grammar(
        language=language,
        words=words,
        templates=templates,
        month_cue=re.compile(_phrase_at_end(words.month_cues), re.IGNORECASE),
        month_connector_cue=month_connector_cue,
        season_cue=re.compile(_phrase_at_end(words.season_cues), re.IGNORECASE),
        year_cue=re.compile(_phrase_at_end(words.year_cues), re.IGNORECASE),
        number_prefix=re.compile(r"(?:^|(?<=[^\w]))" + _word_alternation(words.number_prefixes) + r"\s*$", re.IGNORECASE),
        determiner_before=re.compile(
            r"(?:(?:^|(?<=[^\w]))" + _word_alternation(words.determiners) + r"|['’]s)\s*$", re.IGNORECASE
        ),
        # (capitalised, as a name's head is: "the June 5 Movement", not "the June 5 movement of troops")
        name_after=re.compile(r"^\s+" + _word_alternation(words.name_heads) + r"(?!\w)") if words.name_heads else None,
        future_cue=re.compile(r"(?<!\w)" + _word_alternation(words.future_cues) + r"(?!\w)", re.IGNORECASE),
        since_before=re.compile(_phrase_at_end(words.roles.since), re.IGNORECASE),
        until_before=re.compile(_phrase_at_end(words.roles.until), re.IGNORECASE),
        since_after=re.compile(r"^\s+" + _word_alternation(words.roles.since_suffixes) + r"(?!\w)", re.IGNORECASE),
        between_pairs=tuple(
            (re.compile(_phrase_at_end([first]), re.IGNORECASE), re.compile(r"^\s+" + _word_alternation([second]) + r"\s+(?:(?:the|le|la|les|l['’])\s*)?$", re.IGNORECASE))
            for first, second in words.ranges.between
        ),
        from_pairs=tuple(
            (re.compile(_phrase_at_end([first]), re.IGNORECASE), re.compile(r"^\s+" + _word_alternation([second]) + r"\s*(?:(?:the|le|la|les|l['’])\s*)?$", re.IGNORECASE))
            for first, second in words.ranges.from_to
        ),
        infix=re.compile(r"^(?:" + "|".join(infix_forms) + r")(?:(?:the|le|la|les|l['’])\s*)?$", re.IGNORECASE)
        if infix_forms
        else re.compile(r"(?!x)x"),
        narrative_citation=re.compile(
            r"[A-Z][\w'’-]+(?:\s+et\s+al\.?)?\s*(\(\d{4}[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?\))\s+" + reporting + r"(?!\w)"
        ),
    )


# --------------------------------------------------------------------------------------------
# Recognition: atoms (one template match each), filters, then ranges and roles


@dataclass
class _Atom:
    start: int
    end: int
    rule: str
    fields: dict
    grammar: _Grammar
    order: int


@dataclass
class _Candidate:
    atoms: list[_Atom]
    start: int
    end: int
    role: str = "event"
    attributive: bool = False


_CITATION_PAREN = re.compile(r"\(([^()]*)\)")
_AUTHOR_YEAR = re.compile(r"(?:^|[;(]\s*|\s)[A-Z][^,;()]*,\s*(?:\d{4}[a-z]?|n\.d\.)(?![\d])")
_PAGES = re.compile(r"(?<!\w)pp?\.\s*\d[\d\s,–—-]*")
_QUOTES = re.compile(r"‘(?!\d0s)(.+?)’(?!\w)|“(.+?)”|\"(.+?)\"|«(.+?)»")
_PERCENT = re.compile(r"^\s*(?:%|per\s*cent|percent|pour\s*cent)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"^\s+([^\W\d_][\w'’-]*)")
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _blocked_spans(text: str, grammars: list[_Grammar], settings: DateSettings) -> list[tuple[int, int]]:
    """Character ranges of a sentence whose numbers date nothing: citations, pages, titles."""
    blocked = []
    for match in _CITATION_PAREN.finditer(text):
        inner = match.group(1)
        if _AUTHOR_YEAR.search("(" + inner) or re.search(r"(?<!\w)pp?\.\s*\d", inner):
            blocked.append((match.start(), match.end()))
    for grammar in grammars:
        for match in grammar.narrative_citation.finditer(text):
            blocked.append((match.start(1), match.end(1)))
    for match in _PAGES.finditer(text):
        blocked.append((match.start(), match.end()))
    for match in _QUOTES.finditer(text):
        inner = next(group for group in match.groups() if group is not None)
        words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", inner) if len(word) >= 4]
        if len(words) >= settings.title_min_words:
            capitalised = sum(1 for word in words if word[0].isupper())
            if capitalised / len(words) >= settings.title_case_ratio:
                blocked.append((match.start(), match.end()))
    return blocked


def _lookup(mapping: dict, matched: str):
    key = re.sub(r"\s+", " ", matched.lower()).replace("’", "'")
    if key in mapping:
        return mapping[key]
    for word, value in mapping.items():
        if word.replace("’", "'") == key:
            return value
    return None


def _parse_day(matched: str, words: LanguageTimeWords) -> Optional[int]:
    digits = re.match(r"\d+", matched)
    return int(digits.group()) if digits else _lookup(words.day_words, matched)


def _parse_century(matched: str, words: LanguageTimeWords) -> Optional[int]:
    digits = re.match(r"\d+", matched)
    if digits:
        return int(digits.group())
    roman = re.match(r"[IVX]+", matched)
    if roman:
        values = [_ROMAN[ch] for ch in roman.group()]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return _lookup(words.ordinal_words, matched)


def _parse_decade(matched: str, published: Optional[date]) -> int:
    digits = re.search(r"\d+", matched).group()
    if len(digits) == 4:
        return int(digits)
    tens = int(digits)
    # a two-digit decade is this century's once it has begun, else the last century's
    horizon = published.year if published else 2029
    return 2000 + tens if 2000 + tens <= horizon else 1900 + tens


def _parse_fields(match: re.Match, grammar: _Grammar, fixed, published: Optional[date]) -> Optional[dict]:
    words = grammar.words
    fields: dict = {}
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    for name, value in list(groups.items()) + [(name, value) for name, value in fixed]:
        if not isinstance(value, str):
            fields[name] = value
            continue
        if name == "month":
            fields["month"] = _lookup(words.months, value)
            fields["month_word"] = value
        elif name in ("day", "day_end"):
            fields[name] = _parse_day(value, words)
        elif name == "year":
            fields["year"] = int(value)
        elif name == "year_end":
            fields["year_end"] = int(value)
        elif name == "part":
            fields["part"] = _lookup(words.parts, value) if value not in PART_NAMES else value
        elif name == "season":
            fields["season"] = _lookup(words.seasons, value)
            fields["season_word"] = value
        elif name == "weekday":
            fields["weekday"] = _lookup(words.weekdays, value)
            fields["weekday_word"] = value
        elif name in ("unit", "units"):
            fields["unit"] = _lookup({**words.units, **words.unit_plurals}, value)
        elif name == "num":
            fields["num"] = int(value) if value.isdigit() else _lookup(words.number_words, value)
        elif name == "decade":
            fields["decade"] = _parse_decade(value, published)
        elif name == "century":
            fields["century"] = _parse_century(value, words)
        elif name in ("ddet", "dpost"):
            fields["deictic_offset"] = _lookup({**words.deictic_determiners, **words.deictic_postfixes}, value)
        elif name in ("ndet", "npost"):
            fields["narrative_offset"] = _lookup({**words.narrative_determiners, **words.narrative_postfixes}, value)
        elif name == "dword":
            fields["day_offset"] = _lookup(words.deictic_words, value)
        elif name == "nword":
            fields["day_offset"] = _lookup(words.narrative_words, value)
        elif name == "later":
            fields["later"] = _lookup(words.later_words, value)
        elif name == "shiftdir":
            fields["direction"] = _lookup(words.shift_directions, value)
        elif name == "befaft":
            fields["direction"] = _lookup(words.before_after, value)
        elif name == "present":
            fields["present"] = True
        elif name == "numeric":
            fields["numeric"] = value
    if "ndet" in dict(fixed):
        fields["narrative_offset"] = int(dict(fixed)["ndet"])
    if "year_end" in fields and fields["year_end"] < 100:
        century = fields["year"] // 100 * 100
        fields["year_end"] += century
    if any(value is None for value in fields.values()):
        return None
    return fields


def _is_valid(atom: _Atom, text: str, published: Optional[date], settings: DateSettings) -> bool:
    """Drop template matches that are not dates in context (quantities, verbs, names, titles)."""
    grammar, fields = atom.grammar, atom.fields
    words = grammar.words
    before, after = text[: atom.start], text[atom.end :]
    if atom.rule in ("date", "deictic_month", "narrative_month") and "month" in fields:
        word = fields["month_word"]
        if "month" in words.capitalised and not word[:1].isupper():
            return False
        plain = "day" not in fields and "year" not in fields
        if plain and _lookup({w: True for w in words.months_needing_day_or_year}, word):
            return False
        if (
            plain
            and atom.rule == "date"
            and "part" not in fields
            and _lookup({w: True for w in words.months_needing_cue}, word)
            and not grammar.month_cue.search(before)
            and not grammar.month_connector_cue.search(before)
        ):
            return False
    if "weekday" in fields and "weekday" in words.capitalised and not fields["weekday_word"][:1].isupper():
        return False
    if "season" in fields:
        word = fields["season_word"]
        if "season" in words.lower_case and word[:1].isupper() and before.strip():
            return False
        if atom.rule == "date" and "year" not in fields:
            if not grammar.season_cue.search(before) or _lookup({w: True for w in words.seasons_needing_year}, word):
                return False
    if "year" in fields:
        year = fields["year"]
        latest = settings.year_range[1]
        if published is not None:
            latest = min(latest, published.year + settings.max_years_after_published)
        if not settings.year_range[0] <= year <= latest:
            return False
        if grammar.number_prefix.search(before):
            return False
        if "year_end" in fields and not year < fields["year_end"] <= year + settings.max_range_years:
            return False
        bare = not any(name in fields for name in ("month", "day", "part", "season", "year_end", "present"))
        if bare:
            following = _NEXT_WORD.match(after)
            if (
                following
                and following.group(1).lower() in {noun.lower() for noun in words.count_nouns}
                and not grammar.year_cue.search(before)
            ):
                return False
    if "day" in fields and "month" in fields:
        year = fields.get("year", 2000)  # 2000 is a leap year: 29 February stays possible
        last = calendar.monthrange(year, fields["month"])[1]
        if not 1 <= fields["day"] <= last or not 1 <= fields.get("day_end", fields["day"]) <= last:
            return False
        if "day_end" in fields and fields["day_end"] <= fields["day"]:
            return False
    if atom.rule in ("date", "numeric") and _PERCENT.match(after):
        return False
    return True


def _find_atoms(text: str, grammars: list[_Grammar], published: Optional[date], settings: DateSettings) -> list[_Atom]:
    blocked = _blocked_spans(text, grammars, settings)
    found: list[_Atom] = []
    order = 0
    for grammar in grammars:
        for rule, pattern, fixed in grammar.templates:
            for match in pattern.finditer(text):
                order += 1
                if match.end() == match.start():
                    continue
                if any(start < match.end() and match.start() < end for start, end in blocked):
                    continue
                fields = _parse_fields(match, grammar, fixed, published)
                if fields is None:
                    continue
                atom = _Atom(match.start(), match.end(), rule, fields, grammar, order)
                if _is_valid(atom, text, published, settings):
                    found.append(atom)
    found.sort(key=lambda atom: (-(atom.end - atom.start), atom.start, atom.order))
    chosen: list[_Atom] = []
    for atom in found:
        if all(atom.end <= other.start or other.end <= atom.start for other in chosen):
            chosen.append(atom)
    chosen.sort(key=lambda atom: atom.start)
    return chosen


_RANGEABLE = {"date", "deictic_month", "deictic_unit", "deictic_word", "narrative_month", "narrative_unit", "numeric"}


def _is_range_atom(atom: _Atom) -> bool:
    return "year_end" in atom.fields or "day_end" in atom.fields or ("present" in atom.fields and atom.rule == "date")


def _combine(atoms: list[_Atom], text: str, grammars: list[_Grammar]) -> list[_Candidate]:
    """Join atoms into ranges ("between A and B", "from A to B", "A–B"), then mark roles."""
    candidates: list[_Candidate] = []
    index = 0
    while index < len(atoms):
        left = atoms[index]
        right = atoms[index + 1] if index + 1 < len(atoms) else None
        if (
            right is not None
            and left.rule in _RANGEABLE
            and (right.rule in _RANGEABLE or right.rule == "present")
            and not _is_range_atom(left)
            and not _is_range_atom(right)
        ):
            before, middle = text[: left.start], text[left.end : right.start]
            joined = any(
                first.search(before) and second.match(middle)
                for grammar in grammars
                for first, second in grammar.between_pairs + grammar.from_pairs
            ) or any(grammar.infix.match(middle) for grammar in grammars)
            if joined:
                candidates.append(_Candidate([left, right], left.start, right.end))
                index += 2
                continue
        candidates.append(_Candidate([left], left.start, left.end))
        index += 1
    in_names: set[int] = set()
    for candidate in candidates:
        if len(candidate.atoms) != 1:
            continue
        atom = candidate.atoms[0]
        before, after = text[: candidate.start], text[candidate.end :]
        grammar = atom.grammar
        if grammar.name_after is not None and grammar.determiner_before.search(before) and grammar.name_after.match(after):
            in_names.add(id(candidate))  # part of a name, no time: "the June 5 Movement"
        elif grammar.since_before.search(before):
            candidate.role = "since"
        elif grammar.until_before.search(before):
            candidate.role = "until"
        elif grammar.since_after.match(after) and any(first.search(before) for first, _ in grammar.from_pairs):
            candidate.role = "since"
        elif (
            atom.rule == "date"
            and "day" not in atom.fields
            and grammar.determiner_before.search(before)
            and _NEXT_WORD.match(after)
        ):
            candidate.attributive = True
    return [c for c in candidates
            if id(c) not in in_names and not (len(c.atoms) == 1 and c.atoms[0].rule in ("present", "ignore"))]


# --------------------------------------------------------------------------------------------
# Resolution: intervals against the story clock and the publication date


class _Interval(NamedTuple):
    start: date
    end: date
    precision: str
    anchor: Optional[date]
    kind: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _granularity(start: date, end: date, precision: str) -> int:
    """0 day, 1 week, 2 month, 3 season, 4 year, 5 longer: how coarse an interval is."""
    fixed = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
    if precision in fixed:
        return fixed[precision]
    days = (end - start).days + 1
    for limit, level in ((1, 0), (7, 1), (31, 2), (92, 3), (366, 4)):
        if days <= limit:
            return level
    return 5


_UNIT_GRANULARITY = {"day": 0, "week": 1, "month": 2, "year": 4, "decade": 5}


def _unit_containing(day: date, unit: str, count: int) -> tuple[date, date, str]:
    """The `unit` (day, week, month, year, decade) holding `day`, moved by `count` units."""
    if unit == "day":
        moved = day + timedelta(days=count)
        return moved, moved, "day"
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=count)
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        year, month = _add_months(day.year, day.month, count)
        return date(year, month, 1), _month_end(year, month), "month"
    if unit == "year":
        return date(day.year + count, 1, 1), date(day.year + count, 12, 31), "year"
    first = day.year // 10 * 10 + 10 * count
    return date(first, 1, 1), date(first + 9, 12, 31), "range"


class _Context:
    """What an expression resolves against: the story clock, the publication date, settings."""

    def __init__(self, reference: Optional[TimeExpression], published: Optional[date], future: bool, settings: DateSettings):
        self.reference = reference
        self.published = published
        self.future = future
        self.settings = settings

    def story(self) -> Optional[_Interval]:
        """The clock if running, else the publication day (deictic), else None."""
        if self.reference is not None:
            ref = self.reference
            return _Interval(ref.start, ref.end, ref.precision, ref.start, "relative")
        if self.published is not None:
            return _Interval(self.published, self.published, "day", self.published, "deictic")
        return None

    def story_is_present(self) -> bool:
        return self.reference is None or self.reference.kind == "deictic" or (self.future and self.published is not None)

    def undated_year(self, month: int, day: Optional[int]) -> Optional[tuple[int, date, str]]:
        """The year of a month (and day) written without one: story year, else counted from publication."""
        if not self.story_is_present():
            ref = self.reference
            return ref.start.year, ref.start, "relative"
        if self.published is None:
            return None
        published = self.published
        forward = self.future or self.settings.undated_direction == "future"
        key = (month, day or 0)
        now = (published.month, published.day if day else 0)
        if forward:
            return (published.year if key >= now else published.year + 1), published, "deictic"
        return (published.year if key <= now else published.year - 1), published, "deictic"


def _apply_part(start: date, end: date, precision: str, part: Optional[str], settings: DateSettings):
    """Narrow a month, year or decade to a fuzzy part; None when the part does not apply."""
    if part is None:
        return start, end, precision
    if precision == "month":
        first, last = settings.month_parts[part]
        days = calendar.monthrange(start.year, start.month)[1]
        return date(start.year, start.month, min(first, days)), date(start.year, start.month, min(last, days)), "range"
    if precision == "year":
        first, last = settings.year_parts[part]
        return date(start.year, first, 1), _month_end(start.year, last), "range"
    if precision == "range" and start.year % 10 == 0 and start.month == 1 and start.day == 1 and (end - start).days > 3000:
        first, last = settings.decade_parts[part]
        return date(start.year + first, 1, 1), date(start.year + last, 12, 31), "range"
    return None


def _season_interval(year: int, season: str, settings: DateSettings) -> tuple[date, date]:
    first, last = settings.seasons[season]
    return date(year, first, 1), _month_end(year if last >= first else year + 1, last)


def _resolve_date(fields: dict, ctx: _Context) -> Optional[_Interval]:
    settings = ctx.settings
    part = fields.get("part")
    if "century" in fields:
        first = (fields["century"] - 1) * 100
        return _Interval(date(first, 1, 1), date(first + 99, 12, 31), "range", None, "absolute")
    if "decade" in fields:
        first = fields["decade"]
        narrowed = _apply_part(date(first, 1, 1), date(first + 9, 12, 31), "range", part, settings)
        if narrowed is None:
            return None
        return _Interval(narrowed[0], narrowed[1], "range", None, "absolute")
    if "year" in fields and ("year_end" in fields or "present" in fields):
        if "present" in fields:
            if ctx.published is None or ctx.published.year < fields["year"]:
                return None
            return _Interval(date(fields["year"], 1, 1), ctx.published, "range", ctx.published, "deictic")
        return _Interval(date(fields["year"], 1, 1), date(fields["year_end"], 12, 31), "range", None, "absolute")
    anchor, kind = None, "absolute"
    year = fields.get("year")
    if year is None:
        month = fields.get("month") or (settings.seasons[fields["season"]][0] if "season" in fields else None)
        if month is None:
            return None
        found = ctx.undated_year(month, fields.get("day"))
        if found is None:
            return None
        year, anchor, kind = found
    if "season" in fields:
        start, end = _season_interval(year, fields["season"], settings)
        return _Interval(start, end, "season", anchor, kind)
    if "day" in fields:
        if fields.get("day_end", fields["day"]) > calendar.monthrange(year, fields["month"])[1]:
            return None  # 29 February of a year found from context that is not a leap year
        start = date(year, fields["month"], fields["day"])
        if "day_end" in fields:
            return _Interval(start, date(year, fields["month"], fields["day_end"]), "range", anchor, kind)
        return _Interval(start, start, "day", anchor, kind)
    if "month" in fields:
        narrowed = _apply_part(date(year, fields["month"], 1), _month_end(year, fields["month"]), "month", part, settings)
    else:
        narrowed = _apply_part(date(year, 1, 1), date(year, 12, 31), "year", part, settings)
    if narrowed is None:
        return None
    return _Interval(narrowed[0], narrowed[1], narrowed[2], anchor, kind)


def _shift_story(story: _Interval, unit: str, count: int, part: Optional[str], ctx: _Context) -> Optional[_Interval]:
    """The `unit` `count` units away from the story interval, narrowed by `part`."""
    if _granularity(story.start, story.end, story.precision) > _UNIT_GRANULARITY[unit]:
        # "two days later" after "in September": the story is not precise enough to count days
        if part is not None:
            return None
        if unit in ("day", "week") and story.kind != "deictic":
            # "two weeks later" after "early January": the whole span moves ("mid-to-late January")
            shift = timedelta(days=count) if unit == "day" else timedelta(weeks=count)
            return _Interval(story.start + shift, story.end + shift, "range", story.anchor, story.kind)
        return _Interval(story.start, story.end, story.precision, story.anchor, story.kind)
    base = story.end if count > 0 else story.start
    start, end, precision = _unit_containing(base, unit, count)
    narrowed = _apply_part(start, end, precision, part, ctx.settings)
    if narrowed is None:
        return None
    anchor = story.end if count > 0 else story.start
    return _Interval(narrowed[0], narrowed[1], narrowed[2], anchor, story.kind)


def _published_story(ctx: _Context) -> Optional[_Interval]:
    if ctx.published is None:
        return None
    return _Interval(ctx.published, ctx.published, "day", ctx.published, "deictic")


def _narrowed(story: _Interval, unit: str, later: str, ctx: _Context) -> Optional[_Interval]:
    """The rest of (later) or what came before (earlier) the story point within its unit."""
    if _granularity(story.start, story.end, story.precision) > _UNIT_GRANULARITY[unit]:
        return _Interval(story.start, story.end, story.precision, story.anchor, story.kind)
    start, end, precision = _unit_containing(story.start if later == "earlier" else story.end, unit, 0)
    if later == "later":
        first, last = max(start, story.end + timedelta(days=1)), end
    else:
        first, last = start, min(end, story.start - timedelta(days=1))
    if first > last:
        return _Interval(start, end, precision, story.anchor, story.kind)
    shown = precision if (first, last) == (start, end) else "range"
    return _Interval(first, last, shown, story.anchor, story.kind)


def _weekday_near(day: date, weekday: int, direction: str, include_same: bool) -> date:
    delta = (weekday - day.isoweekday()) % 7 if direction == "forward" else -((day.isoweekday() - weekday) % 7)
    if delta == 0 and not include_same:
        delta = 7 if direction == "forward" else -7
    return day + timedelta(days=delta)


def _resolve_atom(atom: _Atom, ctx: _Context) -> Optional[_Interval]:
    fields, rule, settings = atom.fields, atom.rule, ctx.settings
    published = ctx.published
    if rule == "date":
        return _resolve_date(fields, ctx)
    if rule == "numeric":
        parsed = _parse_numeric(fields["numeric"], atom.grammar.language, settings)
        if parsed is None or not settings.year_range[0] <= parsed.year <= settings.year_range[1]:
            return None
        return _Interval(parsed, parsed, "day", None, "absolute")
    if rule == "present":
        return _published_story(ctx)
    if rule == "deictic_word":
        if published is None:
            return None
        day = published + timedelta(days=fields["day_offset"])
        return _Interval(day, day, "day", published, "deictic")
    if rule == "narrative_word":
        story = ctx.story()
        return None if story is None else _shift_story(story, "day", fields["day_offset"], None, ctx)
    if rule == "deictic_unit":
        now = _published_story(ctx)
        if now is None:
            return None
        return _shift_story(now, fields["unit"], fields["deictic_offset"], fields.get("part"), ctx)
    if rule == "narrative_unit":
        story = ctx.story()
        if story is None:
            return None
        return _shift_story(story, fields["unit"], fields.get("narrative_offset", 0), fields.get("part"), ctx)
    if rule == "ago":
        now = _published_story(ctx)
        return None if now is None else _shift_story(now, fields["unit"], -fields["num"], None, ctx)
    if rule == "shift":
        story = ctx.story()
        if story is None:
            return None
        return _shift_story(story, fields["unit"], fields["num"] * fields["direction"], None, ctx)
    if rule == "later_this":
        now = _published_story(ctx)
        return None if now is None else _narrowed(now, fields["unit"], fields["later"], ctx)
    if rule == "later_that":
        story = ctx.story()
        return None if story is None else _narrowed(story, fields["unit"], fields["later"], ctx)
    if rule == "deictic_month":
        if published is None:
            return None
        month, offset = fields["month"], fields["deictic_offset"]
        year = published.year
        if offset < 0 and month >= published.month:
            year -= 1
        elif offset > 0 and month <= published.month:
            year += 1
        narrowed = _apply_part(date(year, month, 1), _month_end(year, month), "month", fields.get("part"), settings)
        return None if narrowed is None else _Interval(*narrowed, published, "deictic")
    if rule == "narrative_month":
        story = ctx.story()
        if story is None:
            return None
        month, offset = fields["month"], fields["narrative_offset"]
        if offset > 0:
            year = story.end.year if month > story.end.month else story.end.year + 1
        elif offset < 0:
            year = story.start.year if month < story.start.month else story.start.year - 1
        else:
            year = story.start.year
        anchor = story.end if offset > 0 else story.start
        return _Interval(date(year, month, 1), _month_end(year, month), "month", anchor, story.kind)
    if rule == "deictic_season":
        if published is None:
            return None
        season, offset = fields["season"], fields["deictic_offset"]
        occurrences = [_season_interval(year, season, settings) for year in range(published.year - 2, published.year + 2)]
        if offset < 0:
            start, end = [o for o in occurrences if o[1] < published][-1]
        elif offset > 0:
            start, end = [o for o in occurrences if o[0] > published][0]
        else:
            current = [o for o in occurrences if o[0] <= published <= o[1]]
            start, end = current[0] if current else _season_interval(published.year, season, settings)
        return _Interval(start, end, "season", published, "deictic")
    if rule == "deictic_weekday":
        if published is None:
            return None
        offset, weekday = fields["deictic_offset"], fields["weekday"]
        if offset == 0:
            day = published - timedelta(days=published.weekday()) + timedelta(days=weekday - 1)
        else:
            day = _weekday_near(published, weekday, "forward" if offset > 0 else "back", include_same=False)
        return _Interval(day, day, "day", published, "deictic")
    if rule == "weekday":
        weekday = fields["weekday"]
        ref = ctx.reference
        if ref is not None and ref.kind != "deictic" and ref.precision == "day":
            options = [ref.start + timedelta(days=d) for d in range(-settings.weekday_window_days, settings.weekday_window_days + 1)]
            matching = [d for d in options if d.isoweekday() == weekday]
            if matching:
                day = min(matching, key=lambda d: (abs((d - ref.start).days), d < ref.start))
                return _Interval(day, day, "day", ref.start, "relative")
        if published is None:
            return None
        forward = ctx.future or settings.undated_direction == "future"
        day = _weekday_near(published, weekday, "forward" if forward else "back", include_same=True)
        return _Interval(day, day, "day", published, "deictic")
    return None


@functools.lru_cache(maxsize=8)
def _numeric_parser(language: str, order: str):
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=[language],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order, "PREFER_LOCALE_DATE_ORDER": False},
    )


def _parse_numeric(text: str, language: str, settings: DateSettings) -> Optional[date]:
    order = settings.numeric_date_order.get(language, "DMY")
    parsed = _numeric_parser(language, order).get_date_data(text)
    return parsed.date_obj.date() if parsed and parsed.date_obj else None


def _inherit_year(left: _Atom, right: _Atom) -> tuple[dict, dict]:
    """Fill a range endpoint's missing year from the other ("January–May 2012")."""
    a, b = dict(left.fields), dict(right.fields)
    if left.rule != "date" or right.rule != "date":
        return a, b
    if "year" not in a and "year" in b and ("month" in a or "season" in a):
        a["year"] = b["year"] - 1 if a.get("month", 0) > b.get("month", 13) else b["year"]
    elif "year" not in b and "year" in a and ("month" in b or "season" in b):
        b["year"] = a["year"] + 1 if b.get("month", 13) < a.get("month", 0) else a["year"]
    if "month" not in a and "month" in b and "day" in a:
        a["month"] = b["month"]
    return a, b


def _resolve_candidate(candidate: _Candidate, ctx: _Context) -> Optional[_Interval]:
    if len(candidate.atoms) == 1:
        interval = _resolve_atom(candidate.atoms[0], ctx)
        if interval is None or candidate.role != "since":
            return interval
        end = interval.end
        if ctx.settings.since_end == "published" and ctx.published is not None and ctx.published >= interval.start:
            end = ctx.published
        precision = interval.precision if end == interval.end else "range"
        return _Interval(interval.start, end, precision, interval.anchor, interval.kind)
    left, right = candidate.atoms
    left_fields, right_fields = _inherit_year(left, right)
    first = _resolve_atom(_Atom(left.start, left.end, left.rule, left_fields, left.grammar, left.order), ctx)
    if first is None:
        return None
    if right.rule == "date" and "year" not in right_fields and ("month" in right_fields or "season" in right_fields):
        month = right_fields.get("month") or ctx.settings.seasons[right_fields["season"]][0]
        right_fields["year"] = first.start.year + (1 if month < first.start.month else 0)
    second = _resolve_atom(_Atom(right.start, right.end, right.rule, right_fields, right.grammar, right.order), ctx)
    if second is None or second.end < first.start:
        return None
    kinds = {first.kind, second.kind}
    kind = "relative" if "relative" in kinds else "deictic" if "deictic" in kinds else "absolute"
    return _Interval(first.start, second.end, "range", first.anchor or second.anchor, kind)


# --------------------------------------------------------------------------------------------
# The stage


class DateAnalysis(NamedTuple):
    """What the date stage returns for one document.

    expressions: event-relevant time expressions in text order (roles event/since/until).
    in_force: for each sentence, by position (the i-th of `sentences`), the narrative reference
        time in force at its start, set by earlier sentences and headings; None before any.
    """

    expressions: list[TimeExpression]
    in_force: list[Optional[TimeExpression]]


def _moves_clock(
    expression: TimeExpression, candidate: _Candidate, heading: bool, reference: Optional[TimeExpression], settings: DateSettings
) -> bool:
    if expression.role != "event":
        return False
    if heading:
        return True
    if (expression.end - expression.start).days + 1 > settings.reference_max_days:
        return False
    if candidate.attributive and not settings.attributive_dates_move_reference:
        return False
    if (
        settings.keep_finer_reference
        and reference is not None
        and expression.start <= reference.start
        and reference.end <= expression.end
        and (expression.start, expression.end) != (reference.start, reference.end)
    ):
        return False
    return True


def normalise_dates(
    body: str,
    sentences: list[Sentence],
    published: Optional[date],
    language: str = "en",
    settings: DateSettings = DateSettings(),
) -> DateAnalysis:
    """Find, resolve and order the time expressions of a document body.

    Args:
        body: the document text; every expression's offsets index into it.
        sentences: the body's sentences in order (`pipeline.sentences.split_sentences`);
            excluded ones yield nothing, headings set the clock for what follows.
        published: the publication date, anchor of deictic words; None when unknown (deictic
            expressions are then dropped, bare months need a story year).
        language: the document language; its vocabulary (plus `settings.extra_languages`) is used.
        settings: tunables; defaults to `DateSettings()`.

    Returns:
        A `DateAnalysis` with the expressions in text order and the clock in force at the start
        of each sentence.

    Raises:
        DateSettingsError: when `language` (or an extra language) has no vocabulary.
        TimeVocabularyError: when the vocabulary file does not load or validate.
    """
    path = Path(settings.vocabulary_path)
    grammars = [_grammar(path, language)] + [_grammar(path, extra) for extra in settings.extra_languages if extra != language]
    reference: Optional[TimeExpression] = None
    expressions: list[TimeExpression] = []
    in_force: list[Optional[TimeExpression]] = []
    for position, sentence in enumerate(sentences):
        in_force.append(reference)
        if sentence.is_excluded:
            continue
        text = body[sentence.start : sentence.end]
        future = any(grammar.future_cue.search(text) for grammar in grammars)
        atoms = _find_atoms(text, grammars, published, settings)
        dated = False
        for candidate in _combine(atoms, text, grammars):
            ctx = _Context(reference, published, future, settings)
            interval = _resolve_candidate(candidate, ctx)
            if interval is None or interval.end < interval.start:
                continue
            start, end = sentence.start + candidate.start, sentence.start + candidate.end
            expression = TimeExpression(
                text=body[start:end],
                char_start=start,
                char_end=end,
                start=interval.start,
                end=interval.end,
                precision=interval.precision,
                anchor=interval.anchor if interval.kind != "absolute" else None,
                kind="heading" if sentence.is_heading else interval.kind,
                role=candidate.role,
                sentence_index=sentence.index,
                attributive=candidate.attributive,
            )
            expressions.append(expression)
            dated = True
            clock = expression
            if candidate.role == "since" and len(candidate.atoms) == 1:
                # "since 2023, …; in December": a span opening after the story's time brings the
                # story to its start, as precise as it was said; one opening before it ("held the
                # town since 2009") is background and leaves the clock alone
                own = _resolve_atom(candidate.atoms[0], ctx)
                if own is not None and reference is not None and own.start > reference.end:
                    clock = expression.model_copy(update={"start": own.start, "end": own.end, "precision": own.precision,
                                                          "role": "event"})
            if _moves_clock(clock, candidate, sentence.is_heading, reference, settings):
                reference = clock
        if sentence.is_heading and not dated and settings.dateless_heading_resets_reference:
            reference = None
    return DateAnalysis(expressions, in_force)


def parse_date_text(
    text: str, published: Optional[date], language: str = "en", settings: DateSettings = DateSettings()
) -> DateAnalysis:
    """`normalise_dates` over a free text (the `sahel-events dates` command).

    The text is split with `pipeline.sentences.split_sentences`; a single-line text is read as
    body text, never as a heading, since it has nothing to head.
    """
    from .sentences import split_sentences

    sentences = split_sentences(text, language)
    if "\n" not in text.strip():
        sentences = [sentence.model_copy(update={"is_heading": False}) for sentence in sentences]
    return normalise_dates(text, sentences, published, language, settings)
