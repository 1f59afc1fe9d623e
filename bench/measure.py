"""Latency (interleaved, repeated) and throughput (concurrent clients for a fixed time) over HTTP.

The client is ``http.client`` on one kept-alive connection per system and thread: the lightest
client the standard library has, so that what is timed is the server, not the client. Queries
are sent as the SPARQL Protocol's POST form (every system accepts it). Interleaving: in each
round every query goes to every system once, and the order of the systems rotates from one
request to the next, so no system always goes first (warm caches) or last.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.parse
from http.client import HTTPConnection

from bench.mix import MixQuery
from bench.systems import Server

FORM = "application/x-www-form-urlencoded"


class Client:
    """One kept-alive connection to one server; reconnects after an error."""

    def __init__(self, server: Server, timeout: float = 300):
        self.server = server
        self.timeout = timeout
        self.connection: HTTPConnection | None = None

    def send(self, query: MixQuery) -> tuple[float, int, bytes]:
        body = urllib.parse.urlencode({"query": query.text})
        headers = {"Accept": query.accept, "Content-Type": FORM}
        if self.connection is None:
            self.connection = HTTPConnection("127.0.0.1", self.server.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            self.connection.request("POST", self.server.endpoint_path, body=body, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
        except OSError as error:
            self.close()
            return time.perf_counter() - started, 0, f"{type(error).__name__}: {error}".encode()
        elapsed = time.perf_counter() - started
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return elapsed, response.status, payload

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def answer_size(query: MixQuery, payload: bytes) -> int | None:
    """Rows of a SELECT answer, triples of a graph answer: to check that the systems agree."""
    try:
        if query.accept.startswith("application/sparql-results+json"):
            return len(json.loads(payload)["results"]["bindings"])
        return sum(1 for line in payload.splitlines() if line.strip() and not line.startswith(b"#"))
    except (ValueError, KeyError):
        return None


def latency(
    servers: list[Server], queries: list[MixQuery], rounds: int, warmup: int = 2, budget: float = 60.0
) -> tuple[list[dict], dict]:
    """Samples ``{system, query, round, seconds, status}`` and answer sizes ``{(system, query): n}``.

    ``budget`` caps the seconds spent on one system and query: a slow pair stops being sampled
    once it has used it (and says so by having fewer samples), so one slow peer cannot stretch
    the run without bound.
    """
    clients = {server.name: Client(server) for server in servers}
    sizes: dict[str, dict[str, int | None]] = {server.name: {} for server in servers}
    spent: dict[tuple[str, str], float] = {}
    for query in queries:
        for server in servers:
            for attempt in range(warmup):
                seconds, status, payload = clients[server.name].send(query)
                spent[(server.name, query.name)] = spent.get((server.name, query.name), 0.0) + seconds
                if attempt == 0:
                    sizes[server.name][query.name] = answer_size(query, payload) if status == 200 else None
    samples = []
    taken: dict[tuple[str, str], int] = {}
    turn = 0
    for round_ in range(rounds):
        for query in queries:
            turn += 1
            order = servers[turn % len(servers) :] + servers[: turn % len(servers)]
            for server in order:
                key = (server.name, query.name)
                if spent.get(key, 0.0) > budget and taken.get(key, 0) >= 1:
                    continue
                seconds, status, _ = clients[server.name].send(query)
                spent[key] = spent.get(key, 0.0) + seconds
                taken[key] = taken.get(key, 0) + 1
                samples.append(
                    {"system": server.name, "query": query.name, "round": round_, "seconds": seconds, "status": status}
                )
    for client in clients.values():
        client.close()
    return samples, sizes


def summarise(samples: list[dict]) -> dict[tuple[str, str], dict]:
    """p50, p95, n and errors per (system, query), over successful samples."""
    grouped: dict[tuple[str, str], list[dict]] = {}
    for sample in samples:
        grouped.setdefault((sample["system"], sample["query"]), []).append(sample)
    summary = {}
    for key, group in grouped.items():
        times = sorted(s["seconds"] for s in group if s["status"] == 200)
        summary[key] = {
            "p50": statistics.median(times) if times else None,
            "p95": percentile(times, 95) if times else None,
            "n": len(times),
            "errors": sum(1 for s in group if s["status"] != 200),
        }
    return summary


def percentile(sorted_values: list[float], percent: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        raise ValueError("no values")
    rank = max(1, -(-len(sorted_values) * percent // 100))
    return sorted_values[int(rank) - 1]


def throughput(server: Server, queries: list[MixQuery], clients: int, seconds: float) -> dict:
    """``clients`` threads, each sending the mix in a loop (from a different start) for ``seconds``."""
    deadline = [0.0]
    counts = [[0, 0] for _ in range(clients)]  # ok, errors
    reasons: dict[str, int] = {}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    start = threading.Barrier(clients + 1)

    def work(index: int) -> None:
        client = Client(server, timeout=max(seconds * 4, 60))
        position = index
        start.wait()
        while time.perf_counter() < deadline[0]:
            query = queries[position % len(queries)]
            position += 1
            elapsed, status, payload = client.send(query)
            if time.perf_counter() > deadline[0]:
                break
            if status == 200:
                counts[index][0] += 1
                latencies[index].append(elapsed)
            else:
                counts[index][1] += 1
                reason = f"{status} {payload[:120].decode('utf-8', 'replace')}".strip()
                reasons[reason] = reasons.get(reason, 0) + 1
        client.close()

    threads = [threading.Thread(target=work, args=(index,), daemon=True) for index in range(clients)]
    for thread in threads:
        thread.start()
    server.reset_window()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join(seconds * 4 + 120)
    elapsed = time.perf_counter() - began
    ok = sum(count[0] for count in counts)
    flat = sorted(value for per_thread in latencies for value in per_thread)
    return {
        "system": server.name,
        "clients": clients,
        "seconds": elapsed,
        "requests": ok,
        "errors": sum(count[1] for count in counts),
        "rps": ok / seconds,
        "p50": statistics.median(flat) if flat else None,
        "p95": percentile(flat, 95) if flat else None,
        "peak_rss": server.window_peak,
        "error_reasons": dict(sorted(reasons.items(), key=lambda item: -item[1])[:5]),
        "server_exit_code": server.process.poll() if server.process else None,
    }
