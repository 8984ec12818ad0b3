"""frkg in front of a real Virtuoso: upload_store, RemoteBackend, `frkg serve --sparql-endpoint`, writes, time limits."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from frkg.cli import cli
from frkg.remote import SERVER_LIMIT_GRACE, UNION_GRAPH, RemoteBackend, upload_store
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


TOKEN = "remote-token-9d2e"


def test_writes_through_frkg_reach_virtuoso_and_keep_its_union_graph(loaded_virtuoso, tmp_path):
    """SPARQL Update and Graph Store writes over a remote server: bearer-gated, the union graph kept in step."""
    virtuoso, _ = loaded_virtuoso
    args = ("--sparql-endpoint", virtuoso.sparql, "--update-token", TOKEN, "--remote-update-url",
            virtuoso.sparql + "-auth", "--remote-user", "dba", "--remote-password", "dba", "--cache-mb", "0")
    with frkg_serve(tmp_path, *args) as served:
        def update(text: str, token: str | None = TOKEN) -> requests.Response:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            return requests.post(served.sparql, data={"update": text}, headers=headers)

        def objects(subject: str) -> list[str]:
            query = f"SELECT ?o WHERE {{ <{subject}> <http://x/p> ?o }} ORDER BY ?o"
            rows = requests.get(served.sparql, params={"query": query}).json()["results"]["bindings"]
            return [row["o"]["value"] for row in rows]

        assert update("INSERT DATA { GRAPH <http://x/rg> { <http://x/r1> <http://x/p> 'one' } }", None).status_code == 401
        assert objects("http://x/r1") == []
        for graph in ("rg", "rh"):
            response = update(f"INSERT DATA {{ GRAPH <http://x/{graph}> {{ <http://x/r1> <http://x/p> 'one' }} }}")
            assert response.status_code == 200, response.text
        assert objects("http://x/r1") == ["one"]  # once in the union, although two graphs hold it
        assert update("DELETE DATA { GRAPH <http://x/rg> { <http://x/r1> <http://x/p> 'one' } }").status_code == 200
        assert objects("http://x/r1") == ["one"]  # <http://x/rh> still holds it
        dropped = update("DROP SILENT GRAPH <http://x/rh>")  # Virtuoso drops only graphs CREATEd before, or SILENT
        assert dropped.status_code == 200, dropped.text
        assert objects("http://x/r1") == []

        unscoped = update("INSERT DATA { <http://x/r2> <http://x/p> 'two' }")
        assert unscoped.status_code == 400 and "named graphs given by IRI" in unscoped.text
        into_union = update(f"INSERT DATA {{ GRAPH <{UNION_GRAPH}> {{ <http://x/r2> <http://x/p> 'two' }} }}")
        assert into_union.status_code == 400 and "union graph" in into_union.text
        assert objects("http://x/r2") == []

        put = requests.put(served.url + "/graph-store", params={"graph": "http://x/rk"},
                           data="<http://x/r3> <http://x/p> 'three' .", headers={
                               "Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"})
        assert put.status_code == 201, put.text
        assert objects("http://x/r3") == ["three"]
        gone = requests.delete(served.url + "/graph-store", params={"graph": "http://x/rk"},
                               headers={"Authorization": f"Bearer {TOKEN}"})
        assert gone.status_code == 200 and objects("http://x/r3") == []


SLOW_ON_VIRTUOSO = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
                    "FILTER (STRLEN(CONCAT(STR(?c), STR(?f))) > 3) }")  # minutes; under Virtuoso's cost estimate


def test_the_time_limit_is_passed_to_the_server_and_its_partial_answer_refused(loaded_virtuoso, tmp_path):
    """--remote-timeout-param: Virtuoso stops the query at the limit and flags its partial answer; frkg says 503."""
    virtuoso, _ = loaded_virtuoso
    with frkg_serve(tmp_path, "--sparql-endpoint", virtuoso.sparql, "--workers", "1", "--timeout", "2",
                    "--remote-timeout-param", "timeout={ms}") as served:
        started = time.monotonic()
        response = requests.get(served.sparql, params={"query": SLOW_ON_VIRTUOSO}, timeout=60)
        assert response.status_code == 503 and "the server stopped it; its partial answer was discarded" in response.text
        assert time.monotonic() - started < 2 + SERVER_LIMIT_GRACE
        assert requests.get(served.sparql, params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_a_malformed_timeout_parameter_is_refused_at_start():
    for template in ("timeout", "timeout=30", "timeout={minutes}"):
        result = CliRunner().invoke(cli, ["serve", "--sparql-endpoint", "http://127.0.0.1:9/sparql",
                                          "--remote-timeout-param", template])
        assert result.exit_code == 2 and "--remote-timeout-param" in result.output, result.output
