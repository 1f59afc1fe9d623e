"""``python serve.py`` with no --data builds dist/ first when it is missing."""

import gcm_graph.build as build
from gcm_graph.server import _data_path


def test_serving_without_data_builds_a_missing_dist(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "DEFAULT_DIST_DIR", tmp_path / "dist")
    path = _data_path({"data": None, "store": None})
    assert path == tmp_path / "dist"
    assert (path / "gcm.trig").is_file() and (path / "void.ttl").is_file()


def test_serving_a_remote_store_needs_no_dist(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "DEFAULT_DIST_DIR", tmp_path / "dist")
    assert _data_path({"data": None, "store": "http://127.0.0.1:9/query"}) is None
    assert not (tmp_path / "dist").exists()
