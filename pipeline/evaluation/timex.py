"""Date normalisation measured on TempEval-3 platinum: extent recall and TIMEX3 value accuracy.

The input is one JSON object per line: `doc_id`, `dct` (document creation time, used as the
publication date), `text`, and `timex3` (gold expressions with `start`, `end`, `text`, `type`,
`value`). Only gold `type == "DATE"` expressions are scored:

- strict extent recall: gold spans that an expression covers exactly;
- relaxed extent recall: gold spans that an expression overlaps;
- value accuracy: over the relaxed-matched gold, the share whose value equals our expression
  rendered as a TIMEX3 value (`timex_value`).

TimeML marks the two ends of "2009-2010" as two TIMEX3s, where this stage returns one range;
a gold end inside a range expression is compared with the range's start when the gold lies in
the first half of the expression's text, else with its end (`timex_value_at`).
Precision, reported for information, counts our expressions overlapping any gold TIMEX3 (any
type) among all expressions.

Run as `python -m pipeline.evaluation.timex PATH` (prints the figures as JSON).
"""
from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from models.mention import TimeExpression
from pipeline.dates import DateSettings, normalise_dates
from pipeline.sentences import split_sentences

SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}


def _season_of(start: date, settings: DateSettings) -> Optional[str]:
    for name, (first, _) in settings.seasons.items():
        if start.month == first:
            return name
    return None


def _endpoint_value(day: date, other: date, is_start: bool) -> str:
    """A range end rendered at the coarsest unit it is aligned to (year, month or day)."""
    if is_start and day.month == 1 and day.day == 1 and (other.month, other.day) == (12, 31):
        return f"{day.year:04d}"
    if not is_start and (day.month, day.day) == (12, 31) and other.month == 1 and other.day == 1:
        return f"{day.year:04d}"
    month_start = day.day == 1
    month_end = (day + timedelta(days=1)).day == 1
    if (is_start and month_start and (other + timedelta(days=1)).day == 1) or (
        not is_start and month_end and other.day == 1
    ):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def timex_value(expression: TimeExpression, settings: DateSettings = DateSettings()) -> str:
    """The TIMEX3 `value` of an expression.

    day -> YYYY-MM-DD, week -> YYYY-Www, month -> YYYY-MM, season -> YYYY-SP/SU/FA/WI,
    year -> YYYY. A range renders as the smallest calendar unit holding it: a century ("19"),
    a decade ("199"), a year, or a month; fuzzy parts ("early December") thus render as their
    month or year, as TimeML does (it puts the part in `mod`). A range across units renders as
    "START/END".
    """
    start, end = expression.start, expression.end
    if expression.precision == "day":
        return start.isoformat()
    if expression.precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if expression.precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if expression.precision == "year":
        return f"{start.year:04d}"
    if expression.precision == "season":
        season = _season_of(start, settings)
        return f"{start.year:04d}-{SEASON_CODES[season]}" if season else f"{start.year:04d}"
    whole_years = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    if whole_years and start.year % 100 == 0 and end.year == start.year + 99:
        return f"{start.year // 100:02d}"
    if whole_years and start.year % 10 == 0 and end.year == start.year + 9:
        return f"{start.year // 10:03d}"
    if start.year == end.year and start.month == end.month:
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return f"{_endpoint_value(start, end, True)}/{_endpoint_value(end, start, False)}"


def timex_value_at(expression: TimeExpression, gold_start: int, settings: DateSettings = DateSettings()) -> str:
    """The value to compare with a gold TIMEX3 starting at `gold_start` inside `expression`."""
    value = timex_value(expression, settings)
    if "/" not in value:
        return value
    first, last = value.split("/")
    middle = (expression.char_start + expression.char_end) / 2
    return first if gold_start < middle else last


def evaluate_timex(path: str | Path, settings: DateSettings = DateSettings()) -> dict:
    """Score `normalise_dates` on a TempEval-3 style JSONL file (see the module docstring).

    Returns:
        A dict with counts (`documents`, `gold_dates`, `strict_matched`, `relaxed_matched`,
        `value_correct`, `system_expressions`, `system_overlapping_gold`), the rates
        `strict_recall`, `relaxed_recall`, `value_accuracy`, `precision`, and `errors`: the
        relaxed-matched gold whose value differs, as [doc_id, text, gold value, our value].
    """
    counts = dict.fromkeys(
        ("documents", "gold_dates", "strict_matched", "relaxed_matched", "value_correct", "system_expressions", "system_overlapping_gold"),
        0,
    )
    errors: list[list[str]] = []
    missed: list[list[str]] = []
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        counts["documents"] += 1
        text = record["text"]
        published = date.fromisoformat(record["dct"][:10])
        sentences = split_sentences(text, "en")
        expressions = normalise_dates(text, sentences, published, "en", settings).expressions
        gold_all = record["timex3"]
        counts["system_expressions"] += len(expressions)
        counts["system_overlapping_gold"] += sum(
            1 for e in expressions if any(g["start"] < e.char_end and e.char_start < g["end"] for g in gold_all)
        )
        for gold in (g for g in gold_all if g["type"] == "DATE"):
            counts["gold_dates"] += 1
            overlapping = [e for e in expressions if gold["start"] < e.char_end and e.char_start < gold["end"]]
            if any((e.char_start, e.char_end) == (gold["start"], gold["end"]) for e in overlapping):
                counts["strict_matched"] += 1
            if not overlapping:
                missed.append([record["doc_id"], gold["text"], gold["value"]])
                continue
            counts["relaxed_matched"] += 1
            best = min(overlapping, key=lambda e: abs(e.char_start - gold["start"]) + abs(e.char_end - gold["end"]))
            ours = timex_value_at(best, gold["start"], settings)
            if ours == gold["value"]:
                counts["value_correct"] += 1
            else:
                errors.append([record["doc_id"], gold["text"], gold["value"], ours])
    gold = counts["gold_dates"] or 1
    return {
        **counts,
        "strict_recall": round(counts["strict_matched"] / gold, 4),
        "relaxed_recall": round(counts["relaxed_matched"] / gold, 4),
        "value_accuracy": round(counts["value_correct"] / (counts["relaxed_matched"] or 1), 4),
        "precision": round(counts["system_overlapping_gold"] / (counts["system_expressions"] or 1), 4),
        "errors": errors,
        "missed": missed,
    }


def main(argv: Optional[list[str]] = None) -> int:
    """`python -m pipeline.evaluation.timex PATH`: print the scores as JSON."""
    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) != 1:
        print("usage: python -m pipeline.evaluation.timex PATH_TO_TIMEX3_JSONL", file=sys.stderr)
        return 2
    print(json.dumps(evaluate_timex(arguments[0]), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
