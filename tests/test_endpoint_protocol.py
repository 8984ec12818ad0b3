"""SPARQL 1.1 Protocol over real HTTP against `frkg serve` (granian) on the generated fixture store."""
from __future__ import annotations

import csv
import hashlib
import io
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

FRKG = "https://w3id.org/frkg/ontology#"
COUNTRIES = f"SELECT ?c ?label WHERE {{ ?c a <{FRKG}Country> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
COUNT_COUNTRIES = f"SELECT (COUNT(?c) AS ?n) WHERE {{ ?c a <{FRKG}Country> }}"
CN = "https://w3id.org/frkg/id/country/CN"
DESCRIBE_CN = f"CONSTRUCT {{ <{CN}> ?p ?o }} WHERE {{ <{CN}> ?p ?o }}"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def client(served, fmt, query, method=None) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(served.sparql, agent="frkg-tests")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    if method:
        wrapper.setMethod(method)
    return wrapper


def store_count(store, query: str) -> int:
    return int(next(iter(ox.Store.read_only(str(store)).query(query)))["n"].value)


def test_select_json_by_sparqlwrapper_matches_the_store(frkg_server, endpoint_store):
    result = client(frkg_server, JSON, COUNT_COUNTRIES).queryAndConvert()
    assert int(result["results"]["bindings"][0]["n"]["value"]) == store_count(endpoint_store, COUNT_COUNTRIES) == 50


@pytest.mark.parametrize("method", ["GET", POST])
def test_select_in_every_results_format(frkg_server, method):
    as_json = client(frkg_server, JSON, COUNTRIES, method).queryAndConvert()
    labels = sorted(b["label"]["value"] for b in as_json["results"]["bindings"])
    assert len(labels) == 50 and "Country CN" in labels
    xml_doc = client(frkg_server, XML, COUNTRIES, method).queryAndConvert()
    assert len(xml_doc.getElementsByTagName("result")) == 50
    rows = list(csv.DictReader(io.StringIO(client(frkg_server, CSV, COUNTRIES, method).queryAndConvert().decode())))
    assert sorted(r["label"] for r in rows) == labels
    tsv = client(frkg_server, TSV, COUNTRIES, method).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?c\t?label" and f'<{CN}>\t"Country CN"@en' in tsv


@pytest.mark.parametrize("fmt,rdflib_format",
                         [(TURTLE, "turtle"), (N3, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld")])
def test_construct_in_every_graph_format(frkg_server, fmt, rdflib_format):
    response = client(frkg_server, fmt, DESCRIBE_CN).query().response
    graph = Graph().parse(data=response.read(), format=rdflib_format)
    assert len(graph) == 3  # type, label, exactMatch


def test_construct_as_ntriples_and_describe(frkg_server):
    response = requests.get(frkg_server.sparql, params={"query": f"DESCRIBE <{CN}>"},
                            headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/n-triples")
    assert len([line for line in response.text.splitlines() if line.strip()]) == 3


def test_ask_in_results_formats(frkg_server):
    assert client(frkg_server, JSON, f"ASK {{ <{CN}> a <{FRKG}Country> }}").queryAndConvert()["boolean"] is True
    xml_doc = requests.get(frkg_server.sparql, params={"query": "ASK { <http://nothing/x> ?p ?o }"},
                           headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(xml_doc.content).find(f"{SRX}boolean").text == "false"


def test_post_form_with_charset_and_direct_body_with_special_characters(frkg_server):
    query = 'SELECT ?l WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?l != "a&b%20c=d") } LIMIT 3'
    form = requests.post(frkg_server.sparql, data=[("query", query)],
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
    direct = requests.post(frkg_server.sparql, data=query.encode(),
                           headers={"Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert form.status_code == direct.status_code == 200
    assert len(form.json()["results"]["bindings"]) == len(direct.json()["results"]["bindings"]) == 3


def test_unicode_query_body(frkg_server):
    query = 'SELECT ?x WHERE { BIND("Zürich – 北京" AS ?x) }'
    response = requests.post(frkg_server.sparql, data=query.encode("utf-8"),
                             headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert response.json()["results"]["bindings"][0]["x"]["value"] == "Zürich – 北京"


@pytest.mark.parametrize("accept,expected", [
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    ("application/json;q=0.1, text/tab-separated-values", "text/tab-separated-values"),
    ("text/html, */*;q=0.8", "application/sparql-results+json"),
])
def test_accept_q_values_and_wildcards(frkg_server, accept, expected):
    response = requests.get(frkg_server.sparql, params={"query": COUNT_COUNTRIES}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(expected)


@pytest.mark.parametrize("param,value,expected", [
    ("format", "csv", "text/csv"), ("output", "tsv", "text/tab-separated-values"),
    ("format", "application/sparql-results+xml", "application/sparql-results+xml"),
    ("format", "json", "application/sparql-results+json"),
])
def test_format_override_beats_accept(frkg_server, param, value, expected):
    response = requests.get(frkg_server.sparql, params={"query": COUNT_COUNTRIES, param: value},
                            headers={"Accept": "application/sparql-results+json"})
    assert response.headers["Content-Type"].startswith(expected)


def test_format_override_for_construct(frkg_server):
    response = requests.get(frkg_server.sparql, params={"query": DESCRIBE_CN, "format": "json"})
    assert response.headers["Content-Type"].startswith("application/ld+json")
    assert len(Graph().parse(data=response.text, format="json-ld")) == 3


@pytest.mark.parametrize("query,accept",
                         [(COUNT_COUNTRIES, "text/turtle"), (DESCRIBE_CN, "text/csv"), (COUNT_COUNTRIES, "image/png")])
def test_406_when_no_acceptable_format(frkg_server, query, accept):
    response = requests.get(frkg_server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406 and "can be served as" in response.text


def test_unknown_format_name_is_406(frkg_server):
    response = requests.get(frkg_server.sparql, params={"query": COUNT_COUNTRIES, "format": "yaml"})
    assert response.status_code == 406 and "'yaml'" in response.text


def test_malformed_query_is_400_with_position(frkg_server):
    response = requests.get(frkg_server.sparql, params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "Malformed query" in response.text and "1:" in response.text


def test_sparqlwrapper_sees_bad_query(frkg_server):
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    with pytest.raises(QueryBadFormed):
        client(frkg_server, JSON, "SELECT ?x WHERE { ?x }").query()


def test_missing_query_on_post_is_400_and_unsupported_body_is_415(frkg_server):
    assert requests.post(frkg_server.sparql, data={"nothing": "1"}).status_code == 400
    response = requests.post(frkg_server.sparql, data=b"x", headers={"Content-Type": "image/png"})
    assert response.status_code == 415 and "application/sparql-query" in response.text


def test_too_long_query_is_413(frkg_server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 6000
    response = requests.post(frkg_server.sparql, data=query.encode(),
                             headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_row_limit_is_signalled_never_silent(frkg_server, endpoint_store):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    response = requests.get(frkg_server.sparql, params={"query": query})
    assert response.status_code == 200
    assert response.headers["X-frkg-Truncated"] == "true" and response.headers["X-frkg-Row-Limit"] == "500"
    assert "500 rows" in response.headers["Warning"]
    assert len(response.json()["results"]["bindings"]) == 500
    small = requests.get(frkg_server.sparql, params={"query": COUNTRIES})
    assert "X-frkg-Truncated" not in small.headers


def test_default_and_named_graph_uri(frkg_server):
    links = "https://w3id.org/frkg/graph/links"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only_links = requests.get(frkg_server.sparql, params={"query": count, "default-graph-uri": links}).json()
    assert int(only_links["results"]["bindings"][0]["n"]["value"]) == 50  # one exactMatch per country
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = requests.post(frkg_server.sparql, data=[("query", graphs), ("named-graph-uri", links),
                                                    ("named-graph-uri", "https://w3id.org/frkg/graph/build")]).json()
    assert sorted(b["g"]["value"] for b in named["results"]["bindings"]) == [
        "https://w3id.org/frkg/graph/build", links]


def test_service_description_for_rdf_clients(frkg_server):
    response = requests.get(frkg_server.sparql, headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert response.status_code == 200
    assert set(graph.objects(None, URIRef(sd + "endpoint"))) == {
        URIRef(frkg_server.sparql)}
    formats = {str(o) for o in graph.objects(None, URIRef(sd + "resultFormat"))}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_TSV" in formats
    as_xml = requests.get(frkg_server.sparql, headers={"Accept": "application/rdf+xml"})
    assert len(Graph().parse(data=as_xml.text, format="xml")) == len(graph)


def test_browser_gets_a_query_page(frkg_server):
    response = requests.get(frkg_server.sparql, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert "<form" in response.text or "yasgui" in response.text.lower()


def test_cors_on_reads(frkg_server):
    response = requests.get(frkg_server.sparql, params={"query": COUNT_COUNTRIES}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-frkg-Truncated" in response.headers["Access-Control-Expose-Headers"]
    preflight = requests.options(frkg_server.sparql, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_healthz_reports_build(frkg_server):
    assert requests.get(frkg_server.url + "/healthz").json() == {"status": "ok", "build_id": "datagen-3000-0"}


def test_metrics_count_requests_errors_and_latency(frkg_server):
    requests.get(frkg_server.sparql, params={"query": "SELECT nonsense"})
    text = requests.get(frkg_server.url + "/metrics").text
    assert 'frkg_sparql_requests_total{operation="query",status="400"}' in text
    assert 'frkg_sparql_errors_total{kind="malformed"}' in text
    assert "frkg_sparql_request_seconds_bucket" in text and "frkg_sparql_timeouts_total" in text


def test_one_json_log_line_per_query(frkg_server):
    marker = "SELECT (1 AS ?logged_once) WHERE {}"
    requests.get(frkg_server.sparql, params={"query": marker})
    digest = hashlib.sha256(marker.encode()).hexdigest()[:16]
    lines = frkg_server.log_records(lambda record: record.get("query_sha256") == digest)
    assert len(lines) == 1
    assert lines[0]["status"] == 200 and lines[0]["rows"] == 1 and lines[0]["duration_ms"] >= 0 and lines[0]["time"]


def test_void_description(frkg_server, endpoint_store):
    response = requests.get(frkg_server.url + "/.well-known/void", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    rows = {str(k): v for k, v in graph.query("""
        PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?what ?n WHERE {
          { <https://w3id.org/frkg/dataset> void:triples ?n BIND("triples" AS ?what) } UNION
          { <https://w3id.org/frkg/dataset/links/wikidata> void:triples ?n BIND("wikidata" AS ?what) } UNION
          { <https://w3id.org/frkg/dataset/links/dbpedia> void:triples ?n BIND("dbpedia" AS ?what) } UNION
          { <https://w3id.org/frkg/dataset> void:classes ?n BIND("classes" AS ?what) } }""")}
    assert int(rows["triples"]) == store_count(endpoint_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(rows["wikidata"]) == 50 and int(rows["dbpedia"]) == 0
    assert int(rows["classes"]) == store_count(endpoint_store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }")


def test_service_refused_unless_allowlisted(frkg_server):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = requests.get(frkg_server.sparql, params={"query": query})
    assert response.status_code == 403 and "--service-allowlist" in response.text
    variable = requests.get(frkg_server.sparql, params={"query": "SELECT * WHERE { SERVICE ?e { ?s ?p ?o } }"})
    assert variable.status_code == 403


def test_federated_query_joins_with_allowlisted_peer(frkg_server, peer_server):
    """Join countries here with the build id and facts of a second local endpoint."""
    query = f"""SELECT ?label ?peerBuild WHERE {{
        <{CN}> <http://www.w3.org/2000/01/rdf-schema#label> ?label .
        SERVICE <{peer_server.sparql}> {{
          GRAPH <https://w3id.org/frkg/graph/build> {{ ?b <{FRKG}buildId> ?peerBuild }} }} }}"""
    result = client(frkg_server, JSON, query).queryAndConvert()
    rows = [(b["label"]["value"], b["peerBuild"]["value"]) for b in result["results"]["bindings"]]
    assert rows == [("Country CN", "peer-build")]


def test_serve_refuses_a_missing_store_with_a_clear_error(tmp_path):
    from click.testing import CliRunner

    from frkg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "no store directory here" in result.output and "frkg build" in result.output
