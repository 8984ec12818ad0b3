"""`frkg check ontology` and `frkg check data`: output and exit codes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from frkg.cli import cli
from frkg.namespaces import document_graph
from frkg.ontology import ONTOLOGY_DIR
from frkg.store import ox_term

FIXTURES = Path(__file__).parent / "fixtures" / "ontology"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def make_store(path: Path, fixture: str) -> Path:
    """A real on-disk Oxigraph store holding one fixture as document graph doc/d1."""
    store = ox.Store(str(path))
    graph = ox.NamedNode(str(document_graph("d1")))
    data = Graph().parse(FIXTURES / fixture)
    store.extend(ox.Quad(ox_term(s), ox_term(p), ox_term(o), graph) for s, p, o in data)
    store.flush()
    del store
    return path


def test_check_ontology_passes_and_says_what_it_checked():
    result = run("check", "ontology")
    assert result.exit_code == 0, result.output
    assert "HermiT: consistent, 0 unsatisfiable classes" in result.output
    assert "OWL 2 RL: 16 rules" in result.output
    assert "pitfalls checked: H01, P04, P05, P06, P08" in result.output
    assert "found 0" in result.output
    assert result.output.rstrip().endswith("ontology OK")


def test_check_ontology_fails_on_a_broken_ontology():
    result = run("check", "ontology", "--dir", str(FIXTURES / "broken"))
    assert result.exit_code == 1
    assert "HermiT: unsatisfiable class https://w3id.org/frkg/ontology#Cyborg" in result.output
    assert "P06 (critical) Including cycles in a class hierarchy: frkg:Nation" in result.output
    assert "P41 (important) No license declared" in result.output


def test_check_ontology_names_the_file_that_does_not_parse(tmp_path):
    shutil.copy(ONTOLOGY_DIR / "taxonomy.ttl", tmp_path / "taxonomy.ttl")
    (tmp_path / "frkg.ttl").write_text("@prefix frkg: <https://w3id.org/frkg/ontology#> .\nfrkg:A a .\n")
    result = run("check", "ontology", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert f"cannot parse the ontology in {tmp_path}" in result.output
    assert "line 2" in result.output


def test_check_data_on_valid_store(tmp_path):
    store = make_store(tmp_path / "store", "valid.ttl")
    result = run("check", "data", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "consistency: OK" in result.output
    assert "SHACL: conforms" in result.output
    assert "asserted_triples=" in result.output


def test_check_data_json_on_inconsistent_store(tmp_path):
    store = make_store(tmp_path / "store", "inconsistent.ttl")
    result = run("check", "data", "--store", str(store), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["consistent"] is False
    assert any("id:country/XX is both frkg:Country and frkg:Person" in v for v in report["violations"])


def test_check_data_fails_on_shacl_violations(tmp_path):
    store = make_store(tmp_path / "store", "range_clash.ttl")
    result = run("check", "data", "--store", str(store))
    assert result.exit_code == 1
    assert "SHACL: FAILED" in result.output
    assert "fs:MeasureShape / imposed by" in result.output


@pytest.mark.parametrize("command", [("check",), ("check", "ontology"), ("check", "data")])
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_check_data_without_store_names_the_path(tmp_path):
    result = run("check", "data", "--store", str(tmp_path / "missing"))
    assert result.exit_code != 0
    assert f"{tmp_path / 'missing'}: no store here" in result.output


def test_check_data_on_the_corpus_store(corpus_store):
    """The real pipeline's output for corpus/ is consistent and conforms to the shapes."""
    result = run("check", "data", "--store", str(corpus_store))
    assert result.exit_code == 0, result.output
    assert "consistency: OK" in result.output and "SHACL: conforms" in result.output
