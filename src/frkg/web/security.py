"""Security headers for every response and friendly error pages instead of tracebacks."""
from __future__ import annotations

import json
import logging

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from frkg.headers import SECURITY_HEADERS
from frkg.web.negotiation import MEDIA_TYPES

TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
          500: "Something went wrong", 502: "A service did not answer"}
# The SPARQL endpoint's routes keep their protocol errors for scripts (browsers still get a page).
ENDPOINT_PATHS = ("/sparql", "/healthz", "/metrics", "/.well-known/")
log = logging.getLogger(__name__)


def install(app: Flask) -> None:
    """Add the headers hook and the error handlers to the app."""
    app.after_request(add_security_headers)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected_error)


def add_security_headers(response: Response) -> Response:
    """Set the security headers unless a view chose its own (one pass over the headers, not one per name)."""
    present = {name.lower() for name, _ in response.headers}
    missing = [(name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present]
    if missing:
        response.headers.extend(missing)
    return response


def http_error(error: HTTPException):
    """A page (or JSON body) that says what went wrong; the SPARQL endpoint keeps its own errors."""
    if request.path.startswith(ENDPOINT_PATHS) and not _wants_html():
        return error
    code = error.code or 500
    message = error.description or TITLES.get(code, "Error")
    if _wants_json():
        response = Response(json.dumps({"error": code, "message": message}, ensure_ascii=False), status=code,
                            mimetype="application/json")
    else:
        response = Response(render_template("error.html", code=code, title=TITLES.get(code, error.name),
                                            message=message), status=code, mimetype="text/html")
    if code == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def unexpected_error(error: Exception):
    """Log the traceback on the server; show the user a page without it."""
    if isinstance(error, HTTPException):
        return http_error(error)
    log.exception("unhandled error on %s", request.path)
    return http_error(InternalServerError(description="The server hit an unexpected error; it has been logged."))


def _wants_json() -> bool:
    path = request.path
    if path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match([MEDIA_TYPES["html"], MEDIA_TYPES["json"]])
    return best == MEDIA_TYPES["json"]


def _wants_html() -> bool:
    """True when the client names text/html explicitly (a browser), not via */*."""
    return any(media == "text/html" for media, _ in request.accept_mimetypes)
