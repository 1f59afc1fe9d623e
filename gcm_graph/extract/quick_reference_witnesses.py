"""Records of one witness of the IOM Quick Reference, and the line tools both parsers share.

The IOM Bangladesh "Quick Reference Version" (July 2021) of the Global Compact
reached us as two text extractions of one publication. Each parser reads one
of them into a ``QuickReferenceWitness`` without looking at the other;
``quick_reference.reconcile`` then checks the two item by item. Keeping the
witnesses apart is what lets one repair the other (the markdown lost the
letters of objectives 12 and 13, the plaintext lost a hyphen in
"Whole-of-government") without either parser guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gcm_graph.extract.lines import ExtractionError, Line
from gcm_graph.extract.records import LetteredItem, Passage
from gcm_graph.extract.repair import assemble_passage
from gcm_graph.extract.sources import SourceFile

STATED_COUNTS = re.compile(r"The compact is\s+organized into\s+(\d+)\s+objectives\s+and\s+(\d+)\s+specific\s+actions\.")


@dataclass(frozen=True)
class OverviewSection:
    """One box of "GLOBAL COMPACT: OVERVIEW" (CONTEXT, AIMS, ...)."""

    heading: Passage
    text: Passage


@dataclass(frozen=True)
class StatedCounts:
    """What the CONTENTS box says the Compact holds, and the sentence saying it."""

    objectives: int
    actions: int
    sentence: Passage


@dataclass(frozen=True)
class WitnessObjective:
    """One objective page: its capitalised heading, commitment statements and actions."""

    number: int
    short_title: Passage
    commitments: tuple[Passage, ...]
    actions: tuple[LetteredItem, ...]  # ``letter`` is None where this witness lost it


@dataclass(frozen=True)
class PublicationFacts:
    """The imprint, cover and back page, as the markdown witness states them."""

    publisher: Passage
    country_office: Passage
    funder: Passage
    copyright: Passage
    resolution_link: Passage
    production: Passage
    edition: Passage
    date: Passage
    project: Passage


@dataclass(frozen=True)
class QuickReferenceWitness:
    source: SourceFile
    overview: tuple[OverviewSection, ...]
    stated: StatedCounts
    principles: tuple[Passage, ...]
    titles: tuple[Passage, ...]  # the numbered list "23 OBJECTIVES ...", objective 1 first
    objectives: tuple[WitnessObjective, ...]
    implementation: tuple[Passage, ...]
    capacity_building: tuple[LetteredItem, ...]
    follow_up: tuple[Passage, ...]
    publication: PublicationFacts | None = None  # markdown witness only


class LineCursor:
    """Walks the lines of one region of a source; every complaint names file and line."""

    def __init__(self, source: SourceFile, lines: Sequence[Line], is_blank: Callable[[Line], bool]):
        self.source = source
        self.lines = lines
        self.position = 0
        self.is_blank = is_blank

    def at_end(self) -> bool:
        return self.position >= len(self.lines)

    @property
    def current(self) -> Line:
        return self.lines[min(self.position, len(self.lines) - 1)]

    def error(self, message: str, line: Line | None = None) -> ExtractionError:
        if line is None and self.lines:
            line = self.current
        return ExtractionError(self.source.name, line.number if line else 1, message)

    def skip_blank(self) -> None:
        while not self.at_end() and self.is_blank(self.current):
            self.position += 1

    def expect(self, pattern: re.Pattern[str], what: str) -> tuple[Line, re.Match[str]]:
        """The next non-blank line must match ``pattern``."""
        self.skip_blank()
        if self.at_end():
            raise self.error(f"expected {what}, found the end of the section")
        line = self.current
        match = pattern.match(line.text.strip())
        if match is None:
            raise self.error(f"expected {what}, found {line.text.strip()!r}")
        self.position += 1
        return line, match

    def seek(self, pattern: re.Pattern[str], what: str) -> tuple[Line, re.Match[str]]:
        """Move to the first line at or after the cursor that matches ``pattern``."""
        start = self.current
        while not self.at_end():
            match = pattern.match(self.current.text.strip())
            if match:
                self.position += 1
                return self.lines[self.position - 1], match
            self.position += 1
        raise self.error(f"expected {what} at or after this line, found none", start)

    def take_while(self, keep: Callable[[Line], bool]) -> list[Line]:
        taken: list[Line] = []
        while not self.at_end() and keep(self.current):
            taken.append(self.current)
            self.position += 1
        return taken

    def take_run(self) -> list[Line]:
        """Skip blank lines, then take the following lines up to the next blank one."""
        self.skip_blank()
        return self.take_while(lambda line: not self.is_blank(line))

    def expect_rest_blank(self, what: str) -> None:
        self.skip_blank()
        if not self.at_end():
            raise self.error(f"expected {what}, found {self.current.text.strip()!r}")


def regions(
    source: SourceFile, lines: Sequence[Line], anchors: Sequence[tuple[str, re.Pattern[str]]]
) -> dict[str, list[Line]]:
    """Cut the lines at anchor headings, in order; each region runs to the next anchor.

    The region named ``"before"`` holds the lines above the first anchor.
    """
    found: list[tuple[str, int]] = []
    position = 0
    for name, pattern in anchors:
        index = next((i for i in range(position, len(lines)) if pattern.match(lines[i].text.strip())), None)
        if index is None:
            after = lines[position - 1].number if position else 1
            raise ExtractionError(source.name, after, f"expected a line matching {pattern.pattern!r} after this line")
        found.append((name, index))
        position = index + 1
    bounds = [index for _, index in found[1:]] + [len(lines)]
    parts = {name: list(lines[index + 1 : end]) for (name, index), end in zip(found, bounds, strict=True)}
    parts["before"] = list(lines[: found[0][1]])
    return parts


def passage(source: SourceFile, fragments: Sequence[tuple[int, int]]) -> Passage:
    return assemble_passage(source.name, source.text, list(fragments))


def lines_passage(source: SourceFile, lines: Sequence[Line]) -> Passage:
    """The whole content of each line, one span per line."""
    return passage(source, [line.content_span() for line in lines])


def group_span(line: Line, match: re.Match[str], group: int) -> tuple[int, int]:
    """Offsets of a regex group matched against ``line.text.strip()``, trimmed of spaces."""
    lead = len(line.text) - len(line.text.lstrip())
    text = match.group(group)
    start = line.start + lead + match.start(group) + (len(text) - len(text.lstrip()))
    return start, start + len(text.strip())


def fragments_between(lines: Sequence[Line], start: int, end: int) -> list[tuple[int, int]]:
    """The part of ``[start, end)`` on each line, one fragment per line."""
    fragments = []
    for line in lines:
        first, last = line.content_span()
        fragment = (max(start, first), min(end, last))
        if fragment[1] > fragment[0]:
            fragments.append(fragment)
    return fragments


def split_after(lines: Sequence[Line], boundary: Callable[[Line, Line], bool]) -> list[list[Line]]:
    """Group consecutive lines, closing a group between two lines where ``boundary`` holds."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not boundary(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def runs(lines: Sequence[Line], is_blank: Callable[[Line], bool]) -> list[list[Line]]:
    """Maximal runs of non-blank lines."""
    groups: list[list[Line]] = []
    previous_blank = True
    for line in lines:
        if is_blank(line):
            previous_blank = True
            continue
        if previous_blank:
            groups.append([])
        groups[-1].append(line)
        previous_blank = False
    return groups


def stated_counts(source: SourceFile, lines: Sequence[Line], overview: Sequence[OverviewSection]) -> StatedCounts:
    """Find "organized into 23 objectives and 187 specific actions." in the CONTENTS box."""
    contents = next((section for section in overview if section.heading.text == "CONTENTS"), None)
    first_line = lines[0].number if lines else 1
    if contents is None:
        raise ExtractionError(source.name, first_line, "expected an overview box headed CONTENTS")
    start, end = contents.text.spans[0].start, contents.text.spans[-1].end
    match = STATED_COUNTS.search(source.text, start, end)
    if match is None:
        line = source.text.count("\n", 0, start) + 1
        raise ExtractionError(source.name, line, f"expected the sentence {STATED_COUNTS.pattern!r} in CONTENTS")
    sentence = passage(source, fragments_between(lines, match.start(), match.end()))
    return StatedCounts(int(match.group(1)), int(match.group(2)), sentence)


def check_numbering(source: SourceFile, numbers: Sequence[tuple[int, Line]], what: str) -> None:
    """Objective numbers must run 1, 2, 3, ... without gaps."""
    for expected, (number, line) in enumerate(numbers, start=1):
        if number != expected:
            raise ExtractionError(source.name, line.number, f"expected {what} {expected}, found {number}")


def line_number(source: SourceFile, passage: Passage) -> int:
    return source.text.count("\n", 0, passage.spans[0].start) + 1
