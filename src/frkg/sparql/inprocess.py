"""Read-only queries run inside the server's worker process, still with a time limit that really stops them.

Sending every query to a separate query process costs a pipe round trip and
two context switches, which on a cheap lookup is more than the query itself
(bench/endpoint.py).  Here a query runs on a query thread of the worker
process (pyoxigraph releases the GIL while it evaluates and serialises) and
the request's thread waits for it with the time limit.  When the limit passes
the request is answered 503 like any other error; once that answer is sent
the worker asks the server (granian, ``frkg serve``) to replace its workers
gracefully (SIGHUP): fresh workers start, the old ones stop taking requests
and finish those they hold, and the one stuck in the query is ended after
the server's kill timeout, which stops the query and frees its CPU and
memory without dropping any other client's request.  (Ending the worker at
once would drop the requests it had already accepted, and granian stops
altogether when workers die twice within a few seconds.)  Only ``frkg
serve`` turns this on (``FRKG_QUERY_IN_PROCESS`` with ``FRKG_SERVER_PID``);
embedded apps keep :class:`frkg.sparql.executor.ProcessExecutor`, which never
ends its host.

Known-cheap repeats skip the hand-off.  The store is read-only and a build
never changes, so a query without RAND, NOW, UUID, STRUUID, BNODE or SERVICE
does the same work and gives the same rows every time it runs on one build.
When a run on the build now served took at most ``INLINE_SECONDS`` and its
answer was under the row limit, later runs of the same job run on the
request's own thread and write their answer in one pass: the thread hand-off
and the row counting were two fifths of a cheap lookup (bench/endpoint.py).
A watchdog still guards them: should one ever pass the time limit (a
repeat thousands of times slower than its first run), the workers are
replaced as above and the stuck one is ended; its client's connection is
then closed without the 503.
"""
from __future__ import annotations

import os
import queue
import re
import signal
import threading
import time

from cachetools import LRUCache

from frkg.querylog import QUERY_LOG
from frkg.sparql.executor import QueryTimeout
from frkg.sparql.results import Outcome
from frkg.sparql.worker import QueryJob, UpdateJob, run_job

INLINE_SECONDS = 0.005  # a job whose run on this build took at most this long runs on the request thread next time
KNOWN_BYTES = 8 * 1024 * 1024  # bound of the known-cheap jobs kept per worker (weighed by query length)
# What can make two runs of one query on one build differ in work or rows.
_VARYING = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)

class _Ticket:
    """One job handed to a query thread; ``done`` is released when ``outcome`` is set."""

    __slots__ = ("job", "outcome", "done")

    def __init__(self, job: QueryJob) -> None:
        self.job, self.outcome = job, None
        self.done = threading.Lock()
        self.done.acquire()


class InProcessExecutor:
    """Runs jobs on ``backend.store`` (an :class:`frkg.backend.OxigraphBackend`) on ``threads`` query threads.

    A lock hand-off costs about 20 microseconds, a tenth of a cheap lookup;
    a thread pool's futures cost three times more.
    """

    def __init__(self, backend, server_pid: int, timeout: float = 30.0, threads: int = 1,
                 inline_seconds: float = INLINE_SECONDS) -> None:
        self.backend, self.server_pid, self.timeout, self.threads = backend, server_pid, timeout, threads
        self.inline_seconds = inline_seconds
        self._tickets: queue.SimpleQueue[_Ticket] = queue.SimpleQueue()
        self._owner_pid = 0  # the process whose threads are running (a forked child needs its own)
        # job -> (generation, rows, weight): the known-cheap jobs, weighed by their query's length
        self._known: LRUCache = LRUCache(KNOWN_BYTES, getsizeof=lambda known: known[2])
        self._known_lock = threading.Lock()
        self._inline: dict[object, float] = {}  # running inline jobs -> monotonic start
        self.inline_runs = 0  # jobs run on the request thread (what the tests check)

    def run(self, job: QueryJob | UpdateJob, generation: object = None) -> Outcome:
        if isinstance(job, UpdateJob):
            return Outcome("refused", message="this server opened the store read-only")
        if self._owner_pid != os.getpid():  # first query in this process (a forked child needs its own threads)
            self._owner_pid = os.getpid()
            for _ in range(self.threads):
                self._start_thread()
            threading.Thread(target=self._watch_inline, name="frkg-inline-watchdog", daemon=True).start()
        rows = self._known_rows(job, generation)
        if rows is not None:
            return self._run_inline(job, rows)
        started = time.perf_counter()
        outcome = self._hand_off(job)
        self._learn(job, generation, time.perf_counter() - started, outcome)
        return outcome

    def close(self) -> None:
        """Nothing to release: the query threads are daemons of this process."""

    def _hand_off(self, job: QueryJob) -> Outcome:
        ticket = _Ticket(job)
        self._tickets.put(ticket)
        if not ticket.done.acquire(timeout=self.timeout):
            self._start_thread()  # the stuck thread's stand-in, so this worker still answers until it is retired
            raise QueryTimeout(self.timeout, after_answer=self._replace_workers)
        return ticket.outcome

    def _known_rows(self, job: QueryJob, generation: object) -> int | None:
        """The answer's row count when a run on this build showed the job is cheap, else None."""
        with self._known_lock:
            known = self._known.get(job)
        return known[1] if known is not None and known[0] == generation else None

    def _learn(self, job: QueryJob, generation: object, seconds: float, outcome: Outcome) -> None:
        """Remember a job that ran quickly to a whole answer, if its runs on one build are all alike."""
        if outcome.status != "ok" or outcome.truncated or seconds > self.inline_seconds or _VARYING.search(job.query):
            return
        weight = 2 * len(job.query) + 256
        with self._known_lock:
            if weight <= KNOWN_BYTES:
                self._known[job] = (generation, outcome.rows, weight)

    def _run_inline(self, job: QueryJob, rows: int) -> Outcome:
        token = object()
        self._inline[token] = time.monotonic()
        self.inline_runs += 1
        try:
            return run_job(self.backend.store, job, known_rows=rows)
        finally:
            del self._inline[token]

    def _watch_inline(self) -> None:
        """Replace the workers (once) when a job run on a request thread passes the time limit."""
        while True:
            time.sleep(min(1.0, self.timeout / 10))
            now = time.monotonic()
            if any(now - started > self.timeout for started in list(self._inline.values())):
                QUERY_LOG.write({"event": "inline_query_overran", "limit_s": self.timeout,
                                 "action": "workers replaced; this worker ends after the server's kill timeout"},
                                urgent=True)
                self._replace_workers()
                return

    def _start_thread(self) -> None:
        threading.Thread(target=self._serve, name="frkg-query", daemon=True).start()

    def _replace_workers(self) -> None:
        """Ask the server to start fresh workers and retire this one (see the module docstring)."""
        os.kill(self.server_pid, signal.SIGHUP)

    def _serve(self) -> None:
        while True:
            ticket = self._tickets.get()
            ticket.outcome = run_job(self.backend.store, ticket.job)  # the store of the build now served
            ticket.done.release()
