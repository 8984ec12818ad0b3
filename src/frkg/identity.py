"""Stable identifiers for facts, so the same fact from two sources is one node."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frkg.model import Fact


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated slug for entity keys."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def short_hash(*parts: object, length: int = 16) -> str:
    """Hex digest of the JSON of ``parts``; deterministic across runs."""
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:length]


def fact_key(fact: "Fact") -> str:
    """Key ``<kind-slug>/<hash>`` from the fact's kind, roles and values.

    Two facts with the same kind, participants and values merge; differing
    values (two deal counts) give two keys, so conflicts are kept side by side.
    """
    roles = {k: sorted(v) for k, v in fact.roles.items() if v}
    values = {k: str(v) for k, v in fact.values.items() if v is not None}
    return f"{slugify(fact.kind)}/{short_hash(fact.kind, roles, values)}"
