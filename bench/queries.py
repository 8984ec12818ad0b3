"""Time every catalogue query (defaults bound) on a store: which questions stay fast as the graph grows.

    python3 bench/datagen.py --triples 100000 --store /tmp/store100k
    python3 bench/queries.py --store /tmp/store100k [--repeat 5] [--json bench/results/catalogue.json]

Reports, per query, the median wall time of ``repeat`` runs and the row count.
Parameters without a default get the first fact IRI found (evidence-for-fact).
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import click
import pyoxigraph as ox

from frkg.catalogue import load_catalogue

FIRST_FACT = "SELECT ?f WHERE { ?f <https://w3id.org/frkg/ontology#hasEvidence> ?e } LIMIT 1"


def time_query(store: ox.Store, text: str, bindings: dict, repeat: int) -> tuple[float, int]:
    """Median seconds over ``repeat`` runs, and the number of rows."""
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = len(list(store.query(text, substitutions={ox.Variable(k): v for k, v in bindings.items()})))
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


@click.command()
@click.option("--store", "store_dir", required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--repeat", default=5, show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default=None, help="Also write results here.")
def main(store_dir: str, repeat: int, json_path: str | None) -> None:
    store = ox.Store.read_only(store_dir)
    first = [row["f"].value for row in store.query(FIRST_FACT)]
    results = {"store": store_dir, "quads": len(store), "repeat": repeat, "queries": {}}
    for query in load_catalogue():
        if query.name == "wikidata-federated":
            continue  # needs the network
        values = {p.name: first[0] for p in query.params if p.required and first}
        seconds, rows = time_query(store, query.text, query.bind(values), repeat)
        results["queries"][query.name] = {"ms": round(seconds * 1000, 2), "rows": rows}
        click.echo(f"{query.name:28} {seconds * 1000:10.1f} ms {rows:8d} rows")
    if json_path:
        Path(json_path).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
