"""Time frkg.reasoning.reason (OWL 2 RL rules in Oxigraph, HermiT, SHACL) on generated data.

    python3 bench/reasoning.py --triples 60000 [--owlrl]

``--owlrl`` also times owlrl's OWL-RL closure on the same data, for comparison.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datagen import generate  # noqa: E402

from frkg.ontology import load_ontology  # noqa: E402
from frkg.reasoning import reason  # noqa: E402
from frkg.store import to_rdflib  # noqa: E402


@click.command()
@click.option("--triples", default=60000, show_default=True, help="Size of the generated data.")
@click.option("--owlrl", "with_owlrl", is_flag=True, help="Also time owlrl's OWLRL_Semantics.")
def main(triples: int, with_owlrl: bool) -> None:
    """Print reason()'s counts and wall-clock times for generated data."""
    data = to_rdflib(generate(triples))
    clock = time.perf_counter()
    result = reason(data)
    click.echo(f"reason(): {time.perf_counter() - clock:.1f} s total; {result.counts}")
    click.echo(f"consistent={result.consistent} shacl_conforms={result.shacl_conforms}")
    if with_owlrl:
        import owlrl

        graph = data + load_ontology()
        clock = time.perf_counter()
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
        click.echo(f"owlrl OWLRL_Semantics: {time.perf_counter() - clock:.1f} s")


if __name__ == "__main__":
    main()
