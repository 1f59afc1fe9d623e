"""Dereferenceable IRIs: ``/id/...``, ``/graph/...`` and ``/dataset`` (https://www.w3.org/TR/cooluris/#r303gendocument).

A request for ``/id/X`` describes ``{base}id/X``. The bare IRI names a thing, not a
document, so it answers 303 See Other to ``/id/X.html`` or to a data document
(``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``) chosen by the Accept header; the suffixed URLs
can also be asked for directly. Unknown IRIs get a 404 that points to the nearest existing
resource.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from gcm_graph.server.describe import children, data_triples, describe, exists, nearest_ancestor
from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.formats import DOCUMENT_FORMATS, negotiate, serialize_graph

blueprint = Blueprint("linked_data", __name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


@blueprint.route("/id/<path:rest>")
def identifier(rest: str) -> Response:
    return resource("id/" + rest)


@blueprint.route("/graph/<path:rest>")
def named_graph(rest: str) -> Response:
    return resource("graph/" + rest)


@blueprint.route("/dataset")
@blueprint.route("/dataset.<suffix>")
def dataset(suffix: str | None = None) -> Response:
    return resource("dataset" + (f".{suffix}" if suffix else ""))


def resource(path: str) -> Response:
    endpoint = current_endpoint()
    stem, dot, suffix = path.rpartition(".")
    if dot and (suffix == "html" or suffix in [f.extension for f in DOCUMENT_FORMATS]):
        iri = endpoint.base + stem
        if exists(endpoint, iri):
            return _document(iri, stem, suffix)
    iri = endpoint.base + path
    if not exists(endpoint, iri):
        return _not_found(iri)
    return _see_other(path)


def _see_other(path: str) -> Response:
    offered = list(HTML_TYPES) + [media for f in DOCUMENT_FORMATS for media in f.media_types]
    accept = request.accept_mimetypes
    best = accept.best_match(offered) if "Accept" in request.headers else "text/html"
    if best is None:
        abort(406)
    if best in HTML_TYPES:
        suffix = "html"
    else:
        suffix = next(f.extension for f in DOCUMENT_FORMATS if best in f.media_types)
    response = Response(status=303, headers={"Location": f"{request.script_root}/{path}.{suffix}"})
    response.headers["Vary"] = "Accept"
    return response


def _document(iri: str, stem: str, suffix: str) -> Response:
    endpoint = current_endpoint()
    links = ", ".join(
        f'<{request.script_root}/{stem}.{f.extension}>; rel="alternate"; type="{f.media_type}"'
        for f in DOCUMENT_FORMATS
    )
    if suffix == "html":
        description = describe(endpoint, iri)
        page = render_template("resource.html", d=description, stem=stem, formats=DOCUMENT_FORMATS)
        return Response(page, mimetype="text/html", headers={"Link": links})
    fmt, _ = negotiate(DOCUMENT_FORMATS, request.accept_mimetypes, suffix)
    body = serialize_graph(data_triples(endpoint, iri), fmt)
    return Response(body, mimetype=fmt.media_type, headers={"Link": links})


def _not_found(iri: str) -> Response:
    endpoint = current_endpoint()
    ancestor = nearest_ancestor(endpoint, iri)
    nearby = children(endpoint, ancestor) if ancestor else []
    if not _wants_html():
        hint = f" The nearest existing resource is <{ancestor}>." if ancestor else ""
        return Response(f"No resource <{iri}> in this dataset.{hint}\n", status=404, mimetype="text/plain")
    page = render_template("not_found.html", iri=iri, ancestor=ancestor, nearby=nearby)
    return Response(page, status=404, mimetype="text/html")


def _wants_html() -> bool:
    if "Accept" not in request.headers:
        return True
    return request.accept_mimetypes.quality("text/html") > 0
