"""Benchmark of the SPARQL endpoint, side by side in one run (on demand, not in the test suite).

For each size of generated data (bench/datagen.py), four servers on 127.0.0.1,
one at a time so they do not compete for the CPU:

* frkg serve, result cache off (every request runs the query in a worker process);
* frkg serve, result cache on (repeated catalogue/dashboard queries);
* a bare Flask + pyoxigraph app (bench/bare_flask.py) under granian (frkg's server), same worker count,
  and under gunicorn (pip install gunicorn -- benchmark environment only), the usual way to deploy it;
* pyoxigraph behind a plain WSGI function (bench/raw_wsgi.py) under granian: the floor of any Python
  endpoint over pyoxigraph, without limits, timeouts, logging or metrics;
* rdflib-endpoint (pip install "rdflib-endpoint[cli]" -- benchmark environment only).

Two queries: a cheap lookup and a GROUP BY/COUNT aggregate.  The load comes
from wrk (Debian package ``wrk``, benchmark machines only: ``apt-get install -y
wrk``), a C event-loop client that is never the bottleneck, with
``--concurrency`` connections for ``--seconds`` per query and server.  The
server (with its query processes) is pinned to ``--server-cpus`` and wrk to
``--client-cpu`` with taskset, so client and server do not share a core.
requests/s, p50 and p99 latency are printed and written as JSON.

    python3 bench/endpoint.py --sizes 100000 --sizes 1000000 --out bench/results/endpoint.json
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import click
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import datagen  # noqa: E402

FRKG = "https://w3id.org/frkg/ontology#"
LOOKUP = "SELECT ?p ?o WHERE {{ <https://w3id.org/frkg/id/org/firm-{country}-{number}> ?p ?o }}"
QUERIES: dict[str, list[str]] = {
    # the same entity every time (what a dashboard repeats; rdflib-endpoint reuses its parsed query)
    "lookup": [LOOKUP.format(country="cn", number=3)],
    # a different entity each request, cycling over all 400 firms (what analysts browsing do)
    "lookup-varied": [LOOKUP.format(country=c.lower(), number=n) for c in datagen.COUNTRIES
                      for n in range(datagen.FIRMS_PER_COUNTRY)],
    "aggregate": [f"SELECT ?country (COUNT(?fact) AS ?facts) WHERE {{ ?fact <{FRKG}exporter> ?country }} "
                  "GROUP BY ?country ORDER BY DESC(?facts)"],
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


_WRK_SCRIPT = """
local paths = {%s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format(nil, paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.stderr:write(string.format('{"requests": %%d, "seconds": %%f, "errors": %%d, "p50_us": %%d, "p99_us": %%d}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def measure(url: str, queries: list[str], seconds: float, concurrency: int, client_cpu: str,
            warmup: float = 0) -> dict:
    """Load ``url`` with ``queries`` (in turn) for ``seconds`` from wrk pinned to ``client_cpu``.

    wrk (C, one event loop) keeps ``concurrency`` connections busy for a fixed
    duration; its Lua ``done`` hook reports the request count, errors and
    latency percentiles.  Every query is checked once first (200, row count),
    then an unmeasured wrk run of ``warmup`` seconds warms the server up.
    """
    headers = {"Accept": "application/sparql-results+json"}
    rows = 0
    for query in queries:
        check = requests.get(url, params={"query": query}, headers=headers, timeout=600)
        check.raise_for_status()
        rows = max(rows, len(check.json()["results"]["bindings"]))
    paths = [urlsplit(requests.Request("GET", url, params={"query": q}).prepare().url) for q in queries]
    lua_paths = ", ".join(json.dumps(f"{p.path}?{p.query}") for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT % lua_paths)
    def wrk(duration: float) -> subprocess.CompletedProcess:
        command = ["taskset", "-c", client_cpu, "wrk", "-t1", f"-c{concurrency}", f"-d{duration:g}s",
                   "--timeout", "300s", "-s", script.name, "-H", f"Accept: {headers['Accept']}", url]
        return subprocess.run(command, capture_output=True, text=True, check=True)

    try:
        if warmup:
            wrk(warmup)
        done = wrk(seconds)
    finally:
        os.unlink(script.name)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report["errors"]:
        raise RuntimeError(f"wrk saw {report['errors']} failed requests against {url}:\n{done.stdout}")
    return {
        "requests": report["requests"], "rows": rows, "rps": round(report["requests"] / report["seconds"], 2),
        "p50_ms": report["p50_us"] / 1000, "p99_ms": report["p99_us"] / 1000,
    }


def servers(store: Path, ntriples: Path, workers: int, cpus: str):
    """(name, command, port, env, endpoint path) of every contender, pinned to ``cpus``."""
    pin = ["taskset", "-c", cpus]
    frkg = pin + [sys.executable, "-c", "from frkg.cli import cli; cli()", "serve", "--store", str(store),
                  "--workers", str(workers), "--host", "127.0.0.1", "--max-rows", "1000000", "--timeout", "600"]
    port = free_port()
    yield "frkg (cache off)", frkg + ["--port", str(port), "--cache-mb", "0"], port, {}, "/sparql"
    port = free_port()
    yield "frkg (cache on)", frkg + ["--port", str(port)], port, {}, "/sparql"
    bare_env = {"FRKG_BENCH_STORE": str(store), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    port = free_port()
    yield "bare flask+pyoxigraph (granian)", _granian(pin, workers, port, "bench.bare_flask:app"), port, bare_env, \
        "/sparql"
    port = free_port()
    yield "raw wsgi+pyoxigraph (granian)", _granian(pin, workers, port, "bench.raw_wsgi:app"), port, bare_env, \
        "/sparql"
    if shutil.which("gunicorn"):
        port = free_port()
        yield ("bare flask+pyoxigraph (gunicorn)", pin + [sys.executable, "-m", "gunicorn", "-w", str(workers),
                                                          "-b", f"127.0.0.1:{port}", "bench.bare_flask:app"],
               port, bare_env, "/sparql")
    if shutil.which("rdflib-endpoint"):
        port = free_port()
        yield ("rdflib-endpoint", pin + ["rdflib-endpoint", "serve", "--host", "127.0.0.1", "--port", str(port),
                                         str(ntriples)], port, {}, "/")  # rdflib-endpoint 0.6 answers at /


def _granian(pin: list[str], workers: int, port: int, target: str) -> list[str]:
    """granian serving a WSGI ``target`` as frkg serve does (one blocking thread per worker)."""
    return pin + [sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", str(workers),
                  "--blocking-threads", "1", "--host", "127.0.0.1", "--port", str(port), target]


@click.command()
@click.option("--sizes", "-s", multiple=True, type=int, default=[100_000], show_default=True,
              help="Triples to generate (repeatable).")
@click.option("--seconds", default=10.0, show_default=True, help="Duration of the wrk run per query and server.")
@click.option("--warmup", default=3.0, show_default=True, help="Unmeasured wrk seconds before each measurement.")
@click.option("--concurrency", default=4, show_default=True, help="Open connections kept busy by wrk.")
@click.option("--workers", default=2, show_default=True, help="Server workers for frkg and the bare app.")
@click.option("--server-cpus", default="1", show_default=True, help="taskset CPU list for the server under test.")
@click.option("--client-cpu", default="0", show_default=True, help="taskset CPU list for wrk.")
@click.option("--only", multiple=True, help="Run only the servers whose name starts with this (repeatable).")
@click.option("--workdir", type=click.Path(path_type=Path), default=Path(tempfile.gettempdir()) / "frkg-bench",
              show_default=True, help="Generated stores and N-Triples files (reused when present).")
@click.option("--out", type=click.Path(path_type=Path), help="Write the figures as JSON here.")
def main(sizes, seconds, warmup, concurrency, workers, server_cpus, client_cpu, only, workdir, out) -> None:
    """Requests/s and p50/p99 latency of frkg serve, a bare reference and rdflib-endpoint.

    Load comes from wrk (a C client: apt-get install -y wrk; benchmark machines
    only), 4 connections for --seconds per query, pinned with taskset to
    --client-cpu while the server and its processes are pinned to --server-cpus
    (on 2 cores: server on CPU 1, wrk on CPU 0).  Servers run one at a time.
    rdflib-endpoint must be installed in the benchmark environment only:
    pip install "rdflib-endpoint[cli]".  Queries: lookup (one entity, repeated),
    lookup-varied (400 entities in turn), aggregate (GROUP BY/COUNT).

    \b
    To reproduce the figures in the issue note:
      apt-get install -y wrk && pip install "rdflib-endpoint[cli]" gunicorn
      python3 bench/endpoint.py -s 100000 -s 1000000 --out bench/results/endpoint.json
    """
    if not shutil.which("wrk") or not shutil.which("taskset"):
        raise click.UsageError("needs wrk and taskset: apt-get install -y wrk util-linux")
    results = []
    for size in sizes:
        store, ntriples = workdir / f"store-{size}", workdir / f"data-{size}.nt"
        if not store.exists():
            click.echo(f"generating {size} triples ...", err=True)
            datagen.write_store(store, size)
            datagen.write_ntriples(store, ntriples)
        for name, command, port, env, path in servers(store, ntriples, workers, server_cpus):
            if only and not name.startswith(tuple(only)):
                continue
            click.echo(f"[{size}] starting {name}", err=True)
            with server(command, port, env, path) as url:
                for query_name, query in QUERIES.items():
                    figures = measure(url, query, seconds, concurrency, client_cpu, warmup)
                    results.append({"triples": size, "server": name, "query": query_name, **figures})
                    click.echo(json.dumps(results[-1]), err=True)
    _print_table(results)
    if out:
        out.write_text(json.dumps(results, indent=2))


def _print_table(results: list[dict]) -> None:
    click.echo(f"{'triples':>8} {'query':<14} {'server':<24} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'n':>7}")
    for r in results:
        click.echo(f"{r['triples']:>8} {r['query']:<14} {r['server']:<24} {r['rps']:>9} {r['p50_ms']:>9} "
                   f"{r['p99_ms']:>9} {r['requests']:>7}")
    by_key = {(r["triples"], r["query"], r["server"]): r for r in results}
    for (size, query, name), r in by_key.items():
        peer = by_key.get((size, query, "rdflib-endpoint"))
        if peer and name.startswith("frkg"):
            click.echo(f"{size} {query}: {name} = {r['rps'] / peer['rps']:.1f}x rdflib-endpoint req/s")
        for bare_name in ("bare flask+pyoxigraph (granian)", "bare flask+pyoxigraph (gunicorn)",
                          "raw wsgi+pyoxigraph (granian)"):
            bare = by_key.get((size, query, bare_name))
            if bare and name == "frkg (cache off)":
                click.echo(f"{size} {query}: frkg p50 / {bare_name} p50 = {r['p50_ms'] / bare['p50_ms']:.2f}")


if __name__ == "__main__":
    main()
