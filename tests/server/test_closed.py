"""No query makes the server contact anything: SERVICE, FROM, FROM NAMED and dataset parameters naming a
canary listener on loopback are refused, and the canary receives nothing, on both backends.

The embedded backend has a second wall: its query workers live in an empty network namespace,
so even a SERVICE call that got past the guard cannot leave (tested by bypassing the guard).
"""

from __future__ import annotations

import time

import pytest
import requests

from gcm_graph.store import DatasetSelection, StoreError
from gcm_graph.store.embedded import EmbeddedStore


def hostile_requests(canary_url: str) -> list[tuple[dict, int]]:
    prefix = canary_url.rsplit("/", 1)[0] + "/"
    return [
        ({"query": f"SELECT * WHERE {{ SERVICE <{canary_url}> {{ ?s ?p ?o }} }}"}, 403),
        ({"query": f"SELECT * WHERE {{ SERVICE SILENT <{canary_url}> {{ ?s ?p ?o }} }}"}, 403),
        ({"query": f"PREFIX c: <{prefix}> SELECT * WHERE {{ SERVICE c:sparql {{ ?s ?p ?o }} }}"}, 403),
        ({"query": f"BASE <{prefix}> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}"}, 403),
        ({"query": f"SELECT * WHERE {{ \\u0053ERVICE <{canary_url}> {{ ?s ?p ?o }} }}"}, 403),
        ({"query": f'SELECT * WHERE {{ BIND(IRI("{canary_url}") AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}'}, 403),
        ({"query": f"SELECT * FROM <{canary_url}> WHERE {{ ?s ?p ?o }}"}, 400),
        ({"query": f"SELECT * FROM NAMED <{canary_url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}, 400),
        ({"query": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{canary_url}> WHERE {{ ?s ?p ?o }}"}, 400),
        ({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": canary_url}, 400),
        ({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "named-graph-uri": canary_url}, 400),
        ({"query": f"LOAD <{canary_url}>"}, 403),
        ({"query": f"DESCRIBE <{canary_url}>"}, 200),
    ]


@pytest.mark.parametrize("backend", ["server", "remote_server"])
def test_no_query_reaches_the_canary(request, backend, canary):
    url = request.getfixturevalue(backend) + "/sparql"
    for params, status in hostile_requests(canary.url):
        for response in (requests.get(url, params=params), requests.post(url, data=params)):
            assert response.status_code == status, (params, response.text)
            if status != 200:
                assert (
                    "graph of this dataset" in response.text
                    or "not allowed" in response.text
                    or ("read-only" in response.text)
                )
    time.sleep(0.5)
    assert canary.connections == []


def test_query_workers_have_no_network(served_dist, canary):
    store = EmbeddedStore(served_dist, workers=1)
    try:
        if not store.network_isolated:
            pytest.skip("this kernel does not let the worker leave the network")
        query = f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}"
        with pytest.raises(StoreError, match="unreachable"):
            store.query(query, DatasetSelection(), 5, 10)
    finally:
        store.close()
    time.sleep(0.5)
    assert canary.connections == []
