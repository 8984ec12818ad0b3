"""What the endpoint sends for one request, computed once and then written by Flask or straight to WSGI.

The Flask views turn an :class:`Answer` into a werkzeug ``Response``;
:mod:`frkg.sparql.shortcut` writes it to the WSGI server directly, which skips
werkzeug's header validation and response finalisation (a measurable part of
a cheap query: bench/endpoint.py).  Headers are built from constants, so
there is nothing to validate.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Response
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wsgi import ClosingIterator


@dataclass
class Answer:
    """Status, headers and body of one answer; ``after_sent`` runs once the body has been handed over."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    cache: str = ""  # the X-frkg-Cache state, for the query log
    after_sent: Callable[[], None] | None = None

    def response(self) -> Response:
        """The answer as a Flask response (for views)."""
        response = Response(self.body, self.status, headers=self.headers)
        if self.after_sent:
            response.call_on_close(self.after_sent)
        return response

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """The answer as a WSGI application (for the middleware)."""
        length = [] if self.status == 304 else [("Content-Length", str(len(self.body)))]  # 304: no body, no length
        start_response(f"{self.status} {HTTP_STATUS_CODES[self.status]}", [*self.headers, *length])
        return ClosingIterator([self.body], self.after_sent) if self.after_sent else [self.body]
