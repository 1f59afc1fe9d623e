"""Query results as plain values shared by both backends: lists of pyoxigraph terms, picklable across processes.

Each result knows whether the row cap cut it short, so the protocol layer can say so
(``X-SPARQL-Truncated``) instead of silently returning a partial answer.
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
            rows.append(tuple(solution[index] for index in range(len(variables))))
        return SelectResult(variables, rows)
    triples: list[ox.Triple] = []
    for item in result:
        if len(triples) >= max_rows:
            return GraphResult(triples, truncated=True)
        triples.append(item if isinstance(item, ox.Triple) else item.triple)
    return GraphResult(triples)
