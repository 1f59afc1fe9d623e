"""Parser for the plaintext extraction of the IOM Quick Reference.

Layout handled: the text came out of the PDF page by page, column by column,
with lines wrapped as printed and without markup.

* Overview: the box headings (CONTEXT, AIMS, ...) are capitalised lines; two
  boxes side by side give two headings, then their two paragraphs, in order.
* The list of 23 titles is a column of numbers "1." ... "23.", then the
  titles; a line starting in lower case continues the title above it.
* Objective headings interleave the number: "Objective COLLECT AND UTILIZE
  DATA" / "01" / "FOR EVIDENCE-BASED POLICIES". The heading's spans leave
  out the word "Objective" and the number line.
* Lettered lists (actions, capacity-building features) come as a column of
  letters "a." "b." ..., then the item texts wrapped mid-sentence; or with
  the letter inline ("a. Develop ..."); objective 13 has both. Items end at
  a line ending in ";" or "."; where the letter column counts more items than
  that gives (the unpunctuated objective 1 action d, the capacity-building
  features), an unpunctuated line followed by a capitalised one also ends an
  item. The letter column must then match the items exactly.
* Commitment statements end at a line ending in ";" or ".", and paragraphs
  of the implementation pages at a line ending a sentence: the extraction
  dropped the blank lines between them.
* Page footers "16 I GCM" count as blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gcm_graph.extract.lines import Line, split_lines
from gcm_graph.extract.quick_reference_witnesses import (
    LineCursor,
    OverviewSection,
    QuickReferenceWitness,
    WitnessObjective,
    check_numbering,
    group_span,
    lines_passage,
    passage,
    regions,
    runs,
    split_after,
    stated_counts,
)
from gcm_graph.extract.records import LetteredItem, Passage
from gcm_graph.extract.sources import SourceFile

PAGE_FOOTER = re.compile(r"^\d+ I GCM$")
COLUMN_LETTER = re.compile(r"^([a-z])\.$")
INLINE_LETTER = re.compile(r"^([a-z])\.\s+(\S.*)$")
COLUMN_NUMBER = re.compile(r"^(\d+)\.$")
OBJECTIVE = re.compile(r"^Objective\s+(\S.*)$")
OBJECTIVE_NUMBER = re.compile(r"^(\d+)$")
COMMITMENT = re.compile(r"^COMMITMENT:$")
ACTIONS = re.compile(r"^ACTIONS:$")
ITEM_END = re.compile(r"[;.]$")
PARAGRAPH_END = re.compile(r"[.:][”\"]?$")

# Each region is named for what follows its heading.
ANCHORS = (
    ("overview", re.compile(r"^OVERVIEW$")),
    ("principles", re.compile(r"^GUIDING PRINCIPLES$")),
    ("titles_heading", re.compile(r"^23 OBJECTIVES OF$")),
    ("objectives", re.compile(r"^GLOBAL COMPACT FOR MIGRATION$")),
    ("implementation", re.compile(r"^IMPLEMENTATION AND REVIEW$")),
    ("follow_up", re.compile(r"^Follow-up and Review$")),
    ("back", re.compile(r"^For more information:$")),
)


def _is_blank(line: Line) -> bool:
    text = line.text.strip()
    return not text or bool(PAGE_FOOTER.match(text))


def _cursor(source: SourceFile, lines: Sequence[Line]) -> LineCursor:
    return LineCursor(source, lines, _is_blank)


def _matches(pattern: re.Pattern[str], line: Line) -> bool:
    return bool(pattern.match(line.text.strip()))


def _label(pattern: re.Pattern[str], line: Line) -> str:
    """The number or letter of a column line such as "12." or "c."."""
    match = pattern.match(line.text.strip())
    assert match is not None
    return match.group(1)


def parse_plaintext_extract(source: SourceFile) -> QuickReferenceWitness:
    lines = split_lines(source.text)
    parts = regions(source, lines, ANCHORS)
    overview = _overview(source, parts["overview"])
    titles, objectives = _titles_and_objectives(source, parts["objectives"])
    implementation, capacity_building = _implementation(source, parts["implementation"])
    return QuickReferenceWitness(
        source=source,
        overview=overview,
        stated=stated_counts(source, parts["overview"], overview),
        principles=tuple(lines_passage(source, run) for run in runs(parts["principles"], _is_blank)),
        titles=titles,
        objectives=objectives,
        implementation=implementation,
        capacity_building=capacity_building,
        follow_up=_paragraphs(source, parts["follow_up"]),
    )


def _is_box_heading(line: Line) -> bool:
    text = line.text.strip()
    return text == text.upper() and any(char.isalpha() for char in text)


def _overview(source: SourceFile, lines: list[Line]) -> tuple[OverviewSection, ...]:
    """Pair the capitalised box headings with the paragraphs, both in reading order."""
    headings = [line for line in lines if _is_box_heading(line)]
    texts = runs(lines, lambda line: _is_blank(line) or _is_box_heading(line))
    if len(headings) != len(texts) or not headings:
        line = lines[0] if lines else None
        raise _cursor(source, lines).error(
            f"expected as many overview headings as paragraphs, found {len(headings)} and {len(texts)}", line
        )
    return tuple(
        OverviewSection(lines_passage(source, [heading]), lines_passage(source, text))
        for heading, text in zip(headings, texts, strict=True)
    )


def _titles_and_objectives(
    source: SourceFile, lines: list[Line]
) -> tuple[tuple[Passage, ...], tuple[WitnessObjective, ...]]:
    starts = [i for i, line in enumerate(lines) if _matches(OBJECTIVE, line)]
    if not starts:
        raise _cursor(source, lines).error("expected an objective heading 'Objective ...' after the list of titles")
    titles = _titles(source, lines[: starts[0]])
    bounds = zip(starts, starts[1:] + [len(lines)], strict=True)
    objectives = tuple(_objective(source, lines[start:end]) for start, end in bounds)
    check_numbering(source, [(o.number, lines[i]) for o, i in zip(objectives, starts, strict=True)], "objective")
    return titles, objectives


def _titles(source: SourceFile, lines: list[Line]) -> tuple[Passage, ...]:
    """A column of numbers, then the titles; a line starting in lower case continues a title."""
    cursor = _cursor(source, lines)
    cursor.skip_blank()
    numbers = cursor.take_while(lambda line: _matches(COLUMN_NUMBER, line))
    text = cursor.take_run()
    titles = split_after(text, lambda _, following: not following.text.strip()[:1].islower())
    if not numbers or len(titles) != len(numbers):
        raise cursor.error(f"expected one title per number of the column, found {len(numbers)} and {len(titles)}")
    cursor.expect_rest_blank("an objective heading after the list of titles")
    check_numbering(source, [(int(_label(COLUMN_NUMBER, line)), line) for line in numbers], "title")
    return tuple(lines_passage(source, title) for title in titles)


def _objective(source: SourceFile, lines: list[Line]) -> WitnessObjective:
    """Heading with the number on its second line, then COMMITMENT: statements, then ACTIONS: list."""
    cursor = _cursor(source, lines)
    first, match = cursor.expect(OBJECTIVE, "an objective heading")
    _, number = cursor.expect(OBJECTIVE_NUMBER, "the objective number on the line below 'Objective ...'")
    rest = cursor.take_while(lambda line: not _is_blank(line) and not _matches(COMMITMENT, line))
    cursor.expect(COMMITMENT, "'COMMITMENT:' below the objective heading")
    statements = cursor.take_while(lambda line: not _matches(ACTIONS, line))
    cursor.expect(ACTIONS, "'ACTIONS:' after the commitment")
    actions = _lettered_list(cursor)
    cursor.expect_rest_blank("the next objective heading after the actions")
    statement_groups = split_after([line for line in statements if not _is_blank(line)], _ends_item)
    return WitnessObjective(
        number=int(number.group(1)),
        short_title=passage(source, [group_span(first, match, 1)] + [line.content_span() for line in rest]),
        commitments=tuple(lines_passage(source, group) for group in statement_groups),
        actions=actions,
    )


def _ends_item(line: Line, _following: Line) -> bool:
    return bool(ITEM_END.search(line.text.strip()))


def _ends_item_or_capitalised(line: Line, following: Line) -> bool:
    return _ends_item(line, following) or following.text.strip()[:1].isupper()


def _lettered_list(cursor: LineCursor) -> tuple[LetteredItem, ...]:
    """Letter column (maybe empty), then the items: unlettered ones first, then inline-lettered ones."""
    cursor.skip_blank()
    column = cursor.take_while(lambda line: _matches(COLUMN_LETTER, line))
    block = cursor.take_run()
    first_inline = next((i for i, line in enumerate(block) if _matches(INLINE_LETTER, line)), len(block))
    unlettered = _split_items(cursor, block[:first_inline], len(column) if column else None)
    letters = [_label(COLUMN_LETTER, line) for line in column] or [None] * len(unlettered)
    items = [
        LetteredItem(letter, lines_passage(cursor.source, group))  # None: letter lost
        for letter, group in zip(letters, unlettered, strict=True)
    ]
    return tuple(items) + _inline_items(cursor.source, block[first_inline:])


def _split_items(cursor: LineCursor, lines: list[Line], count: int | None) -> list[list[Line]]:
    items = split_after(lines, _ends_item)
    if count is not None and len(items) < count:
        items = split_after(lines, _ends_item_or_capitalised)
    if count is not None and len(items) != count:
        where = lines[0] if lines else None
        raise cursor.error(f"the letter column lists {count} items but the text below it gives {len(items)}", where)
    return items


def _inline_items(source: SourceFile, lines: list[Line]) -> tuple[LetteredItem, ...]:
    """Items lettered inline, "c. Review and revise ...", with their wrapped lines below."""
    items = []
    for group in split_after(lines, lambda _, following: _matches(INLINE_LETTER, following)):
        match = INLINE_LETTER.match(group[0].text.strip())
        assert match is not None
        fragments = [group_span(group[0], match, 2)] + [line.content_span() for line in group[1:]]
        items.append(LetteredItem(match.group(1), passage(source, fragments)))
    return tuple(items)


def _implementation(source: SourceFile, lines: list[Line]) -> tuple[tuple[Passage, ...], tuple[LetteredItem, ...]]:
    """Paragraphs of IMPLEMENTATION AND REVIEW, with the lettered capacity-building features among them."""
    cursor = _cursor(source, lines)
    paragraphs: list[Passage] = []
    features: tuple[LetteredItem, ...] = ()
    cursor.skip_blank()
    while not cursor.at_end():
        if _matches(COLUMN_LETTER, cursor.current) or _matches(INLINE_LETTER, cursor.current):
            features += _lettered_list(cursor)
        else:
            text = cursor.take_while(lambda line: not _is_blank(line) and not _matches(COLUMN_LETTER, line))
            paragraphs.extend(_paragraphs(source, text))
        cursor.skip_blank()
    return tuple(paragraphs), features


def _paragraphs(source: SourceFile, lines: list[Line]) -> tuple[Passage, ...]:
    """Blank lines or a line ending a sentence close a paragraph."""
    groups = [
        group
        for run in runs(lines, _is_blank)
        for group in split_after(run, lambda line, _: bool(PARAGRAPH_END.search(line.text.strip())))
    ]
    return tuple(lines_passage(source, group) for group in groups)
