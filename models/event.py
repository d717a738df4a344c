"""The event record: the product's output contract (fields may be added, never renamed)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .mention import Precision

# ACLED codebook (2023): every event type with its sub-event types, spelled exactly.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EventType = Literal[
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Protests",
    "Riots",
    "Strategic developments",
]
ActorRole = Literal["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]
EventStatus = Literal["asserted", "reported", "denied"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventDate(_Record):
    start: str
    end: str
    precision: Precision
    text: str
    source: Literal["clause", "sentence", "inherited", "published"] = "clause"


class EventActor(_Record):
    id: str
    name: str
    role: ActorRole
    text: str
    acled_name: Optional[str] = None
    alias: str = ""
    score: float = 100.0
    # True for an actor the text does not name but the event implies (ACLED's generic actors:
    # the civilians of a violence-against-civilians event, the protesters of a protest)
    implied: bool = False


class EventLocation(_Record):
    id: str
    name: str
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    country: str
    lat: float
    lon: float
    text: str
    # "approximate": moved from the named place by a stated distance and bearing
    precision: Literal["point", "approximate", "admin2", "admin1", "country"] = "point"


class Fatalities(_Record):
    min: int = Field(ge=0)
    max: int = Field(ge=0)
    text: str
    qualifier: Literal["exact", "at least", "more than", "about", "up to", "vague"] = "exact"


class Evidence(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(_Record):
    """One event, coded with ACLED's vocabulary and traceable to its sentence(s)."""

    id: str
    doc_id: str
    event_type: EventType
    sub_event_type: str
    date: Optional[EventDate]
    actors: list[EventActor]
    location: Optional[EventLocation]
    fatalities: Optional[Fatalities]
    evidence: Evidence
    trigger: str = ""
    status: EventStatus = "asserted"
    confidence: float = Field(ge=0, le=1, default=0.5)
    rules: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sub_type_belongs_to_type(self) -> "Event":
        allowed = ACLED_TAXONOMY[self.event_type]
        if self.sub_event_type not in allowed:
            raise ValueError(
                f"sub_event_type {self.sub_event_type!r} is not one of {self.event_type!r}'s: {', '.join(allowed)}"
            )
        return self
