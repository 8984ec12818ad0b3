"""SERVICE clauses: refused unless the remote endpoint is on the operator's allowlist.

pyoxigraph executes SERVICE itself (it has an HTTP client), so federation only
needs a gate: the query is parsed with rdflib's SPARQL parser, and every
SERVICE target must be a constant IRI listed in ``FRKG_SERVICE_ALLOWLIST``.
"""
from __future__ import annotations

import re

from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef, Variable

_SERVICE_WORD = re.compile(r"service", re.IGNORECASE)


class ServiceRefused(Exception):
    """A SERVICE clause names an endpoint that is not allowed."""


def check_services(query: str, allowlist: list[str]) -> None:
    """Raise :class:`ServiceRefused` naming the first SERVICE target not in ``allowlist``."""
    if not _SERVICE_WORD.search(query):
        return  # cheap path: no SERVICE keyword at all, nothing to parse
    try:
        parsed = parseQuery(query)
    except Exception as err:  # noqa: BLE001 - any parser failure means: cannot verify
        if not _looks_like_service(query):
            return  # the word only appears in a name or a string; the engine reports syntax errors
        raise ServiceRefused(f"the SERVICE targets of this query could not be verified: {err}") from err
    prefixes = {str(d["prefix"] or ""): str(d["iri"]) for d in parsed[0] if d.name == "PrefixDecl"}
    allowed = {url.rstrip("/") for url in allowlist}
    for target in _service_targets(parsed[1], prefixes):
        if isinstance(target, Variable):
            raise ServiceRefused(f"SERVICE ?{target} is refused: the endpoint must be a constant IRI")
        if str(target).rstrip("/") not in allowed:
            hint = f"allowed: {', '.join(sorted(allowed))}" if allowed else "no remote endpoint is allowed"
            raise ServiceRefused(
                f"SERVICE <{target}> is refused ({hint}); the operator can add it with --service-allowlist"
            )


def _looks_like_service(query: str) -> bool:
    return re.search(r"\bservice\s+(silent\s+)?[<?$\w:]", query, re.IGNORECASE) is not None


def _service_targets(node, prefixes: dict[str, str]):
    """Every SERVICE term in rdflib's parse tree, prefixed names expanded."""
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            yield _resolve(node["term"], prefixes)
        for value in node.values():
            yield from _service_targets(value, prefixes)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _service_targets(item, prefixes)


def _resolve(term, prefixes: dict[str, str]):
    if isinstance(term, CompValue) and term.name == "pname":
        prefix = str(term.get("prefix") or "")
        return URIRef(prefixes.get(prefix, f"{prefix}:") + str(term.get("localname") or ""))
    return term
