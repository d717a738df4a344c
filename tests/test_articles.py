"""Whole articles in the styles analysts add to the corpus (news agency, French agency, NGO
report, political news), written for these tests, read with the bundled gazetteer and no
GeoNames: the events an analyst would code, each told once, with its date, place, sides and toll.

Each expected event is (event type, sub-type, first day, place name, actor1, actor2, fatalities);
None leaves a field unchecked.
"""
from __future__ import annotations

import pytest

from pipeline.extract import Pipeline
from pipeline.reading import read_document

from .conftest import FIXTURES

ARTICLES = FIXTURES / "articles"

EXPECTED = {
    # a lead and a second paragraph retelling it (the dateline is where the story was filed), a
    # claim the next day, a reaction, a separate incident, an earlier massacre
    "agency_attack": [
        ("Battles", "Armed clash", "2019-03-17", "Dioura", "jnim", "mali-army", 12),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "2019-03-16", "Aguelhok",
         "unidentified-armed-group", "minusma", None),
        (None, None, "2019-02-01", "Koulogon", "dogon-militia", None, 37),
    ],
    # the same in French: "Les assaillants, …" and "L'attaque n'a pas été revendiquée" retell the
    # lead; "Par ailleurs" opens another incident, "le même jour" is the lead's day
    "agency_attack_fr": [
        ("Battles", "Armed clash", "2021-07-11", "Gao", "unidentified-armed-group", "mali-army", 4),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "2021-07-11", "Tessalit",
         "unidentified-armed-group", "minusma", None),
    ],
    # dates told relative to one another; an act a time word refers to ("hours before the attack")
    "report_central_mali": [
        ("Violence against civilians", "Attack", "2020-01-01", "Sinda", "jnim", "civilians", 6),
        (None, None, "2020-01-15", "Siba", "dan-na-ambassagou", "civilians", None),
        ("Violence against civilians", "Attack", "2020-02-14", "Ogossagou", "unidentified-armed-group", "civilians", 31),
        ("Violence against civilians", "Attack", "2020-03-01", "Niangassagou", "mali-army", "civilians", 14),
        ("Violence against civilians", "Abduction/forced disappearance", "2020-04-01", "Mopti Region",
         "islamist-militia", "civilians", None),
    ],
    # "Malian soldiers and foreign fighters believed to be from the Russian Wagner Group": the
    # army, Wagner beside it; the army's account of "the operation" retells it; an accusation
    # names who did it; a denial tells no event
    "moura": [
        ("Violence against civilians", "Attack", "2022-03-27", "Moura", "mali-army", "civilians", 300),
        ("Explosions/Remote violence", "Air/drone strike", None, "Hombori", None, "civilians", 12),
        (None, None, "2022-04-09", "Anefis", "mali-army", None, None),
    ],
    # a rally dispersed (what it demanded is no side), "the June 5 Movement" no date
    "protests_bamako": [
        ("Protests", "Protest with intervention", "2020-06-19", "Bamako", "protesters", "mali-police", None),
        ("Protests", "Peaceful protest", "2020-06-05", None, "protesters", None, None),
    ],
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _role(event, role):
    return next((actor.id for actor in event.actors if actor.role == role), None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_articles_give_the_events_an_analyst_would_code(pipeline, name):
    events = pipeline.extract(read_document(ARTICLES / f"{name}.txt", ARTICLES))
    found = [(event.event_type, event.sub_event_type, event.date.start if event.date else None,
              event.location.name if event.location else None, _role(event, "actor1"), _role(event, "actor2"),
              event.fatalities.min if event.fatalities else None) for event in events]
    assert len(found) == len(EXPECTED[name]), found
    for got, expected in zip(found, EXPECTED[name]):
        assert all(want is None or have == want for have, want in zip(got, expected)), (got, expected)
