"""The curated gazetteer (``data/gazetteer.yaml``) plus generated country names.

Loaded once per process.  Names of countries, organisations and people are
matched case-sensitively ("US" is not "us"); concepts (technologies,
applications, concern types, groups) case-insensitively.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from frkg.countries import country_label, country_names, demonyms
from frkg.errors import GazetteerError

CONCEPT_TYPES = frozenset({"Technology", "Application", "ConcernType", "Group"})
ORG_TYPES = frozenset({"Firm", "GovernmentBody", "Administration", "Legislature",
                       "ResearchOrganization", "ThinkTank", "PoliceDepartment",
                       "CivilSocietyOrganization", "Organization"})
ENTITY_TYPES = ORG_TYPES | CONCEPT_TYPES | {"Country", "Person", "Study", "Place"}
KEY_PREFIX = {"Country": "country/", "Person": "person/", "Group": "group/",
              "Technology": "technology/", "Application": "application/",
              "ConcernType": "concern-type/", "Study": "study/", "Place": "place/"}


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: key, ontology type, label, aliases, home country."""

    key: str
    entity_type: str
    label: str
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Gazetteer entries by key, validated."""
    text = resources.files("frkg").joinpath("data/gazetteer.yaml").read_text(encoding="utf-8")
    out: dict[str, Entry] = {}
    for i, raw in enumerate(yaml.safe_load(text)["entities"]):
        entry = _entry(i, raw)
        if entry.key in out:
            raise GazetteerError(f"gazetteer entry {i}: duplicate key {entry.key!r}")
        out[entry.key] = entry
    return out


@lru_cache(maxsize=1)
def country_entries() -> dict[str, Entry]:
    """Country entries generated from pycountry, by key ``country/XX``."""
    names: dict[str, list[str]] = {}
    for name, code in country_names().items():
        names.setdefault(code, []).append(name)
    return {f"country/{code}": Entry(f"country/{code}", "Country", country_label(code),
                                     tuple(sorted(set(forms) - {country_label(code)})), code)
            for code, forms in names.items()}


@lru_cache(maxsize=1)
def name_index() -> dict[str, Entry]:
    """Exact written name -> entry, for names found by context patterns."""
    index: dict[str, Entry] = {}
    for entry in (*country_entries().values(), *entries().values()):
        for name in entry.names:
            index.setdefault(name, entry)
    return index


@lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Demonym -> country key."""
    return {form: f"country/{code}" for form, code in demonyms().items()}


def lookup(name: str) -> Entry | None:
    """The entry whose label or alias is ``name`` (exact, or case-folded for concepts)."""
    entry = name_index().get(name)
    if entry is None:
        entry = _concept_index().get(name.lower())
    return entry


@lru_cache(maxsize=1)
def _concept_index() -> dict[str, Entry]:
    return {name.lower(): e for e in entries().values() if e.entity_type in CONCEPT_TYPES
            for name in e.names}


def _entry(i: int, raw: object) -> Entry:
    if not isinstance(raw, dict) or not {"key", "type", "label"} <= raw.keys():
        raise GazetteerError(f"gazetteer entry {i}: needs key, type and label, got {raw!r}")
    if raw["type"] not in ENTITY_TYPES:
        raise GazetteerError(f"gazetteer entry {i} ({raw['key']}): unknown type {raw['type']!r}; "
                             f"use one of {sorted(ENTITY_TYPES)}")
    prefix = KEY_PREFIX.get(raw["type"], "org/")
    if not str(raw["key"]).startswith(prefix):
        raise GazetteerError(f"gazetteer entry {i}: key {raw['key']!r} of a {raw['type']} "
                             f"must start with {prefix!r}")
    return Entry(str(raw["key"]), str(raw["type"]), str(raw["label"]),
                 tuple(str(a) for a in raw.get("aliases", ())), raw.get("country"))
