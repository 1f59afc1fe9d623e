"""The documents of the graph and their FRBR levels (work, expression, manifestation).

Document-level facts that no parser can read reliably (a date written
"21.3.2018", a procedure number) are stated here once, each with the
passage it rests on added as provenance by the document's graph module.
ELI 1.5 levels: ``eli:LegalResource``/``eli:Work`` -> ``eli:LegalExpression``/
``eli:Expression`` (one per language) -> ``eli:Format``/``eli:Manifestation``
(the committed source file).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from gcm_graph.extract.sources import SourceFile
from gcm_graph.graph import iris
from gcm_graph.graph.iris import ELI, SCHEMA
from gcm_graph.graph.writer import GraphWriter

EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"de": "DEU", "en": "ENG"}
MEDIA_TYPES = {"plain": "text/plain", "markdown": "text/markdown"}
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")


@dataclass(frozen=True)
class DocumentFacts:
    key: str
    label: str
    legal: bool = True


COM_2018_167 = DocumentFacts(iris.COM_2018_167, "COM(2018) 167 final")
COM_2018_168 = DocumentFacts(iris.COM_2018_168, "COM(2018) 168 final")
ZERO_DRAFT_PLUS = DocumentFacts(iris.ZERO_DRAFT_PLUS, "Global Compact for Migration, Zero Draft Plus (5 March 2018)")
GCM_ADOPTED = DocumentFacts(iris.GCM_ADOPTED, "Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)")
QUICK_REFERENCE = DocumentFacts(
    iris.QUICK_REFERENCE, "IOM Global Compact for Migration Quick Reference Version (July 2021)", legal=False
)
IMRF_DECLARATION = DocumentFacts(
    iris.IMRF_DECLARATION, "Progress Declaration of the International Migration Review Forum (draft, 26 May 2022)"
)


def add_work(writer: GraphWriter, facts: DocumentFacts) -> URIRef:
    work = iris.document_iri(facts.key)
    writer.add(work, RDF.type, ELI.LegalResource if facts.legal else ELI.Work)
    writer.add(work, RDFS.label, Literal(facts.label, lang="en"))
    writer.add(work, DCTERMS.license, LICENCE)
    return work


def add_expression(writer: GraphWriter, facts: DocumentFacts, language: str) -> URIRef:
    work = iris.document_iri(facts.key)
    expression = iris.expression_iri(facts.key, language)
    writer.add(expression, RDF.type, ELI.LegalExpression if facts.legal else ELI.Expression)
    writer.add(expression, RDFS.label, Literal(f"{facts.label}, {language} text", lang="en"))
    writer.add(expression, ELI.language, URIRef(EU_LANGUAGE + LANGUAGE_CODES[language]))
    writer.add(expression, DCTERMS.language, Literal(language, datatype=XSD.language))
    writer.add(expression, ELI.realizes, work)
    writer.add(work, ELI.is_realized_by, expression)
    return expression


def add_manifestation(writer: GraphWriter, expression: URIRef, source: SourceFile, form: str = "plain") -> URIRef:
    """The committed source file as the manifestation an expression is embodied in."""
    manifestation = iris.source_file_iri(source.name)
    writer.add(manifestation, RDF.type, ELI.Format)
    writer.add(manifestation, RDF.type, SCHEMA.MediaObject)
    writer.add(manifestation, RDFS.label, Literal(f"sources/{source.name}", lang="en"))
    writer.add(manifestation, SCHEMA.name, Literal(source.name))
    writer.add(manifestation, SCHEMA.encodingFormat, Literal(MEDIA_TYPES[form]))
    writer.add(manifestation, ELI["format"], URIRef("http://www.iana.org/assignments/media-types/" + MEDIA_TYPES[form]))
    writer.add(manifestation, SCHEMA.sha256, Literal(source.sha256))
    writer.add(manifestation, SCHEMA.contentSize, Literal(source.size, datatype=XSD.integer))
    writer.add(manifestation, ELI.embodies, expression)
    writer.add(expression, ELI.is_embodied_by, manifestation)
    return manifestation
