"""Everything a resource page or data document says about one IRI, asked of the store with SPARQL.

Queries use ``GRAPH ?g`` patterns rather than the default graph, so pages work the same on a
remote store whatever its default-graph setting. The IRI comes from a URL, so it is checked
against the IRIREF grammar before it is written into a query.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

import pyoxigraph as ox

from gcm_graph.server.endpoint import LABEL_PREDICATES, Endpoint
from gcm_graph.server.service_description import void_triples

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA_TEXT = "https://schema.org/text"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
OA = "http://www.w3.org/ns/oa#"
GCM_FOR_PROPERTY = "https://w3id.org/gcm-graph/ontology/forProperty"
PARENT_PREDICATES = ("http://data.europa.eu/eli/ontology#is_part_of", "http://purl.org/dc/terms/isPartOf")
_LABELS = "|".join(f"<{p}>" for p in LABEL_PREDICATES)
_IRIREF = re.compile(r'^[^<>"{}|^`\\\x00-\x20]+$')
MAX_LINKS = 2000


@dataclass
class Span:
    iri: str
    source: str | None
    source_label: str | None
    start: int | None
    end: int | None
    for_property: str | None


@dataclass
class Description:
    iri: str
    label: str | None = None
    types: list[tuple] = field(default_factory=list)
    texts: list[ox.Literal] = field(default_factory=list)
    properties: OrderedDict = field(default_factory=OrderedDict)  # predicate IRI -> [(term, label)]
    inverse: OrderedDict = field(default_factory=OrderedDict)  # predicate IRI -> [(subject, label)]
    provenance: list[Span] = field(default_factory=list)
    ancestors: list[tuple[str, str | None]] = field(default_factory=list)
    graphs: set[str] = field(default_factory=set)
    truncated: bool = False


def valid_iri(iri: str) -> bool:
    if not _IRIREF.match(iri):
        return False
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def exists(endpoint: Endpoint, iri: str) -> bool:
    if not valid_iri(iri):
        return False
    if iri in endpoint.facts.graphs or any(_mentions(t, iri) for t in _void(endpoint)):
        return True
    query = f"ASK {{ {{ GRAPH ?g {{ <{iri}> ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p <{iri}> }} }} }}"
    return endpoint.store.query(query, _all(), endpoint.settings["query_timeout"], 1).value


def describe(endpoint: Endpoint, iri: str) -> Description:
    found = Description(iri)
    outgoing = endpoint.select(
        f"""SELECT ?p ?o ?g (SAMPLE(?l) AS ?label) WHERE {{
            GRAPH ?g {{ <{iri}> ?p ?o }}
            OPTIONAL {{ GRAPH ?lg {{ ?o {_LABELS} ?l }} }}
        }} GROUP BY ?p ?o ?g ORDER BY ?p ?o""",
        MAX_LINKS,
    )
    incoming = endpoint.select(
        f"""SELECT ?s ?p ?g (SAMPLE(?l) AS ?label) WHERE {{
            GRAPH ?g {{ ?s ?p <{iri}> }}
            OPTIONAL {{ GRAPH ?lg {{ ?s {_LABELS} ?l }} }}
        }} GROUP BY ?s ?p ?g ORDER BY ?p ?s""",
        MAX_LINKS,
    )
    found.truncated = outgoing.truncated or incoming.truncated
    for predicate, value, graph, label in outgoing.rows:
        found.graphs.add(graph.value)
        _add(found.properties, predicate.value, (value, label.value if label else None))
    for subject, predicate, graph, label in incoming.rows:
        found.graphs.add(graph.value)
        _add(found.inverse, predicate.value, (subject, label.value if label else None))
    for triple in _void(endpoint):
        if triple.subject == ox.NamedNode(iri):
            _add(found.properties, triple.predicate.value, (triple.object, None))
    if iri in endpoint.facts.graphs:
        count = ox.Literal(str(endpoint.facts.graphs[iri]), datatype=ox.NamedNode(_XSD_INTEGER))
        _add(found.properties, "http://rdfs.org/ns/void#triples", (count, None))
    labels = [v for p in LABEL_PREDICATES for v, _ in found.properties.get(p, []) if isinstance(v, ox.Literal)]
    found.label = _preferred(labels)
    found.types = found.properties.get(RDF_TYPE, [])
    found.texts = [v for v, _ in found.properties.get(SCHEMA_TEXT, []) if isinstance(v, ox.Literal)]
    found.provenance = _provenance(endpoint, iri) if PROV_DERIVED in found.properties else []
    found.ancestors = _ancestors(endpoint, iri) if any(p in found.properties for p in PARENT_PREDICATES) else []
    return found


def data_triples(endpoint: Endpoint, iri: str) -> list[ox.Triple]:
    """The resource's data document: every triple with the IRI as subject or object."""
    result = endpoint.store.query(
        f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ "
        f"{{ GRAPH ?g {{ <{iri}> ?p ?o }} }} UNION {{ GRAPH ?h {{ ?s ?q <{iri}> }} }} }}",
        _all(),
        endpoint.settings["query_timeout"],
        endpoint.settings["max_rows"],
    )
    return result.triples + [t for t in _void(endpoint) if _mentions(t, iri)]


def nearest_ancestor(endpoint: Endpoint, iri: str) -> str | None:
    """For a 404: the longest existing IRI that is a path prefix of ``iri``."""
    candidate = iri
    for _ in range(8):
        if "/" not in candidate.rstrip("/")[len(endpoint.base) :]:
            return None
        candidate = candidate.rstrip("/").rsplit("/", 1)[0]
        if exists(endpoint, candidate):
            return candidate
    return None


def children(endpoint: Endpoint, iri: str, limit: int = 30) -> list[str]:
    if not valid_iri(iri):
        return []
    rows = endpoint.select(
        f"""SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
            FILTER(STRSTARTS(STR(?s), "{iri}/")) }} ORDER BY STRLEN(STR(?s)) ?s LIMIT {limit}""",
        limit,
    )
    return [row[0].value for row in rows.rows]


_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _all():
    from gcm_graph.store import DatasetSelection

    return DatasetSelection()


def _void(endpoint: Endpoint) -> tuple[ox.Triple, ...]:
    return void_triples(endpoint.data if endpoint.data and endpoint.data.is_dir() else None)


def _mentions(triple: ox.Triple, iri: str) -> bool:
    node = ox.NamedNode(iri)
    return triple.subject == node or triple.object == node


def _add(table: OrderedDict, key: str, value: tuple) -> None:
    if value not in table.setdefault(key, []):
        table[key].append(value)


def _preferred(labels: list[ox.Literal]) -> str | None:
    for literal in labels:
        if literal.language in ("en", None):
            return literal.value
    return labels[0].value if labels else None


def _provenance(endpoint: Endpoint, iri: str) -> list[Span]:
    rows = endpoint.select(
        f"""SELECT ?span ?source ?sourceLabel ?start ?end ?property WHERE {{
            GRAPH ?g {{ <{iri}> <{PROV_DERIVED}> ?span }}
            OPTIONAL {{ GRAPH ?g1 {{ ?span <{OA}hasSource> ?source }}
                        OPTIONAL {{ GRAPH ?g2 {{ ?source <{LABEL_PREDICATES[0]}> ?sourceLabel }} }} }}
            OPTIONAL {{ GRAPH ?g3 {{ ?span <{OA}hasSelector> ?selector }}
                        GRAPH ?g4 {{ ?selector <{OA}start> ?start ; <{OA}end> ?end }} }}
            OPTIONAL {{ GRAPH ?g5 {{ ?span <{GCM_FOR_PROPERTY}> ?property }} }}
        }} ORDER BY ?start""",
        200,
    ).rows
    spans: dict[str, Span] = {}
    for span, source, source_label, start, end, prop in rows:
        spans.setdefault(
            span.value,
            Span(
                span.value,
                source.value if source else None,
                source_label.value if source_label else None,
                int(start.value) if start else None,
                int(end.value) if end else None,
                prop.value if prop else None,
            ),
        )
    return list(spans.values())


def _ancestors(endpoint: Endpoint, iri: str) -> list[tuple[str, str | None]]:
    """The chain of containers (action -> objective -> section -> document), nearest first."""
    path = "|".join(f"<{p}>" for p in PARENT_PREDICATES)
    rows = endpoint.select(
        f"""SELECT ?a ?parent (SAMPLE(?l) AS ?label) WHERE {{
            {{ BIND(<{iri}> AS ?a) }} UNION {{ GRAPH ?g {{ <{iri}> ({path})+ ?a }} }}
            OPTIONAL {{ GRAPH ?pg {{ ?a {path} ?parent }} }}
            OPTIONAL {{ GRAPH ?lg {{ ?a {_LABELS} ?l }} }}
        }} GROUP BY ?a ?parent""",
        200,
    ).rows
    parents = {row[0].value: row[1].value for row in rows if row[1] is not None}
    labels = {row[0].value: row[2].value if row[2] else None for row in rows}
    chain, current = [], parents.get(iri)
    while current and current not in [item for item, _ in chain] and len(chain) < 20:
        chain.append((current, labels.get(current)))
        current = parents.get(current)
    return chain
