"""The IRIs frkg mints, in one place, so every stage agrees on them.

Entity keys are the path of the entity IRI below ``ID`` (``country/CN``,
``org/huawei``); ``iri_for`` and ``key_of`` convert between the two.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/frkg/"
FRKG = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = URIRef(BASE + "ontology")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]
LINKS_GRAPH = GRAPH["links"]
BUILD_GRAPH = GRAPH["build"]

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")

PREFIXES: dict[str, str] = {
    "frkg": str(FRKG),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "oa": str(OA),
    "vann": str(VANN),
    "void": str(VOID),
    "dcat": str(DCAT),
    "wd": str(WD),
    "dbr": str(DBR),
}


def document_graph(doc_id: str) -> URIRef:
    """Named graph holding what one document asserts."""
    return GRAPH[f"doc/{doc_id}"]


def iri_for(key: str) -> URIRef:
    """IRI of the entity or fact whose key is ``key`` (e.g. ``country/CN``)."""
    return ID[key]


def key_of(iri: str) -> str | None:
    """Inverse of :func:`iri_for`; ``None`` for IRIs outside frkg's id space."""
    iri = str(iri)
    return iri[len(str(ID)):] if iri.startswith(str(ID)) else None


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for queries and editors."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
