"""``frkg check``: check the ontology (HermiT + OOPS! lint) and the data in a store."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click
import pyoxigraph as ox
from rdflib import Graph
from tqdm import tqdm

from frkg.cli import cli
from frkg.hermit import run_hermit
from frkg.lint import lint
from frkg.namespaces import GRAPH
from frkg.ontology import ONTOLOGY_DIR, ONTOLOGY_FILES, load_ontology
from frkg.reasoning import ReasoningResult, reason
from frkg.rules import UnsupportedAxiom, compile_ontology
from frkg.store import StoreError, open_store, to_rdflib

DOC_GRAPH_PREFIX = str(GRAPH) + "doc/"


@cli.group(name="check")
def check() -> None:
    """Check the ontology or the data in a store; exit status 1 on any failure."""


@check.command(name="ontology")
@click.option("--dir", "directory", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=ONTOLOGY_DIR, show_default=True, help="Folder holding frkg.ttl and taxonomy.ttl.")
def check_ontology(directory: Path) -> None:
    """Parse the ontology, run HermiT (consistency, unsatisfiable classes),
    compile the OWL 2 RL rules and lint it against the OOPS! pitfalls."""
    try:
        ontology = load_ontology(directory)
    except Exception as error:  # rdflib raises several parser error types
        raise click.ClickException(f"cannot parse the ontology in {directory}: {error}") from error
    click.echo(f"parsed {', '.join(ONTOLOGY_FILES)} from {directory}: {len(ontology)} triples")
    failures = _hermit_failures(ontology) + _rule_failures(ontology) + _lint_failures(ontology)
    if failures:
        click.echo(f"FAILED: {len(failures)} problem(s)", err=True)
        for failure in failures:
            click.echo(f"  {failure}", err=True)
        raise SystemExit(1)
    click.echo("ontology OK")


def _hermit_failures(ontology: Graph) -> list[str]:
    result = run_hermit(ontology)
    if result.error:
        return [result.error]
    if not result.consistent:
        return ["HermiT: the ontology is inconsistent: check disjointness axioms against the "
                "individuals of taxonomy.ttl and the defined classes"]
    click.echo(f"HermiT: consistent, {len(result.unsatisfiable)} unsatisfiable classes")
    return [f"HermiT: unsatisfiable class {iri}" for iri in result.unsatisfiable]


def _rule_failures(ontology: Graph) -> list[str]:
    try:
        rules = compile_ontology(ontology)
    except UnsupportedAxiom as error:
        return [f"OWL 2 RL rules: {error}"]
    click.echo(f"OWL 2 RL: {rules.size} rules and {len(rules.checks)} consistency checks compiled")
    return []


def _lint_failures(ontology: Graph) -> list[str]:
    report = lint(ontology)
    counted = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    click.echo(f"lint: checked {counted}")
    click.echo(f"lint: pitfalls checked: {', '.join(report.checked)}; found {len(report.pitfalls)}")
    return [str(p) for p in report.pitfalls]


# -- data ---------------------------------------------------------------------------------


def read_document_graphs(store_path: Path) -> Graph:
    """Union of the asserted document graphs (graph/doc/*) of an Oxigraph store."""
    try:
        store = open_store(store_path, read_only=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    asserted = Graph()
    graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(DOC_GRAPH_PREFIX)]
    for graph in tqdm(graphs, desc="reading document graphs", unit="graph", disable=None):
        to_rdflib(store.quads_for_pattern(None, None, None, graph), asserted)
    if not graphs:
        raise click.ClickException(f"the store at {store_path} has no document graphs ({DOC_GRAPH_PREFIX}*)")
    return asserted


def _as_json(result: ReasoningResult) -> str:
    return json.dumps({
        "consistent": result.consistent,
        "explanation": result.explanation,
        "violations": result.violations,
        "shacl_conforms": result.shacl_conforms,
        "shacl_results": result.shacl_summary,
        "shacl_report": result.shacl_report,
        "counts": result.counts,
    }, indent=2)


SHACL_EXAMPLES = 20


def _shacl_text(summary: list[str]) -> list[str]:
    """Results per shape and property, then the first few in full (all of them: --format json)."""
    per_shape = Counter(line.split(": ", 1)[0] for line in summary)
    lines = [f"  {n:6d}  {where}" for where, n in sorted(per_shape.items())]
    lines += [f"  {line}" for line in summary[:SHACL_EXAMPLES]]
    if len(summary) > SHACL_EXAMPLES:
        lines.append(f"  ... {len(summary) - SHACL_EXAMPLES} more (see --format json)")
    return lines


def _as_text(result: ReasoningResult) -> str:
    counts = ", ".join(f"{k}={v}" for k, v in result.counts.items())
    return "\n".join([
        f"checked: {counts}",
        f"consistency: {'OK' if result.consistent else 'FAILED'}",
        result.explanation,
        f"SHACL: {'conforms' if result.shacl_conforms else 'FAILED'}",
        *_shacl_text(result.shacl_summary),
    ])


@check.command(name="data")
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path),
              help="Folder of the Oxigraph store (opened read-only).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format.")
def check_data(store_path: Path, output_format: str) -> None:
    """Reason over the asserted document graphs of a store: consistency and SHACL."""
    result = reason(read_document_graphs(store_path))
    click.echo(_as_json(result) if output_format == "json" else _as_text(result))
    if not (result.consistent and result.shacl_conforms):
        raise SystemExit(1)
