"""The curated figures of data/figures.yaml, loaded and verified against the Progress Declaration."""

from __future__ import annotations

from datetime import date

import pytest

from gcm_graph.extract.figures import FIGURES_FILE, Figure, FiguresError, load_figures
from gcm_graph.extract.imrf_declaration import ProgressDeclaration, extract_progress_declaration
from gcm_graph.extract.quotes import locate
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import IMRF_2022, load_source

EXPECTED = {
    # key: (paragraph, quote, value, unit, qualifier, start, end, target)
    "international-migrants-2020": (
        9, "281 million people", 281_000_000, "person", "as many as", date(2020, 1, 1), date(2020, 12, 31), False
    ),
    "international-migrants-women-and-girls-share-2020": (
        9, "48 per cent were women and girls", 48, "percent", None, date(2020, 1, 1), date(2020, 12, 31), False
    ),
    "international-migrants-under-20-share-2020": (
        9, "15 per cent were under the age of 20", 15, "percent", None, date(2020, 1, 1), date(2020, 12, 31), False
    ),
    "remittances-2021": (
        9, "751 billion United States dollars", 751_000_000_000, "USD", "over", date(2021, 1, 1), date(2021, 12, 31),
        False,
    ),
    "migrant-deaths-2019-2021": (
        14, "8,436 migrants having lost their lives", 8436, "person", "more than", date(2019, 1, 1),
        date(2021, 12, 31), False,
    ),
    "missing-migrants-2019-2021": (
        14, "5,534 migrants having gone missing", 5534, "person", None, date(2019, 1, 1), date(2021, 12, 31), False
    ),
    "remittance-cost-2021-q3": (
        42, "6.3 per cent", 6.3, "percent", None, date(2021, 7, 1), date(2021, 9, 30), False
    ),
    "remittance-cost-2021-q3-baseline": (
        67, "6.3 per cent of the amount transferred", 6.3, "percent", None, date(2021, 7, 1), date(2021, 9, 30),
        False,
    ),
    "remittance-cost-target-2030": (
        67, "3 per cent by 2030", 3, "percent", "less than", None, date(2030, 12, 31), True
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def declaration() -> ProgressDeclaration:
    return extract_progress_declaration(load_source(IMRF_2022))


@pytest.fixture(scope="module")
def figures(declaration: ProgressDeclaration) -> dict[str, Figure]:
    return {figure.key: figure for figure in load_figures(declaration)}


@pytest.fixture(scope="module")
def yaml_text() -> str:
    return FIGURES_FILE.read_text(encoding="utf-8")


def test_all_figures_load(figures: dict[str, Figure]) -> None:
    assert sorted(figures) == sorted(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_figure_values(figures: dict[str, Figure], key: str) -> None:
    paragraph, quote, value, unit, qualifier, start, end, target = EXPECTED[key]
    figure = figures[key]
    assert (figure.paragraph, figure.quote.text, figure.value, figure.unit) == (paragraph, quote, value, unit)
    assert (figure.qualifier, figure.period_start, figure.period_end, figure.target) == (qualifier, start, end, target)
    assert figure.measure and figure.justification


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_quote_span_slices_back_to_the_quote(figures: dict[str, Figure], declaration: ProgressDeclaration, key: str):
    figure = figures[key]
    (span,) = figure.quote.spans
    assert span.source == IMRF_2022
    assert declaration.source.text[span.start : span.end] == figure.quote.text
    assert passage_from_spans(declaration.source.text, figure.quote.spans) == figure.quote.text


def test_measures_named_in_plain_words(figures: dict[str, Figure]) -> None:
    assert figures["international-migrants-2020"].measure == "international migrants"
    assert figures["international-migrants-women-and-girls-share-2020"].measure == (
        "share of women and girls among international migrants"
    )


def test_locate_across_a_page_break(declaration: ProgressDeclaration) -> None:
    passage = declaration.paragraph(71).passage
    start = passage.text.index("the Global Compact, including")
    spans = locate(declaration.source.text, passage, start, start + len("the Global Compact, including"))
    assert len(spans) == 2
    assert passage_from_spans(declaration.source.text, spans) == "the Global Compact, including"


def test_locate_takes_in_link_markup(declaration: ProgressDeclaration) -> None:
    passage = declaration.paragraph(23).passage
    start = passage.text.index("resolution 73/326")
    (span,) = locate(declaration.source.text, passage, start, start + len("resolution 73/326"))
    assert declaration.source.text[span.start : span.end] == "resolution [73/326](#)"


def test_absent_quote_names_the_row(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("quote: 281 million people", "quote: 282 million people")
    line = text.splitlines().index("  - key: international-migrants-2020") + 1
    message = rf"^data/figures\.yaml:{line}: international-migrants-2020: expected quote '282 million people'"
    with pytest.raises(FiguresError, match=message) as raised:
        load_figures(declaration, text=text)
    assert "paragraph 9, it is absent" in str(raised.value)


def test_missing_paragraph_names_the_row(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("paragraph: 14", "paragraph: 78", 1)
    with pytest.raises(FiguresError, match=r"migrant-deaths-2019-2021: expected a paragraph number from 1 to 77"):
        load_figures(declaration, text=text)


def test_ambiguous_quote_is_refused(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("quote: 3 per cent by 2030", "quote: 3 per cent")
    with pytest.raises(FiguresError, match=r"remittance-cost-target-2030: .* it occurs 2 times"):
        load_figures(declaration, text=text)


def test_value_must_match_the_quote(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("value: 8436", "value: 8346")
    with pytest.raises(FiguresError, match=r"migrant-deaths-2019-2021: expected the quote to state 8346, found 8436"):
        load_figures(declaration, text=text)


def test_qualifier_must_precede_the_quote(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("qualifier: over", "qualifier: more than")
    with pytest.raises(FiguresError, match=r"remittances-2021: expected 'more than' right before the quote"):
        load_figures(declaration, text=text)


def test_unknown_unit_is_refused(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("unit: USD", "unit: dollars")
    with pytest.raises(FiguresError, match=r"remittances-2021: expected unit one of"):
        load_figures(declaration, text=text)


def test_a_yaml_syntax_error_names_file_and_line(declaration: ProgressDeclaration, yaml_text: str) -> None:
    lines = yaml_text.splitlines()
    broken = lines.index("  - key: remittances-2021") + 1
    lines[broken] = "    paragraph: [67"
    with pytest.raises(FiguresError, match=r"^data/figures\.yaml:\d+: invalid YAML"):
        load_figures(declaration, text="\n".join(lines) + "\n")


def test_an_impossible_date_names_the_row(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("end: 2030-12-31", "end: 2030-13-31", 1)
    line = text.splitlines().index("  - key: remittance-cost-target-2030") + 1
    message = rf"^data/figures\.yaml:{line}: remittance-cost-target-2030: expected period end as a date YYYY-MM-DD"
    with pytest.raises(FiguresError, match=message):
        load_figures(declaration, text=text)


def test_a_repeated_field_is_refused(declaration: ProgressDeclaration, yaml_text: str) -> None:
    text = yaml_text.replace("  - key: remittances-2021\n", "  - key: remittances-2021\n    key: remittances-2021\n", 1)
    with pytest.raises(FiguresError, match=r"^data/figures\.yaml:\d+: invalid YAML: duplicate key 'key'"):
        load_figures(declaration, text=text)
