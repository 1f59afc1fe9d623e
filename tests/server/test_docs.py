"""docs/endpoint.md documents every route of the app and every setting (flag and environment variable)."""

from __future__ import annotations

import re

from gcm_graph.config import PROJECT_ROOT
from gcm_graph.server import ROUTES
from gcm_graph.server.settings import SETTINGS

ENDPOINT_DOC = (PROJECT_ROOT / "docs" / "endpoint.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    missing = [s.flag for s in SETTINGS if f"`{s.flag}`" not in ENDPOINT_DOC or f"`{s.env}`" not in ENDPOINT_DOC]
    assert not missing, f"docs/endpoint.md lacks settings: {missing}"


def test_every_route_is_documented(hostile_app):
    documented = {route for route, _ in ROUTES}
    for rule in hostile_app.url_map.iter_rules():
        pattern = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"<\1>", rule.rule)
        pattern = pattern.replace("<rest>", "<path>").replace("<filename>", "<file>").replace("<suffix>", "")
        pattern = pattern.replace("/dataset.", "/dataset").replace("/dumps/<name>", "/dumps/")
        pattern = {"/dumps": "/dumps/", "/graph/<path>": "/graph/<name>", "/ontology/<name>": "/ontology"}.get(
            pattern, pattern
        )
        assert pattern in documented, f"route {rule.rule} is not in gcm_graph.server.ROUTES"
    missing = [route for route in documented if f"`{route}`" not in ENDPOINT_DOC]
    assert not missing, f"docs/endpoint.md lacks routes: {missing}"


def test_every_cli_flag_of_serve_is_a_setting():
    from click.testing import CliRunner

    from gcm_graph.cli import main

    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    flags = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    assert flags == {s.flag for s in SETTINGS}
    load_help = CliRunner().invoke(main, ["load", "--help"]).output
    assert "--into" in load_help and "`gcm-graph load --into" in ENDPOINT_DOC
