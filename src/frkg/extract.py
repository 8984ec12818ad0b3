"""One document in, everything extracted from it out: sentences -> mentions -> entities -> facts."""
from __future__ import annotations

from frkg import __version__
from frkg.entities import build_entities
from frkg.facts import extract_facts
from frkg.facts.context import Context
from frkg.mentions import find_mentions
from frkg.model import Document, Extraction
from frkg.sentences import parse

PIPELINE_VERSION = __version__


def extract_document(doc: Document) -> Extraction:
    """Run the whole extraction pipeline on one document (no I/O, picklable result)."""
    parsed = parse(doc)
    found = find_mentions(parsed, doc.text)
    ctx = Context(doc, parsed.sentences, found.mentions, attributes=found.attributes)
    facts = extract_facts(ctx)
    entities = build_entities(found, ctx.extra_entities)
    known = {e.key for e in entities}
    warnings = [f"{doc.path}: fact {f.kind} refers to unknown entity {k}"
                for f in facts for keys in f.roles.values() for k in keys if k not in known]
    return Extraction(doc, parsed.sentences, found.mentions, entities, facts, warnings)
