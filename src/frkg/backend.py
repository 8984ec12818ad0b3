"""Read access to the graph for the web app: embedded Oxigraph or a remote endpoint.

Views and the query catalogue talk to a :class:`Backend`; they never know
which store answers.  Results use pyoxigraph terms in both cases.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]


class Backend(Protocol):
    """What views need from a store."""

    build_id: str

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None) -> list[Row]:
        """Rows of a SELECT query; ``bindings`` are substituted as RDF terms."""

    def construct(self, query: str) -> list[ox.Triple]:
        """Triples of a CONSTRUCT or DESCRIBE query."""

    def ask(self, query: str) -> bool:
        """Answer of an ASK query."""


class OxigraphBackend:
    """The embedded on-disk Oxigraph store written by ``frkg build``, read-only."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.store = ox.Store.read_only(str(self.path))
        self.build_id = _read_build_id(self.store)

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None) -> list[Row]:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        result = self.store.query(query, substitutions=subs)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def construct(self, query: str) -> list[ox.Triple]:
        return list(self.store.query(query))

    def ask(self, query: str) -> bool:
        return bool(self.store.query(query))


def _read_build_id(store: ox.Store) -> str:
    """The build identity recorded by ``frkg build`` (empty if none)."""
    rows = store.query(
        "SELECT ?id WHERE { GRAPH <https://w3id.org/frkg/graph/build> "
        "{ ?b <https://w3id.org/frkg/ontology#buildId> ?id } } LIMIT 1"
    )
    for row in rows:
        return row["id"].value
    return ""
