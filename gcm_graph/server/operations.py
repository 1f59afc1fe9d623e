"""Operations: CORS, security headers, ``/healthz``, the access log and error pages.

CORS: any origin may read query results and data (``Access-Control-Allow-Origin: *``), never
with credentials; preflights for POST with ``Content-Type: application/sparql-query`` are
answered. Every response carries ``X-Content-Type-Options: nosniff``; HTML pages a strict
Content-Security-Policy (scripts and styles from this server only), so even a missed escape
could not run injected script.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from gcm_graph.server.endpoint import current_endpoint

access_log = logging.getLogger("gcm_graph.access")
CORS_PREFIXES = ("/sparql", "/id/", "/graph/", "/dataset", "/dumps/", "/ontology")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def install(app: Flask) -> None:
    app.before_request(_start_clock)
    app.after_request(_headers)
    app.after_request(_log)
    app.register_error_handler(HTTPException, _http_error)
    app.add_url_rule("/healthz", "healthz", healthz)


def healthz() -> Response:
    """Alive and able to query: asks the store a trivial question within 5 seconds."""
    endpoint = current_endpoint()
    started = time.perf_counter()
    try:
        from gcm_graph.store import DatasetSelection

        endpoint.store.query("ASK { }", DatasetSelection(), 5.0, 1)
    except Exception as error:  # noqa: BLE001 - a health check reports any failure
        return jsonify(status="unavailable", error=str(error)), 503
    return jsonify(status="ok", store_ms=round((time.perf_counter() - started) * 1000, 1))


def _start_clock() -> None:
    g.started = time.perf_counter()
    if request.method == "OPTIONS" and request.path.startswith(CORS_PREFIXES):
        return Response(status=204)
    return None


def _headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if request.path.startswith(CORS_PREFIXES):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "X-SPARQL-Truncated, X-SPARQL-Max-Rows, Server-Timing, Link"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
            response.headers["Access-Control-Max-Age"] = "86400"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
        response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _log(response: Response) -> Response:
    elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    query = f" query_ms={g.query_ms:.1f}" if "query_ms" in g else ""
    access_log.info(
        '%s "%s %s" %s %s total_ms=%.1f%s',
        request.remote_addr,
        request.method,
        request.full_path.rstrip("?")[:300],
        response.status_code,
        response.content_length if response.content_length is not None else "-",
        elapsed,
        query,
    )
    return response


def _http_error(error: HTTPException) -> Response:
    if request.path.startswith("/sparql") or not request.accept_mimetypes.accept_html:
        return Response(f"{error.code} {error.name}: {error.description}\n", status=error.code, mimetype="text/plain")
    page = render_template("error.html", code=error.code, name=error.name, description=error.description)
    return Response(page, status=error.code, mimetype="text/html")
