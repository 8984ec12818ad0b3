"""Deterministic generator of domain-shaped frkg data (for benchmarks and endpoint tests).

Same seed and size -> same quads.  The shape follows docs/design.md: one named
graph per document holding its sentences, mentions, n-ary facts (deal
statistics, exports, sanctions) with evidence; entities with labels; a build
graph with a build id; links to Wikidata.  ``frkg.store.write_store`` copies
everything into the default graph.

    python3 bench/datagen.py --triples 100000 --store /tmp/store100k [--ntriples /tmp/100k.nt]
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import click
import pyoxigraph as ox

BASE = "https://w3id.org/frkg/"
FRKG = BASE + "ontology#"
ID = BASE + "id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
EXACT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
COUNTRIES = ["CN", "US", "GB", "DE", "FR", "IN", "JP", "KR", "BR", "RU", "IL", "AE", "SG", "AU", "CA",
             "ZA", "NG", "KE", "EG", "TR", "ID", "MY", "TH", "VN", "PK", "MX", "AR", "CL", "CO", "PE",
             "IT", "ES", "NL", "SE", "NO", "PL", "UA", "SA", "IR", "IQ", "ET", "UG", "ZW", "EC", "VE",
             "BO", "PH", "MM", "LK", "KZ"]
TECHNOLOGIES = ["face-recognition", "5g", "semiconductors", "large-language-models", "artificial-intelligence",
                "video-analytics", "iris-recognition", "gait-recognition", "cloud-computing", "drones"]
FIRMS_PER_COUNTRY = 8


def frkg(local: str) -> ox.NamedNode:
    return ox.NamedNode(FRKG + local)


def iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(ID + key)


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INT)


def generate(triples: int, seed: int = 0, build_id: str | None = None) -> Iterator[ox.Quad]:
    """About ``triples`` quads (in named graphs) of documents, facts and entities."""
    rng = random.Random(seed)
    emitted = 0
    for quad in _entities(rng):
        emitted += 1
        yield quad
    build = ox.NamedNode(BASE + "graph/build")
    yield ox.Quad(iri("build"), frkg("buildId"), ox.Literal(build_id or f"datagen-{triples}-{seed}"), build)
    doc = 0
    while emitted < triples:
        for quad in _document(rng, doc):
            emitted += 1
            yield quad
        doc += 1


def _entities(rng: random.Random) -> Iterator[ox.Quad]:
    graph = ox.NamedNode(BASE + "graph/entities")
    links = ox.NamedNode(BASE + "graph/links")
    for n, code in enumerate(COUNTRIES):
        country = iri(f"country/{code}")
        yield ox.Quad(country, RDF_TYPE, frkg("Country"), graph)
        yield ox.Quad(country, LABEL, ox.Literal(f"Country {code}", language="en"), graph)
        yield ox.Quad(country, EXACT, ox.NamedNode(f"http://www.wikidata.org/entity/Q{1000 + n}"), links)
        for f in range(FIRMS_PER_COUNTRY):
            firm = iri(f"org/firm-{code.lower()}-{f}")
            yield ox.Quad(firm, RDF_TYPE, frkg("Firm"), graph)
            yield ox.Quad(firm, LABEL, ox.Literal(f"Firm {code}-{f}"), graph)
            yield ox.Quad(firm, frkg("country"), country, graph)
    for tech in TECHNOLOGIES:
        yield ox.Quad(iri(f"technology/{tech}"), RDF_TYPE, frkg("Technology"), graph)
        yield ox.Quad(iri(f"technology/{tech}"), LABEL, ox.Literal(tech.replace("-", " ")), graph)


def _document(rng: random.Random, number: int) -> Iterator[ox.Quad]:
    doc_key = f"doc/{number:08x}"
    doc, graph = iri(doc_key), ox.NamedNode(f"{BASE}graph/{doc_key}")
    yield ox.Quad(doc, RDF_TYPE, frkg("NewsArticle"), graph)
    yield ox.Quad(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(f"Report {number}"), graph)
    for sentence in range(3):
        yield from _fact(rng, doc_key, doc, graph, sentence)


def _fact(rng, doc_key, doc, graph, sentence) -> Iterator[ox.Quad]:
    code = rng.choice(COUNTRIES)
    kind = rng.choice(["DealStatistic", "Export", "Sanction"])
    fact = iri(f"{kind.lower()}/{doc_key[4:]}-{sentence}")
    sent = iri(f"{doc_key}/sentence/{sentence}")
    evidence = iri(f"evidence/{doc_key[4:]}-{sentence}")
    yield ox.Quad(sent, RDF_TYPE, frkg("Sentence"), graph)
    yield ox.Quad(sent, frkg("inDocument"), doc, graph)
    yield ox.Quad(fact, RDF_TYPE, frkg(kind), graph)
    if kind == "Sanction":
        yield ox.Quad(fact, frkg("imposedBy"), iri(f"country/{rng.choice(COUNTRIES[:3])}"), graph)
        yield ox.Quad(fact, frkg("targets"), iri(f"org/firm-{code.lower()}-{rng.randrange(FIRMS_PER_COUNTRY)}"), graph)
    else:
        yield ox.Quad(fact, frkg("exporter"), iri(f"country/{code}"), graph)
        yield ox.Quad(fact, frkg("technology"), iri(f"technology/{rng.choice(TECHNOLOGIES)}"), graph)
    if kind == "DealStatistic":
        yield ox.Quad(fact, frkg("dealCount"), integer(rng.randrange(1, 300)), graph)
    if kind == "Export":
        yield ox.Quad(fact, frkg("importer"), iri(f"country/{rng.choice(COUNTRIES)}"), graph)
    yield ox.Quad(fact, frkg("hasEvidence"), evidence, graph)
    yield ox.Quad(evidence, RDF_TYPE, frkg("Evidence"), graph)
    yield ox.Quad(evidence, frkg("inDocument"), doc, graph)
    yield ox.Quad(evidence, frkg("inSentence"), sent, graph)
    start = rng.randrange(0, 400)
    yield ox.Quad(evidence, frkg("start"), integer(start), graph)
    yield ox.Quad(evidence, frkg("end"), integer(start + rng.randrange(5, 60)), graph)
    yield ox.Quad(evidence, frkg("quote"), ox.Literal(f"{kind} about {code} in sentence {sentence}"), graph)


def write_store(path: Path, triples: int, seed: int = 0, build_id: str | None = None) -> dict[str, int]:
    """Generate and write a store at ``path`` (replacing it atomically); the count per graph."""
    from frkg.store import write_store as write

    return write(path, generate(triples, seed, build_id))


def write_ntriples(store_path: Path, out: Path) -> int:
    """The default graph (the union) as N-Triples, for engines without datasets (rdflib-endpoint)."""
    store = ox.Store.read_only(str(store_path))
    quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    triples = [q.triple for q in quads]
    out.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
    return len(triples)


@click.command()
@click.option("--triples", default=100_000, show_default=True, help="Approximate number of triples.")
@click.option("--seed", default=0, show_default=True)
@click.option("--store", "store", type=click.Path(path_type=Path), required=True, help="Store directory to write.")
@click.option("--ntriples", type=click.Path(path_type=Path), help="Also write the default graph as N-Triples here.")
def main(triples: int, seed: int, store: Path, ntriples: Path | None) -> None:
    """Write a deterministic domain-shaped store of about TRIPLES triples."""
    counts = write_store(store, triples, seed)
    click.echo(f"{store}: {sum(v for k, v in counts.items() if k)} triples in {len(counts) - 1} named graphs")
    if ntriples:
        click.echo(f"{ntriples}: {write_ntriples(store, ntriples)} triples")


if __name__ == "__main__":
    main()
