"""frkg over a remote SPARQL 1.1 server (Virtuoso, GraphDB, Fuseki, QLever, Neptune...).

:class:`RemoteBackend` queries the server with SPARQLWrapper and hands back
pyoxigraph terms, like the embedded store.  :func:`upload_store` copies a
built store into the server with the Graph Store HTTP Protocol.

Many servers make their default graph the union of all named graphs *with
duplicates* (Virtuoso counts a triple once per graph holding it), so the
upload also writes frkg's deduplicated default graph into the named graph
``UNION_GRAPH`` and the backend queries it as the default graph unless the
request names its own dataset.
"""
from __future__ import annotations

import re
import socket
import time
import urllib.error
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import requests
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from tqdm import tqdm

from frkg import __version__
from frkg.backend import _BUILD_ID_QUERY, Row
from frkg.sparql_text import with_values

UNION_GRAPH = "https://w3id.org/frkg/graph/union"
_GRAPH_KEYWORD = re.compile(r"\bGRAPH\s*[?$<\w]", re.IGNORECASE)
AGENT = f"frkg/{__version__} (https://w3id.org/frkg)"


SERVER_LIMIT_GRACE = 5  # seconds the client waits beyond a limit it passed to the server
PARTIAL_ANSWER_STATE = "S1TAT"  # Virtuoso's X-SQL-State on an answer cut short by its `timeout` parameter


def parse_timeout_param(template: str) -> tuple[str, str]:
    """``NAME=VALUE`` with ``{ms}`` or ``{s}`` in VALUE: how the server takes a time limit per query.

    Virtuoso and Fuseki: ``timeout={ms}``; GraphDB: ``timeout={s}``; QLever: ``timeout={s}s``.
    """
    name, _, value = template.partition("=")
    if not name or ("{ms}" not in value and "{s}" not in value):
        raise ValueError(f"{template!r}: give the server's time-limit parameter as NAME=VALUE with {{ms}} or {{s}} "
                         "in VALUE, e.g. timeout={ms}")
    try:
        value.format(ms=1, s=1)
    except (KeyError, IndexError, ValueError) as err:
        raise ValueError(f"{template!r}: VALUE may hold only {{ms}} or {{s}} ({err})") from err
    return name, value


class RemoteQueryError(Exception):
    """The remote server refused or failed the query; ``status`` is its HTTP status (0 if unknown)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class RemoteTimeout(Exception):
    """The remote server did not answer within the time limit; ``what_happened`` to the query, for the client."""

    def __init__(self, message: str, what_happened: str = "frkg stopped waiting (the server may still be working "
                                                          "on it unless started with --remote-timeout-param)") -> None:
        super().__init__(message)
        self.what_happened = what_happened


class RemoteBackend:
    """A :class:`frkg.backend.Backend` answered by a SPARQL 1.1 endpoint."""

    def __init__(self, endpoint_url: str, timeout: float = 30.0, default_graph: str | None = UNION_GRAPH,
                 auth: tuple[str, str] | None = None, update_url: str | None = None,
                 update_auth: tuple[str, str] | None = None, timeout_param: str | None = None) -> None:
        self.endpoint_url, self.timeout, self.default_graph, self.auth = endpoint_url, timeout, default_graph, auth
        self.timeout_param = parse_timeout_param(timeout_param) if timeout_param else None
        self.update_url, self.update_auth = update_url or endpoint_url, update_auth
        self.union_graph = ox.NamedNode(default_graph) if default_graph else None
        self._checked = 0.0
        self.build_id = self._read_build_id()
        self.generation = self.build_id

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None) -> list[Row]:
        result = self.raw_query(with_values(query, bindings) if bindings else query)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def construct(self, query: str) -> list[ox.Triple]:
        return list(self.raw_query(query))

    def ask(self, query: str) -> bool:
        return bool(self.raw_query(query))

    def refresh(self, interval: float = 30.0) -> bool:
        """Re-read the build id now and then: a new upload changes it (and so the cache keys)."""
        now = time.monotonic()
        if now - self._checked < max(interval, 5.0):
            return False
        self._checked = now
        build_id = self._read_build_id()
        changed, self.build_id, self.generation = build_id != self.build_id, build_id, build_id
        return changed

    def raw_query(self, query: str, default_graphs: Iterable[str] | None = None,
                  named_graphs: Iterable[str] | None = None, timeout: float | None = None):
        """Run ``query`` remotely; return pyoxigraph solutions, a boolean, or a list of triples.

        Without ``default_graphs``, the union graph is the default graph --
        except for queries using GRAPH: Virtuoso then hides constant named
        graphs, so those run over the server's own dataset.
        """
        client = self._client(query, timeout or self.timeout)
        if default_graphs is None:
            default_graphs = [self.default_graph] if self.default_graph and not _GRAPH_KEYWORD.search(query) else []
        for iri in default_graphs:
            client.addDefaultGraph(iri)
        for iri in named_graphs or ():
            client.addNamedGraph(iri)
        graph_result = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_result else JSON)
        body = self._fetch(client)
        if graph_result:
            return [q.triple if isinstance(q, ox.Quad) else q for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def raw_update(self, update: str, timeout: float | None = None) -> None:
        """Send a SPARQL 1.1 Update (direct POST) to the update URL, with HTTP digest credentials if given."""
        auth = requests.auth.HTTPDigestAuth(*self.update_auth) if self.update_auth else None
        try:
            response = requests.post(self.update_url, data=update.encode(), auth=auth, timeout=timeout or self.timeout,
                                     headers={"Content-Type": "application/sparql-update; charset=utf-8",
                                              "User-Agent": AGENT})
        except requests.Timeout as err:
            raise RemoteTimeout(str(err)) from err
        except requests.RequestException as err:
            raise RemoteQueryError(0, f"{self.update_url} cannot be reached: {err}") from err
        if response.status_code >= 300:
            raise RemoteQueryError(response.status_code, f"{self.update_url} refused the update: "
                                                         f"{response.status_code} {response.text[:500]}")

    def graph_triples(self, graphs: Iterable[ox.NamedNode], limit: int) -> Iterator[ox.Triple]:
        """The triples of ``graphs`` (at most ``limit`` + 1 of each, so a caller can tell there are too many)."""
        for graph in graphs:
            query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} LIMIT {limit + 1}"
            yield from self.raw_query(query, default_graphs=[])

    def _client(self, query: str, timeout: float) -> SPARQLWrapper:
        client = SPARQLWrapper(self.endpoint_url, agent=AGENT)
        client.setMethod(POST)
        client.setQuery(query)
        client.setTimeout(int(max(1, round(timeout))))
        if self.timeout_param:
            name, value = self.timeout_param
            client.addParameter(name, value.format(ms=int(timeout * 1000), s=max(1, round(timeout))))
            client.setTimeout(int(max(1, round(timeout))) + SERVER_LIMIT_GRACE)  # let the server's own answer come
        if self.auth:
            client.setCredentials(*self.auth)
        return client

    def _fetch(self, client: SPARQLWrapper) -> bytes:
        try:
            response = client.query().response
            if response.headers.get("X-SQL-State") == PARTIAL_ANSWER_STATE:
                raise RemoteTimeout(f"{self.endpoint_url} stopped the query at the time limit",
                                    "the server stopped it; its partial answer was discarded")
            return response.read()
        except SPARQLWrapperException as err:
            status = 400 if type(err).__name__ == "QueryBadFormed" else 500
            raise RemoteQueryError(status, f"{self.endpoint_url}: {err}") from err
        except (socket.timeout, TimeoutError) as err:
            raise RemoteTimeout(str(err)) from err
        except urllib.error.URLError as err:
            if isinstance(err.reason, (socket.timeout, TimeoutError)):
                raise RemoteTimeout(str(err)) from err
            raise RemoteQueryError(0, f"{self.endpoint_url} cannot be reached: {err.reason}") from err

    def _read_build_id(self) -> str:
        try:
            rows = self.raw_query(_BUILD_ID_QUERY)
        except RemoteQueryError:
            return ""
        for row in rows:
            return row["id"].value
        return ""


def upload_store(store_path: str | Path, endpoint_url: str, graph_store_url: str | None = None,
                 auth: tuple[str, str] | requests.auth.AuthBase | None = None,
                 chunk_triples: int = 50_000) -> dict[str, int]:
    """Copy every named graph of a built store, plus its default graph as ``UNION_GRAPH``, to a server.

    Uses the Graph Store HTTP Protocol at ``graph_store_url`` (default: the
    endpoint URL with ``-graph-crud-auth`` appended, Virtuoso's authenticated
    GSP).  Each graph is replaced (PUT of the first chunk, POST of the rest).
    ``auth`` is ``(user, password)`` for HTTP digest, or any requests auth.
    Returns the number of triples sent per graph.
    """
    from frkg.store import open_store

    url = graph_store_url or endpoint_url.rstrip("/") + "-graph-crud-auth"
    if isinstance(auth, tuple):
        auth = requests.auth.HTTPDigestAuth(*auth)
    store = open_store(store_path, read_only=True)
    graphs = [g.value for g in store.named_graphs()]
    sent: dict[str, int] = {}
    with requests.Session() as session:
        for graph in tqdm(graphs + [UNION_GRAPH], desc="upload", unit="graph"):
            source = ox.DefaultGraph() if graph == UNION_GRAPH else ox.NamedNode(graph)
            sent[graph] = _upload_graph(session, url, auth, graph, _triples(store, source), chunk_triples)
    return sent


def _triples(store: ox.Store, graph) -> Iterator[ox.Triple]:
    for quad in store.quads_for_pattern(None, None, None, graph):
        yield quad.triple


def _upload_graph(session, url, auth, graph: str, triples: Iterator[ox.Triple], chunk: int) -> int:
    count, method = 0, "PUT"
    batch: list[ox.Triple] = []
    for triple in triples:
        batch.append(triple)
        if len(batch) >= chunk:
            _send(session, url, auth, graph, batch, method)
            count, method, batch = count + len(batch), "POST", []
    if batch or method == "PUT":
        _send(session, url, auth, graph, batch, method)
        count += len(batch)
    return count


def _send(session, url, auth, graph: str, batch: list[ox.Triple], method: str) -> None:
    body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES) or b""
    response = session.request(method, url, params={"graph": graph}, data=body, auth=auth, timeout=600,
                               headers={"Content-Type": "application/n-triples"})
    if response.status_code >= 300:
        raise RemoteQueryError(
            response.status_code, f"{method} {url}?graph={graph} failed: {response.status_code} {response.text[:300]}"
        )
