"""Every actor and place named in the two seed articles resolves to the right gazetteer entry.

The list is written by reading the articles: each name as the article spells it, with the entry
an analyst would code it as. It runs over the bundled gazetteer, so a gazetteer edit that loses
one of them fails here.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from pipeline.extract import Pipeline
from pipeline.reading import read_corpus
from pipeline.sentences import document_sentences

from .conftest import REPO

SEED_ACTORS = {
    # armed groups and coalitions, by acronym, full name, variant and French name
    "MNLA": "mnla",
    "National Movement for the Liberation of Azawad (MNLA)": "mnla",
    "Movement for the National Liberation of Azawad": "mnla",
    "CMA": "cma",
    "Coordination of Azawad Movements (CMA)": "cma",
    "HCUA": "hcua",
    "High Council for the Unity of Azawad (HCUA)": "hcua",
    "High Council of Azawad (HCA)": "hca",
    "Azawad Islamic Movement": "mia",
    "MAA": "maa",
    "MAA-D": "maa-cma",
    "MAA-Dissident": "maa-cma",
    "Arab Movement of Azawad – Dissident": "maa-cma",
    "MAA-T": "maa-plateforme",
    "MAA-Tabankort": "maa-plateforme",
    "Arab Movement of Azawad – Tabankort": "maa-plateforme",
    "Plateforme": "plateforme",
    "GATIA": "gatia",
    "Imghad Tuareg and Allies Self-Defence Group (GATIA)": "gatia",
    "MSA": "msa",
    "MSA-D": "msa-d",
    "MSA-C": "msa-c",
    "Movement for the Salvation of Azawad (MSA)": "msa",
    "CPA": "cpa",
    "CJA": "cja",
    "CMFPR-I": "cmfpr1",
    "CMFPR-II": "cmfpr2",
    "CMI": "cmi",
    "Coordination of Inclusivity Movements": "cmi",
    "CSP-PSD": "csp-psd",
    "FPA": "fpa",
    "Azawad National Movement (MNA)": "mna",
    "Ganda Koy": "ganda-koy",
    "Ganda Izo": "ganda-izo",
    "Movement for National Defence": "mdp",
    "Ansar Dine": "ansar-dine",
    "AQIM": "aqim",
    "Al-Qaeda in the Islamic Maghreb (AQIM)": "aqim",
    "MOJWA": "mojwa",
    "Movement for Oneness and Jihad in West Africa": "mojwa",
    "Movement for Unity and Jihad in West Africa": "mojwa",
    "Al-Mourabitoun": "al-mourabitoun",
    "JNIM": "jnim",
    "Jama'at Nasr al-Islam wal Muslimin": "jnim",
    "Islamic State in the Greater Sahara": "isgs",
    "Boko Haram": "boko-haram",
    "Ansaru": "ansaru",
    # state, international and foreign forces
    "Malian army": "mali-army",
    "Malian Armed Forces": "mali-army",
    "Malian government": "mali-government",
    "junta": "mali-junta",
    "military junta": "mali-junta",
    "interim authorities": "mali-government",
    "Operation Barkhane": "france-military",
    "French soldiers": "france-military",
    "Chadian forces": "chad-military",
    "Turkish forces": "turkey-military",
    "U.S. military": "us-military",
    "MINUSMA": "minusma",
    "UN Multidimensional Integrated Stabilization Mission in Mali": "minusma",
    "UN peacekeepers": "minusma",
    "UN": "united-nations",
    "ECOWAS": "ecowas",
    "Economic Community of West African States": "ecowas",
    "African Union": "african-union",
    "G5 Sahel Force": "g5-sahel",
    "Group of Five for the Sahel": "g5-sahel",
    "Wagner": "wagner-group",
    "Wagner Group": "wagner-group",
    "Libyan Arab Jamahiriya": "libya-government",
    "National Transitional Council": "libya-ntc",
    "Alliance of Sahel States": "alliance-sahel-states",
    # people
    "Iyad Ag Ghali": "iyad-ag-ghali",
    "Ag Ghali": "iyad-ag-ghali",
    "Bilal Ag Chérif": "bilal-ag-acherif",
    "Moussa Ag Acharatoumane": "moussa-ag-acharatoumane",
    "Alghabass Ag Intalla": "alghabass-ag-intalla",
    "Mohamed Ag Intalla": "mohamed-ag-intalla",
    "Mohamed Ag Najim": "mohamed-ag-najim",
    "Assalat Ag Habi": "assalat-ag-habi",
    "El Hadj Ag Gamou": "el-hadj-ag-gamou",
    "General Ag Gamou": "el-hadj-ag-gamou",
    "Ibrahim Ag Mohamed Assaleh": "ibrahim-ag-mohamed-assaleh",
    "Ibrahim Abba Kantao": "ibrahim-abba-kantao",
    "Hussein Ould al-Moctar ‘Goulam’": "hussein-ould-al-moctar",
    "Sidi Ibrahim Ould Sidati": "sidi-ibrahim-ould-sidati",
    "Ibrahim Ould Handa": "ibrahim-ould-handa",
    "Fahad Ag Almahmoud": "fahad-ag-almahmoud",
    "Hama Founé Diallo": "hama-foune-diallo",
    "Dina Ould Aya": "dina-ould-aya",
    "Mohamed Ould Aweynat": "mohamed-ould-aweynat",
    "Ilad Ag Mohamed": "ilad-ag-mohamed",
    "Adnan Abu Walid al-Sahraoui": "adnan-abu-walid-al-sahraoui",
    "Colonel Assimi Goïta": "assimi-goita",
    "Amadou Toumani Touré": "amadou-toumani-toure",
    "Muammar Gaddafi": "muammar-gaddafi",
    "Bah Ndaw": "bah-ndaw",
    "Moctar Ouane": "moctar-ouane",
    # communities ACLED codes as associated actors
    "Tuareg": "tuareg",
    "Fulani": "fulani",
    "Songhaï": "songhai",
    "Bambara": "bambara",
    "Daoussahak": "dawsahak",
    "Imghad": "imghad",
    "Ifoghas": "ifoghas",
    "Arabs": "arab",
    "civilians": "civilians",
}

SEED_PLACES = {
    "Kidal": "ml-kidal",
    "Kidal region": "ml-region-kidal",
    "Gao region": "ml-region-gao",
    "Timbuktu region": "ml-region-tombouctou",
    "Ménaka region": "ml-region-menaka",
    "Ménaka": "ml-menaka",
    "Menaka": "ml-menaka",
    "Aguelhok": "ml-aguelhok",
    "Tessalit": "ml-tessalit",
    "Douentza": "ml-douentza",
    "Ansongo": "ml-ansongo",
    "Léré": "ml-lere",
    "Ber": "ml-ber",
    "Taoudeni": "ml-taoudenni",
    "Anefis": "ml-anefis",
    "Tabankort": "ml-tabankort",
    "Bamako": "ml-bamako",
    "Tin Hama": "ml-tin-hama",
    "Goudebou": "bf-goudoubo",
    "Mali": "ml-country",
    "Niger": "ne-country",
    "Burkina Faso": "bf-country",
    "Algeria": "dz-country",
    "Mauritania": "mr-country",
    "Libya": "ly-country",
    "Chad": "td-country",
    "Côte d’Ivoire": "ci-country",
}
# the seeds name Algiers only in "the (2015) Algiers Accord": a text, not where anything happened


@pytest.fixture(scope="module")
def seed_mentions():
    pipeline = Pipeline()
    resolved: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document in read_corpus(REPO / "corpus"):
        for mention in pipeline.recognizer(document.language)(document, document_sentences(document)):
            resolved[(mention.kind, mention.text)].add(mention.entity_id)
    return resolved


@pytest.mark.parametrize(("text", "actor_id"), sorted(SEED_ACTORS.items()))
def test_seed_entities_actor_resolves(seed_mentions, text, actor_id):
    assert actor_id in seed_mentions[("actor", text)], f"{text!r} resolved to {sorted(seed_mentions[('actor', text)])}"


@pytest.mark.parametrize(("text", "place_id"), sorted(SEED_PLACES.items()))
def test_seed_entities_place_resolves(seed_mentions, text, place_id):
    assert place_id in seed_mentions[("place", text)], f"{text!r} resolved to {sorted(seed_mentions[('place', text)])}"


def test_seed_entities_the_algiers_accord_is_no_place(seed_mentions):
    assert not seed_mentions[("place", "Algiers")]


def test_seed_entities_places_have_coordinates_and_regions():
    pipeline = Pipeline()
    for place_id in SEED_PLACES.values():
        place = pipeline.gazetteer.places[place_id]
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
        if place.country == "Mali" and place.kind not in ("country", "area"):
            assert place.admin1, place_id
