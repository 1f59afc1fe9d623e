"""The IOM quick reference (July 2021) as a publication about the Compact: one work, one
English expression, two manifestations (the markdown and the plain-text extracts)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from gcm_graph.extract.quick_reference import QuickReference
from gcm_graph.extract.records import Passage
from gcm_graph.extract.sources import SourceFile
from gcm_graph.graph import documents, iris
from gcm_graph.graph.compact import add_witnessed
from gcm_graph.graph.iris import ELI, GCM, ORG, SCHEMA
from gcm_graph.graph.writer import GraphWriter

DOC = iris.QUICK_REFERENCE
NAME = "IOM quick reference"
IOM = iris.organization_iri("iom")
IOM_BANGLADESH = iris.organization_iri("iom-bangladesh")
EUROPEAN_UNION = iris.organization_iri("european-union")
PRODUCER = iris.organization_iri("purplewood")


def add_quick_reference(
    writer: GraphWriter, reference: QuickReference, markdown: SourceFile, plaintext: SourceFile, title: Passage
) -> None:
    """``title`` is the cover title as the markdown extract prints it."""
    work = writer.in_document(documents.add_work(writer, documents.QUICK_REFERENCE))
    expression = documents.add_expression(writer, documents.QUICK_REFERENCE, "en")
    documents.add_manifestation(writer, expression, markdown, form="markdown")
    documents.add_manifestation(writer, expression, plaintext, form="plain")
    writer.add(work, RDF.type, SCHEMA.Report)
    writer.add_text(work, DCTERMS.title, title, "en")
    writer.add(work, SCHEMA.about, iris.document_iri(iris.GCM_ADOPTED))
    writer.add(work, ELI.is_about, iris.document_iri(iris.GCM_ADOPTED))
    _add_imprint(writer, work, reference)
    writer.add(work, GCM.statedObjectiveCount, Literal(reference.stated_objectives, datatype=XSD.integer))
    writer.add(work, GCM.statedActionCount, Literal(reference.stated_actions, datatype=XSD.integer))
    for predicate in (GCM.statedObjectiveCount, GCM.statedActionCount):
        writer.add_provenance(work, predicate, reference.stated_counts.markdown)
        writer.add_provenance(work, predicate, reference.stated_counts.plaintext)
    for number, section in enumerate(reference.overview, start=1):
        subject = writer.part(
            iris.section_iri(DOC, "overview", iris.slugify(section.heading.text)),
            GCM.Section,
            work,
            f"{NAME}, overview: {section.heading.text.lower()}",
            number,
        )
        add_witnessed(writer, subject, DCTERMS.title, section.heading)
        add_witnessed(writer, subject, SCHEMA.text, section.text)


def _add_imprint(writer: GraphWriter, work: URIRef, reference: QuickReference) -> None:
    facts = reference.publication
    writer.add(work, SCHEMA.datePublished, Literal("2021-07", datatype=XSD.gYearMonth))
    writer.add_provenance(work, SCHEMA.datePublished, facts.date)
    writer.add_text(work, SCHEMA.bookEdition, facts.edition, "en")
    writer.add_text(work, SCHEMA.copyrightNotice, facts.copyright, "en")
    writer.add(work, SCHEMA.copyrightYear, Literal(2020, datatype=XSD.gYear))
    writer.add_provenance(work, SCHEMA.copyrightYear, facts.copyright)
    writer.add(work, SCHEMA.copyrightHolder, IOM)
    writer.add(work, SCHEMA.publisher, IOM_BANGLADESH)
    writer.add(work, DCTERMS.publisher, IOM_BANGLADESH)
    writer.add(IOM_BANGLADESH, RDF.type, SCHEMA.Organization)
    writer.add(IOM_BANGLADESH, RDF.type, ORG.Organization)
    writer.add(IOM_BANGLADESH, RDFS.label, Literal("IOM Bangladesh Country Office", lang="en"))
    writer.add(IOM_BANGLADESH, SKOS.prefLabel, Literal("IOM Bangladesh Country Office", lang="en"))
    writer.add(IOM_BANGLADESH, SCHEMA.parentOrganization, IOM)
    writer.add(IOM_BANGLADESH, ORG.subOrganizationOf, IOM)
    writer.add_text(IOM_BANGLADESH, SCHEMA.name, facts.country_office, "en")
    writer.add_text(IOM, SCHEMA.name, facts.publisher, "en")
    writer.add(work, SCHEMA.funder, EUROPEAN_UNION)
    writer.add_text(work, GCM.fundingStatement, facts.funder, "en")
    writer.add(work, SCHEMA.producer, PRODUCER)
    writer.add_text(work, GCM.productionCredit, facts.production, "en")
    writer.add_text(work, GCM.projectTitle, facts.project, "en")
    writer.add(work, RDFS.seeAlso, URIRef(facts.resolution_link.text))
    writer.add_provenance(work, RDFS.seeAlso, facts.resolution_link)
