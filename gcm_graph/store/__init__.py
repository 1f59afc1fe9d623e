"""One small store interface with two backends: embedded pyoxigraph and a remote SPARQL 1.1 endpoint.

The server talks to ``Store`` only. Both backends answer the same question, "evaluate this
already inspected query against this dataset, at most this many rows", and return the same
plain results (pyoxigraph terms), so formats, row caps and pages work identically on both.
Safety rules are applied before a query reaches either backend (``gcm_graph.store.guard``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gcm_graph.store.results import AskResult, GraphResult, QueryResult, SelectResult

__all__ = [
    "AskResult",
    "DatasetSelection",
    "GraphResult",
    "QueryResult",
    "SelectResult",
    "Store",
    "StoreError",
    "QuerySyntaxError",
    "ResultRefused",
    "QueryTimeout",
    "open_store",
]


class StoreError(Exception):
    """The store could not answer (crashed engine, unreachable remote): the server's problem, not the client's."""

    status = 502


class QuerySyntaxError(StoreError):
    """The engine's parser refused the query; the message carries its line and column."""

    status = 400


class ResultRefused(StoreError):
    """The answer holds something this endpoint will not send: triple terms nested too deeply to serialise."""

    status = 400


class QueryTimeout(StoreError):
    """Evaluation exceeded the time limit (and was stopped), or every worker stayed busy that long."""

    status = 503


@dataclass(frozen=True)
class DatasetSelection:
    """The RDF dataset a query runs against, from ``default-graph-uri``/``named-graph-uri`` or FROM clauses.

    ``None`` for ``default_graphs`` means the endpoint's default: the union of all named graphs.
    """

    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None


class Store(Protocol):
    """What the server needs from a triple store."""

    def query(self, query: str, dataset: DatasetSelection, timeout: float, max_rows: int) -> QueryResult: ...

    def close(self) -> None: ...


def open_store(
    data: Path | None,
    remote_url: str | None,
    workers: int = 3,
    worker_memory_mb: int = 4096,
    isolate_network: bool = True,
) -> Store:
    """The embedded store over ``data`` (a dist directory or an RDF file), or the remote endpoint at ``remote_url``."""
    if remote_url:
        from gcm_graph.store.remote import RemoteStore

        return RemoteStore(remote_url)
    from gcm_graph.store.embedded import EmbeddedStore

    if data is None:
        raise ValueError("the embedded store needs data: a dist directory or an RDF file")
    return EmbeddedStore(data, workers=workers, memory_mb=worker_memory_mb, isolate_network=isolate_network)
