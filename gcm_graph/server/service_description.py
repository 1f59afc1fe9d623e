"""SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) for ``GET /sparql``.

Says what a client can rely on: the endpoint IRI, SPARQL 1.1 Query only, every result format,
the union default graph, and the default dataset: ``{base}dataset`` with its named graphs,
triple counts as the store reports them, and the build's VoID description (``void.ttl``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from flask import Response, request

from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.formats import GRAPH_FORMATS, negotiate, serialize_graph

_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_ENTAILMENT_SIMPLE = "http://www.w3.org/ns/entailment/Simple"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORMAT_IRIS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "TriG",
    "N-Quads",
)


@lru_cache(maxsize=4)
def void_triples(data: Path | None) -> tuple[ox.Triple, ...]:
    """The build's VoID/DCAT description (``dist/void.ttl``), when serving a dist directory."""
    if data is None or not (data / "void.ttl").is_file():
        return ()
    return tuple(quad.triple for quad in ox.parse(path=str(data / "void.ttl"), format=ox.RdfFormat.TURTLE))


def description(endpoint_url: str) -> list[ox.Triple]:
    endpoint = current_endpoint()
    facts = endpoint.facts
    service = ox.NamedNode(endpoint_url)
    dataset = ox.NamedNode(endpoint.base + "dataset")
    default_graph = ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, RDF_TYPE, ox.NamedNode(SD + "Service")),
        ox.Triple(service, ox.NamedNode(SD + "endpoint"), service),
        ox.Triple(service, ox.NamedNode(SD + "supportedLanguage"), ox.NamedNode(SD + "SPARQL11Query")),
        ox.Triple(service, ox.NamedNode(SD + "feature"), ox.NamedNode(SD + "UnionDefaultGraph")),
        ox.Triple(service, ox.NamedNode(SD + "defaultEntailmentRegime"), ox.NamedNode(_ENTAILMENT_SIMPLE)),
        ox.Triple(service, ox.NamedNode(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, ox.NamedNode(SD + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, ox.NamedNode(SD + "Graph")),
        ox.Triple(default_graph, ox.NamedNode(VOID + "triples"), ox.Literal(str(facts.triples), datatype=_INTEGER)),
        ox.Triple(
            default_graph,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
            ox.Literal("The union of all named graphs.", language="en"),
        ),
    ]
    triples += [ox.Triple(service, ox.NamedNode(SD + "resultFormat"), ox.NamedNode(FORMATS + f)) for f in FORMAT_IRIS]
    for index, (name, count) in enumerate(facts.graphs.items()):
        named, graph = ox.BlankNode(f"namedGraph{index}"), ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(dataset, ox.NamedNode(SD + "namedGraph"), named),
            ox.Triple(named, RDF_TYPE, ox.NamedNode(SD + "NamedGraph")),
            ox.Triple(named, ox.NamedNode(SD + "name"), ox.NamedNode(name)),
            ox.Triple(named, ox.NamedNode(SD + "graph"), graph),
            ox.Triple(graph, RDF_TYPE, ox.NamedNode(SD + "Graph")),
            ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(str(count), datatype=_INTEGER)),
        ]
    triples += void_triples(endpoint.data if endpoint.data and endpoint.data.is_dir() else None)
    return triples


def service_description_response() -> Response:
    chosen = negotiate(
        GRAPH_FORMATS,
        request.accept_mimetypes,
        request.args.get("format"),
        "Accept" in request.headers,
    )
    if chosen is None:
        chosen = (GRAPH_FORMATS[0], GRAPH_FORMATS[0].media_type)
    fmt, media_type = chosen
    body = serialize_graph(description(request.base_url), fmt)
    response = Response(body, mimetype=media_type)
    response.headers["Vary"] = "Accept"
    return response
