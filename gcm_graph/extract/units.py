"""Building blocks shared by the line-oriented parsers: open text units that
collect source fragments until the next structural line closes them.

Why: in every source a sentence may be cut by a page break (a blank line, an
interleaved footnote, a stray list dash). A unit stays open, and the next
line that is not structural continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gcm_graph.extract.lines import Line
from gcm_graph.extract.records import Footnote, Passage
from gcm_graph.extract.repair import FOOTNOTE_MARKER, assemble_passage, superscript_to_int

FOOTNOTE_LINE = re.compile(f"^({FOOTNOTE_MARKER.pattern}) ")
SENTENCE_END = re.compile(r"[.!?:;–—-][”\"’)]*$")


@dataclass
class OpenUnit:
    """A text unit being assembled from source fragments."""

    first_line: int
    fragments: list[tuple[int, int]] = field(default_factory=list)

    def add(self, line: Line, skip: int = 0) -> None:
        start, end = line.content_span(skip)
        if end > start:
            self.fragments.append((start, end))

    def passage(self, source: str, source_text: str) -> Passage:
        return assemble_passage(source, source_text, self.fragments)

    def raw_text(self, source_text: str) -> str:
        return " ".join(source_text[start:end] for start, end in self.fragments)

    def ends_sentence(self, source_text: str) -> bool:
        text = FOOTNOTE_MARKER.sub("", self.raw_text(source_text)).rstrip(" *")
        return bool(SENTENCE_END.search(text))


def footnote_from_line(source: str, source_text: str, line: Line) -> Footnote:
    """``⁵ Urteil des Gerichtshofs ...``: the marker, then the footnote's text on one line."""
    match = FOOTNOTE_LINE.match(line.text)
    assert match is not None
    unit = OpenUnit(line.number)
    unit.add(line, skip=match.end())
    return Footnote(number=superscript_to_int(match.group(1)), passage=unit.passage(source, source_text))
