"""Reconciliation against the local Wikidata/DBpedia stand-in: candidates, scoring,
politeness (User-Agent, one request at a time, Retry-After, bounded retries),
the on-disk cache, and the review flow through ``frkg link``."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from frkg.cli import cli
from frkg.links import approved_links_graph, default_review_path, read_review
from frkg.reconcile import PROFILES, Subject, find_candidates, propose, score
from frkg.reconcile_client import PoliteSparqlClient, RemoteSparqlError, _retry_after_seconds, user_agent
from tests.plugins.wikidata_standin import write_frkg_store

WD = "http://www.wikidata.org/entity/"
DBR = "http://dbpedia.org/resource/"


def client_for(standin, tmp_path: Path, **options) -> PoliteSparqlClient:
    options = {"pause": 0.0, "backoff": 0.05, **options}
    return PoliteSparqlClient(standin.url, tmp_path / "cache", **options)


def ranked(client, subject: Subject, expected_country: str | None = None, kind: str = "wikidata"):
    found = find_candidates(client, PROFILES[kind], subject)
    return sorted(((score(c, subject, expected_country).score, c.iri) for c in found), reverse=True)


@pytest.fixture
def review_copy(tmp_path: Path) -> Path:
    """The project's review file, copied so tests never change the real one."""
    path = tmp_path / "review.csv"
    shutil.copy(default_review_path(), path)
    return path


@pytest.fixture
def entity_store(tmp_path: Path) -> Path:
    return write_frkg_store(tmp_path / "store")


# -- subjects -------------------------------------------------------------------

def test_reconciled_classes_list_subclasses_before_superclasses():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDFS

    from frkg.reconcile import TYPES

    ontology = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "frkg.ttl")
    frkg = "https://w3id.org/frkg/ontology#"
    for i, name in enumerate(TYPES):
        supers = set(ontology.transitive_objects(URIRef(frkg + name), RDFS.subClassOf)) - {URIRef(frkg + name)}
        assert all(URIRef(frkg + earlier) not in supers for earlier in TYPES[:i]), name


def test_subjects_take_their_most_specific_class(entity_store):
    from frkg.reconcile import subjects_from_store

    by_key = {s.key: s for s in subjects_from_store(entity_store)}
    assert by_key["org/center-for-a-new-american-security"].frkg_type == "ThinkTank"
    assert by_key["org/sensetime"] == Subject("org/sensetime", "Firm", "SenseTime", (), "country/CN")
    assert "technology/face-recognition" not in by_key


# -- candidates and scoring ----------------------------------------------------

def test_country_candidate_excludes_same_named_item_of_incompatible_type(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    assert ranked(client, Subject("country/CN", "Country", "China", ("PRC",))) == [(0.9, WD + "Q148")]


def test_firm_country_context_ranks_the_right_firm_first(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    result = ranked(client, Subject("org/sensetime", "Firm", "SenseTime", (), "country/CN"), WD + "Q148")
    assert result == [(1.0, WD + "Q900000011"), (0.7, WD + "Q900000012")]


def test_type_found_through_subclass_chain_and_non_humans_dropped(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    assert ranked(client, Subject("org/huawei", "Firm", "Huawei", (), "country/CN"), WD + "Q148") == [
        (1.0, WD + "Q160120")]
    assert ranked(client, Subject("person/alexandra-seymour", "Person", "Alexandra Seymour")) == [
        (0.9, WD + "Q900000020")]


def test_item_without_type_is_kept_with_lower_score(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    assert ranked(client, Subject("org/megvii", "Firm", "Megvii")) == [(0.75, WD + "Q900000013")]


def test_alias_match_finds_think_tank_by_acronym(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    assert ranked(client, Subject("org/cnas", "ThinkTank", "CNAS")) == [(0.8, WD + "Q900000030")]


def test_dbpedia_profile_uses_types_redirects_and_country(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    assert ranked(client, Subject("org/clearview-ai", "Firm", "Clearview AI, Inc."), DBR + "United_States",
                  kind="dbpedia") == [(0.9, DBR + "Clearview_AI_Fixture")]
    assert ranked(client, Subject("org/sensetime", "Firm", "SenseTime"), DBR + "China", kind="dbpedia") == [
        (1.0, DBR + "SenseTime_Fixture")]


def test_names_full_of_sparql_syntax_are_bound_not_pasted(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path)
    name = 'Acme "Vision" } UNION { ?x ?y ?z } #Labs'
    assert ranked(client, Subject("org/acme", "Firm", name)) == [(0.9, WD + "Q900000014")]
    assert ranked(client, Subject("org/evil", "Firm", 'x"@en } ?s ?p ?o { "')) == []
    assert [s.status for s in wikidata_standin.seen] == [200, 200]


# -- politeness -------------------------------------------------------------------

def test_user_agent_is_descriptive_with_contact(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path, agent=user_agent("analyst@example.org"))
    client.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    agent = wikidata_standin.seen[0].user_agent
    assert agent.startswith("frkg-link/") and "https://w3id.org/frkg" in agent and "analyst@example.org" in agent


def test_rerun_is_answered_from_the_on_disk_cache(wikidata_standin, tmp_path):
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"
    first = client_for(wikidata_standin, tmp_path).select(query)
    again = client_for(wikidata_standin, tmp_path)
    assert again.select(query) == first
    assert len(wikidata_standin.seen) == 1 and again.stats.requests == 0 and again.stats.cache_hits == 1
    other_endpoint = PoliteSparqlClient(wikidata_standin.url.replace("127.0.0.1", "localhost"),
                                        tmp_path / "cache", pause=0.0)
    other_endpoint.select(query)
    assert len(wikidata_standin.seen) == 2  # the cache key includes the endpoint


def test_429_waits_for_retry_after_then_succeeds(wikidata_standin, tmp_path):
    wikidata_standin.fail(429, retry_after="1")
    client = client_for(wikidata_standin, tmp_path)
    assert len(client.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2")) == 2
    first, second = wikidata_standin.seen
    assert (first.status, second.status) == (429, 200)
    assert second.started - first.finished >= 1.0
    assert client.stats.retries == 1 and client.stats.waited_seconds == 1.0


def test_retry_after_beyond_the_limit_stops_instead_of_hammering(wikidata_standin, tmp_path):
    wikidata_standin.fail(429, retry_after="3600")
    with pytest.raises(RemoteSparqlError, match="asks to wait 3600 s"):
        client_for(wikidata_standin, tmp_path, max_wait=60).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert len(wikidata_standin.seen) == 1


def test_retry_after_as_http_date():
    assert _retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", default=5.0) == 0.0
    assert _retry_after_seconds(None, default=5.0) == 5.0
    assert _retry_after_seconds("120", default=5.0) == 120.0


def test_server_errors_are_retried_with_backoff_then_succeed(wikidata_standin, tmp_path):
    wikidata_standin.fail(500, times=2)
    client = client_for(wikidata_standin, tmp_path)
    rows = client.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    assert len(rows) == 1 and [s.status for s in wikidata_standin.seen] == [500, 500, 200]
    assert client.stats.waited_seconds == pytest.approx(0.05 + 0.1)


def test_retries_are_bounded(wikidata_standin, tmp_path):
    wikidata_standin.fail(503, times=10)
    with pytest.raises(RemoteSparqlError, match="HTTP 503 after 3 attempts"):
        client_for(wikidata_standin, tmp_path, max_attempts=3).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert len(wikidata_standin.seen) == 3


def test_slow_answers_time_out_and_are_retried_a_bounded_number_of_times(wikidata_standin, tmp_path):
    wikidata_standin.delay = 1.5
    with pytest.raises(RemoteSparqlError, match="no answer .* after 2 attempts"):
        client = client_for(wikidata_standin, tmp_path, timeout=0.5, max_attempts=2)
        client.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert len(wikidata_standin.seen) == 2
    assert not list((tmp_path / "cache").rglob("*.json"))  # failures are never cached


def test_one_request_at_a_time_even_from_two_threads(wikidata_standin, tmp_path):
    wikidata_standin.delay = 0.2
    clients = [client_for(wikidata_standin, tmp_path / str(i)) for i in range(2)]
    threads = [threading.Thread(target=c.select, args=(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {i + 1}",))
               for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first, second = sorted(wikidata_standin.seen, key=lambda s: s.started)
    assert second.started >= first.finished


def test_pause_spaces_requests(wikidata_standin, tmp_path):
    client = client_for(wikidata_standin, tmp_path, pause=0.3)
    for limit in (1, 2, 3):
        client.select(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {limit}")
    starts = [s.started for s in wikidata_standin.seen]
    assert all(b - a >= 0.3 for a, b in zip(starts, starts[1:]))


# -- propose and the review flow ---------------------------------------------------

def test_propose_skips_linked_entities_and_writes_scored_rows(wikidata_standin, tmp_path, entity_store):
    from frkg.reconcile import subjects_from_store

    rows = read_review(default_review_path())
    proposals = list(propose(subjects_from_store(entity_store), rows, client_for(wikidata_standin, tmp_path),
                             PROFILES["wikidata"]))
    got = {(r.entity_key, r.target_iri.rsplit("/", 1)[1], r.score) for r in proposals}
    assert got == {
        ("org/sensetime", "Q900000011", "1.000"), ("org/sensetime", "Q900000012", "0.700"),
        ("org/clearview-ai", "Q900000010", "1.000"), ("org/megvii", "Q900000013", "0.750"),
        ("org/acme", "Q900000014", "0.900"), ("person/alexandra-seymour", "Q900000020", "0.900"),
        ("org/center-for-a-new-american-security", "Q900000030", "0.900"),
    }
    assert all(r.status == "proposed" and r.source.startswith("reconciliation run ") for r in proposals)
    assert len(wikidata_standin.seen) == 6  # linked entities (China, US, Huawei) and technologies are not asked


def run_link(*args: str) -> str:
    result = CliRunner().invoke(cli, ["link", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_link_command_review_flow(wikidata_standin, tmp_path, entity_store, review_copy):
    common = ["--endpoint", wikidata_standin.url, "--store", str(entity_store), "--review", str(review_copy),
              "--cache", str(tmp_path / "cache"), "--pause", "0"]
    output = run_link(*common)
    assert "7 proposal(s) written" in output and "6 request(s)" in output
    rows = {(r.entity_key, r.target_iri): r for r in read_review(review_copy)}
    right, wrong = rows[("org/sensetime", WD + "Q900000011")], rows[("org/sensetime", WD + "Q900000012")]
    assert (right.status, wrong.status) == ("proposed", "proposed")

    rerun = run_link(*common)
    assert "0 request(s)" in rerun and "0 proposal(s) written" in rerun
    assert len(read_review(review_copy)) == len(rows)

    fresh = tmp_path / "fresh.csv"
    shutil.copy(default_review_path(), fresh)
    from_cache = run_link(*common[:4], "--review", str(fresh), *common[6:])
    assert "0 request(s)" in from_cache and "6 answered from cache" in from_cache
    assert read_review(fresh) == read_review(review_copy)
    assert len(wikidata_standin.seen) == 6

    assert right.id in run_link("--review", str(review_copy), "--list", "--status", "proposed")
    run_link("--review", str(review_copy), "--approve", right.id[:8], "--analyst", "test analyst")
    after = {r.id: r for r in read_review(review_copy)}
    assert after[right.id].status == "verified" and after[right.id].reviewer == "test analyst"
    assert after[wrong.id].status == "rejected" and after[wrong.id].note.startswith(f"superseded by {right.id}")
    graph = approved_links_graph(review_copy)
    sensetime = "https://w3id.org/frkg/id/org/sensetime"
    assert {str(o) for s, p, o in graph if str(s) == sensetime and p.endswith("exactMatch")} == {WD + "Q900000011"}

    megvii = next(r for r in after.values() if r.entity_key == "org/megvii")
    run_link("--review", str(review_copy), "--reject", megvii.id)
    assert {r.id: r.status for r in read_review(review_copy)}[megvii.id] == "rejected"


def test_link_only_restricts_the_classes_asked(wikidata_standin, tmp_path, entity_store, review_copy):
    output = run_link("--endpoint", wikidata_standin.url, "--store", str(entity_store), "--review",
                      str(review_copy), "--cache", str(tmp_path / "cache"), "--pause", "0", "--only", "Person")
    assert "1 request(s)" in output
    assert {r.entity_key for r in read_review(review_copy) if r.status == "proposed"} == {"person/alexandra-seymour"}


def test_link_keeps_proposals_found_before_a_failure(wikidata_standin, tmp_path, entity_store, review_copy):
    wikidata_standin.fail(500, times=20, after=2)
    result = CliRunner().invoke(cli, ["link", "--endpoint", wikidata_standin.url, "--store", str(entity_store),
                                      "--review", str(review_copy), "--cache", str(tmp_path / "cache"),
                                      "--pause", "0", "--retries", "2", "--backoff", "0.05"])
    assert result.exit_code == 1 and "HTTP 500" in result.output and "after 2 attempts" in result.output
    proposed = [r for r in read_review(review_copy) if r.status == "proposed"]
    assert proposed and "kept" in result.output
    assert len(read_review(review_copy)) == len(read_review(default_review_path())) + len(proposed)


def test_link_without_store_says_how_to_build_it(tmp_path, review_copy):
    result = CliRunner().invoke(cli, ["link", "--store", str(tmp_path / "nope"), "--review", str(review_copy)])
    assert result.exit_code == 1 and "frkg build --corpus corpus" in result.output


def test_unknown_id_is_a_clear_error(review_copy):
    result = CliRunner().invoke(cli, ["link", "--review", str(review_copy), "--approve", "ffffffffff"])
    assert result.exit_code == 1 and "frkg link --list" in result.output


def test_link_on_the_built_corpus_store(wikidata_standin, tmp_path, corpus_store, review_copy):
    """The real pipeline's entities: linked ones are not asked again, unlinked ones get candidates."""
    output = run_link("--endpoint", wikidata_standin.url, "--store", str(corpus_store), "--review", str(review_copy),
                      "--cache", str(tmp_path / "cache"), "--pause", "0")
    asked = " ".join(s.query for s in wikidata_standin.seen)
    assert '"Huawei"@en' not in asked and '"Harvard University"@en' not in asked
    proposed = {(r.entity_key, r.target_iri) for r in read_review(review_copy) if r.status == "proposed"}
    assert {("org/clearview-ai", WD + "Q900000010"), ("person/alexandra-seymour", WD + "Q900000020"),
            ("org/center-for-a-new-american-security", WD + "Q900000030")} <= proposed
    assert "request(s)" in output
