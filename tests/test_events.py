"""Event coding over a tiny actor/place gazetteer and the product's trigger and cue lexicons.

Every sentence here was written for these tests. Each case names what an analyst would code:
the type/sub-type, the acting and acted-upon sides (and associates), the place, the killed
count, the status, or that no event is reported at all.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.tokens import Doc

from models.event import ACLED_TAXONOMY
from pipeline.dates import normalise_dates
from pipeline.entities import EntityRecognizer
from pipeline.events import (
    EventAssembler,
    EventSettings,
    TriggerHit,
    assign_roles,
    blocking_cue,
    choose_triggers,
    dependency_sides,
    event_id,
    load_cues,
)
from pipeline.gazetteer import DEFAULT_GAZETTEER_DIR, load_gazetteer

from .conftest import FIXTURES, make_document

SHORT = {
    "BAT": "Battles",
    "VAC": "Violence against civilians",
    "ERV": "Explosions/Remote violence",
    "PRO": "Protests",
    "RIO": "Riots",
    "SD": "Strategic developments",
}


@pytest.fixture(scope="module")
def gazetteer_dir(tmp_path_factory) -> Path:
    """The fixture actors and places with the product's triggers and cues."""
    folder = tmp_path_factory.mktemp("events-gazetteer")
    for name in ("actors.yaml", "places.yaml"):
        shutil.copy(FIXTURES / "events" / name, folder / name)
    for name in ("triggers.yaml", "cues.yaml"):
        shutil.copy(DEFAULT_GAZETTEER_DIR / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def gazetteer(gazetteer_dir):
    return load_gazetteer(gazetteer_dir)


@pytest.fixture(scope="module")
def cues(gazetteer_dir):
    return load_cues(gazetteer_dir)


@pytest.fixture(scope="module")
def extract(gazetteer, gazetteer_dir):
    recognizer = EntityRecognizer(gazetteer)
    assemblers = {}

    def run(text: str, language: str = "en", published: str = "2019-06-30"):
        document, sentences = make_document(text, language=language, **({"published": published} if published else {}))
        if language not in assemblers:
            assemblers[language] = EventAssembler(gazetteer, language=language, gazetteer_dir=gazetteer_dir)
        mentions = recognizer(document, sentences)
        dates = normalise_dates(document.body, sentences, document.published, document.language)
        return document, assemblers[language](document, sentences, mentions, dates)

    return run


def _role(event, role):
    return [actor.id for actor in event.actors if actor.role == role]


# (text, expected): `code` "TYPE/Sub-type"; `a1`/`a2` the actor1/actor2 ids; `assoc1`/`assoc2`
# ids that must be associated; `place`; `fat` the killed minimum (None: not stated); `status`;
# `events` how many events (0: none); `label1`/`label2` the ACLED label of actor1/actor2.
CASES = [
    # --- an attack that fires on people is an attack even when property burns too
    ("On 7 May 2019, gunmen attacked the Dogon village of Boni, fired at villagers and burned granaries.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians")),
    ("On 8 May 2019, gunmen attacked the village of Boni and burned granaries.",
     dict(code="SD/Looting/property destruction", a1="gunmen", a2="civilians")),
    # --- property of an owner the text does not name is the civilians' (ACLED's codebook)
    ("On 8 May 2019, JNIM militants burned the school in Boni.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2="civilians")),
    # --- "between" names both sides, over words describing the first
    ("On 9 May 2019, an exchange of gunfire between gunmen on motorbikes and soldiers took place in Boni.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army")),
    # --- a name's head noun does not part it from the side coordinated with it
    ("On 9 May 2019, Katiba Macina militants and Dozos clashed near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", assoc1={"katiba-macina"}, a2="dozo")),
    # --- the side blamed after the act: the subject of the claim, or the agent after "by";
    # never the side the act was done to
    ("On 9 May 2019, an IED exploded near an army post in Boni, the device was likely planted by JNIM militants.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", a2="army")),
    ("On 9 May 2019, gunmen attacked soldiers in Boni. MUJAO claimed responsibility and the army suspects JNIM.",
     dict(code="BAT/Armed clash", a1="mojwa", a2="army")),
    # --- the named side a word of aim points at is the one acted upon, in place of the people
    # counted; not a side that only describes who is aimed at
    ("On 9 May 2019, five people were killed when a car bomb went off near Boni, targeting MNLA members.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="gunmen", a2="mnla", ids={"gunmen", "mnla"})),
    ("On 9 May 2019, gunmen fired rockets at Boni, targeting the MINUSMA camp.",
     dict(a1="gunmen", a2="minusma")),
    ("On 9 May 2019, gunmen killed two villagers near Boni, targeting MNLA informants.",
     dict(a1="gunmen", a2="civilians")),
    # (and the code reads it: "targeting MNLA members" after killing makes a battle)
    ("On 9 May 2019, gunmen killed two men near Boni, targeting MNLA members.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="mnla")),
    # --- a trigger that opens with the last word of the side's name is read after the name
    ("On 9 May 2019, French helicopters struck JNIM positions near Boni.", dict(a1="france", a2="jnim")),
    # --- a side after a word opening another clause is that clause's, not the trigger's object
    ("On 9 May 2019, two soldiers killed when gunmen attacked a convoy near Boni.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army")),
    # --- an auxiliary before a verb in -ing is progressive, not passive
    ("On 9 May 2019, the army has been raiding Fulani camps near Boni.", dict(a1="army")),
    ("On 9 May 2019, soldiers were attacking JNIM positions near Boni.", dict(a1="army", a2="jnim")),
    # --- a side after a preposition of the target is no agent of "by", and is acted upon
    ("On 9 May 2019, airstrikes by helicopters against JNIM positions near Boni killed ten militants.",
     dict(a2="jnim")),
    # --- an armed side a later clause tells as hurt is the one acted upon
    ("On 9 May 2019, JNIM militants raided a camp near Boni, three MNLA fighters were killed in the attack.",
     dict(code="BAT/Armed clash", a1="jnim", a2="mnla")),
    ("On 9 May 2019, JNIM militants raided a camp near Boni, the MNLA said.",
     dict(a1="jnim", a2="civilians")),
    # (a side named by a common noun, but more than the implied attackers, is blamed too)
    ("On 9 May 2019, an IED exploded near an army post in Boni, the device was likely planted by jihadists.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="islamists", a2="army")),
    ("On 9 May 2019, an IED exploded near an army post in Boni, the device was likely planted by gunmen.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="gunmen", a2="army")),
    # --- named groups of one kind given as alternatives are one side: the first named is coded;
    # groups of different kinds may well both have acted
    ("On 9 May 2019, suspected JNIM or ISGS militants attacked soldiers near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", ids={"jnim", "army"})),
    ("On 9 May 2019, JNIM militants and/or Fulani militiamen attacked villagers near Boni.",
     dict(code="VAC/Attack", a1="jnim", assoc1={"fulani-militia"})),
    # --- persons named only as persons who commit violence are unidentified attackers, unless a crowd
    ("On 9 May 2019, two individuals shot a villager in Boni.", dict(code="VAC/Attack", a1="gunmen", a2="civilians")),
    ("On 9 May 2019, a number of individuals beat a villager in Boni.", dict(a1="civilians")),
    # --- gunfire exchanged, warning shots fired at a side
    ("On 9 May 2019, gunfire was exchanged between soldiers and JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="army", a2="jnim")),
    ("On 9 May 2019, soldiers fired warning shots at JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="army", a2="jnim")),
    ("On 9 May 2019, villagers were subjected to violence by soldiers in Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians")),
    # --- people "of" or "from" a group are associated with it
    ("On 9 May 2019, soldiers killed nine civilians from the Fulani community near Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians", assoc2={"fulani"})),
    ("On 9 May 2019, gunmen killed two villagers belonging to the Dogon community near Boni.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians", assoc2={"dogon"})),
    # --- a peaceful protest has no side acted upon: what it is against or for is no actor
    ("On 9 May 2019, residents of Boni protested against the presence of MINUSMA.",
     dict(code="PRO/Peaceful protest", a1="protesters", a2=None, ids={"protesters"})),
    ("On 9 May 2019, protesters marched in Konna in support of the army.",
     dict(code="PRO/Peaceful protest", a1="protesters", a2=None, ids={"protesters"})),
    ("On 9 May 2019, people in Boni staged pro-army demonstrations.",
     dict(code="PRO/Peaceful protest", a1="protesters", ids={"protesters"})),
    # (a group named as if acted upon, with no such word before it, marched with the crowd)
    ("On 9 May 2019, teachers were out in the streets of Boni to protest the arrest of their leader.",
     dict(code="PRO/Peaceful protest", a1="protesters", a2=None, assoc1={"teachers"})),
    ("On 9 May 2019, a crowd protested in Boni and soldiers fired tear gas on the protesters.",
     dict(code="PRO/Protest with intervention", a1="protesters", a2="army")),
    # --- the side a crowd's act is done to is acted upon
    ("On 9 May 2019, a number of demonstrators, primarily male youths, attacked the MINUSMA base in Boni.",
     dict(code="RIO/Violent demonstration", a1="rioters", a2="minusma")),
    # --- an outcome verb followed by a preposition is a reduced passive even when a side is named
    # later; the side the victims fought acted; a count after "around" is still an object
    ("On 9 May 2019, eight militants killed in clashes with French troops near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="gunmen", fat=8)),
    ("On 9 May 2019, French troops killed around thirty JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim")),
    # --- an instrument given as the means of the subject's act
    ("On 9 May 2019, JNIM militants damaged an army vehicle by IED detonation near Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", a2="army")),
    # --- victims of a fight with a named side: that side acted
    ("On 9 May 2019, eight militants were killed near Boni in clashes with French troops.",
     dict(code="BAT/Armed clash", a1="france", a2="gunmen", fat=8)),
    # --- "neutralised" militants were killed; "engaged in a fight" is a light verb's act
    ("On 9 May 2019, French troops neutralised three JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim", fat=3)),
    ("On 9 May 2019, French forces engaged in a fight against JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim")),
    # --- "fighters from X" are X's; "attacked and burned the tomb" is active
    ("On 9 May 2019, fighters from the MNLA attacked and burned the market of Boni.",
     dict(code="SD/Looting/property destruction", a1="mnla", a2="civilians")),
    # --- a side fighting back in the next sentence makes the attack a battle with it
    ("On 9 May 2019, JNIM militants attacked the village of Boni. Dozo militiamen repelled the attack.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dozo", events=1)),
    ("On 9 May 2019, JNIM militants attacked the village of Boni. Dozo militiamen repulsed the assault.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dozo", events=1)),
    ("On 9 May 2019, JNIM militants attacked the village of Boni. Dozo militiamen arrived later.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    # every side named together as fighting back is on the side attacked
    ("On 9 May 2019, JNIM militants attacked the village of Boni. Dozo militiamen and Malian soldiers repelled the attack.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", assoc2={"dozo"}, events=1)),
    # a side that comes to the aid of the side attacked joins it in the battle
    ("On 9 May 2019, JNIM militants ambushed Malian soldiers near Boni. French forces intervened and routed the assailants.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", assoc2={"france"}, events=1)),
    # stopping the violence as those "who intervened" is no fighting back; nor is a response told at another time
    ("On 9 May 2019, JNIM militants attacked the village of Boni. The violence was stopped by Malian soldiers who intervened.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    # (the town was taken from the state, as no other side is named)
    ("In May 2019, JNIM militants took control of Boni. French forces intervened in June 2019.",
     dict(code="BAT/Non-state actor overtakes territory", a1="jnim", a2="army")),
    # the self-defense of a village of an identity group is that group's militia; the toll after is the battle's
    ("On 9 May 2019, JNIM militants attacked the Dogon village of Boni. Village self-defense responded to the attack. "
     "One Dogon man was killed.", dict(code="BAT/Armed clash", a1="jnim", a2="dogon-militia", fat=1, events=1)),
    ("On 9 May 2019, JNIM militants attacked the Dogon village of Boni. Village self-defense responded to the attack. "
     "One Dogon man was killed and livestock seized by the assailants.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dogon-militia", fat=1, events=1)),
    ("On 9 May 2019, JNIM militants attacked the Dogon village of Boni. Village self-defense responded to the attack. "
     "One Dogon man was injured and the assailants seized livestock.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dogon-militia", events=1)),
    # --- one side fighting itself is on both sides: a people as a communal militia, with them associated
    ("On 9 May 2019, two groups of herders clashed near Boni.",
     dict(code="BAT/Armed clash", a1="village-militia", a2="village-militia", assoc1={"herders"}, assoc2={"herders"})),
    ("On 9 May 2019, militiamen from two rival factions of the MNLA clashed near Kidal.",
     dict(code="BAT/Armed clash", a1="mnla", a2="mnla")),
    ("On 9 May 2019, clashes between northern and southern herders left three dead near Gao.",
     dict(code="BAT/Armed clash", a1="village-militia", a2="village-militia")),
    ("On 9 May 2019, two Malian soldiers opened fire against each other in Gao.",
     dict(code="BAT/Armed clash", a1="army", a2="army")),
    # an occupation's militia is the one its people form when they fight one another, not others
    ("On 9 May 2019, students from rival camps clashed in Bamako.",
     dict(code="BAT/Armed clash", a1="student-militia", a2="student-militia")),
    ("On 9 May 2019, JNIM militants clashed with students in Bamako.",
     dict(code="BAT/Armed clash", a1="jnim", a2="students")),
    # an act only one side does, or another side named, is no fight within one
    ("On 9 May 2019, two groups of gunmen attacked the village of Boni, killing five villagers.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians")),
    ("On 9 May 2019, two groups of herders clashed with Dozo militiamen near Boni.",
     dict(code="BAT/Armed clash", a2="dozo")),
    # --- a crowd is never the side its own act is done to: a crowd's noun is the crowd, a named
    # movement of protesters marches with it
    ("On 9 May 2019, hundreds of teachers staged a demonstration in Gao against a pay cut imposed on protesters. "
     "The demonstrators assaulted the director.", dict(code="RIO/Violent demonstration", a1="rioters", a2=None, assoc1={"teachers"})),
    ("On 9 May 2019, demonstrators in support of the Union of Democrats barricaded roads in Gao.",
     dict(code="RIO/Violent demonstration", a1="rioters", a2=None, assoc1={"union-of-democrats"})),
    # --- any armed side's people named as its civilians are civilians, their side associated
    ("On 9 May 2019, soldiers executed two civilian MNLA members near Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians", assoc2={"mnla"})),
    # --- a parent named beside its brigade acts, the brigade associated
    ("On 9 May 2019, Katiba Macina (JNIM) militants attacked soldiers near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", assoc1={"katiba-macina"}, a2="army")),
    # --- a news dateline tells where the story was filed, not where its act happened; its
    # sentence is read
    ("GAO (AFP) - Gunmen attacked soldiers in Mali on 9 May 2019.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army", place="mali", events=1)),
    ("BAMAKO — Gunmen attacked soldiers near Boni on 9 May 2019.", dict(place="boni", events=1)),
    # --- a claim denied blames nobody, whoever the sentence names next
    ("On 9 May 2019, gunmen opened fire on peacekeepers near Boni. No group has claimed responsibility "
     "and ECOWAS is conducting an investigation.", dict(a1="gunmen", a2="minusma", events=1)),
    ("On 9 May 2019, gunmen opened fire on peacekeepers near Boni. JNIM claimed responsibility.",
     dict(a1="jnim", a2="minusma")),
    # --- violence told in one sentence codes the event over a strategic development told in the next
    ("On 9 May 2019, Dozo militiamen killed one civilian and abducted twenty villagers near Boni. "
     "Nine men were kept detained.", dict(code="VAC/Attack", a1="dozo", a2="civilians", events=1)),
    # --- a crowd's blockade is a violent demonstration; a bloc's is a strategic development
    ("On 9 May 2019, residents imposed a two-day blockade on Gao.", dict(code="RIO/Violent demonstration", a1="rioters")),
    ("On 9 May 2019, ECOWAS imposed a blockade on Mali.", dict(code="SD/Other", a1="ecowas")),
    # --- villagers of an identity group who fight are its militia
    ("On 9 May 2019, JNIM militants exchanged gunfire with Dogon villagers near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dogon-militia")),
    # --- a generic noun that described a named side, in the same sentence or in brackets, in
    # either number, is that side; a noun that described two sides names neither
    ("On 9 May 2019, Katiba Macina (JNIM) militants attacked the camp of Boni, the army repulsed the attack "
     "and killed one militant.", dict(code="BAT/Armed clash", a1="jnim", a2="army", ids={"jnim", "katiba-macina", "army"})),
    ("On 9 May 2019, JNIM militants clashed with ISGS militants near Boni. Ten militants were killed.",
     dict(code="BAT/Armed clash", a1="jnim", a2="isgs", ids={"jnim", "isgs"})),
    # (the noun after a brigade and its parent in brackets, named again, names the brigade and its parent)
    ("On 9 May 2019, the army raided a base near Boni. Katiba Macina (JNIM) militants fled and two militants "
     "were killed by soldiers.", dict(a2="jnim", assoc2={"katiba-macina"})),
    # --- a generic side named by the noun a named side of the same side was described with repeats it
    ("On 9 May 2019, Fulani militiamen ambushed Dozo militiamen near Boni. Twelve militiamen were killed.",
     dict(code="BAT/Armed clash", a1="fulani-militia", a2="dozo", ids={"fulani-militia", "dozo"})),
    # --- civilians harmed beside a named force are recorded with it; persons only counted are not
    ("On 9 May 2019, JNIM militants shelled the MINUSMA camp in Kidal. Two civilians were wounded.",
     dict(a1="jnim", a2="minusma", ids={"jnim", "minusma", "civilians"})),
    ("On 9 May 2019, JNIM militants shelled the MINUSMA camp in Kidal. Two people were wounded.",
     dict(a1="jnim", a2="minusma", ids={"jnim", "minusma"})),
    # --- the victims of an outcome joined by "and" to another are acted upon too, armed ones
    # first; generic armed victims may be the attackers' own
    ("On 9 May 2019, a landmine exploded near Boni, killing three civilians and wounding two peacekeepers.",
     dict(a2="minusma", ids={"gunmen", "minusma", "civilians"})),
    ("On 9 May 2019, three civilians were killed and two peacekeepers wounded when a landmine exploded near Boni.",
     dict(a2="minusma", ids={"gunmen", "minusma", "civilians"})),
    # (in a battle, civilians harmed are counted in its toll, not named as a side)
    ("On 9 May 2019, gunmen attacked a bus near Boni, killing two soldiers and wounding three civilians.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army", ids={"gunmen", "army"})),
    ("On 9 May 2019, French forces conducted an airstrike in the area of Boni, and killed an unspecified number of "
     "suspected JNIM militants.", dict(a1="france", a2="jnim")),
    ("On 9 May 2019, the army clashed with JNIM near Boni, killing five soldiers and wounding two militants.",
     dict(a1="army", a2="jnim", ids={"army", "jnim"})),
    # --- a group blamed in a later clause brings the group named with it
    ("A MINUSMA vehicle was struck by an IED near Kidal, presumably planted by Ansar Dine and AQIM militants.",
     dict(a1="ansar-dine", assoc1={"aqim"}, a2="minusma")),
    # --- the side acted upon that acts in a second telling stays acted upon
    ("On 9 May 2019, residents stormed the MINUSMA camp in Kidal. MINUSMA responded with live fire, wounding two.",
     dict(a1="rioters", a2="minusma")),
    # --- an attack suffered: "came under attack", "came under fire"
    ("On 9 May 2019, a MINUSMA patrol came under fire near Kidal.", dict(code="BAT/Armed clash", a1="gunmen", a2="minusma")),
    ("On 9 May 2019, soldiers came under attack near Kidal.", dict(code="BAT/Armed clash", a1="gunmen", a2="army")),
    # --- the side a later clash of the sentence is fought with; people who fight are a communal
    # militia, which ACLED names after its village
    ("On 9 May 2019, gunmen attacked the village of Boni, and clashed with the village self-defense.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="village-militia", label2="Boni Communal Militia (Mali)")),
    ("On 9 May 2019, JNIM militants clashed with armed villagers in Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="village-militia")),
    ("On 9 May 2019, JNIM militants clashed with the village self-defense in the Kidal region.",
     dict(code="BAT/Armed clash", a1="jnim", a2="village-militia", label2="Unidentified Communal Militia (Mali)")),
    # people said to bear arms are a communal militia, not a crowd, named after the village they come from
    ("On 9 May 2019, armed villagers from Sango attacked the village of Boni.",
     dict(code="VAC/Attack", a1="village-militia", a2="civilians", label1="Sango Communal Militia (Mali)")),
    ("On 9 May 2019, villagers armed with rifles attacked a patrol near Gao.",
     dict(code="BAT/Armed clash", a1="village-militia")),
    ("On 9 May 2019, villagers attacked the police station in Boni.",
     dict(code="RIO/Mob violence", a1="rioters", a2="police")),
    # --- a response in the same sentence, or told in the passive; not after victims were told
    ("On 9 May 2019, gunmen attacked the village of Boni and were fought off by residents. One attacker was killed.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="village-militia", ids={"gunmen", "village-militia"})),
    ("On 9 May 2019, JNIM militants attacked the village of Boni, Dozos intervened and routed the attackers.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dozo")),
    ("On 9 May 2019, JNIM militants attacked the village of Boni and killed three villagers, Dozos intervened "
     "and routed the attackers.", dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    # --- a people named alone as the side that attacks or fights is its militia; its victims stay civilians
    ("On 9 May 2019, six people were killed by Fulani near Boni.",
     dict(code="VAC/Attack", a1="fulani-militia", a2="civilians", fat=6)),
    ("On 9 May 2019, Dogon and Fulani clashed near Boni.",
     dict(code="BAT/Armed clash", a1="dogon-militia", a2="fulani-militia")),
    ("On 9 May 2019, soldiers killed six Fulani near Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians", assoc2={"fulani"})),
    # --- a generic word before another is its adjective; a suspicion in brackets names the attackers
    ("On 9 May 2019, militant Islamists whipped three villagers in Boni.",
     dict(code="VAC/Attack", a1="islamists", a2="civilians")),
    # (a church is no one's: no civilians are implied as the side acted upon)
    ("On 9 May 2019, a church was burned by unknown gunmen (presumably 'jihadists') in Boni.",
     dict(code="SD/Looting/property destruction", a1="islamists", a2=None)),
    ("On 9 May 2019, soldiers clashed with gunmen (believed to be JNIM militants) near Boni.",
     dict(code="BAT/Armed clash", a1="army", a2="jnim")),
    ("On 9 May 2019, three villagers were killed by gunmen (MNLA) near Boni.", dict(a1="mnla", a2="civilians")),
    # (so does the group they are said to be, out of brackets)
    ("On 9 May 2019, five villagers were abducted near Boni by gunmen believed to be affiliated with AQIM.",
     dict(code="VAC/Abduction/forced disappearance", a1="aqim", a2="civilians", ids={"aqim", "civilians"})),
    ("On 9 May 2019, five villagers were abducted near Boni by gunmen, who were thought to be members of the MNLA.",
     dict(a1="mnla", a2="civilians", ids={"mnla", "civilians"})),
    # --- a humanitarian organisation acted upon: civilians, with it associated (ACLED)
    ("On 9 May 2019, gunmen seized an ICRC vehicle near Boni.",
     dict(code="SD/Looting/property destruction", a1="gunmen", a2="civilians", assoc2={"icrc"})),
    ("On 9 May 2019, Dozo militiamen forcefully disappeared three Fulani near Boni.",
     dict(code="VAC/Abduction/forced disappearance", a1="dozo", a2="civilians")),
    ("On 9 May 2019, gunmen fired gunshots against a bus near Boni.", dict(code="VAC/Attack", a1="gunmen")),
    # --- "a soldier and a civilian": an article opens the next member of the victims
    ("On 9 May 2019, a soldier and a civilian were killed in a JNIM ambush near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army")),
    # --- a headline's reduced passive with a time after it
    ("Army convoy ambushed this afternoon near Boni: three dead.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army")),
    # --- the noun a named side was described with, used again, is that side
    ("On 9 May 2019, soldiers searched for MNLA gunmen in Boni. Three gunmen were killed.",
     dict(code="BAT/Armed clash", a2="mnla", fat=3)),
    # --- "X engaged Y in combat": Y is engaged
    ("On 9 May 2019, French forces engaged JNIM militants in combat near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim")),
    # --- the side whose operation opens the sentence acted in the toll a clause later
    ("On 9 May 2019, French forces carried out an operation near Boni, 15 JNIM militants killed.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim", fat=15)),
    # --- a riot's crowd is rioters, whatever word the telling used
    ("On 9 May 2019, protesters marched in Boni. Later the protesters threw stones at soldiers.",
     dict(code="RIO/Violent demonstration", a1="rioters", events=1)),
    # --- at a demonstration, the security forces that handle the crowd are police
    ("On 9 May 2019, residents demonstrated in Boni and security forces arrested ten of the demonstrators.",
     dict(code="PRO/Protest with intervention", a1="protesters", a2="police")),
    # --- acts the lexicon names: a stoning, sit-ins, gunfire heard, a town taken without a fight
    ("On 9 May 2019, a couple was stoned to death in Boni.", dict(code="VAC/Attack", a2="civilians")),
    ("On 9 May 2019, teachers resumed their sit-ins in Boni.", dict(code="PRO/Peaceful protest", a1="protesters")),
    ("On 9 May 2019, heavy gunfire was reported in Boni.", dict(code="BAT/Armed clash")),
    ("On 9 May 2019, the MNLA claimed control over Boni without a fight.",
     dict(code="SD/Non-violent transfer of territory", a1="mnla")),
    ("On 9 May 2019, the MNLA took control of Boni after heavy fighting.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mnla")),
    # --- the sides the victims included are the acted-upon side, armed ones first
    ("On 9 May 2019, three people were killed, including two soldiers and a civilian, by an IED near Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="army", assoc2={"civilians"})),
    # --- "Dogon and Fulani militiamen": both militias
    ("On 9 May 2019, Dogon and Fulani militiamen clashed near Boni.", dict(code="BAT/Armed clash", a1="dogon-militia")),
    # --- an act told in the active with a pronoun subject codes the event; the taking after it does not
    ("On 9 May 2019, Dozo militiamen attacked the village of Boni. They killed fourteen villagers from the Fulani "
     "community, wounded at least two others, and seized livestock.", dict(code="VAC/Attack", a1="dozo", events=1, fat=14)),
    # --- active verbs joined by commas and "and", the last with its object, are no reduced passive
    ("On 9 May 2019, Dozo militiamen abducted, beat, and executed two herders near Boni.",
     dict(code="VAC/Attack", a1="dozo", a2="civilians")),
    ("On 9 May 2019, Dozo militiamen abducted, tortured, and executed two herders near Boni.",
     dict(code="VAC/Attack", a1="dozo", a2="civilians")),
    # --- an outcome that says who a side's people are ("widows of soldiers killed in an attack") is
    # not what the sentence tells
    ("On 9 May 2019, widows of soldiers killed and wounded near Boni staged a sit-in and burned tires in Gao.",
     dict(code="RIO/Violent demonstration", a1="rioters")),
    # --- a mob that turns on suspected criminals acts as vigilantes, with the rioters
    ("On 9 May 2019, residents lynched a suspected thief in Gao.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"vigilantes"})),
    # … and so does one that turns on armed men
    ("On 9 May 2019, a mob fought with gunmen in Boni.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"vigilantes"}, a2="gunmen")),
    ("On 9 May 2019, residents assaulted a gunman in Boni before handing him over to the police.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"vigilantes"}, a2="gunmen")),
    # --- people of an occupation who fight the state's forces are a crowd; against an armed
    # group they are a fighting side
    ("On 9 May 2019, teachers clashed with the police in Bamako.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"teachers"}, a2="police")),
    ("On 9 May 2019, herders clashed with JNIM militants near Boni.", dict(code="BAT/Armed clash", a2="jnim")),
    # (whichever side the police are told as: the people they clash with riot, and are the rioters)
    ("On 9 May 2019, police clashed with students in Bamako.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"students"}, a2="police")),
    # (a place may describe the second side of a between-phrase)
    ("On 9 May 2019, clashes between police and Boni residents left two wounded.",
     dict(code="RIO/Mob violence", a1="rioters", a2="police")),
    ("On 9 May 2019, clashes between JNIM and Boni residents left two dead.", dict(code="BAT/Armed clash", a1="jnim")),
    # (people protesting who fight riot, whoever they fight; soldiers are not the police)
    ("On 9 May 2019, Islamists clashed with protesting residents in Boni.",
     dict(code="RIO/Violent demonstration", a1="rioters")),
    ("On 9 May 2019, soldiers clashed with villagers near Boni.", dict(code="BAT/Armed clash", a1="army")),
    # (the side the between-phrase names second stays the second, whoever the sentence named first)
    ("On 9 May 2019, a fine imposed by the police triggered clashes between teachers and police in Bamako.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"teachers"}, a2="police")),
    # --- bodies discovered, or a mass grave, tell killings
    ("On 9 May 2019, the bodies of five men were discovered in a mass grave near Boni.",
     dict(code="VAC/Attack", a2="civilians", place="boni")),
    ("On 9 May 2019, two communal graves were uncovered near Boni.", dict(code="VAC/Attack", place="boni")),
    # --- a force that acts in a clause of time after a passive toll did it; not one a place's
    # description names
    ("On 9 May 2019, ten jihadists were killed near Boni when French forces intercepted two vehicles.",
     dict(a1="france")),
    ("On 9 May 2019, two civilians were killed near Boni, where Barkhane patrols.", dict(a1="gunmen")),
    # --- a generic side an apposition says is of a group is that group
    ("On 9 May 2019, a gunman, a member of the MNLA, killed two civilians in Gao.", dict(a1="mnla", a2="civilians")),
    ("Agreement: On 9 May 2019, an Islamist militant, Abou Dardar, currently part of MUJAO, surrendered to French forces.",
     dict(a1="mojwa", a2="france")),
    # --- the group the unidentified attackers were later found to be did the act; a force that
    # only confirms the toll did not
    ("On 9 May 2019, gunmen kidnapped a trader in Boni. The group was later confirmed to be the MNLA.",
     dict(a1="mnla", a2="civilians")),
    ("On 9 May 2019, gunmen killed two soldiers near Boni. The army confirmed the death of the soldiers.",
     dict(a1="gunmen", a2="army")),
    # --- unidentified attackers of a generic side named after them are that side
    ("On 9 May 2019, gunmen from the jihadists controlling Boni whipped two villagers.",
     dict(code="VAC/Attack", a1="islamists", a2="civilians")),
    # --- a limb cut off, however the sentence words it; a road cut off is no attack
    ("On 9 May 2019, Islamists cut off a thieves hand in Boni.", dict(code="VAC/Attack", a1="islamists", a2="civilians")),
    ("On 9 May 2019, Islamists cut off the road to Boni.", dict(events=0)),
    # --- leading a campaign is no act of it; a fight told is
    ("On 9 May 2019, Barkhane continued to lead the fight against JNIM in Mali.", dict(events=0)),
    ("On 9 May 2019, the fight between JNIM and ISGS left ten dead near Boni.", dict(code="BAT/Armed clash", a1="jnim")),
    # --- soldiers named by the noun alone after a foreign force are its own
    ("On 9 May 2019, Barkhane announced a full troop withdrawal from Boni.", dict(a1="france", ids={"france"})),
    # (a government named between is no force of its own)
    ("On 9 May 2019, Barkhane came at the request of the Malian government, and its troops attacked JNIM near Boni.",
     dict(a1="france", a2="jnim")),
    # (nor is a force's bare noun used as a modifier: "the army operation")
    ("On 9 May 2019, Barkhane announced that the army operation near Boni would end, with troops withdrawn.",
     dict(a1="france", ids={"france"})),
    # (over the sentences of a paragraph, not across a paragraph break)
    ("On 9 May 2019, Barkhane held a press briefing in Boni. It said that soldiers killed three JNIM militants.",
     dict(a1="france", a2="jnim")),
    ("On 9 May 2019, Barkhane held a press briefing in Boni.\n\nOn 10 May 2019, soldiers killed three JNIM militants in Boni.",
     dict(a1="army", a2="jnim")),
    # (not after a national force named between)
    ("On 9 May 2019, Barkhane supported the Malian army near Boni, where two soldiers were killed.",
     dict(ids={"france", "army"})),
    # --- a crowd that hurt the force handling it, no one else said to have, rioted
    ("On 9 May 2019, protesters marched in Gao against insecurity. Two policemen were wounded.",
     dict(code="RIO/Violent demonstration", a1="rioters", a2="police", events=1)),
    ("On 9 May 2019, protesters marched in Gao against insecurity. Two policemen were wounded by gunmen.",
     dict(a1="protesters")),
    # … not one that was only handled: no one was hurt
    ("On 9 May 2019, protesters marched in Gao against insecurity. The police dispersed the protesters with tear gas.",
     dict(code="PRO/Protest with intervention", a1="protesters", a2="police", events=1)),
    # what a protest broken up was against is no side of it; the force that broke it up is
    ("On 9 May 2019, protesters marched in Gao against the junta. The police dispersed the protesters with tear gas.",
     dict(code="PRO/Protest with intervention", a1="protesters", a2="police", ids={"protesters", "police"}, events=1)),
    # a protest that turned violent, told over two sentences, is one violent demonstration, though
    # the force that handled the crowd is named only in the second
    ("On 9 May 2019, teachers staged a demonstration in Gao. The police intervened with tear gas, "
     "and demonstrators responded by throwing stones.",
     dict(code="RIO/Violent demonstration", a1="rioters", a2="police", events=1)),
    # --- an act in a clause opened by "as", "while" or "when" and closed by a comma is background
    ("On 9 May 2019, as the army withdrew from Boni, JNIM militants attacked the village.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    ("As MINUSMA withdrew from Boni in May 2019, JNIM militants attacked the village.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    # (not "as many as")
    ("On 9 May 2019, as many as 20 soldiers were killed near Boni, according to the army.",
     dict(code="BAT/Armed clash", a2="army", fat=20)),
    # --- the perpetrators named in the sentence after, with the side named beside them
    ("On 9 May 2019, five herders were killed near Boni. The perpetrators are alleged to be MNLA and GATIA fighters.",
     dict(code="VAC/Attack", a1="mnla", assoc1={"gatia"}, events=1)),
    # --- a claim of the act as one already told completes it over a sentence between
    ("On 9 May 2019, gunmen ambushed soldiers near Boni, killing two. Injuries were also reported. "
     "A member of JNIM claimed responsibility for the attack.", dict(code="BAT/Armed clash", a1="jnim", a2="army", events=1)),
    # --- an "improvised device" is an IED
    ("On 9 May 2019, a Malian army convoy struck an improvised device near Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="army")),
    # --- burning people alive kills them
    ("On 9 May 2019, soldiers arrested three herders and burned them alive near Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians")),
    # (words describing the pair may open the between-phrase)
    ("On 9 May 2019, fighting between the rival jihadist groups JNIM and ISGS left ten dead near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="isgs")),
    ("On 9 May 2019, residents burned the house of a village chief in Gao.", dict(a1="rioters", ids={"rioters"})),
    # --- a party or movement that stages a protest is associated with the protesters
    ("On 9 May 2019, UDM members staged a demonstration in Bamako.", dict(code="PRO/Peaceful protest", a1="protesters", assoc1={"union-of-democrats"})),
    # (an armed group's members who march are with the crowd: "of" after "members" is no cause)
    ("On 9 May 2019, members of the MNLA staged a demonstration in Boni.",
     dict(code="PRO/Peaceful protest", a1="protesters", assoc1={"mnla"})),
    ("On 9 May 2019, residents staged a demonstration in Boni in support of the MNLA.",
     dict(code="PRO/Peaceful protest", a1="protesters", ids={"protesters"})),
    # (a state named after the act, as whom the crowd bargained with, did not march with it)
    ("On 9 May 2019, teachers staged a demonstration in Boni after failed negotiations with the Malian government.",
     dict(code="PRO/Peaceful protest", a1="protesters", ids={"protesters", "teachers"})),
    # --- people who rally to a group join it; a rally to call for something is a protest
    ("On 9 May 2019, residents of Boni rallied to the MNLA.", dict(events=0)),
    ("On 9 May 2019, residents of Boni rallied to call for the release of detainees.", dict(code="PRO/Peaceful protest", a1="protesters")),
    # --- creating or forming something other than a group is no change to a group
    ("On 9 May 2019, JNIM militants created a checkpoint near Boni and extorted drivers.",
     dict(code="SD/Looting/property destruction", a1="jnim")),
    ("On 9 May 2019, Tuareg leaders formed a new group near Boni.", dict(code="SD/Change to group/activity")),
    # --- a name restated in brackets is one side, not two
    ("On 9 May 2019, MOJWA [MUJAO] and soldiers clashed near Boni.", dict(code="BAT/Armed clash", a1="mojwa", a2="army")),
    # --- a device found or disposed of, no one hurt, is a disrupted use of it, with no attackers implied
    ("On 9 May 2019, an anti-tank mine was disposed of near Boni.", dict(code="SD/Disrupted weapons use", ids=set())),
    ("On 9 May 2019, soldiers discovered explosives near Boni.", dict(code="SD/Disrupted weapons use", a1="army")),
    ("On 9 May 2019, an IED was discovered near Boni and exploded, killing two soldiers.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="army")),
    # --- the group a change to a group names as the one formed acts; who formed it is associated
    ("On 9 May 2019, MNLA leaders announced the founding of the CMA in Kidal.",
     dict(code="SD/Change to group/activity", a1="cma", assoc1={"mnla"})),
    ("On 9 May 2019, a faction of the MNLA formed a new coalition called the CMA in Kidal.",
     dict(code="SD/Change to group/activity", a1="cma", assoc1={"mnla"})),
    # (the subject of the forming verb in the passive is the group formed)
    ("On 9 May 2019, the CMA was formed in Kidal by MNLA leaders.",
     dict(code="SD/Change to group/activity", a1="cma", assoc1={"mnla"})),
    # (not the group split from)
    ("On 9 May 2019, the MNLA split from the CMA in Kidal.",
     dict(code="SD/Change to group/activity", a1="mnla", a2="cma")),
    # --- a side named as the acting side's partner later in the clause acts with it
    ("On 9 May 2019, French forces conducted an operation in coordination with Malian soldiers that led to the killing of a JNIM commander near Boni.",
     dict(code="BAT/Armed clash", a1="france", assoc1={"army"}, a2="jnim")),
    ("On 9 May 2019, JNIM militants attacked Boni together with ISGS militants.",
     dict(code="VAC/Attack", a1="jnim", assoc1={"isgs"}, a2="civilians")),
    # (also when it follows the object)
    ("On 9 May 2019, French forces killed a JNIM commander in an operation in coordination with Malian soldiers near Boni.",
     dict(code="BAT/Armed clash", a1="france", assoc1={"army"}, a2="jnim")),
    # (who answered the crowd with a decision is not one of the crowd)
    ("On 9 May 2019, residents staged a demonstration in Boni. The prefect agreed to the demands.",
     dict(code="PRO/Peaceful protest", a1="protesters", ids={"protesters"})),
    # --- a place retaken without resistance changed hands without violence
    ("On 9 May 2019, French troops regained control of Boni without resistance.",
     dict(code="SD/Non-violent transfer of territory", a1="france")),
    ("On 9 May 2019, Malian soldiers regained control of Boni.", dict(code="BAT/Government regains territory", a1="army")),
    # a foreign state's military is a state force too
    ("On 9 May 2019, French troops regained control of Boni.", dict(code="BAT/Government regains territory", a1="france")),
    # --- a trigger in a phrase the sentence opens with is its setting, not its act
    ("On a third day of fighting, GATIA took over the town of Boni on 9 May 2019.",
     dict(code="BAT/Non-state actor overtakes territory", a1="gatia")),
    ("On 9 May 2019, an IED struck a cart near Boni, killing two civilians.", dict(code="ERV/Remote explosive/landmine/IED")),
    # --- "by X" after what was acted on and a participle belongs to the participle: the escort is
    # attacked with what it escorts
    ("On 9 May 2019, JNIM militants attacked pirogues escorted by the army near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army")),
    ("On 9 May 2019, Fulani militiamen attacked villagers escorted by Dogon militiamen near Boni.",
     dict(code="BAT/Armed clash", a1="fulani-militia", a2="dogon-militia", ids={"fulani-militia", "dogon-militia"})),
    ("On 9 May 2019, JNIM militants attacked villagers aboard carts escorted by Dogon militiamen near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dogon-militia", ids={"jnim", "dogon-militia"})),
    ("On 9 May 2019, two herders were detained and executed by soldiers near Boni.", dict(a1="army", a2="civilians")),
    # --- the one side a between-phrase names is kept
    ("On 9 May 2019, clashes were reported between unnamed forces (local, regional and foreign) and JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a2="jnim")),
    # --- abductees physically harmed: the attack is coded
    ("On 9 May 2019, gunmen abducted and beat a trader near Boni.", dict(code="VAC/Attack", a1="gunmen")),
    ("On 9 May 2019, gunmen abducted a trader near Boni.", dict(code="VAC/Abduction/forced disappearance", a1="gunmen")),
    # --- a new paragraph telling an act of another kind tells its own story
    ("On 9 May 2019, JNIM militants killed two herders near Boni.\n\nAn airstrike then hit the JNIM militants near Boni.",
     dict(code="VAC/Attack", a1="jnim", events=2)),
    # --- a side the toll's own sentence names, generic or not, is not replaced by the sentence before's
    # … or the side its own sentence opens with, a clause before, its head noun read with it
    ("On 9 May 2019, JNIM militants searched the houses of villagers near Boni, two villagers were beaten.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    # … or the one armed group a later clause of its own sentence names as doing something
    ("On 9 May 2019, two villagers received 40 lashes in Boni after JNIM militants convicted them of theft.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians")),
    ("On 9 May 2019, two villagers received 40 lashes in Boni after Islamists convicted them of theft.", dict(a1="islamists")),
    ("On 9 May 2019, two villagers were wounded by an IED near Boni, the road had been mined by JNIM militants.",
     dict(a1="jnim")),
    # (not a group the clause says holds the place)
    ("On 9 May 2019, two French soldiers were wounded in Boni, a town under the control of the MNLA.",
     dict(a1="gunmen", a2="france")),
    # a violent act told with no side acting borrows the side the sentence before opens with
    ("On 9 May 2019, JNIM militants stopped a bus near Boni. The driver was severely beaten.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", events=1)),
    # (and the soldiers the paragraph's foreign force was named before are its own)
    ("On 9 May 2019, French forces conducted an operation near Boni. Three soldiers were killed by gunmen.",
     dict(a1="gunmen", a2="france")),
    # people named by what was done to them ("hostages") did not do it
    ("Two hostages were killed near Boni.", dict(a1="gunmen", a2="civilians")),
    # the people victims are of name no new side: their toll is the battle's
    ("On 9 May 2019, gunmen clashed with Dogon militiamen near Boni. Three Dogon were wounded.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="dogon-militia", events=1)),
    # the noun that alone names the state's forces names again the foreign force it described
    ("On 9 May 2019, French Barkhane soldiers were ambushed by JNIM near Boni. Two soldiers were killed.",
     dict(a1="jnim", a2="france", ids={"jnim", "france"})),
    # the victims of an outcome clause come with the people they are of
    ("On 9 May 2019, JNIM militants attacked the villages of Boni and Konna, and killed twelve villagers from the Dogon community.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", assoc2={"dogon"})),
    ("On 9 May 2019, JNIM militants attacked the village of Sango near Boni, twelve Dogon villagers were killed.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", assoc2={"dogon"})),
    # --- a verb joined by "and" shares the subject of the verb before it, not that verb's object
    ("On 9 May 2019, gunmen searched the belongings of herders near Boni, and opened fire on the army.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army", ids={"gunmen", "army"})),
    # … also when that verb's object is the one acted upon, named again by a pronoun
    ("On 9 May 2019, JNIM militants removed ten soldiers from a bus and abducted them near Boni.",
     dict(a1="jnim", a2="army")),
    # … but not the subject of a clause a reporting verb opens
    ("On 9 May 2019, the MNLA claimed the army failed to respect the deal and opened fire on protesters near Boni.",
     dict(code="PRO/Excessive force against protesters", a1="protesters", a2="army", ids={"protesters", "army"})),
    # the side before a weapon acts through a verb of use ("dropped bombs on")
    ("On 9 May 2019, French forces dropped bombs on JNIM positions near Boni.",
     dict(code="ERV/Air/drone strike", a1="france", a2="jnim")),
    ("On 9 May 2019, French forces continued air strikes on JNIM positions near Boni.",
     dict(code="ERV/Air/drone strike", a1="france", a2="jnim")),
    ("French forces are conducting air strikes near Boni.", dict(code="ERV/Air/drone strike", a1="france")),
    # a light verb before an outcome noun makes the side before it act ("carried out executions")
    ("Malian troops carried out summary executions in Boni.", dict(code="VAC/Attack", a1="army", a2="civilians")),
    # --- the people an armed side is of say who it is, not whether it is armed
    ("On 9 May 2019, JNIM militants attacked a Dogon Dozo militia camp near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="dozo", ids={"jnim", "dozo"})),
    # … and in a battle no identity group is associated with a side that fights: the militia's
    # own name says who it is
    ("On 9 May 2019, Fulani militiamen attacked the Dogon village of Sango. Dogon militiamen responded to the attack.",
     dict(code="BAT/Armed clash", a1="fulani-militia", a2="dogon-militia", ids={"fulani-militia", "dogon-militia"})),
    # --- a group named with a change-of-group word ("a splinter faction of") tells no change
    ("On 9 May 2019, a splinter faction of AQIM attacked MINUSMA near Boni.", dict(code="BAT/Armed clash", a1="aqim", a2="minusma")),
    # --- the soldiers of a force named just before them are that force's own
    ("On 9 May 2019, JNIM militants ambushed MINUSMA soldiers near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="minusma", ids={"jnim", "minusma"})),
    ("On 9 May 2019, the Malian army soldiers were ambushed by JNIM near Boni.", dict(a1="jnim", a2="army")),
    # --- the side that holds the place acted on is acted upon
    ("On 9 May 2019, MNLA fighters attacked the town of Boni, held by GATIA.", dict(code="BAT/Armed clash", a1="mnla", a2="gatia")),
    ("On 9 May 2019, gunmen attacked a checkpoint manned by the police in Boni.", dict(code="BAT/Armed clash", a1="gunmen", a2="police")),
    # --- an analyst's heading names the event; the sides come from the sentence it heads
    # property no one owns implies no civilians who suffered its destruction; a truck does
    ("On 9 May 2019, JNIM militants destroyed two mausoleums in Timbuktu.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2=None)),
    ("On 9 May 2019, JNIM militants burned a truck near Timbuktu.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2="civilians")),
    # (told in the passive too, by the words before the act in its clause)
    ("On 9 May 2019, the church of Boni was burned by JNIM militants.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2=None)),
    ("On 9 May 2019, a truck was burned by JNIM militants near Timbuktu.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2="civilians")),
    ("On 9 May 2019, JNIM militants burned the tomb of a saint in Timbuktu.",
     dict(code="SD/Looting/property destruction", a1="jnim", a2=None)),
    # what is seized in an attack on a force is no looting
    ("On 9 May 2019, the gendarmerie in Boni was attacked by JNIM, who seized light weapons.",
     dict(code="BAT/Armed clash", a1="jnim", a2="police")),
    ("Weapons seizure: On 9 May 2019, French forces seized weapons from JNIM militants in Boni.",
     dict(code="SD/Disrupted weapons use", a1="france", a2="jnim")),
    ("Movement of forces: On 9 May 2019, JNIM militants entered Boni.", dict(code="SD/Change to group/activity", a1="jnim")),
    # --- the side a bracket says people were assumed to be takes their place
    ("On 9 May 2019, soldiers arrested two individuals (assumed JNIM militants) near Boni.", dict(a1="army", a2="jnim")),
    # --- the side a description identifies takes the place of the generic one it describes
    ("On 9 May 2019, Dozo militiamen killed two individuals, described as local JNIM commanders, near Boni.",
     dict(code="BAT/Armed clash", a1="dozo", a2="jnim")),
    # --- who a victim is, said after "described as", "working as": associated with the victims
    ("On 9 May 2019, gunmen killed two civilians described as teachers in Boni.",
     dict(code="VAC/Attack", a2="civilians", assoc2={"teachers"})),
    ("On 9 May 2019, gunmen killed two civilians described as an ICRC team in Boni.",
     dict(code="VAC/Attack", a2="civilians", assoc2={"icrc"})),
    # --- what the victims are accused of names no side
    # (all the sides joined by "and" in what is suspected, none blamed for the act)
    ("On 9 May 2019, gunmen shot a man in Boni, whom they suspected of collaborating with the MNLA and French forces.",
     dict(a1="gunmen", ids={"gunmen", "civilians"})),
    ("On 9 May 2019, a village chief accused of collaborating with the army was killed by JNIM militants near Boni.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", ids={"jnim", "civilians"})),
    ("On 9 May 2019, four men, accused of being gunmen, were killed by Dozo militiamen near Boni.",
     dict(code="VAC/Attack", a1="dozo", a2="civilians")),
    ("On 9 May 2019, a man accused of theft was flogged by Ansar Dine fighters in Timbuktu.", dict(a1="ansar-dine")),
    ("On 9 May 2019, Fulani suspected of supporting JNIM were beaten by soldiers in Boni.",
     dict(a1="army", a2="civilians", assoc2={"fulani"}, ids={"army", "civilians", "fulani"})),
    # --- the side whose act the sentence opens with, a clause before a toll or clash that names
    # no actor, did it: through a light verb or the verb right after it
    ("On 9 May 2019, the army dismantled a militant base near Boni, ten militants were killed in the clashes.",
     dict(a1="army", code="BAT/Armed clash")),
    ("On 9 May 2019, the army reportedly dismantled a militant base near Boni, ten militants were killed in the clashes.",
     dict(a1="army", code="BAT/Armed clash")),
    ("On 9 May 2019, the army supported by French forces carried out an operation near Boni, ten militants were killed.",
     dict(a1="army", assoc1={"france"})),
    # --- a head noun that names no side alone ("forces", "elements") is read with the name before it
    ("On 9 May 2019, GATIA and MNLA forces supported by French forces attacked JNIM militants near Boni.",
     dict(a1="gatia", assoc1={"mnla", "france"}, a2="jnim")),
    ("On 9 May 2019, GATIA elements and French forces clashed with JNIM militants near Boni.",
     dict(a1="gatia", assoc1={"france"}, a2="jnim")),
    # --- "both" may open the partners, and a possessive's head noun joins the next name
    ("On 9 May 2019, Dozo militiamen fought alongside both the army and GATIA against JNIM near Boni.",
     dict(a1="dozo", assoc1={"army", "gatia"})),
    ("On 9 May 2019, JNIM clashed with the army's forces and GATIA near Boni.",
     dict(a1="jnim", a2="army", assoc2={"gatia"})),
    # --- the side a verb of support governs leads the act it is supported in
    ("On 9 May 2019, GATIA forces supported the army in an offensive against JNIM near Boni.",
     dict(a1="army", assoc1={"gatia"}, a2="jnim")),
    ("In May 2019, Wagner mercenaries were deployed to Mopti and began supporting the army in fighting JNIM.",
     dict(a1="army", assoc1={"wagner"}, a2="jnim")),
    # --- a side named in a clause of time is not the subject of a main clause that names its own
    ("In May 2019, as the MINUSMA withdrawal neared completion, the new coalition withdrew from Boni.",
     dict(code="SD/Non-violent transfer of territory", ids=set())),
    ("As JNIM attacked Boni, they burned the market.", dict(a1="jnim")),
    ("On 9 May 2019, as gunmen stormed Boni, killing three soldiers.", dict(a1="gunmen", a2="army")),
    ("When the government then asked MINUSMA to leave Boni, fighting erupted between the CMA and the army, now supported by Wagner.",
     dict(a1="cma", a2="army", assoc2={"wagner"}, ids={"cma", "army", "wagner"})),
    # --- nor does the associate's own head noun before its name ("supported by the militias GATIA")
    ("On 9 May 2019, the army supported by the local militias GATIA and Plateforme clashed with JNIM militants near Boni.",
     dict(a1="army", assoc1={"gatia", "plateforme"}, a2="jnim")),
    # --- words describing the next member do not part it from the side ("and the local Dozos")
    ("On 9 May 2019, French forces and the local Dozo militiamen attacked JNIM militants near Boni.",
     dict(a1="france", assoc1={"dozo"}, a2="jnim")),
    # --- a force named as backing the side after it ("French-backed soldiers") is associated
    ("On 9 May 2019, French-backed soldiers attacked JNIM militants near Boni.",
     dict(a1="army", assoc1={"france"}, a2="jnim")),
    # --- "soldiers from" a country are that country's military
    ("On 9 May 2019, soldiers from France clashed with JNIM militants near Boni.",
     dict(code="BAT/Armed clash", a1="france", a2="jnim", ids={"france", "jnim"})),
    # --- the passive of a belief or a report is not the act's ("is believed to have attacked")
    ("On 9 May 2019, JNIM is believed to have attacked the army near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army")),
    # --- "take" tells a taking only when a place is what is taken
    ("On 9 May 2019, JNIM militants took Boni.", dict(code="BAT/Non-state actor overtakes territory", a1="jnim")),
    # a participle between an article or preposition and its noun names a state, no act told
    ("In recaptured Kidal, the CMA signed an agreement with GATIA in June 2015.",
     dict(code="SD/Agreement", a1="cma", events=1)),
    ("In the captured town of Boni, JNIM imposed a curfew.", dict(code="SD/Other", a1="jnim", events=1)),
    ("JNIM captured the town of Boni.", dict(code="BAT/Non-state actor overtakes territory", a1="jnim")),
    # people who catch bandits take justice into their own hands; soldiers who do arrest them
    ("On 9 May 2019, residents of Boni captured two bandits.",
     dict(code="RIO/Mob violence", a1="rioters", assoc1={"vigilantes"})),
    ("On 9 May 2019, soldiers captured two bandits near Boni.", dict(code="SD/Arrests", a1="army")),
    # a non-state side that takes a town from no one named takes it from the state's army
    ("On 9 May 2019, MNLA fighters took control of Boni.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mnla", a2="army")),
    ("On 9 May 2019, MNLA fighters took control of Boni from JNIM.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mnla", a2="jnim")),
    ("On 9 May 2019, Boni was taken by JNIM militants.", dict(code="BAT/Non-state actor overtakes territory", a1="jnim")),
    ("On 9 May 2019, JNIM militants took part in talks in Boni.", dict(events=0)),
    # (and a hedge or a count may open the next member: "and one suspected MNLA fighter")
    ("On 9 May 2019, ten GATIA members and one suspected MNLA fighter were killed in a JNIM attack near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="gatia", assoc2={"mnla"})),
    # --- the count the analyst says they coded is the toll, whatever the sentences before counted
    ("On 9 May 2019, JNIM militants attacked the army near Boni. An unknown number of soldiers were killed. "
     "Unknown fatalities coded as 3.", dict(a1="jnim", fat=3)),
    # --- a taking whose phrase names the place taken ("took a village") is a taking of territory
    ("On 9 May 2019, JNIM militants took a village near Boni.", dict(code="BAT/Non-state actor overtakes territory", a1="jnim")),
    # --- an outcome told first yields the code to a taking told as an act, not to one listed with
    # it as another outcome
    ("On 9 May 2019, ten JNIM militants were killed near Boni, four arrested, and weapons seized.",
     dict(code="BAT/Armed clash", a2="jnim")),
    ("On 9 May 2019, two soldiers were killed when JNIM militants seized the town of Boni.",
     dict(code="BAT/Non-state actor overtakes territory", a1="jnim")),
    # --- an outcome told first yields the code to the violence, not to a taking told before it
    ("On 9 May 2019, two soldiers were killed while their vehicles were seized during an attack by JNIM near Boni.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army")),
    # --- rockets fired in an exchange of fire are part of the battle
    ("On 9 May 2019, JNIM militants clashed with soldiers near Boni and fired rockets at their camp.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army")),
    # --- the side an outcome clause names is the one acted upon
    ("On 11 May 2019, JNIM militants attacked the town of Boni, killing ten soldiers.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", fat=10, place="boni")),
    # --- demonstrators who assault or clash turn a protest into a riot
    ("On 10 May 2019, teachers staged a demonstration in Konna and assaulted a school director.",
     dict(code="RIO/Violent demonstration")),
    # --- a toll after a sentence telling who operated where, with no event of its own
    ("On 9 May 2019, French forces conducted an operation near Menaka. Three ISGS militants were killed.",
     dict(code="BAT/Armed clash", a1="france", a2="isgs", fat=3, place="menaka", events=1)),
    # (the sides named with the one that operated are associated with it)
    ("On 9 May 2019, French forces and the Malian army carried out an operation near Boni, 15 militants killed.",
     dict(code="BAT/Armed clash", a1="france", assoc1={"army"}, a2="gunmen")),
    ("On 9 May 2019, French forces and the Malian army conducted an operation near Boni. Three militants were killed.",
     dict(code="BAT/Armed clash", a1="france", assoc1={"army"}, a2="gunmen", events=1)),
    # --- a noun trigger with its agent and its target: "an attack by X on Y"
    ("Two people were killed in an attack by gunmen on an army post in Boni.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army", fat=2, place="boni")),
    # --- attribution: a group blamed after the act replaces generic or implied attackers
    ("On 2 May 2019, gunmen abducted two teachers near Boni. MOJWA claimed responsibility.",
     dict(code="VAC/Abduction/forced disappearance", a1="mojwa")),
    ("On 4 May 2019, a truck struck an IED near Konna, the device was likely planted by Katiba Macina militants.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", assoc1={"katiba-macina"})),
    ("On 6 May 2019, JNIM militants ambushed an army convoy near Boni. Three soldiers were killed and two trucks were burned.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", fat=3, events=1)),
    # --- Battles: armed clash, roles by voice and coordination
    ("On 3 May 2019, JNIM militants attacked a Malian army post in Boni, killing four soldiers.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", place="boni", fat=4)),
    ("Soldiers clashed with ISGS fighters near Menaka on 12 June 2019.",
     dict(code="BAT/Armed clash", a1="army", a2="isgs", place="menaka")),
    ("Clashes between GATIA and the MNLA left nine dead near Kidal.",
     dict(code="BAT/Armed clash", a1="gatia", a2="mnla", fat=9, place="kidal")),
    ("An army patrol was ambushed by JNIM near Konna.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", place="konna")),
    ("The MNLA, alongside Ansar Dine, attacked the garrison of Aguelhok.",
     dict(code="BAT/Armed clash", a1="mnla", assoc1={"ansar-dine"}, place="aguelhok")),
    ("GATIA and the CMA fought for two days outside Menaka.",
     dict(code="BAT/Armed clash", a1="gatia", a2="cma", place="menaka")),
    ("Two soldiers were killed when gunmen attacked a checkpoint in Sevare.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="army", fat=2, place="sevare")),
    ("Three soldiers killed and five injured in an ambush near Boni.",
     dict(code="BAT/Armed clash", a2="army", fat=3, place="boni")),
    ("French forces killed six ISGS militants in a raid near Menaka.",
     dict(code="BAT/Armed clash", a1="france", a2="isgs", fat=6)),
    ("Dozo militiamen and JNIM fighters exchanged fire near Koro; two Dozos died.",
     dict(code="BAT/Armed clash", a1="dozo", fat=2, place="koro")),
    ("Peacekeepers repelled an attack by militants on their camp in Kidal.",
     dict(code="BAT/Armed clash", place="kidal")),
    ("Gunmen attacked the village of Koro but the villagers fought back, and one attacker was killed.",
     dict(code="BAT/Armed clash", fat=1, place="koro")),
    ("A Malian army convoy ambushed near Konna, six soldiers dead.",
     dict(code="BAT/Armed clash", a2="army", fat=6)),
    ("On 4 April 2019, soldiers killed two ISGS fighters who were planting an IED near Menaka.",
     dict(code="BAT/Armed clash", a1="army", a2="isgs", fat=2)),
    ("JNIM carried out a complex attack on the Boni camp, an IED followed by gunfire.",
     dict(code="BAT/Armed clash", a1="jnim")),
    # --- Battles: territory
    ("MOJWA captured Gao on 27 June 2012 after fierce fighting, leaving 20+ dead.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mojwa", place="gao", fat=20)),
    ("AQIM took control of Timbuktu in April 2012.",
     dict(code="BAT/Non-state actor overtakes territory", a1="aqim", place="timbuktu")),
    ("Kidal was captured by the Malian army with Wagner support in November 2023.",
     dict(code="BAT/Government regains territory", a1="army", place="kidal")),
    ("The Malian army retook Konna from JNIM on 18 January 2013.",
     dict(code="BAT/Government regains territory", a1="army", place="konna")),
    ("The MNLA recaptured Menaka from the army in 2012.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mnla", place="menaka")),
    ("The Wagner-supported Malian army seized Tessalit.",
     dict(code="BAT/Government regains territory", a1="army", assoc1={"wagner"}, place="tessalit")),
    ("MNLA and Ansar Dine seized Kidal, Gao and Timbuktu in three days.",
     dict(code="BAT/Non-state actor overtakes territory", a1="mnla", assoc1={"ansar-dine"}, events=3)),
    # --- Violence against civilians
    ("Gunmen killed five civilians in Sevare on 2 March 2019.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians", fat=5, place="sevare")),
    ("Dozo militiamen attacked Fulani herders near Koro, killing 7.",
     dict(code="VAC/Attack", a1="dozo", a2="civilians", assoc2={"fulani", "herders"}, fat=7)),
    ("Unknown gunmen attacked the Dogon village of Koro, killing eleven villagers.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians", assoc2={"dogon"}, fat=11)),
    ("A trader was shot dead in Gao.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians", fat=1, place="gao")),
    ("Villagers were massacred by Dozo militiamen in Koro; at least 30 were killed.",
     dict(code="VAC/Attack", a1="dozo", a2="civilians", fat=30)),
    ("Soldiers executed twelve civilians in the Mopti region.",
     dict(code="VAC/Attack", a1="army", a2="civilians", fat=12)),
    ("The bodies of three herders were found near Boni.",
     dict(code="VAC/Attack", a2="civilians", fat=3, place="boni")),
    ("Militants flogged two residents of Timbuktu accused of smoking.",
     dict(code="VAC/Attack", a1="gunmen", a2="civilians", place="timbuktu")),
    ("Militants opened fire on a bus near Konna, killing two passengers and wounding five.",
     dict(code="VAC/Attack", a1="gunmen", fat=2, place="konna")),
    ("Dozens of civilians were killed by JNIM in Boni.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", fat=12)),
    ("Hundreds of civilians died in the attacks on Fulani villages near Mopti.",
     dict(code="VAC/Attack", fat=100)),
    ("Gunmen raped two women near Gao.",
     dict(code="VAC/Sexual violence", a1="gunmen", place="gao")),
    ("Soldiers committed sexual violence against Fulani women in Sevare.",
     dict(code="VAC/Sexual violence", a1="army")),
    ("ISGS abducted four teachers near Menaka.",
     dict(code="VAC/Abduction/forced disappearance", a1="isgs", a2="civilians", assoc2={"teachers"})),
    ("Two aid workers were kidnapped by gunmen in Gao.",
     dict(code="VAC/Abduction/forced disappearance", a1="gunmen", place="gao")),
    ("Katiba Macina militants kidnapped a village chief in 2019 near Mopti.",
     dict(code="VAC/Abduction/forced disappearance", a1="jnim", assoc1={"katiba-macina"})),
    ("Gunmen abducted and executed two herders near Boni.",
     dict(code="VAC/Attack", fat=2)),
    # --- Explosions / remote violence
    ("Three peacekeepers were killed when their vehicle struck an IED near Aguelhok.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="minusma", fat=3, place="aguelhok")),
    ("A landmine killed two civilians on the road to Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", fat=2)),
    ("An improvised explosive device exploded under a bus near Konna, killing 14.",
     dict(code="ERV/Remote explosive/landmine/IED", fat=14)),
    ("A suicide bomber drove a car into the army camp in Gao, killing six soldiers.",
     dict(code="ERV/Suicide bomb", fat=6, place="gao")),
    ("JNIM carried out a suicide attack on the Barkhane base at Gao.",
     dict(code="ERV/Suicide bomb", a1="jnim")),
    ("French forces conducted air strikes on ISGS positions near Menaka.",
     dict(code="ERV/Air/drone strike", a1="france", a2="isgs", place="menaka")),
    ("A drone strike killed eight JNIM fighters near Boni.",
     dict(code="ERV/Air/drone strike", fat=8)),
    ("Militants fired mortar shells at the MINUSMA camp in Kidal.",
     dict(code="ERV/Shelling/artillery/missile attack", a1="gunmen", place="kidal")),
    ("Rockets hit the airport of Timbuktu overnight.",
     dict(code="ERV/Shelling/artillery/missile attack", place="timbuktu")),
    ("A grenade was thrown into a bar in Gao, wounding four people.",
     dict(code="ERV/Grenade", fat=None, place="gao")),
    ("Militants used a chemical weapon against soldiers near Boni.",
     dict(code="ERV/Chemical weapon")),
    ("Four French soldiers were wounded when an IED hit their patrol near Tessalit. JNIM later claimed the attack.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", a2="france", events=1)),
    ("Two civilians died when their cart hit a mine. The device was planted by JNIM militants.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", fat=2, events=1)),
    # "the attack" a claim names is the act just told, even one that named its side already
    ("JNIM militants ambushed an army convoy near Boni. Two soldiers were killed. A pro-JNIM channel attributed the attack to JNIM.",
     dict(code="BAT/Armed clash", a1="jnim", a2="army", events=1)),
    # a participle its agent or cause follows tells a passive act without an auxiliary
    ("An army vehicle struck by an IED near Boni, two dead.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="gunmen", a2="army")),
    ("MINUSMA peacekeepers subjected to an attack near Boni, no casualties.", dict(a1="gunmen", a2="minusma")),
    # a sentence that opens with the act as one already told retells it, and names no side of it
    ("On 9 May 2019, JNIM militants fired rockets at the MINUSMA camp in Kidal. The attack came ahead of a visit by ECOWAS.",
     dict(code="ERV/Shelling/artillery/missile attack", a1="jnim", a2="minusma", ids={"jnim", "minusma"}, events=1)),
    # (as does one that opens with a side named again as already told, with the toll between kept)
    ("On 9 May 2019, JNIM militants attacked a police station in Boni. No casualties were reported. "
     "The militants burned the station.", dict(a1="jnim", a2="police", ids={"jnim", "police"}, fat=0, events=1)),
    # (over sentences that tell no act)
    ("On 9 May 2019, JNIM militants shelled the MINUSMA camp in Gao. The camp houses five hundred peacekeepers. "
     "The attack caused damage to a hangar.", dict(a1="jnim", a2="minusma", ids={"jnim", "minusma"}, events=1)),
    # "by" right after the verb gives its agent: what comes before was acted upon
    ("A vehicle of the police destroyed by an IED near Boni, two wounded. JNIM claimed the attack.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", a2="police", events=1)),
    # people named only by who they are suffer an attack as civilians, but fight a battle as a side
    # and are the cause, not the victims, of a protest
    ("Gunmen attacked Dogon villagers near Boni.", dict(a2="civilians", assoc2={"dogon"})),
    ("Fighting between Fulani and Dogon broke out near Boni.", dict(code="BAT/Armed clash", a1="fulani-militia", a2="dogon-militia")),
    # a member of a coalition acts under its own name; a brigade of a group acts as the group
    ("On 3 May 2019, GATIA fighters attacked JNIM near Boni.", dict(a1="gatia", a2="jnim")),
    ("On 3 May 2019, Katiba Macina attacked GATIA near Boni.", dict(a1="jnim", assoc1={"katiba-macina"}, a2="gatia")),
    # what follows "including", "mainly" is associated with the side before it
    ("Plateforme, including GATIA, attacked JNIM near Boni.", dict(a1="plateforme", assoc1={"gatia"}, a2="jnim")),
    ("The CMA and Plateforme (mainly GATIA) clashed near Boni.", dict(a1="cma", a2="plateforme", assoc2={"gatia"})),
    # a side named by its act ("French air strikes") tells that act, and did it
    ("French air strikes hit Boni on Friday.", dict(code="ERV/Air/drone strike", a1="france")),
    ("A herder was killed during French air strikes near Boni.", dict(code="ERV/Air/drone strike", a1="france")),
    # an outcome that names no actor takes the acting side of the act it happened in
    ("Two villagers were killed when French forces bombed a camp near Boni.", dict(a1="france", a2="civilians")),
    # a suspicion or claim in the next sentence names the attackers, even a generic but known side
    ("Unknown gunmen opened fire on a bus near Boni. Dozo militiamen were suspected in the attack.",
     dict(a1="dozo", events=1)),
    # a claim may come after a toll and a sentence telling no act
    ("A MINUSMA truck hit a mine near Boni. No casualties were reported. Damage was light. The device was planted by JNIM militants.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", a2="minusma", fat=0, events=1)),
    # ... but not across a sentence telling another act
    ("A MINUSMA truck hit a mine near Boni. Soldiers arrested two men in Gao. The device was planted by JNIM militants.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="gunmen", a2="minusma")),
    # the words of a date are no cue: "March" tells no march
    ("On 25 March 2019, residents attacked the police in Boni.", dict(code="RIO/Mob violence", a1="rioters", a2="police")),
    # a trigger written with a capital is a word, not a name, in a headline in title case
    ("Jihadists Launch Fresh Attacks On Villages Near Boni", dict(code="VAC/Attack", a1="islamists", a2="civilians")),
    # --- Protests
    # people a participle of protest follows are protesters, and force used on them is excessive
    ("On 9 May 2019, gunmen opened fire on residents protesting the occupation of Gao.",
     dict(code="PRO/Excessive force against protesters", a1="protesters", a2="gunmen", ids={"protesters", "gunmen"})),
    ("Thousands of residents protested in Bamako against the junta.",
     dict(code="PRO/Peaceful protest", a1="protesters", place="bamako")),
    # a crowd protests where it is, whatever place its cause names
    ("On 9 May 2019, residents in Gao staged a protest against the killing of five villagers in Boni.",
     dict(code="PRO/Peaceful protest", a1="protesters", place="gao")),
    # (a count may open the people the crowd is from)
    ("On 9 May 2019, teachers from 11 Dogon villages staged a strike in Mopti.",
     dict(code="PRO/Peaceful protest", a1="protesters", assoc1={"teachers"})),
    ("Teachers went on strike in Mopti to demand unpaid salaries.",
     dict(code="PRO/Peaceful protest", a1="protesters", assoc1={"teachers"}, place="mopti")),
    ("Demonstrators marched in Gao on 5 May 2019.",
     dict(code="PRO/Peaceful protest", a1="protesters", place="gao")),
    # a protester the protest is for is no side, and the crowd is still the protesters
    ("Hundreds of residents marched in Gao against the arrest of two demonstrators.",
     dict(code="PRO/Peaceful protest", a1="protesters", a2=None)),
    ("Police fired tear gas to disperse protesters in Bamako.",
     dict(code="PRO/Protest with intervention", a1="protesters", a2="police", place="bamako")),
    ("Residents demonstrated in Kidal and police arrested several demonstrators.",
     dict(code="PRO/Protest with intervention", a1="protesters")),
    ("Soldiers shot dead three protesters during a demonstration in Bamako.",
     dict(code="PRO/Excessive force against protesters", fat=3, place="bamako")),
    ("People took to the streets of Timbuktu to protest against the arrest of a local leader.",
     dict(code="PRO/Peaceful protest", a1="protesters", place="timbuktu", events=1)),
    # --- Riots
    ("Rioters burned tyres and threw stones at the police in Kidal.",
     dict(code="RIO/Violent demonstration", a1="rioters", place="kidal")),
    ("Demonstrators ransacked the town hall in Gao.",
     dict(code="RIO/Violent demonstration", a1="rioters", place="gao")),
    ("Residents stormed the MINUSMA camp in Kidal and set fire to vehicles.",
     dict(code="RIO/Mob violence", a1="rioters")),
    ("A mob lynched a suspected thief in Sevare.",
     dict(code="RIO/Mob violence", a1="rioters", place="sevare")),
    # an act told during a protest by no one named is the crowd's; a month is no march
    ("A man was killed and two others wounded during a march in Gao.",
     dict(code="RIO/Violent demonstration", a1="rioters")),
    ("Bars were ransacked in Timbuktu during a protest against alcohol.",
     dict(code="RIO/Violent demonstration", a1="rioters")),
    ("Five soldiers were killed during the March 2012 coup in Kati.", dict(code="BAT/Armed clash")),
    ("Angry youths erected barricades in Mopti after a shooting.",
     dict(code="RIO/Violent demonstration", place="mopti")),
    # --- Strategic developments
    ("The government and the CMA signed a peace agreement in Bamako in June 2015.",
     dict(code="SD/Agreement", place="bamako")),
    ("War broke out between the CMA and the junta in September 2023.",
     dict(code="BAT/Armed clash", a1="cma")),
    ("GATIA and the CMA agreed to a ceasefire in Kidal.",
     dict(code="SD/Agreement", a1="gatia")),
    ("The army arrested 12 CMA members in Gao.",
     dict(code="SD/Arrests", a1="army", a2="cma", place="gao")),
    ("Gendarmes detained three suspected militants in Sevare.",
     dict(code="SD/Arrests", a1="police")),
    ("Militants looted shops in Boni.",
     dict(code="SD/Looting/property destruction", a1="gunmen", place="boni")),
    ("Gunmen burned down the school of Koro.",
     dict(code="SD/Looting/property destruction", a1="gunmen", place="koro")),
    ("Unknown gunmen stole livestock from herders near Menaka.",
     dict(code="SD/Looting/property destruction", a1="gunmen")),
    ("Unknown gunmen seized two vehicles near Gao.",
     dict(code="SD/Looting/property destruction", a1="gunmen", place="gao")),
    ("Property destruction: Ansar Dine destroyed mausoleums in Timbuktu.",
     dict(code="SD/Looting/property destruction", a1="ansar-dine", place="timbuktu")),
    ("Gunmen raided the village of Boni and took cattle, no casualties were reported.",
     dict(code="SD/Looting/property destruction", fat=0)),
    ("Soldiers defused an IED on the road to Konna.",
     dict(code="SD/Disrupted weapons use", a1="army")),
    ("French forces discovered a weapons cache near Tessalit.",
     dict(code="SD/Disrupted weapons use", a1="france")),
    ("Barkhane established a base in Menaka in 2018.",
     dict(code="SD/Headquarters or base established", a1="france", place="menaka")),
    ("The army withdrew from Aguelhok without a fight.",
     dict(code="SD/Non-violent transfer of territory", a1="army", place="aguelhok")),
    ("Peacekeepers handed over the Tessalit camp to the army.",
     dict(code="SD/Non-violent transfer of territory", a1="minusma")),
    ("The MNLA declared independence in Gao on 6 April 2012.",
     dict(code="SD/Change to group/activity", a1="mnla")),
    ("The CMA declared war on the junta in September 2023.",
     dict(code="SD/Change to group/activity", a1="cma")),
    ("The CMA withdrew from peace talks in Bamako.",
     dict(code="SD/Change to group/activity", a1="cma")),
    ("A new armed group was formed in Kidal by former MNLA fighters.",
     dict(code="SD/Change to group/activity")),
    # a forming verb tells a formation only with a named group formed, which acts
    ("In 2014 the MNLA formed the CMA with other groups.",
     dict(code="SD/Change to group/activity", a1="cma", assoc1={"mnla"})),
    ("In 2011 the MNLA created the Tuareg-dominated Islamist group Ansar Dine.",
     dict(code="SD/Change to group/activity", a1="ansar-dine", assoc1={"mnla"})),
    # (whatever the verb's form: the narrative present is read like the past)
    ("In 2014, the MNLA forms the CMA with other groups.",
     dict(code="SD/Change to group/activity", a1="cma", assoc1={"mnla"})),
    ("The militias formed the backbone of the army.", dict(events=0)),
    ("ECOWAS pressed the junta to form a government.", dict(events=0)),
    ("The newly formed MNLA held a meeting in Kidal.", dict(events=0)),
    ("Ansar Dine and MOJWA merged into a single movement in 2013.",
     dict(code="SD/Change to group/activity", a1="ansar-dine")),
    ("Soldiers staged a coup in Bamako on 22 March 2012.",
     dict(code="SD/Other", a1="army", place="bamako")),
    ("ECOWAS imposed sanctions on Mali in January 2022.",
     dict(code="SD/Other", a1="ecowas")),
    ("The junta banned all political parties.",
     dict(code="SD/Other", a1="government")),
    ("The junta appointed a new governor of Kidal.",
     dict(code="SD/Other", a1="government")),
    ("Non-violent activity: JNIM distributed leaflets in Boni.",
     dict(code="SD/Other", a1="jnim", place="boni")),
    # --- status
    ("JNIM reportedly killed two soldiers near Boni.",
     dict(code="BAT/Armed clash", status="reported", fat=2)),
    ("The army allegedly executed five herders in Sevare.",
     dict(code="VAC/Attack", status="reported", fat=5)),
    ("The army denied that its soldiers killed civilians in Koro.",
     dict(code="VAC/Attack", status="denied")),
    ("The army disputed that its soldiers killed civilians in Koro.",
     dict(code="VAC/Attack", status="denied")),
    # "dispute" the noun is the cause of a fight, not a denial of it
    ("Farmers clashed with herders over a land dispute near Koro.",
     dict(code="BAT/Armed clash", status="asserted")),
    ("Gunmen attacked the police station in Gao.",
     dict(code="BAT/Armed clash", status="asserted", a2="police")),
    # --- no event: hypotheticals, threats, negation, intentions, predictions, background
    ("Such killings could amount to war crimes.", dict(events=0)),
    ("ECOWAS has threatened sanctions against the junta.", dict(events=0)),
    ("JNIM threatened to attack Bamako.", dict(events=0)),
    ("The army did not attack the camp.", dict(events=0)),
    ("No one was killed in Gao.", dict(events=0)),
    ("If the talks fail, the MNLA will attack Kidal.", dict(events=0)),
    ("The CMA plans to sign an agreement next month.", dict(events=0)),
    ("Analysts warn that militants may seize Menaka.", dict(events=0)),
    ("The MNLA regularly attacks convoys in the desert.", dict(events=0)),
    ("Without fighting, nothing changed in Kidal.", dict(events=0)),
    ("The CMA is in conflict with the government.", dict(events=0)),
    ("The army vowed to retake Kidal.", dict(events=0)),
    ("JNIM continuously attacks convoys in the desert.", dict(events=0)),
    ("Rebels saw MINUSMA as support for government efforts to recapture the north.", dict(events=0)),
    # (the purpose a new force was created for is not yet an act of it)
    ("In 2017 ECOWAS announced the creation of a joint force aimed at fighting militants.",
     dict(code="SD/Change to group/activity", a1="ecowas")),
    ("Peacekeepers foiled an attack on Gao.", dict(events=0)),
    # --- retelling and outcome sentences merge into one event
    ("On 10 March 2019, gunmen attacked the village of Koro. Four civilians were killed.",
     dict(code="VAC/Attack", fat=4, events=1)),
    ("JNIM attacked the army camp in Boni on 2 May 2019. The attack killed three soldiers and two militants.",
     dict(code="BAT/Armed clash", a1="jnim", fat=5, events=1)),
    ("Gunmen attacked a convoy of peacekeepers near Kidal. No casualties were reported.",
     dict(code="BAT/Armed clash", fat=0, events=1)),
    ("Soldiers clashed with JNIM near Boni. Later, peacekeepers signed an agreement in Bamako.",
     dict(events=2)),
    # an act a reaction names is the one told, the one reacting no side of it; a reaction to an
    # act of another kind tells that act
    ("On 9 May 2019, gunmen opened fire on peacekeepers near Boni. ECOWAS condemned the attack.",
     dict(code="BAT/Armed clash", a1="gunmen", a2="minusma", events=1)),
    ("On 9 May 2019, gunmen opened fire on peacekeepers near Boni. ECOWAS welcomed the agreement signed in Bamako.",
     dict(events=2)),
    # an act a time word places another by is the one told, at its place …
    ("On 9 May 2019, gunmen attacked the village of Boni, killing five civilians.\nSoldiers who had been posted "
     "in the village left hours before the attack, residents said.", dict(code="VAC/Attack", a1="gunmen", events=1)),
    # … not an act of its own at another place
    ("On 9 May 2019, gunmen attacked the village of Boni. On 12 May 2019, following the capture of Kidal, "
     "the MNLA declared a ceasefire.", dict(events=2)),
    # --- fatalities kept apart from wounded, captured and displaced
    ("Militants attacked Koro; two were killed, five wounded and ten abducted.",
     dict(fat=2)),
    ("The attack on Boni wounded 14 soldiers.", dict(code="BAT/Armed clash", fat=None)),
    ("Fighting near Menaka displaced 3,000 people.", dict(code="BAT/Armed clash", fat=None)),
    # the subject of a passive verb before a noun trigger is acted upon
    ("A Malian army truck was hit by an IED near Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="gunmen", a2="army")),
    # the trigger may itself be the verb of use: a bracketed parent before it does not make it passive
    ("Katiba Macina (JNIM) detonated an IED that wounded two soldiers near Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", a1="jnim", assoc1={"katiba-macina"}, a2="army")),
    # a casualty word after a side names the victims of the act
    ("An IED exploded near Boni, three peacekeepers were wounded.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="minusma")),
    ("A convoy struck a mine near Boni. Four soldiers dead.",
     dict(code="ERV/Remote explosive/landmine/IED", a2="army", fat=4)),
    # the side named in the act a passive outcome happened in carried it out
    ("Two herders were killed during French forces' air strikes near Boni.", dict(a1="france")),
    ("Three civilians were wounded in a FAMa operation near Boni.", dict(a1="army", a2="civilians")),
    ("Three civilians were wounded in Boni on Monday.", dict(a1="gunmen", a2="civilians")),
    # off-duty forces acted upon are civilians, their force associated
    ("Gunmen killed two off-duty policemen in Boni.", dict(code="VAC/Attack", a2="civilians", assoc2={"police"})),
    # … or said to be so after them: at home, on leave
    ("Gunmen killed a soldier at his home in Boni.", dict(code="VAC/Attack", a2="civilians", assoc2={"army"})),
    ("Gunmen shot dead three peacekeepers on leave in Boni.", dict(code="VAC/Attack", a2="civilians", assoc2={"minusma"})),
    # … and so are any armed side's people held in custody
    ("On 9 May 2019, soldiers executed two JNIM detainees near Boni.",
     dict(code="VAC/Attack", a1="army", a2="civilians", assoc2={"jnim"})),
    # … and so are the relatives of an armed side's people, named before or after it
    ("On 9 May 2019, JNIM militants killed the brother of a GATIA commander in Boni.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", assoc2={"gatia"})),
    ("On 9 May 2019, JNIM militants killed members of a GATIA commander's family in Boni.",
     dict(code="VAC/Attack", a1="jnim", a2="civilians", assoc2={"gatia"})),
    ("On 9 May 2019, JNIM militants killed a member of GATIA in Boni.", dict(code="BAT/Armed clash", a2="gatia")),
    # … and so is a force's civilian staff: named after it, or called civilian
    ("Gunmen shot dead a MINUSMA contractor in Boni.", dict(code="VAC/Attack", a2="civilians", assoc2={"minusma"})),
    ("Gunmen attacked a civilian MINUSMA convoy near Boni.", dict(code="VAC/Attack", a2="civilians", assoc2={"minusma"})),
    ("Gunmen killed two policemen in Boni.", dict(code="BAT/Armed clash", a2="police")),
    # the unnamed dead of a mine are civilians; with no one hurt, no victim is implied
    ("A landmine exploded near Boni, killing two.", dict(code="ERV/Remote explosive/landmine/IED", a2="civilians")),
    ("A landmine exploded near Boni without casualties.", dict(code="ERV/Remote explosive/landmine/IED", a2=None)),
    # --- French
    ("Des hommes armés ont attaqué le village de Koro, tuant cinq civils.",
     dict(code="VAC/Attack", language="fr", fat=5)),
    ("Des affrontements ont opposé l'armée et le JNIM près de Boni.",
     dict(code="BAT/Armed clash", language="fr")),
    ("Des manifestants ont marché à Bamako.", dict(code="PRO/Peaceful protest", language="fr", a1="protesters")),
    ("Des jeunes ont manifesté à Bamako.", dict(code="PRO/Peaceful protest", language="fr", a1="protesters")),
    # a claim with a feminine participle, a partner link in the feminine plural
    ("Des hommes armés ont attaqué un poste de l'armée à Boni. L'attaque a été revendiquée par le JNIM.",
     dict(code="BAT/Armed clash", language="fr", a1="jnim", events=1)),
    # a French paragraph that opens with the attackers told ("Les militants, …") or with the act
    # told ("L'attaque …") retells it
    ("Le 9 mai 2019, des militants ont attaqué un poste de l'armée près de Boni, tuant cinq soldats.\n"
     "Les militants, arrivés à moto, ont incendié deux véhicules. L'attaque n'a pas été revendiquée.",
     dict(code="BAT/Armed clash", language="fr", fat=5, events=1)),
    ("Le 9 mai 2019, les FAMa, appuyées par Barkhane, ont attaqué des militants près de Boni.",
     dict(language="fr", a1="army", assoc1={"france"})),
    # (a participle written with its accent still recodes: the text is read folded)
    ("Des manifestants ont incendié la mairie de Gao.", dict(code="RIO/Violent demonstration", language="fr")),
    ("Des manifestants ont été dispersés par la police à Bamako.",
     dict(code="PRO/Protest with intervention", language="fr")),
    ("Les FAMa ont repris le contrôle de Boni.", dict(code="BAT/Government regains territory", language="fr", a1="army")),
    # a French passive ("ont été blessés par") makes its subject the side acted upon
    ("Des FAMa ont été blessés par l'explosion d'une mine près de Boni.",
     dict(code="ERV/Remote explosive/landmine/IED", language="fr", a2="army")),
    # "neutraliser" people kills them; an explosive device neutralised is disarmed
    ("Les FAMa ont neutralisé dix militants près de Boni.", dict(code="BAT/Armed clash", language="fr", a1="army", a2="gunmen")),
    ("L'armée a neutralisé un engin explosif près de Boni.", dict(code="SD/Disrupted weapons use", language="fr")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"{i:03d}" for i in range(len(CASES))])
def test_events_code_sentence(extract, text, expected):
    language = expected.get("language", "en")
    document, events = extract(text, language=language)
    if expected.get("events") == 0:
        assert events == [], [(e.event_type, e.sub_event_type, e.trigger) for e in events]
        return
    assert events, "no event"
    if "events" in expected:
        assert len(events) == expected["events"], [(e.event_type, e.sub_event_type, e.trigger) for e in events]
    event = events[0]
    if "code" in expected:
        short, sub = expected["code"].split("/", 1)
        assert (event.event_type, event.sub_event_type) == (SHORT[short], sub), event.rules
    if "a1" in expected:
        assert _role(event, "actor1") == [expected["a1"]], [(a.role, a.id) for a in event.actors]
    if "a2" in expected:
        wanted = [] if expected["a2"] is None else [expected["a2"]]
        assert _role(event, "actor2") == wanted, [(a.role, a.id) for a in event.actors]
    if "assoc1" in expected:
        assert expected["assoc1"] <= set(_role(event, "assoc_actor_1")), [(a.role, a.id) for a in event.actors]
    if "assoc2" in expected:
        assert expected["assoc2"] <= set(_role(event, "assoc_actor_2")), [(a.role, a.id) for a in event.actors]
    if "ids" in expected:
        assert {a.id for a in event.actors} == expected["ids"], [(a.role, a.id) for a in event.actors]
    if "label1" in expected:
        assert [a.acled_name for a in event.actors if a.role == "actor1"] == [expected["label1"]]
    if "label2" in expected:
        assert [a.acled_name for a in event.actors if a.role == "actor2"] == [expected["label2"]]
    if "place" in expected:
        assert event.location is not None and event.location.id == expected["place"], event.location
    if "fat" in expected:
        got = event.fatalities.min if event.fatalities is not None else None
        assert got == expected["fat"], event.fatalities
    if "status" in expected:
        assert event.status == expected["status"]
    for each in events:
        assert document.body[each.evidence.start:each.evidence.end] == each.evidence.text
        assert 0.0 <= each.confidence <= 1.0 and each.rules


def test_events_cover_every_sub_type():
    """The table exercises every ACLED sub-type (the taxonomy the scorer compares with)."""
    coded = {tuple(case[1]["code"].split("/", 1)) for case in CASES if "code" in case[1]}
    expected = {(short, sub) for short, full in SHORT.items() for sub in ACLED_TAXONOMY[full]}
    assert expected <= coded, sorted(expected - coded)


def test_events_split_one_event_per_place(extract):
    document, events = extract("In 2012 the MNLA overran Kidal, Gao and Timbuktu in three days.")
    assert [event.location.id for event in events] == ["kidal", "gao", "timbuktu"]
    assert len({event.id for event in events}) == 3


def test_events_place_in_brackets_is_not_the_event_place(extract):
    document, events = extract("Gunmen attacked Boni (Mopti, Mopti) on 1 May 2019.")
    assert [event.location.id for event in events] == ["boni"]


@pytest.mark.parametrize("text, expected, rule", [
    # the place the analyst coded, though another comes first after the act
    ("Gunmen attacked a bus between Boni and Konna (coded as Konna at geoprecision 2) on 1 May 2019.", "konna", "location:coded"),
    ("On 1 May 2019 gunmen killed two traders in Sevare, coded as Mopti, and fled.", "mopti", "location:coded"),
    # a place no entry knows, told apart from another such place by its name, however short
    ("On 1 May 2019 gunmen attacked a camp in the area of Qorbala (coded as Zzyzx at geoprecision 2).", "unresolved-zzyzx", "location:coded"),
    ("On 1 May 2019 gunmen attacked the village of Qorbala (coded as Bi at geoprecision 2).", "unresolved-bi", "location:coded"),
    # the same place as read: the place as read stands
    ("On 1 May 2019 gunmen killed two traders in Koro (coded as Koro).", "koro", "location:after-trigger"),
])
def test_events_place_coded_by_the_analyst_is_the_event_place(extract, text, expected, rule):
    document, events = extract(text)
    assert [event.location.id for event in events] == [expected]
    assert rule in events[0].rules


@pytest.mark.parametrize("text, expected", [
    # a place after a bearing that locates the place before it is no scene
    ("On 9 May 2019, residents of Konna and Boni, south of Gao, said soldiers had raided their camps.", "boni"),
    ("On 9 May 2019, residents of Boni, 50 km east of Mopti, said soldiers had raided their camps.", "boni"),
    # a bearing that locates no other place keeps its place
    ("On 9 May 2019, residents south of Gao said soldiers had raided their camps.", "gao"),
])
def test_events_a_place_that_locates_another_is_no_scene(extract, text, expected):
    document, events = extract(text)
    assert [event.location.id for event in events] == [expected]


def test_events_place_coded_by_the_analyst_is_where_the_text_first_places_it(extract):
    # an unresolved place standing in at the coded place's point is not the coded place; the
    # coded place is where the text first puts it, 30 km off
    document, events = extract("On 1 May 2019, French forces conducted an operation 30km east of Konna (coded as Konna 30km E at "
                               "geoprecision 2) and killed six militants, recovering arms seized in Qorbala.")
    (event,) = events
    assert "location:coded" in event.rules and event.location.name == "Konna" and event.location.precision == "approximate"


def test_events_merged_evidence_covers_both_sentences(extract):
    text = "Gunmen attacked the village of Koro on 3 May 2019. Six villagers were killed."
    document, events = extract(text)
    assert len(events) == 1
    event = events[0]
    assert event.evidence.text == document.body[event.evidence.start:event.evidence.end]
    assert "Koro" in event.evidence.text and "Six villagers" in event.evidence.text
    assert any(rule.startswith("merged:") for rule in event.rules)


@pytest.mark.parametrize(("text", "places"), [
    # the act retold where the country or region that placed it holds: one event, at the finer place
    ("On 9 May 2019, gunmen attacked a supply convoy in northern Mali, killing two drivers. The attack took place near Gao.",
     ["gao"]),
    ("On 9 May 2019, gunmen attacked a supply convoy in the Kidal Region, killing two drivers. The attack took place near Aguelhok.",
     ["aguelhok"]),
    # another act at a place the country holds is another event
    ("On 9 May 2019, gunmen attacked a supply convoy in Mali, killing two drivers. Soldiers arrested three men near Gao.",
     ["mali", "gao"]),
])
def test_events_act_retold_at_a_place_the_first_holds_is_one_event(extract, text, places):
    _, events = extract(text)
    assert [event.location.id for event in events] == places, [(e.event_type, e.rules) for e in events]


def test_events_bibliography_and_headings_give_no_events(extract):
    text = "The army attacked Kidal in 2014.\n\nWorks Cited\n\nSmith (2015) 'Rebels attack Gao', Journal, 2.\n"
    document, events = extract(text)
    assert len(events) == 1 and events[0].location.id == "kidal"


def test_events_confidence_rewards_named_sides(extract):
    _, named = extract("On 3 May 2019, JNIM attacked soldiers in Boni, killing two.")
    _, vague = extract("An attack was reported.")
    assert named[0].confidence > vague[0].confidence
    assert "status:asserted" in named[0].rules


def test_events_ids_are_stable(extract):
    _, first = extract("Gunmen attacked Gao. The army arrested two men in Kidal.")
    _, second = extract("Gunmen attacked Gao. The army arrested two men in Kidal.")
    assert [event.id for event in first] == [event.id for event in second]
    assert event_id("doc", "A  b", 0) == event_id("doc", "A b", 0)


def test_events_implied_actors_are_marked(extract):
    _, events = extract("Two villagers were killed near Boni.")
    implied = {actor.id for actor in events[0].actors if actor.implied}
    assert implied == {"gunmen"}


@pytest.mark.parametrize(
    ("text", "roles", "placed"),
    [
        # a named group the telling names, placed by no rule, is the side acted upon
        ("On 9 May 2019, the army arrested Ali Ag Wadossene, a senior leader linked to Ansar Dine, near Boni.",
         {"actor1": ["army"], "actor2": ["ansar-dine"]}, True),
        # in place of a target implied, civilians too, and the act coded again with it
        ("On 9 May 2019, French troops carried out a raid near Boni, the MNLA condemned the raid and called for the "
         "release of two youths.", {"actor1": ["france"], "actor2": ["mnla"], "assoc_actor_2": []}, True),
        ("On 9 May 2019, gunmen abducted Ali Ag Wadossene, a leader of the MNLA, near Boni.",
         {"actor1": ["gunmen"], "actor2": ["mnla"], "assoc_actor_2": []}, True),
        # (and civilians implied stay, when the group's people are named as its civilians)
        ("On 9 May 2019, soldiers arrested three Fulani including two civilian MNLA members near Boni and burned them alive.",
         {"actor1": ["army"], "actor2": ["civilians"], "assoc_actor_2": ["mnla", "fulani"]}, True),
        # civilians the text says the act was done to stay its target, the group beside them
        ("On 9 May 2019, gunmen killed three civilians near Boni, among them Ali Ag Wadossene, a leader of the MNLA.",
         {"actor1": ["gunmen"], "actor2": ["civilians"], "assoc_actor_2": ["mnla"]}, True),
        # not the source of a report, a group in an accusation, nor one an allegiance qualifies
        ("On 9 May 2019, gunmen killed two villagers near Boni, the MNLA said.",
         {"actor1": ["gunmen"], "actor2": ["civilians"], "assoc_actor_2": []}, False),
        ("On 9 May 2019, gunmen killed a chief accused of collaborating with the MNLA near Boni.",
         {"actor2": ["civilians"], "assoc_actor_2": []}, False),
        ("On 9 May 2019, AQIM-linked gunmen kidnapped two teachers near Boni.",
         {"actor2": ["civilians"], "assoc_actor_2": ["teachers"]}, False),
        # nor what a crowd protests
        ("On 9 May 2019, residents of Boni protested against the abduction of their chief by JNIM.",
         {"actor1": ["protesters"], "actor2": []}, False),
    ],
)
def test_events_unplaced_group_is_acted_upon(extract, text, roles, placed):
    _, events = extract(text)
    assert len(events) == 1, [(e.event_type, e.trigger) for e in events]
    for role, wanted in roles.items():
        assert _role(events[0], role) == wanted, [(a.role, a.id) for a in events[0].actors]
    assert ("roles:unplaced-group" in events[0].rules) is placed, events[0].rules
    if placed and "civilians" not in _role(events[0], "actor2") and events[0].event_type != "Strategic developments":
        # (a target no longer implied is coded with: an armed one makes a battle)
        assert events[0].event_type == "Battles" and "implied:actor2=civilians" not in events[0].rules, events[0].rules


@pytest.mark.parametrize(
    ("text", "associated"),
    [
        # the people the telling names are those of the civilians the act was done to
        ("On 9 May 2019, gunmen killed three civilians at a Fulani camp near Boni.", ["fulani"]),
        # not a pair the act lies between, the people a side is of, nor people in an accusation
        ("On 9 May 2019, gunmen killed three civilians near Boni, where violence between Fulani and Dogon had flared.", []),
        ("On 9 May 2019, gunmen killed three civilians near Boni, beginning a cycle of Dogon-Fulani violence.", []),
        ("On 9 May 2019, gunmen killed two villagers near Boni, a week after Fulani Dozo militiamen attacked it.", []),
        ("On 9 May 2019, gunmen killed a chief accused of collaborating with Fulani herders near Boni.", []),
    ],
)
def test_events_unplaced_people_are_the_victims(extract, text, associated):
    _, events = extract(text)
    assert len(events) == 1 and _role(events[0], "actor2") == ["civilians"], [(a.role, a.id) for a in events[0].actors]
    assert _role(events[0], "assoc_actor_2") == associated, [(a.role, a.id) for a in events[0].actors]
    assert ("roles:unplaced-people" in events[0].rules) is bool(associated)


@pytest.mark.parametrize(
    ("before", "clause", "reason"),
    [
        (["they", "could"], ["they", "could"], "hypothetical:could"),
        (["the", "army", "do", "not"], ["the", "army", "do", "not"], "negation:not"),
        (["jnim", "threaten", "to"], ["jnim", "threaten", "to"], "intention:threaten"),
        (["ecowas", "threaten"], ["ecowas", "threaten"], "intention:threaten"),
        (["if", "the", "army"], ["if", "the", "army"], "condition:if"),
        (["the", "army"], ["the", "army"], None),
    ],
)
def test_events_blocking_cue(cues, before, clause, reason):
    assert blocking_cue(before, clause, cues, EventSettings()) == reason


def _hit(gazetteer, trigger_id, start, end):
    trigger = next(t for t in gazetteer.triggers if t.id == trigger_id)
    return TriggerHit(trigger, start, end, start, start + 1)


def test_events_choose_triggers_prefers_first_act_and_means(gazetteer):
    attack, kill, ied = _hit(gazetteer, "attack", 0, 1), _hit(gazetteer, "kill", 5, 6), _hit(gazetteer, "ied", 9, 10)
    assert choose_triggers([kill, attack]) == (attack, attack)
    assert choose_triggers([attack, ied]) == (attack, ied)
    loot = _hit(gazetteer, "looting", 0, 1)
    assert choose_triggers([loot, kill])[1] is kill


def test_events_assign_roles_without_a_model(gazetteer, cues):
    from models.mention import EntityMention

    text = "JNIM was attacked by soldiers."
    mentions = [
        EntityMention(kind="actor", entity_id="jnim", text="JNIM", start=0, end=4, alias="JNIM", score=100),
        EntityMention(kind="actor", entity_id="army", text="soldiers", start=21, end=29, alias="soldiers", score=100),
    ]
    findings = assign_roles(9, 17, mentions, lambda s, e: text[s:e], cues)
    assert [(f.mention.entity_id, f.role) for f in findings] == [("army", "actor1"), ("jnim", "actor2")]


def test_events_dependency_sides_from_a_parse():
    """The optional parse-based path reads subjects, objects and agents from dependency labels."""
    from spacy.vocab import Vocab

    words = ["Kidal", "was", "captured", "by", "the", "army"]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 2, 2, 5, 3], deps=["nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj"])
    acting, acted = dependency_sides(doc, 2)
    assert [doc.text[s:e] for s, e in acting] == ["the army"]
    assert [doc.text[s:e] for s, e in acted] == ["Kidal"]


def test_events_parser_model_must_be_installed(gazetteer, gazetteer_dir):
    with pytest.raises(ValueError, match="parser_model 'no_such_model' is not an installed spaCy package"):
        EventAssembler(gazetteer, settings=EventSettings(parser_model="no_such_model"), gazetteer_dir=gazetteer_dir)


def test_events_lexicon_codes_are_acled(gazetteer):
    for trigger in gazetteer.triggers:
        assert trigger.sub_event_type in ACLED_TAXONOMY[trigger.event_type]
        for rule in trigger.rules:
            assert rule.sub_event_type in ACLED_TAXONOMY[rule.event_type]


@pytest.mark.parametrize(
    ("text", "start", "end", "source"),
    [
        # a date naming a thing does not date the act when the sentence has another date
        ("In January 2019, JNIM militants attacked the 2015 peace monument in Boni.", "2019-01-01", "2019-01-31", "sentence"),
        ("On 3 May 2019, JNIM militants attacked an army post in Boni.", "2019-05-03", "2019-05-03", "sentence"),
        # "later that month": after the day the story stands at, to the month's end
        ("On 3 May 2019, JNIM militants attacked an army post in Boni. Later that month, ISGS attacked Menaka.",
         "2019-05-04", "2019-05-31", "sentence"),
    ],
)
def test_events_take_the_date_of_their_clause(extract, text, start, end, source):
    _document, events = extract(text)
    event = events[-1]
    assert (event.date.start, event.date.end, event.date.source) == (start, end, source)


def test_events_attributive_date_of_the_trigger_noun_dates_it(extract):
    _document, events = extract("The MNLA's early 2012 capture of Boni and its May 2014 raid on Menaka were costly.")
    assert (events[0].date.start, events[0].date.end, events[0].date.precision) == ("2012-01-01", "2012-04-30", "range")


def test_events_date_anchored_on_an_earlier_act(extract):
    text = ("On 6 April 2019, the MNLA announced a new group in Kidal. "
            "Near Menaka, the FPA was founded two days after the announcement.")
    _document, events = extract(text)
    founded = next(e for e in events if "founded" in e.trigger)
    assert (founded.date.start, founded.date.precision, founded.date.source) == ("2019-04-08", "day", "clause")


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "source"),
    [
        # the story's clock inherited by a dateless sentence is never finer than its month
        ("On 3 May 2019, JNIM militants attacked an army post in Boni. Attacks on Menaka quickly followed.",
         "2019-05-01", "2019-05-31", "month", "inherited"),
        # in a later paragraph, with nothing telling it came next, only the clock's year is known
        ("On 3 May 2019, JNIM militants attacked an army post in Boni.\nLacking support, JNIM militants attacked Menaka.",
         "2019-01-01", "2019-12-31", "year", "inherited"),
        # a deadline dates an act when the sentence gives nothing else
        ("JNIM had expelled the army from Boni by July 2019.", "2019-07-01", "2019-07-31", "month", "sentence"),
        # a date in a clause telling another act ("a town JNIM had taken in March 2018") is not this act's
        ("Fighting resumed in Boni, a town JNIM had taken in March 2018, on 4 May 2019.",
         "2019-05-04", "2019-05-04", "day", "sentence"),
        # timed after another act the story never dated, an act is known to the clock's year only
        ("On 3 May 2019, JNIM militants attacked Boni. After French forces withdrew, JNIM militants attacked Menaka.",
         "2019-01-01", "2019-12-31", "year", "inherited"),
        # a state since a date, told in the present, lasts until the time of writing (published 2019-06-30)
        ("On 3 May 2019, JNIM militants attacked Boni. French forces have been fighting JNIM in Menaka since March 2018.",
         "2018-03-01", "2019-06-30", "range", "sentence"),
    ],
)
def test_events_date_source_and_precision(extract, text, start, end, precision, source):
    _document, events = extract(text)
    event = next((e for e in events if e.trigger == "Fighting"), events[-1])
    date = event.date
    assert (date.start, date.end, date.precision, date.source) == (start, end, precision, source)


def test_events_a_dateless_sentence_in_the_present_does_not_take_the_clock(extract):
    _document, events = extract("On 3 May 2019, JNIM militants attacked Boni. Attacks on the army in Menaka continue.")
    assert events[0].date is not None and events[0].date.start == "2019-05-03"
    assert events[-1].evidence.text.startswith("Attacks on") and events[-1].date is None
    _document, aside = extract("On 3 May 2019, JNIM militants attacked Boni. Attacks on the UN mission (MINUSMA) also continue.")
    assert aside[-1].evidence.text.startswith("Attacks on") and aside[-1].date is None
    _document, future = extract("On 3 May 2019, JNIM militants attacked Boni. Attacks on Menaka will continue.")
    assert future[-1].date is None
    # a date of another act in the sentence does not date an ongoing state either
    _document, ongoing = extract("On 3 May 2019, JNIM militants attacked Boni. JNIM continues to clash with ISGS, a splinter group founded in 2015.")
    assert ongoing[-1].evidence.text.startswith("JNIM continues") and ongoing[-1].date is None
    _document, past = extract("On 3 May 2019, JNIM militants attacked Boni. Attacks on the army in Menaka quickly followed.")
    assert past[-1].date is not None and past[-1].date.source == "inherited"


def test_events_a_verbless_opening_and_the_simple_present_tell_no_clock_date(extract):
    # a fronted phrase with no verb takes the tense of the clause it leads into
    _document, future = extract("On 3 May 2019, JNIM militants attacked Boni. Alongside frequent attacks, fighting in Menaka will go on.")
    assert future[-1].evidence.text.startswith("Alongside") and future[-1].date is None
    _document, past = extract("On 3 May 2019, JNIM militants attacked Boni. Alongside frequent attacks, fighting in Menaka went on.")
    assert past[-1].evidence.text.startswith("Alongside") and past[-1].date is not None
    # a subject pronoun and a verb in the third person: what the group does now, or habitually
    _document, habit = extract("On 3 May 2019, JNIM attacked Boni. It commands fighters that enforce blockades of Menaka.")
    assert habit[-1].evidence.text.startswith("It commands") and habit[-1].date is None
    # a verb of saying is the present of the telling, not of the act
    _document, told = extract("On 3 May 2019, JNIM attacked Boni. He says the militants attacked Menaka.")
    assert told[-1].evidence.text.startswith("He says") and told[-1].date is not None


@pytest.mark.parametrize(("text", "start", "end"), [
    # a date naming another act the trigger's act followed: from it to the end of the next period
    ("Amid the chaos that followed a March 2019 coup, JNIM militants captured Boni.", "2019-03-01", "2019-04-30"),
    ("In the wake of the 2018 accord, JNIM militants attacked Boni.", "2018-01-01", "2019-12-31"),
])
def test_events_an_act_after_another_dated_act_gets_a_range(extract, text, start, end):
    _document, events = extract(text)
    event = next(e for e in events if e.event_type != "Strategic developments")
    assert (event.date.start, event.date.end, event.date.precision) == (start, end, "range")


def test_events_a_participle_before_a_place_names_a_result_known_by_the_date(extract):
    # (told with no other act: with one, the sentence tells that act, as the table above checks)
    _document, events = extract("In recaptured Boni, calm returned in May 2019.")
    recaptured = next(e for e in events if e.trigger == "recaptured")
    assert (recaptured.date.start, recaptured.date.end, recaptured.date.precision) == ("2019-01-01", "2019-05-31", "range")
    _document, told = extract("The army recaptured Boni in May 2019.")
    assert (told[0].date.start, told[0].date.precision) == ("2019-05-01", "month")


def test_events_a_date_naming_the_act_itself_still_dates_it(extract):
    _document, events = extract("The militias grew strong following the 2018 coup.")
    assert (events[0].trigger, events[0].date.start, events[0].date.precision) == ("coup", "2018-01-01", "year")


def test_events_an_act_named_again_through_its_owner_is_not_a_new_event(extract):
    told = "On 3 May 2019, the army recaptured Boni."
    between = "On 5 May 2019, JNIM militants attacked Menaka."
    _document, events = extract(f"{told} {between} Following its recapture, Boni remained calm.")
    assert len(events) == 2 and [e.sub_event_type for e in events].count("Government regains territory") == 1
    _document, coups = extract(f"In May 2019, soldiers staged a coup in Bamako. {between} "
                               "The elections are in jeopardy after the military's most recent seizure of power.")
    assert len(coups) == 2 and [e.event_type for e in coups].count("Strategic developments") == 1
    # with nothing told before, or a date of its own, the act stays
    _document, alone = extract("Following its recapture, Boni remained calm.")
    assert len(alone) == 1
    _document, dated = extract(f"{told} Its recapture in June 2019 was quick.")
    assert len(dated) == 2


@pytest.mark.parametrize(("second", "attackers"), [
    ("On 5 May 2019, two soldiers were killed by the attackers near Menaka.", "jnim"),
    ("On 5 May 2019, two soldiers were killed near Menaka.", "jnim"),
    ("On 5 May 2019, two soldiers were killed by gunmen near Menaka.", "gunmen"),
])
def test_events_unnamed_attackers_right_after_a_named_attack_are_the_same(extract, second, attackers):
    _document, events = extract(f"On 3 May 2019, JNIM militants attacked an army post in Boni. {second}")
    assert len(events) == 2 and _role(events[1], "actor1") == [attackers], [(e.sub_event_type, e.rules) for e in events]


def test_events_people_a_protest_is_about_are_not_implied_civilians(extract):
    _document, events = extract("Protesters marched in Bamako against the dismissal of teachers.")
    assert events[0].sub_event_type == "Peaceful protest"
    assert "civilians" not in [actor.id for actor in events[0].actors]


@pytest.mark.parametrize(("text", "acted_upon"), [
    # the force that broke up a crowd, told in the passive or in a clause of its own
    ("On 29 June 2019, a sit-in in Bamako against the massacres was dispersed by the police.", ["police"]),
    ("On 9 May 2019, about 200 people protested in Gao against taxes, and police arrested 17 of them.", ["police"]),
    ("On 9 May 2019, youths rioted in Gao and burned tyres; the army intervened and fired tear gas.", ["army"]),
    # the force the crowd turned on
    ("On 9 May 2019, residents rioted in Kayes against the curfew and two police stations were vandalized.", ["police"]),
    # a protest broken up by no force named was broken up by the police
    ("On 9 May 2019, residents demonstrated in Gao until the crowd was dispersed with tear gas.", ["police"]),
    # a force named for anything else is no side of the crowd
    ("On 9 May 2019, rioters barricaded roads in Gao during anti-government demonstrations.", []),
])
def test_events_the_force_that_handles_a_crowd_is_acted_upon(extract, text, acted_upon):
    _document, events = extract(text)
    assert len(events) == 1, [(e.sub_event_type, e.evidence.text) for e in events]
    assert _role(events[0], "actor2") == acted_upon, (events[0].sub_event_type, events[0].rules)


@pytest.mark.parametrize("text", [
    "After talks stalled with the Malian army, the MNLA attacked Boni on 9 May 2019.",
    # the clause closes at the comma after its verb, not at a list before it
    "After Iyad Ag Ghali, JNIM and others were named in talks with the Malian army, the MNLA attacked Boni on 9 May 2019.",
])
def test_events_a_side_closing_an_opening_clause_is_not_listed_with_the_subject(extract, text):
    _document, events = extract(text)
    attack = events[-1]
    assert _role(attack, "actor1") == ["mnla"] and "mali-army" not in _role(attack, "assoc_actor_1"), attack.rules


def test_events_a_side_in_an_opening_phrase_does_not_act_in_the_toll_after(extract):
    # the sentence before a bare toll lends it the side it says acted, not one named in the
    # phrase it opens with
    _document, events = extract("Despite the presence of French forces, the situation worsened in Boni on 9 May 2019. "
                                "Two civilians were killed.")
    assert len(events) == 1 and "france" not in [actor.id for actor in events[0].actors], events[0].rules


@pytest.mark.parametrize(("text", "count"), [
    # a count of acts tells none of them
    ("MINUSMA is the most dangerous mission in Mali due to the high number of attacks on peacekeepers.", 0),
    ("Residents of Boni reported a rise in abductions by JNIM militants.", 0),
    ("Despite the presence of MINUSMA, JNIM attacks and reprisal killings increased in Boni last year.", 0),
    # a count of people is a crowd that acts
    ("On 9 May 2019, a number of demonstrators marched in Gao.", 1),
])
def test_events_a_count_of_acts_is_no_event(extract, text, count):
    _document, events = extract(text)
    assert len(events) == count, [(e.sub_event_type, e.trigger) for e in events]


@pytest.mark.parametrize(("second", "place"), [
    ("The village had been besieged by JNIM militants.", "boni"),
    ("JNIM militants had besieged Menaka.", "menaka"),
])
def test_events_a_sentence_pointing_back_takes_the_place_before(extract, second, place):
    _document, events = extract(f"On 3 May 2019, soldiers lifted the siege of Boni. {second}")
    besieged = events[-1]
    assert besieged.location is not None and besieged.location.id == place, besieged.rules


@pytest.mark.parametrize(("first", "place"), [
    # a sentence telling no act of its own sets the scene for the act after it
    ("Tension was high in Boni on 3 May 2019.", "boni"),
    # not a list of regions
    ("Tension was high across the Menaka and Mopti regions on 3 May 2019.", None),
])
def test_events_a_sentence_without_an_act_sets_the_scene(extract, first, place):
    _document, events = extract(f"{first} Two civilians were killed by gunmen.")
    killed = events[-1]
    assert killed.evidence.text.startswith("Two civilians")
    assert (killed.location.id if killed.location else None) == place, killed.rules


@pytest.mark.parametrize(("text", "place"), [
    # … or after it, when the act's own sentence names no place
    # (bodies discovered are an act of their own now: a sentence of officials' word is none)
    ("Five soldiers were reported killed by gunmen. The toll was confirmed by officials in Boni.", "boni"),
    # not over a paragraph break
    ("Five soldiers were reported killed by gunmen.\n\nThe toll was confirmed by officials in Boni.", None),
])
def test_events_a_sentence_without_an_act_after_it_sets_the_scene(extract, text, place):
    _document, events = extract(text)
    assert (events[0].location.id if events[0].location else None) == place, events[0].rules


@pytest.mark.parametrize(("text", "place"), [
    # a place named in square brackets after another is the editor's identification of it
    ("On 9 May 2019, gunmen attacked the village of Konna [Boni] and killed two civilians.", "boni"),
    ("On 9 May 2019, gunmen attacked the area of 'Tassaga' [Boni] and killed two civilians.", "boni"),
    # round brackets give its units
    ("On 9 May 2019, gunmen attacked the village of Konna (Mopti) and killed two civilians.", "konna"),
    # a region, then where in it
    ("A convoy hit a mine in the Kidal region between Aguelhok and Tessalit.", "aguelhok"),
    # (or a place that owns the one after it)
    ("A convoy hit a mine in Gao's Aguelhok area.", "aguelhok"),
    ("A convoy hit a mine in the Kidal region near Gao.", "kidal-region"),
    # the seat of an office is no scene while the sentence names another place
    ("Gunmen killed the mayor of Boni at his home in Konna.", "konna"),
    ("Gunmen killed the mayor of Boni.", "boni"),
])
def test_events_the_most_telling_place_of_a_sentence(extract, text, place):
    _document, events = extract(text)
    assert events[0].location is not None and events[0].location.id == place, events[0].rules


@pytest.mark.parametrize(("text", "precision", "near"), [
    ("Gunmen attacked the village of Zzyzx near Boni.", "approximate", "boni"),
    ("Gunmen attacked the village of Zzyzx (Kidal Region).", "admin1", "kidal-region"),
    ("Gunmen attacked the village of Zzyzx.", "country", "mali"),
])
def test_events_an_unresolved_place_keeps_its_name_at_the_unit_that_holds_it(extract, gazetteer, text, precision, near):
    _document, events = extract(text)
    location = events[0].location
    stand_in = gazetteer.places[near]
    assert (location.id, location.name, location.precision) == ("unresolved-zzyzx", "Zzyzx", precision)
    assert (location.lat, location.lon) == (stand_in.lat, stand_in.lon)


def test_events_same_named_places_nothing_tells_apart_keep_their_name_at_their_region(extract, gazetteer):
    _document, events = extract("Gunmen attacked the village of Twinkel.")
    location, region = events[0].location, gazetteer.places["kidal-region"]
    assert (location.id, location.name, location.precision, location.admin1) == ("unresolved-twinkel", "Twinkel", "admin1", "Kidal")
    assert (location.lat, location.lon) == (region.lat, region.lon)
    # (a place near one of them tells them apart)
    _document, events = extract("Gunmen attacked the village of Twinkel near Tessalit.")
    assert events[0].location.id == "twinkel-north"


@pytest.mark.parametrize(("text", "expected"), [
    # an identity group's occupation, from the month its membership starts in
    ("On 20 August 2020, gunmen killed two Dogon men near Boni.", {"dogon", "farmers"}),
    ("On 20 March 2020, gunmen killed two Dogon men near Boni.", {"dogon"}),
    ("On 20 August 2021, gunmen killed two Dogon men near Boni.", {"dogon", "farmers"}),
    # (not with the date unknown, as the membership says; nor for a side with an occupation of its own)
    ("Gunmen killed two Dogon men near Boni.", {"dogon"}),
    ("On 20 August 2020, gunmen killed a Dogon herder near Boni.", {"dogon", "herders"}),
    # a named organisation's too: the ICRC's staff are aid workers
    ("On 20 August 2020, gunmen seized an ICRC vehicle near Boni.", {"icrc", "aid-workers"}),
])
def test_events_an_identity_groups_occupation_is_associated_as_its_membership_says(extract, text, expected):
    _document, events = extract(text)
    assert {actor.id for actor in events[0].actors if actor.role == "assoc_actor_2"} == expected


def test_events_an_identity_militias_occupation_is_associated_implied(gazetteer, gazetteer_dir):
    from models.gazetteer import Membership

    militia = gazetteer.actors["fulani-militia"]
    gazetteer.actors["fulani-militia"] = militia.model_copy(update={"memberships": [
        Membership.model_validate({"group": "herders", "coded_as_parent": False})]})
    try:
        document, sentences = make_document("On 20 August 2020, Fulani militiamen killed two villagers near Boni.")
        mentions = EntityRecognizer(gazetteer)(document, sentences)
        dates = normalise_dates(document.body, sentences, document.published, document.language)
        events = EventAssembler(gazetteer, gazetteer_dir=gazetteer_dir)(document, sentences, mentions, dates)
    finally:
        gazetteer.actors["fulani-militia"] = militia
    (herders,) = [actor for actor in events[0].actors if actor.id == "herders"]
    assert (herders.role, herders.implied, herders.text) == ("assoc_actor_1", True, "")
    assert "implied:assoc_actor_1=herders" in events[0].rules


def test_events_an_undated_member_keeps_its_name_when_its_memberships_disagree(gazetteer, gazetteer_dir):
    from models.gazetteer import Membership
    from pipeline.events import _Role

    mnla = gazetteer.actors["mnla"]
    gazetteer.actors["mnla"] = mnla.model_copy(update={"memberships": [
        Membership.model_validate({"group": "cma", "from": 2014, "to": 2022, "coded_as_parent": False}),
        Membership.model_validate({"group": "cma", "from": 2023}),
    ]})
    try:
        assembler = EventAssembler(gazetteer, gazetteer_dir=gazetteer_dir)
        acting = [_Role("mnla", "actor1", "MNLA")]
        undated = assembler._promote_members(acting, None)
        in_2023 = assembler._promote_members(acting, 2023)
        in_2016 = assembler._promote_members(acting, 2016)
    finally:
        gazetteer.actors["mnla"] = mnla
    assert [(r.actor_id, r.role) for r in undated] == [("mnla", "actor1")]
    assert [(r.actor_id, r.role) for r in in_2023] == [("cma", "actor1"), ("mnla", "assoc_actor_1")]
    assert [(r.actor_id, r.role) for r in in_2016] == [("mnla", "actor1")]
    # a member whose memberships agree is coded as its parent even undated (a JNIM brigade)
    assert [r.actor_id for r in assembler._promote_members([_Role("katiba-macina", "actor1", "Katiba Macina")], None)] == ["jnim", "katiba-macina"]


def test_events_a_membership_not_assumed_undated_needs_the_year_or_the_parent_named(gazetteer, gazetteer_dir):
    from models.gazetteer import Membership
    from pipeline.events import _Role

    macina = gazetteer.actors["katiba-macina"]
    gazetteer.actors["katiba-macina"] = macina.model_copy(update={"memberships": [
        Membership.model_validate({"group": "jnim", "from": 2017, "undated": False}),
    ]})
    try:
        assembler = EventAssembler(gazetteer, gazetteer_dir=gazetteer_dir)
        acting = [_Role("katiba-macina", "actor1", "Katiba Macina")]
        undated = assembler._promote_members(acting, None)
        in_2019 = assembler._promote_members(acting, 2019)
        # "Katiba Macina (JNIM) militants": the text tells of the membership
        named = assembler._promote_members([*acting, _Role("jnim", "assoc_actor_1", "JNIM")], None)
    finally:
        gazetteer.actors["katiba-macina"] = macina
    assert [(r.actor_id, r.role) for r in undated] == [("katiba-macina", "actor1")]
    assert [(r.actor_id, r.role) for r in in_2019] == [("jnim", "actor1"), ("katiba-macina", "assoc_actor_1")]
    assert [(r.actor_id, r.role) for r in named] == [("jnim", "actor1"), ("katiba-macina", "assoc_actor_1")]


def test_events_adjacent_acts_on_different_dates_stay_apart(extract):
    _document, events = extract("JNIM militants attacked an army post in Boni on 3 May 2019. "
                                "JNIM militants attacked an army post in Boni on 9 May 2019.")
    assert [event.date.start for event in events] == ["2019-05-03", "2019-05-09"]


@pytest.mark.parametrize(
    ("text", "north", "east", "precision"),
    [
        ("On 12 May 2019, gunmen killed two traders 50km north of Menaka.", 0.449, 0.0, "approximate"),
        ("On 12 May 2019, gunmen killed two traders 30 km east of Menaka.", 0.0, 0.28, "approximate"),
        ("On 12 May 2019, gunmen killed two traders in Menaka.", 0.0, 0.0, "point"),
    ],
)
def test_events_location_moved_by_distance_and_bearing(extract, gazetteer, text, north, east, precision):
    _document, (event,) = extract(text)
    menaka = gazetteer.places["menaka"]
    assert event.location.precision == precision
    assert event.location.lat - menaka.lat == pytest.approx(north, abs=0.01)
    assert event.location.lon - menaka.lon == pytest.approx(east, abs=0.01)


def test_events_a_new_paragraph_naming_its_own_sides_is_its_own_event(extract):
    text = "On 9 May 2019, JNIM militants attacked soldiers near Boni.\n\nThe MOJWA also attacked soldiers."
    _, events = extract(text)
    assert [_role(event, "actor1") for event in events] == [["jnim"], ["mojwa"]]
    # (a bare toll in the next paragraph still joins the act it counts)
    _, events = extract("On 9 May 2019, JNIM militants attacked soldiers near Boni.\n\nThree soldiers were killed.")
    assert len(events) == 1 and events[0].fatalities is not None and events[0].fatalities.min == 3


def test_events_dying_of_wounds_later_is_the_toll_of_the_act_told(extract):
    # the death, on a date of its own, adds to the toll of the act; the wounds tell no new act
    _document, events = extract("On 3 May 2019, an IED wounded two French soldiers near Menaka. "
                                "One of the soldiers succumbed to his wounds in hospital on 9 May. "
                                "The device was planted by ISGS militants.")
    assert len(events) == 1, [(e.sub_event_type, e.trigger) for e in events]
    assert events[0].fatalities is not None and events[0].fatalities.min == 1
    assert _role(events[0], "actor1") == ["isgs"]


@pytest.mark.parametrize(("second", "aqim"), [
    # a group named only as the side a news medium is with is no party to the act
    ("The AQIM-linked Thabat News Agency attributed the attack to JNIM.", False),
    ("Pro-AQIM Thabat Agency attributed the attack to JNIM.", False),
    # named as claiming the act, it is one
    ("AQIM claimed the attack.", True),
])
def test_events_a_group_qualifying_a_news_medium_is_no_actor(extract, second, aqim):
    _document, events = extract(f"On 9 May 2019, JNIM militants ambushed soldiers near Boni. {second}")
    assert len(events) == 1 and _role(events[0], "actor1") == ["jnim"]
    assert ("aqim" in {actor.id for actor in events[0].actors}) == aqim, [(a.role, a.id) for a in events[0].actors]


def test_events_a_headline_restating_the_lead_is_not_a_second_event(extract):
    text = ("Mali: attack on army post kills ten in the centre\n\n"
            "On 3 June 2019, gunmen attacked the army post of Boni. Ten soldiers were killed.\n")
    _document, events = extract(text)
    assert [(e.event_type, e.fatalities.min) for e in events] == [("Battles", 10)]
    assert any(rule.startswith("restated:heading") for rule in events[0].rules)
    # a headline about another act stays an event of its own
    _document, events = extract("Mali: protesters march in Bamako against insecurity\n\n"
                                "On 3 June 2019, gunmen attacked the army post of Boni. Ten soldiers were killed.\n")
    assert sorted(e.event_type for e in events) == ["Battles", "Protests"]


@pytest.mark.parametrize(
    ("text", "acting", "associated"),
    [
        # the story names the parent: the membership holds, whatever the year
        ("On 9 May, presumed al-Mourabitoun militants shelled the MINUSMA base in Aguelhok. JNIM claimed responsibility.",
         "jnim", {"al-mourabitoun"}),
        # the parent unnamed: the membership is not assumed without a year
        ("On 9 May, presumed al-Mourabitoun militants shelled the MINUSMA base in Aguelhok.", "al-mourabitoun", set()),
        # an allegiance adjective names no parent at work
        ("On 9 May, presumed al-Mourabitoun militants shelled the MINUSMA base in Aguelhok, 'JNIM affiliated' media said.",
         "al-mourabitoun", set()),
        # the year known decides (the merger came in 2017)
        ("On 9 May 2015, presumed al-Mourabitoun militants shelled the MINUSMA base in Aguelhok. JNIM claimed responsibility.",
         "al-mourabitoun", set()),
    ],
)
def test_events_an_undated_story_naming_the_parent_group_codes_its_member_as_the_parent(extract, text, acting, associated):
    _, events = extract(text, published=None)
    assert _role(events[0], "actor1") == [acting], events[0].rules
    assert set(_role(events[0], "assoc_actor_1")) == associated
    assert _role(events[0], "actor2") == ["minusma"]


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        # the attackers named before are carried to an act told right after with none of its own …
        ("On 9 May 2019, JNIM militants attacked soldiers near Boni. The next day, a convoy hit a mine near Kidal.", True),
        # … not to one told as a separate incident
        ("On 9 May 2019, JNIM militants attacked soldiers near Boni. In a separate incident, a convoy hit a mine "
         "near Kidal the next day.", False),
    ],
)
def test_events_attackers_are_not_carried_to_a_separate_incident(extract, text, carried):
    _, events = extract(text)
    assert len(events) == 2
    assert (_role(events[1], "actor1") == ["jnim"]) is carried, events[1].rules


def test_events_a_reaction_to_an_act_lends_no_attackers_to_the_next(extract):
    # "ECOWAS condemned the attack" tells no act of its own, so ECOWAS attacks nobody after it
    _, events = extract("On 9 May 2019, gunmen attacked soldiers near Boni. ECOWAS condemned the attack. "
                        "The next day, a convoy hit a mine near Kidal.")
    assert len(events) == 2
    assert "ecowas" not in {actor.id for event in events for actor in event.actors}


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a paragraph that opens with the attackers as ones already told retells their act, at the
        # finer place it gives, whoever it names as claiming it
        ("On 9 May 2019, gunmen killed five soldiers in an attack in Mali.\n"
         "The assailants, riding motorbikes, stormed the post near Boni before dawn. JNIM claimed responsibility.", 1),
        # not an act at another place and time
        ("On 9 May 2019, gunmen killed five soldiers in an attack in Mali.\n"
         "The assailants attacked Kidal on 20 May 2019.", 2),
    ],
)
def test_events_a_paragraph_opening_with_the_attackers_told_retells_their_act(extract, text, events):
    _, found = extract(text)
    assert len(found) == events, [(e.event_type, e.rules) for e in found]
    if events == 1:
        assert _role(found[0], "actor1") == ["jnim"] and found[0].location.id == "boni"
        assert found[0].fatalities.min == 5
