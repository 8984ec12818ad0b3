"""Sentences, mentions, entities and evidence on the corpus and small texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from frkg.extract import extract_document
from frkg.model import Document
from frkg.readers import document_id, read_document
from frkg.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def doc(text: str) -> Document:
    return Document(document_id(text), "test.txt", text)


@pytest.fixture(scope="module")
def corpus() -> dict[str, object]:
    return {p.name[:3]: extract_document(read_document(p)) for p in sorted((ROOT / "corpus").glob("*.txt"))}


def test_sentences_keep_offsets_and_split_lines() -> None:
    text = "Headline Without Stop\nShare\n\n“It works,” he says. “It is fine.” The US leads.\u00a0Next one."
    sentences = split_sentences(doc(text))
    assert [s.text for s in sentences] == ["Headline Without Stop", "Share", "“It works,” he says.",
                                           "“It is fine.”", "The US leads.", "Next one."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(6))


def test_every_evidence_quote_is_the_document_span(corpus) -> None:
    for ex in corpus.values():
        assert ex.facts
        for fact in ex.facts:
            for e in fact.evidence:
                assert ex.document.text[e.start:e.end] == e.quote
                sentence = ex.sentences[e.sentence_index]
                assert sentence.start <= e.start < e.end <= sentence.end
                assert 0 < e.confidence <= 1 and e.rule
        for m in ex.mentions:
            assert ex.document.text[m.start:m.end] == m.text


def test_mentions_case_aware_possessives_and_demonyms() -> None:
    ex = extract_document(doc("Huawei’s 5G gear worries us. American and Chinese firms compete; "
                              "the EU and the U.K. watch."))
    keys = {m.key: m for m in ex.mentions}
    assert "org/huawei" in keys and keys["org/huawei"].text == "Huawei"
    assert "country/US" in keys and keys["country/US"].rule == "demonym"
    assert "country/GB" in keys and "org/european-union" in keys
    assert not any(m.text == "us" for m in ex.mentions)


def test_context_patterns_find_unknown_people_and_organisations() -> None:
    text = ("“We are worried,” said Maria Lopez, director of the Institute for Digital Rights. "
            "Lopez and her colleagues studied vendors such as Vizor Labs and Kestrel. "
            "Under President Okafor, the Okafor administration banned the cameras. "
            "Officials say the Lagos State Police Department uses it.")
    ex = extract_document(doc(text))
    types = {e.key: e.entity_type for e in ex.entities}
    assert types["person/maria-lopez"] == "Person"
    assert types["org/institute-for-digital-rights"] == "ThinkTank"
    assert types["org/vizor-labs"] == "Firm" and types["org/kestrel"] == "Firm"
    assert types["org/okafor-administration"] == "Administration"
    assert types["org/lagos-state-police-department"] == "PoliceDepartment"
    assert not any(k.startswith("person/officials") for k in types)
    lopez = [m for m in ex.mentions if m.key == "person/maria-lopez"]
    assert any(m.text == "Lopez" for m in lopez)  # surname resolved to the full name


def test_corpus_entities_have_design_keys_and_types(corpus) -> None:
    types = {e.key: e.entity_type for ex in corpus.values() for e in ex.entities}
    assert types["country/CN"] == "Country" and types["country/US"] == "Country"
    assert types["person/alexandra-seymour"] == "Person"
    assert types["person/beraja"] == "Person"
    assert types["org/center-for-a-new-american-security"] == "ThinkTank"
    assert types["group/uyghurs"] == "Group"
    assert types["technology/face-recognition"] == "Technology"
    assert types["application/video-surveillance"] == "Application"
    assert types["concern-type/privacy"] == "ConcernType"
    assert types["org/trump-administration"] == "Administration"
    seymour = [m for m in corpus["002"].mentions if m.key == "person/alexandra-seymour"]
    assert {m.text for m in seymour} == {"Alexandra Seymour", "Seymour"}


def test_no_warnings_on_corpus(corpus) -> None:
    assert all(not ex.warnings for ex in corpus.values())


def test_a_region_is_a_place_in_its_country_never_an_actor() -> None:
    """"in Xinjiang" names a frkg:Place located in China; its RDF conforms to the shapes."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF

    from frkg.namespaces import FRKG, iri_for
    from frkg.ontology import load_ontology, load_shapes
    from frkg.rdf import extraction_to_graph
    from frkg.validation import validate_data

    text = "Chinese firms supplied cameras used to monitor Uyghurs in Xinjiang, Human Rights Watch said."
    extraction = extract_document(doc(text))
    place = next(e for e in extraction.entities if e.key == "place/xinjiang")
    assert (place.entity_type, dict(place.attributes)) == ("Place", {"locatedIn": "country/CN"})
    assert all("place/xinjiang" not in keys for f in extraction.facts for keys in f.roles.values())
    graph = extraction_to_graph(extraction)
    xinjiang: URIRef = iri_for("place/xinjiang")
    assert (xinjiang, FRKG.locatedIn, iri_for("country/CN")) in graph
    assert (iri_for("country/CN"), RDF.type, FRKG.Country) in graph
    assert (iri_for("country/CN"), FRKG.isoCode, Literal("CN")) in graph
    result = validate_data(graph, load_ontology(), load_shapes())
    assert result.conforms, result.text


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "tests" / "docs").iterdir() if p.is_file())
                         + sorted((ROOT / "corpus").iterdir()), ids=lambda p: p.name)
def test_every_test_document_extracts_to_a_graph_the_shapes_accept(path: Path) -> None:
    """Whatever a rule adds must still be a valid node (a measure needs an imposer, an affiliation an
    organisation, a country its type): each document's graph, as `frkg build` and `frkg ingest` write it
    (facts merged by key, so two sentences giving one fact two dates make one node and a warning),
    validates against the SHACL shapes."""
    from frkg.merge import merge_extractions
    from frkg.ontology import load_ontology, load_shapes
    from frkg.rdf import document_graphs
    from frkg.validation import validate_data

    extraction = extract_document(read_document(path))
    [graph] = document_graphs([extraction], merge_extractions([extraction])).values()
    result = validate_data(graph, load_ontology(), load_shapes())
    assert result.conforms, result.summary
