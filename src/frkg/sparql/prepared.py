"""A query request checked once: its job, log hash and ETag, kept per raw GET request.

Reading a GET request (query-string parsing, content negotiation, the length
and SERVICE checks, the job that keys the result cache, the query's hash for
the log line, the ETag) costs about as much as running a cheap lookup on the
store, and dashboards and browsing analysts send the same requests again and
again.  rdflib-endpoint keeps each query's parsed form for the same reason;
pyoxigraph offers no prepared queries, so what is kept here is everything
around the engine.  Only requests that passed every check are kept, keyed by
their raw query string and Accept header (a different spelling is simply a
different entry); the query still runs on every request unless the result
cache holds its answer.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field

from cachetools import LRUCache

from frkg.sparql.federation import ServiceRefused, check_services
from frkg.sparql.protocol import ProtocolError, SparqlRequest, negotiate
from frkg.sparql.worker import QueryJob

RequestKey = tuple[str, str]  # (raw query string, raw Accept header) of a GET request
MEMO_BYTES = 8 * 1024 * 1024  # a few thousand distinct requests per worker


class Refusal(Exception):
    """A request that fails a check before it runs: ``status`` and a message for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class PreparedQuery:
    """What a checked query request asks for, and what its answers and log lines carry."""

    job: QueryJob
    query_hash: str
    _validators: tuple[str, list[tuple[str, str]]] | None = field(default=None, repr=False)

    def validators(self, build_id: str) -> list[tuple[str, str]]:
        """``ETag`` and ``Cache-Control`` of this request's answer on ``build_id`` (computed once per build).

        The same query, format and limits on the same build give the same
        bytes; ``no-cache`` makes clients revalidate, since a new build can be
        swapped in at any time (a 304 then costs no body).
        """
        cached = self._validators
        if cached is None or cached[0] != build_id:
            digest = hashlib.sha256(f"{build_id}\0{self.job!r}".encode()).hexdigest()[:24]
            cached = self._validators = (build_id, [("ETag", f'"{digest}"'), ("Cache-Control", "no-cache")])
        return list(cached[1])


def query_hash(text: str | None) -> str:
    """The short hash that names a query or update in the log (never the text itself)."""
    return hashlib.sha256(text.encode()).hexdigest()[:16] if text else ""


def prepare(req: SparqlRequest, accept: str | None, config: dict) -> PreparedQuery:
    """Check a query request against the limits and the SERVICE allowlist and negotiate its format.

    Raises :class:`Refusal` (413, 406 or 403) with the reason for the client.
    """
    query = req.query
    limit = config["FRKG_MAX_QUERY_LENGTH"]
    if len(query) > limit:
        raise Refusal(413, f"the query has {len(query)} characters; this server accepts at most {limit}")
    try:
        results_format, graph_format = negotiate(accept, req.format_override)
        check_services(query, list(config["FRKG_SERVICE_ALLOWLIST"]))
    except ProtocolError as err:
        raise Refusal(err.status, str(err)) from err
    except ServiceRefused as err:
        raise Refusal(403, str(err)) from err
    job = QueryJob(query, results_format, graph_format, req.default_graphs, req.named_graphs,
                   int(config["FRKG_MAX_ROWS"]))
    return PreparedQuery(job, query_hash(query))


class RequestMemo:
    """LRU of raw GET request -> :class:`PreparedQuery`, at most ``max_bytes`` (weighed by query length)."""

    def __init__(self, max_bytes: int = MEMO_BYTES) -> None:
        self._lru: LRUCache = LRUCache(maxsize=max(max_bytes, 1),
                                       getsizeof=lambda prepared: 2 * len(prepared.job.query) + 512)
        self._lock = threading.Lock()

    def get(self, key: RequestKey) -> PreparedQuery | None:
        with self._lock:
            return self._lru.get(key)

    def put(self, key: RequestKey, prepared: PreparedQuery) -> None:
        with self._lock:
            if self._lru.getsizeof(prepared) <= self._lru.maxsize:
                self._lru[key] = prepared
