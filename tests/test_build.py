"""`frkg build` on the real corpus: named graphs, union default graph, report, atomic replacement."""
from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from flask import Flask, request

from frkg.build import POOL_THRESHOLD, BuildError, build_store, document_paths, extract_all, report_path
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from frkg.links import ReviewFileError
from frkg.merge import merge_extractions
from frkg.ontology import load_ontology, load_shapes
from frkg.rdf import document_graphs
from frkg.validation import taxonomy_individuals, validate_data, validate_documents
from frkg.namespaces import BUILD_GRAPH, FRKG, GRAPH, ID, INFERRED_GRAPH, LINKS_GRAPH, ONTOLOGY_GRAPH
from frkg.store import graph_sizes, open_store
from tests.fixtures.store.corpora import CORPUS, CORPUS_FILES, corpus_copy, corpus_variants
from tests.plugins.servers import http_server

PREFIXES = "PREFIX frkg: <https://w3id.org/frkg/ontology#>\n"


def select(store: ox.Store, query: str, **bindings) -> list[dict[str, str]]:
    subs = {ox.Variable(k): v for k, v in bindings.items()}
    result = store.query(PREFIXES + query, substitutions=subs)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def scalar(store: ox.Store, query: str) -> int:
    return int(select(store, query)[0]["n"])


def snapshot(path) -> dict:
    store = open_store(path)
    build_id = select(store, "SELECT ?id { GRAPH ?g { ?b frkg:buildId ?id } }")[0]["id"]
    return {"sizes": graph_sizes(store), "build_id": build_id}


@pytest.fixture(scope="module")
def one_doc_store(tmp_path_factory):
    """A store built from the first corpus document (tests copy it before trying to replace it)."""
    base = tmp_path_factory.mktemp("one-doc")
    build_store(corpus_copy(base / "corpus", CORPUS_FILES[:1]), base / "store")
    return base / "store"


@pytest.fixture()
def previous_store(one_doc_store, tmp_path):
    shutil.copytree(one_doc_store, tmp_path / "store")
    return tmp_path / "store"


@pytest.fixture(scope="module")
def store(corpus_store):
    return open_store(corpus_store)


@pytest.fixture(scope="module")
def report(corpus_store):
    return json.loads(report_path(corpus_store).read_text(encoding="utf-8"))


def test_store_has_one_graph_per_document_and_the_shared_graphs(store):
    names = {g.value for g in store.named_graphs()}
    doc_graphs = {n for n in names if n.startswith(str(GRAPH["doc/"]))}
    assert len(doc_graphs) == len(CORPUS_FILES) == 2
    assert {str(INFERRED_GRAPH), str(ONTOLOGY_GRAPH), str(LINKS_GRAPH), str(BUILD_GRAPH)} <= names
    sizes = graph_sizes(store)
    assert sizes[str(INFERRED_GRAPH)] > 0 and sizes[str(ONTOLOGY_GRAPH)] > 0


def test_default_graph_is_the_deduplicated_union(store):
    union = scalar(store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
    default = scalar(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert default == union
    missing = scalar(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    assert missing == 0


def test_every_evidence_quote_is_the_document_text_at_its_offsets(store):
    rows = select(store, """
        SELECT ?ev ?quote ?start ?end ?text ?sStart ?sEnd WHERE {
          ?ev a frkg:Evidence ; frkg:quote ?quote ; frkg:start ?start ; frkg:end ?end ;
              frkg:inDocument ?doc ; frkg:inSentence ?s .
          ?doc frkg:text ?text . ?s frkg:start ?sStart ; frkg:end ?sEnd .
        }""")
    assert len(rows) >= 10
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert row["text"][start:end] == row["quote"], row["ev"]
        assert int(row["sStart"]) <= start and end <= int(row["sEnd"]), row["ev"]


def test_every_fact_has_evidence_with_rule_confidence_and_version(store):
    facts_without = select(store, """
        SELECT ?fact WHERE { GRAPH ?g { ?fact frkg:hasEvidence ?any }
          FILTER NOT EXISTS { ?fact frkg:hasEvidence ?ev . ?ev frkg:extractionRule ?r ; frkg:confidence ?c ;
                                  frkg:pipelineVersion ?v ; <http://www.w3.org/ns/prov#wasGeneratedBy> ?a } }""")
    assert facts_without == []
    confidences = select(store, "SELECT ?c WHERE { ?ev a frkg:Evidence ; frkg:confidence ?c }")
    assert all(0 < float(row["c"]) <= 1 for row in confidences)


def test_deal_counts_are_typed_integers(store):
    rows = select(store, """
        SELECT ?count (DATATYPE(?count) AS ?type) WHERE { ?fact a frkg:DealStatistic ; frkg:dealCount ?count }""")
    assert {"201", "128"} <= {row["count"] for row in rows}
    assert {row["type"] for row in rows} == {"http://www.w3.org/2001/XMLSchema#integer"}


def test_document_graphs_have_no_blank_nodes(store):
    assert scalar(store, """SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o }
        FILTER(STRSTARTS(STR(?g), "https://w3id.org/frkg/graph/doc/") && (isBlank(?s) || isBlank(?o))) }""") == 0


def test_build_graph_records_id_time_version_and_documents(store, report):
    rows = select(store, """SELECT ?id ?created ?version WHERE { GRAPH <https://w3id.org/frkg/graph/build> {
        ?b frkg:buildId ?id ; <http://purl.org/dc/terms/created> ?created ; frkg:pipelineVersion ?version } }""")
    assert rows == [{"id": report["build_id"], "created": report["created"], "version": report["pipeline_version"]}]
    docs = select(store, """SELECT ?doc WHERE { GRAPH <https://w3id.org/frkg/graph/build> {
        ?b <http://www.w3.org/ns/prov#used> ?doc } }""")
    assert {d["doc"].rsplit("/", 1)[1] for d in docs} == {d["doc_id"] for d in report["documents"]}


def test_report_counts_what_the_store_holds(store, report):
    assert len(report["documents"]) == 2
    assert report["sentences"] == scalar(store, "SELECT (COUNT(?s) AS ?n) { ?s a frkg:Sentence }")
    assert report["facts_by_type"]["DealStatistic"] >= 2
    assert report["entities_by_type"]["Country"] >= 2
    assert report["triples_by_graph"][""] == scalar(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert {"extract", "merge", "rdf", "reason", "write", "total"} <= set(report["timings"])
    assert isinstance(report["warnings"], list)


def test_process_pool_extraction_matches_the_in_process_one(tmp_path):
    paths = document_paths(corpus_variants(tmp_path / "corpus", POOL_THRESHOLD))
    pooled_warnings, single_warnings = [], []
    pooled = extract_all(paths, 2, False, pooled_warnings)
    single = extract_all(paths, 1, False, single_warnings)
    assert len(pooled) == POOL_THRESHOLD
    assert pooled == single and pooled_warnings == single_warnings


def test_failed_build_on_a_bad_link_review_file_keeps_the_previous_store(previous_store, tmp_path, monkeypatch):
    store = previous_store
    before = snapshot(store)
    bad_review = tmp_path / "review.csv"
    bad_review.write_text("entity_key,target\norg/x,not a row of the review format\n", encoding="utf-8")
    monkeypatch.setenv("FRKG_LINKS_REVIEW", str(bad_review))
    with pytest.raises(ReviewFileError, match="review.csv"):
        build_store(corpus_copy(tmp_path / "both"), store)
    assert snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_failed_build_on_a_broken_ontology_keeps_the_previous_store(previous_store, tmp_path, monkeypatch):
    import frkg.ontology

    store = previous_store
    before = snapshot(store)
    broken = tmp_path / "ontology"
    broken.mkdir()
    for name in frkg.ontology.ONTOLOGY_FILES:
        (broken / name).write_text((frkg.ontology.ONTOLOGY_DIR / name).read_text(encoding="utf-8"))
    with open(broken / "frkg.ttl", "a", encoding="utf-8") as handle:
        handle.write("\nfrkg:Broken a owl:Class ;; rdfs:label \"unterminated .\n")
    monkeypatch.setattr(frkg.ontology, "ONTOLOGY_DIR", broken)
    with pytest.raises(BuildError, match="ontology cannot be loaded"):
        build_store(corpus_copy(tmp_path / "both"), store)
    assert snapshot(store) == before


def test_a_corpus_with_nothing_readable_does_not_replace_the_store(previous_store, tmp_path):
    store = previous_store
    before = snapshot(store)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("")
    with pytest.raises(BuildError, match="no readable document.*blank.txt: the file is empty"):
        build_store(empty, store)
    assert snapshot(store) == before


def test_build_with_target_uploads_every_graph(tmp_path):
    received: dict[str, int] = {}
    app = Flask("gsp")

    @app.route("/sparql-graph-crud-auth", methods=["PUT", "POST"])
    def graph_store():
        graph = request.args["graph"]
        lines = [line for line in request.get_data(as_text=True).splitlines() if line.strip()]
        received[graph] = (received.get(graph, 0) if request.method == "POST" else 0) + len(lines)
        return "", 201

    store = tmp_path / "store"
    with http_server(app) as url:
        build_store(CORPUS, store, target=f"{url}/sparql")
    sizes = graph_sizes(open_store(store))
    named = {g: n for g, n in sizes.items() if g}
    assert {g: n for g, n in received.items() if g in named} == named
    assert sum(received.values()) == sum(sizes.values())  # the default graph went up too


def provenance_queries() -> list[str]:
    text = (CORPUS.parent / "docs" / "provenance.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```sparql\n")[1:]]


def test_documented_query_returns_the_sentence_behind_every_fact(store):
    query = provenance_queries()[0]
    facts = {row["f"] for row in select(store, "SELECT DISTINCT ?f { ?f frkg:hasEvidence ?e }")}
    assert len(facts) >= 10
    for fact in facts:
        result = store.query(query, substitutions={ox.Variable("fact"): ox.NamedNode(fact)})
        rows = [{name: r[name].value for name in ("fact", "sentenceText", "quote")} for r in result]
        assert rows, fact
        assert all(row["fact"] == fact and row["quote"] in row["sentenceText"] for row in rows), rows


def test_documented_example_finds_the_sentences_with_chinas_deal_count(store):
    rows = [{v: r[v].value for v in ("dealCount", "sentenceText")} for r in store.query(provenance_queries()[1])]
    assert {row["dealCount"] for row in rows} == {"201"}
    assert all("201" in row["sentenceText"] and "China" in row["sentenceText"] for row in rows)
    assert rows


def test_documented_graph_query_shows_where_triples_came_from(store):
    graphs = {r["graph"].value for r in store.query(provenance_queries()[2])}
    assert any("/graph/doc/" in g for g in graphs)


def test_a_store_inside_the_corpus_folder_is_not_read_as_documents(tmp_path):
    corpus = corpus_copy(tmp_path / "corpus", CORPUS_FILES[:1])
    store = corpus / "var" / "store"
    build_store(corpus, store)
    report = build_store(corpus, store)  # the second build sees the first one's files in the folder
    assert len(report.documents) == 1
    assert report.warnings == [w for w in report.warnings if "/var/store" not in w]
    assert [p.name for p in document_paths(corpus, store)] == CORPUS_FILES[:1]


# -- SHACL per document ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_graphs():
    extractions = extract_all(document_paths(CORPUS), 1, False, [])
    return document_graphs(extractions, merge_extractions(extractions))


def test_each_document_graph_types_every_node_it_points_at(corpus_graphs):
    """What makes per-document validation sound: sh:class and sh:node checks on a
    referenced node find its types in the same graph (or in the taxonomy)."""
    taxonomy = set(taxonomy_individuals(load_ontology()).subjects(RDF.type))
    for doc_id, graph in corpus_graphs.items():
        typed = set(graph.subjects(RDF.type)) | taxonomy
        pointed = {o for s, p, o in graph if isinstance(o, URIRef) and p != RDF.type and str(o).startswith(str(ID))}
        assert pointed <= typed, (doc_id, sorted(pointed - typed)[:5])


def test_validating_documents_one_by_one_finds_what_validating_their_union_finds(corpus_graphs):
    ontology, shapes = load_ontology(), load_shapes()
    first, second = (Graph() + g for g in corpus_graphs.values())
    first.remove((next(first.subjects(FRKG.denotes)), FRKG.denotes, None))
    sentence = next(second.subjects(FRKG.sentenceIndex))
    second.set((sentence, FRKG.sentenceIndex, Literal(-1)))
    one_by_one = validate_documents([first, second], ontology, shapes)
    union = validate_data(first + second, ontology, shapes)
    assert not one_by_one.conforms and not union.conforms
    assert set(one_by_one.summary) == set(union.summary) and len(one_by_one.summary) == 2
    assert one_by_one.text.startswith("Validation Report\nConforms: False\nResults (2):")
    assert validate_documents(list(corpus_graphs.values()), ontology, shapes).conforms
