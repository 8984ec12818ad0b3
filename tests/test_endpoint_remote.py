"""frkg in front of a real Virtuoso: upload_store, RemoteBackend, and `frkg serve --sparql-endpoint`."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from frkg.remote import UNION_GRAPH, RemoteBackend, upload_store
from frkg.sparql_text import with_values
from tests.plugins.endpoint import frkg_serve

pytestmark = pytest.mark.virtuoso
FRKG = "https://w3id.org/frkg/ontology#"
CN = ox.NamedNode("https://w3id.org/frkg/id/country/CN")
LABEL = "SELECT ?label WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
PER_CLASS = "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"


@pytest.fixture(scope="module")
def loaded_virtuoso(virtuoso, endpoint_store):
    sent = upload_store(endpoint_store, virtuoso.sparql, auth=("dba", "dba"))
    return virtuoso, sent


def local_rows(store, query):
    result = ox.Store.read_only(str(store)).query(query)
    return [tuple(s[v.value].value for v in result.variables) for s in result]


def test_upload_sends_every_graph_and_the_union(loaded_virtuoso, endpoint_store):
    _, sent = loaded_virtuoso
    store = ox.Store.read_only(str(endpoint_store))
    assert set(sent) == {g.value for g in store.named_graphs()} | {UNION_GRAPH}
    assert sent[UNION_GRAPH] == len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))


def test_remote_backend_answers_like_the_store(loaded_virtuoso, endpoint_store):
    virtuoso, _ = loaded_virtuoso
    backend = RemoteBackend(virtuoso.sparql)
    assert backend.build_id == "datagen-3000-0"
    remote = [(r["c"].value, int(r["n"].value)) for r in backend.select(PER_CLASS)]
    assert remote == [(c, int(n)) for c, n in local_rows(endpoint_store, PER_CLASS)]
    assert [r["label"].value for r in backend.select(LABEL, {"c": CN})] == ["Country CN"]
    assert backend.ask(f"ASK {{ <{CN.value}> a <{FRKG}Country> }}") is True
    triples = backend.construct(f"CONSTRUCT WHERE {{ <{CN.value}> ?p ?o }}")
    assert len(triples) == 3 and all(isinstance(t, ox.Triple) for t in triples)


def test_serve_over_virtuoso(loaded_virtuoso, endpoint_store, tmp_path):
    virtuoso, _ = loaded_virtuoso
    with frkg_serve(tmp_path, "--sparql-endpoint", virtuoso.sparql, "--workers", "1", "--max-rows", "100") as served:
        wrapper = SPARQLWrapper(served.sparql, agent="frkg-tests")
        wrapper.setQuery(PER_CLASS)
        wrapper.setReturnFormat(JSON)
        rows = [(b["c"]["value"], int(b["n"]["value"])) for b in wrapper.queryAndConvert()["results"]["bindings"]]
        assert rows == [(c, int(n)) for c, n in local_rows(endpoint_store, PER_CLASS)]
        tsv = requests.get(served.sparql, params={"query": f"{LABEL} ORDER BY ?label LIMIT 2"},
                           headers={"Accept": "text/tab-separated-values"})
        assert tsv.status_code == 200 and tsv.text.splitlines()[0] == "?label"
        cut = requests.get(served.sparql, params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert cut.headers["X-frkg-Truncated"] == "true" and len(cut.json()["results"]["bindings"]) == 100
        bad = requests.get(served.sparql, params={"query": "SELECT * WHERE { ?s ?p }"})
        assert bad.status_code == 400
        assert requests.get(served.url + "/healthz").json()["build_id"] == "datagen-3000-0"


def test_with_values_pins_bound_variables_outside_strings_and_iris():
    query = 'PREFIX x: <http://x/a#b> # { comment\nSELECT ?l ("{" AS ?brace) WHERE { ?c x:p "{" , ?l }'
    bound = with_values(query, {"c": CN})
    assert bound.endswith(f'WHERE {{ VALUES (?c) {{ (<{CN.value}>) }}\n ?c x:p "{{" , ?l }}')
