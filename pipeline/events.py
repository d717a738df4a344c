"""Stage 5 — event assembly: triggers, actors with roles, location, date and fatalities per clause.

A trigger from the lexicon (`gazetteer/triggers.yaml`) opens a candidate event in its sentence.
Sentences that are excluded (bibliography, footnotes) or headings give no events; a trigger
governed by a hypothetical, a threat or a negation (`gazetteer/cues.yaml`) gives none either.
The actors of the sentence take roles by their position around the trigger (the side named
before an active verb acts; "by X" after a passive one acts), the trigger's rules recode the
event by who acts and who is acted upon, and the event takes the place, date and fatality
count of its clause.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.document import Document, Sentence
from models.event import Event, EventActor, EventDate, EventLocation, Evidence, Fatalities
from models.gazetteer import ActorEntry, TriggerEntry
from models.mention import EntityMention, TimeExpression

from .gazetteer import DEFAULT_GAZETTEER_DIR, Gazetteer
from .language import blank_pipeline, make_doc, matching_text

CUES_FILE = "cues.yaml"

_ARMED_KINDS = {"state forces", "rebel group", "political militia", "identity militia", "external/other forces"}
_CIVILIAN_KINDS = {"civilians", "identity group", "social group"}


@dataclass(frozen=True)
class EventSettings:
    """Tunables of event assembly.

    cue_window_tokens: how many tokens before a trigger are read for hypothetical/negation cues.
    fatality_window_chars: how far from a killed/dead word a number may stand.
    base_confidence: confidence of an event with a trigger and nothing else; each fired rule
        that corroborates it (actor, place, date, fatalities) adds `confidence_step`.
    """

    cue_window_tokens: int = 6
    fatality_window_chars: int = 40
    base_confidence: float = 0.3
    confidence_step: float = 0.15
    default_country: str = "Mali"


DEFAULT_SETTINGS = EventSettings()


@dataclass(frozen=True)
class Cues:
    """Cue lemmas read around triggers, loaded from `gazetteer/cues.yaml`."""

    hypothetical: frozenset[str]
    negation: frozenset[str]
    reported: frozenset[str]
    denied: frozenset[str]
    killed: frozenset[str]
    wounded: frozenset[str]
    vague_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)


def load_cues(directory: Path = DEFAULT_GAZETTEER_DIR) -> Cues:
    """Load the cue lexicon."""
    data = yaml.safe_load((directory / CUES_FILE).read_text(encoding="utf-8"))
    return Cues(
        hypothetical=frozenset(data["hypothetical"]),
        negation=frozenset(data["negation"]),
        reported=frozenset(data["reported"]),
        denied=frozenset(data["denied"]),
        killed=frozenset(data["killed"]),
        wounded=frozenset(data["wounded"]),
        vague_numbers={word: (int(low), int(high)) for word, (low, high) in data["vague_numbers"].items()},
    )


_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100})


def parse_count(text: str, vague: dict[str, tuple[int, int]]) -> Optional[tuple[int, int, str]]:
    """Read a count such as '20', '20+', 'at least six', 'more than 400', 'dozens'.

    Returns (min, max, qualifier) or None.
    """
    lowered = text.lower().strip()
    qualifier = "exact"
    for prefix, name in (("at least", "at least"), ("more than", "more than"), ("over", "more than"),
                         ("about", "about"), ("around", "about"), ("nearly", "about"), ("some", "about"),
                         ("up to", "up to"), ("approximately", "about")):
        if lowered.startswith(prefix + " "):
            qualifier = name
            lowered = lowered[len(prefix) + 1:]
            break
    match = re.match(r"(\d[\d,]*)(\+)?", lowered)
    if match:
        value = int(match.group(1).replace(",", ""))
        if match.group(2):
            qualifier = "at least"
        return value, value, qualifier
    words = lowered.split()
    if not words:
        return None
    if words[0] in _NUMBER_WORDS:
        value = _NUMBER_WORDS[words[0]]
        if len(words) > 1 and words[1] in _NUMBER_WORDS and value >= 20:
            value += _NUMBER_WORDS[words[1]]
        return value, value, qualifier
    if words[0] in vague:
        low, high = vague[words[0]]
        return low, high, "vague"
    return None


@dataclass(frozen=True)
class TriggerHit:
    trigger: TriggerEntry
    start: int
    end: int
    token_start: int


class TriggerMatcher:
    """Matches the trigger lexicon on lemmas of the lower-cased folded text."""

    def __init__(self, triggers: list[TriggerEntry], language: str = "en"):
        self.language = language
        self.nlp = blank_pipeline(language)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self.by_id = {}
        for trigger in triggers:
            if trigger.language != language:
                continue
            self.by_id[trigger.id] = trigger
            patterns = [self.nlp(word.lower()) for word in (*trigger.lemmas, *trigger.phrases)]
            self.matcher.add(trigger.id, patterns)

    def __call__(self, doc: Doc) -> list[TriggerHit]:
        hits = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            trigger = self.by_id[self.nlp.vocab.strings[match_id]]
            hits.append(TriggerHit(trigger, span.start_char, span.end_char, start))
        return sorted(hits, key=lambda hit: (hit.start, -hit.end))


def actor_class(actor: ActorEntry) -> set[str]:
    """The classes trigger rules test: armed/state/non-state/civilians/protesters/rioters."""
    classes = set()
    if actor.kind in _ARMED_KINDS:
        classes.add("armed")
        classes.add("state" if actor.kind == "state forces" else "non-state")
    if actor.kind in _CIVILIAN_KINDS:
        classes.add("civilians")
    if actor.kind == "protesters":
        classes.add("protesters")
    if actor.kind == "rioters":
        classes.add("rioters")
    return classes


class EventAssembler:
    """Builds events for documents; construct once per gazetteer and language."""

    def __init__(self, gazetteer: Gazetteer, *, language: str = "en", settings: EventSettings = DEFAULT_SETTINGS,
                 cues: Optional[Cues] = None, gazetteer_dir: Path = DEFAULT_GAZETTEER_DIR):
        self.gazetteer = gazetteer
        self.language = language
        self.settings = settings
        self.cues = cues or load_cues(gazetteer_dir)
        self.triggers = TriggerMatcher(gazetteer.triggers, language)

    def __call__(self, document: Document, sentences: list[Sentence], mentions: list[EntityMention],
                 dates: "DateAnalysisLike") -> list[Event]:
        doc = make_doc(matching_text(document.body).lower(), self.language)
        hits = self.triggers(doc)
        events: list[Event] = []
        for sentence in sentences:
            if sentence.is_excluded or sentence.is_heading:
                continue
            sentence_hits = [hit for hit in hits if sentence.start <= hit.start and hit.end <= sentence.end]
            hit = self._governing_trigger(doc, sentence_hits)
            if hit is None:
                continue
            event = self._build(document, doc, sentence, hit, mentions, dates)
            if event is not None:
                events.append(event)
        return events

    def _governing_trigger(self, doc: Doc, hits: list[TriggerHit]) -> Optional[TriggerHit]:
        live = [hit for hit in hits if not self._blocked(doc, hit)]
        if not live:
            return None
        return max(live, key=lambda hit: (hit.trigger.priority, -hit.start))

    def _blocked(self, doc: Doc, hit: TriggerHit) -> bool:
        window = doc[max(0, hit.token_start - self.settings.cue_window_tokens):hit.token_start]
        lemmas = {token.lemma_ for token in window}
        return bool(lemmas & (self.cues.hypothetical | self.cues.negation))

    def _build(self, document: Document, doc: Doc, sentence: Sentence, hit: TriggerHit,
               mentions: list[EntityMention], dates) -> Optional[Event]:
        in_sentence = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        actor_mentions = [m for m in in_sentence if m.kind == "actor"]
        place_mentions = [m for m in in_sentence if m.kind == "place"]
        date = self._date(sentence, hit, dates)
        year = int(date.start[:4]) if date else (document.published.year if document.published else None)
        actors = self._roles(document, hit, actor_mentions, year)
        if hit.trigger.needs_actor and not actors:
            return None
        event_type, sub_event_type, rules = self._code(hit.trigger, actors)
        location = self._location(place_mentions, hit)
        fatalities = self._fatalities(document.body, sentence)
        rules = [f"trigger:{hit.trigger.id}", *rules]
        confidence = self.settings.base_confidence
        for present, name in ((actors, "actors"), (location, "location"), (date, "date"), (fatalities, "fatalities")):
            if present:
                rules.append(name)
                confidence += self.settings.confidence_step
        trigger_text = document.body[hit.start:hit.end]
        return Event(
            id=event_id(document.id, sentence.text, hit.start - sentence.start),
            doc_id=document.id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            date=date,
            actors=actors,
            location=location,
            fatalities=fatalities,
            evidence=Evidence(text=sentence.text, start=sentence.start, end=sentence.end),
            trigger=trigger_text,
            status=self._status(doc, sentence),
            confidence=round(min(confidence, 1.0), 2),
            rules=rules,
        )

    def _roles(self, document: Document, hit: TriggerHit, actor_mentions: list[EntityMention],
               year: Optional[int]) -> list[EventActor]:
        before = [m for m in actor_mentions if m.end <= hit.start]
        after = [m for m in actor_mentions if m.start >= hit.end]
        passive_agent = None
        for mention in after:
            if re.search(r"\bby\s+(?:the\s+)?$", document.body[max(hit.end, mention.start - 12):mention.start]):
                passive_agent = mention
                break
        if passive_agent is not None:
            first, second = [passive_agent], [m for m in before + after if m is not passive_agent]
        else:
            first, second = before, after
        roles: list[EventActor] = []
        seen: set[str] = set()
        for group, main, assoc in ((first, "actor1", "assoc_actor_1"), (second, "actor2", "assoc_actor_2")):
            for position, mention in enumerate(sorted(group, key=lambda m: abs(m.start - hit.start))):
                if mention.entity_id in seen:
                    continue
                seen.add(mention.entity_id)
                actor = self.gazetteer.actors[mention.entity_id]
                roles.append(EventActor(
                    id=actor.id, name=actor.name, role=main if not any(r.role == main for r in roles) else assoc,
                    text=mention.text, acled_name=self.gazetteer.actor_label(actor.id, year, self.settings.default_country),
                    alias=mention.alias, score=mention.score,
                ))
        order = {"actor1": 0, "assoc_actor_1": 1, "actor2": 2, "assoc_actor_2": 3}
        return sorted(roles, key=lambda actor: order[actor.role])

    def _code(self, trigger: TriggerEntry, actors: list[EventActor]) -> tuple[str, str, list[str]]:
        def classes(role_prefix: str) -> set[str]:
            found: set[str] = set()
            for actor in actors:
                if actor.role.endswith(role_prefix):
                    found |= actor_class(self.gazetteer.actors[actor.id])
            return found

        acting = classes("1")
        target = classes("2")
        for number, rule in enumerate(trigger.rules):
            if rule.target is not None and not target & set(rule.target):
                continue
            if rule.actor is not None and not acting & set(rule.actor):
                continue
            if rule.no_target is not None and rule.no_target != (not target):
                continue
            return rule.event_type, rule.sub_event_type, [f"rule:{trigger.id}#{number + 1}"]
        return trigger.event_type, trigger.sub_event_type, []

    def _location(self, place_mentions: list[EntityMention], hit: TriggerHit) -> Optional[EventLocation]:
        if not place_mentions:
            return None
        mention = min(place_mentions, key=lambda m: (m.place_scope == "country", abs(m.start - hit.start)))
        place = self.gazetteer.places[mention.entity_id]
        precision = {"region": "admin1", "country": "country"}.get(mention.place_scope or "point", "point")
        if place.kind == "cercle":
            precision = "admin2"
        return EventLocation(
            id=place.id, name=place.name, admin1=place.admin1, admin2=place.admin2, country=place.country,
            lat=place.lat, lon=place.lon, text=mention.text, precision=precision,
        )

    def _date(self, sentence: Sentence, hit: TriggerHit, dates) -> Optional[EventDate]:
        in_sentence = [e for e in dates.expressions if sentence.start <= e.char_start and e.char_end <= sentence.end
                       and e.role == "event"]
        if in_sentence:
            expression = min(in_sentence, key=lambda e: abs(e.char_start - hit.start))
            return _event_date(expression, "sentence")
        if 0 <= sentence.index < len(dates.in_force) and dates.in_force[sentence.index] is not None:
            return _event_date(dates.in_force[sentence.index], "inherited")
        return None

    def _fatalities(self, body: str, sentence: Sentence) -> Optional[Fatalities]:
        text = sentence.text
        killed = "|".join(sorted((re.escape(word) for word in self.cues.killed), key=len, reverse=True))
        count = r"(?:(?:at least|more than|over|about|around|nearly|some|up to|approximately)\s+)?(?:\d[\d,]*\+?|[a-z]+(?:-[a-z]+)?)"
        patterns = [
            rf"(?P<count>{count})\s+(?:[\w'-]+\s+){{0,3}}?(?:were\s+|was\s+|are\s+)?(?:{killed})\b",
            rf"\b(?:kill|killing|killed|leaving)\s+(?P<count>{count})\b",
        ]
        for pattern in patterns:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                parsed = parse_count(match.group("count"), self.cues.vague_numbers)
                if parsed is None:
                    continue
                low, high, qualifier = parsed
                return Fatalities(min=low, max=high, text=match.group(0), qualifier=qualifier)
        return None

    def _status(self, doc: Doc, sentence: Sentence) -> str:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        lemmas = {token.lemma_ for token in span} if span is not None else set()
        if lemmas & self.cues.denied:
            return "denied"
        if lemmas & self.cues.reported:
            return "reported"
        return "asserted"


def _event_date(expression: TimeExpression, source: str) -> EventDate:
    return EventDate(
        start=expression.start.isoformat(), end=expression.end.isoformat(), precision=expression.precision,
        text=expression.text, source=source,
    )


def event_id(doc_id: str, sentence_text: str, trigger_offset: int) -> str:
    """A stable id: the document id, the sentence's words and the trigger's place in it.

    Edits elsewhere in the corpus, or elsewhere in the same document, leave it unchanged.
    """
    normalised = " ".join(sentence_text.split())
    digest = hashlib.sha1(f"{doc_id}\x1f{normalised}\x1f{trigger_offset}".encode("utf-8")).hexdigest()
    return f"{doc_id}#{digest[:12]}"


class DateAnalysisLike:  # pragma: no cover - typing aid only
    expressions: list[TimeExpression]
    in_force: list[Optional[TimeExpression]]
