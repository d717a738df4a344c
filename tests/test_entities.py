"""Entity recognition over the test gazetteer: every matching rule, by behaviour."""
from __future__ import annotations

import pytest

from models.gazetteer import PlaceEntry
from models.mention import EntityMention
from pipeline.entities import EntityRecognizer, EntitySettings, alias_variants, is_acronym, is_common_noun, plural_forms
from pipeline.gazetteer import load_gazetteer

from .conftest import make_document


@pytest.fixture(scope="module")
def recognizer(fixture_gazetteer):
    return EntityRecognizer(fixture_gazetteer)


def found(recognizer, text: str) -> list[tuple[str, str, str]]:
    document, sentences = make_document(text)
    return [(mention.kind, mention.entity_id, mention.text) for mention in recognizer(document, sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acronyms, full names, French names, accents and case folded
        ("The MNLA fought.", [("actor", "mnla", "MNLA")]),
        ("Le Mouvement National de Liberation de l’Azawad a signé.", [("actor", "mnla", "Mouvement National de Liberation de l’Azawad")]),
        ("The MUJAO and the Movement for Unity and Jihad in West Africa", [("actor", "mojwa", "MUJAO"), ("actor", "mojwa", "Movement for Unity and Jihad in West Africa")]),
        # possessives and glued footnote digits
        ("The MNLA’s fighters fled.", [("actor", "mnla", "MNLA")]),
        ("Songhai rallied to MOJWA2 after that.", [("actor", "mojwa", "MOJWA")]),
        # apostrophes and hyphens in names, either way round
        ("Jama'at Nasr al-Islam wal Muslimin claimed it.", [("actor", "jnim", "Jama'at Nasr al-Islam wal Muslimin")]),
        ("Jamaat Nasr al Islam wal Muslimin claimed it.", [("actor", "jnim", "Jamaat Nasr al Islam wal Muslimin")]),
        ("Fighting in Aguelhoc and Aguel-hoc.", [("place", "ml-aguelhok", "Aguelhoc"), ("place", "ml-aguelhok", "Aguel-hoc")]),
        ("They reached Tin Zaouaten and Tinzaouaten.", [("place", "ml-tinzaouaten", "Tin Zaouaten"), ("place", "ml-tinzaouaten", "Tinzaouaten")]),
        # common nouns: lower-case aliases with plurals; longest match wins
        ("Unknown gunmen killed two villagers.", [("actor", "unidentified-armed-group", "Unknown gunmen"), ("actor", "civilians", "villagers")]),
        ("A gunman shot a soldier.", [("actor", "unidentified-armed-group", "gunman"), ("actor", "mali-army", "soldier")]),
        ("French soldiers and Malian soldiers patrolled.", [("actor", "france-military", "French soldiers"), ("actor", "mali-army", "Malian soldiers")]),
        # identity groups take a plural s
        ("The Peuls fled.", [("actor", "fulani", "Peuls")]),
        # acronyms are case-sensitive: "au" is French for "to the"
        ("Il est allé au marché avec l'AU.", [("actor", "african-union", "AU")]),
        # a side after a stance prefix only describes ("pro-MNLA militiamen" are not the MNLA)
        ("Pro-MNLA militiamen and anti-MUJAO villagers fled.", [("actor", "civilians", "villagers")]),
        # … but one long enough and no word may be written as a name
        ("The Mujao and the Mnla met.", [("actor", "mojwa", "Mujao"), ("actor", "mnla", "Mnla")]),
        # persons
        ("Iyad Ag Ghali spoke; Ag Ghali left.", [("actor", "iyad-ag-ghali", "Iyad Ag Ghali"), ("actor", "iyad-ag-ghali", "Ag Ghali")]),
    ],
)
def test_entities_matching(recognizer, text, expected):
    assert found(recognizer, text) == expected


def test_entities_region_versus_town(recognizer):
    document, sentences = make_document("Clashes in the Kidal region spread to Kidal and to the Gao and Timbuktu regions.")
    mentions = recognizer(document, sentences)
    assert [(m.entity_id, m.place_scope) for m in mentions] == [
        ("ml-region-kidal", "region"),
        ("ml-kidal", "point"),
        ("ml-region-gao", "region"),
        ("ml-region-tombouctou", "region"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the capital by its title: the default country's, or the country's named before it
        ("Police dispersed a march in the capital on Monday.", [("the capital", "ml-bamako")]),
        ("Soldiers mutinied in Mali's capital on Monday.", [("Mali's capital", "ml-bamako")]),
        # … unless the text says which place it is
        ("Protesters marched in the capital, Bamako, on Monday.", [("Bamako", "ml-bamako")]),
        ("Protesters marched in the capital of the region.", []),
        ("Rebels declared Gao the capital.", [("Gao", "ml-gao")]),
        ("Gao, the capital of the north, fell.", [("Gao", "ml-gao")]),
        # (a place named later in the text does not say so)
        ("Police dispersed a march in the capital, then went to Gao.", [("the capital", "ml-bamako"), ("Gao", "ml-gao")]),
        # the seats of state a capital holds name it too
        ("Protesters gathered outside the national assembly.", [("the national assembly", "ml-bamako")]),
        ("Mutineers stormed Mali's presidential palace.", [("Mali's presidential palace", "ml-bamako")]),
        ("Mutineers stormed the presidential palace in Gao.", [("Gao", "ml-gao")]),
    ],
)
def test_entities_the_capital(recognizer, text, expected):
    assert [(m.text, m.entity_id) for m in recognizer(*make_document(text)) if m.kind == "place"] == expected


def test_entities_a_countrys_capital_when_its_name_matches_a_geonames_entry_too(fixture_gazetteer_dir):
    # GeoNames holds the country too, under the same name: "Mali" then matches two entries
    country = PlaceEntry(id="gn-9", name="Mali", kind="country", country="Mali", lat=17.0, lon=-4.0, sources=["GeoNames"])
    assert [(m.text, m.entity_id) for m in _places_found(fixture_gazetteer_dir, [country], "Soldiers mutinied in Mali's capital.")] \
        == [("Mali's capital", "ml-bamako")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country, or its capital, named as the side that acts is its state
        ("In June 2021, France announced the end of the operation.", [("actor", "france-military", "France")]),
        ("France and its European partners announced a withdrawal.", [("actor", "france-military", "France")]),
        ("After France suspended aid, Bamako banned the NGOs.",
         [("actor", "france-military", "France"), ("actor", "mali-army", "Bamako")]),
        ("Mali has increased its cooperation.", [("actor", "mali-army", "Mali")]),
        ("En juin 2021, la France a annoncé son retrait.", [("actor", "france-military", "France")]),
        # … not a place named after a preposition, as a modifier, or at the end of a list
        ("Troops announced their departure from France.", [("actor", "mali-army", "Troops"), ("place", "fr-country", "France")]),
        ("France's army announced a withdrawal.", [("place", "fr-country", "France")]),
        ("Communities from Mali and France signed a pact.", [("place", "ml-country", "Mali"), ("place", "fr-country", "France")]),
        ("France was attacked.", [("place", "fr-country", "France")]),
    ],
)
def test_entities_a_state_named_by_its_country(recognizer, text, expected):
    assert found(recognizer, text) == expected


def test_entities_country_scope(recognizer):
    document, sentences = make_document("Troops left Mali.")
    places = [m for m in recognizer(document, sentences) if m.kind == "place"]
    assert [(m.entity_id, m.place_scope) for m in places] == [("ml-country", "country")]


def test_entities_ambiguous_place_resolved_by_context(recognizer):
    document, sentences = make_document("Fighting moved from Gao to Testville.")
    place = [m for m in recognizer(document, sentences) if m.text == "Testville"][0]
    assert place.entity_id == "ml-test-lere-east"
    document, sentences = make_document("From Timbuktu they went to Testville.")
    place = [m for m in recognizer(document, sentences) if m.text == "Testville"][0]
    assert place.entity_id == "ml-test-lere-north"


def test_entities_learns_acronym_defined_in_article(recognizer):
    text = "The Group for Support of Islam and Muslims (GSIMX) grew. Later GSIMX attacked."
    document, sentences = make_document(text)
    mentions = [(m.entity_id, m.text, m.method) for m in recognizer(document, sentences)]
    assert ("jnim", "GSIMX", "defined-acronym") in mentions
    assert sum(1 for m in mentions if m[1] == "GSIMX") == 2


def test_entities_fuzzy_near_miss_records_alias_and_score(recognizer):
    document, sentences = make_document("Later the Coordination of Azawad Movments met.")
    (mention,) = recognizer(document, sentences)
    assert mention.entity_id == "cma" and mention.method == "fuzzy"
    assert mention.alias == "Coordination of Azawad Movements"
    assert 90 <= mention.score < 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked Aguelhokk at dawn.", [("Aguelhokk", "ml-aguelhok")]),
        # a place's variant keeps its first letter: a name that lacks it is another place
        ("Gunmen attacked Guelhok at dawn.", []),
        # (an actor's misspelling may fall anywhere)
        ("Later the Oordination of Azawad Movements met.", [("Oordination of Azawad Movements", "cma")]),
    ],
)
def test_entities_fuzzy_place_keeps_its_first_letter(recognizer, text, expected):
    assert [(m.text, m.entity_id) for m in recognizer(*make_document(text)) if m.method == "fuzzy"] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a misspelt common noun of an actor, no English word, is that noun
        ("Gunmen shot two civiliians near Kidal.", "en", [("civiliians", "civilians", "Civilians")]),
        # an English word is not misspelt, however close ("villages" is no "villagers")
        ("Gunmen burned the villages near Kidal.", "en", []),
        # a short word has too many look-alikes
        ("Gunmen shot a civilan near Kidal.", "en", []),
        # nor is a word of another language read against English nouns
        ("Gunmen shot two civiliians near Kidal.", "fr", []),
    ],
)
def test_entities_misspelt_common_noun_records_alias_and_score(fixture_gazetteer, text, language, expected):
    recognizer = EntityRecognizer(fixture_gazetteer, language=language)
    mentions = [m for m in recognizer(*make_document(text, language=language)) if m.method == "fuzzy"]
    assert [(m.text, m.entity_id, m.alias) for m in mentions] == expected
    assert all(90 <= m.score < 100 for m in mentions)


def test_entities_fuzzy_cutoff_is_a_setting(fixture_gazetteer):
    strict = EntityRecognizer(fixture_gazetteer, settings=EntitySettings(fuzzy_cutoff=99.5))
    document, sentences = make_document("Later the Coordination of Azawad Movments met.")
    assert strict(document, sentences) == []


def test_entities_offsets_and_exact_alias(recognizer):
    text = "On that day the Malian army retook Menaka."
    document, sentences = make_document(text)
    for mention in recognizer(document, sentences):
        assert text[mention.start:mention.end] == mention.text
        assert mention.score == 100
        assert mention.sentence_index == 0


def test_entities_skip_reference_sections(recognizer):
    document, sentences = make_document("The MNLA fought.\nWorks Cited\nMNLA (2012) Statement.\n")
    assert [m.text for m in recognizer(document, sentences)] == ["MNLA"]


@pytest.mark.parametrize(
    ("alias", "expected"),
    [("Aguel'hoc", {"Aguel'hoc", "Aguel hoc", "Aguelhoc"}), ("MAA-D", {"MAA-D", "MAA D", "MAAD"}), ("U.N.", {"U.N.", "UN"})],
)
def test_entities_alias_variants(alias, expected):
    assert alias_variants(alias) == expected


@pytest.mark.parametrize(("phrase", "plural"), [("gunman", "gunmen"), ("militia", "militias"), ("unknown gunman", "unknown gunmen"), ("ally", "allies"), ("witness", "witnesses")])
def test_entities_plural_forms(phrase, plural):
    assert plural in plural_forms(phrase)


@pytest.mark.parametrize(("alias", "acronym", "common"), [("MNLA", True, False), ("MAA-D", True, False), ("Ansar Dine", False, False), ("soldiers", False, True)])
def test_entities_alias_shapes(alias, acronym, common):
    assert is_acronym(alias) is acronym and is_common_noun(alias) is common


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Dire conditions persisted.", []),
        ("The situation was dire.", []),
        ("Fighting reached Dire on Monday.", ["Dire"]),
        ("Fighting reached Diré on Monday.", ["Diré"]),
        ("Clashes near Kidal.", ["Kidal"]),
        ("clashes near kidal.", []),
    ],
)
def test_entities_place_names_must_look_like_names(recognizer, text, places):
    document, sentences = make_document(text)
    assert [m.text for m in recognizer(document, sentences) if m.kind == "place"] == places


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("French and Malian soldiers patrolled.", ["france-military", "mali-army"]),
        ("Malian and French soldiers patrolled.", ["mali-army", "france-military"]),
        ("Nobody and Malian soldiers patrolled.", ["mali-army"]),
        # a name alone before its people's noun shares it too, under the noun the gazetteer
        # knows the modifier's side by ("Malian personnel": the Malian soldiers)
        ("The MNLA attacked Malian and CMA personnel.", ["mnla", "mali-army", "cma"]),
        ("The MNLA attacked Gao and CMA personnel.", ["mnla", "cma"]),
    ],
)
def test_entities_coordinated_modifiers_share_the_head_noun(recognizer, text, actors):
    document, sentences = make_document(text)
    assert [m.entity_id for m in recognizer(document, sentences) if m.kind == "actor"] == actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a camp near Tinzawaten on Monday.", [("ml-tinzaouaten", "Tinzawaten")]),
        ("They met Tinzawaten on Monday.", []),
        # the analyst's "coded as" points at a place as a locative word does
        ("Gunmen attacked a camp (coded as Tinzawaten).", [("ml-tinzaouaten", "Tinzawaten")]),
        ("Clashes in Gaoo.", []),
        # a variant keeps the first letter: another name is a place of its own, unresolved
        ("Gunmen attacked a camp near Rinzaouaten on Monday.", [("ml-country", "Rinzaouaten")]),
    ],
)
def test_entities_place_variant_after_locative_word(recognizer, text, expected):
    document, sentences = make_document(text)
    places = [(m.entity_id, m.text) for m in recognizer(document, sentences) if m.kind == "place"]
    assert places == expected


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Gunmen attacked Aguelhok (Kidal, Kidal region) at dawn.", ["Aguelhok"]),
        ("Gunmen attacked Zzyzx village (Kidal, Kidal region) at dawn.", ["Kidal"]),
        ("Gunmen attacked Gao (and nothing else) at dawn.", ["Gao"]),
        ("Fighting in Gao (Timbuktu was quiet) went on.", ["Gao", "Timbuktu"]),
        # a near-miss the units put in another cercle or region is a namesake of a place no entry
        # knows: kept by its name, unresolved, in the unit
        ("Gunmen attacked Aguelhokk (Gao, Gao region) at dawn.", ["Aguelhokk"]),
        ("Gunmen attacked Aguelhokk (Kidal region) at dawn.", ["Aguelhokk"]),
        # the units may follow a code, which stays with the name, or the commune that holds the place
        ("Gunmen attacked Aguelhokk K06 (Gao, Gao region) at dawn.", ["Aguelhokk K06"]),
        ("Gunmen attacked the village of Zzyzx K06 (Kidal, Kidal region) at dawn.", ["Zzyzx K06"]),
        ("Gunmen attacked Aguelhokk in Tarkint Commune (Gao, Gao region) at dawn.", ["Aguelhokk"]),
        ("Gunmen attacked Aguelhokk, Tarkint Commune (Kidal region) at dawn.", ["Aguelhokk"]),
    ],
)
def test_entities_admin_units_in_brackets_are_not_event_places(recognizer, text, places):
    document, sentences = make_document(text)
    assert [m.text for m in recognizer(document, sentences) if m.kind == "place"] == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked Aguelhokk (Gao, Gao region) at dawn.", ("Aguelhokk", "ml-gao", "unresolved")),
        ("Gunmen attacked Aguelhokk K06 (Gao, Gao region) at dawn.", ("Aguelhokk K06", "ml-gao", "unresolved")),
        ("Gunmen raided a market in the Aguelhokk area of Gao.", ("Aguelhokk", "ml-gao", "unresolved")),
        # an editor's name for the place in square brackets is the name it goes by
        ("Gunmen attacked the village of Zzyzx [Qorbala] (Kidal, Kidal region).", ("Qorbala", "ml-kidal", "unresolved")),
        ("Gunmen attacked Aguelhokk [Qorbala] (Gao, Gao region) at dawn.", ("Qorbala", "ml-gao", "unresolved")),
        # the commune the text puts it in, when known, holds it more closely than the units
        ("Gunmen attacked the village of Zzyzx in Aguelhok Commune (Kidal, Kidal region).",
         ("Zzyzx", "ml-aguelhok", "unresolved")),
        ("Gunmen attacked the village of Zzyzx [location unknown] in Aguelhok Commune (Kidal, Kidal region).",
         ("Zzyzx", "ml-aguelhok", "unresolved")),
        # (units that agree leave the near-miss as it is)
        ("Gunmen attacked Aguelhokk (Kidal region) at dawn.", ("Aguelhokk", "ml-aguelhok", "fuzzy")),
    ],
)
def test_entities_a_namesake_the_units_put_elsewhere_is_kept_by_name_in_the_unit(recognizer, text, expected):
    (place,) = [m for m in recognizer(*make_document(text)) if m.kind == "place"]
    assert (place.text, place.entity_id, place.method) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("They fled Gao and reached Twinville.", "ml-test-twin-near-gao"),
        # nothing to tell them apart: the region they share, at region precision
        ("They reached Twinville.", "ml-region-gao"),
    ],
)
def test_entities_same_region_twins_by_distance_or_region(recognizer, text, place):
    document, sentences = make_document(text)
    mention = [m for m in recognizer(document, sentences) if m.text == "Twinville"][0]
    assert mention.entity_id == place
    assert mention.place_scope == ("region" if place.startswith("ml-region") else "point")
    # (left at the region, the place is kept by its name, as a place no one entry is)
    assert (mention.method == "unresolved") == place.startswith("ml-region")


@pytest.mark.parametrize(
    ("text", "place", "scope"),
    [
        ("Fighting in the Kidal region.", "ml-region-kidal", "region"),
        ("Fighting in the Gao and Kidal regions.", "ml-region-gao", "region"),
        # a region word after a place the region is not named after: the country around that place
        ("Bombs fell on the Essakane region.", "ml-essakane", "point"),
    ],
)
def test_entities_region_word_after_a_place(recognizer, text, place, scope):
    mention = [m for m in recognizer(*make_document(text)) if m.kind == "place"][0]
    assert (mention.entity_id, mention.place_scope) == (place, scope)


def test_entities_hyphenated_place_variant_wins_over_a_name_inside_it(recognizer):
    document, sentences = make_document("Militants attacked a patrol in the area of Nouhoun-Peulh on Monday.")
    mentions = recognizer(document, sentences)
    assert [(m.kind, m.entity_id, m.text) for m in mentions if m.text != "Militants"] == [("place", "ml-nouhoun-peul", "Nouhoun-Peulh")]


@pytest.mark.parametrize("text", ["Talks on the Kidal Accord resumed.", "They signed the Gao Agreement."])
def test_entities_a_place_naming_a_text_is_no_place(recognizer, text):
    assert [m for m in recognizer(*make_document(text)) if m.kind == "place"] == []


def test_entities_full_stop_glued_to_a_bracket(recognizer):
    places = [m.entity_id for m in recognizer(*make_document("Teachers marched in Gao.[size=no report]")) if m.kind == "place"]
    assert places == ["ml-gao"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a unit after a place says where the place is
        ("Residents in Aguelhok, Kidal protested.", ["ml-aguelhok"]),
        ("Gunmen raided a market in the Aguelhok area of Kidal.", ["ml-aguelhok"]),
        ("Gunmen raided a police station at Aguelhok in the Kidal region.", ["ml-aguelhok"]),
        # a near-miss the unit puts elsewhere gives way to it
        ("Gunmen raided a market in the Aguelhokk area of Gao.", ["ml-gao"]),
        # a list of places is no place and its unit
        ("Attacks hit Aguelhok, Kidal and Gao.", ["ml-aguelhok", "ml-kidal", "ml-gao"]),
        ("Attacks hit Gao, Aguelhok, Kidal.", ["ml-gao", "ml-aguelhok", "ml-kidal"]),
        ("Attacks hit Kidal, Gao.", ["ml-kidal", "ml-gao"]),
    ],
)
def test_entities_apposed_units_are_not_event_places(recognizer, text, places):
    assert [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "place"] == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the text says is a place, that no entry knows, stands at a unit that holds it
        ("Gunmen attacked the village of Zzyzx near Gao.", [("Zzyzx", "ml-gao", "unresolved"), ("Gao", "ml-gao", "alias")]),
        ("Gunmen attacked the village of Zzyzx (Kidal region).", [("Zzyzx", "ml-region-kidal", "unresolved")]),
        ("Gunmen attacked the village of Zzyzx, Kidal.", [("Zzyzx", "ml-kidal", "unresolved")]),
        ("Gunmen attacked Gao. Later they burned the hamlet of Zzyzx.", [("Gao", "ml-gao", "alias"), ("Zzyzx", "ml-region-gao", "unresolved")]),
        # an unresolved place the units after it located is where the one beside it stands
        ("Gunmen attacked the village of Zzyzx in the commune of Qwqw (Kidal, Kidal region).",
         [("Zzyzx", "ml-kidal", "unresolved"), ("Qwqw", "ml-kidal", "unresolved")]),
        ("Gunmen burned the hamlet of Zzyzx.", [("Zzyzx", "ml-country", "unresolved")]),
        # not a word, not part of a longer name
        ("Soldiers patrolled the area of Operation Serval.", []),
        ("Soldiers patrolled the area of Zzyzx Nord Ouest.", []),
        # a name no entry knows and no English text uses, of six letters or more, right after
        # "in", "near" …, is a place
        ("Gunmen killed six herders in Qorbala.", [("Qorbala", "ml-country", "unresolved")]),
        ("Gunmen killed two traders near Qorbala, north of Gao.", [("Qorbala", "ml-gao", "unresolved"), ("Gao", "ml-gao", "alias")]),
        ("Gunmen killed two traders on the outskirts of Zzyzx.", [("Zzyzx", "ml-country", "unresolved")]),
        # … or named before the word that says it is a place
        ("Gunmen killed two traders in the Qorbala area of Gao.", [("Qorbala", "ml-gao", "unresolved")]),
        ("Gunmen burned the Fulani hamlet of Zzyzx.", [("Zzyzx", "ml-country", "unresolved")]),
        # a settlement's name and a compass word name another place beside it; a bearing does not
        ("Gunmen attacked the village of Gao Nord.", [("Gao Nord", "ml-gao", "unresolved")]),
        ("Gunmen attacked a camp in Gao North of the river.", [("Gao", "ml-gao", "alias")]),
        # so does a capitalised word joined to a settlement's name by a hyphen, after or before it
        ("Gunmen attacked Gao-Na at dawn.", [("Gao-Na", "ml-gao", "unresolved")]),
        ("Gunmen attacked Tendji-Kidal at dawn.", [("Tendji-Kidal", "ml-kidal", "unresolved")]),
        # … not two places joined, a road between two places, or a plain word
        ("Gunmen attacked a bus on the Gao-Kidal road.", [("Gao", "ml-gao", "alias"), ("Kidal", "ml-kidal", "alias")]),
        ("Gunmen attacked a bus on the axis Gao-Zzyzx.", [("Gao", "ml-gao", "alias")]),
        ("Gao-based gunmen attacked a bus.", [("Gao", "ml-gao", "alias")]),
        # … also when the units it lies in follow in brackets, which then locate it
        ("Gunmen killed six herders in Qorbala (Kidal, Kidal).", [("Qorbala", "ml-kidal", "unresolved")]),
        # … or after the analyst's "coded as"
        ("Gunmen killed two traders near Gao (coded as Qorbala at geoprecision 2).",
         [("Gao", "ml-gao", "alias"), ("Qorbala", "ml-gao", "unresolved")]),
        ("Gunmen killed two traders near Gao (coded at approximate in Bo at geoprecision 2).",
         [("Gao", "ml-gao", "alias"), ("Bo", "ml-gao", "unresolved")]),
        # a Tamasheq name with its particle is one name ("Ti-n-Zzyzx", not "Ti")
        ("Gunmen burned the Fulani hamlet of Ti-n-Zzyzx.", [("Ti-n-Zzyzx", "ml-country", "unresolved")]),
        # … not a name English text uses, which may be a foreign place or a time
        ("Delegates met in Geneva during Ramadan, in Washington and in Paris.", []),
    ],
)
def test_entities_unresolved_named_places(recognizer, text, expected):
    mentions = [m for m in recognizer(*make_document(text)) if m.kind == "place"]
    assert [(m.text, m.entity_id, m.method) for m in mentions] == expected


def test_entities_same_named_places_told_apart_by_the_units_in_brackets(recognizer):
    # without the brackets the two Twinvilles of the Gao region are left at region precision
    mentions = [m for m in recognizer(*make_document("They reached Twinville (Ansongo, Gao region).")) if m.kind == "place"]
    assert [m.entity_id for m in mentions] == ["ml-test-twin-far"]


def test_entities_match_decomposed_accents(recognizer):
    (mention,) = [m for m in recognizer(*make_document("Fighting in Me\u0301naka.")) if m.kind == "place"]
    assert mention.entity_id == "ml-menaka" and mention.text == "Ménaka"


def _village(place_id: str, name: str, admin1: str, lat: float, lon: float, **extra) -> PlaceEntry:
    """An invented GeoNames-style village."""
    return PlaceEntry(id=place_id, name=name, kind="village", country="Mali", admin1=admin1, lat=lat, lon=lon,
                      sources=["GeoNames"], **extra)


def _places_found(fixture_gazetteer_dir, villages: list[PlaceEntry], text: str) -> list[EntityMention]:
    """The place mentions of `text` with `villages` added to the fixture gazetteer as from GeoNames."""
    gazetteer = load_gazetteer(fixture_gazetteer_dir)
    gazetteer.add_places(villages, origin="geonames:test")
    return [m for m in EntityRecognizer(gazetteer)(*make_document(text)) if m.kind == "place"]


def test_entities_units_in_brackets_overrule_a_geonames_namesake(fixture_gazetteer_dir):
    # a village in the Kidal region, far from Gao
    villages = [_village("gn-1", "Zanfara", "Kidal", 19.9, 1.2)]
    for text, expected in (("Gunmen attacked Zanfara (Gao, Gao region) at dawn.", ["ml-gao"]),
                           ("Gunmen attacked Zanfara (Kidal region) at dawn.", ["gn-1"])):
        assert [m.entity_id for m in _places_found(fixture_gazetteer_dir, villages, text)] == expected


def test_entities_units_in_brackets_agree_with_a_village_of_their_cercle_far_from_its_seat(fixture_gazetteer_dir):
    # a village of the Gao cercle about 110 km from the town of Gao: a cercle is wide
    villages = [_village("gn-1", "Zanfara", "Gao", 16.40, 0.98, admin2="Gao")]
    assert [m.entity_id for m in _places_found(fixture_gazetteer_dir, villages, "Gunmen attacked Zanfara (Gao, Gao region).")] \
        == ["gn-1"]


def test_entities_a_region_formed_from_another_agrees_with_places_put_there(fixture_gazetteer_dir):
    # GeoNames, older than the split, puts a village near Menaka in the Gao region; the
    # fixture's Menaka region is formed from Gao. A village of the Kidal region is still elsewhere.
    villages = [_village("gn-1", "Zanfara", "Gao", 15.80, 2.10), _village("gn-2", "Tinbarka", "Kidal", 16.10, 2.30)]
    for text, expected in (("Gunmen attacked Zanfara (Menaka, Menaka region).", ("gn-1", "geonames")),
                           ("Gunmen attacked Tinbarka (Menaka, Menaka region).", ("ml-menaka", "unresolved"))):
        (place,) = _places_found(fixture_gazetteer_dir, villages, text)
        assert (place.entity_id, place.method) == expected


def test_entities_namesakes_a_few_km_apart_are_one_place(fixture_gazetteer_dir):
    # a pair 5 km apart (one village recorded twice) and a pair 150 km apart (two villages), each
    # pair in one region
    villages = [
        _village("gn-near-1", "Dublonko", "Kidal", 19.90, 1.20), _village("gn-near-2", "Dublonko", "Kidal", 19.94, 1.22),
        _village("gn-far-1", "Fartwin", "Kidal", 19.90, 1.20), _village("gn-far-2", "Fartwin", "Kidal", 21.20, 1.60),
    ]
    for text, expected in (("Gunmen attacked Dublonko at dawn.", ["gn-near-1"]),
                           ("Gunmen attacked Fartwin at dawn.", ["ml-region-kidal"])):
        assert [m.entity_id for m in _places_found(fixture_gazetteer_dir, villages, text)] == expected


def test_entities_namesakes_in_two_regions_the_one_nearest_the_places_named(fixture_gazetteer_dir):
    # the text names a town in each region; one namesake lies 230 km from Kidal, the other
    # 105 km from Gao: neither is near, but the nearer one is where the story is more likely to be
    villages = [_village("gn-a-far", "Quenza", "Kidal", 20.5, 1.4), _village("gn-b-nearer", "Quenza", "Gao", 17.0, 0.6)]
    found = _places_found(fixture_gazetteer_dir, villages, "Gunmen attacked Quenza on the road from Kidal to Gao.")
    assert [m.entity_id for m in found if m.text == "Quenza"] == ["gn-b-nearer"]


def test_entities_namesakes_sharing_one_spot_before_a_lone_one(fixture_gazetteer_dir):
    # two features 11 km apart (a well and the camp beside it) and a namesake 200 km away, with
    # nothing in the text to tell them apart: the spot the name is given to twice
    villages = [_village("gn-a-lone", "Qadiora", "Kidal", 17.87, -0.42),
                _village("gn-b-well", "Qadiora", "Kidal", 16.10, -1.26), _village("gn-c-camp", "Qadiora", "Kidal", 16.00, -1.27)]
    found = _places_found(fixture_gazetteer_dir, villages, "Gunmen attacked a camp near Qadiora.")
    assert [m.entity_id for m in found] == ["gn-b-well"]


def test_entities_a_place_of_that_name_before_one_that_has_it_as_a_variant(fixture_gazetteer_dir):
    # villages in two regions: Qorno, and Qoarno also written Qorno
    villages = [_village("gn-a-variant", "Qoarno", "Kidal", 19.90, 1.20, aliases=["Qorno"]),
                _village("gn-b-own", "Qorno", "Gao", 16.20, 0.10)]
    found = _places_found(fixture_gazetteer_dir, villages, "Gunmen attacked a police station in Qorno.")
    assert [m.entity_id for m in found] == ["gn-b-own"]


def test_entities_a_geonames_place_far_from_where_the_text_says_it_is_is_another_place(fixture_gazetteer_dir):
    # one village 10 km from Gao, one 300 km from it
    villages = [_village("gn-close", "Qelbaro", "Gao", 16.36, -0.04), _village("gn-far", "Qorbala", "Kidal", 18.9, 0.6)]
    for text, expected in (("Gunmen attacked the village of Qelbaro, near Gao.", [("Qelbaro", "gn-close", "geonames")]),
                           ("Gunmen attacked the village of Qorbala (near Gao).", [("Qorbala", "ml-gao", "unresolved")])):
        places = _places_found(fixture_gazetteer_dir, villages, text)
        assert [(m.text, m.entity_id, m.method) for m in places][:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village whose name is a common word is too common to match in running text ...
        ("The long wait would bore anyone.", []),
        ("Bore was the word.", []),
        # ... but is a place when capitalised after a word that points at one
        ("Gunmen robbed a truck near Bore on Monday.", ["gn-common"]),
        ("Gunmen robbed a truck outside Bore.", ["gn-common"]),
        # (not when the word names a time: "around May")
        ("Gunmen robbed a truck around May near Gao.", ["ml-gao"]),
    ],
)
def test_entities_a_common_word_village_after_near(fixture_gazetteer_dir, text, expected):
    villages = [_village("gn-common", "Bore", "Mopti", 14.4, -3.0), _village("gn-may", "May", "Mopti", 14.6, -3.2)]
    assert [m.entity_id for m in _places_found(fixture_gazetteer_dir, villages, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun the text says is a named group is that group, with its adjective
        ("Malian soldiers and foreign gunmen believed to be from the JNIM attacked Kidal.",
         [("Malian soldiers", "mali-army"), ("foreign gunmen believed to be from the JNIM", "jnim")]),
        ("Gunmen thought to be members of JNIM attacked Kidal.", [("Gunmen thought to be members of JNIM", "jnim")]),
        # an allegiance is no identity: the gunmen stay unidentified
        ("Gunmen linked to JNIM attacked Kidal.", [("Gunmen", "unidentified-armed-group"), ("JNIM", "jnim")]),
    ],
)
def test_entities_a_noun_said_to_be_a_named_group_is_that_group(recognizer, text, expected):
    mentions = [(m.text, m.entity_id) for m in recognizer(*make_document(text)) if m.kind == "actor"]
    assert mentions == expected
