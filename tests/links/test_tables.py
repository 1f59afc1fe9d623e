"""Each curated link table loads, each row becomes the record it says, and the tables are
grounded in the sources (aliases, objective titles, cited symbols)."""

from __future__ import annotations

import re

import pytest

from gcm_graph.curated import (
    DOCUMENT_KEYS,
    Event,
    Organisation,
    SdgConcept,
    SdgLink,
    UnDocument,
    alias_index,
    load_tables,
    unmatched_aliases,
)
from gcm_graph.extract.repair import repair_text
from gcm_graph.extract.sources import QUICK_REFERENCE_MARKDOWN, load_all_sources
from gcm_graph.graph import iris
from gcm_graph.links.records import IRI, Link, Literal, Node, compile_links


@pytest.fixture(scope="module")
def tables():
    loaded = load_tables()
    assert loaded.problems == []
    return loaded


@pytest.fixture(scope="module")
def links(tables) -> list[Link]:
    return compile_links(tables)


@pytest.fixture(scope="module")
def source_texts() -> dict[str, str]:
    return {name: repair_text(source.text)[0] for name, source in load_all_sources().items()}


def statements(links, kind, key):
    return {(link.predicate, link.object) for link in links if link.subject == Node(kind, key)}


def test_counts(tables):
    assert len(tables.instruments) >= 70
    assert len(tables.organisations) >= 30
    assert len(tables.events) >= 15
    assert len(tables.sdg_links.links) >= 23
    assert len(tables.un_documents) >= 18
    assert len(tables.eu_documents) == 2


def test_document_keys_are_those_of_the_graph():
    assert DOCUMENT_KEYS == {
        iris.COM_2018_167,
        iris.COM_2018_168,
        iris.ZERO_DRAFT_PLUS,
        iris.GCM_ADOPTED,
        iris.QUICK_REFERENCE,
        iris.IMRF_DECLARATION,
    }


# --- SDG -------------------------------------------------------------------------------------------


def test_sdg_rows_load_to_records(tables, links):
    concepts = {concept.code: concept for concept in tables.sdg}
    target = concepts["10.7"]
    assert target == SdgConcept(
        "10.7",
        "Facilitate orderly, safe, regular and responsible migration and mobility of people, including through "
        "the implementation of planned and well-managed migration policies",
        target.justification,
        target.line,
    )
    assert target.is_target and target.goal == "10"
    assert concepts["10"].label == "Reduce inequality within and among countries"
    assert statements(links, "sdg", "10.7") >= {
        ("skos:exactMatch", IRI("http://metadata.un.org/sdg/10.7")),
        ("skos:notation", Literal("10.7")),
        ("skos:broader", Node("sdg", "10")),
        ("skos:prefLabel", Literal(target.label, language="en")),
    }


def test_sdg_link_rows_load_to_records(tables, links):
    rows = {(link.objective, link.sdg): link for link in tables.sdg_links.links}
    remittances = rows[(20, "10.c")]
    assert remittances == SdgLink(
        20, "10.c", "explicit", "QR obj 20 a; ZDP 35(a); IMRF 42, 67", remittances.justification, remittances.line
    )
    assert rows[(1, "17.18")].grounding == "explicit"
    assert rows[(4, "16.9")].grounding == "explicit"
    assert rows[(6, "8.8")].grounding == "explicit"
    assert {(10, "16.2"), (10, "5.2"), (10, "8.7"), (22, "1.3")} <= set(rows)
    assert ("gcm:servesSdgTarget", IRI("http://metadata.un.org/sdg/10.c")) in statements(links, "objective", "20")
    assert ("gcm:servesSdgGoal", IRI("http://metadata.un.org/sdg/17")) in statements(links, "objective", "23")


def test_every_adopted_objective_has_an_sdg_link(tables):
    assert {link.objective for link in tables.sdg_links.links} == set(range(1, 24))


def test_objective_titles_stand_in_the_quick_reference_list(tables):
    text = load_all_sources()[QUICK_REFERENCE_MARKDOWN].text
    for number, title in tables.sdg_links.objectives.items():
        assert f"\n{number}. {title}\n" in text, (number, title)


def test_every_linked_code_is_shipped_with_its_goal(tables):
    shipped = {concept.code for concept in tables.sdg}
    for link in tables.sdg_links.links:
        assert link.sdg in shipped and link.sdg.split(".")[0] in shipped


# --- UN and EU documents ---------------------------------------------------------------------------


def test_un_document_rows_load_to_records(tables, links):
    rows = {row.symbol: row for row in tables.un_documents}
    row = rows["A/RES/73/195"]
    assert row == UnDocument(
        "A/RES/73/195", row.title, True, ("unga-res-73-195",), ("gcm",), row.justification, row.line
    )
    resolver = IRI("https://undocs.org/A/RES/73/195")
    assert statements(links, "instrument", "unga-res-73-195") >= {
        ("gcm:unDocumentSymbol", Literal("A/RES/73/195")),
        ("rdfs:seeAlso", resolver),
    }
    assert ("rdfs:seeAlso", resolver) in statements(links, "document", "gcm")
    assert rows["FCCC/CP/2015/10/Add.1"].instruments == ("unfccc-decision-1-cp-21", "paris-agreement")
    expected = {
        "A/RES/73/195",
        "A/RES/73/326",
        "A/RES/72/244",
        "A/RES/70/1",
        "A/RES/69/313",
        "A/RES/69/283",
        "A/RES/71/313",
        "A/76/642",
        "FCCC/CP/2015/10/Add.1",
    }
    assert {symbol for symbol, row in rows.items() if row.cited} == expected


def test_cited_symbols_stand_in_the_sources(tables, source_texts):
    joined = "\n".join(source_texts.values())
    for row in tables.un_documents:
        if not row.cited:
            continue
        number = re.sub(r"^A/RES/", "", row.symbol)
        assert row.symbol in joined or re.search(rf"[Rr]esolution {re.escape(number)}\b", joined), row.symbol


def test_eu_document_rows_load_to_records(tables, links):
    rows = {row.document: row for row in tables.eu_documents}
    assert rows["com-2018-167"].celex == "52018PC0167"
    assert rows["com-2018-167"].com_number == "COM(2018) 167 final"
    assert rows["com-2018-168"].celex == "52018PC0168"
    assert statements(links, "document", "com-2018-168") == {
        ("gcm:celex", Literal("52018PC0168")),
        ("rdfs:seeAlso", IRI("http://publications.europa.eu/resource/celex/52018PC0168")),
    }


def test_instrument_identifiers_become_links(links):
    article = statements(links, "instrument", "teu-art-16")
    assert article == {
        ("gcm:celex", Literal("12016M016")),
        ("rdfs:seeAlso", IRI("http://publications.europa.eu/resource/celex/12016M016")),
        ("owl:sameAs", IRI("http://data.europa.eu/eli/treaty/teu_2016/art_16/oj")),
    }
    case = statements(links, "instrument", "case-c-377-12")
    assert ("gcm:ecli", Literal("ECLI:EU:C:2014:1903")) in case
    assert ("gcm:celex", Literal("62012CJ0377")) in case
    consensus = statements(links, "instrument", "european-consensus-on-development-2017")
    assert ("gcm:ojReference", Literal("OJ C 210, 30.6.2017, p. 1")) in consensus
    assert ("gcm:celex", Literal("42017Y0630(01)")) in consensus
    protocol = statements(links, "instrument", "protocol-21-uk-ireland-afsj")
    assert protocol == {("gcm:celex", Literal("12016E/PRO/21"))}
    assert ("gcm:auDocumentSymbol", Literal("Assembly/AU/Dec.695(XXXI)")) in statements(
        links, "instrument", "au-assembly-decision-695-xxxi"
    )


# --- Organisations and events ------------------------------------------------------------------------


def test_organisation_rows_load_to_records(tables, links):
    organisations = {organisation.key: organisation for organisation in tables.organisations}
    iom = organisations["iom"]
    assert iom == Organisation(
        "iom",
        "intergovernmental-organization",
        {"en": "International Organization for Migration"},
        {"en": ("International Organization for Migration", "IOM")},
        None,
        {},
        iom.justification,
        iom.line,
    )
    assert organisations["european-commission"].part_of == "european-union"
    assert set(organisations) >= {
        "un-network-on-migration",
        "un-general-assembly",
        "council-of-the-european-union",
        "european-council",
        "ifad",
        "ilo",
        "unhcr",
        "ohchr",
        "who",
    }
    assert statements(links, "organisation", "iom") >= {
        ("rdf:type", IRI("http://www.w3.org/ns/org#Organization")),
        ("rdf:type", IRI("https://schema.org/Organization")),
        ("skos:altLabel", Literal("IOM", language="en")),
    }
    assert ("org:subOrganizationOf", Node("organisation", "european-union")) in statements(
        links, "organisation", "european-commission"
    )


def test_event_rows_load_to_records(tables, links):
    events = {event.key: event for event in tables.events}
    conference = events["intergovernmental-conference-2018"]
    assert (conference.start, conference.end, conference.location) == ("2018-12-10", "2018-12-11", "Marrakech, Morocco")
    imrf = events["imrf-2022"]
    assert imrf == Event(
        "imrf-2022",
        "forum-session",
        {"en": "International Migration Review Forum 2022"},
        {"en": ("first International Migration Review Forum",)},
        "international-migration-review-forum",
        "2022-05-17",
        "2022-05-20",
        "United Nations Headquarters, New York",
        "un-general-assembly",
        imrf.justification,
        imrf.line,
    )
    assert {events[f"imrf-{year}"].start for year in (2026, 2030)} == {"2026", "2030"}
    assert {events[f"regional-migration-review-fora-{year}"].start for year in (2020, 2024, 2028)} == {
        "2020",
        "2024",
        "2028",
    }
    assert statements(links, "event", "imrf-2022") >= {
        ("rdf:type", IRI("https://schema.org/Event")),
        ("schema:startDate", Literal("2022-05-17", datatype="xsd:date")),
        ("schema:endDate", Literal("2022-05-20", datatype="xsd:date")),
        ("schema:superEvent", Node("event", "international-migration-review-forum")),
        ("schema:organizer", Node("organisation", "un-general-assembly")),
    }
    assert ("schema:startDate", Literal("2026", datatype="xsd:gYear")) in statements(links, "event", "imrf-2026")
    assert ("rdf:type", IRI("https://schema.org/EventSeries")) in statements(
        links, "event", "international-migration-review-forum"
    )


@pytest.mark.parametrize("table", ["organisations", "events"])
def test_every_alias_keeps_a_match_of_its_own(tables, source_texts, table):
    assert unmatched_aliases(source_texts.values(), alias_index(getattr(tables, table))) == []


def test_names_are_unique_across_tables(tables):
    owners: dict[str, str] = {}
    for table in ("instruments", "organisations", "events"):
        for entry in getattr(tables, table):
            for name in set(entry.labels.values()) | set(entry.all_aliases()):
                assert owners.setdefault(name, entry.key) == entry.key, name


def test_every_link_names_its_table_line_and_justification(links):
    for link in links:
        assert link.table.startswith("data/") and link.line > 0 and link.justification
