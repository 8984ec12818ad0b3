"""The floor for bench/endpoint.py: pyoxigraph behind a plain WSGI function, no framework and no safeguards.

No limits, no timeout, no log line, no metrics, no headers beyond the content
type: what any Python endpoint over pyoxigraph under the same server costs at
least, so the gap between it and frkg is the price of frkg's safeguards.

    FRKG_BENCH_STORE=/tmp/store granian --interface wsgi --workers 2 --port 8002 bench.raw_wsgi:app
"""
from __future__ import annotations

import os
from urllib.parse import parse_qs

import pyoxigraph as ox

store = ox.Store.read_only(os.environ["FRKG_BENCH_STORE"])


def app(environ: dict, start_response) -> list[bytes]:
    query = parse_qs(environ.get("QUERY_STRING", "")).get("query", [""])[0]
    try:
        body = store.query(query).serialize(format=ox.QueryResultsFormat.JSON)
    except SyntaxError as err:
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [str(err).encode()]
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(body)))])
    return [body]
