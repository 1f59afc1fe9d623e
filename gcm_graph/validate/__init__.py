"""SHACL validation of gcm-graph: the shapes of ``shapes/`` against the built graph, an RDF file or
a SPARQL endpoint, to one sh:ValidationReport (SHACL 3, https://www.w3.org/TR/shacl/#validation).

SHACL Core runs in pySHACL over rdflib (:mod:`.core`), SHACL-SPARQL constraints in pyoxigraph
(:mod:`.sparql`); docs/validation.md explains the split and what each shape checks.

    report = validate_file(Path("dist/gcm.trig"))
    report.conforms, report.text()
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph

from gcm_graph.config import DEFAULT_DIST_DIR, SHAPES_DIR, base_iri
from gcm_graph.validate.core import lift_property_shapes, validate_core
from gcm_graph.validate.data import InputError, ValidationData, load_endpoint, load_file
from gcm_graph.validate.report import REPORT_FORMATS, ValidationReport, ValidationResult
from gcm_graph.validate.shapes import ShapesError, core_shapes_graph, load_shapes_graph
from gcm_graph.validate.sparql import SparqlConstraint, ValidationFailure, sparql_constraints, validate_sparql

__all__ = [
    "REPORT_FORMATS",
    "InputError",
    "ShapesError",
    "ValidationData",
    "ValidationFailure",
    "ValidationReport",
    "ValidationResult",
    "Shapes",
    "load_shapes",
    "validate_data",
    "validate_endpoint",
    "validate_file",
    "validate_graph",
    "validate_source",
]


class Shapes:
    """The shapes graph, split for the two engines."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.core = lift_property_shapes(core_shapes_graph(graph))
        self.sparql: list[SparqlConstraint] = sparql_constraints(graph)


@lru_cache(maxsize=4)
def _cached_shapes(directory: str, base: str) -> Shapes:
    return Shapes(load_shapes_graph(Path(directory), base))


def load_shapes(directory: Path = SHAPES_DIR, base: str | None = None) -> Shapes:
    return _cached_shapes(str(directory), base or base_iri())


def validate_data(data: ValidationData, shapes: Shapes | None = None) -> ValidationReport:
    shapes = shapes or load_shapes()
    started = time.perf_counter()
    results = validate_core(data.graph, shapes.core, shapes.graph)
    core_done = time.perf_counter()
    results += validate_sparql(data.store, shapes.sparql)
    sparql_done = time.perf_counter()
    timings = {"core": core_done - started, "sparql": sparql_done - core_done}
    return ValidationReport(results, source=data.source, triples=data.triples, timings=timings)


def validate_graph(dataset: Dataset | Graph, shapes: Shapes | None = None) -> ValidationReport:
    """Validate an rdflib dataset (the union of its graphs), as the build does before writing dist/."""
    return validate_data(ValidationData.from_dataset(dataset), shapes)


def validate_file(path: Path, shapes: Shapes | None = None) -> ValidationReport:
    return validate_data(load_file(path), shapes)


def validate_endpoint(url: str, shapes: Shapes | None = None) -> ValidationReport:
    return validate_data(load_endpoint(url), shapes)


def validate_source(file: Path | None = None, endpoint: str | None = None) -> ValidationReport:
    """What ``gcm-graph validate`` checks: the endpoint if given, else the file, else dist/gcm.trig."""
    if endpoint:
        return validate_endpoint(endpoint)
    return validate_file(Path(file) if file else DEFAULT_DIST_DIR / "gcm.trig")
