"""Every value from the data is escaped in HTML: hostile literals and IRIs stay text (Jinja autoescape),
a ``javascript:`` IRI never becomes a link, and error messages that quote input are plain text."""

from __future__ import annotations

import pytest

PARAGRAPH = "/id/document/hostile/paragraph/1"


@pytest.fixture(scope="module")
def client(hostile_app):
    return hostile_app.test_client()


def test_hostile_literals_are_escaped_on_the_resource_page(client):
    page = client.get(PARAGRAPH + ".html").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(&#39;text&#39;)&gt;" in page
    assert "sources/&lt;i&gt;hostile&lt;/i&gt;.txt" in page and "characters 10–20" in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(&#39;iri&#39;)" in page


def test_hostile_labels_are_escaped_wherever_they_are_shown(client):
    for path in ("/", "/id/document/hostile.html", "/query", "/ontology"):
        page = client.get(path).get_data(as_text=True)
        assert "<script>" not in page.replace('<script src="/static/query.js" defer></script>', ""), path
        assert "<b>document</b>" not in page and "<em>" not in page.replace("<em>Zero Draft Plus</em>", "")


def test_query_page_prefills_a_hostile_query_as_text(client):
    page = client.get("/query", query_string={"query": "</textarea><script>alert(1)</script>"}).get_data(as_text=True)
    assert "</textarea><script>" not in page
    assert "&lt;/textarea&gt;&lt;script&gt;" in page


def test_error_messages_quoting_input_are_plain_text(client):
    response = client.get("/sparql", query_string={"query": "SELECT <script>alert(1)</script>"})
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    missing = client.get("/id/<script>alert(1)</script>", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and "<script>alert" not in missing.get_data(as_text=True)


def test_pages_forbid_inline_script(client):
    policy = client.get(PARAGRAPH + ".html").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
