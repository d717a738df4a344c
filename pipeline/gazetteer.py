"""The gazetteer: actors, places and event triggers loaded from `gazetteer/*.yaml`.

Entries are validated by the records in `models.gazetteer` as they load; a failure names the
file, the line of the entry and the field. Aliases are indexed once into `alias -> set(ids)`
(ambiguity is a set, never a silent overwrite) after folding case, accents, apostrophes and
hyphens, so "Aguel'hoc", "Aguel-Hoc" and "AGUELHOC" share one key.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from models.gazetteer import ActorEntry, PlaceEntry, TriggerEntry

from .errors import GazetteerError, format_validation_error

DEFAULT_GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "gazetteer"
ACTOR_FILE = "actors.yaml"
PLACE_FILE = "places.yaml"
TRIGGER_FILE = "triggers.yaml"

# one character in, one character out, so offsets in folded text are offsets in the body
_CHARACTER_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": " ",
    "\u0153": "o", "\u0152": "O", "\u00e6": "a", "\u00c6": "A", "\u00df": "s", "\u0131": "i",
}


@functools.lru_cache(maxsize=None)
def fold_char(char: str) -> str:
    """Fold one character to one character: accents dropped, quotes/dashes/spaces unified."""
    if char in _CHARACTER_FOLDS:
        return _CHARACTER_FOLDS[char]
    if char.isascii():
        return char
    base = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in base if not unicodedata.combining(part))
    return base if len(base) == 1 else char


def fold_text(text: str) -> str:
    """`text` with every character folded by `fold_char`; the length never changes."""
    if text.isascii() and "`" not in text:
        return text
    return "".join(map(fold_char, text))


_KEY_DROPPED = re.compile(r"['\u2019.]")
_KEY_SPACES = re.compile(r"[-_/\s]+")


def alias_key(alias: str) -> str:
    """The index key of an alias: folded, lower case, apostrophes/hyphens/dots dropped, spaces single."""
    key = _KEY_DROPPED.sub("", fold_text(alias).lower())
    return _KEY_SPACES.sub(" ", key).strip()


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A YAML loader (libyaml's when installed) that records the line of every mapping under `__line__`."""


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line)


def _strip_lines(value):
    if isinstance(value, dict):
        return {key: _strip_lines(item) for key, item in value.items() if key != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(item) for item in value]
    return value


Entry = TypeVar("Entry", bound=BaseModel)


@dataclass(frozen=True)
class LoadedEntry:
    """An entry with the file and line it came from, for messages that point at it."""

    entry: BaseModel
    path: str
    line: int


def load_entries(path: Path, model: type[Entry]) -> list[LoadedEntry]:
    """Load a YAML list of entries and validate each with `model`.

    Raises:
        GazetteerError: naming `path:line`, the entry id when there is one, and the field.
    """
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GazetteerError(shown, None, "gazetteer file is missing") from None
    except UnicodeDecodeError as error:
        raise GazetteerError(shown, None, f"invalid UTF-8 at byte {error.start}") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise GazetteerError(shown, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise GazetteerError(shown, 1, f"expected a list of {model.__name__} entries, got {type(data).__name__}")
    loaded = []
    for item in data:
        if not isinstance(item, dict):
            raise GazetteerError(shown, None, f"expected a mapping for each entry, got {item!r}")
        line = item.get("__line__")
        try:
            entry = model.model_validate(_strip_lines(item))
        except ValidationError as error:
            name = item.get("id", "?")
            raise GazetteerError(shown, line, f"entry {name!r}: {format_validation_error(error)}") from None
        loaded.append(LoadedEntry(entry, shown, line))
    return loaded


def _index_unique(loaded: Sequence[LoadedEntry]) -> dict:
    by_id: dict = {}
    where: dict[str, LoadedEntry] = {}
    for item in loaded:
        entry_id = item.entry.id
        if entry_id in by_id:
            first = where[entry_id]
            raise GazetteerError(
                item.path, item.line, f"duplicate id {entry_id!r} (first defined at {first.path}:{first.line})"
            )
        by_id[entry_id] = item.entry
        where[entry_id] = item
    return by_id


@dataclass
class Gazetteer:
    """Actors, places and triggers with their alias indexes.

    `actor_index`/`place_index` map an alias key (see `alias_key`) to the set of entry ids
    that carry it; `landmark_index` does the same for landmarks (see `add_places`).
    `fingerprint` is a digest of the source files, for caches and outputs.
    """

    actors: dict[str, ActorEntry]
    places: dict[str, PlaceEntry]
    triggers: list[TriggerEntry]
    actor_index: dict[str, set[str]] = field(default_factory=dict)
    place_index: dict[str, set[str]] = field(default_factory=dict)
    fingerprint: str = ""
    origins: dict[str, str] = field(default_factory=dict)
    landmark_index: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.actor_index:
            self.actor_index = build_alias_index(self.actors.values())
        if not self.place_index:
            self.place_index = build_alias_index(self.places.values())

    def add_places(self, places: Iterable[PlaceEntry], origin: str, landmarks: bool = False) -> None:
        """Add places (e.g. from GeoNames) behind the curated ones: a curated id is never replaced.

        Landmarks (wells, camps, wadis …) go to `landmark_index`, not `place_index`: they are
        looked up only where the text points at a place ("in the area of X")."""
        index = self.landmark_index if landmarks else self.place_index
        for place in places:
            if place.id in self.places:
                continue
            self.places[place.id] = place
            self.origins[place.id] = origin
            for key in _entry_keys(place):
                index.setdefault(key, set()).add(place.id)
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(origin.encode())
        self.fingerprint = digest.hexdigest()[:16]

    def is_landmark(self, place_id: str) -> bool:
        """True for a place added as a landmark (see `add_places`)."""
        return self.origins.get(place_id, "").endswith(":landmarks")

    def is_curated(self, place_id: str) -> bool:
        """True for a place of `places.yaml`, False for one added from GeoNames."""
        return self.origins.get(place_id, "curated") == "curated"

    def actor_label(self, actor_id: str, year: Optional[int], country: Optional[str] = "Mali",
                    month: Optional[int] = None) -> Optional[str]:
        """ACLED's label for an actor in a year (and month, when known), following a person to
        their group."""
        actor = self.actors[actor_id]
        label = actor.acled_label(year, country, month)
        if label is None and actor.person is not None and actor.person.group in self.actors:
            return self.actors[actor.person.group].acled_label(year, country, month)
        return label


def _entry_keys(entry) -> set[str]:
    keys = {alias_key(entry.name)}
    keys.update(alias_key(alias) for alias in entry.aliases)
    keys.discard("")
    return keys


def build_alias_index(entries: Iterable) -> dict[str, set[str]]:
    """Index entries by the keys of their name and aliases into `key -> set(ids)`."""
    index: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for key in _entry_keys(entry):
            index[key].add(entry.id)
    return dict(index)


def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def load_gazetteer(directory: Path = DEFAULT_GAZETTEER_DIR) -> Gazetteer:
    """Load and validate `actors.yaml`, `places.yaml` and `triggers.yaml` from `directory`.

    Raises:
        GazetteerError: for the first invalid file or entry, or a duplicate id.
    """
    paths = [directory / ACTOR_FILE, directory / PLACE_FILE, directory / TRIGGER_FILE]
    actors = _index_unique(load_entries(paths[0], ActorEntry))
    places = _index_unique(load_entries(paths[1], PlaceEntry))
    triggers = [item.entry for item in load_entries(paths[2], TriggerEntry)]
    _index_unique([LoadedEntry(trigger, paths[2].as_posix(), 0) for trigger in triggers])
    origins = {place_id: "curated" for place_id in places}
    return Gazetteer(actors=actors, places=places, triggers=triggers, fingerprint=_digest(paths), origins=origins)


@dataclass(frozen=True)
class GazetteerProblem:
    """One finding of `check_gazetteer`: where, which entry, what."""

    path: str
    line: Optional[int]
    entry_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: entry {self.entry_id!r}: {self.message}"


def check_gazetteer(directory: Path = DEFAULT_GAZETTEER_DIR) -> list[GazetteerProblem]:
    """Validate everything in the gazetteer folder and report every problem found.

    Checks: each file parses and each entry validates; ids are unique; membership, person and
    militia groups name existing actors, a country's capital an existing place of it and its
    state an existing actor, a region's `formed_from` an existing region; no alias is carried by
    two actors (or two places of the same kind and admin1, which nothing could tell apart);
    triggers code ACLED's taxonomy.
    """
    problems: list[GazetteerProblem] = []
    loaded: dict[str, list[LoadedEntry]] = {}
    for name, model in ((ACTOR_FILE, ActorEntry), (PLACE_FILE, PlaceEntry), (TRIGGER_FILE, TriggerEntry)):
        try:
            loaded[name] = load_entries(directory / name, model)
        except GazetteerError as error:
            problems.append(GazetteerProblem(error.path, error.line, "-", error.message))
            loaded[name] = []
    for items in loaded.values():
        seen: dict[str, LoadedEntry] = {}
        for item in items:
            if item.entry.id in seen:
                first = seen[item.entry.id]
                problems.append(
                    GazetteerProblem(item.path, item.line, item.entry.id, f"duplicate id (first at line {first.line})")
                )
            seen.setdefault(item.entry.id, item)
    actors = {item.entry.id: item for item in loaded[ACTOR_FILE]}
    for item in loaded[ACTOR_FILE]:
        actor: ActorEntry = item.entry
        targets = [membership.group for membership in actor.memberships]
        if actor.person is not None:
            targets.append(actor.person.group)
        if actor.militia is not None:
            targets.append(actor.militia)
        for target in targets:
            if target not in actors:
                problems.append(GazetteerProblem(item.path, item.line, actor.id, f"names unknown actor {target!r}"))
    places = {item.entry.id: item for item in loaded[PLACE_FILE]}
    for item in loaded[PLACE_FILE]:
        capital = item.entry.capital
        if capital is not None and (capital not in places or places[capital].entry.country != item.entry.country):
            problems.append(GazetteerProblem(item.path, item.line, item.entry.id, f"names unknown capital {capital!r}"))
        state = item.entry.state
        if state is not None and state not in actors:
            problems.append(GazetteerProblem(item.path, item.line, item.entry.id, f"names unknown actor {state!r}"))
        former = item.entry.formed_from
        if former is not None and not any(
                other.entry.kind == "region" and other.entry.country == item.entry.country and other.entry.admin1 == former
                for other in places.values()):
            problems.append(GazetteerProblem(item.path, item.line, item.entry.id, f"is formed from unknown region {former!r}"))
    alias_owners: dict[str, list[LoadedEntry]] = defaultdict(list)
    for item in loaded[ACTOR_FILE]:
        for key in _entry_keys(item.entry):
            alias_owners[key].append(item)
    for key, owners in sorted(alias_owners.items()):
        if len(owners) > 1:
            others = ", ".join(f"{owner.entry.id!r} (line {owner.line})" for owner in owners[1:])
            problems.append(
                GazetteerProblem(owners[0].path, owners[0].line, owners[0].entry.id, f"alias {key!r} is also on {others}")
            )
    place_owners: dict[tuple, list[LoadedEntry]] = defaultdict(list)
    for item in loaded[PLACE_FILE]:
        place: PlaceEntry = item.entry
        for key in _entry_keys(place):
            place_owners[(key, place.kind, place.admin1, place.admin2)].append(item)
    for (key, kind, _admin1, _admin2), owners in sorted(place_owners.items(), key=lambda pair: str(pair[0])):
        if len(owners) > 1:
            others = ", ".join(f"{owner.entry.id!r} (line {owner.line})" for owner in owners[1:])
            problems.append(
                GazetteerProblem(
                    owners[0].path, owners[0].line, owners[0].entry.id,
                    f"{kind} alias {key!r} is also on {others} in the same admin units",
                )
            )
    return problems
