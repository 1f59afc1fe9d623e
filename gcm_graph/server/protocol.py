"""``/sparql``: the SPARQL 1.1 Protocol query operation (https://www.w3.org/TR/sparql11-protocol/#query-operation).

Three ways to send a query (GET, POST form, POST ``application/sparql-query``), dataset
selection by ``default-graph-uri``/``named-graph-uri``, results in every format of
``formats``. Client mistakes get a 4xx that says what was wrong; updates get 403 because the
endpoint is read-only; a query stopped at the time limit gets 503.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qsl

from flask import Blueprint, Response, g, redirect, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.formats import GRAPH_FORMATS, RESULT_FORMATS, negotiate, serialize_graph, serialize_results
from gcm_graph.server.service_description import service_description_response
from gcm_graph.store import DatasetSelection, GraphResult, StoreError
from gcm_graph.store.guard import InspectedQuery, QueryRefused, check_dataset_graph, inspect_query

blueprint = Blueprint("protocol", __name__)
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "This endpoint is read-only: SPARQL Update is not accepted. Download the data from /dumps/ to change it."


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@blueprint.errorhandler(ProtocolError)
def _protocol_error(error: ProtocolError) -> Response:
    return plain_error(error.status, error.message, error.headers)


@blueprint.errorhandler(QueryRefused)
def _refused(error: QueryRefused) -> Response:
    return plain_error(error.status, error.message)


@blueprint.errorhandler(StoreError)
def _store_error(error: StoreError) -> Response:
    headers = {"Retry-After": "5"} if error.status == 503 else {}
    prefix = "Query syntax error: " if error.status == 400 else ""
    return plain_error(error.status, prefix + str(error), headers)


def plain_error(status: int, message: str, headers: dict | None = None) -> Response:
    """Errors as text/plain (never HTML), so a message quoting the query cannot become markup."""
    return Response(message.rstrip() + "\n", status=status, mimetype="text/plain", headers=headers or {})


@blueprint.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    query, params = _read_request()
    if query is None and request.method == "POST":
        raise ProtocolError(
            400, "POST /sparql needs a query: a 'query' form field or an application/sparql-query body."
        )
    if query is None:
        if request.accept_mimetypes.best_match(["text/turtle", "text/html"]) == "text/html" and (
            request.accept_mimetypes.quality("text/html") > request.accept_mimetypes.quality("text/turtle")
        ):
            return redirect(url_for("pages.query_page"), 303)
        return service_description_response()
    endpoint = current_endpoint()
    graphs = endpoint.facts.graphs
    inspected = inspect_query(query, endpoint.policy, graphs)
    selection = _dataset_selection(params, graphs, inspected)
    formats = GRAPH_FORMATS if inspected.is_graph_query else RESULT_FORMATS
    explicit = params.get("format") or params.get("output")
    chosen = negotiate(formats, request.accept_mimetypes, explicit, "Accept" in request.headers)
    if chosen is None:
        offered = ", ".join(media for f in formats for media in f.media_types)
        raise ProtocolError(406, f"No acceptable format for a {inspected.form or 'SELECT'} result. Offered: {offered}.")
    fmt, media_type = chosen
    started = time.perf_counter()
    result = endpoint.store.query(query, selection, endpoint.settings["query_timeout"], endpoint.settings["max_rows"])
    g.query_ms = (time.perf_counter() - started) * 1000
    if isinstance(result, GraphResult):
        if fmt not in GRAPH_FORMATS:
            fmt = GRAPH_FORMATS[0]
            media_type = fmt.media_type
        body = serialize_graph(result.triples, fmt)
    else:
        if fmt not in RESULT_FORMATS:
            fmt = RESULT_FORMATS[0]
            media_type = fmt.media_type
        body = serialize_results(result, fmt)
    response = Response(body, mimetype=media_type)
    if media_type.startswith("text/"):
        response.charset = "utf-8"
    response.headers["Server-Timing"] = f"query;dur={g.query_ms:.1f}"
    response.headers["Vary"] = "Accept"
    if result.truncated:
        response.headers["X-SPARQL-Truncated"] = "true"
        response.headers["X-SPARQL-Max-Rows"] = str(endpoint.settings["max_rows"])
    return response


def _read_request() -> tuple[str | None, dict]:
    """The query text (None when there is none) and the other protocol parameters, checked per the Protocol."""
    max_body = current_endpoint().settings["max_body"]
    if request.content_length and request.content_length > max_body:
        raise ProtocolError(413, f"The request body is larger than {max_body} bytes.")
    args = request.args
    media_type = (request.mimetype or "").lower()
    try:
        _require_utf8(request.query_string)
        if request.method == "GET":
            if "update" in args:
                raise ProtocolError(403, READ_ONLY)
            return _single(args.getlist("query")), _params(args)
        if media_type == FORM:
            _require_utf8(request.get_data(cache=True))
            form = request.form
            if "update" in form or "update" in args:
                raise ProtocolError(403, READ_ONLY)
            if "query" in args:
                raise ProtocolError(400, "Send the query either in the URL or in the form body, not both.")
            merged = {**_params(args), **_params(form)}
            for key in ("default-graph-uri", "named-graph-uri"):
                merged[key] = args.getlist(key) + form.getlist(key)
            return _single(form.getlist("query")), merged
        if media_type == QUERY_BODY:
            if "query" in args:
                raise ProtocolError(400, "A query sent as the request body must not also be in the URL.")
            return request.get_data(cache=True).decode("utf-8"), _params(args)
    except RequestEntityTooLarge:
        raise ProtocolError(413, f"The request body is larger than {max_body} bytes.") from None
    except UnicodeDecodeError:
        raise ProtocolError(
            400,
            "The query or a parameter is not valid UTF-8 (SPARQL queries are always UTF-8, percent-encoded or not).",
        ) from None
    if media_type == UPDATE_BODY:
        raise ProtocolError(403, READ_ONLY)
    raise ProtocolError(
        415,
        f"Unsupported Content-Type {request.mimetype or '(none)'!r} for POST /sparql: use {FORM} or {QUERY_BODY}.",
    )


def _require_utf8(encoded: bytes) -> None:
    """Percent-encoded parameters must be UTF-8; werkzeug would quietly replace bad bytes with U+FFFD."""
    parse_qsl(encoded.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="strict")


def _single(values: list[str]) -> str | None:
    if len(values) > 1:
        raise ProtocolError(400, "Send exactly one 'query' parameter.")
    return values[0] if values else None


def _params(source) -> dict:
    return {
        "default-graph-uri": source.getlist("default-graph-uri"),
        "named-graph-uri": source.getlist("named-graph-uri"),
        "format": source.get("format"),
        "output": source.get("output"),
    }


RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"


def _dataset_selection(params: dict, graphs: dict, inspected: InspectedQuery) -> DatasetSelection:
    """Protocol parameters win over FROM clauses, which win over the endpoint default (the union graph).

    FROM is passed explicitly because pyoxigraph's union-default-graph option would override it.
    """
    # rdflib's Dataset(SPARQLStore) client names the service's default graph this way: drop it.
    default = [graph for graph in params["default-graph-uri"] if graph != RDFLIB_DEFAULT_GRAPH]
    named = params["named-graph-uri"]
    if not default and not named:
        default, named = list(inspected.from_graphs), list(inspected.from_named_graphs)
    for graph in default:
        check_dataset_graph(graph, graphs, "default-graph-uri")
    for graph in named:
        check_dataset_graph(graph, graphs, "named-graph-uri")
    if not default and not named:
        return DatasetSelection()
    return DatasetSelection(default_graphs=tuple(default), named_graphs=tuple(named))
