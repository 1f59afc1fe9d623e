"""Where a quotation stands: map a range of a repaired passage back to its source characters.

Used for the figures the Progress Declaration states and for titles that a
document prints inside a sentence, so that a quoted literal carries spans as
exact as those of a whole paragraph.
"""

from __future__ import annotations

from gcm_graph.extract.lines import ExtractionError, split_lines
from gcm_graph.extract.records import Passage, Span
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import SourceFile


def quote(source_text: str, passage: Passage, text: str) -> Passage:
    """The passage of ``text``, which must occur exactly once in ``passage.text``."""
    start = passage.text.find(text)
    if start < 0 or passage.text.find(text, start + 1) >= 0:
        found = "no" if start < 0 else "more than one"
        raise ValueError(f"{passage.spans[0].source}: expected {text!r} once in the passage, found {found}")
    return Passage(text, locate(source_text, passage, start, start + len(text)))


def locate(source_text: str, passage: Passage, start: int, end: int) -> tuple[Span, ...]:
    """Source spans of ``passage.text[start:end]``, one per source fragment the range touches.

    The repairs only delete characters (markdown, footnote markers, the space
    of a broken hyphen), turn whitespace runs into one space and join
    fragments with one space, so the repaired text is a subsequence of the
    fragments' text: aligning it greedily gives each character its offset.
    Deleted characters at either end ("[73/195](#)") are taken in as needed;
    a range that cuts through a markdown link's text has no span and raises.
    """
    positions = _align(source_text, passage)
    by_fragment: dict[int, list[int]] = {}
    for fragment, offset in positions[start:end]:
        if fragment >= 0:
            by_fragment.setdefault(fragment, []).append(offset)
    if not by_fragment:
        raise ValueError(f"{passage.spans[0].source}: nothing to locate at {start}..{end}")
    source = passage.spans[0].source
    bounds = [[min(offsets), max(offsets) + 1] for _, offsets in sorted(by_fragment.items())]
    first, last = min(by_fragment), max(by_fragment)
    floor = _neighbour(positions, start - 1, first, passage.spans[first].start - 1) + 1
    ceiling = _neighbour(positions, end, last, passage.spans[last].end)
    wanted = passage.text[start:end]
    for widen in range(bounds[0][0] - floor + ceiling - bounds[-1][1] + 1):
        for left in range(min(widen, bounds[0][0] - floor) + 1):
            right = widen - left
            if bounds[-1][1] + right > ceiling:
                continue
            edges = [list(b) for b in bounds]
            edges[0][0] -= left
            edges[-1][1] += right
            spans = tuple(Span(source, a, b) for a, b in edges)
            if passage_from_spans(source_text, spans) == wanted:
                return spans
    raise ValueError(f"{source}: cannot map {wanted!r} back to source offsets")


def _neighbour(positions: list[tuple[int, int]], index: int, fragment: int, default: int) -> int:
    """Source offset of the aligned character at ``index`` if it lies in ``fragment``, else ``default``."""
    if 0 <= index < len(positions) and positions[index][0] == fragment:
        return positions[index][1]
    return default


def _align(source_text: str, passage: Passage) -> list[tuple[int, int]]:
    """(fragment index, source offset) for each character of ``passage.text``; fragment -1 is a joining space."""
    raw: list[tuple[int, int]] = []
    for index, span in enumerate(passage.spans):
        if index:
            raw.append((-1, -1))
        raw.extend((index, offset) for offset in range(span.start, span.end))
    aligned: list[tuple[int, int]] = []
    cursor = 0
    for char in passage.text:
        while cursor < len(raw) and not _matches(char, raw[cursor], source_text):
            cursor += 1
        if cursor == len(raw):
            raise ValueError(f"{passage.spans[0].source}: repaired text does not follow its spans")
        aligned.append(raw[cursor])
        cursor += 1
    return aligned


def _matches(char: str, position: tuple[int, int], source_text: str) -> bool:
    if position[0] < 0:
        return char == " "
    found = source_text[position[1]]
    return found == char or (char == " " and found.isspace())


def printed_line(source: SourceFile, text: str) -> Passage:
    """The one line of ``source`` that prints ``text`` (markdown heading marks aside)."""
    found = []
    for line in split_lines(source.text):
        content = line.text.strip().lstrip("#").strip()
        if content == text:
            start = line.start + line.text.index(text)
            found.append(Passage(text, (Span(source.name, start, start + len(text)),)))
    if len(found) != 1:
        raise ExtractionError(source.name, 1, f"expected one line reading {text!r}, found {len(found)}")
    return found[0]
