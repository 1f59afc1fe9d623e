"""Every constraint of shapes/ can fail: one mutation of the built graph per constraint, and the
result it must give (tests/validate/mutations.py)."""

from __future__ import annotations

import pytest
from rdflib.namespace import SH

from gcm_graph.validate.shapes import messages
from tests.validate.mutations import MUTATIONS


def test_every_constraint_has_a_mutation(constraints):
    covered = {mutation.constraint for mutation in MUTATIONS}
    assert sorted(set(constraints) - covered) == [], "constraints of shapes/ that no mutation breaks"
    assert sorted(covered - set(constraints)) == [], "mutations for constraints that shapes/ does not have"


def test_one_mutation_per_constraint():
    names = [mutation.constraint for mutation in MUTATIONS]
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_the_built_graph_conforms(built_report):
    violations = [result for result in built_report.results if result.severity == SH.Violation]
    assert violations == [], built_report.text()
    assert built_report.conforms


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.id)
def test_mutation_fails_its_constraint(mutation, constraints, shapes, built_report, mutated_store, validate_constraint):
    constraint = constraints[mutation.constraint]
    before = {(r.focus_node, r.value, r.message) for r in built_report.results if _is(r, constraint)}
    results = [r for r in validate_constraint(mutated_store(mutation.update), constraint) if _is(r, constraint)]
    new = [r for r in results if (r.focus_node, r.value, r.message) not in before]
    assert new, f"{mutation.constraint}: the mutation gives no new result\n{mutation.update}"
    if constraint.sparql is None:
        assert {r.message for r in new} <= set(messages(shapes.graph, constraint.shape))
    assert any(mutation.expect in r.message for r in new), [r.message for r in new]
    expected_severity = shapes.graph.value(constraint.shape, SH.severity) or SH.Violation
    assert {r.severity for r in new} == {expected_severity}


def _is(result, constraint) -> bool:
    if constraint.sparql is not None:
        return result.source_constraint == constraint.sparql
    return result.source_shape == constraint.shape and result.source_constraint_component == constraint.component
