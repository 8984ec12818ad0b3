"""Class pages: a class's instances with their fact and mention counts, paginated and sortable.

Sorting picks one of a fixed set of ORDER BY clauses; the class IRI is bound
by substitution; page size and offset are validated integers.
"""
from __future__ import annotations

import math
import re

import pyoxigraph as ox
from flask import Blueprint, abort, request, url_for

from frkg.app import backend
from frkg.namespaces import FRKG
from frkg.web import terms
from frkg.web.negotiation import respond

bp = Blueprint("classes", __name__)
SORTS = {"label": "LCASE(STR(?label))", "facts": "?facts", "mentions": "?mentions"}
DEFAULT_SIZE, MAX_SIZE = 50, 500

_INSTANCES = terms.PREFIX_SPARQL + """
SELECT ?class ?s (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?s a ?class .
  OPTIONAL { ?s rdfs:label ?l }
  OPTIONAL { { ?f ?role ?s . ?f frkg:hasEvidence ?e } UNION { ?m frkg:denotes ?s } }
} GROUP BY ?class ?s ORDER BY %s LIMIT %d OFFSET %d"""
KNOWN = "SELECT ?class WHERE { ?class ?p ?x } LIMIT 1"
COUNT = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"


@bp.get("/class/<name>")
def page(name: str):
    """``/class/Firm`` (HTML), ``/class/Firm.json`` and ``/class/Firm.csv``."""
    name, _, fmt = name.partition(".")
    fmt = fmt or "html"
    data = class_data(name)
    header = ["iri", "label", "facts", "mentions"]
    rows = [[i["iri"], i["label"], i["facts"], i["mentions"]] for i in data["instances"]]
    return respond(fmt, "class.html", data, twins=_twins(name), csv_rows=(header, rows))


def _twins(name: str) -> dict[str, str]:
    args = {k: v for k, v in request.args.items() if k in ("sort", "order", "page", "size")}
    return {fmt: url_for("classes.page", name=f"{name}.{fmt}", **args) for fmt in ("json", "csv")}


def class_data(name: str) -> dict:
    """One page of instances of ``frkg:{name}``, sorted as the query string asks."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name):
        abort(404, description=f"“{name}” is not a class name; class names look like Firm or DealStatistic.")
    sort, order, page_no, size = _paging()
    cls = ox.NamedNode(str(FRKG[name]))
    b = backend()
    counted = b.select(COUNT, {"class": cls})
    total = terms.number(counted[0]["n"]) if counted else 0
    if total == 0 and not b.select(KNOWN, {"class": cls}):
        abort(404, description=f"The ontology has no class “{name}”. The home page lists the classes.")
    direction = "DESC" if order == "desc" else "ASC"
    query = _INSTANCES % (f"{direction}({SORTS[sort]}) ?s", size, (page_no - 1) * size)
    instances = [{"iri": r["s"].value, "href": terms.href_for(r["s"].value),
                  "label": terms.literal_value(r.get("label")) or terms.curie(r["s"].value),
                  "facts": terms.number(r["facts"]), "mentions": terms.number(r["mentions"])}
                 for r in b.select(query, {"class": cls})]
    pages = max(math.ceil(total / size), 1)
    return {
        "class": {"iri": cls.value, "name": name, "label": terms.term_label(b, cls.value),
                  "href": terms.href_for(cls.value)},
        "total": total, "instances": instances,
        "sort": sort, "order": order, "page": page_no, "size": size, "pages": pages,
        "prev": _url(name, sort, order, page_no - 1, size) if page_no > 1 else None,
        "next": _url(name, sort, order, page_no + 1, size) if page_no < pages else None,
        "sort_links": {col: _url(name, col, "desc" if sort == col and order == "asc" else "asc", 1, size)
                       for col in SORTS},
    }


def _url(name: str, sort: str, order: str, page_no: int, size: int) -> str:
    return url_for("classes.page", name=name, sort=sort, order=order, page=page_no, size=size)


def _paging() -> tuple[str, str, int, int]:
    args = request.args
    sort, order = args.get("sort", "label"), args.get("order", "asc")
    if sort not in SORTS:
        abort(400, description=f"sort must be one of {', '.join(SORTS)}, not “{sort}”.")
    if order not in ("asc", "desc"):
        abort(400, description=f"order must be asc or desc, not “{order}”.")
    page_no, size = args.get("page", "1"), args.get("size", str(DEFAULT_SIZE))
    if not page_no.isdigit() or int(page_no) < 1:
        abort(400, description=f"page must be a whole number from 1, not “{page_no}”.")
    if not size.isdigit() or not 1 <= int(size) <= MAX_SIZE:
        abort(400, description=f"size must be a whole number from 1 to {MAX_SIZE}, not “{size}”.")
    return sort, order, int(page_no), int(size)
