"""The ontology page, generated at run time from ``graph/ontology``: header, class hierarchy,
classes and properties with definitions, concept schemes, and example instances."""
from __future__ import annotations

from collections import defaultdict

from flask import Blueprint, url_for

from frkg.app import backend
from frkg.namespaces import ONTOLOGY_GRAPH
from frkg.web import terms
from frkg.web.cache import per_build
from frkg.web.negotiation import respond

bp = Blueprint("ontology", __name__)
G = f"<{ONTOLOGY_GRAPH}>"

HEADER = terms.PREFIX_SPARQL + f"SELECT ?o ?p ?v WHERE {{ GRAPH {G} {{ ?o a owl:Ontology ; ?p ?v }} }}"
CLASSES = terms.PREFIX_SPARQL + f"""
SELECT ?c ?label ?definition ?super WHERE {{ GRAPH {G} {{
  ?c a owl:Class . FILTER(isIRI(?c))
  OPTIONAL {{ ?c rdfs:label ?label }} OPTIONAL {{ ?c skos:definition|rdfs:comment ?definition }}
  OPTIONAL {{ ?c rdfs:subClassOf ?super FILTER(isIRI(?super)) }} }} }}"""
PROPERTIES = terms.PREFIX_SPARQL + f"""
SELECT ?p ?kind ?label ?definition ?domain ?range ?inverse WHERE {{ GRAPH {G} {{
  VALUES ?kind {{ owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }}
  ?p a ?kind . FILTER(isIRI(?p))
  OPTIONAL {{ ?p rdfs:label ?label }} OPTIONAL {{ ?p skos:definition|rdfs:comment ?definition }}
  OPTIONAL {{ ?p rdfs:domain ?domain FILTER(isIRI(?domain)) }} OPTIONAL {{ ?p rdfs:range ?range FILTER(isIRI(?range)) }}
  OPTIONAL {{ ?p owl:inverseOf ?inverse }} }} }}"""
CONCEPTS = terms.PREFIX_SPARQL + f"""
SELECT ?scheme ?schemeLabel ?concept ?label ?definition WHERE {{ GRAPH {G} {{
  ?concept skos:inScheme ?scheme . OPTIONAL {{ ?scheme skos:prefLabel|rdfs:label ?schemeLabel }}
  OPTIONAL {{ ?concept skos:prefLabel|rdfs:label ?label }} OPTIONAL {{ ?concept skos:definition ?definition }} }} }}"""
EXAMPLES = terms.PREFIX_SPARQL + f"""
SELECT ?c (COUNT(DISTINCT ?s) AS ?n) (SAMPLE(?s) AS ?example) WHERE {{
  GRAPH {G} {{ ?c a owl:Class }} ?s a ?c }} GROUP BY ?c"""


@bp.get("/ontology")
@bp.get("/ontology.<fmt>")
def page(fmt: str = "html"):
    """The ontology page (JSON twin at ``/ontology.json``)."""
    return respond(fmt, "ontology.html", ontology_data(backend()),
                   twins={"json": url_for("ontology.page", fmt="json")})


@per_build
def ontology_data(b) -> dict:
    """Everything the page shows, read once per build."""
    header = defaultdict(list)
    for r in b.select(HEADER):
        header[terms.curie(r["p"].value)].append(r["v"].value)
    classes = _classes(b)
    return {"header": dict(header), "classes": sorted(classes.values(), key=lambda c: c["label"].lower()),
            "hierarchy": _hierarchy(classes), "properties": _properties(b), "schemes": _schemes(b)}


def _classes(b) -> dict[str, dict]:
    classes: dict[str, dict] = {}
    for r in b.select(CLASSES):
        iri = r["c"].value
        if not iri.startswith(terms.FRKG_NS):
            continue  # other vocabularies' classes show up as superclasses only
        c = classes.setdefault(iri, _term(iri, r) | {"supers": [], "count": 0, "example": None,
                                                      "page": _class_page(iri)})
        if "super" in r and r["super"].value not in [s["iri"] for s in c["supers"]]:
            c["supers"].append(_super(b, r["super"].value))
    for r in b.select(EXAMPLES):
        if r["c"].value in classes:
            example = r["example"].value
            classes[r["c"].value].update(count=terms.number(r["n"]), example={
                "iri": example, "href": terms.href_for(example), "label": terms.curie(example)})
    return classes


def _super(b, iri: str) -> dict:
    """A superclass: frkg's own link to their entry on the page, others to their IRI."""
    if iri.startswith(terms.FRKG_NS):
        return {"iri": iri, "label": terms.term_label(b, iri), "href": "#" + terms.local_name(iri)}
    return {"iri": iri, "label": terms.curie(iri), "href": iri}


def _class_page(iri: str) -> str | None:
    """Class pages exist for frkg's own classes."""
    return url_for("classes.page", name=terms.local_name(iri)) if iri.startswith(terms.FRKG_NS) else None


def _term(iri: str, row: dict) -> dict:
    return {"iri": iri, "curie": terms.curie(iri), "anchor": terms.local_name(iri),
            "label": terms.literal_value(row.get("label")) or terms.humanize(terms.local_name(iri)),
            "definition": terms.literal_value(row.get("definition"))}


def _hierarchy(classes: dict[str, dict]) -> list[dict]:
    """Nested ``{class, children}`` trees; a class with several parents appears under each."""
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for iri, c in classes.items():
        parents = [s["iri"] for s in c["supers"] if s["iri"] in classes and s["iri"] != iri]
        for parent in parents:
            children[parent].append(iri)
        if not parents:
            roots.append(iri)

    def tree(iri: str, path: frozenset) -> dict:
        kids = sorted((k for k in children[iri] if k not in path), key=lambda k: classes[k]["label"].lower())
        return {"class": {k: classes[iri][k] for k in ("iri", "label", "anchor", "count")},
                "children": [tree(k, path | {k}) for k in kids]}

    return [tree(r, frozenset({r})) for r in sorted(roots, key=lambda r: classes[r]["label"].lower())]


def _properties(b) -> list[dict]:
    props: dict[str, dict] = {}
    for r in b.select(PROPERTIES):
        iri = r["p"].value
        p = props.setdefault(iri, _term(iri, r) | {"kind": terms.local_name(r["kind"].value),
                                                   "domain": [], "range": [], "inverse": []})
        for field in ("domain", "range", "inverse"):
            if field in r:
                value = {"iri": r[field].value, "label": terms.term_label(b, r[field].value),
                         "href": terms.href_for(r[field].value)}
                if value not in p[field]:
                    p[field].append(value)
    return sorted(props.values(), key=lambda p: (p["kind"], p["label"].lower()))


def _schemes(b) -> list[dict]:
    schemes: dict[str, dict] = {}
    for r in b.select(CONCEPTS):
        scheme_iri, concept = r["scheme"].value, r["concept"].value
        label = terms.literal_value(r.get("schemeLabel")) or terms.curie(scheme_iri)
        scheme = schemes.setdefault(scheme_iri, {"iri": scheme_iri, "label": label, "concepts": {}})
        scheme["concepts"].setdefault(concept, {"iri": concept, "href": terms.href_for(concept),
                                                "label": terms.literal_value(r.get("label")) or terms.curie(concept),
                                                "definition": terms.literal_value(r.get("definition"))})
    return [{**s, "concepts": sorted(s["concepts"].values(), key=lambda c: c["label"].lower())}
            for s in sorted(schemes.values(), key=lambda s: s["label"].lower())]
