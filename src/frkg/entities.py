"""Turn mentions into entities: one per key, with type, label, aliases, attributes."""
from __future__ import annotations

from collections import Counter, defaultdict

from frkg import gazetteer as gz
from frkg.mentions import MentionResult
from frkg.model import Entity, Value

# When patterns disagree on an entity's type, the more specific class wins.
_GENERIC_TYPES = ("Organization",)
DEFINITE_RULE = "coref:definite"


def build_entities(result: MentionResult, extra: dict[str, Entity] | None = None) -> list[Entity]:
    """Entities for every key mentioned, plus ``extra`` ones facts introduced."""
    by_key: dict[str, list] = defaultdict(list)
    for mention in result.mentions:
        if mention.rule != DEFINITE_RULE:  # "the company" is no name of the firm
            by_key[mention.key].append(mention)
    entities = {key: _entity(key, mentions, result) for key, mentions in by_key.items()}
    for key, entity in (extra or {}).items():
        entities.setdefault(key, entity)
    return sorted(entities.values(), key=lambda e: e.key)


def _entity(key: str, mentions: list, result: MentionResult) -> Entity:
    entry = gz.entries().get(key) or gz.country_entries().get(key)
    types = Counter(m.entity_type for m in mentions)
    entity_type = entry.entity_type if entry else _best_type(types)
    label = entry.label if entry else result.labels.get(key) or _longest_text(mentions)
    aliases = tuple(sorted({" ".join(m.text.split()) for m in mentions} - {label}))
    attributes: dict[str, Value] = {}
    if entry and entry.country and key != f"country/{entry.country}":
        attributes[home_property(entity_type)] = f"country/{entry.country}"
    if entity_type == "Country":
        attributes["isoCode"] = key.split("/", 1)[1]
    attributes.update(result.attributes.get(key, {}))
    return Entity(key, entity_type, label, aliases, tuple(sorted(attributes.items())))


def entity_for(key: str, entity_type: str, label: str,
               attributes: dict[str, Value] | None = None) -> Entity:
    """An entity introduced by a fact rather than a mention (e.g. a study, an administration)."""
    entry = gz.entries().get(key)
    if entry is not None:
        attrs = {home_property(entry.entity_type): f"country/{entry.country}"} if entry.country else {}
        return Entity(key, entry.entity_type, entry.label, entry.aliases,
                      tuple(sorted({**attrs, **(attributes or {})}.items())))
    return Entity(key, entity_type, label, (), tuple(sorted((attributes or {}).items())))


def home_property(entity_type: str) -> str:
    """A place lies in its country (frkg:locatedIn); an agent belongs to it (frkg:country)."""
    return "locatedIn" if entity_type == "Place" else "country"


def _best_type(types: Counter) -> str:
    specific = [t for t, _ in types.most_common() if t not in _GENERIC_TYPES]
    return specific[0] if specific else types.most_common(1)[0][0]


def _longest_text(mentions: list) -> str:
    text = max((m.text for m in mentions), key=len)
    return " ".join(text.split()).removesuffix("’s").removesuffix("'s")
