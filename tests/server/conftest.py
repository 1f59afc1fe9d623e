"""Fixtures for the endpoint tests: the built dataset, live servers on free loopback ports, a canary listener.

Every server runs as a real subprocess under the production WSGI server (``serve.py``),
started once per session. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from gcm_graph.config import PROJECT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "https://w3id.org/gcm-graph/"
QUERY_TIMEOUT = 3  # seconds; small so the runaway-query test is quick
MAX_ROWS = 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 90, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text()[-2000:] if log else ""
            raise RuntimeError(f"server exited with {process.returncode}: {output}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up within {seconds} s")


def serve_command(port: int, *flags: str) -> list[str]:
    """``python serve.py --port PORT FLAGS...``, as production runs it."""
    return [sys.executable, str(PROJECT_ROOT / "serve.py"), "--port", str(port), *flags]


def server_environment() -> dict[str, str]:
    """This environment without ``GCM_GRAPH_*`` settings, so only the flags given configure a test server."""
    return {key: value for key, value in os.environ.items() if not key.startswith("GCM_GRAPH_")}


def stop_process(process: subprocess.Popen) -> None:
    """Terminate, and kill what does not stop within 10 s."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


class LiveServer:
    """``serve.py`` in a subprocess; its log goes to a file (a pipe nobody reads would fill and block it)."""

    def __init__(self, *flags: str, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = serve_command(self.port, *flags)
        with log.open("w") as sink:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=server_environment(), stdout=sink, stderr=subprocess.STDOUT
            )
        wait_until_up(self.url + "/healthz", self.process, log=log)

    def stop(self) -> None:
        stop_process(self.process)


@pytest.fixture(scope="session")
def served_dist(tmp_path_factory) -> Path:
    """The real dataset, built by ``gcm_graph.build.ensure_built`` into a directory of its own."""
    from gcm_graph.build import ensure_built

    return ensure_built(tmp_path_factory.mktemp("served") / "dist")


@pytest.fixture(scope="session")
def server(served_dist, tmp_path_factory) -> str:
    """The embedded-store endpoint over the real dataset, as served in production."""
    live = LiveServer(
        "--data",
        str(served_dist),
        "--query-timeout",
        str(QUERY_TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
        log=tmp_path_factory.mktemp("logs") / "embedded.log",
    )
    yield live.url
    live.stop()


class Canary:
    """A TCP listener on loopback that records every connection made to it: it must stay silent."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            with connection:
                connection.settimeout(1)
                try:
                    data = connection.recv(4096)
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    data = b""
            self.connections.append(data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.socket.close()


@pytest.fixture(scope="session")
def canary():
    listener = Canary()
    yield listener
    listener.close()


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary (PyPI package 'oxigraph'), or None when it is not installed."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    return binary if Path(binary).exists() else None


class OxigraphServer:
    """A real ``oxigraph serve`` (union default graph) on a fixed loopback port over an on-disk location,
    so it can be stopped and started again with the same data and URL."""

    def __init__(self, location: Path, timeout_s: int = 5):
        self.binary = oxigraph_binary()
        if self.binary is None:
            pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
        self.location = location
        self.timeout_s = timeout_s
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        command = [self.binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        command += ["--union-default-graph", "--timeout-s", str(self.timeout_s)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_up(self.url + "/query?query=ASK%7B%7D", self.process)
        return self

    def load(self, data: Path) -> None:
        """``gcm-graph load --into`` this store."""
        loaded = subprocess.run(
            [sys.executable, "-m", "gcm_graph.cli", "load", "--into", self.url + "/store", "--data", str(data)],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert loaded.returncode == 0, loaded.stderr

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory, served_dist) -> str:
    """A real ``oxigraph serve`` (union default graph), loaded with ``gcm-graph load --into``."""
    oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    try:
        oxigraph.load(served_dist)
        yield oxigraph.url
    finally:
        oxigraph.stop()


@pytest.fixture(scope="session")
def remote_server(oxigraph_url, tmp_path_factory) -> str:
    """The endpoint fronting the Oxigraph server: same protocol, same rules."""
    live = LiveServer(
        "--store",
        oxigraph_url + "/query",
        "--query-timeout",
        str(QUERY_TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
        log=tmp_path_factory.mktemp("logs") / "remote.log",
    )
    yield live.url
    live.stop()


@pytest.fixture(scope="session")
def hostile_app():
    """The app (test client) over a tiny dataset whose literals and IRIs try to inject markup and script."""
    from gcm_graph.server import create_app

    app = create_app({"data": FIXTURES / "hostile.trig", "workers": 1, "ontology": FIXTURES / "ontology"})
    yield app
    app.extensions["gcm_graph"].store.close()
