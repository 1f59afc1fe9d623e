"""Faults of the embedded store's query workers, on a live server: killed mid-query, killed while idle,
out of memory. Each costs at most the query it was running (502 with a message), other clients keep
being answered, and the pool refills on its own."""

from __future__ import annotations

import os
import signal
import threading
import time

import psutil
import requests

from tests.hardening.conftest import Watched
from tests.server.conftest import LiveServer

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
GREEDY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"  # sorts 19,000^2 rows: memory, fast


def busy_worker(server: Watched) -> psutil.Process:
    """The worker using the CPU right now."""
    workers = server.workers()
    before = {worker.pid: sum(worker.cpu_times()[:2]) for worker in workers}
    time.sleep(0.3)
    return max(workers, key=lambda worker: sum(worker.cpu_times()[:2]) - before[worker.pid])


def wait_until_dead(process: psutil.Process) -> None:
    """Until the kernel has ended it (a zombie with only its leader thread left; the server reaps it)."""
    deadline = time.monotonic() + 10
    while process.is_running() and not (process.status() == psutil.STATUS_ZOMBIE and process.num_threads() <= 1):
        assert time.monotonic() < deadline, f"worker {process.pid} survived SIGKILL"
        time.sleep(0.01)


def wait_for_full_pool(server: Watched, size: int = 3) -> None:
    deadline = time.monotonic() + 30
    while len(server.workers()) < size:
        assert time.monotonic() < deadline, "the worker pool did not refill"
        time.sleep(0.1)


def test_a_worker_killed_mid_query_fails_that_query_alone(embedded: Watched):
    wait_for_full_pool(embedded)
    outcome = {}
    runaway = threading.Thread(
        target=lambda: outcome.update(response=requests.post(embedded.url + "/sparql", data={"query": RUNAWAY}))
    )
    runaway.start()
    time.sleep(0.3)
    victim = busy_worker(embedded)
    victim.send_signal(signal.SIGKILL)
    for _ in range(5):
        embedded.still_answers()
    runaway.join(30)
    response = outcome["response"]
    assert response.status_code == 502, response.text
    assert "killed by SIGKILL" in response.text and "restarted" in response.text
    assert f"query worker {victim.pid} crashed (killed by SIGKILL)" in embedded.new_log()
    wait_for_full_pool(embedded)
    embedded.assert_healthy()


def test_workers_killed_while_idle_cost_no_query(embedded: Watched):
    wait_for_full_pool(embedded)
    workers = embedded.workers()
    for worker in workers:
        os.kill(worker.pid, signal.SIGKILL)
    for worker in workers:
        wait_until_dead(worker)
    for _ in range(6):
        embedded.still_answers()
    assert "died while idle; replacing it" in embedded.new_log()
    wait_for_full_pool(embedded)
    assert not {worker.pid for worker in embedded.workers()} & {worker.pid for worker in workers}
    embedded.assert_healthy()


def test_a_greedy_query_fails_alone_under_the_memory_cap(hardening_dist, tmp_path):
    live = LiveServer(
        "--data",
        str(hardening_dist),
        "--worker-memory",
        "1024",
        "--workers",
        "2",
        "--query-timeout",
        "20",
        log=tmp_path / "capped.log",
    )
    try:
        server = Watched(live)
        response = requests.post(server.url + "/sparql", data={"query": GREEDY}, timeout=60)
        assert response.status_code == 502, response.text[:300]
        assert "query engine stopped" in response.text and "memory" in response.text
        assert "crashed (killed by SIGABRT)" in server.new_log()
        server.still_answers()
        wait_for_full_pool(server, 2)
        server.assert_healthy()
    finally:
        live.stop()
