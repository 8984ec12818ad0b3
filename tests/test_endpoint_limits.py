"""Limits that really act: a slow query is stopped (its worker process replaced and ended) and the server keeps serving."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import requests

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~2.7e10 rows on 3,000 triples


def server_workers(arbiter: int) -> set[int]:
    """Pids of the server's worker processes (children of its main process), which run the read-only queries."""
    found = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat[1]) == arbiter and stat[0] not in "ZX":  # alive, not an exited worker awaiting reaping
            found.add(int(proc.name))
    return found


def wait_until_gone(arbiter: int, workers: set[int], seconds: float = 20) -> set[int]:
    """The workers among ``workers`` that have ended, waiting up to ``seconds`` for all of them to end."""
    deadline = time.monotonic() + seconds
    while workers & server_workers(arbiter) and time.monotonic() < deadline:
        time.sleep(0.05)
    return workers - server_workers(arbiter)


def test_slow_query_is_stopped_and_its_process_killed(frkg_server):
    requests.get(frkg_server.sparql, params={"query": "ASK {}"})
    before = server_workers(frkg_server.process.pid)
    started = time.monotonic()
    response = requests.get(frkg_server.sparql, params={"query": SLOW}, timeout=60)
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "limit of 2 s" in response.text and "stopped" in response.text
    assert elapsed < 15  # stopped near the 2 s limit, not run to completion
    # every worker of that moment is replaced, the one stuck in the query included (so the query stopped)
    assert wait_until_gone(frkg_server.process.pid, before) == before, "the worker running the query should be gone"
    assert server_workers(frkg_server.process.pid), "fresh workers should have taken over"
    follow_up = requests.get(frkg_server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert follow_up.status_code == 200 and follow_up.json()["boolean"] is True
    metrics = requests.get(frkg_server.url + "/metrics").text
    timeouts = [line for line in metrics.splitlines() if line.startswith("frkg_sparql_timeouts_total")]
    assert float(timeouts[0].split()[-1]) >= 1


def test_timeout_is_logged_with_status_503(frkg_server):
    before = server_workers(frkg_server.process.pid)
    requests.get(frkg_server.sparql, params={"query": SLOW + " # logged"}, timeout=60)
    digest = hashlib.sha256((SLOW + " # logged").encode()).hexdigest()[:16]
    records = frkg_server.log_records(lambda record: record.get("query_sha256") == digest)
    assert [r["status"] for r in records] == [503]
    # the session's server is shared: let the replaced workers end before other tests send it requests
    assert wait_until_gone(frkg_server.process.pid, before) == before
