"""Fact extraction: one module per fact family, all reading a shared :class:`Context`.

Families run in order; later ones may use what earlier ones found (the
document's study, people's affiliations, the last speaker).
"""
from __future__ import annotations

from frkg.facts.context import Context
from frkg.model import Fact


def extract_facts(ctx: Context) -> list[Fact]:
    """Run every fact family over the document in ``ctx``."""
    from frkg.facts import (affiliations, concerns, measures, statements, statistics, studies,
                            trade, uses)

    facts: list[Fact] = []
    for family in (affiliations, studies, statistics, trade, measures, statements, concerns, uses):
        found = family.extract(ctx)
        recorded = {id(f) for f in ctx.facts}  # statements record theirs as they go
        ctx.facts.extend(f for f in found if id(f) not in recorded)
        facts.extend(found)
    return facts
