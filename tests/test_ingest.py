"""`frkg ingest` adds documents to a built store without losing or duplicating anything."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from frkg.build import BuildError, build_store
from frkg.cli import cli
from frkg.ingest import ingest_files, stored_build_id, stored_document_ids
from frkg.namespaces import BUILD_GRAPH, INFERRED_GRAPH, LINKS_GRAPH, ONTOLOGY_GRAPH, document_graph
from frkg.rdf import extraction_to_graph
from frkg.store import graph_quads, graph_sizes, open_store, write_store
from tests.fixtures.store.corpora import CORPUS, CORPUS_FILES, corpus_copy
from tests.fixtures.store.sample import sample_extraction

FIRST, SECOND = (CORPUS / name for name in CORPUS_FILES)


def union_without_build(path) -> set[tuple]:
    """The default graph's triples, except the build description (ids and times differ per build)."""
    build = ox.NamedNode(str(BUILD_GRAPH))
    return {(q.subject, q.predicate, q.object) for q in open_store(path).quads_for_pattern(None, None, None,
                                                                                           ox.DefaultGraph())
            if q.subject != build}


def graph_content(path, graph) -> set[tuple]:
    name = ox.NamedNode(str(graph))
    return {(q.subject, q.predicate, q.object) for q in open_store(path).quads_for_pattern(None, None, None, name)}


EVIDENCE_DOCS = """SELECT ?fact (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
    ?fact <https://w3id.org/frkg/ontology#hasEvidence>/<https://w3id.org/frkg/ontology#inDocument> ?doc
} GROUP BY ?fact"""


def build_value(path, predicate: str) -> str:
    store = open_store(path)
    quads = store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(str(BUILD_GRAPH)))
    return next(iter(quads)).object.value


@pytest.fixture(scope="module")
def first_only_base(tmp_path_factory):
    """A store built from the first corpus document alone (tests work on copies)."""
    base = tmp_path_factory.mktemp("first-only")
    build_store(corpus_copy(base / "corpus", CORPUS_FILES[:1]), base / "store")
    return base / "store"


@pytest.fixture(scope="module")
def rebuilt(first_only_base, tmp_path_factory):
    """The whole corpus built from scratch right after ``first_only_base``.

    Not the session's ``corpus_store``: that one may be built minutes earlier, and
    the ontology and links a build reads are files other work can change in
    between, while an ingest keeps the ones the store was built with.
    """
    store = tmp_path_factory.mktemp("rebuilt") / "store"
    build_store(CORPUS, store)
    return store


@pytest.fixture()
def first_only(first_only_base, tmp_path):
    shutil.copytree(first_only_base, tmp_path / "store")
    return tmp_path / "store"


@pytest.fixture(scope="module")
def ingested(first_only_base, tmp_path_factory):
    """The first-document store after ingesting the second document, and the ingest report."""
    store = tmp_path_factory.mktemp("ingested") / "store"
    shutil.copytree(first_only_base, store)
    return store, ingest_files([SECOND], store)


def test_ingest_gives_the_same_graph_as_building_everything(ingested, rebuilt):
    store, report = ingested
    assert [entry["file"] for entry in report.added] == [str(SECOND)]
    assert union_without_build(store) == union_without_build(rebuilt)
    shared = {str(INFERRED_GRAPH), str(ONTOLOGY_GRAPH), str(LINKS_GRAPH)}  # document graphs: see the union
    for name in shared:
        assert graph_content(store, name) == graph_content(rebuilt, name), name
    assert len(stored_document_ids(open_store(store))) == 2
    assert graph_sizes(open_store(store))[""] == report.triples_after > report.triples_before


def test_a_fact_read_again_gains_evidence_from_the_new_document(first_only_base, ingested):
    before = {row["fact"]: int(row["docs"].value) for row in open_store(first_only_base).query(EVIDENCE_DOCS)}
    after = {row["fact"]: int(row["docs"].value) for row in open_store(ingested[0]).query(EVIDENCE_DOCS)}
    gained = [fact for fact, docs in after.items() if docs == 2 and before.get(fact) == 1]
    assert gained, "the two corpus documents share facts; they must be one node with evidence from both"


def test_ingesting_the_same_content_again_is_a_no_op(ingested, tmp_path):
    store, _ = ingested
    sizes, build_id = graph_sizes(open_store(store)), stored_build_id(open_store(store))
    renamed = tmp_path / "renamed.txt"
    shutil.copy(SECOND, renamed)
    report = ingest_files([SECOND, renamed, FIRST], store)
    assert report.added == []
    assert len(report.unchanged) == 3
    assert report.triples_after == report.triples_before
    assert graph_sizes(open_store(store)) == sizes
    assert stored_build_id(open_store(store)) == build_id


def test_new_content_changes_the_build_id_and_keeps_the_creation_time(first_only_base, ingested):
    store, report = ingested
    created = "http://purl.org/dc/terms/created"
    assert stored_build_id(open_store(store)) == report.build_id != stored_build_id(open_store(first_only_base))
    assert build_value(store, created) == build_value(first_only_base, created)
    assert build_value(store, "http://purl.org/dc/terms/modified")


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


def test_cli_ingest_adds_good_files_and_names_bad_ones(first_only, tmp_path):
    empty, binary = tmp_path / "empty.txt", tmp_path / "image.txt"
    empty.write_text("")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = CliRunner().invoke(cli, ["ingest", str(empty), str(binary), str(SECOND), "--store", str(first_only)])
    assert result.exit_code == 0, result.output
    assert f"added      {SECOND}" in result.output
    assert f"warning    {empty}: the file is empty" in result.output
    assert f"warning    {binary}: binary content" in result.output
    before, after = result.output.strip().splitlines()[-1].removeprefix("triples: ").split(" -> ")
    assert int(after) > int(before)
    assert len(stored_document_ids(open_store(first_only))) == 2


def test_cli_ingest_of_known_content_says_unchanged(ingested):
    result = CliRunner().invoke(cli, ["ingest", str(SECOND), "--store", str(ingested[0])])
    assert result.exit_code == 0, result.output
    assert f"unchanged  {SECOND}" in result.output
    before, after = result.output.strip().splitlines()[-1].removeprefix("triples: ").split(" -> ")
    assert before == after


def test_values_already_in_the_store_win_over_a_new_documents(tmp_path):
    """Like merge_extractions: the first source keeps its label and values; the new one adds aliases."""
    from dataclasses import replace

    from rdflib import Literal
    from rdflib.namespace import RDFS, SKOS

    from frkg.ingest import keep_stored_values
    from frkg.model import Fact
    from frkg.namespaces import FRKG, iri_for
    from tests.fixtures.store.sample import TEXT

    def with_study(ex, date, china_label):
        study = ex.facts[3]
        entities = [replace(e, label=china_label) if e.key == "country/CN" else e for e in ex.entities]
        about = Fact("Study", study.roles, {"publicationDate": date}, study.evidence, subject="study/sample")
        return replace(ex, entities=entities, facts=[about])

    first = with_study(sample_extraction(), "2021-11", "China")
    second = with_study(sample_extraction("Preface. " + TEXT, name="b.txt"), "2022-01", "People's Republic of China")
    store = tmp_path / "store"
    write_store(store, graph_quads(extraction_to_graph(first), document_graph(first.document.doc_id)))
    graph = extraction_to_graph(second)
    warnings = keep_stored_values(graph, open_store(store), second.document.doc_id)
    study, china = iri_for("study/sample"), iri_for("country/CN")
    assert set(graph.objects(study, FRKG.publicationDate)) == set()
    assert warnings == [f"study/sample: publicationDate is '2021-11' in the store but '2022-01' "
                        f"in doc {second.document.doc_id}; kept the stored value"]
    assert set(graph.objects(china, RDFS.label)) == set()
    assert Literal("People's Republic of China") in set(graph.objects(china, SKOS.altLabel))
    assert (study, FRKG.author, iri_for("org/harvard-university")) in graph  # roles are united, not dropped
