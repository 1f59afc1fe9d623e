"""Plain records produced by the extractors.

Every piece of text carries the character spans of the source file it was
assembled from, so that the graph can say where each literal stands
(Web Annotation ``TextPositionSelector`` offsets count code points, as
Python ``str`` indices do). Extractors never import rdflib: these records
are the boundary between parsing and RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Half-open ``[start, end)`` code-point range of a source file's text."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker removed from the text; ``offset`` is where it stood in ``Passage.text``."""

    number: int
    offset: int


@dataclass(frozen=True)
class Passage:
    """Repaired text and the source spans it was assembled from, in reading order."""

    text: str
    spans: tuple[Span, ...]
    footnote_refs: tuple[FootnoteRef, ...] = ()


@dataclass(frozen=True)
class Footnote:
    number: int
    passage: Passage


@dataclass(frozen=True)
class LetteredItem:
    """A lettered list item: an action of an objective or a sub-item of a paragraph."""

    letter: str | None  # None where a witness lost the letter (quick reference, objectives 12 and 13)
    passage: Passage


@dataclass
class Paragraph:
    """A numbered (or, in a memorandum, ordinal) paragraph with its section path."""

    number: int
    passage: Passage
    section: tuple[str, ...] = ()
    items: list[LetteredItem] = field(default_factory=list)
    intro: Passage | None = None  # the sentence introducing lettered items, when separate
