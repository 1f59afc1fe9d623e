"""Fixtures for validation tests: the built graph as the validator sees it, its full report, and a
way to validate a mutated copy against one constraint only (so that the table of mutations runs in
seconds, not minutes)."""

from __future__ import annotations

from contextlib import contextmanager

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph
from rdflib.namespace import SH

from gcm_graph.validate import ValidationData, load_shapes, validate_data
from gcm_graph.validate.core import validate_core
from gcm_graph.validate.shapes import Constraint, list_constraints
from gcm_graph.validate.sparql import validate_sparql
from gcm_graph.validate.terms import SHAPES_NAMESPACE, to_rdflib
from tests.validate.mutations import PREFIXES


@pytest.fixture(scope="session")
def shapes():
    return load_shapes()


@pytest.fixture(scope="session")
def constraints(shapes) -> dict[str, Constraint]:
    """Every constraint of shapes/ by its name in the mutation table."""
    return {constraint_name(c): c for c in list_constraints(shapes.graph)}


@pytest.fixture(scope="session")
def built_quads(built_dist) -> list[ox.Quad]:
    """The built graph, every triple in the default graph (dist/gcm.nt is the union)."""
    store = ox.Store()
    store.load(path=str(built_dist / "gcm.nt"), format=ox.RdfFormat.N_TRIPLES)
    return list(store)


@pytest.fixture(scope="session")
def built_data(built_quads) -> ValidationData:
    store = ox.Store()
    store.extend(built_quads)
    return ValidationData.from_store(store, "the built graph")


@pytest.fixture(scope="session")
def built_report(built_data, shapes):
    return validate_data(built_data, shapes)


@pytest.fixture
def mutated_store(built_quads):
    """A copy of the built graph with a SPARQL UPDATE applied."""

    def mutate(update: str) -> ox.Store:
        store = ox.Store()
        store.extend(built_quads)
        store.update(PREFIXES + update)
        return store

    return mutate


@pytest.fixture
def validate_constraint(built_data, built_quads, shapes):
    """The results of one constraint on a mutated store."""
    baseline = set(built_quads)

    def run(store: ox.Store, constraint: Constraint):
        if constraint.sparql is not None:
            chosen = [c for c in shapes.sparql if c.node == constraint.sparql]
            return validate_sparql(store, chosen)
        after = set(store)
        with _patched(built_data.graph, removed=baseline - after, added=after - baseline):
            results = validate_core(built_data.graph, shape_graph(shapes.core, constraint.shape), shapes.graph)
        return [r for r in results if r.source_shape == constraint.shape]

    return run


def constraint_name(constraint: Constraint) -> str:
    if constraint.sparql is not None:
        return str(constraint.sparql).removeprefix(SHAPES_NAMESPACE)
    shape = str(constraint.shape).removeprefix(SHAPES_NAMESPACE)
    return f"{shape} {str(constraint.component).removeprefix(str(SH)).removesuffix('ConstraintComponent')}"


def shape_graph(core: Graph, shape) -> Graph:
    """One shape of the (lifted) core shapes graph: its own triples, blank-node objects included,
    without the sh:property links to other shapes."""
    graph = Graph()
    todo, seen = [shape], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in core.triples((node, None, None)):
            if triple[1] == SH.property:
                continue
            graph.add(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])
    return graph


@contextmanager
def _patched(graph: Graph, removed: set, added: set):
    """Apply a difference of quads to the shared rdflib graph, and undo it afterwards."""
    removed_triples = [_triple(quad) for quad in removed]
    added_triples = [_triple(quad) for quad in added]
    for triple in removed_triples:
        graph.remove(triple)
    for triple in added_triples:
        graph.add(triple)
    try:
        yield
    finally:
        for triple in added_triples:
            graph.remove(triple)
        for triple in removed_triples:
            graph.add(triple)


def _triple(quad: ox.Quad):
    return to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)
