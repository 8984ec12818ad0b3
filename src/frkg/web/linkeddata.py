"""Linked Data: entity IRIs dereference with content negotiation (Cool URIs, 303 See Other).

``https://w3id.org/frkg/id/{key}`` is served locally at ``/id/{key}``: browsers
are sent to ``/page/{key}``, RDF clients to ``/data/{key}.ttl|.jsonld|.nt|.rdf``.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, request, url_for

from frkg.app import backend
from frkg.namespaces import PREFIXES
from frkg.web import entity
from frkg.web import entity_queries as q
from frkg.web.negotiation import MEDIA_TYPES

bp = Blueprint("linkeddata", __name__)
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
}
# What a client may ask for at /id/..., in our order of preference for */*.
NEGOTIABLE = ["text/html", "application/xhtml+xml", "text/turtle", "application/ld+json",
              "application/n-triples", "application/rdf+xml", "application/json"]
EXT_FOR_MEDIA = {MEDIA_TYPES[ext]: ext for ext in RDF_FORMATS}


@bp.get("/id/<path:key>")
def resolve(key: str):
    """303 to the HTML page or the RDF document that describes the thing named by the IRI."""
    entity.subject_or_404(key)
    best = request.accept_mimetypes.best_match(NEGOTIABLE, default=None)
    if best is None:
        abort(406, description="This IRI has HTML, Turtle, JSON-LD, N-Triples and RDF/XML descriptions; "
                               "ask for one of text/html, " + ", ".join(EXT_FOR_MEDIA) + ".")
    if best in EXT_FOR_MEDIA:
        target = url_for("linkeddata.data", key=key, ext=EXT_FOR_MEDIA[best])
    elif best == "application/json":
        target = url_for("entity.page", key=key + ".json")
    else:
        target = url_for("entity.page", key=key)
    response = redirect(target, code=303)
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/data/<path:key>.<ext>")
def data(key: str, ext: str):
    """The entity's description (its triples, triples about it, neighbours' labels) as RDF."""
    if ext not in RDF_FORMATS:
        abort(404, description=f"No “.{ext}” format: use .ttl, .jsonld, .nt or .rdf.")
    subject = entity.subject_or_404(key)
    rows = backend().select(q.DESCRIBE, {"s": subject})
    triples = [ox.Triple(r["a"], r["b"], r["c"]) for r in rows if not isinstance(r["b"], ox.Literal)]
    body = serialize(triples, RDF_FORMATS[ext])
    response = Response(body, mimetype=MEDIA_TYPES[ext])
    response.headers["Link"] = f'<{url_for("entity.page", key=key)}>; rel="alternate"; type="text/html"'
    return response


def serialize(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """Triples in ``fmt``, with the ontology's prefixes where the format has them."""
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES)
    return ox.serialize(triples, format=fmt)

