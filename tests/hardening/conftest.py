"""Hardening: fuzzing, load and faults against real servers on loopback (docs/hardening.md).

Every server here is ``serve.py`` under waitress in a subprocess (``tests.server.conftest.LiveServer``),
so hostile input reaches the native SPARQL parser through the same process boundary as in
production, and a crash anywhere (server, query worker, remote Oxigraph) is seen and fails the test.

Budgets: the suite runs bounded fuzzers (hypothesis profile ``suite``) and a short load test; the
longer runs documented in docs/hardening.md use ``GCM_FUZZ_PROFILE=long`` and ``GCM_LOAD_SECONDS``,
``GCM_LOAD_CLIENTS``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psutil
import pytest
import requests
from hypothesis import HealthCheck, settings

from tests.server.conftest import LiveServer, OxigraphServer, hostile_app  # noqa: F401 (fixture)

FUZZ_PROFILE = os.environ.get("GCM_FUZZ_PROFILE", "suite")
LONG_FACTOR = 25  # the long run tries this many times more examples per fuzzer
FUZZ_TIMEOUT = 2  # seconds a fuzzed query may run: long enough for every cookbook query, short enough to fuzz fast
CRASH_MARKERS = ("crashed; replacing", "Traceback (most recent call last)", "Exception on ")

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("suite", deadline=None, suppress_health_check=_SLOW_IS_FINE, print_blob=True)
settings.register_profile("long", deadline=None, suppress_health_check=_SLOW_IS_FINE, print_blob=True)
settings.load_profile(FUZZ_PROFILE)


def budget(suite_examples: int) -> settings:
    """One fuzzer's examples: ``suite_examples`` in the suite, ``LONG_FACTOR`` times more with GCM_FUZZ_PROFILE=long."""
    return settings(max_examples=suite_examples * (LONG_FACTOR if FUZZ_PROFILE == "long" else 1))


class Watched:
    """A live server and the processes behind it, checked between requests: the server, its query workers and
    the remote store are alive, and the log shows no crashed worker and no unhandled exception."""

    def __init__(self, live: LiveServer, store: OxigraphServer | None = None):
        self.live = live
        self.url = live.url
        self.store = store
        self._offset = 0

    def new_log(self) -> str:
        with self.live.log.open("rb") as log:
            log.seek(self._offset)
            text = log.read()
        self._offset += len(text)
        return text.decode("utf-8", "replace")

    def revive_store(self) -> None:
        """Start the remote store again if an earlier example killed it, so each example is judged alone and
        hypothesis can shrink a crashing query instead of blaming whatever it tries next."""
        if self.store is not None and self.store.process.poll() is not None:
            self.store.start()

    def assert_healthy(self) -> None:
        assert self.live.process.poll() is None, f"the server exited with {self.live.process.returncode}"
        if self.store is not None:
            assert self.store.process.poll() is None, f"the Oxigraph store exited with {self.store.process.returncode}"
        log = self.new_log()
        for marker in CRASH_MARKERS:
            assert marker not in log, f"server log shows {marker!r}:\n{log[-3000:]}"

    def workers(self) -> list[psutil.Process]:
        """The query worker processes (multiprocessing spawn children; not the resource tracker)."""
        children = psutil.Process(self.live.process.pid).children()
        return [child for child in children if "spawn_main" in " ".join(child.cmdline())]

    def memory_bytes(self) -> int:
        """Resident memory of the server and all its descendants."""
        server = psutil.Process(self.live.process.pid)
        total = 0
        for process in [server, *server.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total

    def still_answers(self) -> None:
        response = requests.get(self.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert response.status_code == 200 and response.json()["boolean"] is True, response.text


@pytest.fixture(scope="session")
def hardening_dist(built_dist, tmp_path_factory) -> Path:
    """A copy of the built dataset in a directory of its own, next to a file no request may ever read."""
    root = tmp_path_factory.mktemp("hardening")
    shutil.copytree(built_dist, root / "dist")
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return root / "dist"


SECRET = "gcm-hardening-secret-8c1f0d"  # content of a file beside dist/: a response holding it is a traversal


@pytest.fixture(scope="session")
def embedded(hardening_dist, tmp_path_factory) -> Watched:
    """The embedded-store endpoint with production settings except a short query timeout, shared by the
    hardening tests; a test that crashes workers on purpose reads the log (``new_log``) to own the lines."""
    live = LiveServer(
        "--data",
        str(hardening_dist),
        "--query-timeout",
        str(FUZZ_TIMEOUT),
        log=tmp_path_factory.mktemp("logs") / "hardening-embedded.log",
    )
    try:
        yield Watched(live)
    finally:
        live.stop()


@pytest.fixture(scope="session")
def remote(hardening_dist, tmp_path_factory) -> Watched:
    """The remote-backend endpoint in front of a real ``oxigraph serve`` loaded with the dataset, shared like
    ``embedded``; the SPARQL fuzzer restarts the store if an example kills it."""
    oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph-fuzz")).start()
    live = None
    try:
        oxigraph.load(hardening_dist)
        live = LiveServer(
            "--store",
            oxigraph.url + "/query",
            "--query-timeout",
            str(FUZZ_TIMEOUT),
            log=tmp_path_factory.mktemp("logs") / "hardening-remote.log",
        )
        yield Watched(live, store=oxigraph)
    finally:
        if live is not None:
            live.stop()
        oxigraph.stop()
