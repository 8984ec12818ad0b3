"""Links from frkg entities to Wikidata and DBpedia, kept as reviewable data.

A wrong link silently merges two things, so every link lives in a review file
(``links/review.csv``) that an analyst can read and edit by hand: one row per
(entity, external IRI) with its status (verified, proposed, rejected), the
citation it rests on, a score and a date.  Only verified rows enter the graph,
as ``skos:exactMatch`` plus a link node that keeps the row's provenance
queryable (see docs/linking.md).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from frkg.errors import FrkgError
from frkg.identity import short_hash
from frkg.namespaces import DBR, FRKG, ID, PREFIXES, WD, iri_for

STATUSES = ("verified", "proposed", "rejected")
TARGET_PREFIX = {"wikidata": str(WD), "dbpedia": str(DBR)}
REVIEW_ENV = "FRKG_LINKS_REVIEW"
_ENTITY_KEY = re.compile(r"^[a-z][a-z-]*/[A-Za-z0-9][A-Za-z0-9._/-]*$")
_TARGET_LOCAL = {"wikidata": re.compile(r"^Q[1-9][0-9]*$"), "dbpedia": re.compile(r"^[^\s<>\"{}|^`\\/]+$")}


class ReviewFileError(FrkgError, ValueError):
    """The review file cannot be used as it is; the message lists every problem with its fix."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s) in the link review file:\n{listed}")


@dataclass(frozen=True)
class LinkRow:
    """One reviewed (or to-be-reviewed) link; field order is the CSV column order."""

    id: str
    entity_key: str
    label: str
    target_iri: str
    target_kind: str
    status: str
    source: str
    score: str
    date: str
    reviewer: str
    note: str

    @property
    def iri(self) -> URIRef:
        """IRI of the link node that carries this row's provenance in the graph."""
        return ID[f"link/{self.id}"]


COLUMNS = tuple(f.name for f in fields(LinkRow))
REQUIRED = ("entity_key", "target_iri", "target_kind", "status", "source", "date")


def link_id(entity_key: str, target_iri: str) -> str:
    """Stable id of a link: the same entity and target always give the same id."""
    return short_hash("link", entity_key, target_iri)


def new_row(entity_key: str, label: str, target_iri: str, target_kind: str, status: str,
            source: str, score: float | None = None, date: dt.date | None = None,
            reviewer: str = "", note: str = "") -> LinkRow:
    """A row with its id computed and its score and date formatted as the file writes them."""
    return LinkRow(
        id=link_id(entity_key, target_iri), entity_key=entity_key, label=label,
        target_iri=target_iri, target_kind=target_kind, status=status, source=source,
        score="" if score is None else f"{score:.3f}", date=(date or dt.date.today()).isoformat(),
        reviewer=reviewer, note=note,
    )


def default_review_path() -> Path:
    """``$FRKG_LINKS_REVIEW`` or the project's ``links/review.csv``."""
    configured = os.environ.get(REVIEW_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "links" / "review.csv"


def read_review(path: Path | None = None) -> list[LinkRow]:
    """Read and validate the review file; raise :class:`ReviewFileError` listing every problem."""
    path = Path(path or default_review_path())
    if not path.is_file():
        raise ReviewFileError(path, [f"{path}: file not found; fix: create it with the header "
                                     f"{','.join(COLUMNS)} or set {REVIEW_ENV}"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReviewFileError(path, [f"{path}: not UTF-8 ({err}); fix: save the file as UTF-8"]) from err
    rows, problems = _parse(path, text)
    problems += _cross_row_problems(path, rows)
    if problems:
        raise ReviewFileError(path, problems)
    return [row for _, row in rows]


def write_review(rows: Iterable[LinkRow], path: Path | None = None) -> Path:
    """Write rows in a stable order (small diffs under review); atomic, so a crash loses nothing."""
    path = Path(path or default_review_path())
    ordered = sorted(rows, key=lambda r: (r.entity_key, r.target_kind, STATUSES.index(r.status), r.target_iri))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(asdict(row) for row in ordered)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(tmp, path)
    return path


def find_row(rows: list[LinkRow], id_or_prefix: str) -> LinkRow:
    """The row whose id is ``id_or_prefix`` or starts with it (at least 6 characters, unambiguous)."""
    wanted = id_or_prefix.strip().lower()
    matches = [r for r in rows if r.id == wanted] or (
        [r for r in rows if r.id.startswith(wanted)] if len(wanted) >= 6 else [])
    if len(matches) != 1:
        why = "no link has" if not matches else f"{len(matches)} links have"
        raise KeyError(f"{why} the id {id_or_prefix!r}; fix: copy an id from `frkg link --list`")
    return matches[0]


def set_status(rows: list[LinkRow], id_or_prefix: str, status: str, reviewer: str,
               today: dt.date | None = None) -> list[LinkRow]:
    """Rows after moving one link to ``status``.

    Approving a link rejects the entity's other candidates of the same kind:
    one entity has at most one verified Wikidata and one verified DBpedia link.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    chosen = find_row(rows, id_or_prefix)
    date = (today or dt.date.today()).isoformat()
    updated = []
    for row in rows:
        if row.id == chosen.id:
            row = replace(row, status=status, reviewer=reviewer, date=date)
        elif status == "verified" and (row.entity_key, row.target_kind) == (chosen.entity_key, chosen.target_kind) \
                and row.status != "rejected":
            note = f"superseded by {chosen.id}" + (f"; {row.note}" if row.note else "")
            row = replace(row, status="rejected", reviewer=reviewer, date=date, note=note)
        updated.append(row)
    return updated


def approved_links_graph(review_file: Path | None = None) -> Graph:
    """Verified links as ``skos:exactMatch``, each with a link node holding its provenance.

    This is the content of ``graph/links``; proposed and rejected rows stay out
    of the graph so that no unreviewed link is ever published.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for row in read_review(review_file):
        if row.status == "verified":
            _add_link(graph, row)
    return graph


def _add_link(graph: Graph, row: LinkRow) -> None:
    subject, target, node = iri_for(row.entity_key), URIRef(row.target_iri), row.iri
    graph.add((subject, SKOS.exactMatch, target))
    graph.add((node, RDF.type, FRKG.ExternalLink))
    graph.add((node, FRKG.linkSubject, subject))
    graph.add((node, FRKG.linkTarget, target))
    graph.add((node, FRKG.linkStatus, Literal(row.status)))
    graph.add((node, FRKG.linkTargetKind, Literal(row.target_kind)))
    graph.add((node, DCTERMS.source, Literal(row.source)))
    graph.add((node, DCTERMS.date, Literal(row.date, datatype=XSD.date)))
    if row.score:
        graph.add((node, FRKG.linkScore, Literal(Decimal(row.score))))
    if row.reviewer:
        graph.add((node, DCTERMS.contributor, Literal(row.reviewer)))
    if row.note:
        graph.add((node, RDFS.comment, Literal(row.note)))


# -- validation ---------------------------------------------------------------

def _parse(path: Path, text: str) -> tuple[list[tuple[int, LinkRow]], list[str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        return [], [f"{path}:1: header {','.join(header)!r}: "
                    + (f"missing {', '.join(missing)}; " if missing else "")
                    + (f"unknown {', '.join(unknown)}; " if unknown else "")
                    + f"fix: use the columns {','.join(COLUMNS)}"]
    rows: list[tuple[int, LinkRow]] = []
    problems: list[str] = []
    for record in reader:
        line = reader.line_num
        if None in record:
            problems.append(f"{path}:{line}: more cells than columns; fix: quote cells that contain commas")
            continue
        values = {c: (record.get(c) or "").strip() for c in COLUMNS}
        if not any(values.values()):
            continue
        row_problems = _row_problems(values)
        problems += [f"{path}:{line}: {p}" for p in row_problems]
        if not row_problems:
            values["id"] = values["id"] or link_id(values["entity_key"], values["target_iri"])
            rows.append((line, LinkRow(**values)))
    return rows, problems


def _row_problems(v: dict[str, str]) -> list[str]:
    problems = []
    for column in REQUIRED:
        if not v[column]:
            problems.append(f"column {column} is empty; fix: fill it in (see docs/linking.md)")
    if problems:
        return problems
    if not _ENTITY_KEY.match(v["entity_key"]):
        problems.append(f"entity_key {v['entity_key']!r} is not an frkg entity key; "
                        "fix: write the key below https://w3id.org/frkg/id/, e.g. country/CN")
    problems += _target_problems(v["target_iri"], v["target_kind"])
    if v["status"] not in STATUSES:
        problems.append(f"status {v['status']!r} is unknown; fix: use one of {', '.join(STATUSES)}")
    problems += _score_problems(v["score"]) + _date_problems(v["date"])
    expected = link_id(v["entity_key"], v["target_iri"])
    if v["id"] and v["id"] != expected and not problems:
        problems.append(f"id {v['id']!r} does not belong to this entity and target (expected {expected}); "
                        "fix: empty the id cell and frkg recomputes it")
    return problems


def _target_problems(iri: str, kind: str) -> list[str]:
    if kind not in TARGET_PREFIX:
        return [f"target_kind {kind!r} is unknown; fix: use one of {', '.join(TARGET_PREFIX)}"]
    prefix = TARGET_PREFIX[kind]
    local = iri[len(prefix):] if iri.startswith(prefix) else None
    if local is None or not _TARGET_LOCAL[kind].match(local):
        example = f"{prefix}Q148" if kind == "wikidata" else f"{prefix}China"
        return [f"target_iri {iri!r} is not a {kind} entity IRI; fix: write the full IRI, e.g. {example}"]
    return []


def _score_problems(score: str) -> list[str]:
    if not score:
        return []
    try:
        value = Decimal(score)
    except InvalidOperation:
        value = None
    if value is None or not Decimal(0) <= value <= Decimal(1):
        return [f"score {score!r} is not a number between 0 and 1; fix: write e.g. 0.85 or leave it empty"]
    return []


def _date_problems(date: str) -> list[str]:
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return [f"date {date!r} is not an ISO date; fix: write YYYY-MM-DD"]
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return [f"date {date!r} is not an ISO date; fix: write YYYY-MM-DD"]
    return []


def _cross_row_problems(path: Path, rows: list[tuple[int, LinkRow]]) -> list[str]:
    """Duplicates and contradictions that would merge distinct things."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    verified_kind: dict[tuple[str, str], int] = {}
    verified_target: dict[str, tuple[int, str]] = {}
    for line, row in rows:
        if row.id in seen:
            problems.append(f"{path}:{line}: {row.entity_key} -> {row.target_iri} repeats line {seen[row.id]}; "
                            "fix: keep one of the two rows")
        seen.setdefault(row.id, line)
        if row.status != "verified":
            continue
        kind_key = (row.entity_key, row.target_kind)
        if kind_key in verified_kind:
            problems.append(f"{path}:{line}: {row.entity_key} has a second verified {row.target_kind} link "
                            f"(first on line {verified_kind[kind_key]}); fix: reject one of them")
        verified_kind.setdefault(kind_key, line)
        other = verified_target.get(row.target_iri)
        if other and other[1] != row.entity_key:
            problems.append(f"{path}:{line}: {row.target_iri} is also verified for {other[1]} (line {other[0]}); "
                            "two frkg entities cannot match one external entity; fix: reject the wrong one")
        verified_target.setdefault(row.target_iri, (line, row.entity_key))
    return problems
