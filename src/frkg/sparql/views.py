"""The /sparql blueprint: queries, the service description, health, metrics and VoID."""
from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timezone

from flask import Blueprint, Response, render_template, render_template_string, request, url_for
from werkzeug.http import parse_etags, unquote_etag
from jinja2 import TemplateNotFound, UndefinedError

from frkg import metrics
from frkg.headers import CORS_READ_HEADERS, SECURITY_HEADERS
from frkg.querylog import QUERY_LOG
from frkg.sparql.answer import Answer
from frkg.sparql.executor import QueryTimeout
from frkg.sparql.prepared import PreparedQuery, Refusal, RequestKey, prepare, query_hash
from frkg.sparql.protocol import GRAPH_OFFERS, ProtocolError, parse_request
from frkg.sparql.results import MEDIA_TYPES, Outcome
from frkg.sparql.state import state

bp = Blueprint("sparql", __name__)
log = logging.getLogger(__name__)
# Every query answer carries these from the start: flask-cors leaves a response that already names its
# allowed origin alone and the security hook finds nothing missing, so the hot path skips both hooks' work.
_ANSWER_HEADERS = (*CORS_READ_HEADERS.items(), *SECURITY_HEADERS.items(), ("Vary", "Accept"))
_STATUS = {"ok": 200, "syntax": 400, "rejected": 400, "refused": 403, "not_acceptable": 406, "error": 500}


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    started = time.perf_counter()
    try:
        req = parse_request(request)
    except ProtocolError as err:
        return _finish(started, "query", plain(err.status, str(err)), None)
    if req.update is not None:
        from frkg.sparql.store_protocol import run_update

        return run_update(req, started)
    if req.query is None:
        if request.method == "GET":
            return service_description_or_page()
        return _finish(started, "query", plain(400, "missing 'query' (or 'update') parameter"), None)
    st = state()
    try:
        prepared = prepare(req, request.headers.get("Accept"), st.config)
    except Refusal as err:
        return _finish(started, "query", plain(err.status, str(err)), req.query)
    if request.method == "GET":
        st.memo.put(request_key(request.environ), prepared)
        return run_query(st, prepared, started, request.headers.get("If-None-Match")).response()
    return run_query(st, prepared, started).response()


def run_query(st, prepared: PreparedQuery, started: float, if_none_match: str | None = None) -> Answer:
    """Answer a checked query, then count and log it.

    Free of Flask's request context, so :mod:`frkg.sparql.shortcut` serves GET
    queries with it directly; ``if_none_match`` (GET only) lets a client that
    holds this very answer get 304 without the body.
    """
    answer, outcome = _query_answer(st, prepared)
    answer = not_modified(answer, if_none_match)
    log_request("query", answer.status, time.perf_counter() - started, prepared.query_hash, outcome,
                len(answer.body), answer.cache)
    return answer


def _query_answer(st, prepared: PreparedQuery) -> tuple[Answer, Outcome | None]:
    """The cached answer for this build, or the query run now (and cached), in the negotiated format."""
    job = prepared.job
    generation, build_id = st.current_build()
    outcome, cache_state = st.cache.get(job, build_id), "hit"
    if outcome is None:
        cache_state = "miss" if st.cache.max_bytes else "off"
        try:
            outcome = st.executor.run(job, generation)
        except QueryTimeout as err:
            return timeout_answer(err), None
        st.cache.put(job, build_id, outcome)
    metrics.labelled(metrics.CACHE, cache_state).inc()
    answer = outcome_answer(outcome, job.max_rows, cache_state, build_id)
    if answer.status == 200:
        answer.headers += prepared.validators(build_id)
    return answer, outcome


def not_modified(answer: Answer, if_none_match: str | None) -> Answer:
    """304 (headers only) when the client's ``If-None-Match`` names this answer's ETag."""
    if answer.status != 200 or not if_none_match:
        return answer
    etag = next((value for name, value in answer.headers if name == "ETag"), None)
    if etag is None or not parse_etags(if_none_match).contains_weak(unquote_etag(etag)[0]):
        return answer
    headers = [(name, value) for name, value in answer.headers if name != "Content-Type"]
    return Answer(304, headers, b"", answer.cache)


def request_key(environ: dict) -> RequestKey:
    """What decides a GET query's answer besides the build: its raw query string and Accept header."""
    return environ.get("QUERY_STRING", ""), environ.get("HTTP_ACCEPT", "")


def outcome_response(outcome: Outcome, max_rows: int) -> Response:
    """HTTP response for an executed job (the Graph Store Protocol's views)."""
    return outcome_answer(outcome, max_rows).response()


def outcome_answer(outcome: Outcome, max_rows: int, cache_state: str | None = None,
                   build_id: str | None = None) -> Answer:
    """The answer for an executed query; a cut result says so in headers."""
    status = _STATUS[outcome.status]
    if status != 200:
        prefix = "Malformed query: " if outcome.status == "syntax" else ""
        answer = plain_answer(status, prefix + outcome.message)
        answer.headers += _frkg_headers(cache_state, build_id)
        return answer
    if outcome.truncated:
        metrics.TRUNCATED.inc()
    return Answer(200, answer_headers(outcome, max_rows, cache_state, build_id), outcome.body, cache_state or "")


def answer_headers(outcome: Outcome, max_rows: int, cache_state: str | None, build_id: str | None) -> list:
    """Every header of a successful answer (also used as-is by :mod:`frkg.sparql.shortcut`)."""
    headers = [*_ANSWER_HEADERS, ("Content-Type", outcome.media_type), *_frkg_headers(cache_state, build_id)]
    if outcome.truncated:
        headers += [("X-frkg-Truncated", "true"), ("X-frkg-Row-Limit", str(max_rows)), (
            "Warning", f'199 frkg "result cut at the server limit of {max_rows} rows; page with LIMIT/OFFSET"')]
    return headers


def _frkg_headers(cache_state: str | None, build_id: str | None) -> list[tuple[str, str]]:
    return [("X-frkg-Cache", cache_state), ("X-frkg-Build", build_id)] if cache_state else []


def timeout_response(err: QueryTimeout, note: str = "") -> Response:
    return timeout_answer(err, note).response()


def timeout_answer(err: QueryTimeout, note: str = "") -> Answer:
    """503 for a stopped query; whatever stops it for good (ending this worker) runs once the answer is sent."""
    metrics.TIMEOUTS.inc()
    answer = plain_answer(503, f"{err} {note}".strip())
    answer.after_sent = err.after_answer
    return answer


def plain(status: int, message: str) -> Response:
    """An error (or notice) as one readable line of text (with the CORS and security headers of any answer)."""
    return plain_answer(status, message).response()


def plain_answer(status: int, message: str) -> Answer:
    return Answer(status, [*_ANSWER_HEADERS, ("Content-Type", "text/plain; charset=utf-8")],
                  (message.rstrip() + "\n").encode())


def _finish(started: float, operation: str, response: Response, text: str | None,
            outcome: Outcome | None = None) -> Response:
    """Count, time and log the request."""
    log_request(operation, response.status_code, time.perf_counter() - started, query_hash(text), outcome,
                response.calculate_content_length() or 0, response.headers.get("X-frkg-Cache", ""))
    return response


def log_request(operation: str, status: int, seconds: float, text_hash: str, outcome: Outcome | None,
                size: int, cache_state: str) -> None:
    """Metrics and one JSON log line for an answered request (``text_hash``: :func:`query_hash` of its text)."""
    metrics.observe_request(operation, status, seconds, _error_kind(status) if status >= 400 else None)
    record = {
        "time": datetime.now(timezone.utc),  # written as ISO 8601 by the query log
        "event": operation,
        "status": status,
        "duration_ms": round(seconds * 1000, 3),
        "rows": outcome.rows if outcome else 0,
        "bytes": size,
        "truncated": bool(outcome and outcome.truncated),
        "cache": cache_state,
        "query_sha256": text_hash,
    }
    QUERY_LOG.write(record, urgent=status >= 400)


def _error_kind(status: int) -> str:
    return {400: "malformed", 401: "unauthorised", 403: "refused", 406: "not_acceptable",
            413: "too_long", 503: "timeout"}.get(status, "other" if status < 500 else "server")


def service_description_or_page() -> Response:
    """RDF clients get the Service Description; browsers get the query page."""
    offers = list(GRAPH_OFFERS) + ["text/html"]
    best = request.accept_mimetypes.best_match(offers) if request.accept_mimetypes else offers[0]
    if best == "text/html":
        return Response(_query_page(), content_type="text/html; charset=utf-8")
    if best is None:
        return plain(406, "the service description is RDF: ask for " + ", ".join(GRAPH_OFFERS))
    from frkg.sparql.description import service_description

    st = state()
    graph = service_description(
        url_for("sparql.sparql", _external=True), url_for("sparql.void", _external=True),
        st.update_token is not None, st.current_build()[1],
    )
    fmt = GRAPH_OFFERS[best]
    rdflib_name = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[fmt]
    return Response(graph.serialize(format=rdflib_name), content_type=MEDIA_TYPES[fmt])


def _query_page() -> str:
    """The web pages' template if there is one, else a plain form."""
    try:
        return render_template("sparql_page.html")
    except TemplateNotFound:
        return render_template_string(_FORM)
    except UndefinedError as err:  # the template's blueprint (its context processors) is not registered
        log.warning(json.dumps({"event": "sparql_page", "error": f"sparql_page.html cannot render: {err}"}))
        return render_template_string(_FORM)


_FORM = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frkg SPARQL endpoint</title></head>
<body><h1>frkg SPARQL endpoint</h1>
<form method="post" action="{{ url_for('sparql.sparql') }}">
<p><label for="query">SPARQL query</label></p>
<textarea id="query" name="query" rows="14" cols="90">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea>
<p><label for="format">Format</label> <select id="format" name="format">
<option value="json">SPARQL JSON</option><option value="xml">XML</option><option value="csv">CSV</option>
<option value="tsv">TSV</option><option value="turtle">Turtle (CONSTRUCT)</option></select>
<button type="submit">Run</button></p></form></body></html>"""


@bp.route("/healthz")
def healthz() -> Response:
    """Liveness and readiness: the store answers a trivial query."""
    st = state()
    try:
        _, build_id = st.current_build()
        st.backend.ask("ASK { }")
    except Exception as err:  # noqa: BLE001 - any failure means "not healthy", reported as such
        return Response(json.dumps({"status": "error", "error": str(err)}), 503, content_type="application/json")
    return Response(json.dumps({"status": "ok", "build_id": build_id}), content_type="application/json")


@bp.route("/metrics")
def metrics_page() -> Response:
    st = state()
    body, content_type = metrics.exposition()
    extra = (f"# HELP frkg_sparql_cache_bytes Bytes held by this process's result cache\n"
             f"# TYPE frkg_sparql_cache_bytes gauge\nfrkg_sparql_cache_bytes {st.cache.size_bytes}\n")
    return Response(body + extra.encode(), content_type=content_type)


@bp.route("/.well-known/void")
def void() -> Response:
    """VoID + DCAT description of the dataset, computed once per build."""
    from frkg.void import describe_dataset

    st = state()
    _, build_id = st.current_build()
    cached = st.void
    if cached is None or cached[0] != build_id:
        cached = st.void = (build_id, describe_dataset(st.backend))
    best = request.accept_mimetypes.best_match(list(GRAPH_OFFERS)) if request.accept_mimetypes else "text/turtle"
    fmt = GRAPH_OFFERS.get(best or "text/turtle", "turtle")
    rdflib_name = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[fmt]
    return Response(cached[1].serialize(format=rdflib_name), content_type=MEDIA_TYPES[fmt])
