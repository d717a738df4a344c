"""The shared spaCy pipeline: lookup lemmas of the folded text."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.language import lemma


@pytest.mark.parametrize(("word", "expected"), [
    # the text is matched folded, so an accented French form is looked up without its accents
    ("tues", "tuer"),            # tués
    ("incendiees", "incendier"),  # incendiées
    ("blesses", "blesser"),      # blessés
    # a folded form that is a word of its own keeps its own lemma: "incendie", the fire
    ("incendie", "incendie"),
])
def test_language_french_lemmas_of_folded_words(word, expected):
    assert lemma(word, "fr") == expected


def test_language_english_lemmas_are_untouched():
    assert lemma("gunmen", "en") == "gunman"


def test_language_french_pipeline_does_not_load_spacys_french_class():
    # (spaCy's French class compiles a regular expression of thousands of hyphenated words on
    # import; the folded text has no hyphens left for it, so the pipeline reads French without it)
    script = (
        "import sys; from pipeline.language import blank_pipeline; nlp = blank_pipeline('fr'); "
        "print([t.lemma_ for t in nlp('des hommes armes ont tues trois civils')]); "
        "print('spacy.lang.fr' in sys.modules)"
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).resolve().parents[1])
    lemmas, loaded = finished.stdout.splitlines()
    assert lemmas == str(["un", "homme", "arme", "avoir", "tuer", "trois", "civil"])
    assert loaded == "False"
