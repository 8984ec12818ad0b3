"""Every web page and its data twin, over the hand-written fixture graph (tests/fixtures/web)."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

HTML = {"Accept": "text/html"}


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def twins_of(response) -> dict[str, str]:
    """Media type -> URL from the Link header."""
    return {m.group(2): m.group(1) for m in re.finditer(r'<([^>]+)>; rel="alternate"; type="([^"]+)"',
                                                       response.headers["Link"])}


def test_home_shows_counts_documents_build_and_featured_queries(client):
    response = client.get("/")
    page = soup(response)
    classes = {a.get_text(): a["href"] for a in page.select("ul.classes a")}
    assert classes["firm"] == "/class/Firm"
    assert "Face recognition exports study (test)" in [a.get_text() for a in page.select("ul.documents a")]
    assert "test-build-1" in page.get_text()
    assert page.select("ul.queries a"), "featured catalogue queries"
    assert page.select_one("form.search.big input[name=q]")
    data = client.get(twins_of(response)["application/json"]).get_json()
    firm = next(c for c in data["entry_points"] if c["class"]["label"] == "firm")
    assert firm["count"] == 2
    assert data["build"]["id"] == "test-build-1"


def test_entity_page_shows_types_links_facts_and_highlighted_evidence(client):
    page = soup(client.get("/page/org/huawei"))
    assert page.h1.get_text() == "Huawei"
    types = {a.get_text(" ", strip=True): a["class"] for a in page.select(".types a")}
    assert "asserted" in types["firm"]
    assert "inferred" in types["sanctioned firm (inferred)"]
    external = {a["href"]: a.find_next_sibling("span").get_text() for a in page.select("ul.external a")}
    assert external["http://www.wikidata.org/entity/Q160120"] == "verified"
    assert external["http://example.org/unreviewed/huawei"] == "unverified"
    sentences = [p.get_text(" ", strip=True) for p in page.select("li.fact p.sentence")]
    assert any(s.startswith("Huawei — target of export restriction imposed by United States") for s in sentences)
    marks = [m.get_text() for m in page.select("li.evidence blockquote mark")]
    assert "restricted by the US" in marks and "placed sanctions on Huawei" in marks
    doc_links = [a["href"] for a in page.select("li.evidence a.doclink")]
    assert "/page/doc/aaaa000000000001?span=175-195#evidence" in doc_links
    assert page.select_one("section.picture svg a[href='/page/country/US']")
    assert "Chinese telecommunications firm" in page.select_one(".description").get_text()


def test_entity_fact_sentence_reads_like_the_issue_example(client):
    page = soup(client.get("/page/country/CN"))
    sentence = page.select_one("li.fact p.sentence").get_text(" ", strip=True)
    assert re.sub(r"\s+", " ", sentence).startswith(
        "China — exporter in 201 face recognition deals (rank 1) — according to "
        "Harvard study of face recognition exports")


def test_entity_json_twin_has_the_same_facts(client):
    response = client.get("/page/org/huawei")
    twins = twins_of(response)
    assert set(twins) >= {"application/json", "text/turtle", "application/ld+json", "application/n-triples",
                          "application/rdf+xml"}
    data = client.get(twins["application/json"]).get_json()
    assert data["entity"]["iri"] == "https://w3id.org/frkg/id/org/huawei"
    quotes = {e["quote"] for f in data["facts"] for e in f["evidence"]}
    assert quotes == {"restricted by the US", "placed sanctions on Huawei"}
    sanction = next(f for f in data["facts"] if f["class"]["label"] == "sanction")
    evidence = sanction["evidence"][0]
    assert evidence["confidence"] == 0.95 and evidence["rule"] == "measure:placed-sanctions-on"
    assert evidence["sentence"] == {"before": "The US ", "mark": "placed sanctions on Huawei", "after": " in 2021."}


def test_fact_node_page_shows_its_own_evidence(client):
    page = soup(client.get("/page/dealstatistic/d1"))
    assert page.select_one("li.fact mark").get_text() == "accounting for 201 deals"
    assert "201" in page.select_one("li.fact p.sentence").get_text()


def test_neighbourhood_svg_twin(client):
    response = client.get("/page/org/huawei.svg")
    assert response.mimetype == "image/svg+xml"
    assert "United States" in response.get_data(as_text=True)


def test_document_page_links_mentions_and_marks_the_followed_span(client):
    page = soup(client.get("/page/doc/aaaa000000000001?span=89-113"))
    mark = page.select_one(".doctext mark#evidence")
    assert mark.get_text() == "accounting for 201 deals"
    mentions = {a.get_text(): a["href"] for a in page.select(".doctext a.mention")}
    assert mentions["China"] == "/page/country/CN" and mentions["Huawei"] == "/page/org/huawei"
    facts = [p.get_text(" ", strip=True) for p in page.select("li.fact p.sentence")]
    assert any("201" in f for f in facts) and any("128" in f for f in facts)


def test_document_text_with_script_is_escaped(client):
    response = client.get("/page/doc/bbbb000000000002")
    body = response.get_data(as_text=True)
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in body
    page = soup(response)
    assert not page.find_all("script")
    assert "<script>alert('x')</script>" in page.select_one(".doctext").get_text()
    data = client.get("/page/doc/bbbb000000000002.json").get_json()
    assert "<script>alert('x')</script>" in data["text"]


def test_bad_span_is_a_400_page(client):
    response = client.get("/page/doc/aaaa000000000001?span=abc")
    assert response.status_code == 400
    assert "span must look like 10-42" in response.get_data(as_text=True)


def test_search_groups_by_type_and_has_a_json_twin(client):
    response = client.get("/search?q=huawei")
    page = soup(response)
    assert page.select_one("a.hit")["href"] == "/page/org/huawei"
    assert page.select_one("section.group h2").get_text() == "firm"
    data = client.get(twins_of(response)["application/json"]).get_json()
    assert data["hits"][0]["label"] == "Huawei"


@pytest.mark.parametrize("query, expected", [
    ("HUAWEI", "Huawei"), ("hauwei", "Huawei"), ("societe generale", "Société Générale Sécurité"),
    ("PRC", "China"), ("facial recognition", "face recognition"), ("Harvard", "Harvard University"),
])
def test_search_tolerates_case_accents_typos_and_aliases(client, query, expected):
    hits = client.get("/search.json", query_string={"q": query}).get_json()["hits"]
    assert hits and hits[0]["label"] == expected


def test_search_ranks_exact_names_first_and_skips_provenance_nodes(client):
    hits = client.get("/search.json", query_string={"q": "US"}).get_json()["hits"]
    assert hits[0]["label"] == "United States"
    labels = [h["label"] for h in client.get("/search.json", query_string={"q": "study"}).get_json()["hits"]]
    assert "Harvard study of face recognition exports" in labels
    assert all("evidence" not in h["iri"] and "sentence" not in h["iri"]
               for h in client.get("/search.json", query_string={"q": "the"}).get_json()["hits"])


def test_search_rejects_absurd_input_with_a_message(client):
    response = client.get("/search", query_string={"q": "x" * 500})
    assert response.status_code == 400 and "under 200" in response.get_data(as_text=True)
    assert client.get("/search.json", query_string={"q": "a", "limit": "0"}).status_code == 400


def test_search_for_script_text_is_escaped(client):
    body = client.get("/search", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_class_page_paginates_and_sorts(client):
    page = soup(client.get("/class/Country?sort=label&order=asc&size=1"))
    assert [a.get_text() for a in page.select("table.instances tbody a")] == ["China"]
    assert page.select_one("a[rel=next]")["href"].endswith("page=2&size=1")
    page2 = soup(client.get("/class/Country?sort=label&order=asc&size=1&page=2"))
    assert [a.get_text() for a in page2.select("table.instances tbody a")] == ["United States"]
    by_facts = client.get("/class/Country.json?sort=facts&order=desc").get_json()
    assert [i["label"] for i in by_facts["instances"]] == ["United States", "China"]
    assert by_facts["instances"][0]["facts"] == 3 and by_facts["total"] == 2


def test_class_page_includes_inferred_members_and_csv_twin(client):
    data = client.get("/class/Organization.json").get_json()
    assert "Huawei" in [i["label"] for i in data["instances"]]
    csv_text = client.get("/class/Firm.csv").get_data(as_text=True)
    assert csv_text.splitlines()[0] == "iri,label,facts,mentions"
    assert "https://w3id.org/frkg/id/org/huawei,Huawei,2,3" in csv_text


@pytest.mark.parametrize("url, status, words", [
    ("/class/Firm?sort=evil", 400, "sort must be one of"),
    ("/class/Firm?size=100000", 400, "size must be a whole number"),
    ("/class/NoSuchClass", 404, "no class"),
    ("/class/bad%20name", 404, "is not a class name"),
    ("/page/org/nobody", 404, "nothing about"),
    ("/no/such/page", 404, "Not found"),
])
def test_errors_are_friendly_pages(client, url, status, words):
    response = client.get(url, headers=HTML)
    assert response.status_code == status
    body = response.get_data(as_text=True)
    assert words in body and "Traceback" not in body
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_errors_answer_json_to_json_clients(client):
    response = client.get("/page/org/nobody.json")
    assert response.status_code == 404
    assert "nothing about" in response.get_json()["message"]


def test_ontology_page_is_generated_from_the_ontology_graph(client):
    response = client.get("/ontology")
    page = soup(response)
    firm = page.select_one("#Firm")
    assert "A company." in firm.get_text() and firm.select_one("a[href='#Organization']")
    assert "for example" in firm.get_text()
    tree = page.select_one("ul.tree")
    organization = tree.find("a", string="organization").parent
    assert organization.find("a", string="firm")
    exporter = page.select_one("tr#exporter")
    assert "The party that exports." in exporter.get_text() and "exporter in" in exporter.get_text()
    data = client.get(twins_of(response)["application/json"]).get_json()
    assert any(c["anchor"] == "DealStatistic" and c["count"] == 2 for c in data["classes"])


def test_every_html_page_sets_csp_and_has_no_inline_script(client):
    for url in ["/", "/search?q=china", "/page/org/huawei", "/page/doc/aaaa000000000001", "/class/Firm",
                "/ontology", "/queries", "/queries/top-exporters", "/query"]:
        response = client.get(url)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-eval" not in csp.split("script-src")[1].split(";")[0]
        page = soup(response)
        for script in page.find_all("script"):
            assert script.get("src"), f"inline script on {url}"
        assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)], url
        assert twins_of(response), f"{url} advertises no data twin"


def test_json_twins_are_valid_json(client):
    for url in ["/index.json", "/search.json?q=china", "/page/country/US.json", "/class/Firm.json",
                "/ontology.json", "/queries.json"]:
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == "application/json", url
        json.loads(response.get_data(as_text=True))


def test_endpoint_errors_stay_protocol_errors_for_scripts(client):
    response = client.get("/sparql", query_string={"query": "SELEKT nonsense"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 400
    assert b"<!doctype html>" not in response.data


def test_header_search_box_keeps_only_the_search_text(client):
    search = soup(client.get("/search?q=china"))
    assert search.select_one("header form.search input")["value"] == "china"
    query_page = soup(client.get("/queries/top-exporters"))
    assert query_page.select_one("header form.search input")["value"] == ""


def test_document_segments_cut_at_mentions_and_span():
    from frkg.web.documents import segments

    mentions = [{"start": 0, "end": 5, "entity": {"href": "/page/a", "label": "A"}},
                {"start": 8, "end": 12, "entity": {"href": "/page/b", "label": "B"}}]
    pieces = segments("Alpha   Beta end", mentions, (3, 10))
    assert [(p["text"], p["href"], p["mark"]) for p in pieces] == [
        ("Alp", "/page/a", False), ("ha", "/page/a", True), ("   ", None, True), ("Be", "/page/b", True),
        ("ta", "/page/b", False), (" end", None, False)]
    assert [p["open_mark"] for p in pieces].index(True) == 1
    assert [p["close_mark"] for p in pieces].index(True) == 3



def test_evidence_context_is_cut_at_words_around_the_marked_span():
    """A run-on sentence (a flattened table) must not repeat thousands of characters per evidence item."""
    from frkg.web.facts import CONTEXT_CHARS, highlight

    sentence = "alpha " * 300 + "China accounted for 201 deals" + " omega" * 300
    start = sentence.index("201 deals")
    parts = highlight(sentence, 0, start, start + 9, "201 deals")
    assert parts["mark"] == "201 deals"
    assert parts["before"].startswith("… alpha") and parts["before"].endswith("China accounted for ")
    assert parts["after"] == parts["after"].rstrip(" …") + " …" and len(parts["after"]) <= CONTEXT_CHARS + 2
    assert highlight("Short one.", 0, 6, 9, "one") == {"before": "Short ", "mark": "one", "after": "."}
