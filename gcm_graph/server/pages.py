"""Human pages: the home page, the query page and the ontology page.

The query page's examples are the project cookbook (``gcm_graph.cookbook``), the same files
the README shows and the tests run, so an example on the page cannot silently rot.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, redirect, render_template, request

from gcm_graph.config import ONTOLOGY_NAMESPACE
from gcm_graph.cookbook import load_cookbook
from gcm_graph.server.endpoint import current_endpoint
from gcm_graph.server.ontology import load_ontology

blueprint = Blueprint("pages", __name__)


@blueprint.route("/")
def home() -> str:
    endpoint = current_endpoint()
    return render_template("home.html", facts=endpoint.facts, settings=endpoint.settings, examples=load_cookbook())


@blueprint.route("/query")
def query_page() -> str:
    examples = load_cookbook()
    initial = request.args.get("query") or (examples[0].query if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    endpoint = current_endpoint()
    return render_template(
        "query.html",
        examples=examples,
        initial=initial,
        settings=endpoint.settings,
        iri_base=endpoint.base,
        ontology_namespace=ONTOLOGY_NAMESPACE,
    )


@blueprint.route("/ontology")
def ontology_page() -> Response:
    ontology = load_ontology(current_endpoint().settings["ontology"])
    if request.args.get("format") in ("ttl", "turtle") or _prefers_turtle():
        return Response(ontology.turtle, mimetype="text/turtle", headers={"Vary": "Accept"})
    response = Response(render_template("ontology.html", ontology=ontology), mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


@blueprint.route("/ontology.ttl")
def ontology_turtle() -> Response:
    return Response(load_ontology(current_endpoint().settings["ontology"]).turtle, mimetype="text/turtle")


@blueprint.route("/ontology/<name>")
def ontology_term(name: str) -> Response:
    """Ontology term IRIs (``.../ontology/Term``) resolve to the term's anchor on the ontology page.

    The name is quoted: it comes from the URL and goes into a header.
    """
    target = "/ontology.ttl" if _prefers_turtle() else f"/ontology#{quote(name, safe='')}"
    return redirect(request.script_root + target, 303)


def _prefers_turtle() -> bool:
    accept = request.accept_mimetypes
    return "Accept" in request.headers and accept.quality("text/turtle") > accept.quality("text/html")
