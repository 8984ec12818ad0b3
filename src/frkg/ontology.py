"""Load the frkg ontology (OWL classes and properties plus the SKOS taxonomies).

Both files are parsed into one rdflib Graph because every consumer (reasoner,
SHACL, the store's ontology graph) needs the class hierarchy and the concepts
together.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from frkg.namespaces import PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_FILES = ("frkg.ttl", "taxonomy.ttl")
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def _bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


@lru_cache(maxsize=1)
def _parsed(directory: Path) -> Graph:
    graph = _bind_prefixes(Graph())
    for name in ONTOLOGY_FILES:
        graph.parse(directory / name, format="turtle")
    return graph


def load_ontology(directory: Path | None = None) -> Graph:
    """frkg.ttl + taxonomy.ttl as a fresh Graph (a copy: callers may modify it)."""
    cached = _parsed(Path(directory or ONTOLOGY_DIR))
    copy = _bind_prefixes(Graph())
    for triple in cached:
        copy.add(triple)
    return copy


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (ontology/shapes.ttl)."""
    return _bind_prefixes(Graph()).parse(path or SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def taxonomy_concepts() -> frozenset[str]:
    """IRIs of the SKOS concepts the taxonomy defines (and so names).

    Documents must not give these concepts labels of their own: the taxonomy's
    preferred and alternative labels are the single source of their names.
    """
    graph = _parsed(ONTOLOGY_DIR)
    return frozenset(str(c) for c in graph.subjects(RDF.type, SKOS.Concept))
