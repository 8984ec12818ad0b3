"""The SPARQL 1.1 endpoint: protocol, executor with time limits, cache, updates, operations.

``init_endpoint(app, backend)`` is called by :func:`frkg.app.create_app`.
"""
from __future__ import annotations

_READ_ROUTES = r"^/(sparql|healthz|metrics|\.well-known/void|graph-store)$"


def init_endpoint(app, backend) -> None:
    """Attach the endpoint's state and routes; CORS on the read routes.

    Imports happen here so that the query worker processes, which import
    :mod:`frkg.sparql.worker`, start without loading Flask.
    """
    from flask_cors import CORS

    from frkg.headers import CORS_EXPOSED_HEADERS
    from frkg.sparql import store_protocol  # noqa: F401 - registers /graph-store on the blueprint
    from frkg.sparql.shortcut import SparqlGetShortcut
    from frkg.sparql.state import make_state
    from frkg.sparql.views import bp

    app.extensions["frkg.sparql"] = endpoint_state = make_state(app, backend)
    app.register_blueprint(bp)
    app.wsgi_app = SparqlGetShortcut(app.wsgi_app, endpoint_state)
    CORS(app, resources={_READ_ROUTES: {"origins": "*"}}, send_wildcard=True,
         allow_headers=["Content-Type", "Authorization", "Accept"],
         expose_headers=list(CORS_EXPOSED_HEADERS),
         max_age=86400)

