"""Benchmark of SPARQL Update on the store: keeping the default graph the union, scoped vs full (on demand).

For each size of generated data (bench/datagen.py) a copy of the store gets
the same updates twice: with the maintenance frkg appends
(:mod:`frkg.sparql.union`: scoped to the graphs an update writes) and with the
full re-derivation forced.  Each update is the kind analysts and curators
send: a triple added to one document graph, one deleted from it, a document
graph dropped.  Prints seconds per update and checks after each run that the
default graph is still exactly the union of the named graphs.

    python3 bench/update.py --sizes 100000 --sizes 1000000
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import click
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import datagen  # noqa: E402
from frkg.sparql import union, worker  # noqa: E402

EX = "https://w3id.org/frkg/ontology#benchNote"


def updates(store: ox.Store) -> dict[str, str]:
    """Three updates on the first document graph of the store."""
    graph = next(g for g in store.named_graphs() if "/graph/doc/" in g.value)
    quad = next(iter(store.quads_for_pattern(None, None, None, graph)))
    return {
        "insert a triple": f"INSERT DATA {{ GRAPH {graph} {{ {quad.subject} <{EX}> \"checked\" }} }}",
        "delete a triple": f"DELETE DATA {{ GRAPH {graph} {{ {quad.subject} {quad.predicate} {quad.object} }} }}",
        "drop a document graph": f"DROP GRAPH {graph}",
    }


def run(store_path: Path, full: bool) -> dict[str, float]:
    """Seconds per update on a fresh copy of the store; full=True forces the whole-store re-derivation."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(store_path, copy)
        store = ox.Store(str(copy))
        seconds = {}
        for name, text in updates(store).items():
            job = worker.UpdateJob(text + ("\n;" + union.FULL if full else ""), rederive_union=not full)
            started = time.perf_counter()
            outcome = worker.run_job(store, job)
            seconds[name] = time.perf_counter() - started
            assert outcome.status == "ok", outcome.message
        default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        named = {q.triple for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != ox.DefaultGraph()}
        assert default == named, "the default graph is not the union of the named graphs"
        return seconds


@click.command()
@click.option("--sizes", "-s", multiple=True, type=int, default=[100_000], show_default=True,
              help="Triples to generate (repeatable).")
@click.option("--workdir", type=click.Path(path_type=Path), default=Path(tempfile.gettempdir()) / "frkg-bench",
              show_default=True, help="Generated stores (reused when present; shared with bench/endpoint.py).")
def main(sizes, workdir) -> None:
    """Seconds per SPARQL Update with scoped and with full union maintenance."""
    for size in sizes:
        store = workdir / f"store-{size}"
        if not store.exists():
            click.echo(f"generating {size} triples ...", err=True)
            datagen.write_store(store, size)
        scoped, full = run(store, full=False), run(store, full=True)
        for name in scoped:
            click.echo(f"{size:>9} {name:<22} scoped {scoped[name]:8.4f} s   full {full[name]:8.3f} s   "
                       f"{full[name] / scoped[name]:7.0f}x")


if __name__ == "__main__":
    main()
