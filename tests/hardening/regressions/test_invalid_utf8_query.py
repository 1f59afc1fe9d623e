"""What broke: a query that was not valid UTF-8 was quietly changed instead of refused. The body of an
``application/sparql-query`` POST was decoded with errors replaced (so the ``UnicodeDecodeError`` branch
meant to answer 400 could never run), and werkzeug does the same to percent-encoded bytes in the URL and
in form bodies. ``SELECT * WHERE { ?s ?p "caf\\xe9" }`` in Latin-1 became ``"caf\\ufffd"``: a 200 with no
rows, a wrong answer with nothing to say so, or a syntax error pointing at a character the client never
sent. Found reading the request decoding (its 400 branch could not run) and confirmed by sending Latin-1.

The query and its parameters must now be UTF-8 (the SPARQL media type's only encoding): 400 that says so."""

from __future__ import annotations

import pytest

LATIN1 = 'ASK { ?s ?p "caf\xe9" }'.encode("latin-1")


@pytest.mark.parametrize(
    "send",
    [
        lambda client: client.get("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D"),
        lambda client: client.post(
            "/sparql",
            data=b"query=ASK+%7B+%3Fs+%3Fp+%22caf%E9%22+%7D",
            content_type="application/x-www-form-urlencoded",
        ),
        lambda client: client.post("/sparql", data=LATIN1, content_type="application/sparql-query"),
        lambda client: client.post(
            "/sparql?default-graph-uri=%FF", data=b"ASK {}", content_type="application/sparql-query; charset=utf-8"
        ),
    ],
    ids=["GET", "form", "body", "URL parameter of a body POST"],
)
def test_a_query_that_is_not_utf8_is_a_400_that_says_so(hostile_app, send):
    response = send(hostile_app.test_client())
    assert response.status_code == 400
    assert "UTF-8" in response.get_data(as_text=True)


def test_utf8_queries_still_pass(hostile_app):
    client = hostile_app.test_client()
    body = 'ASK { ?s ?p "café" }'.encode()
    assert client.post("/sparql", data=body, content_type="application/sparql-query").status_code == 200
    assert client.get("/sparql", query_string={"query": 'ASK { ?s ?p "café" }'}).status_code == 200
