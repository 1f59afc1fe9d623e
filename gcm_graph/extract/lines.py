"""Line-oriented access to a source file, keeping code-point offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, for error messages "file:line"
    start: int  # offset of the first character
    end: int  # offset after the last character, newline excluded
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def content_span(self, skip: int = 0) -> tuple[int, int]:
        """Offsets of the line's text after ``skip`` characters, without surrounding whitespace."""
        body = self.text[skip:]
        leading = len(body) - len(body.lstrip())
        trailing = len(body) - len(body.rstrip())
        return self.start + skip + leading, self.end - trailing


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        lines.append(Line(number=number, start=offset, end=offset + len(raw), text=raw))
        offset += len(raw) + 1
    return lines


class ExtractionError(Exception):
    """The source does not have the layout the parser expects; says file, line and what was expected."""

    def __init__(self, source: str, line: int, message: str):
        super().__init__(f"sources/{source}:{line}: {message}")
        self.source = source
        self.line = line
