"""Annex to COM(2018) 167: the GCM Zero Draft Plus of 5 March 2018 (English).

Layout handled: after the annex header, an unnumbered opening statement, then
paragraphs ``N. text`` (1-47) under upper-case section headings and, in the
vision, three title-case sub-headings; the guiding principles as
``Name: definition`` lines after paragraph 14; the list of 22 objective titles
(1-17 as ``- (n)`` items, 18-22 as a markdown table); per objective an
``OBJECTIVE n: title`` heading, its commitment paragraph, the sentence
"In this regard, the following actions are instrumental:" and lettered
actions ``- (a) ...``; lettered sub-items of paragraphs 42, 45 and 46.
Page breaks cut paragraphs, actions and principles: any line that is not
structural continues the open unit (a spurious ``- `` before it is dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gcm_graph.extract.lines import ExtractionError, Line, split_lines
from gcm_graph.extract.records import LetteredItem, Paragraph, Passage
from gcm_graph.extract.sources import SourceFile
from gcm_graph.extract.units import OpenUnit

ANNEX_START = "Brussels, 21.3.2018"
OPENING_START = "We, the Heads of State"
SECTIONS = (
    "PREAMBLE",
    "OUR VISION AND GUIDING PRINCIPLES",
    "OUR COOPERATIVE FRAMEWORK AND OBJECTIVES",
    "ACTIONABLE COMMITMENTS",
    "IMPLEMENTATION",
    "FOLLOW-UP AND REVIEW",
)
SUBSECTIONS = ("Common Understanding", "Shared Responsibilities", "Unity of Purpose")
OBJECTIVE_LIST_HEADING = "OBJECTIVES FOR SAFE, ORDERLY AND REGULAR MIGRATION"
ACTIONS_INTRO = "In this regard, the following actions are instrumental:"
PRINCIPLES_PARAGRAPH = 14
EXPECTED_PARAGRAPHS = 47
EXPECTED_OBJECTIVES = 22

PARAGRAPH = re.compile(r"^(\d+)\. ")
OBJECTIVE_HEADING = re.compile(r"^OBJECTIVE (\d+): ")
LETTERED = re.compile(r"^\s*- \(([a-z])\) ")
LISTED_OBJECTIVE = re.compile(r"^- \((\d+)\) ")
TABLE_OBJECTIVE = re.compile(r"^\| \((\d+)\) \| (.+?) \|$")
TABLE_DEBRIS = re.compile(r"^(- )?\|[-| ]*\|$")
PRINCIPLE = re.compile(r"^([A-Z][A-Za-z -]+): ")
STRAY_DASH = re.compile(r"^- ")


@dataclass
class Principle:
    name: Passage
    definition: Passage


@dataclass
class DraftObjective:
    number: int
    title: Passage  # from the "OBJECTIVE n:" heading
    listed_title: Passage  # from the list after paragraph 15
    commitment: Paragraph | None = None
    actions_intro: Passage | None = None

    @property
    def actions(self) -> list[LetteredItem]:
        return self.commitment.items if self.commitment else []


@dataclass
class ZeroDraftPlus:
    header: list[Passage]
    opening: Passage
    paragraphs: list[Paragraph]
    sections: list[Passage]
    principles: list[Principle]
    objectives: list[DraftObjective] = field(default_factory=list)

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]


class _Parser:
    def __init__(self, source: SourceFile, lines: list[Line]):
        self.source = source
        self.lines = lines
        self.section: tuple[str, ...] = ()
        self.sections: list[Passage] = []
        self.paragraphs: list[tuple[int, OpenUnit, tuple[str, ...]]] = []
        self.items: dict[int, list[tuple[str, OpenUnit]]] = {}
        self.principles: list[tuple[OpenUnit, OpenUnit]] = []
        self.listed: dict[int, OpenUnit] = {}
        self.headed: dict[int, OpenUnit] = {}
        self.intros: dict[int, OpenUnit] = {}
        self.current: OpenUnit | None = None
        self.objective: int | None = None

    def fail(self, line: Line, message: str) -> None:
        raise ExtractionError(self.source.name, line.number, message)

    def unit(self, line: Line, skip: int = 0) -> OpenUnit:
        unit = OpenUnit(line.number)
        unit.add(line, skip)
        self.current = unit
        return unit

    def feed(self, line: Line) -> None:
        text = line.stripped
        if not text or TABLE_DEBRIS.match(text):
            return
        if text in SECTIONS or text in SUBSECTIONS:
            self.heading(line)
        elif text == OBJECTIVE_LIST_HEADING:
            self.current = None
        elif match := OBJECTIVE_HEADING.match(text):
            self.objective = int(match.group(1))
            self.headed[self.objective] = self.unit(line, skip=match.end())
            self.current = None
        elif text == ACTIONS_INTRO:
            self.intros[self.last_paragraph(line)] = self.unit(line)
        elif match := PARAGRAPH.match(text):
            self.paragraph(line, int(match.group(1)), match.end())
        elif match := LETTERED.match(line.text):
            self.items.setdefault(self.last_paragraph(line), []).append((match.group(1), self.unit(line, match.end())))
        elif match := LISTED_OBJECTIVE.match(text):
            self.listed[int(match.group(1))] = self.unit(line, skip=match.end())
        elif match := TABLE_OBJECTIVE.match(text):
            unit = self.unit(line)
            unit.fragments[-1] = (line.start + line.text.index(match.group(2)), line.start + line.text.rindex(" |"))
            self.listed[int(match.group(1))] = unit
        elif self.in_principles() and (match := PRINCIPLE.match(text)):
            self.principles.append((self.unit(line), OpenUnit(line.number)))
            self.principles[-1][0].fragments[-1] = (line.start, line.start + match.end() - 2)
            self.principles[-1][1].add(line, skip=match.end())
            self.current = self.principles[-1][1]
        elif self.current is not None:
            self.current.add(line, skip=STRAY_DASH.match(line.text).end() if STRAY_DASH.match(line.text) else 0)
        else:
            self.fail(line, f"expected a heading, a numbered paragraph or a lettered item, found {text[:60]!r}")

    def heading(self, line: Line) -> None:
        passage = OpenUnit(line.number)
        passage.add(line)
        self.sections.append(passage.passage(self.source.name, self.source.text))
        text = line.stripped
        self.section = (text,) if text in SECTIONS else (self.section[0], text)
        self.current = None
        self.objective = None

    def paragraph(self, line: Line, number: int, skip: int) -> None:
        expected = len(self.paragraphs) + 1
        if number != expected:
            self.fail(line, f"expected paragraph {expected}, found {number}")
        self.paragraphs.append((number, self.unit(line, skip), self.section))
        if self.objective is not None:
            self.objective_paragraph[self.objective] = number

    def last_paragraph(self, line: Line) -> int:
        if not self.paragraphs:
            self.fail(line, "expected a numbered paragraph before this line")
        return self.paragraphs[-1][0]

    def in_principles(self) -> bool:
        return bool(self.paragraphs) and self.paragraphs[-1][0] == PRINCIPLES_PARAGRAPH

    objective_paragraph: dict[int, int]


def extract_zero_draft(source: SourceFile) -> ZeroDraftPlus:
    lines = split_lines(source.text)
    start = next((line for line in lines if line.stripped == ANNEX_START), None)
    if start is None:
        raise ExtractionError(source.name, len(lines), f"expected the annex to start with {ANNEX_START!r}")
    body = lines[start.number - 1 :]
    opening = next((line for line in body if line.stripped.startswith(OPENING_START)), None)
    if opening is None:
        raise ExtractionError(source.name, start.number, f"expected an opening statement starting {OPENING_START!r}")
    header = [_single(source, line) for line in body[: opening.number - start.number] if line.stripped]
    parser = _Parser(source, body)
    parser.objective_paragraph = {}
    for line in body[opening.number - start.number + 1 :]:
        parser.feed(line)
    return _assemble(source, parser, header, _single(source, opening))


def _single(source: SourceFile, line: Line) -> Passage:
    unit = OpenUnit(line.number)
    unit.add(line)
    return unit.passage(source.name, source.text)


def _assemble(source: SourceFile, parser: _Parser, header: list[Passage], opening: Passage) -> ZeroDraftPlus:
    def passage(unit: OpenUnit) -> Passage:
        return unit.passage(source.name, source.text)

    paragraphs = []
    for number, unit, section in parser.paragraphs:
        items = [LetteredItem(letter, passage(item)) for letter, item in parser.items.get(number, [])]
        paragraphs.append(Paragraph(number, passage(unit), section, items))
    if len(paragraphs) != EXPECTED_PARAGRAPHS:
        raise ExtractionError(
            source.name, parser.lines[-1].number, f"expected {EXPECTED_PARAGRAPHS} paragraphs, found {len(paragraphs)}"
        )
    principles = [Principle(passage(name), passage(definition)) for name, definition in parser.principles]
    draft = ZeroDraftPlus(header, opening, paragraphs, parser.sections, principles)
    for number in range(1, EXPECTED_OBJECTIVES + 1):
        if number not in parser.headed or number not in parser.listed:
            raise ExtractionError(
                source.name, parser.lines[-1].number, f"expected objective {number} in the list and as a heading"
            )
        objective = DraftObjective(number, passage(parser.headed[number]), passage(parser.listed[number]))
        paragraph_number = parser.objective_paragraph.get(number)
        if paragraph_number is None:
            raise ExtractionError(
                source.name, parser.headed[number].first_line, f"expected a commitment paragraph for objective {number}"
            )
        objective.commitment = draft.paragraph(paragraph_number)
        intro = parser.intros.get(paragraph_number)
        objective.actions_intro = passage(intro) if intro else None
        if objective.title.text != objective.listed_title.text:
            heading, listed = objective.title.text, objective.listed_title.text
            message = f"objective {number}: heading title {heading!r} differs from listed title {listed!r}"
            raise ExtractionError(source.name, parser.headed[number].first_line, message)
        draft.objectives.append(objective)
    return draft
