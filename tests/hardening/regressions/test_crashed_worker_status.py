"""What broke: a query whose worker died while evaluating it (a native crash, the kernel's OOM killer, the
worker's memory cap) was answered 500 Internal Server Error with no hint of what happened. The server
itself is fine and has already started a replacement: the failure is the query engine's, a process behind
the server, which is what 502 Bad Gateway says. The message now says so, names the signal, and suggests
what to do; the next query is answered."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from gcm_graph.server import create_app
from gcm_graph.store.embedded import EmbeddedStore

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.mark.parametrize("signal_number", [signal.SIGSEGV, signal.SIGKILL])
def test_a_worker_dying_mid_query_is_a_502_that_says_what_happened(hardening_dist, signal_number):
    store = EmbeddedStore(hardening_dist, workers=1)
    try:
        client = create_app({"data": hardening_dist}, store=store).test_client()
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
        threading.Timer(0.5, os.kill, (store.worker_pids[0], signal_number)).start()
        response = client.post("/sparql", data={"query": RUNAWAY})
        assert response.status_code == 502
        assert response.mimetype == "text/plain"
        message = response.get_data(as_text=True)
        assert "query engine stopped" in message and signal.Signals(signal_number).name in message
        assert "restarted" in message
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    finally:
        store.close()
