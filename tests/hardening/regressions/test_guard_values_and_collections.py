"""What broke: two shapes passed the query guard's operator budget and killed ``oxigraph serve`` 0.5.13
behind the remote backend, found by the long SPARQL fuzz run (docs/hardening.md) and the probe that
followed it. 800 clauses ``VALUES ?vN { 1 }`` in a row (15 kB): the guard exempted VALUES data and
counted nothing for the keyword either. An RDF collection ``?s ?p ( 1 1 ... )`` of 400 items (828
characters): each item is two triple patterns, but its terms sat inside ``( )``, where the guard counts
only brackets; 256 items already took Oxigraph 3.8 s to plan, outside its own time limit.

A VALUES (or LATERAL) clause now counts one, like BIND, and each collection item after the first counts
two; VALUES data, ``IN ( ... )`` lists and function arguments still count nothing."""

from __future__ import annotations

import pytest
import requests

from gcm_graph.store.guard import GuardPolicy, QueryRefused, inspect_query
from tests.hardening.conftest import Watched

POLICY = GuardPolicy()

CRASHING = {
    "VALUES clauses": "SELECT * WHERE { " + " ".join(f"VALUES ?v{i} {{ 1 }}" for i in range(800)) + " }",
    "collection": "SELECT * WHERE { ?s ?p ( " + " ".join(["1"] * 400) + " ) }",
    "collection of strings": "SELECT * WHERE { ?s ?p ( " + " ".join(['"a"@en'] * 400) + " ) }",
    "collection of names": "SELECT * WHERE { ( " + " ".join(["true"] * 200 + ["_:b"] * 200) + " ) ?p ?o }",
    "slow collection": "SELECT * WHERE { ?s ?p ( " + " ".join(["1"] * 200) + " ) }",
}


@pytest.mark.parametrize("query", CRASHING.values(), ids=CRASHING.keys())
def test_values_clauses_and_long_collections_are_refused(query):
    with pytest.raises(QueryRefused, match="operators and clauses") as refused:
        inspect_query(query, POLICY, ())
    assert refused.value.status == 400


def test_short_collections_values_rows_and_argument_lists_still_pass():
    queries = [
        "SELECT * WHERE { ?s ?p ( " + " ".join(str(i) for i in range(60)) + " ) }",
        "SELECT * WHERE { VALUES (?a ?b ?c) { " + " ".join(f"({i} {i} {i})" for i in range(2000)) + " } }",
        "ASK { FILTER(?x IN (" + ", ".join(str(i) for i in range(2000)) + ")) }",
        'SELECT (GROUP_CONCAT(DISTINCT ?o; SEPARATOR=", ") AS ?all) WHERE { ?s ?p ?o FILTER(REGEX(?o, "a", "i")) }',
    ]
    for query in queries:
        inspect_query(query, POLICY, ())


@pytest.mark.parametrize("query", CRASHING.values(), ids=CRASHING.keys())
def test_the_remote_store_survives_them(remote: Watched, query):
    response = requests.post(remote.url + "/sparql", data={"query": query}, timeout=60)
    assert response.status_code == 400, response.text
    assert "operators and clauses" in response.text
    remote.assert_healthy()
    remote.still_answers()
