"""Gazetteer loading and checking: messages name file, line and entry."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from models.gazetteer import ActorEntry
from pipeline.errors import GazetteerError
from pipeline.gazetteer import alias_key, check_gazetteer, fold_text, load_gazetteer

from .conftest import REPO


def write_gazetteer(folder: Path, fixture_dir: Path, **files: str) -> Path:
    for name in ("actors.yaml", "places.yaml", "triggers.yaml", "cues.yaml"):
        shutil.copy(fixture_dir / name, folder / name)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ménaka", "menaka"), ("Aguel’hoc", "aguelhoc"), ("Tin-Zaouaten", "tin zaouaten"), ("U.N.", "un"), ("  Ansar   Dine ", "ansar dine")],
)
def test_gazetteer_alias_key_folds(text, expected):
    assert alias_key(text) == expected


def test_gazetteer_fold_text_keeps_length():
    text = "Ménaka – “Aguel’hoc” Goïta œuvre\u00a0ß"
    assert len(fold_text(text)) == len(text)
    assert fold_text(text) == "Menaka - \"Aguel'hoc\" Goita ouvre s"


def test_gazetteer_indexes_aliases_as_sets(fixture_gazetteer):
    assert fixture_gazetteer.actor_index["mujao"] == {"mojwa"}
    assert fixture_gazetteer.place_index["testville"] == {"ml-test-lere-east", "ml-test-lere-north"}


def test_gazetteer_acled_label_by_year_and_person(fixture_gazetteer):
    assert fixture_gazetteer.actor_label("mali-army", 2012) == "Military Forces of Mali (2002-2012)"
    assert fixture_gazetteer.actor_label("mali-army", 2015) == "Military Forces of Mali (2013-2020)"
    assert fixture_gazetteer.actor_label("mali-army", 2023) is None
    assert fixture_gazetteer.actor_label("civilians", 2015, "Niger") is None
    assert fixture_gazetteer.actor_label("civilians", 2015, "Mali") == "Civilians (Mali)"


def test_gazetteer_acled_label_by_month_when_acled_changed_it_within_a_year():
    actor = ActorEntry.model_validate({"id": "g", "name": "G", "kind": "political militia", "acled": [
        {"label": "Old", "from": 2015, "to": "2020-10"},
        {"label": "Newest", "from": "2022-03"},
        {"label": "New", "from": "2020-11", "to": "2022-02"},
    ]})
    assert actor.acled_label(2020, month=10) == "Old"
    assert actor.acled_label(2020, month=11) == "New"
    assert actor.acled_label(2022, month=2) == "New"
    assert actor.acled_label(2022, month=3) == "Newest"
    # with only the year known, the first listed that applies in any month of it
    assert actor.acled_label(2020) == "Old"
    assert actor.acled_label(2021) == "New"
    assert actor.acled_label(2022) == "Newest"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("actors", "- id: x\n  name: X\n  kind: rebels\n", "actors.yaml:1: entry 'x': [kind] Input should be 'state forces', 'rebel group', 'political militia', 'identity militia', 'rioters', 'protesters', 'civilians', 'external/other forces', 'identity group' or 'social group'"),
        ("actors", "- id: x\n  name: X\n  kind: rebel group\n- id: Bad Id\n  name: Y\n  kind: rebel group\n", "actors.yaml:4: entry 'Bad Id': [id] String should match pattern '^[a-z0-9][a-z0-9-]*$'"),
        ("places", "- id: p\n  name: P\n  kind: town\n  country: Mali\n  lat: 95\n  lon: 1\n", "places.yaml:1: entry 'p': [lat] Input should be less than or equal to 90"),
        ("places", "- id: p\n  name: P\n  kind: region\n  country: Mali\n  lat: 15\n  lon: 1\n", "places.yaml:1: entry 'p': Value error, a region needs admin1 (its own name)"),
        ("triggers", "- id: t\n  lemmas: [kill]\n  event_type: Battles\n  sub_event_type: Attack\n", "triggers.yaml:1: entry 't': Value error, sub_event_type 'Attack' is not one of 'Battles''s: Armed clash, Government regains territory, Non-state actor overtakes territory"),
        ("actors", "id: x\n", "actors.yaml:1: expected a list of ActorEntry entries, got dict"),
        ("actors", "- id: x\n  name: X\n  kind: rebel group\n  acled: [{label: X, from: 2020-13}]\n", "actors.yaml:1: entry 'x': [acled -> 0 -> from] Value error, '2020-13' is neither a year nor a month written YYYY-MM"),
        ("actors", "- id: x\n  name: X\n  kind: identity militia\n  place_label: Communal Militia\n", "actors.yaml:1: entry 'x': [place_label] Value error, place_label must contain {place}"),
    ],
)
def test_gazetteer_load_errors_name_file_line_entry(tmp_path, fixture_gazetteer_dir, name, text, message):
    folder = write_gazetteer(tmp_path, fixture_gazetteer_dir, **{name: text})
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == f"{(folder / f'{name}.yaml').as_posix()}{message[len(name) + 5:]}"


def test_gazetteer_duplicate_id_is_refused(tmp_path, fixture_gazetteer_dir):
    text = "- {id: x, name: X, kind: rebel group}\n- {id: x, name: Y, kind: rebel group}\n"
    folder = write_gazetteer(tmp_path, fixture_gazetteer_dir, actors=text)
    with pytest.raises(GazetteerError, match=r"actors.yaml:2: duplicate id 'x' \(first defined at .*actors.yaml:1\)"):
        load_gazetteer(folder)


def _problems(folder: Path) -> list[str]:
    """The gazetteer check's problems for `folder`, with paths relative to it."""
    return [str(problem).replace(folder.as_posix() + "/", "") for problem in check_gazetteer(folder)]


def test_gazetteer_check_reports_every_problem(tmp_path, fixture_gazetteer_dir):
    actors = (
        "- {id: a, name: Alpha Front, kind: rebel group, aliases: [AF]}\n"
        "- {id: b, name: Beta Front, kind: rebel group, aliases: [A.F.], memberships: [{group: nobody}]}\n"
        "- {id: a, name: Again, kind: rebel group}\n"
    )
    assert _problems(write_gazetteer(tmp_path, fixture_gazetteer_dir, actors=actors)) == [
        "actors.yaml:3: entry 'a': duplicate id (first at line 1)",
        "actors.yaml:2: entry 'b': names unknown actor 'nobody'",
        # (the fixture's countries name states these actors no longer hold)
        "places.yaml:1: entry 'ml-country': names unknown actor 'mali-army'",
        "places.yaml:2: entry 'fr-country': names unknown actor 'france-military'",
        "actors.yaml:1: entry 'a': alias 'af' is also on 'b' (line 2)",
    ]


@pytest.mark.parametrize(("places", "expected"), [
    # a country's capital must be a place of it, its state an actor
    ("- {id: xx-country, name: Xland, kind: country, country: Xland, lat: 1.0, lon: 1.0, capital: xx-nowhere}\n"
     "- {id: yy-country, name: Yland, kind: country, country: Yland, lat: 1.0, lon: 1.0, capital: xx-town}\n"
     "- {id: xx-town, name: Xtown, kind: town, country: Xland, lat: 1.0, lon: 1.0}\n"
     "- {id: zz-country, name: Zland, kind: country, country: Zland, lat: 1.0, lon: 1.0, state: nobody}\n",
     ["places.yaml:1: entry 'xx-country': names unknown capital 'xx-nowhere'",
      "places.yaml:2: entry 'yy-country': names unknown capital 'xx-town'",
      "places.yaml:4: entry 'zz-country': names unknown actor 'nobody'"]),
    # a region is formed from a region of its country
    ("- {id: xx-region-a, name: A Region, kind: region, country: Xland, admin1: A, lat: 1.0, lon: 1.0}\n"
     "- {id: xx-region-b, name: B Region, kind: region, country: Xland, admin1: B, lat: 1.0, lon: 1.0, formed_from: A}\n"
     "- {id: xx-region-c, name: C Region, kind: region, country: Xland, admin1: C, lat: 1.0, lon: 1.0, formed_from: Z}\n"
     "- {id: yy-region-d, name: D Region, kind: region, country: Yland, admin1: D, lat: 1.0, lon: 1.0, formed_from: A}\n",
     ["places.yaml:3: entry 'xx-region-c': is formed from unknown region 'Z'",
      "places.yaml:4: entry 'yy-region-d': is formed from unknown region 'A'"]),
])
def test_gazetteer_check_reports_a_place_it_names_and_does_not_know(tmp_path, fixture_gazetteer_dir, places, expected):
    assert _problems(write_gazetteer(tmp_path, fixture_gazetteer_dir, places=places)) == expected


def test_gazetteer_check_reports_a_formed_from_on_no_region(tmp_path, fixture_gazetteer_dir):
    town = "- {id: xx-town, name: Xtown, kind: town, country: Xland, admin1: A, lat: 1.0, lon: 1.0, formed_from: A}\n"
    (problem,) = _problems(write_gazetteer(tmp_path, fixture_gazetteer_dir, places=town))
    assert problem.endswith("only a region is formed from another")


def test_gazetteer_check_passes_on_fixture(fixture_gazetteer_dir):
    assert check_gazetteer(fixture_gazetteer_dir) == []


def test_gazetteer_bundled_is_valid():
    problems = check_gazetteer(REPO / "gazetteer")
    assert [str(problem) for problem in problems] == []


def test_gazetteer_bundled_state_forces_answer_to_their_acled_label():
    """Analysts write ACLED's labels as text ("Military Forces of France seized Douentza"): every
    "Military/Police Forces of X" label is an alias of an actor that carries it."""
    gazetteer = load_gazetteer(REPO / "gazetteer")
    for actor in gazetteer.actors.values():
        for label in actor.acled:
            stem = re.match(r"^((?:Military|Police) Forces of [A-Za-z ]+?)(?: \(|$)", label.label)
            if stem:
                owners = gazetteer.actor_index.get(alias_key(stem.group(1)), set())
                assert any(item.label.startswith(stem.group(1)) for owner in owners
                           for item in gazetteer.actors[owner].acled), stem.group(1)


@pytest.mark.parametrize(("actor_id", "year", "month", "label"), [
    # the Malian state's labels change with its rulers: Ibrahim Boubacar Keita's inauguration
    # (September 2013), the coups of August 2020 and of May 2021
    ("mali-army", 2013, 8, "Military Forces of Mali (2012-2013)"),
    ("mali-army", 2013, 9, "Military Forces of Mali (2013-2020)"),
    ("mali-army", 2020, 8, "Military Forces of Mali (2013-2020)"),
    ("mali-army", 2020, 9, "Military Forces of Mali (2020-2021)"),
    ("mali-army", 2021, 5, "Military Forces of Mali (2020-2021)"),
    ("mali-army", 2021, 6, "Military Forces of Mali (2021-)"),
    ("mali-government", 2020, 11, "Government of Mali (2020-2021)"),
    ("mali-police", 2013, 12, "Police Forces of Mali (2013-2020)"),
    ("minusma", 2020, 10, "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2020-2021)"),
    # (no later MINUSMA label is known: the last one stays in use)
    ("minusma", 2021, 7, "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2020-2021)"),
    # with the month unknown, the label of most of the year
    ("mali-army", 2020, None, "Military Forces of Mali (2013-2020)"),
    ("mali-army", 2013, None, "Military Forces of Mali (2012-2013)"),
    # with the year unknown, the label of the conflict's longest stretch
    ("mali-army", None, None, "Military Forces of Mali (2013-2020)"),
    ("mali-government", None, None, "Government of Mali (2013-2020)"),
    # France's change with its presidents (Macron from May 2017), Chad's at Idriss Deby's death
    ("france-military", 2017, 4, "Military Forces of France (2012-2017)"),
    ("france-military", 2017, 5, "Military Forces of France (2017-)"),
    ("france-military", None, None, "Military Forces of France (2012-2017)"),
    ("chad-military", 2021, 4, "Military Forces of Chad (1990-)"),
    ("chad-military", 2021, 5, "Military Forces of Chad (2021-)"),
    ("chad-military", None, None, "Military Forces of Chad (1990-)"),
])
def test_gazetteer_bundled_state_labels_follow_the_regime_by_month(actor_id, year, month, label):
    assert load_gazetteer(REPO / "gazetteer").actors[actor_id].acled_label(year, "Mali", month) == label


@pytest.mark.parametrize(("text", "actor_id"), [
    # how running text writes actors: state forces in lower case, coalitions and offices
    ("Unknown gunmen shot dead a national guard in Gao.", "mali-national-guard"),
    ("The MNLA launched another offensive on state forces.", "mali-army"),
    ("A Platform convoy was attacked near Gawa.", "plateforme"),
    ("Gunmen burned the voting office in Kerena.", "local-officials"),
    ("Militants abducted three teachers who worked as elections officials in Kargue.", "local-officials"),
    ("Gunmen shot dead a council member in Timbuktu.", "local-officials"),
    ("An alleged jihadist commander was killed near Gao.", "islamist-militia"),
    ("French jets bombed the Islamist-held town of Diabali.", "islamist-militia"),
    ("Presumed ISGS or JNIM militants ambushed a patrol near Boni.", "jnim-or-isgs"),
    ("Presumed JNIM and/or ISGS militants ambushed a patrol near Boni.", "jnim-or-isgs"),
    ("French fighter jets and drones struck a camp near Gao.", "france-military"),
    ("Unknown gunmen shot dead a forest agent near Bougouni.", "mali-forest-guards"),
    ("A French attack helicopter fired on a convoy near Gao.", "france-military"),
])
def test_gazetteer_bundled_names_actors_as_running_text_writes_them(text, actor_id):
    from pipeline.entities import EntityRecognizer
    from tests.conftest import make_document

    recognizer = EntityRecognizer(load_gazetteer(REPO / "gazetteer"))
    assert actor_id in [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "actor"]


@pytest.mark.parametrize("text", ["Gunmen seized and burned ballot boxes in Gao.", "Militants ransacked the poll booth in Boni.",
                                  "Gunmen burned electoral material near Dire."])
def test_gazetteer_bundled_things_name_no_one(text):
    # electoral material is no official: the act on it names no side acted upon
    from pipeline.entities import EntityRecognizer
    from tests.conftest import make_document

    recognizer = EntityRecognizer(load_gazetteer(REPO / "gazetteer"))
    assert "local-officials" not in [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "actor"]


@pytest.mark.parametrize("text", ["Gunmen seized an ICRC vehicle near Gao.", "Gunmen seized a UNHCR vehicle near Gao."])
def test_gazetteer_bundled_humanitarians_are_associated_with_civilians(text):
    from pipeline.extract import Pipeline
    from pipeline.reading import parse_document

    (event,) = Pipeline().analyse(parse_document((text + "\n").encode(), "test")).events
    roles = {(actor.role, actor.id) for actor in event.actors}
    assert ("actor2", "civilians") in roles and any(role == "assoc_actor_2" for role, _ in roles), roles


def test_gazetteer_yaml_syntax_error_names_file_and_line(tmp_path, fixture_gazetteer_dir):
    folder = write_gazetteer(tmp_path, fixture_gazetteer_dir, actors="- id: x\n  name: [unclosed\n")
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(folder)
    # the parser's own words differ between libyaml and pure-Python PyYAML; where it is does not
    assert str(caught.value).startswith(f"{(folder / 'actors.yaml').as_posix()}:3: not valid YAML: ")
    assert "expected ',' or ']'" in str(caught.value)


def test_gazetteer_label_marked_undated_serves_an_unknown_year():
    gendarmes = ActorEntry(id="g", name="Gendarmerie", kind="state forces", acled=[
        {"label": "Police Forces of Mali (2012-2013)", "from": 2012, "to": 2013},
        {"label": "Police Forces of Mali (2013-2020) Gendarmerie", "from": 2016, "to": 2020, "undated": True},
    ])
    assert gendarmes.acled_label(2012) == "Police Forces of Mali (2012-2013)"
    assert gendarmes.acled_label(2018) == "Police Forces of Mali (2013-2020) Gendarmerie"
    assert gendarmes.acled_label(None) == "Police Forces of Mali (2013-2020) Gendarmerie"
    plain = ActorEntry(id="p", name="Police", kind="state forces", acled=[
        {"label": "Police Forces of Mali (2012-2013)", "from": 2012, "to": 2013},
        {"label": "Police Forces of Mali (2013-2020)", "from": 2013, "to": 2020},
    ])
    assert plain.acled_label(None) == "Police Forces of Mali (2012-2013)"


@pytest.mark.parametrize(("text", "labour"), [
    # a trade names a labour group; a driver or an employee alone names none
    ("Gunmen shot dead two truck drivers near Gao.", True),
    ("Gunmen shot dead two traders near Gao.", True),
    ("Gunmen wounded the driver of a vehicle near Gao.", False),
    ("Gunmen robbed the employees of an NGO near Gao.", False),
])
def test_gazetteer_bundled_labour_group_is_named_by_a_trade(text, labour):
    from pipeline.entities import EntityRecognizer
    from tests.conftest import make_document

    recognizer = EntityRecognizer(load_gazetteer(REPO / "gazetteer"))
    found = [m.entity_id for m in recognizer(*make_document(text)) if m.kind == "actor"]
    assert ("labour-group" in found) is labour, found


def test_gazetteer_bundled_peoples_fight_as_their_ethnic_militia():
    # a people coded as an ethnic group ("Arab Ethnic Group") fights as that group's militia
    # ("Arab Ethnic Militia") wherever the gazetteer has one, whichever clan or tribe it names
    gazetteer = load_gazetteer(REPO / "gazetteer")
    militias = {label.label.replace("Ethnic Militia", "Ethnic Group"): actor.id
                for actor in gazetteer.actors.values() if actor.kind == "identity militia"
                for label in actor.acled if "Ethnic Militia" in label.label}
    missing = [(actor.id, label.label) for actor in gazetteer.actors.values() if actor.kind == "identity group"
               for label in actor.acled if label.label in militias and actor.militia is None]
    assert missing == []
