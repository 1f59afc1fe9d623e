"""Every IRI minted under the base resolves: 303 to a page or data document, pages that tell the whole
story of a resource, helpful 404s, named graphs, the dataset, the ontology, the dumps and the home page."""

from __future__ import annotations

import re

import pytest
import rdflib
import requests

from tests.server.conftest import BASE

ACTION_PATH = "/id/document/gcm-zero-draft-plus/objective/7/action/c"
ACTION = BASE + ACTION_PATH[1:]
PARIS = "/id/instrument/paris-agreement"


def get(server, path, accept=None, headers=None, **kwargs):
    headers = {**({"Accept": accept} if accept else {}), **(headers or {})}
    return requests.get(server + path, headers=headers, allow_redirects=False, timeout=30, **kwargs)


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [
        ("text/html", ".html"),
        ("text/turtle", ".ttl"),
        ("application/ld+json", ".jsonld"),
        ("application/n-triples", ".nt"),
        ("application/rdf+xml", ".rdf"),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", ".jsonld"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ".html"),
    ],
)
def test_iri_answers_303_per_accept(server, accept, suffix):
    response = get(server, ACTION_PATH, accept)
    assert response.status_code == 303
    assert response.headers["Location"] == ACTION_PATH + suffix
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("suffix", "rdf_format"), [(".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt"), (".rdf", "xml")]
)
def test_data_documents_describe_the_resource(server, suffix, rdf_format):
    response = get(server, ACTION_PATH + suffix)
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format=rdf_format)
    subject = rdflib.URIRef(ACTION)
    assert "objective 7, action (c)" in str(graph.value(subject, rdflib.RDFS.label))
    assert (None, None, subject) in graph  # inverse links are part of the document
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_action_page_shows_text_parents_provenance_and_formats(server):
    page = get(server, ACTION_PATH + ".html").text
    assert "<h1>Zero Draft Plus, objective 7, action (c)</h1>" in page
    assert "Establish comprehensive policies on migrants in vulnerable situations" in page
    assert 'href="/id/document/gcm-zero-draft-plus/objective/7"' in page
    assert 'href="/id/document/gcm-zero-draft-plus"' in page
    assert re.search(r"sources/com-2018-167-de-with-annex-gcm-zero-draft-plus-en\.txt</a>\s*characters \d+–\d+", page)
    assert 'href="/ontology#Action"' in page
    for suffix in (".ttl", ".jsonld", ".nt", ".rdf"):
        assert f'href="{ACTION_PATH}{suffix}"' in page


def test_objective_page_lists_its_actions(server):
    page = get(server, "/id/document/gcm-zero-draft-plus/objective/7.html").text
    assert "Referenced by" in page
    for letter in "abcdefgh":
        assert f'href="/id/document/gcm-zero-draft-plus/objective/7/action/{letter}"' in page


def test_instrument_page_shows_every_part_citing_it(server):
    page = get(server, PARIS + ".html").text
    assert "<h1>Paris Agreement</h1>" in page
    for part in ("gcm-zero-draft-plus/paragraph/2", "gcm-zero-draft-plus/objective/2/action/a"):
        assert f'href="/id/document/{part}"' in page


def test_every_kind_of_minted_iri_resolves(server):
    rows = requests.get(
        server + "/sparql",
        params={
            "query": f"""SELECT (SAMPLE(?s) AS ?example) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }}
                         GROUP BY (REPLACE(STR(?s), "[0-9]+", "N"))"""
        },
    ).json()["results"]["bindings"]
    assert len(rows) > 20
    for row in rows:
        path = row["example"]["value"].removeprefix(BASE)
        assert get(server, "/" + path + ".html").status_code == 200, path


def test_named_graphs_and_the_dataset_resolve(server):
    graph_page = get(server, "/graph/gcm-zero-draft-plus.html")
    assert graph_page.status_code == 200 and "void:triples" in graph_page.text
    assert (
        get(server, "/graph/gcm-zero-draft-plus", "text/turtle").headers["Location"] == "/graph/gcm-zero-draft-plus.ttl"
    )
    dataset = rdflib.Graph().parse(data=get(server, "/dataset.ttl").text, format="turtle")
    assert (
        rdflib.URIRef(BASE + "dataset"),
        rdflib.RDF.type,
        rdflib.URIRef("http://rdfs.org/ns/void#Dataset"),
    ) in dataset


def test_unknown_iri_is_a_helpful_404(server):
    response = get(server, "/id/document/gcm-zero-draft-plus/objective/99", "text/html")
    assert response.status_code == 404
    assert 'href="/id/document/gcm-zero-draft-plus"' in response.text
    assert get(server, "/id/no-such-thing", "text/turtle").status_code == 404
    assert get(server, "/id/x%3E%20%7D%20DROP%20ALL", "text/html").status_code == 404


def test_ontology_page_and_term_redirects(server):
    page = get(server, "/ontology").text
    assert 'id="Action"' in page and 'id="Objective"' in page
    redirect = get(server, "/ontology/Action", "text/html")
    assert redirect.status_code == 303 and redirect.headers["Location"] == "/ontology#Action"
    turtle = get(server, "/ontology", "text/turtle")
    assert turtle.headers["Content-Type"].startswith("text/turtle")
    rdflib.Graph().parse(data=turtle.text, format="turtle")


def test_dumps_with_etag_last_modified_and_no_traversal(server):
    listing = get(server, "/dumps/").text
    assert 'href="/dumps/gcm.trig"' in listing and 'href="/dumps/void.ttl"' in listing
    dump = get(server, "/dumps/gcm.trig")
    assert dump.status_code == 200 and dump.headers["Content-Type"].startswith("application/trig")
    assert dump.headers["ETag"] and dump.headers["Last-Modified"]
    assert get(server, "/dumps/gcm.trig", headers={"If-None-Match": dump.headers["ETag"]}).status_code == 304
    for path in (
        "/dumps/../pyproject.toml",
        "/dumps/%2e%2e/pyproject.toml",
        "/dumps/..%2fpyproject.toml",
        "/dumps//etc/passwd",
    ):
        response = get(server, path)
        assert response.status_code in (404, 308, 301), path
        assert "[project]" not in response.text and "root:" not in response.text


def test_home_page(server):
    page = get(server, "/").text
    assert "Global Compact" in page
    assert 'href="/id/document/gcm-zero-draft-plus"' in page
    assert 'href="/query"' in page and 'href="/dumps/"' in page and 'href="/ontology"' in page
    assert re.search(r"[\d,]{6,} triples", page)


def test_healthz_and_security_headers(server):
    assert get(server, "/healthz").json()["status"] == "ok"
    page = get(server, "/")
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
