"""Read-only queries run inside the gunicorn worker itself, still with a time limit that really stops them.

Sending every query to a separate query process costs a pipe round trip and
two context switches, which on a cheap lookup is more than the query itself
(bench/endpoint.py).  pyoxigraph releases the GIL while it evaluates and
serialises, so a watchdog thread keeps running beside a query: when the limit
passes it answers the client 503 on the request's own socket (a hand-written
status line: the request's thread, which owns the WSGI response, is stuck in
the query) and ends the worker process at once (``os._exit``), which stops the query and frees its CPU
and memory; gunicorn's arbiter starts a fresh worker.  Only ``frkg serve``
(gunicorn) turns this on (``FRKG_QUERY_IN_PROCESS``); embedded apps keep
:class:`frkg.sparql.executor.ProcessExecutor`, which never ends its host.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from frkg.sparql.executor import QueryTimeout
from frkg.sparql.results import Outcome
from frkg.sparql.worker import QueryJob, UpdateJob, run_job

log = logging.getLogger("frkg.query")


class InProcessExecutor:
    """Runs jobs on ``backend.store`` (an :class:`frkg.backend.OxigraphBackend`) in the calling thread."""

    def __init__(self, backend, timeout: float = 30.0) -> None:
        self.backend, self.timeout = backend, timeout
        self._watchdog = _Watchdog(tick=min(0.1, timeout / 10))

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome:
        if isinstance(job, UpdateJob):
            return Outcome("refused", message="this server opened the store read-only")
        token = self._watchdog.watch(time.monotonic() + self.timeout, _client_socket(), job, self.timeout)
        try:
            return run_job(self.backend.store, job)
        finally:
            self._watchdog.release(token)

    def close(self) -> None:
        """Nothing to release: queries run in this process."""


def _client_socket() -> socket.socket | None:
    """The socket of the request being served (gunicorn puts it in the WSGI environ)."""
    from flask import has_request_context, request

    return request.environ.get("gunicorn.socket") if has_request_context() else None


@dataclass
class _Watch:
    deadline: float
    client: socket.socket | None
    job: QueryJob
    seconds: float


class _Watchdog:
    """One thread per process that wakes every ``tick`` s and ends the process if a query passed its deadline.

    Watching costs a dict insert per query (no thread per query, no wake-up):
    the limit is kept to within ``tick``.
    """

    def __init__(self, tick: float) -> None:
        self.tick = tick
        self._active: dict[int, _Watch] = {}
        self._lock = threading.Lock()
        self._next = itertools.count()
        self._owner_pid = 0  # the process whose thread is running (a forked child needs its own)

    def watch(self, deadline: float, client, job: QueryJob, seconds: float) -> int:
        if self._owner_pid != os.getpid():
            self._owner_pid = os.getpid()
            threading.Thread(target=self._loop, name="frkg-query-watchdog", daemon=True).start()
        token = next(self._next)
        with self._lock:
            self._active[token] = _Watch(deadline, client, job, seconds)
        return token

    def release(self, token: int) -> None:
        with self._lock:
            mine = self._active.pop(token, None)
        if mine is None:
            threading.Event().wait()  # the watchdog took it: it is answering and ending this process

    def _loop(self) -> None:
        while True:
            time.sleep(self.tick)
            now = time.monotonic()
            with self._lock:
                late = next((t for t, w in self._active.items() if w.deadline <= now), None)
                watch = self._active.pop(late) if late is not None else None
            if watch is not None:
                _stop(watch)


def _stop(watch: _Watch) -> None:
    """Answer 503, log and count the timeout, then end the process (which stops the query)."""
    from frkg import metrics

    metrics.TIMEOUTS.inc()
    log.info(json.dumps(_timeout_record(watch.job, watch.seconds)))
    for handler in log.handlers:
        handler.flush()
    _answer(watch.client, str(QueryTimeout(watch.seconds)))
    os._exit(75)  # gunicorn's arbiter starts a fresh worker


def _answer(client: socket.socket | None, message: str) -> None:
    body = (message + "\n").encode()
    head = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\nAccess-Control-Allow-Origin: *\r\n\r\n")
    if client is not None:
        try:
            client.sendall(head.encode() + body)
            client.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the client left; ending the process is all that is left to do


def _timeout_record(job: QueryJob, seconds: float) -> dict:
    """The query log line of a stopped query (the view cannot write it: its thread is stuck in the query)."""
    from frkg import metrics

    metrics.REQUESTS.labels("query", "503").inc()
    metrics.ERRORS.labels("timeout").inc()
    return {
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "event": "query", "status": 503,
        "duration_ms": round(seconds * 1000, 3), "rows": 0, "bytes": 0, "truncated": False, "cache": "",
        "query_sha256": hashlib.sha256(job.query.encode()).hexdigest()[:16],
    }
