"""Known-cheap repeats run on the request thread (frkg.sparql.inprocess), with the same answers and a watchdog."""
from __future__ import annotations

import signal
import subprocess

import pyoxigraph as ox
import pytest

from frkg.backend import OxigraphBackend
from frkg.sparql.inprocess import InProcessExecutor
from frkg.sparql.results import GRAPH_FORMATS, RESULTS_FORMATS, encode, encode_whole
from frkg.sparql.worker import QueryJob

LOOKUP = "SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p ?o LIMIT 7"
TWO_WAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # ~9 million rows: about a second


@pytest.fixture()
def backend(endpoint_store) -> OxigraphBackend:
    return OxigraphBackend(endpoint_store)


def executor(backend, **options) -> InProcessExecutor:
    return InProcessExecutor(backend, server_pid=0, timeout=options.pop("timeout", 30.0), **options)


def test_a_repeat_of_a_cheap_query_runs_inline_with_the_same_answer(backend):
    ex = executor(backend, inline_seconds=5.0)
    job = QueryJob(LOOKUP, "json", None, max_rows=100)
    first = ex.run(job, backend.generation)
    assert ex.inline_runs == 0 and first.status == "ok" and first.rows == 7
    assert ex.run(job, backend.generation) == first
    assert ex.inline_runs == 1


@pytest.mark.parametrize("query", [
    "SELECT ?s (RAND() AS ?r) WHERE { ?s ?p ?o } LIMIT 3",
    "SELECT ?s WHERE { ?s ?p ?o BIND(NOW() AS ?t) } LIMIT 3",
    "SELECT ?s (STRUUID() AS ?u) WHERE { ?s ?p ?o } LIMIT 3",
    "CONSTRUCT { ?s <http://example.org/p> ?b } WHERE { ?s ?p ?o BIND(bnode() AS ?b) } LIMIT 3",
])
def test_a_query_whose_runs_may_differ_never_runs_inline(backend, query):
    ex = executor(backend, inline_seconds=5.0)
    job = QueryJob(query, "json", "turtle", max_rows=100)
    for _ in range(3):
        assert ex.run(job, backend.generation).status == "ok"
    assert ex.inline_runs == 0


def test_a_cut_answer_a_slow_run_or_another_build_is_not_taken_as_known(backend):
    cut = QueryJob("SELECT * WHERE { ?s ?p ?o }", "json", None, max_rows=10)
    ex = executor(backend, inline_seconds=5.0)
    assert ex.run(cut, backend.generation).truncated
    assert ex.run(cut, backend.generation).truncated and ex.inline_runs == 0
    slow = executor(backend, inline_seconds=0.0)
    job = QueryJob(LOOKUP, "json", None, max_rows=100)
    slow.run(job, backend.generation)
    slow.run(job, backend.generation)
    assert slow.inline_runs == 0
    ex.run(job, "build-1")
    ex.run(job, "build-2")
    assert ex.inline_runs == 0
    ex.run(job, "build-2")
    assert ex.inline_runs == 1


def test_encode_whole_writes_the_bytes_encode_writes():
    store = ox.Store()
    store.update('INSERT DATA { <http://e/a> <http://e/p> "x\\ty\\"z\\n"@en , 3 , 2.50 , "ü" , _:b . '
                 '_:b <http://e/q> "1e3"^^<http://www.w3.org/2001/XMLSchema#double> }')
    queries = ["SELECT * WHERE { ?s ?p ?o } ORDER BY ?o", "SELECT ?s ?x WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?x } }",
               "CONSTRUCT WHERE { ?s ?p ?o }", "ASK { ?s ?p 3 }", "SELECT * WHERE { ?s <http://e/none> ?o }"]
    compared = 0
    for query in queries:
        for name in [*RESULTS_FORMATS, *GRAPH_FORMATS]:
            results_format = name if name in RESULTS_FORMATS else None
            graph_format = name if name in GRAPH_FORMATS else None
            counted = encode(store.query(query), results_format, graph_format, 1000)
            assert encode_whole(store.query(query), results_format, graph_format, counted.rows) == counted
            compared += counted.status == "ok"
    assert compared == 20  # (3 SELECT + 1 ASK) x 4 result formats + 1 CONSTRUCT x 4 graph formats


def test_an_inline_run_past_the_limit_makes_the_watchdog_replace_the_workers(backend):
    stand_in = subprocess.Popen(["sleep", "60"])  # stands in for the server that SIGHUP would reach
    try:
        ex = InProcessExecutor(backend, server_pid=stand_in.pid, timeout=30.0, inline_seconds=30.0)
        job = QueryJob(TWO_WAY, "json", None, max_rows=100)
        assert ex.run(job, backend.generation).status == "ok"  # learned as cheap under this generous bound
        ex.timeout = 0.1
        ex.run(job, backend.generation)  # inline again, now ten times over the limit
        assert ex.inline_runs == 1
        assert stand_in.wait(10) == -signal.SIGHUP
    finally:
        stand_in.kill()
