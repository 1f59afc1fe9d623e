"""Server settings, declared once: defaults, command-line flags, environment variables and docs derive from here.

Each ``Setting(name, default, help)`` becomes the flag ``--name-with-dashes`` and the
environment variable ``GCM_GRAPH_NAME``; a flag wins over the variable, which wins over the
default. ``tests/server/test_docs.py`` fails when one is missing from docs/endpoint.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from gcm_graph.config import ONTOLOGY_DIR, PROJECT_ROOT


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def env(self) -> str:
        return "GCM_GRAPH_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", "Interface to listen on (0.0.0.0 for every interface)."),
    Setting("port", 8000, "TCP port to listen on.", int),
    Setting("data", None, "A dist directory or one RDF file to serve; default dist/, built first when missing.", Path),
    Setting("store", None, "URL of a remote SPARQL 1.1 query endpoint to front instead of the embedded store."),
    Setting("query_timeout", 30.0, "Seconds a query may run; it is then stopped and answered with 503.", float),
    Setting("max_rows", 10_000, "Most result rows (or triples) returned; more are cut and the cut is signalled.", int),
    Setting("workers", 3, "Query worker processes of the embedded store (each holds a copy of the data).", int),
    Setting("threads", 8, "HTTP threads of the WSGI server.", int),
    Setting("max_body", 1_048_576, "Largest request body in bytes; larger requests get 413.", int),
    Setting("max_query_length", 50_000, "Longest query in characters; longer queries get 400.", int),
    Setting("max_nesting", 64, "Deepest nesting of { ( [ in a query; deeper queries get 400.", int),
    Setting(
        "max_operators",
        256,
        "Most operators and clauses in a query (|| + / . ; , UNION OPTIONAL ...); more get 400.",
        int,
    ),
    Setting("service_allowlist", "", "Space-separated SERVICE endpoint IRIs queries may call; empty: none.", str),
    Setting("worker_memory", 4096, "Address-space cap of each query worker in MiB (0: no cap).", int),
    Setting("ontology", ONTOLOGY_DIR, "Directory of ontology *.ttl files shown on the ontology page.", Path),
)

SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}


def defaults() -> dict[str, Any]:
    return {setting.name: setting.default for setting in SETTINGS}


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Defaults overridden by any ``GCM_GRAPH_*`` variables that are set."""
    environ = os.environ if environ is None else environ
    values = defaults()
    for setting in SETTINGS:
        if environ.get(setting.env, "") != "":
            values[setting.name] = setting.type(environ[setting.env])
    return values


def resolve(overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Complete settings: defaults, then environment, then ``overrides`` (values of None are ignored)."""
    values = from_environment(environ)
    for name, value in (overrides or {}).items():
        if name not in SETTINGS_BY_NAME:
            raise KeyError(f"unknown setting {name!r}; known: {', '.join(SETTINGS_BY_NAME)}")
        if value is not None:
            values[name] = value
    return values


def display_default(setting: Setting) -> str:
    """The default as people should read it: project paths relative to the checkout, None as 'none'."""
    if setting.default is None or setting.default == "":
        return "none"
    if isinstance(setting.default, Path):
        return setting.default.relative_to(PROJECT_ROOT).as_posix() + "/"
    return str(setting.default)


def click_options(command: Callable) -> Callable:
    """Stack one click option per setting on ``command``; unset flags arrive as None (environment decides)."""
    for setting in reversed(SETTINGS):
        kind = click.Path(path_type=Path) if setting.type is Path else setting.type
        command = click.option(
            setting.flag,
            setting.name,
            type=kind,
            default=None,
            help=f"{setting.help} [env {setting.env}; default {display_default(setting)}]",
        )(command)
    return command
