"""Turn RDF terms into plain, JSON-ready dicts that templates and twins share.

Every term a page shows becomes ``{"iri" | "value", "label", "href", ...}`` so
the HTML and JSON renderers read the same data.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from flask import url_for

from frkg.namespaces import FRKG, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, key_of
from frkg.web.cache import per_build

FRKG_NS = str(FRKG)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PREFIX_SPARQL = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + (
    f"PREFIX inferred: <{INFERRED_GRAPH}>\n"
)

_ONTOLOGY_LABELS = f"""
SELECT ?t ?label WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?t rdfs:label ?label }} }}
"""


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return re.split(r"[#/]", iri)[-1] or iri


def humanize(name: str) -> str:
    """``dealCount`` -> ``deal count``: a readable fallback when a term has no label."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").replace("-", " ").lower()


def curie(iri: str) -> str:
    """``frkg:Firm`` for IRIs in a known namespace, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@per_build
def ontology_labels(backend) -> dict[str, str]:
    """Labels of ontology terms (classes, properties, concepts), read once per build."""
    rows = backend.select(PREFIX_SPARQL + _ONTOLOGY_LABELS)
    labels: dict[str, str] = {}
    for row in rows:
        labels.setdefault(row["t"].value, row["label"].value)
    return labels


def term_label(backend, iri: str) -> str:
    """The ontology label of a term, or a humanised local name."""
    return ontology_labels(backend).get(iri) or humanize(local_name(iri))


def href_for(iri: str) -> str | None:
    """Where the UI shows a term: its entity page, the ontology page, or the IRI itself."""
    key = key_of(iri)
    if key is not None:
        return url_for("entity.page", key=key)
    if iri.startswith(FRKG_NS):
        return url_for("ontology.page") + "#" + local_name(iri)
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def view(term: ox.NamedNode | ox.Literal | ox.BlankNode | None, label: str | None = None) -> dict | None:
    """A JSON-ready view of a term; ``label`` overrides the displayed text."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        return {"kind": "iri", "iri": iri, "label": label or curie(iri), "href": href_for(iri),
                "internal": key_of(iri) is not None}
    if isinstance(term, ox.Literal):
        return {"kind": "literal", "value": term.value, "label": term.value,
                "datatype": term.datatype.value if term.datatype else None,
                "language": term.language, "href": None}
    return {"kind": "bnode", "label": f"_:{term.value}", "href": None}


def literal_value(term) -> str | None:
    """Plain string of a literal (or ``None``)."""
    return term.value if term is not None else None


def number(term) -> float | int | None:
    """A numeric literal as a Python number (``None`` if absent or not a number)."""
    if term is None:
        return None
    try:
        as_float = float(term.value)
    except ValueError:
        return None
    return int(as_float) if as_float.is_integer() else as_float
