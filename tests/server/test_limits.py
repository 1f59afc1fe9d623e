"""Limits that hold: a runaway query is stopped while other clients keep being served; hostile input
(deep nesting, oversized bodies and headers) gets a 4xx and the server keeps answering."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time

import pytest
import requests

from gcm_graph.store import DatasetSelection
from gcm_graph.store.embedded import EmbeddedStore, EngineCrash
from tests.server.conftest import QUERY_TIMEOUT

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SIMPLE = "ASK { ?s a <https://w3id.org/gcm-graph/ontology/Action> }"
NESTED = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000


def still_answers(server: str) -> None:
    assert requests.get(server + "/sparql", params={"query": SIMPLE}, timeout=10).json()["boolean"] is True


def test_runaway_query_is_stopped_while_other_clients_are_served(server):
    outcome = {}

    def runaway():
        started = time.monotonic()
        outcome["response"] = requests.post(server + "/sparql", data={"query": RUNAWAY}, timeout=60)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    latencies = []
    while thread.is_alive() and len(latencies) < 20:
        started = time.monotonic()
        response = requests.get(server + "/sparql", params={"query": SIMPLE}, timeout=10)
        latencies.append(time.monotonic() - started)
        assert response.status_code == 200
        time.sleep(0.1)
    thread.join()
    assert latencies and max(latencies) < 1.0, latencies
    assert outcome["response"].status_code == 503
    assert "stopped" in outcome["response"].text
    assert outcome["response"].headers["Retry-After"]
    assert outcome["seconds"] >= QUERY_TIMEOUT
    still_answers(server)


def test_deeply_nested_query_is_refused_and_the_server_keeps_answering(server):
    for send in (
        lambda: requests.post(server + "/sparql", data={"query": NESTED}),
        lambda: requests.post(
            server + "/sparql", data=NESTED.encode(), headers={"Content-Type": "application/sparql-query"}
        ),
        lambda: requests.get(server + "/sparql", params={"query": "SELECT * WHERE { FILTER(" + "(" * 3000 + ")}"}),
    ):
        response = send()
        assert response.status_code == 400
        assert "nests brackets more than" in response.text
    still_answers(server)


def test_overlong_query_is_refused(server):
    response = requests.post(server + "/sparql", data={"query": "ASK {}" + " " * 60_000})
    assert response.status_code == 400 and "characters long" in response.text
    still_answers(server)


def test_huge_header_is_refused_and_the_server_keeps_answering(server):
    response = requests.get(server + "/healthz", headers={"X-Filler": "a" * 200_000})
    assert 400 <= response.status_code < 500
    still_answers(server)


def test_unterminated_request_does_not_block_others(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as slow:
        slow.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nquery=")
        still_answers(server)


def test_a_crashed_worker_is_replaced(served_dist):
    """A native crash (simulated with SIGSEGV) fails one query with 502 and nothing else."""
    store = EmbeddedStore(served_dist, workers=1)
    try:
        pid = store.worker_pids[0]
        threading.Timer(0.5, os.kill, (pid, signal.SIGSEGV)).start()
        with pytest.raises(EngineCrash):
            store.query(RUNAWAY, DatasetSelection(), 30, 10)
        assert store.query(SIMPLE, DatasetSelection(), 30, 10).value is True
        assert store.worker_pids != [pid]
    finally:
        store.close()
