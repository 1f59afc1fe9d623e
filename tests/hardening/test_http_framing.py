"""Malformed and ambiguous HTTP framing: the raw cases behind request smuggling and header exhaustion.

Each case is written byte for byte and followed on the same connection by a marked request for
``/healthz``. A request whose framing is in doubt must be refused and its connection closed, so the
marked request never runs (the access log is checked); oversized request lines and headers are refused
before the app runs; and the server keeps answering. The one 5xx here is waitress's 501 for a transfer
coding it does not implement, the status RFC 9112 (section 6.1) asks for.
"""

from __future__ import annotations

import socket
import time

import pytest

from tests.hardening.conftest import Watched

SMUGGLED = b"GET /healthz?smuggled=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
POST = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
CASES = {
    # name: (request before the smuggled one, expected status)
    "Content-Length and chunked": (POST + b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    "two Content-Lengths": (POST + b"Content-Length: 0\r\nContent-Length: 48\r\n\r\n", 400),
    "negative Content-Length": (POST + b"Content-Length: -1\r\n\r\n", 400),
    "signed Content-Length": (POST + b"Content-Length: +48\r\n\r\n", 400),
    "unknown transfer coding": (POST + b"Transfer-Encoding: xchunked\r\n\r\n", 501),
    "chunked, identity": (POST + b"Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", 501),
    "space before colon": (POST + b"Transfer-Encoding : chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
    "bare LF line ends": (b"GET /healthz HTTP/1.1\nHost: 127.0.0.1\n\n", 400),
    "NUL in a header": (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\x00b\r\n\r\n", 400),
    "CR in a header": (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\rb\r\n\r\n", 400),
    "70 kB header": (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    "8,000 headers": (
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(8000)) + b"\r\n",
        431,
    ),
    "70 kB request line": (b"GET /healthz?" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 431),
}


def exchange(url: str, data: bytes) -> tuple[bytes, bool]:
    """Everything the server sends back, and whether it closed the connection (within 3 s)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=3) as connection:
        try:
            connection.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            return received, False
        except ConnectionResetError:
            pass
        return received, True


@pytest.mark.parametrize(("request_bytes", "status"), CASES.values(), ids=CASES.keys())
def test_doubtful_framing_is_refused_and_nothing_after_it_runs(embedded: Watched, request_bytes, status):
    marker = str(time.monotonic_ns()).encode()
    received, closed = exchange(embedded.url, request_bytes + SMUGGLED % marker)
    assert received.startswith(b"HTTP/1.1 %d" % status) or received.startswith(b"HTTP/1.0 %d" % status), received[:300]
    assert closed, f"the connection stayed open after {received[:200]!r}"
    time.sleep(0.2)
    assert b"smuggled=" + marker not in embedded.new_log().encode()
    embedded.still_answers()
    embedded.assert_healthy()


def test_pipelined_requests_are_answered_in_order(embedded: Watched):
    first = b"GET /healthz?first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    second = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    received, closed = exchange(embedded.url, first + second)
    assert received.count(b"HTTP/1.1 200") == 2 and received.index(b'"status"') < received.index(b'"boolean"')
    assert closed
