"""SHACL shapes: the valid fixture conforms; breaking one rule is reported by its shape."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from frkg.namespaces import FRKG, ID
from frkg.ontology import load_ontology, load_shapes
from frkg.validation import validate_data, violated_shapes

FIXTURES = Path(__file__).parent / "fixtures" / "ontology"
FS = "https://w3id.org/frkg/shapes#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def valid() -> Graph:
    return Graph().parse(FIXTURES / "valid.ttl")


def drop(s, p):
    return lambda g: g.remove((ID[s], p, None))


def put(s, p, o):
    """Replace every value of ``p`` on ``s`` with ``o``."""
    def apply(g: Graph) -> None:
        g.remove((ID[s], p, None))
        g.add((ID[s], p, o))
    return apply


def add(s, p, o):
    return lambda g: g.add((ID[s], p, o))


# One mutation per shape: (shape local name, what breaks it).
BREAKS = {
    "LabelledAgentShape": drop("org/huawei", RDFS.label),
    "CountryShape": put("country/CN", FRKG.isoCode, Literal("China")),
    "PlaceShape": put("place/xinjiang", FRKG.locatedIn, ID["org/huawei"]),
    "DealStatisticShape": put("dealstatistic/ds1", FRKG.dealCount, Literal("201")),
    "ExportShape": drop("deal/x1", FRKG.technology),
    "DealShape": drop("deal/x1", FRKG.importer),
    "MeasureShape": drop("exportrestriction/m2", FRKG.imposedBy),
    "HumanRightsConcernShape": drop("humanrightsconcern/c1", FRKG.concernType),
    "StatementShape": add("statement/st1", FRKG.speaker, ID["person/david-yang"]),
    "ClaimShape": drop("claim/cl1", FRKG.claimText),
    "AffiliationShape": put("affiliation/a1", FRKG.organization, ID["person/alexandra-seymour"]),
    "TechnologyUseShape": put("technologyuse/u1", FRKG.technology, ID["application/policing"]),
    "FactShape": drop("claim/cl1", FRKG.hasEvidence),
    "DocumentShape": put("doc/d1", FRKG.contentHash, Literal("not-a-sha256")),
    "TextSpanShape": put("evidence/e1", FRKG.start, Literal(50)),
    "SentenceShape": put("doc/d1/sentence/0", FRKG.sentenceIndex, Literal(-1)),
    "MentionShape": drop("doc/d1/mention/0-5", FRKG.denotes),
    "EvidenceShape": put("evidence/e1", FRKG.confidence, Literal("1.5", datatype=XSD.decimal)),
}


def test_every_shape_has_a_breaking_case(shapes):
    named = {str(s)[len(FS):] for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    assert named == set(BREAKS)


def test_valid_fixture_conforms(ontology, shapes):
    data = valid()
    size = len(data)
    result = validate_data(data, ontology, shapes)
    assert result.conforms, result.text
    assert result.summary == []
    assert len(data) == size  # the caller's graph is left as it was


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_violation_is_reported_by_its_shape(ontology, shapes, shape):
    data = valid()
    BREAKS[shape](data)
    result = validate_data(data, ontology, shapes)
    assert not result.conforms
    assert violated_shapes(result.results, shapes) == {URIRef(FS + shape)}
    assert all(line.startswith(f"fs:{shape}") for line in result.summary), result.summary


def test_a_deal_statistic_needs_a_count_or_a_rank(ontology, shapes):
    data = valid()
    data.remove((ID["dealstatistic/ds1"], FRKG.dealCount, None))
    assert validate_data(data, ontology, shapes).conforms  # "second largest exporter": rank only
    data.remove((ID["dealstatistic/ds1"], FRKG.rank, None))
    result = validate_data(data, ontology, shapes)
    assert violated_shapes(result.results, shapes) == {URIRef(FS + "DealStatisticShape")}
    assert "a deal count, a rank" in result.summary[0]
