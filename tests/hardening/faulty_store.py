"""A SPARQL store on loopback that misbehaves on demand, in front of a real one.

In mode ``proxy`` every request is forwarded to the real store (an ``oxigraph serve``); every other
mode answers as a broken, overloaded or hostile store might: cut-off or malformed results, the wrong
media type, an error page, a redirect elsewhere, a connection reset, silence, or a trickle of bytes.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"

# mode -> (status, content type, body); the behaviours that are not a plain answer are in _misbehave.
ANSWERS = {
    "truncated-json": (200, JSON, b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "val'),
    "wrong-json": (200, JSON, b"[1, 2, 3]"),
    "empty-json": (200, JSON, b""),
    "not-utf8": (
        200,
        JSON,
        b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "\xff\xfe"}}]}}',
    ),
    "garbage-ntriples": (200, "application/n-triples", b"<http://a> <http://b> oops .\n"),
    "garbage-xml": (200, XML, b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="s"/>'),
    "html": (200, "text/html", b"<html><body>Down for maintenance</body></html>"),
    "error-page": (500, "text/html", b"<h1>Internal error</h1><script>alert(1)</script>"),
}
MISBEHAVIOURS = ("redirect", "cut-short", "reset", "silent", "trickle")
SLOW = ("silent", "trickle")  # these never finish within a query timeout
MODES = tuple(ANSWERS) + MISBEHAVIOURS


class FaultyStore:
    def __init__(self, upstream: str, redirect_to: str = "http://127.0.0.1:9/"):
        self.upstream = upstream
        self.redirect_to = redirect_to
        self.mode = "proxy"
        self._stop = threading.Event()
        store = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                store._answer(self, body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/query"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        mode = self.mode
        if mode == "proxy":
            headers = {key: handler.headers[key] for key in ("Content-Type", "Accept") if key in handler.headers}
            upstream = requests.post(self.upstream, data=body, headers=headers, timeout=30)
            _send(handler, upstream.status_code, upstream.headers.get("Content-Type", ""), upstream.content)
        elif mode in ANSWERS:
            _send(handler, *ANSWERS[mode])
        else:
            self._misbehave(handler, mode)

    def _misbehave(self, handler: BaseHTTPRequestHandler, mode: str) -> None:
        if mode == "redirect":
            handler.send_response(302)
            handler.send_header("Location", self.redirect_to)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        elif mode == "cut-short":
            handler.send_response(200)
            handler.send_header("Content-Type", JSON)
            handler.send_header("Content-Length", "5000")
            handler.end_headers()
            handler.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
            handler.close_connection = True
        elif mode == "reset":
            handler.close_connection = True
        elif mode == "silent":
            self._stop.wait(10)
            handler.close_connection = True
        elif mode == "trickle":
            handler.send_response(200)
            handler.send_header("Content-Type", JSON)
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not self._stop.is_set():
                try:
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
                except OSError:
                    break
                self._stop.wait(0.2)
            handler.close_connection = True


def _send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
