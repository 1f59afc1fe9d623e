"""Progress Declaration of the International Migration Review Forum (draft resolution, 26 May 2022).

Layout handled (``sources/imrf-progress-declaration-2022-draft-resolution-en.txt``,
a text extraction of the UN document): a cover header with one fact per line
(organ, "Distr.: Limited", date, "Original: English", session, "Agenda items
15 and 119", the agenda item titles, "Draft resolution submitted by ...", the
title), the enacting formula "The General Assembly" and one operative
paragraph, then "Annex", the declaration title and 77 numbered paragraphs
under unnumbered headings. A "Round table N (objectives ...)" heading is a
sub-heading and carries a footnote quoting the titles of its objectives.

The extraction kept the page layout: footnote blocks ("⁴ Objective 2: ...")
stand where a page ended, often inside a sentence, and the paragraph goes on
in the next block after them. So a paragraph that does not end with
sentence-final punctuation is continued by the next non-footnote block, even
one starting with a capital ("Compact, including", paragraph 71).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from gcm_graph.extract.lines import ExtractionError, Line, split_lines
from gcm_graph.extract.records import Footnote, Paragraph, Passage, Span
from gcm_graph.extract.repair import SUPERSCRIPT_DIGITS, assemble_passage, repair_text, superscript_to_int
from gcm_graph.extract.sources import SourceFile

EXPECTED_PARAGRAPHS = 77

_NUMBERED = re.compile(r"(\d+)\. (?=\S)")
_FOOTNOTE = re.compile(f"([{SUPERSCRIPT_DIGITS}]+) (?=\\S)")
_SENTENCE_END = re.compile(r"[.!?][”’\"')]*$")
_ROUND_TABLE = re.compile(r"Round table (\d+) \(objectives ([\d, and]+)\)")
_OBJECTIVE_TITLE = re.compile(r"[Oo]bjective (\d+): (?P<title>[^;]+?)(?=; |\.\s*$)")
# "Resolution [73/195](#)", "decision Assembly/AU/Dec.695 (XXXI)", "[A/76/642](#)", "FCCC/CP/2015/10/Add.1".
_SYMBOL = re.compile(
    r"(?P<resolution>\b[Rr]esolution \[?(?P<number>\d{2,3}/\d{1,3})(?:\]\(#\))?)"
    r"|(?P<decision>\bdecision (?P<au>(?:Assembly|EX\.CL)/AU/Dec\.\d+) ?(?P<session>\([IVXLC]+\)))"
    r"|(?<![\w/])(?P<document>(?:A|E|S|FCCC)/[\w./]*\w)"
)


@dataclass(frozen=True)
class SymbolCitation:
    """A UN document cited in a paragraph or footnote: full symbol and the form quoted in the text."""

    symbol: str  # normalised: "A/RES/73/195", "Assembly/AU/Dec.695(XXXI)"
    quoted: str  # repaired text as it stands: "Resolution 73/195"
    span: Span  # where ``quoted`` stands in the source

    @property
    def passage(self) -> Passage:
        return Passage(self.quoted, (self.span,))


@dataclass(frozen=True)
class FootnoteAnchor:
    """Where a footnote marker stood: in a paragraph (by number) or a heading (by text)."""

    number: int
    offset: int  # in the anchoring passage's text
    paragraph: int | None = None
    heading: str | None = None


@dataclass(frozen=True)
class RoundTable:
    number: int
    heading: Passage
    objectives: tuple[int, ...]
    footnote: int
    paragraphs: tuple[int, ...]
    objective_titles: tuple[tuple[int, Passage], ...]  # quoted in the footnote, in its order


@dataclass(frozen=True)
class DeclarationHeader:
    organ: Passage  # "General Assembly"
    distribution: Passage  # "Limited"
    date: Passage  # "26 May 2022"
    issued: date
    original_language: Passage  # "English"
    session: Passage  # "Seventy-sixth session"
    agenda_items: Passage  # "Agenda items 15 and 119"
    agenda_item_numbers: tuple[int, ...]
    agenda_item_titles: tuple[Passage, ...]
    submission: Passage  # "Draft resolution submitted by the President of the General Assembly"
    title: Passage
    enacting_formula: Passage  # "The General Assembly"


@dataclass
class ProgressDeclaration:
    source: SourceFile
    header: DeclarationHeader
    operative_paragraph: Passage
    annex_title: Passage
    sections: list[Passage]
    paragraphs: list[Paragraph]
    round_tables: list[RoundTable]
    footnotes: list[Footnote]
    footnote_anchors: dict[int, FootnoteAnchor]
    paragraph_symbols: dict[int, tuple[SymbolCitation, ...]]
    footnote_symbols: dict[int, tuple[SymbolCitation, ...]]

    def paragraph(self, number: int) -> Paragraph:
        if not 1 <= number <= len(self.paragraphs):
            raise KeyError(f"{self.source.name}: no paragraph {number}")
        return self.paragraphs[number - 1]


def extract_progress_declaration(source: SourceFile) -> ProgressDeclaration:
    """Header, operative paragraph and annex of the draft resolution, in reading order."""
    cursor = _Cursor(source)
    header = _parse_header(cursor)
    operative = cursor.block_passage("the operative paragraph")
    cursor.line("the annex heading", re.compile("Annex"))
    annex_title = cursor.block_passage("the declaration title")
    body = _Body(source)
    for block in cursor.remaining_blocks():
        body.add(block)
    body.finish()
    return ProgressDeclaration(
        source=source,
        header=header,
        operative_paragraph=operative,
        annex_title=annex_title,
        sections=[heading for heading, _ in body.headings],
        paragraphs=body.paragraphs,
        round_tables=body.round_tables(),
        footnotes=body.footnotes,
        footnote_anchors=body.anchors(),
        paragraph_symbols={p.number: cite_symbols(source, p.passage) for p in body.paragraphs},
        footnote_symbols={f.number: cite_symbols(source, f.passage) for f in body.footnotes},
    )


def cite_symbols(source: SourceFile, passage: Passage) -> tuple[SymbolCitation, ...]:
    """UN document symbols in a passage, searched in the raw source so each quote keeps its span."""
    citations: list[SymbolCitation] = []
    for span in passage.spans:
        raw = source.text[span.start : span.end]
        for match in _SYMBOL.finditer(raw):
            quoted = repair_text(match.group())[0]
            where = Span(source.name, span.start + match.start(), span.start + match.end())
            citations.append(SymbolCitation(_normalise_symbol(match), quoted, where))
    return tuple(citations)


def _normalise_symbol(match: re.Match[str]) -> str:
    """Full symbol: a bare resolution number of the Assembly is "A/RES/..."; AU decisions lose the space."""
    if match.group("resolution"):
        return f"A/RES/{match.group('number')}"
    if match.group("decision"):
        return f"{match.group('au')}{match.group('session')}"
    return match.group("document")


class _Cursor:
    """Reads the source line by line (header facts) and block by block (blank-line separated)."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.lines = split_lines(source.text)
        self.index = 0

    def _next_line(self, what: str) -> Line:
        while self.index < len(self.lines) and not self.lines[self.index].stripped:
            self.index += 1
        if self.index == len(self.lines):
            raise ExtractionError(self.source.name, len(self.lines), f"expected {what}, found end of document")
        return self.lines[self.index]

    def peek(self, what: str) -> str:
        return self._next_line(what).stripped

    def line(self, what: str, pattern: re.Pattern[str], group: str | int = 0) -> tuple[Passage, re.Match[str]]:
        line = self._next_line(what)
        match = pattern.fullmatch(line.stripped)
        if match is None:
            raise ExtractionError(self.source.name, line.number, f"expected {what}, found {line.stripped!r}")
        self.index += 1
        start = line.content_span()[0]
        fragment = (start + match.start(group), start + match.end(group))
        return assemble_passage(self.source.name, self.source.text, [fragment]), match

    def block(self, what: str) -> list[Line]:
        block = [self._next_line(what)]
        self.index += 1
        while self.index < len(self.lines) and self.lines[self.index].stripped:
            block.append(self.lines[self.index])
            self.index += 1
        return block

    def block_passage(self, what: str) -> Passage:
        return assemble_passage(self.source.name, self.source.text, [_fragment(self.source.text, self.block(what))])

    def remaining_blocks(self) -> Iterator[list[Line]]:
        while any(line.stripped for line in self.lines[self.index :]):
            yield self.block("a block")


def _fragment(text: str, block: list[Line], skip: int = 0) -> tuple[int, int]:
    """A block's text span, first ``skip`` characters and a surrounding ``**bold**`` pair left out."""
    start, end = block[0].content_span(skip)[0], block[-1].content_span()[1]
    if text.startswith("**", start) and text.endswith("**", start, end) and end - start > 4:
        return start + 2, end - 2
    return start, end


def _parse_header(cursor: _Cursor) -> DeclarationHeader:
    """The cover page: fixed labelled lines, then agenda item titles up to "Draft resolution ..."."""
    organ, _ = cursor.line("the organ", re.compile("General Assembly"))
    distribution, _ = cursor.line("the distribution", re.compile(r"Distr\.: (\S.*)"), 1)
    when, match = cursor.line("the date", re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}"))
    language, _ = cursor.line("the original language", re.compile(r"Original: (\S.*)"), 1)
    session, _ = cursor.line("the session", re.compile(r"\S.* session"))
    agenda, agenda_match = cursor.line("the agenda items", re.compile(r"Agenda items? ([\d, and]+)"))
    titles = []
    while not cursor.peek("the submission line").startswith("Draft resolution"):
        titles.append(cursor.block_passage("an agenda item title"))
    submission, _ = cursor.line("the submission line", re.compile(r"Draft resolution submitted by \S.*"))
    title = cursor.block_passage("the title")
    formula, _ = cursor.line("the enacting formula", re.compile("The General Assembly"))
    return DeclarationHeader(
        organ=organ,
        distribution=distribution,
        date=when,
        issued=datetime.strptime(match.group(), "%d %B %Y").date(),
        original_language=language,
        session=session,
        agenda_items=agenda,
        agenda_item_numbers=tuple(int(n) for n in re.findall(r"\d+", agenda_match.group(1))),
        agenda_item_titles=tuple(titles),
        submission=submission,
        title=title,
        enacting_formula=formula,
    )


@dataclass
class _Draft:
    number: int
    line: int
    section: tuple[str, ...]
    fragments: list[tuple[int, int]]


class _Body:
    """The annex: numbered paragraphs, headings and footnote blocks interleaved at page breaks."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.drafts: list[_Draft] = []
        self.headings: list[tuple[Passage, int]] = []
        self.footnotes: list[Footnote] = []
        self.footnote_lines: dict[int, int] = {}
        self.path: tuple[str, ...] = ()
        self.paragraphs: list[Paragraph] = []

    def _error(self, line: int, message: str) -> ExtractionError:
        return ExtractionError(self.source.name, line, message)

    def _passage(self, fragments: list[tuple[int, int]]) -> Passage:
        return assemble_passage(self.source.name, self.source.text, fragments)

    def add(self, block: list[Line]) -> None:
        text = block[0].stripped
        if footnote := _FOOTNOTE.match(text):
            self._add_footnote(block, footnote)
        elif numbered := _NUMBERED.match(text):
            self._add_paragraph(block, numbered)
        elif self.drafts and not self._finished(self.drafts[-1]):
            self.drafts[-1].fragments.append(_fragment(self.source.text, block))
        else:
            self._add_heading(block)

    def _finished(self, draft: _Draft) -> bool:
        raw = " ".join(self.source.text[start:end] for start, end in draft.fragments)
        return _SENTENCE_END.search(repair_text(raw)[0]) is not None

    def _add_footnote(self, block: list[Line], match: re.Match[str]) -> None:
        number, expected = superscript_to_int(match.group(1)), len(self.footnotes) + 1
        if number != expected:
            raise self._error(block[0].number, f"expected footnote {expected}, found {number}")
        passage = self._passage([_fragment(self.source.text, block, match.end())])
        self.footnotes.append(Footnote(number, passage))
        self.footnote_lines[number] = block[0].number

    def _add_paragraph(self, block: list[Line], match: re.Match[str]) -> None:
        number, expected = int(match.group(1)), len(self.drafts) + 1
        if number != expected:
            raise self._error(block[0].number, f"expected paragraph {expected}, found {number}")
        if self.drafts and not self._finished(self.drafts[-1]):
            raise self._error(block[0].number, f"expected the end of paragraph {number - 1}, found {number}")
        fragment = _fragment(self.source.text, block, match.end())
        self.drafts.append(_Draft(number, block[0].number, self.path, [fragment]))

    def _add_heading(self, block: list[Line]) -> None:
        passage = self._passage([_fragment(self.source.text, block)])
        if not _ROUND_TABLE.fullmatch(passage.text):
            self.path = (passage.text,)
        elif self.path:
            self.path = (self.path[0], passage.text)
        else:
            raise self._error(block[0].number, f"expected a section heading before {passage.text!r}")
        self.headings.append((passage, block[0].number))

    def finish(self) -> None:
        last_line = len(split_lines(self.source.text))
        if len(self.drafts) != EXPECTED_PARAGRAPHS:
            raise self._error(last_line, f"expected paragraph {len(self.drafts) + 1}, found end of document")
        if not self._finished(self.drafts[-1]):
            raise self._error(last_line, f"expected the end of paragraph {len(self.drafts)}, found end of document")
        self.paragraphs = [Paragraph(d.number, self._passage(d.fragments), d.section) for d in self.drafts]

    def anchors(self) -> dict[int, FootnoteAnchor]:
        """Each footnote's marker, which must stand exactly once in a paragraph or heading."""
        found: dict[int, FootnoteAnchor] = {}
        places = [(p.passage, p.number, None, self.drafts[p.number - 1].line) for p in self.paragraphs]
        places += [(heading, None, heading.text, line) for heading, line in self.headings]
        for passage, number, heading, line in places:
            for ref in passage.footnote_refs:
                if ref.number not in self.footnote_lines:
                    raise self._error(line, f"expected a footnote text for marker {ref.number}, found none")
                if ref.number in found:
                    raise self._error(line, f"expected one marker for footnote {ref.number}, found a second one")
                found[ref.number] = FootnoteAnchor(ref.number, ref.offset, number, heading)
        for number, line in self.footnote_lines.items():
            if number not in found:
                raise self._error(line, f"expected a marker for footnote {number} in the text, found none")
        return dict(sorted(found.items()))

    def round_tables(self) -> list[RoundTable]:
        tables: list[RoundTable] = []
        for heading, line in self.headings:
            match = _ROUND_TABLE.fullmatch(heading.text)
            if match is None:
                continue
            if int(match.group(1)) != len(tables) + 1 or len(heading.footnote_refs) != 1:
                raise self._error(line, f"expected round table {len(tables) + 1} with one footnote marker")
            objectives = tuple(int(n) for n in re.findall(r"\d+", match.group(2)))
            footnote = heading.footnote_refs[0].number
            paragraphs = tuple(p.number for p in self.paragraphs if p.section[-1:] == (heading.text,))
            titles = self._objective_titles(footnote, objectives)
            tables.append(RoundTable(len(tables) + 1, heading, objectives, footnote, paragraphs, titles))
        return tables

    def _objective_titles(self, number: int, objectives: tuple[int, ...]) -> tuple[tuple[int, Passage], ...]:
        """'Objective 2: Minimize ...; objective 5: ...' in the round table's footnote."""
        span = self.footnotes[number - 1].passage.spans[0]
        raw = self.source.text[span.start : span.end]
        titles = []
        for match in _OBJECTIVE_TITLE.finditer(raw):
            fragment = (span.start + match.start("title"), span.start + match.end("title"))
            titles.append((int(match.group(1)), self._passage([fragment])))
        if tuple(n for n, _ in titles) != objectives:
            found = [n for n, _ in titles]
            raise self._error(self.footnote_lines[number], f"expected titles of objectives {objectives}, found {found}")
        return tuple(titles)
