"""The RDF of one document's extraction follows the shape fixed in docs/design.md."""
from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from frkg.namespaces import FRKG, OA, SCHEMA, iri_for
from frkg.rdf import (
    ACTIVITY, PIPELINE_VERSION, date_literal, document_iri, evidence_iri, extraction_to_graph, sentence_iri,
    value_term,
)
from tests.fixtures.store.sample import TEXT, evidence_id, sample_extraction


def one(graph, s, p):
    values = list(graph.objects(s, p))
    assert len(values) == 1, (s, p, values)
    return values[0]


def test_document_node_has_text_hash_file_and_metadata():
    ex = sample_extraction()
    graph = extraction_to_graph(ex)
    doc = document_iri(ex.document.doc_id)
    assert (doc, RDF.type, FRKG.Document) in graph
    assert str(one(graph, doc, FRKG.text)) == TEXT
    assert str(one(graph, doc, FRKG.contentHash)) == hashlib.sha256(TEXT.encode()).hexdigest()
    assert str(one(graph, doc, FRKG.fileName)) == "sample.txt"
    assert one(graph, doc, SCHEMA.url) == URIRef("https://example.org/a")
    assert one(graph, doc, DCTERMS.issued) == Literal("2021-11-05", datatype=XSD.date)
    publisher = one(graph, doc, DCTERMS.publisher)
    assert str(one(graph, publisher, RDFS.label)) == "Example News"


def test_sentences_carry_their_text_and_offsets():
    ex = sample_extraction()
    graph = extraction_to_graph(ex)
    for sentence in ex.sentences:
        node = sentence_iri(ex.document.doc_id, sentence.index)
        start, end = one(graph, node, FRKG.start).toPython(), one(graph, node, FRKG.end).toPython()
        assert str(one(graph, node, FRKG.text)) == TEXT[start:end]
        assert one(graph, node, FRKG.sentenceIndex) == Literal(sentence.index, datatype=XSD.integer)


def test_mentions_denote_entities_with_types_labels_and_aliases():
    ex = sample_extraction()
    graph = extraction_to_graph(ex)
    china = iri_for("country/CN")
    mentions = list(graph.subjects(FRKG.denotes, china))
    assert len(mentions) == 1
    assert str(one(graph, mentions[0], FRKG.anchorText)) == "China"
    assert (china, RDF.type, FRKG.Country) in graph
    assert str(one(graph, china, RDFS.label)) == "China"
    assert set(graph.objects(china, SKOS.altLabel)) == {Literal("PRC")}  # the label is not repeated
    assert one(graph, china, FRKG.isoCode) == Literal("CN")
    harvard = iri_for("org/harvard-university")
    assert one(graph, harvard, FRKG.country) == iri_for("country/US")  # key-valued attribute -> IRI


def test_facts_are_nary_nodes_with_typed_values():
    ex = sample_extraction()
    graph = extraction_to_graph(ex)
    deal, sanction, statement, study = (iri_for(f.key) for f in ex.facts)
    assert (deal, RDF.type, FRKG.DealStatistic) in graph
    assert one(graph, deal, FRKG.exporter) == iri_for("country/CN")
    assert one(graph, deal, FRKG.dealCount) == Literal(201, datatype=XSD.integer)
    assert one(graph, sanction, FRKG.startDate) == Literal("2021", datatype=XSD.gYear)
    assert one(graph, sanction, FRKG.reason) == Literal("sample reason")
    assert one(graph, statement, FRKG.isDirectQuote) == Literal(True, datatype=XSD.boolean)
    assert one(graph, study, FRKG.publicationDate) == Literal("2021-11", datatype=XSD.gYearMonth)
    assert one(graph, study, FRKG.retrieved) == Literal("2021-11-05", datatype=XSD.date)
    assert one(graph, study, FRKG.share) == Literal(Decimal("0.25"), datatype=XSD.decimal)


def test_evidence_is_prov_and_web_annotation_with_iri_selectors():
    ex = sample_extraction()
    graph = extraction_to_graph(ex)
    fact = ex.facts[0]
    ev = fact.evidence[0]
    node = evidence_iri(fact.key, ev)
    assert node == iri_for(f"evidence/{evidence_id(fact, ev)}")
    assert one(graph, iri_for(fact.key), FRKG.hasEvidence) == node
    assert one(graph, node, FRKG.evidenceFor) == iri_for(fact.key)
    assert one(graph, node, FRKG.inSentence) == sentence_iri(ex.document.doc_id, 0)
    assert str(one(graph, node, FRKG.quote)) == TEXT[ev.start:ev.end] == "accounting for 201 deals"
    assert one(graph, node, FRKG.confidence) == Literal(Decimal("0.9"), datatype=XSD.decimal)
    assert str(one(graph, node, FRKG.extractionRule)) == "deal-count:accounting-for"
    assert str(one(graph, node, FRKG.pipelineVersion)) == PIPELINE_VERSION
    assert one(graph, node, PROV.wasGeneratedBy) == ACTIVITY
    target = one(graph, node, OA.hasTarget)
    assert one(graph, target, OA.hasSource) == document_iri(ex.document.doc_id)
    selectors = set(graph.objects(target, OA.hasSelector))
    kinds = {one(graph, s, RDF.type): s for s in selectors}
    assert set(kinds) == {OA.TextPositionSelector, OA.TextQuoteSelector}
    position, quote = kinds[OA.TextPositionSelector], kinds[OA.TextQuoteSelector]
    assert one(graph, position, OA.start).toPython() == ev.start
    assert one(graph, position, OA.end).toPython() == ev.end
    assert str(one(graph, quote, OA.exact)) == ev.quote
    prefix, suffix = str(one(graph, quote, OA.prefix)), str(one(graph, quote, OA.suffix))
    assert TEXT[:ev.start].endswith(prefix) and TEXT[ev.end:].startswith(suffix) and prefix and suffix


def test_no_blank_nodes_anywhere():
    graph = extraction_to_graph(sample_extraction())
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_same_fact_in_two_documents_is_one_node_with_two_evidence():
    first = sample_extraction()
    second = sample_extraction("Preface. " + TEXT, name="other.txt")
    union = extraction_to_graph(first) + extraction_to_graph(second)
    fact = iri_for(first.facts[0].key)
    assert first.facts[0].key == second.facts[0].key
    evidence = set(union.objects(fact, FRKG.hasEvidence))
    assert len(evidence) == 2
    assert {one(union, e, FRKG.inDocument) for e in evidence} == {
        document_iri(first.document.doc_id), document_iri(second.document.doc_id)}


def test_value_terms_by_python_type_and_property():
    assert value_term("dealDate", "2019-07") == Literal("2019-07", datatype=XSD.gYearMonth)
    assert value_term("dealDate", "in 2019") == Literal("in 2019")  # not a date shape: kept as text
    assert value_term("claimText", "2021") == Literal("2021")  # not a date property
    assert value_term("count", True) == Literal(True, datatype=XSD.boolean)  # bool is not an integer
    assert value_term("affectedGroup", "group/uyghurs") == iri_for("group/uyghurs")
    assert date_literal("2021-13") == Literal("2021-13")  # no month 13


def test_sample_graph_is_consistent_and_conforms_to_the_shapes():
    from frkg.reasoning import reason

    result = reason(extraction_to_graph(sample_extraction()))
    assert result.consistent, result.explanation
    assert result.shacl_conforms, result.shacl_report


def test_fact_with_a_subject_is_written_on_that_node():
    from frkg.model import Fact

    ex = sample_extraction()
    study = ex.facts[3]
    about = Fact(study.kind, study.roles, {"publicationDate": "2021-11"}, study.evidence, subject="study/sample")
    ex.facts = [about]
    graph = extraction_to_graph(ex)
    node = iri_for("study/sample")
    assert (node, RDF.type, FRKG.Study) in graph
    assert one(graph, node, FRKG.author) == iri_for("org/harvard-university")
    evidence = one(graph, node, FRKG.hasEvidence)
    assert one(graph, evidence, FRKG.evidenceFor) == node
    assert not list(graph.subjects(RDF.type, FRKG.Study, unique=True))[1:]


def test_a_country_named_only_by_the_gazetteer_is_still_described():
    """An organisation's country (gazetteer) may be a country the document never names: type it anyway."""
    from rdflib import Graph

    from frkg.model import Entity
    from frkg.rdf import add_entity

    graph = Graph()
    add_entity(graph, Entity("org/privacy-international", "CivilSocietyOrganization", "Privacy International",
                             attributes=(("country", "country/GB"),)))
    uk = iri_for("country/GB")
    assert (iri_for("org/privacy-international"), FRKG.country, uk) in graph
    assert (uk, RDF.type, FRKG.Country) in graph
    assert (uk, FRKG.isoCode, Literal("GB")) in graph and (uk, RDFS.label, Literal("United Kingdom")) in graph
