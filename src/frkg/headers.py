"""Response headers shared by the web pages and the SPARQL endpoint.

One definition, so the endpoint's hot path can put them on its responses
up front (a prebuilt list costs less than after-request hooks adding them
one by one) while the hooks still cover every other response.
"""
from __future__ import annotations

# Only same-origin scripts, no inline script or eval.  YASGUI and CodeMirror
# set style attributes from script, which CSP counts as inline style.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# Response headers a cross-origin script may read from the endpoint (CORS).
CORS_EXPOSED_HEADERS: tuple[str, ...] = ("X-frkg-Truncated", "X-frkg-Row-Limit", "X-frkg-Cache", "X-frkg-Build",
                                         "Warning")
# What flask-cors adds to a read route's (non-preflight) answer, for views that set it themselves.
CORS_READ_HEADERS: dict[str, str] = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": ", ".join(CORS_EXPOSED_HEADERS),
}
