"""SERVICE clauses: refused unless the remote endpoint is on the operator's allowlist.

pyoxigraph executes SERVICE itself (it has an HTTP client), so federation only
needs a gate.  The SERVICE targets are found by :mod:`frkg.sparql_text` (the
same scanner ``frkg query`` uses), and every target must be a constant IRI
listed in ``FRKG_SERVICE_ALLOWLIST``.
"""
from __future__ import annotations

from frkg.sparql_text import QueryTextError, check_services as _check_text


class ServiceRefused(Exception):
    """A SERVICE clause names an endpoint that is not allowed."""


def check_services(query: str, allowlist: list[str]) -> None:
    """Raise :class:`ServiceRefused` naming the first SERVICE target not in ``allowlist``."""
    text = query.lower()
    if "service" not in text and "\\u" not in text:  # fast path: no keyword (nor \\u escapes hiding one)
        return
    try:
        _check_text(query, allowlist, option="--service-allowlist")
    except QueryTextError as err:
        raise ServiceRefused(str(err)) from err
