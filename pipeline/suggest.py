"""Names the gazetteer does not know yet, so a curator adding an article knows what to add.

`suggest_entries` reads a corpus, runs sentence splitting and entity recognition, and lists the
capitalised names and acronyms no mention covers, with how often and where they occur, and the
closest alias the gazetteer has (rapidfuzz score) so near-misses show up as such.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from .dates import normalise_dates
from .extract import Pipeline
from .gazetteer import alias_key
from .language import word_log_probability
from .reading import read_corpus
from .sentences import document_sentences

_WORD = r"(?:[A-Z]{2,}[0-9]?(?:-[A-Z0-9]+)*(?![a-z])|(?:(?:al|el|ag)-)?[A-Z][a-zà-ÿ’'-]*(?:[A-Z][a-zà-ÿ’'-]+)?)"
_NAME = re.compile(
    rf"(?<![\w'’-]){_WORD}"
    rf"(?:\s+(?:(?:al|ag|ould|el|de|du|des|of|the|for|wa|wal)\s+)*{_WORD})*"
)
# a parenthetical citation: "(McGregor, 2017, p. 10; Desgrais, Guichaoua and Lebovich, 2018)"
_CITATION = re.compile(r"\([^()]*\b(?:1[89]|20)\d\d[a-z]?\b[^()]*\)")


@dataclass(frozen=True)
class SuggestSettings:
    """Tunables of `suggest_entries`.

    min_count: a name must occur this often in the corpus to be listed.
    near_miss_score: a name scoring at least this against a known alias is shown as a near-miss.
    common_word_logprob: words more frequent in English than this are not names: a candidate
        made only of such words is skipped (sentence-initial "Meanwhile", months, "Relations"),
        and at a sentence's start they are trimmed from the candidate ("Meanwhile France").
    function_word_logprob: words more frequent than this ("The", "In", "After") are trimmed
        from the start of a candidate anywhere.
    """

    min_count: int = 1
    near_miss_score: float = 85.0
    common_word_logprob: float = -14.0
    function_word_logprob: float = -8.0


@dataclass
class Suggestion:
    """A name the gazetteer lacks: its text, count, documents, and the closest known alias."""

    text: str
    count: int
    documents: list[str] = field(default_factory=list)
    closest: str = ""
    score: float = 0.0

    near_miss_score: float = SuggestSettings.near_miss_score

    @property
    def kind(self) -> str:
        if self.score >= self.near_miss_score:
            return "near-miss"
        return "acronym" if self.text.isupper() else "name"


def candidate_names(text: str) -> list[tuple[int, int, str]]:
    """Capitalised word runs and acronyms in `text`, as (start, end, text)."""
    return [(match.start(), match.end(), match.group()) for match in _NAME.finditer(text)]


def suggest_entries(corpus: Path, pipeline: Pipeline, settings: SuggestSettings = SuggestSettings()) -> list[Suggestion]:
    """List unknown names in `corpus`, most frequent first (ties by text)."""
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    for document in read_corpus(corpus):
        if isinstance(document, Exception):
            continue
        sentences = document_sentences(document)
        recognizer = pipeline.recognizer(document.language)
        mentions = recognizer(document, sentences)
        covered = [(mention.start, mention.end) for mention in mentions]
        dates = normalise_dates(document.body, sentences, document.published, document.language)
        covered += [(expression.char_start, expression.char_end) for expression in dates.expressions]
        for sentence in sentences:
            if sentence.is_excluded:
                continue
            citations = [match.span() for match in _CITATION.finditer(sentence.text)]
            for start, end, name in candidate_names(sentence.text):
                if any(s <= start and end <= e for s, e in citations):
                    continue
                words = name.split()
                # drop a leading function word ("The", "In") or, at the sentence start, any common word
                while words and not words[0].isupper() and (
                    word_log_probability(words[0]) > settings.function_word_logprob
                    or (start == 0 and word_log_probability(words[0]) > settings.common_word_logprob)
                ):
                    start += len(words[0]) + 1
                    words.pop(0)
                name = " ".join(words)
                if not name or len(name) < 2 or all(
                    not word.isupper() and word_log_probability(word) > settings.common_word_logprob for word in words
                ):
                    continue
                if len(words) == 1 and recognizer.is_modifier(name):
                    continue  # "Malian", "French": adjectives of names the gazetteer has
                start, end = start + sentence.start, start + sentence.start + len(name)
                if any(s < end and start < e for s, e in covered):
                    continue
                counts[name] += 1
                where[name].add(document.id)
    known = sorted(set(pipeline.gazetteer.actor_index) | set(pipeline.gazetteer.place_index))
    suggestions = []
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < settings.min_count:
            continue
        hit = process.extractOne(alias_key(name), known, scorer=fuzz.ratio) if known else None
        closest, score = (hit[0], round(hit[1], 1)) if hit else ("", 0.0)
        suggestions.append(Suggestion(name, count, sorted(where[name]), closest, score, settings.near_miss_score))
    return suggestions
