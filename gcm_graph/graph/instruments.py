"""Referenced instruments: one resource per instrument, and the ``dcterms:references`` links
from every part of every document whose text mentions it (by alias) or cites it (by UN symbol)."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from gcm_graph.curated import CuratedDataError, Instrument
from gcm_graph.extract.citations import Alias, AliasMatcher
from gcm_graph.extract.imrf_declaration import SymbolCitation
from gcm_graph.graph import iris
from gcm_graph.graph.iris import GCM, SCHEMA
from gcm_graph.graph.writer import GraphWriter

INSTRUMENTS_FILE = "data/instruments.yaml"
TEXT_PREDICATES = (
    SCHEMA.text,
    SCHEMA.abstract,
    DCTERMS.title,
    SKOS.definition,
    GCM.projectTitle,
    GCM.fundingStatement,
    GCM.agendaItemTitle,
)


def instrument_kind_iri(kind: str) -> URIRef:
    return iris.id_iri("instrument-kind", kind)


def add_instruments(writer: GraphWriter, instruments: list[Instrument], kinds: dict[str, str]) -> None:
    scheme = iris.id_iri("instrument-kind")
    writer.add(scheme, RDF.type, SKOS.ConceptScheme)
    writer.add(scheme, SKOS.prefLabel, Literal("Kinds of instrument", lang="en"))
    for kind, meaning in kinds.items():
        concept = instrument_kind_iri(kind)
        writer.add(concept, RDF.type, GCM.InstrumentKind)
        writer.add(concept, RDF.type, SKOS.Concept)
        writer.add(concept, SKOS.inScheme, scheme)
        writer.add(concept, SKOS.prefLabel, Literal(kind.replace("-", " "), lang="en"))
        writer.add(concept, SKOS.definition, Literal(meaning, lang="en"))
    for instrument in instruments:
        _add_instrument(writer, instrument)


def _add_instrument(writer: GraphWriter, instrument: Instrument) -> None:
    subject = iris.instrument_iri(instrument.key)
    writer.add(subject, RDF.type, GCM.Instrument)
    writer.add(subject, GCM.instrumentKind, instrument_kind_iri(instrument.kind))
    writer.add(subject, RDFS.label, Literal(instrument.labels["en"], lang="en"))
    for language, label in instrument.labels.items():
        writer.add(subject, SKOS.prefLabel, Literal(label, lang=language))
    for language, aliases in instrument.aliases.items():
        for alias in aliases:
            if alias != instrument.labels.get(language):
                writer.add(subject, SKOS.altLabel, Literal(alias, lang=language))
    if instrument.part_of:
        writer.add(subject, DCTERMS.isPartOf, iris.instrument_iri(instrument.part_of))
        writer.add(iris.instrument_iri(instrument.part_of), DCTERMS.hasPart, subject)
    writer.add(subject, SKOS.editorialNote, Literal(instrument.justification, lang="en"))
    # identifiers (CELEX, ELI, ECLI, UN symbols ...) come from the link tables: gcm_graph.graph.links


def alias_matcher(instruments: list[Instrument]) -> AliasMatcher:
    return AliasMatcher(
        Alias(instrument.key, alias, instrument.line)
        for instrument in instruments
        for aliases in instrument.aliases.values()
        for alias in aliases
    )


def add_mentions(
    dataset: Dataset,
    graph_names: list[URIRef],
    matcher: AliasMatcher,
    other_texts: list[tuple[URIRef, URIRef, str]] = (),
) -> int:
    """Link every text that names an instrument to it, in the named graph the text stands in.

    ``other_texts`` are (graph, subject, text) for texts that are not literals, such as a link.
    """
    links = 0
    for name in graph_names:
        graph = dataset.graph(name)
        found = set()
        texts = [(s, str(o)) for p in TEXT_PREDICATES for s, _, o in graph.triples((None, p, None))]
        texts += [(subject, text) for graph_name, subject, text in other_texts if graph_name == name]
        for subject, text in texts:
            for mention in matcher.mentions(text):
                found.add((subject, iris.instrument_iri(mention.key)))
        for subject, instrument in found:
            graph.add((subject, DCTERMS.references, instrument))
        links += len(found)
    unused = matcher.unused()
    if unused:
        raise CuratedDataError(
            f"{INSTRUMENTS_FILE}:{alias.line}: {alias.key}: alias {alias.text!r} matches no text of any source "
            "(expected every alias to occur at least once)"
            for alias in unused
        )
    return links


def add_symbol_citations(
    writer: GraphWriter, citations: list[tuple[URIRef, SymbolCitation]], instruments: list[Instrument]
) -> None:
    """A cited UN symbol points to the instruments it issues (not to their parts)."""
    by_symbol: dict[str, list[Instrument]] = {}
    for instrument in instruments:
        if "un_symbol" in instrument.identifiers:
            by_symbol.setdefault(instrument.identifiers["un_symbol"], []).append(instrument)
        if "au_symbol" in instrument.identifiers:
            by_symbol.setdefault(instrument.identifiers["au_symbol"], []).append(instrument)
    for subject, citation in citations:
        candidates = by_symbol.get(citation.symbol)
        if not candidates:
            raise CuratedDataError(
                [
                    f"{INSTRUMENTS_FILE}: no instrument has the symbol {citation.symbol!r} that "
                    f"sources/{citation.span.source} cites at characters {citation.span.start}-{citation.span.end}"
                ]
            )
        keys = {candidate.key for candidate in candidates}
        for candidate in candidates:
            if candidate.part_of not in keys:
                writer.add(subject, DCTERMS.references, iris.instrument_iri(candidate.key))
