"""Import a GeoNames country dump (e.g. ``ML.txt``) as gazetteer `PlaceEntry` records.

The dump is the standard GeoNames export: one feature per line, 19 tab-separated columns
(geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature
code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population,
elevation, dem, timezone, modification date). GeoNames data is CC BY 4.0; the project reads a
dump from a path the user gives and never ships one.

The records complement the curated `gazetteer/places.yaml`: they carry the GeoNames feature
code in `feature` and ids of the form ``gn-<geonameid>``, so a curated entry always wins a tie.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable, Optional

from models.gazetteer import PlaceEntry

from .errors import LocatedError

# ---------------------------------------------------------------------------------------
# Settings

#: Feature classes kept by default: populated places (P) and administrative units (A).
DEFAULT_FEATURE_CLASSES: tuple[str, ...] = ("P", "A")

#: Feature classes read as landmarks: spots such as camps (S), wells, wadis and marshes (H),
#: hills and depressions (T), localities (L) and forests (V). Conflict reporting names them
#: ("a camp in the area of Intaylalene", "near the well of Kelessere"), but they are only
#: looked up where the text points at a place, never matched in running text.
LANDMARK_CLASSES: tuple[str, ...] = ("S", "H", "T", "L", "V")

#: A populated place with at least this many inhabitants is a "town", below it a "village".
#: Administrative seats (PPLC, PPLA...) are towns whatever their recorded population.
TOWN_MIN_POPULATION = 5_000

#: Alternate names longer than this are descriptions, not names, and are dropped.
MAX_ALIAS_LENGTH = 60

#: The number of tab-separated columns in every GeoNames dump line.
GEONAMES_COLUMNS = 19

#: Feature codes whose kind does not depend on population.
FEATURE_KINDS: dict[str, str] = {
    "PCLI": "country",
    "PCLD": "country",
    "PCLIX": "area",
    "ADM1": "region",
    "ADM2": "cercle",
    "ADM3": "commune",
    "ADM4": "commune",
    "ADMD": "area",
    "PPLC": "town",
    "PPLG": "town",
    "PPLA": "town",
    "PPLA2": "town",
    "PPLA3": "town",
    "PPLA4": "town",
}

#: Country names for the ISO codes of Mali and its neighbours, spelled as ACLED spells them.
#: Any other code is kept as it is.
COUNTRY_NAMES: dict[str, str] = {
    "ML": "Mali",
    "NE": "Niger",
    "BF": "Burkina Faso",
    "MR": "Mauritania",
    "DZ": "Algeria",
    "SN": "Senegal",
    "GN": "Guinea",
    "CI": "Ivory Coast",
    "LY": "Libya",
    "TD": "Chad",
    "NG": "Nigeria",
    "GH": "Ghana",
    "TG": "Togo",
    "BJ": "Benin",
    "GM": "Gambia",
    "GW": "Guinea-Bissau",
    "EH": "Western Sahara",
    "MA": "Morocco",
    "SD": "Sudan",
    "CM": "Cameroon",
}

#: Words GeoNames puts around administrative names ("Tombouctou Region", "Cercle de Kayes")
#: that ACLED's admin1/admin2 columns leave out.
ADMIN_NAME_AFFIXES = re.compile(
    r"^(?:r[eé]gion|cercle|district|commune)\s+(?:de\s+la\s+|de\s+|du\s+|des\s+|d['’ʼ]\s*)?"
    r"|\s+(?:region|cercle|district|department|prefecture|province)$",
    re.IGNORECASE,
)

_LATIN_LETTER = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
#: An alternate name worth keeping: Latin letters, spaces, hyphens, apostrophes, periods and
#: brackets, starting with a capital. Lower-case-only entries in GeoNames are machine
#: transliterations of non-Latin names ("ji da er"), and all-capital ones are codes ("GAQ").
_PLACE_NAME = re.compile(rf"[A-Z\u00C0-\u00D6\u00D8-\u00DE][{_LATIN_LETTER} '’ʼ‘`\-.()]*")
_HAS_LOWER = re.compile(r"[a-z\u00DF-\u00F6\u00F8-\u00FF]")


class GeonamesError(LocatedError):
    """A GeoNames dump that cannot be read: `path:line: what is wrong; what was expected`.

    A `ValueError` (through `LocatedError`), with `path`, `line` and `message` attributes.
    """


# ---------------------------------------------------------------------------------------
# Public API


def load_geonames(
    path: Path,
    *,
    feature_classes: Iterable[str] = DEFAULT_FEATURE_CLASSES,
    min_population: int = 0,
    town_min_population: int = TOWN_MIN_POPULATION,
    landmark_classes: Iterable[str] = (),
    landmarks: Optional[list[PlaceEntry]] = None,
) -> list[PlaceEntry]:
    """Read a GeoNames country dump and return its places as `PlaceEntry` records.

    Features of `landmark_classes` (e.g. `LANDMARK_CLASSES`) are appended to `landmarks`, when
    given, as entries of kind ``site``, in the same one reading of the file.

    Args:
        path: the dump to read (UTF-8, 19 tab-separated columns per line).
        feature_classes: GeoNames feature classes to keep; default ``("P", "A")``, populated
            places and administrative units. Within class A only the codes in
            `FEATURE_KINDS` (countries, ADM1-ADM4) are kept.
        min_population: populated places (class P) with a smaller recorded population are
            dropped; administrative units are kept whatever theirs (GeoNames often has 0).
        town_min_population: the population from which an ordinary populated place is a
            "town" rather than a "village" (default `TOWN_MIN_POPULATION`).

    Returns:
        One entry per kept feature, ordered by geonameid: id ``gn-<geonameid>``, `name`,
        `aliases` (the ASCII name and the Latin-script alternate names), `kind` from the
        feature code, `country` from `COUNTRY_NAMES`, `admin1`/`admin2` resolved to the
        names of the file's own ADM1/ADM2 rows (affixes such as " Region" removed, accents
        folded: "Tombouctou"), `population`, `feature` (the feature code), `sources`
        ``["GeoNames"]``.

    Raises:
        GeonamesError: the file is empty or not UTF-8, or a line has the wrong number of
            columns, a non-numeric geonameid or population, or a coordinate out of range
            (only the rows that are kept are checked beyond their column count).
        OSError: the file cannot be opened.
    """
    rows = _read_rows(path)
    admin1_names, admin2_names = _admin_names(rows)
    wanted = frozenset(feature_classes)
    minor = frozenset(landmark_classes) - wanted if landmarks is not None else frozenset()
    entries: list[tuple[int, PlaceEntry]] = []
    found_landmarks: list[tuple[int, PlaceEntry]] = []
    for line_number, columns in rows:
        feature_class, feature_code = columns[6], columns[7]
        if feature_class not in wanted and feature_class not in minor:
            continue
        population = _population(path, line_number, columns[14])
        if feature_class in minor:
            kind = "site"
        elif feature_class == "P":
            # PPLX/PPLQ/PPLW (sections, abandoned, destroyed places) stay: razed villages are
            # exactly what conflict reporting names.
            if population < min_population:
                continue
            kind = FEATURE_KINDS.get(feature_code) or (
                "town" if population >= town_min_population else "village"
            )
        else:
            kind = FEATURE_KINDS.get(feature_code)
            if kind is None:
                continue
        geonameid = _geonameid(path, line_number, columns[0])
        admin1_code, admin2_code = columns[10], columns[11]
        admin1 = admin1_names.get(admin1_code)
        admin2 = admin2_names.get((admin1_code, admin2_code))
        if feature_code == "ADM1":
            admin1 = _admin_name(columns[1])
        elif feature_code == "ADM2":
            admin2 = _admin_name(columns[1])
        entry = PlaceEntry(
            id=f"gn-{geonameid}",
            name=columns[1],
            kind=kind,
            country=COUNTRY_NAMES.get(columns[8], columns[8]),
            admin1=admin1,
            admin2=admin2,
            lat=_coordinate(path, line_number, columns[4], "latitude", 90),
            lon=_coordinate(path, line_number, columns[5], "longitude", 180),
            aliases=_aliases(columns[1], columns[2], columns[3]),
            population=population or None,
            feature=feature_code,
            sources=["GeoNames"],
        )
        (found_landmarks if feature_class in minor else entries).append((geonameid, entry))
    entries.sort(key=lambda pair: pair[0])
    if landmarks is not None:
        landmarks.extend(entry for _, entry in sorted(found_landmarks, key=lambda pair: pair[0]))
    return [entry for _, entry in entries]


def fold_admin_name(name: Optional[str]) -> Optional[str]:
    """Return an administrative name the way ACLED's admin columns spell it.

    Removes the affixes GeoNames adds ("Tombouctou Region", "Cercle de Yélimané") and folds
    accents: "Ségou Region" -> "Segou". None stays None.
    """
    return None if name is None else _admin_name(name)


# ---------------------------------------------------------------------------------------
# Reading and checking


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Decode the dump and split it into (line number, columns), checking the column count."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_number = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start : error.start + 1].hex()
        raise GeonamesError(
            str(path), line_number, f"byte 0x{byte} is not UTF-8; expected a UTF-8 encoded GeoNames dump"
        ) from None
    rows: list[tuple[int, list[str]]] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) != GEONAMES_COLUMNS:
            raise GeonamesError(
                str(path),
                line_number,
                f"{len(columns)} tab-separated columns; expected {GEONAMES_COLUMNS} "
                "(geonameid, name, asciiname, ... modification date)",
            )
        rows.append((line_number, columns))
    if not rows:
        raise GeonamesError(
            str(path), 1, f"empty file; expected GeoNames rows of {GEONAMES_COLUMNS} tab-separated columns"
        )
    return rows


def _geonameid(path: Path, line_number: int, value: str) -> int:
    if not value.isascii() or not value.isdigit():
        raise GeonamesError(str(path), line_number, f"bad geonameid {value!r}; expected a positive whole number")
    return int(value)


def _population(path: Path, line_number: int, value: str) -> int:
    if value == "":
        return 0
    if not value.isascii() or not value.isdigit():
        raise GeonamesError(
            str(path),
            line_number,
            f"bad population {value!r}; expected a whole number of inhabitants or an empty column",
        )
    return int(value)


def _coordinate(path: Path, line_number: int, value: str, axis: str, limit: int) -> float:
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not -limit <= number <= limit:
        raise GeonamesError(
            str(path),
            line_number,
            f"bad {axis} {value!r}; expected a decimal number between -{limit} and {limit}",
        )
    return number


# ---------------------------------------------------------------------------------------
# Names


def _admin_names(
    rows: list[tuple[int, list[str]]],
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Index the file's ADM1 rows by admin1 code and its ADM2 rows by (admin1, admin2) code."""
    admin1: dict[str, str] = {}
    admin2: dict[tuple[str, str], str] = {}
    for _, columns in rows:
        if columns[6] != "A":
            continue
        if columns[7] == "ADM1" and columns[10]:
            admin1[columns[10]] = _admin_name(columns[1])
        elif columns[7] == "ADM2" and columns[11]:
            admin2[(columns[10], columns[11])] = _admin_name(columns[1])
    return admin1, admin2


def _admin_name(name: str) -> str:
    """'Ségou Region' -> 'Segou', "Cercle d’ Abeïbara" -> 'Abeibara' (ACLED's spelling)."""
    bare = ADMIN_NAME_AFFIXES.sub("", name.strip()).strip()
    return _fold_accents(bare or name)


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: GeoNames writes the Tamasheq "place of" prefixes apart ("I-n-Guersammane", "Ti-n-Essako");
#: reporting writes them as one word ("In-Guersammane", "Tin Essako").
_TAMASHEQ_PREFIX = re.compile(r"^(I|Ti)-n-(?=\w)")


def _aliases(name: str, asciiname: str, alternatenames: str) -> list[str]:
    """The ASCII name and the alternate names that look like Latin-script place names, and the
    joined-prefix form of a name written "I-n-X" or "Ti-n-X" ("In-X", "Tin-X")."""
    seen = {name.casefold()}
    aliases: list[str] = []
    candidates = [asciiname, *alternatenames.split(",")] if alternatenames else [asciiname]
    candidates += [_TAMASHEQ_PREFIX.sub(r"\1n-", candidate) for candidate in (name, *candidates)
                   if _TAMASHEQ_PREFIX.match(candidate)]
    for candidate in candidates:
        candidate = candidate.strip()
        if not _looks_like_place_name(candidate):
            continue
        key = candidate.casefold()
        if key not in seen:
            seen.add(key)
            aliases.append(candidate)
    return aliases


def _looks_like_place_name(candidate: str) -> bool:
    """Latin script, capitalised, some lower case, no digits, codes or URLs, not too long."""
    return (
        0 < len(candidate) <= MAX_ALIAS_LENGTH
        and _PLACE_NAME.fullmatch(candidate) is not None
        and _HAS_LOWER.search(candidate) is not None
    )

