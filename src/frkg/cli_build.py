"""Commands that write or dump a store: ``frkg build``, ``frkg ingest``, ``frkg export``."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

import requests

from frkg.cli import cli
from frkg.errors import FrkgError
from frkg.links import ReviewFileError
from frkg.remote import RemoteQueryError
from frkg.store import StoreError

# Errors caused by input, configuration or the environment: reported as one clear line, no traceback.
USER_ERRORS = (FrkgError, StoreError, ReviewFileError, RemoteQueryError, requests.RequestException, OSError)


@cli.command("build")
@click.option("--corpus", "corpus_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of documents (.txt, .md, .html; metadata in front matter or <file>.meta.yaml).")
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path),
              help="Store directory to (re)create; replaced atomically when the build succeeds.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: one per core).")
@click.option("--target", default=None, metavar="URL",
              help="Also upload the finished store to this SPARQL endpoint (Graph Store Protocol).")
@click.option("--graph-store", "graph_store_url", default=None, metavar="URL",
              help="Graph Store Protocol URL of the target (default: TARGET + '-graph-crud-auth', Virtuoso's).")
@click.option("--target-user", envvar="FRKG_TARGET_USER", default=None,
              help="User for the target (HTTP digest); env FRKG_TARGET_USER.")
@click.option("--target-password", envvar="FRKG_TARGET_PASSWORD", default=None,
              help="Password for the target; env FRKG_TARGET_PASSWORD (keeps it off the command line).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build_command(corpus_dir: Path, store_path: Path, workers: int | None, target: str | None,
                  graph_store_url: str | None, target_user: str | None, target_password: str | None,
                  quiet: bool) -> None:
    """Build a fresh store from every document in CORPUS: extract, reason, validate, write."""
    from frkg.build import build_store, report_path

    auth = (target_user, target_password or "") if target_user else None
    try:
        report = build_store(corpus_dir, store_path, workers=workers, target=target, progress=not quiet,
                             graph_store_url=graph_store_url, auth=auth)
    except USER_ERRORS as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary_table(report))
    click.echo(f"report: {report_path(store_path)}")


@cli.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path),
              help="Existing store directory (made by `frkg build`).")
def ingest_command(files: tuple[Path, ...], store_path: Path) -> None:
    """Add FILES to an existing store; content already in the store is skipped."""
    from frkg.ingest import ingest_files

    try:
        report = ingest_files(files, store_path)
    except USER_ERRORS as exc:
        raise click.ClickException(str(exc)) from exc
    for entry in report.added:
        click.echo(f"added      {entry['file']} (doc {entry['doc_id']})")
    for entry in report.unchanged:
        click.echo(f"unchanged  {entry['file']} (doc {entry['doc_id']} already in the store)")
    for warning in report.warnings:
        click.echo(f"warning    {warning}", err=True)
    click.echo(f"triples: {report.triples_before} -> {report.triples_after}")


@cli.command("export")
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path), help="Store directory.")
@click.option("--format", "fmt", required=True, type=click.Choice(["nquads", "trig", "turtle", "jsonld"]),
              help="nquads/trig/jsonld: every graph; turtle: the default (union) graph.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout). A VoID/DCAT description is written beside it.")
def export_command(store_path: Path, fmt: str, output: Path | None) -> None:
    """Dump the store in an RDF format."""
    from frkg.export import export_store

    try:
        void = export_store(store_path, fmt, output)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    except USER_ERRORS as exc:
        raise click.ClickException(str(exc)) from exc
    if void:
        click.echo(f"wrote {output} and {void}", err=True)


def summary_table(report) -> str:
    """The build summary: documents, sentences, entities and facts by type, warnings."""
    rows: list[tuple[str, object]] = [("documents", len(report.documents)), ("sentences", report.sentences)]
    rows.append(("entities", sum(report.entities_by_type.values())))
    rows += [(f"  {kind}", n) for kind, n in report.entities_by_type.items()]
    rows.append(("facts", sum(report.facts_by_type.values())))
    rows += [(f"  {kind}", n) for kind, n in report.facts_by_type.items()]
    rows += [("evidence", report.evidence), ("triples", report.triples_by_graph.get("", 0)),
             ("warnings", len(report.warnings))]
    width = max(len(name) for name, _ in rows)
    lines = [f"built {report.store} (build {report.build_id[:12]}, {report.timings.get('total', 0):.1f} s)"]
    lines += [f"{name:<{width}}  {value:>8}" for name, value in rows]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)
