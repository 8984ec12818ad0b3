"""``frkg serve``: the web app and SPARQL endpoint under granian (a production WSGI server written in Rust).

Each worker process opens the store read-only (they share it through the
operating system's page cache) and runs queries on its own query thread; a
query that overruns ``--timeout`` is answered 503 and, once that answer is
sent, its worker ends and granian starts a fresh one
(:mod:`frkg.sparql.inprocess`).  In update mode one worker keeps one writable
query process, killed and replaced on a timeout (:mod:`frkg.sparql.executor`).
granian rather than gunicorn: its HTTP layer costs about a tenth of
gunicorn's per request (bench/endpoint.py), which on a cached or cheap query
is most of the time spent.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import click

from frkg.cli import cli

CONFIG_ENV = "FRKG_SERVE_CONFIG"  # how the app's configuration reaches the worker processes (JSON)


def wsgi_app():
    """Build the app in a worker process from the configuration ``frkg serve`` left in the environment."""
    from frkg.app import create_app

    app = create_app(json.loads(os.environ[CONFIG_ENV]))
    warm = getattr(app.extensions["frkg.sparql"].executor, "warm", None)
    if warm:
        warm()  # update mode: start the writable query process before the first request
    return app


@cli.command("serve")
@click.option("--store", "store", type=click.Path(path_type=Path), help="Store directory written by `frkg build`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Server worker processes.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a query may run before it is stopped (answer 503).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Rows/triples per result; more are cut and the cut is signalled in headers.")
@click.option("--max-query-length", default=100_000, show_default=True, type=click.IntRange(1),
              help="Longest query accepted, in characters (longer: 413).")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0),
              help="Result cache per worker in MiB (0 turns it off).")
@click.option("--update-token", envvar="FRKG_UPDATE_TOKEN", default=None,
              help="Enable SPARQL Update and Graph Store writes for clients sending "
                   "'Authorization: Bearer <token>' (opens the store writable, one worker). Env: FRKG_UPDATE_TOKEN.")
@click.option("--sparql-endpoint", default=None, help="Serve a remote SPARQL 1.1 server instead of --store.")
@click.option("--remote-timeout-param", default=None, metavar="NAME=VALUE",
              help="With --sparql-endpoint: pass --timeout to the server so it stops the query there too, e.g. "
                   "timeout={ms} (Virtuoso, Fuseki), timeout={s} (GraphDB), timeout={s}s (QLever).")
@click.option("--remote-update-url", default=None, metavar="URL",
              help="With --sparql-endpoint and --update-token: where updates go (default: the endpoint URL; "
                   "Virtuoso's authenticated one is .../sparql-auth).")
@click.option("--remote-user", envvar="FRKG_REMOTE_USER", default=None,
              help="User for remote updates (HTTP digest); env FRKG_REMOTE_USER.")
@click.option("--remote-password", envvar="FRKG_REMOTE_PASSWORD", default=None,
              help="Password for remote updates; env FRKG_REMOTE_PASSWORD (keeps it off the command line).")
@click.option("--service-allowlist", multiple=True, help="Endpoint URL that SERVICE clauses may call (repeatable).")
def serve(store, host, port, workers, timeout, max_rows, max_query_length, cache_mb, update_token,
          sparql_endpoint, remote_timeout_param, remote_update_url, remote_user, remote_password,
          service_allowlist) -> None:
    """Serve the SPARQL endpoint and the web pages over the store (or a remote SPARQL server)."""
    if not sparql_endpoint and (store is None or not store.is_dir()):
        raise click.BadParameter(f"{store}: no store directory here; build one with `frkg build` "
                                 "or pass --sparql-endpoint URL", param_hint="--store")
    if remote_timeout_param:
        from frkg.remote import parse_timeout_param

        try:
            parse_timeout_param(remote_timeout_param)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--remote-timeout-param") from err
    if update_token and workers > 1:
        click.echo("update mode: one writer, and no other worker's cache to go stale, so one worker "
                   "(--workers ignored)", err=True)
        workers = 1
    app_config = {
        "FRKG_STORE": str(store) if store else None,
        "FRKG_SPARQL_ENDPOINT": sparql_endpoint,
        "FRKG_REMOTE_TIMEOUT_PARAM": remote_timeout_param,
        "FRKG_REMOTE_UPDATE_URL": remote_update_url,
        "FRKG_REMOTE_USER": remote_user,
        "FRKG_REMOTE_PASSWORD": remote_password,
        "FRKG_QUERY_TIMEOUT": timeout,
        "FRKG_MAX_ROWS": max_rows,
        "FRKG_MAX_QUERY_LENGTH": max_query_length,
        "FRKG_CACHE_BYTES": cache_mb * 1024 * 1024,
        "FRKG_UPDATE_TOKEN": update_token,
        "FRKG_SERVICE_ALLOWLIST": list(service_allowlist),
        "FRKG_QUERY_IN_PROCESS": not update_token,  # read-only: no query-process round trip (inprocess.py)
        "FRKG_SERVER_PID": os.getpid(),  # granian's main process, asked for fresh workers after a timeout
        "MAX_CONTENT_LENGTH": _max_body(max_query_length, bool(update_token)),
    }
    metrics_dir = tempfile.mkdtemp(prefix="frkg-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir  # /metrics sums every worker (frkg.metrics)
    os.environ[CONFIG_ENV] = json.dumps(app_config)
    click.echo(f"frkg: SPARQL endpoint at http://{host}:{port}/sparql ({workers} workers)", err=True)
    try:
        _granian(host, port, workers).serve()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


def _granian(host: str, port: int, workers: int):
    """granian serving :func:`wsgi_app`: one request at a time per worker, workers replaced on SIGHUP."""
    from granian import Granian
    from granian.constants import Interfaces

    return Granian(
        "frkg.cli_serve:wsgi_app", factory=True, interface=Interfaces.WSGI, address=host, port=port,
        workers=workers, blocking_threads=1,
        respawn_failed_workers=True, respawn_interval=0.5,
        workers_kill_timeout=3,  # a worker stuck in a stopped query is ended this long after its replacement
        log_access=False,
    )


def _max_body(max_query_length: int, updates: bool) -> int:
    """Largest request body: a form-encoded query may triple in size; uploads need room in update mode."""
    return max(4 * max_query_length, 64 * 1024 * 1024) if updates else 4 * max_query_length + 4096
