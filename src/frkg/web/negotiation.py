"""One view, many renderers: HTML, JSON, CSV and RDF of the same data.

A view computes a plain dict once; :func:`respond` renders it in the format
the URL asks for and advertises the other formats with ``Link: rel=alternate``.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from flask import Response, abort, render_template

MEDIA_TYPES = {
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "svg": "image/svg+xml",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}


def split_format(path: str, allowed: Iterable[str]) -> tuple[str, str]:
    """``"org/huawei.json"`` -> ``("org/huawei", "json")``; no known suffix -> ``"html"``."""
    stem, dot, ext = path.rpartition(".")
    if dot and ext in allowed and "/" not in ext:
        return stem, ext
    return path, "html"


def link_header(twins: dict[str, str]) -> str:
    """``Link`` header value naming each twin URL with its media type."""
    return ", ".join(f'<{url}>; rel="alternate"; type="{MEDIA_TYPES[fmt]}"' for fmt, url in twins.items())


def respond(fmt: str, template: str, data: dict, twins: dict[str, str],
            csv_rows: tuple[list[str], list[list]] | None = None, status: int = 200) -> Response:
    """Render ``data`` as ``fmt``; HTML pages link their twins in a ``Link`` header."""
    if fmt == "html":
        body = render_template(template, **data, twins=twins)
        response = Response(body, status=status, mimetype="text/html")
        response.headers["Link"] = link_header(twins)
        return response
    if fmt == "json":
        return Response(json.dumps(data, ensure_ascii=False, indent=1, default=str), status=status,
                        mimetype="application/json")
    if fmt == "csv" and csv_rows is not None:
        return Response(to_csv(*csv_rows), status=status, mimetype="text/csv")
    abort(404, description=f"This page has no '{fmt}' version.")


def to_csv(header: list[str], rows: list[list]) -> str:
    """CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()
