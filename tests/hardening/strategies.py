"""Hypothesis strategies for hostile input: SPARQL built from the cookbook, and raw HTTP requests.

SPARQL: cookbook queries mutated token by token (insert, delete, repeat, replace), and structural
attacks sized around the limits and the crash thresholds measured on pyoxigraph 0.5.13: deep nesting
of every bracket kind (``{ ( [ << <<(`` and nesting keywords), long flat chains of operators and
clauses, triple terms nested through BIND chains, enormous literals, IRIs and names, random text.

HTTP: every route with hostile path segments (traversal, encoded separators, control characters,
invalid UTF-8, markup), any method, hostile headers and bodies (empty, binary, invalid UTF-8, huge),
written byte for byte on a socket so nothing is normalised on the way.
"""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import strategies as st

from gcm_graph.cookbook import load_cookbook

COOKBOOK = [recipe.query for recipe in load_cookbook()]
MARKUP = "<script>alert(1)</script>"  # must never come back unescaped in an HTML page
CANARY_IRI = "http://127.0.0.1:9/sparql"

SPARQL_TOKENS = [
    *"{}()[].;,*/|^!=<>+-?$@#'\"",
    "<<", ">>", "<<(", ")>>", "||", "&&", "!=", "<=", ">=", "^^", "a", "?s", "?p", "?o", "$x", "_:b", "[]",
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "DISTINCT", "REDUCED", "LIMIT 1", "OFFSET 1",
    "ORDER BY", "GROUP BY", "HAVING", "VALUES", "UNDEF", "UNION", "OPTIONAL", "MINUS", "FILTER", "BIND",
    "AS", "GRAPH", "EXISTS", "NOT", "IN", "COUNT(*)", "SAMPLE(", "GROUP_CONCAT(", "REGEX(?o, \"(a+)+$\")",
    "STRLEN(", "IRI(", "TRIPLE(", "SUBSTR(", "CONCAT(", "NOW()", "RAND()", "UUID()", "SHA512(",
    f"SERVICE <{CANARY_IRI}>", "SERVICE SILENT", "SERVICE ?x", f"FROM <{CANARY_IRI}>", "FROM NAMED",
    "PREFIX x: <http://x/>", "BASE <http://127.0.0.1:9/>", "INSERT DATA", "LOAD", "DROP ALL", "CLEAR",
    "\\u0053ERVICE", "\\u007B", "\\U0001F600", '"""', "'''", "<http://x>", "<>", "x:y", "1e999999",
    "-0.0", "99999999999999999999999999", "true", "@en", "@" + "a" * 300, "\n", "\t", "\x00", "\x7f",
    "\ufffd", "\ufeff", "\u202e", "\U0010ffff", "é", "𝒢", MARKUP,
]  # fmt: skip

NESTINGS = [
    ("{ ", " }"), ("( ", " )"), ("[ ?p ", " ]"), ("<< ", " >> ?p ?o"), ("<<( ?s ?p ", " )>>"),
    ("OPTIONAL { ", " }"), ("FILTER(", ")"), ("STR(", ")"), ("{ SELECT * WHERE { ", " } }"),
    ("FILTER EXISTS { ", " }"), ("GRAPH ?g { ", " }"), ("?s ?p ( ", " )"),
]  # fmt: skip
# Chains that parse, so the parser and optimizer walk all of them: (template, separators, elements).
CHAINS = [
    ("ASK {{ FILTER({}) }}", ["||", "&&", "+", "-", "*", "/", "=", "!=", "<"], ["?a", "1", "true", '"x"', "-1"]),
    ("ASK {{ ?s {} ?o }}", ["/", "|"], ["<http://x/p>", "^<http://x/p>", "<http://x/p>*", "!<http://x/p>"]),
    ("ASK {{ {} }}", [" UNION "], ["{}", "{ ?s ?p ?o }"]),
    ("ASK {{ {} }}", [" . "], ["?s <http://x/p> ?o", "?s ?p 1"]),
    ("ASK {{ ?s {} }}", [" ; "], ["<http://x/p> ?o"]),
    ("ASK {{ ?s <http://x/p> {} }}", [" , "], ["?o", "1", '"x"']),
    ("ASK {{ FILTER({}?a) }}", [""], ["!", "-", "+"]),
    ("DESCRIBE {}", [" "], ["<http://x/d>", "?s"]),
    ("SELECT * WHERE {{ ?s ?p ( {} ) }}", [" "], ["1", '"x"@en', "?o", "<http://x/i>", "_:b", "true", "()"]),
]
CRASH_SIZES = [500, 650, 700, 800, 1000, 1600, 2000, 3000, 4000, 6000]  # around where oxigraph serve 0.5.13 died
CLAUSES = [
    "OPTIONAL { ?s ?p ?o }", "BIND(1 AS ?v)", "MINUS { ?s ?p ?o }", "FILTER(true)", "GRAPH ?g { ?s ?p ?o }",
    "{ ?s ?p ?o }", "?s ?p ?o .", "VALUES ?v { 1 }", "FILTER EXISTS { ?s ?p ?o }", "(1 AS ?w)",
]  # fmt: skip


@st.composite
def mutated_cookbook(draw) -> str:
    """A cookbook query with one to six edits: token inserted, slice deleted, repeated or replaced."""
    text = draw(st.sampled_from(COOKBOOK))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 80)))
        edit = draw(st.sampled_from(["insert", "delete", "repeat", "replace"]))
        if edit == "insert":
            text = text[:start] + " " + draw(st.sampled_from(SPARQL_TOKENS)) + " " + text[start:]
        elif edit == "delete":
            text = text[:start] + text[end:]
        elif edit == "repeat":
            text = text[:start] + text[start:end] * draw(st.integers(2, 400)) + text[end:]
        else:
            text = text[:start] + draw(st.text(max_size=20)) + text[end:]
    return text


def sizes(small: int, large: int) -> st.SearchStrategy[int]:
    """Small sizes, the measured crash sizes, and anything up to ``large`` (hypothesis favours small ints)."""
    return st.one_of(st.integers(1, small), st.sampled_from(CRASH_SIZES), st.integers(small, large))


@st.composite
def nested(draw) -> str:
    opening, closing = draw(st.sampled_from(NESTINGS))
    depth = draw(st.one_of(st.integers(1, 80), st.sampled_from([63, 64, 65, 100, 3000]), st.integers(80, 5000)))
    return "SELECT * WHERE { " + opening * depth + "?s ?p ?o" + closing * depth + " }"


@st.composite
def chained(draw) -> str:
    template, separators, elements = draw(st.sampled_from(CHAINS))
    separator, element = draw(st.sampled_from(separators)), draw(st.sampled_from(elements))
    count = draw(sizes(300, 8000))
    return template.format(separator.join([element] * count))


@st.composite
def repeated_clauses(draw) -> str:
    clause = draw(st.sampled_from(CLAUSES))
    count = draw(sizes(300, 3000))
    if clause.startswith("("):
        return "SELECT " + " ".join(clause.replace("?w", f"?w{i}") for i in range(count)) + " WHERE {}"
    return "SELECT * WHERE { " + " ".join(clause.replace("?v", f"?v{i}") for i in range(count)) + " }"


@st.composite
def triple_term_chain(draw) -> str:
    depth = draw(st.one_of(st.integers(1, 70), st.integers(1, 1200)))
    binds = " ".join(f"BIND(<<( <http://a> <http://b> ?t{i} )>> AS ?t{i + 1})" for i in range(depth))
    return f"SELECT ?t{depth} WHERE {{ BIND(<http://c> AS ?t0) {binds} }}"


ENORMOUS = {
    "literal": ('SELECT * WHERE {{ ?s ?p "{}" }}', ["a", "é", "\\u0041", "𝒢", "\\\\", "'"]),
    "iri": ("SELECT * WHERE {{ ?s ?p <http://x/{}> }}", ["a", "é", "%41", "\\u0041", "𝒢"]),
    "variable": ("SELECT ?{} WHERE {{ }}", ["a", "é", "_"]),
    "prefixed": ("PREFIX x: <http://x/> SELECT * WHERE {{ ?s x:{} ?o }}", ["a", "-", ".a", "%41", "\\-"]),
    "langtag": ('SELECT * WHERE {{ ?s ?p "x"@{} }}', ["a", "a-b"]),
    "number": ("SELECT * WHERE {{ ?s ?p 1{} }}", ["1", "0"]),
    "comment": ("SELECT * WHERE {{ ?s ?p ?o }} #{}", ["a", "{", "é"]),
}


@st.composite
def enormous(draw) -> str:
    """One literal, IRI, name, language tag, number or comment of up to 70,000 characters."""
    template, fillers = ENORMOUS[draw(st.sampled_from(sorted(ENORMOUS)))]
    filler = draw(st.sampled_from(fillers))
    size = draw(st.one_of(st.integers(1, 1000), st.integers(1000, 70_000)))
    return template.format(filler * (size // len(filler) or 1))


def sparql_queries() -> st.SearchStrategy[str]:
    return st.one_of(
        mutated_cookbook(),
        nested(),
        chained(),
        repeated_clauses(),
        triple_term_chain(),
        enormous(),
        st.text(max_size=300),
    )


ACCEPTS = [
    None, "*/*", "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
    "text/tab-separated-values", "text/turtle", "application/ld+json", "application/rdf+xml", "text/html",
    "image/png", "text/*;q=0.1, */*;q=abc", ";;;,,,", "application/json;q=0", "x" * 3000,
]  # fmt: skip


# HTTP ----------------------------------------------------------------------------------------------

ROUTES = [
    "/", "/sparql", "/query", "/id/", "/graph/", "/dataset", "/dataset.ttl", "/dataset.html", "/ontology",
    "/ontology/", "/ontology.ttl", "/dumps/", "/dumps", "/healthz", "/static/", "/nowhere/", "",
]  # fmt: skip
SEGMENTS = [
    "..", "%2e%2e", "%2E%2E%2F%2E%2E%2Fsecret.txt", "..%2f..%2fsecret.txt", "../secret.txt", "..\\secret.txt",
    "%252e%252e%252fsecret.txt", "%c0%ae%c0%ae", ".%2e", "%2F", "%00", "%0d%0aSet-Cookie:%20x=1", "%FF%FE",
    "%C3%28", "~root", "gcm.trig", "manifest.json", "void.ttl", ".hidden", "document", "gcm-zero-draft-plus",
    "objective", "7", "action", "c", "c.html", "c.ttl", "c.jsonld", "c.nt", "c.rdf", "x.html", "Objective",
    "ontology", "com-2018-167", quote(MARKUP), "%3E%20%7D%20SELECT", "a" * 5000, "%" , "%%", "%zz", "😀",
]  # fmt: skip
METHODS = ["GET", "GET", "GET", "POST", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "BREW"]
RESOURCES = [
    "/id/document/gcm-zero-draft-plus/objective/7/action/c", "/id/document/gcm-zero-draft-plus/objective/7",
    "/id/document/gcm", "/id/instrument/paris-agreement", "/graph/ontology", "/graph/curated", "/dataset",
    "/dumps/gcm.ttl", "/dumps/manifest.json", "/ontology/Objective", "/static/style.css",
]  # fmt: skip
SUFFIXES = ["", ".html", ".ttl", ".jsonld", ".nt", ".rdf", ".trig", ".", "..", "/", "/..", "%00", ".html/x", "x"]
HEADER_VALUES = [
    "", "*/*", "text/html", "text/turtle", "application/sparql-query", "application/sparql-update",
    "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=latin-1",
    "application/sparql-query; charset=utf-16", "multipart/form-data; boundary=x", "text/plain; charset=x",
    "bytes=0-0,1-1,2-2,3-3", "bytes=99999999999-", "W/\"x\", *", "Thu, 01 Jan 1970 00:00:00 GMT", "garbage",
    "https://evil.example", "null", "100-continue", "gzip, br", "x" * 8000, MARKUP,
    "application/ld+json;q=0.9, text/html;q=0.1",
]  # fmt: skip
HEADER_NAMES = [
    "Accept", "Content-Type", "Accept-Language", "Accept-Charset", "Accept-Encoding", "Origin", "If-None-Match",
    "If-Modified-Since", "Range", "If-Range", "Cookie", "X-Forwarded-For", "X-Forwarded-Proto", "Forwarded",
    "Referer", "User-Agent", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Authorization",
]  # fmt: skip


@st.composite
def paths(draw) -> str:
    if draw(st.booleans()):
        path = draw(st.sampled_from(RESOURCES)) + draw(st.sampled_from(SUFFIXES))
        return path + (f"?format={draw(st.sampled_from(SEGMENTS))}" if draw(st.booleans()) else "")
    route = draw(st.sampled_from(ROUTES))
    segments = draw(
        st.lists(
            st.one_of(st.sampled_from(SEGMENTS), st.text(max_size=12).map(lambda text: quote(text, safe=""))),
            max_size=5,
        )
    )
    path = route + "/".join(segments)
    if draw(st.booleans()):
        query = draw(st.one_of(sparql_queries(), st.sampled_from(SEGMENTS)))
        name = draw(st.sampled_from(["query", "query", "format", "output", "update", "default-graph-uri", "x"]))
        path += f"?{name}={quote(query[:20_000], safe='')}"
    return path if path.startswith("/") else "/" + path


@st.composite
def bodies(draw) -> bytes:
    kind = draw(st.sampled_from(["empty", "binary", "invalid-utf8", "form", "query", "huge"]))
    if kind == "empty":
        return b""
    if kind == "binary":
        return draw(st.binary(max_size=2000))
    if kind == "invalid-utf8":
        return b"query=ASK%20%7B%7D\xff\xfe" + draw(st.binary(max_size=50))
    if kind == "form":
        return ("query=" + quote(draw(sparql_queries())[:20_000], safe="")).encode()
    if kind == "query":
        return draw(sparql_queries()).encode("utf-8", "surrogatepass")
    return b"x" * (1_048_576 + draw(st.integers(1, 1000)))


@st.composite
def http_requests(draw) -> tuple[str, bytes]:
    """(method, raw request bytes) with a correct Content-Length and Connection: close."""
    method = draw(st.sampled_from(METHODS))
    headers = draw(st.dictionaries(st.sampled_from(HEADER_NAMES), st.sampled_from(HEADER_VALUES), max_size=5))
    body = draw(bodies()) if method not in ("GET", "HEAD") or draw(st.booleans()) else b""
    lines = [f"{method} {draw(paths())} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines += [f"Content-Length: {len(body)}", "Connection: close", "", ""]
    return method, "\r\n".join(lines).encode("utf-8", "surrogatepass") + body
