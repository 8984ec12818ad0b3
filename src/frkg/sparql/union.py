"""Keep the default graph the union of the named graphs after a SPARQL Update, at the cost of what it wrote.

The default graph holds the deduplicated union of the named graphs
(docs/design.md).  Re-deriving the whole union after every update scans the
store (about 13 s per million triples: bench/update.py), although most
updates write into one or two document graphs.  When every operation of an
update writes only into named graphs given by IRI, the union changes only for
the triples those graphs held before and hold after: the triples they held
before are read first and listed in the same update (those no graph holds any
more leave the default graph), and what they hold after is added.  Updates
that may write anywhere else (the default graph, ``GRAPH ?g``, ``CLEAR ALL``,
``LOAD`` without ``INTO``), graphs holding blank nodes (which a SPARQL text
cannot name) or more than :data:`MAX_LISTED_TRIPLES` triples, text rdflib
cannot read, and text longer than :data:`MAX_PARSED_CHARS` (rdflib's parser
takes 0.25 s on 10,000 characters and grows faster than the text: 2.5 s on
48,000, 68 s on 250,000) fall back to the full re-derivation.  Either way the maintenance
runs in the same SPARQL Update as the client's operations: one transaction.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

MAX_LISTED_TRIPLES = 20_000
MAX_PARSED_CHARS = 10_000

# Full re-derivation: drop what no named graph holds any more, add what a named graph gained.
# Full IRIs only, so the user's prologue cannot change their meaning.
FULL = """
DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"""


def maintenance(store: ox.Store, update: str) -> str:
    """The operations to append to ``update`` so that the default graph stays the union (may be empty)."""
    graphs = written_graphs(update)
    rows = None if graphs is None else held_rows(
        quad.triple for graph in graphs for quad in store.quads_for_pattern(None, None, None, graph))
    return FULL if rows is None else scoped(graphs, rows)


def scoped(graphs: frozenset[ox.NamedNode], rows: list[str], union_graph: ox.NamedNode | None = None) -> str:
    """Operations that update the union for ``graphs``, which held ``rows`` before the update.

    The union is the default graph, or ``union_graph`` on a remote server
    (whose default graph is the server's own: :mod:`frkg.remote`).
    """
    def into(pattern: str) -> str:
        return f"GRAPH {union_graph} {{ {pattern} }}" if union_graph else pattern

    other = f" FILTER (?h != {union_graph})" if union_graph else ""
    operations = [f"DELETE {{ {into('?s ?p ?o')} }} WHERE {{ VALUES (?s ?p ?o) {{\n" + "\n".join(rows) +
                  f"\n}} FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }}{other} }} }}"] if rows else []
    operations += [f"INSERT {{ {into('?s ?p ?o')} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
                   f"FILTER NOT EXISTS {{ {into('?s ?p ?o')} }} }}" for graph in sorted(graphs, key=str)]
    return "\n" + " ;\n".join(operations) if operations else ""


class UnscopedUpdate(Exception):
    """An update whose effect on a remote server's union graph frkg cannot bound (the message says why)."""


def remote_maintenance(backend, update: str) -> str:
    """Like :func:`maintenance` for a :class:`frkg.remote.RemoteBackend`, whose union is its ``union_graph``.

    There is no fallback: re-deriving the union there would copy the
    server's own graphs (Virtuoso's system graphs) into it, so an update
    frkg cannot scope is refused with the reason.
    """
    graphs = written_graphs(update)
    if graphs is None:
        raise UnscopedUpdate(
            "over a remote SPARQL server an update must write only into named graphs given by IRI (GRAPH <g>, "
            f"WITH <g>, INTO GRAPH <g>, DROP GRAPH <g>) and be at most {MAX_PARSED_CHARS} characters long: frkg "
            "keeps its union graph up to date for the graphs written")
    if backend.union_graph in graphs:
        raise UnscopedUpdate(f"{backend.union_graph} is the union graph frkg keeps: write into another graph")
    rows = held_rows(backend.graph_triples(graphs, MAX_LISTED_TRIPLES))
    if rows is None:
        raise UnscopedUpdate(f"the graphs written hold blank nodes or more than {MAX_LISTED_TRIPLES} triples; "
                             "replace them with the Graph Store Protocol instead")
    return scoped(graphs, rows, backend.union_graph)


def written_graphs(update: str) -> frozenset[ox.NamedNode] | None:
    """The named graphs ``update`` writes into; None if it may write elsewhere or cannot be read here."""
    if len(update) > MAX_PARSED_CHARS:
        return None
    try:
        operations = translateUpdate(parseUpdate(update)).algebra
    except Exception:  # noqa: BLE001 - any text rdflib cannot read gets the full re-derivation
        return None
    graphs: set[ox.NamedNode] = set()
    for operation in operations:
        targets = _targets(operation)
        if targets is None:
            return None
        graphs |= targets
    return frozenset(graphs)


def _targets(operation) -> set[ox.NamedNode] | None:
    name = operation.name
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return _template_targets(operation, None)
    if name == "Modify":
        targets: set[ox.NamedNode] = set()
        for template in (_part(operation, "delete"), _part(operation, "insert")):
            found = set() if template is None else _template_targets(template, _part(operation, "withClause"))
            if found is None:
                return None
            targets |= found
        return targets
    if name in ("Load", "Clear", "Drop", "Create"):
        return _named({_part(operation, "graphiri")})
    if name in ("Add", "Copy"):
        return _named({operation.graph[1]})
    if name == "Move":
        return _named(set(operation.graph))
    return None


def _template_targets(template, with_graph) -> set[ox.NamedNode] | None:
    """Graphs a DELETE/INSERT template writes: its GRAPH blocks, and WITH's graph for its plain triples."""
    graphs = set(_part(template, "quads") or {})
    if _part(template, "triples"):
        graphs.add(with_graph)
    return _named(graphs)


def _part(value, key: str):
    """A part of an rdflib algebra node, or None (its own ``get`` answers a missing key with the key's name)."""
    return dict.get(value, key)


def _named(graphs: set) -> set[ox.NamedNode] | None:
    """pyoxigraph IRIs of ``graphs``; None if one is not a constant IRI (a variable, DEFAULT, ALL, None)."""
    named = set()
    for graph in graphs:
        if not isinstance(graph, URIRef):
            return None
        try:
            named.add(ox.NamedNode(str(graph)))
        except ValueError:
            return None
    return named


def held_rows(triples: Iterable[ox.Triple]) -> list[str] | None:
    """``triples`` as VALUES rows; None if one has a blank node (no text can name it) or there are too many."""
    rows: list[str] = []
    for triple in triples:
        terms = (triple.subject, triple.predicate, triple.object)
        if len(rows) >= MAX_LISTED_TRIPLES or any(isinstance(t, (ox.BlankNode, ox.Triple)) for t in terms):
            return None
        rows.append("(" + " ".join(str(t) for t in terms) + ")")
    return rows
