"""The shared spaCy pipeline: a blank language with lookup lemmas, over a folded view of the text.

No statistical model is needed. The body is folded character for character (accents, curly
quotes, dashes; hyphens between words become spaces; footnote digits glued to a name are
blanked), so token offsets in the folded text are offsets in the body.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .gazetteer import fold_text

_INNER_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")
_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])(?!s\b)")
_GLUED_FOOTNOTE = re.compile(r"\b([A-Za-z][A-Za-z]{2,})(\d{1,2})(?=[\s,.;:)\]]|$)")


def matching_text(body: str, known_word=lambda word: False) -> str:
    """The folded view of `body` that matchers run over; same length as `body`.

    Hyphens and name-internal apostrophes become spaces ("Tin-Zaouaten" reads as
    "Tin Zaouaten", "Aguel'hoc" as "Aguel hoc"), while possessive "'s" is kept. Digits glued
    after a word are blanked when `known_word(word)` says the word without them is a name
    and the whole token is not ("MOJWA2" reads as "MOJWA ").
    """
    text = fold_text(body)
    text = _INNER_HYPHEN.sub(" ", text)
    text = _INNER_APOSTROPHE.sub(" ", text)

    def blank_footnote(match: re.Match) -> str:
        word, digits = match.group(1), match.group(2)
        if known_word(word) and not known_word(word + digits):
            return word + " " * len(digits)
        return match.group(0)

    return _GLUED_FOOTNOTE.sub(blank_footnote, text)


@lru_cache(maxsize=4)
def blank_pipeline(language: str = "en") -> Language:
    """A blank spaCy pipeline for `language` with a lookup lemmatizer (spacy-lookups-data).

    English is spaCy's own blank class. Other languages read through spaCy's multi-language
    tokenizer with the language's lemma table: spaCy's French class compiles, on import, one
    regular expression of several thousand hyphenated words (about six seconds and a hundred
    megabytes per process), which the folded text, where hyphens and elisions between letters are
    already spaces, leaves nothing to do."""
    nlp = spacy.blank("en" if language == "en" else "xx")
    # a full stop glued to an opening bracket ends the word: "in Ansongo.[size=no report]"
    infixes = [*nlp.Defaults.infixes, r"(?<=\w)[.!?](?=[\[(])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    if language == "en":
        nlp.initialize()
    else:
        from spacy.lookups import Lookups

        lookups = Lookups()
        lookups.add_table("lemma_lookup", _folded_lemma_table(language))
        lemmatizer.initialize(lookups=lookups)
    return nlp


def _folded_lemma_table(language: str) -> dict:
    """spacy-lookups-data's lemma table for `language`, with the folded form of every accented
    word it knows, since the text is matched folded: "tués" is read "tues", which alone the table
    does not know ("tuer"). A folded form that is itself a word of the table keeps its own lemma
    ("incendie", the fire). An empty table when the data package has none for the language."""
    import gzip
    import json
    from importlib import resources

    def build() -> dict:
        try:
            raw = (resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz").read_bytes()
        except (FileNotFoundError, ModuleNotFoundError):
            return {}
        table = json.loads(gzip.decompress(raw))
        for word, value in list(table.items()):
            folded = word if word.isascii() else fold_text(word)
            if folded not in table:
                table[folded] = fold_text(value[0] if isinstance(value, list) else value)
        return table

    return _kept_table(f"lemmas-{language}", build)


# below this log probability a word counts as unseen; keeping only the rest saves memory
_RARE_WORD_LOGPROB = -17.0


@lru_cache(maxsize=1)
def _lexeme_probabilities() -> dict[str, float]:
    """spacy-lookups-data's English word probabilities, without rare words (parsing the
    1M-entry JSON takes over a second)."""
    import gzip
    import json
    from importlib import resources

    def build() -> dict:
        raw = (resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz").read_bytes()
        return {word: prob for word, prob in json.loads(gzip.decompress(raw)).items()
                if prob > _RARE_WORD_LOGPROB and word.islower()}

    return _kept_table(f"lexeme-prob-{_RARE_WORD_LOGPROB}", build)


def _kept_table(name: str, build) -> dict:
    """The table `build()` makes from spacy-lookups-data, kept as a marshal file in the system's
    temporary folder named after `name` and the data package's version; rebuilt whenever the file
    is missing or unreadable (written to a temporary file, then renamed)."""
    import marshal
    import tempfile
    from importlib import metadata

    try:
        version = metadata.version("spacy-lookups-data")
    except metadata.PackageNotFoundError:
        return build()
    snapshot = Path(tempfile.gettempdir()) / f"sahel-events-{name}-{version}.marshal"
    try:
        table = marshal.loads(snapshot.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    try:
        temporary = snapshot.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(table))
        os.replace(temporary, snapshot)
    except OSError:
        pass  # a read-only temporary folder only costs speed
    return table


def word_log_probability(word: str) -> float:
    """The smoothed log probability of a lower-case word in English text (spacy-lookups-data).

    Common words score above about -12, rare names below -15; unknown words score -20.
    """
    return _lexeme_probabilities().get(word.lower(), -20.0)


def lemma(word: str, language: str = "en") -> str:
    """The lookup lemma of one lower-case word ("gunmen" -> "gunman"), or the word itself."""
    table = blank_pipeline(language).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    value = table.get(word, word)
    # (the French table gives a list of lemmas, the first the most likely)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else word
    return str(value)
