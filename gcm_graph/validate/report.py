"""The validation report (SHACL 3.6, https://www.w3.org/TR/shacl/#validation-report) and its
renderings: readable text grouped by severity and shape, the sh:ValidationReport as Turtle, JSON.

``conforms`` is true when no result has severity sh:Violation: warnings (doubtful data) and infos
(coverage) are reported but do not fail validation, as with pySHACL's ``allow_warnings`` and
``allow_infos``. The sh:conforms of the Turtle report says the same.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from gcm_graph.validate.terms import plain, render, short_name

SEVERITIES = (SH.Violation, SH.Warning, SH.Info)
SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
REPORT_FORMATS = ("text", "turtle", "json")
SEVERITY_PLURALS = {SH.Violation: "violations", SH.Warning: "warnings", SH.Info: "infos"}


@dataclass(frozen=True)
class ValidationResult:
    """One sh:ValidationResult. ``constraint`` names what failed: the SPARQL constraint
    (sh:sourceConstraint) or, for SHACL Core, the shape and its constraint component."""

    severity: URIRef
    source_shape: Node
    source_constraint_component: URIRef
    focus_node: Node
    path: str | None = None
    value: Node | None = None
    message: str = ""
    source_constraint: Node | None = None
    path_node: Node | None = field(default=None, compare=False)
    path_triples: tuple = field(default=(), compare=False)

    @property
    def constraint(self) -> str:
        if self.source_constraint is not None:
            return str(self.source_constraint)
        return f"{self.source_shape} {self.source_constraint_component}"

    @property
    def constraint_label(self) -> str:
        if self.source_constraint is not None:
            return f"{short_name(str(self.source_constraint))} (SPARQL)"
        component = str(self.source_constraint_component).removeprefix(str(SH)).removesuffix("ConstraintComponent")
        return f"{short_name(str(self.source_shape))} ({component})"

    def as_json(self) -> dict:
        return {
            "severity": SEVERITY_NAMES.get(self.severity, str(self.severity)),
            "sourceShape": str(self.source_shape),
            "sourceConstraint": None if self.source_constraint is None else str(self.source_constraint),
            "sourceConstraintComponent": str(self.source_constraint_component),
            "focusNode": str(self.focus_node),
            "resultPath": self.path,
            "value": None if self.value is None else plain(self.value),
            "message": self.message,
        }


@dataclass
class ValidationReport:
    results: list[ValidationResult]
    source: str = "the graph"
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.results = sorted(set(self.results), key=_sort_key)

    @property
    def conforms(self) -> bool:
        return not any(result.severity == SH.Violation for result in self.results)

    def count(self, severity: URIRef) -> int:
        return sum(1 for result in self.results if result.severity == severity)

    def summary(self) -> str:
        counts = ", ".join(_counted(self.count(s), SEVERITY_PLURALS[s]) for s in SEVERITIES)
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{self.source} ({self.triples} triples) {verdict}: {counts}"

    def text(self, limit: int | None = 10) -> str:
        """Grouped by severity, then by constraint; at most ``limit`` results per constraint."""
        lines = [self.summary()]
        for severity in SEVERITIES:
            by_constraint: dict[str, list[ValidationResult]] = defaultdict(list)
            for result in self.results:
                if result.severity == severity:
                    by_constraint[result.constraint_label].append(result)
            if not by_constraint:
                continue
            lines += ["", f"{SEVERITY_NAMES[severity]} ({self.count(severity)})"]
            for label, results in by_constraint.items():
                lines.append(f"  {label}: {len(results)} result{'s' if len(results) != 1 else ''}")
                shown = results if not limit else results[:limit]
                for result in shown:
                    lines.append(f"    - {result.message}")
                    lines.append(f"      focus: {render(result.focus_node)}")
                    if result.path:
                        lines.append(f"      path:  {result.path}")
                    if result.value is not None and result.value != result.focus_node:
                        lines.append(f"      value: {render(result.value)}")
                if len(shown) < len(results):
                    lines.append(f"    ... and {len(results) - len(shown)} more (all of them with --format json)")
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "triples": self.triples,
            "conforms": self.conforms,
            "counts": {SEVERITY_NAMES[s]: self.count(s) for s in SEVERITIES},
            "results": [result.as_json() for result in self.results],
        }

    def json(self) -> str:
        return json.dumps(self.as_json(), indent=1, ensure_ascii=False)

    def graph(self) -> Graph:
        """The standard sh:ValidationReport."""
        graph = Graph()
        graph.bind("sh", SH)
        report = BNode()
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms, datatype=XSD.boolean)))
        for result in self.results:
            node = BNode()
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            graph.add((node, SH.resultSeverity, result.severity))
            graph.add((node, SH.focusNode, result.focus_node))
            graph.add((node, SH.sourceShape, result.source_shape))
            graph.add((node, SH.sourceConstraintComponent, result.source_constraint_component))
            graph.add((node, SH.resultMessage, Literal(result.message, lang="en")))
            if result.source_constraint is not None:
                graph.add((node, SH.sourceConstraint, result.source_constraint))
            if result.path_node is not None:
                graph.add((node, SH.resultPath, result.path_node))
                for triple in result.path_triples:
                    graph.add(triple)
            if result.value is not None:
                graph.add((node, SH.value, result.value))
        return graph

    def turtle(self) -> str:
        return self.graph().serialize(format="turtle")

    def render(self, report_format: str = "text") -> str:
        """The report as ``text``, ``turtle`` (the sh:ValidationReport) or ``json``."""
        if report_format not in REPORT_FORMATS:
            raise ValueError(f"unknown report format {report_format!r}; expected one of {', '.join(REPORT_FORMATS)}")
        return {"text": self.text, "turtle": self.turtle, "json": self.json}[report_format]()


def _counted(count: int, plural: str) -> str:
    return f"{count} {plural if count != 1 else plural[:-1]}"


def _sort_key(result: ValidationResult) -> tuple:
    return (
        SEVERITIES.index(result.severity) if result.severity in SEVERITIES else len(SEVERITIES),
        result.constraint,
        str(result.focus_node),
        plain(result.value),
        result.message,
    )
