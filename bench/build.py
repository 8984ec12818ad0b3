"""Time ``frkg build`` and ``frkg ingest`` on the corpus and on N synthetic documents.

The synthetic corpus is N copies of the corpus documents, each made distinct
by a numbered closing line (so every copy is its own document and every fact
gains N/2 pieces of evidence, as a real news stream repeating a story would).
Prints the build report's stage timings and the store size.

    python3 bench/build.py --documents 1000 [--workers 2] [--workdir /tmp/frkg-bench]
"""
from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not bench/: its scripts' names (catalogue.py) would shadow libraries

from frkg.build import build_store  # noqa: E402
from frkg.ingest import ingest_files  # noqa: E402
from tests.fixtures.store.corpora import CORPUS, corpus_variants, variant_text  # noqa: E402


def timed_build(corpus: Path, store: Path, workers: int | None) -> dict:
    started = time.perf_counter()
    report = build_store(corpus, store, workers=workers)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.iterdir() if p.is_file())
    return {"documents": len(report.documents), "words": words,
            "wall_seconds": round(time.perf_counter() - started, 2), "stages": report.timings,
            "reasoning": report.reasoning, "triples": report.triples_by_graph.get("", 0)}


def timed_ingest(store: Path, path: Path) -> dict:
    started = time.perf_counter()
    report = ingest_files([path], store)
    return {"added": len(report.added), "wall_seconds": round(time.perf_counter() - started, 2),
            "triples": report.triples_after}


@click.command()
@click.option("--documents", default=1000, show_default=True, help="Synthetic documents to build.")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: all cores).")
@click.option("--workdir", type=click.Path(path_type=Path), default=Path("/tmp/frkg-bench-build"),
              show_default=True)
def main(documents: int, workers: int | None, workdir: Path) -> None:
    """Build the corpus and a synthetic corpus; ingest one more document into the latter."""
    shutil.rmtree(workdir, ignore_errors=True)
    results = {"corpus": timed_build(CORPUS, workdir / "corpus-store", workers)}
    synthetic = corpus_variants(workdir / "synthetic", documents)
    results[f"synthetic_{documents}"] = timed_build(synthetic, workdir / "synthetic-store", workers)
    extra = workdir / "extra.txt"
    extra.write_text(variant_text(documents), encoding="utf-8")
    results["ingest_one_more"] = timed_ingest(workdir / "synthetic-store", extra)
    results["peak_rss_mb"] = peak_rss_mb()
    click.echo(json.dumps(results, indent=2))


def peak_rss_mb() -> dict:
    """Peak resident memory of this process and of its largest worker (ru_maxrss is in KiB on Linux)."""
    return {"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "largest_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}


if __name__ == "__main__":
    main()
