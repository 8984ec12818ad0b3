"""Turn one document's extraction into the RDF of its named graph.

The shape follows docs/design.md ("RDF shape of the facts"): a document node
with its text, sentences and mentions; the entities it names; n-ary fact nodes;
and for every piece of evidence a PROV-O entity that is also a Web Annotation
with a position and a quote selector.  Every node gets an IRI (no blank nodes)
so that the same fact or entity read in two documents is one node in the
union graph, and so that evidence can be linked to from outside.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from frkg import __version__
from frkg.countries import country_label
from frkg.identity import short_hash, slugify
from frkg.merge import Merged
from frkg.model import Document, Entity, Evidence, Extraction, Fact, Mention, Sentence, Value
from frkg.namespaces import FRKG, ID, OA, PREFIXES, SCHEMA, iri_for
from frkg.ontology import taxonomy_concepts

PIPELINE_VERSION = __version__
ACTIVITY = ID[f"activity/frkg-{PIPELINE_VERSION}"]
CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix around a quote

# First path segment of the keys that name entities or documents (design.md,
# "Entity keys"); a string value of this shape is a reference, not text.
_ENTITY_KEY = re.compile(
    r"^(country|org|person|group|technology|application|concern-type|doc|study|place)/[A-Za-z0-9][A-Za-z0-9._/-]*$"
)
_YEAR = re.compile(r"^-?\d{4}$")
_YEAR_MONTH = re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def extraction_to_graph(ex: Extraction) -> Graph:
    """Everything one document asserts, as the content of its named graph."""
    graph = new_graph()
    doc = ex.document
    add_document(graph, doc)
    add_activity(graph)
    for sentence in ex.sentences:
        add_sentence(graph, sentence)
    for mention in ex.mentions:
        add_mention(graph, mention)
    for entity in ex.entities:
        add_entity(graph, entity)
    for fact in ex.facts:
        add_fact(graph, fact, doc)
    return graph


def document_graphs(extractions: list[Extraction], merged: Merged) -> dict[str, Graph]:
    """The named-graph content of every document, in the merged (corpus-wide) view.

    Each document's graph holds its own text, sentences and mentions, the
    merged description of every entity it refers to, and every merged fact it
    has evidence for, with that evidence only.  So all graphs agree on an
    entity's type and label and on a fact's values, and the union of the
    graphs is exactly the merged corpus.
    """
    return {view.document.doc_id: extraction_to_graph(view) for view in document_views(extractions, merged)}


def document_views(extractions: list[Extraction], merged: Merged) -> list[Extraction]:
    """Each extraction with the merged entities and facts (with this document's
    evidence) its graph holds (see
    :func:`document_graphs`); a view is self-contained, so it can be turned into
    RDF and validated in a worker process."""
    entities = {e.key: e for e in merged.entities}
    facts_by_doc: dict[str, list[Fact]] = {}
    for fact in merged.facts:
        for doc_id in dict.fromkeys(ev.doc_id for ev in fact.evidence):
            facts_by_doc.setdefault(doc_id, []).append(fact)
    views = []
    for ex in extractions:
        doc_id = ex.document.doc_id
        # only this document's evidence: a view is sent to a worker, and a fact
        # read in every document would otherwise carry all of their evidence
        facts = [replace(f, evidence=[ev for ev in f.evidence if ev.doc_id == doc_id])
                 for f in facts_by_doc.get(doc_id, [])]
        keys = {e.key for e in ex.entities} | {k for f in facts for keys in f.roles.values() for k in keys}
        views.append(replace(ex, entities=[entities[k] for k in sorted(keys) if k in entities], facts=facts))
    return views


def new_graph() -> Graph:
    """An empty graph with the project prefixes bound (for readable dumps)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def document_iri(doc_id: str) -> URIRef:
    return iri_for(f"doc/{doc_id}")


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return iri_for(f"doc/{doc_id}/sentence/{index}")


def mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    return iri_for(f"doc/{doc_id}/mention/{start}-{end}")


def evidence_iri(fact_key: str, ev: Evidence) -> URIRef:
    """``evidence/{hash}`` of (fact key, document, span, rule), as design.md fixes."""
    return iri_for(f"evidence/{short_hash(fact_key, ev.doc_id, ev.start, ev.end, ev.rule)}")


def add_document(graph: Graph, doc: Document) -> None:
    """The document node: full text, content hash, file name and metadata."""
    node = document_iri(doc.doc_id)
    graph.add((node, RDF.type, FRKG.Document))
    graph.add((node, FRKG.text, Literal(doc.text)))
    graph.add((node, FRKG.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())))
    graph.add((node, FRKG.fileName, Literal(PurePath(doc.path).name)))
    graph.add((node, DCTERMS.format, Literal(doc.media_type)))
    if doc.title:
        graph.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.source_url:
        graph.add((node, SCHEMA.url, URIRef(doc.source_url)))
    if doc.published:
        graph.add((node, DCTERMS.issued, date_literal(doc.published)))
    if doc.publisher:
        publisher = iri_for(f"org/{slugify(doc.publisher)}")
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((publisher, RDF.type, FRKG.Organization))
        graph.add((publisher, RDFS.label, Literal(doc.publisher)))


def add_activity(graph: Graph) -> None:
    """The extraction run that generated the evidence (one per pipeline version)."""
    graph.add((ACTIVITY, RDF.type, PROV.Activity))
    graph.add((ACTIVITY, RDFS.label, Literal(f"frkg extraction pipeline {PIPELINE_VERSION}")))
    graph.add((ACTIVITY, FRKG.pipelineVersion, Literal(PIPELINE_VERSION)))


def add_sentence(graph: Graph, sentence: Sentence) -> None:
    node = sentence_iri(sentence.doc_id, sentence.index)
    graph.add((node, RDF.type, FRKG.Sentence))
    graph.add((node, FRKG.inDocument, document_iri(sentence.doc_id)))
    graph.add((node, FRKG.sentenceIndex, Literal(sentence.index)))
    graph.add((node, FRKG.start, Literal(sentence.start)))
    graph.add((node, FRKG.end, Literal(sentence.end)))
    graph.add((node, FRKG.text, Literal(sentence.text)))


def add_mention(graph: Graph, mention: Mention) -> None:
    node = mention_iri(mention.doc_id, mention.start, mention.end)
    graph.add((node, RDF.type, FRKG.Mention))
    graph.add((node, FRKG.inDocument, document_iri(mention.doc_id)))
    graph.add((node, FRKG.inSentence, sentence_iri(mention.doc_id, mention.sentence_index)))
    graph.add((node, FRKG.start, Literal(mention.start)))
    graph.add((node, FRKG.end, Literal(mention.end)))
    graph.add((node, FRKG.anchorText, Literal(mention.text)))
    graph.add((node, FRKG.denotes, iri_for(mention.key)))
    graph.add((node, FRKG.extractionRule, Literal(mention.rule)))
    graph.add((node, FRKG.confidence, decimal_literal(mention.confidence)))


def add_entity(graph: Graph, entity: Entity) -> None:
    """Type, names and attributes; external identifiers go to graph/links, not here.

    Concepts of the taxonomy keep the taxonomy's names only, so a document's
    wording ("surveillance") never becomes a second label of a concept.
    """
    node = iri_for(entity.key)
    graph.add((node, RDF.type, FRKG[entity.entity_type]))
    if str(node) in taxonomy_concepts():
        return
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for prop, value in entity.attributes:
        graph.add((node, FRKG[prop], value_term(prop, value)))
        if prop in ("country", "locatedIn") and str(value).startswith("country/"):
            add_country(graph, str(value))  # the document may never name it: the graph must still say what it is
    if entity.entity_type == "Country" and entity.key.startswith("country/"):
        add_country(graph, entity.key)


def add_country(graph: Graph, key: str) -> None:
    """A country's type, ISO code and name (from pycountry)."""
    node, code = iri_for(key), key.split("/", 1)[1]
    graph.add((node, RDF.type, FRKG.Country))
    graph.add((node, FRKG.isoCode, Literal(code)))
    if (node, RDFS.label, None) not in graph:
        graph.add((node, RDFS.label, Literal(country_label(code))))


def add_fact(graph: Graph, fact: Fact, doc: Document) -> None:
    """An n-ary fact node, its participants, values and this document's evidence.

    A fact about a node that has its own key (``fact.subject``, e.g. a Study)
    is written on that node, so every fact about it lands on one IRI.
    """
    key = fact.key
    node = iri_for(fact.subject or key)
    graph.add((node, RDF.type, FRKG[fact.kind]))
    for role, keys in fact.roles.items():
        for entity_key in keys:
            graph.add((node, FRKG[role], iri_for(entity_key)))
    for prop, value in fact.values.items():
        if value is not None:
            graph.add((node, FRKG[prop], value_term(prop, value)))
    for ev in fact.evidence:
        if ev.doc_id == doc.doc_id:
            add_evidence(graph, node, key, ev, doc.text)


def add_evidence(graph: Graph, fact: URIRef, fact_key: str, ev: Evidence, text: str) -> None:
    """PROV-O entity + Web Annotation with a position and a quote selector."""
    node = evidence_iri(fact_key, ev)
    doc = document_iri(ev.doc_id)
    graph.add((fact, FRKG.hasEvidence, node))
    graph.add((node, RDF.type, FRKG.Evidence))
    graph.add((node, FRKG.evidenceFor, fact))
    graph.add((node, FRKG.inDocument, doc))
    graph.add((node, FRKG.inSentence, sentence_iri(ev.doc_id, ev.sentence_index)))
    graph.add((node, FRKG.quote, Literal(ev.quote)))
    graph.add((node, FRKG.start, Literal(ev.start)))
    graph.add((node, FRKG.end, Literal(ev.end)))
    graph.add((node, FRKG.confidence, decimal_literal(ev.confidence)))
    graph.add((node, FRKG.extractionRule, Literal(ev.rule)))
    graph.add((node, FRKG.pipelineVersion, Literal(PIPELINE_VERSION)))
    graph.add((node, PROV.wasGeneratedBy, ACTIVITY))
    graph.add((node, PROV.wasDerivedFrom, doc))
    add_annotation_target(graph, node, doc, ev, text)


def add_annotation_target(graph: Graph, evidence: URIRef, doc: URIRef, ev: Evidence, text: str) -> None:
    target = URIRef(f"{evidence}/target")
    position = URIRef(f"{evidence}/position")
    quote = URIRef(f"{evidence}/quote")
    graph.add((evidence, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, doc))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(ev.start)))
    graph.add((position, OA.end, Literal(ev.end)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(ev.quote)))
    graph.add((quote, OA.prefix, Literal(text[max(0, ev.start - CONTEXT_CHARS):ev.start])))
    graph.add((quote, OA.suffix, Literal(text[ev.end:ev.end + CONTEXT_CHARS])))


def value_term(prop: str, value: Value) -> URIRef | Literal:
    """The RDF term for a fact value or entity attribute, typed by its Python type.

    Entity keys become IRIs; date-like strings of date properties become
    xsd:gYear / xsd:gYearMonth / xsd:date; other strings stay plain text.
    """
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float | Decimal):
        return decimal_literal(value)
    if isinstance(value, dt.datetime):
        return Literal(value, datatype=XSD.dateTime)
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    text = str(value)
    if _ENTITY_KEY.match(text):
        return iri_for(text)
    if _is_date_property(prop):
        return date_literal(text)
    return Literal(text)


def date_literal(text: str) -> Literal:
    """``2021`` -> xsd:gYear, ``2021-11`` -> xsd:gYearMonth, ``2021-11-05`` -> xsd:date; else plain."""
    text = text.strip()
    if _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    if _YEAR_MONTH.match(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _DATE.match(text):
        return Literal(text, datatype=XSD.date)
    return Literal(text)


def decimal_literal(value: float | Decimal) -> Literal:
    """An xsd:decimal (not xsd:double), rounded to 4 places, in canonical form.

    Canonical ("1", "0.85", never "1.0") because Oxigraph stores decimals that
    way: a non-canonical lexical form would make the triple read back from the
    store differ from the one asserted (and count twice across graphs).
    """
    canonical = format(Decimal(str(round(float(value), 4))).normalize(), "f")
    return Literal(canonical, datatype=XSD.decimal)


def _is_date_property(prop: str) -> bool:
    return prop.endswith("Date") or prop in {"date", "issued", "created", "modified", "year", "period"}
