"""Entity pages: what the graph knows about one thing, each fact with its source sentence.

``/page/<key>`` (HTML), ``/page/<key>.json`` (the same data) and
``/page/<key>.svg`` (the neighbourhood picture).  Documents get the document
page (see :mod:`frkg.web.documents`).
"""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request, url_for

from frkg.app import backend
from frkg.namespaces import INFERRED_GRAPH, LINKS_GRAPH, iri_for, key_of
from frkg.web import entity_queries as q
from frkg.web import facts as fact_lib
from frkg.web import neighbourhood, terms
from frkg.web.negotiation import respond, split_format

bp = Blueprint("entity", __name__)
DOCUMENT_CLASSES = {terms.FRKG_NS + name for name in ("Document", "NewsArticle", "Study", "Report")}
FACTS_PER_PAGE = 50
EVIDENCE_PER_FACT = 10  # on a participant's page; the fact's own page lists all


@bp.get("/page/<path:key>")
def page(key: str):
    """The entity's page, JSON twin or neighbourhood SVG, chosen by the URL suffix."""
    key, fmt = split_format(key, ("json", "svg"))
    subject = subject_or_404(key)
    if _is_document(subject):
        from frkg.web import documents

        return documents.render(key, subject, fmt)
    data = entity_data(key, subject)
    if fmt == "svg":
        return Response(render_template("neighbourhood.svg", picture=data["picture"]), mimetype="image/svg+xml")
    return respond(fmt, "entity.html", data, twins=twins(key))


def subject_or_404(key: str) -> ox.NamedNode:
    """The entity's IRI, or a 404 page when the graph says nothing about it."""
    subject = ox.NamedNode(str(iri_for(key)))
    if not backend().select(q.EXISTS, {"s": subject}):
        abort(404, description=f"The graph has nothing about “{key}”. Try the search box.")
    return subject


def _is_document(subject: ox.NamedNode) -> bool:
    rows = backend().select(q.TYPES, {"s": subject})
    return any(row["type"].value in DOCUMENT_CLASSES for row in rows) and bool(
        backend().select(terms.PREFIX_SPARQL + "SELECT ?s WHERE { ?s frkg:text ?t } LIMIT 1", {"s": subject}))


def twins(key: str) -> dict[str, str]:
    """URLs of the page's other renderings (JSON, RDF documents, picture)."""
    paging = {k: v for k, v in request.args.items() if k in ("kind", "page")}
    links = {"json": url_for("entity.page", key=key + ".json", **paging)}
    for ext in ("ttl", "jsonld", "nt", "rdf"):
        links[ext] = url_for("linkeddata.data", key=key, ext=ext)
    return links


def entity_data(key: str, subject: ox.NamedNode) -> dict:
    """Everything the entity page shows, as plain JSON-ready data."""
    b = backend()
    bind = {"s": subject}
    names = _names(b.select(q.NAMES, bind))
    label = names["label"] or key
    facts = _facts(b, subject, bind)
    outgoing = _links(b, b.select(q.OUTGOING, bind), "o", "olabel")
    incoming = _links(b, b.select(q.INCOMING, bind), "x", "xlabel")
    _label_fact_nodes(outgoing + incoming, facts)
    shown, paging = fact_page(key, facts)
    entity = {"iri": subject.value, "key": key, "label": label, "href": url_for("entity.page", key=key)}
    return {
        "entity": entity,
        "alt_labels": names["alt"],
        "description": names["description"],
        "types": _types(b, b.select(q.TYPES, bind)),
        "external": _external(b.select(q.EXTERNAL, bind)),
        "facts": shown,
        "fact_paging": paging,
        "outgoing": outgoing,
        "incoming": incoming,
        "mentions": _mentions(b.select(q.MENTIONS, bind)),
        "picture": neighbourhood.layout(entity, _neighbours(facts, outgoing, incoming, subject.value)),
        "limit": q.NEIGHBOUR_LIMIT,
        "evidence_shown": EVIDENCE_PER_FACT,
    }


def fact_page(key: str, facts: list[dict]) -> tuple[list[dict], dict]:
    """One page of the facts (``?kind=`` keeps one class, ``?page=`` picks the page) and how to reach the rest.

    A country at the centre of many documents takes part in hundreds of facts,
    each with its evidence: all of them on one page would weigh megabytes.
    """
    kind, page_no = request.args.get("kind"), request.args.get("page", "1")
    if not page_no.isdigit() or int(page_no) < 1:
        abort(400, description=f"page must be a whole number from 1, not “{page_no}”.")
    counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        counts[fact["class"]["label"]] += 1
    kept = [f for f in facts if kind is None or f["class"]["label"] == kind]
    pages = max(-(-len(kept) // FACTS_PER_PAGE), 1)
    page_no = min(int(page_no), pages)

    def link(**args) -> str:
        return url_for("entity.page", key=key, **{k: v for k, v in args.items() if v is not None})

    paging = {
        "total": len(facts), "kind": kind, "shown_total": len(kept), "page": page_no, "pages": pages,
        "kinds": [{"label": label, "count": n, "href": link(kind=label)} for label, n in sorted(counts.items())],
        "all_href": link() if kind else None,
        "prev": link(kind=kind, page=page_no - 1) if page_no > 1 else None,
        "next": link(kind=kind, page=page_no + 1) if page_no < pages else None,
    }
    return kept[(page_no - 1) * FACTS_PER_PAGE:page_no * FACTS_PER_PAGE], paging


def _names(rows: list[dict]) -> dict:
    by_prop: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_prop[terms.local_name(row["p"].value)].append(row["o"].value)
    label = (by_prop.get("label") or by_prop.get("prefLabel") or by_prop.get("title") or [None])[0]
    description = next((by_prop[p][0] for p in ("definition", "description", "comment") if by_prop.get(p)), None)
    return {"label": label, "alt": sorted(set(by_prop.get("altLabel", []))), "description": description}


def _types(b, rows: list[dict]) -> list[dict]:
    graphs: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        graphs[row["type"].value].add(row["g"].value)
    types = [{"iri": t, "label": terms.term_label(b, t) if t.startswith(terms.FRKG_NS) else terms.curie(t),
              "href": terms.href_for(t),
              "inferred": gs == {str(INFERRED_GRAPH)}} for t, gs in graphs.items()]
    return sorted(types, key=lambda t: (t["inferred"], not t["iri"].startswith(terms.FRKG_NS), t["label"]))


def _external(rows: list[dict]) -> list[dict]:
    """External identifiers with their review status (links outside the links graph are unverified)."""
    links: dict[str, dict] = {}
    for row in rows:
        iri = row["o"].value
        link = links.setdefault(iri, {"iri": iri, "href": iri, "label": terms.curie(iri), "status": "unverified",
                                      "property": terms.curie(row["p"].value), "site": _site(iri),
                                      "source": None, "date": None})
        if "status" in row:
            link.update(status=row["status"].value, source=terms.literal_value(row.get("source")),
                        date=terms.literal_value(row.get("date")))
        elif row["g"].value == str(LINKS_GRAPH) and link["status"] == "unverified":
            link["status"] = "verified"
    return sorted(links.values(), key=lambda link: link["iri"])


def _site(iri: str) -> str:
    for host, name in (("wikidata.org", "Wikidata"), ("dbpedia.org", "DBpedia")):
        if host in iri:
            return name
    return "external"


def _links(b, rows: list[dict], var: str, label_var: str) -> list[dict]:
    """Links grouped by property: each value with its label and whether it is only inferred."""
    merged: dict[tuple[str, str], dict] = {}
    for row in rows:
        p, value = row["p"].value, row[var]
        entry = merged.setdefault((p, str(value)), {"property": {"iri": p, "label": terms.term_label(b, p),
                                                                  "href": terms.href_for(p)},
                                                    "value": terms.view(value), "graphs": set()})
        if label_var in row:
            entry["value"]["label"] = row[label_var].value
        entry["graphs"].add(row["g"].value)
    links = []
    for entry in merged.values():
        if _is_provenance_node(entry["value"]):
            continue
        entry["inferred"] = entry.pop("graphs") == {str(INFERRED_GRAPH)}
        links.append(entry)
    return sorted(links, key=lambda e: (e["property"]["label"], e["value"]["label"]))


def _facts(b, subject: ox.NamedNode, bind: dict) -> list[dict]:
    models = fact_lib.fact_models(b, b.select(q.FACT_ROLES, bind), b.select(q.FACT_EVIDENCE, bind))
    facts = []
    for iri, fact in models.items():
        fact["self"] = iri == subject.value
        if not fact["self"]:
            fact.update(fact_lib.as_seen_by(b, fact, subject.value))
        fact["sentence"] = fact_lib.sentence_text(fact["headline"])
        facts.append(fact)
    return sorted(facts, key=lambda f: (not f["self"], f["class"]["label"], f["sentence"]))


def _is_provenance_node(value: dict) -> bool:
    """Mentions, sentences and evidence are shown with the facts and documents, not as links."""
    key = key_of(value.get("iri", "")) or ""
    return key.startswith("evidence/") or "/mention/" in key or "/sentence/" in key


def _label_fact_nodes(links: list[dict], facts: list[dict]) -> None:
    """Fact nodes have no rdfs:label; show them as "sanction: imposed by ..." instead of their key."""
    names = {f["iri"]: f'{f["class"]["label"]}: {fact_lib.sentence_text(f["headline"])}' for f in facts}
    for link in links:
        name = names.get(link["value"].get("iri"))
        if name:
            link["value"]["label"] = name


def _mentions(rows: list[dict]) -> list[dict]:
    return [{"document": {"iri": r["doc"].value, "href": terms.href_for(r["doc"].value),
                          "label": terms.literal_value(r.get("doctitle")) or key_of(r["doc"].value)},
             "count": terms.number(r["n"])} for r in rows]


def _neighbours(facts: list[dict], outgoing: list[dict], incoming: list[dict], own_iri: str) -> list[dict]:
    """Direct neighbours first, then the other participants of the entity's facts."""
    found = []
    for link in outgoing + incoming:
        value = link["value"]
        if value.get("internal") and value["iri"] != own_iri:
            found.append({"label": value["label"], "href": value["href"], "edge": link["property"]["label"]})
    for fact in facts:
        for role in fact["roles"]:
            value = role["value"]
            if value.get("internal") and value["iri"] != own_iri:
                found.append({"label": value["label"], "href": value["href"],
                              "edge": f'{fact["class"]["label"]}: {role["property"]["label"]}'})
    return found


def requested_span() -> tuple[int, int] | None:
    """The ``span=start-end`` query parameter (evidence to highlight), validated."""
    raw = request.args.get("span")
    if raw is None:
        return None
    start, _, end = raw.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(start) > int(end):
        abort(400, description=f"span must look like 10-42 (start-end character offsets), not “{raw}”.")
    return int(start), int(end)
