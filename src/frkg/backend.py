"""Read access to the graph for the web app: embedded Oxigraph or a remote endpoint.

Views and the query catalogue talk to a :class:`Backend`; they never know
which store answers.  Results use pyoxigraph terms in both cases.
"""
from __future__ import annotations

import os
import time
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
    """The embedded on-disk Oxigraph store written by ``frkg build``, read-only.

    ``frkg build`` replaces a store by renaming a new directory (or repointing a
    symlink) onto the path; :meth:`refresh` notices that from the directory's
    identity (device, inode) and reopens, so a running server picks up a new
    build without a restart.  ``generation`` names the store now open.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._checked = 0.0
        self.generation = store_generation(self.path)
        self.store = ox.Store.read_only(str(self.path))
        self.build_id = _read_build_id(self.store)

    def refresh(self, interval: float = 1.0) -> bool:
        """Reopen the store if another build took its place; checks disk at most every ``interval`` s."""
        now = time.monotonic()
        if now - self._checked < interval:
            return False
        self._checked = now
        generation = store_generation(self.path)
        if generation == self.generation:
            return False
        self.store = ox.Store.read_only(str(self.path))
        self.build_id = _read_build_id(self.store)
        self.generation = generation
        return True

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None) -> list[Row]:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        result = self.store.query(query, substitutions=subs)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def construct(self, query: str) -> list[ox.Triple]:
        return list(self.store.query(query))

    def ask(self, query: str) -> bool:
        return bool(self.store.query(query))


class ExecutorBackend:
    """Reads through the endpoint's worker process (update mode, where that process owns the writable store).

    A writable RocksDB store can be open in one process only, so in update
    mode the web pages read through the same worker that applies the updates.
    """

    def __init__(self, executor, path: str | Path) -> None:
        self.executor, self.path = executor, Path(path)
        self.generation = None
        rows = self.select(_BUILD_ID_QUERY)
        self.build_id = rows[0]["id"].value if rows else ""

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None) -> list[Row]:
        result = self._run(query, "json", None, bindings)
        parsed = ox.parse_query_results(result, format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in parsed.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in parsed]

    def construct(self, query: str) -> list[ox.Triple]:
        return [q.triple if isinstance(q, ox.Quad) else q
                for q in ox.parse(self._run(query, None, "ntriples"), format=ox.RdfFormat.N_TRIPLES)]

    def ask(self, query: str) -> bool:
        return b"true" in self._run(query, "json", None)

    def _run(self, query: str, results_format, graph_format, bindings=None) -> bytes:
        from frkg.sparql.worker import QueryJob

        job = QueryJob(query, results_format, graph_format, max_rows=2**62,
                       bindings=tuple((bindings or {}).items()))
        outcome = self.executor.run(job, None)
        if outcome.status != "ok":
            raise (SyntaxError if outcome.status == "syntax" else OSError)(outcome.message)
        return outcome.body


def store_generation(path: Path) -> tuple[int, int]:
    """Identity of the directory now at ``path`` (symlinks followed): changes when a build is swapped in."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


_BUILD_ID_QUERY = (
    "SELECT ?id WHERE { GRAPH <https://w3id.org/frkg/graph/build> "
    "{ ?b <https://w3id.org/frkg/ontology#buildId> ?id } } LIMIT 1"
)


def _read_build_id(store: ox.Store) -> str:
    """The build identity recorded by ``frkg build`` (empty if none)."""
    rows = store.query(_BUILD_ID_QUERY)
    for row in rows:
        return row["id"].value
    return ""
