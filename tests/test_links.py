"""The link review file: the seeded verified links, validation with useful errors,
status changes, and the graph of approved links with queryable provenance."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from frkg.links import (
    COLUMNS,
    ReviewFileError,
    approved_links_graph,
    default_review_path,
    link_id,
    new_row,
    read_review,
    set_status,
    write_review,
)

WD = "http://www.wikidata.org/entity/"
DBR = "http://dbpedia.org/resource/"
ID = "https://w3id.org/frkg/id/"
ROOT = Path(__file__).resolve().parents[1]

# The identifiers checked in shared/REFERENCE.md ("External linked data"), by frkg entity key.
REFERENCE_LINKS = {
    ("country/CN", WD + "Q148"), ("country/CN", DBR + "China"),
    ("country/US", WD + "Q30"), ("country/US", DBR + "United_States"),
    ("org/harvard-university", WD + "Q13371"), ("org/harvard-university", DBR + "Harvard_University"),
    ("org/massachusetts-institute-of-technology", WD + "Q49108"),
    ("org/massachusetts-institute-of-technology", DBR + "Massachusetts_Institute_of_Technology"),
    ("org/huawei", WD + "Q160120"), ("org/huawei", DBR + "Huawei"),
    ("group/uyghurs", WD + "Q46118"),
    ("place/xinjiang", WD + "Q34800"),
    ("technology/chatgpt", WD + "Q115564437"), ("technology/chatgpt", DBR + "ChatGPT"),
    ("technology/large-language-models", WD + "Q115305900"),
    ("technology/large-language-models", DBR + "Large_language_model"),
    ("person/joe-biden", WD + "Q6279"), ("person/joe-biden", DBR + "Joe_Biden"),
    ("person/donald-trump", WD + "Q22686"), ("person/donald-trump", DBR + "Donald_Trump"),
    ("application/smart-city", DBR + "Smart_city"),
}
HEADER = ",".join(COLUMNS)


def write(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "review.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def line(key="country/CN", iri=WD + "Q148", kind="wikidata", status="verified", source="analyst A",
         score="", date="2026-11-24", id_="", note="") -> str:
    return ",".join([id_, key, "label", iri, kind, status, source, score, date, "", note])


# -- the seeded file ----------------------------------------------------------------

def test_review_file_holds_exactly_the_reference_identifiers_as_verified():
    rows = read_review()
    assert {(r.entity_key, r.target_iri) for r in rows if r.status == "verified"} == REFERENCE_LINKS
    assert all(r.source == "shared/REFERENCE.md (checked 2026-11)" for r in rows)


def test_review_keys_name_entities_the_extraction_knows():
    from frkg.gazetteer import country_entries, entries

    known = set(entries()) | set(country_entries())
    unknown = {r.entity_key for r in read_review() if r.entity_key not in known}
    awaiting = {r.entity_key for r in read_review() if r.note.startswith("awaiting entity:")}
    assert unknown == awaiting


def test_external_matches_in_the_ontology_are_verified_links():
    """A link written straight into the taxonomy must also be a reviewed, cited row."""
    verified = {(ID + r.entity_key, r.target_iri) for r in read_review() if r.status == "verified"}
    ontology = Graph()
    for name in ("frkg.ttl", "taxonomy.ttl"):
        ontology.parse(ROOT / "ontology" / name)
    external = {(str(s), str(o)) for s, o in ontology.subject_objects(SKOS.exactMatch)
                if str(o).startswith((WD, DBR))}
    assert external <= verified


# -- the graph of approved links ------------------------------------------------------

def test_approved_links_graph_has_exact_matches_and_provenance():
    graph = approved_links_graph()
    assert (URIRef(ID + "country/CN"), SKOS.exactMatch, URIRef(WD + "Q148")) in graph
    assert len(set(graph.triples((None, SKOS.exactMatch, None)))) == len(REFERENCE_LINKS)
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    rows = list(store.query("""
        PREFIX frkg: <https://w3id.org/frkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?entity ?target ?link ?status ?source ?date WHERE {
          ?link a frkg:ExternalLink ; frkg:linkSubject ?entity ; frkg:linkTarget ?target ;
                frkg:linkStatus ?status ; dcterms:source ?source ; dcterms:date ?date .
        }""", substitutions={ox.Variable("entity"): ox.NamedNode(ID + "org/huawei"),
                             ox.Variable("target"): ox.NamedNode(WD + "Q160120")}))
    assert len(rows) == 1
    row = rows[0]
    assert row["link"].value == f"{ID}link/{link_id('org/huawei', WD + 'Q160120')}"
    assert row["status"].value == "verified" and "REFERENCE.md" in row["source"].value
    assert row["date"] == ox.Literal("2026-11-24", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))


def test_only_verified_rows_enter_the_graph(tmp_path):
    path = write(tmp_path, line(), line(key="org/sensetime", iri=WD + "Q1", status="proposed", score="0.9"),
                 line(key="org/megvii", iri=WD + "Q2", status="rejected"))
    graph = approved_links_graph(path)
    assert set(graph.objects(None, SKOS.exactMatch)) == {URIRef(WD + "Q148")}
    assert not any(str(o).endswith(("Q1", "Q2")) for o in graph.objects())


def test_built_store_carries_the_approved_links(corpus_store):
    store = ox.Store.read_only(str(corpus_store))
    query = """SELECT ?entity ?target WHERE {{ GRAPH <https://w3id.org/frkg/graph/links> {{
                 ?entity <http://www.w3.org/2004/02/skos/core#exactMatch> ?target }} }}"""
    in_links_graph = {(r["entity"].value, r["target"].value) for r in store.query(query.format())}
    for key, target in [("country/CN", WD + "Q148"), ("country/US", WD + "Q30"), ("org/huawei", WD + "Q160120"),
                        ("org/harvard-university", WD + "Q13371"),
                        ("org/massachusetts-institute-of-technology", WD + "Q49108")]:
        assert (ID + key, target) in in_links_graph
    in_default = store.query("ASK { <https://w3id.org/frkg/id/country/CN> "
                             "<http://www.w3.org/2004/02/skos/core#exactMatch> <http://www.wikidata.org/entity/Q148> }")
    assert bool(in_default)


# -- validation: every problem named with file, line and fix ----------------------------

@pytest.mark.parametrize(("bad", "expected"), [
    (line(status="approved"), "status 'approved' is unknown; fix: use one of verified, proposed, rejected"),
    (line(iri="wd:Q148"), "target_iri 'wd:Q148' is not a wikidata entity IRI; fix: write the full IRI"),
    (line(iri=DBR + "China"), "is not a wikidata entity IRI"),
    (line(kind="freebase"), "target_kind 'freebase' is unknown"),
    (line(date="24/11/2026"), "date '24/11/2026' is not an ISO date; fix: write YYYY-MM-DD"),
    (line(score="1.5"), "score '1.5' is not a number between 0 and 1"),
    (line(score="high"), "score 'high' is not a number between 0 and 1"),
    (line(source=""), "column source is empty; fix: fill it in"),
    (line(key="China"), "entity_key 'China' is not an frkg entity key"),
    (line(id_="0123456789abcdef"), "does not belong to this entity and target"),
    (line() + ",extra", "more cells than columns; fix: quote cells that contain commas"),
])
def test_bad_rows_are_reported_with_file_line_and_fix(tmp_path, bad, expected):
    path = write(tmp_path, line(key="country/US", iri=WD + "Q30"), bad)
    with pytest.raises(ReviewFileError) as err:
        read_review(path)
    assert f"{path}:3: " in str(err.value) and expected in str(err.value)


def test_every_problem_is_listed_at_once(tmp_path):
    path = write(tmp_path, line(status="ok"), line(key="country/US", iri=WD + "Q30", date="yesterday"))
    with pytest.raises(ReviewFileError) as err:
        read_review(path)
    assert [p.split(": ", 1)[0] for p in err.value.problems] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize(("rows", "expected"), [
    ([line(), line()], "repeats line 2; fix: keep one of the two rows"),
    ([line(), line(iri=WD + "Q29520")], "country/CN has a second verified wikidata link (first on line 2)"),
    ([line(), line(key="country/TW")], "is also verified for country/CN (line 2)"),
])
def test_contradictions_between_rows_are_refused(tmp_path, rows, expected):
    with pytest.raises(ReviewFileError, match="line 3|:3: ") as err:
        read_review(write(tmp_path, *rows))
    assert expected in str(err.value)


def test_wrong_header_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(ReviewFileError, match=r"review.csv:1: header .*missing target_kind.*fix: use the columns"):
        read_review(write(tmp_path, header="entity_key,target_iri,status,source,date"))
    with pytest.raises(ReviewFileError, match="file not found; fix: create it"):
        read_review(tmp_path / "absent.csv")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((HEADER + "\n" + line(note="Universit\xe9")).encode("latin-1"))
    with pytest.raises(ReviewFileError, match="not UTF-8.*fix: save the file as UTF-8"):
        read_review(latin1)


def test_hand_added_row_without_id_gets_its_id_and_survives_a_rewrite(tmp_path):
    path = write(tmp_path, line(note='"added by hand, with a comma"'), "")
    (row,) = read_review(path)
    assert row.id == link_id("country/CN", WD + "Q148") and row.note == "added by hand, with a comma"
    write_review([row], path)
    assert read_review(path) == [row]


def test_review_file_follows_environment_variable(tmp_path, monkeypatch):
    path = write(tmp_path, line())
    monkeypatch.setenv("FRKG_LINKS_REVIEW", str(path))
    assert default_review_path() == path and len(read_review()) == 1


# -- status changes ---------------------------------------------------------------------

def test_approving_one_candidate_rejects_the_others_of_the_same_kind():
    day = dt.date(2026, 11, 25)
    right = new_row("org/x", "X", WD + "Q1", "wikidata", "proposed", "run", score=0.9)
    wrong = new_row("org/x", "X", WD + "Q2", "wikidata", "proposed", "run", score=0.7)
    other_kind = new_row("org/x", "X", DBR + "X", "dbpedia", "proposed", "run", score=0.8)
    after = {r.id: r for r in set_status([right, wrong, other_kind], right.id, "verified", "ann", day)}
    assert after[right.id].status == "verified" and after[right.id].reviewer == "ann"
    assert after[right.id].date == "2026-11-25"
    assert after[wrong.id].status == "rejected" and after[wrong.id].note == f"superseded by {right.id}"
    assert after[other_kind.id].status == "proposed"


def test_unknown_or_ambiguous_id_is_refused():
    rows = [new_row("org/x", "X", WD + f"Q{i}", "wikidata", "proposed", "run") for i in range(1, 30)]
    with pytest.raises(KeyError, match="no link has the id"):
        set_status(rows, "zzzzzzzz", "verified", "ann")
    with pytest.raises(KeyError, match="no link has the id"):
        set_status(rows, rows[0].id[:3], "verified", "ann")  # too short to be a prefix


def test_the_real_review_file_is_never_touched_by_a_copy(tmp_path):
    copy = tmp_path / "review.csv"
    shutil.copy(default_review_path(), copy)
    rows = read_review(copy)
    write_review(rows, copy)
    assert copy.read_text(encoding="utf-8") == default_review_path().read_text(encoding="utf-8")
