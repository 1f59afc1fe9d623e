"""The data to validate, from the build, an RDF file or a SPARQL endpoint, held twice: as an
rdflib graph (SHACL Core, pySHACL) and as a pyoxigraph store (SPARQL-based constraints).

Validation looks at the union of all named graphs, as the endpoint serves it: cross-document
constraints need every document at once. Everything passes through Oxigraph, which stores
integer subtypes (xsd:positiveInteger ...) as xsd:integer, so that a file, the build and the
endpoint look the same to the shapes. Files are parsed by Oxigraph (fast, and its syntax errors
carry a line number), endpoints are read with SPARQL CONSTRUCT queries through SPARQLWrapper.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError

import pyoxigraph as ox
from rdflib import Dataset, Graph

from gcm_graph.validate.terms import to_oxigraph, to_rdflib

FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
# Both forms, so that an endpoint whose default graph is the union and one whose default graph is
# empty (Oxigraph's default) give the same data.
CONSTRUCT_QUERIES = (
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
)


class InputError(Exception):
    """Data that cannot be read: a missing or unparsable file, an unreachable endpoint."""


@dataclass
class ValidationData:
    graph: Graph
    store: ox.Store
    source: str

    @property
    def triples(self) -> int:
        return len(self.graph)

    @classmethod
    def from_store(cls, store: ox.Store, source: str = "the graph") -> ValidationData:
        """Every quad of ``store``, whatever its graph, as one graph."""
        union = ox.Store()
        union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
        return cls(_rdflib_graph(union), union, source)

    @classmethod
    def from_dataset(cls, dataset: Dataset | Graph, source: str = "the built graph") -> ValidationData:
        """Every triple of an rdflib dataset or graph, read through Oxigraph like the endpoint serves it."""
        triples = dataset.quads((None, None, None, None)) if isinstance(dataset, Dataset) else dataset
        store = ox.Store()
        store.extend(
            ox.Quad(to_oxigraph(t[0]), to_oxigraph(t[1]), to_oxigraph(t[2]), ox.DefaultGraph()) for t in triples
        )
        return cls(_rdflib_graph(store), store, source)


def _rdflib_graph(store: ox.Store) -> Graph:
    """The store's triples as an rdflib graph (pySHACL needs a context-aware store)."""
    graph = Graph()
    for quad in store:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def load_file(path: Path) -> ValidationData:
    """An RDF file, its format known by its extension (.trig, .nq, .nt, .ttl, .jsonld, .rdf)."""
    path = Path(path)
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise InputError(f"{path}: unknown RDF format; expected one of {', '.join(sorted(FORMATS))}")
    if not path.is_file():
        raise InputError(f"{path}: no such file; expected an RDF file to validate (or build dist/ first)")
    store = ox.Store()
    try:
        store.load(path=str(path), format=rdf_format)
    except SyntaxError as error:
        raise InputError(f"{path}:{error.lineno or '?'}: not valid {rdf_format.name}: {error.msg}") from error
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from error
    return ValidationData.from_store(store, str(path))


def load_endpoint(url: str, timeout: float = 60) -> ValidationData:
    """The data behind a SPARQL endpoint: every triple of its default graph and of its named graphs."""
    from SPARQLWrapper import SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    graph = Graph()
    for query in CONSTRUCT_QUERIES:
        client = SPARQLWrapper(url)
        client.setTimeout(int(timeout))
        client.setMethod("POST")
        client.setQuery(query)
        try:
            result = client.queryAndConvert()
        except (URLError, OSError, SPARQLWrapperException) as error:
            raise InputError(f"{url}: SPARQL endpoint unreachable or refused the query ({query}): {error}") from error
        except Exception as error:  # a response that is not RDF: SPARQLWrapper's parsers raise anything
            raise InputError(f"{url}: the answer to {query} is not RDF: {error}") from error
        if not isinstance(result, Graph):
            raise InputError(f"{url}: the answer to {query} is not an RDF graph; is this a SPARQL endpoint?")
        graph += result
    if not len(graph):
        raise InputError(f"{url}: the endpoint holds no triples; expected the gcm-graph dataset")
    return ValidationData.from_dataset(graph, url)
