"""The pydantic records that are the contract between stages and with users."""
from .document import Document, FrontMatter, Sentence, TextSpan
from .event import ACLED_TAXONOMY, Event, EventActor, EventDate, EventLocation, Evidence, Fatalities
from .gazetteer import AcledLabel, ActorEntry, CodeRule, Membership, PersonRole, PlaceEntry, TriggerEntry
from .mention import EntityMention, TimeExpression

__all__ = [
    "ACLED_TAXONOMY",
    "AcledLabel",
    "ActorEntry",
    "CodeRule",
    "Document",
    "EntityMention",
    "Event",
    "EventActor",
    "EventDate",
    "EventLocation",
    "Evidence",
    "Fatalities",
    "FrontMatter",
    "Membership",
    "PersonRole",
    "PlaceEntry",
    "Sentence",
    "TextSpan",
    "TimeExpression",
    "TriggerEntry",
]
