"""The ontology: header, the design contract's terms, taxonomy, HermiT and the OOPS! lint."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from frkg.hermit import run_hermit
from frkg.lint import lint
from frkg.namespaces import FRKG, ID, ONTOLOGY_IRI, VANN
from frkg.ontology import ONTOLOGY_DIR, load_ontology

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "ontology"
DECLARED = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/frkg/ontology/0.1.0")
    for prop in (DCTERMS.license, DCTERMS.creator, DCTERMS.created):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "frkg"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == str(FRKG)


def test_every_term_named_in_the_design_contract_exists(ontology):
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    named = set(re.findall(r"frkg:([A-Za-z][A-Za-z0-9]*)", design))
    assert len(named) > 60
    missing = sorted(n for n in named if not any((FRKG[n], RDF.type, t) in ontology for t in DECLARED))
    assert missing == []


def test_every_own_term_has_label_and_definition(ontology):
    own = {s for t in DECLARED for s in ontology.subjects(RDF.type, t) if str(s).startswith(str(FRKG))}
    assert len(own) > 130
    for term in own:
        assert isinstance(ontology.value(term, RDFS.label), Literal), term
        assert isinstance(ontology.value(term, SKOS.definition), Literal), term


@pytest.mark.parametrize(
    ("cls", "on_property", "filler"),
    [
        ("ExportingCountry", "exporterIn", "TradeFact"),
        ("ImportingCountry", "importerIn", "Export"),
        ("SanctionedEntity", "targetedBy", "Sanction"),
        ("SanctionedFirm", "targetedBy", "Sanction"),
        ("RestrictedFirm", "targetedBy", "Measure"),
    ],
)
def test_defined_classes(ontology, cls, on_property, filler):
    expr = ontology.value(FRKG[cls], OWL.equivalentClass)
    members = list(ontology.items(ontology.value(expr, OWL.intersectionOf)))
    restriction = next(m for m in members if not isinstance(m, URIRef))
    assert ontology.value(restriction, OWL.onProperty) == FRKG[on_property]
    assert ontology.value(restriction, OWL.someValuesFrom) == FRKG[filler]


@pytest.mark.parametrize(
    ("key", "cls", "scheme"),
    [
        ("technology/face-recognition", "Technology", "technologies"),
        ("technology/5g", "Technology", "technologies"),
        ("technology/semiconductors", "Technology", "technologies"),
        ("technology/semiconductor-manufacturing-technology", "Technology", "technologies"),
        ("technology/artificial-intelligence", "Technology", "technologies"),
        ("technology/surveillance-ai", "Technology", "technologies"),
        ("technology/large-language-models", "Technology", "technologies"),
        ("technology/video-surveillance-cameras", "Technology", "technologies"),
        ("application/video-surveillance", "Application", "applications"),
        ("application/smart-city-video-surveillance", "Application", "applications"),
        ("application/policing", "Application", "applications"),
        ("application/phone-unlocking", "Application", "applications"),
        ("application/monitoring-of-ethnic-minorities", "Application", "applications"),
        ("application/censorship", "Application", "applications"),
        ("application/communications-analysis", "Application", "applications"),
        ("application/identity-matching", "Application", "applications"),
        ("concern-type/privacy", "ConcernType", "concern-types"),
        ("concern-type/surveillance", "ConcernType", "concern-types"),
        ("concern-type/human-rights-violations", "ConcernType", "concern-types"),
        ("concern-type/censorship", "ConcernType", "concern-types"),
        ("concern-type/ethnic-persecution", "ConcernType", "concern-types"),
        ("concern-type/lack-of-legal-basis", "ConcernType", "concern-types"),
        ("concern-type/authoritarianism", "ConcernType", "concern-types"),
        ("measure-type/sanction", "MeasureType", "measure-types"),
        ("measure-type/export-control", "MeasureType", "measure-types"),
    ],
)
def test_taxonomy_concepts(ontology, key, cls, scheme):
    concept = ID[key]
    assert (concept, RDF.type, FRKG[cls]) in ontology
    assert (concept, RDF.type, SKOS.Concept) in ontology
    assert (concept, SKOS.inScheme, ID[f"scheme/{scheme}"]) in ontology
    assert ontology.value(concept, SKOS.prefLabel) is not None


def test_every_concept_the_gazetteer_names_is_a_taxonomy_concept_of_its_type(ontology):
    """Facts point at concepts by the gazetteer's keys: each must be the taxonomy's concept, with its scheme."""
    from frkg.gazetteer import entries

    schemes = {"Technology": "technologies", "Application": "applications", "ConcernType": "concern-types"}
    concepts = [e for e in entries().values() if e.entity_type in schemes]
    assert len(concepts) > 20
    missing = [e.key for e in concepts if (ID[e.key], SKOS.inScheme, ID[f"scheme/{schemes[e.entity_type]}"])
               not in ontology or (ID[e.key], RDF.type, FRKG[e.entity_type]) not in ontology]
    assert missing == []


def test_broader_and_narrower_agree(ontology):
    broader = set(ontology.subject_objects(SKOS.broader))
    narrower = {(o, s) for s, o in ontology.subject_objects(SKOS.narrower)}
    assert broader and broader == narrower


def test_hermit_finds_the_ontology_consistent_and_satisfiable(ontology):
    result = run_hermit(ontology)
    assert result.error == ""
    assert result.consistent
    assert result.unsatisfiable == []


def test_hermit_lists_unsatisfiable_classes():
    broken = Graph().parse(FIXTURES / "broken" / "frkg.ttl")
    result = run_hermit(broken)
    assert result.consistent
    assert result.unsatisfiable == [str(FRKG.Cyborg)]


def test_lint_passes_on_the_ontology(ontology):
    report = lint(ontology)
    assert [str(p) for p in report.pitfalls] == []
    assert report.counts["classes"] >= 40 and report.counts["taxonomy concepts"] >= 30


def test_lint_reports_each_pitfall_with_its_oops_code():
    broken = Graph().parse(FIXTURES / "broken" / "frkg.ttl")
    found = {(p.code, p.term) for p in lint(broken).pitfalls}
    assert {
        ("P08", "frkg:Nation"),       # no skos:definition
        ("P11", "frkg:borders"),      # no domain, no range
        ("P13", "frkg:borders"),      # no inverse
        ("P06", "frkg:Nation"),       # Nation < State < Nation
        ("P35", "http://example.org/undeclared#note"),
        ("P32", "frkg:Country, frkg:Nation"),
        ("P41", str(ONTOLOGY_IRI)),
        ("H01", str(ONTOLOGY_IRI)),
        ("P34", "http://example.org/undeclared#Machine"),
        ("P05", "frkg:governs"),
        ("P22", "frkg:bad_Name"),
        ("P04", "frkg:bad_Name"),
    } <= found


def test_ontology_files_are_where_the_package_says():
    assert (ONTOLOGY_DIR / "frkg.ttl").is_file() and (ONTOLOGY_DIR / "taxonomy.ttl").is_file()
