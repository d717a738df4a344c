"""Stage 3 — entity recognition: actors and places from the gazetteer, however articles spell them.

Three spaCy PhraseMatchers run over the folded view of the body (see `language.matching_text`):
named aliases (case-insensitive), acronyms (aliases written in capitals: case-sensitive) and
common-noun aliases (aliases written in lower case, with their plurals). Overlaps go to the
longest span. Acronyms an article defines for itself ("the Azawad Popular Front (FPA)") are
learned for that document; near-misses of capitalised names are caught with rapidfuzz behind
`EntitySettings.fuzzy_cutoff`. Every mention records the alias that matched and its score.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.document import Document, Sentence
from models.gazetteer import SETTLEMENT_KINDS, ActorEntry, PlaceEntry
from models.mention import EntityMention

from .gazetteer import Gazetteer, alias_key, fold_text
from .dates import load_time_vocabulary
from .geonames import fold_admin_name
from .language import blank_pipeline, lemma, matching_text, word_log_probability


@dataclass(frozen=True)
class EntitySettings:
    """Tunables of entity recognition.

    fuzzy_cutoff: the least rapidfuzz `ratio` (0-100) for a near-miss to count as a mention.
    fuzzy_min_chars: aliases shorter than this are never matched fuzzily (too many look-alikes).
    fuzzy_max_tokens: the longest capitalised span tried against the fuzzy index.
    common_fuzzy_min_chars: in English, a lower-case word at least this long that no English
        text uses and no alias matched is looked up among the one-word common-noun aliases
        ("assailans", "governent"), behind `fuzzy_cutoff`: shorter words have too many look-alikes.
    common_word_logprob: a one-word GeoNames name whose English log probability is above this
        is a common word ("Tin", "Here") and is not matched; curated places always match.
    learn_defined_acronyms: learn "Long Name (ACRONYM)" definitions per document.
    place_fuzzy_cutoff: the least rapidfuzz `ratio` for a capitalised name after a locative
        word ("in Tinzawaten") to resolve to a place of any source, GeoNames included.
    place_geonames_fuzzy_cutoff: the same for a place known only from GeoNames: villages with
        near-identical names are many, and a name no entry knows is kept unresolved anyway.
    locative_words: words after which a capitalised name is probably a place.
    near_words: those of them after which even a common word, capitalised, is a place the
        gazetteer knows ("near Bore"), unless it names a time ("around May").
    unresolved_after_words: words after which a capitalised name nothing knows, and no English
        text uses (log probability at most `unknown_word_logprob`), is a place kept unresolved
        ("killed six herders in Diakourou"); "in Geneva" or "in Ramadan" is not.
    coded_place_words: the analyst's words naming the place an event is coded at: any name
        after them is a place, however short or common ("coded as Bi").
    compass_words: capitalised after a settlement's name, they name another place beside it
        ("In-Ekar Ouest"), kept unresolved at that settlement.
    proximity_km: of same-named places nothing else tells apart, the one nearest a place the
        document names for sure is chosen when it lies within this distance.
    units_km: a near-miss place farther than this from the administrative unit the text names
        after it ("(Koro, Mopti)") is taken to be another place; the unit stands for it.
    near_km: a place from GeoNames or a near-miss farther than this from the settlement the
        text says it is near ("X, near Y") is another place of that name, kept unresolved at Y.
    duplicate_km: same-named places nothing tells apart that all lie within this distance of
        one another are one place recorded twice (GeoNames often holds a village twice, from
        two sources, a few km apart): the first by rank stands for it.
    """

    fuzzy_cutoff: float = 90.0
    fuzzy_min_chars: int = 6
    fuzzy_max_tokens: int = 5
    common_fuzzy_min_chars: int = 8
    common_word_logprob: float = -13.5
    learn_defined_acronyms: bool = True
    place_fuzzy_cutoff: float = 85.0
    place_geonames_fuzzy_cutoff: float = 92.0
    proximity_km: float = 60.0
    units_km: float = 80.0
    duplicate_km: float = 20.0
    near_km: float = 30.0
    locative_words: tuple[str, ...] = (
        "in", "near", "at", "around", "outside", "from", "to", "towards", "toward", "between", "of", "coded as",
        "à", "près de", "dans", "vers", "entre", "de",
    )
    near_words: tuple[str, ...] = ("near", "outside", "around", "towards", "toward")
    unresolved_after_words: tuple[str, ...] = ("in", "near", "at", "outside", "around")
    coded_place_words: tuple[str, ...] = (
        "coded as", "coded at", "coded as approximate location", "coded at approximate location as",
        "coded at approximate location in", "coded at approximate in",
    )
    compass_words: tuple[str, ...] = ("Nord", "Sud", "Est", "Ouest", "Centre", "North", "South", "East", "West", "Central")
    unknown_word_logprob: float = -19.0
    # a capitalised name after one of these ("the village of Dantao") is a place even when no
    # gazetteer entry knows it: it is kept, at the coordinates of a unit that holds it
    unresolved_place_cues: tuple[str, ...] = (
        "village", "hamlet", "town", "locality", "commune", "area", "camp", "site", "city",
        "villages", "outskirts", "localité", "localités",
    )
    # nouns for a side's armed people: a modifier coordinated with a name before one of them
    # stands for that side's forces ("Malian and Wagner personnel": the Malian forces)
    personnel_nouns: tuple[str, ...] = (
        "personnel", "forces", "troops", "soldiers", "elements", "units", "contingents",
    )
    # acts of a state: a country or its capital named right before one of them is the side
    # that acts, the state its country entry names ("France announced", "Bamako banned")
    state_verbs: tuple[str, ...] = (
        "announce", "announced", "announces", "decide", "decided", "decides", "withdraw", "withdrew", "withdrawn",
        "withdraws", "suspend", "suspended", "suspends", "ban", "banned", "bans", "expel", "expelled", "expels",
        "request", "requested", "requests", "impose", "imposed", "imposes", "lift", "lifted", "lifts", "sign",
        "signed", "signs", "send", "sent", "sends", "deploy", "deployed", "deploys", "launch", "launched",
        "launches", "continue", "continued", "continues", "increase", "increased", "increases", "accuse",
        "accused", "accuses", "recall", "recalled", "recalls", "agree", "agreed", "agrees", "refuse", "refused",
        "refuses", "reject", "rejected", "rejects", "condemn", "condemned", "condemns", "deny", "denied",
        "denies", "demand", "demanded", "demands", "urge", "urged", "urges", "order", "ordered", "orders",
        "intervene", "intervened", "intervenes", "lead", "led", "leads", "terminate", "terminated", "terminates",
        "declare", "declared", "declares", "pledge", "pledged", "pledges", "threaten", "threatened",
        "threatens", "warn", "warned", "warns", "confirm", "confirmed", "confirms", "sever", "severed",
        "severs", "freeze", "froze", "frozen", "freezes", "bomb", "bombed", "bombs", "struck", "strikes",
        "annonce", "annoncé", "décide", "décidé", "suspendu", "expulse", "expulsé", "retire", "retiré",
    )
    # a place name before one of these (capitalised) names a text or a meeting, not where
    # something happened: "the Algiers Accord", "the Ouagadougou Agreement"
    named_thing_heads: tuple[str, ...] = (
        "Accord", "Accords", "Agreement", "Agreements", "Process", "Declaration", "Conference", "Summit",
        "Charter", "Pact", "Peace", "Talks",
    )


DEFAULT_SETTINGS = EntitySettings()

# which matcher found a candidate; on equal length the higher rank wins
_RANK = {"acronym": 4, "named": 3, "defined-acronym": 3, "fuzzy": 2, "geonames": 1, "common": 0, "unresolved": -1}
# a capitalised modifier followed by a list separator, right before a matched phrase
_COORDINATED_MODIFIER = re.compile(r"\b([A-Z][A-Za-z]+)(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+et\s+|\s*/\s*)$")
# what may stand before a side at the head of a clause: the start of the text or of a sentence,
# a comma, or a word that opens a clause; then French's article before a country ("la France")
_CLAUSE_HEAD = re.compile(r"(?:\A|[.;:!?(\"“]\s*|,\s*|—\s*|(?<![\w-])(?i:and|that|while|when|as|but|then|after|before|since|because|until|once|where|which|et|que|quand|lorsque|après)\s+)"
                         r"(?:(?i:la|le|l['’])\s*)?\Z")
# after a state named as the side that acts: its partners, auxiliaries and adverbs, then its act
_STATE_ACT_AFTER = re.compile(
    r"(?:\s+and\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:partners|allies))?\s+"
    r"(?:(?:has|have|had|will|would|also|then|later|officially|formally|subsequently|again|finally|eventually|a)\s+)*"
    r"([\w\u00C0-\u017F]+)")
# a country's capital by its title: "the capital", "(Mali's) capital", "the capital city"
# the capital by its title, or by the seats of state it holds ("the presidential palace",
# "the national assembly"): the same place
_CAPITAL = re.compile(r"(?<![\w])(the\s+)?(?i:capital(?:\s+city)?|presidential\s+palace|national\s+assembly)(?![\w-])")
_PLACE_KIND_RANK = {"town": 0, "village": 1, "site": 2, "commune": 3, "area": 4, "cercle": 5, "region": 6, "country": 7}


def _spaced(text: str) -> str:
    """`text` with its whitespace runs as single spaces: how a name meets a run of tokens."""
    return " ".join(text.split())


_INNER_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")
_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_SPACES = re.compile(r"\s+")


def alias_variants(alias: str) -> set[str]:
    """The surface forms an alias is matched in, folded: with hyphens and apostrophes as spaces
    or dropped, and without dots ("U.N." -> "UN")."""
    folded = fold_text(alias).strip()
    forms = {folded}
    if "-" in folded:
        forms |= {_INNER_HYPHEN.sub(" ", folded), _INNER_HYPHEN.sub("", folded)}
    if "'" in folded:
        forms |= {variant for form in forms for variant in (_INNER_APOSTROPHE.sub(" ", form), _INNER_APOSTROPHE.sub("", form))}
    if "." in folded and _DOTTED_INITIALS.fullmatch(folded):
        forms.add(folded.replace(".", ""))
    return {_SPACES.sub(" ", form) for form in forms if form}


def number_forms(phrase: str, language: str = "en", common_word_logprob: float = -11.0) -> set[str]:
    """Singular and plural of the last word of a lower-case phrase ("gunmen" <-> "gunman").

    A plural is only singularised when its singular is not a very common word: "locals" would
    give the adjective "local", "protesting" the noun "protest".
    """
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    if not last.endswith(("s", "men")):
        return {phrase} | plural_forms(phrase)
    singular = lemma(last, language)
    if singular == last or word_log_probability(singular) > common_word_logprob:
        return {phrase}
    return {phrase, prefix + singular} | plural_forms(prefix + singular)


def plural_forms(phrase: str) -> set[str]:
    """English plurals of the last word of a lower-case phrase ("gunman" -> "gunmen")."""
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man"):
        plurals = {last[:-3] + "men"}
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plurals = {last[:-1] + "ies"}
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plurals = {last + "es"}
    else:
        plurals = {last + "s"}
    return {prefix + plural for plural in plurals}


def is_acronym(alias: str) -> bool:
    """An alias written in capitals (with digits, hyphens, dots allowed): matched case-sensitively."""
    letters = [char for char in alias if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters) and " " not in alias.strip()


def is_common_noun(alias: str) -> bool:
    """An alias written all in lower case: a common-noun phrase ("soldiers", "unknown gunmen")."""
    return alias == alias.lower() and any(char.isalpha() for char in alias)


@dataclass(frozen=True)
class _Candidate:
    kind: str
    ids: frozenset[str]
    start: int
    end: int
    alias: str
    method: str
    score: float = 100.0

    @property
    def priority(self) -> tuple:
        # same span named as actor and place: an acronym is the actor, a name is the place
        kind_preference = (self.kind == "actor") == (self.method in ("acronym", "defined-acronym"))
        return (self.end - self.start, _RANK[self.method], kind_preference, -self.start, sorted(self.ids))


class EntityRecognizer:
    """Finds actor and place mentions in documents; build once, call per document.

    Args:
        gazetteer: the loaded gazetteer (curated entries, plus GeoNames places if added).
        language: spaCy language code of the blank pipeline.
        settings: tunables.
    """

    def __init__(self, gazetteer: Gazetteer, *, language: str = "en", settings: EntitySettings = DEFAULT_SETTINGS):
        self.gazetteer = gazetteer
        self.language = language
        self.settings = settings
        self.nlp = blank_pipeline(language)
        self._alias_of: dict[tuple[str, str], str] = {}
        self.named = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.common = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        # GeoNames adds tens of thousands of names: tokenising each into a pattern would cost
        # seconds of start-up, so they are looked up by their letters instead (see _geonames_matches)
        self._geonames: dict[str, set[str]] = {}
        self._known_keys: set[str] = set()
        self._fuzzy_keys: dict[str, tuple[str, str, str]] = {}
        # one-word common-noun aliases, in every number, for misspelt lower-case words: form -> key
        self._common_forms: dict[str, str] = {}
        self._patterns: dict[tuple[str, str], set[str]] = {}
        for actor in gazetteer.actors.values():
            self._add_entry("actor", actor, curated=True)
        for place in gazetteer.places.values():
            if not gazetteer.is_landmark(place.id):
                self._add_entry("place", place, curated=gazetteer.is_curated(place.id))
        matchers = {"named": self.named, "acronym": self.acronyms, "common": self.common}
        for (method, label), forms in sorted(self._patterns.items()):
            if method == "geonames":
                for form in forms:
                    self._geonames.setdefault(_spaced(form.lower()), set()).add(label)
            else:
                matchers[method].add(label, list(self.nlp.tokenizer.pipe(sorted(forms))))
        self._geonames_longest = max(map(len, self._geonames), default=0)
        del self._patterns
        self._fuzzy_choices = sorted(self._fuzzy_keys)
        self._common_choices = sorted(self._common_forms) if language == "en" else []
        # (country, admin1) -> its region entry, the first in gazetteer order (curated come first)
        self._regions: dict[tuple, PlaceEntry] = {}
        for place in gazetteer.places.values():
            if place.kind == "region":
                self._regions.setdefault((place.country, place.admin1), place)
        # words that open multi-word actor names ("Malian", "French"): modifiers, never misspelt names
        self._modifiers = {key.split()[0] for key in gazetteer.actor_index if " " in key}
        # compared without spaces, so "Tin Zaouaten" and "Tinzawaten" meet
        self._place_choices: dict[str, str] = {}
        for key in sorted(gazetteer.place_index):
            if len(key) >= self.settings.fuzzy_min_chars - 1:
                self._place_choices.setdefault(key.replace(" ", ""), key)
        self._place_choices_by_initial: dict[str, list[str]] = {}
        for choice in self._place_choices:
            self._place_choices_by_initial.setdefault(choice[:1], []).append(choice)
        words = "|".join(re.escape(word) for word in sorted(self.settings.locative_words, key=len, reverse=True))
        cues = "|".join(map(re.escape, sorted(self.settings.unresolved_place_cues, key=len, reverse=True)))
        self._named_place = re.compile(rf"(?<![\w])(?i:{cues})\s+(?i:of|de|d')\s+([A-Z][\w']*{_NAME_REST})")
        # (or the name before the cue: "in the Sanfara area")
        self._place_named_before = re.compile(rf"(?<![\w])(?:in|near|at|around)\s+the\s+([A-Z][\w']*{_NAME_REST})\s+(?:{cues})(?![\w])")
        after_words = (*self.settings.unresolved_after_words, *self.settings.coded_place_words)
        after = "|".join(re.escape(word) for word in sorted(after_words, key=len, reverse=True))
        self._after_locative = re.compile(rf"(?<![\w])(?:{after})\s+([A-Z][a-z][\w']*{_NAME_REST})")
        countries = sorted(p.id for p in gazetteer.places.values() if p.kind == "country" and gazetteer.is_curated(p.id))
        # the curated entry of each country: its capital, and the state that any entry of the
        # country (GeoNames' too) or its capital stands for
        self._state_verbs = frozenset(self.settings.state_verbs)
        self._curated_country = {gazetteer.places[i].country: gazetteer.places[i] for i in countries}
        states = {name: entry for name, entry in self._curated_country.items() if entry.state in gazetteer.actors}
        self._state_for_place = {p.id: states[p.country].state for p in gazetteer.places.values()
                                 if p.kind == "country" and p.country in states}
        self._state_for_place.update({country.capital: country.state for country in states.values() if country.capital})
        self._default_country = next((i for i in countries if gazetteer.places[i].name == "Mali"), countries[0] if countries else None)
        heads = "|".join(map(re.escape, self.settings.named_thing_heads))
        self._names_a_thing = re.compile(rf"[ -](?:{heads})\b")
        compass = "|".join(map(re.escape, self.settings.compass_words))
        self._compass_after = re.compile(rf" (?:{compass})(?![\w'-])(?! of\b| de\b)") if compass else None
        # (a name in square brackets is an editor's identification of the place before it:
        # "Inalabag [Tin Elebag]")
        self._locative = re.compile(
            rf"(?:(?<![\w])(?i:{words})\s+(?i:the\s+)?|\[)([A-Z][\w']+{_NAME_REST})"
        )

    def _add_entry(self, kind: str, entry, curated: bool) -> None:
        names = [entry.name, *entry.aliases]
        generic = kind == "actor" and entry.generic
        for alias in names:
            key = alias_key(alias)
            if not key:
                continue
            self._known_keys.add(key)
            if not curated:
                if key.count(" ") == 0 and (
                    len(key) < 3 or word_log_probability(key) > self.settings.common_word_logprob
                ):
                    continue
                method = "geonames"
            elif is_acronym(alias):
                method = "acronym"
            elif is_common_noun(alias) or generic:
                method = "common"
            else:
                method = "named"
            forms = alias_variants(alias)
            if method == "common":
                forms |= {variant for form in forms for variant in number_forms(form.lower(), self.language)}
            elif kind == "actor" and entry.kind == "identity group" and " " not in alias:
                forms |= {form + "s" for form in forms}
            elif method == "acronym" and alias.isalpha() and len(alias) >= 4 \
                    and word_log_probability(alias.lower()) <= self.settings.unknown_word_logprob:
                # an acronym long enough and no word, written as a name ("Minusma", "Gatia")
                forms |= alias_variants(alias[0] + alias[1:].lower())
            if curated and method in ("named", "acronym") and len(key) >= self.settings.fuzzy_min_chars:
                self._fuzzy_keys.setdefault(key, (kind, alias, method))
            if method == "common" and kind == "actor" and " " not in key:
                for form in forms:
                    if len(form) >= self.settings.common_fuzzy_min_chars and form.isalpha():
                        self._common_forms.setdefault(form.lower(), key)
            self._alias_of.setdefault((kind, key), alias)
            self._patterns.setdefault((method, f"{kind}|{method}|{key}"), set()).update(forms)

    def is_modifier(self, word: str) -> bool:
        """True when `word` opens multi-word actor names ("Malian" in "Malian army")."""
        return alias_key(word) in self._modifiers

    def known(self, word: str) -> bool:
        """True when `word` is an alias key of some entry."""
        return alias_key(word) in self._known_keys

    def __call__(self, document: Document, sentences: list[Sentence]) -> list[EntityMention]:
        """Find the actor and place mentions of `document`, in text order, outside excluded spans."""
        text = matching_text(document.body, self.known)
        doc = self.nlp(text)
        candidates = self._phrase_candidates(doc)
        if self.settings.learn_defined_acronyms:
            candidates += self._defined_acronym_candidates(doc, candidates)
        chosen = _select_non_overlapping(candidates)
        chosen += self._coordinated_candidates(doc.text, chosen)
        chosen += self._fuzzy_candidates(doc, chosen)
        chosen += self._misspelt_common_candidates(doc, chosen)
        chosen += self._locative_place_candidates(doc.text, chosen)
        chosen += self._unresolved_place_candidates(doc.text, chosen)
        chosen += self._capital_candidates(doc.text, chosen)
        chosen = _select_non_overlapping(chosen)
        starts = [sentence.start for sentence in sentences]
        mentions = []
        for candidate in sorted(chosen, key=lambda item: (item.start, item.end)):
            if document.is_excluded(candidate.start, candidate.end):
                continue
            sentence_index = max(0, bisect.bisect_right(starts, candidate.start) - 1) if starts else -1
            mentions.extend(self._resolve(candidate, document, sentence_index))
        # (a side after "pro-" or "anti-" only describes: "pro-government GATIA fighters")
        mentions = [m for m in mentions if m.kind != "actor" or not _STANCE_PREFIX.search(document.body, max(0, m.start - 6), m.start)]
        mentions = _drop_admin_parentheticals(self._disambiguate_places(mentions, document), document.body,
                                              self._contradicted_by_units)
        mentions = [m for m in mentions if m.kind != "place" or not self._names_a_thing.match(document.body, m.end)]
        mentions = self._drop_apposed_units(mentions, document.body)
        mentions = self._far_from_where_it_is_said_to_be(mentions, document.body)
        mentions = self._quarter_of_a_place(mentions, document.body)
        mentions = self._stand_in_units(mentions)
        mentions = self._states_acting(mentions, document.body)
        mentions = _identified_after(mentions, document.body, self.gazetteer)
        return _identified_in_brackets(mentions, document.body, self.gazetteer)

    def _phrase_candidates(self, doc: Doc) -> list[_Candidate]:
        candidates = []
        matches = [
            (self.nlp.vocab.strings[match_id], start, end)
            for matcher in (self.named, self.acronyms, self.common) for match_id, start, end in matcher(doc)
        ]
        for label, start, end in chain(matches, self._geonames_matches(doc)):
            kind, method, key = label.split("|", 2)
            span = doc[start:end]
            if method in ("named", "geonames") and not self._looks_like_a_name(span, method):
                continue
            index = self.gazetteer.actor_index if kind == "actor" else self.gazetteer.place_index
            ids = index.get(key)
            if not ids:
                continue
            candidates.append(
                _Candidate(kind, frozenset(ids), span.start_char, span.end_char, self._alias_of[(kind, key)], method)
            )
        return candidates

    def _geonames_matches(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """(label, start token, end token) of every run of tokens that reads, lower-cased and
        with single spaces where the text has spaces, as a GeoNames name form (the PhraseMatcher's
        LOWER match, without tokenising every name beforehand)."""
        lowers = [token.lower_ for token in doc]
        spaces = [" " if token.whitespace_ else "" for token in doc]
        for start in range(len(lowers)):
            text = ""
            for end in range(start + 1, len(lowers) + 1):
                text += lowers[end - 1]
                if len(text) > self._geonames_longest:
                    break
                for label in sorted(self._geonames.get(text, ())):
                    yield label, start, end
                text += spaces[end - 1]

    def _drop_apposed_units(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """A unit written after a place says where the place is, as brackets do: "residents in
        Koro, Mopti", "a market in the Zinda area of Gao", "a police station at Saye in Mopti".
        The unit is dropped when the place lies in it (its region or cercle, or the town they are
        named after); a near-miss or GeoNames place the unit puts elsewhere is a namesake: the
        name is kept, unresolved, at the unit. A
        list goes on ("in Ansongo, Gao and Menaka"): then nothing is a unit."""
        places = self.gazetteer.places
        dropped: set[int] = set()
        mentions = list(mentions)
        located = [i for i, m in enumerate(mentions) if m.kind == "place" and m.entity_id in places]
        for first, second in zip(located, located[1:]):
            place, unit = mentions[first], mentions[second]
            gap = body[place.end:unit.start]
            if not _APPOSED_UNIT.fullmatch(gap) or _LIST_GOES_ON.match(body, unit.end) or _LIST_GOES_ON_BEFORE.search(body, 0, place.start):
                continue
            entry, container = places[place.entity_id], places[unit.entity_id]
            if place.method == "unresolved" and unit.method != "unresolved" and container.kind != "country":
                # "the village of Dantao, Mopti": the unit holds the place no entry knows
                mentions[first] = place.model_copy(update={"entity_id": container.id})
                dropped.add(second)
                continue
            if entry.kind not in SETTLEMENT_KINDS or container.kind == "country":
                continue
            names = {fold_text(name).lower() for name in (entry.admin1, entry.admin2) if name}
            if fold_admin_name(container.name).lower() in names or (
                    container.kind in ("region", "cercle") and {fold_text(n).lower() for n in (container.admin1, container.admin2) if n} & names):
                dropped.add(second)
            elif self._contradicted_by_units(place, [unit]):
                # a namesake elsewhere: the text's place is one no entry knows, inside the unit
                mentions[first] = place.model_copy(update={"entity_id": container.id, "method": "unresolved"})
                dropped.add(second)
        return [mention for index, mention in enumerate(mentions) if index not in dropped]

    def _far_from_where_it_is_said_to_be(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """"Dianweli (near Bandiougou)": a place matched from GeoNames or as a near-miss that lies
        farther than `near_km` from the settlement the text says it is near is a namesake of a
        place no entry knows; it is kept by its name, as unresolved, at that settlement."""
        places = self.gazetteer.places
        result = list(mentions)
        located = [i for i, m in enumerate(mentions) if m.kind == "place" and m.entity_id in places]
        for first, second in zip(located, located[1:]):
            place, near = mentions[first], mentions[second]
            if place.method not in ("fuzzy", "geonames") or near.method == "unresolved" \
                    or not _SAID_TO_BE_NEAR.fullmatch(body[place.end:near.start]):
                continue
            entry, anchor = places[place.entity_id], places[near.entity_id]
            if anchor.kind not in SETTLEMENT_KINDS:
                continue
            if distance_km((entry.lat, entry.lon), (anchor.lat, anchor.lon)) > self.settings.near_km:
                result[first] = place.model_copy(update={"entity_id": anchor.id, "method": "unresolved"})
        return result

    def _quarter_of_a_place(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """"In-Ekar Ouest", "Menaka Nord": a settlement's name followed by a compass word names
        another place no entry knows, beside it; it is kept by its whole name, as unresolved, at
        that settlement ("Gao North of the river" is a bearing, not a name). So does a
        settlement's name joined by a hyphen to a capitalised word nothing else matched:
        "Derou-Na", "Tendji-Ireli" are villages of their own, named after a neighbour ("the
        Gao-Gossi axis" joins two places, and "the axis Doro-Tinkarazeina" is a road)."""
        places = self.gazetteer.places
        taken = [(m.start, m.end) for m in mentions]
        result = []
        for mention in mentions:
            if mention.kind != "place" or mention.entity_id not in places \
                    or places[mention.entity_id].kind not in SETTLEMENT_KINDS or mention.method == "unresolved":
                result.append(mention)
                continue
            start, end = mention.start, mention.end
            following = self._compass_after.match(body, end) if self._compass_after is not None else None
            if following is not None:
                end = following.end()
            else:
                after = _HYPHENED_AFTER.match(body, end)
                before = _HYPHENED_BEFORE.search(body, max(0, start - 40), start)
                if after is not None and not _free_of_mentions(after.span(1), taken):
                    after = None
                if before is not None and not _free_of_mentions(before.span(1), taken):
                    before = None
                if (after or before) and not _ON_A_ROUTE.search(body, max(0, start - 12), (after.end() if after else end) + 10):
                    start, end = (before.start(1) if before else start), (after.end() if after else end)
            if (start, end) != (mention.start, mention.end):
                mention = mention.model_copy(update={"start": start, "end": end, "text": body[start:end],
                                                     "method": "unresolved"})
            result.append(mention)
        return result

    def _contradicted_by_units(self, place: EntityMention, units: list[EntityMention]) -> bool:
        """True when `place` was matched as a near-miss or from GeoNames (not the curated
        gazetteer) and the administrative units the text gives after it ("Bandjougou (Koro,
        Mopti)") put it elsewhere: another admin1, another known admin2, or farther than
        `units_km` from the smallest unit."""
        if place.method not in ("fuzzy", "geonames") or not units:
            return False
        entry, unit = self.gazetteer.places.get(place.entity_id), self.gazetteer.places.get(units[0].entity_id)
        if entry is None or unit is None:
            return False
        if entry.admin1 and unit.admin1 and not self._same_region(entry, unit):
            return True
        unit_admin2 = unit.admin2 or (unit.name if unit.kind == "cercle" else None)
        if entry.admin2 and unit_admin2:
            # (the same cercle: no distance from its seat tells against it, a cercle is wide)
            return fold_text(entry.admin2).lower() != fold_text(unit_admin2).lower()
        return distance_km((entry.lat, entry.lon), (unit.lat, unit.lon)) > self.settings.units_km

    def _same_region(self, place: PlaceEntry, other: PlaceEntry) -> bool:
        """True when the two lie in one region, as either is placed: a region formed from
        another (Menaka from Gao) still holds what sources older than the split put in that
        other."""
        def regions(entry: PlaceEntry) -> set[str]:
            region = self._regions.get((entry.country, entry.admin1))
            names = {entry.admin1, region.formed_from if region is not None else None}
            return {fold_text(name).lower() for name in names if name}
        first, second = regions(place), regions(other)
        return fold_text(place.admin1).lower() in second or fold_text(other.admin1).lower() in first

    def _looks_like_a_name(self, span, method: str) -> bool:
        """A proper name in the text has a capital letter; a one-word name that is also a common
        English word ("Dire", "San") must not merely be capitalised as a sentence's first word;
        a GeoNames name inside a longer run of capitalised words is part of another name
        ("Hama" in "Hama Founé Diallo")."""
        if not any(token.text[:1].isupper() for token in span):
            return False
        if method == "geonames" and _inside_longer_name(span):
            return False
        if len(span) == 1 and word_log_probability(span.text) > self.settings.common_word_logprob:
            before = span.doc.text[:span.start_char].rstrip()
            return bool(before) and before[-1] not in ".!?:;\n\"'([" and not before.endswith("\n")
        return True

    def _defined_acronym_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """Learn 'Long Name (ACR)' where the long name is a known actor and ACR is not."""
        actors_ending_at = {c.end: c for c in candidates if c.kind == "actor" and c.method in ("named", "acronym")}
        learned: dict[str, _Candidate] = {}
        for match in re.finditer(r"\s*\(([A-Z][A-Za-z0-9]{1,9}(?: [IV]{1,3})?)\)", doc.text):
            acronym = match.group(1)
            if not is_acronym(acronym) or alias_key(acronym) in self.gazetteer.actor_index:
                continue
            long_form = actors_ending_at.get(match.start())
            if long_form is not None and acronym not in learned:
                learned[acronym] = long_form
        found = []
        for acronym, long_form in sorted(learned.items()):
            for match in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(acronym)}(?![A-Za-z0-9])", doc.text):
                found.append(
                    _Candidate("actor", long_form.ids, match.start(), match.end(), acronym, "defined-acronym")
                )
        return found

    def _coordinated_candidates(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """Modifiers sharing a head noun: in "French and Malian forces", "Malian forces" is
        matched and "French" stands for "French forces"; lists work too ("French, Burkinabe
        and Malian troops"). An identity group matched alone in such a list is taken out of
        `chosen` for the reading that shares the head noun."""
        found = []
        taken = [(c.start, c.end) for c in chosen]
        for candidate in chosen:
            if candidate.kind != "actor":
                continue
            words = text[candidate.start:candidate.end].split()
            if len(words) >= 2:
                head = " ".join(words[1:])
            else:
                # ("Malian and Wagner personnel": the name alone, its people's noun after it)
                following = re.match(r"\s+(\w+)", text[candidate.end:candidate.end + 30])
                if following is None or following.group(1).lower() not in self.settings.personnel_nouns:
                    continue
                head = following.group(1).lower()
            end = candidate.start
            while True:
                match = _COORDINATED_MODIFIER.search(text, max(0, end - 40), end)
                if match is None:
                    break
                key = alias_key(f"{match.group(1)} {head}")
                ids = self.gazetteer.actor_index.get(key)
                if not ids and head.lower() in self.settings.personnel_nouns:
                    # (its people's noun the gazetteer knows it by: "Malian personnel", "Malian forces")
                    keys = (alias_key(f"{match.group(1)} {noun}") for noun in self.settings.personnel_nouns)
                    key = next((known for known in keys if known in self.gazetteer.actor_index), key)
                    ids = self.gazetteer.actor_index.get(key)
                start, stop = match.start(1), match.end(1)
                # ("Dogon and Fulani militiamen": "Dogon" stands for the Dogon militiamen, not the
                # identity group it would name alone)
                alone = [c for c in chosen if (c.start, c.end) == (start, stop) and c.kind == "actor"
                         and all(self.gazetteer.actors[i].kind == "identity group" for i in c.ids)]
                if ids and alone:
                    chosen.remove(alone[0])
                    taken.remove((start, stop))
                if not ids or any(s < stop and start < e for s, e in taken):
                    break
                found.append(_Candidate("actor", frozenset(ids), start, stop, self._alias_of.get(("actor", key), key), "named"))
                taken.append((start, stop))
                end = start
        return found

    def _locative_place_candidates(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """A capitalised name after a locative word that nothing matched is looked up fuzzily
        among all places, GeoNames included (spelling variants such as "Tinzawaten")."""
        found = []
        # a shorter name inside a longer place name gives way to it when that name is close to a
        # place ("Peulh" in "Nouhoun-Peulh" is no Fulani, "Nouhoun" no other village)
        taken = [(c.start, c.end, True) for c in chosen]  # (start, end, gives way to a longer name)
        for match in self._locative.finditer(text):
            start, end = match.span(1)
            if not match.group(1)[:1].isupper() or any(
                s < end and start < e and not (yields and start <= s and e <= end and (s, e) != (start, end))
                for s, e, yields in taken
            ):
                continue
            key = alias_key(match.group(1))
            landmark = self.gazetteer.landmark_index.get(key)
            # (the whole name: not "Adar" of "Adar N'Tikilit")
            if landmark and key not in self._known_keys and len(key) >= 3 and not re.match(r" [A-Z]", text[end:end + 2]):
                # a well, camp or wadi the text points at ("in the area of Intaylalene")
                found.append(_Candidate("place", frozenset(landmark), start, end, self._landmark_alias(key), "geonames"))
                taken.append((start, end, False))
                continue
            word = match.group(0)[:start - match.start()].strip().lower()
            common = self.gazetteer.place_index.get(key)
            if common and " " not in key and word in self.settings.near_words and not re.match(r" [A-Z]", text[end:end + 2]) \
                    and not any(self.gazetteer.is_curated(i) for i in common) and key not in _time_words():
                # a place name too common to match in running text ("Bore"), capitalised after a
                # word that points at a place ("near Bore")
                found.append(_Candidate("place", frozenset(common), start, end, match.group(1), "geonames", 100.0))
                taken.append((start, end, False))
                continue
            if len(key) < self.settings.fuzzy_min_chars - 1 or key in self._known_keys or key.split()[0] in self._modifiers:
                continue
            # a variant keeps the first letter ("Ogassagou", "Ogossagou"); "Mandoli" is not "Dandoli"
            hit = process.extractOne(
                key.replace(" ", ""), self._place_choices_by_initial.get(key[:1], ()), scorer=fuzz.ratio,
                score_cutoff=self.settings.place_fuzzy_cutoff,
            )
            if hit is None:
                continue
            matched_key, score = self._place_choices[hit[0]], hit[1]
            if score < self.settings.place_geonames_fuzzy_cutoff and not any(
                    self.gazetteer.is_curated(place_id) for place_id in self.gazetteer.place_index[matched_key]):
                continue
            found.append(
                _Candidate("place", frozenset(self.gazetteer.place_index[matched_key]), start, end,
                           self._alias_of.get(("place", matched_key), matched_key), "fuzzy", round(score, 1))
            )
            taken.append((start, end, False))
        return found

    def _unresolved_place_candidates(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """Names the text gives as places ("the village of Dantao", "the area of Petaka") that
        nothing matched: kept as unresolved places, so no named place is lost."""
        if self._default_country is None:
            return []
        found = []
        for match in (*self._named_place.finditer(text), *self._place_named_before.finditer(text)):
            start, end = match.span(1)
            name = match.group(1)
            key = alias_key(name)
            if any(c.start < end and start < c.end for c in chosen) or re.match(r" [A-Z]", text[end:end + 2]):
                continue  # taken, or part of a longer name the pattern could not take whole
            known = self.gazetteer.place_index.get(key) or self.gazetteer.landmark_index.get(key)
            if not known and (key in self._known_keys or key.split()[0] in self._modifiers):
                continue
            if known:
                # a name too short or too common to match in running text, here said to be a place
                # ("the Fulani village of Pe")
                found.append(_Candidate("place", frozenset(known), start, end, name, "geonames", 100.0))
                continue
            if " " not in key and word_log_probability(key) > self.settings.common_word_logprob:
                continue  # "the area of Operation", "the town of Tuesday": words, not names
            found.append(_Candidate("place", frozenset({self._default_country}), start, end, name, "unresolved", 100.0))
        for match in self._after_locative.finditer(text):
            start, end = match.span(1)
            # (taken, or part of a longer name, or named again by an editor in square brackets;
            # units in round brackets may follow: "in Mandoli (Bandiagara, Mopti)")
            if any(c.start < end and start < c.end for c in (*chosen, *found)) or re.match(r"\s*[A-Z[]", text[end:end + 3]):
                continue
            key = alias_key(match.group(1))
            if match.group(0).lower().startswith(self.settings.coded_place_words):
                # the analyst names the place the event is coded at, however short or common the
                # name ("(coded as Bi at geoprecision 2)")
                known = self.gazetteer.place_index.get(key) or self.gazetteer.landmark_index.get(key)
                if known:
                    found.append(_Candidate("place", frozenset(known), start, end, match.group(1), "geonames", 100.0))
                    continue
                if key in _time_words():
                    continue
            elif not self._unknown_name(key):
                continue
            found.append(_Candidate("place", frozenset({self._default_country}), start, end, match.group(1), "unresolved", 100.0))
        return found

    def _capital_candidates(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """A country's capital named by its title: "Mali's capital" (the country before it) and
        "the capital", the default country's, unless the text says which place it is ("the
        capital of Israel", "the capital, Bamako", "declared Gao the capital", "the presidential
        palace in Ouagadougou"). The seats of state a capital holds name it too: "the
        presidential palace", "the national assembly"."""
        places = self.gazetteer.places
        found = []
        for match in _CAPITAL.finditer(text):
            start, end = match.span()
            if re.match(r"\s+(?:city\s+)?of\b|\s*,?\s*[A-Z]|\s+(?:in|at)\s+[A-Z]", text[end:end + 12]):
                continue  # the text says which place it is
            country = next((c for c in chosen if c.kind == "place" and c.end <= start
                            and re.fullmatch(r"(?:['’]?s)?\s+", text[c.end:start])), None)
            if country is not None:
                # (a country's name may match its GeoNames entry too: any entry that is the country)
                capital = next(filter(None, (self._capital_of(places.get(i)) for i in sorted(country.ids))), None)
                if capital is not None:
                    found.append(_Candidate("place", frozenset({capital}), country.start, end, text[country.start:end], "named"))
                continue
            capital = self._capital_of(places.get(self._default_country or ""))
            if not match.group(1) or capital is None:
                continue
            if any(c.kind == "place" and c.end <= start and re.fullmatch(r"\s*,?\s*(?:as\s+)?", text[c.end:start]) for c in chosen):
                continue
            found.append(_Candidate("place", frozenset({capital}), start, end, match.group(0), "common"))
        return found

    def _states_acting(self, mentions: list[EntityMention], body: str) -> list[EntityMention]:
        """A country or its capital named as the side that acts, at the head of a clause right
        before an act of a state ("In June 2021, France announced …", "After France suspended
        aid, Bamako banned …"), stands for the state its country entry names, not for a place;
        named after a preposition or as a modifier ("in France", "France's army") it stays a place."""
        result = []
        for index, mention in enumerate(mentions):
            state = self._state_for_place.get(mention.entity_id) if mention.kind == "place" else None
            # (not the last of a list of places: "communities from Mali and Niger signed")
            listed = index > 0 and mentions[index - 1].kind == "place" and re.fullmatch(
                r"\s*,?\s*(?:and|et|&)\s*", body[mentions[index - 1].end:mention.start]) is not None
            if state is not None and not listed and _CLAUSE_HEAD.search(body, max(0, mention.start - 40), mention.start):
                act = _STATE_ACT_AFTER.match(body, mention.end)
                if act is not None and act.group(1).lower() in self._state_verbs:
                    mention = EntityMention(kind="actor", entity_id=state, text=mention.text, start=mention.start,
                                            end=mention.end, alias=mention.text, score=mention.score,
                                            sentence_index=mention.sentence_index)
            result.append(mention)
        return result

    def _capital_of(self, country: Optional[PlaceEntry]) -> Optional[str]:
        """The id of a country's capital, as the curated entry of that country gives it (a
        GeoNames country has none of its own); None for anything else."""
        if country is None or country.kind != "country":
            return None
        curated = self._curated_country.get(country.country)
        capital = country.capital or (curated.capital if curated is not None else None)
        return capital if capital in self.gazetteer.places else None

    def _unknown_name(self, key: str) -> bool:
        """True for a name no entry knows, long enough, and no English text uses ("Diakourou";
        not "Geneva", "Ramadan" or a month)."""
        return len(key) >= self.settings.fuzzy_min_chars and key not in self._known_keys and key not in _time_words() \
            and key.split()[0] not in self._modifiers and not self.gazetteer.place_index.get(key) \
            and not self.gazetteer.landmark_index.get(key) \
            and all(word_log_probability(word) <= self.settings.unknown_word_logprob for word in key.split())

    def _stand_in_units(self, mentions: list[EntityMention]) -> list[EntityMention]:
        """Where an unresolved place stands: at the nearest located place of its sentence ("the
        area of Tadalok, not far from Abeibara"; an unresolved place the units after it located
        counts: "the village of Nabirin in the commune of Koporo Pen (Koro, Mopti)"), else in the
        region of the nearest located place of the document, else in the document's country."""
        places = self.gazetteer.places
        located = [m for m in mentions if m.kind == "place" and m.entity_id in places
                   and places[m.entity_id].kind != "country"]
        resolved = []
        for mention in mentions:
            if mention.method == "unresolved" and mention.entity_id == self._default_country and located:
                nearest = min(located, key=lambda m: (m.sentence_index != mention.sentence_index, abs(m.start - mention.start)))
                entry = places[nearest.entity_id]
                if nearest.sentence_index != mention.sentence_index:
                    entry = self._region_of(entry) if entry.kind != "region" else entry
                if entry is not None:
                    mention = mention.model_copy(update={"entity_id": entry.id})
            resolved.append(mention)
        return resolved

    def _landmark_alias(self, key: str) -> str:
        """The landmark name or alias written as the key `key` reads."""
        for place_id in sorted(self.gazetteer.landmark_index[key]):
            place = self.gazetteer.places[place_id]
            for name in (place.name, *place.aliases):
                if alias_key(name) == key:
                    return name
        return key

    def _fuzzy_candidates(self, doc: Doc, chosen: list[_Candidate]) -> list[_Candidate]:
        """Near-misses: capitalised token runs that no alias matched, scored with rapidfuzz."""
        if not self._fuzzy_choices:
            return []
        taken = [(c.start, c.end) for c in chosen]
        found: list[_Candidate] = []
        tokens = list(doc)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not (token.text[:1].isupper() and token.is_alpha) or token.is_sent_start:
                index += 1
                continue
            best: Optional[_Candidate] = None
            for length in range(min(self.settings.fuzzy_max_tokens, len(tokens) - index), 0, -1):
                span = doc[index:index + length]
                if not span[-1].text[:1].isupper():
                    continue
                if any(start < span.end_char and span.start_char < end for start, end in taken):
                    continue
                key = alias_key(span.text)
                if len(key) < self.settings.fuzzy_min_chars or key in self._known_keys:
                    continue
                if key.split()[0] in self._modifiers and len(key.split()) == 1:
                    continue
                if all(word_log_probability(word) > self.settings.common_word_logprob for word in key.split()):
                    continue  # "Secretary-General" is ordinary words, not a misspelt name
                hit = process.extractOne(key, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=self.settings.fuzzy_cutoff)
                if hit is None:
                    continue
                matched_key, score, _ = hit
                kind, alias, _method = self._fuzzy_keys[matched_key]
                if kind == "place" and matched_key[:1] != key[:1]:
                    continue  # a place's variant keeps its first letter ("Acharane" is not "Tacharane")
                index_map = self.gazetteer.actor_index if kind == "actor" else self.gazetteer.place_index
                best = _Candidate(kind, frozenset(index_map[matched_key]), span.start_char, span.end_char, alias, "fuzzy", round(score, 1))
                break
            if best is not None:
                found.append(best)
                taken.append((best.start, best.end))
                index = doc.char_span(best.start, best.end, alignment_mode="expand").end
            else:
                index += 1
        return found

    def _misspelt_common_candidates(self, doc: Doc, chosen: list[_Candidate]) -> list[_Candidate]:
        """Misspelt common nouns of actors ("assailans", "governent", "demonstraters"): a long
        lower-case word no English text uses, that nothing matched, near a one-word common-noun
        alias, is that alias."""
        if not self._common_choices:
            return []
        taken = [(c.start, c.end) for c in chosen]
        found: list[_Candidate] = []
        for token in doc:
            word = token.text
            if len(word) < self.settings.common_fuzzy_min_chars or not word.isalpha() or not word.islower() \
                    or any(start < token.idx + len(word) and token.idx < end for start, end in taken) \
                    or word in self._known_keys or word_log_probability(word) > self.settings.unknown_word_logprob:
                continue
            hit = process.extractOne(word, self._common_choices, scorer=fuzz.ratio, score_cutoff=self.settings.fuzzy_cutoff)
            if hit is None:
                continue
            key = self._common_forms[hit[0]]
            found.append(_Candidate("actor", frozenset(self.gazetteer.actor_index[key]), token.idx, token.idx + len(word),
                                    self._alias_of[("actor", key)], "fuzzy", round(hit[1], 1)))
        return found

    def _resolve(self, candidate: _Candidate, document: Document, sentence_index: int) -> list[EntityMention]:
        text = document.body[candidate.start:candidate.end]
        method = {"named": "alias", "acronym": "alias", "common": "alias"}.get(candidate.method, candidate.method)
        if candidate.kind == "actor":
            actor_id = _pick_actor(candidate.ids, self.gazetteer.actors)
            return [
                EntityMention(
                    kind="actor", entity_id=actor_id, text=text, start=candidate.start, end=candidate.end,
                    alias=candidate.alias, score=candidate.score, method=method, sentence_index=sentence_index,
                )
            ]
        return [
            EntityMention(
                kind="place", entity_id=",".join(sorted(candidate.ids)), text=text, start=candidate.start,
                end=candidate.end, alias=candidate.alias, score=candidate.score, method=method,
                sentence_index=sentence_index,
                place_scope="point",
            )
        ]

    def _disambiguate_places(self, mentions: list[EntityMention], document: Document) -> list[EntityMention]:
        """Choose one place for each ambiguous place mention, and mark region-scope mentions.

        Context first: a candidate in the admin1 region most named by the document's other,
        unambiguous places; then curated over GeoNames, populated places over units, larger
        population. Candidates left tied across one region give the region itself.
        """
        places = self.gazetteer.places
        context = Counter()
        anchors: list[tuple[float, float]] = []
        for mention in mentions:
            if mention.kind != "place":
                continue
            confident, exact = self._confident_place(mention.entity_id.split(","))
            if confident is not None and places[confident].admin1:
                context[places[confident].admin1] += 1
            if exact and places[confident].kind in ("town", "village", "site"):
                anchors.append((places[confident].lat, places[confident].lon))
        resolved = []
        for position, mention in enumerate(mentions):
            if mention.kind != "place" or mention.method == "unresolved":
                resolved.append(mention)
                continue
            ids = self._within_units(mention.entity_id.split(","), mentions, position, document.body)
            chosen = self._choose_place(ids, context, anchors, alias_key(mention.alias or mention.text))
            scope = "point"
            if _followed_by_region_word(document.body, mentions, position):
                region = self._region_of(places[chosen])
                # "the Kidal region" is the region named after the town; "the Essakane region"
                # is the country around Essakane, in a region named after another town
                if region is not None and _region_named_after(mention.text, region):
                    chosen, scope = region.id, "region"
            method = mention.method
            if places[chosen].kind == "region":
                scope = "region"
                if chosen not in ids and not _region_named_after(mention.text, places[chosen]):
                    # same-named places nothing tells apart, in one region: the place is kept by
                    # its name, unresolved, at the region ("the village of Komboko", Mopti)
                    method = "unresolved"
            elif places[chosen].kind == "country":
                scope = "country"
            resolved.append(mention.model_copy(update={"entity_id": chosen, "place_scope": scope, "method": method}))
        return resolved

    def _within_units(self, ids: list[str], mentions: list[EntityMention], position: int, body: str) -> list[str]:
        """Of several same-named places, those in the units the brackets after the name give
        ("Tin Tagart (Gao, Gao)": the one in the Gao cercle); all of them when none is."""
        if len(ids) < 2:
            return ids
        bracket = re.match(r"\s*[(\[]([^()\[\]]{1,80})[)\]]", body[mentions[position].end:])
        if bracket is None:
            return ids
        start, end = mentions[position].end + bracket.start(1), mentions[position].end + bracket.end(1)
        places = self.gazetteer.places
        units = [places[i] for m in mentions if m.kind == "place" and start <= m.start and m.end <= end
                 for i in m.entity_id.split(",") if i in places]
        for level in ("admin2", "admin1"):
            names = {fold_text(getattr(unit, level) or (unit.name if unit.kind == ("cercle" if level == "admin2" else "region") else "")).lower()
                     for unit in units} - {""}
            inside = [i for i in ids if fold_text(getattr(places[i], level) or "").lower() in names]
            if inside:
                return inside
        if units:
            # GeoNames often leaves the cercle blank: the one nearest the smallest unit, if near it
            unit = units[0]
            distance, nearest = min((distance_km((places[i].lat, places[i].lon), (unit.lat, unit.lon)), i) for i in ids)
            if distance <= self.settings.units_km:
                return [nearest]
        return ids

    def _confident_place(self, ids: list[str]) -> tuple[Optional[str], bool]:
        """The place a mention names without help from context, and whether it is exactly that
        place: the only candidate or the only curated one (exact), or any candidate when all lie
        in one admin1 region (region known, place not); else (None, False)."""
        if len(ids) == 1:
            return ids[0], True
        curated = [i for i in ids if self.gazetteer.is_curated(i)]
        if len(curated) == 1:
            return curated[0], True
        if len({self.gazetteer.places[i].admin1 for i in ids}) == 1:
            return sorted(ids)[0], False
        return None, False

    def _choose_place(self, ids: list[str], context: Counter, anchors: list[tuple[float, float]] = (),
                      key: str = "") -> str:
        """One of several same-named places: the one in the region the document names most,
        curated before GeoNames, settlements before sites and units, one whose own name it is
        before one that has it as a variant ("Sona" is the village Sona, not Soana, also written
        Sona), towns before villages, larger first. Still tied: one place recorded twice when all
        lie within `duplicate_km`; else the one nearest a place the document names for sure,
        within `proximity_km`; else the spot most of them lie at, when a name is given to several
        features within `duplicate_km` (a well and the camp beside it); else the region when they
        share one; else the one nearest such a place, however far."""
        places = self.gazetteer.places
        if len(ids) == 1:
            return ids[0]

        def rank(place_id: str) -> tuple:
            place = places[place_id]
            curated = self.gazetteer.is_curated(place_id)
            return (
                -context.get(place.admin1, 0),
                not curated,
                _PLACE_KIND_RANK.get(place.kind, 9) > _PLACE_KIND_RANK["village"],
                bool(key) and alias_key(place.name) != key,
                _PLACE_KIND_RANK.get(place.kind, 9),
                -(place.population or 0),
                place_id,
            )

        ranked = sorted(ids, key=rank)
        best, runner_up = ranked[0], ranked[1]
        # (tied: equal in everything but the id)
        if rank(best)[:-1] == rank(runner_up)[:-1]:
            tied = [place_id for place_id in ranked if rank(place_id)[:-1] == rank(best)[:-1]]
            # (each tied place with those that lie within `duplicate_km` of it, in rank order)
            together = {a: tuple(b for b in tied if distance_km((places[a].lat, places[a].lon), (places[b].lat, places[b].lon))
                                 <= self.settings.duplicate_km) for a in tied}
            if all(len(near) == len(tied) for near in together.values()):
                return best
            if anchors:
                distance, nearest = min(
                    (min(distance_km((places[i].lat, places[i].lon), anchor) for anchor in anchors), i) for i in tied
                )
                if distance <= self.settings.proximity_km:
                    return nearest
            # (a name several features share in one spot, a well and the camp beside it, before a
            # lone namesake far away)
            clusters = sorted(set(together.values()), key=lambda cluster: (-len(cluster), cluster))
            if len(clusters) > 1 and len(clusters[0]) > len(clusters[1]) and len(clusters[0]) > len(tied) / 2:
                return clusters[0][0]
            if places[best].admin1 == places[runner_up].admin1:
                region = self._region_of(places[best])
                if region is not None:
                    return region.id
            if anchors:
                # in different regions, none near: the nearest still beats the order of ids
                return nearest
        return best

    def _region_of(self, place: PlaceEntry) -> Optional[PlaceEntry]:
        """The region entry (admin1) a place lies in, curated before GeoNames."""
        return self._regions.get((place.country, place.admin1))


# between a common noun and the group it is said to be: "fighters believed to be from the
# Russian Wagner Group", "gunmen thought to be members of JNIM" (not an allegiance: "linked to")
_SAID_TO_BE = re.compile(
    r"\s+(?:who\s+(?:are|were)\s+)?(?:believed|thought|said|suspected|presumed|reported|alleged|understood)\s+to\s+be\s+"
    r"(?:(?:from|members?\s+of|part\s+of|elements?\s+of|fighters?\s+of)\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+)?")


# a lower-case word right before a noun, and the words that are no adjective of it
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]+)\s+\Z")
_NOT_ADJECTIVES = frozenset({"and", "or", "nor", "but", "with", "by", "of", "the", "a", "an", "to", "from", "in", "on",
                             "at", "as", "that", "which", "who", "some", "their", "its", "his", "her", "two", "three"})


def _identified_after(mentions: list[EntityMention], body: str, gazetteer: Gazetteer) -> list[EntityMention]:
    """"foreign fighters believed to be from the Russian Wagner Group": a common noun of a side
    that the text says is a named group is that group, one mention from the noun to the name, so
    that a side named before it joins it ("Malian soldiers and foreign fighters believed …")."""
    actors = gazetteer.actors
    result: list[EntityMention] = []
    skip = -1
    for index, mention in enumerate(mentions):
        if index == skip:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and mention.kind == following.kind == "actor" \
                and mention.entity_id in actors and actors[mention.entity_id].generic \
                and following.entity_id in actors and not actors[following.entity_id].generic \
                and _SAID_TO_BE.fullmatch(body[mention.end:following.start]):
            start = mention.start
            # (with the adjective of the noun: "foreign fighters believed to be …")
            adjective = _ADJECTIVE_BEFORE.search(body, max(0, start - 30), start)
            if adjective is not None and adjective.group(1).lower() not in _NOT_ADJECTIVES:
                start = adjective.start(1)
            result.append(following.model_copy(update={"start": start, "text": body[start:following.end]}))
            skip = index + 1
            continue
        result.append(mention)
    return result


def _identified_in_brackets(mentions: list[EntityMention], body: str, gazetteer: Gazetteer) -> list[EntityMention]:
    """"Inalabag [Tin Elebag]", "Gnagnabou [Nyagambou]": a place named in square brackets right
    after another is the editor's identification of it, and the place the name before means."""
    result = list(mentions)
    places = [i for i, m in enumerate(mentions) if m.kind == "place" and m.method != "unresolved"]
    for first, second in zip(places, places[1:]):
        named, identified = mentions[first], mentions[second]
        entry = gazetteer.places.get(identified.entity_id)
        if entry is None or entry.kind in ("region", "cercle", "country") \
                or not re.fullmatch(r"\s*\[", body[named.end:identified.start]) or body[identified.end:identified.end + 1] != "]":
            continue
        result[first] = named.model_copy(update={"entity_id": identified.entity_id, "alias": identified.alias,
                                                 "score": identified.score, "place_scope": identified.place_scope})
    return result


# a stance prefix glued to the word after it: "pro-government", "anti-Wagner"
_STANCE_PREFIX = re.compile(r"(?<![\w-])(?i:pro|anti)-\Z")
# an editor's square bracket after a place, and the name in it: "Garou [Garou-Leye]"
_EDITOR_BRACKET = re.compile(r"\s*\[([^\[\]]*)\]")
_EDITOR_NAME = re.compile(r"\s*\[([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})\]")
# a block or sector code after a village's name: "Touba-Koura K06", "Kolongo N8"
_BLOCK_CODE = re.compile(r"\s+[A-Z]{0,3}\d{1,3}[A-Za-z]?\b")
# what may stand between a place and the bracket of its units: a code ("K06"), the commune
# that holds it ("in Timiniri Commune", ", Sokoura Commune"), an editor's identification of it
# in square brackets ("Garou [Garou-Leye] (Bandiagara, Mopti)")
_UNIT_GAP = re.compile(rf"(?:\s*\[[^\[\]()]{{1,40}}\])?(?:{_BLOCK_CODE.pattern})?"
                       r"(?:,?\s+(?:in\s+(?:the\s+)?)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+[Cc]ommune)?")


@functools.lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """The month, weekday and season names of the date vocabulary, in every language."""
    return frozenset(alias_key(word) for words in load_time_vocabulary().values()
                     for word in chain(words.months, words.weekdays, words.seasons))


def _drop_admin_parentheticals(mentions: list[EntityMention], body: str,
                               contradicted=lambda _place, _units: False) -> list[EntityMention]:
    """Places in brackets after a place name its administrative units: "Tanouwa (Koro, Mopti)".

    They say where the place is, not where an event is: when the bracket follows a place that
    resolved, the units are dropped; when it follows a name nothing resolved, or one whose
    resolution the units contradict (`contradicted(place, units)`: a near-miss in another
    cercle, a namesake), the name is kept, unresolved, at the first unit (the smallest).
    """
    dropped: set[int] = set()
    for match in re.finditer(r"\(([^()]{1,80})\)", body):
        inside = [i for i, m in enumerate(mentions) if match.start() < m.start and m.end < match.end()]
        if not inside or any(mentions[i].kind != "place" for i in inside):
            continue
        rest = body[match.start() + 1:match.end() - 1]
        for i in inside:
            rest = rest.replace(mentions[i].text, "", 1)
        if rest.strip(" ,;/") != "":
            continue
        before = body[:match.start()].rstrip()
        # (right before the bracket, or before a code or the commune it lies in: "Touba-Koura K06
        # (Niono, Segou)", "Soh in Timiniri Commune (Bandiagara, Mopti)")
        # (an editor's bracket that names a place the gazetteer knows identifies it: see
        # _identified_in_brackets)
        preceding = [i for i, m in enumerate(mentions)
                     if m.kind == "place" and m.end <= len(before) and _UNIT_GAP.fullmatch(before, m.end)
                     and not _identifies_a_known_place(body, m.end, mentions)]
        if preceding and (mentions[preceding[0]].method == "unresolved"
                          or contradicted(mentions[preceding[0]], [mentions[i] for i in inside])):
            # "the village of Docoumbo (Bandiagara, Mopti)", or a name whose only match lies
            # elsewhere (a namesake): a place no entry knows, which the smallest unit holds; an
            # irrigation block's code stays with its name ("Touba-Koura K06"), and an editor's
            # name for it in square brackets is the one it goes by ("Garou [Garou-Leye]"); the
            # commune named before the bracket, when known, holds it more closely than the units
            place = mentions[preceding[0]]
            code = _BLOCK_CODE.match(body, place.end)
            start, end = place.start, (code.end() if code else place.end)
            editor = _EDITOR_NAME.match(body, place.end)
            if editor is not None and _free_of_mentions(editor.span(1), [(m.start, m.end) for m in mentions]):
                start, end = editor.span(1)
            communes = [i for i, m in enumerate(mentions) if m.kind == "place" and m.method != "unresolved"
                        and place.end <= m.start and m.end <= len(before)]
            holder = mentions[communes[0]] if communes else mentions[inside[0]]
            mentions[preceding[0]] = place.model_copy(update={
                "entity_id": holder.entity_id, "method": "unresolved", "start": start, "end": end,
                "text": body[start:end]})
            dropped.update(inside)
            dropped.update(communes)
            continue
        dropped.update(inside if preceding else inside[1:])
    return [mention for index, mention in enumerate(mentions) if index not in dropped]


def _identifies_a_known_place(body: str, position: int, mentions: list[EntityMention]) -> bool:
    """True when an editor's square bracket at `position` names a place a mention resolved."""
    editor = _EDITOR_BRACKET.match(body, position)
    return editor is not None and any(editor.start(1) <= m.start and m.end <= editor.end(1) for m in mentions if m.kind == "place")


def _free_of_mentions(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """True when no mention overlaps `span`."""
    return not any(start < span[1] and span[0] < end for start, end in taken)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _inside_longer_name(span) -> bool:
    doc = span.doc
    neighbours = []
    if span.start > 0 and not doc[span.start - 1].is_punct:
        neighbours.append(doc[span.start - 1])
    if span.end < len(doc) and not doc[span.end].is_punct:
        neighbours.append(doc[span.end])
    return any(token.text[:1].isupper() and token.is_alpha for token in neighbours)


def _pick_actor(ids: Iterable[str], actors: dict[str, ActorEntry]) -> str:
    """One actor for an alias several carry: a named actor before a generic one, then by id."""
    return sorted(ids, key=lambda actor_id: (actors[actor_id].generic, actor_id))[0]


# the rest of a capitalised place name after its first word: hyphenated parts and one more
# capitalised word ("Nouhoun-Peulh", "Tin Hama")
# (the Tamasheq particle of "Ti-n-Dersan", "Tin-n-Essako", written apart once hyphens are folded)
_NAME_REST = r"(?:-[\w']+)*(?:[ ]n(?=[ ][A-Z]))?(?:[ ][A-Z][\w']+(?:-[\w']+)*)?"
# a capitalised word joined by a hyphen after or before a name: "Derou-Na", "Tendji-Ireli"
_HYPHENED_AFTER = re.compile(r"-([A-Z][\w']+)(?![\w'-])")
_HYPHENED_BEFORE = re.compile(r"(?<![\w'-])([A-Z][\w']+)-\Z")
# a hyphened pair of places on a road: "the axis Doro-Tinkarazeina", "the Gao-Ber road"
_ON_A_ROUTE = re.compile(r"(?i:\b(?:axis|axes|road|roads|route|highway|track|corridor|border|axe))\b")
# what says a place is near another: "X, near Y", "X (near Y)", "X not far from Y"
_SAID_TO_BE_NEAR = re.compile(r"\s*[,(]?\s*(?:near|close to|not far from|outside|near to|à proximité de|près de)\s+(?:the\s+(?:town|village|city)\s+of\s+)?")
# between a place and the unit said to hold it: "Koro, Mopti", "the Zinda area of Gao", "Saye in Mopti"
_APPOSED_UNIT = re.compile(r",\s*|\s+(?:(?:area|locality|village|commune|district|quarter|sector)\s+)?(?:of|in)\s+(?:the\s+)?")
# a list of places goes on after the second name, or came before the first
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)\s*[A-Z]")
_LIST_GOES_ON_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*(?:,|and|or|&)\s*$")


def _region_named_after(name: str, region: PlaceEntry) -> bool:
    """True when `region` bears the place name `name` ("Gao" and "Gao Region", "Région de Gao")."""
    return any(alias_key(fold_admin_name(form)) == alias_key(name) for form in (region.name, *region.aliases))


def _followed_by_region_word(body: str, mentions: list[EntityMention], position: int) -> bool:
    """True for 'Kidal' in 'the Kidal, Gao and Timbuktu regions' or 'the Kidal region' (town alias)."""
    end = mentions[position].end
    for following in mentions[position + 1:]:
        gap = body[end:following.start]
        if following.kind != "place" or not re.fullmatch(r"\s*(?:,|and|et|&|,\s*and)\s*", gap):
            break
        end = following.end
    return re.match(r"\s+(?:regions?|régions?|Regions?)\b", body[end:]) is not None


def _select_non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Greedy choice of the longest, best-ranked candidates that do not overlap."""
    chosen: list[_Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda item: item.priority, reverse=True):
        if any(start < candidate.end and candidate.start < end for start, end in occupied):
            continue
        chosen.append(candidate)
        occupied.append((candidate.start, candidate.end))
    return chosen
