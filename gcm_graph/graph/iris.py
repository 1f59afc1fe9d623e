"""All namespaces and all IRI minting, in one place.

Pattern (documented in README "URIs"): slash IRIs under one base,
``{base}id/{kind}/{key}[/{part}/{key}...]``, e.g.
``{base}id/document/gcm-zero-draft-plus/objective/7/action/c``.
Keys are the numbers and letters the documents themselves use, so IRIs are
readable and stay stable across builds.
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace  # noqa: F401

from gcm_graph.config import ONTOLOGY_NAMESPACE, base_iri

GCM = Namespace(ONTOLOGY_NAMESPACE)
ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VANN = Namespace("http://purl.org/vocab/vann/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SH = Namespace("http://www.w3.org/ns/shacl#")

ORG = Namespace("http://www.w3.org/ns/org#")

PREFIXES: dict[str, Namespace] = {
    "org": ORG,
    "gcm": GCM,
    "eli": ELI,
    "oa": OA,
    "schema": SCHEMA,
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcat": Namespace(str(DCAT)),
    "void": VOID,
    "owl": Namespace(str(OWL)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "vann": VANN,
    "spdx": SPDX,
}

# Document keys: the first path segment after id/document/.
COM_2018_167 = "com-2018-167"
COM_2018_168 = "com-2018-168"
ZERO_DRAFT_PLUS = "gcm-zero-draft-plus"
GCM_ADOPTED = "gcm"
QUICK_REFERENCE = "iom-gcm-quick-reference-2021"
IMRF_DECLARATION = "imrf-progress-declaration-2022"

_SLUG_INVALID = re.compile(r"[^a-z0-9]+")


def slugify(label: str) -> str:
    """Readable IRI key from a label: 'Rule of law and due process' -> 'rule-of-law-and-due-process'."""
    return _SLUG_INVALID.sub("-", label.lower().replace("&", "and")).strip("-")


def id_iri(*segments: object) -> URIRef:
    return URIRef(base_iri() + "id/" + "/".join(str(segment) for segment in segments))


def document_iri(document: str, *parts: object) -> URIRef:
    return id_iri("document", document, *parts)


def expression_iri(document: str, language: str) -> URIRef:
    return document_iri(document, language)


def manifestation_iri(document: str, language: str, form: str) -> URIRef:
    return document_iri(document, language, form)


def paragraph_iri(document: str, number: int) -> URIRef:
    return document_iri(document, "paragraph", number)


def paragraph_item_iri(document: str, paragraph: int, letter: str) -> URIRef:
    return document_iri(document, "paragraph", paragraph, "item", letter)


def objective_iri(document: str, number: int) -> URIRef:
    return document_iri(document, "objective", number)


def action_iri(document: str, objective: int, letter: str) -> URIRef:
    return document_iri(document, "objective", objective, "action", letter)


def commitment_iri(document: str, objective: int, number: int) -> URIRef:
    return document_iri(document, "objective", objective, "commitment", number)


def footnote_iri(document: str, number: int) -> URIRef:
    return document_iri(document, "footnote", number)


def section_iri(document: str, *path: str) -> URIRef:
    return document_iri(document, "section", *path)


def principle_iri(label: str) -> URIRef:
    return id_iri("guiding-principle", slugify(label))


def principle_scheme_iri() -> URIRef:
    return id_iri("guiding-principle")


def instrument_iri(key: str) -> URIRef:
    return id_iri("instrument", key)


def change_kind_iri(key: str) -> URIRef:
    return id_iri("change-kind", key)


def change_kind_scheme_iri() -> URIRef:
    return id_iri("change-kind")


def source_file_iri(file_name: str) -> URIRef:
    return id_iri("source", file_name)


def span_iri(file_name: str, start: int, end: int) -> URIRef:
    """The Web Annotation SpecificResource for one span of a source file."""
    return id_iri("source", file_name, f"{start}-{end}")


def selector_iri(file_name: str, start: int, end: int) -> URIRef:
    return id_iri("source", file_name, f"{start}-{end}", "position")


def named_graph_iri(name: str) -> URIRef:
    """Named graphs of ``dist/gcm.trig``: one per source document, plus ontology and curated data."""
    return URIRef(base_iri() + "graph/" + name)


def dataset_iri() -> URIRef:
    return URIRef(base_iri() + "dataset")


def organization_iri(key: str) -> URIRef:
    return id_iri("organization", key)


def event_iri(key: str) -> URIRef:
    return id_iri("event", key)


def sdg_iri(code: str) -> URIRef:
    """Local SKOS concept of an SDG goal or target, ``skos:exactMatch`` the UN SDG KOS IRI."""
    return id_iri("sdg", code)


def figure_iri(document: str, key: str) -> URIRef:
    return document_iri(document, "figure", key)


def round_table_iri(document: str, number: int) -> URIRef:
    return document_iri(document, "round-table", number)
