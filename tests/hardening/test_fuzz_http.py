"""Fuzzing HTTP: random requests to every route, written byte for byte on a socket.

Methods, paths (traversal in ``/dumps/`` and ``/id/``, encoded separators, control characters, invalid
UTF-8, markup), headers, content types and charsets, and bodies (empty, binary, invalid UTF-8, queries,
larger than ``--max-body``) from ``strategies.http_requests``. Every answer must be below 500 (503 only
for a query stopped at the time limit), must never contain the file placed beside ``dist/``, and an HTML
page must never echo the injected markup unescaped and must carry the Content-Security-Policy; CORS never
allows credentials nor reflects the caller's Origin. After every request the server and its workers are
alive and its log is free of tracebacks.
"""

from __future__ import annotations

import http.client
import socket

from hypothesis import example, given

from tests.hardening.conftest import SECRET, Watched, budget
from tests.hardening.strategies import MARKUP, http_requests

TRAVERSALS = [
    "/dumps/..%2fsecret.txt",
    "/dumps/%2e%2e/secret.txt",
    "/dumps/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/dumps/..%5csecret.txt",
    "/dumps/%252e%252e%252fsecret.txt",
    "/dumps//etc/passwd",
    "/dumps/../secret.txt",
    "/static/..%2f..%2f..%2fsecret.txt",
    "/id/..%2f..%2fsecret.txt",
    "/id/x%3E%20%7D%20%7D%20SELECT%20*%20%7B%20?s%20?p%20?o",
    "/ontology/a%0D%0ASet-Cookie:x=1",
    "/query?query=" + "%3C%2Ftextarea%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]


def exchange(url: str, method: str, raw: bytes) -> tuple[http.client.HTTPResponse, bytes]:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        try:
            connection.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer (413, 400) and close before reading a large body
        response = http.client.HTTPResponse(connection, method=method.upper())
        response.begin()
        body = b"" if method.upper() == "HEAD" else response.read()
        return response, body


def check(response: http.client.HTTPResponse, body: bytes) -> None:
    status = response.status
    assert status < 500 or (status == 503 and b"stopped" in body), (status, body[:1000])
    assert SECRET.encode() not in body, "a file outside dist/ was served"
    assert response.getheader("Access-Control-Allow-Credentials") is None
    assert response.getheader("Access-Control-Allow-Origin") in (None, "*"), "CORS must not reflect the Origin"
    if (response.getheader("Content-Type") or "").startswith("text/html"):
        assert MARKUP.encode() not in body, body[:2000]
        assert "default-src 'none'" in (response.getheader("Content-Security-Policy") or "")


def request_for(path: str, method: str = "GET") -> tuple[str, bytes]:
    return method, f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


def known(test):
    for path in TRAVERSALS:
        test = example(request=request_for(path))(test)
    return test


@budget(300)
@given(request=http_requests())
@known
def test_random_requests_to_every_route_are_answered_safely(embedded: Watched, request):
    method, raw = request
    response, body = exchange(embedded.url, method, raw)
    check(response, body)
    embedded.assert_healthy()
