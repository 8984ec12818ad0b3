"""Flask application factory: ``create_app(config)`` wires a backend and blueprints.

Backends, by configuration:

* ``FRKG_BACKEND``: an object implementing :class:`frkg.backend.Backend` (tests, embedding);
* ``FRKG_SPARQL_ENDPOINT``: a remote SPARQL 1.1 server (:class:`frkg.remote.RemoteBackend`); with
  ``FRKG_UPDATE_TOKEN`` updates go to ``FRKG_REMOTE_UPDATE_URL`` (default: the same URL) with
  ``FRKG_REMOTE_USER`` / ``FRKG_REMOTE_PASSWORD`` (HTTP digest) if set; ``FRKG_REMOTE_TIMEOUT_PARAM``
  (e.g. ``timeout={ms}``) passes the time limit to the server;
* ``FRKG_STORE`` with ``FRKG_UPDATE_TOKEN``: the store opened writable by one worker process
  that applies updates and answers reads (update mode, one server process);
* ``FRKG_STORE``: the store opened read-only (the default).

Endpoint settings (``FRKG_QUERY_TIMEOUT``, ``FRKG_MAX_ROWS``, ...) are listed in
:data:`frkg.sparql.state.DEFAULTS`.
"""
from __future__ import annotations

from typing import Any

from flask import Flask, current_app

from frkg.backend import Backend, ExecutorBackend, OxigraphBackend


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app.  ``FRKG_STORE`` (a store directory) or ``FRKG_BACKEND`` (an object) is required."""
    from frkg.sparql import init_endpoint

    app = Flask(__name__)
    app.config.update(config or {})
    backend = app.config.get("FRKG_BACKEND") or _make_backend(app.config)
    app.extensions["frkg.backend"] = backend
    init_endpoint(app, backend)
    _register_blueprints(app)
    return app


def backend() -> Backend:
    """The backend of the app handling the current request (reopened if a new build was swapped in)."""
    found = current_app.extensions["frkg.backend"]
    refresh = getattr(found, "refresh", None)
    if refresh is not None:
        refresh(current_app.config.get("FRKG_RELOAD_INTERVAL", 1.0))
    return found


def _make_backend(config) -> Backend:
    if config.get("FRKG_SPARQL_ENDPOINT"):
        from frkg.remote import RemoteBackend

        user = config.get("FRKG_REMOTE_USER")
        return RemoteBackend(config["FRKG_SPARQL_ENDPOINT"], timeout=float(config.get("FRKG_QUERY_TIMEOUT", 30)),
                             update_url=config.get("FRKG_REMOTE_UPDATE_URL"),
                             update_auth=(user, config.get("FRKG_REMOTE_PASSWORD") or "") if user else None,
                             timeout_param=config.get("FRKG_REMOTE_TIMEOUT_PARAM"))
    if config.get("FRKG_UPDATE_TOKEN"):
        from frkg.sparql.executor import ProcessExecutor

        executor = ProcessExecutor(config["FRKG_STORE"], 1, float(config.get("FRKG_QUERY_TIMEOUT", 30)), writable=True)
        return ExecutorBackend(executor, config["FRKG_STORE"])
    return OxigraphBackend(config["FRKG_STORE"])


def _register_blueprints(app: Flask) -> None:
    """One blueprint per kind of page; keep one registration per line."""
    # -- blueprints --
    from frkg.web import register as register_web_ui  # entity pages, search, catalogue, ontology, editor
    register_web_ui(app)
