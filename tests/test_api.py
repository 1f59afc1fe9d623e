"""The Python API: ``gcm_graph.load()`` returns the built graph, building it when needed."""

from rdflib import Dataset, URIRef

import gcm_graph

OBJECTIVE_7 = URIRef("https://w3id.org/gcm-graph/id/document/gcm-zero-draft-plus/objective/7")


def test_load_builds_missing_dist_and_returns_a_dataset(tmp_path):
    dist = tmp_path / "dist"
    dataset = gcm_graph.load(dist)
    assert isinstance(dataset, Dataset)
    assert (dist / "gcm.trig").is_file()
    assert len(dataset.graph(URIRef("https://w3id.org/gcm-graph/graph/gcm-zero-draft-plus"))) > 1000
    assert (OBJECTIVE_7, None, None) in dataset


def test_load_reads_an_existing_dist_without_rebuilding(built_dist):
    before = (built_dist / "gcm.trig").stat().st_mtime_ns
    dataset = gcm_graph.load(built_dist)
    assert (built_dist / "gcm.trig").stat().st_mtime_ns == before
    assert (OBJECTIVE_7, None, None) in dataset
