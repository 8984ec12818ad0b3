"""VoID + DCAT description of the dataset: size, classes, named graphs, link sets, licence, version.

Used by ``/.well-known/void`` and by ``frkg export``.  Counts come from SPARQL
over the default graph (the deduplicated union of all named graphs).
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from frkg import __version__
from frkg.namespaces import BASE, DCAT, FRKG, ID, VOID

DATASET = URIRef(BASE + "dataset")
TARGETS = {"wikidata": ("http://www.wikidata.org/entity/", "https://www.wikidata.org/"),
           "dbpedia": ("http://dbpedia.org/resource/", "https://dbpedia.org/")}

_COUNTS = "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o }"
_ENTITIES = f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?s), "{ID}")) }}"""
_CLASSES = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"""
_GRAPHS = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"""
_LINKS = """SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{match}> ?o FILTER(STRSTARTS(STR(?o), "{prefix}")) }}"""
_META = f"""SELECT ?license ?build ?created WHERE {{
  OPTIONAL {{ <{BASE}ontology> <{DCTERMS.license}> ?license }}
  OPTIONAL {{ GRAPH <{BASE}graph/build> {{
    ?b <{FRKG.buildId}> ?build OPTIONAL {{ ?b <{DCTERMS.created}> ?created }} }} }}
}} LIMIT 1"""


def describe_dataset(store_or_backend) -> Graph:
    """An rdflib graph describing the dataset held by a pyoxigraph Store or a frkg Backend."""
    select = _selector(store_or_backend)
    graph = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("frkg", FRKG)):
        graph.bind(prefix, ns)
    counts = select(_COUNTS)[0]
    graph.add((DATASET, RDF.type, VOID.Dataset))
    graph.add((DATASET, RDF.type, DCAT.Dataset))
    graph.add((DATASET, DCTERMS.title, Literal("frkg: face recognition technology trade knowledge graph", lang="en")))
    graph.add((DATASET, VOID.triples, _int(counts["triples"])))
    graph.add((DATASET, VOID.distinctSubjects, _int(counts["subjects"])))
    graph.add((DATASET, VOID.entities, _int(select(_ENTITIES)[0]["n"])))
    graph.add((DATASET, VOID.uriSpace, Literal(str(ID))))
    graph.add((DATASET, VOID.sparqlEndpoint, URIRef(BASE + "sparql")))
    _add_classes(graph, select)
    _add_graphs(graph, select)
    _add_linksets(graph, select)
    _add_metadata(graph, select)
    return graph


def _selector(source):
    """A function running a SELECT and returning rows of pyoxigraph terms, for either source."""
    if isinstance(source, ox.Store):
        def run(query, bindings=None):
            subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
            result = source.query(query, substitutions=subs)
            names = [v.value for v in result.variables]
            return [{n: s[n] for n in names if s[n] is not None} for s in result]
        return run
    return source.select


def _int(term) -> Literal:
    return Literal(int(term.value), datatype=XSD.integer)


def _add_classes(graph: Graph, select) -> None:
    graph.add((DATASET, VOID.classes, Literal(len(rows := select(_CLASSES)), datatype=XSD.integer)))
    for row in rows:
        partition = BNode()
        graph.add((DATASET, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(row["c"].value)))
        graph.add((partition, VOID.entities, _int(row["n"])))


def _add_graphs(graph: Graph, select) -> None:
    rows = select(_GRAPHS)
    graph.add((DATASET, FRKG.namedGraphCount, Literal(len(rows), datatype=XSD.integer)))
    for row in rows:
        subset = URIRef(row["g"].value)
        graph.add((DATASET, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, _int(row["n"])))


def _add_linksets(graph: Graph, select) -> None:
    for name, (prefix, homepage) in TARGETS.items():
        count = int(select(_LINKS.format(match=SKOS.exactMatch, prefix=prefix))[0]["n"].value)  # our constants
        linkset = URIRef(f"{BASE}dataset/links/{name}")
        target = URIRef(f"{BASE}dataset/external/{name}")
        graph.add((DATASET, VOID.subset, linkset))
        graph.add((linkset, RDF.type, VOID.Linkset))
        graph.add((linkset, VOID.linkPredicate, SKOS.exactMatch))
        graph.add((linkset, VOID.subjectsTarget, DATASET))
        graph.add((linkset, VOID.objectsTarget, target))
        graph.add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
        graph.add((target, RDF.type, VOID.Dataset))
        graph.add((target, VOID.uriSpace, Literal(prefix)))
        graph.add((target, DCTERMS.source, URIRef(homepage)))


def _add_metadata(graph: Graph, select) -> None:
    rows = select(_META)
    row = rows[0] if rows else {}
    if "license" in row:
        graph.add((DATASET, DCTERMS.license, URIRef(row["license"].value)))
    version = row["build"].value if "build" in row else ""
    graph.add((DATASET, DCAT.version, Literal(version or __version__)))
    graph.add((DATASET, FRKG.pipelineVersion, Literal(__version__)))
    if "created" in row:
        graph.add((DATASET, DCTERMS.modified, Literal(row["created"].value, datatype=XSD.dateTime)))
