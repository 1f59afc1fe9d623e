"""Parser for the markdown extraction of the IOM Quick Reference.

Layout handled: ``#`` headings for the page titles, one paragraph per line,
``- a. **Verb** rest;`` list items for actions and capacity-building
features. The objective pages were extracted three different ways, so an
objective heading is any of ``## Objective 01``, ``Objective`` + ``02`` on
the next line, or ``**Objective**`` + ``**03**``, followed by the capitalised
heading (``## ...`` or a bold or plain paragraph that may wrap onto a second
line), a ``COMMITMENT:`` and an ``ACTIONS:`` marker in ``###`` or bold form.
The list letters of objectives 12 and 13 are lost (``- Increase** ...``):
those actions get the letter None, for the reconciliation to fill in.
Spans leave out ``#`` and list markers; ``**`` inside a span is markdown
the repairs remove.
"""

from __future__ import annotations

import re

from gcm_graph.extract.lines import Line, split_lines
from gcm_graph.extract.quick_reference_witnesses import (
    LineCursor,
    OverviewSection,
    PublicationFacts,
    QuickReferenceWitness,
    WitnessObjective,
    check_numbering,
    group_span,
    lines_passage,
    passage,
    regions,
    runs,
    stated_counts,
)
from gcm_graph.extract.records import LetteredItem, Passage
from gcm_graph.extract.sources import SourceFile

HEADING = re.compile(r"^#+\s+(.+)$")
LIST_ITEM = re.compile(r"^- (?:([a-z])\.\s+)?(\S.*)$")
TITLE_ITEM = re.compile(r"^(\d+)\.\s+(\S.*)$")
OBJECTIVE = re.compile(r"^(?:#+\s*)?(?:\*\*)?Objective(?:\*\*)?(?:\s+(\d+))?$")
OBJECTIVE_NUMBER = re.compile(r"^(?:\*\*)?(\d+)(?:\*\*)?$")
COMMITMENT = re.compile(r"^(?:#+\s*)?(?:\*\*)?COMMITMENT:(?:\*\*)?$")
ACTIONS = re.compile(r"^(?:#+\s*)?(?:\*\*)?ACTIONS:(?:\*\*)?$")
HEADING_PREFIX = re.compile(r"^(#+\s+)?(.*)$")

# Each region is named for what follows its heading; "before" is the front matter.
ANCHORS = (
    ("overview", re.compile(r"^# GLOBAL COMPACT: OVERVIEW$")),
    ("principles", re.compile(r"^# GUIDING PRINCIPLES$")),
    ("objectives", re.compile(r"^# 23 OBJECTIVES OF GLOBAL COMPACT FOR MIGRATION$")),
    ("implementation", re.compile(r"^## IMPLEMENTATION AND REVIEW$")),
    ("follow_up", re.compile(r"^### Follow-up and Review$")),
    ("back", re.compile(r"^### For more information:$")),
)


def _is_blank(line: Line) -> bool:
    return not line.text.strip()


def _is_list_item(line: Line) -> bool:
    return bool(LIST_ITEM.match(line.text.strip()))


def _cursor(source: SourceFile, lines: list[Line]) -> LineCursor:
    return LineCursor(source, lines, _is_blank)


def _content(line: Line) -> tuple[int, int]:
    """The line without a leading ``#`` heading marker."""
    match = HEADING_PREFIX.match(line.text.strip())
    assert match is not None
    return group_span(line, match, 2)


def _headed_passage(source: SourceFile, lines: list[Line]) -> Passage:
    return passage(source, [_content(line) for line in lines])


def parse_markdown_extract(source: SourceFile) -> QuickReferenceWitness:
    lines = split_lines(source.text)
    parts = regions(source, lines, ANCHORS)
    titles, objectives = _titles_and_objectives(source, parts["objectives"])
    implementation, capacity_building = _implementation(source, parts["implementation"])
    overview = _overview(source, parts["overview"])
    return QuickReferenceWitness(
        source=source,
        overview=overview,
        stated=stated_counts(source, parts["overview"], overview),
        principles=tuple(lines_passage(source, run) for run in runs(parts["principles"], _is_blank)),
        titles=titles,
        objectives=objectives,
        implementation=implementation,
        capacity_building=capacity_building,
        follow_up=tuple(lines_passage(source, run) for run in runs(parts["follow_up"], _is_blank)),
        publication=_publication(source, parts["before"], lines),
    )


def _overview(source: SourceFile, lines: list[Line]) -> tuple[OverviewSection, ...]:
    """``## CONTEXT`` then its paragraph, for each box."""
    cursor = _cursor(source, lines)
    sections = []
    cursor.skip_blank()
    while not cursor.at_end():
        heading, _ = cursor.expect(re.compile(r"^## \S.*$"), "an overview heading '## ...'")
        text = cursor.take_run()
        sections.append(OverviewSection(_headed_passage(source, [heading]), lines_passage(source, text)))
        cursor.skip_blank()
    return tuple(sections)


def _titles_and_objectives(
    source: SourceFile, lines: list[Line]
) -> tuple[tuple[Passage, ...], tuple[WitnessObjective, ...]]:
    starts = [i for i, line in enumerate(lines) if OBJECTIVE.match(line.text.strip())]
    if not starts:
        raise _cursor(source, lines).error("expected an objective heading 'Objective 01' after the list of titles")
    titles = _titles(source, lines[: starts[0]])
    bounds = zip(starts, starts[1:] + [len(lines)], strict=True)
    objectives = tuple(_objective(source, lines[start:end]) for start, end in bounds)
    check_numbering(source, [(o.number, lines[i]) for o, i in zip(objectives, starts, strict=True)], "objective")
    return titles, objectives


def _titles(source: SourceFile, lines: list[Line]) -> tuple[Passage, ...]:
    """``1. Collect and utilize ...``, one title per line."""
    cursor = _cursor(source, lines)
    numbered: list[tuple[int, Line]] = []
    titles = []
    cursor.skip_blank()
    while not cursor.at_end():
        line, match = cursor.expect(TITLE_ITEM, "a numbered objective title '1. ...'")
        numbered.append((int(match.group(1)), line))
        titles.append(passage(source, [group_span(line, match, 2)]))
        cursor.skip_blank()
    if not titles:
        raise cursor.error("expected the numbered objective titles '1. ...'")
    check_numbering(source, numbered, "title")
    return tuple(titles)


def _objective(source: SourceFile, lines: list[Line]) -> WitnessObjective:
    cursor = _cursor(source, lines)
    _, match = cursor.expect(OBJECTIVE, "an objective heading")
    number = match.group(1) or cursor.expect(OBJECTIVE_NUMBER, "the objective number on its own line")[1].group(1)
    heading = cursor.take_run()
    cursor.expect(COMMITMENT, "'COMMITMENT:'")
    statements = cursor.take_while(lambda line: not ACTIONS.match(line.text.strip()) and not _is_list_item(line))
    cursor.expect(ACTIONS, "'ACTIONS:' after the commitment")
    actions = _list_items(cursor, "an action '- a. ...'")
    return WitnessObjective(
        number=int(number),
        short_title=_headed_passage(source, heading),
        commitments=tuple(lines_passage(source, [line]) for line in statements if line.text.strip()),
        actions=actions,
    )


def _list_items(cursor: LineCursor, what: str) -> tuple[LetteredItem, ...]:
    """``- a. **Verb** text;`` up to the end of the region; ``- Verb** text;`` has lost its letter."""
    items = []
    cursor.skip_blank()
    while not cursor.at_end() and _is_list_item(cursor.current):
        line, match = cursor.expect(LIST_ITEM, what)
        items.append(LetteredItem(match.group(1), passage(cursor.source, [group_span(line, match, 2)])))
        cursor.skip_blank()
    cursor.expect_rest_blank(what)
    return tuple(items)


def _implementation(source: SourceFile, lines: list[Line]) -> tuple[tuple[Passage, ...], tuple[LetteredItem, ...]]:
    """Paragraphs of IMPLEMENTATION AND REVIEW, and the lettered capacity-building features among them."""
    cursor = _cursor(source, lines)
    paragraphs: list[Passage] = []
    features: list[LetteredItem] = []
    cursor.skip_blank()
    while not cursor.at_end():
        if _is_list_item(cursor.current):
            line, match = cursor.expect(LIST_ITEM, "a capacity-building feature")
            features.append(LetteredItem(match.group(1), passage(source, [group_span(line, match, 2)])))
        else:
            paragraph = cursor.take_while(lambda line: not _is_blank(line) and not _is_list_item(line))
            paragraphs.append(lines_passage(source, paragraph))
        cursor.skip_blank()
    return tuple(paragraphs), tuple(features)


def _publication(source: SourceFile, front: list[Line], lines: list[Line]) -> PublicationFacts:
    """Imprint (front matter before the overview), cover title page, and the back page's funder."""
    cursor = _cursor(source, front)
    project, project_match = cursor.seek(re.compile(r"^.*project titled “([^”]+)”.*$"), "'project titled “...”'")
    cursor.seek(re.compile(r"^\*\*Publisher:\*\*$"), "'**Publisher:**'")
    publisher, _ = cursor.expect(re.compile(r"^International Organization for Migration$"), "the publisher")
    office, _ = cursor.expect(re.compile(r"^\S.*Office$"), "the country office")
    copyright_line, _ = cursor.seek(re.compile(r"^© \d{4} \S.*$"), "the copyright line '© ...'")
    cursor.seek(re.compile(r"^\*\*Link to GCM resolution:\*\*$"), "'**Link to GCM resolution:**'")
    link, link_match = cursor.expect(re.compile(r"^<(https?://\S+)>$"), "the resolution link '<https://...>'")
    label, _ = cursor.seek(re.compile(r"^\*\*Editing, Design & Production:\*\*$"), "the production credit")
    producer, _ = cursor.expect(re.compile(r"^\S.*$"), "the producer's name")
    cursor.seek(re.compile(r"^# GLOBAL COMPACT FOR SAFE, ORDERLY AND REGULAR MIGRATION$"), "the title page heading")
    edition, _ = cursor.expect(re.compile(r"^[A-Z ]+ VERSION$"), "the edition 'QUICK REFERENCE VERSION'")
    date, _ = cursor.expect(re.compile(r"^[A-Z]+ \d{4}$"), "the date 'JULY 2021'")
    back = _cursor(source, lines)
    back.seek(re.compile(r"^Funded by$"), "'Funded by' on the back page")
    funder, _ = back.expect(re.compile(r"^\S.*$"), "the funder")
    return PublicationFacts(
        publisher=lines_passage(source, [publisher]),
        country_office=lines_passage(source, [office]),
        funder=lines_passage(source, [funder]),
        copyright=lines_passage(source, [copyright_line]),
        resolution_link=passage(source, [group_span(link, link_match, 1)]),
        production=lines_passage(source, [label, producer]),
        edition=lines_passage(source, [edition]),
        date=lines_passage(source, [date]),
        project=passage(source, [group_span(project, project_match, 1)]),
    )
