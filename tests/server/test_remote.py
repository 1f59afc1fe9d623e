"""The remote backend: the same endpoint fronting a real ``oxigraph serve`` loaded with ``gcm-graph load``."""

from __future__ import annotations

import requests

from tests.server.conftest import BASE, MAX_ROWS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(url: str, **params) -> int:
    response = requests.get(url + "/sparql", params={"query": COUNT, **params}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_remote_store_holds_the_same_dataset(server, remote_server):
    assert count(remote_server) == count(server)
    ontology = BASE + "graph/ontology"
    assert count(remote_server, **{"default-graph-uri": ontology}) == count(server, **{"default-graph-uri": ontology})


def test_remote_named_graphs_formats_and_row_cap(remote_server):
    graphs = requests.get(
        remote_server + "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}
    ).json()["results"]["bindings"]
    assert BASE + "graph/gcm-zero-draft-plus" in {row["g"]["value"] for row in graphs}
    turtle = requests.get(
        remote_server + "/sparql",
        params={"query": "CONSTRUCT WHERE { ?s a <https://w3id.org/gcm-graph/ontology/Objective> }"},
        headers={"Accept": "text/turtle"},
    )
    assert turtle.headers["Content-Type"].startswith("text/turtle") and "Objective" in turtle.text
    everything = requests.get(remote_server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(everything.json()["results"]["bindings"]) == MAX_ROWS
    assert everything.headers["X-SPARQL-Truncated"] == "true"


def test_remote_errors_and_refusals(remote_server):
    malformed = requests.get(remote_server + "/sparql", params={"query": "SELECT * WHERE { ?s"})
    assert malformed.status_code == 400
    update = requests.post(remote_server + "/sparql", data={"query": "CLEAR ALL"})
    assert update.status_code == 403
    nested = requests.post(remote_server + "/sparql", data={"query": "ASK " + "{" * 3000 + "}" * 3000})
    assert nested.status_code == 400


def test_remote_pages_resolve(remote_server):
    page = requests.get(remote_server + "/id/document/gcm-zero-draft-plus/objective/7/action/c.html")
    assert page.status_code == 200 and "objective 7, action (c)" in page.text
    assert "characters" in page.text
    home = requests.get(remote_server + "/")
    assert home.status_code == 200 and "Zero Draft Plus" in home.text
    dumps = requests.get(remote_server + "/dumps/")
    assert dumps.status_code == 200 and "remote store" in dumps.text


def test_remote_runaway_query_gets_504(remote_server):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = requests.post(remote_server + "/sparql", data={"query": runaway}, timeout=60)
    assert response.status_code == 504 and "did not answer within" in response.text
