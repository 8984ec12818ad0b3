"""Limits that really act: a slow query is stopped (its process killed) and the server keeps serving."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import requests

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~2.7e10 rows on 3,000 triples


def query_processes(group: int) -> set[int]:
    """Pids of the query worker processes in the server's process group."""
    found = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if b"frkg.sparql.worker" in cmdline and int(stat[2]) == group:
            found.add(int(proc.name))
    return found


def test_slow_query_is_stopped_and_its_process_killed(frkg_server):
    requests.get(frkg_server.sparql, params={"query": "ASK {}"})
    before = query_processes(frkg_server.process.pid)
    started = time.monotonic()
    response = requests.get(frkg_server.sparql, params={"query": SLOW}, timeout=60)
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "limit of 2 s" in response.text and "stopped" in response.text
    assert elapsed < 15  # stopped near the 2 s limit, not run to completion
    assert before - query_processes(frkg_server.process.pid), "the overrunning query process should be gone"
    follow_up = requests.get(frkg_server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert follow_up.status_code == 200 and follow_up.json()["boolean"] is True
    metrics = requests.get(frkg_server.url + "/metrics").text
    timeouts = [line for line in metrics.splitlines() if line.startswith("frkg_sparql_timeouts_total")]
    assert float(timeouts[0].split()[-1]) >= 1


def test_timeout_is_logged_with_status_503(frkg_server):
    requests.get(frkg_server.sparql, params={"query": SLOW + " # logged"}, timeout=60)
    digest = hashlib.sha256((SLOW + " # logged").encode()).hexdigest()[:16]
    records = [json.loads(line) for line in frkg_server.log_text().splitlines() if digest in line]
    assert [r["status"] for r in records] == [503]
