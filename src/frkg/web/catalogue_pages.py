"""Catalogue pages: ``/queries`` lists the analysts' queries; ``/queries/<name>`` runs one.

Parameters come from the form as text and are bound as typed terms by
:meth:`frkg.catalogue.CatalogueQuery.bind`; results render as a table, a chart
where the query's ``chart`` hint says one fits, and CSV/JSON downloads.
"""
from __future__ import annotations

import functools
import os
from urllib.parse import quote

from flask import Blueprint, abort, current_app, request, url_for

from frkg.app import backend
from frkg.catalogue import (
    Catalogue,
    CatalogueError,
    CatalogueQuery,
    ParameterError,
    UnknownQueryError,
    load_catalogue,
)
from frkg.namespaces import key_of
from frkg.web import charts, terms
from frkg.web.negotiation import respond

bp = Blueprint("catalogue", __name__)
MAX_ROWS = 1000


@functools.lru_cache(maxsize=4)
def _load(directory: str | None) -> Catalogue:
    return load_catalogue(directory)


def catalogue() -> Catalogue:
    """The catalogue of the app's ``FRKG_QUERIES`` directory (else the default), parsed once."""
    return _load(current_app.config.get("FRKG_QUERIES") or os.environ.get("FRKG_QUERIES"))


def summary(query: CatalogueQuery) -> dict:
    """What a list of queries shows about one query."""
    return {"name": query.name, "title": query.title, "description": query.description,
            "tags": list(query.tags), "chart": query.chart.kind if query.chart else None,
            "params": [{"name": p.name, "type": p.type, "default": p.default} for p in query.params],
            "href": url_for("catalogue.query_page", name=query.name)}


def featured(count: int) -> list[dict]:
    """Queries for the home page: charted ones first, then the rest in catalogue order."""
    try:
        queries = list(catalogue())
    except CatalogueError:
        return []
    ordered = sorted(queries, key=lambda q: q.chart is None)
    return [summary(q) for q in ordered[:count]]


@bp.get("/queries")
@bp.get("/queries.<fmt>")
def index(fmt: str = "html"):
    """The list of catalogue queries (JSON twin at ``/queries.json``)."""
    queries = [summary(q) for q in catalogue()]
    return respond(fmt, "queries.html", {"queries": queries},
                   twins={"json": url_for("catalogue.index", fmt="json")})


@bp.get("/queries/<name>")
def query_page(name: str):
    """One query: description, parameter form, results, chart; ``.csv``/``.json`` for the rows."""
    name, _, fmt = name.partition(".")
    fmt = fmt or "html"
    try:
        query = catalogue().get(name)
    except UnknownQueryError as exc:
        abort(404, description=str(exc))
    values = {p.name: request.args[p.name] for p in query.params if request.args.get(p.name, "") != ""}
    unknown = sorted(set(request.args) - {p.name for p in query.params} - {"run"})
    if unknown:
        abort(400, description=f"query {name!r} has no parameter {', '.join(map(repr, unknown))}; "
                               f"it takes: {', '.join(p.name for p in query.params) or 'none'}.")
    data = run_data(query, values)
    twins = {ext: url_for("catalogue.query_page", name=f"{name}.{ext}", **values) for ext in ("json", "csv")}
    header = data["columns"]
    rows = [[(row.get(c) or {}).get("iri") or (row.get(c) or {}).get("value") for c in header] for row in data["rows"]]
    return respond(fmt, "query.html", data, twins=twins, csv_rows=(header, rows))


def run_data(query: CatalogueQuery, values: dict[str, str]) -> dict:
    """Run the query with the given parameter text values (400 page if a value is refused)."""
    try:
        raw_rows = query.run(backend(), values)
    except ParameterError as exc:
        abort(400, description=str(exc))
    except OSError as exc:  # a SERVICE or remote store that cannot be reached
        abort(502, description=f"The query {query.name!r} needs a service that did not answer: {exc}")
    columns = _columns(raw_rows)
    rows = [_row(r, columns) for r in raw_rows[:MAX_ROWS]]
    form = [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
             "value": values.get(p.name, p.default or "")} for p in query.params]
    return {"query": summary(query), "text": query.text, "form": form, "values": values,
            "columns": columns, "rows": rows, "count": len(raw_rows), "truncated": len(raw_rows) > MAX_ROWS,
            "max_rows": MAX_ROWS, "chart": _chart(query, rows),
            "editor_href": url_for("sparql_editor.page") + "#query=" + quote(query.text, safe="")}


def _columns(rows: list[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _row(row: dict, columns: list[str]) -> dict:
    """Cells as term views; an IRI column takes its label from a ``<column>Label`` column."""
    cells = {c: terms.view(row.get(c)) for c in columns}
    for column, cell in cells.items():
        label = cells.get(column + "Label")
        if cell and cell["kind"] == "iri" and label:
            cell["label"] = label["label"]
        elif cell and cell["kind"] == "iri" and key_of(cell["iri"]):
            cell["label"] = key_of(cell["iri"])
    return cells


def _chart(query: CatalogueQuery, rows: list[dict]) -> dict | None:
    if query.chart is None:
        return None
    axes = query.chart.axes
    if query.chart.kind == "bar":
        return charts.bar_chart(rows, axes["x"], axes["y"])
    if query.chart.kind == "timeline":
        return charts.timeline(rows, axes["date"], axes["label"])
    return None

