"""Shared fixtures: the dataset built once per session from the committed sources."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset

from gcm_graph.build import build, load_dataset


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory):
    """A fresh ``dist/`` built by the real pipeline into a temporary directory."""
    return build(tmp_path_factory.mktemp("build") / "dist")


@pytest.fixture(scope="session")
def dataset(built_dist) -> Dataset:
    return load_dataset(built_dist)


@pytest.fixture(scope="session")
def store(built_dist) -> pyoxigraph.Store:
    """The built graph in Oxigraph, for SPARQL assertions (default graph = union of named graphs)."""
    store = pyoxigraph.Store()
    store.load(path=str(built_dist / "gcm.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="session")
def select(store):
    """Run a SELECT over the union graph; rows as dicts of plain Python values."""

    def run(query: str) -> list[dict]:
        prefixes = PREFIXES_SPARQL
        results = store.query(prefixes + query, use_default_graph_as_union=True)
        names = [variable.value for variable in results.variables]
        return [{name: _value(solution[name]) for name in names if solution[name] is not None} for solution in results]

    return run


def _value(term):
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#positiveInteger", "#nonNegativeInteger")):
            return int(term.value)
        return term.value
    return term.value


PREFIXES_SPARQL = """
PREFIX gcm: <https://w3id.org/gcm-graph/ontology/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
