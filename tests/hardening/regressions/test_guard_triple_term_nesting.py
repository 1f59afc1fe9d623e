"""What broke: the query guard counted only ``{ ( [`` as nesting, so 3,000 nested reified triples
``<< << ... ?s ?p ?o >> ?p ?o >> ...`` (36 kB, under the length limit) passed it. The embedded
store's workers parse on a 512 MiB stack and survived (the parse ran into the time limit), but the
remote backend forwarded the query and ``oxigraph serve`` 0.5.13 died of a stack overflow: one request
took the remote store down for every client. Found probing the guard with SPARQL 1.2 syntax.

``<<`` and ``<<(`` now open a level and ``>>`` and ``)>>`` close one, like brackets."""

from __future__ import annotations

import pytest

from gcm_graph.store.guard import GuardPolicy, QueryRefused, inspect_query

POLICY = GuardPolicy(max_nesting=64)


def reified(depth: int) -> str:
    return "SELECT * WHERE { " + "<< " * depth + "?s ?p ?o" + " >> ?p ?o" * depth + " }"


def triple_terms(depth: int) -> str:
    return "SELECT * WHERE { ?s ?p " + "<<( ?s ?p " * depth + "?o" + " )>>" * depth + " }"


@pytest.mark.parametrize("query", [reified(3000), reified(64), triple_terms(64)])
def test_deeply_nested_triples_are_refused(query):
    with pytest.raises(QueryRefused, match="more than 64 levels") as refused:
        inspect_query(query, POLICY, ())
    assert refused.value.status == 400


@pytest.mark.parametrize("query", [reified(62), triple_terms(62), "SELECT * WHERE { ?s ?p <http://a>>> }"])
def test_shallow_triples_pass(query):
    assert inspect_query(query, POLICY, ()).form == "SELECT"
