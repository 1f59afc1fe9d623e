"""COM(2018) 167 final (German) and the parallel proposal COM(2018) 168 it explains, as RDF.

Legal bases (``eli:based_on``): COM(2018) 167 rests on Article 16 TEU with
Article 209 TFEU (its citations "gestützt auf ..."); the memorandum's
paragraph on the legal basis explains that a second decision, on Article 16
TEU with Article 79 TFEU, is needed: that is COM(2018) 168.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, XSD

from gcm_graph.extract.com_proposal import ComProposal
from gcm_graph.extract.records import Passage
from gcm_graph.extract.sources import SourceFile
from gcm_graph.graph import documents, iris
from gcm_graph.graph.iris import ELI, GCM, SCHEMA
from gcm_graph.graph.writer import GraphWriter

DOC = iris.COM_2018_167
LEGAL_BASES_167 = ("teu-art-16", "tfeu-art-209")
LEGAL_BASES_168 = ("teu-art-16", "tfeu-art-79")
LEGAL_BASIS_PARAGRAPH = 16
COMMISSION = iris.organization_iri("european-commission")  # memorandum paragraph naming both decisions and their bases


def add_com_proposal(writer: GraphWriter, proposal: ComProposal, source: SourceFile) -> None:
    work = writer.in_document(documents.add_work(writer, documents.COM_2018_167))
    expression = documents.add_expression(writer, documents.COM_2018_167, "de")
    documents.add_manifestation(writer, expression, source)
    _add_identity(writer, work, expression, proposal)
    _add_memorandum(writer, work, proposal)
    _add_decision(writer, work, proposal)
    for footnote in proposal.footnotes:
        subject = writer.part(
            iris.footnote_iri(DOC, footnote.number),
            GCM.Footnote,
            work,
            f"COM(2018) 167, footnote {footnote.number}",
            footnote.number,
        )
        writer.add_text(subject, SCHEMA.text, footnote.passage, "de")
    _add_parallel_proposal(writer, work)


def _add_identity(writer: GraphWriter, work: URIRef, expression: URIRef, proposal: ComProposal) -> None:
    writer.add(work, ELI.id_local, Literal("COM(2018) 167 final"))
    writer.add_provenance(work, ELI.id_local, proposal.reference)
    writer.add(work, ELI.date_document, Literal("2018-03-21", datatype=XSD.date))
    writer.add_provenance(work, ELI.date_document, proposal.place_and_date)
    writer.add(work, GCM.procedureNumber, Literal("2018/0079 (NLE)"))
    writer.add_provenance(work, GCM.procedureNumber, proposal.procedure)
    writer.add_text(work, DCTERMS.title, proposal.title, "de")
    writer.add_text(work, GCM.documentForm, proposal.form, "de")
    writer.add(work, ELI.has_annex, iris.document_iri(iris.ZERO_DRAFT_PLUS))
    writer.add(work, DCTERMS.creator, COMMISSION)
    for key in LEGAL_BASES_167:
        writer.add(work, ELI.based_on, iris.instrument_iri(key))


def _add_memorandum(writer: GraphWriter, work: URIRef, proposal: ComProposal) -> None:
    memorandum = writer.part(
        iris.document_iri(DOC, "memorandum"), GCM.ExplanatoryMemorandum, work, "COM(2018) 167, explanatory memorandum"
    )
    writer.add_text(memorandum, DCTERMS.title, proposal.memorandum_heading, "de")
    for section in proposal.memorandum:
        section_iri = iris.document_iri(DOC, "memorandum", "section", section.number)
        writer.part(
            section_iri, GCM.Section, memorandum, f"COM(2018) 167, memorandum section {section.number}", section.number
        )
        writer.add_text(section_iri, DCTERMS.title, section.heading, "de")
        for paragraph in section.paragraphs:
            subject = writer.part(
                iris.document_iri(DOC, "memorandum", "paragraph", paragraph.number),
                GCM.Paragraph,
                section_iri,
                f"COM(2018) 167, memorandum paragraph {paragraph.number}",
                paragraph.number,
            )
            writer.add_text(subject, SCHEMA.text, paragraph.passage, "de", DOC)


def _add_decision(writer: GraphWriter, work: URIRef, proposal: ComProposal) -> None:
    def block(key: str, kind: URIRef, label: str, passage: Passage) -> URIRef:
        subject = writer.part(iris.document_iri(DOC, key), kind, work, f"COM(2018) 167, {label}")
        writer.add_text(subject, SCHEMA.text, passage, "de", DOC)
        return subject

    block("decision-title", GCM.Formula, "title of the proposed decision", proposal.decision_title)
    block("authority", GCM.Formula, "enacting authority", proposal.authority)
    for number, citation in enumerate(proposal.citations, start=1):
        subject = writer.part(
            iris.document_iri(DOC, "citation", number), GCM.Citation, work, f"COM(2018) 167, citation {number}", number
        )
        writer.add_text(subject, SCHEMA.text, citation, "de", DOC)
    block("recitals-introduction", GCM.Formula, "introduction to the recitals", proposal.recitals_intro)
    for recital in proposal.recitals:
        subject = writer.part(
            iris.document_iri(DOC, "recital", recital.number),
            GCM.Recital,
            work,
            f"COM(2018) 167, recital ({recital.number})",
            recital.number,
        )
        writer.add_text(subject, SCHEMA.text, recital.passage, "de", DOC)
    block("enacting-formula", GCM.Formula, "enacting formula", proposal.enacting_formula)
    article = writer.part(iris.document_iri(DOC, "article", 1), GCM.Article, work, "COM(2018) 167, sole article", 1)
    writer.add_text(article, DCTERMS.title, proposal.article_heading, "de")
    for number, passage in enumerate(proposal.article_paragraphs, start=1):
        subject = writer.part(
            iris.document_iri(DOC, "article", 1, "paragraph", number),
            GCM.Paragraph,
            article,
            f"COM(2018) 167, sole article, paragraph {number}",
            number,
        )
        writer.add_text(subject, SCHEMA.text, passage, "de", DOC)
    block("place-and-date", GCM.Formula, "place and date of adoption", proposal.done_at)
    block("signature", GCM.SignatureBlock, "signature block", proposal.signature)


def _add_parallel_proposal(writer: GraphWriter, com_167: URIRef) -> None:
    """COM(2018) 168 is known only from the memorandum: model what it says, nothing more."""
    work = documents.add_work(writer, documents.COM_2018_168)
    writer.add(work, ELI.id_local, Literal("COM(2018) 168 final"))
    writer.add(work, DCTERMS.creator, COMMISSION)
    writer.add(
        work,
        RDFS.comment,
        Literal(
            "Proposal for a Council decision approving the Global Compact on behalf of the Union on the basis of "
            "Article 16 TEU and Article 79 TFEU, which the explanatory memorandum of COM(2018) 167 says is needed "
            "alongside it.",
            lang="en",
        ),
    )
    for key in LEGAL_BASES_168:
        writer.add(work, ELI.based_on, iris.instrument_iri(key))
    writer.add(work, GCM.describedIn, iris.document_iri(DOC, "memorandum", "paragraph", LEGAL_BASIS_PARAGRAPH))
    writer.add(work, ELI.related_to, com_167)
    writer.add(com_167, ELI.related_to, work)
