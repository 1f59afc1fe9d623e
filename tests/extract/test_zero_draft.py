"""GCM Zero Draft Plus (annex to COM(2018) 167): structure, exact texts, repairs."""

from dataclasses import replace

import pytest

from gcm_graph.extract.lines import ExtractionError
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import COM_2018_167, load_source
from gcm_graph.extract.zero_draft import extract_zero_draft


@pytest.fixture(scope="module")
def source():
    return load_source(COM_2018_167)


@pytest.fixture(scope="module")
def draft(source):
    return extract_zero_draft(source)


def action(draft, objective, letter):
    return next(item for item in draft.objectives[objective - 1].actions if item.letter == letter).passage


def test_47_paragraphs_in_their_sections(draft):
    assert [p.number for p in draft.paragraphs] == list(range(1, 48))
    assert draft.paragraph(9).section == ("OUR VISION AND GUIDING PRINCIPLES", "Common Understanding")
    assert draft.paragraph(13).section == ("OUR VISION AND GUIDING PRINCIPLES", "Unity of Purpose")
    assert draft.paragraph(38).section == ("IMPLEMENTATION",)
    assert draft.paragraph(47).section == ("FOLLOW-UP AND REVIEW",)


def test_22_objectives_with_commitments_and_166_actions(draft):
    assert [o.number for o in draft.objectives] == list(range(1, 23))
    assert [o.commitment.number for o in draft.objectives] == list(range(16, 38))
    counts = [len(o.actions) for o in draft.objectives]
    assert counts == [8, 12, 6, 7, 8, 11, 8, 5, 5, 8, 7, 5, 7, 5, 7, 11, 6, 10, 8, 8, 10, 4]
    for objective in draft.objectives:
        letters = [item.letter for item in objective.actions]
        assert letters == [chr(ord("a") + i) for i in range(len(letters))]
    assert draft.objectives[6].title.text == "Address and reduce vulnerabilities in migration"


def test_table_rows_give_titles_of_objectives_18_to_22(draft):
    assert draft.objectives[19].listed_title.text == (
        "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants"
    )


def test_ten_guiding_principles_with_definitions(draft):
    names = [p.name.text for p in draft.principles]
    assert names[0] == "People-centred" and names[-1] == "Whole-of-society approach"
    assert len(names) == 10
    whole_of_government = draft.principles[8].definition.text
    assert "by one government policy sector alone. To develop" in whole_of_government


def test_lettered_items_of_paragraphs_42_45_46(draft):
    assert [len(draft.paragraph(n).items) for n in (42, 45, 46)] == [4, 5, 3]
    assert draft.paragraph(45).items[2].passage.text == (
        "The International Migration Review Forum shall take place in 2022, 2026 and 2030"
    )


def test_sentence_cut_by_page_break_is_joined(draft):
    assert "a source of prosperity, innovation and sustainable development in our globalized world." in (
        draft.paragraph(7).passage.text
    )
    assert action(draft, 2, "d").text.endswith(
        "maintaining peaceful and inclusive societies with effective, "
        "incorrupt and accountable institutions that provide access to "
        "justice and human rights protection for all"
    )


def test_stray_list_dash_after_page_break_is_dropped(draft):
    text = action(draft, 17, "d").text
    assert "in partnership with National Human Rights Institutions where they exist, including" in text


def test_line_end_hyphens_joined_but_suspended_hyphens_kept(draft):
    assert "gender-responsive and child-sensitive services" in action(draft, 15, "d").text
    assert "integrating migration-relevant questions" in action(draft, 1, "e").text
    assert "cross-tabulation" in action(draft, 1, "e").text
    assert "intra- and cross-regional specialized" in action(draft, 12, "b").text
    assert "trainee- or apprenticeships" in action(draft, 18, "f").text


def test_every_passage_equals_its_spans(source, draft):
    passages = [draft.opening, *draft.header, *draft.sections]
    for paragraph in draft.paragraphs:
        passages += [paragraph.passage, *(item.passage for item in paragraph.items)]
    for principle in draft.principles:
        passages += [principle.name, principle.definition]
    for objective in draft.objectives:
        passages += [objective.title, objective.listed_title]
    for passage in passages:
        assert passage_from_spans(source.text, passage.spans) == passage.text


def test_paragraph_gap_is_reported_with_line(source):
    broken = replace(source, text=source.text.replace("\n24. We commit to intensify", "\n25. We commit to intensify"))
    with pytest.raises(ExtractionError, match=r"\.txt:394: expected paragraph 24, found 25"):
        extract_zero_draft(broken)


def test_heading_and_list_titles_must_agree(source):
    broken = replace(
        source,
        text=source.text.replace(
            "OBJECTIVE 9: Strengthen the transnational", "OBJECTIVE 9: Strengthen a transnational"
        ),
    )
    with pytest.raises(ExtractionError, match="objective 9: heading title"):
        extract_zero_draft(broken)
