"""Catalogue pages: list, parameter form, results, server-rendered charts, CSV/JSON twins, errors."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup

from frkg.catalogue import load_catalogue


def test_queries_page_lists_the_whole_catalogue(client):
    page = BeautifulSoup(client.get("/queries").get_data(as_text=True), "html.parser")
    titles = {a.get_text() for a in page.select("ul.queries > li > a")}
    assert titles == {q.title for q in load_catalogue()}
    data = client.get("/queries.json").get_json()
    assert {q["name"] for q in data["queries"]} == {q.name for q in load_catalogue()}


def test_top_exporters_shows_bar_chart_and_rows(client):
    response = client.get("/queries/top-exporters")
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    bars = page.select("svg.chart.bar g.bar-row")
    labels = [b.select_one("text").get_text() for b in bars]
    values = [b.select_one("text.value").get_text() for b in bars]
    assert labels == ["China", "United States"] and values == ["201", "128"]
    widths = [float(b.select_one("rect")["width"]) for b in bars]
    assert widths[0] > widths[1] > 0
    assert page.select_one("form.params input[name=technology]")["value"] == "technology/face-recognition"
    cells = [a.get_text() for a in page.select("table.results tbody a")]
    assert "China" in cells


def test_query_csv_and_json_twins_hold_the_rows(client):
    text = client.get("/queries/top-exporters.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["exporterLabel"], r["deals"]) for r in rows] == [("China", "201"), ("United States", "128")]
    assert rows[0]["exporter"] == "https://w3id.org/frkg/id/country/CN"
    data = client.get("/queries/top-exporters.json").get_json()
    assert data["count"] == 2 and data["chart"]["kind"] == "bar"


def test_parameters_from_the_form_are_bound(client):
    data = client.get("/queries/top-exporters.json", query_string={"technology": "technology/5g"}).get_json()
    assert data["count"] == 0
    assert client.get("/queries/top-exporters.json?technology=technology/face-recognition").get_json()["count"] == 2


def test_timeline_chart(client):
    page = BeautifulSoup(client.get("/queries/dated-events?from=2000").get_data(as_text=True), "html.parser")
    points = page.select("svg.chart.timeline g.point")
    assert points and "2021" in points[0].get_text()


def test_bad_parameters_are_400_pages_that_say_why(client):
    response = client.get("/queries/dated-events", query_string={"from": "last year"})
    assert response.status_code == 400
    assert "four-digit year" in response.get_data(as_text=True)
    response = client.get("/queries/top-exporters", query_string={"evil": "1"})
    message = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one(".message").get_text()
    assert response.status_code == 400 and "no parameter 'evil'" in message


def test_injection_attempt_is_bound_as_a_term_not_spliced(client):
    attack = 'x" } ; DROP ALL ; SELECT * { ?s ?p "'
    response = client.get("/queries/top-exporters.json", query_string={"technology": attack})
    assert response.status_code == 400  # refused as "not an entity key", never parsed as SPARQL


def test_unknown_query_is_404(client):
    response = client.get("/queries/no-such-query")
    assert response.status_code == 404 and "no catalogue query named" in response.get_data(as_text=True)


def test_query_page_links_to_the_editor_with_the_query(client):
    page = BeautifulSoup(client.get("/queries/top-exporters").get_data(as_text=True), "html.parser")
    link = page.find("a", string="Open in the SPARQL editor")["href"]
    assert link.startswith("/query#query=") and "DealStatistic" in link


def test_editor_page_has_prefixes_examples_and_local_assets(client):
    response = client.get("/query")
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    editor = page.select_one("#yasgui")
    assert '"frkg": "https://w3id.org/frkg/ontology#"' in editor["data-prefixes"]
    assert editor["data-endpoint"] == "/sparql"
    assert len(page.select("button.example")) == len(load_catalogue())
    sources = [s["src"] for s in page.find_all("script")]
    assert sources == ["/vendor/yasgui/yasgui.min.js", "/static/sparql-editor.js"]
    for source in sources:
        assert client.get(source).status_code == 200
    assert client.get("/vendor/yasgui/../../etc/passwd").status_code == 404


def test_sparql_get_from_a_browser_renders_the_editor(client):
    response = client.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("#yasgui")


def test_yasgui_is_served_from_the_npm_install_not_the_repository():
    root = Path(__file__).resolve().parents[1]
    assert (root / "package-lock.json").is_file()
    assert not list((root / "src").rglob("yasgui*.js"))
