"""Serve the app in production with waitress.

Why waitress: query evaluation already runs in worker processes owned by the app, so the
HTTP side needs threads, not forks (a pre-forking server such as gunicorn would give each
fork its own pool of query workers and copies of the data). Waitress is pure Python, is in
the dependencies already, and enforces request limits before the app sees a byte: body size
(413) and header size (431-like 400), which closes the huge-header and slow-body cases.

One rule is added to waitress's request parser: a request with both ``Content-Length`` and
``Transfer-Encoding: chunked`` is refused (400) and its connection closed (RFC 9112, section 6.3).
Waitress framed it by the chunked encoding and kept the connection open, so bytes after the body ran
as another request, one that a proxy framing by Content-Length never saw (request smuggling).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

MAX_HEADER_BYTES = 64 * 1024  # room for a long GET query in the URL, far below waitress's 256 KiB default


def serve(config: dict[str, Any] | None = None) -> int:
    """Build the app from ``config`` and serve it until interrupted; returns the exit code."""
    import waitress

    from gcm_graph.server import create_app
    from gcm_graph.server.settings import resolve
    from gcm_graph.store import StoreError

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    settings = resolve(config)
    try:
        app = create_app(settings)
    except (FileNotFoundError, ValueError, OSError, StoreError) as error:  # missing or corrupt data, bad settings
        print(f"gcm-graph serve: {error}", file=sys.stderr)
        return 2
    store = app.extensions["gcm_graph"].store
    print(f"gcm-graph serving on http://{settings['host']}:{settings['port']}/", file=sys.stderr, flush=True)
    try:
        server = waitress.create_server(
            app,
            host=settings["host"],
            port=settings["port"],
            threads=settings["threads"],
            max_request_body_size=settings["max_body"],
            max_request_header_size=MAX_HEADER_BYTES,
            channel_timeout=max(60, int(settings["query_timeout"]) + 30),
            ident="gcm-graph",
            clear_untrusted_proxy_headers=True,
        )
        server.channel_class = _strict_channel()
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
    return 0


def _strict_channel():
    """Waitress's HTTP channel with a parser that refuses Content-Length together with chunked encoding."""
    from waitress.channel import HTTPChannel
    from waitress.parser import HTTPRequestParser, ParsingError

    class StrictParser(HTTPRequestParser):
        def parse_header(self, header_plus: bytes) -> None:
            super().parse_header(header_plus)
            if self.chunked and "CONTENT_LENGTH" in self.headers:
                raise ParsingError("Content-Length together with Transfer-Encoding: chunked is refused (RFC 9112, 6.3)")

    class StrictChannel(HTTPChannel):
        parser_class = StrictParser

    return StrictChannel
