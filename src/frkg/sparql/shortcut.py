"""GET queries answered without Flask's request machinery; repeated ones straight from the cache.

Most SPARQL traffic is GET queries, and on a cheap or cached query Flask's
request parsing, routing and response hooks cost more than the query itself
(bench/endpoint.py).  This WSGI middleware, around the Flask app's
``wsgi_app``, answers a GET ``/sparql?query=...`` with the endpoint's own
:func:`frkg.sparql.views.run_query` (same limits, cache, headers, log line
and metrics as the view), and a GET seen before (same raw query string and
Accept header, noted by ``run_query`` beside its parsed job) with the cached
body at once.  Everything else (POST, updates, the service description page,
other paths) goes to the Flask app unchanged.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from frkg import metrics
from frkg.sparql.protocol import ProtocolError, parse_get_query
from frkg.sparql.answer import Answer
from frkg.sparql.views import answer_headers, log_request, not_modified, request_key, run_query, validators

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
        cached = self._cached(environ, key, start_response, started)
        if cached is not None:
            return cached
        try:
            req = parse_get_query(key[0])
        except ProtocolError:
            req = None  # the view reports it
        if req is None:
            return self.wsgi_app(environ, start_response)
        answer = run_query(self.state, req, environ.get("HTTP_ACCEPT"), key, started,
                           environ.get("HTTP_IF_NONE_MATCH"))
        return answer(environ, start_response)

    def _cached(self, environ: dict, key, start_response: Callable, started: float) -> Iterable[bytes] | None:
        _, build_id = self.state.current_build()
        found = self.state.cache.answer_for_request(key, build_id)
        if found is None:
            return None
        job, outcome = found
        headers = answer_headers(outcome, job.max_rows, "hit", build_id) + validators(job, build_id)
        answer = not_modified(Answer(200, headers, outcome.body, "hit"), environ.get("HTTP_IF_NONE_MATCH"))
        metrics.labelled(metrics.CACHE, "hit").inc()
        log_request("query", answer.status, time.perf_counter() - started, job.query, outcome, len(answer.body),
                    "hit")
        return answer(environ, start_response)
