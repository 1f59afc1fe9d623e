"""Repairs of what text extraction broke, and only that.

Each repair is a small pure function over the text joined from source
fragments. ``assemble_passage`` applies them in a fixed order so that the
footnote offsets it records refer to the final text. The property test in
``tests/extract/test_repair.py`` checks that re-applying these repairs to
the recorded spans reproduces every literal of the graph.
"""

from __future__ import annotations

import re

from gcm_graph.extract.records import FootnoteRef, Passage, Span

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {char: str(value) for value, char in enumerate(SUPERSCRIPT_DIGITS)}
FOOTNOTE_MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")

_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((?:#|mailto:[^)\s]*|https?://[^)\s]*)\)")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MARKDOWN_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRAY_BOLD = re.compile(r"\*\*")

# A line-end hyphen whose line break became a space: "gender- responsive".
# Suspended hyphens ("intra- and cross-regional", "trainee- or apprenticeships")
# are followed by a conjunction and stay as they are.
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?!(?:and|or|und|oder|to|bis)\b)(?=\w)")
_WHITESPACE = re.compile(r"\s+")


def strip_markdown(text: str) -> str:
    """Remove markdown markup: ``[73/326](#)``, ``**bold**``, ``*italic*``, ``<http://...>``."""
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_BOLD.sub(r"\1", text)
    text = _STRAY_BOLD.sub("", text)
    text = _MARKDOWN_ITALIC.sub(r"\1", text)
    return _ANGLE_URL.sub(r"\1", text)


def join_broken_hyphens(text: str) -> str:
    """``gender- responsive`` -> ``gender-responsive``; ``intra- and`` stays."""
    return _BROKEN_HYPHEN.sub("-", text)


def collapse_whitespace(text: str) -> str:
    """Page breaks, blank lines and line ends inside a sentence become one space."""
    return _WHITESPACE.sub(" ", text).strip()


def superscript_to_int(marker: str) -> int:
    return int("".join(_SUPERSCRIPT_VALUE[char] for char in marker))


def remove_footnote_markers(text: str) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Drop superscript markers, remembering where each stood in the returned text."""
    pieces: list[str] = []
    refs: list[FootnoteRef] = []
    position = 0
    length = 0
    for match in FOOTNOTE_MARKER.finditer(text):
        piece = text[position : match.start()]
        pieces.append(piece)
        length += len(piece)
        refs.append(FootnoteRef(number=superscript_to_int(match.group()), offset=length))
        position = match.end()
    pieces.append(text[position:])
    cleaned = "".join(pieces)
    # A marker standing between two spaces leaves a double space: close it up.
    if "  " in cleaned:
        return _close_double_spaces(cleaned, refs)
    return cleaned, tuple(refs)


def _close_double_spaces(text: str, refs: list[FootnoteRef]) -> tuple[str, tuple[FootnoteRef, ...]]:
    out: list[str] = []
    shifted: list[FootnoteRef] = []
    removed_before = [0] * (len(text) + 1)
    removed = 0
    for index, char in enumerate(text):
        removed_before[index] = removed
        if char == " " and out and out[-1] == " ":
            removed += 1
            continue
        out.append(char)
    removed_before[len(text)] = removed
    for ref in refs:
        shifted.append(FootnoteRef(ref.number, ref.offset - removed_before[ref.offset]))
    return "".join(out).strip(), tuple(shifted)


def repair_text(raw: str) -> tuple[str, tuple[FootnoteRef, ...]]:
    """All repairs, in the order that keeps footnote offsets valid."""
    text = strip_markdown(raw)
    text = collapse_whitespace(text)
    text = join_broken_hyphens(text)
    return remove_footnote_markers(text)


def assemble_passage(source: str, source_text: str, fragments: list[tuple[int, int]]) -> Passage:
    """Join source fragments (page-broken pieces of one sentence) into one repaired passage."""
    fragments = [(start, end) for start, end in fragments if end > start]
    if not fragments:
        raise ValueError(f"{source}: empty passage")
    raw = " ".join(source_text[start:end] for start, end in fragments)
    text, refs = repair_text(raw)
    spans = tuple(Span(source, start, end) for start, end in fragments)
    return Passage(text=text, spans=spans, footnote_refs=refs)


def passage_from_spans(source_text: str, spans: tuple[Span, ...]) -> str:
    """Re-derive a literal from recorded spans: what the graph's provenance promises."""
    raw = " ".join(source_text[span.start : span.end] for span in spans)
    return repair_text(raw)[0]
