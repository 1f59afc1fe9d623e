"""From IRIs to links: what a page shows for an IRI and where a click on it goes.

IRIs minted under the base map to paths of this server (``{base}id/X`` -> ``/id/X``), ontology
terms to anchors of the ontology page, so a deployment on any host is browsable. Other IRIs
link to themselves, but only http(s) ones: a ``javascript:`` IRI in the data is shown as text.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import request

from gcm_graph.config import ONTOLOGY_NAMESPACE
from gcm_graph.graph.iris import PREFIXES

_PREFIXES = sorted(
    [(prefix, str(ns)) for prefix, ns in PREFIXES.items()] + [("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")],
    key=lambda item: -len(item[1]),
)


def local_path(iri: str, base: str) -> str | None:
    root = request.script_root if request else ""
    if iri.startswith(ONTOLOGY_NAMESPACE) and iri != ONTOLOGY_NAMESPACE:
        return f"{root}/ontology#{iri[len(ONTOLOGY_NAMESPACE) :]}"
    if iri.startswith(base):
        return f"{root}/{iri[len(base) :]}"
    return None


def href(iri: str, base: str) -> str | None:
    local = local_path(iri, base)
    if local is not None:
        return local
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def compact(iri: str) -> str:
    """``schema:text`` for ``https://schema.org/text``; the IRI itself when no prefix fits."""
    for prefix, namespace in _PREFIXES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            if "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
    return iri


def kind(term) -> str:
    if isinstance(term, ox.NamedNode):
        return "iri"
    if isinstance(term, ox.BlankNode):
        return "bnode"
    if isinstance(term, ox.Literal):
        return "literal"
    return "other"
