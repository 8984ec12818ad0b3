"""``frkg serve``: the web app and SPARQL endpoint under gunicorn (a production WSGI server).

Each gunicorn worker opens the store read-only (they share it through the
operating system's page cache) and runs queries itself; a query that overruns
``--timeout`` is answered 503 and its worker ended and replaced
(:mod:`frkg.sparql.inprocess`).  In update mode one worker keeps one writable
query process, killed and replaced on a timeout (:mod:`frkg.sparql.executor`).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from frkg.cli import cli


class FrkgServer(BaseApplication):
    """gunicorn running ``create_app(app_config)`` in every worker (no preloading: no shared RocksDB handle)."""

    def __init__(self, app_config: dict[str, Any], options: dict[str, Any]) -> None:
        self.app_config, self.options = app_config, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from frkg.app import create_app

        return create_app(self.app_config)


def _post_worker_init(worker) -> None:
    """Start the worker's query process before the first request arrives."""
    state = worker.wsgi.extensions.get("frkg.sparql")
    warm = getattr(state.executor, "warm", None) if state else None
    if warm:
        warm()


def _worker_exit(server, worker) -> None:
    state = getattr(worker, "wsgi", None) and worker.wsgi.extensions.get("frkg.sparql")
    if state:
        state.executor.close()


def _child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


@cli.command("serve")
@click.option("--store", "store", type=click.Path(path_type=Path), help="Store directory written by `frkg build`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="gunicorn worker processes.")
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
@click.option("--service-allowlist", multiple=True, help="Endpoint URL that SERVICE clauses may call (repeatable).")
def serve(store, host, port, workers, timeout, max_rows, max_query_length, cache_mb, update_token,
          sparql_endpoint, service_allowlist) -> None:
    """Serve the SPARQL endpoint and the web pages over the store (or a remote SPARQL server)."""
    if not sparql_endpoint and (store is None or not store.is_dir()):
        raise click.BadParameter(f"{store}: no store directory here; build one with `frkg build` "
                                 "or pass --sparql-endpoint URL", param_hint="--store")
    if update_token and sparql_endpoint:
        raise click.BadParameter("updates go to the remote server itself", param_hint="--update-token")
    if update_token and workers > 1:
        click.echo("update mode: one writable store, so one worker (--workers ignored)", err=True)
        workers = 1
    app_config = {
        "FRKG_STORE": str(store) if store else None,
        "FRKG_SPARQL_ENDPOINT": sparql_endpoint,
        "FRKG_QUERY_TIMEOUT": timeout,
        "FRKG_MAX_ROWS": max_rows,
        "FRKG_MAX_QUERY_LENGTH": max_query_length,
        "FRKG_CACHE_BYTES": cache_mb * 1024 * 1024,
        "FRKG_UPDATE_TOKEN": update_token,
        "FRKG_SERVICE_ALLOWLIST": list(service_allowlist),
        "FRKG_QUERY_IN_PROCESS": not update_token,  # read-only: no query-process round trip (inprocess.py)
        "MAX_CONTENT_LENGTH": _max_body(max_query_length, bool(update_token)),
    }
    metrics_dir = tempfile.mkdtemp(prefix="frkg-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": int(timeout) + 30,  # gunicorn's watchdog: only for a worker stuck outside a query
        "graceful_timeout": 10,
        "accesslog": None,
        "post_worker_init": _post_worker_init,
        "worker_exit": _worker_exit,
        "child_exit": _child_exit,
        "proc_name": "frkg-serve",
        "control_socket_disable": True,
    }
    click.echo(f"frkg: SPARQL endpoint at http://{host}:{port}/sparql ({workers} workers)", err=True)
    try:
        FrkgServer(app_config, options).run()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


def _max_body(max_query_length: int, updates: bool) -> int:
    """Largest request body: a form-encoded query may triple in size; uploads need room in update mode."""
    return max(4 * max_query_length, 64 * 1024 * 1024) if updates else 4 * max_query_length + 4096
