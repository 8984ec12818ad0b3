"""Extraction throughput on synthetic documents, using every core.

Builds N documents from varied sentence templates (deal counts, deals,
sanctions, quotes, concerns, studies, uses; names drawn from pools that mix
gazetteer entities with unknown ones) and extracts them with a process pool
across documents.  Reports words/s and documents/s per size.

    python bench/extract.py                 # sizes 100, 1000, 10000
    python bench/extract.py --sizes 100 500 --workers 2
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# Running a script puts its folder first on sys.path; bench/ holds other scripts
# (formerly bench/catalogue.py) whose names would shadow libraries spaCy imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from frkg.model import Document  # noqa: E402
from frkg.readers import document_id  # noqa: E402

FIRMS = ["Huawei", "Hikvision", "Dahua", "SenseTime", "Megvii", "Clearview AI", "NEC", "Idemia",
         "Vizor Labs", "Kestrel Systems", "Orbis Vision", "Tanager Technologies"]
COUNTRIES = ["China", "the US", "Russia", "Israel", "Japan", "France", "Kenya", "Brazil", "Uganda",
             "Ecuador", "Serbia", "Pakistan", "Zimbabwe", "India", "Germany"]
PEOPLE = ["Alexandra Seymour", "David Yang", "Maria Lopez", "Tomas Berg", "Aisha Okafor", "Wei Chen"]
ORGS = ["Harvard University", "Stanford University", "the Center for a New American Security",
        "the Brookings Institution", "Human Rights Watch", "the Institute for Digital Rights"]
TECH = ["face recognition", "facial recognition systems", "surveillance cameras", "5G equipment",
        "AI chips", "large language models"]
TEMPLATES = [
    "{country} leads the world in exporting {tech}, accounting for {n} deals.",
    "{country2} is second with {m} deals.",
    "{firm} sold {tech} to {country} in {year}.",
    "{firm} signed a contract with the city of Belgrade to supply {tech}.",
    "The Commerce Department added {firm} to the Entity List for its role in the surveillance of Uyghurs.",
    "The Biden administration placed sanctions on {firm} in {year}.",
    "Under president Trump, the US imposed restrictions on the use of {firm}’s {tech}.",
    "“We need rules for {tech},” says {person}, a researcher at {org}.",
    "{person} says the market for {tech} will keep growing in {country}.",
    "Civil liberties groups argue that {tech} invades the privacy of citizens.",
    "A study by {org} researchers, published in March {year}, found {n} deals.",
    "Police departments in {country} use {tech} for policing.",
    "There is growing concern about mass surveillance and human rights abuses in {country}.",
    "Analysts expect the market to grow, although prices fell last year.",
    "According to {person}, {firm} has exported {tech} to {country2}.",
]


def synthetic_documents(count: int, seed: int = 7, sentences: int = 14) -> list[Document]:
    """``count`` documents of ``sentences`` sentences each, reproducible from ``seed``."""
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        lines = []
        for _ in range(sentences):
            lines.append(rng.choice(TEMPLATES).format(
                country=rng.choice(COUNTRIES), country2=rng.choice(COUNTRIES), firm=rng.choice(FIRMS),
                person=rng.choice(PEOPLE), org=rng.choice(ORGS), tech=rng.choice(TECH),
                n=rng.randint(5, 300), m=rng.randint(5, 300), year=rng.randint(2010, 2024)))
        text = f"Report {i}\n\n" + "\n\n".join(" ".join(lines[j:j + 3]) for j in range(0, len(lines), 3))
        docs.append(Document(document_id(text), f"synthetic/{i}.txt", text))
    return docs


def _warm() -> None:
    from frkg.extract import extract_document
    extract_document(Document("warm", "warm.txt", "China leads with 201 deals, says Alexandra Seymour."))


def _extract(doc: Document) -> tuple[int, int]:
    from frkg.extract import extract_document
    ex = extract_document(doc)
    return len(ex.facts), len(ex.mentions)


def run(size: int, workers: int) -> dict[str, float]:
    """Extract ``size`` synthetic documents; return throughput figures."""
    docs = synthetic_documents(size)
    words = sum(len(d.text.split()) for d in docs)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        list(pool.map(_warm_task, range(workers)))
        start = time.perf_counter()
        results = list(pool.map(_extract, docs, chunksize=max(1, size // (workers * 8))))
        elapsed = time.perf_counter() - start
    return {"docs": size, "words": words, "seconds": elapsed, "words_per_s": words / elapsed,
            "docs_per_s": size / elapsed, "facts": sum(f for f, _ in results),
            "mentions": sum(m for _, m in results)}


def _warm_task(_: int) -> None:
    """Make sure every worker has started (and loaded the pipeline) before timing."""
    time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(f"workers={args.workers}")
    print(f"{'docs':>7} {'words':>9} {'seconds':>8} {'words/s':>9} {'docs/s':>8} {'facts':>7} {'mentions':>9}")
    for size in args.sizes:
        r = run(size, args.workers)
        print(f"{r['docs']:>7} {r['words']:>9} {r['seconds']:>8.2f} {r['words_per_s']:>9.0f} "
              f"{r['docs_per_s']:>8.1f} {r['facts']:>7} {r['mentions']:>9}")


if __name__ == "__main__":
    main()
