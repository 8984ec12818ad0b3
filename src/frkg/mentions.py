"""Find entity mentions: gazetteer phrases, countries, demonyms and context patterns.

Two layers are resolved separately so a concept may sit inside a collective
name ("Chinese *face recognition* providers"): names (countries,
organisations, people, groups) and concepts (technologies, applications,
concern types).  Within a layer the longest span wins, the gazetteer before
patterns.  Entities the gazetteer does not know are found from their context
(``frkg.patterns``).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from frkg import gazetteer as gz
from frkg.model import Mention, Sentence, Value
from frkg.sentences import Parsed, nlp

NAME_LAYER, CONCEPT_LAYER = 0, 1
REGION_WORDS = frozenset({"Latin", "South", "North", "Central", "East", "West", "Southeast", "Sub-Saharan"})
PUBLIC_BODY = "pattern:public-body"
# Titles of a party's elected members ("Congress corporator", "Congress MLA").
PARTY_MEMBERS = frozenset({"corporator", "corporators", "mla", "mlas", "councillor", "councillors", "councilor",
                           "councilors", "party"})
CONCEPT_MENTION_TYPES = frozenset({"Technology", "Application", "ConcernType"})


@dataclass(frozen=True)
class Candidate:
    """A possible mention before overlaps are resolved (offsets in the document)."""

    start: int
    end: int
    key: str
    entity_type: str
    rule: str
    confidence: float = 1.0
    priority: int = 0  # lower wins among equally long spans
    attributes: tuple[tuple[str, Value], ...] = ()
    label: str | None = None

    @property
    def layer(self) -> int:
        return CONCEPT_LAYER if self.entity_type in CONCEPT_MENTION_TYPES else NAME_LAYER


@dataclass
class MentionResult:
    """Mentions of one document plus what they say about their entities."""

    mentions: list[Mention]
    attributes: dict[str, dict[str, Value]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, dict[str, tuple[str, str, float]]]:
    """Case-sensitive matcher for names, case-insensitive one for concepts."""
    pipeline = nlp()
    names = PhraseMatcher(pipeline.vocab, attr="ORTH")
    concepts = PhraseMatcher(pipeline.vocab, attr="LOWER")
    info: dict[str, tuple[str, str, float]] = {}
    for entry in (*gz.entries().values(), *gz.country_entries().values()):
        matcher = concepts if entry.entity_type in gz.CONCEPT_TYPES else names
        rule = "country-name" if entry.entity_type == "Country" else "gazetteer"
        matcher.add(entry.key, [pipeline.make_doc(name) for name in entry.names])
        info[entry.key] = (entry.entity_type, rule, 1.0)
    for form, key in gz.demonym_index().items():
        names.add("demonym:" + key, [pipeline.make_doc(form)])
        info["demonym:" + key] = ("Country", "demonym", 0.9)
    return names, concepts, info


def gazetteer_candidates(parsed: Parsed) -> list[Candidate]:
    """Every gazetteer, country and demonym phrase in the parsed lines."""
    names, concepts, info = _matchers()
    vocab = nlp().vocab
    found: list[Candidate] = []
    for offset, doc in parsed.lines:
        for matcher in (names, concepts):
            for match_id, start, end in matcher(doc):
                label = vocab.strings[match_id]
                entity_type, rule, confidence = info[label]
                key = label.split(":", 1)[1] if label.startswith("demonym:") else label
                span = doc[start:end]
                if entity_type == "Country" and start > 0 and doc[start - 1].text in REGION_WORDS:
                    continue  # "Latin America", "South Korea" is matched whole, "South America" is no country
                if entity_type == "Legislature" and end < len(doc) and doc[end].lower_ in PARTY_MEMBERS:
                    continue  # "Congress corporator X", "Congress MLA X": a party of that name, no legislature
                found.append(Candidate(offset + span.start_char, offset + span.end_char, key,
                                       entity_type, rule, confidence, priority=0))
    return found


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates per layer: longest first, then lowest priority.

    A concept inside a named organisation or person ("Clearview *AI*") is
    part of the name and dropped; inside a group it is kept.
    """
    chosen: list[Candidate] = []
    size = max((c.end for c in candidates), default=0)
    for layer in (NAME_LAYER, CONCEPT_LAYER):
        taken = bytearray(size)  # 1 where a chosen span covers the character
        pool = sorted((c for c in candidates if c.layer == layer),
                      key=lambda c: (-(c.end - c.start), c.priority, -c.confidence, c.start))
        for cand in pool:
            if taken.find(1, cand.start, cand.end) < 0:
                taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
                chosen.append(cand)
            elif cand.rule in ("demonym", "country-name") and _inside_group(cand, chosen):
                chosen.append(cand)
    owner: list[Candidate | None] = [None] * size  # the name covering each character
    for name in (c for c in chosen if c.layer == NAME_LAYER):
        for i in range(name.start, name.end):
            if owner[i] is None or owner[i].end - owner[i].start < name.end - name.start:
                owner[i] = name

    def kept(c: Candidate) -> bool:
        n = owner[c.start]
        return c.layer == NAME_LAYER or n is None or not (c.end <= n.end and _swallows(n, c))

    return sorted(filter(kept, chosen), key=lambda c: (c.start, c.end))


def _inside_group(cand: Candidate, chosen: list[Candidate]) -> bool:
    """A demonym opening a collective ("*Chinese* companies") or a country opening a public
    body ("*Serbia*'s interior ministry") still names the country, as does a demonym inside a
    definite description ("the *Chinese* company")."""
    return any((c.start == cand.start and cand.end <= c.end
                and ((c.entity_type == "Group" and cand.rule == "demonym") or c.rule == PUBLIC_BODY))
               or (c.rule == "coref:definite" and cand.rule == "demonym" and c.start <= cand.start
                   and cand.end <= c.end)
               for c in chosen)


def _swallows(name: Candidate, concept: Candidate) -> bool:
    """Whether a concept inside a name is part of the name rather than a mention."""
    if name.entity_type == "Group":
        return concept.entity_type == "ConcernType"
    return name.entity_type != "Country"


def to_mentions(candidates: list[Candidate], sentences: list[Sentence], text: str) -> MentionResult:
    """Attach candidates to their sentences; keep entity attributes and labels."""
    starts = [s.start for s in sentences]
    result = MentionResult([])
    for cand in candidates:
        index = bisect.bisect_right(starts, cand.start) - 1
        if index < 0 or cand.end > sentences[index].end:
            continue
        result.mentions.append(Mention(sentences[index].doc_id, index, cand.start, cand.end,
                                       text[cand.start:cand.end], cand.key, cand.entity_type,
                                       cand.rule, cand.confidence))
        if cand.attributes:
            result.attributes.setdefault(cand.key, {}).update(dict(cand.attributes))
        if cand.label:
            result.labels.setdefault(cand.key, cand.label)
    return result


def _drop_org_names_as_people(candidates: list[Candidate], text: str) -> list[Candidate]:
    """A name the document shows is an organisation's ("pharmacy chain Rite Aid") is no
    person's elsewhere in it ("..., Rite Aid noted")."""
    orgs = {text[c.start:c.end] for c in candidates
            if c.layer == NAME_LAYER and c.entity_type not in ("Person", "Country", "Group")}
    firms = tuple(text[c.start:c.end] + " " for c in candidates if c.entity_type == "Firm")
    return [c for c in candidates if c.entity_type != "Person" or not _org_name(text[c.start:c.end], orgs, firms)]


def _org_name(name: str, orgs: set[str], firms: tuple[str, ...]) -> bool:
    """An organisation's name, or the first words of a firm's ("Harbin Zhiyuan said" after "Harbin
    Zhiyuan Vision"): a firm is cited by its name without the trade word, a person never so."""
    return name in orgs or (" " in name and any(firm.startswith(name + " ") for firm in firms))


def find_mentions(parsed: Parsed, text: str) -> MentionResult:
    """All mentions of a parsed document: gazetteer, then context patterns, resolved."""
    from frkg.coref import (definite_descriptions, propagate_names, propagate_org_names, rekey_short_names,
                            resolve_surnames, short_org_names, titled_descriptions)
    from frkg.patterns import pattern_candidates

    base = gazetteer_candidates(parsed)
    candidates = _drop_org_names_as_people(base + pattern_candidates(parsed.sentences, text, base), text)
    # -- places --
    from frkg.places import place_candidates
    candidates += place_candidates(parsed, text, candidates)
    resolved = resolve_surnames(resolve(candidates), text)
    shorts = short_org_names(resolved, text)
    resolved = resolve(resolved + propagate_names(resolved, parsed.sentences, text)
                       + propagate_org_names(resolved, parsed.sentences, text, shorts))
    resolved = rekey_short_names(resolved, text, shorts)
    resolved = resolve(resolved + definite_descriptions(resolved, text, parsed.sentences)
                       + titled_descriptions(resolved, text))
    return to_mentions(resolved, parsed.sentences, text)
