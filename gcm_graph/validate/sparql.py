"""SPARQL-based constraints (SHACL 5, https://www.w3.org/TR/shacl/#sparql-constraints) over Oxigraph.

pySHACL runs these too, but over its rdflib store one query per focus node costs tens of
milliseconds, and over its Oxigraph store SHACL Core becomes a hundred times slower
(docs/validation.md, "Engine"); so SHACL Core runs in pySHACL over rdflib, and this module runs the
sh:select queries of the same shapes graph in pyoxigraph, following the specification:

- targets (SHACL 2.1.3): sh:targetNode, sh:targetClass with rdfs:subClassOf* in the data graph,
  implicit class targets, sh:targetSubjectsOf, sh:targetObjectsOf;
- prefixes (5.2.1): sh:prefixes -> the sh:declare of that node, prepended as PREFIX lines;
- pre-binding (5.3.1): $this is the focus node and $currentShape the shape, substituted in the
  parsed query (Oxigraph's substitution, RDF-dev SEP-0007); $PATH of a property shape is replaced
  by its path in SPARQL syntax; queries with MINUS, VALUES or SERVICE are refused, as is
  $shapesGraph, which needs the shapes graph in the data store;
- results (5.3.2): one per solution; sh:focusNode $this, sh:resultPath ?path (else the path of a
  property shape), sh:value ?value (else the focus node of a node shape), sh:resultSeverity the
  shape's sh:severity, sh:resultMessage the constraint's sh:message (else the shape's) with
  {?var} and {$var} replaced by the solution's values; a solution with ?failure true is a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from gcm_graph.validate.report import ValidationResult
from gcm_graph.validate.shapes import ShapesError, is_deactivated, messages, path_triples, render_path, sparql_path
from gcm_graph.validate.terms import plain, to_oxigraph, to_rdflib

_FORBIDDEN = re.compile(r"\b(MINUS|VALUES|SERVICE)\b", re.IGNORECASE)
_SUB_SELECT = re.compile(r"\bSELECT\b(.*?)\bWHERE\b", re.IGNORECASE | re.DOTALL)
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
THIS, CURRENT_SHAPE = ox.Variable("this"), ox.Variable("currentShape")


class ValidationFailure(Exception):
    """A constraint that cannot be evaluated (SHACL 3.6.1.1: a failure, not a violation)."""


@dataclass(frozen=True)
class Targets:
    nodes: tuple[Node, ...] = ()
    classes: tuple[Node, ...] = ()
    subjects_of: tuple[Node, ...] = ()
    objects_of: tuple[Node, ...] = ()


@dataclass(frozen=True)
class SparqlConstraint:
    node: URIRef
    shape: Node
    query: str
    message_templates: tuple[str, ...]
    severity: URIRef
    targets: Targets
    path: str | None = None
    path_node: Node | None = None
    path_triples: tuple = ()


def sparql_constraints(shapes: Graph) -> list[SparqlConstraint]:
    """The active SPARQL-based constraints of a shapes graph, ready to run."""
    found = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql)):
        if is_deactivated(shapes, shape) or is_deactivated(shapes, node):
            continue
        select = shapes.value(node, SH.select)
        if select is None:
            raise ShapesError(f"{node}: a SPARQL constraint needs exactly one sh:select (SHACL 5.1)")
        _check_query(node, str(select))
        path_node = shapes.value(shape, SH.path)
        query = _prefixes(shapes, node) + str(select)
        if path_node is not None:
            query = query.replace("$PATH", sparql_path(shapes, path_node))
        found.append(
            SparqlConstraint(
                node=node,
                shape=shape,
                query=query,
                message_templates=tuple(messages(shapes, node) or messages(shapes, shape)),
                severity=shapes.value(shape, SH.severity) or SH.Violation,
                targets=_targets(shapes, shape),
                path=None if path_node is None else render_path(shapes, path_node),
                path_node=path_node,
                path_triples=path_triples(shapes, path_node) if path_node is not None else (),
            )
        )
    return found


def focus_nodes(store: ox.Store, targets: Targets) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
    """The target of a shape in the data graph (SHACL 2.1.3), in a stable order."""
    found: dict[str, object] = {}
    for node in targets.nodes:
        term = to_oxigraph(node)
        found[str(term)] = term
    queries = [f"SELECT ?focus WHERE {{ ?focus a/<{RDFS.subClassOf}>* <{c}> }}" for c in targets.classes]
    queries += [f"SELECT ?focus WHERE {{ ?focus <{p}> ?object }}" for p in targets.subjects_of]
    queries += [f"SELECT ?focus WHERE {{ ?subject <{p}> ?focus }}" for p in targets.objects_of]
    for query in queries:
        for solution in store.query(query, use_default_graph_as_union=True):
            found[str(solution["focus"])] = solution["focus"]
    return [found[key] for key in sorted(found)]


def validate_sparql(store: ox.Store, constraints: Iterable[SparqlConstraint]) -> list[ValidationResult]:
    results: list[ValidationResult] = []
    focus_cache: dict[Targets, list] = {}
    for constraint in constraints:
        if constraint.targets not in focus_cache:
            focus_cache[constraint.targets] = focus_nodes(store, constraint.targets)
        for focus in focus_cache[constraint.targets]:
            results.extend(evaluate(store, constraint, focus))
    return results


def evaluate(store: ox.Store, constraint: SparqlConstraint, focus) -> list[ValidationResult]:
    """The results of one constraint for one focus node (SHACL 5.3)."""
    substitutions = {THIS: focus}
    if "currentShape" in constraint.query:
        substitutions[CURRENT_SHAPE] = to_oxigraph(constraint.shape)
    try:
        solutions = store.query(constraint.query, substitutions=substitutions, use_default_graph_as_union=True)
    except (SyntaxError, RuntimeError, OSError) as error:
        raise ValidationFailure(f"{constraint.node}: the query cannot be run for {focus}: {error}") from error
    variables = [variable.value for variable in solutions.variables]
    results = []
    for solution in solutions:
        bound = {name: to_rdflib(solution[name]) for name in variables if solution[name] is not None}
        failure = bound.get("failure")
        if failure is not None and failure.toPython() is True:
            raise ValidationFailure(f"{constraint.node}: the query reports a failure for {focus}")
        focus_node = to_rdflib(focus)
        path_node = bound.get("path") if isinstance(bound.get("path"), URIRef) else constraint.path_node
        value = bound.get("value", focus_node if constraint.path is None else None)
        results.append(
            ValidationResult(
                severity=constraint.severity,
                source_shape=constraint.shape,
                source_constraint_component=SH.SPARQLConstraintComponent,
                source_constraint=constraint.node,
                focus_node=focus_node,
                path=render_path(Graph(), path_node) if isinstance(path_node, URIRef) else constraint.path,
                path_node=path_node,
                path_triples=constraint.path_triples if path_node == constraint.path_node else (),
                value=value,
                message=fill_message(constraint.message_templates, {"this": focus_node, **bound}),
            )
        )
    return results


def fill_message(templates: tuple[str, ...], bindings: dict[str, Node]) -> str:
    """The first message template with {?name} and {$name} replaced by the bound values (SHACL 5.3.2).

    A variable the solution leaves unbound keeps its placeholder, as in pySHACL: the shape should
    bind it (COALESCE) rather than print an empty gap."""
    if not templates:
        return ""

    def value(match: re.Match) -> str:
        bound = bindings.get(match.group(1))
        return match.group(0) if bound is None else plain(bound)

    return _TEMPLATE.sub(value, templates[0])


def _check_query(node: Node, select: str) -> None:
    """The syntax rules of SHACL 5.3.1 for queries with pre-bound variables."""
    if _FORBIDDEN.search(select) or "shapesGraph" in select:
        raise ShapesError(f"{node}: sh:select uses MINUS, VALUES, SERVICE or $shapesGraph, which SHACL 5.3.1 forbids")
    for projection in _SUB_SELECT.findall(select)[1:]:
        if "$this" not in projection and "?this" not in projection:
            raise ShapesError(f"{node}: a sub-select of sh:select does not project $this, as SHACL 5.3.1 requires")


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for declarations in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(declarations, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is None or namespace is None:
                raise ShapesError(f"{declarations}: each sh:declare needs sh:prefix and sh:namespace (SHACL 5.2.1)")
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _targets(shapes: Graph, shape: Node) -> Targets:
    classes = set(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)  # implicit class target (SHACL 2.1.3.3)
    return Targets(
        nodes=tuple(sorted(shapes.objects(shape, SH.targetNode))),
        classes=tuple(sorted(classes)),
        subjects_of=tuple(sorted(shapes.objects(shape, SH.targetSubjectsOf))),
        objects_of=tuple(sorted(shapes.objects(shape, SH.targetObjectsOf))),
    )
