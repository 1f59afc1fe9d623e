"""What broke: a remote store answering 200 with a malformed body (cut-off or ill-shaped SPARQL JSON,
invalid UTF-8, broken N-Triples or XML results) made pyoxigraph's result parser raise SyntaxError, which
nothing caught: the client got 500, and the traceback kept pyoxigraph's result iterator alive until the
garbage collector freed it on another thread, where it raised again ("unsendable, but is being dropped on
another thread"). Found by the remote fault tests (``FaultyStore``).

A malformed answer is now the store's failure: 502 with the parser's message."""

from __future__ import annotations

import pytest

from gcm_graph.store import DatasetSelection, StoreError
from gcm_graph.store.remote import RemoteStore
from tests.hardening.faulty_store import ANSWERS, FaultyStore


@pytest.fixture(scope="module")
def faulty():
    store = FaultyStore("http://127.0.0.1:9/query")
    yield store
    store.close()


@pytest.mark.parametrize("mode", sorted(ANSWERS))
def test_a_malformed_answer_is_the_stores_failure(faulty, mode):
    faulty.mode = mode
    store = RemoteStore(faulty.url)
    try:
        with pytest.raises(StoreError) as failure:
            store.query("SELECT * WHERE { ?s ?p ?o }", DatasetSelection(), 5, 10)
    finally:
        store.close()
    assert failure.value.status == 502
    assert "store" in str(failure.value)
