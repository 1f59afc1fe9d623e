"""What broke: a query building a triple term nested 900 deep through a chain of BINDs
(``BIND(<<( <a> <b> ?t0 )>> AS ?t1) BIND(<<( <a> <b> ?t1 )>> AS ?t2) ...``, each BIND only two levels
deep, so the nesting limit let it through) killed the query worker that evaluated it: pickling the
result for the pipe raised RecursionError, the worker's thread died, and the client got 500. Three such
requests cost three workers.

The guard's operator budget now stops this chain at the door, so this test goes past the guard, straight
to the store: results holding terms nested deeper than 64 are refused with 400 (both backends read
results through ``collect``), and an exception while answering no longer ends a worker."""

from __future__ import annotations

import pytest

from gcm_graph.store import DatasetSelection, StoreError
from gcm_graph.store.embedded import EmbeddedStore
from gcm_graph.store.results import MAX_TERM_DEPTH


def chain(depth: int, form: str = "SELECT") -> str:
    binds = " ".join(f"BIND(<<( <http://a> <http://b> ?t{i} )>> AS ?t{i + 1})" for i in range(depth))
    head = f"SELECT ?t{depth}" if form == "SELECT" else f"CONSTRUCT {{ <http://s> <http://p> ?t{depth} }}"
    return f"{head} WHERE {{ BIND(<http://c> AS ?t0) {binds} }}"


@pytest.fixture(scope="module")
def store(hardening_dist):
    store = EmbeddedStore(hardening_dist, workers=1)
    yield store
    store.close()


@pytest.mark.parametrize("form", ["SELECT", "CONSTRUCT"])
def test_a_result_term_nested_900_deep_is_refused_and_the_worker_lives(store, form):
    worker = store.worker_pids
    with pytest.raises(StoreError, match=f"at most {MAX_TERM_DEPTH}") as refused:
        store.query(chain(900, form), DatasetSelection(), 30, 10)
    assert refused.value.status == 400
    assert store.worker_pids == worker


def test_nesting_up_to_the_limit_is_answered(store):
    result = store.query(chain(MAX_TERM_DEPTH - 1), DatasetSelection(), 30, 10)
    assert len(result.rows) == 1


class PickyConnection:
    """A worker's end of the pipe that fails to send the first answer, as pickling a too-deep result did."""

    def __init__(self, request: dict):
        self.requests = [request]
        self.sent: list = []

    def recv(self):
        if not self.requests:
            raise EOFError
        return self.requests.pop()

    def send(self, message) -> None:
        if message[0] == "result" and not any(kind == "error" for kind, _ in self.sent):
            raise RecursionError("maximum recursion depth exceeded while calling a Python object")
        self.sent.append(message)


def test_a_worker_answers_with_an_error_when_its_answer_cannot_be_sent(hardening_dist):
    from gcm_graph.store.worker import _loop

    request = {"query": "ASK {}", "default_graphs": None, "named_graphs": None, "max_rows": 1}
    connection = PickyConnection(request)
    _loop(connection, hardening_dist, isolated=False)
    assert [kind for kind, _ in connection.sent] == ["ready", "error"]
    assert "could not be sent: RecursionError" in connection.sent[1][1]
