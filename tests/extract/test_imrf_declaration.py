"""The Progress Declaration extractor on the committed source, and on altered copies of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gcm_graph.extract.imrf_declaration import ProgressDeclaration, extract_progress_declaration
from gcm_graph.extract.lines import ExtractionError
from gcm_graph.extract.records import Passage
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import IMRF_2022, SourceFile, load_source

RECOMMENDED = (
    "Recommended actions to accelerate the implementation of the Global Compact "
    "and to strengthen international cooperation on international migration"
)
PROGRESS = "Progress, challenges and gaps in the implementation of the Global Compact"

PARAGRAPH_8 = (
    "We commend the positive role and contributions of millions of migrants in responding to and recovering "
    "from the coronavirus disease (COVID-19) pandemic, including as essential workers, and remain deeply "
    "concerned that the pandemic has had a severe and disproportionate impact on migrants, including through "
    "increased COVID-19 exposure, discrimination, violence, job losses, wage theft, protracted family "
    "separation, and restricted or lack of access to health-care services and other basic services, including "
    "vaccines, social protection, education and child services, and being subjected to unsafe and undignified "
    "returns."
)
PARAGRAPH_71 = (
    "We commit to continuing to strengthen national capacities, including for data collection, and "
    "international partnerships to realize the vision laid out in the Global Compact, including through the "
    "capacity-building mechanism, and we encourage Member States and stakeholders to submit good practices, "
    "lessons learned and challenges to the Migration Network Hub Repository of Practices, and to consider "
    "making financial contributions to the migration multi-partner trust fund."
)


@pytest.fixture(scope="module")
def source() -> SourceFile:
    return load_source(IMRF_2022)


@pytest.fixture(scope="module")
def declaration(source: SourceFile) -> ProgressDeclaration:
    return extract_progress_declaration(source)


def all_passages(declaration: ProgressDeclaration) -> list[Passage]:
    header = declaration.header
    passages = [
        header.organ,
        header.distribution,
        header.date,
        header.original_language,
        header.session,
        header.agenda_items,
        *header.agenda_item_titles,
        header.submission,
        header.title,
        header.enacting_formula,
        declaration.operative_paragraph,
        declaration.annex_title,
        *declaration.sections,
        *(paragraph.passage for paragraph in declaration.paragraphs),
        *(footnote.passage for footnote in declaration.footnotes),
    ]
    for table in declaration.round_tables:
        passages += [title for _, title in table.objective_titles]
    for citations in (*declaration.paragraph_symbols.values(), *declaration.footnote_symbols.values()):
        passages += [citation.passage for citation in citations]
    return passages


def test_header_facts(declaration: ProgressDeclaration) -> None:
    header = declaration.header
    assert header.organ.text == "General Assembly"
    assert header.distribution.text == "Limited"
    assert header.date.text == "26 May 2022"
    assert header.issued == date(2022, 5, 26)
    assert header.original_language.text == "English"
    assert header.session.text == "Seventy-sixth session"
    assert header.agenda_items.text == "Agenda items 15 and 119"
    assert header.agenda_item_numbers == (15, 119)
    assert [title.text for title in header.agenda_item_titles] == [
        "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations "
        "conferences and summits in the economic, social and related fields",
        "Follow-up to the outcome of the Millennium Summit",
    ]
    assert header.submission.text == "Draft resolution submitted by the President of the General Assembly"
    assert header.title.text == "Progress Declaration of the International Migration Review Forum"
    assert header.enacting_formula.text == "The General Assembly"
    assert declaration.annex_title.text == header.title.text


def test_operative_paragraph(declaration: ProgressDeclaration) -> None:
    assert declaration.operative_paragraph.text == (
        "Endorses the Progress Declaration of the International Migration Review Forum, adopted by the Forum, "
        "as contained in the annex to the present resolution."
    )


def test_seventy_seven_paragraphs_in_order(declaration: ProgressDeclaration) -> None:
    assert [paragraph.number for paragraph in declaration.paragraphs] == list(range(1, 78))
    assert declaration.paragraph(77).passage.text.startswith("We request the President of the General Assembly")


def test_paragraph_span_starts_after_its_number(declaration: ProgressDeclaration, source: SourceFile) -> None:
    span = declaration.paragraph(24).passage.spans[0]
    assert source.text[span.start - 4 : span.start] == "24. "
    assert source.text[span.start : span.start + 24] == "Progress has been made i"


def test_paragraph_8_joined_across_footnotes(declaration: ProgressDeclaration, source: SourceFile) -> None:
    passage = declaration.paragraph(8).passage
    assert passage.text == PARAGRAPH_8
    assert len(passage.spans) == 2
    assert source.text[passage.spans[0].end - 9 : passage.spans[0].end] == "pandemic,"
    assert source.text[passage.spans[1].start :].startswith("including as essential workers")


def test_paragraph_71_continues_with_a_capital(declaration: ProgressDeclaration) -> None:
    passage = declaration.paragraph(71).passage
    assert passage.text == PARAGRAPH_71
    assert len(passage.spans) == 2


@pytest.mark.parametrize(
    ("number", "joint"),
    [
        (17, "plans and the mainstreaming of the Global Compact"),
        (29, "promote sustainable development, generate employment"),
        (39, "as well as through community awareness campaigns"),
        (52, "we aim to integrate promising practices"),
        (64, "to ensure that all migrants have proof"),
    ],
)
def test_other_page_breaks_joined(declaration: ProgressDeclaration, number: int, joint: str) -> None:
    passage = declaration.paragraph(number).passage
    assert len(passage.spans) == 2
    assert joint in passage.text


def test_paragraph_1_footnote_offsets(declaration: ProgressDeclaration) -> None:
    passage = declaration.paragraph(1).passage
    assert [ref.number for ref in passage.footnote_refs] == [1, 2]
    first, second = passage.footnote_refs
    assert passage.text[: first.offset].endswith("Safe, Orderly and Regular Migration,")
    assert passage.text[: second.offset].endswith("the 2030 Agenda for Sustainable Development,")
    assert "¹" not in passage.text and "²" not in passage.text


def test_every_passage_rederives_from_its_spans(declaration: ProgressDeclaration, source: SourceFile) -> None:
    for passage in all_passages(declaration):
        assert passage_from_spans(source.text, passage.spans) == passage.text
        assert all(span.source == IMRF_2022 for span in passage.spans)


def test_no_passage_keeps_markup_or_markers(declaration: ProgressDeclaration) -> None:
    for passage in all_passages(declaration):
        assert not any(mark in passage.text for mark in ("](#)", "**", "[", "¹", "⁴")), passage.text


def test_sections_and_paths(declaration: ProgressDeclaration) -> None:
    assert [section.text for section in declaration.sections] == [
        "Introduction",
        PROGRESS,
        "Round table 1 (objectives 2, 5, 6, 12 and 18)",
        "Round table 2 (objectives 4, 8, 9, 10, 11, 13 and 21)",
        "Round table 3 (objectives 14, 15, 16, 19, 20 and 22)",
        "Round table 4 (objectives 1, 3, 7, 17 and 23)",
        RECOMMENDED,
    ]
    assert declaration.paragraph(1).section == ()
    assert declaration.paragraph(2).section == ("Introduction",)
    assert declaration.paragraph(21).section == (PROGRESS,)
    assert declaration.paragraph(30).section == (PROGRESS, "Round table 2 (objectives 4, 8, 9, 10, 11, 13 and 21)")
    assert declaration.paragraph(51).section == (RECOMMENDED,)


def test_round_tables(declaration: ProgressDeclaration) -> None:
    tables = declaration.round_tables
    assert [table.number for table in tables] == [1, 2, 3, 4]
    assert [table.footnote for table in tables] == [4, 5, 6, 7]
    assert tables[1].objectives == (4, 8, 9, 10, 11, 13, 21)
    assert [table.paragraphs for table in tables] == [
        tuple(range(24, 30)),
        tuple(range(30, 37)),
        tuple(range(37, 45)),
        tuple(range(45, 51)),
    ]
    covered = [objective for table in tables for objective in table.objectives]
    assert sorted(covered) == list(range(1, 24))
    for table in tables:
        assert tuple(number for number, _ in table.objective_titles) == table.objectives


def test_footnote_4_quoted_titles(declaration: ProgressDeclaration, source: SourceFile) -> None:
    titles = dict(declaration.round_tables[0].objective_titles)
    assert {number: title.text for number, title in titles.items()} == {
        2: "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
        5: "Enhance availability and flexibility of pathways for regular migration",
        6: "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
        12: "Strengthen certainty and predictability in migration procedures for appropriate screening, "
        "assessment and referral",
        18: "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
    }
    footnote_span = declaration.footnotes[3].passage.spans[0]
    for title in titles.values():
        (span,) = title.spans
        assert footnote_span.start <= span.start < span.end <= footnote_span.end
        assert source.text[span.start : span.end] == title.text


def test_footnotes_and_anchors(declaration: ProgressDeclaration) -> None:
    assert [footnote.number for footnote in declaration.footnotes] == list(range(1, 12))
    assert declaration.footnotes[0].passage.text == "Resolution 73/195, annex."
    assert declaration.footnotes[2].passage.text == "A/76/642."
    anchors = declaration.footnote_anchors
    assert [anchors[n].paragraph for n in (1, 2, 3, 8, 9, 10, 11)] == [1, 1, 19, 45, 74, 74, 74]
    assert anchors[4].paragraph is None
    assert anchors[4].heading == "Round table 1 (objectives 2, 5, 6, 12 and 18)"
    assert anchors[4].offset == len(anchors[4].heading)
    paragraph_74 = declaration.paragraph(74).passage.text
    assert paragraph_74[: anchors[10].offset].endswith("the Paris Agreement")


def test_symbols_cited(declaration: ProgressDeclaration) -> None:
    in_paragraphs = {n: [c.symbol for c in cs] for n, cs in declaration.paragraph_symbols.items() if cs}
    assert in_paragraphs == {2: ["A/RES/73/195", "A/RES/73/326"], 23: ["A/RES/73/326"], 70: ["A/RES/71/313"]}
    in_footnotes = {n: [(c.symbol, c.quoted) for c in cs] for n, cs in declaration.footnote_symbols.items() if cs}
    assert in_footnotes == {
        1: [("A/RES/73/195", "Resolution 73/195")],
        2: [("A/RES/70/1", "Resolution 70/1")],
        3: [("A/76/642", "A/76/642")],
        8: [("Assembly/AU/Dec.695(XXXI)", "decision Assembly/AU/Dec.695 (XXXI)")],
        9: [("A/RES/69/313", "Resolution 69/313")],
        10: [("FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1")],
        11: [("A/RES/69/283", "Resolution 69/283")],
    }


def test_symbol_quote_spans(declaration: ProgressDeclaration, source: SourceFile) -> None:
    (citation,) = declaration.footnote_symbols[1]
    assert source.text[citation.span.start : citation.span.end] == "Resolution [73/195](#)"
    (citation,) = declaration.footnote_symbols[3]
    assert source.text[citation.span.start : citation.span.end] == "A/76/642"


def altered(source: SourceFile, old: str, new: str) -> SourceFile:
    assert source.text.count(old) == 1
    return replace(source, text=source.text.replace(old, new))


def test_gap_in_numbering_names_file_and_line(source: SourceFile) -> None:
    changed = altered(source, "\n24. Progress has been made", "\n42. Progress has been made")
    with pytest.raises(ExtractionError, match=rf"^sources/{IMRF_2022}:99: expected paragraph 24, found 42$"):
        extract_progress_declaration(changed)


def test_missing_paragraph_number(source: SourceFile) -> None:
    """Without its number, paragraph 24 reads as a heading and paragraph 25 comes too early."""
    changed = altered(source, "\n24. Progress has been made", "\nProgress has been made")
    with pytest.raises(ExtractionError, match=rf"^sources/{IMRF_2022}:101: expected paragraph 24, found 25$"):
        extract_progress_declaration(changed)


def test_missing_last_paragraph(source: SourceFile) -> None:
    start = source.text.index("\n77. ")
    changed = replace(source, text=source.text[:start] + source.text[source.text.index("\n\n⁹ ") :])
    with pytest.raises(ExtractionError, match="expected paragraph 77, found end of document"):
        extract_progress_declaration(changed)


def test_round_table_footnote_must_list_its_objectives(source: SourceFile) -> None:
    changed = altered(source, "objective 12: Strengthen certainty", "objective 13: Strengthen certainty")
    with pytest.raises(ExtractionError, match=r":111: expected titles of objectives \(2, 5, 6, 12, 18\)"):
        extract_progress_declaration(changed)


def test_footnote_without_marker(source: SourceFile) -> None:
    changed = altered(source, "Migration,¹ including", "Migration, including")
    with pytest.raises(ExtractionError, match=r":55: expected a marker for footnote 1"):
        extract_progress_declaration(changed)
