"""Inspect a SPARQL query before any parser or store sees it, and refuse what a public endpoint must not run.

Why a lexical inspection and not a parse: the engines' parsers are the thing to protect.
pyoxigraph 0.5.13 overflows its stack and kills the process on ~3,000 nested ``{ }``
groups, and a remote store may dereference FROM IRIs or call SERVICE endpoints. This module
only tokenizes (regular expressions, no recursion) and is deliberately conservative: it
scans every token, not grammar positions, so a construct it cannot place is refused rather
than forwarded. Rules (see docs/security.md):

- size: at most ``max_length`` characters; nesting of ``{ ( [`` and of the triple terms ``<< >>``,
  ``<<( )>>`` at most ``max_nesting`` deep; at most ``max_operators`` operators and clauses (below);
- read-only: any SPARQL Update keyword (https://www.w3.org/TR/sparql11-update/#grammar) is refused;
- closed: ``SERVICE`` only to IRIs on the allowlist (empty by default), never to a variable;
  ``FROM`` / ``FROM NAMED`` only name graphs of this dataset. ``LOAD`` is an update, so refused.

Why count operators: engines parse and plan a chain such as ``a || b || c`` or a sequence of
OPTIONALs as a left-deep tree, recursively, so a long flat chain overflows a stack as surely as deep
nesting. ``oxigraph serve`` 0.5.13 crashed on about 650 OPTIONALs, BINDs or projections, 800 VALUES
clauses, 1,000 DESCRIBE terms, 1,600 UNIONs, 2,000 ``+`` or triple patterns, and on an RDF collection
``( 1 1 ... )`` of 400 items (each item is two triple patterns; 256 items took 3.8 s to plan, which its
time limit does not cover). Counted: every bracket, operator (``|| && ! = != < > <= >= + - * / | ^``),
separator (``. ; ,`` outside parentheses), the keywords that add a node to the algebra (OPTIONAL, MINUS,
UNION, BIND, FILTER, GRAPH, SERVICE, EXISTS, AS, VALUES, LATERAL), each term described by DESCRIBE, and
two for each collection item after the first (terms side by side inside ``( )``: expressions separate
theirs by operators or commas). Not counted: VALUES data and argument lists such as ``IN ( ... )``.

SPARQL applies ``\\uXXXX`` escapes to the whole query before parsing
(https://www.w3.org/TR/sparql11-query/#codepointEscape), so the text is scanned both as
sent and with escapes applied; a construct found in either counts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
ALGEBRA_KEYWORDS = frozenset(
    {"OPTIONAL", "MINUS", "UNION", "BIND", "FILTER", "GRAPH", "SERVICE", "EXISTS", "AS", "LATERAL"}
)  # VALUES too, counted where its data block is recognised
_TERM_KINDS = frozenset({"string", "iri", "var", "number"})
_COLLECTION_ITEM_COST = 2  # an RDF collection item becomes two triple patterns (rdf:first, rdf:rest)

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u00C0-\U000EFFFF]*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+\.[0-9]*[eE][+\-]?[0-9]+|[0-9]*\.[0-9]+(?:[eE][+\-]?[0-9]+)?|[0-9]+(?:[eE][+\-]?[0-9]+)?)
  | (?P<name>(?:[A-Za-z_\u00C0-\U000EFFFF][\w.\-\u00B7\u00C0-\U000EFFFF]*)?:(?:[^\s{}()\[\],;"'<>#^|&=!+*/]|\\.)*
            |[A-Za-z_\u00C0-\U000EFFFF][\w\u00B7\u00C0-\U000EFFFF]*)
  | (?P<open><<\(|<<|[{(\[])
  | (?P<close>\)>>|>>|[})\]])
  | (?P<datatype>\^\^)
  | (?P<operator>\|\||&&|!=|<=|>=|[|&=!<>+*/^\-])
  | (?P<separator>[.;,])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QueryRefused(Exception):
    """A query the endpoint will not run; ``status`` is the HTTP status, the message says why in plain words."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class GuardPolicy:
    max_length: int = 50_000
    max_nesting: int = 64
    max_operators: int = 256
    service_allowlist: frozenset[str] = frozenset()


@dataclass(frozen=True)
class InspectedQuery:
    text: str
    form: str | None  # SELECT, ASK, CONSTRUCT or DESCRIBE; None when no form keyword was found
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    @property
    def is_graph_query(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


@dataclass
class _Token:
    kind: str
    text: str
    position: int


def inspect_query(text: str, policy: GuardPolicy, dataset_graphs: Collection[str]) -> InspectedQuery:
    """Check ``text`` against ``policy``; return what it asks for, or raise ``QueryRefused``."""
    if len(text) > policy.max_length:
        raise QueryRefused(
            400, f"The query is {len(text):,} characters long; this endpoint accepts at most {policy.max_length:,}."
        )
    inspected = _scan(text, policy)
    unescaped = _CODEPOINT_ESCAPE.sub(lambda m: _codepoint(m.group(1) or m.group(2)), text)
    if unescaped != text:
        other = _scan(unescaped, policy)
        inspected = InspectedQuery(
            text,
            inspected.form or other.form,
            inspected.from_graphs + other.from_graphs,
            inspected.from_named_graphs + other.from_named_graphs,
            inspected.services + other.services,
        )
    for graph in inspected.from_graphs + inspected.from_named_graphs:
        check_dataset_graph(graph, dataset_graphs, "FROM")
    operators = max(count_operators(text), count_operators(unescaped))
    if operators > policy.max_operators:
        raise QueryRefused(
            400,
            f"The query has {operators:,} operators and clauses (brackets, operators such as || + /, the "
            "separators . ; , and UNION, OPTIONAL, BIND, FILTER, AS ...); this endpoint accepts at most "
            f"{policy.max_operators:,}, because long chains of them crash SPARQL engines. Long lists of values fit "
            "in VALUES or IN ( ... ), which do not count.",
        )
    return inspected


def count_operators(text: str) -> int:
    """Operators and clauses of ``text`` as the module docstring defines them; VALUES data does not count."""
    count = 0
    stack: list[str] = []
    values_pending = describing = after_term = False
    values_depth: int | None = None  # stack depth of the VALUES data block being read
    for token in _tokens(text):
        word = token.text.upper() if token.kind == "name" and ":" not in token.text else ""
        is_term = token.kind in _TERM_KINDS or (token.kind == "name" and word in ("", "TRUE", "FALSE"))
        if is_term and after_term and values_depth is None and not values_pending and stack and stack[-1] == "(":
            count += _COLLECTION_ITEM_COST
        after_term = is_term or (after_term and token.kind == "langtag")
        if values_pending and token.kind != "var" and token.text not in ("(", ")", "{"):
            values_pending = False  # not a VALUES clause after all: nothing is exempt
        if describing and (token.kind in ("iri", "var") or (token.kind == "name" and not word)):
            count += 1
            continue
        describing = word == "DESCRIBE"
        if token.kind == "open":
            stack.append(token.text)
            if values_pending and token.text == "{":
                values_pending, values_depth = False, len(stack)
            if values_depth is None:
                count += 1
        elif token.kind == "close":
            if values_depth is not None and len(stack) <= values_depth:
                values_depth = None
            if stack:
                stack.pop()
        elif values_depth is not None:
            continue
        elif word == "VALUES":
            values_pending = True
            count += 1  # the clause is a join, like BIND; only its data is exempt
        elif token.kind == "operator" or word in ALGEBRA_KEYWORDS:
            count += 1
        elif token.kind == "separator" and not (stack and stack[-1] in ("(", "<<(")):
            count += 1
    return count


def check_dataset_graph(graph: str, dataset_graphs: Collection[str], where: str) -> None:
    """FROM, FROM NAMED, default-graph-uri and named-graph-uri select graphs of this dataset, never fetch one."""
    if graph not in dataset_graphs:
        names = ", ".join(f"<{name}>" for name in sorted(dataset_graphs))
        raise QueryRefused(
            400,
            f"{where} <{graph}> is not a graph of this dataset. This endpoint never fetches data from elsewhere; "
            f"its graphs are: {names}.",
        )


def _codepoint(hex_digits: str) -> str:
    value = int(hex_digits, 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield _Token(kind, match.group(), match.start())


def _scan(text: str, policy: GuardPolicy) -> InspectedQuery:
    tokens = list(_tokens(text))
    prefixes: dict[str, str] = {}
    base = ""
    depth = 0
    form = None
    from_graphs: list[str] = []
    from_named: list[str] = []
    services: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        word = token.text.upper() if token.kind == "name" and ":" not in token.text else ""
        if token.kind == "open":
            depth += 1
            if depth > policy.max_nesting:
                raise QueryRefused(
                    400,
                    f"The query nests brackets more than {policy.max_nesting} levels deep (at character "
                    f"{token.position}); this endpoint refuses deeper nesting to protect its query parser.",
                )
        elif token.kind == "close":
            depth = max(depth - 1, 0)
        elif word in UPDATE_KEYWORDS:
            raise QueryRefused(
                403,
                f"This endpoint is read-only: SPARQL Update ({word} at character {token.position}) is not accepted. "
                "Download the data from /dumps/ to change it locally.",
            )
        elif word == "PREFIX" and index + 2 < len(tokens) and tokens[index + 2].kind == "iri":
            prefixes[tokens[index + 1].text.rstrip(":")] = urljoin(base, tokens[index + 2].text[1:-1])
            index += 2
        elif word == "BASE" and index + 1 < len(tokens) and tokens[index + 1].kind == "iri":
            base = urljoin(base, tokens[index + 1].text[1:-1])
            index += 1
        elif word in QUERY_FORMS and depth == 0 and form is None:
            form = word
        elif word == "FROM":
            named = index + 1 < len(tokens) and tokens[index + 1].text.upper() == "NAMED"
            index += 2 if named else 1
            graph = _iri_at(tokens, index, prefixes, base, "FROM NAMED" if named else "FROM")
            (from_named if named else from_graphs).append(graph)
        elif word == "SERVICE":
            if index + 1 < len(tokens) and tokens[index + 1].text.upper() == "SILENT":
                index += 1
            index += 1
            endpoint = _iri_at(tokens, index, prefixes, base, "SERVICE")
            if endpoint not in policy.service_allowlist:
                raise QueryRefused(
                    403,
                    f"SERVICE <{endpoint}> is not allowed: this endpoint does not contact other services "
                    "(federated queries are limited to an allowlist, empty here).",
                )
            services.append(endpoint)
        index += 1
    return InspectedQuery(text, form, tuple(from_graphs), tuple(from_named), tuple(services))


def _iri_at(tokens: list[_Token], index: int, prefixes: dict[str, str], base: str, keyword: str) -> str:
    """The IRI written at ``tokens[index]`` (``<iri>`` or ``prefix:local``), resolved; refuse anything else."""
    if index >= len(tokens):
        raise QueryRefused(400, f"{keyword} must be followed by an IRI.")
    token = tokens[index]
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "name" and ":" in token.text:
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            raise QueryRefused(400, f"{keyword} {token.text}: the prefix '{prefix}:' is not declared.")
        return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    if token.kind == "var":
        raise QueryRefused(403, f"{keyword} {token.text}: a variable endpoint or graph is not allowed here.")
    raise QueryRefused(
        400, f"{keyword} must be followed by an IRI, found {token.text!r} at character {token.position}."
    )
