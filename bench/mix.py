"""The query mix: the README cookbook queries, resource lookups and a DESCRIBE, as a researcher sends them.

Cookbook queries come from ``gcm_graph.cookbook`` (the same files the README and the query page
show). Lookups are what a linked-data client does for one IRI: its outgoing triples, its
incoming and outgoing triples with the graph they stand in, and a DESCRIBE. Every query is
plain SPARQL 1.1, so each system answers the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from gcm_graph.cookbook import load_cookbook

BASE = "https://w3id.org/gcm-graph/"
ACTION = BASE + "id/document/gcm-zero-draft-plus/objective/7/action/c"
OBJECTIVE = BASE + "id/document/gcm/objective/7"
INSTRUMENT = BASE + "id/instrument/paris-agreement"
SELECT_TYPES = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples"


@dataclass(frozen=True)
class MixQuery:
    name: str
    text: str
    accept: str

    @property
    def kind(self) -> str:
        return "cookbook" if self.name[:2].isdigit() else "lookup"


def query_mix() -> list[MixQuery]:
    queries = [MixQuery(recipe.name, recipe.query, SELECT_TYPES) for recipe in load_cookbook()]
    queries += [
        MixQuery("lookup-action", f"SELECT ?p ?o WHERE {{ <{ACTION}> ?p ?o }}", SELECT_TYPES),
        MixQuery(
            "lookup-instrument-in-out",
            f"SELECT ?s ?p ?o ?g WHERE {{ {{ GRAPH ?g {{ <{INSTRUMENT}> ?p ?o }} }} "
            f"UNION {{ GRAPH ?g {{ ?s ?p <{INSTRUMENT}> }} }} }}",
            SELECT_TYPES,
        ),
        MixQuery(
            "lookup-objective-construct",
            f"CONSTRUCT {{ <{OBJECTIVE}> ?p ?o }} WHERE {{ <{OBJECTIVE}> ?p ?o }}",
            GRAPH_TYPES,
        ),
        MixQuery("describe-objective", f"DESCRIBE <{OBJECTIVE}>", GRAPH_TYPES),
    ]
    return queries
