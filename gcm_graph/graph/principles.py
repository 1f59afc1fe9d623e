"""The concept scheme of the ten guiding principles (concepts are filled by the Zero Draft Plus graph)."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from gcm_graph.graph import iris
from gcm_graph.graph.writer import GraphWriter


def add_principle_scheme(writer: GraphWriter) -> None:
    scheme = iris.principle_scheme_iri()
    writer.add(scheme, RDF.type, SKOS.ConceptScheme)
    writer.add(scheme, SKOS.prefLabel, Literal("Guiding principles of the Global Compact for Migration", lang="en"))
    writer.add(scheme, RDFS.label, Literal("Guiding principles of the Global Compact for Migration", lang="en"))
    writer.add(
        scheme,
        SKOS.definition,
        Literal(
            "The ten cross-cutting and interdependent guiding principles the Global Compact rests on, as set out in "
            "paragraph 14 of the Zero Draft Plus and paragraph 15 of the adopted text.",
            lang="en",
        ),
    )
