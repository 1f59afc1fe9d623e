"""The GCM Zero Draft Plus (annex to COM(2018) 167) as RDF: sections, paragraphs,
objectives with commitment paragraphs and actions, the guiding principles."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from gcm_graph.extract.records import Passage
from gcm_graph.extract.sources import SourceFile
from gcm_graph.extract.zero_draft import ZeroDraftPlus
from gcm_graph.graph import documents, iris
from gcm_graph.graph.iris import ELI, GCM, SCHEMA
from gcm_graph.graph.writer import GraphWriter

DOC = iris.ZERO_DRAFT_PLUS
NAME = "Zero Draft Plus"
PRINCIPLES_PARAGRAPH = 14


def add_zero_draft(writer: GraphWriter, draft: ZeroDraftPlus, source: SourceFile, title: Passage) -> None:
    """``title`` is the Compact's name where the draft prints it in running text (its opening statement)."""
    work = writer.in_document(documents.add_work(writer, documents.ZERO_DRAFT_PLUS))
    expression = documents.add_expression(writer, documents.ZERO_DRAFT_PLUS, "en")
    documents.add_manifestation(writer, expression, source)
    _add_identity(writer, work, draft, title)
    sections = _add_sections(writer, work, draft.sections)
    commitment_paragraphs = {objective.commitment.number for objective in draft.objectives}
    for paragraph in draft.paragraphs:
        subject = writer.part(
            iris.paragraph_iri(DOC, paragraph.number),
            GCM.Paragraph,
            sections[paragraph.section],
            f"{NAME}, paragraph {paragraph.number}",
            paragraph.number,
        )
        writer.add_text(subject, SCHEMA.text, paragraph.passage, "en", DOC)
        if paragraph.number in commitment_paragraphs:
            continue  # its lettered items are the objective's actions
        for item in paragraph.items:
            item_iri = writer.part(
                iris.paragraph_item_iri(DOC, paragraph.number, item.letter),
                GCM.ListItem,
                subject,
                f"{NAME}, paragraph {paragraph.number}({item.letter})",
                item.letter,
            )
            writer.add_text(item_iri, SCHEMA.text, item.passage, "en", DOC)
    _add_objectives(writer, work, draft, sections)
    _add_principles(writer, draft)


def _add_identity(writer: GraphWriter, work: URIRef, draft: ZeroDraftPlus, title: Passage) -> None:
    by_text = {passage.text: passage for passage in draft.header}
    writer.add_text(work, DCTERMS.title, title, "en")
    writer.add_text(work, ELI.title_short, by_text["ZERO DRAFT PLUS"], "en")
    writer.add(work, ELI.date_document, Literal("2018-03-05", datatype=XSD.date))
    writer.add_provenance(work, ELI.date_document, by_text["5 March 2018"])
    writer.add(work, ELI.is_annex_of, iris.document_iri(iris.COM_2018_167))
    opening = writer.part(iris.document_iri(DOC, "opening"), GCM.Formula, work, f"{NAME}, opening statement")
    writer.add_text(opening, SCHEMA.text, draft.opening, "en", DOC)


def _add_sections(writer: GraphWriter, work: URIRef, headings: list[Passage]) -> dict[tuple[str, ...], URIRef]:
    """Upper-case headings are sections; the three title-case ones are sub-sections of the vision."""
    sections: dict[tuple[str, ...], URIRef] = {}
    current: tuple[str, ...] = ()
    for number, heading in enumerate(headings, start=1):
        is_subsection = not heading.text.isupper()
        path = (current[0], heading.text) if is_subsection else (heading.text,)
        parent = sections[path[:1]] if is_subsection else work
        subject = iris.section_iri(DOC, *(iris.slugify(part) for part in path))
        writer.part(subject, GCM.Section, parent, f"{NAME}, section “{heading.text}”", number)
        writer.add_text(subject, DCTERMS.title, heading, "en")
        sections[path] = subject
        current = path
    return sections


def _add_objectives(writer: GraphWriter, work: URIRef, draft: ZeroDraftPlus, sections) -> None:
    parent = sections[("ACTIONABLE COMMITMENTS",)]
    for objective in draft.objectives:
        subject = writer.part(
            iris.objective_iri(DOC, objective.number),
            GCM.Objective,
            parent,
            f"{NAME}, objective {objective.number}",
            objective.number,
        )
        writer.add_text(subject, DCTERMS.title, objective.title, "en")
        writer.add_provenance(subject, DCTERMS.title, objective.listed_title)
        commitment = iris.paragraph_iri(DOC, objective.commitment.number)
        writer.add(commitment, RDF.type, GCM.Commitment)
        writer.add(subject, GCM.commitment, commitment)
        writer.add(commitment, GCM.commitmentOf, subject)
        if objective.actions_intro is not None:
            writer.add_text(commitment, GCM.actionsIntroduction, objective.actions_intro, "en")
        for action in objective.actions:
            action_iri = writer.part(
                iris.action_iri(DOC, objective.number, action.letter),
                GCM.Action,
                subject,
                f"{NAME}, objective {objective.number}, action ({action.letter})",
                action.letter,
            )
            writer.add(action_iri, GCM.inParagraph, commitment)
            writer.add_text(action_iri, SCHEMA.text, action.passage, "en", DOC)


def _add_principles(writer: GraphWriter, draft: ZeroDraftPlus) -> None:
    paragraph = iris.paragraph_iri(DOC, PRINCIPLES_PARAGRAPH)
    for number, principle in enumerate(draft.principles, start=1):
        concept = iris.principle_iri(principle.name.text)
        writer.add(concept, RDF.type, GCM.GuidingPrinciple)
        writer.add(concept, RDF.type, SKOS.Concept)
        writer.add(concept, SKOS.inScheme, iris.principle_scheme_iri())
        writer.add(concept, SKOS.notation, Literal(str(number)))
        writer.add_text(concept, SKOS.prefLabel, principle.name, "en")
        writer.add_text(concept, SKOS.definition, principle.definition, "en")
        writer.add(concept, GCM.definedIn, paragraph)
        writer.add(paragraph, GCM.setsOutPrinciple, concept)
