"""The systems under test, each a real server process on a free loopback port, and how to measure them.

Every server is started with the command line recorded in the results, waited for until it
answers a query, sampled for memory (resident set of the whole process tree, every 200 ms, on a
thread of the benchmark process: rarely enough not to slow the client) and
stopped in a ``finally``. Nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
OXIGRAPH = str(BIN / "oxigraph") if (BIN / "oxigraph").exists() else (shutil.which("oxigraph") or "oxigraph")
RDFLIB_ENDPOINT = str(BIN / "rdflib-endpoint") if (BIN / "rdflib-endpoint").exists() else "rdflib-endpoint"
ASK = "ASK { }"

# Short names (used in tables and raw results) and what each is.
GCM = "gcm-graph"
GCM_REMOTE = "gcm-graph→oxigraph"
OXIGRAPH_SERVE = "oxigraph serve"
RDFLIB = "rdflib-endpoint"
DESCRIPTIONS = {
    GCM: "gcm-graph, embedded store (default settings: 3 query workers, waitress with 8 threads)",
    GCM_REMOTE: "gcm-graph fronting a remote `oxigraph serve` (`--store http://127.0.0.1:PORT/query`)",
    OXIGRAPH_SERVE: "`oxigraph serve --union-default-graph` on a store made by `oxigraph load`",
    RDFLIB: "`rdflib-endpoint serve` (rdflib in-memory Dataset, union default graph, uvicorn)",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants (0 when it is gone)."""
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


class MemorySampler:
    """Peak resident memory of a process tree, sampled on a thread; ``reset()`` starts a new window."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.window_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss(self.process)
            self.peak = max(self.peak, rss)
            self.window_peak = max(self.window_peak, rss)
            self._stop.wait(self.interval)

    def reset(self) -> None:
        self.window_peak = tree_rss(self.process)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)


def run_measured(command: list[str], cwd: Path = ROOT, env: dict | None = None, timeout: float = 3600) -> dict:
    """Run a command to completion: wall seconds, peak RSS of its process tree, exit code, last stderr lines."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(process.pid, 0.02)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    finally:
        sampler.stop()
    return {
        "seconds": time.perf_counter() - started,
        "peak_rss": sampler.peak,
        "exit_code": process.returncode,
        "stderr_tail": stderr.strip().splitlines()[-3:] if stderr else [],
    }


def _query_path(url_path: str, query: str) -> str:
    return url_path + "?" + urllib.parse.urlencode({"query": query})


@dataclass
class Server:
    """A running server: ``endpoint`` is the SPARQL query URL path on ``port``."""

    name: str
    command: list[str]
    port: int
    endpoint_path: str
    env: dict | None = None
    log_path: Path | None = None
    process: subprocess.Popen | None = None
    sampler: MemorySampler | None = None
    startup_seconds: float | None = None
    extra: dict = field(default_factory=dict)
    helpers: list[Server] = field(default_factory=list)  # servers this one needs (gcm-graph's remote store)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.endpoint_path}"

    def start(self, timeout: float = 1800) -> Server:
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL  # noqa: SIM115 - closed by the child
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.sampler = MemorySampler(self.process.pid)
        deadline = started + timeout
        path = _query_path(self.endpoint_path, ASK)
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            try:
                connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
                connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status == 200:
                    self.startup_seconds = time.perf_counter() - started
                    return self
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"{self.name} did not answer within {timeout:g} s")

    @property
    def memory_peak(self) -> int:
        own = self.sampler.peak if self.sampler else 0
        return own + sum(helper.memory_peak for helper in self.helpers)

    @property
    def window_peak(self) -> int:
        own = self.sampler.window_peak if self.sampler else 0
        return own + sum(helper.window_peak for helper in self.helpers)

    def reset_window(self) -> None:
        for server in (self, *self.helpers):
            if server.sampler:
                server.sampler.reset()

    def stop(self) -> None:
        if self.sampler:
            self.sampler.stop()
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
            except ProcessLookupError:
                pass
        for helper in self.helpers:
            helper.stop()


def clean_env() -> dict:
    """The environment for servers: no GCM_GRAPH_* settings leaking in, no proxies."""
    drop = ("GCM_GRAPH_", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")
    env = {key: value for key, value in os.environ.items() if not key.startswith(drop)}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def _gcm_command(port: int, *flags: str) -> list[str]:
    """``serve.py`` with the limits the benchmarks run under: long queries and big results allowed."""
    return [PYTHON, "serve.py", "--port", str(port), "--query-timeout", "120", "--max-rows", "1000000", *flags]


def gcm_server(data: Path, workdir: Path, extra_flags: tuple[str, ...] = ()) -> Server:
    port = free_port()
    command = _gcm_command(port, "--data", str(data), *extra_flags)
    return Server(GCM, command, port, "/sparql", clean_env(), workdir / f"gcm-graph-{port}.log")


def oxigraph_load(data: Path, location: Path) -> dict:
    """``oxigraph load`` into a fresh directory: wall time, peak memory, store size on disk."""
    shutil.rmtree(location, ignore_errors=True)
    result = run_measured([OXIGRAPH, "load", "--location", str(location), "--file", str(data)])
    if result["exit_code"] != 0:
        raise RuntimeError(f"oxigraph load failed: {result['stderr_tail']}")
    result["store_bytes"] = directory_size(location)
    return result


def oxigraph_server(location: Path, workdir: Path, name: str = OXIGRAPH_SERVE) -> Server:
    port = free_port()
    command = [
        OXIGRAPH,
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
        "--timeout-s",
        "120",
    ]
    return Server(name, command, port, "/query", clean_env(), workdir / f"oxigraph-{port}.log")


def gcm_remote_server(location: Path, workdir: Path) -> Server:
    backend = oxigraph_server(location, workdir, name="oxigraph (behind gcm-graph)")
    backend.start()
    port = free_port()
    command = _gcm_command(port, "--store", backend.url)
    server = Server(GCM_REMOTE, command, port, "/sparql", clean_env(), workdir / f"gcm-graph-remote-{port}.log")
    server.helpers.append(backend)
    return server


def rdflib_server(data: Path, workdir: Path) -> Server:
    port = free_port()
    command = [RDFLIB_ENDPOINT, "serve", str(data), "--host", "127.0.0.1", "--port", str(port)]
    return Server(RDFLIB, command, port, "/", clean_env(), workdir / f"rdflib-endpoint-{port}.log")


def directory_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
