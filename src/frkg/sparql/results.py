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


def _encode_solutions(solutions: ox.QuerySolutions, results_format: str | None, max_rows: int) -> Outcome:
    """Collect at most ``max_rows`` rows as SPARQL JSON, then let pyoxigraph write other formats.

    pyoxigraph serialises only a whole result iterator, so a cut result is
    first written as SPARQL JSON (a few lines here) and re-read by pyoxigraph.
    """
    if results_format is None:
        return _not_acceptable("solutions")
    names = [v.value for v in solutions.variables]
    bindings, truncated = [], False
    for solution in solutions:
        if len(bindings) >= max_rows:
            truncated = True
            break
        bindings.append({n: term_json(solution[n]) for n in names if solution[n] is not None})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if results_format != "json":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=RESULTS_FORMATS[results_format])
    return Outcome("ok", body, MEDIA_TYPES[results_format], "solutions", len(bindings), truncated)


def _encode_triples(triples, graph_format: str | None, max_rows: int) -> Outcome:
    if graph_format is None:
        return _not_acceptable("graph")
    kept, truncated = [], False
    for triple in triples:
        if len(kept) >= max_rows:
            truncated = True
            break
        kept.append(triple)
    body = ox.serialize(kept, format=GRAPH_FORMATS[graph_format]) or b""
    return Outcome("ok", body, MEDIA_TYPES[graph_format], "graph", len(kept), truncated)


def term_json(term) -> dict:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {
        "subject": term_json(term.subject), "predicate": term_json(term.predicate), "object": term_json(term.object)}}
