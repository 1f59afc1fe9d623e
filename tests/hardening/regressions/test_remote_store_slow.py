"""What broke: a remote store that answered slowly kept the request waiting as long as it liked. The
timeout given to the HTTP client bounds each wait for a byte, not the whole answer, so a store sending
one byte every 0.2 s held a server thread until it stopped (10 s in the test, forever in general) and the
client then got 502. A store that does not answer at all was a 503, the status the embedded store uses
for a query it stopped; a remote store that did not answer in time is a gateway timeout. Found by the
remote fault tests (``FaultyStore`` in the modes ``trickle`` and ``silent``, and a SIGSTOPped Oxigraph).

Reading the answer now stops at the deadline: 504 within twice the timeout."""

from __future__ import annotations

import time

import pytest

from gcm_graph.store import DatasetSelection, StoreError
from gcm_graph.store.remote import RemoteStore
from tests.hardening.faulty_store import SLOW, FaultyStore

TIMEOUT = 1.0


@pytest.fixture(scope="module")
def faulty():
    store = FaultyStore("http://127.0.0.1:9/query")
    yield store
    store.close()


@pytest.mark.parametrize("mode", SLOW)
def test_a_slow_store_is_a_gateway_timeout_within_twice_the_timeout(faulty, mode):
    faulty.mode = mode
    store = RemoteStore(faulty.url)
    started = time.monotonic()
    try:
        with pytest.raises(StoreError, match="did not answer within") as failure:
            store.query("SELECT * WHERE { ?s ?p ?o }", DatasetSelection(), TIMEOUT, 10)
    finally:
        store.close()
    assert failure.value.status == 504
    assert time.monotonic() - started < 2 * TIMEOUT + 0.5
