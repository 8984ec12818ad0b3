"""Writes: refused without an update token; with one, bearer-gated, atomic, visible to queries."""
from __future__ import annotations

import pytest
import requests

from tests.plugins.endpoint import frkg_serve, make_store

TOKEN = "test-token-4f1c"
GRAPH = "http://example.org/graph/uploaded"
COUNT_IN_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("update")
    store = make_store(tmp / "store", 500)
    with frkg_serve(tmp, "--store", str(store), "--update-token", TOKEN, "--timeout", "10") as served:
        yield served


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def count(served, graph: str) -> int:
    response = requests.post(served.sparql, data=[("query", COUNT_IN_GRAPH), ("named-graph-uri", graph)])
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_updates_refused_without_token_configured(frkg_server):
    response = requests.post(frkg_server.sparql, data={"update": "INSERT DATA { <http://x/a> <http://x/p> 1 }"},
                             headers=bearer())
    assert response.status_code == 403 and "--update-token" in response.text
    put = requests.put(frkg_server.url + "/graph-store", params={"graph": GRAPH}, data="<http://x/a> <http://x/p> 1 .",
                       headers={"Content-Type": "text/turtle", **bearer()})
    assert put.status_code == 403


def test_graph_store_read_without_token(frkg_server):
    response = requests.get(frkg_server.url + "/graph-store", params={"graph": "https://w3id.org/frkg/graph/build"},
                            headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and '"datagen-3000-0"' in response.text
    missing = requests.get(frkg_server.url + "/graph-store", params={"graph": "http://nothing.example/g"})
    assert missing.status_code == 404


def test_bearer_token_required(writable_server):
    update = {"update": f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <http://x/a> <http://x/p> 1 }} }}"}
    missing = requests.post(writable_server.sparql, data=update)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = requests.post(writable_server.sparql, data=update, headers=bearer("not-it"))
    assert wrong.status_code == 403
    assert count(writable_server, GRAPH) == 0


def test_update_applies_and_is_visible(writable_server):
    graph = "http://example.org/graph/direct"
    body = f"INSERT DATA {{ GRAPH <{graph}> {{ <http://x/a> <http://x/p> 1 , 2 }} }}"
    assert count(writable_server, graph) == 0  # also fills the cache with the old answer
    response = requests.post(writable_server.sparql, data=body.encode(),
                             headers={"Content-Type": "application/sparql-update", **bearer()})
    assert response.status_code == 200
    assert count(writable_server, graph) == 2


def test_failed_update_writes_nothing(writable_server):
    graph = "http://example.org/graph/atomic"
    update = (f"INSERT DATA {{ GRAPH <{graph}> {{ <http://x/a> <http://x/p> 1 }} }} ;"
              " DROP GRAPH <http://example.org/graph/does-not-exist>")
    response = requests.post(writable_server.sparql, data={"update": update}, headers=bearer())
    assert response.status_code == 400 and "nothing was written" in response.text
    assert count(writable_server, graph) == 0


def test_malformed_update_is_400(writable_server):
    response = requests.post(writable_server.sparql, data={"update": "INSERT DATA { oops"}, headers=bearer())
    assert response.status_code == 400 and "Malformed" in response.text


def test_graph_store_protocol_cycle(writable_server):
    url = writable_server.url + "/graph-store"
    turtle = {"Content-Type": "text/turtle", **bearer()}
    created = requests.put(url, params={"graph": GRAPH}, data="<http://x/a> <http://x/p> 1, 2, 3 .", headers=turtle)
    assert created.status_code == 201 and count(writable_server, GRAPH) == 3
    added = requests.post(url, params={"graph": GRAPH}, data='<http://x/b> <http://x/p> "4" .',
                          headers={"Content-Type": "application/n-triples", **bearer()})
    assert added.status_code == 200 and count(writable_server, GRAPH) == 4
    replaced = requests.put(url, params={"graph": GRAPH}, data="<http://x/c> <http://x/p> 5 .", headers=turtle)
    assert replaced.status_code == 200 and count(writable_server, GRAPH) == 1
    got = requests.get(url, params={"graph": GRAPH}, headers={"Accept": "application/n-triples"})
    assert got.text.strip() == '<http://x/c> <http://x/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    bad = requests.put(url, params={"graph": GRAPH}, data="<http://x/c> <http://x/p> .", headers=turtle)
    assert bad.status_code == 400 and count(writable_server, GRAPH) == 1
    assert requests.delete(url, params={"graph": GRAPH}, headers=bearer()).status_code == 200
    assert requests.get(url, params={"graph": GRAPH}).status_code == 404
    assert requests.delete(url, params={"graph": GRAPH}, headers=bearer()).status_code == 404


def test_graph_store_needs_a_graph(writable_server):
    response = requests.get(writable_server.url + "/graph-store")
    assert response.status_code == 400 and "?graph=" in response.text


# -- the default graph stays the deduplicated union of the named graphs (docs/design.md) --

def update(served, text: str) -> requests.Response:
    return requests.post(served.sparql, data={"update": text}, headers=bearer())


def in_default_graph(served, subject: str) -> int:
    """How often ``subject`` has a triple in the default graph (no GRAPH, no dataset parameters)."""
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{subject}> ?p ?o }}"
    response = requests.get(served.sparql, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_insert_into_named_graph_is_visible_in_default_graph(writable_server):
    subject = "http://x/union-insert"
    assert in_default_graph(writable_server, subject) == 0  # also caches the old answer
    response = update(writable_server, f"INSERT DATA {{ GRAPH <http://x/g1> {{ <{subject}> <http://x/p> 1 }} }}")
    assert response.status_code == 200
    assert in_default_graph(writable_server, subject) == 1


def test_delete_keeps_triples_another_graph_holds(writable_server):
    subject = "http://x/union-delete"
    triple = f"<{subject}> <http://x/p> 7"
    both = f"INSERT DATA {{ GRAPH <http://x/ga> {{ {triple} }} GRAPH <http://x/gb> {{ {triple} }} }} ;"
    assert update(writable_server, both).status_code == 200  # trailing ';' is valid SPARQL and accepted
    assert in_default_graph(writable_server, subject) == 1  # deduplicated, not once per graph
    assert update(writable_server, f"DELETE DATA {{ GRAPH <http://x/ga> {{ {triple} }} }}").status_code == 200
    assert in_default_graph(writable_server, subject) == 1  # <http://x/gb> still holds it
    assert update(writable_server, "DROP GRAPH <http://x/gb> # last line is a comment").status_code == 200
    assert in_default_graph(writable_server, subject) == 0


def test_failed_update_changes_neither_graph(writable_server):
    subject = "http://x/union-failed"
    failing = (f"INSERT DATA {{ GRAPH <http://x/gc> {{ <{subject}> <http://x/p> 1 }} }} ;"
               " DROP GRAPH <http://example.org/graph/does-not-exist>")
    response = update(writable_server, failing)
    assert response.status_code == 400 and "nothing was written" in response.text
    assert in_default_graph(writable_server, subject) == 0 and count(writable_server, "http://x/gc") == 0


def test_malformed_update_error_names_users_text(writable_server):
    response = update(writable_server, "INSERT DATA { GRAPH <http://x/g> { <http://x/s> <http://x/p> }")
    assert response.status_code == 400 and "Malformed" in response.text
    assert "FILTER NOT EXISTS" not in response.text


def test_graph_store_writes_keep_the_union(writable_server):
    url, subject = writable_server.url + "/graph-store", "http://x/union-gsp"
    turtle = {"Content-Type": "text/turtle", **bearer()}
    put = requests.put(url, params={"graph": "http://x/gsp"}, data=f"<{subject}> <http://x/p> 1, 2 .", headers=turtle)
    assert put.status_code == 201 and in_default_graph(writable_server, subject) == 2
    replaced = requests.put(url, params={"graph": "http://x/gsp"}, data=f"<{subject}> <http://x/p> 3 .",
                            headers=turtle)
    assert replaced.status_code == 200 and in_default_graph(writable_server, subject) == 1
    shared = requests.post(url, params={"graph": "http://x/gsp-other"}, data=f"<{subject}> <http://x/p> 3 .",
                           headers=turtle)
    assert shared.status_code == 201
    assert requests.delete(url, params={"graph": "http://x/gsp"}, headers=bearer()).status_code == 200
    assert in_default_graph(writable_server, subject) == 1  # <http://x/gsp-other> still holds it
    assert requests.delete(url, params={"graph": "http://x/gsp-other"}, headers=bearer()).status_code == 200
    assert in_default_graph(writable_server, subject) == 0


def test_graph_store_refuses_writes_to_the_default_graph(writable_server):
    response = requests.post(writable_server.url + "/graph-store?default", data="<http://x/d> <http://x/p> 1 .",
                             headers={"Content-Type": "text/turtle", **bearer()})
    assert response.status_code == 405 and "?graph=" in response.text and response.headers["Allow"] == "GET, HEAD"
    assert in_default_graph(writable_server, "http://x/d") == 0


def test_using_graph_parameters_give_the_dataset_of_the_where_clause(writable_server):
    """SPARQL 1.1 Protocol using-graph-uri / using-named-graph-uri, by form and by direct POST."""
    setup = ("INSERT DATA { GRAPH <http://x/src1> { <http://x/u1> <http://x/p> 1 } "
             "GRAPH <http://x/src2> { <http://x/u2> <http://x/p> 2 } }")
    assert update(writable_server, setup).status_code == 200
    copy = "INSERT { GRAPH <http://x/dst> { ?s ?p ?o } } WHERE { ?s <http://x/p> ?o BIND(<http://x/p> AS ?p) }"
    response = requests.post(writable_server.sparql, headers=bearer(),
                             data=[("update", copy), ("using-graph-uri", "http://x/src1")])
    assert response.status_code == 200, response.text
    assert count(writable_server, "http://x/dst") == 1  # only src1's triple: the WHERE read src1 alone
    named = "INSERT { GRAPH <http://x/dst2> { ?s <http://x/from> ?g } } WHERE { GRAPH ?g { ?s <http://x/p> ?o } }"
    response = requests.post(writable_server.sparql, params={"using-named-graph-uri": "http://x/src2"},
                             data=named.encode(), headers={**bearer(), "Content-Type": "application/sparql-update"})
    assert response.status_code == 200, response.text
    rows = requests.get(writable_server.sparql, headers={"Accept": "application/sparql-results+json"}, params={
        "query": "SELECT ?s ?g WHERE { GRAPH <http://x/dst2> { ?s <http://x/from> ?g } }"}).json()["results"]["bindings"]
    assert [(r["s"]["value"], r["g"]["value"]) for r in rows] == [("http://x/u2", "http://x/src2")]
    assert in_default_graph(writable_server, "http://x/u2") == 2  # the union took the new triple too


def test_using_graph_parameters_with_using_or_with_in_the_text_are_400(writable_server):
    text = "WITH <http://x/src1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    response = requests.post(writable_server.sparql, headers=bearer(),
                             data=[("update", text), ("using-graph-uri", "http://x/src1")])
    assert response.status_code == 400 and "USING or WITH" in response.text
    bad_iri = requests.post(writable_server.sparql, headers=bearer(),
                            data=[("update", "INSERT { GRAPH <http://x/g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"),
                                  ("using-graph-uri", "not an iri")])
    assert bad_iri.status_code == 400 and "not an iri" in bad_iri.text
    assert count(writable_server, "http://x/src1") == 1  # nothing was written
