"""The ontology page's content: every class and property declared in ``ontology/*.ttl``, with its description.

Read from the ontology files (not the store) so the page documents the vocabulary as
written, including terms no data uses yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from gcm_graph.config import ONTOLOGY_NAMESPACE

CLASS_TYPES = (OWL.Class, RDFS.Class)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@dataclass
class Term:
    iri: str
    name: str  # the anchor: local name after the ontology namespace
    kind: str  # "class" or "property"
    label: str | None
    description: str | None
    details: list[tuple[str, list[str]]] = field(default_factory=list)  # (relation, [IRIs])


@dataclass
class Ontology:
    title: str | None
    description: str | None
    classes: list[Term]
    properties: list[Term]
    turtle: str


@lru_cache(maxsize=4)
def load_ontology(directory: Path) -> Ontology:
    graph = Graph()
    for path in sorted(directory.glob("*.ttl")):
        graph.parse(path, format="turtle")
    namespace = URIRef(ONTOLOGY_NAMESPACE)
    terms: dict[str, Term] = {}
    for types, kind in ((CLASS_TYPES, "class"), (PROPERTY_TYPES, "property")):
        for rdf_type in types:
            for subject in graph.subjects(RDF.type, rdf_type):
                iri = str(subject)
                if iri.startswith(ONTOLOGY_NAMESPACE) and iri != ONTOLOGY_NAMESPACE and iri not in terms:
                    terms[iri] = _term(graph, subject, kind)
    title = graph.value(namespace, DCTERMS.title) or graph.value(namespace, RDFS.label)
    description = graph.value(namespace, DCTERMS.description) or graph.value(namespace, RDFS.comment)
    ordered = sorted(terms.values(), key=lambda term: term.name.lower())
    return Ontology(
        str(title) if title else None,
        str(description) if description else None,
        [term for term in ordered if term.kind == "class"],
        [term for term in ordered if term.kind == "property"],
        graph.serialize(format="turtle"),
    )


def _term(graph: Graph, subject: URIRef, kind: str) -> Term:
    label = graph.value(subject, RDFS.label) or graph.value(subject, SKOS.prefLabel)
    description = (
        graph.value(subject, SKOS.definition)
        or graph.value(subject, RDFS.comment)
        or graph.value(subject, DCTERMS.description)
    )
    details = []
    for relation, predicate in (
        ("subclass of", RDFS.subClassOf),
        ("subproperty of", RDFS.subPropertyOf),
        ("domain", RDFS.domain),
        ("range", RDFS.range),
        ("equivalent to", OWL.equivalentClass),
        ("inverse of", OWL.inverseOf),
    ):
        values = sorted(str(value) for value in graph.objects(subject, predicate) if isinstance(value, URIRef))
        if values:
            details.append((relation, values))
    return Term(
        str(subject),
        str(subject)[len(ONTOLOGY_NAMESPACE) :],
        kind,
        str(label) if label else None,
        str(description) if description else None,
        details,
    )
