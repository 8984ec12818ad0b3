"""A local stand-in for the Wikidata Query Service (and DBpedia) on 127.0.0.1.

A tiny Flask app over an in-memory Oxigraph store holding
``wikidata_standin.ttl``.  It speaks enough of the SPARQL 1.1 Protocol for
SPARQLWrapper and for Oxigraph's SERVICE client (GET/POST, JSON or XML
results), records every request (time, User-Agent, query), and can be told to
misbehave like a busy public service: answer 429 with Retry-After, 500, or
slowly.  Tests of reconciliation and federation use it; none reaches the internet.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask, Response, request

from tests.plugins.servers import http_server

FIXTURE = Path(__file__).with_name("wikidata_standin.ttl")


@dataclass
class Seen:
    """One request the stand-in received."""

    started: float
    user_agent: str
    query: str
    finished: float = 0.0
    status: int = 0


@dataclass
class StandIn:
    """The stand-in's data, its request log and the faults it is told to inject."""

    store: ox.Store
    url: str = ""
    seen: list[Seen] = field(default_factory=list)
    delay: float = 0.0
    _faults: deque = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, status: int, times: int = 1, retry_after: str | None = None, after: int = 0) -> None:
        """Answer ``times`` requests with ``status`` (and Retry-After if given), once ``after`` more succeeded."""
        self._faults.extend([None] * after + [(status, retry_after)] * times)

    def reset(self) -> None:
        self.seen.clear()
        self._faults.clear()
        self.delay = 0.0

    def handle(self) -> Response:
        query = request.values.get("query") or (
            request.get_data(as_text=True) if request.mimetype == "application/sparql-query" else "")
        seen = Seen(time.monotonic(), request.headers.get("User-Agent", ""), query)
        with self._lock:
            self.seen.append(seen)
            fault = self._faults.popleft() if self._faults else None
        response = _fault_response(*fault) if fault else self._answer(query)
        seen.finished, seen.status = time.monotonic(), response.status_code
        return response

    def _answer(self, query: str) -> Response:
        if self.delay:
            time.sleep(self.delay)
        try:
            result = self.store.query(query)
        except SyntaxError as err:
            return Response(str(err), status=400, mimetype="text/plain")
        return _results_response(result, request.headers.get("Accept", ""))


def _fault_response(status: int, retry_after: str | None) -> Response:
    response = Response(f"stand-in fault {status}", status=status, mimetype="text/plain")
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    return response


def _results_response(result, accept: str) -> Response:
    if isinstance(result, ox.QueryTriples):
        return Response(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES), mimetype="application/n-triples")
    wants_xml = "sparql-results+xml" in accept and "sparql-results+json" not in accept
    fmt = ox.QueryResultsFormat.XML if wants_xml else ox.QueryResultsFormat.JSON
    return Response(result.serialize(format=fmt), mimetype=fmt.media_type)


def make_standin_app(standin: StandIn) -> Flask:
    app = Flask("wikidata_standin")
    app.add_url_rule("/sparql", "sparql", standin.handle, methods=["GET", "POST"])
    return app


def load_fixture() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="session")
def _standin_server() -> Iterator[StandIn]:
    standin = StandIn(load_fixture())
    with http_server(make_standin_app(standin)) as base:
        standin.url = f"{base}/sparql"
        yield standin


@pytest.fixture
def wikidata_standin(_standin_server: StandIn) -> Iterator[StandIn]:
    """The running stand-in, with an empty request log and no faults."""
    _standin_server.reset()
    yield _standin_server
    _standin_server.reset()


FRKG_ENTITIES = """
@prefix frkg: <https://w3id.org/frkg/ontology#> .
@prefix id: <https://w3id.org/frkg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
id:country\\/CN a frkg:Country ; rdfs:label "China" ; skos:altLabel "PRC" .
id:country\\/US a frkg:Country ; rdfs:label "United States" .
id:org\\/huawei a frkg:Firm , frkg:Organization ; rdfs:label "Huawei" ; frkg:country id:country\\/CN .
id:org\\/sensetime a frkg:Firm , frkg:Organization ; rdfs:label "SenseTime" ; frkg:country id:country\\/CN .
id:org\\/clearview-ai a frkg:Firm ; rdfs:label "Clearview AI" ; frkg:country id:country\\/US .
id:org\\/megvii a frkg:Firm ; rdfs:label "Megvii" ; frkg:country id:country\\/CN .
id:org\\/acme a frkg:Firm ; rdfs:label "Acme \\"Vision\\" } UNION { ?x ?y ?z } #Labs" .
id:org\\/center-for-a-new-american-security a frkg:ThinkTank , frkg:ResearchOrganization , frkg:Organization ;
    rdfs:label "Center for a New American Security" ; skos:altLabel "CNAS" .
id:person\\/alexandra-seymour a frkg:Person ; rdfs:label "Alexandra Seymour" .
id:technology\\/face-recognition a frkg:Technology ; rdfs:label "face recognition" .
"""


def write_frkg_store(path: Path, turtle: str = FRKG_ENTITIES, links=None) -> Path:
    """A small on-disk frkg store: entities in the default graph, plus links (an rdflib Graph)
    in graph/links and the default graph, as ``frkg build`` lays them out."""
    store = ox.Store(str(path))
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    if links is not None:
        data = links.serialize(format="nt").encode("utf-8")
        store.load(data, format=ox.RdfFormat.N_TRIPLES)
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://w3id.org/frkg/graph/links"))
    store.flush()
    del store
    return path
