"""Killed counts read from text: digits and words, vague counts by ACLED's conventions, kept
apart from wounded, abducted and displaced; an explicit 'no casualties' is 0, silence is None."""
from __future__ import annotations

import pytest

from pipeline.errors import GazetteerError
from pipeline.events import find_fatalities, load_cues, read_count, reports_casualties, text_words
from pipeline.gazetteer import DEFAULT_GAZETTEER_DIR


@pytest.fixture(scope="module")
def cues():
    return load_cues(DEFAULT_GAZETTEER_DIR)


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Gunmen attacked the camp, killing 20.", 20, 20, "exact"),
        ("The raid left 20+ dead.", 20, 20, "at least"),
        ("At least six peacekeepers were killed.", 6, 6, "at least"),
        ("More than 400 people died in the fighting.", 400, 400, "more than"),
        ("Hundreds were killed in the massacre.", 100, 999, "vague"),
        ("Dozens of villagers were killed.", 12, 99, "vague"),
        ("Several soldiers died in the ambush.", 3, 9, "vague"),
        ("Tens of civilians were killed.", 10, 99, "vague"),
        ("Four villagers and three gunmen were killed.", 7, 7, "exact"),
        # a headline's reduced passive adds its counts too
        ("Four jihadists and one Malian soldier killed.", 5, 5, "exact"),
        # each member of a list gets its own few words
        ("Three militiamen, eight militants, and four civilian bystanders were killed.", 15, 15, "exact"),
        # "killing" with an object kills one; "the killing of" names the act
        ("Gunmen attacked the voting office, killing the head of the office.", 1, 1, "exact"),
        ("Two soldiers were killed and five wounded.", 2, 2, "exact"),
        ("Five were wounded and two killed.", 2, 2, "exact"),
        ("Twenty-one people were killed.", 21, 21, "exact"),
        ("The militants shot dead three traders.", 3, 3, "exact"),
        ("The gunmen killed between 5 and 9 herders.", 5, 9, "about"),
        ("6 - 9 civilians were killed near the well.", 6, 9, "about"),
        ("Seven people, including two children, were killed.", 7, 7, "exact"),
        ("The mayor was killed in his home.", 1, 1, "exact"),
        ("A 16 year old boy was killed by a mine.", 1, 1, "exact"),
        ("On 3 May, two soldiers were killed.", 2, 2, "exact"),
        ("In 2012, 15 civilians were killed.", 15, 15, "exact"),
        ("The bodies of three herders were found.", 3, 3, "exact"),
        ("The attack killed three soldiers and two militants.", 5, 5, "exact"),
        ("The convoy was attacked, leaving the driver dead.", 1, 1, "exact"),
        ("Gunmen assassinated the imam of the village.", 1, 1, "exact"),
        ("No casualties were reported.", 0, 0, "exact"),
        ("Nobody was killed in the attack.", 0, 0, "exact"),
        ("Des hommes armés ont tué cinq civils.", 5, 5, "exact"),
        ("Unknown fatalities coded as 3.", 3, 3, "exact"),
        # an article before a qualified count opens it, and counts nothing itself
        ("French forces raided the camp, killing a reported ten militants.", 10, 10, "exact"),
        ("The gunmen killed a total of 12 villagers.", 12, 12, "exact"),
        ("The gunmen killed a herder.", 1, 1, "exact"),
        # "them" counts the people a count before it told of
        ("The militia abducted six herders, executed them and burned their tents.", 6, 6, "exact"),
        # an outcome chain: the subject of its first verb is killed
        ("Six traders were abducted and executed.", 6, 6, "exact"),
        ("A civilian was kidnapped and shot dead.", 1, 1, "exact"),
        # a person named with a title and no article
        ("Militants assassinated MSA officer Ahmed Ag Intalla in Menaka.", 1, 1, "exact"),
        ("An IED exploded near the camp without causing any casualties.", 0, 0, "exact"),
        # victims joined by "and" to one killed
        ("Gunmen beheaded a woman and her child near the market.", 2, 2, "exact"),
        ("Gunmen killed a village chief of the Bellah community and his three sons.", 4, 4, "exact"),
        ("Gunmen killed a trader and wounded two others.", 1, 1, "exact"),
        # the count after "killed" may be another outcome's; "those killed" tells the dead again
        ("The village was attacked, one gendarme killed two wounded.", 1, 1, "exact"),
        ("Gunmen killed two wounded soldiers.", 2, 2, "exact"),
        ("Soldiers killed three herders, several local sources described those killed as civilians.", 3, 3, "exact"),
        # animals counted are no one
        ("Gunmen killed three herders and stole 40 head of cattle.", 3, 3, "exact"),
        # an adverb of time between the auxiliary and the verb
        ("The mayor was later killed in Gao.", 1, 1, "exact"),
        ("The abductee was subsequently executed.", 1, 1, "exact"),
        ("Two soldiers were later killed.", 2, 2, "exact"),
        # dying with one person as its subject, whatever they died of
        ("The pilot died of his wounds.", 1, 1, "exact"),
        ("Gunmen shot a herder in Gossi, he later succumbed to his injuries.", 1, 1, "exact"),
        ("The gunmen shot his wife, who succumbed in hospital.", 1, 1, "exact"),
        ("Gunmen executed two traders and wounded another who died the next day.", 3, 3, "exact"),
        ("Two gendarmes were wounded and later succumbed to their wounds.", 2, 2, "exact"),
    ],
)
def test_fatalities_count(cues, text, low, high, qualifier):
    fatalities = find_fatalities(text, cues)
    assert fatalities is not None
    assert (fatalities.min, fatalities.max, fatalities.qualifier) == (low, high, qualifier)
    assert fatalities.text and fatalities.text in text


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen soldiers were wounded in the attack.",
        "Ten teachers were abducted near the school.",
        "The fighting displaced 3,000 people.",
        "Gunmen attacked the market 3 km from the town.",
        "The army arrested 12 members of the group.",
        "The MNLA attacked Kidal in 2012.",
        # a plural title is no single person
        "Gunmen killed local officials in Gao.",
        "Villagers were reportedly massacred by Dozo militiamen near Koro.",
        "The shells wounded a herder and killed three cattle.",
        # a killed word as a modifier
        "Women staged a protest in reaction to the repeated mass-casualty attacks on the army.",
        # dying with no count and no single person as subject counts no one
        "The wounded soldiers later succumbed to their injuries.",
        "Soldiers died in the ambush.",
    ],
)
def test_fatalities_none_when_nobody_is_reported_killed(cues, text):
    assert find_fatalities(text, cues) is None


def test_fatalities_casualties_include_wounded_not_an_explicit_none(cues):
    assert reports_casualties("Two soldiers were wounded.", cues)
    assert not reports_casualties("No casualties were reported.", cues)


@pytest.mark.parametrize(
    ("words", "expected"),
    [("twenty one", (21, 21)), ("a dozen", (12, 12)), ("dozen", (12, 12)), ("1,200", (1200, 1200)), ("about 30", (30, 30))],
)
def test_fatalities_read_count(cues, words, expected):
    count = read_count(text_words(words), 0, cues)
    assert (None if count is None else (count.low, count.high)) == expected


def test_fatalities_unquoted_yaml_boolean_is_refused(tmp_path):
    (tmp_path / "cues.yaml").write_text("negation: [not, no]\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"cue list 'negation': expected a word, got False \(quote it\)"):
        load_cues(tmp_path)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Five Fulani civilians were reportedly killed.", 5),
        ("22 Dogon villagers were allegedly killed in the raid.", 22),
    ],
)
def test_fatalities_adverb_between_auxiliary_and_participle(cues, text, count):
    fatalities = find_fatalities(text, cues)
    assert fatalities is not None and fatalities.min == count


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Des hommes armés ont attaqué le village, tuant une vingtaine de civils.", 20),
        ("L'attaque a fait une centaine de morts.", 100),
        # ("une dizaine" is a count of its own, not a hedge before one)
        ("Une dizaine de soldats ont été tués dans une attaque.", 10),
        ("Une vingtaine de terroristes ont été neutralisés, selon l'armée.", 20),
    ],
)
def test_fatalities_french_approximate_counts(cues, text, low):
    fatalities = find_fatalities(text, cues)
    assert fatalities is not None and fatalities.min == low
