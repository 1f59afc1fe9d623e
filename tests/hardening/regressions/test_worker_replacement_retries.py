"""What broke: when the replacement for a dead query worker died too while loading the data (killed, out
of memory, a transient failure), the store logged "could not replace a query worker" and never tried
again: the pool was one worker short for good, and once every worker had gone that way each query waited
out its deadline and got 503, with no recovery short of a restart. Found by the worker fault tests
(killing every worker at once caught a replacement while it loaded).

A failed replacement is now retried, with a growing pause (0.5 s doubling to 30 s), until it loads or the
store closes."""

from __future__ import annotations

import threading
import time

import psutil

from gcm_graph.store import DatasetSelection
from gcm_graph.store.embedded import EmbeddedStore


def new_worker(known: set[int]) -> psutil.Process:
    """The next query worker started by this process, as soon as it exists."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for child in psutil.Process().children():
            if child.pid not in known and "spawn_main" in " ".join(child.cmdline()):
                return child
        time.sleep(0.005)
    raise AssertionError("no replacement worker was started")


def test_a_replacement_that_dies_while_loading_is_replaced_in_turn(hardening_dist):
    store = EmbeddedStore(hardening_dist, workers=1)
    try:
        known = {child.pid for child in psutil.Process().children()}
        first = psutil.Process(store.worker_pids[0])
        first.kill()
        time.sleep(0.5)  # dead before the query looks at it
        answer = {}
        query = threading.Thread(
            target=lambda: answer.update(value=store.query("ASK { ?s ?p ?o }", DatasetSelection(), 30, 1).value)
        )
        query.start()
        for _ in range(2):
            replacement = new_worker(known)
            known.add(replacement.pid)
            replacement.kill()  # while it loads
        query.join(40)
        assert answer.get("value") is True
    finally:
        store.close()
