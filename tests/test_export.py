"""`frkg export` dumps the real corpus store; each format parses back to the same content."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from frkg.cli import cli
from frkg.export import export_store, void_path
from frkg.namespaces import FRKG
from frkg.store import default_graph_size, graph_sizes, open_store


@pytest.fixture(scope="module")
def sizes(corpus_store):
    store = open_store(corpus_store)
    return {"quads": len(store), "default": default_graph_size(store), "graphs": graph_sizes(store)}


def parse_dataset(path, fmt: str) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return dataset


def per_graph(dataset: Dataset) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = "" if g is None or g == URIRef("urn:x-rdflib:default") else str(g)
        counts[name] = counts.get(name, 0) + 1
    return counts


@pytest.mark.parametrize("fmt, parser", [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_formats_round_trip_every_graph(corpus_store, sizes, tmp_path, fmt, parser):
    out = tmp_path / f"dump.{fmt}"
    export_store(corpus_store, fmt, out)
    assert per_graph(parse_dataset(out, parser)) == sizes["graphs"]


def test_turtle_is_the_default_graph(corpus_store, sizes, tmp_path):
    out = tmp_path / "dump.ttl"
    export_store(corpus_store, "turtle", out)
    graph = Graph().parse(out, format="turtle")
    assert len(graph) == sizes["default"]
    assert set(graph.subjects(RDF.type, FRKG.DealStatistic))


def test_stdout_is_the_default_output(corpus_store, sizes):
    result = CliRunner().invoke(cli, ["export", "--store", str(corpus_store), "--format", "nquads"])
    assert result.exit_code == 0, result.output
    dataset = Dataset().parse(data=result.stdout_bytes.decode("utf-8"), format="nquads")
    assert len(list(dataset.quads((None, None, None, None)))) == sizes["quads"]


def test_void_description_is_written_beside_the_output(corpus_store, tmp_path):
    out = tmp_path / "dump.nq"
    result = CliRunner().invoke(cli, ["export", "--store", str(corpus_store), "--format", "nquads",
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    void = Graph().parse(void_path(out), format="turtle")
    assert len(void) > 0
    assert out.stat().st_size > 0


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "none"), "--format", "trig"])
    assert result.exit_code == 1
    assert "no store here" in result.output and "frkg build" in result.output


def test_unknown_format_is_refused(corpus_store):
    result = CliRunner().invoke(cli, ["export", "--store", str(corpus_store), "--format", "xml"])
    assert result.exit_code == 2
    assert "nquads" in result.output
