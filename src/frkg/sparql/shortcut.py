"""Answer a repeated GET query straight from the result cache, before Flask parses the request.

A dashboard or the query catalogue sends the same few requests again and
again.  Once the endpoint has answered one (:func:`frkg.sparql.views.run_query`
notes its raw query string and Accept header beside the parsed job), the
same raw request is answered here with the cached body and the very headers
the view would send, and still counted and logged like any query.  Anything
else, including every request not seen before, goes to the Flask app
unchanged.  On a cache hit this skips Flask's request parsing, routing and
response hooks, which cost more than the lookup itself (bench/endpoint.py).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from frkg import metrics
from frkg.sparql.views import answer_headers, log_request, request_key

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


class RepeatedQueryShortcut:
    """WSGI middleware around the Flask app (``app.wsgi_app``) of one endpoint state."""

    def __init__(self, wsgi_app: WsgiApp, endpoint_state, path: str = "/sparql") -> None:
        self.wsgi_app, self.state, self.path = wsgi_app, endpoint_state, path

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") != self.path:
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        _, build_id = self.state.current_build()
        found = self.state.cache.answer_for_request(request_key(environ), build_id)
        if found is None:
            return self.wsgi_app(environ, start_response)
        job, outcome = found
        headers = answer_headers(outcome, job.max_rows, "hit", build_id)
        start_response("200 OK", [*headers, ("Content-Length", str(len(outcome.body)))])
        metrics.labelled(metrics.CACHE, "hit").inc()
        log_request("query", 200, time.perf_counter() - started, job.query, outcome, len(outcome.body), "hit")
        return [outcome.body]
