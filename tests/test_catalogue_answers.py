"""Every catalogue query on the graph built from corpus/, with the answer the two documents give.

corpus/000_002754ab861e707d.txt is a summary of the article; corpus/002_5748a6de8465780d.txt
is an excerpt of the article itself.  Expected values below are read from those texts.
"""
from __future__ import annotations

import pytest

from frkg.app import create_app
from frkg.backend import OxigraphBackend
from frkg.catalogue import load_catalogue
from frkg.cli_query import RemoteEndpoint
from tests.plugins.servers import http_server

SUMMARY = "000_002754ab861e707d.txt"
ARTICLE = "002_5748a6de8465780d.txt"
ID = "https://w3id.org/frkg/id/"
CATALOGUE = load_catalogue()
LOCAL_QUERIES = [q.name for q in CATALOGUE if q.name != "wikidata-federated"]


@pytest.fixture(scope="module")
def backend(corpus_store) -> OxigraphBackend:
    return OxigraphBackend(corpus_store)


@pytest.fixture(scope="module")
def endpoint(corpus_store) -> RemoteEndpoint:
    with http_server(create_app({"FRKG_STORE": str(corpus_store)})) as base:
        yield RemoteEndpoint(f"{base}/sparql")


def rows(backend, name: str, **values: str) -> list[dict[str, str]]:
    """The query's rows through ``CatalogueQuery.run``, each cell as its plain value."""
    return [{k: term.value for k, term in row.items()} for row in CATALOGUE.get(name).run(backend, values)]


def example_values(backend, name: str) -> dict[str, str]:
    """Values for required parameters: a real fact of the corpus for evidence-for-fact."""
    if name == "evidence-for-fact":
        return {"fact": _first_deal_statistic(backend)}
    return {}


def _first_deal_statistic(backend) -> str:
    found = backend.select(
        "SELECT ?f WHERE { ?f a <https://w3id.org/frkg/ontology#DealStatistic> ; "
        "<https://w3id.org/frkg/ontology#dealCount> 201 }"
    )
    return found[0]["f"].value


@pytest.mark.parametrize("name", LOCAL_QUERIES)
def test_embedded_store_and_http_endpoint_give_the_same_answer(backend, endpoint, name):
    query = CATALOGUE.get(name)
    bindings = query.bind(example_values(backend, name))
    local = [{k: str(v) for k, v in row.items()} for row in backend.select(query.text, bindings)]
    remote_result = endpoint.query(query.text, bindings)
    names = [v.value for v in remote_result.variables]
    remote = [{n: str(s[n]) for n in names if s[n] is not None} for s in remote_result]
    assert remote == local


def test_top_exporters(backend):
    found = [(r["exporterLabel"], int(r["deals"]), r.get("rank"), r["sourceFile"]) for r in rows(backend, "top-exporters")]
    assert found == [("China", 201, "1", SUMMARY), ("United States", 128, "2", SUMMARY)]
