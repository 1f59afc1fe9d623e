"""Assemble the extracted records into one RDF dataset of named graphs.

One named graph per source document, one for the ontology, one for curated
reference data (instruments, principles scheme, alignment between versions).
The default graph stays empty: the endpoint serves the union.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from gcm_graph.config import ONTOLOGY_DIR
from gcm_graph.graph.iris import PREFIXES, named_graph_iri
from gcm_graph.graph.writer import GraphWriter

ONTOLOGY_GRAPH = "ontology"
CURATED_GRAPH = "curated"


@dataclass
class GraphPart:
    """One named graph and the function that fills it."""

    name: str
    fill: Callable[[GraphWriter], None]


def new_dataset() -> Dataset:
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


def add_part(dataset: Dataset, part: GraphPart) -> Graph:
    graph = dataset.graph(named_graph_iri(part.name))
    part.fill(GraphWriter(graph))
    return graph


def add_ontology(dataset: Dataset, directory: Path = ONTOLOGY_DIR) -> Graph:
    graph = dataset.graph(named_graph_iri(ONTOLOGY_GRAPH))
    for path in sorted(directory.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph
