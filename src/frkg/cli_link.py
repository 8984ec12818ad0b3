"""``frkg link``: propose, list, approve and reject links to Wikidata and DBpedia.

The review file (``links/review.csv``) is the single place links live; this
command only ever adds proposed rows or moves a row between states, so every
change is visible in the file's diff.
"""
from __future__ import annotations

import getpass
from pathlib import Path

import click

from frkg.cli import cli
from frkg.links import STATUSES, LinkRow, ReviewFileError, default_review_path, read_review, set_status, write_review
from frkg.reconcile import MIN_SCORE, PROFILES, TYPES, Subject, TargetProfile, propose, subjects_from_store
from frkg.reconcile_client import PoliteSparqlClient, RemoteSparqlError, user_agent


@cli.command("link")
@click.option("--endpoint", metavar="URL", help="SPARQL endpoint to ask (default: the public service of --target).")
@click.option("--target", type=click.Choice(sorted(PROFILES)), default="wikidata", show_default=True,
              help="Which knowledge base the endpoint holds.")
@click.option("--only", "only", multiple=True, type=click.Choice(TYPES, case_sensitive=False),
              help="Reconcile only entities of this frkg class (repeatable).")
@click.option("--review", type=click.Path(path_type=Path), default=None,
              help="Review file (default: $FRKG_LINKS_REVIEW or links/review.csv).")
@click.option("--store", type=click.Path(path_type=Path), default=Path("var/store"), show_default=True,
              help="Built store whose entities are reconciled.")
@click.option("--cache", type=click.Path(path_type=Path), default=Path("var/link-cache"), show_default=True,
              help="On-disk cache of answers, so a rerun asks nothing twice.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=MIN_SCORE, show_default=True,
              help="Lowest score written as a proposal.")
@click.option("--pause", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Seconds between two requests to the endpoint.")
@click.option("--retries", type=click.IntRange(1, 10), default=4, show_default=True,
              help="Attempts per query before giving up (429, 5xx, timeouts).")
@click.option("--backoff", type=click.FloatRange(0), default=2.0, show_default=True,
              help="First wait in seconds after a 5xx or timeout; doubled on each retry.")
@click.option("--contact", envvar="FRKG_CONTACT", help="E-mail or URL added to the User-Agent (or $FRKG_CONTACT).")
@click.option("--approve", "approve_id", metavar="ID", help="Mark link ID verified (it enters the graph).")
@click.option("--reject", "reject_id", metavar="ID", help="Mark link ID rejected.")
@click.option("--list", "list_links", is_flag=True, help="List the links in the review file with their ids.")
@click.option("--status", "status_filter", type=click.Choice(STATUSES), help="With --list: only this status.")
@click.option("--analyst", default=getpass.getuser, show_default="current user",
              help="Who approves or rejects (recorded in the review file).")
def link(endpoint: str | None, target: str, only: tuple[str, ...], review: Path | None, store: Path,
         cache: Path, min_score: float, pause: float, retries: int, backoff: float, contact: str | None,
         approve_id: str | None, reject_id: str | None, list_links: bool, status_filter: str | None,
         analyst: str) -> None:
    """Propose links for unlinked entities, or review them (--list, --approve, --reject).

    Without --approve/--reject/--list, asks the endpoint for candidates for every
    entity of the store that has no verified or proposed link yet, and writes them
    to the review file as proposed.  Only verified links enter the graph
    (at the next `frkg build`).
    """
    review = review or default_review_path()
    rows = _read(review)
    if approve_id or reject_id:
        _review(rows, review, approve_id, reject_id, analyst)
    elif list_links:
        _print_rows([r for r in rows if status_filter in (None, r.status)])
    else:
        profile = PROFILES[target]
        client = PoliteSparqlClient(endpoint or profile.default_endpoint, cache, agent=user_agent(contact),
                                    pause=pause, max_attempts=retries, backoff=backoff)
        _reconcile(rows, review, store, client, profile, {t.lower() for t in only}, min_score)


def _read(review: Path) -> list[LinkRow]:
    try:
        return read_review(review)
    except ReviewFileError as err:
        raise click.ClickException(str(err)) from err


def _review(rows: list[LinkRow], review: Path, approve_id: str | None, reject_id: str | None, analyst: str) -> None:
    if approve_id and reject_id:
        raise click.UsageError("give --approve or --reject, not both")
    link_id, status = (approve_id, "verified") if approve_id else (reject_id, "rejected")
    try:
        updated = set_status(rows, link_id, status, analyst)
    except KeyError as err:
        raise click.ClickException(err.args[0]) from err
    _validated_write(updated, review)
    changed = [new for old, new in zip(rows, updated) if old != new]
    for row in changed:
        click.echo(f"{row.id} {row.status}: {row.entity_key} -> {row.target_iri}")


def _reconcile(rows: list[LinkRow], review: Path, store: Path, client: PoliteSparqlClient, profile: TargetProfile,
               only: set[str], min_score: float) -> None:
    subjects = [s for s in _subjects(store) if not only or s.frkg_type.lower() in only]
    found: list[LinkRow] = []
    try:
        for row in propose(subjects, rows, client, profile, min_score=min_score, progress=True):
            found.append(row)
    except RemoteSparqlError as err:
        _validated_write(rows + found, review)
        kept = f"kept {len(found)} proposal(s) found before the failure in {review}"
        raise click.ClickException(f"{err}\n{kept}") from err
    _validated_write(rows + found, review)
    stats = client.stats
    click.echo(f"{len(subjects)} entities considered; {stats.requests} request(s) to {client.endpoint}, "
               f"{stats.cache_hits} answered from cache, {stats.retries} retried; "
               f"{len(found)} proposal(s) written to {review}")


def _subjects(store: Path) -> list[Subject]:
    if not store.is_dir():
        raise click.ClickException(f"no store at {store}; build it first: frkg build --corpus corpus --store {store}")
    try:
        return subjects_from_store(store)
    except OSError as err:
        raise click.ClickException(f"cannot read the store at {store} ({err}); rebuild it with frkg build") from err


def _validated_write(rows: list[LinkRow], review: Path) -> None:
    """Write, then read back: a write that produced an invalid file is reported at once."""
    write_review(rows, review)
    _read(review)


def _print_rows(rows: list[LinkRow]) -> None:
    if not rows:
        click.echo("no links")
    for row in rows:
        click.echo(f"{row.id}  {row.status:<8}  {row.target_kind:<8}  {row.score or '-':>5}  "
                   f"{row.entity_key}  {row.target_iri}  ({row.source})")
