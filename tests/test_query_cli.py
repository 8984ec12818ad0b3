"""``frkg query`` end to end: the real catalogue, a real on-disk store, a real HTTP endpoint on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from frkg.app import create_app
from frkg.cli import cli
from frkg.catalogue import load_catalogue
from tests.plugins.servers import http_server

FIXTURE = Path(__file__).parent / "fixtures" / "catalogue" / "graph.trig"
WIKIDATA = "https://query.wikidata.org/sparql"


def make_store(path: Path, data: str, fmt: ox.RdfFormat) -> Path:
    """An on-disk store with ``data`` in named graphs and its union in the default graph, closed after."""
    store = ox.Store(str(path))
    store.load(data.encode("utf-8"), format=fmt)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("cli") / "store", FIXTURE.read_text(encoding="utf-8"), ox.RdfFormat.TRIG)


@pytest.fixture(scope="module")
def endpoint(fixture_store) -> str:
    with http_server(create_app({"FRKG_STORE": str(fixture_store)})) as base:
        yield f"{base}/sparql"


def frkg(*args: str):
    return CliRunner().invoke(cli, ["query", *args], catch_exceptions=False)


def test_list_shows_every_catalogue_query():
    result = frkg("--list")
    assert result.exit_code == 0
    for query in load_catalogue():
        assert query.name in result.output and query.title in result.output
    assert f"{len(load_catalogue())} queries in" in result.output


def test_top_exporters_prints_a_readable_table(fixture_store):
    result = frkg("top-exporters", "--store", str(fixture_store))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    china = next(line for line in lines if "| China " in line)
    assert "| 201 " in china and "000_002754ab861e707d.txt" in china and "accounting for 201 deals" in china
    us = next(line for line in lines if "| United States" in line and "| 128 " in line)
    assert "000_002754ab861e707d.txt" in us
    assert lines[-1] == "3 rows"
    assert "id:country/CN" in china  # IRIs are shown with the project prefixes


def test_csv_tsv_and_json_follow_the_sparql_result_formats(fixture_store):
    rows = list(csv.DictReader(io.StringIO(frkg("top-exporters", "--store", str(fixture_store), "--format", "csv").output)))
    assert [(r["exporterLabel"], r["deals"]) for r in rows] == [("China", "201"), ("United States", "130"), ("United States", "128")]
    assert rows[0]["exporter"] == "https://w3id.org/frkg/id/country/CN"
    tsv = frkg("top-exporters", "--store", str(fixture_store), "--format", "tsv").output.splitlines()
    assert tsv[0].split("\t")[:4] == ["?technology", "?exporter", "?exporterLabel", "?deals"]
    assert tsv[1].split("\t")[1:4] == ["<https://w3id.org/frkg/id/country/CN>", '"China"', "201"]
    data = json.loads(frkg("top-exporters", "--store", str(fixture_store), "--format", "json").output)
    assert data["head"]["vars"][:3] == ["technology", "exporter", "exporterLabel"]
    assert data["results"]["bindings"][0]["deals"] == {
        "type": "literal", "value": "201", "datatype": "http://www.w3.org/2001/XMLSchema#integer"
    }


def test_parameters_are_bound(fixture_store):
    result = frkg("measures-by-imposer", "-p", "imposer=country/CN", "--store", str(fixture_store))
    assert result.exit_code == 0 and result.output.splitlines()[-1] == "0 rows"
    result = frkg("measures-by-imposer", "--param", "imposer=https://w3id.org/frkg/id/country/US", "--store", str(fixture_store))
    assert "Chinese providers of face recognition" in result.output and result.output.endswith("1 row\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dated-events", "-p", "from=twenty"], "parameter 'from': 'twenty' is not a valid year"),
        (["evidence-for-fact", "-p", 'fact="> } ; DROP ALL #'], "parameter 'fact': '\"> } ; DROP ALL #' is not a valid iri"),
        (["evidence-for-fact"], "needs --param fact=<iri>"),
        (["top-exporters", "-p", "colour=red"], "has no parameter 'colour'"),
        (["top-exporters", "-p", "technology"], "write --param NAME=VALUE"),
        (["no-such-query"], "no catalogue query named 'no-such-query'"),
        (["missing.rq"], "missing.rq: no such query file"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(fixture_store, args, message):
    before = len(ox.Store.read_only(str(fixture_store)))
    result = CliRunner().invoke(cli, ["query", *args, "--store", str(fixture_store)])
    assert result.exit_code != 0
    assert message in result.output
    assert len(ox.Store.read_only(str(fixture_store))) == before


def test_a_query_file_with_its_own_header_runs(fixture_store, tmp_path):
    path = tmp_path / "labels.rq"
    path.write_text(
        "# title: Labels\n# param: country entity country/US\n"
        "SELECT ?country ?label WHERE { ?country <http://www.w3.org/2000/01/rdf-schema#label> ?label }\n"
    )
    result = frkg(str(path), "-p", "country=country/CN", "--store", str(fixture_store), "--format", "csv")
    assert result.output.splitlines() == ["country,label", "https://w3id.org/frkg/id/country/CN,China"]
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x ?y }\n")
    result = CliRunner().invoke(cli, ["query", str(broken), "--store", str(fixture_store)])
    assert result.exit_code != 0 and "broken.rq: SPARQL syntax error" in result.output


def test_a_store_or_endpoint_is_required(tmp_path, monkeypatch):
    monkeypatch.delenv("FRKG_STORE", raising=False)
    result = CliRunner().invoke(cli, ["query", "documents"])
    assert result.exit_code == 2 and "give --store DIR (or set FRKG_STORE) or --endpoint URL" in result.output
    result = CliRunner().invoke(cli, ["query", "documents", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store here" in result.output


def test_the_endpoint_gives_the_same_table_as_the_store(fixture_store, endpoint):
    for args in (["top-exporters"], ["measures-by-imposer", "-p", "imposer=country/US"], ["dated-events", "-p", "from=2021"]):
        local = frkg(*args, "--store", str(fixture_store))
        remote = frkg(*args, "--endpoint", endpoint)
        assert remote.exit_code == 0, remote.output
        assert remote.output == local.output


def test_an_unreachable_endpoint_is_a_clear_error():
    result = CliRunner().invoke(cli, ["query", "documents", "--endpoint", "http://127.0.0.1:9/sparql"])
    assert result.exit_code == 1 and "query failed at http://127.0.0.1:9/sparql" in result.output


@pytest.fixture(scope="module")
def wikidata_standin(tmp_path_factory) -> str:
    """A local SPARQL endpoint holding Wikidata-shaped data, playing the Wikidata Query Service."""
    standin = make_store(tmp_path_factory.mktemp("wikidata") / "store", WIKIDATA_SHAPED, ox.RdfFormat.TRIG)
    with http_server(create_app({"FRKG_STORE": str(standin)})) as base:
        yield f"{base}/sparql"


@pytest.fixture(scope="module")
def federated_file(wikidata_standin, tmp_path_factory) -> Path:
    """The catalogue's federated query pointed at the stand-in (there is no network in tests)."""
    path = tmp_path_factory.mktemp("federated") / "federated.rq"
    path.write_text(load_catalogue().get("wikidata-federated").text.replace(WIKIDATA, wikidata_standin))
    return path


FEDERATED_ROWS = [
    ("China", "1411750000", "http://www.wikidata.org/entity/Q15031"),
    ("United States", "331893745", ""),
]


def federated_rows(output: str) -> list[tuple[str, str, str]]:
    return [(r["label"], r["population"], r["headOfState"]) for r in csv.DictReader(io.StringIO(output))]


def test_federation_is_refused_by_default_and_works_when_allowed(fixture_store, federated_file, wikidata_standin):
    result = CliRunner().invoke(cli, ["query", "wikidata-federated", "--store", str(fixture_store)])
    assert result.exit_code == 1
    assert f"SERVICE <{WIKIDATA}> is refused" in result.output and f"--allow-service {WIKIDATA}" in result.output
    refused = CliRunner().invoke(cli, ["query", str(federated_file), "--store", str(fixture_store)])
    assert refused.exit_code == 1 and "is refused" in refused.output
    allowed = frkg(str(federated_file), "--store", str(fixture_store), "--allow-service", wikidata_standin, "--format", "csv")
    assert federated_rows(allowed.output) == FEDERATED_ROWS


def test_federation_through_the_endpoint_follows_its_allowlist(fixture_store, federated_file, wikidata_standin):
    with http_server(create_app({"FRKG_STORE": str(fixture_store)})) as base:
        refused = CliRunner().invoke(cli, ["query", str(federated_file), "--endpoint", f"{base}/sparql"])
    assert refused.exit_code == 1 and "refused" in refused.output
    config = {"FRKG_STORE": str(fixture_store), "FRKG_SERVICE_ALLOWLIST": [wikidata_standin]}
    with http_server(create_app(config)) as base:
        allowed = frkg(str(federated_file), "--endpoint", f"{base}/sparql", "--format", "csv")
    assert federated_rows(allowed.output) == FEDERATED_ROWS


WIKIDATA_SHAPED = """
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
<urn:standin> {
  wd:Q148 wdt:P31 wd:Q3624078 ; wdt:P1082 1411750000 ; wdt:P35 wd:Q15031 .
  wd:Q30 wdt:P31 wd:Q3624078 ; wdt:P1082 331893745 .
  wd:Q183 wdt:P31 wd:Q3624078 ; wdt:P1082 84000000 .
}
"""


def test_construct_and_ask_files_run_on_both_sources(fixture_store, endpoint, tmp_path):
    construct = tmp_path / "exporters.rq"
    construct.write_text(
        "# param: country entity country/CN\n"
        "CONSTRUCT { ?stat <https://w3id.org/frkg/ontology#exporter> ?country } "
        "WHERE { ?stat <https://w3id.org/frkg/ontology#exporter> ?country }\n"
    )
    local = frkg(str(construct), "--store", str(fixture_store), "--format", "tsv")
    remote = frkg(str(construct), "--endpoint", endpoint, "--format", "tsv")
    expected = "<https://w3id.org/frkg/id/dealstatistic/cn201> <https://w3id.org/frkg/ontology#exporter> <https://w3id.org/frkg/id/country/CN> .\n"
    assert local.output == remote.output == expected
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s <https://w3id.org/frkg/ontology#dealCount> 201 }\n")
    assert frkg(str(ask), "--store", str(fixture_store)).output == frkg(str(ask), "--endpoint", endpoint).output == "true\n"
