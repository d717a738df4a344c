"""The shared spaCy pipeline: lookup lemmas of the folded text."""
from __future__ import annotations

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
