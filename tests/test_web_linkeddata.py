"""Entity IRIs dereference with content negotiation; the RDF documents parse and describe the entity."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

HUAWEI = URIRef("https://w3id.org/frkg/id/org/huawei")


@pytest.mark.parametrize("accept, location", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/org/huawei"),
    ("text/turtle", "/data/org/huawei.ttl"),
    ("application/ld+json", "/data/org/huawei.jsonld"),
    ("application/n-triples", "/data/org/huawei.nt"),
    ("application/rdf+xml", "/data/org/huawei.rdf"),
    ("text/turtle;q=0.5, application/rdf+xml;q=0.9", "/data/org/huawei.rdf"),
    ("application/json", "/page/org/huawei.json"),
    ("*/*", "/page/org/huawei"),
])
def test_id_redirects_303_by_accept_header(client, accept, location):
    response = client.get("/id/org/huawei", headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["Location"] == location
    assert "Accept" in response.headers["Vary"]


def test_unknown_id_is_404_and_unservable_type_is_406(client):
    assert client.get("/id/org/nobody", headers={"Accept": "text/turtle"}).status_code == 404
    response = client.get("/id/org/huawei", headers={"Accept": "image/png"})
    assert response.status_code == 406 and "text/turtle" in response.get_data(as_text=True)


@pytest.mark.parametrize("ext, rdflib_format", [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"),
                                                 ("rdf", "xml")])
def test_data_documents_describe_the_entity(client, ext, rdflib_format):
    response = client.get(f"/data/org/huawei.{ext}")
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(), format=rdflib_format)
    assert (HUAWEI, RDFS.label, Literal("Huawei")) in graph
    targets = set(graph.subjects(URIRef("https://w3id.org/frkg/ontology#targets"), HUAWEI))
    assert URIRef("https://w3id.org/frkg/id/sanction/s2") in targets
    assert (URIRef("https://w3id.org/frkg/id/country/CN"), RDFS.label, Literal("China")) in graph
    assert response.headers["Link"] == '</page/org/huawei>; rel="alternate"; type="text/html"'


def test_following_the_redirect_from_an_rdf_client_gives_turtle(client):
    response = client.get("/id/country/CN", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (URIRef("https://w3id.org/frkg/id/country/CN"), RDFS.label, Literal("China")) in graph


def test_unknown_rdf_extension_is_404(client):
    response = client.get("/data/org/huawei.xyz")
    assert response.status_code == 404 and ".ttl" in response.get_data(as_text=True)
