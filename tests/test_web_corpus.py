"""The web UI over the store the real pipeline builds from corpus/: what a new user would read."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_home_lists_both_source_documents(corpus_client):
    data = corpus_client.get("/index.json").get_json()
    files = sorted(d["file"] for d in data["documents"])
    assert files == ["000_002754ab861e707d.txt", "002_5748a6de8465780d.txt"]
    assert data["build"]["id"] and data["triples"] > 1000


def test_search_finds_huawei_as_a_firm(corpus_client):
    hits = corpus_client.get("/search.json?q=huawei").get_json()["hits"]
    assert hits[0]["href"] == "/page/org/huawei" and hits[0]["type"]["label"] == "firm"


def test_every_evidence_quote_on_huawei_page_is_the_document_text_at_its_offsets(corpus_client):
    data = corpus_client.get("/page/org/huawei.json").get_json()
    evidence = [e for f in data["facts"] for e in f["evidence"]]
    assert evidence, "Huawei's page shows evidence"
    for e in evidence:
        assert e["sentence"]["mark"] == e["quote"]
        doc_key = e["document"]["href"].split("?")[0].removeprefix("/page/")
        text = corpus_client.get(f"/page/{doc_key}.json").get_json()["text"]
        assert text[e["start"]:e["end"]] == e["quote"]


def test_following_evidence_marks_the_span_in_the_document(corpus_client):
    entity = page(corpus_client, "/page/org/huawei")
    link = entity.select_one("li.evidence a.doclink")["href"]
    quote = link and entity.select_one("li.evidence mark").get_text()
    document = page(corpus_client, link)
    assert document.select_one("mark#evidence").get_text() == quote
    span = parse_qs(urlparse(link).query)["span"][0]
    assert f"characters {span.replace('-', '–')}" in document.select_one(".legend").get_text()


def test_top_exporters_chart_from_the_corpus(corpus_client):
    chart = corpus_client.get("/queries/top-exporters.json").get_json()["chart"]
    assert [(b["label"], b["value"]) for b in chart["bars"]] == [("China", "201"), ("United States", "128")]


def test_china_page_states_the_deal_count_with_its_source(corpus_client):
    china = page(corpus_client, "/page/country/CN")
    sentences = [p.get_text(" ", strip=True) for p in china.select("li.fact p.sentence")]
    assert any(s.startswith("China — exporter in 201") for s in sentences), sentences


def test_every_class_on_the_home_page_opens(corpus_client):
    data = corpus_client.get("/index.json").get_json()
    for entry in data["entry_points"] + data["provenance"]:
        response = corpus_client.get(entry["class"]["href"])
        assert response.status_code == 200, entry


def test_every_entity_found_by_search_has_a_page_and_turtle(corpus_client):
    hits = corpus_client.get("/search.json?q=a&limit=200").get_json()["hits"]
    assert len(hits) > 20
    for hit in hits:
        assert corpus_client.get(hit["href"]).status_code == 200, hit["href"]
        key = hit["href"].removeprefix("/page/")
        assert corpus_client.get(f"/id/{key}", headers={"Accept": "text/turtle"}).status_code == 303


def test_ontology_page_from_the_real_ontology(corpus_client):
    data = corpus_client.get("/ontology.json").get_json()
    names = {c["anchor"] for c in data["classes"]}
    assert {"Firm", "Country", "DealStatistic", "Evidence"} <= names
    assert all(c["label"] for c in data["classes"])
    assert data["hierarchy"] and data["properties"]


def test_every_catalogue_query_page_runs_on_the_corpus(corpus_client):
    from frkg.catalogue import load_catalogue

    for query in load_catalogue():
        if any(p.required for p in query.params):
            continue
        response = corpus_client.get(f"/queries/{query.name}")
        if "SERVICE" in query.text:  # no network here: a friendly 502 page, not a traceback
            assert response.status_code == 502 and b"did not answer" in response.data, query.name
        else:
            assert response.status_code == 200, (query.name, response.get_data(as_text=True)[:300])


def test_facts_of_a_hub_are_paged_and_filtered_by_kind(corpus_client, monkeypatch):
    """A hub's facts come 50 (here 2) to a page, with a count per kind; the JSON twin holds the same page."""
    from frkg.web import entity

    everything = corpus_client.get("/page/country/CN.json").get_json()
    total = everything["fact_paging"]["total"]
    assert total == len(everything["facts"]) and total > 2
    monkeypatch.setattr(entity, "FACTS_PER_PAGE", 2)
    first = BeautifulSoup(corpus_client.get("/page/country/CN").get_data(as_text=True), "html.parser")
    assert len(first.select("li.fact")) == 2
    assert first.select_one("nav.pager a[rel=next]")["href"].endswith("page=2")
    kinds = {a.get_text(): a["href"] for a in first.select("p.fact-kinds a")}
    label, href = next(iter(kinds.items()))
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    kind = label.rsplit(" (", 1)[0]
    page = corpus_client.get(href + "&page=1" if "?" in href else href)
    data = corpus_client.get(_twins(page)["application/json"]).get_json()
    assert data["fact_paging"]["kind"] == kind and data["fact_paging"]["shown_total"] == count
    assert all(f["class"]["label"] == kind for f in data["facts"]) and len(data["facts"]) == min(count, 2)
    assert corpus_client.get("/page/country/CN?page=zero").status_code == 400


def _twins(response) -> dict[str, str]:
    """Media type -> URL from the Link header."""
    return {m.group(2): m.group(1) for m in re.finditer(r'<([^>]+)>; rel="alternate"; type="([^"]+)"',
                                                       response.headers["Link"])}
