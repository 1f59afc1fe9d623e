"""The shapes graph: every Turtle file of ``shapes/``, for the configured base IRI.

Shapes are written against the default base ``https://w3id.org/gcm-graph/``; when the build uses
another (``GCM_GRAPH_BASE_IRI``), the IRIs, patterns and queries of the shapes are rewritten to it
here, so one set of files serves every deployment. The ontology namespace does not move.

A *constraint*, for the tests that break the data once per constraint, is a SPARQL-based
constraint (SHACL 5.1, https://www.w3.org/TR/shacl/#sparql-constraints) or a pair of a named shape
and a SHACL Core constraint component it uses (SHACL 4, https://www.w3.org/TR/shacl/#core-components).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.exceptions import ParserError
from rdflib.namespace import SH
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from gcm_graph.config import DEFAULT_BASE_IRI, SHAPES_DIR, base_iri
from gcm_graph.validate.terms import short_name

DEFAULT_ID = DEFAULT_BASE_IRI + "id/"
DEFAULT_ID_PATTERN = DEFAULT_ID.replace(".", "[.]")

# SHACL Core parameters and the constraint component each belongs to (SHACL 4).
CORE_COMPONENTS: dict[URIRef, URIRef] = {
    SH[parameter]: SH[component + "ConstraintComponent"]
    for parameter, component in {
        "class": "Class",
        "datatype": "Datatype",
        "nodeKind": "NodeKind",
        "minCount": "MinCount",
        "maxCount": "MaxCount",
        "minExclusive": "MinExclusive",
        "minInclusive": "MinInclusive",
        "maxExclusive": "MaxExclusive",
        "maxInclusive": "MaxInclusive",
        "minLength": "MinLength",
        "maxLength": "MaxLength",
        "pattern": "Pattern",
        "languageIn": "LanguageIn",
        "uniqueLang": "UniqueLang",
        "equals": "Equals",
        "disjoint": "Disjoint",
        "lessThan": "LessThan",
        "lessThanOrEquals": "LessThanOrEquals",
        "not": "Not",
        "and": "And",
        "or": "Or",
        "xone": "Xone",
        "node": "Node",
        "qualifiedMinCount": "QualifiedMinCount",
        "qualifiedMaxCount": "QualifiedMaxCount",
        "closed": "Closed",
        "hasValue": "HasValue",
        "in": "In",
    }.items()
}


_SINGLE_STEP = re.compile(r"\^?([A-Za-z]+:[A-Za-z0-9_-]+|<[^>]+>)")


class ShapesError(Exception):
    """A shapes file that cannot be read, or a shape that breaks the rules of SHACL."""


@dataclass(frozen=True)
class Constraint:
    """One thing a mutation test must be able to break."""

    shape: URIRef
    component: URIRef
    sparql: URIRef | None = None

    @property
    def key(self) -> str:
        if self.sparql is not None:
            return str(self.sparql)
        return f"{self.shape} {self.component}"

    @property
    def label(self) -> str:
        if self.sparql is not None:
            return short_name(str(self.sparql))
        return f"{short_name(str(self.shape))} {short_name(str(self.component))}"


def load_shapes_graph(directory: Path = SHAPES_DIR, base: str | None = None) -> Graph:
    """All ``*.ttl`` files of ``directory`` as one graph, rewritten to ``base`` (default: the build's)."""
    graph = Graph()
    files = sorted(Path(directory).glob("*.ttl"))
    if not files:
        raise ShapesError(f"{directory}: no shapes (*.ttl) found; expected the shapes/ directory of gcm-graph")
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except (BadSyntax, ParserError, SyntaxError) as error:
            raise ShapesError(f"{path}: not valid Turtle: {error}") from error
    base = base or base_iri()
    if base != DEFAULT_BASE_IRI:
        graph = rebase(graph, base)
    return graph


def rebase(graph: Graph, base: str) -> Graph:
    """The same shapes with ``https://w3id.org/gcm-graph/id/`` replaced by ``{base}id/`` everywhere."""
    plain, pattern = base + "id/", re.escape(base) + "id/"

    def move(term: Node) -> Node:
        if isinstance(term, URIRef) and str(term).startswith(DEFAULT_ID):
            return URIRef(plain + str(term)[len(DEFAULT_ID) :])
        if isinstance(term, Literal) and (DEFAULT_ID in term or DEFAULT_ID_PATTERN in term):
            text = str(term).replace(DEFAULT_ID_PATTERN, pattern).replace(DEFAULT_ID, plain)
            return Literal(text, lang=term.language, datatype=term.datatype)
        return term

    moved = Graph()
    for prefix, namespace in graph.namespaces():
        moved.bind(prefix, namespace)
    for triple in graph:
        moved.add(tuple(move(term) for term in triple))
    return moved


def core_shapes_graph(shapes: Graph) -> Graph:
    """The shapes without their SPARQL-based constraints, for the SHACL Core engine."""
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


def list_constraints(shapes: Graph) -> list[Constraint]:
    """Every constraint of the shapes graph that is not deactivated, in a stable order."""
    constraints: set[Constraint] = set()
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if is_deactivated(shapes, shape) or is_deactivated(shapes, constraint):
            continue
        if not isinstance(constraint, URIRef):
            raise ShapesError(f"{shape}: a SPARQL constraint needs an IRI, so that tests and reports can name it")
        constraints.add(Constraint(shape, SH.SPARQLConstraintComponent, constraint))
    for shape in set(shapes.subjects()):
        if not isinstance(shape, URIRef) or is_deactivated(shapes, shape):
            continue
        for parameter, component in CORE_COMPONENTS.items():
            if (shape, parameter, None) in shapes:
                constraints.add(Constraint(shape, component))
    return sorted(constraints, key=lambda constraint: constraint.key)


def messages(shapes: Graph, node: Node) -> list[str]:
    """The English (or untagged) sh:message values of a shape or SPARQL constraint."""
    found = [m for m in shapes.objects(node, SH.message) if getattr(m, "language", None) in (None, "en")]
    return sorted(str(m) for m in found)


def render_path(shapes: Graph, path: Node) -> str:
    """A SHACL property path (SHACL 2.3.1) in SPARQL property path syntax, prefixed where possible."""
    return _path(shapes, path, lambda iri: short_name(str(iri)))


def sparql_path(shapes: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL syntax with full IRIs, for substitution into $PATH (SHACL 5.3.1)."""
    return _path(shapes, path, lambda iri: f"<{iri}>")


def _path(shapes: Graph, path: Node, name) -> str:
    if isinstance(path, URIRef):
        return name(path)
    if (path, SH.inversePath, None) in shapes:
        return "^" + _group(_path(shapes, shapes.value(path, SH.inversePath), name))
    if (path, SH.alternativePath, None) in shapes:
        members = Collection(shapes, shapes.value(path, SH.alternativePath))
        return "|".join(_group(_path(shapes, member, name)) for member in members)
    for predicate, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        if (path, predicate, None) in shapes:
            return _group(_path(shapes, shapes.value(path, predicate), name)) + suffix
    if (path, None, None) not in shapes:
        raise ShapesError(f"_:{path}: not a SHACL property path")
    return "/".join(_group(_path(shapes, member, name)) for member in Collection(shapes, path))


def path_triples(shapes: Graph, path: Node) -> tuple:
    """The triples that describe a blank-node path, to copy it into a report."""
    if not isinstance(path, BNode):
        return ()
    triples, todo, seen = [], [path], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in shapes.triples((node, None, None)):
            triples.append(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])
    return tuple(triples)


def _group(path: str) -> str:
    """Parentheses around a composite path, so that it nests inside another."""
    return path if _SINGLE_STEP.fullmatch(path) else f"({path})"


def is_deactivated(shapes: Graph, node: Node) -> bool:
    value = shapes.value(node, SH.deactivated)
    return value is not None and value.toPython() is True
