"""What broke: long flat chains passed the query guard, which limited only length and nesting, and killed
``oxigraph serve`` 0.5.13 behind the remote backend (stack overflow in its parser or optimizer; sizes that
crashed it, all under 50,000 characters, are below). One request took the remote store down for everyone.
The embedded store survived them (its workers parse on a 512 MiB stack) but spent seconds on some.

The guard now also counts operators and clauses (``--max-operators``, 256 by default, far below the
smallest crashing chain, about 650 OPTIONALs or BINDs). The tokenizer had to change too: ``1-1-1``,
``?a-?a`` and ``true-true`` each lexed as one token, hiding the chain from the count."""

from __future__ import annotations

import pytest

from gcm_graph.cookbook import load_cookbook
from gcm_graph.store.guard import GuardPolicy, QueryRefused, inspect_query

POLICY = GuardPolicy(max_length=50_000, max_nesting=64, max_operators=256)

# Families that crashed oxigraph serve 0.5.13, each at the smallest size measured to crash it.
CRASHING = {
    "||": "ASK { FILTER(" + "||".join(["?a"] * 4000) + ") }",
    "&&": "ASK { FILTER(" + "&&".join(["?a"] * 4000) + ") }",
    "!": "ASK { FILTER(" + "!" * 4000 + "?a) }",
    "+": "ASK { FILTER(" + "+".join(["1"] * 2000) + ") }",
    "- numbers": "ASK { FILTER(" + "-".join(["1"] * 2000) + ") }",
    "- variables": "ASK { FILTER(" + "-".join(["?a"] * 2000) + ") }",
    "- words": "ASK { FILTER(" + "-".join(["true"] * 2000) + ") }",
    "*": "ASK { FILTER(" + "*".join(["1"] * 2000) + ") }",
    "UNION": "ASK { " + " UNION ".join(["{}"] * 1600) + " }",
    "path /": "ASK { ?s " + "/".join(["<a:a>"] * 800) + " ?o }",
    "path |": "ASK { ?s " + "|".join(["<a:a>"] * 4000) + " ?o }",
    ".": "ASK { " + ".".join(["?s <a:a> ?o"] * 2000) + " }",
    ";": "ASK { ?s " + ";".join(["<a:a> ?o"] * 2000) + " }",
    ",": "ASK { ?s <a:a> " + ",".join(["?o"] * 2000) + " }",
    "OPTIONAL": "ASK { " + " ".join(["OPTIONAL { ?s ?p ?o }"] * 700) + " }",
    "MINUS": "ASK { ?s ?p ?o " + " ".join(["MINUS { ?s ?p ?o }"] * 1000) + " }",
    "BIND": "ASK { " + " ".join(f"BIND(1 AS ?v{i})" for i in range(700)) + " }",
    "groups": "ASK { " + " ".join(["{ ?s ?p ?o }"] * 2000) + " }",
    "GRAPH": "ASK { " + " ".join(["GRAPH ?g { ?s ?p ?o }"] * 2000) + " }",
    "projections": "SELECT " + " ".join(f"(1 AS ?v{i})" for i in range(1000)) + " WHERE {}",
    "aggregates": "SELECT " + " ".join(f"(COUNT(?s) AS ?v{i})" for i in range(1000)) + " WHERE { ?s ?p ?o }",
    "HAVING": "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s HAVING " + " ".join(["(true)"] * 4000),
    "DESCRIBE": "DESCRIBE " + " ".join(f"<http://x/{i}>" for i in range(1000)),
}


@pytest.mark.parametrize("query", CRASHING.values(), ids=CRASHING.keys())
def test_chains_that_crashed_the_remote_store_are_refused(query):
    assert len(query) <= POLICY.max_length
    with pytest.raises(QueryRefused, match="operators and clauses") as refused:
        inspect_query(query, POLICY, ())
    assert refused.value.status == 400


@pytest.mark.parametrize("recipe", load_cookbook(), ids=lambda recipe: recipe.name)
def test_cookbook_queries_pass_with_room_to_spare(recipe):
    inspect_query(recipe.query, GuardPolicy(max_operators=POLICY.max_operators // 2), ())


def test_long_lists_of_values_do_not_count():
    values = "SELECT * WHERE { VALUES (?x ?y) { " + " ".join(f"(<http://x/{i}> {i})" for i in range(2000)) + " } }"
    listed = "ASK { FILTER(?x IN (" + ", ".join(f"<http://x/{i}>" for i in range(3000)) + ")) }"
    for query in (values, listed):
        inspect_query(query, POLICY, ())


def test_signs_and_prefixed_names_with_dashes_are_not_chains():
    query = "PREFIX my-ex: <http://x/> SELECT * WHERE { ?s my-ex:has-part ?o FILTER(?o > -1.5e-3) }"
    assert inspect_query(query, GuardPolicy(max_operators=12), ()).form == "SELECT"


def test_numbers_ending_a_triple_pattern_do_not_hide_the_separator():
    patterns = "ASK { " + " ".join(["?s <a:a> 1."] * 300) + " }"
    with pytest.raises(QueryRefused, match="operators and clauses"):
        inspect_query(patterns, POLICY, ())


def test_a_values_keyword_without_its_block_exempts_nothing():
    query = "ASK { VALUES <a:a> { " + " ".join(["OPTIONAL { ?s ?p ?o }"] * 300) + " } }"
    with pytest.raises(QueryRefused, match="operators and clauses"):
        inspect_query(query, POLICY, ())
