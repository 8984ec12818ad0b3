"""Propose Wikidata or DBpedia candidates for frkg entities that are not linked yet.

For each unlinked entity the endpoint is asked, in one query, for items whose
label or alias equals one of the entity's names, with their types and country.
Candidates whose types are known and incompatible with the entity's class are
dropped (a town called China is not the country); the rest are scored on
name, type and context (a firm's country must agree with the verified link of
the frkg country) and written to the review file as *proposed*.  Nothing is
published until an analyst approves it (``frkg link --approve ID``).

Untrusted names never enter query text raw: they are written as escaped RDF
literals in a VALUES block, the same way rdflib's SPARQLStore binds
``initBindings`` for remote endpoints.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from tqdm import tqdm

from frkg.links import LinkRow, new_row
from frkg.namespaces import FRKG, ID, key_of
from frkg.reconcile_client import PoliteSparqlClient

WDQS = "https://query.wikidata.org/sparql"
DBPEDIA = "https://dbpedia.org/sparql"
WD = "http://www.wikidata.org/entity/"
DBO = "http://dbpedia.org/ontology/"
MIN_SCORE = 0.6
MAX_CANDIDATES = 3
WEIGHTS = {"name": 0.5, "type": 0.3, "context": 0.2}

# Wikidata classes an item must be an instance of (through subclass-of) to
# be a candidate for an frkg class; frkg classes not listed are not reconciled
# because without a type constraint a name match is too weak to propose.
WIKIDATA_CLASSES: dict[str, tuple[str, ...]] = {
    "Country": ("Q3624078", "Q6256"),  # sovereign state, country
    "Firm": ("Q4830453", "Q783794"),  # business, company
    "Person": ("Q5",),  # human
    "ThinkTank": ("Q43229",),  # organization
    "ResearchOrganization": ("Q3918", "Q43229"),  # university, organization
    "Legislature": ("Q43229",),
    "PoliceDepartment": ("Q43229",),
    "GovernmentBody": ("Q43229",),
    "CivilSocietyOrganization": ("Q43229",),
    "Organization": ("Q43229",),
    "Group": ("Q41710",),  # ethnic group
}
DBPEDIA_CLASSES: dict[str, tuple[str, ...]] = {
    "Country": ("Country",),
    "Firm": ("Company",),
    "Person": ("Person",),
    "ThinkTank": ("Organisation",),
    "ResearchOrganization": ("University", "EducationalInstitution", "Organisation"),
    "Legislature": ("Organisation",),
    "PoliceDepartment": ("Organisation",),
    "GovernmentBody": ("Organisation",),
    "CivilSocietyOrganization": ("Organisation",),
    "Organization": ("Organisation",),
    "Group": ("EthnicGroup",),
}
# Subclasses before their superclasses (ontology/frkg.ttl): an entity typed with
# inferred superclasses takes the first, most specific, class listed.
TYPES = tuple(WIKIDATA_CLASSES)

_WIKIDATA_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?item ?name ?via ?itemLabel ?allowed ?anyType ?country WHERE {
  VALUES ?name { %(names)s }
  { ?item rdfs:label ?name . BIND("label" AS ?via) }
  UNION { ?item skos:altLabel ?name . BIND("alias" AS ?via) }
  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
  OPTIONAL { ?item rdfs:label ?itemLabel . FILTER(LANGMATCHES(LANG(?itemLabel), "en")) }
  OPTIONAL { VALUES ?allowed { %(classes)s } ?item wdt:P31/wdt:P279* ?allowed . }
  OPTIONAL { ?item wdt:P31 ?anyType . }
  OPTIONAL { ?item wdt:P17|wdt:P27 ?country . }
}
LIMIT 500"""

_DBPEDIA_QUERY = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dbo: <http://dbpedia.org/ontology/>
SELECT ?item ?name ?via ?itemLabel ?allowed ?anyType ?country WHERE {
  VALUES ?name { %(names)s }
  { ?item rdfs:label ?name . BIND("label" AS ?via) }
  UNION { ?redirect rdfs:label ?name ; dbo:wikiPageRedirects ?item . BIND("alias" AS ?via) }
  FILTER(STRSTARTS(STR(?item), "http://dbpedia.org/resource/"))
  FILTER NOT EXISTS { ?item dbo:wikiPageRedirects ?elsewhere }
  OPTIONAL { ?item rdfs:label ?itemLabel . FILTER(LANGMATCHES(LANG(?itemLabel), "en")) }
  OPTIONAL { VALUES ?allowed { %(classes)s } ?item rdf:type ?allowed . }
  OPTIONAL { ?item rdf:type ?anyType . FILTER(STRSTARTS(STR(?anyType), "http://dbpedia.org/ontology/")) }
  OPTIONAL { ?item dbo:country|dbo:locationCountry ?country . }
}
LIMIT 500"""


@dataclass(frozen=True)
class TargetProfile:
    """How one external knowledge base is asked: endpoint, IRIs, classes, query."""

    kind: str
    default_endpoint: str
    classes: dict[str, tuple[str, ...]]
    query_template: str

    def classes_for(self, frkg_type: str) -> list[URIRef]:
        base = WD if self.kind == "wikidata" else DBO
        return [URIRef(base + local) for local in self.classes[frkg_type]]


PROFILES = {
    "wikidata": TargetProfile("wikidata", WDQS, WIKIDATA_CLASSES, _WIKIDATA_QUERY),
    "dbpedia": TargetProfile("dbpedia", DBPEDIA, DBPEDIA_CLASSES, _DBPEDIA_QUERY),
}


@dataclass(frozen=True)
class Subject:
    """An frkg entity to reconcile: its class, names and (for context) its country."""

    key: str
    frkg_type: str
    label: str
    aliases: tuple[str, ...] = ()
    country_key: str | None = None

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([self.label, *self.aliases]))


@dataclass
class Candidate:
    """An external item found for a subject, with the evidence for scoring it."""

    iri: str
    label: str = ""
    matched: set[tuple[str, str]] = field(default_factory=set)  # (our name, "label"|"alias")
    compatible: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def build_query(profile: TargetProfile, subject: Subject) -> str:
    """The candidate query for one subject; names are escaped literals, never raw text."""
    names = " ".join(Literal(name, lang="en").n3() for name in subject.names)
    classes = " ".join(iri.n3() for iri in profile.classes_for(subject.frkg_type))
    return profile.query_template % {"names": names, "classes": classes}


def find_candidates(client: PoliteSparqlClient, profile: TargetProfile, subject: Subject) -> list[Candidate]:
    """Candidates for ``subject``: name matches of a compatible (or unknown) type."""
    found: dict[str, Candidate] = {}
    for row in client.select(build_query(profile, subject)):
        item = row["item"]["value"]
        cand = found.setdefault(item, Candidate(item))
        cand.matched.add((row["name"]["value"], row["via"]["value"]))
        for var, bucket in (("allowed", cand.compatible), ("anyType", cand.types), ("country", cand.countries)):
            if var in row:
                bucket.add(row[var]["value"])
        if "itemLabel" in row and not cand.label:
            cand.label = row["itemLabel"]["value"]
    return [c for c in found.values() if c.compatible or not c.types]


def score(candidate: Candidate, subject: Subject, expected_country: str | None) -> Candidate:
    """Fill ``candidate.score`` (0..1) and the reasons a reviewer reads in the note."""
    name, why_name = _name_score(candidate, subject)
    kind = 1.0 if candidate.compatible else 0.5
    why_type = f"type {_short(min(candidate.compatible))}" if candidate.compatible else "type unknown"
    context, why_context = _context_score(candidate, expected_country)
    candidate.score = round(WEIGHTS["name"] * name + WEIGHTS["type"] * kind + WEIGHTS["context"] * context, 3)
    candidate.reasons = [why_name, why_type, why_context]
    return candidate


def _name_score(candidate: Candidate, subject: Subject) -> tuple[float, str]:
    if candidate.label.casefold() == subject.label.casefold():
        return 1.0, f"label {candidate.label!r}"
    by_label = sorted(name for name, via in candidate.matched if via == "label")
    if by_label or (subject.label, "alias") in candidate.matched:
        return 0.8, f"name {(by_label or [subject.label])[0]!r}"
    return 0.6, f"alias {sorted(candidate.matched)[0][0]!r}"


def _context_score(candidate: Candidate, expected_country: str | None) -> tuple[float, str]:
    if not expected_country or not candidate.countries:
        return 0.5, "country not compared"
    if expected_country in candidate.countries:
        return 1.0, f"country {_short(expected_country)}"
    found = ", ".join(sorted(_short(c) for c in candidate.countries))
    return 0.0, f"country {found} (expected {_short(expected_country)})"


def _short(iri: str) -> str:
    for base, prefix in ((WD, "wd:"), (DBO, "dbo:"), ("http://dbpedia.org/resource/", "dbr:")):
        if iri.startswith(base):
            return prefix + iri[len(base):]
    return iri


def propose(subjects: Iterable[Subject], rows: list[LinkRow], client: PoliteSparqlClient,
            profile: TargetProfile, today: dt.date | None = None, min_score: float = MIN_SCORE,
            progress: bool = False) -> Iterator[LinkRow]:
    """New proposed rows for subjects without a verified or proposed link of this kind.

    A generator, so a caller can keep what was found before a remote failure.
    """
    today = today or dt.date.today()
    source = f"reconciliation run {today.isoformat()} {client.endpoint}"
    verified = {(r.entity_key, r.target_kind): r.target_iri for r in rows if r.status == "verified"}
    known = {(r.entity_key, r.target_iri) for r in rows}
    pending = [s for s in subjects if s.frkg_type in profile.classes and not any(
        r.entity_key == s.key and r.target_kind == profile.kind and r.status != "rejected" for r in rows)]
    for subject in tqdm(pending, desc=f"reconciling with {profile.kind}", unit="entity", disable=not progress):
        expected = verified.get((subject.country_key, profile.kind)) if subject.country_key else None
        ranked = sorted((score(c, subject, expected) for c in find_candidates(client, profile, subject)),
                        key=lambda c: (-c.score, c.iri))
        keep = [c for c in ranked if c.score >= min_score and (subject.key, c.iri) not in known][:MAX_CANDIDATES]
        for cand in keep:
            note = "; ".join(cand.reasons) + (f"; {len(keep)} candidates" if len(keep) > 1 else "")
            yield new_row(subject.key, subject.label, cand.iri, profile.kind, "proposed",
                          source, score=cand.score, date=today, note=note)


_SUBJECTS_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?type ?label ?alias ?country WHERE {
  ?entity a ?type ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?type), STR(frkg:)) && STRSTARTS(STR(?entity), STR(id:)))
  OPTIONAL { ?entity skos:altLabel ?alias }
  OPTIONAL { ?entity frkg:country ?country }
}"""


def subjects_from_store(store_dir: Path) -> list[Subject]:
    """The entities of a built store that have a class frkg knows how to reconcile."""
    store = ox.Store.read_only(str(store_dir))
    prefixes = {"frkg": str(FRKG), "id": str(ID)}
    seen: dict[str, dict] = {}
    for row in store.query(_SUBJECTS_QUERY, prefixes=prefixes):
        key = key_of(row["entity"].value)
        entry = seen.setdefault(key, {"types": set(), "labels": [], "aliases": set(), "country": None})
        entry["types"].add(row["type"].value[len(str(FRKG)):])
        entry["labels"].append(row["label"].value)
        if row["alias"] is not None:
            entry["aliases"].add(row["alias"].value)
        if row["country"] is not None:
            entry["country"] = key_of(row["country"].value)
    return [s for key, entry in sorted(seen.items()) if (s := _subject(key, entry))]


def _subject(key: str, entry: dict) -> Subject | None:
    frkg_type = next((t for t in TYPES if t in entry["types"]), None)
    if frkg_type is None:
        return None
    label = sorted(entry["labels"])[0]
    aliases = tuple(sorted(set(entry["labels"]) - {label} | entry["aliases"]))
    return Subject(key, frkg_type, label, aliases, entry["country"])

