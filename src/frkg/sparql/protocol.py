"""The SPARQL 1.1 Protocol's request side: where the query is, and which format to answer in.

Accept headers are parsed by werkzeug (q-values, wildcards); ``format=`` or
``output=`` override them with a short name or a media type.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header

# Offers in order of preference: with ``*/*`` the first one wins.
RESULTS_OFFERS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/xml": "xml",
}
GRAPH_OFFERS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "text/n3": "turtle",  # Turtle is a subset of N3: N3 clients read it
    "text/rdf+n3": "turtle",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}
# ``format=`` names: (results format, graph format); None = that kind cannot be served so.
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "ntriples": (None, "ntriples"),
    "nt": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "n3": (None, "turtle"),  # SPARQLWrapper's name; Turtle is valid N3
}
QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ProtocolError(Exception):
    """A request the protocol does not allow; carries the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class SparqlRequest:
    """A query or an update extracted from GET/POST, with its dataset parameters."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...] | None
    format_override: str | None


def parse_request(request: Request) -> SparqlRequest:
    """Read the operation from the query string, a form body or a direct body (SPARQL 1.1 Protocol §2)."""
    args = request.args
    if request.method == "GET":
        return _build(args.get("query"), None, args, args)
    mimetype = request.mimetype
    if mimetype in QUERY_TYPES:
        return _build(_body_text(request), None, args, args)
    if mimetype in UPDATE_TYPES:
        return _build(None, _body_text(request), args, args, update=True)
    if mimetype in FORM_TYPES or not mimetype:
        form = request.form
        if "query" in form and "update" in form:
            raise ProtocolError(400, "send either 'query' or 'update', not both")
        if "update" in form:
            return _build(None, form["update"], form, args, update=True)
        return _build(form.get("query"), None, form, args)
    raise ProtocolError(
        415, f"unsupported Content-Type {mimetype!r}: use application/sparql-query, "
        "application/sparql-update or application/x-www-form-urlencoded"
    )


def parse_get_query(query_string: str) -> SparqlRequest | None:
    """The query of a GET request read from its raw query string; None when it holds no query (or an update)."""
    args = MultiDict(parse_qsl(query_string, keep_blank_values=True))
    if "query" not in args or "update" in args:
        return None
    return _build(args["query"], None, args, args)


def _body_text(request: Request) -> str:
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return request.get_data().decode(charset)
    except (LookupError, UnicodeDecodeError) as err:
        raise ProtocolError(400, f"the request body is not valid {charset}: {err}") from err


def _build(query, update_text, params, args, update: bool = False) -> SparqlRequest:
    default_name, named_name = ("using-graph-uri", "using-named-graph-uri") if update else \
        ("default-graph-uri", "named-graph-uri")
    defaults = params.getlist(default_name) or args.getlist(default_name)
    named = params.getlist(named_name) or args.getlist(named_name)
    override = params.get("format") or params.get("output") or args.get("format") or args.get("output")
    return SparqlRequest(query, update_text, tuple(defaults), tuple(named) if named else None, override)


def negotiate(accept_header: str | None, override: str | None) -> tuple[str | None, str | None]:
    """The (results format, graph format) to answer in; None where nothing acceptable exists.

    Cached per distinct header: clients send the same few Accept values, and
    werkzeug's matching over every offer is a measurable part of a cache hit.
    """
    if override:
        return _from_override(override.strip().lower())
    return _negotiate_accept(accept_header or "")


@lru_cache(maxsize=256)
def _negotiate_accept(accept_header: str) -> tuple[str | None, str | None]:
    accept = parse_accept_header(accept_header, MIMEAccept)
    if not accept_header.strip() or not list(accept.values()):
        return "json", "turtle"
    return _best(accept, RESULTS_OFFERS), _best(accept, GRAPH_OFFERS)


def _best(accept: MIMEAccept, offers: dict[str, str]) -> str | None:
    match = accept.best_match(list(offers))
    return offers[match] if match else None


def _from_override(value: str) -> tuple[str | None, str | None]:
    if value in FORMAT_NAMES:
        return FORMAT_NAMES[value]
    media = value.split(";")[0].strip()
    if media in RESULTS_OFFERS or media in GRAPH_OFFERS:
        return RESULTS_OFFERS.get(media), GRAPH_OFFERS.get(media)
    raise ProtocolError(
        406, f"unknown format {value!r}: use one of {', '.join(sorted(FORMAT_NAMES))} or a media type"
    )
