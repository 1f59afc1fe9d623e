"""The curated link records (``gcm_graph.links.records``) as triples of the curated graph.

The records are plain data with node kinds and CURIEs; this module is the one
place that turns them into IRIs, so link tables never mint IRIs themselves.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from gcm_graph.graph import iris
from gcm_graph.graph.writer import GraphWriter
from gcm_graph.links import records

NODE_IRIS = {
    "instrument": iris.instrument_iri,
    "organisation": iris.organization_iri,
    "event": iris.event_iri,
    "objective": lambda key: iris.objective_iri(iris.GCM_ADOPTED, int(key)),
    "document": iris.document_iri,
    "sdg": iris.sdg_iri,
}


def node_iri(node: records.Node) -> URIRef:
    return NODE_IRIS[node.kind](node.key)


def term(value: records.Term):
    if isinstance(value, records.Node):
        return node_iri(value)
    if isinstance(value, records.IRI):
        return URIRef(value.value)
    datatype = URIRef(records.expand(value.datatype)) if value.datatype else None
    return Literal(value.value, lang=value.language, datatype=datatype)


def add_links(writer: GraphWriter, links: list[records.Link]) -> None:
    for link in links:
        writer.add(node_iri(link.subject), URIRef(records.expand(link.predicate)), term(link.object))
