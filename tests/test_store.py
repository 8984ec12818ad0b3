"""The on-disk store: named graphs plus a deduplicated default graph, replaced atomically."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from frkg.namespaces import document_graph
from frkg.rdf import extraction_to_graph
from frkg.store import (
    StoreError, default_graph_size, graph_quads, graph_sizes, open_store, ox_term, rdflib_term, to_rdflib,
    write_store,
)
from tests.fixtures.store.sample import TEXT, sample_extraction

G1, G2 = ox.NamedNode("https://example.org/g1"), ox.NamedNode("https://example.org/g2")
S, P = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")


def quads(graph: ox.NamedNode, n: int, offset: int = 0) -> list[ox.Quad]:
    return [ox.Quad(S, P, ox.Literal(str(i + offset)), graph) for i in range(n)]


def count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def siblings(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_default_graph_is_the_union_with_each_triple_once(tmp_path):
    path = tmp_path / "store"
    sizes = write_store(path, quads(G1, 3) + quads(G2, 3, offset=1))  # triples 1 and 2 are in both graphs
    assert sizes == {G1.value: 3, G2.value: 3, "": 4}
    store = open_store(path)
    assert count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") == 4
    assert count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") == 6
    assert default_graph_size(store) == 4


def test_two_documents_sharing_a_fact_count_it_once(tmp_path):
    first, second = sample_extraction(), sample_extraction("Preface. " + TEXT, name="b.txt")
    graphs = {ex.document.doc_id: extraction_to_graph(ex) for ex in (first, second)}
    path = tmp_path / "store"
    write_store(path, [q for d, g in graphs.items() for q in graph_quads(g, document_graph(d))])
    store = open_store(path)
    fact = ox.NamedNode(f"https://w3id.org/frkg/id/{first.facts[0].key}")
    rows = list(store.query("SELECT ?fact ?type { ?fact a ?type }", substitutions={ox.Variable("fact"): fact}))
    assert len(rows) == 1  # once in the default graph, though both document graphs hold it
    evidence = store.query("SELECT ?fact ?e { ?fact <https://w3id.org/frkg/ontology#hasEvidence> ?e }",
                           substitutions={ox.Variable("fact"): fact})
    assert len(list(evidence)) == 2


def test_rewrite_replaces_the_old_store_and_leaves_no_temporary_directory(tmp_path):
    path = tmp_path / "store"
    write_store(path, quads(G1, 5))
    write_store(path, quads(G2, 2))
    store = open_store(path)
    assert [g.value for g in store.named_graphs()] == [G2.value]
    assert default_graph_size(store) == 2
    assert siblings(path) == ["store"]


def test_failure_while_writing_keeps_the_previous_store(tmp_path):
    path = tmp_path / "store"
    write_store(path, quads(G1, 5))
    bad = quads(G2, 100) + [ox.Quad(S, P, ox.Literal("in the default graph"))]  # rejected mid-stream
    with pytest.raises(StoreError, match="named graphs only"):
        write_store(path, bad)
    store = open_store(path)
    assert graph_sizes(store) == {G1.value: 5, "": 5}
    assert siblings(path) == ["store"]


def test_open_missing_store_names_the_path_and_the_fix(tmp_path):
    with pytest.raises(StoreError, match=r"nowhere: no store here; build one with `frkg build"):
        open_store(tmp_path / "nowhere")


def test_read_only_store_rejects_writes(tmp_path):
    path = tmp_path / "store"
    write_store(path, quads(G1, 1))
    with pytest.raises(RuntimeError, match="read-write"):
        open_store(path).add(ox.Quad(S, P, ox.Literal("x"), G1))


@pytest.mark.parametrize("term", [
    URIRef("https://example.org/x"), BNode("b0"), Literal("plain"), Literal("chat", lang="fr"),
    Literal("201", datatype=XSD.integer), Literal("2021", datatype=XSD.gYear),
])
def test_terms_round_trip_between_rdflib_and_oxigraph(term):
    assert rdflib_term(ox_term(term)) == term


def test_to_rdflib_drops_graph_names(tmp_path):
    graph = to_rdflib(quads(G1, 2) + quads(G2, 2))
    assert len(graph) == 2


def test_a_store_moved_aside_by_an_interrupted_swap_is_restored_before_the_next_write(tmp_path):
    path = tmp_path / "store"
    write_store(path, quads(G1, 5))
    path.rename(tmp_path / ".store.old-deadbeef")  # as if the process died between the two renames
    with pytest.raises(StoreError, match="named graphs only"):
        write_store(path, [ox.Quad(S, P, ox.Literal("x"))])
    assert graph_sizes(open_store(path)) == {G1.value: 5, "": 5}
    assert siblings(path) == ["store"]
