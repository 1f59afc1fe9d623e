"""IOM Quick Reference (2021): each witness alone, their reconciliation, and the failures it must report."""

from dataclasses import replace

import pytest

from gcm_graph.extract.lines import ExtractionError
from gcm_graph.extract.quick_reference import (
    ReconciliationError,
    extract_quick_reference,
    fold,
    parse_markdown_extract,
    parse_plaintext_extract,
    reconcile,
)
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import QUICK_REFERENCE_MARKDOWN, QUICK_REFERENCE_PLAINTEXT, load_source

MD = f"sources/{QUICK_REFERENCE_MARKDOWN}"
PT = f"sources/{QUICK_REFERENCE_PLAINTEXT}"

# Action counts per objective, read off the letter columns of the publication.
ACTION_COUNTS = [11, 12, 5, 7, 10, 12, 12, 6, 6, 10, 7, 5, 8, 6, 6, 9, 7, 12, 10, 9, 9, 3, 5]


@pytest.fixture(scope="module")
def markdown_source():
    return load_source(QUICK_REFERENCE_MARKDOWN)


@pytest.fixture(scope="module")
def plaintext_source():
    return load_source(QUICK_REFERENCE_PLAINTEXT)


@pytest.fixture(scope="module")
def markdown(markdown_source):
    return parse_markdown_extract(markdown_source)


@pytest.fixture(scope="module")
def plaintext(plaintext_source):
    return parse_plaintext_extract(plaintext_source)


@pytest.fixture(scope="module")
def reference(markdown_source, plaintext_source):
    return extract_quick_reference(markdown_source, plaintext_source)


def altered(source, *changes):
    """The source with exact passages of its text replaced, ``(old, new)`` each: a corrupted witness."""
    text = source.text
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return replace(source, text=text)


def action(witness, objective, index):
    return witness.objectives[objective - 1].actions[index]


def all_passages(witness):
    yield from (p for section in witness.overview for p in (section.heading, section.text))
    yield witness.stated.sentence
    yield from witness.principles
    yield from witness.titles
    for objective in witness.objectives:
        yield objective.short_title
        yield from objective.commitments
        yield from (item.passage for item in objective.actions)
    yield from witness.implementation
    yield from (item.passage for item in witness.capacity_building)
    yield from witness.follow_up
    if witness.publication is not None:
        yield from vars(witness.publication).values()


# --- each witness alone ---


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_23_objectives_with_187_actions(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    assert [o.number for o in witness.objectives] == list(range(1, 24))
    assert [len(o.actions) for o in witness.objectives] == ACTION_COUNTS
    assert sum(ACTION_COUNTS) == 187
    assert (witness.stated.objectives, witness.stated.actions) == (23, 187)
    assert witness.stated.sentence.text == "The compact is organized into 23 objectives and 187 specific actions."


def test_markdown_lost_the_letters_of_objectives_12_and_13_only(markdown):
    for objective in markdown.objectives:
        letters = [item.letter for item in objective.actions]
        if objective.number in (12, 13):
            assert letters == [None] * len(letters)
        else:
            assert letters == [chr(ord("a") + i) for i in range(len(letters))]


def test_plaintext_letters_every_action(plaintext):
    for objective in plaintext.objectives:
        letters = [item.letter for item in objective.actions]
        assert letters == [chr(ord("a") + i) for i in range(len(letters))], objective.number


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_sample_action_texts(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    assert action(witness, 12, 1).passage.text == (
        "Develop and conduct intra- and cross-regional specialized human rights and trauma informed trainings "
        "for first responders and government officials;"
    )
    assert action(witness, 1, 0).passage.text == "Implement a strategy for improving migration data at all levels;"
    # Objective 1 action d ends without punctuation in the publication.
    assert action(witness, 1, 3).passage.text == (
        "Collect and analyze data to inform the 2030 Agenda for Sustainable Development"
    )
    assert action(witness, 13, 2).passage.text == (
        "Review and revise relevant legislation, policies and practices to ensure that decisions to detain "
        "are in accordance with international human rights law;"
    )
    assert action(witness, 20, 0).passage.text == (
        "Develop a roadmap to reduce the transaction costs of sending remittances to less than 3 per cent "
        "and eliminate remittance corridors with costs higher than 5 per cent by 2030;"
    )
    assert action(witness, 23, 4).passage.text == (
        "Promote partnerships, in line with international law, for targeted solutions to migration policy issues."
    )


def test_quotes_differ_between_witnesses(markdown, plaintext):
    assert (
        action(markdown, 7, 7).passage.text
        == "Facilitate transitions from one status to another, to avoid 'irregular' status;"
    )
    assert (
        action(plaintext, 7, 7).passage.text
        == "Facilitate transitions from one status to another, to avoid ‘irregular’ status;"
    )


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_commitments_one_statement_each(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    counts = [len(o.commitments) for o in witness.objectives]
    assert counts == [2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 2]
    assert [c.text for c in witness.objectives[12].commitments] == [
        "To ensure that any migratory detention follows due process and is carried out by authorized officials;",
        "To prioritize alternatives to detention supported by international law.",
    ]
    assert witness.objectives[5].commitments[0].text == (
        "To review existing recruitment mechanisms for fair and ethical practices, and to protect all migrant workers"
    )


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_objective_headings_without_the_number(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    headings = [o.short_title.text for o in witness.objectives]
    assert headings[0] == "COLLECT AND UTILIZE DATA FOR EVIDENCE-BASED POLICIES"
    assert headings[2] == "PROVIDE TIMELY, ACCURATE INFORMATION AT ALL STAGES OF MIGRATION"
    assert headings[15] == "EMPOWER MIGRANTS AND SOCIETIES TO REALIZE INCLUSION AND COHESION"
    assert headings[12] == "USE DETENTION ONLY AS A MEASURE OF LAST RESORT"


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_23_full_titles(witness_name, request):
    titles = [t.text for t in request.getfixturevalue(witness_name).titles]
    assert len(titles) == 23
    assert titles[0] == "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    assert titles[11] == (
        "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment "
        "and referral"
    )
    assert (
        titles[22]
        == "Strengthen international cooperation and global partnerships for safe, orderly and regular migration"
    )


def test_ten_principles_markdown_repairs_whole_of_government(markdown, plaintext):
    names = [p.text for p in markdown.principles]
    assert names == [
        "People-centred",
        "International cooperation",
        "National sovereignty",
        "Rule of law & due process",
        "Sustainable development",
        "Human rights",
        "Gender-responsive",
        "Child-sensitive",
        "Whole-of-government approach",
        "Whole-of-society approach",
    ]
    # The plaintext lost the line break after "Whole-of-" together with the hyphen: no span can restore it.
    assert [p.text for p in plaintext.principles][8:] == ["Whole-ofgovernment approach", "Whole-ofsociety approach"]


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_overview_implementation_and_follow_up(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    assert [s.heading.text for s in witness.overview] == ["CONTEXT", "AIMS", "GLOBAL COMPACT", "CONTENTS", "PROCESS"]
    assert witness.overview[1].text.text == (
        "Function as primary platform for international cooperation to optimize the overall benefits of migration, "
        "while addressing its risks and challenges."
    )
    assert len(witness.implementation) == 3
    assert witness.implementation[1].text == (
        "It has been decided that a capacity-building mechanism will be developed. Its core features will include:"
    )
    assert [(f.letter, f.passage.text) for f in witness.capacity_building] == [
        ("a", "A connection hub that facilitates demand-driven, tailor-made and integrated solutions"),
        ("b", "A start-up fund for initial financing to realize project-oriented solutions"),
        ("c", "A global knowledge platform as an online open data source"),
    ]
    assert len(witness.follow_up) == 3
    assert witness.follow_up[1].text.startswith("From 2022, the Forum shall take place every four years")


def test_publication_facts_of_the_markdown(markdown, plaintext):
    facts = {name: p.text for name, p in vars(markdown.publication).items()}
    assert facts == {
        "publisher": "International Organization for Migration",
        "country_office": "Bangladesh Country Office",
        "funder": "the European Union",
        "copyright": "© 2020 International Organization for Migration (IOM)",
        "resolution_link": "https://undocs.org/en/A/RES/73/195",
        "production": "Editing, Design & Production: Purplewood Limited",
        "edition": "QUICK REFERENCE VERSION",
        "date": "JULY 2021",
        "project": "Bangladesh: Sustainable Reintegration and Improved Migration Governance (Prottasha)",
    }
    assert plaintext.publication is None


@pytest.mark.parametrize("witness_name", ["markdown", "plaintext"])
def test_every_passage_is_rederived_from_its_spans(witness_name, request):
    witness = request.getfixturevalue(witness_name)
    text = witness.source.text
    passages = list(all_passages(witness))
    assert len(passages) > 300
    for passage in passages:
        assert passage.text == passage_from_spans(text, passage.spans)
        for span in passage.spans:
            fragment = text[span.start : span.end]
            assert span.source == witness.source.name
            assert "\n" not in fragment and fragment == fragment.strip()
            assert not fragment.startswith(("- ", "#", "a. ", "c. ", "Objective")), fragment
            assert not fragment.strip("*").isdigit(), fragment


# --- reconciliation ---


def test_reconciliation_fills_letters_of_objectives_12_and_13(reference, plaintext):
    for number in (12, 13):
        objective = reference.objectives[number - 1]
        assert [a.letter for a in objective.actions] == [chr(ord("a") + i) for i in range(len(objective.actions))]
        assert [a.text.plaintext for a in objective.actions] == [
            i.passage for i in plaintext.objectives[number - 1].actions
        ]
    assert reference.objectives[12].actions[2].text.text.startswith("Review and revise relevant legislation")


def test_reconciled_reference_keeps_both_witnesses(reference, markdown, plaintext):
    assert (reference.stated_objectives, reference.stated_actions) == (23, 187)
    assert sum(len(o.actions) for o in reference.objectives) == 187
    objective = reference.objectives[6]
    assert objective.title.text == "Address and reduce vulnerabilities in migration"
    assert objective.short_title.text == "ADDRESS AND REDUCE VULNERABILITIES OF MIGRANTS"
    irregular = objective.actions[7].text
    assert irregular.text == "Facilitate transitions from one status to another, to avoid 'irregular' status;"
    assert irregular.markdown == action(markdown, 7, 7).passage
    assert irregular.plaintext == action(plaintext, 7, 7).passage
    assert reference.principles[8].text == "Whole-of-government approach"
    assert reference.principles[8].plaintext.text == "Whole-ofgovernment approach"
    assert [f.letter for f in reference.capacity_building] == ["a", "b", "c"]
    assert reference.publication == markdown.publication
    assert [s.heading.text for s in reference.overview][3] == "CONTENTS"


def test_fold_forgives_quotes_whitespace_and_hyphens():
    assert fold("people’s “Forum” Whole-of- government") == fold('people\'s "Forum" Whole-ofgovernment')
    assert fold("data") != fold("date")


def test_changed_word_in_one_witness(markdown, plaintext_source):
    changed = altered(
        plaintext_source, ("c. Review and revise relevant legislation", "c. Review and revise relevant regulation")
    )
    with pytest.raises(ReconciliationError) as error:
        reconcile(markdown, parse_plaintext_extract(changed))
    assert str(error.value) == (
        f"objective 13 action c: {MD}:445 says 'Review and revise relevant legislation, policies and practices to "
        "ensure that decisions to detain are in accordance with international human rights law;' "
        f"but {PT}:479 says 'Review and revise relevant regulation, policies and practices to ensure that decisions "
        "to detain are in accordance with international human rights law;'"
    )


def test_dropped_action_in_one_witness(markdown_source, plaintext):
    dropped = altered(
        markdown_source, ("- Establish** gender-responsive and child-sensitive referral mechanisms;\n", "")
    )
    with pytest.raises(ReconciliationError) as error:
        reconcile(parse_markdown_extract(dropped), plaintext)
    assert str(error.value) == (
        f"objective 12 actions: {MD} has 4 but {PT} has 5; first difference at objective 12 action c: "
        f"{MD}:425 says 'Ensure migrant children are identified at places of first arrival and, referred to child "
        f"protection services if needed;' but {PT}:459 says 'Establish gender-responsive and child-sensitive "
        "referral mechanisms;'"
    )


def test_dropped_last_action_in_one_witness(markdown_source, plaintext):
    last = "\n- c. **Integrate** provisions on the portability of entitlements and earned benefits into national "
    dropped = altered(markdown_source, (last + "social security frameworks.", ""))
    with pytest.raises(ReconciliationError) as error:
        reconcile(parse_markdown_extract(dropped), plaintext)
    assert str(error.value) == (
        f"objective 22 actions: {MD} has 2 but {PT} has 3; objective 22 action c is only in {PT}:763: 'Integrate "
        "provisions on the portability of entitlements and earned benefits into national social security frameworks.'"
    )


def test_swapped_letters_where_both_witnesses_letter(markdown_source, plaintext):
    swapped = altered(
        markdown_source,
        ("- b. **Improve** international", "- c. **Improve** international"),
        ("- c. **Develop** global", "- b. **Develop** global"),
    )
    with pytest.raises(ReconciliationError) as error:
        reconcile(parse_markdown_extract(swapped), plaintext)
    assert str(error.value) == (
        f"objective 1 action b: {MD}:157 has letter 'c' but {PT}:147 has letter 'b' for 'Improve international "
        "compatibility and comparability of migration statistics and national data systems;'"
    )


def test_swapped_letters_where_only_the_plaintext_letters(markdown, plaintext_source):
    # Objective 12's letter column (plaintext lines 449-450): "a." and "b." swapped.
    swapped = altered(
        plaintext_source, ("ACTIONS:\na.\nb.\nc.\nd.\ne.\n\nIncrease", "ACTIONS:\nb.\na.\nc.\nd.\ne.\n\nIncrease")
    )
    with pytest.raises(ReconciliationError) as error:
        reconcile(markdown, parse_plaintext_extract(swapped))
    assert str(error.value) == (
        f"objective 12 action a: {PT}:455 has letter 'b' where 'a' follows in order, for 'Increase transparency and "
        "accessibility of migration procedures by communicating necessary requirements;'"
    )


def test_stated_counts_must_hold(markdown_source, plaintext_source):
    # The same action dropped from both witnesses: they agree, but no longer with "187 specific actions".
    last_md = "\n- e. **Promote** partnerships, in line with international law, for targeted solutions to migration"
    markdown = altered(markdown_source, (last_md + " policy issues.", ""))
    last_pt = "\nPromote partnerships, in line with international law, for targeted solutions to migration\npolicy"
    plaintext = altered(
        plaintext_source, ("d.\ne.\n\nSupport other", "d.\n\nSupport other"), (last_pt + " issues.", "")
    )
    with pytest.raises(ReconciliationError) as error:
        extract_quick_reference(markdown, plaintext)
    assert str(error.value) == (
        f"{MD}:66 states 23 objectives and 187 specific actions, "
        "but the witnesses agree on 23 objectives and 186 actions"
    )


# --- layouts the parsers refuse ---


def test_missing_objective_number_line(plaintext_source):
    garbled = altered(
        plaintext_source,
        ("MINIMIZE DRIVERS AND STRUCTURAL FACTORS OF\n02\n", "MINIMIZE DRIVERS AND STRUCTURAL FACTORS OF\n"),
    )
    with pytest.raises(ExtractionError) as error:
        parse_plaintext_extract(garbled)
    assert str(error.value) == (
        f"{PT}:164: expected the objective number on the line below 'Objective ...', found 'FORCED MIGRATION'"
    )


def test_letter_column_not_matching_the_items(plaintext_source):
    garbled = altered(
        plaintext_source, ("c.\nd.\ne.\n\nDevelop national website", "c.\nd.\n\nDevelop national website")
    )
    with pytest.raises(ExtractionError) as error:
        parse_plaintext_extract(garbled)
    assert str(error.value) == f"{PT}:216: the letter column lists 4 items but the text below it gives 5"


def test_missing_actions_marker(markdown_source):
    garbled = altered(markdown_source, ("regular migration.\n\n### ACTIONS:\n", "regular migration.\n\n"))
    with pytest.raises(ExtractionError) as error:
        parse_markdown_extract(garbled)
    assert str(error.value).startswith(
        f"{MD}:254: expected 'ACTIONS:' after the commitment, found '- a. **Develop** human"
    )


def test_missing_heading(markdown_source):
    garbled = altered(markdown_source, ("# GUIDING PRINCIPLES\n", "GUIDING PRINCIPLES\n"))
    with pytest.raises(ExtractionError, match=rf"^{MD}:50: expected a line matching '\^# GUIDING PRINCIPLES\$'"):
        parse_markdown_extract(garbled)


def test_list_line_without_its_dash(markdown_source):
    unmarked = "- c. **Integrate** provisions on the portability"
    garbled = altered(markdown_source, (unmarked, unmarked[2:]))
    with pytest.raises(ExtractionError) as error:
        parse_markdown_extract(garbled)
    assert str(error.value) == (
        f"{MD}:656: expected an action '- a. ...', found 'c. **Integrate** provisions on the portability of "
        "entitlements and earned benefits into national social security frameworks.'"
    )
