"""GET queries answered without Flask's request machinery; repeated ones without being read again.

Most SPARQL traffic is GET queries, and on a cheap or cached query Flask's
request parsing, routing and response hooks cost more than the query itself
(bench/endpoint.py).  This WSGI middleware, around the Flask app's
``wsgi_app``, answers a GET ``/sparql?query=...`` with the endpoint's own
:func:`frkg.sparql.views.run_query` (same limits, cache, headers, log line
and metrics as the view); a request seen before (same raw query string and
Accept header) skips the reading and checking too (:mod:`frkg.sparql.prepared`).
Everything else (POST, updates, refused or malformed requests, the service
description page, other paths) goes to the Flask app, which answers and logs it.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from frkg.sparql.prepared import PreparedQuery, Refusal, RequestKey, prepare
from frkg.sparql.protocol import ProtocolError, parse_get_query
from frkg.sparql.views import request_key, run_query

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


class SparqlGetShortcut:
    """WSGI middleware around the Flask app (``app.wsgi_app``) of one endpoint state."""

    def __init__(self, wsgi_app: WsgiApp, endpoint_state, path: str = "/sparql") -> None:
        self.wsgi_app, self.state, self.path = wsgi_app, endpoint_state, path

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") != self.path:
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        key = request_key(environ)
        prepared = self.state.memo.get(key) or self._prepare(key)
        if prepared is None:
            return self.wsgi_app(environ, start_response)
        answer = run_query(self.state, prepared, started, environ.get("HTTP_IF_NONE_MATCH"))
        return answer(environ, start_response)

    def _prepare(self, key: RequestKey) -> PreparedQuery | None:
        """The checked query of a new GET request (remembered), or None when the view must answer it."""
        try:
            req = parse_get_query(key[0])
            prepared = None if req is None else prepare(req, key[1], self.state.config)
        except (ProtocolError, Refusal):
            return None
        if prepared is not None:
            self.state.memo.put(key, prepared)
        return prepared
