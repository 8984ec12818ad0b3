"""Benchmark (a note, not a test): entity page and search latency at about 1M triples.

Builds a synthetic store in the docs/design.md shape (firms and countries,
deal statistics and sanctions with evidence, documents with sentences and
mentions; named graphs plus their union in the default graph), then times
the web views through the Flask test client.  Target: p50 <= 50 ms.

    python3 bench/web.py --triples 1000000 --requests 200
Results are printed and written to bench/results/web.json.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frkg.app import create_app  # noqa: E402

F = "https://w3id.org/frkg/ontology#"
ID = "https://w3id.org/frkg/id/"
G = "https://w3id.org/frkg/graph/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DEC = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
WORDS = "alpha beta gamma delta vision sense cloud deep face secure smart city net view".split()
TRIPLES_PER_FACT = 24  # fact + evidence + sentence + mention triples, measured from _fact below


def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID + local)


def p(local: str) -> ox.NamedNode:
    return ox.NamedNode(F + local)


def lit(value, datatype=None) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype) if datatype else ox.Literal(str(value))


def generate(triples: int, seed: int = 7):
    """Yield (subject, predicate, object, graph) for a graph of about ``triples`` triples."""
    rnd = random.Random(seed)
    facts = triples // TRIPLES_PER_FACT
    firms = max(facts // 3, 10)
    countries = [f"country/C{i:03d}" for i in range(200)]
    techs = [f"technology/t{i}" for i in range(20)]
    ontology = ox.NamedNode(G + "ontology")
    for cls in ("Firm", "Country", "Technology", "DealStatistic", "Sanction", "Document", "Evidence"):
        yield p(cls), RDF_TYPE, ox.NamedNode("http://www.w3.org/2002/07/owl#Class"), ontology
        yield p(cls), LABEL, lit(cls.lower()), ontology
    for i in range(firms):
        graph = ox.NamedNode(G + f"doc/d{i % 5000}")
        name = f"{rnd.choice(WORDS).title()} {rnd.choice(WORDS).title()} {i}"
        yield n(f"org/f{i}"), RDF_TYPE, p("Firm"), graph
        yield n(f"org/f{i}"), LABEL, lit(name), graph
        yield n(f"org/f{i}"), p("country"), n(rnd.choice(countries)), graph
    for c in countries:
        yield n(c), RDF_TYPE, p("Country"), ox.NamedNode(G + "doc/d0")
        yield n(c), LABEL, lit("Country " + c[-3:]), ox.NamedNode(G + "doc/d0")
    for t in techs:
        yield n(t), RDF_TYPE, p("Technology"), ox.NamedNode(G + "doc/d0")
        yield n(t), LABEL, lit("tech " + t[-2:]), ox.NamedNode(G + "doc/d0")
    for i in range(facts):
        yield from _fact(rnd, i, firms, countries, techs)


def _fact(rnd, i, firms, countries, techs):
    doc = f"doc/d{i % 5000}"
    graph = ox.NamedNode(G + doc)
    fact, ev, sent = n(f"dealstatistic/x{i}"), n(f"evidence/e{i}"), n(f"{doc}/sentence/{i}")
    party = n(f"org/f{rnd.randrange(firms)}") if rnd.random() < 0.8 else n(rnd.choice(countries))
    text = f"The firm made {i % 300} deals in face recognition according to the study number {i}."
    quads = [
        (fact, RDF_TYPE, p("DealStatistic")), (fact, p("exporter"), party), (fact, p("technology"), n(rnd.choice(techs))),
        (fact, p("dealCount"), lit(i % 300, XSD_INT)), (fact, p("hasEvidence"), ev),
        (ev, RDF_TYPE, p("Evidence")), (ev, p("evidenceFor"), fact), (ev, p("inDocument"), n(doc)),
        (ev, p("inSentence"), sent), (ev, p("quote"), lit(f"made {i % 300} deals")), (ev, p("start"), lit(9, XSD_INT)),
        (ev, p("end"), lit(20, XSD_INT)), (ev, p("confidence"), lit("0.9", XSD_DEC)), (ev, p("extractionRule"), lit("bench")),
        (sent, RDF_TYPE, p("Sentence")), (sent, p("inDocument"), n(doc)), (sent, p("text"), lit(text)),
        (sent, p("start"), lit(0, XSD_INT)),
        (n(f"{doc}/mention/{i}"), RDF_TYPE, p("Mention")), (n(f"{doc}/mention/{i}"), p("denotes"), party),
        (n(f"{doc}/mention/{i}"), p("inDocument"), n(doc)), (n(f"{doc}/mention/{i}"), p("start"), lit(0, XSD_INT)),
        (n(f"{doc}/mention/{i}"), p("end"), lit(3, XSD_INT)), (n(doc), RDF_TYPE, p("Document")),
    ]
    for s_, p_, o_ in quads:
        yield s_, p_, o_, graph


def build(path: Path, triples: int) -> None:
    store = ox.Store(str(path))
    batch: list[ox.Quad] = []
    for s_, p_, o_, g_ in tqdm(generate(triples), total=triples, desc="generating", unit="triple"):
        batch.append(ox.Quad(s_, p_, o_, g_))
        batch.append(ox.Quad(s_, p_, o_, ox.DefaultGraph()))
        if len(batch) >= 200_000:
            store.bulk_extend(batch)
            batch.clear()
    store.bulk_extend(batch)
    store.optimize()
    store.flush()


def timed(client, urls: list[str]) -> dict:
    times = []
    for url in tqdm(urls, desc="requests", unit="req", leave=False):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1), "max_ms": round(times[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "results" / "web-store")
    args = parser.parse_args()
    marker = args.store / f".frkg-bench-{args.triples}"
    if not marker.exists():
        start = time.perf_counter()
        build(args.store, args.triples)
        marker.touch()
        print(f"built {args.store} in {time.perf_counter() - start:.0f} s")
    app = create_app({"FRKG_STORE": str(args.store)})
    client = app.test_client()
    rnd = random.Random(1)
    firms = args.triples // TRIPLES_PER_FACT // 3
    count = len(ox.Store.read_only(str(args.store)))
    client.get("/search?q=warmup")  # builds the search index once per build
    results = {
        "quads": count,
        "entity_page_firm": timed(client, [f"/page/org/f{rnd.randrange(firms)}" for _ in range(args.requests)]),
        "entity_page_country_hub": timed(client, [f"/page/country/C{rnd.randrange(200):03d}"
                                                  for _ in range(max(args.requests // 10, 5))]),
        "entity_json": timed(client, [f"/page/org/f{rnd.randrange(firms)}.json" for _ in range(args.requests)]),
        "search": timed(client, [f"/search?q={rnd.choice(WORDS)}+{rnd.choice(WORDS)}" for _ in range(args.requests)]),
        "search_typo": timed(client, [f"/search.json?q={rnd.choice(WORDS)[:-1]}x" for _ in range(args.requests)]),
    }
    print(json.dumps(results, indent=1))
    out = ROOT / "bench" / "results" / "web.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
