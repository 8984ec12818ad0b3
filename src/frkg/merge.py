"""Merge the extractions of many documents: one entity per key, one fact per fact key.

Evidence accumulates; roles outside a fact's identity are united; a value
outside the identity that two sources give differently is kept from the first
source and the disagreement is reported in ``Merged.warnings`` (identifying
values such as deal counts never merge: they make two facts).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from frkg.model import Entity, Evidence, Extraction, Fact


@dataclass
class Merged:
    """Entities and facts of a whole corpus, each fact with all its evidence."""

    entities: list[Entity]
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)


def merge_extractions(extractions: list[Extraction]) -> Merged:
    """Merge entities by key and facts by :func:`frkg.identity.fact_key`."""
    entities: dict[str, Entity] = {}
    facts: dict[str, Fact] = {}
    warnings: list[str] = []
    for extraction in extractions:
        for entity in extraction.entities:
            entities[entity.key] = merge_entity(entities[entity.key], entity) \
                if entity.key in entities else entity
        for item in extraction.facts:
            key = item.key
            if key in facts:
                warnings += _merge_fact_into(facts[key], item)
            else:
                facts[key] = _copy(item)
    return Merged(sorted(entities.values(), key=lambda e: e.key),
                  sorted(facts.values(), key=lambda f: f.key), warnings)


def merge_entity(a: Entity, b: Entity) -> Entity:
    """Same key: keep ``a``'s type and label, unite aliases and attributes."""
    entity_type = a.entity_type if a.entity_type != "Organization" else b.entity_type
    aliases = tuple(sorted(set(a.aliases) | set(b.aliases) | ({b.label} - {a.label})))
    attributes = dict(b.attributes)
    attributes.update(dict(a.attributes))
    ids = tuple(sorted(set(a.external_ids) | set(b.external_ids)))
    return Entity(a.key, entity_type, a.label, aliases, tuple(sorted(attributes.items())), ids)


def _copy(item: Fact) -> Fact:
    return Fact(item.kind, dict(item.roles), dict(item.values), list(item.evidence), item.subject)


def _merge_fact_into(target: Fact, item: Fact) -> list[str]:
    warnings: list[str] = []
    seen = {(e.doc_id, e.start, e.end, e.rule) for e in target.evidence}
    target.evidence.extend(e for e in item.evidence if (e.doc_id, e.start, e.end, e.rule) not in seen)
    for role, keys in item.roles.items():
        target.roles[role] = tuple(dict.fromkeys(target.roles.get(role, ()) + tuple(keys)))
    for name, value in item.values.items():
        if name not in target.values:
            target.values[name] = value
        elif target.values[name] != value and not _same_text(target.values[name], value):
            warnings.append(f"{target.key}: {name} is {target.values[name]!r} in "
                            f"{_where(target.evidence[0])} but {value!r} in {_where(item.evidence[0])}; "
                            f"kept the first")
    return warnings


def _same_text(a: object, b: object) -> bool:
    return isinstance(a, str) and isinstance(b, str) and " ".join(a.lower().split()) == " ".join(b.lower().split())


def _where(evidence: Evidence) -> str:
    return f"doc {evidence.doc_id} sentence {evidence.sentence_index}"
