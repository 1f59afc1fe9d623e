"""RDF terms between rdflib and pyoxigraph, and short readable renderings of them.

The validator holds the data twice: an rdflib graph for pySHACL (SHACL Core) and a pyoxigraph
store for the SPARQL-based constraints. Both are filled from one source, so terms cross between
the two libraries here and nowhere else.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from gcm_graph.graph.iris import PREFIXES

RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SHAPES_NAMESPACE = "https://w3id.org/gcm-graph/shapes/"
SH_NAMESPACE = "http://www.w3.org/ns/shacl#"


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} in Oxigraph: expected an IRI, a blank node or a literal")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    raise TypeError(f"cannot convert {term!r}: expected an IRI, a blank node or a literal")


_NAMESPACES = sorted(
    [(prefix, str(namespace)) for prefix, namespace in PREFIXES.items()]
    + [("gcmsh", SHAPES_NAMESPACE), ("sh", SH_NAMESPACE), ("voaf", "http://purl.org/vocommons/voaf#")],
    key=lambda item: -len(item[1]),
)


def short_name(iri: str) -> str:
    """``gcm:Objective`` for a term of a known vocabulary, else ``<iri>``."""
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and iri[len(namespace) :].replace("_", "").replace("-", "").isalnum():
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def render(term: Node | None, width: int = 100) -> str:
    """A term as a reader wants it in a report line: IRIs in full or prefixed, literals quoted and cut."""
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        return short_name(str(term))
    if isinstance(term, Literal):
        text = str(term)
        if len(text) > width:
            text = text[: width - 1] + "…"
        quoted = '"' + text.replace('"', '\\"') + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{quoted}^^{short_name(str(term.datatype))}"
        return quoted
    return f"_:{term}"


def plain(term: Node | None) -> str:
    """A term inside a message: the lexical form of a literal, the IRI of a resource."""
    if term is None:
        return ""
    return str(term)
