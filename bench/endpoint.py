"""Benchmark of the SPARQL endpoint, side by side in one run (on demand, not in the test suite).

For each size of generated data (bench/datagen.py), four servers on 127.0.0.1,
one at a time so they do not compete for the CPU:

* frkg serve, result cache off (every request runs the query in a worker process);
* frkg serve, result cache on (repeated catalogue/dashboard queries);
* a bare Flask + pyoxigraph app (bench/bare_flask.py) under gunicorn, same worker count;
* rdflib-endpoint (pip install "rdflib-endpoint[cli]" -- benchmark environment only).

Two queries: a cheap lookup and a GROUP BY/COUNT aggregate.  Each is sent
``--requests`` times (or until ``--budget`` seconds pass) at concurrency 4;
requests/s, p50 and p99 latency are printed and written as JSON.

    python3 bench/endpoint.py --sizes 100000 1000000 --out bench/results-endpoint.json
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import click
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import datagen  # noqa: E402

FRKG = "https://w3id.org/frkg/ontology#"
QUERIES = {
    "lookup": "SELECT ?p ?o WHERE { <https://w3id.org/frkg/id/org/firm-cn-3> ?p ?o }",
    "aggregate": f"SELECT ?country (COUNT(?fact) AS ?facts) WHERE {{ ?fact <{FRKG}exporter> ?country }} "
                 "GROUP BY ?country ORDER BY DESC(?facts)",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(command: list[str], port: int, env: dict | None = None, path: str = "/sparql",
           ready_seconds: float = 900):
    """Start a server process group, wait until /sparql answers, stop it afterwards."""
    log = tempfile.NamedTemporaryFile(prefix="bench-server-", suffix=".log", delete=False)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}{path}"
    try:
        _wait(url, process, ready_seconds, log.name)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
        os.unlink(log.name)


def _wait(url: str, process: subprocess.Popen, seconds: float, log: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {Path(log).read_text()[-3000:]}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=5,
                            headers={"Accept": "application/sparql-results+json"}).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {seconds} s")


def measure(url: str, query: str, count: int, budget: float, concurrency: int = 4) -> dict:
    """Send ``query`` up to ``count`` times at ``concurrency``; stop early after ``budget`` seconds."""
    deadline = time.monotonic() + budget
    headers = {"Accept": "application/sparql-results+json"}
    sessions = [requests.Session() for _ in range(concurrency)]
    check = sessions[0].get(url, params={"query": query}, headers=headers, timeout=600)
    check.raise_for_status()
    rows = len(check.json()["results"]["bindings"])

    def worker(index: int) -> list[float]:
        latencies: list[float] = []
        session = sessions[index]
        for _ in range(index, count, concurrency):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            response = session.get(url, params={"query": query}, headers=headers, timeout=600)
            response.raise_for_status()
            latencies.append(time.perf_counter() - started)
        return latencies

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = [x for part in pool.map(worker, range(concurrency)) for x in part]
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "rows": rows, "rps": round(len(latencies) / wall, 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 3),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 3),
    }


def servers(store: Path, ntriples: Path, workers: int):
    """(name, command, port, env, endpoint path) of every contender."""
    frkg = [sys.executable, "-c", "from frkg.cli import cli; cli()", "serve", "--store", str(store),
            "--workers", str(workers), "--host", "127.0.0.1", "--max-rows", "1000000", "--timeout", "600"]
    port = free_port()
    yield "frkg (cache off)", frkg + ["--port", str(port), "--cache-mb", "0"], port, {}, "/sparql"
    port = free_port()
    yield "frkg (cache on)", frkg + ["--port", str(port)], port, {}, "/sparql"
    port = free_port()
    yield ("bare flask+pyoxigraph", [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                                     "bench.bare_flask:app"], port,
           {"FRKG_BENCH_STORE": str(store), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}, "/sparql")
    if shutil.which("rdflib-endpoint"):
        port = free_port()
        yield ("rdflib-endpoint", ["rdflib-endpoint", "serve", "--host", "127.0.0.1", "--port", str(port),
                                   str(ntriples)], port, {}, "/")  # rdflib-endpoint 0.6 answers at /


@click.command()
@click.option("--sizes", "-s", multiple=True, type=int, default=[100_000], show_default=True,
              help="Triples to generate (repeatable).")
@click.option("--requests", "count", default=400, show_default=True, help="Requests per query and server.")
@click.option("--budget", default=60.0, show_default=True, help="Seconds at most per query and server.")
@click.option("--workers", default=2, show_default=True, help="gunicorn workers for frkg and the bare app.")
@click.option("--workdir", type=click.Path(path_type=Path), default=Path(tempfile.gettempdir()) / "frkg-bench")
@click.option("--out", type=click.Path(path_type=Path), help="Write the figures as JSON here.")
def main(sizes, count, budget, workers, workdir, out) -> None:
    """Requests/s and p50/p99 latency of frkg serve, a bare reference and rdflib-endpoint."""
    results = []
    for size in sizes:
        store, ntriples = workdir / f"store-{size}", workdir / f"data-{size}.nt"
        if not store.exists():
            click.echo(f"generating {size} triples ...", err=True)
            datagen.write_store(store, size)
            datagen.write_ntriples(store, ntriples)
        for name, command, port, env, path in servers(store, ntriples, workers):
            click.echo(f"[{size}] starting {name}", err=True)
            with server(command, port, env, path) as url:
                for query_name, query in QUERIES.items():
                    figures = measure(url, query, count, budget)
                    results.append({"triples": size, "server": name, "query": query_name, **figures})
                    click.echo(json.dumps(results[-1]), err=True)
    _print_table(results)
    if out:
        out.write_text(json.dumps(results, indent=2))


def _print_table(results: list[dict]) -> None:
    click.echo(f"{'triples':>8} {'query':<10} {'server':<24} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'n':>5}")
    for r in results:
        click.echo(f"{r['triples']:>8} {r['query']:<10} {r['server']:<24} {r['rps']:>9} {r['p50_ms']:>9} "
                   f"{r['p99_ms']:>9} {r['requests']:>5}")
    by_key = {(r["triples"], r["query"], r["server"]): r for r in results}
    for (size, query, name), r in by_key.items():
        peer = by_key.get((size, query, "rdflib-endpoint"))
        if peer and name.startswith("frkg"):
            click.echo(f"{size} {query}: {name} = {r['rps'] / peer['rps']:.1f}x rdflib-endpoint req/s")
        bare = by_key.get((size, query, "bare flask+pyoxigraph"))
        if bare and name == "frkg (cache off)":
            click.echo(f"{size} {query}: frkg p50 / bare p50 = {r['p50_ms'] / bare['p50_ms']:.2f}")


if __name__ == "__main__":
    main()
