"""Stage 5 — event coding: triggers, actors with roles, location, date, fatalities and status.

A trigger from the lexicon (`gazetteer/triggers.yaml`) opens a candidate event in its sentence;
an analyst's heading ("Looting: ...") codes the sentence it opens. Sentences that are excluded
(bibliography, footnotes), headings and habitual statements give no events, and neither does
a trigger governed by a modal, a condition, an intention or threat, or a negation
(`gazetteer/cues.yaml`).

The actors of the sentence take roles by rule — the side named before an active trigger acts,
"by X" names the side that acts on a passive or a noun, "between X and Y" names both sides,
coordinated actors ("X and Y", "X, alongside Y,") are associated, identity groups are
associated with the civilians they describe — or, when a spaCy model with a parser is
installed and named in the settings, by the dependency parse. The trigger's rules recode the
event by who acts, who is acted upon and what is said around it, and the event type supplies
the generic actors ACLED codes (civilians of violence against civilians, protesters, rioters,
an unidentified armed group for an unnamed attacker).

Each event takes the place governing its clause, the date of its sentence and the killed count
of its sentence(s). A sentence that reports one act in a list of places gives one event per
place; a sentence that retells or completes the event of the sentence before it is merged into
it, with evidence covering both. Every event carries a status (asserted, reported, denied) and a
confidence computed from the rules that fired, which are kept in `Event.rules`.
"""
from __future__ import annotations

import hashlib
import math
import re
from datetime import timedelta
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.document import Document, Sentence
from models.event import Event, EventActor, EventDate, EventLocation, Evidence, Fatalities
from models.gazetteer import SETTLEMENT_KINDS, ActorEntry, TriggerEntry
from models.mention import EntityMention, TimeExpression

from .entities import is_common_noun
from .errors import GazetteerError
from .gazetteer import DEFAULT_GAZETTEER_DIR, Gazetteer, alias_key, fold_text
from .language import blank_pipeline, lemma, matching_text

CUES_FILE = "cues.yaml"

_ARMED_KINDS = {"state forces", "rebel group", "political militia", "identity militia", "external/other forces"}
_CIVILIAN_KINDS = {"civilians", "identity group", "social group"}
_GROUP_KINDS = {"identity group", "social group"}
# the kinds of people who make up a crowd
_CROWD_KINDS = {"civilians", "social group", "protesters", "rioters"}
_VIOLENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
# actor kinds that are victims whenever a casualty word follows them
_VICTIM_KINDS = {"civilians", "state forces", "external/other forces", "identity group", "social group"}
_TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory"}
# event types whose acting side is a crowd
_CROWD_TYPES = {"Protests", "Riots"}
# sub-event types whose groups are parties, none of them acted upon: a group formed or joined,
# an agreement signed
_PARTIES_ONLY = {"Change to group/activity", "Agreement"}
# armed groups that are no state's: what a forming verb may form ("the MNLA formed the CMA"; not
# a government), and the sides a later clause may name as the attackers
_NON_STATE_GROUP_KINDS = frozenset({"rebel group", "political militia", "identity militia"})
# words that present an act as one already told ("the attack", "this ambush")
# determiners of a thing already told ("the attack", "cette embuscade", "l'attaque")
_DEFINITE = frozenset({"the", "this", "that", "le", "la", "les", "l", "ce", "cet", "cette", "ces"})
# a regular past tense or participle ("removed", "convicted")
_PAST = re.compile(r"[a-z]+ed")
_ROLE_ORDER = {"actor1": 0, "assoc_actor_1": 1, "actor2": 2, "assoc_actor_2": 3}


@dataclass(frozen=True)
class ConfidenceWeights:
    """What each fired rule adds to (or takes from) an event's confidence.

    The confidence is `base` plus the weights of the rules that fired, clipped to
    [`floor`, `ceiling`]: a named acting side, a named acted-upon side, a place, a date, a
    stated count, a heading or code rule that confirms the type, a retelling merged in; minus
    a reported or denied status and each side the event type had to supply.
    """

    base: float = 0.3
    named_actor1: float = 0.15
    named_actor2: float = 0.1
    location: float = 0.1
    date: float = 0.05
    fatalities: float = 0.05
    label: float = 0.15
    code_rule: float = 0.05
    specific_trigger: float = 0.05
    merged: float = 0.05
    reported: float = -0.1
    denied: float = -0.25
    implied_actor: float = -0.05
    floor: float = 0.05
    ceiling: float = 0.99


@dataclass(frozen=True)
class EventSettings:
    """Tunables of event coding.

    modal_window_tokens: how many words a modal or negation may stand before its trigger
        (only `skippable` cue words may fill the gap).
    intention_gap_tokens: how many words may stand between an intention's link ("to") and
        the trigger it governs ("threatened to impose sanctions").
    subject_window_chars: how far before a trigger the acting side is looked for.
    object_window_chars: how far after a trigger the acted-upon side is looked for.
    agent_window_chars: how far after a trigger a "by X" agent is looked for.
    object_window_tokens: how many words after a trigger `object_words` rules read.
    specific_trigger_priority: triggers at or above it are specific and add
        `ConfidenceWeights.specific_trigger`.
    means_priority: a trigger at or above it names the means of the act (IED, suicide bomb,
        air strike, shelling) and codes the sentence even when another act is told first.
    topic_window_tokens: how far before a trigger a topic marker ("against the arrest",
        "following the capture") makes it the topic of another event rather than an event.
    merge_max_sentence_gap: events this many sentences apart or fewer may be one event told
        twice (1: adjacent sentences only; 0: never merge).
    retelling_max_sentence_gap: a telling that opens with the act as one already told ("The
        attack caused damage") names the last act told this many sentences before or fewer,
        over sentences that tell no act.
    trailing_sentences: after an act, at most this many sentences that tell no act of their own
        are read for its toll (the first only) and for a claim of who did it.
    carry_attackers_sentences: an act with unnamed attackers takes those of a named act told at
        most this many sentences before it.
    anchor_stem_chars: "two days after the declaration" looks back for the last dated sentence
        with a word sharing this many first letters with the head noun ("declar").
    split_places: one event per place for a trigger listing several (`one_event_per_place`).
    heading_min_words: a line the sentence stage calls a heading is still read for events
        when it has at least this many words (summaries without a final stop).
    heading_restated_sentences: a heading's event is dropped when one of the next this many
        sentences tells an event of the same type naming every side the heading names.
    group_object_words: how many describing words may stand between a trigger's `group_lemmas`
        word and the named group it acts on ("created the Tuareg-dominated Islamist insurgent
        group Ansar Dine": seven, as words are counted).
    parser_model: name of an installed spaCy model with a parser used to find subjects,
        objects and agents; None (the default) uses the rules only.
    default_country: the country whose ACLED actor labels apply.
    unplaced_group_kinds: the kinds of named group that, named in an act's telling and given no
        role by any rule, take the side acted upon when the act names none (`_unplaced_groups`).
    """

    modal_window_tokens: int = 3
    intention_gap_tokens: int = 2
    heading_restated_sentences: int = 3
    group_object_words: int = 8
    subject_window_chars: int = 160
    object_window_chars: int = 90
    agent_window_chars: int = 80
    object_window_tokens: int = 6
    specific_trigger_priority: int = 8
    means_priority: int = 9
    topic_window_tokens: int = 5
    merge_max_sentence_gap: int = 1
    retelling_max_sentence_gap: int = 3
    trailing_sentences: int = 3
    carry_attackers_sentences: int = 2
    anchor_stem_chars: int = 6
    split_places: bool = True
    heading_min_words: int = 6
    parser_model: Optional[str] = None
    default_country: str = "Mali"
    unplaced_group_kinds: frozenset[str] = frozenset({"rebel group", "political militia"})
    confidence: ConfidenceWeights = field(default_factory=ConfidenceWeights)


DEFAULT_SETTINGS = EventSettings()


# --------------------------------------------------------------------------------------------
# Cues


@dataclass(frozen=True)
class Cues:
    """The cue lexicon (`gazetteer/cues.yaml`); see the comments there for each list."""

    modal: frozenset[str] = frozenset()
    succession: frozenset[str] = frozenset()
    present_markers: frozenset[str] = frozenset()
    sequence_openers: frozenset[str] = frozenset()
    anaphoric_attackers: frozenset[str] = frozenset()
    place_anaphors: frozenset[str] = frozenset()
    retelling_possessives: frozenset[str] = frozenset()
    retelling_modifiers: frozenset[str] = frozenset()
    reaction_verbs: frozenset[str] = frozenset()
    act_reference_prepositions: tuple[str, ...] = ()
    after_another: tuple[str, ...] = ()
    separate_markers: tuple[str, ...] = ()
    fronted_prepositions: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    response_passive: frozenset[str] = frozenset()
    unidentified_persons: frozenset[str] = frozenset()
    crowd_quantifiers: frozenset[str] = frozenset()
    toll_persons: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    vigilante_targets: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    side_adjectives: frozenset[str] = frozenset()
    protest_causes: frozenset[str] = frozenset()
    crowd_control_forces: frozenset[str] = frozenset()
    crowd_handling: tuple[str, ...] = ()
    statistic_openers: tuple[str, ...] = ()
    statistic_verbs: tuple[str, ...] = ()
    campaign_verbs: tuple[str, ...] = ()
    campaign_nouns: tuple[str, ...] = ()
    forming_words: tuple[str, ...] = ()
    formed_links: tuple[str, ...] = ()
    present_subjects: frozenset[str] = frozenset()
    past_markers: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    opening_subordinators: frozenset[str] = frozenset()
    condition: frozenset[str] = frozenset()
    intention: frozenset[str] = frozenset()
    intention_links: frozenset[str] = frozenset()
    intention_direct: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    skippable: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    reported: frozenset[str] = frozenset()
    denied: frozenset[str] = frozenset()
    killed: frozenset[str] = frozenset()
    died: frozenset[str] = frozenset()
    wounded: frozenset[str] = frozenset()
    other_outcomes: frozenset[str] = frozenset()
    killed_active: frozenset[str] = frozenset()
    killed_active_before_dead: frozenset[str] = frozenset()
    killed_of: frozenset[str] = frozenset()
    subset_markers: frozenset[str] = frozenset()
    count_units: frozenset[str] = frozenset()
    no_fatalities: tuple[str, ...] = ()
    coded_count: tuple[str, ...] = ()
    coded_place: tuple[str, ...] = ()
    count_qualifiers: dict[str, str] = field(default_factory=dict)
    number_words: dict[str, int] = field(default_factory=dict)
    vague_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)
    passive_aux: frozenset[str] = frozenset()
    attribution: frozenset[str] = frozenset()
    place_object_words: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    noun_phrase_prepositions: frozenset[str] = frozenset()
    nominal_markers: frozenset[str] = frozenset()
    reduced_passive_followers: frozenset[str] = frozenset()
    reduced_passive_prepositions: frozenset[str] = frozenset()
    agent_markers: frozenset[str] = frozenset()
    act_phrase_openers: frozenset[str] = frozenset()
    agent_acts: frozenset[str] = frozenset()
    between_markers: frozenset[str] = frozenset()
    coordination: frozenset[str] = frozenset()
    association_links: tuple[str, ...] = ()
    partner_links: tuple[str, ...] = ()
    head_after_links: frozenset[str] = frozenset()
    target_links: tuple[str, ...] = ()
    target_heads: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    clause_conjunctions: frozenset[str] = frozenset()
    implied_actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    implied_by_event_type: dict[str, dict[str, str]] = field(default_factory=dict)
    implied_with_casualties: dict[str, dict[str, str]] = field(default_factory=dict)
    off_duty: tuple[str, ...] = ()
    off_duty_after: tuple[str, ...] = ()
    civilian_staff: frozenset[str] = frozenset()
    custody_nouns: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    ownerless_property: frozenset[str] = frozenset()
    protesting: frozenset[str] = frozenset()
    media_nouns: tuple[str, ...] = ()
    allegiance_links: tuple[str, ...] = ()
    accusation_links: tuple[str, ...] = ()
    within_side_before: tuple[str, ...] = ()
    within_side_after: tuple[str, ...] = ()
    reciprocal_pronouns: tuple[str, ...] = ()

    @cached_property
    def all_outcomes(self) -> frozenset[str]:
        return self.killed | self.wounded | self.other_outcomes

    @cached_property
    def coded_place_ending(self) -> Optional[re.Pattern]:
        """Text ending in a `coded_place` phrase ("... (coded as "); None when the list is empty."""
        return _phrase_pattern(self.coded_place, r"\s+$")

    @cached_property
    def partner_ending(self) -> Optional[re.Pattern]:
        """Text ending in a `partner_links` phrase ("... in coordination with the", "... alongside
        both the"); None when the list is empty."""
        return _phrase_pattern(self.partner_links, r"(?:\s+both)?(?:\s+the)?$")

    @cached_property
    def media_patterns(self) -> Optional[tuple[re.Pattern, re.Pattern]]:
        """Text opening with an `allegiance_links` word ("-linked"), and text opening with a few
        words ending in a `media_nouns` word (" Thabat News Agency"); None when a list is empty."""
        if not self.media_nouns or not self.allegiance_links:
            return None
        links = re.compile(r"\s*-?\s*(?:%s)(?!\w)" % "|".join(map(re.escape, self.allegiance_links)))
        media = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:%s)(?!\w)" % "|".join(map(re.escape, self.media_nouns)))
        return links, media

    @cached_property
    def unknown_agent_then_target(self) -> re.Pattern:
        """Text ending in an agent marker, a word or two the gazetteer did not match, and a
        `target_prepositions` word ("… by helos against two "): the side next is aimed at."""
        markers = "|".join(map(re.escape, sorted(self.agent_markers))) or r"(?!)"
        targets = "|".join(map(re.escape, sorted(self.target_prepositions))) or r"(?!)"
        return re.compile(r"(?<!\w)(?:%s)\s+(?:[\w'-]+\s+){1,2}(?:%s)\s+(?:[\w'-]+\s+){0,2}$" % (markers, targets))

    @cached_property
    def between_alternation(self) -> str:
        """The `between_markers` as a regular-expression alternation ("between|entre")."""
        return "|".join(map(re.escape, sorted(self.between_markers)))

    @cached_property
    def died_of_pattern(self) -> Optional[re.Pattern]:
        """Text ending in a `died` verb and what it was died of, up to the cause: "succumbed to
        his ", "died of their "; None when the list is empty."""
        return _phrase_pattern(tuple(self.died), r"\s+(?:to|of|from|de|des|à)\s+(?:(?:his|her|their|its|the|ses|leurs|sa|son)\s+)?(?:\w+\s+)?$")

    @cached_property
    def within_side_patterns(self) -> Optional[tuple[re.Pattern, re.Pattern, re.Pattern, Optional[re.Pattern]]]:
        """Text ending in a `within_side_before` phrase, text opening with a `within_side_after`
        phrase, any `reciprocal_pronouns` phrase, and text ending in "between <word> and <word>"; None
        when one of the first three lists is empty."""
        before = _phrase_pattern(self.within_side_before, r"\s+(?:the\s+)?$")
        after = re.compile(r"^\s+(?:%s)(?!\w)" % "|".join(map(re.escape, self.within_side_after))) if self.within_side_after else None
        pronouns = _phrase_pattern(self.reciprocal_pronouns)
        if before is None or after is None or pronouns is None:
            return None
        # "clashes between Malian and Guinean miners": two kinds of one side
        between = _phrase_pattern(tuple(self.between_markers), r"\s+[\w'-]+\s+(?:and|et|&)\s+[\w'-]+\s+$") if self.between_markers else None
        return (before, after, pronouns, between)

    @cached_property
    def formed_ending(self) -> Optional[re.Pattern]:
        """Text ending in a `forming_words` word, then within its clause a `formed_links` word
        ("announced the founding of the ", "a brigade called "); None when a list is empty."""
        if not self.forming_words or not self.formed_links:
            return None
        return re.compile(r"(?<!\w)(?:%s)(?!\w)[^.;:,()]{0,50}?(?<!\w)(?:%s)\s+(?:the\s+)?['\"‘“]?$" % (
            "|".join(map(re.escape, self.forming_words)), "|".join(map(re.escape, self.formed_links))))

    @cached_property
    def statistic_ending(self) -> Optional[re.Pattern]:
        """Text ending in a `statistic_openers` phrase ("the high number of "); None when the
        list is empty."""
        return _phrase_pattern(self.statistic_openers, r"\s+$")

    @cached_property
    def campaign_ending(self) -> Optional[re.Pattern]:
        """Text ending in a `campaign_verbs` verb and "the" ("continues to lead the "); None when
        the list is empty."""
        return _phrase_pattern(self.campaign_verbs, r"\s+(?:the|la|le)\s+$")

    @cached_property
    def statistic_opening(self) -> Optional[re.Pattern]:
        """Text opening with a `statistic_verbs` verb, after "have", "has" or "also", or after
        other acts joined by "and" (" and reprisal killings increased"); None when the list is
        empty."""
        if not self.statistic_verbs:
            return None
        return re.compile(r"\s+(?:and\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s+)?(?:(?:have|has|had|also)\s+)*(?:%s)(?!\w)"
                          % "|".join(map(re.escape, self.statistic_verbs)))

    @cached_property
    def clause_openers(self) -> frozenset[str]:
        """Words that open a clause set before the main one ("After …,", "As …,")."""
        return self.subordinators | self.opening_subordinators

    @cached_property
    def phrase_openers(self) -> frozenset[str]:
        """Words that open a phrase set before the main clause ("Despite …,", "After …,")."""
        return self.fronted_prepositions | self.subordinators

    @cached_property
    def tense_words(self) -> frozenset[str]:
        """Auxiliaries and markers of tense: words that show a clause's verb."""
        return self.passive_aux | self.past_markers | self.present_markers

    @cached_property
    def member_nouns(self) -> frozenset[str]:
        """Nouns for the people of a group ("members", "elements", "fighters")."""
        return self.side_nouns | self.group_nouns

    @cached_property
    def crowd_handling_pattern(self) -> Optional[re.Pattern]:
        """Any `crowd_handling` phrase as a whole word sequence; None when the list is empty."""
        return _phrase_pattern(self.crowd_handling)

    @cached_property
    def accusation_pattern(self) -> Optional[re.Pattern]:
        """Any `accusation_links` phrase as a whole word sequence; None when the list is empty."""
        return _phrase_pattern(self.accusation_links)

    @cached_property
    def off_duty_after_pattern(self) -> Optional[re.Pattern]:
        """Any `off_duty_after` phrase as a whole word sequence; None when the list is empty."""
        return _phrase_pattern(self.off_duty_after)


def _phrase_pattern(phrases: Sequence[str], ending: str = r"(?!\w)") -> Optional[re.Pattern]:
    """A pattern for any of `phrases` (lower case) starting at a word boundary and followed by
    `ending`; None when there are none."""
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:%s)%s" % ("|".join(map(re.escape, phrases)), ending))


_SET_FIELDS = (
    "modal topic subordinators opening_subordinators condition intention intention_links intention_direct negation skippable background reported denied "
    "killed died wounded other_outcomes killed_active killed_active_before_dead killed_of subset_markers count_units passive_aux attribution place_object_words light_verbs support_verbs noun_phrase_prepositions nominal_markers reduced_passive_followers reduced_passive_prepositions agent_markers act_phrase_openers agent_acts "
    "between_markers coordination head_after_links succession present_markers past_markers sequence_openers anaphoric_attackers place_anaphors "
    "retelling_possessives retelling_modifiers reaction_verbs fronted_prepositions present_subjects office_titles response_verbs response_passive unidentified_persons crowd_quantifiers toll_persons subject_pronouns vigilante_targets group_nouns side_nouns side_adjectives protest_causes crowd_control_forces civilian_staff custody_nouns kin_nouns undergo_verbs ownerless_property protesting target_heads target_prepositions clause_conjunctions"
).split()
_PHRASE_FIELDS = ("no_fatalities", "coded_count", "coded_place", "off_duty_after", "accusation_links", "association_links", "partner_links", "after_another",
                  "separate_markers", "act_reference_prepositions",
                  "within_side_before", "within_side_after", "reciprocal_pronouns",
                  "media_nouns", "allegiance_links", "crowd_handling", "statistic_openers", "statistic_verbs", "forming_words",
                  "formed_links", "campaign_verbs", "campaign_nouns", "target_links")


def load_cues(directory: Path = DEFAULT_GAZETTEER_DIR) -> Cues:
    """Load the cue lexicon from `directory/cues.yaml` (every list lower-cased)."""
    path = directory / CUES_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    values: dict = {}
    for name in (*_SET_FIELDS, *_PHRASE_FIELDS):
        for word in data.get(name, []):
            if not isinstance(word, str):
                # YAML reads a bare no/on/yes as a boolean: the word must be quoted
                raise GazetteerError(path.as_posix(), None, f"cue list {name!r}: expected a word, got {word!r} (quote it)")
    for name in _SET_FIELDS:
        values[name] = frozenset(str(word).lower() for word in data.get(name, []))
    values["killed"] |= values["died"]  # (the verbs of dying are killed words too)
    for name in _PHRASE_FIELDS:
        values[name] = tuple(sorted((str(phrase).lower() for phrase in data.get(name, [])), key=len, reverse=True))
    # (a partner is an associate too: "French forces in coordination with Malian forces")
    values["association_links"] = tuple(sorted(set(values["association_links"]) | set(values["partner_links"]),
                                               key=lambda phrase: (-len(phrase), phrase)))
    values["count_qualifiers"] = {str(k).lower(): str(v) for k, v in (data.get("count_qualifiers") or {}).items()}
    values["number_words"] = {str(k).lower(): int(v) for k, v in (data.get("number_words") or {}).items()}
    values["vague_numbers"] = {
        str(word).lower(): (int(low), int(high)) for word, (low, high) in (data.get("vague_numbers") or {}).items()
    }
    values["implied_actors"] = {str(k): tuple(v) for k, v in (data.get("implied_actors") or {}).items()}
    values["implied_by_event_type"] = {str(k): dict(v) for k, v in (data.get("implied_by_event_type") or {}).items()}
    values["off_duty"] = tuple(str(item) for item in data.get("off_duty") or ())
    values["implied_with_casualties"] = {str(k): dict(v) for k, v in (data.get("implied_with_casualties") or {}).items()}
    return Cues(**values)


# --------------------------------------------------------------------------------------------
# Counts and fatalities (pure functions over plain text)


@dataclass(frozen=True)
class Word:
    """A word or punctuation mark of a text, lower-cased, with its offsets."""

    text: str
    start: int
    end: int


_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|\d[\d,.]*\d\+?|\d\+?|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")


def text_words(text: str) -> list[Word]:
    """The words of `text`, lower-cased, numbers kept whole ("1,200", "20+")."""
    return [Word(match.group(0).lower(), match.start(), match.end()) for match in _WORD.finditer(text)]


@dataclass(frozen=True)
class Count:
    """A count read from words[start:end]: min, max and the qualifier it had."""

    low: int
    high: int
    qualifier: str
    start: int
    end: int


def read_count(words: Sequence[Word], index: int, cues: Cues, ranges: bool = True) -> Optional[Count]:
    """Read a count starting at `words[index]`: '20', '20+', 'at least six', 'dozens', 'twenty-one'.

    Returns None when no count starts there.
    """
    qualifier = "exact"
    position = index
    for phrase in sorted(cues.count_qualifiers, key=lambda item: -len(item.split())):
        parts = phrase.split()
        if [word.text for word in words[position:position + len(parts)]] == parts:
            qualifier = cues.count_qualifiers[phrase]
            position += len(parts)
            break
    if position >= len(words):
        return None
    for phrase in sorted(cues.vague_numbers, key=lambda item: -len(item.split())):
        parts = phrase.split()
        if [word.text for word in words[position:position + len(parts)]] == parts:
            low, high = cues.vague_numbers[phrase]
            end = position + len(parts)
            if end < len(words) and words[end].text == "of":
                end += 1
            return Count(low, high, "vague" if qualifier == "exact" else qualifier, index, end)
    word = words[position].text
    if ranges and (word in ("between", "entre") or (position + 2 < len(words) and words[position + 1].text in ("-", "to", "à"))):
        # "between 5 and 9", "6 - 9", "six to nine": a range
        first_at = position + 1 if word in ("between", "entre") else position
        low = read_count(words, first_at, cues, ranges=False) if first_at < len(words) else None
        if low is not None and low.end + 1 < len(words) and words[low.end].text in ("and", "-", "to", "et", "à"):
            high = read_count(words, low.end + 1, cues, ranges=False)
            if high is not None and high.low >= low.low:
                return Count(low.low, high.high, "about" if qualifier == "exact" else qualifier, index, high.end)
        if word in ("between", "entre"):
            return None
    digits = re.fullmatch(r"(\d[\d,.]*)(\+?)", word)
    if digits:
        value = int(re.sub(r"[,.]", "", digits.group(1)))
        if digits.group(2):
            qualifier = "at least"
        return Count(value, value, qualifier, index, position + 1)
    if word in cues.number_words:
        value = cues.number_words[word]
        end = position + 1
        # "twenty-one" arrives as "twenty", "-", "one"; "twenty one" as two words
        if value >= 20 and end < len(words):
            step = 1 if words[end].text == "-" else 0
            following = words[end + step].text if end + step < len(words) else ""
            if following in cues.number_words and cues.number_words[following] < 10:
                value += cues.number_words[following]
                end += step + 1
        if end < len(words) and words[end].text in ("hundred", "cent", "cents") and value < 100:
            value *= 100
            end += 1
        return Count(value, value, qualifier, index, end)
    return None


def _is_count_of_units(words: Sequence[Word], count: Count, cues: Cues) -> bool:
    following = words[count.end].text if count.end < len(words) else ""
    if following == "-" and count.end + 1 < len(words):
        following = words[count.end + 1].text
    return following in cues.count_units


def _count_ending_at(words: Sequence[Word], index: int, cues: Cues) -> Optional[Count]:
    """The longest count whose last word is `words[index]` ("at least six", "twenty - one")."""
    best = None
    for start in range(index, max(-1, index - 5), -1):
        count = read_count(words, start, cues)
        if count is not None and count.end == index + 1:
            best = count
    return best


def _is_year_or_date(words: Sequence[Word], count: Count, cues: Cues) -> bool:
    word = words[count.start].text
    if word.isdigit() and 1900 <= int(word) <= 2100:
        return True
    previous = words[count.start - 1].text if count.start else ""
    return previous in cues.count_units


# words that join two counts of one toll: "four villagers and three gunmen", "trois soldats et deux civils"
_COUNT_JOINERS = frozenset({"and", "et", ",", "&", "plus", "as", "well"})


def _counts_before(words: Sequence[Word], cue_index: int, cues: Cues, max_words: int) -> list[Count]:
    """Counts of the noun phrase(s) before a killed word: 'Four villagers and three gunmen were killed'.

    The scan stops at the end of a clause, at another outcome ("wounded"), and at a comma
    unless a count was already read (a list: "four villagers, three soldiers and ...").
    """
    counts: list[Count] = []
    index = cue_index - 1
    budget = max_words
    while index >= 0 and budget > 0:
        word = words[index].text
        if word in (".", ";", ":", "!", "?") or word in cues.all_outcomes or word in cues.killed_active:
            break
        if word == ",":
            if not counts:
                # "Seven people, including two children, were killed": step over the subset
                marker = next((j for j in range(index - 1, max(-1, index - 8), -1)
                               if words[j].text in cues.subset_markers or words[j].text in (",", ".", ";")), None)
                if marker is not None and words[marker].text in cues.subset_markers:
                    index = marker - 1
                    if index >= 0 and words[index].text == ",":
                        index -= 1
                    continue
                break
            budget = 4  # a list goes on: each member gets a few words ("three militiamen, eight militants, and four …")
        if word in cues.subset_markers:
            counts = []  # what followed "including" is part of a count before it
        count = _count_ending_at(words, index, cues)
        follows = words[count.end].text if count is not None and count.end < len(words) else ""
        if counts and count is not None and not any(
                words[j].text in _COUNT_JOINERS for j in range(count.end, counts[-1].start)):
            break  # a second count joins the first only through "and" or a comma ("a fait 12 morts")
        if (count is not None and not _is_count_of_units(words, count, cues) and not _is_year_or_date(words, count, cues)
                and (follows[:1].isalpha() or follows == "&")):
            counts.append(count)
            index = count.start - 1
            budget -= 1
            continue
        index -= 1
        budget -= 1
    return counts


def _count_after(words: Sequence[Word], cue_index: int, cues: Cues, max_gap: int = 2) -> Optional[Count]:
    """The count right after 'killing', 'killed', 'left', 'deaths of': 'killing at least 20'."""
    for offset in range(1, max_gap + 2):
        index = cue_index + offset
        if index >= len(words):
            return None
        count = read_count(words, index, cues)
        if count is not None:
            if _is_count_of_units(words, count, cues):
                return None
            if count.end < len(words) and words[count.end].text in cues.all_outcomes and (
                    count.end + 1 >= len(words) or not words[count.end + 1].text.isalpha()
                    or words[count.end + 1].text in ("and", "et")):
                return None  # "one gendarme killed, two wounded": the count of another outcome
            # "killed three soldiers and two militants": a coordinated second count
            for step in range(count.end, min(len(words) - 1, count.end + 4)):
                if words[step].text in ("and", "et", "&"):
                    more = read_count(words, step + 1, cues)
                    if more is not None and not _is_count_of_units(words, more, cues):
                        return Count(count.low + more.low, count.high + more.high, count.qualifier, count.start, more.end)
                    break
                if not words[step].text.isalpha():
                    break
            return count
        if words[index].text not in cues.skippable and words[index].text not in ("of", "de", "des", "d"):
            return None
    return None


def find_fatalities(text: str, cues: Cues) -> Optional[Fatalities]:
    """The number of people reported killed in `text`, kept apart from wounded and captured.

    Counts of several groups are added ("four villagers and three gunmen were killed": 7);
    counts after "including" are parts of a count already read. An explicit statement that
    nobody died gives {min: 0, max: 0}; a text that says nothing about deaths gives None.
    """
    lowered = text.lower()
    for phrase in cues.coded_count:
        match = re.search(rf"\b{re.escape(phrase)}\s+(\d+)", lowered)
        if match and re.search(r"fatalit|killed|dead|death", lowered[max(0, match.start() - 30):match.end()]):
            value = int(match.group(1))
            return Fatalities(min=value, max=value, text=text[match.start():match.end()], qualifier="exact")
    words = text_words(text)
    zero_spans = [match.span() for phrase in cues.no_fatalities
                  for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered)]
    total_low = total_high = 0
    pieces: list[tuple[int, int]] = []
    qualifiers: set[str] = set()
    used: set[int] = set()
    for index, word in enumerate(words):
        if word.text not in cues.killed or any(start <= word.start < end for start, end in zero_spans):
            continue
        if index and words[index - 1].text == "-" and word.text not in cues.killed_active:
            continue  # a modifier: "mass-casualty attacks"
        if index and words[index - 1].text in ("those", "ceux"):
            continue  # "described those killed as herdsmen": the dead told already
        counts: list[Count] = []
        previous = words[index - 1].text if index else ""
        active = word.text in cues.killed_active or (word.text == "dead" and previous in cues.killed_active_before_dead)
        if active or word.text in cues.killed_of:
            after = _count_after(words, index, cues)
            if after is not None:
                # ("killed a father and his two sons": the victims joined to one)
                counts = [after, *(_joined_victims(words, after.end, cues) if after.high == 1 else [])]
            elif active and _counts_units_after(words, index, cues):
                continue  # "killed three cattle": no one
        if not counts and active and index + 1 < len(words) and words[index + 1].text in ("them", "les"):
            # "abducted six Fulani men, executed them": the count told before
            earlier = _last_count_before(words, index, cues)
            if earlier is not None and earlier.qualifier != "vague":  # ("several civilians … executed them": not counted)
                counts = [earlier]
        chain = _outcome_chain_start(words, index, cues) if not counts else index
        if not counts and chain != index:
            # "six men were abducted and executed", "a civilian was kidnapped and shot dead": the
            # subject of the first outcome of the chain
            counts = _counts_before(words, chain, cues, 14) if chain > 0 and words[chain - 1].text in cues.passive_aux else []
            if not counts and chain > 0 and words[chain - 1].text in ("was", "is", "été", "est") and not _plural_subject(words, chain):
                counts = [Count(1, 1, "exact", chain, index)]
        if not counts:
            # "were killed", and with an adverb between: "were reportedly killed"
            passive = index > 0 and (words[index - 1].text in cues.passive_aux or (
                index > 1 and words[index - 1].text.endswith("ly") and words[index - 2].text in cues.passive_aux))
            noun_like = word.text not in cues.killed_active
            # a headline's reduced passive: "4 jihadists and 1 Malian soldier killed."
            reduced = index + 1 >= len(words) or words[index + 1].text in cues.reduced_passive_followers
            counts = _counts_before(words, index, cues, 14 if passive or noun_like or reduced else 4)
        # ("the killing of a youth" names an act; "killing the head of the office" kills one)
        of_follows = index + 1 < len(words) and words[index + 1].text in ("of", "de", "d'")
        if not counts and (word.text not in cues.killed_of or not of_follows):
            # (an adverb may stand between: "the mayor was later killed", "was subsequently executed")
            aux = index - 1
            while aux > 0 and _is_adverb(words[aux].text):
                aux -= 1
            if aux >= 0 and words[aux].text in ("was", "is", "été", "est") and not _plural_subject(words, aux + 1):
                counts = [Count(1, 1, "exact", aux, index)]  # "the mayor was killed"
            elif active and _singular_object(words, index + 1):
                # "assassinated the village chief", "beheaded a woman and her child"
                counts = [Count(1, 1, "exact", index, index + 3), *_joined_victims(words, index + 3, cues)]
            elif active and _titled_person(words, index + 1, text):
                counts = [Count(1, 1, "exact", index, index + 3)]  # "assassinated MSA officer Mohamed Ag X"
            elif word.text == "dead" and index >= 3 and _singular_object(words, index - 2) and words[index - 3].text in cues.killed_active:
                counts = [Count(1, 1, "exact", index - 3, index)]  # "leaving the driver dead"
            elif word.text in cues.died and _singular_subject(words, index):
                counts = [Count(1, 1, "exact", index, index + 1)]  # "the pilot died", "he later succumbed"
        counts = [count for count in counts if count.start not in used]
        for count in counts:
            used.add(count.start)
            total_low += count.low
            total_high += count.high
            qualifiers.add(count.qualifier)
            pieces.append((min(count.start, index), max(count.end, index + 1)))
    if pieces:
        start = words[min(piece[0] for piece in pieces)].start
        end = words[max(piece[1] for piece in pieces) - 1].end
        qualifier = qualifiers.pop() if len(qualifiers) == 1 else "at least"
        return Fatalities(min=total_low, max=max(total_high, total_low), text=text[start:end], qualifier=qualifier)
    for phrase in cues.no_fatalities:
        match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered)
        if match:
            return Fatalities(min=0, max=0, text=text[match.start():match.end()], qualifier="exact")
    return None


_POSSESSIVES = frozenset({"his", "her", "their", "its", "son", "sa", "ses", "leur", "leurs"})


def _joined_victims(words: Sequence[Word], index: int, cues: Cues) -> list[Count]:
    """Victims joined by "and" to a singular one killed ("a village chief of the Bellah community
    and his three sons", "a woman and her child"): their count, one for a singular noun."""
    for position in range(index, min(len(words) - 1, index + 10)):
        word = words[position].text
        if word in (".", ";", ",", ":") or word in cues.all_outcomes or word in cues.killed_active:
            return []
        if word not in ("and", "et"):
            continue
        start = position + 1
        if words[start].text in _POSSESSIVES and start + 1 < len(words):
            start += 1
        count = read_count(words, start, cues)
        if count is not None and count.end < len(words) and words[count.end].text.isalpha() \
                and not _is_count_of_units(words, count, cues):
            return [count]
        if _singular_object(words, position + 1):
            return [Count(1, 1, "exact", position + 1, position + 3)]
        return []
    return []


def _counts_units_after(words: Sequence[Word], index: int, cues: Cues) -> bool:
    """True when what an active outcome at `words[index]` counts is no one: "killed three cattle"."""
    count = read_count(words, index + 1, cues) if index + 1 < len(words) else None
    return count is not None and _is_count_of_units(words, count, cues)


def _last_count_before(words: Sequence[Word], index: int, cues: Cues) -> Optional[Count]:
    """The last count of a noun before `words[index]` in its sentence ("six Fulani men")."""
    for start in range(index - 1, -1, -1):
        if words[start].text in (".", ";", "!", "?"):
            return None
        count = read_count(words, start, cues)
        if count is not None and count.end < index and words[count.end].text.isalpha() \
                and not _is_count_of_units(words, count, cues) and not _is_year_or_date(words, count, cues):
            return count
    return None


def _outcome_chain_start(words: Sequence[Word], index: int, cues: Cues) -> int:
    """The first verb of a chain of outcomes ending at the killed word `words[index]`: "were
    abducted and executed" (abducted), "was kidnapped and shot dead" (kidnapped), "were wounded
    and later died" (wounded: those who die of their wounds); `index` when no other outcome is
    joined to it."""
    position = index - 1 if words[index].text == "dead" and index and words[index - 1].text in cues.killed_active_before_dead else index
    joined = cues.other_outcomes | cues.wounded if words[index].text in cues.died else cues.other_outcomes
    if words[index].text in cues.died:
        while position >= 1 and _is_adverb(words[position - 1].text):
            position -= 1
    while position >= 2 and words[position - 1].text in ("and", "et") and words[position - 2].text in joined:
        position -= 2
    return index if position in (index, index - 1) or words[position].text not in joined else position


def _titled_person(words: Sequence[Word], index: int, text: str) -> bool:
    """True for a person named with a title and no article: 'MSA officer Mohamed Intawdoute',
    'French hostage Philippe Verdon' (a capitalised modifier, a lower-case singular title, then a
    capitalised name); not 'massacred by Dozo militiamen'."""
    for position in range(index, min(len(words) - 1, index + 3)):
        word = text[words[position].start:words[position].end]
        if not word[:1].isalpha():
            return False
        if word.islower():
            name = text[words[position + 1].start:words[position + 1].end]
            return position > index and not word.endswith("s") and name[:1].isupper() and name[:1].isalpha()
    return False


def _singular_object(words: Sequence[Word], index: int) -> bool:
    """True for 'the chief', 'a trader', 'his brother' at `index` (a singular noun phrase)."""
    if index + 1 >= len(words) or words[index].text not in ("the", "a", "an", "his", "her", "their", "its", "le", "la", "un", "une", "son", "sa"):
        return False
    noun = words[index + 1].text
    return noun.isalpha() and not noun.endswith("s") and noun not in ("other", "others", "same")


# adverbs of time that may stand between a subject or auxiliary and its verb
_LATER = frozenset({"later", "then", "also", "soon", "afterwards", "subsequently", "eventually", "finally"})


def _is_adverb(word: str) -> bool:
    """True for an adverb that may stand between a subject or auxiliary and its verb ("later",
    "reportedly")."""
    return word in _LATER or word.endswith("ly")


def _singular_subject(words: Sequence[Word], index: int) -> bool:
    """True when one person is the subject of the verb at `index`, adverbs apart: "the pilot
    died", "he later succumbed", "his wife, who succumbed", "wounded another who died"."""
    position = index - 1
    while position >= 0 and (_is_adverb(words[position].text) or words[position].text == ","):
        position -= 1
    if position < 0:
        return False
    subject = words[position].text
    if subject in ("he", "she", "il", "elle"):
        return True
    if subject in ("who", "qui") and position > 0:
        position -= 1
        while position >= 0 and words[position].text == ",":
            position -= 1
        if position >= 0 and words[position].text in ("another", "one", "un", "une"):
            return True
    return position >= 1 and _singular_object(words, position - 1)


def _plural_subject(words: Sequence[Word], index: int) -> bool:
    return index >= 2 and words[index - 2].text in ("were", "are", "sont", "ont")


def reports_casualties(text: str, cues: Cues) -> bool:
    """True when `text` reports someone killed or wounded (not an explicit 'no casualties')."""
    lowered = text.lower()
    if any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered) for phrase in cues.no_fatalities):
        return False
    return any(word.text in cues.killed or word.text in cues.wounded for word in text_words(text))


# --------------------------------------------------------------------------------------------
# Triggers


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in the body: char offsets and the index of its first token."""

    trigger: TriggerEntry
    start: int
    end: int
    token_start: int
    token_end: int = -1
    label: bool = False


class TriggerMatcher:
    """Matches the trigger lexicon on lemmas of the lower-cased, folded text."""

    def __init__(self, triggers: list[TriggerEntry], language: str = "en"):
        self.language = language
        self.nlp = blank_pipeline(language)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self.by_id: dict[str, TriggerEntry] = {}
        self.labels: dict[str, TriggerEntry] = {}
        for trigger in triggers:
            if trigger.language != language:
                continue
            self.by_id[trigger.id] = trigger
            # patterns go through the same folding as the text ("sit-in" is read "sit in")
            patterns = [self.nlp(matching_text(word).lower())
                        for word in (*trigger.lemmas, *trigger.phrases, *trigger.place_lemmas, *trigger.group_lemmas)]
            self.matcher.add(trigger.id, patterns)
            for label in trigger.labels:
                self.labels.setdefault(alias_key(label), trigger)

    def __call__(self, doc: Doc) -> list[TriggerHit]:
        hits = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            trigger = self.by_id[self.nlp.vocab.strings[match_id]]
            hits.append(TriggerHit(trigger, span.start_char, span.end_char, start, end))
        return sorted(hits, key=lambda hit: (hit.start, -hit.end))

    def label_at(self, text: str, offset: int) -> Optional[TriggerHit]:
        """The heading that opens `text` ("Property destruction: ..."), as a trigger hit."""
        match = re.match(r"\s*([^\W\d][^:.;]{1,45}?)\s*:", text)
        if not match:
            return None
        trigger = self.labels.get(alias_key(match.group(1)))
        if trigger is None:
            return None
        return TriggerHit(trigger, offset + match.start(1), offset + match.end(1), -1, -1, label=True)


def choose_triggers(candidates: Sequence[TriggerHit], settings: EventSettings = DEFAULT_SETTINGS,
                    passive_first: bool = False, body: str = "") -> tuple[TriggerHit, TriggerHit]:
    """(role anchor, code trigger) among a sentence's live triggers.

    The first act told gives the sides and the code ("gunmen attacked the village, killing
    five": attacked), unless it is non-violent and violence is told too; an outcome told first in the passive (`passive_first`: "two soldiers were
    killed in an ambush") yields the code to the violent act that follows, but not to a taking
    listed with it as another outcome ("ten militants were killed, four arrested and arms seized":
    `body`, the document text, shows the participle closing its item); a later trigger naming
    the means ("... using suicide car bombs", "killed by an IED") codes the event.
    """
    ordered = sorted(candidates, key=lambda hit: (hit.start, -hit.end))
    role_anchor = ordered[0]
    code = ordered[0]
    if code.trigger.outcome and (passive_first or code.token_start < 0):
        # (an act of violence before a taking: "killed … while vehicles were seized during an attack")
        violent = [hit for hit in ordered[1:] if not hit.trigger.outcome and hit.trigger.event_type in _VIOLENT_TYPES]
        taking = next((hit for hit in violent if not _listed_outcome(hit, body)), None)
        code = next((hit for hit in violent if hit.trigger.sub_event_type not in _TERRITORIAL), taking or code)
    if code.trigger.event_type == "Strategic developments":
        # violence told with a non-violent act is the event ("destroyed a camp and killed two
        # militants"): ACLED codes the most violent act of an event (territory is no violence)
        code = next((hit for hit in ordered if hit.trigger.event_type in _VIOLENT_TYPES
                     and hit.trigger.sub_event_type not in _TERRITORIAL), code)
    means = [hit for hit in ordered if hit.trigger.priority >= settings.means_priority and hit.trigger.priority > code.trigger.priority]
    if means:
        chosen = max(means, key=lambda hit: (hit.trigger.priority, -hit.start))
        # shells and rockets fired in an exchange of fire are part of the battle (ACLED codes the clash)
        fought = chosen.trigger.sub_event_type == "Shelling/artillery/missile attack" and any(
            hit.trigger.sub_event_type == "Armed clash" and hit.trigger.event_type == "Battles" for hit in ordered)
        if not fought:
            code = chosen
    return role_anchor, code


# words after which a participle is an adjective of the noun it comes before ("in recaptured
# Kidal", "the captured town"), and words after a participle that show it is a verb after all
_ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "in", "at", "of", "from", "into", "its", "their", "newly", "recently"})
_VERB_AFTER = frozenset({"by", "and", "or", "in", "on", "at", "to", "with", "near", "during", "for", "from", "after",
                         "before", "as", "while", "when", "since", "over", "off", "out", "down", "up", "the", "a", "an"})


def _attributive(doc: Doc, hit: TriggerHit, body: str) -> bool:
    """True for a one-word trigger in the past participle used as an adjective, between an
    article or a preposition and its noun ("in recaptured Kidal", "the captured town of Gao"):
    it names what the place or people had undergone, not an act the sentence tells."""
    if hit.token_end - hit.token_start != 1 or hit.token_start == 0 or hit.token_end >= len(doc):
        return False
    word, before, after = doc[hit.token_start], doc[hit.token_start - 1], doc[hit.token_end]
    # (a participle is a lower-case word: "an IED struck" holds no "-ed")
    return body[hit.start:hit.end].islower() and word.lower_.endswith("ed") and before.lower_ in _ATTRIBUTIVE_BEFORE \
        and after.is_alpha and after.lower_ not in _VERB_AFTER


def _listed_outcome(hit: TriggerHit, body: str) -> bool:
    """True for a participle closing an item of a list of outcomes: "four arrested, and arms
    seized."; not for a taking told as an act ("militants seized the town")."""
    return bool(body) and re.match(r"\s*(?:[,.;]|(?:and|et)\b|$)", body[hit.end:]) is not None


# --------------------------------------------------------------------------------------------
# Whether a trigger reports an event


def blocking_cue(before: Sequence[str], clause_before: Sequence[str], cues: Cues, settings: EventSettings = DEFAULT_SETTINGS) -> Optional[str]:
    """Why the trigger after the lemmas `before` reports no event, or None when it does.

    `before` are the lemmas (lower case) of the sentence up to the trigger; `clause_before`
    those of its clause (since the last comma or semicolon). A modal or negation counts when
    only skippable words stand between it and the trigger; a condition anywhere earlier in the
    clause; an intention when it reaches the trigger through a link word ("threatened to
    attack") or directly ("threatened sanctions").
    """
    for distance, lemma in enumerate(reversed(before[-(settings.modal_window_tokens + 1):])):
        if lemma in cues.negation:
            return f"negation:{lemma}"
        if lemma in cues.modal:
            return f"hypothetical:{lemma}"
        if lemma not in cues.skippable:
            break
    for lemma in clause_before:
        if lemma in cues.condition:
            return f"condition:{lemma}"
    window = list(before[-(settings.intention_gap_tokens + 3):])
    for position, lemma in enumerate(window):
        if lemma not in cues.intention:
            continue
        rest = window[position + 1:]
        if rest and rest[0] in cues.intention_links and len(rest) - 1 <= settings.intention_gap_tokens:
            return f"intention:{lemma}"
        if lemma in cues.intention_direct and all(word in cues.skippable for word in rest):
            return f"intention:{lemma}"
    return None


# --------------------------------------------------------------------------------------------
# Roles (pure functions over a sentence's text and mentions)


@dataclass(frozen=True)
class RoleFinding:
    """An actor mention given a role, with the rule that gave it."""

    mention: EntityMention
    role: str
    rule: str


def _gap_words(gap: str) -> list[str]:
    return [word.text for word in text_words(gap)]


def _last_word(text: str) -> str:
    """The last word of a name, lower case, a hyphen parting words ("French-backed": backed)."""
    return re.split(r"[\s-]+", text.strip().lower())[-1]


def _is_coordination(gap: str, cues: Cues) -> Optional[str]:
    """'coord', 'assoc' or 'head-after' when `gap` joins two actors of one side, else None."""
    lowered = " ".join(gap.lower().split())
    # (the first side's head noun is read with it: "GATIA forces supported by French forces",
    # "Gaddafi's forces and the National Transitional Council")
    head = re.match(r"\s*(?:['’]s\s+)?(\S+)", lowered)
    if head is not None and head.group(1) in cues.side_nouns:
        lowered = lowered[head.end():]
    stripped = lowered
    for link in cues.association_links:
        if re.search(rf"(?<!\w){re.escape(link)}(?!\w)", lowered):
            stripped = re.sub(rf"(?<!\w){re.escape(link)}(?!\w)", " ", lowered)
            # ("a civilian described as a teacher": an article may open the associate, and a count:
            # "teachers from 11 unions")
            # and the associate's own head noun may come before its name ("supported by the local
            # militias MSA and GATIA")
            remaining = [word for word in _gap_words(stripped) if word not in cues.coordination and word not in ("a", "an")
                         and not word.isdigit() and word not in cues.number_words
                         and word not in cues.side_adjectives and word not in cues.side_nouns
                         and word not in ("now", "also", "still") and not word.endswith("ly")]
            return "assoc" if not remaining else None
    words = _gap_words(lowered)
    # ("a Malian soldier and a civilian", "soldiers and two civilians", "and one suspected CMA
    # fighter": an article, a count or a hedge opens the next member)
    remaining = [word for word in words if word not in cues.coordination]
    if remaining and {"and", "et", "or"} & set(words) and all(
            word.isdigit() or word in cues.number_words or word in cues.side_adjectives for word in remaining):
        return "coord"
    if not remaining:
        return "coord"
    if all(word in cues.head_after_links or word == "-" for word in remaining):
        return "head-after"
    return None


def actor_groups(mentions: Sequence[EntityMention], text_of, cues: Cues,
                 clause_break: Optional[int] = None) -> list[list[tuple[EntityMention, str]]]:
    """Coordinated actor mentions in text order: [[(mention, link), ...], ...].

    `text_of(start, end)` returns the body between two offsets. The first member of a group
    has link 'head'; 'X-backed Y' makes Y the head and X associated. Nothing is coordinated
    across `clause_break`, the comma that closes an opening clause.
    """
    groups: list[list[tuple[EntityMention, str]]] = []
    for mention in sorted(mentions, key=lambda item: item.start):
        if groups:
            previous = groups[-1][-1][0]
            link = _is_coordination(text_of(previous.end, mention.start), cues) if mention.start >= previous.end else "coord"
            if clause_break is not None and previous.end <= clause_break < mention.start:
                link = None  # ("After officials were named to the government, ECOWAS lifted …")
            if link == "coord" and not text_of(previous.end, mention.start).strip() \
                    and _last_word(text_of(previous.start, previous.end)) in cues.head_after_links:
                link = "head-after"  # "French-backed Malian troops": the name holds the link
            if link is not None:
                if link == "head-after":
                    groups[-1] = [(item, "assoc") for item, _ in groups[-1]]
                    groups[-1].insert(0, (mention, "head"))
                else:
                    groups[-1].append((mention, link))
                continue
        groups.append([(mention, "head")])
    return groups


def _opening_phrase_comma(text: str, openers: frozenset[str], verbs: frozenset[str] = frozenset()) -> Optional[int]:
    """Where the comma closing the phrase `text` opens with lies, when its first word is one of
    `openers` ("After …, ", "Despite …, "): the first comma, or with `verbs` the first one after
    the phrase's verb when one is seen ("After Ndaw, Ouane and others were named …, "); -1 when
    there is none; None when the text opens otherwise."""
    first = re.match(r"\s*(\w+)", text)
    if first is None or first.group(1).lower() not in openers:
        return None
    start = first.end()
    if verbs:
        verb = next((word.start() for word in re.finditer(r"\w+", text[start:])
                     if word.group().lower() in verbs or _PAST.fullmatch(word.group()) or word.group().endswith("ing")), None)
        start += verb or 0
    return text.find(",", start)


def _restatements_joined(mentions: Sequence[EntityMention], text_of) -> list[EntityMention]:
    """A name restated in brackets right after it is one mention: "the MNLA [National Movement
    for the Liberation of the Azawad] and an armed group clashed" names two sides, not three."""
    joined: list[EntityMention] = []
    for mention in sorted(mentions, key=lambda item: item.start):
        previous = joined[-1] if joined else None
        closing = re.match(r"\s*[)\]]", text_of(mention.end, mention.end + 3))
        if previous is not None and closing is not None and previous.entity_id == mention.entity_id \
                and previous.end <= mention.start and re.fullmatch(r"\s*[(\[]\s*", text_of(previous.end, mention.start)):
            end = mention.end + closing.end()
            joined[-1] = previous.model_copy(update={"end": end, "text": text_of(previous.start, end)})
            continue
        joined.append(mention)
    return joined


def drop_generic_modifiers(mentions: Sequence[EntityMention], text_of, generic_ids: set[str],
                           kept_ids: frozenset[str] = frozenset(), links: frozenset[str] = frozenset(),
                           unknown_id: Optional[str] = None) -> list[EntityMention]:
    """Drop a generic mention that only repeats the named one beside it ('JNIM militants').

    Mentions whose id is in `kept_ids` (occupations, identity groups: 'Fulani herders') and
    their neighbours stay: they say who the people are; so does one after a name that ends in
    one of `links` ('French-backed army': the army is backed, not France's). Unidentified
    attackers (`unknown_id`) of a generic side named after them are that side too ('fighters
    from the Islamic group').
    """
    ordered = sorted(mentions, key=lambda item: item.start)
    kept: list[EntityMention] = []
    for index, mention in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if mention.entity_id in generic_ids and mention.entity_id not in kept_ids and following is not None \
                and following.entity_id not in kept_ids:
            gap = text_of(mention.end, following.start)
            # "Militant Islamists": a generic word before another is its adjective; "unknown gunmen
            # (presumably 'jihadists')": the suspicion in brackets says who they were
            if following.entity_id in generic_ids and re.fullmatch(r"\s+", gap):
                continue
            if _SUSPECTED_IN_BRACKETS.fullmatch(gap) or _SAID_TO_BE.fullmatch(gap) or (
                    following.entity_id not in generic_ids and (_DESCRIBED_AS.fullmatch(gap) or _MEMBER_OF.fullmatch(gap))):
                # (the suspected side takes the place of the unidentified one, over both names)
                ordered[index + 1] = following.model_copy(update={"start": mention.start, "text": text_of(mention.start, following.end)})
                continue
        if mention.entity_id in generic_ids and mention.entity_id not in kept_ids:
            neighbours = []
            if index > 0:
                neighbours.append((ordered[index - 1], text_of(ordered[index - 1].end, mention.start)))
            if index + 1 < len(ordered):
                neighbours.append((ordered[index + 1], text_of(mention.end, ordered[index + 1].start)))
            repeated = [other for other, gap in neighbours
                        if (other.entity_id not in generic_ids or (
                            mention.entity_id == unknown_id and other.start > mention.end and other.entity_id != unknown_id
                            and re.search(r"(?:of|from)\s+(?:the\s+)?$", gap.lower()) is not None))
                        and other.entity_id not in kept_ids
                        and not (other.end <= mention.start and _last_word(other.text) in links)
                        and re.fullmatch(r"[\s()\[\]'’]*(?:s\s*)?(?:(?:of|from)\s+(?:the\s+)?|de\s+|du\s+|des\s+)?", gap.lower())]
            if repeated:
                if kept and kept[-1] is repeated[0] and kept[-1].end <= mention.start:
                    # "Katiba Macina militants and Dozos": the name reaches over its head noun, so
                    # what joins it to the next side is "and", not "militants and"
                    kept[-1] = kept[-1].model_copy(update={"end": mention.end, "text": text_of(kept[-1].start, mention.end)})
                continue
        kept.append(mention)
    return kept


# between two names given as alternatives: "JNIM or ISGS", "JNIM and/or ISGS"
_ALTERNATIVE = re.compile(r"\s*(?:or|and\s*/\s*or|ou|et\s*/\s*ou)\s+", re.IGNORECASE)


def _repeats(generic: _Role, named: _Role) -> bool:
    """True when a generic side's words are the noun a named side was described with
    ("militiamen" after "Dan Na Ambassagou militiamen")."""
    described = alias_key(named.text)
    return " " in described and _singular(alias_key(generic.text)) == _singular(described.rsplit(" ", 1)[-1])


def _singular(key: str) -> str:
    """The singular of a folded English noun phrase's last word ("militants", "gunmen")."""
    if key.endswith("men"):
        return key[:-3] + "man"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def assign_roles(
    hit_start: int,
    hit_end: int,
    mentions: Sequence[EntityMention],
    text_of,
    cues: Cues,
    settings: EventSettings = DEFAULT_SETTINGS,
    *,
    reciprocal: bool = False,
    outcome: bool = False,
    violent: bool = False,
    heading: bool = False,
    sentence_start: int = 0,
    acting_verbs: frozenset[str] = frozenset(),
    clause_break: Optional[int] = None,
) -> list[RoleFinding]:
    """Give the actor mentions of a sentence their roles around a trigger at [hit_start, hit_end).

    Rules, in order: "by X" after the trigger names the acting side (the side before it is then
    acted upon); a passive trigger ("were killed") makes the side before it the acted-upon one;
    "between X and Y" names both sides; otherwise the nearest group before the trigger acts and
    the first group after it is acted upon, and a reciprocal trigger ("X and Y clashed") splits
    a coordinated subject. The head of a group takes actor1/actor2, the rest are associated.
    With `heading`, the trigger is a note heading and the first group acts.
    """
    # ("French helicopters struck": a trigger that opens with the last word of the side's name
    # is read from after the name)
    hit_start = max([hit_start, *(m.end for m in mentions if m.start < hit_start < m.end < hit_end)])
    groups = actor_groups(mentions, text_of, cues, clause_break)
    before = [group for group in groups if group[-1][0].end <= hit_start]
    after = [group for group in groups if group[0][0].start >= hit_end]
    side1: list[tuple[EntityMention, str]] = []
    side2: list[tuple[EntityMention, str]] = []
    rule = "roles:active"
    if heading:
        ordered = before + after
        side1 = ordered[0] if ordered else []
        side2 = ordered[1] if len(ordered) > 1 else []
        rule = "roles:heading"
        return _findings(side1, side2, rule)
    before_words = _gap_words(text_of(max(sentence_start, hit_start - 40), hit_start))
    passive_or_noun = _is_passive(text_of(max(sentence_start, hit_start - 30), hit_start), cues) or bool(
        set(before_words[-2:]) & cues.nominal_markers)
    marker = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, sorted(cues.agent_markers))))

    def find_agent(attached_anyway: bool):
        for group in after:
            gap = text_of(hit_end, group[0][0].start).lower()
            if len(gap) > settings.agent_window_chars or ";" in gap:
                return None
            found = list(marker.finditer(gap))
            if found:
                head, tail = gap[:found[-1].start()], gap[found[-1].end():]
                # "by X" belongs to the trigger when it is passive or a noun ("an attack by"), or
                # follows it closely; after an object it belongs to the object ("Dogons escorted by")
                # ("attacked pirogues escorted by the army": a participle before "by" takes it)
                head_words = head.split()
                object_participle = len(head_words) >= 2 and _PAST.fullmatch(head_words[-1]) is not None \
                    and head_words[-2] not in ("and", "or", "et", "ou")  # (not "detained and executed by")
                attached = (len(head_words) <= 2 and not object_participle) or attached_anyway
                # ("airstrikes by helos against jihadist positions": a side after a preposition
                # of the act's target is no agent)
                if attached and len(tail.split()) <= 3 and "," not in tail and len(head.split()) <= 8 and "," not in head \
                        and not set(tail.split()) & cues.target_prepositions:
                    return group
        return None

    agent = find_agent(passive_or_noun)
    subject = None
    supported_lead = None
    # the object of the verb before, when the trigger's own object is a pronoun ("removed thirty
    # soldiers from a bus and abducted them")
    pronoun_object = None
    if before:
        candidate = before[-1]
        gap = text_of(candidate[-1][0].end, hit_start)
        if re.search(r"(?:,\s*|\s)and\s+$", gap) and len(before) >= 2:
            # ("gunmen stripped belongings from passengers …, and opened fire", "militants removed
            # thirty soldiers from a bus and abducted them": a verb joined by "and" shares the
            # subject of the verb before it, not that verb's object)
            earlier = before[-2]
            between_gap = text_of(earlier[-1][0].end, candidate[0][0].start)
            in_phrase = re.search(r"(?<!\w)(?:from|of|on|to|with|against|at|in)\s+(?:the\s+|their\s+|its\s+)?$",
                                  text_of(max(sentence_start, candidate[0][0].start - 20), candidate[0][0].start).lower())
            # (or the object of the verb right after the earlier side: "removed thirty soldiers", not
            # the subject of a clause of its own: "claimed the government failed to … and opened fire")
            verb_words = [word for word in _gap_words(between_gap.lower()) if not word.endswith("ly")]
            opens_clause = any(_PAST.fullmatch(word) or word in cues.passive_aux for word in _gap_words(gap.lower()))
            objects = not re.search(r"[,;]", between_gap) and 1 <= len(verb_words) <= 2 and not opens_clause \
                and _PAST.fullmatch(verb_words[0]) is not None and verb_words[0] not in cues.passive_aux \
                and all(word in ("the", "a", "an", "their", "its", "some", "several") or word in cues.number_words
                        or word.isdigit() for word in verb_words[1:])
            if (in_phrase or objects) and len(between_gap) <= settings.subject_window_chars \
                    and not re.search(r"[;.]", between_gap):
                if objects and _gap_words(text_of(hit_end, hit_end + 12).lower())[:1] in (["them"], ["him"], ["her"]):
                    pronoun_object = candidate
                candidate = earlier
                gap = text_of(candidate[-1][0].end, hit_start)
        gap_words = _gap_words(gap)
        nominal = bool(gap_words) and gap_words[-1] in cues.nominal_markers
        # "civilians died in the attacks": the side before a noun inside a prepositional phrase
        # does not act, unless through a light verb ("JNIM carried out an attack")
        inside_phrase = bool(set(gap_words) & cues.noun_phrase_prepositions)
        # ("a Malian army vehicle was struck by an IED": the subject of a passive verb before the
        # noun is acted upon, and is kept for that)
        # ("CSP forces supported the government in an offensive": the side a verb of support
        # governs leads the act it is supported in)
        supported = set(_gap_words(text_of(max(sentence_start, candidate[0][0].start - 20), candidate[0][0].start).lower())[-2:]) \
            & cues.support_verbs
        if nominal and inside_phrase and not (set(gap_words) & cues.light_verbs) and not _has_passive_verb(gap, cues) \
                and not supported:
            candidate = None
        if candidate is not None and _in_clause_of_time(candidate[0][0].start, gap, text_of(hit_start, hit_end),
                                                        text_of, sentence_start, cues):
            candidate = None
        if candidate is not None and len(gap) <= settings.subject_window_chars and ";" not in gap:
            subject = _with_partnered(candidate, before, text_of, cues, settings)
            if subject is not candidate and _names_supported(text_of(subject[0][0].end, candidate[0][0].start), cues, settings):
                # ("Wagner mercenaries … began supporting the military in fighting JNIM": the
                # side supported led the act; the side keeps text order until roles are given,
                # then the lead heads it)
                supported_lead = candidate[0][0]
    obj = None
    between = False
    partners: list = []
    for group in after:
        if group is agent:
            continue
        if agent is None and not partners and _names_partner(text_of(hit_end, group[0][0].start), cues, settings):
            # ("JNIM attacked the camp together with ISGS fighters": a partner in the act, no target)
            partners = [(mention, "assoc") for mention, _ in group]
            continue
        # "an attack by gunmen on an army post": the target is read from after the agent
        gap_start = agent[-1][0].end if agent is not None and agent[-1][0].end <= group[0][0].start else hit_end
        gap = text_of(gap_start, group[0][0].start)
        # ("attacked pirogues escorted by the Malian army": the escort of what was attacked is
        # attacked too)
        escort = re.fullmatch(r"\s+(?:[\w-]+\s+){1,3}(?:escorted|accompanied|protected|guarded|transported|carried)\s+by\s+(?:the\s+)?",
                              gap, re.IGNORECASE) is not None
        # ("airstrikes by helos against jihadist positions": an agent the gazetteer does not know,
        # then what the act is aimed at)
        unknown_agent = cues.unknown_agent_then_target.search(gap.lower()) is not None
        if len(gap) > settings.object_window_chars or re.search(r"[;,]|[.!?]\s", gap) \
                or (marker.search(gap.lower()) and not escort and not unknown_agent):
            break
        # ("two soldiers killed when assailants attacked the convoy": a side after a word that
        # opens another clause is that clause's, not the trigger's object)
        if set(_gap_words(gap.lower())) & cues.clause_conjunctions:
            break
        # ("clashes between the rival groups JNIM and ISGS": words describing the pair may come first)
        between = bool(re.search(r"(?<!\w)(?:%s)\s+(?:the\s+|les\s+|l'\s*)?(?:[a-z][a-z'-]*\s+){0,3}$" % cues.between_alternation, gap))
        obj = group
        later = [other for other in after if other[0][0].start >= group[-1][0].end]
        if later and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}?(?:escorted|accompanied|protected|guarded)\s+by\s+(?:the\s+)?",
                                  text_of(group[-1][0].end, later[0][0][0].start), re.IGNORECASE):
            # ("attacked marketgoers escorted by Dogon militiamen", "Dogons aboard donkey carts
            # escorted by Dogon militiamen": the escort is attacked with them)
            obj = later[0] + [(mention, "assoc") for mention, _ in group]
        elif later and not partners and _names_partner(text_of(group[-1][0].end, later[0][0][0].start), cues, settings):
            # ("French forces killed a JNIM commander in an operation in coordination with Malian
            # forces": a partner named after the object acts with the subject)
            partners = [(mention, "assoc") for mention, _ in later[0]]
        break
    if obj is None and agent is None:
        obj = pronoun_object
    if obj is None and agent is None and subject is not None and len(before) >= 2:
        # "JNIM militants damaged a Barkhane vehicle by IED detonation": the side before an
        # instrument given as the means is the object of the verb before it
        means_gap = text_of(subject[-1][0].end, hit_start)
        earlier = before[-2]
        verb_gap = text_of(earlier[-1][0].end, subject[0][0].start)
        # ("French forces engaged JNIM militants in combat": the one engaged is the object too)
        engaged = re.search(r"(?<!\w)engag", verb_gap.lower()) is not None and (
            re.fullmatch(r"\s*in\s+", means_gap) is not None
            or (not means_gap.strip() and text_of(hit_start, hit_end).lower().startswith("in ")))
        if (_MEANS.search(means_gap.lower()) or engaged) and not _has_passive_verb(means_gap, cues) \
                and len(verb_gap) <= settings.subject_window_chars and not re.search(r"[;.,]", verb_gap) \
                and not _has_passive_verb(verb_gap, cues) and any(word.isalpha() for word in _gap_words(verb_gap)):
            obj, subject = subject, earlier
    trigger_word = text_of(hit_start, hit_end).lower()
    # ("the army has been raiding their camps": an auxiliary before a verb in -ing is progressive)
    passive = _is_passive(text_of(max(sentence_start, hit_start - 30), hit_start), cues) \
        and not trigger_word.split()[0].endswith("ing")
    after_words = _gap_words(text_of(hit_end, hit_end + 40))
    # "two militants killed in clashes with Barkhane": an outcome verb followed by a preposition,
    # not by what it was done to, is a reduced passive whatever side the sentence names later
    preposition_next = outcome and bool(after_words) and after_words[0] in cues.reduced_passive_prepositions
    # ("a vehicle of the gendarmerie destroyed by an IED": "by" right after the verb gives its agent)
    by_next = trigger_word.endswith("ed") and after_words[:1] == ["by"]
    # ("Malian troops carried out summary executions": a light verb before the act makes it active)
    light = subject is not None and bool(set(_gap_words(text_of(subject[-1][0].end, hit_start).lower())) & cues.light_verbs)
    if (outcome or by_next or (violent and not reciprocal and trigger_word.endswith("ed"))) and not passive \
            and (obj is None or preposition_next or by_next) and subject is not None and not light:
        # "two soldiers killed and one injured in an ambush": a headline's reduced passive
        following = after_words[:1]
        # ("Ansar Dine fighters attacked and burned the tomb", "abducted, mutilated, and executed
        # two herders": "and" joins other active verbs, the last with its object)
        rest = list(after_words)
        items: list[str] = []
        opens_object = lambda word: word in ("the", "a", "an", "their", "its", "his", "her", "several") \
            or word in cues.number_words or word.isdigit()  # noqa: E731
        while rest and not opens_object(rest[0]) and (rest[0] in (",", "and") or (
                rest[0].isalpha() and rest[0] not in cues.reduced_passive_followers and len(items) < 4)):
            if rest[0] not in (",", "and"):
                items.append(rest[0])
            rest.pop(0)
        consumed = after_words[:len(after_words) - len(rest)]
        joined_active = "and" in consumed and bool(items) and bool(rest) and opens_object(rest[0])
        if (not following or following[0] in cues.reduced_passive_followers) and not joined_active:
            passive = True
            agent = agent or find_agent(True)
    if subject is not None and not passive:
        gap = text_of(subject[-1][0].end, hit_start)
        # "three soldiers were killed by the explosion of an IED": the subject of a passive
        # verb before the trigger is acted upon, as is one that undergoes the act ("a girl
        # received 60 lashes")
        if _has_passive_verb(gap, cues) or set(_gap_words(gap.lower())) & cues.undergo_verbs:
            passive = True
        # "a convoy hit an IED": the side before an instrument acts only through a verb of use
        # (the trigger may itself be the verb of use: "JNIM (Katiba Macina) detonated an IED")
        # ("JNIM damaged a Barkhane vehicle by IED detonation": an instrument named as the means
        # of the subject's act)
        elif acting_verbs and trigger_word not in acting_verbs and any(word.isalpha() for word in _gap_words(gap)) \
                and not (set(_gap_words(gap)) & acting_verbs) and not re.fullmatch(r"[\s'’s-]*", gap) \
                and not _MEANS.search(gap.lower()):
            passive = True
    if agent is None and passive and violent and after:
        agent = _agent_of_act_phrase(after[0], hit_end, text_of, cues)
    # "between unknown gunmen on motorbikes and Malian soldiers": words describing the first side
    # stand between it and "and"
    second = _second_of_between(obj, after, text_of, settings) if between and obj is not None and len(obj) < 2 else None
    if agent is not None:
        side1 = agent
        side2 = obj if obj is not None and obj is not agent else (subject or [])
        rule = "roles:agent"
    elif between and obj is not None and (len(obj) >= 2 or second is not None):
        if len(obj) >= 2:
            side1 = [obj[0]]
            side2 = [(obj[1][0], "head")] + obj[2:]
        else:
            side1, side2 = obj, second
        rule = "roles:between"
        if subject is not None:
            # (not a side the between-phrase names as the other: "racketeering by policemen
            # triggered clashes between vendors and police")
            others = {mention.entity_id for mention, _ in side2}
            side1 = side1 + [(mention, "assoc") for mention, _ in subject if mention.entity_id not in others]
    elif passive:
        side2 = subject or []
        side1 = []
        rule = "roles:passive"
    else:
        side1 = subject or []
        side2 = obj or []
        if reciprocal and not side2 and len(side1) >= 2:
            side2 = [(side1[1][0], "head")] + side1[2:]
            side1 = side1[:1]
            rule = "roles:reciprocal"
        if reciprocal and not side1 and not side2 and after:
            # "clashes between tripartite forces (French, Burkinabe and Malian) and Islamist
            # militants": the one side named after "and" of the between-phrase is still a side
            phrase = text_of(hit_end, after[0][0][0].start)
            opening = re.search(r"(?<!\w)(?:%s)(?!\w)" % cues.between_alternation, phrase.lower())
            if opening is not None and re.search(r"(?<!\w)(?:and|et)\s+(?:the\s+)?$", phrase.lower()) \
                    and len(phrase) <= 2 * settings.object_window_chars:
                side2 = after[0]
                rule = "roles:between-one"
    if partners and side1:
        side1 = side1 + partners
    if supported_lead is not None and any(mention is supported_lead for mention, _ in side1):
        side1 = [item for item in side1 if item[0] is supported_lead] + [item for item in side1 if item[0] is not supported_lead]
    return _findings(side1, side2, rule)


def _in_clause_of_time(start: int, gap: str, trigger: str, text_of, sentence_start: int, cues: Cues) -> bool:
    """True for a side named in a clause of time that ends before the trigger, when the clause
    the trigger is in names a subject of its own ("In early 2024, as the MINUSMA withdrawal was
    nearing completion, the new confederation withdrew": MINUSMA did not withdraw from ECOWAS).
    A pronoun after the comma ("As JNIM attacked Boni, they …") may still be the side."""
    if "," not in gap:
        return False
    # (words of the main clause before the trigger that are not a pronoun name its subject:
    # "…, the new confederation withdrew", "…, major fighting erupted between …"; with none,
    # the trigger opens the clause as its subject: "…, fighting erupted between …", unless it is
    # a participle whose subject is the clause's: "As gunmen stormed Boni, killing three …")
    words = _gap_words(gap.rsplit(",", 1)[1].lower())
    main = [word for word in words if word not in cues.subject_pronouns and not word.endswith("ly") and word not in ("then", "also")]
    if (words and not main) or (not words and " " not in trigger.strip() and trigger.lower().endswith(("ing", "ed"))):
        return False
    opening = re.split(r"[,;:]", text_of(sentence_start, start))[-1]
    first = re.match(r"\s*(\w+)", opening)
    return first is not None and first.group(1).lower() in cues.opening_subordinators


def _with_partnered(side: list, before: list, text_of, cues: Cues, settings: EventSettings) -> list:
    """The subject of an act, with the side before it in the clause when this side was named as
    its partner ("French forces conducted an operation in coordination with Malian forces that
    led to the killing of …": France acted, with Mali associated)."""
    position = next((index for index, group in enumerate(before) if group is side), -1)
    if position < 1:
        return side
    earlier = before[position - 1]
    gap = text_of(earlier[-1][0].end, side[0][0].start)
    if not _names_partner(gap, cues, settings) and not _names_supported(gap, cues, settings):
        return side
    return earlier + [(mention, "assoc") for mention, _ in side]


def _names_supported(gap: str, cues: Cues, settings: EventSettings) -> bool:
    """True when the words between two sides, within one clause, end in a verb of support ("GATIA
    forces supported the …", "mercenaries … were deployed and began supporting the …"): the
    second side leads."""
    if re.search(r"[,;.:()]", gap) or len(gap) > settings.subject_window_chars:
        return False
    words = [word for word in _gap_words(" ".join(gap.lower().split())) if word not in ("the", "a", "an")]
    return bool(words) and words[-1] in cues.support_verbs


def _names_partner(gap: str, cues: Cues, settings: EventSettings) -> bool:
    """True when the words before a side, within one clause, end in a link that makes it a
    partner of the acting side ("… in coordination with", "… together with the")."""
    gap = " ".join(gap.lower().split())
    if cues.partner_ending is None or re.search(r"[,;.:()]", gap) or len(gap) > settings.subject_window_chars:
        return False
    return cues.partner_ending.search(gap) is not None


# between a subject and its verb in the passive, the verb's auxiliary when the trigger leaves it
# out ("the HCUA was formed", "the CPA, which was officially founded")
_PASSIVE_GAP = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?(?:\w+ly\s+)?", re.IGNORECASE)
# nouns for a force's people that alone name the country's own army ("troops", "soldiers")
_PERSONNEL_NOUNS = frozenset({"troop", "troops", "soldier", "soldiers"})
# between unidentified attackers and the bracket saying who they were suspected to be
_SUSPECTED_IN_BRACKETS = re.compile(
    r"\s*[(\[]\s*(?:presumably|presumed|assumed|believed to be|thought to be|said to be|suspected(?: to be)?|likely|probably|possibly|allegedly|reportedly)"
    r"\s+(?:to be\s+)?(?:the\s+)?['\"‘“]?", re.IGNORECASE)
# between an unidentified side and the group it is said to be: "armed men believed to be
# affiliated with AQIM", "gunmen, who were thought to be members of the MNLA"
_SAID_TO_BE = re.compile(
    r"\s*,?\s*(?:who\s+(?:is|are|was|were)\s+)?(?:believed|thought|said|suspected|presumed|alleged)\s+to\s+(?:be|have\s+been)\s+"
    r"(?:(?:affiliated|linked|connected)\s+(?:with|to)\s+|(?:members?|elements?|part)\s+of\s+)?(?:the\s+)?['\"‘“]?", re.IGNORECASE)
# a bearing from a place, after a comma: ", south of ", ", 50km east of "
_BEARING_OF = re.compile(
    r",\s*(?:about\s+|some\s+|around\s+)?(?:\d+\s*(?:km|kms|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# people said to bear arms: "armed villagers", "heavily armed youths", "youths armed with rifles"
_ARMED_BEFORE = re.compile(r"(?<![\w-])(?:heavily\s+)?armed\s+$", re.IGNORECASE)
_ARMED_WITH = re.compile(r"\s+armed\s+with(?!\w)", re.IGNORECASE)
# before the side that holds a place: "the town of Tin Hama, being held by GATIA", "a checkpoint
# manned by the police"
_HELD_BY = re.compile(r"(?<!\w)(?:held|controlled|occupied|manned|guarded|defended)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
# an uncounted or suspected side after its count: "an unspecified number of suspected JNIM militants"
_UNCOUNTED = r"(?:(?:unspecified|unknown|undetermined|undisclosed)\s+number\s+of\s+)?(?:(?:suspected|presumed|alleged|armed)\s+)*"
# between a generic side and the description that says who it was: "an individual, described as a
# local JNIM commander", "armed men, later identified as MAA fighters"
_DESCRIBED_AS = re.compile(
    r"\s*,\s*(?:later\s+|subsequently\s+)?(?:described|identified)\s+as\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?", re.IGNORECASE)
# between a generic side and the group an apposition says it is of: "an Islamist militant, Abou
# Dardar, currently part of MUJAO", "a gunman, a member of the MNLA"
_MEMBER_OF = re.compile(
    r"\s*,\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*,\s*)?(?:(?:[Cc]urrently|[Aa]lso|[Rr]eportedly|[Aa]llegedly|then)\s+)?"
    r"(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?:member|part|commander|leader|fighter|militant|official|element)s?\s+of\s+(?:the\s+)?")
# before the group the ones who acted were found to be: "The group was later confirmed to be ",
# "the attackers were identified as members of "
_IDENTIFIED_AS = re.compile(
    r"(?<!\w)(?:confirmed|identified|revealed|found|shown|proved|proven|turned\s+out)\s+(?:to\s+be|as)\s+"
    r"(?:(?:the\s+|an?\s+)?(?:members?|elements?|fighters?|militants?)\s+of\s+)?(?:the\s+)?['\"‘“]?$", re.IGNORECASE)
# a count or article before a counted side: "2 ", "at least two ", "a "
_COUNTED = r"(?:(?:at\s+least|about|some|\d+|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|other|many)\s+)*"
# after an outcome, the victims it counted: "were killed, including two soldiers"
_INCLUDING = re.compile(r"\s*,?\s*(?:including|among them|among whom|among which)\s+", re.IGNORECASE)
# between an act and the side it was fought with: "clashes with French troops", "fighting against the army"
_OPPONENT = re.compile(r"\s+(?:with|against|avec|contre)\s+(?:the\s+|les\s+|l['’]\s*)?", re.IGNORECASE)
# the same after a later clash of the sentence, where a describing word may stand before the side:
# "clashed with armed villagers", "clashed with the village self-defense"
_CLASH_WITH = re.compile(r"\s+with\s+(?:(?:the|a|an|some)\s+)?(?:[a-z][\w-]*\s+)?", re.IGNORECASE)
# words that give an instrument as the means of an act: "damaged a vehicle by IED", "with an IED"
_MEANS = re.compile(r"(?<!\w)(?:by|with|using|through|via|par|avec)\s+(?:an?\s+|the\s+|une?\s+|des\s+|l[ae]\s+)?$")


def _second_of_between(first, after, text_of, settings: EventSettings):
    """The group after `first` joined to it by "and" over a few describing words, else None."""
    later = [group for group in after if group[0][0].start >= first[-1][0].end]
    if not later:
        return None
    gap = text_of(first[-1][0].end, later[0][0][0].start)
    # ("clashes between police and Dire youth": a word or two may describe the second side too)
    if len(gap) > settings.object_window_chars or re.search(r"[;,.]", gap) \
            or not re.search(r"(?:(?<!\w)(?:and|et)|&)\s+(?:the\s+|les\s+)?(?:[\w'’-]+\s+){0,2}$", gap.lower()):
        return None
    return later[0]


def _agent_of_act_phrase(group, hit_end: int, text_of, cues: Cues):
    """`group` when it names who carried out the act a passive outcome happened in: "killed
    during the French airstrikes", "wounded in a MINUSMA operation"; else None."""
    head = group[0][0]
    gap = _gap_words(text_of(hit_end, head.start))
    if not gap or gap[0] not in cues.act_phrase_openers or len(gap) > 3 or not set(gap[1:]) <= cues.nominal_markers:
        return None
    named = text_of(head.start, head.end).lower()
    following = " ".join([word for word in _gap_words(text_of(head.end, head.end + 24)) if word not in ("'", "'s", "’", "’s", "s")][:2])
    acts = cues.agent_acts
    if any(named.endswith(act) for act in acts) or any(following == act or following.startswith(act + " ") for act in acts):
        return group
    return None


def _findings(side1, side2, rule: str) -> list[RoleFinding]:
    findings = []
    seen: set[str] = set()
    for side, main, assoc in ((side1, "actor1", "assoc_actor_1"), (side2, "actor2", "assoc_actor_2")):
        for position, (mention, _link) in enumerate(side):
            if mention.entity_id in seen:
                continue
            seen.add(mention.entity_id)
            findings.append(RoleFinding(mention, main if position == 0 else assoc, rule))
    return findings


# (French participles of the first group too: "ont été blessés par")
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|wn|ght|t|ck|ung|it|ot|und)|[^\W\d_]+(?:é|ée|és|ées)")


def _has_passive_verb(gap: str, cues: Cues) -> bool:
    """True when `gap` holds an auxiliary and a participle ('were killed by', 'was hit by'), or a
    participle its agent or cause follows ('a vehicle struck by an IED', 'peacekeepers subjected
    to an attack')."""
    words = _gap_words(gap)
    for index, word in enumerate(words[:-1]):
        if word in cues.passive_aux:
            following = words[index + 1]
            at = index + 1
            if following.endswith("ly") and index + 2 < len(words):
                following, at = words[index + 2], index + 2
            # ("the MNLA is believed to have taken Gao": the passive is of the belief, not the act)
            raising = words[at + 1:at + 3] in (["to", "have"], ["to", "be"])
            if _PARTICIPLE.fullmatch(following) and following not in cues.skippable and not raising:
                return True
        elif (words[index + 1] in ("by", "par") and _PARTICIPLE.fullmatch(word) and word not in cues.skippable) \
                or (word == "subjected" and words[index + 1] == "to"):
            return True
    return False


def _is_passive(before: str, cues: Cues) -> bool:
    words = [word.text for word in text_words(before)]
    while words and (words[-1].endswith("ly") or words[-1] in ("also", "then", "later", "allegedly", "reportedly")):
        words.pop()
    return bool(words) and words[-1] in cues.passive_aux


def dependency_sides(doc: Doc, trigger_index: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Acting and acted-upon sides of a trigger token from a dependency parse (char spans).

    nsubj and agent objects act; nsubjpass, dobj and the objects of "on"/"against" are acted
    upon. Returns ([], []) when the doc has no parse.
    """
    if not doc.has_annotation("DEP"):
        return [], []
    token = doc[trigger_index]
    head = token if token.pos_ in ("VERB", "NOUN", "") or token.dep_ == "ROOT" else token.head
    acting, acted = [], []
    for child in head.children:
        span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        if child.dep_ in ("nsubj", "csubj"):
            acting.append(span)
        elif child.dep_ in ("nsubjpass", "dobj", "obj"):
            acted.append(span)
        elif child.dep_ == "agent":
            for grandchild in child.children:
                acting.append((grandchild.left_edge.idx, grandchild.right_edge.idx + len(grandchild.right_edge.text)))
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with"):
            for grandchild in child.children:
                acted.append((grandchild.left_edge.idx, grandchild.right_edge.idx + len(grandchild.right_edge.text)))
    return acting, acted


# --------------------------------------------------------------------------------------------
# Assembly


def actor_class(actor: ActorEntry) -> set[str]:
    """The classes trigger rules test: armed/state/non-state/police/civilians/protesters/rioters."""
    classes = set()
    if actor.kind in _ARMED_KINDS:
        classes.add("armed")
        # (a foreign state's military acting in the country is a state force too: "French troops
        # retook Gao" is a government regaining territory, not a non-state actor taking it)
        national = any(label.label.startswith("Military Forces of") for label in actor.acled)
        classes.add("state" if actor.kind == "state forces" or national else "non-state")
        if actor.kind == "state forces" and any(label.label.startswith("Police Forces of") for label in actor.acled):
            classes.add("police")
    if actor.kind in _CIVILIAN_KINDS:
        classes.add("civilians")
    if actor.kind == "protesters":
        classes.add("protesters")
    if actor.kind == "rioters":
        classes.add("rioters")
    return classes


@dataclass
class _Role:
    actor_id: str
    role: str
    text: str
    alias: str = ""
    score: float = 100.0
    implied: bool = False


@dataclass
class _Draft:
    """An event under construction (mutable until it is frozen into an `Event`)."""

    sentence_first: int
    sentence_last: int
    start: int
    end: int
    anchor: TriggerHit
    code_hit: TriggerHit
    event_type: str
    sub_event_type: str
    roles: list[_Role]
    place: Optional[EntityMention]
    place_rule: str
    date: Optional[EventDate]
    fatalities: Optional[Fatalities]
    status: str
    rules: list[str]
    split: bool = False
    place_index: int = 0
    merged: int = 0
    words: set[str] = field(default_factory=set)
    lowered: str = ""
    object_words: set[str] = field(default_factory=set)
    casualties: bool = False
    object_place: bool = False
    attribution: bool = False
    nominal: bool = False
    after_words: frozenset[str] = frozenset()

    @property
    def priority(self) -> tuple:
        return (self.code_hit.label, not self.code_hit.trigger.outcome, self.code_hit.trigger.priority)

    def named_ids(self) -> set[str]:
        return {role.actor_id for role in self.roles if not role.implied}


class EventAssembler:
    """Codes the events of documents; construct once per gazetteer and language.

    Args:
        gazetteer: actors, places and triggers.
        language: the documents' language (triggers of that language are used).
        settings: tunables.
        cues: the cue lexicon (default: `cues.yaml` of `gazetteer_dir`).
        gazetteer_dir: where `cues.yaml` is read from when `cues` is not given.
    """

    def __init__(self, gazetteer: Gazetteer, *, language: str = "en", settings: EventSettings = DEFAULT_SETTINGS,
                 cues: Optional[Cues] = None, gazetteer_dir: Path = DEFAULT_GAZETTEER_DIR):
        self.gazetteer = gazetteer
        self.language = language
        self.settings = settings
        self.cues = cues or load_cues(gazetteer_dir)
        self.triggers = TriggerMatcher(gazetteer.triggers, language)
        # stems of the lexicon's longer words ("declar", "announ"): a noun sharing one names an
        # act, for "two days after the … declaration"
        self.trigger_stems = frozenset(
            word.lower()[:settings.anchor_stem_chars]
            for trigger in gazetteer.triggers
            for word in [*trigger.lemmas, *(part for phrase in trigger.phrases for part in phrase.split())]
            if len(word) >= settings.anchor_stem_chars
        )
        self.generic_ids = {actor.id for actor in gazetteer.actors.values() if actor.generic}
        # a word of aim, then an article or a word hedging the side ("targeting the", "targeting presumed")
        self._aim_pattern = _phrase_pattern(
            self.cues.target_links,
            r"\s+(?:the\s+|an?\s+|les?\s+|la\s+|l'\s*)?(?:(?:%s)\s+)?$" % "|".join(map(re.escape, sorted(self.cues.side_adjectives))))
        # the words that may follow the side aimed at: its head nouns, what it holds, a
        # preposition or a link ("targeting MNLA members", not "targeting MNLA informants")
        self._aimed_followers = (self.cues.target_heads | self.cues.side_nouns | self.cues.group_nouns
                                 | self.cues.noun_phrase_prepositions | self.cues.coordination | self.cues.subordinators)
        # what opens the clause of a side told as hurt: a comma, "and", or a count
        self._clause_then_count = re.compile(
            r"(?:[,;]|\b(?:and|\d+|%s))\s*$" % "|".join(map(re.escape, sorted(self.cues.number_words))))
        self.generic_nouns = frozenset(_singular(alias_key(alias)) for actor in gazetteer.actors.values()
                                       if actor.generic for alias in (actor.name, *actor.aliases) if " " not in alias.strip())
        self.group_ids = frozenset(actor.id for actor in gazetteer.actors.values() if actor.kind in _GROUP_KINDS)
        # the common nouns that alone name a state's forces ("soldiers", "troops")
        self.state_nouns = frozenset(_singular(alias_key(alias)) for actor in gazetteer.actors.values()
                                     if actor.kind == "state forces" for alias in actor.aliases
                                     if " " not in alias.strip() and is_common_noun(alias))
        self.implied_ids: dict[str, str] = {}
        for key, aliases in self.cues.implied_actors.items():
            for alias in aliases:
                ids = gazetteer.actor_index.get(alias_key(alias))
                if ids:
                    self.implied_ids[key] = sorted(ids, key=lambda actor_id: (not gazetteer.actors[actor_id].generic, actor_id))[0]
                    break
        # the generic side implied for attackers the text does not name ("Unidentified armed group")
        self.unknown_attackers = self.implied_ids.get("attackers")
        responses = "|".join(map(re.escape, sorted(self.cues.response_verbs, key=len, reverse=True)))
        self._response = re.compile(rf"(?<!\w)(?:{responses})(?!\w)", re.IGNORECASE) if responses else None
        passive = "|".join(map(re.escape, sorted(self.cues.response_passive, key=len, reverse=True)))
        self._response_passive = re.compile(rf"(?<!\w)(?:{passive})(?!\w)", re.IGNORECASE) if passive else None
        causes = "|".join(map(re.escape, sorted(self.cues.protest_causes, key=len, reverse=True)))
        self._protest_cause = re.compile(rf"(?<!\w)(?:{causes})(?!\w)") if causes else None
        words = "|".join(map(re.escape, sorted(self.cues.place_anaphors)))
        self._place_pointer = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None
        # "its recapture", "the military's most recent seizure of power": an act told again
        owners = "|".join(map(re.escape, sorted(self.cues.retelling_possessives)))
        modifiers = "|".join(map(re.escape, sorted(self.cues.retelling_modifiers, key=len, reverse=True)))
        self._retelling = re.compile(
            rf"(?:(?<![\w'’])(?:{owners})\s+(?:(?:{modifiers})\s+)?|['’]s\s+(?:{modifiers})\s+)$", re.IGNORECASE,
        ) if owners and modifiers else None
        # "In a separate incident, …"
        separate = "|".join(map(re.escape, sorted(self.cues.separate_markers, key=len, reverse=True)))
        self._separate = re.compile(rf"(?<!\w)(?:{separate})(?!\w)") if separate else None
        # "condemned the attack", "deplored this ambush", "a condamné l'attaque"; "hours before the
        # attack", "depuis l'attaque"
        reactions = "|".join(map(re.escape, sorted(self.cues.reaction_verbs, key=len, reverse=True)))
        references = "|".join(map(re.escape, sorted(self.cues.act_reference_prepositions, key=len, reverse=True)))
        referring = "|".join(part for part in (rf"(?:{reactions})\w*" if reactions else "", references) if part)
        self._act_referred = re.compile(
            rf"(?<![\w'’])(?:{referring})\s+(?:the|this|that|these|those|its|their|la|le|les|l['’]|cette|ce|ces)\s*(?:[\w-]+\s+){{0,2}}$",
            re.IGNORECASE,
        ) if referring else None
        self.parser = _load_parser(settings.parser_model)

    # -- per document ---------------------------------------------------------------------

    def __call__(self, document: Document, sentences: list[Sentence], mentions: list[EntityMention],
                 dates: "DateAnalysisLike") -> list[Event]:
        """The events of `document`, in document order."""
        folded = matching_text(document.body).lower()
        # the pipeline the trigger matcher was built with (a snapshot keeps it; a new one costs half a second)
        doc = self.triggers.nlp(folded)
        hits = self.triggers(doc)
        # a name hides a trigger inside it ("Operation Barkhane"), unless the name is an act of
        # its side ("French air strikes", "a FAMa raid"): that act is still told
        mention_spans = [(m.start, m.end) for m in mentions
                         if (m.kind == "place" or m.entity_id not in self.generic_ids) and not self._names_an_act(m)]
        mentions = self._resolve_generic_anaphors(mentions, document.body)
        drafts: list[_Draft] = []
        for sentence in sentences:
            if sentence.is_excluded or (sentence.is_heading and not self._heading_reports(sentence)):
                continue
            drafts.extend(self._sentence_drafts(document, doc, folded, sentence, hits, mentions, mention_spans, dates,
                                                sentences))
        drafts = self._merge(drafts, document, sentences, mentions, dates)
        drafts = self._drop_retold(drafts, document.body)
        self._carry_attackers(drafts)
        self._resolve_place_anaphors(drafts, document, sentences, mentions)
        self._parents_told(drafts, document, mentions)
        self._unplaced_groups(drafts, sentences, mentions, document.body)
        self._unplaced_people(drafts, sentences, mentions, document.body)
        for draft in drafts:
            self._crowd_roles(draft, document.body, mentions)
            self._battle_associates(draft)
        return [self._freeze(document, draft) for draft in drafts]

    def _parents_told(self, drafts: list[_Draft], document: Document, mentions: Sequence[EntityMention]) -> None:
        """With the year unknown, a member group acting in a story that names its parent group
        acts as the parent's, the member associated: "presumed Ansar Dine militants targeted the
        MINUSMA base … JNIM claimed responsibility" is JNIM's act (JNIM exists only as the
        merger of its members, so naming it tells that the membership holds)."""
        if document.published is not None:
            return
        # (not a group an allegiance only qualifies: "'Al-Qaida affiliated' groups" are not AQIM)
        told = {mention.entity_id for mention in mentions if mention.kind == "actor"
                and not self._allegiance_only(mention, document.body)}
        for draft in drafts:
            if draft.date is None:
                formed = {role.actor_id for role in draft.roles} if draft.sub_event_type in _PARTIES_ONLY else set()
                promoted = self._promote_members(draft.roles, None, formed, told=told)
                if promoted != draft.roles:
                    draft.roles = sorted(promoted, key=lambda role: _ROLE_ORDER[role.role])
                    draft.rules.append("roles:parent-told")

    def _unplaced_groups(self, drafts: list[_Draft], sentences: list[Sentence], mentions: Sequence[EntityMention],
                         body: str) -> None:
        """A named armed group the telling of an act names, which no rule gave a role in any event
        of the document, is the side acted upon when the act has no named one: the acting side is
        read reliably from where it stands before the verb, the target less so ("arrested Souleymane
        Keita, a top leader linked to Ansar Dine", "rammed his vehicle into an MNLA checkpoint").
        Not a group a medium, an accusation or an allegiance only qualifies ("an al-Qaeda-linked
        group"), nor the source of a report ("GATIA has claimed that …"), nor a person; not in a
        crowd's act (what a crowd protests is no party), nor in a formation or an agreement (the
        groups it names are its parties). Civilians the text names as the act's target stay it, the
        group associated with them; a target only implied gives way to the group, and the act is
        coded again with it."""
        placed = {role.actor_id for draft in drafts for role in draft.roles}
        by_index = {sentence.index: sentence for sentence in sentences}
        actors = self.gazetteer.actors
        for draft in drafts:
            # (a side acted upon that is armed, even by a common noun, "Malian soldiers", is named)
            if draft.event_type in _CROWD_TYPES or draft.sub_event_type in _PARTIES_ONLY or any(
                    role.role == "actor2" and not role.implied and (role.actor_id not in self.generic_ids or (
                        role.actor_id in actors and actors[role.actor_id].kind in _ARMED_KINDS))
                    for role in draft.roles):
                continue
            for mention in mentions:
                actor = actors.get(mention.entity_id) if mention.kind == "actor" else None
                if actor is None or not draft.start <= mention.start < draft.end or mention.entity_id in placed \
                        or actor.generic or actor.person is not None or actor.kind not in self.settings.unplaced_group_kinds:
                    continue
                sentence = by_index.get(mention.sentence_index)
                if self._qualifies_media(mention, body) or self._allegiance_only(mention, body) \
                        or self._speaks(mention, body) or (sentence is not None and self._in_accusation(sentence, mention)):
                    continue
                as_civilians = any(self._named_out_of_combat(actor, mention, body))
                if any(role.role == "actor2" and role.actor_id in actors and actors[role.actor_id].kind == "civilians"
                       and (not role.implied or as_civilians) for role in draft.roles):
                    # (civilians the text says the act was done to stay its target, the group beside
                    # them: its people among them, as ACLED codes soldiers off duty, or the side the
                    # act was also aimed at; so do civilians implied, when the group's people are
                    # named as its civilians or its prisoners: "two civilian GATIA")
                    self._associate_acted_upon(draft, mention, "roles:unplaced-group")
                else:
                    # (in place of a target implied, civilians too: "a French offensive … against
                    # groups linked to AQIM" is a battle, coded again with its target)
                    draft.rules = [rule for rule in draft.rules if not rule.startswith("implied:actor2=")]
                    kept = [role for role in draft.roles if role.role != "actor2"]
                    self._give_role(draft, mention, "actor2", kept, "roles:unplaced-group")
                    self._recode(draft)
                placed.add(mention.entity_id)
                break

    def _unplaced_people(self, drafts: list[_Draft], sentences: list[Sentence], mentions: Sequence[EntityMention],
                         body: str) -> None:
        """The people an act's telling names, an identity group no rule gave a role in any event
        of the document, are those of the civilians the act was done to, when it names none of
        theirs ("People from the Fulani ethnic group are fleeing …, claiming that the army has
        been raiding their camps"; "…killed three civilians at a Dawsahak camp"). Not the agent
        ("killed by Fulani"), the people a side is of ("Bambara Dozo militiamen"), a pair the
        act lies between or a compound joins ("violence between Peuls and Dogons", "Tuareg-Fulani
        violence"), nor people named in an accusation."""
        actors = self.gazetteer.actors
        placed = {role.actor_id for draft in drafts for role in draft.roles}
        by_index = {sentence.index: sentence for sentence in sentences}
        places = [(m.start, m.end) for m in mentions if m.kind == "place"]
        armed = [m for m in mentions if m.kind == "actor" and m.entity_id in actors and actors[m.entity_id].kind in _ARMED_KINDS]
        for draft in drafts:
            if not any(role.role == "actor2" and actors.get(role.actor_id) is not None
                       and actors[role.actor_id].kind == "civilians" for role in draft.roles) \
                    or any(role.role == "assoc_actor_2" and role.actor_id in self.group_ids for role in draft.roles):
                continue
            for mention in mentions:
                actor = actors.get(mention.entity_id) if mention.kind == "actor" else None
                if actor is None or actor.kind != "identity group" or mention.entity_id in placed \
                        or not draft.start <= mention.start < draft.end \
                        or any(start < mention.end and mention.start < end for start, end in places):
                    continue
                before = _gap_words(_words_before(body, mention.start, 40, draft.start))
                describes = next((m for m in armed if m.start >= mention.end), None)
                sentence = by_index.get(mention.sentence_index)
                # (a compound is a pair or a description: "Tuareg-Fulani violence", "Fulani-led")
                compound = body[max(0, mention.start - 1):mention.start] == "-" or body[mention.end:mention.end + 1] == "-"
                if compound or set(before[-1:]) & self.cues.agent_markers or set(before[-4:]) & self.cues.between_markers \
                        or (describes is not None and not body[mention.end:describes.start].strip()) \
                        or (sentence is not None and self._in_accusation(sentence, mention)):
                    continue
                self._associate_acted_upon(draft, mention, "roles:unplaced-people")
                placed.add(mention.entity_id)
                break

    def _recode(self, draft: _Draft) -> None:
        """Code `draft` again from its trigger's rules, after its roles changed; a role implied by
        the old code that the new one does not imply is dropped."""
        event_type, sub_event_type, code_rule = self._code(
            draft.code_hit, draft.roles, draft.words, draft.lowered, draft.object_words, draft.casualties,
            draft.object_place, draft.nominal, draft.after_words)
        if (event_type, sub_event_type) == (draft.event_type, draft.sub_event_type):
            return
        stale = f"rule:{draft.code_hit.trigger.id}#"
        draft.rules = [rule for rule in draft.rules if not rule.startswith(stale)] + ([code_rule] if code_rule else [])
        draft.event_type, draft.sub_event_type = event_type, sub_event_type

    def _associate_acted_upon(self, draft: _Draft, mention: EntityMention, rule: str) -> None:
        """`mention` joins the side acted upon of `draft` as an associate, after those it has."""
        kept = [role for role in draft.roles if role.role != "assoc_actor_2"]
        associates = [role for role in draft.roles if role.role == "assoc_actor_2"]
        self._give_role(draft, mention, "assoc_actor_2", kept, rule)
        draft.roles = sorted(draft.roles + associates, key=lambda item: _ROLE_ORDER[item.role])

    def _speaks(self, mention: EntityMention, body: str) -> bool:
        """True for a side named as the source of a report ("GATIA has claimed that …", "the MNLA
        said"): the verb right after it, past an auxiliary, is one of reporting."""
        words = [word for word in _gap_words(body[mention.end:mention.end + 30].lower())
                 if word not in self.cues.tense_words][:1]
        return bool(words) and (words[0] in self.cues.reported or lemma(words[0], self.language) in self.cues.reported)

    def _allegiance_only(self, mention: EntityMention, body: str) -> bool:
        """True for a group named in an adjective of allegiance ("al-Qaeda-linked rebels",
        "JNIM-affiliated", "'Al-Qaida affiliated' groups"; not "the MNLA, allied with the CMA" nor
        "GATIA allied to"): the ones it describes are not that group."""
        links = self.cues.media_patterns[0] if self.cues.media_patterns is not None else None
        after = body[mention.end:mention.end + 30]
        if links is None:
            return False
        if after[:1] == "-":
            return links.match(after.lower()) is not None
        after = after.lstrip("'’\"”")
        link = links.match(after.lower())
        return link is not None and after[:1].isspace() and re.match(r"\s+(?:with|to)\b", after[link.end():]) is None

    def _battle_associates(self, draft: _Draft) -> None:
        """In a battle, a side that fights has no civilians or identity group associated with it,
        as ACLED codes battles: the people an armed side is of are in the militia's own name
        ("Fulani militiamen attacked the Dogon village of Sobane, Dan Na Ambassagou militiamen
        responded"), and civilians caught in the fighting are counted in its toll, not named as a
        side ("a soldier and a civilian were killed in an ambush"). ACLED associates both with
        the civilians who suffer an act."""
        if draft.event_type != "Battles":
            return
        actors = self.gazetteer.actors
        armed_sides = {role.role[-1] for role in draft.roles if role.role in ("actor1", "actor2")
                       and role.actor_id in actors and actors[role.actor_id].kind in _ARMED_KINDS}
        draft.roles = [role for role in draft.roles if not (
            role.role.startswith("assoc") and role.role[-1] in armed_sides
            and role.actor_id in actors and actors[role.actor_id].kind in ("identity group", "civilians"))]

    def _resolve_generic_anaphors(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """A generic side named again by the noun a named one was described with a sentence or
        two before is that side: "…the search for AQIM jihadists in Timbuktu. 3 jihadists killed."
        (the second "jihadists" are AQIM's). The mentions come back in text order, as the later
        steps read them."""
        described: dict[str, tuple[EntityMention, int]] = {}
        ambiguous: set[str] = set()

        def describe(noun: str, named: EntityMention, sentence_index: int) -> None:
            # a noun that described two sides ("JNIM militants clashed with ISGS militants") names neither
            if noun in described and described[noun][0].entity_id != named.entity_id:
                ambiguous.add(noun)
            described[noun] = (named, sentence_index)

        resolved: list[EntityMention] = []
        ordered = sorted(mentions, key=lambda m: m.start)
        for index, mention in enumerate(ordered):
            previous = ordered[index - 1] if index else None
            # ("two French Barkhane soldiers were wounded … One of the soldiers died": the noun that
            # alone names the state's forces names again the foreign force it described)
            state_noun = mention.kind == "actor" and self._state_noun(mention)
            if mention.kind == "actor" and mention.entity_id not in self.generic_ids \
                    and mention.entity_id not in self.group_ids and not state_noun:
                # a name whose alias ends in the noun ("ISGS militants") is described by it
                last = _singular(alias_key(mention.text).rsplit(" ", 1)[-1])
                if " " in alias_key(mention.text) and (last in self.generic_nouns or last in self.state_nouns):
                    describe(last, mention, mention.sentence_index)
            if mention.kind == "actor" and (mention.entity_id in self.generic_ids or state_noun):
                noun = _singular(alias_key(mention.text))
                if previous is not None and previous.kind == "actor" and previous.entity_id not in self.generic_ids \
                        and previous.entity_id not in self.group_ids \
                        and re.fullmatch(r"[)\]'’]?\s+", body[previous.end:mention.start]):
                    # ("Katiba Macina (JNIM) militants": the name in brackets is described too, and
                    # the noun named again names the brigade, whose parent acts with it)
                    member = ordered[index - 2] if index >= 2 else None
                    if member is not None and member.kind == "actor" and member.entity_id in self.gazetteer.actors \
                            and re.fullmatch(r"\s*[(\[]\s*", body[member.end:previous.start]) \
                            and any(m.group == previous.entity_id for m in self.gazetteer.actors[member.entity_id].memberships):
                        previous = member
                    describe(noun, previous, mention.sentence_index)
                elif noun not in ambiguous:
                    # (the same noun, in either number: "militants" after "JNIM militants" is JNIM,
                    # and so is "one militant"; "gunmen" is not)
                    earlier = described.get(noun)
                    if earlier is not None and 0 <= mention.sentence_index - earlier[1] <= 2:
                        named = earlier[0]
                        mention = mention.model_copy(update={"entity_id": named.entity_id, "alias": named.alias})
            resolved.append(mention)
        return resolved

    def _drop_retold(self, drafts: list[_Draft], body: str) -> list[_Draft]:
        """An act the story told already and now names again through its owner ("Following its
        recapture, Kidal remained…", "the military's most recent seizure of power") is not a new
        event: it is dropped when it has no date of its own in its clause and an earlier event of
        the document has its type and sub-type and no other place. An act a reaction names
        ("ECOWAS condemned the attack") or a time word places another by ("left hours before the
        attack") is dropped after an earlier event of its type, or after any violent one when it
        is violent, at no other place: the one reacting is no side of it, so its code, read from
        that side, may differ ("following the capture of Douentza" names an act of its own)."""
        kept: list[_Draft] = []
        for draft in drafts:
            before = body[max(0, draft.anchor.start - 40):draft.anchor.start]
            own_date = draft.date is not None and draft.date.source == "clause"
            if self._act_referred is not None and self._act_referred.search(before) and not own_date and any(
                    (earlier.event_type == draft.event_type or {earlier.event_type, draft.event_type} <= _VIOLENT_TYPES)
                    and (draft.place is None or (earlier.place is not None and earlier.place.entity_id == draft.place.entity_id))
                    for earlier in kept):
                continue
            retold = self._retelling is not None and self._retelling.search(before) is not None and not own_date
            if retold and any(
                earlier.event_type == draft.event_type and earlier.sub_event_type == draft.sub_event_type
                and (draft.place is None or earlier.place is None or earlier.place.entity_id == draft.place.entity_id)
                for earlier in kept
            ):
                continue
            kept.append(draft)
        return kept

    def _resolve_place_anaphors(self, drafts: list[_Draft], document: Document, sentences: list[Sentence],
                                mentions: Sequence[EntityMention]) -> None:
        """An act with no place of its own whose sentence points back at one ("the village had
        been besieged", "fighting there") happened at the last place the sentence before named,
        in the same paragraph."""
        by_index = {sentence.index: sentence for sentence in sentences}
        with_events = {index for d in drafts for index in range(d.sentence_first, d.sentence_last + 1)}
        for draft in drafts:
            sentence = by_index.get(draft.sentence_first)
            before = by_index.get(draft.sentence_first - 1)
            if draft.place is None and sentence is not None:
                # ("…soldiers were reported killed. The bodies were discovered in a mass grave in
                # Diago.": the scene may be told after the act, by a sentence telling none)
                after = by_index.get(draft.sentence_last + 1)
                scene = self._scene(after, by_index.get(draft.sentence_last), with_events, mentions, document.body)
                if scene is not None and (before is None or before.index in with_events
                                          or self._scene(before, sentence, with_events, mentions, document.body) is None):
                    draft.place, draft.place_rule = scene, "location:scene"
                    continue
            if draft.place is not None or sentence is None or before is None or before.is_heading or before.is_excluded:
                continue
            if not _same_line(document.body, before, sentence):
                continue
            pointer = self._place_pointer is not None and self._place_pointer.search(document.body[draft.start:draft.end])
            # "Mutiny forces in Kati hunted soldiers of the 33rd regiment. Two of them died.": a
            # sentence that tells no act of its own sets the scene for the act after it
            if not pointer and before.index in with_events:
                continue
            places = [m for m in mentions if m.kind == "place" and before.start <= m.start and m.end <= before.end
                      and m.place_scope != "country"]
            if not pointer:
                # the scene is one settlement, not a list of regions or a vast area
                places = [m for m in places if m.place_scope == "point" and m.entity_id in self.gazetteer.places
                          and self.gazetteer.places[m.entity_id].kind in SETTLEMENT_KINDS]
                if len({m.entity_id for m in places}) != 1:
                    continue
            if places:
                draft.place, draft.place_rule = places[-1], "location:anaphor" if pointer else "location:scene"

    def _scene(self, other: Optional[Sentence], own: Optional[Sentence], with_events: set[int],
               mentions: Sequence[EntityMention], body: str) -> Optional[EntityMention]:
        """The one settlement a sentence beside an act names, when it tells no act of its own and
        stands in the act's paragraph; else None."""
        if other is None or own is None or other.is_heading or other.is_excluded or other.index in with_events:
            return None
        first, second = (other, own) if other.index < own.index else (own, other)
        if not _same_line(body, first, second):
            return None
        places = [m for m in mentions if m.kind == "place" and other.start <= m.start and m.end <= other.end
                  and m.place_scope == "point" and m.entity_id in self.gazetteer.places
                  and self.gazetteer.places[m.entity_id].kind in SETTLEMENT_KINDS]
        return places[-1] if len({m.entity_id for m in places}) == 1 else None

    def _names_an_act(self, mention: EntityMention) -> bool:
        """True for an actor named by one of its acts ("French air strikes")."""
        lowered = " ".join(mention.text.lower().split())
        return mention.kind == "actor" and any(lowered.endswith(" " + act) for act in self.cues.agent_acts)

    def _carry_attackers(self, drafts: list[_Draft]) -> None:
        """A violent act told right after one whose attackers the text named, with attackers of
        its own it does not name or names only as "the attackers", "the assailants", is theirs:
        "…an attack by AQIM fighters on Fafa. Two vehicles were also stolen by the attackers."
        Not an act told as a separate incident ("In a separate incident, a convoy hit a mine").
        """
        named: Optional[_Draft] = None
        for draft in drafts:
            # (a state in the present or the future, "attacks also continue", is no step of the story)
            surface = {word.text for word in text_words(draft.lowered)}
            ongoing = bool(surface & (self.cues.present_markers | self.cues.modal)) and not surface & self.cues.past_markers
            separate = self._separate is not None and self._separate.search(draft.lowered) is not None
            if named is not None and not separate and draft.sentence_first - named.sentence_last <= self.settings.carry_attackers_sentences \
                    and not ongoing and (draft.date is not None or named.date is None) \
                    and (draft.event_type in _VIOLENT_TYPES or draft.sub_event_type == "Looting/property destruction") \
                    and any(role.role == "actor1" and (role.implied or role.text.lower() in self.cues.anaphoric_attackers)
                            for role in draft.roles):
                side = [replace(role) for role in named.roles if role.role in ("actor1", "assoc_actor_1")]
                others = [role for role in draft.roles if role.role not in ("actor1", "assoc_actor_1")
                          and role.actor_id not in {kept.actor_id for kept in side}]
                draft.roles = sorted(side + others, key=lambda role: _ROLE_ORDER[role.role])
                draft.rules.append("roles:previous-attackers")
            if any(role.role == "actor1" and not self._is_weak(role) for role in draft.roles):
                named = draft

    def _sentence_drafts(self, document, doc, folded, sentence, hits, mentions, mention_spans, dates,
                         sentences: Sequence[Sentence] = ()) -> list[_Draft]:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return []
        # (the words of a date are no cue: "On 25 March" tells no march)
        in_dates = [(e.char_start, e.char_end) for e in dates.expressions
                    if sentence.start <= e.char_start and e.char_end <= sentence.end]
        words = [token for token in span if not any(start <= token.idx < end for start, end in in_dates)]
        lemma_set = {token.lemma_.lower() for token in words} | {token.lower_ for token in words}
        if lemma_set & self.cues.background:
            return []
        label = self.triggers.label_at(document.body[sentence.start:sentence.end], sentence.start)
        candidates = []
        topics = []
        sentence_hits = [hit for hit in hits if sentence.start <= hit.start and hit.end <= sentence.end]
        for hit in sentence_hits:
            if any(other is not hit and other.start <= hit.start and hit.end <= other.end and (other.end - other.start) > (hit.end - hit.start)
                   for other in sentence_hits):
                continue  # "defused an IED" is not an IED attack
            if label is not None and hit.end <= label.end + 1:
                continue
            if any(start <= hit.start and hit.end <= end for start, end in mention_spans):
                continue  # part of a name ("Operation Barkhane"), not a trigger ("protesters" may be)
            if self._is_proper_noun(document.body, doc, hit, span):
                continue
            if hit.trigger.requires_words and not self._has_words(hit.trigger.requires_words, lemma_set, folded[sentence.start:sentence.end]):
                continue
            if hit.trigger.not_followed_by and self._followed_by(document.body, hit.end, hit.trigger.not_followed_by):
                continue  # "rallied to the MOJWA": joined it
            if self._needs_object(doc, hit, hit.trigger.place_lemmas) and not self._place_is_object(
                    document.body, [m for m in mentions if m.kind == "place" and sentence.start <= m.start and m.end <= sentence.end
                                    and m.place_scope != "country"], hit):
                continue  # "took part", "took two hostages": no place taken
            if self._needs_object(doc, hit, hit.trigger.group_lemmas) and (_attributive(doc, hit, document.body) or not self._group_is_object(
                    document.body, [m for m in mentions if m.kind == "actor" and hit.end <= m.start and m.end <= sentence.end], hit)):
                # "formed the backbone of", "created more self-defence groups": no named group
                # formed; "the newly formed FLM may be involved": the group named, no forming told
                continue
            if self._joins_a_campaign(document.body, sentence, hit):
                continue  # "France continues to lead the fight in Mali": a part in a campaign, no act told
            before = [token.lemma_.lower() for token in doc[span.start:hit.token_start]]
            clause = [token.lemma_.lower() for token in doc[span.start:hit.token_start]]
            for position in range(len(clause) - 1, -1, -1):
                if clause[position] in (",", ";", ":"):
                    clause = clause[position + 1:]
                    break
            if blocking_cue(before, clause, self.cues, self.settings) is not None:
                continue
            if set(before[-self.settings.topic_window_tokens:]) & self.cues.topic:
                topics.append(hit)  # "protest against the arrest of": the arrest is a topic
                continue
            # the clause's first word ("As the UN withdrew, …", "On 3 May, as the army withdrew, …"),
            # not "As many as 20 soldiers were killed, …"
            clause_words = [token.lower_ for token in doc[span.start + len(before) - len(clause):hit.token_start]]
            opening = clause_words[0] if len(clause_words) > 1 and clause_words[1] not in ("many", "much", "well", "of", "such") else ""
            comma = folded.find(",", hit.end, sentence.end)
            if comma >= 0 and (set(clause) & self.cues.subordinators or opening in self.cues.opening_subordinators):
                topics.append(hit)  # "After the CMA fired at an aircraft, the army arrested ...": background
                continue
            following = _gap_words(document.body[hit.end:hit.end + 20].lower())
            if hit.trigger.event_type == "Strategic developments" and not hit.label \
                    and bool(following) and following[0] in self.cues.group_nouns:
                topics.append(hit)  # "a splinter faction of AQIM attacked …": a group named, no change told
                continue
            if self._in_fronted_phrase(document.body, sentence, hit, mentions) and any(
                    other.start > hit.end and other is not hit for other in sentence_hits):
                topics.append(hit)  # "On a third day of fighting, GATIA took over Anefis": the setting
                continue
            if self._counts_acts(document.body, sentence, hit, mentions):
                continue  # "the high number of attacks on peacekeepers": a count of acts, none told
            if hit.trigger.outcome and self.cues.died_of_pattern is not None \
                    and self.cues.died_of_pattern.search(document.body, max(sentence.start, hit.start - 40), hit.start):
                continue  # "a soldier later succumbed to his wounds": the wounds of an act told already
            if hit.trigger.outcome and self._describes_a_noun(document.body, hit, mentions):
                topics.append(hit)  # "widows of soldiers killed in an attack staged a sit-in": who they are
                continue
            if _attributive(doc, hit, document.body):
                topics.append(hit)  # "in recaptured Kidal, the HCUA was formed": the town's state, no act told
                continue
            candidates.append(hit)
        if not candidates:
            candidates = topics
        if not candidates and label is None:
            return []
        if candidates:
            first = min(candidates, key=lambda hit: (hit.start, -hit.end))
            before_first = document.body[max(sentence.start, first.start - 30):first.start]
            # ("They killed fourteen villagers": a pronoun is a subject, though no actor is named)
            preceding = _gap_words(before_first.lower())
            pronoun_subject = bool(preceding) and preceding[-1] in self.cues.subject_pronouns
            passive_first = _is_passive(before_first, self.cues) or not pronoun_subject and not any(
                m.kind == "actor" and sentence.start <= m.start and m.end <= first.start for m in mentions)
            role_anchor, anchor = choose_triggers(candidates, self.settings, passive_first, document.body)
        else:
            role_anchor = anchor = label
        code_hit = label or anchor
        in_sentence = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        actor_mentions = [m for m in in_sentence if m.kind == "actor"]
        place_mentions = [m for m in in_sentence if m.kind == "place"]
        text_of = lambda start, end: document.body[start:end] if end > start else ""  # noqa: E731
        actor_mentions = self._protesting_people(actor_mentions, document.body)
        actor_mentions = _restatements_joined(actor_mentions, text_of)
        actor_mentions = drop_generic_modifiers(actor_mentions, text_of, self.generic_ids, self.group_ids, self.cues.head_after_links,
                                                self.unknown_attackers)
        actor_mentions = [m for m in actor_mentions if not self._in_accusation(sentence, m)
                          and not self._qualifies_media(m, document.body)]
        actor_mentions = self._own_soldiers(actor_mentions, document.body)
        paragraph_start = document.body.rfind("\n", 0, sentence.start) + 1
        actor_mentions = self._foreign_personnel(actor_mentions, [
            m for m in mentions if m.kind == "actor" and paragraph_start <= m.start and m.end <= sentence.start])
        actor_mentions = self._soldiers_of_country(actor_mentions, place_mentions, document.body)
        actor_mentions = self._armed_people(actor_mentions, document.body)
        findings = self._roles(doc, document, sentence, role_anchor, actor_mentions, text_of, heading=role_anchor.label)
        findings = self._included_victims(findings, actor_mentions, document.body, role_anchor)
        findings = self._further_victims(findings, candidates, actor_mentions, document.body)
        if not any(f.role == "actor2" for f in findings):
            # "attacked the town of Tin Hama, held by GATIA": the side holding the place acted on
            taken = {f.mention.entity_id for f in findings}
            holder = next((m for m in actor_mentions if m.start >= role_anchor.end and m.entity_id not in taken
                           and _HELD_BY.search(document.body, max(0, m.start - 40), m.start)), None)
            if holder is not None:
                findings = [*findings, RoleFinding(holder, "actor2", "roles:holder")]
        if not any(f.role == "actor2" for f in findings):
            opponent = self._later_clash_opponent(candidates, role_anchor, actor_mentions, text_of, findings)
            if opponent is not None:
                findings = [*findings, RoleFinding(opponent, "actor2", "roles:later-clash")]
        elif not any(f.role == "actor1" for f in findings) and role_anchor.trigger.outcome:
            # "two militants killed in clashes with Barkhane": the victims' opponent acted
            opponent = self._later_clash_opponent(candidates, role_anchor, actor_mentions, text_of, findings)
            if opponent is not None:
                findings = [RoleFinding(opponent, "actor1", "roles:opponent"), *findings]
        if role_anchor is not anchor and not role_anchor.label and not any(f.role == "actor1" for f in findings):
            # "a girl was killed when the air force bombed a camp": the outcome names no actor, the act does
            taken = {f.mention.entity_id for f in findings}
            act_roles = self._roles(doc, document, sentence, anchor, actor_mentions, text_of, heading=False)
            acting = [f for f in act_roles if f.role in ("actor1", "assoc_actor_1") and f.mention.entity_id not in taken]
            if not acting:
                # "8 Islamists were killed in clashes with French troops": the victims fought the
                # side the act names after "with", which acted
                opponent = next((m for m in actor_mentions if m.start >= anchor.end and m.entity_id not in taken
                                 and _OPPONENT.fullmatch(document.body[anchor.end:m.start])), None)
                if opponent is not None:
                    acting = [RoleFinding(opponent, "actor1", "roles:opponent")]
            findings = [*acting, *findings]
        elif role_anchor is not anchor and not role_anchor.label and not any(f.role == "actor2" for f in findings) \
                and anchor.start > role_anchor.end \
                and any(m.start <= role_anchor.start and role_anchor.end <= m.end for m in actor_mentions):
            # "demonstrators … attacked the MINUSMA base": the side the act that follows a side
            # named by its act is done to is acted upon
            taken = {f.mention.entity_id for f in findings}
            act_roles = self._roles(doc, document, sentence, anchor, actor_mentions, text_of, heading=False)
            findings = [*findings, *(replace(f, rule="roles:act-object") for f in act_roles
                                     if f.role in ("actor2", "assoc_actor_2") and f.mention.entity_id not in taken)]
        if code_hit.trigger.needs_actor and not findings and not self._place_is_object(
                document.body, place_mentions, code_hit if not code_hit.label else role_anchor):
            return []
        date = self._date(sentence, anchor, dates, document.body, [hit for hit in hits if hit is not anchor], sentences,
                          document.published)
        if date is not None and self._names_a_result(document.body, anchor, place_mentions):
            # "in recaptured Kidal, the HCUA was formed in May 2013": the recapture is known only
            # to have come by then, within that year as far as the sentence tells
            date = EventDate(start=date.start[:4] + "-01-01", end=date.end, precision="range", text=date.text,
                             source=date.source)
        year = int(date.start[:4]) if date else (document.published.year if document.published else None)
        findings = self._unidentified_persons(findings, anchor, document.body)
        findings = self._first_alternative(findings, document.body)
        findings, formed = self._formed_group_acts(findings, code_hit, document.body, actor_mentions, doc)
        stated = [_Role(f.mention.entity_id, f.role, f.mention.text, f.mention.alias, f.mention.score) for f in findings]
        off_duty, as_civilians = self._off_duty_as_civilians(stated, [f.mention for f in findings], document.body)
        roles = self._promote_members(off_duty, year, formed)
        # (before the code, which reads the side acted upon)
        roles, aimed = self._aimed_at(roles, actor_mentions, document.body, sentence, anchor)
        sentence_text = document.body[sentence.start:sentence.end]
        casualties = reports_casualties(sentence_text, self.cues)
        object_lemmas = self._object_lemmas(doc, anchor if not anchor.label else role_anchor)
        object_place = self._place_is_object(document.body, place_mentions, code_hit if not code_hit.label else role_anchor)
        code_anchor = code_hit if not code_hit.label else role_anchor
        nominal = code_anchor.token_start > span.start and doc[code_anchor.token_start - 1].lower_ in self.cues.nominal_markers
        after_lemmas = frozenset(token.lemma_.lower() for token in doc[max(code_anchor.token_end, span.start):span.end]) \
            if code_anchor.token_end >= 0 else frozenset()
        event_type, sub_event_type, code_rule = self._code(code_hit, roles, lemma_set, folded[sentence.start:sentence.end],
                                                           object_lemmas, casualties, object_place, nominal, after_lemmas)
        # (what no one owns: "destroyed two mausoleums", "burned the telecom antenna", "a church
        # was burned")
        ownerless = sub_event_type == "Looting/property destruction" and bool(
            (object_lemmas | self._undergoer_lemmas(doc, code_anchor)) & self.cues.ownerless_property)
        roles, implied_rules = self._complete_roles(roles, event_type, code_hit.trigger, casualties, sub_event_type, ownerless)
        implied_rules = [*aimed, *implied_rules]
        within = self._fighting_itself(actor_mentions, document.body, anchor) \
            if event_type == "Battles" or sub_event_type == "Attack" else None
        if within is not None:
            # (a side that fights itself is armed on both sides: "two soldiers opened fire against each other")
            roles, implied_rules = self._both_sides(within), ["roles:within-one-side"]
            event_type, sub_event_type = "Battles", "Armed clash"
        vigilantes = self.implied_ids.get("vigilantes")
        if sub_event_type == "Mob violence" and vigilantes is not None and vigilantes not in {role.actor_id for role in roles} \
                and (lemma_set & self.cues.vigilante_targets
                     or any(role.role == "actor2" and role.actor_id == self.unknown_attackers for role in roles)):
            # "residents lynched an armed robber", "a mob fought with an unidentified armed group":
            # mob justice, the rioters act as vigilantes
            roles = sorted([*roles, _Role(vigilantes, "assoc_actor_1", "", "", 100.0, implied=True)],
                           key=lambda role: _ROLE_ORDER[role.role])
            implied_rules.append("implied:assoc_actor_1=vigilantes")
        rules = [f"trigger:{anchor.trigger.id}"]
        if role_anchor is not anchor:
            rules.append(f"roles-from:{role_anchor.trigger.id}")
        if code_hit.label:
            rules.append(f"label:{code_hit.trigger.id}")
        if findings:
            rules.append(findings[0].rule)
        if code_rule:
            rules.append(code_rule)
        rules.extend(implied_rules)
        rules.extend(as_civilians)
        fatalities = find_fatalities(sentence_text, self.cues)
        status = self._status(lemma_set)
        places, place_rule = self._places(document.body, place_mentions, anchor, code_hit.trigger)
        if event_type in _CROWD_TYPES and place_rule == "location:after-trigger":
            # ("residents in Nioro staged a protest … for those killed in Ogossagou": a crowd
            # protests where it is, whatever places its cause names)
            crowd_place = self._crowd_place(document.body, actor_mentions, place_mentions, anchor)
            if crowd_place is not None:
                places, place_rule = [crowd_place], "location:crowd"
        # (its words read again only when the sentence has a claim word at all)
        claims = bool(lemma_set & self.cues.attribution) and self._claims(document.body[sentence.start:sentence.end])
        drafts = []
        for index, place in enumerate(places or [None]):
            drafts.append(_Draft(
                sentence_first=sentence.index, sentence_last=sentence.index, start=sentence.start, end=sentence.end,
                anchor=anchor, code_hit=code_hit, event_type=event_type, sub_event_type=sub_event_type,
                roles=[replace(role) for role in roles], place=place, place_rule=place_rule, date=date,
                fatalities=fatalities if index == 0 else None, status=status, rules=list(rules),
                split=len(places) > 1, place_index=index, words=lemma_set,
                lowered=folded[sentence.start:sentence.end], object_words=object_lemmas, casualties=casualties,
                object_place=object_place, attribution=claims,
                nominal=nominal, after_words=after_lemmas,
            ))
        return drafts

    @staticmethod
    def _later_clash_opponent(hits: Sequence[TriggerHit], anchor: TriggerHit, actor_mentions: Sequence[EntityMention],
                              text_of, findings: Sequence[RoleFinding]) -> Optional[EntityMention]:
        """"…attacked the village of Kembedi, and clashed with the village self-defense": the side
        a later clash of the same sentence is fought with is the one acted upon."""
        taken = {finding.mention.entity_id for finding in findings}
        for hit in sorted(hits, key=lambda hit: hit.start):
            if hit.start < anchor.end or not hit.trigger.reciprocal:
                continue
            for mention in actor_mentions:
                if mention.start >= hit.end and mention.entity_id not in taken:
                    if _CLASH_WITH.fullmatch(text_of(hit.end, mention.start)):
                        return mention
                    break
        return None

    def _first_alternative(self, findings: list[RoleFinding], body: str) -> list[RoleFinding]:
        """"JNIM or ISGS militants", "JNIM and/or ISGS": named groups of one kind given as
        alternatives are one side whose name the text leaves open. The first named is coded, as
        ACLED mostly does (dev split: 20 of 23 such notes code the first only)."""
        ordered = sorted(findings, key=lambda finding: finding.mention.start)
        dropped: set[int] = set()
        for first, second in zip(ordered, ordered[1:]):
            one, other = (self.gazetteer.actors.get(f.mention.entity_id) for f in (first, second))
            if one is None or other is None or first.role[-1] != second.role[-1] or id(first) in dropped:
                continue
            # (groups of one kind, neither a member of the other: "Katiba Serma and/or Fulani
            # militiamen" or "IS or Katiba Salaheddine" may well be both)
            related = {m.group for m in one.memberships} & {other.id} or {m.group for m in other.memberships} & {one.id}
            if not one.generic and not other.generic and one.kind == other.kind and one.kind in _ARMED_KINDS \
                    and not related and _ALTERNATIVE.fullmatch(body[first.mention.end:second.mention.start]):
                dropped.add(id(second))
        return [finding for finding in findings if id(finding) not in dropped]

    def _unidentified_persons(self, findings: list[RoleFinding], anchor: TriggerHit, body: str) -> list[RoleFinding]:
        """Persons named only as persons ("an unknown individual", "two men") who commit an act
        of violence are unidentified attackers, not a mob: ACLED's rioters are a crowd ("a number
        of individuals", "dozens of men" stay one)."""
        attackers = self.unknown_attackers
        if attackers is None or anchor.trigger.event_type not in _VIOLENT_TYPES:
            return findings
        result = []
        for finding in findings:
            mention = finding.mention
            before = _words_before(body, mention.start, 24)
            if finding.role in ("actor1", "assoc_actor_1") \
                    and " ".join(mention.text.lower().split()) in self.cues.unidentified_persons \
                    and not any(before.endswith(crowd) for crowd in self.cues.crowd_quantifiers):
                finding = replace(finding, mention=mention.model_copy(update={"entity_id": attackers}))
            result.append(finding)
        return result

    def _included_victims(self, findings: list[RoleFinding], actor_mentions: Sequence[EntityMention], body: str,
                          anchor: TriggerHit) -> list[RoleFinding]:
        """"Three people were killed, including two soldiers and a civilian": the sides the victims
        included are the acted-upon side, armed ones first, in place of the generic "people"."""
        victims = [f for f in findings if f.role == "actor2"]
        if not victims or not all(f.mention.entity_id in self.generic_ids for f in victims):
            return findings
        lead = _INCLUDING.match(body, anchor.end)
        if lead is None:
            return findings
        included: list[EntityMention] = []
        position = lead.end()
        for mention in sorted((m for m in actor_mentions if m.start >= lead.end()), key=lambda m: m.start):
            joiner = r"" if not included else r"\s*(?:,|and|&)\s*(?:and\s+)?"
            if not re.fullmatch(joiner + _COUNTED, body[position:mention.start], re.IGNORECASE):
                break
            included.append(mention)
            position = mention.end
        armed = [m for m in included if self.gazetteer.actors[m.entity_id].kind in _ARMED_KINDS]
        if not armed:
            return findings
        ordered = armed + [m for m in included if m not in armed]
        kept = [f for f in findings if f.role != "actor2"]
        return [*kept, *(RoleFinding(m, "actor2", "roles:included-victims") for m in ordered)]

    def _further_victims(self, findings: list[RoleFinding], hits: Sequence[TriggerHit],
                         actor_mentions: Sequence[EntityMention], body: str) -> list[RoleFinding]:
        """"…killing three civilians and wounding two peacekeepers", "three civilians were killed and
        two peacekeepers wounded": the victims of an outcome joined by "and" to another are acted
        upon too. Generic armed victims ("and wounding two militants") may be the attackers' own
        dead and are left out."""
        taken = {f.mention.entity_id for f in findings}
        added: list[RoleFinding] = []
        for hit in hits:
            if not hit.trigger.outcome:
                continue
            victim = next((m for m in actor_mentions if m.start >= hit.end
                           and re.fullmatch(r"\s+" + _COUNTED + _UNCOUNTED, body[hit.end:m.start], re.IGNORECASE)), None)
            active = victim is not None and re.search(r"(?<!\w)(?:and|et)\s+$", body[max(0, hit.start - 8):hit.start], re.IGNORECASE)
            if not active:
                # "and two peacekeepers wounded"
                victim = next((m for m in actor_mentions if m.end <= hit.start
                               and re.fullmatch(r"\s*(?:were\s+|was\s+)?", body[m.end:hit.start], re.IGNORECASE)
                               and re.search(r"(?<!\w)(?:and|et)\s+" + _COUNTED + "$", body[max(0, m.start - 30):m.start], re.IGNORECASE)), None)
            if victim is None or victim.entity_id in taken:
                continue
            actor = self.gazetteer.actors.get(victim.entity_id)
            if actor is None or (victim.entity_id in self.generic_ids and actor.kind in _ARMED_KINDS):
                continue
            taken.add(victim.entity_id)
            added.append(victim)
        if not added:
            return findings
        victims = [f.mention for f in findings if f.role in ("actor2", "assoc_actor_2")]
        if victims and all(self.gazetteer.actors[m.entity_id].kind not in _ARMED_KINDS for m in victims):
            # armed victims first, as with victims a toll includes
            added.sort(key=lambda m: self.gazetteer.actors[m.entity_id].kind not in _ARMED_KINDS)
            if self.gazetteer.actors[added[0].entity_id].kind in _ARMED_KINDS:
                kept = [f for f in findings if f.role not in ("actor2", "assoc_actor_2")]
                victims = [*added, *victims]
                return [*kept, *(RoleFinding(m, "actor2" if index == 0 else "assoc_actor_2", "roles:further-victims")
                                 for index, m in enumerate(victims))]
        has_victim = bool(victims)
        return [*findings, *(RoleFinding(m, "assoc_actor_2" if has_victim or index else "actor2", "roles:further-victims")
                             for index, m in enumerate(added))]

    def _protesting_people(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """People a participle of protest follows are protesters ("opened fire on residents
        protesting rebel occupation of the town")."""
        protesters = self.implied_ids.get("protesters")
        if protesters is None:
            return mentions
        result: list[EntityMention] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            previous = result[-1] if result else None
            if previous is not None and previous.entity_id == protesters and mention.entity_id == protesters \
                    and previous.end >= mention.start - 1 and alias_key(mention.text) in self.cues.protesting:
                continue  # (the participle, read with the people before it)
            actor = self.gazetteer.actors.get(mention.entity_id)
            following = _gap_words(body[mention.end:mention.end + 20].lower())[:1]
            if actor is not None and actor.kind == "civilians" and following and following[0] in self.cues.protesting:
                mention = mention.model_copy(update={"entity_id": protesters})
            result.append(mention)
        return result

    def _state_noun(self, mention: EntityMention) -> bool:
        """True for a state force named by a common noun alone ("soldiers", "troops")."""
        actor = self.gazetteer.actors.get(mention.entity_id)
        return actor is not None and actor.kind == "state forces" and bool(mention.alias) and is_common_noun(mention.alias)

    def _soldiers_of_country(self, mentions: list[EntityMention], places: list[EntityMention], body: str) -> list[EntityMention]:
        """"Soldiers from Chad", "troops of Niger": a common noun that alone names the state's
        forces, followed by "from"/"of" and a country, is that country's military."""
        actors = self.gazetteer.actors
        result = []
        for mention in mentions:
            country = next((place for place in places if place.place_scope == "country" and place.start >= mention.end
                            and re.fullmatch(r"\s+(?:from|of)\s+(?:the\s+)?", body[mention.end:place.start], re.IGNORECASE)), None)
            if country is not None and self._state_noun(mention):
                name = self.gazetteer.places[country.entity_id].name
                military = sorted(actor.id for actor in actors.values() if actor.country == name
                                  and any(label.label.startswith("Military Forces of") for label in actor.acled))
                if len(military) == 1:
                    mention = mention.model_copy(update={"entity_id": military[0], "end": country.end,
                                                         "text": body[mention.start:country.end]})
            result.append(mention)
        return result

    def _own_soldiers(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """"Chadian MINUSMA soldiers", "French Operation Barkhane soldiers": a common noun that
        alone names the state's forces ("soldiers") right after a foreign or international force's
        name is that force's own people, not a second side ("the Malian military junta" stays
        the junta)."""
        actors = self.gazetteer.actors
        kept: list[EntityMention] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            previous = kept[-1] if kept else None
            if previous is not None and previous.entity_id != mention.entity_id and self._state_noun(mention) \
                    and previous.entity_id in actors and actors[previous.entity_id].kind == "external/other forces" \
                    and previous.alias and not is_common_noun(previous.alias) \
                    and re.fullmatch(r"\s+", body[previous.end:mention.start]) \
                    and _last_word(previous.text) not in self.cues.head_after_links:
                kept[-1] = previous.model_copy(update={"end": mention.end, "text": body[previous.start:mention.end]})
                continue
            kept.append(mention)
        return kept

    def _foreign_personnel(self, mentions: list[EntityMention], earlier: Sequence[EntityMention] = ()) -> list[EntityMention]:
        """"France and its partners announced a full troop withdrawal", "militants attacked a
        French convoy, killing two soldiers": troops or soldiers named by the noun alone, after a
        foreign state's forces in the same paragraph (the `earlier` mentions of it, then those of
        the sentence) and no national force between, are that state's, not the country's own army
        ("Barkhane said … It said the operation began with airstrikes followed by soldiers")."""
        actors = self.gazetteer.actors
        foreign: Optional[EntityMention] = None
        result = []
        ordered = [*sorted(earlier, key=lambda m: m.start), *sorted(mentions, key=lambda m: m.start)]
        for position, mention in enumerate(ordered):
            told = position < len(earlier)
            actor = actors.get(mention.entity_id)
            if actor is None:
                if not told:
                    result.append(mention)
                continue
            # (not right after it, as its modifier: "French-backed soldiers")
            if foreign is not None and self._state_noun(mention) and alias_key(mention.text) in _PERSONNEL_NOUNS \
                    and foreign.end < mention.start - 1:
                mention = mention.model_copy(update={"entity_id": foreign.entity_id})
            elif actor.kind == "external/other forces" and any(label.label.startswith("Military Forces of") for label in actor.acled):
                foreign = mention
            elif actor.kind == "state forces" and not self._state_noun(mention) and any(
                    label.label.startswith(("Military Forces of", "Police Forces of")) for label in actor.acled):
                # (a national force named, not its government, "at the request of the Malian
                # government", nor a bare noun, "the major military operation")
                foreign = None
            if not told:
                result.append(mention)
        return result

    def _armed_people(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """"armed villagers attacked the village", "youths armed with rifles ambushed miners": people
        said to bear arms are a communal militia, not a crowd."""
        militia = self.implied_ids.get("armed_villagers")
        if militia is None:
            return mentions
        actors = self.gazetteer.actors
        return [mention.model_copy(update={"entity_id": militia})
                if mention.entity_id in actors and actors[mention.entity_id].kind == "civilians" and (
                    _ARMED_BEFORE.search(body, max(0, mention.start - 20), mention.start) is not None
                    or _ARMED_WITH.match(body, mention.end) is not None)
                else mention for mention in mentions]

    def _in_fronted_phrase(self, body: str, sentence: Sentence, hit: TriggerHit, mentions: Sequence[EntityMention]) -> bool:
        """True for a trigger inside a phrase the sentence opens with, a preposition up to a comma,
        that names no side ("On a third day of fighting, GATIA took over …")."""
        if self._names_a_result(body, hit, [m for m in mentions if m.kind == "place"]):
            return False  # "In recaptured Kidal, the HCUA was formed": a result of its own
        comma = body.find(",", hit.end, sentence.end)
        opening = body[sentence.start:hit.start].lower()
        if comma < 0 or "," in opening or not re.match(r"\s*(?:on|in|during|after|following|amid|amidst|over)\s", opening):
            return False
        phrase = body[sentence.start:comma]
        if re.search(r"(?<!\w)(?:was|were|is|are|had|has|have)(?!\w)", phrase.lower()):
            return False  # a clause, not a phrase
        return not any(m.kind == "actor" and sentence.start <= m.start and m.end <= comma for m in mentions)

    def _describes_a_noun(self, body: str, hit: TriggerHit, mentions: Sequence[EntityMention]) -> bool:
        """True for an outcome participle right after a side that is the object of "of" or "for"
        ("wives of soldiers killed in an attack", "a march for the civilians killed"): it says who
        they are, not what the sentence tells."""
        if body[hit.start:hit.end].lower() not in self.cues.all_outcomes:
            return False  # a participle ("killed"), not a noun trigger ("demonstrators")

        def joins_outcomes(gap: str) -> bool:  # " " or " killed and " ("soldiers killed and wounded")
            words = [word for word in re.findall(r"[\w']+|,", gap.lower()) if word not in (",", "and", "et")]
            return bool(re.fullmatch(r"\s+", gap)) or (
                bool(words) and len(words) <= 2 and all(word in self.cues.all_outcomes for word in words))

        before = next((m for m in mentions if m.kind == "actor" and m.end <= hit.start
                       and joins_outcomes(body[m.end:hit.start])), None)
        return before is not None and re.search(r"(?<!\w)(?:of|for)\s+(?:the\s+)?$", body[max(0, before.start - 12):before.start].lower()) is not None

    def _occupations(self, roles: list[_Role], year: Optional[int], month: Optional[int]) -> tuple[list[_Role], list[str]]:
        """An identity group's (or its militia's, or a named organisation's) occupation group, where
        a membership that is no parent's says so for the event's date, is associated on its side
        (ACLED codes Dogon civilians with Farmers from June 2020, the Fulani militia with
        Pastoralists, the ICRC with Aid Workers), unless the side already has an occupation ("a
        Dogon shepherd"). Returns the roles and the rules that applied."""
        actors = self.gazetteer.actors
        held = {role.actor_id for role in roles}
        added: list[_Role] = []
        for role in roles:
            actor = actors.get(role.actor_id)
            # (or a named organisation's: the ICRC's staff are aid workers)
            if actor is None or not (actor.kind in ("identity group", "identity militia")
                                     or (actor.kind == "social group" and not actor.generic)):
                continue
            side = "assoc_actor_1" if role.role.endswith("1") else "assoc_actor_2"
            if any(other is not role and other.role in (side, side.replace("assoc_", "")) and other.actor_id in actors
                   and actors[other.actor_id].kind == "social group" and actors[other.actor_id].generic for other in roles):
                continue
            for membership in actor.memberships:
                group = actors.get(membership.group)
                if membership.coded_as_parent or group is None or group.kind != "social group" \
                        or membership.group in held or not membership.holds(year, month):
                    continue
                added.append(_Role(membership.group, side, "", "", 100.0, implied=True))
                held.add(membership.group)
        if not added:
            return roles, []
        return (sorted([*roles, *added], key=lambda role: _ROLE_ORDER[role.role]),
                [f"implied:{role.role}={role.actor_id}" for role in added])

    def _aimed_at(self, roles: list[_Role], actor_mentions: Sequence[EntityMention], body: str, sentence: Sentence,
                  anchor: TriggerHit) -> tuple[list[_Role], list[str]]:
        """"two car bombs went off near Tessalit, targetting MNLA members", "fired mortar shells
        targeting the MINUSMA camp": the named side a word of aim after the act points at is the
        one acted upon, in place of the people the sentence counts (the generic civilians), when
        no named side is acted upon yet; so is an armed side a later clause tells as hurt ("raided
        a camp, three MSA combatants were killed"). Returns the roles and the rule, if one applied."""
        pattern = self._aim_pattern
        if pattern is None or any(role.role == "actor2" and role.actor_id not in self.generic_ids for role in roles):
            return roles, []
        held = {role.actor_id for role in roles}
        for mention in actor_mentions:
            if mention.start < anchor.end or mention.end > sentence.end or mention.entity_id in self.generic_ids \
                    or mention.entity_id in held:
                continue
            rule = "roles:aimed-at"
            if pattern.search(body[max(anchor.end, mention.start - 40):mention.start].lower()) is None:
                # ("raided a camp near Menaka, three MSA combatants were killed in the attack": an
                # armed side told as hurt in a later clause of the sentence)
                if not (actor_class(self.gazetteer.actors[mention.entity_id]) & {"armed"}
                        and self._told_hurt(body[mention.end:sentence.end], body[max(anchor.end, mention.start - 12):mention.start])):
                    continue
                rule = "roles:hurt-later"
            following = re.match(r"\s*([A-Za-zÀ-ÿ'-]+)", body[mention.end:mention.end + 30])
            word = following.group(1).lower() if following and not following.group(1)[:1].isupper() else None
            if word is not None and word not in self._aimed_followers:
                continue  # the side only describes what is aimed at ("targeting JNIM informants")
            civilians = self.implied_ids.get("civilians")
            kept = [role for role in roles if not (role.role.endswith("2") and role.actor_id == civilians)]
            return sorted([*kept, _Role(mention.entity_id, "actor2", mention.text, mention.alias, mention.score)],
                          key=lambda role: _ROLE_ORDER[role.role]), [rule]
        return roles, []

    def _told_hurt(self, after: str, before: str) -> bool:
        """True when a side is the subject of a passive outcome in the words `after` it ("three
        MSA combatants including a senior commander were killed"), opening its clause (a comma
        or a count before it)."""
        if not self._clause_then_count.search(before.lower()):
            return False
        words = _gap_words(re.split(r"[.;,]", after, maxsplit=1)[0].lower())[:8]
        for index, word in enumerate(words[:-1]):
            if word in ("were", "was", "been") and words[index + 1] in self.cues.killed | self.cues.wounded:
                return True
        return False

    def _fighting_itself(self, actor_mentions: Sequence[EntityMention], body: str, anchor: TriggerHit) -> Optional[EntityMention]:
        """The one side a battle is fought within, when the sentence says so and names no other:
        "two groups of farmers clashed", "students from rival camps clashed", "militiamen from two
        rival factions of the MAA clashed", "two soldiers opened fire against each other"."""
        patterns = self.cues.within_side_patterns
        if patterns is None:
            return None
        before, after, pronouns, between = patterns
        actors = self.gazetteer.actors
        for side in actor_mentions:
            opening = body[max(0, side.start - 40):side.start].lower()
            # ("two groups of gunmen attacked the village": only an act both sides do is within one)
            within = (anchor.trigger.reciprocal and (
                before.search(opening) is not None or (between is not None and between.search(opening) is not None)
                or after.search(body[side.end:side.end + 20].lower()) is not None)) \
                or (side.end <= anchor.start and pronouns.search(body[anchor.end:anchor.end + 30].lower()) is not None)
            if not within or side.entity_id not in actors or actors[side.entity_id].kind == "civilians":
                continue
            # others may be the people hurt, or the head noun the side is named after ("militiamen from …")
            others = [m for m in actor_mentions if m.entity_id != side.entity_id and m.entity_id in actors
                      and actors[m.entity_id].kind != "civilians" and not (
                          m.entity_id in self.generic_ids and 0 <= side.start - m.end <= 40
                          and re.match(r"\s+(?:from|of)\s", body[m.end:side.start]) is not None)]
            return side if not others else None
        return None

    def _both_sides(self, side: EntityMention) -> list[_Role]:
        """The roles of a battle fought within one side: that side on both, as its people's militia
        (a communal one, with the people associated, when they have none of their own)."""
        actor = self.gazetteer.actors[side.entity_id]
        fighting, people = side.entity_id, None
        if actor.militia in self.gazetteer.actors:
            fighting = actor.militia
        elif actor.kind in _GROUP_KINDS and "armed_villagers" in self.implied_ids:
            fighting, people = self.implied_ids["armed_villagers"], side.entity_id
        roles = [_Role(fighting, role, side.text, side.alias, side.score) for role in ("actor1", "actor2")]
        if people is not None:
            roles += [_Role(people, role, side.text, side.alias, side.score) for role in ("assoc_actor_1", "assoc_actor_2")]
        return sorted(roles, key=lambda role: _ROLE_ORDER[role.role])

    @staticmethod
    def _followed_by(body: str, position: int, phrases: Sequence[str]) -> bool:
        """True when the words right after `position` open with one of `phrases`."""
        following = _gap_words(body[position:position + 30].lower())
        return any(following[:len(phrase.split())] == phrase.split() for phrase in phrases)

    def _qualifies_media(self, mention: EntityMention, body: str) -> bool:
        """True for a group named only as the side a news medium is with ("the Al Qaeda-linked
        Thabat News Agency", "Pro-Al-Qaeda Thabat Agency"): the medium reports, the group is no
        party to the act by that mention."""
        if self.cues.media_patterns is None:
            return False
        links, media = self.cues.media_patterns
        after = body[mention.end:mention.end + 60].lower()
        if re.search(r"(?<!\w)pro-?\s*$", body[max(0, mention.start - 5):mention.start].lower()) is None:
            link = links.match(after)
            if link is None:
                return False
            after = after[link.end():]
        return media.match(after) is not None

    def _in_accusation(self, sentence: Sentence, mention: EntityMention) -> bool:
        """True for an actor named in what someone is accused of ("a chief accused of collaborating
        with the Malian army"): from an `accusation_links` phrase to the end of its clause."""
        pattern = self.cues.accusation_pattern
        if pattern is None:
            return False
        before = sentence.text[:mention.start - sentence.start].lower()
        # (the clause ends at a comma or at the main clause's verb: "… accused of drinking alcohol
        # was given 40 lashes by members of Ansar Dine"; "and" before a name alone joins it to
        # the accused: "suspected of collaborating with the MNLA and French military")
        pieces = re.split(r"[,;:]|(?<!\w)(and|but|while|who|which|was|were|is|are|has|have|had)(?!\w)", before)
        clause = pieces[-1]
        if len(pieces) >= 3 and pieces[-2] == "and" and len(clause.split()) <= 2:
            clause = (pieces[-3] or "") + " and " + clause
        return pattern.search(clause) is not None

    def _off_duty_as_civilians(self, roles: list[_Role], mentions: list[EntityMention],
                               body: str) -> tuple[list[_Role], list[str]]:
        """State forces acted upon while off duty ("killed an off-duty policeman", "shot dead three
        peacekeepers on leave", "a soldier assassinated at his home") are civilians, with their
        force associated, as ACLED codes them; so are any armed side's people named off duty or as
        its civilians ("executed two civilian MNLA members", "a civilian MINUSMA convoy"), a
        force's civilian staff, named by the word after it ("a MINUSMA contractor"), and any armed
        side's people held in custody ("3 Ansar Dine prisoners of war").
        Returns the roles and the rules that made civilians of them."""
        civilians = self.implied_ids.get("civilians")
        result: list[_Role] = []
        rules: list[str] = []
        for role, mention in zip(roles, mentions):
            actor = self.gazetteer.actors.get(role.actor_id)
            before = _words_before(body, mention.start, 24)
            after = re.split(r"[.;!?]", body[mention.end:mention.end + 80])[0].lower()
            off_duty, held = self._named_out_of_combat(actor, mention, body)
            # ("General Ag Gamou's family", "the brother of a GATIA commander")
            kin_of = re.search(r"(\w+)\s+of(?:\s+(?:the|a|an))?\s*$", before)
            kin = actor is not None and actor.kind != "civilians" and (
                (kin_of is not None and kin_of.group(1) in self.cues.kin_nouns)
                or _possessed(after) in self.cues.kin_nouns
                # (the kin noun may have been read into the name: "General Ag Gamou's family")
                or _possessed(mention.text.lower(), at_end=True) in self.cues.kin_nouns)
            if civilians is not None and role.role.endswith("2") and (off_duty or held or kin):
                result += [_Role(civilians, "actor2", "", "", 100.0, implied=True), replace(role, role="assoc_actor_2")]
                # (a force's people are named by the rule that has always read them)
                rule = "roles:kin-civilians" if kin and not (off_duty or held) else \
                    "roles:off-duty-civilians" if off_duty else "roles:held-civilians"
                if rule not in rules:
                    rules.append(rule)
            else:
                result.append(role)
        return result, rules

    def _named_out_of_combat(self, actor: Optional[ActorEntry], mention: EntityMention, body: str) -> tuple[bool, bool]:
        """Whether an armed side's people are named off duty or as its civilians ("an off-duty
        policeman", "two civilian GATIA members"; a force's civilian staff, "a MINUSMA
        contractor", or its people at home, "at his home"), and whether as held in custody ("3
        Ansar Dine prisoners of war")."""
        if actor is None or actor.kind not in _ARMED_KINDS:
            return False, False
        before = _words_before(body, mention.start, 24)
        after = re.split(r"[.;!?]", body[mention.end:mention.end + 80])[0].lower()
        following = set(_gap_words(after)[:1])
        force = actor.kind in ("state forces", "external/other forces")
        off_duty_after = self.cues.off_duty_after_pattern
        off_duty = any(before.endswith(marker) for marker in self.cues.off_duty) or (
            force and (bool(following & self.cues.civilian_staff)
                       or (off_duty_after is not None and off_duty_after.search(after) is not None)))
        return off_duty, bool(following & self.cues.custody_nouns)

    def _heading_reports(self, sentence: Sentence) -> bool:
        """A 'heading' line long enough to be a report ("Truck struck by IED, 5 civilians
        killed") is read as a sentence: wire summaries often drop the final stop."""
        return len(sentence.text.split()) >= self.settings.heading_min_words

    def _is_proper_noun(self, body: str, doc: Doc, hit: TriggerHit, sentence_span) -> bool:
        """A one-word trigger written with a capital inside a sentence is a name ("March"), unless
        the sentence is a headline in title case ("Islamists Launch Fresh Attacks On Timbuktu")."""
        if hit.token_end - hit.token_start != 1 or hit.token_start == sentence_span.start:
            return False
        words = [body[token.idx:token.idx + len(token)] for token in sentence_span[1:] if token.is_alpha]
        if len(words) >= 4 and sum(word[:1].isupper() for word in words) >= 0.8 * len(words):
            return False
        text = body[hit.start:hit.end]
        previous = doc[hit.token_start - 1].text
        return text[:1].isupper() and not text.isupper() and previous not in (":", '"', "'", "(", "-")

    @staticmethod
    def _has_words(words: Iterable[str], lemma_set: set[str], lowered_text: str) -> bool:
        # (the text is read folded: "incendié" is matched as "incendie")
        for word in map(fold_text, words):
            if " " in word or "'" in word:
                if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered_text):
                    return True
            elif word in lemma_set:
                return True
        return False

    def _counts_acts(self, body: str, sentence: Sentence, hit: TriggerHit, mentions: Sequence[EntityMention]) -> bool:
        """True for an act in the plural after words that count acts ("the high number of
        attacks", "a rise in abductions") or before a verb that says their number changed
        ("reprisal killings increased"); not for people counted ("a number of demonstrators")."""
        if not body[hit.start:hit.end].lower().endswith("s"):
            return False
        before, after = self.cues.statistic_ending, self.cues.statistic_opening
        counted = (before is not None and before.search(body[max(sentence.start, hit.start - 40):hit.start].lower()) is not None) \
            or (after is not None and after.match(body[hit.end:min(sentence.end, hit.end + 40)].lower()) is not None)
        return counted and not any(m.kind == "actor" and m.start <= hit.start and hit.end <= m.end for m in mentions)

    def _joins_a_campaign(self, body: str, sentence: Sentence, hit: TriggerHit) -> bool:
        """True for a campaign noun after a verb of leading it ("continues to lead the fight in
        Mali"): a part in a war, no act of it told."""
        pattern = self.cues.campaign_ending
        return pattern is not None and body[hit.start:hit.end].lower() in self.cues.campaign_nouns \
            and pattern.search(body[max(sentence.start, hit.start - 40):hit.start].lower()) is not None

    def _opening_clause_end(self, body: str, sentence: Sentence, anchor: TriggerHit) -> Optional[int]:
        """The comma closing a clause the sentence opens with ("After …, ", "As …, "), when the
        trigger lies after it; else None. It is the first comma after the clause's verb, when one
        is seen ("After Ndaw, Ouane and others were named to the government, …")."""
        comma = _opening_phrase_comma(body[sentence.start:anchor.start], self.cues.clause_openers, self.cues.tense_words)
        return sentence.start + comma if comma is not None and comma >= 0 else None

    def _roles(self, doc, document, sentence, anchor, actor_mentions, text_of, heading: bool) -> list[RoleFinding]:
        if self.parser is not None and not heading:
            findings = self._parsed_roles(document, sentence, anchor, actor_mentions)
            if findings:
                return findings
        findings = assign_roles(
            anchor.start, anchor.end, actor_mentions, text_of, self.cues, self.settings,
            reciprocal=anchor.trigger.reciprocal, outcome=anchor.trigger.outcome,
            violent=anchor.trigger.event_type in _VIOLENT_TYPES, heading=heading,
            sentence_start=sentence.start,
            acting_verbs=frozenset(anchor.trigger.acting_verbs),
            clause_break=self._opening_clause_end(document.body, sentence, anchor),
        )
        if not any(finding.role == "actor1" for finding in findings):
            # "French air strikes hit Kona": the side named by its act did it (not people named by
            # what was done to them: "hostages")
            owner = next((m for m in actor_mentions if m.start <= anchor.start and anchor.end <= m.end), None)
            owner_kind = self.gazetteer.actors[owner.entity_id].kind if owner is not None and owner.entity_id in self.gazetteer.actors else ""
            if owner is not None and owner_kind != "civilians" and owner_kind not in _GROUP_KINDS:
                findings = [RoleFinding(owner, "actor1", "roles:act-of-side"),
                            *[finding for finding in findings if finding.mention.entity_id != owner.entity_id]]
        if not any(finding.role == "actor2" for finding in findings):
            victims = self._victims_of_outcome(anchor, actor_mentions, text_of, sentence.end,
                                               {finding.mention.entity_id for finding in findings})
            if victims is not None:
                findings = [*findings, RoleFinding(victims, "actor2", "roles:outcome-object")]
                # ("killed twelve civilians from the Fulani community": the people they are of)
                last = victims
                for mention in sorted((m for m in actor_mentions if m.start >= victims.end), key=lambda m: m.start):
                    if mention.entity_id not in self.group_ids \
                            or _is_coordination(text_of(last.end, mention.start), self.cues) not in ("coord", "assoc"):
                        break
                    findings.append(RoleFinding(mention, "assoc_actor_2", "roles:outcome-object"))
                    last = mention
        if anchor.trigger.event_type in _VIOLENT_TYPES and not any(finding.role == "actor2" for finding in findings):
            acting = {finding.mention.entity_id for finding in findings}
            victims = self._casualty_subject(actor_mentions, text_of, sentence.end, acting)
            if victims is not None:
                findings = [*findings, RoleFinding(victims, "actor2", "roles:casualty-subject")]
                # ("17 Fulani men were killed": the people named right before them)
                findings += [RoleFinding(m, "assoc_actor_2", "roles:casualty-subject") for m in actor_mentions
                             if m.entity_id in self.group_ids and m.end <= victims.start
                             and not text_of(m.end, victims.start).strip()]
        return findings

    def _casualty_subject(self, actor_mentions, text_of, end: int, acting: set[str]) -> Optional[EntityMention]:
        """The first side a casualty word follows as its subject ("four soldiers were wounded in
        the blast", "5 soldiers dead"), other than the acting side: who suffered the act. With no
        acting side known, generic armed men are left out (they may be the attackers' dead)."""
        for mention in actor_mentions:
            if mention.entity_id in acting:
                continue
            if not acting and self.gazetteer.actors.get(mention.entity_id) is not None and \
                    mention.entity_id in self.generic_ids and self.gazetteer.actors[mention.entity_id].kind not in _VICTIM_KINDS:
                continue
            words = _gap_words(text_of(mention.end, min(end, mention.end + 40)))
            while words and words[0] in self.cues.passive_aux | {"also", "reportedly", "later", "all", "been", "have", "has", "had"}:
                words = words[1:]
            if words and words[0] in self.cues.killed | self.cues.wounded and words[0] not in self.cues.killed_of:
                return mention
        return None

    def _victims_of_outcome(self, anchor, actor_mentions, text_of, sentence_end: int, taken: set[str]):
        """The side an act's outcome clause names: "attacked the town, killing ten soldiers"."""
        for mention in actor_mentions:
            if mention.start < anchor.end or mention.entity_id in taken:
                continue
            words = _gap_words(text_of(anchor.end, mention.start))
            if re.search(r"[;.!?]", text_of(anchor.end, mention.start)):
                return None
            outcome_at = [index for index, word in enumerate(words) if word in self.cues.killed_active | self.cues.wounded]
            if not outcome_at:
                continue
            after = words[outcome_at[-1] + 1:]
            # only a count may stand between the outcome word and the victims
            if len(after) <= 4 and "," not in after:
                return mention
            return None
        return None

    def _parsed_roles(self, document, sentence, anchor, actor_mentions) -> list[RoleFinding]:
        parsed = self.parser(document.body[sentence.start:sentence.end])
        index = next((token.i for token in parsed if token.idx + sentence.start >= anchor.start), None)
        if index is None:
            return []
        acting, acted = dependency_sides(parsed, index)
        findings = []
        for spans, main, assoc in ((acting, "actor1", "assoc_actor_1"), (acted, "actor2", "assoc_actor_2")):
            inside = [m for m in actor_mentions if any(s + sentence.start <= m.start and m.end <= e + sentence.start for s, e in spans)]
            for position, mention in enumerate(inside):
                findings.append(RoleFinding(mention, main if position == 0 else assoc, "roles:parse"))
        return findings

    def _formed_group_acts(self, findings: list[RoleFinding], code_hit: TriggerHit, body: str,
                           mentions: Sequence[EntityMention] = (), doc: Optional[Doc] = None) -> tuple[list[RoleFinding], set[str]]:
        """In a change to a group, the group the text names as the one formed ("announced the
        founding of COMAPEC", "established themselves as the CPA", "a brigade called Those Who
        Signed in Blood") acts, as ACLED codes a formation, and whoever formed it is associated;
        returns the findings and the formed group's id (kept in its own name)."""
        pattern = self.cues.formed_ending
        if pattern is None or code_hit.trigger.sub_event_type != "Change to group/activity":
            return findings, set()
        # (or the subject of the forming verb in the passive: "the HCUA was formed in a merger of …";
        # the trigger may hold the auxiliary: "was formed")
        hit_text = body[code_hit.start:code_hit.end]
        verb = hit_text.split()[-1] if hit_text.split() else ""
        verb_start = code_hit.end - len(verb)
        armed = [f for f in findings if f.mention.entity_id in self.gazetteer.actors
                 and "armed" in actor_class(self.gazetteer.actors[f.mention.entity_id])]
        # (the hit the sentence stage let through for its group object, read by its lemma as
        # there: "forms" and "created" as "formed")
        if doc is not None and self._needs_object(doc, code_hit, code_hit.trigger.group_lemmas):
            # ("the MNLA formed the CMA": the active verb's object is the group formed, its subject
            # the one that formed it; the people it is of, named first, describe it: "created the
            # Tuareg-dominated Islamist insurgent group Ansar Dine")
            formed = min((f for f in armed if f.mention.start >= code_hit.end), key=lambda f: f.mention.start, default=None)
            group = min((m for m in mentions if m.start >= code_hit.end and m.entity_id not in self.generic_ids
                         and m.entity_id in self.gazetteer.actors
                         and self.gazetteer.actors[m.entity_id].kind in _NON_STATE_GROUP_KINDS),
                        key=lambda m: m.start, default=None)
            if group is not None and (formed is None or group.start < formed.mention.start):
                formed = RoleFinding(group, "actor2", "roles:formed")
                # (what stood between the verb and the group only described it)
                findings = [f for f in findings if not (code_hit.end <= f.mention.start < group.start)] + [formed]
        else:
            formed = next((f for f in armed
                           if pattern.search(body[max(0, f.mention.start - 80):f.mention.start].lower())
                           or verb.lower() in self.cues.forming_words and f.mention.end <= code_hit.start
                           and _PASSIVE_GAP.fullmatch(body[f.mention.end:verb_start])), None)
        if formed is None:
            return findings, set()
        acting = [RoleFinding(formed.mention, "actor1", "roles:formed")]
        for finding in findings:
            if finding is not formed and finding.mention.entity_id != formed.mention.entity_id:
                acting.append(replace(finding, role="assoc_actor_1") if finding.role in ("actor1", "assoc_actor_1") else finding)
        return acting, {formed.mention.entity_id}

    def _promote_members(self, roles: list[_Role], year: Optional[int], own_name: set[str] = frozenset(),
                         told: Optional[set[str]] = None) -> list[_Role]:
        """A member group acting without its parent named: the parent acts, the member is associated
        (ACLED codes a JNIM brigade's attack as JNIM's, with the brigade associated); not for a
        group in `own_name` (a brigade whose forming is told acts in its own name). With the year
        unknown, a membership holds when its parent is named beside the member; given `told`,
        the groups the story names, only when its parent is among them."""
        promoted = []
        swapped: set[str] = set()
        named = {role.actor_id for role in roles}
        for role in roles:
            actor = self.gazetteer.actors.get(role.actor_id)
            parent = None
            if actor is not None and role.role in ("actor1", "actor2") and role.actor_id not in own_name and told is None:
                # with the year unknown, the membership still in force is the likeliest, unless
                # the memberships disagree on coding the member as its parent (the MNLA kept its
                # own name in the CMA until 2023): then the year would decide, and it is not known
                memberships = actor.memberships if year is not None else sorted(
                    (item for item in actor.memberships if item.undated),
                    key=lambda item: (item.end_year is not None, -(item.start_year or 0)))
                if year is None and memberships:
                    same_group = [item for item in actor.memberships if item.group == memberships[0].group]
                    if len({item.coded_as_parent for item in same_group}) > 1:
                        memberships = []
                for membership in memberships:
                    if membership.holds(year) and membership.coded_as_parent and membership.group in self.gazetteer.actors \
                            and self.gazetteer.actors[membership.group].acled:
                        parent = membership.group
                        break
            assoc = "assoc_actor_1" if role.role == "actor1" else "assoc_actor_2"
            if parent is None and actor is not None and role.role in ("actor1", "actor2") and year is None \
                    and role.actor_id not in own_name:
                # the text names the parent beside the member ("Ansar Dine (JNIM) militants") or
                # elsewhere in the story ("JNIM claimed responsibility"): the membership it tells
                # of holds, whatever is assumed when the year is unknown
                parent = next((m.group for m in actor.memberships if m.coded_as_parent and (m.group in (told or ()) or any(
                    other.actor_id == m.group and other.role == assoc for other in roles))), None)
            if parent is not None and parent not in named:
                promoted.append(_Role(parent, role.role, role.text, role.alias, role.score))
                promoted.append(replace(role, role=assoc))
                named.add(parent)
            elif parent is not None and any(other.actor_id == parent and other.role == assoc for other in roles):
                # "Katiba Macina (JNIM) militants": the parent named beside its brigade acts
                promoted.append(replace(role, role=assoc))
                swapped.add(parent)
            else:
                promoted.append(role)
        main = {"assoc_actor_1": "actor1", "assoc_actor_2": "actor2"}
        promoted = [replace(role, role=main[role.role]) if role.actor_id in swapped and role.role in main else role
                    for role in promoted]
        # (a side's head first: the roles that follow read the first of a side as its head)
        return sorted(promoted, key=lambda role: _ROLE_ORDER[role.role]) if swapped else promoted

    def _complete_roles(self, roles: list[_Role], event_type: str, trigger: TriggerEntry,
                        casualties: bool = False, sub_event_type: str = "",
                        ownerless: bool = False) -> tuple[list[_Role], list[str]]:
        """Identity groups become associates of the civilians they describe; crowds of a protest
        or riot become associates of the protesters or rioters; sides the event type or the
        trigger implies (or, with `casualties`, the event type's unnamed victims) are filled with
        the generic actors."""
        actors = self.gazetteer.actors
        rules: list[str] = []
        crowd = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
        if crowd:
            # forces named in a protest intervene in it ("police dispersed protesters"), and the
            # crowd they acted on is then the one that protested or rioted ("police clashed with
            # students": the students riot)
            forces = [role for role in roles if role.role.endswith("1") and role.actor_id in actors
                      and actors[role.actor_id].kind in _ARMED_KINDS]
            if forces and len(forces) == sum(role.role.endswith("1") for role in roles):
                roles = [replace(role, role="assoc_actor_1") if role.role.endswith("2") and role.actor_id in actors
                         and actors[role.actor_id].kind in _CROWD_KINDS else role for role in roles]
            roles = [replace(role, role="assoc_actor_2") if role in forces else role for role in roles]
            if not any(role.role == "actor2" for role in roles):
                first = next((role for role in roles if role.role == "assoc_actor_2"), None)
                if first is not None:
                    roles = [replace(role, role="actor2") if role is first else role for role in roles]
        if event_type == "Battles":
            # "exchanged gunfire with Dogon villagers": people who fight are their group's militia
            for side in (1, 2):
                people = [role for role in roles if role.role.endswith(str(side)) and role.actor_id in actors
                          and actors[role.actor_id].kind == "civilians"]
                militia = self._identity_militia(roles, side) if people else None
                if militia is not None:
                    identity, militia_id = militia
                    roles = [replace(role, actor_id=militia_id, implied=False) if role is people[0] else role
                             for role in roles if role is not identity and (role is people[0] or role not in people)]
                    rules.append(f"roles:armed-{identity.actor_id}")
                elif people and not people[0].implied and "armed_villagers" in self.implied_ids \
                        and alias_key(people[0].text) not in self.cues.implied_actors.get("civilians", ()) \
                        and not any(actors[role.actor_id].kind in _ARMED_KINDS for role in roles
                                    if role.role.endswith(str(side)) and role.actor_id in actors):
                    # (not people an armed side of their own escorts: "marketgoers escorted by Dogon militiamen")
                    # "clashed with armed villagers": residents who fight are a communal militia
                    # (people called civilians are not fighters, whatever the act was coded)
                    roles = [replace(role, actor_id=self.implied_ids["armed_villagers"]) if role is people[0] else role
                             for role in roles if role is people[0] or role not in people]
                    rules.append("roles:armed-villagers")
        result: list[_Role] = []
        for side, main, assoc in ((1, "actor1", "assoc_actor_1"), (2, "actor2", "assoc_actor_2")):
            members = [role for role in roles if role.role in (main, assoc)]
            # "Dan Na Ambassagou militiamen … twelve militiamen were killed": a generic side
            # named by the noun a named one of the same side was described with only repeats it
            named = [role for role in members if role.actor_id not in self.generic_ids]
            members = [role for role in members if role.actor_id not in self.generic_ids
                       or not any(_repeats(role, other) for other in named)]
            heads: list[_Role] = []
            associates: list[_Role] = []
            for role in members:
                kind = actors[role.actor_id].kind if role.actor_id in actors else ""
                named_group = role.actor_id not in self.generic_ids
                if side == 1 and crowd and (kind != crowd or named_group):
                    # "residents demonstrated": the residents are the protesters; a party or
                    # movement that called or staged the protest ("URD members staged
                    # demonstrations") is associated with them
                    if named_group or kind not in ("civilians", "protesters", "rioters"):
                        associates.append(role)
                    continue
                if kind in _GROUP_KINDS:
                    associates.append(role)
                else:
                    (heads if not heads else associates).append(role)
            if not heads and event_type in _VIOLENT_TYPES and (side == 1 or event_type == "Battles"):
                # "six people were killed by Fulani": a people named alone as the side that
                # fights or attacks is its militia
                militia = self._identity_militia(associates, side)
                if militia is not None:
                    identity, militia_id = militia
                    heads.append(replace(identity, actor_id=militia_id, implied=False))
                    associates = [role for role in associates if role is not identity]
                    rules.append(f"roles:armed-{identity.actor_id}")
            implied_key = None
            if not heads:
                by_type = self.cues.implied_by_event_type.get(sub_event_type) or self.cues.implied_by_event_type.get(event_type, {})
                # (property no one owns, a shrine or an antenna, implies no civilians who suffered)
                implied_key = by_type.get(main) if not (ownerless and side == 2) else None
                if implied_key is None and casualties:
                    implied_key = self.cues.implied_with_casualties.get(event_type, {}).get(main)
                # people described only by who they are ("Dogon", "teachers") are civilians when they
                # suffer an act; in a battle they are a fighting side, in a protest its cause
                if implied_key is None and associates and side == 2 and event_type not in ("Battles", "Protests"):
                    implied_key = "civilians"
                # (the sides a trigger implies are those of its own act: "an IED was disposed of",
                # coded a disrupted use of it, implies no attackers)
                own_act = not (sub_event_type == "Disrupted weapons use" and trigger.sub_event_type != sub_event_type)
                if implied_key is None and side == 1 and trigger.implied_actor1 and own_act:
                    implied_key = trigger.implied_actor1
                if implied_key is None and side == 2 and trigger.implied_actor2 and own_act:
                    implied_key = trigger.implied_actor2
            if implied_key is not None and implied_key in self.implied_ids:
                actor_id = self.implied_ids[implied_key]
                if actor_id not in {role.actor_id for role in roles if role.role not in (main, assoc)} or side == 2:
                    heads.append(_Role(actor_id, main, "", "", 100.0, implied=True))
                    rules.append(f"implied:{main}={implied_key}")
            ordered = heads[:1] + heads[1:] + associates
            for position, role in enumerate(ordered):
                result.append(replace(role, role=main if position == 0 else assoc))
        return sorted(_unique_roles(result), key=lambda role: _ROLE_ORDER[role.role]), rules

    def _undergoer_lemmas(self, doc: Doc, hit: TriggerHit) -> set[str]:
        """The words of what a passive trigger acts on, before it in its clause ("the church was
        burned", "Church burned by unknown gunmen"); none for an active one."""
        if hit.token_end < 0 or hit.token_start == 0:
            return set()
        by_next = hit.token_end < len(doc) and doc[hit.token_end].lower_ == "by"
        if not by_next and not _is_passive(doc[max(0, hit.token_start - 4):hit.token_start].text.lower(), self.cues):
            return set()
        lemmas: set[str] = set()
        for token in reversed(doc[max(0, hit.token_start - self.settings.object_window_tokens):hit.token_start]):
            if token.text in (".", ";", ",", ":") or token.is_sent_end:
                break
            lemmas |= {token.lemma_.lower(), token.lower_}
        return lemmas

    def _object_lemmas(self, doc: Doc, hit: TriggerHit) -> set[str]:
        """The words of what the trigger acts on: those after it up to a clause break, and the
        words a trigger phrase after its verb holds ("took the town": town)."""
        if hit.token_end < 0:
            return set()
        lemmas = {token.lemma_.lower() for token in doc[hit.token_start + 1:hit.token_end]}
        for token in doc[hit.token_end:min(len(doc), hit.token_end + self.settings.object_window_tokens)]:
            if token.text in (".", ";", ","):
                break
            lemmas.add(token.lemma_.lower())
            lemmas.add(token.lower_)
        return lemmas

    @staticmethod
    def _needs_object(doc: Doc, hit: TriggerHit, words: Sequence[str]) -> bool:
        """True for a one-word hit on one of `words`, a trigger's `place_lemmas` or `group_lemmas`
        ("took", not "took over"; "formed", not "formed a new"), which counts only with its object."""
        if not words or hit.token_end - hit.token_start != 1:
            return False
        lemma = doc[hit.token_start].lemma_.lower()
        return lemma in (word.lower() for word in words) and lemma not in (word.lower() for word in hit.trigger.lemmas)

    def _group_is_object(self, body: str, after: list[EntityMention], hit: TriggerHit) -> bool:
        """True when a named group (not a generic side) follows the trigger as its object, a few
        describing words at most between them ("formed the rival Coordination of Inclusivity
        Movements", "created the Tuareg-dominated Islamist insurgent group Ansar Dine")."""
        # (the people a group is of may describe it first: "the Tuareg-dominated … group Ansar Dine";
        # a government or a junta formed is no armed group: "pressed the junta to form a government")
        groups = [m for m in after if m.entity_id not in self.generic_ids and m.entity_id in self.gazetteer.actors
                  and self.gazetteer.actors[m.entity_id].kind in _NON_STATE_GROUP_KINDS]
        first = min(groups, key=lambda mention: mention.start, default=None)
        if first is None:
            return False
        gap = body[hit.end:first.start]
        # ("formed the backbone of the army": a group after a preposition is no object)
        words = _gap_words(gap.lower())
        return len(words) <= self.settings.group_object_words and re.search(r"[,.;:()]", gap) is None \
            and not set(words) & {"of", "in", "to", "with", "for", "by", "on", "at", "from", "against", "into"}

    def _place_is_object(self, body: str, place_mentions: list[EntityMention], hit: TriggerHit) -> bool:
        """True when a place is what the trigger acts on: 'captured Gao', 'Gao was captured'."""
        for mention in place_mentions:
            if mention.start >= hit.end:
                gap = _gap_words(body[hit.end:mention.start])
                if all(word in self.cues.place_object_words for word in gap):
                    return True
            elif mention.end <= hit.start:
                gap = body[mention.end:hit.start]
                if len(gap) <= 40 and _is_passive(gap, self.cues):
                    return True
        return False

    def _code(self, hit: TriggerHit, roles: list[_Role], lemma_set: set[str], lowered: str, object_lemmas: set[str],
              casualties: bool, object_place: bool = False, nominal: bool = False,
              after_lemmas: frozenset[str] = frozenset()) -> tuple[str, str, Optional[str]]:
        """The trigger's code, recoded by the first of its rules that holds.

        A heading's code is the analyst's: its rules may refine the sub-type, never the type.
        """
        trigger = hit.trigger

        def classes(suffix: str, other: frozenset[str] = frozenset()) -> set[str]:
            # the head of a side says what it is; its associates only when it has no head
            # ("a Dogon Dan Na Ambassagou camp" is a militia's, not civilians')
            found: set[str] = set()
            armed = any(role.role.endswith(suffix) and role.actor_id in self.gazetteer.actors
                        and self.gazetteer.actors[role.actor_id].kind in _ARMED_KINDS for role in roles)
            for heads_only in (True, False):
                for role in roles:
                    actor = self.gazetteer.actors.get(role.actor_id)
                    if actor is None or not role.role.endswith(suffix) or (heads_only and not role.role.startswith("actor")):
                        continue
                    # ("students clashed with the police": people of an occupation who fight the
                    # state's forces, no armed group, are a crowd, as they are a militia against one)
                    crowd = actor.kind == "social group" and suffix == "1" and not armed \
                        and "state" in other and "non-state" not in other
                    if actor.kind in _GROUP_KINDS and (suffix == "1" or armed) and not crowd:
                        # "Fulani attacked": an identity group acting is no crowd; "a Tuareg
                        # separatist vehicle": the people an armed side is of say who it is, not what
                        continue
                    found |= actor_class(actor)
                if found:
                    break
            return found

        target = classes("2")
        acting = classes("1", frozenset(target))
        for number, rule in enumerate(trigger.rules):
            if hit.label and rule.event_type != trigger.event_type:
                continue
            if rule.target is not None and not target & set(rule.target):
                continue
            if rule.actor is not None and not acting & set(rule.actor):
                continue
            if rule.no_target is not None and rule.no_target != (not target):
                continue
            if rule.no_actor is not None and rule.no_actor == any(role.role.endswith("1") for role in roles):
                continue
            if rule.words is not None and not self._has_words(rule.words, lemma_set, lowered):
                continue
            if rule.not_words is not None and self._has_words(rule.not_words, lemma_set, lowered):
                continue
            if rule.object_words is not None and not object_lemmas & set(rule.object_words):
                continue
            if rule.not_object_words is not None and object_lemmas & set(rule.not_object_words):
                continue
            if rule.casualties is not None and rule.casualties != casualties:
                continue
            if rule.object_place is not None and rule.object_place != object_place:
                continue
            if rule.nominal is not None and rule.nominal != nominal:
                continue
            if rule.after_words is not None and not after_lemmas & set(rule.after_words):
                continue
            return rule.event_type, rule.sub_event_type, f"rule:{trigger.id}#{number + 1}"
        return trigger.event_type, trigger.sub_event_type, None

    def _places(self, body: str, place_mentions: list[EntityMention], anchor: TriggerHit,
                trigger: TriggerEntry) -> tuple[list[EntityMention], str]:
        """The place(s) of the event: the place the text says the event is coded at, else the
        first place after the trigger (else the nearest before), leaving aside places in brackets
        after another (administrative units, other spellings) and the country; a listed series
        of places for a trigger that splits by place."""
        places, rule = self._places_as_read(body, place_mentions, anchor, trigger)
        coded = next((m for m in place_mentions if self._coded_place(body, m)), None)
        if coded is not None:
            # (an unresolved place standing in at the coded place's point is not it: "(coded as
            # Akabar …) … seized in Tongo Tongo")
            # (unresolved places standing in at one point are told apart by their names: "the area
            # of Inahar (coded as Tedjerit …)")
            def key(mention: EntityMention) -> tuple:
                return mention.entity_id, mention.method, alias_key(mention.text) if mention.method == "unresolved" else ""
            if not any(key(place) == key(coded) for place in places):
                # the analyst says which place the event is coded at: "(coded as Koro at geoprecision
                # 2)", where the text first places it ("45km east of Akabar (coded as Akabar 45km E …)")
                return [next(m for m in place_mentions if key(m) == key(coded))], "location:coded"
        return places, rule

    def _places_as_read(self, body: str, place_mentions: list[EntityMention], anchor: TriggerHit,
                        trigger: TriggerEntry) -> tuple[list[EntityMention], str]:
        if not place_mentions:
            return [], ""
        primary = [m for m in place_mentions if not _in_brackets(body, m, place_mentions) and m.place_scope != "country"]
        if not primary:
            primary = [m for m in place_mentions if m.place_scope != "country"] or list(place_mentions)
        # "the subprefect of Ouinerden at his home in Gossi": the seat of an office is no scene
        # while the sentence names another place
        # (and "the towns of Dioura and Nampala, south of Timbuktu": a place that locates the one
        # before it is no scene)
        for aside in (lambda m: self._office_seat(body, m), lambda m: self._locates_another(body, m, place_mentions)):
            set_aside = [m for m in primary if aside(m)]
            if set_aside and len(set_aside) < len(primary):
                primary = [m for m in primary if m not in set_aside]
        after = [m for m in primary if m.start >= anchor.end]
        before = [m for m in primary if m.end <= anchor.start]
        if after:
            first = after[0]
            rule = "location:after-trigger"
        else:
            first = (before or primary)[-1]
            rule = "location:before-trigger"
        inner = self._settlement_inside(first, [m for m in primary if m.start >= first.end])
        if inner is not None:
            # "a landmine in the Timbuktu region between Dire and Ber": the region, then where in it
            first, rule = inner, "location:inside-region"
        gap_before = body[max(0, first.start - 12):first.start].lower()
        if re.search(r"(?<!\w)(?:%s)\s+(?:the\s+)?$" % self.cues.between_alternation, gap_before):
            return [first], "location:between"
        if not (self.settings.split_places and trigger.one_event_per_place):
            return [first], rule
        series = [first]
        candidates = [m for m in primary if m.start >= first.end]
        for mention in candidates:
            gap = body[series[-1].end:mention.start]
            if re.fullmatch(r"\s*(?:,|and|et|&|,\s*and|,\s*et)\s*", gap) and mention.entity_id not in {m.entity_id for m in series}:
                series.append(mention)
            else:
                break
        if len(series) > 1:
            return series, "location:series"
        return [first], rule

    def _crowd_place(self, body: str, actor_mentions: Sequence[EntityMention], place_mentions: Sequence[EntityMention],
                     anchor: TriggerHit) -> Optional[EntityMention]:
        """The place a crowd before the trigger is said to be in ("residents in Nioro"), else None
        (not where it came from: "villagers from Boundo attacked fishermen near Ngara")."""
        actors = self.gazetteer.actors
        for mention in actor_mentions:
            actor = actors.get(mention.entity_id)
            if mention.end > anchor.start or actor is None or actor.kind not in _CROWD_KINDS:
                continue
            place = next((p for p in place_mentions if p.start >= mention.end and p.end <= anchor.start
                          and re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?", body[mention.end:p.start], re.IGNORECASE)), None)
            if place is not None and place.place_scope != "country":
                return place
        return None

    @staticmethod
    def _locates_another(body: str, mention: EntityMention, place_mentions: Sequence[EntityMention]) -> bool:
        """True for a place after a bearing that follows another place: "Dioura, south of
        Timbuktu", "Aghlal, 50km east of Timbuktu" (Timbuktu); or for one that owns the place
        after it: "Kidal's Anefis area" (Kidal)."""
        if re.match(r"['’]s?\s+", body[mention.end:mention.end + 3]) and any(
                re.fullmatch(r"['’]s?\s+", body[mention.end:other.start]) for other in place_mentions if other is not mention):
            return True
        bearing = _BEARING_OF.search(body, max(0, mention.start - 40), mention.start)
        return bearing is not None and any(0 <= bearing.start() - other.end <= 2 for other in place_mentions if other is not mention)

    def _coded_place(self, body: str, mention: EntityMention) -> bool:
        """True for a place the text names as the one the event is coded at ("coded as Koro")."""
        pattern = self.cues.coded_place_ending
        return pattern is not None and pattern.search(body[max(0, mention.start - 40):mention.start].lower()) is not None

    def _names_a_result(self, body: str, hit: TriggerHit, place_mentions: Sequence[EntityMention]) -> bool:
        """True for a participle used as an adjective before a place ("in recaptured Kidal",
        "the destroyed village of Boni"): it names the state the act left, not the act."""
        word = body[hit.start:hit.end]
        if not word.lower().endswith("ed") or " " in word:
            return False
        before = body[max(0, hit.start - 12):hit.start].lower()
        if not re.search(r"(?<!\w)(?:in|of|at|from|into|the|a|an)\s+$", before):
            return False
        return any(0 < m.start - hit.end <= 1 or body[hit.end:m.start].strip().lower() in ("village of", "town of", "city of")
                   for m in place_mentions)

    def _office_seat(self, body: str, mention: EntityMention) -> bool:
        """True for a place named as the seat of an office: "the mayor of Douekire"."""
        before = _words_before(body, mention.start, 30)
        return any(before.endswith(f"{title} of") or before.endswith(f"{title} de") for title in self.cues.office_titles)

    def _settlement_inside(self, area: EntityMention, later: Sequence[EntityMention]) -> Optional[EntityMention]:
        """The first settlement named after `area` that lies in it, when `area` is a region or
        a cercle; else None."""
        places = self.gazetteer.places
        outer = places.get(area.entity_id)
        if outer is None or outer.kind not in ("region", "cercle") or area.method == "unresolved":
            return None
        for mention in later:
            inner = places.get(mention.entity_id)
            if inner is None or inner.kind not in SETTLEMENT_KINDS or mention.place_scope != "point":
                continue
            same_region = bool(inner.admin1 and outer.admin1) and alias_key(inner.admin1) == alias_key(outer.admin1)
            if same_region and (outer.kind == "region" or (inner.admin2 and outer.admin2 and alias_key(inner.admin2) == alias_key(outer.admin2))):
                return mention
        return None

    def _undated_act_opener(self, sentence: Sentence, other_hits: Sequence[TriggerHit]) -> bool:
        """True when the sentence opens with a clause of sequence ("After …," "Following …,")
        that tells another act of the lexicon (the caller has found no date in the sentence)."""
        words = text_words(sentence.text)
        if not words or words[0].text.lower() not in self.cues.sequence_openers:
            return False
        comma = sentence.text.find(",")
        if comma < 0:
            return False
        return any(sentence.start <= other.start < sentence.start + comma for other in other_hits)

    def _tells_the_present(self, sentence: Sentence, hit: TriggerHit, body: str) -> bool:
        """True when the trigger's clause is in the present or the future ("continue", "have been
        deployed", "will continue"): such a marker and no past one. A bracketed aside ("the UN
        mission (MINUSMA) also continues") is not a clause of its own."""
        if not body:
            return False
        # the sentence with its brackets blanked (same length, so offsets from its start hold)
        text = re.sub(r"\([^()]*\)", lambda match: " " * len(match.group(0)), body[sentence.start:sentence.end])
        at, until = hit.start - sentence.start, hit.end - sentence.start
        start = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)])
        stop = next((m.start() for m in _CLAUSE_BREAK.finditer(text, until)), len(text))

        def tense_words(clause: str) -> list[str]:
            # words written in capitals are names, not verbs ("IS-GS" is no "is")
            return [word.text for word in text_words(clause) if not clause[word.start:word.end].isupper()]

        sequence = tense_words(text[start:stop])
        markers = self.cues.present_markers | self.cues.past_markers
        if start == 0 and sequence and sequence[0] in self.cues.fronted_prepositions and not set(sequence) & markers:
            # "Alongside near-constant attacks, fighting … will continue": a fronted phrase with no
            # verb of its own takes the tense of the clause it leads into
            following = next((m.start() for m in _CLAUSE_BREAK.finditer(text, stop + 1)), len(text))
            sequence = sequence + tense_words(text[stop + 1:following])
        words = set(sequence)
        if not words & self.cues.past_markers and self._simple_present(sequence):
            return True
        return bool(words & self.cues.present_markers) and not (words & self.cues.past_markers) \
            and not body[hit.start:hit.end].lower().endswith("ed")

    def _simple_present(self, words: Sequence[str]) -> bool:
        """True when a clause says what a subject does now or habitually: a subject pronoun then
        a verb of the third person ("It commands thousands of forces that engage in…"). A
        verb of saying ("he says the army attacked") tells the present of the telling only."""
        for subject, verb in zip(words, words[1:]):
            if subject not in self.cues.present_subjects or len(verb) < 4 or not verb.endswith("s") \
                    or verb.endswith(("ss", "us", "is")) or verb in self.cues.present_markers or verb == "its":
                continue
            stems = {verb[:-1], verb[:-2], verb[:-3] + "y"}
            if stems & (self.cues.reported | self.cues.attribution | self.cues.denied):
                continue
            return True
        return False

    def _date(self, sentence: Sentence, hit: TriggerHit, dates, body: str = "",
              other_hits: Sequence[TriggerHit] = (), sentences: Sequence[Sentence] = (),
              published=None) -> Optional[EventDate]:
        """The date of the trigger's act, and where it came from.

        In order: an expression in the trigger's own clause (`clause`); one fronted at the head
        of the sentence ("On 3 May, …"), else any other in the sentence (`sentence`); a
        "by July" deadline when the sentence gives nothing else; else the story's clock
        (`inherited`), never finer than a month, since the text does not say the day.
        """
        in_sentence = [e for e in dates.expressions if sentence.start <= e.char_start and e.char_end <= sentence.end]
        events = [e for e in in_sentence if e.role == "event"]
        # "In January 2024 … terminated the 2015 Algiers Accord": a date naming a thing does not
        # date the act while the sentence has another, unless the thing is the act itself
        # ("the MNLA's early 2012 capture of Aguelhok")
        def dates_the_act(expression) -> bool:
            return not expression.attributive or 0 <= hit.start - expression.char_end <= 2

        if any(dates_the_act(e) for e in events):
            events = [e for e in events if dates_the_act(e)]
        text = body or ""

        def clause_of(offset: int) -> int:
            if not text:
                return 0
            return len(_CLAUSE_BREAK.findall(text, sentence.start, offset))

        own = clause_of(hit.start)
        same_clause = [e for e in events if clause_of(e.char_start) == own]
        def dated(expression, source: str) -> EventDate:
            # (a date naming the trigger's own act, "following the 2012 coup", dates it)
            if expression.attributive and not 0 <= hit.start - expression.char_end <= 2 and self._follows(text, expression):
                return _after_date(expression, source)
            return _event_date(expression, source)

        if same_clause:
            return dated(min(same_clause, key=lambda e: abs(e.char_start - hit.start)), "clause")
        anchored = self._anchored_date(sentence, hit, dates, text, sentences, clause_of)
        if anchored is not None:
            return anchored
        fronted = [e for e in events if e.char_end <= hit.start and clause_of(e.char_start) == 0]
        if fronted:
            return dated(max(fronted, key=lambda e: e.char_start), "sentence")
        if events:
            # a date in a clause telling another act ("a town JNIM had taken in March 2018")
            # dates that act, not this one
            busy = {clause_of(other.start) for other in other_hits if sentence.start <= other.start < sentence.end}
            free = [e for e in events if clause_of(e.char_start) not in busy]
            if not free and self._tells_the_present(sentence, hit, text):
                return None  # "The CMA continues to clash with IS-GS, a group formed in 2015": an ongoing state
            return dated(min(free or events, key=lambda e: abs(e.char_start - hit.start)), "sentence")
        deadlines = [e for e in in_sentence if e.role == "until"]
        if deadlines:
            return _event_date(min(deadlines, key=lambda e: abs(e.char_start - hit.start)), "sentence")
        present = self._tells_the_present(sentence, hit, text)
        since = [e for e in in_sentence if e.role == "since"]
        if since and present and published is not None:
            # "troops have been deployed since July 2014": from then until the time of writing
            first = min(since, key=lambda e: abs(e.char_start - hit.start))
            return EventDate(start=first.start.isoformat(), end=max(first.end, published).isoformat(),
                             precision="range", text=first.text, source="sentence")
        if present:
            return None  # a state at the time of writing ("attacks also continue"): the story's clock does not date it
        if 0 <= sentence.index < len(dates.in_force) and dates.in_force[sentence.index] is not None:
            clock = dates.in_force[sentence.index]
            # the clock holds for the paragraph that set it, or for a sentence telling what came next
            same_paragraph = bool(text) and "\n" not in text[clock.char_end:sentence.start]
            told_next = bool({word.text for word in text_words(sentence.text)} & self.cues.succession)
            # "After France suspended aid, Bamako banned NGOs": timed after an act the story never
            # dated, the act is known to the clock's year only
            opener = self._undated_act_opener(sentence, other_hits)
            return _inherited_date(clock, (same_paragraph or told_next) and not opener)
        return None

    def _follows(self, body: str, expression) -> bool:
        """True for a date naming an act the trigger's act came after ("the instability that
        followed a March 2012 coup", "in the wake of the May 2021 coup")."""
        before = _words_before(body, expression.char_start, 30)
        for article in ("", " a", " an", " the", " le", " la", " l'", " un", " une"):
            if any(before.endswith(phrase + article) for phrase in self.cues.after_another):
                return True
        return False

    def _anchored_date(self, sentence: Sentence, hit: TriggerHit, dates, body: str,
                       sentences: Sequence[Sentence], clause_of) -> Optional[EventDate]:
        """'founded two days after the independence declaration': the date of the act the story
        told earlier whose words share the head noun's stem, shifted by the offset."""
        if not body or not sentences:
            return None
        own = clause_of(hit.start)
        for match in _ANCHORED_OFFSET.finditer(body, sentence.start, sentence.end):
            if clause_of(match.start()) != own:
                continue
            amount = match.group("amount").lower()
            count = int(amount) if amount.isdigit() else self.cues.number_words.get(amount)
            if count is None:
                continue
            unit = match.group("unit").lower().rstrip("s")
            sign = -1 if match.group("direction").lower() in ("before", "avant") else 1
            size = self.settings.anchor_stem_chars
            head = next((word for word in re.findall(r"[\w'’-]+", match.group("phrase").lower())
                         if len(word) >= size and word[:size] in self.trigger_stems), None)
            if head is None:
                continue
            stem = head[:self.settings.anchor_stem_chars]
            earlier = [e for e in dates.expressions if e.role == "event" and e.char_end <= sentence.start
                       and e.precision in ("day", "month") and 0 <= e.sentence_index < len(sentences)]
            for expression in reversed(earlier):
                told = sentences[expression.sentence_index]
                if not re.search(rf"\b{re.escape(stem)}", body[told.start:told.end], re.IGNORECASE):
                    continue
                if unit in ("day", "jour") and expression.precision == "day":
                    start = expression.start + timedelta(days=sign * count)
                    return EventDate(start=start.isoformat(), end=start.isoformat(), precision="day",
                                     text=match.group(0).strip(), source="clause")
                if unit in ("week", "semaine"):
                    start = expression.start + timedelta(weeks=sign * count)
                    return EventDate(start=start.isoformat(), end=(start + timedelta(days=6)).isoformat(),
                                     precision="week", text=match.group(0).strip(), source="clause")
                return None
        return None

    def _status(self, lemma_set: set[str]) -> str:
        if lemma_set & self.cues.denied:
            return "denied"
        if lemma_set & self.cues.reported:
            return "reported"
        return "asserted"

    # -- merging --------------------------------------------------------------------------

    def _merge(self, drafts: list[_Draft], document: Document, sentences: list[Sentence],
               mentions: Sequence[EntityMention], dates: "DateAnalysisLike") -> list[_Draft]:
        """One event told in adjacent sentences becomes one event whose evidence covers both;
        a following sentence that only gives the toll ("No casualties were reported.") joins it."""
        by_index = {sentence.index: sentence for sentence in sentences}
        drafts = self._merge_responses(drafts, document, by_index, mentions, dates)
        merged: list[_Draft] = []
        for draft in drafts:
            previous = merged[-1] if merged else None
            if previous is not None and self._same_event(previous, draft, by_index, document.body):
                if self._retells(draft, document.body) and not draft.attribution:
                    # ("The attack came ahead of a visit by the Prime Minister.": a sentence that
                    # opens with the act already told names no side of it)
                    draft = replace(draft, roles=[role for role in draft.roles
                                                  if role.implied or role.actor_id in previous.named_ids()])
                combined = self._combine(previous, draft)
                for index in range(previous.sentence_last + 1, draft.sentence_first):
                    # (a toll told between the two tellings: "… attacked a gendarmerie station. No
                    # casualties reported. The militants ransacked the facility.")
                    between = by_index.get(index)
                    count = find_fatalities(between.text, self.cues) if between is not None else None
                    if count is not None:
                        combined.fatalities = _combine_fatalities(combined.fatalities, count, False, self.cues.coded_count)
                        combined.rules.append("fatalities:between-sentences")
                merged[-1] = combined
            else:
                merged.append(draft)
        for draft in merged:
            last = by_index.get(draft.sentence_last)
            agent = self._attributed_actor(last, mentions, draft, after=draft.anchor.end) if last is not None else None
            if agent is not None:
                # ("planted by Ansar Dine (JNIM) militants": the group named with it is associated)
                self._attribute(draft, agent, self._partners(agent, mentions, document.body))
                continue
            # "French and Malian forces carried out an operation near Serma, 15 militants killed":
            # the side whose operation the sentence opens with, a clause before the toll, acted
            first = by_index.get(draft.sentence_first)
            if first is None or draft.event_type in _CROWD_TYPES \
                    or not all(self._is_weak(role) for role in draft.roles if role.role == "actor1") \
                    or "," not in document.body[first.start:draft.anchor.start]:
                continue
            opening = [m for m in mentions if m.kind == "actor" and first.start <= m.start and m.end <= draft.anchor.start
                       and m.entity_id not in self.generic_ids]
            acted_upon = {role.actor_id for role in draft.roles if role.role in ("actor2", "assoc_actor_2")}
            side_end = opening[0].end if opening else 0
            # (the head noun after the name is the side's: "Katiba Macina militants interrogated …")
            head = next((m for m in mentions if m.kind == "actor" and m.start >= side_end
                         and m.entity_id in self.generic_ids and not document.body[side_end:m.start].strip()), None)
            if head is not None:
                side_end = head.end
            between = _gap_words(document.body[side_end:draft.anchor.start].lower()) if opening else []
            # ("the army dismantled a militant base …, militants were killed": the verb right after
            # the side is its act, as a light verb anywhere before the toll is; an adverb may come first)
            verb = next((word for word in between if not word.endswith("ly")), "")
            acted = bool(set(between) & self.cues.light_verbs) or bool(
                _PAST.fullmatch(verb) and verb not in self.cues.all_outcomes)
            if opening and opening[0].entity_id not in acted_upon \
                    and actor_class(self.gazetteer.actors[opening[0].entity_id]) & {"armed"} and acted:
                self._attribute(draft, opening[0], self._partners(opening[0], mentions, document.body))
                draft.rules.append("roles:opening-clause")
        for draft in merged:
            own = by_index.get(draft.sentence_last)
            agent = self._later_clause_agent(draft, own, mentions, document.body) if own is not None else None
            if agent is not None:
                self._attribute(draft, agent, self._partners(agent, mentions, document.body))
                draft.rules.append("roles:later-clause")
        with_events = {index for d in merged for index in range(d.sentence_first, d.sentence_last + 1)}
        for draft in merged:
            # "French forces conducted an operation near Menaka. Three militants were killed.":
            # the toll's actor is the group the sentence before, which told no event, says acted
            before = by_index.get(draft.sentence_first - 1)
            if before is None or before.index in with_events or before.is_heading or before.is_excluded:
                continue
            if not _same_line(document.body, before, by_index[draft.sentence_first]):
                continue
            agent = self._leading_actor(before, mentions, draft)
            if agent is not None:
                self._attribute(draft, agent, self._partners(agent, mentions, document.body))
                draft.rules.append("roles:previous-sentence")
                draft.sentence_first, draft.start = before.index, before.start
                if draft.place is None:
                    places = [m for m in mentions if m.kind == "place" and before.start <= m.start and m.end <= before.end]
                    if places:
                        draft.place, draft.place_rule = places[0], "location:previous-sentence"
                with_events.add(before.index)
        if self.settings.merge_max_sentence_gap > 0:
            with_events = {index for d in merged for index in range(d.sentence_first, d.sentence_last + 1)}
            for draft in merged:
                # a toll, then a claim, may follow in turn ("No casualties were reported. The device was planted by JNIM.")
                for _step in range(self.settings.trailing_sentences):
                    following = by_index.get(draft.sentence_last + 1)
                    if following is None or following.index in with_events or following.is_excluded or following.is_heading:
                        break
                    # only the first sentence after the act gives its toll; later ones may only name who did it
                    count = find_fatalities(following.text, self.cues) if _step == 0 else None
                    agent = self._attributed_actor(following, mentions, draft)
                    if count is None and agent is None:
                        # "…struck an IED. Material damage was reported. The device was likely planted
                        # by JNIM.": a claim may come after a sentence that tells no act of its own
                        later = by_index.get(following.index + 1)
                        if later is None or later.index in with_events or later.is_excluded or later.is_heading:
                            break
                        agent = self._attributed_actor(later, mentions, draft)
                        if agent is None:
                            break
                        following = later
                    if count is not None:
                        draft.fatalities = _combine_fatalities(draft.fatalities, count, False, self.cues.coded_count)
                        draft.rules.append("fatalities:following-sentence")
                        self._take_victims(draft, following, mentions)
                    if agent is not None:
                        self._attribute(draft, agent, self._partners(agent, mentions, document.body))
                    draft.sentence_last = following.index
                    draft.end = following.end
        return self._without_restated_headings(merged, by_index)

    def _without_restated_headings(self, drafts: list[_Draft], by_index: dict[int, Sentence]) -> list[_Draft]:
        """A headline that tells the event its first paragraphs tell again ("Mali: attack on army
        post kills ten" over "On 3 June, gunmen attacked the post of Boni … ten soldiers were
        killed") is not a second event: the telling below it, of the same type and naming every
        side the headline names, is the event, and records the headline it absorbed."""
        kept: list[_Draft] = []
        for draft in drafts:
            heading = by_index.get(draft.sentence_first)
            if heading is not None and heading.is_heading and draft.sentence_first == draft.sentence_last:
                named = draft.named_ids() - self.generic_ids
                told = next((other for other in drafts if other is not draft
                             and 0 < other.sentence_first - draft.sentence_last <= self.settings.heading_restated_sentences
                             and other.event_type == draft.event_type and named <= other.named_ids()), None)
                if told is not None:
                    told.rules.append(f"restated:heading {draft.sentence_first}")
                    continue
            kept.append(draft)
        return kept

    def _merge_responses(self, drafts: list[_Draft], document: Document, by_index: dict[int, Sentence],
                         mentions: Sequence[EntityMention], dates: "DateAnalysisLike") -> list[_Draft]:
        """"Fulani militiamen attacked the village of Sango. Dan Na Ambassagou militiamen responded
        to the attack.": the side that fought back in the next sentence makes the attack a battle
        with it (ACLED codes one armed clash), in place of the civilians the attack implied."""
        if self._response is None:
            return drafts
        kept: list[_Draft] = []
        absorbed: set[int] = set()
        for position, draft in enumerate(drafts):
            if position in absorbed:
                continue
            kept.append(draft)
            unopposed = draft.event_type == "Battles" and not any(
                role.role == "actor2" and not role.implied for role in draft.roles)
            if draft.event_type not in ("Violence against civilians", "Battles"):
                continue
            acting = {role.actor_id for role in draft.roles if role.role in ("actor1", "assoc_actor_1")}
            own = by_index[draft.sentence_last]
            # "…attacked the prison in Niono, the army repulsed the attack": a later clause (unless the
            # clause before told victims: "…and killed three villagers, Dozos intervened and routed
            # the attackers" is an attack on civilians, and a battle that ACLED codes apart)
            victims = any(role.role == "actor2" and not role.implied for role in draft.roles) and draft.event_type != "Battles"
            responder = None if victims else self._responder(document.body, draft.anchor.end, own.end, mentions, acting)
            same_sentence = responder is not None
            following = by_index.get(draft.sentence_last + 1)
            if not same_sentence:
                if following is None or following.is_heading or not _same_line(document.body, own, following):
                    continue
                if self._dated_apart(draft, following, dates):
                    continue  # "… took Gao in June 2012. The French military intervened in January 2013": another time
                responder = self._responder(document.body, following.start, following.end, mentions, acting)
                if responder is None:
                    continue
            allies = self._coordinated_before(responder, mentions, document.body, acting)
            if draft.event_type == "Battles" and not unopposed:
                # "…ambushed the army near Hombori. Barkhane fighter jets intervened and routed the
                # assailants.": a side that comes to the aid of the side attacked joins it
                named = {role.actor_id for role in draft.roles}
                joining = [m for m in (*allies, responder) if m.entity_id not in named and m.entity_id not in self.generic_ids]
                if not joining:
                    continue
                draft.roles = sorted([*draft.roles, *(_Role(m.entity_id, "assoc_actor_2", m.text, m.alias, m.score) for m in joining)],
                                     key=lambda role: _ROLE_ORDER[role.role])
                draft.rules.append("merged:response-ally")
                if not same_sentence:
                    self._absorb_response(draft, drafts, position, following, absorbed, by_index)
                continue
            kept_roles = [role for role in draft.roles if not (role.role == "actor2" and role.implied)]
            kept_roles = [replace(role, role="assoc_actor_2") if role.role == "actor2" else role for role in kept_roles]
            fighting = _Role(responder.entity_id, "actor2", responder.text, responder.alias, responder.score)
            militia = self._identity_militia(kept_roles, 2) if responder.entity_id in self.generic_ids else None
            responder_kind = self.gazetteer.actors[responder.entity_id].kind if responder.entity_id in self.gazetteer.actors else ""
            if militia is not None:
                # "the Dogon village of Sango … Village self-defense responded": the Dogon militia
                identity, militia_id = militia
                kept_roles = [role for role in kept_roles if role is not identity]
                fighting = replace(fighting, actor_id=militia_id)
            elif responder_kind == "civilians" and "armed_villagers" in self.implied_ids:
                # "…were fought off by residents": residents who fight are a communal militia
                fighting = replace(fighting, actor_id=self.implied_ids["armed_villagers"])
            fighting_allies = [_Role(m.entity_id, "assoc_actor_2", m.text, m.alias, m.score) for m in allies
                               if m.entity_id not in {role.actor_id for role in kept_roles} | {fighting.actor_id}]
            draft.roles = sorted([*kept_roles, fighting, *fighting_allies], key=lambda role: _ROLE_ORDER[role.role])
            draft.event_type, draft.sub_event_type = "Battles", "Armed clash"
            draft.rules = [rule for rule in draft.rules if not rule.startswith("implied:actor2=")] + ["merged:response"]
            if not same_sentence:
                self._absorb_response(draft, drafts, position, following, absorbed, by_index)
        return kept

    @staticmethod
    def _dated_apart(draft: _Draft, sentence: Sentence, dates: "DateAnalysisLike") -> bool:
        """True when `sentence` dates an act at a time other than `draft`'s."""
        told = (draft.date.start, draft.date.end) if draft.date is not None else None
        for expression in dates.expressions:
            if expression.role == "event" and sentence.start <= expression.char_start and expression.char_end <= sentence.end:
                date = _event_date(expression, "sentence")
                if (date.start, date.end) != told:
                    return True
        return False

    def _absorb_response(self, draft: _Draft, drafts: list[_Draft], position: int, following: Sentence,
                         absorbed: set[int], by_index: dict[int, Sentence]) -> None:
        """The sentence after `draft` that told the response, and the toll told right after it,
        are `draft`'s: the drafts they gave are marked `absorbed`."""
        for later in range(position + 1, len(drafts)):
            if drafts[later].sentence_first == following.index:
                absorbed.add(later)
                draft.fatalities = _combine_fatalities(draft.fatalities, drafts[later].fatalities, False, self.cues.coded_count)
        draft.sentence_last, draft.end = following.index, following.end
        # the toll told next ("One Dogon man was killed.", "One was injured and the assailants
        # seized livestock.") is the battle's
        toll = by_index.get(following.index + 1)
        told = [later for later in range(position + 1, len(drafts)) if toll is not None and drafts[later].sentence_first == toll.index]
        if told and all((drafts[later].anchor.trigger.outcome or drafts[later].fatalities is not None or drafts[later].casualties)
                        and drafts[later].sentence_last == toll.index
                        and not any(self.gazetteer.actors[role.actor_id].kind in _ARMED_KINDS
                                    for role in drafts[later].roles if not role.implied and role.actor_id in self.gazetteer.actors
                                    and role.actor_id not in self.generic_ids and role.actor_id not in {r.actor_id for r in draft.roles})
                        for later in told):
            for later in told:
                absorbed.add(later)
                draft.fatalities = _combine_fatalities(draft.fatalities, drafts[later].fatalities, False, self.cues.coded_count)
            draft.sentence_last, draft.end = toll.index, toll.end

    def _coordinated_before(self, side: EntityMention, mentions: Sequence[EntityMention], body: str,
                            acting: set[str]) -> list[EntityMention]:
        """The named actors joined by "and" or a comma right before `side` ("Dan Na Ambassagou
        militiamen and Malian soldiers intervened": Dan Na Ambassagou, before the soldiers)."""
        joined: list[EntityMention] = []
        last = side
        for mention in sorted((m for m in mentions if m.kind == "actor" and m.end <= side.start), key=lambda m: -m.start):
            if _is_coordination(body[mention.end:last.start], self.cues) != "coord":
                break
            if mention.entity_id not in self.generic_ids and mention.entity_id not in acting:
                joined.insert(0, mention)
            last = mention
        return joined

    def _responder(self, body: str, start: int, end: int, mentions: Sequence[EntityMention],
                   acting: set[str]) -> Optional[EntityMention]:
        """The side that fights back in body[start:end] ("Dozo militiamen repelled the attack"):
        the last actor named before a response verb there, other than the attackers."""
        text_of = lambda first, last: body[first:last] if last > first else ""  # noqa: E731
        passive = self._response_passive.search(body, start, end) if self._response_passive is not None else None
        if passive is not None:
            # "…were fought off by residents": the agent right after the verb
            agents = [m for m in mentions if m.kind == "actor" and m.entity_id not in acting and m.start >= passive.end()
                      and m.end <= end and re.fullmatch(r"\s+(?:(?:the|a|an|local|armed)\s+)*", text_of(passive.end(), m.start))]
            if agents:
                return agents[0]
        verb = self._response.search(body, start, end)
        if verb is None:
            return None
        subjects = [m for m in mentions if m.kind == "actor" and start <= m.start
                    and m.end <= verb.start() and m.entity_id not in acting]
        subjects = drop_generic_modifiers(subjects, text_of, self.generic_ids, self.group_ids, self.cues.head_after_links)
        if subjects and re.search(r"\b(?:who|which|qui)\b", text_of(subjects[-1].end, verb.start()).lower()):
            return None  # "the violence was stopped by soldiers who intervened": the side is no subject of the main clause
        return subjects[-1] if subjects else None

    def _identity_militia(self, roles: Sequence[_Role], side: int) -> Optional[tuple[_Role, str]]:
        """The identity group of a side that has a militia of its own, and that militia's id (not
        an occupation's: miners who fight the youths of a village are not the miners' militia)."""
        for role in roles:
            actor = self.gazetteer.actors.get(role.actor_id)
            if role.role.endswith(str(side)) and actor is not None and actor.militia in self.gazetteer.actors \
                    and actor.kind != "social group":
                return role, actor.militia
        return None

    def _claims(self, text: str) -> bool:
        """True when `text` blames someone for an act or tells a claim of it, unless the first
        such word is denied ("No group has claimed responsibility", "nobody claimed it")."""
        words = text_words(text)
        for index, word in enumerate(words):
            if word.text in self.cues.attribution or lemma(word.text, self.language) in self.cues.attribution:
                return not {before.text for before in words[max(0, index - 3):index]} & self.cues.negation
        return False

    def _attributed_actor(self, sentence: Sentence, mentions: list[EntityMention], draft: _Draft,
                          after: int = 0) -> Optional[EntityMention]:
        """The named actor a sentence blames for the act before it, when that act's actor1 was
        implied or generic ("…unknown gunmen kidnapped seven diplomats. MUJAO claimed
        responsibility."; "…struck an IED, the IED was likely planted by JNIM militants").
        Only the part of `sentence` from offset `after` on is read."""
        if not self._actor1_is_weak(draft):
            return None
        start = max(sentence.start, after)
        cues = [word for word in text_words(sentence.text[start - sentence.start:]) if word.text in self.cues.attribution]
        if not cues:
            # ("…kidnapped by 'unknown gunmen'. The group was later confirmed to be Ansar Dine.")
            return next((m for m in mentions if m.kind == "actor" and start <= m.start and m.end <= sentence.end
                         and m.entity_id not in self.generic_ids and actor_class(self.gazetteer.actors[m.entity_id]) & {"armed"}
                         and _IDENTIFIED_AS.search(sentence.text[:m.start - sentence.start])), None)
        # the side the act was done to is not the one blamed for it ("an IED exploded near an army
        # post, the device was likely planted by JNIM militants")
        acted_upon = {role.actor_id for role in draft.roles if role.role in ("actor2", "assoc_actor_2")}
        # (nor a side named in what someone is accused of: "whom they suspected of collaborating
        # with the MNLA")
        # (a generic side other than the unknown one names more than the implied attackers do:
        # "the explosive was suspected of being planted by Islamist militants")
        named = [m for m in mentions if m.kind == "actor" and start <= m.start and m.end <= sentence.end
                 and (m.entity_id not in self.generic_ids or (m.entity_id != self.unknown_attackers
                      and not any(role.actor_id == m.entity_id for role in draft.roles)))
                 and m.entity_id not in acted_upon
                 and actor_class(self.gazetteer.actors[m.entity_id]) & {"armed"}
                 and not self._in_accusation(sentence, m)]
        if not named:
            return None
        cue_at = start + cues[0].start
        if not self._claims(sentence.text[:cue_at - sentence.start + len(cues[0].text)]):
            return None  # a claim denied names nobody ("No group has claimed responsibility and the UN …")
        # the subject just before the cue ("El Mourabitoun claimed responsibility and authorities
        # believe…"), else the agent after it ("planted by JNIM"), else the first named
        subject = [m for m in named if m.end <= cue_at and len(_gap_words(sentence.text[m.end - sentence.start:cue_at - sentence.start])) <= 2]
        if subject:
            return subject[-1]
        agent = [m for m in named if m.start >= cue_at and re.search(r"\b(?:by|to|par)\b", sentence.text[cue_at - sentence.start:m.start - sentence.start])]
        return agent[0] if agent else named[0]

    def _later_clause_agent(self, draft: _Draft, own: Sentence, mentions: Sequence[EntityMention],
                            body: str) -> Optional[EntityMention]:
        """"two villagers received 40 lashes after Islamist extremists convicted them": an act
        told passively with no agent was done by the one armed group a later clause of its
        sentence names as doing something, not one acted upon, nor a state's or foreign force
        ("…near Boni, where MINUSMA patrols"); else None."""
        if "roles:passive" not in draft.rules or draft.event_type in _CROWD_TYPES \
                or not all(role.implied for role in draft.roles if role.role == "actor1"):
            return None
        acted_upon = {role.actor_id for role in draft.roles if not role.role.endswith("1")}
        later = [m for m in mentions if m.kind == "actor" and draft.anchor.end <= m.start and m.end <= own.end
                 and m.entity_id != self.unknown_attackers and m.entity_id in self.gazetteer.actors
                 and (self.gazetteer.actors[m.entity_id].kind in _NON_STATE_GROUP_KINDS or self._acts_in_time_clause(m, own, body))]
        if len({m.entity_id for m in later}) != 1 or later[0].entity_id in acted_upon:
            return None
        group = later[0]
        # the group is the subject of the clause's verb, its head noun read with it, or the agent
        # of a passive one (not "targeting MNLA members", "under the control of the MNLA")
        after = [word for word in _gap_words(body[group.end:own.end].lower()) if not _is_adverb(word)]
        if after and _singular(after[0]) in self.generic_nouns:
            after = after[1:]
        acts = bool(after) and after[0] not in self.cues.passive_aux and (
            _PAST.fullmatch(after[0]) is not None or after[0] in self.cues.light_verbs or after[0] in self.cues.attribution)
        before = [word for word in _gap_words(_words_before(body, group.start, 30, own.start)) if word not in self.cues.reported]
        agent_of_passive = before[-1:] == ["by"] and not _HELD_BY.search(body, max(own.start, group.start - 40), group.start)
        return group if acts or agent_of_passive else None

    def _acts_in_time_clause(self, mention: EntityMention, own: Sentence, body: str) -> bool:
        """True for an armed side, a state's or foreign force too, that opens a clause of time and
        acts in the past: "ten jihadists were killed when French special forces intercepted two
        vehicles" (not "near Boni, where MINUSMA patrols")."""
        opening = _gap_words(_words_before(body, mention.start, 12, own.start))[-1:]
        verb = (_gap_words(body[mention.end:mention.end + 20].lower()) or [""])[0]
        return "armed" in actor_class(self.gazetteer.actors[mention.entity_id]) \
            and opening in (["when"], ["as"], ["after"]) and _PAST.fullmatch(verb) is not None

    def _leading_actor(self, sentence: Sentence, mentions: Sequence[EntityMention], draft: _Draft) -> Optional[EntityMention]:
        """The named armed group a trigger-less sentence opens with ("French forces conducted…"),
        for an event after it whose actor1 is implied or generic; else None."""
        if not self._toll_without_actor1(draft) and not (
                draft.anchor.trigger.event_type in _VIOLENT_TYPES and all(role.implied for role in draft.roles if role.role == "actor1")):
            # only a bare toll ("Three militants were killed.") or a violent act told with no side
            # acting ("The driver was severely beaten.") borrows its actor
            return None
        if any(role.role == "actor1" and not role.implied for role in draft.roles):
            return None  # (a side the toll's own sentence names, generic or not, is not replaced)
        # ("Despite … military operations, attacks increased": a side in the phrase the sentence
        # opens with is not the one it tells acted)
        comma = _opening_phrase_comma(sentence.text, self.cues.phrase_openers)
        start = sentence.start if comma is None else (sentence.start + comma if comma >= 0 else sentence.end)
        named = [m for m in mentions if m.kind == "actor" and start <= m.start and m.end <= sentence.end
                 and m.entity_id not in self.generic_ids]
        if not named:
            return None
        actor = self.gazetteer.actors[named[0].entity_id]
        if actor.person is not None or not actor_class(actor) & {"armed"}:
            return None
        acted_upon = {role.actor_id for role in draft.roles if role.role in ("actor2", "assoc_actor_2")}
        # named again in the toll's own sentence ("CMA President … was assassinated"), it is the
        # victims' side, not the one that acted
        in_toll = {m.entity_id for m in mentions if m.kind == "actor" and draft.start <= m.start and m.end <= draft.end}
        return None if named[0].entity_id in acted_upon | in_toll else named[0]

    def _is_weak(self, role: _Role) -> bool:
        """A role the text did not fill with a named actor: implied, or a generic one ("gunmen")."""
        return role.implied or role.actor_id in self.generic_ids

    def _actor1_is_weak(self, draft: _Draft) -> bool:
        # (the crowd of a protest or riot is its side, not one a claim may name instead)
        return draft.event_type not in _CROWD_TYPES and any(
            role.role == "actor1" and self._is_weak(role) for role in draft.roles)

    def _toll_without_actor1(self, draft: _Draft) -> bool:
        """True for a toll ("Three militants were killed.") whose text named no actor1: none,
        an implied one or a generic one."""
        return draft.anchor.trigger.outcome and all(self._is_weak(role) for role in draft.roles if role.role == "actor1")

    def _take_victims(self, draft: _Draft, toll: Sentence, mentions: list[EntityMention]) -> None:
        """A toll sentence after a violent act with no stated target names who suffered it
        ("…was struck by an IED. 5 soldiers dead."): its casualty subject becomes actor2."""
        if draft.event_type not in _VIOLENT_TYPES or any(role.role == "actor2" and not role.implied for role in draft.roles):
            return
        in_toll = [m for m in mentions if m.kind == "actor" and toll.start <= m.start and m.end <= toll.end]
        acting = {role.actor_id for role in draft.roles if role.role.endswith("1")}
        text_of = lambda start, end: toll.text[start - toll.start:end - toll.start] if end > start else ""  # noqa: E731
        victim = self._casualty_subject(in_toll, text_of, toll.end, acting)
        if victim is None:
            return
        kept = [role for role in draft.roles if not role.role.endswith("2")]
        self._give_role(draft, victim, "actor2", kept, "roles:toll-victims")

    def _attribute(self, draft: _Draft, agent: EntityMention, partners: Sequence[EntityMention] = ()) -> None:
        """Make the blamed group actor1 in place of an implied or generic one; `partners` named
        with it ("French and Malian forces") are associated with it."""
        kept = [role for role in draft.roles
                if not (role.role == "actor1" and self._is_weak(role)) and role.actor_id != agent.entity_id]
        taken = {role.actor_id for role in kept} | {agent.entity_id}
        year = int(draft.date.start[:4]) if draft.date else None
        side = [_Role(agent.entity_id, "actor1", agent.text, agent.alias, agent.score)]
        for partner in partners:
            if partner.entity_id not in taken:
                taken.add(partner.entity_id)
                side.append(_Role(partner.entity_id, "assoc_actor_1", partner.text, partner.alias, partner.score))
        # (promoted together: "Ansar Dine (JNIM) militants" makes JNIM act, Ansar Dine associated)
        draft.roles = sorted(self._promote_members(side, year) + kept, key=lambda item: _ROLE_ORDER[item.role])
        draft.rules.append("roles:attribution")

    def _partners(self, agent: EntityMention, mentions: Sequence[EntityMention], body: str) -> list[EntityMention]:
        """The named actors coordinated or associated right after `agent` ("French and Malian
        forces": the Malian forces after the French; "the Malian army supported by French forces")."""
        partners: list[EntityMention] = []
        last = agent
        for mention in sorted((m for m in mentions if m.kind == "actor" and m.start >= agent.end), key=lambda m: m.start):
            if _is_coordination(body[last.end:mention.start], self.cues) not in ("coord", "assoc"):
                break
            if mention.entity_id not in self.generic_ids:
                partners.append(mention)
            last = mention
        return partners

    def _give_role(self, draft: _Draft, mention: EntityMention, role: str, kept: list[_Role], rule: str) -> None:
        """`draft`'s roles become `kept` plus `mention` in `role` (promoted to its parent group, if any)."""
        year = int(draft.date.start[:4]) if draft.date else None
        given = self._promote_members([_Role(mention.entity_id, role, mention.text, mention.alias, mention.score)], year)
        draft.roles = sorted(given + kept, key=lambda item: _ROLE_ORDER[item.role])
        draft.rules.append(rule)

    def _same_event(self, first: _Draft, second: _Draft, sentences: dict[int, Sentence], body: str = "") -> bool:
        gap = second.sentence_first - first.sentence_last
        limit = self.settings.merge_max_sentence_gap
        # (the second telling opens with the act as one told already, or claims it)
        retold = bool(body) and (self._retells(second, body) or self._claims_told_act(second, body))
        # (or with the side as one told: "The assailants, riding motorbikes, stormed the post")
        anaphoric = retold or (bool(body) and self._same_side_again(second, body))
        if body and self.settings.merge_max_sentence_gap > 0 and anaphoric:
            limit = max(limit, self.settings.retelling_max_sentence_gap)
        if gap < 1 or gap > limit or first.split or second.split:
            return False
        if any(sentences.get(index) is not None and sentences[index].is_heading
               for index in range(first.sentence_last + 1, second.sentence_first)):
            return False
        last, following = sentences.get(first.sentence_last), sentences.get(second.sentence_first)
        if body and last is not None and following is not None and not _same_line(body, last, following) and not anaphoric \
                and ((second.named_ids() - first.named_ids() - self.generic_ids)
                     or (first.code_hit.trigger.id != second.code_hit.trigger.id and not second.anchor.trigger.outcome)):
            # a new paragraph that names sides of its own, or tells an act of another kind ("…
            # murdered members of Ag Gamou's family." ¶ "A campaign of airstrikes forced …"),
            # tells its own story
            return False
        if first.place is not None and second.place is not None and first.place.entity_id != second.place.entity_id \
                and not (anaphoric and (self._holds(first.place, second.place) or self._holds(second.place, first.place))):
            # (the act retold, placed in the country or region that holds the other telling's
            # place, is told at no other place: "an attack on a convoy in northern Mali. The attack
            # took place near Gao.")
            return False
        if first.date is not None and second.date is not None and second.date.source in ("sentence", "clause") and (
                first.date.start, first.date.end) != (second.date.start, second.date.end):
            return False
        if second.code_hit.label and first.code_hit.label:
            return False
        unknown = self.unknown_attackers
        if second.attribution and any(role.role == "actor1" and (role.implied or role.actor_id == unknown) for role in first.roles):
            return True  # "The device was planted by JNIM.": who did the act just told
        if retold:
            # "The attack caused material damage.", "JNIM claimed the attack.": the act a sentence
            # opens with, or a claim names, as one already told is the one just told
            return True
        # property seized or burnt in the attack just told is part of that attack (ACLED codes one event)
        looted_in_attack = (first.event_type in _VIOLENT_TYPES and second.sub_event_type == "Looting/property destruction")
        related = (looted_in_attack or first.event_type == second.event_type or first.anchor.trigger.outcome
                   or second.anchor.trigger.outcome
                   or second.code_hit.label or first.code_hit.label
                   or not (second.named_ids() - self.generic_ids))
        if not related:
            return False
        # (the people victims are of name no new side: "…clashed with Dogon militiamen. Three
        # Dogon were wounded.")
        new_named = second.named_ids() - first.named_ids() - self.generic_ids - self.group_ids
        same_type = first.event_type == second.event_type
        # ("… staged a demonstration. Security forces intervened …, demonstrators responded by
        # throwing stones": the force handling a crowd is no new story, a protest that turned
        # violent is one event)
        crowd = first.event_type in _CROWD_TYPES and second.event_type in _CROWD_TYPES
        return same_type or crowd or not new_named or not (first.named_ids() - self.generic_ids)

    def _holds(self, outer: EntityMention, inner: EntityMention) -> bool:
        """True when `outer` is a country or region mention whose land holds `inner`'s place."""
        places = self.gazetteer.places
        big, small = places.get(outer.entity_id), places.get(inner.entity_id)
        if big is None or small is None or big.id == small.id or outer.method == "unresolved":
            return False
        if big.kind == "country":
            return small.kind != "country" and small.country == big.country
        return big.kind == "region" and small.kind != "region" and small.country == big.country \
            and small.admin1 is not None and small.admin1 == big.admin1

    def _same_side_again(self, draft: _Draft, body: str) -> bool:
        """True for a telling whose sentence opens with a side named as one already told, by a
        definite article and a generic noun alone ("The militants ransacked the station"; "The
        assailants, riding motorbikes, stormed the post")."""
        opening = _opening_words(draft, body, first_clause=True)
        return len(opening) >= 2 and opening[0] in _DEFINITE and all(_singular(word) in self.generic_nouns for word in opening[1:])

    @staticmethod
    def _claims_told_act(draft: _Draft, body: str) -> bool:
        """True for a claim of the act as one already told ("JNIM claimed the attack", "A member of
        MUJAO claimed responsibility for the attack")."""
        opening = _opening_words(draft, body)
        return bool(draft.attribution) and bool(opening) and opening[-1] in _DEFINITE

    @staticmethod
    def _retells(draft: _Draft, body: str) -> bool:
        """True for a telling that opens its sentence with the act as one already told ("The
        attack …", "This ambush …")."""
        opening = _opening_words(draft, body)
        return len(opening) == 1 and opening[0] in _DEFINITE

    def _combine(self, first: _Draft, second: _Draft) -> _Draft:
        """The first telling codes the event, unless the second is the analyst's heading, the act
        behind an outcome told first, or the means of the act; violence told in either codes it
        over a strategic development told in the other (ACLED's strategic developments are the
        non-violent acts: "killed one civilian and abducted twenty others … nine men were kept
        detained" is an attack, not an arrest)."""
        second_wins = (
            (second.code_hit.label and not first.code_hit.label)
            or (first.code_hit.trigger.outcome and not second.code_hit.trigger.outcome and not first.code_hit.label)
            or (second.code_hit.trigger.priority >= self.settings.means_priority
                and second.code_hit.trigger.priority > first.code_hit.trigger.priority and not first.code_hit.label)
            or (first.event_type == "Strategic developments" and second.event_type in _VIOLENT_TYPES and not first.code_hit.label)
        ) and not (first.event_type in _VIOLENT_TYPES and second.event_type == "Strategic developments"
                   and not second.code_hit.label)
        winner, other = (second, first) if second_wins else (first, second)
        roles = [replace(role) for role in winner.roles]
        unknown = self.unknown_attackers
        if second.attribution and not second_wins and unknown is not None and any(
                role.role == "actor1" and role.actor_id == unknown for role in roles):
            # "…unidentified gunmen opened fire. Jihadist militants were suspected.": the armed
            # side a claim or suspicion names did the act, whatever side its own sentence gave it
            taken = {role.actor_id for role in roles}
            blamed = next((role for role in second.roles if role.actor_id not in taken and role.actor_id != unknown
                           and role.actor_id in self.gazetteer.actors
                           and "armed" in actor_class(self.gazetteer.actors[role.actor_id])), None)
            if blamed is not None:
                roles = [role for role in roles if role.role != "actor1"] + [replace(blamed, role="actor1")]
                second = replace(second, roles=[role for role in second.roles if role.actor_id != blamed.actor_id],
                                 rules=second.rules + ["roles:attribution"])
                other = second
        # ("Residents staged a demonstration. The prefect agreed to the demands.": who answered
        # a crowd with a decision or an agreement is not one of the crowd)
        answered = winner.event_type in _CROWD_TYPES and other.event_type == "Strategic developments"
        for side in ("1", "2"):
            main = f"actor{side}"
            if answered and side == "1":
                continue
            head = next((role for role in roles if role.role == main), None)
            other_head = next((role for role in other.roles if role.role == main), None)
            # ("Youths stormed the MINUSMA base. MINUSMA responded with tear gas": the side acted
            # upon acts in the second telling, and stays where it is)
            opposite_ids = {role.actor_id for role in roles if not role.role.endswith(side)}
            if head is not None and other_head is not None and not other_head.implied \
                    and other_head.actor_id not in opposite_ids and (
                    head.implied or (head.actor_id in self.generic_ids and _repeats(head, other_head))):
                # ("…ambushed Dan Na Ambassagou militiamen. Twelve militiamen were killed.": the
                # generic side of one telling is the named side of the other, by its noun)
                roles = [role for role in roles if role is not head]
                roles.append(replace(other_head))
            present = {(role.actor_id, role.role[-1]) for role in roles}
            named_head = any(r.role == main and not r.implied and r.actor_id not in self.generic_ids for r in roles)
            opposite = {role.actor_id for role in roles if not role.role.endswith(side)}
            named_classes = set().union(*(
                actor_class(self.gazetteer.actors[r.actor_id]) for r in roles
                if r.role.endswith(side) and not r.implied and r.actor_id in self.gazetteer.actors and r.actor_id not in self.generic_ids
            ))
            for role in other.roles:
                if named_head and role.actor_id in self.generic_ids and (
                        role.actor_id not in self.gazetteer.actors
                        or actor_class(self.gazetteer.actors[role.actor_id]) & named_classes
                        or alias_key(role.text) in self.cues.toll_persons):
                    # "the militants" retelling an act of a named group, "two people were killed"
                    # counting either side; not "two civilians were also wounded" after an attack
                    # on a named force
                    continue
                if role.actor_id in opposite:
                    continue  # "…were fought off by residents. One attacker was killed.": the attackers' own dead
                if role.role.endswith(side) and not role.implied and (role.actor_id, side) not in present:
                    has_main = any(r.role == main for r in roles)
                    roles.append(replace(role, role=main if not has_main else f"assoc_actor_{side}"))
                    present.add((role.actor_id, side))
        roles = sorted(roles, key=lambda role: _ROLE_ORDER[role.role])
        reported_second = False
        words = first.words | second.words
        lowered = f"{first.lowered} {second.lowered}"
        casualties = first.casualties or second.casualties
        after = winner.after_words | (second.words if winner is first else frozenset())
        event_type, sub_event_type, code_rule = self._code(winner.code_hit, roles, words, lowered, winner.object_words,
                                                           casualties, winner.object_place, winner.nominal, frozenset(after))
        rules = winner.rules + [rule for rule in other.rules if rule not in winner.rules]
        if code_rule and code_rule not in rules:
            rules.append(code_rule)
        if event_type == "Protests" and self._crowd_hurt_force(other):
            # ("Protesters in Kati demanded … 2 police officers were injured": a crowd that hurt the
            # force handling it, no one else said to have, rioted)
            event_type, sub_event_type = "Riots", "Violent demonstration"
            rules.append("code:crowd-hurt-force")
        # (the more precise of two places, one holding the other)
        place = second.place if first.place is None or (
            second.place is not None and self._holds(first.place, second.place)) else first.place
        combined = _Draft(
            sentence_first=first.sentence_first, sentence_last=second.sentence_last, start=first.start, end=second.end,
            anchor=winner.anchor, code_hit=winner.code_hit, event_type=event_type,
            sub_event_type=sub_event_type, roles=roles,
            place=place, place_rule=first.place_rule if place is first.place else second.place_rule,
            date=first.date or second.date,
            fatalities=_combine_fatalities(first.fatalities, second.fatalities, reported_second, self.cues.coded_count),
            status="denied" if "denied" in (first.status, second.status) else first.status,
            rules=rules + [f"merged:sentences {first.sentence_first}-{second.sentence_last}"],
            merged=first.merged + second.merged + 1, words=words, lowered=lowered,
            object_words=winner.object_words, casualties=casualties, object_place=winner.object_place,
            attribution=first.attribution, nominal=winner.nominal, after_words=frozenset(after),
        )
        return combined

    def _crowd_hurt_force(self, draft: _Draft) -> bool:
        """True for an outcome told of the state's forces alone, by no one named ("two police
        officers were injured"): merged into a protest, the crowd hurt them."""
        # (someone must be hurt: "Police dispersed the protesters" tells an intervention)
        if not draft.code_hit.trigger.outcome or not draft.casualties \
                or any(role.role.endswith("1") and not role.implied for role in draft.roles):
            return False
        hurt = [role for role in draft.roles if role.role.endswith("2")]
        return bool(hurt) and all(self._is_state_force(role.actor_id) and not role.implied for role in hurt)

    # -- the record -----------------------------------------------------------------------

    def _named_as_cause(self, role: _Role, draft: _Draft, body: str) -> bool:
        """True for a side the telling names right after a protest's cause word ("to demand the
        resignation of President Keita", "against the junta"), not one named further on ("…
        claimed the government failed to respect its terms and opened fire")."""
        at = body.find(role.text, draft.start, draft.end) if role.text else -1
        if at < 0:
            return False
        words = body[max(draft.start, at - 40):at].split()
        while words and (words[-1].lower() in _DEFINITE or words[-1][:1].isupper()):
            words = words[:-1]  # (a determiner or a title: "of President Keita", "against the junta")
        tail = " ".join(words).lower()
        return any(tail == cause or tail.endswith(" " + cause) for cause in self.cues.protest_causes)

    def _crowd_roles(self, draft: _Draft, body: str = "", mentions: Sequence[EntityMention] = ()) -> None:
        """The crowd of a riot is rioters, of a protest protesters, whichever word the telling
        that coded the event used ("protesters responded by throwing stones": a riot's rioters);
        the "security forces" that handle the crowd are police. A peaceful protest has no side
        acted upon: what it is for or against is no actor, and a group named as if acted upon
        without such a word before it marched with the crowd ("Students were out in the streets").
        A force the telling names as handling a crowd it did not belong to is acted upon ("a
        sit-in … was dispersed by the police"); a protest broken up by no force named was broken
        up by the police."""
        crowd = {"Protests": "protesters", "Riots": "rioters"}.get(draft.event_type)
        crowd_id = self.implied_ids.get(crowd) if crowd else None
        if crowd_id is None:
            return
        other = {"protesters": "rioters", "rioters": "protesters"}[crowd]
        police_id = self.implied_ids.get("police")
        roles = []
        causes = False
        for role in draft.roles:
            actor = self.gazetteer.actors.get(role.actor_id)
            if self._crowd_control(role.text):
                role = replace(role, actor_id=police_id)
            elif role.role in ("actor1", "assoc_actor_1") and actor is not None and actor.kind == other:
                role = replace(role, actor_id=crowd_id)
            elif role.role in ("actor2", "assoc_actor_2") and actor is not None and actor.kind in (crowd, other):
                # ("workers staged a demonstration against a pay cut imposed on strikers": a crowd
                # named after the act is the crowd itself, and a movement of protesters marches with
                # it, "demonstrators in support of the Movement of June 5"; neither is acted upon)
                role = replace(role, actor_id=crowd_id, role="actor1") if actor.generic else replace(role, role="assoc_actor_1")
            elif draft.event_type == "Protests" and draft.sub_event_type != "Peaceful protest" \
                    and role.role in ("actor2", "assoc_actor_2") and self._named_as_cause(role, draft, body):
                causes = True
                continue  # (what a protest broken up was for or against is no side of it either)
            elif draft.sub_event_type == "Peaceful protest" and role.role in ("actor2", "assoc_actor_2"):
                # (ACLED's definition: "protested against the French military presence")
                at = body.find(role.text, draft.start, draft.end) if role.text else -1
                if at < 0 or (actor is not None and actor.kind == "civilians") or \
                        self._names_protest_cause(_words_before(body, at, 40, draft.start)):
                    continue  # (residents who march are the crowd itself)
                if actor is not None and actor.kind in _ARMED_KINDS and at >= draft.anchor.end:
                    # ("teachers went on strike after failed negotiations with the government": a
                    # state or armed side named after the act did not march with the crowd)
                    continue
                role = replace(role, role="assoc_actor_1")
            roles.append(role)
        if causes and not any(role.role == "actor2" for role in roles):
            # (the force beside the cause dropped is the side acted upon)
            beside = next((role for role in roles if role.role == "assoc_actor_2"), None)
            if beside is not None:
                roles = [replace(role, role="actor2") if role is beside else role for role in roles]
                roles.sort(key=lambda role: _ROLE_ORDER[role.role])
        if draft.sub_event_type != "Peaceful protest" and not any(
                role.role.endswith("2") and self._is_state_force(role.actor_id) for role in roles):
            force = next((m for m in mentions if m.kind == "actor" and draft.start <= m.start and m.end <= draft.end
                          and self._is_state_force(m.entity_id) and self._handles_crowd(m, body)
                          and not any(role.actor_id == m.entity_id for role in roles)), None)
            if force is not None:
                forced = police_id if self._crowd_control(force.text) else force.entity_id
                roles.append(_Role(forced, "actor2", force.text, force.alias, force.score))
                draft.rules.append("roles:crowd-force")
            elif draft.sub_event_type == "Protest with intervention" and police_id is not None:
                roles.append(_Role(police_id, "actor2", "", "", 100.0, implied=True))
                draft.rules.append("implied:actor2=police")
        if not any(role.role == "actor1" for role in roles):
            # ("people demonstrated against the arrest of an activist": the activist, a protester
            # the protest is for, kept the crowd from being implied before it was dropped)
            roles.append(_Role(crowd_id, "actor1", "", "", 100.0, implied=True))
            draft.rules.append(f"implied:actor1={crowd}")
        if any(role.role == "actor1" and role.actor_id == crowd_id for role in roles):
            # ("soldiers opened fire on protesters": the crowd acted upon is the side itself)
            roles = [role for role in roles if not (role.role.endswith("2") and role.actor_id == crowd_id)]
            # (the people the crowd is of march with it: "textile workers … the demonstrators")
            roles = [replace(role, role="assoc_actor_1") if role.role == "actor1" and role.actor_id != crowd_id
                     and role.actor_id in self.gazetteer.actors
                     and self.gazetteer.actors[role.actor_id].kind in _CROWD_KINDS else role for role in roles]
        draft.roles = sorted(_unique_roles(roles), key=lambda role: _ROLE_ORDER[role.role])

    def _crowd_control(self, text: str) -> bool:
        """True for forces named by their task of handling crowds ("security forces"), who at a
        protest or riot are the police."""
        return "police" in self.implied_ids and " ".join(text.lower().split()) in self.cues.crowd_control_forces

    def _handles_crowd(self, mention: EntityMention, body: str) -> bool:
        """True when a `crowd_handling` act lies within a few words of a force in its clause: the
        force broke up the crowd ("the police intervened", "dispersed by security forces") or
        was the crowd's target ("two police stations were vandalized"); not a force named for
        anything else ("handed him over to the gendarmerie", "anti-government")."""
        pattern = self.cues.crowd_handling_pattern
        if pattern is None:
            return False
        before = re.split(r"[;.!?,]", body[max(0, mention.start - 60):mention.start])[-1]
        after = re.split(r"[;.!?,]", body[mention.end:mention.end + 60])[0]
        near = " ".join(before.split()[-5:]) + " | " + " ".join(after.split()[:5])
        return pattern.search(near.lower()) is not None

    def _is_state_force(self, actor_id: str) -> bool:
        """True for an actor of ACLED's state forces kind (an army, police, a government); unlike
        `actor_class`'s "state", not a foreign army, which does not handle a country's crowds."""
        actor = self.gazetteer.actors.get(actor_id)
        return actor is not None and actor.kind == "state forces"

    def _names_protest_cause(self, before: str) -> bool:
        """True when the words before a group named in a peaceful protest make it what the
        protest is for or against ("in support of the MNLA"), not the group whose members
        marched ("members of the MNLA protested")."""
        if self._protest_cause is None or not self._protest_cause.search(before):
            return False
        words = before.split()
        if words and words[-1] in ("the", "la", "le", "les", "du", "des"):
            words = words[:-1]
        return not (len(words) >= 2 and words[-1] in ("of", "de") and words[-2] in self.cues.member_nouns)

    def _freeze(self, document: Document, draft: _Draft) -> Event:
        year = int(draft.date.start[:4]) if draft.date else (document.published.year if document.published else None)
        # (the month, when the date lies within one, for labels ACLED changed within a year)
        month = int(draft.date.start[5:7]) if draft.date and draft.date.start[:7] == draft.date.end[:7] else None
        location = self._location(draft.place, document.body) if draft.place is not None else None
        roles, occupations = self._occupations(draft.roles, year if draft.date else None, month)
        # the settlement an actor named after its place belongs to: the event's, when it is one
        settlement = location if location is not None and (location.precision == "point" or (
            draft.place.method == "unresolved" and location.precision == "approximate")) else None
        actors = []
        for role in roles:
            actor = self.gazetteer.actors.get(role.actor_id)
            if actor is None:
                continue
            label = self.gazetteer.actor_label(actor.id, year, self.settings.default_country, month)
            home = _home_place(document.body, role.text, draft.start, draft.end) if actor.place_label is not None else None
            if home is not None:
                # ("armed villagers from Ngadana attacked Dovong": the militia of the village they are from)
                country = settlement.country if settlement is not None else self.settings.default_country
                label = f"{actor.place_label.format(place=home)} ({country})"
            elif actor.place_label is not None and settlement is not None:
                label = f"{actor.place_label.format(place=settlement.name)} ({settlement.country})"
            actors.append(EventActor(
                id=actor.id, name=actor.name, role=role.role, text=role.text, acled_name=label,
                alias=role.alias, score=role.score, implied=role.implied,
            ))
        rules = [*draft.rules, *occupations]
        if location is not None:
            rules.append(draft.place_rule)
        if draft.date is not None:
            rules.append(f"date:{draft.date.source}")
        if draft.fatalities is not None:
            rules.append("fatalities:stated")
        rules.append(f"status:{draft.status}")
        confidence = self._confidence(draft, actors, location)
        trigger_text = document.body[draft.anchor.start:draft.anchor.end]
        evidence_text = document.body[draft.start:draft.end]
        return Event(
            id=event_id(document.id, evidence_text, draft.anchor.start - draft.start, draft.place_index),
            doc_id=document.id,
            event_type=draft.event_type,
            sub_event_type=draft.sub_event_type,
            date=draft.date,
            actors=actors,
            location=location,
            fatalities=draft.fatalities,
            evidence=Evidence(text=evidence_text, start=draft.start, end=draft.end),
            trigger=trigger_text,
            status=draft.status,
            confidence=confidence,
            rules=rules,
        )

    def _confidence(self, draft: _Draft, actors: list[EventActor], location) -> float:
        weights = self.settings.confidence
        score = weights.base
        if any(actor.role == "actor1" and not actor.implied for actor in actors):
            score += weights.named_actor1
        if any(actor.role == "actor2" and not actor.implied for actor in actors):
            score += weights.named_actor2
        score += weights.implied_actor * sum(1 for actor in actors if actor.implied)
        if location is not None:
            score += weights.location
        if draft.date is not None:
            score += weights.date
        if draft.fatalities is not None:
            score += weights.fatalities
        if draft.code_hit.label:
            score += weights.label
        if any(rule.startswith("rule:") for rule in draft.rules):
            score += weights.code_rule
        if draft.code_hit.trigger.priority >= self.settings.specific_trigger_priority:
            score += weights.specific_trigger
        if draft.merged:
            score += weights.merged
        if draft.status == "reported":
            score += weights.reported
        elif draft.status == "denied":
            score += weights.denied
        return round(min(weights.ceiling, max(weights.floor, score)), 2)

    def _location(self, mention: EntityMention, body: str = "") -> EventLocation:
        """The event's place. "90km west of Douentza" is not Douentza: the point is moved that
        far on that bearing, with precision `approximate` and the whole phrase as its text."""
        place = self.gazetteer.places[mention.entity_id]
        if mention.method == "unresolved":
            # a place no entry knows ("the village of Dantao"): its name, at the unit that holds it
            # (near a settlement the sentence names: `approximate`, at that settlement)
            precision = {"cercle": "admin2", "region": "admin1", "country": "country"}.get(place.kind, "approximate")
            slug = re.sub(r"[^a-z0-9]+", "-", alias_key(mention.text)).strip("-") or "place"
            return EventLocation(
                id=f"unresolved-{slug}", name=mention.text, admin1=place.admin1, admin2=place.admin2 if place.kind != "region" else None,
                country=place.country if place.kind != "country" else place.name, lat=place.lat, lon=place.lon,
                text=mention.text, precision=precision,
            )
        precision = {"region": "admin1", "country": "country"}.get(mention.place_scope or "point", "point")
        if place.kind == "cercle":
            precision = "admin2"
        elif place.kind == "region":
            precision = "admin1"
        elif place.kind == "country":
            precision = "country"
        lat, lon, text = place.lat, place.lon, mention.text
        offset = _BEARING_OFFSET.search(body, max(0, mention.start - 40), mention.start) if body and precision == "point" else None
        if offset is not None:
            distance = float(offset.group("km"))
            bearing = math.radians(_BEARINGS[offset.group("dir").lower()])
            lat = round(place.lat + distance * math.cos(bearing) / 111.32, 4)
            lon = round(place.lon + distance * math.sin(bearing) / (111.32 * math.cos(math.radians(place.lat))), 4)
            text, precision = body[offset.start():mention.end], "approximate"
        return EventLocation(
            id=place.id, name=place.name, admin1=place.admin1, admin2=place.admin2, country=place.country,
            lat=lat, lon=lon, text=text, precision=precision,
        )


# compass bearings in degrees, English and French
_BEARINGS = {"north": 0, "n": 0, "nord": 0, "northeast": 45, "north-east": 45, "ne": 45, "nord-est": 45,
             "east": 90, "e": 90, "est": 90, "southeast": 135, "south-east": 135, "se": 135, "sud-est": 135,
             "south": 180, "s": 180, "sud": 180, "southwest": 225, "south-west": 225, "sw": 225, "sud-ouest": 225,
             "west": 270, "w": 270, "ouest": 270, "northwest": 315, "north-west": 315, "nw": 315, "nord-ouest": 315}
# "90km west of", "about 45 km north-east of", "à 30 km au nord de"
_BEARING_OFFSET = re.compile(
    r"(?P<km>\d{1,4}(?:[.,]\d+)?)\s*(?:km|kilomet(?:er|re)s?)\s+(?:au\s+|à\s+l'|a\s+l')?"
    r"(?P<dir>north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|north|south|east|west|"
    r"nord-est|nord-ouest|sud-est|sud-ouest|nord|sud|est|ouest|NE|NW|SE|SW|N|S|E|W)\s+(?:of|de|du|d')\s*(?:the\s+(?:town|village|city)\s+of\s+)?$",
    re.IGNORECASE,
)


# the place a side comes from, a few words after its name: "villagers from Boundo", "youths
# armed with rifles from the village of Zamana"
_FROM_PLACE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+from\s+(?:the\s+(?:village|town|hamlet|locality)\s+of\s+)?([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)")


def _possessed(text: str, at_end: bool = False) -> str:
    """The noun a possessive at the start of `text` owns ("'s family", " commander's family" →
    "family"), or with `at_end` the one closing it ("General Ag Gamou's family"); else ""."""
    match = re.search(r"['’]s\s+(\w+)$", text) if at_end else re.match(r"(?:\s*[\w-]+)?['’]s\s+(\w+)", text)
    return match.group(1) if match is not None else ""


def _home_place(body: str, text: str, start: int, end: int) -> Optional[str]:
    """The name of the place the side named `text` within body[start:end] is said to come from."""
    at = body.find(text, start, end) if text else -1
    match = _FROM_PLACE.match(body, at + len(text), end) if at >= 0 else None
    return match.group(1) if match is not None else None


def _unique_roles(roles: Sequence[_Role]) -> list[_Role]:
    """`roles` with each actor once per side (its first role there), in order."""
    unique: list[_Role] = []
    seen: set[tuple[str, int]] = set()
    for role in roles:
        key = (role.actor_id, 1 if role.role.endswith("1") else 2)
        if key not in seen:
            seen.add(key)
            unique.append(role)
    return unique


def _words_before(body: str, position: int, width: int, floor: int = 0) -> str:
    """The `width` characters of `body` before `position` (not before `floor`), lower-cased, with
    single spaces: what a cue phrase before a mention is looked for in."""
    return " ".join(body[max(floor, position - width):position].lower().split())


def _opening_words(draft: _Draft, body: str, first_clause: bool = False) -> list[str]:
    """The words of a telling's sentence before its anchor (an elided article, "l'", is one),
    with `first_clause` only those before its first comma."""
    opening = body[draft.start:draft.anchor.start].lower()
    return [word for word in _gap_words(opening.split(",")[0] if first_clause else opening) if word not in ("'", "’")]


def _same_line(body: str, first: Sentence, second: Sentence) -> bool:
    """True when two sentences stand in one paragraph (no line break between them)."""
    return "\n" not in body[first.end:second.start]


def _in_brackets(body: str, mention: EntityMention, places: Sequence[EntityMention]) -> bool:
    """True for a place inside brackets: 'Goroboro (Koro, Mopti)', 'Emiguina [Tiamaguina]'."""
    opening = max(body.rfind("(", 0, mention.start), body.rfind("[", 0, mention.start))
    if opening < 0:
        return False
    closing = body.find(")" if body[opening] == "(" else "]", opening)
    if body[opening] == "[" and not any(place.end <= opening and not body[place.end:opening].strip(" '\"’")
                                        for place in places):
        # ("the area of 'Pete Boura' [Peto Mbola]": the name that identifies one nothing matched)
        return False
    return closing >= mention.end


def _combine_fatalities(first: Optional[Fatalities], second: Optional[Fatalities], alternative: bool,
                        coded: Sequence[str] = ()) -> Optional[Fatalities]:
    """Counts of one event told in two sentences: added, unless the second is another source's
    estimate of the same toll (then the larger); the count an analyst says they coded (one told
    with a `coded` phrase: "Unknown fatalities coded as 3") is the toll."""
    if first is None:
        return second
    if second is None:
        return first
    for count in (second, first):
        if any(phrase in count.text.lower() for phrase in coded):
            return count
    if first.max == 0:
        return second
    if second.max == 0:
        return first
    if alternative or (first.min, first.max) == (second.min, second.max):
        return first if first.min >= second.min else second
    return Fatalities(
        min=first.min + second.min, max=first.max + second.max, text=f"{first.text} + {second.text}",
        qualifier=first.qualifier if first.qualifier == second.qualifier else "at least",
    )


# "two days after the Azawadi independence declaration" / "deux jours après la déclaration":
# the head noun is the first of the following words that is a trigger of the lexicon
_ANCHORED_OFFSET = re.compile(
    r"\b(?P<amount>\d+|[A-Za-z]+)\s+(?P<unit>days?|weeks?|jours?|semaines?)\s+"
    r"(?P<direction>after|before|après|avant)\s+(?P<phrase>(?:[\w'’-]+\s*){1,5})",
    re.IGNORECASE,
)

# where a sentence breaks into clauses for dating: commas, semicolons, colons, brackets, dashes
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")


def _inherited_date(expression: TimeExpression, near: bool = True) -> EventDate:
    """The story's clock as an event date, as precise as the text allows: a sentence in the
    paragraph that set the clock, or one telling what came next ("quickly followed"), happened
    around it and is known to its month; a later paragraph that does neither ("Lacking support,
    the MNLA retreated") is only known to the clock's year."""
    if not near and expression.precision in ("day", "week", "month", "season"):
        first = expression.start.replace(month=1, day=1)
        return EventDate(start=first.isoformat(), end=first.replace(month=12, day=31).isoformat(),
                         precision="year", text=expression.text, source="inherited")
    if expression.precision not in ("day", "week"):
        return _event_date(expression, "inherited")
    first = expression.start.replace(day=1)
    following = (first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1))
    last = following - timedelta(days=1)
    return EventDate(start=first.isoformat(), end=last.isoformat(), precision="month", text=expression.text, source="inherited")


def _after_date(expression: TimeExpression, source: str) -> EventDate:
    """An act known only to have followed another act of a given date: from the start of that
    date to the end of the period of the same size after it ("after a March 2012 coup": March
    to April 2012; "after the 2015 accord": 2015 to 2016), at `range` precision."""
    end = expression.end
    if expression.precision == "month":
        following = end + timedelta(days=1)
        after = (following.replace(year=following.year + 1, month=1) if following.month == 12
                 else following.replace(month=following.month + 1))
        end = after - timedelta(days=1)
    elif expression.precision == "year":
        end = end.replace(year=end.year + 1)
    else:
        end = end + (expression.end - expression.start) + timedelta(days=1)
    return EventDate(start=expression.start.isoformat(), end=end.isoformat(), precision="range",
                     text=expression.text, source=source)


def _event_date(expression: TimeExpression, source: str) -> EventDate:
    return EventDate(
        start=expression.start.isoformat(), end=expression.end.isoformat(), precision=expression.precision,
        text=expression.text, source=source,
    )


def _load_parser(model: Optional[str]):
    """The spaCy model with a parser named in the settings, or None (the default: rules only)."""
    if not model:
        return None
    import spacy

    if not spacy.util.is_package(model):
        raise ValueError(f"parser_model {model!r} is not an installed spaCy package; install it or set parser_model=None")
    return spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])


def event_id(doc_id: str, sentence_text: str, trigger_offset: int, place_index: int = 0) -> str:
    """A stable id: the document id, the sentence's words, the trigger's place in it and the
    index of the place for a sentence split by place.

    Edits elsewhere in the corpus, or elsewhere in the same document, leave it unchanged.
    """
    normalised = " ".join(sentence_text.split())
    suffix = f"\x1f{place_index}" if place_index else ""
    digest = hashlib.sha1(f"{doc_id}\x1f{normalised}\x1f{trigger_offset}{suffix}".encode("utf-8")).hexdigest()
    return f"{doc_id}#{digest[:12]}"


class DateAnalysisLike:  # pragma: no cover - typing aid only
    expressions: list[TimeExpression]
    in_force: list[Optional[TimeExpression]]
