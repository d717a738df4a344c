"""Gazetteer entries: the records that `gazetteer/*.yaml` must satisfy when loaded."""
from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .event import ACLED_TAXONOMY

# ACLED's actor categories (the `inter` codes 1-8), plus the two kinds ACLED codes only as
# associated actors: identity groups (ethnic, religious) and occupation/social groups.
ActorKind = Literal[
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
    "identity group",
    "social group",
]

PlaceKind = Literal["country", "region", "cercle", "commune", "town", "village", "site", "area"]
# places people live in or at: a scene, a point an event happens at
SETTLEMENT_KINDS = frozenset({"town", "village", "site", "commune"})


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AcledLabel(_Entry):
    """An ACLED actor label and the span (inclusive) it applies to; open ends are None.

    `from`/`to` are a year (2013) or, for a label ACLED changed within a year, a month
    ("2020-11"). `undated`: the label for an event whose year is unknown, in place of the first
    listed (the gendarmerie's "Gendarmerie" label names the force itself; the earlier plain police
    label was a coarser coding).
    """

    label: str
    start: Optional[int | str] = Field(default=None, alias="from")
    end: Optional[int | str] = Field(default=None, alias="to")
    country: Optional[str] = None
    undated: bool = False

    @field_validator("start", "end")
    @classmethod
    def _year_or_month(cls, value):
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-(?:0[1-9]|1[0-2])", value):
            raise ValueError(f"{value!r} is neither a year nor a month written YYYY-MM")
        return value

    @staticmethod
    def _month(bound: int | str | None, last: bool) -> Optional[tuple[int, int]]:
        """(year, month) of a bound: a year's first month for a start, its last for an end."""
        if bound is None:
            return None
        if isinstance(bound, int):
            return (bound, 12 if last else 1)
        return (int(bound[:4]), int(bound[5:7]))

    def applies(self, year: Optional[int], country: Optional[str] = None, month: Optional[int] = None) -> bool:
        """True in `year` (and `month`, when known; with only the year known, a label that
        applies in any month of it does)."""
        if country is not None and self.country is not None and self.country != country:
            return False
        if year is None:
            return True
        first, last = self._month(self.start, False), self._month(self.end, True)
        if month is None:
            return (first is None or first[0] <= year) and (last is None or year <= last[0])
        return (first is None or first <= (year, month)) and (last is None or (year, month) <= last)


class Membership(_Entry):
    """Membership of an actor in a coalition or parent group over a span of years.

    `coded_as_parent`: whether the member's acts are coded as the group's, with the member
    associated (a JNIM brigade); false for a coalition whose members keep acting under their own
    names (the MNLA in the CMA before the 2023 merger, GATIA in the Plateforme).
    `undated`: whether the membership is assumed for an event whose year is unknown (default
    true); false for a group that reporting names by its own name mostly for its acts from
    before it joined (after the 2017 merger, reporting names JNIM, not Ansar Dine).
    `from_month`: the month of `from` it starts in, when known (a coding practice that began
    mid-year).
    An identity group's membership in an occupation group (a social group) that is not coded
    as its parent associates the occupation with the identity group wherever it is coded
    (ACLED codes Dogon civilians with Farmers from mid-2020).
    """

    group: str
    start_year: Optional[int] = Field(default=None, alias="from")
    start_month: Optional[int] = Field(default=None, alias="from_month", ge=1, le=12)
    end_year: Optional[int] = Field(default=None, alias="to")
    coded_as_parent: bool = True
    undated: bool = True
    note: Optional[str] = None

    def holds(self, year: Optional[int], month: Optional[int] = None) -> bool:
        """True in `year` (and `month`, when known); with the year unknown, as `undated` says."""
        if year is None:
            return self.undated
        start = (self.start_year, self.start_month or 1) if self.start_year is not None else None
        if start is not None and (year, month or 12) < start:
            return False
        return self.end_year is None or year <= self.end_year


class PersonRole(_Entry):
    """For a person: the group they belong to and their role in it."""

    group: str
    role: str
    start_year: Optional[int] = Field(default=None, alias="from")
    end_year: Optional[int] = Field(default=None, alias="to")


class ActorEntry(_Entry):
    """An actor: armed group, state force, international body, person or generic actor.

    `generic` marks actors named by common nouns ("soldiers", "gunmen", "villagers"): they
    only match in lower case-insensitive phrase form and lose to a named actor in the same
    noun phrase. `country` scopes state forces and the country-suffixed ACLED labels.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    acled: list[AcledLabel] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list)
    person: Optional[PersonRole] = None
    country: Optional[str] = None
    generic: bool = False
    # an identity group: the identity militia its people form when they take up arms ("village
    # self-defense" of a Dogon village is the Dogon ethnic militia); a social group: the militia
    # its people form when they fight one another ("students from rival camps clashed")
    militia: Optional[str] = None
    # ACLED names some generic actors after the place they belong to: a village's self-defense
    # is "Goundaka Communal Militia (Mali)". A template with `{place}`; the place's country
    # follows in brackets. Without a settlement, the actor keeps its `acled` label.
    place_label: Optional[str] = None
    sources: list[str] = Field(default_factory=list)

    @field_validator("place_label")
    @classmethod
    def _place_label_names_the_place(cls, template: Optional[str]) -> Optional[str]:
        if template is not None and "{place}" not in template:
            raise ValueError("place_label must contain {place}")
        return template

    @field_validator("aliases")
    @classmethod
    def _aliases_not_blank(cls, aliases: list[str]) -> list[str]:
        for alias in aliases:
            if not alias.strip():
                raise ValueError("an alias is blank")
        return aliases

    def acled_label(self, year: Optional[int], country: Optional[str] = None, month: Optional[int] = None) -> Optional[str]:
        """The ACLED label that applies in `year` and `month`, when known (first listed wins;
        with the year unknown, the one marked `undated` first), else None."""
        labels = sorted(self.acled, key=lambda label: not label.undated) if year is None else self.acled
        for label in labels:
            if label.applies(year, country, month):
                return label.label
        return None


class PlaceEntry(_Entry):
    """A place with coordinates and its administrative units.

    For a region (admin1) `admin1` is its own name; for a cercle (admin2) `admin2` is.
    `feature` keeps the GeoNames feature code when the entry came from a GeoNames dump.
    `capital`, for a country, is the id of its capital: the place "the capital" and
    "Mali's capital" name. `state`, for a country, is the actor the country (or its capital)
    stands for when the text names it as the side that acts ("France announced a withdrawal").
    `formed_from`, for a region, is the admin1 of the region it was carved out of: sources
    older than the split (GeoNames among them) still place its towns there.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: PlaceKind
    country: str
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    aliases: list[str] = Field(default_factory=list)
    population: Optional[int] = None
    feature: Optional[str] = None
    capital: Optional[str] = None
    state: Optional[str] = None
    formed_from: Optional[str] = None
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _regions_name_themselves(self) -> "PlaceEntry":
        if self.kind == "region" and self.admin1 is None:
            raise ValueError("a region needs admin1 (its own name)")
        if self.formed_from is not None and self.kind != "region":
            raise ValueError("only a region is formed from another")
        if (self.capital is not None or self.state is not None) and self.kind != "country":
            raise ValueError("only a country has a capital or a state")
        return self


# What an actor is, as trigger rules see it: "armed" covers state forces, rebels, militias
# and external forces; "police" the state's police and gendarmerie, who keep order among
# crowds; "civilians" covers civilians and identity/social groups.
ActorClass = Literal["armed", "state", "non-state", "police", "civilians", "protesters", "rioters"]


def _check_code(event_type: str, sub_event_type: str) -> None:
    if event_type not in ACLED_TAXONOMY:
        raise ValueError(f"event_type {event_type!r} is not ACLED's; one of: {', '.join(ACLED_TAXONOMY)}")
    if sub_event_type not in ACLED_TAXONOMY[event_type]:
        allowed = ", ".join(ACLED_TAXONOMY[event_type])
        raise ValueError(f"sub_event_type {sub_event_type!r} is not one of {event_type!r}'s: {allowed}")


class CodeRule(_Entry):
    """A condition under which a trigger codes a different ACLED (sub-)type.

    Every condition given must hold: `target` is the class of the acted-upon side, `actor`
    the class of the acting side, `words` lemmas of which one must occur in the sentence,
    `object_words` lemmas of which one must occur among the words right after the trigger,
    `not_object_words` lemmas none of which may occur there,
    `not_words` lemmas none of which may occur in the sentence, `casualties` whether someone
    is reported killed or wounded, `object_place` whether a place is named right after the
    trigger (or right before a passive one), `nominal` whether the trigger is a noun ("its
    capture"), `after_words` lemmas of which one must occur after the trigger in its sentence, `no_target` whether the acted-upon side is unnamed,
    `no_actor` whether the acting side is unnamed.
    """

    target: Optional[list[ActorClass]] = None
    actor: Optional[list[ActorClass]] = None
    words: Optional[list[str]] = None
    object_words: Optional[list[str]] = None
    not_object_words: Optional[list[str]] = None
    not_words: Optional[list[str]] = None
    casualties: Optional[bool] = None
    object_place: Optional[bool] = None
    nominal: Optional[bool] = None
    after_words: Optional[list[str]] = None
    no_target: Optional[bool] = None
    no_actor: Optional[bool] = None
    event_type: str
    sub_event_type: str

    @model_validator(mode="after")
    def _code_is_acled(self) -> "CodeRule":
        _check_code(self.event_type, self.sub_event_type)
        return self


class TriggerEntry(_Entry):
    """A word or phrase that signals an event, with the ACLED code it gives by default.

    `lemmas` are single words matched on their lookup lemma; `phrases` are several words
    matched lemma by lemma. `rules` are tried in order and the first that holds recodes the
    event. `priority` decides between two triggers in one clause (higher wins).

    `labels` are note headings that code a sentence they open ("Looting: ..."); a trigger with
    `requires_words` counts only when one of those lemmas is in its sentence; `place_lemmas` are
    words that count only when a place is what they act on ("took Gao", "Dire was taken",
    "secured Kidal"), too common to count alone; `group_lemmas` likewise count only when a named
    group is what they act on ("formed the rival CMI", "created the Islamist group Ansar Dine");
    `reciprocal`
    triggers ("clash") read a coordinated subject as both sides; `outcome` triggers ("killed")
    report what an act did and merge into it; `one_event_per_place` splits a listed series of
    places into one event each; `implied_actor1`/`implied_actor2` name the generic actor (a key
    of `implied_actors` in cues.yaml) a side takes when the text names none. With
    `acting_verbs`, the side named before the trigger acts only through one of those words
    ("JNIM planted an IED") or right beside it ("French airstrikes"); otherwise it is acted
    upon ("a convoy hit an IED"). A phrase of `not_followed_by` right after the trigger gives it
    another sense ("rallied to the MOJWA": joined it, no protest).
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    language: Literal["en", "fr"] = "en"
    lemmas: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    event_type: str
    sub_event_type: str
    rules: list[CodeRule] = Field(default_factory=list)
    priority: int = 0
    needs_actor: bool = False
    labels: list[str] = Field(default_factory=list)
    requires_words: list[str] = Field(default_factory=list)
    place_lemmas: list[str] = Field(default_factory=list)
    group_lemmas: list[str] = Field(default_factory=list)
    reciprocal: bool = False
    outcome: bool = False
    one_event_per_place: bool = False
    implied_actor1: Optional[str] = None
    acting_verbs: list[str] = Field(default_factory=list)
    implied_actor2: Optional[str] = None
    not_followed_by: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_words(self) -> "TriggerEntry":
        if not self.lemmas and not self.phrases:
            raise ValueError("a trigger needs lemmas or phrases")
        _check_code(self.event_type, self.sub_event_type)
        return self
