"""What broke: a query worker that died while idle (killed by an operator, the kernel's OOM killer or a
crash between queries) stayed in the pool, and the next query handed to it failed with 500 "The query
engine stopped unexpectedly" although nothing was wrong with that query: killing the three idle workers
of a live server made the next three queries fail. Found by the fault tests (kill -9 of idle workers).

A worker is now checked before it is given a query; a dead one is replaced and another one is used."""

from __future__ import annotations

import os
import signal
import time

import psutil

from gcm_graph.store import DatasetSelection
from gcm_graph.store.embedded import EmbeddedStore

ASK = "ASK { ?s ?p ?o }"


def wait_until_dead(pid: int) -> None:
    """Until the kernel has ended ``pid``: a zombie (only its parent, the store, may reap it) with no thread
    left but the leader (the leader turns zombie while its other threads are still being torn down)."""
    deadline = time.monotonic() + 10
    while not (psutil.Process(pid).status() == psutil.STATUS_ZOMBIE and psutil.Process(pid).num_threads() <= 1):
        assert time.monotonic() < deadline, f"worker {pid} survived SIGKILL"
        time.sleep(0.01)


def test_queries_after_idle_workers_were_killed_are_answered(hardening_dist):
    store = EmbeddedStore(hardening_dist, workers=2)
    try:
        killed = store.worker_pids
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        for pid in killed:
            wait_until_dead(pid)
        for _ in range(4):
            assert store.query(ASK, DatasetSelection(), 30, 1).value is True
        assert not set(store.worker_pids) & set(killed)
    finally:
        store.close()
