"""Records for a source document and the text units the pipeline cuts it into."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


# the reason of a span that is a news dateline ("BAMAKO (Reuters) -")
DATELINE = "dateline"


class TextSpan(BaseModel):
    """A character range of a document body, with why it was marked."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    reason: str = ""

    @property
    def blocks_events(self) -> bool:
        """False for a news dateline, whose names are no mentions but whose sentence is read."""
        return self.reason != DATELINE


class FrontMatter(BaseModel):
    """The YAML header of a corpus file. Unknown keys are refused so typos surface."""

    model_config = ConfigDict(extra="forbid")

    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    # None: the reader tells English from French by the text's own function words
    language: Optional[Literal["en", "fr"]] = None


class Document(BaseModel):
    """One article of the corpus. Offsets everywhere in the pipeline index into `body`."""

    model_config = ConfigDict(frozen=True)

    id: str
    path: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    language: Literal["en", "fr"] = "en"
    body: str
    body_first_line: int = 1
    excluded: list[TextSpan] = Field(default_factory=list)

    def is_excluded(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span that yields no events (references, footnotes)."""
        return any(span.start < end and start < span.end for span in self.excluded)


class Sentence(BaseModel):
    """A sentence (or a heading line) of the body."""

    model_config = ConfigDict(frozen=True)

    index: int
    start: int
    end: int
    text: str
    is_heading: bool = False
    is_excluded: bool = False
