"""Flask application factory: ``create_app(config)`` wires a backend and blueprints."""
from __future__ import annotations

from typing import Any

from flask import Flask, current_app

from frkg.backend import Backend, OxigraphBackend


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app.  ``FRKG_STORE`` (a store directory) or ``FRKG_BACKEND`` (an object) is required."""
    app = Flask(__name__)
    app.config.update(config or {})
    backend = app.config.get("FRKG_BACKEND") or OxigraphBackend(app.config["FRKG_STORE"])
    app.extensions["frkg.backend"] = backend
    _register_blueprints(app)
    return app


def backend() -> Backend:
    """The backend of the app handling the current request."""
    return current_app.extensions["frkg.backend"]


def _register_blueprints(app: Flask) -> None:
    """One blueprint per kind of page; keep one registration per line."""
    # -- blueprints --
