"""Light coreference inside one document.

* Names: once "Alexandra Seymour" (or "Beraja") is known as a person, every
  later or earlier "Seymour" / "Beraja’s" in the document denotes the same
  person.
* Pronouns: "she", "he" refer to the closest person mentioned before them
  (lower confidence; the caller records it in the evidence).
"""
from __future__ import annotations

import bisect
import re

from frkg.mentions import Candidate
from frkg.model import Mention, Sentence

PRONOUN_CONFIDENCE = 0.6
NAME_REPEAT_CONFIDENCE = 0.9


def propagate_names(found: list[Candidate], sentences: list[Sentence], text: str) -> list[Candidate]:
    """Mentions of a known person's surname or single name elsewhere in the text."""
    short_names: dict[str, str] = {}
    persons = [c for c in found if c.entity_type == "Person"]
    for cand in sorted(persons, key=lambda c: -(c.end - c.start)):
        tokens = " ".join(text[cand.start:cand.end].split()).split()
        short_names.setdefault(tokens[-1], cand.key)
        short_names.setdefault(" ".join(tokens), cand.key)
    if not short_names:
        return []
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in
                                                  sorted(short_names, key=len, reverse=True)))
    span_start, span_end = sentences[0].start if sentences else 0, sentences[-1].end if sentences else 0
    out = []
    for m in pattern.finditer(text, span_start, span_end):
        key = short_names[m.group()]
        out.append(Candidate(m.start(), m.end(), key, "Person", "coref:name", NAME_REPEAT_CONFIDENCE, 2))
    return out


def resolve_surnames(found: list[Candidate], text: str) -> list[Candidate]:
    """Give a lone surname the key of the full name it abbreviates in this document."""
    full: dict[str, str] = {}
    for cand in found:
        tokens = text[cand.start:cand.end].split()
        if cand.entity_type == "Person" and len(tokens) > 1:
            full.setdefault(tokens[-1], cand.key)
    out = []
    for cand in found:
        name = text[cand.start:cand.end].strip()
        if cand.entity_type == "Person" and " " not in name and name in full and full[name] != cand.key:
            cand = Candidate(cand.start, cand.end, full[name], "Person", cand.rule,
                             min(cand.confidence, NAME_REPEAT_CONFIDENCE), cand.priority,
                             cand.attributes, None)
        out.append(cand)
    return out


def pronoun_antecedent(position: int, mentions: list[Mention], types: tuple[str, ...] = ("Person",)
                       ) -> Mention | None:
    """The closest mention of one of ``types`` that ends before ``position``."""
    candidates = [m for m in mentions if m.entity_type in types and m.end <= position]
    if not candidates:
        return None
    ends = [m.end for m in candidates]
    return candidates[bisect.bisect_right(ends, position) - 1]
