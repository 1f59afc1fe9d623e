"""The endpoint: a Flask app factory over one store.

Routes, by module: ``protocol`` (/sparql), ``linked_data`` (/id/..., /graph/..., /dataset),
``pages`` (/, /query, /ontology), ``dumps`` (/dumps/), ``operations`` (/healthz, CORS,
headers, access log). ``run`` serves the app with waitress.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, render_template, request

from gcm_graph.server import dumps, linked_data, operations, pages, protocol
from gcm_graph.server.endpoint import Endpoint
from gcm_graph.server.links import compact, href, kind
from gcm_graph.server.settings import resolve
from gcm_graph.store import Store, StoreError, open_store

ROUTES = (
    ("/", "home page: what the dataset is, statistics, documents, links"),
    ("/sparql", "SPARQL 1.1 Protocol query endpoint; without a query, the Service Description"),
    ("/query", "query page: editor, cookbook examples, results table, CSV/JSON download"),
    ("/id/<path>", "every minted resource: 303 to .html or a data document (.ttl .jsonld .nt .rdf)"),
    ("/graph/<name>", "the named graphs of the dataset, resolvable like resources"),
    ("/dataset", "the dataset's VoID/DCAT description, resolvable like resources"),
    ("/ontology", "the ontology page (classes and properties); /ontology/Term redirects to its anchor"),
    ("/ontology.ttl", "the ontology as Turtle"),
    ("/dumps/", "the files of dist/ for download, with ETag and Last-Modified"),
    ("/healthz", "liveness and store check, JSON"),
    ("/static/<file>", "the page assets (CSS, JavaScript); nothing is loaded from elsewhere"),
)


def create_app(config: dict[str, Any] | None = None, store: Store | None = None) -> Flask:
    """The app for ``config`` (settings by name; unset ones come from the environment or defaults).

    Without ``store``, opens the one the settings name: the remote ``store`` URL, or the
    embedded store over ``data`` (default ``dist/``, built first when missing).
    """
    settings = resolve(config)
    data = _data_path(settings)
    if data is not None and data.is_dir():
        dumps.check_dist(data)
    if store is None:
        store = open_store(
            data,
            settings["store"],
            workers=settings["workers"],
            worker_memory_mb=settings["worker_memory"],
            isolate_network=not settings["service_allowlist"].split(),
        )
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings["max_body"]
    app.json.sort_keys = False
    app.extensions["gcm_graph"] = Endpoint(settings, store, data)
    for module in (protocol, linked_data, pages, dumps):
        app.register_blueprint(module.blueprint)
    operations.install(app)
    app.register_error_handler(StoreError, _store_error)
    app.jinja_env.globals.update(compact=compact, kind=kind, href=lambda iri: href(iri, _base()))
    return app


def _data_path(settings: dict[str, Any]) -> Path | None:
    if settings["data"] is not None:
        return Path(settings["data"])
    if settings["store"]:
        return None
    from gcm_graph.build import ensure_built

    return ensure_built()


def _base() -> str:
    from flask import current_app

    return current_app.extensions["gcm_graph"].base


def _store_error(error: StoreError) -> Response:
    message = str(error)
    if not request.accept_mimetypes.accept_html:
        return Response(message + "\n", status=error.status, mimetype="text/plain")
    page = render_template("error.html", code=error.status, name="Store error", description=message)
    return Response(page, status=error.status, mimetype="text/html")
