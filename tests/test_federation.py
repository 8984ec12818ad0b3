"""Federation through frkg's endpoint: SERVICE is refused unless the remote endpoint is
allowlisted, and an allowed federated query joins frkg entities (linked by the
reviewed skos:exactMatch links) with a second local endpoint (the Wikidata stand-in)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from frkg.app import create_app
from frkg.links import approved_links_graph
from tests.plugins.servers import http_server
from tests.plugins.wikidata_standin import write_frkg_store

ID = "https://w3id.org/frkg/id/"
WD = "http://www.wikidata.org/entity/"

FEDERATED = """PREFIX frkg: <https://w3id.org/frkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?firm ?item ?countryLabel WHERE {
  ?firm a frkg:Firm ; skos:exactMatch ?item .
  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/"))
  SERVICE <%s> {
    ?item wdt:P17 ?country .
    ?country rdfs:label ?countryLabel . FILTER(LANG(?countryLabel) = "en")
  }
}"""


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory) -> Path:
    """frkg entities plus the approved links from the real review file, laid out as a build does."""
    return write_frkg_store(tmp_path_factory.mktemp("federation") / "store", links=approved_links_graph())


@contextmanager
def frkg_endpoint(store: Path, allowlist: list[str]) -> Iterator[str]:
    app = create_app({"FRKG_STORE": str(store), "FRKG_SERVICE_ALLOWLIST": allowlist})
    try:
        with http_server(app) as base:
            yield f"{base}/sparql"
    finally:
        app.extensions["frkg.sparql"].executor.close()


def ask(endpoint: str, query: str) -> requests.Response:
    return requests.post(endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                         timeout=30)


def test_service_is_refused_by_default(linked_store, wikidata_standin):
    with frkg_endpoint(linked_store, []) as endpoint:
        response = ask(endpoint, FEDERATED % wikidata_standin.url)
    assert response.status_code == 403
    assert f"SERVICE <{wikidata_standin.url}> is refused" in response.text
    assert wikidata_standin.seen == []  # the server never called out


def test_allowlisted_federated_query_joins_frkg_entities_with_the_remote_endpoint(linked_store, wikidata_standin):
    with frkg_endpoint(linked_store, [wikidata_standin.url]) as endpoint:
        client = SPARQLWrapper(endpoint, agent="frkg-tests (federation)")
        client.setQuery(FEDERATED % wikidata_standin.url)
        client.setReturnFormat(JSON)
        bindings = client.queryAndConvert()["results"]["bindings"]
    rows = {(b["firm"]["value"], b["item"]["value"], b["countryLabel"]["value"]) for b in bindings}
    assert rows == {(ID + "org/huawei", WD + "Q160120", "China")}
    assert wikidata_standin.seen and all(s.status == 200 for s in wikidata_standin.seen)


def test_allowlist_admits_only_the_listed_endpoints(linked_store, wikidata_standin):
    other = "http://127.0.0.1:1/sparql"
    by_variable = "SELECT * WHERE { VALUES ?e { <%s> } SERVICE ?e { ?s ?p ?o } }" % wikidata_standin.url
    with frkg_endpoint(linked_store, [wikidata_standin.url]) as endpoint:
        elsewhere = ask(endpoint, FEDERATED % other)
        variable = ask(endpoint, by_variable)
    assert elsewhere.status_code == 403 and f"SERVICE <{other}> is refused" in elsewhere.text
    assert variable.status_code == 403 and "must be a constant IRI" in variable.text
    assert wikidata_standin.seen == []
