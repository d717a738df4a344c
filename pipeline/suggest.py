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

from .extract import Pipeline
from .gazetteer import alias_key
from .language import word_log_probability
from .reading import read_corpus
from .sentences import document_sentences

_NAME = re.compile(
    r"(?<![\w'’-])(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]{2,}[0-9]?(?:-[A-Z0-9]+)*)"
    r"(?:\s+(?:(?:al|ag|ould|el|de|du|des|of|the|for|and|in|wa|wal)\s+)*(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]{2,}))*"
)


@dataclass(frozen=True)
class SuggestSettings:
    """Tunables of `suggest_entries`.

    min_count: a name must occur this often in the corpus to be listed.
    near_miss_score: a name scoring at least this against a known alias is shown as a near-miss.
    common_word_logprob: single capitalised words more frequent in English than this are skipped
        (sentence-initial "The", "However").
    """

    min_count: int = 1
    near_miss_score: float = 75.0
    common_word_logprob: float = -11.0


@dataclass
class Suggestion:
    """A name the gazetteer lacks: its text, count, documents, and the closest known alias."""

    text: str
    count: int
    documents: list[str] = field(default_factory=list)
    closest: str = ""
    score: float = 0.0

    @property
    def kind(self) -> str:
        if self.score >= SuggestSettings.near_miss_score:
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
        mentions = pipeline.recognizer(document.language)(document, sentences)
        covered = [(mention.start, mention.end) for mention in mentions]
        for sentence in sentences:
            if sentence.is_excluded:
                continue
            for start, end, name in candidate_names(sentence.text):
                start, end = start + sentence.start, end + sentence.start
                if any(s < end and start < e for s, e in covered):
                    continue
                if " " not in name and not name.isupper() and word_log_probability(name) > settings.common_word_logprob:
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
        suggestions.append(Suggestion(name, count, sorted(where[name]), closest, score))
    return suggestions
