"""What broke: a request with both ``Content-Length`` and ``Transfer-Encoding: chunked`` was framed by
the chunked encoding, answered, and the connection kept open, so the bytes after the chunked body ran as
a second request. Behind a proxy that frames by Content-Length (or that forwards the obs-folded header
``Transfer-Encoding:\\r\\n chunked`` without reading it), that second request is one the proxy never saw:
request smuggling. RFC 9112 section 6.3: such a request "ought to be handled as an error", and the server
MUST close the connection after responding. Found by the framing tests (waitress 3.0.2 does neither).

The server now refuses it with 400 and closes the connection; nothing sent after it on that connection
runs."""

from __future__ import annotations

import socket
import time

import pytest

SMUGGLED = b"GET /healthz?smuggled=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
FRAMINGS = {
    "CL then TE": b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
    "TE then CL": b"Transfer-Encoding: chunked\r\nContent-Length: 60\r\n",
    "TE obs-folded": b"Transfer-Encoding:\r\n chunked\r\nContent-Length: 3\r\n",
}


def send_and_read_all(url: str, data: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(data)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            pytest.fail(f"the connection was left open after {received[:200]!r}")
        return received


@pytest.mark.parametrize("framing", FRAMINGS.values(), ids=FRAMINGS.keys())
def test_content_length_with_chunked_is_refused_and_the_connection_closed(embedded, framing):
    marker = str(time.monotonic_ns()).encode()
    request = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n" + framing
    answer = send_and_read_all(embedded.url, request + b"\r\n0\r\n\r\n" + SMUGGLED % marker)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:300]
    assert answer.count(b"HTTP/1.") == 1, answer
    time.sleep(0.2)
    assert b"smuggled=" + marker not in embedded.new_log().encode()


def test_chunked_requests_alone_still_work(embedded):
    body = b"ASK {}"
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    )
    answer = send_and_read_all(embedded.url, request)
    assert answer.startswith(b"HTTP/1.1 200") and b'"boolean": true' in answer
