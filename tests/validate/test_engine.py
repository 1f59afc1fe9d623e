"""The validator against pySHACL: the same results for the SPARQL-based constraints (run by our
engine over Oxigraph, and by pySHACL), and for SHACL Core with lifted and with nested property
shapes; and the SHACL rules the engine enforces on the shapes themselves."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from gcm_graph.validate import Shapes, ShapesError, ValidationData, ValidationFailure
from gcm_graph.validate.core import read_results, validate_core
from gcm_graph.validate.shapes import core_shapes_graph, list_constraints, load_shapes_graph, messages
from gcm_graph.validate.sparql import focus_nodes, sparql_constraints, validate_sparql
from tests.validate.mutations import MUTATIONS, PREFIXES

KEEP = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.sparql, SH.severity, SH.message}


def broken_graph(built_quads, mutations) -> ValidationData:
    """The built graph with the mutations applied one after the other: results of every kind."""
    store = ox.Store()
    store.extend(built_quads)
    for mutation in mutations:
        store.update(PREFIXES + mutation.update)
    return ValidationData.from_store(store, "a broken graph")


@pytest.fixture(scope="module")
def broken(built_quads, constraints) -> ValidationData:
    """Broken by the mutations of the SPARQL-based constraints."""
    return broken_graph(built_quads, [m for m in MUTATIONS if constraints[m.constraint].sparql is not None])


@pytest.fixture(scope="module")
def broken_core(built_quads, constraints) -> ValidationData:
    """Broken by the mutations of the SHACL Core constraints."""
    return broken_graph(built_quads, [m for m in MUTATIONS if constraints[m.constraint].sparql is None])


def sparql_only(shapes: Graph) -> Graph:
    """The shapes that have SPARQL-based constraints, with their targets and nothing else of theirs."""
    graph = Graph()
    for shape in set(shapes.subjects(SH.sparql, None)):
        graph.add((shape, RDF.type, SH.NodeShape))
        for triple in shapes.triples((shape, None, None)):
            if triple[1] in KEEP:
                graph.add(triple)
    todo = list(set(shapes.objects(None, SH.sparql)))
    while todo:
        node = todo.pop()
        for triple in shapes.triples((node, None, None)):
            if triple not in graph:
                graph.add(triple)
                if isinstance(triple[2], BNode) or triple[1] == SH.prefixes:
                    todo.append(triple[2])
    return graph


def keys(results) -> list[tuple]:
    return sorted(
        (str(r.source_shape), str(r.source_constraint), str(r.focus_node), str(r.value), r.message) for r in results
    )


def test_pyshacl_gives_the_same_sparql_results(broken, shapes):
    """pySHACL (its Oxigraph store) on the same shapes graph: the same focus nodes, values and messages."""
    ours = validate_sparql(broken.store, shapes.sparql)
    _conforms, report, _text = pyshacl_validate(
        broken.store,
        shacl_graph=sparql_only(shapes.graph),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    theirs = list(read_results(report, shapes.graph))
    assert len({r.source_constraint for r in ours}) > 15
    assert keys(ours) == keys(theirs)


def test_pyshacl_over_rdflib_agrees_on_constraints_with_few_focus_nodes(broken, shapes):
    """An independent SPARQL engine (rdflib's), where it is fast enough: up to 25 focus nodes."""
    few = [c for c in shapes.sparql if len(focus_nodes(broken.store, c.targets)) <= 25]
    graph = sparql_only(shapes.graph)
    for constraint in {c.node for c in shapes.sparql} - {c.node for c in few}:
        graph.remove((None, SH.sparql, constraint))
    ours = validate_sparql(broken.store, few)
    _conforms, report, _text = pyshacl_validate(
        broken.graph, shacl_graph=graph, inference="none", allow_warnings=True, allow_infos=True
    )
    assert len(few) > 12
    assert keys(ours) == keys(read_results(report, shapes.graph))


def test_lifted_property_shapes_give_the_same_results_as_nested_ones(broken_core, shapes):
    nested = core_shapes_graph(shapes.graph)
    ours = validate_core(broken_core.graph, shapes.core, shapes.graph)
    theirs = validate_core(broken_core.graph, nested, shapes.graph)
    assert len(ours) > 200
    assert keys(ours) == keys(theirs)


def test_every_constraint_has_a_message_in_plain_words(shapes):
    for constraint in list_constraints(shapes.graph):
        node = constraint.sparql or constraint.shape
        found = messages(shapes.graph, node) or messages(shapes.graph, constraint.shape)
        assert found, f"{node}: no sh:message"
        assert all(len(message.split()) >= 5 for message in found), found


def test_severities_are_the_three_of_shacl(shapes):
    assert set(shapes.graph.objects(None, SH.severity)) <= {SH.Violation, SH.Warning, SH.Info}
    assert {SH.Warning, SH.Info} <= set(shapes.graph.objects(None, SH.severity))


def test_sparql_constraints_are_named(shapes):
    assert all(isinstance(node, URIRef) for node in shapes.graph.objects(None, SH.sparql))


@pytest.mark.parametrize(
    "query, problem",
    [
        ("SELECT $this WHERE { VALUES ?x { 1 } }", "MINUS, VALUES, SERVICE"),
        ("SELECT $this WHERE { $this ?p ?o MINUS { $this a ?c } }", "MINUS, VALUES, SERVICE"),
        ("SELECT $this WHERE { { SELECT ?o WHERE { ?s ?p ?o } } }", "does not project $this"),
    ],
)
def test_queries_that_shacl_forbids_are_refused(shapes, query, problem):
    graph = Graph()
    shape, constraint = URIRef("urn:test:shape"), URIRef("urn:test:constraint")
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.sparql, constraint))
    graph.add((constraint, SH.select, Literal(query)))
    with pytest.raises(ShapesError, match=problem.replace("$", r"\$")):
        sparql_constraints(graph)


def test_property_shapes_get_their_path_as_dollar_path(built_data):
    """SHACL 5.3.1: $PATH is the path of a property shape; the results carry it as sh:resultPath."""
    graph = Graph()
    shape, constraint = URIRef("urn:test:shape"), URIRef("urn:test:constraint")
    title = URIRef("http://purl.org/dc/terms/title")
    graph.add((shape, RDF.type, SH.PropertyShape))
    graph.add((shape, SH.targetNode, URIRef("https://w3id.org/gcm-graph/id/document/gcm")))
    graph.add((shape, SH.path, title))
    graph.add((shape, SH.sparql, constraint))
    graph.add((constraint, SH.message, Literal("{$this} is titled {?value} ({$currentShape})")))
    graph.add((constraint, SH.select, Literal("SELECT $this ?value $currentShape WHERE { $this $PATH ?value }")))
    [result] = validate_sparql(built_data.store, sparql_constraints(graph))
    assert result.path == "dcterms:title" and result.path_node == title
    assert str(result.value).startswith("Global Compact")
    assert result.message.endswith("(urn:test:shape)")


def test_a_query_that_reports_failure_stops_validation(built_data):
    graph = Graph()
    shape, constraint = URIRef("urn:test:shape"), URIRef("urn:test:constraint")
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.targetNode, URIRef("https://w3id.org/gcm-graph/id/document/gcm")))
    graph.add((shape, SH.sparql, constraint))
    graph.add((constraint, SH.select, Literal("SELECT $this ?failure WHERE { BIND(true AS ?failure) }")))
    with pytest.raises(ValidationFailure, match="urn:test:constraint: the query reports a failure"):
        validate_sparql(built_data.store, sparql_constraints(graph))


def test_shapes_follow_a_different_base_iri(built_quads, tmp_path):
    """With GCM_GRAPH_BASE_IRI set, the same shapes check data minted under that base."""
    base = "https://example.org/kg/"
    moved = ox.Store()
    moved.extend(
        ox.Quad(*(_rebase(term, base) for term in (q.subject, q.predicate, q.object)), ox.DefaultGraph())
        for q in built_quads
    )
    data = ValidationData.from_store(moved, "moved")
    rebased = Shapes(load_shapes_graph(base=base))
    assert not [r for r in _validate(data, rebased) if r.severity == SH.Violation]
    default = Shapes(load_shapes_graph(base="https://w3id.org/gcm-graph/"))
    assert [r for r in _validate(data, default) if r.severity == SH.Violation]


def test_a_shapes_file_that_is_not_turtle_is_named(tmp_path):
    (tmp_path / "broken.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:a sh:b .\nsh:c", "utf-8")
    with pytest.raises(ShapesError, match="broken.ttl"):
        load_shapes_graph(tmp_path)


def _validate(data: ValidationData, shapes: Shapes):
    return validate_core(data.graph, shapes.core, shapes.graph) + validate_sparql(data.store, shapes.sparql)


def _rebase(term, base: str):
    if isinstance(term, ox.NamedNode) and term.value.startswith("https://w3id.org/gcm-graph/id/"):
        return ox.NamedNode(base + term.value.removeprefix("https://w3id.org/gcm-graph/"))
    return term
