"""Tests of the date stage: expressions in context, the story clock, filters, errors, evaluation.

Every sentence here is written for the tests. In a case text, [[...]] marks the expression
under test (the markers are removed before the text is read); earlier sentences and heading
lines set the story clock it resolves against.
"""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from models.document import Sentence
from models.mention import TimeExpression
from pipeline.dates import (
    DateSettings,
    DateSettingsError,
    TimeVocabularyError,
    load_time_vocabulary,
    normalise_dates,
    parse_date_text,
)
from pipeline.evaluation.timex import evaluate_timex, timex_value, timex_value_at
from pipeline.sentences import split_sentences

P = "2024-03-22"  # a Friday


def _read(marked: str, published: str, language: str):
    body = marked.replace("[[", "").replace("]]", "")
    start = marked.index("[[")
    end = marked.index("]]") - 2
    anchor = date.fromisoformat(published) if published else None
    analysis = normalise_dates(body, split_sentences(body, language), anchor, language)
    return body, (start, end), analysis


def case(language, published, text, start=None, end=None, precision=None, role="event", id=None):
    return pytest.param(language, published, text, start, end, precision, role, id=id)


# language, published, text with [[target]], expected start, end, precision (, role)
FOUND = [
    # full dates, ordinals and their typos
    case("en", P, "The MNLA attacked Aguelhok on [[17 January 2012]].", "2012-01-17", "2012-01-17", "day"),
    case("en", P, "Fighters entered Gao on [[January 17th 2012]].", "2012-01-17", "2012-01-17", "day"),
    case("en", P, "The ceasefire collapsed on [[May 21, 2014]] after an ambush.", "2014-05-21", "2014-05-21", "day"),
    case("en", P, "The convoy was ambushed on the [[3rd of March 2015]] near Anefis.", "2015-03-03", "2015-03-03", "day"),
    case("en", P, "A mine exploded on [[Tuesday, 5 March 2013]] near Tessalit.", "2013-03-05", "2013-03-05", "day"),
    case("en", P, "In April 2022 the junta expelled the envoy. Clashes erupted near Gao on [[September 22th]].", "2022-09-22", "2022-09-22", "day"),
    case("en", P, "Peacekeepers were attacked in Kidal on [[Feb. 3, 2016]].", "2016-02-03", "2016-02-03", "day"),
    case("en", P, "In 2019 the militia expanded. It raided Ogossagou on [[June 1st]].", "2019-06-01", "2019-06-01", "day"),
    case("en", P, "Gunmen struck Boulkessi on [[August 2nd, 2018]].", "2018-08-02", "2018-08-02", "day"),
    case("en", P, "The accord was signed on [[October 23rd 2013]] in Ouagadougou.", "2013-10-23", "2013-10-23", "day"),
    case("en", P, "A suicide bomber hit the camp on [[1st July 2017]].", "2017-07-01", "2017-07-01", "day"),
    case("en", P, "The report is dated [[14/02/2017]].", "2017-02-14", "2017-02-14", "day"),
    case("en", P, "The decree of [[2015-06-20]] created the region.", "2015-06-20", "2015-06-20", "day"),
    case("en", P, "Voting took place on [[12–14 August 2018]] across the north.", "2018-08-12", "2018-08-14", "range"),
    case("en", P, "Talks were held on [[July 18–20, 2015]] in Algiers.", "2015-07-18", "2015-07-20", "range"),
    case("en", P, "Updated: [[Mar 22]]", "2024-03-22", "2024-03-22", "day"),
    # month and year
    case("en", P, "French troops intervened in [[January 2013]].", "2013-01-01", "2013-01-31", "month"),
    case("en", P, "A coup followed in [[March of 2012]].", "2012-03-01", "2012-03-31", "month"),
    case("en", P, "Weapons were seized in the [[May 2014]] raid on Kidal.", "2014-05-01", "2014-05-31", "month"),
    case("en", P, "Talks resumed in [[Sept. 2014]] in Algiers.", "2014-09-01", "2014-09-30", "month"),
    case("en", P, "Elections were postponed to [[February 2024]].", "2024-02-01", "2024-02-29", "month"),
    case("en", P, "The group was founded in [[2014]].", "2014-01-01", "2014-12-31", "year"),
    case("en", P, "[[2019]] was the deadliest year for civilians in Mopti.", "2019-01-01", "2019-12-31", "year"),
    case("en", P, "Both sides rejected the [[2015]] Algiers Accord.", "2015-01-01", "2015-12-31", "year"),
    case("en", P, "Rebels rose against the state in 1963, [[1990]], and 2006.", "1990-01-01", "1990-12-31", "year"),
    # decades and centuries
    case("en", P, "Rebellions recurred in the [[1990s]] across the north.", "1990-01-01", "1999-12-31", "range"),
    case("en", P, "Veterans of the [[’90s]] rebellion joined the movement.", "1990-01-01", "1999-12-31", "range"),
    case("en", P, "Iyad Ag Ghali has been a rebel leader since the [[‘90s]].", "1990-01-01", P, "range", "since"),
    case("en", P, "Smuggling grew in the [[early 2000s]].", "2000-01-01", "2003-12-31", "range"),
    case("en", P, "Drought struck the Sahel in the [[late 1980s]].", "1986-01-01", "1989-12-31", "range"),
    case("en", P, "The claim dates back to the [[1960s]] and decolonisation.", "1960-01-01", "1969-12-31", "range"),
    case("en", P, "Tuareg autonomy has been claimed since the [[1960s]].", "1960-01-01", P, "range", "since"),
    case("en", P, "Borders were drawn in the [[twentieth century]].", "1900-01-01", "1999-12-31", "range"),
    case("en", P, "Caravans crossed the desert in the [[19th century]].", "1800-01-01", "1899-12-31", "range"),
    # fuzzy parts of a month, year or decade
    case("en", P, "Rebels clashed with soldiers in [[mid-May 2014]] in Kidal.", "2014-05-11", "2014-05-20", "range"),
    case("en", P, "The MNLA fought the army throughout [[early 2012]].", "2012-01-01", "2012-04-30", "range"),
    case("en", P, "The mission withdrew in [[late-2023]].", "2023-09-01", "2023-12-31", "range"),
    case("en", P, "Goita became president in [[mid-2021]].", "2021-05-01", "2021-08-31", "range"),
    case("en", P, "Wagner arrived at [[the end of 2021]].", "2021-09-01", "2021-12-31", "range"),
    case("en", P, "Recruitment rose at [[the beginning of 2015]].", "2015-01-01", "2015-04-30", "range"),
    case("en", P, "Attacks doubled in [[the first half of 2013]].", "2013-01-01", "2013-06-30", "range"),
    case("en", P, "Patrols resumed in [[the second half of 2016]].", "2016-07-01", "2016-12-31", "range"),
    case("en", P, "The coup took place in [[late May 2021]].", "2021-05-21", "2021-05-31", "range"),
    case("en", P, "France announced its withdrawal in [[mid-February 2022]].", "2022-02-11", "2022-02-20", "range"),
    case("en", P, "Fighting spread in [[the middle of 2017]].", "2017-05-01", "2017-08-31", "range"),
    case("en", P, "The rains ended in 2016. Fighting resumed in [[early December]].", "2016-12-01", "2016-12-10", "range"),
    case("en", P, "In June 2013 a deal was signed. It collapsed at [[the end of the year]].", "2013-09-01", "2013-12-31", "range"),
    case("en", P, "In mid-2023 the junta asked the UN to leave by [[year’s end]].", "2023-09-01", "2023-12-31", "range", "until"),
    case("en", P, "Shelling intensified in [[late 2023]] around Kidal.", "2023-09-01", "2023-12-31", "range"),
    # seasons
    case("en", P, "The offensive began in the [[summer of 2012]].", "2012-06-01", "2012-08-31", "season"),
    case("en", P, "Herders moved south during [[winter 2015]].", "2015-12-01", "2016-02-29", "season"),
    case("en", "2013-03-22", "A New York man faked his death [[last summer]].", "2012-06-01", "2012-08-31", "season"),
    case("en", P, "In 2018 the army redeployed. Fresh clashes came in [[spring]].", "2018-03-01", "2018-05-31", "season"),
    case("en", P, "Talks stalled in [[autumn 2019]].", "2019-09-01", "2019-11-30", "season"),
    # ranges and spans
    case("en", P, "Jihadists fought between [[September 2022 and July 2023]] in Menaka.", "2022-09-01", "2023-07-31", "range"),
    case("en", P, "The blockade lasted from [[2013 to 2015]].", "2013-01-01", "2015-12-31", "range"),
    case("en", P, "Tuareg rebels clashed with the army between [[2013-2014]].", "2013-01-01", "2014-12-31", "range"),
    case("en", P, "The coalition ruled the north in [[2012–17]].", "2012-01-01", "2017-12-31", "range"),
    case("en", P, "Rebels fought Mali and Niger between [[1990–95]].", "1990-01-01", "1995-12-31", "range"),
    case("en", P, "The expedition of [[1957-58]] crossed the ice.", "1957-01-01", "1958-12-31", "range"),
    case("en", P, "[[January–May 2012]]\nOn April 6th the MNLA declared independence.", "2012-01-01", "2012-05-31", "range"),
    case("en", P, "[[June–December 2012]]\nThe Islamists expelled the MNLA from Gao.", "2012-06-01", "2012-12-31", "range"),
    case("en", P, "In 2023 the UN began to withdraw. Camps were handed over between [[September and October]].", "2023-09-01", "2023-10-31", "range"),
    case("en", P, "From [[late 2023 into 2024]], drones struck Kidal.", "2023-09-01", "2024-12-31", "range"),
    case("en", P, "The siege lasted from [[March to June 2015]].", "2015-03-01", "2015-06-30", "range"),
    case("en", P, "Operations ran from [[November 2012 until January 2013]].", "2012-11-01", "2013-01-31", "range"),
    case("en", P, "Famine threatened Gao in [[December 2012–February 2013]].", "2012-12-01", "2013-02-28", "range"),
    case("en", P, "Formation & Breakdown ([[2020-present]])\nThe army returned to Kidal.", "2020-01-01", P, "range"),
    case("en", P, "Violence has grown from [[2012 to the present day]].", "2012-01-01", P, "range"),
    case("en", P, "Jihadists attacked the CSP between [[2021 and 2023]].", "2021-01-01", "2023-12-31", "range"),
    case("en", P, "French forces led operations from [[2012–2022]].", "2012-01-01", "2022-12-31", "range"),
    case("en", P, "Peace Talks ([[2013-2019]])\nThe MNLA signed a deal.", "2013-01-01", "2019-12-31", "range"),
    case("en", P, "Tuareg-Islamist Rebellion ([[2012]])\nThe MNLA attacked.", "2012-01-01", "2012-12-31", "year"),
    # roles: since / until
    case("en", P, "The CMA has controlled territory since [[2012]].", "2012-01-01", P, "range", "since"),
    case("en", P, "Peace talks continued until [[2023]].", "2023-01-01", "2023-12-31", "year", "until"),
    case("en", P, "Armed politics had replaced war by [[December 2015]].", "2015-12-01", "2015-12-31", "month", "until"),
    case("en", "2022-05-12", "Troops have been deployed since [[July 2014]].", "2014-07-01", "2022-05-12", "range", "since"),
    case("en", P, "Violence increased from [[2016]] onwards.", "2016-01-01", P, "range", "since"),
    case("en", P, "Gaddafi armed the rebels before [[2012]].", "2012-01-01", "2012-12-31", "year", "until"),
    case("en", P, "In December 2023 the CSP blockaded Timbuktu. JNIM had done so since [[August]].", "2023-08-01", P, "range", "since"),
    case("en", P, "A merger had been a priority since at least [[2019]].", "2019-01-01", P, "range", "since"),
    case("en", P, "The movement was tolerated up to [[2010]].", "2010-01-01", "2010-12-31", "year", "until"),
    case("en", P, "By [[April 2012]] the rebels held the north.", "2012-04-01", "2012-04-30", "month", "until"),
    # the story clock
    case("en", P, "After the CMA called for help in November 2022, vehicles gathered [[the following March]].", "2023-03-01", "2023-03-31", "month"),
    case("en", P, "From late 2023 into 2024, drones struck Kidal.\nIn September, the CSP accused the junta. [[Later that month]], the CMA declared war.", "2023-09-01", "2023-09-30", "month"),
    case("en", P, "The MSA split in 2017. [[That year]] a rival coalition formed.", "2017-01-01", "2017-12-31", "year"),
    case("en", P, "A convoy was hit on 4 June 2014. [[Two days later]] the army withdrew.", "2014-06-06", "2014-06-06", "day"),
    case("en", P, "The MAA occupied Ber on April 26th 2012 before withdrawing [[the next day]].", "2012-04-27", "2012-04-27", "day"),
    case("en", P, "Gao was shelled on 3 May 2015. Kidal was hit [[the same day]].", "2015-05-03", "2015-05-03", "day"),
    case("en", P, "Throughout 2023 the junta tightened its grip. In [[February]], the groups merged.", "2023-02-01", "2023-02-28", "month"),
    case("en", P, "January–May 2012\nOn [[April 6th]], the MNLA declared independence.", "2012-04-06", "2012-04-06", "day"),
    case("en", P, "The talks opened in 2015. [[The next year]] they stalled.", "2016-01-01", "2016-12-31", "year"),
    case("en", P, "Kidal fell in March 2016. It was retaken [[the following year]].", "2017-01-01", "2017-12-31", "year"),
    case("en", P, "An MNLA meeting took place in October 2011. [[Earlier that year]] veterans returned from Libya.", "2011-01-01", "2011-09-30", "range"),
    case("en", P, "The army entered Menaka in May 2018. [[Later that year]] it left.", "2018-06-01", "2018-12-31", "range"),
    case("en", P, "Elections were held in 2014. [[The previous year]] the French had arrived.", "2013-01-01", "2013-12-31", "year"),
    case("en", P, "A camp was attacked on 10 March 2016. [[A week later]] patrols resumed.", "2016-03-14", "2016-03-20", "week"),
    case("en", P, "Serval began in January 2013. [[Three months later]] MINUSMA was created.", "2013-04-01", "2013-04-30", "month"),
    # days or weeks after a span coarser than them move the whole span
    case("en", P, "Gunmen raided Sinda in early January 2020. [[Two weeks later]] militiamen burned Siba.", "2020-01-15", "2020-01-24", "range"),
    case("en", P, "Rebels took Gao in September 2012. [[Two days later]] they took Kidal.", "2012-09-03", "2012-10-02", "range"),
    case("en", P, "The deal was signed on 5 May 2013 but fighting had resumed [[the day before]].", "2013-05-04", "2013-05-04", "day"),
    case("en", P, "Peace Talks (2013-2019)\nThe MNLA refused to disarm but in [[June]], signed a deal.", "2013-06-01", "2013-06-30", "month"),
    case("en", P, "Conflict broke out in June 2012. On [[June 27th]], MOJWA captured the city.", "2012-06-27", "2012-06-27", "day"),
    case("en", P, "CSP forces fought IS-GS in June 2022. In [[August]], the government met the CSP.", "2022-08-01", "2022-08-31", "month"),
    case("en", P, "Protests broke out on 1 May 2014. [[That day]] three people died.", "2014-05-01", "2014-05-01", "day"),
    case("en", P, "On April 6th 2012 independence was declared. This was followed by a declaration on [[May 26th]].", "2012-05-26", "2012-05-26", "day"),
    case("en", P, "The group grew in 2016. In [[May]], it attacked Menaka.", "2016-05-01", "2016-05-31", "month"),
    case("en", P, "On 20 October 2013 the army entered Kidal. In [[March]], rebels had left the town.", "2013-03-01", "2013-03-31", "month"),
    case("en", P, "On 20 October 2013 the army entered Kidal. Rebels returned [[the following March]].", "2014-03-01", "2014-03-31", "month"),
    case("en", P, "A patrol was ambushed on 3 June 2014. [[Later that month]] the base was shelled.", "2014-06-04", "2014-06-30", "range"),
    case("en", P, "Troops were deployed in 2015. On the 9th of June 2015, they moved. The town fell in 2015 and [[two days later]] it was retaken.", "2015-06-11", "2015-06-11", "day"),
    case("en", P, "On 5 March 2013 rebels entered Gao. On [[Thursday]] they left the town.", "2013-03-07", "2013-03-07", "day"),
    # the publication date
    case("en", P, "Gunmen killed six herders [[yesterday]].", "2024-03-21", "2024-03-21", "day"),
    case("en", P, "Drones struck a wedding [[last week]], officials said.", "2024-03-11", "2024-03-17", "week"),
    case("en", P, "The junta dissolved the parties on [[Tuesday]].", "2024-03-19", "2024-03-19", "day"),
    case("en", P, "Attacks have risen sharply [[this year]].", "2024-01-01", "2024-12-31", "year"),
    case("en", P, "Violence increased across Mali [[last year]].", "2023-01-01", "2023-12-31", "year"),
    case("en", P, "Elections will be held [[next year]].", "2025-01-01", "2025-12-31", "year"),
    case("en", P, "The camp was abandoned [[two years ago]].", "2022-01-01", "2022-12-31", "year"),
    case("en", P, "The road was closed [[last month]].", "2024-02-01", "2024-02-29", "month"),
    case("en", P, "The accord was terminated [[earlier this year]].", "2024-01-01", "2024-03-21", "range"),
    case("en", "2013-03-22", "He was reported missing [[last July]].", "2012-07-01", "2012-07-31", "month"),
    case("en", P, "A curfew was declared [[today]] in Gao.", P, P, "day"),
    case("en", P, "Three soldiers died [[three days ago]].", "2024-03-19", "2024-03-19", "day"),
    case("en", P, "Prices doubled [[this month]] in Bamako.", "2024-03-01", "2024-03-31", "month"),
    case("en", P, "In [[September]], the army returned to Kidal.", "2023-09-01", "2023-09-30", "month"),
    case("en", P, "The vote will be held in [[July]], the junta said.", "2024-07-01", "2024-07-31", "month"),
    case("en", P, "A bus hit a mine [[last Friday]].", "2024-03-15", "2024-03-15", "day"),
    case("en", P, "Talks are set to resume [[tomorrow]].", "2024-03-23", "2024-03-23", "day"),
    case("en", P, "The militia split [[late last year]].", "2023-09-01", "2023-12-31", "range"),
    case("en", P, "Four attacks were recorded [[this week]].", "2024-03-18", "2024-03-24", "week"),
    case("en", "2013-03-22", "The agency expects a deficit [[this fiscal year]].", "2013-01-01", "2013-12-31", "year"),
    # French
    case("fr", P, "Le MNLA a attaqué Aguelhok le [[18 janvier 2012]].", "2012-01-18", "2012-01-18", "day"),
    case("fr", P, "En 2013, l'armée a repris Gao. Le [[3 mars]], un attentat a frappé la ville.", "2013-03-03", "2013-03-03", "day"),
    case("fr", P, "Le HCUA a été créé le [[1er mai 2013]].", "2013-05-01", "2013-05-01", "day"),
    case("fr", P, "La MINUSMA s'est retirée [[fin 2023]].", "2023-09-01", "2023-12-31", "range"),
    case("fr", P, "Les pourparlers ont repris [[début 2013]].", "2013-01-01", "2013-04-30", "range"),
    case("fr", P, "Des combats ont eu lieu [[mi-mai 2014]] à Kidal.", "2014-05-11", "2014-05-20", "range"),
    case("fr", P, "Le coup d'État a eu lieu en [[mars 2012]].", "2012-03-01", "2012-03-31", "month"),
    case("fr", P, "L'accord a été signé en [[2015]].", "2015-01-01", "2015-12-31", "year"),
    case("fr", P, "Les négociations ont commencé en 2015. [[L'année suivante]], elles ont échoué.", "2016-01-01", "2016-12-31", "year"),
    case("fr", P, "Le MAA a occupé Ber le 26 avril 2012 et s'est retiré [[le lendemain]].", "2012-04-27", "2012-04-27", "day"),
    case("fr", P, "L'accord a été signé le 5 mai 2013, mais les combats avaient repris [[la veille]].", "2013-05-04", "2013-05-04", "day"),
    case("fr", P, "La CMA contrôle Kidal depuis [[2012]].", "2012-01-01", P, "range", "since"),
    case("fr", P, "Les patrouilles ont duré jusqu'en [[2015]].", "2015-01-01", "2015-12-31", "year", "until"),
    case("fr", P, "Des affrontements ont eu lieu entre [[2013 et 2015]].", "2013-01-01", "2015-12-31", "range"),
    case("fr", P, "Les rebelles ont tenu le nord de [[janvier à mai 2012]].", "2012-01-01", "2012-05-31", "range"),
    case("fr", P, "Les violences ont augmenté [[l'année dernière]].", "2023-01-01", "2023-12-31", "year"),
    case("fr", P, "Six éleveurs ont été tués [[hier]] près de Ménaka.", "2024-03-21", "2024-03-21", "day"),
    case("fr", P, "Un drone a frappé un mariage [[la semaine dernière]].", "2024-03-11", "2024-03-17", "week"),
    case("fr", P, "En juin 2013, un accord a été signé. Il s'est effondré [[à la fin de l'année]].", "2013-09-01", "2013-12-31", "range"),
    case("fr", P, "Les rébellions se sont succédé dans [[les années 1990]].", "1990-01-01", "1999-12-31", "range"),
    case("fr", P, "Un convoi a été attaqué le 4 juin 2014. [[Deux jours plus tard]], l'armée s'est retirée.", "2014-06-06", "2014-06-06", "day"),
    case("fr", P, "Les rebelles ont attaqué [[au début de l'année 2013]].", "2013-01-01", "2013-04-30", "range"),
    case("fr", P, "En 2023, l'ONU a commencé son retrait. En [[septembre]], les combats ont repris.", "2023-09-01", "2023-09-30", "month"),
    case("fr", P, "L'offensive a commencé à [[l'été 2012]].", "2012-06-01", "2012-08-31", "season"),
    case("fr", P, "Le camp a été abandonné [[il y a deux ans]].", "2022-01-01", "2022-12-31", "year"),
    case("fr", P, "Les attaques ont augmenté [[cette année]].", "2024-01-01", "2024-12-31", "year"),
    case("fr", P, "Des pourparlers se sont tenus du [[3 au 5 mars 2012]] à Alger.", "2012-03-03", "2012-03-05", "range"),
    case("fr", P, "Kidal est tombée en mars 2012. [[Le mois suivant]], Tombouctou a suivi.", "2012-04-01", "2012-04-30", "month"),
    case("fr", P, "La junte a dissous les partis [[mardi]].", "2024-03-19", "2024-03-19", "day"),
    case("fr", P, "Une patrouille a été attaquée le 3 juin 2014. La base a été bombardée [[à la fin du mois]].", "2014-06-21", "2014-06-30", "range"),
    case("fr", P, "Les frontières ont été tracées au [[XXe siècle]].", "1900-01-01", "1999-12-31", "range"),
    case("fr", P, "Goïta est devenu président [[mi-2021]].", "2021-05-01", "2021-08-31", "range"),
    case("fr", P, "La milice est apparue en 2016. Elle a attaqué Ménaka [[fin mars]].", "2016-03-21", "2016-03-31", "range"),
    case("fr", P, "[[Janvier–mai 2012]]\nLe 6 avril, le MNLA a proclamé l'indépendance.", "2012-01-01", "2012-05-31", "range"),
    case("fr", P, "Janvier–mai 2012\nLe [[6 avril]], le MNLA a proclamé l'indépendance.", "2012-04-06", "2012-04-06", "day"),
    case("fr", P, "L'armée est entrée à Ménaka en mars 2014. [[Plus tard dans l'année]], elle s'est retirée.", "2014-04-01", "2014-12-31", "range"),
    case("fr", P, "Le MSA a été fondé en 2016. [[Cette année-là]], il a rejoint la Plateforme.", "2016-01-01", "2016-12-31", "year"),
    case("fr", P, "Gao a été bombardée le 3 mai 2015. Kidal a été frappée [[le même jour]].", "2015-05-03", "2015-05-03", "day"),
    case("fr", P, "Le nombre de déplacés a doublé [[l'an dernier]].", "2023-01-01", "2023-12-31", "year"),
    case("fr", P, "Le rapport est daté du [[18/01/2012]].", "2012-01-18", "2012-01-18", "day"),
    case("fr", P, "Les élections auront lieu en [[juillet]], selon la junte.", "2024-07-01", "2024-07-31", "month"),
    case("fr", P, "La CMA s'est retirée des pourparlers [[fin 2022]].", "2022-09-01", "2022-12-31", "range"),
]

# language, published, text with [[span that must not date anything]]
NOT_DATES = [
    case("en", P, "This was a core issue in every rebellion. (McGregor, [[2016]])", id="citation"),
    case("en", P, "Veterans fought in Libya. (McGregor, [[2017]], p. 10; Desgrais, Guichaoua and Lebovich, 2018, pp. 661, 663, 666)", id="citation-list"),
    case("en", P, "Azawad declared independence. (Al Arabiya, [[2012]])", id="citation-media"),
    case("en", P, "Violence was lethal (Bencherif, Campana and Stockemer, 2023, pp. [[659–681]]).", id="pages"),
    case("en", P, "The rivalry persisted. (McGregor, [[2015]], 2017, pp. 8–13)", id="citation-two-years"),
    case("en", P, "The rivalry persisted. (Bencherif, Campana and Stockemer, [[2023]], pp. 664–665)", id="citation-pages"),
    case("en", P, "Lecocq and Klute ([[2013]]) argue that the rebellion was secular.", id="narrative-citation"),
    case("en", P, "The study ‘Lethal Violence in Civil War: Trends in the Northern Mali Conflict ([[2012-2015]])’ counts deaths.", id="title"),
    case("en", P, "The CMA presidency rotates every [[six months]].", id="every-six-months"),
    case("en", P, "The town was besieged for [[six months]].", id="for-six-months"),
    case("en", P, "The army cleared the north within [[weeks]].", id="within-weeks"),
    case("en", P, "The junta announced a [[five-year]] transition.", id="five-year"),
    case("en", P, "France would withdraw within [[six months]].", id="within-six-months"),
    case("en", P, "The junta adopted a [[two-year]] transition period.", id="two-year"),
    case("en", P, "They spoke of a [[50-year]] oppression.", id="fifty-year"),
    case("en", P, "Kidal was their stronghold for [[many years]].", id="many-years"),
    case("en", P, "The commander, aged [[25]], was arrested.", id="aged"),
    case("en", P, "A [[30-year-old]] commander was killed.", id="year-old"),
    case("en", P, "They agreed to integrate [[26,000]] fighters.", id="thousands"),
    case("en", P, "The rebels controlled [[800,000]] sq. km of Mali.", id="area"),
    case("en", P, "A reported [[2,000]] were stationed at the airport.", id="comma-thousands"),
    case("en", P, "One massacre killed [[500]] civilians.", id="hundreds"),
    case("en", P, "Fifty new [[4x4]] vehicles were captured.", id="four-by-four"),
    case("en", P, "Reports suggest this [[may]] have been achieved with MANPADs.", id="modal-may"),
    case("en", P, "Hundreds [[marched]] again with Russian flags.", id="marched"),
    case("en", P, "[[May]] God protect the travellers, he said.", id="may-sentence-start"),
    case("en", P, "[[March]] on Bamako was the slogan of the protest.", id="march-noun"),
    case("en", P, "Turnout reached [[45%]] in Gao.", id="percent"),
    case("en", P, "The government deployed [[2000]] troops to Menaka.", id="year-shaped-quantity"),
    case("en", P, "Resolution [[2085]] authorised an African force.", id="resolution-number"),
    case("en", P, "French Mirage [[2000]] fighter jets struck the militants.", id="aircraft-model"),
    case("en", P, "Supporters of the [[June 5]] Movement marched in Bamako.", id="date-in-a-name"),
    case("en", P, "Goita assumed the presidency, a role he holds [[to this day]].", id="to-this-day"),
    case("en", P, "Violations continue to [[the present day]].", id="present-day"),
    case("en", P, "The group has [[recently]] split.", id="recently"),
    case("en", P, "Civilians fled after the [[fall]] of Kidal.", id="fall-of"),
    case("en", P, "The Arab [[Spring]] reached Libya.", id="arab-spring"),
    case("en", P, "[[Jan]] Egeland visited Bamako.", id="first-name"),
    case("en", P, "The MAA was founded [[two days after]] the independence declaration.", id="event-anchored"),
    case("en", P, "Moussa Ag Acharatoumane spoke at the [[1st]] MSA congress.", id="ordinal-alone"),
    case("en", P, "The force numbered [[9,000-10,000]] men.", id="number-range"),
    case("en", P, "The commander was in his [[50s]].", id="age-decade"),
    case("en", P, "The missiles were [[FIM-43]] Redeye launchers.", id="model-number"),
    case("en", "", "Gunmen killed six herders [[yesterday]].", id="deictic-without-published"),
    case("en", "", "In [[September]], the army returned.", id="bare-month-without-anchor"),
    case("fr", P, "La ville a été assiégée pendant [[six mois]].", id="fr-duration"),
    case("fr", P, "L'armée a déployé [[2000]] soldats à Gao.", id="fr-quantity"),
    case("fr", P, "Le conflit est ancien (Lecocq et Klute, [[2013]]).", id="fr-citation"),
    case("fr", P, "Le groupe s'est [[récemment]] scindé.", id="fr-recently"),
    case("fr", P, "La junte a annoncé une transition de [[cinq ans]].", id="fr-five-years"),
    case("fr", P, "Des renforts sont arrivés [[le lendemain]] de l'attaque.", id="fr-event-anchored"),
]


@pytest.mark.parametrize("language,published,text,start,end,precision,role", FOUND)
def test_dates_expression_in_context(language, published, text, start, end, precision, role):
    body, (char_start, char_end), analysis = _read(text, published, language)
    matching = [e for e in analysis.expressions if (e.char_start, e.char_end) == (char_start, char_end)]
    shown = [(e.text, str(e.start), str(e.end), e.precision, e.role) for e in analysis.expressions]
    assert matching, f"no expression spans {body[char_start:char_end]!r}; found {shown}"
    found = matching[0]
    assert (str(found.start), str(found.end), found.precision, found.role) == (start, end, precision, role)
    assert found.text == body[char_start:char_end]


@pytest.mark.parametrize("language,published,text,start,end,precision,role", NOT_DATES)
def test_dates_not_a_date(language, published, text, start, end, precision, role):
    body, (char_start, char_end), analysis = _read(text, published, language)
    overlapping = [e.text for e in analysis.expressions if e.char_start < char_end and char_start < e.char_end]
    assert overlapping == []


def test_dates_table_is_large_enough():
    assert len(FOUND) + len(NOT_DATES) >= 150
    assert {case.values[0] for case in FOUND} == {"en", "fr"}


STORY = (
    "Tuareg-Islamist Rebellion (2012)\n"
    "January–May 2012\n"
    "On January 18th 2012, the MNLA attacked Aguelhok. Fighting went on throughout early 2012.\n"
    "On April 6th, the MNLA declared independence. (Al Arabiya, 2012) Its leaders had fought since the ‘90s.\n"
    "[1] A footnote about the events of October 2019.\n"
    "The group had planned it for years, and the 2011 Libyan war helped. The next day, flags were raised.\n"
    "June–December 2012\n"
    "Conflict broke out in June 2012. Both groups avoided civilians in 2012. On June 8th, women protested.\n"
)


def _story():
    sentences = split_sentences(STORY, "en")
    footnote = STORY.index("[1]")
    sentences = [
        s.model_copy(update={"is_excluded": True}) if s.start <= footnote < s.end or s.start == footnote else s
        for s in sentences
    ]
    return sentences, normalise_dates(STORY, sentences, date(2024, 3, 22), "en")


def test_dates_offsets_index_the_body():
    sentences, analysis = _story()
    assert analysis.expressions
    for expression in analysis.expressions:
        assert STORY[expression.char_start : expression.char_end] == expression.text
        sentence = sentences[expression.sentence_index]
        assert sentence.start <= expression.char_start < expression.char_end <= sentence.end
    starts = [e.char_start for e in analysis.expressions]
    assert starts == sorted(starts)


def test_dates_story_clock_follows_headings_and_sentences():
    sentences, analysis = _story()
    in_force = analysis.in_force
    assert len(in_force) == len(sentences)
    assert in_force[0] is None
    assert in_force[1].text == "2012" and in_force[1].kind == "heading"
    assert in_force[2].text == "January–May 2012"
    by_text = {e.text: e for e in analysis.expressions}
    assert by_text["April 6th"].start == date(2012, 4, 6)
    assert by_text["April 6th"].anchor == date(2012, 1, 18)
    # "since the ‘90s" and the citation do not move the clock; the attributive 2011 neither
    assert by_text["‘90s"].role == "since"
    assert by_text["The next day"].start == date(2012, 4, 7)
    assert by_text["June 8th"].start == date(2012, 6, 8)
    june_sentence = next(i for i, s in enumerate(sentences) if s.text.startswith("Both groups"))
    assert in_force[june_sentence].text == "June 2012"
    last = next(i for i, s in enumerate(sentences) if s.text.startswith("On June 8th"))
    # "in 2012" contains the June 2012 clock, so the finer clock stays
    assert in_force[last].text == "June 2012"


def test_dates_excluded_sentences_yield_nothing_and_keep_the_clock():
    sentences, analysis = _story()
    footnote = next(i for i, s in enumerate(sentences) if s.is_excluded)
    assert not [e for e in analysis.expressions if e.sentence_index == sentences[footnote].index]
    assert in_force_equal(analysis.in_force[footnote], analysis.in_force[footnote + 1])


def in_force_equal(first, second):
    return (first and first.model_dump()) == (second and second.model_dump())


def test_dates_excluded_sentence_built_by_hand():
    body = "In March 2013 Gao was retaken.\nSee the report of July 2019.\nIn August, patrols resumed."
    lines = [(0, 30), (31, 59), (60, 87)]
    sentences = [
        Sentence(index=i, start=s, end=e, text=body[s:e], is_excluded=(i == 1)) for i, (s, e) in enumerate(lines)
    ]
    analysis = normalise_dates(body, sentences, date(2024, 3, 22))
    assert [e.text for e in analysis.expressions] == ["March 2013", "August"]
    assert analysis.expressions[1].start == date(2013, 8, 1)
    assert analysis.in_force[2].text == "March 2013"


@pytest.mark.parametrize(
    "text,expected_clock",
    [
        ("On 8 June 2012 women protested. The 2015 Algiers Accord was cited. In July, Gao fell.", "2012-07-01"),
        ("On 8 June 2012 women protested. Rebels held the town since 2009. In July, Gao fell.", "2012-07-01"),
        ("On 8 June 2012 women protested. Such raids date from the 1990s. In July, Gao fell.", "2012-07-01"),
        ("On 8 June 2012 women protested. It was their worst year, 2013. In July, Gao fell.", "2013-07-01"),
        # a span opening after the story's time brings the story there, as precise as it was said
        ("On 8 June 2012 women protested. Since 2015, the army has held Gao. In July, Gao fell.", "2015-07-01"),
        ("On 8 June 2012 women protested. Until 2015, the army held Gao. In July, Gao fell.", "2012-07-01"),
    ],
    ids=["attributive-year", "since", "decade", "plain-year-moves", "since-later", "until"],
)
def test_dates_what_moves_the_clock(text, expected_clock):
    analysis = parse_date_text(text, date(2024, 3, 22))
    july = next(e for e in analysis.expressions if e.text == "July")
    assert str(july.start) == expected_clock


def test_dates_bare_month_counts_from_publication_without_story():
    analysis = parse_date_text("Last week drones struck Kidal. In October, the army moved north.", date(2024, 3, 22))
    october = analysis.expressions[-1]
    assert (october.start, october.kind, october.anchor) == (date(2023, 10, 1), "deictic", date(2024, 3, 22))


def test_dates_dateless_heading_setting():
    body = "In June 2013 a deal was signed.\nObjectives\nIn August, talks resumed."
    sentences = split_sentences(body, "en")
    kept = normalise_dates(body, sentences, date(2024, 3, 22))
    reset = normalise_dates(body, sentences, date(2024, 3, 22), settings=DateSettings(dateless_heading_resets_reference=True))
    assert kept.expressions[-1].start == date(2013, 8, 1)
    assert reset.expressions[-1].start == date(2023, 8, 1)


def test_dates_fuzzy_intervals_are_settings():
    settings = DateSettings(
        year_parts={**DateSettings().year_parts, "early": (1, 3)},
        month_parts={**DateSettings().month_parts, "mid": (10, 20)},
    )
    analysis = parse_date_text("Fighting in early 2012 and in mid-May 2014.", None, settings=settings)
    assert [(str(e.start), str(e.end)) for e in analysis.expressions] == [
        ("2012-01-01", "2012-03-31"),
        ("2014-05-10", "2014-05-20"),
    ]


def test_dates_since_end_setting():
    analysis = parse_date_text("Kidal has been held since 2012.", date(2024, 3, 22), settings=DateSettings(since_end="boundary"))
    assert (str(analysis.expressions[0].end), analysis.expressions[0].precision) == ("2012-12-31", "year")


def test_dates_since_without_publication_date_ends_with_its_boundary():
    analysis = parse_date_text("Kidal has been held since 2012.", None)
    assert (str(analysis.expressions[0].end), analysis.expressions[0].role) == ("2012-12-31", "since")


def test_dates_extra_languages():
    text = "The communiqué of 3 mars 2013 was read on 4 March 2013."
    alone = parse_date_text(text, None)
    both = parse_date_text(text, None, settings=DateSettings(extra_languages=("fr",)))
    assert [e.text for e in alone.expressions] == ["2013", "4 March 2013"]
    assert [e.text for e in both.expressions] == ["3 mars 2013", "4 March 2013"]


def test_dates_deterministic_and_json_ready():
    first = [e.model_dump(mode="json") for e in _story()[1].expressions]
    second = [e.model_dump(mode="json") for e in _story()[1].expressions]
    assert first == second
    line = json.dumps(first[0], ensure_ascii=False)
    assert TimeExpression.model_validate_json(line).model_dump(mode="json") == first[0]


def test_dates_parse_date_text_single_line_is_not_a_heading():
    analysis = parse_date_text("mid-May 2014", None)
    assert [(e.text, e.kind, e.precision) for e in analysis.expressions] == [("mid-May 2014", "absolute", "range")]


def test_dates_speed_on_a_long_article():
    paragraph = (
        "In September 2022, fighting between IS-GS and JNIM spread to Menaka, killing 40 civilians. "
        "The following March, more than 400 vehicles gathered near Kidal (McGregor, 2017, p. 10). "
        "Later that month, the army arrested 12 members in a rare operation; since 2015 such raids had stopped. "
    )
    body = "\n".join([paragraph] * 180)
    assert len(body.split()) > 8000
    sentences = split_sentences(body, "en")
    normalise_dates(body, sentences, date(2024, 3, 22))
    started = time.perf_counter()
    analysis = normalise_dates(body, sentences, date(2024, 3, 22))
    assert time.perf_counter() - started < 1.0
    assert len(analysis.expressions) == 180 * 4


# errors: one type per kind of failure, each message naming the value and what is accepted


@pytest.mark.parametrize(
    "settings,message",
    [
        (dict(year_parts={"early": (1, 4)}), "settings.year_parts has keys ['early']: expected exactly early, beginning, mid, late, end, first_half, second_half"),
        (dict(month_parts={**DateSettings().month_parts, "mid": (20, 11)}), "settings.month_parts['mid'] = (20, 11): expected a (first, last) pair with 1 <= first <= last <= 31"),
        (dict(seasons={"spring": (3, 5)}), "settings.seasons has keys ['spring']: expected exactly spring, summer, autumn, winter"),
        (dict(seasons={**DateSettings().seasons, "winter": (12, 13)}), "settings.seasons['winter'] = (12, 13): expected (first month, last month) within 1..12"),
        (dict(since_end="today"), "settings.since_end = 'today': expected one of published, boundary"),
        (dict(undated_direction="nearest"), "settings.undated_direction = 'nearest': expected one of past, future"),
        (dict(year_range=(2100, 1800)), "settings.year_range = (2100, 1800): expected (first, last) four-digit years, first < last"),
        (dict(reference_max_days=0), "settings.reference_max_days = 0: expected a whole number >= 1"),
        (dict(numeric_date_order={"en": "DDM"}), "settings.numeric_date_order['en'] = 'DDM': expected one of DMY, MDY, YMD"),
        (dict(title_case_ratio=1.5), "settings.title_case_ratio = 1.5: expected a number in 0..1"),
        (dict(weekday_window_days=9), "settings.weekday_window_days = 9: expected a whole number in 0..6"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_dates_settings_errors(settings, message):
    with pytest.raises(DateSettingsError) as raised:
        DateSettings(**settings)
    assert str(raised.value) == message


def test_dates_unknown_language_error():
    with pytest.raises(DateSettingsError) as raised:
        parse_date_text("Am 3. März 2013", None, language="de")
    assert str(raised.value).startswith("language 'de' has no time vocabulary in ")
    assert str(raised.value).endswith("time_words.yaml: expected one of en, fr")


def _vocabulary_with(tmp_path: Path, edit) -> Path:
    import yaml

    raw = yaml.safe_load((Path(__file__).resolve().parents[1] / "gazetteer" / "time_words.yaml").read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "time_words.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "edit,message",
    [
        (lambda raw: raw["en"]["months"].update({"smarch": 13}), "[en] [months] Value error, month 'smarch' -> 13: expected a month number 1..12"),
        (lambda raw: raw["en"]["templates"].append({"rule": "date", "pattern": "{MONHT} {YEAR}"}), "[en -> templates -> 30] pattern '{MONHT} {YEAR}': 'unknown slot {MONHT}; known slots: "),
        (lambda raw: raw["en"]["templates"].append({"rule": "date", "pattern": "{YEAR} {YEAR}"}), "[en -> templates -> 30] pattern '{YEAR} {YEAR}': slot {YEAR} is used twice"),
        (lambda raw: raw["fr"]["templates"].append({"rule": "guess", "pattern": "{YEAR}"}), "[fr] [templates -> 28 -> rule] Input should be "),
        (lambda raw: raw["fr"].pop("units"), "[fr] [units] Field required"),
    ],
    ids=["month-number", "unknown-slot", "slot-twice", "unknown-rule", "missing-field"],
)
def test_dates_vocabulary_errors(tmp_path, edit, message):
    path = _vocabulary_with(tmp_path, edit)
    with pytest.raises(TimeVocabularyError) as raised:
        load_time_vocabulary(path)
    assert str(raised.value).startswith(f"{path.as_posix()}: {message}")


def test_dates_vocabulary_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "time_words.yaml"
    path.write_text("en:\n  months: {january: 1\n  weekdays: [\n", encoding="utf-8")
    with pytest.raises(TimeVocabularyError) as raised:
        load_time_vocabulary(path)
    assert str(raised.value).startswith(f"{path.as_posix()}:3: is not valid YAML")


def test_dates_vocabulary_integrity():
    vocabulary = load_time_vocabulary()
    assert sorted(vocabulary) == ["en", "fr"]
    for words in vocabulary.values():
        assert set(words.parts.values()) <= set(DateSettings().year_parts)
        assert set(words.months.values()) == set(range(1, 13))


# evaluation: TIMEX3 values and the TempEval scorer


def _expression(start, end, precision, char_start=0, char_end=4):
    return TimeExpression(
        text="x" * (char_end - char_start),
        char_start=char_start,
        char_end=char_end,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=precision,
    )


@pytest.mark.parametrize(
    "start,end,precision,value",
    [
        ("2013-03-22", "2013-03-22", "day", "2013-03-22"),
        ("2013-03-11", "2013-03-17", "week", "2013-W11"),
        ("2013-02-01", "2013-02-28", "month", "2013-02"),
        ("2012-06-01", "2012-08-31", "season", "2012-SU"),
        ("2012-12-01", "2013-02-28", "season", "2012-WI"),
        ("2012-01-01", "2012-12-31", "year", "2012"),
        ("2012-12-01", "2012-12-10", "range", "2012-12"),
        ("2011-01-01", "2011-04-30", "range", "2011"),
        ("1990-01-01", "1999-12-31", "range", "199"),
        ("1900-01-01", "1999-12-31", "range", "19"),
        ("2009-01-01", "2010-12-31", "range", "2009/2010"),
        ("2022-09-01", "2023-07-31", "range", "2022-09/2023-07"),
    ],
)
def test_dates_timex_value(start, end, precision, value):
    assert timex_value(_expression(start, end, precision)) == value


def test_dates_timex_value_at_picks_the_range_end_under_the_gold():
    expression = _expression("2009-01-01", "2010-12-31", "range", char_start=10, char_end=19)
    assert timex_value_at(expression, 10) == "2009"
    assert timex_value_at(expression, 15) == "2010"


def test_dates_evaluate_timex_on_a_tiny_file(tmp_path):
    text = "Officials said Friday that the plant closed in early December and reopened last year, for now."
    gold = [
        {"text": "Friday", "type": "DATE", "value": "2013-03-22", "mod": None},
        {"text": "early December", "type": "DATE", "value": "2012-12", "mod": "START"},
        {"text": "last year", "type": "DATE", "value": "2012", "mod": None},
        {"text": "now", "type": "DATE", "value": "PRESENT_REF", "mod": None},
    ]
    for item in gold:
        item["start"] = text.index(item["text"])
        item["end"] = item["start"] + len(item["text"])
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({"doc_id": "t", "dct": "2013-03-22", "text": text, "timex3": gold}) + "\n", encoding="utf-8")
    scores = evaluate_timex(path)
    assert (scores["gold_dates"], scores["strict_matched"], scores["relaxed_matched"], scores["value_correct"]) == (4, 3, 3, 3)
    assert scores["value_accuracy"] == 1.0
    assert scores["missed"] == [["t", "now", "PRESENT_REF"]]
