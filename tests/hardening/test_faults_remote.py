"""Faults of the remote store, during requests: stopped, frozen, or answering garbage.

The endpoint must answer 502 (the store failed) or 504 (the store did not answer in time) with a message,
never 500 and never hang, and recover on its own as soon as the store is back. The stopped and frozen
store is a real ``oxigraph serve`` (stopped with SIGTERM, frozen with SIGSTOP); garbage comes from
``FaultyStore``, which otherwise forwards to that same Oxigraph.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
import requests

from tests.hardening.conftest import Watched
from tests.hardening.faulty_store import MODES, SLOW, FaultyStore
from tests.server.conftest import Canary, LiveServer, OxigraphServer

TIMEOUT = 2  # --query-timeout of the servers here
ASK = {"query": "ASK { ?s ?p ?o }"}
PAGE = "/id/document/gcm-zero-draft-plus/objective/7/action/c.html"


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory, hardening_dist) -> OxigraphServer:
    store = OxigraphServer(tmp_path_factory.mktemp("oxigraph-faults")).start()
    try:
        store.load(hardening_dist)
        yield store
    finally:
        if store.process is not None and store.process.poll() is None:
            os.kill(store.process.pid, signal.SIGCONT)
        store.stop()


def fronting(url: str, log) -> LiveServer:
    return LiveServer("--store", url, "--query-timeout", str(TIMEOUT), log=log)


@pytest.fixture(scope="module")
def direct(oxigraph, tmp_path_factory) -> Watched:
    live = fronting(oxigraph.url + "/query", tmp_path_factory.mktemp("logs") / "remote-direct.log")
    try:
        yield Watched(live)
    finally:
        live.stop()


@pytest.fixture(scope="module")
def canary():
    listener = Canary()
    yield listener
    listener.close()


@pytest.fixture(scope="module")
def faulty(oxigraph, canary, tmp_path_factory):
    store = FaultyStore(oxigraph.url + "/query", redirect_to=canary.url)
    live = fronting(store.url, tmp_path_factory.mktemp("logs") / "remote-faulty.log")
    try:
        yield store, Watched(live)
    finally:
        live.stop()
        store.close()


def assert_failure(response: requests.Response, status: int, words: str) -> None:
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert words in response.text, response.text[:500]


def test_a_stopped_store_is_a_502_and_the_endpoint_recovers_when_it_returns(direct, oxigraph):
    direct.still_answers()
    oxigraph.stop()
    try:
        assert_failure(requests.get(direct.url + "/sparql", params=ASK, timeout=30), 502, "could not be reached")
        page = requests.get(direct.url + PAGE, timeout=30)
        assert_failure(page, 502, "could not be reached")
        assert page.headers["Content-Type"].startswith("text/html")
        assert requests.get(direct.url + "/healthz", timeout=30).status_code == 503
    finally:
        oxigraph.start()
    direct.still_answers()
    assert requests.get(direct.url + PAGE, timeout=30).status_code == 200
    direct.assert_healthy()


def test_a_frozen_store_is_a_504_within_twice_the_timeout_and_the_endpoint_recovers(direct, oxigraph):
    direct.still_answers()
    os.kill(oxigraph.process.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        response = requests.get(direct.url + "/sparql", params=ASK, timeout=30)
        elapsed = time.monotonic() - started
        assert_failure(response, 504, f"did not answer within {TIMEOUT} s")
        assert TIMEOUT <= elapsed < 2 * TIMEOUT + 1
    finally:
        os.kill(oxigraph.process.pid, signal.SIGCONT)
    direct.still_answers()
    direct.assert_healthy()


@pytest.mark.parametrize("mode", MODES)
def test_a_store_answering_garbage_is_a_502_or_504_with_a_message(faulty, mode):
    store, server = faulty
    server.still_answers()
    store.mode = mode
    try:
        started = time.monotonic()
        response = requests.post(server.url + "/sparql", data=ASK, timeout=30)
        elapsed = time.monotonic() - started
    finally:
        store.mode = "proxy"
    if mode in SLOW:
        assert_failure(response, 504, "did not answer")
        assert elapsed < 2 * TIMEOUT + 1
    else:
        assert_failure(response, 502, "store")
    assert response.headers["Content-Type"].startswith("text/plain")
    server.still_answers()
    server.assert_healthy()


def test_a_redirecting_store_is_not_followed(faulty, canary):
    store, server = faulty
    store.mode = "redirect"
    try:
        assert requests.get(server.url + "/sparql", params=ASK, timeout=30).status_code == 502
    finally:
        store.mode = "proxy"
    time.sleep(0.3)
    assert canary.connections == []
