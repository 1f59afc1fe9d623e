"""The IMRF Progress Declaration (draft resolution of 26 May 2022) as RDF: header, sections,
round tables with the adopted objectives they cover and the titles their footnotes quote,
77 paragraphs, footnotes, and the figures it states as typed values."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from gcm_graph.extract.figures import Figure
from gcm_graph.extract.imrf_declaration import ProgressDeclaration, SymbolCitation
from gcm_graph.graph import documents, iris
from gcm_graph.graph.iris import ELI, GCM, SCHEMA
from gcm_graph.graph.writer import GraphWriter

DOC = iris.IMRF_DECLARATION
NAME = "IMRF Progress Declaration"
UNIT_TEXT = {"person": "persons", "percent": "per cent", "USD": "United States dollars"}
UNIT_CODE = {"person": "IE", "percent": "P1"}  # UN/CEFACT common codes (Recommendation 20)


def add_progress_declaration(writer: GraphWriter, declaration: ProgressDeclaration, figures: list[Figure]) -> None:
    work = writer.in_document(documents.add_work(writer, documents.IMRF_DECLARATION))
    expression = documents.add_expression(writer, documents.IMRF_DECLARATION, "en")
    documents.add_manifestation(writer, expression, declaration.source)
    _add_header(writer, work, expression, declaration)
    sections = _add_sections(writer, work, declaration)
    for paragraph in declaration.paragraphs:
        parent = sections.get(paragraph.section[-1], work) if paragraph.section else work
        subject = writer.part(
            iris.paragraph_iri(DOC, paragraph.number),
            GCM.Paragraph,
            parent,
            f"{NAME}, paragraph {paragraph.number}",
            paragraph.number,
        )
        writer.add_text(subject, SCHEMA.text, paragraph.passage, "en", DOC)
    for footnote in declaration.footnotes:
        subject = writer.part(
            iris.footnote_iri(DOC, footnote.number),
            GCM.Footnote,
            work,
            f"{NAME}, footnote {footnote.number}",
            footnote.number,
        )
        writer.add_text(subject, SCHEMA.text, footnote.passage, "en")
    _add_round_tables(writer, declaration, sections)
    for figure in figures:
        _add_figure(writer, work, figure)


def _add_header(writer: GraphWriter, work: URIRef, expression: URIRef, declaration: ProgressDeclaration) -> None:
    header = declaration.header
    writer.add_text(work, DCTERMS.title, header.title, "en")
    writer.add(work, ELI.date_document, Literal(header.issued.isoformat(), datatype=XSD.date))
    writer.add_provenance(work, ELI.date_document, header.date)
    writer.add_text(work, GCM.documentForm, header.submission, "en")
    writer.add_text(work, GCM.session, header.session, "en")
    writer.add_text(work, GCM.agendaItems, header.agenda_items, "en")
    writer.add_text(work, GCM.distribution, header.distribution, "en")
    for title in header.agenda_item_titles:
        writer.add_text(work, GCM.agendaItemTitle, title, "en")
    operative = writer.part(
        iris.document_iri(DOC, "operative-paragraph", 1),
        GCM.Paragraph,
        work,
        f"{NAME}, operative paragraph of the draft resolution",
        1,
    )
    writer.add_text(operative, SCHEMA.text, declaration.operative_paragraph, "en")
    writer.add(work, GCM.reviews, iris.document_iri(iris.GCM_ADOPTED))
    writer.add(work, DCTERMS.creator, iris.organization_iri("president-of-the-general-assembly"))
    writer.add(work, GCM.adoptedAt, iris.event_iri("imrf-2022"))


def _add_sections(writer: GraphWriter, work: URIRef, declaration: ProgressDeclaration) -> dict[str, URIRef]:
    round_table_headings = {table.heading.text: table.number for table in declaration.round_tables}
    sections: dict[str, URIRef] = {}
    parent = work
    for number, heading in enumerate(declaration.sections, start=1):
        if heading.text in round_table_headings:
            table = round_table_headings[heading.text]
            subject = writer.part(
                iris.round_table_iri(DOC, table), GCM.RoundTable, parent, f"{NAME}, round table {table}", table
            )
            writer.add(subject, RDF.type, GCM.Section)
        else:
            subject = writer.part(
                iris.section_iri(DOC, iris.slugify(heading.text)),
                GCM.Section,
                work,
                f"{NAME}, section “{heading.text}”",
                number,
            )
            parent = subject
        writer.add_text(subject, DCTERMS.title, heading, "en", DOC)
        sections[heading.text] = subject
    return sections


def _add_round_tables(writer: GraphWriter, declaration: ProgressDeclaration, sections: dict[str, URIRef]) -> None:
    for table in declaration.round_tables:
        subject = sections[table.heading.text]
        footnote = iris.footnote_iri(DOC, table.footnote)
        for objective in table.objectives:
            writer.add(subject, GCM.coversObjective, iris.objective_iri(iris.GCM_ADOPTED, objective))
        for objective, title in table.objective_titles:
            quotation = iris.document_iri(DOC, "footnote", table.footnote, "objective", objective)
            writer.part(
                quotation,
                GCM.ObjectiveTitleQuotation,
                footnote,
                f"{NAME}, footnote {table.footnote}: title of objective {objective}",
                objective,
            )
            writer.add(quotation, GCM.quotesTitleOf, iris.objective_iri(iris.GCM_ADOPTED, objective))
            writer.add_text(quotation, SCHEMA.text, title, "en")


def _add_figure(writer: GraphWriter, work: URIRef, figure: Figure) -> None:
    subject = iris.figure_iri(DOC, figure.key)
    writer.add(subject, RDF.type, GCM.StatedFigure)
    writer.add(subject, RDF.type, SCHEMA.QuantitativeValue)
    writer.add(subject, DCTERMS.isPartOf, work)
    writer.add(subject, GCM.statedIn, iris.paragraph_iri(DOC, figure.paragraph))
    writer.add(subject, SCHEMA.value, Literal(str(figure.value), datatype=XSD.decimal))
    writer.add(subject, SCHEMA.unitText, Literal(UNIT_TEXT[figure.unit], lang="en"))
    if figure.unit in UNIT_CODE:
        writer.add(subject, SCHEMA.unitCode, Literal(UNIT_CODE[figure.unit]))
    else:
        writer.add(subject, SCHEMA.currency, Literal(figure.unit))
    writer.add(subject, GCM.measure, Literal(figure.measure, lang="en"))
    writer.add(subject, SCHEMA.description, Literal(figure.justification, lang="en"))
    writer.add(subject, RDFS.label, Literal(f"{NAME}, paragraph {figure.paragraph}: {figure.measure}", lang="en"))
    if figure.qualifier:
        writer.add(subject, GCM.qualifier, Literal(figure.qualifier, lang="en"))
    if figure.period_start is not None:
        writer.add(subject, GCM.periodStart, Literal(figure.period_start.isoformat(), datatype=XSD.date))
    writer.add(subject, GCM.periodEnd, Literal(figure.period_end.isoformat(), datatype=XSD.date))
    writer.add(subject, GCM.isTarget, Literal(figure.target))
    writer.add_text(subject, GCM.quote, figure.quote, "en")


def symbol_citations(declaration: ProgressDeclaration) -> list[tuple[URIRef, SymbolCitation]]:
    """Who cites which UN document symbol: paragraphs and footnotes of the declaration."""
    cited = [(iris.paragraph_iri(DOC, n), c) for n, cs in declaration.paragraph_symbols.items() for c in cs]
    cited += [(iris.footnote_iri(DOC, n), c) for n, cs in declaration.footnote_symbols.items() for c in cs]
    return cited
