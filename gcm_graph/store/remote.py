"""Remote backend: forward inspected queries to a SPARQL 1.1 endpoint (Oxigraph server, Fuseki, ...).

The remote store must present the union of its named graphs as the default graph (Oxigraph:
``oxigraph serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``), as the
embedded backend does. Results come back as SPARQL JSON or N-Triples, are read only up to the
row cap and ``MAX_RESPONSE_BYTES``, and become the same plain results as the embedded backend's.
A timeout stops waiting, for the whole answer and not only for each byte (a store trickling bytes
would otherwise hold a server thread as long as it liked), and is a gateway timeout, 504; stopping the
remote evaluation is the remote's own setting (``oxigraph serve --timeout-s``, Fuseki ``arq:queryTimeout``).
"""

from __future__ import annotations

import time

import pyoxigraph as ox
import requests
import urllib3

from gcm_graph.store import DatasetSelection, QuerySyntaxError, QueryTimeout, StoreError
from gcm_graph.store.results import GraphResult, QueryResult, collect

MAX_RESPONSE_BYTES = 256 * 1024 * 1024


class StoreTimeout(QueryTimeout):
    """The remote store did not answer within the time limit (it may still be evaluating)."""

    status = 504


_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


class RemoteStore:
    def __init__(self, url: str, session: requests.Session | None = None):
        self.url = url
        self.session = session or requests.Session()
        self.session.trust_env = False  # never route through a proxy taken from the environment

    def query(self, query: str, dataset: DatasetSelection, timeout: float, max_rows: int) -> QueryResult:
        form = [("query", query)]
        form += [("default-graph-uri", graph) for graph in dataset.default_graphs or ()]
        form += [("named-graph-uri", graph) for graph in dataset.named_graphs or ()]
        deadline = time.monotonic() + timeout
        late = StoreTimeout(f"The store did not answer within {timeout:g} s.")
        try:
            with self.session.post(
                self.url, data=form, headers={"Accept": _ACCEPT}, timeout=timeout, stream=True, allow_redirects=False
            ) as response:
                body = _read_capped(response, deadline, late)
        except (requests.Timeout, urllib3.exceptions.TimeoutError):
            raise late from None
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            raise StoreError(f"The store at {self.url} could not be reached: {type(error).__name__}") from None
        if response.status_code == 400:
            raise QuerySyntaxError(body.decode("utf-8", "replace").strip()[:2000])
        if response.status_code != 200:
            raise StoreError(f"The store answered {response.status_code}: {body[:500].decode('utf-8', 'replace')}")
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        return _parse(body, media_type, max_rows)

    def close(self) -> None:
        self.session.close()


def _parse(body: bytes, media_type: str, max_rows: int) -> QueryResult:
    """The store's answer as plain results; a malformed one is the store's failure (502), not ours.

    pyoxigraph's parsers are only ever arguments here, never locals, so when one fails its iterator is
    freed with the exception, on this thread (it must not be dropped on another one).
    """
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    if media_type != "application/n-triples" and results_format is None:
        raise StoreError(f"The store answered with an unexpected media type {media_type!r}.")
    try:
        if results_format is None:
            result = collect(ox.parse(body, format=ox.RdfFormat.N_TRIPLES), max_rows)
            return GraphResult(result.triples, result.truncated)
        return collect(ox.parse_query_results(body, format=results_format), max_rows)
    except (SyntaxError, ValueError) as error:
        problem = str(error)
    raise StoreError(f"The store answered with malformed {media_type}: {problem}")


def _read_capped(response: requests.Response, deadline: float, late: StoreTimeout) -> bytes:
    """The body, read as it arrives (one system call per chunk) so the deadline is checked as it goes."""
    chunks, size = [], 0
    while chunk := response.raw.read1(1 << 16, decode_content=True):
        if time.monotonic() > deadline:
            raise late
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise StoreError(f"The store's answer exceeded {MAX_RESPONSE_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
