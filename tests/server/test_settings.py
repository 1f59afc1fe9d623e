"""Settings are declared once: defaults, environment variables and flags resolve in that order of precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_graph.server.settings import SETTINGS, defaults, resolve


def test_defaults_match_the_issue():
    values = defaults()
    assert (values["host"], values["port"], values["query_timeout"], values["max_rows"]) == (
        "127.0.0.1",
        8000,
        30.0,
        10_000,
    )
    assert values["store"] is None and values["service_allowlist"] == ""


def test_environment_overrides_defaults_and_flags_override_environment():
    environ = {"GCM_GRAPH_PORT": "9000", "GCM_GRAPH_QUERY_TIMEOUT": "2.5", "GCM_GRAPH_DATA": "/srv/dist"}
    from_env = resolve(environ=environ)
    assert (from_env["port"], from_env["query_timeout"], from_env["data"]) == (9000, 2.5, Path("/srv/dist"))
    assert resolve({"port": 7000, "max_rows": None}, environ=environ)["port"] == 7000
    assert resolve({"max_rows": None}, environ=environ)["max_rows"] == 10_000


def test_unknown_setting_is_an_error():
    with pytest.raises(KeyError, match="unknown setting"):
        resolve({"prot": 1}, environ={})


def test_flags_and_variables_are_derived_from_names():
    names = {s.name: (s.flag, s.env) for s in SETTINGS}
    assert names["query_timeout"] == ("--query-timeout", "GCM_GRAPH_QUERY_TIMEOUT")
    assert names["max_rows"] == ("--max-rows", "GCM_GRAPH_MAX_ROWS")
