"""After any SPARQL Update the default graph is exactly the union of the named graphs (frkg.sparql.union).

Each case runs the real update code (frkg.sparql.worker.run_job) on a real
on-disk store and compares the default graph with the union computed in
Python from the named graphs; the cases that should take the scoped path
assert that they did, so the full re-derivation cannot hide a wrong scope.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from frkg.sparql.union import FULL, MAX_PARSED_CHARS, maintenance, written_graphs
from frkg.sparql.worker import UpdateJob, run_job

EX = "http://example.org/"
G, H, K = (ox.NamedNode(EX + name) for name in ("g", "h", "k"))


def triple(s: str, p: str = "p", o: str = "o") -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + p), ox.NamedNode(EX + o))


@pytest.fixture
def store(tmp_path) -> ox.Store:
    """g holds a and shared, h holds b and shared; the default graph is their union."""
    store = ox.Store(str(tmp_path / "store"))
    for graph, subjects in ((G, ("a", "shared")), (H, ("b", "shared"))):
        for subject in subjects:
            store.add(ox.Quad(*triple(subject), graph))
            store.add(ox.Quad(*triple(subject), ox.DefaultGraph()))
    return store


def default_graph(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def union_of_named_graphs(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != ox.DefaultGraph()}


SCOPED = [
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}new> <{EX}p> <{EX}o> }} }}",
    f"INSERT DATA {{ GRAPH <{EX}k> {{ <{EX}b> <{EX}p> <{EX}o> }} }}",  # a triple h holds already
    f"DELETE DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> <{EX}o> }} }}",  # g alone held it: it leaves the union
    f"DELETE DATA {{ GRAPH <{EX}g> {{ <{EX}shared> <{EX}p> <{EX}o> }} }}",  # h still holds it: it stays
    f"DROP GRAPH <{EX}g>",
    f"MOVE <{EX}g> TO <{EX}h>",
    f"COPY <{EX}h> TO <{EX}k>",
    # WITH: the plain triples of the templates (and the WHERE clause) are graph g's
    f"PREFIX ex: <{EX}> WITH ex:g DELETE {{ ?s ex:p ex:o }} INSERT {{ ?s ex:p ex:seen }} WHERE {{ ?s ex:p ex:o }}",
    f"PREFIX ex: <{EX}> DELETE WHERE {{ GRAPH ex:h {{ ?s ?p ?o }} }} ; INSERT DATA {{ GRAPH ex:k {{ ex:c ex:p ex:o }} }}",
    f"CREATE GRAPH <{EX}empty>",
    # reads the default graph (the union as it was) while writing into k
    f"PREFIX ex: <{EX}> INSERT {{ GRAPH ex:k {{ ?s ex:p ex:copied }} }} WHERE {{ ?s ex:p ex:o }}",
]
FALLBACK = [
    f"INSERT DATA {{ <{EX}direct> <{EX}p> <{EX}o> }}",  # into the default graph itself
    f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p <{EX}o> }} FILTER (?s = <{EX}shared>) }}",
    "CLEAR ALL",
    f"INSERT DATA {{ GRAPH <{EX}g> {{ _:b <{EX}p> <{EX}o> }} }} ; DELETE DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> <{EX}o> }} }}",
]


@pytest.mark.parametrize("update", SCOPED)
def test_a_scoped_update_keeps_the_union_for_the_graphs_it_writes(store, update):
    assert maintenance(store, update) != FULL
    assert run_job(store, UpdateJob(update)).status == "ok"
    assert default_graph(store) == union_of_named_graphs(store)


@pytest.mark.parametrize("update", FALLBACK)
def test_an_update_that_may_write_elsewhere_gets_the_full_rederivation(store, update):
    assert run_job(store, UpdateJob(update)).status == "ok"
    assert default_graph(store) == union_of_named_graphs(store)


def test_graphs_with_blank_nodes_fall_back_to_the_full_rederivation(store):
    store.add(ox.Quad(ox.BlankNode(), ox.NamedNode(EX + "p"), ox.NamedNode(EX + "o"), G))
    update = f"DELETE DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> <{EX}o> }} }}"
    assert maintenance(store, update) == FULL


def test_which_graphs_an_update_writes():
    assert written_graphs(SCOPED[0]) == {G}
    assert written_graphs(SCOPED[5]) == {G, H}  # MOVE empties its source
    assert written_graphs(SCOPED[6]) == {K}
    assert written_graphs(SCOPED[8]) == {H, K}
    too_long = f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> \"{'x' * MAX_PARSED_CHARS}\" }} }}"
    for update in FALLBACK[:3] + [f"LOAD <{EX}data.ttl>", "DROP DEFAULT", "this is not SPARQL", too_long]:
        assert written_graphs(update) is None, update


def test_scoped_maintenance_touches_only_the_written_graph(store):
    """The text lists the written graph's triples and names no other graph."""
    tail = maintenance(store, SCOPED[2])
    assert f"<{EX}g>" in tail and f"<{EX}h>" not in tail
    assert f"(<{EX}a> <{EX}p> <{EX}o>)" in tail and f"<{EX}b>" not in tail
