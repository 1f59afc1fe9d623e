"""Figures the Progress Declaration states, curated in ``data/figures.yaml`` and checked against the text.

The numbers stand in prose ("as many as 281 million people were international
migrants in 2020", "from 6.3 per cent ... during the third quarter of 2021 to
less than 3 per cent by 2030"): what each one measures and over which period
is a reading, so it is written down once, with a justification, and every row
is verified against the extracted paragraph: the quote must stand exactly
once in the repaired paragraph text, the number it states must equal the
value, the qualifier must stand right before it. The quote's source span is
recovered by aligning the repaired text with the paragraph's source fragments
(page-broken paragraphs have two), so the graph can point at the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.yaml_lines import CuratedDataError, display_path, line_of, read_yaml
from gcm_graph.extract.imrf_declaration import ProgressDeclaration
from gcm_graph.extract.quotes import locate
from gcm_graph.extract.records import Passage
from gcm_graph.extract.repair import assemble_passage

FIGURES_FILE = DATA_DIR / "figures.yaml"
UNITS = ("person", "percent", "USD")
QUALIFIERS = ("more than", "over", "as many as", "less than")
_UNIT_WORDS = {"percent": "per cent", "USD": "United States dollars"}
_SCALES = {None: 1, "million": 10**6, "billion": 10**9}
_STATED_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?: (million|billion)\b)?")


class FiguresError(Exception):
    """A row of the figures file is malformed or does not match the declaration; names file, line and key."""


@dataclass(frozen=True)
class Figure:
    key: str
    paragraph: int
    quote: Passage  # the quoted words with their source spans
    value: int | float
    unit: str  # one of UNITS
    measure: str
    period_start: date | None  # None for a target ("by 2030")
    period_end: date
    qualifier: str | None = None
    target: bool = False
    justification: str = ""
    line: int = 0  # of the row in the figures file


def load_figures(declaration: ProgressDeclaration, path: Path = FIGURES_FILE, text: str | None = None) -> list[Figure]:
    """Every row of the figures file, verified against ``declaration``; ``text`` replaces the file's content."""
    name = display_path(path)
    try:
        document = read_yaml(path, text)
    except CuratedDataError as error:
        raise FiguresError(str(error)) from error
    if not isinstance(document, dict) or not isinstance(document.get("figures"), list):
        raise FiguresError(f"{name}:1: expected a mapping with a 'figures' list")
    figures = [_Row(name, row, declaration).figure() for row in document["figures"]]
    seen: set[str] = set()
    for figure in figures:
        if figure.key in seen:
            raise FiguresError(f"{name}:{figure.line}: {figure.key}: expected unique keys, found a second row")
        seen.add(figure.key)
    return figures


class _Row:
    """One YAML row being checked; every failure names the file, the row's line and its key."""

    def __init__(self, name: str, row: object, declaration: ProgressDeclaration):
        self.name, self.declaration = name, declaration
        self.row = row if isinstance(row, dict) else {}
        self.line = line_of(row, default=0)
        self.key = self.row.get("key", "?")
        if not isinstance(row, dict) or not isinstance(self.key, str) or not re.fullmatch(r"[a-z0-9-]+", self.key):
            raise self.error(f"expected a mapping with a slug 'key', found {row!r}")

    def error(self, message: str) -> FiguresError:
        return FiguresError(f"{self.name}:{self.line}: {self.key}: {message}")

    def field(self, name: str, kind: type | tuple[type, ...], required: bool = True):
        value = self.row.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.error(f"expected '{name}' of type {getattr(kind, '__name__', kind)}, found {value!r}")
        return value

    def figure(self) -> Figure:
        number = self.field("paragraph", int)
        paragraphs = self.declaration.paragraphs
        if not 1 <= number <= len(paragraphs):
            raise self.error(f"expected a paragraph number from 1 to {len(paragraphs)}, found {number}")
        quote = self._quote(paragraphs[number - 1].passage)
        value = self.field("value", (int, float))
        unit = self.field("unit", str)
        if unit not in UNITS:
            raise self.error(f"expected unit one of {UNITS}, found {unit!r}")
        self._check_stated(quote.text, value, unit)
        start, end, target = self._period()
        return Figure(
            key=self.key,
            paragraph=number,
            quote=quote,
            value=value,
            unit=unit,
            measure=self.field("measure", str),
            period_start=start,
            period_end=end,
            qualifier=self._qualifier(paragraphs[number - 1].passage.text, quote.text),
            target=target,
            justification=self.field("justification", str),
            line=self.line,
        )

    def _quote(self, paragraph: Passage) -> Passage:
        quote = self.field("quote", str)
        count = paragraph.text.count(quote)
        if count != 1:
            found = "it is absent" if count == 0 else f"it occurs {count} times"
            raise self.error(f"expected quote {quote!r} exactly once in paragraph {self.row['paragraph']}, {found}")
        start = paragraph.text.index(quote)
        spans = locate(self.declaration.source.text, paragraph, start, start + len(quote))
        source = self.declaration.source
        return assemble_passage(source.name, source.text, [(span.start, span.end) for span in spans])

    def _check_stated(self, quote: str, value: int | float, unit: str) -> None:
        """The quote's first number, scaled by "million"/"billion", must be the value; the unit must be named."""
        match = _STATED_NUMBER.search(quote)
        stated = Decimal(match.group(1).replace(",", "")) * _SCALES[match.group(2)] if match else None
        if stated != Decimal(str(value)):
            raise self.error(f"expected the quote to state {value}, found {stated}")
        if unit in _UNIT_WORDS and _UNIT_WORDS[unit] not in quote:
            raise self.error(f"expected the quote to name the unit ({_UNIT_WORDS[unit]!r}), found {quote!r}")

    def _qualifier(self, paragraph_text: str, quote: str) -> str | None:
        qualifier = self.field("qualifier", str, required=False)
        if qualifier is None:
            return None
        if qualifier not in QUALIFIERS:
            raise self.error(f"expected qualifier one of {QUALIFIERS}, found {qualifier!r}")
        if f"{qualifier} {quote}" not in paragraph_text:
            raise self.error(f"expected {qualifier!r} right before the quote in the paragraph, found it elsewhere")
        return qualifier

    def _period(self) -> tuple[date | None, date, bool]:
        period = self.field("period", dict)
        target = self.field("target", bool, required=False) or False
        start, end = self._date(period, "start"), self._date(period, "end")
        if not isinstance(end, date) or not (isinstance(start, date) or start is None and target):
            raise self.error(f"expected period start and end dates (start only absent for a target), found {period}")
        if start is not None and start > end:
            raise self.error(f"expected period start {start} on or before end {end}")
        return start, end, target

    def _date(self, period: dict, name: str) -> date | None:
        """Dates arrive as text (the loader keeps them so), and an impossible one is this row's error."""
        value = period.get(name)
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"expected period {name} as a date YYYY-MM-DD, found {value!r}") from None
