"""COM(2018) 167 final, German part: structure, exact texts and page-break repairs."""

from dataclasses import replace

import pytest

from gcm_graph.extract.com_proposal import extract_com_proposal
from gcm_graph.extract.lines import ExtractionError
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import COM_2018_167, load_source


@pytest.fixture(scope="module")
def source():
    return load_source(COM_2018_167)


@pytest.fixture(scope="module")
def proposal(source):
    return extract_com_proposal(source)


def test_header_facts(proposal):
    assert proposal.place_and_date.text == "Brüssel, den 21.3.2018"
    assert proposal.reference.text == "COM(2018) 167 final"
    assert proposal.procedure.text == "2018/0079 (NLE)"
    assert proposal.title.text.startswith("zur Ermächtigung der Kommission, im Bereich der Entwicklungszusammenarbeit")


def test_memorandum_sections_and_paragraphs(proposal):
    headings = [section.heading.text for section in proposal.memorandum]
    assert headings == [
        "Gegenstand des Vorschlags",
        "Der Globale Pakt für eine sichere, geordnete und reguläre Migration",
        "Rechtsgrundlage",
        "Sonstige Aspekte",
    ]
    counts = [len(section.paragraphs) for section in proposal.memorandum]
    assert counts == [1, 8, 7, 3]
    last = proposal.memorandum[2].paragraphs[-1].passage.text
    assert last.startswith("Die Rechtsgrundlage für die vorgeschlagenen Beschlüsse bilden somit Artikel 16 EUV")


def test_sixteen_recitals_and_single_article(proposal):
    assert [recital.number for recital in proposal.recitals] == list(range(1, 17))
    assert proposal.recitals[1].passage.text == (
        "Nach Artikel 221 Absatz 1 des Vertrags über die Arbeitsweise der Europäischen Union sorgen die "
        "Delegationen der Union in Drittländern und bei internationalen Organisationen für die Vertretung der Union."
    )
    assert proposal.article_heading.text == "Einziges Artikel"
    assert len(proposal.article_paragraphs) == 3
    assert proposal.signature.text == "Im Namen des Rates Der Präsident"
    assert [citation.text for citation in proposal.citations][1] == (
        "gestützt auf den Vertrag über die Arbeitsweise der Europäischen Union, insbesondere auf Artikel 209,"
    )


def test_recital_5_joined_across_page_break_and_footnotes(proposal):
    recital = proposal.recitals[4].passage
    assert "zuletzt in seinem Urteil in der Rechtssache C-377/12, Kommission gegen Rat. Darin stellt" in recital.text
    assert "[" not in recital.text and "⁶" not in recital.text
    assert [ref.number for ref in recital.footnote_refs] == [6, 7]
    assert recital.text[: recital.footnote_refs[0].offset].endswith("Kommission gegen Rat")
    assert recital.text[: recital.footnote_refs[1].offset].endswith("im Europäischen Konsens")
    assert len(recital.spans) == 2


def test_nine_footnotes_become_records(proposal):
    assert [note.number for note in proposal.footnotes] == list(range(1, 10))
    assert proposal.footnotes[4].passage.text == (
        "Urteil des Gerichtshofs vom 11. Juni 2014 in der Rechtssache C-377/12 (Kommission gegen Rat), "
        "ECLI:EU:C:2014:1903."
    )
    assert (
        proposal.footnotes[1].passage.text == "http://www.unhcr.org/new-york-declaration-for-refugees-and-migrants.html"
    )


def test_every_passage_equals_its_spans(source, proposal):
    passages = [proposal.title, proposal.signature, *proposal.article_paragraphs, *proposal.citations]
    passages += [recital.passage for recital in proposal.recitals]
    passages += [note.passage for note in proposal.footnotes]
    passages += [p.passage for section in proposal.memorandum for p in section.paragraphs]
    for passage in passages:
        assert passage_from_spans(source.text, passage.spans) == passage.text


def test_recital_gap_is_reported_with_line(source):
    broken = replace(source, text=source.text.replace("- (9) Im September", "- (10) Im September"))
    with pytest.raises(ExtractionError, match=r"com-2018-167.*\.txt:103: expected recital 9, found 10"):
        extract_com_proposal(broken)
