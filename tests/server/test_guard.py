"""The query guard on its own: what it refuses, what it lets through, and why (gcm_graph.store.guard)."""

from __future__ import annotations

import pytest

from gcm_graph.store.guard import GuardPolicy, QueryRefused, inspect_query

GRAPHS = {"https://w3id.org/gcm-graph/graph/ontology"}
POLICY = GuardPolicy(max_length=10_000, max_nesting=32)


def refused(query: str, policy: GuardPolicy = POLICY) -> QueryRefused:
    with pytest.raises(QueryRefused) as caught:
        inspect_query(query, policy, GRAPHS)
    return caught.value


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "SERVICE <http://x/> INSERT" } # DROP ALL',
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:insert ?delete }",
        "SELECT * FROM <https://w3id.org/gcm-graph/graph/ontology> WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p ?o FILTER(LANG(?o) = "en") } # a comment with { { { {',
        "SELECT * WHERE { ?s ?p 'it''s' }".replace("''", "\\'"),
    ],
)
def test_ordinary_queries_pass(query):
    assert inspect_query(query, POLICY, GRAPHS).form == "SELECT"


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("INSERT DATA { <a:a> <a:b> <a:c> }", 403, "read-only"),
        ("DROP ALL", 403, "read-only"),
        ("LOAD <http://127.0.0.1:9/>", 403, "read-only"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "not allowed"),
        ("SELECT * WHERE { service silent <http://127.0.0.1:9/> { } }", 403, "not allowed"),
        ("SELECT * WHERE { SERVICE ?endpoint { } }", 403, "variable"),
        ("SELECT * WHERE { SERVICE undeclared:x { } }", 400, "not declared"),
        ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { } }", 403, "not allowed"),
        ("SELECT * FROM <http://127.0.0.1:9/data> WHERE { }", 400, "not a graph of this dataset"),
        ("SELECT * FROM NAMED <http://127.0.0.1:9/data> WHERE { }", 400, "not a graph of this dataset"),
        ("BASE <http://127.0.0.1:9/> SELECT * FROM <data> WHERE { }", 400, "not a graph of this dataset"),
        ("SELECT * WHERE " + "{" * 33 + "}" * 33, 400, "more than 32 levels"),
        ("SELECT * WHERE { FILTER(" + "(" * 40 + ")" * 40 + ") }", 400, "more than 32 levels"),
        ("ASK {}" + " " * 10_001, 400, "characters long"),
    ],
)
def test_refusals_say_why(query, status, words):
    error = refused(query)
    assert error.status == status and words in error.message


def test_allowlisted_service_passes():
    policy = GuardPolicy(service_allowlist=frozenset({"https://query.example.org/sparql"}))
    inspected = inspect_query("SELECT * { SERVICE <https://query.example.org/sparql> { ?s ?p ?o } }", policy, GRAPHS)
    assert inspected.services == ("https://query.example.org/sparql",)


def test_query_forms():
    for form in ("ASK", "CONSTRUCT", "DESCRIBE"):
        query = {"ASK": "ASK {}", "CONSTRUCT": "CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE": "DESCRIBE <a:b>"}[form]
        assert inspect_query(query, POLICY, GRAPHS).form == form
    nested = "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } }"
    assert inspect_query(nested, POLICY, GRAPHS).form == "SELECT"
