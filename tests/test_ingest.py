"""`frkg ingest` adds documents to a built store without losing or duplicating anything."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from frkg.build import BuildError, build_store
from frkg.cli import cli
from frkg.ingest import ingest_files, stored_build_id, stored_document_ids
from frkg.namespaces import BUILD_GRAPH, document_graph
from frkg.rdf import extraction_to_graph
from frkg.store import graph_quads, graph_sizes, named_quads, open_store, write_store
from tests.fixtures.store.corpora import CORPUS, CORPUS_FILES, corpus_copy
from tests.fixtures.store.sample import sample_extraction

FIRST, SECOND = (CORPUS / name for name in CORPUS_FILES)


def quad_set(path, exclude=(str(BUILD_GRAPH),)) -> set[tuple]:
    store = open_store(path)
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in named_quads(store, set(exclude))}


@pytest.fixture()
def first_only(tmp_path):
    """A store built from the first corpus document alone."""
    store = tmp_path / "store"
    build_store(corpus_copy(tmp_path / "corpus", CORPUS_FILES[:1]), store)
    return store


def test_ingest_gives_the_same_graphs_as_building_everything(first_only, corpus_store):
    report = ingest_files([SECOND], first_only)
    assert [entry["file"] for entry in report.added] == [str(SECOND)]
    assert quad_set(first_only) == quad_set(corpus_store)
    store = open_store(first_only)
    assert len(stored_document_ids(store)) == 2
    assert graph_sizes(store)[""] == report.triples_after > report.triples_before


def test_a_fact_read_again_gains_evidence_from_the_new_document(first_only):
    store = open_store(first_only)
    query = """SELECT ?fact (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
        ?fact <https://w3id.org/frkg/ontology#hasEvidence>/<https://w3id.org/frkg/ontology#inDocument> ?doc
    } GROUP BY ?fact"""
    before = {row["fact"]: int(row["docs"].value) for row in store.query(query)}
    del store
    ingest_files([SECOND], first_only)
    after = {row["fact"]: int(row["docs"].value) for row in open_store(first_only).query(query)}
    gained = [fact for fact, docs in after.items() if docs == 2 and before.get(fact) == 1]
    assert gained, "the two corpus documents share facts; they must be one node with evidence from both"


def test_ingesting_the_same_content_twice_is_a_no_op(first_only, tmp_path):
    ingest_files([SECOND], first_only)
    sizes, build_id = graph_sizes(open_store(first_only)), stored_build_id(open_store(first_only))
    renamed = tmp_path / "renamed.txt"
    shutil.copy(SECOND, renamed)
    report = ingest_files([SECOND, renamed, FIRST], first_only)
    assert report.added == []
    assert len(report.unchanged) == 3
    assert report.triples_after == report.triples_before
    assert graph_sizes(open_store(first_only)) == sizes
    assert stored_build_id(open_store(first_only)) == build_id


def test_new_content_changes_the_build_id_and_keeps_the_creation_time(first_only):
    store = open_store(first_only)
    created = next(iter(store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/created"), None,
                                                 ox.NamedNode(str(BUILD_GRAPH))))).object.value
    old_id = stored_build_id(store)
    del store
    report = ingest_files([SECOND], first_only)
    store = open_store(first_only)
    assert stored_build_id(store) == report.build_id != old_id
    modified = list(store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/modified"), None, None))
    assert modified
    assert next(iter(store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/created"), None,
                                             ox.NamedNode(str(BUILD_GRAPH))))).object.value == created


def test_bad_files_are_reported_and_good_ones_still_added(first_only, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    report = ingest_files([empty, binary, SECOND], first_only)
    assert len(report.added) == 1
    assert any("empty.txt" in w and "empty" in w.split(":", 1)[1] for w in report.warnings)
    assert any("image.txt" in w and "binary" in w for w in report.warnings)


def test_failure_during_ingest_loses_nothing(tmp_path):
    """A store without its ontology graph cannot be reasoned over: the ingest fails, the store is unchanged."""
    ex = sample_extraction()
    store = tmp_path / "store"
    write_store(store, graph_quads(extraction_to_graph(ex), document_graph(ex.document.doc_id)))
    before = graph_sizes(open_store(store))
    with pytest.raises(BuildError, match="no ontology graph"):
        ingest_files([SECOND], store)
    assert graph_sizes(open_store(store)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "store.lock"]


def test_ingest_into_a_missing_store_names_it(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(SECOND), "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "none: no store here" in result.output


def test_cli_ingest_reports_added_and_unchanged(first_only):
    runner = CliRunner()
    added = runner.invoke(cli, ["ingest", str(SECOND), "--store", str(first_only)])
    assert added.exit_code == 0, added.output
    assert f"added      {SECOND}" in added.output
    again = runner.invoke(cli, ["ingest", str(SECOND), "--store", str(first_only)])
    assert f"unchanged  {SECOND}" in again.output
    before, after = again.output.strip().splitlines()[-1].removeprefix("triples: ").split(" -> ")
    assert before == after
