"""Tests for pipeline/geonames.py and the curated gazetteer/places.yaml it complements."""
from __future__ import annotations

import random
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from models.gazetteer import PlaceEntry
from pipeline.errors import LocatedError
from pipeline.gazetteer import PLACE_FILE, alias_key, check_gazetteer
from pipeline.geonames import LANDMARK_CLASSES, GeonamesError, fold_admin_name, load_geonames

REPO = Path(__file__).resolve().parents[1]
PLACES_YAML = REPO / "gazetteer" / "places.yaml"
ML_DUMP = REPO.parent / "shared" / "geonames" / "ML.txt"

# Mali's bounding box, a little generous.
MALI_LAT = (10.0, 25.1)
MALI_LON = (-12.3, 4.3)
LOCALITY_KINDS = {"town", "village", "site"}
PLACES_FIELD_ORDER = ["id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "capital", "state", "aliases",
                      "formed_from", "sources"]
# (fields only some entries have: a country's capital and state, a region's formed_from)
PLACES_OPTIONAL_FIELDS = {"capital", "state", "formed_from"}


def row(
    geonameid: str,
    name: str,
    feature: str,
    *,
    alternates: str = "",
    lat: str = "16.5",
    lon: str = "-3.5",
    country: str = "ML",
    admin1: str = "",
    admin2: str = "",
    population: str = "0",
) -> str:
    """One GeoNames line (19 columns); `feature` is "CLASS.CODE", e.g. "P.PPL"."""
    feature_class, feature_code = feature.split(".")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    columns = [
        geonameid, name, ascii_name, alternates, lat, lon, feature_class, feature_code,
        country, "", admin1, admin2, "", "", population, "", "300", "Africa/Bamako", "2024-01-01",
    ]
    return "\t".join(columns)


# geonameids, names and codes are invented; the rows have the real dump's shape.
FIXTURE_ROWS = [
    row("900", "Republic of Mali", "A.PCLI", alternates="Mali,Malí", lat="18", lon="-2", admin1="00"),
    row("108", "Tombouctou Region", "A.ADM1", lat="19.7", lon="-3.6", admin1="08"),
    row("105", "Ségou Region", "A.ADM1", lat="13.6", lon="-5.9", admin1="05"),
    row("208", "Cercle de Goundam", "A.ADM2", lat="18.6", lon="-5.0", admin1="08", admin2="208"),
    row("209", "Diré Cercle", "A.ADM2", lat="16.3", lon="-3.3", admin1="08", admin2="209"),
    row(
        "301",
        "Timbuktu",
        "P.PPLA",
        alternates=(
            "TOM,Tombouctou,Timbuctoo,tmbktw,تمبكتو,Тимбукту,http://example.org/tbk,1234,Tombouctou"
        ),
        lat="16.77348",
        lon="-3.00742",
        admin1="08",
        population="32460",
    ),
    row("302", "Goundam", "P.PPLA2", lat="16.4145", lon="-3.6707", admin1="08", admin2="208"),
    row("303", "Tonka", "P.PPL", lat="16.1289", lon="-3.7478", admin1="08", admin2="208", population="12000"),
    row(
        "304", "Ségou", "P.PPLA", alternates="Segu", lat="13.4403", lon="-6.2595", admin1="05", population="130690"
    ),
    row("305", "Dioura", "P.PPL", lat="14.8252", lon="-5.2547", admin1="04"),
    row("401", "Vallée du Tilemsi", "H.WAD", lat="16.3086", lon="-0.0517", admin1="00"),
    row("402", "Tessalit Camp", "S.CMP", lat="20.2536", lon="0.9889", admin1="10"),
]


def write_dump(tmp_path: Path, lines: list[str], name: str = "XX.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path, FIXTURE_ROWS)


def by_id(entries: list[PlaceEntry]) -> dict[str, PlaceEntry]:
    return {entry.id: entry for entry in entries}


# --- load_geonames -----------------------------------------------------------------------------


def test_geonames_populated_place_with_alternate_names(dump: Path) -> None:
    timbuktu = by_id(load_geonames(dump))["gn-301"]
    assert timbuktu == PlaceEntry(
        id="gn-301",
        name="Timbuktu",
        kind="town",
        country="Mali",
        admin1="Tombouctou",
        admin2=None,
        lat=16.77348,
        lon=-3.00742,
        aliases=["Tombouctou", "Timbuctoo"],
        population=32460,
        feature="PPLA",
        sources=["GeoNames"],
    )


@pytest.mark.parametrize(
    ("alternate", "kept"),
    [
        ("Tombouctou", True),
        ("Aguel'hoc", True),
        ("Ti-n-Zaouâtene", True),
        ("Nioro du Sahel", True),
        ("TOM", False),  # code
        ("GAGO", False),  # code
        ("ML.08", False),  # code
        ("tmbktw", False),  # machine transliteration
        ("تمبكتو", False),  # Arabic script
        ("Тимбукту", False),  # Cyrillic script
        ("https://en.wikipedia.org/wiki/Timbuktu", False),
        ("1234", False),
        ("Commune 3", False),
        ("A" + "b" * 60, False),  # longer than MAX_ALIAS_LENGTH
    ],
)
def test_geonames_alternate_name_filter(tmp_path: Path, alternate: str, kept: bool) -> None:
    path = write_dump(tmp_path, [row("1", "Placename", "P.PPL", alternates=alternate, admin1="08")])
    (entry,) = load_geonames(path)
    assert (alternate in entry.aliases) is kept


def test_geonames_aliases_drop_the_name_and_repeats(tmp_path: Path) -> None:
    alternates = "Ségou,SEGOU,Segou,segou,Segu,Segu"
    path = write_dump(tmp_path, [row("1", "Ségou", "P.PPL", alternates=alternates)])
    (entry,) = load_geonames(path)
    assert entry.aliases == ["Segou", "Segu"]


@pytest.mark.parametrize(
    ("name", "alternates", "aliases"),
    [
        # GeoNames writes the Tamasheq prefix apart, reporting joins it
        ("I-n-Tebezas", "", ["In-Tebezas"]),
        ("Ti-n-Akof", "Tinakof", ["Tinakof", "Tin-Akof"]),
        ("Ségou", "", ["Segou"]),  # no prefix, nothing added
        ("Ibi-n-Ka", "", []),  # "-n-" inside a name is not the prefix
    ],
)
def test_geonames_aliases_join_the_tamasheq_prefix(tmp_path: Path, name: str, alternates: str, aliases: list) -> None:
    path = write_dump(tmp_path, [row("1", name, "P.PPL", alternates=alternates)])
    (entry,) = load_geonames(path)
    assert entry.aliases == aliases


@pytest.mark.parametrize(
    ("geonameid", "admin1", "admin2"),
    [
        ("108", "Tombouctou", None),  # an ADM1 row names itself, " Region" removed
        ("105", "Segou", None),  # accents folded as ACLED spells it
        ("208", "Tombouctou", "Goundam"),  # an ADM2 row names itself, "Cercle de " removed
        ("209", "Tombouctou", "Dire"),
        ("302", "Tombouctou", "Goundam"),  # a town resolves both codes
        ("304", "Segou", None),
        ("305", None, None),  # admin1 code 04 has no ADM1 row in the file
        ("900", None, None),
    ],
)
def test_geonames_admin_names_resolved(dump: Path, geonameid: str, admin1: str, admin2: str) -> None:
    entry = by_id(load_geonames(dump))[f"gn-{geonameid}"]
    assert (entry.admin1, entry.admin2) == (admin1, admin2)


@pytest.mark.parametrize(
    ("geonameid", "kind"),
    [
        ("900", "country"),
        ("108", "region"),
        ("208", "cercle"),
        ("301", "town"),  # PPLA: a seat is a town
        ("302", "town"),  # PPLA2 with no population
        ("303", "town"),  # PPL above TOWN_MIN_POPULATION
        ("305", "village"),  # PPL below it
    ],
)
def test_geonames_kind_from_feature_code(dump: Path, geonameid: str, kind: str) -> None:
    assert by_id(load_geonames(dump))[f"gn-{geonameid}"].kind == kind


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Tombouctou Region", "Tombouctou"),
        ("Ségou Region", "Segou"),
        ("Ménaka Region", "Menaka"),
        ("Cercle de Yélimané", "Yelimane"),
        ("Cercle d’ Abeïbara", "Abeibara"),
        ("Gourma-Rharous Cercle", "Gourma-Rharous"),
        ("Bamako", "Bamako"),
        (None, None),
    ],
)
def test_geonames_fold_admin_name(name: str, folded: str) -> None:
    assert fold_admin_name(name) == folded


def test_geonames_town_threshold_is_a_setting(dump: Path) -> None:
    entries = by_id(load_geonames(dump, town_min_population=20_000))
    assert entries["gn-303"].kind == "village"


@pytest.mark.parametrize(
    ("feature_classes", "features"),
    [
        (("P", "A"), {"PCLI", "ADM1", "ADM2", "PPLA", "PPLA2", "PPL"}),
        (("P",), {"PPLA", "PPLA2", "PPL"}),
        (("A",), {"PCLI", "ADM1", "ADM2"}),
        (("H", "S"), set()),  # classes without a kind mapping yield nothing
    ],
)
def test_geonames_class_filtering(dump: Path, feature_classes: tuple[str, ...], features: set[str]) -> None:
    assert {entry.feature for entry in load_geonames(dump, feature_classes=feature_classes)} == features


def test_geonames_landmarks_come_apart_as_sites(dump: Path) -> None:
    landmarks: list[PlaceEntry] = []
    places = load_geonames(dump, landmark_classes=LANDMARK_CLASSES, landmarks=landmarks)
    assert [(entry.id, entry.kind, entry.feature) for entry in landmarks] == [("gn-401", "site", "WAD"), ("gn-402", "site", "CMP")]
    assert {entry.id for entry in places} == {entry.id for entry in load_geonames(dump)}
    assert by_id(landmarks)["gn-401"].admin1 is None  # admin code "00": no region


def test_geonames_landmarks_are_found_only_where_the_text_points_at_a_place(tmp_path: Path) -> None:
    from pipeline.extract import Pipeline, PipelineConfig
    from tests.conftest import make_document

    lines = [*FIXTURE_ROWS, row("403", "Intaylalene", "S.CMP", lat="16.1", lon="1.9", admin1="08"),
             row("404", "Garage", "H.WLL", lat="16.2", lon="1.8", admin1="08")]
    pipeline = Pipeline(PipelineConfig(geonames=(write_dump(tmp_path, lines),)))
    recognizer = pipeline.recognizer("en")

    def places(text: str) -> list[str]:
        return [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "place"]

    assert places("Gunmen attacked a camp in the area of Intaylalene.") == ["gn-403"]
    assert places("Intaylalene was quiet.") == []
    assert places("Gunmen attacked a camp in Intaylalene Nord.") == []  # part of a longer name
    assert places("The militants hid near Garage Ouest and the Garage.") == []



def test_geonames_near_misses_of_villages_need_a_closer_match(tmp_path: Path) -> None:
    from pipeline.extract import Pipeline, PipelineConfig
    from tests.conftest import make_document

    lines = [*FIXTURE_ROWS, row("405", "Siguima", "P.PPL", lat="14.1", lon="-3.9", admin1="04")]
    recognizer = Pipeline(PipelineConfig(geonames=(write_dump(tmp_path, lines),))).recognizer("en")

    def places(text: str) -> list[str]:
        return [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "place"]

    assert places("Gunmen ambushed soldiers near Siguimma.") == ["gn-405"]  # ratio 93
    assert places("Gunmen ambushed soldiers near Siguimara.") == ["ml-country"]  # ratio 88: another village, unresolved


def test_geonames_min_population_keeps_admin_units(dump: Path) -> None:
    ids = {entry.id for entry in load_geonames(dump, min_population=10_000)}
    assert ids == {"gn-900", "gn-108", "gn-105", "gn-208", "gn-209", "gn-301", "gn-303", "gn-304"}


@pytest.mark.parametrize(
    ("code", "country"), [("ML", "Mali"), ("BF", "Burkina Faso"), ("CI", "Ivory Coast"), ("FR", "FR")]
)
def test_geonames_country_name_from_code(tmp_path: Path, code: str, country: str) -> None:
    (entry,) = load_geonames(write_dump(tmp_path, [row("1", "Place", "P.PPL", country=code)]))
    assert entry.country == country


def test_geonames_order_is_by_geonameid_and_deterministic(tmp_path: Path) -> None:
    shuffled = FIXTURE_ROWS[:]
    random.Random(7).shuffle(shuffled)
    first = load_geonames(write_dump(tmp_path, FIXTURE_ROWS, "a.txt"))
    second = load_geonames(write_dump(tmp_path, shuffled, "b.txt"))
    assert [entry.id for entry in first] == [
        "gn-105", "gn-108", "gn-208", "gn-209", "gn-301", "gn-302", "gn-303", "gn-304", "gn-305", "gn-900",
    ]
    assert first == second


def test_geonames_crlf_and_blank_trailing_lines(tmp_path: Path) -> None:
    path = tmp_path / "XX.txt"
    path.write_bytes(("\r\n".join(FIXTURE_ROWS[:2]) + "\r\n\r\n").encode("utf-8"))
    assert [entry.id for entry in load_geonames(path)] == ["gn-108", "gn-900"]


# --- errors: one type, exact messages naming path:line -------------------------------------

LATITUDE_EXPECTED = "expected a decimal number between -90 and 90"
LONGITUDE_EXPECTED = "expected a decimal number between -180 and 180"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (
            "301\tTimbuktu\tTimbuktu\t16.7\t-3.0",
            "5 tab-separated columns; expected 19 (geonameid, name, asciiname, ... modification date)",
        ),
        (row("301", "Timbuktu", "P.PPL", lat="97.5"), f"bad latitude '97.5'; {LATITUDE_EXPECTED}"),
        (row("301", "Timbuktu", "P.PPL", lat="16,77"), f"bad latitude '16,77'; {LATITUDE_EXPECTED}"),
        (row("301", "Timbuktu", "P.PPL", lon=""), f"bad longitude ''; {LONGITUDE_EXPECTED}"),
        (row("301", "Timbuktu", "P.PPL", lon="-181"), f"bad longitude '-181'; {LONGITUDE_EXPECTED}"),
        (row("t301", "Timbuktu", "P.PPL"), "bad geonameid 't301'; expected a positive whole number"),
        (
            row("301", "Timbuktu", "P.PPL", population="32k"),
            "bad population '32k'; expected a whole number of inhabitants or an empty column",
        ),
    ],
)
def test_geonames_error_names_file_line_and_value(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_dump(tmp_path, [*FIXTURE_ROWS[:2], bad_line])
    with pytest.raises(GeonamesError) as caught:
        load_geonames(path)
    assert str(caught.value) == f"{path}:3: {message}"


def test_geonames_error_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "XX.txt"
    latin1_line = row("2", "Ségou", "P.PPL").encode("latin-1")
    path.write_bytes((FIXTURE_ROWS[0] + "\n").encode("utf-8") + latin1_line + b"\n")
    with pytest.raises(GeonamesError) as caught:
        load_geonames(path)
    assert str(caught.value) == f"{path}:2: byte 0xe9 is not UTF-8; expected a UTF-8 encoded GeoNames dump"


@pytest.mark.parametrize("content", ["", "\n\n", "  \n"])
def test_geonames_error_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "XX.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GeonamesError) as caught:
        load_geonames(path)
    assert str(caught.value) == f"{path}:1: empty file; expected GeoNames rows of 19 tab-separated columns"


def test_geonames_error_is_a_located_value_error(tmp_path: Path) -> None:
    path = write_dump(tmp_path, [*FIXTURE_ROWS[:3], row("1", "Timbuktu", "P.PPL", lat="north")])
    with pytest.raises(ValueError) as caught:
        load_geonames(path)
    assert isinstance(caught.value, LocatedError)
    assert (caught.value.path, caught.value.line) == (str(path), 4)


# --- the real Mali dump, when the shared folder sits beside the checkout -----------------------

# (name as the town is called in GeoNames or one of its aliases, true lat, true lon, admin1)
ML_KNOWN_TOWNS = [
    ("Kidal", 18.441, 1.408, "Kidal"),
    ("Gao", 16.272, -0.045, "Gao"),
    ("Tombouctou", 16.773, -3.007, "Tombouctou"),
    ("Ménaka", 15.918, 2.402, "Menaka"),
]
ML_LOAD_SECONDS = 2.0
MALI_REGIONS_IN_ML_DUMP = ["Kayes", "Koulikoro", "Sikasso", "Segou", "Mopti", "Tombouctou", "Gao", "Kidal", "Bamako"]


@pytest.mark.skipif(not ML_DUMP.exists(), reason=f"GeoNames Mali dump not found at {ML_DUMP}")
def test_geonames_ml_dump_well_known_places() -> None:
    started = time.perf_counter()
    entries = load_geonames(ML_DUMP)
    assert time.perf_counter() - started < ML_LOAD_SECONDS
    assert len(entries) > 15_000
    regions = {entry.admin1 for entry in entries if entry.kind == "region"}
    assert set(MALI_REGIONS_IN_ML_DUMP) <= regions
    for name, lat, lon, admin1 in ML_KNOWN_TOWNS:
        found = [
            entry
            for entry in entries
            if entry.kind == "town"
            and (entry.name == name or name in entry.aliases)
            and abs(entry.lat - lat) < 0.1
            and abs(entry.lon - lon) < 0.1
        ]
        assert [entry.admin1 for entry in found] == [admin1], name


# --- gazetteer/places.yaml ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def places_raw() -> list[dict]:
    return yaml.safe_load(PLACES_YAML.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places(places_raw: list[dict]) -> list[PlaceEntry]:
    return [PlaceEntry.model_validate(entry) for entry in places_raw]


def test_gazetteer_places_validate_and_ids_are_unique(
    places_raw: list[dict], places: list[PlaceEntry]
) -> None:
    assert len(places) == len(places_raw) > 250
    ids = [place.id for place in places]
    assert len(ids) == len(set(ids))


def test_gazetteer_places_pass_the_gazetteer_check() -> None:
    problems = [str(problem) for problem in check_gazetteer(PLACES_YAML.parent) if problem.path.endswith(PLACE_FILE)]
    assert problems == []


def test_gazetteer_places_field_order(places_raw: list[dict]) -> None:
    for entry in places_raw:
        expected = [field for field in PLACES_FIELD_ORDER if field not in PLACES_OPTIONAL_FIELDS or field in entry]
        assert list(entry) == expected, entry["id"]


@pytest.mark.parametrize("kind", ["country", "region", "cercle", "town", "village", "site", "area"])
def test_gazetteer_places_cover_every_kind(places: list[PlaceEntry], kind: str) -> None:
    assert any(place.kind == kind for place in places)


def test_gazetteer_locality_admin1_names_a_region(places: list[PlaceEntry]) -> None:
    regions = {(place.country, place.admin1) for place in places if place.kind == "region"}
    for place in places:
        if place.kind in LOCALITY_KINDS | {"cercle"} and (place.admin1 or place.country == "Mali"):
            assert (place.country, place.admin1) in regions, place.id


def test_gazetteer_mali_admin2_names_a_cercle(places: list[PlaceEntry]) -> None:
    cercles = {(place.admin1, place.admin2) for place in places if place.kind == "cercle"}
    for place in places:
        if place.country == "Mali" and place.admin2 is not None:
            assert (place.admin1, place.admin2) in cercles, place.id


def test_gazetteer_mali_localities_inside_mali(places: list[PlaceEntry]) -> None:
    for place in places:
        if place.country == "Mali" and place.kind in LOCALITY_KINDS:
            assert MALI_LAT[0] <= place.lat <= MALI_LAT[1], place.id
            assert MALI_LON[0] <= place.lon <= MALI_LON[1], place.id


def test_gazetteer_aliases_are_not_folding_variants(places: list[PlaceEntry]) -> None:
    for place in places:
        keys = [alias_key(place.name), *(alias_key(alias) for alias in place.aliases)]
        assert len(keys) == len(set(keys)), place.id


def test_gazetteer_regions_do_not_claim_town_names(places: list[PlaceEntry]) -> None:
    town_names = {alias_key(place.name) for place in places if place.kind in LOCALITY_KINDS}
    for place in places:
        if place.kind in {"region", "cercle"}:
            claimed = {alias_key(place.name), *(alias_key(alias) for alias in place.aliases)}
            assert not claimed & town_names, place.id


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Kidal", "ml-kidal"),
        ("région de Kidal", "ml-region-kidal"),
        ("Timbuktu Region", "ml-region-tombouctou"),
        ("Tombouctou", "ml-timbuktu"),
        ("Aguel'hoc", "ml-aguelhok"),
        ("Anefif", "ml-anefis"),
        ("Tinzawatene", "ml-tinzaouaten"),
        ("cercle de Bourem", "ml-cercle-bourem"),
        ("Ifoghas' Mountains", "ml-adrar-des-ifoghas"),
        ("tri-border area", "ml-liptako-gourma"),
        ("Goudebou", "bf-goudoubo"),
        ("In-Khalil", "ml-in-khalil"),
        ("Taoudeni", "ml-taoudenni"),
        ("Tin Hama", "ml-tin-hama"),
    ],
)
def test_gazetteer_names_from_reporting_resolve(places: list[PlaceEntry], text: str, place_id: str) -> None:
    index: dict[str, set[str]] = {}
    for place in places:
        for alias in [place.name, *place.aliases]:
            index.setdefault(alias_key(alias), set()).add(place.id)
    assert index[alias_key(text)] == {place_id}
