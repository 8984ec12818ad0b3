"""Stable identifiers for facts, so the same fact from two sources is one node.

Which roles and values identify a fact depends on its kind: a deal statistic
is its exporter, technology, count and rank (not the study reporting it, so
two articles citing the same figure give one fact with two pieces of
evidence); a sanction is who imposed it on whom for what technology (the
administration or reason a second article adds do not make it another
sanction).  Roles and values outside the identity are merged.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frkg.model import Fact

# kind -> (identifying roles, identifying values); kinds not listed use everything.
IDENTITY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "DealStatistic": (("exporter", "technology"), ("dealCount", "rank", "countryCount")),
    "Export": (("exporter", "importer", "technology"), ()),
    "Deal": (("exporter", "importer", "technology"), ()),
    "Sanction": (("imposedBy", "targets", "restrictsTechnology"), ()),
    "ExportRestriction": (("imposedBy", "targets", "restrictsTechnology"), ()),
    "Regulation": (("imposedBy", "targets", "restrictsTechnology"), ()),
    "HumanRightsConcern": (("concernType", "aboutTechnology", "about"), ()),
    "Statement": (("speaker",), ("quotedText",)),
    "Claim": (("claimant",), ("claimText",)),
    "Affiliation": (("member", "organization"), ()),
    "TechnologyUse": (("technology", "application", "user"), ()),
}


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated slug for entity keys."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def short_hash(*parts: object, length: int = 16) -> str:
    """Hex digest of the JSON of ``parts``; deterministic across runs."""
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:length]


def identity_parts(fact: "Fact") -> tuple[dict[str, list[str]], dict[str, str]]:
    """The roles and values that identify ``fact`` (normalised for comparison)."""
    role_names, value_names = IDENTITY.get(fact.kind, (tuple(fact.roles), tuple(fact.values)))
    roles = {k: sorted(fact.roles[k]) for k in role_names if fact.roles.get(k)}
    values = {k: _normal(fact.values[k]) for k in value_names if fact.values.get(k) is not None}
    return roles, values


def fact_key(fact: "Fact") -> str:
    """Key ``<kind-slug>/<hash>`` from the fact's kind and identifying roles and values.

    Facts about a node with its own key (``fact.subject``, e.g. a study) take
    that key.  Differing identifying values (two deal counts) give two keys,
    so conflicts are kept side by side.
    """
    subject = getattr(fact, "subject", None)
    if subject:
        return subject
    roles, values = identity_parts(fact)
    return f"{slugify(fact.kind)}/{short_hash(fact.kind, roles, values)}"


def _normal(value: object) -> str:
    """Values compare without case, spacing and quote-style differences."""
    text = str(value).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split()).strip(" .,")
