"""Real-browser tests: the system Chromium driven by Playwright against the app on 127.0.0.1.

The journey of the issue: search "Huawei", open its page, see a highlighted
evidence quote, follow it to the document, run a catalogue query and see the
chart, run a query in YASGUI and see rows.  Every request the page makes must
stay on 127.0.0.1 and no Content-Security-Policy violation may occur.
Screenshots of the key pages go to tests/artifacts/.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.plugins.servers import http_server

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(corpus_app):
    """The app over the store built from corpus/ by the real pipeline."""
    with http_server(corpus_app) as url:
        yield url


@pytest.fixture(scope="module")
def fixture_url(web_app):
    """The app over the hand-written fixture graph (holds a document with <script> in its text)."""
    with http_server(web_app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url, fixture_url):
    """A fresh page that records off-host requests, console errors and CSP violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.off_host, page.problems = [], []
    page.on("request", lambda r: None if r.url.startswith((base_url, fixture_url, "data:", "blob:"))
            else page.off_host.append(r.url))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()
    assert page.off_host == [], f"requests left 127.0.0.1: {page.off_host}"
    assert page.problems == [], f"console errors or CSP violations: {page.problems}"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_entity_evidence_document_journey(page, base_url):
    page.goto(base_url + "/")
    shot(page, "home")
    page.fill("form.search.big input[name=q]", "Huawei")
    page.press("form.search.big input[name=q]", "Enter")
    expect(page.locator("a.hit").first).to_have_text("Huawei")
    shot(page, "search-huawei")
    page.locator("a.hit").first.click()
    expect(page.locator("h1")).to_have_text("Huawei")
    mark = page.locator("li.evidence blockquote mark").first
    expect(mark).to_be_visible()
    quote = mark.inner_text()
    assert "Huawei" in quote
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    expect(page.locator("section.picture svg")).to_be_visible()
    shot(page, "entity-huawei")
    mark.locator("xpath=ancestor::li[1]").locator("a.doclink").click()
    expect(page.locator("mark#evidence")).to_have_text(quote)
    expect(page.locator("mark#evidence")).to_be_in_viewport()
    shot(page, "document-evidence")


def test_document_with_script_in_its_text_is_shown_escaped(page, fixture_url):
    page.goto(fixture_url + "/page/doc/bbbb000000000002")
    assert "<script>alert('x')</script>" in page.locator(".doctext").inner_text()
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert page.evaluate("() => document.querySelectorAll('main script').length") == 0
    shot(page, "document-with-script-text")


def test_catalogue_query_with_chart(page, base_url):
    page.goto(base_url + "/queries")
    page.get_by_role("link", name="Top exporters by number of deals").click()
    page.get_by_role("button", name="Run").click()
    bars = page.locator("svg.chart.bar g.bar-row")
    expect(bars).to_have_count(2)
    expect(bars.first.locator("text").first).to_have_text("China")
    expect(page.locator("table.results tbody tr")).to_have_count(2)
    shot(page, "query-top-exporters")


def test_yasgui_runs_a_query_against_the_endpoint(page, base_url):
    page.goto(base_url + "/query")
    expect(page.locator(".yasqe .CodeMirror")).to_be_visible()
    first = page.evaluate("() => window.frkgYasgui.getTab().getYasqe().getValue()")
    assert "PREFIX frkg: <https://w3id.org/frkg/ontology#>" in first
    page.locator("button.example", has_text="Top exporters by number of deals").click()
    page.locator(".yasqe_queryButton").last.click()
    rows = page.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible(timeout=15000)
    expect(page.locator(".yasr table")).to_contain_text("China")
    expect(page.locator(".yasr table")).to_contain_text("201")
    shot(page, "yasgui-top-exporters")
    page.locator("#add-prefixes").click()
    value = page.evaluate("() => window.frkgYasgui.getTab().getYasqe().getValue()")
    assert "PREFIX oa: <http://www.w3.org/ns/oa#>" in value and "frkg:DealStatistic" in value


def test_yasgui_share_link_reopens_the_query(page, base_url):
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/frkg/ontology#Country> }"
    from urllib.parse import quote

    page.goto(f"{base_url}/sparql#query={quote(query, safe='')}&endpoint={quote(base_url + '/sparql', safe='')}")
    expect(page.locator(".yasqe .CodeMirror")).to_be_visible()
    value = page.evaluate("() => window.frkgYasgui.getTab().getYasqe().getValue()")
    assert value == query
    page.locator(".yasqe_queryButton").last.click()
    expect(page.locator(".yasr table tbody tr").first).to_be_visible(timeout=15000)
    expect(page.locator(".yasr table")).to_contain_text("country/CN")


def test_class_page_sorts_and_ontology_page_links_back(page, base_url):
    page.goto(base_url + "/")
    page.locator("ul.classes").get_by_role("link", name="firm", exact=True).click()
    expect(page.locator("h1")).to_contain_text("firm")
    page.get_by_role("link", name="facts").click()
    expect(page.locator("table.instances th a", has_text="facts")).to_contain_text("▲")
    shot(page, "class-firm")
    page.goto(base_url + "/ontology")
    expect(page.locator("#Firm")).to_be_visible()
    page.locator("ul.tree").get_by_role("link", name="firm", exact=True).first.click()
    expect(page).to_have_url(base_url + "/ontology#Firm")
    shot(page, "ontology")
