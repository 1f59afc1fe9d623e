"""The Compact as adopted (A/RES/73/195, annex), through the IOM quick reference that summarises it.

The quick reference gives the adopted objective titles verbatim, and summarises
commitments and actions in its own words: those summaries are
``schema:abstract`` (not ``schema:text``) of the adopted parts, each traced to
both witnesses (markdown and plain-text extracts) of the publication.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from gcm_graph.extract.quick_reference import QuickReference, ReconciledObjective, Witnessed
from gcm_graph.extract.records import Passage
from gcm_graph.extract.zero_draft import ZeroDraftPlus
from gcm_graph.graph import documents, iris
from gcm_graph.graph.iris import ELI, GCM, SCHEMA
from gcm_graph.graph.writer import GraphWriter

DOC = iris.GCM_ADOPTED
NAME = "Global Compact (adopted)"
IMPLEMENTATION = "implementation-and-review"
CHANGE_KINDS = {
    "unchanged": ("unchanged", "The adopted title is the Zero Draft Plus title, word for word."),
    "title-reworded": (
        "title reworded",
        "The adopted objective revises a Zero Draft Plus objective under a reworded title.",
    ),
    "new": ("new", "The adopted objective has no counterpart in the Zero Draft Plus."),
}


def add_compact(
    writer: GraphWriter,
    reference: QuickReference,
    draft: ZeroDraftPlus,
    title: Passage,
    headings: dict[str, Witnessed],
) -> None:
    """``title`` is where a source prints the Compact's name; ``headings`` those of its implementation section."""
    work = writer.in_document(documents.add_work(writer, documents.GCM_ADOPTED))
    documents.add_expression(writer, documents.GCM_ADOPTED, "en")
    writer.add_text(work, DCTERMS.title, title, "en")
    writer.add(work, ELI.id_local, Literal("A/RES/73/195, annex"))
    writer.add(work, PROV.wasRevisionOf, iris.document_iri(iris.ZERO_DRAFT_PLUS))
    writer.add(work, GCM.adoptedAt, iris.event_iri("intergovernmental-conference-2018"))
    writer.add(work, GCM.endorsedBy, iris.instrument_iri("unga-res-73-195"))
    draft_titles = {objective.number: objective.title.text for objective in draft.objectives}
    for objective in reference.objectives:
        _add_objective(writer, work, objective, draft_titles.get(objective.number))
    _add_implementation(writer, work, reference, headings)
    _add_principles(writer, work, reference, draft)


def add_witnessed(writer: GraphWriter, subject: URIRef, predicate: URIRef, text: Witnessed) -> None:
    """One literal, traced to both extracts of the quick reference."""
    writer.add_text(subject, predicate, text.markdown, "en")
    writer.add_provenance(subject, predicate, text.plaintext)


def change_kind(adopted_title: str, draft_title: str | None) -> str:
    if draft_title is None:
        return "new"
    return "unchanged" if adopted_title == draft_title else "title-reworded"


def _add_objective(writer: GraphWriter, work: URIRef, objective: ReconciledObjective, draft_title: str | None) -> None:
    number = objective.number
    subject = writer.part(iris.objective_iri(DOC, number), GCM.Objective, work, f"{NAME}, objective {number}", number)
    add_witnessed(writer, subject, DCTERMS.title, objective.title)
    add_witnessed(writer, subject, ELI.title_short, objective.short_title)
    writer.add(subject, DCTERMS.source, iris.document_iri(iris.QUICK_REFERENCE))
    writer.add(subject, GCM.changeKind, iris.change_kind_iri(change_kind(objective.title.text, draft_title)))
    if draft_title is not None:
        writer.add(subject, PROV.wasRevisionOf, iris.objective_iri(iris.ZERO_DRAFT_PLUS, number))
    for index, commitment in enumerate(objective.commitments, start=1):
        commitment_iri = writer.part(
            iris.commitment_iri(DOC, number, index),
            GCM.Commitment,
            subject,
            f"{NAME}, objective {number}, commitment {index}",
            index,
        )
        writer.add(subject, GCM.commitment, commitment_iri)
        writer.add(commitment_iri, GCM.commitmentOf, subject)
        add_witnessed(writer, commitment_iri, SCHEMA.abstract, commitment)
    for action in objective.actions:
        action_iri = writer.part(
            iris.action_iri(DOC, number, action.letter),
            GCM.Action,
            subject,
            f"{NAME}, objective {number}, action ({action.letter})",
            action.letter,
        )
        writer.add(action_iri, DCTERMS.source, iris.document_iri(iris.QUICK_REFERENCE))
        add_witnessed(writer, action_iri, SCHEMA.abstract, action.text)


def _add_implementation(
    writer: GraphWriter, work: URIRef, reference: QuickReference, headings: dict[str, Witnessed]
) -> None:
    section = writer.part(
        iris.section_iri(DOC, IMPLEMENTATION), GCM.Section, work, f"{NAME}, section “Implementation and review”", 1
    )
    add_witnessed(writer, section, DCTERMS.title, headings["implementation"])
    for index, text in enumerate(reference.implementation, start=1):
        paragraph = writer.part(
            iris.section_iri(DOC, IMPLEMENTATION, "summary", index),
            GCM.Paragraph,
            section,
            f"{NAME}, implementation and review, summary paragraph {index}",
            index,
        )
        add_witnessed(writer, paragraph, SCHEMA.abstract, text)
    for feature in reference.capacity_building:
        item = writer.part(
            iris.section_iri(DOC, IMPLEMENTATION, "capacity-building-mechanism", feature.letter),
            GCM.ListItem,
            section,
            f"{NAME}, capacity-building mechanism, feature ({feature.letter})",
            feature.letter,
        )
        add_witnessed(writer, item, SCHEMA.abstract, feature.text)
    follow_up = writer.part(
        iris.section_iri(DOC, IMPLEMENTATION, "follow-up-and-review"),
        GCM.Section,
        section,
        f"{NAME}, section “Follow-up and review”",
        2,
    )
    add_witnessed(writer, follow_up, DCTERMS.title, headings["follow_up"])
    for index, text in enumerate(reference.follow_up, start=1):
        paragraph = writer.part(
            iris.section_iri(DOC, IMPLEMENTATION, "follow-up-and-review", "summary", index),
            GCM.Paragraph,
            follow_up,
            f"{NAME}, follow-up and review, summary paragraph {index}",
            index,
        )
        add_witnessed(writer, paragraph, SCHEMA.abstract, text)


def _add_principles(writer: GraphWriter, work: URIRef, reference: QuickReference, draft: ZeroDraftPlus) -> None:
    """The quick reference names the ten principles; where it spells one differently, that is an altLabel."""
    draft_names = {iris.principle_iri(p.name.text): p.name.text for p in draft.principles}
    for label in reference.principles:
        concept = iris.principle_iri(label.text)
        if concept not in draft_names:
            raise ValueError(f"quick reference principle {label.text!r} matches no Zero Draft Plus principle")
        writer.add(work, GCM.guidingPrinciple, concept)
        if label.text == draft_names[concept]:
            writer.add_provenance(concept, SKOS.prefLabel, label.markdown)
            writer.add_provenance(concept, SKOS.prefLabel, label.plaintext)
        else:
            add_witnessed(writer, concept, SKOS.altLabel, label)


def add_change_kinds(writer: GraphWriter) -> None:
    scheme = iris.change_kind_scheme_iri()
    writer.add(scheme, RDF.type, SKOS.ConceptScheme)
    writer.add(
        scheme,
        SKOS.prefLabel,
        Literal("Kinds of change between the Zero Draft Plus and the adopted Compact", lang="en"),
    )
    for number, (key, (label, definition)) in enumerate(CHANGE_KINDS.items(), start=1):
        concept = iris.change_kind_iri(key)
        writer.add(concept, RDF.type, GCM.ChangeKind)
        writer.add(concept, RDF.type, SKOS.Concept)
        writer.add(concept, SKOS.inScheme, scheme)
        writer.add(concept, SKOS.prefLabel, Literal(label, lang="en"))
        writer.add(concept, SKOS.definition, Literal(definition, lang="en"))
        writer.add(concept, SKOS.notation, Literal(key))
        writer.add(concept, RDFS.label, Literal(label, lang="en"))
        writer.add(concept, GCM.ordinal, Literal(number, datatype=XSD.integer))
