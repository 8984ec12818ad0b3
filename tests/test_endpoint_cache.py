"""The result cache: hits for repeated queries, and a new build swapped in on disk invalidates it."""
from __future__ import annotations

import time

import requests

from tests.plugins.endpoint import frkg_serve, make_store

QUERY = ("SELECT ?id WHERE { GRAPH <https://w3id.org/frkg/graph/build> "
         "{ ?b <https://w3id.org/frkg/ontology#buildId> ?id } }")


def ask(served, accept="application/sparql-results+json"):
    return requests.get(served.sparql, params={"query": QUERY}, headers={"Accept": accept})


def test_cache_hits_and_invalidation_on_new_build(tmp_path):
    store = make_store(tmp_path / "store", 400, build_id="first-build")
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1") as served:
        first, second = ask(served), ask(served)
        assert first.headers["X-frkg-Cache"] == "miss" and second.headers["X-frkg-Cache"] == "hit"
        assert first.content == second.content
        assert ask(served, "text/csv").headers["X-frkg-Cache"] == "miss"  # the format is part of the key
        make_store(store, 600, seed=3, build_id="second-build")  # atomic directory swap, as `frkg build` does
        time.sleep(1.2)  # the server looks at the store directory at most once a second
        after = ask(served)
        assert after.headers["X-frkg-Cache"] == "miss" and after.headers["X-frkg-Build"] == "second-build"
        assert after.json()["results"]["bindings"][0]["id"]["value"] == "second-build"
        assert requests.get(served.url + "/healthz").json()["build_id"] == "second-build"


def test_cache_off(tmp_path):
    store = make_store(tmp_path / "store", 300)
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1", "--cache-mb", "0") as served:
        assert [ask(served).headers["X-frkg-Cache"] for _ in range(2)] == ["off", "off"]
        etag = ask(served).headers["ETag"]  # without a cache the query runs again, and still revalidates
        again = requests.get(served.sparql, params={"query": QUERY}, headers={"If-None-Match": f'W/{etag}', "Accept": "application/sparql-results+json"})
        assert (again.status_code, again.content, again.headers["X-frkg-Cache"]) == (304, b"", "off")


def test_a_remembered_request_still_runs_on_the_build_now_served(tmp_path):
    """A repeated GET skips being read again (frkg.sparql.prepared), never the query: a new build answers anew."""
    store = make_store(tmp_path / "store", 300, build_id="old-build")
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1", "--cache-mb", "0") as served:
        before = [ask(served) for _ in range(2)]
        assert [r.json()["results"]["bindings"][0]["id"]["value"] for r in before] == ["old-build"] * 2
        assert before[0].headers["ETag"] == before[1].headers["ETag"]
        make_store(store, 300, seed=5, build_id="new-build")
        time.sleep(1.2)
        after = ask(served)
        assert after.json()["results"]["bindings"][0]["id"]["value"] == "new-build"
        assert after.headers["ETag"] != before[0].headers["ETag"] and after.headers["X-frkg-Build"] == "new-build"


def test_a_refused_request_is_refused_every_time(tmp_path):
    """Only requests that passed every check are remembered; a refusal is checked, logged and counted again."""
    store = make_store(tmp_path / "store", 300)
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1", "--max-query-length", "200") as served:
        long_query = QUERY + " #" + "x" * 300
        service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
        for _ in range(2):
            assert requests.get(served.sparql, params={"query": long_query}).status_code == 413
            refused = requests.get(served.sparql, params={"query": service})
            assert refused.status_code == 403 and "SERVICE" in refused.text
            assert ask(served, "image/png").status_code == 406
        assert ask(served).status_code == 200
        records = served.log_records(lambda record: record.get("event") == "query", count=7)
        assert [record["status"] for record in records][-7:] == [413, 403, 406, 413, 403, 406, 200]


def test_repeated_get_is_answered_before_flask_with_the_same_headers(tmp_path):
    """The shortcut (frkg.sparql.shortcut) sends what the view sent, says `hit`, and logs and counts the query."""
    store = make_store(tmp_path / "store", 400, build_id="only-build")
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1") as served:
        first, second = ask(served, "text/csv"), ask(served, "text/csv")
        assert (first.headers["X-frkg-Cache"], second.headers["X-frkg-Cache"]) == ("miss", "hit")
        assert second.content == first.content and second.headers["Content-Type"].startswith("text/csv")
        ignored = {"x-frkg-cache", "date", "server"}
        assert {k.lower(): v for k, v in first.headers.items() if k.lower() not in ignored} == \
               {k.lower(): v for k, v in second.headers.items() if k.lower() not in ignored}
        assert second.headers["Access-Control-Allow-Origin"] == "*"
        records = served.log_records(lambda record: record.get("event") == "query", count=2)
        assert [record["cache"] for record in records][-2:] == ["miss", "hit"]
        metrics = requests.get(served.url + "/metrics").text
        assert 'frkg_sparql_cache_total{outcome="hit"} 1.0' in metrics
        assert ask(served, "application/sparql-results+xml").headers["X-frkg-Cache"] == "miss"


def test_a_client_holding_the_answer_gets_304(tmp_path):
    """ETag per (build, query, format); If-None-Match with it answers 304 without a body, also from the cache."""
    store = make_store(tmp_path / "store", 400, build_id="etag-build")
    with frkg_serve(tmp_path, "--store", str(store), "--workers", "1") as served:
        first = ask(served)
        etag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "no-cache" and etag.startswith('"')
        for expected_cache in ("hit", "hit"):
            again = requests.get(served.sparql, params={"query": QUERY},
                                 headers={"Accept": "application/sparql-results+json", "If-None-Match": etag})
            assert (again.status_code, again.content, again.headers["ETag"]) == (304, b"", etag)
            assert again.headers["X-frkg-Cache"] == expected_cache
        other_format = requests.get(served.sparql, params={"query": QUERY},
                                    headers={"Accept": "text/csv", "If-None-Match": etag})
        assert other_format.status_code == 200 and other_format.headers["ETag"] != etag
        stale = requests.get(served.sparql, params={"query": QUERY}, headers={"If-None-Match": '"not-this"'})
        assert stale.status_code == 200 and stale.content == first.content
        posted = requests.post(served.sparql, data={"query": QUERY}, headers={"If-None-Match": etag,
                               "Accept": "application/sparql-results+json"})
        assert posted.status_code == 200 and posted.headers["ETag"] == etag
