"""Query results as plain values shared by both backends: lists of pyoxigraph terms, picklable across processes.

Each result knows whether the row cap cut it short, so the protocol layer can say so
(``X-SPARQL-Truncated``) instead of silently returning a partial answer.

Triple terms (``<<( s p o )>>``) can nest; pickling, unpickling and the result writers all recurse
on them, so a term nested deeper than ``MAX_TERM_DEPTH`` is refused here, where both backends read
their results, instead of overflowing a stack later (a 900-deep term killed a query worker).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[tuple]  # one term (or None when unbound) per variable
    truncated: bool = False


@dataclass
class AskResult:
    value: bool
    truncated: bool = False


@dataclass
class GraphResult:
    triples: list[ox.Triple]
    truncated: bool = False


QueryResult = SelectResult | AskResult | GraphResult
MAX_TERM_DEPTH = 64


def term_depth(term: object) -> int:
    """How deeply triple terms nest in ``term``: 0 for an IRI, blank node or literal, 1 for a plain triple."""
    depth, level = 0, [term]
    while level:
        level = [part for item in level if isinstance(item, ox.Triple) for part in (item.subject, item.object)]
        depth += 1 if level else 0
    return depth


def _check_depth(terms) -> None:
    for term in terms:
        if isinstance(term, ox.Triple) and term_depth(term) > MAX_TERM_DEPTH:
            from gcm_graph.store import ResultRefused

            raise ResultRefused(
                f"A result holds a triple term nested {term_depth(term)} levels deep; "
                f"this endpoint returns terms nested at most {MAX_TERM_DEPTH} levels deep."
            )


def collect(result: object, max_rows: int) -> QueryResult:
    """Drain a pyoxigraph query result (from ``Store.query`` or ``parse_query_results``), keeping ``max_rows`` at most.

    Reading stops at the cap, so a huge result never materialises.
    """
    if isinstance(result, ox.QueryBoolean) or isinstance(result, bool):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [variable.value for variable in result.variables]
        rows: list[tuple] = []
        for solution in result:
            if len(rows) >= max_rows:
                return SelectResult(variables, rows, truncated=True)
            row = tuple(solution[index] for index in range(len(variables)))
            _check_depth(row)
            rows.append(row)
        return SelectResult(variables, rows)
    triples: list[ox.Triple] = []
    for item in result:
        if len(triples) >= max_rows:
            return GraphResult(triples, truncated=True)
        triple = item if isinstance(item, ox.Triple) else item.triple
        _check_depth((triple,))
        triples.append(triple)
    return GraphResult(triples)
