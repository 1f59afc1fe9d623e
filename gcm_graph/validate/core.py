"""SHACL Core constraints (SHACL 4, https://www.w3.org/TR/shacl/#core-components) through pySHACL.

pySHACL validates the union graph held in rdflib's memory store, without inference: the shapes
name every class they target, and RDFS inference multiplied the time of SHACL Core by about nine
(docs/validation.md, "Engine"). The shapes graph given here has no sh:sparql triples: the
SPARQL-based constraints run in gcm_graph.validate.sparql.

Before the run, the targets of each node shape are lifted onto its property shapes
(:func:`lift_property_shapes`). SHACL gives both forms the same results (a property shape
reached through sh:property validates the focus nodes of its node shape, SHACL 2.3; one with
those targets validates the same nodes, 2.1.3), but pySHACL re-reads a nested property shape
once per focus node, which made SHACL Core three times slower on this graph.
"""

from __future__ import annotations

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from gcm_graph.validate.report import ValidationResult
from gcm_graph.validate.shapes import is_deactivated, path_triples, render_path

TARGETS = (SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)


def validate_core(data: Graph, core_shapes: Graph, shapes: Graph) -> list[ValidationResult]:
    """The results of pySHACL, read back into ValidationResults (paths rendered from ``shapes``)."""
    _conforms, report, _text = pyshacl_validate(
        data,
        shacl_graph=core_shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    return list(read_results(report, shapes))


def read_results(report: Graph, shapes: Graph):
    """ValidationResults from an sh:ValidationReport graph that pySHACL wrote."""
    for node in report.subjects(SH.resultSeverity, None):
        shape = report.value(node, SH.sourceShape)
        path_node = shapes.value(shape, SH.path) if shape is not None else None
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        yield ValidationResult(
            severity=report.value(node, SH.resultSeverity),
            source_shape=shape,
            source_constraint_component=report.value(node, SH.sourceConstraintComponent),
            source_constraint=report.value(node, SH.sourceConstraint),
            focus_node=report.value(node, SH.focusNode),
            path=None if path_node is None else render_path(shapes, path_node),
            path_node=path_node,
            path_triples=path_triples(shapes, path_node) if path_node is not None else (),
            value=report.value(node, SH.value),
            message=messages[0] if messages else "",
        )


def lift_property_shapes(shapes: Graph) -> Graph:
    """The same shapes, each property shape of a targeted node shape carrying that node shape's
    targets itself instead of hanging from it by sh:property.

    Left as they are: node shapes without targets, node shapes that another shape refers to
    (by sh:node, sh:or ...), deactivated ones, and property shapes that something other than
    sh:property refers to; in each of these cases the nesting means more than its targets.
    """
    lifted = Graph()
    for prefix, namespace in shapes.namespaces():
        lifted.bind(prefix, namespace)
    for triple in shapes:
        lifted.add(triple)
    referenced = {o for _, p, o in shapes if p != SH.property}
    for node, prop in list(shapes.subject_objects(SH.property)):
        targets = [(p, o) for p in TARGETS for o in shapes.objects(node, p)]
        if (node, RDF.type, RDFS.Class) in shapes:
            targets.append((SH.targetClass, node))
        if not targets or node in referenced or prop in referenced or is_deactivated(shapes, node):
            continue
        if not isinstance(prop, URIRef) and len(set(shapes.subjects(SH.property, prop))) > 1:
            continue
        for predicate, target in targets:
            lifted.add((prop, predicate, target))
        lifted.remove((node, SH.property, prop))
    return lifted
