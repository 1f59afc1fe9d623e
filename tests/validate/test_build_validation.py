"""The build validates before it writes: a graph that violates the shapes stops it with exit code 1
and the report, and the previous dist/ stays as it was."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from gcm_graph import build as build_module
from gcm_graph.build import EXIT_INVALID, BuildError, build
from gcm_graph.graph.iris import GCM

ROUND_TABLE_4 = URIRef("https://w3id.org/gcm-graph/id/document/imrf-progress-declaration-2022/round-table/4")
OBJECTIVE_7 = URIRef("https://w3id.org/gcm-graph/id/document/gcm/objective/7")


def test_build_refuses_a_graph_that_violates_the_shapes(monkeypatch, tmp_path):
    previous = tmp_path / "dist"
    previous.mkdir()
    (previous / "gcm.trig").write_text("# previous build\n", encoding="utf-8")
    build_dataset = build_module.build_dataset

    def build_without_a_covered_objective(*args, **kwargs):
        dataset, sources = build_dataset(*args, **kwargs)
        for graph in dataset.graphs():
            graph.remove((ROUND_TABLE_4, GCM.coversObjective, OBJECTIVE_7))
        return dataset, sources

    monkeypatch.setattr(build_module, "build_dataset", build_without_a_covered_objective)
    with pytest.raises(BuildError) as failure:
        build(previous)
    assert failure.value.exit_code == EXIT_INVALID
    assert "the graph violates the shapes, dist/ is left as it was" in str(failure.value)
    assert f"Adopted objective {OBJECTIVE_7} is covered by none of the round tables" in str(failure.value)
    assert [path.name for path in previous.iterdir()] == ["gcm.trig"]
    assert (previous / "gcm.trig").read_text(encoding="utf-8") == "# previous build\n"
