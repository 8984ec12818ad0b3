"""A polite, caching SPARQL client for public endpoints such as the Wikidata Query Service.

Public services ban clients that hammer them.  This client follows the
Wikidata Query Service's rules: a descriptive User-Agent with contact details,
one request at a time, ``Retry-After`` honoured on 429, bounded retries with
exponential back-off on 5xx and timeouts, and an on-disk cache of answers keyed
by endpoint and query so that a rerun asks nothing twice.

Why the cache is hand-written: SPARQLWrapper talks through urllib, so HTTP
caches built on requests (requests-cache) do not apply, and a JSON file per
answer (written atomically) is all the cache needs to be inspectable and safe.
"""
from __future__ import annotations

import email.utils
import hashlib
import json
import math
import os
import threading
import time
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path

from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from frkg import __version__
from frkg.errors import FrkgError

AGENT_NAME = f"frkg-link/{__version__}"
AGENT_ABOUT = "https://w3id.org/frkg; knowledge graph entity reconciliation"
CONTACT_ENV = "FRKG_CONTACT"
RETRYABLE_STATUS = {500, 502, 503, 504}
_ONE_AT_A_TIME = threading.Lock()  # shared by every client in the process

Bindings = list[dict[str, dict[str, str]]]


class RemoteSparqlError(FrkgError, RuntimeError):
    """The endpoint did not answer usefully; the message says what to do."""


def user_agent(contact: str | None = None) -> str:
    """The User-Agent sent to public endpoints, with contact details if configured."""
    contact = contact or os.environ.get(CONTACT_ENV)
    about = f"{AGENT_ABOUT}; {contact}" if contact else AGENT_ABOUT
    return f"{AGENT_NAME} ({about})"


@dataclass
class ClientStats:
    """What a run cost the remote service."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    waited_seconds: float = 0.0


@dataclass
class PoliteSparqlClient:
    """SELECT queries against one endpoint, cached on disk, retried politely."""

    endpoint: str
    cache_dir: Path
    agent: str = field(default_factory=user_agent)
    timeout: float = 60.0  # WDQS cuts every query at 60 s
    max_attempts: int = 4
    backoff: float = 2.0  # first back-off in seconds, doubled each retry
    max_wait: float = 300.0  # a Retry-After longer than this stops the run instead of waiting
    pause: float = 1.0  # seconds between two requests, to stay well inside the per-minute budget
    stats: ClientStats = field(default_factory=ClientStats)
    _last_request: float = field(default=0.0, init=False, repr=False)

    def select(self, query: str) -> Bindings:
        """The ``results.bindings`` of a SELECT query, from the cache when it was asked before."""
        cached = self._cache_path(query)
        if cached.is_file():
            self.stats.cache_hits += 1
            return json.loads(cached.read_text(encoding="utf-8"))["bindings"]
        bindings = self._ask(query)
        self._store(cached, query, bindings)
        return bindings

    def _ask(self, query: str) -> Bindings:
        for attempt in range(1, self.max_attempts + 1):
            try:
                return self._request(query)
            except urllib.error.HTTPError as err:
                wait = self._wait_after_http_error(err, attempt)
            except EndPointInternalError as err:
                wait = self._backoff_or_fail(attempt, f"HTTP 500 ({_first_line(err)})")
            except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
                wait = self._backoff_or_fail(attempt, f"no answer ({getattr(err, 'reason', err)})")
            except SPARQLWrapperException as err:
                raise RemoteSparqlError(f"{self.endpoint} refused the query: {_first_line(err)}") from err
            self.stats.retries += 1
            self.stats.waited_seconds += wait
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _request(self, query: str) -> Bindings:
        with _ONE_AT_A_TIME:
            gap = self.pause - (time.monotonic() - self._last_request)
            if self._last_request and gap > 0:
                time.sleep(gap)
            client = SPARQLWrapper(self.endpoint, agent=self.agent)
            client.setQuery(query)
            client.setReturnFormat(JSON)
            client.setTimeout(math.ceil(self.timeout))  # SPARQLWrapper takes whole seconds
            self.stats.requests += 1
            try:
                answer = client.queryAndConvert()
            finally:
                self._last_request = time.monotonic()
        if not isinstance(answer, dict) or "results" not in answer:
            raise RemoteSparqlError(f"{self.endpoint} did not answer with SPARQL JSON results")
        return answer["results"]["bindings"]

    def _wait_after_http_error(self, err: urllib.error.HTTPError, attempt: int) -> float:
        if err.code == 429:
            wait = _retry_after_seconds(err.headers.get("Retry-After"), default=self.backoff * 2 ** (attempt - 1))
            if wait > self.max_wait:
                raise RemoteSparqlError(f"{self.endpoint} asks to wait {wait:.0f} s (HTTP 429), more than "
                                        f"{self.max_wait:.0f} s; rerun later (answers so far are cached)")
            if attempt == self.max_attempts:
                raise RemoteSparqlError(f"{self.endpoint} still rate-limits after {attempt} attempts; rerun later")
            return wait
        if err.code == 403:
            raise RemoteSparqlError(f"{self.endpoint} refused the client (HTTP 403); check the User-Agent "
                                    f"and set {CONTACT_ENV} to an e-mail or URL where you can be reached")
        if err.code in RETRYABLE_STATUS:
            return self._backoff_or_fail(attempt, f"HTTP {err.code}")
        raise RemoteSparqlError(f"{self.endpoint} answered HTTP {err.code} {err.reason}")

    def _backoff_or_fail(self, attempt: int, why: str) -> float:
        if attempt == self.max_attempts:
            raise RemoteSparqlError(f"{self.endpoint}: {why} after {attempt} attempts; "
                                    "check the endpoint URL or rerun later (answers so far are cached)")
        return self.backoff * 2 ** (attempt - 1)

    def _cache_path(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.endpoint}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _store(self, path: Path, query: str, bindings: Bindings) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        record = {"endpoint": self.endpoint, "query": query, "bindings": bindings}
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


def _retry_after_seconds(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
