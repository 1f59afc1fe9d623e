"""The text repairs, one defect at a time."""

import pytest

from gcm_graph.extract.records import FootnoteRef
from gcm_graph.extract.repair import (
    assemble_passage,
    collapse_whitespace,
    join_broken_hyphens,
    passage_from_spans,
    remove_footnote_markers,
    repair_text,
    strip_markdown,
)


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("resolution [73/326](#) of 19 July", "resolution 73/326 of 19 July"),
        ("Email: [IOMDhaka@iom.int](mailto:IOMDhaka@iom.int)", "Email: IOMDhaka@iom.int"),
        ("- a. **Implement** a strategy", "- a. Implement a strategy"),
        ("- Increase** transparency", "- Increase transparency"),
        ("*Im Namen des Rates Der Präsident*", "Im Namen des Rates Der Präsident"),
        ("² <http://www.unhcr.org/x.html>", "² http://www.unhcr.org/x.html"),
    ],
)
def test_markdown_debris(raw, repaired):
    assert strip_markdown(raw) == repaired


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("a range of gender- responsive and child-sensitive", "a range of gender-responsive and child-sensitive"),
        ("migration- relevant questions", "migration-relevant questions"),
        ("intra- and cross-regional", "intra- and cross-regional"),
        ("trainee- or apprenticeships", "trainee- or apprenticeships"),
        ("Herkunfts-, Transit- und Zielländer", "Herkunfts-, Transit- und Zielländer"),
        ("Partnerländern und -organisationen", "Partnerländern und -organisationen"),
    ],
)
def test_line_end_hyphens_versus_suspended_hyphens(raw, repaired):
    assert join_broken_hyphens(raw) == repaired


def test_page_break_inside_a_sentence_becomes_one_space():
    assert collapse_whitespace("a source of prosperity, innovation\n\nand sustainable") == (
        "a source of prosperity, innovation and sustainable"
    )


def test_footnote_markers_are_removed_and_remembered():
    text, refs = remove_footnote_markers("Migration,¹ including the 2030 Agenda,² and Reduction 2015–2030¹¹ and")
    assert text == "Migration, including the 2030 Agenda, and Reduction 2015–2030 and"
    assert refs == (FootnoteRef(1, 10), FootnoteRef(2, 37), FootnoteRef(11, 61))


def test_marker_between_spaces_leaves_one_space():
    assert repair_text("the Forum ⁴ covers")[0] == "the Forum covers"


def test_passage_from_fragments_round_trips():
    source = "Kommission gegen\n\n⁶ Urteil ...\n\nRat⁶. Darin"
    fragments = [(0, 16), (source.index("Rat"), len(source))]
    passage = assemble_passage("x.txt", source, fragments)
    assert passage.text == "Kommission gegen Rat. Darin"
    assert passage.footnote_refs == (FootnoteRef(6, 20),)
    assert passage_from_spans(source, passage.spans) == passage.text
