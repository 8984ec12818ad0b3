"""The catalogue loader, parameter binding and VALUES/SERVICE handling, on the real queries/ files.

Query logic is checked here on a small hand-written graph in the contract's shape
(tests/fixtures/catalogue/graph.trig); the answers on the corpus are in
test_catalogue_answers.py.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from frkg.catalogue import (
    CatalogueError,
    ParameterError,
    UnknownQueryError,
    load_catalogue,
    parse_query_text,
)
from frkg.sparql_text import QueryTextError, ServiceNotAllowedError, check_services, service_endpoints, with_values

FIXTURE = Path(__file__).parent / "fixtures" / "catalogue" / "graph.trig"
ID = "https://w3id.org/frkg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
INJECTION = '"> } ; DROP ALL #'


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> ox.Store:
    """An on-disk store holding the fixture's named graphs and their union in the default graph."""
    store = ox.Store(str(tmp_path_factory.mktemp("catalogue-fixture")))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def run(store: ox.Store, catalogue, name: str, **values: str) -> list[dict[str, str]]:
    """Rows of a catalogue query with values bound as terms, each cell as its plain value."""
    query = catalogue.get(name)
    bindings = query.bind(values)
    result = store.query(query.text, substitutions={ox.Variable(k): v for k, v in bindings.items()})
    names = [v.value for v in result.variables]
    return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]


def column(rows: list[dict[str, str]], name: str) -> list[str]:
    return [row.get(name) for row in rows]


# --- loading and header parsing -------------------------------------------------------------


def test_catalogue_has_at_least_twenty_documented_queries(catalogue):
    assert len(catalogue) >= 20
    for query in catalogue:
        assert query.title and query.description, query.name
        assert query.text.lstrip().startswith("#")


def test_headers_are_parsed_into_params_and_charts(catalogue):
    top = catalogue.get("top-exporters")
    assert top.title == "Top exporters by number of deals"
    assert [(p.name, p.type, p.default) for p in top.params] == [
        ("technology", "entity", "technology/face-recognition")
    ]
    assert top.chart.kind == "bar" and top.chart.axes == {"x": "exporterLabel", "y": "deals"}
    assert "trade" in top.tags
    timeline = catalogue.get("dated-events")
    assert timeline.chart.kind == "timeline" and timeline.chart.axes == {"date": "date", "label": "label"}
    assert catalogue.get("evidence-for-fact").param("fact").required


def test_unknown_query_names_the_catalogue():
    with pytest.raises(UnknownQueryError, match="no catalogue query named 'nope'.*--list"):
        load_catalogue().get("nope")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# description: no title\n", r"x\.rq: missing '# title: \.\.\.'"),
        ("# title: t\n# param: y colour red\n", r"x\.rq:2: parameter type 'colour' is not one of"),
        ("# title: t\n# param: unused string a\n", r"parameter 'unused' is not used as \?unused"),
        ("# title: t\n# param: y year twenty\n", r"x\.rq:2: bad default: parameter 'y': 'twenty' is not a valid year"),
        ("# title: t\n# chart: pie x=?y\n", r"chart kind 'pie' is not one of bar, timeline"),
        ("# title: t\n# chart: bar x=?y\n", r"chart bar needs y=\?var"),
        ("# title: t\n# chart: bar x=?y y=?missing\n", r"chart variable \?missing does not occur"),
        ("# title: t\n# param: y\n", r"x\.rq:2: write '# param: NAME TYPE \[DEFAULT\]'"),
    ],
)
def test_header_errors_name_file_line_and_fix(header, message):
    with pytest.raises(CatalogueError, match=message):
        parse_query_text(header + "SELECT ?y WHERE { ?y ?p ?o }\n", "x", Path("x.rq"))


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CatalogueError, match="does not exist"):
        load_catalogue(tmp_path / "missing")


# --- binding ------------------------------------------------------------------------------


def make(param_line: str):
    return parse_query_text(f"# title: t\n# param: {param_line}\nSELECT ?v WHERE {{ ?s ?p ?v }}\n", "t")


@pytest.mark.parametrize(
    ("param_line", "raw", "expected"),
    [
        ("v iri", "https://example.org/a#b", ox.NamedNode("https://example.org/a#b")),
        ("v entity", "country/CN", ox.NamedNode(ID + "country/CN")),
        ("v entity", "id:org/huawei", ox.NamedNode(ID + "org/huawei")),
        ("v entity", ID + "person/david-yang", ox.NamedNode(ID + "person/david-yang")),
        ("v string", 'a "quoted" } text', ox.Literal('a "quoted" } text')),
        ("v integer", "-42", ox.Literal("-42", datatype=ox.NamedNode(XSD + "integer"))),
        ("v year", "2021", ox.Literal("2021", datatype=ox.NamedNode(XSD + "integer"))),
        ("v date", "2021-11-05", ox.Literal("2021-11-05", datatype=ox.NamedNode(XSD + "date"))),
        ("v decimal", "0.75", ox.Literal("0.75", datatype=ox.NamedNode(XSD + "decimal"))),
    ],
)
def test_values_become_typed_terms(param_line, raw, expected):
    assert make(param_line).bind({"v": raw}) == {"v": expected}


@pytest.mark.parametrize(
    ("param_line", "raw", "message"),
    [
        ("v iri", INJECTION, "not a valid iri"),
        ("v iri", "country/CN", "expected an absolute IRI"),
        ("v iri", "<https://example.org/a>", "not a valid iri"),
        ("v iri", "https://example.org/a> } ; DROP ALL #", "not a valid iri"),
        ("v entity", INJECTION, "expected an entity key"),
        ("v entity", "country/CN> } DROP ALL", "expected an entity key"),
        ("v entity", "https://example.org/elsewhere", "expected an entity key"),
        ("v year", "2021 OR 1=1", "expected a four-digit year"),
        ("v year", "20.5", "expected a four-digit year"),
        ("v integer", "12abc", "expected an integer"),
        ("v integer", "1e3", "expected an integer"),
        ("v date", "2021-02-30", "not a valid date"),
        ("v decimal", "0.5; DROP", "expected a decimal"),
        ("v decimal", "NaN", "expected a decimal"),
    ],
)
def test_bad_values_are_refused_with_the_parameter_named(param_line, raw, message):
    with pytest.raises(ParameterError, match=rf"parameter 'v': .*{message}"):
        make(param_line).bind({"v": raw})


def test_unknown_and_missing_parameters_are_refused(catalogue):
    with pytest.raises(ParameterError, match="has no parameter 'year'; it takes: technology"):
        catalogue.get("top-exporters").bind({"year": "2021"})
    with pytest.raises(ParameterError, match=r"needs --param fact=<iri>"):
        catalogue.get("evidence-for-fact").bind({})


def test_every_default_binds(catalogue):
    for query in catalogue:
        if all(not p.required for p in query.params):
            assert set(query.bind()) == {p.name for p in query.params}


def test_an_injected_string_is_only_a_literal(fixture_store, catalogue):
    before = len(fixture_store)
    rows = run(fixture_store, catalogue, "search-entities", text='") } DROP ALL ; SELECT * { ?s ?p ?o #')
    assert rows == []
    assert len(fixture_store) == before


# --- VALUES for remote endpoints, SERVICE allowlist -------------------------------------------


def test_values_block_goes_into_the_where_group_with_escaped_terms(fixture_store):
    query = 'PREFIX x: <http://e/#> # { not a brace\nSELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label . FILTER (?label != "}") }'
    text = with_values(query, {"s": ox.NamedNode(ID + "country/CN"), "q": ox.Literal(INJECTION)})
    assert 'WHERE { VALUES (?s ?q) { (<https://w3id.org/frkg/id/country/CN> "\\"> } ; DROP ALL #") }' in text
    before = len(fixture_store)
    assert [row["label"].value for row in fixture_store.query(text)] == ["China"]
    assert len(fixture_store) == before


def test_values_block_skips_a_construct_template():
    text = with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": ox.NamedNode("http://e/a")})
    assert text.startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://e/a>) }")
    with pytest.raises(QueryTextError, match="CONSTRUCT WHERE"):
        with_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": ox.NamedNode("http://e/a")})


def test_values_give_the_same_rows_as_substitutions(fixture_store, catalogue):
    for name in ("top-exporters", "measures-by-imposer", "dated-events", "low-confidence-facts", "search-entities"):
        query = catalogue.get(name)
        bindings = query.bind()
        substituted = fixture_store.query(query.text, substitutions={ox.Variable(k): v for k, v in bindings.items()})
        inlined = fixture_store.query(with_values(query.text, bindings))
        assert [str(s) for s in substituted] == [str(s) for s in inlined], name


def test_federated_query_is_refused_unless_its_endpoint_is_allowed(catalogue):
    text = catalogue.get("wikidata-federated").text
    assert service_endpoints(text) == ["https://query.wikidata.org/sparql"]
    with pytest.raises(ServiceNotAllowedError, match="--allow-service https://query.wikidata.org/sparql"):
        check_services(text)
    assert check_services(text, ["https://query.wikidata.org/sparql/"]) == ["https://query.wikidata.org/sparql"]
    assert "allowlist" in catalogue.get("wikidata-federated").description


def test_service_targets_are_found_behind_prefixes_and_strings():
    query = 'PREFIX e: <http://e/> SELECT * WHERE { ?s ?p "SERVICE <http://no/>" # SERVICE <http://no2/>\n SERVICE SILENT e:sparql { ?a ?b ?c } }'
    assert service_endpoints(query) == ["http://e/sparql"]
    with pytest.raises(QueryTextError, match="must be a constant IRI"):
        service_endpoints("SELECT * WHERE { SERVICE ?where { ?a ?b ?c } }")
    assert check_services("SELECT * WHERE { ?s ?p ?o }") == []


# --- query logic on the hand-written fixture ---------------------------------------------------


def test_top_exporters_on_fixture(fixture_store, catalogue):
    rows = run(fixture_store, catalogue, "top-exporters")
    assert [(r["exporterLabel"], r["deals"], r.get("rank"), r["sourceFile"]) for r in rows] == [
        ("China", "201", "1", "000_002754ab861e707d.txt"),
        ("United States", "130", None, "999_invented.txt"),
        ("United States", "128", "2", "000_002754ab861e707d.txt"),
    ]
    assert run(fixture_store, catalogue, "top-exporters", technology="technology/5g") == []


def test_measures_and_concerns_on_fixture(fixture_store, catalogue):
    (measure,) = run(fixture_store, catalogue, "measures")
    assert (measure["measureType"], measure["imposer"], measure["administration"], measure["target"]) == (
        "Sanction", "United States", "Biden administration", "Chinese providers of face recognition"
    )
    assert measure["reason"] == "used to monitor Uyghur Muslims" and measure["affectedGroup"] == "Uyghurs"
    assert column(run(fixture_store, catalogue, "measures-by-imposer", imposer="country/CN"), "measure") == []
    assert column(run(fixture_store, catalogue, "concerns-by-group"), "detail") == ["used to monitor Uyghur Muslims"]
    assert column(run(fixture_store, catalogue, "concerns-by-country"), "partyLabel") == ["Clearview AI"]
    assert column(run(fixture_store, catalogue, "concerns-by-country", country="country/CN"), "partyLabel") == []


def test_data_quality_queries_on_fixture(fixture_store, catalogue):
    (conflict,) = run(fixture_store, catalogue, "conflicting-facts")
    assert (conflict["partyLabel"], conflict["property"], conflict["technology"], conflict["values"]) == (
        "United States", "dealCount", "face recognition", "2"
    )
    assert sorted(conflict["statedBy"].split("; ")) == ["128 (000_002754ab861e707d.txt)", "130 (999_invented.txt)"]
    weak = run(fixture_store, catalogue, "low-confidence-facts")
    assert {r["fact"] for r in weak} == {ID + "dealstatistic/us130", ID + "export/mystery"}
    assert run(fixture_store, catalogue, "low-confidence-facts", threshold="0.3") == []
    assert ID + "org/unknown-vendor" in column(run(fixture_store, catalogue, "untyped-entities"), "entity")


def test_provenance_queries_on_fixture(fixture_store, catalogue):
    (evidence,) = run(fixture_store, catalogue, "evidence-for-fact", fact=ID + "dealstatistic/cn201")
    assert (evidence["quote"], evidence["start"], evidence["end"], evidence["file"]) == (
        "accounting for 201 deals", "122", "146", "000_002754ab861e707d.txt"
    )
    assert evidence["sentence"].endswith("accounting for 201 deals.")
    kinds = column(run(fixture_store, catalogue, "entity-evidence", entity="country/US"), "kind")
    assert kinds == ["DealStatistic", "DealStatistic", "Sanction"]
    (mention,) = run(fixture_store, catalogue, "entity-mentions")
    assert mention["anchor"] == "Huawei"


def test_links_and_ontology_queries_on_fixture(fixture_store, catalogue):
    links = run(fixture_store, catalogue, "linked-entities")
    assert [(r["label"], r["site"]) for r in links] == [("China", "DBpedia"), ("China", "Wikidata"), ("United States", "Wikidata")]
    unlinked = column(run(fixture_store, catalogue, "unlinked-entities"), "entity")
    assert ID + "org/huawei" in unlinked and ID + "country/CN" not in unlinked
    classes = {r["label"]: int(r["instances"]) for r in run(fixture_store, catalogue, "ontology-classes")}
    assert classes["deal statistic"] == 3 and classes["sanction"] == 1
