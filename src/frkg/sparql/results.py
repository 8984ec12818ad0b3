"""Turn a pyoxigraph query result into the bytes of one negotiated format.

Shared by the embedded executor (inside its worker process) and the remote
executor, so both cut results at the row limit and serialise them the same way.
Kept free of Flask so worker processes start fast.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

RESULTS_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


@dataclass(frozen=True)
class Outcome:
    """What running one query produced: a body to send, or an error to report.

    ``status`` is ``ok``, ``syntax`` (bad query: 400), ``rejected`` (failed update: 400), ``not_acceptable``
    (406), ``refused`` (403) or ``error`` (500).
    """

    status: str
    body: bytes = b""
    media_type: str = ""
    kind: str = ""
    rows: int = 0
    truncated: bool = False
    message: str = ""


def encode(result, results_format: str | None, graph_format: str | None, max_rows: int) -> Outcome:
    """Serialise ``result`` (solutions, boolean or triples) in the format chosen for its kind."""
    if isinstance(result, ox.QueryBoolean):
        return _encode_boolean(bool(result), results_format)
    if isinstance(result, ox.QuerySolutions):
        return _encode_solutions(result, results_format, max_rows)
    return _encode_triples(result, graph_format, max_rows)


def encode_whole(result, results_format: str | None, graph_format: str | None, rows: int) -> Outcome:
    """Serialise a result already known to hold ``rows`` rows, fewer than the row limit, in one pass.

    :func:`encode` writes TSV or N-Triples first so that it can count and cut
    rows, then converts; for a small answer whose size a run on the same
    build has shown (:mod:`frkg.sparql.inprocess`), that detour is a third of
    a cheap lookup.  pyoxigraph's writers give the same bytes either way.
    """
    if isinstance(result, ox.QueryBoolean):
        return _encode_boolean(bool(result), results_format)
    if isinstance(result, ox.QuerySolutions):
        if results_format is None:
            return _not_acceptable("solutions")
        body = result.serialize(format=RESULTS_FORMATS[results_format])
        return Outcome("ok", body, MEDIA_TYPES[results_format], "solutions", rows)
    if graph_format is None:
        return _not_acceptable("graph")
    body = ox.serialize(result, format=GRAPH_FORMATS[graph_format]) or b""
    return Outcome("ok", body, MEDIA_TYPES[graph_format], "graph", rows)


def _not_acceptable(kind: str) -> Outcome:
    offered = RESULTS_FORMATS if kind != "graph" else GRAPH_FORMATS
    types = ", ".join(MEDIA_TYPES[name].split(";")[0] for name in offered)
    return Outcome("not_acceptable", kind=kind, message=f"A {kind} result can be served as: {types}.")


def _encode_boolean(value: bool, results_format: str | None) -> Outcome:
    if results_format is None:
        return _not_acceptable("boolean")
    if results_format in ("csv", "tsv"):
        body = b"true" if value else b"false"
    else:
        solutions = ox.parse_query_results(
            json.dumps({"head": {}, "boolean": value}), format=ox.QueryResultsFormat.JSON
        )
        body = solutions.serialize(format=RESULTS_FORMATS[results_format])
    return Outcome("ok", body, MEDIA_TYPES[results_format], "boolean", 1)


class _RowsExceeded(Exception):
    """Raised by :class:`_LineBudget` to stop pyoxigraph's writer once the row limit is passed."""


class _LineBudget:
    """A file-like sink for pyoxigraph's line-per-row writers (TSV, N-Triples) that stops after ``limit`` rows.

    pyoxigraph serialises a whole result in Rust, far faster than building it
    row by row in Python, but it has no row limit; counting the newlines of
    the chunks it writes gives one, and raising from ``write`` stops it early
    so an unbounded result never fills memory.
    """

    def __init__(self, limit: int, header_lines: int) -> None:
        self.chunks: list[bytes] = []
        self.limit, self.lines = limit + header_lines, 0

    def write(self, chunk) -> int:
        data = bytes(chunk)
        self.chunks.append(data)
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            raise _RowsExceeded
        return len(data)

    def flush(self) -> None:
        """Nothing buffered here."""

    def body(self) -> tuple[bytes, bool]:
        """The lines written, at most ``limit`` of them, and whether more were cut."""
        data = b"".join(self.chunks)
        if self.lines <= self.limit:
            return data, False
        cut = 0
        for _ in range(self.limit):
            cut = data.index(b"\n", cut) + 1
        return data[:cut], True


def _write_lines(result, line_format, limit: int, header_lines: int) -> tuple[bytes, bool]:
    sink = _LineBudget(limit, header_lines)
    try:
        result.serialize(sink, format=line_format)
    except _RowsExceeded:
        pass
    return sink.body()


def _encode_solutions(solutions: ox.QuerySolutions, results_format: str | None, max_rows: int) -> Outcome:
    """Write at most ``max_rows`` rows as TSV (one row a line: countable), then convert in pyoxigraph.

    TSV keeps every term exactly (N-Triples syntax), so re-reading it and
    writing JSON, XML or CSV loses nothing.
    """
    if results_format is None:
        return _not_acceptable("solutions")
    body, truncated = _write_lines(solutions, ox.QueryResultsFormat.TSV, max_rows, header_lines=1)
    rows = body.count(b"\n") - 1
    if results_format != "tsv":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
        body = parsed.serialize(format=RESULTS_FORMATS[results_format])
    return Outcome("ok", body, MEDIA_TYPES[results_format], "solutions", rows, truncated)


def _encode_triples(triples: ox.QueryTriples, graph_format: str | None, max_rows: int) -> Outcome:
    """Write at most ``max_rows`` triples as N-Triples (one a line), then convert in pyoxigraph."""
    if graph_format is None:
        return _not_acceptable("graph")
    body, truncated = _write_lines(triples, ox.RdfFormat.N_TRIPLES, max_rows, header_lines=0)
    rows = body.count(b"\n")
    if graph_format != "ntriples":
        body = ox.serialize(ox.parse(body, format=ox.RdfFormat.N_TRIPLES), format=GRAPH_FORMATS[graph_format]) or b""
    return Outcome("ok", body, MEDIA_TYPES[graph_format], "graph", rows, truncated)
