"""Fuzzing SPARQL through the real server process, on both backends.

Queries built from the cookbook and shaped around the limits (``strategies.sparql_queries``) go to
``/sparql`` by GET, form POST and body POST, so they reach the native parser the way an attacker's would:
the embedded store's query workers and, behind the remote backend, a real ``oxigraph serve``. Every
answer must be a success, a 4xx with a message, or a timeout (503 embedded, 504 remote); and after every
example the server, its workers and the Oxigraph process must be alive, with no crashed worker and no
traceback in the log. Budgets: ``conftest.budget`` (GCM_FUZZ_PROFILE=long for the documented long run).
"""

from __future__ import annotations

import time

import requests
from hypothesis import example, given
from hypothesis import strategies as st

from tests.hardening.conftest import Watched, budget
from tests.hardening.strategies import ACCEPTS, sparql_queries

TRANSPORTS = ("get", "form", "body")
# Inputs that crashed something once (docs/hardening.md): always part of the run.
KNOWN = [
    "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "SELECT * WHERE { " + "<< " * 3000 + "?s ?p ?o" + " >> ?p ?o" * 3000 + " }",
    "ASK { FILTER(" + "||".join(["?a"] * 4000) + ") }",
    "ASK { FILTER(" + "-".join(["1"] * 2000) + ") }",
    "ASK { " + " ".join(["OPTIONAL { ?s ?p ?o }"] * 700) + " }",
    "DESCRIBE " + " ".join(f"<http://x/{i}>" for i in range(1000)),
    "SELECT ?t900 WHERE { BIND(<http://c> AS ?t0) "
    + " ".join(f"BIND(<<( <http://a> <http://b> ?t{i} )>> AS ?t{i + 1})" for i in range(900))
    + " }",
]


def send(url: str, query: str, transport: str, accept: str | None) -> requests.Response:
    # Connection: close, as requests keeps a connection open as long as its response lives, and hypothesis
    # keeps failing examples' responses: enough of them would fill waitress's 100 connections.
    headers = {"Connection": "close", **({"Accept": accept} if accept else {})}
    if transport == "get":
        return requests.get(url + "/sparql", params={"query": query}, headers=headers, timeout=60)
    if transport == "form":
        return requests.post(url + "/sparql", data={"query": query}, headers=headers, timeout=60)
    headers["Content-Type"] = "application/sparql-query"
    return requests.post(url + "/sparql", data=query.encode("utf-8", "surrogatepass"), headers=headers, timeout=60)


def check(response: requests.Response, timeout_status: int) -> None:
    status, text = response.status_code, response.text
    assert status in (200, 400, 403, 406, 413, 431, timeout_status), (status, text[:1000])
    if status >= 400:
        assert response.headers["Content-Type"].startswith("text/plain"), response.headers
        assert len(text.strip()) > 10, text
    if status == 503:
        assert "stopped" in text or "busy" in text, text
    if status == 504:
        assert "did not answer" in text, text


def fuzz(server: Watched, query: str, transport: str, accept: str | None, timeout_status: int) -> None:
    server.revive_store()
    check(send(server.url, query, transport, accept), timeout_status)
    server.assert_healthy()


def known(test):
    for query in KNOWN:
        test = example(query=query, transport="form", accept=None)(test)
    return test


@budget(300)
@given(query=sparql_queries(), transport=st.sampled_from(TRANSPORTS), accept=st.sampled_from(ACCEPTS))
@known
def test_fuzzed_sparql_never_crashes_the_embedded_backend(embedded, query, transport, accept):
    fuzz(embedded, query, transport, accept, timeout_status=503)


def test_after_fuzzing_every_embedded_worker_is_back(embedded):
    deadline = time.monotonic() + 30
    while len(embedded.workers()) < 3:
        assert time.monotonic() < deadline, "the worker pool did not refill"
        time.sleep(0.2)
    embedded.still_answers()
    embedded.assert_healthy()


@budget(200)
@given(query=sparql_queries(), transport=st.sampled_from(TRANSPORTS), accept=st.sampled_from(ACCEPTS))
@known
def test_fuzzed_sparql_never_crashes_the_remote_store(remote, query, transport, accept):
    fuzz(remote, query, transport, accept, timeout_status=504)
