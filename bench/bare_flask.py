"""The bare reference for bench/endpoint.py: Flask + pyoxigraph, nothing else (no limits, no cache).

    FRKG_BENCH_STORE=/tmp/store granian --interface wsgi --workers 2 --port 8001 bench.bare_flask:app
"""
from __future__ import annotations

import os

import pyoxigraph as ox
from flask import Flask, Response, request

app = Flask(__name__)
store = ox.Store.read_only(os.environ["FRKG_BENCH_STORE"])


@app.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    query = request.values.get("query", "")
    try:
        result = store.query(query)
    except SyntaxError as err:
        return Response(str(err), 400, content_type="text/plain")
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        body = result.serialize(format=ox.QueryResultsFormat.JSON)
        return Response(body, content_type="application/sparql-results+json")
    body = ox.serialize(result, format=ox.RdfFormat.TURTLE)
    return Response(body, content_type="text/turtle")
