"""Every catalogue query on the graph built from corpus/, with the answer the two documents give.

corpus/000_002754ab861e707d.txt is a summary of the article; corpus/002_5748a6de8465780d.txt
is an excerpt of the article itself.  Expected values below are read from those texts.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from frkg.app import create_app
from frkg.backend import OxigraphBackend
from frkg.catalogue import load_catalogue
from frkg.cli_query import EmbeddedStore, RemoteEndpoint
from tests.plugins.servers import ROOT, http_server

SUMMARY = "000_002754ab861e707d.txt"
ARTICLE = "002_5748a6de8465780d.txt"
ID = "https://w3id.org/frkg/id/"
CATALOGUE = load_catalogue()
LOCAL_QUERIES = [q.name for q in CATALOGUE if q.name != "wikidata-federated"]
EMPTY_ON_CORPUS = {"conflicting-facts"}  # the two documents agree on every figure


@pytest.fixture(scope="module")
def backend(corpus_store) -> OxigraphBackend:
    return OxigraphBackend(corpus_store)


@pytest.fixture(scope="module")
def endpoint(corpus_store) -> RemoteEndpoint:
    with http_server(create_app({"FRKG_STORE": str(corpus_store)})) as base:
        yield RemoteEndpoint(f"{base}/sparql")


def rows(backend, name: str, **values: str) -> list[dict[str, str]]:
    """The query's rows through ``CatalogueQuery.run``, each cell as its plain value."""
    return [{k: term.value for k, term in row.items()} for row in CATALOGUE.get(name).run(backend, values)]


def example_values(backend, name: str) -> dict[str, str]:
    """Values for required parameters: a real fact of the corpus for evidence-for-fact."""
    if name == "evidence-for-fact":
        return {"fact": _first_deal_statistic(backend)}
    return {}


def _first_deal_statistic(backend) -> str:
    found = backend.select(
        "SELECT ?f WHERE { ?f a <https://w3id.org/frkg/ontology#DealStatistic> ; "
        "<https://w3id.org/frkg/ontology#dealCount> 201 }"
    )
    return found[0]["f"].value


@pytest.mark.parametrize("name", LOCAL_QUERIES)
def test_embedded_store_and_http_endpoint_give_the_same_answer(backend, endpoint, name):
    query = CATALOGUE.get(name)
    bindings = query.bind(example_values(backend, name))
    local = [{k: str(v) for k, v in row.items()} for row in backend.select(query.text, bindings)]
    remote_result = endpoint.query(query.text, bindings)
    names = [v.value for v in remote_result.variables]
    remote = [{n: str(s[n]) for n in names if s[n] is not None} for s in remote_result]
    assert remote == local
    assert bool(local) != (name in EMPTY_ON_CORPUS)  # the comparison is not between two empty answers


def test_top_exporters(backend):
    """'China leads ... accounting for 201 deals. The US is second with 128 deals.' (summary)."""
    found = [(r["exporterLabel"], int(r["deals"]), r.get("rank"), r["sourceFile"], r["quote"]) for r in rows(backend, "top-exporters")]
    assert found == [
        ("China", 201, "1", SUMMARY, "accounting for 201 deals"),
        ("United States", 128, "2", SUMMARY, "with 128 deals"),
    ]
    assert rows(backend, "top-exporters", technology="technology/5g") == []


def test_exporter_importers(backend):
    """China's and Clearview AI's exports are in both documents; neither names an importer."""
    (china,) = rows(backend, "exporter-importers")
    assert (china["technology"], china.get("importer"), china["sources"]) == ("face recognition", None, "2")
    (clearview,) = rows(backend, "exporter-importers", exporter="org/clearview-ai")
    assert (clearview["technology"], clearview.get("importer"), clearview["sources"]) == ("face recognition", None, "2")
    (us,) = rows(backend, "exporter-importers", exporter="country/US")
    assert (us["technology"], us.get("importer")) == ("face recognition", None)


US_MEASURES = {
    # (type, administration, target, technology, reason, affected group)
    ("ExportRestriction", "Trump administration", "Huawei", "5G", None, None),
    ("ExportRestriction", "Trump administration", "Chinese artificial intelligence firms", "semiconductors", None, None),
    ("ExportRestriction", "Biden administration", "Chinese companies", "semiconductor manufacturing technology, semiconductors", None, None),
    # The sanction names its targets ('Chinese providers of face recognition'), not a restricted technology,
    # so its technology column is not asserted (ANY).
    ("Sanction", "Biden administration", "Chinese face recognition providers", "ANY", "used to monitor Uyghur Muslims", "Uyghurs"),
}


def _technology(row: dict[str, str]) -> str | None:
    return "ANY" if row["measureType"] == "Sanction" else row.get("technology") or None


def test_measures(backend):
    """Trump: Huawei 5G rules and the chip embargo on China's AI firms; Biden: the chip blockade and
    the sanctions on Chinese face recognition providers (article); 'some cities have placed restrictions'."""
    found = rows(backend, "measures")
    us = {(r["measureType"], r.get("administration"), r["target"], _technology(r), r.get("reason"), r.get("affectedGroup") or None)
          for r in found if r.get("imposer") == "United States"}
    assert us == US_MEASURES
    sources = {r.get("target"): r["sources"] for r in found}
    assert sources["Huawei"] == "2" and sources["Chinese face recognition providers"] == "2"
    cities = [r for r in found if r.get("imposer") == "local governments"]
    assert [r["technology"] for r in cities] == ["face recognition"]


def test_measures_by_imposer(backend):
    found = rows(backend, "measures-by-imposer")
    assert {(r["measureType"], r["targetLabel"], r.get("administration"), _technology(r)) for r in found} == {
        (m[0], m[2], m[1], m[3]) for m in US_MEASURES
    }
    assert rows(backend, "measures-by-imposer", imposer="country/CN") == []


def test_measures_by_administration(backend):
    found = [(r["administrationLabel"], r["measureType"], int(r["measures"])) for r in rows(backend, "measures-by-administration")]
    assert found == [
        ("Trump administration", "ExportRestriction", 2),
        ("Biden administration", "ExportRestriction", 1),
        ("Biden administration", "Sanction", 1),
    ]


def test_sanctioned_firms(backend):
    found = {(r["targetLabel"], r["targetKind"], r["measureType"], r["imposedBy"], _restricted(r))
             for r in rows(backend, "sanctioned-firms") if r["imposedBy"] == "United States"}
    assert found == {
        ("Huawei", "Firm", "ExportRestriction", "United States", "5G"),
        ("Chinese artificial intelligence firms", "Group", "ExportRestriction", "United States", "semiconductors"),
        ("Chinese companies", "Group", "ExportRestriction", "United States", "semiconductor manufacturing technology, semiconductors"),
        ("Chinese face recognition providers", "Group", "Sanction", "United States", "ANY"),
    }


def _restricted(row: dict[str, str]) -> str:
    return "ANY" if row["measureType"] == "Sanction" else row.get("restrictedTechnology", "")


CONCERNS = {
    # (types, technology, raised by, affected group, number of documents)
    ("privacy", "face recognition", "civil liberties groups", "citizens", "2"),  # Clearview AI, both documents
    ("privacy", "face recognition", "Study by Harvard and MIT", "citizens", "1"),  # '... citizens' human rights and privacy'
    ("human rights violations", "face recognition", "Study by Harvard and MIT", "citizens", "1"),
    ("mass surveillance", "face recognition", "Study by Harvard and MIT", "", "1"),  # 'greater government surveillance'
    ("mass surveillance", "artificial intelligence", "Alexandra Seymour", "", "1"),  # 'powerful new surveillance tools'
    ("censorship", "large language models", "Alexandra Seymour", "", "1"),  # 'ways to censor web content'
}


def test_concerns(backend):
    found = {(r["concernTypes"], r["technology"], r["raisedBy"], r.get("affectedGroup", ""), r["sources"]) for r in rows(backend, "concerns")}
    assert found == CONCERNS


def test_concerns_by_technology(backend):
    found = {(r["concernType"], r["raisedBy"]) for r in rows(backend, "concerns-by-technology")}
    assert found == {(c[0], c[2]) for c in CONCERNS if c[1] == "face recognition"}
    llm = rows(backend, "concerns-by-technology", technology="technology/large-language-models")
    assert [(r["concernType"], r["sentence"][:40]) for r in llm] == [("censorship", "She suggests the large language models t")]


def test_concerns_by_country(backend):
    (clearview,) = rows(backend, "concerns-by-country")
    assert (clearview["partyLabel"], clearview["role"], clearview["concernTypes"]) == ("Clearview AI", "about", "privacy")
    assert rows(backend, "concerns-by-country", country="country/CN") == []


def test_concerns_by_group(backend):
    (uyghurs,) = rows(backend, "concerns-by-group")
    assert (uyghurs["kind"], uyghurs["detail"], uyghurs["sources"]) == ("measure", "used to monitor Uyghur Muslims", "2")
    citizens = {(r["kind"], r["detail"]) for r in rows(backend, "concerns-by-group", group="group/citizens")}
    assert citizens == {("concern", "human rights violations"), ("concern", "privacy")}


SEYMOUR = [
    ("Further efforts to limit the export of face recognition from China", "false"),
    ("Having a conversation around values will help to shape", "true"),
    ("It bolsters the case for why we need to be setting parameters", "true"),
    ("other emerging areas of AI could also be set to develop", "false"),
    ("the US also needs to set an example to the rest of the world", "false"),
    ("the best way for the US to counter China’s success", "false"),
    ("the large language models that have caused excitement", "false"),
]
YANG = [
    ("China has already developed a comprehensive suite of surveillance AI tech", "true"),
    ("The recent restrictions do nothing to change that.", "true"),
    ("recent US moves to contain Chinese technology", "false"),
]


def test_statements(backend):
    """Seymour is quoted twice and reported five times, David Yang quoted twice and reported once, all in the article."""
    found = rows(backend, "statements")
    by_speaker = {}
    for r in found:
        assert r["sourceFile"] == ARTICLE
        by_speaker.setdefault((r["speakerLabel"], r["affiliation"]), []).append((r["text"], r["directQuote"]))
    assert set(by_speaker) == {("Alexandra Seymour", "Center for a New American Security"), ("David Yang", "Harvard University")}
    for key, expected in (("Alexandra Seymour", SEYMOUR), ("David Yang", YANG)):
        said = sorted(next(v for k, v in by_speaker.items() if k[0] == key))
        assert [(text[:len(start)], direct) for (text, direct), (start, _) in zip(said, sorted(expected))] == sorted(expected)


def test_statements_by_speaker(backend):
    found = rows(backend, "statements-by-speaker")
    assert len(found) == len(SEYMOUR)
    for (start, direct), r in zip(sorted(SEYMOUR, key=lambda s: s[0]), sorted(found, key=lambda r: r["text"])):
        assert r["text"].startswith(start) and r["directQuote"] == direct
        assert r["text"].strip("“”,. ")[:30] in r["sentence"]
    yang = rows(backend, "statements-by-speaker", speaker="person/david-yang")
    assert sorted((r["text"][:40], r["directQuote"]) for r in yang) == sorted((t[:40], d) for t, d in YANG)


def test_studies(backend):
    found = {(r["title"], r.get("authors", ""), r.get("affiliations", ""), r.get("published")) for r in rows(backend, "studies")}
    normalised = {(t, frozenset(a.split(", ")) - {""}, frozenset(f.split(", ")) - {""}, p) for t, a, f, p in found}
    assert normalised == {
        ("Study by Harvard and MIT", frozenset(), frozenset({"Harvard University", "Massachusetts Institute of Technology"}), None),
        ("Study by Beraja", frozenset({"Beraja", "David Yang"}), frozenset({"Harvard University"}), "2021-11"),
    }


def test_claims(backend):
    found = {(r["claimant"], r["text"][:40], r["source"].rsplit("/", 1)[1]) for r in rows(backend, "claims")}
    summary, article = _doc_ids(backend)
    assert found == {
        ("Study by Harvard and MIT", "these exports could lead to greater gove", summary),
        ("Study by Beraja", "innovation in the development of face re", article),
        ("civil liberties groups", "invades citizen’s privacy without legal ", article),
    }


def _doc_ids(backend) -> tuple[str, str]:
    docs = {r["fileName"]: r["document"].rsplit("/", 1)[1] for r in rows(backend, "documents")}
    return docs[SUMMARY], docs[ARTICLE]


def test_affiliations(backend):
    found = [(r["personLabel"], r["organisationLabel"], r["role"]) for r in rows(backend, "affiliations")]
    assert found == [
        ("Alexandra Seymour", "Center for a New American Security", "associate fellow"),
        ("David Yang", "Harvard University", "economist"),
    ]


def test_technology_uses(backend):
    found = {(r["technology"], r["application"], r.get("users", ""), r["sources"]) for r in rows(backend, "technology-uses")}
    assert found == {
        ("face recognition", "identity matching to online profiles", "", "2"),  # Clearview AI's tools, both documents
        ("face recognition", "policing", "US police departments", "2"),
        ("face recognition", "smart city", "", "1"),  # summary: 'smart city technology'
        ("face recognition", "video surveillance", "", "1"),  # summary: 'enhance video surveillance'
        ("large language models", "censorship", "", "1"),
        ("large language models", "communications analysis", "", "1"),
    }


def test_evidence_for_fact_quotes_the_document(backend):
    found = rows(backend, "evidence-for-fact", fact=_first_deal_statistic(backend))
    assert [(r["file"], r["quote"]) for r in found] == [(SUMMARY, "accounting for 201 deals")]
    (evidence,) = found
    text = (ROOT / "corpus" / SUMMARY).read_text(encoding="utf-8")
    assert text[int(evidence["start"]):int(evidence["end"])] == "accounting for 201 deals"
    assert evidence["sentence"].startswith("A recent study by Harvard and MIT researchers")


def test_entity_evidence(backend):
    summary, article = _doc_ids(backend)
    found = sorted((r["kind"], r["role"], r["source"].rsplit("/", 1)[1], r["sentence"][:30]) for r in rows(backend, "entity-evidence"))
    assert found == sorted([
        ("DealStatistic", "exporter", summary, "A recent study by Harvard and "),  # 201 deals, rank 1
        ("DealStatistic", "exporter", summary, "The global face recognition ma"),  # 'dominated by China'
        ("DealStatistic", "exporter", article, "China Is the World’s Biggest F"),  # the headline
        ("Export", "exporter", summary, "The best way for the US to cou"),  # 'China's success in exporting'
        ("Export", "exporter", article, "Seymour says the best way for "),
    ])


def test_entity_mentions(backend):
    found = [(r["file"], r["anchor"], r["sentence"][:30]) for r in rows(backend, "entity-mentions")]
    assert found == [
        (SUMMARY, "Huawei", "In recent years, the US has im"),
        (ARTICLE, "Huawei", "Under president Trump, the US "),
    ]
    for r in rows(backend, "entity-mentions"):
        text = (ROOT / "corpus" / r["file"]).read_text(encoding="utf-8")
        assert text[int(r["start"]):int(r["start"]) + len("Huawei")] == "Huawei"


def test_documents(backend):
    found = [(r["fileName"], r.get("title"), int(r["sentences"])) for r in rows(backend, "documents")]
    assert found == [(SUMMARY, None, 15), (ARTICLE, "China Is the World’s Biggest Face Recognition Dealer", 23)]


def test_dated_events(backend):
    found = [(r["kind"], r["date"], r["label"]) for r in rows(backend, "dated-events")]
    assert found == [("study", "2021-11", "Study by Beraja")]  # 'a paper published in November 2021'
    assert rows(backend, "dated-events", **{"from": "2022"}) == []


def test_facts_by_kind(backend):
    found = {r["kind"]: (int(r["facts"]), int(r["documents"])) for r in rows(backend, "facts-by-kind")}
    expected = {
        "Statement": (10, 1), "HumanRightsConcern": (6, 2), "TechnologyUse": (6, 2), "DealStatistic": (4, 2),
        "Claim": (3, 2), "Export": (3, 2), "Affiliation": (2, 1), "Study": (2, 2), "Sanction": (1, 2),
    }
    assert {k: v for k, v in found.items() if k in expected} == expected
    measures = sum(found.get(kind, (0, 0))[0] for kind in ("ExportRestriction", "Regulation"))
    assert measures == 4  # three US restrictions and the cities' restrictions on use


def test_sources_do_not_disagree(backend):
    """Both documents put China first and the US second: no conflicting values."""
    assert rows(backend, "conflicting-facts") == []


def test_low_confidence_facts_are_those_with_one_weak_evidence(backend):
    evidence = backend.select(
        "SELECT ?f ?e ?c WHERE { ?f <https://w3id.org/frkg/ontology#hasEvidence> ?e . "
        "?e <https://w3id.org/frkg/ontology#confidence> ?c }"
    )
    per_fact = {}
    for r in evidence:
        per_fact.setdefault(r["f"].value, []).append(float(r["c"].value))
    for threshold in ("0.7", "0.95"):
        expected = {f for f, cs in per_fact.items() if len(cs) == 1 and cs[0] < float(threshold)}
        found = rows(backend, "low-confidence-facts", threshold=threshold)
        assert {r["fact"] for r in found} == expected and len(found) == len(expected)
    assert rows(backend, "low-confidence-facts", threshold="0") == []


def test_untyped_entities_are_linked_but_never_mentioned(backend):
    """Joe Biden and Xinjiang have reviewed links, but the documents name only 'the Biden administration'
    and 'Uyghur Muslims', so nothing gives them a type."""
    found = [(r["entity"], r["referencedBy"]) for r in rows(backend, "untyped-entities")]
    assert found == [(ID + "person/joe-biden", "2"), (ID + "place/xinjiang", "1")]


LINKED = {
    ("China", "http://www.wikidata.org/entity/Q148"), ("China", "http://dbpedia.org/resource/China"),
    ("United States", "http://www.wikidata.org/entity/Q30"), ("United States", "http://dbpedia.org/resource/United_States"),
    ("Huawei", "http://www.wikidata.org/entity/Q160120"), ("Huawei", "http://dbpedia.org/resource/Huawei"),
    ("Harvard University", "http://www.wikidata.org/entity/Q13371"), ("Harvard University", "http://dbpedia.org/resource/Harvard_University"),
    ("Massachusetts Institute of Technology", "http://www.wikidata.org/entity/Q49108"),
    ("Massachusetts Institute of Technology", "http://dbpedia.org/resource/Massachusetts_Institute_of_Technology"),
    ("Uyghurs", "http://www.wikidata.org/entity/Q46118"),
    ("Donald Trump", "http://www.wikidata.org/entity/Q22686"), ("Donald Trump", "http://dbpedia.org/resource/Donald_Trump"),
    ("ChatGPT", "http://www.wikidata.org/entity/Q115564437"), ("ChatGPT", "http://dbpedia.org/resource/ChatGPT"),
    ("large language models", "http://www.wikidata.org/entity/Q115305900"),
    ("large language models", "http://dbpedia.org/resource/Large_language_model"),
    ("smart city", "http://dbpedia.org/resource/Smart_city"),
}


def test_linked_entities(backend):
    """The mentioned entities with identifiers verified in shared/REFERENCE.md."""
    assert {(r["label"], r["link"]) for r in rows(backend, "linked-entities")} == LINKED


def test_unlinked_entities(backend):
    found = {r["label"]: r["kind"] for r in rows(backend, "unlinked-entities")}
    assert found["Clearview AI"] == "Firm" and found["Alexandra Seymour"] == "Person"
    assert found["Center for a New American Security"] == "ThinkTank" and found["US Congress"] == "Legislature"
    assert not {label for label, _ in LINKED} & set(found)


def test_ontology_classes(backend):
    found = {r["label"]: int(r["instances"]) for r in rows(backend, "ontology-classes")}
    assert (found["country"], found["firm"], found["person"], found["statement"], found["sanction"]) == (2, 2, 4, 10, 1)
    assert (found["exporting country"], found["restricted firm"]) == (2, 1)  # China and the US; Huawei


def test_ontology_properties(backend):
    found = {r["label"]: int(r["uses"]) for r in rows(backend, "ontology-properties")}
    assert (found["deal count"], found["speaker"], found["exporter"], found["imposed by"]) == (2, 10, 7, 5)


def test_technology_taxonomy(backend):
    found = {r["label"]: (r.get("broader"), int(r["facts"])) for r in rows(backend, "technology-taxonomy")}
    assert found["5G"] == ("telecommunications", 1)  # the Huawei rules
    assert found["semiconductors"] == (None, 2)  # the chip embargo and the chip blockade
    assert found["large language models"][0] == "artificial intelligence"


def test_search_entities(backend):
    assert [(r["label"], r["kind"]) for r in rows(backend, "search-entities", text="CLEARVIEW")] == [("Clearview AI", "Firm")]
    assert [r["label"] for r in rows(backend, "search-entities", text="seymour")] == ["Alexandra Seymour"]


def test_wikidata_federated_joins_the_linked_countries(corpus_store, tmp_path):
    """Against a local Wikidata-shaped stand-in (no network in tests): China and the US are linked."""
    standin_path = tmp_path / "wikidata"
    standin = ox.Store(str(standin_path))
    standin.load(
        b"<http://www.wikidata.org/entity/Q148> <http://www.wikidata.org/prop/direct/P31> <http://www.wikidata.org/entity/Q3624078> .\n"
        b"<http://www.wikidata.org/entity/Q148> <http://www.wikidata.org/prop/direct/P1082> \"1411750000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        b"<http://www.wikidata.org/entity/Q30> <http://www.wikidata.org/prop/direct/P31> <http://www.wikidata.org/entity/Q3624078> .\n"
        b"<http://www.wikidata.org/entity/Q30> <http://www.wikidata.org/prop/direct/P1082> \"331893745\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
        format=ox.RdfFormat.N_TRIPLES,
    )
    standin.flush()
    del standin
    query = CATALOGUE.get("wikidata-federated")
    with http_server(create_app({"FRKG_STORE": str(standin_path)})) as base:
        url = f"{base}/sparql"
        store = EmbeddedStore(corpus_store, allowed_services=[url])
        result = store.query(query.text.replace("https://query.wikidata.org/sparql", url), query.bind())
        found = [(s["label"].value, s["population"].value) for s in result]
    assert found == [("China", "1411750000"), ("United States", "331893745")]
