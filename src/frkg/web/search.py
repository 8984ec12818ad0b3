"""Search entities by label and alias: ranked, case/accent-insensitive, tolerant of small typos.

The index (labels, aliases and asserted types of every frkg entity) is read
once per build; matching uses rapidfuzz.  ``/search?q=`` renders HTML grouped
by type, ``/search.json?q=`` the same results for scripts.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from flask import Blueprint, abort, request, url_for
from rapidfuzz import fuzz, process

from frkg.app import backend
from frkg.namespaces import ID, INFERRED_GRAPH, key_of
from frkg.web import terms
from frkg.web.cache import per_build
from frkg.web.negotiation import respond

bp = Blueprint("search", __name__)
MAX_QUERY = 200
DEFAULT_LIMIT, MAX_LIMIT = 50, 200
FUZZY_CUTOFF = 80  # rapidfuzz WRatio score (0-100) a typo'd name still reaches

NAMES = terms.PREFIX_SPARQL + f"""
SELECT ?s ?name ?isLabel WHERE {{
  {{ ?s rdfs:label ?name BIND(true AS ?isLabel) }} UNION {{ ?s skos:altLabel ?name BIND(false AS ?isLabel) }}
  FILTER(STRSTARTS(STR(?s), "{ID}"))
}}"""
TYPES = terms.PREFIX_SPARQL + f"""
SELECT ?s ?type WHERE {{
  GRAPH ?g {{ ?s a ?type }} FILTER(?g != <{INFERRED_GRAPH}>) FILTER(STRSTARTS(STR(?s), "{ID}"))
}}"""
# Provenance nodes are reachable from the pages of what they support; they are not search hits.
NOT_SEARCHED = {terms.FRKG_NS + n for n in ("Sentence", "Mention", "Evidence")}


@dataclass(frozen=True)
class Entry:
    """One entity in the index."""

    iri: str
    label: str
    names: tuple[str, ...]
    type: str


@dataclass(frozen=True)
class Index:
    """Entries plus one normalised string per (entry, name) pair for rapidfuzz."""

    entries: tuple[Entry, ...]
    keys: tuple[str, ...]
    owners: tuple[int, ...]


def normalise(text: str) -> str:
    """Case- and accent-insensitive form: ``Société`` -> ``societe``; curly quotes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@per_build
def search_index(b) -> Index:
    """Build the index from the store's labels, aliases and asserted types."""
    names: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for row in b.select(NAMES):
        names[row["s"].value].append((row["name"].value, row["isLabel"].value == "true"))
    types: dict[str, list[str]] = defaultdict(list)
    for row in b.select(TYPES):
        types[row["s"].value].append(row["type"].value)
    entries, keys, owners = [], [], []
    for iri, found in names.items():
        classes = sorted(t for t in types.get(iri, []) if t.startswith(terms.FRKG_NS))
        if any(t in NOT_SEARCHED for t in classes):
            continue
        label = min((n for n, is_label in found if is_label), default=found[0][0], key=len)
        all_names = tuple(dict.fromkeys(n for n, _ in found))
        entries.append(Entry(iri, label, all_names, classes[0] if classes else ""))
        for name in all_names:
            keys.append(normalise(name))
            owners.append(len(entries) - 1)
    return Index(tuple(entries), tuple(keys), tuple(owners))


def search(b, query: str, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """Ranked hits: exact name, then prefix, then substring, then fuzzy matches."""
    index = search_index(b)
    needle = normalise(query)
    if not needle:
        return []
    best: dict[int, tuple[float, str]] = {}
    for i, key in enumerate(index.keys):
        score = _literal_score(needle, key)
        if score:
            _keep(best, index.owners[i], score, index.entries[index.owners[i]].names[0])
    for key, score, i in process.extract(needle, index.keys, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF,
                                         limit=limit * 4):
        _keep(best, index.owners[i], score * 0.8, key)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], index.entries[kv[0]].label.casefold()))[:limit]
    return [_hit(b, index.entries[i], score) for i, (score, _) in ranked]


def _literal_score(needle: str, key: str) -> float:
    if key == needle:
        return 100.0
    if key.startswith(needle):
        return 95.0 - min(len(key) - len(needle), 10) * 0.1
    if f" {needle}" in f" {key}":
        return 88.0
    if needle in key:
        return 82.0
    return 0.0


def _keep(best: dict[int, tuple[float, str]], owner: int, score: float, name: str) -> None:
    if score > best.get(owner, (0.0, ""))[0]:
        best[owner] = (score, name)


def _hit(b, entry: Entry, score: float) -> dict:
    return {"iri": entry.iri, "label": entry.label, "aliases": [n for n in entry.names if n != entry.label],
            "href": url_for("entity.page", key=key_of(entry.iri)), "score": round(score, 1),
            "type": {"iri": entry.type, "label": terms.term_label(b, entry.type) if entry.type else "other",
                     "href": terms.href_for(entry.type) if entry.type else None}}


def group_by_type(hits: list[dict]) -> list[dict]:
    """Hits grouped by type, groups ordered by their best hit."""
    groups: dict[str, dict] = {}
    for hit in hits:
        group = groups.setdefault(hit["type"]["label"], {"type": hit["type"], "hits": []})
        group["hits"].append(hit)
    return list(groups.values())


@bp.get("/search")
@bp.get("/search.<fmt>")
def page(fmt: str = "html"):
    """Search results page (``/search``) or its JSON twin (``/search.json``)."""
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY:
        abort(400, description=f"The search text is {len(query)} characters long; keep it under {MAX_QUERY}.")
    limit = request.args.get("limit", str(DEFAULT_LIMIT))
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
        abort(400, description=f"limit must be a whole number from 1 to {MAX_LIMIT}, not “{limit}”.")
    hits = search(backend(), query, int(limit)) if query.strip() else []
    data = {"query": query, "count": len(hits), "hits": hits, "groups": group_by_type(hits)}
    twins = {"json": url_for("search.page", fmt="json", q=query)}
    return respond(fmt, "search.html", data, twins=twins)
