"""SPARQL 1.1 Protocol at /sparql over HTTP with ``requests``: operations, datasets, formats, status codes."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib
import requests

from tests.server.conftest import BASE, MAX_ROWS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ACTION = BASE + "id/document/gcm-zero-draft-plus/objective/7/action/c"
ZERO_DRAFT_GRAPH = BASE + "graph/gcm-zero-draft-plus"
ONTOLOGY_GRAPH = BASE + "graph/ontology"
JSON = "application/sparql-results+json"


def count(response: requests.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_body_give_the_same_answer(server):
    sparql = server + "/sparql"
    by_get = requests.get(sparql, params={"query": COUNT}, headers={"Accept": JSON})
    by_form = requests.post(sparql, data={"query": COUNT}, headers={"Accept": JSON})
    by_body = requests.post(
        sparql, data=COUNT.encode(), headers={"Content-Type": "application/sparql-query", "Accept": JSON}
    )
    assert count(by_get) == count(by_form) == count(by_body) > 10_000
    assert by_get.headers["Content-Type"].startswith(JSON)


def test_default_graph_is_the_union_of_named_graphs(server):
    union = count(requests.get(server + "/sparql", params={"query": COUNT}))
    per_graph = requests.get(
        server + "/sparql",
        params={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"},
    ).json()["results"]["bindings"]
    graphs = {row["g"]["value"]: int(row["n"]["value"]) for row in per_graph}
    assert ZERO_DRAFT_GRAPH in graphs and ONTOLOGY_GRAPH in graphs
    assert union == sum(graphs.values())


def test_default_graph_uri_and_named_graph_uri_select_the_dataset(server):
    only_ontology = requests.get(server + "/sparql", params={"query": COUNT, "default-graph-uri": ONTOLOGY_GRAPH})
    graphs = requests.get(
        server + "/sparql",
        params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": ZERO_DRAFT_GRAPH},
    ).json()["results"]["bindings"]
    assert 0 < count(only_ontology) < 2000
    assert [row["g"]["value"] for row in graphs] == [ZERO_DRAFT_GRAPH]


def test_from_selects_a_graph_of_the_dataset(server):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH}> WHERE {{ ?s ?p ?o }}"
    via_param = requests.get(server + "/sparql", params={"query": COUNT, "default-graph-uri": ONTOLOGY_GRAPH})
    assert count(requests.get(server + "/sparql", params={"query": query})) == count(via_param)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/json"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_accept_with_q_values(server, accept, media_type):
    query = f"SELECT ?label WHERE {{ <{ACTION}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    response = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    assert "objective 7, action (c)" in response.text


def test_every_select_format_parses(server):
    query = f"SELECT ?p ?o WHERE {{ <{ACTION}> ?p ?o }} ORDER BY ?p"
    get = lambda fmt: requests.get(server + "/sparql", params={"query": query, "format": fmt})  # noqa: E731
    bindings = get("json").json()["results"]["bindings"]
    rows = list(csv.reader(io.StringIO(get("csv").text)))
    tsv = get("tsv").text.splitlines()
    xml = ET.fromstring(get("xml").content)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert rows[0] == ["p", "o"] and len(rows) - 1 == len(bindings) == len(tsv) - 1
    assert tsv[0] == "?p\t?o"
    assert len(xml.findall(".//r:result", ns)) == len(bindings)
    label = next(b for b in bindings if b["p"]["value"].endswith("#label"))
    assert label["o"]["xml:lang"] == "en"


def test_ask(server):
    for fmt, expected in (("json", '"boolean": true'), ("xml", "<boolean>true</boolean>")):
        response = requests.get(server + "/sparql", params={"query": f"ASK {{ <{ACTION}> ?p ?o }}", "format": fmt})
        assert expected in response.text


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/trig", "trig"),
        ("application/n-quads", "nquads"),
    ],
)
def test_construct_in_every_rdf_format_is_the_same_graph(server, accept, rdflib_format):
    query = f"CONSTRUCT {{ <{ACTION}> ?p ?o }} WHERE {{ <{ACTION}> ?p ?o }}"
    response = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == accept
    if rdflib_format in ("trig", "nquads"):
        graph = rdflib.Dataset()
        graph.parse(data=response.text, format=rdflib_format)
        triples = {(s, p, o) for s, p, o, _ in graph.quads()}
    else:
        triples = set(rdflib.Graph().parse(data=response.text, format=rdflib_format))
    reference = set(rdflib.Graph().parse(data=_turtle(server, query), format="turtle"))
    assert triples == reference and len(reference) >= 5


def _turtle(server, query):
    return requests.get(server + "/sparql", params={"query": query, "format": "turtle"}).text


def test_describe(server):
    response = requests.get(server + "/sparql", params={"query": f"DESCRIBE <{ACTION}>", "format": "nt"})
    assert ACTION in response.text and response.headers["Content-Type"].startswith("application/n-triples")


def test_malformed_query_is_400_with_the_parsers_position(server):
    response = requests.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "1:" in response.text and "syntax" in response.text.lower()


def test_unacceptable_format_is_406(server):
    response = requests.get(server + "/sparql", params={"query": COUNT}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
    assert requests.get(server + "/sparql", params={"query": COUNT, "format": "pdf"}).status_code == 406


def test_unsupported_content_type_is_415(server):
    response = requests.post(server + "/sparql", data=COUNT, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_oversized_body_is_413(server):
    response = requests.post(server + "/sparql", data={"query": "#" * 2_000_000})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "send",
    [
        lambda url: requests.get(url, params={"update": "DROP ALL"}),
        lambda url: requests.post(url, data={"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}),
        lambda url: requests.post(url, data="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        lambda url: requests.post(url, data={"query": "LOAD <http://127.0.0.1:9/x>"}),
        lambda url: requests.post(url, data={"query": "INSERT DATA { <a:a> <a:b> <a:c> }"}),
    ],
)
def test_updates_are_refused_as_read_only(server, send):
    response = send(server + "/sparql")
    assert response.status_code == 403
    assert "read-only" in response.text


def test_two_queries_or_none_is_400(server):
    response = requests.get(server + "/sparql", params=[("query", COUNT), ("query", COUNT)])
    assert response.status_code == 400
    assert requests.post(server + "/sparql", data={"format": "json"}).status_code == 400


def test_row_cap_truncates_with_a_visible_signal(server):
    response = requests.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert response.headers["X-SPARQL-Max-Rows"] == str(MAX_ROWS)
    small = requests.get(server + "/sparql", params={"query": COUNT})
    assert "X-SPARQL-Truncated" not in small.headers


def test_cors_on_query_route_without_credentials(server):
    response = requests.get(server + "/sparql", params={"query": COUNT}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    preflight = requests.options(
        server + "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]


def test_query_time_is_reported(server):
    response = requests.get(server + "/sparql", params={"query": COUNT})
    assert response.headers["Server-Timing"].startswith("query;dur=")


def test_service_description(server):
    response = requests.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    endpoint = rdflib.URIRef(server + "/sparql")
    assert (endpoint, sd.endpoint, endpoint) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (endpoint, sd.feature, sd.UnionDefaultGraph) in graph
    assert len(set(graph.objects(endpoint, sd.resultFormat))) == 10
    dataset = graph.value(endpoint, sd.defaultDataset)
    names = {str(graph.value(named, sd.name)) for named in graph.objects(dataset, sd.namedGraph)}
    assert ZERO_DRAFT_GRAPH in names
    assert graph.value(graph.value(dataset, sd.defaultGraph), void.triples).toPython() > 10_000
    as_jsonld = requests.get(server + "/sparql", headers={"Accept": "application/ld+json"})
    assert as_jsonld.headers["Content-Type"].startswith("application/ld+json")
    json.loads(as_jsonld.text)
    no_accept = requests.get(server + "/sparql", headers={"Accept": None})
    assert no_accept.headers["Content-Type"].startswith("text/turtle")


def test_browser_asking_for_sparql_gets_the_query_page(server):
    response = requests.get(server + "/sparql", headers={"Accept": "text/html,*/*;q=0.8"}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"].endswith("/query")
