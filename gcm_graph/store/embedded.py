"""Embedded backend: a pool of query worker processes, each with its own in-memory pyoxigraph store.

A query borrows an idle worker, and the deadline covers both the wait for a worker and the
evaluation. At the deadline the worker is killed (SIGKILL frees its CPU and memory at once)
and a replacement starts loading in the background; a worker that dies on its own (native
crash) is replaced the same way. The dataset (~20k triples) loads in well under a second, so
keeping a full copy per worker costs little and needs no shared state.

Idle workers are reused last-in, first-out: the worker that just answered is the one whose
process is still scheduled and whose caches are warm, so a steady stream of requests is served
by one hot worker instead of rotating through cold ones (docs/benchmarks.md, "Before and
after": the round trip to a worker was half the latency of a small query).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from gcm_graph.store import DatasetSelection, QuerySyntaxError, QueryTimeout, ResultRefused, StoreError
from gcm_graph.store.results import QueryResult
from gcm_graph.store.worker import data_file, serve_requests

log = logging.getLogger("gcm_graph.store")
_START_TIMEOUT = 120.0


class EngineCrash(StoreError):
    """The worker died while evaluating; it has been replaced.

    502, not 500: the server is fine, the failure is the query engine's, a process behind it.
    """

    status = 502


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    info: dict


class EmbeddedStore:
    def __init__(self, data: Path, workers: int = 3, memory_mb: int = 4096, isolate_network: bool = True):
        if not data_file(data).is_file():
            raise FileNotFoundError(f"{data_file(data)}: no such RDF file (build it with 'gcm-graph build')")
        self.data = data
        self.memory_mb = memory_mb
        self.isolate_network = isolate_network
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._start() for _ in range(max(workers, 1))]
        try:
            for worker in [self._await_ready(*pending) for pending in started]:
                self._idle.put(worker)
        except StoreError:
            for process, _ in started:
                process.kill()
            self.close()
            raise
        self.network_isolated = all(worker.info.get("network_isolated") for worker in self._all)
        if isolate_network and not self.network_isolated:
            log.warning("query workers could not leave the network; relying on the query guard alone")

    def query(self, query: str, dataset: DatasetSelection, timeout: float, max_rows: int) -> QueryResult:
        deadline = time.monotonic() + timeout
        request = {
            "query": query,
            "default_graphs": dataset.default_graphs,
            "named_graphs": dataset.named_graphs,
            "max_rows": max_rows,
        }
        worker = self._hand_over(request, deadline, timeout)
        try:
            if not worker.connection.poll(max(deadline - time.monotonic(), 0.0)):
                self._replace(worker, "timed out")
                raise QueryTimeout(f"The query ran longer than {timeout:g} s and was stopped.")
            kind, payload = worker.connection.recv()
        except (EOFError, OSError):
            ending = _ending(worker)
            self._replace(worker, f"crashed ({ending})")
            raise EngineCrash(
                f"The query engine stopped unexpectedly while evaluating this query ({ending}); it has been "
                "restarted. If the same query fails again, it needs more memory or stack than this endpoint gives."
            ) from None
        self._idle.put(worker)
        if kind == "syntax":
            raise QuerySyntaxError(payload)
        if kind == "refused":
            raise ResultRefused(payload)
        if kind == "error":
            raise StoreError(payload)
        return payload

    def _hand_over(self, request: dict, deadline: float, timeout: float) -> _Worker:
        """Send ``request`` to a live idle worker; workers found dead (killed while idle) are replaced on the way."""
        while True:
            try:
                worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                raise QueryTimeout(f"Every query worker stayed busy for {timeout:g} s; try again shortly.") from None
            if worker.process.is_alive():
                try:
                    worker.connection.send(request)
                    return worker
                except OSError:  # it died after the check: the query never reached it
                    pass
            self._replace(worker, "died while idle")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.connection.close()
            worker.process.kill()
            worker.process.join(5)

    @property
    def worker_pids(self) -> list[int]:
        with self._lock:
            return [worker.process.pid for worker in self._all]

    def _start(self) -> tuple:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve_requests,
            args=(child, str(self.data), self.isolate_network, self.memory_mb),
            name="gcm-graph-query-worker",
            daemon=True,
        )
        process.start()
        child.close()
        return process, parent

    def _await_ready(self, process, connection: Connection) -> _Worker:
        if not connection.poll(_START_TIMEOUT):
            process.kill()
            raise StoreError(f"a query worker did not load {data_file(self.data)} within {_START_TIMEOUT:g} s")
        try:
            kind, info = connection.recv()
        except EOFError:
            raise StoreError(f"a query worker died while loading {data_file(self.data)}") from None
        if kind != "ready":
            process.kill()
            raise StoreError(info)
        worker = _Worker(process, connection, info)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Kill ``worker`` now; start its successor in the background so this request can answer at once."""
        log.warning("query worker %s %s; replacing it", worker.process.pid, reason)
        worker.process.kill()
        worker.connection.close()
        with self._lock:
            self._all.discard(worker)
        threading.Thread(target=self._respawn, args=(worker,), daemon=True).start()

    def _respawn(self, dead: _Worker) -> None:
        """Start a successor until one loads: a pool that only shrinks would end with none and 503 for all."""
        dead.process.join(10)
        pause = 0.5
        while not self._closed:
            try:
                worker = self._await_ready(*self._start())
            except StoreError as error:
                log.error("could not replace a query worker (%s); trying again in %g s", error, pause)
                time.sleep(pause)
                pause = min(pause * 2, 30.0)
                continue
            if self._closed:
                worker.process.kill()
                return
            self._idle.put(worker)
            return


def _ending(worker: _Worker) -> str:
    """How a worker that hung up ended, in words: the signal that killed it, or its exit code."""
    worker.process.join(1.0)
    code = worker.process.exitcode
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
