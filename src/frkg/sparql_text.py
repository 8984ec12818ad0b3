"""Lexical helpers for SPARQL text: where a query's WHERE clause opens, what SERVICE it calls.

Why hand-written: pyoxigraph parses queries but exposes no syntax tree, and
rdflib's parser rejects valid queries (a ``#`` inside an IRI followed later by a
SERVICE clause).  Both tasks here only need tokens (strings, IRIs and comments
skipped correctly), not a full grammar; the full parse is left to the engine.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

_TOKEN = re.compile(
    r'''(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')'''
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)"
    r"|(?P<name>(?:[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:[^\s{}()<>,;\"'#]*|[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.DOTALL,
)

VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryTextError(ValueError):
    """The query text cannot take parameters or names a SERVICE that cannot be checked."""


@dataclass(frozen=True)
class Token:
    """A significant token of a query and where it starts."""

    kind: str
    text: str
    start: int


def tokens(query: str) -> Iterator[Token]:
    """Significant tokens: whitespace and comments are dropped."""
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start())


def _is_keyword(token: Token, *words: str) -> bool:
    return token.kind == "name" and token.text.upper() in words


def where_brace(query: str) -> int:
    """Offset of the ``{`` that opens the query's WHERE group."""
    stream = list(tokens(query))
    forms = [i for i, t in enumerate(stream) if _is_keyword(t, "SELECT", "CONSTRUCT", "ASK", "DESCRIBE")]
    if forms:
        first = forms[0]
        braces = [t for t in stream[first:] if t.text in "{}" and t.kind == "other"]
        if stream[first].text.upper() == "CONSTRUCT":
            if first + 1 < len(stream) and _is_keyword(stream[first + 1], "WHERE"):
                raise QueryTextError("CONSTRUCT WHERE {...} cannot take parameters: write CONSTRUCT {...} WHERE {...}")
            braces = _after_first_group(braces)
        if braces and braces[0].text == "{":
            return braces[0].start
    raise QueryTextError("the query has no WHERE group to bind parameters into")


def _after_first_group(braces: list[Token]) -> list[Token]:
    """The braces that follow the first balanced group (a CONSTRUCT template)."""
    depth = 0
    for i, token in enumerate(braces):
        depth += 1 if token.text == "{" else -1
        if depth == 0:
            return braces[i + 1:]
    return []


def values_clause(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (<iri> "lit") }`` with every term in its escaped N-Triples form."""
    for name in bindings:
        if not VARIABLE_NAME.match(name):
            raise QueryTextError(f"invalid variable name {name!r}")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def with_values(query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``bindings`` as a VALUES block at the start of its WHERE group.

    At the start of the group the values are joined before FILTERs and
    OPTIONALs of that group run, which matches pre-binding (pyoxigraph's
    substitutions) for queries whose parameters are used in the top-level group.
    """
    if not bindings:
        return query
    brace = where_brace(query)
    return f"{query[:brace + 1]} {values_clause(bindings)}\n{query[brace + 1:]}"


def _prefixes(query: str) -> dict[str, str]:
    declared: dict[str, str] = {}
    stream = list(tokens(query))
    for i, token in enumerate(stream[:-2]):
        if _is_keyword(token, "PREFIX") and stream[i + 2].kind == "iri":
            declared[stream[i + 1].text.rstrip(":")] = stream[i + 2].text[1:-1]
    return declared


def service_endpoints(query: str) -> list[str]:
    """IRIs of every SERVICE the query calls, in order; a SERVICE on a variable is refused."""
    stream = list(tokens(query))
    prefixes = _prefixes(query)
    found: list[str] = []
    for i, token in enumerate(stream):
        if not _is_keyword(token, "SERVICE"):
            continue
        target = stream[i + 1] if i + 1 < len(stream) else None
        if target is not None and _is_keyword(target, "SILENT"):
            target = stream[i + 2] if i + 2 < len(stream) else None
        found.append(_service_iri(target, prefixes))
    return found


def _service_iri(target: Token | None, prefixes: dict[str, str]) -> str:
    if target is None:
        raise QueryTextError("SERVICE without an endpoint")
    if target.kind == "iri":
        return target.text[1:-1]
    if target.kind == "name" and ":" in target.text:
        prefix, _, local = target.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    raise QueryTextError(f"SERVICE {target.text} is refused: the endpoint must be a constant IRI so it can be checked")


class ServiceNotAllowedError(QueryTextError):
    """The query calls a SERVICE endpoint that is not on the allowlist."""


def check_services(query: str, allowed: Iterable[str] = (), option: str = "--allow-service") -> list[str]:
    """The query's SERVICE endpoints, if all are allowed; otherwise :class:`ServiceNotAllowedError`.

    Federation is off unless asked for: a SERVICE clause makes the engine call
    an arbitrary URL, so each endpoint must be allowed explicitly.  ``option``
    names the command-line option that allows one, for the error message.
    """
    allowed = {url.rstrip("/") for url in allowed}
    endpoints = service_endpoints(query)
    refused = [url for url in endpoints if url.rstrip("/") not in allowed]
    if refused:
        raise ServiceNotAllowedError(
            f"SERVICE <{refused[0]}> is refused: federation is off by default; "
            f"allow this endpoint with {option} {refused[0]} (needs network access to it)"
        )
    return endpoints


def with_using(update: str, default_graphs: Iterable[str], named_graphs: Iterable[str]) -> str:
    """The update with the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` written in as USING clauses.

    SPARQL 1.1 Protocol, 2.2.3: the parameters give the dataset of every
    ``DELETE/INSERT ... WHERE`` operation, as USING / USING NAMED would, and a
    request that has them must not also contain USING, USING NAMED or WITH
    (:class:`QueryTextError`).  pyoxigraph takes no dataset for updates, so the
    clauses go before each top-level WHERE that follows a template (a
    ``DELETE WHERE`` shorthand has no dataset clause).
    """
    clauses = " ".join([f"USING {_graph_iri(iri, 'using-graph-uri')}" for iri in default_graphs] +
                       [f"USING NAMED {_graph_iri(iri, 'using-named-graph-uri')}" for iri in named_graphs])
    stream = list(tokens(update))
    if any(_is_keyword(t, "USING", "WITH") for t in stream):
        raise QueryTextError("using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH "
                             "in the update: give the dataset one way")
    positions = [t.start for i, t in enumerate(stream) if _is_keyword(t, "WHERE") and _depth(stream[:i]) == 0
                 and i > 0 and not _is_keyword(stream[i - 1], "DELETE")]
    for start in reversed(positions):
        update = f"{update[:start]}{clauses} {update[start:]}"
    return update


def _graph_iri(iri: str, parameter: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as err:
        raise QueryTextError(f"{parameter}={iri!r} is not an absolute IRI: {err}") from err


def _depth(stream: list[Token]) -> int:
    """Brace depth after ``stream`` (templates and groups open with ``{``)."""
    return sum(1 if t.text == "{" else -1 for t in stream if t.kind == "other" and t.text in "{}")


def append_operations(update: str, operations: str) -> str:
    """``update`` followed by more operations in the same request, joined by ``;`` unless it ends with one."""
    if not operations:
        return update
    last = None
    for last in tokens(update):
        pass
    return update + ("\n" if last is not None and last.text == ";" else "\n;") + operations
