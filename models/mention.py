"""Entity mentions and time expressions: what the recognition stages find in a body."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "week", "month", "season", "year", "range"]


class EntityMention(BaseModel):
    """A span of the body resolved to a gazetteer entry.

    `alias` is the gazetteer alias that matched (after folding), `score` is 100 for an exact
    alias match and the rapidfuzz ratio for a near-miss; `method` says which rule found it.
    """

    model_config = ConfigDict(frozen=True)

    kind: Literal["actor", "place"]
    entity_id: str
    text: str
    start: int
    end: int
    alias: str
    score: float = Field(ge=0, le=100)
    # "unresolved": a place name the text gives ("the village of Dantao") that no gazetteer
    # entry matched; `entity_id` is then the unit that stands for it (a cercle, region or country)
    method: Literal["alias", "fuzzy", "defined-acronym", "geonames", "unresolved"] = "alias"
    sentence_index: int = -1
    # places only: "region" when the text names the region around a town ("the Kidal region")
    place_scope: Optional[Literal["point", "region", "country"]] = None


class TimeExpression(BaseModel):
    """A normalised time expression with its interval, precision and the anchor it used.

    `start`/`end` are the first and last day of the interval the expression denotes.
    `anchor` is the reference date it was resolved against (None for absolute dates);
    `role` tells what the expression is in the story: a date an event may take (`event`),
    or something that must never date an event nor move the narrative clock.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    char_start: int
    char_end: int
    start: date
    end: date
    precision: Precision
    anchor: Optional[date] = None
    kind: Literal["absolute", "relative", "deictic", "heading"] = "absolute"
    role: Literal["event", "since", "until"] = "event"
    sentence_index: int = -1
    # a date naming something ("the 2015 Algiers Accord"), not when the sentence's act happened
    attributive: bool = False
