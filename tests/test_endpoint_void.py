"""VoID + DCAT description of the real corpus build (also used by `frkg export`)."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from frkg.backend import OxigraphBackend
from frkg.namespaces import DCAT, VOID
from frkg.store import open_store
from frkg.void import DATASET, describe_dataset


def test_describes_the_corpus_build(corpus_store):
    store = open_store(corpus_store)
    graph = describe_dataset(store)
    default_triples = len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert int(graph.value(DATASET, VOID.triples)) == default_triples
    assert graph.value(DATASET, DCTERMS.license) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    backend = OxigraphBackend(corpus_store)
    assert str(graph.value(DATASET, DCAT.version)) == backend.build_id != ""
    subsets = {str(g) for g in graph.objects(DATASET, VOID.subset) if "/graph/" in str(g)}
    assert subsets == {g.value for g in store.named_graphs()}
    assert int(graph.value(DATASET, VOID.entities)) > 0
    assert len(describe_dataset(backend)) == len(graph)  # a Backend gives the same description
