"""reason(): OWL 2 RL materialisation (checked against owlrl), consistency, SHACL verdict."""
from __future__ import annotations

from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF

from frkg.namespaces import FRKG, ID
from frkg.ontology import load_ontology
from frkg.reasoning import (
    extend_closure, find_new_violations, find_violations, materialise, reason, reason_over_file,
)
from frkg.rules import UnsupportedAxiom, compile_ontology
from frkg.store import ox_term
from frkg.validation import taxonomy_individuals

FIXTURES = Path(__file__).parent / "fixtures" / "ontology"


def fixture(name: str) -> Graph:
    return Graph().parse(FIXTURES / name)


@pytest.fixture(scope="module")
def valid_result():
    return reason(fixture("valid.ttl"))


def test_valid_fixture_is_consistent_and_conforms(valid_result):
    assert valid_result.consistent, valid_result.explanation
    assert valid_result.shacl_conforms, valid_result.shacl_report
    assert valid_result.violations == []
    assert "HermiT: ontology and data consistent" in valid_result.explanation


@pytest.mark.parametrize(
    ("individual", "cls"),
    [
        ("country/CN", "ExportingCountry"),
        ("country/EC", "ImportingCountry"),
        ("org/acme-vision", "SanctionedFirm"),
        ("org/acme-vision", "SanctionedEntity"),
        ("org/acme-vision", "RestrictedFirm"),
        ("org/huawei", "RestrictedFirm"),
        ("group/chinese-face-recognition-providers", "SanctionedEntity"),
        ("deal/x1", "Export"),
        ("deal/x1", "Fact"),
        ("org/center-for-a-new-american-security", "ResearchOrganization"),
        ("org/biden-administration", "GovernmentBody"),
        ("person/alexandra-seymour", "Agent"),
    ],
)
def test_inferred_classes(valid_result, individual, cls):
    assert (ID[individual], RDF.type, FRKG[cls]) in valid_result.inferred


@pytest.mark.parametrize(
    ("individual", "cls"),
    [
        ("org/huawei", "SanctionedFirm"),  # targeted by an export restriction, not a sanction
        ("group/chinese-face-recognition-providers", "SanctionedFirm"),  # a group, not a firm
        ("country/US", "ExportingCountry"),  # no export in the fixture
        ("country/CN", "ImportingCountry"),
    ],
)
def test_defined_classes_are_not_overapplied(valid_result, individual, cls):
    assert (ID[individual], RDF.type, FRKG[cls]) not in valid_result.inferred


@pytest.mark.parametrize(
    ("subject", "prop", "obj"),
    [
        ("country/CN", "exportsTechnology", "technology/face-recognition"),
        ("org/huawei", "exportsTo", "country/EC"),
        ("country/EC", "importsFrom", "org/huawei"),
        ("country/US", "imposedMeasureOn", "org/huawei"),
        ("country/US", "imposedMeasureOn", "group/chinese-face-recognition-providers"),
        ("person/david-yang", "affiliatedWith", "org/harvard-university"),
        ("person/alexandra-seymour", "said", "statement/st1"),
        ("group/civil-liberties-groups", "raisedConcernAbout", "org/clearview-ai"),
        ("group/civil-liberties-groups", "raisedConcernAbout", "technology/face-recognition"),
        ("country/US", "usesTechnology", "technology/face-recognition"),
        ("country/CN", "exporterIn", "dealstatistic/ds1"),
        ("org/huawei", "targetedBy", "exportrestriction/m2"),
        ("country/US", "imposerOf", "sanction/m1"),
        ("evidence/e1", "evidenceFor", "deal/x1"),
        ("study/s1", "reports", "dealstatistic/ds1"),
    ],
)
def test_inferred_properties(valid_result, subject, prop, obj):
    assert (ID[subject], FRKG[prop], ID[obj]) in valid_result.inferred


def test_inferred_holds_only_new_triples(valid_result):
    asserted = fixture("valid.ttl")
    assert len(valid_result.inferred) == valid_result.counts["inferred_triples"] > 0
    assert not [t for t in valid_result.inferred if t in asserted]


def _relevant(graph: Graph) -> set:
    """Triples about frkg individuals with an IRI object; owl:Thing and owl:sameAs
    (which owlrl adds for every individual) say nothing frkg uses."""
    return {
        (s, p, o)
        for s, p, o in graph
        if str(s).startswith(str(ID)) and isinstance(o, URIRef)
        and p != OWL.sameAs and o != OWL.Thing
    }


def owlrl_inferred(ontology: Graph, data: Graph) -> set:
    closure = Graph()
    for triple in ontology + data:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return _relevant(closure) - set(ontology + data)


def test_rules_derive_what_owlrl_derives_on_fixture_data(valid_result):
    data = fixture("valid.ttl")
    expected = owlrl_inferred(load_ontology(), data)
    assert len(expected) > 200
    assert _relevant(valid_result.inferred) == expected


def test_other_rl_axiom_kinds_match_owlrl():
    both = fixture("characteristics.ttl")
    data, ontology = Graph(), Graph()
    for triple in both:
        (data if str(triple[0]).startswith(str(ID)) else ontology).add(triple)
    result = reason(data, ontology)
    assert _relevant(result.inferred) == owlrl_inferred(ontology, data)
    assert (ID["a"], FRKG.partOf, ID["d"]) in result.inferred
    assert (ID["a"], FRKG.near, ID["c"]) in result.inferred
    assert (ID["a"], RDF.type, FRKG.Region) in result.inferred


def test_disjoint_types_are_inconsistent_and_named():
    result = reason(fixture("inconsistent.ttl"))
    assert not result.consistent
    assert "id:country/XX is both frkg:Country and frkg:Person" in result.explanation
    assert "HermiT: the data is inconsistent" in result.explanation


def test_range_clash_is_traced_to_the_individual():
    result = reason(fixture("range_clash.ttl"))
    assert not result.consistent
    assert "id:technology/face-recognition is both frkg:Agent and frkg:Technology" in result.explanation


def test_functional_property_conflict():
    result = reason(fixture("functional_clash.ttl"))
    assert not result.consistent
    assert result.violations == [
        "[prp-fp] id:dealstatistic/twice has two values for functional property frkg:dealCount: '201' and '210'"
    ]


def test_dataset_input_is_merged():
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://w3id.org/frkg/graph/doc/d1"))
    graph += fixture("inconsistent.ttl")
    assert not reason(dataset).consistent


def test_hermit_checks_small_data_only(monkeypatch):
    import frkg.reasoning

    monkeypatch.setattr(frkg.reasoning, "HERMIT_DATA_LIMIT", 3)
    result = reason(fixture("valid.ttl"))
    assert result.consistent
    assert "data not sent (" in result.explanation
    monkeypatch.setattr(frkg.reasoning, "HERMIT_DATA_LIMIT", 3)
    result = reason(fixture("inconsistent.ttl"))  # 1 individual: HermiT sees the data
    assert "HermiT: the data is inconsistent with the ontology" in result.explanation


@pytest.mark.parametrize(
    ("name", "message"),
    [("unsupported.ttl", "Party"), ("unsupported_superclass.ttl", "owl:allValuesFrom has no compiled rule")],
)
def test_unsupported_axiom_is_named(name, message):
    with pytest.raises(UnsupportedAxiom, match=message):
        compile_ontology(fixture(name))


# -- incremental and file-based reasoning -------------------------------------------------


def _materialised(triples, rules) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(*t) for t in triples)
    materialise(store, rules)
    return store


def _triples(graph: Graph) -> list:
    return sorted((ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in graph), key=str)


@pytest.mark.parametrize("name", ["valid.ttl", "characteristics.ttl", "range_clash.ttl"])
def test_extending_a_closure_with_new_triples_reaches_the_full_closure(name):
    ontology = load_ontology() if name != "characteristics.ttl" else fixture(name)
    rules = compile_ontology(ontology)
    triples = _triples(fixture(name) + taxonomy_individuals(ontology))
    old, new = triples[::2], triples[1::2]  # every other triple: the halves share nodes
    store = _materialised(old, rules)
    derived = extend_closure(store, new, rules)
    full = _materialised(triples, rules)
    assert derived, "the new half must entail something the old half did not"
    assert set(store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == set(full)
    assert not set(derived) & set(new)


@pytest.mark.parametrize("name", ["valid.ttl", "inconsistent.ttl", "functional_clash.ttl"])
def test_reasoning_over_a_file_gives_what_reason_gives(name, tmp_path):
    data = fixture(name)
    path = tmp_path / "asserted.nt"
    data.serialize(path, format="nt", encoding="utf-8")
    from_file = reason_over_file(path, load_ontology())
    in_memory = reason(data)
    inferred = Graph().parse(data=from_file.inferred, format="nt")
    assert set(inferred) == set(in_memory.inferred)
    assert (from_file.consistent, from_file.violations) == (in_memory.consistent, in_memory.violations)
    assert {k: v for k, v in from_file.counts.items() if "seconds" not in k} == \
        {k: v for k, v in in_memory.counts.items() if "seconds" not in k and "shacl" not in k}


@pytest.mark.parametrize("name", ["inconsistent.ttl", "functional_clash.ttl", "range_clash.ttl", "valid.ttl"])
def test_violations_brought_by_new_triples_are_found_without_rechecking_the_store(name):
    ontology = load_ontology()
    rules = compile_ontology(ontology)
    triples = _triples(fixture(name) + taxonomy_individuals(ontology))
    old, new = triples[::2], triples[1::2]
    store = _materialised(old, rules)
    before = set(find_violations(store, rules, ()))
    derived = extend_closure(store, new, rules)
    found = set(find_new_violations(store, rules, [*new, *derived], ()))
    expected = set(find_violations(_materialised(triples, rules), rules, ()))
    assert before | found == expected
    assert bool(expected) == (name != "valid.ttl")
