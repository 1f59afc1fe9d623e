"""The curated tables compiled into link records: one record per statement the graph should make.

Plain data, no rdflib: a subject ``Node`` (what kind of resource, which key), a predicate CURIE
and an object that is an external ``IRI``, a ``Literal`` or another ``Node``. Each record keeps
the table and line it comes from and the row's justification. ``docs/links.md`` maps node kinds
to IRIs (``gcm_graph.graph.iris``) and lists the predicates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gcm_graph.curated import (
    EU_DOCUMENTS_FILE,
    EVENTS_FILE,
    INSTRUMENTS_FILE,
    ORGANISATIONS_FILE,
    SDG_FILE,
    SDG_LINKS_FILE,
    UN_DOCUMENTS_FILE,
    CuratedTables,
    date_datatype,
)
from gcm_graph.links.schemes import cellar_celex_iri, sdg_kos_iri, un_resolver_url

PREFIXES = {
    "gcm": "https://w3id.org/gcm-graph/ontology/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
WIKIDATA_ENTITY_BASE = "http://www.wikidata.org/entity/"

# Node kinds, and the IRI each becomes (docs/links.md):
#   instrument    iris.instrument_iri(key)
#   organisation  iris.organization_iri(key)
#   event         iris.event_iri(key)
#   objective     iris.objective_iri("gcm", int(key))   adopted objective 1-23
#   document      iris.document_iri(key)
#   sdg           iris.id_iri("sdg", key)                local SKOS concept of an SDG goal or target
NODE_KINDS = ("instrument", "organisation", "event", "objective", "document", "sdg")


@dataclass(frozen=True)
class Node:
    kind: str
    key: str


@dataclass(frozen=True)
class IRI:
    value: str


@dataclass(frozen=True)
class Literal:
    value: str
    datatype: str | None = None  # CURIE, e.g. "xsd:date"; None for a plain or language-tagged string
    language: str | None = None


Term = Node | IRI | Literal


@dataclass(frozen=True)
class Link:
    subject: Node
    predicate: str
    object: Term
    table: str
    line: int
    justification: str


def expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def compile_links(tables: CuratedTables) -> list[Link]:
    """Every statement the curated tables make, in table order."""
    links: list[Link] = []
    for part in (
        _instrument_identifiers,
        _un_documents,
        _eu_documents,
        _sdg_concepts,
        _sdg_links,
        _organisations,
        _events,
    ):
        links.extend(part(tables))
    return links


def _data(name: str) -> str:
    return f"data/{name}"


def _instrument_identifiers(tables: CuratedTables) -> Iterator[Link]:
    """CELEX, ELI, ECLI, OJ, AU symbol, Wikidata of instruments (UN symbols come from un_documents)."""
    table = _data(INSTRUMENTS_FILE)
    for instrument in tables.instruments:
        node = Node("instrument", instrument.key)

        def link(predicate: str, term: Term, node: Node = node, instrument=instrument) -> Link:
            return Link(node, predicate, term, table, instrument.line, instrument.justification)

        identifiers = instrument.identifiers
        if "celex" in identifiers:
            yield link("gcm:celex", Literal(identifiers["celex"]))
            cellar = cellar_celex_iri(identifiers["celex"])
            if cellar:
                yield link("rdfs:seeAlso", IRI(cellar))
        if "eli" in identifiers:
            yield link("owl:sameAs", IRI(identifiers["eli"]))
        if "ecli" in identifiers:
            yield link("gcm:ecli", Literal(identifiers["ecli"]))
        if "oj" in identifiers:
            yield link("gcm:ojReference", Literal(identifiers["oj"]))
        if "au_symbol" in identifiers:
            yield link("gcm:auDocumentSymbol", Literal(identifiers["au_symbol"]))
        if "wikidata" in identifiers:
            yield link("owl:sameAs", IRI(WIKIDATA_ENTITY_BASE + identifiers["wikidata"]))


def _un_documents(tables: CuratedTables) -> Iterator[Link]:
    table = _data(UN_DOCUMENTS_FILE)
    for row in tables.un_documents:
        resolver = IRI(un_resolver_url(row.symbol))
        for key in row.instruments:
            node = Node("instrument", key)
            yield Link(node, "gcm:unDocumentSymbol", Literal(row.symbol), table, row.line, row.justification)
            yield Link(node, "rdfs:seeAlso", resolver, table, row.line, row.justification)
        for key in row.documents:
            yield Link(Node("document", key), "rdfs:seeAlso", resolver, table, row.line, row.justification)


def _eu_documents(tables: CuratedTables) -> Iterator[Link]:
    table = _data(EU_DOCUMENTS_FILE)
    for row in tables.eu_documents:
        node = Node("document", row.document)
        yield Link(node, "gcm:celex", Literal(row.celex), table, row.line, row.justification)
        cellar = cellar_celex_iri(row.celex)
        if cellar:
            yield Link(node, "rdfs:seeAlso", IRI(cellar), table, row.line, row.justification)


def _sdg_concepts(tables: CuratedTables) -> Iterator[Link]:
    table = _data(SDG_FILE)
    for concept in tables.sdg:
        node = Node("sdg", concept.code)

        def link(predicate: str, term: Term, node: Node = node, concept=concept) -> Link:
            return Link(node, predicate, term, table, concept.line, concept.justification)

        yield link("rdf:type", IRI(expand("skos:Concept")))
        yield link("skos:prefLabel", Literal(concept.label, language="en"))
        yield link("skos:notation", Literal(concept.code))
        yield link("skos:exactMatch", IRI(sdg_kos_iri(concept.code)))
        if concept.is_target:
            yield link("skos:broader", Node("sdg", concept.goal))


def _sdg_links(tables: CuratedTables) -> Iterator[Link]:
    table = _data(SDG_LINKS_FILE)
    for row in tables.sdg_links.links:
        predicate = "gcm:servesSdgTarget" if row.is_target else "gcm:servesSdgGoal"
        yield Link(
            Node("objective", str(row.objective)),
            predicate,
            IRI(sdg_kos_iri(row.sdg)),
            table,
            row.line,
            f"[{row.grounding}; {row.basis}] {row.justification}",
        )


def _organisations(tables: CuratedTables) -> Iterator[Link]:
    table = _data(ORGANISATIONS_FILE)
    for organisation in tables.organisations:
        node = Node("organisation", organisation.key)

        def link(predicate: str, term: Term, node: Node = node, organisation=organisation) -> Link:
            return Link(node, predicate, term, table, organisation.line, organisation.justification)

        yield link("rdf:type", IRI(expand("org:Organization")))
        yield link("rdf:type", IRI(expand("schema:Organization")))
        for language, label in organisation.labels.items():
            yield link("skos:prefLabel", Literal(label, language=language))
            yield link("schema:name", Literal(label, language=language))
        for language, aliases in organisation.aliases.items():
            for alias in aliases:
                if alias != organisation.labels.get(language):
                    yield link("skos:altLabel", Literal(alias, language=language))
        if organisation.part_of:
            yield link("org:subOrganizationOf", Node("organisation", organisation.part_of))
            yield link("schema:parentOrganization", Node("organisation", organisation.part_of))
        if "wikidata" in organisation.identifiers:
            yield link("owl:sameAs", IRI(WIKIDATA_ENTITY_BASE + organisation.identifiers["wikidata"]))


def _events(tables: CuratedTables) -> Iterator[Link]:
    table = _data(EVENTS_FILE)
    for event in tables.events:
        node = Node("event", event.key)

        def link(predicate: str, term: Term, node: Node = node, event=event) -> Link:
            return Link(node, predicate, term, table, event.line, event.justification)

        event_class = "schema:EventSeries" if event.kind == "event-series" else "schema:Event"
        yield link("rdf:type", IRI(expand(event_class)))
        for language, label in event.labels.items():
            yield link("schema:name", Literal(label, language=language))
            yield link("skos:prefLabel", Literal(label, language=language))
        for language, aliases in event.aliases.items():
            for alias in aliases:
                if alias != event.labels.get(language):
                    yield link("skos:altLabel", Literal(alias, language=language))
        if event.start:
            yield link("schema:startDate", Literal(event.start, datatype=date_datatype(event.start)))
        if event.end:
            yield link("schema:endDate", Literal(event.end, datatype=date_datatype(event.end)))
        if event.location:
            yield link("schema:location", Literal(event.location))
        if event.organizer:
            yield link("schema:organizer", Node("organisation", event.organizer))
        if event.part_of:
            yield link("schema:superEvent", Node("event", event.part_of))
