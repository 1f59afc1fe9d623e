"""What every view shares: the settings, the store, the query guard policy and facts about the dataset.

The dataset never changes while the server runs, so its named graphs, counts and top-level
documents are asked of the store once, on first use, and kept.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from flask import current_app

from gcm_graph.config import base_iri
from gcm_graph.store import DatasetSelection, Store
from gcm_graph.store.guard import GuardPolicy
from gcm_graph.store.results import SelectResult

LABEL_PREDICATES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "https://schema.org/name",
)


@dataclass
class DatasetFacts:
    graphs: dict[str, int]  # named graph IRI -> triples
    classes: list[tuple[str, int]]  # class IRI -> instances, most first
    documents: list[tuple[str, str]]  # top-level document IRI, label

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


@dataclass
class Endpoint:
    settings: dict[str, Any]
    store: Store
    data: Path | None
    base: str = field(default_factory=base_iri)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _facts: DatasetFacts | None = None

    @cached_property
    def policy(self) -> GuardPolicy:
        return GuardPolicy(
            max_length=self.settings["max_query_length"],
            max_nesting=self.settings["max_nesting"],
            max_operators=self.settings["max_operators"],
            service_allowlist=frozenset(self.settings["service_allowlist"].split()),
        )

    def select(self, query: str, max_rows: int | None = None) -> SelectResult:
        """Run one of the server's own (trusted) queries against the whole dataset."""
        return self.store.query(
            query, DatasetSelection(), self.settings["query_timeout"], max_rows or self.settings["max_rows"]
        )

    @property
    def facts(self) -> DatasetFacts:
        with self._lock:
            if self._facts is None:
                self._facts = self._ask_facts()
            return self._facts

    def _ask_facts(self) -> DatasetFacts:
        graphs = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        classes = self.select(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } } "
            "GROUP BY ?class ORDER BY DESC(?n) ?class"
        )
        documents = self.select(
            f"""SELECT ?doc (SAMPLE(?l) AS ?label) WHERE {{
                GRAPH ?g {{ ?doc a ?type }}
                FILTER(STRSTARTS(STR(?doc), "{self.base}id/document/"))
                FILTER(!CONTAINS(STRAFTER(STR(?doc), "{self.base}id/document/"), "/"))
                OPTIONAL {{ GRAPH ?g2 {{ ?doc <{LABEL_PREDICATES[0]}>|<{LABEL_PREDICATES[2]}> ?l }} }}
            }} GROUP BY ?doc ORDER BY ?doc"""
        )
        return DatasetFacts(
            graphs={row[0].value: int(row[1].value) for row in graphs.rows},
            classes=[(row[0].value, int(row[1].value)) for row in classes.rows if hasattr(row[0], "value")],
            documents=[(row[0].value, row[1].value if row[1] is not None else row[0].value) for row in documents.rows],
        )


def current_endpoint() -> Endpoint:
    return current_app.extensions["gcm_graph"]
