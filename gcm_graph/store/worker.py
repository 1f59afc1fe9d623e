"""The query worker: a child process that owns one in-memory pyoxigraph store and evaluates queries.

Why a process: pyoxigraph cannot cancel a running query, and a parser stack overflow is a
segfault. A worker that runs too long is killed by the parent; one that crashes takes only
itself down. Inside, queries run on a thread with a large stack (``STACK_BYTES``): measured on
pyoxigraph 0.5.13, 30,000 nested groups or a 60 kB chain of ``+`` parse there, where the
default 8 MiB main-thread stack segfaults at ~3,000.

The worker also leaves the network when it can (a fresh Linux network namespace: no
interface but a down loopback), so even a SERVICE call that got past the guard has nowhere
to go, and caps its address space so a greedy query fails alone.
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

STACK_BYTES = 512 * 1024 * 1024
_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


def data_file(data: Path) -> Path:
    """The RDF file behind ``--data``: ``gcm.trig`` in a dist directory, else the file itself."""
    return data / "gcm.trig" if data.is_dir() else data


def load_store(data: Path):
    import pyoxigraph as ox

    path = data_file(data)
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise ValueError(f"cannot tell the RDF format from the extension {path.suffix!r}")
    store = ox.Store()
    store.load(path=str(path), format=rdf_format)
    return store


def leave_network() -> bool:
    """Move this process into an empty network namespace; False when the kernel or our privileges refuse."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0


def evaluate(store, request: dict):
    """One query, as ``("result", QueryResult)`` or ``("syntax" | "refused" | "error", message)``."""
    import pyoxigraph as ox

    from gcm_graph.store import ResultRefused
    from gcm_graph.store.results import collect

    options: dict = {}
    if request["default_graphs"] is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [ox.NamedNode(graph) for graph in request["default_graphs"]]
    if request["named_graphs"] is not None:
        options["named_graphs"] = [ox.NamedNode(graph) for graph in request["named_graphs"]]
    try:
        return ("result", collect(store.query(request["query"], **options), request["max_rows"]))
    except SyntaxError as error:
        return ("syntax", str(error))
    except ResultRefused as error:
        return ("refused", str(error))
    except (OSError, ValueError, TypeError, RuntimeError) as error:
        return ("error", f"{type(error).__name__}: {error}")


def serve_requests(connection: Connection, data: str, isolate_network: bool, memory_mb: int) -> None:
    """Process entry point: prepare, load, say ready, then answer requests until the pipe closes."""
    isolated = leave_network() if isolate_network else False
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=_loop, args=(connection, Path(data), isolated), name="query")
    thread.start()
    thread.join()
    sys.exit(0)


def _loop(connection: Connection, data: Path, isolated: bool) -> None:
    try:
        store = load_store(data)
    except (OSError, SyntaxError, ValueError) as error:
        connection.send(("failed", f"{data_file(data)}: {error}"))
        return
    connection.send(("ready", {"pid": os.getpid(), "network_isolated": isolated}))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(evaluate(store, request))
        except Exception as error:  # noqa: BLE001 - one query's failure (say, an unpicklable result) must not end the worker
            connection.send(("error", f"The answer could not be sent: {type(error).__name__}: {error}"))
