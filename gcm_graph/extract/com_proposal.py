"""COM(2018) 167 final, German part: explanatory memorandum and the proposed Council decision.

Layout handled (markdown-ish text extract): header lines, ``BEGRÜNDUNG`` with four
section headings and paragraphs separated by blank lines, footnotes as lines
starting with a superscript marker wherever the page ended, then the decision:
``DER RAT ... –``, three ``gestützt auf``/``auf Vorschlag`` citations, sixteen
recitals ``- (n) ...`` (recital 5 is cut by a page break and two footnotes),
``Einziges Artikel`` with three paragraphs, the place/date line and the italic
signature block. The annex (the Zero Draft Plus, in English) starts at the
line ``Brussels, 21.3.2018`` and is left to ``zero_draft``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gcm_graph.extract.lines import ExtractionError, Line, split_lines
from gcm_graph.extract.records import Footnote, Paragraph, Passage
from gcm_graph.extract.sources import SourceFile
from gcm_graph.extract.units import FOOTNOTE_LINE, OpenUnit, footnote_from_line

ANNEX_START = "Brussels, 21.3.2018"
MEMORANDUM_HEADING = "BEGRÜNDUNG"
MEMORANDUM_SECTIONS = (
    "Gegenstand des Vorschlags",
    "Der Globale Pakt für eine sichere, geordnete und reguläre Migration",
    "Rechtsgrundlage",
    "Sonstige Aspekte",
)
DECISION_START = "Vorschlag für einen"
RECITAL = re.compile(r"^- \((\d+)\) ")
CITATION_START = ("gestützt auf ", "auf Vorschlag ")


@dataclass
class MemorandumSection:
    number: int
    heading: Passage
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class ComProposal:
    place_and_date: Passage
    reference: Passage
    procedure: Passage
    form: Passage
    title: Passage
    memorandum_heading: Passage
    memorandum: list[MemorandumSection]
    decision_title: Passage
    authority: Passage
    citations: list[Passage]
    recitals_intro: Passage
    recitals: list[Paragraph]
    enacting_formula: Passage
    article_heading: Passage
    article_paragraphs: list[Passage]
    done_at: Passage
    signature: Passage
    footnotes: list[Footnote]


class _Cursor:
    """Walks non-blank lines, collecting footnotes wherever they interrupt the text."""

    def __init__(self, source: SourceFile, lines: list[Line]):
        self.source = source
        self.lines = lines
        self.index = 0
        self.footnotes: list[Footnote] = []

    def peek(self) -> Line | None:
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if not line.stripped:
                self.index += 1
            elif FOOTNOTE_LINE.match(line.text):
                self.footnotes.append(footnote_from_line(self.source.name, self.source.text, line))
                self.index += 1
            else:
                return line
        return None

    def take(self) -> Line:
        line = self.peek()
        if line is None:
            last = self.lines[-1].number if self.lines else 1
            raise ExtractionError(self.source.name, last, "unexpected end of the proposal")
        self.index += 1
        return line

    def expect(self, text: str) -> Line:
        line = self.take()
        if line.stripped.strip("*") != text:
            raise ExtractionError(self.source.name, line.number, f"expected {text!r}, found {line.stripped!r}")
        return line

    def passage_of(self, *lines: Line, skip: int = 0) -> Passage:
        unit = OpenUnit(lines[0].number)
        for line in lines:
            unit.add(line, skip)
        return unit.passage(self.source.name, self.source.text)

    def block(self) -> list[Line]:
        """Consecutive non-blank lines (one markdown block)."""
        first = self.take()
        block = [first]
        while self.index < len(self.lines) and self.lines[self.index].stripped:
            block.append(self.lines[self.index])
            self.index += 1
        return block


def extract_com_proposal(source: SourceFile) -> ComProposal:
    lines = split_lines(source.text)
    annex = next((line for line in lines if line.stripped == ANNEX_START), None)
    if annex is None:
        raise ExtractionError(source.name, len(lines), f"expected the annex to start with {ANNEX_START!r}")
    cursor = _Cursor(source, lines[: annex.number - 1])
    place_and_date = cursor.passage_of(cursor.take())
    reference = cursor.passage_of(cursor.expect("COM(2018) 167 final"))
    procedure = cursor.passage_of(cursor.expect("2018/0079 (NLE)"))
    form = cursor.passage_of(cursor.expect(DECISION_START), cursor.expect("BESCHLUSS DES RATES"))
    title = cursor.passage_of(*cursor.block())
    memorandum_heading = cursor.passage_of(cursor.expect(MEMORANDUM_HEADING))
    memorandum = _memorandum(cursor)
    decision = _decision(cursor)
    return ComProposal(
        place_and_date=place_and_date,
        reference=reference,
        procedure=procedure,
        form=form,
        title=title,
        memorandum_heading=memorandum_heading,
        memorandum=memorandum,
        footnotes=sorted(cursor.footnotes, key=lambda note: note.number),
        **decision,
    )


def _memorandum(cursor: _Cursor) -> list[MemorandumSection]:
    sections: list[MemorandumSection] = []
    open_unit: OpenUnit | None = None
    paragraph_count = 0

    def close() -> None:
        nonlocal open_unit, paragraph_count
        if open_unit is not None:
            paragraph_count += 1
            passage = open_unit.passage(cursor.source.name, cursor.source.text)
            section = sections[-1]
            section.paragraphs.append(Paragraph(paragraph_count, passage, (section.heading.text,)))
            open_unit = None

    while (line := cursor.peek()) is not None and line.stripped != DECISION_START:
        cursor.index += 1
        if line.stripped in MEMORANDUM_SECTIONS:
            close()
            sections.append(MemorandumSection(len(sections) + 1, cursor.passage_of(line)))
            continue
        if not sections:
            raise ExtractionError(
                cursor.source.name, line.number, f"expected a section heading, found {line.stripped!r}"
            )
        if open_unit is not None and open_unit.ends_sentence(cursor.source.text):
            close()
        if open_unit is None:
            open_unit = OpenUnit(line.number)
        open_unit.add(line)
    close()
    if len(sections) != len(MEMORANDUM_SECTIONS):
        raise ExtractionError(
            cursor.source.name, 1, f"expected {len(MEMORANDUM_SECTIONS)} memorandum sections, found {len(sections)}"
        )
    return sections


def _decision(cursor: _Cursor) -> dict:
    cursor.expect(DECISION_START)
    cursor.expect("BESCHLUSS DES RATES")
    decision_title = cursor.passage_of(cursor.take())
    authority = cursor.passage_of(cursor.expect("DER RAT DER EUROPÄISCHEN UNION –"))
    citations = []
    while (line := cursor.peek()) is not None and line.stripped.startswith(CITATION_START):
        citations.append(cursor.passage_of(cursor.take()))
    recitals_intro = cursor.passage_of(cursor.expect("in Erwägung nachstehender Gründe:"))
    recitals = _recitals(cursor)
    enacting_formula = cursor.passage_of(cursor.expect("HAT FOLGENDEN BESCHLUSS ERLASSEN:"))
    article_heading = cursor.passage_of(cursor.expect("Einziges Artikel"))
    article_paragraphs = []
    while (line := cursor.peek()) is not None and not line.stripped.startswith("Geschehen zu"):
        article_paragraphs.append(cursor.passage_of(*cursor.block()))
    done_at = cursor.passage_of(cursor.take())
    signature = cursor.passage_of(*cursor.block())
    return {
        "decision_title": decision_title,
        "authority": authority,
        "citations": citations,
        "recitals_intro": recitals_intro,
        "recitals": recitals,
        "enacting_formula": enacting_formula,
        "article_heading": article_heading,
        "article_paragraphs": article_paragraphs,
        "done_at": done_at,
        "signature": signature,
    }


def _recitals(cursor: _Cursor) -> list[Paragraph]:
    recitals: list[Paragraph] = []
    units: list[tuple[int, OpenUnit]] = []
    while (line := cursor.peek()) is not None and line.stripped != "HAT FOLGENDEN BESCHLUSS ERLASSEN:":
        cursor.index += 1
        match = RECITAL.match(line.text)
        if match:
            number = int(match.group(1))
            expected = len(units) + 1
            if number != expected:
                raise ExtractionError(cursor.source.name, line.number, f"expected recital {expected}, found {number}")
            unit = OpenUnit(line.number)
            unit.add(line, skip=match.end())
            units.append((number, unit))
        elif units and not units[-1][1].ends_sentence(cursor.source.text):
            units[-1][1].add(line)
        else:
            raise ExtractionError(
                cursor.source.name, line.number, f"expected a recital '- (n) ...', found {line.stripped!r}"
            )
    for number, unit in units:
        recitals.append(Paragraph(number, unit.passage(cursor.source.name, cursor.source.text), ("Erwägungsgründe",)))
    return recitals
